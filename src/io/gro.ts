/**
 * GROMACS .gro (https://manual.gromacs.org/current/reference-manual/file-formats.html#gro):
 * a title line, the atom count, one fixed-column line per atom
 * `%5d%-5s%5s%5d%8.3f%8.3f%8.3f` (residue number, residue name, atom name,
 * atom number, x, y, z in nm; optional velocities follow), and the box
 * vectors in nm on the last line (v1x v2y v3z [v1y v1z v2x v2z v3x v3y]).
 * Coordinates are converted to Å (× 10). Several frames may follow each other.
 *
 * The element comes from the atom name: a mixed-case symbol (`Au`, `Cl`)
 * is taken as written; otherwise the first letter (force-field names such as
 * `CA1`, `CT2`, `OH`, `HB1` are carbon, carbon, oxygen, hydrogen); a
 * single-atom residue whose name equals the atom name (ions `NA`, `CL`, `ZN`)
 * is read as a two-letter symbol.
 */
import type { Structure } from '../structure/structure.js';
import { createStructure } from '../structure/structure.js';
import {
  checkCoordinate,
  fmt,
  inputError,
  lookupSymbol,
  parseStrictNumber,
  splitLines,
  symbolOf,
  unwritable,
} from './common.js';

const NM_TO_A = 10;

function groElement(atomName: string, resName: string): number {
  const name = atomName.trim();
  const letters = /^[0-9]*([A-Za-z]+)/.exec(name)?.[1] ?? '';
  if (!letters) return 0;
  if (letters.length >= 2 && /^[A-Z][a-z]/.test(letters)) {
    const z = lookupSymbol(letters.slice(0, 2));
    if (z) return z;
  }
  if (name.toUpperCase() === resName.trim().toUpperCase() && letters.length <= 2) {
    const z = lookupSymbol(letters);
    if (z) return z;
  }
  const one = lookupSymbol(letters[0]!);
  if (one) return one;
  return letters.length >= 2 ? lookupSymbol(letters.slice(0, 2)) : 0;
}

