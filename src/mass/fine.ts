/**
 * Isotopic fine structure: the smallest set of isotopologues whose total probability reaches
 * p — the definition of IsoSpec (Łącki, Startek, Valkenborg, Gambin, Anal. Chem. 2017, 89,
 * 3272; IsoSpec2: Łącki et al., Anal. Chem. 2020, 92, 9472).
 *
 * Method (IsoSpec's threshold and layered generators, written from the papers' description):
 * 1. Each element's atoms form a multinomial "subisotopologue" distribution over the counts
 *    (c₁…c_k) of its k isotopes: log P = ln n! − Σ ln cᵢ! + Σ cᵢ ln pᵢ. It is log-concave, so
 *    its superlevel sets are connected under one-atom moves; a best-first search from the mode
 *    (found by hill climbing from n·pᵢ) with a visited set lists the subisotopologues in
 *    non-increasing probability, lazily, as far as a threshold needs.
 * 2. An isotopologue is one subisotopologue per element, log-probability the sum. For a threshold
 *    L every isotopologue with log P ≥ L is enumerated by an odometer over the elements' ordered
 *    lists: a list is walked only while its entry plus the current outer sum plus the best the
 *    inner elements can add stays ≥ L, so the work is proportional to what is emitted.
 *    Monoisotopic elements are a constant.
 * 3. Layers: L starts at (most probable) − 0.85 · ½χ²_d(p) (the Gaussian picture, ./cost.ts) and
 *    is lowered by about 10 % a layer, each layer emitting only L ≤ log P < (previous L), until
 *    the layers reach p. In the last layer a quickselect by cumulative probability keeps its most
 *    probable isotopologues until p is reached: the result is the smallest set with total ≥ p (up
 *    to ties of equal probability), as the ordered enumeration would give, in linear time.
 * 4. Sorted by mass with a radix sort that carries the probabilities (./heap.ts); the objects of
 *    `isotopologues` are built only when read (`massesDa` / `probabilities` are the cheap form).
 *
 * Memory: every stored configuration (subisotopologues of each element and isotopologues)
 * counts towards `maxConfigurations` (the layers may hold up to twice that while enumerating, at
 * 16 bytes each); reaching it throws a LimitError that says how
 * far the search got, instead of exhausting the machine.
 */
