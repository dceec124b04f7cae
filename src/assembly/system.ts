/**
 * A coarse-grained system: beads (or rigid-body sites) of model species at Cartesian positions (Å),
 * optionally in an orthorhombic periodic box [0, Lx) × [0, Ly) × [0, Lz). Builders return one; the
 * force field, integrator, LAMMPS/GROMACS writers and the extXYZ trajectory read one.
 */
import { InputError } from '../core/errors.js';
import { elementBySymbol } from '../data/index.js';
import type { Structure } from '../structure/structure.js';
import { createStructure } from '../structure/structure.js';

export interface BeadSystem {
  /** Species names, indexed by `types`. */
  readonly species: readonly string[];
  /** Species index per bead. */
  readonly types: Int32Array;
  /** Positions, Å, flat x0 y0 z0 x1 … */
  readonly positions: Float64Array;
  /** Orthorhombic periodic box lengths (Å) with the origin at 0; absent for a finite system. */
  readonly box?: readonly [number, number, number];
  /**
   * Rigid body per bead (1-based id; 0 = a free bead). Sites of one body do not interact with
   * each other (LAMMPS `neigh_modify exclude molecule/intra`).
   */
  readonly bodies?: Int32Array;
}

/** Check shapes; throws InputError. */
export function checkSystem(s: BeadSystem): void {
  const n = s.types.length;
  if (s.positions.length !== 3 * n)
    throw new InputError('cg-system', `${n} beads need ${3 * n} coordinates, got ${s.positions.length}`);
  for (let i = 0; i < n; i++)
    if (!(s.types[i]! >= 0 && s.types[i]! < s.species.length))
      throw new InputError('cg-system', `bead ${i + 1} has species index ${s.types[i]} outside the model`);
  if (s.box && !s.box.every((l) => l > 0 && Number.isFinite(l)))
    throw new InputError('cg-system', `box lengths must be positive, got ${s.box.join(' ')}`);
}

/** Count beads per species name. */
export function countSpecies(s: BeadSystem): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of s.species) out[name] = 0;
  for (const t of s.types) out[s.species[t]!] = (out[s.species[t]!] ?? 0) + 1;
  return out;
}

/**
 * As a Structure (each species drawn as its stand-in element, species names as labels), e.g. for
 * the point-group analysis. `elements` maps species name → element symbol (default: Au for the
 * first species, N for the second, then C, W, K…).
 */
export function systemToStructure(
  s: BeadSystem,
  elements: Readonly<Record<string, string>> = {},
  charge = 0,
): Structure {
  const fallback = ['Au', 'N', 'C', 'W', 'K', 'Cl', 'Na', 'O'];
  const z = s.species.map((name, i) => {
    const sym = elements[name] ?? fallback[i % fallback.length]!;
    const e = elementBySymbol(sym);
    if (!e) throw new InputError('cg-element', `"${sym}" is not an element symbol`);
    return e.z;
  });
  return createStructure({
    numbers: Array.from(s.types, (t) => z[t]!),
    positions: s.positions,
    charge,
    labels: Array.from(s.types, (t) => s.species[t]!),
    ...(s.box ? { cell: [s.box[0], 0, 0, 0, s.box[1], 0, 0, 0, s.box[2]] } : {}),
  });
}

/** Wrap positions into [0, L) per periodic axis (in place). */
export function wrapPositions(p: Float64Array, box: readonly [number, number, number]): void {
  for (let i = 0; i < p.length; i++) {
    const L = box[i % 3]!;
    let x = p[i]!;
    x -= L * Math.floor(x / L);
    if (x >= L) x -= L;
    p[i] = x;
  }
}
