/**
 * Screening jobs in the results database (schema version 3), the same SQL on SQLite and
 * PostgreSQL. A screen is a plan and the list of its jobs; a job's result is written once, keyed
 * by the job id (the hash of its inputs): queues deliver at least once, and `INSERT … ON CONFLICT
 * (job_id) DO NOTHING` makes the result exactly once. Every start, finish, duplicate and failure
 * is also appended to job_events, so a run can be audited (how often a job really ran).
 */
import { InputError } from '../core/errors.js';
import type { Driver } from './sql-store.js';

export interface ScreenInfo {
  readonly id: string;
  readonly name: string;
  /** The plan as submitted (its text and the parsed plan). */
  readonly plan: unknown;
  readonly createdAt: string;
  readonly cancelledAt: string | null;
  readonly jobs: number;
}

export interface ScreenJob {
  readonly jobId: string;
  readonly index: number;
  readonly vars: Readonly<Record<string, string | number>>;
  readonly inputs: unknown;
}

export interface JobResultRow extends ScreenJob {
  readonly result: unknown;
  readonly worker: string | null;
  readonly elapsedMs: number | null;
  readonly createdAt: string;
}

export interface ScreenStatus {
  readonly total: number;
  /** Jobs with a result. */
  readonly done: number;
  /** Started at least once, no result yet and not failed. */
  readonly running: number;
  /** Gave up after their attempts (an 'failed' event) and have no result. */
  readonly failed: number;
  readonly pending: number;
  /** Starts logged (≥ done: a job can be delivered more than once). */
  readonly starts: number;
  /** Results that arrived for a job already done (ignored). */
  readonly duplicates: number;
  /** Attempts that threw (retried or failed). */
  readonly errors: number;
  readonly cancelled: boolean;
}

export type JobEvent = 'start' | 'done' | 'duplicate' | 'error' | 'failed';

export interface JobStore {
  /** Record a screen and its jobs (idempotent: existing rows are kept). Returns jobs newly listed. */
  addScreen(
    screen: {
      readonly id: string;
      readonly name: string;
      readonly plan: unknown;
      readonly createdAt: string;
    },
    jobs: readonly ScreenJob[],
  ): Promise<number>;
  /** By full id, a unique id prefix (≥ 4 hex digits) or the name of the newest screen so named. */
  getScreen(key: string): Promise<ScreenInfo | undefined>;
  listScreens(): Promise<ScreenInfo[]>;
  jobs(screenId: string): Promise<ScreenJob[]>;
  /** Jobs of the screen with no result yet, in plan order. */
  pending(screenId: string): Promise<ScreenJob[]>;
  /** The inputs of a job (from any screen listing it). */
  job(jobId: string): Promise<ScreenJob | undefined>;
  /** Write a result once: false when the job already had one (logged as a duplicate). */
  saveResult(r: {
    readonly jobId: string;
    readonly result: unknown;
    readonly worker: string;
    readonly elapsedMs: number;
    readonly at: string;
  }): Promise<boolean>;
  hasResult(jobId: string): Promise<boolean>;
  logEvent(jobId: string, worker: string, event: JobEvent, detail?: string): Promise<void>;
  cancel(screenId: string, at: string): Promise<void>;
  status(screenId: string): Promise<ScreenStatus>;
  /** Jobs with their results, plan order. */
  results(screenId: string): Promise<JobResultRow[]>;
}

const ROWS_PER_INSERT = 150;

export class SqlJobStore implements JobStore {
  constructor(private readonly db: Driver) {}

  private p(i: number) {
    return this.db.param(i);
  }

