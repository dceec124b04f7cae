import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing.js';

// Cambridge Cluster Database (Wales & Doye, J. Phys. Chem. A 101, 5111 (1997)): LJ13 = −44.326801 ε
const LJ13 = -44.326801;

describe('superatom search', () => {
  it('--json prints exactly the contract fields; negative --target works in both spellings', async () => {
    for (const target of [['--target', String(LJ13)], [`--target=${LJ13}`]]) {
      const r = await runCli(['search', '--potential', 'lj', '--atoms', '13', ...target, '--json']);
      expect(r.code).toBe(0);
      expect(r.err).toBe('');
      const j = JSON.parse(r.out);
      expect(Object.keys(j).sort()).toEqual(
        [
          'atoms',
          'bestEnergy',
          'evaluations',
          'method',
          'minima',
          'potential',
          'reachedTarget',
          'seconds',
          'seed',
          'stepsToBest',
        ].sort(),
      );
      expect(j).toMatchObject({ potential: 'lj', atoms: 13, method: 'bh', seed: 1, reachedTarget: true });
      expect(j.bestEnergy).toBeCloseTo(LJ13, 5);
      expect(Object.keys(j.minima[0])).toEqual(['energy']);
    }
  });
  it('writes the best structure and low minima as XYZ with -o', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'superatom-search-'));
    const r = await runCli(
      ['search', '--potential', 'gupta:Au', '--atoms', '6', '--max-steps', '30', '-o', 'au6.xyz'],
      dir,
    );
    expect(r.code).toBe(0);
    const xyz = readFileSync(join(dir, 'au6.xyz'), 'utf8').split('\n');
    expect(xyz[0]).toBe('6');
    expect(xyz[1]).toMatch(/gupta:Au N=6 minimum 1 energy=-\d+\.\d+ eV/);
    expect(xyz[2]).toMatch(/^Au /);
    expect(r.out).toContain('wrote au6.xyz');
  });
  it('the GA runs from the CLI', async () => {
    const r = await runCli([
      'search',
      '--potential',
      'morse:6',
      '--atoms',
      '8',
      '--method',
      'ga',
      '--max-steps',
      '50',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).method).toBe('ga');
  });
  it('--seeding: LJ75 (Marks decahedron, CCD −397.492331) from the motif seeds; off keeps the plain walk', async () => {
    // Cambridge Cluster Database, Wales & Doye, J. Phys. Chem. A 101, 5111 (1997)
    const on = await runCli(['search', '--potential', 'lj', '--atoms', '75', '--max-steps', '5', '--json']);
    expect(on.code, on.err).toBe(0);
    expect(JSON.parse(on.out).bestEnergy).toBeCloseTo(-397.492331, 5);
    const off = await runCli([
      'search',
      '--potential',
      'lj',
      '--atoms',
      '75',
      '--max-steps',
      '5',
      '--seeding',
      'off',
      '--json',
    ]);
    expect(off.code, off.err).toBe(0);
    expect(JSON.parse(off.out).bestEnergy).toBeGreaterThan(-397.4);
  }, 60_000);
  it('bad parameters exit 2 with a message and no stack trace', async () => {
    for (const argv of [
      ['search', '--potential', 'lj', '--atoms', '-3'],
      ['search', '--potential', 'gupta:Xx', '--atoms', '5'],
      ['search', '--potential', 'tersoff', '--atoms', '5'],
      ['search', '--atoms', '5'],
      ['search', '--potential', 'lj', '--atoms', '5', '--runs', '0'],
      ['search', '--potential', 'lj', '--atoms', '5', '--time-limit', '-1'],
      ['search', '--potential', 'lj', '--atoms', '5', '--seeding', 'maybe'],
    ]) {
      const r = await runCli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toMatch(/^error: /);
      expect(r.err).not.toMatch(/at .*\.js:\d+/);
    }
  });
});

