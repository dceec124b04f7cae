/**
 * Molecules from a periodic crystal: bonds are found between every atom of
 * the unit cell and every periodic image of every other atom (the covalent
 * radius rule of structure/bonds.ts, same options), then each connected
 * component is walked breadth-first, placing every atom in the image that
 * bonds it to the atom it was reached from. The result is the molecule
 * "unwrapped" across the cell boundaries, whole, in Cartesian Å.
 *
 * Ionic contacts are not bonds: a contact of an alkali or alkaline-earth
 * metal (Li–Fr, Mg–Ra) with any atom, and of thallium with O, N or a halogen
 * (Tl⁺ counter-ions), joins no molecules, so the Cs⁺, K⁺, Tl⁺ counter-ions of
 * a polyoxometalate or cluster salt are species of their own (Cs–O 3.1–3.4 Å
 * lies inside the covalent rule's 2.44 + 0.66 + 0.45 = 3.55 Å). One exception
 * keeps complex cations whole: a cation with four or more contacts to the
 * O/N/S donors of one metal-free organic molecule (crown ethers, cryptands:
 * [K(2.2.2-crypt)]⁺, [Na(15-crown-5)]⁺) is bonded to it.
 *
 * If the walk reaches an atom already placed through a different lattice
 * translation, the component is a 1-, 2- or 3-periodic network rather than a
 * molecule; it is reported as `polymeric` (its atoms are placed as first met).
 *
 * Before any image is built, `periodicImageRange` (./cell.ts) refuses a cell
 * under 1 Å³ per atom or one needing too many lattice translations, naming
 * the cell parameter at fault; only images within the bond cutoff of the cell
 * are built, and their count is checked against MAX_PERIODIC_IMAGES first.
 */
import { InputError } from '../core/errors.js';
import { elementByZ } from '../data/index.js';
import type { BondOptions } from '../structure/bonds.js';
import { bondCutoffTable, DEFAULT_MIN_BOND_DISTANCE_A, isMetal } from '../structure/bonds.js';
import { createGrid } from '../structure/grid.js';
import type { Structure } from '../structure/structure.js';
import { createStructure } from '../structure/structure.js';
import {
  cartToFrac,
  fracToCart,
  invertCell,
  MAX_PERIODIC_IMAGES,
  periodicImageRange,
  perpendicularWidths,
  tooManyImages,
} from './cell.js';

export interface CrystalMolecule {
  /** The molecule, Cartesian Å, unwrapped (no cell). */
  readonly structure: Structure;
  /** Indices of its atoms in the unit-cell structure. */
  readonly atoms: readonly number[];
  /** Hill formula, e.g. C24H72Au25S18. */
  readonly formula: string;
  /** True when the component is infinite (connected to its own periodic image). */
  readonly polymeric: boolean;
  /** Number of atoms that had to be moved to another cell image to make the molecule whole. */
  readonly atomsUnwrapped: number;
}

export interface MoleculeOptions extends BondOptions {
  /**
   * Which molecule `extractMolecule` returns: 'largest' (most atoms, the
   * default — the cluster rather than counter-ions and solvent) or 'heaviest'
   * (largest total atomic number).
   */
  readonly select?: 'largest' | 'heaviest';
  /** Treat ionic contacts (see the module comment) as bonds, as the plain covalent rule does (default false). */
  readonly ionicContactsAreBonds?: boolean;
}

/** Alkali (Li–Fr) and alkaline-earth (Mg–Ra) metals: their contacts in salts are ionic. */
const IONIC_CATIONS = new Set([3, 11, 19, 37, 55, 87, 12, 20, 38, 56, 88]);
/** Partners of thallium whose contacts are ionic (Tl⁺ salts): N, O, F, Cl, Br, I. */
const TL_IONIC_PARTNERS = new Set([7, 8, 9, 17, 35, 53]);
/** Donor atoms of crown ethers and cryptands: N, O, S. */
const DONORS = new Set([7, 8, 16]);

