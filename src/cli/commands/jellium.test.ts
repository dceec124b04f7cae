import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.js';
import { runCli } from '../testing.js';
import { COMMANDS } from './index.js';
import { jelliumCommand, parseEas, parseRange } from './jellium.js';

const CONTRACT = [
  'rs',
  'electrons',
  'charge',
  'xc',
  'totalEnergyHa',
  'totalEnergyEv',
  'energyPerAtomEv',
  'levels',
  'homoEv',
  'ipEv',
  'eaEv',
  'delta2Ev',
  'converged',
];

describe('superatom jellium', () => {
  it('--json follows the contract { rs, electrons, charge, xc, totalEnergyHa, … levels: [{ label, n, l, energyEv, occupation }] … }', async () => {
    const { code, out } = await runCli(['jellium', '--rs', '3.93', '--electrons', '8', '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    for (const k of CONTRACT) expect(r).toHaveProperty(k);
    expect(r).toMatchObject({ rs: 3.93, electrons: 8, charge: 0, xc: 'pw92', converged: true });
    expect(r.totalEnergyEv).toBeCloseTo(r.totalEnergyHa * 27.211386245988, 8);
    expect(r.energyPerAtomEv).toBeCloseTo(r.totalEnergyEv / 8, 8);
    expect(r.levels.slice(0, 2)).toMatchObject([
      { label: '1S', n: 1, l: 0, occupation: 2 },
      { label: '1P', n: 1, l: 1, occupation: 6 },
    ]);
    for (const l of r.levels)
      expect(Object.keys(l).sort()).toEqual(['energyEv', 'l', 'label', 'n', 'occupation']);
    expect(r.homoEv).toBeCloseTo(r.levels[1].energyEv, 10);
    // Na8 is a closed shell: IP well above EA, large Δ₂E
    expect(r.ipEv).toBeGreaterThan(r.eaEv + 3);
    expect(r.delta2Ev).toBeGreaterThan(1);
  });

  it('--charge holds N − q electrons in the background of N; --valence sets the atoms', async () => {
    const { code, out } = await runCli([
      'jellium',
      '--rs',
      '2.07',
      '--electrons',
      '39',
      '--charge',
      '-1',
      '--valence',
      '3',
      '--xc',
      'pz',
      '--json',
    ]);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r).toMatchObject({ electrons: 39, charge: -1, xc: 'pz', atoms: 13, electronsHeld: 40 });
    expect(r.levels.reduce((a: number, l: { occupation: number }) => a + l.occupation, 0)).toBeCloseTo(40, 9);
  });

  it('--range gives { results: [ … one per N … ] }', async () => {
    const { code, out } = await runCli(['jellium', '--rs', '4.86', '--range', '1..4', '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.results.map((x: { electrons: number }) => x.electrons)).toEqual([1, 2, 3, 4]);
    for (const x of r.results) for (const k of CONTRACT) expect(x).toHaveProperty(k);
    expect(r.results[1].delta2Ev).toBeGreaterThan(0.5); // N = 2 closes the 1S shell
  });

  it('--anions adds a multiplyChargedAnions block; --eas judges given affinities', async () => {
    const a = await runCli([
      'jellium',
      '--rs',
      '3.93',
      '--electrons',
      '20',
      '--anions',
      '2',
      '--spacing',
      '0.2',
      '--json',
    ]);
    expect(a.code).toBe(0);
    const m = JSON.parse(a.out).multiplyChargedAnions;
    expect(m.source).toBe('jellium');
    expect(m.steps.map((s: { z: number }) => s.z)).toEqual([1, 2]);
    expect(m.steps[0].verdict).toBe('bound');
    const g = await runCli([
      'jellium',
      '--rs',
      '3.93',
      '--electrons',
      '20',
      '--eas',
      '1.2,-0.3,-9',
      '--spacing',
      '0.2',
      '--json',
    ]);
    const mg = JSON.parse(g.out).multiplyChargedAnions;
    expect(mg.source).toBe('given');
    expect(mg.steps.map((s: { verdict: string }) => s.verdict)).toEqual(['bound', 'metastable', 'unbound']);
    const t = await runCli([
      'jellium',
      '--rs',
      '3.93',
      '--electrons',
      '20',
      '--anions',
      '1',
      '--spacing',
      '0.2',
    ]);
    expect(t.out).toMatch(/multiply charged anions/);
    expect(t.out).toMatch(/1S\s+0\s+-5\.\d+\s+2/);
  });

  it('writes the level diagram and the radial density as SVG; --density adds the grid', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jellium-'));
    try {
      const { code, err, out } = await runCli(
        [
          'jellium',
          '--rs',
          '3.93',
          '--electrons',
          '8',
          '--svg',
          'l.svg',
          '--density-svg',
          'd.svg',
          '--density',
          '--json',
          '--spin',
        ],
        dir,
      );
      expect(code).toBe(0);
      expect(err).toMatch(/wrote l\.svg/);
      const l = readFileSync(join(dir, 'l.svg'), 'utf8');
      expect(l).toMatch(/^<svg[\s\S]*1P[\s\S]*<\/svg>\n$/);
      expect(readFileSync(join(dir, 'd.svg'), 'utf8')).toMatch(/r \(bohr\)/);
      const g = JSON.parse(out).grid;
      expect(g.rBohr.length).toBe(g.densityPerBohr3.length);
      expect(g.potentialHa.length).toBe(g.points);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('bad flags are InputErrors (exit 2, no stack)', async () => {
    for (const argv of [
      ['--electrons', '8'],
      ['--rs', '3.93'],
      ['--rs', '3.93', '--electrons', '8', '--xc', 'pbe'],
      ['--rs', '3.93', '--range', '5..2'],
      ['--rs', '3.93', '--range', '1..x'],
      ['--rs', '3.93', '--electrons', '8', '--range', '1..3'],
      ['--rs', '3.93', '--electrons', '8', '--charge', '9'],
      ['--rs', '3.93', '--electrons', '8', '--eas', '1,x'],
      ['--rs', '-1', '--electrons', '8'],
      ['--rs', '3.93', '--electrons', '0'],
      ['--rs', '3.93', '--electrons', '8', 'extra'],
      ['--rs', '3.93', '--range', '1..3', '--anions', '2'],
      ['--rs', '3.93', '--electrons', '2', '--charge', '-20'],
      ['--rs', '3.93', '--electrons', '8', '--anions', '9'],
    ]) {
      const { code, err } = await runCli(['jellium', ...argv]);
      expect(code, argv.join(' ')).toBe(2);
      expect(err).not.toMatch(/\n\s+at /);
    }
  });

  it('the registry summary equals the module summary', () => {
    expect(COMMANDS.find((c) => c.name === 'jellium')!.summary).toBe(jelliumCommand.summary);
  });

  it('fuzz: --range and --eas parsers return values or InputError, never crash', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        for (const parse of [parseRange, parseEas]) {
          try {
            parse(s);
          } catch (e) {
            expect(e).toBeInstanceOf(InputError);
          }
        }
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 50 }), (a, d) => {
        const b = Math.min(400, a + d);
        expect(parseRange(`${a}..${b}`)).toEqual([a, b]);
      }),
    );
  });
});
