import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { createStructure } from '../structure/structure.js';
import { parsePoscar, writePoscar } from './poscar.js';
import { detectFormat, readStructure, writeStructure } from './registry.js';

/**
 * The example of the VASP wiki (POSCAR page): cubic boron nitride, fcc primitive cell with
 * a = 3.57 Å, B at 0 and N at ¼(a1 + a2 + a3). Zincblende geometry (independent of the code):
 * the B–N bond is a√3/4 = 1.5459 Å and N sits at (a/4)(1, 1, 1) = 0.8925 Å on each axis.
 */
const BN_DIRECT = `Cubic BN
   3.57
 0.0 0.5 0.5
 0.5 0.0 0.5
 0.5 0.5 0.0
   B N
   1 1
Direct
 0.00 0.00 0.00
 0.25 0.25 0.25
`;
const BN_SELECTIVE = `Cubic BN
   3.57
 0.0 0.5 0.5
 0.5 0.0 0.5
 0.5 0.5 0.0
   B N
   1 1
Selective dynamics
Cartesian
 0.00 0.00 0.00 T T F
 0.25 0.25 0.25 F F F
Cartesian
 0.01 0.01 0.01
 0.00 0.00 0.00
`;
/** Ammonia crystal in the pre-VASP 5 layout (symbols only on line 1), from the mctc-lib format-vasp.md docs (first atoms). */
const NH3_VASP4 = ` H  N
 1.0000000000000000
     5.0133599999999996    0.0000000000000000    0.0000000000000000
     0.0000000000000000    5.0133599999999996    0.0000000000000000
     0.0000000000000000    0.0000000000000000    5.0133599999999996
   3   1
Cartesian
  2.1985588943999996  1.7639005823999998  0.8801454815999999
  1.7639005823999998  0.8801454815999999  2.1985588943999996
  0.8801454815999999  2.1985588943999996  1.7639005823999998
  1.3746131783999997  1.3746131783999997  1.3746131783999997
`;

function expectBN(text: string) {
  const s = parsePoscar(text, 'POSCAR');
  expect(Array.from(s.numbers)).toEqual([5, 7]);
  expect(s.title).toBe('Cubic BN');
  for (let k = 0; k < 3; k++) expect(s.positions[3 + k]).toBeCloseTo(3.57 / 4, 12);
  const d = Math.hypot(
    s.positions[3]! - s.positions[0]!,
    s.positions[4]! - s.positions[1]!,
    s.positions[5]! - s.positions[2]!,
  );
  expect(d).toBeCloseTo((3.57 * Math.sqrt(3)) / 4, 12);
  expect(Array.from(s.cell!)).toEqual([0, 1.785, 1.785, 1.785, 0, 1.785, 1.785, 1.785, 0]);
}

