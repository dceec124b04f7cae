/**
 * Point-group detection that survives real, noisy structures.
 *
 * Method
 * 1. Centre the atoms on their centroid; the length scale is the median
 *    nearest-neighbour distance d_nn (Å). The tolerance τ = tolerance·d_nn is
 *    an RMS over the whole structure: an operation g is accepted when
 *    sqrt(mean_i |g x_i − x_π(i)|²) ≤ τ, where π maps each atom to the nearest
 *    atom of the same element (made one-to-one; per-atom terms capped at
 *    d_nn²). A few badly placed atoms therefore do not veto a symmetry, but a
 *    structure that is off by the same amount everywhere does not gain it.
 * 2. Candidate axes and plane normals come from the inertia tensor and from
 *    sets of symmetry-equivalent-candidate atoms (same element, same distance
 *    from the centre): directions to atoms, sums, differences and cross
 *    products of pairs, normals of regular-polygon triplets. Nothing is
 *    trusted: each candidate C_n, S_2n, σ and i is verified, and refined on
 *    growing inner subsets of atoms (a least-squares axis from the matched
 *    pairs, Horn/Kabsch) so that noisy candidate axes still converge. A
 *    rough candidate gets one refinement step whenever its matching is
 *    plausible (RMS ≤ d_nn/4), before the tolerance test, so that finding an
 *    exact axis does not depend on the tolerance; an axis order n counts only
 *    when all powers C_n^k verify (the whole cyclic group, as for any group).
 *    Together these keep the answer maximal (every group whose operations
 *    all fit is contained in it) and monotone in the tolerance — tested as a
 *    property over all families (pointgroup-monotone.test.ts).
 * 3. The verified elements are classified (Schoenflies family and main-axis
 *    order), the complete ideal group is built in the frame of the found axes,
 *    and every one of its |G| operations is verified; the frame is refined by
 *    aligning the structure with its symmetrized image. If the whole group
 *    fails, the next smaller candidate group is tried.
 * 4. Reported: the symbol, order, the symmetrized structure (average over the
 *    group, x̂_i = |G|⁻¹ Σ_g gᵀ x_π_g(i)), its maximum and RMS deviation from
 *    the input (Å), and the continuous symmetry measure
 *    S(G) = 100 Σ|x_i − x̂_i|² / Σ|x_i − x_0|² (Zabrodsky, Peleg & Avnir,
 *    J. Am. Chem. Soc. 114, 7843 (1992); 0 = perfectly symmetric).
 *
 * Linear structures give C∞v or D∞h (spelled `Cinfv`, `Dinfh`), one atom
 * `Kh`.
 */
import { InputError } from '../core/errors.js';
import type { Structure } from './structure.js';
import {
  buildOp,
  type Ctx,
  candidateDirections,
  DirectionSet,
  equivalenceSets,
  magnitudeScale,
  makeContext,
  maxAxisOrder,
  mergeAngle,
  mismatch,
  type OpSpec,
  pos,
  principalAxes,
  requireFinitePositions,
} from './symmetry-context.js';
import {
  describeOperation,
  type Family,
  groupAxes,
  groupOrder,
  rotateGroup,
  type SymmetryElementInfo,
  schoenflies,
  standardGroup,
} from './symmetry-groups.js';
import {
  apply3,
  axisOf,
  cross3,
  det3,
  dot3,
  fitOrthogonal,
  inversion,
  type Mat3,
  mul3,
  normalize,
  perpendicularBasis,
  rotation,
  transpose3,
  type V3,
} from './symmetry-math.js';

export interface PointGroupOptions {
  /**
   * Tolerance as a fraction of the median nearest-neighbour distance: the
   * largest RMS mismatch |g x_i − x_π(i)| accepted for an operation.
   * Default 0.086 (0.24 Å for gold, 0.12 Å for C–C bonded carbon).
   */
  readonly tolerance?: number;
}

export interface PointGroupOperation extends SymmetryElementInfo {
  /** Row-major 3×3 matrix acting on positions relative to the centre. */
  readonly matrix: readonly number[];
  /** RMS mismatch sqrt(mean |g x_i − x_π(i)|²) of this operation, Å. */
  readonly rmsMismatchA: number;
}

