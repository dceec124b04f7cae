/**
 * Web Worker for structure analysis: point groups of ~1400-atom clusters take seconds, which would
 * freeze the page on its main thread. One request at a time; the page terminates the worker when a
 * newer request replaces a running one.
 */
import { SuperatomError } from '../core/errors.js';
import { type AnalyzeRequest, type AnalyzeResponse, analyseBuilt, readForAnalysis } from './analyze-core.js';

const post = (m: AnalyzeResponse) => (self as unknown as { postMessage(m: unknown): void }).postMessage(m);

self.addEventListener('message', (e: MessageEvent<AnalyzeRequest>) => {
  const r = e.data;
  try {
    const loaded = r.kind === 'file' ? readForAnalysis(r.text, r.name) : analyseBuilt(r.structure, r.name);
    post({ id: r.id, ok: true, loaded });
  } catch (err) {
    post({
      id: r.id,
      ok: false,
      error:
        err instanceof SuperatomError
          ? {
              code: err.code,
              message: err.message,
              ...(err.hint ? { hint: err.hint } : {}),
              location: { ...err.location },
            }
          : { code: 'internal', message: err instanceof Error ? err.message : String(err) },
    });
  }
});
