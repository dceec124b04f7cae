/**
 * Anatomy of a ligand-protected metal cluster, in the vocabulary of cluster
 * papers: kernel (with radial shells: centre, first shell, …), surface staple
 * motifs RS–(M–SR)x, vertex M–P caps, ligands as molecules, and bond-length
 * statistics per structural class.
 *
 * Rules (bonds from covalent radii + 0.45 Å, ./bonds.ts):
 * - Metal atoms: every element except H, He, B, C, N, O, F, Ne, Si, P, S, Cl,
 *   Ar, As, Se, Br, Kr, Te, I, Xe, At, Rn.
 * - Staple metal: a metal atom bonded to ≥ 2 chalcogen atoms (S, Se, Te) with
 *   an X–M–X angle ≥ 140° (the nearly linear RS–M–SR unit). Kernel metal atoms
 *   bound to thiolates carry one S (or two at a small angle).
 *   Reference: the "divide and protect" picture, Häkkinen, Walter & Grönbeck,
 *   J. Phys. Chem. B 110, 9927 (2006); Jadzinsky et al., Science 318, 430
 *   (2007) (Au102: Au79 kernel, 19 monomeric and 2 dimeric staples).
 * - A staple is a connected set of staple metals and their chalcogens; x metal
 *   atoms and x + 1 chalcogens make RS–(M–SR)x (x = 1 monomeric, 2 dimeric).
 * - Embedded units (issue 9.10): a staple unit every metal atom of which lies
 *   in the kernel surface — ≥ 2 kernel neighbours within 1.07 d_nn (d_nn:
 *   median nearest kernel–kernel distance) and a height above them (distance
 *   from the kernel centroid minus theirs) below 1.5 Å for a chain of ≥ 2
 *   metals, below 1.0 Å for a single RS–M–SR — is kernel, not a staple: its
 *   chalcogens are bridging thiolates. Measured on the reference cores: staple
 *   Au(I) atoms sit 1.16–2.9 Å above their kernel contacts (Au25, Au38, Au102,
 *   Au133, Au144); the chains sunk into the fcc kernels of Au36(SR)24 sit
 *   0.76–1.47 Å above, and the two single units of Au44(SR)28 0.81–0.84 Å
 *   (a single unit is one atom's evidence, hence the stricter bound). This gives
 *   Au36 = Au28 kernel + 4 dimeric staples + 12 bridging SR (Zeng et al.,
 *   Angew. Chem. Int. Ed. 51, 13114 (2012)), the member N = 2 of the series
 *   Au(20+8N)(SR)(16+4N) = Au(20+8N) kernel + 4 dimeric staples + (4+4N)
 *   bridging SR (N = 1: Au28(SR)20, Zeng et al., J. Am. Chem. Soc. 135, 10011
 *   (2013); N = 3: Au44(SR)28 → Au36 + 4 dimeric + 16 bridging).
 * - Bridging: a chalcogen bound to ≥ 2 kernel metal atoms and to no staple
 *   metal (μ2-SR, μ3-SR): Au28(SR)20 = Au20 + 4 dimeric staples + 8 bridging SR
 *   (Zeng et al., J. Am. Chem. Soc. 135, 10011 (2013)).
 * - Kernel: the remaining metal atoms. Shells: distances from the kernel
 *   centroid split where consecutive distances differ by > 0.35 d_nn. Centred
 *   13-atom units and their fusion are named by ./kernel-units.ts
 *   (face-sharing bi-icosahedron, interpenetrating cuboctahedra, …).
 * - Short contacts (./bonds.ts findShortContacts) are listed in `warnings`;
 *   an H···H clash between hydrogens of different atoms is not a bond.
 * - Caps: metal atoms bonded to a P (or As) atom, i.e. M–PR3 vertex caps.
 * - Ligands: connected components of the non-metal atoms, named by formula
 *   (Hill order).
 */
import { elementByZ } from '../data/index.js';
import {
  type BondStatistic,
  type Bonds,
  bondStatistics,
  connectedComponents,
  findBonds,
  findShortContacts,
  type ShortContact,
} from './bonds.js';
import { describeKernel, type KernelUnit } from './kernel-units.js';
import type { Structure } from './structure.js';