function caught(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

describe('POSCAR / CONTCAR', () => {
  it('reads the VASP wiki example, Direct and Cartesian with selective dynamics', () => {
    expectBN(BN_DIRECT);
    expectBN(BN_SELECTIVE);
  });

  it('a negative scale is the cell volume; three scales act on x, y, z', () => {
    // volume of the fcc primitive cell: a³/4
    expectBN(BN_DIRECT.replace('   3.57', `  -${(3.57 ** 3 / 4).toPrecision(15)}`));
    expectBN(BN_DIRECT.replace('   3.57', '   3.57 3.57 3.57'));
    const s = parsePoscar(BN_SELECTIVE.replace('   3.57', '   1 2 3'));
    expect(Array.from(s.cell!)).toEqual([0, 1, 1.5, 0.5, 0, 1.5, 0.5, 1, 0]);
    expect(Array.from(s.positions.subarray(3))).toEqual([0.25, 0.5, 0.75]);
  });

  it('VASP 4 files take their symbols from line 1, or from options, or are refused with a hint', () => {
    const s = parsePoscar(NH3_VASP4);
    expect(Array.from(s.numbers)).toEqual([1, 1, 1, 7]);
    expect(s.positions[0]).toBe(2.1985588943999996);
    const noSymbols = NH3_VASP4.replace(' H  N', 'ammonia');
    const e = caught(() => parsePoscar(noSymbols, 'POSCAR'));
    expect(e.code).toBe('poscar-symbols');
    expect(e.location.line).toBe(6);
    expect(e.hint).toMatch(/insert a line with the 2 element symbols/);
    expect(Array.from(parsePoscar(noSymbols, 'POSCAR', { elements: ['H', 'N'] }).numbers)).toEqual([
      1, 1, 1, 7,
    ]);
  });

  it('reads POTCAR-style species names', () => {
    const s = parsePoscar(BN_DIRECT.replace('   B N', '   B_s N_h/GW'));
    expect(Array.from(s.numbers)).toEqual([5, 7]);
  });

  it('errors say what and where', () => {
    expect(caught(() => parsePoscar(BN_DIRECT.replace('Direct\n', ''))).hint).toMatch(/add "Direct"/);
    expect(caught(() => parsePoscar(BN_DIRECT.replace('   B N', '   B Xx'))).location).toMatchObject({
      line: 6,
      column: 6,
    });
    expect(caught(() => parsePoscar(BN_DIRECT.replace('   1 1', '   1 2'))).code).toBe('poscar-truncated');
    expect(caught(() => parsePoscar(BN_DIRECT.replace('   1 1', '   1'))).message).toMatch(
      /2 element symbols but 1 atom count/,
    );
    expect(caught(() => parsePoscar(BN_SELECTIVE.replace('T T F', 'T T'))).code).toBe('poscar-selective');
    expect(caught(() => parsePoscar(BN_DIRECT.replace(' 0.5 0.5 0.0', ' 0.5 0.5 x'))).location.line).toBe(5);
    expect(
      caught(() =>
        parsePoscar(
          BN_DIRECT.replace(' 0.5 0.5 0.0', ' 0.5 0.5 0.5').replace(' 0.5 0.0 0.5', ' 0.5 0.5 0.5'),
        ),
      ).code,
    ).toBe('poscar-lattice');
    expect(caught(() => parsePoscar(BN_DIRECT.replace('   3.57', '   0'))).code).toBe('poscar-scale');
    expect(caught(() => parsePoscar(BN_DIRECT.replace('   3.57', '   1e9'))).code).toBe('coordinate-range');
    expect(caught(() => parsePoscar('')).code).toBe('poscar-empty');
  });

  it('writes VASP 5 with the cell, keeps the atom order (species as runs) and reads back', () => {
    const s = createStructure({
      numbers: [79, 79, 16, 79],
      positions: [0, 0, 0, 2.884, 0, 0, 1.2, 1.9, 0.1, -1e6, 1e6, 3],
      cell: [20, 0, 0, 1, 21, 0, 0, 2, 22],
      title: 'Au3S test',
    });
    const text = writePoscar(s);
    expect(text.split('\n')[5]!.trim().split(/\s+/)).toEqual(['Au', 'S', 'Au']);
    const back = parsePoscar(text);
    expect(Array.from(back.numbers)).toEqual([79, 79, 16, 79]);
    expect(Array.from(back.cell!)).toEqual(Array.from(s.cell!));
    for (let k = 0; k < 12; k++) expect(back.positions[k]).toBeCloseTo(s.positions[k]!, 9);
    expect(back.title).toBe('Au3S test');
    // no cell: an orthogonal box of the extent + 10 Å
    const mol = parsePoscar(
      writePoscar(createStructure({ numbers: [8, 1], positions: [0, 0, 0, 0.9572, 0, 0] })),
    );
    expect(Array.from(mol.cell!)).toEqual([10.9572, 0, 0, 0, 10, 0, 0, 0, 10]);
    expect(() => writePoscar(createStructure({ numbers: [1], positions: [2e6, 0, 0] }))).toThrow(
      /outside the range/,
    );
  });

  it('the registry picks POSCAR by name, extension or content', () => {
    for (const name of [
      'POSCAR',
      'CONTCAR',
      'CONTCAR_relaxed',
      'POSCAR-001',
      'dir/POSCAR.orig',
      'x.vasp',
      'noname',
    ])
      expect(detectFormat(BN_DIRECT, name).name, name).toBe('poscar');
    expect(detectFormat(NH3_VASP4, 'noname').name).toBe('poscar');
    expect(
      readStructure(writeStructure(readStructure(BN_SELECTIVE, 'CONTCAR'), 'POSCAR'), 'POSCAR').numbers
        .length,
    ).toBe(2);
    expect(writeStructure(readStructure(BN_DIRECT, 'POSCAR'), 'out/CONTCAR_1')).toMatch(/^Cubic BN\n/);
  });

  it('fuzz: random or mutated text parses or throws InputError, never a non-finite or out-of-bound coordinate', () => {
    const mutate = (base: string) =>
      fc
        .array(fc.tuple(fc.nat(base.length), fc.string({ maxLength: 4 }), fc.nat(3)), { maxLength: 6 })
        .map((edits) => {
          let t = base;
          for (const [pos, ins, del] of edits) t = t.slice(0, pos) + ins + t.slice(pos + del);
          return t;
        });
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 200 }), mutate(BN_DIRECT), mutate(BN_SELECTIVE), mutate(NH3_VASP4)),
        (text) => {
          try {
            const s = parsePoscar(text, 'fuzz');
            for (const v of s.positions) expect(Math.abs(v) <= 1e6).toBe(true);
          } catch (e) {
            if (!(e instanceof InputError)) throw e;
          }
        },
      ),
      { numRuns: 1500, seed: 4242 },
    );
  });
});
