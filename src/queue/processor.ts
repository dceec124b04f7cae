/**
 * BullMQ sandboxed processor (a child process of `superatom worker`): runs one screening job and
 * writes its result to the store named by SUPERATOM_DB (set by the worker), once per job id.
 * A job delivered twice (its worker died after the result was written) finds the result and
 * returns at once.
 */
import type { SandboxedJob } from 'bullmq';
import type { JobInputs } from '../screen/expand.js';
import { openStore, type Store } from '../store/index.js';
import type { QueueJobData } from './bull.js';
import { recordJob, workerLabel } from './execute.js';

let store: Promise<Store> | undefined;

export default async function process_(
  job: SandboxedJob<QueueJobData>,
): Promise<{ saved: boolean; skipped: boolean }> {
  const location = process.env.SUPERATOM_DB;
  if (!location) throw new Error('SUPERATOM_DB is not set in the job processor');
  // a failed connection is not cached: the next job (or the retry) tries again
  store ??= openStore(location).catch((e) => {
    store = undefined;
    throw e;
  });
  const s = await store;
  const label = `${process.env.SUPERATOM_WORKER_LABEL ?? workerLabel()}/${process.pid}`;
  return recordJob(s, job.data.jobId, job.data.inputs as JobInputs, label);
}
