import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { createRng } from '../core/rng.js';
import { COHESIVE_ENERGY_EV, GUPTA_PARAMETERS, SUTTON_CHEN_PARAMETERS } from '../data/potentials.js';
import { createLbfgs } from '../optimize/local.js';
import { checkForces } from './force-check.js';
import { createGupta } from './gupta.js';
import { createLennardJones, ljEnergyForces, ljEnergyForcesCells } from './lennard-jones.js';
import { createMorse } from './morse.js';
import { createPotential } from './spec.js';
import { createSuttonChen, createSuttonChenReduced } from './sutton-chen.js';
import { fccBall, mackayIcosahedron, smallCluster, truncatedOctahedron38 } from './test-shapes.js';
import type { Potential } from './types.js';

/** A random compact cluster with no two atoms closer than 0.8 nn. */
function randomCompact(n: number, nn: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const x = new Float64Array(3 * n);
  const r = nn * Math.cbrt(n) * 0.9;
  for (let i = 0; i < n; i++) {
    for (;;) {
      const p = [0, 1, 2].map(() => (2 * rng.next() - 1) * r);
      let ok = true;
      for (let j = 0; j < i && ok; j++) {
        ok = Math.hypot(p[0]! - x[3 * j]!, p[1]! - x[3 * j + 1]!, p[2]! - x[3 * j + 2]!) > 0.8 * nn;
      }
      if (ok) {
        x.set(p, 3 * i);
        break;
      }
    }
  }
  return x;
}

function relax(p: Potential, x: Float64Array): number {
  const r = createLbfgs().minimize(p, x, { fmax: 1e-8 * (p.bondEnergy / p.nearestNeighbour) });
  expect(r.converged).toBe(true);
  return r.energy;
}

const potentials: [string, Potential][] = [
  ['lj', createLennardJones()],
  ['lj:Ar (eV, Å)', createPotential('lj:Ar')],
  ['lj with cut-off 2.5σ', createLennardJones({ cutoff: 2.5 })],
  ['morse:3', createMorse({ rho: 3 })],
  ['morse:6', createMorse({ rho: 6 })],
  ['morse:14', createMorse({ rho: 14 })],
  ['gupta:Au', createGupta('Au')],
  ['gupta:Al', createGupta('Al')],
  ['sutton-chen:Ag', createPotential('sutton-chen:Ag')],
  ['sutton-chen:9-6', createSuttonChenReduced('9-6')],
  ['sutton-chen:10-8', createSuttonChenReduced('10-8')],
];

describe('forces of every potential', () => {
  for (const [label, p] of potentials) {
    it(`${label}: forces match central finite differences and sum to zero`, () => {
      const x = randomCompact(19, p.nearestNeighbour, 7);
      const c = checkForces(p, x);
      expect(c.relativeError).toBeLessThan(1e-5);
      expect(c.netForce).toBeLessThan(1e-9 * Math.max(1, c.maxForce) * 19);
      // per-atom energies add up to the total
      const ea = new Float64Array(19);
      const e = p.evaluate(x, undefined, ea);
      expect(ea.reduce((s, v) => s + v, 0)).toBeCloseTo(e, 9);
    });
  }
  it('mixed Au–Pd Gupta: forces match finite differences', () => {
    const symbols = Array.from({ length: 14 }, (_, i) => (i % 3 === 0 ? 'Pd' : 'Au'));
    const p = createGupta(symbols);
    const c = checkForces(p, randomCompact(14, p.nearestNeighbour, 3));
    expect(c.relativeError).toBeLessThan(1e-5);
    expect(c.netForce).toBeLessThan(1e-10);
  });
  it('the cell-list LJ kernel equals the all-pairs kernel with the same cut-off', () => {
    const n = 300;
    const x = randomCompact(n, 1.12, 11);
    const rc = 2.5;
    const pAll = createLennardJones({ cutoff: rc });
    // small systems use all pairs plus a cut-off correction; compare with the cell list directly
    const fAll = new Float64Array(3 * n);
    const fCell = new Float64Array(3 * n);
    const eAll = pAll.evaluate(x.subarray(0, 3 * 200), fAll.subarray(0, 600));
    const eCell = ljEnergyForcesCells(x.subarray(0, 600), 200, fCell.subarray(0, 600), rc, {
      head: new Int32Array(0),
      next: new Int32Array(0),
    });
    expect(eCell).toBeCloseTo(eAll, 9);
    for (let k = 0; k < 600; k++) expect(fCell[k]).toBeCloseTo(fAll[k]!, 8);
    // and the full untruncated kernel differs by the tail
    expect(ljEnergyForces(x, n, undefined)).toBeLessThan(pAll.evaluate(x));
  });
});

