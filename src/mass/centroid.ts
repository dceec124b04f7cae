/**
 * Profile spectra from instruments: detect them from their sampling, estimate the noise, and
 * centroid them into peaks (so a profile file is never read as thousands of "peaks").
 *
 * Detection (`looksLikeProfile`): a profile spectrum is a sampled signal — many points (≥ 200)
 * on a regular grid: consecutive m/z steps, or spans of 8 steps, agree within 5 % for ≥ 60 % of the points
 * (spans, not single steps, because exports round m/z to few decimals; the grid may be uniform or
 * grow smoothly with m/z as in TOF and Orbitrap data; instruments
 * that drop runs of zero points leave gaps, which break only the pairs at their edges). A peak
 * list is irregular: its steps are the gaps between peaks.
 *
 * Noise (`estimateNoise`): baseline and noise come from the points that are not signal, by
 * iterated 3σ clipping: the baseline is the median intensity and σ = 1.4826 × the median
 * absolute deviation (MAD) about it, recomputed on the points ≤ baseline + 3σ until it settles
 * (≤ 10 rounds). 1.4826 makes the MAD a consistent estimator of the standard deviation of
 * Gaussian noise (Rousseeuw & Croux, J. Am. Stat. Assoc. 1993, 88, 1273).
 *
 * Centroiding (`centroidSpectrum`): every local maximum whose height above the baseline is at
 * least `minSignalToNoise` × σ (default 5) and `minRelativePercent` of the tallest (default 0.05 %),
 * and whose prominence (height above the higher of the two lowest points separating it from
 * taller maxima, searched within ±`prominenceWindow` points) is at least 3σ, gives one peak:
 * its m/z is the mean m/z of the contiguous points above half its height (weights = height above
 * the half-height line, so edge points count ≈ 0), its intensity the apex height above the
 * baseline. A gap in the sampling (a step > 3 × the local step) ends a peak.
 */

export interface ProfileDetection {
  readonly profile: boolean;
  /** Why (for the report). */
  readonly why: string;
  /** Median m/z step, in ppm of the m/z. */
  readonly medianStepPpm: number | null;
}

/** The k-th smallest value (0-based) of `a`, reordering `a` (Hoare's quickselect, O(n) expected). */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    // median of three as the pivot
    const mid = (lo + hi) >> 1;
    const x = a[lo]!;
    const y = a[mid]!;
    const pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), a[hi]!));
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

/** Median of the first `n` values of `xs` (xs is not modified; `scratch` ≥ n long is reused). */
function median(xs: Float64Array, n = xs.length, scratch?: Float64Array): number {
  if (n === 0) return 0;
  const s = scratch ?? new Float64Array(n);
  for (let i = 0; i < n; i++) s[i] = xs[i]!;
  const a = n === s.length ? s : s.subarray(0, n);
  const h = n >> 1;
  if (n % 2) return select(a, h);
  const hiV = select(a, h);
  let loV = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < h; i++) if (a[i]! > loV) loV = a[i]!; // after select, a[0..h) ≤ a[h]
  return 0.5 * (loV + hiV);
}

/** Whether sorted points look like a sampled profile (see the module comment). */
export function looksLikeProfile(mz: Float64Array): ProfileDetection {
  const n = mz.length;
  if (n < 200)
    return { profile: false, why: `${n} points: too few for a sampled profile`, medianStepPpm: null };
  const rel = new Float64Array(n - 1);
  for (let i = 0; i + 1 < n; i++) rel[i] = ((mz[i + 1]! - mz[i]!) / mz[i]!) * 1e6;
  // compare spans of K steps, not single steps: exports print m/z with few decimals (Agilent: 4),
  // and the rounding alone makes single steps of ~0.002 Th differ by 5 %
  // — and single steps too (data with dropped zero runs have gaps every few points, which spoil
  // most spans): a grid by either test is a grid
  const regularity = (K: number) => {
    let count = 0;
    for (let i = 0; i + 2 * K < n; i++) {
      const a = mz[i + K]! - mz[i]!;
      const b = mz[i + 2 * K]! - mz[i + K]!;
      if (a > 0 && b > 0 && Math.abs(b - a) <= 0.05 * Math.max(a, b)) count++;
    }
    return count / (n - 2 * K);
  };
  const fraction = Math.max(regularity(1), regularity(8));
  const step = median(rel);
  const profile = fraction >= 0.6;
  return {
    profile,
    why: profile
      ? `${n} points on a regular grid (${(100 * fraction).toFixed(0)} % of consecutive m/z steps or 8-step spans agree within 5 %; median step ${step.toPrecision(3)} ppm): a profile spectrum`
      : `${n} points with irregular spacing (${(100 * fraction).toFixed(0)} % regular steps): a peak list`,
    medianStepPpm: step,
  };
}

export interface NoiseEstimate {
  /** Baseline intensity (median of the non-signal points). */
  readonly baseline: number;
  /** Noise σ = 1.4826 × MAD of the non-signal points about the baseline. */
  readonly sigma: number;
  /** How many points the estimate kept after clipping. */
  readonly points: number;
}

