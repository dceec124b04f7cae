/**
 * Genetic algorithm for cluster structures (Deaven & Ho, Phys. Rev. Lett. 75,
 * 288 (1995); Deaven, Tit, Morris & Ho, Chem. Phys. Lett. 256, 195 (1996)):
 * a population of locally minimised clusters evolves by cut-and-splice
 * crossover — both parents are randomly rotated, the child takes the k
 * highest atoms (along z) of one parent and the N − k lowest of the other —
 * and mutations (twist: rotate the upper half by a random angle about z;
 * surface move of the least-bound atom; random displacement of all atoms).
 * Every child is relaxed; it replaces the worst member when it is lower and
 * not a duplicate (energy within tolerance and the same centroid-distance
 * fingerprint). Parents are chosen by a Boltzmann-weighted roulette on the
 * normalised energy ρ = (E − E_min)/(E_max − E_min), fitness exp(−3ρ)
 * (Johnston, Dalton Trans. 2003, 4193). When the population has not changed
 * for `epochAfter` children, all members but the best are replaced by new
 * random clusters (a new epoch).
 *
 * One "step" is one child (one local minimisation).
 */

import { InputError } from '../core/errors.js';
import type { Rng } from '../core/rng.js';
import { surfaceMove } from './basin-hopping.js';
import {
  centre,
  centroidOf,
  fingerprint,
  fingerprintDistance,
  isConnected,
  randomCluster,
} from './geometry.js';
import {
  checkSearchOptions,
  defaultMinimizer,
  type SearchOptions,
  type SearchResult,
  SearchTracker,
} from './search.js';

export interface GeneticOptions extends SearchOptions {
  /** Population size (default 20). */
  readonly populationSize?: number;
  /** Probability that a child is mutated after crossover (default 0.1). */
  readonly mutationRate?: number;
  /** Children without any change of the population before a new epoch (default 40 × population). */
  readonly epochAfter?: number;
}

interface Member {
  x: Float64Array;
  e: number;
  print: Float64Array;
}

