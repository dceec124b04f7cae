/**
 * PDB (Protein Data Bank format v3.3, ATOM/HETATM records). Coordinates are
 * read from the fixed columns 31–38, 39–46, 47–54 (Å); when those do not hold
 * numbers (files written with shifted columns) the numbers are split from the
 * text after column 27 by a pattern that also separates values that run
 * together (`0.4358-10.0589` → 0.4358, −10.0589). The element comes from
 * columns 77–78 when present, otherwise from the atom name (columns 13–16)
 * following the PDB convention that a one-letter element sits in column 14
 * (NanoModeler's `AU`, `AUS`, `AUL` are gold; `ST` is sulfur).
 *
 * Only the first MODEL is read unless `allModels` is set (each model is a frame).
 * Kept per atom: atom name (labels), residue name (residues), residue number (residueIds).
 */
import type { Structure } from '../structure/structure.js';
import { createStructure } from '../structure/structure.js';
import { cellFromParameters, cellParameters } from './cell.js';
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

export interface PdbParseOptions {
  /** Return every MODEL as a frame (default: only the first). */
  readonly allModels?: boolean;
}

/** Parse a PDB file; returns one Structure per MODEL (just the first unless allModels). */
export function parsePdbFrames(text: string, inputName?: string, options: PdbParseOptions = {}): Structure[] {
  const lines = splitLines(text);
  const frames: Structure[] = [];
  let numbers: number[] = [];
  let positions: number[] = [];
  let labels: string[] = [];
  let residues: string[] = [];
  let residueIds: number[] = [];
  let title = '';
  let cell: Float64Array | undefined;
  const flush = () => {
    if (numbers.length === 0) return;
    frames.push(
      createStructure({
        numbers,
        positions,
        labels,
        residues,
        residueIds,
        ...(title ? { title } : {}),
        ...(cell ? { cell } : {}),
      }),
    );
    numbers = [];
    positions = [];
    labels = [];
    residues = [];
    residueIds = [];
  };
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    const rec = line.slice(0, 6).trimEnd();
    if (rec === 'TITLE' || rec === 'COMPND' || rec === 'HEADER') {
      if (!title || rec === 'TITLE')
        title = (rec === 'TITLE' && title ? `${title} ` : '') + line.slice(10).trim();
      continue;
    }
    if (rec === 'CRYST1') {
      cell = parseCryst1(line, li, lines, inputName);
      continue;
    }
    if (rec === 'ENDMDL') {
      flush();
      if (!options.allModels) break;
      continue;
    }
    if (rec === 'END') break;
    if (rec !== 'ATOM' && rec !== 'HETATM') continue;
    const where = (column: number, length = 1) => ({ line: li + 1, column, length, source: line, inputName });
    const name = line.slice(12, 16);
    const resName = line.slice(17, 20).trim();
    const resSeqText = line.slice(22, 26).trim();
    const xyz = readCoordinates(line);
    if (!xyz) {
      throw inputError(
        'pdb-coordinates',
        'could not read three coordinates from this ATOM/HETATM record',
        where(31, Math.max(1, Math.min(24, line.length - 30))),
        'x, y, z belong in columns 31–38, 39–46 and 47–54 (Å), e.g. "   1.234  -5.678  12.000"',
      );
    }
    const z = elementOf(line, name);
    if (!z) {
      const symCol = line.slice(76, 78).trim();
      throw inputError(
        'pdb-element',
        `cannot tell the element of atom "${name.trim()}"${symCol ? ` (element column "${symCol}")` : ''}`,
        symCol ? where(77, 2) : where(13, 4),
        'put the element symbol in columns 77–78, or use an atom name that starts with it',
      );
    }
    const serial = line.slice(6, 11).trim() || String(numbers.length + 1);
    for (let k = 0; k < 3; k++)
      checkCoordinate(xyz[k]!, `${'xyz'[k]} of atom ${serial} (${name.trim()})`, where(31 + 8 * k, 8));
    numbers.push(z);
    positions.push(xyz[0], xyz[1], xyz[2]);
    labels.push(name.trim());
    residues.push(resName);
    const rid = resSeqText === '' ? 0 : Number.parseInt(resSeqText, 10);
    residueIds.push(Number.isFinite(rid) ? rid : 0);
  }
  flush();
  if (frames.length === 0) {
    throw inputError(
      'pdb-empty',
      'no ATOM or HETATM records found',
      { line: 1, inputName },
      'a PDB file lists atoms on lines starting with "ATOM  " or "HETATM"',
    );
  }
  return frames;
}

