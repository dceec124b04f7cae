import { describe, expect, it } from 'vitest';
import { countFormula } from '../workflows/count.js';

describe('auto: every applicable rule, with a primary one', () => {
  const cases: [string, string][] = [
    ['[Au25(SR)18]-', 'superatom-complex'],
    ['Al13-', 'jellium'],
    ['[B12H12]2-', 'wade-mingos'],
    ['[Sn9]4-', 'wade-mingos'],
    ['Rh6(CO)16', 'mingos-pec'],
    ['Fe(CO)5', '18-electron'],
    ['W@Au12', '18-electron'],
    ['[U@Si20]6-', '32-electron'],
    ['[Ni@In10]10-', 'jellium'],
    ['C6H6', 'huckel'],
    ['[Al4]2-', 'huckel'],
    ['[C60]10+', 'hirsch'],
    ['CH4', 'octet'],
    ['[AlF4]-', 'superhalogen'],
  ];
  for (const [f, primary] of cases) {
    it(`${f} → primary ${primary}`, () => {
      const r = countFormula(f);
      expect(r.primary).toBe(primary);
      expect(r.results[0]!.rule).toBe(primary);
      expect(r.results.every((x) => x.applies)).toBe(true);
      expect(r.skipped.every((s) => s.reason.length > 5)).toBe(true);
    });
  }

  it('no rule applies to a lone atom: an empty result with reasons', () => {
    const r = countFormula('Ar');
    expect(r.primary).toBeNull();
    expect(r.results).toHaveLength(0);
    expect(r.skipped).toHaveLength(11);
  });

  it('results serialise to JSON unchanged', () => {
    const r = countFormula('[Ag29(BDTA)12(PPh3)4]3-');
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});
