/**
 * The counting role of a written-out ligand, inferred from its composition
 * when it is not in the abbreviation table.
 *
 * Method: the ligand is treated as the neutral fragment that bonds to the metal
 * (the covalent convention of Green's covalent bond classification, J. Organomet.
 * Chem. 500, 127 (1995), as used for superatom counts by Walter et al., PNAS 105,
 * 9157 (2008)). Its valence-electron count E = Σ nᵢ·vᵢ (vᵢ = main-group valence
 * electrons; a generic R counts 1 like H):
 * - E odd: a radical fragment that forms one covalent bond → X-type, withdraws 1
 *   (thiolates SC8H9, alkynyls C2Ph, amides N(SiMe3)2, dithiophosphates S2P(OR)2, carboxylates);
 * - E even with two or more chalcogens (S, Se, Te) and no N or P → a dithiolate
 *   diradical → X₂-type, withdraws 2 (BDT C6H4S2, ethanedithiolate S2C2H4);
 * - E even otherwise → a closed-shell L-type donor, withdraws 0 (phosphines, CO, amines, thioethers).
 * These are stated heuristics: an abbreviation in the table, or a user entry,
 * always wins over them.
 */
import { elementBySymbol } from '../data/index.js';
import { parseKey } from './composition.js';
import type { Composition } from './types.js';

export interface InferredRole {
  readonly role: 'X' | 'L';
  readonly withdraws: number;
  readonly charge: number;
  readonly electrons: number;
  readonly why: string;
}

/** Main-group valence electrons of an element (group 1–2: 1–2; 13–18: group − 10); d/f metals: null. */
export function mainGroupValence(symbol: string): number | null {
  const e = elementBySymbol(symbol);
  if (!e || e.group === null) return null;
  if (e.group <= 2) return e.group;
  if (e.group >= 13) return e.group - 10;
  return null;
}

export function inferLigandRole(composition: Composition, generic: readonly string[]): InferredRole {
  let electrons = 0;
  let chalcogens = 0;
  let np = 0;
  for (const [key, n] of Object.entries(composition)) {
    const { symbol } = parseKey(key);
    const v = mainGroupValence(symbol) ?? 0;
    electrons += v * n;
    if (symbol === 'S' || symbol === 'Se' || symbol === 'Te') chalcogens += n;
    if (symbol === 'N' || symbol === 'P') np += n;
  }
  electrons += generic.filter((g) => g === 'R').length;
  if (electrons % 2 === 1) {
    return {
      role: 'X',
      withdraws: 1,
      charge: -1,
      electrons,
      why: `written out; its ${electrons} valence electrons are odd, so it is a one-electron X-type ligand (like a thiolate): withdraws 1`,
    };
  }
  if (chalcogens >= 2 && np === 0) {
    return {
      role: 'X',
      withdraws: 2,
      charge: -2,
      electrons,
      why: `written out; ${electrons} valence electrons (even) with ${chalcogens} chalcogen donors and no N or P: a dithiolate (X2-type, like BDT): withdraws 2`,
    };
  }
  return {
    role: 'L',
    withdraws: 0,
    charge: 0,
    electrons,
    why: `written out; its ${electrons} valence electrons are even (closed shell), so it is a neutral L-type donor: withdraws none`,
  };
}
