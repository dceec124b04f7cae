/**
 * Electrons a ligand gives a transition-metal centre or cluster, in the neutral (covalent) and the
 * ionic counting methods (M. L. H. Green, J. Organomet. Chem. 500, 127 (1995); G. Parkin,
 * "Classification of organotransition metal compounds", Comprehensive Organometallic Chemistry III
 * (2007); textbook tables of Crabtree, "The Organometallic Chemistry of the Transition Metals").
 *
 * Neutral method: X-type ligands give 1 electron each per withdrawn electron (halide, H, alkyl,
 * thiolate 1; oxo 2), L-type donors 2 per donor atom (CO, PR3 2; dppe 4), π ligands their π
 * carbons (η⁵-C5H5 5, η⁶-C6H6 6, η⁷-C7H7 7, η⁸-C8H8 8, η³-allyl 3), linear NO 3.
 * Ionic method: X⁻ gives 2 and carries −1 (Cp⁻ 6), L 2, C7H7⁺ 6 with +1, NO⁺ 2 with +1.
 */
import type { LigandUse } from '../chem/types.js';
import { LIGANDS } from '../data/ligands.js';
import { byElement, el, elementOfKey, nonmetalWithdrawal, valenceElectrons } from './atoms.js';

export interface Donation {
  /** Neutral-method electrons given by one ligand. */
  readonly neutral: number;
  /** Ionic-method electrons given by one ligand. */
  readonly ionic: number;
  /** Formal ionic charge of one ligand in the ionic method (Cp −1, Cl −1, CO 0, C7H7 +1, NO +1). */
  readonly ionicCharge: number;
  readonly why: string;
  /** The hapticity or denticity was assumed, not read. */
  readonly assumed?: string;
}

interface PiLigand {
  readonly formula: Readonly<Record<string, number>>;
  readonly names: readonly string[];
  readonly neutral: number;
  readonly ionic: number;
  readonly ionicCharge: number;
  readonly label: string;
}

/** π ligands recognised by name or composition. */
const PI_LIGANDS: readonly PiLigand[] = [
  {
    formula: { C: 5, H: 5 },
    names: ['Cp', 'C5H5'],
    neutral: 5,
    ionic: 6,
    ionicCharge: -1,
    label: 'η⁵-C5H5 (Cp)',
  },
  {
    formula: { C: 10, H: 15 },
    names: ['Cp*', 'C5Me5'],
    neutral: 5,
    ionic: 6,
    ionicCharge: -1,
    label: 'η⁵-C5Me5 (Cp*)',
  },
  {
    formula: { C: 6, H: 7 },
    names: ['MeCp', "Cp'"],
    neutral: 5,
    ionic: 6,
    ionicCharge: -1,
    label: 'η⁵-C5H4Me',
  },
  {
    formula: { C: 6, H: 6 },
    names: ['C6H6', 'bz'],
    neutral: 6,
    ionic: 6,
    ionicCharge: 0,
    label: 'η⁶-C6H6 (benzene)',
  },
  { formula: { C: 12, H: 18 }, names: ['C6Me6'], neutral: 6, ionic: 6, ionicCharge: 0, label: 'η⁶-C6Me6' },
  {
    formula: { C: 7, H: 7 },
    names: ['C7H7'],
    neutral: 7,
    ionic: 6,
    ionicCharge: 1,
    label: 'η⁷-C7H7 (tropylium)',
  },
  {
    formula: { C: 8, H: 8 },
    names: ['C8H8', 'COT'],
    neutral: 8,
    ionic: 10,
    ionicCharge: -2,
    label: 'η⁸-C8H8 (cyclooctatetraene)',
  },
  {
    formula: { C: 4, H: 4 },
    names: ['C4H4'],
    neutral: 4,
    ionic: 4,
    ionicCharge: 0,
    label: 'η⁴-C4H4 (cyclobutadiene)',
  },
  {
    formula: { C: 3, H: 5 },
    names: ['allyl', 'C3H5'],
    neutral: 3,
    ionic: 4,
    ionicCharge: -1,
    label: 'η³-allyl',
  },
  { formula: { C: 4, H: 6 }, names: ['C4H6'], neutral: 4, ionic: 4, ionicCharge: 0, label: 'η⁴-butadiene' },
  { formula: { C: 2, H: 4 }, names: ['C2H4'], neutral: 2, ionic: 2, ionicCharge: 0, label: 'η²-ethylene' },
];

function sameComposition(a: ReadonlyMap<string, number>, b: Readonly<Record<string, number>>): boolean {
  const keys = Object.keys(b);
  if (a.size !== keys.length) return false;
  return keys.every((k) => a.get(k) === b[k]);
}

/** The π ligand a ligand is, if any. */
export function piLigand(l: LigandUse): PiLigand | undefined {
  const comp = l.composition ? byElement(l.composition) : null;
  return PI_LIGANDS.find(
    (p) => p.names.includes(l.name) || (comp !== null && sameComposition(comp, p.formula)),
  );
}

/** Organyl abbreviations of the ligand table (X-type groups of C, H and F only: Ph, Me, tBu, Mes, CF3 …) and R. */
const ORGANYL: ReadonlySet<string> = new Set([
  'R',
  ...LIGANDS.filter(
    (e) =>
      e.role === 'X' &&
      e.withdraws === 1 &&
      e.formula !== null &&
      /^(?:[CHF]\d*)+$/.test(e.formula) &&
      e.formula.includes('C'),
  ).flatMap((e) => [e.name, ...(e.aliases ?? [])]),
]);

