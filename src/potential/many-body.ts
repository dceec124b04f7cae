/**
 * Shared machinery of the second-moment ("square-root embedding") many-body
 * potentials, Gupta/RGL and Sutton–Chen:
 *
 *   E = Σ_{i<j} φ(r_ij) − Σ_i √ρ_i,   ρ_i = Σ_{j≠i} ψ(r_ij)
 *
 * with a pair repulsion φ and a density ψ (each already multiplied by its
 * energy prefactors). Forces: ∂E/∂r_ij = φ'(r) − ψ'(r) (1/(2√ρ_i) + 1/(2√ρ_j)),
 * F_i = −∂E/∂r_ij (r_i − r_j)/r, F_j = −F_i.
 *
 * Two passes over the pairs: the first accumulates ρ_i and stores φ'(r)/r and
 * ψ'(r)/r per pair in scratch arrays (grown when N grows, never in the loop);
 * the second assembles the forces.
 */

import { createGrid } from '../structure/grid.js';

/** Per-pair functions: write φ, φ'/r, ψ, ψ'/r for distance r of pair type t into out[0..3]. */
export type PairTerms = (r: number, t: number, out: Float64Array) => void;

export interface ManyBodyScratch {
  rho: Float64Array;
  dPhi: Float64Array;
  dPsi: Float64Array;
  t4: Float64Array;
  /** Neighbour-list pairs of the cut-off kernel (i, j), grown on demand. */
  pairI: Int32Array;
  pairJ: Int32Array;
  pairCount: number;
  /** Shortest interatomic distance of the last evaluation (coincident-atom check). */
  minDistance: number;
}

export function createScratch(): ManyBodyScratch {
  return {
    rho: new Float64Array(0),
    dPhi: new Float64Array(0),
    dPsi: new Float64Array(0),
    t4: new Float64Array(4),
    pairI: new Int32Array(0),
    pairJ: new Int32Array(0),
    pairCount: 0,
    minDistance: Infinity,
  };
}

/**
 * Energy (and forces, per-atom energies) of the square-root many-body form.
 * `types[i]` is atom i's type index, pair type = types[i] * ntypes + types[j].
 */
