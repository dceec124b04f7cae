/**
 * CIF 1.1 syntax (Hall, Allen & Brown, Acta Cryst. A47, 655 (1991); grammar of
 * https://www.iucr.org/resources/cif/spec/version1.1/cifsyntax): tokenizer,
 * data blocks with items and loops, numbers with standard uncertainties and
 * symmetry-operation strings. No crystallographic interpretation (./cif.ts).
 */
import { inputError, splitLines } from './common.js';

/**
 * At most `max` characters of input text for a message (issue 17.8: an error never echoes more
 * than a short excerpt): longer text keeps its head and says how long it was.
 */
export function short(text: string, max = 40): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…(${text.length} characters)`;
}

// ---------------------------------------------------------------- tokenizer

interface Token {
  readonly kind: 'data' | 'loop' | 'tag' | 'value' | 'save' | 'global' | 'stop';
  readonly text: string;
  readonly line: number;
  readonly column: number;
  readonly quoted: boolean;
}

function tokenizeCif(text: string, inputName?: string): { tokens: Token[]; lines: string[] } {
  const lines = splitLines(text);
  const tokens: Token[] = [];
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    if (line.startsWith(';')) {
      // text field: up to the next line starting with ';'
      const parts = [line.slice(1)];
      let end = li + 1;
      while (end < lines.length && !lines[end]!.startsWith(';')) parts.push(lines[end++]!);
      if (end >= lines.length) {
        throw inputError(
          'cif-text-field',
          'a text field opened with ";" at the start of this line is never closed',
          { line: li + 1, column: 1, source: line, inputName },
          'close it with a line that starts with ";"',
        );
      }
      tokens.push({ kind: 'value', text: parts.join('\n').trim(), line: li + 1, column: 1, quoted: true });
      // anything after the closing ';' on its line is ignored, as in most readers
      li = end;
      continue;
    }
    let i = 0;
    const n = line.length;
    while (i < n) {
      const ch = line[i]!;
      if (ch === ' ' || ch === '\t') {
        i++;
        continue;
      }
      if (ch === '#') break;
      const col = i + 1;
      if (ch === "'" || ch === '"') {
        // closes at the same quote followed by whitespace or end of line
        let j = i + 1;
        while (j < n && !(line[j] === ch && (j + 1 >= n || /\s/.test(line[j + 1]!)))) j++;
        if (j >= n) {
          throw inputError(
            'cif-quote',
            `a quoted value opened with ${ch} is not closed on this line`,
            { line: li + 1, column: col, source: line, inputName },
            `end it with ${ch} followed by a space or the end of the line`,
          );
        }
        tokens.push({ kind: 'value', text: line.slice(i + 1, j), line: li + 1, column: col, quoted: true });
        i = j + 1;
        continue;
      }
      let j = i;
      while (j < n && line[j] !== ' ' && line[j] !== '\t') j++;
      const word = line.slice(i, j);
      const lower = word.toLowerCase();
      let kind: Token['kind'] = 'value';
      if (word.startsWith('_')) kind = 'tag';
      else if (lower.startsWith('data_')) kind = 'data';
      else if (lower === 'loop_') kind = 'loop';
      else if (lower.startsWith('save_')) kind = 'save';
      else if (lower === 'global_') kind = 'global';
      else if (lower === 'stop_') kind = 'stop';
      tokens.push({ kind, text: word, line: li + 1, column: col, quoted: false });
      i = j;
    }
  }
  return { tokens, lines };
}

// ---------------------------------------------------------------- blocks

export interface CifValue {
  readonly text: string;
  readonly line: number;
  readonly column: number;
  readonly quoted: boolean;
}

export interface CifLoop {
  /** Normalised tag names (lower case, DDLm '.' → '_'). */
  readonly tags: readonly string[];
  readonly rows: readonly (readonly CifValue[])[];
  readonly line: number;
}

export interface CifBlock {
  readonly name: string;
  readonly line: number;
  readonly items: ReadonlyMap<string, CifValue>;
  readonly loops: readonly CifLoop[];
}

/** Normalise a tag: lower case, and DDLm `_atom_site.fract_x` → `_atom_site_fract_x`. */
export function normaliseTag(tag: string): string {
  return tag.toLowerCase().replace(/\./g, '_');
}

/** Parse CIF syntax into data blocks (no interpretation). */
export function parseCifBlocks(text: string, inputName?: string): CifBlock[] {
  const { tokens, lines } = tokenizeCif(text, inputName);
  const blocks: { name: string; line: number; items: Map<string, CifValue>; loops: CifLoop[] }[] = [];
  let current: (typeof blocks)[number] | undefined;
  const at = (t: Token, length?: number) => ({
    line: t.line,
    column: t.column,
    ...(length ? { length } : {}),
    source: lines[t.line - 1] ?? '',
    inputName,
  });
  let k = 0;
  while (k < tokens.length) {
    const t = tokens[k]!;
    if (t.kind === 'data') {
      current = { name: t.text.slice(5), line: t.line, items: new Map(), loops: [] };
      blocks.push(current);
      k++;
      continue;
    }
    if (t.kind === 'save' || t.kind === 'global' || t.kind === 'stop') {
      k++;
      continue;
    }
    if (!current) {
      throw inputError(
        'cif-no-block',
        `"${short(t.text, 30)}" appears before any data_ block`,
        at(t, t.text.length),
        'a CIF starts its content with a line such as "data_mycluster"',
      );
    }
    if (t.kind === 'tag') {
      const v = tokens[k + 1];
      if (v?.kind !== 'value') {
        throw inputError(
          'cif-missing-value',
          `tag ${short(t.text)} has no value`,
          at(t, t.text.length),
          "give a value after the tag ('?' if unknown)",
        );
      }
      current.items.set(normaliseTag(t.text), {
        text: v.text,
        line: v.line,
        column: v.column,
        quoted: v.quoted,
      });
      k += 2;
      continue;
    }
    if (t.kind === 'loop') {
      const tags: string[] = [];
      k++;
      while (k < tokens.length && tokens[k]!.kind === 'tag') tags.push(normaliseTag(tokens[k++]!.text));
      if (tags.length === 0) {
        throw inputError('cif-loop', 'loop_ without tags', at(t, 5), 'list the tags of the loop after loop_');
      }
      const values: CifValue[] = [];
      while (k < tokens.length && tokens[k]!.kind === 'value') {
        const v = tokens[k++]!;
        values.push({ text: v.text, line: v.line, column: v.column, quoted: v.quoted });
      }
      if (values.length % tags.length !== 0) {
        const last = values[values.length - 1];
        throw inputError(
          'cif-loop-count',
          `the loop starting on line ${t.line} has ${values.length} values, not a multiple of its ${tags.length} tags`,
          last
            ? { line: last.line, column: last.column, source: lines[last.line - 1] ?? '', inputName }
            : at(t),
          'a value is missing or a value with spaces lacks quotes',
        );
      }
      const rows: CifValue[][] = [];
      for (let r = 0; r < values.length; r += tags.length) rows.push(values.slice(r, r + tags.length));
      current.loops.push({ tags, rows, line: t.line });
      continue;
    }
    // stray value
    throw inputError(
      'cif-stray-value',
      `value "${short(t.text, 30)}" does not follow a tag`,
      at(t, Math.min(t.text.length, 30)),
      'values with spaces need quotes; every value follows its _tag or sits in a loop_',
    );
  }
  return blocks;
}

// ---------------------------------------------------------------- numbers and symops

/** A CIF number with optional standard uncertainty `1.234(5)`; NaN for '?', '.' or garbage. */
export function parseCifNumber(text: string): { value: number; su?: number } {
  const m = /^([-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)(?:\((\d+)\))?$/.exec(text);
  if (!m) return { value: Number.NaN };
  const value = Number(m[1]);
  if (!Number.isFinite(value)) return { value: Number.NaN };
  if (m[2] === undefined) return { value };
  const decimals = /\.(\d*)/.exec(m[1]!.replace(/[eE].*/, ''))?.[1]?.length ?? 0;
  return { value, su: Number(m[2]) * 10 ** -decimals };
}

/** A symmetry operation f' = R f + t on fractional coordinates. */
export interface SymOp {
  /** Rotation part, row-major 3×3. */
  readonly rotation: readonly number[];
  /** Translation part (fractions of the cell). */
  readonly translation: readonly number[];
  /** The text it came from, e.g. '-x+1/2, y, -z'. */
  readonly text: string;
}

/**
 * Parse an operation such as `-x+1/2, y+1/2, -z`, `x-y, x, z+1/6`, `1/2+X,Y,0.5-Z`.
 * Returns null when the text is not of that form.
 */
export function parseSymop(text: string): SymOp | null {
  const parts = text.replace(/\s+/g, '').toLowerCase().split(',');
  if (parts.length !== 3) return null;
  const rotation = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  const translation = [0, 0, 0];
  for (let r = 0; r < 3; r++) {
    const expr = parts[r]!;
    if (!expr) return null;
    const re = /([+-]?)(?:(\d+(?:\.\d*)?|\.\d+)(?:\/(\d+))?\*?)?([xyz])?/gy;
    let pos = 0;
    let terms = 0;
    while (pos < expr.length) {
      re.lastIndex = pos;
      const m = re.exec(expr);
      if (!m || m[0] === '' || (m[2] === undefined && m[4] === undefined)) return null;
      if (terms > 0 && m[1] === '') return null; // terms after the first need a sign
      const sign = m[1] === '-' ? -1 : 1;
      let coeff = m[2] !== undefined ? Number(m[2]) : 1;
      if (m[3] !== undefined) {
        const den = Number(m[3]);
        if (den === 0) return null;
        coeff /= den;
      }
      if (m[4] !== undefined) rotation[3 * r + 'xyz'.indexOf(m[4])]! += sign * coeff;
      else translation[r]! += sign * coeff;
      pos = re.lastIndex;
      terms++;
    }
  }
  return { rotation, translation, text };
}
