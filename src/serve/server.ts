/**
 * `superatom serve`: the built page (dist/web) and a JSON API on node:http, loopback by default.
 *
 *   POST /api/formula|count|isotopes|assign|analyze   compute (api.ts; worker pool with a time limit)
 *   GET  /api/health                                  { ok, store, engines, compute, limits, endpoints }
 *   GET  /api/results[?formula=&kind=&since=&elements=&electrons=&point-group=&limit=]
 *   GET  /api/results/<id>                            one stored result with its structures
 *   POST /api/results                                 save a report { kind, report, inputs? }
 *   GET  /api/screens                                 screens with their job counts (live view)
 *   GET  /api/screens/<id>[?limit=&offset=]           one screen's counts and ranked results
 *
 * Safety: bodies above `maxBodyBytes` → 413; POST bodies must be `application/json` (which a
 * cross-site form cannot send without a CORS preflight, and none is answered); on a loopback
 * address the Host header must name loopback (no DNS rebinding); every error is JSON
 * `{ error: { code, message, line?, column?, hint? } }`; static files cannot leave the root
 * (static.ts); the page is sent with a strict Content-Security-Policy; uploads stay in memory.
 */
import { accessSync, constants } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { delimiter, join } from 'node:path';
import { parseArgs } from '../cli/args.js';
import { queryOf, resultJson, resultsCommand } from '../cli/commands/results.js';
import { InputError } from '../core/errors.js';
import { screenRows, screenSummary } from '../queue/screens.js';
import { rowJson } from '../screen/rank.js';
import { buildRecord, programInfo } from '../store/index.js';
import type { Store } from '../store/types.js';
import { ApiError, ENDPOINT_NAMES, errorResponse } from './api.js';
import { createRunner, type Runner } from './pool.js';
import { defaultWebRoot, lookupStatic, pageBuilt, readStatic } from './static.js';

/**
 * The page's Content-Security-Policy: its own scripts, styles, workers and fetches only; no
 * inline script or style elements, no eval (3Dmol.js draws with WebGL and needs none; only
 * WebAssembly compilation is allowed, for the LJ kernel of the search worker), images
 * also from data:/blob: (PNG/SVG export previews), nothing may frame it.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The API's own CSP (a JSON body opened in a browser runs nothing). */
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

export interface ServeOptions {
  /** Port (0 = any free port; default 8080). */
  readonly port?: number;
  /** Address to listen on (default 127.0.0.1). */
  readonly host?: string;
  /** The built page (default dist/web of this package). */
  readonly webRoot?: string;
  /** The results store for /api/results, or null for none. */
  readonly store?: Store | null;
  /** Largest request body, bytes (default 8 MiB). */
  readonly maxBodyBytes?: number;
  /** Time budget of one computing request, ms (default 20000). */
  readonly timeLimitMs?: number;
  /** Worker threads (default 2). */
  readonly workers?: number;
  /** Where computations run (default: a worker pool, in-process without a build). */
  readonly runner?: Runner;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly host: string;
  /** Whether the page is built (else / answers with how to build it). */
  readonly pageBuilt: boolean;
  readonly runner: Runner;
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 8 * 1024 * 1024;

/** Executables on PATH (engines are reported, not run, by the server). */
function onPath(name: string): boolean {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {}
  }
  return false;
}

function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === '::1' || host === 'localhost' || /^127\./.test(host);
}

/** Host header's host name (without port; IPv6 without brackets), lower case. */
function hostName(header: string | undefined): string {
  if (!header) return '';
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']'));
  const colon = h.lastIndexOf(':');
  return colon >= 0 ? h.slice(0, colon) : h;
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  extra: Readonly<Record<string, string>> = {},
) {
  if (res.headersSent) return;
  res.writeHead(status, {
    ...COMMON_HEADERS,
    'content-type': type,
    'content-length': String(Buffer.byteLength(body)),
    ...extra,
  });
  res.end(body);
}

function sendJson(
  res: ServerResponse,
  status: number,
  json: string,
  extra: Readonly<Record<string, string>> = {},
) {
  send(res, status, json, 'application/json; charset=utf-8', {
    'cache-control': 'no-store',
    'content-security-policy': API_CSP,
    ...extra,
  });
}

