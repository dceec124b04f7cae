/**
 * Connectivity from interatomic distances.
 *
 * Rule (Open Babel's `OBMol::ConnectTheDots`, also Jmol's default bond
 * tolerance, extended for metal–metal contacts): atoms i and j are bonded when
 *
 *     minDistance < d_ij ≤ r_i + r_j + tolerance          (any pair with a non-metal)
 *     minDistance < d_ij ≤ r_i + r_j + metalTolerance     (both atoms metals)
 *
 * with r the single-bond covalent radii of Cordero et al., Dalton Trans. 2008,
 * 2832 (Pyykkö & Atsumi 2009 beyond Cm), `tolerance` = 0.45 Å,
 * `metalTolerance` = 0.60 Å and `minDistance` = 0.4 Å by default. An additive
 * tolerance (rather than a factor) keeps ligand bonds tight while metal–metal
 * contacts in clusters are far longer than the covalent sum. The larger
 * metal–metal tolerance is a measured choice: Au–Au distances in the
 * thiolate-protected cores Au25…Au144 (NanoModeler models) form a continuum
 * from 2.75 to 3.35 Å before the first gap, and the Td Au20 DFT structure has
 * edge contacts of 3.17 Å, exactly the covalent sum + 0.45 Å.
 *
 * | pair  | r_i + r_j | cutoff | typical bonds in clusters / molecules        |
 * |-------|-----------|--------|----------------------------------------------|
 * | Au–Au | 2.72      | 3.32   | 2.75–3.30 (kernel), bulk 2.884               |
 * | Ag–Ag | 2.90      | 3.50   | 2.80–3.30, bulk 2.889; fcc 2nd shell 4.09    |
 * | Cu–Cu | 2.64      | 3.24   | 2.45–2.80, bulk 2.556; fcc 2nd shell 3.61    |
 * | Au–S  | 2.41      | 2.86   | 2.28–2.45                                    |
 * | Ag–S  | 2.50      | 2.95   | 2.40–2.80                                    |
 * | Ag–P  | 2.52      | 2.97   | 2.35–2.50                                    |
 * | C–C   | 1.52      | 1.97   | 1.20–1.54 (1,3 contacts ≥ 2.4)               |
 * | C–H   | 1.07      | 1.52   | 1.08–1.10                                    |
 * | H–H   | 0.62      | 1.07   | 0.74 in H2; geminal H···H ≥ 1.7              |
 *
 * The fcc second-neighbour distance, √2 × the nearest-neighbour distance
 * (4.08 Å for Au), stays outside every metal–metal cutoff. Staple–staple
 * Au(I)···Au(I) aurophilic contacts of 3.45 Å and more are not bonds at the
 * defaults. Per-pair cutoffs override the rule.
 *
 * Pairs are found with a cell grid (./grid.ts) in O(N).
 */
import { elementByZ } from '../data/index.js';
import { createGrid } from './grid.js';
import type { Structure } from './structure.js';

/** Default additive tolerance, Å (Open Babel ConnectTheDots). */
export const DEFAULT_BOND_TOLERANCE_A = 0.45;
/** Default additive tolerance for metal–metal pairs, Å (see the module comment). */
export const DEFAULT_METAL_BOND_TOLERANCE_A = 0.6;
/** Default shortest distance that still counts as a bond, Å (Open Babel). */
export const DEFAULT_MIN_BOND_DISTANCE_A = 0.4;
/** Covalent radius used for elements without a tabulated one, Å. */
export const FALLBACK_COVALENT_RADIUS_A = 1.5;

export interface BondOptions {
  /** Å added to r_i + r_j (default 0.45). */
  readonly tolerance?: number;
  /** Å added to r_i + r_j when both atoms are metals (default 0.60; set equal to `tolerance` for the plain rule). */
  readonly metalTolerance?: number;
  /** Pairs closer than this (Å) are not bonds (overlapping atoms; default 0.4). */
  readonly minDistance?: number;
  /**
   * Fixed cutoffs in Å for element pairs, keyed by symbols in either order
   * ('Au-Au', 'S-Au'); they replace r_i + r_j + tolerance for that pair.
   */
  readonly pairCutoffs?: Readonly<Record<string, number>>;
  /** Radius per atomic number, Å (default: Cordero covalent radii). */
  readonly radius?: (z: number) => number;
}