export interface PointGroupResult {
  /** Schoenflies symbol: Ih, I, Oh, …, C1, Cinfv, Dinfh, Kh. */
  readonly pointGroup: string;
  /** Group order |G| (Infinity for linear molecules and Kh). */
  readonly order: number;
  /** Largest displacement of an atom between the input and its symmetrized structure, Å. */
  readonly maxDeviationA: number;
  /** RMS displacement between the input and its symmetrized structure, Å. */
  readonly rmsDeviationA: number;
  /** Continuous symmetry measure S(G) (0–100, 0 = exact), Zabrodsky–Avnir definition. */
  readonly measure: number;
  /** Median nearest-neighbour distance used as the length scale, Å. */
  readonly nearestNeighbourA: number;
  /** Absolute RMS tolerance used, Å. */
  readonly toleranceA: number;
  /** The centre (centroid) of the analysed atoms, Å. */
  readonly centre: V3;
  /** Main axis (highest-order rotation axis), if any. */
  readonly mainAxis?: V3;
  /** Whether any improper operation (σ, i, S_n) is present. */
  readonly hasImproper: boolean;
  /** The group's operations (absent for infinite groups). */
  readonly operations: readonly PointGroupOperation[];
  /** The symmetrized positions (flat, Å, in the input frame). */
  readonly symmetrized: Float64Array;
  /**
   * Frame of the group's standard setting (row-major 3×3, columns = x, y, z:
   * main axis z, C2′ or σv along x): the operations are frame · g_std · frameᵀ.
   * Absent for the infinite groups.
   */
  readonly frame?: readonly number[];
}

export const DEFAULT_SYMMETRY_TOLERANCE = 0.086;

interface Verified {
  spec: OpSpec;
  axis: V3;
  rms: number;
}

/**
 * Verify an operation of kind `spec` about a candidate axis, refining the axis
 * on growing inner subsets of atoms (least-squares fit to the matched pairs).
 * Returns the refined axis and RMS mismatch, or null if rejected.
 */
function verify(ctx: Ctx, spec: OpSpec, axis: V3): Verified | null {
  const { n, tau } = ctx;
  let u = axis;
  let count = Math.min(n, 24);
  let first = true;
  for (;;) {
    // Loose limit (2τ RMS) until the axis has been refined on this subset.
    const loose = count * 4 * tau * tau;
    // On the first (inner) subset the axis may be a rough candidate (a direction merged with a
    // nearby exact one, an inertia axis of a near-spherical top) that misses by more than 2τ at a
    // small tolerance although its nearest-neighbour matching is already right: accept the
    // matching up to an RMS of d_nn/4 for one refinement step, so that whether an exact axis is
    // found does not depend on the tolerance (the tolerance only admits noise).
    const reach = first && spec.kind !== 'i' ? Math.max(loose, count * 0.0625 * ctx.dnn * ctx.dnn) : loose;
    first = false;
    let sum = mismatch(ctx, buildOp(spec, u), count, reach);
    if (!Number.isFinite(sum)) return null;
    // Refine the axis from the matched pairs unless it already fits well (RMS < τ/2).
    if (spec.kind !== 'i' && sum > count * 0.25 * tau * tau) {
      const u2 = axisOf(subsetFit(ctx, count, spec.kind !== 'C'));
      if (u2) {
        const cand = orientLike(u2, u);
        const sum2 = mismatch(ctx, buildOp(spec, cand), count, loose);
        if (sum2 < sum) {
          u = cand;
          sum = sum2;
        }
      }
    }
    if (sum > loose) return null;
    if (count === n) return sum <= n * tau * tau ? { spec, axis: u, rms: Math.sqrt(sum / n) } : null;
    count = Math.min(n, count * 4);
  }
}

function orientLike(u: V3, ref: V3): V3 {
  return dot3(u, ref) < 0 ? [-u[0], -u[1], -u[2]] : u;
}

/** Least-squares orthogonal matrix for the pairs (i → perm[i]) of the first `count` atoms by radius. */
function subsetFit(ctx: Ctx, count: number, improperFit: boolean): Mat3 {
  const a = new Float64Array(3 * count);
  const b = new Float64Array(3 * count);
  for (let t = 0; t < count; t++) {
    const i = ctx.byRadius[t]!;
    const j = ctx.perm[i]!;
    if (j < 0) continue;
    for (let k = 0; k < 3; k++) {
      a[3 * t + k] = ctx.x[3 * i + k]!;
      b[3 * t + k] = ctx.x[3 * j + k]!;
    }
  }
  return fitOrthogonal(a, b, null, improperFit);
}