const NON_METALS = new Set([1, 2, 5, 6, 7, 8, 9, 10, 14, 15, 16, 17, 18, 33, 34, 35, 36, 52, 53, 54, 85, 86]);
const CHALCOGENS = new Set([16, 34, 52]);
const PNICTOGENS = new Set([15, 33]);

export function isMetal(z: number): boolean {
  return !NON_METALS.has(z);
}

function sym(z: number): string {
  return elementByZ(z)?.symbol ?? `Z${z}`;
}

export interface AnatomyOptions {
  /** Bonds to use (default findBonds with covalent radii + 0.45 Å). */
  readonly bonds?: Bonds;
  /** Smallest X–M–X angle (degrees) for a staple metal (default 140). */
  readonly stapleAngleDeg?: number;
  /** Largest height (Å) above its kernel contacts for a chain metal to count as embedded (default 1.5). */
  readonly embeddedHeightA?: number;
  /** The same for the metal of a single RS–M–SR unit (default 1.0). */
  readonly embeddedMonomerHeightA?: number;
}

/** A chalcogen bound only to kernel metal atoms (μ2-SR between two of them, or μ3). */
export interface BridgingLigand {
  /** 'μ2-SR', 'μ3-SR', 'μ2-SeR' (thiolate, selenolate, …), or 'μ3-S' for a bare chalcogenide. */
  readonly motif: string;
  /** The chalcogen (0-based). */
  readonly atom: number;
  /** The kernel metal atoms it binds (0-based). */
  readonly metals: readonly number[];
}

export interface StapleUnit {
  /** Motif name, e.g. 'Au(SR)2' (monomeric), 'Au2(SR)3' (dimeric). */
  readonly motif: string;
  /** Kind by number of metal atoms: 'monomeric', 'dimeric', 'trimeric', or 'M<x>'. */
  readonly kind: string;
  /** Atom indices (0-based): metal atoms then chalcogens. */
  readonly atoms: readonly number[];
  readonly metalCount: number;
  readonly ligandAtomCount: number;
}

export interface Anatomy {
  readonly kernel: {
    readonly count: number;
    /** Element counts, e.g. { Au: 79 }. */
    readonly elements: Readonly<Record<string, number>>;
    readonly atoms: readonly number[];
    /** Radial shells of the kernel (atom indices), innermost first. */
    readonly shells: readonly (readonly number[])[];
    /** Whether an atom sits at the kernel centre (within 0.35 d_nn of the centroid). */
    readonly centred: boolean;
    /** Name from its centred 13-atom units (e.g. 'face-sharing bi-icosahedron'), or null. */
    readonly description: string | null;
    /** The centred units (centre + 12 neighbours). */
    readonly units: readonly KernelUnit[];
  };
  readonly staples: readonly StapleUnit[];
  /** Chalcogens bound only to kernel atoms (bridging thiolates), not part of a staple. */
  readonly bridging: readonly BridgingLigand[];
  /** Pairs closer than the plausibility limits of findShortContacts. */
  readonly shortContacts: readonly ShortContact[];
  /** Plain-language warnings (short contacts). */
  readonly warnings: readonly string[];
  /** Counts of staple motifs by name, e.g. { 'Au(SR)2': 19, 'Au2(SR)3': 2 }. */
  readonly stapleSummary: Readonly<Record<string, number>>;
  /** Vertex caps: metal atom and the P/As atom bound to it. */
  readonly caps: readonly { readonly metal: number; readonly ligandAtom: number; readonly motif: string }[];
  /** Ligand molecules by formula, with counts and member atoms. */
  readonly ligands: readonly {
    readonly formula: string;
    readonly count: number;
    readonly molecules: readonly (readonly number[])[];
  }[];
  /** Per-atom class: 'kernel', 'staple', 'ligand' (non-metal, bridging chalcogens included), 'metal' (other metal atoms, none by default). */
  readonly atomClass: readonly string[];
  /** Bond-length statistics by element pair and structural class. */
  readonly bonds: readonly BondStatistic[];
}