function sendError(res: ServerResponse, e: unknown) {
  const r = errorResponse(e);
  sendJson(res, r.status, JSON.stringify(r.body), r.status === 405 ? { allow: 'GET, HEAD, POST' } : {});
}

/** Read the whole body (at most `max` bytes, else ApiError 413), in memory only. */
function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) {
    return Promise.reject(tooLarge(max));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (c: Buffer) => {
      if (failed) return;
      size += c.length;
      if (size > max) {
        failed = true;
        reject(tooLarge(max));
        req.resume();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', (e) => {
      if (!failed) reject(e);
    });
  });
}

function tooLarge(max: number): ApiError {
  return new ApiError(
    413,
    'too-large',
    `the request body is larger than the server's limit of ${max} bytes`,
    'send a smaller file (a peak list rather than a whole profile), or start the server with a larger --max-body',
  );
}

/** Parse a JSON body (ApiError 400 when it is not JSON, 415 when it is not sent as JSON). */
async function jsonBody(req: IncomingMessage, max: number): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    // also what keeps cross-site forms out: they cannot send application/json without a preflight
    await readBody(req, max).catch(() => undefined);
    throw new ApiError(415, 'content-type', 'send the body as JSON with Content-Type: application/json');
  }
  const raw = await readBody(req, max);
  const text = raw.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const m = /position (\d+)/.exec(String((e as Error).message));
    let where: { line?: number; column?: number } = {};
    if (m) {
      const pos = Number(m[1]);
      const before = text.slice(0, pos);
      const line = before.split('\n').length;
      where = { line, column: pos - before.lastIndexOf('\n') };
    }
    throw new ApiError(
      400,
      'bad-json',
      `the body is not valid JSON: ${(e as Error).message.slice(0, 200)}`,
      'send one JSON object, e.g. {"formula": "[Au25(SR)18]-"}',
      where,
    );
  }
}

/** The results query from URL search params, checked by the `results` command's own parser. */
function resultsQuery(params: URLSearchParams) {
  const allowed = ['formula', 'kind', 'since', 'elements', 'electrons', 'point-group', 'limit'];
  const argv: string[] = [];
  for (const [k, v] of params) {
    if (!allowed.includes(k)) {
      throw new ApiError(
        400,
        'unknown-parameter',
        `unknown query parameter "${k.slice(0, 40)}"`,
        `use ${allowed.join(', ')}`,
      );
    }
    argv.push(`--${k}=${v}`);
  }
  const specs = Object.fromEntries(
    Object.entries(resultsCommand.options).filter(([k]) => allowed.includes(k)),
  );
  const q = queryOf(parseArgs(argv, specs), new Date());
  if ((q.limit ?? 100) < 1 || (q.limit ?? 100) > 1000) {
    throw new InputError('results-limit', `limit must be from 1 to 1000, got ${q.limit}`);
  }
  return q;
}

/** 503 for the store endpoints of a server started without one. */
function noStore(what: string): ApiError {
  return new ApiError(
    503,
    'no-store',
    `this server has no results store${what}`,
    'start it with --db <path|postgres://…>',
  );
}

/** An integer query parameter within [min, max], `fallback` when absent. */
function intParam(params: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const v = params.get(name);
  if (v === null) return fallback;
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < min || n > max)
    throw new ApiError(
      400,
      'bad-parameter',
      `${name} must be an integer from ${min} to ${max}, got "${v.slice(0, 20)}"`,
    );
  return n;
}

/**
 * `GET /api/screens`: every screen with its job counts, newest first. `GET /api/screens/<key>`
 * (id, id prefix of ≥ 4 hex digits, or name; `?limit=50&offset=0`): the screen's counts and its
 * ranked results (the rows of `superatom screen results --json`).
 */