/** Bonds as parallel arrays, i < j, sorted by i then j. */
export interface Bonds {
  readonly i: Uint32Array;
  readonly j: Uint32Array;
  /** Bond length, Å. */
  readonly lengthA: Float64Array;
}

/** Single-bond covalent radius in Å (Cordero 2008), 1.5 Å when not tabulated. */
export function covalentRadius(z: number): number {
  return elementByZ(z)?.covalentRadiusA ?? FALLBACK_COVALENT_RADIUS_A;
}

const P_BLOCK_METALS = new Set([13, 31, 49, 50, 81, 82, 83, 84, 113, 114, 115, 116]);

/** Metals: s block except H and He, all d and f block, and the p-block metals Al, Ga, In, Sn, Tl, Pb, Bi, Po, Nh–Lv. */
export function isMetal(z: number): boolean {
  const e = elementByZ(z);
  if (!e) return false;
  if (e.block === 'd' || e.block === 'f') return true;
  if (e.block === 's') return z !== 1 && z !== 2;
  return P_BLOCK_METALS.has(z);
}

function symbol(z: number): string {
  return elementByZ(z)?.symbol ?? String(z);
}

/** Cutoff table (Å) indexed by Z1 * 119 + Z2 for the elements present in `numbers`, and its maximum. */
export function bondCutoffTable(
  numbers: Uint8Array,
  options: BondOptions,
): { table: Float64Array; max: number } {
  const tol = options.tolerance ?? DEFAULT_BOND_TOLERANCE_A;
  const metalTol = options.metalTolerance ?? DEFAULT_METAL_BOND_TOLERANCE_A;
  const radius = options.radius ?? covalentRadius;
  const present = [...new Set(numbers)];
  const table = new Float64Array(119 * 119);
  let max = 0;
  const overrides = new Map<string, number>();
  for (const [k, v] of Object.entries(options.pairCutoffs ?? {})) {
    const parts = k.split(/[-–]/).map((x) => x.trim());
    if (parts.length !== 2) throw new RangeError(`pair cutoff key "${k}" must look like "Au-S"`);
    overrides.set([...parts].sort().join('-'), v);
  }
  for (const a of present) {
    for (const b of present) {
      const key = [symbol(a), symbol(b)].sort().join('-');
      const c = overrides.get(key) ?? radius(a) + radius(b) + (isMetal(a) && isMetal(b) ? metalTol : tol);
      table[a * 119 + b] = c;
      if (c > max) max = c;
    }
  }
  return { table, max };
}

/** Bond cutoff in Å for two atomic numbers under `options` (the rule of the module comment). */
export function bondCutoff(za: number, zb: number, options: BondOptions = {}): number {
  return bondCutoffTable(Uint8Array.of(za, zb), options).table[za * 119 + zb]!;
}

/**
 * Find all bonds of `s` by the covalent-radius rule above. Linear time; for
 * N atoms the work is O(N) for bounded density.
 */
export function findBonds(s: Structure, options: BondOptions = {}): Bonds {
  const n = s.numbers.length;
  const minD = options.minDistance ?? DEFAULT_MIN_BOND_DISTANCE_A;
  const min2 = minD * minD;
  if (n < 2) return { i: new Uint32Array(0), j: new Uint32Array(0), lengthA: new Float64Array(0) };
  const { table, max } = bondCutoffTable(s.numbers, options);
  if (!(max > 0)) return { i: new Uint32Array(0), j: new Uint32Array(0), lengthA: new Float64Array(0) };
  const grid = createGrid(s.positions, max);
  const bi: number[] = [];
  const bj: number[] = [];
  const len: number[] = [];
  const numbers = s.numbers;
  grid.forEachPair(max, (i, j, d2) => {
    if (d2 <= min2) return;
    const c = table[numbers[i]! * 119 + numbers[j]!]!;
    if (d2 <= c * c) {
      bi.push(i);
      bj.push(j);
      len.push(Math.sqrt(d2));
    }
  });
  const order = bi.map((_, k) => k).sort((a, b) => bi[a]! - bi[b]! || bj[a]! - bj[b]!);
  const out = {
    i: new Uint32Array(order.length),
    j: new Uint32Array(order.length),
    lengthA: new Float64Array(order.length),
  };
  order.forEach((k, m) => {
    out.i[m] = bi[k]!;
    out.j[m] = bj[k]!;
    out.lengthA[m] = len[k]!;
  });
  return out;
}