describe('Lennard-Jones', () => {
  const lj = createLennardJones();
  it('dimer: −ε at r = 2^(1/6) σ, zero at σ', () => {
    expect(lj.evaluate(Float64Array.from([0, 0, 0, 2 ** (1 / 6), 0, 0]))).toBeCloseTo(-1, 14);
    expect(lj.evaluate(Float64Array.from([0, 0, 0, 1, 0, 0]))).toBeCloseTo(0, 14);
  });
  it('reproduces the Cambridge Cluster Database minima LJ13, LJ38 (fcc truncated octahedron), LJ55', () => {
    // Cambridge Cluster Database (Wales & Doye, J. Phys. Chem. A 101, 5111 (1997)):
    // LJ13 = −44.326801, LJ38 = −173.928427, LJ55 = −279.248470 ε.
    expect(relax(lj, mackayIcosahedron(1, 1.1))).toBeCloseTo(-44.326801, 5);
    expect(relax(lj, truncatedOctahedron38(1.1))).toBeCloseTo(-173.928427, 5);
    expect(relax(lj, mackayIcosahedron(2, 1.1))).toBeCloseTo(-279.24847, 5);
  });
  it('eV/Å units scale by ε and σ (argon, Rahman 1964: ε/k_B = 120 K, σ = 3.4 Å)', () => {
    const ar = createPotential('lj:Ar');
    const x = mackayIcosahedron(1, 1.1);
    const reduced = lj.evaluate(x);
    const scaled = Float64Array.from(x, (c) => c * 3.4);
    expect(ar.evaluate(scaled)).toBeCloseTo(reduced * 120 * 8.617333262e-5, 12);
  });
});

describe('Morse', () => {
  it('reproduces Doye–Wales minima M5–M7 at ρ = 6 and M5, M6 at ρ = 3', () => {
    // Doye & Wales, J. Chem. Soc. Faraday Trans. 93, 4233 (1997), Table 1 (Cambridge Cluster Database):
    // ρ=6: M5 −9.0449 (D3h), M6 −12.4878 (Oh), M7 −16.2076 (D5h); ρ=3: M5 −9.2995, M6 −13.5442.
    const m6 = createMorse({ rho: 6 });
    expect(relax(m6, smallCluster(5))).toBeCloseTo(-9.0449, 4);
    expect(relax(m6, smallCluster(6))).toBeCloseTo(-12.4878, 4);
    expect(relax(m6, smallCluster(7))).toBeCloseTo(-16.2076, 4);
    const m3 = createMorse({ rho: 3 });
    expect(relax(m3, smallCluster(5))).toBeCloseTo(-9.2995, 4);
    expect(relax(m3, smallCluster(6))).toBeCloseTo(-13.5442, 4);
  });
  it('dimer well depth ε at r0', () => {
    expect(createMorse({ rho: 6 }).evaluate(Float64Array.from([0, 0, 0, 0, 0, 1]))).toBeCloseTo(-1, 14);
  });
});

describe('Sutton–Chen', () => {
  it('reproduces the 12-6 global minima N = 3–6 of the Cambridge Cluster Database', () => {
    // Doye & Wales, New J. Chem. 22, 733 (1998): −1704.6905, −2601.8447, −3461.3452, −4378.8875 ε (a = 1, c = 144.41)
    const sc = createSuttonChen({ n: 12, m: 6, c: 144.41 });
    const expected = { 3: -1704.6905, 4: -2601.8447, 5: -3461.3452, 6: -4378.8875 } as const;
    for (const n of [3, 4, 5, 6] as const) {
      expect(relax(sc, smallCluster(n, 0.8))).toBeCloseTo(expected[n], 3);
    }
  });
});

