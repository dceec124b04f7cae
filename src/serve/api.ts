/**
 * The JSON API of `superatom serve`: one computing endpoint per CLI command, with the same
 * option names as the command's flags (`{"formula": "[Au25(SR)18]-", "rule": "auto"}` is
 * `superatom count "[Au25(SR)18]-" --rule auto`) and the same report as its `--json`. Option
 * values are checked by the CLI's own argument parser (cli/args.ts: types, choices, ranges,
 * defaults), then handed to the same workflows (workflows/flags.ts) the commands call.
 * Inputs the CLI reads from files come in the body as text (`peaks`, `text`, `measured`) or data
 * (`ligands`, the JSON array a `--ligands` file holds); nothing is written to disk.
 */
import { validateLigandEntries } from '../chem/lexicon.js';
import { type OptionSpecs, parseArgs } from '../cli/args.js';
import { analyzeCommand } from '../cli/commands/analyze.js';
import { assignCommand } from '../cli/commands/assign.js';
import { countCommand } from '../cli/commands/count.js';
import { formulaCommand } from '../cli/commands/formula.js';
import { isotopesCommand } from '../cli/commands/isotopes.js';
import { excerpt, InputError, isSuperatomError, LimitError } from '../core/errors.js';
import type { LigandEntry } from '../data/ligands.js';
import {
  analyzeFromText,
  assignFromFlags,
  countFromFlags,
  formulaFromFlags,
  isotopesFromFlags,
} from '../workflows/flags.js';

/** The JSON error body: `{ error: { code, message, line?, column?, hint? } }`. */
export interface ApiErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly line?: number;
    readonly column?: number;
    readonly hint?: string;
  };
}

/** A request the API refuses, with its HTTP status (400 malformed, 404, 405, 413, 422, 503…). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly hint: string | undefined;
  /** 1-based line and column in the body, for malformed JSON. */
  readonly where: { readonly line?: number; readonly column?: number };
  constructor(
    status: number,
    code: string,
    message: string,
    hint?: string,
    where: { readonly line?: number; readonly column?: number } = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.hint = hint;
    this.where = where;
  }
}

/** A text field of a body: its name and what it holds (for messages). */
interface TextField {
  readonly name: string;
  readonly what: string;
  readonly required: boolean;
}

interface Endpoint {
  /** The flags the body may carry (the command's options minus output and file flags). */
  readonly options: OptionSpecs;
  readonly texts: readonly TextField[];
  readonly ligands: boolean;
  run(
    texts: Readonly<Record<string, string | undefined>>,
    flags: Record<string, unknown>,
    ligands: LigandEntry[],
  ): unknown;
}

/** Flags that write files or choose an output format: no meaning over HTTP. */
const OUTPUT_FLAGS = new Set(['json', 'csv', 'svg', 'output', 'ligands', 'measured', 'save', 'db']);

function optionsOf(specs: OptionSpecs): OptionSpecs {
  return Object.fromEntries(Object.entries(specs).filter(([name]) => !OUTPUT_FLAGS.has(name)));
}

const FORMULA_FIELD: TextField = { name: 'formula', what: 'the formula text', required: true };

export const ENDPOINTS: Readonly<Record<string, Endpoint>> = {
  formula: {
    options: optionsOf(formulaCommand.options),
    texts: [FORMULA_FIELD],
    ligands: true,
    run: (t, o, l) => formulaFromFlags(t.formula!, o as never, l),
  },
  count: {
    options: optionsOf(countCommand.options),
    texts: [FORMULA_FIELD],
    ligands: true,
    run: (t, o, l) => countFromFlags(t.formula!, o as never, l),
  },
  isotopes: {
    options: optionsOf(isotopesCommand.options),
    texts: [
      FORMULA_FIELD,
      { name: 'measured', what: 'the measured spectrum (peak list or mzML text)', required: false },
      { name: 'measuredName', what: 'the measured spectrum’s file name', required: false },
    ],
    ligands: true,
    run: (t, o, l) =>
      isotopesFromFlags(
        t.formula!,
        o as never,
        l,
        t.measured !== undefined
          ? { text: t.measured, name: t.measuredName ?? 'measured spectrum' }
          : undefined,
      ).report,
  },
  assign: {
    options: optionsOf(assignCommand.options),
    texts: [
      { name: 'peaks', what: 'the peak list (delimited text or mzML)', required: true },
      { name: 'name', what: 'the peak list’s file name', required: false },
    ],
    ligands: true,
    run: (t, o, l) => assignFromFlags(t.peaks!, t.name ?? 'peak list', o as never, l).report,
  },
  analyze: {
    options: optionsOf(analyzeCommand.options),
    texts: [
      { name: 'text', what: 'the structure file’s text', required: true },
      { name: 'name', what: 'the structure file’s name (its extension picks the format)', required: false },
      { name: 'format', what: 'the format (xyz, extxyz, pdb, cif, poscar, mol…)', required: false },
    ],
    ligands: false,
    run: (t, o) => analyzeFromText(t.text!, t.name ?? 'structure', o as never, t.format).report,
  },
};

