/**
 * Mapping NWChem's re-oriented, re-ordered geometry back onto the caller's atoms (autosym moves the
 * centre, rotates into its standard frame and lists symmetry-equivalent atoms in its own order).
 * Checked on an exact construction: the caller's structure rotated, shifted and permuted.
 */
import { describe, expect, it } from 'vitest';
import { EngineError } from '../core/errors.js';
import { mapToCaller } from './nwchem.js';

const phi = (1 + Math.sqrt(5)) / 2;
function al13(r: number): Float64Array {
  const s = r / Math.sqrt(1 + phi * phi);
  const p = [0, 0, 0];
  for (const a of [1, -1])
    for (const b of [phi, -phi]) p.push(0, a * s, b * s, a * s, b * s, 0, b * s, 0, a * s);
  return Float64Array.from(p);
}
/** Rotation by angle t about the unit axis u (Rodrigues), row-major. */
function rot(u: [number, number, number], t: number): number[] {
  const [x, y, z] = u;
  const c = Math.cos(t);
  const s = Math.sin(t);
  const C = 1 - c;
  return [
    c + x * x * C,
    x * y * C - z * s,
    x * z * C + y * s,
    y * x * C + z * s,
    c + y * y * C,
    y * z * C - x * s,
    z * x * C - y * s,
    z * y * C + x * s,
    c + z * z * C,
  ];
}

describe('mapToCaller', () => {
  // a slightly distorted icosahedron, so that only one assignment fits
  const a = al13(2.68);
  a[3] = a[3]! + 0.2;
  a[10] = a[10]! - 0.15;
  const n = 13;
  const R = rot([1 / Math.sqrt(3), 1 / Math.sqrt(3), 1 / Math.sqrt(3)], 0.7);
  const shift = [0.3, -1.2, 2.0];
  const order = [0, 5, 2, 11, 4, 1, 6, 9, 8, 7, 12, 3, 10]; // NWChem atom k is caller atom order[k]
  const b = new Float64Array(3 * n);
  order.forEach((i, k) => {
    for (let p = 0; p < 3; p++) {
      let v = shift[p]!;
      for (let q = 0; q < 3; q++) v += R[3 * p + q]! * a[3 * i + q]!;
      b[3 * k + p] = v;
    }
  });
  const symbols = new Array(n).fill('Al');

  it('recovers the permutation and maps vectors and points back', () => {
    const m = mapToCaller(new Uint8Array(n).fill(13), a, { symbols, positionsA: b });
    for (let k = 0; k < n; k++) expect(m.perm[order[k]!]).toBe(k);
    expect(m.frame.rms).toBeLessThan(1e-9);
    // R fitted equals the construction's R
    for (let j = 0; j < 9; j++) expect(m.frame.r[j]!).toBeCloseTo(R[j]!, 9);
  });

  it('keeps the file order when NWChem kept it', () => {
    const same = new Float64Array(a.map((x, j) => x + (j % 3 === 0 ? 1 : 0)));
    const m = mapToCaller(new Uint8Array(n).fill(13), a, { symbols, positionsA: same });
    expect(Array.from(m.perm)).toEqual(Array.from({ length: n }, (_, i) => i));
  });

  it('refuses a geometry that is not the input', () => {
    const other = Float64Array.from(b, (x, j) => (j === 5 ? x + 1.5 : x));
    expect(() => mapToCaller(new Uint8Array(n).fill(13), a, { symbols, positionsA: other })).toThrow(
      EngineError,
    );
    expect(() =>
      mapToCaller(new Uint8Array(n).fill(13), a, { symbols: symbols.slice(1), positionsA: b.slice(3) }),
    ).toThrow(/12 atoms instead of 13/);
  });
});
