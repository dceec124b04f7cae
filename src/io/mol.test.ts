import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { parseMolFrames } from './mol.js';
import { detectFormat, readStructures } from './registry.js';

/** One V2000 atom line: x, y, z in columns 1–30, symbol 32–34, mass difference 35–36, charge code 37–39. */
const atom = (x: number, y: number, z: number, sym: string, chargeCode = 0) =>
  `${x.toFixed(4).padStart(10)}${y.toFixed(4).padStart(10)}${z.toFixed(4).padStart(10)} ${sym.padEnd(3)} 0${String(chargeCode).padStart(3)}  0  0  0  0  0  0  0  0  0  0`;
const bond = (a: number, b: number, t = 1) =>
  `${String(a).padStart(3)}${String(b).padStart(3)}${String(t).padStart(3)}  0`;
/** Header line 2: user initials (2), program (8), date/time MMDDYYHHmm (10), dimensional code (2) in columns 21–22. */
const PROGRAM_LINE = '  superato12042620503D';
const counts = (a: number, b: number) =>
  `${String(a).padStart(3)}${String(b).padStart(3)}  0  0  0  0  0  0  0  0999 V2000`;

/**
 * Water at its experimental gas-phase geometry, r(O–H) = 0.9572 Å and ∠HOH = 104.52° (Hoy & Bunker,
 * J. Mol. Spectrosc. 74, 1 (1979)); coordinates built here from r and the angle.
 */
const R_OH = 0.9572;
const HOH = (104.52 * Math.PI) / 180;
const WATER = [
  'water',
  PROGRAM_LINE,
  '',
  counts(3, 2),
  atom(0, 0, 0, 'O'),
  atom(R_OH, 0, 0, 'H'),
  atom(R_OH * Math.cos(HOH), R_OH * Math.sin(HOH), 0, 'H'),
  bond(1, 2),
  bond(1, 3),
  'M  END',
].join('\n');

/** Benzene, D6h, r(C–C) = 1.39 Å, r(C–H) = 1.09 Å (textbook values); the C6 ring radius equals r(C–C). */
function benzene(name = 'benzene'): string {
  const lines = [name, PROGRAM_LINE, '', counts(12, 12)];
  for (let k = 0; k < 6; k++)
    lines.push(atom(1.39 * Math.cos((k * Math.PI) / 3), 1.39 * Math.sin((k * Math.PI) / 3), 0, 'C'));
  for (let k = 0; k < 6; k++)
    lines.push(atom(2.48 * Math.cos((k * Math.PI) / 3), 2.48 * Math.sin((k * Math.PI) / 3), 0, 'H'));
  for (let k = 0; k < 6; k++) lines.push(bond(k + 1, ((k + 1) % 6) + 1, k % 2 ? 1 : 2));
  for (let k = 0; k < 6; k++) lines.push(bond(k + 1, k + 7));
  lines.push('M  END');
  return lines.join('\n');
}

/** Ammonium, Td, r(N–H) = 1.03 Å: H at (±1, ±1, ±1)·r/√3 with an even number of minus signs. */
function ammonium(chargeLines: string[], nCode = 0): string {
  const c = 1.03 / Math.sqrt(3);
  return [
    'ammonium',
    '',
    '',
    counts(5, 4),
    atom(0, 0, 0, 'N', nCode),
    atom(c, c, c, 'H'),
    atom(c, -c, -c, 'H'),
    atom(-c, c, -c, 'H'),
    atom(-c, -c, c, 'H'),
    bond(1, 2),
    bond(1, 3),
    bond(1, 4),
    bond(1, 5),
    ...chargeLines,
    'M  END',
  ].join('\n');
}

const dist = (p: Float64Array, i: number, j: number) =>
  Math.hypot(p[3 * i]! - p[3 * j]!, p[3 * i + 1]! - p[3 * j + 1]!, p[3 * i + 2]! - p[3 * j + 2]!);

