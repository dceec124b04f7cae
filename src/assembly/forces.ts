/**
 * Energy and forces of a bead system: Lennard-Jones plus Coulomb, by direct sums (finite systems,
 * or a cut-off Coulomb in a box) or Ewald sums (periodic boxes), with the energy decomposed by term
 * and by pair of species.
 *
 * LJ (as LAMMPS lj/cut, truncated at r_c, not shifted):
 *   E = 4ε[(σ/r)¹² − (σ/r)⁶],  F_i = −∂E/∂r_i = 24ε[2(σ/r)¹² − (σ/r)⁶] r_ij / r²   (r_ij = r_i − r_j).
 * Coulomb direct (lj/cut/coul/cut): E = C q_i q_j /(ε_r r), F_i = E r_ij / r², C = COULOMB_EV_A.
 * Ewald (lj/cut/coul/long + kspace_style ewald), splitting parameter α:
 *   real   E = C q_i q_j erfc(αr)/(ε_r r),  F_i = C q_i q_j [erfc(αr)/r + (2α/√π) e^{−α²r²}] r_ij/(ε_r r²)
 *   recip  E = (C/ε_r)(2π/V) Σ_{k≠0} e^{−k²/4α²}/k² |S(k)|²,  S(k) = Σ_j q_j e^{ik·r_j}
 *          F_i = (C/ε_r)(4π/V) q_i Σ_{k≠0} e^{−k²/4α²}/k² k Im(S*(k) e^{ik·r_i})
 *   self   E = −(C/ε_r) α/√π Σ q_i²;  net charge Q adds −(C/ε_r) π Q²/(2α²V) (neutralising background)
 * (Allen & Tildesley, Computer Simulation of Liquids, 2nd ed. (2017), §6.2; the k-space sum is over
 * a half space with a factor 2.) α and the k-space cut-off follow the Kolafa–Perram error estimates
 * (Mol. Simul. 9, 351 (1992)) the way LAMMPS documents for `kspace_style ewald <accuracy>`, where the
 * accuracy is relative to the force between two unit charges 1 Å apart.
 *
 * Per pair of species the reciprocal energy is split exactly through S = Σ_a S_a:
 * |S|² = Σ_a |S_a|² + Σ_{a<b} 2 Re(S_a S_b*).
 */
import { InputError } from '../core/errors.js';
import { erfc } from './erfc.js';
import type { CgModel } from './model.js';
import { COULOMB_EV_A } from './model.js';
import type { BeadSystem } from './system.js';

export interface EnergyTerms {
  /** Total potential energy, eV. */
  readonly total: number;
  /** LJ energy, eV. */
  readonly lj: number;
  /** Coulomb energy (real + reciprocal + self for Ewald), eV. */
  readonly coulomb: number;
  /** Ewald parts, eV (direct sums: real = coulomb, the others 0). */
  readonly coulombReal: number;
  readonly coulombRecip: number;
  readonly coulombSelf: number;
  /** By pair of species "A-B" (A ≤ B in model order): LJ and Coulomb energies, eV. */
  readonly pairs: Readonly<Record<string, { readonly lj: number; readonly coulomb: number }>>;
}

export interface EwaldParameters {
  /** Splitting parameter α, 1/Å. */
  readonly alpha: number;
  /** Largest integer k index per axis. */
  readonly kmax: readonly [number, number, number];
  /** k² cut-off, 1/Å². */
  readonly kcut2: number;
  readonly kvectors: number;
}

export interface ForceField {
  readonly model: CgModel;
  /** Energy (eV) and, when `forces` is given, forces (eV/Å) written into it. */
  compute(positions: Float64Array, forces?: Float64Array): EnergyTerms;
  readonly ewald?: EwaldParameters;
}

const SQRT_PI = Math.sqrt(Math.PI);
/** The 13 neighbour-cell offsets lexicographically after (0, 0, 0). */
const FORWARD: readonly (readonly [number, number, number])[] = [-1, 0, 1]
  .flatMap((x) => [-1, 0, 1].flatMap((y) => [-1, 0, 1].map((z) => [x, y, z] as const)))
  .filter(([x, y, z]) => x > 0 || (x === 0 && (y > 0 || (y === 0 && z > 0))));

