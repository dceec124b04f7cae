/**
 * The embedded runner: no queue to set up. The main thread takes the screen's pending jobs from
 * the store (jobs without a result), hands them to worker threads (compiled build) or runs them
 * here (no compiled thread entry, e.g. under vitest), and writes each result as it arrives. A
 * crash loses only the jobs in flight: `screen resume` runs what has no result. Failed jobs are
 * retried with exponential back-off up to the plan's attempts, then logged as failed.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { JobInputs } from '../screen/expand.js';
import type { JobResult } from '../screen/job.js';
import type { ScreenJob, Store } from '../store/index.js';
import { executeJob, workerLabel } from './execute.js';

export interface EmbeddedOptions {
  /** Worker threads (0: run jobs in this thread). */
  readonly workers: number;
  readonly attempts: number;
  /** First retry delay, ms (doubled each attempt). */
  readonly backoffMs?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number, failed: number) => void;
  /** Poll the store for a cancelled screen every this many ms (default 1000). */
  readonly cancelPollMs?: number;
}

export interface EmbeddedSummary {
  readonly ran: number;
  readonly saved: number;
  readonly failed: number;
  readonly cancelled: boolean;
  readonly workers: number;
}

type Outcome = { result: JobResult; elapsedMs: number } | { error: string };

interface Runner {
  run(job: ScreenJob): Promise<Outcome>;
  close(): Promise<void>;
}

function inProcess(): Runner {
  return {
    async run(job) {
      const t0 = performance.now();
      try {
        // let the event loop breathe between CPU-bound jobs
        await new Promise((r) => setImmediate(r));
        return { result: await executeJob(job.inputs as JobInputs), elapsedMs: performance.now() - t0 };
      } catch (e) {
        return { error: e instanceof Error ? e.message : String(e) };
      }
    },
    async close() {},
  };
}

/** The compiled thread entry next to this module, if there is one (dist/, not src/ under vitest). */
export function threadEntry(): URL | null {
  const url = new URL('./embedded-thread.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : null;
}

function threadPool(url: URL, size: number): Runner {
  const idle: Worker[] = [];
  const waiting: ((w: Worker) => void)[] = [];
  const all: Worker[] = [];
  for (let i = 0; i < size; i++) {
    const w = new Worker(url);
    all.push(w);
    idle.push(w);
  }
  const take = () =>
    new Promise<Worker>((resolve) => (idle.length ? resolve(idle.pop()!) : waiting.push(resolve)));
  const give = (w: Worker) => {
    const next = waiting.shift();
    if (next) next(w);
    else idle.push(w);
  };
  return {
    async run(job) {
      let w = await take();
      try {
        return await new Promise<Outcome>((resolve) => {
          const onMessage = (m: { jobId: string } & Outcome) => {
            if (m.jobId !== job.jobId) return;
            w.off('message', onMessage);
            w.off('error', onError);
            resolve(m);
          };
          const onError = (e: Error) => {
            w.off('message', onMessage);
            // a thread that threw outside a job is gone: replace it before it goes back to the pool
            const fresh = new Worker(url);
            all[all.indexOf(w)] = fresh;
            w = fresh;
            resolve({ error: e.message });
          };
          w.on('message', onMessage);
          w.once('error', onError);
          w.postMessage({ jobId: job.jobId, inputs: job.inputs });
        });
      } finally {
        give(w);
      }
    },
    async close() {
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}

export async function runEmbedded(
  store: Store,
  screenId: string,
  o: EmbeddedOptions,
): Promise<EmbeddedSummary> {
  const pending = await store.jobs.pending(screenId);
  const total = (await store.jobs.status(screenId)).total;
  let done = total - pending.length;
  const url = o.workers > 0 ? threadEntry() : null;
  const size = url ? Math.max(1, Math.min(o.workers, pending.length)) : 0;
  const runner = url && size ? threadPool(url, size) : inProcess();
  const me = workerLabel(`embedded:${process.pid}`);
  let ran = 0;
  let saved = 0;
  let failed = 0;
  let cancelled = false;
  let lastPoll = performance.now();
  const pollMs = o.cancelPollMs ?? 1000;
  const backoff = o.backoffMs ?? 500;
  const stop = () => cancelled || o.signal?.aborted === true;
  o.onProgress?.(done, total, failed);

  const queue = [...pending];
  const lane = async () => {
    for (;;) {
      if (stop()) return;
      if (performance.now() - lastPoll > pollMs) {
        lastPoll = performance.now();
        if ((await store.jobs.status(screenId)).cancelled) cancelled = true;
        if (stop()) return;
      }
      const job = queue.shift();
      if (!job) return;
      for (let attempt = 1; ; attempt++) {
        await store.jobs.logEvent(job.jobId, me, 'start');
        const out = await runner.run(job);
        ran++;
        if ('result' in out) {
          if (
            await store.jobs.saveResult({
              jobId: job.jobId,
              result: out.result,
              worker: me,
              elapsedMs: out.elapsedMs,
              at: new Date().toISOString(),
            })
          )
            saved++;
          done++;
          break;
        }
        await store.jobs.logEvent(job.jobId, me, 'error', out.error);
        if (attempt >= o.attempts || stop()) {
          await store.jobs.logEvent(job.jobId, me, 'failed', out.error);
          failed++;
          break;
        }
        await new Promise((r) => setTimeout(r, backoff * 2 ** (attempt - 1)));
      }
      o.onProgress?.(done, total, failed);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, size) }, lane));
  } finally {
    await runner.close();
  }
  return { ran, saved, failed, cancelled: stop(), workers: size };
}
