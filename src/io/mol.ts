/**
 * MDL MOL files and SD files (BIOVIA, "CTfile formats", 2020 edition):
 *
 * V2000 connection table
 *   lines 1–3  header: molecule name (kept as the title), program/time line
 *              (columns 21–22 "2D"/"3D"), comment
 *   line 4     counts line `aaabbb…` (atoms in columns 1–3, bonds in 4–6, "V2000")
 *   atom block `xxxxx.xxxxyyyyy.yyyyzzzzz.zzzz aaaddcccsss…`: x, y, z (Å) in
 *              columns 1–30, symbol in 32–34, mass difference in 35–36 and the
 *              charge code in 37–39 (1 = +3, 2 = +2, 3 = +1, 4 = doublet
 *              radical, 5 = −1, 6 = −2, 7 = −3)
 *   bond block `111222ttt…` (atom numbers in columns 1–6), checked and not kept
 *   properties `M  CHG  n aaa vvv …` (charges; when present they supersede every
 *              charge of the atom block, as the specification says), other `M`
 *              lines, `A`/`V`/`G` lines (each followed by one text line for `A`
 *              and `G`), `M  END`.
 * V3000 connection table (`M  V30 BEGIN ATOM` … `M  V30 END ATOM`; lines
 *   ending in `-` continue): `M  V30 index type x y z aamap [CHG=n …]`.
 * SD files: records separated by `$$$$` lines, with data items (`> <name>`)
 *   after `M  END`; each record is a frame.
 *
 * Coordinates are fixed columns when they parse, else the first three
 * whitespace-separated numbers (files written with shifted columns). D and T
 * are hydrogen. Query atoms (A, Q, *, L, R#, lists) describe no structure and
 * are refused, and so are 2D depictions (header says "2D"): their coordinates
 * are a drawing, not a geometry.
 */
import type { Structure } from '../structure/structure.js';
import { createStructure } from '../structure/structure.js';
import {
  type CoordinateWhere,
  checkCoordinate,
  inputError,
  lookupSymbol,
  parseStrictNumber,
  splitLines,
  tokenize,
} from './common.js';

const CHARGE_CODE: Readonly<Record<string, number>> = { 0: 0, 1: 3, 2: 2, 3: 1, 4: 0, 5: -1, 6: -2, 7: -3 };

type Where = (li: number, column?: number, length?: number) => CoordinateWhere;

function molElement(sym: string): number {
  if (sym === 'D' || sym === 'T') return 1;
  if (!/^[A-Z][a-z]?[a-z]?$/.test(sym)) return 0;
  return lookupSymbol(sym);
}

