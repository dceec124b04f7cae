/**
 * Aggregated envelopes. Expected values come from independent calculations cited next to each
 * assertion:
 * [HAND]    a hand calculation in Python (exact masses AME2020 and IUPAC abundances typed in:
 *           Ag 106.905091509/0.51839, 108.904755778/0.48161; C 12/0.9893, 13.00335483534/0.0107;
 *           H 1.007825031898/0.999885, 2.014101777844/0.000115; O 15.99491461926/0.99757,
 *           16.99913175595/0.00038, 17.99915961214/0.00205; S 31.97207117354/0.9499,
 *           32.97145890862/0.0075, 33.967867011/0.0425, 35.967080692/0.0001; mₑ CODATA 2018)
 *           giving monoisotopic and average masses as Σ count·mass;
 * [ISOSPEC] IsoSpecPy 2.2.1 (Debian python3-isospec) IsoTotalProb(p = 0.99999999) with the same
 *           table passed as isotopeMasses/isotopeProbabilities, configurations summed per nucleon
 *           number (IsoSpec is an independent fine-structure code, not a convolution);
 * [ISOSPEC-OWN] the same with IsoSpec's built-in element table (older IUPAC abundances).
 */
import { describe, expect, it } from 'vitest';
import { ELECTRON_MASS_DA } from '../core/units.js';
import { aggregatedDistribution, convolve, elementDistribution } from './aggregated.js';
import { isotopeEnvelope, massToMz, mzToMass, neutralEnvelope } from './envelope.js';
import { isotopeMeanMassDa, resolveComposition } from './isotopes.js';

const AG29 = { Ag: 29, C: 84, H: 48, O: 24, S: 24 };
/** [Mo154O462H14(H2O)70]14−: Mo154 O532 H154. */
const MO154 = { Mo: 154, O: 532, H: 154 };

describe('aggregated envelope of [Ag29(BDTA)12]3−', () => {
  const r = isotopeEnvelope(AG29, { charge: -3 });
  it('matches the independent monoisotopic, most-abundant and average m/z', () => {
    // [HAND] mono m/z = (Σ count·m(most abundant isotope) + 3 mₑ)/3 = 1769.277520; issue: 1769.2775
    expect(r.monoisotopicMz).toBeCloseTo(1769.27752, 5);
    // [ISOSPEC] tallest nucleon bin, probability-weighted mass: 1779.275504; issue: 1779.2755
    expect(r.mostAbundantMz).toBeCloseTo(1779.275504, 5);
    // [HAND] average = Σ count·Σ pᵢmᵢ: 1779.667193 (this table); [ISOSPEC-OWN] 1779.670517;
    // issue: 1779.667 ± 0.005
    expect(r.averageMz).toBeCloseTo(1779.667193, 5);
    expect(Math.abs(r.averageMz - 1779.667)).toBeLessThan(0.005);
    // [ISOSPEC] mean spacing of neighbouring nucleon bins, pairs weighted by the smaller
    // probability: 0.333249; issue: spacing 0.3333
    expect(r.spacingMz!).toBeCloseTo(0.333249, 5);
    expect(r.charge).toBe(-3);
    expect(r.mode).toBe('aggregated');
  });

  it('lists probabilities that sum to 1 − prunedProbability', () => {
    const sum = r.peaks.reduce((s, p) => s + p.probability, 0);
    expect(Math.abs(sum - (1 - r.prunedProbability))).toBeLessThan(1e-9);
    expect(Math.max(...r.peaks.map((p) => p.intensity))).toBe(100);
    for (let i = 1; i < r.peaks.length; i++) expect(r.peaks[i]!.mz).toBeGreaterThan(r.peaks[i - 1]!.mz);
  });
});

