/**
 * Worker-thread entry of a parallel search: runs one search of a SearchSpec
 * and posts progress and the result back. Started by {@link runSearches}.
 * The shared Int32Array flag is set by whichever run reaches the target (or
 * by the parent on cancellation); every run polls it between steps.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isSuperatomError } from '../core/errors.js';
import { runSearch, type SearchSpec } from '../optimize/run.js';

interface WorkerInput {
  spec: SearchSpec;
  run: number;
  stop: Int32Array;
}

const { spec, run, stop } = workerData as WorkerInput;
const port = parentPort!;
try {
  const result = runSearch(
    spec,
    {
      signal: {
        get aborted() {
          return Atomics.load(stop, 0) === 1;
        },
      },
      now: () => performance.now(),
      onProgress: (p) => port.postMessage({ type: 'progress', run, progress: p }),
    },
    run,
  );
  if (result.reachedTarget) Atomics.store(stop, 0, 1);
  port.postMessage({ type: 'result', run, result });
} catch (e) {
  port.postMessage({
    type: 'error',
    run,
    error: isSuperatomError(e)
      ? { ...e.toJSON(), input: true }
      : { error: e instanceof Error ? e.message : String(e) },
  });
}
