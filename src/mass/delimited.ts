/**
 * Delimited-text spectra as instruments and their software export them: text in, points out.
 *
 * What is recognised (each guess is recorded in `DelimitedReading.notes`, so the report can say
 * how the file was read):
 * - separator: tab, semicolon, comma or runs of spaces, and the decimal mark ('.' or ','): every
 *   combination is tried on the data lines and the one that reads the most lines as ≥ 2 numbers
 *   with the same field count wins (ties: tab, ';', ',', spaces; '.' before ','). A decimal comma
 *   is only possible when the separator is not a comma ("7390,9297;44" = 7390.9297, 44).
 * - preamble and header: lines before the first data line are preamble (instrument, file and
 *   scan lines, e.g. Thermo Xcalibur's "SPECTRUM - MS … Scan #: 11 … Data points: 1490"); the
 *   last of them with the data's field count is the header ("Mass\tIntensity",
 *   "#Point\tX(Thompsons)\tY(Counts)" — a leading '#' is dropped). Blank lines and '#' comment
 *   lines are skipped anywhere.
 * - columns: by name from the header (m/z: "m/z", "mz", "mass", "X(Thompsons)", "Mass/Charge"…;
 *   intensity: "intensity", "I", "Y(Counts)", "abundance", "counts", "height"…), by the user's
 *   choice (a 1-based number or a header name), else by position: a leading index column
 *   (0,1,2,… or 1,2,3,…, or a header "#", "#Point", "index", "No.") is skipped and the next two
 *   columns are m/z and intensity.
 * Errors name the line and column: a non-numeric field, a missing column, m/z ≤ 0, a negative
 * or non-finite intensity.
 */
import { excerpt, InputError } from '../core/errors.js';

export interface DelimitedOptions {
  /** m/z column: 1-based number or header name (case-insensitive). */
  readonly mzColumn?: string | number;
  /** Intensity column: 1-based number or header name. */
  readonly intensityColumn?: string | number;
  /** Name of the input in errors. */
  readonly inputName?: string;
}

export interface ColumnChoice {
  /** 1-based column number. */
  readonly column: number;
  /** Header name of the column, null without a header. */
  readonly name: string | null;
  /** How it was chosen. */
  readonly how: 'given' | 'named' | 'position';
}

export interface DelimitedReading {
  readonly separator: 'tab' | 'semicolon' | 'comma' | 'spaces';
  readonly decimalComma: boolean;
  /** The header line's fields, null when the file has none. */
  readonly header: readonly string[] | null;
  /** Lines before the header/data that were skipped (instrument metadata). */
  readonly preambleLines: number;
  readonly indexColumn: boolean;
  readonly mzColumn: ColumnChoice;
  readonly intensityColumn: ColumnChoice;
  /** Human-readable lines: how the file was read. */
  readonly notes: readonly string[];
}

export interface DelimitedData {
  readonly mz: Float64Array;
  readonly intensity: Float64Array;
  /** 1-based line of every point. */
  readonly lines: Int32Array;
  readonly reading: DelimitedReading;
}

type Sep = '\t' | ';' | ',' | ' ';
const SEP_NAME: Record<Sep, DelimitedReading['separator']> = {
  '\t': 'tab',
  ';': 'semicolon',
  ',': 'comma',
  ' ': 'spaces',
};
// unambiguous (no \d+\.?\d*): linear time on a 100 kB run of digits that then fails
const NUMBER_RE = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const COMMA_NUMBER_RE = /^[-+]?(?:\d+(?:,\d*)?|,\d+)(?:[eE][-+]?\d+)?$/;

interface Field {
  readonly text: string;
  /** 1-based column of its first character. */
  readonly column: number;
}

