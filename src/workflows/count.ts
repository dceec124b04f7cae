/**
 * `countFormula`: parse a formula and run one counting rule or all of them (`auto`). Pure
 * orchestration shared by the CLI and the web workbench; returns the JSON report
 * `{ formula, charge, results: [...] }` plus which rule is primary.
 */
import { parseFormula } from '../chem/index.js';
import { InputError } from '../core/errors.js';
import {
  type CountOptions,
  type CountResult,
  countAuto,
  countWith,
  type HydrideRole,
  MAX_PARTS,
  parseJemmisDescription,
  type RuleId,
  ruleById,
  SHELL_MODEL_IDS,
  type ShellModelId,
} from '../count/index.js';
import type { LigandEntry } from '../data/ligands.js';

export interface CountRequest {
  /** `auto` (default) or a rule id. */
  readonly rule?: string;
  readonly model?: string;
  readonly hydride?: string;
  /** Jemmis fragments, e.g. `closo:12,closo:12`. */
  readonly fragments?: string;
  /** Atoms shared per condensation, e.g. `4` or `2,1`. */
  readonly shared?: string;
  /** π electrons given by the user (all-metal rings, unusual cages). */
  readonly pi?: number;
  /** Charge given separately (as `parseFormula`'s option). */
  readonly charge?: number;
  /** Superatomic units (`--parts`): 1 = one spherical superatom, 2–6 = a superatomic molecule. */
  readonly parts?: number;
  /** Extra ligand abbreviations (`--ligands file.json`), as `formula` takes them. */
  readonly ligands?: readonly LigandEntry[];
}

export interface CountReport {
  /** The formula as given. */
  readonly formula: string;
  readonly canonical: string;
  /** Charge of the counted cluster ion. */
  readonly charge: number;
  /** Charge of the whole formula (differs for salts). */
  readonly totalCharge: number;
  readonly rule: 'auto' | RuleId;
  readonly model: ShellModelId;
  readonly primary: RuleId | null;
  readonly primaryWhy: string;
  readonly results: readonly CountResult[];
  /** Under auto: the rules that do not apply and why. */
  readonly skipped: readonly { readonly rule: RuleId; readonly reason: string }[];
}

const HYDRIDE: readonly HydrideRole[] = ['auto', 'donor', 'withdrawing'];

export function countOptionsFrom(req: CountRequest): CountOptions {
  const model = (req.model ?? 'jellium') as ShellModelId;
  if (!SHELL_MODEL_IDS.includes(model)) {
    throw new InputError('count-model', `unknown shell model "${req.model}"`, {
      hint: `models are: ${SHELL_MODEL_IDS.join(', ')}`,
    });
  }
  const hydride = (req.hydride ?? 'auto') as HydrideRole;
  if (!HYDRIDE.includes(hydride)) {
    throw new InputError(
      'count-hydride',
      `--hydride must be auto, donor or withdrawing; got "${req.hydride}"`,
    );
  }
  if (req.pi !== undefined && (!Number.isInteger(req.pi) || req.pi < 0 || req.pi > 1000)) {
    throw new InputError('count-pi', `--pi must be a whole number of π electrons 0–1000, got ${req.pi}`);
  }
  if (req.parts !== undefined && (!Number.isInteger(req.parts) || req.parts < 1 || req.parts > MAX_PARTS)) {
    throw new InputError(
      'count-parts',
      `--parts must be a whole number of superatomic units 1–${MAX_PARTS}, got ${req.parts}`,
      { hint: 'e.g. --parts 2 for a bi-icosahedral superatomic molecule, --parts 1 for one superatom' },
    );
  }
  if (req.shared !== undefined && req.fragments === undefined) {
    throw new InputError('count-shared', '--shared needs --fragments', {
      hint: 'e.g. --fragments closo:12,closo:12 --shared 4',
    });
  }
  return {
    model,
    hydride,
    ...(req.fragments !== undefined ? { fragments: parseJemmisDescription(req.fragments, req.shared) } : {}),
    ...(req.pi !== undefined ? { pi: req.pi } : {}),
    ...(req.parts !== undefined ? { parts: req.parts } : {}),
  };
}

export function countFormula(text: string, req: CountRequest = {}): CountReport {
  const options = countOptionsFrom(req);
  const f = parseFormula(text, {
    ...(req.charge !== undefined ? { charge: req.charge } : {}),
    ...(req.ligands?.length ? { ligands: req.ligands } : {}),
  });
  const rule = req.rule ?? 'auto';
  const base = {
    formula: f.text,
    canonical: f.canonical,
    charge: f.mainCharge,
    totalCharge: f.charge,
    model: options.model ?? 'jellium',
  };
  if (rule === 'auto') {
    const a = countAuto(f, options);
    return {
      ...base,
      rule: 'auto',
      primary: a.primary,
      primaryWhy: a.primaryWhy,
      results: a.results,
      skipped: a.skipped,
    };
  }
  const r = ruleById(rule);
  const result = countWith(f, r.id, options);
  return {
    ...base,
    rule: r.id,
    primary: result.applies ? r.id : null,
    primaryWhy: result.applies ? 'the rule asked for' : (result.reason ?? ''),
    results: [result],
    skipped: [],
  };
}
