/**
 * Superatomic molecules: clusters whose kernel is two or three fused icosahedral 8-electron
 * superatoms rather than one spherical superatom (super valence bond model: L. Cheng, J. Yang,
 * J. Chem. Phys. 138, 141101 (2013); Au38(SR)24 as an F2 analogue: Cheng, Ren, Zhang, Yang,
 * Nanoscale 5, 1475 (2013); PtAg20 / Pt2Ag33 / Pt3Ag44(dtp)n with 8, 16 and 22 electrons,
 * isolobal to Ne, Ne2 and I3⁻: Jin, Chakraborty, Gell, Häkkinen et al., JACS 141, 12957 (2019),
 * doi 10.1021/jacs.9b05000; vertex-sharing bi-icosahedral [Au25(PPh3)10(SR)5Cl2]²⁺, 16 e = 8 + 8:
 * Shichibu et al., JACS 129, 7230 (2007), Nobusada & Iwasa, J. Phys. Chem. C 111, 14279 (2007)).
 *
 * Rule (from a formula alone): k units of 8 electrons that form b superatomic bonds (shared pairs)
 * hold n = 8k − 2b electrons. A count is read as a k-unit molecule when
 *   1. its spherical-shell count is open (a magic count stays one spherical superatom),
 *   2. n = 8k − 2b with k = 2 (b = 0: Ne2-like 8 + 8; b = 1: F2-like 7 + 7) or k = 3 (b = 0: 8 + 8 + 8;
 *      b = 1: I3⁻-like 7 + 8 + 7; b = 2: O3²⁻-like 7 + 6 + 7), and
 *   3. the metal count lies in the band k icosahedra can occupy: at least 10k + 3 (k face-sharing
 *      icosahedra: Au23 in Au38) and at most 25k (each unit no larger than an Au25(SR)18-type unit of a
 *      13-atom icosahedron and 12 staple atoms).
 * `--parts k` forces the reading (k = 1: one spherical superatom), for the cases the bands cannot
 * decide (a tri-icosahedral cluster with a magic count such as Au36Ag2(SR)18, 20 e).
 */
import { fillShells } from './shells.js';
import type { CountResult } from './types.js';

/** Units a formula-only detection considers (larger assemblies need --parts). */
export const AUTO_UNITS = [2, 3] as const;
/** Largest --parts accepted. */
export const MAX_PARTS = 6;

export interface MoleculeReading {
  readonly units: number;
  /** Electrons formally owned by each unit (8 minus the superatomic bonds it forms). */
  readonly parts: readonly number[];
  /** Superatomic bonds (shared electron pairs) between the units. */
  readonly bonds: number;
  /** The simple molecule it is isolobal to, when there is a common one. */
  readonly analogue: string | null;
}

const ANALOGUES: Readonly<Record<string, { parts: number[]; analogue: string }>> = {
  '2:0': { parts: [8, 8], analogue: 'Ne2-like (two closed 8-electron units, no superatomic bond)' },
  '2:1': { parts: [7, 7], analogue: 'F2-like (two 7-electron units sharing one pair)' },
  '3:0': { parts: [8, 8, 8], analogue: 'three closed 8-electron units in a row' },
  '3:1': { parts: [7, 8, 7], analogue: 'I3⁻-like (a 3-centre 4-electron superatomic bond)' },
  '3:2': { parts: [7, 6, 7], analogue: 'O3²⁻-like (two superatomic bonds)' },
};

/** Bonds b for n = 8k − 2b, or null when n does not fit k units. */
function bondsFor(n: number, k: number): number | null {
  const b = (8 * k - n) / 2;
  // at most one superatomic bond between each pair of units
  if (!Number.isInteger(b) || b < 0 || b > (k * (k - 1)) / 2) return null;
  return b;
}