function split(line: string, sep: Sep): Field[] {
  const fields: Field[] = [];
  if (sep === ' ') {
    for (const m of line.matchAll(/[^\s]+/g)) fields.push({ text: m[0], column: m.index + 1 });
    return fields;
  }
  let col = 0;
  for (const part of line.split(sep)) {
    const lead = part.length - part.trimStart().length;
    fields.push({ text: part.trim().replace(/^"(.*)"$/, '$1'), column: col + lead + 1 });
    col += part.length + 1;
  }
  // a trailing separator ("1.0,2.0,") leaves an empty last field: not a column
  while (fields.length > 1 && fields[fields.length - 1]!.text === '') fields.pop();
  return fields;
}

function isNumber(t: string, decimalComma: boolean): boolean {
  return decimalComma ? COMMA_NUMBER_RE.test(t) : NUMBER_RE.test(t);
}

function toNumber(t: string, decimalComma: boolean): number {
  return Number(decimalComma ? t.replace(',', '.') : t);
}

function isSkipped(line: string): boolean {
  // first non-blank character, without allocating a trimmed copy
  let i = 0;
  while (i < line.length && (line.charCodeAt(i) <= 32 || line.charCodeAt(i) === 0xfeff)) i++;
  if (i === line.length) return true;
  const c = line.charCodeAt(i);
  return c === 35 || c === 37 || (c === 47 && line.charCodeAt(i + 1) === 47); // '#', '%', '//'
}

const MZ_NAME =
  /^(m\/?z|mz|m\/z\s*\(.*\)|mass|mass\/charge|mass\s*\(.*\)|x\s*\(thomsons?\)|x\s*\(thompsons?\)|x|moverz|m_z)$/i;
const INTENSITY_NAME =
  /^(i|int|intens|intensity|intensities|intensity\s*\(.*\)|y\s*\(counts\)|y|counts|abundance|abund|height|signal|rel\.?\s*int\.?|relative intensity|i\s*%|%)$/i;
