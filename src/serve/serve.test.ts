/**
 * `superatom serve`, in-process on an ephemeral loopback port: every endpoint answers the same
 * report as the CLI's `--json` for the same input (the "same numbers as the CLI"), the
 * error codes (400/404/405/413/415/421/422), static files without traversal, the security
 * headers, and a fast-check fuzz of the API bodies (never a 500).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/testing.js';
import { writeStructure } from '../io/registry.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/types.js';
import { mackayIcosahedron } from '../structure/builders/clusters.js';
import { createRunner, findWorkerUrl } from './pool.js';
import { PAGE_CSP, type RunningServer, startServer } from './server.js';

const ROOT = join(import.meta.dirname, '..', '..');
const MIXTURE = join(ROOT, 'examples', 'mixture.csv');

interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
}

/** A raw HTTP request (the path is sent as written: no normalisation of `..`). */
function http(
  port: number,
  method: string,
  path: string,
  body?: string | Buffer,
  headers: Record<string, string> = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

let dir: string;
let web: string;
let store: Store;
let dbPath: string;
let srv: RunningServer;
const post = (path: string, body: unknown) => http(srv.port, 'POST', path, JSON.stringify(body));
const cliJson = async (argv: string[], cwd = dir) => {
  const r = await runCli([...argv, '--json'], cwd);
  expect(r.err).toBe('');
  return JSON.parse(r.out) as unknown;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'superatom-serve-'));
  web = join(dir, 'web');
  mkdirSync(join(web, 'assets'), { recursive: true });
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>workbench</title>');
  writeFileSync(join(web, 'assets', 'app.js'), 'export {};');
  writeFileSync(join(dir, 'secret.txt'), 'TOP-SECRET');
  writeFileSync(join(web, '.env'), 'HIDDEN');
  dbPath = join(dir, 'results.db');
  store = await openStore(dbPath);
  srv = await startServer({
    port: 0,
    webRoot: web,
    store,
    maxBodyBytes: 256 * 1024,
    timeLimitMs: 30_000,
    workers: 1,
  });
}, 60_000);

