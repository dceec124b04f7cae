/**
 * Ideal polyhedra as vertex sets: the five Platonic solids, common Archimedean
 * solids, and the reference polyhedra used for continuous shape measures
 * (Alvarez, Llunell et al., SHAPE 2.1 reference set: square, trigonal
 * bipyramid, trigonal prism, square antiprism, anticuboctahedron…).
 *
 * Every vertex array is flat (x0, y0, z0, x1, …), centred on the origin and
 * scaled to UNIT EDGE: the shortest vertex–vertex distance is exactly 1
 * (multiply by a bond length in Å to get coordinates). Use
 * {@link polyhedronVertices}(name, { radius: 1 }) for unit circumradius.
 *
 * Coordinates follow the standard Cartesian constructions (Coxeter, Regular
 * Polytopes, 3rd ed., Dover 1973, §3.7–3.8; the Archimedean coordinates as
 * listed e.g. in Weisstein's MathWorld "Archimedean Solid"): φ = (1 + √5)/2.
 */

/** Golden ratio φ = (1 + √5)/2. */
export const PHI = (1 + Math.sqrt(5)) / 2;

export interface PolyhedronInfo {
  /** Kebab-case name, e.g. 'truncated-icosahedron'. */
  readonly name: string;
  readonly family: 'platonic' | 'archimedean' | 'johnson' | 'reference';
  /** Number of vertices (check value from the literature, see tests). */
  readonly vertices: number;
  /** Point group of the ideal solid (Schoenflies). */
  readonly pointGroup: string;
  /** SHAPE 2.1 code when the polyhedron is one of its references. */
  readonly shapeCode?: string;
  /** One-line description. */
  readonly description: string;
}

type Gen = () => number[][];

function signs(v: readonly number[]): number[][] {
  let out: number[][] = [[]];
  for (const x of v) {
    const next: number[][] = [];
    for (const p of out) {
      next.push([...p, x]);
      if (x !== 0) next.push([...p, -x]);
    }
    out = next;
  }
  return out;
}

const cyclic = (v: readonly number[]): number[][] => [
  [v[0]!, v[1]!, v[2]!],
  [v[1]!, v[2]!, v[0]!],
  [v[2]!, v[0]!, v[1]!],
];
const allPerms = (v: readonly number[]): number[][] => [...cyclic(v), ...cyclic([v[1]!, v[0]!, v[2]!])];
/** Cyclic (even) permutations of every sign choice. */
const evenPermsSigns = (v: readonly number[]) => signs(v).flatMap(cyclic);
/** All permutations of every sign choice. */
const allPermsSigns = (v: readonly number[]) => signs(v).flatMap(allPerms);

function ring(n: number, radius: number, z: number, phase = 0): number[][] {
  const out: number[][] = [];
  for (let k = 0; k < n; k++) {
    const t = phase + (2 * Math.PI * k) / n;
    out.push([radius * Math.cos(t), radius * Math.sin(t), z]);
  }
  return out;
}

/** Circumradius of a regular n-gon of unit edge. */
const polygonRadius = (n: number) => 1 / (2 * Math.sin(Math.PI / n));

const TRIBONACCI = (1 + Math.cbrt(19 + 3 * Math.sqrt(33)) + Math.cbrt(19 - 3 * Math.sqrt(33))) / 3;

