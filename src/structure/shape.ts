/**
 * Continuous shape measures (CShM) of a set of points against ideal
 * polyhedra, Alvarez/Llunell definition:
 *
 *   S(Q, P) = 100 · min Σ_i |q_i − p_π(i)|² / Σ_i |q_i − q_0|²
 *
 * minimised over rotations, uniform scaling and translation of the ideal
 * polyhedron P and over the vertex correspondence π; q_0 is the centroid of
 * the actual points Q. S = 0 for the ideal shape, 100 at most. With both sets
 * centred, the optimal scale gives S = 100 (1 − T² / (Σ|q|² Σ|p|²)) with
 * T = max_R Σ q_i · R p_π(i) = σ1 + σ2 + sgn(det A) σ3, σ the singular values
 * of A = Σ p_π(i) q_iᵀ (Kabsch).
 *
 * References: M. Pinsky & D. Avnir, Inorg. Chem. 37, 5575 (1998); S. Alvarez
 * et al., Coord. Chem. Rev. 249, 1693 (2005) (SHAPE program, its polyhedron
 * codes such as IC-12 and OC-6).
 *
 * Correspondence: exact enumeration of all n! permutations for n ≤ 8
 * (depth-first, the correlation matrix accumulated incrementally); beyond that
 * a heuristic: rotational starts that put an actual point and its nearest
 * neighbour onto every reference vertex and each of its edge neighbours, then
 * alternate Hungarian assignment (for the current rotation) and optimal
 * rotation (Horn) until the assignment no longer changes; the best result is
 * kept (an upper bound on the exact measure, flagged `exact: false`).
 */
import { InputError } from '../core/errors.js';
import { hungarian } from './assignment.js';
import { POLYHEDRON_NAMES, polyhedronInfo, polyhedronVertices } from './builders/polyhedra.js';
import { fitOrthogonal, type Mat3 } from './symmetry-math.js';

export const EXACT_SHAPE_LIMIT = 8;

export interface ShapeReference {
  readonly name: string;
  /** SHAPE code, e.g. IC-12, when the program has this reference. */
  readonly code?: string;
  /** Vertices, flat, centred. */
  readonly vertices: Float64Array;
}

export interface ShapeMeasure {
  readonly name: string;
  readonly code?: string;
  /** CShM, 0 = ideal, dimensionless (0–100). */
  readonly measure: number;
  /** Whether the permutation search was exhaustive. */
  readonly exact: boolean;
}

/** Reference polyhedra with `count` vertices (every polyhedron with a SHAPE code, plus the Ino-decahedron shell). */
export function shapeReferences(count?: number): ShapeReference[] {
  const out: ShapeReference[] = [];
  for (const name of POLYHEDRON_NAMES) {
    const info = polyhedronInfo(name)!;
    if (!info.shapeCode && name !== 'ino-decahedron-shell' && name !== 'cube') continue;
    if (count !== undefined && info.vertices !== count) continue;
    out.push({
      name,
      ...(info.shapeCode ? { code: info.shapeCode } : {}),
      vertices: polyhedronVertices(name),
    });
  }
  return out;
}

function centred(points: ArrayLike<number>): Float64Array {
  const n = points.length / 3;
  const out = Float64Array.from(points);
  for (let k = 0; k < 3; k++) {
    let c = 0;
    for (let i = 0; i < n; i++) c += out[3 * i + k]! / n;
    for (let i = 0; i < n; i++) out[3 * i + k] = out[3 * i + k]! - c;
  }
  return out;
}

/** σ1 + σ2 + sgn(det A) σ3 for a 3×3 matrix A (row-major), via the eigenvalues of AᵀA (closed form). */
function maxTrace(a: ArrayLike<number>): number {
  const a0 = a[0]!;
  const a1 = a[1]!;
  const a2 = a[2]!;
  const a3 = a[3]!;
  const a4 = a[4]!;
  const a5 = a[5]!;
  const a6 = a[6]!;
  const a7 = a[7]!;
  const a8 = a[8]!;
  // B = AᵀA
  const b00 = a0 * a0 + a3 * a3 + a6 * a6;
  const b11 = a1 * a1 + a4 * a4 + a7 * a7;
  const b22 = a2 * a2 + a5 * a5 + a8 * a8;
  const b01 = a0 * a1 + a3 * a4 + a6 * a7;
  const b02 = a0 * a2 + a3 * a5 + a6 * a8;
  const b12 = a1 * a2 + a4 * a5 + a7 * a8;
  const det = a0 * (a4 * a8 - a5 * a7) - a1 * (a3 * a8 - a5 * a6) + a2 * (a3 * a7 - a4 * a6);
  const q = (b00 + b11 + b22) / 3;
  const p1 = b01 * b01 + b02 * b02 + b12 * b12;
  const p2 = (b00 - q) ** 2 + (b11 - q) ** 2 + (b22 - q) ** 2 + 2 * p1;
  let e1: number;
  let e2: number;
  let e3: number;
  if (p2 <= 1e-30 * (q * q + 1e-300)) {
    e1 = e2 = e3 = q;
  } else {
    const p = Math.sqrt(p2 / 6);
    const c00 = (b00 - q) / p;
    const c11 = (b11 - q) / p;
    const c22 = (b22 - q) / p;
    const c01 = b01 / p;
    const c02 = b02 / p;
    const c12 = b12 / p;
    const r =
      (c00 * (c11 * c22 - c12 * c12) - c01 * (c01 * c22 - c12 * c02) + c02 * (c01 * c12 - c11 * c02)) / 2;
    const phi = Math.acos(Math.max(-1, Math.min(1, r))) / 3;
    e1 = q + 2 * p * Math.cos(phi);
    e3 = q + 2 * p * Math.cos(phi + (2 * Math.PI) / 3);
    e2 = 3 * q - e1 - e3;
  }
  const s1 = Math.sqrt(Math.max(0, e1));
  const s2 = Math.sqrt(Math.max(0, e2));
  const s3 = Math.sqrt(Math.max(0, e3));
  return s1 + s2 + (det < 0 ? -s3 : s3);
}

