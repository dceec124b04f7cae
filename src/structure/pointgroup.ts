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
 *    pairs, Horn/Kabsch) so that noisy candidate axes still converge.
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
import { hungarian } from './assignment.js';
import { createGrid } from './grid.js';
import type { Structure } from './structure.js';
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
  improper,
  inversion,
  type Mat3,
  mul3,
  normalize,
  perpendicularBasis,
  reflection,
  rotation,
  symmetricEigen,
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
}

export const DEFAULT_SYMMETRY_TOLERANCE = 0.086;

/* ------------------------------------------------------------------------ */
/* Nearest same-element lookups on a uniform grid.                           */
/* ------------------------------------------------------------------------ */

class NearestGrid {
  readonly cell: number;
  private readonly nx: number;
  private readonly ny: number;
  private readonly nz: number;
  private readonly min: V3;
  private readonly start: Int32Array;
  private readonly items: Int32Array;
  /** Coordinates and elements in cell order (cache-friendly scans). */
  private readonly sx: Float64Array;
  private readonly sy: Float64Array;
  private readonly sz: Float64Array;
  private readonly sel: Uint8Array;

  constructor(x: Float64Array, z: Uint8Array, cell: number) {
    const n = z.length;
    let lo: V3 = [Infinity, Infinity, Infinity];
    let hi: V3 = [-Infinity, -Infinity, -Infinity];
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < 3; k++) {
        lo[k] = Math.min(lo[k]!, x[3 * i + k]!);
        hi[k] = Math.max(hi[k]!, x[3 * i + k]!);
      }
    }
    if (n === 0) {
      lo = [0, 0, 0];
      hi = [0, 0, 0];
    }
    // Keep the number of cells bounded for sparse structures.
    const span = Math.max(hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2], 1e-9);
    let h = cell;
    while ((span / h + 1) ** 3 > 64 * n + 4096) h *= 1.25;
    this.cell = h;
    this.min = lo;
    this.nx = Math.floor((hi[0] - lo[0]) / h) + 1;
    this.ny = Math.floor((hi[1] - lo[1]) / h) + 1;
    this.nz = Math.floor((hi[2] - lo[2]) / h) + 1;
    const cells = this.nx * this.ny * this.nz;
    const count = new Int32Array(cells + 1);
    const idx = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      idx[i] = this.cellOf(x[3 * i]!, x[3 * i + 1]!, x[3 * i + 2]!);
      count[idx[i]! + 1]!++;
    }
    for (let c = 0; c < cells; c++) count[c + 1]! += count[c]!;
    this.start = count.slice();
    const fill = count.slice();
    this.items = new Int32Array(n);
    for (let i = 0; i < n; i++) this.items[fill[idx[i]!]!++] = i;
    this.sx = new Float64Array(n);
    this.sy = new Float64Array(n);
    this.sz = new Float64Array(n);
    this.sel = new Uint8Array(n);
    for (let k = 0; k < n; k++) {
      const i = this.items[k]!;
      this.sx[k] = x[3 * i]!;
      this.sy[k] = x[3 * i + 1]!;
      this.sz[k] = x[3 * i + 2]!;
      this.sel[k] = z[i]!;
    }
  }

  private cellOf(px: number, py: number, pz: number): number {
    const ix = Math.min(this.nx - 1, Math.max(0, Math.floor((px - this.min[0]) / this.cell)));
    const iy = Math.min(this.ny - 1, Math.max(0, Math.floor((py - this.min[1]) / this.cell)));
    const iz = Math.min(this.nz - 1, Math.max(0, Math.floor((pz - this.min[2]) / this.cell)));
    return (ix * this.ny + iy) * this.nz + iz;
  }

  /**
   * Nearest atom of element `el` to (px, py, pz) within two cell sizes,
   * skipping atoms with used[j] === stamp: the 27 surrounding cells first
   * (exact when the best is within one cell size), then the 5×5×5 block.
   * Writes the squared distance to out[0]; returns −1 if none is found within
   * two cell sizes (out[0] is then (2·cell)²).
   */
  nearest(
    px: number,
    py: number,
    pz: number,
    el: number,
    used: Int32Array | null,
    stamp: number,
    out: Float64Array,
  ): number {
    const h = this.cell;
    const fx = Math.floor((px - this.min[0]) / h);
    const fy = Math.floor((py - this.min[1]) / h);
    const fz = Math.floor((pz - this.min[2]) / h);
    this.bestJ = -1;
    this.bestD = h * h;
    this.scan(fx, fy, fz, 1, -1, px, py, pz, el, used, stamp);
    if (this.bestJ < 0) {
      this.bestD = 4 * h * h;
      this.scan(fx, fy, fz, 2, 1, px, py, pz, el, used, stamp);
    }
    out[0] = this.bestD;
    return this.bestJ;
  }

  private bestJ = -1;
  private bestD = 0;

  /** Scan the cells within `r` of (fx, fy, fz), skipping those within `skip` (−1: none). */
  private scan(
    fx: number,
    fy: number,
    fz: number,
    r: number,
    skip: number,
    px: number,
    py: number,
    pz: number,
    el: number,
    used: Int32Array | null,
    stamp: number,
  ): void {
    const { start, sx, sy, sz, sel, items } = this;
    let bestD = this.bestD;
    let best = this.bestJ;
    for (let ix = Math.max(0, fx - r); ix <= Math.min(this.nx - 1, fx + r); ix++) {
      for (let iy = Math.max(0, fy - r); iy <= Math.min(this.ny - 1, fy + r); iy++) {
        for (let iz = Math.max(0, fz - r); iz <= Math.min(this.nz - 1, fz + r); iz++) {
          if (
            skip >= 0 &&
            Math.abs(ix - fx) <= skip &&
            Math.abs(iy - fy) <= skip &&
            Math.abs(iz - fz) <= skip
          )
            continue;
          const c = (ix * this.ny + iy) * this.nz + iz;
          const end = start[c + 1]!;
          for (let k = start[c]!; k < end; k++) {
            if (sel[k] !== el) continue;
            const dx = sx[k]! - px;
            const dy = sy[k]! - py;
            const dz = sz[k]! - pz;
            const d = dx * dx + dy * dy + dz * dz;
            if (d < bestD) {
              const j = items[k]!;
              if (used && used[j] === stamp) continue;
              bestD = d;
              best = j;
            }
          }
        }
      }
    }
    this.bestD = bestD;
    this.bestJ = best;
  }
}

