/**
 * Mass-spectrum workflows shared by the CLI and the web workbench: formula text in, plain
 * JSON-serialisable reports out.
 * - `isotopesReport`: the isotope envelope (aggregated or fine) of one ion, optionally its
 *   profile at a resolving power with centroids;
 * - `assignReport`: a measured peak list assigned against candidate formulas with charges,
 *   adducts and ligand losses.
 */
import { parseFormula } from '../chem/parse.js';
import type { Composition, Formula } from '../chem/types.js';
import { excerpt, InputError } from '../core/errors.js';
import type { RunControl } from '../core/progress.js';
import type { LigandEntry } from '../data/ligands.js';
import {
  type AdductUnit,
  type AssignmentReport,
  assignSpectrum,
  builtinAdduct,
  type CandidateIon,
  type CandidateScore,
  type CandidateTemplate,
  chargeText,
  expandCandidates,
  type LigandLoss,
} from '../mass/assign.js';
import { fineIsotopologueEstimate } from '../mass/cost.js';
import { type EnvelopeReport, isotopeEnvelope } from '../mass/envelope.js';
import { DEFAULT_FINE_PROBABILITY, DEFAULT_MAX_CONFIGURATIONS } from '../mass/fine.js';
import { resolveComposition } from '../mass/isotopes.js';
import {
  type MeasuredPeak,
  type PeakListOptions,
  type PeakListReading,
  readPeakList,
} from '../mass/peaklist.js';
import {
  type Centroid,
  centroidProfile,
  checkResolvingPower,
  type Profile,
  profileSpectrum,
} from '../mass/profile.js';

/** How to read a measured spectrum (delimited text or mzML); see `readPeakList`. */
export type MeasuredReadOptions = Omit<PeakListOptions, 'inputName'>;

export interface IsotopesRequest {
  readonly formula: string;
  /** Charge when the formula does not write it. */
  readonly charge?: number;
  readonly ligands?: readonly LigandEntry[];
  /**
   * true: fine structure; false: aggregated only; undefined: aggregated, or fine structure when a
   * resolving power high enough to resolve it is given (said in a note).
   */
  readonly fine?: boolean;
  readonly fineProbability?: number;
  readonly maxConfigurations?: number;
  readonly minIntensityPercent?: number;
  readonly pruneThreshold?: number;
  /** Resolving power for a profile spectrum with centroids. */
  readonly resolvingPower?: number;
  /** A salt formula: the whole neutral salt instead of its cluster ion (the default). */
  readonly whole?: boolean;
  /** A measured spectrum (file text) to compare with the simulated envelope. */
  readonly measuredText?: string;
  /** Its name (file name) in errors and notes. */
  readonly measuredName?: string;
  readonly measuredOptions?: MeasuredReadOptions;
  /** Matching tolerance for the comparison, ppm (default 10). */
  readonly tolerancePpm?: number;
  readonly control?: RunControl;
}

export interface ProfileSummary {
  readonly resolvingPower: number;
  /** FWHM at the most-abundant m/z, m/z units (every simulated peak has FWHM = its m/z / R). */
  readonly fwhmMz: number;
  /** Centroids of the profile maxima (heights in percent of the tallest profile point). */
  readonly centroids: readonly Centroid[];
  /** Centroid m/z of the tallest profile maximum (may differ from the tallest stick when peaks merge). */
  readonly tallestCentroidMz: number | null;
  /** Apex m/z of the tallest profile maximum (the text prints the same value). */
  readonly tallestApexMz: number | null;
  /** Whether neighbouring isotope peaks are separated at this resolving power. */
  readonly isotopesResolved: boolean;
  /** Resolving power at which neighbouring aggregated peaks become separated (m/z / spacing). */
  readonly resolvingPowerToResolve: number | null;
  /** Resolving power above which the fine structure is resolved (M / largest splitting), or null. */
  readonly resolvingPowerForFineStructure: number | null;
  readonly notes: readonly string[];
}

