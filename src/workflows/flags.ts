/**
 * The one mapping from the CLI's option names (`--max-charge`, `--min-intensity`, …, as parsed
 * by cli/args.ts: kebab-case keys, defaults filled in) to the workflows, shared by the command
 * files and `superatom serve`'s JSON API (whose bodies use the same names). Inputs that the CLI
 * reads from files (formula ligand tables, peak lists, structure files) come in as text or data,
 * so this file stays pure (no file system) and the page may use it too.
 */
import { InputError } from '../core/errors.js';
import type { LigandEntry } from '../data/ligands.js';
import { cifNotes, parseCif } from '../io/cif.js';
import { detectFormat, formatByName, readStructures } from '../io/registry.js';
import type { Structure } from '../structure/structure.js';
import { type AnalysisReport, analyzeStructure } from './analyze.js';
import { type CountReport, countFormula } from './count.js';
import { type FormulaReport, formulaReport } from './formula.js';
import { assignReport, isotopesReport, type MeasuredReadOptions, parseCharges } from './spectrum.js';

/** Parsed option values by flag name (without the leading `--`). */
export type FlagValues = Readonly<
  Record<string, string | number | boolean | readonly (string | number)[] | undefined>
>;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const numb = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** `superatom formula`: `--charge`. */
export function formulaFromFlags(
  text: string,
  o: FlagValues,
  ligands: readonly LigandEntry[] = [],
): FormulaReport {
  const charge = numb(o.charge);
  return formulaReport(text, { ...(charge !== undefined ? { charge } : {}), ligands: [...ligands] });
}

/** `superatom count`: `--rule --model --hydride --fragments --shared --pi --charge --parts`. */
export function countFromFlags(
  text: string,
  o: FlagValues,
  ligands: readonly LigandEntry[] = [],
): CountReport {
  return countFormula(text, {
    ...(str(o.rule) !== undefined ? { rule: str(o.rule)! } : {}),
    ...(str(o.model) !== undefined ? { model: str(o.model)! } : {}),
    ...(str(o.hydride) !== undefined ? { hydride: str(o.hydride)! } : {}),
    ...(o.fragments !== undefined ? { fragments: String(o.fragments) } : {}),
    ...(o.shared !== undefined ? { shared: String(o.shared) } : {}),
    ...(numb(o.pi) !== undefined ? { pi: numb(o.pi)! } : {}),
    ...(numb(o.charge) !== undefined ? { charge: numb(o.charge)! } : {}),
    ...(numb(o.parts) !== undefined ? { parts: numb(o.parts)! } : {}),
    ligands: [...ligands],
  });
}

/** A measured spectrum given as text (the CLI reads it from the file named by `--measured`). */
export interface MeasuredText {
  readonly text: string;
  /** Its name in messages (and for the format: .mzML). */
  readonly name: string;
}

/**
 * `superatom isotopes`: `--charge --fine --whole --probability --max-configurations
 * --min-intensity --prune --resolution --tolerance` and the read options (`--mz-column`…).
 */
export function isotopesFromFlags(
  text: string,
  o: FlagValues,
  ligands: readonly LigandEntry[] = [],
  measured?: MeasuredText,
): ReturnType<typeof isotopesReport> {
  if (o.top !== undefined && !((o.top as number) >= 1)) {
    throw new InputError('cli-args', `--top must be at least 1, got ${o.top}`, {
      hint: 'leave --top out to list every peak',
    });
  }
  const charge = numb(o.charge);
  const resolution = numb(o.resolution);
  return isotopesReport({
    formula: text,
    ...(charge !== undefined ? { charge } : {}),
    ligands,
    ...(o.fine ? { fine: true } : {}),
    ...(o.whole ? { whole: true } : {}),
    ...(numb(o.probability) !== undefined ? { fineProbability: numb(o.probability)! } : {}),
    ...(numb(o['max-configurations']) !== undefined
      ? { maxConfigurations: numb(o['max-configurations'])! }
      : {}),
    ...(numb(o['min-intensity']) !== undefined ? { minIntensityPercent: numb(o['min-intensity'])! } : {}),
    ...(numb(o.prune) !== undefined ? { pruneThreshold: numb(o.prune)! } : {}),
    ...(resolution !== undefined ? { resolvingPower: resolution } : {}),
    ...(measured !== undefined
      ? {
          measuredText: measured.text,
          measuredName: measured.name,
          measuredOptions: readOptionsFrom(o),
          ...(numb(o.tolerance) !== undefined ? { tolerancePpm: numb(o.tolerance)! } : {}),
        }
      : {}),
  });
}

/** How a measured spectrum is read: `--mz-column --intensity-column --scan --data-type` (validated). */
export function readOptionsFrom(o: FlagValues): MeasuredReadOptions {
  const column = (v: unknown) => (typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v);
  let scan: MeasuredReadOptions['scan'];
  if (typeof o.scan === 'string') {
    const t = o.scan.trim().toLowerCase();
    if (t === 'sum' || t === 'first') scan = t;
    else if (/^\d+$/.test(t) && Number(t) >= 1 && Number(t) <= 2 ** 31) scan = Number(t);
    else {
      throw new InputError(
        'cli-args',
        `--scan must be a scan number (≥ 1), "first" or "sum", got "${o.scan.slice(0, 40)}"`,
        {
          hint: 'e.g. --scan 12, or --scan sum to add every MS1 scan',
        },
      );
    }
  }
  return {
    ...(typeof o['mz-column'] === 'string' ? { mzColumn: column(o['mz-column']) as string | number } : {}),
    ...(typeof o['intensity-column'] === 'string'
      ? { intensityColumn: column(o['intensity-column']) as string | number }
      : {}),
    ...(scan !== undefined ? { scan } : {}),
    ...(typeof o['data-type'] === 'string'
      ? { dataType: o['data-type'] as 'auto' | 'profile' | 'centroid' }
      : {}),
  };
}

