#!/usr/bin/env node
// Screening throughput: jobs per second and the per-job overhead of the embedded runner and of
// the BullMQ/Redis queue, against the same jobs run directly (runJob in one loop, no store), with
// 1, 2 and 4 workers.
//
//   npm run build && node bench/screen.bench.js [--jobs 100] [--atoms 147|55] [--full]
//   (or: node bench/run.js screen)
//
// The jobs: [M X146]^q (default) or [M X54]^q candidates (147- or 55-atom Mackay icosahedra), each
// counted, built and relaxed on Gupta (L-BFGS) — the cheap jobs of the queue tests. Each configuration gets its own job ids
// (a different maxIterations, which the relaxations never reach), so nothing is skipped as done.
// Overhead per job = wall time × workers / jobs − direct time per job (worker-seconds spent per
// job outside the computation: IPC, Redis round trips, store writes). On this 2-core machine 4
// workers oversubscribe the cores: read their numbers as contention, not overhead.
// The queue runs need redis-server; the store is PostgreSQL (throwaway server) when installed,
// else SQLite.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runEmbedded } from '../dist/queue/embedded.js';
import { startRedis } from '../dist/queue/testing.js';
import { expandPlan, screenIdOf } from '../dist/screen/expand.js';
import { runJob } from '../dist/screen/job.js';
import { parsePlan } from '../dist/screen/plan.js';
import { openStore } from '../dist/store/open.js';
import { findPostgresBin, startPostgres } from '../dist/store/pg-server.js';

const here = dirname(fileURLToPath(import.meta.url));
const BIN = join(here, '..', 'bin', 'superatom.js');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const FULL = process.argv.includes('--full');
const JOBS = arg('jobs', FULL ? 400 : 100);
/** Atoms per candidate: 147 (~50 ms a job on a free core) or 55 (~2–10 ms: overhead-dominated). */
const ATOMS = arg('atoms', 147);
if (ATOMS !== 55 && ATOMS !== 147) throw new Error('--atoms is 55 or 147');
const WORKERS = [1, 2, 4];

let variant = 0;
function plan() {
  variant++;
  const metals = ['Ni', 'Cu', 'Pd', 'Ag', 'Pt', 'Au', 'Al', 'W', 'Mo', 'Re'];
  const hosts = ['Cu', 'Ag', 'Au', 'Pt'];
  const charges = [-2, -1, 0, 1, 2, 3, -3, 4, -4, 5];
  const per = metals.length * hosts.length;
  const q = charges.slice(0, Math.max(1, Math.ceil(JOBS / per)));
  const text = `name: bench-${variant}
space:
  - formula: "[{M}{H}${ATOMS - 1}]{q}"
    vars: { M: [${metals}], H: [${hosts}], q: [${q}] }
pipeline:
  - count: {}
  - build: { shape: icosahedron }
  - relax: { potential: gupta, maxIterations: ${5000 + variant} }
`;
  const p = parsePlan(text);
  const c = expandPlan(p).slice(0, JOBS);
  return { text, plan: p, candidates: c, id: screenIdOf(p, c) };
}

async function register(store, p) {
  await store.jobs.addScreen(
    {
      id: p.id,
      name: p.plan.name,
      plan: { text: p.text, plan: p.plan },
      createdAt: new Date().toISOString(),
    },
    p.candidates.map((c) => ({ jobId: c.jobId, index: c.index, vars: c.vars, inputs: c.inputs })),
  );
}

