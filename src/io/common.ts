/**
 * Shared helpers for the text codecs: strict number parsing, element lookup
 * from the many spellings found in files (Au, AU, au, Au1, 79), and errors
 * that carry the line, column and a hint.
 */
import { InputError } from '../core/errors.js';
import { elementBySymbol, elementByZ } from '../data/index.js';

/** A decimal number, optionally with exponent (E or Fortran D). */
// unambiguous (not \d+\.?\d*): linear time on a long run of digits that then fails
const NUMBER_RE = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eEdD][-+]?\d+)?$/;

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

/**
 * Largest coordinate magnitude accepted from a file, Å (issue 17.2). A cluster
 * or a cell of a million ångström (0.1 mm) is far beyond any atomistic model;
 * past it the geometry code loses every significant digit of interatomic
 * distances (a float64 holds ~16 digits: at 1e6 Å a 1e-10 Å resolution is
 * already gone) and symmetry and RMSD searches stop meaning anything.
 */
export const MAX_COORDINATE_A = 1e6;
/** {@link MAX_COORDINATE_A} as written in messages. */
export const MAX_COORDINATE_TEXT = '1e6';

export interface CoordinateWhere {
  line?: number;
  column?: number;
  length?: number;
  source?: string;
  inputName?: string | undefined;
}

/**
 * Refuse a coordinate (Å, after any unit conversion) that is not finite or
 * whose magnitude exceeds {@link MAX_COORDINATE_A}; returns the value otherwise.
 * `what` names it in the message ("x of atom 3", "cell vector a").
 * Shared by every reader (xyz, extxyz, pdb, gro, POSCAR, MOL, CIF).
 */
export function checkCoordinate(value: number, what: string, where: CoordinateWhere): number {
  if (Number.isFinite(value) && Math.abs(value) <= MAX_COORDINATE_A) return value;
  const shown = Number.isFinite(value) ? value.toPrecision(4) : String(value);
  throw inputError(
    'coordinate-range',
    Number.isFinite(value)
      ? `${what} is ${shown} Å, beyond the ±${MAX_COORDINATE_TEXT} Å this program accepts`
      : `${what} is not a finite number (${shown})`,
    where,
    `coordinates are in Å and must lie within ±${MAX_COORDINATE_TEXT} Å (a typo in the exponent or a unit mix-up?); fix or remove the atom`,
  );
}

/** Check every coordinate of a flat xyz array (Å); `whereOf(atom)` locates atom `atom` (0-based). */
export function checkPositions(
  positions: ArrayLike<number>,
  whereOf: (atom: number) => CoordinateWhere,
  label = (atom: number, axis: number) => `${'xyz'[axis]} of atom ${atom + 1}`,
): void {
  for (let i = 0; i < positions.length; i++) {
    const v = positions[i]!;
    if (!(Number.isFinite(v) && Math.abs(v) <= MAX_COORDINATE_A)) {
      const a = Math.floor(i / 3);
      checkCoordinate(v, label(a, i % 3), whereOf(a));
    }
  }
}

/**
 * The error a writer throws when a value cannot be written in its format's
 * fixed columns (issue 17.7): names the atom, the value, the format's range
 * and the formats that can hold it.
 */
export function unwritable(
  format: string,
  what: string,
  valueA: number,
  range: string,
  hint = 'write xyz or extxyz instead (e.g. -o out.xyz), or move the structure nearer the origin',
): InputError {
  return new InputError(
    'write-range',
    `${what} is ${Number.isFinite(valueA) ? valueA.toPrecision(8) : String(valueA)} Å, outside the range ${format} can hold (${range}); the file would not read back`,
    { hint },
  );
}

/** Refuse positions beyond ±MAX_COORDINATE_A (the readers' bound) before writing `format`. */
export function checkWritablePositions(
  format: string,
  numbers: ArrayLike<number>,
  positions: ArrayLike<number>,
): void {
  for (let i = 0; i < positions.length; i++) {
    const v = positions[i]!;
    if (!(Number.isFinite(v) && Math.abs(v) <= MAX_COORDINATE_A)) {
      const a = Math.floor(i / 3);
      throw unwritable(
        format,
        `${'xyz'[i % 3]} of atom ${a + 1} (${symbolOf(numbers[a]!)})`,
        v,
        `±${MAX_COORDINATE_TEXT} Å`,
        'coordinates beyond this bound are refused by every reader; check the structure for a runaway atom',
      );
    }
  }
}
