#!/usr/bin/env node
/**
 * The workbench page (dist/web, built by `npm run build`) in headless Chromium (playwright-core,
 * Debian's chromium; CHROME_BIN overrides):
 *   1. bundle size: every file of dist/web, raw and gzip; ratio against 3Dmol.js's own minified
 *      build (node_modules/3dmol/build/3Dmol-min.js), the largest single dependency;
 *   2. time to first result after typing a formula (input event → composition, count and envelope
 *      on screen, including the page's 40 ms input debounce); ratio against the same three
 *      workflows (formulaReport, countFormula, isotopesReport) called in Node in this run;
 *   3. frame rate of the 3D viewer (3Dmol.js, WebGL through SwiftShader: software rendering)
 *      while rotating a 1415-atom Mackay icosahedron, one rotation per requestAnimationFrame;
 *      ratio against the same on the 55-atom icosahedron.
 * Run after `npm run build`: node bench/web.bench.js   (skips with a message when Chromium is absent)
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist', 'web');
if (!existsSync(join(dist, 'index.html'))) {
  console.log('dist/web/index.html is missing: run `npm run build` (or `npm run build:web`) first');
  process.exit(1);
}

// 1. bundle size
function files(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}
const kb = (b) => `${(b / 1024).toFixed(1)} kB`;
let raw = 0;
let gz = 0;
let firstLoad = 0;
let firstLoadGz = 0;
console.log('bundle (dist/web):');
for (const f of files(dist).sort()) {
  const buf = readFileSync(f);
  const g = gzipSync(buf, { level: 9 }).length;
  raw += buf.length;
  gz += g;
  const lazy = /3Dmol|worker/i.test(f);
  if (!lazy) {
    firstLoad += buf.length;
    firstLoadGz += g;
  }
  console.log(
    `  ${f.slice(dist.length + 1).padEnd(40)} ${kb(buf.length).padStart(10)}  gzip ${kb(g).padStart(9)}${lazy ? '  (lazy)' : ''}`,
  );
}
const threeDmol = join(root, 'node_modules', '3dmol', 'build', '3Dmol-min.js');
const base = readFileSync(threeDmol);
const baseGz = gzipSync(base, { level: 9 }).length;
console.log(
  `  total ${kb(raw)} (gzip ${kb(gz)}); first load without the lazy 3D viewer and the two workers ${kb(firstLoad)} (gzip ${kb(firstLoadGz)})`,
);
console.log(
  `  baseline 3Dmol-min.js ${kb(base.length)} (gzip ${kb(baseGz)}); ratio total/3Dmol ${(raw / base.length).toFixed(2)} (gzip ${(gz / baseGz).toFixed(2)})`,
);

const chrome = process.env.CHROME_BIN ?? '/usr/bin/chromium';
if (!existsSync(chrome)) {
  console.log(`Chromium not found at ${chrome}: skipping the timing and frame-rate parts`);
  process.exit(0);
}
const { chromium } = await import('playwright-core');
// never hang a benchmark run: give up after 5 minutes (playwright closes the browser on exit)
setTimeout(() => {
  console.error('web bench: gave up after 5 minutes');
  process.exit(1);
}, 300_000).unref();

// Node baseline for the time to first result
const { formulaReport } = await import('../dist/workflows/formula.js');
const { countFormula } = await import('../dist/workflows/count.js');
const { isotopesReport } = await import('../dist/workflows/spectrum.js');
const FORMULAS = ['[Ag29(BDTA)12(PPh3)4]3-', '[Au25(PET)18]-', '[Au144(SC6H13)60]', 'K6[P2W18O62]·14H2O'];
function nodeTime(f) {
  const t0 = performance.now();
  formulaReport(f);
  countFormula(f);
  isotopesReport({ formula: f });
  return performance.now() - t0;
}
for (const f of FORMULAS) nodeTime(f); // warm-up, as the page is warmed by its initial render

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const server = createServer((req, res) => {
  let p = normalize(join(dist, decodeURIComponent((req.url ?? '/').split('?')[0])));
  if (p !== dist && !p.startsWith(dist + sep)) return res.writeHead(403).end();
  if (existsSync(p) && statSync(p).isDirectory()) p = join(p, 'index.html');
  if (!existsSync(p)) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': types[extname(p)] ?? 'application/octet-stream' });
  res.end(readFileSync(p));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: chrome,
  args: ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const t0 = performance.now();
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  console.log(`\npage load to ready: ${(performance.now() - t0).toFixed(0)} ms`);

  // 2. time to first result
  console.log('time to first result after typing (input event → count and envelope on screen):');
  for (const f of FORMULAS) {
    const ms = [];
    for (let rep = 0; rep < 3; rep++) {
      await page.fill('#formula', '');
      await page.waitForFunction(() => document.body.dataset.formulaState === 'empty');
      ms.push(
        await page.evaluate(
          (text) =>
            new Promise((resolve) => {
              const input = document.getElementById('formula');
              const t = performance.now();
              input.value = text;
              input.dispatchEvent(new Event('input', { bubbles: true }));
              const poll = () => {
                // formulaState is set once formula, count and envelope are all rendered
                if (document.body.dataset.formulaState !== 'empty') resolve(performance.now() - t);
                else requestAnimationFrame(poll);
              };
              requestAnimationFrame(poll);
            }),
          f,
        ),
      );
    }
    const page_ = Math.min(...ms);
    const parts = await page.evaluate(() => {
      const last = (name) => performance.getEntriesByName(name).at(-1)?.duration ?? Number.NaN;
      return { formula: last('superatom:formula'), spectrum: last('superatom:spectrum') };
    });
    const node = Math.min(nodeTime(f), nodeTime(f), nodeTime(f));
    console.log(
      `  ${f.padEnd(28)} page ${page_.toFixed(0).padStart(5)} ms (formula + count ${parts.formula.toFixed(0)} ms, envelope + plot ${parts.spectrum.toFixed(0)} ms)   Node workflows ${node.toFixed(1).padStart(6)} ms   ratio ${(page_ / node).toFixed(1)}`,
    );
  }

  // 3. frame rate while rotating
  async function fps(shells) {
    await page.selectOption('#build-kind', 'icosahedron');
    await page.fill('#build-element', 'Au');
    await page.fill('#build-size', String(shells));
    const expected = (10 * shells ** 3 + 15 * shells ** 2 + 11 * shells + 3) / 3;
    const tb = performance.now();
    await page.click('#build-form button[type=submit]');
    await page.waitForFunction(
      (n) => document.getElementById('structure')?.dataset.atoms === String(n),
      expected,
      {
        timeout: 120_000,
      },
    );
    const build = performance.now() - tb;
    await page.waitForTimeout(300);
    // warm-up (shader compilation, first buffers), then 3 s of frames
    await page.evaluate(
      () =>
        new Promise((resolve) => {
          const button = document.querySelector('button[data-view="y:15"]');
          let n = 0;
          const tick = () => {
            button.click();
            if (++n < 20) requestAnimationFrame(tick);
            else resolve(n);
          };
          requestAnimationFrame(tick);
        }),
    );
    const r = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const button = document.querySelector('button[data-view="y:15"]');
          let frames = 0;
          const t0 = performance.now();
          const tick = () => {
            button.click();
            frames++;
            if (performance.now() - t0 < 3000) requestAnimationFrame(tick);
            else resolve({ frames, seconds: (performance.now() - t0) / 1000 });
          };
          requestAnimationFrame(tick);
        }),
    );
    return { atoms: expected, fps: r.frames / r.seconds, build };
  }
  console.log(
    'viewer frame rate while rotating (3Dmol.js, WebGL on SwiftShader; ≤ 400 atoms spheres + bond sticks, larger spheres only):',
  );
  const small = await fps(2);
  const big = await fps(7);
  for (const x of [small, big]) {
    console.log(
      `  ${String(x.atoms).padStart(5)} atoms: ${x.fps.toFixed(1)} frames/s  (build + analyse + first draw ${x.build.toFixed(0)} ms)`,
    );
  }
  console.log(`  ratio 1415-atom / 55-atom frame rate: ${(big.fps / small.fps).toFixed(2)}`);
} finally {
  await browser.close();
  server.close();
}
