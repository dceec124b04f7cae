/**
 * XYZ (multi-frame). Each frame is: an atom count line, a comment line, then
 * one line per atom `symbol x y z [extra columns…]` with Cartesian coordinates
 * in Å. Frames follow each other directly; blank lines between frames and at
 * the end are tolerated. The element may be a symbol in any case (`Au`, `AU`),
 * a label starting with a symbol (`Au1`, then kept in `labels`), or an atomic
 * number (`79`), as in SOFI and MolPG test files.
 */
import type { Structure } from '../structure/structure.js';
import { createStructure } from '../structure/structure.js';
import {
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
    const numbers = new Uint8Array(n);
    const positions = new Float64Array(3 * n);
    const labels: string[] = new Array(n);
    let labelsDiffer = false;
    for (let a = 0; a < n; a++) {
      const li = countLine + 2 + a;
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
        positions[3 * a + k] = v;
      }
    }
    const keepLabels = labelsDiffer && labels.some((l) => !/^\d+$/.test(l));
    frames.push(
      createStructure({
        numbers,
        positions,
        title: comment.trim(),
        ...(keepLabels ? { labels } : {}),
      }),
    );
    i = countLine + 2 + n;
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
