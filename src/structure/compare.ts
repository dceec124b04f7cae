/**
 * Comparison of two structures: RMSD after optimal superposition, with the
 * atom correspondence found by element-aware assignment rather than file
 * order, a list of atoms that differ, and a mirror-image test.
 *
 * Method: both structures are centred; starting orientations are the 4
 * proper sign combinations of the aligned principal axes of inertia, 24
 * seeded pseudo-random rotations, and anchored starts that put an outer atom
 * of A and its nearest neighbour onto every matching atom pair of B; all are
 * ranked by a quick nearest-neighbour score on ≤ 64 atoms and the best 12 (4
 * above 300 atoms) are refined. From each start, alternate (i) per-element
 * minimum-cost assignment of squared distances (Hungarian for ≤ 600 atoms of
 * an element, greedy nearest beyond; rectangular when the compositions
 * differ) and (ii) optimal rotation and translation of the matched pairs
 * (Horn's quaternion method) until the assignment is stable. The lowest RMSD
 * over matched pairs is kept. Atoms of the larger structure that receive no
 * partner, and matched pairs farther apart than `threshold`, are reported as
 * differing. Mirror images: the same search against the reflection of B; B is
 * called the mirror image of A when that RMSD is below the threshold while
 * the direct one is not.
 */
import { createRng } from '../core/rng.js';
import { hungarian } from './assignment.js';
import type { Structure } from './structure.js';
import { magnitudeScale, requireFinitePositions } from './symmetry-context.js';
import { fitOrthogonal, type Mat3, symmetricEigen } from './symmetry-math.js';

export interface CompareOptions {
  /** Distance (Å) above which a matched pair counts as differing (default 0.5). */
  readonly threshold?: number;
  /** Also test whether B is the mirror image of A (default true). */
  readonly mirror?: boolean;
}

export interface CompareResult {
  /** RMSD over matched atom pairs after superposition, Å. */
  readonly rmsdA: number;
  /** Matched pairs [index in A, index in B, distance Å] (0-based). */
  readonly pairs: readonly (readonly [number, number, number])[];
  /** Atoms of A with no partner in B (0-based). */
  readonly onlyInA: readonly number[];
  /** Atoms of B with no partner in A (0-based). */
  readonly onlyInB: readonly number[];
  /** Matched pairs farther apart than the threshold. */
  readonly moved: readonly (readonly [number, number, number])[];
  /** RMSD against the mirror image of B (Å), when tested. */
  readonly mirrorRmsdA?: number;
  /** True when B superposes onto the reflection of A but not onto A itself. */
  readonly mirrorImages?: boolean;
  readonly threshold: number;
}

function centred(p: ArrayLike<number>): Float64Array {
  const n = p.length / 3;
  const out = Float64Array.from(p);
  for (let k = 0; k < 3; k++) {
    let c = 0;
    for (let i = 0; i < n; i++) c += out[3 * i + k]! / n;
    for (let i = 0; i < n; i++) out[3 * i + k] = out[3 * i + k]! - c;
  }
  return out;
}

function principal(p: Float64Array): number[][] {
  const t = new Float64Array(9);
  const n = p.length / 3;
  for (let i = 0; i < n; i++) {
    const x = [p[3 * i]!, p[3 * i + 1]!, p[3 * i + 2]!];
    const r2 = x[0]! ** 2 + x[1]! ** 2 + x[2]! ** 2;
    for (let a = 0; a < 3; a++)
      for (let b = 0; b < 3; b++) t[3 * a + b] = t[3 * a + b]! + (a === b ? r2 : 0) - x[a]! * x[b]!;
  }
  const v = symmetricEigen(t, 3).vectors;
  // right-handed
  const [e1, e2] = [v[0]!, v[1]!];
  const e3 = [
    e1[1]! * e2[2]! - e1[2]! * e2[1]!,
    e1[2]! * e2[0]! - e1[0]! * e2[2]!,
    e1[0]! * e2[1]! - e1[1]! * e2[0]!,
  ];
  return [e1, e2, e3];
}