import { InputError, LimitError } from '../core/errors.js';
import type { RunControl } from '../core/progress.js';
import { fineIsotopologueEstimate, halfChiSquare } from './cost.js';
import { IntegerSet, MaxHeap, sortPairsByKey } from './heap.js';
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
  /** Isotopologues sorted by mass (objects built on first access: see massesDa). */
  readonly isotopologues: readonly FineIsotopologue[];
  /**
   * The same masses (Da) and probabilities as typed arrays, sorted by mass: the cheap form
   * (IsoSpec's too); one object per isotopologue costs more than the search itself at millions.
   */
  readonly massesDa: Float64Array;
  readonly probabilities: Float64Array;
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
  private confKey: number[] = [];
  /** ln x for x = 0 … n (entry 0 unused). */
  private readonly lnInt: Float64Array;
  /** Weight of each count in the numeric key (the last count is implied: weight 0). */
  private readonly radix: Float64Array;
  /** Visited configurations, keyed by their mixed-radix number when it is exact (< 2^53). */
  private readonly seenNumbers: IntegerSet;
  /** Visited flags indexed by the numeric key when the key space is small (≤ 2²¹): no hashing. */
  private readonly seenDense: Uint8Array | null;
  private readonly seenStrings = new Set<string>();
  private readonly numericKeys: boolean;
  private readonly heap: MaxHeap;
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
    // the best-first search (three or more isotopes) only; two isotopes walk a line
    const search = this.k > 2;
    const keySpace = (this.n + 1) ** Math.max(0, this.k - 1);
    this.seenDense = search && keySpace <= 2 ** 21 ? new Uint8Array(keySpace) : null;
    this.seenNumbers = new IntegerSet(search && !this.seenDense ? 256 : 1);
    this.heap = new MaxHeap(search ? 64 : 1);
    this.lnInt = new Float64Array(search ? this.n + 2 : 0);
    if (search) for (let x = 1; x <= this.n + 1; x++) this.lnInt[x] = Math.log(x);
    this.radix = new Float64Array(this.k);
    for (let i = this.k - 2, w = 1; i >= 0; i--, w *= this.n + 1) this.radix[i] = w;
    const c = this.mode(atom.probabilities);
    let m = 0;
    let key = 0;
    for (let i = 0; i < this.k; i++) {
      m += c[i]! * this.massesDa[i]!;
      key += c[i]! * this.radix[i]!;
    }
    if (this.k === 2) {
      // two isotopes: the counts are a line, ordered by walking out from the mode both ways
      this.pushOrdered(c, this.logProb(c), m);
      this.left = c[0]! - 1;
      this.right = c[0]! + 1;
    } else this.discover(c, this.logProb(c), m, key);
  }

  /** Two isotopes: the next counts of the first isotope below and above the ordered ones. */
  private left = -1;
  private right = 0;

  private binomialLogP(c0: number): number {
    if (c0 < 0 || c0 > this.n) return -Infinity;
    const lf = this.lf;
    return lf[this.n]! - lf[c0]! - lf[this.n - c0]! + c0 * this.logP[0]! + (this.n - c0) * this.logP[1]!;
  }

  /** Log-probability of the next subisotopologue in order (−∞ when there is none). */
  private nextLogP(): number {
    if (this.k === 2) return Math.max(this.binomialLogP(this.left), this.binomialLogP(this.right));
    return this.heap.size > 0 ? this.heap.peekKey()! : -Infinity;
  }

  private pushOrdered(c: readonly number[], lp: number, m: number): void {
    const idx = this.confLogP.length;
    for (let i = 0; i < this.k; i++) this.confs.push(c[i]!);
    this.confLogP.push(lp);
    this.confMass.push(m);
    this.order.push(idx);
    this.orderedLogP.push(lp);
    this.orderedMass.push(m);
    this.budget.used++;
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

  /** Record configuration c (log-probability, mass and key already known) unless seen. */
  private discover(c: readonly number[], lp: number, m: number, key: number): void {
    if (this.numericKeys) {
      const dense = this.seenDense;
      if (dense) {
        if (dense[key] === 1) return;
        dense[key] = 1;
      } else if (!this.seenNumbers.add(key)) return;
    } else {
      const text = c.join(',');
      if (this.seenStrings.has(text)) return;
      this.seenStrings.add(text);
    }
    const idx = this.confLogP.length;
    for (let i = 0; i < this.k; i++) this.confs.push(c[i]!);
    this.confLogP.push(lp);
    this.confMass.push(m);
    this.confKey.push(key);
    this.heap.push(lp, idx);
    this.budget.used++;
  }

  /** Make sure the i-th most probable subisotopologue is known; false when there are fewer. */
  ensure(i: number): boolean {
    while (this.order.length <= i) {
      if (this.budget.used >= this.budget.max) return false;
      if (this.k === 2) {
        const l = this.binomialLogP(this.left);
        const r = this.binomialLogP(this.right);
        if (l === -Infinity && r === -Infinity) return false;
        const c0 = l >= r ? this.left-- : this.right++;
        const c1 = this.n - c0;
        this.scratch[0] = c0;
        this.scratch[1] = c1;
        this.pushOrdered(this.scratch, Math.max(l, r), c0 * this.massesDa[0]! + c1 * this.massesDa[1]!);
        continue;
      }
      if (this.heap.size === 0) return false;
      const idx = this.heap.pop();
      this.order.push(idx);
      this.orderedLogP.push(this.confLogP[idx]!);
      this.orderedMass.push(this.confMass[idx]!);
      const c = this.scratch;
      for (let a = 0; a < this.k; a++) c[a] = this.confs[idx * this.k + a]!;
      // one atom moved from isotope a to b: P(c − e_a + e_b)/P(c) = c_a p_b / ((c_b + 1) p_a)
      const lp = this.confLogP[idx]!;
      const m = this.confMass[idx]!;
      const key = this.confKey[idx]!;
      const { lnInt, logP, radix, massesDa } = this;
      for (let a = 0; a < this.k; a++) {
        const ca = c[a]!;
        if (ca === 0) continue;
        const lpA = lp + lnInt[ca]! - logP[a]!;
        for (let b = 0; b < this.k; b++) {
          if (a === b) continue;
          const cb = c[b]!;
          c[a] = ca - 1;
          c[b] = cb + 1;
          this.discover(
            c,
            lpA - lnInt[cb + 1]! + logP[b]!,
            m - massesDa[a]! + massesDa[b]!,
            key - radix[a]! + radix[b]!,
          );
          c[a] = ca;
          c[b] = cb;
        }
      }
    }
    return true;
  }

  /**
   * Make sure every subisotopologue with log-probability ≥ bound is known; returns how many there
   * are (a prefix of the ordered list). Stops early (returning the count so far) at the budget.
   */
  prefixAbove(bound: number): number {
    while (this.nextLogP() >= bound && this.budget.used < this.budget.max) this.ensure(this.order.length);
    const lp = this.orderedLogP;
    let lo = 0;
    let hi = lp.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (lp[mid]! >= bound) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Whether subisotopologues beyond the first `len` exist (known or not yet discovered). */
  hasMoreThan(len: number): boolean {
    return this.order.length > len || this.nextLogP() > -Infinity;
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
  const control = options.control;
  const budget: Budget = { used: 0, max: maxConf };
  const nMax = atoms.reduce((m, a) => Math.max(m, a.count), 0);
  const lf = logFactorials(nMax);
  const marginals = atoms.map((a) => new Marginal(a, lf, budget));
  const e = marginals.length;
  for (const m of marginals) m.ensure(0);
  const capError = (emitted: number, covered: number) =>
    new LimitError(
      'fine-memory-cap',
      `the fine structure needs more than ${maxConf.toLocaleString('en-US')} stored configurations to reach p = ${p}; ` +
        `stopped after ${emitted.toLocaleString('en-US')} isotopologues covering p = ${covered.toPrecision(6)}`,
      {
        hint:
          'use the aggregated envelope (drop --fine), lower --probability, or raise --max-configurations ' +
          `(about ${BYTES_PER_CONFIGURATION} bytes each)`,
      },
    );

  // Layers of decreasing log-probability threshold L = lpTop − t: each layer enumerates the
  // isotopologues with L ≤ log P < (the previous L), until the layers reach p.
  let lpTop = 0;
  for (const m of marginals) lpTop += m.orderedLogP[0]!;
  const out = new Emitted(
    options.withCounts ? e : 0,
    Math.min(2 * maxConf, Math.max(1024, Math.ceil(1.2 * estimate))),
  );
  let covered = 0;
  let upper = Infinity;
  let t = 0.85 * halfChiSquare(atoms, p);
  let layerStart = 0;
  let layerEnd = 0;
  for (;;) {
    const L = lpTop - t;
    const dims: Dim[] = [];
    let constLp = 0;
    let constMass = 0;
    for (let j = 0; j < e; j++) {
      const m = marginals[j]!;
      const len = m.prefixAbove(L - (lpTop - m.orderedLogP[0]!));
      if (budget.used >= budget.max) throw capError(out.n, covered);
      if (len === 1 && !m.hasMoreThan(1)) {
        // a single subisotopologue (monoisotopic element): a constant of every isotopologue
        constLp += m.orderedLogP[0]!;
        constMass += m.orderedMass[0]!;
        continue;
      }
      dims.push({
        lp: Float64Array.from(m.orderedLogP.slice(0, len)),
        mass: Float64Array.from(m.orderedMass.slice(0, len)),
        len,
        more: m.hasMoreThan(len),
        atom: j,
      });
    }
    // the longest list innermost: the tight loop runs over it
    dims.sort((x, y) => y.len - x.len);
    layerStart = out.n;
    // room for twice the cap while enumerating (16 bytes an isotopologue, ≪ the 100 bytes a
    // configuration the cap is reckoned in); what is returned must fit the cap
    const cut = enumerateLayer(dims, L, upper, constLp, constMass, out, 2 * maxConf - budget.used, control);
    if (cut === null) throw capError(out.n, covered);
    layerEnd = out.n;
    let layerSum = 0;
    const prob = out.prob;
    for (let i = layerStart; i < layerEnd; i++) layerSum += prob[i]!;
    if (covered + layerSum >= p || !cut) break;
    covered += layerSum;
    upper = L;
    t = 1.1 * t + 0.3;
  }
  // the last layer: its most probable isotopologues until p is reached (all of it when the
  // layers ended with every isotopologue, covered ≈ 1 up to rounding)
  const taken = takeMostProbable(out, layerStart, layerEnd, p - covered);
  const nEmitted = layerStart + taken;
  budget.used += nEmitted;
  if (budget.used > budget.max) throw capError(nEmitted, p);

  // exact probabilities were summed per layer; the total of what is returned:
  covered = 0;
  for (let i = 0; i < nEmitted; i++) covered += out.prob[i]!;
  const sorted = sortPairsByKey(out.mass, out.prob, nEmitted, options.withCounts === true);
  const massesDa = sorted.keys;
  const probabilities = sorted.values;
  const order = sorted.index;
  // One object per isotopologue only when asked for (millions of them cost more than the search).
  let objects: FineIsotopologue[] | undefined;
  const materialise = (): FineIsotopologue[] => {
    const list: FineIsotopologue[] = new Array(nEmitted);
    for (let r = 0; r < nEmitted; r++) {
      if (!options.withCounts) {
        list[r] = { massDa: massesDa[r]!, probability: probabilities[r]! };
        continue;
      }
      const i = order![r]!;
      const counts = marginals.map((mg, j) => mg.counts(out.tuple[i * e + j]!));
      list[r] = { massDa: massesDa[r]!, probability: probabilities[r]!, counts };
    }
    return list;
  };
  return {
    get isotopologues() {
      objects ??= materialise();
      return objects;
    },
    massesDa,
    probabilities,
    coveredProbability: covered,
    requestedProbability: p,
    storedConfigurations: budget.used,
  };
}

/** One element's ordered subisotopologues down to the layer's bound. */
interface Dim {
  readonly lp: Float64Array;
  readonly mass: Float64Array;
  readonly len: number;
  /** Whether the element has subisotopologues below the bound (so the layer cut some). */
  readonly more: boolean;
  /** Index of the element in the composition (for the counts). */
  readonly atom: number;
}

/** Growable parallel arrays of enumerated isotopologues: probability, mass, index tuple. */
class Emitted {
  n = 0;
  prob: Float64Array;
  mass: Float64Array;
  tuple: Int32Array;
  constructor(
    readonly e: number,
    capacity: number,
  ) {
    this.prob = new Float64Array(capacity);
    this.mass = new Float64Array(capacity);
    this.tuple = new Int32Array(capacity * e);
  }
  reserve(extra: number): void {
    if (this.n + extra <= this.prob.length) return;
    const cap = Math.max(2 * this.prob.length, this.n + extra);
    const p = new Float64Array(cap);
    p.set(this.prob.subarray(0, this.n));
    this.prob = p;
    const m = new Float64Array(cap);
    m.set(this.mass.subarray(0, this.n));
    this.mass = m;
    if (this.e > 0) {
      const t = new Int32Array(cap * this.e);
      t.set(this.tuple.subarray(0, this.n * this.e));
      this.tuple = t;
    }
  }
}

/**
 * Append every isotopologue with L ≤ log P < upper: an odometer over the elements (dims[0]
 * innermost), each list ordered by decreasing log-probability, so a loop stops at the first
 * entry below what the threshold allows given the other elements' best. Returns whether the
 * threshold cut anything (false: nothing exists below L), or null when more than `room`
 * isotopologues would be stored.
 */
function enumerateLayer(
  dims: readonly Dim[],
  L: number,
  upper: number,
  constLp: number,
  constMass: number,
  out: Emitted,
  room: number,
  control: RunControl | undefined,
): boolean | null {
  const d = dims.length;
  const e = out.e;
  if (d === 0) {
    if (constLp >= L && constLp < upper) {
      out.reserve(1);
      out.prob[out.n] = Math.exp(constLp);
      out.mass[out.n] = constMass;
      out.n++;
    }
    return false;
  }
  // best[j] = Σ_{k<j} lp_k[0]: the most the elements inside j can add
  const best = new Float64Array(d + 1);
  for (let j = 1; j <= d; j++) best[j] = best[j - 1]! + dims[j - 1]!.lp[0]!;
  const idx = new Int32Array(d);
  const partLp = new Float64Array(d + 1);
  const partMass = new Float64Array(d + 1);
  partLp[d] = constLp;
  partMass[d] = constMass;
  for (let j = d - 1; j >= 1; j--) {
    partLp[j] = partLp[j + 1]! + dims[j]!.lp[0]!;
    partMass[j] = partMass[j + 1]! + dims[j]!.mass[0]!;
  }
  const lp0 = dims[0]!.lp;
  const p0 = lp0.map(Math.exp);
  const m0 = dims[0]!.mass;
  const len0 = dims[0]!.len;
  const atom0 = dims[0]!.atom;
  let cut = false;
  const start = out.n;
  for (;;) {
    const base = partLp[1]!;
    const baseProb = Math.exp(base);
    const baseMass = partMass[1]!;
    if (out.n + len0 > out.prob.length) out.reserve(len0);
    const prob = out.prob;
    const mass = out.mass;
    let n = out.n;
    // entries with base + lp0[i] ≥ upper belong to earlier layers: a prefix, skipped by bisection
    let i = 0;
    if (base + lp0[0]! >= upper) {
      let hi = len0;
      while (i < hi) {
        const mid = (i + hi) >>> 1;
        if (base + lp0[mid]! >= upper) i = mid + 1;
        else hi = mid;
      }
    }
    for (; i < len0; i++) {
      const v = base + lp0[i]!;
      if (v < L) {
        cut = true;
        break;
      }
      prob[n] = baseProb * p0[i]!;
      mass[n] = baseMass + m0[i]!;
      if (e > 0) {
        const tu = out.tuple;
        for (let j = 1; j < d; j++) tu[n * e + dims[j]!.atom] = idx[j]!;
        tu[n * e + atom0] = i;
      }
      n++;
    }
    if (i === len0 && dims[0]!.more) cut = true;
    const before = out.n;
    out.n = n;
    if (n - start > room) return null;
    if (control?.signal?.aborted && n >>> 16 !== before >>> 16) {
      throw new LimitError('cancelled', 'fine-structure calculation cancelled');
    }
    // advance the odometer: the first element (from inside out) that can still step
    let j = 1;
    for (; j < d; j++) {
      const dim = dims[j]!;
      const next = idx[j]! + 1;
      if (next < dim.len && partLp[j + 1]! + dim.lp[next]! + best[j]! >= L) {
        idx[j] = next;
        partLp[j] = partLp[j + 1]! + dim.lp[next]!;
        partMass[j] = partMass[j + 1]! + dim.mass[next]!;
        for (let k = j - 1; k >= 1; k--) {
          idx[k] = 0;
          partLp[k] = partLp[k + 1]! + dims[k]!.lp[0]!;
          partMass[k] = partMass[k + 1]! + dims[k]!.mass[0]!;
        }
        break;
      }
      if (next < dim.len || dim.more) cut = true;
    }
    if (j === d) return cut;
  }
}

/**
 * Rearrange out[start, end) so that its first k entries are the most probable ones whose sum
 * first reaches `need` (ties at the cut in any order); returns k (end − start if never reached).
 * Quickselect by cumulative probability: expected linear time.
 */
function takeMostProbable(out: Emitted, start: number, end: number, need: number): number {
  const { prob, mass, tuple, e } = out;
  const swap = (a: number, b: number) => {
    const tp = prob[a]!;
    prob[a] = prob[b]!;
    prob[b] = tp;
    const tm = mass[a]!;
    mass[a] = mass[b]!;
    mass[b] = tm;
    for (let k = 0; k < e; k++) {
      const tt = tuple[a * e + k]!;
      tuple[a * e + k] = tuple[b * e + k]!;
      tuple[b * e + k] = tt;
    }
  };
  let lo = start;
  let hi = end;
  while (lo < hi && need > 0) {
    // three-way partition of [lo, hi) about the median of three: > pivot | = pivot | < pivot
    const a = prob[lo]!;
    const b = prob[(lo + hi) >>> 1]!;
    const c = prob[hi - 1]!;
    const pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c)); // median of three
    let gt = lo;
    let i = lo;
    let lt = hi;
    while (i < lt) {
      const v = prob[i]!;
      if (v > pivot) swap(gt++, i++);
      else if (v < pivot) swap(i, --lt);
      else i++;
    }
    let sumGt = 0;
    for (let k = lo; k < gt; k++) sumGt += prob[k]!;
    if (sumGt >= need) {
      hi = gt;
      continue;
    }
    need -= sumGt;
    let k = gt;
    for (; k < lt && need > 0; k++) need -= prob[k]!;
    if (need <= 0) return k - start;
    lo = lt;
  }
  return lo - start;
}