export function geneticAlgorithm(options: GeneticOptions): SearchResult {
  const n = checkSearchOptions(options);
  const pot = options.potential;
  const rng = options.rng;
  const nn = pot.nearestNeighbour;
  const size = options.populationSize ?? 20;
  if (!Number.isInteger(size) || size < 2) {
    throw new InputError('ga-population', `population size must be a whole number ≥ 2, got ${size}`);
  }
  const pm = options.mutationRate ?? 0.1;
  const epochAfter = options.epochAfter ?? 40 * size;
  const fmax = options.fmax ?? (1e-2 * pot.bondEnergy) / nn;
  const polishFmax = (1e-7 * pot.bondEnergy) / nn;
  const minimizer = defaultMinimizer(options);
  const tracker = new SearchTracker(options, 'ga');
  const stack = new Int32Array(n);
  const seen = new Uint8Array(n);
  const atomE = new Float64Array(n);
  const connectCut = 1.6 * nn;
  const eTol = 1e-6 * n * pot.bondEnergy;
  const shapeTol = 1e-2 * nn;

  const relax = (x: Float64Array, tight: boolean): number => {
    const r = minimizer.minimize(pot, x, { fmax: tight ? polishFmax : fmax, shouldStop: tracker.innerStop });
    tracker.evaluations += r.evaluations;
    return r.energy;
  };
  const finish = (x: Float64Array, e: number): number => {
    if (tracker.improves(e) || tracker.nearTarget(e) || tracker.minima.wouldAccept(e)) e = relax(x, true);
    centre(x);
    if (!tracker.interrupted) tracker.record(e, x);
    return e;
  };
  /** A relaxed connected random cluster, or undefined when the time limit / cancellation cut it short. */
  const newRandom = (): Member | undefined => {
    const x = new Float64Array(3 * n);
    let e = 0;
    do {
      randomCluster(n, nn, rng, x);
      e = relax(x, false);
    } while (!tracker.interrupted && !isConnected(x, connectCut, stack, seen));
    if (!tracker.interrupted) e = finish(x, e);
    return tracker.interrupted ? undefined : { x, e, print: fingerprint(x) };
  };

  const pop: Member[] = [];
  while (pop.length < size && !tracker.shouldStop()) {
    tracker.steps++;
    const m = newRandom();
    if (!m) {
      tracker.steps--;
      break;
    }
    pop.push(m);
  }
  const child = new Float64Array(3 * n);
  const a = new Float64Array(3 * n);
  const b = new Float64Array(3 * n);
  const order = new Int32Array(n);
  const keys = new Float64Array(n);
  const weights = new Float64Array(size);
  let unchanged = 0;
  const fillAtomEnergies = () => {
    pot.evaluate(child, undefined, atomE);
  };

  while (!tracker.shouldStop()) {
    tracker.steps++;
    pop.sort((p, q) => p.e - q.e);
    // roulette selection
    const eMin = pop[0]!.e;
    const eMax = pop[pop.length - 1]!.e;
    let wSum = 0;
    for (let k = 0; k < pop.length; k++) {
      const rho = eMax > eMin ? (pop[k]!.e - eMin) / (eMax - eMin) : 0;
      weights[k] = Math.exp(-3 * rho);
      wSum += weights[k]!;
    }
    const pick = (exclude: number): number => {
      for (;;) {
        let r = rng.next() * wSum;
        let k = 0;
        while (k < pop.length - 1 && r >= weights[k]!) {
          r -= weights[k]!;
          k++;
        }
        if (k !== exclude || pop.length < 2) return k;
      }
    };
    const ia = pick(-1);
    const ib = pick(ia);
    // cut and splice
    randomRotation(pop[ia]!.x, a, rng);
    randomRotation(pop[ib]!.x, b, rng);
    const k = 1 + rng.int(n - 1);
    sortByZ(a, n, order, keys);
    for (let m = 0; m < k; m++) copyAtom(a, order[n - 1 - m]!, child, m);
    sortByZ(b, n, order, keys);
    for (let m = 0; m < n - k; m++) copyAtom(b, order[m]!, child, k + m);
    // separate the halves slightly if they overlap badly: shift the top part up until no pair < 0.7 nn
    liftTop(child, k, n, 0.7 * nn);
    if (rng.next() < pm) mutate(child, n, nn, rng, fillAtomEnergies, atomE);
    let e = relax(child, false);
    if (!tracker.interrupted) e = isConnected(child, connectCut, stack, seen) ? finish(child, e) : Number.NaN;
    if (tracker.interrupted) {
      // the time limit or a cancellation cut this child short: discard it
      tracker.steps--;
      break;
    }
    if (Number.isNaN(e)) {
      unchanged++;
    } else {
      const worst = pop[pop.length - 1]!;
      let duplicate = false;
      let print: Float64Array | undefined;
      for (const m of pop) {
        if (Math.abs(m.e - e) < eTol) {
          print ??= fingerprint(child);
          if (fingerprintDistance(print, m.print) < shapeTol) {
            duplicate = true;
            break;
          }
        }
      }
      if (!duplicate && e < worst.e) {
        worst.x.set(child);
        worst.e = e;
        worst.print = print ?? fingerprint(child);
        unchanged = 0;
      } else {
        unchanged++;
      }
    }
    if (unchanged >= epochAfter) {
      // new epoch: keep the best, refill with random clusters
      pop.sort((p, q) => p.e - q.e);
      for (let m = 1; m < pop.length && !tracker.shouldStop(); m++) {
        tracker.steps++;
        const fresh = newRandom();
        if (!fresh) {
          tracker.steps--;
          break;
        }
        pop[m] = fresh;
      }
      unchanged = 0;
    }
    tracker.report({ populationBest: pop[0]!.e });
  }
  tracker.report({}, true);
  return tracker.result();
}

function copyAtom(from: Float64Array, i: number, to: Float64Array, j: number): void {
  to[3 * j] = from[3 * i]!;
  to[3 * j + 1] = from[3 * i + 1]!;
  to[3 * j + 2] = from[3 * i + 2]!;
}

