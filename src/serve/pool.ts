/**
 * Where `superatom serve` computes: a small pool of worker threads (compute-worker.ts), each
 * request with a time budget. A request past its budget gets HTTP 422 `time-limit` and its worker
 * is terminated (a synchronous computation cannot be interrupted any other way) and replaced;
 * when every worker is busy and the queue is full, HTTP 503 `busy` with Retry-After.
 * Without a compiled worker (running from the TypeScript sources with no `dist/`), requests
 * run in the server's thread with no time limit: `mode` says which.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { errorResponse, runEndpoint } from './api.js';

/** A finished request: HTTP status and the JSON text of the body. */
export interface Computed {
  readonly status: number;
  readonly json: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface Runner {
  readonly mode: 'worker' | 'in-process';
  run(name: string, body: unknown): Promise<Computed>;
  close(): Promise<void>;
}

export interface PoolOptions {
  /** Worker threads (default 2). */
  readonly workers?: number;
  /** Time budget of one request, ms (default 20000). */
  readonly timeLimitMs?: number;
  /** Requests waiting for a worker before 503 (default 16). */
  readonly maxQueue?: number;
  /** The compiled worker entry (default: next to this module, else dist/serve/). */
  readonly workerUrl?: URL;
}

/** The compiled compute-worker.js, or null when there is none (sources without a build). */
export function findWorkerUrl(): URL | null {
  for (const rel of ['./compute-worker.js', '../../dist/serve/compute-worker.js']) {
    const url = new URL(rel, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  return null;
}

function json(status: number, code: string, message: string, hint?: string): Computed {
  return { status, json: JSON.stringify({ error: { code, message, ...(hint ? { hint } : {}) } }) };
}

/** Run requests in this thread (no time limit). */
export function inProcessRunner(): Runner {
  return {
    mode: 'in-process',
    async run(name, body) {
      try {
        return { status: 200, json: JSON.stringify(runEndpoint(name, body)) };
      } catch (e) {
        const r = errorResponse(e);
        return { status: r.status, json: JSON.stringify(r.body) };
      }
    },
    async close() {},
  };
}

interface Job {
  readonly id: number;
  readonly name: string;
  readonly body: unknown;
  readonly done: (c: Computed) => void;
}

interface Slot {
  worker: Worker;
  /** The worker has loaded its modules (it posts `{ ready: true }`): the budget starts then. */
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

/** A pool of worker threads with a per-request time budget; in-process when no worker is built. */
export function createRunner(options: PoolOptions = {}): Runner {
  const url = options.workerUrl ?? findWorkerUrl();
  if (!url) return inProcessRunner();
  const size = Math.max(1, options.workers ?? 2);
  const timeLimitMs = options.timeLimitMs ?? 20000;
  const maxQueue = options.maxQueue ?? 16;
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;

  const finish = (slot: Slot, c: Computed) => {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    job?.done(c);
  };
  const spawn = (): Slot => {
    const slot: Slot = { worker: new Worker(url), ready: false, job: null, timer: null };
    slot.worker.on('message', (m: { ready?: boolean; id: number; status: number; json: string }) => {
      if (m.ready) slot.ready = true;
      else if (slot.job && m.id === slot.job.id) finish(slot, { status: m.status, json: m.json });
      pump();
    });
    slot.worker.on('error', () => {
      // an uncaught throw or out-of-memory in the worker: the request fails, the worker is replaced
      finish(
        slot,
        json(500, 'internal', 'the computation failed (a bug or out of memory): please report it'),
      );
    });
    slot.worker.on('exit', () => {
      if (closed) return;
      finish(slot, json(500, 'internal', 'the computation stopped unexpectedly: please report it'));
      replace(slot);
    });
    slot.worker.unref();
    return slot;
  };
  const replace = (old: Slot) => {
    const k = slots.indexOf(old);
    if (k < 0 || closed) return;
    old.worker.removeAllListeners();
    void old.worker.terminate();
    slots[k] = spawn();
    pump();
  };
  const pump = () => {
    for (const slot of slots) {
      if (!slot.ready || slot.job || queue.length === 0) continue;
      const job = queue.shift()!;
      slot.job = job;
      slot.timer = setTimeout(() => {
        finish(
          slot,
          json(
            422,
            'time-limit',
            `the computation took longer than the server's limit of ${timeLimitMs / 1000} s and was stopped`,
            'ask for less (a smaller formula, fewer candidates or charges, --prune, no --fine), or run it with the superatom CLI, which has no such limit',
          ),
        );
        replace(slot);
      }, timeLimitMs);
      slot.worker.postMessage({ id: job.id, name: job.name, body: job.body });
    }
  };
  for (let k = 0; k < size; k++) slots.push(spawn());

  return {
    mode: 'worker',
    run(name, body) {
      return new Promise<Computed>((resolve) => {
        if (closed) return resolve(json(503, 'closing', 'the server is shutting down'));
        if (queue.length >= maxQueue) {
          return resolve({
            ...json(503, 'busy', 'every worker is busy and the queue is full', 'try again in a few seconds'),
            headers: { 'retry-after': '5' },
          });
        }
        queue.push({ id: nextId++, name, body, done: resolve });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const j of queue.splice(0)) j.done(json(503, 'closing', 'the server is shutting down'));
      await Promise.all(
        slots.map(async (s) => {
          finish(s, json(503, 'closing', 'the server is shutting down'));
          s.worker.removeAllListeners();
          await s.worker.terminate();
        }),
      );
    },
  };
}
