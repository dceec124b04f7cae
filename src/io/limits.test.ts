/**
 * Issue 17.2 and 17.7: readers refuse coordinates beyond ±1e6 Å (and non-finite ones) with the
 * line and column; writers refuse values their fixed columns cannot hold and round-trip at the
 * edges of their ranges. The ranges come from the format definitions, not from the code:
 * PDB v3.3 ATOM/HETATM x, y, z are Real(8.3) in columns 31–54 (wwPDB format guide §9);
 * GROMACS .gro x, y, z are %8.3f in nm (GROMACS manual, file formats, gro).
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { createStructure, type Structure } from '../structure/structure.js';
import { MAX_COORDINATE_A } from './common.js';
import { parseExtxyz, writeExtxyz } from './extxyz.js';
import { parseGro, parseGroFrames, writeGro } from './gro.js';
import { parsePdb, writePdb } from './pdb.js';
import { parseXyz, writeXyz } from './xyz.js';

function caught(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

const one = (x: number, y = 0, z = 0, z0 = 79): Structure =>
  createStructure({ numbers: [z0, 16], positions: [x, y, z, 1, 2, 3] });

describe('readers refuse coordinates beyond the physical bound (17.2)', () => {
  it('xyz: 1e10 Å and 1e160 Å are errors at line and column; 1e6 Å is accepted', () => {
    for (const big of ['1e10', '1e160', '-2000000.0']) {
      const e = caught(() => parseXyz(`2\n\nAu 0 0 0\nS 1 ${big} 0\n`, 'far.xyz'));
      expect(e.code).toBe('coordinate-range');
      expect(e.location).toMatchObject({ line: 4, column: 5, inputName: 'far.xyz' });
      expect(e.message).toMatch(/y of atom 2/);
      expect(e.hint).toMatch(/Å/);
    }
    expect(parseXyz(`1\n\nAu ${MAX_COORDINATE_A} 0 0\n`)[0]!.positions[0]).toBe(1e6);
    // 1e400 overflows a double: not a number at all
    expect(() => parseXyz('1\n\nAu 1e400 0 0\n')).toThrow(InputError);
  });
  it('extxyz, pdb and gro refuse them too (gro after nm → Å)', () => {
    expect(caught(() => parseExtxyz('1\nProperties=species:S:1:pos:R:3\nAu 0 0 1e30\n')).code).toBe(
      'coordinate-range',
    );
    expect(
      caught(() => parseExtxyz('1\nLattice="1e9 0 0 0 1 0 0 0 1" Properties=species:S:1:pos:R:3\nAu 0 0 0\n'))
        .code,
    ).toBe('coordinate-range');
    const pdb = caught(() =>
      parsePdb(writePdb(one(1)).split('\n')[0]!.replace('   1.000', '   1e155'), 'x.pdb'),
    );
    expect(pdb.code).toBe('coordinate-range');
    expect(pdb.location).toMatchObject({ line: 1, column: 31 });
    const gro = caught(() =>
      parseGro('t\n    1\n    1CLU     Au    1  1e6   0.000   0.000\n   1.0   1.0   1.0\n', 'x.gro'),
    );
    expect(gro.code).toBe('coordinate-range');
    const cryst = caught(() =>
      parsePdb(
        `CRYST1 2e+9000   20.000   20.000  90.00  90.00  90.00 P 1           1\n${writePdb(one(1)).split('\n')[0]}`.replace(
          '2e+9000',
          '  2.0e09',
        ),
        'cell.pdb',
      ),
    );
    expect(cryst.code).toBe('coordinate-range');
    expect(cryst.message).toMatch(/cell length a/);
    expect(gro.message).toMatch(/x of atom 1 \(Au\)/);
  });
});

describe('writers hold their limits and round-trip at them (17.7)', () => {
  it('PDB: −999.999 and 9999.999 Å round-trip; −1000 and 10 000 Å are refused naming the atom', () => {
    const s = createStructure({
      numbers: [79, 16, 6],
      positions: [9999.999, -999.999, 0.0004, -999.9994, 9999.9994, 1234.5678, 0, 0, 0],
      labels: ['Au1234567', 'S_long_label', 'C'],
      residues: ['LIGAND', 'LIGAND', 'LIGAND'],
    });
    const back = parsePdb(writePdb(s));
    expect(Array.from(back.numbers)).toEqual([79, 16, 6]);
    for (let k = 0; k < 9; k++)
      expect(Math.abs(back.positions[k]! - s.positions[k]!)).toBeLessThanOrEqual(5e-4 + 1e-9);
    for (const x of [10000, -1000, 9999.9996, -999.9996]) {
      const e = caught(() => writePdb(one(0, x)));
      expect(e.code).toBe('write-range');
      expect(e.message).toMatch(/y of atom 1 \(Au\)/);
      expect(e.hint).toMatch(/xyz/);
    }
  });

  it('PDB: more than 99 999 atoms write and read back (serials wrap modulo 100 000)', () => {
    const n = 100_002;
    const numbers = new Uint8Array(n).fill(79);
    const positions = new Float64Array(3 * n);
    for (let i = 0; i < n; i++) positions[3 * i] = (i % 1000) * 3;
    const text = writePdb(
      createStructure({ numbers, positions, residueIds: Array.from({ length: n }, (_, i) => i) }),
    );
    const lines = text.split('\n');
    expect(lines[99_999]!.slice(6, 11)).toBe('    0'); // atom 100 000
    const back = parsePdb(text);
    expect(back.numbers.length).toBe(n);
    expect(back.positions[3 * 100_001]).toBe(positions[3 * 100_001]);
  });

  it('GRO: ±(column edge) round-trip; one step beyond is refused; names that would change the element are not kept', () => {
    // 9999.999 nm = 99 999.99 Å and −999.999 nm = −9999.99 Å are the widest %8.3f values
    const s = createStructure({
      numbers: [79, 20, 6],
      positions: [99999.99, -9999.99, 0, 0, 0, 1, 1, 1, 1],
      labels: ['Au1234567', 'CA', 'C'],
      title: '   ',
    });
    const back = parseGro(writeGro(s));
    expect(Array.from(back.numbers)).toEqual([79, 20, 6]); // 'CA' would read back as carbon
    expect(back.positions[0]).toBeCloseTo(99999.99, 6);
    expect(back.positions[1]).toBeCloseTo(-9999.99, 6);
    for (const x of [100000, -10000]) {
      const e = caught(() => writeGro(one(x)));
      expect(e.code).toBe('write-range');
      expect(e.message).toMatch(/x of atom 1 \(Au\)/);
    }
  });

  it('GRO: more than 99 999 atoms write and read back (numbers wrap)', () => {
    const n = 100_001;
    const numbers = new Uint8Array(n).fill(8);
    const positions = new Float64Array(3 * n);
    for (let i = 0; i < n; i++) positions[3 * i + 1] = (i % 500) * 3;
    const frames = parseGroFrames(writeGro(createStructure({ numbers, positions })));
    expect(frames).toHaveLength(1);
    expect(frames[0]!.numbers.length).toBe(n);
  });

  it('XYZ and extXYZ: ±1e6 Å round-trip, beyond is refused before writing', () => {
    const s = one(1e6, -1e6, 0.000001);
    expect(parseXyz(writeXyz(s))[0]!.positions[1]).toBe(-1e6);
    expect(parseExtxyz(writeExtxyz(s))[0]!.positions[0]).toBe(1e6);
    expect(caught(() => writeXyz(one(1e7))).code).toBe('write-range');
    expect(caught(() => writeExtxyz(one(0, 0, -1e30))).message).toMatch(/z of atom 1 \(Au\)/);
    const cell = createStructure({
      numbers: [79],
      positions: [0, 0, 0],
      cell: [1e7, 0, 0, 0, 1, 0, 0, 0, 1],
    });
    expect(caught(() => writeExtxyz(cell)).code).toBe('write-range');
  });
});
