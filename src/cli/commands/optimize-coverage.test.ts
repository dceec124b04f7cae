/**
 * optimize/search refuse what their potential cannot describe (issue 9 item 5), relax a chosen
 * subset with the rest held fixed, check -o before the run (issue 17 item 3), refuse sizes they
 * cannot handle (17.1) and never treat names from the command line as object keys (17.5).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing.js';

const dir = mkdtempSync(join(tmpdir(), 'superatom-cover-'));

/**
 * A thiolate-protected gold fragment built by hand: an Au4 rhombus (2.9 Å, slightly off its
 * minimum) under two CH3S groups (Au–S 2.35 Å, S–C 1.82 Å, C–H 1.09 Å).
 */
const AU_SR = [
  '14',
  'Au4(SCH3)2 by hand',
  'Au 0.00 0.00 0.00',
  'Au 2.90 0.00 0.00',
  'Au 1.45 2.51 0.10',
  'Au 1.45 -2.51 -0.10',
  'S 1.45 1.00 2.10',
  'S 1.45 -1.00 -2.10',
  'C 1.45 1.60 3.80',
  'C 1.45 -1.60 -3.80',
  'H 2.40 1.30 4.25',
  'H 0.50 1.30 4.25',
  'H 1.45 2.69 3.80',
  'H 2.40 -1.30 -4.25',
  'H 0.50 -1.30 -4.25',
  'H 1.45 -2.69 -3.80',
  '',
].join('\n');
writeFileSync(join(dir, 'ausr.xyz'), AU_SR);
writeFileSync(
  join(dir, 'au4.xyz'),
  ['4', 'the Au atoms of ausr.xyz alone', ...AU_SR.split('\n').slice(2, 6), ''].join('\n'),
);
writeFileSync(join(dir, 'auag.xyz'), '3\n\nAu 0 0 0\nAg 2.9 0 0\nAu 1.45 2.5 0\n');

function xyzCoords(text: string): number[][] {
  const lines = text.split('\n');
  const n = Number(lines[0]);
  return lines.slice(2, 2 + n).map((l) => l.trim().split(/\s+/).slice(1, 4).map(Number));
}

