import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { mackayIcosahedron } from './builders/clusters.js';
import { polyhedronVertices } from './builders/polyhedra.js';
import { continuousShapeMeasure, coordinationShape, shapeMeasures } from './shape.js';

function rotateShuffle(v: Float64Array, seed: number, scale: number, noise = 0): Float64Array {
  const rng = createRng(seed);
  const n = v.length / 3;
  const a = rng.next() * 2 * Math.PI;
  const c = Math.cos(a);
  const s = Math.sin(a);
  const perm = Array.from({ length: n }, (_, i) => i).sort(() => rng.next() - 0.5);
  const out = new Float64Array(3 * n);
  perm.forEach((i, k) => {
    const x = v[3 * i]!;
    const y = v[3 * i + 1]!;
    const z = v[3 * i + 2]!;
    out[3 * k] = scale * (c * x - s * z) + 5 + noise * rng.normal();
    out[3 * k + 1] = scale * y - 2 + noise * rng.normal();
    out[3 * k + 2] = scale * (s * x + c * z) + 1 + noise * rng.normal();
  });
  return out;
}

describe('continuous shape measures', () => {
  it('is 0 for ideal, rotated, scaled, permuted polyhedra (exact and heuristic searches)', () => {
    for (const name of [
      'octahedron',
      'cube',
      'trigonal-prism',
      'square-antiprism',
      'icosahedron',
      'cuboctahedron',
    ]) {
      const v = polyhedronVertices(name);
      const r = continuousShapeMeasure(rotateShuffle(v, 7, 2.8), v);
      expect(r.measure).toBeLessThan(1e-8);
      expect(r.exact).toBe(v.length / 3 <= 8);
    }
  });

  it('reproduces reference values between ideal polyhedra', () => {
    // Tetrahedron ↔ square: 33.33 both ways (Alvarez et al., Coord. Chem. Rev. 249, 1693 (2005),
    // the spread/planarization path T-4 ↔ SP-4).
    expect(
      continuousShapeMeasure(polyhedronVertices('tetrahedron'), polyhedronVertices('square')).measure,
    ).toBeCloseTo(33.333, 2);
    expect(
      continuousShapeMeasure(polyhedronVertices('square'), polyhedronVertices('tetrahedron')).measure,
    ).toBeCloseTo(33.333, 2);
    // Octahedron ↔ trigonal prism (equal edges): 16.737 (same reference, the Bailar path OC-6 ↔ TPR-6).
    expect(
      continuousShapeMeasure(polyhedronVertices('octahedron'), polyhedronVertices('trigonal-prism')).measure,
    ).toBeCloseTo(16.737, 2);
  });

  it('ranks the icosahedron first for a noisy icosahedral shell and cuboctahedron first for a cuboctahedron', () => {
    const ico = shapeMeasures(rotateShuffle(polyhedronVertices('icosahedron'), 3, 2.8, 0.03));
    expect(ico[0]!.name).toBe('icosahedron');
    expect(ico[0]!.measure).toBeLessThan(0.5);
    const coc = shapeMeasures(rotateShuffle(polyhedronVertices('cuboctahedron'), 4, 2.8, 0.03));
    expect(coc[0]!.name).toBe('cuboctahedron');
  });

  it('gives the icosahedral coordination polyhedron of the centre of Au13', () => {
    const s = mackayIcosahedron(1, { z: 79, bond: 2.88 });
    const r = coordinationShape(s.positions, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(r[0]!.name).toBe('icosahedron');
    expect(r[0]!.measure).toBeLessThan(1e-8);
  });
});
