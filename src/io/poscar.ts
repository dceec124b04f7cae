/**
 * VASP POSCAR / CONTCAR (https://www.vasp.at/wiki/index.php/POSCAR):
 *
 *     Cubic BN                       comment (the title)
 *        3.57                        scaling: one number s (> 0: factor; < 0: the cell volume in Å³)
 *      0.0 0.5 0.5                   or three positive numbers (factors for x, y, z)
 *      0.5 0.0 0.5                   lattice vectors a, b, c (rows, × scaling → Å)
 *      0.5 0.5 0.0
 *        B N                         element symbols (VASP 5; absent in VASP 4 files)
 *        1 1                         atoms per species
 *     Selective dynamics             optional (only the first letter, S/s, counts)
 *     Direct                         D/d: fractional; C/c/K/k: Cartesian (× scaling)
 *      0.00 0.00 0.00 T T F          positions (then T/F flags with selective dynamics)
 *      0.25 0.25 0.25 F F F
 *
 * Anything after the positions (lattice velocities, ion velocities,
 * predictor–corrector data of a CONTCAR) is ignored. Symbols written with a
 * POTCAR suffix (`Au_pv`, `Fe_sv/…`) are read by their element. A VASP 4
 * file has no symbols line: the element symbols are then taken from the
 * comment line when it holds exactly one symbol per species (the convention
 * of ASE and mctc-lib), else from `options.elements`, else the file is
 * refused with a hint. The result carries the cell; selective-dynamics flags
 * are checked and not kept.
 */
import type { Structure } from '../structure/structure.js';
import { createStructure } from '../structure/structure.js';
import { cellVolume } from './cell.js';
import {
  checkCoordinate,
  checkWritablePositions,
  inputError,
  lookupSymbol,
  MAX_COORDINATE_A,
  MAX_COORDINATE_TEXT,
  parseStrictNumber,
  splitLines,
  symbolOf,
  type TokenAt,
  tokenize,
  unwritable,
} from './common.js';

export interface PoscarOptions {
  /** Element symbols per species, for VASP 4 files that lack the symbols line. */
  readonly elements?: readonly string[];
}

/** Element of a POSCAR species name: `Au`, `Au_pv`, `Fe_sv/8Dec2022`, `Si_GW`; 0 if none. */
function speciesElement(name: string): number {
  const base = name.split(/[_/.]/)[0] ?? '';
  if (!/^[A-Z][a-z]?$/.test(base) && !/^[a-z]{1,2}$/.test(base) && !/^[A-Z]{1,2}$/.test(base)) return 0;
  return lookupSymbol(base);
}

