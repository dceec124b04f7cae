/**
 * Worker-thread entry of `superatom serve`'s computing endpoints: one request at a time,
 * `{ ready: true }` once loaded, then `{ id, name, body }` in, `{ id, status, json }` out (the JSON text is made here, off the
 * server's thread). The pool (pool.ts) terminates a worker that runs past the time limit.
 */
import { parentPort } from 'node:worker_threads';
import { errorResponse, runEndpoint } from './api.js';

const port = parentPort!;
port.on('message', (m: { id: number; name: string; body: unknown }) => {
  let status = 200;
  let json: string;
  try {
    json = JSON.stringify(runEndpoint(m.name, m.body));
  } catch (e) {
    const r = errorResponse(e);
    status = r.status;
    json = JSON.stringify(r.body);
  }
  port.postMessage({ id: m.id, status, json });
});
port.postMessage({ ready: true });
