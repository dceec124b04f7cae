/**
 * Worker-thread entry of the embedded runner: runs the jobs the main thread sends, one at a time,
 * and posts each result back (the main thread alone writes to the SQLite store).
 */
import { parentPort } from 'node:worker_threads';
import type { JobInputs } from '../screen/expand.js';
import { executeJob } from './execute.js';

const port = parentPort!;
port.on('message', async (m: { jobId: string; inputs: JobInputs }) => {
  const t0 = performance.now();
  try {
    const result = await executeJob(m.inputs);
    port.postMessage({ jobId: m.jobId, result, elapsedMs: performance.now() - t0 });
  } catch (e) {
    port.postMessage({ jobId: m.jobId, error: e instanceof Error ? e.message : String(e) });
  }
});