afterAll(async () => {
  await srv?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the served API answers the same numbers as the CLI', () => {
  it('health says it is served, with a store', async () => {
    const r = await http(srv.port, 'GET', '/api/health');
    expect(r.status).toBe(200);
    const h = JSON.parse(r.text);
    expect(h).toMatchObject({
      ok: true,
      store: true,
      endpoints: ['formula', 'count', 'isotopes', 'assign', 'analyze'],
    });
    expect(Object.keys(h.engines).sort()).toEqual(['lammps', 'nwchem', 'xtb']);
    // with a build (npm test builds first) the computations run in worker threads with a time limit
    expect(h.compute).toBe(findWorkerUrl() ? 'worker' : 'in-process');
    expect(h.limits.maxBodyBytes).toBe(256 * 1024);
  });

  it('formula and count of [Ag29(BDTA)12(PPh3)4]3- (8 e, as the issue asks)', {
    timeout: 60_000,
  }, async () => {
    const f = '[Ag29(BDTA)12(PPh3)4]3-';
    const a = await post('/api/formula', { formula: f });
    expect(a.status).toBe(200);
    expect(JSON.parse(a.text)).toEqual(await cliJson(['formula', f]));
    const c = await post('/api/count', { formula: f });
    expect(c.status).toBe(200);
    const report = JSON.parse(c.text);
    expect(report).toEqual(await cliJson(['count', f]));
    // Ag29: 29 Ag 5s¹ − 12 × 2 (BDTA dithiolate) + 3 (charge) = 8 e (AbdulHalim et al., JACS 2015, 137, 11970)
    expect(report.results[0].count).toBe(8);
    const j = await post('/api/count', { formula: 'Al13', rule: 'jellium', model: 'woods-saxon' });
    expect(JSON.parse(j.text)).toEqual(
      await cliJson(['count', 'Al13', '--rule', 'jellium', '--model', 'woods-saxon']),
    );
  });

  it('isotopes and assign (peak list sent as text)', { timeout: 60_000 }, async () => {
    const i = await post('/api/isotopes', { formula: '[Au25(PET)18]-', 'min-intensity': 1 });
    expect(i.status).toBe(200);
    expect(JSON.parse(i.text)).toEqual(await cliJson(['isotopes', '[Au25(PET)18]-', '--min-intensity', '1']));
    const peaks = readFileSync(MIXTURE, 'utf8');
    const args = {
      candidate: ['Au25(PET)18-', '[Ag29(BDTA)12(PPh3)4]3-', 'Au38(PET)24'],
      charges: '1..3',
      adducts: 'Cs,Na',
      loss: 'PPh3',
      top: 5,
    };
    const a = await post('/api/assign', { peaks, name: 'mixture.csv', ...args });
    expect(a.status).toBe(200);
    const cli = await cliJson(
      [
        'assign',
        'mixture.csv',
        ...args.candidate.flatMap((c) => ['--candidate', c]),
        '--charges=1..3',
        '--adducts',
        'Cs,Na',
        '--loss',
        'PPh3',
        '--top',
        '5',
      ],
      join(ROOT, 'examples'),
    );
    expect(JSON.parse(a.text)).toEqual(cli);
  });

  it('analyze of an Au55 Mackay icosahedron (Ih) sent as XYZ text', { timeout: 60_000 }, async () => {
    // Au–Au 2.884 Å, the bulk fcc nearest-neighbour distance (a = 4.078 Å; Kittel)
    const xyz = writeStructure(mackayIcosahedron(2, { z: 79, bond: 2.884 }), 'xyz');
    writeFileSync(join(dir, 'au55.xyz'), xyz);
    const r = await post('/api/analyze', { text: xyz, name: 'au55.xyz' });
    expect(r.status).toBe(200);
    const report = JSON.parse(r.text);
    expect(report).toEqual(await cliJson(['analyze', 'au55.xyz']));
    // a two-shell Mackay icosahedron has 1 + 12 + 42 = 55 atoms and point group Ih (Mackay 1962)
    expect(report.atoms).toBe(55);
    expect(report.pointGroup).toBe('Ih');
  });

  it('results: saved by the CLI, listed by the API as results list --json lists them', {
    timeout: 60_000,
  }, async () => {
    const saved = await runCli(['count', '[Au25(SR)18]-', '--save', '--db', dbPath], dir);
    expect(saved.code).toBe(0);
    const r = await http(srv.port, 'GET', '/api/results?kind=count&limit=10');
    expect(r.status).toBe(200);
    const api = JSON.parse(r.text);
    const cli = (await cliJson(['results', 'list', '--kind', 'count', '--limit', '10', '--db', dbPath])) as {
      results: unknown[];
    };
    expect(api.results).toEqual(cli.results);
    expect(api.total).toBe(cli.results.length);
    const one = await http(srv.port, 'GET', `/api/results/${api.results[0].id}`);
    expect(JSON.parse(one.text).id).toBe(api.results[0].id);
    // the page saves a report it computed itself
    const s = await post('/api/results', {
      kind: 'count',
      inputs: { formula: 'Al13' },
      report: { formula: 'Al13' },
    });
    expect(s.status).toBe(201);
    const again = await post('/api/results', {
      kind: 'count',
      inputs: { formula: 'Al13' },
      report: { formula: 'Al13' },
    });
    expect(JSON.parse(again.text)).toEqual({ id: JSON.parse(s.text).id, saved: false });
    expect((await http(srv.port, 'GET', '/api/results?limit=0')).status).toBe(422);
    expect((await http(srv.port, 'GET', '/api/results?color=red')).status).toBe(400);
  });
});