/** Hill-order formula (C first, then H, then alphabetical; alphabetical when no C). */
export function hillFormula(counts: Map<string, number> | Record<string, number>): string {
  const m = counts instanceof Map ? counts : new Map(Object.entries(counts));
  const keys = [...m.keys()].sort();
  const order = m.has('C')
    ? ['C', ...(m.has('H') ? ['H'] : []), ...keys.filter((k) => k !== 'C' && k !== 'H')]
    : keys;
  return order.map((k) => `${k}${m.get(k) === 1 ? '' : m.get(k)}`).join('');
}

function angleDeg(p: ArrayLike<number>, c: number, a: number, b: number): number {
  const v1 = [p[3 * a]! - p[3 * c]!, p[3 * a + 1]! - p[3 * c + 1]!, p[3 * a + 2]! - p[3 * c + 2]!];
  const v2 = [p[3 * b]! - p[3 * c]!, p[3 * b + 1]! - p[3 * c + 1]!, p[3 * b + 2]! - p[3 * c + 2]!];
  const d = v1[0]! * v2[0]! + v1[1]! * v2[1]! + v1[2]! * v2[2]!;
  const n = Math.hypot(v1[0]!, v1[1]!, v1[2]!) * Math.hypot(v2[0]!, v2[1]!, v2[2]!);
  return (Math.acos(Math.max(-1, Math.min(1, d / n))) * 180) / Math.PI;
}