  async addScreen(
    screen: { id: string; name: string; plan: unknown; createdAt: string },
    jobs: readonly ScreenJob[],
  ): Promise<number> {
    const db = this.db;
    return db.transaction(async () => {
      await db.run(
        `INSERT INTO screens (id, name, plan, created_at) VALUES (${this.p(1)}, ${this.p(2)}, ${db.jsonParam(3)}, ${this.p(4)}) ON CONFLICT (id) DO NOTHING`,
        [screen.id, screen.name, JSON.stringify(screen.plan), screen.createdAt],
      );
      let n = 0;
      for (let i = 0; i < jobs.length; i += ROWS_PER_INSERT) {
        const chunk = jobs.slice(i, i + ROWS_PER_INSERT);
        const tuples = chunk.map(
          (_, r) =>
            `(${this.p(5 * r + 1)}, ${this.p(5 * r + 2)}, ${this.p(5 * r + 3)}, ${db.jsonParam(5 * r + 4)}, ${db.jsonParam(5 * r + 5)})`,
        );
        n += await db.run(
          `INSERT INTO screen_jobs (screen_id, job_id, idx, vars, inputs) VALUES ${tuples.join(', ')} ON CONFLICT (screen_id, job_id) DO NOTHING`,
          chunk.flatMap((j) => [
            screen.id,
            j.jobId,
            j.index,
            JSON.stringify(j.vars),
            JSON.stringify(j.inputs),
          ]),
        );
      }
      return n;
    });
  }

  private screenInfo(r: Record<string, unknown>): ScreenInfo {
    return {
      id: String(r.id),
      name: String(r.name),
      plan: this.db.readJson(r.plan),
      createdAt: this.db.readTime(r.created_at),
      cancelledAt:
        r.cancelled_at === null || r.cancelled_at === undefined ? null : this.db.readTime(r.cancelled_at),
      jobs: Number(r.jobs ?? 0),
    };
  }

  private readonly screenSelect =
    'SELECT s.*, (SELECT COUNT(*) FROM screen_jobs j WHERE j.screen_id = s.id) AS jobs FROM screens s';

  async getScreen(key: string): Promise<ScreenInfo | undefined> {
    const k = key.trim();
    if (/^[0-9a-f]{4,64}$/.test(k)) {
      const rows = await this.db.all(`${this.screenSelect} WHERE s.id LIKE ${this.p(1)} LIMIT 2`, [`${k}%`]);
      if (rows.length > 1) {
        throw new InputError(
          'screen-id-ambiguous',
          `the screen id prefix "${k}" matches more than one screen`,
          {
            hint: 'give more digits (superatom screen status lists them)',
          },
        );
      }
      if (rows[0]) return this.screenInfo(rows[0]);
    }
    const rows = await this.db.all(
      `${this.screenSelect} WHERE s.name = ${this.p(1)} ORDER BY s.created_at DESC LIMIT 1`,
      [k],
    );
    return rows[0] ? this.screenInfo(rows[0]) : undefined;
  }

  async listScreens(): Promise<ScreenInfo[]> {
    const rows = await this.db.all(`${this.screenSelect} ORDER BY s.created_at DESC`);
    return rows.map((r) => this.screenInfo(r));
  }

  private job_(r: Record<string, unknown>): ScreenJob {
    return {
      jobId: String(r.job_id),
      index: Number(r.idx),
      vars: this.db.readJson(r.vars) as Record<string, string | number>,
      inputs: this.db.readJson(r.inputs),
    };
  }

  async jobs(screenId: string): Promise<ScreenJob[]> {
    const rows = await this.db.all(`SELECT * FROM screen_jobs WHERE screen_id = ${this.p(1)} ORDER BY idx`, [
      screenId,
    ]);
    return rows.map((r) => this.job_(r));
  }

  async pending(screenId: string): Promise<ScreenJob[]> {
    const rows = await this.db.all(
      `SELECT j.* FROM screen_jobs j LEFT JOIN job_results r ON r.job_id = j.job_id WHERE j.screen_id = ${this.p(1)} AND r.job_id IS NULL ORDER BY j.idx`,
      [screenId],
    );
    return rows.map((r) => this.job_(r));
  }

  async job(jobId: string): Promise<ScreenJob | undefined> {
    const rows = await this.db.all(`SELECT * FROM screen_jobs WHERE job_id = ${this.p(1)} LIMIT 1`, [jobId]);
    return rows[0] ? this.job_(rows[0]) : undefined;
  }

