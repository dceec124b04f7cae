/**
 * The one Store implementation: the same SQL for both back ends on top of a small Driver (SQLite
 * through better-sqlite3, PostgreSQL through pg). Only placeholders, JSON parameters and the
 * migration lock differ, and those live in the drivers.
 */
import { hillFormula } from '../chem/composition.js';
import { parseFormula } from '../chem/parse.js';
import { InputError } from '../core/errors.js';
import { type JobStore, SqlJobStore } from './jobs.js';
import {
  type Backend,
  backfillRow,
  elementsText,
  LATEST_SCHEMA,
  MIGRATIONS,
  SCHEMA_VERSION_DDL,
} from './schema.js';
import type { Provenance, ResultQuery, ResultRecord, Store, StoredStructure } from './types.js';

export type Row = Record<string, unknown>;

export interface Driver {
  readonly backend: Backend;
  readonly location: string;
  /** Placeholder for parameter i (1-based): '?' or '$i'. */
  param(i: number): string;
  /** Placeholder for a JSON parameter passed as text: '?' or '$i::jsonb'. */
  jsonParam(i: number): string;
  exec(sql: string): Promise<void>;
  all(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Returns the number of rows changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /** Run fn in one transaction; `exclusive` also serialises migrations across processes. */
  transaction<T>(fn: () => Promise<T>, exclusive?: boolean): Promise<T>;
  /** A JSON column value as read back (text in SQLite, parsed already by pg). */
  readJson(x: unknown): unknown;
  /** A time column as read back → ISO 8601. */
  readTime(x: unknown): string;
  close(): Promise<void>;
}

const COLUMNS = [
  'id',
  'kind',
  'formula',
  'hill',
  'charge',
  'elements',
  'electron_count',
  'point_group',
  'energy',
  'created_at',
  'inputs_hash',
  'provenance',
  'report',
  'structures',
] as const;
const JSON_COLUMNS = new Set(['provenance', 'report', 'structures']);
/** Rows per multi-row INSERT in saveMany (14 columns: 1400 parameters, within both back ends' limits). */
const ROWS_PER_INSERT = 100;

export class SqlStore implements Store {
  readonly backend: Backend;
  readonly location: string;
  readonly jobs: JobStore;
  private readonly insertSql: string;

  constructor(private readonly db: Driver) {
    this.jobs = new SqlJobStore(db);
    this.backend = db.backend;
    this.location = db.location;
    const values = COLUMNS.map((c, i) => (JSON_COLUMNS.has(c) ? db.jsonParam(i + 1) : db.param(i + 1)));
    this.insertSql = `INSERT INTO results (${COLUMNS.join(', ')}) VALUES (${values.join(', ')}) ON CONFLICT (id) DO NOTHING`;
  }

  async schemaVersion(): Promise<number> {
    try {
      const rows = await this.db.all('SELECT MAX(version) AS v FROM schema_version');
      return Number(rows[0]?.v ?? 0);
    } catch {
      return 0; // no schema_version table: an empty database
    }
  }

  async migrate(): Promise<{ from: number; to: number }> {
    const b = this.backend;
    return this.db.transaction(async () => {
      await this.db.exec(SCHEMA_VERSION_DDL[b]);
      const rows = await this.db.all('SELECT MAX(version) AS v FROM schema_version');
      const from = Number(rows[0]?.v ?? 0);
      if (from > LATEST_SCHEMA) {
        throw new InputError(
          'store-schema-newer',
          `the results database ${this.location} has schema version ${from}, newer than this Superatom knows (${LATEST_SCHEMA}); it was written by a later version`,
          { hint: 'upgrade superatom to read it, or point --db / SUPERATOM_DB at another database' },
        );
      }
      for (const m of MIGRATIONS) {
        if (m.version <= from) continue;
        for (const sql of m.sql[b]) await this.db.exec(sql);
        if (m.backfill) await this.backfill();
        await this.db.run(
          `INSERT INTO schema_version (version, description, applied_at) VALUES (${this.db.param(1)}, ${this.db.param(2)}, ${this.db.param(3)})`,
          [m.version, m.description, new Date().toISOString()],
        );
      }
      return { from, to: Math.max(from, LATEST_SCHEMA) };
    }, true);
  }

  /** Fill the version-2 columns of rows written under the first schema. */
  private async backfill(): Promise<void> {
    const p = (i: number) => this.db.param(i);
    const rows = await this.db.all('SELECT id, kind, formula, report FROM results WHERE hill IS NULL');
    const sql = `UPDATE results SET formula = ${p(1)}, hill = ${p(2)}, elements = ${p(3)}, electron_count = ${p(4)}, point_group = ${p(5)}, energy = ${p(6)} WHERE id = ${p(7)}`;
    for (const r of rows) {
      const c = backfillRow(String(r.kind), this.db.readJson(r.report), (r.formula as string | null) ?? null);
      await this.db.run(sql, [c.formula, c.hill, c.elements, c.electronCount, c.pointGroup, c.energy, r.id]);
    }
  }

  private values(r: ResultRecord): unknown[] {
    return [
      r.id,
      r.kind,
      r.formula,
      r.hill,
      r.charge === null ? null : Math.round(r.charge),
      elementsText(r.elements),
      r.electronCount,
      r.pointGroup,
      r.energy,
      r.createdAt,
      r.provenance.inputsHash,
      JSON.stringify(r.provenance),
      JSON.stringify(r.report ?? null),
      r.structures ? JSON.stringify(r.structures) : null,
    ];
  }

