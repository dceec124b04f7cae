import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { mackayIcosahedron } from '../structure/builders/clusters.js';
import { createStructure } from '../structure/structure.js';
import { cellFromParameters } from './cell.js';
import { parseExtxyz, parseExtxyzFrames, writeExtxyz } from './extxyz.js';
import { parseGro, writeGro } from './gro.js';
import { parsePdb, parsePdbFrames, writePdb } from './pdb.js';
import { detectFormat, FORMATS, readStructure, readStructures, writeStructure } from './registry.js';

/** Lines in the style of NanoModeler's Au–thiolate cores (columns 1–54, no element column). */
const NANO = [
  'ATOM      1 AU   AU      1     -0.0884 -0.0525 -0.0298',
  'ATOM      2 AUS  STC     2     -2.0284  0.8775  1.7602',
  'ATOM      3 AUL  STC     2     -0.7884  4.2375 -2.1498',
  'ATOM      4 ST   STR    95      2.9635  0.4358-10.0589',
  'ATOM      5 C    STR    95      0.7147-10.5974 -0.3798',
].join('\n');

describe('PDB', () => {
  it('reads NanoModeler-style atom names, residues and run-together coordinates', () => {
    const s = parsePdb(NANO, 'core.pdb');
    expect(Array.from(s.numbers)).toEqual([79, 79, 79, 16, 6]);
    expect(s.labels).toEqual(['AU', 'AUS', 'AUL', 'ST', 'C']);
    expect(s.residues).toEqual(['AU', 'STC', 'STC', 'STR', 'STR']);
    expect(s.residueIds).toEqual([1, 2, 2, 95, 95]);
    expect(Array.from(s.positions.subarray(9, 15))).toEqual([
      2.9635, 0.4358, -10.0589, 0.7147, -10.5974, -0.3798,
    ]);
  });

  it('refuses a word in place of a coordinate instead of shifting the occupancy into z (acceptance test)', () => {
    for (const x of ['abc', 'NaN']) {
      const line = `ATOM      2 AU   AU  A   1     ${x.padStart(7)}   2.000   0.000  1.00  0.00          AU`;
      expect(() => parsePdb(line, 'bad.pdb')).toThrow(/could not read three coordinates/);
    }
    // the run-together fallback still reads numbers that touch
    const s = parsePdb('ATOM      1 C    STR    95      0.7147-10.5974 -0.3798', 'ok.pdb');
    expect(Array.from(s.positions)).toEqual([0.7147, -10.5974, -0.3798]);
  });

  it('reads the element columns 77–78, CRYST1, TITLE and several models', () => {
    const text = [
      'TITLE     two gold atoms',
      'CRYST1   20.000   21.000   22.000  90.00  90.00  90.00 P 1           1',
      'MODEL        1',
      'HETATM    1 AU1  LIG A   1       1.000   2.000   3.000  1.00  0.00          AU',
      'HETATM    2  CA  CA  A   2       4.000   5.000   6.000  1.00  0.00          CA',
      'ATOM      3  CA  ALA A   3       4.000   5.000   7.500  1.00  0.00           C',
      'ATOM      4 HG12 VAL A   3       4.000   5.000   8.500  1.00  0.00',
      'ENDMDL',
      'MODEL        2',
      'HETATM    1 AU1  LIG A   1       1.500   2.000   3.000  1.00  0.00          AU',
      'ENDMDL',
      'END',
    ].join('\n');
    const [a, b] = parsePdbFrames(text, 'x.pdb', { allModels: true });
    expect(Array.from(a!.numbers)).toEqual([79, 20, 6, 1]);
    expect(a!.title).toBe('two gold atoms');
    expect(a!.cell![4]).toBeCloseTo(21, 9);
    expect(b!.positions[0]).toBe(1.5);
    expect(parsePdbFrames(text)).toHaveLength(1);
  });

  it('errors point at the record', () => {
    const bad = `${NANO}\nATOM      6 C    STR    95      0.7147 abc`;
    try {
      parsePdb(bad, 'bad.pdb');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).location.line).toBe(6);
      expect((e as InputError).hint).toMatch(/columns 31–38/);
    }
    expect(() => parsePdb('HEADER nothing\nEND\n')).toThrow(/no ATOM or HETATM/);
    expect(() => parsePdb('ATOM      1 XX   UNK     1       0.000   0.000   0.000')).toThrow(/element/);
  });

  it('round-trips through writePdb with names, residues and the cell', () => {
    const s = parsePdb(NANO);
    const back = parsePdb(writePdb(s));
    expect(Array.from(back.numbers)).toEqual(Array.from(s.numbers));
    expect(back.labels).toEqual(s.labels);
    expect(back.residues).toEqual(s.residues);
    expect(back.residueIds).toEqual(s.residueIds);
    // 3 decimals in the PDB columns: rounding error ≤ 5e-4 Å
    for (let k = 0; k < s.positions.length; k++)
      expect(Math.abs(back.positions[k]! - s.positions[k]!)).toBeLessThan(6e-4);
    const withCell = createStructure({
      numbers: [79],
      positions: [1, 2, 3],
      cell: cellFromParameters(10, 11, 12, 80, 90, 100),
    });
    const c2 = parsePdb(writePdb(withCell)).cell!;
    for (let k = 0; k < 9; k++) expect(c2[k]).toBeCloseTo(withCell.cell![k]!, 2);
  });
});

