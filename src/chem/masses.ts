/**
 * Masses of a formula.
 * - average mass: Σ nᵢ·Aᵣ(Eᵢ) with the CIAAW 2021 standard atomic weights
 *   (conventional values for interval elements), Da;
 * - monoisotopic mass (IUPAC definition): every atom its element's most abundant
 *   isotope (for Pt, W, Mo this is not the lightest), AME2020 isotope masses, Da;
 * - m/z of an ion: (M − z·mₑ)/|z| with the CODATA 2018 electron mass.
 * Isotope-labelled atoms ([13C], D) use their isotope's mass in both.
 */
import { ELECTRON_MASS_DA } from '../core/units.js';
import { elementBySymbol, isotope, mostAbundantIsotope } from '../data/index.js';
import { parseKey } from './composition.js';
import type { Composition, Formula } from './types.js';

export interface FormulaMasses {
  /** Average (molar) mass from standard atomic weights, Da; null when unavailable. */
  readonly averageMass: number | null;
  /** Monoisotopic mass, Da; null when unavailable. */
  readonly monoisotopicMass: number | null;
  /** Monoisotopic m/z of the ion (Th); null for neutral formulas or when unavailable. */
  readonly monoisotopicMz: number | null;
  /** Average m/z from the average mass; null for neutral formulas or when unavailable. */
  readonly averageMz: number | null;
  /** Why a mass is unavailable (generic ligand, element without standard atomic weight …). */
  readonly messages: readonly string[];
}

/** m/z of an ion of neutral-formula mass M (Da) and charge z (e): (M − z·mₑ)/|z|. */
export function mzFromMass(massDa: number, charge: number): number {
  if (charge === 0) throw new RangeError('m/z needs a non-zero charge');
  return (massDa - charge * ELECTRON_MASS_DA) / Math.abs(charge);
}

export function compositionMasses(composition: Composition): {
  averageMass: number | null;
  monoisotopicMass: number | null;
  messages: string[];
} {
  let avg: number | null = 0;
  let mono: number | null = 0;
  const messages: string[] = [];
  for (const [key, n] of Object.entries(composition)) {
    const { symbol, massNumber } = parseKey(key);
    const e = elementBySymbol(symbol)!;
    if (massNumber !== null) {
      const iso = isotope(e.z, massNumber);
      if (!iso) {
        messages.push(`no mass is known for the isotope ${massNumber}${symbol}`);
        avg = null;
        mono = null;
        continue;
      }
      if (avg !== null) avg += n * iso.massDa;
      if (mono !== null) mono += n * iso.massDa;
      continue;
    }
    if (e.atomicWeightDa === null) {
      messages.push(
        `${symbol} has no standard atomic weight (no stable isotope): write a specific isotope such as [${mostAbundantIsotope(e.z)?.massNumber ?? 'A'}${symbol}] for its mass`,
      );
      avg = null;
    } else if (avg !== null) avg += n * e.atomicWeightDa;
    const top = mostAbundantIsotope(e.z);
    if (!top) {
      if (!messages.some((m) => m.startsWith(`${symbol} has`))) {
        messages.push(
          `${symbol} has no naturally occurring isotope: write a specific isotope such as [${e.z * 2 + 10}${symbol}]`,
        );
      }
      mono = null;
    } else if (mono !== null) mono += n * top.massDa;
  }
  return { averageMass: avg, monoisotopicMass: mono, messages };
}

export function formulaMasses(f: Formula): FormulaMasses {
  if (f.generic.length) {
    const amounts = new Set(f.unknownAmounts ?? []);
    const groups = f.generic.filter((g) => !amounts.has(g));
    const messages: string[] = [];
    if (groups.length) {
      messages.push(
        `masses are unavailable: the generic group${groups.length > 1 ? 's' : ''} ${groups.join(', ')} ${groups.length > 1 ? 'have' : 'has'} no composition; write the ligand out (e.g. SC2H4Ph or PET instead of SR)`,
      );
    }
    for (const a of amounts) {
      messages.push(
        `masses are unavailable: the amount of ${a.slice(1)} in "${a}" is not given; write a number (e.g. 14${a.slice(1)}), or leave the adduct out for the mass without it`,
      );
    }
    return { averageMass: null, monoisotopicMass: null, monoisotopicMz: null, averageMz: null, messages };
  }
  const m = compositionMasses(f.composition);
  const ion = f.charge !== 0;
  return {
    averageMass: m.averageMass,
    monoisotopicMass: m.monoisotopicMass,
    monoisotopicMz: ion && m.monoisotopicMass !== null ? mzFromMass(m.monoisotopicMass, f.charge) : null,
    averageMz: ion && m.averageMass !== null ? mzFromMass(m.averageMass, f.charge) : null,
    messages: m.messages,
  };
}
