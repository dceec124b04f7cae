import { describe, expect, it } from 'vitest';
import { LimitError } from '../core/errors.js';
import { aggregatedDistribution } from './aggregated.js';
import { aggregatedCost, fineIsotopologueEstimate, MAX_AGGREGATED_OPERATIONS } from './cost.js';
import { fineStructure } from './fine.js';
import { resolveComposition } from './isotopes.js';

describe('cost estimates before isotope calculations', () => {
  it('the estimate stays at or below the configurations the search stores (Sn10, W50, Ag29, PW12O40)', () => {
    const cases: Record<string, number>[] = [
      { Sn: 10 },
      { W: 50 },
      { Ag: 29, C: 84, H: 48, O: 24, S: 24 },
      { P: 1, W: 12, O: 40 },
    ];
    for (const c of cases) {
      const atoms = resolveComposition(c);
      const r = fineStructure(atoms, { probability: 0.999 });
      expect(fineIsotopologueEstimate(atoms, 0.999)).toBeLessThanOrEqual(r.storedConfigurations);
    }
  });

  it('the fine-structure volume estimate never overcounts much (exact counts from fineStructure)', () => {
    const cases: Record<string, number>[] = [
      { C: 100, H: 202 },
      { Ag: 29, C: 84, H: 48, O: 24, S: 24 },
      { Au: 144, C: 480, H: 540, S: 60 },
      { P: 1, W: 12, O: 40 },
      { C: 10_000, H: 20_000 },
      { W: 50 },
    ];
    for (const c of cases) {
      const atoms = resolveComposition(c);
      const exact = fineStructure(atoms, { probability: 0.999 }).isotopologues.length;
      const est = fineIsotopologueEstimate(atoms, 0.999);
      expect(est / exact).toBeLessThan(1.5);
      expect(est / exact).toBeGreaterThan(0.01);
    }
  });

  it('fine structure beyond the configuration cap is refused before the search (Sn1000, the Mo154 wheel)', () => {
    const big: Record<string, number>[] = [{ Sn: 1000 }, { Mo: 154, O: 532, H: 154 }];
    for (const c of big) {
      expect(() => fineStructure(resolveComposition(c), { probability: 0.999 })).toThrow(
        /estimated before starting/,
      );
    }
  });

  it('the aggregated cost grows like n and refuses 10⁶ Sn atoms, not the Mo154 wheel', () => {
    const mo = aggregatedCost(resolveComposition({ Mo: 154, O: 532, H: 154 }), 1e-12);
    expect(mo).toBeLessThan(1e6);
    const sn = (n: number) => aggregatedCost(resolveComposition({ Sn: n }), 1e-12);
    expect(sn(1e6) / sn(1e5)).toBeGreaterThan(8);
    expect(sn(1e6)).toBeGreaterThan(MAX_AGGREGATED_OPERATIONS);
    let err: unknown;
    try {
      aggregatedDistribution(resolveComposition({ Sn: 1_000_000 }));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LimitError);
    expect((err as LimitError).hint).toMatch(/fragment|--prune/);
  });
});