/** A measured spectrum compared with the simulated envelope. */
export interface MeasuredComparison {
  /** How the file was read. */
  readonly reading: PeakListReading;
  readonly peakCount: number;
  /** (1 − 2θ/π) · exp(−½ (residual/tolerance)²), as `assign` scores candidates; 0 when nothing matched. */
  readonly score: number;
  /** Spectral contrast angle between simulated and measured intensities, degrees. */
  readonly contrastAngleDeg: number;
  /** Intensity-weighted (measured − simulated)/simulated m/z error, ppm. */
  readonly ppmError: number | null;
  /** Calibration offset estimated from this envelope (measured − true), ppm. */
  readonly calibrationOffsetPpm: number | null;
  readonly residualPpm: number | null;
  readonly matchedPeaks: number;
  readonly simulatedPeaks: number;
  /** Measured peaks inside the envelope's range that match no simulated peak. */
  readonly unexplainedPeaks: number;
  readonly tolerancePpm: number;
  /** Whether the measured envelope's spacing gives this charge, null when no envelope was found. */
  readonly chargeMatchesSpacing: boolean | null;
  readonly notes: readonly string[];
}

export interface IsotopesReport extends EnvelopeReport {
  /** Neutral composition of the ion (element or isotope label → count). */
  readonly composition: Composition;
  /** Present when a resolving power was given. */
  readonly profile?: ProfileSummary;
  /** Present when a measured spectrum was given. */
  readonly comparison?: MeasuredComparison;
  /** Remarks on the formula (salts, hydrates, automatic choices) a chemist should read. */
  readonly notes: readonly string[];
}

/** Parse a formula for mass work: the composition must be complete (no generic R, X). */
export function formulaForMass(text: string, charge?: number, ligands?: readonly LigandEntry[]): Formula {
  const f = parseFormula(text, {
    ...(charge !== undefined ? { charge } : {}),
    ...(ligands ? { ligands } : {}),
  });
  if (f.generic.length) {
    throw new InputError(
      'mass-generic',
      `"${text}" contains the generic group${f.generic.length > 1 ? 's' : ''} ${f.generic.join(', ')}, whose composition is unknown, so it has no isotope pattern`,
      { hint: 'write the ligand out, e.g. PET or SC2H4Ph instead of SR, PPh3 instead of PR3' },
    );
  }
  return f;
}

/** The species whose envelope is computed: a salt's cluster ion by default, or the whole formula. */
export interface MassTarget {
  readonly composition: Composition;
  readonly charge: number;
  /** The ion's text (e.g. "[P2W18O62]6−"), or the formula as written. */
  readonly label: string;
  /** Why it differs from the formula as written (null when it does not). */
  readonly note: string | null;
}

/** Text of a formula part: the part's text already writes its count ("K6", "(TBA)3", "14H2O"). */
function partText(p: Formula['parts'][number]): string {
  return p.amountUnknown ? `${p.text} (amount unknown)` : p.text;
}

/**
 * The species to simulate for a formula. A salt or solvate (parts besides the main one: counter-
 * ions, ·nH2O) gives its cluster ion — the main part at its own charge — unless `whole` is set:
 * in ESI-MS salts dissociate and solvates are lost. `charge` (the user's) overrides the charge of
 * the cluster ion; for a formula without other parts it is the formula's charge as before.
 */
export function massTarget(
  text: string,
  options: { charge?: number; ligands?: readonly LigandEntry[]; whole?: boolean } = {},
): MassTarget {
  const plain = formulaForMass(text, undefined, options.ligands);
  const main = plain.parts.find((p) => p.kind === 'main');
  const others = plain.parts.filter((p) => p.kind !== 'main');
  if (others.length === 0 || !main || !main.composition) {
    const f = options.charge !== undefined ? formulaForMass(text, options.charge, options.ligands) : plain;
    return { composition: f.composition, charge: f.charge, label: f.text, note: null };
  }
  const listed = others.map(partText).join(', ');
  if (options.whole) {
    const f = options.charge !== undefined ? formulaForMass(text, options.charge, options.ligands) : plain;
    return {
      composition: f.composition,
      charge: f.charge,
      label: f.text,
      note: `--whole: the envelope of the whole formula, ${excerpt(listed, 80)} included (in ESI-MS the cluster ion ${excerpt(main.text.replace(/[+-]$/, ''), 80)} is usually what is seen)`,
    };
  }
  const mainCharge =
    options.charge ?? (main.charge !== null && main.charge !== 0 ? main.charge : plain.charge);
  const core = main.text.replace(/^\[(.*)\]\d*[+-]$/, '[$1]');
  const label =
    mainCharge !== 0 ? `${/^\[.*\]$/.test(core) ? core : `[${core}]`}${chargeText(mainCharge)}` : core;
  const composition: Record<string, number> = {};
  for (const [k, v] of Object.entries(main.composition)) composition[k] = v * main.multiplier;
  return {
    composition,
    charge: mainCharge,
    label,
    note:
      `${excerpt(text, 80)} is a salt or solvate: the envelope is that of its cluster ion ${excerpt(label, 80)} (${excerpt(listed, 80)} left out; ` +
      'in ESI-MS salts dissociate and solvates are lost); --whole gives the whole formula',
  };
}

