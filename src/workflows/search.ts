/**
 * Global search set-up and report, shared by `superatom search`, `superatom serve` and the page:
 * a request with the CLI's option names (camelCase) → a checked `SearchSpec`; the combined runs
 * → the JSON report `superatom search --json` prints. Running the search is the door's business
 * (worker threads in Node, a Web Worker in the page); this file only checks and describes.
 * Energies are in the potential's unit: ε for reduced LJ/Morse/Sutton–Chen families, eV otherwise.
 */
import { InputError } from '../core/errors.js';
import type { RunControl } from '../core/progress.js';
import { createRng } from '../core/rng.js';
import { elementBySymbol } from '../data/index.js';
import { type Composition, homotopSearch, parseComposition } from '../optimize/homotop.js';
import { MinimaList } from '../optimize/minima.js';
import { checkSearchSpec, defaultPatience, type SearchMethod, type SearchSpec } from '../optimize/run.js';
import { createPotential, outputElement, POTENTIAL_SPEC_HELP } from '../potential/spec.js';
import { createStructure, type Structure } from '../structure/structure.js';

/** The `--json` report of `superatom search`. */
export interface SearchReport {
  readonly potential: string;
  readonly atoms: number;
  readonly method: SearchMethod;
  readonly seed: number;
  readonly bestEnergy: number;
  readonly reachedTarget: boolean;
  readonly stepsToBest: number;
  readonly evaluations: number;
  readonly seconds: number;
  readonly minima: { energy: number }[];
  /** With --composition: the composition searched (e.g. "Au12Pd1"). */
  readonly composition?: string;
}

/** A search request: the `superatom search` flags, camelCase (`--max-steps` → `maxSteps`). */
export interface SearchRequest {
  readonly potential?: string;
  readonly atoms?: number;
  readonly method?: string;
  readonly seed?: number;
  readonly runs?: number;
  readonly maxSteps?: number;
  /** Seconds (default 60). */
  readonly timeLimit?: number;
  readonly target?: number;
  readonly patience?: number;
  readonly temperature?: number;
  readonly population?: number;
  /** Motif seeding of basin hopping: 'auto' (default: pair potentials), 'on' or 'off'. */
  readonly seeding?: string;
  /** Alloy composition, e.g. "Au12Pd1" (homotop search with exchange moves; --atoms optional). */
  readonly composition?: string;
}

/** Largest |seed|: the random generator takes 32 bits of the seed. */
export const MAX_SEED = 0xffffffff;

/** Most independent runs of one search (as node/parallel.ts). */
export const MAX_RUNS = 256;

/** The default --time-limit of a search, seconds. */
export const DEFAULT_SEARCH_TIME_LIMIT = 60;

/** What a checked request resolves to: the spec to run, the number of runs, the potential's units. */
export interface SearchSetup {
  readonly spec: SearchSpec & { readonly method: SearchMethod; readonly seed: number };
  readonly runs: number;
  readonly timeLimit: number;
  readonly potentialName: string;
  readonly energyUnit: string;
  readonly lengthUnit: string;
  /** With --composition: the parsed composition (one symbol per atom in `symbols`). */
  readonly composition?: Composition;
}