/** Assignment of A atoms to B atoms (per element) for B already rotated into A's frame. */
function assign(za: Uint8Array, pa: Float64Array, zb: Uint8Array, pb: Float64Array): Int32Array {
  const out = new Int32Array(za.length).fill(-1);
  const els = new Set([...za]);
  for (const el of els) {
    const ia: number[] = [];
    const ib: number[] = [];
    for (let i = 0; i < za.length; i++) if (za[i] === el) ia.push(i);
    for (let j = 0; j < zb.length; j++) if (zb[j] === el) ib.push(j);
    if (!ib.length) continue;
    const d2 = (i: number, j: number) =>
      (pa[3 * i]! - pb[3 * j]!) ** 2 +
      (pa[3 * i + 1]! - pb[3 * j + 1]!) ** 2 +
      (pa[3 * i + 2]! - pb[3 * j + 2]!) ** 2;
    const rowsA = ia.length <= ib.length;
    const rows = rowsA ? ia : ib;
    const cols = rowsA ? ib : ia;
    if (cols.length <= 600) {
      const cost = new Float64Array(rows.length * cols.length);
      for (let a = 0; a < rows.length; a++) {
        for (let b = 0; b < cols.length; b++)
          cost[a * cols.length + b] = rowsA ? d2(rows[a]!, cols[b]!) : d2(cols[b]!, rows[a]!);
      }
      const col = hungarian(cost, rows.length, cols.length);
      rows.forEach((r, a) => {
        const c = cols[col[a]!]!;
        if (rowsA) out[r] = c;
        else out[c] = r;
      });
    } else {
      // Greedy: globally shortest pairs first.
      const cand: [number, number, number][] = [];
      for (const i of ia) {
        let best = -1;
        let bd = Infinity;
        for (const j of ib) {
          const d = d2(i, j);
          if (d < bd) {
            bd = d;
            best = j;
          }
        }
        cand.push([bd, i, best]);
      }
      cand.sort((x, y) => x[0] - y[0]);
      const taken = new Set<number>();
      const left: number[] = [];
      for (const [, i, j] of cand) {
        if (taken.has(j)) {
          left.push(i);
          continue;
        }
        taken.add(j);
        out[i] = j;
      }
      // Atoms whose nearest partner was taken: nearest free partner (while any is left).
      for (const i of left) {
        let best = -1;
        let bd = Infinity;
        for (const j of ib) {
          if (taken.has(j)) continue;
          const d = d2(i, j);
          if (d < bd) {
            bd = d;
            best = j;
          }
        }
        if (best < 0) break;
        taken.add(best);
        out[i] = best;
      }
    }
  }
  return out;
}

function rotate(m: Mat3, p: Float64Array, t: number[] = [0, 0, 0]): Float64Array {
  const n = p.length / 3;
  const out = new Float64Array(3 * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < 3; k++)
      out[3 * i + k] =
        m[3 * k]! * p[3 * i]! + m[3 * k + 1]! * p[3 * i + 1]! + m[3 * k + 2]! * p[3 * i + 2]! + t[k]!;
  }
  return out;
}

interface Best {
  rmsd: number;
  perm: Int32Array;
  pb: Float64Array;
}

/** Orthonormal frame (columns) from two points: e1 ∥ p, e2 in the (p, q) plane. */
function frame2(p: number[], q: number[]): number[] | null {
  const np = Math.hypot(p[0]!, p[1]!, p[2]!);
  if (!(np > 1e-6)) return null;
  const e1 = p.map((x) => x / np);
  const d = e1[0]! * q[0]! + e1[1]! * q[1]! + e1[2]! * q[2]!;
  const w = q.map((x, k) => x - d * e1[k]!);
  const nw = Math.hypot(w[0]!, w[1]!, w[2]!);
  if (!(nw > 1e-6)) return null;
  const e2 = w.map((x) => x / nw);
  const e3 = [
    e1[1]! * e2[2]! - e1[2]! * e2[1]!,
    e1[2]! * e2[0]! - e1[0]! * e2[2]!,
    e1[0]! * e2[1]! - e1[1]! * e2[0]!,
  ];
  return [e1[0]!, e2[0]!, e3[0]!, e1[1]!, e2[1]!, e3[1]!, e1[2]!, e2[2]!, e3[2]!];
}

