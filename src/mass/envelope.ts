/**
 * The isotope report of one ion: monoisotopic, most-abundant and average m/z, and the peak list
 * of the aggregated envelope (default) or of the fine structure.
 *
 * Definitions (tools disagree on these words; these are ours, and the CLI help repeats them):
 * - m/z of an ion of neutral-composition mass M and charge z ≠ 0: (M − z·mₑ)/|z|, with mₑ the
 *   electron mass (CODATA 2018). Cations have lost z electrons; anions (z < 0) carry |z| extra
 *   electrons, so their m/z is (M + |z|·mₑ)/|z|. For z = 0 the "m/z" fields hold the neutral
 *   mass M in Da.
 * - monoisotopic m/z (IUPAC): every atom its element's most abundant isotope. For Pt, W, Mo, Ru
 *   or Sn this is not the lightest peak of the envelope.
 * - most-abundant m/z: the probability-weighted mass of the tallest peak of the aggregated
 *   envelope (nucleon-number bins), not a profile maximum.
 * - average m/z: the probability-weighted mean over the whole envelope (from the isotope table,
 *   before the listing cut), not the standard-atomic-weight mass.
 * - peaks: m/z, intensity in percent of the tallest peak, and absolute probability; peaks below
 *   `minIntensityPercent` are not listed and their probability counts in `prunedProbability`,
 *   which is therefore everything not in the list (computation trimming + listing cut).
 */
import { InputError } from '../core/errors.js';
import type { RunControl } from '../core/progress.js';
import { ELECTRON_MASS_DA } from '../core/units.js';
import { ISOTOPES_SOURCE } from '../data/index.js';
import { aggregatedDistribution, DEFAULT_PRUNE_THRESHOLD, type NucleonDistribution } from './aggregated.js';
import { DEFAULT_FINE_PROBABILITY, DEFAULT_MAX_CONFIGURATIONS, fineStructure } from './fine.js';
import {
  type AtomIsotopes,
  isotopeMeanMassDa,
  monoisotopicMassDa,
  resolveComposition,
  standardAtomicWeightMassDa,
} from './isotopes.js';

/** m/z of an ion of neutral-composition mass `massDa` and charge z; the neutral mass for z = 0. */
export function massToMz(massDa: number, charge: number): number {
  if (charge === 0) return massDa;
  return (massDa - charge * ELECTRON_MASS_DA) / Math.abs(charge);
}

/** Inverse of `massToMz`. */
export function mzToMass(mz: number, charge: number): number {
  if (charge === 0) return mz;
  return mz * Math.abs(charge) + charge * ELECTRON_MASS_DA;
}

export interface EnvelopePeak {
  /** m/z (Th); the neutral mass in Da when the charge is 0. */
  readonly mz: number;
  /** Percent of the tallest peak (100 = tallest). */
  readonly intensity: number;
  /** Absolute probability of the peak. */
  readonly probability: number;
}

export interface EnvelopeReport {
  /** The formula text (or composition text) the report is for. */
  readonly formula: string;
  /** Charge z in e (0: neutral masses). */
  readonly charge: number;
  readonly monoisotopicMz: number;
  readonly mostAbundantMz: number;
  readonly averageMz: number;
  /** Peaks sorted by m/z. */
  readonly peaks: readonly EnvelopePeak[];
  /** 1 − Σ probability of the listed peaks. */
  readonly prunedProbability: number;
  /** 'aggregated' (per nucleon number) or 'fine' (isotopologues). */
  readonly mode: 'aggregated' | 'fine';
  /**
   * Mean m/z distance between neighbouring aggregated peaks (≈ 1.00/|z|), each pair weighted by
   * the smaller of its two probabilities; null for a single-peak envelope.
   */
  readonly spacingMz: number | null;
  readonly monoisotopicMassDa: number;
  /** Envelope mean mass of the neutral composition, Da. */
  readonly averageMassDa: number;
  /** Mass from the CIAAW standard atomic weights, Da (null when an element has none). */
  readonly standardAtomicWeightMassDa: number | null;
  /** Listing cut, percent of the tallest peak. */
  readonly minIntensityPercent: number;
  /** Trimming threshold of the aggregated computation (relative to the tallest peak). */
  readonly pruneThreshold: number;
  /** Requested fine-structure coverage (fine mode only). */
  readonly fineProbability?: number;
  /** Which isotope table the numbers come from. */
  readonly isotopeTable: string;
}