/**
 * The largest fine-structure splitting a composition can show within one nucleon-number peak:
 * over every pair of isotopes present (expected count n·p ≥ 0.1 per formula, so rare ones such
 * as ²H in small molecules do not count), with per-nucleon shifts δ = (m − m_mono)/(A − A_mono),
 * the splitting of the first nucleon number both reach, lcm(ΔA₁, ΔA₂) · |δ₁ − δ₂| (Da). E.g.
 * ¹³C₂ vs ³⁴S: 2 × (1.003355 − 0.997898) = 0.0109 Da.
 */
export function fineSplittingDa(composition: Composition): { splittingDa: number; between: string } | null {
  const shifts: { label: string; dA: number; delta: number }[] = [];
  for (const a of resolveComposition(composition)) {
    a.massNumbers.forEach((A, i) => {
      const dA = A - a.monoisotopicMassNumber;
      if (dA === 0 || a.count * a.probabilities[i]! < 0.1) return;
      shifts.push({ label: `${A}${a.symbol}`, dA, delta: (a.massesDa[i]! - a.monoisotopicMassDa) / dA });
    });
  }
  const gcd = (x: number, y: number): number => (y === 0 ? Math.abs(x) : gcd(y, x % y));
  let best: { splittingDa: number; between: string } | null = null;
  for (let i = 0; i < shifts.length; i++) {
    for (let j = i + 1; j < shifts.length; j++) {
      const a = shifts[i]!;
      const b = shifts[j]!;
      const lcm = Math.abs(a.dA * b.dA) / gcd(a.dA, b.dA);
      const s = lcm * Math.abs(a.delta - b.delta);
      if (!best || s > best.splittingDa) {
        const na = lcm / Math.abs(a.dA);
        const nb = lcm / Math.abs(b.dA);
        best = {
          splittingDa: s,
          between: `${na > 1 ? `${na}×` : ''}${a.label} vs ${nb > 1 ? `${nb}×` : ''}${b.label}`,
        };
      }
    }
  }
  return best;
}

