/**
 * Independent parallel runs of a global search on worker threads (one run per
 * worker; run k uses seed + k). The first run to reach the target stops the
 * others through a shared flag. With one run, the search runs in this thread
 * (no worker start-up cost). Results are combined by {@link combineRuns}.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { InputError, LimitError } from '../core/errors.js';
import type { Progress } from '../core/progress.js';
import {
  type CombinedResult,
  checkSearchSpec,
  combineRuns,
  runSearch,
  type SearchSpec,
} from '../optimize/run.js';
import type { SearchResult } from '../optimize/search.js';

export interface ParallelOptions {
  /** Number of independent runs (default 1). */
  readonly runs?: number;
  /** Most workers at once (default: available cores). */
  readonly maxWorkers?: number;
  /** Progress of run `run`. */
  readonly onProgress?: (run: number, progress: Progress) => void;
  /** Cancel every run. */
  readonly signal?: AbortSignal;
}

export async function runSearches(spec: SearchSpec, options: ParallelOptions = {}): Promise<CombinedResult> {
  const runs = options.runs ?? 1;
  if (!Number.isInteger(runs) || runs < 1 || runs > 256) {
    throw new InputError('search-runs', `--runs must be a whole number from 1 to 256, got ${runs}`);
  }
  checkSearchSpec(spec);
  if (runs === 1) {
    const result = runSearch(spec, {
      now: () => performance.now(),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: (p: Progress) => options.onProgress!(0, p) } : {}),
    });
    return combineRuns([result]);
  }
  const stop = new Int32Array(new SharedArrayBuffer(4));
  options.signal?.addEventListener('abort', () => Atomics.store(stop, 0, 1));
  const maxWorkers = Math.max(1, Math.min(runs, options.maxWorkers ?? availableParallelism()));
  const results: SearchResult[] = new Array(runs);
  let next = 0;
  const workerUrl = new URL('./search-worker.js', import.meta.url);
  const startOne = (run: number) =>
    new Promise<void>((resolve, reject) => {
      const w = new Worker(workerUrl, { workerData: { spec, run, stop } });
      let settled = false;
      w.on(
        'message',
        (m: {
          type: string;
          run: number;
          progress?: Progress;
          result?: SearchResult;
          error?: Record<string, unknown>;
        }) => {
          if (m.type === 'progress' && m.progress) options.onProgress?.(m.run, m.progress);
          else if (m.type === 'result' && m.result) {
            results[m.run] = m.result;
            settled = true;
            resolve();
          } else if (m.type === 'error') {
            settled = true;
            const err = m.error ?? {};
            reject(
              err.input
                ? new InputError(
                    String(err.code ?? 'search'),
                    String(err.error),
                    err.hint ? { hint: String(err.hint) } : {},
                  )
                : new Error(String(err.error)),
            );
          }
        },
      );
      w.on('error', (e) => {
        settled = true;
        reject(e);
      });
      w.on('exit', (code) => {
        if (!settled) reject(new LimitError('worker-exit', `search worker ${run} exited with code ${code}`));
      });
    });
  const lane = async () => {
    while (next < runs) {
      const run = next++;
      if (Atomics.load(stop, 0) === 1) {
        // target already reached: record an empty run rather than start a new one
        continue;
      }
      await startOne(run);
    }
  };
  try {
    await Promise.all(Array.from({ length: maxWorkers }, lane));
  } catch (e) {
    Atomics.store(stop, 0, 1);
    throw e;
  }
  return combineRuns(results.filter((r) => r !== undefined));
}
