/**
 * Assignment of a measured peak list to candidate ions.
 *
 * 1. Charge from spacing: measured peaks are grouped into isotope envelopes by walking from the
 *    most intense unused peak in steps of 1.0015/z (isotope spacing per nucleon lies between
 *    0.997 (S, heavy metals) and 1.0034 (¹³C) Da), trying z = maxCharge … 1; the z whose walk
 *    of consecutive peaks carries the most intensity is the envelope's charge (subharmonic
 *    charges break at their first intermediate step; lower charges skip peaks). The sign of z
 *    cannot come from m/z: an ion and its opposite-charge twin differ by 2|z| electron masses,
 *    0.15 ppm for Au25(PET)18 — the candidates' charges (the polarity of the measurement) decide.
 * 2. Candidates: templates (formula + charges) expanded with adducts (H⁺, Na⁺, K⁺, Cs⁺, NH₄⁺,
 *    counter-ions, deprotonation) and ligand losses. Candidates whose predicted m/z range
 *    (mean ± 5σ of the isotope distribution) holds no measured peak are skipped before any
 *    envelope is computed.
 * 3. Scoring: the aggregated envelope (sticks ≥ `minTheoreticalPercent` of its tallest) is
 *    matched peak-by-peak to the nearest measured peak within a window; measured peaks inside
 *    the envelope's m/z range that match no stick are kept with theoretical intensity 0, so a
 *    wrong charge (which leaves measured peaks between the sticks) is penalised. Similarity is
 *    the cosine of the two intensity vectors and the spectral contrast angle θ = arccos(cos)
 *    (Wan, Vidavsky & Gross, J. Am. Soc. Mass Spectrom. 2002, 13, 85). The m/z error is the
 *    (theoretical × measured)-intensity-weighted mean of (measured − theoretical)/theoretical
 *    in ppm over the matched sticks.
 * 4. Calibration: a first pass with a wide window (`searchPpm`) gives each candidate an m/z
 *    error; the best candidate of every measured envelope with cos ≥ 0.9 votes, and the
 *    (cos² × matched intensity)-weighted mean of their errors is the calibration offset. A
 *    second pass matches within 2 × `tolerancePpm` of the offset-corrected positions. The score is
 *    SA × exp(−½ (residual ppm / tolerancePpm)²), with SA = 1 − 2θ/π the normalised spectral
 *    contrast angle (Toprak et al., Mol. Cell. Proteomics 2014, 13, 2056) and residual =
 *    error − offset. The angle, not the m/z, is what separates an ion from its +H or −H
 *    neighbour one nucleon away (their m/z differ by only (1.0078 − 1.0015)/M, ~1 ppm).
 */
import type { Composition } from '../chem/types.js';
import { InputError, LimitError } from '../core/errors.js';
import { ELECTRON_MASS_DA } from '../core/units.js';
import { massToMz, neutralEnvelope } from './envelope.js';
import { type AtomIsotopes, resolveComposition } from './isotopes.js';
import type { MeasuredPeak } from './peaklist.js';

/** A formula to try, with the charges to try it at. */
export interface CandidateTemplate {
  /** Text shown in the results, e.g. "[Ag29(BDTA)12(PPh3)4]". */
  readonly label: string;
  readonly composition: Composition;
  /** Charges z (e) to try; 0 is rejected. */
  readonly charges: readonly number[];
}

/** An adduct unit ("Cs" = Cs⁺, "-H" = loss of H⁺) added 0…max times. */
export interface AdductUnit {
  readonly name: string;
  /** Composition added per unit (negative counts remove atoms, e.g. { H: −1 }). */
  readonly composition: Composition;
  /** Charge carried per unit (for the label only: the ion's total charge is the template's z). */
  readonly charge: number;
}

/** A neutral ligand that may be lost 0…max times (e.g. PPh3). */
export interface LigandLoss {
  readonly name: string;
  readonly composition: Composition;
  readonly max: number;
}