/** True for a contact that is ionic rather than covalent (see the module comment). */
export function isIonicContact(z1: number, z2: number): boolean {
  if (IONIC_CATIONS.has(z1) || IONIC_CATIONS.has(z2)) return true;
  return (z1 === 81 && TL_IONIC_PARTNERS.has(z2)) || (z2 === 81 && TL_IONIC_PARTNERS.has(z1));
}

/**
 * Complex cations: an alkali/alkaline-earth atom with ≥ 4 contacts to the
 * N/O/S donors of one metal-free, carbon-containing molecule (crown ether,
 * cryptand) is bonded to it. Components are taken from the covalent bonds
 * only; the new bonds are added in both directions (shift index s ↔ its
 * negation, which is `shiftCount − 1 − s` for the symmetric enumeration).
 */
function bindChelatedCations(
  numbers: Uint8Array,
  nbr: { j: number; s: number }[][],
  ionic: { j: number; s: number }[][],
  shiftCount: number,
): void {
  const n = numbers.length;
  const comp = new Int32Array(n).fill(-1);
  let next = 0;
  for (let start = 0; start < n; start++) {
    if (comp[start] !== -1) continue;
    const stack = [start];
    comp[start] = next;
    while (stack.length) {
      const i = stack.pop()!;
      for (const { j } of nbr[i]!) {
        if (comp[j] !== -1) continue;
        comp[j] = next;
        stack.push(j);
      }
    }
    next++;
  }
  const hasCarbon = new Uint8Array(next);
  const hasMetal = new Uint8Array(next);
  for (let i = 0; i < n; i++) {
    if (numbers[i] === 6) hasCarbon[comp[i]!] = 1;
    if (isMetal(numbers[i]!)) hasMetal[comp[i]!] = 1;
  }
  for (let i = 0; i < n; i++) {
    if (!IONIC_CATIONS.has(numbers[i]!) || nbr[i]!.length) continue;
    const byComp = new Map<number, { j: number; s: number }[]>();
    for (const e of ionic[i]!) {
      const c = comp[e.j]!;
      if (!DONORS.has(numbers[e.j]!) || !hasCarbon[c] || hasMetal[c]) continue;
      const list = byComp.get(c) ?? [];
      list.push(e);
      byComp.set(c, list);
    }
    let best: { j: number; s: number }[] = [];
    for (const list of byComp.values()) if (list.length > best.length) best = list;
    if (best.length < 4) continue;
    for (const e of best) {
      nbr[i]!.push(e);
      nbr[e.j]!.push({ j: i, s: shiftCount - 1 - e.s });
    }
  }
}

function hillFormula(numbers: ArrayLike<number>): string {
  const counts = new Map<string, number>();
  for (let i = 0; i < numbers.length; i++) {
    const sym = elementByZ(numbers[i]!)?.symbol ?? String(numbers[i]);
    counts.set(sym, (counts.get(sym) ?? 0) + 1);
  }
  const keys = [...counts.keys()];
  const hasC = counts.has('C');
  keys.sort((a, b) => {
    if (hasC) {
      const rank = (s: string) => (s === 'C' ? 0 : s === 'H' ? 1 : 2);
      if (rank(a) !== rank(b)) return rank(a) - rank(b);
    }
    return a < b ? -1 : a > b ? 1 : 0;
  });
  return keys.map((k) => `${k}${counts.get(k) === 1 ? '' : counts.get(k)}`).join('');
}

