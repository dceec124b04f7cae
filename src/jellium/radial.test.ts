/**
 * The Numerov solver against analytic spectra (independent constructions):
 * - 3D isotropic harmonic oscillator V = ω²r²/2: ε = ω(2k + l + 3/2) (k radial nodes);
 * - Hartree potential of a normalised Gaussian density of width σ: V_H = erf(r/(σ√2))/r.
 */
import { describe, expect, it } from 'vitest';
import { hartree, makeGrid, RadialSolver } from './radial.js';

describe('Numerov radial solver', () => {
  it('reproduces the harmonic-oscillator levels ω(2k + l + 3/2)', () => {
    const omega = 0.1;
    const grid = makeGrid(0.1, 40);
    const v = new Float64Array(grid.m + 1);
    for (let i = 0; i <= grid.m; i++) v[i] = 0.5 * omega * omega * grid.r[i]! ** 2;
    const s = new RadialSolver(grid);
    const u = new Float64Array(grid.m + 1);
    for (let l = 0; l <= 6; l++)
      for (let k = 0; k <= 3; k++) {
        const e = s.solve(v, l, k, u, 0, 10);
        expect(e.converged).toBe(true);
        // Numerov: O(h⁴) error, ≤ 3e-7 Ha at h = 0.1 bohr
        expect(Math.abs(e.energy - omega * (2 * k + l + 1.5))).toBeLessThan(1e-6);
      }
  });

  it('gives the Hartree potential of a Gaussian charge, erf(r/(σ√2))/r', () => {
    const sigma = 2;
    const grid = makeGrid(0.1, 40);
    const n = new Float64Array(grid.m + 1);
    for (let i = 0; i <= grid.m; i++)
      n[i] = Math.exp(-(grid.r[i]! ** 2) / (2 * sigma * sigma)) / (2 * Math.PI * sigma * sigma) ** 1.5;
    const vh = new Float64Array(grid.m + 1);
    expect(hartree(grid, n, vh)).toBeCloseTo(1, 10);
    // erf via its Taylor series (independent of the code under test), good to 1e-12 for x < 3
    const erf = (x: number) => {
      let term = x;
      let sum = x;
      for (let k = 1; k < 80; k++) {
        term *= (-x * x) / k;
        sum += term / (2 * k + 1);
      }
      return (2 / Math.sqrt(Math.PI)) * sum;
    };
    expect(vh[0]!).toBeCloseTo(Math.sqrt(2 / Math.PI) / sigma, 6);
    for (const r of [0.5, 2, 4, 8, 20, 40]) {
      const i = Math.round(r / grid.h);
      const exact = r <= 8 ? erf(r / (sigma * Math.SQRT2)) / r : 1 / r;
      expect(vh[i]!).toBeCloseTo(exact, 6);
    }
  });
});
