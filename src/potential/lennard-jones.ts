/**
 * Lennard-Jones pair potential, untruncated (the Cambridge Cluster Database
 * minima need the full potential; a 3σ cut-off shifts LJ38 to −170.2 ε).
 *
 *   E = Σ_{i<j} 4ε [ (σ/r)¹² − (σ/r)⁶ ]
 *
 * Derivation of the forces: with s = σ²/r², dE/dr = 4ε (−12 s⁶ + 6 s³)/r, so
 * the force on atom i from j is F_i = −dE/dr · (r_i − r_j)/r
 *   = 24ε (2 s⁶ − s³)/r² · (r_i − r_j),  and F_j = −F_i (forces sum to zero).
 *
 * Units: reduced (ε = σ = 1, energies in ε, lengths in σ) or eV and Å
 * (e.g. argon, ε = 0.010341 eV, σ = 3.4 Å; Rahman, Phys. Rev. 136, A405 (1964)).
 * Reference: J. E. Lennard-Jones, Proc. R. Soc. Lond. A 106, 463 (1924).
 *
 * The kernel loops over all pairs on flat Float64Arrays and allocates nothing.
 * For large systems with a cut-off, {@link ljEnergyForcesCells} uses a cell list.
 */
import { InputError } from '../core/errors.js';
import { type LjKernel, wasmLjKernel } from './lj-wasm.js';
import type { Potential } from './types.js';
import { nonFiniteEnergy } from './validate.js';

/**
 * All-pairs LJ energy (reduced, ε = σ = 1) of `n` atoms; forces into `f` if
 * given (overwritten). The same loop is compiled in C by bench/lj-kernel.bench.js.
 */
export function ljEnergyForces(x: Float64Array, n: number, f: Float64Array | undefined): number {
  let e6 = 0;
  let e12 = 0;
  if (f === undefined) {
    for (let i = 0; i < n; i++) {
      const xi = x[3 * i]!;
      const yi = x[3 * i + 1]!;
      const zi = x[3 * i + 2]!;
      for (let j = i + 1; j < n; j++) {
        const dx = xi - x[3 * j]!;
        const dy = yi - x[3 * j + 1]!;
        const dz = zi - x[3 * j + 2]!;
        const s = 1 / (dx * dx + dy * dy + dz * dz);
        const s3 = s * s * s;
        e6 += s3;
        e12 += s3 * s3;
      }
    }
    return 4 * (e12 - e6);
  }
  f.fill(0, 0, 3 * n);
  for (let i = 0; i < n; i++) {
    const xi = x[3 * i]!;
    const yi = x[3 * i + 1]!;
    const zi = x[3 * i + 2]!;
    let fxi = 0;
    let fyi = 0;
    let fzi = 0;
    for (let j = i + 1; j < n; j++) {
      const dx = xi - x[3 * j]!;
      const dy = yi - x[3 * j + 1]!;
      const dz = zi - x[3 * j + 2]!;
      const s = 1 / (dx * dx + dy * dy + dz * dz);
      const s3 = s * s * s;
      const s6 = s3 * s3;
      e6 += s3;
      e12 += s6;
      const g = (48 * s6 - 24 * s3) * s;
      const gx = g * dx;
      const gy = g * dy;
      const gz = g * dz;
      fxi += gx;
      fyi += gy;
      fzi += gz;
      f[3 * j] = f[3 * j]! - gx;
      f[3 * j + 1] = f[3 * j + 1]! - gy;
      f[3 * j + 2] = f[3 * j + 2]! - gz;
    }
    f[3 * i] = f[3 * i]! + fxi;
    f[3 * i + 1] = f[3 * i + 1]! + fyi;
    f[3 * i + 2] = f[3 * i + 2]! + fzi;
  }
  return 4 * (e12 - e6);
}

/** Reusable scratch for the cell list (grown on demand, never inside the loop). */
interface CellScratch {
  head: Int32Array;
  next: Int32Array;
}

/**
 * Cell-list LJ energy (reduced units) with a cut-off `rc` (σ): pairs farther
 * than rc are skipped and the pair energy is shifted to zero at rc
 * (E_pair(r) − E_pair(rc)), so the energy is continuous. O(N) for a compact
 * cluster; used automatically above {@link CELL_LIST_MIN_ATOMS} atoms when a
 * cut-off is set.
 */
