import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseArgs } from './args.js';
import { runCli } from './testing.js';

describe('superatom formula', () => {
  it('--json gives the contract fields (foundation issue: Ag29 charge −3 and composition)', async () => {
    const r = await runCli(['formula', '[Ag29(BDTA)12(PPh3)4]3-', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.charge).toBe(-3);
    expect(j.composition).toEqual({ Ag: 29, P: 4, S: 24, O: 24, C: 156, H: 108 });
    for (const k of ['formula', 'ligands', 'averageMass', 'monoisotopicMass', 'monoisotopicMz'])
      expect(j).toHaveProperty(k);
    expect(j.ligands.map((l: { name: string }) => l.name)).toEqual(['BDTA', 'PPh3']);
  });

  it('generic ligands: masses null with a message, command still succeeds', async () => {
    const r = await runCli(['formula', 'Au25(SR)18^-', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.averageMass).toBeNull();
    expect(j.monoisotopicMz).toBeNull();
    expect(j.massMessages[0]).toMatch(/R/);
    expect(j.charge).toBe(-1);
  });

  it('text output shows the working', async () => {
    const r = await runCli(['formula', 'K6[P2W18O62]·14H2O']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/cluster ion −6/);
    expect(r.out).toMatch(/counterion/);
  });

  it('bad input: exit 2, caret, hint, no stack trace', async () => {
    const r = await runCli(['formula', 'Au25(SR']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/never closed.*column 5/);
    expect(r.err).toMatch(/\^/);
    expect(r.err).toMatch(/hint:/);
    expect(r.err).not.toMatch(/at .*\.js:\d+/);
  });

  it('a user ligand file extends the table; a broken one is reported with line and column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'superatom-'));
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify([{ name: 'SNap', formula: 'SC10H7', charge: -1, role: 'X' }]));
    const r = await runCli(['formula', 'Au25(SNap)18-', '--ligands', good, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).composition).toEqual({ Au: 25, S: 18, C: 180, H: 126 });
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '[{"name": "SNap",\n "formula": }]');
    const b = await runCli(['formula', 'Au', '--ligands', bad]);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/not valid JSON.*line 2/);
    const missing = await runCli(['formula', 'Au', '--ligands', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/does not exist/);
  });
});

describe('CLI framework', () => {
  it('help and unknown commands', async () => {
    expect((await runCli(['--help'])).out).toMatch(/formula/);
    expect((await runCli(['formula', '--help'])).out).toMatch(/usage: superatom formula/);
    const h = await runCli(['help', 'nonsense']);
    expect(h.code).toBe(2);
    expect(h.err).toMatch(/unknown command "nonsense"/);
    expect((await runCli(['help', 'count'])).out).toMatch(/usage: superatom count/);
    const uj = await runCli(['nonsense', '--json']);
    expect(uj.code).toBe(2);
    expect(JSON.parse(uj.err)).toMatchObject({
      code: 'cli-unknown-command',
      error: 'unknown command "nonsense"',
    });
    const u = await runCli(['nonsense']);
    expect(u.code).toBe(2);
    expect(u.err).toMatch(/unknown command/);
    const o = await runCli(['formula', 'Au', '--bogus']);
    expect(o.code).toBe(2);
    expect(o.err).toMatch(/unknown option --bogus/);
  });

  it('negative numbers work as --x -1 and --x=-1', () => {
    const specs = {
      target: { type: 'number', description: 'x' },
      json: { type: 'boolean', description: 'j' },
    } as const;
    expect(parseArgs(['--target', '-173.928427'], specs).options.target).toBe(-173.928427);
    expect(parseArgs(['--target=-173.928427', '--json'], specs).options).toMatchObject({
      target: -173.928427,
      json: true,
    });
    expect(() => parseArgs(['--target', 'abc'], specs)).toThrow(/expects a number/);
    // a string value may start with a minus and a digit (a range of negative charges)
    expect(
      parseArgs(['--range', '-4..-1'], { range: { type: 'string', description: 'r' } }).options.range,
    ).toBe('-4..-1');
    expect(() => parseArgs(['--target'], specs)).toThrow(/needs a value/);
  });

  it('the built bin runs as a plain node script and exits 2 on bad input', () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
    const bin = join(root, 'bin', 'superatom.js');
    if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) return; // npm test builds first
    const out = execFileSync('node', [bin, 'formula', 'Au25(PET)18', '--charge', '-1', '--json'], {
      encoding: 'utf8',
    });
    expect(JSON.parse(out).charge).toBe(-1);
    try {
      execFileSync('node', [bin, 'formula', 'Au25(SR'], { encoding: 'utf8', stdio: 'pipe' });
      throw new Error('should fail');
    } catch (e) {
      const err = e as { status: number; stderr: string };
      expect(err.status).toBe(2);
      expect(err.stderr).toMatch(/never closed/);
    }
  });
});

describe('superatom demo', () => {
  it('refuses arguments instead of ignoring them', async () => {
    const r = await runCli(['demo', 'Au25']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unexpected argument "Au25"/);
  });
});

describe('superatom analyze / compare: acceptance regressions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'superatom-structure-cli-'));
  writeFileSync(join(dir, 'au3.xyz'), '3\n\nAu 0 0 0\nAu 2.9 0 0\nAu 1.45 2.5 0\n');
  writeFileSync(join(dir, 'c2.xyz'), '2\n\nC 0 0 0\nC 1.2 0 0\n');

  it('analyze --elements with no symbol is refused, not read as "all atoms"', async () => {
    const r = await runCli(['analyze', 'au3.xyz', '--elements', ''], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--elements needs element symbols/);
    // blanks around symbols are fine
    expect((await runCli(['analyze', 'au3.xyz', '--elements', ' Au '], dir)).code).toBe(0);
  });

  it('compare refuses two structures with no element in common (was RMSD 0 Å over 0 pairs) and a third file', async () => {
    const r = await runCli(['compare', 'au3.xyz', 'c2.xyz', '--json'], dir);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(JSON.parse(r.err).code).toBe('compare-no-common-element');
    const extra = await runCli(['compare', 'au3.xyz', 'au3.xyz', 'c2.xyz'], dir);
    expect(extra.code).toBe(2);
    expect(extra.err).toMatch(/unexpected argument "c2\.xyz"/);
  });
});
