/**
 * `superatom isotopes` and `superatom assign` through the CLI dispatcher (exit codes, JSON
 * contract, errors with line numbers, files written). Expected m/z values: the independent
 * calculations cited in src/mass/envelope.test.ts.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isotopeEnvelope } from '../../mass/envelope.js';
import { runCli } from '../testing.js';

const dir = mkdtempSync(join(tmpdir(), 'superatom-mass-cli-'));

describe('superatom isotopes', () => {
  it('prints the JSON contract', async () => {
    const r = await runCli(['isotopes', '[Ag29(BDTA)12]3-', '--json'], dir);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    for (const k of [
      'formula',
      'charge',
      'monoisotopicMz',
      'mostAbundantMz',
      'averageMz',
      'peaks',
      'prunedProbability',
    ])
      expect(j).toHaveProperty(k);
    expect(j.formula).toBe('[Ag29(BDTA)12]3-');
    expect(j.charge).toBe(-3);
    expect(j.monoisotopicMz).toBeCloseTo(1769.2775, 4); // [HAND] 1769.277520
    expect(j.mostAbundantMz).toBeCloseTo(1779.2755, 4); // [ISOSPEC] 1779.275504
  });

  it('prints a text table, CSV and writes an SVG with a measured overlay', async () => {
    const text = await runCli(['isotopes', '[Ag29(BDTA)12]3-', '--top', '5'], dir);
    expect(text.out).toMatch(/monoisotopic m\/z\s+1769\.2775/);
    expect(text.out).toMatch(/showing the 5 most intense/);
    // a singly charged ion says "z = 1−", not "z = −"
    expect((await runCli(['isotopes', 'Au', '--charge=-1'], dir)).out).toMatch(/z = 1−\)/);
    const csv = await runCli(['isotopes', '[PW12O40]3-', '--csv'], dir);
    expect(csv.out.split('\n')[0]).toBe('mz,intensity_percent,probability');
    const peaks = isotopeEnvelope(
      { Ag: 29, C: 84, H: 48, O: 24, S: 24 },
      { charge: -3, minIntensityPercent: 1 },
    ).peaks;
    writeFileSync(join(dir, 'm.csv'), peaks.map((p) => `${p.mz},${p.intensity}`).join('\n'));
    const svg = await runCli(
      ['isotopes', '[Ag29(BDTA)12]3-', '--resolution', '20000', '--svg', 'a.svg', '--measured', 'm.csv'],
      dir,
    );
    expect(svg.code).toBe(0);
    const doc = readFileSync(join(dir, 'a.svg'), 'utf8');
    expect(doc).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(doc).toMatch(/profile, R = 20000/);
    expect(doc).toMatch(/measured/);
  });

  it('fails cleanly: generic ligand, memory cap, bad options', async () => {
    const g = await runCli(['isotopes', 'Au25(SR)18-'], dir);
    expect(g.code).toBe(2);
    expect(g.err).toMatch(/generic group R/);
    const cap = await runCli(
      ['isotopes', '[Mo154O462H14(H2O)70]14-', '--fine', '--max-configurations', '50000'],
      dir,
    );
    expect(cap.code).toBe(2);
    expect(cap.err).toMatch(/estimated before starting\), more than the 50,000 configurations allowed/);
    expect(cap.err).not.toMatch(/at .*\.js/); // no stack trace
    const p = await runCli(['isotopes', 'C6H6', '--fine', '--probability', '1.5'], dir);
    expect(p.code).toBe(2);
  });

  it('acceptance regressions: an unwritable --svg path and --top < 1 are input errors (status 2, not 70)', async () => {
    const d = await runCli(['isotopes', 'C6H6', '--svg', dir], dir);
    expect(d.code).toBe(2);
    expect(d.err).toMatch(/is a directory/);
    expect(d.err).toMatch(/choose another path with --svg/);
    for (const top of ['0', '-3']) {
      const t = await runCli(['isotopes', 'C6H6', '--top', top], dir);
      expect(t.code).toBe(2);
      expect(t.err).toMatch(/--top must be at least 1/);
    }
  });
});

describe('superatom assign', () => {
  it('assigns a peak list and reports the calibration offset', async () => {
    const env = isotopeEnvelope(
      { Ag: 29, C: 84, H: 48, O: 24, S: 24 },
      { charge: -3, minIntensityPercent: 1 },
    );
    writeFileSync(
      join(dir, 'peaks.csv'),
      `m/z,intensity\n${env.peaks.map((p) => `${(p.mz * (1 - 6e-6)).toFixed(5)},${p.intensity.toFixed(2)}`).join('\n')}\n`,
    );
    const r = await runCli(
      [
        'assign',
        'peaks.csv',
        '--candidate',
        '[Ag29(BDTA)12(PPh3)4]',
        '--polarity',
        'negative',
        '--max-charge',
        '4',
        '--loss',
        'PPh3',
        '--json',
      ],
      dir,
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.assignments[0].label).toBe('[Ag29(BDTA)12(PPh3)4 − 4 PPh3]3−');
    expect(j.calibrationOffsetPpm).toBeCloseTo(-6, 0);
    const t = await runCli(['assign', 'peaks.csv', '--candidate', '[Ag29(BDTA)12]3-'], dir);
    expect(t.out).toMatch(/\|z\| =\s+3/);
    const csv = await runCli(['assign', 'peaks.csv', '--candidate', '[Ag29(BDTA)12]3-', '--csv'], dir);
    expect(csv.out.split('\n')[0]).toMatch(/^rank,ion,charge,score,contrast_angle_deg,ppm_error/);
    expect(csv.out.split('\n')[1]).toMatch(/^1,"\[Ag29\(BDTA\)12\]3−",-3,/);
  });

  it('reports bad peak lists with the line number and refuses charge 0', async () => {
    writeFileSync(join(dir, 'bad.csv'), 'm/z,intensity\n1779.2,100\n1779.5,-3\n');
    const bad = await runCli(['assign', 'bad.csv', '--candidate', '[Ag29(BDTA)12]3-'], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/intensity must be ≥ 0, got -3 \(bad\.csv, line 3, column 8\)/);
    writeFileSync(join(dir, 'empty.csv'), '\n# nothing\n');
    const empty = await runCli(['assign', 'empty.csv', '--candidate', '[Ag29(BDTA)12]3-'], dir);
    expect(empty.err).toMatch(/peak list is empty/);
    writeFileSync(join(dir, 'ok.csv'), '1779.2,100\n1779.5,80\n');
    const zero = await runCli(['assign', 'ok.csv', '--candidate', 'Ag29(BDTA)12', '--charges=-1..1'], dir);
    expect(zero.code).toBe(2);
    expect(zero.err).toMatch(/charge 0 has no m\/z/);
    // acceptance regressions: limits that used to overflow the stack (status 70) or silently try nothing
    const limits: [string[], RegExp][] = [
      [['--loss', 'PPh3', '--max-loss', '1000000'], /more than 50000 adduct and ligand-loss combinations/],
      [['--loss', 'PPh3', '--max-loss', '-1'], /loss limit for PPh3 must be a whole number ≥ 0/],
      [['--adducts', 'Na', '--max-adducts', '-1'], /adduct limit must be a whole number ≥ 0/],
      [['--top', '0'], /reported candidates must be ≥ 1/],
      [['--svg', dir], /is a directory/],
    ];
    for (const [extra, message] of limits) {
      const r = await runCli(['assign', 'ok.csv', '--candidate', '[Ag29(BDTA)12]3-', ...extra], dir);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
    }
    const missing = await runCli(['assign', 'nope.csv', '--candidate', 'X'], dir);
    expect(missing.err).toMatch(/does not exist/);
    const nocharge = await runCli(['assign', 'ok.csv', '--candidate', 'Ag29(BDTA)12'], dir);
    expect(nocharge.err).toMatch(/no charge, and no charges to try/);
  });
});

describe('spectra as instruments export them, salts, profiles (issue 9 items 6–8, issue 17)', () => {
  it('assign reads a Bruker-style mass list and says how; salt candidates become cluster ions', async () => {
    const env = isotopeEnvelope(
      { Ag: 29, C: 84, H: 48, O: 24, S: 24 },
      { charge: -3, minIntensityPercent: 1 },
    );
    const rows = env.peaks.map(
      (p, i) =>
        `${i + 1}\t${p.mz.toFixed(4)}\t35000\t120\t${(p.intensity * 1e4).toFixed(0)}\t${p.intensity.toFixed(1)}\t0.05`,
    );
    writeFileSync(join(dir, 'bruker.txt'), ['#\tm/z\tRes.\tS/N\tI\tI %\tFWHM', ...rows].join('\n'));
    const r = await runCli(['assign', 'bruker.txt', '--candidate', '[Ag29(BDTA)12]3-'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /read: m\/z from column 2 "m\/z" \(by its name\), intensity from column 5 "I" \(by its name\)/,
    );
    const j = JSON.parse(
      (await runCli(['assign', 'bruker.txt', '--candidate', '[Ag29(BDTA)12]3-', '--json'], dir)).out,
    );
    expect(j.reading.text.separator).toBe('tab');
    expect(j.assignments[0].score).toBeGreaterThan(0.9);
    const byNumber = await runCli(
      [
        'assign',
        'bruker.txt',
        '--candidate',
        '[Ag29(BDTA)12]3-',
        '--mz-column',
        '2',
        '--intensity-column',
        'I %',
        '--json',
      ],
      dir,
    );
    expect(JSON.parse(byNumber.out).reading.text.intensityColumn).toEqual({
      column: 6,
      name: 'I %',
      how: 'given',
    });
    const bad = await runCli(['assign', 'bruker.txt', '--candidate', '[Ag29(BDTA)12]3-', '--scan', 'x'], dir);
    expect(bad.code).toBe(2);
  });

  it('--adducts with prototype names and infinite --calibration exit 2 or 0, never 70', async () => {
    writeFileSync(join(dir, 'two.csv'), '1000,1\n1000.5,1\n');
    for (const name of ['constructor', '__proto__', 'toString']) {
      const r = await runCli(['assign', 'two.csv', '--candidate', '[Au25(PET)18]-', '--adducts', name], dir);
      expect([0, 2]).toContain(r.code);
    }
    const inf = await runCli(
      ['assign', 'two.csv', '--candidate', '[Au25(PET)18]-', '--calibration', 'Infinity'],
      dir,
    );
    expect(inf.code).toBe(2);
    expect(inf.out).not.toMatch(/Infinity ppm/);
  });

  it('isotopes: salts, resolution floor, profile CSV, measured comparison', async () => {
    const salt = await runCli(['isotopes', 'K6[P2W18O62]'], dir);
    expect(salt.out).toMatch(/z = 6−/);
    expect(salt.out).toMatch(/cluster ion \[P2W18O62\]6− \(K6 left out/);
    expect(salt.out).not.toMatch(/6×K6/);
    expect((await runCli(['isotopes', 'K6[P2W18O62]', '--whole'], dir)).out).toMatch(/z = 0/);
    for (const R of ['1e-9', '1e-3', '5']) {
      const r = await runCli(['isotopes', 'Au25', '--resolution', R], dir);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
    }
    const prof = await runCli(['isotopes', '[PW12O40]3-', '--resolution', '20000', '--csv'], dir);
    const lines = prof.out.trim().split('\n');
    expect(lines[0]).toBe('mz,profile_percent');
    expect(lines.length).toBeGreaterThan(100);
    // text and JSON give the same apex
    const t = await runCli(['isotopes', '[PW12O40]3-', '--resolution', '20000'], dir);
    const j = JSON.parse(
      (await runCli(['isotopes', '[PW12O40]3-', '--resolution', '20000', '--json'], dir)).out,
    );
    expect(t.out).toContain(`tallest profile apex m/z ${j.profile.tallestApexMz.toFixed(4)}`);
    // measured spectrum without --svg: a comparison with a score and how the file was read
    const env = isotopeEnvelope({ P: 1, W: 12, O: 40 }, { charge: -3, minIntensityPercent: 1 });
    writeFileSync(
      join(dir, 'pw.csv'),
      [
        'SPECTRUM - MS',
        'x.raw',
        'Scan #: 3',
        'Mass\tIntensity',
        ...env.peaks.map((p) => `${p.mz}\t${p.intensity}`),
      ].join('\n'),
    );
    const m = await runCli(['isotopes', '[PW12O40]3-', '--measured', 'pw.csv'], dir);
    expect(m.code).toBe(0);
    expect(m.out).toMatch(/match score 1\.000/);
    expect(m.out).toMatch(/read: .*3 preamble lines skipped/);
  });
});