/* ------------------------------------------------------------------------ */
/* The analysed, centred structure and the operation test.                   */
/* ------------------------------------------------------------------------ */

interface Ctx {
  readonly n: number;
  readonly z: Uint8Array;
  /** Centred positions. */
  readonly x: Float64Array;
  readonly radius: Float64Array;
  /** Atom indices by increasing distance from the centre. */
  readonly byRadius: Int32Array;
  readonly dnn: number;
  /** Absolute RMS tolerance τ (Å). */
  readonly tau: number;
  /** Cap on one atom's squared mismatch (Å²). */
  readonly cap2: number;
  readonly grid: NearestGrid;
  readonly used: Int32Array;
  stamp: number;
  readonly d2: Float64Array;
  readonly perm: Int32Array;
  readonly dist2: Float64Array;
  tests: number;
}

/** Median nearest-neighbour distance (any element), Å. O(N²) below 3000 atoms, grid beyond. */
function medianNearestNeighbour(x: Float64Array, n: number): number {
  const nn = new Float64Array(n).fill(Infinity);
  if (n > 3000) {
    // Grid search within twice the mean spacing; atoms without a neighbour there stay at ∞
    // (isolated atoms sit above the median anyway unless most atoms are isolated).
    let lo = [Infinity, Infinity, Infinity];
    let hi = [-Infinity, -Infinity, -Infinity];
    for (let i = 0; i < n; i++) {
      lo = lo.map((v, k) => Math.min(v, x[3 * i + k]!));
      hi = hi.map((v, k) => Math.max(v, x[3 * i + k]!));
    }
    const volume = Math.max((hi[0]! - lo[0]!) * (hi[1]! - lo[1]!) * (hi[2]! - lo[2]!), 1e-9);
    const r = 2 * Math.cbrt(volume / n);
    const grid = createGrid(x, r);
    for (let i = 0; i < n; i++) {
      grid.forEachNear(x[3 * i]!, x[3 * i + 1]!, x[3 * i + 2]!, r, (j, d2) => {
        if (j !== i && d2 < nn[i]!) nn[i] = d2;
      });
    }
    const s = Array.from(nn).sort((a, b) => a - b);
    const med = s[Math.floor(n / 2)]!;
    if (Number.isFinite(med)) return Math.sqrt(med);
    nn.fill(Infinity);
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = x[3 * i]! - x[3 * j]!;
      const dy = x[3 * i + 1]! - x[3 * j + 1]!;
      const dz = x[3 * i + 2]! - x[3 * j + 2]!;
      const d = dx * dx + dy * dy + dz * dz;
      if (d < nn[i]!) nn[i] = d;
      if (d < nn[j]!) nn[j] = d;
    }
  }
  const s = Array.from(nn).sort((a, b) => a - b);
  return Math.sqrt(s[Math.floor(n / 2)]!);
}

