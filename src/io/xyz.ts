/**
 * XYZ (multi-frame). Each frame is: an atom count line, a comment line, then
 * one line per atom `symbol x y z [extra columns…]` with Cartesian coordinates
 * in Å. Frames follow each other directly; blank lines between frames and at
 * the end are tolerated. The element may be a symbol in any case (`Au`, `AU`),
 * a label starting with a symbol (`Au1`, then kept in `labels`), or an atomic
 * number (`79`), as in SOFI and MolPG test files.
 *
 * Lattice lines: some tools that write XYZ from VASP and other periodic codes
 * append the cell as `VEC1 ax ay az`, `VEC2 …`, `VEC3 …` (Å) after the atom
 * lines of a frame (or within them, counted in the atom count); all three are
 * read as the cell of that frame. A file without its count line (atom lines
 * from line 1) is refused with a hint saying what to add.
 */
import type { Structure } from '../structure/structure.js';
import { createStructure } from '../structure/structure.js';
import { cellVolume } from './cell.js';
import {
  type CoordinateWhere,
  checkCoordinate,
  checkWritablePositions,
  elementNumber,
  fmt,
  inputError,
  parseStrictNumber,
  splitLines,
  symbolOf,
  tokenize,
} from './common.js';

/** Parse every frame of an XYZ file. Throws InputError with line/column on malformed input. */
export function parseXyz(text: string, inputName?: string): Structure[] {
  const lines = splitLines(text);
  const frames: Structure[] = [];
  let i = 0;
  const where = (line: number, column?: number, length?: number) => ({
    line: line + 1,
    ...(column !== undefined ? { column } : {}),
    ...(length !== undefined ? { length } : {}),
    source: lines[line] ?? '',
    inputName,
  });
  while (i < lines.length) {
    if (lines[i]!.trim() === '') {
      i++;
      continue;
    }
    const countLine = i;
    const countTokens = tokenize(lines[i]!);
    const first = countTokens[0]!;
    if (!/^\d+$/.test(first.text)) {
      if (frames.length === 0 && looksLikeAtomLine(countTokens)) {
        throw inputError(
          'xyz-count',
          'the file starts with an atom line, not with the number of atoms',
          where(countLine, first.column, first.text.length),
          'add the atom count as line 1 and a comment line (it may be empty) as line 2; the atom lines follow from line 3',
        );
      }
      throw inputError(
        'xyz-count',
        `expected the number of atoms${frames.length ? ` of frame ${frames.length + 1}` : ''}, got "${first.text}"`,
        where(countLine, first.column, first.text.length),
        frames.length
          ? `frame ${frames.length} may have more atom lines than its count says`
          : 'an XYZ file starts with the atom count on line 1, a comment on line 2, then one "symbol x y z" line per atom',
      );
    }
    const n = Number(first.text);
    if (n > lines.length - countLine - 2) {
      throw inputError(
        'xyz-truncated',
        `frame ${frames.length + 1} declares ${n} atoms but only ${Math.max(0, lines.length - countLine - 2)} lines follow the comment`,
        where(countLine, first.column, first.text.length),
        'fix the atom count or add the missing atom lines',
      );
    }
    if (countLine + 1 >= lines.length) {
      throw inputError(
        'xyz-truncated',
        `frame ${frames.length + 1} ends after its atom count; a comment line and ${n} atom lines are missing`,
        where(countLine),
        'add the comment line (it may be empty) and the atom lines',
      );
    }
    const comment = lines[countLine + 1]!;
    const cellRows: (number[] | undefined)[] = [undefined, undefined, undefined];
    // VECk lines inside the counted block are the cell, not atoms (some writers count them)
    let vecInside = 0;
    for (let k = 0; k < n; k++) {
      const li = countLine + 2 + k;
      if (li < lines.length && VEC_RE.test(lines[li]!)) {
        readVec(lines, li, cellRows, where);
        vecInside++;
      }
    }
    const atoms = n - vecInside;
    const numbers = new Uint8Array(atoms);
    const positions = new Float64Array(3 * atoms);
    const labels: string[] = new Array(atoms);
    let labelsDiffer = false;
    let skipped = 0;
    for (let a = 0; a < atoms; a++) {
      let li = countLine + 2 + a + skipped;
      while (li < lines.length && VEC_RE.test(lines[li]!)) {
        skipped++;
        li++;
      }
      if (li >= lines.length || restIsBlank(lines, li)) {
        throw inputError(
          'xyz-truncated',
          `frame ${frames.length + 1} declares ${n} atoms on line ${countLine + 1} but has only ${a}`,
          where(Math.min(li, lines.length - 1)),
          'fix the atom count or add the missing atom lines',
        );
      }
      const toks = tokenize(lines[li]!);
      if (toks.length < 4) {
        throw inputError(
          'xyz-atom',
          `atom line needs an element and three coordinates, found ${toks.length} field${toks.length === 1 ? '' : 's'}`,
          where(li, toks[0]?.column ?? 1),
          'write "symbol x y z" with coordinates in Å',
        );
      }
      const el = toks[0]!;
      const z = elementNumber(el.text);
      if (!z) {
        throw inputError(
          'xyz-element',
          `unknown element "${el.text}"`,
          where(li, el.column, el.text.length),
          'use an element symbol (Au, S, C) or an atomic number',
        );
      }
      numbers[a] = z;
      labels[a] = el.text;
      if (el.text !== symbolOf(z)) labelsDiffer = true;
      for (let k = 0; k < 3; k++) {
        const t = toks[1 + k]!;
        const v = parseStrictNumber(t.text);
        if (Number.isNaN(v)) {
          throw inputError(
            'xyz-number',
            `coordinate ${'xyz'[k]} is not a number: "${t.text}"`,
            where(li, t.column, t.text.length),
            'coordinates are decimal numbers in Å, e.g. 1.234 or -1.2e-3',
          );
        }
        positions[3 * a + k] = checkCoordinate(
          v,
          `${'xyz'[k]} of atom ${a + 1}`,
          where(li, t.column, t.text.length),
        );
      }
    }
    // VECk lines right after the atom block
    let next = countLine + 2 + n;
    while (next < lines.length && VEC_RE.test(lines[next]!)) {
      readVec(lines, next, cellRows, where);
      next++;
    }
    let cell: number[] | undefined;
    if (cellRows.some((r) => r !== undefined)) {
      const missing = [0, 1, 2].filter((k) => !cellRows[k]).map((k) => `VEC${k + 1}`);
      if (missing.length) {
        throw inputError(
          'xyz-lattice',
          `frame ${frames.length + 1} gives lattice lines but not ${missing.join(', ')}`,
          where(Math.min(next, lines.length) - 1),
          'give all three cell vectors as "VEC1 ax ay az", "VEC2 bx by bz", "VEC3 cx cy cz" in Å',
        );
      }
      cell = [...cellRows[0]!, ...cellRows[1]!, ...cellRows[2]!];
      if (!(cellVolume(cell) > 1e-6)) {
        throw inputError(
          'xyz-lattice',
          `the VEC1–VEC3 cell vectors of frame ${frames.length + 1} enclose no volume`,
          where(next - 1),
          'give three independent cell vectors in Å',
        );
      }
    }
    const keepLabels = labelsDiffer && labels.some((l) => !/^\d+$/.test(l));
    frames.push(
      createStructure({
        numbers,
        positions,
        title: comment.trim(),
        ...(keepLabels ? { labels } : {}),
        ...(cell ? { cell } : {}),
      }),
    );
    i = next;
  }
  if (frames.length === 0) {
    throw inputError(
      'xyz-empty',
      'the XYZ input is empty',
      { line: 1, inputName },
      'an XYZ file starts with the atom count',
    );
  }
  return frames;
}

