/**
 * What the counting rules need to know about atoms and about a parsed formula:
 * element classes, valence-electron counts, the free-valence convention of the
 * superatom model, and a tidy inventory of a `Formula` (core atoms, bound ligands,
 * ignored counter-ions and solvent).
 */
import type { Composition, Formula, LigandUse } from '../chem/types.js';
import { type ElementData, elementBySymbol } from '../data/index.js';

/** Element of a composition key: 'Au', isotope labels '13C', 'D', 'T'. */
export function elementOfKey(key: string): ElementData | undefined {
  if (key === 'D' || key === 'T') return elementBySymbol('H');
  const m = /^(\d+)([A-Z][a-z]?)$/.exec(key);
  return elementBySymbol(m ? m[2]! : key);
}

/** Merge isotope labels into their element: {'13C': 1, C: 5} → {C: 6}. */
export function byElement(c: Composition): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, v] of Object.entries(c)) {
    if (!v) continue;
    const e = elementOfKey(k);
    const sym = e ? e.symbol : k;
    out.set(sym, (out.get(sym) ?? 0) + v);
  }
  return out;
}

export function el(symbol: string): ElementData {
  const e = elementOfKey(symbol);
  if (!e) throw new Error(`internal: unknown element ${symbol}`);
  return e;
}

/** Metals: s block (not H, He), d block, f block, and the p-block metals Al–Tl, Sn, Pb, Bi, Po. */
export function isMetal(e: ElementData): boolean {
  if (e.symbol === 'H' || e.symbol === 'He') return false;
  if (e.block === 's' || e.block === 'd' || e.block === 'f') return true;
  if (e.group === 13) return e.symbol !== 'B';
  if (e.group === 14) return e.period >= 5;
  if (e.group === 15) return e.period >= 6;
  if (e.group === 16) return e.period >= 6;
  return false;
}

export function isTransitionMetal(e: ElementData): boolean {
  return e.block === 'd';
}

/**
 * Valence electrons of the neutral atom in the covalent (neutral-atom) counting method:
 * s block and d block = group number (Fe 8, Au 11, Pd 10); p block = group − 10 (Sn 4, Bi 5);
 * f block = s + d + f electrons of the ground-state configuration (U 6, Pu 8).
 */
export function valenceElectrons(e: ElementData): number {
  if (e.block === 'f') return e.valence.s + e.valence.d + e.valence.f;
  if (e.group === null) return e.valence.s + e.valence.p + e.valence.d + e.valence.f;
  if (e.symbol === 'He') return 2;
  if (e.block === 'p') return e.group - 10;
  return e.group;
}

export function groupLabel(e: ElementData): string {
  return e.group === null ? `${e.block} block` : `group ${e.group}`;
}

export interface Contribution {
  /** Electrons per atom (negative: the atom takes electrons from the cluster). */
  readonly electrons: number;
  readonly why: string;
}

/**
 * Free valence of a metal atom in a ligand-protected cluster (superatom complex model of
 * Walter et al., PNAS 105, 9157 (2008); Häkkinen, Chem. Soc. Rev. 37, 1847 (2008)):
 * groups 1 and 11 → 1, groups 2 and 12 → 2, group 13 → 3, group 14 → 4; group-10 dopants → 0
 * (d¹⁰, no s electron: Kwak et al., JACS 2015, [PdAu24(SR)18]⁰ is a 6-electron cluster);
 * group-9 and group-8 dopants close their d shell by taking 1 or 2 electrons from the
 * superatom (Rh⁻ d¹⁰ in [RhAg21{S2P(OnPr)2}12], 8 electrons: JACS 2023, doi 10.1021/jacs.3c04482).
 * Returns null for metals the model has no convention for (groups 3–7, f block).
 */
export function superatomValence(e: ElementData): Contribution | null {
  const g = e.group;
  if (e.symbol === 'H') return null;
  if (g === 1) return { electrons: 1, why: `${e.symbol} (group 1): its ns¹ electron` };
  if (g === 11) {
    return {
      electrons: 1,
      why: `${e.symbol} (group 11): its ${e.period}s electron; the filled (n−1)d¹⁰ shell is not counted`,
    };
  }
  if (g === 2) return { electrons: 2, why: `${e.symbol} (group 2): its ns² electrons` };
  if (g === 12)
    return { electrons: 2, why: `${e.symbol} (group 12): its ns² electrons; the d¹⁰ shell is not counted` };
  if (g === 13 && e.symbol !== 'B')
    return { electrons: 3, why: `${e.symbol} (group 13): its ns² np¹ electrons` };
  if (g === 14 && e.symbol !== 'C')
    return { electrons: 4, why: `${e.symbol} (group 14): its ns² np² electrons` };
  if (g === 10) {
    return {
      electrons: 0,
      why: `${e.symbol} (group 10): a d¹⁰ dopant with no s electron to give (counts 0, as Pd/Pt in MAu24(SR)18)`,
    };
  }
  if (g === 9 || g === 8) {
    const k = 10 - g;
    return {
      electrons: -k,
      why: `${e.symbol} (group ${g}): an open-d-shell dopant that closes its d shell (${e.symbol}${k === 1 ? '⁻' : '²⁻'} d¹⁰) by taking ${k} electron${k === 1 ? '' : 's'} from the superatom`,
    };
  }
  return null;
}

