/**
 * Geometric cluster builders: Mackay icosahedra, cuboctahedra, Ino and Marks
 * decahedra, fcc octahedra, truncated octahedra and tetrahedra, polyhedral
 * shells, and random compact clusters.
 *
 * Every builder returns a {@link Structure} centred on its centroid, with
 * coordinates in Å set by the nearest-neighbour distance `bond` (Å). Conventions
 * for the strained (non-fcc) shapes follow ASE's `ase.cluster`:
 *   - Mackay icosahedron: the distance between consecutive shells along a
 *     vertex direction is `bond` (so the centre–first-shell distance is `bond`
 *     and the intra-shell distance 1.0515 × `bond`; Mackay, Acta Cryst. 15, 916 (1962)).
 *   - Decahedra: atoms on the five-fold axis are `bond` apart, the rings sit
 *     at the (100) positions of five strained fcc tetrahedra, so every
 *     inter-layer neighbour is at `bond` (Ino, J. Phys. Soc. Jpn. 27, 941
 *     (1969); Marks, Philos. Mag. A 49, 81 (1984)); p, q, r as in ASE's
 *     `Decahedron(symbol, p, q, r)`.
 *   - fcc shapes (cuboctahedron, octahedron, truncated octahedron, tetrahedron)
 *     are cut from a perfect fcc lattice with nearest-neighbour distance `bond`.
 *
 * Magic numbers (checked in the tests): icosahedra, cuboctahedra and
 * complete Ino decahedra with n shells hold (10n³ + 15n² + 11n + 3)/3 atoms
 * (1, 13, 55, 147, 309, 561…); fcc octahedra with m atoms per edge
 * (2m³ + m)/3; regular truncated octahedra 16k³ + 15k² + 6k + 1 (38, 201, 586);
 * fcc tetrahedra m(m + 1)(m + 2)/6 (4, 10, 20, 35…); Marks decahedra
 * 75, 101, 146, 192 (Baletto & Ferrando, Rev. Mod. Phys. 77, 371 (2005)).
 */
import { InputError } from '../../core/errors.js';
import type { Rng } from '../../core/rng.js';
import { elementByZ } from '../../data/index.js';
import type { Structure } from '../structure.js';
import { createStructure } from '../structure.js';
import { polyhedronInfo, polyhedronVertices } from './polyhedra.js';

export interface BuildOptions {
  /** Atomic number of every atom. */
  readonly z: number;
  /** Nearest-neighbour distance, Å. */
  readonly bond: number;
}

/** Largest nearest-neighbour distance accepted, Å: far beyond any bond, small enough for fixed-point files. */
export const MAX_BOND_A = 100;

function checkBond(bond: number): void {
  if (!(bond > 0) || !(bond <= MAX_BOND_A)) {
    throw new InputError(
      'build-bond',
      `the nearest-neighbour distance must be a positive number of Å up to ${MAX_BOND_A}, got ${bond}`,
      {
        hint: 'e.g. --bond 2.884 for Au',
      },
    );
  }
}

function checkCount(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InputError('build-size', `${name} must be a whole number from ${min} to ${max}, got ${value}`);
  }
}

