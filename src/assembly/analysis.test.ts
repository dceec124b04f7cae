/**
 * Structure analysis on configurations whose answers are known by construction: an fcc lattice
 * (12 neighbours at d, Bragg peak (111) at q = 2π√3/a with S = N), a uniform slab profile, block
 * averages of known series; and the non-periodic cell list against a hand-written pair sum.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { blockAverage, densityProfile, radialDistribution, structureFactor } from './analysis.js';
import { crystal } from './builders.js';
import { createForceField } from './forces.js';
import { COULOMB_EV_A, modelFromObject } from './model.js';

const fcc = crystal({ species: 'A', radius: 5, charge: 0 }, { lattice: 'fcc', repeat: [3, 3, 3] }).system;
const d = 10;
const a = d * Math.SQRT2;

describe('analysis', () => {
  it('RDF of fcc: the first shell integrates to 12 neighbours at d', () => {
    const dr = 0.25;
    const g = radialDistribution(fcc, fcc.positions, 0, 0, 12, dr);
    const rho = fcc.types.length / (27 * a ** 3);
    let n = 0;
    for (let k = 0; k < g.r.length; k++) {
      const r = g.r[k]!;
      if (r > d * 1.05) break;
      n += g.g[k]! * rho * 4 * Math.PI * r * r * dr;
    }
    expect(n).toBeCloseTo(12, 0);
    const peak = g.r[g.g.indexOf(Math.max(...g.g))]!;
    expect(Math.abs(peak - d)).toBeLessThan(dr);
  });

  it('S(q) of fcc: the (111) Bragg vectors at 2π√3/a hold S = N; (100) is extinct', () => {
    const q111 = (2 * Math.PI * Math.sqrt(3)) / a;
    const dq = 0.01;
    const s = structureFactor(fcc, fcc.positions, q111 + 0.02, dq);
    const at = (q: number) => s.S[s.q.findIndex((x) => Math.abs(x - q) <= dq / 2 + 1e-12)] ?? 0;
    // in the 3a box q = 2π(h, k, l)/3a; |q| = q111 holds (3,3,3)-type vectors (4 in a half space,
    // each S = N) and (5,1,1)-type ones (12, not reciprocal-lattice vectors: S = 0), so the shell
    // average is N · 4/16
    expect(at(q111) / fcc.types.length).toBeCloseTo(0.25, 6);
    // (100) of the conventional cube is forbidden for fcc (h, k, l not all odd or all even)
    expect(at((2 * Math.PI) / a)).toBeLessThan(1e-9);
  });

  it('density profile of a lattice: N/(V) on average, slabs along z', () => {
    const p = densityProfile(fcc, fcc.positions, 2, 6);
    const mean = p.density.reduce((x, y) => x + y, 0) / p.density.length;
    expect(mean).toBeCloseTo(fcc.types.length / (27 * a ** 3), 12);
  });

  it('block averages: exact mean; the error of independent deviates ≈ σ/√n', () => {
    expect(blockAverage([1, 2, 3, 4, 5, 6], 3).mean).toBe(3.5);
    const rng = createRng(4);
    const v = Array.from({ length: 20000 }, () => rng.normal());
    const b = blockAverage(v, 20);
    expect(b.stderr).toBeGreaterThan(0.5 / Math.sqrt(20000));
    expect(b.stderr).toBeLessThan(2 / Math.sqrt(20000));
  });

  it('finite systems with cut-offs use cell lists that agree with a hand-written pair sum', () => {
    const m = modelFromObject({
      species: { A: { mass: 1, sigma: 3, epsilon: 0.1, charge: 0.5 } },
      cutoff: 7,
      coulomb: { method: 'direct', cutoff: 9 },
    });
    const rng = createRng(8);
    const n = 150;
    const pos = Float64Array.from({ length: 3 * n }, () => rng.next() * 40);
    const s = { species: ['A'], types: new Int32Array(n), positions: pos };
    const e = createForceField(m, s).compute(pos);
    let lj = 0;
    let c = 0;
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const r = Math.hypot(
          pos[3 * i]! - pos[3 * j]!,
          pos[3 * i + 1]! - pos[3 * j + 1]!,
          pos[3 * i + 2]! - pos[3 * j + 2]!,
        );
        if (r < 7) lj += 0.4 * ((3 / r) ** 12 - (3 / r) ** 6);
        if (r < 9) c += (COULOMB_EV_A * 0.25) / r;
      }
    expect(e.lj / lj).toBeCloseTo(1, 12);
    expect(e.coulomb / c).toBeCloseTo(1, 12);
  });
});