/** Parse the first model of a PDB file. */
export function parsePdb(text: string, inputName?: string): Structure {
  return parsePdbFrames(text, inputName)[0]!;
}

const RUN_TOGETHER_RE = /[-+]?(?:\d+\.\d*|\.\d+)(?:[eE][-+]?\d+)?/g;

function readCoordinates(line: string): [number, number, number] | null {
  if (line.length >= 54) {
    const x = parseStrictNumber(line.slice(30, 38).trim());
    const y = parseStrictNumber(line.slice(38, 46).trim());
    const z = parseStrictNumber(line.slice(46, 54).trim());
    if (!Number.isNaN(x) && !Number.isNaN(y) && !Number.isNaN(z)) return [x, y, z];
  }
  // Fallback: the first three decimal numbers after the residue number (and its insertion code,
  // column 27), separated by blanks or run together — but nothing else: a word such as "abc" or
  // "NaN" in place of a coordinate is an error, not a reason to take the occupancy as z.
  const rest = line.slice(27);
  const found: number[] = [];
  let end = 0;
  for (const m of rest.matchAll(RUN_TOGETHER_RE)) {
    if (rest.slice(end, m.index).trim() !== '') return null;
    const v = Number(m[0]);
    if (!Number.isFinite(v)) return null;
    found.push(v);
    end = m.index + m[0].length;
    if (found.length === 3) break;
  }
  return found.length === 3 ? [found[0]!, found[1]!, found[2]!] : null;
}

function elementOf(line: string, name: string): number {
  const col = line.slice(76, 78).trim();
  if (col && /^[A-Za-z]{1,2}$/.test(col)) {
    const z = lookupSymbol(col);
    if (z) return z;
  }
  const trimmed = name.trim();
  if (!trimmed) return 0;
  // Hydrogens with four-character names (HD21, HG12) start in column 13.
  if (
    name.length === 4 &&
    /^[0-9]?H/.test(name) &&
    /^[0-9]?H[A-Z0-9]{2,3}$/.test(trimmed) &&
    name[0] !== ' '
  ) {
    if (trimmed.length === 4) return 1;
  }
  const letters = trimmed.replace(/^[0-9]+/, '');
  if (name[0] !== ' ' && /^[A-Za-z]{2}/.test(letters)) {
    const two = lookupSymbol(letters.slice(0, 2));
    if (two) return two;
  }
  const one = /^[A-Za-z]/.exec(letters);
  return one ? lookupSymbol(one[0]) : 0;
}

function parseCryst1(
  line: string,
  li: number,
  lines: readonly string[],
  inputName?: string,
): Float64Array | undefined {
  const v = [6, 15, 24, 33, 40, 47].map((s, k) =>
    parseStrictNumber(line.slice(s, [15, 24, 33, 40, 47, 54][k]).trim()),
  );
  if (v.some((x) => Number.isNaN(x))) {
    throw inputError(
      'pdb-cryst1',
      'CRYST1 record does not hold a, b, c, α, β, γ',
      { line: li + 1, column: 7, source: lines[li], inputName },
      'CRYST1 has a, b, c in Å (columns 7–33) and α, β, γ in degrees (34–54)',
    );
  }
  const [a, b, c, al, be, ga] = v as [number, number, number, number, number, number];
  if (a === 1 && b === 1 && c === 1) return undefined; // placeholder cell for non-crystals
  for (const [k, x] of [a, b, c].entries())
    checkCoordinate(x, `cell length ${'abc'[k]}`, {
      line: li + 1,
      column: 7 + 9 * k,
      length: 9,
      source: lines[li]!,
      inputName,
    });
  try {
    return cellFromParameters(a, b, c, al, be, ga);
  } catch (e) {
    throw inputError(
      'pdb-cryst1',
      e instanceof Error ? e.message : String(e),
      { line: li + 1, column: 7, source: lines[li], inputName },
      'fix or remove the CRYST1 record',
    );
  }
}