/**
 * Starts that put an outer atom a1 of A and its nearest non-collinear neighbour a2 onto
 * every pair (b1, b2) of B with the same elements, distance from the centre
 * (±0.5 Å) and a1–a2 distance (±0.3 Å); three outermost anchors of A.
 */
function anchoredStarts(za: Uint8Array, pa: Float64Array, zb: Uint8Array, pb: Float64Array): Mat3[] {
  const out: Mat3[] = [];
  const pt = (p: Float64Array, i: number) => [p[3 * i]!, p[3 * i + 1]!, p[3 * i + 2]!];
  const r = (p: Float64Array, i: number) => Math.hypot(p[3 * i]!, p[3 * i + 1]!, p[3 * i + 2]!);
  const dist = (p: Float64Array, i: number, q: Float64Array, j: number) =>
    Math.hypot(p[3 * i]! - q[3 * j]!, p[3 * i + 1]! - q[3 * j + 1]!, p[3 * i + 2]! - q[3 * j + 2]!);
  const order = Array.from({ length: za.length }, (_, i) => i).sort((x, y) => r(pa, y) - r(pa, x));
  for (const a1 of order.slice(0, 3)) {
    // Nearest neighbour of a1 not on the line through the centre and a1 (a frame needs two directions).
    const u = pt(pa, a1);
    const off = (i: number) => {
      const v = pt(pa, i);
      const c = [u[1]! * v[2]! - u[2]! * v[1]!, u[2]! * v[0]! - u[0]! * v[2]!, u[0]! * v[1]! - u[1]! * v[0]!];
      return Math.hypot(c[0]!, c[1]!, c[2]!) > 0.1 * r(pa, a1) * r(pa, i);
    };
    let a2 = -1;
    for (let i = 0; i < za.length; i++) {
      if (i !== a1 && off(i) && (a2 < 0 || dist(pa, a1, pa, i) < dist(pa, a1, pa, a2))) a2 = i;
    }
    if (a2 < 0) continue;
    const fa = frame2(pt(pa, a1), pt(pa, a2));
    if (!fa) continue;
    const d12 = dist(pa, a1, pa, a2);
    for (let b1 = 0; b1 < zb.length; b1++) {
      if (zb[b1] !== za[a1] || Math.abs(r(pb, b1) - r(pa, a1)) > 0.5) continue;
      for (let b2 = 0; b2 < zb.length; b2++) {
        if (b2 === b1 || zb[b2] !== za[a2] || Math.abs(dist(pb, b1, pb, b2) - d12) > 0.3) continue;
        const fb = frame2(pt(pb, b1), pt(pb, b2));
        if (!fb) continue;
        // R = Fa Fbᵀ maps B's frame onto A's.
        const m = new Float64Array(9);
        for (let i = 0; i < 3; i++)
          for (let j = 0; j < 3; j++)
            m[3 * i + j] =
              fa[3 * i]! * fb[3 * j]! + fa[3 * i + 1]! * fb[3 * j + 1]! + fa[3 * i + 2]! * fb[3 * j + 2]!;
        out.push(m);
        if (out.length > 600) return out;
      }
    }
  }
  return out;
}

