/**
 * The aggregated isotopic envelope: the exact isotope distribution of a molecule summed per
 * nucleon number N (every isotopologue with the same total mass number falls into one peak),
 * each peak carrying its probability and its probability-weighted mean mass.
 *
 * Method. For one atom of an element the distribution over mass numbers A is the table's
 * abundance vector pₐ, and the mass-weighted vector is pₐ·mₐ. For two independent parts X, Y
 * the joint distribution over N = Nx + Ny is the convolution
 *     P(N)   = Σ Px(i) Py(N−i)
 *     PM(N)  = Σ [PMx(i) Py(N−i) + Px(i) PMy(N−i)]      (PM = Σ p·mass, so the mean mass of the
 *                                                         peak is PM(N)/P(N))
 * which is exact because the mass of an isotopologue is the sum of the masses of its parts.
 * The distribution of n atoms of one element is built by binary powers (repeated squaring,
 * O(log n) convolutions), and the elements are then convolved together. This is the
 * "aggregated isotopic distribution" of Rockwood et al. (Anal. Chem. 1995, 67, 2699; the
 * mass-weighted variant: Rockwood & Van Orden, Anal. Chem. 1996, 68, 2027) and of BRAIN
 * (Claesen et al., J. Am. Soc. Mass Spectrom. 2012, 23, 753 — polynomial method).
 *
 * Pruning. After every convolution both tails are trimmed where the probability falls below
 * `pruneThreshold` × the tallest peak of that intermediate distribution; the probability so
 * removed is tracked exactly (the total of a convolution is the product of the totals of its
 * factors), so the peaks always sum to 1 − `prunedProbability` up to rounding (~1e-15).
 * Interior peaks are never dropped during the computation.
 *
 * Cost: a convolution of lengths a and b costs a·b multiply-adds; with trimming, envelope
 * widths grow like √n, so even [Mo154O462H14(H2O)70]14− needs only a few hundred peaks.
 */
import { LimitError } from '../core/errors.js';
import { aggregatedCost, MAX_AGGREGATED_OPERATIONS, SECONDS_PER_OPERATION } from './cost.js';
import type { AtomIsotopes } from './isotopes.js';

/** A distribution over consecutive nucleon numbers `offset … offset + length − 1`. */
export interface NucleonDistribution {
  /** Nucleon number (total mass number) of index 0. */
  readonly offset: number;
  /** Probability of each nucleon number. */
  readonly probability: Float64Array;
  /** Σ p·mass of the isotopologues of each nucleon number, Da (mean mass = this / probability). */
  readonly massProbability: Float64Array;
  /** Total probability tracked through pruning (= 1 − pruned probability, exactly propagated). */
  readonly total: number;
}

/** Default relative threshold for trimming the tails of intermediate distributions. */
export const DEFAULT_PRUNE_THRESHOLD = 1e-12;

function singleAtom(atom: AtomIsotopes): NucleonDistribution {
  const a0 = atom.massNumbers[0]!;
  const len = atom.massNumbers[atom.massNumbers.length - 1]! - a0 + 1;
  const probability = new Float64Array(len);
  const massProbability = new Float64Array(len);
  let total = 0;
  for (let i = 0; i < atom.massNumbers.length; i++) {
    const k = atom.massNumbers[i]! - a0;
    const p = atom.probabilities[i]!;
    probability[k] = p;
    massProbability[k] = p * atom.massesDa[i]!;
    total += p;
  }
  return { offset: a0, probability, massProbability, total };
}

/**
 * Convolve two nucleon distributions and trim both tails below `threshold` × max.
 * Allocates the result once; the inner loop allocates nothing.
 */
export function convolve(
  x: NucleonDistribution,
  y: NucleonDistribution,
  threshold: number,
): NucleonDistribution {
  const xp = x.probability;
  const xm = x.massProbability;
  const yp = y.probability;
  const ym = y.massProbability;
  const nx = xp.length;
  const ny = yp.length;
  const len = nx + ny - 1;
  const p = new Float64Array(len);
  const pm = new Float64Array(len);
  for (let i = 0; i < nx; i++) {
    const a = xp[i]!;
    if (a === 0) continue;
    const am = xm[i]!;
    for (let j = 0; j < ny; j++) {
      const b = yp[j]!;
      p[i + j]! += a * b;
      pm[i + j]! += a * ym[j]! + am * b;
    }
  }
  return trim(
    { offset: x.offset + y.offset, probability: p, massProbability: pm, total: x.total * y.total },
    threshold,
  );
}