/* ------------------------------------------------------------------------ */
/* Classification and whole-group verification.                              */
/* ------------------------------------------------------------------------ */

export interface Elements {
  axes: { axis: V3; order: number; rms: number }[];
  mirrors: V3[];
  improperAxes: { axis: V3; order: number }[];
  inversion: boolean;
}

const PARALLEL = Math.cos((4 * Math.PI) / 180);
const PERP = Math.sin((4 * Math.PI) / 180);

function addAxis(
  list: { axis: V3; order: number; rms: number }[],
  axis: V3,
  order: number,
  rms: number,
): void {
  const hit = list.find((a) => Math.abs(dot3(a.axis, axis)) > PARALLEL);
  if (hit) {
    if (order > hit.order || (order === hit.order && rms < hit.rms)) {
      hit.order = order;
      hit.axis = axis;
      hit.rms = rms;
    }
  } else list.push({ axis, order, rms });
}

function addLine(list: V3[], v: V3): void {
  if (!list.some((a) => Math.abs(dot3(a, v)) > PARALLEL)) list.push(v);
}

/**
 * Verify candidate elements. `quick` uses only the inertia axes and the
 * smallest equivalence set (enough for Ih and Oh, which no finite group
 * contains, so a verified Ih/Oh ends the search early). Both contain the
 * inversion, so without it the quick pass stops at once, and it looks for
 * rotation axes only; `early` is called whenever it adds an axis of order ≥ 3
 * and ends the pass by returning true (the caller verified a whole group).
 */
function findElements(ctx: Ctx, quick = false, early?: (el: Elements) => boolean): Elements {
  const el: Elements = { axes: [], mirrors: [], improperAxes: [], inversion: false };
  el.inversion = verify(ctx, { kind: 'i', order: 2 }, [0, 0, 1]) !== null;
  if (quick && !el.inversion) return el;
  const all = equivalenceSets(ctx);
  const sets = quick ? all.slice(0, 1) : all;
  const dirs = candidateDirections(ctx, sets, quick ? 1 : 2);
  const tested = new DirectionSet(Math.cos(mergeAngle(ctx, 0.5)));
  let done = false;
  const examine = (v: V3) => {
    const u = normalize(v);
    if (!(Math.abs(u[0]) + Math.abs(u[1]) + Math.abs(u[2]) > 0.5)) return;
    const before = tested.dirs.length;
    tested.add(u);
    if (tested.dirs.length === before) return;
    const found = axisOrder(ctx, u, maxAxisOrder(ctx, u, Math.max(2, ctx.n)));
    if (found) {
      addAxis(el.axes, found.axis, found.spec.order, found.rms);
      if (quick) {
        if (found.spec.order >= 3 && early?.(el)) done = true;
        return;
      }
      const s = verify(ctx, { kind: 'S', order: 2 * found.spec.order }, found.axis);
      if (s) {
        const hit = el.improperAxes.find((a) => Math.abs(dot3(a.axis, s.axis)) > PARALLEL);
        if (!hit) el.improperAxes.push({ axis: s.axis, order: s.spec.order });
      }
    }
    if (quick) return;
    const m = verify(ctx, { kind: 'sigma', order: 1 }, u);
    if (m) addLine(el.mirrors, m.axis);
  };
  for (const u of dirs) {
    examine(u);
    if (done) return el;
  }
  // Second pass: directions perpendicular to each main-axis candidate (C2′ axes, σv/σd normals).
  const mains = el.axes.filter((a) => a.order >= 2).map((a) => a.axis);
  const firstSets = sets.slice(0, 3);
  if (quick) return el;
  for (const zAxis of mains.slice(0, 6)) {
    for (const set of firstSets) {
      if (set.length > 40) continue;
      for (const i of set) {
        const pa = pos(ctx, i);
        examine(cross3(zAxis, pa));
        const pp = sub(pa, scale(zAxis, dot3(pa, zAxis)));
        examine(pp);
        for (const j of set) {
          if (j <= i) continue;
          const pb = pos(ctx, j);
          const s = add(pa, pb);
          examine(sub(s, scale(zAxis, dot3(s, zAxis))));
          const d = sub(pa, pb);
          examine(sub(d, scale(zAxis, dot3(d, zAxis))));
        }
      }
    }
  }
  // Third pass: directions derived from pairs of verified axes. The main axis of a Dn-type group is
  // perpendicular to its C2′ axes, and the C5/C3 axes of I are the cross products of pairs of its C2
  // axes, found even when the atom-set candidates miss them (snub dodecahedron: no atom pair or
  // anchored triplet points along the five-fold axes); bisectors of equal-order axes give C2″ axes
  // and σd normals.
  const found = el.axes.slice(0, 40).map((a) => ({ axis: a.axis, order: a.order }));
  for (let a = 0; a < found.length; a++) {
    for (let b = a + 1; b < found.length; b++) {
      const p = found[a]!;
      const q = found[b]!;
      examine(cross3(p.axis, q.axis));
      if (p.order === q.order) {
        const o = dot3(p.axis, q.axis) < 0 ? -1 : 1;
        examine(add(p.axis, scale(q.axis, o)));
        examine(sub(p.axis, scale(q.axis, o)));
      }
    }
  }
  return el;
}