/** Number of bonds of each atom. */
export function coordinationNumbers(s: Structure, bonds: Bonds = findBonds(s)): Uint16Array {
  const cn = new Uint16Array(s.numbers.length);
  for (let k = 0; k < bonds.i.length; k++) {
    cn[bonds.i[k]!]!++;
    cn[bonds.j[k]!]!++;
  }
  return cn;
}

/** Adjacency lists (CSR): neighbours of atom a are `list[offsets[a] … offsets[a+1])`. */
export function adjacency(n: number, bonds: Bonds): { offsets: Uint32Array; list: Uint32Array } {
  const offsets = new Uint32Array(n + 1);
  for (let k = 0; k < bonds.i.length; k++) {
    offsets[bonds.i[k]! + 1]!++;
    offsets[bonds.j[k]! + 1]!++;
  }
  for (let a = 0; a < n; a++) offsets[a + 1]! += offsets[a]!;
  const fill = offsets.slice(0, n);
  const list = new Uint32Array(2 * bonds.i.length);
  for (let k = 0; k < bonds.i.length; k++) {
    list[fill[bonds.i[k]!]!++] = bonds.j[k]!;
    list[fill[bonds.j[k]!]!++] = bonds.i[k]!;
  }
  return { offsets, list };
}

/** Connected components (molecules/fragments) of the bond graph: component id per atom, and the count. */
export function connectedComponents(n: number, bonds: Bonds): { component: Uint32Array; count: number } {
  const { offsets, list } = adjacency(n, bonds);
  const component = new Uint32Array(n).fill(0xffffffff);
  const stack = new Uint32Array(n);
  let count = 0;
  for (let a = 0; a < n; a++) {
    if (component[a] !== 0xffffffff) continue;
    let top = 0;
    stack[top++] = a;
    component[a] = count;
    while (top > 0) {
      const u = stack[--top]!;
      for (let k = offsets[u]!; k < offsets[u + 1]!; k++) {
        const v = list[k]!;
        if (component[v] === 0xffffffff) {
          component[v] = count;
          stack[top++] = v;
        }
      }
    }
    count++;
  }
  return { component, count };
}

export interface BondStatistic {
  /** Element pair in alphabetical order of symbols, 'Au-S'. */
  readonly pair: string;
  /** Structural class from `classOf` (absent when none was given). */
  readonly class?: string;
  readonly count: number;
  /** Mean length, Å. */
  readonly mean: number;
  /** Sample standard deviation (n − 1), Å; 0 for a single bond. */
  readonly sd: number;
  readonly min: number;
  readonly max: number;
}

/**
 * Bond-length statistics by element pair (and optionally by any other class
 * via `classOf(i, j)` → a class name appended as `pair class`). Sorted by pair.
 */
export function bondStatistics(
  s: Structure,
  bonds: Bonds = findBonds(s),
  classOf?: (i: number, j: number) => string | undefined,
): BondStatistic[] {
  const groups = new Map<string, { pair: string; cls: string | undefined; v: number[] }>();
  for (let k = 0; k < bonds.i.length; k++) {
    const a = bonds.i[k]!;
    const b = bonds.j[k]!;
    const pair = [symbol(s.numbers[a]!), symbol(s.numbers[b]!)].sort().join('-');
    const cls = classOf?.(a, b);
    const key = cls ? `${pair}\u0000${cls}` : pair;
    let g = groups.get(key);
    if (!g) {
      g = { pair, cls, v: [] };
      groups.set(key, g);
    }
    g.v.push(bonds.lengthA[k]!);
  }
  return [...groups.entries()]
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([, { pair, cls, v }]) => {
      const count = v.length;
      let sum = 0;
      let min = Number.POSITIVE_INFINITY;
      let max = Number.NEGATIVE_INFINITY;
      for (const x of v) {
        sum += x;
        if (x < min) min = x;
        if (x > max) max = x;
      }
      const mean = sum / count;
      let ss = 0;
      for (const x of v) ss += (x - mean) ** 2;
      const sd = count > 1 ? Math.sqrt(ss / (count - 1)) : 0;
      return { pair, ...(cls ? { class: cls } : {}), count, mean, sd, min, max };
    });
}