const GENERATORS: Record<string, { info: Omit<PolyhedronInfo, 'name'>; gen: Gen }> = {
  tetrahedron: {
    info: {
      family: 'platonic',
      vertices: 4,
      pointGroup: 'Td',
      shapeCode: 'T-4',
      description: 'regular tetrahedron',
    },
    gen: () => [
      [1, 1, 1],
      [1, -1, -1],
      [-1, 1, -1],
      [-1, -1, 1],
    ],
  },
  octahedron: {
    info: {
      family: 'platonic',
      vertices: 6,
      pointGroup: 'Oh',
      shapeCode: 'OC-6',
      description: 'regular octahedron',
    },
    gen: () => allPermsSigns([1, 0, 0]),
  },
  cube: {
    info: { family: 'platonic', vertices: 8, pointGroup: 'Oh', shapeCode: 'CU-8', description: 'cube' },
    gen: () => signs([1, 1, 1]),
  },
  icosahedron: {
    info: {
      family: 'platonic',
      vertices: 12,
      pointGroup: 'Ih',
      shapeCode: 'IC-12',
      description: 'regular icosahedron',
    },
    gen: () => evenPermsSigns([0, 1, PHI]),
  },
  dodecahedron: {
    info: { family: 'platonic', vertices: 20, pointGroup: 'Ih', description: 'regular dodecahedron' },
    gen: () => [...signs([1, 1, 1]), ...evenPermsSigns([0, 1 / PHI, PHI])],
  },
  'truncated-tetrahedron': {
    info: {
      family: 'archimedean',
      vertices: 12,
      pointGroup: 'Td',
      shapeCode: 'TT-12',
      description: 'truncated tetrahedron',
    },
    gen: () => allPermsSigns([3, 1, 1]).filter((v) => v.filter((x) => x < 0).length % 2 === 0),
  },
  cuboctahedron: {
    info: {
      family: 'archimedean',
      vertices: 12,
      pointGroup: 'Oh',
      shapeCode: 'COC-12',
      description: 'cuboctahedron (fcc first shell)',
    },
    gen: () => allPermsSigns([1, 1, 0]),
  },
  'truncated-octahedron': {
    info: { family: 'archimedean', vertices: 24, pointGroup: 'Oh', description: 'truncated octahedron' },
    gen: () => allPermsSigns([0, 1, 2]),
  },
  'truncated-cube': {
    info: { family: 'archimedean', vertices: 24, pointGroup: 'Oh', description: 'truncated cube' },
    gen: () => allPermsSigns([Math.SQRT2 - 1, 1, 1]),
  },
  rhombicuboctahedron: {
    info: { family: 'archimedean', vertices: 24, pointGroup: 'Oh', description: 'rhombicuboctahedron' },
    gen: () => allPermsSigns([1, 1, 1 + Math.SQRT2]),
  },
  'truncated-cuboctahedron': {
    info: { family: 'archimedean', vertices: 48, pointGroup: 'Oh', description: 'truncated cuboctahedron' },
    gen: () => allPermsSigns([1, 1 + Math.SQRT2, 1 + 2 * Math.SQRT2]),
  },
  'snub-cube': {
    info: {
      family: 'archimedean',
      vertices: 24,
      pointGroup: 'O',
      description: 'snub cube (chiral, one enantiomer)',
    },
    gen: () => {
      const t = TRIBONACCI;
      const base = [1, 1 / t, t];
      const out: number[][] = [];
      for (const s of signs(base)) {
        const plus = s.filter((x) => x > 0).length;
        if (plus % 2 === 0) out.push(...cyclic(s));
        else out.push(...cyclic([s[1]!, s[0]!, s[2]!]));
      }
      return out;
    },
  },
  icosidodecahedron: {
    info: { family: 'archimedean', vertices: 30, pointGroup: 'Ih', description: 'icosidodecahedron' },
    gen: () => [...evenPermsSigns([0, 0, PHI]), ...evenPermsSigns([0.5, PHI / 2, (PHI * PHI) / 2])],
  },
  'truncated-icosahedron': {
    info: {
      family: 'archimedean',
      vertices: 60,
      pointGroup: 'Ih',
      description: 'truncated icosahedron (C60 skeleton)',
    },
    gen: () => [
      ...evenPermsSigns([0, 1, 3 * PHI]),
      ...evenPermsSigns([1, 2 + PHI, 2 * PHI]),
      ...evenPermsSigns([PHI, 2, PHI ** 3]),
    ],
  },
  'truncated-dodecahedron': {
    info: { family: 'archimedean', vertices: 60, pointGroup: 'Ih', description: 'truncated dodecahedron' },
    gen: () => [
      ...evenPermsSigns([0, 1 / PHI, 2 + PHI]),
      ...evenPermsSigns([1 / PHI, PHI, 2 * PHI]),
      ...evenPermsSigns([PHI, 2, PHI + 1]),
    ],
  },
  rhombicosidodecahedron: {
    info: { family: 'archimedean', vertices: 60, pointGroup: 'Ih', description: 'rhombicosidodecahedron' },
    gen: () => [
      ...evenPermsSigns([1, 1, PHI ** 3]),
      ...evenPermsSigns([PHI * PHI, PHI, 2 * PHI]),
      ...evenPermsSigns([2 + PHI, 0, PHI * PHI]),
    ],
  },
  // --- reference polyhedra for shape measures (SHAPE 2.1 codes) ---
  square: {
    info: {
      family: 'reference',
      vertices: 4,
      pointGroup: 'D4h',
      shapeCode: 'SP-4',
      description: 'square (planar)',
    },
    gen: () => ring(4, polygonRadius(4), 0),
  },
  pentagon: {
    info: {
      family: 'reference',
      vertices: 5,
      pointGroup: 'D5h',
      shapeCode: 'PP-5',
      description: 'regular pentagon',
    },
    gen: () => ring(5, polygonRadius(5), 0),
  },
  hexagon: {
    info: {
      family: 'reference',
      vertices: 6,
      pointGroup: 'D6h',
      shapeCode: 'HP-6',
      description: 'regular hexagon',
    },
    gen: () => ring(6, polygonRadius(6), 0),
  },
  'trigonal-bipyramid': {
    info: {
      family: 'reference',
      vertices: 5,
      pointGroup: 'D3h',
      shapeCode: 'TBPY-5',
      description: 'trigonal bipyramid with all vertices equidistant from the centre',
    },
    gen: () => [...ring(3, 1, 0), [0, 0, 1], [0, 0, -1]],
  },
  'square-pyramid': {
    info: {
      family: 'reference',
      vertices: 5,
      pointGroup: 'C4v',
      shapeCode: 'JSPY-5',
      description: 'square pyramid with unit edges (Johnson J1)',
    },
    gen: () => [...ring(4, polygonRadius(4), 0), [0, 0, Math.SQRT1_2]],
  },
  'trigonal-prism': {
    info: {
      family: 'reference',
      vertices: 6,
      pointGroup: 'D3h',
      shapeCode: 'JTPR-6',
      description: 'trigonal prism with unit edges',
    },
    gen: () => [...ring(3, polygonRadius(3), 0.5), ...ring(3, polygonRadius(3), -0.5)],
  },
  'pentagonal-bipyramid': {
    info: {
      family: 'reference',
      vertices: 7,
      pointGroup: 'D5h',
      shapeCode: 'PBPY-7',
      description: 'pentagonal bipyramid with all vertices equidistant from the centre',
    },
    gen: () => [...ring(5, 1, 0), [0, 0, 1], [0, 0, -1]],
  },
  'square-antiprism': {
    info: {
      family: 'reference',
      vertices: 8,
      pointGroup: 'D4d',
      shapeCode: 'SAPR-8',
      description: 'square antiprism with unit edges',
    },
    gen: () => {
      const r = polygonRadius(4);
      // Height for unit lateral edges: h² = 1 − (2 r sin(π/8))².
      const h = Math.sqrt(1 - (2 * r * Math.sin(Math.PI / 8)) ** 2);
      return [...ring(4, r, h / 2), ...ring(4, r, -h / 2, Math.PI / 4)];
    },
  },
  anticuboctahedron: {
    info: {
      family: 'johnson',
      vertices: 12,
      pointGroup: 'D3h',
      shapeCode: 'ACOC-12',
      description: 'anticuboctahedron = triangular orthobicupola J27 (hcp first shell)',
    },
    gen: () => {
      // hcp first shell: hexagon in the plane + eclipsed triangles above and below.
      const h = Math.sqrt(2 / 3);
      const r3 = polygonRadius(3);
      return [...ring(6, 1, 0), ...ring(3, r3, h, Math.PI / 6), ...ring(3, r3, -h, Math.PI / 6)];
    },
  },
  'ino-decahedron-shell': {
    info: {
      family: 'reference',
      vertices: 12,
      pointGroup: 'D5h',
      description: 'the 12 surface atoms of the 13-atom Ino decahedron (two eclipsed pentagons + two apices)',
    },
    gen: () => {
      // Geometry of builders/decahedron.ts for p = q = 2, r = 0 with unit axis spacing:
      // apices at z = ±1, rings at z = ±1/2 at radius √3/2 (so centre–ring = 1).
      const rr = Math.sqrt(3) / 2;
      return [[0, 0, 1], [0, 0, -1], ...ring(5, rr, 0.5, Math.PI / 2), ...ring(5, rr, -0.5, Math.PI / 2)];
    },
  },
};