describe('GRO', () => {
  // Format per the GROMACS manual: %5d%-5s%5s%5d%8.3f%8.3f%8.3f, nm; box line last.
  const GRO = [
    'Au2 thiolate fragment',
    '    5',
    '    1PET      S    1   3.318   3.648   2.231',
    '    1PET    CA1    2   3.324   3.486   2.316',
    '    1PET    HB1    3   3.194   3.407   2.343',
    '    2CLU     Au    4   4.016   3.330   1.663',
    '    3NA      NA    5   1.000   1.000   1.000',
    '   4.92381   4.92381   4.92381',
  ].join('\n');
  it('reads nm as Å, atom names as elements, residues and the box', () => {
    const s = parseGro(GRO, 'x.gro');
    expect(Array.from(s.numbers)).toEqual([16, 6, 1, 79, 11]);
    expect(s.positions[0]).toBeCloseTo(33.18, 10);
    expect(s.residues).toEqual(['PET', 'PET', 'PET', 'CLU', 'NA']);
    expect(s.residueIds).toEqual([1, 1, 1, 2, 3]);
    expect(s.cell![0]).toBeCloseTo(49.2381, 10);
    expect(s.title).toBe('Au2 thiolate fragment');
  });
  it('round-trips and reports truncation', () => {
    const s = parseGro(GRO);
    const back = parseGro(writeGro(s));
    for (let k = 0; k < s.positions.length; k++) expect(back.positions[k]).toBeCloseTo(s.positions[k]!, 6);
    expect(Array.from(back.numbers)).toEqual(Array.from(s.numbers));
    expect(() => parseGro(GRO.split('\n').slice(0, 5).join('\n'))).toThrow(InputError);
    expect(() => parseGro(GRO.replace('3.648', '3.6x8'))).toThrow(/x, y, z/);
  });
});

describe('extended XYZ', () => {
  const EXT = [
    '2',
    'Lattice="10.0 0.0 0.0 0.0 11.0 0.0 0.0 0.0 12.0" Properties=species:S:1:pos:R:3:forces:R:3:fixed:L:1 energy=-3.5 charge=-1 pbc="T T T" comment="a b"',
    'Au 0.0 0.0 0.0 0.1 0.2 0.3 T',
    'S  2.3 0.0 0.0 -0.1 -0.2 -0.3 F',
  ].join('\n');
  it('reads Lattice, Properties, charge and info', () => {
    const [f] = parseExtxyzFrames(EXT);
    expect(f!.structure.cell![4]).toBe(11);
    expect(f!.structure.charge).toBe(-1);
    expect(f!.info.energy).toBe(-3.5);
    expect(f!.info.comment).toBe('a b');
    expect(f!.arrays.forces).toEqual([0.1, 0.2, 0.3, -0.1, -0.2, -0.3]);
    expect(f!.arrays.fixed).toEqual([true, false]);
    expect(f!.structure.positions[3]).toBe(2.3);
  });
  it('round-trips through writeExtxyz (cell and charge kept)', () => {
    const s = parseExtxyz(EXT)[0]!;
    const [f] = parseExtxyzFrames(writeExtxyz(s, { energy: -3.5, note: 'x y' }));
    const back = f!.structure;
    expect(back.charge).toBe(-1);
    expect(Array.from(back.cell!)).toEqual(Array.from(s.cell!));
    expect(f!.info.note).toBe('x y');
    // the title is the comment= value, written back as comment="…" (was the whole key=value line)
    expect(s.title).toBe('a b');
    expect(back.title).toBe('a b');
    const quoted = createStructure({ numbers: [79], positions: [0, 0, 0], title: 'Au "25" \\ core' });
    expect(parseExtxyz(writeExtxyz(quoted))[0]!.title).toBe('Au "25" \\ core');
    // no comment= key: no title
    expect(parseExtxyz(EXT.replace(' comment="a b"', ''))[0]!.title).toBeUndefined();
  });
  it('errors on malformed headers', () => {
    expect(() => parseExtxyz(EXT.replace('comment="a b"', 'comment="a b'))).toThrow(/never closed/);
    expect(() => parseExtxyz(EXT.replace('Lattice="10.0 ', 'Lattice="'))).toThrow(/9 numbers/);
    // acceptance test: a flat cell names the line and the Lattice key (was an error with no location)
    try {
      parseExtxyz(EXT.replace('0.0 0.0 12.0"', '0.0 0.0 0.0"'), 'flat.extxyz');
      expect.unreachable('a flat cell must be refused');
    } catch (e) {
      expect((e as InputError).message).toMatch(/enclose no volume/);
      expect((e as InputError).location).toMatchObject({ line: 2, column: 1, inputName: 'flat.extxyz' });
    }
    expect(() => parseExtxyz(EXT.replace('forces:R:3', 'forces:Q:3'))).toThrow(/bad property/);
    expect(() => parseExtxyz(EXT.replace(' T\n', ' maybe\n'))).toThrow(/T or F/);
    expect(() => parseExtxyz(EXT.replace('charge=-1', 'charge=minus'))).toThrow(/charge/);
  });
});

