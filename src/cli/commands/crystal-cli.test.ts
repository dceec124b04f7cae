import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellFromParameters } from '../../io/cell.js';
import { writeCif } from '../../io/cif.js';
import { csSalt, kegginCsSalt } from '../../io/crystal-fixtures.js';
import { parseXyz } from '../../io/xyz.js';
import { mackayIcosahedron } from '../../structure/builders/clusters.js';
import { findPointGroup } from '../../structure/pointgroup.js';
import { createStructure } from '../../structure/structure.js';
import { runCli } from '../testing.js';

const dir = () => mkdtempSync(join(tmpdir(), 'sa-crystal-'));

describe('salt crystals through analyze and convert (issue 9.3)', () => {
  it('analyze lists every species and analyses the cluster ion (was one polymeric C1 "molecule")', async () => {
    const d = dir();
    writeFileSync(join(d, 'salt.cif'), writeCif(csSalt(81)));
    const r = await runCli(['analyze', 'salt.cif'], d);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/formula +O19W6 \(25 atoms\)/);
    expect(r.out).toMatch(/point group +Oh/);
    expect(r.out).toMatch(/\[1\] 1 × O19W6 \(−2, cluster\), \[2\] 2 × H2O \(0, solvent\)/);
    expect(r.out).toMatch(/1 × Tl \(\+1, counterion\)/);
    const j = JSON.parse((await runCli(['analyze', 'salt.cif', '--json'], d)).out);
    expect(j.speciesAnalysed).toBe(1);
    expect(j.species).toEqual([
      { index: 1, formula: 'O19W6', count: 1, charge: -2, role: 'cluster', atoms: 25, polymeric: false },
      { index: 2, formula: 'H2O', count: 2, charge: 0, role: 'solvent', atoms: 3, polymeric: false },
      { index: 3, formula: 'Tl', count: 1, charge: 1, role: 'counterion', atoms: 1, polymeric: false },
      { index: 4, formula: 'Cs', count: 1, charge: 1, role: 'counterion', atoms: 1, polymeric: false },
    ]);
    const w = JSON.parse((await runCli(['analyze', 'salt.cif', '--species', '2', '--json'], d)).out);
    expect(w.formula).toBe('H2O');
    expect(w.pointGroup).toBe('C2v');
    const bad = await runCli(['analyze', 'salt.cif', '--species', '9'], d);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--species 9 is out of range: the cell holds 4 species/);
    writeFileSync(join(d, 'w.xyz'), '1\n\nAu 0 0 0\n');
    expect((await runCli(['analyze', 'w.xyz', '--species', '1'], d)).code).toBe(2);
  });

  it('Cs3[PW12O40]·H2O: analyze gives the Td anion, achiral (was one polymeric C1, chiral)', async () => {
    const d = dir();
    writeFileSync(join(d, 'cs3pw12.cif'), writeCif(kegginCsSalt()));
    const j = JSON.parse((await runCli(['analyze', 'cs3pw12.cif', '--json'], d)).out);
    expect(j.formula).toBe('O40PW12');
    expect(j.pointGroup).toBe('Td');
    expect(j.chiral).toBe(false);
    expect(j.species.map((x: { formula: string; charge: number }) => `${x.formula}:${x.charge}`)).toEqual([
      'O40PW12:-3',
      'H2O:0',
      'Cs:1',
    ]);
  });

  it('convert --molecule writes the cluster ion, --species N another one', async () => {
    const d = dir();
    writeFileSync(join(d, 'salt.cif'), writeCif(csSalt()));
    const r = await runCli(['convert', 'salt.cif', '--molecule', '-o', 'anion.xyz'], d);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/species +\[1\] 1 × O19W6 \(−2, cluster\)/);
    const [anion] = parseXyz(readFileSync(join(d, 'anion.xyz'), 'utf8'));
    expect(anion!.numbers.length).toBe(25);
    expect(findPointGroup(anion!).pointGroup).toBe('Oh');
    const j = JSON.parse(
      (await runCli(['convert', 'salt.cif', '--species', '3', '-o', 'cs.xyz', '--json'], d)).out,
    );
    expect(j.molecule).toEqual({ formula: 'Cs', atoms: 1, polymeric: false, species: 3 });
    expect(j.species).toHaveLength(3);
  });
});

