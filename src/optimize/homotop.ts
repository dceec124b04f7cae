/**
 * Homotop search for alloy clusters (issue 16 item 3): which atom goes where, as well as the shape.
 *
 * A cycle is a short basin-hopping run on the positions with the atom labels fixed
 * ({@link basinHopping}), then an exchange phase: pairs of unlike atoms swap places (their
 * coordinates are exchanged, so the potential's per-atom types stay put), each trial is relaxed
 * (L-BFGS) and kept when it lowers the energy (first-improvement descent over the homotops, as
 * the exchange moves of Johnston's and Ferrando's nanoalloy searches). Cycles repeat until the
 * step limit, the time limit, the target or the patience is reached; one step = one local
 * minimisation, as in the other searches. The potential is built once for the atom labels of the
 * composition (e.g. Au Au … Pd) and never rebuilt.
 */
import { InputError } from '../core/errors.js';
import type { RunControl } from '../core/progress.js';
import type { Rng } from '../core/rng.js';
import type { Potential } from '../potential/types.js';
import { basinHopping } from './basin-hopping.js';
import { centre } from './geometry.js';
import { createLbfgs } from './local.js';
import { MinimaList, type Minimum } from './minima.js';

/** A parsed composition such as Au12Pd1: elements in order of appearance and their counts. */
export interface Composition {
  readonly elements: readonly string[];
  readonly counts: readonly number[];
  /** One symbol per atom (elements in order, each repeated its count). */
  readonly symbols: readonly string[];
}

/** Most atoms of a composition (as MAX_SEARCH_ATOMS of the searches). */
export const MAX_COMPOSITION_ATOMS = 5000;

/**
 * Parse `Au12Pd1`, `Au12Pd`, `Ag27Cu7`, `Au6Ag6Cu1` (count 1 may be left out). Each element once;
 * symbols are case-checked (capital then small letter).
 */
export function parseComposition(text: string): Composition {
  const s = text.trim();
  const bad = (why: string, at?: number) =>
    new InputError(
      'composition',
      `--composition "${s.slice(0, 40)}": ${why}${at !== undefined ? ` (column ${at + 1})` : ''}`,
      { hint: 'write element symbols with counts, e.g. Au12Pd1 or Ag27Cu7' },
    );
  if (s === '') throw bad('empty');
  const re = /([A-Z][a-z]?)(\d*)/y;
  const elements: string[] = [];
  const counts: number[] = [];
  let pos = 0;
  while (pos < s.length) {
    re.lastIndex = pos;
    const m = re.exec(s);
    if (!m) throw bad(`unexpected "${s[pos]}"`, pos);
    const el = m[1]!;
    const count = m[2] === '' ? 1 : Number(m[2]);
    if (!Number.isSafeInteger(count) || count < 1) throw bad(`count of ${el} must be ≥ 1`, pos);
    if (elements.includes(el)) throw bad(`${el} appears twice`, pos);
    elements.push(el);
    counts.push(count);
    pos = re.lastIndex;
  }
  const total = counts.reduce((a, b) => a + b, 0);
  if (total < 2) throw bad('needs at least 2 atoms');
  if (total > MAX_COMPOSITION_ATOMS) throw bad(`${total} atoms is more than ${MAX_COMPOSITION_ATOMS}`);
  const symbols: string[] = [];
  elements.forEach((el, k) => {
    for (let i = 0; i < counts[k]!; i++) symbols.push(el);
  });
  return { elements, counts, symbols };
}

export interface HomotopSearchOptions extends RunControl {
  /** A potential built for `species` (one label per atom). */
  readonly potential: Potential;
  /** Label of each atom (element symbol); atoms with equal labels are interchangeable. */
  readonly species: readonly string[];
  readonly rng: Rng;
  /** Stop after this many local minimisations in all. */
  readonly maxSteps?: number;
  readonly timeLimitSeconds?: number;
  /** Stop when the best energy is at or below target (+ 1e-6 |target|). */
  readonly target?: number;
  /** Stop after this many steps without a new best. */
  readonly patience?: number;
  /** Basin-hopping steps per cycle (default 10 + N). */
  readonly cycleSteps?: number;
  /** Most exchange trials per cycle (default 200). */
  readonly maxSwaps?: number;
  readonly keepMinima?: number;
  /** Up to this many unlike pairs are listed and swept in full; more are sampled (default 20 000). */
  readonly maxListedPairs?: number;
}

export interface HomotopSearchResult {
  readonly bestEnergy: number;
  readonly bestPositions: Float64Array;
  readonly reachedTarget: boolean;
  readonly steps: number;
  readonly stepsToBest: number;
  readonly evaluations: number;
  /** Evaluations until the best energy was first reached. */
  readonly evaluationsToBest: number;
  readonly cycles: number;
  /** Exchange trials tried and those that lowered the energy. */
  readonly swapsTried: number;
  readonly swapsAccepted: number;
  readonly seconds: number;
  readonly secondsToBest: number;
  readonly minima: readonly Minimum[];
}

/** Above this many unlike pairs the exchange phase samples pairs instead of listing them all. */
const MAX_LISTED_PAIRS = 20_000;

