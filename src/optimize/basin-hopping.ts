/**
 * Basin hopping (Li & Scheraga, PNAS 84, 6611 (1987); Wales & Doye, J. Phys.
 * Chem. A 101, 5111 (1997)): a Metropolis walk between local minima. Each
 * step perturbs the current minimum, relaxes it with the local minimiser and
 * accepts the *relaxed* coordinates with probability min(1, exp(−ΔE/kT)).
 *
 * Moves:
 * - random Cartesian: every coordinate shifted uniformly in [−s, s];
 * - surface move (probability `surfaceMoveProbability`): the atom with the
 *   highest per-atom energy (the least bound) is moved to a random surface
 *   site, one bond length beyond the outermost atom in a random direction
 *   (in the spirit of the "surface" / "angular" moves of Doye & Wales).
 * Step size adapts every 50 steps towards 50 % acceptance (×1.05 / ÷1.05).
 * Atoms outside a spherical container are put back before relaxing, and a
 * relaxed structure with a detached atom or fragment is rejected.
 *
 * With probability `compressionProbability` the trial is first relaxed on
 * the compressed energy E + μ Σ|r_i − r_c|² and then on E (the two-phase local
 * search of Locatelli & Schoen, Comput. Optim. Appl. 26, 173 (2003)): it pulls
 * loose atoms into compact arrangements and lets the walk reach close-packed
 * funnels such as the fcc truncated octahedron of LJ38 (≈ 10× fewer steps).
 *
 * When the walk stalls (no new lowest energy of this walk for `jumpAfter`
 * steps) it makes `jumpSteps` moves accepted unconditionally ("basin hopping
 * with occasional jumping", Iwamatsu & Okabe, Chem. Phys. Lett. 399, 396
 * (2004)); after `restartAfter` stalled steps it restarts from a new random
 * cluster. The global best is kept across jumps and restarts.
 *
 * Units: energies and lengths of the potential; kT in its energy unit.
 */

import { InputError } from '../core/errors.js';
import { centre, centroidOf, clusterRadius, isConnected, randomCluster } from './geometry.js';
import type { Objective } from './local.js';
import {
  checkSearchOptions,
  defaultMinimizer,
  type SearchOptions,
  type SearchResult,
  SearchTracker,
} from './search.js';
import { diverseSeeds, isPairAdditive, motifSeeds, type Seed } from './seeding.js';

export interface BasinHoppingOptions extends SearchOptions {
  /** kT of the Metropolis test (energy unit); default 0.8 × bondEnergy (0.8 ε for LJ). */
  readonly temperature?: number;
  /** Initial maximum displacement per coordinate (length unit); default 0.32 × nearestNeighbour (0.36 σ for LJ). */
  readonly stepSize?: number;
  /** Adapt the step size towards `targetAcceptance` (default true). */
  readonly adaptiveStep?: boolean;
  /** Acceptance ratio the adaptive step aims at (default 0.5). */
  readonly targetAcceptance?: number;
  /** Probability of a surface move instead of a Cartesian move (default 0.1). */
  readonly surfaceMoveProbability?: number;
  /** Stalled steps before a jump (default 100; 0 disables). */
  readonly jumpAfter?: number;
  /** Unconditionally accepted moves in one jump (default 3). */
  readonly jumpSteps?: number;
  /** Stalled steps before a restart from a random cluster (default 0 = never). */
  readonly restartAfter?: number;
  /**
   * Probability of a two-phase relaxation: first on the compressed energy
   * E + μ Σ_i |r_i − r_c|² (pulls the cluster together), then on E
   * (Locatelli & Schoen, Comput. Optim. Appl. 26, 173 (2003)). Default 0.5.
   */
  readonly compressionProbability?: number;
  /** μ of the compression in bondEnergy / nearestNeighbour² (default 3, i.e. 3 ε/(2^{1/6}σ)² for LJ). */
  readonly compressionStrength?: number;
  /** Starting coordinates (3N); default a random cluster from `rng`, or the best motif seed. */
  readonly initial?: Float64Array;
  /**
   * Seed the walk from structural motifs (./seeding.ts: lattice searches on Mackay and
   * anti-Mackay icosahedral, decahedral, fcc and twinned-tetrahedral lattices, then relaxation).
   * Default: on for pair-additive potentials (LJ, Morse) without `initial` up to
   * {@link AUTO_SEEDING_MAX_ATOMS} atoms, off otherwise.
   */
  readonly seeding?: boolean;
  /**
   * With seeds: stalled steps (no new lowest energy of this walk) before the next seed's walk
   * takes its turn, round robin, each walk resuming where it stopped (default 10 N + 300; 0: one
   * walk from the best seed only).
   */
  readonly seedRestartAfter?: number;
}