/** Parse every frame of a .gro file (positions in Å, box as the cell). */
export function parseGroFrames(text: string, inputName?: string): Structure[] {
  const lines = splitLines(text);
  const frames: Structure[] = [];
  let li = 0;
  const where = (line: number, column?: number, length?: number) => ({
    line: line + 1,
    ...(column !== undefined ? { column } : {}),
    ...(length !== undefined ? { length } : {}),
    source: lines[line] ?? '',
    inputName,
  });
  while (li < lines.length && lines[li]!.trim() !== '') {
    const title = lines[li]!.trim();
    const countLine = li + 1;
    const countText = (lines[countLine] ?? '').trim();
    if (!/^\d+$/.test(countText)) {
      throw inputError(
        'gro-count',
        `expected the number of atoms on line ${countLine + 1}, got "${countText}"`,
        where(Math.min(countLine, lines.length - 1), 1),
        'a .gro file has a title line, then the atom count, then one line per atom and the box line',
      );
    }
    const n = Number(countText);
    if (n > lines.length - countLine - 1) {
      throw inputError(
        'gro-truncated',
        `the file declares ${n} atoms on line ${countLine + 1} but has only ${Math.max(0, lines.length - countLine - 2)} lines after it`,
        where(countLine, 1),
        'fix the atom count or add the missing atom lines and the box line',
      );
    }
    const numbers = new Uint8Array(n);
    const positions = new Float64Array(3 * n);
    const labels: string[] = [];
    const residues: string[] = [];
    const residueIds: number[] = [];
    for (let a = 0; a < n; a++) {
      const l = countLine + 1 + a;
      const line = lines[l];
      if (line === undefined || line.trim() === '') {
        throw inputError(
          'gro-truncated',
          `the file declares ${n} atoms but has only ${a}`,
          where(Math.min(l, lines.length - 1)),
          'fix the atom count on line 2 or add the missing atom lines',
        );
      }
      const resId = Number.parseInt(line.slice(0, 5), 10);
      const resName = line.slice(5, 10).trim();
      const atomName = line.slice(10, 15).trim();
      let xyz = [20, 28, 36].map((s) => parseStrictNumber(line.slice(s, s + 8).trim()));
      if (xyz.some(Number.isNaN)) {
        // Fallback: free-format numbers after the atom number (some writers widen the columns).
        const toks = line.slice(15).trim().split(/\s+/);
        xyz = toks.slice(1, 4).map(parseStrictNumber);
        if (xyz.length < 3 || xyz.some(Number.isNaN)) {
          throw inputError(
            'gro-coordinates',
            'could not read x, y, z (nm) from this atom line',
            where(l, 21, Math.max(1, Math.min(24, line.length - 20))),
            'coordinates are in columns 21–44 as three %8.3f numbers in nm',
          );
        }
      }
      const z = groElement(atomName, resName);
      if (!z) {
        throw inputError(
          'gro-element',
          `cannot tell the element of atom "${atomName}"`,
          where(l, 11, 5),
          'atom names should start with the element symbol (Au, S, C1, HA2)',
        );
      }
      numbers[a] = z;
      for (let k = 0; k < 3; k++)
        positions[3 * a + k] = checkCoordinate(
          xyz[k]! * NM_TO_A,
          `${'xyz'[k]} of atom ${a + 1} (${atomName})`,
          where(l, 21 + 8 * k, 8),
        );
      labels.push(atomName);
      residues.push(resName);
      residueIds.push(Number.isFinite(resId) ? resId : 0);
    }
    const boxLine = countLine + 1 + n;
    const boxText = lines[boxLine];
    let cell: Float64Array | undefined;
    if (boxText === undefined || boxText.trim() === '') {
      throw inputError(
        'gro-box',
        'the box line after the atoms is missing',
        where(Math.min(boxLine, lines.length - 1)),
        'end each frame with the box vectors in nm, e.g. "   5.00000   5.00000   5.00000"',
      );
    }
    let box = boxText.trim().split(/\s+/).map(parseStrictNumber);
    if (!(box.length === 3 || box.length === 9) || box.some(Number.isNaN)) {
      // %10.5f fields run together once a value reaches 1000 nm: read the fixed columns
      const body = boxText.replace(/\s+$/, '');
      if (body.length % 10 === 0 && (body.length === 30 || body.length === 90)) {
        const fixed: number[] = [];
        for (let c = 0; c < body.length; c += 10) fixed.push(parseStrictNumber(body.slice(c, c + 10).trim()));
        if (!fixed.some(Number.isNaN)) box = fixed;
      }
    }
    if (!(box.length === 3 || box.length === 9) || box.some(Number.isNaN)) {
      throw inputError(
        'gro-box',
        `the box line must hold 3 or 9 numbers (nm), found "${boxText.trim()}"`,
        where(boxLine, 1),
        'box: v1(x) v2(y) v3(z) [v1(y) v1(z) v2(x) v2(z) v3(x) v3(y)] in nm',
      );
    }
    for (let k = 0; k < box.length; k++)
      checkCoordinate(box[k]! * NM_TO_A, `box component ${k + 1}`, where(boxLine, 1));
    const [v1x, v2y, v3z, v1y = 0, v1z = 0, v2x = 0, v2z = 0, v3x = 0, v3y = 0] = box as number[];
    if (v1x! > 0 && v2y! > 0 && v3z! > 0) {
      cell = Float64Array.from([v1x!, v1y, v1z, v2x, v2y!, v2z, v3x, v3y, v3z!], (x) => x * NM_TO_A);
    }
    frames.push(
      createStructure({ numbers, positions, labels, residues, residueIds, title, ...(cell ? { cell } : {}) }),
    );
    li = boxLine + 1;
  }
  if (frames.length === 0) {
    throw inputError(
      'gro-empty',
      'the .gro input is empty',
      { line: 1, inputName },
      'line 1 is a title, line 2 the atom count',
    );
  }
  return frames;
}