export interface CandidateIon {
  readonly label: string;
  readonly template: string;
  readonly composition: Composition;
  readonly charge: number;
  readonly adducts: readonly { readonly name: string; readonly count: number }[];
  readonly losses: readonly { readonly name: string; readonly count: number }[];
}

/**
 * Built-in adduct units. A null-prototype object: a user's name such as "constructor" or
 * "__proto__" is not a key of it (look names up with `builtinAdduct`).
 */
export const ADDUCTS: Readonly<Record<string, AdductUnit>> = Object.assign(Object.create(null), {
  H: { name: 'H', composition: { H: 1 }, charge: 1 },
  Na: { name: 'Na', composition: { Na: 1 }, charge: 1 },
  K: { name: 'K', composition: { K: 1 }, charge: 1 },
  Cs: { name: 'Cs', composition: { Cs: 1 }, charge: 1 },
  NH4: { name: 'NH4', composition: { N: 1, H: 4 }, charge: 1 },
  '-H': { name: '-H', composition: { H: -1 }, charge: -1 },
});

/** The built-in adduct of this name, or null (own keys only: never an Object.prototype member). */
export function builtinAdduct(name: string): AdductUnit | null {
  return Object.hasOwn(ADDUCTS, name) ? ADDUCTS[name]! : null;
}

export function chargeText(z: number): string {
  if (z === 0) return '0';
  const n = Math.abs(z);
  return `${n === 1 ? '' : n}${z > 0 ? '+' : '−'}`;
}

function sameComposition(a: Composition, b: Composition): boolean {
  const ka = Object.keys(a).filter((k) => a[k] !== 0);
  const kb = Object.keys(b).filter((k) => b[k] !== 0);
  return ka.length === kb.length && ka.every((k) => a[k] === b[k]);
}

function addComposition(target: Record<string, number>, add: Composition, times: number): void {
  for (const [k, v] of Object.entries(add)) target[k] = (target[k] ?? 0) + v * times;
}

export interface ExpandOptions {
  readonly adducts?: readonly AdductUnit[];
  /** Maximum total number of adduct units per ion (default 2). */
  readonly maxAdducts?: number;
  readonly losses?: readonly LigandLoss[];
  /** Cap on the number of candidate ions (default 50 000). */
  readonly maxCandidates?: number;
}

/**
 * Every combination of template × charge × adduct counts (total ≤ maxAdducts) × losses; an ion
 * reached twice (same composition and charge) is kept once, under its first label.
 */
