/**
 * Structure and statistics of bead configurations: radial distribution functions, density
 * profiles, the static structure factor and block averages.
 */
import type { BeadSystem } from './system.js';

/**
 * Mean and standard error of a correlated series by block averaging (Flyvbjerg & Petersen,
 * J. Chem. Phys. 91, 461 (1989)): the series is cut into `blocks` equal blocks; the error is the
 * standard deviation of the block means over √(blocks − 1).
 */
export function blockAverage(
  values: readonly number[],
  blocks = 5,
): { mean: number; stderr: number; blocks: number } {
  const nb = Math.max(1, Math.min(blocks, values.length));
  const size = Math.floor(values.length / nb);
  if (size === 0) return { mean: Number.NaN, stderr: Number.NaN, blocks: 0 };
  const means: number[] = [];
  for (let b = 0; b < nb; b++) {
    let s = 0;
    for (let i = b * size; i < (b + 1) * size; i++) s += values[i]!;
    means.push(s / size);
  }
  const mean = means.reduce((a, b) => a + b, 0) / nb;
  const v = nb > 1 ? means.reduce((a, m) => a + (m - mean) ** 2, 0) / (nb - 1) : Number.NaN;
  return { mean, stderr: Math.sqrt(v / nb), blocks: nb };
}

export interface Rdf {
  /** Bin centres, Å. */
  readonly r: number[];
  readonly g: number[];
}

/**
 * g_AB(r) of species a and b (indices) with bins of width dr up to rmax. Periodic boxes use the
 * minimum image and the box density; a finite system is normalised by the density of a sphere
 * holding its beads (radius of gyration × √(5/3)), so g → 1 only inside dense regions.
 */
export function radialDistribution(
  s: BeadSystem,
  positions: Float64Array,
  a: number,
  b: number,
  rmax: number,
  dr = 0.5,
): Rdf {
  const nbin = Math.max(1, Math.ceil(rmax / dr));
  const hist = new Float64Array(nbin);
  const n = s.types.length;
  const box = s.box;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < n; i++) {
    if (s.types[i] === a) na++;
    if (s.types[i] === b) nb++;
  }
  for (let i = 0; i < n; i++) {
    if (s.types[i] !== a) continue;
    for (let j = 0; j < n; j++) {
      if (j === i || s.types[j] !== b) continue;
      let d2 = 0;
      for (let k = 0; k < 3; k++) {
        let d = positions[3 * i + k]! - positions[3 * j + k]!;
        if (box) d -= box[k]! * Math.round(d / box[k]!);
        d2 += d * d;
      }
      const bin = Math.floor(Math.sqrt(d2) / dr);
      if (bin < nbin) hist[bin] = hist[bin]! + 1;
    }
  }
  let volume: number;
  if (box) volume = box[0] * box[1] * box[2];
  else {
    const c = [0, 0, 0];
    for (let i = 0; i < n; i++) for (let k = 0; k < 3; k++) c[k] = c[k]! + positions[3 * i + k]! / n;
    let rg2 = 0;
    for (let i = 0; i < n; i++) for (let k = 0; k < 3; k++) rg2 += (positions[3 * i + k]! - c[k]!) ** 2 / n;
    const R = Math.sqrt((5 / 3) * rg2) || 1;
    volume = (4 / 3) * Math.PI * R ** 3;
  }
  const rho = (a === b ? nb - 1 : nb) / volume;
  const r: number[] = [];
  const g: number[] = [];
  for (let k = 0; k < nbin; k++) {
    const shell = (4 / 3) * Math.PI * (((k + 1) * dr) ** 3 - (k * dr) ** 3);
    r.push((k + 0.5) * dr);
    g.push(na > 0 && rho > 0 ? hist[k]! / (na * rho * shell) : 0);
  }
  return { r, g };
}

/** Number density (beads/Å³) of species `a` (or all when a < 0) in slabs along axis 0|1|2. */
export function densityProfile(
  s: BeadSystem,
  positions: Float64Array,
  axis: 0 | 1 | 2,
  bins: number,
  a = -1,
): { z: number[]; density: number[] } {
  const n = s.types.length;
  let lo = 0;
  let hi = s.box ? s.box[axis] : 0;
  if (!s.box) {
    lo = Infinity;
    hi = -Infinity;
    for (let i = 0; i < n; i++) {
      lo = Math.min(lo, positions[3 * i + axis]!);
      hi = Math.max(hi, positions[3 * i + axis]!);
    }
    hi += 1e-9;
  }
  const width = (hi - lo) / bins;
  const count = new Float64Array(bins);
  for (let i = 0; i < n; i++) {
    if (a >= 0 && s.types[i] !== a) continue;
    let x = positions[3 * i + axis]! - lo;
    if (s.box) x -= s.box[axis] * Math.floor(x / s.box[axis]);
    const k = Math.min(bins - 1, Math.max(0, Math.floor(x / width)));
    count[k] = count[k]! + 1;
  }
  const area = s.box ? (s.box[0] * s.box[1] * s.box[2]) / s.box[axis] : 1;
  return {
    z: Array.from({ length: bins }, (_, k) => lo + (k + 0.5) * width),
    density: Array.from(count, (c) => c / (area * width)),
  };
}

/**
 * Static structure factor S(q) = |Σ_j e^{iq·r_j}|²/N of the beads (all species, or species `a`),
 * averaged over the allowed wave vectors q = 2π(h/Lx, k/Ly, l/Lz) in shells of width dq, for
 * |q| ≤ qmax (periodic boxes; a finite system uses a 3D grid of q in its bounding directions).
 */
export function structureFactor(
  s: BeadSystem,
  positions: Float64Array,
  qmax: number,
  dq = 0.05,
  a = -1,
): { q: number[]; S: number[] } {
  const idx: number[] = [];
  for (let i = 0; i < s.types.length; i++) if (a < 0 || s.types[i] === a) idx.push(i);
  const L = s.box ?? ([0, 1, 2].map(() => (2 * Math.PI) / dq) as [number, number, number]);
  const m = L.map((l) => Math.min(40, Math.floor((qmax * l) / (2 * Math.PI))));
  const nbin = Math.ceil(qmax / dq);
  const sum = new Float64Array(nbin);
  const cnt = new Float64Array(nbin);
  for (let h = 0; h <= m[0]!; h++)
    for (let k = -m[1]!; k <= m[1]!; k++)
      for (let l = -m[2]!; l <= m[2]!; l++) {
        if (h === 0 && (k < 0 || (k === 0 && l <= 0))) continue;
        const qx = (2 * Math.PI * h) / L[0];
        const qy = (2 * Math.PI * k) / L[1];
        const qz = (2 * Math.PI * l) / L[2];
        const qq = Math.sqrt(qx * qx + qy * qy + qz * qz);
        if (qq > qmax) continue;
        let re = 0;
        let im = 0;
        for (const i of idx) {
          const th = qx * positions[3 * i]! + qy * positions[3 * i + 1]! + qz * positions[3 * i + 2]!;
          re += Math.cos(th);
          im += Math.sin(th);
        }
        const bin = Math.min(nbin - 1, Math.floor(qq / dq));
        sum[bin] = sum[bin]! + (re * re + im * im) / idx.length;
        cnt[bin] = cnt[bin]! + 1;
      }
  const q: number[] = [];
  const S: number[] = [];
  for (let k = 0; k < nbin; k++)
    if (cnt[k]! > 0) {
      q.push((k + 0.5) * dq);
      S.push(sum[k]! / cnt[k]!);
    }
  return { q, S };
}