/** The isotope report of one ion (see EnvelopeReport for the definitions). */
export function isotopesReport(req: IsotopesRequest): {
  report: IsotopesReport;
  profile: Profile | null;
  /** The measured peaks (centroided when the file was a profile), when a spectrum was given. */
  measured: MeasuredPeak[] | null;
} {
  if (req.resolvingPower !== undefined) checkResolvingPower(req.resolvingPower);
  const target = massTarget(req.formula, {
    ...(req.charge !== undefined ? { charge: req.charge } : {}),
    ...(req.ligands ? { ligands: req.ligands } : {}),
    ...(req.whole ? { whole: true } : {}),
  });
  const notes: string[] = [];
  if (target.note) notes.push(target.note);
  // fine structure: asked for, or chosen because the resolving power resolves it
  let fine = req.fine === true;
  let fineR: number | null = null;
  const split = req.resolvingPower !== undefined ? fineSplittingDa(target.composition) : null;
  if (split && split.splittingDa > 0) {
    const massDa = Object.keys(target.composition).length ? approximateMassDa(target.composition) : 0;
    fineR = massDa / split.splittingDa;
    if (req.fine === undefined && req.resolvingPower! >= fineR) {
      const p = req.fineProbability ?? DEFAULT_FINE_PROBABILITY;
      const cap = req.maxConfigurations ?? DEFAULT_MAX_CONFIGURATIONS;
      const estimate = fineIsotopologueEstimate(resolveComposition(target.composition), p);
      if (estimate <= cap) {
        fine = true;
        notes.push(
          `at R = ${req.resolvingPower} the peak width is below the fine-structure splitting (${split.splittingDa.toFixed(4)} Da, ${split.between}; resolved from R ≈ ${Math.ceil(fineR)}): ` +
            `the peaks and profile are the fine structure (isotopologues, p ≥ ${p}), chosen automatically`,
        );
      } else {
        notes.push(
          `at R = ${req.resolvingPower} the fine structure would be resolved (splitting ${split.splittingDa.toFixed(4)} Da, ${split.between}), ` +
            `but it holds about ${estimate.toExponential(1)} isotopologues (over the ${cap.toLocaleString('en-US')} allowed): the profile uses the aggregated peaks`,
        );
      }
    }
  }
  const env = isotopeEnvelope(target.composition, {
    charge: target.charge,
    formula: target.label,
    fine,
    ...(req.fineProbability !== undefined ? { fineProbability: req.fineProbability } : {}),
    ...(req.maxConfigurations !== undefined ? { maxConfigurations: req.maxConfigurations } : {}),
    ...(req.minIntensityPercent !== undefined ? { minIntensityPercent: req.minIntensityPercent } : {}),
    ...(req.pruneThreshold !== undefined ? { pruneThreshold: req.pruneThreshold } : {}),
    ...(req.control ? { control: req.control } : {}),
  });
  let report: IsotopesReport = { ...env, composition: target.composition, notes };
  let measured: MeasuredPeak[] | null = null;
  if (req.measuredText !== undefined) {
    const c = compareMeasured(report, req);
    measured = c.peaks;
    report = { ...report, comparison: c.comparison };
  }
  if (req.resolvingPower === undefined) return { report, profile: null, measured };
  const R = req.resolvingPower;
  const sticks = env.peaks.map((p) => ({ mz: p.mz, intensity: p.intensity }));
  const profile = profileSpectrum(sticks, { resolvingPower: R });
  const centroids = centroidProfile(profile, sticks);
  let tallest: Centroid | null = null;
  for (const c of centroids) if (!tallest || c.height > tallest.height) tallest = c;
  const fwhmMz = env.mostAbundantMz / R;
  const spacing = env.spacingMz;
  const needed = spacing ? env.mostAbundantMz / spacing : null;
  const significant = centroids.filter((c) => c.height >= 1);
  // one definition for the headline and the notes: neighbouring nucleon-number peaks are
  // resolved when the FWHM is below their spacing (the FWHM definition of resolution) and no
  // significant profile maximum is a blend (fine mode: blends of isotopologues within one
  // nucleon number are expected, only the nucleon-number groups need to be apart)
  const groupsApart = spacing !== null && fwhmMz <= spacing;
  const resolved =
    spacing !== null &&
    (env.mode === 'fine' ? 1.2 * fwhmMz < spacing : groupsApart && significant.every((c) => c.resolved));
  const profileNotes: string[] = [];
  if (spacing !== null && fwhmMz > spacing) {
    profileNotes.push(
      `at R = ${R} the peak width (${fwhmMz.toFixed(4)}) exceeds the isotope spacing (${spacing.toFixed(4)}): ` +
        `neighbouring isotope peaks merge; profile maxima are blends, not isotope peaks (R ≳ ${Math.ceil(needed!)} separates them)`,
    );
  }
  const unresolved = significant.filter((c) => !c.resolved).length;
  if (unresolved > 0 && env.mode === 'aggregated') {
    profileNotes.push(
      `${unresolved} profile maxim${unresolved === 1 ? 'um contains' : 'a contain'} more than one peak (see contributingSticks); their centroids are blends`,
    );
  }
  if (tallest && Math.abs(tallest.apexMz - env.mostAbundantMz) > fwhmMz / 4) {
    profileNotes.push(
      `the tallest profile maximum (apex ${tallest.apexMz.toFixed(4)}) is not at the most abundant isotope peak (${env.mostAbundantMz.toFixed(4)})`,
    );
  }
  return {
    report: {
      ...report,
      profile: {
        resolvingPower: R,
        fwhmMz,
        centroids,
        tallestCentroidMz: tallest ? tallest.mz : null,
        tallestApexMz: tallest ? tallest.apexMz : null,
        isotopesResolved: resolved,
        resolvingPowerToResolve: needed,
        resolvingPowerForFineStructure: fineR,
        notes: profileNotes,
      },
    },
    profile,
    measured,
  };
}

