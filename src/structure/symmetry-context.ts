/**
 * The analysed structure shared by the point-group search (./pointgroup.ts)
 * and the continuous chirality measure (./chirality-measure.ts): atoms
 * centred on their centroid with the median nearest-neighbour distance as
 * length scale, a nearest-same-element grid, the one-to-one mismatch of an
 * orthogonal operation, candidate axis directions from the inertia tensor
 * and from sets of symmetry-equivalent-candidate atoms, and the optimal
 * (Hungarian) element-preserving assignment under an operation.
 * Internal to src/structure; the method is described in ./pointgroup.ts.
 */
import { InputError } from '../core/errors.js';
import { hungarian } from './assignment.js';
import { createGrid } from './grid.js';
import type { Structure } from './structure.js';
import {
  apply3,
  cross3,
  dot3,
  improper,
  inversion,
  type Mat3,
  reflection,
  rotation,
  symmetricEigen,
  type V3,
} from './symmetry-math.js';

/* ------------------------------------------------------------------------ */
/* Nearest same-element lookups on a uniform grid.                           */
/* ------------------------------------------------------------------------ */

export class NearestGrid {
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
    // Closed form (no loop whose length grows with the coordinates' magnitude).
    const maxCells = 64 * n + 4096;
    let h = cell;
    if ((span / h + 1) ** 3 > maxCells) h = (span / (Math.cbrt(maxCells) - 1)) * (1 + 1e-9);
    if (!Number.isFinite(h) || !(h > 0)) throw new RangeError(`grid cell ${h} Å for a span of ${span} Å`);
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

export interface Ctx {
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
  /**
   * (Half the smallest interatomic distance)² (Å²), slightly reduced: an image within this of an
   * atom has that atom as its unique nearest neighbour. 0 when atoms coincide.
   */
  readonly half2: number;
  readonly grid: NearestGrid;
  readonly used: Int32Array;
  stamp: number;
  readonly d2: Float64Array;
  readonly perm: Int32Array;
  readonly dist2: Float64Array;
  tests: number;
}

/**
 * Median and smallest nearest-neighbour distance (any element), Å. O(N²) below 3000 atoms, grid
 * beyond (where an atom without a neighbour within twice the mean spacing counts as ∞).
 */
export function nearestNeighbourStats(x: Float64Array, n: number): { median: number; min: number } {
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
    if (Number.isFinite(med)) return { median: Math.sqrt(med), min: Math.sqrt(s[0]!) };
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
  return { median: Math.sqrt(s[Math.floor(n / 2)]!), min: Math.sqrt(s[0]!) };
}

export function makeContext(s: Structure, tolerance: number): { ctx: Ctx; centre: V3 } {
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
  const stats = n > 1 ? nearestNeighbourStats(x, n) : { median: 1, min: 0 };
  let dnn = stats.median;
  if (!(dnn > 1e-6)) dnn = 1;
  const half2 = Number.isFinite(stats.min) ? 0.999 * (stats.min / 2) ** 2 : 0;
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
      half2,
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
 * the nearest free partner). `hint`: guessed partners (e.g. this operation's permutation before
 * its axis was refined); only a time saving, the result is the same.
 */
export function mismatch(ctx: Ctx, g: Mat3, count: number, limit: number, hint?: Int32Array): number {
  ctx.tests++;
  const { x, z, grid, perm, dist2, byRadius, cap2, d2, half2 } = ctx;
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
    const qx = g0 * px + g1 * py + g2 * pz;
    const qy = g3 * px + g4 * py + g5 * pz;
    const qz = g6 * px + g7 * py + g8 * pz;
    // A guessed partner (the hint, else the last partner under whatever operation was tested
    // before) is the nearest atom for sure when it lies within half the smallest interatomic
    // distance: no grid search.
    let j = (hint ?? perm)[i]!;
    let dj = half2;
    if (j >= 0 && z[j] === z[i]) {
      const ex = x[3 * j]! - qx;
      const ey = x[3 * j + 1]! - qy;
      const ez = x[3 * j + 2]! - qz;
      dj = ex * ex + ey * ey + ez * ez;
    }
    if (dj < half2) d2[0] = dj;
    else j = grid.nearest(qx, qy, qz, z[i]!, null, 0, d2);
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
export interface OpSpec {
  kind: 'C' | 'S' | 'sigma' | 'i';
  order: number;
}

export function buildOp(spec: OpSpec, u: V3): Mat3 {
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

/* ------------------------------------------------------------------------ */
/* Candidate directions.                                                     */
/* ------------------------------------------------------------------------ */

export class DirectionSet {
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
export function equivalenceSets(ctx: Ctx): number[][] {
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

export function pos(ctx: Ctx, i: number): V3 {
  return [ctx.x[3 * i]!, ctx.x[3 * i + 1]!, ctx.x[3 * i + 2]!];
}

/** Principal axes of the inertia tensor with weights w (rows, by descending eigenvalue). */
export function principalAxes(ctx: Ctx, weight: (i: number) => number): { values: number[]; axes: V3[] } {
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
export function mergeAngle(ctx: Ctx, capDeg: number): number {
  let rMax = 0;
  for (let i = 0; i < ctx.n; i++) rMax = Math.max(rMax, ctx.radius[i]!);
  const a = rMax > 0 ? ctx.tau / (2 * rMax) : Infinity;
  return Math.max((0.02 * Math.PI) / 180, Math.min((capDeg * Math.PI) / 180, a));
}

export function candidateDirections(ctx: Ctx, sets: number[][], minSets: number): V3[] {
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
export function maxAxisOrder(ctx: Ctx, u: V3, cap: number): number {
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

/** Per-element one-to-one map i → π(i) minimising Σ |g x_i − x_π(i)|²: Hungarian up to 400 atoms of an element, greedy beyond. */
export function assignUnder(ctx: Ctx, g: Mat3, out: Int32Array): number {
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

/**
 * Refuse non-finite coordinates (a Structure built without createStructure
 * can carry them): InputError naming the atom (1-based) and `what`.
 */
export function requireFinitePositions(positions: ArrayLike<number>, what: string): void {
  for (let k = 0; k < positions.length; k++) {
    if (!Number.isFinite(positions[k]!)) {
      throw new InputError(
        'structure-nan',
        `${what}: atom ${Math.floor(k / 3) + 1} has a non-finite coordinate (${positions[k]})`,
        { hint: 'check the input coordinates for NaN or Infinity' },
      );
    }
  }
}

/** Coordinates beyond this magnitude (Å) are scaled down by a power of two before analysis. */
const SCALE_ABOVE = 1e100;

/**
 * A power of two f ≥ 1 such that every |coordinate| / f ≤ 1e100 Å: squared
 * distances then stay finite (they overflow beyond ~1.3e154). Dividing by a
 * power of two is exact, so the relative geometry is unchanged and results
 * in Å are multiplied back by f. 1 for all ordinary structures.
 */
export function magnitudeScale(positions: ArrayLike<number>): number {
  let m = 0;
  for (let k = 0; k < positions.length; k++) m = Math.max(m, Math.abs(positions[k]!));
  if (!(m > SCALE_ABOVE)) return 1;
  return 2 ** Math.ceil(Math.log2(m / SCALE_ABOVE));
}