function makeContext(s: Structure, tolerance: number): { ctx: Ctx; centre: V3 } {
  const n = s.numbers.length;
  const centre: V3 = [0, 0, 0];
  for (let i = 0; i < n; i++)
    for (let k = 0; k < 3; k++) centre[k] = centre[k]! + s.positions[3 * i + k]! / n;
  const x = new Float64Array(3 * n);
  const radius = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < 3; k++) x[3 * i + k] = s.positions[3 * i + k]! - centre[k]!;
    radius[i] = Math.hypot(x[3 * i]!, x[3 * i + 1]!, x[3 * i + 2]!);
  }
  const byRadius = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => radius[a]! - radius[b]!);
  let dnn = n > 1 ? medianNearestNeighbour(x, n) : 1;
  if (!(dnn > 1e-6)) dnn = 1;
  const tau = tolerance * dnn;
  // Half-d_nn cells: most look-ups end in the 27 nearest cells; the search reaches d_nn (the cap).
  const grid = new NearestGrid(x, s.numbers, dnn / 2);
  return {
    ctx: {
      n,
      z: s.numbers,
      x,
      radius,
      byRadius,
      dnn,
      tau,
      cap2: dnn * dnn,
      grid,
      used: new Int32Array(n),
      stamp: 0,
      d2: new Float64Array(1),
      perm: new Int32Array(n),
      dist2: new Float64Array(n),
      tests: 0,
    },
    centre,
  };
}

/**
 * Sum of squared mismatches of operation m over the first `m` atoms by
 * radius (all atoms when count = n). Returns Infinity as soon as the sum
 * exceeds `limit`. Fills ctx.perm / ctx.dist2 for the atoms tested, making the
 * map one-to-one (an atom whose nearest partner is taken by a closer atom gets
 * the nearest free partner).
 */