/** Names of every polyhedron available. */
export const POLYHEDRON_NAMES: readonly string[] = Object.keys(GENERATORS);

/** Description of a polyhedron, or undefined for an unknown name. */
export function polyhedronInfo(name: string): PolyhedronInfo | undefined {
  // own properties only: `toString`, `constructor`, `__proto__` are not polyhedra
  const g = Object.hasOwn(GENERATORS, name) ? GENERATORS[name] : undefined;
  return g ? { name, ...g.info } : undefined;
}

const cache = new Map<string, Float64Array>();

function dedupe(points: number[][]): number[][] {
  const seen = new Map<string, number[]>();
  for (const p of points) {
    const key = p.map((x) => (Math.abs(x) < 1e-9 ? 0 : x).toFixed(6)).join(',');
    if (!seen.has(key)) seen.set(key, p);
  }
  return [...seen.values()];
}

/**
 * Vertices of a named polyhedron, flat, centred on the origin. Default
 * scaling is unit edge (shortest vertex–vertex distance 1); `{ radius: R }`
 * scales instead to circumradius R (the largest centre–vertex distance).
 * Returns a fresh copy each call. Throws RangeError for an unknown name.
 */
export function polyhedronVertices(
  name: string,
  scale: { edge?: number; radius?: number } = {},
): Float64Array {
  let base = cache.get(name);
  if (!base) {
    const g = Object.hasOwn(GENERATORS, name) ? GENERATORS[name] : undefined;
    if (!g) throw new RangeError(`unknown polyhedron "${name}"; known: ${POLYHEDRON_NAMES.join(', ')}`);
    const pts = dedupe(g.gen());
    const n = pts.length;
    let cx = 0;
    let cy = 0;
    let cz = 0;
    for (const p of pts) {
      cx += p[0]! / n;
      cy += p[1]! / n;
      cz += p[2]! / n;
    }
    let minD = Number.POSITIVE_INFINITY;
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        const d = Math.hypot(pts[a]![0]! - pts[b]![0]!, pts[a]![1]! - pts[b]![1]!, pts[a]![2]! - pts[b]![2]!);
        if (d < minD) minD = d;
      }
    }
    base = new Float64Array(3 * n);
    pts.forEach((p, a) => {
      base![3 * a] = (p[0]! - cx) / minD;
      base![3 * a + 1] = (p[1]! - cy) / minD;
      base![3 * a + 2] = (p[2]! - cz) / minD;
    });
    cache.set(name, base);
  }
  const out = Float64Array.from(base);
  let f = scale.edge ?? 1;
  if (scale.radius !== undefined) {
    let r = 0;
    for (let a = 0; a < out.length / 3; a++)
      r = Math.max(r, Math.hypot(out[3 * a]!, out[3 * a + 1]!, out[3 * a + 2]!));
    f = scale.radius / r;
  }
  if (f !== 1) for (let k = 0; k < out.length; k++) out[k]! *= f;
  return out;
}
