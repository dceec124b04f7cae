/**
 * Resolving a composition (element symbol or isotope label → count) into the isotope
 * distributions the envelope code convolves.
 *
 * - An element symbol ("Ag") stands for the element's natural isotopic composition from the
 *   isotope table of src/data (`ISOTOPES_SOURCE`): masses AME2020/AME2016 and IUPAC
 *   representative abundances. The abundances of each element are renormalised to sum to 1
 *   (the tabulated values sum to 1 within their rounding, |Σ − 1| < 1e-4).
 * - An isotope label ("13C", "2H", "D", "T") stands for that single nuclide (probability 1).
 */
import type { Composition } from '../chem/types.js';
import { InputError } from '../core/errors.js';
import { elementBySymbol, isotope, mostAbundantIsotope, naturalIsotopes } from '../data/index.js';

/** The isotopes one atom of a composition entry can be, with probabilities summing to 1. */
export interface AtomIsotopes {
  /** The composition key ("Ag", "13C", "D"). */
  readonly key: string;
  /** Element symbol ("C" for "13C", "H" for "D"). */
  readonly symbol: string;
  readonly z: number;
  /** Number of atoms of this kind. */
  readonly count: number;
  /** Mass numbers, ascending. */
  readonly massNumbers: readonly number[];
  /** Exact masses, Da (same order). */
  readonly massesDa: readonly number[];
  /** Probabilities (same order), renormalised to sum to 1. */
  readonly probabilities: readonly number[];
  /** Mass of the most abundant isotope (the IUPAC monoisotopic choice), Da. */
  readonly monoisotopicMassDa: number;
  /** Nucleon number of the most abundant isotope. */
  readonly monoisotopicMassNumber: number;
  /** True when the key is a single nuclide (isotope label). */
  readonly labelled: boolean;
}

const LABEL_RE = /^(\d+)([A-Z][a-z]{0,2})$/;

/** Resolve one composition key ("Au", "13C", "D") into its isotope distribution. */
export function atomIsotopes(key: string, count: number): AtomIsotopes {
  if (!Number.isInteger(count) || count < 0) {
    throw new InputError('mass-count', `atom count of ${key} must be a whole number ≥ 0, got ${count}`);
  }
  let symbol = key;
  let massNumber: number | undefined;
  if (key === 'D' || key === 'T') {
    symbol = 'H';
    massNumber = key === 'D' ? 2 : 3;
  } else {
    const m = LABEL_RE.exec(key);
    if (m) {
      massNumber = Number(m[1]);
      symbol = m[2]!;
    }
  }
  const element = elementBySymbol(symbol);
  if (!element) {
    throw new InputError('mass-element', `unknown element "${symbol}" in the composition`, {
      hint: 'element symbols are case-sensitive (Au, not AU); isotopes are written like 13C or D',
    });
  }
  if (massNumber !== undefined) {
    const iso = isotope(element.z, massNumber);
    if (!iso) {
      throw new InputError('mass-isotope', `the isotope table has no ${massNumber}${symbol}`, {
        hint: `known mass numbers of ${symbol}: see the isotope table (src/data)`,
      });
    }
    return {
      key,
      symbol,
      z: element.z,
      count,
      massNumbers: [massNumber],
      massesDa: [iso.massDa],
      probabilities: [1],
      monoisotopicMassDa: iso.massDa,
      monoisotopicMassNumber: massNumber,
      labelled: true,
    };
  }
  const natural = [...naturalIsotopes(element.z)].sort((a, b) => a.massNumber - b.massNumber);
  const top = mostAbundantIsotope(element.z);
  if (natural.length === 0 || !top) {
    throw new InputError(
      'mass-no-natural-isotopes',
      `${symbol} has no natural isotopic composition, so its isotope pattern is undefined`,
      {
        hint: `write the nuclide explicitly, e.g. [${symbol === 'Tc' ? '99' : 'A'}${symbol}] with its mass number`,
      },
    );
  }
  const sum = natural.reduce((s, i) => s + i.abundance, 0);
  return {
    key,
    symbol,
    z: element.z,
    count,
    massNumbers: natural.map((i) => i.massNumber),
    massesDa: natural.map((i) => i.massDa),
    probabilities: natural.map((i) => i.abundance / sum),
    monoisotopicMassDa: top.massDa,
    monoisotopicMassNumber: top.massNumber,
    labelled: false,
  };
}

/** Resolve every entry with a positive count, in a stable order (heaviest element first). */
export function resolveComposition(composition: Composition): AtomIsotopes[] {
  const out: AtomIsotopes[] = [];
  for (const [key, count] of Object.entries(composition)) {
    if (count === 0) continue;
    out.push(atomIsotopes(key, count));
  }
  if (out.length === 0) {
    throw new InputError('mass-empty', 'the composition has no atoms', {
      hint: 'give a formula such as "[Ag29(BDTA)12]3-" or a composition with at least one atom',
    });
  }
  out.sort((a, b) => b.z - a.z || a.key.localeCompare(b.key));
  return out;
}

/** Monoisotopic mass (IUPAC: every atom its element's most abundant isotope), Da. */
export function monoisotopicMassDa(atoms: readonly AtomIsotopes[]): number {
  let m = 0;
  for (const a of atoms) m += a.count * a.monoisotopicMassDa;
  return m;
}

/** Σ count · Σ pᵢ mᵢ: the exact mean mass implied by the isotope table, Da. */
export function isotopeMeanMassDa(atoms: readonly AtomIsotopes[]): number {
  let m = 0;
  for (const a of atoms) {
    let mean = 0;
    for (let i = 0; i < a.massesDa.length; i++) mean += a.probabilities[i]! * a.massesDa[i]!;
    m += a.count * mean;
  }
  return m;
}

/**
 * Mean mass from the CIAAW 2021 standard atomic weights (conventional values for interval
 * elements such as H 1.008, C 12.011; labelled nuclides use their exact mass), Da; null when an
 * element has no standard atomic weight.
 * Differs from `isotopeMeanMassDa` because the standard atomic weights are not exactly the
 * abundance-weighted means of the representative isotopic compositions.
 */
export function standardAtomicWeightMassDa(atoms: readonly AtomIsotopes[]): number | null {
  let m = 0;
  for (const a of atoms) {
    const w = a.labelled ? a.monoisotopicMassDa : elementBySymbol(a.symbol)?.atomicWeightDa;
    if (w === null || w === undefined) return null;
    m += a.count * w;
  }
  return m;
}
