/**
 * Multiply charged cluster anions: sequential electron affinities and the repulsive Coulomb
 * barrier (RCB) that can hold an electron whose affinity is negative.
 *
 * Sequential affinities at fixed background N:  EA_z = E(N, −(z−1)) − E(N, −z), z = 1, 2, …
 * (ΔSCF; EA_1 is the ordinary electron affinity). They can also be given (from a quantum engine).
 *
 * Barrier model (classical electrostatics of a charged perfect-conductor sphere of radius R, the
 * picture of the size-dependent ionisation energy and of the charging limit of metal clusters:
 * M. Seidl, J. P. Perdew et al., Phys. Rev. B 50, 5744 (1994) and J. Chem. Phys. 108, 8182
 * (1998); image charges as in J. D. Jackson, Classical Electrodynamics, §2.3): an electron at
 * distance r > R from the centre of the (z−1)-charged anion it leaves has potential energy
 *   V_z(r) = (z − 1)/r − R³ / (2 r² (r² − R²))        (Ha, bohr; zero at infinity)
 * — the Coulomb repulsion of the remaining charge plus the attraction of its image. For z ≥ 2 it
 * has a maximum B_z at r_b > R: the RCB (A. Dreuw and L. S. Cederbaum, Chem. Rev. 102, 181
 * (2002), for multiply charged anions in general). Verdict as in the review of multiply charged
 * cluster anions: bound when EA_z > 0; metastable (electron tunnels out through the RCB) when
 * EA_z < 0 but the detached electron's energy −EA_z lies below B_z; unbound otherwise.
 * R is the jellium background radius r_s N^{1/3} by default.
 */
import { HARTREE_EV } from '../core/units.js';
import type { JelliumRunOptions } from './report.js';
import { type JelliumSolution, solveJellium } from './scf.js';

export type AnionVerdict = 'bound' | 'metastable' | 'unbound';

export interface AnionStep {
  /** Charge of the anion, −z (z = 1 singly charged). */
  readonly z: number;
  /** EA_z = E(z − 1) − E(z), eV. */
  readonly eaEv: number;
  /** Height of the Coulomb barrier the z-th electron sees, eV (0 for z = 1). */
  readonly barrierEv: number;
  /** Where the barrier peaks, bohr from the centre (null for z = 1). */
  readonly barrierRadiusBohr: number | null;
  readonly verdict: AnionVerdict;
  /** Jellium only: highest occupied eigenvalue of the z-anion, eV (> 0: a resonance state). */
  readonly homoEv?: number | null;
  readonly converged?: boolean;
}

export interface MultiplyChargedAnions {
  readonly model: string;
  readonly source: 'jellium' | 'given';
  /** Sphere radius of the barrier model, bohr. */
  readonly radiusBohr: number;
  readonly steps: readonly AnionStep[];
  /** Highest z with EA_1 … EA_z all positive (0 if none). */
  readonly maxBoundCharge: number;
  /** Highest z with every step bound or metastable (0 if none). */
  readonly maxMetastableCharge: number;
}

export const BARRIER_MODEL =
  'V(r) = (z-1)/r - R^3/(2 r^2 (r^2 - R^2)) Ha (charged conducting sphere of radius R plus image); bound if EA_z > 0, metastable if 0 < -EA_z < barrier max, else unbound';

/** Potential energy (Ha) of an electron at r (bohr) outside a sphere of radius R holding charge −(z−1). */
export function barrierPotential(z: number, radius: number, r: number): number {
  return (z - 1) / r - radius ** 3 / (2 * r * r * (r * r - radius * radius));
}

/** The maximum of `barrierPotential` over r > R: height (Ha) and position (bohr). */
export function coulombBarrier(z: number, radius: number): { heightHa: number; rBohr: number | null } {
  if (z <= 1) return { heightHa: 0, rBohr: null };
  // scan r = R(1 + x) on a log grid of x, then golden-section refine
  let bestX = 0;
  let best = Number.NEGATIVE_INFINITY;
  for (let j = 0; j <= 400; j++) {
    const x = 10 ** (-4 + (j * 7) / 400);
    const v = barrierPotential(z, radius, radius * (1 + x));
    if (v > best) {
      best = v;
      bestX = x;
    }
  }
  let a = Math.log(bestX) - 0.05;
  let b = Math.log(bestX) + 0.05;
  const g = (Math.sqrt(5) - 1) / 2;
  const f = (t: number) => barrierPotential(z, radius, radius * (1 + Math.exp(t)));
  for (let it = 0; it < 80; it++) {
    const c = b - g * (b - a);
    const d = a + g * (b - a);
    if (f(c) > f(d)) b = d;
    else a = c;
  }
  const t = 0.5 * (a + b);
  return { heightHa: f(t), rBohr: radius * (1 + Math.exp(t)) };
}

/** Verdicts for given sequential affinities `eas` (eV; eas[0] = EA_1) of a sphere of radius R. */
export function anionVerdicts(
  eas: readonly number[],
  radiusBohr: number,
  source: 'jellium' | 'given' = 'given',
  extra?: readonly { homoEv: number | null; converged: boolean }[],
): MultiplyChargedAnions {
  const steps: AnionStep[] = eas.map((ea, i) => {
    const z = i + 1;
    const b = coulombBarrier(z, radiusBohr);
    const barrierEv = b.heightHa * HARTREE_EV;
    const verdict: AnionVerdict = ea > 0 ? 'bound' : -ea < barrierEv ? 'metastable' : 'unbound';
    return {
      z,
      eaEv: ea,
      barrierEv,
      barrierRadiusBohr: b.rBohr,
      verdict,
      ...(extra?.[i] ? { homoEv: extra[i]!.homoEv, converged: extra[i]!.converged } : {}),
    };
  });
  let maxBound = 0;
  while (maxBound < steps.length && steps[maxBound]!.verdict === 'bound') maxBound++;
  let maxMeta = 0;
  while (maxMeta < steps.length && steps[maxMeta]!.verdict !== 'unbound') maxMeta++;
  return {
    model: BARRIER_MODEL,
    source,
    radiusBohr,
    steps,
    maxBoundCharge: maxBound,
    maxMetastableCharge: maxMeta,
  };
}

/**
 * Sequential jellium affinities EA_1 … EA_count of the cluster with background N = `electrons`
 * (each anion warm-started from the previous one) and their verdicts. `neutral` may pass an
 * already converged neutral solution.
 */
export function jelliumAnions(
  electrons: number,
  count: number,
  opts: JelliumRunOptions,
  neutral?: JelliumSolution,
): MultiplyChargedAnions {
  let prev = neutral ?? solveJellium({ ...opts, electrons, charge: 0 });
  const eas: number[] = [];
  const extra: { homoEv: number | null; converged: boolean }[] = [];
  for (let z = 1; z <= count; z++) {
    const s = solveJellium({ ...opts, electrons, charge: -z, start: prev });
    eas.push((prev.totalEnergy - s.totalEnergy) * HARTREE_EV);
    extra.push({
      homoEv: Number.isFinite(s.homo) ? s.homo * HARTREE_EV : null,
      converged: s.converged && prev.converged,
    });
    prev = s;
  }
  return anionVerdicts(eas, prev.radius, 'jellium', extra);
}
