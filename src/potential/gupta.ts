/**
 * Gupta / RGL potential (second-moment approximation of tight binding; Gupta,
 * Phys. Rev. B 23, 6265 (1981); Rosato, Guillopé & Legrand, Phil. Mag. A 59,
 * 321 (1989); parameters of Cleri & Rosato, Phys. Rev. B 48, 22 (1993)):
 *
 *   E = Σ_i [ Σ_{j≠i} A e^{−p (r_ij/r0 − 1)} − √( Σ_{j≠i} ξ² e^{−2q (r_ij/r0 − 1)} ) ]
 *
 * In the form of {@link manyBodyEvaluate}: φ(r) = 2A e^{−p(r/r0−1)} per pair
 * (each pair appears twice in the double sum), ψ(r) = ξ² e^{−2q(r/r0−1)};
 * φ'(r) = −(p/r0) φ, ψ'(r) = −(2q/r0) ψ.
 *
 * Units: eV and Å. Below {@link GUPTA_CUTOFF_MIN_ATOMS} atoms every pair is summed (no
 * cut-off); from there on the terms are switched off smoothly between rOn and rOn + r0/2
 * ({@link guptaCutOff}: where both exponentials have fallen below 1e-5 of their nearest-neighbour
 * value; 7.0–8.4 Å for Au) and pairs come from a cell grid, so a 100 000-atom relaxation costs
 * O(N) per evaluation. Mixed-metal pairs use the arithmetic mean
 * of the two elements' A, ξ, p, q and r0 (the "average" set of Pittaway,
 * Paz-Borbón, Johnston et al., J. Phys. Chem. C 113, 9141 (2009)).
 */
import { excerpt, InputError } from '../core/errors.js';
import { elementBySymbol } from '../data/index.js';
import { GUPTA_ALLOY_SETS, GUPTA_PARAMETERS, type GuptaParameters } from '../data/potentials.js';
import { own } from './lookup.js';
import { type CutOff, createScratch, manyBodyEvaluate, manyBodyEvaluateCut } from './many-body.js';
import type { Potential } from './types.js';
import { COINCIDENT, nonFiniteEnergy } from './validate.js';

/** Parameters of element `symbol`, or an InputError listing the known ones. */
export function guptaParametersFor(symbol: string): GuptaParameters {
  const p = own(GUPTA_PARAMETERS, symbol);
  if (!p) {
    throw new InputError('gupta-element', `no Gupta parameters for "${excerpt(symbol)}"`, {
      hint: `available (Cleri & Rosato 1993): ${Object.keys(GUPTA_PARAMETERS).join(', ')}`,
    });
  }
  return p;
}

/** From this many atoms on, Gupta evaluations use the smooth cut-off and a neighbour grid. */
export const GUPTA_CUTOFF_MIN_ATOMS = 1000;

/** Relative size of the exponentials where the switch starts: e^{−min(p, 2q)(rOn/r0 − 1)} = 1e-5. */
const GUPTA_CUTOFF_TOLERANCE = 1e-5;

/**
 * The smooth cut-off of a Gupta parameter set (the widest over the element pairs):
 * rOn = r0 (1 + ln(1e5)/min(p, 2q)), rCut = rOn + r0/2 (Å).
 */
export function guptaCutOff(sets: readonly GuptaParameters[]): CutOff {
  let rOn = 0;
  let r0max = 0;
  for (const p of sets) {
    rOn = Math.max(rOn, p.r0A * (1 + Math.log(1 / GUPTA_CUTOFF_TOLERANCE) / Math.min(p.p, 2 * p.q)));
    r0max = Math.max(r0max, p.r0A);
  }
  return { minAtoms: GUPTA_CUTOFF_MIN_ATOMS, rOn, rCut: rOn + 0.5 * r0max };
}

/** The averaged parameters of an A–B pair (arithmetic means). */
export function mixGupta(a: GuptaParameters, b: GuptaParameters): GuptaParameters {
  return {
    aEv: (a.aEv + b.aEv) / 2,
    xiEv: (a.xiEv + b.xiEv) / 2,
    p: (a.p + b.p) / 2,
    q: (a.q + b.q) / 2,
    r0A: (a.r0A + b.r0A) / 2,
  };
}

/**
 * A Gupta potential for atoms of the given symbols: either one symbol
 * (every atom that element, any atom count) or one symbol per atom (mixed).
 * `sets` overrides the parameter table (custom sets, e.g. Pd–Au fits).
 */