export function manyBodyEvaluate(
  x: Float64Array,
  types: Uint8Array | undefined,
  ntypes: number,
  terms: PairTerms,
  scratch: ManyBodyScratch,
  f: Float64Array | undefined,
  atomEnergies: Float64Array | undefined,
): number {
  const n = x.length / 3;
  const npairs = (n * (n - 1)) / 2;
  if (scratch.rho.length < n) scratch.rho = new Float64Array(n);
  if (f && scratch.dPhi.length < npairs) {
    scratch.dPhi = new Float64Array(npairs);
    scratch.dPsi = new Float64Array(npairs);
  }
  const rho = scratch.rho;
  const dPhi = scratch.dPhi;
  const dPsi = scratch.dPsi;
  rho.fill(0, 0, n);
  if (atomEnergies) atomEnergies.fill(0, 0, n);
  const t4 = scratch.t4;
  let eRep = 0;
  let k = 0;
  let minR = Infinity;
  for (let i = 0; i < n; i++) {
    const xi = x[3 * i]!;
    const yi = x[3 * i + 1]!;
    const zi = x[3 * i + 2]!;
    const ti = types ? types[i]! * ntypes : 0;
    let rhoI = 0;
    for (let j = i + 1; j < n; j++) {
      const dx = xi - x[3 * j]!;
      const dy = yi - x[3 * j + 1]!;
      const dz = zi - x[3 * j + 2]!;
      const r = Math.sqrt(dx * dx + dy * dy + dz * dz);
      if (r < minR) minR = r;
      terms(r, types ? ti + types[j]! : 0, t4);
      eRep += t4[0]!;
      rhoI += t4[2]!;
      rho[j] = rho[j]! + t4[2]!;
      if (atomEnergies) {
        atomEnergies[i] = atomEnergies[i]! + 0.5 * t4[0]!;
        atomEnergies[j] = atomEnergies[j]! + 0.5 * t4[0]!;
      }
      if (f) {
        dPhi[k] = t4[1]!;
        dPsi[k] = t4[3]!;
      }
      k++;
    }
    rho[i] = rho[i]! + rhoI;
  }
  scratch.minDistance = minR;
  let eBand = 0;
  for (let i = 0; i < n; i++) {
    const s = Math.sqrt(rho[i]!);
    eBand += s;
    if (atomEnergies) atomEnergies[i] = atomEnergies[i]! - s;
    // store 1/(2√ρ) for the force pass (0 for an isolated atom: ψ' → 0 there anyway)
    rho[i] = s > 0 ? 0.5 / s : 0;
  }
  if (f) {
    f.fill(0, 0, 3 * n);
    k = 0;
    for (let i = 0; i < n; i++) {
      const xi = x[3 * i]!;
      const yi = x[3 * i + 1]!;
      const zi = x[3 * i + 2]!;
      const hi = rho[i]!;
      let fxi = 0;
      let fyi = 0;
      let fzi = 0;
      for (let j = i + 1; j < n; j++) {
        // −(∂E/∂r)/r
        const g = -(dPhi[k]! - dPsi[k]! * (hi + rho[j]!));
        k++;
        const dx = xi - x[3 * j]!;
        const dy = yi - x[3 * j + 1]!;
        const dz = zi - x[3 * j + 2]!;
        fxi += g * dx;
        fyi += g * dy;
        fzi += g * dz;
        f[3 * j] = f[3 * j]! - g * dx;
        f[3 * j + 1] = f[3 * j + 1]! - g * dy;
        f[3 * j + 2] = f[3 * j + 2]! - g * dz;
      }
      f[3 * i] = f[3 * i]! + fxi;
      f[3 * i + 1] = f[3 * i + 1]! + fyi;
      f[3 * i + 2] = f[3 * i + 2]! + fzi;
    }
  }
  return eRep - eBand;
}

/**
 * Smooth cut-off of the many-body terms: φ and ψ are multiplied by the quintic switch
 * S(t) = 1 − 10t³ + 15t⁴ − 6t⁵, t = (r − rOn)/(rCut − rOn), which goes from 1 at rOn to 0 at
 * rCut with zero first and second derivatives at both ends, so energy and forces are continuous
 * (the forces are the exact derivative of the switched energy, checked by finite differences
 * across the cut-off in the tests).
 */
export interface CutOff {
  /** Use the cut-off kernel from this many atoms on (smaller systems sum all pairs exactly). */
  readonly minAtoms: number;
  /** Where the switch starts (length unit). */
  readonly rOn: number;
  /** Where every term is zero (length unit). */
  readonly rCut: number;
}

/**
 * The same energy form as {@link manyBodyEvaluate} with the terms switched off smoothly
 * between `cut.rOn` and `cut.rCut`; pairs are found on a cell grid (src/structure/grid.ts), so
 * time and memory grow as N × (neighbours within rCut) instead of N².
 */