function caught(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

describe('MOL / SDF V2000', () => {
  it('reads water: elements, title, bond lengths and angle as built', () => {
    const [s] = parseMolFrames(WATER, 'water.mol');
    expect(Array.from(s!.numbers)).toEqual([8, 1, 1]);
    expect(s!.title).toBe('water');
    expect(s!.charge).toBe(0);
    expect(dist(s!.positions, 0, 1)).toBeCloseTo(R_OH, 4);
    expect(dist(s!.positions, 0, 2)).toBeCloseTo(R_OH, 4);
    const cos =
      (s!.positions[3]! * s!.positions[6]! + s!.positions[4]! * s!.positions[7]!) /
      (dist(s!.positions, 0, 1) * dist(s!.positions, 0, 2));
    expect((Math.acos(cos) * 180) / Math.PI).toBeCloseTo(104.52, 2);
  });

  it('reads benzene: six C–C of 1.39 Å and six C–H of 1.09 Å', () => {
    const [s] = parseMolFrames(benzene());
    expect(Array.from(s!.numbers)).toEqual([6, 6, 6, 6, 6, 6, 1, 1, 1, 1, 1, 1]);
    for (let k = 0; k < 6; k++) {
      expect(dist(s!.positions, k, (k + 1) % 6)).toBeCloseTo(1.39, 3);
      expect(dist(s!.positions, k, k + 6)).toBeCloseTo(1.09, 3);
    }
  });

  it('charges: the atom-block code, and M  CHG superseding it', () => {
    expect(parseMolFrames(ammonium([], 3))[0]!.charge).toBe(1); // code 3 = +1
    expect(parseMolFrames(ammonium(['M  CHG  1   1   1']))[0]!.charge).toBe(1);
    // the specification: M  CHG supersedes every atom-block charge (code 5 = −1 is ignored)
    expect(parseMolFrames(ammonium(['M  CHG  1   1   1'], 5))[0]!.charge).toBe(1);
    expect(parseMolFrames(ammonium(['M  CHG  2   1   1   2  -1']))[0]!.charge).toBe(0);
    expect(caught(() => parseMolFrames(ammonium(['M  CHG  1   9   1']))).message).toMatch(/names atom 9/);
    expect(caught(() => parseMolFrames(ammonium([], 8))).code).toBe('mol-charge');
  });

  it('SD files: each record is a frame; data items and $$$$ separate them', () => {
    const sdf = `${WATER}\n> <energy>\n-76.4\n\n$$$$\n${benzene('C6H6')}\n> <note>\nM  END inside data is data\n\n$$$$\n`;
    const frames = parseMolFrames(sdf, 'two.sdf');
    expect(frames.map((f) => f.title)).toEqual(['water', 'C6H6']);
    expect(frames[1]!.numbers.length).toBe(12);
    expect(readStructures(sdf, 'two.sdf')).toHaveLength(2);
    expect(detectFormat(sdf, 'noext').name).toBe('mol');
  });

  it('V3000: atoms, continuation lines and CHG=', () => {
    const v3000 = [
      'hydronium',
      PROGRAM_LINE,
      '',
      '  0  0  0     0  0            999 V3000',
      'M  V30 BEGIN CTAB',
      'M  V30 COUNTS 4 3 0 0 0',
      'M  V30 BEGIN ATOM',
      'M  V30 1 O 0 0 0.1 0 CHG=1',
      'M  V30 2 H 0.95 0 -0.2 0',
      'M  V30 3 H -0.475 0.8227 -0.2 -',
      'M  V30 0',
      'M  V30 4 D -0.475 -0.8227 -0.2 0',
      'M  V30 END ATOM',
      'M  V30 END CTAB',
      'M  END',
    ].join('\n');
    const [s] = parseMolFrames(v3000);
    expect(Array.from(s!.numbers)).toEqual([8, 1, 1, 1]);
    expect(s!.charge).toBe(1);
    expect(s!.positions[7]).toBeCloseTo(0.8227, 12);
  });

  it('refuses 2D depictions, query atoms, short and malformed records with line and column', () => {
    const twoD = WATER.replace(PROGRAM_LINE, PROGRAM_LINE.replace('3D', '2D'));
    expect(caught(() => parseMolFrames(twoD)).location).toMatchObject({ line: 2, column: 21 });
    const query = WATER.replace(atom(0, 0, 0, 'O'), atom(0, 0, 0, 'A'));
    expect(caught(() => parseMolFrames(query)).message).toMatch(/query atom/);
    expect(caught(() => parseMolFrames(WATER.replace(counts(3, 2), counts(5, 2)))).code).toBe(
      'mol-truncated',
    );
    expect(caught(() => parseMolFrames(WATER.replace(bond(1, 3), bond(1, 7)))).code).toBe('mol-bond');
    expect(caught(() => parseMolFrames(WATER.replace(counts(3, 2), 'abc'))).location.line).toBe(4);
    expect(caught(() => parseMolFrames(WATER.replace('0.9572', '9e9999'))).location.line).toBe(6);
    expect(caught(() => parseMolFrames('water\n\n')).code).toBe('mol-truncated');
  });

  it('fuzz: random or mutated text parses or throws InputError, never an out-of-bound coordinate', () => {
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
          mutate(`${WATER}\n$$$$\n${WATER}`),
          mutate(ammonium(['M  CHG  1   1   1'])),
        ),
        (text) => {
          try {
            for (const s of parseMolFrames(text, 'fuzz'))
              for (const v of s.positions) expect(Math.abs(v) <= 1e6).toBe(true);
          } catch (e) {
            if (!(e instanceof InputError)) throw e;
          }
        },
      ),
      { numRuns: 1500, seed: 2000 },
    );
  });
});
