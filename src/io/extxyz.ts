/**
 * Extended XYZ (ASE / QUIP convention, https://github.com/libAtoms/extxyz):
 * an XYZ file whose comment line holds `key=value` pairs, among them
 * `Lattice="ax ay az bx by bz cx cy cz"` (cell rows, Å) and
 * `Properties=species:S:1:pos:R:3[:name:type:cols…]` describing the columns
 * of the atom lines (types S string, R real, I integer, L logical T/F).
 * Values may be quoted ("…", with \" escapes) or bracketed ({…}, […]).
 * The total charge is read from `charge=` (or `total_charge=`) when present;
 * the title from `comment=` (written back the same way), else there is none.
 */

import type { Structure } from '../structure/structure.js';
import { createStructure } from '../structure/structure.js';
import { cellVolume } from './cell.js';
import {
  checkCoordinate,
  checkWritablePositions,
  elementNumber,
  fmt,
  inputError,
  MAX_COORDINATE_A,
  MAX_COORDINATE_TEXT,
  parseStrictNumber,
  splitLines,
  symbolOf,
  unwritable,
} from './common.js';

export type InfoValue = string | number | boolean;

export interface ExtxyzFrame {
  readonly structure: Structure;
  /** Every key=value of the comment line (numbers and T/F converted). */
  readonly info: Readonly<Record<string, InfoValue>>;
  /** Per-atom columns other than species and pos, by property name (flattened for multi-column ones). */
  readonly arrays: Readonly<Record<string, readonly (number | string | boolean)[]>>;
}

interface KeyValue {
  key: string;
  value: string;
  column: number;
  quoted: boolean;
}

/** Split an extXYZ comment line into key=value pairs. Throws InputError on an unclosed quote or bracket. */
export function parseKeyValues(line: string, lineNo: number, inputName?: string): KeyValue[] {
  const out: KeyValue[] = [];
  let i = 0;
  const n = line.length;
  while (i < n) {
    while (i < n && /\s/.test(line[i]!)) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && line[i] !== '=' && !/\s/.test(line[i]!)) i++;
    const key = line.slice(start, i);
    // allow spaces around '='
    let j = i;
    while (j < n && /\s/.test(line[j]!)) j++;
    if (line[j] !== '=') {
      out.push({ key, value: 'T', column: start + 1, quoted: false });
      continue;
    }
    i = j + 1;
    while (i < n && /\s/.test(line[i]!)) i++;
    const open = line[i];
    if (open === '"' || open === "'") {
      let v = '';
      i++;
      let closed = false;
      while (i < n) {
        const ch = line[i]!;
        if (ch === '\\' && i + 1 < n) {
          v += line[i + 1];
          i += 2;
          continue;
        }
        if (ch === open) {
          closed = true;
          i++;
          break;
        }
        v += ch;
        i++;
      }
      if (!closed) {
        throw inputError(
          'extxyz-quote',
          `the value of ${key} opens a quote that is never closed`,
          { line: lineNo, column: start + 1, length: key.length, source: line, inputName },
          `close it: ${key}="…"`,
        );
      }
      out.push({ key, value: v, column: start + 1, quoted: true });
    } else if (open === '{' || open === '[') {
      const close = open === '{' ? '}' : ']';
      const end = line.indexOf(close, i);
      if (end < 0) {
        throw inputError(
          'extxyz-bracket',
          `the value of ${key} opens "${open}" that is never closed`,
          { line: lineNo, column: i + 1, source: line, inputName },
          `close it with "${close}"`,
        );
      }
      out.push({ key, value: line.slice(i + 1, end).replace(/,/g, ' '), column: start + 1, quoted: true });
      i = end + 1;
    } else {
      const vs = i;
      while (i < n && !/\s/.test(line[i]!)) i++;
      out.push({ key, value: line.slice(vs, i), column: start + 1, quoted: false });
    }
  }
  return out;
}

function convertInfo(v: string): InfoValue {
  const num = parseStrictNumber(v);
  if (!Number.isNaN(num)) return num;
  if (/^(T|True|true)$/.test(v)) return true;
  if (/^(F|False|false)$/.test(v)) return false;
  return v;
}

