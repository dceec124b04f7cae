/**
 * Profile spectra at a given resolving power, and their centroids.
 *
 * Profile: every stick (m/z, intensity) becomes a Gaussian of full width at half maximum
 * FWHM = (m/z)/R, i.e. σ = FWHM / (2√(2 ln 2)), summed on a uniform m/z grid with
 * `pointsPerFwhm` points per FWHM of the lightest stick. Each Gaussian is evaluated only within
 * ±`cutoffSigma` σ (default 6, where it has fallen to 1.5e-8 of its height). Heights are
 * normalised so the tallest profile point is 100.
 *
 * Centroids: every local maximum of the profile above `minHeightPercent` gets one centroid,
 * the mean m/z of the points above half of its height within its basin, weighted by their
 * height above the half-height line
 * (between the neighbouring minima), refined at the top by a parabola through the three
 * highest points for the apex. Each centroid says which sticks make up its apex height (a
 * stick's contribution is its Gaussian evaluated at the apex): when more than one stick gives
 * ≥ `contributionPercent` of the height, the centroid is marked unresolved and its position is
 * a blend, not the mass of any one species — the report says so instead of presenting it as a
 * peak. (Two equal peaks count as resolved at 2 % when they are ≥ 2.8 σ ≈ 1.2 FWHM apart.)
 */
import { InputError, LimitError } from '../core/errors.js';

export interface Stick {
  readonly mz: number;
  /** Any non-negative units (e.g. percent of the tallest). */
  readonly intensity: number;
}

export interface ProfileOptions {
  /** Resolving power R = m/FWHM (e.g. 20 000). */
  readonly resolvingPower: number;
  /** Grid points per FWHM at the lightest stick (default 12). */
  readonly pointsPerFwhm?: number;
  /** Gaussians are evaluated within ± this many σ (default 6). */
  readonly cutoffSigma?: number;
  /** Cap on grid points (default 2 000 000). */
  readonly maxPoints?: number;
}

export interface Profile {
  readonly resolvingPower: number;
  /** m/z of every grid point. */
  readonly mz: Float64Array;
  /** Profile height, percent of the tallest point. */
  readonly intensity: Float64Array;
}

const FWHM_PER_SIGMA = 2 * Math.sqrt(2 * Math.LN2);

/**
 * Smallest resolving power accepted. Below it the peak width (m/R) is over a tenth of the m/z
 * itself, the Gaussian's ±6σ window reaches m/z ≤ 0 below R ≈ 2.6, and no mass spectrometer
 * works there (ESI instruments: 10³ (quadrupoles) … 10⁷ (FT-ICR)).
 */
export const MIN_RESOLVING_POWER = 10;
/** Largest resolving power accepted (above FT-ICR's best, ~10⁷). */
export const MAX_RESOLVING_POWER = 1e8;

/** Refuse a resolving power outside [MIN_RESOLVING_POWER, MAX_RESOLVING_POWER] or not finite. */
export function checkResolvingPower(R: number): void {
  if (!(Number.isFinite(R) && R >= MIN_RESOLVING_POWER && R <= MAX_RESOLVING_POWER)) {
    throw new InputError(
      'profile-resolution',
      `the resolving power must be a finite number from ${MIN_RESOLVING_POWER} to ${MAX_RESOLVING_POWER.toExponential(0)}, got ${R}`,
      {
        hint: 'R = m/FWHM; typical values: 1000 (quadrupole), 10000–60000 (TOF), 60000–500000 (Orbitrap), 10⁶ (FT-ICR)',
      },
    );
  }
}

function checkSticks(sticks: readonly Stick[]): void {
  if (sticks.length === 0) throw new InputError('profile-empty', 'no peaks to draw a profile from');
  for (const s of sticks) {
    if (!(s.mz > 0) || !Number.isFinite(s.mz) || !(s.intensity >= 0)) {
      throw new InputError('profile-stick', `invalid peak (m/z ${s.mz}, intensity ${s.intensity})`);
    }
  }
}

/** Sum of Gaussians of FWHM = m/R on a uniform grid (see the module comment). */
export function profileSpectrum(sticks: readonly Stick[], options: ProfileOptions): Profile {
  const R = options.resolvingPower;
  checkResolvingPower(R);
  checkSticks(sticks);
  const ppf = options.pointsPerFwhm ?? 12;
  const cutoff = options.cutoffSigma ?? 6;
  const maxPoints = options.maxPoints ?? 2_000_000;
  let lo = Number.POSITIVE_INFINITY;
  let hi = 0;
  for (const s of sticks) {
    lo = Math.min(lo, s.mz);
    hi = Math.max(hi, s.mz);
  }
  const step = lo / R / ppf;
  const start = lo - (cutoff * lo) / R / FWHM_PER_SIGMA;
  const end = hi + (cutoff * hi) / R / FWHM_PER_SIGMA;
  const n = Math.ceil((end - start) / step) + 1;
  if (n > maxPoints) {
    throw new LimitError(
      'profile-points',
      `the profile would need ${n.toLocaleString('en-US')} points (m/z ${lo.toFixed(2)}–${hi.toFixed(2)} at R = ${R})`,
      { hint: 'lower the resolving power, or plot a narrower m/z range' },
    );
  }
  const mz = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) mz[i] = start + i * step;
  for (const s of sticks) {
    if (s.intensity === 0) continue;
    const sigma = s.mz / R / FWHM_PER_SIGMA;
    const inv = 1 / (2 * sigma * sigma);
    const i0 = Math.max(0, Math.floor((s.mz - cutoff * sigma - start) / step));
    const i1 = Math.min(n - 1, Math.ceil((s.mz + cutoff * sigma - start) / step));
    for (let i = i0; i <= i1; i++) {
      const d = mz[i]! - s.mz;
      y[i]! += s.intensity * Math.exp(-d * d * inv);
    }
  }
  let max = 0;
  for (let i = 0; i < n; i++) if (y[i]! > max) max = y[i]!;
  if (max > 0) for (let i = 0; i < n; i++) y[i] = (100 * y[i]!) / max;
  return { resolvingPower: R, mz, intensity: y };
}