export interface CshmResult {
  readonly measure: number;
  readonly exact: boolean;
  /** perm[i] = reference vertex matched to point i. */
  readonly permutation: Int32Array;
}

/**
 * Continuous shape measure of `points` (flat, Å) against `reference` (flat,
 * any scale) with the same number of vertices.
 */
export function continuousShapeMeasure(
  points: ArrayLike<number>,
  reference: ArrayLike<number>,
  exactLimit = EXACT_SHAPE_LIMIT,
): CshmResult {
  const n = points.length / 3;
  if (reference.length !== points.length) {
    throw new InputError(
      'shape-size',
      `shape measure needs the same number of points (${n}) as reference vertices (${reference.length / 3})`,
    );
  }
  if (n < 2) return { measure: 0, exact: true, permutation: Int32Array.from({ length: n }, (_, i) => i) };
  const q = centred(points);
  const p = centred(reference);
  let qq = 0;
  let pp = 0;
  for (let k = 0; k < 3 * n; k++) {
    qq += q[k]! ** 2;
    pp += p[k]! ** 2;
  }
  if (!(qq > 0)) return { measure: 0, exact: true, permutation: Int32Array.from({ length: n }, (_, i) => i) };
  const toS = (t: number) => Math.max(0, 100 * (1 - (t * t) / (qq * pp)));
  if (n <= exactLimit) return exactSearch(q, p, n, toS);
  return heuristicSearch(q, p, n, toS);
}

function exactSearch(q: Float64Array, p: Float64Array, n: number, toS: (t: number) => number): CshmResult {
  const acc = new Float64Array(9 * (n + 1));
  const used = new Uint8Array(n);
  const cur = new Int32Array(n);
  let best = -Infinity;
  let bestPerm: Int32Array = new Int32Array(n);
  const dfs = (i: number) => {
    const base = 9 * i;
    if (i === n) {
      const t = maxTrace(acc.subarray(base, base + 9));
      if (t > best) {
        best = t;
        bestPerm = cur.slice();
      }
      return;
    }
    const qx = q[3 * i]!;
    const qy = q[3 * i + 1]!;
    const qz = q[3 * i + 2]!;
    for (let j = 0; j < n; j++) {
      if (used[j]) continue;
      used[j] = 1;
      cur[i] = j;
      const px = p[3 * j]!;
      const py = p[3 * j + 1]!;
      const pz = p[3 * j + 2]!;
      const nb = base + 9;
      // A += p_j q_iᵀ
      acc[nb] = acc[base]! + px * qx;
      acc[nb + 1] = acc[base + 1]! + px * qy;
      acc[nb + 2] = acc[base + 2]! + px * qz;
      acc[nb + 3] = acc[base + 3]! + py * qx;
      acc[nb + 4] = acc[base + 4]! + py * qy;
      acc[nb + 5] = acc[base + 5]! + py * qz;
      acc[nb + 6] = acc[base + 6]! + pz * qx;
      acc[nb + 7] = acc[base + 7]! + pz * qy;
      acc[nb + 8] = acc[base + 8]! + pz * qz;
      dfs(i + 1);
      used[j] = 0;
    }
  };
  dfs(0);
  return { measure: toS(best), exact: true, permutation: bestPerm };
}

function frameOf(a: number[], b: number[]): number[] {
  const na = Math.hypot(a[0]!, a[1]!, a[2]!);
  const e1 = a.map((x) => x / na);
  const d = e1[0]! * b[0]! + e1[1]! * b[1]! + e1[2]! * b[2]!;
  const w = b.map((x, k) => x - d * e1[k]!);
  const nw = Math.hypot(w[0]!, w[1]!, w[2]!);
  const e2 = w.map((x) => x / (nw || 1));
  const e3 = [
    e1[1]! * e2[2]! - e1[2]! * e2[1]!,
    e1[2]! * e2[0]! - e1[0]! * e2[2]!,
    e1[0]! * e2[1]! - e1[1]! * e2[0]!,
  ];
  // columns e1 e2 e3
  return [e1[0]!, e2[0]!, e3[0]!, e1[1]!, e2[1]!, e3[1]!, e1[2]!, e2[2]!, e3[2]!];
}

