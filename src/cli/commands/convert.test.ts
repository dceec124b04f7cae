import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseXyz } from '../../io/xyz.js';
import { runCli } from '../testing.js';

const CIF_HEAD = `data_dup
_cell_length_a 10
_cell_length_b 10
_cell_length_c 10
_cell_angle_alpha 90
_cell_angle_beta 90
_cell_angle_gamma 90
loop_
_symmetry_equiv_pos_as_xyz
'x, y, z'
loop_
_atom_site_label
_atom_site_type_symbol
_atom_site_fract_x
_atom_site_fract_y
_atom_site_fract_z
`;

describe('superatom convert (CIF site checks)', () => {
  it('merges a site listed twice and says so (acceptance test: two overlapping atoms were written)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-convert-dup-'));
    writeFileSync(
      join(dir, 'dup.cif'),
      `${CIF_HEAD}Au1 Au 0.1 0.2 0.3\nAu2 Au 0.1 0.2 0.3\nS1 S 0.3 0.2 0.3\n`,
    );
    const r = await runCli(['convert', 'dup.cif', '--to', 'xyz'], dir);
    expect(r.code).toBe(0);
    const [s] = parseXyz(r.out);
    expect(Array.from(s!.numbers)).toEqual([79, 16]);
    expect(r.err).toMatch(/sites "Au1" and "Au2" are at the same position .*merged, kept "Au1"/);
    writeFileSync(join(dir, 'clash.cif'), `${CIF_HEAD}Au1 Au 0.1 0.2 0.3\nS2 S 0.1 0.2 0.3\n`);
    const bad = await runCli(['convert', 'clash.cif', '--to', 'xyz'], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/sites "Au1" \(Au, line 17\) and "S2" \(S\)/);
  });
});

describe('superatom convert (extended XYZ title)', () => {
  it('names the CIF block from comment=, not from the key=value line (acceptance test: data_PropertiesspeciesS1posR3)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-convert-ext-'));
    writeFileSync(
      join(dir, 'au2.extxyz'),
      '2\nProperties=species:S:1:pos:R:3 comment="Au2 dimer"\nAu 0 0 0\nAu 2.5 0 0\n',
    );
    expect((await runCli(['convert', 'au2.extxyz', '-o', 'au2.cif'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'au2.cif'), 'utf8').split('\n')[0]).toBe('data_Au2_dimer');
    writeFileSync(join(dir, 'plain.extxyz'), '1\nProperties=species:S:1:pos:R:3\nAu 0 0 0\n');
    expect((await runCli(['convert', 'plain.extxyz', '-o', 'plain.cif'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'plain.cif'), 'utf8').split('\n')[0]).toBe('data_superatom');
  });
});

describe('superatom convert (wording)', () => {
  it('says "1 atom", "1 frame", "1 site" (acceptance test: "(1 atoms)")', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-convert-one-'));
    writeFileSync(join(dir, 'one.cif'), `${CIF_HEAD}Au1 Au 0.1 0.2 0.3\n`);
    const r = await runCli(['convert', 'one.cif', '-o', 'one.xyz'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/asymmetric unit +1 site, 1 kept/);
    expect(r.out).toMatch(/unit cell +1 atom \(/);
    expect(r.out).toMatch(/wrote +one\.xyz \(1 frame, 1 atom\)/);
    const m = await runCli(['convert', 'one.cif', '--molecule', '-o', 'm.xyz'], dir);
    expect(m.out).toMatch(/extracted +Au \(1 atom, /);
    writeFileSync(join(dir, 'two.xyz'), '1\na\nAu 0 0 0\n2\nb\nAu 0 0 0\nAu 2.9 0 0\n');
    expect((await runCli(['convert', 'two.xyz', '-o', 'two.pdb'], dir)).out).toMatch(
      /\(2 frames, 1, 2 atoms\)/,
    );
  });
});