  async saveResult(r: {
    jobId: string;
    result: unknown;
    worker: string;
    elapsedMs: number;
    at: string;
  }): Promise<boolean> {
    // no transaction: the insert alone decides (a second, concurrent writer's insert does nothing)
    const n = await this.db.run(
      `INSERT INTO job_results (job_id, result, worker, elapsed_ms, created_at) VALUES (${this.p(1)}, ${this.db.jsonParam(2)}, ${this.p(3)}, ${this.p(4)}, ${this.p(5)}) ON CONFLICT (job_id) DO NOTHING`,
      [r.jobId, JSON.stringify(r.result), r.worker, r.elapsedMs, r.at],
    );
    await this.logEvent(r.jobId, r.worker, n > 0 ? 'done' : 'duplicate');
    return n > 0;
  }

  async hasResult(jobId: string): Promise<boolean> {
    const rows = await this.db.all(`SELECT 1 AS x FROM job_results WHERE job_id = ${this.p(1)}`, [jobId]);
    return rows.length > 0;
  }

  async logEvent(jobId: string, worker: string, event: JobEvent, detail?: string): Promise<void> {
    await this.db.run(
      `INSERT INTO job_events (job_id, worker, event, detail, at) VALUES (${this.p(1)}, ${this.p(2)}, ${this.p(3)}, ${this.p(4)}, ${this.p(5)})`,
      [jobId, worker, event, detail?.slice(0, 2000) ?? null, new Date().toISOString()],
    );
  }

  async cancel(screenId: string, at: string): Promise<void> {
    await this.db.run(
      `UPDATE screens SET cancelled_at = ${this.p(1)} WHERE id = ${this.p(2)} AND cancelled_at IS NULL`,
      [at, screenId],
    );
  }

  async status(screenId: string): Promise<ScreenStatus> {
    const rows = await this.db.all(
      `SELECT
        COUNT(*) AS total,
        SUM(CASE WHEN r.job_id IS NOT NULL THEN 1 ELSE 0 END) AS done,
        SUM(CASE WHEN r.job_id IS NULL AND EXISTS (SELECT 1 FROM job_events e WHERE e.job_id = j.job_id AND e.event = 'failed') THEN 1 ELSE 0 END) AS failed,
        SUM(CASE WHEN r.job_id IS NULL AND NOT EXISTS (SELECT 1 FROM job_events e WHERE e.job_id = j.job_id AND e.event = 'failed') AND EXISTS (SELECT 1 FROM job_events e WHERE e.job_id = j.job_id AND e.event = 'start') THEN 1 ELSE 0 END) AS running
      FROM screen_jobs j LEFT JOIN job_results r ON r.job_id = j.job_id WHERE j.screen_id = ${this.p(1)}`,
      [screenId],
    );
    const ev = await this.db.all(
      `SELECT e.event AS event, COUNT(*) AS n FROM job_events e WHERE e.job_id IN (SELECT job_id FROM screen_jobs WHERE screen_id = ${this.p(1)}) GROUP BY e.event`,
      [screenId],
    );
    const count = (name: string) => Number(ev.find((r) => r.event === name)?.n ?? 0);
    const s = await this.db.all(`SELECT cancelled_at FROM screens WHERE id = ${this.p(1)}`, [screenId]);
    const r = rows[0] ?? {};
    const total = Number(r.total ?? 0);
    const done = Number(r.done ?? 0);
    const failed = Number(r.failed ?? 0);
    const running = Number(r.running ?? 0);
    return {
      total,
      done,
      running,
      failed,
      pending: total - done - failed - running,
      starts: count('start'),
      duplicates: count('duplicate'),
      errors: count('error'),
      cancelled: s[0]?.cancelled_at !== null && s[0]?.cancelled_at !== undefined,
    };
  }

  async results(screenId: string): Promise<JobResultRow[]> {
    const rows = await this.db.all(
      `SELECT j.job_id, j.idx, j.vars, j.inputs, r.result, r.worker, r.elapsed_ms, r.created_at FROM screen_jobs j JOIN job_results r ON r.job_id = j.job_id WHERE j.screen_id = ${this.p(1)} ORDER BY j.idx`,
      [screenId],
    );
    return rows.map((r) => ({
      ...this.job_(r),
      result: this.db.readJson(r.result),
      worker: (r.worker as string | null) ?? null,
      elapsedMs: r.elapsed_ms === null || r.elapsed_ms === undefined ? null : Number(r.elapsed_ms),
      createdAt: this.db.readTime(r.created_at),
    }));
  }
}
