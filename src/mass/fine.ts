/**
 * Isotopic fine structure: the smallest set of isotopologues whose total probability reaches
 * p — the definition of IsoSpec (Łącki, Startek, Valkenborg, Gambin, Anal. Chem. 2017, 89,
 * 3272; IsoSpec2: Łącki et al., Anal. Chem. 2020, 92, 9472).
 *
 * Method (IsoSpec's "ordered" generator, written from the paper's description):
 * 1. Each element's atoms form a multinomial "subisotopologue" distribution over the counts
 *    (c₁…c_k) of its k isotopes: log P = ln n! − Σ ln cᵢ! + Σ cᵢ ln pᵢ. It is log-concave, so
 *    its superlevel sets are connected under one-atom moves; a best-first search from the mode
 *    (found by hill climbing from n·pᵢ) with a visited set enumerates the subisotopologues in
 *    exactly non-increasing probability, lazily, as far as needed.
 * 2. An isotopologue is one subisotopologue index per element, with probability the product.
 *    The indices are enumerated in non-increasing probability with a max-heap starting from
 *    (0,…,0); each popped tuple t pushes t + e_j for every j up to and including the first
 *    non-zero coordinate of t, which generates every tuple exactly once (its parent is the
 *    tuple with its first non-zero coordinate decreased) and never before its parent.
 * 3. Popping stops as soon as the cumulative probability reaches p: this prefix is the
 *    smallest set with total ≥ p (up to ties of equal probability).
 *
 * Memory: every stored configuration (subisotopologues of each element and visited index
 * tuples) counts towards `maxConfigurations`; reaching it throws a LimitError that says how
 * far the search got, instead of exhausting the machine.
 */
import { InputError, LimitError } from '../core/errors.js';
import type { RunControl } from '../core/progress.js';
import { fineIsotopologueEstimate } from './cost.js';
import { IntegerSet, MaxHeap, sortIndexByKey } from './heap.js';
import type { AtomIsotopes } from './isotopes.js';

export interface FineOptions {
  /** Total probability to cover, 0 < p < 1 (default 0.999). */
  readonly probability?: number;
  /** Cap on stored configurations (default 2 000 000, ≈ 200 MB). */
  readonly maxConfigurations?: number;
  /** Keep the isotope counts of every isotopologue (for comparisons; costs memory). */
  readonly withCounts?: boolean;
  readonly control?: RunControl;
}

export interface FineIsotopologue {
  /** Neutral mass, Da. */
  readonly massDa: number;
  readonly probability: number;
  /** Isotope counts per composition entry and isotope (only with `withCounts`). */
  readonly counts?: readonly (readonly number[])[];
}

export interface FineResult {
  /** Isotopologues sorted by mass. */
  readonly isotopologues: readonly FineIsotopologue[];
  /** Sum of the probabilities of the isotopologues returned (≥ the requested p). */
  readonly coveredProbability: number;
  readonly requestedProbability: number;
  /** Configurations stored while searching. */
  readonly storedConfigurations: number;
}

export const DEFAULT_FINE_PROBABILITY = 0.999;
export const DEFAULT_MAX_CONFIGURATIONS = 2_000_000;
/** Rough memory per stored configuration, bytes (for messages only). */
const BYTES_PER_CONFIGURATION = 100;

/** ln k! for k = 0…n, summed in a table. */
function logFactorials(n: number): Float64Array {
  const lf = new Float64Array(n + 1);
  for (let k = 2; k <= n; k++) lf[k] = lf[k - 1]! + Math.log(k);
  return lf;
}

interface Budget {
  used: number;
  readonly max: number;
}

/** Lazily ordered subisotopologues of one element (best-first from the mode). */
class Marginal {
  readonly k: number;
  private readonly n: number;
  private readonly logP: Float64Array;
  private readonly massesDa: readonly number[];
  private readonly lf: Float64Array;
  /** Flat counts of every discovered configuration (k per configuration). */
  private confs: number[] = [];
  private confLogP: number[] = [];
  private confMass: number[] = [];
  /** Visited configurations, keyed by their mixed-radix number when it is exact (< 2^53). */
  private readonly seenNumbers = new IntegerSet(256);
  private readonly seenStrings = new Set<string>();
  private readonly numericKeys: boolean;
  private readonly heap = new MaxHeap(64);
  /** Discovered-configuration index of the i-th most probable subisotopologue. */
  private readonly order: number[] = [];
  /** Ordered log-probabilities and masses (copies for fast access by the product search). */
  readonly orderedLogP: number[] = [];
  readonly orderedMass: number[] = [];
  private readonly scratch: number[];

