/**
 * Embedded-atom model (Daw & Baskes, Phys. Rev. B 29, 6443 (1984)) with the analytic functions
 * and parameters of Zhou, Johnson & Wadley, Phys. Rev. B 69, 144113 (2004) ({@link ZHOU_EAM_PARAMETERS}):
 *
 *   E = Σ_{i<j} φ_{ab}(r_ij) + Σ_i F_a(ρ_i),   ρ_i = Σ_{j≠i} f_b(r_ij)
 *
 * Mixed pairs: φ_ab = ½ [ (f_b/f_a) φ_aa + (f_a/f_b) φ_bb ] (Johnson's rule, as in the paper and
 * the LAMMPS setfl tool). Forces: ∂E/∂r_ij = φ'_ab + F'_a(ρ_i) f'_b(r) + F'_b(ρ_j) f'_a(r).
 *
 * Range: the functions carry a 1/(1 + (r/re − c)^20) factor that kills them beyond ≈ 2 re; every
 * term is multiplied by the quintic switch of {@link manyBodyEvaluateCut} between rOn = 2 re_max and
 * rCut = √5 re_max (= √10/2 · a, the cut-off of the published setfl files; the terms there are ≲ 1e-6
 * of their nearest-neighbour values). The same switched energy at every size; pairs come from a cell
 * grid from {@link EAM_GRID_MIN_ATOMS} atoms on, so a relaxation costs O(N) per evaluation.
 * Units: eV and Å.
 */
import { excerpt, InputError } from '../core/errors.js';
import { elementBySymbol } from '../data/index.js';
import { ZHOU_EAM_PARAMETERS, type ZhouEamParameters } from '../data/potentials.js';
import { createGrid } from '../structure/grid.js';
import { own } from './lookup.js';
import type { Potential } from './types.js';
import { COINCIDENT, nonFiniteEnergy } from './validate.js';

/** From this many atoms on, EAM pairs come from a neighbour grid (below: a double loop). */
export const EAM_GRID_MIN_ATOMS = 300;

/** The parameters of element `symbol`, or an InputError listing the known ones. */
export function zhouParametersFor(symbol: string): ZhouEamParameters {
  const p = own(ZHOU_EAM_PARAMETERS, symbol);
  if (!p) {
    throw new InputError('eam-element', `no EAM parameters for "${excerpt(symbol)}"`, {
      hint: `available (Zhou, Johnson & Wadley 2004): ${Object.keys(ZHOU_EAM_PARAMETERS).join(', ')}`,
    });
  }
  return p;
}

/** Density f(r) and its derivative into out[0], out[1]. */
function density(p: ZhouEamParameters, r: number, out: Float64Array, k: number): void {
  const x = r / p.re;
  const e = p.fe * Math.exp(-p.beta * (x - 1));
  const u = x - p.lambda;
  const u19 = u ** 19;
  const d = 1 + u19 * u;
  out[k] = e / d;
  // d/dr [e/d] = (−β/re) e/d − e · 20 u^19 / (re d²)
  out[k + 1] = (-p.beta * e) / (p.re * d) - (e * 20 * u19) / (p.re * d * d);
}

/** Pair term φ_aa(r) and its derivative into out[0], out[1]. */
function pair(p: ZhouEamParameters, r: number, out: Float64Array, k: number): void {
  const x = r / p.re;
  const e1 = p.a * Math.exp(-p.alpha * (x - 1));
  const u1 = x - p.kappa;
  const u1_19 = u1 ** 19;
  const d1 = 1 + u1_19 * u1;
  const e2 = p.b * Math.exp(-p.beta * (x - 1));
  const u2 = x - p.lambda;
  const u2_19 = u2 ** 19;
  const d2 = 1 + u2_19 * u2;
  out[k] = e1 / d1 - e2 / d2;
  out[k + 1] =
    (-p.alpha * e1) / (p.re * d1) -
    (e1 * 20 * u1_19) / (p.re * d1 * d1) -
    ((-p.beta * e2) / (p.re * d2) - (e2 * 20 * u2_19) / (p.re * d2 * d2));
}

/** Embedding energy F(ρ) and F'(ρ) (piecewise, Zhou et al. 2004 eqs. 4–6). */
export function zhouEmbedding(p: ZhouEamParameters, rho: number): [number, number] {
  const rhoN = p.rhoNFactor * p.rhoe;
  const rho0 = p.rho0Factor * p.rhoe;
  if (rho < rhoN) {
    const t = rho / rhoN - 1;
    const [a0, a1, a2, a3] = p.fn;
    return [a0 + t * (a1 + t * (a2 + t * a3)), (a1 + t * (2 * a2 + 3 * t * a3)) / rhoN];
  }
  if (rho < rho0) {
    const t = rho / p.rhoe - 1;
    const [a0, a1, a2, a3] = p.f;
    return [a0 + t * (a1 + t * (a2 + t * a3)), (a1 + t * (2 * a2 + 3 * t * a3)) / p.rhoe];
  }
  const s = rho / p.rhos;
  const se = s ** p.eta;
  const l = Math.log(s);
  // d/dρ [Fe (1 − η ln s) s^η] = Fe s^η (−η² ln s) / ρ
  return [p.fEnd * (1 - p.eta * l) * se, (p.fEnd * se * -p.eta * p.eta * l) / rho];
}

