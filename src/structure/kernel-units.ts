/**
 * Names a metal kernel the way cluster crystallographers write it: as centred
 * 13-atom polyhedra (icosahedra, cuboctahedra) and how they are joined.
 *
 * A centre is a kernel atom with at least 12 kernel neighbours (bonds of
 * ./bonds.ts); its unit is the centre and its 12 nearest kernel neighbours,
 * whose shape is the nearest reference by CShM (./shape.ts: icosahedron,
 * cuboctahedron, …). Centres are taken most regular first; an atom that is a
 * vertex of two accepted units that do not interpenetrate (the shared middle
 * atom of a vertex-sharing bi-icosahedron, itself 12-coordinate) is not one.
 * Two units are
 *   - interpenetrating when each centre belongs to the other unit,
 *   - face-, edge- or vertex-sharing when they share 3, 2 or 1 atoms.
 * Names follow the papers: two face-sharing icosahedra are the "face-sharing
 * bi-icosahedron" (Au23 = 13 + 13 − 3, the kernel of Au38(SR)24: Qian et al.,
 * J. Am. Chem. Soc. 132, 8280 (2010)); two vertex-sharing icosahedra are the
 * "vertex-sharing bi-icosahedron" (Au25 = 13 + 13 − 1 of
 * [Au25(PPh3)10(SR)5Cl2]²⁺: Shichibu et al., J. Am. Chem. Soc. 129, 7355
 * (2007)); two interpenetrating cuboctahedra make the rod-like Au20 kernel of
 * Au28(SR)20 (Zeng et al., J. Am. Chem. Soc. 135, 10011 (2013)).
 * Kernels with more than {@link MAX_UNITS} centres are not named (they are
 * described by their shells instead).
 */
import { coordinationShape } from './shape.js';

/** Largest number of centred units that are named (beyond: the kernel is bulk-like). */
export const MAX_UNITS = 6;

export interface KernelUnit {
  /** Centre atom (0-based index). */
  readonly centre: number;
  /** Nearest reference polyhedron of the 12 surrounding atoms, e.g. 'icosahedron'. */
  readonly shape: string;
  /** CShM of the 12-atom shell against that shape (0 = ideal). */
  readonly measure: number;
  /** The 13 atoms (0-based): centre first. */
  readonly atoms: readonly number[];
}

export interface KernelDescription {
  /**
   * E.g. 'face-sharing bi-icosahedron', 'icosahedron', '2 interpenetrating cuboctahedra',
   * 'cuboctahedron + 15 more atoms' (kernel atoms outside the units); null when none applies.
   */
  readonly name: string | null;
  readonly units: readonly KernelUnit[];
  /** Kernel atoms outside every unit. */
  readonly extraAtoms: number;
}

const PLURAL: Readonly<Record<string, string>> = {
  icosahedron: 'icosahedra',
  cuboctahedron: 'cuboctahedra',
};

function plural(shape: string): string {
  return PLURAL[shape] ?? `${shape}s`;
}

/**
 * Centred units of a kernel and its name. `neighbours(i)` lists the kernel
 * neighbours of kernel atom i; `positions` are Å.
 */
export function describeKernel(
  positions: ArrayLike<number>,
  kernel: readonly number[],
  neighbours: (i: number) => readonly number[],
): KernelDescription {
  const d2 = (i: number, j: number) =>
    (positions[3 * i]! - positions[3 * j]!) ** 2 +
    (positions[3 * i + 1]! - positions[3 * j + 1]!) ** 2 +
    (positions[3 * i + 2]! - positions[3 * j + 2]!) ** 2;
  const centres = kernel.filter((i) => neighbours(i).length >= 12);
  if (centres.length === 0 || centres.length > MAX_UNITS)
    return { name: null, units: [], extraAtoms: kernel.length };
  const candidates: KernelUnit[] = centres
    .map((c) => {
      const shell = [...neighbours(c)].sort((a, b) => d2(c, a) - d2(c, b)).slice(0, 12);
      const best = coordinationShape(positions, shell)[0];
      return {
        centre: c,
        shape: best?.name ?? 'polyhedron',
        measure: best?.measure ?? Number.POSITIVE_INFINITY,
        atoms: [c, ...shell],
      };
    })
    .sort((a, b) => a.measure - b.measure || a.centre - b.centre);
  // Most regular first. A 12-coordinate atom that is the shared vertex of two accepted units which
  // do not interpenetrate (the middle atom of a vertex-sharing bi-icosahedron) is not a centre.
  const units: KernelUnit[] = [];
  const interpenetrate = (u: KernelUnit, v: KernelUnit) =>
    u.atoms.includes(v.centre) && v.atoms.includes(u.centre);
  for (const cand of candidates) {
    const holders = units.filter((u) => u.atoms.includes(cand.centre));
    let sharedVertex = false;
    for (let a = 0; a < holders.length && !sharedVertex; a++)
      for (let b = a + 1; b < holders.length; b++)
        if (!interpenetrate(holders[a]!, holders[b]!)) {
          sharedVertex = true;
          break;
        }
    if (!sharedVertex) units.push(cand);
  }
  units.sort((a, b) => a.centre - b.centre);
  const covered = new Set(units.flatMap((u) => u.atoms));
  const extraAtoms = kernel.filter((i) => !covered.has(i)).length;
  const more = extraAtoms ? ` + ${extraAtoms} more atom${extraAtoms === 1 ? '' : 's'}` : '';
  if (units.length === 1) return { name: `${units[0]!.shape}${more}`, units, extraAtoms };
  // how the units are joined: one relation for all pairs that touch
  const relations = new Set<string>();
  for (let a = 0; a < units.length; a++) {
    for (let b = a + 1; b < units.length; b++) {
      const A = new Set(units[a]!.atoms);
      const B = units[b]!.atoms;
      const shared = B.filter((x) => A.has(x)).length;
      if (A.has(units[b]!.centre) && B.includes(units[a]!.centre)) relations.add('interpenetrating');
      else if (shared === 3) relations.add('face-sharing');
      else if (shared === 2) relations.add('edge-sharing');
      else if (shared === 1) relations.add('vertex-sharing');
    }
  }
  const shapes = new Set(units.map((u) => u.shape));
  if (relations.size !== 1 || shapes.size !== 1) return { name: null, units, extraAtoms };
  const rel = [...relations][0]!;
  const shape = [...shapes][0]!;
  const name =
    units.length === 2 && shape === 'icosahedron' && rel !== 'interpenetrating'
      ? `${rel} bi-icosahedron`
      : `${units.length} ${rel} ${plural(shape)}`;
  return { name: `${name}${more}`, units, extraAtoms };
}