const INDEX_NAME = /^(#|#?point|index|idx|no\.?|n|#peak|peak\s*#?|nr\.?)$/i;

/** Read a delimited-text spectrum (see the module comment). */
export function readDelimited(text: string, options: DelimitedOptions = {}): DelimitedData {
  const inputName = options.inputName ?? 'peak list';
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.length > 0) lines[0] = lines[0]!.replace(/^\uFEFF/, '');
  // --- separator and decimal mark, from a sample of lines that are not skipped
  const candidates: { sep: Sep; dc: boolean }[] = [
    { sep: '\t', dc: false },
    { sep: '\t', dc: true },
    { sep: ';', dc: false },
    { sep: ';', dc: true },
    { sep: ',', dc: false },
    { sep: ' ', dc: false },
    { sep: ' ', dc: true },
  ];
  const sample: number[] = [];
  for (let i = 0; i < lines.length && sample.length < 400; i++) if (!isSkipped(lines[i]!)) sample.push(i);
  // also a sample from the end (long preambles)
  for (let i = lines.length - 1, k = 0; i >= 0 && k < 100; i--) {
    if (!isSkipped(lines[i]!)) {
      sample.push(i);
      k++;
    }
  }
  let best = { sep: ',' as Sep, dc: false, score: -1, width: 2 };
  for (const c of candidates) {
    const widths = new Map<number, number>();
    for (const i of sample) {
      const f = split(lines[i]!, c.sep);
      if (f.length >= 2 && f.every((x) => isNumber(x.text, c.dc)))
        widths.set(f.length, (widths.get(f.length) ?? 0) + 1);
    }
    let width = 0;
    let score = 0;
    for (const [w, n] of widths) if (n > score || (n === score && w < width)) [width, score] = [w, n];
    if (score > best.score) best = { sep: c.sep, dc: c.dc, score, width };
  }
  const { sep, dc, width } = best;
  const numeric = (line: string) => {
    const f = split(line, sep);
    return f.length >= 2 && f.every((x) => isNumber(x.text, dc)) ? f : null;
  };
  // --- first data line: the first line whose fields are numbers with the data's width
  let first = -1;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() === '') continue;
    const f = numeric(lines[i]!);
    if (f && f.length === width && !lines[i]!.trim().startsWith('#')) {
      first = i;
      break;
    }
  }
  if (first < 0 || best.score <= 0) {
    // nothing reads as data: report the first line that is not skipped
    const bad = lines.findIndex((l) => !isSkipped(l));
    if (bad < 0) {
      throw new InputError('peaks-empty', 'the peak list is empty', {
        location: { inputName, line: lines.length },
        hint: 'give one peak per line: m/z, intensity (for example "1779.2755,100")',
      });
    }
    const f = split(lines[bad]!, sep);
    const nonNum = f.find((x) => !isNumber(x.text, dc));
    if (f.length < 2 && (!nonNum || f.length === 1)) {
      throw new InputError('peaks-columns', 'expected two columns (m/z, intensity), found one', {
        location: { inputName, line: bad + 1, column: lines[bad]!.length + 1, source: lines[bad]! },
        hint: 'add the intensity after the m/z, e.g. "1779.2755,100"',
      });
    }
    throw new InputError(
      'peaks-number',
      `no line of the file reads as numbers: "${(nonNum ?? f[0]!).text.slice(0, 40)}" is not a number`,
      {
        location: { inputName, line: bad + 1, column: (nonNum ?? f[0]!).column, source: lines[bad]! },
        hint: 'each data line must hold m/z and intensity (comma, tab, semicolon or space separated)',
      },
    );
  }
  // --- header: the last non-blank line before the data, if it splits into 2…width fields
  // (names align from the left; "#Point" and Bruker's "#" name an index column)
  let header: string[] | null = null;
  let headerLine = -1;
  for (let i = first - 1; i >= 0; i--) {
    const t = lines[i]!.trim();
    if (t === '') continue;
    let f = split(t, sep).map((x) => x.text);
    if (f[0] === '#' && f.length === width + 1) f = f.slice(1); // "# m/z intensity"
    if (f.length >= 2 && f.length <= width && f.some((x) => !isNumber(x, dc))) {
      while (f.length < width) f.push('');
      header = f.map((x) => excerpt(x, 80)); // names are echoed in notes and JSON: keep them short
      headerLine = i;
    }
    break;
  }
  const preambleLines =
    (headerLine >= 0 ? headerLine : first) - countBlank(lines, 0, headerLine >= 0 ? headerLine : first);
  // --- columns
  const notes: string[] = [];
  const firstFields = numeric(lines[first]!)!;
  const resolveGiven = (v: string | number, what: string): ColumnChoice => {
    if (typeof v === 'number' || /^\d+$/.test(String(v).trim())) {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > width) {
        throw new InputError(
          'peaks-column-choice',
          `${what}: column ${v} does not exist (the data has ${width} columns)`,
          {
            location: { inputName, line: first + 1 },
            hint: `give a number from 1 to ${width}${header ? ` or a header name: ${header.filter(Boolean).join(', ')}` : ''}`,
          },
        );
      }
      return { column: n, name: header?.[n - 1] || null, how: 'given' };
    }
    const want = String(v).trim().toLowerCase();
    const idx = header ? header.findIndex((h) => h.toLowerCase() === want) : -1;
    if (idx < 0) {
      throw new InputError('peaks-column-choice', `${what}: no column is named "${String(v).slice(0, 40)}"`, {
        location: { inputName, ...(headerLine >= 0 ? { line: headerLine + 1 } : {}) },
        hint: header
          ? `the header names: ${header.filter(Boolean).join(', ')}; or give a column number`
          : 'the file has no header line: give a column number (1, 2, …)',
      });
    }
    return { column: idx + 1, name: header![idx]!, how: 'given' };
  };
  let indexColumn = false;
  let mzCol: ColumnChoice | null =
    options.mzColumn !== undefined ? resolveGiven(options.mzColumn, '--mz-column') : null;
  let intCol: ColumnChoice | null =
    options.intensityColumn !== undefined
      ? resolveGiven(options.intensityColumn, '--intensity-column')
      : null;
  if (header) {
    if (!mzCol) {
      const i = header.findIndex((h) => MZ_NAME.test(h.trim()));
      if (i >= 0 && i !== (intCol?.column ?? 0) - 1)
        mzCol = { column: i + 1, name: header[i]!, how: 'named' };
    }
    if (!intCol) {
      const i = header.findIndex((h, k) => INTENSITY_NAME.test(h.trim()) && k + 1 !== mzCol?.column);
      if (i >= 0) intCol = { column: i + 1, name: header[i]!, how: 'named' };
    }
  }
  const leadByName = header ? INDEX_NAME.test(header[0]!.trim()) || header[0] === '' : false;
  indexColumn = width >= 3 && (leadByName || (!header && looksLikeIndex(lines, first, sep, dc)));
  if (indexColumn && (mzCol?.column === 1 || intCol?.column === 1)) indexColumn = false;
  if (!mzCol || !intCol) {
    // by position, after a leading index column
    const taken = new Set([mzCol?.column, intCol?.column]);
    const free: number[] = [];
    for (let c = indexColumn ? 2 : 1; c <= width; c++) if (!taken.has(c)) free.push(c);
    if (!mzCol) {
      const c = free.shift()!;
      mzCol = { column: c, name: header?.[c - 1] || null, how: 'position' };
    }
    if (!intCol) {
      const c = free.shift();
      if (c === undefined) {
        throw new InputError('peaks-column-choice', 'no column is left for the intensity', {
          location: { inputName, line: first + 1 },
          hint: 'choose it with --intensity-column',
        });
      }
      intCol = { column: c, name: header?.[c - 1] || null, how: 'position' };
    }
  }
  if (mzCol.column === intCol.column) {
    throw new InputError('peaks-column-choice', `m/z and intensity are both column ${mzCol.column}`, {
      hint: 'choose different columns with --mz-column and --intensity-column',
    });
  }
  // --- notes: everything that was a guess
  const sepText = SEP_NAME[sep];
  notes.push(
    `${sepText}-separated${dc ? ` with decimal commas (e.g. "${excerpt(firstFields[mzCol.column - 1]!.text, 30)}" read as ${toNumber(firstFields[mzCol.column - 1]!.text, true)})` : ''}, ${width} columns; ` +
      (header
        ? `header line ${headerLine + 1}: ${excerpt(header.map((h) => excerpt(h || '(unnamed)', 40)).join(' | '), 200)}`
        : 'no header line') +
      (preambleLines > 0 ? `; ${preambleLines} preamble line${preambleLines === 1 ? '' : 's'} skipped` : ''),
  );
  const describe = (c: ColumnChoice) =>
    `column ${c.column}${c.name ? ` "${excerpt(c.name, 40)}"` : ''} (${c.how === 'given' ? 'as asked' : c.how === 'named' ? 'by its name' : 'by position'})`;
  if (width > 2 || mzCol.how !== 'position' || header === null) {
    notes.push(
      `m/z from ${describe(mzCol)}, intensity from ${describe(intCol)}${indexColumn ? '; column 1 is an index and was skipped' : ''}`,
    );
  }
  // --- data
  const n0 = lines.length - first;
  let mz = new Float64Array(Math.min(n0, 1 << 16));
  let inten = new Float64Array(mz.length);
  let lineOf = new Int32Array(mz.length);
  let n = 0;
  for (let i = first; i < lines.length; i++) {
    const raw = lines[i]!;
    if (isSkipped(raw)) continue;
    // fast path: the two fields, no per-field objects; anything unusual takes the slow path,
    // which finds the column for the error
    const parts = sep === ' ' ? raw.trim().split(/\s+/) : raw.split(sep);
    const ta = clean(parts[mzCol.column - 1]);
    const tb = clean(parts[intCol.column - 1]);
    if (ta !== null && tb !== null && isNumber(ta, dc) && isNumber(tb, dc)) {
      const va = toNumber(ta, dc);
      const vb = toNumber(tb, dc);
      if (va > 0 && Number.isFinite(va) && vb >= 0 && Number.isFinite(vb)) {
        if (n === mz.length) {
          mz = growF(mz);
          inten = growF(inten);
          lineOf = growI(lineOf);
        }
        mz[n] = va;
        inten[n] = vb;
        lineOf[n] = i + 1;
        n++;
        continue;
      }
    }
    const f = split(raw, sep);
    const where = (column: number, length = 1) => ({ line: i + 1, column, length, source: raw, inputName });
    const need = Math.max(mzCol.column, intCol.column);
    if (f.length < need || f[need - 1]!.text === '') {
      throw new InputError(
        'peaks-columns',
        need === 2
          ? 'expected two columns (m/z, intensity), found one'
          : `expected ${need} columns, found ${f.length}`,
        {
          location: where(raw.length + 1),
          hint:
            need === 2
              ? 'add the intensity after the m/z, e.g. "1779.2755,100"'
              : 'every data line needs the same columns as the first',
        },
      );
    }
    const get = (c: number, what: string) => {
      const x = f[c - 1]!;
      if (!isNumber(x.text, dc)) {
        throw new InputError('peaks-number', `${what} "${x.text.slice(0, 40)}" is not a number`, {
          location: where(x.column, Math.max(1, x.text.length)),
          hint: 'each data line must be numbers only (comma, tab, semicolon or space separated)',
        });
      }
      return { v: toNumber(x.text, dc), x };
    };
    const m = get(mzCol.column, 'm/z');
    const y = get(intCol.column, 'intensity');
    if (!(m.v > 0) || !Number.isFinite(m.v)) {
      throw new InputError('peaks-mz', `m/z must be a positive number, got ${m.x.text.slice(0, 40)}`, {
        location: where(m.x.column, m.x.text.length),
      });
    }
    if (!(y.v >= 0) || !Number.isFinite(y.v)) {
      throw new InputError('peaks-intensity', `intensity must be ≥ 0, got ${y.x.text.slice(0, 40)}`, {
        location: where(y.x.column, y.x.text.length),
        hint: 'intensities are counts or relative heights; a baseline-subtracted list must clip negatives to 0',
      });
    }
    if (n === mz.length) {
      mz = growF(mz);
      inten = growF(inten);
      lineOf = growI(lineOf);
    }
    mz[n] = m.v;
    inten[n] = y.v;
    lineOf[n] = i + 1;
    n++;
  }
  return {
    mz: mz.slice(0, n),
    intensity: inten.slice(0, n),
    lines: lineOf.slice(0, n),
    reading: {
      separator: sepText,
      decimalComma: dc,
      header,
      preambleLines,
      indexColumn,
      mzColumn: mzCol,
      intensityColumn: intCol,
      notes,
    },
  };
}

