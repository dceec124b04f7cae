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

describe('huckel with a given π count', () => {
  it('takes a small bare ring on the user’s word, with a note saying so', () => {
    // [Al4]2− is the classic all-metal 2π aromatic ring (Li, Boldyrev, Wang et al., Science 291, 859 (2001))
    const r = countWith(parseFormula('[Al4]2-'), 'huckel', { pi: 2 });
    expect(r).toMatchObject({ applies: true, count: 2, verdict: 'aromatic' });
    expect(r.notes.join(' ')).toMatch(/cannot be checked/);
  });
  it('refuses a 20-atom cluster as a ring', () => {
    const r = countWith(parseFormula('Au20'), 'huckel', { pi: 2 });
    expect(r.applies).toBe(false);
    expect(r.reason).toMatch(/at most 12/);
  });
});