function mismatch(ctx: Ctx, g: Mat3, count: number, limit: number): number {
  ctx.tests++;
  const { x, z, grid, perm, dist2, byRadius, cap2, d2 } = ctx;
  const g0 = g[0]!;
  const g1 = g[1]!;
  const g2 = g[2]!;
  const g3 = g[3]!;
  const g4 = g[4]!;
  const g5 = g[5]!;
  const g6 = g[6]!;
  const g7 = g[7]!;
  const g8 = g[8]!;
  let sum = 0;
  const stamp = ++ctx.stamp;
  const used = ctx.used;
  let collisions = 0;
  for (let t = 0; t < count; t++) {
    const i = byRadius[t]!;
    const px = x[3 * i]!;
    const py = x[3 * i + 1]!;
    const pz = x[3 * i + 2]!;
    const j = grid.nearest(
      g0 * px + g1 * py + g2 * pz,
      g3 * px + g4 * py + g5 * pz,
      g6 * px + g7 * py + g8 * pz,
      z[i]!,
      null,
      0,
      d2,
    );
    const d = j < 0 ? cap2 : Math.min(d2[0]!, cap2);
    perm[i] = j;
    dist2[i] = d;
    sum += d;
    if (sum > limit) return Infinity;
    if (j >= 0) {
      if (used[j] === stamp) collisions++;
      used[j] = stamp;
    }
  }
  if (collisions === 0) return sum;
  // Resolve collisions: the closer claimant keeps the partner, the others take the nearest free atom.
  const owner = new Int32Array(ctx.n).fill(-1);
  const losers: number[] = [];
  for (let t = 0; t < count; t++) {
    const i = byRadius[t]!;
    const j = perm[i]!;
    if (j < 0) continue;
    const o = owner[j]!;
    if (o < 0) owner[j] = i;
    else if (dist2[i]! < dist2[o]!) {
      owner[j] = i;
      losers.push(o);
    } else losers.push(i);
  }
  const stamp2 = ++ctx.stamp;
  for (let j = 0; j < ctx.n; j++) if (owner[j]! >= 0) used[j] = stamp2;
  for (const i of losers) {
    sum -= dist2[i]!;
    const px = x[3 * i]!;
    const py = x[3 * i + 1]!;
    const pz = x[3 * i + 2]!;
    const j = grid.nearest(
      g0 * px + g1 * py + g2 * pz,
      g3 * px + g4 * py + g5 * pz,
      g6 * px + g7 * py + g8 * pz,
      z[i]!,
      used,
      stamp2,
      d2,
    );
    const d = j < 0 ? cap2 : Math.min(d2[0]!, cap2);
    perm[i] = j;
    dist2[i] = d;
    if (j >= 0) used[j] = stamp2;
    sum += d;
    if (sum > limit) return Infinity;
  }
  return sum;
}

/** Kind of a candidate operation, rebuilt exactly after each axis refinement. */
interface OpSpec {
  kind: 'C' | 'S' | 'sigma' | 'i';
  order: number;
}

function buildOp(spec: OpSpec, u: V3): Mat3 {
  switch (spec.kind) {
    case 'C':
      return rotation(u, (2 * Math.PI) / spec.order);
    case 'S':
      return improper(u, (2 * Math.PI) / spec.order);
    case 'sigma':
      return reflection(u);
    case 'i':
      return inversion();
  }
}

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
/* Candidate directions.                                                     */
/* ------------------------------------------------------------------------ */

class DirectionSet {
  readonly dirs: V3[] = [];
  private readonly buckets = new Map<number, number[]>();
  constructor(private readonly cosTol: number) {}

  private key(ix: number, iy: number, iz: number): number {
    return ((ix + 64) * 129 + (iy + 64)) * 129 + (iz + 64);
  }

  add(v: V3): void {
    const n = Math.hypot(v[0], v[1], v[2]);
    if (!(n > 1e-9)) return;
    let u: V3 = [v[0] / n, v[1] / n, v[2] / n];
    // Canonical hemisphere (lines, not vectors).
    if (u[2] < -1e-9 || (Math.abs(u[2]) <= 1e-9 && (u[1] < -1e-9 || (Math.abs(u[1]) <= 1e-9 && u[0] < 0))))
      u = [-u[0], -u[1], -u[2]];
    const q = 40;
    const ix = Math.round(u[0] * q);
    const iy = Math.round(u[1] * q);
    const iz = Math.round(u[2] * q);
    for (let a = -1; a <= 1; a++) {
      for (let b = -1; b <= 1; b++) {
        for (let c = -1; c <= 1; c++) {
          for (const s of [1, -1]) {
            const list = this.buckets.get(this.key(s * ix + a, s * iy + b, s * iz + c));
            if (!list) continue;
            for (const k of list) if (Math.abs(dot3(this.dirs[k]!, u)) > this.cosTol) return;
          }
        }
      }
    }
    const k = this.key(ix, iy, iz);
    const list = this.buckets.get(k);
    if (list) list.push(this.dirs.length);
    else this.buckets.set(k, [this.dirs.length]);
    this.dirs.push(u);
  }
}