export function createGupta(
  species: string | readonly string[],
  sets: Readonly<Record<string, GuptaParameters>> = GUPTA_PARAMETERS,
  /** Cut-off (default {@link guptaCutOff} from 1000 atoms on); null sums every pair at any size. */
  cutOff?: CutOff | null,
  /** Published parameters of unlike pairs, keyed "A-B" (alphabetical); default the arithmetic means. */
  pairs?: Readonly<Record<string, GuptaParameters>>,
  /** The name to report (default gupta:<elements>). */
  nameOverride?: string,
): Potential {
  const symbols = typeof species === 'string' ? [species] : species;
  if (symbols.length === 0)
    throw new InputError('gupta-element', 'Gupta potential needs at least one element');
  const kinds = [...new Set(symbols)];
  const params = kinds.map((s) => {
    const p = own(sets, s);
    if (!p) {
      throw new InputError('gupta-element', `no Gupta parameters for "${excerpt(s)}"`, {
        hint: `available (Cleri & Rosato 1993): ${Object.keys(sets).join(', ')}`,
      });
    }
    return p;
  });
  const nt = kinds.length;
  const A = new Float64Array(nt * nt);
  const P = new Float64Array(nt * nt);
  const XI2 = new Float64Array(nt * nt);
  const Q = new Float64Array(nt * nt);
  const INV_R0 = new Float64Array(nt * nt);
  const mixPair = (a: number, b: number): GuptaParameters =>
    (a !== b && pairs ? own(pairs, [kinds[a]!, kinds[b]!].sort().join('-')) : undefined) ??
    mixGupta(params[a]!, params[b]!);
  for (let a = 0; a < nt; a++) {
    for (let b = 0; b < nt; b++) {
      const m = mixPair(a, b);
      const t = a * nt + b;
      A[t] = 2 * m.aEv;
      P[t] = m.p;
      XI2[t] = m.xiEv * m.xiEv;
      Q[t] = 2 * m.q;
      INV_R0[t] = 1 / m.r0A;
    }
  }
  const mixed = typeof species !== 'string' && nt > 1;
  const types = mixed ? Uint8Array.from(symbols, (s) => kinds.indexOf(s)) : undefined;
  const scratch = createScratch();
  const name = nameOverride ?? `gupta:${typeof species === 'string' ? species : kinds.join('')}`;
  const terms = (r: number, t: number, out: Float64Array) => {
    const d = r * INV_R0[t]! - 1;
    const phi = A[t]! * Math.exp(-P[t]! * d);
    const psi = XI2[t]! * Math.exp(-Q[t]! * d);
    const ir = 1 / r;
    out[0] = phi;
    out[1] = -P[t]! * INV_R0[t]! * phi * ir;
    out[2] = psi;
    out[3] = -Q[t]! * INV_R0[t]! * psi * ir;
  };
  const meanR0 = params.reduce((s, p) => s + p.r0A, 0) / nt;
  const mixedSets: GuptaParameters[] = [];
  for (let a = 0; a < nt; a++) for (let b = 0; b < nt; b++) mixedSets.push(mixPair(a, b));
  const cut = cutOff === undefined ? guptaCutOff(mixedSets) : cutOff;
  const numbers = typeof species === 'string' ? undefined : Uint8Array.from(symbols, symbolToZ);
  return {
    name,
    energyUnit: 'eV',
    lengthUnit: 'Å',
    ...(typeof species === 'string' ? {} : { atoms: symbols.length }),
    ...(numbers ? { numbers } : {}),
    nearestNeighbour: meanR0,
    ...(cut ? { linearFrom: cut.minAtoms } : {}),
    // LJ-equivalent well depth: the nearest-neighbour-only fcc cohesive energy ξ√12 − 12A
    // divided by 8.6 (the LJ fcc cohesive energy in ε), so that temperatures transfer
    bondEnergy: params.reduce((s, p) => s + p.xiEv * Math.sqrt(12) - 12 * p.aEv, 0) / nt / 8.6,
    evaluate(x, f, atomEnergies) {
      if (types && x.length !== 3 * types.length) {
        throw new InputError(
          'gupta-shape',
          `${name} was built for ${types.length} atoms, got ${x.length / 3}`,
        );
      }
      const e =
        cut && x.length >= 3 * cut.minAtoms
          ? manyBodyEvaluateCut(x, types, nt, terms, scratch, f, atomEnergies, cut)
          : manyBodyEvaluate(x, types, nt, terms, scratch, f, atomEnergies);
      if (!Number.isFinite(e) || scratch.minDistance < COINCIDENT * meanR0) nonFiniteEnergy(name, x, e);
      return e;
    },
  };
}

/** Whether `name` is a published alloy set of {@link GUPTA_ALLOY_SETS} (`aupd-dft`, `agau` …). */
export function isGuptaAlloySet(name: string): boolean {
  return own(GUPTA_ALLOY_SETS, name.toLowerCase()) !== undefined;
}

/**
 * Gupta with a published alloy set (`gupta:aupd-dft` …): every like and unlike pair has the
 * set's own parameters. `species`: one symbol per atom (or one symbol for a pure cluster).
 */
export function createGuptaAlloy(setName: string, species: string | readonly string[]): Potential {
  const key = setName.toLowerCase();
  const set = own(GUPTA_ALLOY_SETS, key);
  if (!set) {
    throw new InputError('gupta-set', `no Gupta alloy set "${excerpt(setName)}"`, {
      hint: `sets: ${Object.keys(GUPTA_ALLOY_SETS).join(', ')}`,
    });
  }
  const sets: Record<string, GuptaParameters> = {};
  for (const el of set.elements) sets[el] = set.pairs[`${el}-${el}`]!;
  const symbols = typeof species === 'string' ? [species] : species;
  const bad = symbols.find((s) => !set.elements.includes(s));
  if (bad !== undefined) {
    throw new InputError(
      'gupta-set',
      `gupta:${key} describes ${set.elements.join(' and ')}, not ${excerpt(bad)}`,
      {
        hint: `choose a composition of ${set.elements.join(', ')}`,
      },
    );
  }
  return createGupta(species, sets, undefined, set.pairs, `gupta:${key}`);
}

function symbolToZ(symbol: string): number {
  const el = elementBySymbol(symbol);
  if (!el) throw new InputError('unknown-element', `unknown element "${symbol}"`);
  return el.z;
}
