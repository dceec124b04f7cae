import { describe, expect, it } from 'vitest';
import { parseFormula } from '../chem/parse.js';
import { countAuto, countWith } from './registry.js';

// A charge that removes more electrons than the atoms bring gives no count (issue 3: "never a
// made-up count"): Na8 has 8 valence electrons, so [Na8]20+ would have −12.
describe('negative counts are not answers', () => {
  it('a single rule says it cannot judge, with the reason', () => {
    const r = countWith(parseFormula('[Na8]20+'), 'jellium');
    expect(r.applies).toBe(false);
    expect(r.count).toBeNull();
    expect(r.reason).toMatch(/negative/);
    expect(countWith(parseFormula('[C5H5]9+'), 'huckel').applies).toBe(false);
  });
  it('auto moves such rules to the skipped list', () => {
    const a = countAuto(parseFormula('[Na8]20+'));
    expect(a.results.every((r) => r.count === null || r.count >= 0 || r.rule === 'superhalogen')).toBe(true);
    expect(a.skipped.some((s) => s.rule === 'jellium' && /negative/.test(s.reason))).toBe(true);
  });
  it('ordinary counts are untouched: Na8 → 8 closed shell (Knight et al., PRL 52, 2141 (1984))', () => {
    const r = countWith(parseFormula('Na8'), 'jellium');
    expect(r).toMatchObject({ applies: true, count: 8, verdict: 'closed-shell' });
  });
});