function search(za: Uint8Array, pa: Float64Array, zb: Uint8Array, pb0: Float64Array): Best {
  const ea = principal(pa);
  const eb = principal(pb0);
  const starts: Mat3[] = [];
  for (const [s1, s2] of [
    [1, 1],
    [1, -1],
    [-1, 1],
    [-1, -1],
  ] as const) {
    // R maps B's axes onto A's: R = Σ_k ea_k (s_k eb_k)ᵀ, with s3 = s1·s2 (proper).
    const s = [s1, s2, s1 * s2];
    const r = new Float64Array(9);
    for (let k = 0; k < 3; k++)
      for (let i = 0; i < 3; i++)
        for (let j = 0; j < 3; j++) r[3 * i + j] = r[3 * i + j]! + s[k]! * ea[k]![i]! * eb[k]![j]!;
    starts.push(r);
  }
  const rng = createRng(12345);
  for (let k = 0; k < 24; k++) {
    const q = [rng.normal(), rng.normal(), rng.normal(), rng.normal()];
    const nq = Math.hypot(...q);
    const [a, b, c, d] = q.map((x) => x / nq) as [number, number, number, number];
    starts.push(
      Float64Array.of(
        a * a + b * b - c * c - d * d,
        2 * (b * c - a * d),
        2 * (b * d + a * c),
        2 * (b * c + a * d),
        a * a - b * b + c * c - d * d,
        2 * (c * d - a * b),
        2 * (b * d - a * c),
        2 * (c * d + a * b),
        a * a - b * b - c * c + d * d,
      ),
    );
  }
  starts.push(...anchoredStarts(za, pa, zb, pb0));
  // Rank all starts by a quick nearest-neighbour score on a sample of A's atoms; refine the best few.
  const sample: number[] = [];
  const stepA = Math.max(1, Math.floor(za.length / 64));
  for (let i = 0; i < za.length; i += stepA) sample.push(i);
  const quick = (r: Mat3) => {
    let sum = 0;
    for (const i of sample) {
      const x = pa[3 * i]!;
      const y = pa[3 * i + 1]!;
      const z = pa[3 * i + 2]!;
      let bd = Infinity;
      for (let j = 0; j < zb.length; j++) {
        if (zb[j] !== za[i]) continue;
        // B rotated by r: compare x with r·b_j.
        const bx = pb0[3 * j]!;
        const by = pb0[3 * j + 1]!;
        const bz = pb0[3 * j + 2]!;
        const d =
          (x - (r[0]! * bx + r[1]! * by + r[2]! * bz)) ** 2 +
          (y - (r[3]! * bx + r[4]! * by + r[5]! * bz)) ** 2 +
          (z - (r[6]! * bx + r[7]! * by + r[8]! * bz)) ** 2;
        if (d < bd) bd = d;
      }
      sum += Math.min(bd, 4);
    }
    return sum;
  };
  const ranked = starts
    .map((r) => ({ r, score: quick(r) }))
    .sort((x, y) => x.score - y.score)
    .slice(0, za.length > 300 ? 4 : 12)
    .map((x) => x.r);
  starts.length = 0;
  starts.push(...ranked);
  let best: Best | null = null;
  for (const r0 of starts) {
    let pb = rotate(r0, pb0);
    let perm = assign(za, pa, zb, pb);
    for (let iter = 0; iter < 30; iter++) {
      // Fit B's matched atoms onto A's (rotation + translation).
      const ia: number[] = [];
      for (let i = 0; i < perm.length; i++) if (perm[i]! >= 0) ia.push(i);
      const m = ia.length;
      const ca = [0, 0, 0];
      const cb = [0, 0, 0];
      for (const i of ia)
        for (let k = 0; k < 3; k++) {
          ca[k] = ca[k]! + pa[3 * i + k]! / m;
          cb[k] = cb[k]! + pb[3 * perm[i]! + k]! / m;
        }
      const a = new Float64Array(3 * m);
      const b = new Float64Array(3 * m);
      ia.forEach((i, t) => {
        for (let k = 0; k < 3; k++) {
          a[3 * t + k] = pb[3 * perm[i]! + k]! - cb[k]!;
          b[3 * t + k] = pa[3 * i + k]! - ca[k]!;
        }
      });
      const r = fitOrthogonal(a, b, null, false);
      const moved = new Float64Array(pb.length);
      for (let j = 0; j < pb.length / 3; j++) {
        for (let k = 0; k < 3; k++) {
          moved[3 * j + k] =
            r[3 * k]! * (pb[3 * j]! - cb[0]!) +
            r[3 * k + 1]! * (pb[3 * j + 1]! - cb[1]!) +
            r[3 * k + 2]! * (pb[3 * j + 2]! - cb[2]!) +
            ca[k]!;
        }
      }
      pb = moved;
      const next = assign(za, pa, zb, pb);
      const same = next.every((v, k) => v === perm[k]);
      perm = next;
      if (same) break;
    }
    let s = 0;
    let c = 0;
    perm.forEach((j, i) => {
      if (j < 0) return;
      s +=
        (pa[3 * i]! - pb[3 * j]!) ** 2 +
        (pa[3 * i + 1]! - pb[3 * j + 1]!) ** 2 +
        (pa[3 * i + 2]! - pb[3 * j + 2]!) ** 2;
      c++;
    });
    const rmsd = c ? Math.sqrt(s / c) : 0;
    if (!best || rmsd < best.rmsd - 1e-12) best = { rmsd, perm, pb };
  }
  return best!;
}