export interface EnvelopeOptions {
  /** Charge z, e (default 0). */
  readonly charge?: number;
  /** Label for the report (default: the composition in Hill order). */
  readonly formula?: string;
  /** Listing cut in percent of the tallest peak (default 0.01). */
  readonly minIntensityPercent?: number;
  /** Relative tail-trimming threshold of the aggregated computation (default 1e-12). */
  readonly pruneThreshold?: number;
  /** Compute the fine structure instead of the aggregated envelope. */
  readonly fine?: boolean;
  /** Fine structure: total probability to cover (default 0.999). */
  readonly fineProbability?: number;
  /** Fine structure: cap on stored configurations (default 2 000 000). */
  readonly maxConfigurations?: number;
  readonly control?: RunControl;
}

export const DEFAULT_MIN_INTENSITY_PERCENT = 0.01;

/** Hill-order text of a composition (C, H, then alphabetical; isotope labels after their element). */
export function hillText(composition: Readonly<Record<string, number>>): string {
  const keys = Object.keys(composition).filter((k) => composition[k] !== 0);
  const hasC = keys.includes('C');
  const rank = (k: string) => (hasC && k === 'C' ? 0 : hasC && k === 'H' ? 1 : 2);
  keys.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return keys
    .map((k) => `${/^\d/.test(k) ? `[${k}]` : k}${composition[k] === 1 ? '' : composition[k]}`)
    .join('');
}

function checkCharge(charge: number): void {
  if (Number.isInteger(charge) && Math.abs(charge) > 1000) {
    throw new InputError('mass-charge', `the charge ${charge} is outside the supported range −1000 … 1000`, {
      hint: 'the most highly charged ions seen by ESI-MS carry a few hundred charges',
    });
  }
  if (!Number.isInteger(charge)) {
    throw new InputError(
      'mass-charge',
      `the charge must be a whole number of elementary charges, got ${charge}`,
      {
        hint: 'write e.g. --charge -3 or a formula with its charge, "[Ag29(BDTA)12]3-"',
      },
    );
  }
}

/** Peaks of an aggregated distribution as neutral masses (all bins with probability > 0). */
export function distributionPeaks(d: NucleonDistribution): { massDa: number; probability: number }[] {
  const out: { massDa: number; probability: number }[] = [];
  for (let i = 0; i < d.probability.length; i++) {
    const p = d.probability[i]!;
    if (p > 0) out.push({ massDa: d.massProbability[i]! / p, probability: p });
  }
  return out;
}

/**
 * The aggregated neutral envelope of resolved atoms with its summary numbers (masses in Da).
 * Lower-level than `isotopeEnvelope`; used by assignment and profiles.
 */
export function neutralEnvelope(
  atoms: readonly AtomIsotopes[],
  pruneThreshold = DEFAULT_PRUNE_THRESHOLD,
): {
  peaks: { massDa: number; probability: number }[];
  total: number;
  averageMassDa: number;
  mostAbundantIndex: number;
} {
  const d = aggregatedDistribution(atoms, pruneThreshold);
  const peaks = distributionPeaks(d);
  let sp = 0;
  let spm = 0;
  let best = 0;
  for (let i = 0; i < d.probability.length; i++) {
    sp += d.probability[i]!;
    spm += d.massProbability[i]!;
  }
  for (let i = 1; i < peaks.length; i++) if (peaks[i]!.probability > peaks[best]!.probability) best = i;
  return { peaks, total: d.total, averageMassDa: spm / sp, mostAbundantIndex: best };
}

/**
 * Mean spacing of neighbouring nucleon-number peaks in m/z, each pair weighted by the smaller of
 * its two probabilities (so the tall centre dominates). Neighbouring spacings differ (for Ag the
 * 107/109 pattern alternates 0.3338 and 0.3327 at z = 3); the mean is what a chemist reads off.
 */
