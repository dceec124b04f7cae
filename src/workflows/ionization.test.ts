/**
 * ΔSCF bookkeeping checked on an independent construction: a diatomic whose every charge state is a
 * harmonic well E_q(r) = A_q + ½ k (r − r_q)², so each vertical and adiabatic value has a closed
 * form. Verdict thresholds: EA(Cl) 3.62 eV, IP(Cs) 3.89 eV (src/count/rules/superhalogen.ts).
 */
import { describe, expect, it } from 'vitest';
import { parseFormula } from '../chem/index.js';
import { EngineError } from '../core/errors.js';
import { countWith } from '../count/index.js';
import type { CalcInput, CalcOutput, Calculator } from '../potential/calculator.js';
import {
  checkSuperatomTemplate,
  fireRelax,
  ionization,
  LIKE_BAND_EV,
  methodBias,
  superVerdicts,
} from './ionization.js';

const K = 10; // eV/Å²
const WELLS: Record<number, { a: number; r: number }> = {
  0: { a: 0, r: 2.0 },
  1: { a: 7, r: 2.3 },
  [-1]: { a: -3, r: 1.8 },
};

function dimer(calls: CalcInput[], selfOptimizing: boolean): Calculator & { optimize?: unknown } {
  const evaluate = (input: CalcInput): CalcOutput => {
    calls.push(input);
    const w = WELLS[input.charge]!;
    const p = input.positions;
    const d = [p[3]! - p[0]!, p[4]! - p[1]!, p[5]! - p[2]!];
    const r = Math.hypot(d[0]!, d[1]!, d[2]!);
    const f = -K * (r - w.r); // force on atom 2 along the bond
    const forces = Float64Array.of(...d.map((x) => (-f * x) / r), ...d.map((x) => (f * x) / r));
    return {
      energyEv: w.a + 0.5 * K * (r - w.r) ** 2,
      ...(input.gradient ? { forcesEvPerA: forces } : {}),
      converged: true,
      attempts: [{ method: 'harmonic', settings: { charge: input.charge }, status: 'ok', reason: '' }],
    };
  };
  const calc: Calculator & { optimize?: unknown } = {
    engine: 'test',
    method: 'harmonic',
    calculate: (input) => Promise.resolve(evaluate(input)),
  };
  if (selfOptimizing) {
    calc.optimize = (input: CalcInput) => {
      const w = WELLS[input.charge]!;
      const positions = Float64Array.of(0, 0, 0, 0, 0, w.r);
      return Promise.resolve({ positions, output: evaluate({ ...input, positions }) });
    };
  }
  return calc;
}

const start = { numbers: Uint8Array.of(11, 11), positions: Float64Array.of(0, 0, 0, 0, 0, 2.1) };

describe('ionization (ΔSCF)', () => {
  it('vertical values at the input geometry', async () => {
    const calls: CalcInput[] = [];
    const r = await ionization(dimer(calls, false), { ...start, ip: true, ea: true });
    const e = (q: number) => WELLS[q]!.a + 0.5 * K * (2.1 - WELLS[q]!.r) ** 2;
    expect(r.ip!.verticalEv).toBeCloseTo(e(1) - e(0), 12);
    expect(r.ea!.verticalEv).toBeCloseTo(e(0) - e(-1), 12);
    expect(r.ip!.adiabaticEv).toBeNull();
    expect(r.ea!.vdeEv).toBeNull();
    expect(calls.map((c) => c.charge)).toEqual([0, 1, -1]);
    expect(r.energies.map((x) => x.geometry)).toEqual(['input', 'input', 'input']);
  });

  it('adiabatic, vertical and VDE with a self-optimising calculator (closed forms)', async () => {
    const r = await ionization(dimer([], true), { ...start, ip: true, ea: true, adiabatic: true });
    // vertical IP = A₊ + ½k(r₀ − r₊)² − A₀ = 7 + 5·0.09; adiabatic IP = 7
    expect(r.ip!.verticalEv).toBeCloseTo(7.45, 12);
    expect(r.ip!.adiabaticEv).toBeCloseTo(7, 12);
    // vertical EA = A₀ − (A₋ + ½k(r₀ − r₋)²) = 3 − 0.2; adiabatic 3; VDE = ½k(r₋ − r₀)² + 3 = 3.2
    expect(r.ea!.verticalEv).toBeCloseTo(2.8, 12);
    expect(r.ea!.adiabaticEv).toBeCloseTo(3, 12);
    expect(r.ea!.vdeEv).toBeCloseTo(3.2, 12);
    expect(r.geometries.anion).toEqual([0, 0, 0, 0, 0, 1.8]);
  });

  it('adiabatic values through the FIRE relaxation when the calculator cannot optimise', async () => {
    const r = await ionization(dimer([], false), {
      ...start,
      ea: true,
      adiabatic: true,
      fmaxEvPerA: 1e-5,
      maxSteps: 2000,
    });
    expect(r.ea!.adiabaticEv!).toBeCloseTo(3, 8);
    expect(r.ea!.vdeEv!).toBeCloseTo(3.2, 5);
    const g = r.geometries.anion!;
    expect(Math.hypot(g[3]! - g[0]!, g[4]! - g[1]!, g[5]! - g[2]!)).toBeCloseTo(1.8, 5);
  });

  it('FIRE gives up with a LimitError after its step budget', async () => {
    await expect(fireRelax(dimer([], false), { ...start, charge: 0 }, {}, 1e-12, 3)).rejects.toThrow(
      /did not reach/,
    );
  });

  it('an engine failure in any charge state fails the whole ΔSCF value', async () => {
    const calc = dimer([], false);
    const failing: Calculator = {
      ...calc,
      calculate: (input) =>
        input.charge === 1
          ? Promise.reject(new EngineError('engine-failed', 'no SCF state converged'))
          : calc.calculate(input),
    };
    await expect(ionization(failing, { ...start, ip: true })).rejects.toThrow(/no SCF state converged/);
  });

  it('cancellation before a relaxation step stops it', async () => {
    await expect(
      fireRelax(dimer([], false), { ...start, charge: 0 }, { signal: { aborted: true } }),
    ).rejects.toThrow(/cancelled/);
  });
});