/**
 * Electrons a bare non-metal atom in a metal cluster takes from the metal core: its octet
 * deficiency 8 − v (halogen 1, chalcogen 2, N/P 3, C 4; noble gas 0). Hydrogen is handled by
 * the hydride convention, not here.
 */
export function nonmetalWithdrawal(e: ElementData): Contribution {
  const v = valenceElectrons(e);
  const need = e.group === 18 ? 0 : 8 - v;
  const kind =
    e.group === 17
      ? 'halide'
      : e.group === 16
        ? 'chalcogenide'
        : e.group === 15
          ? 'pnictide'
          : e.group === 14
            ? 'carbide-type interstitial'
            : e.group === 18
              ? 'noble gas'
              : 'non-metal';
  return {
    electrons: -need,
    why:
      need === 0
        ? `${e.symbol}: a noble-gas atom, takes no electrons`
        : `${e.symbol} (${kind}): needs ${need} electron${need === 1 ? '' : 's'} to complete its octet, withdrawn from the metal core`,
  };
}

/** A tidy view of a Formula for counting. */
export interface Inventory {
  /** Core atoms (outside ligand groups), isotopes merged, in formula order. */
  readonly core: ReadonlyMap<string, number>;
  /** Ligands bound to the cluster (roles X, L, hydride, interstitial). */
  readonly bound: readonly LigandUse[];
  /** Counter-ions and solvent, not counted. */
  readonly ignored: readonly LigandUse[];
  /** Charge of the cluster ion (the main part). */
  readonly charge: number;
  /** Generic groups in the formula (R, X …). */
  readonly generic: readonly string[];
}

export function inventory(f: Formula): Inventory {
  return {
    core: byElement(f.core),
    bound: f.ligands.filter((l) => l.role !== 'counterion' && l.role !== 'solvent' && l.count > 0),
    ignored: f.ligands.filter((l) => l.role === 'counterion' || l.role === 'solvent'),
    charge: f.mainCharge,
    generic: f.generic,
  };
}

/**
 * All atoms of the cluster ion: core plus bound ligands (null when a bound ligand's composition is
 * unknown, e.g. SR).
 */
export function clusterAtoms(f: Formula): Map<string, number> | null {
  const out = new Map(byElement(f.core));
  for (const l of inventory(f).bound) {
    if (!l.composition) return null;
    for (const [k, v] of byElement(l.composition)) out.set(k, (out.get(k) ?? 0) + v * l.count);
  }
  return out;
}

export function totalAtoms(m: ReadonlyMap<string, number>): number {
  let n = 0;
  for (const v of m.values()) n += v;
  return n;
}

/** `count × term`: '25 Au', '18 SR'. */
export function times(n: number, what: string): string {
  return n === 1 ? `1 ${what}` : `${n} ${what}`;
}

/** A number for text with a typographic minus: 3, −2, 0. */
export function num(n: number): string {
  return n < 0 ? `−${-n}` : String(n);
}

/** Signed number for text: +3, −2, 0. */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0';
}

/** Charge as written by chemists: 2−, +, 0. */
export function chargeText(z: number): string {
  if (z === 0) return '0';
  return `${Math.abs(z)}${z < 0 ? '−' : '+'}`;
}

/** The step for the charge of the counted ion: −z electrons. */
export function chargeStep(z: number, what = 'electrons'): { term: string; electrons: number; why: string } {
  return {
    term: `charge ${chargeText(z)}`,
    electrons: -z || 0,
    why:
      z === 0
        ? 'neutral: no electrons added or removed'
        : z < 0
          ? `the ${chargeText(z)} charge adds ${-z} ${-z === 1 ? 'electron' : what}`
          : `the ${chargeText(z)} charge removes ${z} ${z === 1 ? 'electron' : what}`,
  };
}
