/** The --dopant parser of workflows/build.ts (issue 16 item 3): fuzzed, and the sites it picks. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { applyDopants, buildCluster } from './build.js';

describe('applyDopants', () => {
  const { structure, summary } = buildCluster('icosahedron', { element: 'Au', shells: 2 });
  it('fuzz: any --dopant text dopes consistently or throws an InputError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        try {
          const r = applyDopants(structure, text, summary.bondA);
          expect(r.structure.numbers.length).toBe(structure.numbers.length);
          expect(new Set(r.dopants.map((d) => d.atom)).size).toBe(r.dopants.length);
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 300 },
    );
  });
  it('vertex dopants of Au55 go to the 12 outer vertices first, in turn', () => {
    const spec = Array.from({ length: 12 }, () => 'Pt@vertex').join(',');
    const r = applyDopants(structure, spec, summary.bondA);
    const x = structure.positions;
    const radius = (i: number) => Math.hypot(x[3 * i]!, x[3 * i + 1]!, x[3 * i + 2]!);
    const rMax = Math.max(...Array.from({ length: 55 }, (_, i) => radius(i)));
    for (const d of r.dopants) expect(radius(d.atom)).toBeCloseTo(rMax, 6);
  });
});
