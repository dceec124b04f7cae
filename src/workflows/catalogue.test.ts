/**
 * The catalogue's published counts, recomputed by the engine. Every entry's formula is
 * parsed and counted under the rule its paper states the count with; the count must equal
 * the published one (cited per entry by DOI in src/data/catalogue.ts).
 */
import { describe, expect, it } from 'vitest';
import { CATALOGUE, CATALOGUE_FAMILIES, SYNTHESIS_METHODS } from '../data/catalogue.js';
import { countFormula } from './count.js';

describe('catalogue', () => {
  it('has at least 150 entries with unique ids, a DOI, a known family and method', () => {
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(150);
    const ids = new Set<string>();
    for (const entry of CATALOGUE) {
      expect(ids.has(entry.id), entry.id).toBe(false);
      ids.add(entry.id);
      expect(entry.doi, entry.id).toMatch(/^10\.\d{4,9}\/\S+$/);
      expect(CATALOGUE_FAMILIES as readonly string[], entry.id).toContain(entry.family);
      expect(SYNTHESIS_METHODS as readonly string[], entry.id).toContain(entry.method);
    }
  });

  for (const entry of CATALOGUE) {
    it(`${entry.id}: ${entry.formula} — ${entry.rule} count ${entry.published.count} (doi:${entry.doi})`, () => {
      const report = countFormula(entry.formula, { rule: entry.rule });
      const result = report.results.find((r) => r.rule === entry.rule);
      expect(result?.applies, `${entry.rule} applies to ${entry.formula}`).toBe(true);
      expect(result?.count).toBe(entry.published.count);
      if (entry.published.verdict !== undefined) expect(result?.verdict).toBe(entry.published.verdict);
    });
  }
});
