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

/**
 * Smallest cell volume per atom accepted for periodic work, Å³. The densest
 * solids hold far more: diamond 5.67 Å³/atom (a = 3.567 Å, 8 atoms), metallic
 * beryllium 8.1, α-boron 7.3 (CRC Handbook densities); a cell under 1 Å³ per
 * atom has its lengths in the wrong unit or a degenerate angle.
 */
export const MIN_CELL_VOLUME_PER_ATOM_A3 = 1;

/**
 * Most periodic image points a neighbour search over a cell may build. Only
 * images within the bond cutoff of the cell are built (≈ N (1 + 2 cutoff /
 * width)³, a little over N for a large box), so this is a size limit of
 * about 4 × 10⁶ atoms for a big box: ≈ 100 MB of coordinates and grid.
 */
export const MAX_PERIODIC_IMAGES = 4_000_000;

/**
 * Most (atom, lattice translation) pairs examined to choose the images:
 * 5 × 10⁷ simple tests (a fraction of a second). Reached only by a cell so
 * thin along some axis that it needs hundreds of translations.
 */
export const MAX_IMAGE_CANDIDATES = 50_000_000;

/** Perpendicular widths of the cell (distance between opposite faces), Å: V / |b × c| … */
export function perpendicularWidths(cell: ArrayLike<number>): [number, number, number] {
  const volume = cellVolume(cell);
  const out: [number, number, number] = [0, 0, 0];
  for (let k = 0; k < 3; k++) {
    const u = [cell[3 * ((k + 1) % 3)]!, cell[3 * ((k + 1) % 3) + 1]!, cell[3 * ((k + 1) % 3) + 2]!];
    const v = [cell[3 * ((k + 2) % 3)]!, cell[3 * ((k + 2) % 3) + 1]!, cell[3 * ((k + 2) % 3) + 2]!];
    const area = Math.hypot(
      u[1]! * v[2]! - u[2]! * v[1]!,
      u[2]! * v[0]! - u[0]! * v[2]!,
      u[0]! * v[1]! - u[1]! * v[0]!,
    );
    out[k] = volume / area;
  }
  return out;
}

/** The error for a neighbour search that would need more image points than {@link MAX_PERIODIC_IMAGES}. */
export function tooManyImages(cell: ArrayLike<number>, atoms: number, points: number): InputError {
  return new InputError(
    'cell-too-many-images',
    `the periodic neighbour search needs ${Number(points.toPrecision(3))} image points for ${atoms} atoms, over the limit of ${MAX_PERIODIC_IMAGES} (${describeCell(cell)})`,
    {
      hint: `a thin cell needs many images: check ${culpritParameter(cell)}; for a very large system, convert --cell-contents writes the sites without the neighbour search`,
    },
  );
}

const PARAMETER_NAMES = ['a', 'b', 'c', 'α', 'β', 'γ'] as const;

/** "a=1e-10 b=10 c=10 Å, α=90 β=90 γ=0.001°" with short numbers. */
export function describeCell(cell: ArrayLike<number>): string {
  const p = cellParameters(cell).map((x) => Number(x.toPrecision(6)));
  return `a=${p[0]} b=${p[1]} c=${p[2]} Å, α=${p[3]} β=${p[4]} γ=${p[5]}°`;
}

/**
 * Index (0–5 for a, b, c, α, β, γ) of the cell parameter most responsible for
 * a small volume: the shortest length when it is the smallest factor of
 * V = abc·(angular factor), else the angle closest to 0° or 180°.
 */
export function culpritIndex(cell: ArrayLike<number>): number {
  const p = cellParameters(cell);
  const lengths = p.slice(0, 3);
  const longest = Math.max(...lengths);
  const shortIdx = lengths.indexOf(Math.min(...lengths));
  const angular = cellVolume(cell) / (lengths[0]! * lengths[1]! * lengths[2]!);
  if (Number.isFinite(angular) && angular < lengths[shortIdx]! / longest) {
    let worst = 3;
    for (let k = 4; k < 6; k++)
      if (Math.sin((p[k]! * Math.PI) / 180) < Math.sin((p[worst]! * Math.PI) / 180)) worst = k;
    return worst;
  }
  return shortIdx;
}

/** The parameter of {@link culpritIndex} with its value, e.g. "a = 1e-10 Å" or "γ = 0.001°". */
export function culpritParameter(cell: ArrayLike<number>): string {
  const k = culpritIndex(cell);
  const v = Number(cellParameters(cell)[k]!.toPrecision(6));
  return `${PARAMETER_NAMES[k]} = ${v}${k < 3 ? ' Å' : '°'}`;
}

/**
 * Lattice translations needed per axis so that every neighbour within
 * `cutoffA` (Å) of an atom in the cell is found among the images
 * (ceil(cutoff / perpendicular width), at least 1), after refusing a cell
 * that cannot be right: one under {@link MIN_CELL_VOLUME_PER_ATOM_A3} per
 * atom, or one so thin that atoms × translations would exceed
 * {@link MAX_IMAGE_CANDIDATES}. The count is computed before anything is
 * built, so a 1e-10 Å cell costs nothing. Errors name the cell parameter at fault.
 */
export function periodicImageRange(
  cell: ArrayLike<number>,
  atoms: number,
  cutoffA: number,
): [number, number, number] {
  const finite = Array.from({ length: 9 }, (_, k) => cell[k]!).every(Number.isFinite);
  const volume = finite ? cellVolume(cell) : Number.NaN;
  const hint =
    'a cell holds its atoms at ≥ 1 Å³ each: are the lengths in Å (not nm or fractions) and the angles in degrees? ' +
    '(convert --cell-contents writes the sites as read, without using the cell)';
  if (!(volume > 0) || !Number.isFinite(volume)) {
    throw new InputError('cell-degenerate', `the cell has no finite volume (${describeCell(cell)})`, {
      hint,
    });
  }
  if (atoms > 0 && volume / atoms < MIN_CELL_VOLUME_PER_ATOM_A3) {
    throw new InputError(
      'cell-too-small',
      `the cell is too small for its ${atoms} atom${atoms === 1 ? '' : 's'}: ${Number((volume / atoms).toPrecision(3))} Å³ per atom (${describeCell(cell)}); check ${culpritParameter(cell)}`,
      { hint },
    );
  }
  const widths = perpendicularWidths(cell);
  const range: [number, number, number] = [1, 1, 1];
  let translations = 1;
  for (let k = 0; k < 3; k++) {
    const r = Math.max(1, Math.ceil(cutoffA / widths[k]!));
    range[k] = r;
    translations *= 2 * r + 1;
  }
  if (!(translations * Math.max(1, atoms) <= MAX_IMAGE_CANDIDATES)) {
    throw new InputError(
      'cell-too-thin',
      `the cell is too thin for a neighbour search: ${atoms} atoms × ${Number(translations.toPrecision(3))} lattice translations exceed ${MAX_IMAGE_CANDIDATES} candidate images (${describeCell(cell)}); check ${culpritParameter(cell)}`,
      { hint },
    );
  }
  return range;
}