/**
 * Motif seeding is on by default up to this size (seeding takes ~1–2 s at N = 100, 15–19 s at 400 and
 * grows as N²: beyond, it would eat the default time limit).
 */
export const AUTO_SEEDING_MAX_ATOMS = 400;

/** The default settings, exposed so the CLI and docs can show them. */
export function basinHoppingDefaults(_atoms: number) {
  return {
    temperatureBond: 0.8,
    stepSizeNn: 0.32,
    targetAcceptance: 0.5,
    surfaceMoveProbability: 0.1,
    jumpAfter: 100,
    jumpSteps: 3,
    restartAfter: 0,
    compressionProbability: 0.5,
    compressionStrength: 3,
    seedRestartAfter: 10 * _atoms + 300,
    seedPool: 8,
  };
}

export function basinHopping(options: BasinHoppingOptions): SearchResult {
  const n = checkSearchOptions(options);
  const pot = options.potential;
  const rng = options.rng;
  const nn = pot.nearestNeighbour;
  const d = basinHoppingDefaults(n);
  const kT = options.temperature ?? d.temperatureBond * pot.bondEnergy;
  if (!(kT > 0)) throw new InputError('bh-temperature', `temperature kT must be positive, got ${kT}`);
  let step = options.stepSize ?? d.stepSizeNn * nn;
  if (!(step > 0)) throw new InputError('bh-step', `step size must be positive, got ${step}`);
  const adaptive = options.adaptiveStep ?? true;
  const targetAcc = options.targetAcceptance ?? d.targetAcceptance;
  const pSurface = options.surfaceMoveProbability ?? d.surfaceMoveProbability;
  const jumpAfter = options.jumpAfter ?? d.jumpAfter;
  const jumpSteps = options.jumpSteps ?? d.jumpSteps;
  const restartAfter = options.restartAfter ?? d.restartAfter;
  const fmax = options.fmax ?? (1e-2 * pot.bondEnergy) / nn;
  const polishFmax = (1e-7 * pot.bondEnergy) / nn;
  const minimizer = defaultMinimizer(options);
  const tracker = new SearchTracker(options, 'bh');

  const cur = new Float64Array(3 * n);
  const trial = new Float64Array(3 * n);
  const atomE = new Float64Array(n);
  const stack = new Int32Array(n);
  const seen = new Uint8Array(n);
  const container = 1.6 * clusterRadius(n, nn) + nn;
  const connectCut = 1.6 * nn;
  const pCompress = options.compressionProbability ?? d.compressionProbability;
  const compressed = compressedObjective(
    pot,
    (options.compressionStrength ?? d.compressionStrength) * (pot.bondEnergy / (nn * nn)),
  );
  const fillAtomEnergies = () => {
    pot.evaluate(trial, undefined, atomE);
  };

  const relax = (x: Float64Array, tight: boolean): number => {
    const r = minimizer.minimize(pot, x, { fmax: tight ? polishFmax : fmax, shouldStop: tracker.innerStop });
    tracker.evaluations += r.evaluations;
    return r.energy;
  };

  const start = (): number => {
    if (options.initial && tracker.steps === 0) {
      if (options.initial.length !== 3 * n) {
        throw new InputError(
          'bh-initial',
          `initial coordinates have ${options.initial.length / 3} atoms, expected ${n}`,
        );
      }
      cur.set(options.initial);
    } else {
      randomCluster(n, nn, rng, cur);
    }
    let e = relax(cur, false);
    for (
      let tries = 0;
      tries < 20 && !tracker.interrupted && !isConnected(cur, connectCut, stack, seen);
      tries++
    ) {
      randomCluster(n, nn, rng, cur);
      e = relax(cur, false);
    }
    centre(cur);
    return e;
  };

  const seeding =
    options.seeding ?? (options.initial === undefined && n <= AUTO_SEEDING_MAX_ATOMS && isPairAdditive(pot));
  const seeds: Seed[] = seeding
    ? motifSeeds({
        potential: pot,
        atoms: n,
        rng,
        minimizer,
        fmax,
        shouldStop: tracker.pollStop,
        ...(tracker.innerStop ? { minimizerStop: tracker.innerStop } : {}),
        onEvaluations: (c) => {
          tracker.evaluations += c;
        },
      })
    : [];
  // One walk per seed, the best seed of each motif first (a decahedral or tetrahedral funnel must
  // get its turn even when icosahedral seeds are lower), then the next lowest; the walks take
  // turns, each continuing where it stopped.
  const pool = diverseSeeds(seeds, d.seedPool);
  const walks = pool.map((sd) => ({
    positions: Float64Array.from(sd.positions),
    energy: sd.energy,
    best: sd.energy,
  }));
  const seedRestartAfter = walks.length > 1 ? (options.seedRestartAfter ?? d.seedRestartAfter) : 0;
  let walkIndex = 0;
  let eCur: number;
  if (walks.length > 0) {
    tracker.steps = 0;
    for (const sd of pool) {
      trial.set(sd.positions);
      const ePolished = relax(trial, true);
      if (tracker.interrupted) break;
      tracker.record(ePolished, trial);
    }
    cur.set(walks[0]!.positions);
    centre(cur);
    eCur = walks[0]!.energy;
  } else {
    eCur = start();
    tracker.steps = 0;
    if (!tracker.interrupted) {
      trial.set(cur);
      const ePolished = relax(trial, true);
      if (!tracker.interrupted) tracker.record(ePolished, trial);
    }
  }
  let walkBest = walks.length > 0 ? walks[0]!.best : eCur;
  let stall = 0;
  let jumping = 0;
  let accepted = 0;
  let window = 0;

  while (!tracker.shouldStop()) {
    tracker.steps++;
    trial.set(cur);
    // --- move ---
    if (pSurface > 0 && n > 3 && rng.next() < pSurface) {
      surfaceMove(trial, n, nn, rng, fillAtomEnergies, atomE);
      tracker.evaluations++;
    } else {
      for (let k = 0; k < 3 * n; k++) trial[k] = trial[k]! + step * (2 * rng.next() - 1);
    }
    pullIntoContainer(trial, n, container);
    // --- relax ---
    if (pCompress > 0 && rng.next() < pCompress) {
      centre(trial);
      tracker.evaluations += minimizer.minimize(compressed, trial, {
        fmax: 10 * fmax,
        shouldStop: tracker.innerStop,
      }).evaluations;
    }
    let e = tracker.interrupted ? Number.NaN : relax(trial, false);
    const ok = !tracker.interrupted && isConnected(trial, connectCut, stack, seen);
    if (ok) {
      if (tracker.improves(e) || tracker.nearTarget(e) || tracker.minima.wouldAccept(e))
        e = relax(trial, true);
      if (!tracker.interrupted) tracker.record(e, trial);
    }
    if (tracker.interrupted) {
      // the time limit or a cancellation cut this step short: discard it
      tracker.steps--;
      break;
    }
    // --- accept / reject (keeping the relaxed coordinates) ---
    let accept = false;
    if (ok) {
      if (jumping > 0) {
        accept = true;
        jumping--;
      } else {
        accept = e <= eCur || rng.next() < Math.exp(-(e - eCur) / kT);
      }
    }
    if (accept) {
      cur.set(trial);
      centre(cur);
      eCur = e;
      accepted++;
    }
    window++;
    if (adaptive && window === 50) {
      const ratio = accepted / window;
      step = ratio > targetAcc ? step * 1.05 : step / 1.05;
      step = Math.min(Math.max(step, 0.02 * nn), 1.5 * nn);
      accepted = 0;
      window = 0;
    }
    // --- stall bookkeeping: jumps and restarts ---
    if (ok && e < walkBest - 1e-6 * Math.max(1, Math.abs(e))) {
      walkBest = e;
      stall = 0;
    } else {
      stall++;
    }
    if (seedRestartAfter > 0 && stall >= seedRestartAfter) {
      // hand over to the next walk; this one resumes from here on its next turn
      const w = walks[walkIndex]!;
      w.positions.set(cur);
      w.energy = eCur;
      w.best = walkBest;
      walkIndex = (walkIndex + 1) % walks.length;
      const next = walks[walkIndex]!;
      cur.set(next.positions);
      eCur = next.energy;
      walkBest = next.best;
      stall = 0;
      jumping = 0;
    } else if (restartAfter > 0 && stall >= restartAfter) {
      eCur = start();
      if (tracker.interrupted) break;
      walkBest = eCur;
      stall = 0;
      jumping = 0;
    } else if (jumpAfter > 0 && jumping === 0 && stall > 0 && stall % jumpAfter === 0) {
      jumping = jumpSteps;
    }
    tracker.report({ currentEnergy: eCur, stepSize: step });
  }
  tracker.report({ currentEnergy: eCur, stepSize: step }, true);
  centre(tracker.bestPositions);
  return tracker.result();
}

