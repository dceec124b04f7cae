/**
 * The NWChem output reader on real NWChem 7.0.2 outputs from this machine (testdata/, MO
 * coefficient tables and blank lines stripped to keep them small) and on fuzzed text.
 * Expected numbers are read off the output text by eye (line quoted in each comment).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nwchemFailure } from './nwchem.js';
import { fortranNumber, parseNwchemOutput } from './nwchem-parse.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'testdata');
const read = (f: string) => readFileSync(join(DIR, f), 'utf8');

describe('parseNwchemOutput on real outputs', () => {
  it('Au2⁺ PBE/def2-SVP gradient (default guess): energy, ⟨S²⟩, Mulliken, gradient, symmetry', () => {
    const out = parseNwchemOutput(read('nwchem-au2-cation-gradient.out'));
    expect(out.version).toBe('7.0.2');
    // "Total DFT energy =     -271.191742547458"
    expect(out.energyHa).toBe(-271.191742547458);
    expect(out.scfFailed).toBe(false);
    // "<S2> =      0.7509 (Exact =     0.7500)"
    expect(out.s2).toBe(0.7509);
    // "1 Au  19    18.50 …": Z_eff 19 (def2-ecp removes 60 electrons), 18.50 electrons → +0.50 e
    expect(out.mulliken?.zEff).toEqual([19, 19]);
    expect(out.mulliken?.charges).toEqual([0.5, 0.5]);
    // "1 Au  0.000000 0.000000 -2.335701  0.000000 0.000000 -0.012420"
    expect(Array.from(out.gradient!.gradHaPerBohr)).toEqual([0, 0, -0.01242, 0, -0, 0.01242]);
    expect(out.gradient!.coordsBohr[2]).toBe(-2.335701);
    expect(out.pointGroup).toBe('D4h');
    // this default-guess state is the excited one: an empty β level lies below an occupied β level
    expect(out.orbitals.gapHa!).toBeLessThan(0);
    expect(out.orbitals.homoHa!).toBeCloseTo(-0.4858247, 7);
    expect(nwchemFailure(out, { numbers: [79, 79], task: 'gradient' })).toBeNull();
  });

  it('Al13⁻ optimisation: steps, convergence, final geometry, closed-shell frontier orbitals', () => {
    const out = parseNwchemOutput(read('nwchem-al13-anion-optimize.out'));
    // "@    0   -3149.22329539 …" to "@    3   -3149.22350069 …", then "Optimization converged"
    expect(out.optimization?.converged).toBe(true);
    expect(out.optimization?.energiesHa).toEqual([
      -3149.22329539, -3149.22342423, -3149.22350078, -3149.22350069,
    ]);
    expect(out.energyHa).toBe(-3149.223500691561);
    expect(out.geometry?.symbols).toHaveLength(13);
    // final vertex "2 Al 13.0000 0.00000000 2.27042061 -1.40317487": centre–vertex 2.669 Å
    const p = out.geometry!.positionsA;
    expect(Math.hypot(p[3]!, p[4]!, p[5]!)).toBeCloseTo(Math.hypot(2.27042061, 1.40317487), 8);
    // the first coordinates block is the (re-oriented) input geometry, r = 2.68 Å
    const q = out.firstGeometry!.positionsA;
    expect(Math.hypot(q[3]!, q[4]!, q[5]!)).toBeCloseTo(2.68, 5);
    expect(out.pointGroup).toBe('Th');
    expect(out.orbitals.gapHa!).toBeGreaterThan(0);
    expect(out.orbitals.lumoHa! - out.orbitals.homoHa!).toBeCloseTo(out.orbitals.gapHa!, 12);
    expect(nwchemFailure(out, { numbers: new Array(13).fill(13), task: 'optimize' })).toBeNull();
  });

  it('an optimisation the driver did not call converged: accepted only when its last step meets the gradient thresholds', () => {
    const text = read('nwchem-al13-anion-optimize.out');
    // "@    3   -3149.22350069  8.4D-08  0.00000  0.00000  0.00018  0.00027     22.3"
    expect(parseNwchemOutput(text).optimization?.lastGmaxHaPerBohr).toBe(0);
    const job = { numbers: new Array(13).fill(13), task: 'optimize' as const };
    // Cut the output after step 2: "@    2 … -7.7D-05  0.00002  0.00001  0.00718  0.01100": the
    // forces already meet NWChem's default gmax 0.00045 / grms 0.0003 (NWChem manual, DRIVER), the
    // steps (xmax 0.011 > 0.0018) do not: accepted.
    const lines = text.split('\n');
    const upTo = (n: number) => lines.slice(0, n).join('\n');
    const cut2 = parseNwchemOutput(upTo(2213 + 200));
    expect(cut2.optimization?.converged).toBe(false);
    expect(cut2.optimization?.lastGrmsHaPerBohr).toBe(0.00001);
    expect(nwchemFailure(cut2, job)).toBeNull();
    // Cut after step 1: "@    1 … 0.00086  0.00056 …": gmax above 0.00045, a failure that says why.
    const cut1 = parseNwchemOutput(upTo(1666 + 200));
    expect(cut1.optimization?.lastGmaxHaPerBohr).toBe(0.00086);
    expect(nwchemFailure(cut1, job)).toBe(
      'geometry optimisation did not converge (2 driver steps, last gmax 0.00086 Ha/bohr)',
    );
  });

  it('an unconverged SCF is a failure, never a result', () => {
    const out = parseNwchemOutput(read('nwchem-au2-cation-unconverged.out'));
    expect(out.scfFailed).toBe(true);
    expect(nwchemFailure(out, { numbers: [79, 79], task: 'energy' })).toBe('SCF did not converge');
  });

  it('sanity checks: missing, NaN, positive and impossibly low energies, wild gradients', () => {
    const base = parseNwchemOutput('');
    expect(nwchemFailure(base, { numbers: [1], task: 'energy' })).toMatch(/no SCF energy/);
    const e = (x: string) => parseNwchemOutput(`         Total DFT energy =    ${x}\n`);
    expect(e('NaN').energyHa).toBeNull(); // not a number: not read at all
    expect(nwchemFailure(e('1.5'), { numbers: [1], task: 'energy' })).toMatch(/not negative/);
    // Thomas–Fermi: 2 H atoms cannot be bound by 10 Ha
    expect(nwchemFailure(e('-10.0'), { numbers: [1, 1], task: 'energy' })).toMatch(/Thomas–Fermi/);
    const g = parseNwchemOutput(
      [
        '         Total DFT energy =    -1.1',
        '                         DFT ENERGY GRADIENTS',
        '    atom               coordinates                        gradient',
        '                 x          y          z           x          y          z',
        '   1 H       0.000000   0.000000   0.000000    0.000000   0.000000  -9.000000',
        '   2 H       0.000000   0.000000   1.400000    0.000000   0.000000   9.000000',
        '',
      ].join('\n'),
    );
    expect(nwchemFailure(g, { numbers: [1, 1], task: 'gradient' })).toMatch(/beyond 5/);
    expect(nwchemFailure(g, { numbers: [1, 1, 1], task: 'gradient' })).toMatch(/every atom/);
  });
});

describe('parser fuzzing', () => {
  const real = read('nwchem-au2-cation-gradient.out').split('\n');

  it('never throws on arbitrary text or on real lines shuffled and cut', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        parseNwchemOutput(s);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.array(fc.nat(real.length - 1), { maxLength: 300 }), (idx) => {
        const out = parseNwchemOutput(idx.map((i) => real[i]).join('\n'));
        if (out.energyHa !== null) expect(Number.isFinite(out.energyHa)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('reads back energies and orbital levels written in NWChem’s formats', () => {
    const dForm = (x: number) => {
      const [m, e] = x.toExponential(6).split('e');
      return `${m}D${Number(e) < 0 ? '-' : '+'}${String(Math.abs(Number(e))).padStart(2, '0')}`;
    };
    fc.assert(
      fc.property(
        fc.double({ min: -1e5, max: -1e-3, noNaN: true }),
        fc.array(fc.double({ min: -20, max: 5, noNaN: true }), { minLength: 2, maxLength: 12 }),
        (energy, levels) => {
          const sorted = [...levels].sort((a, b) => a - b);
          const nOcc = Math.ceil(sorted.length / 2);
          const text = [
            `         Total DFT energy = ${energy.toFixed(12).padStart(20)}`,
            '                       DFT Final Molecular Orbital Analysis',
            ...sorted.map(
              (e, k) =>
                ` Vector ${String(k + 1).padStart(4)}  Occ=${dForm(k < nOcc ? 2 : 0)}  E=${dForm(e)}  Symmetry=a1`,
            ),
            '',
          ].join('\n');
          const out = parseNwchemOutput(text);
          expect(out.energyHa).toBeCloseTo(energy, 9);
          const homo = fortranNumber(dForm(sorted[nOcc - 1]!));
          expect(out.orbitals.homoHa).toBe(homo);
          if (nOcc < sorted.length) expect(out.orbitals.lumoHa).toBe(fortranNumber(dForm(sorted[nOcc]!)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('fortranNumber reads D and E exponents and refuses junk', () => {
    expect(fortranNumber('-6.024025D-01')).toBeCloseTo(-0.6024025, 12);
    expect(fortranNumber('1.0E+00')).toBe(1);
    expect(fortranNumber('0.75')).toBe(0.75);
    expect(fortranNumber('1.2.3')).toBeNaN();
    expect(fortranNumber('NaN')).toBeNaN();
    expect(fortranNumber('')).toBeNaN();
  });
});