/** Parse the first frame of a .gro file. */
export function parseGro(text: string, inputName?: string): Structure {
  return parseGroFrames(text, inputName)[0]!;
}

/** x, y, z are `%8.3f` in nm: whatever fits 8 characters, −999.999 to 9999.999 nm (issue 17.7). */
const GRO_RANGE = '−999.999 to 9999.999 nm (−9999.99 to 99999.99 Å) in the 8.3 columns';

/** Write a .gro frame (nm, 3 decimals); the box is the cell, or the bounding box + 1 nm. */
export function writeGro(s: Structure): string {
  const n = s.numbers.length;
  // a blank title line would end the file for a reader (frames are read until a blank line)
  const out = [s.title?.replace(/[\r\n]+/g, ' ').trim() || 'written by superatom', String(n)];
  const p = s.positions;
  let minX = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let minY = minX;
  let maxY = maxX;
  let minZ = minX;
  let maxZ = maxX;
  for (let i = 0; i < n; i++) {
    const sym = symbolOf(s.numbers[i]!);
    const resId = ((s.residueIds?.[i] ?? 1) % 100000).toString().padStart(5);
    const res = (s.residues?.[i] || 'CLU').slice(0, 5).padEnd(5);
    // the atom name carries the element: keep the label only if it still reads back as this element
    const label = (s.labels?.[i] ?? '').trim().slice(0, 5);
    const name = (label && groElement(label, res) === s.numbers[i] ? label : sym).padStart(5);
    const serial = ((i + 1) % 100000).toString().padStart(5);
    const x = p[3 * i]! / NM_TO_A;
    const y = p[3 * i + 1]! / NM_TO_A;
    const z = p[3 * i + 2]! / NM_TO_A;
    for (const [k, v] of [x, y, z].entries()) {
      if (!(fmt(v, 3, 8).length <= 8))
        throw unwritable(
          'GRO',
          `${'xyz'[k]} of atom ${i + 1} (${sym}${s.labels?.[i] ? ` ${s.labels[i]}` : ''})`,
          v * NM_TO_A,
          GRO_RANGE,
        );
    }
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
    minZ = Math.min(minZ, z);
    maxZ = Math.max(maxZ, z);
    out.push(`${resId}${res}${name}${serial}${fmt(x, 3, 8)}${fmt(y, 3, 8)}${fmt(z, 3, 8)}`);
  }
  if (s.cell) {
    const c = Array.from(s.cell, (v) => v / NM_TO_A);
    const tri = [c[0]!, c[4]!, c[8]!, c[1]!, c[2]!, c[3]!, c[5]!, c[6]!, c[7]!];
    const rect = tri.slice(3).every((v) => Math.abs(v) < 1e-9);
    for (const v of tri)
      if (!(fmt(v, 5, 10).length <= 10))
        throw unwritable(
          'GRO',
          'a cell vector component',
          v * NM_TO_A,
          '−999.99999 to 9999.99999 nm in the box line',
          'write extxyz or cif instead (e.g. -o out.extxyz)',
        );
    out.push((rect ? tri.slice(0, 3) : tri).map((v) => fmt(v, 5, 10)).join(''));
  } else {
    // a placeholder box for a structure without a cell: its extent + 1 nm, capped at the widest
    // value the %10.5f box columns hold (the coordinates themselves were checked above)
    const box = (n ? [maxX - minX + 1, maxY - minY + 1, maxZ - minZ + 1] : [1, 1, 1]).map((v) =>
      Math.min(v, 9999.99999),
    );
    out.push(box.map((v) => fmt(v, 5, 10)).join(''));
  }
  return `${out.join('\n')}\n`;
}