const dir = mkdtempSync(join(tmpdir(), 'superatom-bench-screen-'));
const cleanups = [];
const rows = [];
try {
  // warm-up and the baseline: direct execution in this thread
  const warm = plan();
  for (const c of warm.candidates.slice(0, 10)) await runJob(c.inputs);
  const direct = plan();
  let t0 = performance.now();
  for (const c of direct.candidates) await runJob(c.inputs);
  const directMs = (performance.now() - t0) / direct.candidates.length;
  rows.push(['direct (1 thread, no store)', 1, 1000 / directMs, directMs, 0]);

  // embedded: worker threads, SQLite
  for (const w of WORKERS) {
    const store = await openStore(join(dir, `embedded-${w}.db`));
    const p = plan();
    await register(store, p);
    t0 = performance.now();
    const s = await runEmbedded(store, p.id, { workers: w, attempts: 1 });
    const wall = performance.now() - t0;
    await store.close();
    if (s.saved !== p.candidates.length) throw new Error(`embedded ${w}: ${s.saved} saved`);
    const per = wall / p.candidates.length;
    rows.push([`embedded, ${w} thread${w > 1 ? 's' : ''} (SQLite)`, w, 1000 / per, per, per * w - directMs]);
  }

  // queue: redis-server + N `superatom worker` processes
  if (spawnSync('redis-server', ['--version']).error) {
    console.log('queue: skipped (redis-server not installed)');
  } else {
    const redis = await startRedis(); // waits until it listens
    cleanups.push(() => redis.stop());
    const url = redis.url;
    let db = join(dir, 'queue.db');
    let backend = 'SQLite';
    if (findPostgresBin()) {
      const pg = await startPostgres();
      cleanups.push(() => pg.stop());
      db = pg.url;
      backend = 'PostgreSQL';
    }
    const store = await openStore(db);
    for (const w of WORKERS) {
      const procs = Array.from({ length: w }, (_, k) => {
        const c = spawn(
          process.execPath,
          [BIN, 'worker', '--queue', url, '--db', db, '--name', `b${w}-${k}`],
          {
            stdio: ['ignore', 'ignore', 'pipe'],
            detached: true,
            env: { ...process.env, OMP_NUM_THREADS: '1' },
          },
        );
        let err = '';
        c.stderr.setEncoding('utf8').on('data', (t) => {
          err += t;
        });
        return { c, ready: () => err.includes('ready on') };
      });
      cleanups.push(() =>
        procs.forEach((p) => {
          try {
            process.kill(-p.c.pid, 'SIGKILL');
          } catch {}
        }),
      );
      while (!procs.every((p) => p.ready())) await new Promise((r) => setTimeout(r, 50));
      const p = plan();
      await register(store, p);
      const { submitJobs } = await import('../dist/queue/bull.js');
      t0 = performance.now();
      await submitJobs(
        url,
        p.id,
        p.candidates.map((c) => ({ jobId: c.jobId, index: c.index, vars: c.vars, inputs: c.inputs })),
        1,
      );
      for (;;) {
        const st = await store.jobs.status(p.id);
        if (st.done + st.failed >= st.total) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      const wall = performance.now() - t0;
      const per = wall / p.candidates.length;
      rows.push([
        `queue, ${w} worker${w > 1 ? 's' : ''} (Redis + ${backend})`,
        w,
        1000 / per,
        per,
        per * w - directMs,
      ]);
      for (const x of procs) process.kill(x.c.pid, 'SIGTERM');
      await Promise.all(
        procs.map((x) => new Promise((r) => (x.c.exitCode !== null ? r() : x.c.once('exit', r)))),
      );
    }
    await store.close();
  }

  console.log(
    `screening: ${JOBS} jobs (count + build + Gupta relax of a ${ATOMS}-atom icosahedron), ${process.arch}, node ${process.version}`,
  );
  console.log(
    'configuration                              workers   jobs/s   ms/job (wall)   overhead ms/job (worker time − direct)   ×direct',
  );
  for (const [name, w, rate, per, over] of rows) {
    console.log(
      `${name.padEnd(42)} ${String(w).padStart(7)} ${rate.toFixed(1).padStart(8)} ${per.toFixed(2).padStart(15)} ${over.toFixed(2).padStart(40)} ${(rate / rows[0][2]).toFixed(2).padStart(9)}`,
    );
  }
} finally {
  for (const c of cleanups.reverse()) {
    try {
      await c();
    } catch {}
  }
  rmSync(dir, { recursive: true, force: true });
}