export function expandCandidates(
  templates: readonly CandidateTemplate[],
  options: ExpandOptions = {},
): CandidateIon[] {
  const adducts = options.adducts ?? [];
  const maxAdducts = options.maxAdducts ?? 2;
  const losses = options.losses ?? [];
  const cap = options.maxCandidates ?? 50_000;
  if (templates.length === 0) {
    throw new InputError('assign-no-candidates', 'no candidate formulas were given', {
      hint: 'add --candidate "<formula>" (repeatable), e.g. --candidate "[Ag29(BDTA)12]3-"',
    });
  }
  if (!Number.isInteger(maxAdducts) || maxAdducts < 0) {
    throw new InputError(
      'assign-max-adducts',
      `the adduct limit must be a whole number ≥ 0, got ${maxAdducts}`,
      {
        hint: 'e.g. --max-adducts 2 (0 tries no adducts)',
      },
    );
  }
  // The combinations are enumerated below; refuse limits whose combinations alone exceed the cap
  // before building them (C(maxAdducts + k, k) adduct vectors, Π(max + 1) loss vectors).
  let combos = 1;
  for (let i = 1; i <= adducts.length && combos <= cap; i++) combos = (combos * (maxAdducts + i)) / i;
  for (const l of losses) {
    if (!Number.isInteger(l.max) || l.max < 0) {
      throw new InputError(
        'assign-max-loss',
        `the loss limit for ${l.name} must be a whole number ≥ 0, got ${l.max}`,
        {
          hint: 'e.g. --max-loss 4',
        },
      );
    }
    combos *= l.max + 1;
  }
  if (combos > cap) {
    throw new LimitError('assign-too-many', `more than ${cap} adduct and ligand-loss combinations per ion`, {
      hint: 'lower --max-adducts or --max-loss, or shorten the adduct list',
    });
  }
  // adduct count vectors with total ≤ maxAdducts
  const adductCombos: number[][] = [];
  const rec = (i: number, left: number, acc: number[]) => {
    if (i === adducts.length) {
      adductCombos.push([...acc]);
      return;
    }
    for (let c = 0; c <= left; c++) {
      acc.push(c);
      rec(i + 1, left - c, acc);
      acc.pop();
    }
  };
  rec(0, maxAdducts, []);
  const lossCombos: number[][] = [[]];
  for (const l of losses) {
    const next: number[][] = [];
    for (const combo of lossCombos) for (let c = 0; c <= l.max; c++) next.push([...combo, c]);
    lossCombos.splice(0, lossCombos.length, ...next);
  }
  const out: CandidateIon[] = [];
  const seen = new Set<string>();
  for (const t of templates) {
    for (const z of t.charges) {
      if (z === 0 || !Number.isInteger(z)) {
        throw new InputError(
          'assign-charge',
          `charge ${z} for ${t.label}: an ion needs a non-zero whole charge to have an m/z`,
          {
            hint: 'give charges like --charges 1..10 or --charges -3,-2,-1',
          },
        );
      }
      for (const lc of lossCombos) {
        for (const ac of adductCombos) {
          const comp: Record<string, number> = { ...t.composition };
          lc.forEach((c, i) => {
            addComposition(comp, losses[i]!.composition, -c);
          });
          ac.forEach((c, i) => {
            addComposition(comp, adducts[i]!.composition, c);
          });
          if (Object.values(comp).some((v) => v < 0)) continue;
          for (const k of Object.keys(comp)) if (comp[k] === 0) delete comp[k];
          if (Object.keys(comp).length === 0) continue;
          // the same ion reached twice (e.g. a template with and without its lost ligands) is kept once
          const key = `${Object.keys(comp)
            .sort()
            .map((k) => `${k}${comp[k]}`)
            .join('')}|${z}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const lossParts = lc
            .map((c, i) => (c ? ` − ${c === 1 ? '' : `${c} `}${losses[i]!.name}` : ''))
            .join('');
          const addParts = ac
            .map((c, i) => {
              if (!c) return '';
              const a = adducts[i]!;
              const name = a.name.startsWith('-') ? a.name.slice(1) : a.name;
              return ` ${a.name.startsWith('-') ? '−' : '+'} ${c === 1 ? '' : `${c} `}${name}`;
            })
            .join('');
          const core = t.label.replace(/^\[(.*)\]$/, '$1');
          const label = `[${core}${lossParts}${addParts}]${chargeText(z)}`;
          out.push({
            label,
            template: t.label,
            composition: comp,
            charge: z,
            adducts: ac.map((c, i) => ({ name: adducts[i]!.name, count: c })).filter((a) => a.count > 0),
            losses: lc.map((c, i) => ({ name: losses[i]!.name, count: c })).filter((a) => a.count > 0),
          });
          if (out.length > cap) {
            throw new LimitError('assign-too-many', `more than ${cap} candidate ions`, {
              hint: 'narrow the charge range, the adduct list, --max-adducts or the losses',
            });
          }
        }
      }
    }
  }
  return out;
}

/** A measured isotope envelope found from the peak spacing. */
export interface MeasuredEnvelope {
  /** Charge magnitude from the spacing (sign unknown from spacing alone). */
  readonly charge: number;
  /** Indices into the (m/z-sorted) peak list. */
  readonly peakIndices: readonly number[];
  readonly mzMin: number;
  readonly mzMax: number;
  /** m/z of the most intense peak. */
  readonly mostIntenseMz: number;
  /** Fitted spacing between neighbouring peaks, m/z. */
  readonly spacingMz: number;
  /** Sum of the intensities of its peaks. */
  readonly intensity: number;
}

export interface EnvelopeDetectionOptions {
  readonly maxCharge?: number;
  /** Ignore peaks below this percent of the tallest (default 0.5). */
  readonly minIntensityPercent?: number;
  /** Relative m/z precision between peaks of one envelope, ppm (default 5; a calibration offset cancels). */
  readonly tolerancePpm?: number;
}

const NOMINAL_SPACING = 1.0015;
const SPACING_SLACK = 0.004;

function nearestIndex(sortedMz: Float64Array, x: number): number {
  let lo = 0;
  let hi = sortedMz.length - 1;
  if (hi < 0) return -1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sortedMz[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && Math.abs(sortedMz[lo - 1]! - x) <= Math.abs(sortedMz[lo]! - x)) return lo - 1;
  return lo;
}

/**
 * Group the measured peaks into isotope envelopes and find each one's charge from its spacing.
 * @param peaks sorted by m/z (as `parsePeakList` returns them); `peakIndices` index this array
 */
export function detectEnvelopes(
  peaks: readonly MeasuredPeak[],
  options: EnvelopeDetectionOptions = {},
): MeasuredEnvelope[] {
  const maxCharge = options.maxCharge ?? 10;
  const ppm = options.tolerancePpm ?? 5;
  let maxI = 0;
  for (const p of peaks) maxI = Math.max(maxI, p.intensity);
  const floor = (maxI * (options.minIntensityPercent ?? 0.5)) / 100;
  const idx = peaks.map((_, i) => i).filter((i) => peaks[i]!.intensity >= floor);
  const mz = Float64Array.from(idx, (i) => peaks[i]!.mz);
  const used = new Uint8Array(idx.length);
  const order = idx.map((_, k) => k).sort((a, b) => peaks[idx[b]!]!.intensity - peaks[idx[a]!]!.intensity);
  const out: MeasuredEnvelope[] = [];

  // Walk from the seed in steps of 1.0015/z; targets are anchored at the seed (k steps away) so
  // a wrong z cannot drift along a chain; the tolerance grows with k by the spread of real
  // isotope spacings and is capped at a quarter of the spacing.
  const walk = (seed: number, z: number, dir: 1 | -1): number[] => {
    const chain: number[] = [];
    const m0 = mz[seed]!;
    for (let k = 1; ; k++) {
      const target = m0 + (dir * k * NOMINAL_SPACING) / z;
      const j = nearestIndex(mz, target);
      if (j < 0 || used[j] || j === seed || chain.includes(j)) break;
      const tol = Math.min((SPACING_SLACK * k) / z + 2 * m0 * ppm * 1e-6, 0.25 / z);
      if (Math.abs(mz[j]! - target) > tol) break;
      chain.push(j);
    }
    return chain;
  };

  for (const seed of order) {
    if (used[seed]) continue;
    // the charge whose chain carries the most intensity (ties → the higher charge): subharmonic
    // charges break at their first intermediate step, lower ones skip peaks of the envelope.
    let best: { z: number; chain: number[]; weight: number } | null = null;
    for (let z = maxCharge; z >= 1; z--) {
      const chain = [...walk(seed, z, -1).reverse(), seed, ...walk(seed, z, 1)];
      if (chain.length < 2) continue;
      let weight = 0;
      for (const k of chain) weight += peaks[idx[k]!]!.intensity;
      if (chain.length < 3) weight *= 1e-6; // two peaks only count when nothing longer exists
      if (!best || weight > best.weight * (1 + 1e-9)) best = { z, chain, weight };
    }
    if (!best) continue;
    for (const k of best.chain) used[k] = 1;
    const pk = best.chain.map((k) => idx[k]!);
    // least-squares spacing: slope of m/z against position in the chain
    const n = pk.length;
    let sx = 0;
    let sy = 0;
    let sxx = 0;
    let sxy = 0;
    pk.forEach((pi, k) => {
      const y = peaks[pi]!.mz;
      sx += k;
      sy += y;
      sxx += k * k;
      sxy += k * y;
    });
    const spacing = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    let top = pk[0]!;
    let total = 0;
    for (const pi of pk) {
      total += peaks[pi]!.intensity;
      if (peaks[pi]!.intensity > peaks[top]!.intensity) top = pi;
    }
    out.push({
      charge: best.z,
      peakIndices: pk,
      mzMin: peaks[pk[0]!]!.mz,
      mzMax: peaks[pk[n - 1]!]!.mz,
      mostIntenseMz: peaks[top]!.mz,
      spacingMz: spacing,
      intensity: total,
    });
  }
  out.sort((a, b) => a.mzMin - b.mzMin);
  return out;
}

export interface AssignOptions {
  /** Matching tolerance after calibration, ppm (default 10). */
  readonly tolerancePpm?: number;
  /** First-pass window, ppm: must exceed the calibration error (default 50). */
  readonly searchPpm?: number;
  /** Theoretical peaks below this percent of the tallest are not matched (default 1). */
  readonly minTheoreticalPercent?: number;
  /** Known calibration offset, ppm (skips the estimation). */
  readonly calibrationPpm?: number;
  /** How many ranked candidates to return (default 20). */
  readonly maxResults?: number;
  readonly maxCharge?: number;
}

export interface CandidateScore {
  readonly label: string;
  readonly template: string;
  /** Hill-order composition of the ion. */
  readonly composition: Composition;
  readonly charge: number;
  readonly adducts: CandidateIon['adducts'];
  readonly losses: CandidateIon['losses'];
  /** Theoretical most-abundant and monoisotopic m/z. */
  readonly mostAbundantMz: number;
  readonly monoisotopicMz: number;
  /** Intensity-weighted (measured − theoretical)/theoretical, ppm (null when nothing matched). */
  readonly ppmError: number | null;
  /** ppmError − calibration offset. */
  readonly residualPpm: number | null;
  readonly cosine: number;
  /** Spectral contrast angle, degrees (0 = identical envelopes, 90 = nothing in common). */
  readonly contrastAngleDeg: number;
  readonly score: number;
  readonly matchedPeaks: number;
  readonly theoreticalPeaks: number;
  /** Measured peaks inside the envelope's m/z range that match no theoretical peak. */
  readonly unexplainedPeaks: number;
  /** Index into `envelopes` of the measured envelope holding most of the matched intensity. */
  readonly envelope: number | null;
  /** Whether |charge| equals the charge found from that envelope's spacing. */
  readonly chargeMatchesSpacing: boolean | null;
}

export interface AssignmentReport {
  readonly peakCount: number;
  /** Calibration offset (measured − true)/true, ppm; null when no envelope matched well. */
  readonly calibrationOffsetPpm: number | null;
  /** Labels of the candidates that determined the offset. */
  readonly calibrationFrom: readonly string[];
  readonly tolerancePpm: number;
  /** Measured envelopes with the best-scoring candidate (score > 0.5) and the runner-up. */
  readonly envelopes: readonly (MeasuredEnvelope & {
    readonly best: string | null;
    readonly bestScore: number | null;
    readonly runnerUp: string | null;
    readonly runnerUpScore: number | null;
  })[];
  /** Warnings a chemist should read (ambiguities the data cannot resolve). */
  readonly notes: readonly string[];
  /** Ranked by score. */
  readonly assignments: readonly CandidateScore[];
  readonly candidatesTried: number;
  readonly candidatesScored: number;
}

interface Theory {
  readonly ion: CandidateIon;
  readonly mz: Float64Array;
  readonly rel: Float64Array;
  readonly mostAbundantMz: number;
  readonly monoisotopicMz: number;
}

interface Match {
  cos: number;
  ppm: number | null;
  matched: number;
  unexplained: number;
  /** measured peak with the largest theoretical × measured weight, −1 when none */
  anchor: number;
  /** measured envelope holding most of the matched (theoretical × measured) weight, −1 when none */
  envelope: number;
  matchedIntensity: number;
}

function theoryOf(ion: CandidateIon, atoms: readonly AtomIsotopes[], minPercent: number): Theory {
  const env = neutralEnvelope(atoms);
  const top = env.peaks[env.mostAbundantIndex]!.probability;
  const keep = env.peaks.filter((p) => p.probability >= (top * minPercent) / 100);
  let mono = 0;
  for (const a of atoms) mono += a.count * a.monoisotopicMassDa;
  return {
    ion,
    mz: Float64Array.from(keep, (p) => massToMz(p.massDa, ion.charge)),
    rel: Float64Array.from(keep, (p) => p.probability / top),
    mostAbundantMz: massToMz(env.peaks[env.mostAbundantIndex]!.massDa, ion.charge),
    monoisotopicMz: massToMz(mono, ion.charge),
  };
}

function bestVote(votes: Map<number, number>): number {
  let best = -1;
  let bw = 0;
  for (const [e, w] of votes) {
    if (w > bw) {
      bw = w;
      best = e;
    }
  }
  return best;
}

function matchTheory(
  t: Theory,
  peaks: readonly MeasuredPeak[],
  mzs: Float64Array,
  offsetPpm: number,
  windowPpm: number,
  envelopeOf: Int32Array,
): Match {
  const z = Math.abs(t.ion.charge);
  const n = t.mz.length;
  const matchedIdx = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const target = t.mz[i]! * (1 + offsetPpm * 1e-6);
    const w = Math.min(target * windowPpm * 1e-6, 0.3 / z);
    const j = nearestIndex(mzs, target);
    if (j >= 0 && Math.abs(mzs[j]! - target) <= w) matchedIdx[i] = j;
  }
  // a measured peak claimed by two sticks keeps the closer one
  for (let i = 1; i < n; i++) {
    if (matchedIdx[i]! >= 0 && matchedIdx[i] === matchedIdx[i - 1]) {
      const j = matchedIdx[i]!;
      if (Math.abs(mzs[j]! - t.mz[i]!) < Math.abs(mzs[j]! - t.mz[i - 1]!)) matchedIdx[i - 1] = -1;
      else matchedIdx[i] = -1;
    }
  }
  let dot = 0;
  let tt = 0;
  let mm = 0;
  let wsum = 0;
  let wppm = 0;
  let matched = 0;
  let matchedIntensity = 0;
  const claimed = new Set<number>();
  const votes = new Map<number, number>();
  let anchor = -1;
  let anchorWeight = 0;
  for (let i = 0; i < n; i++) {
    const ti = t.rel[i]!;
    tt += ti * ti;
    const j = matchedIdx[i]!;
    if (j < 0) continue;
    claimed.add(j);
    const mi = peaks[j]!.intensity;
    dot += ti * mi;
    mm += mi * mi;
    matched++;
    matchedIntensity += mi;
    const w = ti * mi;
    if (w > anchorWeight) {
      anchorWeight = w;
      anchor = j;
    }
    const e = envelopeOf[j]!;
    if (e >= 0) votes.set(e, (votes.get(e) ?? 0) + w);
    wsum += w;
    wppm += (w * (mzs[j]! - t.mz[i]!)) / t.mz[i]! / 1e-6;
  }
  // measured peaks in the envelope's range that no stick explains
  const lo = t.mz[0]! * (1 + offsetPpm * 1e-6) - 0.5 / z;
  const hi = t.mz[n - 1]! * (1 + offsetPpm * 1e-6) + 0.5 / z;
  let unexplained = 0;
  let j = nearestIndex(mzs, lo);
  if (j >= 0 && mzs[j]! < lo) j++;
  for (; j >= 0 && j < mzs.length && mzs[j]! <= hi; j++) {
    if (claimed.has(j)) continue;
    const mi = peaks[j]!.intensity;
    mm += mi * mi;
    if (mi > 0) unexplained++;
  }
  const cos = dot > 0 ? dot / Math.sqrt(tt * mm) : 0;
  return {
    cos,
    ppm: wsum > 0 ? wppm / wsum : null,
    matched,
    unexplained,
    anchor,
    envelope: bestVote(votes),
    matchedIntensity,
  };
}

/**
 * Score candidate ions against a measured peak list and estimate the calibration offset.
 * @param peaks measured peaks (any order)
 */
export function assignSpectrum(
  measured: readonly MeasuredPeak[],
  candidates: readonly CandidateIon[],
  options: AssignOptions = {},
): AssignmentReport {
  if (measured.length === 0) throw new InputError('assign-empty', 'the peak list is empty');
  const tol = options.tolerancePpm ?? 10;
  const search = options.searchPpm ?? 50;
  const minPercent = options.minTheoreticalPercent ?? 1;
  if (!(tol > 0 && Number.isFinite(tol)) || !(search > 0 && Number.isFinite(search)))
    throw new InputError(
      'assign-tolerance',
      `tolerances must be positive finite numbers (ppm), got ${tol} and ${search}`,
    );
  if (options.calibrationPpm !== undefined && !Number.isFinite(options.calibrationPpm)) {
    throw new InputError(
      'assign-calibration',
      `the calibration offset must be a finite number of ppm, got ${options.calibrationPpm}`,
      {
        hint: 'e.g. --calibration 12.5 (measured − true, ppm); leave it out to estimate it from the data',
      },
    );
  }
  const maxResults = options.maxResults ?? 20;
  if (!Number.isInteger(maxResults) || maxResults < 1) {
    throw new InputError(
      'assign-max-results',
      `the number of reported candidates must be ≥ 1, got ${maxResults}`,
      {
        hint: 'e.g. --top 10',
      },
    );
  }
  const peaks = [...measured].sort((a, b) => a.mz - b.mz);
  const mzs = Float64Array.from(peaks, (p) => p.mz);
  let maxI = 0;
  for (const p of peaks) maxI = Math.max(maxI, p.intensity);
  const envelopes = detectEnvelopes(peaks, { maxCharge: options.maxCharge ?? 10 });
  const envelopeOf = new Int32Array(peaks.length).fill(-1);
  envelopes.forEach((e, k) => {
    for (const i of e.peakIndices) envelopeOf[i] = k;
  });
  const significant = Float64Array.from(
    peaks.filter((p) => p.intensity >= 0.01 * maxI),
    (p) => p.mz,
  );

  // prefilter by the predicted m/z range, then compute envelopes
  const theories: Theory[] = [];
  for (const ion of candidates) {
    const atoms = resolveComposition(ion.composition);
    let mean = 0;
    let variance = 0;
    for (const a of atoms) {
      let m1 = 0;
      let m2 = 0;
      a.massesDa.forEach((m, i) => {
        m1 += a.probabilities[i]! * m;
        m2 += a.probabilities[i]! * m * m;
      });
      mean += a.count * m1;
      variance += a.count * Math.max(0, m2 - m1 * m1);
    }
    const half = 5 * Math.sqrt(variance) + 1.5;
    const lo = massToMz(mean - half, ion.charge) * (1 - search * 1e-6);
    const hi = massToMz(mean + half, ion.charge) * (1 + search * 1e-6);
    const j = nearestIndex(significant, (lo + hi) / 2);
    let hit = false;
    for (let k = Math.max(0, j - 1); k <= Math.min(significant.length - 1, j + 1); k++) {
      if (significant[k]! >= lo && significant[k]! <= hi) hit = true;
    }
    if (!hit) continue;
    theories.push(theoryOf(ion, atoms, minPercent));
  }

  // pass 1: wide window, per-candidate error
  let offset = options.calibrationPpm ?? null;
  const calibrationFrom: string[] = [];
  if (offset === null) {
    const bestPerEnvelope = new Map<number, { t: Theory; m: Match }>();
    for (const t of theories) {
      const m = matchTheory(t, peaks, mzs, 0, search, envelopeOf);
      if (m.cos < 0.9 || m.ppm === null || m.anchor < 0 || m.matched < 2) continue;
      const key = m.envelope >= 0 ? m.envelope : -1 - m.anchor;
      const prev = bestPerEnvelope.get(key);
      if (!prev || m.cos > prev.m.cos) bestPerEnvelope.set(key, { t, m });
    }
    let w = 0;
    let s = 0;
    for (const { t, m } of bestPerEnvelope.values()) {
      const weight = m.cos * m.cos * m.matchedIntensity;
      w += weight;
      s += weight * m.ppm!;
      calibrationFrom.push(t.ion.label);
    }
    offset = w > 0 ? s / w : null;
  }

  // pass 2: tight window around the calibrated positions
  const off = offset ?? 0;
  // matching window 2 × tolerance: a peak 2σ off is still that peak (the score pays for the error)
  const window = offset === null ? search : 2 * tol;
  const scored: CandidateScore[] = [];
  for (const t of theories) {
    const m = matchTheory(t, peaks, mzs, off, window, envelopeOf);
    if (m.matched === 0) continue;
    const residual = m.ppm === null ? null : m.ppm - off;
    const theta = Math.acos(Math.min(1, m.cos));
    const score =
      (1 - (2 * theta) / Math.PI) * (residual === null ? 0 : Math.exp(-0.5 * (residual / tol) ** 2));
    const e = m.envelope;
    scored.push({
      label: t.ion.label,
      template: t.ion.template,
      composition: t.ion.composition,
      charge: t.ion.charge,
      adducts: t.ion.adducts,
      losses: t.ion.losses,
      mostAbundantMz: t.mostAbundantMz,
      monoisotopicMz: t.monoisotopicMz,
      ppmError: m.ppm,
      residualPpm: residual,
      cosine: m.cos,
      contrastAngleDeg: (theta * 180) / Math.PI,
      score,
      matchedPeaks: m.matched,
      theoreticalPeaks: t.mz.length,
      unexplainedPeaks: m.unexplained,
      envelope: e >= 0 ? e : null,
      chargeMatchesSpacing: e >= 0 ? envelopes[e]!.charge === Math.abs(t.ion.charge) : null,
    });
  }
  scored.sort((a, b) => b.score - a.score);
  const ranked = new Map<number, CandidateScore[]>();
  for (const c of scored) {
    if (c.envelope === null) continue;
    const list = ranked.get(c.envelope) ?? [];
    if (list.length < 2) list.push(c);
    ranked.set(c.envelope, list);
  }
  const notes: string[] = [];
  if (offset === null)
    notes.push('no candidate matched an envelope well (cos ≥ 0.9): the calibration offset is unknown');
  const twins = new Set<string>();
  for (const a of scored) {
    if (a.score <= 0.5 || a.charge < 0) continue;
    const b = scored.find(
      (x) =>
        x.charge === -a.charge &&
        x.score > 0.5 &&
        x.envelope === a.envelope &&
        sameComposition(x.composition, a.composition),
    );
    if (b && !twins.has(a.label)) {
      twins.add(a.label);
      notes.push(
        `${a.label} and ${b.label} differ only by ${2 * a.charge} electron masses (${((2 * a.charge * ELECTRON_MASS_DA) / (a.mostAbundantMz * a.charge) / 1e-6).toFixed(2)} ppm): the polarity of the measurement decides, not the data`,
      );
    }
  }
  for (const [e, list] of ranked) {
    const [a, b] = list;
    if (a && b && a.score > 0.5 && b.score > 0.85 * a.score) {
      notes.push(
        `envelope at m/z ${envelopes[e]!.mostIntenseMz.toFixed(3)}: ${a.label} (score ${a.score.toFixed(3)}) and ${b.label} (${b.score.toFixed(3)}) are nearly as good`,
      );
    }
  }
  return {
    peakCount: peaks.length,
    calibrationOffsetPpm: offset,
    calibrationFrom,
    tolerancePpm: tol,
    envelopes: envelopes.map((e, k) => {
      const [a, b] = ranked.get(k) ?? [];
      const ok = a !== undefined && a.score > 0.5;
      return {
        ...e,
        best: ok ? a.label : null,
        bestScore: ok ? a.score : null,
        runnerUp: b?.label ?? null,
        runnerUpScore: b?.score ?? null,
      };
    }),
    notes,
    assignments: scored.slice(0, maxResults),
    candidatesTried: candidates.length,
    candidatesScored: theories.length,
  };
}
