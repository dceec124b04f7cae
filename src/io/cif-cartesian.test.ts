/**
 * CIF sites given as Cartesian `_atom_site_Cartn_x/y/z` (Å): with no cell — absent, or lengths 0
 * as ASE's CIF writer puts a molecule (`ase.io.write('h2o.cif', molecule)`, the layout of the
 * `h2o.cif` example shipped with the MIT-licensed crystcif-parse package) — the block is a
 * molecule; with a cell, the sites are converted to fractions and must give the same crystal as
 * the same sites written fractionally. Expected geometry: water with r(OH) = 0.9572 Å and
 * ∠HOH = 104.52° (the experimental gas-phase values, Hoy & Bunker, J. Mol. Spectrosc. 74, 1 (1979)).
 */
import { describe, expect, it } from 'vitest';
import { findPointGroup } from '../structure/pointgroup.js';
import { cellFromParameters, fracToCart } from './cell.js';
import { parseCif } from './cif.js';
import { readStructure } from './registry.js';

const R = 0.9572;
const HALF = ((104.52 / 2) * Math.PI) / 180;
const WATER: [string, number, number, number][] = [
  ['O', 0, 0, 0],
  ['H', 0, R * Math.sin(HALF), R * Math.cos(HALF)],
  ['H', 0, -R * Math.sin(HALF), R * Math.cos(HALF)],
];

function aseMolecule(cellLine: boolean): string {
  const cell = cellLine
    ? [
        '_cell_length_a       0',
        '_cell_length_b       0',
        '_cell_length_c       0',
        '_cell_angle_alpha    90',
        '_cell_angle_beta     90',
        '_cell_angle_gamma    90',
      ]
    : [];
  return [
    'data_image0',
    ...cell,
    '',
    'loop_',
    '  _atom_site_label',
    '  _atom_site_occupancy',
    '  _atom_site_Cartn_x',
    '  _atom_site_Cartn_y',
    '  _atom_site_Cartn_z',
    '  _atom_site_type_symbol',
    ...WATER.map(
      ([el, x, y, z], i) => `  ${el}${i + 1} 1.0000 ${x.toFixed(5)} ${y.toFixed(5)} ${z.toFixed(5)} ${el}`,
    ),
    '',
  ].join('\n');
}

describe('CIF with Cartesian sites', () => {
  it('an ASE molecule (cell lengths 0, or no cell) is read as a molecule without a cell', () => {
    for (const withCell of [true, false]) {
      const r = parseCif(aseMolecule(withCell), 'h2o.cif');
      const s = r.structure;
      expect(s.cell).toBeUndefined();
      expect(Array.from(s.numbers)).toEqual([8, 1, 1]);
      const p = s.positions;
      expect(Math.hypot(p[3]! - p[0]!, p[4]! - p[1]!, p[5]! - p[2]!)).toBeCloseTo(R, 4);
      expect(findPointGroup(s).pointGroup).toBe('C2v');
      expect(r.report.warnings.join(' ')).toMatch(/molecule/);
      // the registry (convert, optimize, compare) reads it the same way
      expect(readStructure(aseMolecule(withCell), 'h2o.cif').cell).toBeUndefined();
    }
  });

  it('a symmetry operation other than x,y,z without a cell is refused at its line', () => {
    const text = aseMolecule(true).replace(
      '\nloop_',
      "\nloop_\n_symmetry_equiv_pos_as_xyz\n'x,y,z'\n'-x,-y,z'\n\nloop_",
    );
    expect(() => parseCif(text, 'h2o.cif')).toThrow(/needs a unit cell/);
  });

  it('Cartesian sites in a monoclinic cell give the same crystal as the same sites in fractions', () => {
    const par: [number, number, number, number, number, number] = [8.8053, 10.9821, 9.008, 90, 118.51, 90];
    const cell = cellFromParameters(...par);
    const frac = [
      [0.1, 0.2, 0.3],
      [0.25, 0.05, 0.7],
      [0.9, 0.6, 0.15],
    ];
    const header = [
      'data_test',
      `_cell_length_a ${par[0]}`,
      `_cell_length_b ${par[1]}`,
      `_cell_length_c ${par[2]}`,
      `_cell_angle_alpha ${par[3]}`,
      `_cell_angle_beta ${par[4]}`,
      `_cell_angle_gamma ${par[5]}`,
      'loop_',
      '_symmetry_equiv_pos_as_xyz',
      "'x,y,z'",
      "'-x,y+1/2,-z'",
      'loop_',
      '_atom_site_label',
    ];
    const out = new Float64Array(3);
    const cart = frac.map(([x, y, z]) => {
      fracToCart(cell, x!, y!, z!, out);
      return Array.from(out);
    });
    const fracText = [...header, '_atom_site_fract_x', '_atom_site_fract_y', '_atom_site_fract_z']
      .concat(frac.map((f, i) => `C${i + 1} ${f.join(' ')}`))
      .join('\n');
    const cartText = [...header, '_atom_site_Cartn_x', '_atom_site_Cartn_y', '_atom_site_Cartn_z']
      .concat(cart.map((c, i) => `C${i + 1} ${c.map((x) => x.toFixed(6)).join(' ')}`))
      .join('\n');
    const a = parseCif(fracText).structure;
    const b = parseCif(cartText).structure;
    expect(b.numbers.length).toBe(6);
    expect(Array.from(b.cell!)).toEqual(Array.from(a.cell!));
    for (let i = 0; i < a.positions.length; i++) expect(b.positions[i]!).toBeCloseTo(a.positions[i]!, 5);
  });
});
