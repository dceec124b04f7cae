import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { instantiateEmbedded } from '../core/wasm.js';
import { createGupta } from '../potential/gupta.js';
import { createLennardJones } from '../potential/lennard-jones.js';
import { truncatedOctahedron38 } from '../potential/test-shapes.js';
import { randomCluster } from './geometry.js';
import { LBFGS_WASM_BASE64 } from './lbfgs-wasm-module.js';
import { createLbfgs } from './local.js';

// The two-loop recursion in WebAssembly (wasm/lbfgs.ts) against the JS one in local.ts: the same
// recursion summed in another order, so the paths agree to rounding and end in the same minima.
describe('L-BFGS with the WebAssembly two-loop recursion', () => {
  it('is available in Node 20', () => {
    expect(instantiateEmbedded(LBFGS_WASM_BASE64)).toBeDefined();
  });

  it('ends in the same minima as the JS recursion (LJ, odd and even 3N, memory 3, 5, 10)', () => {
    const lj = createLennardJones();
    for (const memory of [3, 5, 10]) {
      const w = createLbfgs(memory);
      const j = createLbfgs(memory, { wasm: false });
      for (const n of [5, 13, 26, 38]) {
        const start = randomCluster(n, 1.12, createRng(n + memory));
        const xw = Float64Array.from(start);
        const xj = Float64Array.from(start);
        const rw = w.minimize(lj, xw, { fmax: 1e-6 });
        const rj = j.minimize(lj, xj, { fmax: 1e-6 });
        expect(rw.converged).toBe(true);
        expect(rj.converged).toBe(true);
        expect(rw.energy).toBeCloseTo(rj.energy, 7);
        // the first steps agree to rounding: the iteration counts are alike
        expect(Math.abs(rw.iterations - rj.iterations)).toBeLessThanOrEqual(Math.max(3, 0.2 * rj.iterations));
      }
    }
  });

  it('relaxes to the published LJ38 minimum and Au13 on Gupta; reuse across sizes', () => {
    const m = createLbfgs(5);
    const x = truncatedOctahedron38(2 ** (1 / 6) * 1.01);
    // LJ38 truncated octahedron −173.928427 ε (Cambridge Cluster Database)
    expect(m.minimize(createLennardJones(), x, { fmax: 1e-7 }).energy).toBeCloseTo(-173.928427, 5);
    // a different size next (the wasm memory is laid out again) and a many-body potential
    const au = createGupta('Au');
    const y = randomCluster(13, 2.88, createRng(2));
    const ry = m.minimize(au, y, { fmax: 1e-5 });
    const rz = createLbfgs(5, { wasm: false }).minimize(au, randomCluster(13, 2.88, createRng(2)), {
      fmax: 1e-5,
    });
    expect(ry.converged).toBe(true);
    expect(ry.energy).toBeCloseTo(rz.energy, 6);
  });
});