/** True when B is A atom for atom: same elements in the same order at bitwise-equal coordinates. */
function identical(a: Structure, b: Structure): boolean {
  if (a.numbers.length !== b.numbers.length) return false;
  for (let i = 0; i < a.numbers.length; i++) if (a.numbers[i] !== b.numbers[i]) return false;
  for (let k = 0; k < a.positions.length; k++) if (a.positions[k] !== b.positions[k]) return false;
  return true;
}

/**
 * Compare structures A and B (see module comment). Non-finite coordinates
 * are an InputError. Coordinates beyond 1e100 Å are scaled down exactly (a
 * power of two) for the search, so squared distances stay finite and every
 * loop ends; lengths are reported in Å. A structure compared with itself
 * (same elements, order and coordinates) gives RMSD 0 without the search,
 * which would lose the small coordinates next to a huge one in the centring.
 */
export function compareStructures(a: Structure, b: Structure, options: CompareOptions = {}): CompareResult {
  requireFinitePositions(a.positions, 'compare, structure A');
  requireFinitePositions(b.positions, 'compare, structure B');
  const threshold = options.threshold ?? 0.5;
  const f = Math.max(magnitudeScale(a.positions), magnitudeScale(b.positions));
  if (f === 1) return compareScaled(a, b, options, threshold, identical(a, b));
  const down = (s: Structure) => ({ ...s, positions: s.positions.map((x) => x / f) });
  const r = compareScaled(
    down(a),
    down(b),
    { ...options, threshold: threshold / f },
    threshold / f,
    identical(a, b),
  );
  const up = (p: readonly (readonly [number, number, number])[]) =>
    p.map(([i, j, d]) => [i, j, d * f] as const);
  return {
    ...r,
    rmsdA: r.rmsdA * f,
    pairs: up(r.pairs),
    moved: up(r.moved),
    threshold,
    ...(r.mirrorRmsdA !== undefined ? { mirrorRmsdA: r.mirrorRmsdA * f } : {}),
  };
}

function compareScaled(
  a: Structure,
  b: Structure,
  options: CompareOptions,
  threshold: number,
  same: boolean,
): CompareResult {
  const pa = centred(a.positions);
  const pb = centred(b.positions);
  const best: Best = same
    ? { rmsd: 0, perm: Int32Array.from(a.numbers, (_, i) => i), pb: pa }
    : search(a.numbers, pa, b.numbers, pb);
  const pairs: [number, number, number][] = [];
  const usedB = new Uint8Array(b.numbers.length);
  const onlyInA: number[] = [];
  best.perm.forEach((j, i) => {
    if (j < 0) {
      onlyInA.push(i);
      return;
    }
    usedB[j] = 1;
    pairs.push([
      i,
      j,
      Math.hypot(
        pa[3 * i]! - best.pb[3 * j]!,
        pa[3 * i + 1]! - best.pb[3 * j + 1]!,
        pa[3 * i + 2]! - best.pb[3 * j + 2]!,
      ),
    ]);
  });
  const onlyInB: number[] = [];
  for (let j = 0; j < usedB.length; j++) if (!usedB[j]) onlyInB.push(j);
  const moved = pairs.filter((p) => p[2] > threshold);
  const out: CompareResult = { rmsdA: best.rmsd, pairs, onlyInA, onlyInB, moved, threshold };
  if (options.mirror === false) return out;
  const mirrored = Float64Array.from(pb);
  for (let j = 0; j < mirrored.length; j += 3) mirrored[j] = -mirrored[j]!;
  const mb = search(a.numbers, pa, b.numbers, mirrored);
  // Mirror images: the reflected copy fits (within half the threshold) and clearly better than
  // the direct one (by 0.05 Å and a factor 2), so small but systematic chirality (a D6 helix
  // off by 0.17 Å) counts while an achiral structure (both fits ≈ 0) does not.
  const mirrorImages = mb.rmsd < threshold / 2 && best.rmsd - mb.rmsd > 0.05 && best.rmsd > 2 * mb.rmsd;
  return { ...out, mirrorRmsdA: mb.rmsd, mirrorImages };
}