describe('superatom optimize', () => {
  const dir = mkdtempSync(join(tmpdir(), 'superatom-opt-'));
  it('relaxes an XYZ file on Gupta gold and writes it back', async () => {
    writeFileSync(join(dir, 'au4.xyz'), '4\nsquare\nAu 0 0 0\nAu 2.8 0 0\nAu 0 2.8 0.3\nAu 2.8 2.8 0\n');
    const r = await runCli(['optimize', 'au4.xyz', '--potential', 'gupta', '-o', 'out.xyz', '--json'], dir);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.potential).toBe('gupta:Au');
    expect(j.frames[0].converged).toBe(true);
    expect(j.frames[0].energy).toBeLessThan(j.frames[0].initialEnergy);
    expect(readFileSync(join(dir, 'out.xyz'), 'utf8')).toMatch(/^4\ngupta:Au energy=/);
  });
  it('FIRE and L-BFGS agree', async () => {
    writeFileSync(join(dir, 'lj.xyz'), '3\n\nAr 0 0 0\nAr 1.2 0 0\nAr 0.5 1 0\n');
    const a = JSON.parse((await runCli(['optimize', 'lj.xyz', '--potential', 'lj', '--json'], dir)).out);
    const b = JSON.parse(
      (await runCli(['optimize', 'lj.xyz', '--potential', 'lj', '--method', 'fire', '--json'], dir)).out,
    );
    // LJ3: equilateral triangle, −3 ε (Cambridge Cluster Database)
    expect(a.frames[0].energy).toBeCloseTo(-3, 6);
    expect(b.frames[0].energy).toBeCloseTo(-3, 6);
  });
  it('overlapping atoms and NaN coordinates are refused with exit 2', async () => {
    writeFileSync(join(dir, 'bad.xyz'), '2\n\nAu 0 0 0\nAu 0 0 0.01\n');
    const r = await runCli(['optimize', 'bad.xyz', '--potential', 'gupta:Au'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/on top of each other/);
    // distances carry their unit (was "0.0100 apart … closer than 0.721")
    expect(r.err).toMatch(/0\.0100 Å apart, on top of each other \(closer than 0\.\d+ Å\)/);
    writeFileSync(join(dir, 'nan.xyz'), '2\n\nAu 0 0 0\nAu NaN 0 0\n');
    expect((await runCli(['optimize', 'nan.xyz', '--potential', 'gupta:Au'], dir)).code).toBe(2);
  });
  it('a seed beyond the 32 bits the generator uses is refused (2^32 + 1 would silently rerun seed 1)', async () => {
    for (const seed of ['1e30', '4294967297']) {
      const r = await runCli([
        'search',
        '--potential',
        'lj',
        '--atoms',
        '3',
        '--max-steps',
        '1',
        '--seed',
        seed,
      ]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/--seed must lie between/);
    }
    const last = ['search', '--potential', 'lj', '--atoms', '3', '--max-steps', '1', '--seed', '4294967295'];
    expect((await runCli(last)).code).toBe(0);
    expect((await runCli([...last, '--runs', '2'])).code).toBe(2);
  });
  it('optimize reads any structure format, and refuses a periodic cell with a hint (was an XYZ parse error)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'superatom-opt-formats-'));
    writeFileSync(
      join(dir, 'au2.pdb'),
      'HETATM    1 AU   CLU A   1       0.000   0.000   0.000  1.00  0.00          AU\nHETATM    2 AU   CLU A   1       2.900   0.000   0.000  1.00  0.00          AU\n',
    );
    const pdb = await runCli(['optimize', 'au2.pdb', '--potential', 'gupta:Au', '--json'], dir);
    expect(pdb.code).toBe(0);
    expect(JSON.parse(pdb.out).frames[0].converged).toBe(true);
    writeFileSync(
      join(dir, 'au2.extxyz'),
      '2\nLattice="20 0 0 0 20 0 0 0 20" Properties=species:S:1:pos:R:3 pbc="T T T"\nAu 0 0 0\nAu 2.9 0 0\n',
    );
    const cell = await runCli(['optimize', 'au2.extxyz', '--potential', 'gupta:Au'], dir);
    expect(cell.code).toBe(2);
    expect(cell.err).toMatch(/periodic cell/);
    expect(cell.err).toMatch(/convert au2\.extxyz --molecule/);
  });
  it('an -o path that is a directory is an input error (status 2, not 70)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'superatom-o-'));
    writeFileSync(join(dir, 'lj.xyz'), '3\n\nAr 0 0 0\nAr 1.2 0 0\nAr 0.5 1 0\n');
    for (const argv of [
      ['optimize', 'lj.xyz', '--potential', 'lj', '-o', dir],
      ['search', '--potential', 'lj', '--atoms', '3', '--max-steps', '2', '-o', dir],
    ]) {
      const r = await runCli(argv, dir);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/is a directory/);
    }
  });
});