/**
 * The order of the rotation axis along u (null if none verifies): the largest
 * n for which the whole cyclic group C_n verifies about the refined axis —
 * every power C_n^k, not only the generator. At a large tolerance a wrong
 * order close to the true one can pass as a single rotation (C7 on a
 * benzene ring at tolerance 0.2 misses by 2ρ sin 4.3°; C6 on the five-fold
 * axis of an icosahedron by 2ρ sin 6°), but its powers drift further (C7²
 * by 2ρ sin 8.6°, C7³ by 2ρ sin 12.9°) and fail; a true C_n within
 * tolerance passes with all of its powers. This is the same criterion as
 * for a whole group (every operation within tolerance), so a larger order
 * is never refused while the group it generates is within tolerance.
 */
function axisOrder(ctx: Ctx, u: V3, nmax: number): Verified | null {
  const limit = ctx.n * ctx.tau * ctx.tau;
  for (let order = nmax; order >= 2; order--) {
    const f = verify(ctx, { kind: 'C', order }, u);
    if (!f) continue;
    let ok = true;
    for (let k = 2; k <= order / 2 && ok; k++) {
      if (!Number.isFinite(mismatch(ctx, rotation(f.axis, (2 * Math.PI * k) / order), ctx.n, limit)))
        ok = false;
    }
    if (ok) return f;
  }
  return null;
}

const add = (a: V3, b: V3): V3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const sub = (a: V3, b: V3): V3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const scale = (a: V3, s: number): V3 => [a[0] * s, a[1] * s, a[2] * s];

interface Candidate {
  family: Family;
  n: number;
  /** Frame: columns are the frame's x, y, z axes (row-major matrix). */
  frame: Mat3;
}

function frameFrom(zAxis: V3, xHint: V3 | null): Mat3 {
  const z = normalize(zAxis);
  let x: V3;
  if (xHint) {
    x = normalize(sub(xHint, scale(z, dot3(xHint, z))));
    if (!(Math.hypot(...x) > 0.5)) x = perpendicularBasis(z)[0];
  } else x = perpendicularBasis(z)[0];
  const y = cross3(z, x);
  return Float64Array.of(x[0], y[0], z[0], x[1], y[1], z[1], x[2], y[2], z[2]);
}