describe('screens: the live view of `superatom screen` runs in the store', () => {
  it('GET /api/screens and /api/screens/<id> give the counts and the ranking of screen status/results', {
    timeout: 60_000,
  }, async () => {
    // Six doped icosahedra [MAu12]^q; the 18-electron closed shells rank first: W@Au12 (6 + 12,
    // Pyykkö & Runeberg, Angew. Chem. Int. Ed. 41, 2174 (2002)) and [Re@Au12]+ (7 + 12 − 1).
    writeFileSync(
      join(dir, 'served.yaml'),
      `name: served
space:
  - formula: "[{M}Au12]{q}"
    vars: { M: [Ta, W, Re], q: [0, 1] }
pipeline:
  - count: {}
  - build: { shape: icosahedron }
rank:
  - { by: closed, order: desc }
  - { by: electrons, order: asc }
`,
    );
    const run = await runCli(['screen', 'served.yaml', '--db', dbPath, '--workers', '0', '--json'], dir);
    expect(run.code, run.err).toBe(0);
    const id = (JSON.parse(run.out) as { screen: string }).screen;
    const list = await http(srv.port, 'GET', '/api/screens');
    expect(list.status).toBe(200);
    expect(list.headers['cache-control']).toBe('no-store');
    const mine = (JSON.parse(list.text).screens as { id: string }[]).find((x) => x.id === id);
    const status = (await cliJson(['screen', 'status', id.slice(0, 8), '--db', dbPath])) as Record<
      string,
      unknown
    >;
    const { screen: _s, name: _n, ...counts } = status;
    expect(mine).toMatchObject({ name: 'served', jobs: 6, finished: true, status: counts });
    expect(counts).toMatchObject({ total: 6, done: 6, failed: 0 });
    const one = await http(srv.port, 'GET', `/api/screens/${id.slice(0, 8)}?limit=4`);
    expect(one.status).toBe(200);
    const body = JSON.parse(one.text);
    const jl = await runCli(['screen', 'results', id, '--db', dbPath, '--format', 'jsonl'], dir);
    const cliRows = jl.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(body).toMatchObject({ id, total: 6, offset: 0, limit: 4 });
    expect(body.results).toEqual(cliRows.slice(0, 4));
    expect(
      body.results
        .slice(0, 2)
        .map((r: { formula: string }) => r.formula)
        .sort(),
    ).toEqual(['[ReAu12]+1', '[WAu12]0']);
    const page2 = JSON.parse((await http(srv.port, 'GET', `/api/screens/served?offset=4`)).text);
    expect(page2.results.map((r: { rank: number }) => r.rank)).toEqual([5, 6]);
    expect((await http(srv.port, 'GET', '/api/screens/ffffffffffff')).status).toBe(404);
    expect((await http(srv.port, 'GET', `/api/screens/${id}?limit=0`)).status).toBe(400);
    expect((await http(srv.port, 'GET', '/api/screens?x=1')).status).toBe(400);
    expect((await http(srv.port, 'POST', '/api/screens', '{}')).status).toBe(405);
    // a server without a store says how to give it one
    const bare = await startServer({ port: 0, webRoot: web, workers: 1 });
    try {
      const r = await http(bare.port, 'GET', '/api/screens');
      expect(r.status).toBe(503);
      expect(JSON.parse(r.text).error.hint).toMatch(/--db/);
    } finally {
      await bare.close();
    }
  });
});