/** The endpoint names, for `POST /api/<name>`. */
export const ENDPOINT_NAMES: readonly string[] = Object.keys(ENDPOINTS);

/** The body's option fields → argv for the CLI parser (`--name=value`, so no value looks like a flag). */
function flagsArgv(name: string, body: Record<string, unknown>, ep: Endpoint): string[] {
  const argv: string[] = [];
  const specs = new Map(Object.entries(ep.options));
  for (const [key, value] of Object.entries(body)) {
    if (ep.texts.some((t) => t.name === key) || (ep.ligands && key === 'ligands')) continue;
    const spec = specs.get(key);
    if (!spec) {
      const known = [...ep.texts.map((t) => t.name), ...(ep.ligands ? ['ligands'] : []), ...specs.keys()];
      throw new ApiError(
        400,
        'unknown-field',
        `unknown field "${excerpt(key, 40)}" for /api/${name}`,
        `fields: ${known.join(', ')}`,
      );
    }
    const values = Array.isArray(value) && spec.repeatable ? value : [value];
    for (const v of values) {
      if (v === null || v === undefined) continue;
      if (spec.type === 'boolean') {
        if (typeof v !== 'boolean')
          throw new ApiError(400, 'field-type', `field "${key}" must be true or false`);
        argv.push(`--${key}=${v}`);
      } else if (typeof v === 'number' || typeof v === 'string') {
        argv.push(`--${key}=${String(v)}`);
      } else {
        throw new ApiError(
          400,
          'field-type',
          `field "${key}" must be a ${spec.type === 'string' ? 'string' : 'number'}${spec.repeatable ? ' or a list of them' : ''}`,
        );
      }
    }
  }
  return argv;
}

/**
 * Run endpoint `name` on a parsed JSON body: the report, or an ApiError (400) for a malformed
 * body, an InputError/LimitError (→ 422) for bad chemistry input.
 */
export function runEndpoint(name: string, body: unknown): unknown {
  const ep = Object.hasOwn(ENDPOINTS, name) ? ENDPOINTS[name] : undefined;
  if (!ep)
    throw new ApiError(
      404,
      'not-found',
      `no endpoint /api/${excerpt(name, 40)}`,
      `POST to /api/${ENDPOINT_NAMES.join('|')}`,
    );
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiError(400, 'body-not-object', `the body of /api/${name} must be a JSON object`);
  }
  const fields = body as Record<string, unknown>;
  const texts: Record<string, string | undefined> = {};
  for (const t of ep.texts) {
    const v = Object.hasOwn(fields, t.name) ? fields[t.name] : undefined;
    if (v === undefined || v === null) {
      if (t.required) throw new ApiError(400, 'missing-field', `missing field "${t.name}": ${t.what}`);
      continue;
    }
    if (typeof v !== 'string')
      throw new ApiError(400, 'field-type', `field "${t.name}" must be a string (${t.what})`);
    texts[t.name] = v;
  }
  const argv = flagsArgv(name, fields, ep);
  const flags = parseArgs(argv, ep.options).options;
  let ligands: LigandEntry[] = [];
  if (ep.ligands && Object.hasOwn(fields, 'ligands') && fields.ligands !== null) {
    ligands = validateLigandEntries(fields.ligands, 'field "ligands"');
  }
  return ep.run(texts, flags, ligands);
}

/** An error → HTTP status and JSON body. Bad input is 4xx; only a bug is 500 (no stack sent). */
export function errorResponse(e: unknown): { status: number; body: ApiErrorBody } {
  if (e instanceof ApiError) {
    return {
      status: e.status,
      body: {
        error: {
          code: e.code,
          message: e.message,
          ...(e.where.line !== undefined ? { line: e.where.line } : {}),
          ...(e.where.column !== undefined ? { column: e.where.column } : {}),
          ...(e.hint ? { hint: e.hint } : {}),
        },
      },
    };
  }
  if (isSuperatomError(e)) {
    const j = e.toJSON();
    const status = e instanceof InputError || e instanceof LimitError ? 422 : 500;
    return {
      status,
      body: {
        error: {
          code: j.code,
          message: j.error,
          ...(j.line !== undefined ? { line: j.line } : {}),
          ...(j.column !== undefined ? { column: j.column } : {}),
          ...(j.hint ? { hint: j.hint } : {}),
        },
      },
    };
  }
  if (
    e instanceof RangeError &&
    /call stack|Invalid array length|Invalid typed array length/i.test(e.message)
  ) {
    // a pathological input (nesting, size) that ran out of stack or memory is still the input's fault
    return {
      status: 422,
      body: {
        error: {
          code: 'input-too-complex',
          message: `the input is too large or deeply nested (${e.message})`,
        },
      },
    };
  }
  return {
    status: 500,
    body: { error: { code: 'internal', message: 'internal error (a bug): please report it' } },
  };
}