/** `--charges a..b` or `--polarity` with `--max-charge`: the charges to try. */
export function chargesOption(
  charges: unknown,
  polarity: unknown,
  maxCharge: unknown,
): { charges?: number[] } {
  if (typeof charges === 'string') {
    if (typeof polarity === 'string') {
      throw new InputError('cli-args', 'give either --charges or --polarity, not both');
    }
    return { charges: parseCharges(charges) };
  }
  if (typeof polarity !== 'string') return {};
  const max = typeof maxCharge === 'number' ? maxCharge : Number.NaN;
  if (!(max >= 1 && max <= 100)) {
    throw new InputError('cli-args', `--max-charge must be between 1 and 100, got ${maxCharge}`);
  }
  const sign = polarity === 'negative' ? -1 : 1;
  return { charges: Array.from({ length: max }, (_, i) => sign * (i + 1)) };
}

/** A repeatable, comma-separable list option (`--adducts Cs,Na --adducts K`). */
export function listOption(v: unknown): string[] {
  const items = Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : [];
  return items
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * `superatom assign`: `--candidate` (repeatable) `--polarity --max-charge --charges --adducts
 * --max-adducts --loss --max-loss --tolerance --search --calibration --top` and the read options.
 */
export function assignFromFlags(
  peaksText: string,
  peaksName: string,
  o: FlagValues,
  ligands: readonly LigandEntry[] = [],
): ReturnType<typeof assignReport> {
  const raw = o.candidate;
  const candidates = (Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? [raw] : []).filter(
    (c) => c.trim(),
  );
  if (candidates.length === 0) {
    throw new InputError('cli-args', 'give at least one --candidate formula', {
      hint: 'e.g. --candidate "[Ag29(BDTA)12]3-" or --candidate "Au25(PET)18" --charges -3..-1',
    });
  }
  return assignReport({
    peaksText,
    peaksName,
    readOptions: readOptionsFrom(o),
    candidates,
    ...chargesOption(o.charges, o.polarity, o['max-charge']),
    adducts: listOption(o.adducts),
    ...(numb(o['max-adducts']) !== undefined ? { maxAdducts: numb(o['max-adducts'])! } : {}),
    losses: listOption(o.loss),
    ...(numb(o['max-loss']) !== undefined ? { maxLoss: numb(o['max-loss'])! } : {}),
    ligands,
    ...(numb(o.tolerance) !== undefined ? { tolerancePpm: numb(o.tolerance)! } : {}),
    ...(numb(o.search) !== undefined ? { searchPpm: numb(o.search)! } : {}),
    ...(o.calibration !== undefined ? { calibrationPpm: o.calibration as number } : {}),
    ...(numb(o.top) !== undefined ? { maxResults: numb(o.top)! } : {}),
  });
}

/**
 * `superatom analyze`: read a structure file's text (format from `format`, else sniffed from the
 * text and name), pick `--frame`, and analyse it with `--elements --kernel --tolerance --species`.
 */
export function analyzeFromText(
  text: string,
  name: string,
  o: FlagValues,
  format?: string,
): { report: AnalysisReport; structure: Structure } {
  let formatName: string;
  if (format !== undefined) {
    const f = formatByName(format);
    if (!f) {
      throw new InputError('analyze-format', `unknown structure format "${format.slice(0, 40)}"`, {
        hint: 'use xyz, extxyz, pdb, cif, poscar, mol (or leave it out to detect it)',
      });
    }
    formatName = f.name;
  } else formatName = detectFormat(text, name).name;
  // a CIF is read here rather than through the registry to keep the reader's report
  const cif = formatName === 'cif' ? parseCif(text, name) : undefined;
  const frames = cif ? [cif.structure] : readStructures(text, name, formatName);
  const k = numb(o.frame) ?? 1;
  const s = frames[k - 1];
  if (!s)
    throw new InputError('cli-frame', `--frame ${k} is out of range: the file has ${frames.length} frame(s)`);
  const elText = str(o.elements);
  const el = elText
    ?.split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  if (el?.length === 0) {
    throw new InputError('cli-elements', `--elements needs element symbols, got "${elText}"`, {
      hint: 'e.g. --elements Au,S (or leave --elements out to use every atom)',
    });
  }
  const report = analyzeStructure(s, {
    ...(el ? { elements: el } : {}),
    ...(o.kernel ? { kernel: true } : {}),
    ...(numb(o.tolerance) !== undefined ? { tolerance: numb(o.tolerance)! } : {}),
    ...(cif ? { readerWarnings: cifNotes(cif.report) } : {}),
    ...(numb(o.species) !== undefined ? { species: numb(o.species)! } : {}),
  });
  return { report, structure: s };
}
