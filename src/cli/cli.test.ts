import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { excerpt, InputError } from '../core/errors.js';
import { didYouMean, editDistance, parseArgs } from './args.js';
import { COMMANDS } from './commands/index.js';
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

describe('CLI registry, suggestions and option names (issues 9.12, 17.5, 17.6, 17.8)', () => {
  it('the registry summary and name of each command are those of its module (loaded lazily)', async () => {
    for (const entry of COMMANDS) {
      const c = await entry.load();
      expect(c.name).toBe(entry.name);
      expect(c.summary).toBe(entry.summary);
    }
  });

  it('consistent flags: -o is --output, no other spelling for outputs, plots or element filters; numbers state units', async () => {
    const unit =
      /Å|eV|ppm|Da|\bs\b|seconds|percent|%|\be\b|fraction|relative|probability|energy|m\/FWHM|ε|σ|\bK\b|count|number of|whole/;
    const problems: string[] = [];
    for (const entry of COMMANDS) {
      const c = await entry.load();
      for (const [name, spec] of Object.entries(c.options)) {
        if (spec.short === 'o' && name !== 'output') problems.push(`${c.name}: -o is --${name}`);
        if (
          ['out', 'outfile', 'output-file', 'plot', 'png', 'element-filter', 'only', 'filter'].includes(name)
        )
          problems.push(`${c.name}: --${name}`);
        if (spec.type === 'number' && !unit.test(`${spec.description} ${spec.valueName ?? ''}`))
          problems.push(`${c.name}: --${name} has no unit in its help ("${spec.description}")`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('Damerau–Levenshtein distance: textbook cases', () => {
    // Levenshtein 1966 / Wagner–Fischer 1974 standard example: kitten → sitting = 3
    expect(editDistance('kitten', 'sitting')).toBe(3);
    // unrestricted Damerau–Levenshtein (Lowrance & Wagner 1975): CA → ABC = 2 (the restricted
    // "optimal string alignment" distance would be 3)
    expect(editDistance('ca', 'abc')).toBe(2);
    expect(editDistance('ab', 'ba')).toBe(1); // one transposition
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('did you mean: commands, flags and choices within two edits; nothing for far or ambiguous input', async () => {
    expect(didYouMean('isotops', ['isotopes', 'formula'])).toBe('isotopes');
    expect(didYouMean('fromula', ['isotopes', 'formula'])).toBe('formula'); // transposition
    expect(didYouMean('xyzzy', ['isotopes', 'formula'])).toBeUndefined();
    const c = await runCli(['isotops', 'Au25']);
    expect(c.code).toBe(2);
    expect(c.err).toMatch(/unknown command "isotops"[\s\S]*did you mean "isotopes"/);
    const f = await runCli(['formula', 'Au25', '--jsn']);
    expect(f.code).toBe(2);
    expect(f.err).toMatch(/unknown option --jsn[\s\S]*did you mean "--json"/);
    const shape = await runCli(['build', 'icosahedrn']);
    expect(shape.code).toBe(2);
    expect(shape.err).toMatch(/did you mean "icosahedron"/);
    const rule = await runCli(['count', 'Au25', '--rule', 'jelium']);
    expect(rule.code).toBe(2);
    expect(rule.err).toMatch(/did you mean "jellium"/);
    const specs = { mode: { type: 'string', description: 'm', choices: ['basin', 'genetic'] } } as const;
    expect(() => parseArgs(['--mode', 'genetc'], specs)).toThrow(/must be one of basin, genetic/);
    try {
      parseArgs(['--mode', 'genetc'], specs);
    } catch (e) {
      expect((e as InputError).hint).toBe('did you mean "genetic"?');
    }
  });

  it('option names are not object keys: --toString, --__proto__, --constructor are unknown options', async () => {
    for (const name of ['toString', '__proto__', 'constructor', 'hasOwnProperty', 'valueOf']) {
      const r = await runCli(['formula', 'Au25', `--${name}`, 'x']);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(new RegExp(`unknown option --${name}`));
      const inline = await runCli(['formula', 'Au25', `--${name}=x`]);
      expect(inline.code).toBe(2);
    }
    const specs = { json: { type: 'boolean', description: 'j' } } as const;
    expect(() => parseArgs(['--__proto__', '{}'], specs)).toThrow(/unknown option/);
    expect(Object.getPrototypeOf(parseArgs(['--json'], specs).options)).toBe(Object.prototype);
  });

  it('numbers: non-finite values are refused, ranges are stated', () => {
    const specs = {
      t: { type: 'number', description: 't' },
      n: { type: 'integer', description: 'n', min: 1, max: 10 },
    } as const;
    expect(() => parseArgs(['--t', '1e400'], specs)).toThrow(/finite number/);
    expect(() => parseArgs(['--t', 'Infinity'], specs)).toThrow(/expects a number/);
    expect(() => parseArgs(['--t', 'NaN'], specs)).toThrow(/expects a number/);
    expect(() => parseArgs(['--n', '11'], specs)).toThrow(/--n must be from 1 to 10, got 11/);
    expect(() => parseArgs(['--n', '2.5'], specs)).toThrow(/whole number from 1 to 10/);
    expect(parseArgs(['--n', '1e1'], specs).options.n).toBe(10);
    // 60 000 digits then a letter: refused at once (the old pattern backtracked quadratically)
    expect(() => parseArgs(['--t', `${'1'.repeat(60_000)}x`], specs)).toThrow(/expects a number/);
  });

  it('--charge 1000000000 is out of range (said so), not "not a whole number"', async () => {
    for (const cmd of ['formula', 'isotopes', 'count']) {
      const r = await runCli([cmd, 'Au25', '--charge', '1000000000']);
      expect(r.code).toBe(2);
      expect(r.err).not.toMatch(/whole number/);
      expect(r.err).toMatch(/between −200 and 200/);
    }
  });

  it('errors never echo more than a short excerpt of the input', async () => {
    const huge = 'Q'.repeat(100_000);
    for (const argv of [
      [huge],
      ['formula', huge],
      ['formula', 'Au', '--charge', huge],
      ['formula', 'Au', `--${huge}`],
    ]) {
      const r = await runCli(argv);
      expect(r.code).toBe(2);
      expect(r.err.length).toBeLessThan(2000);
    }
    // a summary of a many-frame file lists at most an excerpt of the frame sizes
    const dir = mkdtempSync(join(tmpdir(), 'superatom-excerpt-'));
    writeFileSync(join(dir, 'many.xyz'), '1\n\nAu 0 0 0\n'.repeat(20_000));
    const conv = await runCli(['convert', 'many.xyz', '-o', 'many.extxyz'], dir);
    expect(conv.code).toBe(0);
    expect(Math.max(...`${conv.out}\n${conv.err}`.split('\n').map((l) => l.length))).toBeLessThan(400);
    // a 100 kB source line: a window around the column, the caret under the offending character
    const line = `${'a'.repeat(50_000)}#${'b'.repeat(50_000)}`;
    const text = new InputError('x', 'bad character', {
      location: { line: 1, column: 50_001, source: line },
    }).render();
    expect(text.length).toBeLessThan(600);
    const [, src, caret] = text.split('\n');
    expect(src![caret!.indexOf('^')]).toBe('#');
    expect(excerpt('z'.repeat(10_000), 80).length).toBeLessThanOrEqual(80);
    expect(excerpt('z'.repeat(10_000), 80)).toMatch(/10000 characters/);
  });
});

describe('output failures (issue 17.3): the built CLI with a closed pipe and a full disk', () => {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const bin = join(root, 'bin', 'superatom.js');
  const built = existsSync(join(root, 'dist', 'cli', 'main.js')); // npm test builds first

  it.skipIf(!built)('stdout closed by the reader (… | head -1): exit 0, nothing on stderr', async () => {
    const child = spawn(process.execPath, [bin, 'build', 'icosahedron', '--shells', '8'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy(); // the reader goes away before the first write
    let err = '';
    child.stderr.on('data', (d) => {
      err += String(d);
    });
    const code = await new Promise<number | null>((res) => child.on('close', (c) => res(c)));
    expect(err).toBe('');
    expect(code).toBe(0);
  });

  it.skipIf(!built || !existsSync('/dev/full'))(
    'stdout on a full disk (> /dev/full): exit 2 with one message',
    () => {
      const fd = openSync('/dev/full', 'w');
      try {
        const r = spawnSync(process.execPath, [bin, 'formula', 'Au25'], {
          stdio: ['ignore', fd, 'pipe'],
          encoding: 'utf8',
        });
        expect(r.status).toBe(2);
        expect(r.stderr).toMatch(/^error: cannot write the output to standard output: no space left/);
        expect(r.stderr).not.toMatch(/Unhandled|at .*\.js:\d+/);
      } finally {
        closeSync(fd);
      }
    },
  );
});