async function screensApi(store: Store, path: string, params: URLSearchParams): Promise<unknown> {
  const allowed = path === 'screens' ? [] : ['limit', 'offset'];
  for (const k of params.keys()) {
    if (!allowed.includes(k))
      throw new ApiError(
        400,
        'unknown-parameter',
        `unknown query parameter "${k.slice(0, 40)}"`,
        allowed.length ? `use ${allowed.join(', ')}` : 'GET /api/screens takes no parameters',
      );
  }
  if (path === 'screens') {
    const all = await store.jobs.listScreens();
    return { screens: await Promise.all(all.map((s) => screenSummary(store, s))) };
  }
  const key = path.slice('screens/'.length);
  if (!/^[\w.-]{1,200}$/.test(key))
    throw new ApiError(
      400,
      'bad-id',
      'a screen is named by its id, an id prefix (≥ 4 hex digits) or its name',
    );
  const s = await store.jobs.getScreen(key);
  if (!s)
    throw new ApiError(404, 'not-found', `no screen "${key}" in this store`, 'GET /api/screens lists them');
  const limit = intParam(params, 'limit', 50, 1, 1000);
  const offset = intParam(params, 'offset', 0, 0, 1_000_000_000);
  const rows = await screenRows(store, s);
  return {
    ...(await screenSummary(store, s)),
    total: rows.length,
    offset,
    limit,
    results: rows.slice(offset, offset + limit).map((r, i) => rowJson(r, offset + i + 1)),
  };
}

