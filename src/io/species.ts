/**
 * The species of a crystal: the whole molecules of the unit cell
 * (./crystal.ts) grouped by formula, each with its count per cell, its charge
 * where it is known, and a role.
 *
 * Charges known from composition alone (formal charges of the common
 * counter-ions and solvents of cluster and polyoxometalate salts):
 *   - a lone alkali metal atom +1, a lone alkaline-earth atom +2, a lone Tl +1
 *     (Tl⁺ salts), a lone halogen (F, Cl, Br, I) −1;
 *   - NH4 +1 (ammonium), H3O +1 (hydronium), H2O 0; a lone N is read as
 *     ammonium with its H atoms not located (+1) and a lone O as water (0),
 *     each with a note, since X-ray structures often omit those H atoms;
 *   - quaternary ammonium and phosphonium ions (only C, H, N, P, every N and
 *     P with four bonded neighbours: NMe4⁺, NBu4⁺, PPh4⁺) +1 per N/P;
 *     bis(triphenylphosphine)iminium PPN⁺ (C36H30NP2) +1;
 *   - common crystallisation solvents 0 (table below).
 * When exactly one formula has no known charge, and the cell is neutral, its
 * charge follows by charge balance (Σ count × charge = 0), provided it comes
 * out a whole number; it is then marked as such in the notes.
 *
 * Roles: 'cluster' for the largest species (most atoms per copy, then the
 * largest total Z) that contains a metal atom; 'counterion' for any other
 * species with a known non-zero charge; 'solvent' for water and the
 * solvents of the table; 'other' for the rest.
 */
import { InputError } from '../core/errors.js';
import { findBonds, isMetal } from '../structure/bonds.js';
import type { Structure } from '../structure/structure.js';
import { type CrystalMolecule, crystalMolecules, type MoleculeOptions } from './crystal.js';

export type SpeciesRole = 'cluster' | 'counterion' | 'solvent' | 'other';

/** One species of the unit cell (the public JSON shape of `species`). */
export interface SpeciesSummary {
  /** 1-based, in the order listed: the cluster first, then by atoms per copy. */
  readonly index: number;
  /** Hill formula of one copy. */
  readonly formula: string;
  /** Copies in the unit cell. */
  readonly count: number;
  /** Charge of one copy, e; null when not known. */
  readonly charge: number | null;
  readonly role: SpeciesRole;
  /** Atoms in one copy. */
  readonly atoms: number;
  /** True when the species is a periodic network (connected to its own image), not a molecule. */
  readonly polymeric: boolean;
}

export interface CrystalSpecies {
  readonly species: readonly SpeciesSummary[];
  /** The copies of each species, same order as `species`. */
  readonly copies: readonly (readonly CrystalMolecule[])[];
  /** All molecules of the cell in the order of their first atom. */
  readonly molecules: readonly CrystalMolecule[];
  /** Index (1-based) of the main species: the cluster, else the largest species. */
  readonly main: number;
  /** How charges were found (ammonium without H, charge balance …). */
  readonly notes: readonly string[];
}

/** Crystallisation solvents by Hill formula (neutral). */
const SOLVENTS = new Map<string, string>([
  ['H2O', 'water'],
  ['CH4O', 'methanol'],
  ['C2H6O', 'ethanol'],
  ['C3H8O', 'propanol'],
  ['C3H6O', 'acetone'],
  ['C2H3N', 'acetonitrile'],
  ['CH2Cl2', 'dichloromethane'],
  ['CHCl3', 'chloroform'],
  ['CCl4', 'tetrachloromethane'],
  ['C2H4Cl2', 'dichloroethane'],
  ['C4H8O', 'tetrahydrofuran'],
  ['C4H10O', 'diethyl ether'],
  ['C4H8O2', 'dioxane / ethyl acetate'],
  ['C3H7NO', 'dimethylformamide'],
  ['C4H9NO', 'dimethylacetamide'],
  ['C2H6OS', 'dimethyl sulfoxide'],
  ['CH3NO2', 'nitromethane'],
  ['C6H6', 'benzene'],
  ['C7H8', 'toluene'],
  ['C8H10', 'xylene'],
  ['C6H5Cl', 'chlorobenzene'],
  ['C5H5N', 'pyridine'],
  ['C5H12', 'pentane'],
  ['C6H14', 'hexane'],
  ['C6H12', 'cyclohexane'],
]);