interface Column {
  name: string;
  type: 'S' | 'R' | 'I' | 'L';
  cols: number;
}

function parseProperties(value: string, where: () => Parameters<typeof inputError>[2]): Column[] {
  const parts = value.split(':');
  if (parts.length % 3 !== 0 || parts.length === 0) {
    throw inputError(
      'extxyz-properties',
      `Properties must be name:type:columns triples, got "${value}"`,
      where(),
      'e.g. Properties=species:S:1:pos:R:3',
    );
  }
  const out: Column[] = [];
  for (let k = 0; k < parts.length; k += 3) {
    const name = parts[k]!;
    const type = parts[k + 1]!.toUpperCase();
    const cols = Number(parts[k + 2]);
    if (!['S', 'R', 'I', 'L'].includes(type) || !Number.isInteger(cols) || cols < 1 || cols > 1000) {
      throw inputError(
        'extxyz-properties',
        `bad property "${name}:${parts[k + 1]}:${parts[k + 2]}"`,
        where(),
        'types are S, R, I or L and the column count is a positive integer',
      );
    }
    out.push({ name, type: type as Column['type'], cols });
  }
  return out;
}

/** Parse every frame of an extended XYZ file, with the comment-line info and extra per-atom columns. */
export function parseExtxyzFrames(text: string, inputName?: string): ExtxyzFrame[] {
  const lines = splitLines(text);
  const frames: ExtxyzFrame[] = [];
  let li = 0;
  const at = (line: number, column?: number, length?: number) => ({
    line: line + 1,
    ...(column !== undefined ? { column } : {}),
    ...(length !== undefined ? { length } : {}),
    source: lines[line] ?? '',
    inputName,
  });
  while (li < lines.length) {
    if (lines[li]!.trim() === '') {
      li++;
      continue;
    }
    const countText = lines[li]!.trim();
    if (!/^\d+$/.test(countText)) {
      throw inputError(
        'xyz-count',
        `expected the number of atoms${frames.length ? ` of frame ${frames.length + 1}` : ''}, got "${countText.slice(0, 40)}"`,
        at(li, lines[li]!.search(/\S/) + 1),
        'an extended XYZ frame starts with the atom count, then the key=value comment line',
      );
    }
    const n = Number(countText);
    const commentLine = li + 1;
    if (n > lines.length - li - 2) {
      throw inputError(
        'xyz-truncated',
        `frame ${frames.length + 1} declares ${n} atoms but only ${Math.max(0, lines.length - li - 2)} lines follow the comment`,
        at(li, 1),
        'fix the atom count or add the missing atom lines',
      );
    }
    const comment = lines[commentLine]!;
    const kvs = parseKeyValues(comment, commentLine + 1, inputName);
    const info: Record<string, InfoValue> = {};
    let lattice: Float64Array | undefined;
    let columns: Column[] = [
      { name: 'species', type: 'S', cols: 1 },
      { name: 'pos', type: 'R', cols: 3 },
    ];
    let charge = 0;
    for (const kv of kvs) {
      const lower = kv.key.toLowerCase();
      const where = () => at(commentLine, kv.column, kv.key.length);
      if (lower === 'lattice') {
        const v = kv.value.trim().split(/\s+/).map(parseStrictNumber);
        if (v.length !== 9 || v.some(Number.isNaN)) {
          throw inputError(
            'extxyz-lattice',
            `Lattice must hold 9 numbers (the cell vectors a, b, c in Å), got "${kv.value}"`,
            where(),
            'Lattice="ax ay az bx by bz cx cy cz"',
          );
        }
        for (let k = 0; k < 9; k++) checkCoordinate(v[k]!, `Lattice component ${k + 1}`, where());
        const volume = cellVolume(v);
        if (!(Math.abs(volume) > 1e-12)) {
          throw inputError(
            'extxyz-lattice',
            `the Lattice vectors enclose no volume (linearly dependent), got "${kv.value}"`,
            where(),
            'give three independent cell vectors in Å, e.g. Lattice="20 0 0 0 20 0 0 0 20"',
          );
        }
        lattice = Float64Array.from(v);
      } else if (lower === 'properties') {
        columns = parseProperties(kv.value, where);
      } else {
        info[kv.key] = convertInfo(kv.value);
        if (lower === 'charge' || lower === 'total_charge') {
          const c = parseStrictNumber(kv.value);
          if (Number.isNaN(c)) {
            throw inputError(
              'extxyz-charge',
              `charge must be a number, got "${kv.value}"`,
              where(),
              'e.g. charge=-1',
            );
          }
          charge = c;
        }
      }
    }
    const species = columns.find((c) => c.name === 'species' || c.name === 'Z');
    const pos = columns.find((c) => c.name === 'pos' || c.name === 'positions');
    if (!species || !pos || pos.cols !== 3 || pos.type !== 'R') {
      throw inputError(
        'extxyz-properties',
        'Properties must include species (or Z) and pos:R:3',
        at(commentLine, 1),
        'e.g. Properties=species:S:1:pos:R:3',
      );
    }
    const width = columns.reduce((t, c) => t + c.cols, 0);
    const numbers = new Uint8Array(n);
    const positions = new Float64Array(3 * n);
    const labels: string[] = [];
    let labelsDiffer = false;
    const arrays: Record<string, (number | string | boolean)[]> = {};
    for (const c of columns) if (c !== species && c !== pos) arrays[c.name] = [];
    for (let a = 0; a < n; a++) {
      const l = commentLine + 1 + a;
      const line = lines[l]!;
      const toks: { text: string; column: number }[] = [];
      for (const m of line.matchAll(/\S+/g)) toks.push({ text: m[0], column: m.index + 1 });
      if (toks.length < width) {
        throw inputError(
          'extxyz-columns',
          `atom line has ${toks.length} fields but Properties describes ${width}`,
          at(l, 1),
          toks.length === 0
            ? `frame ${frames.length + 1} may have fewer atoms than declared`
            : 'check Properties= against the atom lines',
        );
      }
      let t = 0;
      for (const c of columns) {
        for (let k = 0; k < c.cols; k++, t++) {
          const tok = toks[t]!;
          if (c === species) {
            const z = c.type === 'I' ? Number(tok.text) : elementNumber(tok.text);
            if (!Number.isInteger(z) || z < 1 || z > 118 || (c.type !== 'I' && !z)) {
              throw inputError(
                'xyz-element',
                `unknown element "${tok.text}"`,
                at(l, tok.column, tok.text.length),
                'use an element symbol (Au, S, C) or an atomic number',
              );
            }
            numbers[a] = z;
            labels.push(tok.text);
            if (tok.text !== symbolOf(z)) labelsDiffer = true;
            continue;
          }
          let value: number | string | boolean = tok.text;
          if (c.type === 'R' || c.type === 'I') {
            value = parseStrictNumber(tok.text);
            if (Number.isNaN(value) || (c.type === 'I' && !Number.isInteger(value))) {
              throw inputError(
                'xyz-number',
                `${c.name} expects ${c.type === 'I' ? 'an integer' : 'a number'}, got "${tok.text}"`,
                at(l, tok.column, tok.text.length),
                c === pos
                  ? 'coordinates are decimal numbers in Å'
                  : `check column ${t + 1} against Properties=`,
              );
            }
          } else if (c.type === 'L') {
            if (!/^(T|F|True|False|true|false)$/.test(tok.text)) {
              throw inputError(
                'extxyz-logical',
                `${c.name} expects T or F, got "${tok.text}"`,
                at(l, tok.column, tok.text.length),
              );
            }
            value = tok.text[0] === 'T' || tok.text[0] === 't';
          }
          if (c === pos)
            positions[3 * a + k] = checkCoordinate(
              value as number,
              `${'xyz'[k]} of atom ${a + 1}`,
              at(l, tok.column, tok.text.length),
            );
          else arrays[c.name]!.push(value);
        }
      }
    }
    const structure = createStructure({
      numbers,
      positions,
      charge,
      // the title is the comment= value (ASE writes a free-text title there), not the key=value line
      ...(info.comment !== undefined && String(info.comment).trim() !== ''
        ? { title: String(info.comment).trim() }
        : {}),
      ...(lattice ? { cell: lattice } : {}),
      ...(labelsDiffer && species.type === 'S' ? { labels } : {}),
    });
    frames.push({ structure, info, arrays });
    li = commentLine + 1 + n;
  }
  if (frames.length === 0) {
    throw inputError(
      'xyz-empty',
      'the extended XYZ input is empty',
      { line: 1, inputName },
      'it starts with the atom count',
    );
  }
  return frames;
}

