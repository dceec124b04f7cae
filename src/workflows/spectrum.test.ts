/**
 * Formula-string entry points of the mass workflows. Expected numbers: see src/mass/envelope.test.ts
 * ([HAND] and [ISOSPEC] calculations for [Ag29(BDTA)12]3−); compositions written out by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { assignReport, isotopesReport, parseCharges } from './spectrum.js';

describe('isotopesReport', () => {
  it('reads the formula and its charge', () => {
    const { report } = isotopesReport({ formula: '[Ag29(BDTA)12]3-' });
    expect(report.charge).toBe(-3);
    expect(report.composition).toEqual({ Ag: 29, C: 84, H: 48, O: 24, S: 24 });
    // [HAND] 1769.277520, [ISOSPEC] 1779.275504, [HAND] 1779.667193 (issue: 1769.2775, 1779.2755, 1779.667)
    expect(report.monoisotopicMz).toBeCloseTo(1769.27752, 4);
    expect(report.mostAbundantMz).toBeCloseTo(1779.2755, 4);
    expect(report.averageMz).toBeCloseTo(1779.6672, 3);
    expect(report.spacingMz!).toBeCloseTo(1 / 3, 3);
  });

  it('keeps the JSON contract', () => {
    const { report } = isotopesReport({ formula: '[PW12O40]3-' });
    for (const key of [
      'formula',
      'charge',
      'monoisotopicMz',
      'mostAbundantMz',
      'averageMz',
      'peaks',
      'prunedProbability',
    ]) {
      expect(report).toHaveProperty(key);
    }
    expect(Object.keys(report.peaks[0]!).sort()).toEqual(['intensity', 'mz', 'probability']);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('says when the profile merges isotope peaks (Mo154 wheel at R = 20000)', () => {
    const { report } = isotopesReport({ formula: '[Mo154O462H14(H2O)70]14-', resolvingPower: 20000 });
    // spacing ≈ 1.0/14 = 0.0714 < FWHM = 1674.6/20000 = 0.0837
    expect(report.profile!.isotopesResolved).toBe(false);
    expect(report.profile!.notes.join(' ')).toMatch(/merge/);
    const { report: ok } = isotopesReport({ formula: '[Ag29(BDTA)12]3-', resolvingPower: 20000 });
    expect(ok.profile!.isotopesResolved).toBe(true);
    expect(ok.profile!.notes).toEqual([]);
  });

  it('refuses generic ligands with a hint', () => {
    expect(() => isotopesReport({ formula: '[Au25(SR)18]-' })).toThrow(/generic group R/);
  });
});

describe('parseCharges', () => {
  it('reads ranges and lists and refuses 0', () => {
    expect(parseCharges('1..3')).toEqual([1, 2, 3]);
    expect(parseCharges('-3..-1')).toEqual([-3, -2, -1]);
    expect(parseCharges('-2,2')).toEqual([-2, 2]);
    expect(() => parseCharges('-1..1')).toThrow(/charge 0 has no m\/z/);
    expect(() => parseCharges('abc')).toThrow(/cannot read/);
  });
});

describe('assignReport', () => {
  it('assigns a peak list given as text against formula strings with ligand loss', () => {
    const { report: env } = isotopesReport({ formula: '[Ag29(BDTA)12]3-', minIntensityPercent: 1 });
    const text = `m/z,intensity\n${env.peaks.map((p) => `${(p.mz * (1 + 8e-6)).toFixed(5)},${p.intensity.toFixed(2)}`).join('\n')}\n`;
    const { report } = assignReport({
      peaksText: text,
      candidates: ['[Ag29(BDTA)12(PPh3)4]'],
      charges: parseCharges('-4..-1'),
      losses: ['PPh3'],
    });
    expect(report.assignments[0]!.label).toBe('[Ag29(BDTA)12(PPh3)4 − 4 PPh3]3−');
    expect(report.calibrationOffsetPpm!).toBeCloseTo(8, 0);
    expect(report.envelopes[0]!.charge).toBe(3);
  });

  it('needs charges for uncharged candidates, and reports bad peak lines', () => {
    expect(() => assignReport({ peaksText: '1000,1\n1000.5,1\n', candidates: ['Au25(PET)18'] })).toThrow(
      /no charge/,
    );
    expect(() =>
      assignReport({ peaksText: '1000,1\n1000.5,x\n', peaksName: 'p.csv', candidates: ['[Au25(PET)18]-'] }),
    ).toThrow(/not a number/);
  });
});

describe('salts and ions', () => {
  it('a salt gives the envelope of its cluster ion by default, with a note; --whole the neutral salt', () => {
    const { report } = isotopesReport({ formula: 'K6[P2W18O62]' });
    expect(report.charge).toBe(-6);
    expect(report.composition).toEqual({ P: 2, W: 18, O: 62 });
    expect(report.formula).toBe('[P2W18O62]6−');
    expect(report.notes.join(' ')).toMatch(/cluster ion \[P2W18O62\]6− \(K6 left out/);
    // no multiplier is written twice ("6×K6")
    expect(report.notes.join(' ')).not.toMatch(/\d×K6/);
    const whole = isotopesReport({ formula: 'K6[P2W18O62]', whole: true }).report;
    expect(whole.charge).toBe(0);
    expect(whole.composition).toEqual({ K: 6, P: 2, W: 18, O: 62 });
    // the cluster ion's m/z equals that of the ion written directly
    const direct = isotopesReport({ formula: '[P2W18O62]6-' }).report;
    expect(report.mostAbundantMz).toBe(direct.mostAbundantMz);
    const hydrate = isotopesReport({ formula: 'K6[P2W18O62]·14H2O' }).report;
    expect(hydrate.notes.join(' ')).toMatch(/K6, 14H2O left out/);
  });

  it('assign tries the cluster ion of a salt candidate', () => {
    const ion = isotopesReport({ formula: '[Cu25H22(PPh3)12]+', minIntensityPercent: 1 }).report;
    const text = ion.peaks.map((p) => `${p.mz.toFixed(5)},${p.intensity.toFixed(2)}`).join('\n');
    const { report } = assignReport({ peaksText: text, candidates: ['[Cu25H22(PPh3)12]Cl'] });
    expect(report.assignments[0]!.label).toBe('[Cu25H22(PPh3)12]+');
    expect(report.assignments[0]!.score).toBeGreaterThan(0.9);
    expect(report.notes.join(' ')).toMatch(/tried as its cluster ion/);
  });
});

describe('names from user input are never object keys', () => {
  it('prototype names as adducts are formulas (or clean errors), never built-ins', () => {
    const text = '1000,1\n1000.5,1\n';
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype']) {
      let err: unknown = null;
      try {
        assignReport({ peaksText: text, candidates: ['[Au25(PET)18]-'], adducts: [name] });
      } catch (e) {
        err = e;
      }
      expect(err === null || err instanceof InputError).toBe(true);
    }
  });

  it('property: any adduct or candidate name gives a report or an InputError', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constantFrom(
            'constructor',
            '__proto__',
            'toString',
            '__defineGetter__',
            'isPrototypeOf',
            'H',
            'Cs',
          ),
          fc.string({ maxLength: 12 }),
        ),
        (name) => {
          try {
            assignReport({
              peaksText: '1000,1\n1000.5,1\n',
              candidates: ['[Au25(PET)18]-'],
              adducts: [name],
            });
          } catch (e) {
            expect(e).toBeInstanceOf(InputError);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('profiles', () => {
  it('refuses resolving powers below 10 and non-finite values; infinite calibration too', () => {
    for (const R of [1e-9, 1e-3, 5, Number.POSITIVE_INFINITY]) {
      expect(() => isotopesReport({ formula: 'Au25', resolvingPower: R })).toThrow(/resolving power must be/);
    }
    expect(() =>
      assignReport({
        peaksText: '1000,1\n',
        candidates: ['[Au25(PET)18]-'],
        calibrationPpm: Number.POSITIVE_INFINITY,
      }),
    ).toThrow(/finite/);
  });

  it('Sn1000 at R = 1000: the headline agrees with the notes (not resolved)', () => {
    const { report } = isotopesReport({ formula: 'Sn1000', charge: 1, resolvingPower: 1000 });
    expect(report.profile!.isotopesResolved).toBe(false);
    expect(report.profile!.notes.join(' ')).toMatch(/merge/);
  });

  it('uses the fine structure by itself when R resolves it, and says so', () => {
    // [Au25(PET)18]−, M ≈ 7394 Da: ¹³C₂ vs ³⁴S split by 2 × (1.003355 − 0.997898) = 0.0109 Da
    // (AME2020 masses: 13C 13.003354835, 34S 33.967867004, 32S 31.972071174), so R ≳ 6.8e5
    const lo = isotopesReport({ formula: '[Au25(PET)18]-', resolvingPower: 100_000 }).report;
    expect(lo.mode).toBe('aggregated');
    expect(lo.profile!.resolvingPowerForFineStructure!).toBeCloseTo(7394.4 / 0.010914, -3);
    const hi = isotopesReport({ formula: '[Au25(PET)18]-', resolvingPower: 1e6 }).report;
    expect(hi.mode).toBe('fine');
    expect(hi.notes.join(' ')).toMatch(/fine structure .*chosen automatically/);
    expect(hi.notes.join(' ')).toMatch(/34S vs 2×13C/);
    const forced = isotopesReport({ formula: '[Au25(PET)18]-', resolvingPower: 1e6, fine: false }).report;
    expect(forced.mode).toBe('aggregated');
    // the tallest apex of the profile is reported, and equals a centroid's apex
    expect(hi.profile!.centroids.some((c) => c.apexMz === hi.profile!.tallestApexMz)).toBe(true);
  });

  it('compares a measured spectrum with the simulated envelope (score, ppm, reading)', () => {
    const ion = isotopesReport({ formula: '[Ag29(BDTA)12]3-', minIntensityPercent: 1 }).report;
    const text = `m/z;I\n${ion.peaks.map((p) => `${(p.mz * (1 + 5e-6)).toFixed(5).replace('.', ',')};${p.intensity.toFixed(2).replace('.', ',')}`).join('\n')}\n`;
    const { report } = isotopesReport({
      formula: '[Ag29(BDTA)12]3-',
      measuredText: text,
      measuredName: 'm.csv',
    });
    const c = report.comparison!;
    expect(c.score).toBeGreaterThan(0.95);
    expect(c.ppmError!).toBeCloseTo(5, 0);
    expect(c.reading.text!.decimalComma).toBe(true);
    expect(c.chargeMatchesSpacing).toBe(true);
    // a wrong ion scores low
    const wrong = isotopesReport({ formula: '[Ag29(BDTA)12]2-', measuredText: text }).report.comparison!;
    expect(wrong.score).toBeLessThan(0.2);
  });
});
