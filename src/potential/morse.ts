/**
 * Morse pair potential in the form used for the Doye–Wales Morse clusters:
 *
 *   E = ε Σ_{i<j} u_ij (u_ij − 2),   u_ij = exp(ρ (1 − r_ij / r0))
 *
 * (pair well depth ε at r = r0; ρ sets the range: ρ = 6 is close to
 * Lennard-Jones, ρ = 3 long-ranged like alkali metals, ρ = 14 short-ranged
 * like C60 molecules).
 *
 * Forces: du/dr = −(ρ/r0) u, so dE/dr = ε (2u − 2) du/dr = −2ερ/r0 · u (u − 1),
 * and F_i = −dE/dr (r_i − r_j)/r, F_j = −F_i.
 *
 * Units: reduced (ε = r0 = 1). Reference: P. M. Morse, Phys. Rev. 34, 57 (1929);
 * J. P. K. Doye and D. J. Wales, J. Chem. Soc., Faraday Trans. 93, 4233 (1997).
 */
import { InputError } from '../core/errors.js';
import type { Potential } from './types.js';
import { COINCIDENT, nonFiniteEnergy } from './validate.js';

export interface MorseOptions {
  /** Range parameter ρ (dimensionless), > 0. */
  readonly rho: number;
  /** Pair well depth ε (energy unit), default 1. */
  readonly epsilon?: number;
  /** Equilibrium pair distance r0 (length unit), default 1. */
  readonly r0?: number;
  readonly name?: string;
}

export function createMorse(options: MorseOptions): Potential {
  const rho = options.rho;
  const eps = options.epsilon ?? 1;
  const r0 = options.r0 ?? 1;
  if (!(rho > 0 && rho < 100) || !(eps > 0) || !(r0 > 0) || !Number.isFinite(eps) || !Number.isFinite(r0)) {
    throw new InputError(
      'morse-parameters',
      `Morse needs 0 < ρ < 100 and positive ε, r0; got ρ=${rho}, ε=${eps}, r0=${r0}`,
      {
        hint: 'for example morse:6 (the Lennard-Jones-like range)',
      },
    );
  }
  const name = options.name ?? `morse:${rho}`;
  const reduced = eps === 1 && r0 === 1;
  const rOverR0 = rho / r0;
  return {
    name,
    energyUnit: reduced ? 'ε' : 'eV',
    lengthUnit: reduced ? 'r0' : 'Å',
    nearestNeighbour: r0,
    bondEnergy: eps,
    evaluate(x, f, atomEnergies) {
      const n = x.length / 3;
      if (f) f.fill(0, 0, 3 * n);
      if (atomEnergies) atomEnergies.fill(0, 0, n);
      let e = 0;
      let minR = Infinity;
      for (let i = 0; i < n; i++) {
        const xi = x[3 * i]!;
        const yi = x[3 * i + 1]!;
        const zi = x[3 * i + 2]!;
        let fxi = 0;
        let fyi = 0;
        let fzi = 0;
        for (let j = i + 1; j < n; j++) {
          const dx = xi - x[3 * j]!;
          const dy = yi - x[3 * j + 1]!;
          const dz = zi - x[3 * j + 2]!;
          const r = Math.sqrt(dx * dx + dy * dy + dz * dz);
          if (r < minR) minR = r;
          const u = Math.exp(rho - rOverR0 * r);
          const pair = u * (u - 2);
          e += pair;
          if (atomEnergies) {
            atomEnergies[i] = atomEnergies[i]! + 0.5 * eps * pair;
            atomEnergies[j] = atomEnergies[j]! + 0.5 * eps * pair;
          }
          if (f) {
            // −dE/dr / r
            const g = (2 * eps * rOverR0 * u * (u - 1)) / r;
            fxi += g * dx;
            fyi += g * dy;
            fzi += g * dz;
            f[3 * j] = f[3 * j]! - g * dx;
            f[3 * j + 1] = f[3 * j + 1]! - g * dy;
            f[3 * j + 2] = f[3 * j + 2]! - g * dz;
          }
        }
        if (f) {
          f[3 * i] = f[3 * i]! + fxi;
          f[3 * i + 1] = f[3 * i + 1]! + fyi;
          f[3 * i + 2] = f[3 * i + 2]! + fzi;
        }
      }
      e *= eps;
      // Morse is finite at r = 0: coincident atoms are caught explicitly
      if (!Number.isFinite(e) || minR < COINCIDENT * r0 || (f && !Number.isFinite(f[0]!)))
        nonFiniteEnergy(name, x, e);
      return e;
    },
  };
}
