/**
 * Cost estimates made before an isotope calculation starts, so a request that cannot finish in
 * reasonable time or memory is refused at once with a way forward (instead of after minutes).
 *
 * Aggregated envelope (`aggregatedCost`): n atoms of an element with nucleon-number variance v
 * give a distribution of standard deviation √(n v); trimmed at t × its maximum it spans about
 * w = 2 √(2 ln(1/t)) √(n v) + (span of one atom) bins. Building it by repeated squaring costs
 * ≈ 4 w² multiply-adds (the last squarings dominate: w² grows like n, a geometric series), and
 * convolving the elements together costs Σ w_acc · w_e. Measured here at ≈ 7 ns per
 * multiply-add (Node 20): [Mo154O462H14(H2O)70]14− ≈ 1e5 (0.6 ms), Sn 10⁶ ≈ 3e9 (23 s).
 *
 * Fine structure (`fineIsotopologueEstimate`): the isotopologue distribution is approximately a
 * Gaussian in d = Σ (kₑ − 1) dimensions (kₑ isotopes of element e) with covariance determinant
 * Πₑ nₑ^(kₑ−1) Πᵢ pₑᵢ (multinomial), so the smallest set covering probability p holds about
 * V_d · χ²_d(p)^(d/2) · √det configurations (V_d the unit-ball volume, χ²_d(p) the chi-square
 * quantile) — the volume argument of IsoSpec (Łącki et al., Anal. Chem. 2017, 89, 3272). Measured
 * against the search: 0.03–3 × the isotopologues returned, and 0.03–0.98 × the configurations the
 * search stores (Sn10 0.98, Sn15 0.85, Hg30 0.41, W50 0.29, PW12O40 0.21, Ag29(BDTA)12 0.03; it
 * undercounts when nₑpᵢ ≪ 1). The stored configurations are what `maxConfigurations` caps, so a
 * refusal because the estimate exceeds the cap never refuses a calculation that would have fitted;
 * calculations just under the cap can still take tens of seconds to reach it (Sn20: 43 s).
 */
import type { AtomIsotopes } from './isotopes.js';

/** Multiply-adds above which the aggregated envelope is refused (≈ 10 s at 7 ns each). */
export const MAX_AGGREGATED_OPERATIONS = 1.5e9;
/** Measured cost of one multiply-add of the convolution, seconds (for messages). */
export const SECONDS_PER_OPERATION = 7e-9;

function nucleonVarianceAndSpan(a: AtomIsotopes): { variance: number; span: number } {
  let m1 = 0;
  let m2 = 0;
  a.massNumbers.forEach((A, i) => {
    m1 += a.probabilities[i]! * A;
    m2 += a.probabilities[i]! * A * A;
  });
  return {
    variance: Math.max(0, m2 - m1 * m1),
    span: a.massNumbers[a.massNumbers.length - 1]! - a.massNumbers[0]! + 1,
  };
}

/** Estimated multiply-adds of the aggregated envelope (see the module comment). */
export function aggregatedCost(atoms: readonly AtomIsotopes[], threshold: number): number {
  const k = 2 * Math.sqrt(2 * Math.log(1 / Math.max(threshold, 1e-300)));
  const widths = atoms.map((a) => {
    const { variance, span } = nucleonVarianceAndSpan(a);
    return Math.min(a.count * (span - 1) + 1, k * Math.sqrt(a.count * variance) + span);
  });
  let ops = 0;
  for (const w of widths) ops += 4 * w * w;
  widths.sort((a, b) => a - b);
  let acc = widths[0] ?? 1;
  for (let i = 1; i < widths.length; i++) {
    ops += acc * widths[i]!;
    acc += widths[i]!;
  }
  return ops;
}

/** ln Γ(x), Lanczos approximation (g = 7, 9 terms; Numerical Recipes' coefficients set). */
function lnGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const y = x - 1;
  let a = c[0]!;
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9). */
function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.928510446969, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q: number) =>
    (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
    ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

/** Estimated number of isotopologues covering probability p (see the module comment). */
export function fineIsotopologueEstimate(atoms: readonly AtomIsotopes[], p: number): number {
  let d = 0;
  let logDet = 0;
  for (const a of atoms) {
    const k = a.probabilities.length;
    if (k < 2 || a.count === 0) continue;
    d += k - 1;
    logDet += (k - 1) * Math.log(a.count);
    for (const x of a.probabilities) logDet += Math.log(x);
  }
  if (d === 0) return 1;
  const q = chiSquareQuantile(d, p);
  const logVolume = (d / 2) * Math.log(Math.PI) - lnGamma(d / 2 + 1);
  return Math.max(1, Math.exp(logVolume + (d / 2) * Math.log(q) + 0.5 * logDet));
}

/** Chi-square quantile by Wilson–Hilferty (J. Am. Stat. Assoc. 1931): accurate to ~1 % for d ≥ 1. */
function chiSquareQuantile(d: number, p: number): number {
  const z = normalQuantile(p);
  const h = 2 / (9 * d);
  return d * Math.max(0, 1 - h + z * Math.sqrt(h)) ** 3;
}

/**
 * ½ χ²_d(p), d = Σ (kₑ − 1): in the Gaussian picture above, the drop of ln P from the most
 * probable isotopologue to the edge of the set covering p (the fine structure's first threshold).
 */
export function halfChiSquare(atoms: readonly AtomIsotopes[], p: number): number {
  let d = 0;
  for (const a of atoms) if (a.probabilities.length >= 2 && a.count > 0) d += a.probabilities.length - 1;
  return d === 0 ? 1 : chiSquareQuantile(d, p) / 2;
}