const ALKALI = new Set([3, 11, 19, 37, 55, 87]);
const ALKALINE_EARTH = new Set([4, 12, 20, 38, 56, 88]);
const HALOGEN = new Set([9, 17, 35, 53]);

/** Charge of one molecule known from its composition and bonds (module comment), or null; with a note. */
function knownCharge(m: CrystalMolecule): { charge: number | null; note?: string } {
  const z = m.structure.numbers;
  if (z.length === 1) {
    const e = z[0]!;
    if (ALKALI.has(e) || e === 81) return { charge: 1 };
    if (ALKALINE_EARTH.has(e)) return { charge: 2 };
    if (HALOGEN.has(e)) return { charge: -1 };
    if (e === 7) return { charge: 1, note: 'a lone N is read as ammonium NH4⁺ with its H atoms not located' };
    if (e === 8) return { charge: 0, note: 'a lone O is read as water with its H atoms not located' };
    return { charge: null };
  }
  if (SOLVENTS.has(m.formula)) return { charge: 0 };
  if (m.formula === 'H4N' || m.formula === 'H3O') return { charge: 1 };
  if (m.formula === 'C36H30NP2') return { charge: 1 };
  // quaternary ammonium / phosphonium
  if (![...z].every((e) => e === 1 || e === 6 || e === 7 || e === 15)) return { charge: null };
  const centres = [...z].flatMap((e, i) => (e === 7 || e === 15 ? [i] : []));
  if (!centres.length || !z.includes(6)) return { charge: null };
  const bonds = findBonds(m.structure);
  const degree = new Uint16Array(z.length);
  for (let k = 0; k < bonds.i.length; k++) {
    degree[bonds.i[k]!]!++;
    degree[bonds.j[k]!]!++;
  }
  return centres.every((i) => degree[i] === 4) ? { charge: centres.length } : { charge: null };
}

const zSum = (m: CrystalMolecule) => m.structure.numbers.reduce((t, e) => t + e, 0);

/** The species of a crystal (module comment). */
export function crystalSpecies(crystal: Structure, options: MoleculeOptions = {}): CrystalSpecies {
  const molecules = crystalMolecules(crystal, options);
  if (molecules.length === 0) throw new InputError('crystal-empty', 'the crystal has no atoms');
  const groups = new Map<string, CrystalMolecule[]>();
  for (const m of molecules) {
    const key = `${m.formula}${m.polymeric ? ' (network)' : ''}`;
    const list = groups.get(key) ?? [];
    list.push(m);
    groups.set(key, list);
  }
  const lists = [...groups.values()];
  const hasMetal = (m: CrystalMolecule) => m.structure.numbers.some((e) => isMetal(e));
  const bigger = (a: CrystalMolecule, b: CrystalMolecule) =>
    a.atoms.length - b.atoms.length || zSum(a) - zSum(b) || (a.formula < b.formula ? 1 : -1);
  let main = lists[0]!;
  let mainHasMetal = hasMetal(main[0]!);
  for (const l of lists) {
    const metal = hasMetal(l[0]!);
    if ((metal && !mainHasMetal) || (metal === mainHasMetal && bigger(l[0]!, main[0]!) > 0)) {
      main = l;
      mainHasMetal = metal;
    }
  }
  const ordered = [main, ...lists.filter((l) => l !== main).sort((a, b) => bigger(b[0]!, a[0]!))];
  const notes: string[] = [];
  const charges = ordered.map((l) => {
    const k = knownCharge(l[0]!);
    if (k.note) notes.push(`${k.note} (${l.length} in the cell)`);
    return k.charge;
  });
  const unknown = charges.flatMap((c, i) => (c === null ? [i] : []));
  if (unknown.length === 1) {
    const u = unknown[0]!;
    const known = charges.reduce<number>((t, c, i) => t + (c ?? 0) * ordered[i]!.length, 0);
    const q = -known / ordered[u]!.length;
    const f = ordered[u]![0]!.formula;
    if (ordered.length === 1) {
      charges[u] = 0; // the only species of a neutral cell
    } else if (Math.abs(q - Math.round(q)) < 1e-9) {
      charges[u] = Math.round(q) + 0; // + 0: no −0
      notes.push(
        `charge of ${f} by charge balance: ${chargeText(charges[u]!)} (the other species of the cell carry ${chargeText(known)} e over ${ordered[u]!.length} cop${ordered[u]!.length === 1 ? 'y' : 'ies'})`,
      );
    } else {
      notes.push(
        `charge of ${f} not found: the other species carry ${chargeText(known)} e, not a whole multiple of its ${ordered[u]!.length} copies (partial occupancies or unlocated protons?)`,
      );
    }
  }
  if (unknown.length > 1) {
    const names = unknown.slice(0, 4).map((i) => ordered[i]![0]!.formula);
    notes.push(
      `charges of ${names.join(', ')}${unknown.length > 4 ? ` and ${unknown.length - 4} more` : ''} not known: charge balance needs every other species' charge`,
    );
  }
  const species: SpeciesSummary[] = ordered.map((l, i) => {
    const m = l[0]!;
    const charge = charges[i]!;
    let role: SpeciesRole = 'other';
    if (i === 0 && mainHasMetal) role = 'cluster';
    else if (charge !== null && charge !== 0) role = 'counterion';
    else if (SOLVENTS.has(m.formula) || m.formula === 'O') role = 'solvent';
    return {
      index: i + 1,
      formula: m.formula,
      count: l.length,
      charge,
      role,
      atoms: m.atoms.length,
      polymeric: m.polymeric,
    };
  });
  return { species, copies: ordered, molecules, main: 1, notes };
}