describe('errors are JSON with 400/404/405/413/415/421/422, never 500', () => {
  const error = (r: Reply) => JSON.parse(r.text).error as Record<string, unknown>;

  it('malformed JSON: 400 with line and column', async () => {
    const r = await http(srv.port, 'POST', '/api/formula', '{\n  "formula": "Au25",\n  oops\n}');
    expect(r.status).toBe(400);
    expect(error(r)).toMatchObject({ code: 'bad-json', line: 3 });
  });

  it('missing, unknown and mistyped fields: 400', async () => {
    expect((await post('/api/count', {})).status).toBe(400);
    expect(error(await post('/api/count', { formula: 'Al13', rulez: 'auto' }))).toMatchObject({
      code: 'unknown-field',
    });
    expect((await post('/api/count', { formula: 13 })).status).toBe(400);
    expect((await post('/api/count', { formula: 'Al13', pi: { x: 1 } })).status).toBe(400);
    expect((await post('/api/analyze', ['x'])).status).toBe(400);
    // output flags of the CLI have no meaning here
    expect((await post('/api/isotopes', { formula: 'Au', svg: 'x.svg' })).status).toBe(400);
  });

  it('bad chemistry input: 422 with the InputError, its column and hint', async () => {
    const r = await post('/api/formula', { formula: 'Au25(SR' });
    expect(r.status).toBe(422);
    expect(error(r).column).toBeTypeOf('number');
    expect(error(r).message).toBeTypeOf('string');
    const o = await post('/api/count', { formula: 'Al13', rule: 'nonsense' });
    expect(o.status).toBe(422);
    expect(error(o).code).toBe('cli-choice');
    expect((await post('/api/analyze', { text: 'not a structure', name: 'x.xyz' })).status).toBe(422);
  });

  it('size limit 413, content type 415, method 405, unknown 404, foreign Host 421', async () => {
    const big = JSON.stringify({ formula: 'Au'.repeat(200_000) });
    const r = await http(srv.port, 'POST', '/api/formula', big);
    expect(r.status).toBe(413);
    expect(error(r).code).toBe('too-large');
    expect(
      (await http(srv.port, 'POST', '/api/formula', '{"formula":"Au"}', { 'content-type': 'text/plain' }))
        .status,
    ).toBe(415);
    expect((await http(srv.port, 'GET', '/api/formula')).status).toBe(405);
    expect((await http(srv.port, 'POST', '/api/nothing', '{}')).status).toBe(404);
    expect((await http(srv.port, 'GET', '/api/health', undefined, { host: 'evil.example:80' })).status).toBe(
      421,
    );
  });

  it('a computation over the time limit: 422 time-limit, the worker replaced', {
    timeout: 30_000,
  }, async () => {
    // a stand-in worker that never answers "count" (a computation that runs too long)
    const file = join(dir, 'slow-worker.mjs');
    writeFileSync(
      file,
      `import { parentPort } from 'node:worker_threads';
parentPort.on('message', (m) => {
  if (m.name === 'count') for (;;) {}
  parentPort.postMessage({ id: m.id, status: 200, json: '{"ok":true}' });
});
parentPort.postMessage({ ready: true });`,
    );
    const runner = createRunner({ workerUrl: pathToFileURL(file), timeLimitMs: 300, workers: 1 });
    const s = await startServer({ port: 0, webRoot: web, runner });
    try {
      const r = await http(s.port, 'POST', '/api/count', '{"formula":"Al13"}');
      expect(r.status).toBe(422);
      expect(JSON.parse(r.text).error.code).toBe('time-limit');
      const next = await http(s.port, 'POST', '/api/formula', '{"formula":"Al13"}');
      expect(next.status).toBe(200);
      expect((await http(s.port, 'GET', '/api/results')).status).toBe(503);
    } finally {
      await s.close();
    }
  });

  it('every worker busy and the queue full: 503 busy with Retry-After', { timeout: 30_000 }, async () => {
    const file = join(dir, 'slow-worker.mjs');
    const runner = createRunner({
      workerUrl: pathToFileURL(file),
      timeLimitMs: 400,
      workers: 1,
      maxQueue: 1,
    });
    try {
      // a quick request first: the worker is loaded (ready) after it
      expect((await runner.run('formula', {})).status).toBe(200);
      const first = runner.run('count', {});
      // the worker takes the first request at once; the second waits in the queue
      const second = runner.run('count', {});
      const third = await runner.run('count', {});
      expect(third.status).toBe(503);
      expect(JSON.parse(third.json).error.code).toBe('busy');
      expect(third.headers?.['retry-after']).toBe('5');
      expect((await first).status).toBe(422);
      expect((await second).status).toBe(422);
    } finally {
      await runner.close();
    }
  });

  it('fuzz: random bodies on every endpoint answer 200/400/413/422 with JSON, never 500', {
    timeout: 90_000,
  }, async () => {
    const fieldNames = [
      'formula',
      'peaks',
      'text',
      'name',
      'format',
      'candidate',
      'charge',
      'rule',
      'model',
      'fine',
      'resolution',
      'elements',
      'kernel',
      'frame',
      'charges',
      'polarity',
      'ligands',
      'tolerance',
      '__proto__',
      'constructor',
    ];
    const formulaLike = fc.oneof(
      fc.constantFrom('Au25(SR)18-', '[Ag29(BDTA)12]3-', 'Al13', 'C60', 'Au', '[Au13(dppe)5Cl2]3+', ''),
      fc.string({ maxLength: 30 }),
      fc.stringMatching(/^[A-Z][a-z]?\d{0,2}(\([A-Za-z]{1,4}\)\d{0,2})?[+-]?$/),
    );
    const value = fc.oneof(
      formulaLike,
      fc.integer({ min: -5, max: 50 }),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(formulaLike, { maxLength: 3 }),
      fc.object({ maxDepth: 1 }),
    );
    const body = fc.oneof(
      { weight: 6, arbitrary: fc.dictionary(fc.constantFrom(...fieldNames), value, { maxKeys: 5 }) },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
    );
    const raw = fc.oneof(
      { weight: 8, arbitrary: body.map((b) => JSON.stringify(b)) },
      { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('formula', 'count', 'isotopes', 'assign', 'analyze'),
        raw,
        async (ep, text) => {
          const r = await http(srv.port, 'POST', `/api/${ep}`, text);
          expect([200, 400, 413, 422]).toContain(r.status);
          const parsed = JSON.parse(r.text);
          if (r.status !== 200) expect(parsed.error.code).toBeTypeOf('string');
        },
      ),
      { numRuns: 150, seed: 11 },
    );
  });
});

