/** sortIndexByKey against Array.prototype.sort on random keys with many ties (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortIndexByKey } from './heap.js';

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