function elementOrError(sym: string, where: CoordinateWhere): number {
  const z = molElement(sym);
  if (z) return z;
  const query = /^(A|Q|\*|L|LP|R#?|R\d*|\[.*\]|NOT)$/i.test(sym) || sym.startsWith('[');
  throw inputError(
    'mol-element',
    query ? `atom type "${sym}" is a query atom or R group, not an element` : `unknown element "${sym}"`,
    where,
    query
      ? 'a query or R-group file describes a substructure, not a geometry: export the molecule itself'
      : 'the atom symbol is in columns 32–34 (V2000) or after the index (V3000), e.g. "C", "Au", "Cl"',
  );
}

/** Parse every record of a MOL or SD file. Throws InputError with line and column on malformed input. */
export function parseMolFrames(text: string, inputName?: string): Structure[] {
  const lines = splitLines(text);
  const where: Where = (li, column, length) => ({
    line: li + 1,
    ...(column !== undefined ? { column } : {}),
    ...(length !== undefined ? { length } : {}),
    source: lines[li] ?? '',
    inputName,
  });
  const frames: Structure[] = [];
  let li = 0;
  while (li < lines.length) {
    // skip blank lines between records and at the end
    let probe = li;
    while (probe < lines.length && lines[probe]!.trim() === '') probe++;
    if (probe >= lines.length) break;
    const { structure, next } = parseRecord(lines, li, where, frames.length + 1);
    frames.push(structure);
    // to the end of the record: after "$$$$", or the end of the text
    li = next;
    while (li < lines.length && lines[li]!.trim() !== '$$$$') li++;
    li++;
  }
  if (frames.length === 0) {
    throw inputError(
      'mol-empty',
      'the MOL/SD input is empty',
      { line: 1, inputName },
      'a MOL file has three header lines, then the counts line',
    );
  }
  return frames;
}

/** One record starting at line `start` (its name line); returns the structure and the line after `M  END`. */
function parseRecord(
  lines: readonly string[],
  start: number,
  where: Where,
  record: number,
): { structure: Structure; next: number } {
  const countsLi = start + 3;
  const counts = lines[countsLi];
  if (counts === undefined || lines.slice(start, countsLi + 1).some((l) => l.trim() === '$$$$')) {
    throw inputError(
      'mol-truncated',
      `record ${record} ends before its counts line (line ${countsLi + 1})`,
      where(Math.min(countsLi, lines.length - 1)),
      'a MOL record has three header lines (name, program, comment; they may be empty), then the counts line',
    );
  }
  const title = lines[start]!.trim();
  const dim = (lines[start + 1] ?? '').slice(20, 22);
  if (dim.toUpperCase() === '2D') {
    throw inputError(
      'mol-2d',
      `record ${record} is a 2D depiction (line ${start + 2} says "2D"): its coordinates are a drawing, not a geometry`,
      where(start + 1, 21, 2),
      'export the molecule with 3D coordinates (e.g. from a crystal structure or an optimisation)',
    );
  }
  if (/V3000/i.test(counts)) return parseV3000(lines, countsLi + 1, where, record, title);
  // V2000 counts line: atoms in columns 1–3, bonds in 4–6 (fall back to whitespace fields)
  let nAtoms = Number.parseInt(counts.slice(0, 3), 10);
  let nBonds = Number.parseInt(counts.slice(3, 6), 10);
  if (!/^[\s\d]{6}/.test(counts.slice(0, 6).padEnd(6)) || !Number.isFinite(nAtoms)) {
    const t = tokenize(counts);
    nAtoms = /^\d+$/.test(t[0]?.text ?? '') ? Number(t[0]!.text) : Number.NaN;
    nBonds = /^\d+$/.test(t[1]?.text ?? '') ? Number(t[1]!.text) : 0;
  }
  if (!Number.isFinite(nAtoms)) {
    throw inputError(
      'mol-counts',
      `line ${countsLi + 1} is not a counts line`,
      where(countsLi, 1, Math.min(6, Math.max(1, counts.length))),
      'line 4 of a MOL record gives the number of atoms (columns 1–3) and bonds (4–6), e.g. "  3  2  0  0  0  0  0  0  0  0999 V2000"',
    );
  }
  if (!Number.isFinite(nBonds)) nBonds = 0;
  if (nAtoms + nBonds > lines.length - countsLi - 1) {
    throw inputError(
      'mol-truncated',
      `record ${record} declares ${nAtoms} atoms and ${nBonds} bonds but only ${Math.max(0, lines.length - countsLi - 1)} lines follow`,
      where(countsLi, 1, 6),
      'fix the counts line or add the missing atom and bond lines',
    );
  }
  const numbers = new Uint8Array(nAtoms);
  const positions = new Float64Array(3 * nAtoms);
  const charges = new Int32Array(nAtoms);
  for (let a = 0; a < nAtoms; a++) {
    const li = countsLi + 1 + a;
    const line = lines[li]!;
    let xyz = [0, 10, 20].map((c) => parseStrictNumber(line.slice(c, c + 10).trim()));
    let sym = line.slice(31, 34).trim();
    let chargeText = line.slice(36, 39).trim();
    let cols = [1, 11, 21];
    if (xyz.some(Number.isNaN) || !molElement(sym)) {
      const t = tokenize(line);
      const nums = t.slice(0, 3).map((x) => parseStrictNumber(x.text));
      if (t.length < 4 || nums.some(Number.isNaN)) {
        const bad = t.find((x, k) => k < 3 && Number.isNaN(parseStrictNumber(x.text)));
        throw inputError(
          'mol-atom',
          t.length < 4
            ? `atom line ${a + 1} of ${nAtoms} needs x, y, z and a symbol, found ${t.length} field${t.length === 1 ? '' : 's'}`
            : `atom line ${a + 1}: "${bad?.text}" is not a coordinate`,
          where(li, bad?.column ?? t[0]?.column ?? 1, bad?.text.length ?? 1),
          'atom lines hold x, y, z (Å) in columns 1–30 and the element symbol in 32–34',
        );
      }
      xyz = nums;
      sym = t[3]!.text;
      chargeText = t[5]?.text ?? '0';
      cols = t.slice(0, 3).map((x) => x.column);
      if (!molElement(sym)) elementOrError(sym, where(li, t[3]!.column, sym.length));
    }
    numbers[a] = elementOrError(sym, where(li, 32, 3));
    for (let k = 0; k < 3; k++)
      positions[3 * a + k] = checkCoordinate(
        xyz[k]!,
        `${'xyz'[k]} of atom ${a + 1} (${sym})`,
        where(li, cols[k], 10),
      );
    const code = chargeText === '' ? 0 : CHARGE_CODE[chargeText];
    if (code === undefined) {
      throw inputError(
        'mol-charge',
        `charge code "${chargeText}" of atom ${a + 1} is not one of 0–7`,
        where(li, 37, 3),
        'columns 37–39: 0 none, 1 +3, 2 +2, 3 +1, 4 doublet radical, 5 −1, 6 −2, 7 −3 (or use an "M  CHG" line)',
      );
    }
    charges[a] = code;
  }
  for (let b = 0; b < nBonds; b++) {
    const li = countsLi + 1 + nAtoms + b;
    const line = lines[li]!;
    let i1 = Number.parseInt(line.slice(0, 3), 10);
    let i2 = Number.parseInt(line.slice(3, 6), 10);
    if (!(i1 >= 1 && i2 >= 1) || /\S/.test(line.slice(0, 6).replace(/\d/g, '').trim())) {
      const t = tokenize(line);
      i1 = Number(t[0]?.text);
      i2 = Number(t[1]?.text);
    }
    if (
      !(Number.isInteger(i1) && Number.isInteger(i2) && i1 >= 1 && i2 >= 1 && i1 <= nAtoms && i2 <= nAtoms)
    ) {
      throw inputError(
        'mol-bond',
        `bond line ${b + 1} of ${nBonds} does not join two of the ${nAtoms} atoms`,
        where(li, 1, 6),
        'bond lines give two atom numbers (columns 1–3 and 4–6, from 1), then the bond type; check the bond count on line 4',
      );
    }
  }
  // properties block, up to M  END
  let li = countsLi + 1 + nAtoms + nBonds;
  let chgSeen = false;
  const mChg = new Map<number, number>();
  for (; li < lines.length; li++) {
    const line = lines[li]!;
    if (/^M {2}END/.test(line)) {
      li++;
      break;
    }
    if (line.trim() === '$$$$' || /^>/.test(line)) break;
    if (/^[AG] {2}/.test(line)) {
      li++; // atom alias / group abbreviation: one text line follows
      continue;
    }
    if (/^M {2}CHG/.test(line)) {
      chgSeen = true;
      const t = tokenize(line.slice(6));
      const count = Number(t[0]?.text);
      if (!(Number.isInteger(count) && count >= 1 && count <= 8 && t.length >= 1 + 2 * count)) {
        throw inputError(
          'mol-charge',
          'an "M  CHG" line gives the number of entries (1–8) and that many atom/charge pairs',
          where(li, 1, 6),
          'e.g. "M  CHG  2   1   1   4  -1" (atom 1 +1, atom 4 −1)',
        );
      }
      for (let k = 0; k < count; k++) {
        const at = t[1 + 2 * k]!;
        const ch = t[2 + 2 * k]!;
        const ai = Number(at.text);
        const cv = Number(ch.text);
        if (!(Number.isInteger(ai) && ai >= 1 && ai <= nAtoms)) {
          throw inputError(
            'mol-charge',
            `"M  CHG" names atom ${at.text}, not one of the ${nAtoms} atoms`,
            where(li, 7 + at.column - 1, at.text.length),
          );
        }
        if (!(Number.isInteger(cv) && Math.abs(cv) <= 15)) {
          throw inputError(
            'mol-charge',
            `"M  CHG" charge "${ch.text}" must be a whole number from −15 to 15`,
            where(li, 7 + ch.column - 1, ch.text.length),
          );
        }
        mChg.set(ai - 1, cv);
      }
    }
  }
  // "M  CHG" supersedes the atom-block charges (CTfile formats, properties block)
  if (chgSeen) {
    charges.fill(0);
    for (const [a, c] of mChg) charges[a] = c;
  }
  let charge = 0;
  for (const c of charges) charge += c;
  return {
    structure: createStructure({ numbers, positions, charge, ...(title ? { title } : {}) }),
    next: li,
  };
}

/** V3000: logical lines (continuations joined) from `M  V30 BEGIN CTAB` to `M  END`. */
function parseV3000(
  lines: readonly string[],
  from: number,
  where: Where,
  record: number,
  title: string,
): { structure: Structure; next: number } {
  const logical: { text: string; li: number }[] = [];
  let li = from;
  let ended = false;
  for (; li < lines.length; li++) {
    const line = lines[li]!;
    if (/^M {2}END/.test(line)) {
      ended = true;
      li++;
      break;
    }
    if (line.trim() === '$$$$') break;
    if (!/^M {2}V30 /.test(line)) continue;
    let body = line.slice(7);
    const first = li;
    while (body.endsWith('-') && li + 1 < lines.length && /^M {2}V30 /.test(lines[li + 1]!)) {
      body = body.slice(0, -1) + lines[++li]!.slice(7);
    }
    logical.push({ text: body.trim(), li: first });
  }
  if (!ended) {
    throw inputError(
      'mol-truncated',
      `V3000 record ${record} has no "M  END" line`,
      where(Math.min(li, lines.length - 1)),
      'a V3000 connection table ends with "M  V30 END CTAB" and "M  END"',
    );
  }
  const begin = logical.findIndex((l) => /^BEGIN ATOM$/i.test(l.text));
  const end = logical.findIndex((l, k) => k > begin && /^END ATOM$/i.test(l.text));
  if (begin < 0 || end < 0) {
    throw inputError(
      'mol-v3000',
      `V3000 record ${record} has no complete atom block ("M  V30 BEGIN ATOM" … "M  V30 END ATOM")`,
      where(from - 1),
      'export the molecule again, or as V2000',
    );
  }
  const numbers: number[] = [];
  const positions: number[] = [];
  let charge = 0;
  for (const { text, li: at } of logical.slice(begin + 1, end)) {
    const t = text.split(/\s+/);
    if (t.length < 6) {
      throw inputError(
        'mol-atom',
        `V3000 atom line needs index, type, x, y, z and aamap, found ${t.length} fields`,
        where(at, 8),
        'e.g. "M  V30 1 C 0.0000 1.3940 0.0000 0"',
      );
    }
    const src = lines[at]!;
    const col = (tok: string) => Math.max(1, src.indexOf(tok, 7) + 1);
    numbers.push(elementOrError(t[1]!, where(at, col(t[1]!), t[1]!.length)));
    for (let k = 0; k < 3; k++) {
      const v = parseStrictNumber(t[2 + k]!);
      if (Number.isNaN(v)) {
        throw inputError(
          'mol-atom',
          `V3000 atom ${t[0]}: "${t[2 + k]}" is not a coordinate`,
          where(at, col(t[2 + k]!), t[2 + k]!.length),
          'coordinates are in Å',
        );
      }
      positions.push(
        checkCoordinate(
          v,
          `${'xyz'[k]} of atom ${t[0]} (${t[1]})`,
          where(at, col(t[2 + k]!), t[2 + k]!.length),
        ),
      );
    }
    for (const kv of t.slice(6)) {
      const m = /^CHG=(.*)$/i.exec(kv);
      if (!m) continue;
      const c = Number(m[1]);
      if (!(Number.isInteger(c) && Math.abs(c) <= 15)) {
        throw inputError(
          'mol-charge',
          `V3000 atom ${t[0]}: charge "${m[1]}" must be a whole number from −15 to 15`,
          where(at, col(kv), kv.length),
        );
      }
      charge += c;
    }
  }
  return {
    structure: createStructure({ numbers, positions, charge, ...(title ? { title } : {}) }),
    next: li,
  };
}

/** Does this text look like a MOL/SD file (a V2000/V3000 counts line on line 4, or an `M  END`)? */
export function looksLikeMol(text: string): boolean {
  const l = text.split(/\r\n|\r|\n/, 5);
  return (
    /V[23]000\s*$/i.test(l[3] ?? '') ||
    (/^M {2}END\s*$/m.test(text.slice(0, 200000)) && /^\s*\d+\s+\d+/.test(l[3] ?? ''))
  );
}
