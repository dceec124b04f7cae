import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { createStructure } from '../structure/structure.js';
import { parseXyz, writeXyz } from './xyz.js';

const WATER = `3
water, O-H 0.9572 A
O   0.000000  0.000000  0.117300
H   0.000000  0.757200 -0.469200
H   0.000000 -0.757200 -0.469200
`;

describe('parseXyz', () => {
  it('reads a single frame with title and coordinates', () => {
    const [s] = parseXyz(WATER);
    expect(s!.numbers).toEqual(new Uint8Array([8, 1, 1]));
    expect(s!.title).toBe('water, O-H 0.9572 A');
    expect(s!.positions[4]).toBeCloseTo(0.7572, 12);
    expect(s!.labels).toBeUndefined();
  });

  it('reads several frames, blank lines between them, CRLF endings', () => {
    const text = `${WATER}\n${WATER.replace('water', 'frame 2')}`.replace(/\n/g, '\r\n');
    const frames = parseXyz(text);
    expect(frames).toHaveLength(2);
    expect(frames[1]!.title).toMatch(/^frame 2/);
  });

  it('accepts upper case, labels, atomic numbers, Fortran exponents and extra columns', () => {
    const text = '4\n\nAU 0 0 0 0.1\nau1 1.0D0 0 0\n79 2 0 0\nS12 3 0 0 extra\n';
    const [s] = parseXyz(text);
    expect(Array.from(s!.numbers)).toEqual([79, 79, 79, 16]);
    expect(s!.positions[3]).toBe(1);
    expect(s!.labels).toEqual(['AU', 'au1', '79', 'S12']);
  });

  it('gives line, column and hint for a bad coordinate', () => {
    const text = '2\n\nAu 0 0 0\nAu 1 x2 0\n';
    try {
      parseXyz(text, 'bad.xyz');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      const err = e as InputError;
      expect(err.location.line).toBe(4);
      expect(err.location.column).toBe(6);
      expect(err.location.inputName).toBe('bad.xyz');
      expect(err.hint).toBeTruthy();
      expect(err.render()).toContain('^^');
    }
  });

  it('reports a truncated frame and an unknown element', () => {
    expect(() => parseXyz('3\n\nAu 0 0 0\n')).toThrow(/declares 3 atoms/);
    expect(() => parseXyz('1\n\nXx 0 0 0\n')).toThrow(/unknown element "Xx"/);
    expect(() => parseXyz('')).toThrow(InputError);
    expect(() => parseXyz('Au 0 0 0')).toThrow(/number of atoms/);
  });

  it('a file without its count line gets a hint at line 1 (issue 9.11)', () => {
    try {
      parseXyz('O 0.0 0.0 0.1173\nH 0.0 0.7572 -0.4692\nH 0.0 -0.7572 -0.4692\n', 'nocount.xyz');
      expect.unreachable();
    } catch (e) {
      const err = e as InputError;
      expect(err).toBeInstanceOf(InputError);
      expect(err.location).toMatchObject({ line: 1, column: 1 });
      expect(err.message).toMatch(/starts with an atom line/);
      expect(err.hint).toMatch(/add the atom count as line 1 and a comment line/);
    }
  });

  it('reads trailing VEC1–VEC3 lattice lines as the cell, counted or not (issue 9.11)', () => {
    // two-atom cell of bcc Fe, a = 2.8665 Å (Kittel, Introduction to Solid State Physics, table 1.3)
    const body = 'Fe 0 0 0\nFe 1.43325 1.43325 1.43325\nVEC1 2.8665 0 0\nVEC2 0 2.8665 0\nVEC3 0 0 2.8665\n';
    for (const count of ['2', '5']) {
      const frames = parseXyz(
        `${count}\nbcc Fe\n${body}${count === '2' ? body.replace('bcc', 'x').replace(/^/, '2\nframe 2\n') : ''}`,
      );
      expect(frames[0]!.numbers.length).toBe(2);
      expect(Array.from(frames[0]!.cell!)).toEqual([2.8665, 0, 0, 0, 2.8665, 0, 0, 0, 2.8665]);
      if (count === '2') expect(frames[1]!.cell![8]).toBe(2.8665);
    }
    expect(() => parseXyz(`2\n\n${body.replace(/VEC3.*\n/, '')}`)).toThrow(/not VEC3/);
    expect(() => parseXyz(`2\n\n${body.replace('VEC2 0 2.8665 0', 'VEC2 0 x 0')}`)).toThrow(/three numbers/);
    expect(() => parseXyz(`2\n\n${body.replace('VEC2 0 2.8665 0', 'VEC2 2.8665 0 0')}`)).toThrow(/no volume/);
  });

  it('round-trips through writeXyz', () => {
    const s = createStructure({ numbers: [79, 16], positions: [0.1234567, -2, 3, 4, 5, -6.5], title: 'x' });
    const text = writeXyz([s, s], ['a', 'b']);
    const back = parseXyz(text);
    expect(back).toHaveLength(2);
    expect(back[1]!.title).toBe('b');
    expect(back[0]!.positions[0]).toBeCloseTo(0.123457, 6);
    expect(writeXyz(s)).toMatch(/^2\nx\nAu /);
  });

  it('fuzz: random or mutated text parses or throws InputError, never NaN', () => {
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
        fc.oneof(
          fc.string({ maxLength: 200 }),
          mutate(WATER),
          mutate(`${WATER}${WATER}`),
          mutate('2\n\nFe 0 0 0\nFe 1.4 1.4 1.4\nVEC1 2.8 0 0\nVEC2 0 2.8 0\nVEC3 0 0 2.8\n'),
        ),
        (text) => {
          try {
            const frames = parseXyz(text);
            for (const f of frames) for (const v of f.positions) expect(Number.isFinite(v)).toBe(true);
          } catch (e) {
            expect(e).toBeInstanceOf(InputError);
          }
        },
      ),
      { numRuns: 1500, seed: 917 },
    );
  });
});