  async save(record: ResultRecord): Promise<boolean> {
    return (await this.db.run(this.insertSql, this.values(record))) > 0;
  }

  /** Multi-row INSERT … ON CONFLICT DO NOTHING, ROWS_PER_INSERT rows a statement (one round trip). */
  private insertManySql(rows: number): string {
    const w = COLUMNS.length;
    const tuples = Array.from(
      { length: rows },
      (_, r) =>
        `(${COLUMNS.map((c, i) => (JSON_COLUMNS.has(c) ? this.db.jsonParam(r * w + i + 1) : this.db.param(r * w + i + 1))).join(', ')})`,
    );
    return `INSERT INTO results (${COLUMNS.join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT (id) DO NOTHING`;
  }

  async saveMany(records: readonly ResultRecord[]): Promise<number> {
    return this.db.transaction(async () => {
      let n = 0;
      for (let i = 0; i < records.length; i += ROWS_PER_INSERT) {
        const chunk = records.slice(i, i + ROWS_PER_INSERT);
        // a record repeated within one statement would make PostgreSQL refuse the whole statement
        if (new Set(chunk.map((r) => r.id)).size !== chunk.length) {
          for (const r of chunk) n += await this.db.run(this.insertSql, this.values(r));
          continue;
        }
        n += await this.db.run(
          this.insertManySql(chunk.length),
          chunk.flatMap((r) => this.values(r)),
        );
      }
      return n;
    });
  }

  async get(idOrPrefix: string): Promise<ResultRecord | undefined> {
    const key = idOrPrefix.trim().toLowerCase();
    if (!/^[0-9a-f]{4,64}$/.test(key)) {
      throw new InputError('store-id', `"${idOrPrefix}" is not a result id`, {
        hint: 'ids are hexadecimal; give at least 4 digits (superatom results list shows them)',
      });
    }
    const rows = await this.db.all(
      `SELECT * FROM results WHERE id ${key.length === 64 ? `= ${this.db.param(1)}` : `LIKE ${this.db.param(1)}`} LIMIT 2`,
      [key.length === 64 ? key : `${key}%`],
    );
    if (rows.length > 1) {
      throw new InputError(
        'store-id-ambiguous',
        `the id prefix "${idOrPrefix}" matches more than one result`,
        {
          hint: 'give more digits of the id',
        },
      );
    }
    return rows[0] ? this.toRecord(rows[0]) : undefined;
  }

  private where(q: ResultQuery): { sql: string; params: unknown[] } {
    const parts: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return this.db.param(params.length);
    };
    if (q.kind !== undefined) parts.push(`kind = ${p(q.kind)}`);
    if (q.formula !== undefined) {
      const alt = formulaKey(q.formula);
      parts.push(
        alt
          ? `(formula = ${p(q.formula)} OR (hill = ${p(alt.hill)} AND charge = ${p(alt.charge)}))`
          : `formula = ${p(q.formula)}`,
      );
    }
    if (q.since !== undefined) parts.push(`created_at >= ${p(q.since)}`);
    for (const e of q.elements ?? []) parts.push(`elements LIKE ${p(`%,${e},%`)}`);
    if (q.electronCount !== undefined) parts.push(`electron_count = ${p(q.electronCount)}`);
    if (q.pointGroup !== undefined) parts.push(`point_group = ${p(q.pointGroup)}`);
    return { sql: parts.length ? ` WHERE ${parts.join(' AND ')}` : '', params };
  }

  async query(q: ResultQuery = {}): Promise<ResultRecord[]> {
    const { sql, params } = this.where(q);
    const limit = Math.max(0, Math.floor(q.limit ?? 100));
    const offset = Math.max(0, Math.floor(q.offset ?? 0));
    const rows = await this.db.all(
      `SELECT * FROM results${sql} ORDER BY created_at DESC, id LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    return rows.map((r) => this.toRecord(r));
  }

  async count(q: ResultQuery = {}): Promise<number> {
    const { sql, params } = this.where(q);
    const rows = await this.db.all(`SELECT COUNT(*) AS n FROM results${sql}`, params);
    return Number(rows[0]?.n ?? 0);
  }

  async delete(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    return this.db.transaction(async () => {
      let n = 0;
      for (const id of ids)
        n += await this.db.run(`DELETE FROM results WHERE id = ${this.db.param(1)}`, [id]);
      return n;
    });
  }

  close(): Promise<void> {
    return this.db.close();
  }

  private toRecord(r: Row): ResultRecord {
    const el = typeof r.elements === 'string' ? r.elements.split(',').filter(Boolean) : [];
    const n = (x: unknown) => (x === null || x === undefined ? null : Number(x));
    return {
      id: String(r.id),
      kind: String(r.kind),
      formula: (r.formula as string | null) ?? null,
      hill: (r.hill as string | null) ?? null,
      charge: n(r.charge),
      elements: el,
      electronCount: n(r.electron_count),
      pointGroup: (r.point_group as string | null) ?? null,
      energy: n(r.energy),
      createdAt: this.db.readTime(r.created_at),
      provenance: this.db.readJson(r.provenance) as Provenance,
      report: this.db.readJson(r.report),
      structures: (r.structures === null || r.structures === undefined
        ? null
        : this.db.readJson(r.structures)) as readonly StoredStructure[] | null,
    };
  }
}

/** Hill formula (no charge) and charge of a formula query, when it parses. */
function formulaKey(text: string): { hill: string; charge: number } | null {
  try {
    const f = parseFormula(text);
    const hill = hillFormula(f.composition);
    return hill ? { hill, charge: f.charge } : null;
  } catch {
    return null;
  }
}