/** The switch interval of a set of elements: [2 re_max, √5 re_max] (Å). */
export function eamCutOff(sets: readonly ZhouEamParameters[]): { rOn: number; rCut: number } {
  const re = Math.max(...sets.map((p) => p.re));
  return { rOn: 2 * re, rCut: Math.sqrt(5) * re };
}

/**
 * An EAM potential for atoms of the given symbols: one symbol (every atom that element, any
 * count) or one symbol per atom (an alloy).
 */
export function createEam(species: string | readonly string[]): Potential {
  const symbols = typeof species === 'string' ? [species] : species;
  if (symbols.length === 0) throw new InputError('eam-element', 'EAM potential needs at least one element');
  const kinds = [...new Set(symbols)];
  const params = kinds.map(zhouParametersFor);
  const nt = kinds.length;
  const mixed = typeof species !== 'string';
  const types = mixed ? Uint8Array.from(symbols, (s) => kinds.indexOf(s)) : undefined;
  const numbers = mixed ? Uint8Array.from(symbols, symbolToZ) : undefined;
  const name = `eam:${kinds.join('')}`;
  const { rOn, rCut } = eamCutOff(params);
  const width = rCut - rOn;
  const meanRe = params.reduce((s, p) => s + p.re, 0) / nt;
  const tmp = new Float64Array(8);
  let rho = new Float64Array(0);
  let dF = new Float64Array(0);
  let pi = new Int32Array(0);
  let pj = new Int32Array(0);
  // per pair: r, and the derivative terms φ', f'_{type j}, f'_{type i} after switching
  let pr = new Float64Array(0);
  let count = 0;
  const push = (i: number, j: number) => {
    if (count === pi.length) {
      const grow = Math.max(1024, 2 * count);
      const a = new Int32Array(grow);
      a.set(pi);
      pi = a;
      const b = new Int32Array(grow);
      b.set(pj);
      pj = b;
    }
    pi[count] = i;
    pj[count] = j;
    count++;
  };
  /** φ, φ', f_ti, f'_ti, f_tj, f'_tj of a pair (switched) into tmp[0..5]. */
  const terms = (r: number, ti: number, tj: number) => {
    const a = params[ti]!;
    const b = params[tj]!;
    density(a, r, tmp, 2);
    if (ti === tj) {
      tmp[4] = tmp[2]!;
      tmp[5] = tmp[3]!;
      pair(a, r, tmp, 0);
    } else {
      density(b, r, tmp, 4);
      // φ_ab = ½ (fb/fa φaa + fa/fb φbb)
      pair(a, r, tmp, 6);
      const paa = tmp[6]!;
      const dpaa = tmp[7]!;
      pair(b, r, tmp, 6);
      const pbb = tmp[6]!;
      const dpbb = tmp[7]!;
      const fa = tmp[2]!;
      const dfa = tmp[3]!;
      const fb = tmp[4]!;
      const dfb = tmp[5]!;
      const q = fb / fa;
      const dq = (dfb * fa - fb * dfa) / (fa * fa);
      tmp[0] = 0.5 * (q * paa + pbb / q);
      tmp[1] = 0.5 * (dq * paa + q * dpaa + dpbb / q - (pbb * dq) / (q * q));
    }
    if (r > rOn) {
      const t = (r - rOn) / width;
      const t2 = t * t;
      const sw = 1 - t2 * t * (10 - 15 * t + 6 * t2);
      const dsw = (-30 * t2 * (1 - 2 * t + t2)) / width;
      for (let k = 0; k < 6; k += 2) {
        tmp[k + 1] = tmp[k + 1]! * sw + tmp[k]! * dsw;
        tmp[k] = tmp[k]! * sw;
      }
    }
  };
  const evaluate = (x: Float64Array, f?: Float64Array, atomEnergies?: Float64Array): number => {
    const n = x.length / 3;
    if (types && n !== types.length)
      throw new InputError('eam-shape', `${name} was built for ${types.length} atoms, got ${n}`);
    count = 0;
    let finite = true;
    for (let k = 0; k < x.length; k++) if (!Number.isFinite(x[k]!)) finite = false;
    if (!finite) return Number.NaN;
    if (n >= EAM_GRID_MIN_ATOMS) {
      createGrid(x, rCut).forEachPair(rCut, push);
    } else {
      const rc2 = rCut * rCut;
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const dx = x[3 * i]! - x[3 * j]!;
          const dy = x[3 * i + 1]! - x[3 * j + 1]!;
          const dz = x[3 * i + 2]! - x[3 * j + 2]!;
          if (dx * dx + dy * dy + dz * dz < rc2) push(i, j);
        }
      }
    }
    if (rho.length < n) {
      rho = new Float64Array(n);
      dF = new Float64Array(n);
    }
    if (pr.length < 3 * count) pr = new Float64Array(Math.max(3 * count, 2 * pr.length));
    rho.fill(0, 0, n);
    if (atomEnergies) atomEnergies.fill(0, 0, n);
    let ePair = 0;
    let minR = Infinity;
    for (let k = 0; k < count; k++) {
      const i = pi[k]!;
      const j = pj[k]!;
      const dx = x[3 * i]! - x[3 * j]!;
      const dy = x[3 * i + 1]! - x[3 * j + 1]!;
      const dz = x[3 * i + 2]! - x[3 * j + 2]!;
      const r = Math.sqrt(dx * dx + dy * dy + dz * dz);
      if (r < minR) minR = r;
      const ti = types ? types[i]! : 0;
      const tj = types ? types[j]! : 0;
      terms(r, ti, tj);
      ePair += tmp[0]!;
      if (atomEnergies) {
        atomEnergies[i] = atomEnergies[i]! + 0.5 * tmp[0]!;
        atomEnergies[j] = atomEnergies[j]! + 0.5 * tmp[0]!;
      }
      // atom i gets the density of a type-tj atom, j that of a type-ti atom
      rho[i] = rho[i]! + tmp[4]!;
      rho[j] = rho[j]! + tmp[2]!;
      pr[3 * k] = tmp[1]!;
      pr[3 * k + 1] = tmp[5]!;
      pr[3 * k + 2] = tmp[3]!;
    }
    let eEmbed = 0;
    for (let i = 0; i < n; i++) {
      const [F, dFi] = zhouEmbedding(params[types ? types[i]! : 0]!, rho[i]!);
      eEmbed += F;
      dF[i] = dFi;
      if (atomEnergies) atomEnergies[i] = atomEnergies[i]! + F;
    }
    const e = ePair + eEmbed;
    if (!Number.isFinite(e) || minR < COINCIDENT * meanRe) nonFiniteEnergy(name, x, e);
    if (f) {
      f.fill(0, 0, 3 * n);
      for (let k = 0; k < count; k++) {
        const i = pi[k]!;
        const j = pj[k]!;
        const dx = x[3 * i]! - x[3 * j]!;
        const dy = x[3 * i + 1]! - x[3 * j + 1]!;
        const dz = x[3 * i + 2]! - x[3 * j + 2]!;
        const r = Math.sqrt(dx * dx + dy * dy + dz * dz);
        const dEdr = pr[3 * k]! + dF[i]! * pr[3 * k + 1]! + dF[j]! * pr[3 * k + 2]!;
        const g = -dEdr / r;
        f[3 * i] = f[3 * i]! + g * dx;
        f[3 * i + 1] = f[3 * i + 1]! + g * dy;
        f[3 * i + 2] = f[3 * i + 2]! + g * dz;
        f[3 * j] = f[3 * j]! - g * dx;
        f[3 * j + 1] = f[3 * j + 1]! - g * dy;
        f[3 * j + 2] = f[3 * j + 2]! - g * dz;
      }
    }
    return e;
  };
  // LJ-equivalent well depth: the fitted fcc cohesive energy −(F(ρe) + 6 φ(re)) / 8.6, as Gupta
  const bond =
    params.reduce((s, p) => {
      pair(p, p.re, tmp, 0);
      return s - (zhouEmbedding(p, p.rhoe)[0] + 6 * tmp[0]!);
    }, 0) /
    nt /
    8.6;
  return {
    name,
    energyUnit: 'eV',
    lengthUnit: 'Å',
    ...(mixed ? { atoms: symbols.length, numbers: numbers! } : {}),
    nearestNeighbour: meanRe,
    linearFrom: EAM_GRID_MIN_ATOMS,
    bondEnergy: bond,
    evaluate(x, f, atomEnergies) {
      const e = evaluate(x, f, atomEnergies);
      if (!Number.isFinite(e)) nonFiniteEnergy(name, x, e);
      return e;
    },
  };
}

function symbolToZ(symbol: string): number {
  const el = elementBySymbol(symbol);
  if (!el) throw new InputError('unknown-element', `unknown element "${symbol}"`);
  return el.z;
}
