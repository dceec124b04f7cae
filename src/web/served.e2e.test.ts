/**
 * The page as served by `superatom serve` (the built CLI: `npm test` builds first), in headless
 * Chromium: the page loads under the server's Content-Security-Policy with no violation, computes
 * the same numbers in the browser as the served API (`POST /api/isotopes`, `POST /api/count`), and
 * its history reads the server's store. Skipped until `superatom serve` is built (dist/cli/commands/serve.js)
 * or when Chromium is absent (a failure with SUPERATOM_REQUIRE_ENGINES=1).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './e2e/axe.js';
import { CHROMIUM_ARGS, chromiumPath, ROOT } from './e2e/static-server.js';

const chrome = chromiumPath();
const required = process.env.SUPERATOM_REQUIRE_ENGINES === '1';
const serveBuilt = existsSync(join(ROOT, 'dist', 'cli', 'commands', 'serve.js'));
const pageBuilt = existsSync(join(ROOT, 'dist', 'web', 'index.html'));
const ARTIFACTS = join(ROOT, 'artifacts', 'e2e');

if (!chrome && required) {
  throw new Error('SUPERATOM_REQUIRE_ENGINES=1 but Chromium is missing (set CHROME_BIN or install chromium)');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const skipReason = !chrome
  ? 'Chromium not found (CHROME_BIN or /usr/bin/chromium)'
  : !serveBuilt
    ? 'superatom serve is not built (dist/cli/commands/serve.js; npm run build)'
    : !pageBuilt
      ? 'the page is not built (dist/web; npm run build)'
      : '';

describe.skipIf(Boolean(skipReason))(
  `the page served by superatom serve${skipReason ? ` — skipped: ${skipReason}` : ''}`,
  () => {
    let browser: Browser;
    let child: ChildProcess;
    let base: string;
    let dir: string;
    let log = '';

    beforeAll(async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      dir = mkdtempSync(join(tmpdir(), 'superatom-served-'));
      const port = await freePort();
      base = `http://127.0.0.1:${port}/`;
      child = spawn(
        process.execPath,
        [
          join(ROOT, 'bin', 'superatom.js'),
          'serve',
          '--port',
          String(port),
          '--host',
          '127.0.0.1',
          '--db',
          join(dir, 'store.db'),
        ],
        { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      child.stdout?.on('data', (d) => {
        log += String(d);
      });
      child.stderr?.on('data', (d) => {
        log += String(d);
      });
      const t0 = Date.now();
      for (;;) {
        try {
          const r = await fetch(`${base}api/health`);
          if (r.ok) break;
        } catch {
          // not listening yet
        }
        if (child.exitCode !== null || Date.now() - t0 > 30_000) {
          throw new Error(`superatom serve did not answer /api/health: ${log}`);
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      browser = await chromium.launch({ executablePath: chrome!, args: CHROMIUM_ARGS });
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      if (child && child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('loads under the CSP and shows the same numbers as the API', async () => {
      const res = await fetch(base);
      expect(res.headers.get('content-security-policy') ?? '').not.toMatch(/'unsafe-eval'/);
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      const formula = '[Ag29(BDTA)12(PPh3)4]3-';
      await page.goto(`${base}#formula=${encodeURIComponent(formula)}`);
      await page.waitForSelector('body[data-ready="true"]');
      const summary = await page.locator('#envelope-summary').innerText();
      const pageMz = Number(/most abundant m\/z (\d+\.\d+)/.exec(summary)?.[1]);
      const iso = await (
        await fetch(`${base}api/isotopes`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ formula }),
        })
      ).json();
      expect(pageMz).toBeCloseTo(iso.mostAbundantMz, 4);
      const count = await (
        await fetch(`${base}api/count`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ formula }),
        })
      ).json();
      const primary = count.results.find((r: { rule: string }) => r.rule === count.primary);
      expect(await page.getByRole('region', { name: 'Electron count', exact: true }).innerText()).toContain(
        `${primary.count} electrons`,
      );
      // the 3D viewer and the workers run under the CSP too
      const xyz = '13\nAu13\nAu 0 0 0\n' + icosahedron13().join('\n');
      await page
        .getByLabel('Structure file')
        .setInputFiles({ name: 'au13.xyz', mimeType: 'text/plain', buffer: Buffer.from(xyz) });
      await expect
        .poll(() => page.locator('#structure-status').innerText(), { timeout: 20_000 })
        .toMatch(/point group Ih\b/);
      await expect
        .poll(() => page.locator('#structure').getAttribute('data-atoms'), { timeout: 20_000 })
        .toBe('13');
      // the history is the server's store: a committed formula is saved there and listed
      expect(await page.evaluate(() => document.body.dataset.history)).toBe('server');
      await page.getByRole('textbox', { name: 'Formula', exact: true }).press('Enter');
      await expect
        .poll(
          async () =>
            (
              (await (await fetch(`${base}api/results?kind=count&limit=10`)).json()) as {
                results: { formula: string }[];
              }
            ).results.map((r) => r.formula),
          { timeout: 10_000 },
        )
        .toContain(formula);
      await page.screenshot({ path: join(ARTIFACTS, '7-served.png') });
      await page.getByRole('region', { name: 'Structure', exact: true }).screenshot({
        path: join(ARTIFACTS, '8-served-structure.png'),
      });
      expect(problems.filter((p) => /Content Security Policy|Refused to/i.test(p))).toEqual([]);
      await page.close();
    });

    it('the Screening region follows a screen run into the store and ranks as screen results does', {
      timeout: 120_000,
    }, async () => {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      await page.goto(base);
      await page.waitForSelector('body[data-ready="true"]');
      const region = page.getByRole('region', { name: 'Screening', exact: true });
      await expect
        .poll(() => region.innerText(), { timeout: 10_000 })
        .toMatch(/No screens in this store yet/);
      // 30 doped 55-atom icosahedra [M@Au54]^q relaxed on Gupta, run by the CLI into the served store
      writeFileSync(
        join(dir, 'live.yaml'),
        `name: live
space:
  - formula: "[{M}Au54]{q}"
    vars: { M: [Ni, Cu, Pd, Ag, Pt, W], q: [-2, -1, 0, 1, 2] }
pipeline:
  - count: {}
  - build: { shape: icosahedron }
  - relax: { potential: gupta, maxIterations: 3000 }
rank:
  - { by: closed, order: desc }
  - { by: relaxEnergyPerAtom, order: asc }
`,
      );
      const cli = (args: string[]) =>
        spawnSync(
          process.execPath,
          [join(ROOT, 'bin', 'superatom.js'), ...args, '--db', join(dir, 'store.db')],
          {
            cwd: dir,
            encoding: 'utf8',
          },
        );
      const run = spawn(
        process.execPath,
        [
          join(ROOT, 'bin', 'superatom.js'),
          'screen',
          'live.yaml',
          '--db',
          join(dir, 'store.db'),
          '--workers',
          '1',
        ],
        {
          cwd: dir,
          stdio: 'ignore',
        },
      );
      const exit = new Promise<number | null>((r) => run.once('exit', (code) => r(code)));
      await expect
        .poll(() => region.locator('.screen-item').first().innerText(), { timeout: 60_000 })
        .toMatch(/^live \([0-9a-f]{12}\)[\s\S]*30\/30 done, complete/);
      expect(await exit).toBe(0);
      await expect
        .poll(() => page.evaluate(() => document.body.dataset.screens), { timeout: 10_000 })
        .toBe('idle');
      const results = cli(['screen', 'results', 'live', '--format', 'jsonl']);
      expect(results.status, results.stderr).toBe(0);
      const top = JSON.parse(results.stdout.split('\n')[0]!) as { formula: string; rank: number };
      const firstRow = region.getByRole('table').locator('tbody tr').first();
      await expect
        .poll(() => firstRow.locator('td').nth(1).innerText(), { timeout: 10_000 })
        .toBe(top.formula);
      await region.screenshot({ path: join(ARTIFACTS, '9-served-screening.png') });
      await page.close();
      // the region with screens in it passes axe-core (a context that lets the checker's script in)
      const ctx = await browser.newContext({ bypassCSP: true, viewport: { width: 1200, height: 900 } });
      const checked = await ctx.newPage();
      await checked.goto(base);
      await checked.waitForSelector('body[data-screens="idle"]', { timeout: 20_000 });
      await checked.locator('#screen-detail table').waitFor();
      expect(await seriousAxeViolations(checked)).toEqual([]);
      await ctx.close();
    });
  },
);

/** The 12 vertices of an icosahedron with centre–vertex distance 2.78 Å: (0, ±1, ±φ) cyclic, scaled. */
function icosahedron13(): string[] {
  const phi = (1 + Math.sqrt(5)) / 2;
  const s = 2.78 / Math.hypot(1, phi);
  const out: string[] = [];
  for (const a of [-1, 1]) {
    for (const b of [-phi, phi]) {
      for (const [x, y, z] of [
        [0, a, b],
        [a, b, 0],
        [b, 0, a],
      ] as const) {
        out.push(`Au ${(x * s).toFixed(6)} ${(y * s).toFixed(6)} ${(z * s).toFixed(6)}`);
      }
    }
  }
  return out;
}
