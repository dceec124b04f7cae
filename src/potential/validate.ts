/**
 * Input checks shared by the potentials: finite coordinates, no atoms on top
 * of each other. These run once on user input (and when an evaluation turns
 * out non-finite, to say why); the kernels themselves only check the result.
 */
import { InputError } from '../core/errors.js';
import { createGrid } from '../structure/grid.js';

/** Above this many atoms the overlap check finds close pairs on a neighbour grid (O(N)). */
const GRID_CHECK_ATOMS = 2000;

/**
 * Atoms closer than this fraction of the nearest-neighbour distance are
 * "on top of each other": the kernels refuse them rather than return a number.
 */
export const COINCIDENT = 1e-6;

/**
 * Throw an InputError if `positions` has a NaN/Infinity, the wrong length, or
 * two atoms closer than `minDistance` (same length unit as the positions).
 */
export function checkPositions(
  positions: ArrayLike<number>,
  minDistance: number,
  what = 'structure',
  /** Length unit of the positions for the message (Å, σ …); empty when unknown. */
  unit = '',
): void {
  const u = unit ? ` ${unit}` : '';
  if (positions.length % 3 !== 0) {
    throw new InputError(
      'positions-shape',
      `${what}: ${positions.length} coordinates is not a multiple of 3`,
    );
  }
  const n = positions.length / 3;
  for (let k = 0; k < positions.length; k++) {
    if (!Number.isFinite(positions[k]!)) {
      throw new InputError(
        'positions-nan',
        `${what}: atom ${Math.floor(k / 3) + 1} has a non-finite coordinate (${positions[k]})`,
        { hint: 'check the coordinates for NaN or Infinity' },
      );
    }
  }
  const min2 = minDistance * minDistance;
  if (n > GRID_CHECK_ATOMS && minDistance > 0) {
    let worst: [number, number, number] | undefined;
    createGrid(positions, minDistance).forEachPair(minDistance, (i, j, d2) => {
      if (d2 < min2 && (!worst || i < worst[0] || (i === worst[0] && j < worst[1]))) worst = [i, j, d2];
    });
    if (worst) {
      const [i, j, d2] = worst;
      throw new InputError(
        'atoms-overlap',
        `${what}: atoms ${i + 1} and ${j + 1} are ${Math.sqrt(d2).toPrecision(3)}${u} apart, on top of each other (closer than ${minDistance.toPrecision(3)}${u})`,
        { hint: 'remove duplicated atoms or check the length unit of the coordinates' },
      );
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = positions[3 * i]! - positions[3 * j]!;
      const dy = positions[3 * i + 1]! - positions[3 * j + 1]!;
      const dz = positions[3 * i + 2]! - positions[3 * j + 2]!;
      const r2 = dx * dx + dy * dy + dz * dz;
      if (r2 < min2) {
        throw new InputError(
          'atoms-overlap',
          `${what}: atoms ${i + 1} and ${j + 1} are ${Math.sqrt(r2).toPrecision(3)}${u} apart, on top of each other (closer than ${minDistance.toPrecision(3)}${u})`,
          { hint: 'remove duplicated atoms or check the length unit of the coordinates' },
        );
      }
    }
  }
}

/** Called by a kernel whose energy came out non-finite: find the culprit and throw. */
export function nonFiniteEnergy(name: string, positions: ArrayLike<number>, energy: number): never {
  checkPositions(positions, 1e-6 * minScale(positions), name);
  throw new InputError('energy-not-finite', `${name}: the energy is ${energy}`, {
    hint: 'atoms may be extremely close together; check the coordinates and their unit',
  });
}

/** A length scale of the coordinates (their largest absolute value, at least 1e-300). */
function minScale(p: ArrayLike<number>): number {
  let m = 1e-300;
  for (let k = 0; k < p.length; k++) {
    const a = Math.abs(p[k]!);
    if (a > m && a < Infinity) m = a;
  }
  return Math.max(m, 1);
}