function reading(n: number, k: number, b: number): MoleculeReading {
  const known = ANALOGUES[`${k}:${b}`];
  if (known) return { units: k, parts: known.parts, bonds: b, analogue: known.analogue };
  // spread the electrons as evenly as possible, the extra ones on the middle units
  const base = Math.floor(n / k);
  const parts = new Array<number>(k).fill(base);
  const centre = (k - 1) / 2;
  const order = [...parts.keys()].sort((x, y) => Math.abs(x - centre) - Math.abs(y - centre) || x - y);
  for (const i of order.slice(0, n - base * k)) parts[i] = base + 1;
  return { units: k, parts, bonds: b, analogue: null };
}

/** The metal-count band k fused icosahedral units can occupy. */
export function metalBand(k: number): { min: number; max: number } {
  return { min: 10 * k + 3, max: 25 * k };
}

/**
 * Detect (or, with `forced`, apply) a superatomic-molecule reading of n electrons on `metals` metal
 * atoms. Returns null when the count is better read as one superatom.
 */
export function moleculeReading(
  n: number,
  metals: number,
  sphericalOpen: boolean,
  forced?: number,
): { reading: MoleculeReading | null; note: string | null } {
  if (forced === 1) {
    return { reading: null, note: '--parts 1: read as one spherical superatom' };
  }
  if (forced !== undefined) {
    const b = bondsFor(n, forced);
    if (b === null) {
      return {
        reading: null,
        note: `--parts ${forced}: ${n} electrons do not fit ${forced} units of 8 electrons with whole superatomic bonds (n = 8k − 2b needs an even n from ${8 * forced - forced * (forced - 1)} to ${8 * forced})`,
      };
    }
    const band = metalBand(forced);
    const outside =
      metals < band.min || metals > band.max
        ? ` (${metals} metal atoms lie outside the ${band.min}–${band.max} band of ${forced} fused icosahedra)`
        : '';
    return { reading: reading(n, forced, b), note: `--parts ${forced}: read as ${forced} units${outside}` };
  }
  if (!sphericalOpen) return { reading: null, note: null };
  for (const k of AUTO_UNITS) {
    const b = bondsFor(n, k);
    const band = metalBand(k);
    if (b === null || b > k - 1 || metals < band.min || metals > band.max) continue;
    return {
      reading: reading(n, k, b),
      note: `recognised from the count and size: n = ${n} = 8 × ${k} − 2 × ${b} on ${metals} metal atoms (band ${band.min}–${band.max} for ${k} fused icosahedral units); a structure should confirm the fused kernel — override with --parts`,
    };
  }
  return { reading: null, note: null };
}

/** Replace a spherical open-shell verdict by the superatomic-molecule reading when one applies. */
export function withMolecule(r: CountResult, metals: number, forced?: number): CountResult {
  if (!r.applies || r.count === null || r.count <= 0) return r;
  const { reading: m, note } = moleculeReading(r.count, metals, r.verdict === 'open-shell', forced);
  if (!m) return note ? { ...r, notes: [...r.notes, note] } : r;
  const configuration = m.parts.map((p) => `(${fillShells(p, 'jellium').configuration})`).join(' + ');
  const notes = r.notes.filter(
    (x) => !/usually has a non-spherical core|lies between the closings|unpaired electron/.test(x),
  );
  notes.unshift(
    `superatomic molecule: ${m.units} units, ${m.parts.join(' + ')} = ${r.count} electrons${m.bonds ? `, ${m.bonds} superatomic bond${m.bonds === 1 ? '' : 's'}` : ''}${m.analogue ? `; ${m.analogue}` : ''}`,
    ...(note ? [note] : []),
  );
  const { analogue: _dropped, ...rest } = r;
  return {
    ...rest,
    verdict: 'superatomic-molecule',
    configuration,
    notes,
    details: {
      ...r.details,
      units: m.units,
      parts: m.parts,
      superatomicBonds: m.bonds,
      ...(m.analogue ? { moleculeAnalogue: m.analogue } : {}),
    },
  };
}