/** Parse a POSCAR/CONTCAR (one structure, with its cell). Throws InputError with line and column. */
export function parsePoscar(text: string, inputName?: string, options: PoscarOptions = {}): Structure {
  const lines = splitLines(text);
  const where = (li: number, column?: number, length?: number) => ({
    line: li + 1,
    ...(column !== undefined ? { column } : {}),
    ...(length !== undefined ? { length } : {}),
    source: lines[li] ?? '',
    inputName,
  });
  const need = (li: number, what: string): TokenAt[] => {
    if (li >= lines.length || lines[li]!.trim() === '') {
      throw inputError(
        'poscar-truncated',
        `the POSCAR ends before ${what} (line ${li + 1})`,
        where(Math.min(li, lines.length - 1)),
        'a POSCAR has a comment, the scaling factor, three lattice vectors, the symbols and counts, "Direct" or "Cartesian", then one position per atom',
      );
    }
    return tokenize(lines[li]!);
  };
  const numbersOn = (li: number, count: number, what: string, hint: string): number[] => {
    const toks = need(li, what);
    if (toks.length < count) {
      throw inputError(
        'poscar-number',
        `${what} needs ${count} numbers, found ${toks.length}`,
        where(li, toks[0]?.column ?? 1),
        hint,
      );
    }
    return toks.slice(0, count).map((t) => {
      const v = parseStrictNumber(t.text);
      if (Number.isNaN(v)) {
        throw inputError(
          'poscar-number',
          `${what}: "${t.text}" is not a number`,
          where(li, t.column, t.text.length),
          hint,
        );
      }
      return v;
    });
  };
  if (text.trim() === '') {
    throw inputError(
      'poscar-empty',
      'the POSCAR input is empty',
      { line: 1, inputName },
      'line 1 is a comment',
    );
  }
  const title = (lines[0] ?? '').trim();
  // --- scaling factor(s)
  const scaleToks = need(1, 'the scaling factor');
  const scaleCount =
    scaleToks.length >= 3 && scaleToks.slice(0, 3).every((t) => !Number.isNaN(parseStrictNumber(t.text)))
      ? 3
      : 1;
  const scaleHint =
    'line 2 is the scaling factor: one number (negative: the cell volume in Å³) or three positive numbers';
  const scales = numbersOn(1, scaleCount, 'the scaling factor', scaleHint);
  if (scales.some((v) => v === 0) || (scaleCount === 3 && scales.some((v) => v < 0))) {
    throw inputError(
      'poscar-scale',
      `scaling factor ${scales.join(' ')} is not usable`,
      where(1, scaleToks[0]!.column),
      scaleHint,
    );
  }
  // --- lattice
  const raw: number[] = [];
  for (let k = 0; k < 3; k++)
    raw.push(
      ...numbersOn(
        2 + k,
        3,
        `lattice vector ${'abc'[k]}`,
        'lines 3–5 hold the lattice vectors a, b, c (three numbers each)',
      ),
    );
  let factor = [1, 1, 1];
  if (scaleCount === 3) factor = scales;
  else if (scales[0]! > 0) factor = [scales[0]!, scales[0]!, scales[0]!];
  else {
    const v0 = cellVolume(raw);
    if (!(v0 > 0)) {
      throw inputError(
        'poscar-lattice',
        'the lattice vectors enclose no volume',
        where(2, 1),
        'give three independent lattice vectors',
      );
    }
    const s = Math.cbrt(-scales[0]! / v0);
    factor = [s, s, s];
  }
  const cell = raw.map((v, k) => v * factor[k % 3]!);
  for (let k = 0; k < 9; k++)
    checkCoordinate(
      cell[k]!,
      `component ${'xyz'[k % 3]} of lattice vector ${'abc'[Math.floor(k / 3)]}`,
      where(2 + Math.floor(k / 3)),
    );
  if (!(cellVolume(cell) > 1e-6)) {
    throw inputError(
      'poscar-lattice',
      'the lattice vectors enclose no volume',
      where(2, 1),
      'give three independent lattice vectors in Å',
    );
  }
  // --- species symbols and counts
  let li = 5;
  let toks = need(li, 'the element symbols or the atom counts');
  let symbols: { z: number; text: string }[] | undefined;
  if (!/^\d+$/.test(toks[0]!.text)) {
    symbols = toks.map((t) => {
      const z = speciesElement(t.text);
      if (!z) {
        throw inputError(
          'poscar-element',
          `unknown element "${t.text}" on the symbols line`,
          where(li, t.column, t.text.length),
          'line 6 lists the element symbols of the species (e.g. "Au S C H"), line 7 the number of atoms of each',
        );
      }
      return { z, text: t.text };
    });
    li++;
    toks = need(li, 'the atom counts');
  }
  const counts = toks.map((t) => {
    if (!/^\d+$/.test(t.text)) {
      throw inputError(
        'poscar-counts',
        `atom count "${t.text}" is not a whole number`,
        where(li, t.column, t.text.length),
        symbols
          ? 'the line after the symbols gives the number of atoms of each species'
          : 'line 6 (or 7 after the symbols) gives the number of atoms of each species',
      );
    }
    return Number(t.text);
  });
  const countsLine = li;
  if (!symbols) {
    const fromOption = options.elements?.map((e) => ({ z: lookupSymbol(e.trim()), text: e.trim() }));
    const commentToks = tokenize(lines[0] ?? '');
    const fromComment =
      commentToks.length === counts.length &&
      commentToks.every((t) => /^[A-Z][a-z]?$/.test(t.text) && lookupSymbol(t.text) > 0)
        ? commentToks.map((t) => ({ z: lookupSymbol(t.text), text: t.text }))
        : undefined;
    symbols = fromOption ?? fromComment;
    if (!symbols || symbols.some((s) => !s.z)) {
      throw inputError(
        'poscar-symbols',
        `this POSCAR (VASP 4 style) gives ${counts.length} atom count${counts.length === 1 ? '' : 's'} but no element symbols`,
        where(countsLine, toks[0]!.column),
        `insert a line with the ${counts.length} element symbol${counts.length === 1 ? '' : 's'} (as in the POTCAR, e.g. "Au S") above the counts line, as VASP 5 writes it`,
      );
    }
  }
  if (symbols.length !== counts.length) {
    throw inputError(
      'poscar-counts',
      `${symbols.length} element symbol${symbols.length === 1 ? '' : 's'} but ${counts.length} atom count${counts.length === 1 ? '' : 's'}`,
      where(countsLine, 1),
      'give one count per species, in the order of the symbols',
    );
  }
  const n = counts.reduce((a, b) => a + b, 0);
  if (n === 0) {
    throw inputError(
      'poscar-counts',
      'the POSCAR holds no atoms',
      where(countsLine, 1),
      'the counts line gives the number of atoms of each species',
    );
  }
  if (n > lines.length) {
    throw inputError(
      'poscar-truncated',
      `the counts add up to ${n} atoms but the file has only ${lines.length} lines`,
      where(countsLine, 1),
      'fix the counts or add the missing positions',
    );
  }
  // --- selective dynamics and the coordinate mode
  li++;
  let modeToks = need(li, 'the coordinate mode ("Direct" or "Cartesian")');
  let selective = false;
  if (/^[sS]/.test(modeToks[0]!.text)) {
    selective = true;
    li++;
    modeToks = need(li, 'the coordinate mode ("Direct" or "Cartesian")');
  }
  const mode = modeToks[0]!.text[0]!;
  let cartesian: boolean;
  if (/[cCkK]/.test(mode)) cartesian = true;
  else if (/[dD]/.test(mode)) cartesian = false;
  else {
    throw inputError(
      'poscar-mode',
      `expected "Direct" or "Cartesian" on line ${li + 1}, got "${modeToks[0]!.text.slice(0, 40)}"`,
      where(li, modeToks[0]!.column, modeToks[0]!.text.length),
      /^[-+.\d]/.test(mode)
        ? 'the line naming the coordinate mode is missing: add "Direct" (fractional) or "Cartesian" (Å) before the positions'
        : 'write "Direct" for fractional or "Cartesian" for Å coordinates (only the first letter counts)',
    );
  }
  // --- positions
  const numbers = new Uint8Array(n);
  const positions = new Float64Array(3 * n);
  let a = 0;
  for (let sp = 0; sp < counts.length; sp++)
    for (let c = 0; c < counts[sp]!; c++) numbers[a++] = symbols[sp]!.z;
  for (a = 0; a < n; a++) {
    const l = li + 1 + a;
    const hint = cartesian
      ? 'Cartesian positions are three numbers (× the scaling factor → Å)'
      : 'Direct positions are three fractional coordinates';
    const v = numbersOn(l, 3, `the position of atom ${a + 1}`, `${hint}; the counts line says ${n} atoms`);
    const t = tokenize(lines[l]!);
    if (selective) {
      for (let k = 3; k < 6; k++) {
        const f = t[k];
        if (!f || !/^[TF]$/i.test(f.text)) {
          throw inputError(
            'poscar-selective',
            `selective dynamics needs three T/F flags after the position of atom ${a + 1}${f ? `, got "${f.text}"` : ''}`,
            where(l, f?.column ?? t[2]!.column + t[2]!.text.length + 1),
            'write e.g. "0.0 0.0 0.0 T T F", or remove the "Selective dynamics" line',
          );
        }
      }
    }
    const [x, y, z] = v as [number, number, number];
    let r: [number, number, number];
    if (cartesian) r = [x * factor[0]!, y * factor[1]!, z * factor[2]!];
    else
      r = [
        x * cell[0]! + y * cell[3]! + z * cell[6]!,
        x * cell[1]! + y * cell[4]! + z * cell[7]!,
        x * cell[2]! + y * cell[5]! + z * cell[8]!,
      ];
    for (let k = 0; k < 3; k++)
      positions[3 * a + k] = checkCoordinate(
        r[k]!,
        `${'xyz'[k]} of atom ${a + 1} (${symbolOf(numbers[a]!)})`,
        where(l, t[k]!.column, t[k]!.text.length),
      );
  }
  return createStructure({ numbers, positions, cell, ...(title ? { title } : {}) });
}

