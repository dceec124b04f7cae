/**
 * End-to-end tests of the workbench page in real headless Chromium (Debian's `chromium` driven by
 * playwright-core): the page is built with Vite into a temporary directory and served from a
 * sub-path by a plain file server (the static-site mode). Screenshots of every step go to
 * artifacts/e2e/ (kept by CI). Skipped when Chromium is absent, unless
 * SUPERATOM_REQUIRE_ENGINES=1 (then absence is a failure).
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csSalt } from '../io/crystal-fixtures.js';
import { writeStructure } from '../io/registry.js';
import { cuboctahedron, mackayIcosahedron } from '../structure/builders/clusters.js';
import { seriousAxeViolations } from './e2e/axe.js';
import { buildPage, CHROMIUM_ARGS, chromiumPath, ROOT, serveStatic } from './e2e/static-server.js';

const chrome = chromiumPath();
const required = process.env.SUPERATOM_REQUIRE_ENGINES === '1';
const ARTIFACTS = join(ROOT, 'artifacts', 'e2e');

if (!chrome && required) {
  throw new Error('SUPERATOM_REQUIRE_ENGINES=1 but Chromium is missing (set CHROME_BIN or install chromium)');
}

describe.skipIf(!chrome)(
  `workbench page in headless Chromium${chrome ? '' : ' — skipped: Chromium not found (CHROME_BIN or /usr/bin/chromium)'}`,
  () => {
    let browser: Browser;
    let page: Page;
    let server: { url: string; close(): Promise<void> };
    let dir = '';
    const errors: string[] = [];

    beforeAll(async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      dir = buildPage();
      server = await serveStatic(dir);
      browser = await chromium.launch({ executablePath: chrome!, args: CHROMIUM_ARGS });
      page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(server.url);
      await page.waitForSelector('body[data-ready="true"]');
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('types [Ag29(BDTA)12(PPh3)4]3- and shows 8 electrons, closed shell, envelope at m/z ≈ 2129.4', async () => {
      const input = page.getByRole('textbox', { name: 'Formula', exact: true });
      await input.click();
      await input.pressSequentially('[Ag29(BDTA)12(PPh3)4]3-', { delay: 5 });
      const count = page.getByRole('region', { name: 'Electron count', exact: true });
      await expect.poll(() => count.innerText(), { timeout: 10_000 }).toMatch(/\b8 electrons\b/);
      expect(await count.innerText()).toMatch(/closed shell/);
      const envelope = page.getByRole('region', { name: 'Isotope envelope', exact: true });
      const text = await envelope.innerText();
      // Expected: the most abundant peak of [Ag29(BDTA)12(PPh3)4]3- is at m/z 2129.4 (issue 11, from the
      // Ag29 literature; `superatom isotopes` prints 2129.3979).
      const m = /most abundant m\/z (\d+\.\d+)/.exec(text);
      expect(m).not.toBeNull();
      expect(Math.abs(Number(m![1]) - 2129.4)).toBeLessThan(0.05);
      expect(await envelope.locator('canvas').count()).toBeGreaterThan(0);
      // hover: the legend shows the m/z and intensity under the cursor
      const over = envelope.locator('.u-over');
      await over.scrollIntoViewIfNeeded();
      const box = (await over.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.move(box.x + box.width / 2 + 3, box.y + box.height / 2 + 2, { steps: 3 });
      await expect
        .poll(() => envelope.locator('.u-legend').innerText(), { timeout: 5_000 })
        .toMatch(/m\/z:?\s*21\d\d\.\d{4}/);
      const legend = await envelope.locator('.u-legend').innerText();
      expect(legend).toMatch(/theoretical:?\s*\d+\.\d\d %/);
      // the state link reproduces the formula
      expect(decodeURIComponent(new URL(page.url()).hash)).toContain('formula=[Ag29(BDTA)12(PPh3)4]3-');
      await page.screenshot({ path: join(ARTIFACTS, '1-formula.png'), fullPage: false });
    });

    it('shows an error with a caret under the failing column', async () => {
      const input = page.getByRole('textbox', { name: 'Formula', exact: true });
      await input.fill('Au25(SR');
      await expect.poll(() => input.getAttribute('aria-invalid'), { timeout: 5_000 }).toBe('true');
      const err = await page.locator('#formula-error').innerText();
      expect(err).toMatch(/\^/);
      await input.fill('[Ag29(BDTA)12(PPh3)4]3-');
      await expect.poll(() => input.getAttribute('aria-invalid'), { timeout: 5_000 }).toBeNull();
    });

    it('drops an Au55 Mackay icosahedron: point group Ih and a rendered 3D canvas', async () => {
      // Au55: 2-shell Mackay icosahedron (13 + 42 atoms), Au–Au 2.884 Å (fcc a = 4.078 Å / √2)
      const xyz = writeStructure(mackayIcosahedron(2, { z: 79, bond: 2.884 }), 'xyz');
      const dt = await page.evaluateHandle((text) => {
        const d = new DataTransfer();
        d.items.add(new File([text], 'au55.xyz', { type: 'text/plain' }));
        return d;
      }, xyz);
      await page.dispatchEvent('#structure-drop', 'drop', { dataTransfer: dt });
      const status = page.locator('#structure-status');
      await expect.poll(() => status.innerText(), { timeout: 15_000 }).toMatch(/point group Ih\b/);
      expect(await status.innerText()).toMatch(/Au55, 55 atoms/);
      const view = page.getByRole('region', { name: 'Structure', exact: true });
      await expect.poll(() => view.getAttribute('data-atoms'), { timeout: 20_000 }).toBe('55');
      await page.waitForTimeout(300);
      const shot = await view.screenshot({ path: join(ARTIFACTS, '2-structure-au55.png') });
      expect(await colourfulPixels(page, shot)).toBeGreaterThan(0.02);
    });

    it('starts an LJ65 search, shows progress, and cancels it at once', async () => {
      // 65 atoms: the motif seeds do not hold the minimum (LJ38's are found before the first step),
      // so the walk keeps improving and the best structure is redrawn
      await page.getByLabel('Potential').selectOption('lj');
      await page.getByLabel('Atoms', { exact: true }).fill('65');
      await page.getByLabel('Budget (steps)').fill('1000000');
      await page.getByLabel('Time limit (s)').fill('120');
      await page.getByRole('button', { name: 'Start search' }).click();
      const bar = page.getByRole('progressbar', { name: 'Search progress' });
      await expect
        .poll(async () => Number((await bar.getAttribute('data-steps')) ?? 0), { timeout: 20_000 })
        .toBeGreaterThan(0);
      expect(await page.locator('#search-status').innerText()).toMatch(/best energy −?-?\d/);
      // the best structure so far is drawn live in the viewer (65 atoms, redrawn as it improves)
      const view = page.getByRole('region', { name: 'Structure', exact: true });
      await expect.poll(() => view.getAttribute('data-atoms'), { timeout: 10_000 }).toBe('65');
      await expect
        .poll(async () => Number(await view.getAttribute('data-frames')), { timeout: 10_000 })
        .toBeGreaterThan(1);
      await page.screenshot({ path: join(ARTIFACTS, '3-search-running.png') });
      await page.getByRole('button', { name: 'Cancel' }).click();
      expect(await page.locator('#search-status').innerText()).toBe('Search cancelled.');
      const stepsAtCancel = await bar.getAttribute('data-steps');
      await page.waitForTimeout(600);
      // terminated: no progress arrives after Cancel
      expect(await bar.getAttribute('data-steps')).toBe(stepsAtCancel);
      expect(await page.getByRole('button', { name: 'Start search' }).isEnabled()).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, '4-search-cancelled.png') });
    });

    it('exports the envelope as CSV and SVG, reads the CSV back as a measured spectrum, and assigns the ion', async () => {
      const input = page.getByRole('textbox', { name: 'Formula', exact: true });
      await input.fill('[Ag29(BDTA)12(PPh3)4]3-');
      await expect.poll(() => page.locator('#envelope-summary').innerText()).toMatch(/2129\.39/);
      const [csvDl] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export CSV' }).click(),
      ]);
      const csv = readFileSync((await csvDl.path())!, 'utf8');
      expect(csv.split('\n')[0]).toBe('series,mz,intensity_percent,probability');
      const theory = csv
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(','))
        .filter((r) => r[0] === 'theoretical');
      expect(theory.length).toBeGreaterThan(10);
      const [svgDl] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export SVG' }).click(),
      ]);
      expect(readFileSync((await svgDl.path())!, 'utf8')).toMatch(/<svg[\s>]/);
      const [pngDl] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export PNG' }).click(),
      ]);
      // PNG signature 89 50 4E 47 0D 0A 1A 0A
      expect(
        readFileSync((await pngDl.path())!)
          .subarray(0, 8)
          .toString('hex'),
      ).toBe('89504e470d0a1a0a');
      // a measured peak list: the theoretical sticks moved by +3 ppm (m/z × (1 + 3e-6)), two columns
      const peaks = theory.map(([, mz, i]) => `${(Number(mz) * (1 + 3e-6)).toFixed(5)}\t${i}`).join('\n');
      await page.getByLabel('Measured peaks (paste)').fill(peaks);
      await page.getByRole('button', { name: 'Compare and assign' }).click();
      const out = page.locator('#assign-out');
      await expect.poll(() => out.innerText(), { timeout: 10_000 }).toMatch(/Assignments/);
      const text = await out.innerText();
      // the comparison finds the +3 ppm offset it was given
      const ppm = /m\/z error\s*([−-]?\d+\.\d+) ppm/.exec(text);
      expect(ppm).not.toBeNull();
      expect(Number(ppm![1]!.replace('−', '-'))).toBeCloseTo(3, 0);
      expect(text).toContain('[Ag29(BDTA)12(PPh3)4]');
      await page.getByRole('region', { name: 'Isotope envelope', exact: true }).screenshot({
        path: join(ARTIFACTS, '5-envelope-measured.png'),
      });
      await page.getByRole('button', { name: 'Clear measured spectrum' }).click();
    });

    it('reads a PDB through the Structure file input and builds clusters from the form', async () => {
      // a 13-atom Ag cuboctahedron (Oh) written as PDB by the io/ writer, read back by the page
      const pdb = writeStructure(cuboctahedron(1, { z: 47, bond: 2.889 }), 'pdb');
      await page.getByLabel('Structure file').setInputFiles({
        name: 'ag13.pdb',
        mimeType: 'chemical/x-pdb',
        buffer: Buffer.from(pdb),
      });
      const status = page.locator('#structure-status');
      await expect
        .poll(() => status.innerText(), { timeout: 15_000 })
        .toMatch(/ag13\.pdb: Ag13, 13 atoms, point group Oh\b/);
      // pick two atoms by number: the centre–vertex distance is the bond length
      await page.getByLabel('Atom number').fill('1');
      await page.getByRole('button', { name: 'Pick atom' }).click();
      await page.getByLabel('Atom number').fill('2');
      await page.getByRole('button', { name: 'Pick atom' }).click();
      await expect.poll(() => page.locator('#picks').innerText()).toMatch(/distance 1–2\s*2\.889 Å/);
      // a crystal: Cs2[W6O19]·2H2O in a P1 cell (CIF) → the Lindqvist anion, built exactly in Oh
      // (io/crystal-fixtures.ts), is analysed and drawn alone (25 atoms, not the 33 of the cell)
      await page.getByLabel('Structure file').setInputFiles({
        name: 'cs2w6o19.cif',
        mimeType: 'chemical/x-cif',
        buffer: Buffer.from(writeStructure(csSalt(), 'cif')),
      });
      await expect
        .poll(() => status.innerText(), { timeout: 15_000 })
        .toMatch(/cs2w6o19\.cif: O19W6, 25 atoms, point group Oh\b/);
      await expect
        .poll(() => page.locator('#structure').getAttribute('data-atoms'), { timeout: 15_000 })
        .toBe('25');
      expect(await page.locator('#analysis').innerText()).toMatch(/crystal: analysed species/);
      // builder: 13-atom Ag icosahedron → Ih
      await page.getByLabel('Shape').selectOption('icosahedron');
      await page.getByLabel('Element').fill('Ag');
      await page.getByLabel('Shells or edge').fill('1');
      await page.getByRole('button', { name: 'Build' }).click();
      await expect
        .poll(() => status.innerText(), { timeout: 15_000 })
        .toMatch(/Ag13, 13 atoms, point group Ih\b/);
    });

    it('keeps results in the browser history (IndexedDB): searchable and exportable', async () => {
      const input = page.getByRole('textbox', { name: 'Formula', exact: true });
      await input.fill('[Au25(PET)18]-');
      await input.press('Enter');
      const list = page.locator('#history-list');
      await expect.poll(() => list.innerText(), { timeout: 10_000 }).toContain('[Au25(PET)18]-');
      expect(await list.innerText()).toContain('ag13.pdb');
      await page.getByLabel('Search the history').fill('ag13');
      await expect.poll(() => list.innerText()).not.toContain('[Au25(PET)18]-');
      expect(await list.innerText()).toContain('ag13.pdb');
      await page.getByLabel('Search the history').fill('');
      const [dl] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export history (JSON)' }).click(),
      ]);
      const exported = JSON.parse(readFileSync((await dl.path())!, 'utf8')) as {
        kind: string;
        input: string;
      }[];
      expect(exported.some((e) => e.kind === 'formula' && e.input === '[Au25(PET)18]-')).toBe(true);
      expect(exported.some((e) => e.kind === 'analyze' && e.input === 'au55.xyz')).toBe(true);
      await page.locator('#history-h').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(ARTIFACTS, '6-history.png') });
    });

    it('the static page says that screens need superatom serve --db, and does not poll', async () => {
      const region = page.getByRole('region', { name: 'Screening', exact: true });
      await expect
        .poll(() => region.innerText(), { timeout: 10_000 })
        .toMatch(/served with a store: superatom serve --db/);
      expect(await page.evaluate(() => document.body.dataset.screens)).toBe('unavailable');
      expect(await region.getByRole('button', { name: 'Refresh' }).isHidden()).toBe(true);
    });

    it('passes the axe-core accessibility check with no serious or critical violations', async () => {
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    });

    it('restores the state from a #formula= link', async () => {
      const p2 = await browser.newPage();
      await p2.goto(`${server.url}#formula=${encodeURIComponent('[Au25(PET)18]-')}`);
      await p2.waitForSelector('body[data-ready="true"]');
      expect(await p2.getByRole('textbox', { name: 'Formula', exact: true }).inputValue()).toBe(
        '[Au25(PET)18]-',
      );
      // [Au25(SR)18]−: 25 − 18 + 1 = 8 electrons (Walter et al., PNAS 105, 9157 (2008))
      await expect
        .poll(() => p2.getByRole('region', { name: 'Electron count', exact: true }).innerText())
        .toMatch(/\b8 electrons\b/);
      // keyboard only: Tab to the skip link, Enter, type; the count follows
      await p2.keyboard.press('Tab');
      expect(await p2.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the formula field');
      await p2.keyboard.press('Enter');
      expect(await p2.evaluate(() => document.activeElement?.id)).toBe('formula');
      await p2.keyboard.press('Control+A');
      await p2.keyboard.type('[Au25(SR)18]-');
      await expect
        .poll(() => p2.getByRole('region', { name: 'Electron count', exact: true }).innerText())
        .toMatch(/\b8 electrons\b/);
      expect(new URL(p2.url()).hash).toContain('formula=');
      await p2.close();
    });
  },
);

/** Fraction of pixels of a PNG screenshot that are neither white nor grey (decoded in the page). */
async function colourfulPixels(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (b64) => {
    const blob = await (await fetch(`data:image/png;base64,${b64}`)).blob();
    const bmp = await createImageBitmap(blob);
    const c = document.createElement('canvas');
    c.width = bmp.width;
    c.height = bmp.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(bmp, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) {
      const r = d[i]!;
      const g = d[i + 1]!;
      const b = d[i + 2]!;
      if (Math.max(r, g, b) - Math.min(r, g, b) > 40) n++;
    }
    return n / (d.length / 4);
  }, png.toString('base64'));
}
