/** Composition arithmetic: element (or isotope label) → count maps. */
import { elementBySymbol } from '../data/index.js';
import type { Composition } from './types.js';

export type MutableComposition = Record<string, number>;

export function addInto(target: MutableComposition, add: Composition, times = 1): MutableComposition {
  for (const [k, v] of Object.entries(add)) {
    const next = (target[k] ?? 0) + v * times;
    if (next === 0) delete target[k];
    else target[k] = next;
  }
  return target;
}

export function sumCompositions(...parts: Composition[]): Composition {
  const out: MutableComposition = {};
  for (const p of parts) addInto(out, p);
  return out;
}

export function scaleComposition(c: Composition, times: number): Composition {
  return addInto({}, c, times);
}

export function compositionsEqual(a: Composition, b: Composition): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => a[k] === b[k]);
}

export function atomCount(c: Composition): number {
  let n = 0;
  for (const v of Object.values(c)) n += v;
  return n;
}

/** Split a composition key into element symbol and optional mass number ("13C" → C, 13). */
export function parseKey(key: string): { symbol: string; massNumber: number | null } {
  const m = /^(\d+)([A-Z][a-z]?)$/.exec(key);
  return m ? { symbol: m[2]!, massNumber: Number(m[1]) } : { symbol: key, massNumber: null };
}

/** Atomic number of a composition key (element or isotope label). */
export function keyZ(key: string): number {
  const e = elementBySymbol(parseKey(key).symbol);
  if (!e) throw new Error(`internal: unknown composition key ${key}`);
  return e.z;
}

/**
 * Hill order: C first, then H, then the rest alphabetically; without carbon
 * everything alphabetically (Hill, J. Am. Chem. Soc. 22, 478 (1900)).
 * Isotope labels follow their element, written [13C].
 */
export function hillFormula(c: Composition): string {
  const keys = Object.keys(c).filter((k) => (c[k] ?? 0) !== 0);
  const sym = (k: string) => parseKey(k).symbol;
  const hasC = keys.some((k) => sym(k) === 'C');
  const rank = (k: string) => {
    const s = sym(k);
    if (hasC && s === 'C') return '0';
    if (hasC && s === 'H') return '1';
    return `2${s}`;
  };
  keys.sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    if (ra !== rb) return ra < rb ? -1 : 1;
    return parseKey(a).massNumber === null ? -1 : parseKey(b).massNumber === null ? 1 : a < b ? -1 : 1;
  });
  return keys
    .map((k) => {
      const n = c[k]!;
      const { massNumber, symbol } = parseKey(k);
      return `${massNumber === null ? symbol : `[${massNumber}${symbol}]`}${n === 1 ? '' : n}`;
    })
    .join('');
}

/** Charge suffix in the usual notation: 3-, -, 2+, + ('' for 0). */
export function chargeSuffix(z: number): string {
  if (z === 0) return '';
  const mag = Math.abs(z);
  return `${mag === 1 ? '' : mag}${z < 0 ? '-' : '+'}`;
}