function clean(t: string | undefined): string | null {
  if (t === undefined) return null;
  const first = t.charCodeAt(0);
  const last = t.charCodeAt(t.length - 1);
  if (first > 34 && last > 34) return t; // no blank or quote at either end
  const x = t.trim();
  return x.length > 1 && x.charCodeAt(0) === 34 && x.charCodeAt(x.length - 1) === 34 ? x.slice(1, -1) : x;
}

function growF(a: Float64Array): Float64Array<ArrayBuffer> {
  const b = new Float64Array(a.length * 2);
  b.set(a);
  return b;
}

function growI(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

function countBlank(lines: readonly string[], from: number, to: number): number {
  let k = 0;
  for (let i = from; i < to; i++) if (lines[i]!.trim() === '') k++;
  return k;
}

/** Whether the first column counts up by one (0,1,2… or 1,2,3…) over the first data lines. */
function looksLikeIndex(lines: readonly string[], first: number, sep: Sep, _dc: boolean): boolean {
  let prev: number | null = null;
  let seen = 0;
  for (let i = first; i < lines.length && seen < 20; i++) {
    if (isSkipped(lines[i]!)) continue;
    const f = split(lines[i]!, sep);
    const t = f[0]?.text ?? '';
    if (!/^\d+$/.test(t)) return false;
    const v = Number(t);
    if (prev === null ? v > 1 : v !== prev + 1) return false;
    prev = v;
    seen++;
  }
  return seen >= 2;
}