/** Split a ligand-protected cluster into kernel, staples, caps and ligands (see module comment). */
export function analyzeAnatomy(s: Structure, options: AnatomyOptions = {}): Anatomy {
  const n = s.numbers.length;
  const z = s.numbers;
  const p = s.positions;
  const found = options.bonds ?? findBonds(s);
  const minAngle = options.stapleAngleDeg ?? 140;
  const maxHeight = options.embeddedHeightA ?? 1.5;
  const maxMonomerHeight = options.embeddedMonomerHeightA ?? 1.0;
  // Short contacts are warnings; an H···H clash between hydrogens of different atoms is no bond.
  const shortContacts = findShortContacts(s, found);
  const clash = new Set(shortContacts.filter((c) => c.pair === 'H-H').map((c) => `${c.i}-${c.j}`));
  const bonds: Bonds = clash.size ? dropBonds(found, clash) : found;
  const warnings = shortContacts
    .slice(0, 20)
    .map(
      (c) =>
        `short contact ${c.pair} ${c.distanceA.toFixed(3)} Å between atoms ${c.i + 1} and ${c.j + 1} (below ${c.limitA.toFixed(2)} Å)${c.pair === 'H-H' ? ': not taken as a bond' : ''}; check the structure`,
    );
  if (shortContacts.length > 20) warnings.push(`… and ${shortContacts.length - 20} more short contacts`);
  const nb: number[][] = Array.from({ length: n }, () => []);
  for (let k = 0; k < bonds.i.length; k++) {
    nb[bonds.i[k]!]!.push(bonds.j[k]!);
    nb[bonds.j[k]!]!.push(bonds.i[k]!);
  }
  const metal = Array.from(z, (x) => isMetal(x));
  // Staple metals.
  const staple = new Array<boolean>(n).fill(false);
  for (let i = 0; i < n; i++) {
    if (!metal[i]) continue;
    const xs = nb[i]!.filter((j) => CHALCOGENS.has(z[j]!));
    let linear = false;
    for (let a = 0; a < xs.length && !linear; a++) {
      for (let b = a + 1; b < xs.length; b++) {
        if (angleDeg(p, i, xs[a]!, xs[b]!) >= minAngle) {
          linear = true;
          break;
        }
      }
    }
    staple[i] = linear;
  }
  let staples = stapleUnits(z, nb, staple);
  // Chains sunk into the kernel surface are kernel atoms with bridging chalcogens (module comment).
  const embedded = embeddedUnits(p, z, nb, metal, staple, staples, maxHeight, maxMonomerHeight);
  if (embedded.length) {
    for (const u of embedded) for (const m of u.atoms.slice(0, u.metalCount)) staple[m] = false;
    staples = stapleUnits(z, nb, staple);
  }
  const kernelAtoms: number[] = [];
  for (let i = 0; i < n; i++) if (metal[i] && !staple[i]) kernelAtoms.push(i);
  const elements: Record<string, number> = {};
  for (const i of kernelAtoms) elements[sym(z[i]!)] = (elements[sym(z[i]!)] ?? 0) + 1;
  const { shells, centred } = radialShells(p, kernelAtoms);
  const inKernel = new Uint8Array(n);
  for (const i of kernelAtoms) inKernel[i] = 1;
  const kernelDescription = describeKernel(p, kernelAtoms, (i) => nb[i]!.filter((j) => inKernel[j]));
  // Bridging chalcogens: bound to ≥ 2 kernel metals and to no staple metal.
  const bridging: BridgingLigand[] = [];
  for (let i = 0; i < n; i++) {
    if (!CHALCOGENS.has(z[i]!)) continue;
    const ms = nb[i]!.filter((j) => metal[j]);
    if (ms.length < 2 || ms.some((j) => staple[j])) continue;
    const xSym = sym(z[i]!);
    // μn-SR for a thiolate (the chalcogen carries a non-metal group), μn-S for a bare sulfide
    const r = nb[i]!.some((j) => !metal[j]) ? 'R' : '';
    bridging.push({
      motif: `μ${ms.length}-${xSym}${r}`,
      atom: i,
      metals: ms.sort((a, b) => a - b),
    });
  }
  // Caps: metal–P/As bonds.
  const caps: { metal: number; ligandAtom: number; motif: string }[] = [];
  for (let k = 0; k < bonds.i.length; k++) {
    const a = bonds.i[k]!;
    const b = bonds.j[k]!;
    const [m, l] =
      metal[a] && PNICTOGENS.has(z[b]!) ? [a, b] : metal[b] && PNICTOGENS.has(z[a]!) ? [b, a] : [-1, -1];
    if (m >= 0) caps.push({ metal: m, ligandAtom: l, motif: `${sym(z[m]!)}–${sym(z[l]!)}R3` });
  }
  // Ligands: components of the non-metal subgraph.
  const nmBonds: Bonds = (() => {
    const bi: number[] = [];
    const bj: number[] = [];
    const bl: number[] = [];
    for (let k = 0; k < bonds.i.length; k++) {
      if (metal[bonds.i[k]!] || metal[bonds.j[k]!]) continue;
      bi.push(bonds.i[k]!);
      bj.push(bonds.j[k]!);
      bl.push(bonds.lengthA[k]!);
    }
    return { i: Uint32Array.from(bi), j: Uint32Array.from(bj), lengthA: Float64Array.from(bl) };
  })();
  const { component } = connectedComponents(n, nmBonds);
  const mols = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (metal[i]) continue;
    const c = component[i]!;
    const list = mols.get(c);
    if (list) list.push(i);
    else mols.set(c, [i]);
  }
  const byFormula = new Map<string, number[][]>();
  for (const atoms of mols.values()) {
    const counts = new Map<string, number>();
    for (const i of atoms) counts.set(sym(z[i]!), (counts.get(sym(z[i]!)) ?? 0) + 1);
    const f = hillFormula(counts);
    const list = byFormula.get(f);
    if (list) list.push(atoms);
    else byFormula.set(f, [atoms]);
  }
  const ligands = [...byFormula.entries()]
    .map(([formula, molecules]) => ({ formula, count: molecules.length, molecules }))
    .sort((a, b) => b.count - a.count || (a.formula < b.formula ? -1 : 1));
  const atomClass = Array.from({ length: n }, (_, i) =>
    metal[i] ? (staple[i] ? 'staple' : 'kernel') : 'ligand',
  );
  const classOf = (i: number, j: number): string | undefined => {
    const mi = metal[i]!;
    const mj = metal[j]!;
    if (mi && mj) {
      const a = atomClass[i]!;
      const b = atomClass[j]!;
      return a === b ? `${a}–${a}` : 'kernel–staple';
    }
    if (mi || mj) {
      const m = mi ? i : j;
      const l = mi ? j : i;
      if (CHALCOGENS.has(z[l]!)) return staple[m] ? 'staple M–S' : 'kernel–S';
      if (PNICTOGENS.has(z[l]!)) return 'M–P';
      return 'M–ligand';
    }
    return 'ligand';
  };
  const stapleSummary: Record<string, number> = {};
  for (const st of staples) stapleSummary[st.motif] = (stapleSummary[st.motif] ?? 0) + 1;
  return {
    kernel: {
      count: kernelAtoms.length,
      elements,
      atoms: kernelAtoms,
      shells,
      centred,
      description: kernelDescription.name,
      units: kernelDescription.units,
    },
    staples,
    bridging,
    shortContacts,
    warnings,
    stapleSummary,
    caps,
    ligands,
    atomClass,
    bonds: bondStatistics(s, bonds, classOf),
  };
}

