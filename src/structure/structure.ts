/**
 * The one object everything shares: a cluster or molecule as a structure of
 * arrays. Positions are Cartesian, in Å, flat (x0, y0, z0, x1, …).
 */
import { InputError } from '../core/errors.js';

export interface Structure {
  /** Atomic numbers Z, one per atom. */
  readonly numbers: Uint8Array;
  /** Cartesian positions in Å, length 3 × atoms. */
  readonly positions: Float64Array;
  /** Total charge in elementary charges. */
  readonly charge: number;
  /** Lattice vectors a, b, c as rows (a.x a.y a.z b.x …), Å; absent for isolated clusters. */
  readonly cell?: Float64Array;
  /** Optional per-atom labels (PDB atom names, CIF site labels, extXYZ species names). */
  readonly labels?: readonly string[];
  /** Optional per-atom residue names (PDB), e.g. thiolate staple markers. */
  readonly residues?: readonly string[];
  /** Optional per-atom residue sequence numbers (PDB). */
  readonly residueIds?: readonly number[];
  /** Free-form title / comment (XYZ comment line, PDB TITLE, CIF data block). */
  readonly title?: string;
}

export interface StructureInit {
  numbers: ArrayLike<number>;
  positions: ArrayLike<number>;
  charge?: number;
  cell?: ArrayLike<number>;
  labels?: readonly string[];
  residues?: readonly string[];
  residueIds?: readonly number[];
  title?: string;
}

/** Build a Structure, checking array lengths, atomic numbers and finite coordinates. */
export function createStructure(init: StructureInit): Structure {
  const n = init.numbers.length;
  if (init.positions.length !== 3 * n) {
    throw new InputError(
      'structure-shape',
      `positions has ${init.positions.length} values but ${n} atoms need ${3 * n}`,
      { hint: 'give x, y, z for every atom' },
    );
  }
  const numbers = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const z = init.numbers[i]!;
    if (!Number.isInteger(z) || z < 1 || z > 118) {
      throw new InputError('structure-z', `atom ${i + 1} has atomic number ${z}, outside 1–118`);
    }
    numbers[i] = z;
  }
  const positions = Float64Array.from(init.positions);
  for (let i = 0; i < positions.length; i++) {
    if (!Number.isFinite(positions[i]!)) {
      throw new InputError(
        'structure-nan',
        `atom ${Math.floor(i / 3) + 1} has a non-finite coordinate (${positions[i]})`,
        { hint: 'check the input coordinates for NaN or Infinity' },
      );
    }
  }
  for (const [name, arr] of [
    ['labels', init.labels],
    ['residues', init.residues],
    ['residueIds', init.residueIds],
  ] as const) {
    if (arr && arr.length !== n) {
      throw new InputError('structure-shape', `${name} has ${arr.length} entries but there are ${n} atoms`);
    }
  }
  let cell: Float64Array | undefined;
  if (init.cell) {
    if (init.cell.length !== 9)
      throw new InputError('structure-cell', 'cell must have 9 numbers (a, b, c rows)');
    cell = Float64Array.from(init.cell);
  }
  return {
    numbers,
    positions,
    charge: init.charge ?? 0,
    ...(cell ? { cell } : {}),
    ...(init.labels ? { labels: init.labels } : {}),
    ...(init.residues ? { residues: init.residues } : {}),
    ...(init.residueIds ? { residueIds: init.residueIds } : {}),
    ...(init.title !== undefined ? { title: init.title } : {}),
  };
}

export function atomCount(s: Structure): number {
  return s.numbers.length;
}

/** A new Structure with the atoms at `indices` (in that order). */
export function subset(s: Structure, indices: readonly number[]): Structure {
  const numbers = new Uint8Array(indices.length);
  const positions = new Float64Array(indices.length * 3);
  indices.forEach((idx, k) => {
    numbers[k] = s.numbers[idx]!;
    positions[3 * k] = s.positions[3 * idx]!;
    positions[3 * k + 1] = s.positions[3 * idx + 1]!;
    positions[3 * k + 2] = s.positions[3 * idx + 2]!;
  });
  const pick = <T>(arr: readonly T[] | undefined) => (arr ? indices.map((i) => arr[i]!) : undefined);
  const labels = pick(s.labels);
  const residues = pick(s.residues);
  const residueIds = pick(s.residueIds);
  return {
    numbers,
    positions,
    charge: 0,
    ...(labels ? { labels } : {}),
    ...(residues ? { residues } : {}),
    ...(residueIds ? { residueIds } : {}),
    ...(s.title !== undefined ? { title: s.title } : {}),
  };
}