/** Σ count × monoisotopic mass (Da): enough to place the fine-structure threshold. */
function approximateMassDa(c: Composition): number {
  let m = 0;
  for (const a of resolveComposition(c)) m += a.count * a.monoisotopicMassDa;
  return m;
}

function compareMeasured(
  report: IsotopesReport,
  req: IsotopesRequest,
): { comparison: MeasuredComparison; peaks: MeasuredPeak[] } {
  const name = req.measuredName ?? 'measured spectrum';
  const read = readPeakList(req.measuredText!, { inputName: name, ...(req.measuredOptions ?? {}) });
  const tol = req.tolerancePpm ?? 10;
  const ion: CandidateIon = {
    label: report.formula,
    template: report.formula,
    composition: report.composition,
    charge: report.charge,
    adducts: [],
    losses: [],
  };
  const a = assignSpectrum(read.peaks, [ion], { tolerancePpm: tol, maxResults: 1 });
  const best: CandidateScore | undefined = a.assignments[0];
  const notes = [...a.notes];
  if (!best) notes.push(`no simulated peak lies within ${tol} ppm (after calibration) of a measured peak`);
  const comparison: MeasuredComparison = {
    reading: read.reading,
    peakCount: read.peaks.length,
    score: best?.score ?? 0,
    contrastAngleDeg: best?.contrastAngleDeg ?? 90,
    ppmError: best?.ppmError ?? null,
    calibrationOffsetPpm: a.calibrationOffsetPpm,
    residualPpm: best?.residualPpm ?? null,
    matchedPeaks: best?.matchedPeaks ?? 0,
    simulatedPeaks: best?.theoreticalPeaks ?? 0,
    unexplainedPeaks: best?.unexplainedPeaks ?? 0,
    tolerancePpm: tol,
    chargeMatchesSpacing: best?.chargeMatchesSpacing ?? null,
    notes,
  };
  return { comparison, peaks: read.peaks };
}

/** Parse a charge list: "3", "-3", "1..10", "-10..-1", "-3,-2,2" (0 is rejected). */
export function parseCharges(text: string, what = '--charges'): number[] {
  const out: number[] = [];
  for (const raw of text.split(',')) {
    const item = raw.trim();
    const range = /^([-+]?\d+)\s*\.\.\s*([-+]?\d+)$/.exec(item);
    const single = /^[-+]?\d+$/.test(item);
    if (!range && !single) {
      throw new InputError('charges-syntax', `${what}: cannot read "${item}"`, {
        hint: 'write charges like 1..10, -10..-1 or -3,-2,2',
      });
    }
    const [a, b] = range ? [Number(range[1]), Number(range[2])] : [Number(item), Number(item)];
    for (let z = Math.min(a, b); z <= Math.max(a, b); z++) {
      if (z === 0) {
        throw new InputError('charges-zero', `${what}: charge 0 has no m/z`, {
          hint: 'a neutral molecule is not seen in a mass spectrum; use -10..-1 or 1..10',
        });
      }
      if (Math.abs(z) > 100) throw new InputError('charges-range', `${what}: |z| > 100 is not supported`);
      if (!out.includes(z)) out.push(z);
    }
  }
  return out;
}

export interface AssignRequest {
  readonly peaksText: string;
  /** Name of the peak list in error messages (its file name). */
  readonly peaksName?: string;
  /** How to read the peak list (columns, mzML scan, data type). */
  readonly readOptions?: MeasuredReadOptions;
  /** Candidate formulas; those that write a charge are tried at that charge only. */
  readonly candidates: readonly string[];
  /** Charges for candidates written without one. */
  readonly charges?: readonly number[];
  /** Adduct names (H, Na, K, Cs, NH4, -H) or counter-ion formulas (TBA, "Cs"). */
  readonly adducts?: readonly string[];
  readonly maxAdducts?: number;
  /** Ligands that may be lost (e.g. PPh3). */
  readonly losses?: readonly string[];
  readonly maxLoss?: number;
  readonly ligands?: readonly LigandEntry[];
  readonly tolerancePpm?: number;
  readonly searchPpm?: number;
  readonly calibrationPpm?: number;
  readonly minTheoreticalPercent?: number;
  readonly maxResults?: number;
}