/** Start the server; resolves once it listens. */
export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const webRoot = options.webRoot ?? defaultWebRoot();
  const built = pageBuilt(webRoot);
  const store = options.store ?? null;
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const timeLimitMs = options.timeLimitMs ?? 20000;
  const runner =
    options.runner ??
    createRunner({ timeLimitMs, ...(options.workers !== undefined ? { workers: options.workers } : {}) });
  const loopback = isLoopback(host);
  const engines = { xtb: onPath('xtb'), nwchem: onPath('nwchem'), lammps: onPath('lmp') };

  const handleApi = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const path = url.pathname.slice('/api/'.length);
    const method = req.method ?? 'GET';
    if (path === 'health') {
      if (method !== 'GET' && method !== 'HEAD') throw new ApiError(405, 'method', 'use GET /api/health');
      sendJson(
        res,
        200,
        JSON.stringify({
          ok: true,
          version: programInfo().version,
          store: store !== null,
          ...(store ? { storeBackend: store.backend } : {}),
          engines,
          compute: runner.mode,
          limits: {
            maxBodyBytes: maxBody,
            timeLimitSeconds: runner.mode === 'worker' ? timeLimitMs / 1000 : null,
          },
          endpoints: ENDPOINT_NAMES,
        }),
      );
      return;
    }
    if (path === 'results' || path.startsWith('results/')) {
      if (!store) throw noStore('');
      if (path === 'results' && method === 'GET') {
        const q = resultsQuery(url.searchParams);
        const rows = await store.query(q);
        const total = rows.length < (q.limit ?? 100) ? rows.length : await store.count(q);
        sendJson(res, 200, JSON.stringify({ total, results: rows.map((r) => resultJson(r)) }));
        return;
      }
      if (path === 'results' && method === 'POST') {
        const body = await jsonBody(req, maxBody);
        const o = (typeof body === 'object' && body !== null && !Array.isArray(body) ? body : null) as Record<
          string,
          unknown
        > | null;
        if (!o)
          throw new ApiError(
            400,
            'body-not-object',
            'the body must be a JSON object { kind, report, inputs? }',
          );
        if (typeof o.kind !== 'string' || !/^[a-z][a-z0-9-]{0,31}$/.test(o.kind)) {
          throw new ApiError(
            400,
            'missing-field',
            'field "kind" must be a command name such as count or analyze',
          );
        }
        if (typeof o.report !== 'object' || o.report === null) {
          throw new ApiError(400, 'missing-field', 'field "report" must be the JSON report to keep');
        }
        const now = new Date();
        const record = buildRecord({
          kind: o.kind,
          command: `serve:${o.kind}`,
          inputs: o.inputs ?? null,
          report: o.report,
          startedAt: now,
          endedAt: now,
          exitStatus: 0,
        });
        const saved = await store.save(record);
        sendJson(res, saved ? 201 : 200, JSON.stringify({ id: record.id, saved }));
        return;
      }
      if (path.startsWith('results/') && method === 'GET') {
        const id = path.slice('results/'.length);
        if (!/^[0-9a-f]{4,64}$/i.test(id))
          throw new ApiError(400, 'bad-id', 'a result id is 4 to 64 hex digits');
        const r = await store.get(id);
        if (!r) throw new ApiError(404, 'not-found', `no result ${id}`);
        sendJson(res, 200, JSON.stringify(resultJson(r, true)));
        return;
      }
      throw new ApiError(405, 'method', 'use GET or POST /api/results, GET /api/results/<id>');
    }
    if (path === 'screens' || path.startsWith('screens/')) {
      if (!store) throw noStore(', so no screens');
      if (method !== 'GET' && method !== 'HEAD')
        throw new ApiError(405, 'method', 'use GET /api/screens or GET /api/screens/<id>');
      sendJson(res, 200, JSON.stringify(await screensApi(store, path, url.searchParams)));
      return;
    }
    if (ENDPOINT_NAMES.includes(path)) {
      if (method !== 'POST') throw new ApiError(405, 'method', `use POST /api/${path} with a JSON body`);
      const body = await jsonBody(req, maxBody);
      const r = await runner.run(path, body);
      sendJson(res, r.status, r.json, r.headers ?? {});
      return;
    }
    throw new ApiError(
      404,
      'not-found',
      `no endpoint ${url.pathname.slice(0, 80)}`,
      `POST /api/${ENDPOINT_NAMES.join('|')}, GET /api/health, GET /api/results, GET /api/screens`,
    );
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      if (loopback && !isLoopback(hostName(req.headers.host))) {
        throw new ApiError(
          421,
          'host',
          'this server answers requests to a loopback address only (Host header)',
        );
      }
      const rawUrl = req.url ?? '/';
      if (!rawUrl.startsWith('/')) throw new ApiError(400, 'bad-url', 'the request target must be a path');
      let url: URL;
      try {
        url = new URL(`http://localhost${rawUrl}`);
      } catch {
        throw new ApiError(400, 'bad-url', 'the request target is not a valid path');
      }
      if (url.pathname.startsWith('/api/') || url.pathname === '/api') {
        await handleApi(req, res, url);
        return;
      }
      const method = req.method ?? 'GET';
      if (method !== 'GET' && method !== 'HEAD')
        throw new ApiError(405, 'method', 'the page is read with GET');
      if (!built) {
        send(
          res,
          503,
          `The Superatom page has not been built (no ${webRoot}index.html): run npm run build:web, then start superatom serve again.\nThe JSON API works: POST /api/formula|count|isotopes|assign|analyze.\n`,
          'text/plain; charset=utf-8',
        );
        return;
      }
      // the raw path, so that %2e%2e and %2f are checked after one decoding in lookupStatic
      const rawPath = rawUrl.split('?')[0]!.split('#')[0]!;
      const hit = lookupStatic(webRoot, rawPath);
      if (hit.kind === 'forbidden') {
        send(res, 403, 'forbidden\n', 'text/plain; charset=utf-8');
        return;
      }
      if (hit.kind === 'not-found') {
        send(res, 404, 'not found\n', 'text/plain; charset=utf-8');
        return;
      }
      const data = readStatic(hit.file);
      const extra: Record<string, string> = hit.type.startsWith('text/html')
        ? { 'content-security-policy': PAGE_CSP, 'cache-control': 'no-cache' }
        : {
            'cache-control': /\/assets\//.test(rawPath) ? 'public, max-age=31536000, immutable' : 'no-cache',
          };
      if (method === 'HEAD') {
        res.writeHead(200, {
          ...COMMON_HEADERS,
          'content-type': hit.type,
          'content-length': String(data.length),
          ...extra,
        });
        res.end();
      } else send(res, 200, data, hit.type, extra);
    } catch (e) {
      sendError(res, e);
    }
  };

  const server: Server = createServer((req, res) => {
    void handle(req, res);
  });
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}/`,
    port,
    host,
    pageBuilt: built,
    runner,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await runner.close();
    },
  };
}