export function ljEnergyForcesCells(
  x: Float64Array,
  n: number,
  f: Float64Array | undefined,
  rc: number,
  scratch: CellScratch,
): number {
  let minX = Infinity;
  let minY = Infinity;
  let minZ = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let maxZ = -Infinity;
  for (let i = 0; i < n; i++) {
    const a = x[3 * i]!;
    const b = x[3 * i + 1]!;
    const c = x[3 * i + 2]!;
    if (a < minX) minX = a;
    if (a > maxX) maxX = a;
    if (b < minY) minY = b;
    if (b > maxY) maxY = b;
    if (c < minZ) minZ = c;
    if (c > maxZ) maxZ = c;
  }
  if (!(maxX - minX < 1e6 && maxY - minY < 1e6 && maxZ - minZ < 1e6)) {
    // NaN or absurd extent: fall back to the all-pairs loop (which reports NaN).
    return ljEnergyForces(x, n, f);
  }
  const nx = Math.max(1, Math.floor((maxX - minX) / rc) + 1);
  const ny = Math.max(1, Math.floor((maxY - minY) / rc) + 1);
  const nz = Math.max(1, Math.floor((maxZ - minZ) / rc) + 1);
  const ncell = nx * ny * nz;
  if (scratch.head.length < ncell) scratch.head = new Int32Array(ncell * 2);
  if (scratch.next.length < n) scratch.next = new Int32Array(n * 2);
  const head = scratch.head;
  const next = scratch.next;
  head.fill(-1, 0, ncell);
  const inv = 1 / rc;
  for (let i = 0; i < n; i++) {
    const cx = Math.min(nx - 1, Math.floor((x[3 * i]! - minX) * inv));
    const cy = Math.min(ny - 1, Math.floor((x[3 * i + 1]! - minY) * inv));
    const cz = Math.min(nz - 1, Math.floor((x[3 * i + 2]! - minZ) * inv));
    const c = (cz * ny + cy) * nx + cx;
    next[i] = head[c]!;
    head[c] = i;
  }
  if (f) f.fill(0, 0, 3 * n);
  const rc2 = rc * rc;
  const src = 1 / rc2;
  const src3 = src * src * src;
  const eShift = src3 * src3 - src3;
  let e = 0;
  for (let cz = 0; cz < nz; cz++) {
    for (let cy = 0; cy < ny; cy++) {
      for (let cx = 0; cx < nx; cx++) {
        const c = (cz * ny + cy) * nx + cx;
        for (let i = head[c]!; i >= 0; i = next[i]!) {
          const xi = x[3 * i]!;
          const yi = x[3 * i + 1]!;
          const zi = x[3 * i + 2]!;
          let fxi = 0;
          let fyi = 0;
          let fzi = 0;
          // half shell: this cell (j after i in the chain) and 13 forward neighbours
          for (let dzc = 0; dzc <= 1; dzc++) {
            const z2 = cz + dzc;
            if (z2 >= nz) continue;
            for (let dyc = dzc === 0 ? 0 : -1; dyc <= 1; dyc++) {
              const y2 = cy + dyc;
              if (y2 < 0 || y2 >= ny) continue;
              for (let dxc = dzc === 0 && dyc === 0 ? 0 : -1; dxc <= 1; dxc++) {
                const x2 = cx + dxc;
                if (x2 < 0 || x2 >= nx) continue;
                const c2 = (z2 * ny + y2) * nx + x2;
                let j = c2 === c ? next[i]! : head[c2]!;
                for (; j >= 0; j = next[j]!) {
                  const dx = xi - x[3 * j]!;
                  const dy = yi - x[3 * j + 1]!;
                  const dz = zi - x[3 * j + 2]!;
                  const r2 = dx * dx + dy * dy + dz * dz;
                  if (r2 >= rc2) continue;
                  const s = 1 / r2;
                  const s3 = s * s * s;
                  const s6 = s3 * s3;
                  e += s6 - s3 - eShift;
                  if (f) {
                    const g = (48 * s6 - 24 * s3) * s;
                    fxi += g * dx;
                    fyi += g * dy;
                    fzi += g * dz;
                    f[3 * j] = f[3 * j]! - g * dx;
                    f[3 * j + 1] = f[3 * j + 1]! - g * dy;
                    f[3 * j + 2] = f[3 * j + 2]! - g * dz;
                  }
                }
              }
            }
          }
          if (f) {
            f[3 * i] = f[3 * i]! + fxi;
            f[3 * i + 1] = f[3 * i + 1]! + fyi;
            f[3 * i + 2] = f[3 * i + 2]! + fzi;
          }
        }
      }
    }
  }
  return 4 * e;
}

/** Systems at least this large use the cell list when a cut-off is given. */
export const CELL_LIST_MIN_ATOMS = 256;

export interface LennardJonesOptions {
  /** Well depth ε (energy unit; 1 for reduced units). */
  readonly epsilon?: number;
  /** Zero-crossing distance σ (length unit; 1 for reduced units). */
  readonly sigma?: number;
  /** Optional cut-off in units of σ (energy shifted to zero there); default none. */
  readonly cutoff?: number;
  readonly name?: string;
  readonly energyUnit?: string;
  readonly lengthUnit?: string;
  /**
   * All-pairs kernel: 'wasm' (default; WebAssembly SIMD, falls back to the JS loop where
   * WebAssembly is unavailable) or 'js' (the reference loop {@link ljEnergyForces}).
   */
  readonly kernel?: 'wasm' | 'js';
}