/** Drop both tails below `threshold` × the tallest peak, subtracting what is dropped from `total`. */
export function trim(d: NucleonDistribution, threshold: number): NucleonDistribution {
  const p = d.probability;
  let max = 0;
  for (let i = 0; i < p.length; i++) if (p[i]! > max) max = p[i]!;
  const cut = max * threshold;
  let lo = 0;
  let hi = p.length - 1;
  let dropped = 0;
  while (lo < hi && p[lo]! < cut) dropped += p[lo++]!;
  while (hi > lo && p[hi]! < cut) dropped += p[hi--]!;
  if (lo === 0 && hi === p.length - 1) return d;
  return {
    offset: d.offset + lo,
    probability: p.slice(lo, hi + 1),
    massProbability: d.massProbability.slice(lo, hi + 1),
    total: d.total - dropped,
  };
}

/** The nucleon distribution of `atom.count` atoms of one kind, by binary powers. */
export function elementDistribution(
  atom: AtomIsotopes,
  threshold = DEFAULT_PRUNE_THRESHOLD,
): NucleonDistribution {
  let n = atom.count;
  let power = singleAtom(atom);
  let result: NucleonDistribution | null = null;
  while (n > 0) {
    if (n & 1) result = result ? convolve(result, power, threshold) : power;
    n = Math.floor(n / 2);
    if (n > 0) power = convolve(power, power, threshold);
  }
  return (
    result ?? { offset: 0, probability: Float64Array.of(1), massProbability: Float64Array.of(0), total: 1 }
  );
}

/**
 * The aggregated envelope of a whole composition (neutral masses, Da).
 * @param atoms resolved composition (see `resolveComposition`)
 * @param threshold relative trimming threshold for intermediate distributions (default 1e-12)
 */
export function aggregatedDistribution(
  atoms: readonly AtomIsotopes[],
  threshold = DEFAULT_PRUNE_THRESHOLD,
): NucleonDistribution {
  // cheap upper bound first (nucleon variance ≤ 36 for every element: spans ≤ 12 nucleons), so
  // ordinary formulas skip the estimate
  const k = 2 * Math.sqrt(2 * Math.log(1 / Math.max(threshold, 1e-300)));
  let bound = 0;
  for (const a of atoms) bound += 6 * k * Math.sqrt(a.count) + 13;
  const ops = 5 * bound * bound > MAX_AGGREGATED_OPERATIONS ? aggregatedCost(atoms, threshold) : 0;
  if (ops > MAX_AGGREGATED_OPERATIONS) {
    const atomsTotal = atoms.reduce((s, a) => s + a.count, 0);
    throw new LimitError(
      'envelope-cost',
      `the isotope envelope of ${atomsTotal.toLocaleString('en-US')} atoms would need about ${ops.toExponential(1)} multiply-adds ` +
        `(≈ ${Math.round(ops * SECONDS_PER_OPERATION)} s; the limit is ${MAX_AGGREGATED_OPERATIONS.toExponential(1)}, ≈ ${Math.round(MAX_AGGREGATED_OPERATIONS * SECONDS_PER_OPERATION)} s)`,
      {
        hint:
          'the envelope of so large a molecule is a near-Gaussian hundreds of peaks wide: compute a representative ' +
          'fragment (e.g. one repeat unit), or raise --prune (1e-6 trims the tails and is ≈ 2× cheaper)',
      },
    );
  }
  // Convolve the narrow (few-isotope, light) parts first: keeps intermediate arrays short.
  const parts = atoms
    .map((a) => elementDistribution(a, threshold))
    .sort((a, b) => a.probability.length - b.probability.length);
  let acc = parts[0]!;
  for (let i = 1; i < parts.length; i++) acc = convolve(acc, parts[i]!, threshold);
  return acc;
}
