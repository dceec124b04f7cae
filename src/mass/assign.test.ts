/**
 * Assignment of a synthetic ESI-MS spectrum of a mixture. The truth is known by construction:
 * three ions (compositions written out by hand: PET = SC2H4Ph = C8H9S, BDTA = C7H4O2S2),
 * seeded intensity noise (5 % relative), 1 ppm random m/z jitter, low noise peaks, and a
 * +15 ppm calibration offset applied to every m/z.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { createRng } from '../core/rng.js';
import { ADDUCTS, assignSpectrum, detectEnvelopes, expandCandidates } from './assign.js';
import { isotopeEnvelope } from './envelope.js';
import { type MeasuredPeak, parsePeakList } from './peaklist.js';

const PET = { C: 8, H: 9, S: 1 };
const BDTA = { C: 7, H: 4, O: 2, S: 2 };
const PPH3 = { C: 18, H: 15, P: 1 };
function comp(...parts: [Record<string, number>, number][]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [c, n] of parts) for (const [k, v] of Object.entries(c)) out[k] = (out[k] ?? 0) + v * n;
  return out;
}
const AU25 = comp([{ Au: 1 }, 25], [PET, 18]);
const AG29 = comp([{ Ag: 1 }, 29], [BDTA, 12]);
const AG29_PPH3 = comp([AG29, 1], [PPH3, 4]);
const AU38 = comp([{ Au: 1 }, 38], [PET, 24]);
const AU38_CS2 = comp([AU38, 1], [{ Cs: 1 }, 2]);

function synthetic(seed: number, offsetPpm: number): MeasuredPeak[] {
  const rng = createRng(seed);
  const species: [Record<string, number>, number, number][] = [
    [AU25, -1, 100],
    [AG29, -3, 70],
    [AU38_CS2, 2, 45],
  ];
  const peaks: MeasuredPeak[] = [];
  for (const [c, z, scale] of species) {
    const env = isotopeEnvelope(c, { charge: z, minIntensityPercent: 0.5 });
    for (const p of env.peaks) {
      const mz = p.mz * (1 + (offsetPpm + rng.normal()) * 1e-6);
      peaks.push({
        mz,
        intensity: Math.max(0, scale * (p.intensity / 100) * (1 + 0.05 * rng.normal())),
        line: 0,
      });
    }
  }
  for (let i = 0; i < 40; i++)
    peaks.push({ mz: 1000 + 8000 * rng.next(), intensity: 0.6 * rng.next(), line: 0 });
  return peaks.sort((a, b) => a.mz - b.mz);
}

const NEG = [-10, -9, -8, -7, -6, -5, -4, -3, -2, -1];
const POS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

describe('synthetic mixture', () => {
  const peaks = synthetic(20240611, 15);
  const candidates = expandCandidates(
    [
      // the polarity of each template is given, as a chemist would (negative- and positive-mode runs)
      { label: 'Au25(PET)18', composition: AU25, charges: NEG },
      { label: 'Ag29(BDTA)12(PPh3)4', composition: AG29_PPH3, charges: NEG },
      { label: 'Au38(PET)24', composition: AU38, charges: POS },
    ],
    {
      adducts: [ADDUCTS.H!, ADDUCTS.Na!, ADDUCTS.K!, ADDUCTS.Cs!, ADDUCTS.NH4!],
      maxAdducts: 2,
      losses: [{ name: 'PPh3', composition: PPH3, max: 4 }],
    },
  );
  const report = assignSpectrum(peaks, candidates, { tolerancePpm: 5 });

  it('finds each charge from the isotope spacing', () => {
    const env = detectEnvelopes(peaks);
    const big = env
      .filter((e) => e.peakIndices.length >= 5)
      .map((e) => [Math.round(e.mostIntenseMz), e.charge]);
    // truth by construction: Au25 1−, Ag29 3−, Au38Cs2 2+
    expect(big.map(([, z]) => z)).toEqual([3, 2, 1]);
  });

  it('assigns every species correctly and recovers the 15 ppm offset within 2 ppm', () => {
    expect(Math.abs(report.calibrationOffsetPpm! - 15)).toBeLessThan(2);
    const top = report.envelopes.filter((e) => e.peakIndices.length >= 5).map((e) => e.best);
    expect(top).toEqual(['[Ag29(BDTA)12(PPh3)4 − 4 PPh3]3−', '[Au38(PET)24 + 2 Cs]2+', '[Au25(PET)18]−']);
    const ranked = report.assignments.slice(0, 3).map((a) => a.label);
    expect(new Set(ranked)).toEqual(new Set(top));
    for (const a of report.assignments.slice(0, 3)) {
      expect(a.chargeMatchesSpacing).toBe(true);
      expect(a.contrastAngleDeg).toBeLessThan(10);
      expect(Math.abs(a.residualPpm!)).toBeLessThan(3);
    }
    // each runner-up (here the +H neighbour one nucleon up) scores clearly lower
    for (const e of report.envelopes.filter((x) => x.peakIndices.length >= 5)) {
      if (e.runnerUpScore !== null) expect(e.runnerUpScore).toBeLessThan(e.bestScore! - 0.1);
    }
    expect(report.notes).toEqual([]);
  });

  it('recovers a negative offset too', () => {
    const r = assignSpectrum(synthetic(7, -12), candidates, { tolerancePpm: 5 });
    expect(Math.abs(r.calibrationOffsetPpm! + 12)).toBeLessThan(2);
  });
});

describe('candidate expansion', () => {
  it('labels adducts and losses and rejects charge 0', () => {
    const c = expandCandidates([{ label: '[Ag29(BDTA)12(PPh3)4]', composition: AG29_PPH3, charges: [-3] }], {
      losses: [{ name: 'PPh3', composition: PPH3, max: 4 }],
    });
    expect(c.map((x) => x.label)).toContain('[Ag29(BDTA)12(PPh3)4 − 4 PPh3]3−');
    expect(c).toHaveLength(5);
    expect(() => expandCandidates([{ label: 'X', composition: AU25, charges: [0] }])).toThrow(/non-zero/);
    expect(() => expandCandidates([])).toThrow(/no candidate/);
  });
});

describe('peak list parsing', () => {
  it('reads CSV with a header, TSV, semicolons with decimal commas, and comments', () => {
    expect(parsePeakList('m/z,intensity\n1779.27,100\n1779.61,80\n')).toHaveLength(2);
    expect(parsePeakList('# comment\n1779.27\t100\n\n1779.61\t80')).toHaveLength(2);
    expect(parsePeakList('1779,27;100\n1779,61;80')[0]!.mz).toBe(1779.27);
    expect(parsePeakList('1779.61 80\n1779.27 100')[0]!.mz).toBe(1779.27);
  });
  it('rejects bad input with the line number', () => {
    const err = (text: string) => {
      try {
        parsePeakList(text, 'peaks.csv');
      } catch (e) {
        return (e as { render(): string }).render();
      }
      throw new Error('no error');
    };
    expect(err('')).toMatch(/empty/);
    expect(err('# only a comment\n')).toMatch(/empty/);
    expect(err('mz,int\n1779.2,100\n1779.5,abc\n')).toMatch(
      /intensity "abc" is not a number \(peaks\.csv, line 3, column 8\)/,
    );
    expect(err('1779.2,100\n1779.5,-4\n')).toMatch(/intensity must be ≥ 0.*line 2/);
    expect(err('1779.2,100\n0,4\n')).toMatch(/m\/z must be a positive number.*line 2/);
    expect(err('1779.2,100\n1779.5\n')).toMatch(/two columns.*line 2/);
    expect(err('1779.2,100\nfoo,1\n')).toMatch(/m\/z "foo" is not a number.*line 2/);
  });
});

describe('peak list fuzz', () => {
  it('random text either parses to valid peaks or raises an InputError with a line', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string(),
            fc.tuple(fc.double({ noNaN: false }), fc.double()).map(([a, b]) => `${a},${b}`),
            fc.tuple(fc.float(), fc.float()).map(([a, b]) => `${a}\t${b}`),
          ),
          { maxLength: 8 },
        ),
        (lines) => {
          try {
            const peaks = parsePeakList(lines.join('\n'));
            expect(peaks.length).toBeGreaterThan(0);
            for (const p of peaks) {
              expect(p.mz).toBeGreaterThan(0);
              expect(p.intensity).toBeGreaterThanOrEqual(0);
              expect(Number.isFinite(p.mz) && Number.isFinite(p.intensity)).toBe(true);
            }
          } catch (e) {
            expect(e).toBeInstanceOf(InputError);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