/** E + μ Σ |r_i|² (positions centred at the origin): the compressed energy of the two-phase relaxation. */
function compressedObjective(pot: Objective, mu: number): Objective {
  return {
    nearestNeighbour: pot.nearestNeighbour,
    bondEnergy: pot.bondEnergy,
    evaluate(x, f) {
      let e = pot.evaluate(x, f);
      for (let k = 0; k < x.length; k++) {
        const c = x[k]!;
        e += mu * c * c;
        if (f) f[k] = f[k]! - 2 * mu * c;
      }
      return e;
    },
  };
}

/** Put atoms farther than `radius` from the centroid back inside the sphere. */
function pullIntoContainer(x: Float64Array, n: number, radius: number): void {
  const [cx, cy, cz] = centroidOf(x, n);
  const r2 = radius * radius;
  for (let i = 0; i < n; i++) {
    const dx = x[3 * i]! - cx;
    const dy = x[3 * i + 1]! - cy;
    const dz = x[3 * i + 2]! - cz;
    const d2 = dx * dx + dy * dy + dz * dz;
    if (d2 > r2) {
      const s = (0.9 * radius) / Math.sqrt(d2);
      x[3 * i] = cx + dx * s;
      x[3 * i + 1] = cy + dy * s;
      x[3 * i + 2] = cz + dz * s;
    }
  }
}