describe('whole molecules from a crystal (issue 9.4)', () => {
  it('convert x.cif -o y.xyz writes whole molecules by default and says so; --cell-contents the raw sites', async () => {
    const d = dir();
    // Au13 centred on the cell corner: cut into eight pieces by the cell edges
    const au = mackayIcosahedron(1, { z: 79, bond: 2.884 });
    const L = 12;
    const crystal = createStructure({
      numbers: au.numbers,
      positions: Array.from(au.positions, (x) => x - L * Math.floor(x / L)),
      cell: cellFromParameters(L, L, L, 90, 90, 90),
    });
    writeFileSync(join(d, 'au13.cif'), writeCif(crystal));
    const r = await runCli(['convert', 'au13.cif', '-o', 'au13.xyz'], d);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/crystal written as whole molecules: .*\d+ atoms moved; no cell in this format/);
    const whole = readFileSync(join(d, 'au13.xyz'), 'utf8');
    expect((await runCli(['analyze', 'au13.xyz', '--json'], d)).out).toMatch(/"pointGroup": "Ih"/);
    expect(findPointGroup(parseXyz(whole)[0]!).pointGroup).toBe('Ih');
    // the raw sites on request: cut, as read
    const raw = await runCli(['convert', 'au13.cif', '--cell-contents', '-o', 'raw.xyz'], d);
    expect(raw.out).toMatch(/sites read, wrapped into the cell/);
    expect(findPointGroup(parseXyz(readFileSync(join(d, 'raw.xyz'), 'utf8'))[0]!).pointGroup).not.toBe('Ih');
    // periodic output keeps the cell and the whole molecule
    expect((await runCli(['convert', 'au13.cif', '-o', 'au13.extxyz'], d)).out).toMatch(/cell kept/);
    expect(readFileSync(join(d, 'au13.extxyz'), 'utf8')).toMatch(/Lattice="12/);
    const both = await runCli(['convert', 'au13.cif', '--cell-contents', '--molecule', '-o', 'x.xyz'], d);
    expect(both.code).toBe(2);
  });
});

describe('tiny and degenerate cells are refused before images are built (issue 17.1)', () => {
  const cif = (a: string, gamma = '90') =>
    `data_t\n_cell_length_a ${a}\n_cell_length_b 10\n_cell_length_c 10\n_cell_angle_alpha 90\n_cell_angle_beta 90\n_cell_angle_gamma ${gamma}\nloop_\n_atom_site_label\n_atom_site_fract_x\n_atom_site_fract_y\n_atom_site_fract_z\nAu1 0 0 0\nAu2 0.5 0.5 0.5\n`;
  it('CIF _cell_length_a 1e-10 and γ = 0.001°: exit 2 naming the parameter, for analyze and convert', async () => {
    const d = dir();
    writeFileSync(join(d, 'a.cif'), cif('1e-10'));
    writeFileSync(join(d, 'g.cif'), cif('10', '0.001'));
    for (const [file, name] of [
      ['a.cif', /check _cell_length_a \(a\.cif, line 2, column 16\)/],
      ['g.cif', /check _cell_angle_gamma \(g\.cif, line 7, column 19\)/],
    ] as const) {
      for (const argv of [
        ['analyze', file],
        ['convert', file, '--molecule', '-o', 'm.xyz'],
        ['convert', file, '-o', 'm.xyz'],
      ]) {
        const r = await runCli(argv, d);
        expect(r.code).toBe(2);
        expect(r.err).toMatch(name);
        expect(r.err).toMatch(/hint: .*1 Å³/);
      }
    }
  });

  it('extXYZ Lattice="1e-10 …" and a GRO box of 1e-10 nm: exit 2', async () => {
    const d = dir();
    writeFileSync(
      join(d, 't.extxyz'),
      '2\nLattice="1e-10 0 0 0 1e-10 0 0 0 1e-10" Properties=species:S:1:pos:R:3\nAu 0 0 0\nAu 1 1 1\n',
    );
    writeFileSync(
      join(d, 't.gro'),
      'tiny\n    2\n    1AU      AU    1   0.000   0.000   0.000\n    1AU      AU    2   0.100   0.100   0.100\n   1e-10   1e-10   1e-10\n',
    );
    writeFileSync(
      join(d, 'a.extxyz'),
      '2\nLattice="1e-10 0 0 0 10 0 0 0 10" Properties=species:S:1:pos:R:3\nAu 0 0 0\nAu 0 1 1\n',
    );
    for (const file of ['t.extxyz', 'a.extxyz', 't.gro']) {
      for (const argv of [
        ['analyze', file],
        ['convert', file, '--molecule', '-o', 'm.xyz'],
      ]) {
        const r = await runCli(argv, d);
        expect(r.code).toBe(2);
        expect(r.err).not.toMatch(/at .*\.ts:/);
      }
    }
  });
});