/** Atoms grouped by element and distance from the centre (gaps > 0.1 d_nn start a new group). */
function equivalenceSets(ctx: Ctx): number[][] {
  const byEl = new Map<number, number[]>();
  for (let t = 0; t < ctx.n; t++) {
    const i = ctx.byRadius[t]!;
    if (ctx.radius[i]! < 0.2 * ctx.dnn) continue;
    const list = byEl.get(ctx.z[i]!);
    if (list) list.push(i);
    else byEl.set(ctx.z[i]!, [i]);
  }
  const sets: number[][] = [];
  const gap = Math.max(0.1 * ctx.dnn, 2 * ctx.tau);
  for (const list of byEl.values()) {
    let cur: number[] = [];
    for (const i of list) {
      if (cur.length && ctx.radius[i]! - ctx.radius[cur[cur.length - 1]!]! > gap) {
        sets.push(cur);
        cur = [];
      }
      cur.push(i);
    }
    if (cur.length) sets.push(cur);
  }
  sets.sort((a, b) => a.length - b.length || ctx.radius[a[0]!]! - ctx.radius[b[0]!]!);
  return sets;
}

function pos(ctx: Ctx, i: number): V3 {
  return [ctx.x[3 * i]!, ctx.x[3 * i + 1]!, ctx.x[3 * i + 2]!];
}

/** Principal axes of the inertia tensor with weights w (rows, by descending eigenvalue). */
function principalAxes(ctx: Ctx, weight: (i: number) => number): { values: number[]; axes: V3[] } {
  const t = new Float64Array(9);
  for (let i = 0; i < ctx.n; i++) {
    const w = weight(i);
    const p = pos(ctx, i);
    const r2 = dot3(p, p);
    for (let a = 0; a < 3; a++) {
      for (let b = 0; b < 3; b++) t[3 * a + b] = t[3 * a + b]! + w * ((a === b ? r2 : 0) - p[a]! * p[b]!);
    }
  }
  const { values, vectors } = symmetricEigen(t, 3);
  return { values, axes: vectors.map((v) => [v[0]!, v[1]!, v[2]!] as V3) };
}

/**
 * Angle (rad) within which a direction counts as already examined: at most
 * `capDeg`, and no more than the tilt τ / (2 R_max) that moves the outermost
 * atom (R_max from the centre) by τ/2, so that at a small tolerance a rough
 * direction that failed (an arbitrary inertia axis of a spherical top, say)
 * does not shadow an exact axis next to it that the axis refinement could
 * not reach from the rough one. Floor 0.02°.
 */
function mergeAngle(ctx: Ctx, capDeg: number): number {
  let rMax = 0;
  for (let i = 0; i < ctx.n; i++) rMax = Math.max(rMax, ctx.radius[i]!);
  const a = rMax > 0 ? ctx.tau / (2 * rMax) : Infinity;
  return Math.max((0.02 * Math.PI) / 180, Math.min((capDeg * Math.PI) / 180, a));
}

