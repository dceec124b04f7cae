/**
 * Run one screening job at an edge: the pure pipeline (src/screen/job.ts) with xtb as its quantum
 * engine. Every door (embedded runner thread, BullMQ sandboxed processor, `screen run-job` for
 * SLURM/shell fan-out) calls {@link executeJob}, and {@link recordJob} writes the result once.
 */
import { hostname } from 'node:os';
import { runXtbCalc } from '../engines/xtb.js';
import type { JobInputs } from '../screen/expand.js';
import { type JobResult, type RefineRequest, type RefineResult, runJob } from '../screen/job.js';
import type { Store } from '../store/index.js';

/** xtb on the candidate's model (OMP_NUM_THREADS=1 unless set: one core per job). */
export async function xtbRefine(req: RefineRequest, signal?: AbortSignal): Promise<RefineResult> {
  process.env.OMP_NUM_THREADS ??= '1';
  const { report } = await runXtbCalc(
    req.structure,
    { method: req.method, charge: req.charge, fallback: req.fallback },
    { timeLimitMs: req.timeLimitMs, ...(signal ? { signal } : {}) },
  );
  return {
    engine: 'xtb',
    engineVersion: report.engineVersion,
    method: report.method,
    energy: report.energy,
    gap: report.gap,
    converged: report.converged,
    warnings: report.warnings,
  };
}

export function executeJob(inputs: JobInputs, signal?: AbortSignal): Promise<JobResult> {
  return runJob(inputs, { refine: (req) => xtbRefine(req, signal) });
}

/** "host:pid", or a label given by the caller. */
export function workerLabel(label?: string): string {
  return label ?? `${hostname()}:${process.pid}`;
}

/**
 * Run a job and write its result once (skipped when the store already has it). Logs a start
 * event first and an error event when the job throws (then rethrows for the caller's retries).
 */
export async function recordJob(
  store: Store,
  jobId: string,
  inputs: JobInputs,
  worker: string,
  signal?: AbortSignal,
): Promise<{ saved: boolean; skipped: boolean }> {
  if (await store.jobs.hasResult(jobId)) return { saved: false, skipped: true };
  await store.jobs.logEvent(jobId, worker, 'start');
  const t0 = performance.now();
  let result: JobResult;
  try {
    result = await executeJob(inputs, signal);
  } catch (e) {
    await store.jobs.logEvent(jobId, worker, 'error', e instanceof Error ? e.message : String(e));
    throw e;
  }
  const saved = await store.jobs.saveResult({
    jobId,
    result,
    worker,
    elapsedMs: performance.now() - t0,
    at: new Date().toISOString(),
  });
  return { saved, skipped: false };
}