/** Collects points, dropping duplicates closer than 1e-6 (relative units). */
class PointSet {
  readonly coords: number[] = [];
  private readonly seen = new Set<string>();
  add(x: number, y: number, z: number): void {
    const key = `${Math.round(x * 1e5)},${Math.round(y * 1e5)},${Math.round(z * 1e5)}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.coords.push(x, y, z);
  }
  get size(): number {
    return this.coords.length / 3;
  }
}

function finish(points: readonly number[], scale: number, z: number, title: string): Structure {
  const n = points.length / 3;
  let cx = 0;
  let cy = 0;
  let cz = 0;
  for (let i = 0; i < n; i++) {
    cx += points[3 * i]!;
    cy += points[3 * i + 1]!;
    cz += points[3 * i + 2]!;
  }
  cx /= n;
  cy /= n;
  cz /= n;
  const positions = new Float64Array(3 * n);
  for (let i = 0; i < n; i++) {
    positions[3 * i] = clean((points[3 * i]! - cx) * scale);
    positions[3 * i + 1] = clean((points[3 * i + 1]! - cy) * scale);
    positions[3 * i + 2] = clean((points[3 * i + 2]! - cz) * scale);
  }
  return createStructure({ numbers: new Uint8Array(n).fill(z), positions, title });
}

const clean = (x: number) => (Math.abs(x) < 1e-12 ? 0 : x);

/** Triangular faces (vertex index triples) of a polyhedron with unit edges. */
function unitEdgeFaces(v: Float64Array): [number, number, number][] {
  const n = v.length / 3;
  const isEdge = (a: number, b: number) =>
    Math.abs(
      Math.hypot(v[3 * a]! - v[3 * b]!, v[3 * a + 1]! - v[3 * b + 1]!, v[3 * a + 2]! - v[3 * b + 2]!) - 1,
    ) < 1e-6;
  const faces: [number, number, number][] = [];
  for (let a = 0; a < n; a++)
    for (let b = a + 1; b < n; b++)
      if (isEdge(a, b))
        for (let c = b + 1; c < n; c++) if (isEdge(a, c) && isEdge(b, c)) faces.push([a, b, c]);
  return faces;
}

/** Number of atoms in an n-shell Mackay icosahedron / cuboctahedron / Ino decahedron: (10n³+15n²+11n+3)/3. */
export function icosahedralMagicNumber(shells: number): number {
  return (10 * shells ** 3 + 15 * shells ** 2 + 11 * shells + 3) / 3;
}

/**
 * Mackay icosahedron with `shells` complete shells around a central atom
 * (0 → 1 atom, 1 → 13, 2 → 55, 3 → 147, 4 → 309). Shell s holds 10s² + 2 atoms
 * on the faces of an icosahedron of circumradius s × bond.
 */
export function mackayIcosahedron(shells: number, opts: BuildOptions): Structure {
  checkCount('shells', shells, 0, 40);
  checkBond(opts.bond);
  const v = polyhedronVertices('icosahedron', { radius: 1 });
  const faces = unitEdgeFaces(polyhedronVertices('icosahedron'));
  const pts = new PointSet();
  pts.add(0, 0, 0);
  for (let s = 1; s <= shells; s++) {
    for (const [a, b, c] of faces) {
      for (let i = 0; i <= s; i++) {
        for (let j = 0; i + j <= s; j++) {
          const k = s - i - j;
          // barycentric combination of the three vertices, scaled to radius s
          const x = i * v[3 * a]! + j * v[3 * b]! + k * v[3 * c]!;
          const y = i * v[3 * a + 1]! + j * v[3 * b + 1]! + k * v[3 * c + 1]!;
          const z = i * v[3 * a + 2]! + j * v[3 * b + 2]! + k * v[3 * c + 2]!;
          pts.add(x, y, z);
        }
      }
    }
  }
  return finish(
    pts.coords,
    opts.bond,
    opts.z,
    `Mackay icosahedron, ${shells} shell${shells === 1 ? '' : 's'}, ${pts.size} atoms`,
  );
}

/**
 * Cuboctahedron with `shells` shells (13, 55, 147, 309 …): fcc lattice points
 * (i, j, k), i + j + k even, with |i| + |j| + |k| ≤ 2n and max(|i|, |j|, |k|) ≤ n.
 */
export function cuboctahedron(shells: number, opts: BuildOptions): Structure {
  checkCount('shells', shells, 0, 40);
  checkBond(opts.bond);
  const n = shells;
  const pts: number[] = [];
  for (let i = -n; i <= n; i++)
    for (let j = -n; j <= n; j++)
      for (let k = -n; k <= n; k++)
        if ((i + j + k) % 2 === 0 && Math.abs(i) + Math.abs(j) + Math.abs(k) <= 2 * n) pts.push(i, j, k);
  return finish(
    pts,
    opts.bond / Math.SQRT2,
    opts.z,
    `cuboctahedron, ${shells} shell${shells === 1 ? '' : 's'}, ${pts.length / 3} atoms`,
  );
}

/**
 * Decahedron in ASE's parametrisation: `p` atoms on the (100) facets
 * perpendicular to the five-fold axis, `q` atoms on the (100) facets parallel
 * to it (q = 1: no such facets, the regular pentagonal bipyramid), `r` the
 * depth of the Marks re-entrance (0: Ino decahedron). The axis holds
 * p + q + 2r − 1 atoms. Complete Ino decahedra are p = q = n + 1, r = 0 (13, 55, 147);
 * Marks decahedra (2,2,1) = 75, (2,3,1) = 101, (3,2,1) = 146, (3,3,1) = 192.
 */
export function decahedron(p: number, q: number, r: number, opts: BuildOptions): Structure {
  checkCount('p', p, 1, 60);
  checkCount('q', q, 1, 60);
  checkCount('r', r, 0, 30);
  checkBond(opts.bond);
  const h = p + q + 2 * r - 1;
  const g = h - q + 1;
  const a = Math.sqrt(3) / 2; // ring spacing (in units of bond): height of an equilateral triangle
  const vert: [number, number][] = [];
  for (let m = 0; m < 5; m++) {
    const t = (2 * Math.PI * m) / 5 + Math.PI / 2;
    vert.push([a * Math.cos(t), a * Math.sin(t)]);
  }
  const pts: number[] = [];
  for (let j = 0; j < h; j++) pts.push(0, 0, j - (h - 1) / 2);
  for (let n = 1; n < Math.min(h, g); n++) {
    for (let m = 0; m < 5; m++) {
      const v1 = vert[(m + 4) % 5]!;
      const v2 = vert[m]!;
      for (let i = 0; i < n; i++) {
        if (!(n - i < g - r && i < g - r)) continue;
        const x = (n - i) * v1[0] + i * v2[0];
        const y = (n - i) * v1[1] + i * v2[1];
        for (let j = 0; j < h - n; j++) pts.push(x, y, j - (h - n - 1) / 2);
      }
    }
  }
  const kind = r > 0 ? 'Marks decahedron' : q > 1 ? 'Ino decahedron' : 'decahedron (pentagonal bipyramid)';
  return finish(pts, opts.bond, opts.z, `${kind} p=${p} q=${q} r=${r}, ${pts.length / 3} atoms`);
}

/**
 * fcc octahedron with `edge` atoms along each edge ((2m³+m)/3: 1, 6, 19, 44, 85, 146…),
 * optionally with `cut` atomic layers removed at each of the six vertices
 * (truncated octahedron; regular when edge = 3k + 1 and cut = k: 38, 201, 586).
 * Lattice points (i, j, k) with i + j + k even, |i−c| + |j| + |k| ≤ m − 1 and
 * max(|i−c|, |j|, |k|) ≤ m − 1 − cut, where c = 0 (odd m, atom-centred) or 1 (even m).
 */
export function octahedron(edge: number, opts: BuildOptions, cut = 0): Structure {
  checkCount('edge atoms', edge, 1, 80);
  checkCount('cut', cut, 0, Math.floor((edge - 1) / 2));
  checkBond(opts.bond);
  const m = edge - 1;
  const c = edge % 2 === 0 ? 1 : 0;
  const pts: number[] = [];
  for (let i = -m - 1; i <= m + 1; i++)
    for (let j = -m - 1; j <= m + 1; j++)
      for (let k = -m - 1; k <= m + 1; k++) {
        if ((((i + j + k) % 2) + 2) % 2 !== 0) continue;
        const x = Math.abs(i - c);
        const y = Math.abs(j);
        const zz = Math.abs(k);
        if (x + y + zz <= m && Math.max(x, y, zz) <= m - cut) pts.push(i, j, k);
      }
  const name = cut > 0 ? `truncated octahedron (edge ${edge}, cut ${cut})` : `octahedron (edge ${edge})`;
  return finish(pts, opts.bond / Math.SQRT2, opts.z, `${name}, ${pts.length / 3} atoms`);
}

/** Regular truncated octahedron of order k ≥ 1: edge 3k + 1, cut k (38, 201, 586 atoms). */
export function truncatedOctahedron(k: number, opts: BuildOptions): Structure {
  checkCount('order', k, 1, 25);
  return octahedron(3 * k + 1, opts, k);
}

/**
 * fcc tetrahedron with `edge` atoms along each edge: m(m+1)(m+2)/6 atoms
 * (edge 4 → 20, the Td Au20 of Li, Li, Wang & Wang, Science 299, 864 (2003)).
 */
export function fccTetrahedron(edge: number, opts: BuildOptions): Structure {
  checkCount('edge atoms', edge, 1, 80);
  checkBond(opts.bond);
  const pts: number[] = [];
  // fcc primitive vectors (1,1,0), (1,0,1), (0,1,1) in units of a/2: nearest-neighbour distance √2.
  for (let i = 0; i < edge; i++)
    for (let j = 0; i + j < edge; j++) for (let k = 0; i + j + k < edge; k++) pts.push(i + j, i + k, j + k);
  return finish(
    pts,
    opts.bond / Math.SQRT2,
    opts.z,
    `fcc tetrahedron (edge ${edge}), ${pts.length / 3} atoms`,
  );
}

/**
 * Hollow polyhedron: one atom on each vertex of a named polyhedron from
 * ./polyhedra.ts, edge length `bond` (e.g. truncated-icosahedron with C, 1.44 Å).
 * With `centre`, an extra atom sits at the centre.
 */
export function polyhedronCluster(name: string, opts: BuildOptions, centre = false): Structure {
  checkBond(opts.bond);
  const info = polyhedronInfo(name);
  if (!info) throw new InputError('build-shape', `unknown polyhedron "${name}"`);
  const v = Array.from(polyhedronVertices(name));
  if (centre) v.unshift(0, 0, 0);
  return finish(v, opts.bond, opts.z, `${info.description}, ${v.length / 3} atoms`);
}

/**
 * Random compact cluster of `count` atoms for global searches: atoms are
 * placed one by one uniformly in a sphere whose volume is `count` / (fcc
 * density) × `looseness` (default 1.6), rejecting any closer than
 * 0.8 × `bond` to an atom already placed. Reproducible from `rng`.
 */
export function randomCompactCluster(
  count: number,
  opts: BuildOptions,
  rng: Rng,
  looseness = 1.6,
): Structure {
  checkCount('atom count', count, 1, 100000);
  checkBond(opts.bond);
  const d = opts.bond;
  const volumePerAtom = (d * d * d) / Math.SQRT2; // fcc: a³/4 with a = √2 d
  let radius = Math.cbrt((3 * count * volumePerAtom * looseness) / (4 * Math.PI));
  const min2 = (0.8 * d) ** 2;
  const pos = new Float64Array(3 * count);
  let placed = 0;
  let failures = 0;
  while (placed < count) {
    const x = (2 * rng.next() - 1) * radius;
    const y = (2 * rng.next() - 1) * radius;
    const z = (2 * rng.next() - 1) * radius;
    if (x * x + y * y + z * z > radius * radius) continue;
    let ok = true;
    for (let b = 0; b < placed && ok; b++) {
      const dx = pos[3 * b]! - x;
      const dy = pos[3 * b + 1]! - y;
      const dz = pos[3 * b + 2]! - z;
      if (dx * dx + dy * dy + dz * dz < min2) ok = false;
    }
    if (!ok) {
      if (++failures > 1000) {
        radius *= 1.05;
        failures = 0;
      }
      continue;
    }
    pos[3 * placed] = x;
    pos[3 * placed + 1] = y;
    pos[3 * placed + 2] = z;
    placed++;
  }
  return finish(
    Array.from(pos),
    1,
    opts.z,
    `random compact cluster, ${count} ${elementByZ(opts.z)?.symbol ?? opts.z} atoms`,
  );
}
