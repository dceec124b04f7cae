import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.js';
import { createRng } from '../../core/rng.js';
import { coordinationNumbers, findBonds } from '../bonds.js';
import {
  cuboctahedron,
  decahedron,
  fccTetrahedron,
  icosahedralMagicNumber,
  mackayIcosahedron,
  octahedron,
  polyhedronCluster,
  randomCompactCluster,
  truncatedOctahedron,
} from './clusters.js';
import { defaultBondLength } from './distances.js';
import { POLYHEDRON_NAMES, polyhedronInfo, polyhedronVertices } from './polyhedra.js';

const AU = { z: 79, bond: 2.884 };

function minMaxNearest(p: Float64Array): { min: number; max: number } {
  const n = p.length / 3;
  let min = Number.POSITIVE_INFINITY;
  let maxNearest = 0;
  for (let a = 0; a < n; a++) {
    let near = Number.POSITIVE_INFINITY;
    for (let b = 0; b < n; b++) {
      if (a === b) continue;
      const d = Math.hypot(
        p[3 * a]! - p[3 * b]!,
        p[3 * a + 1]! - p[3 * b + 1]!,
        p[3 * a + 2]! - p[3 * b + 2]!,
      );
      near = Math.min(near, d);
    }
    min = Math.min(min, near);
    maxNearest = Math.max(maxNearest, near);
  }
  return { min, max: maxNearest };
}

describe('magic numbers', () => {
  // Icosahedra, cuboctahedra and complete Ino decahedra: N = (10n³ + 15n² + 11n + 3)/3
  // (Mackay, Acta Cryst. 15, 916 (1962); Baletto & Ferrando, Rev. Mod. Phys. 77, 371 (2005), Sec. II).
  const ICOSAHEDRAL = [1, 13, 55, 147, 309, 561];
  it('Mackay icosahedra 1, 13, 55, 147, 309, 561', () => {
    for (let n = 0; n <= 5; n++) {
      expect(icosahedralMagicNumber(n)).toBe(ICOSAHEDRAL[n]);
      expect(mackayIcosahedron(n, AU).numbers.length).toBe(ICOSAHEDRAL[n]);
    }
  });
  it('cuboctahedra share the icosahedral magic numbers', () => {
    for (let n = 0; n <= 4; n++) expect(cuboctahedron(n, AU).numbers.length).toBe(ICOSAHEDRAL[n]);
  });
  it('complete Ino decahedra (p = q = n + 1, r = 0) share them too', () => {
    for (let n = 1; n <= 4; n++) expect(decahedron(n + 1, n + 1, 0, AU).numbers.length).toBe(ICOSAHEDRAL[n]);
  });
  it('Marks decahedra 75, 101, 146, 192', () => {
    // Marks decahedra magic numbers: Doye, Wales & Berry, J. Chem. Phys. 103, 4234 (1995) (M75, M101, M146, M192);
    // parameters (p, q, r) as in ASE's Decahedron.
    expect(decahedron(2, 2, 1, AU).numbers.length).toBe(75);
    expect(decahedron(2, 3, 1, AU).numbers.length).toBe(101);
    expect(decahedron(3, 2, 1, AU).numbers.length).toBe(146);
    expect(decahedron(3, 3, 1, AU).numbers.length).toBe(192);
    // q = 1, r = 0 is the pentagonal bipyramid: 7 atoms for p = 2.
    expect(decahedron(2, 1, 0, AU).numbers.length).toBe(7);
  });
  it('fcc octahedra (2m³ + m)/3 and regular truncated octahedra 16k³ + 15k² + 6k + 1', () => {
    // Baletto & Ferrando 2005, Sec. II.A: octahedra 6, 19, 44, 85, 146; truncated octahedra 38, 201, 586.
    expect([2, 3, 4, 5, 6].map((m) => octahedron(m, AU).numbers.length)).toEqual([6, 19, 44, 85, 146]);
    expect([1, 2, 3].map((k) => truncatedOctahedron(k, AU).numbers.length)).toEqual([38, 201, 586]);
  });
  it('fcc tetrahedra m(m+1)(m+2)/6; edge 4 is the 20-atom Au20', () => {
    // Tetrahedral numbers; Au20 is the Td pyramid of Li et al., Science 299, 864 (2003).
    expect([2, 3, 4, 5].map((m) => fccTetrahedron(m, AU).numbers.length)).toEqual([4, 10, 20, 35]);
  });
});