function candidateDirections(ctx: Ctx, sets: number[][], minSets: number): V3[] {
  const ds = new DirectionSet(Math.cos((1.5 * Math.PI) / 180));
  for (const ax of principalAxes(ctx, () => 1).axes) ds.add(ax);
  for (const ax of principalAxes(ctx, (i) => ctx.z[i]!).axes) ds.add(ax);
  let budget = 0;
  let used = 0;
  for (const set of sets) {
    const m = set.length;
    if (used >= minSets && budget + m * m > 6000) break;
    budget += m * m;
    used++;
    const p = set.map((i) => pos(ctx, i));
    for (let a = 0; a < m; a++) {
      ds.add(p[a]!);
      for (let b = a + 1; b < m; b++) {
        const pa = p[a]!;
        const pb = p[b]!;
        ds.add([pa[0] + pb[0], pa[1] + pb[1], pa[2] + pb[2]]);
        ds.add([pa[0] - pb[0], pa[1] - pb[1], pa[2] - pb[2]]);
        const c = cross3(pa, pb);
        if (Math.hypot(c[0], c[1], c[2]) > 0.05 * dot3(pa, pa)) ds.add(c);
      }
    }
    // Regular-polygon triplets (a, b, c) with |ab| ≈ |bc| anchored at the first atoms of the set.
    if (m >= 3 && m <= 60) {
      const anchors = Math.min(m, 2);
      const tol = 0.15 * ctx.dnn + 2 * ctx.tau;
      for (let a = 0; a < anchors; a++) {
        const pa = p[a]!;
        for (let b = 0; b < m; b++) {
          if (b === a) continue;
          const pb = p[b]!;
          const dab = Math.hypot(pb[0] - pa[0], pb[1] - pa[1], pb[2] - pa[2]);
          for (let c = 0; c < m; c++) {
            if (c === a || c === b) continue;
            const pc = p[c]!;
            const dbc = Math.hypot(pc[0] - pb[0], pc[1] - pb[1], pc[2] - pb[2]);
            if (Math.abs(dab - dbc) > tol) continue;
            ds.add(
              cross3(
                [pb[0] - pa[0], pb[1] - pa[1], pb[2] - pa[2]],
                [pc[0] - pb[0], pc[1] - pb[1], pc[2] - pb[2]],
              ),
            );
          }
        }
      }
    }
  }
  return ds.dirs;
}

/**
 * Upper bound on the order n of a rotation axis u: every off-axis atom lies on
 * a ring of equivalent atoms (same element, height and radius) whose size is a
 * multiple of n, so n ≤ min over atoms of the number of atoms in its (h, ρ)
 * window.
 */
function maxAxisOrder(ctx: Ctx, u: V3, cap: number): number {
  const { n, x, z, byRadius } = ctx;
  const q = 0.3 * ctx.dnn + 2 * ctx.tau;
  const hOf = (i: number) => x[3 * i]! * u[0] + x[3 * i + 1]! * u[1] + x[3 * i + 2]! * u[2];
  const rhoOf = (i: number, h: number) =>
    Math.sqrt(Math.max(0, x[3 * i]! ** 2 + x[3 * i + 1]! ** 2 + x[3 * i + 2]! ** 2 - h * h));
  let best = cap;
  let constraints = 0;
  // The innermost off-axis atoms bound n; window members are searched among all atoms
  // (atoms near the axis still count as members, so a ring is never cut at the boundary).
  for (let t = 0; t < n && constraints < 16; t++) {
    const i = byRadius[t]!;
    const hi = hOf(i);
    const ri = rhoOf(i, hi);
    if (ri <= q) continue;
    constraints++;
    let c = 0;
    for (let j = 0; j < n; j++) {
      if (z[j] !== z[i]) continue;
      const hj = hOf(j);
      if (Math.abs(hj - hi) > q) continue;
      if (Math.abs(rhoOf(j, hj) - ri) <= q) c++;
    }
    if (c < best) {
      best = c;
      if (best <= 1) return 1;
    }
  }
  return constraints === 0 ? cap : best;
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
 * contains, so a verified Ih/Oh ends the search early).
 */