describe('potentials refuse what they cannot describe (9.5)', () => {
  it('gupta:Au on Au + S + C + H: exit 2 naming C, H, S, with --elements as the way forward', async () => {
    const r = await runCli(['optimize', 'ausr.xyz', '--potential', 'gupta:Au'], dir);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/gupta:Au has no parameters for S, C, H/);
    expect(r.err).toMatch(/--elements Au/);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    // the same for the other metal potentials and for search's door (gupta without an element)
    for (const p of ['gupta', 'sutton-chen:Au', 'lj:Ar']) {
      const q = await runCli(['optimize', 'ausr.xyz', '--potential', p], dir);
      expect(q.code).toBe(2);
      expect(q.err).toMatch(/has no parameters for/);
    }
  });

  it('the hint names a potential that covers the elements (Au + Ag: gupta with mixed pairs)', async () => {
    const r = await runCli(['optimize', 'auag.xyz', '--potential', 'gupta:Au'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no parameters for Ag/);
    expect(r.err).toMatch(/hint: .*gupta describes Au \+ Ag/);
    expect((await runCli(['optimize', 'auag.xyz', '--potential', 'gupta', '--json'], dir)).code).toBe(0);
  });

  it('reduced LJ on several elements is refused unless --elements selects the atoms', async () => {
    const r = await runCli(['optimize', 'auag.xyz', '--potential', 'lj'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/reduced-unit potential that treats every atom alike/);
    const ok = await runCli(
      ['optimize', 'auag.xyz', '--potential', 'lj', '--elements', 'Au,Ag', '--json'],
      dir,
    );
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).frozenAtoms).toEqual([]);
  });

  it('--elements Au relaxes the Au atoms only: frozen atoms do not move, the energy is of Au alone', async () => {
    const r = await runCli(
      [
        'optimize',
        'ausr.xyz',
        '--potential',
        'gupta:Au',
        '--elements',
        'Au',
        '--json',
        '-o',
        'ausr-relaxed.xyz',
      ],
      dir,
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.elements).toEqual(['Au']);
    expect(j.movedAtoms).toEqual([1, 2, 3, 4]);
    expect(j.frozenAtoms).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(j.energyOf).toBe('moved atoms only');
    // independent construction: the same four Au atoms relaxed on their own give the same energies
    const alone = JSON.parse(
      (await runCli(['optimize', 'au4.xyz', '--potential', 'gupta:Au', '--json'], dir)).out,
    );
    expect(j.frames[0].initialEnergy).toBeCloseTo(alone.frames[0].initialEnergy, 10);
    expect(j.frames[0].energy).toBeCloseTo(alone.frames[0].energy, 8);
    const before = xyzCoords(AU_SR);
    const after = xyzCoords(readFileSync(join(dir, 'ausr-relaxed.xyz'), 'utf8'));
    for (let i = 4; i < 14; i++) expect(after[i]).toEqual(before[i]);
    expect(after.slice(0, 4)).not.toEqual(before.slice(0, 4));
    const text = await runCli(['optimize', 'ausr.xyz', '--potential', 'gupta:Au', '--elements', 'au'], dir);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/moved +4 atoms \(Au\): 1-4/);
    expect(text.out).toMatch(/frozen +10 atoms \(S, C, H\): 5-14; held fixed, they contribute nothing/);
  });

  it('--elements with an unknown symbol or absent element is exit 2', async () => {
    expect(
      (await runCli(['optimize', 'ausr.xyz', '--potential', 'gupta:Au', '--elements', 'Xx'], dir)).code,
    ).toBe(2);
    const none = await runCli(['optimize', 'ausr.xyz', '--potential', 'gupta:Ag', '--elements', 'Ag'], dir);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/has no Ag atoms/);
    // selecting atoms the potential cannot describe is still refused
    const mixed = await runCli(
      ['optimize', 'ausr.xyz', '--potential', 'gupta:Au', '--elements', 'Au,S'],
      dir,
    );
    expect(mixed.code).toBe(2);
    expect(mixed.err).toMatch(/no parameters for S/);
  });
});

