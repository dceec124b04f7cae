/**
 * `superatom catalogue`: listings computed by the engine (never read from the table), filters,
 * the periodic-table map. The data itself (≥ 150 entries, published counts) is tested in
 * src/workflows/catalogue.test.ts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CATALOGUE, type CatalogueEntry } from '../../data/catalogue.js';
import { catalogueListing, filterListings } from '../../workflows/catalogue.js';
import { runCli } from '../testing.js';
import { tablePosition } from './catalogue-map.js';

const dir = mkdtempSync(join(tmpdir(), 'superatom-catalogue-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in entry (not from the catalogue): the published count is deliberately wrong, to show it is never used. */
const B12: CatalogueEntry = {
  id: 'b12h12',
  formula: '[B12H12]2-',
  family: 'borane',
  method: 'pyrolysis',
  rule: 'wade-mingos',
  doi: '10.1021/ja01509a050',
  year: 1960,
  published: { count: 999 },
};

describe('catalogue listings', () => {
  it('are computed by the engine: [B12H12]2- is closo with 13 skeletal pairs, m/z from isotope masses', () => {
    const x = catalogueListing(B12);
    // Wade's rules: a closo n-vertex deltahedron has n + 1 skeletal electron pairs (Wade, Adv. Inorg. Chem. Radiochem. 18, 1 (1976))
    expect(x.count).toBe(13);
    expect(x.electrons).toBe(26);
    expect(x.verdict).toBe('closo');
    expect(x.elements).toEqual(['B', 'H']); // Hill order: no carbon, so alphabetical
    // AME2020 atomic masses: 11B 11.009305167 u, 1H 1.00782503223 u; electron 0.000548579909 u (CODATA 2018)
    const M = 12 * 11.009305167 + 12 * 1.00782503223;
    expect(x.monoisotopicMz).toBeCloseTo((M + 2 * 0.000548579909) / 2, 5);
    expect(x).not.toHaveProperty('published');
  });
  it('report a formula the engine cannot read instead of throwing', () => {
    const x = catalogueListing({ ...B12, id: 'bad', formula: 'Xq12' });
    expect(x.count).toBeNull();
    expect(x.problems[0]).toMatch(/does not parse/);
  });
  it('filter by element, electrons (pairs × 2), family, verdict, method', () => {
    const list = [
      catalogueListing(B12),
      catalogueListing({
        ...B12,
        id: 'au',
        formula: '[Au25(SR)18]-',
        family: 'gold-thiolate',
        rule: 'superatom-complex',
        method: 'reduction',
      }),
    ];
    expect(filterListings(list, { electrons: 26 }).map((x) => x.id)).toEqual(['b12h12']);
    expect(filterListings(list, { electrons: 8, elements: ['Au'] }).map((x) => x.id)).toEqual(['au']);
    expect(filterListings(list, { elements: ['Au', 'B'] })).toEqual([]);
    expect(
      filterListings(list, { verdict: 'closo', method: 'pyrolysis', family: 'borane' }).map((x) => x.id),
    ).toEqual(['b12h12']);
  });
});

describe('superatom catalogue', () => {
  it('list --json prints every entry with computed count and verdict', async () => {
    const r = await runCli(['catalogue', 'list', '--json']);
    expect(r.code).toBe(0);
    const { entries } = JSON.parse(r.out) as { entries: Record<string, unknown>[] };
    expect(entries).toHaveLength(CATALOGUE.length);
    for (const e of entries) {
      expect(Object.keys(e)).toEqual(
        expect.arrayContaining(['id', 'formula', 'family', 'elements', 'method', 'doi', 'count', 'verdict']),
      );
      expect(e).not.toHaveProperty('published');
    }
    const text = await runCli(['catalogue', 'list']);
    expect(text.out).toContain(`${CATALOGUE.length} entries`);
  });
  it('search --element Ag --electrons 8 finds 8-electron silver clusters only', async () => {
    const r = await runCli(['catalogue', 'search', '--element', 'Ag', '--electrons', '8', '--json']);
    const { entries } = JSON.parse(r.out) as { entries: { elements: string[]; electrons: number }[] };
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) {
      expect(e.elements).toContain('Ag');
      expect(e.electrons).toBe(8);
    }
  });
  it('show gives one entry; unknown ids, actions, elements and empty searches are errors (exit 2)', async () => {
    const id = CATALOGUE[0]!.id;
    const s = await runCli(['catalogue', 'show', id]);
    expect(s.code).toBe(0);
    expect(s.out).toContain(`https://doi.org/${CATALOGUE[0]!.doi}`);
    const bad = await runCli(['catalogue', 'show', `${id}x`]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(`did you mean "${id}"`);
    expect((await runCli(['catalogue', 'search'])).code).toBe(2);
    expect((await runCli(['catalogue', 'search', '--element', 'AG'])).err).toContain('element symbol');
    expect((await runCli(['catalogue', 'lst'])).err).toContain('did you mean "list"');
  });
  it('map -o writes a periodic-table SVG with a cell for every framework element', async () => {
    const r = await runCli(['catalogue', 'map', '-o', 'map.svg'], dir);
    expect(r.code).toBe(0);
    const svg = readFileSync(join(dir, 'map.svg'), 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    const els = new Set(CATALOGUE.map(catalogueListing).flatMap((x) => x.coreElements));
    for (const el of els) expect(svg).toMatch(new RegExp(`<title>[A-Za-z]+ \\(${el}\\): \\d+ cluster`));
    expect((await runCli(['catalogue', 'map'], dir)).code).toBe(2);
  });
  it('places elements as in the IUPAC periodic table', () => {
    // IUPAC 18-column table; lanthanides/actinides La–Lu, Ac–Lr in the two rows below (rows 9, 10)
    expect(tablePosition(1)).toEqual({ row: 1, col: 1 });
    expect(tablePosition(2)).toEqual({ row: 1, col: 18 });
    expect(tablePosition(5)).toEqual({ row: 2, col: 13 }); // B
    expect(tablePosition(13)).toEqual({ row: 3, col: 13 }); // Al
    expect(tablePosition(26)).toEqual({ row: 4, col: 8 }); // Fe
    expect(tablePosition(47)).toEqual({ row: 5, col: 11 }); // Ag
    expect(tablePosition(57)).toEqual({ row: 9, col: 3 }); // La
    expect(tablePosition(71)).toEqual({ row: 9, col: 17 }); // Lu
    expect(tablePosition(72)).toEqual({ row: 6, col: 4 }); // Hf
    expect(tablePosition(79)).toEqual({ row: 6, col: 11 }); // Au
    expect(tablePosition(92)).toEqual({ row: 10, col: 6 }); // U
    expect(tablePosition(118)).toEqual({ row: 7, col: 18 }); // Og
  });
});