/** Frame mapping the standard polyhedral group onto the found axes a (order na) and b (order nb). */
function polyhedralFrame(family: Family, a: V3, na: number, b: V3, nb: number): Mat3 | null {
  const std = groupAxes(standardGroup(family, 0));
  const cosAB = dot3(a, b);
  let best: { a0: V3; b0: V3; err: number } | null = null;
  const a0s = std.filter((s) => s.order === na);
  if (!a0s.length) return null;
  const a0 = a0s[0]!.axis;
  for (const s of std) {
    if (s.order !== nb || Math.abs(dot3(s.axis, a0)) > 1 - 1e-6) continue;
    for (const sg of [1, -1]) {
      const b0 = scale(s.axis, sg);
      const err = Math.abs(dot3(a0, b0) - cosAB);
      if (!best || err < best.err) best = { a0, b0, err };
    }
  }
  if (!best || best.err > 0.1) return null;
  const f = (p: V3, q: V3): Mat3 => {
    const e1 = normalize(p);
    const e2 = normalize(sub(q, scale(e1, dot3(q, e1))));
    const e3 = cross3(e1, e2);
    return Float64Array.of(e1[0], e2[0], e3[0], e1[1], e2[1], e3[1], e1[2], e2[2], e3[2]);
  };
  return mul3(f(a, b), transpose3(f(best.a0, best.b0)));
}

function candidates(el: Elements): Candidate[] {
  const out: Candidate[] = [];
  const high = el.axes.filter((a) => a.order >= 3).sort((p, q) => q.order - p.order || p.rms - q.rms);
  const anyImproper = el.inversion || el.mirrors.length > 0 || el.improperAxes.length > 0;
  // Polyhedral groups: at least two distinct axes of order ≥ 3 (T: C3; O: C4, C3; I: C5, C3).
  if (high.length >= 2) {
    const top = high[0]!;
    const other = high.find((h) => h !== top && Math.abs(dot3(h.axis, top.axis)) < PARALLEL);
    if (other && top.order <= 5) {
      const fam: Family[] = top.order === 5 ? ['Ih', 'I'] : top.order === 4 ? ['Oh', 'O'] : ['Th', 'Td', 'T'];
      const nb = Math.min(other.order, top.order);
      for (const f of fam) {
        const chiral = f === 'I' || f === 'O' || f === 'T';
        if (!chiral && !anyImproper) continue;
        const frame = polyhedralFrame(f, top.axis, top.order, other.axis, nb);
        if (frame) out.push({ family: f, n: 0, frame });
      }
    }
  }
  // Axial groups about each candidate main axis.
  const mains = [...el.axes].sort((p, q) => q.order - p.order || p.rms - q.rms);
  // An axis verified as C_n may fail as a whole group C_n while a subgroup C_d (d | n) holds.
  const axial: { axis: V3; order: number }[] = [];
  for (const m of mains)
    for (let d = m.order; d >= 2; d--) if (m.order % d === 0) axial.push({ axis: m.axis, order: d });
  for (const m of axial) {
    const z = m.axis;
    const n = m.order;
    const c2perp = el.axes.filter((a) => a.order % 2 === 0 && Math.abs(dot3(a.axis, z)) < PERP);
    const sigmaH = el.mirrors.some((v) => Math.abs(dot3(v, z)) > PARALLEL);
    const sigmaV = el.mirrors.filter((v) => Math.abs(dot3(v, z)) < PERP);
    const s2n = el.improperAxes.some((a) => Math.abs(dot3(a.axis, z)) > PARALLEL && a.order === 2 * n);
    if (c2perp.length) {
      const x = c2perp[0]!.axis;
      if (sigmaH) out.push({ family: 'Dnh', n, frame: frameFrom(z, x) });
      if (sigmaV.length || s2n) out.push({ family: 'Dnd', n, frame: frameFrom(z, x) });
      out.push({ family: 'Dn', n, frame: frameFrom(z, x) });
    }
    if (sigmaH) out.push({ family: 'Cnh', n, frame: frameFrom(z, null) });
    if (sigmaV.length) out.push({ family: 'Cnv', n, frame: frameFrom(z, cross3(sigmaV[0]!, z)) });
    if (s2n) out.push({ family: 'S2n', n, frame: frameFrom(z, null) });
    out.push({ family: 'Cn', n, frame: frameFrom(z, null) });
  }
  for (const v of el.mirrors) out.push({ family: 'Cs', n: 1, frame: frameFrom(v, null) });
  if (el.inversion) out.push({ family: 'Ci', n: 1, frame: frameFrom([0, 0, 1], null) });
  out.push({ family: 'C1', n: 1, frame: frameFrom([0, 0, 1], null) });
  // Largest groups first; ties keep discovery order (best-fitting axes first).
  return out
    .map((c, k) => ({ c, k }))
    .sort((p, q) => groupOrder(q.c.family, q.c.n) - groupOrder(p.c.family, p.c.n) || p.k - q.k)
    .map((p) => p.c);
}