describe('-o is checked before the run (17.3)', () => {
  it('optimize: an unwritable -o is reported before the input file is even read', async () => {
    mkdirSync(join(dir, 'adir'), { recursive: true });
    const r = await runCli(['optimize', 'does-not-exist.xyz', '--potential', 'lj', '-o', 'adir'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/is a directory/);
  });
  it('search: an unwritable -o fails at once, not after a run of (here) unlimited length', async () => {
    mkdirSync(join(dir, 'bdir'), { recursive: true });
    const r = await runCli(
      [
        'search',
        '--potential',
        'lj',
        '--atoms',
        '20',
        '--patience',
        '100000000',
        '--time-limit',
        '100000',
        '-o',
        'bdir',
      ],
      dir,
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/is a directory/);
  });
});

describe('size limits refuse early with a way forward (17.1)', () => {
  it('optimize refuses more than 5000 atoms to relax, before any evaluation; --elements is the way forward', async () => {
    const n = 5001;
    const lines = [`${n}`, 'simple cubic Ar, 3.8 Å'];
    for (let i = 0; i < n; i++)
      lines.push(`Ar ${3.8 * (i % 18)} ${3.8 * (Math.floor(i / 18) % 18)} ${3.8 * Math.floor(i / 324)}`);
    writeFileSync(join(dir, 'big.xyz'), `${lines.join('\n')}\n`);
    const r = await runCli(['optimize', 'big.xyz', '--potential', 'lj:Ar'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/5001 atoms to relax is above the limit of 5000/);
    expect(r.err).toMatch(/--elements/);
  });
  it('gupta relaxes more than 5000 atoms (cut-off + neighbour grid: O(N)); above 100 000 it is refused', async () => {
    // 5832 Au atoms 10 Å apart (beyond the 8.4 Å cut-off): no forces, converged at once
    const lines = ['5832', 'sparse Au grid, 10 Å'];
    for (let i = 0; i < 5832; i++)
      lines.push(`Au ${10 * (i % 18)} ${10 * (Math.floor(i / 18) % 18)} ${10 * Math.floor(i / 324)}`);
    writeFileSync(join(dir, 'sparse.xyz'), `${lines.join('\n')}\n`);
    const r = await runCli(['optimize', 'sparse.xyz', '--potential', 'gupta:Au', '--json'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).frames[0].energy).toBe(0);
    // reduced LJ sums every pair: the same file is above its limit, with gupta named as the way forward
    const lj = await runCli(['optimize', 'sparse.xyz', '--potential', 'lj'], dir);
    expect(lj.code).toBe(2);
    expect(lj.err).toMatch(/5832 atoms to relax is above the limit of 5000 for lj/);
    expect(lj.err).toMatch(/gupta:<El> relaxes up to 100000 atoms/);
  });
  it('search: a time limit shorter than one minimisation reports that nothing finished (exit 1), not a fake minimum', async () => {
    // 400 atoms: the first L-BFGS needs hundreds of evaluations, far more than 1 ms
    const r = await runCli(
      ['search', '--potential', 'lj', '--atoms', '400', '--time-limit', '0.001', '--json'],
      dir,
    );
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/no local minimisation of 400 atoms finished within --time-limit 0.001 s/);
  });
  it('search refuses more than 5000 atoms with a hint', async () => {
    const r = await runCli(['search', '--potential', 'lj', '--atoms', '20000'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/limit 5000/);
    expect(r.err).toMatch(/hint:/);
  });
});

describe('names from the command line are not object keys (17.5)', () => {
  it('build constructor / build polyhedron --name toString / build __proto__ are unknown shapes (exit 2, was 70)', async () => {
    for (const argv of [
      ['build', 'constructor'],
      ['build', 'toString'],
      ['build', '__proto__'],
      ['build', 'hasOwnProperty'],
      ['build', 'polyhedron', '--name', 'toString'],
      ['build', 'polyhedron', '--name', 'constructor'],
      ['build', 'polyhedron', '--name', '__proto__'],
    ]) {
      const r = await runCli(argv, dir);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toMatch(/unknown (shape|polyhedron)/);
    }
  });
  it('--potential __proto__, gupta:__proto__, lj:__proto__ are refused with the right message', async () => {
    const cases: [string, RegExp][] = [
      ['__proto__', /unknown potential "__proto__"/],
      ['constructor', /unknown potential "constructor"/],
      ['gupta:__proto__', /no Gupta parameters for "__proto__"/],
      ['lj:__proto__', /no Lennard-Jones parameters for "__proto__"/],
      ['sutton-chen:constructor', /no Sutton–Chen parameters/],
    ];
    for (const [spec, message] of cases) {
      const s = await runCli(['search', '--potential', spec, '--atoms', '5', '--max-steps', '1'], dir);
      expect(s.code, spec).toBe(2);
      expect(s.err).toMatch(message);
      const o = await runCli(['optimize', 'au4.xyz', '--potential', spec], dir);
      expect(o.code, spec).toBe(2);
    }
  });
});

describe('property: names from user input give an answer or exit 2, never 70 (17.5)', () => {
  const PROTO = [...Object.getOwnPropertyNames(Object.prototype), '__proto__', 'prototype'];
  const name = fc.oneof(fc.constantFrom(...PROTO), fc.string({ maxLength: 10 }));
  it('build <shape>, build polyhedron --name <name>, search/optimize --potential <spec>', async () => {
    await fc.assert(
      fc.asyncProperty(
        name,
        fc.constantFrom('shape', 'polyhedron', 'search', 'optimize'),
        async (n, door) => {
          const argv =
            door === 'shape'
              ? ['build', n, '--shells', '1']
              : door === 'polyhedron'
                ? ['build', 'polyhedron', '--name', n]
                : door === 'search'
                  ? ['search', '--potential', n, '--atoms', '3', '--max-steps', '1']
                  : ['optimize', 'au4.xyz', '--potential', n, '--max-iterations', '1'];
          const r = await runCli(argv, dir);
          expect([0, 1, 2], `${argv.join(' ')} → ${r.code}: ${r.err}`).toContain(r.code);
          if (r.code === 2) expect(r.err).toMatch(/^error: /);
        },
      ),
      { seed: 175, numRuns: 120 },
    );
  });
});