/**
 * Coordinates in columns 31–54 are `%8.3f`: −999.999 to 9999.999 Å (issue 17.7; a value outside
 * runs into the next column and the file cannot be read back). CRYST1 a, b, c are `%9.3f`.
 */
const PDB_RANGE = '−999.999 to 9999.999 Å in the 8.3 columns of ATOM/HETATM';

function checkPdbColumns(s: Structure): void {
  const p = s.positions;
  for (let i = 0; i < p.length; i++) {
    if (fmt(p[i]!, 3, 8).length > 8 || !Number.isFinite(p[i]!)) {
      const a = Math.floor(i / 3);
      const label = s.labels?.[a];
      throw unwritable(
        'PDB',
        `${'xyz'[i % 3]} of atom ${a + 1} (${symbolOf(s.numbers[a]!)}${label ? ` ${label}` : ''})`,
        p[i]!,
        PDB_RANGE,
      );
    }
  }
  if (s.cell) {
    const par = cellParameters(s.cell);
    for (let k = 0; k < 3; k++)
      if (fmt(par[k]!, 3, 9).length > 9)
        throw unwritable(
          'PDB',
          `cell length ${'abc'[k]}`,
          par[k]!,
          'up to 99999.999 Å in CRYST1',
          'write extxyz or cif instead (e.g. -o out.extxyz)',
        );
  }
}

/**
 * Write PDB HETATM records (atom names from labels or element symbols,
 * residue names/numbers when present) and CRYST1 when the structure has a cell.
 */
export function writePdb(s: Structure): string {
  checkPdbColumns(s);
  const out: string[] = [];
  if (s.title) out.push(`TITLE     ${s.title.replace(/[\r\n]+/g, ' ').slice(0, 70)}`);
  if (s.cell) {
    const [a, b, c, al, be, ga] = cellParameters(s.cell);
    out.push(
      `CRYST1${fmt(a, 3, 9)}${fmt(b, 3, 9)}${fmt(c, 3, 9)}${fmt(al, 2, 7)}${fmt(be, 2, 7)}${fmt(ga, 2, 7)} P 1           1`,
    );
  }
  const n = s.numbers.length;
  for (let i = 0; i < n; i++) {
    const sym = symbolOf(s.numbers[i]!);
    let name = (s.labels?.[i] ?? sym.toUpperCase()).slice(0, 4);
    // Convention: one-letter elements start in column 14.
    if (name.length < 4 && sym.length === 1 && name.toUpperCase().startsWith(sym.toUpperCase()))
      name = ` ${name}`;
    const res = (s.residues?.[i] ?? 'CLU').slice(0, 3);
    const rawId = s.residueIds?.[i] ?? 1;
    // columns 23–26: −999…9999 as written; anything else wraps modulo 10000 (the serial convention)
    const resId = rawId >= -999 && rawId <= 9999 ? rawId : ((rawId % 10000) + 10000) % 10000;
    const serial = (i + 1) % 100000;
    const p = s.positions;
    out.push(
      `HETATM${String(serial).padStart(5)} ${name.padEnd(4)} ${res.padStart(3)} A${String(resId).padStart(4)}    ` +
        `${fmt(p[3 * i]!, 3, 8)}${fmt(p[3 * i + 1]!, 3, 8)}${fmt(p[3 * i + 2]!, 3, 8)}  1.00  0.00          ${sym.toUpperCase().padStart(2)}`,
    );
  }
  out.push('END');
  return `${out.join('\n')}\n`;
}
