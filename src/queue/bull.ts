/**
 * The distributed queue: BullMQ on Redis. Producers add one BullMQ job per screening job with the
 * job id as BullMQ's jobId (adding it again while it exists is a no-op) and only for jobs with no
 * result yet, so resubmitting a plan is idempotent. Workers run every job in a sandboxed child
 * process (processor.ts given as a file path), so CPU work and engines never block the worker's
 * event loop (a blocked loop lets the lock expire and BullMQ runs the job twice). Results are
 * written by the child with the job id unique: at-least-once delivery, exactly-once results.
 *
 * Settings measured on this machine (../shared/RECIPES.md): with lockDuration 3000 ms and
 * stalledInterval 1000 ms a job whose worker was SIGKILLed is taken by another worker in ~4 s
 * (58 s with BullMQ's defaults).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type ConnectionOptions, Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { InputError } from '../core/errors.js';
import type { ScreenJob, Store } from '../store/index.js';

export const QUEUE_NAME = 'superatom-screen';
/** Lock held by a worker on its job, ms; renewed at half this while the job runs. */
export const LOCK_DURATION_MS = 3000;
/** How often workers look for jobs whose lock expired, ms. */
export const STALLED_INTERVAL_MS = 1000;
/** A job found stalled more often than this is failed (a worker crashing on it each time). */
export const MAX_STALLED_COUNT = 5;
/** First retry delay of a failed job, ms; doubled on each retry (exponential back-off). */
export const BACKOFF_MS = 1000;

export interface QueueJobData {
  readonly screenId: string;
  readonly jobId: string;
  readonly inputs: unknown;
}

/** ioredis options from a redis:// URL (redis://[:password@]host[:port][/db]). */
export function connectionFrom(url: string): ConnectionOptions {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new InputError('queue-url', `"${url}" is not a Redis URL`, {
      hint: 'e.g. --queue redis://127.0.0.1:6379',
    });
  }
  if ((u.protocol !== 'redis:' && u.protocol !== 'rediss:') || !/^rediss?:\/\/[^/?#]/i.test(url)) {
    throw new InputError('queue-url', `the queue URL must start with redis:// (got ${u.protocol})`, {
      hint: 'e.g. --queue redis://127.0.0.1:6379',
    });
  }
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0;
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(Number.isInteger(db) ? { db } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
  };
}

/** Fail fast (InputError) when no Redis answers at `url` within `timeoutMs`, instead of retrying forever. */
export async function checkRedis(url: string, timeoutMs = 5000): Promise<void> {
  const client = new Redis({
    ...(connectionFrom(url) as object),
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
  } catch (e) {
    throw new InputError(
      'queue-connect',
      `cannot reach the Redis queue at ${url}: ${e instanceof Error ? e.message : String(e)}`,
      {
        hint: 'is redis-server running there? e.g. redis-server --bind 127.0.0.1 --port 6379',
      },
    );
  } finally {
    client.disconnect();
  }
}

/** Enqueue the jobs (those without a result); returns how many were handed to the queue. */
export async function submitJobs(
  url: string,
  screenId: string,
  jobs: readonly ScreenJob[],
  attempts: number,
): Promise<number> {
  await checkRedis(url);
  const queue = new Queue<QueueJobData>(QUEUE_NAME, { connection: connectionFrom(url) });
  try {
    for (let i = 0; i < jobs.length; i += 500) {
      await queue.addBulk(
        jobs.slice(i, i + 500).map((j) => ({
          name: 'screen-job',
          data: { screenId, jobId: j.jobId, inputs: j.inputs },
          opts: {
            jobId: j.jobId,
            attempts,
            backoff: { type: 'exponential', delay: BACKOFF_MS },
            removeOnComplete: true,
            removeOnFail: { count: 10_000 },
          },
        })),
      );
    }
    return jobs.length;
  } finally {
    await queue.close();
  }
}

/** Remove queued (waiting/delayed) jobs; running jobs finish. Returns how many were removed. */
export async function removeQueued(url: string, jobIds: readonly string[]): Promise<number> {
  await checkRedis(url);
  const queue = new Queue(QUEUE_NAME, { connection: connectionFrom(url) });
  try {
    let n = 0;
    for (const id of jobIds) n += (await queue.remove(id)) ? 1 : 0;
    return n;
  } finally {
    await queue.close();
  }
}

/** Queue counts (waiting, active, delayed, failed, completed). */
export async function queueCounts(url: string): Promise<Record<string, number>> {
  await checkRedis(url);
  const queue = new Queue(QUEUE_NAME, { connection: connectionFrom(url) });
  try {
    return await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
  } finally {
    await queue.close();
  }
}

/** The compiled sandboxed processor (dist/queue/processor.js). */
export function processorFile(): string {
  const file = fileURLToPath(new URL('./processor.js', import.meta.url));
  if (!existsSync(file)) {
    throw new InputError('queue-processor', `the job processor ${file} is missing`, {
      hint: 'run the worker from the built package (npm run build; node bin/superatom.js worker …)',
    });
  }
  return file;
}

export interface WorkerHandle {
  /** Graceful: wait for the running jobs, then stop. */
  close(): Promise<void>;
}

/**
 * Start a worker: `concurrency` sandboxed children. The children write the results; this process
 * logs a 'failed' event when a job has used all its attempts.
 */
export async function startWorker(o: {
  url: string;
  store: Store;
  storeLocation: string;
  concurrency: number;
  label: string;
  onEvent?: (text: string) => void;
}): Promise<WorkerHandle> {
  await checkRedis(o.url);
  // the sandboxed children inherit the environment: this is how they find the store
  process.env.SUPERATOM_DB = o.storeLocation;
  process.env.SUPERATOM_WORKER_LABEL = o.label;
  const worker = new Worker<QueueJobData>(QUEUE_NAME, processorFile(), {
    connection: connectionFrom(o.url),
    concurrency: o.concurrency,
    useWorkerThreads: false,
    lockDuration: LOCK_DURATION_MS,
    stalledInterval: STALLED_INTERVAL_MS,
    maxStalledCount: MAX_STALLED_COUNT,
  });
  worker.on('error', (e) => o.onEvent?.(`worker error: ${e.message}`));
  worker.on('completed', (job) => o.onEvent?.(`done ${job.id}`));
  worker.on('failed', async (job, err) => {
    if (!job) return;
    const attempts = job.opts.attempts ?? 1;
    o.onEvent?.(`error ${job.id} (attempt ${job.attemptsMade}/${attempts}): ${err.message}`);
    if (job.attemptsMade >= attempts) {
      await o.store.jobs.logEvent(job.data.jobId, o.label, 'failed', err.message).catch(() => {});
    }
  });
  await worker.waitUntilReady();
  return {
    async close() {
      await worker.close();
    },
  };
}
