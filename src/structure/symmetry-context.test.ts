import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { mackayIcosahedron } from './builders/clusters.js';
import { makeContext, mismatch } from './symmetry-context.js';
import { type Mat3, normalize, reflection, rotation } from './symmetry-math.js';

// The partner hint of mismatch() is a time saving only: with any hint (right, stale, garbage, out
// of range) the sum and the permutation are those of the plain nearest-neighbour search.
describe('mismatch with partner hints', () => {
  it('gives the same sum and permutation for any hint', () => {
    const rng = createRng(11);
    const ideal = mackayIcosahedron(2, { z: 79, bond: 2.88 });
    // two elements, so that a hint of the wrong element must be refused
    const numbers = Uint8Array.from(ideal.numbers, (z, i) => (i % 3 === 0 ? 47 : z));
    for (const sigma of [0, 0.05, 0.3]) {
      const s = { ...ideal, numbers, positions: ideal.positions.map((x) => x + sigma * rng.normal()) };
      const n = numbers.length;
      const ops: Mat3[] = [];
      for (let k = 0; k < 12; k++) {
        const u = normalize([rng.normal(), rng.normal(), rng.normal()]);
        ops.push(k % 2 ? rotation(u, (2 * Math.PI) / (2 + (k % 5))) : reflection(u));
      }
      ops.push(rotation([0, 0, 1], 0)); // identity: every right hint is taken
      for (const g of ops) {
        const ref = makeContext(s, 0.086).ctx;
        ref.perm.fill(-1); // no usable stale partner: the plain grid search throughout
        const sRef = mismatch(ref, g, n, Infinity);
        const permRef = ref.perm.slice();
        const hints = [
          permRef,
          Int32Array.from({ length: n }, () => Math.floor(rng.next() * n)),
          Int32Array.from({ length: n }, () => -1),
          Int32Array.from({ length: n }, (_, i) => (i * 7) % n),
        ];
        for (const h of hints) {
          const ctx = makeContext(s, 0.086).ctx;
          expect(mismatch(ctx, g, n, Infinity, h)).toBe(sRef);
          expect(Array.from(ctx.perm)).toEqual(Array.from(permRef));
        }
      }
    }
  });
});
