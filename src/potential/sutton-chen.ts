/**
 * Sutton–Chen potential (A. P. Sutton and J. Chen, Phil. Mag. Lett. 61, 139 (1990)),
 * a Finnis–Sinclair-type many-body potential:
 *
 *   E = ε Σ_i [ ½ Σ_{j≠i} (a/r_ij)^n − c √( Σ_{j≠i} (a/r_ij)^m ) ]
 *
 * In the form of {@link manyBodyEvaluate} (energies already times ε):
 * φ(r) = ε (a/r)^n per pair, ψ(r) = ε² c² (a/r)^m (so that √ρ carries ε c),
 * φ'(r) = −n φ/r, ψ'(r) = −m ψ/r.
 *
 * Units: eV and Å for the element sets; reduced (ε = a = 1, energies in ε,
 * lengths in a) for the Cambridge Cluster Database families 12-6, 9-6, 10-8
 * (Doye & Wales, New J. Chem. 22, 733 (1998)). Single element only.
 */
import { excerpt, InputError } from '../core/errors.js';
import { SUTTON_CHEN_PARAMETERS, SUTTON_CHEN_REDUCED } from '../data/potentials.js';
import { own } from './lookup.js';
import { type CutOff, createScratch, manyBodyEvaluate, manyBodyEvaluateCut } from './many-body.js';
import type { Potential } from './types.js';
import { COINCIDENT, nonFiniteEnergy } from './validate.js';

export interface SuttonChenOptions {
  readonly n: number;
  readonly m: number;
  /** Dimensionless c. */
  readonly c: number;
  /** Energy scale ε (eV, or 1 for reduced units). */
  readonly epsilon?: number;
  /** Length scale a (Å, or 1 for reduced units): the fcc lattice constant. */
  readonly a?: number;
  readonly name?: string;
  /**
   * Optional smooth cut-off with a neighbour grid ({@link suttonChenCutOff}); default none: the
   * (a/r)^m tail makes a cut-off at 4.6 r_nn cost 0.2–0.9 ‰ of the energy (Ag, Pd, Au fcc balls
   * of 3055 atoms) for little speed-up below 10⁴ atoms, so every pair is summed.
   */
  readonly cutOff?: CutOff | null;
}

/** From this many atoms on, Sutton–Chen evaluations use the smooth cut-off and a neighbour grid. */
export const SUTTON_CHEN_CUTOFF_MIN_ATOMS = 1000;

/**
 * The smooth cut-off of a Sutton–Chen set: the density term (a/r)^m has fallen to 1e-4 of its
 * nearest-neighbour value at rOn = r_nn · 10^{4/m} (4.6 r_nn for m = 6, 3.2 r_nn for m = 8);
 * rCut = rOn + r_nn. The power-law tail beyond makes this the least accurate of the cut-offs
 * (relative energy error measured in the tests).
 */
export function suttonChenCutOff(m: number, a: number): CutOff {
  const nn = a * Math.SQRT1_2;
  const rOn = nn * 10 ** (4 / m);
  return { minAtoms: SUTTON_CHEN_CUTOFF_MIN_ATOMS, rOn, rCut: rOn + nn };
}

