/**
 * Finite-difference check of a potential's forces, used by every potential's
 * tests: central differences F_k ≈ −(E(x + h e_k) − E(x − h e_k)) / 2h,
 * error O(h²). Also reports the net force Σ_i F_i, which must vanish for any
 * potential that depends only on interatomic distances (translation invariance).
 */
import type { Potential } from './types.js';

export interface ForceCheck {
  /** Largest |F_analytic − F_numeric| over all components (energy/length unit). */
  readonly maxError: number;
  /** Largest |F_analytic| component, to judge maxError relatively. */
  readonly maxForce: number;
  /** max |F_analytic − F_numeric| / max(1, max |F|). */
  readonly relativeError: number;
  /** |Σ_i F_i| (length of the net force vector). */
  readonly netForce: number;
  /** Energy of the unperturbed configuration. */
  readonly energy: number;
}

/**
 * Compare analytic forces with central finite differences of step `h`
 * (length unit; default 1e-5 × the nearest-neighbour distance).
 */
export function checkForces(potential: Potential, positions: Float64Array, h?: number): ForceCheck {
  const step = h ?? 1e-5 * potential.nearestNeighbour;
  const x = Float64Array.from(positions);
  const f = new Float64Array(x.length);
  const energy = potential.evaluate(x, f);
  let maxError = 0;
  let maxForce = 0;
  for (let k = 0; k < x.length; k++) {
    const x0 = x[k]!;
    x[k] = x0 + step;
    const ep = potential.evaluate(x);
    x[k] = x0 - step;
    const em = potential.evaluate(x);
    x[k] = x0;
    const numeric = -(ep - em) / (2 * step);
    maxError = Math.max(maxError, Math.abs(numeric - f[k]!));
    maxForce = Math.max(maxForce, Math.abs(f[k]!));
  }
  let sx = 0;
  let sy = 0;
  let sz = 0;
  for (let i = 0; i < x.length; i += 3) {
    sx += f[i]!;
    sy += f[i + 1]!;
    sz += f[i + 2]!;
  }
  return {
    maxError,
    maxForce,
    relativeError: maxError / Math.max(1, maxForce),
    netForce: Math.hypot(sx, sy, sz),
    energy,
  };
}