export interface AssignWorkflowReport extends AssignmentReport {
  /** How the peak list was read. */
  readonly reading: PeakListReading;
}

/** Assign a measured spectrum (delimited text or mzML) against candidate formulas. */
export function assignReport(req: AssignRequest): { report: AssignWorkflowReport; peaks: MeasuredPeak[] } {
  if (req.calibrationPpm !== undefined && !Number.isFinite(req.calibrationPpm)) {
    throw new InputError(
      'assign-calibration',
      `the calibration offset must be a finite number of ppm, got ${req.calibrationPpm}`,
      {
        hint: 'e.g. --calibration 12.5 (measured − true, ppm); leave it out to estimate it from the data',
      },
    );
  }
  const { peaks, reading } = readPeakList(req.peaksText, {
    inputName: req.peaksName ?? 'peak list',
    ...(req.readOptions ?? {}),
  });
  const ligands = req.ligands;
  const saltNotes: string[] = [];
  const templates: CandidateTemplate[] = req.candidates.map((text) => {
    const t = massTarget(text, { ...(ligands ? { ligands } : {}) });
    if (t.note) {
      // a salt: its cluster ion at its own charge
      saltNotes.push(
        `${excerpt(text, 80)} is a salt or solvate: tried as its cluster ion ${excerpt(t.label, 80)} (in ESI-MS salts dissociate)`,
      );
      if (t.charge !== 0) {
        return {
          label: t.label.replace(/^(\[.*\])\d*[+−-]$/, '$1'),
          composition: t.composition,
          charges: [t.charge],
        };
      }
    }
    const f = formulaForMass(text, undefined, ligands);
    if (t.note && req.charges?.length) {
      return { label: t.label, composition: t.composition, charges: req.charges };
    }
    if (f.charge !== 0) {
      // the canonical text writes an ion as [..]n± : drop that charge, expandCandidates adds it back
      const m = /^\[(.*)\]\d*[+-]$/.exec(f.canonical);
      const label = m ? `[${m[1]}]` : f.canonical;
      return { label, composition: f.composition, charges: [f.charge] };
    }
    if (!req.charges || req.charges.length === 0) {
      throw new InputError(
        'assign-charges',
        `the candidate "${text}" has no charge, and no charges to try were given`,
        {
          hint: 'write the charge in the formula ("[Ag29(BDTA)12]3-"), or give --polarity negative|positive (with --max-charge), or --charges=-4..-1',
        },
      );
    }
    return { label: f.text, composition: f.composition, charges: req.charges };
  });
  const adducts: AdductUnit[] = (req.adducts ?? []).map((name) => {
    const builtin = builtinAdduct(name.replace(/\+$/, ''));
    if (builtin) return builtin;
    const f = formulaForMass(name, undefined, ligands);
    return { name, composition: f.composition, charge: f.charge };
  });
  const losses: LigandLoss[] = (req.losses ?? []).map((name) => {
    const f = formulaForMass(name, undefined, ligands);
    return { name, composition: f.composition, max: req.maxLoss ?? 4 };
  });
  const ions = expandCandidates(templates, {
    adducts,
    ...(req.maxAdducts !== undefined ? { maxAdducts: req.maxAdducts } : {}),
    losses,
  });
  const report = assignSpectrum(peaks, ions, {
    ...(req.tolerancePpm !== undefined ? { tolerancePpm: req.tolerancePpm } : {}),
    ...(req.searchPpm !== undefined ? { searchPpm: req.searchPpm } : {}),
    ...(req.calibrationPpm !== undefined ? { calibrationPpm: req.calibrationPpm } : {}),
    ...(req.minTheoreticalPercent !== undefined ? { minTheoreticalPercent: req.minTheoreticalPercent } : {}),
    ...(req.maxResults !== undefined ? { maxResults: req.maxResults } : {}),
  });
  return { report: { ...report, notes: [...saltNotes, ...report.notes], reading }, peaks };
}