  constructor(
    atom: AtomIsotopes,
    lf: Float64Array,
    private readonly budget: Budget,
  ) {
    this.k = atom.probabilities.length;
    this.n = atom.count;
    this.logP = Float64Array.from(atom.probabilities, (p) => Math.log(p));
    this.massesDa = atom.massesDa;
    this.lf = lf;
    this.scratch = new Array<number>(this.k).fill(0);
    this.numericKeys = (this.n + 1) ** Math.max(0, this.k - 1) < 2 ** 53;
    this.discover(this.mode(atom.probabilities));
  }

  private logProb(c: readonly number[]): number {
    let s = this.lf[this.n]!;
    for (let i = 0; i < this.k; i++) s += c[i]! * this.logP[i]! - this.lf[c[i]!]!;
    return s;
  }

  /** The most probable counts: round n·pᵢ, then hill-climb by one-atom moves. */
  private mode(p: readonly number[]): number[] {
    const c = p.map((x) => Math.floor(this.n * x));
    let left = this.n - c.reduce((a, b) => a + b, 0);
    const frac = p.map((x, i) => [this.n * x - c[i]!, i] as const).sort((a, b) => b[0] - a[0]);
    for (let j = 0; left > 0; j = (j + 1) % this.k, left--) c[frac[j]![1]]!++;
    for (let improved = true; improved; ) {
      improved = false;
      for (let i = 0; i < this.k; i++) {
        for (let j = 0; j < this.k; j++) {
          if (i === j || c[i] === 0) continue;
          // P(c − eᵢ + eⱼ)/P(c) = cᵢ pⱼ / ((cⱼ + 1) pᵢ)
          if (c[i]! * p[j]! > (c[j]! + 1) * p[i]! * (1 + 1e-12)) {
            c[i]!--;
            c[j]!++;
            improved = true;
          }
        }
      }
    }
    return c;
  }

  private discover(c: readonly number[]): void {
    if (this.numericKeys) {
      // the last count is implied by the others (they sum to n)
      let key = 0;
      for (let i = 0; i < this.k - 1; i++) key = key * (this.n + 1) + c[i]!;
      if (!this.seenNumbers.add(key)) return;
    } else {
      const key = c.join(',');
      if (this.seenStrings.has(key)) return;
      this.seenStrings.add(key);
    }
    const idx = this.confLogP.length;
    for (let i = 0; i < this.k; i++) this.confs.push(c[i]!);
    const lp = this.logProb(c);
    let m = 0;
    for (let i = 0; i < this.k; i++) m += c[i]! * this.massesDa[i]!;
    this.confLogP.push(lp);
    this.confMass.push(m);
    this.heap.push(lp, idx);
    this.budget.used++;
  }

  /** Make sure the i-th most probable subisotopologue is known; false when there are fewer. */
  ensure(i: number): boolean {
    while (this.order.length <= i) {
      if (this.heap.size === 0) return false;
      if (this.budget.used >= this.budget.max) return false;
      const idx = this.heap.pop();
      this.order.push(idx);
      this.orderedLogP.push(this.confLogP[idx]!);
      this.orderedMass.push(this.confMass[idx]!);
      const c = this.scratch;
      for (let a = 0; a < this.k; a++) c[a] = this.confs[idx * this.k + a]!;
      for (let a = 0; a < this.k; a++) {
        if (c[a] === 0) continue;
        for (let b = 0; b < this.k; b++) {
          if (a === b) continue;
          c[a]!--;
          c[b]!++;
          this.discover(c);
          c[a]!++;
          c[b]!--;
        }
      }
    }
    return true;
  }

  /** Isotope counts of the i-th most probable subisotopologue. */
  counts(i: number): number[] {
    const idx = this.order[i]!;
    return this.confs.slice(idx * this.k, idx * this.k + this.k);
  }
}

/**
 * The smallest set of isotopologues with total probability ≥ p (neutral masses).
 * @throws LimitError when more than `maxConfigurations` configurations would be stored.
 */
