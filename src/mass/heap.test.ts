/** sortIndexByKey against Array.prototype.sort on random keys with many ties (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortIndexByKey, sortPairsByKey } from './heap.js';

describe('sortIndexByKey', () => {
  it('orders indices by their keys like a comparator sort (ties, runs, sizes around the insertion cut-off)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), {
          maxLength: 300,
        }),
        (values) => {
          const keys = Float64Array.from(values);
          const index = Int32Array.from(values.keys());
          sortIndexByKey(index, keys);
          // a permutation of 0 … n−1
          expect([...index].sort((a, b) => a - b)).toEqual([...values.keys()]);
          // keys in non-decreasing order, equal to the comparator sort's key sequence
          const expected = [...values].sort((a, b) => a - b).map((x) => x + 0); // −0 and 0 tie
          expect(Array.from(index, (i) => keys[i]! + 0)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('radix sort of pairs (sortPairsByKey)', () => {
  // sizes on both sides of the cut-offs (4096, 8192 keys), clustered keys like isotopologue masses
  // (near whole numbers, differences below the 32-bit scaling's resolution) and exact ties
  const arb = fc.record({
    n: fc.oneof(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 4000, max: 9000 })),
    seed: fc.integer({ min: 1, max: 1e9 }),
    spread: fc.constantFrom(1e-12, 1e-3, 40, 1e6),
  });
  const keysOf = (n: number, seed: number, spread: number) => {
    let s = seed;
    const rnd = () => {
      s = (s * 1103515245 + 12345) % 2147483648;
      return s / 2147483648;
    };
    return Float64Array.from({ length: n }, () =>
      rnd() < 0.1 ? 5000 : 5000 + Math.floor(rnd() * 40) + rnd() * spread * 1e-3,
    );
  };
  it('orders like a comparator sort', () => {
    fc.assert(
      fc.property(arb, ({ n, seed, spread }) => {
        const keys = keysOf(n, seed, spread);
        const expected = [...keys].sort((a, b) => a - b);
        const values = Float64Array.from(keys, (_, i) => i);
        const r = sortPairsByKey(keys, values, n, true);
        expect(Array.from(r.keys)).toEqual(expected);
        // the payload and the index travel with their key; the index is a permutation
        expect([...r.index!].sort((a, b) => a - b)).toEqual([...Array(n).keys()]);
        for (let k = 0; k < n; k++) {
          expect(r.values[k]).toBe(r.index![k]);
          expect(keys[r.index![k]!]).toBe(r.keys[k]);
        }
      }),
      { numRuns: 60 },
    );
  });
});