export function createSuttonChen(options: SuttonChenOptions): Potential {
  const { n, m, c } = options;
  const eps = options.epsilon ?? 1;
  const a = options.a ?? 1;
  if (!Number.isInteger(n) || !Number.isInteger(m) || n <= m || m < 1 || n > 30) {
    throw new InputError(
      'sutton-chen-parameters',
      `Sutton–Chen needs integers n > m ≥ 1, got n=${n}, m=${m}`,
    );
  }
  if (!(c > 0) || !(eps > 0) || !(a > 0)) {
    throw new InputError(
      'sutton-chen-parameters',
      `Sutton–Chen needs positive c, ε, a; got c=${c}, ε=${eps}, a=${a}`,
    );
  }
  const name = options.name ?? `sutton-chen:${n}-${m}`;
  const reduced = eps === 1 && a === 1;
  const c2e2 = c * c * eps * eps;
  const terms = (r: number, _t: number, out: Float64Array) => {
    const s = a / r;
    let sm = s;
    for (let k = 1; k < m; k++) sm *= s;
    let sn = sm;
    for (let k = m; k < n; k++) sn *= s;
    const ir = 1 / r;
    const phi = eps * sn;
    const psi = c2e2 * sm;
    out[0] = phi;
    out[1] = -n * phi * ir * ir;
    out[2] = psi;
    out[3] = -m * psi * ir * ir;
  };
  const scratch = createScratch();
  const cut = options.cutOff ?? null;
  // bulk fcc nearest-neighbour distance a/√2
  const nn = a * Math.SQRT1_2;
  return {
    name,
    energyUnit: reduced ? 'ε' : 'eV',
    lengthUnit: reduced ? 'a' : 'Å',
    nearestNeighbour: nn,
    ...(cut ? { linearFrom: cut.minAtoms } : {}),
    // LJ-equivalent well depth: nearest-neighbour-only fcc cohesive energy / 8.6 (LJ fcc: 8.6 ε)
    bondEnergy: (eps * (c * Math.sqrt(12 * Math.SQRT2 ** m) - 6 * Math.SQRT2 ** n)) / 8.6,
    evaluate(x, f, atomEnergies) {
      const e =
        cut && x.length >= 3 * cut.minAtoms
          ? manyBodyEvaluateCut(x, undefined, 1, terms, scratch, f, atomEnergies, cut)
          : manyBodyEvaluate(x, undefined, 1, terms, scratch, f, atomEnergies);
      if (!Number.isFinite(e) || scratch.minDistance < COINCIDENT * nn) nonFiniteEnergy(name, x, e);
      return e;
    },
  };
}

/**
 * From this many atoms on, the element sets (sutton-chen:Au …) use {@link suttonChenCutOff} by
 * default: the largest all-pairs relaxation is 5000 atoms (optimize/local.ts MAX_RELAX_ATOMS), so
 * below it the energies stay exact; above it the switched energy (relative error ≈ 1e-3, see the
 * tests) makes 10⁴–10⁵-atom relaxations O(N). The reduced families (Cambridge Cluster Database
 * comparisons) always sum every pair.
 */
export const SUTTON_CHEN_ELEMENT_CUTOFF_ATOMS = 5000;

/** Sutton–Chen for one element in eV and Å (Sutton & Chen 1990 parameters). */
export function createSuttonChenElement(symbol: string): Potential {
  const p = own(SUTTON_CHEN_PARAMETERS, symbol);
  if (!p) {
    throw new InputError('sutton-chen-element', `no Sutton–Chen parameters for "${excerpt(symbol)}"`, {
      hint: `available (Sutton & Chen 1990): ${Object.keys(SUTTON_CHEN_PARAMETERS).join(', ')}; or a reduced family 12-6, 9-6, 10-8`,
    });
  }
  return createSuttonChen({
    n: p.n,
    m: p.m,
    c: p.c,
    epsilon: p.epsilonEv,
    a: p.aA,
    name: `sutton-chen:${symbol}`,
    cutOff: { ...suttonChenCutOff(p.m, p.aA), minAtoms: SUTTON_CHEN_ELEMENT_CUTOFF_ATOMS },
  });
}

/** A reduced Cambridge-Cluster-Database family, `12-6`, `9-6` or `10-8`. */
export function createSuttonChenReduced(family: string): Potential {
  const p = own(SUTTON_CHEN_REDUCED, family);
  if (!p)
    throw new InputError('sutton-chen-family', `unknown Sutton–Chen family "${excerpt(family)}"`, {
      hint: `families: ${Object.keys(SUTTON_CHEN_REDUCED).join(', ')}`,
    });
  return createSuttonChen({ ...p, name: `sutton-chen:${family}` });
}