describe('exactness of the convolution', () => {
  it('average mass equals the composition-weighted isotope mean within 1e-6 Da', () => {
    for (const comp of [
      AG29,
      MO154,
      { Au: 144, C: 480, H: 540, S: 60 },
      { C: 100, H: 202 },
      { Ag: 374, S: 113 },
    ] as Record<string, number>[]) {
      const atoms = resolveComposition(comp);
      const env = neutralEnvelope(atoms);
      expect(Math.abs(env.averageMassDa - isotopeMeanMassDa(atoms))).toBeLessThan(1e-6);
      const sum = env.peaks.reduce((s, p) => s + p.probability, 0);
      expect(Math.abs(sum - env.total)).toBeLessThan(1e-12);
      expect(1 - env.total).toBeLessThan(1e-9);
    }
  });

  it('binary powers equal repeated convolution', () => {
    const [s] = resolveComposition({ S: 13 });
    const one = elementDistribution({ ...s!, count: 1 }, 0);
    let acc = one;
    for (let i = 1; i < 13; i++) acc = convolve(acc, one, 0);
    const pow = elementDistribution(s!, 0);
    expect(pow.offset).toBe(acc.offset);
    expect(pow.probability.length).toBe(acc.probability.length);
    for (let i = 0; i < acc.probability.length; i++) {
      expect(pow.probability[i]!).toBeCloseTo(acc.probability[i]!, 15);
      expect(pow.massProbability[i]!).toBeCloseTo(acc.massProbability[i]!, 12);
    }
  });

  it('agrees with a brute-force enumeration of every isotopologue of C2H3ClO2S', () => {
    // Independent: enumerate every atom's isotope explicitly (product over atoms), sum per nucleon number.
    const comp = { C: 2, H: 3, Cl: 1, O: 2, S: 1 };
    const atoms = resolveComposition(comp);
    const list: { a: number; m: number; p: number }[][] = [];
    for (const at of atoms)
      for (let k = 0; k < at.count; k++)
        list.push(at.massNumbers.map((a, i) => ({ a, m: at.massesDa[i]!, p: at.probabilities[i]! })));
    const bins = new Map<number, { p: number; pm: number }>();
    const rec = (i: number, a: number, m: number, p: number) => {
      if (i === list.length) {
        const b = bins.get(a) ?? { p: 0, pm: 0 };
        b.p += p;
        b.pm += p * m;
        bins.set(a, b);
        return;
      }
      for (const iso of list[i]!) rec(i + 1, a + iso.a, m + iso.m, p * iso.p);
    };
    rec(0, 0, 0, 1);
    const d = aggregatedDistribution(atoms, 0);
    for (const [a, b] of bins) {
      const k = a - d.offset;
      expect(d.probability[k]!).toBeCloseTo(b.p, 15);
      if (b.p > 1e-30) expect(d.massProbability[k]! / d.probability[k]!).toBeCloseTo(b.pm / b.p, 9);
    }
  });
});

describe('m/z convention', () => {
  it('removes electrons from cations and adds them to anions', () => {
    expect(massToMz(1000, 2)).toBeCloseTo((1000 - 2 * ELECTRON_MASS_DA) / 2, 12);
    expect(massToMz(1000, -2)).toBeCloseTo((1000 + 2 * ELECTRON_MASS_DA) / 2, 12);
    expect(massToMz(1000, 0)).toBe(1000);
    expect(mzToMass(massToMz(1234.5, -7), -7)).toBeCloseTo(1234.5, 10);
  });

  it('uses the most abundant isotope for the monoisotopic mass (not the lightest)', () => {
    // [PW12O40]3−: 184W (30.64 %) is the most abundant W isotope (IUPAC), so the "monoisotopic"
    // peak lies above the lightest (180W/182W) peaks of the envelope.
    const r = isotopeEnvelope({ P: 1, W: 12, O: 40 }, { charge: -3, minIntensityPercent: 1e-6 });
    expect(r.peaks[0]!.mz).toBeLessThan(r.monoisotopicMz - 5);
    // hand: P 30.97376199768 + 12·m(184W) + 40·15.99491461926, m(184W) = 183.9509309 (AME2016;
    // AME2020 183.9509332, within the 3-decimal check), (M + 3 mₑ)/3
    expect(r.monoisotopicMz).toBeCloseTo(
      (30.97376199768 + 12 * 183.95093092 + 40 * 15.99491461926 + 3 * ELECTRON_MASS_DA) / 3,
      3,
    );
  });
});

describe('large clusters', () => {
  it('computes the Mo154 wheel envelope', () => {
    const r = isotopeEnvelope(MO154, { charge: -14 });
    expect(r.peaks.length).toBeGreaterThan(50);
    const sum = r.peaks.reduce((s, p) => s + p.probability, 0);
    expect(Math.abs(sum - (1 - r.prunedProbability))).toBeLessThan(1e-9);
    expect(r.spacingMz!).toBeCloseTo(1 / 14, 3);
  });
});

describe('bad input', () => {
  it('rejects unknown elements, elements without natural isotopes, empty compositions', () => {
    expect(() => isotopeEnvelope({ Xx: 1 })).toThrow(/unknown element/);
    expect(() => isotopeEnvelope({ Tc: 1 })).toThrow(/no natural isotopic composition/);
    expect(() => isotopeEnvelope({})).toThrow(/no atoms/);
    expect(() => isotopeEnvelope({ C: 1.5 })).toThrow(/whole number/);
    expect(() => isotopeEnvelope({ C: 1 }, { charge: 0.5 })).toThrow(/whole number/);
  });
  it('accepts isotope labels', () => {
    const r = isotopeEnvelope({ '13C': 1, D: 4 });
    expect(r.peaks).toHaveLength(1);
    expect(r.monoisotopicMz).toBeCloseTo(13.00335483534 + 4 * 2.014101777844, 9);
  });
});

describe('charge range', () => {
  it('a charge beyond ±1000 is out of range (not "not a whole number"); a fraction is not whole', () => {
    expect(() => isotopeEnvelope({ Au: 1 }, { charge: 1_000_000_000 })).toThrow(
      /outside the supported range/,
    );
    expect(() => isotopeEnvelope({ Au: 1 }, { charge: 1.5 })).toThrow(/whole number/);
  });
});