/** Does this text look like a POSCAR (scale line, three lattice lines, then symbols or counts)? */
export function looksLikePoscar(text: string): boolean {
  const l = text.split(/\r\n|\r|\n/, 8);
  if (l.length < 8) return false;
  const nums = (s: string | undefined, k: number) => {
    const t = (s ?? '').trim().split(/\s+/);
    return t.length >= k && t.slice(0, k).every((x) => !Number.isNaN(parseStrictNumber(x)));
  };
  if (!(nums(l[1], 1) && (l[1]!.trim().split(/\s+/).length === 1 || nums(l[1], 3)))) return false;
  if (!(nums(l[2], 3) && nums(l[3], 3) && nums(l[4], 3))) return false;
  const six = (l[5] ?? '').trim();
  const counts = /^\d+(\s+\d+)*$/;
  if (counts.test(six)) return /^\s*[SsDdCcKk]/.test(l[6] ?? '');
  return /^[A-Za-z]/.test(six) && counts.test((l[6] ?? '').trim()) && /^\s*[SsDdCcKk]/.test(l[7] ?? '');
}

/**
 * Write a VASP 5 POSCAR: the title, scaling 1.0, the cell (Å), the species
 * as contiguous runs in atom order (so the atom order is kept; a species may
 * appear twice, as VASP allows), and Cartesian positions in Å. A structure
 * without a cell gets an orthogonal box of its extent + 10 Å, so that
 * periodic images stay ≥ 10 Å apart.
 */
