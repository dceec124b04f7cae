/**
 * A small, strict argv parser shared by every command. Supports `--name value`,
 * `--name=value`, `-o value`, boolean flags, repeated options, and negative
 * numbers as values (`--target -173.9` and `--target=-173.9`).
 */
import { InputError } from '../core/errors.js';

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
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

export interface ParsedArgs {
  readonly positionals: string[];
  readonly options: Record<string, string | number | boolean | (string | number)[] | undefined>;
}

const NUMBER_RE = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

function convert(name: string, spec: OptionSpec, raw: string): string | number {
  if (spec.type === 'number' || spec.type === 'integer') {
    if (!NUMBER_RE.test(raw.trim())) {
      throw new InputError('cli-number', `--${name} expects a number, got "${raw}"`, {
        hint: `write it as --${name} 12 or --${name}=-3.5`,
      });
    }
    const v = Number(raw);
    if (spec.type === 'integer' && !Number.isInteger(v)) {
      throw new InputError('cli-integer', `--${name} expects a whole number, got "${raw}"`);
    }
    return v;
  }
  if (spec.choices && !spec.choices.includes(raw)) {
    throw new InputError('cli-choice', `--${name} must be one of ${spec.choices.join(', ')}; got "${raw}"`);
  }
  return raw;
}

export function parseArgs(argv: readonly string[], specs: OptionSpecs): ParsedArgs {
  const positionals: string[] = [];
  const options: ParsedArgs['options'] = {};
  const byShort = new Map<string, string>();
  for (const [name, spec] of Object.entries(specs)) if (spec.short) byShort.set(spec.short, name);

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
        throw new InputError('cli-unknown-option', `unknown option ${arg}`, { hint: 'see --help' });
      }
    } else {
      positionals.push(arg);
      continue;
    }
    const spec = specs[name];
    if (!spec) {
      const known = Object.keys(specs)
        .map((k) => `--${k}`)
        .join(', ');
      throw new InputError('cli-unknown-option', `unknown option --${name}`, {
        hint: known ? `known options: ${known}` : 'this command takes no options',
      });
    }
    if (spec.type === 'boolean') {
      if (inline !== undefined && !['true', 'false'].includes(inline)) {
        throw new InputError('cli-boolean', `--${name} is a flag and takes no value (got "${inline}")`);
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
  for (const [name, spec] of Object.entries(specs)) {
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
      s.default !== undefined ? `default: ${String(s.default)}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    return [flag, `${s.description}${extra ? ` (${extra})` : ''}`] as const;
  });
  const width = Math.max(0, ...rows.map((r) => r[0].length)) + 2;
  return rows.map(([f, d]) => `  ${f.padEnd(width)}${d}`).join('\n');
}