export function fineStructure(atoms: readonly AtomIsotopes[], options: FineOptions = {}): FineResult {
  const p = options.probability ?? DEFAULT_FINE_PROBABILITY;
  if (!(p > 0 && p < 1)) {
    throw new InputError('fine-probability', `the total probability to cover must lie in (0, 1), got ${p}`, {
      hint: 'for example --probability 0.999',
    });
  }
  const maxConf = options.maxConfigurations ?? DEFAULT_MAX_CONFIGURATIONS;
  if (!(Number.isInteger(maxConf) && maxConf >= 1)) {
    throw new InputError('fine-max', `maxConfigurations must be a whole number ≥ 1, got ${maxConf}`);
  }
  // refuse at once what the volume estimate says cannot fit (it undercounts, never overcounts
  // much: see cost.ts), instead of after minutes of search
  const estimate = fineIsotopologueEstimate(atoms, p);
  if (estimate > maxConf) {
    throw new LimitError(
      'fine-memory-cap',
      `the fine structure would need about ${estimate.toExponential(1)} isotopologues to reach p = ${p} ` +
        `(estimated before starting), more than the ${maxConf.toLocaleString('en-US')} configurations allowed`,
      {
        hint:
          'use the aggregated envelope (drop --fine), lower --probability, or raise --max-configurations ' +
          `(about ${BYTES_PER_CONFIGURATION} bytes each)`,
      },
    );
  }
  const budget: Budget = { used: 0, max: maxConf };
  const nMax = atoms.reduce((m, a) => Math.max(m, a.count), 0);
  const lf = logFactorials(nMax);
  const marginals = atoms.map((a) => new Marginal(a, lf, budget));
  const e = marginals.length;

  // Index tuples live in one flat growable array (e per tuple); the heap holds tuple numbers
  // keyed by their log-probability (a child's key is its parent's plus one marginal's change).
  let tuples = new Int32Array(1024 * e);
  let nTuples = 0;
  const heap = new MaxHeap(1024);
  const ordered = marginals.map((m) => m.orderedLogP);
  const addTuple = (from: number, bump: number): number => {
    if ((nTuples + 1) * e > tuples.length) {
      const t = new Int32Array(tuples.length * 2);
      t.set(tuples);
      tuples = t;
    }
    const base = nTuples * e;
    if (from < 0) for (let j = 0; j < e; j++) tuples[base + j] = 0;
    else tuples.copyWithin(base, from * e, from * e + e);
    if (bump >= 0) tuples[base + bump]!++;
    budget.used++;
    return nTuples++;
  };
  /** Exact log-probability of a tuple (sum over elements). */
  const tupleLogP = (t: number): number => {
    let s = 0;
    for (let j = 0; j < e; j++) s += ordered[j]![tuples[t * e + j]!]!;
    return s;
  };

  for (const m of marginals) m.ensure(0);
  heap.push(tupleLogP(addTuple(-1, -1)), 0);
  let emitted = new Int32Array(1024);
  let nEmitted = 0;
  let covered = 0;
  const control = options.control;
  while (covered < p) {
    if (heap.size === 0) break; // every isotopologue enumerated (covered ≈ 1 up to rounding)
    const key = heap.peekKey()!;
    const t = heap.pop();
    covered += Math.exp(key);
    if (nEmitted === emitted.length) {
      const grown = new Int32Array(emitted.length * 2);
      grown.set(emitted);
      emitted = grown;
    }
    emitted[nEmitted++] = t;
    if ((nEmitted & 4095) === 0 && control?.signal?.aborted) {
      throw new LimitError('cancelled', 'fine-structure calculation cancelled');
    }
    for (let j = 0; j < e; j++) {
      const idx = tuples[t * e + j]!;
      if (marginals[j]!.ensure(idx + 1)) {
        if (budget.used >= budget.max) break;
        const child = addTuple(t, j);
        const lp = ordered[j]!;
        heap.push(key - lp[idx]! + lp[idx + 1]!, child);
      }
      if (idx > 0) break;
    }
    if (budget.used >= budget.max && covered < p) {
      throw new LimitError(
        'fine-memory-cap',
        `the fine structure needs more than ${maxConf.toLocaleString('en-US')} stored configurations to reach p = ${p}; ` +
          `stopped after ${nEmitted.toLocaleString('en-US')} isotopologues covering p = ${covered.toPrecision(6)}`,
        {
          hint:
            'use the aggregated envelope (drop --fine), lower --probability, or raise --max-configurations ' +
            `(about ${BYTES_PER_CONFIGURATION} bytes each)`,
        },
      );
    }
  }

  // exact masses and probabilities of the emitted tuples, then sort by mass
  const masses = new Float64Array(nEmitted);
  const probs = new Float64Array(nEmitted);
  covered = 0;
  for (let i = 0; i < nEmitted; i++) {
    const t = emitted[i]!;
    let m = 0;
    for (let j = 0; j < e; j++) m += marginals[j]!.orderedMass[tuples[t * e + j]!]!;
    masses[i] = m;
    probs[i] = Math.exp(tupleLogP(t));
    covered += probs[i]!;
  }
  const order = new Int32Array(nEmitted);
  for (let i = 0; i < nEmitted; i++) order[i] = i;
  sortIndexByKey(order, masses);
  const out: FineIsotopologue[] = new Array(nEmitted);
  for (let r = 0; r < nEmitted; r++) {
    const i = order[r]!;
    if (!options.withCounts) {
      out[r] = { massDa: masses[i]!, probability: probs[i]! };
      continue;
    }
    const t = emitted[i]!;
    const counts = marginals.map((m, j) => m.counts(tuples[t * e + j]!));
    out[r] = { massDa: masses[i]!, probability: probs[i]!, counts };
  }
  return {
    isotopologues: out,
    coveredProbability: covered,
    requestedProbability: p,
    storedConfigurations: budget.used,
  };
}
