import { describe, expect, it } from 'vitest';
import { runCli } from '../testing.js';

const VERDICTS = [
  'closed-shell',
  'open-shell',
  'closo',
  'nido',
  'arachno',
  'hypho',
  'none',
  'satisfied',
  'deficient',
  'excess',
  'aromatic',
  'antiaromatic',
  'open-shell-aromatic',
  'not-aromatic',
];

describe('superatom count', () => {
  it('--json follows the contract { formula, charge, results: [{ rule, applies, count, unit, verdict, steps, notes }] }', async () => {
    // AbdulHalim et al., JACS 137, 11970 (2015): [Ag29(BDT)12(TPP)4]3−, 8 electrons, closed shell.
    const { code, out } = await runCli(['count', '[Ag29(BDTA)12(PPh3)4]3-', '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.formula).toBe('[Ag29(BDTA)12(PPh3)4]3-');
    expect(r.charge).toBe(-3);
    expect(r.primary).toBe('superatom-complex');
    const first = r.results[0];
    expect(first).toMatchObject({
      rule: 'superatom-complex',
      applies: true,
      count: 8,
      unit: 'e',
      verdict: 'closed-shell',
      configuration: '1S2 1P6',
    });
    for (const s of first.steps) expect(Object.keys(s).sort()).toEqual(['electrons', 'term', 'why']);
    for (const res of r.results)
      expect(VERDICTS.includes(res.verdict) || res.rule === 'mingos-pec').toBe(true);
  });

  it('text output reads as a worked example', async () => {
    const { code, out } = await runCli(['count', '[Au25(SR)18]-', '--rule', 'superatom-complex']);
    expect(code).toBe(0);
    expect(out).toMatch(/25 Au × 1 +\+25/);
    expect(out).toMatch(/18 SR × −1 +−18/);
    expect(out).toMatch(/verdict: closed-shell/);
    // the header writes the charge with the same typographic minus as the terms (was "-1")
    expect(out).toMatch(/\(charge of the counted ion: −1\)/);
  });

  it('a rule that cannot judge says why and exits 1; bad input exits 2', async () => {
    const na = await runCli(['count', 'CH4', '--rule', 'wade-mingos', '--json']);
    expect(na.code).toBe(1);
    const r = JSON.parse(na.out);
    expect(r.results[0]).toMatchObject({ applies: false, count: null });
    expect(r.results[0].reason.length).toBeGreaterThan(10);
    expect((await runCli(['count', 'Xq3'])).code).toBe(2);
    expect((await runCli(['count', 'B20H16', '--rule', 'jemmis-mno', '--fragments', 'closo12;x'])).code).toBe(
      2,
    );
    expect((await runCli(['count', 'Na8', '--model', 'cubic'])).code).toBe(2);
  });

  it('jemmis fragments and model options reach the rules', async () => {
    // Jemmis et al., JACS 123, 4313 (2001): B20H16 needs 22 pairs (m 2 + n 20).
    const j = JSON.parse(
      (
        await runCli([
          'count',
          'B20H16',
          '--rule',
          'jemmis-mno',
          '--fragments',
          'closo:12,closo:12',
          '--shared',
          '4',
          '--json',
        ])
      ).out,
    );
    expect(j.results[0]).toMatchObject({ count: 22, verdict: 'closo' });
    // Knight et al. 1984: 70 is a Woods–Saxon closing.
    const w = JSON.parse(
      (await runCli(['count', 'Na70', '--rule', 'jellium', '--model', 'woods-saxon', '--json'])).out,
    );
    expect(w.results[0].verdict).toBe('closed-shell');
  });

  it('--ligands file.json works as for formula, and formula and count list the same ligands', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'sa-count-'));
    const file = join(dir, 'ligands.json');
    writeFileSync(file, JSON.stringify([{ name: 'SNap', formula: 'SC10H7', charge: -1, role: 'X' }]));
    // [Au25(SR)18]− with a user thiolate: 25 − 18 + 1 = 8 (Walter et al., PNAS 105, 9157 (2008))
    const c = await runCli(['count', '[Au25(SNap)18]-', '--ligands', file, '--json']);
    expect(c.code).toBe(0);
    expect(JSON.parse(c.out).results[0]).toMatchObject({ rule: 'superatom-complex', count: 8 });
    expect((await runCli(['count', '[Au25(SNap)18]-'])).code).toBe(2);
    // [Au13(dppe)5Cl2]3+: both commands treat Cl as an X ligand (13 − 2 − 3 = 8)
    const f = JSON.parse((await runCli(['formula', '[Au13(dppe)5Cl2]3+', '--json'])).out);
    expect(f.ligands.map((l: { name: string }) => l.name).sort()).toEqual(['Cl', 'dppe']);
    const k = JSON.parse((await runCli(['count', '[Au13(dppe)5Cl2]3+', '--json'])).out);
    expect(k.results[0].count).toBe(8);
  });

  it('--parts forces or refuses a superatomic-molecule reading', async () => {
    // Au38(SR)24: 14 e, F2-like bi-icosahedral superatomic molecule (Nanoscale 5, 1475 (2013))
    const two = JSON.parse((await runCli(['count', 'Au38(SR)24', '--json'])).out).results[0];
    expect(two).toMatchObject({ verdict: 'superatomic-molecule', count: 14 });
    const one = JSON.parse((await runCli(['count', 'Au38(SR)24', '--parts', '1', '--json'])).out).results[0];
    expect(one.verdict).toBe('open-shell');
    const bad = await runCli(['count', 'Au38(SR)24', '--parts', '9']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--parts/);
  });

  it('deep bracket nesting is exit 2 with the column, never a stack overflow (issue 17.4)', async () => {
    for (const text of [`${'('.repeat(886)}Au${')'.repeat(886)}`, '('.repeat(1707)]) {
      for (const cmd of ['formula', 'count']) {
        const r = await runCli([cmd, text]);
        expect(r.code, `${cmd} ${text.length} chars`).toBe(2);
        expect(r.err).toMatch(/nested more than 32 deep/);
        expect(r.err).not.toMatch(/call stack|at .*\.js/);
      }
    }
  });
});
