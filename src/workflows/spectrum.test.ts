/**
 * Formula-string entry points of the mass workflows. Expected numbers: see src/mass/envelope.test.ts
 * ([HAND] and [ISOSPEC] calculations for [Ag29(BDTA)12]3−); compositions written out by hand.
 */
import { describe, expect, it } from 'vitest';
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