export function manyBodyEvaluateCut(
  x: Float64Array,
  types: Uint8Array | undefined,
  ntypes: number,
  terms: PairTerms,
  scratch: ManyBodyScratch,
  f: Float64Array | undefined,
  atomEnergies: Float64Array | undefined,
  cut: CutOff,
): number {
  const n = x.length / 3;
  for (let k = 0; k < x.length; k++) {
    // NaN/Infinity: the all-pairs kernel reports it (a grid cannot be built)
    if (!Number.isFinite(x[k]!)) return manyBodyEvaluate(x, types, ntypes, terms, scratch, f, atomEnergies);
  }
  const { rOn, rCut } = cut;
  // pair list
  let count = 0;
  const push = (i: number, j: number) => {
    if (count === scratch.pairI.length) {
      const grow = Math.max(1024, 2 * count);
      const a = new Int32Array(grow);
      a.set(scratch.pairI);
      scratch.pairI = a;
      const b = new Int32Array(grow);
      b.set(scratch.pairJ);
      scratch.pairJ = b;
    }
    scratch.pairI[count] = i;
    scratch.pairJ[count] = j;
    count++;
  };
  createGrid(x, rCut).forEachPair(rCut, (i, j) => push(i, j));
  scratch.pairCount = count;
  if (scratch.rho.length < n) scratch.rho = new Float64Array(n);
  if (f && scratch.dPhi.length < count) {
    scratch.dPhi = new Float64Array(Math.max(count, 2 * scratch.dPhi.length));
    scratch.dPsi = new Float64Array(scratch.dPhi.length);
  }
  const pi = scratch.pairI;
  const pj = scratch.pairJ;
  const rho = scratch.rho;
  const dPhi = scratch.dPhi;
  const dPsi = scratch.dPsi;
  rho.fill(0, 0, n);
  if (atomEnergies) atomEnergies.fill(0, 0, n);
  const t4 = scratch.t4;
  const width = rCut - rOn;
  const invWidth = 1 / width;
  let eRep = 0;
  let minR = Infinity;
  for (let k = 0; k < count; k++) {
    const i = pi[k]!;
    const j = pj[k]!;
    const dx = x[3 * i]! - x[3 * j]!;
    const dy = x[3 * i + 1]! - x[3 * j + 1]!;
    const dz = x[3 * i + 2]! - x[3 * j + 2]!;
    const r = Math.sqrt(dx * dx + dy * dy + dz * dz);
    if (r < minR) minR = r;
    terms(r, types ? types[i]! * ntypes + types[j]! : 0, t4);
    let phi = t4[0]!;
    let gPhi = t4[1]!;
    let psi = t4[2]!;
    let gPsi = t4[3]!;
    if (r > rOn) {
      const t = (r - rOn) * invWidth;
      const t2 = t * t;
      const t3 = t2 * t;
      const sw = 1 - t3 * (10 - 15 * t + 6 * t2);
      // S'(r)/r
      const dsw = (-30 * t2 * (1 - 2 * t + t2) * invWidth) / r;
      gPhi = gPhi * sw + phi * dsw;
      gPsi = gPsi * sw + psi * dsw;
      phi *= sw;
      psi *= sw;
    }
    eRep += phi;
    rho[i] = rho[i]! + psi;
    rho[j] = rho[j]! + psi;
    if (atomEnergies) {
      atomEnergies[i] = atomEnergies[i]! + 0.5 * phi;
      atomEnergies[j] = atomEnergies[j]! + 0.5 * phi;
    }
    if (f) {
      dPhi[k] = gPhi;
      dPsi[k] = gPsi;
    }
  }
  scratch.minDistance = minR;
  let eBand = 0;
  for (let i = 0; i < n; i++) {
    const s = Math.sqrt(rho[i]!);
    eBand += s;
    if (atomEnergies) atomEnergies[i] = atomEnergies[i]! - s;
    rho[i] = s > 0 ? 0.5 / s : 0;
  }
  if (f) {
    f.fill(0, 0, 3 * n);
    for (let k = 0; k < count; k++) {
      const i = pi[k]!;
      const j = pj[k]!;
      const g = -(dPhi[k]! - dPsi[k]! * (rho[i]! + rho[j]!));
      const dx = x[3 * i]! - x[3 * j]!;
      const dy = x[3 * i + 1]! - x[3 * j + 1]!;
      const dz = x[3 * i + 2]! - x[3 * j + 2]!;
      f[3 * i] = f[3 * i]! + g * dx;
      f[3 * i + 1] = f[3 * i + 1]! + g * dy;
      f[3 * i + 2] = f[3 * i + 2]! + g * dz;
      f[3 * j] = f[3 * j]! - g * dx;
      f[3 * j + 1] = f[3 * j + 1]! - g * dy;
      f[3 * j + 2] = f[3 * j + 2]! - g * dz;
    }
  }
  return eRep - eBand;
}