/** A lattice line `VEC1 ax ay az` (also `Vec2`, `vec3`). */
const VEC_RE = /^\s*VEC[123]\b/i;

function readVec(
  lines: readonly string[],
  li: number,
  rows: (number[] | undefined)[],
  where: (line: number, column?: number, length?: number) => CoordinateWhere,
): void {
  const toks = tokenize(lines[li]!);
  const k = Number(toks[0]!.text.slice(3)) - 1;
  const v: number[] = [];
  for (let c = 1; c <= 3; c++) {
    const t = toks[c];
    const x = t ? parseStrictNumber(t.text) : Number.NaN;
    if (Number.isNaN(x)) {
      throw inputError(
        'xyz-lattice',
        `${toks[0]!.text} needs three numbers (a cell vector in Å)${t ? `, got "${t.text}"` : ''}`,
        where(li, t?.column ?? toks[0]!.column, t?.text.length ?? toks[0]!.text.length),
        `write "VEC${k + 1} x y z" in Å`,
      );
    }
    v.push(
      checkCoordinate(
        x,
        `component ${'xyz'[c - 1]} of ${toks[0]!.text}`,
        where(li, t!.column, t!.text.length),
      ),
    );
  }
  if (rows[k]) {
    throw inputError(
      'xyz-lattice',
      `${toks[0]!.text} is given twice`,
      where(li, toks[0]!.column, 4),
      'keep one line per cell vector',
    );
  }
  rows[k] = v;
}

/** `symbol x y z`: an element (or label) followed by at least three numbers. */
function looksLikeAtomLine(toks: readonly { text: string }[]): boolean {
  return (
    toks.length >= 4 &&
    /^[A-Za-z]/.test(toks[0]!.text) &&
    elementNumber(toks[0]!.text) > 0 &&
    toks.slice(1, 4).every((t) => !Number.isNaN(parseStrictNumber(t.text)))
  );
}

function restIsBlank(lines: readonly string[], from: number): boolean {
  for (let i = from; i < lines.length; i++) if (lines[i]!.trim() !== '') return false;
  return true;
}

/**
 * Write one or more frames as XYZ, coordinates in Å with 6 decimals (1e-6 Å).
 * `comments` overrides each frame's title (newlines in it become spaces).
 */
export function writeXyz(
  frames: Structure | readonly Structure[],
  comments?: string | readonly string[],
): string {
  const list: readonly Structure[] = isStructure(frames) ? [frames] : frames;
  const out: string[] = [];
  list.forEach((s, f) => {
    const n = s.numbers.length;
    checkWritablePositions('XYZ', s.numbers, s.positions);
    const c = typeof comments === 'string' ? comments : (comments?.[f] ?? s.title ?? '');
    out.push(String(n), c.replace(/[\r\n]+/g, ' '));
    for (let a = 0; a < n; a++) {
      const p = s.positions;
      out.push(
        `${symbolOf(s.numbers[a]!).padEnd(2)} ${fmt(p[3 * a]!, 6, 14)} ${fmt(p[3 * a + 1]!, 6, 14)} ${fmt(p[3 * a + 2]!, 6, 14)}`,
      );
    }
  });
  return `${out.join('\n')}\n`;
}

function isStructure(x: Structure | readonly Structure[]): x is Structure {
  return (x as Structure).numbers instanceof Uint8Array;
}