describe('registry', () => {
  const ico = mackayIcosahedron(1, { z: 79, bond: 2.884 });
  it('chooses by extension, then by sniffing', () => {
    expect(detectFormat(NANO, 'a.pdb').name).toBe('pdb');
    expect(detectFormat(NANO, 'noext').name).toBe('pdb');
    expect(detectFormat(writeXyz13(), 'noext').name).toBe('xyz');
    expect(detectFormat(writeStructure(ico, 'extxyz'), 'x').name).toBe('extxyz');
    expect(detectFormat(writeStructure(ico, 'cif'), 'x').name).toBe('cif');
    expect(detectFormat(writeStructure(ico, 'gro'), 'x').name).toBe('gro');
    expect(() => detectFormat('hello world', 'x.txt')).toThrow(/cannot tell the format/);
    expect(() => readStructure('1\n\nAu 0 0 0\n', 'x', 'mol2')).toThrow(/unknown format/);
  });
  it('every writer round-trips an icosahedron through readStructure', () => {
    for (const f of FORMATS) {
      if (!f.write) continue;
      const text = writeStructure(ico, `out.${f.extensions[0]}`);
      const back = readStructure(text, `in.${f.extensions[0]}`);
      expect(back.numbers.length, f.name).toBe(13);
      // PDB and GRO keep 3 decimals (of Å and nm); the others at least 6
      const tol = f.name === 'gro' ? 0.006 : f.name === 'pdb' ? 0.0006 : 1e-5;
      // CIF boxes a molecule without a cell: compare up to translation
      const shift = [0, 1, 2].map((k) => back.positions[k]! - ico.positions[k]!);
      for (let i = 0; i < 13; i++)
        for (let k = 0; k < 3; k++)
          expect(
            Math.abs(back.positions[3 * i + k]! - shift[k]! - ico.positions[3 * i + k]!),
            f.name,
          ).toBeLessThan(tol);
    }
    expect(() => writeStructure(ico, 'x.mol2')).toThrow(/unknown output format/);
  });
  it('reads multi-frame xyz as several structures', () => {
    expect(readStructures(writeStructure([ico, ico], 'xyz'), 'a.xyz')).toHaveLength(2);
  });
  function writeXyz13() {
    return writeStructure(ico, 'xyz');
  }
});

describe('fuzz: every parser either parses or throws InputError, never NaN (fixed seed)', () => {
  const seeds = [
    NANO,
    writeStructure(mackayIcosahedron(1, { z: 79, bond: 2.884 }), 'gro'),
    writeStructure(mackayIcosahedron(1, { z: 79, bond: 2.884 }), 'extxyz'),
    writeStructure(mackayIcosahedron(1, { z: 79, bond: 2.884 }), 'poscar'),
    [
      'water',
      '  superato12042620503D',
      '',
      '  3  2  0  0  0  0  0  0  0  0999 V2000',
      '    0.0000    0.0000    0.0000 O   0  0  0  0  0  0  0  0  0  0  0  0',
      '    0.9572    0.0000    0.0000 H   0  3  0  0  0  0  0  0  0  0  0  0',
      '   -0.2400    0.9266    0.0000 H   0  0  0  0  0  0  0  0  0  0  0  0',
      '  1  2  1  0',
      '  1  3  1  0',
      'M  CHG  1   1   1',
      'M  END',
      '$$$$',
    ].join('\n'),
  ];
  const mutate = (base: string) =>
    fc
      .array(fc.tuple(fc.nat(base.length), fc.string({ maxLength: 5 }), fc.nat(4)), { maxLength: 6 })
      .map((edits) => {
        let t = base;
        for (const [pos, ins, del] of edits) t = t.slice(0, pos) + ins + t.slice(pos + del);
        return t;
      });
  for (const f of FORMATS) {
    it(f.name, () => {
      fc.assert(
        fc.property(fc.oneof(fc.string({ maxLength: 150 }), ...seeds.map(mutate)), (text) => {
          try {
            for (const s of f.parse(text, 'fuzz'))
              for (const v of s.positions) expect(Number.isFinite(v)).toBe(true);
          } catch (e) {
            if (!(e instanceof InputError)) throw e;
          }
        }),
        { numRuns: 600, seed: 17 },
      );
    });
  }
});