/** Staple units: connected sets of staple metals and their chalcogens (M–X bonds only). */
function stapleUnits(
  z: Uint8Array,
  nb: readonly (readonly number[])[],
  staple: readonly boolean[],
): StapleUnit[] {
  const n = z.length;
  const unitOf = new Int32Array(n).fill(-1);
  const staples: StapleUnit[] = [];
  for (let i = 0; i < n; i++) {
    if (!staple[i] || unitOf[i]! >= 0) continue;
    const id = staples.length;
    const metals: number[] = [];
    const xs: number[] = [];
    const stack = [i];
    unitOf[i] = id;
    while (stack.length) {
      const u = stack.pop()!;
      if (staple[u]) metals.push(u);
      else xs.push(u);
      for (const v of nb[u]!) {
        if (unitOf[v]! >= 0) continue;
        const ok = staple[u] ? CHALCOGENS.has(z[v]!) : staple[v];
        if (!ok) continue;
        unitOf[v] = id;
        stack.push(v);
      }
    }
    metals.sort((a, b) => a - b);
    xs.sort((a, b) => a - b);
    const mSym = sym(z[metals[0]!]!);
    const xSym = sym(z[xs[0] ?? 16]!);
    const x = metals.length;
    const r = xSym === 'S' ? 'SR' : `${xSym}R`;
    const motif = `${mSym}${x === 1 ? '' : x}(${r})${xs.length}`;
    const kind = x === 1 ? 'monomeric' : x === 2 ? 'dimeric' : x === 3 ? 'trimeric' : `M${x}`;
    staples.push({ motif, kind, atoms: [...metals, ...xs], metalCount: x, ligandAtomCount: xs.length });
  }
  return staples;
}

/** Kernel neighbours within this factor of the kernel d_nn count as lattice contacts of an embedded metal. */
const EMBEDDED_CONTACT_RATIO = 1.07;

/**
 * Staple units whose every metal lies in the kernel surface (module comment): ≥ 2 kernel
 * neighbours within 1.07 d_nn, and a height above them (distance from the kernel centroid minus
 * theirs) below `maxHeight` Å (chains) or `maxMonomerHeight` Å (single RS–M–SR units).
 */