describe('geometry', () => {
  it('fcc shapes have nearest neighbours exactly at the bond length', () => {
    for (const s of [
      cuboctahedron(2, AU),
      octahedron(4, AU),
      truncatedOctahedron(1, AU),
      fccTetrahedron(4, AU),
    ]) {
      const { min, max } = minMaxNearest(s.positions);
      expect(min).toBeCloseTo(2.884, 9);
      expect(max).toBeCloseTo(2.884, 9);
    }
  });
  it('icosahedron: centre–shell distance = bond, intra-shell = bond / sin(2π/5) × ½ × … (1.0515 × bond)', () => {
    const s = mackayIcosahedron(1, AU);
    // the centre is atom 0 at the origin
    expect(Math.hypot(s.positions[3]!, s.positions[4]!, s.positions[5]!)).toBeCloseTo(2.884, 9);
    // circumradius/edge of an icosahedron = sin(2π/5) = 0.951057 (Coxeter, Regular Polytopes, Table I)
    const { max } = minMaxNearest(s.positions.subarray(3));
    expect(max).toBeCloseTo(2.884 / Math.sin((2 * Math.PI) / 5), 9);
  });
  it('builders centre the cluster on its centroid', () => {
    for (const s of [octahedron(4, AU), fccTetrahedron(4, AU), decahedron(2, 2, 1, AU)]) {
      const n = s.numbers.length;
      for (let k = 0; k < 3; k++) {
        let c = 0;
        for (let i = 0; i < n; i++) c += s.positions[3 * i + k]!;
        expect(Math.abs(c / n)).toBeLessThan(1e-9);
      }
    }
  });
  it('13-atom icosahedron has 42 bonds and 55-atom Mackay icosahedron 234 nearest-neighbour contacts', () => {
    // 12 radial + 30 edges = 42; 234 contacts for Ih55 (Northby, J. Chem. Phys. 87, 6166 (1987), n_nn of the LJ55 icosahedron).
    expect(findBonds(mackayIcosahedron(1, AU)).i.length).toBe(42);
    expect(findBonds(mackayIcosahedron(2, AU)).i.length).toBe(234);
    const cn = coordinationNumbers(mackayIcosahedron(1, AU));
    expect(cn[0]).toBe(12);
  });
  it('random compact clusters are reproducible and keep atoms ≥ 0.8 bond apart', () => {
    const a = randomCompactCluster(38, AU, createRng(7));
    const b = randomCompactCluster(38, AU, createRng(7));
    expect(a.positions).toEqual(b.positions);
    expect(minMaxNearest(a.positions).min).toBeGreaterThanOrEqual(0.8 * 2.884 - 1e-12);
  });
  it('rejects bad sizes with InputError', () => {
    expect(() => mackayIcosahedron(-1, AU)).toThrow(InputError);
    expect(() => mackayIcosahedron(1.5, AU)).toThrow(InputError);
    expect(() => cuboctahedron(1, { z: 79, bond: -1 })).toThrow(InputError);
    expect(() => polyhedronCluster('blob', AU)).toThrow(InputError);
  });
});