export function meanSpacingMz(
  peaks: readonly { massDa: number; probability: number }[],
  charge: number,
): number | null {
  let num = 0;
  let den = 0;
  for (let i = 1; i < peaks.length; i++) {
    const a = peaks[i - 1]!;
    const b = peaks[i]!;
    const dMass = b.massDa - a.massDa;
    if (dMass > 1.5) continue; // not neighbours (a nucleon number with no isotopologue between)
    const w = Math.min(a.probability, b.probability);
    num += (w * dMass) / Math.max(1, Math.abs(charge));
    den += w;
  }
  return den > 0 ? num / den : null;
}

/**
 * The isotope report of a composition with charge z.
 * @param composition element symbol or isotope label → count (neutral composition of the ion)
 */
export function isotopeEnvelope(
  composition: Readonly<Record<string, number>>,
  options: EnvelopeOptions = {},
): EnvelopeReport {
  const charge = options.charge ?? 0;
  checkCharge(charge);
  const minIntensityPercent = options.minIntensityPercent ?? DEFAULT_MIN_INTENSITY_PERCENT;
  if (!(minIntensityPercent >= 0 && minIntensityPercent < 100)) {
    throw new InputError(
      'mass-min-intensity',
      `the listing cut must be in [0, 100) percent, got ${minIntensityPercent}`,
    );
  }
  const pruneThreshold = options.pruneThreshold ?? DEFAULT_PRUNE_THRESHOLD;
  if (!(pruneThreshold >= 0 && pruneThreshold < 1e-3)) {
    throw new InputError('mass-prune', `the pruning threshold must be in [0, 1e-3), got ${pruneThreshold}`);
  }
  const atoms = resolveComposition(composition);
  const formula = options.formula ?? hillText(composition);
  const mono = monoisotopicMassDa(atoms);
  const env = neutralEnvelope(atoms, pruneThreshold);
  const tallest = env.peaks[env.mostAbundantIndex]!;
  const spacingMz = meanSpacingMz(env.peaks, charge);

  let raw: { massDa: number; probability: number }[];
  if (options.fine) {
    const fine = fineStructure(atoms, {
      probability: options.fineProbability ?? DEFAULT_FINE_PROBABILITY,
      maxConfigurations: options.maxConfigurations ?? DEFAULT_MAX_CONFIGURATIONS,
      ...(options.control ? { control: options.control } : {}),
    });
    raw = Array.from(fine.massesDa, (massDa, i) => ({ massDa, probability: fine.probabilities[i]! }));
  } else {
    raw = env.peaks;
  }
  let maxP = 0;
  for (const r of raw) if (r.probability > maxP) maxP = r.probability;
  const cut = (maxP * minIntensityPercent) / 100;
  const peaks: EnvelopePeak[] = [];
  let listed = 0;
  for (const r of raw) {
    if (r.probability < cut) continue;
    listed += r.probability;
    peaks.push({
      mz: massToMz(r.massDa, charge),
      intensity: (100 * r.probability) / maxP,
      probability: r.probability,
    });
  }
  peaks.sort((a, b) => a.mz - b.mz);
  return {
    formula,
    charge,
    monoisotopicMz: massToMz(mono, charge),
    mostAbundantMz: massToMz(tallest.massDa, charge),
    averageMz: massToMz(env.averageMassDa, charge),
    peaks,
    prunedProbability: Math.max(0, 1 - listed),
    mode: options.fine ? 'fine' : 'aggregated',
    spacingMz,
    monoisotopicMassDa: mono,
    averageMassDa: env.averageMassDa,
    standardAtomicWeightMassDa: standardAtomicWeightMassDa(atoms),
    minIntensityPercent,
    pruneThreshold,
    ...(options.fine ? { fineProbability: options.fineProbability ?? DEFAULT_FINE_PROBABILITY } : {}),
    isotopeTable: ISOTOPES_SOURCE,
  };
}

export { isotopeMeanMassDa };
