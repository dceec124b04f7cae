/**
 * The distributed queue for real: a Redis server and a PostgreSQL server started here, three
 * `superatom worker` processes (the built CLI), a 200-candidate plan submitted with `superatom
 * screen --queue`. One worker is killed with SIGKILL while it holds a job (its whole process group:
 * the machine died), another gets SIGTERM (graceful: it finishes its job, then exits 0). The run must
 * end with exactly 200 results, one per job id, every job accounted for; and the same plan run
 * embedded (SQLite, worker threads) must give the same results, job by job.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/open.js';
import { type PostgresServer, startPostgres } from '../store/pg-server.js';
import { postgresSkipReason } from '../store/testing.js';
import {
  type CliProcess,
  killAll,
  PLAN_200_147,
  processSkipReason,
  type RedisServer,
  spawnCli,
  startRedis,
  waitFor,
} from './testing.js';

const skip = processSkipReason(true) ?? postgresSkipReason();
if (skip) console.warn(`\n!!! distributed screening test skipped: ${skip}\n`);

describe.skipIf(skip)('distributed screening (Redis + PostgreSQL + 3 workers)', () => {
  let redis: RedisServer | undefined;
  let pgServer: PostgresServer | undefined;
  let dir = '';
  const procs: CliProcess[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'superatom-queue-'));
    [redis, pgServer] = await Promise.all([startRedis(), startPostgres()]);
  }, 60_000);
  afterAll(async () => {
    await killAll(procs);
    await redis?.stop();
    pgServer?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('SIGKILL and SIGTERM mid-job: exactly 200 results, no duplicates, same as embedded', async () => {
    const url = redis!.url;
    const db = pgServer!.url;
    const plan = join(dir, 'plan.yaml');
    writeFileSync(plan, PLAN_200_147);
    const workers = ['w1', 'w2', 'w3'].map((name) =>
      spawnCli(['worker', '--queue', url, '--db', db, '--name', name]),
    );
    procs.push(...workers);
    await waitFor('three workers ready', () => workers.every((w) => w.err.includes('ready on')), 30_000, 100);

    const submit = spawnCli(['screen', plan, '--queue', url, '--db', db, '--json']);
    procs.push(submit);
    const sub = await submit.exit;
    expect(sub.code, submit.err).toBe(0);
    const { screen } = JSON.parse(submit.out) as { screen: string };

    const client = new pg.Client({ connectionString: db });
    await client.connect();
    try {
      const done = async () =>
        Number((await client.query('SELECT COUNT(*) AS n FROM job_results')).rows[0].n as string);
      /** The job a worker holds right now: its last event is a start. */
      const inFlight = async (name: string) => {
        const r = await client.query(
          'SELECT job_id, event FROM job_events WHERE worker LIKE $1 ORDER BY id DESC LIMIT 1',
          [`${name}/%`],
        );
        return r.rows[0]?.event === 'start' ? (r.rows[0].job_id as string) : null;
      };
      /** Jobs a worker started and never finished (after it was killed: the one it held). */
      const unfinished = async (name: string) =>
        (
          await client.query(
            `SELECT s.job_id FROM job_events s WHERE s.worker LIKE $1 AND s.event = 'start' AND NOT EXISTS
             (SELECT 1 FROM job_events d WHERE d.job_id = s.job_id AND d.worker = s.worker AND d.event IN ('done', 'duplicate', 'error'))
             AND NOT EXISTS (SELECT 1 FROM job_results r WHERE r.job_id = s.job_id AND r.worker = s.worker)`,
            [`${name}/%`],
          )
        ).rows.map((r) => r.job_id as string);
      // SIGKILL the process group of w1 and SIGTERM w2 at the same moment, as soon as both hold a
      // job (jobs last ~0.1 s and 200 of them ~10 s on three workers: waiting for w2 after w1 was
      // dealt with could find the queue already empty). Should the kill land between two jobs of
      // w1 (the job it held finished in the few ms before the signal), a fresh worker takes its
      // place and is killed the same way.
      let termJob: string | null = null;
      await waitFor(
        'w1 and w2 to hold a job after 20 results',
        async () => {
          if ((await done()) < 20 || (await inFlight('w1')) === null) return false;
          termJob = await inFlight('w2');
          return termJob !== null;
        },
        90_000,
        2,
      );
      let victim = workers[0]!;
      let victimName = 'w1';
      victim.kill('SIGKILL');
      process.kill(workers[1]!.pid, 'SIGTERM');
      let killedJob: string | undefined;
      for (let attempt = 0; ; attempt++) {
        expect((await victim.exit).signal).toBe('SIGKILL');
        await new Promise((r) => setTimeout(r, 300)); // statements already sent by the dead child land first
        killedJob = (await unfinished(victimName))[0];
        if (killedJob || attempt === 3) break;
        victimName = `w1-${attempt + 1}`;
        victim = spawnCli(['worker', '--queue', url, '--db', db, '--name', victimName]);
        procs.push(victim);
        await waitFor('the replacement worker', () => victim.err.includes('ready on'), 30_000, 100);
        await waitFor(
          `${victimName} to hold a job`,
          async () => (await inFlight(victimName)) !== null,
          60_000,
          2,
        );
        victim.kill('SIGKILL');
      }
      expect(killedJob).toBeDefined();
      // graceful: w2 finishes the job it held, then exits 0, and leaves nothing unfinished
      const term = await workers[1]!.exit;
      expect(term.code, workers[1]!.err).toBe(0);
      expect(await unfinished('w2')).toEqual([]);

      await waitFor('200 results', async () => (await done()) >= 200, 120_000, 200);
      const rows = (
        await client.query(
          'SELECT r.job_id, r.worker FROM job_results r JOIN screen_jobs j ON j.job_id = r.job_id WHERE j.screen_id = $1',
          [screen],
        )
      ).rows as { job_id: string; worker: string }[];
      expect(rows.length).toBe(200);
      expect(new Set(rows.map((r) => r.job_id)).size).toBe(200);
      const store = await openStore(db);
      const status = await store.jobs.status(screen);
      expect(status).toMatchObject({ total: 200, done: 200, pending: 0, failed: 0, running: 0 });
      // the job w1 held when it died was finished by another worker; w2 finished its own
      const byJob = new Map(rows.map((r) => [r.job_id, r.worker]));
      expect(byJob.get(killedJob!)).toBeDefined();
      expect(byJob.get(killedJob!)!.startsWith(`${victimName}/`)).toBe(false);
      expect(byJob.get(termJob!)!.startsWith('w2/')).toBe(true);
      console.log(
        `distributed: ${status.starts} starts for 200 jobs, ${status.duplicates} duplicate results ignored; killed job ${killedJob!.slice(0, 12)} redone by ${byJob.get(killedJob!)}`,
      );
      const distributed = new Map((await store.jobs.results(screen)).map((r) => [r.jobId, r.result]));
      await store.close();

      // the same plan embedded (SQLite, worker threads of the built CLI)
      const sqlite = join(dir, 'embedded.db');
      const emb = spawnCli(['screen', plan, '--db', sqlite, '--workers', '2', '--json']);
      procs.push(emb);
      expect((await emb.exit).code, emb.err).toBe(0);
      const local = await openStore(sqlite);
      const embedded = await local.jobs.results(screen);
      await local.close();
      expect(embedded.length).toBe(200);
      for (const r of embedded) expect(r.result).toEqual(distributed.get(r.jobId));
    } finally {
      await client.end();
    }
  }, 240_000);
});
