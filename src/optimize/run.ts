/**
 * A global search described by plain data (potential spec, atoms, method,
 * seed, limits), so that the CLI, worker threads and the browser start the
 * same search from a JSON-serialisable description. Run `k` of a multi-run
 * search uses the seed `seed + k`.
 */
import { InputError } from '../core/errors.js';
import type { RunControl } from '../core/progress.js';
import { createRng } from '../core/rng.js';
import { createPotential } from '../potential/spec.js';
import { basinHopping } from './basin-hopping.js';
import { geneticAlgorithm } from './genetic.js';
import { MinimaList } from './minima.js';
import type { SearchResult } from './search.js';

export type SearchMethod = 'bh' | 'ga';

export interface SearchSpec {
  /** Potential spec, e.g. `lj`, `morse:6`, `gupta:Au`, `sutton-chen:Ag`. */
  readonly potential: string;
  readonly atoms: number;
  readonly method?: SearchMethod;
  /** Seed of run 0 (default 1). */
  readonly seed?: number;
  readonly maxSteps?: number;
  readonly timeLimitSeconds?: number;
  readonly target?: number;
  readonly patience?: number;
  readonly keepMinima?: number;
  /** Basin hopping: kT in the potential's energy unit. */
  readonly temperature?: number;
  /** GA: population size. */
  readonly populationSize?: number;
  /** Basin hopping: motif seeds (default: on for pair-additive potentials, see seeding.ts). */
  readonly seeding?: boolean;
}

/** The stopping rule the CLI uses when none is given: no new best for this many steps. */
export function defaultPatience(atoms: number): number {
  return 300 * atoms + 5000;
}

/** Check a spec before starting workers (bad input fails fast, in the caller's thread). */
export function checkSearchSpec(spec: SearchSpec): void {
  if (!Number.isInteger(spec.atoms) || spec.atoms < 2) {
    throw new InputError(
      'search-atoms',
      `the number of atoms must be a whole number ≥ 2, got ${spec.atoms}`,
      {
        hint: 'for example --atoms 38',
      },
    );
  }
  if (spec.method !== undefined && spec.method !== 'bh' && spec.method !== 'ga') {
    throw new InputError('search-method', `unknown search method "${spec.method}"`, { hint: 'use bh or ga' });
  }
  if (spec.seed !== undefined && !Number.isFinite(spec.seed)) {
    throw new InputError('search-seed', `seed must be a finite number, got ${spec.seed}`);
  }
  createPotential(spec.potential);
}

/** Run search number `run` (0-based) of `spec`. */
export function runSearch(spec: SearchSpec, control: RunControl = {}, run = 0): SearchResult {
  checkSearchSpec(spec);
  const potential = createPotential(spec.potential);
  const rng = createRng((spec.seed ?? 1) + run);
  const common = {
    ...control,
    potential,
    atoms: spec.atoms,
    rng,
    ...(spec.maxSteps !== undefined ? { maxSteps: spec.maxSteps } : {}),
    ...(spec.timeLimitSeconds !== undefined ? { timeLimitSeconds: spec.timeLimitSeconds } : {}),
    ...(spec.target !== undefined ? { target: spec.target } : {}),
    ...(spec.patience !== undefined ? { patience: spec.patience } : {}),
    ...(spec.keepMinima !== undefined ? { keepMinima: spec.keepMinima } : {}),
  };
  if ((spec.method ?? 'bh') === 'ga') {
    return geneticAlgorithm({
      ...common,
      ...(spec.populationSize !== undefined ? { populationSize: spec.populationSize } : {}),
    });
  }
  return basinHopping({
    ...common,
    ...(spec.temperature !== undefined ? { temperature: spec.temperature } : {}),
    ...(spec.seeding !== undefined ? { seeding: spec.seeding } : {}),
  });
}

/** The combined answer of several independent runs. */
export interface CombinedResult {
  /** The run that first reached the lowest energy. */
  readonly best: SearchResult;
  readonly bestRun: number;
  readonly runs: readonly SearchResult[];
  /** Distinct minima over all runs, lowest first. */
  readonly minima: { energy: number; positions: Float64Array }[];
  readonly reachedTarget: boolean;
  /** Evaluations summed over all runs. */
  readonly totalEvaluations: number;
}

/** Combine independent runs: the lowest energy wins, ties go to the run that got there sooner. */
export function combineRuns(runs: readonly SearchResult[], keep = 10): CombinedResult {
  if (runs.length === 0) throw new InputError('search-runs', 'no runs to combine');
  let bestRun = 0;
  for (let k = 1; k < runs.length; k++) {
    const a = runs[k]!;
    const b = runs[bestRun]!;
    const tol = 1e-6 * Math.max(1, Math.abs(b.bestEnergy));
    if (
      a.bestEnergy < b.bestEnergy - tol ||
      (Math.abs(a.bestEnergy - b.bestEnergy) <= tol && a.secondsToBest < b.secondsToBest)
    ) {
      bestRun = k;
    }
  }
  const first = runs[0]!;
  const list = new MinimaList(keep, 1e-6 * Math.max(1, first.atoms), 1e-3);
  for (const r of runs) for (const m of r.minima) list.add(m.energy, m.positions);
  return {
    best: runs[bestRun]!,
    bestRun,
    runs,
    minima: list.list(),
    reachedTarget: runs.some((r) => r.reachedTarget),
    totalEvaluations: runs.reduce((s, r) => s + r.evaluations, 0),
  };
}