/** Parse every frame of an extended XYZ file as Structures. */
export function parseExtxyz(text: string, inputName?: string): Structure[] {
  return parseExtxyzFrames(text, inputName).map((f) => f.structure);
}

/** Does this XYZ-looking text carry extXYZ keys on its comment line? */
export function looksLikeExtxyz(text: string): boolean {
  const lines = text.split(/\r\n|\r|\n/, 3);
  return /^\s*\d+\s*$/.test(lines[0] ?? '') && /(^|\s)(Lattice|Properties)\s*=/i.test(lines[1] ?? '');
}

/**
 * Write frames as extended XYZ: `Lattice` and `pbc="T T T"` when the
 * structure has a cell, `Properties=species:S:1:pos:R:3`, `charge` when
 * non-zero, the title as `comment="…"`, and any extra `info` keys.
 */
export function writeExtxyz(
  frames: Structure | readonly Structure[],
  info?: Readonly<Record<string, InfoValue>> | readonly Readonly<Record<string, InfoValue>>[],
): string {
  const list: readonly Structure[] =
    (frames as Structure).numbers instanceof Uint8Array
      ? [frames as Structure]
      : (frames as readonly Structure[]);
  const out: string[] = [];
  list.forEach((s, f) => {
    checkWritablePositions('extended XYZ', s.numbers, s.positions);
    for (let k = 0; k < (s.cell ? 9 : 0); k++) {
      const v = s.cell![k]!;
      if (!(Math.abs(v) <= MAX_COORDINATE_A))
        throw unwritable(
          'extended XYZ',
          `component ${'xyz'[k % 3]} of cell vector ${'abc'[Math.floor(k / 3)]}`,
          v,
          `±${MAX_COORDINATE_TEXT} Å`,
          'a cell this large is refused by every reader; check the cell',
        );
    }
    const extra = Array.isArray(info) ? info[f] : (info as Record<string, InfoValue> | undefined);
    const kv: string[] = [];
    if (s.cell) kv.push(`Lattice="${Array.from(s.cell, (v) => formatNumber(v)).join(' ')}"`);
    kv.push('Properties=species:S:1:pos:R:3');
    if (s.charge !== 0) kv.push(`charge=${s.charge}`);
    if (s.cell) kv.push('pbc="T T T"');
    const title = s.title?.replace(/\s+/g, ' ').trim();
    if (title && !Object.keys(extra ?? {}).some((k) => k.toLowerCase() === 'comment'))
      kv.push(`comment="${title.replace(/["\\]/g, '\\$&')}"`);
    for (const [k, v] of Object.entries(extra ?? {})) {
      if (/^(lattice|properties|charge|pbc)$/i.test(k)) continue;
      const text = typeof v === 'boolean' ? (v ? 'T' : 'F') : String(v);
      kv.push(`${k}=${/[\s"=]/.test(text) || text === '' ? `"${text.replace(/["\\]/g, '\\$&')}"` : text}`);
    }
    out.push(String(s.numbers.length), kv.join(' '));
    const p = s.positions;
    for (let a = 0; a < s.numbers.length; a++) {
      out.push(
        `${symbolOf(s.numbers[a]!).padEnd(2)} ${fmt(p[3 * a]!, 8, 16)} ${fmt(p[3 * a + 1]!, 8, 16)} ${fmt(p[3 * a + 2]!, 8, 16)}`,
      );
    }
  });
  return `${out.join('\n')}\n`;
}

function formatNumber(v: number): string {
  return Number.isInteger(v) ? v.toFixed(1) : String(Number(v.toPrecision(12)));
}