/**
 * A face-capping main-group fragment E–R written as one ligand: alkylidyne CR, silylidyne SiR,
 * imido NR, phosphinidene PR, arsinidene AsR (μ3-CMe in Co3(CO)9CMe, μ4-PPh in Ni8(CO)8(PPh)6).
 * It uses one electron for the E–R bond and gives the other v − 1 to the cluster (CR 3, PR 4;
 * Mingos & Wales, Introduction to Cluster Chemistry (1990), ch. 2; Green's classification: μ-PR
 * is LX2, μ3-CR is X3). Recognised from the name: an element symbol followed by one organyl
 * abbreviation of the ligand table.
 */
export function cappingFragment(l: LigandUse): { element: string; electrons: number; x: number } | null {
  const m = /^(C|Si|Ge|N|P|As|Sb)(.+)$/.exec(l.name);
  if (!m || !ORGANYL.has(m[2]!)) return null;
  const e = elementOfKey(m[1]!);
  if (!e) return null;
  const v = valenceElectrons(e);
  return { element: m[1]!, electrons: v - 1, x: 8 - v - 1 };
}

/** Electrons one ligand gives a transition-metal centre (both methods). */
export function ligandDonation(l: LigandUse): Donation {
  const cap = cappingFragment(l);
  if (cap) {
    const kind =
      cap.element === 'C'
        ? 'alkylidyne'
        : cap.element === 'N'
          ? 'imido'
          : cap.element === 'P'
            ? 'phosphinidene'
            : `${cap.element}–R`;
    const lx = cap.electrons - cap.x;
    return {
      neutral: cap.electrons,
      ionic: cap.electrons + cap.x,
      ionicCharge: -cap.x,
      why: `${l.name}: a face-capping ${kind} (${lx > 0 ? `L${lx / 2 > 1 ? lx / 2 : ''}` : ''}X${cap.x > 1 ? cap.x : ''}), ${cap.electrons} electrons — ${cap.electrons + 1} valence electrons of ${cap.element}, one used for the bond to the organic group`,
      assumed: `${l.name} taken as a μ3/μ4 face-capping ${kind}; a terminal ${cap.element}R gives fewer`,
    };
  }
  const pi = piLigand(l);
  if (pi) {
    return {
      neutral: pi.neutral,
      ionic: pi.ionic,
      ionicCharge: pi.ionicCharge,
      why: `${pi.label}: ${pi.neutral} π electrons in the neutral method`,
      assumed: `${l.name} taken as ${pi.label}; a lower hapticity gives fewer electrons`,
    };
  }
  const comp = l.composition ? byElement(l.composition) : null;
  if (comp && sameComposition(comp, { N: 1, O: 1 })) {
    return {
      neutral: 3,
      ionic: 2,
      ionicCharge: 1,
      why: 'NO (linear nitrosyl): 3 electrons (NO⁺ 2 in the ionic method)',
      assumed: 'linear NO assumed; a bent NO gives 1',
    };
  }
  if (l.role === 'hydride') {
    return { neutral: 1, ionic: 2, ionicCharge: -1, why: 'hydride: 1 electron (H⁻ 2 in the ionic method)' };
  }
  if (l.role === 'X') {
    const w = Math.max(1, l.electronsWithdrawn);
    return {
      neutral: w,
      ionic: 2 * w,
      ionicCharge: -w,
      why: `${l.name}: X${w > 1 ? w : ''}-type, ${w} electron${w > 1 ? 's' : ''} (${l.why})`,
    };
  }
  if (l.role === 'L') {
    let donors = 1;
    let assumed: string | undefined;
    if (comp && !(l.name === 'CO' || sameComposition(comp, { C: 1, O: 1 }))) {
      const p = comp.get('P') ?? 0;
      const n = comp.get('N') ?? 0;
      donors = p > 0 ? p : n > 0 ? n : 1;
      if (donors > 1) assumed = `${l.name}: all ${donors} ${p > 0 ? 'P' : 'N'} atoms assumed to bind`;
    }
    return {
      neutral: 2 * donors,
      ionic: 2 * donors,
      ionicCharge: 0,
      why: `${l.name}: L-type, ${donors > 1 ? `${donors} donor atoms × 2` : 'one electron pair'}`,
      ...(assumed ? { assumed } : {}),
    };
  }
  return { neutral: 0, ionic: 0, ionicCharge: 0, why: `${l.name}: ${l.role}, not bound to the metal` };
}

/**
 * A bare non-metal atom written next to a metal (Cl in PtCl4, O in OsO4, H in HMn(CO)5) as a
 * terminal ligand: X-type with its octet deficiency (halide 1, oxo 2, nitrido 3).
 */
export function bareAtomDonation(sym: string): Donation {
  if (sym === 'H')
    return { neutral: 1, ionic: 2, ionicCharge: -1, why: 'H: terminal hydride, 1 electron (H⁻ 2 ionic)' };
  const e = el(sym);
  const w = -nonmetalWithdrawal(e).electrons;
  const kind =
    e.group === 17
      ? 'halide'
      : e.group === 16
        ? 'oxo/chalcogenido'
        : e.group === 15
          ? 'nitrido-type'
          : 'atom';
  return {
    neutral: w,
    ionic: 2 * w,
    ionicCharge: -w,
    why: `${sym}: terminal ${kind}, X${w > 1 ? w : ''}-type, ${w} electron${w === 1 ? '' : 's'} (${sym}${w === 1 ? '⁻' : `${w}⁻`} gives ${2 * w} in the ionic method)`,
  };
}
