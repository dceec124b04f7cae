/**
 * `superatom results list|show|export|delete`: the results kept with `--save`, with their provenance.
 */
import { InputError } from '../../core/errors.js';
import { writeTextFile } from '../../node/files.js';
import type { ResultQuery, ResultRecord, Store } from '../../store/types.js';
import type { ParsedArgs } from '../args.js';
import type { CliIO, Command } from '../command.js';

const ACTIONS = ['list', 'show', 'export', 'delete'] as const;

/** `--since`: an ISO 8601 date or time, or an age: 30m, 12h, 7d, 2w. */
export function parseSince(text: string, now: Date): string {
  const rel = /^(\d+(?:\.\d+)?)\s*(m|min|h|d|w)$/i.exec(text.trim());
  if (rel) {
    const unit = { m: 60e3, min: 60e3, h: 3600e3, d: 86400e3, w: 7 * 86400e3 }[rel[2]!.toLowerCase() as 'm'];
    const d = new Date(now.getTime() - Number(rel[1]) * unit);
    if (!Number.isNaN(d.getTime())) return d.toISOString();
  }
  const iso = /^\d{4}-\d{2}-\d{2}(?:[T ]([\d:.]+)(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(text.trim());
  if (iso) {
    // a time without an offset is UTC (JavaScript would read it as local time)
    const d = new Date(
      `${text.trim().replace(' ', 'T')}${iso[1] !== undefined && iso[2] === undefined ? 'Z' : ''}`,
    );
    if (!Number.isNaN(d.getTime())) return d.toISOString();
  }
  throw new InputError('results-since', `--since expects a date, a time or an age, got "${text}"`, {
    hint: 'e.g. --since 2026-12-01, --since 2026-12-01T09:30Z, --since 7d or --since 12h',
  });
}

export function queryOf(args: ParsedArgs, now: Date): ResultQuery {
  const o = args.options;
  const elements = (o.elements as string | undefined)
    ?.split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  for (const e of elements ?? []) {
    if (!/^[A-Z][a-z]?[a-z]?$/.test(e)) {
      throw new InputError('results-elements', `--elements expects element symbols, got "${e}"`, {
        hint: 'e.g. --elements Au,S',
      });
    }
  }
  return {
    ...(o.formula !== undefined ? { formula: String(o.formula) } : {}),
    ...(o.kind !== undefined ? { kind: String(o.kind) } : {}),
    ...(o.since !== undefined ? { since: parseSince(String(o.since), now) } : {}),
    ...(elements?.length ? { elements } : {}),
    ...(o.electrons !== undefined ? { electronCount: o.electrons as number } : {}),
    ...(o['point-group'] !== undefined ? { pointGroup: String(o['point-group']) } : {}),
    limit: o.limit as number,
  };
}

function hasFilter(q: ResultQuery): boolean {
  return (
    q.formula !== undefined ||
    q.kind !== undefined ||
    q.since !== undefined ||
    (q.elements?.length ?? 0) > 0 ||
    q.electronCount !== undefined ||
    q.pointGroup !== undefined
  );
}

/** The `results list --json` form of one record (issue 10's field names), plus the search columns. */
export function resultJson(r: ResultRecord, withStructures = false) {
  const p = r.provenance;
  return {
    id: r.id,
    kind: r.kind,
    formula: r.formula,
    charge: r.charge,
    createdAt: r.createdAt,
    provenance: {
      command: p.command,
      inputs: p.inputs,
      inputsHash: p.inputsHash,
      version: p.version,
      revision: p.revision,
      engine: p.engine,
      host: p.host,
      startedAt: p.startedAt,
      endedAt: p.endedAt,
      exitStatus: p.exitStatus,
      dataVersions: p.dataVersions,
    },
    report: r.report,
    hill: r.hill,
    elements: r.elements,
    electronCount: r.electronCount,
    pointGroup: r.pointGroup,
    energy: r.energy,
    structureCount: r.structures?.length ?? 0,
    ...(withStructures ? { structures: r.structures } : {}),
  };
}

function summary(r: ResultRecord): string {
  const parts: string[] = [];
  if (r.electronCount !== null) parts.push(`${r.electronCount} e`);
  if (r.pointGroup) parts.push(r.pointGroup);
  if (r.energy !== null) parts.push(`E ${Number(r.energy.toPrecision(10))}`);
  if (r.provenance.exitStatus !== 0) parts.push(`exit ${r.provenance.exitStatus}`);
  return parts.join(', ');
}

function renderList(rows: readonly ResultRecord[], total: number, location: string): string {
  if (rows.length === 0) return `no results${total ? ` in this page (${total} match)` : ''} in ${location}\n`;
  const cells = rows.map((r) => [
    r.id.slice(0, 12),
    r.createdAt.slice(0, 19).replace('T', ' '),
    r.kind,
    r.formula ?? '—',
    r.charge === null ? '' : String(r.charge),
    summary(r),
  ]);
  const head = ['id', 'created (UTC)', 'kind', 'formula', 'z', 'key result'];
  const w = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) =>
    c
      .map((x, i) => x.padEnd(w[i]!))
      .join('  ')
      .trimEnd();
  const more = total > rows.length ? `\n${total - rows.length} more (--limit to see them)` : '';
  return `${[line(head), ...cells.map(line)].join('\n')}\n${rows.length} of ${total} result(s) in ${location}${more}\n`;
}

function renderShow(r: ResultRecord): string {
  const p = r.provenance;
  const lines = [
    `id          ${r.id}`,
    `kind        ${r.kind}`,
    `formula     ${r.formula ?? '—'}${r.hill ? `  (Hill ${r.hill})` : ''}`,
    `charge      ${r.charge ?? '—'}`,
    `elements    ${r.elements.join(' ') || '—'}`,
    ...(r.electronCount !== null ? [`electrons   ${r.electronCount} e`] : []),
    ...(r.pointGroup ? [`point group ${r.pointGroup}`] : []),
    ...(r.energy !== null ? [`energy      ${r.energy}`] : []),
    `created     ${r.createdAt}`,
    '',
    'provenance',
    `  command   ${p.command}`,
    `  inputs    ${JSON.stringify(p.inputs)}`,
    `  sha256    ${p.inputsHash}`,
    `  superatom ${p.version} (revision ${p.revision})`,
    `  data      ${Object.entries(p.dataVersions ?? {})
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `  engine    ${p.engine ? `${p.engine.name} ${p.engine.version}` : 'none (Superatom itself)'}`,
    `  host      ${p.host}`,
    `  ran       ${p.startedAt} → ${p.endedAt}, exit status ${p.exitStatus}`,
    ...(r.structures?.length
      ? [`  kept      ${r.structures.length} structure(s) (results export --format extxyz)`]
      : []),
    '',
    'report',
    JSON.stringify(r.report, null, 2),
  ];
  return `${lines.join('\n')}\n`;
}

async function withStore<T>(args: ParsedArgs, io: CliIO, f: (s: Store) => Promise<T>): Promise<T> {
  const { openStore, resolveLocation } = await import('../../store/open.js');
  const store = await openStore(resolveLocation(args.options.db as string | undefined, io.cwd));
  try {
    return await f(store);
  } finally {
    await store.close();
  }
}

async function getOne(store: Store, id: string): Promise<ResultRecord> {
  const r = await store.get(id);
  if (!r) {
    throw new InputError('results-not-found', `no result with id ${id} in ${store.location}`, {
      hint: 'superatom results list shows the ids',
    });
  }
  return r;
}

export const resultsCommand: Command = {
  name: 'results',
  summary:
    'results kept with --save: list, show, export (JSON lines, extended XYZ) and delete, with provenance',
  usage: [
    'superatom results list [--formula F] [--kind K] [--since T] [--elements Au,S] [--json]',
    '       superatom results show <id> [--json]',
    '       superatom results export [filters] [--format jsonl|extxyz] [-o file]',
    '       superatom results delete <id>… | delete [filters] --yes',
  ].join('\n'),
  help: [
    'Every computing command (formula, count, isotopes, assign, analyze, compare, search, optimize)',
    'takes --save: its report is kept whole with its provenance — the command line, the canonical',
    'inputs and their sha256 (files by content), Superatom version and git revision, data-table',
    'fingerprints, host, start/end time (UTC) and exit status. The id is a hash of kind, inputs,',
    'version and data tables: saving the same computation twice keeps one record.',
    '',
    'Database: --db <file> or --db postgres://user@host:port/db, else $SUPERATOM_DB, else',
    '~/.local/share/superatom/superatom.db (SQLite, created on first use).',
    '',
    'Filters: --formula matches the formula as written or any formula of the same composition',
    '(Hill formula) and charge; --elements lists elements a result must all contain; --since takes a',
    'date, a time (UTC unless an offset is given) or an age (30m, 12h, 7d, 2w). Ids may be shortened',
    'to a unique prefix of at least 4 hex digits.',
    '',
    'export --format jsonl writes one whole record (report, provenance, structures) per line;',
    'export --format extxyz writes every kept structure (analyze, optimize, search, compare) as an',
    'ASE-readable extended XYZ frame with the key results in its info line (energy, point group…).',
    '',
    'Examples:',
    '  superatom count "[Au25(SR)18]-" --save',
    '  superatom results list --kind count --elements Au --json',
    '  superatom results show 3f2a9c',
    '  superatom results export --kind optimize --format extxyz -o relaxed.xyz',
  ].join('\n'),
  options: {
    formula: {
      type: 'string',
      description: 'formula as written, or one of the same composition and charge',
      valueName: 'F',
    },
    kind: { type: 'string', description: 'command that made the result (count, analyze…)', valueName: 'K' },
    since: {
      type: 'string',
      description: 'created at or after: date, time or age (7d, 12h)',
      valueName: 'T',
    },
    elements: {
      type: 'string',
      description: 'results containing all these elements, e.g. Au,S',
      valueName: 'list',
    },
    electrons: {
      type: 'number',
      description: 'electron count of the primary counting rule, e',
      valueName: 'n',
    },
    'point-group': { type: 'string', description: 'point group (Schoenflies), e.g. Ih', valueName: 'G' },
    limit: {
      type: 'integer',
      description: 'at most this many results (newest first)',
      default: 100,
      valueName: 'n',
    },
    format: { type: 'string', description: 'export format', choices: ['jsonl', 'extxyz'], default: 'jsonl' },
    output: {
      type: 'string',
      short: 'o',
      description: 'export to this file instead of stdout',
      valueName: 'file',
    },
    yes: { type: 'boolean', description: 'delete every result matching the filters' },
    db: {
      type: 'string',
      valueName: 'path|postgres://…',
      description: 'results database (default $SUPERATOM_DB, else ~/.local/share/superatom/superatom.db)',
    },
    json: { type: 'boolean', description: 'print JSON' },
  },
  async run(args, io) {
    const [action, ...ids] = args.positionals;
    if (!action || !(ACTIONS as readonly string[]).includes(action)) {
      throw new InputError(
        'results-action',
        action ? `unknown results action "${action}"` : 'results needs an action',
        { hint: `one of ${ACTIONS.join(', ')}, e.g. superatom results list` },
      );
    }
    const now = new Date();
    const q = queryOf(args, now);
    const json = Boolean(args.options.json);
    if ((action === 'list' || action === 'export') && ids.length) {
      throw new InputError(
        'cli-extra-argument',
        `results ${action} takes filters, not ids (got "${ids[0]}")`,
        {
          hint: 'superatom results show <id> shows one result',
        },
      );
    }
    if (action === 'list') {
      return withStore(args, io, async (s) => {
        const rows = await s.query(q);
        const total = rows.length < (q.limit ?? 100) && !q.offset ? rows.length : await s.count(q);
        io.stdout(
          json
            ? `${JSON.stringify({ results: rows.map((r) => resultJson(r)) }, null, 2)}\n`
            : renderList(rows, total, s.location),
        );
        return 0;
      });
    }
    if (action === 'show') {
      if (ids.length !== 1) {
        throw new InputError('cli-missing-argument', 'results show takes one id', {
          hint: 'superatom results show 3f2a9c',
        });
      }
      return withStore(args, io, async (s) => {
        const r = await getOne(s, ids[0]!);
        io.stdout(json ? `${JSON.stringify(resultJson(r, true), null, 2)}\n` : renderShow(r));
        return 0;
      });
    }
    if (action === 'export') {
      return withStore(args, io, async (s) => {
        const rows = await s.query({ ...q, limit: args.options.limit === 100 ? 1_000_000_000 : q.limit });
        const out = args.options.output as string | undefined;
        const exporter = await import('../../store/export.js');
        let text: string;
        let note: string;
        if (args.options.format === 'extxyz') {
          const x = exporter.toExtxyz(rows);
          text = x.text;
          note = `${x.frames} frame(s) from ${rows.length - x.skipped} result(s)${x.skipped ? `; ${x.skipped} result(s) kept no structure` : ''}`;
        } else {
          text = exporter.toJsonLines(rows);
          note = `${rows.length} result(s)`;
        }
        if (out) {
          writeTextFile(out, text, io.cwd);
          io.stderr(`wrote ${out}: ${note}\n`);
        } else {
          io.stdout(text);
          io.stderr(`${note}\n`);
        }
        return 0;
      });
    }
    // delete
    if (ids.length === 0 && !(hasFilter(q) && args.options.yes)) {
      throw new InputError('results-delete', 'results delete needs ids, or filters and --yes', {
        hint: 'superatom results delete 3f2a9c  or  superatom results delete --kind search --since 7d --yes',
      });
    }
    return withStore(args, io, async (s) => {
      const targets =
        ids.length > 0
          ? await Promise.all(ids.map(async (id) => (await getOne(s, id)).id))
          : (await s.query({ ...q, limit: 1_000_000_000 })).map((r) => r.id);
      const n = await s.delete(targets);
      io.stdout(json ? `${JSON.stringify({ deleted: n, ids: targets })}\n` : `deleted ${n} result(s)\n`);
      return 0;
    });
  },
};
