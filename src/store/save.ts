/**
 * `--save` and `--db` for the computing commands, with one line in each command: `withSave(command)`
 * adds the two options, opens the store before the command runs (so a bad --db fails at once, exit 2,
 * not after a long search), gives the command an `io.record(report, extra)` hook, and after the
 * command returns saves what it recorded with its provenance (command line, canonical inputs,
 * version, revision, data tables, host, times, exit status). Messages go to stderr, so `--json`
 * output stays clean. The store code is imported only when saving.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { OptionSpecs, ParsedArgs } from '../cli/args.js';
import type { CliIO, Command, RecordExtra } from '../cli/command.js';
import type { Structure } from '../structure/structure.js';
import type { StoredStructure } from './types.js';

/** The commands that compute a result worth keeping (later engines add their names here). */
export const SAVABLE_COMMANDS: readonly string[] = [
  'formula',
  'count',
  'isotopes',
  'assign',
  'analyze',
  'compare',
  'search',
  'optimize',
  'calc',
];

export const STORE_OPTIONS: OptionSpecs = {
  save: {
    type: 'boolean',
    description: 'keep the result and its provenance in the results database (see superatom results)',
  },
  db: {
    type: 'string',
    valueName: 'path|postgres://…',
    description:
      'results database: a SQLite file or a postgres:// URL (default $SUPERATOM_DB, else ~/.local/share/superatom/superatom.db); implies --save',
  },
};

/** Options that change only how a result is shown or where a copy is written, not the result. */
const PRESENTATION = new Set(['json', 'csv', 'svg', 'output', 'save', 'db']);
const PRESENTATION_BY_KIND: Readonly<Record<string, readonly string[]>> = { isotopes: ['top', 'measured'] };

/** The absolute path when `value` names an existing regular file (relative to cwd). */
function existingFile(value: string, cwd: string): string | undefined {
  const path = resolve(cwd, value);
  try {
    return statSync(path).isFile() ? path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Canonical inputs of a command run: positional arguments and the options that change the result
 * (defaults included, so `count X` and `count X --rule auto` are the same inputs); an argument that
 * names an existing file stands for its content: { file, sha256 }.
 */
export async function canonicalInputs(kind: string, args: ParsedArgs, cwd: string): Promise<unknown> {
  const { sha256Hex } = await import('./provenance.js');
  const skip = new Set([...PRESENTATION, ...(PRESENTATION_BY_KIND[kind] ?? [])]);
  const value = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const path = existingFile(v, cwd);
      return path ? { file: v, sha256: sha256Hex(readFileSync(path)) } : v;
    }
    return Array.isArray(v) ? v.map(value) : v;
  };
  const options: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(args.options))
    if (!skip.has(k) && v !== undefined) options[k] = value(v);
  return { args: args.positionals.map(value), options };
}

/** The command line as typed, quoted for a POSIX shell; a database password is not kept. */
export function commandLine(name: string, argv: readonly string[]): string {
  const q = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);
  const redact = (a: string) => a.replace(/(postgres(?:ql)?:\/\/[^:@/\s]*):[^@/\s]*@/gi, '$1:***@');
  return ['superatom', name, ...argv].map((a) => q(redact(a))).join(' ');
}

export function toStoredStructure(s: Structure): StoredStructure {
  return {
    numbers: Array.from(s.numbers),
    positions: Array.from(s.positions),
    ...(s.charge ? { charge: s.charge } : {}),
    ...(s.cell ? { cell: Array.from(s.cell) } : {}),
    ...(s.title ? { title: s.title } : {}),
  };
}

/** `command` with --save/--db when it is a computing command; other commands unchanged. */
export function withSave(command: Command, argv: readonly string[] = []): Command {
  if (!SAVABLE_COMMANDS.includes(command.name)) return command;
  return {
    ...command,
    options: { ...command.options, ...STORE_OPTIONS },
    run: (args, io) => runSaving(command, argv, args, io),
  };
}

async function runSaving(
  command: Command,
  argv: readonly string[],
  args: ParsedArgs,
  io: CliIO,
): Promise<number> {
  const o = args.options;
  if (!o.save && o.db === undefined) return command.run(args, io);
  const startedAt = new Date();
  const [{ openStore, resolveLocation }, { buildRecord }] = await Promise.all([
    import('./open.js'),
    import('./provenance.js'),
  ]);
  const store = await openStore(resolveLocation(o.db as string | undefined, io.cwd));
  try {
    const pending: { report: unknown; extra: RecordExtra | undefined }[] = [];
    const recIo: CliIO = { ...io, record: (report, extra) => void pending.push({ report, extra }) };
    const status = await command.run(args, recIo);
    const endedAt = new Date();
    if (pending.length === 0) io.stderr(`note: ${command.name} produced no result to save\n`);
    const inputs = pending.length ? await canonicalInputs(command.name, args, io.cwd) : undefined;
    for (const { report, extra } of pending) {
      const rec = buildRecord({
        kind: command.name,
        command: commandLine(command.name, argv),
        inputs,
        report,
        startedAt,
        endedAt,
        exitStatus: status,
        engine: extra?.engine ?? null,
        structures: extra?.structures?.map(toStoredStructure) ?? null,
      });
      const fresh = await store.save(rec);
      io.stderr(
        `${fresh ? 'saved' : 'already saved'}: ${command.name} result ${rec.id.slice(0, 12)} in ${store.location}\n`,
      );
    }
    return status;
  } finally {
    await store.close();
  }
}