/** "PW12O40³⁻"-style charge text: "+1", "−3", "0", or "" when unknown. */
export function chargeText(q: number | null): string {
  if (q === null) return '';
  return q > 0 ? `+${q}` : q < 0 ? `−${-q}` : '0';
}

/**
 * One line listing the species: "[1] 1 × O40PW12 (−3, cluster), [2] 3 × Cs (+1, counterion)"; past
 * `max` species (default 12) the rest is summarised, so the line stays short (the JSON lists all).
 */
export function speciesLine(species: readonly SpeciesSummary[], max = 12): string {
  const rest = species.length - max;
  return species
    .slice(0, max)
    .map((s) => {
      const tags = [chargeText(s.charge), s.role === 'other' ? '' : s.role, s.polymeric ? 'network' : '']
        .filter(Boolean)
        .join(', ');
      return `[${s.index}] ${s.count} × ${s.formula}${tags ? ` (${tags})` : ''}`;
    })
    .join(', ')
    .concat(rest > 0 ? `, and ${rest} more species (--json lists all)` : '');
}

/**
 * The species to analyse or write: `species` (1-based index into the list)
 * when given, else the main one (the cluster). Refuses an index out of range,
 * listing the species.
 */
export function pickSpecies(
  found: CrystalSpecies,
  species?: number,
): { molecule: CrystalMolecule; chosen: SpeciesSummary } {
  const k = species ?? found.main;
  if (!Number.isInteger(k) || k < 1 || k > found.species.length) {
    throw new InputError(
      'crystal-species',
      `--species ${k} is out of range: the cell holds ${found.species.length} species`,
      { hint: `species: ${speciesLine(found.species, 6)}` },
    );
  }
  return { molecule: found.copies[k - 1]![0]!, chosen: found.species[k - 1]! };
}

/**
 * The unit-cell contents with every molecule whole: the atoms in their input
 * order, each placed in the lattice image that makes its molecule whole
 * (positions may lie outside the cell), the cell kept (writers of
 * non-periodic formats drop it).
 */
export function wholeMolecules(crystal: Structure, molecules: readonly CrystalMolecule[]): Structure {
  const positions = new Float64Array(crystal.positions.length);
  for (const m of molecules)
    m.atoms.forEach((i, k) => {
      for (let d = 0; d < 3; d++) positions[3 * i + d] = m.structure.positions[3 * k + d]!;
    });
  return { ...crystal, positions };
}