interface GroupFit {
  ops: Mat3[];
  perms: Int32Array[];
  rms: number[];
  symmetrized: Float64Array;
}

/** Verify all operations of a group; null if any exceeds the tolerance. */
function verifyGroup(
  ctx: Ctx,
  ops: Mat3[],
  factor: number,
  hints?: Int32Array[],
): { perms: Int32Array[]; rms: number[] } | null {
  const perms: Int32Array[] = [];
  const rms: number[] = [];
  const limit = ctx.n * ctx.tau * ctx.tau * factor * factor;
  for (let k = 0; k < ops.length; k++) {
    const g = ops[k]!;
    const s = mismatch(ctx, g, ctx.n, limit, hints?.[k]);
    if (!Number.isFinite(s)) return null;
    perms.push(ctx.perm.slice());
    rms.push(Math.sqrt(s / ctx.n));
  }
  return { perms, rms };
}

/** x̂_i = |G|⁻¹ Σ_g gᵀ x_π_g(i) (unmatched atoms keep their own position for that g). */
function symmetrize(ctx: Ctx, ops: Mat3[], perms: Int32Array[]): Float64Array {
  const out = new Float64Array(3 * ctx.n);
  for (let k = 0; k < ops.length; k++) {
    const g = ops[k]!;
    const p = perms[k]!;
    for (let i = 0; i < ctx.n; i++) {
      const j = p[i]!;
      if (j < 0) {
        for (let c = 0; c < 3; c++) out[3 * i + c] = out[3 * i + c]! + ctx.x[3 * i + c]!;
        continue;
      }
      const px = ctx.x[3 * j]!;
      const py = ctx.x[3 * j + 1]!;
      const pz = ctx.x[3 * j + 2]!;
      out[3 * i] = out[3 * i]! + g[0]! * px + g[3]! * py + g[6]! * pz;
      out[3 * i + 1] = out[3 * i + 1]! + g[1]! * px + g[4]! * py + g[7]! * pz;
      out[3 * i + 2] = out[3 * i + 2]! + g[2]! * px + g[5]! * py + g[8]! * pz;
    }
  }
  for (let k = 0; k < out.length; k++) out[k] = out[k]! / ops.length;
  return out;
}

/** Verify a candidate group, refining its frame by aligning the structure with its symmetrized image. */
function fitGroup(ctx: Ctx, cand: Candidate): GroupFit | null {
  const std = standardGroup(cand.family, cand.n);
  let frame = cand.frame;
  let ops = rotateGroup(std, frame);
  // First pass with a loose limit (2τ): the frame is refined before the strict test.
  let ver = verifyGroup(ctx, ops, 2);
  if (!ver) return null;
  const cost = (rms: number[]) => rms.reduce((t, r) => t + r * r, 0);
  let c = cost(ver.rms);
  for (let iter = 0; iter < 3 && ops.length > 1; iter++) {
    if (Math.max(...ver.rms) < 1e-3 * ctx.tau) break;
    const r = fitOrthogonal(symmetrize(ctx, ops, ver.perms), ctx.x, null, false);
    const frame2 = mul3(r, frame);
    const ops2 = rotateGroup(std, frame2);
    const ver2 = verifyGroup(ctx, ops2, 2, ver.perms);
    if (!ver2) break;
    const c2 = cost(ver2.rms);
    if (!(c2 < c)) break;
    frame = frame2;
    ops = ops2;
    ver = ver2;
    const gain = (c - c2) / c;
    c = c2;
    if (gain < 0.01) break;
  }
  if (ver.rms.some((r) => r > ctx.tau)) return null;
  return { ops, perms: ver.perms, rms: ver.rms, symmetrized: symmetrize(ctx, ops, ver.perms) };
}

/* ------------------------------------------------------------------------ */
/* Public entry point.                                                       */
/* ------------------------------------------------------------------------ */

/**
 * Determine the point group of a structure (all of its atoms; analyse a
 * subset by passing `subset(s, indices)`). Tolerance: see PointGroupOptions.
 */
