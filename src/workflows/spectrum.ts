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
import { InputError } from '../core/errors.js';
import type { RunControl } from '../core/progress.js';
import type { LigandEntry } from '../data/ligands.js';
import {
  ADDUCTS,
  type AdductUnit,
  type AssignmentReport,
  assignSpectrum,
  type CandidateTemplate,
  expandCandidates,
  type LigandLoss,
} from '../mass/assign.js';
import { type EnvelopeReport, isotopeEnvelope } from '../mass/envelope.js';
import { type MeasuredPeak, parsePeakList } from '../mass/peaklist.js';
import { type Centroid, centroidProfile, type Profile, profileSpectrum } from '../mass/profile.js';

export interface IsotopesRequest {
  readonly formula: string;
  /** Charge when the formula does not write it. */
  readonly charge?: number;
  readonly ligands?: readonly LigandEntry[];
  readonly fine?: boolean;
  readonly fineProbability?: number;
  readonly maxConfigurations?: number;
  readonly minIntensityPercent?: number;
  readonly pruneThreshold?: number;
  /** Resolving power for a profile spectrum with centroids. */
  readonly resolvingPower?: number;
  readonly control?: RunControl;
}

export interface ProfileSummary {
  readonly resolvingPower: number;
  /** FWHM at the most-abundant m/z, m/z units. */
  readonly fwhmMz: number;
  /** Centroids of the profile maxima (heights in percent of the tallest profile point). */
  readonly centroids: readonly Centroid[];
  /** m/z of the tallest profile maximum (may differ from the tallest stick when peaks merge). */
  readonly tallestCentroidMz: number | null;
  /** Whether neighbouring isotope peaks are separated at this resolving power. */
  readonly isotopesResolved: boolean;
  /** Resolving power at which neighbouring aggregated peaks become separated (m/z / spacing). */
  readonly resolvingPowerToResolve: number | null;
  readonly notes: readonly string[];
}

export interface IsotopesReport extends EnvelopeReport {
  /** Neutral composition of the ion (element or isotope label → count). */
  readonly composition: Composition;
  /** Present when a resolving power was given. */
  readonly profile?: ProfileSummary;
  /** Remarks on the formula (salts, hydrates) a chemist should read. */
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

/** The isotope report of one ion (see EnvelopeReport for the definitions). */
export function isotopesReport(req: IsotopesRequest): { report: IsotopesReport; profile: Profile | null } {
  const f = formulaForMass(req.formula, req.charge, req.ligands);
  const env = isotopeEnvelope(f.composition, {
    charge: f.charge,
    formula: f.text,
    ...(req.fine !== undefined ? { fine: req.fine } : {}),
    ...(req.fineProbability !== undefined ? { fineProbability: req.fineProbability } : {}),
    ...(req.maxConfigurations !== undefined ? { maxConfigurations: req.maxConfigurations } : {}),
    ...(req.minIntensityPercent !== undefined ? { minIntensityPercent: req.minIntensityPercent } : {}),
    ...(req.pruneThreshold !== undefined ? { pruneThreshold: req.pruneThreshold } : {}),
    ...(req.control ? { control: req.control } : {}),
  });
  const notes: string[] = [];
  const others = f.parts.filter((p) => p.kind !== 'main');
  if (others.length) {
    const main = f.parts.find((p) => p.kind === 'main');
    notes.push(
      `the formula includes ${others.map((p) => `${p.multiplier > 1 ? `${p.multiplier}×` : ''}${p.text}`).join(', ')} besides the cluster ion; ` +
        `in ESI-MS salts dissociate and solvates are lost, so the ion usually seen is the main part alone${main ? ` (${main.text}, charge ${main.charge ?? 'unknown'})` : ''}`,
    );
  }
  const report: IsotopesReport = { ...env, composition: f.composition, notes };
  if (req.resolvingPower === undefined) return { report, profile: null };
  const sticks = env.peaks.map((p) => ({ mz: p.mz, intensity: p.intensity }));
  const profile = profileSpectrum(sticks, { resolvingPower: req.resolvingPower });
  const centroids = centroidProfile(profile, sticks);
  let tallest: Centroid | null = null;
  for (const c of centroids) if (!tallest || c.height > tallest.height) tallest = c;
  const fwhmMz = env.mostAbundantMz / req.resolvingPower;
  const spacing = env.spacingMz;
  const needed = spacing ? env.mostAbundantMz / spacing : null;
  const resolved =
    spacing !== null &&
    (env.mode === 'fine'
      ? 1.2 * fwhmMz < spacing // fine structure: nucleon-number groups separated (sub-peaks may blend)
      : centroids.filter((c) => c.height >= 1).every((c) => c.resolved));
  const profileNotes: string[] = [];
  if (env.mode === 'aggregated' && spacing !== null && fwhmMz > spacing) {
    profileNotes.push(
      `at R = ${req.resolvingPower} the peak width (${fwhmMz.toFixed(4)}) exceeds the isotope spacing (${spacing.toFixed(4)}): ` +
        `neighbouring isotope peaks merge; profile maxima are blends, not isotope peaks (R ≳ ${Math.ceil(needed!)} separates them)`,
    );
  }
  const unresolved = centroids.filter((c) => !c.resolved && c.height >= 1).length;
  if (unresolved > 0) {
    profileNotes.push(
      `${unresolved} profile maxim${unresolved === 1 ? 'um contains' : 'a contain'} more than one peak (see contributingSticks); their centroids are blends`,
    );
  }
  if (tallest && Math.abs(tallest.mz - env.mostAbundantMz) > fwhmMz / 4) {
    profileNotes.push(
      `the tallest profile maximum (${tallest.mz.toFixed(4)}) is not at the most abundant isotope peak (${env.mostAbundantMz.toFixed(4)})`,
    );
  }
  return {
    report: {
      ...report,
      profile: {
        resolvingPower: req.resolvingPower,
        fwhmMz,
        centroids,
        tallestCentroidMz: tallest ? tallest.mz : null,
        isotopesResolved: resolved,
        resolvingPowerToResolve: needed,
        notes: profileNotes,
      },
    },
    profile,
  };
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

/** Assign a measured peak list (CSV/TSV text) against candidate formulas. */
export function assignReport(req: AssignRequest): { report: AssignmentReport; peaks: MeasuredPeak[] } {
  const peaks = parsePeakList(req.peaksText, req.peaksName ?? 'peak list');
  const ligands = req.ligands;
  const templates: CandidateTemplate[] = req.candidates.map((text) => {
    const f = formulaForMass(text, undefined, ligands);
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
    const builtin = ADDUCTS[name.replace(/\+$/, '')];
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
  return { report, peaks };
}