/** Baseline and noise by iterated 3σ clipping of median/MAD (see the module comment). */
export function estimateNoise(intensity: Float64Array): NoiseEstimate {
  // plain loops over preallocated buffers: typed-array map/filter are slow in V8
  const vals = new Float64Array(intensity);
  const dev = new Float64Array(vals.length);
  const scratch = new Float64Array(vals.length);
  let n = vals.length;
  let baseline = 0;
  let sigma = 0;
  for (let round = 0; round < 10 && n > 0; round++) {
    baseline = median(vals, n, scratch);
    for (let i = 0; i < n; i++) dev[i] = Math.abs(vals[i]! - baseline);
    sigma = 1.4826 * median(dev, n, scratch);
    const cut = baseline + 3 * sigma;
    let kept = 0;
    for (let i = 0; i < n; i++) if (vals[i]! <= cut) vals[kept++] = vals[i]!;
    if (kept === n || kept === 0) break;
    n = kept;
  }
  return { baseline, sigma, points: n };
}

export interface CentroidSettings {
  /** Minimum height above the baseline, in units of the noise σ (default 5). */
  readonly minSignalToNoise?: number;
  /** Minimum height, percent of the tallest point above the baseline (default 0.05). */
  readonly minRelativePercent?: number;
  /** Points searched on each side for the prominence (default 5000). */
  readonly prominenceWindow?: number;
}

export interface CentroidResult {
  readonly mz: Float64Array;
  readonly intensity: Float64Array;
  /** Index of the apex point of every peak in the input. */
  readonly apex: Int32Array;
  readonly noise: NoiseEstimate;
  /** Height above the baseline a maximum needed to count. */
  readonly threshold: number;
  readonly minSignalToNoise: number;
}

/** Centroid a sorted profile spectrum (see the module comment). */
export function centroidSpectrum(
  mz: Float64Array,
  intensity: Float64Array,
  settings: CentroidSettings = {},
): CentroidResult {
  const n = mz.length;
  const snr = settings.minSignalToNoise ?? 5;
  const rel = (settings.minRelativePercent ?? 0.05) / 100;
  const win = settings.prominenceWindow ?? 5000;
  const noise = estimateNoise(intensity);
  const y = new Float64Array(n);
  let top = 0;
  for (let i = 0; i < n; i++) {
    y[i] = intensity[i]! - noise.baseline;
    if (y[i]! > top) top = y[i]!;
  }
  const threshold = Math.max(snr * noise.sigma, rel * top, Number.MIN_VALUE);
  const minProminence = 3 * noise.sigma;
  // local step for gap detection: median of the steps in a window, approximated by the smaller
  // of the two neighbouring steps (a gap is a step > 3 × its neighbour's)
  const gapAfter = (i: number): boolean => {
    if (i < 0 || i + 1 >= n) return true;
    const s = mz[i + 1]! - mz[i]!;
    const left = i > 0 ? mz[i]! - mz[i - 1]! : Number.POSITIVE_INFINITY;
    const right = i + 2 < n ? mz[i + 2]! - mz[i + 1]! : Number.POSITIVE_INFINITY;
    return s > 3 * Math.min(left, right);
  };
  const outMz: number[] = [];
  const outI: number[] = [];
  const outApex: number[] = [];
  for (let i = 0; i < n; i++) {
    const h = y[i]!;
    if (h < threshold) continue;
    const leftOk = i === 0 || gapAfter(i - 1) || h > y[i - 1]!;
    const rightOk = i === n - 1 || gapAfter(i) || h >= y[i + 1]!;
    if (!leftOk || !rightOk) continue;
    // prominence: lowest point before a taller one (or a gap, or the window edge) on each side
    let minL = h;
    for (let k = i - 1, s = 0; k >= 0 && s < win; k--, s++) {
      if (gapAfter(k)) {
        minL = Math.min(minL, 0);
        break;
      }
      if (y[k]! > h) break;
      if (y[k]! < minL) minL = y[k]!;
      if (k === 0) minL = Math.min(minL, 0);
    }
    if (i === 0) minL = 0;
    let minR = h;
    for (let k = i + 1, s = 0; k < n && s < win; k++, s++) {
      if (gapAfter(k - 1)) {
        minR = Math.min(minR, 0);
        break;
      }
      if (y[k]! > h) break;
      if (y[k]! < minR) minR = y[k]!;
      if (k === n - 1) minR = Math.min(minR, 0);
    }
    if (i === n - 1) minR = 0;
    if (h - Math.max(minL, minR) < minProminence) continue;
    // centroid over the contiguous points above half height
    const half = h / 2;
    let l = i;
    while (l > 0 && !gapAfter(l - 1) && y[l - 1]! >= half && y[l - 1]! <= h) l--;
    let r = i;
    while (r < n - 1 && !gapAfter(r) && y[r + 1]! >= half && y[r + 1]! <= h) r++;
    let sw = 0;
    let swx = 0;
    for (let k = l; k <= r; k++) {
      const w = y[k]! - half;
      sw += w;
      swx += w * mz[k]!;
    }
    outMz.push(sw > 0 ? swx / sw : mz[i]!);
    outI.push(h);
    outApex.push(i);
  }
  return {
    mz: Float64Array.from(outMz),
    intensity: Float64Array.from(outI),
    apex: Int32Array.from(outApex),
    noise,
    threshold,
    minSignalToNoise: snr,
  };
}
