/**
 * Geometry helpers of the global searches: random starting clusters, the
 * spherical container, connectivity and a structural fingerprint. Lengths
 * are in the potential's length unit and scaled by its nearest-neighbour
 * distance `nn`.
 */

import type { Rng } from '../core/rng.js';
import { centroid, type Vec3 } from '../core/vec3.js';

/**
 * Radius of a sphere holding `n` close-packed atoms of spacing `nn`
 * (volume per atom nn³/√2, fcc).
 */
export function clusterRadius(n: number, nn: number): number {
  return nn * Math.cbrt((3 * n) / (4 * Math.PI * Math.SQRT2)) + 0.5 * nn;
}

/**
 * A random cluster: atoms placed uniformly in a sphere of 1.25 × the
 * close-packed radius, none closer than 0.75 nn to another (the sphere grows
 * if placement keeps failing). Writes 3n coordinates into `out`.
 */
export function randomCluster(
  n: number,
  nn: number,
  rng: Rng,
  out: Float64Array = new Float64Array(3 * n),
): Float64Array {
  let radius = 1.25 * clusterRadius(n, nn);
  const min2 = (0.75 * nn) ** 2;
  for (let i = 0; i < n; i++) {
    let placed = false;
    for (let attempt = 0; !placed; attempt++) {
      if (attempt > 0 && attempt % 200 === 0) radius *= 1.1;
      let x = 0;
      let y = 0;
      let z = 0;
      do {
        x = 2 * rng.next() - 1;
        y = 2 * rng.next() - 1;
        z = 2 * rng.next() - 1;
      } while (x * x + y * y + z * z > 1);
      x *= radius;
      y *= radius;
      z *= radius;
      placed = true;
      for (let j = 0; j < i; j++) {
        const dx = x - out[3 * j]!;
        const dy = y - out[3 * j + 1]!;
        const dz = z - out[3 * j + 2]!;
        if (dx * dx + dy * dy + dz * dz < min2) {
          placed = false;
          break;
        }
      }
      if (placed) {
        out[3 * i] = x;
        out[3 * i + 1] = y;
        out[3 * i + 2] = z;
      }
    }
  }
  return out;
}

/** Move the centroid to the origin. */
export function centre(x: Float64Array): void {
  const n = x.length / 3;
  const [cx, cy, cz] = centroidOf(x, n);
  for (let i = 0; i < n; i++) {
    x[3 * i] = x[3 * i]! - cx;
    x[3 * i + 1] = x[3 * i + 1]! - cy;
    x[3 * i + 2] = x[3 * i + 2]! - cz;
  }
}

/**
 * Whether every atom is connected to the rest through neighbours closer than
 * `cutoff` (no evaporated atoms or fragments). `stack`/`seen` are scratch of length n.
 */
export function isConnected(x: Float64Array, cutoff: number, stack: Int32Array, seen: Uint8Array): boolean {
  const n = x.length / 3;
  if (n <= 1) return true;
  const c2 = cutoff * cutoff;
  seen.fill(0, 0, n);
  let top = 0;
  stack[top++] = 0;
  seen[0] = 1;
  let count = 1;
  while (top > 0) {
    const i = stack[--top]!;
    const xi = x[3 * i]!;
    const yi = x[3 * i + 1]!;
    const zi = x[3 * i + 2]!;
    for (let j = 0; j < n; j++) {
      if (seen[j]) continue;
      const dx = xi - x[3 * j]!;
      const dy = yi - x[3 * j + 1]!;
      const dz = zi - x[3 * j + 2]!;
      if (dx * dx + dy * dy + dz * dz < c2) {
        seen[j] = 1;
        stack[top++] = j;
        count++;
      }
    }
  }
  return count === n;
}

/**
 * Structural fingerprint invariant to translation, rotation and permutation:
 * the sorted distances of the atoms from their centroid. Two minima with
 * equal energy and fingerprints within tolerance are treated as the same.
 */
export function fingerprint(
  x: Float64Array,
  out: Float64Array = new Float64Array(x.length / 3),
): Float64Array {
  const n = x.length / 3;
  const [cx, cy, cz] = centroidOf(x, n);
  for (let i = 0; i < n; i++) {
    out[i] = Math.hypot(x[3 * i]! - cx, x[3 * i + 1]! - cy, x[3 * i + 2]! - cz);
  }
  out.sort();
  return out;
}

export function fingerprintDistance(a: Float64Array, b: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

const CENTROID: Vec3 = [0, 0, 0];

/** Centroid of the first n atoms of a flat coordinate array (shared scratch: copy it before the next call). */
export function centroidOf(x: Float64Array, n = x.length / 3): Vec3 {
  return centroid(n * 3 === x.length ? x : x.subarray(0, 3 * n), CENTROID);
}