/** Basin hopping with exchange moves over the homotops of a fixed composition. */
export function homotopSearch(o: HomotopSearchOptions): HomotopSearchResult {
  const pot = o.potential;
  const n = o.species.length;
  if (pot.atoms !== undefined && pot.atoms !== n)
    throw new InputError('homotop-atoms', `the potential was built for ${pot.atoms} atoms, not ${n}`);
  const now = o.now;
  const t0 = now ? now() : 0;
  const elapsed = () => (now ? (now() - t0) / 1000 : 0);
  const maxSteps = o.maxSteps ?? Number.POSITIVE_INFINITY;
  const timeLimit = o.timeLimitSeconds ?? Number.POSITIVE_INFINITY;
  const patience = o.patience ?? Number.POSITIVE_INFINITY;
  const cycleSteps = o.cycleSteps ?? 10 + n;
  const maxSwaps = o.maxSwaps ?? 200;
  const fmax = (1e-7 * pot.bondEnergy) / pot.nearestNeighbour;
  const lbfgs = createLbfgs();
  const minima = new MinimaList(o.keepMinima ?? 10, 1e-6 * Math.max(1, n), 1e-3);
  const targetTol = o.target !== undefined ? 1e-6 * Math.max(1, Math.abs(o.target)) : 0;
  const reached = (e: number) => o.target !== undefined && e <= o.target + targetTol;
  let steps = 0;
  let evaluations = 0;
  let best = Number.POSITIVE_INFINITY;
  let bestX = new Float64Array(3 * n);
  let stepsToBest = 0;
  let evaluationsToBest = 0;
  let secondsToBest = 0;
  let cycles = 0;
  let swapsTried = 0;
  let swapsAccepted = 0;
  let cur: Float64Array | undefined;
  let curE = Number.POSITIVE_INFINITY;
  const record = (e: number, x: Float64Array) => {
    minima.add(e, x);
    if (e < best - 1e-9 * Math.max(1, Math.abs(e))) {
      best = e;
      bestX = Float64Array.from(x);
      stepsToBest = steps;
      evaluationsToBest = evaluations;
      secondsToBest = elapsed();
    }
  };
  const done = () =>
    steps >= maxSteps ||
    elapsed() >= timeLimit ||
    steps - stepsToBest >= patience ||
    reached(best) ||
    o.signal?.aborted === true;
  const stopNow = () => elapsed() >= timeLimit || o.signal?.aborted === true;
  // unlike pairs (i < j): all of them (shuffled each sweep) when there are at most
  // MAX_LISTED_PAIRS, else a fresh random sample of maxSwaps pairs each sweep
  const counts = new Map<string, number>();
  for (const sp of o.species) counts.set(sp, (counts.get(sp) ?? 0) + 1);
  let same = 0;
  for (const c of counts.values()) same += c * c;
  const totalUnlike = (n * n - same) / 2;
  const listed = totalUnlike <= (o.maxListedPairs ?? MAX_LISTED_PAIRS);
  const unlike: [number, number][] = [];
  if (listed) {
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) if (o.species[i] !== o.species[j]) unlike.push([i, j]);
  }
  const drawPairs = () => {
    if (!listed) {
      unlike.length = 0;
      while (unlike.length < maxSwaps) {
        const i = Math.floor(o.rng.next() * n);
        const j = Math.floor(o.rng.next() * n);
        if (o.species[i] !== o.species[j]) unlike.push(i < j ? [i, j] : [j, i]);
      }
      return;
    }
    // Fisher–Yates shuffle, then first improvement in this order
    for (let k = unlike.length - 1; k > 0; k--) {
      const r = Math.floor(o.rng.next() * (k + 1));
      const t = unlike[k]!;
      unlike[k] = unlike[r]!;
      unlike[r] = t;
    }
  };
  while (!done()) {
    cycles++;
    const bhSteps = Math.max(1, Math.min(cycleSteps, maxSteps - steps));
    const bh = basinHopping({
      potential: pot,
      atoms: n,
      rng: o.rng,
      maxSteps: bhSteps,
      ...(now ? { now } : {}),
      ...(Number.isFinite(timeLimit) ? { timeLimitSeconds: Math.max(1e-3, timeLimit - elapsed()) } : {}),
      ...(cur ? { initial: cur } : {}),
      ...(o.signal ? { signal: o.signal } : {}),
    });
    steps += bh.steps;
    evaluations += bh.evaluations;
    if (!Number.isFinite(bh.bestEnergy)) break;
    record(bh.bestEnergy, bh.bestPositions);
    // the exchange phase starts from the lower of the walk's best and the current structure
    if (bh.bestEnergy < curE) {
      cur = Float64Array.from(bh.bestPositions);
      curE = bh.bestEnergy;
    }
    if (totalUnlike === 0) continue;
    let improved = true;
    let tried = 0;
    while (improved && tried < maxSwaps && !done()) {
      improved = false;
      drawPairs();
      for (const [i, j] of unlike) {
        if (tried >= maxSwaps || done()) break;
        tried++;
        swapsTried++;
        const trial = Float64Array.from(cur!);
        for (let c = 0; c < 3; c++) {
          trial[3 * i + c] = cur![3 * j + c]!;
          trial[3 * j + c] = cur![3 * i + c]!;
        }
        const res = lbfgs.minimize(pot, trial, { fmax, shouldStop: stopNow });
        steps++;
        evaluations += res.evaluations;
        if (res.stopped) break; // a minimisation cut short by the time limit is not a minimum
        if (res.energy < curE - 1e-9 * Math.max(1, Math.abs(curE))) {
          centre(trial);
          cur = trial;
          curE = res.energy;
          swapsAccepted++;
          record(curE, cur);
          improved = true;
          break;
        }
      }
    }
  }
  return {
    bestEnergy: best,
    bestPositions: bestX,
    reachedTarget: reached(best),
    steps,
    stepsToBest,
    evaluations,
    evaluationsToBest,
    cycles,
    swapsTried,
    swapsAccepted,
    seconds: elapsed(),
    secondsToBest,
    minima: minima.list(),
  };
}