export interface Centroid {
  /** Centroid m/z of the points above half height (weights: height − half height). */
  readonly mz: number;
  /** m/z of the profile apex (parabolic interpolation). */
  readonly apexMz: number;
  /** Apex height, percent of the tallest profile point. */
  readonly height: number;
  /** Full width at half maximum of this profile peak, m/z. */
  readonly fwhm: number;
  /** Sticks contributing ≥ `contributionPercent` of the apex height (their Gaussian at the apex). */
  readonly contributingSticks: number;
  /** True when exactly one stick makes this profile peak (≥ 50 % of it, no other ≥ the cut). */
  readonly resolved: boolean;
  /** m/z of the stick contributing most to the apex. */
  readonly tallestStickMz: number | null;
}

export interface CentroidOptions {
  /** Ignore profile maxima lower than this percent of the tallest (default 0.1). */
  readonly minHeightPercent?: number;
  /** A stick counts as contributing when it makes ≥ this percent of the apex height (default 2). */
  readonly contributionPercent?: number;
}

/** Centroid a profile; `sticks` (optional) lets each centroid say what it is made of. */
export function centroidProfile(
  profile: Profile,
  sticks: readonly Stick[] = [],
  options: CentroidOptions = {},
): Centroid[] {
  const y = profile.intensity;
  const x = profile.mz;
  const n = y.length;
  const minH = options.minHeightPercent ?? 0.1;
  const contrib = (options.contributionPercent ?? 2) / 100;
  const sorted = [...sticks].sort((a, b) => a.mz - b.mz);
  const out: Centroid[] = [];
  for (let i = 1; i < n - 1; i++) {
    const h = y[i]!;
    // local maximum (plateaus: take the first point)
    if (!(h > y[i - 1]! && h >= y[i + 1]!) || h < minH) continue;
    // basin: walk to the neighbouring minima
    let a = i;
    while (a > 0 && y[a - 1]! <= y[a]!) a--;
    let b = i;
    while (b < n - 1 && y[b + 1]! <= y[b]!) b++;
    // centroid over points above half height
    let l = i;
    while (l > a && y[l - 1]! >= h / 2) l--;
    let r = i;
    while (r < b && y[r + 1]! >= h / 2) r++;
    let sw = 0;
    let swx = 0;
    for (let k = l; k <= r; k++) {
      const wk = y[k]! - h / 2; // weights above half height: edge points count ~0, no step bias
      sw += wk;
      swx += wk * x[k]!;
    }
    const denom = y[i - 1]! - 2 * h + y[i + 1]!;
    const shift = denom < 0 ? (0.5 * (y[i - 1]! - y[i + 1]!)) / denom : 0;
    const apexMz = x[i]! + shift * (x[i + 1]! - x[i]!);
    const fwhm = halfWidth(x, y, l, r, h);
    // which sticks make up the apex height: contribution of a stick = its Gaussian at the apex
    const sigma = apexMz / profile.resolvingPower / FWHM_PER_SIGMA;
    let total = 0;
    let tallest: { mz: number; intensity: number; c: number } | null = null;
    const contributions: number[] = [];
    for (const s of sorted) {
      const d = s.mz - apexMz;
      if (Math.abs(d) > 8 * sigma) continue;
      const c = s.intensity * Math.exp((-d * d) / (2 * sigma * sigma));
      contributions.push(c);
      total += c;
      if (!tallest || c > tallest.c) tallest = { mz: s.mz, intensity: s.intensity, c };
    }
    const contributing = contributions.filter((c) => c >= contrib * total).length;
    // resolved: one stick makes the apex. Many small sticks each under the contribution cut
    // (a wide blend, e.g. Sn1000 at R = 1000) count as zero contributing sticks: not resolved.
    const resolved = contributing === 1 && tallest !== null && tallest.c >= 0.5 * total;
    out.push({
      mz: swx / sw,
      apexMz,
      height: h,
      fwhm,
      contributingSticks: contributing,
      resolved,
      tallestStickMz: tallest ? tallest.mz : null,
    });
  }
  return out;
}

function halfWidth(x: Float64Array, y: Float64Array, l: number, r: number, h: number): number {
  const half = h / 2;
  // linear interpolation of the half-height crossings just outside [l, r]
  const left =
    l > 0 && y[l - 1]! < half
      ? x[l - 1]! + ((half - y[l - 1]!) / (y[l]! - y[l - 1]!)) * (x[l]! - x[l - 1]!)
      : x[l]!;
  const right =
    r < y.length - 1 && y[r + 1]! < half
      ? x[r]! + ((y[r]! - half) / (y[r]! - y[r + 1]!)) * (x[r + 1]! - x[r]!)
      : x[r]!;
  return right - left;
}

/**
 * Resolving power needed to separate two neighbouring peaks spaced `spacingMz` apart at `mz`
 * with a clear valley (FWHM equal to the spacing; a Gaussian pair then dips to ~6 % below its
 * tops — the "FWHM definition" of resolution).
 */
export function resolvingPowerToSeparate(mz: number, spacingMz: number): number {
  return mz / spacingMz;
}
