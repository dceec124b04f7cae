/**
 * `superatom assign peaks.csv --candidate "<formula>" …`: which candidate ions explain a
 * measured ESI-MS peak list, with the charge from the isotope spacing and the calibration offset.
 */
import { InputError } from '../../core/errors.js';
import type { AssignmentReport } from '../../mass/assign.js';
import { isotopeEnvelope } from '../../mass/envelope.js';
import type { MeasuredPeak, PeakListReading } from '../../mass/peaklist.js';
import { type SpectrumPlot, stackedSpectraSvg } from '../../mass/svg.js';
import { writeTextFile } from '../../node/files.js';
import { readTextFile } from '../../node/read.js';
import { assignFromFlags } from '../../workflows/flags.js';
import type { AssignWorkflowReport } from '../../workflows/spectrum.js';
import type { OptionSpecs } from '../args.js';
import type { Command } from '../command.js';
import { json } from '../format.js';
import { loadLigands } from './formula.js';

/** Fixed decimals without "−0.0"; '—' for null. */
const f = (x: number | null, d: number, plus = false) => {
  if (x === null) return '—';
  const v = Math.abs(x) < 0.5 * 10 ** -d ? 0 : x;
  return `${plus && v >= 0 ? '+' : ''}${v.toFixed(d)}`;
};

/** Options that say how a measured spectrum file is read (shared by assign and isotopes). */
export const READ_OPTIONS: OptionSpecs = {
  'mz-column': {
    type: 'string',
    valueName: 'n|name',
    description: 'delimited text: the m/z column, by number (1 = first) or header name',
  },
  'intensity-column': {
    type: 'string',
    valueName: 'n|name',
    description: 'delimited text: the intensity column, by number or header name',
  },
  scan: {
    type: 'string',
    valueName: 'N|sum',
    description:
      'mzML: the scan number to read (default: the first MS1 scan), or "sum" to add every MS1 scan',
  },
  'data-type': {
    type: 'string',
    valueName: 'kind',
    choices: ['auto', 'profile', 'centroid'],
    description:
      'profile data are centroided (auto: from the file, else detected from the sampling); force either',
  },
};

export { readOptionsFrom } from '../../workflows/flags.js';

/** "read: …" lines saying how a measured spectrum was read. */
export function readingLines(r: PeakListReading, source: string): string[] {
  const head = `${source} as ${r.format === 'mzML' ? 'mzML' : 'delimited text'}, ${r.points} point${r.points === 1 ? '' : 's'}, ${r.dataType} data`;
  return [head, ...r.notes].map((x) => `read: ${x}`);
}

export function renderAssignment(r: AssignmentReport | AssignWorkflowReport, source: string): string {
  const out: string[] = [];
  out.push(`peaks read          ${r.peakCount} (${source})`);
  if ('reading' in r) for (const line of readingLines(r.reading, source)) out.push(line);
  out.push(
    `calibration offset  ${r.calibrationOffsetPpm === null ? 'not determined' : `${f(r.calibrationOffsetPpm, 2, true)} ppm (measured − theoretical)`}${r.calibrationFrom.length ? `, from ${r.calibrationFrom.join('; ')}` : ''}`,
  );
  out.push(`candidates          ${r.candidatesTried} ions tried, ${r.candidatesScored} near a measured peak`);
  out.push('');
  out.push('isotope envelopes in the data (charge from the peak spacing):');
  if (r.envelopes.length === 0) out.push('  none (no run of ≥ 2 peaks spaced 1/z apart)');
  for (const e of r.envelopes) {
    const who = e.best
      ? `${e.best} (score ${e.bestScore!.toFixed(3)}${e.runnerUp ? `; next ${e.runnerUp} ${e.runnerUpScore!.toFixed(3)}` : ''})`
      : 'unassigned';
    out.push(
      `  m/z ${e.mostIntenseMz.toFixed(4).padStart(11)}  |z| = ${String(e.charge).padStart(2)}  spacing ${e.spacingMz.toFixed(4)}  ${String(e.peakIndices.length).padStart(3)} peaks  → ${who}`,
    );
  }
  out.push('');
  out.push(
    'ranked candidates (score = (1 − 2θ/π) · exp(−½ (residual/tolerance)²), θ the spectral contrast angle):',
  );
  out.push(
    `  ${'#'.padStart(2)}  ${'score'.padStart(6)}  ${'θ (°)'.padStart(6)}  ${'ppm'.padStart(7)}  ${'resid.'.padStart(7)}  ${'matched'.padStart(7)}  ${'most abund. m/z'.padStart(15)}  z/spacing  ion`,
  );
  r.assignments.forEach((a, i) => {
    const zs =
      a.chargeMatchesSpacing === null ? '   —     ' : a.chargeMatchesSpacing ? '   ok    ' : 'MISMATCH ';
    out.push(
      `  ${String(i + 1).padStart(2)}  ${a.score.toFixed(3).padStart(6)}  ${a.contrastAngleDeg.toFixed(1).padStart(6)}  ${f(a.ppmError, 1, true).padStart(7)}  ${f(a.residualPpm, 1, true).padStart(7)}  ${`${a.matchedPeaks}/${a.theoreticalPeaks}`.padStart(7)}  ${a.mostAbundantMz.toFixed(4).padStart(15)}  ${zs}  ${a.label}`,
    );
  });
  if (r.assignments.length === 0) out.push('  none: no candidate has a theoretical peak near a measured one');
  for (const n of r.notes) out.push(`note: ${n}`);
  return `${out.join('\n')}\n`;
}