export function writePoscar(s: Structure): string {
  const n = s.numbers.length;
  checkWritablePositions('POSCAR', s.numbers, s.positions);
  let cell: number[];
  if (s.cell) cell = Array.from(s.cell);
  else {
    const ext = [0, 1, 2].map((k) => {
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < n; i++) {
        lo = Math.min(lo, s.positions[3 * i + k]!);
        hi = Math.max(hi, s.positions[3 * i + k]!);
      }
      return n ? hi - lo + 10 : 10;
    });
    cell = [ext[0]!, 0, 0, 0, ext[1]!, 0, 0, 0, ext[2]!];
  }
  for (let k = 0; k < 9; k++)
    if (!(Math.abs(cell[k]!) <= MAX_COORDINATE_A))
      throw unwritable(
        'POSCAR',
        `component ${'xyz'[k % 3]} of cell vector ${'abc'[Math.floor(k / 3)]}`,
        cell[k]!,
        `±${MAX_COORDINATE_TEXT} Å`,
        'check the cell',
      );
  const runs: { z: number; count: number }[] = [];
  for (let i = 0; i < n; i++) {
    const z = s.numbers[i]!;
    const last = runs[runs.length - 1];
    if (last && last.z === z) last.count++;
    else runs.push({ z, count: 1 });
  }
  const num = (v: number) => (Object.is(v, -0) ? 0 : v).toFixed(10).padStart(20);
  const out = [
    (s.title ?? '').replace(/[\r\n]+/g, ' ') || 'written by superatom',
    '   1.0',
    ...[0, 1, 2].map((k) => `${num(cell[3 * k]!)}${num(cell[3 * k + 1]!)}${num(cell[3 * k + 2]!)}`),
    runs.map((r) => symbolOf(r.z).padStart(5)).join(''),
    runs.map((r) => String(r.count).padStart(5)).join(''),
    'Cartesian',
  ];
  for (let i = 0; i < n; i++)
    out.push(`${num(s.positions[3 * i]!)}${num(s.positions[3 * i + 1]!)}${num(s.positions[3 * i + 2]!)}`);
  return `${out.join('\n')}\n`;
}