/** Ewald α and k-space cut-off for an accuracy (relative force, LAMMPS convention). */
export function ewaldParameters(
  model: CgModel,
  box: readonly [number, number, number],
  n: number,
  qsqsum: number,
): EwaldParameters {
  const rc = model.coulomb.cutoff;
  const acc = model.coulomb.accuracy * COULOMB_EV_A; // absolute force accuracy, eV/Å
  const q2 = (qsqsum * COULOMB_EV_A) / model.dielectric;
  const vol = box[0] * box[1] * box[2];
  let alpha = (acc * Math.sqrt(n * rc * vol)) / (2 * q2);
  alpha = alpha >= 1 ? (1.35 - 0.15 * Math.log(acc)) / rc : Math.sqrt(-Math.log(alpha)) / rc;
  const kmax: number[] = [];
  let kcut2 = 0;
  for (const L of box) {
    // Kolafa–Perram k-space RMS force error for kmax vectors along an axis of length L
    const rms = (k: number) =>
      ((2 * q2 * alpha) / L) *
      Math.sqrt(1 / (Math.PI * k * n)) *
      Math.exp(-(Math.PI * Math.PI * k * k) / (alpha * alpha * L * L));
    let k = 1;
    while (rms(k) > acc && k < 200) k++;
    kmax.push(k);
    kcut2 = Math.max(kcut2, ((2 * Math.PI * k) / L) ** 2);
  }
  let count = 0;
  const [kx, ky, kz] = kmax as [number, number, number];
  for (let a = 0; a <= kx; a++)
    for (let b = -ky; b <= ky; b++)
      for (let c = -kz; c <= kz; c++) {
        if (a === 0 && (b < 0 || (b === 0 && c <= 0))) continue;
        const k2 =
          ((2 * Math.PI * a) / box[0]) ** 2 +
          ((2 * Math.PI * b) / box[1]) ** 2 +
          ((2 * Math.PI * c) / box[2]) ** 2;
        if (k2 <= kcut2 * (1 + 1e-9)) count++;
      }
  return { alpha, kmax: [kx, ky, kz], kcut2, kvectors: count };
}

/** The system's species indices as the model's (by name); InputError when a species is missing. */
export function alignTypes(model: CgModel, system: BeadSystem): Int32Array {
  const map = system.species.map((name) => {
    const t = model.species.findIndex((sp) => sp.name === name);
    if (t < 0)
      throw new InputError('cg-species', `species "${name}" of the system is not in the model`, {
        hint: `the model has ${model.species.map((sp) => sp.name).join(', ')}`,
      });
    return t;
  });
  return Int32Array.from(system.types, (t) => map[t]!);
}

/**
 * The force field of `model` for `system`'s species, box and rigid bodies. Positions given to
 * `compute` may lie outside the box (minimum image / image sums take care of it).
 */
