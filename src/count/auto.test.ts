import { describe, expect, it } from 'vitest';
import { countFormula } from '../workflows/count.js';
import { RULE_IDS } from './registry.js';

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

  it('bare transition-metal clusters and polyoxometalates get no made-up polyhedral count', () => {
    // Mingos 1984: the PEC/Wade vertex counts assume ligated 18-electron vertices; [P2W18O62]6− holds W(VI) ions.
    expect(countFormula('Pd13', { rule: 'mingos-pec' }).results[0]!.applies).toBe(false);
    expect(countFormula('K6[P2W18O62]·14H2O', { rule: 'wade-mingos' }).results[0]!.applies).toBe(false);
    // Shinohara, Rep. Prog. Phys. 63, 843 (2000): La@C82 is La3+ inside C82 3− — a cage count, not an 18-electron centre.
    expect(countFormula('La@C82').primary).toBe('hirsch');
  });

  it('no rule applies to a lone atom: an empty result with reasons', () => {
    const r = countFormula('Ar');
    expect(r.primary).toBeNull();
    expect(r.results).toHaveLength(0);
    expect(r.skipped).toHaveLength(RULE_IDS.length);
  });

  it('results serialise to JSON unchanged', () => {
    const r = countFormula('[Ag29(BDTA)12(PPh3)4]3-');
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});