describe('superatom serve (the command)', () => {
  it('bad arguments and a port in use: exit 2 with a message, no server left running', async () => {
    expect((await runCli(['serve', 'extra'], dir)).code).toBe(2);
    expect((await runCli(['serve', '--port', '70000'], dir)).code).toBe(2);
    const busy = await runCli(['serve', '--port', String(srv.port), '--no-store'], dir);
    expect(busy.code).toBe(2);
    expect(busy.err).toMatch(/EADDRINUSE/);
    expect(busy.err).toMatch(/--port 0/);
  });
});

describe('the page: static files, no traversal, strict headers', () => {
  it('serves index.html with the Content-Security-Policy and nosniff', async () => {
    const r = await http(srv.port, 'GET', '/');
    expect(r.status).toBe(200);
    expect(r.text).toContain('workbench');
    expect(r.headers['content-security-policy']).toBe(PAGE_CSP);
    expect(PAGE_CSP).not.toContain("'unsafe-eval'"); // 'wasm-unsafe-eval' allows WebAssembly only
    expect(PAGE_CSP).not.toContain('unsafe-inline');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    const js = await http(srv.port, 'GET', '/assets/app.js');
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
  });

  it('refuses every path out of the root (.., %2e%2e, %2f, backslash, NUL, hidden files)', async () => {
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/%5c..%5csecret.txt',
      '/index.html%00.js',
      '/.env',
      '/%2eenv',
      '//secret.txt',
      '/%',
    ]) {
      const r = await http(srv.port, 'GET', path);
      expect([400, 403, 404], path).toContain(r.status);
      expect(r.text, path).not.toContain('TOP-SECRET');
      expect(r.text, path).not.toContain('HIDDEN');
    }
  });

  it('fuzz: random paths built from traversal pieces never leave the root and never give 500', async () => {
    const piece = fc.constantFrom(
      '..',
      '.',
      '%2e%2e',
      '%2E.',
      '.%2e',
      '%2f',
      '%5c',
      '%00',
      '%',
      'assets',
      'secret.txt',
      'index.html',
      '',
      '~',
      '%252e%252e',
      '%E2%80%A5',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { minLength: 1, maxLength: 6 }), async (parts) => {
        const r = await http(srv.port, 'GET', `/${parts.join('/')}`);
        expect([200, 400, 403, 404]).toContain(r.status);
        expect(r.text).not.toContain('TOP-SECRET');
      }),
      { numRuns: 200, seed: 5 },
    );
  });

  it('without a built page, / says how to build it and the API still works', async () => {
    const s = await startServer({
      port: 0,
      webRoot: join(dir, 'nowhere'),
      runner: createRunner({ workers: 1 }),
    });
    try {
      const r = await http(s.port, 'GET', '/');
      expect(r.status).toBe(503);
      expect(r.text).toContain('npm run build:web');
      expect((await http(s.port, 'POST', '/api/formula', '{"formula":"Al13"}')).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});
