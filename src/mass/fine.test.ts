/**
 * Fine structure against IsoSpec. The reference configurations in fixtures/isospec-fine.json
 * were produced by IsoSpecPy 2.2.1 (Debian python3-isospec), an independent C++ implementation,
 * with superatom's isotope table passed explicitly (fixtures/isospec-reference.py regenerates
 * them). Both return the smallest set of isotopologues reaching the requested probability.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LimitError } from '../core/errors.js';
import { isotopeEnvelope } from './envelope.js';
import { fineStructure } from './fine.js';
import { resolveComposition } from './isotopes.js';

interface Case {
  composition: Record<string, number>;
  probability: number;
  masses: number[];
  probs: number[];
}
const FIXTURE = JSON.parse(
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'isospec-fine.json'), 'utf8'),
) as { cases: Case[] };

describe('fine structure agrees with IsoSpec', () => {
  for (const c of FIXTURE.cases) {
    it(`${JSON.stringify(c.composition)} to p = ${c.probability}`, () => {
      const r = fineStructure(resolveComposition(c.composition), { probability: c.probability });
      expect(r.isotopologues.length).toBe(c.masses.length);
      // Match by mass (both sorted by mass); isotopologues of equal probability could in principle
      // be swapped at the cut, which none of these cases has.
      for (let i = 0; i < c.masses.length; i++) {
        expect(r.isotopologues[i]!.massDa).toBeCloseTo(c.masses[i]!, 8);
        expect(r.isotopologues[i]!.probability / c.probs[i]!).toBeCloseTo(1, 9);
      }
      const ref = c.probs.reduce((s, x) => s + x, 0);
      expect(r.coveredProbability).toBeCloseTo(ref, 12);
      expect(r.coveredProbability).toBeGreaterThanOrEqual(c.probability);
    });
  }
});

describe('fine structure properties', () => {
  it('returns configurations whose counts add up to the composition', () => {
    const atoms = resolveComposition({ S: 5, O: 4 });
    const r = fineStructure(atoms, { probability: 0.99999, withCounts: true });
    for (const iso of r.isotopologues) {
      expect(iso.counts!.map((c) => c.reduce((a, b) => a + b, 0))).toEqual(atoms.map((a) => a.count));
    }
    expect(new Set(r.isotopologues.map((i) => i.counts!.flat().join())).size).toBe(r.isotopologues.length);
  });

  it('sums per nucleon number to the aggregated envelope', () => {
    const comp = { C: 30, H: 40, N: 2, O: 6, S: 2 };
    const fine = fineStructure(resolveComposition(comp), { probability: 1 - 1e-12 });
    const agg = isotopeEnvelope(comp, { minIntensityPercent: 1e-6 });
    // bin fine isotopologues by rounding their mass shift from the first aggregated peak
    const m0 = agg.peaks[0]!.mz;
    const bins = new Map<number, number>();
    for (const f of fine.isotopologues) {
      const k = Math.round(f.massDa - m0);
      bins.set(k, (bins.get(k) ?? 0) + f.probability);
    }
    for (const p of agg.peaks.slice(0, 6)) {
      expect(bins.get(Math.round(p.mz - m0))!).toBeCloseTo(p.probability, 9);
    }
  });

  it('stops with a LimitError at the memory cap (Mo154 wheel)', () => {
    const atoms = resolveComposition({ Mo: 154, O: 532, H: 154 });
    expect(() => fineStructure(atoms, { probability: 0.999, maxConfigurations: 20_000 })).toThrow(LimitError);
    // refused before the search: the volume estimate (≈ 2e9 isotopologues) exceeds the cap
    expect(() => fineStructure(atoms, { probability: 0.999, maxConfigurations: 20_000 })).toThrow(
      /estimated before starting/,
    );
    // an estimate under the cap (it undercounts Ag29's 5352) still stops at the cap during the search
    const ag = resolveComposition({ Ag: 29, C: 84, H: 48, O: 24, S: 24 });
    expect(() => fineStructure(ag, { probability: 0.999, maxConfigurations: 1000 })).toThrow(
      /more than 1,000 stored configurations/,
    );
  });

  it('is the smallest set reaching p of a brute-force enumeration (every isotopologue of S5O4Cl3)', () => {
    // independent: all isotope-count combinations, multinomial probabilities, sorted by probability
    const comp = { S: 5, O: 4, Cl: 3 };
    const atoms = resolveComposition(comp);
    const perElement = atoms.map((a) => {
      const out: { p: number; m: number }[] = [];
      const k = a.probabilities.length;
      const rec = (i: number, left: number, c: number[]) => {
        if (i === k - 1) {
          const cc = [...c, left];
          let lp = 0;
          let fact = 0;
          for (let q = 2; q <= a.count; q++) fact += Math.log(q);
          lp += fact;
          cc.forEach((x, j) => {
            for (let q = 2; q <= x; q++) lp -= Math.log(q);
            lp += x * Math.log(a.probabilities[j]!);
          });
          out.push({ p: Math.exp(lp), m: cc.reduce((s, x, j) => s + x * a.massesDa[j]!, 0) });
          return;
        }
        for (let x = 0; x <= left; x++) rec(i + 1, left - x, [...c, x]);
      };
      rec(0, a.count, []);
      return out;
    });
    let all = [{ p: 1, m: 0 }];
    for (const list of perElement)
      all = all.flatMap((x) => list.map((y) => ({ p: x.p * y.p, m: x.m + y.m })));
    all.sort((a, b) => b.p - a.p);
    for (const p of [0.5, 0.9, 0.999, 0.999999]) {
      let acc = 0;
      let k = 0;
      while (acc < p) acc += all[k++]!.p;
      const want = all.slice(0, k).sort((a, b) => a.m - b.m);
      const r = fineStructure(atoms, { probability: p });
      expect(r.massesDa.length).toBe(k);
      for (let i = 0; i < k; i++) {
        expect(r.massesDa[i]).toBeCloseTo(want[i]!.m, 9);
        expect(r.probabilities[i]! / want[i]!.p).toBeCloseTo(1, 9);
        expect(r.isotopologues[i]!.massDa).toBe(r.massesDa[i]);
      }
    }
  });

  it('rejects probabilities outside (0, 1)', () => {
    const atoms = resolveComposition({ C: 2 });
    expect(() => fineStructure(atoms, { probability: 1 })).toThrow(/\(0, 1\)/);
    expect(() => fineStructure(atoms, { probability: 0 })).toThrow(/\(0, 1\)/);
  });
});