/** Ranked candidates as CSV (labels quoted). */
export function assignmentCsv(r: AssignmentReport): string {
  const head =
    'rank,ion,charge,score,contrast_angle_deg,ppm_error,residual_ppm,matched_peaks,theoretical_peaks,most_abundant_mz,charge_matches_spacing,calibration_offset_ppm';
  const q = (x: string) => `"${x.replace(/"/g, '""')}"`;
  const rows = r.assignments.map((a, i) =>
    [
      i + 1,
      q(a.label),
      a.charge,
      a.score,
      a.contrastAngleDeg,
      a.ppmError ?? '',
      a.residualPpm ?? '',
      a.matchedPeaks,
      a.theoreticalPeaks,
      a.mostAbundantMz,
      a.chargeMatchesSpacing ?? '',
      r.calibrationOffsetPpm ?? '',
    ].join(','),
  );
  return `${[head, ...rows].join('\n')}\n`;
}

export const assignCommand: Command = {
  name: 'assign',
  summary: 'assign a measured ESI-MS peak list to candidate ions (charge, adducts, ligand loss, calibration)',
  usage:
    'superatom assign peaks.csv --candidate "<formula>" [--candidate …] [--polarity negative|positive | --charges=-4..-1] [--adducts Cs,Na] [--loss PPh3] [--json] [--svg out.svg]',
  options: {
    candidate: {
      type: 'string',
      valueName: 'formula',
      repeatable: true,
      description: 'candidate formula; one written with a charge is tried at that charge only',
    },
    polarity: {
      type: 'string',
      valueName: 'mode',
      choices: ['negative', 'positive'],
      description: 'ion mode: candidates written without a charge are tried at ∓1 … ∓--max-charge',
    },
    'max-charge': {
      type: 'integer',
      valueName: 'n',
      description: 'largest |z| tried with --polarity',
      default: 10,
    },
    charges: {
      type: 'string',
      valueName: 'list',
      description: 'explicit charges instead of --polarity: --charges=-4..-1, --charges=1,2 (0 is refused)',
    },
    adducts: {
      type: 'string',
      valueName: 'list',
      repeatable: true,
      description:
        'adducts to try: H, Na, K, Cs, NH4, -H (deprotonation) or counter-ion formulas such as TBA',
    },
    'max-adducts': {
      type: 'integer',
      valueName: 'n',
      description: 'at most n adduct units per ion',
      default: 2,
    },
    loss: {
      type: 'string',
      valueName: 'ligand',
      repeatable: true,
      description: 'ligand that may be lost (e.g. PPh3), 0…--max-loss times',
    },
    'max-loss': {
      type: 'integer',
      valueName: 'n',
      description: 'largest number of each ligand lost',
      default: 4,
    },
    tolerance: {
      type: 'number',
      valueName: 'ppm',
      description: 'matching tolerance after calibration',
      default: 10,
    },
    search: {
      type: 'number',
      valueName: 'ppm',
      description: 'first-pass window; must exceed the calibration error',
      default: 50,
    },
    calibration: {
      type: 'number',
      valueName: 'ppm',
      description: 'known calibration offset (skips its estimation)',
    },
    top: {
      type: 'integer',
      valueName: 'n',
      description: 'how many ranked candidates to report',
      default: 10,
    },
    json: { type: 'boolean', description: 'print the report as JSON' },
    csv: { type: 'boolean', description: 'print the ranked candidates as CSV' },
    svg: {
      type: 'string',
      valueName: 'file.svg',
      description: 'plot the measured peaks with the assigned envelopes',
    },
    ligands: {
      type: 'string',
      valueName: 'file.json',
      description: 'extra ligand abbreviations (JSON array of {name, formula, charge, role, withdraws})',
    },
    ...READ_OPTIONS,
  },
  help: [
    'Input: a measured spectrum as instruments export it — delimited text (comma, tab, semicolon or',
    'spaces; decimal commas; a header or not, preamble lines, a leading index column; columns chosen',
    'by name or by position, or with --mz-column/--intensity-column) or mzML (first MS1 scan, --scan N,',
    '--scan sum). Profile data are detected and centroided (noise: median absolute deviation of the',
    'baseline). The report says how the file was read ("read:" lines; JSON "reading"). A salt candidate',
    '("[Cu25H22(PPh3)12]Cl") is tried as its cluster ion. Errors name the line and column.',
    '',
    'Method:',
    '  1. isotope envelopes are found in the data and their charge |z| from the peak spacing (1/|z|);',
    '  2. every candidate × charge × adduct combination (total ≤ --max-adducts) × ligand loss gets its',
    '     aggregated isotope envelope, matched peak by peak over the whole envelope;',
    '  3. the calibration offset is the weighted mean m/z error of the best match of every envelope;',
    '  4. score = (1 − 2θ/π) · exp(−½ (residual ppm / tolerance)²), θ the spectral contrast angle between',
    '     theoretical and measured intensities (measured peaks the candidate does not explain count).',
    'The sign of the charge cannot be read from m/z (an ion and its opposite-charge twin differ by',
    '2|z| electron masses, ~0.1 ppm): give the ion mode with --polarity, or exact charges with',
    '--charges=… (write it with "=" when the list starts with a minus sign).',
    '',
    'Examples:',
    '  superatom assign peaks.csv --candidate "[Ag29(BDTA)12(PPh3)4]" --polarity negative --max-charge 4 --loss PPh3',
    '  superatom assign peaks.tsv --candidate "Au25(PET)18" --candidate "Au38(PET)24" --charges=1..3 --adducts Cs,Na --json',
  ].join('\n'),
  run(args, io) {
    const file = args.positionals[0];
    if (file === undefined || args.positionals.length > 1) {
      throw new InputError(
        'cli-args',
        file === undefined ? 'give the peak-list file' : 'give exactly one peak-list file',
        {
          hint: 'superatom assign peaks.csv --candidate "[Ag29(BDTA)12]3-"',
        },
      );
    }
    const o = args.options;
    const raw = o.candidate;
    if (!(Array.isArray(raw) ? raw : []).some((c) => String(c).trim())) {
      throw new InputError('cli-args', 'give at least one --candidate formula', {
        hint: 'e.g. --candidate "[Ag29(BDTA)12]3-" or --candidate "Au25(PET)18" --charges -3..-1',
      });
    }
    const text = readTextFile(file, io.cwd, 'peak list');
    const { report, peaks } = assignFromFlags(text, file, o, loadLigands(args, io));
    if (typeof o.svg === 'string') writeTextFile(o.svg, assignmentSvg(report, peaks), io.cwd, '--svg');
    if (o.json && o.csv) throw new InputError('cli-args', 'choose one of --json and --csv');
    io.record?.(report);
    io.stdout(o.json ? json(report) : o.csv ? assignmentCsv(report) : renderAssignment(report, file));
    return 0;
  },
};

