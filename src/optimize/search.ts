/**
 * Shared parts of the global searches: options, stop conditions (target
 * energy, step limit, time limit, patience, cancellation), progress reports,
 * the best minimum and the list of distinct minima.
 */
import { InputError } from '../core/errors.js';
import type { RunControl } from '../core/progress.js';
import type { Rng } from '../core/rng.js';
import type { Potential } from '../potential/types.js';
import { createLbfgs, type LocalMinimizer } from './local.js';
import { MinimaList, type Minimum } from './minima.js';

export type StopReason = 'target' | 'max-steps' | 'time-limit' | 'patience' | 'cancelled';

export interface SearchOptions extends RunControl {
  readonly potential: Potential;
  /** Number of atoms, ≥ 2. */
  readonly atoms: number;
  /** The seeded random numbers; the same state gives the same trajectory. */
  readonly rng: Rng;
  /** Stop after this many steps (local minimisations); default unlimited. */
  readonly maxSteps?: number;
  /** Stop after this many seconds (needs `now`); default unlimited. */
  readonly timeLimitSeconds?: number;
  /** Stop when the best energy is at or below target (+ tolerance). */
  readonly target?: number;
  /** Tolerance of the target test (energy unit); default 1e-6 × max(1, |target|). */
  readonly targetTolerance?: number;
  /**
   * Stop when the best energy has not improved for this many steps; default
   * unlimited in the library (the CLI sets one).
   */
  readonly patience?: number;
  /** How many distinct low minima to keep (default 10). */
  readonly keepMinima?: number;
  /**
   * Force tolerance of the local minimisations during the search (default
   * 1e-2 bondEnergy/nn, 0.0089 ε/σ for LJ); new lowest minima and minima near
   * the target are re-minimised to 1e-7 bondEnergy/nn before they are recorded.
   */
  readonly fmax?: number;
  /** Local minimiser (default L-BFGS, memory 10). */
  readonly minimizer?: LocalMinimizer;
}

export interface SearchResult {
  readonly method: 'bh' | 'ga';
  readonly atoms: number;
  readonly bestEnergy: number;
  /** Coordinates of the best minimum, centred (3N, length unit of the potential). */
  readonly bestPositions: Float64Array;
  readonly reachedTarget: boolean;
  /** Steps (local minimisations) done in total. */
  readonly steps: number;
  /** Step at which the best energy was first reached. */
  readonly stepsToBest: number;
  /** Energy + force evaluations in total. */
  readonly evaluations: number;
  /** Evaluations until the best energy was first reached. */
  readonly evaluationsToBest: number;
  /** Wall time until the best energy was first reached (s; 0 without a clock). */
  readonly secondsToBest: number;
  /** Wall time of the whole search (s; 0 without a clock). */
  readonly seconds: number;
  /** Distinct low minima, lowest first (the first is the best). */
  readonly minima: readonly Minimum[];
  readonly stopReason: StopReason;
}

/**
 * Largest global search: one local minimisation of 5000 atoms evaluates 1.25·10⁷ pairs per step
 * (≈ 0.05 s LJ, 0.2 s Gupta per evaluation, hundreds of evaluations per minimisation).
 */
export const MAX_SEARCH_ATOMS = 5000;

/** Clusters of at least this many atoms are polled for time limits inside local minimisations. */
export const INNER_POLL_ATOMS = 100;