describe('Sutton–Chen element sets (Sutton & Chen 1990)', () => {
  it('bulk fcc cohesive energy within 1.5 % of experiment (the fitted quantity, full lattice sums)', () => {
    // Sutton & Chen fitted ε and c to the cohesive energy at the experimental lattice constant;
    // Ec from Kittel, Introduction to Solid State Physics, Table 3.1.
    for (const [el, p] of Object.entries(SUTTON_CHEN_PARAMETERS)) {
      const x = fccBall(5 * p.aA, p.aA / Math.SQRT2);
      const n = x.length / 3;
      const ea = new Float64Array(n);
      createPotential(`sutton-chen:${el}`).evaluate(x, undefined, ea);
      let centre = 0;
      for (let i = 0; i < n; i++) if (Math.hypot(x[3 * i]!, x[3 * i + 1]!, x[3 * i + 2]!) < 1e-9) centre = i;
      const ec = COHESIVE_ENERGY_EV[el]!;
      expect(Math.abs(-ea[centre]! - ec) / ec, el).toBeLessThan(0.015);
    }
  });
});

describe('Gupta (Cleri & Rosato 1993)', () => {
  it('dimer energy follows the formula 2A e^{−p(r/r0−1)} − 2ξ e^{−q(r/r0−1)}', () => {
    const p = GUPTA_PARAMETERS.Au!;
    const r = 2.6;
    const expected =
      2 * p.aEv * Math.exp(-p.p * (r / p.r0A - 1)) - 2 * p.xiEv * Math.exp(-p.q * (r / p.r0A - 1));
    expect(createGupta('Au').evaluate(Float64Array.from([0, 0, 0, r, 0, 0]))).toBeCloseTo(expected, 12);
  });
  it('bulk fcc cohesive energy of each metal within 2 % of experiment (the fitted quantity)', () => {
    // Cleri & Rosato fitted Ec to experiment with interactions up to the fifth neighbours;
    // Ec from Kittel, Introduction to Solid State Physics, Table 3.1.
    for (const [el, ec] of Object.entries(COHESIVE_ENERGY_EV)) {
      const g = createGupta(el);
      const x = fccBall(Math.sqrt(5) * 1.01 * GUPTA_PARAMETERS[el]!.r0A, GUPTA_PARAMETERS[el]!.r0A);
      const n = x.length / 3;
      const ea = new Float64Array(n);
      g.evaluate(x, undefined, ea);
      let centre = 0;
      for (let i = 0; i < n; i++) if (Math.hypot(x[3 * i]!, x[3 * i + 1]!, x[3 * i + 2]!) < 1e-9) centre = i;
      expect(Math.abs(-ea[centre]! - ec) / ec, el).toBeLessThan(0.02);
    }
  });
});

describe('bad input', () => {
  const lj = createLennardJones();
  it('NaN coordinates give an InputError, not NaN', () => {
    expect(() => lj.evaluate(Float64Array.from([0, 0, 0, Number.NaN, 0, 0]))).toThrow(InputError);
    expect(() => createGupta('Au').evaluate(Float64Array.from([0, 0, 0, Number.NaN, 0, 0]))).toThrow(
      /non-finite/,
    );
  });
  it('atoms on top of each other give an InputError', () => {
    expect(() => lj.evaluate(Float64Array.from([1, 1, 1, 1, 1, 1]))).toThrow(/on top of each other/);
    expect(() => createMorse({ rho: 6 }).evaluate(Float64Array.from([1, 1, 1, 1, 1, 1]))).toThrow(InputError);
    expect(() => createPotential('sutton-chen:Ag').evaluate(Float64Array.from([1, 1, 1, 1, 1, 1]))).toThrow(
      InputError,
    );
  });
  it('unknown elements and potentials give InputErrors with hints', () => {
    expect(() => createPotential('gupta:Xx')).toThrow(/no Gupta parameters/);
    expect(() => createPotential('gupta:Fe')).toThrow(InputError);
    expect(() => createPotential('sutton-chen:Zz')).toThrow(InputError);
    expect(() => createPotential('tersoff')).toThrow(/unknown potential/);
    expect(() => createPotential('morse:abc')).toThrow(InputError);
    expect(() => createPotential('morse:-2')).toThrow(InputError);
  });
  it('spec parsing is case-insensitive in the element', () => {
    expect(createPotential('gupta:au').name).toBe('gupta:Au');
    expect(createPotential('GUPTA', [79, 79]).name).toBe('gupta:Au');
    expect(createPotential('gupta', [79, 46]).name).toBe('gupta:AuPd');
  });
});
