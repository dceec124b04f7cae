import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { randomCluster } from '../optimize/geometry.js';
import { createLbfgs } from '../optimize/local.js';
import { createLennardJones, ljEnergyForces } from './lennard-jones.js';
import { wasmLjKernel } from './lj-wasm.js';
import { mackayIcosahedron, truncatedOctahedron38 } from './test-shapes.js';

// The WebAssembly kernel against the JS reference loop (an independent implementation of the
// same sum, scalar and in another order), and against published minima.
describe('Lennard-Jones WebAssembly SIMD kernel', () => {
  const kernel = wasmLjKernel();

  it('loads in Node 20 (WebAssembly SIMD is on by default)', () => {
    expect(kernel).toBeDefined();
  });

  it('matches the JS loop for every size parity and small n, with and without forces', () => {
    const rng = createRng(7);
    for (const n of [0, 1, 2, 3, 4, 5, 6, 7, 13, 38, 55, 100, 147, 301]) {
      const x = randomCluster(n, 2 ** (1 / 6), rng);
      const fRef = new Float64Array(3 * n);
      const fW = new Float64Array(3 * n).fill(99); // overwritten, not accumulated
      const eRef = ljEnergyForces(x, n, fRef);
      const eW = kernel!(x, n, fW);
      expect(Math.abs(eW - eRef)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(eRef)));
      expect(Math.abs(kernel!(x, n, undefined) - eRef)).toBeLessThanOrEqual(
        1e-12 * Math.max(1, Math.abs(eRef)),
      );
      const fMax = fRef.reduce((a, v) => Math.max(a, Math.abs(v)), 1);
      for (let k = 0; k < 3 * n; k++) expect(Math.abs(fW[k]! - fRef[k]!)).toBeLessThanOrEqual(1e-11 * fMax);
    }
  });

  it('reads only the first n atoms of a longer array and leaves the rest of f alone', () => {
    const x = randomCluster(9, 1.1, createRng(3));
    const f = new Float64Array(30).fill(5);
    const fRef = new Float64Array(27);
    const e = kernel!(x.subarray(0, 27), 9, f);
    expect(e).toBeCloseTo(ljEnergyForces(x, 9, fRef), 12);
    expect(f[27]).toBe(5);
  });

  it('propagates NaN coordinates (the potential then reports them)', () => {
    const x = randomCluster(6, 1.1, createRng(4));
    x[7] = Number.NaN;
    expect(kernel!(x, 6, new Float64Array(18))).toBeNaN();
    expect(() => createLennardJones().evaluate(x)).toThrow();
  });

  it('relaxes to the published LJ13 and LJ38 minima (Wales & Doye 1997, Cambridge Cluster Database)', () => {
    // LJ13 Mackay icosahedron −44.326801 ε; LJ38 truncated octahedron −173.928427 ε
    const lj = createLennardJones({ kernel: 'wasm' });
    expect(lj.evaluate(new Float64Array(0))).toBe(0);
    for (const [x, eRef] of [
      [mackayIcosahedron(1, 2 ** (1 / 6)), -44.326801],
      [truncatedOctahedron38(2 ** (1 / 6)), -173.928427],
    ] as const) {
      const r = createLbfgs().minimize(lj, x, { fmax: 1e-7 });
      expect(r.energy).toBeCloseTo(eRef, 5);
    }
  });

  it('the embedded bytes are a fresh build of wasm/lj.ts', () => {
    const out = execFileSync(process.execPath, ['scripts/build-wasm.js', '--check'], { encoding: 'utf8' });
    expect(out).toContain('matches');
  }, 60_000);
});