describe('polyhedra', () => {
  // Vertex and edge counts: Coxeter, Regular Polytopes, Table I; Archimedean solids
  // (V, E) from Cromwell, Polyhedra (CUP 1997), Table 2.2.
  const EXPECT: Record<string, [number, number]> = {
    tetrahedron: [4, 6],
    octahedron: [6, 12],
    cube: [8, 12],
    icosahedron: [12, 30],
    dodecahedron: [20, 30],
    'truncated-tetrahedron': [12, 18],
    cuboctahedron: [12, 24],
    'truncated-octahedron': [24, 36],
    'truncated-cube': [24, 36],
    rhombicuboctahedron: [24, 48],
    'truncated-cuboctahedron': [48, 72],
    'snub-cube': [24, 60],
    icosidodecahedron: [30, 60],
    'truncated-icosahedron': [60, 90],
    'truncated-dodecahedron': [60, 90],
    rhombicosidodecahedron: [60, 120],
    anticuboctahedron: [12, 24],
    'square-antiprism': [8, 16],
    'trigonal-prism': [6, 9],
  };
  for (const [name, [v, e]] of Object.entries(EXPECT)) {
    it(`${name}: ${v} vertices, ${e} unit edges, all on one sphere where vertex-transitive`, () => {
      const p = polyhedronVertices(name);
      const n = p.length / 3;
      expect(n).toBe(v);
      expect(polyhedronInfo(name)!.vertices).toBe(v);
      let edges = 0;
      let minD = Number.POSITIVE_INFINITY;
      for (let a = 0; a < n; a++)
        for (let b = a + 1; b < n; b++) {
          const d = Math.hypot(
            p[3 * a]! - p[3 * b]!,
            p[3 * a + 1]! - p[3 * b + 1]!,
            p[3 * a + 2]! - p[3 * b + 2]!,
          );
          minD = Math.min(minD, d);
          if (Math.abs(d - 1) < 1e-9) edges++;
        }
      expect(minD).toBeCloseTo(1, 12);
      expect(edges).toBe(e);
      const radii = Array.from({ length: n }, (_, a) => Math.hypot(p[3 * a]!, p[3 * a + 1]!, p[3 * a + 2]!));
      expect(Math.max(...radii) - Math.min(...radii)).toBeLessThan(1e-9);
    });
  }
  it('known circumradii of unit-edge solids', () => {
    const r = (name: string) => Math.hypot(...Array.from(polyhedronVertices(name).subarray(0, 3)));
    // Coxeter Table I: icosahedron R = sin(2π/5) = 0.9510565; octahedron 1/√2; cuboctahedron 1.
    expect(r('icosahedron')).toBeCloseTo(0.9510565163, 9);
    expect(r('octahedron')).toBeCloseTo(Math.SQRT1_2, 12);
    expect(r('cuboctahedron')).toBeCloseTo(1, 12);
    // Truncated icosahedron R = ½√(1 + 9φ²) = 2.4780186 for unit edge (C60 cage radius / bond).
    expect(r('truncated-icosahedron')).toBeCloseTo(2.4780186, 6);
    expect(polyhedronVertices('icosahedron', { radius: 2 })[2]).toBeDefined();
  });
  it('every listed name builds', () => {
    for (const name of POLYHEDRON_NAMES)
      expect(polyhedronCluster(name, AU).numbers.length).toBe(polyhedronInfo(name)!.vertices);
  });
});

describe('default bond lengths', () => {
  it('uses bulk fcc a/√2 for Au, Ag, Cu and 2 × covalent radius otherwise', () => {
    // a = 4.0782, 4.0853, 3.6149 Å (Wyckoff 1963) → 2.8837, 2.8887, 2.5561 Å.
    expect(defaultBondLength('Au').distanceA).toBeCloseTo(2.8837, 4);
    expect(defaultBondLength('ag').distanceA).toBeCloseTo(2.8887, 4);
    expect(defaultBondLength('Cu').distanceA).toBeCloseTo(2.5561, 4);
    // Cordero 2008: C(sp3) 0.76 Å → 1.52 Å.
    expect(defaultBondLength('C')).toEqual({ distanceA: 1.52, source: '2 × covalent radius' });
    expect(() => defaultBondLength('Qq')).toThrow(InputError);
  });
});