/** One panel per measured envelope: its peaks (grey) and its best candidate's envelope (blue). */
function assignmentSvg(r: AssignmentReport, peaks: readonly MeasuredPeak[]): string {
  const sorted = [...peaks].sort((a, b) => a.mz - b.mz);
  const k = 1 + (r.calibrationOffsetPpm ?? 0) * 1e-6;
  const panels: SpectrumPlot[] = [];
  for (const e of r.envelopes) {
    const a = r.assignments.find((x) => x.label === e.best);
    const pad = 1.5 / e.charge;
    const lo = e.mzMin - pad;
    const hi = e.mzMax + pad;
    const sticks = a
      ? isotopeEnvelope(a.composition, { charge: a.charge, minIntensityPercent: 0.5 }).peaks.map((p) => ({
          mz: p.mz * k,
          intensity: p.intensity,
        }))
      : [];
    panels.push({
      title: `m/z ${e.mostIntenseMz.toFixed(3)}, |z| = ${e.charge} from spacing: ${a ? `${a.label}, θ = ${a.contrastAngleDeg.toFixed(1)}°, ${a.residualPpm === null ? '' : `${f(a.residualPpm, 1, true)} ppm after calibration`}` : 'unassigned'}`,
      sticks,
      measured: sorted.filter((p) => p.mz >= lo && p.mz <= hi),
      mzMin: lo,
      mzMax: hi,
      height: 280,
    });
  }
  if (panels.length === 0) {
    panels.push({ title: 'measured peaks (no isotope envelope found)', measured: sorted, height: 320 });
  }
  const offset = r.calibrationOffsetPpm === null ? 'unknown' : `${r.calibrationOffsetPpm.toFixed(2)} ppm`;
  return stackedSpectraSvg(
    panels,
    `measured peaks (grey) and assigned envelopes (blue); calibration offset ${offset}`,
  );
}