function heuristicSearch(
  q: Float64Array,
  p: Float64Array,
  n: number,
  toS: (t: number) => number,
): CshmResult {
  const pt = (x: Float64Array, i: number) => [x[3 * i]!, x[3 * i + 1]!, x[3 * i + 2]!];
  const d2 = (x: Float64Array, i: number, j: number) =>
    (x[3 * i]! - x[3 * j]!) ** 2 +
    (x[3 * i + 1]! - x[3 * j + 1]!) ** 2 +
    (x[3 * i + 2]! - x[3 * j + 2]!) ** 2;
  // Anchor: the actual point farthest from the centre and its nearest neighbour.
  const r2 = (i: number) => q[3 * i]! ** 2 + q[3 * i + 1]! ** 2 + q[3 * i + 2]! ** 2;
  let a = 0;
  for (let i = 1; i < n; i++) if (r2(i) > r2(a)) a = i;
  let b = a === 0 ? 1 : 0;
  for (let i = 0; i < n; i++) if (i !== a && d2(q, a, i) < d2(q, a, b)) b = i;
  const fq = frameOf(pt(q, a), pt(q, b));
  let minEdge = Infinity;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) minEdge = Math.min(minEdge, d2(p, i, j));
  const cost = new Float64Array(n * n);
  const rp = new Float64Array(3 * n);
  let best = -Infinity;
  let bestPerm: Int32Array = new Int32Array(n);
  const seen = new Set<string>();
  for (let r = 0; r < n; r++) {
    for (let s = 0; s < n; s++) {
      if (s === r || d2(p, r, s) > minEdge * 1.3) continue;
      const fp = frameOf(pt(p, r), pt(p, s));
      // R = Fq Fpᵀ maps reference onto actual.
      let rot: Mat3 = new Float64Array(9);
      for (let i = 0; i < 3; i++)
        for (let j = 0; j < 3; j++)
          rot[3 * i + j] =
            fq[3 * i]! * fp[3 * j]! + fq[3 * i + 1]! * fp[3 * j + 1]! + fq[3 * i + 2]! * fp[3 * j + 2]!;
      let perm: Int32Array | null = null;
      for (let iter = 0; iter < 30; iter++) {
        for (let j = 0; j < n; j++) {
          for (let k = 0; k < 3; k++)
            rp[3 * j + k] =
              rot[3 * k]! * p[3 * j]! + rot[3 * k + 1]! * p[3 * j + 1]! + rot[3 * k + 2]! * p[3 * j + 2]!;
        }
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++)
            cost[i * n + j] = -(
              q[3 * i]! * rp[3 * j]! +
              q[3 * i + 1]! * rp[3 * j + 1]! +
              q[3 * i + 2]! * rp[3 * j + 2]!
            );
        }
        const next = hungarian(cost, n, n);
        if (perm && next.every((v, k) => v === perm![k])) break;
        perm = next;
        // Optimal rotation for this correspondence: reference vertex perm[i] → point i.
        const pa = new Float64Array(3 * n);
        for (let i = 0; i < n; i++) for (let k = 0; k < 3; k++) pa[3 * i + k] = p[3 * perm[i]! + k]!;
        rot = fitOrthogonal(pa, q, null, false);
      }
      const key = perm!.join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      const acc = new Float64Array(9);
      for (let i = 0; i < n; i++) {
        const j = perm![i]!;
        for (let u = 0; u < 3; u++)
          for (let v = 0; v < 3; v++) acc[3 * u + v] = acc[3 * u + v]! + p[3 * j + u]! * q[3 * i + v]!;
      }
      const t = maxTrace(acc);
      if (t > best) {
        best = t;
        bestPerm = perm!;
      }
    }
  }
  return { measure: toS(best), exact: false, permutation: bestPerm };
}

/** Shape measures of `points` against every reference with the same vertex count, best first. */
export function shapeMeasures(points: ArrayLike<number>): ShapeMeasure[] {
  const n = points.length / 3;
  return shapeReferences(n)
    .map((ref) => {
      const r = continuousShapeMeasure(points, ref.vertices);
      return { name: ref.name, ...(ref.code ? { code: ref.code } : {}), measure: r.measure, exact: r.exact };
    })
    .sort((a, b) => a.measure - b.measure);
}

/**
 * Shape of the coordination polyhedron of atom `centre`: its bonded
 * neighbours (from `neighbours`, 0-based indices) compared with every
 * reference polyhedron of the same vertex count; [] when none has that count.
 */
export function coordinationShape(
  positions: ArrayLike<number>,
  neighbours: readonly number[],
): ShapeMeasure[] {
  const pts = new Float64Array(3 * neighbours.length);
  neighbours.forEach((j, k) => {
    pts[3 * k] = positions[3 * j]!;
    pts[3 * k + 1] = positions[3 * j + 1]!;
    pts[3 * k + 2] = positions[3 * j + 2]!;
  });
  return shapeMeasures(pts);
}