function embeddedUnits(
  p: ArrayLike<number>,
  z: Uint8Array,
  nb: readonly (readonly number[])[],
  metal: readonly boolean[],
  staple: readonly boolean[],
  units: readonly StapleUnit[],
  maxHeight: number,
  maxMonomerHeight: number,
): StapleUnit[] {
  if (!units.length) return [];
  const kernel: number[] = [];
  for (let i = 0; i < z.length; i++) if (metal[i] && !staple[i]) kernel.push(i);
  if (kernel.length < 4) return [];
  const d = (i: number, j: number) =>
    Math.hypot(p[3 * i]! - p[3 * j]!, p[3 * i + 1]! - p[3 * j + 1]!, p[3 * i + 2]! - p[3 * j + 2]!);
  const isKernel = (j: number) => metal[j]! && !staple[j];
  // d_nn: median over kernel atoms of the nearest bonded kernel neighbour
  const nearest: number[] = [];
  for (const i of kernel) {
    let best = Number.POSITIVE_INFINITY;
    for (const j of nb[i]!) if (isKernel(j)) best = Math.min(best, d(i, j));
    if (Number.isFinite(best)) nearest.push(best);
  }
  if (!nearest.length) return [];
  nearest.sort((a, b) => a - b);
  const dnn = nearest[Math.floor(nearest.length / 2)]!;
  const c = [0, 1, 2].map((k) => kernel.reduce((t, i) => t + p[3 * i + k]!, 0) / kernel.length);
  const r = (i: number) => Math.hypot(p[3 * i]! - c[0]!, p[3 * i + 1]! - c[1]!, p[3 * i + 2]! - c[2]!);
  const sunk = (m: number, limit: number) => {
    const close = nb[m]!.filter((j) => isKernel(j) && d(m, j) <= EMBEDDED_CONTACT_RATIO * dnn);
    if (close.length < 2) return false;
    const height = r(m) - close.reduce((t, j) => t + r(j), 0) / close.length;
    return height < limit;
  };
  return units.filter((u) => {
    const limit = u.metalCount >= 2 ? maxHeight : maxMonomerHeight;
    return u.atoms.slice(0, u.metalCount).every((m) => sunk(m, limit));
  });
}

function dropBonds(bonds: Bonds, drop: ReadonlySet<string>): Bonds {
  const keep: number[] = [];
  for (let k = 0; k < bonds.i.length; k++) if (!drop.has(`${bonds.i[k]}-${bonds.j[k]}`)) keep.push(k);
  return {
    i: Uint32Array.from(keep, (k) => bonds.i[k]!),
    j: Uint32Array.from(keep, (k) => bonds.j[k]!),
    lengthA: Float64Array.from(keep, (k) => bonds.lengthA[k]!),
  };
}

/**
 * Radial shells of a set of atoms about their centroid: sorted distances are
 * split at gaps > 0.35 × the median nearest-neighbour distance within the set.
 */
export function radialShells(
  p: ArrayLike<number>,
  atoms: readonly number[],
): { shells: number[][]; centred: boolean } {
  const m = atoms.length;
  if (m === 0) return { shells: [], centred: false };
  let cx = 0;
  let cy = 0;
  let cz = 0;
  for (const i of atoms) {
    cx += p[3 * i]! / m;
    cy += p[3 * i + 1]! / m;
    cz += p[3 * i + 2]! / m;
  }
  const r = new Map<number, number>();
  for (const i of atoms) r.set(i, Math.hypot(p[3 * i]! - cx, p[3 * i + 1]! - cy, p[3 * i + 2]! - cz));
  const nn: number[] = atoms.map((i) => {
    let best = Infinity;
    for (const j of atoms) {
      if (j === i) continue;
      const d = Math.hypot(
        p[3 * i]! - p[3 * j]!,
        p[3 * i + 1]! - p[3 * j + 1]!,
        p[3 * i + 2]! - p[3 * j + 2]!,
      );
      if (d < best) best = d;
    }
    return best;
  });
  nn.sort((a, b) => a - b);
  const dnn = Number.isFinite(nn[Math.floor(m / 2)]!) ? nn[Math.floor(m / 2)]! : 1;
  const sorted = [...atoms].sort((a, b) => r.get(a)! - r.get(b)!);
  const shells: number[][] = [];
  let cur: number[] = [];
  for (const i of sorted) {
    if (cur.length && r.get(i)! - r.get(cur[cur.length - 1]!)! > 0.35 * dnn) {
      shells.push(cur);
      cur = [];
    }
    cur.push(i);
  }
  if (cur.length) shells.push(cur);
  const centred = r.get(sorted[0]!)! < 0.35 * dnn;
  if (centred && shells[0]!.length > 1) {
    // The centre atom is its own shell.
    const first = shells[0]!;
    shells.splice(0, 1, [first[0]!], first.slice(1));
  }
  return { shells, centred };
}
