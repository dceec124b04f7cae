/**
 * Measured peak lists: text in (CSV, TSV, semicolon- or space-separated), peaks out, with
 * line-numbered errors.
 *
 * Accepted: one peak per line, first column m/z, second column intensity (further columns are
 * ignored); blank lines and lines starting with # are skipped; one header line (first
 * non-comment line whose first field is not a number, e.g. "m/z,intensity") is skipped. With
 * semicolons as separators a decimal comma is accepted ("1779,2755;100").
 * Rejected with the line and column: a non-numeric field, fewer than two columns, m/z ≤ 0,
 * a negative or non-finite intensity, and an empty list.
 */
import { InputError } from '../core/errors.js';

export interface MeasuredPeak {
  /** m/z (Th). */
  readonly mz: number;
  /** Intensity, arbitrary units ≥ 0. */
  readonly intensity: number;
  /** 1-based line of the input it came from. */
  readonly line: number;
}

const NUMBER_RE = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

function splitFields(line: string): { sep: string; fields: { text: string; column: number }[] } {
  const sep = line.includes('\t') ? '\t' : line.includes(';') ? ';' : line.includes(',') ? ',' : ' ';
  const fields: { text: string; column: number }[] = [];
  if (sep === ' ') {
    for (const m of line.matchAll(/\S+/g)) fields.push({ text: m[0], column: m.index + 1 });
  } else {
    let col = 0;
    for (const part of line.split(sep)) {
      const lead = part.length - part.trimStart().length;
      fields.push({ text: part.trim(), column: col + lead + 1 });
      col += part.length + 1;
    }
  }
  return { sep, fields };
}

/** Parse a peak list (see the module comment). `inputName` names the file in errors. */
export function parsePeakList(text: string, inputName = 'peak list'): MeasuredPeak[] {
  const lines = text.split(/\r\n|\n|\r/);
  const peaks: MeasuredPeak[] = [];
  let sawData = false;
  for (let li = 0; li < lines.length; li++) {
    const raw = lines[li]!.replace(/^\uFEFF/, '');
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const lineNo = li + 1;
    const { sep, fields } = splitFields(raw);
    const where = (column: number, length = 1) => ({ line: lineNo, column, length, source: raw, inputName });
    const num = (f: { text: string; column: number }, what: string): number => {
      const t = sep === ';' ? f.text.replace(',', '.') : f.text;
      if (!NUMBER_RE.test(t)) {
        throw new InputError('peaks-number', `${what} "${f.text}" is not a number`, {
          location: where(f.column, Math.max(1, f.text.length)),
          hint: 'each line must be: m/z, intensity (comma, tab, semicolon or space separated)',
        });
      }
      return Number(t);
    };
    const first = fields[0]!;
    if (!sawData && !NUMBER_RE.test(sep === ';' ? first.text.replace(',', '.') : first.text)) {
      sawData = true; // a header line
      if (/[A-Za-z]/.test(first.text)) continue;
    }
    sawData = true;
    if (fields.length < 2 || fields[1]!.text === '') {
      throw new InputError('peaks-columns', 'expected two columns (m/z, intensity), found one', {
        location: where(raw.length + 1),
        hint: 'add the intensity after the m/z, e.g. "1779.2755,100"',
      });
    }
    const mz = num(first, 'm/z');
    const intensity = num(fields[1]!, 'intensity');
    if (!(mz > 0) || !Number.isFinite(mz)) {
      throw new InputError('peaks-mz', `m/z must be a positive number, got ${first.text}`, {
        location: where(first.column, first.text.length),
      });
    }
    if (!(intensity >= 0) || !Number.isFinite(intensity)) {
      throw new InputError('peaks-intensity', `intensity must be ≥ 0, got ${fields[1]!.text}`, {
        location: where(fields[1]!.column, fields[1]!.text.length),
        hint: 'intensities are counts or relative heights; a baseline-subtracted list must clip negatives to 0',
      });
    }
    peaks.push({ mz, intensity, line: lineNo });
  }
  if (peaks.length === 0) {
    throw new InputError('peaks-empty', 'the peak list is empty', {
      location: { inputName, line: lines.length },
      hint: 'give one peak per line: m/z, intensity (for example "1779.2755,100")',
    });
  }
  if (!peaks.some((p) => p.intensity > 0)) {
    throw new InputError('peaks-zero', 'every intensity in the peak list is 0', { location: { inputName } });
  }
  peaks.sort((a, b) => a.mz - b.mz);
  return peaks;
}