/**
 * Shortest plausible distances (issue 9.10). A contact below these is reported, not taken
 * silently as a bond:
 * - any pair without H: 0.7 × (r_i + r_j) (Cordero covalent radii); the shortest real bonds are
 *   ≈ 0.8 × the single-bond sum (C≡C 1.20 Å vs 1.52, N≡N 1.10 vs 1.42), so 0.7 leaves room
 *   for multiple bonds;
 * - X–H (X ≠ H): 0.7 × (r_X + r_H) as well (C–H 0.75, O–H 0.62 Å; real 1.09 and 0.96 Å);
 * - H···H: 1.5 Å unless the two hydrogens are a free H₂ (0.74 Å) or both bound to one atom
 *   (η²-H₂ complexes, 0.8–1.0 Å, Kubas, Chem. Rev. 107, 4152 (2007)); between hydrogens of
 *   different groups the closest non-bonded contacts in crystals are ≈ 1.8–2.0 Å (Rowland &
 *   Taylor, J. Phys. Chem. 100, 7384 (1996): van der Waals radius of H 1.10 Å).
 */
export const SHORT_CONTACT_FACTOR = 0.7;
/** H···H distance (Å) below which two hydrogens that each belong to another atom are too close. */
export const SHORT_HH_CONTACT_A = 1.5;

export interface ShortContact {
  /** Atom indices (0-based), i < j. */
  readonly i: number;
  readonly j: number;
  /** Element pair, alphabetical, 'H-H'. */
  readonly pair: string;
  /** Distance, Å. */
  readonly distanceA: number;
  /** The limit it falls below, Å. */
  readonly limitA: number;
}

/**
 * Pairs closer than the limits above (grid search, linear time). `bonds` (default: findBonds)
 * tells which atoms each hydrogen is bound to (see the H···H rule).
 */
export function findShortContacts(s: Structure, bonds: Bonds = findBonds(s)): ShortContact[] {
  const n = s.numbers.length;
  if (n < 2) return [];
  const z = s.numbers;
  // non-H neighbours of each hydrogen
  const hNeighbours = new Map<number, number[]>();
  for (let k = 0; k < bonds.i.length; k++) {
    const a = bonds.i[k]!;
    const b = bonds.j[k]!;
    if (z[a] === 1 && z[b] !== 1) hNeighbours.set(a, [...(hNeighbours.get(a) ?? []), b]);
    if (z[b] === 1 && z[a] !== 1) hNeighbours.set(b, [...(hNeighbours.get(b) ?? []), a]);
  }
  let maxR = 0;
  for (const x of new Set(z)) maxR = Math.max(maxR, covalentRadius(x));
  const reach = Math.max(SHORT_HH_CONTACT_A, 2 * maxR * SHORT_CONTACT_FACTOR);
  const out: ShortContact[] = [];
  createGrid(s.positions, reach).forEachPair(reach, (i, j, d2) => {
    const a = Math.min(i, j);
    const b = Math.max(i, j);
    let limit: number;
    if (z[a] === 1 && z[b] === 1) {
      const na = hNeighbours.get(a) ?? [];
      const nb = hNeighbours.get(b) ?? [];
      // free H₂, or η²-H₂ on one atom (both hydrogens bound to the same atom)
      if ((na.length === 0 && nb.length === 0) || na.some((x) => nb.includes(x))) return;
      limit = SHORT_HH_CONTACT_A;
    } else limit = SHORT_CONTACT_FACTOR * (covalentRadius(z[a]!) + covalentRadius(z[b]!));
    if (d2 < limit * limit) {
      out.push({
        i: a,
        j: b,
        pair: [symbol(z[a]!), symbol(z[b]!)].sort().join('-'),
        distanceA: Math.sqrt(d2),
        limitA: limit,
      });
    }
  });
  return out.sort((x, y) => x.distanceA - y.distanceA || x.i - y.i || x.j - y.j);
}