function sortByZ(x: Float64Array, n: number, order: Int32Array, keys: Float64Array): void {
  for (let i = 0; i < n; i++) {
    order[i] = i;
    keys[i] = x[3 * i + 2]!;
  }
  // insertion sort: n is small and this allocates nothing
  for (let i = 1; i < n; i++) {
    const o = order[i]!;
    const kz = keys[o]!;
    let j = i - 1;
    while (j >= 0 && keys[order[j]!]! > kz) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = o;
  }
}

/** Write a uniformly random rotation of the centred `x` into `out` (quaternion from three uniforms, Shoemake 1992). */
export function randomRotation(x: Float64Array, out: Float64Array, rng: Rng): void {
  const u1 = rng.next();
  const u2 = 2 * Math.PI * rng.next();
  const u3 = 2 * Math.PI * rng.next();
  const s1 = Math.sqrt(1 - u1);
  const s2 = Math.sqrt(u1);
  const qw = s1 * Math.sin(u2);
  const qx = s1 * Math.cos(u2);
  const qy = s2 * Math.sin(u3);
  const qz = s2 * Math.cos(u3);
  const r00 = 1 - 2 * (qy * qy + qz * qz);
  const r01 = 2 * (qx * qy - qz * qw);
  const r02 = 2 * (qx * qz + qy * qw);
  const r10 = 2 * (qx * qy + qz * qw);
  const r11 = 1 - 2 * (qx * qx + qz * qz);
  const r12 = 2 * (qy * qz - qx * qw);
  const r20 = 2 * (qx * qz - qy * qw);
  const r21 = 2 * (qy * qz + qx * qw);
  const r22 = 1 - 2 * (qx * qx + qy * qy);
  const n = x.length / 3;
  const [cx, cy, cz] = centroidOf(x, n);
  for (let i = 0; i < n; i++) {
    const px = x[3 * i]! - cx;
    const py = x[3 * i + 1]! - cy;
    const pz = x[3 * i + 2]! - cz;
    out[3 * i] = r00 * px + r01 * py + r02 * pz;
    out[3 * i + 1] = r10 * px + r11 * py + r12 * pz;
    out[3 * i + 2] = r20 * px + r21 * py + r22 * pz;
  }
}

/** Shift atoms [0, k) up along z until no atom of the top part is closer than `min` to the bottom part. */
function liftTop(x: Float64Array, k: number, n: number, min: number): void {
  const min2 = min * min;
  for (let iter = 0; iter < 20; iter++) {
    let clash = false;
    for (let i = 0; i < k && !clash; i++) {
      for (let j = k; j < n; j++) {
        const dx = x[3 * i]! - x[3 * j]!;
        const dy = x[3 * i + 1]! - x[3 * j + 1]!;
        const dz = x[3 * i + 2]! - x[3 * j + 2]!;
        if (dx * dx + dy * dy + dz * dz < min2) {
          clash = true;
          break;
        }
      }
    }
    if (!clash) return;
    for (let i = 0; i < k; i++) x[3 * i + 2] = x[3 * i + 2]! + 0.1 * min;
  }
}

function mutate(
  x: Float64Array,
  n: number,
  nn: number,
  rng: Rng,
  energies: () => void,
  atomE: Float64Array,
): void {
  const r = rng.next();
  if (r < 0.4) {
    // twist: rotate the atoms above the centroid plane about z
    centre(x);
    const t = 2 * Math.PI * rng.next();
    const c = Math.cos(t);
    const s = Math.sin(t);
    for (let i = 0; i < n; i++) {
      if (x[3 * i + 2]! <= 0) continue;
      const px = x[3 * i]!;
      const py = x[3 * i + 1]!;
      x[3 * i] = c * px - s * py;
      x[3 * i + 1] = s * px + c * py;
    }
  } else if (r < 0.8 && n > 3) {
    surfaceMove(x, n, nn, rng, energies, atomE);
  } else {
    for (let k = 0; k < 3 * n; k++) x[k] = x[k]! + 0.4 * nn * (2 * rng.next() - 1);
  }
}