export function findPointGroup(s: Structure, options: PointGroupOptions = {}): PointGroupResult {
  requireFinitePositions(s.positions, 'point group');
  const f = magnitudeScale(s.positions);
  if (f === 1) return findPointGroupScaled(s, options);
  // Extreme coordinates: analyse an exactly scaled copy, report lengths in Å.
  const r = findPointGroupScaled({ ...s, positions: s.positions.map((x) => x / f) }, options);
  const { mainAxis, frame } = r;
  return {
    ...r,
    maxDeviationA: r.maxDeviationA * f,
    rmsDeviationA: r.rmsDeviationA * f,
    nearestNeighbourA: r.nearestNeighbourA * f,
    toleranceA: r.toleranceA * f,
    centre: r.centre.map((x) => x * f) as V3,
    operations: r.operations.map((o) => ({ ...o, rmsMismatchA: o.rmsMismatchA * f })),
    symmetrized: r.symmetrized.map((x) => x * f),
    ...(mainAxis ? { mainAxis } : {}),
    ...(frame ? { frame } : {}),
  };
}

function findPointGroupScaled(s: Structure, options: PointGroupOptions): PointGroupResult {
  const tolerance = options.tolerance ?? DEFAULT_SYMMETRY_TOLERANCE;
  if (!(tolerance > 0 && tolerance < 1)) {
    throw new InputError(
      'symmetry-tolerance',
      `symmetry tolerance must be between 0 and 1 (a fraction of the nearest-neighbour distance), got ${tolerance}`,
      {
        hint: 'the default is 0.086; try 0.03–0.15',
      },
    );
  }
  const n = s.numbers.length;
  if (n === 0)
    throw new InputError('symmetry-empty', 'no atoms to analyse', { hint: 'check the element filter' });
  const { ctx, centre } = makeContext(s, tolerance);
  const base = {
    nearestNeighbourA: n > 1 ? ctx.dnn : 0,
    toleranceA: n > 1 ? ctx.tau : 0,
    centre,
  };
  if (n === 1) {
    return {
      pointGroup: 'Kh',
      order: Infinity,
      maxDeviationA: 0,
      rmsDeviationA: 0,
      measure: 0,
      ...base,
      hasImproper: true,
      operations: [],
      symmetrized: Float64Array.from(s.positions),
    };
  }
  const linear = linearFit(ctx);
  if (linear) {
    const { axis, sym } = linear;
    const inv = verify(ctx, { kind: 'i', order: 2 }, [0, 0, 1]);
    let symm = sym;
    if (inv) {
      mismatch(ctx, inversion(), n, Infinity);
      const p = ctx.perm.slice();
      symm = new Float64Array(3 * n);
      for (let i = 0; i < n; i++) {
        const j = p[i]!;
        for (let k = 0; k < 3; k++)
          symm[3 * i + k] = (sym[3 * i + k]! - (j >= 0 ? sym[3 * j + k]! : -sym[3 * i + k]!)) / 2;
      }
    }
    // Both linear groups contain mirror planes (every plane through the axis): achiral.
    return finish(ctx, centre, inv ? 'Dinfh' : 'Cinfv', Infinity, symm, [], axis, true, base);
  }
  // Quick pass: a verified Ih or Oh cannot be enlarged, so the full search is skipped. The whole
  // group is tried as soon as two high-order axes are known (at most three times during the pass),
  // and once more with every axis the pass found.
  const quick: { cand?: Candidate; fit?: GroupFit } = {};
  const tryCubic = (el: Elements): boolean => {
    for (const cand of candidates(el)) {
      if (cand.family !== 'Ih' && cand.family !== 'Oh') continue;
      const fit = fitGroup(ctx, cand);
      if (fit) {
        quick.cand = cand;
        quick.fit = fit;
        return true;
      }
    }
    return false;
  };
  let earlyTries = 0;
  const quickEl = findElements(ctx, true, (el) => earlyTries++ < 3 && tryCubic(el));
  if (!quick.fit) tryCubic(quickEl);
  if (quick.cand && quick.fit) return report(ctx, centre, quick.cand, quick.fit, base);
  const el = findElements(ctx);
  for (const cand of candidates(el)) {
    const fit = fitGroup(ctx, cand);
    if (fit) return report(ctx, centre, cand, fit, base);
  }
  throw new Error('unreachable: C1 always verifies');
}