/** Split the unit-cell contents of a periodic structure into whole molecules. */
export function crystalMolecules(crystal: Structure, options: MoleculeOptions = {}): CrystalMolecule[] {
  const cell = crystal.cell;
  if (!cell) {
    throw new InputError('crystal-no-cell', 'the structure has no unit cell', {
      hint: 'molecule extraction needs a periodic structure (CIF, extXYZ with Lattice=, PDB with CRYST1)',
    });
  }
  const n = crystal.numbers.length;
  const { table, max: cutoff } = bondCutoffTable(crystal.numbers, options);
  if (n === 0) throw new InputError('crystal-empty', 'the crystal has no atoms');
  // Image range per axis: enough translations to cover the cutoff (perpendicular cell widths);
  // refuses degenerate and tiny cells before building anything.
  const range = periodicImageRange(cell, n, cutoff);
  const inv = invertCell(cell);

  // Wrap every atom into the cell (fractional in [0, 1)).
  const frac = new Float64Array(3 * n);
  for (let i = 0; i < n; i++) {
    cartToFrac(
      inv,
      crystal.positions[3 * i]!,
      crystal.positions[3 * i + 1]!,
      crystal.positions[3 * i + 2]!,
      frac,
      3 * i,
    );
    for (let k = 0; k < 3; k++) frac[3 * i + k] = frac[3 * i + k]! - Math.floor(frac[3 * i + k]!);
  }
  const shifts: [number, number, number][] = [];
  for (let a = -range[0]; a <= range[0]; a++)
    for (let b = -range[1]; b <= range[1]; b++)
      for (let c = -range[2]; c <= range[2]; c++) shifts.push([a, b, c]);
  // Image points (atom, shift) in Cartesian: only those within the cutoff of the cell, i.e. with
  // every fractional coordinate in [−δ_k, 1 + δ_k], δ_k = cutoff / width_k (a point within `cutoff`
  // of the cell differs from it by at most cutoff / width_k in fractional coordinate k). The home
  // cell's atoms come first (q = i for shift `home`).
  const widths = perpendicularWidths(cell);
  const delta = widths.map((w) => cutoff / w);
  const inside = (i: number, sh: readonly number[]) => {
    for (let k = 0; k < 3; k++) {
      const f = frac[3 * i + k]! + sh[k]!;
      if (f < -delta[k]! || f > 1 + delta[k]!) return false;
    }
    return true;
  };
  const home = shifts.findIndex(([a, b, c]) => a === 0 && b === 0 && c === 0);
  let m = n;
  for (let s = 0; s < shifts.length; s++) {
    if (s === home) continue;
    for (let i = 0; i < n; i++) if (inside(i, shifts[s]!)) m++;
  }
  if (m > MAX_PERIODIC_IMAGES) throw tooManyImages(cell, n, m);
  const pts = new Float64Array(3 * m);
  const atomOf = new Int32Array(m);
  const shiftOf = new Int32Array(m);
  let q = 0;
  for (const s of [home, ...shifts.keys()]) {
    if (s === home && q > 0) continue;
    const [a, b, c] = shifts[s]!;
    for (let i = 0; i < n; i++) {
      if (s !== home && !inside(i, shifts[s]!)) continue;
      fracToCart(cell, frac[3 * i]! + a, frac[3 * i + 1]! + b, frac[3 * i + 2]! + c, pts, 3 * q);
      atomOf[q] = i;
      shiftOf[q++] = s;
    }
  }
  const grid = createGrid(pts, cutoff);
  const min2 = (options.minDistance ?? DEFAULT_MIN_BOND_DISTANCE_A) ** 2;
  // Adjacency: for atom i (in the home cell), neighbours (j, shift index).
  const nbr: { j: number; s: number }[][] = Array.from({ length: n }, () => []);
  // ionic contacts (not bonds), kept to find chelated cations
  const ionic: { j: number; s: number }[][] = Array.from({ length: n }, () => []);
  const ionicBonds = options.ionicContactsAreBonds === true;
  for (let i = 0; i < n; i++) {
    const p = 3 * i;
    const zi = crystal.numbers[i]! * 119;
    grid.forEachNear(pts[p]!, pts[p + 1]!, pts[p + 2]!, cutoff, (q, d2) => {
      const j = atomOf[q]!;
      const s = shiftOf[q]!;
      if (s === home && j === i) return;
      if (d2 <= min2) return;
      const c = table[zi + crystal.numbers[j]!]!;
      if (d2 > c * c) return;
      if (ionicBonds || !isIonicContact(crystal.numbers[i]!, crystal.numbers[j]!)) nbr[i]!.push({ j, s });
      else ionic[i]!.push({ j, s });
    });
  }
  if (!ionicBonds) bindChelatedCations(crystal.numbers, nbr, ionic, shifts.length);
  // Breadth-first unwrapping.
  const image = new Int32Array(3 * n);
  const seen = new Uint8Array(n);
  const molecules: CrystalMolecule[] = [];
  for (let start = 0; start < n; start++) {
    if (seen[start]) continue;
    const atoms = [start];
    seen[start] = 1;
    let polymeric = false;
    for (let head = 0; head < atoms.length; head++) {
      const i = atoms[head]!;
      for (const { j, s } of nbr[i]!) {
        const sh = shifts[s]!;
        const ia = image[3 * i]! + sh[0];
        const ib = image[3 * i + 1]! + sh[1];
        const ic = image[3 * i + 2]! + sh[2];
        if (!seen[j]) {
          seen[j] = 1;
          image[3 * j] = ia;
          image[3 * j + 1] = ib;
          image[3 * j + 2] = ic;
          atoms.push(j);
        } else if (image[3 * j] !== ia || image[3 * j + 1] !== ib || image[3 * j + 2] !== ic) {
          polymeric = true;
        }
      }
    }
    atoms.sort((a, b) => a - b);
    const positions = new Float64Array(3 * atoms.length);
    let moved = 0;
    atoms.forEach((i, k) => {
      if (image[3 * i] || image[3 * i + 1] || image[3 * i + 2]) moved++;
      fracToCart(
        cell,
        frac[3 * i]! + image[3 * i]!,
        frac[3 * i + 1]! + image[3 * i + 1]!,
        frac[3 * i + 2]! + image[3 * i + 2]!,
        positions,
        3 * k,
      );
    });
    const numbers = atoms.map((i) => crystal.numbers[i]!);
    const pick = <T>(arr: readonly T[] | undefined) => (arr ? atoms.map((i) => arr[i]!) : undefined);
    const labels = pick(crystal.labels);
    const structure = createStructure({
      numbers,
      positions,
      ...(labels ? { labels } : {}),
      ...(crystal.title !== undefined ? { title: crystal.title } : {}),
    });
    molecules.push({ structure, atoms, formula: hillFormula(numbers), polymeric, atomsUnwrapped: moved });
  }
  return molecules;
}

/**
 * One whole molecule from a crystal: by default the one with the most atoms
 * (the cluster, not counter-ions or solvent). Also returns the formula count
 * of every distinct molecule in the cell for the report.
 */
export function extractMolecule(
  crystal: Structure,
  options: MoleculeOptions = {},
): { molecule: CrystalMolecule; inCell: { formula: string; count: number; polymeric: boolean }[] } {
  const mols = crystalMolecules(crystal, options);
  if (mols.length === 0) throw new InputError('crystal-empty', 'the crystal has no atoms');
  const weight = (m: CrystalMolecule) =>
    options.select === 'heaviest' ? m.structure.numbers.reduce((t, z) => t + z, 0) : m.atoms.length;
  let best = mols[0]!;
  for (const m of mols) if (weight(m) > weight(best)) best = m;
  const counts = new Map<string, { formula: string; count: number; polymeric: boolean }>();
  for (const m of mols) {
    const e = counts.get(m.formula) ?? { formula: m.formula, count: 0, polymeric: m.polymeric };
    e.count++;
    counts.set(m.formula, e);
  }
  return { molecule: best, inCell: [...counts.values()].sort((a, b) => b.count - a.count) };
}
