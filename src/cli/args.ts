/**
 * A small, strict argv parser shared by every command. Supports `--name value`,
 * `--name=value`, `-o value`, boolean flags, repeated options, and negative
 * numbers as values (`--target -173.9` and `--target=-173.9`).
 */
import { excerpt, InputError } from '../core/errors.js';

export type OptionType = 'string' | 'number' | 'integer' | 'boolean';

export interface OptionSpec {
  readonly type: OptionType;
  readonly short?: string;
  /** Help text; say the unit for numbers. */
  readonly description: string;
  readonly valueName?: string;
  readonly default?: string | number | boolean;
  /** Allowed string values. */
  readonly choices?: readonly string[];
  readonly repeatable?: boolean;
  /** Smallest allowed value of a number/integer option (inclusive); shown in --help. */
  readonly min?: number;
  /** Largest allowed value of a number/integer option (inclusive); shown in --help. */
  readonly max?: number;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

export interface ParsedArgs {
  readonly positionals: string[];
  readonly options: Record<string, string | number | boolean | (string | number)[] | undefined>;
}

// no nested or adjacent digit runs: `\d+\.?\d*` backtracks quadratically on "111…1x" (40 000
// digits took 6 s); here the digits after the point are only tried after a point
const NUMBER_RE = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

function rangeText(spec: OptionSpec): string {
  const { min, max } = spec;
  if (min !== undefined && max !== undefined) return `from ${min} to ${max}`;
  if (min !== undefined) return `≥ ${min}`;
  if (max !== undefined) return `≤ ${max}`;
  return '';
}

function convert(name: string, spec: OptionSpec, raw: string): string | number {
  const shown = excerpt(raw, 40);
  if (spec.type === 'number' || spec.type === 'integer') {
    if (!NUMBER_RE.test(raw.trim())) {
      throw new InputError('cli-number', `--${name} expects a number, got "${shown}"`, {
        hint: `write it as --${name} 12 or --${name}=-3.5`,
      });
    }
    const v = Number(raw);
    if (!Number.isFinite(v)) {
      throw new InputError('cli-number', `--${name} expects a finite number, got "${shown}"`, {
        hint: `${rangeText(spec) ? `allowed: ${rangeText(spec)}` : 'use an ordinary number'}`,
      });
    }
    if (spec.type === 'integer' && !Number.isInteger(v)) {
      const range = rangeText(spec);
      throw new InputError(
        'cli-integer',
        `--${name} expects a whole number${range ? ` ${range}` : ''}, got "${shown}"`,
      );
    }
    if ((spec.min !== undefined && v < spec.min) || (spec.max !== undefined && v > spec.max)) {
      throw new InputError('cli-range', `--${name} must be ${rangeText(spec)}, got ${shown}`);
    }
    return v;
  }
  if (spec.choices && !spec.choices.includes(raw)) {
    const guess = didYouMean(raw, spec.choices);
    throw new InputError(
      'cli-choice',
      `--${name} must be one of ${spec.choices.join(', ')}; got "${shown}"`,
      guess ? { hint: `did you mean "${guess}"?` } : {},
    );
  }
  return raw;
}

/**
 * Damerau–Levenshtein distance (insertions, deletions, substitutions and transpositions of
 * adjacent characters, unrestricted: Lowrance & Wagner 1975, J. ACM 22, 177), case-sensitive.
 * Stops early and returns `limit + 1` when the lengths alone differ by more than `limit`.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const n = a.length;
  const m = b.length;
  const inf = n + m;
  const lastRow = new Map<string, number>();
  // d has (n + 2) × (m + 2) cells; row/column 0 hold `inf`, row/column 1 the empty prefix
  const w = m + 2;
  const d = new Array<number>((n + 2) * w).fill(0);
  d[0] = inf;
  for (let i = 0; i <= n; i++) {
    d[(i + 1) * w] = inf;
    d[(i + 1) * w + 1] = i;
  }
  for (let j = 0; j <= m; j++) {
    d[j + 1] = inf;
    d[w + j + 1] = j;
  }
  for (let i = 1; i <= n; i++) {
    let lastMatchCol = 0;
    for (let j = 1; j <= m; j++) {
      const i1 = lastRow.get(b[j - 1]!) ?? 0;
      const j1 = lastMatchCol;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      if (cost === 0) lastMatchCol = j;
      d[(i + 1) * w + j + 1] = Math.min(
        d[i * w + j]! + cost,
        d[(i + 1) * w + j]! + 1,
        d[i * w + j + 1]! + 1,
        d[i1 * w + j1]! + (i - i1 - 1) + 1 + (j - j1 - 1),
      );
    }
    lastRow.set(a[i - 1]!, i);
  }
  return d[(n + 1) * w + m + 1]!;
}

/**
 * The candidate nearest to a mistyped `input` ("did you mean"), when it is within `maxDistance`
 * edits (Damerau–Levenshtein, compared case-insensitively) and unambiguous; otherwise undefined.
 * Command files use it for their own names (rules, shapes, potentials): `didYouMean(rule, RULES)`.
 */
export function didYouMean(input: string, candidates: Iterable<string>, maxDistance = 2): string | undefined {
  if (input.length > 64) return undefined;
  const x = input.toLowerCase();
  let best: string | undefined;
  let bestD = maxDistance + 1;
  let tie = false;
  for (const c of candidates) {
    if (c === input) return undefined;
    // a one-letter input is "near" every short name: only suggest for inputs of 3 or more characters
    const d = editDistance(x, c.toLowerCase(), maxDistance);
    const allowed = Math.min(maxDistance, Math.max(0, Math.floor((Math.min(x.length, c.length) - 1) / 2)));
    if (d > allowed) continue;
    if (d < bestD) {
      best = c;
      bestD = d;
      tie = false;
    } else if (d === bestD && c !== best) {
      tie = true;
    }
  }
  return tie ? undefined : best;
}

/** " (did you mean "x"?)"-style hint text, or '' when nothing is near. */
export function suggestionHint(input: string, candidates: Iterable<string>, prefix = ''): string {
  const guess = didYouMean(input, candidates);
  return guess ? `did you mean "${prefix}${guess}"?` : '';
}

export function parseArgs(argv: readonly string[], specs: OptionSpecs): ParsedArgs {
  const positionals: string[] = [];
  const options: ParsedArgs['options'] = {};
  const byShort = new Map<string, string>();
  // user-typed names are looked up in Maps, never as object keys (`--__proto__`, `--toString`)
  const byName = new Map<string, OptionSpec>(Object.entries(specs));
  for (const [name, spec] of byName) if (spec.short) byShort.set(spec.short, name);

  const set = (name: string, spec: OptionSpec, value: string | number | boolean) => {
    if (spec.repeatable) {
      const prev = options[name];
      const arr = Array.isArray(prev) ? prev : [];
      if (typeof value !== 'boolean') arr.push(value);
      options[name] = arr;
    } else {
      options[name] = value;
    }
  };

  let i = 0;
  let onlyPositionals = false;
  while (i < argv.length) {
    const arg = argv[i]!;
    i++;
    if (onlyPositionals) {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    let name: string | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
    } else if (/^-[A-Za-z]$/.test(arg)) {
      name = byShort.get(arg.slice(1));
      if (!name) {
        const short = [...byShort.keys()].map((k) => `-${k}`);
        throw new InputError('cli-unknown-option', `unknown option ${arg}`, {
          hint: short.length ? `short options here: ${short.join(', ')}; see --help` : 'see --help',
        });
      }
    } else {
      positionals.push(arg);
      continue;
    }
    const spec = byName.get(name);
    if (!spec) {
      const known = [...byName.keys()].map((k) => `--${k}`).join(', ');
      const guess = suggestionHint(name, byName.keys(), '--');
      throw new InputError('cli-unknown-option', `unknown option --${excerpt(name, 40)}`, {
        hint: `${guess ? `${guess} ` : ''}${known ? `known options: ${known}` : 'this command takes no options'}`,
      });
    }
    if (spec.type === 'boolean') {
      if (inline !== undefined && !['true', 'false'].includes(inline)) {
        throw new InputError(
          'cli-boolean',
          `--${name} is a flag and takes no value (got "${excerpt(inline, 40)}")`,
        );
      }
      set(name, spec, inline !== 'false');
      continue;
    }
    let raw = inline;
    if (raw === undefined) {
      const nextArg = argv[i];
      const looksLikeValue =
        nextArg !== undefined && (!nextArg.startsWith('-') || /^-[\d.]/.test(nextArg) || nextArg === '-');
      if (!looksLikeValue) {
        throw new InputError(
          'cli-missing-value',
          `--${name} needs a value (${spec.valueName ?? spec.type})`,
          {
            hint: `write --${name} <${spec.valueName ?? spec.type}> or --${name}=<value>`,
          },
        );
      }
      raw = nextArg;
      i++;
    }
    set(name, spec, convert(name, spec, raw!));
  }
  for (const [name, spec] of byName) {
    if (options[name] === undefined && spec.default !== undefined) options[name] = spec.default;
  }
  return { positionals, options };
}

/** Render the options table for --help. */
export function formatOptions(specs: OptionSpecs): string {
  const rows = Object.entries(specs).map(([name, s]) => {
    const flag = `${s.short ? `-${s.short}, ` : '    '}--${name}${s.type === 'boolean' ? '' : ` <${s.valueName ?? s.type}>`}`;
    const extra = [
      s.choices ? `one of: ${s.choices.join(', ')}` : '',
      s.min !== undefined || s.max !== undefined ? rangeText(s) : '',
      s.default !== undefined ? `default: ${String(s.default)}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    return [flag, `${s.description}${extra ? ` (${extra})` : ''}`] as const;
  });
  const width = Math.max(0, ...rows.map((r) => r[0].length)) + 2;
  return rows.map(([f, d]) => `  ${f.padEnd(width)}${d}`).join('\n');
}
