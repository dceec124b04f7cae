/**
 * `superatom calc` end to end with the real xtb (skipped when absent unless
 * SUPERATOM_REQUIRE_ENGINES=1): report fields, fallback listing, exit statuses, --save.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { xyzText } from '../../engines/xtb.js';
import { b12h12, XTB_REQUIRED, xtbAvailable } from '../../engines/xtb-testing.js';
import { runCli } from '../testing.js';
import { buildSpec } from './calc.js';

const available = xtbAvailable();
if (!available && XTB_REQUIRED) throw new Error('SUPERATOM_REQUIRE_ENGINES=1 but xtb is not installed');
const dir = mkdtempSync(join(tmpdir(), 'superatom-calc-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('calc: input errors (no engine needed)', () => {
  it('a method of the other engine is refused with exit 2', async () => {
    const r = await runCli(['calc', '--build', 'icosahedron:Au13', '--method', 'pbe']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not a method of xtb/);
  });
  it('nwchem: an xtb method or --fukui is refused before anything runs', async () => {
    const r = await runCli(['calc', '--build', 'icosahedron:Au13', '--engine', 'nwchem', '--method', 'gfn2']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not a method of nwchem/);
    const f = await runCli(['calc', '--build', 'icosahedron:Au13', '--engine', 'nwchem', '--fukui']);
    expect(f.code).toBe(2);
    expect(f.err).toMatch(/--fukui is not available with --engine nwchem/);
  });
  it('a builder size the shape cannot have lists the sizes it can', async () => {
    const r = await runCli(['calc', '--build', 'icosahedron:Au14']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot have 14 atoms/);
    expect(r.err).toMatch(/13, 55/);
  });
  it('--build finds the size with the atom count asked for', async () => {
    const sizes: [string, number][] = [
      ['cuboctahedron:Ag55', 55],
      ['octahedron:Pt6', 6],
      ['octahedron:Pt19', 19],
      ['tetrahedron:Au20', 20],
      ['truncated-octahedron:Au38', 38],
      ['icosahedron:Au', 13],
    ];
    for (const [spec, n] of sizes) expect((await buildSpec(spec)).numbers.length).toBe(n);
  });
  it('a malformed --build spec is an input error', async () => {
    const r = await runCli(['calc', '--build', 'Au13']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/shape:ElementN/);
  });
  it('a --uhf that does not fit the electron count is an input error', async () => {
    const r = await runCli(['calc', '--build', 'icosahedron:Au13', '--uhf', '2']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/odd number of electrons/);
  });
});

describe.skipIf(!available)('calc with xtb', () => {
  it('Au13: the JSON report lists the failed GFN2 attempts and the GFN1 result', async () => {
    const r = await runCli(['calc', '--build', 'icosahedron:Au13', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    for (const k of [
      'engine',
      'method',
      'attempts',
      'energy',
      'gap',
      'homo',
      'lumo',
      'charges',
      'fukui',
      'sites',
      'ip',
      'ea',
      'converged',
      'warnings',
    ]) {
      expect(j).toHaveProperty(k);
    }
    expect(j.engine).toBe('xtb');
    expect(j.method).toBe('gfn1');
    expect(j.attempts.map((a: { status: string }) => a.status)).toEqual(['failed', 'failed', 'ok']);
    expect(j.fukui).toEqual({ plus: [], minus: [], zero: [], dual: [] });
  }, 60_000);

  it('without the fallback every attempt fails: exit 1, no energy', async () => {
    const r = await runCli(['calc', '--build', 'icosahedron:Au13', '--no-fallback', '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.converged).toBe(false);
    expect(j.energy).toBeNull();
    expect(j.attempts).toHaveLength(1);
  }, 60_000);

  it('[B12H12]2- from a file: vertical IP/EA equal to xtb --vipea run directly; text output', async () => {
    const s = b12h12();
    const xyz = xyzText(s.numbers, s.positions, 'B12H12 2-');
    writeFileSync(join(dir, 'b12.xyz'), xyz);
    const r = await runCli(['calc', 'b12.xyz', '--charge', '-2', '--ip', '--ea', '--json'], dir);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    const d = mkdtempSync(join(dir, 'direct-'));
    writeFileSync(join(d, 'in.xyz'), xyz);
    const env = { ...process.env, XTBPATH: process.env.XTBPATH ?? '/usr/share/xtb', OMP_NUM_THREADS: '1' };
    const direct = spawnSync('xtb', ['in.xyz', '--chrg', '-2', '--vipea'], { cwd: d, env, encoding: 'utf8' });
    const ip = Number(/delta SCC IP \(eV\):\s*(\S+)/.exec(direct.stdout)![1]);
    const ea = Number(/delta SCC EA \(eV\):\s*(\S+)/.exec(direct.stdout)![1]);
    expect(j.ip).toBeCloseTo(ip, 4);
    expect(j.ea).toBeCloseTo(ea, 4);
    const t = await runCli(['calc', 'b12.xyz', '--charge', '-2'], dir);
    expect(t.code).toBe(0);
    expect(t.out).toMatch(/method gfn2/);
    expect(t.out).toMatch(/gap 6\.\d+ eV/);
  }, 60_000);

  it('--save keeps the report with the engine version', async () => {
    const db = join(dir, 'r.db');
    const r = await runCli(['calc', '--build', 'icosahedron:Ag13', '--method', 'gfn1', '--save', '--db', db]);
    expect(r.code).toBe(0);
    const list = await runCli(['results', 'list', '--db', db, '--json']);
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/calc/);
    expect(list.out).toMatch(/xtb/);
  }, 60_000);

  // Issue 12 item 5: the counting rule's template (superhalogen rule) checked by a computed EA/IP.
  // Au13 (13 valence electrons, no shell neighbour) is no candidate: nothing is computed. Al13 (39
  // electrons, one short of the 40 shell closing) is a halogen-like candidate: its vertical EA is
  // computed and compared with EA(Cl) = 3.62 eV (Hotop & Lineberger, JPCRD 14, 731 (1985)).
  it('--template: Au13 is no candidate; Al13 gets a ΔSCF EA compared with Cl', async () => {
    const au = await runCli([
      'calc',
      '--build',
      'icosahedron:Au13',
      '--method',
      'gfn1',
      '--template',
      '--json',
    ]);
    expect(au.code).toBe(0);
    expect(JSON.parse(au.out).superatom.computed).toBe('none');
    const al = await runCli(['calc', '--build', 'icosahedron:Al13', '--template', '--json']);
    expect(al.code).toBe(0);
    const check = JSON.parse(al.out).superatom;
    expect(check.computed).toBe('ea');
    expect(check.template.analogue).toBe('superhalogen');
    expect(Number.isFinite(check.ionization.ea.verticalEv)).toBe(true);
    const v = check.verdicts[0];
    expect(v.reference).toBe('Cl');
    expect(v.thresholdEv).toBeCloseTo(3.62, 2);
    expect(['superhalogen', 'halogen-like', 'not-halogen-like']).toContain(v.verdict);
    // the text report shows the check too (it printed nothing of it before)
    const text = await runCli(['calc', '--build', 'icosahedron:Al13', '--template']);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^template +superhalogen candidate/m);
    expect(text.out).toMatch(/^verdict .* vs EA\(Cl\) 3\.62 eV .*; template /m);
  }, 120_000);
});