export function createForceField(model: CgModel, system: BeadSystem): ForceField {
  const ns = model.species.length;
  const types = alignTypes(model, system);
  const n = types.length;
  const box = system.box;
  const bodies = system.bodies;
  const q = new Float64Array(n);
  let qsqsum = 0;
  let qsum = 0;
  for (let i = 0; i < n; i++) {
    q[i] = model.species[types[i]!]!.charge;
    qsqsum += q[i]! * q[i]!;
    qsum += q[i]!;
  }
  const lj4e = new Float64Array(ns * ns);
  const sig2 = new Float64Array(ns * ns);
  for (let k = 0; k < ns * ns; k++) {
    lj4e[k] = 4 * model.pairEpsilon[k]!;
    sig2[k] = model.pairSigma[k]! ** 2;
  }
  const method = model.coulomb.method;
  const cC = COULOMB_EV_A / model.dielectric;
  const rcLj = model.cutoff;
  const rcC = method === 'none' ? 0 : model.coulomb.cutoff;
  const rcMax = Math.max(rcLj, Number.isFinite(rcC) ? rcC : 0);
  const allPairs = method !== 'none' && !Number.isFinite(rcC);
  const rcLj2 = rcLj * rcLj;
  const rcC2 = rcC * rcC;
  // PPPM (a LAMMPS option) is summed here by Ewald to the same accuracy
  const kspace = method === 'ewald' || method === 'pppm';
  const ew = kspace && box ? ewaldParameters(model, box, n, qsqsum) : undefined;
  if (kspace && !box)
    throw new InputError('cg-ewald', 'Ewald sums need a periodic box', {
      hint: 'use "coulomb": {"method": "direct"} for a finite system',
    });
  const alpha = ew?.alpha ?? 0;
  const twoAlphaSqrtPi = (2 * alpha) / SQRT_PI;
  const ljPair = new Float64Array(ns * ns);
  const cPair = new Float64Array(ns * ns);

  // k vectors (half space) and their prefactors 2·(2π/V)·e^{−k²/4α²}/k²
  const kv: number[] = [];
  const kidx: number[] = [];
  if (ew && box) {
    const vol = box[0] * box[1] * box[2];
    const [kx, ky, kz] = ew.kmax;
    for (let a = 0; a <= kx; a++)
      for (let b = -ky; b <= ky; b++)
        for (let c = -kz; c <= kz; c++) {
          if (a === 0 && (b < 0 || (b === 0 && c <= 0))) continue;
          const gx = (2 * Math.PI * a) / box[0];
          const gy = (2 * Math.PI * b) / box[1];
          const gz = (2 * Math.PI * c) / box[2];
          const k2 = gx * gx + gy * gy + gz * gz;
          if (k2 > ew.kcut2 * (1 + 1e-9)) continue;
          kv.push(gx, gy, gz, (2 * ((2 * Math.PI) / vol) * Math.exp(-k2 / (4 * alpha * alpha))) / k2);
          kidx.push(a, b, c);
        }
  }
  const nk = kv.length / 4;
  const sr = new Float64Array(ns);
  const si = new Float64Array(ns);
  const cosv = new Float64Array(n);
  const sinv = new Float64Array(n);

  // the pair kernel: accumulates into ljPair/cPair, returns f/r (eV/Å²) for the pair
  const pair = (i: number, j: number, r2: number, scale: number): number => {
    const ti = types[i]!;
    const tj = types[j]!;
    const t = ti * ns + tj;
    let fr = 0;
    if (r2 < rcLj2) {
      const s2 = sig2[t]! / r2;
      const s6 = s2 * s2 * s2;
      const e4 = lj4e[t]!;
      ljPair[t] = ljPair[t]! + scale * e4 * (s6 * s6 - s6);
      fr += (6 * e4 * (2 * s6 * s6 - s6)) / r2;
    }
    if ((allPairs || r2 < rcC2) && method !== 'none') {
      const qq = cC * q[i]! * q[j]!;
      if (qq !== 0) {
        const r = Math.sqrt(r2);
        if (ew) {
          const ar = alpha * r;
          const ec = (qq * erfc(ar)) / r;
          cPair[t] = cPair[t]! + scale * ec;
          fr += (ec + qq * twoAlphaSqrtPi * Math.exp(-ar * ar)) / r2;
        } else {
          const ec = qq / r;
          cPair[t] = cPair[t]! + scale * ec;
          fr += ec / r2;
        }
      }
    }
    return fr * scale;
  };

  const excluded = (i: number, j: number) =>
    bodies !== undefined && bodies[i]! !== 0 && bodies[i] === bodies[j];

  function realSpace(p: Float64Array, f: Float64Array | undefined): void {
    const useCells = !allPairs && n > 64;
    if (box) {
      const fitsMinImage = box.every((L) => rcMax < L / 2);
      if (fitsMinImage && useCells && box.every((L) => L / rcMax >= 3)) cellLoop(p, f, box);
      else if (fitsMinImage) minImageLoop(p, f, box);
      else imageLoop(p, f, box);
    } else if (useCells) cellLoop(p, f, undefined);
    else minImageLoop(p, f, undefined);
  }

  function apply(
    f: Float64Array | undefined,
    i: number,
    j: number,
    fr: number,
    dx: number,
    dy: number,
    dz: number,
  ) {
    if (!f) return;
    f[3 * i] = f[3 * i]! + fr * dx;
    f[3 * i + 1] = f[3 * i + 1]! + fr * dy;
    f[3 * i + 2] = f[3 * i + 2]! + fr * dz;
    f[3 * j] = f[3 * j]! - fr * dx;
    f[3 * j + 1] = f[3 * j + 1]! - fr * dy;
    f[3 * j + 2] = f[3 * j + 2]! - fr * dz;
  }

  function minImageLoop(p: Float64Array, f: Float64Array | undefined, b: readonly number[] | undefined) {
    const cut2 = allPairs ? Infinity : rcMax * rcMax;
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        if (excluded(i, j)) continue;
        let dx = p[3 * i]! - p[3 * j]!;
        let dy = p[3 * i + 1]! - p[3 * j + 1]!;
        let dz = p[3 * i + 2]! - p[3 * j + 2]!;
        if (b) {
          dx -= b[0]! * Math.round(dx / b[0]!);
          dy -= b[1]! * Math.round(dy / b[1]!);
          dz -= b[2]! * Math.round(dz / b[2]!);
        }
        const r2 = dx * dx + dy * dy + dz * dz;
        if (r2 >= cut2) continue;
        apply(f, i, j, pair(i, j, r2, 1), dx, dy, dz);
      }
  }

  // every periodic image within the cut-off (boxes smaller than twice the cut-off)
  function imageLoop(p: Float64Array, f: Float64Array | undefined, b: readonly [number, number, number]) {
    const cut2 = rcMax * rcMax;
    const m = b.map((L) => Math.ceil(rcMax / L) + 1) as [number, number, number];
    for (let i = 0; i < n; i++)
      for (let j = i; j < n; j++) {
        if (j !== i && excluded(i, j)) continue;
        let dx0 = p[3 * i]! - p[3 * j]!;
        let dy0 = p[3 * i + 1]! - p[3 * j + 1]!;
        let dz0 = p[3 * i + 2]! - p[3 * j + 2]!;
        dx0 -= b[0] * Math.round(dx0 / b[0]);
        dy0 -= b[1] * Math.round(dy0 / b[1]);
        dz0 -= b[2] * Math.round(dz0 / b[2]);
        const scale = i === j ? 0.5 : 1;
        for (let a = -m[0]; a <= m[0]; a++)
          for (let c = -m[1]; c <= m[1]; c++)
            for (let d = -m[2]; d <= m[2]; d++) {
              if (i === j && a === 0 && c === 0 && d === 0) continue;
              const dx = dx0 + a * b[0];
              const dy = dy0 + c * b[1];
              const dz = dz0 + d * b[2];
              const r2 = dx * dx + dy * dy + dz * dz;
              if (r2 >= cut2) continue;
              const fr = pair(i, j, r2, scale);
              if (i !== j) apply(f, i, j, fr, dx, dy, dz);
            }
      }
  }

  // linked cells of edge ≥ the cut-off; 27-cell stencil, each pair once (j > i)
  const cellHead: { head: Int32Array; next: Int32Array } = {
    head: new Int32Array(0),
    next: new Int32Array(n),
  };
  function cellLoop(
    p: Float64Array,
    f: Float64Array | undefined,
    b: readonly [number, number, number] | undefined,
  ) {
    const cut2 = rcMax * rcMax;
    let lo = [0, 0, 0];
    let len = b ? [...b] : [0, 0, 0];
    if (!b) {
      lo = [Infinity, Infinity, Infinity];
      const hi = [-Infinity, -Infinity, -Infinity];
      for (let i = 0; i < n; i++)
        for (let k = 0; k < 3; k++) {
          lo[k] = Math.min(lo[k]!, p[3 * i + k]!);
          hi[k] = Math.max(hi[k]!, p[3 * i + k]!);
        }
      len = [0, 1, 2].map((k) => hi[k]! - lo[k]! + 1e-9);
    }
    // periodic: ≥ 3 cells per axis (checked by the caller), so the 27 neighbours are distinct
    const nc = len.map((L) => Math.max(1, Math.floor(L / rcMax))) as [number, number, number];
    const ncell = nc[0] * nc[1] * nc[2];
    if (cellHead.head.length < ncell) cellHead.head = new Int32Array(ncell);
    const head = cellHead.head;
    const next = cellHead.next;
    head.fill(-1, 0, ncell);
    const [lx, ly, lz] = lo as [number, number, number];
    const [Lx, Ly, Lz] = len as [number, number, number];
    const [nx, ny, nz] = nc;
    const cellIndex = (x: number, L: number, m: number) =>
      Math.min(m - 1, Math.max(0, Math.floor((x / L) * m)));
    for (let i = 0; i < n; i++) {
      let x = p[3 * i]! - lx;
      let y = p[3 * i + 1]! - ly;
      let z = p[3 * i + 2]! - lz;
      if (b) {
        x -= Lx * Math.floor(x / Lx);
        y -= Ly * Math.floor(y / Ly);
        z -= Lz * Math.floor(z / Lz);
      }
      const id = (cellIndex(x, Lx, nx) * ny + cellIndex(y, Ly, ny)) * nz + cellIndex(z, Lz, nz);
      next[i] = head[id]!;
      head[id] = i;
    }
    const periodic = b !== undefined;
    const bx = b ? b[0] : 0;
    const by = b ? b[1] : 0;
    const bz = b ? b[2] : 0;
    const pairOf = (i: number, j: number) => {
      if (excluded(i, j)) return;
      let dx = p[3 * i]! - p[3 * j]!;
      let dy = p[3 * i + 1]! - p[3 * j + 1]!;
      let dz = p[3 * i + 2]! - p[3 * j + 2]!;
      if (periodic) {
        dx -= bx * Math.round(dx / bx);
        dy -= by * Math.round(dy / by);
        dz -= bz * Math.round(dz / bz);
      }
      const r2 = dx * dx + dy * dy + dz * dz;
      if (r2 < cut2) apply(f, i, j, pair(i, j, r2, 1), dx, dy, dz);
    };
    // half stencil: each cell with itself (j after i in its list) and its 13 "forward" neighbours;
    // with ≥ 3 cells per periodic axis every unordered pair of neighbouring cells is met once
    for (let cx = 0; cx < nx; cx++)
      for (let cy = 0; cy < ny; cy++)
        for (let cz = 0; cz < nz; cz++) {
          const id = (cx * ny + cy) * nz + cz;
          for (let i = head[id]!; i >= 0; i = next[i]!)
            for (let j = next[i]!; j >= 0; j = next[j]!) pairOf(i, j);
          for (const [ox, oy, oz] of FORWARD) {
            let x = cx + ox;
            let y = cy + oy;
            let z = cz + oz;
            if (periodic) {
              x = (x + nx) % nx;
              y = (y + ny) % ny;
              z = (z + nz) % nz;
            } else if (x < 0 || y < 0 || z < 0 || x >= nx || y >= ny || z >= nz) continue;
            const jd = (x * ny + y) * nz + z;
            for (let i = head[id]!; i >= 0; i = next[i]!)
              for (let j = head[jd]!; j >= 0; j = next[j]!) pairOf(i, j);
          }
        }
  }

  // e^{i 2π m x/L} per atom and axis by the recurrence e^{i(m+1)θ} = e^{imθ} e^{iθ} (no trig in
  // the k loop): x for m = 0…kx, y and z for m = −k…k
  const [kmx, kmy, kmz] = ew ? ew.kmax : [0, 0, 0];
  const wx = kmx + 1;
  const wy = 2 * kmy + 1;
  const wz = 2 * kmz + 1;
  const CX = new Float64Array(ew ? n * wx : 0);
  const SX = new Float64Array(CX.length);
  const CY = new Float64Array(ew ? n * wy : 0);
  const SY = new Float64Array(CY.length);
  const CZ = new Float64Array(ew ? n * wz : 0);
  const SZ = new Float64Array(CZ.length);
  function phases(
    p: Float64Array,
    axis: number,
    L: number,
    C: Float64Array,
    S: Float64Array,
    w: number,
    km: number,
    sym: boolean,
  ) {
    const o = sym ? km : 0;
    for (let i = 0; i < n; i++) {
      const th = (2 * Math.PI * p[3 * i + axis]!) / L;
      const c1 = Math.cos(th);
      const s1 = Math.sin(th);
      const b = i * w + o;
      C[b] = 1;
      S[b] = 0;
      for (let m = 1; m <= km; m++) {
        C[b + m] = C[b + m - 1]! * c1 - S[b + m - 1]! * s1;
        S[b + m] = S[b + m - 1]! * c1 + C[b + m - 1]! * s1;
        if (sym) {
          C[b - m] = C[b + m]!;
          S[b - m] = -S[b + m]!;
        }
      }
    }
  }

  function reciprocal(p: Float64Array, f: Float64Array | undefined): number {
    let e = 0;
    if (box) {
      phases(p, 0, box[0], CX, SX, wx, kmx, false);
      phases(p, 1, box[1], CY, SY, wy, kmy, true);
      phases(p, 2, box[2], CZ, SZ, wz, kmz, true);
    }
    for (let k = 0; k < nk; k++) {
      const ia = kidx[3 * k]!;
      const ib = kidx[3 * k + 1]! + kmy;
      const ic = kidx[3 * k + 2]! + kmz;
      const gx = kv[4 * k]!;
      const gy = kv[4 * k + 1]!;
      const gz = kv[4 * k + 2]!;
      const pre = cC * kv[4 * k + 3]!;
      sr.fill(0);
      si.fill(0);
      let Sr = 0;
      let Si = 0;
      for (let i = 0; i < n; i++) {
        const xr = CX[i * wx + ia]!;
        const xi = SX[i * wx + ia]!;
        const yr = CY[i * wy + ib]!;
        const yi = SY[i * wy + ib]!;
        const zr = CZ[i * wz + ic]!;
        const zi = SZ[i * wz + ic]!;
        const tr = xr * yr - xi * yi;
        const ti = xr * yi + xi * yr;
        const c = tr * zr - ti * zi;
        const s = tr * zi + ti * zr;
        cosv[i] = c;
        sinv[i] = s;
        const t = types[i]!;
        sr[t] = sr[t]! + q[i]! * c;
        si[t] = si[t]! + q[i]! * s;
      }
      for (let a = 0; a < ns; a++) {
        Sr += sr[a]!;
        Si += si[a]!;
        for (let b = a; b < ns; b++) {
          const re = sr[a]! * sr[b]! + si[a]! * si[b]!;
          cPair[a * ns + b] = cPair[a * ns + b]! + pre * (a === b ? re : 2 * re);
        }
      }
      e += pre * (Sr * Sr + Si * Si);
      if (f) {
        const two = 2 * pre;
        for (let i = 0; i < n; i++) {
          const im = Sr * sinv[i]! - Si * cosv[i]!;
          const g = two * q[i]! * im;
          f[3 * i] = f[3 * i]! + g * gx;
          f[3 * i + 1] = f[3 * i + 1]! + g * gy;
          f[3 * i + 2] = f[3 * i + 2]! + g * gz;
        }
      }
    }
    return e;
  }

  function compute(positions: Float64Array, forces?: Float64Array): EnergyTerms {
    ljPair.fill(0);
    cPair.fill(0);
    if (forces) forces.fill(0);
    realSpace(positions, forces);
    let lj = 0;
    let real = 0;
    for (let k = 0; k < ns * ns; k++) {
      lj += ljPair[k]!;
      real += cPair[k]!;
    }
    let recip = 0;
    let self = 0;
    if (ew && box) {
      recip = reciprocal(positions, forces);
      const vol = box[0] * box[1] * box[2];
      const qs = new Float64Array(ns);
      const q2s = new Float64Array(ns);
      for (let i = 0; i < n; i++) {
        qs[types[i]!] = qs[types[i]!]! + q[i]!;
        q2s[types[i]!] = q2s[types[i]!]! + q[i]! * q[i]!;
      }
      for (let a = 0; a < ns; a++) {
        const es = -cC * (alpha / SQRT_PI) * q2s[a]!;
        cPair[a * ns + a] = cPair[a * ns + a]! + es;
        self += es;
        for (let b = a; b < ns; b++) {
          const eb = (-cC * Math.PI * qs[a]! * qs[b]! * (a === b ? 1 : 2)) / (2 * alpha * alpha * vol);
          cPair[a * ns + b] = cPair[a * ns + b]! + eb;
          self += eb;
        }
      }
      void qsum;
    }
    const pairs: Record<string, { lj: number; coulomb: number }> = {};
    for (let a = 0; a < ns; a++)
      for (let b = a; b < ns; b++) {
        const key = `${model.species[a]!.name}-${model.species[b]!.name}`;
        const l = a === b ? ljPair[a * ns + a]! : ljPair[a * ns + b]! + ljPair[b * ns + a]!;
        const c = a === b ? cPair[a * ns + a]! : cPair[a * ns + b]! + cPair[b * ns + a]!;
        pairs[key] = { lj: l, coulomb: c };
      }
    const coulomb = real + recip + self;
    return {
      total: lj + coulomb,
      lj,
      coulomb,
      coulombReal: real,
      coulombRecip: recip,
      coulombSelf: self,
      pairs,
    };
  }

  return { model, compute, ...(ew ? { ewald: ew } : {}) };
}