function report(
  ctx: Ctx,
  centre: V3,
  cand: Candidate,
  fit: GroupFit,
  base: { nearestNeighbourA: number; toleranceA: number; centre: V3 },
): PointGroupResult {
  const operations: PointGroupOperation[] = fit.ops.map((g, k) => ({
    ...describeOperation(g),
    matrix: Array.from(g),
    rmsMismatchA: fit.rms[k]!,
  }));
  const lowFamily = cand.family === 'C1' || cand.family === 'Ci' || cand.family === 'Cs';
  const zAxis = lowFamily ? undefined : ([cand.frame[2]!, cand.frame[5]!, cand.frame[8]!] as V3);
  const main = mainAxisOf(operations) ?? zAxis;
  const improperPresent = fit.ops.some((g) => det3(g) < 0);
  return finish(
    ctx,
    centre,
    schoenflies(cand.family, cand.n),
    fit.ops.length,
    fit.symmetrized,
    operations,
    main,
    improperPresent,
    base,
    Array.from(cand.frame),
  );
}

function mainAxisOf(ops: readonly PointGroupOperation[]): V3 | undefined {
  let best: PointGroupOperation | undefined;
  for (const o of ops) if (o.kind === 'C' && o.axis && (!best || o.order > best.order)) best = o;
  return best?.axis;
}

function finish(
  ctx: Ctx,
  centre: V3,
  pointGroup: string,
  order: number,
  sym: Float64Array,
  operations: PointGroupOperation[],
  mainAxis: V3 | undefined,
  improperPresent: boolean,
  base: { nearestNeighbourA: number; toleranceA: number; centre: V3 },
  frame?: number[],
): PointGroupResult {
  let max2 = 0;
  let sum2 = 0;
  let norm2 = 0;
  for (let i = 0; i < ctx.n; i++) {
    let d2 = 0;
    for (let k = 0; k < 3; k++) {
      d2 += (ctx.x[3 * i + k]! - sym[3 * i + k]!) ** 2;
      norm2 += ctx.x[3 * i + k]! ** 2;
    }
    max2 = Math.max(max2, d2);
    sum2 += d2;
  }
  const symmetrized = new Float64Array(3 * ctx.n);
  for (let i = 0; i < ctx.n; i++)
    for (let k = 0; k < 3; k++) symmetrized[3 * i + k] = sym[3 * i + k]! + centre[k]!;
  return {
    pointGroup,
    order,
    maxDeviationA: Math.sqrt(max2),
    rmsDeviationA: Math.sqrt(sum2 / ctx.n),
    measure: norm2 > 0 ? (100 * sum2) / norm2 : 0,
    ...base,
    ...(mainAxis ? { mainAxis } : {}),
    ...(frame ? { frame } : {}),
    hasImproper: improperPresent,
    operations,
    symmetrized,
  };
}

/** If all atoms lie on a line within τ (RMS), the line's direction and the projected positions. */
function linearFit(ctx: Ctx): { axis: V3; sym: Float64Array } | null {
  const { axes } = principalAxes(ctx, () => 1);
  // The line direction is the axis of smallest moment (last eigenvalue).
  const u = axes[2]!;
  let s2 = 0;
  const sym = new Float64Array(3 * ctx.n);
  for (let i = 0; i < ctx.n; i++) {
    const p = pos(ctx, i);
    const h = dot3(p, u);
    const q = scale(u, h);
    s2 += dot3(sub(p, q), sub(p, q));
    sym.set(q, 3 * i);
  }
  if (Math.sqrt(s2 / ctx.n) > ctx.tau / 2) return null;
  return { axis: u, sym };
}

export { apply3 as applyMatrix };

/** The individually verified symmetry elements (before group assembly), for diagnostics. */
export function symmetryElements(
  s: Structure,
  options: PointGroupOptions = {},
): Elements & { tests: number } {
  const { ctx } = makeContext(s, options.tolerance ?? DEFAULT_SYMMETRY_TOLERANCE);
  const el = findElements(ctx);
  return { ...el, tests: ctx.tests };
}

export { type ChiralityMeasure, chiralityMeasure } from './chirality-measure.js';