/** Validate the common options; returns the atom count. */
export function checkSearchOptions(o: SearchOptions): number {
  const n = o.atoms;
  if (!Number.isInteger(n) || n < 2) {
    throw new InputError('search-atoms', `the number of atoms must be a whole number ≥ 2, got ${n}`, {
      hint: 'for example --atoms 38',
    });
  }
  if (n > MAX_SEARCH_ATOMS) {
    throw new InputError(
      'search-atoms',
      `${n} atoms is too many for a global search (limit ${MAX_SEARCH_ATOMS}: every step is a local minimisation over all ${((n * (n - 1)) / 2).toExponential(1)} atom pairs)`,
      {
        hint: `search at most ${MAX_SEARCH_ATOMS} atoms; for a large cluster build a candidate shape (superatom build icosahedron --shells 10) and relax it with superatom optimize`,
      },
    );
  }
  if (o.potential.atoms !== undefined && o.potential.atoms !== n) {
    throw new InputError('search-atoms', `the potential was built for ${o.potential.atoms} atoms, not ${n}`);
  }
  if (o.maxSteps !== undefined && !(o.maxSteps >= 1)) {
    throw new InputError('search-steps', `max steps must be ≥ 1, got ${o.maxSteps}`);
  }
  if (o.timeLimitSeconds !== undefined && !(o.timeLimitSeconds > 0)) {
    throw new InputError('search-time', `time limit must be positive, got ${o.timeLimitSeconds} s`);
  }
  if (o.target !== undefined && !Number.isFinite(o.target)) {
    throw new InputError('search-target', `target energy must be a finite number, got ${o.target}`);
  }
  if (o.patience !== undefined && !(o.patience >= 1)) {
    throw new InputError('search-patience', `patience must be ≥ 1 step, got ${o.patience}`);
  }
  return n;
}

/**
 * Book-keeping shared by the searches: counts, best, minima, stop tests and
 * throttled progress reports.
 */
export class SearchTracker {
  steps = 0;
  evaluations = 0;
  bestEnergy = Infinity;
  readonly bestPositions: Float64Array;
  stepsToBest = 0;
  evaluationsToBest = 0;
  msToBest = 0;
  reachedTarget = false;
  stopReason: StopReason | undefined;
  /**
   * Set when the time limit passed or the run was cancelled in the middle of a step (inside a
   * local minimisation or while building a start): that step's result is discarded.
   */
  interrupted = false;
  readonly minima: MinimaList;
  private readonly t0: number;
  private lastReport = -Infinity;
  private readonly tol: number;

  constructor(
    readonly options: SearchOptions,
    readonly method: 'bh' | 'ga',
  ) {
    const n = options.atoms;
    this.bestPositions = new Float64Array(3 * n);
    const eTol = 1e-6 * Math.max(1, n) * options.potential.bondEnergy;
    this.minima = new MinimaList(
      options.keepMinima ?? 10,
      Math.max(eTol, 1e-9),
      1e-3 * options.potential.nearestNeighbour,
    );
    this.t0 = options.now ? options.now() : 0;
    const limited = options.signal !== undefined || (options.timeLimitSeconds !== undefined && options.now);
    this.innerStop = limited && n >= INNER_POLL_ATOMS ? this.pollStop : undefined;
    this.tol = options.targetTolerance ?? 1e-6 * Math.max(1, Math.abs(options.target ?? 0));
  }

  elapsedMs(): number {
    return this.options.now ? this.options.now() - this.t0 : 0;
  }

  /** Whether `energy` is below the best by more than numerical noise. */
  improves(energy: number): boolean {
    return energy < this.bestEnergy - 1e-9 * Math.max(1, Math.abs(energy));
  }

  /** Record a (polished) minimum: updates the best and the minima list. */
  record(energy: number, x: Float64Array): void {
    if (this.improves(energy)) {
      this.bestEnergy = energy;
      this.bestPositions.set(x);
      this.stepsToBest = this.steps;
      this.evaluationsToBest = this.evaluations;
      this.msToBest = this.elapsedMs();
      const target = this.options.target;
      if (target !== undefined && energy <= target + this.tol) this.reachedTarget = true;
    }
    if (this.minima.wouldAccept(energy)) this.minima.add(energy, x);
  }

  /** Whether the target is within reach of `energy` (then it is worth polishing). */
  nearTarget(energy: number): boolean {
    const t = this.options.target;
    return t !== undefined && energy <= t + 1e-3 * Math.max(1, Math.abs(t));
  }