function findElements(ctx: Ctx, quick = false): Elements {
  const all = equivalenceSets(ctx);
  const sets = quick ? all.slice(0, 1) : all;
  const dirs = candidateDirections(ctx, sets, quick ? 1 : 2);
  const el: Elements = { axes: [], mirrors: [], improperAxes: [], inversion: false };
  el.inversion = verify(ctx, { kind: 'i', order: 2 }, [0, 0, 1]) !== null;
  const tested = new DirectionSet(Math.cos(mergeAngle(ctx, 0.5)));
  const examine = (v: V3) => {
    const u = normalize(v);
    if (!(Math.abs(u[0]) + Math.abs(u[1]) + Math.abs(u[2]) > 0.5)) return;
    const before = tested.dirs.length;
    tested.add(u);
    if (tested.dirs.length === before) return;
    const found = axisOrder(ctx, u, maxAxisOrder(ctx, u, Math.max(2, ctx.n)));
    if (found) {
      addAxis(el.axes, found.axis, found.spec.order, found.rms);
      const s = verify(ctx, { kind: 'S', order: 2 * found.spec.order }, found.axis);
      if (s) {
        const hit = el.improperAxes.find((a) => Math.abs(dot3(a.axis, s.axis)) > PARALLEL);
        if (!hit) el.improperAxes.push({ axis: s.axis, order: s.spec.order });
      }
    }
    const m = verify(ctx, { kind: 'sigma', order: 1 }, u);
    if (m) addLine(el.mirrors, m.axis);
  };
  for (const u of dirs) examine(u);
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
function verifyGroup(ctx: Ctx, ops: Mat3[], factor: number): { perms: Int32Array[]; rms: number[] } | null {
  const perms: Int32Array[] = [];
  const rms: number[] = [];
  const limit = ctx.n * ctx.tau * ctx.tau * factor * factor;
  for (const g of ops) {
    const s = mismatch(ctx, g, ctx.n, limit);
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
    const ver2 = verifyGroup(ctx, ops2, 2);
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
  // Quick pass: a verified Ih or Oh cannot be enlarged, so the full search is skipped.
  for (const cand of candidates(findElements(ctx, true))) {
    if (cand.family !== 'Ih' && cand.family !== 'Oh') continue;
    const fit = fitGroup(ctx, cand);
    if (fit) return report(ctx, centre, cand, fit, base);
  }
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

/** Per-element one-to-one map i → π(i) minimising Σ |g x_i − x_π(i)|²: Hungarian up to 400 atoms of an element, greedy beyond. */
function assignUnder(ctx: Ctx, g: Mat3, out: Int32Array): number {
  const byEl = new Map<number, number[]>();
  for (let i = 0; i < ctx.n; i++) {
    const l = byEl.get(ctx.z[i]!);
    if (l) l.push(i);
    else byEl.set(ctx.z[i]!, [i]);
  }
  let sum = 0;
  for (const atoms of byEl.values()) {
    const m = atoms.length;
    if (m > 400) {
      // Large sets: greedy — atoms with the closest image partner choose first (an upper bound).
      const ys = atoms.map((i) => apply3(g, pos(ctx, i)));
      const d2 = (a: number, j: number) =>
        (ys[a]![0] - ctx.x[3 * j]!) ** 2 +
        (ys[a]![1] - ctx.x[3 * j + 1]!) ** 2 +
        (ys[a]![2] - ctx.x[3 * j + 2]!) ** 2;
      const first = atoms.map((_, a) => {
        let bd = Infinity;
        for (const j of atoms) bd = Math.min(bd, d2(a, j));
        return bd;
      });
      const order = atoms.map((_, a) => a).sort((p, q) => first[p]! - first[q]!);
      const taken = new Uint8Array(ctx.n);
      for (const a of order) {
        let best = -1;
        let bd = Infinity;
        for (const j of atoms) {
          if (taken[j]) continue;
          const d = d2(a, j);
          if (d < bd) {
            bd = d;
            best = j;
          }
        }
        taken[best] = 1;
        out[atoms[a]!] = best;
        sum += bd;
      }
      continue;
    }
    const cost = new Float64Array(m * m);
    const ys = atoms.map((i) => apply3(g, pos(ctx, i)));
    for (let a = 0; a < m; a++) {
      const y = ys[a]!;
      for (let b = 0; b < m; b++) {
        const j = atoms[b]!;
        cost[a * m + b] =
          (y[0] - ctx.x[3 * j]!) ** 2 + (y[1] - ctx.x[3 * j + 1]!) ** 2 + (y[2] - ctx.x[3 * j + 2]!) ** 2;
      }
    }
    const col = hungarian(cost, m, m);
    for (let a = 0; a < m; a++) {
      out[atoms[a]!] = atoms[col[a]!]!;
      sum += cost[a * m + col[a]!]!;
    }
  }
  return sum;
}

export interface ChiralityMeasure {
  /**
   * Continuous chirality measure: the smallest continuous symmetry measure
   * (0–100) of the structure against an improper operation (σ, i or S4),
   * estimated as 100 Σ|g x_i − x_π(i)|² / (4 Σ|x_i − x_0|²), with π the optimal
   * element-preserving assignment (Hungarian up to 400 atoms per element,
   * greedy beyond; exact for an involutive π; Zabrodsky &
   * Avnir, J. Am. Chem. Soc. 117, 462 (1995)). 0 for an achiral structure.
   */
  readonly measure: number;
  /** The improper element closest to being a symmetry: 'sigma', 'i' or 'S4'. */
  readonly element: 'sigma' | 'i' | 'S4';
  /** Its axis (mirror normal or S4 axis). */
  readonly axis?: V3;
}

/**
 * Continuous chirality measure (see ChiralityMeasure): minimised over the
 * candidate directions of the point-group search (inertia axes, atom-set
 * directions; at most 400), each refined by least squares.
 */
export function chiralityMeasure(s: Structure, options: PointGroupOptions = {}): ChiralityMeasure {
  const { ctx } = makeContext(s, options.tolerance ?? DEFAULT_SYMMETRY_TOLERANCE);
  let norm = 0;
  for (let k = 0; k < 3 * ctx.n; k++) norm += ctx.x[k]! ** 2;
  if (ctx.n < 2 || !(norm > 0)) return { measure: 0, element: 'i' };
  const perm = new Int32Array(ctx.n);
  const toMeasure = (sum: number) => (100 * sum) / (4 * norm);
  let best: ChiralityMeasure = { measure: toMeasure(assignUnder(ctx, inversion(), perm)), element: 'i' };
  const dirs = candidateDirections(ctx, equivalenceSets(ctx), 2).slice(0, 400);
  for (const kind of ['sigma', 'S4'] as const) {
    const spec: OpSpec = kind === 'sigma' ? { kind: 'sigma', order: 1 } : { kind: 'S', order: 4 };
    // Screen every direction with the fast nearest-neighbour mismatch (early exit beyond the
    // 4th best so far), refine the best few with it, and score the best with the optimal assignment.
    const top: { u: V3; score: number }[] = [];
    for (const u of dirs) {
      const limit = top.length < 4 ? Infinity : top[3]!.score;
      const score = mismatch(ctx, buildOp(spec, u), ctx.n, limit);
      if (!Number.isFinite(score)) continue;
      top.push({ u, score });
      top.sort((a, b) => a.score - b.score);
      if (top.length > 4) top.pop();
    }
    let pick: { u: V3; fast: number } | null = null;
    for (const { u: u0 } of top) {
      let u = u0;
      let fast = mismatch(ctx, buildOp(spec, u), ctx.n, Infinity);
      for (let iter = 0; iter < 3; iter++) {
        const u2 = axisOf(fitOrthogonal(ctx.x, ctx.x, ctx.perm, true));
        if (!u2) break;
        const fast2 = mismatch(ctx, buildOp(spec, u2), ctx.n, Infinity);
        if (!(fast2 < fast - 1e-12)) break;
        u = u2;
        fast = fast2;
      }
      if (!pick || fast < pick.fast) pick = { u, fast };
    }
    if (!pick) continue;
    let u = pick.u;
    let sum = assignUnder(ctx, buildOp(spec, u), perm);
    // One least-squares step with the optimal assignment.
    const u3 = axisOf(fitOrthogonal(ctx.x, ctx.x, perm, true));
    if (u3) {
      const sum3 = assignUnder(ctx, buildOp(spec, u3), perm);
      if (sum3 < sum) {
        sum = sum3;
        u = u3;
      }
    }
    const m = toMeasure(sum);
    if (m < best.measure) best = { measure: m, element: kind, axis: u };
  }
  return best;
}
