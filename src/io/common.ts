/**
 * Shared helpers for the text codecs: strict number parsing, element lookup
 * from the many spellings found in files (Au, AU, au, Au1, 79), and errors
 * that carry the line, column and a hint.
 */
import { InputError } from '../core/errors.js';
import { elementBySymbol, elementByZ } from '../data/index.js';

/** A decimal number, optionally with exponent (E or Fortran D). */
const NUMBER_RE = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eEdD][-+]?\d+)?$/;

/** Parse a strict decimal number (no hex, no "Infinity", no empty string); NaN when malformed. */
export function parseStrictNumber(token: string): number {
  if (!NUMBER_RE.test(token)) return Number.NaN;
  const v = Number(token.replace(/[dD]/, 'e'));
  return Number.isFinite(v) ? v : Number.NaN;
}

/** Location of a token in the source text (1-based line, 1-based column). */
export interface TokenAt {
  readonly text: string;
  readonly column: number;
}

/** Split a line on whitespace, remembering 1-based columns. */
export function tokenize(line: string): TokenAt[] {
  const out: TokenAt[] = [];
  const re = /\S+/g;
  for (let m = re.exec(line); m !== null; m = re.exec(line)) out.push({ text: m[0], column: m.index + 1 });
  return out;
}

/** Split text into lines, accepting \n, \r\n and \r endings. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export function inputError(
  code: string,
  message: string,
  where: { line?: number; column?: number; length?: number; source?: string; inputName?: string | undefined },
  hint?: string,
): InputError {
  const location: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(where)) if (v !== undefined) location[k] = v;
  return new InputError(code, message, { ...(hint ? { hint } : {}), location });
}

/**
 * Atomic number from an element token as written in structure files:
 * `Au`, `AU`, `au`, an integer Z (`79`, as in SOFI/MolPG files), or a label
 * beginning with a symbol (`Au1`, `C12A`, `H3'`, `Cl2`). Returns 0 when
 * nothing fits. A whole token that is a symbol in any case wins (`CA` is
 * calcium); otherwise a leading two-letter symbol followed by a non-letter,
 * then a leading one-letter symbol followed by a capital or non-letter (`HA` → H).
 */
export function elementNumber(token: string): number {
  if (/^\d{1,3}$/.test(token)) {
    const z = Number(token);
    return z >= 1 && z <= 118 && elementByZ(z) ? z : 0;
  }
  const exact = lookupSymbol(token);
  if (exact) return exact;
  // Label: leading letters, then digits/primes/other.
  const m = /^([A-Za-z]{1,2})(?=[^A-Za-z]|$)/.exec(token);
  if (m) {
    const z = lookupSymbol(m[1]!);
    if (z) return z;
  }
  const one = /^([A-Za-z])/.exec(token);
  if (one && /^[A-Za-z][^a-z]/.test(token)) {
    const z = lookupSymbol(one[1]!);
    if (z) return z;
  }
  return 0;
}

/** Case-insensitive element symbol lookup; 0 if unknown. */
export function lookupSymbol(sym: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(sym)) return 0;
  const canonical = sym[0]!.toUpperCase() + sym.slice(1).toLowerCase();
  try {
    const e = elementBySymbol(canonical);
    return e ? e.z : 0;
  } catch {
    return 0;
  }
}

/** Element symbol for Z (throws InputError for an unknown Z). */
export function symbolOf(z: number): string {
  const e = elementByZ(z);
  if (!e) throw new InputError('element-z', `no element with atomic number ${z}`);
  return e.symbol;
}

/** Format a coordinate in a fixed-width column. */
export function fmt(x: number, decimals: number, width: number): string {
  const s = (Object.is(x, -0) ? 0 : x).toFixed(decimals);
  return s.length >= width ? s : ' '.repeat(width - s.length) + s;
}