/**
 * Move the least-bound atom (highest per-atom energy; `energies` fills
 * `atomE`) to a random surface site: one bond length `nn` beyond the atom
 * that lies outermost along a random direction u.
 */
export function surfaceMove(
  x: Float64Array,
  n: number,
  nn: number,
  rng: { next(): number; normal(): number },
  energies: () => void,
  atomE: Float64Array,
): void {
  energies();
  let worst = 0;
  for (let i = 1; i < n; i++) if (atomE[i]! > atomE[worst]!) worst = i;
  let cx = 0;
  let cy = 0;
  let cz = 0;
  for (let i = 0; i < n; i++) {
    if (i === worst) continue;
    cx += x[3 * i]!;
    cy += x[3 * i + 1]!;
    cz += x[3 * i + 2]!;
  }
  cx /= n - 1;
  cy /= n - 1;
  cz /= n - 1;
  let ux = rng.normal();
  let uy = rng.normal();
  let uz = rng.normal();
  const len = Math.hypot(ux, uy, uz) || 1;
  ux /= len;
  uy /= len;
  uz /= len;
  let far = -1;
  let farT = -Infinity;
  for (let i = 0; i < n; i++) {
    if (i === worst) continue;
    const t = (x[3 * i]! - cx) * ux + (x[3 * i + 1]! - cy) * uy + (x[3 * i + 2]! - cz) * uz;
    if (t > farT) {
      farT = t;
      far = i;
    }
  }
  x[3 * worst] = x[3 * far]! + nn * ux;
  x[3 * worst + 1] = x[3 * far + 1]! + nn * uy;
  x[3 * worst + 2] = x[3 * far + 2]! + nn * uz;
}