  /**
   * For the local minimiser's `shouldStop` (polled inside long minimisations): true once the
   * run is cancelled or past its time limit; sets `interrupted` and the stop reason.
   */
  readonly pollStop = (): boolean => {
    if (this.interrupted) return true;
    const o = this.options;
    if (o.signal?.aborted) this.stopReason = 'cancelled';
    else if (o.timeLimitSeconds !== undefined && o.now && this.elapsedMs() >= 1000 * o.timeLimitSeconds)
      this.stopReason = 'time-limit';
    else return false;
    this.interrupted = true;
    return true;
  };

  /**
   * What the searches pass to the local minimiser as `shouldStop`: {@link pollStop} when there
   * is a time limit or a signal and the cluster has at least {@link INNER_POLL_ATOMS} atoms;
   * undefined otherwise. A minimisation of fewer atoms takes milliseconds, so the check between
   * steps holds the limit, and the minimiser's inner loops stay as fast as without polling
   * (measured: passing the poll costs LJ38 basin hopping ≈ 12 % per step through code
   * generation, although it is called only a few times per step).
   */
  readonly innerStop: (() => boolean) | undefined;

  /** Test the stop conditions after a step; sets stopReason. */
  shouldStop(): boolean {
    if (this.interrupted) return true;
    const o = this.options;
    if (this.reachedTarget) this.stopReason = 'target';
    else if (o.signal?.aborted) this.stopReason = 'cancelled';
    else if (o.maxSteps !== undefined && this.steps >= o.maxSteps) this.stopReason = 'max-steps';
    else if (o.patience !== undefined && this.steps - this.stepsToBest >= o.patience)
      this.stopReason = 'patience';
    else if (o.timeLimitSeconds !== undefined && o.now && this.elapsedMs() >= 1000 * o.timeLimitSeconds) {
      this.stopReason = 'time-limit';
    }
    return this.stopReason !== undefined;
  }

  /** Report progress at most every 100 ms (or every 200 steps without a clock). */
  report(extra: Record<string, number | string | boolean> = {}, force = false): void {
    const cb = this.options.onProgress;
    if (!cb) return;
    const now = this.options.now ? this.elapsedMs() : this.steps * 0.5;
    if (!force && now - this.lastReport < 100) return;
    this.lastReport = now;
    cb({
      done: this.steps,
      ...(this.options.maxSteps !== undefined ? { total: this.options.maxSteps } : {}),
      message: `step ${this.steps}, best ${this.bestEnergy.toFixed(6)}`,
      data: { bestEnergy: this.bestEnergy, evaluations: this.evaluations, ...extra },
    });
  }

  result(): SearchResult {
    return {
      method: this.method,
      atoms: this.options.atoms,
      bestEnergy: this.bestEnergy,
      bestPositions: this.bestPositions,
      reachedTarget: this.reachedTarget,
      steps: this.steps,
      stepsToBest: this.stepsToBest,
      evaluations: this.evaluations,
      evaluationsToBest: this.evaluationsToBest,
      secondsToBest: this.msToBest / 1000,
      seconds: this.elapsedMs() / 1000,
      minima: this.minima.list(),
      stopReason: this.stopReason ?? 'max-steps',
    };
  }
}

/**
 * L-BFGS memory of the searches' quenches: 5 pairs (10 for a single relaxation). A quench stops
 * at a loose force (0.01 ε/σ) where a short memory costs a few per cent more evaluations, while the
 * two-loop recursion, 4·m·3N multiply-adds per step, is a large part of a step's time next to the
 * WebAssembly kernel. Measured (20 seeds, CPU time to the minimum with --seeding off, JS
 * recursion): LJ38 median 0.38 → 0.28 s, LJ55 0.40 → 0.23 s, evaluations per step +0–5 %.
 */
export const SEARCH_LBFGS_MEMORY = 5;

export function defaultMinimizer(o: SearchOptions): LocalMinimizer {
  return o.minimizer ?? createLbfgs(SEARCH_LBFGS_MEMORY);
}