/** Check a request (every bad value an InputError naming the flag) and resolve its defaults. */
export function searchSetup(req: SearchRequest): SearchSetup {
  const { potential } = req;
  if (!potential)
    throw new InputError('cli-missing', 'missing --potential', { hint: `use one of ${POTENTIAL_SPEC_HELP}` });
  const composition = req.composition !== undefined ? parseComposition(req.composition) : undefined;
  if (composition && req.atoms !== undefined && req.atoms !== composition.symbols.length) {
    throw new InputError(
      'search-atoms',
      `--atoms ${req.atoms} does not match --composition ${req.composition} (${composition.symbols.length} atoms)`,
      { hint: 'leave out --atoms with --composition' },
    );
  }
  const atoms = composition ? composition.symbols.length : req.atoms;
  if (atoms === undefined)
    throw new InputError('cli-missing', 'missing --atoms N', { hint: 'for example --atoms 38' });
  const method = (req.method ?? 'bh') as SearchMethod;
  if (method !== 'bh' && method !== 'ga')
    throw new InputError('search-method', `unknown search method "${String(method).slice(0, 40)}"`, {
      hint: 'use bh or ga',
    });
  const seed = req.seed ?? 1;
  const runs = req.runs ?? 1;
  const timeLimit = req.timeLimit ?? DEFAULT_SEARCH_TIME_LIMIT;
  if (!Number.isInteger(atoms) || atoms < 2) {
    throw new InputError('search-atoms', `--atoms must be a whole number ≥ 2, got ${atoms}`, {
      hint: 'for example --atoms 38',
    });
  }
  if (!Number.isInteger(runs) || runs < 1 || runs > MAX_RUNS)
    throw new InputError('search-runs', `--runs must be a whole number from 1 to ${MAX_RUNS}, got ${runs}`);
  // the generator is seeded from 32 bits (core/rng.ts): a larger seed would silently repeat a
  // smaller one (2^32 + 1 runs as 1), and S + k would stop changing beyond 2^53
  if (!Number.isInteger(seed) || Math.abs(seed) > MAX_SEED || Math.abs(seed + runs - 1) > MAX_SEED) {
    throw new InputError(
      'search-seed',
      `--seed must lie between -${MAX_SEED} and ${MAX_SEED} (with --runs K, S + K − 1 too), got ${seed}`,
      { hint: 'for example --seed 42' },
    );
  }
  const patience = req.patience ?? defaultPatience(atoms);
  const { maxSteps, target, temperature, population } = req;
  if (req.seeding !== undefined && !['auto', 'on', 'off'].includes(req.seeding))
    throw new InputError(
      'search-seeding',
      `--seeding must be auto, on or off, got "${req.seeding.slice(0, 20)}"`,
    );
  const seeding = req.seeding === 'on' ? true : req.seeding === 'off' ? false : undefined;
  if (maxSteps !== undefined && !(maxSteps >= 1))
    throw new InputError('search-steps', `--max-steps must be ≥ 1, got ${maxSteps}`);
  if (!(timeLimit > 0))
    throw new InputError('search-time', `--time-limit must be positive, got ${timeLimit}`);
  if (temperature !== undefined && !(temperature > 0)) {
    throw new InputError('search-temperature', `--temperature must be positive, got ${temperature}`);
  }
  const spec = {
    potential,
    atoms,
    method,
    seed,
    timeLimitSeconds: timeLimit,
    patience,
    ...(maxSteps !== undefined ? { maxSteps } : {}),
    ...(target !== undefined ? { target } : {}),
    ...(temperature !== undefined ? { temperature } : {}),
    ...(population !== undefined ? { populationSize: population } : {}),
    ...(seeding !== undefined ? { seeding } : {}),
  };
  if (composition) {
    if (method !== 'bh')
      throw new InputError('search-method', '--composition searches with basin hopping and exchange moves', {
        hint: 'leave out --method or use --method bh',
      });
    // the potential must describe every element of the composition (gupta, gupta:aupd-dft, eam …)
    const pot = createPotential(potential, compositionNumbers(composition), { what: '--composition' });
    return {
      spec,
      runs,
      timeLimit,
      potentialName: pot.name,
      energyUnit: pot.energyUnit,
      lengthUnit: pot.lengthUnit,
      composition,
    };
  }
  checkSearchSpec(spec);
  const pot = createPotential(potential);
  return {
    spec,
    runs,
    timeLimit,
    potentialName: pot.name,
    energyUnit: pot.energyUnit,
    lengthUnit: pot.lengthUnit,
  };
}

function compositionNumbers(c: Composition): number[] {
  return c.symbols.map((s) => {
    const z = elementBySymbol(s)?.z;
    if (z === undefined)
      throw new InputError('composition', `--composition: unknown element "${s}"`, {
        hint: 'write element symbols with counts, e.g. Au12Pd1',
      });
    return z;
  });
}

/** The outcome of a composition search: the report's fields plus per-run totals for the text output. */
export interface CompositionOutcome extends SearchOutcome {
  readonly bestRun: number;
  readonly steps: number;
  readonly evaluations: number;
  readonly swapsTried: number;
  readonly swapsAccepted: number;
  readonly seconds: number;
}

/**
 * Run the homotop search of a composition set-up (`setup.composition`): `runs` independent runs
 * with seeds S, S + 1, … one after another (exchange moves need the labelled potential, built
 * here once per run).
 */