/** Create a Lennard-Jones potential (reduced units unless ε and σ are given). */
export function createLennardJones(options: LennardJonesOptions = {}): Potential {
  const eps = options.epsilon ?? 1;
  const sigma = options.sigma ?? 1;
  const cutoff = options.cutoff;
  if (!(eps > 0) || !(sigma > 0) || !Number.isFinite(eps) || !Number.isFinite(sigma)) {
    throw new InputError('lj-parameters', `Lennard-Jones ε and σ must be positive, got ε=${eps}, σ=${sigma}`);
  }
  if (cutoff !== undefined && !(cutoff > 1)) {
    throw new InputError('lj-cutoff', `Lennard-Jones cut-off must exceed 1 σ, got ${cutoff}`);
  }
  const reduced = eps === 1 && sigma === 1;
  const name = options.name ?? 'lj';
  const allPairs: LjKernel = (options.kernel !== 'js' && wasmLjKernel()) || ljEnergyForces;
  let scaled = new Float64Array(0);
  const scratch: CellScratch = { head: new Int32Array(0), next: new Int32Array(0) };
  const invSigma = 1 / sigma;
  return {
    name,
    energyUnit: options.energyUnit ?? (reduced ? 'ε' : 'eV'),
    lengthUnit: options.lengthUnit ?? (reduced ? 'σ' : 'Å'),
    nearestNeighbour: 2 ** (1 / 6) * sigma,
    // a plain property (no conditional spread): the object keeps one stable shape on the hot path
    linearFrom: cutoff !== undefined ? CELL_LIST_MIN_ATOMS : undefined,
    bondEnergy: eps,
    evaluate(positions, forcesOut, atomEnergiesOut) {
      const n = positions.length / 3;
      let x = positions;
      if (!reduced) {
        if (scaled.length !== positions.length) scaled = new Float64Array(positions.length);
        for (let k = 0; k < positions.length; k++) scaled[k] = positions[k]! * invSigma;
        x = scaled;
      }
      const useCells = cutoff !== undefined && n >= CELL_LIST_MIN_ATOMS;
      let e = useCells ? ljEnergyForcesCells(x, n, forcesOut, cutoff, scratch) : allPairs(x, n, forcesOut);
      if (cutoff !== undefined && !useCells) e = ljCutoffCorrection(x, n, forcesOut, cutoff, e);
      if (!reduced) {
        e *= eps;
        if (forcesOut) {
          const s = eps * invSigma;
          for (let k = 0; k < 3 * n; k++) forcesOut[k] = forcesOut[k]! * s;
        }
      }
      if (!Number.isFinite(e)) nonFiniteEnergy(name, positions, e);
      if (atomEnergiesOut) ljAtomEnergies(x, n, atomEnergiesOut, eps, cutoff);
      return e;
    },
  };
}

/** Apply the cut-off to an all-pairs result (small systems with a cut-off): remove far pairs. */
function ljCutoffCorrection(
  x: Float64Array,
  n: number,
  f: Float64Array | undefined,
  rc: number,
  e: number,
): number {
  const rc2 = rc * rc;
  const src = 1 / rc2;
  const src3 = src * src * src;
  const eShift = src3 * src3 - src3;
  let corr = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = x[3 * i]! - x[3 * j]!;
      const dy = x[3 * i + 1]! - x[3 * j + 1]!;
      const dz = x[3 * i + 2]! - x[3 * j + 2]!;
      const r2 = dx * dx + dy * dy + dz * dz;
      if (r2 < rc2) {
        corr -= eShift;
        continue;
      }
      const s = 1 / r2;
      const s3 = s * s * s;
      const s6 = s3 * s3;
      corr -= s6 - s3;
      if (f) {
        const g = (48 * s6 - 24 * s3) * s;
        f[3 * i] = f[3 * i]! - g * dx;
        f[3 * i + 1] = f[3 * i + 1]! - g * dy;
        f[3 * i + 2] = f[3 * i + 2]! - g * dz;
        f[3 * j] = f[3 * j]! + g * dx;
        f[3 * j + 1] = f[3 * j + 1]! + g * dy;
        f[3 * j + 2] = f[3 * j + 2]! + g * dz;
      }
    }
  }
  return e + 4 * corr;
}

/** Per-atom energies: half of each pair energy to each atom (reduced coordinates in). */
function ljAtomEnergies(
  x: Float64Array,
  n: number,
  out: Float64Array,
  eps: number,
  rc: number | undefined,
): void {
  out.fill(0, 0, n);
  const rc2 = rc === undefined ? Infinity : rc * rc;
  let eShift = 0;
  if (rc !== undefined) {
    const s3 = 1 / (rc2 * rc2 * rc2);
    eShift = s3 * s3 - s3;
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = x[3 * i]! - x[3 * j]!;
      const dy = x[3 * i + 1]! - x[3 * j + 1]!;
      const dz = x[3 * i + 2]! - x[3 * j + 2]!;
      const r2 = dx * dx + dy * dy + dz * dz;
      if (r2 >= rc2) continue;
      const s = 1 / r2;
      const s3 = s * s * s;
      const half = 2 * eps * (s3 * s3 - s3 - eShift);
      out[i] = out[i]! + half;
      out[j] = out[j]! + half;
    }
  }
}
