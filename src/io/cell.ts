/**
 * Unit-cell geometry shared by the periodic formats (CIF, PDB CRYST1, extXYZ
 * Lattice, GRO box). A cell is stored as its three lattice vectors a, b, c as
 * rows of a flat 9-array in Å. Cartesian r = f_a a + f_b b + f_c c.
 */
import { InputError } from '../core/errors.js';

/**
 * Lattice vectors (rows, Å) from a, b, c (Å) and α, β, γ (degrees) in the
 * standard orientation of the PDB and CIF conventions (International Tables
 * vol. B §1.1.1; a along x, b in the xy plane, c completing a right-handed set).
 * Throws InputError when the parameters describe no cell.
 */
export function cellFromParameters(
  a: number,
  b: number,
  c: number,
  alphaDeg: number,
  betaDeg: number,
  gammaDeg: number,
): Float64Array {
  const r = Math.PI / 180;
  const ca = Math.cos(alphaDeg * r);
  const cb = Math.cos(betaDeg * r);
  const cg = Math.cos(gammaDeg * r);
  const sg = Math.sin(gammaDeg * r);
  const cx = c * cb;
  const cy = (c * (ca - cb * cg)) / sg;
  const cz2 = c * c - cx * cx - cy * cy;
  if (!(a > 0 && b > 0 && c > 0) || !(cz2 > 1e-10 * c * c) || !(Math.abs(sg) > 1e-8)) {
    throw new InputError(
      'cell-invalid',
      `cell a=${a} b=${b} c=${c} α=${alphaDeg} β=${betaDeg} γ=${gammaDeg} has no volume`,
      { hint: 'lengths must be positive (Å) and the angles (degrees) must describe a real parallelepiped' },
    );
  }
  return Float64Array.of(a, 0, 0, b * cg, b * sg, 0, cx, cy, Math.sqrt(cz2));
}

/** Lattice parameters a, b, c (Å), α, β, γ (°) from cell rows. */
export function cellParameters(cell: ArrayLike<number>): [number, number, number, number, number, number] {
  const len = (i: number) => Math.hypot(cell[3 * i]!, cell[3 * i + 1]!, cell[3 * i + 2]!);
  const ang = (i: number, j: number) => {
    const d =
      cell[3 * i]! * cell[3 * j]! + cell[3 * i + 1]! * cell[3 * j + 1]! + cell[3 * i + 2]! * cell[3 * j + 2]!;
    return (Math.acos(Math.max(-1, Math.min(1, d / (len(i) * len(j))))) * 180) / Math.PI;
  };
  return [len(0), len(1), len(2), ang(1, 2), ang(0, 2), ang(0, 1)];
}

/** Inverse of the 3×3 cell matrix (rows a, b, c): f = r · inv (row vector convention). */
export function invertCell(cell: ArrayLike<number>): Float64Array {
  const [a, b, c, d, e, f, g, h, i] = Array.from({ length: 9 }, (_, k) => cell[k]!) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
  if (!(Math.abs(det) > 1e-12)) {
    throw new InputError('cell-singular', 'the cell vectors are linearly dependent (zero volume)');
  }
  const inv = 1 / det;
  return Float64Array.of(
    (e * i - f * h) * inv,
    (c * h - b * i) * inv,
    (b * f - c * e) * inv,
    (f * g - d * i) * inv,
    (a * i - c * g) * inv,
    (c * d - a * f) * inv,
    (d * h - e * g) * inv,
    (b * g - a * h) * inv,
    (a * e - b * d) * inv,
  );
}

/** Cartesian (Å) from fractional coordinates, writing into `out` at `offset`. */
export function fracToCart(
  cell: ArrayLike<number>,
  fa: number,
  fb: number,
  fc: number,
  out: Float64Array,
  offset = 0,
) {
  out[offset] = fa * cell[0]! + fb * cell[3]! + fc * cell[6]!;
  out[offset + 1] = fa * cell[1]! + fb * cell[4]! + fc * cell[7]!;
  out[offset + 2] = fa * cell[2]! + fb * cell[5]! + fc * cell[8]!;
}

/** Fractional from Cartesian (Å) using the inverse cell from {@link invertCell}. */
export function cartToFrac(
  inv: ArrayLike<number>,
  x: number,
  y: number,
  z: number,
  out: Float64Array,
  offset = 0,
) {
  out[offset] = x * inv[0]! + y * inv[3]! + z * inv[6]!;
  out[offset + 1] = x * inv[1]! + y * inv[4]! + z * inv[7]!;
  out[offset + 2] = x * inv[2]! + y * inv[5]! + z * inv[8]!;
}

/** Cell volume, Å³. */
export function cellVolume(cell: ArrayLike<number>): number {
  const [a, b, c, d, e, f, g, h, i] = Array.from({ length: 9 }, (_, k) => cell[k]!) as number[];
  return Math.abs(a! * (e! * i! - f! * h!) - b! * (d! * i! - f! * g!) + c! * (d! * h! - e! * g!));
}
