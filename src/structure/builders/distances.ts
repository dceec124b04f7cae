/**
 * Default nearest-neighbour distances for the builders, Å.
 *
 * For the fcc metals the bulk nearest-neighbour distance a/√2 is used, with a
 * the room-temperature lattice constant (Wyckoff, Crystal Structures, vol. 1,
 * 2nd ed., Interscience 1963, as compiled in the CRC Handbook of Chemistry
 * and Physics, "Crystal structures and lattice parameters of allotropes of the
 * elements"): Au 4.0782, Ag 4.0853, Cu 3.6149, Pt 3.9242, Pd 3.8907,
 * Ni 3.5240, Al 4.0495, Rh 3.8034, Ir 3.8390, Pb 4.9508 Å. Au gives
 * 2.884 Å, the r0 of the Cleri–Rosato Gupta potential (Phys. Rev. B 48, 22
 * (1993)). Every other element falls back to twice its covalent radius
 * (Cordero et al., Dalton Trans. 2008, 2832).
 */
import { InputError } from '../../core/errors.js';
import { elementBySymbol, elementByZ } from '../../data/index.js';

/** fcc lattice constants at room temperature, Å (see module comment). */
export const FCC_LATTICE_CONSTANT_A: Readonly<Record<string, number>> = {
  Au: 4.0782,
  Ag: 4.0853,
  Cu: 3.6149,
  Pt: 3.9242,
  Pd: 3.8907,
  Ni: 3.524,
  Al: 4.0495,
  Rh: 3.8034,
  Ir: 3.839,
  Pb: 4.9508,
};

export interface NearestNeighbour {
  /** Distance, Å. */
  readonly distanceA: number;
  /** Where it came from. */
  readonly source: 'bulk fcc a/√2' | '2 × covalent radius';
}

/** Default nearest-neighbour distance for an element symbol (case-insensitive), Å. */
export function defaultBondLength(symbol: string): NearestNeighbour {
  const canonical = symbol.length ? symbol[0]!.toUpperCase() + symbol.slice(1).toLowerCase() : symbol;
  const el = elementBySymbol(canonical);
  if (!el) {
    throw new InputError('unknown-element', `unknown element "${symbol}"`, {
      hint: 'use an element symbol such as Au, Ag, Cu',
    });
  }
  const a = Object.hasOwn(FCC_LATTICE_CONSTANT_A, el.symbol) ? FCC_LATTICE_CONSTANT_A[el.symbol] : undefined;
  if (a !== undefined) return { distanceA: a / Math.SQRT2, source: 'bulk fcc a/√2' };
  const r = el.covalentRadiusA;
  if (r === null) {
    throw new InputError('no-radius', `no covalent radius is tabulated for ${el.symbol}`, {
      hint: 'give the nearest-neighbour distance with --bond <Å>',
    });
  }
  return { distanceA: 2 * r, source: '2 × covalent radius' };
}

/** Atomic number of an element symbol (case-insensitive), or InputError. */
export function atomicNumberOf(symbol: string): number {
  const canonical = symbol.length ? symbol[0]!.toUpperCase() + symbol.slice(1).toLowerCase() : symbol;
  const el = elementBySymbol(canonical) ?? (/^\d+$/.test(symbol) ? elementByZ(Number(symbol)) : undefined);
  if (!el) {
    throw new InputError('unknown-element', `unknown element "${symbol}"`, {
      hint: 'use an element symbol such as Au, Ag, Cu',
    });
  }
  return el.z;
}