describe('superhalogen / superalkali verdicts', () => {
  const alcl4 = countWith(parseFormula('AlCl4'), 'superhalogen');
  const al13 = countWith(parseFormula('Al13'), 'superhalogen');
  const li3o = countWith(parseFormula('Li3O'), 'superhalogen');
  const ea = (x: number, adiabatic: number | null = null) => ({
    method: 'pbe',
    ip: null,
    ea: { verticalEv: x, adiabaticEv: adiabatic, vdeEv: null },
  });

  it('the counting rule gives the templates checked here', () => {
    expect(alcl4.analogue).toBe('superhalogen');
    expect(al13.analogue).toBe('superhalogen');
    expect(li3o.analogue).toBe('superalkali');
  });

  it('EA clearly above Cl’s (by more than the method’s uncertainty) confirms a superhalogen', () => {
    const [v] = superVerdicts(ea(5.5), { template: alcl4, basis: 'def2-svp' });
    expect(v!.verdict).toBe('superhalogen');
    expect(v!.template?.outcome).toBe('confirmed');
    expect(v!.uncertaintyEv).toBe(0.3);
    expect(v!.bias).toMatch(/no diffuse functions/);
    expect(v!.from).toBe('vertical');
  });

  it('the adiabatic value decides when present; within a few tenths of Cl’s it is halogen-like only', () => {
    const [v] = superVerdicts(ea(3.9, 3.55), { template: al13 });
    expect(v!.valueEv).toBe(3.55);
    expect(v!.from).toBe('adiabatic');
    expect(v!.verdict).toBe('halogen-like');
    expect(v!.template?.outcome).toBe('halogen-like only');
    // above Cl's but inside the uncertainty band: still not established
    const [w] = superVerdicts(ea(3.8), { template: al13 });
    expect(w!.verdict).toBe('halogen-like');
    expect(w!.notes.join(' ')).toMatch(/not established/);
  });

  it('far below Cl’s refutes the template', () => {
    const [v] = superVerdicts(ea(3.62 - LIKE_BAND_EV - 0.5), { template: alcl4 });
    expect(v!.verdict).toBe('not-halogen-like');
    expect(v!.template?.outcome).toBe('refuted');
  });

  it('superalkali by IP below Cs’s; alkali-like near it; without a template no outcome is claimed', () => {
    const ip = (x: number) => ({ method: 'pbe0', ea: null, ip: { verticalEv: x, adiabaticEv: null } });
    expect(superVerdicts(ip(3.2), { template: li3o })[0]!.template?.outcome).toBe('confirmed');
    expect(superVerdicts(ip(3.8), { template: li3o })[0]!.verdict).toBe('alkali-like');
    expect(superVerdicts(ip(5.5), { template: li3o })[0]!.template?.outcome).toBe('refuted');
    expect(superVerdicts(ip(3.2))[0]!.template).toBeNull();
    // an alkali template checked by an EA: not a superhalogen candidate
    expect(superVerdicts(ea(4.5), { template: li3o })[0]!.template?.outcome).toBe('not a candidate');
  });

  it('method biases are stated', () => {
    expect(methodBias('gfn2').uncertaintyEv).toBe(0.5);
    expect(methodBias('gfn2').bias).toMatch(/IPEA/);
    expect(methodBias('pbe0', 'def2-tzvp').bias).toMatch(/PBE0/);
    expect(methodBias('lj').bias).toMatch(/no known accuracy/);
  });
});

describe('checkSuperatomTemplate', () => {
  it('computes the EA of a superhalogen candidate and judges the template by it', async () => {
    // harmonic wells: vertical EA at r = 2.1 Å is A₀ + ½k(0.1)² − (A₋ + ½k(0.3)²) = 0.05 + 3 − 0.45 = 2.6 eV
    const c = await checkSuperatomTemplate(
      dimer([], false),
      countWith(parseFormula('AlCl4'), 'superhalogen'),
      start,
    );
    expect(c.computed).toBe('ea');
    expect(c.ionization!.ea!.verticalEv).toBeCloseTo(2.6, 12);
    expect(c.verdicts[0]!.verdict).toBe('not-halogen-like');
    expect(c.verdicts[0]!.template?.outcome).toBe('refuted');
  });

  it('computes the IP of a superalkali candidate; a non-candidate costs no calculation', async () => {
    const calls: CalcInput[] = [];
    const c = await checkSuperatomTemplate(
      dimer(calls, false),
      countWith(parseFormula('Li3O'), 'superhalogen'),
      start,
    );
    expect(c.computed).toBe('ip');
    expect(calls.map((x) => x.charge)).toEqual([0, 1]);
    // IP 7 + ½k(0.2)² − ½k(0.1)² = 7.15 eV, far above Cs's 3.89 eV
    expect(c.verdicts[0]!.template?.outcome).toBe('refuted');
    const none = await checkSuperatomTemplate(
      dimer(calls, false),
      countWith(parseFormula('Au2'), 'superhalogen'),
      start,
    );
    expect(none.computed).toBe('none');
    expect(calls).toHaveLength(2);
  });
});
