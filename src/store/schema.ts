/**
 * Versioned schema migrations, the same tables in SQLite and PostgreSQL (only the column types
 * differ: TEXT JSON vs jsonb, TEXT ISO time vs timestamptz). `schema_version` holds one row per
 * applied migration. A database whose version is newer than LATEST_SCHEMA is refused, never
 * read with a schema the code does not know.
 *
 * History:
 *  1. the first schema: id, kind, formula, charge, created time, inputs hash, provenance, report;
 *  2. search columns filled from each report (Hill formula, element set, electron count, point
 *     group, energy) and the structures kept for export;
 *  3. screening (src/screen, src/queue): screens, their jobs, job results with the job id unique
 *     (at-least-once delivery, exactly-once results) and an append-only log of job events.
 */
import { indexColumns } from './indexer.js';

export type Backend = 'sqlite' | 'postgres';

export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: Readonly<Record<Backend, readonly string[]>>;
  /** Fill new columns of existing rows from their reports. */
  readonly backfill?: boolean;
}

const T = {
  sqlite: { json: 'TEXT', time: 'TEXT', real: 'REAL' },
  postgres: { json: 'jsonb', time: 'timestamptz', real: 'double precision' },
} as const;

function v1(b: Backend): string[] {
  const t = T[b];
  return [
    `CREATE TABLE results (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      formula TEXT,
      charge INTEGER,
      created_at ${t.time} NOT NULL,
      inputs_hash TEXT NOT NULL,
      provenance ${t.json} NOT NULL,
      report ${t.json} NOT NULL
    )`,
    'CREATE INDEX results_kind ON results (kind, created_at)',
    'CREATE INDEX results_formula ON results (formula)',
    'CREATE INDEX results_created ON results (created_at)',
    'CREATE INDEX results_inputs ON results (inputs_hash)',
  ];
}

function v2(b: Backend): string[] {
  const t = T[b];
  return [
    'ALTER TABLE results ADD COLUMN hill TEXT',
    // ',Au,C,H,S,': a containment test is LIKE '%,Au,%' in both back ends
    'ALTER TABLE results ADD COLUMN elements TEXT',
    `ALTER TABLE results ADD COLUMN electron_count ${t.real}`,
    'ALTER TABLE results ADD COLUMN point_group TEXT',
    `ALTER TABLE results ADD COLUMN energy ${t.real}`,
    `ALTER TABLE results ADD COLUMN structures ${t.json}`,
    'CREATE INDEX results_hill ON results (hill, charge)',
    'CREATE INDEX results_electrons ON results (electron_count)',
    'CREATE INDEX results_point_group ON results (point_group)',
    'CREATE INDEX results_energy ON results (energy)',
  ];
}

function v3(b: Backend): string[] {
  const t = T[b];
  return [
    `CREATE TABLE screens (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      plan ${t.json} NOT NULL,
      created_at ${t.time} NOT NULL,
      cancelled_at ${t.time}
    )`,
    `CREATE TABLE screen_jobs (
      screen_id TEXT NOT NULL,
      job_id TEXT NOT NULL,
      idx INTEGER NOT NULL,
      vars ${t.json} NOT NULL,
      inputs ${t.json} NOT NULL,
      PRIMARY KEY (screen_id, job_id)
    )`,
    'CREATE INDEX screen_jobs_job ON screen_jobs (job_id)',
    `CREATE TABLE job_results (
      job_id TEXT PRIMARY KEY,
      result ${t.json} NOT NULL,
      worker TEXT,
      elapsed_ms ${t.real},
      created_at ${t.time} NOT NULL
    )`,
    `CREATE TABLE job_events (
      id ${b === 'sqlite' ? 'INTEGER PRIMARY KEY' : 'bigserial PRIMARY KEY'},
      job_id TEXT NOT NULL,
      worker TEXT,
      event TEXT NOT NULL,
      detail TEXT,
      at ${t.time} NOT NULL
    )`,
    'CREATE INDEX job_events_job ON job_events (job_id, event)',
  ];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'results with provenance and report',
    sql: { sqlite: v1('sqlite'), postgres: v1('postgres') },
  },
  {
    version: 2,
    description: 'search columns (hill, elements, electron_count, point_group, energy) and structures',
    sql: { sqlite: v2('sqlite'), postgres: v2('postgres') },
    backfill: true,
  },
  {
    version: 3,
    description: 'screening: screens, screen_jobs, job_results (job id unique), job_events',
    sql: { sqlite: v3('sqlite'), postgres: v3('postgres') },
  },
];

export const LATEST_SCHEMA = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export const SCHEMA_VERSION_DDL: Record<Backend, string> = {
  sqlite:
    'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)',
  postgres:
    'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at timestamptz NOT NULL)',
};

/** The element column's text: ',Au,C,H,S,' (empty set: null). */
export function elementsText(elements: readonly string[]): string | null {
  return elements.length ? `,${elements.join(',')},` : null;
}

/** Columns a version-2 backfill writes for one row of the first schema. */
export function backfillRow(kind: string, report: unknown, formula: string | null) {
  const c = indexColumns(kind, report, null);
  return {
    formula: formula ?? c.formula,
    hill: c.hill,
    elements: elementsText(c.elements),
    electronCount: c.electronCount,
    pointGroup: c.pointGroup,
    energy: c.energy,
  };
}