export function runCompositionSearch(setup: SearchSetup, control: RunControl = {}): CompositionOutcome {
  const c = setup.composition;
  if (!c) throw new InputError('composition', 'not a --composition search');
  const numbers = compositionNumbers(c);
  const { spec } = setup;
  const list = new MinimaList(10, 1e-6 * Math.max(1, spec.atoms), 1e-3);
  let best: CompositionOutcome['best'] | undefined;
  let bestRun = 0;
  let reached = false;
  let steps = 0;
  let evaluations = 0;
  let swapsTried = 0;
  let swapsAccepted = 0;
  let seconds = 0;
  for (let run = 0; run < setup.runs; run++) {
    const r = homotopSearch({
      ...control,
      potential: createPotential(spec.potential, numbers),
      species: c.symbols,
      rng: createRng(spec.seed + run),
      timeLimitSeconds: spec.timeLimitSeconds ?? DEFAULT_SEARCH_TIME_LIMIT,
      ...(spec.maxSteps !== undefined ? { maxSteps: spec.maxSteps } : {}),
      ...(spec.target !== undefined ? { target: spec.target } : {}),
      ...(spec.patience !== undefined ? { patience: spec.patience } : {}),
    });
    steps += r.steps;
    evaluations += r.evaluations;
    swapsTried += r.swapsTried;
    swapsAccepted += r.swapsAccepted;
    seconds += r.seconds;
    reached ||= r.reachedTarget;
    for (const m of r.minima) list.add(m.energy, m.positions);
    if (!best || r.bestEnergy < best.bestEnergy - 1e-9 * Math.max(1, Math.abs(r.bestEnergy))) {
      bestRun = run;
      best = {
        bestEnergy: r.bestEnergy,
        stepsToBest: r.stepsToBest,
        evaluationsToBest: r.evaluationsToBest,
        secondsToBest: r.secondsToBest,
      };
    }
    if (control.signal?.aborted) break;
  }
  return {
    best: best!,
    bestRun,
    reachedTarget: reached,
    minima: list.list(),
    steps,
    evaluations,
    swapsTried,
    swapsAccepted,
    seconds,
  };
}

/** What the report needs from the combined runs (`CombinedResult` of optimize/run.ts). */
export interface SearchOutcome {
  readonly best: {
    readonly bestEnergy: number;
    readonly stepsToBest: number;
    readonly evaluationsToBest: number;
    readonly secondsToBest: number;
  };
  readonly reachedTarget: boolean;
  readonly minima: readonly { readonly energy: number; readonly positions: Float64Array }[];
}

/** The JSON report of a finished search (null when no local minimisation finished). */
export function searchReport(setup: SearchSetup, outcome: SearchOutcome): SearchReport | null {
  const best = outcome.best;
  if (!Number.isFinite(best.bestEnergy)) return null;
  return {
    potential: setup.potentialName,
    atoms: setup.spec.atoms,
    method: setup.spec.method,
    seed: setup.spec.seed,
    bestEnergy: best.bestEnergy,
    reachedTarget: outcome.reachedTarget,
    stepsToBest: best.stepsToBest,
    evaluations: best.evaluationsToBest,
    seconds: round(best.secondsToBest, 3),
    minima: outcome.minima.map((m) => ({ energy: m.energy })),
    ...(setup.composition ? { composition: compositionText(setup.composition) } : {}),
  };
}

/** "Au12Pd1" from a parsed composition. */
export function compositionText(c: Composition): string {
  return c.elements.map((e, k) => `${e}${c.counts[k]}`).join('');
}

/**
 * The minima as structures: Ar (LJ, Morse) or Ag (Sutton–Chen families) atoms for reduced
 * potentials, with coordinates in the reduced length unit (the title says so), the element of
 * the potential otherwise. `withEnergy` adds `energy=… unit` to each title (the XYZ output).
 */
export function searchStructures(
  setup: SearchSetup,
  outcome: SearchOutcome,
  withEnergy = false,
): Structure[] {
  const z = elementBySymbol(outputElement(setup.spec.potential))?.z ?? 18;
  const reducedNote =
    setup.lengthUnit === 'Å' ? '' : ` (reduced units: lengths in ${setup.lengthUnit}, not Å)`;
  const numbers = setup.composition
    ? compositionNumbers(setup.composition)
    : new Array(setup.spec.atoms).fill(z);
  return outcome.minima.map((m, k) =>
    createStructure({
      numbers,
      positions: m.positions,
      title: `${setup.potentialName} N=${setup.spec.atoms} minimum ${k + 1}${withEnergy ? ` energy=${m.energy.toFixed(6)} ${setup.energyUnit}` : ''}${reducedNote}`,
    }),
  );
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
