/**
 * Measured spectra in, peaks out: the one entry point for every peak-list reader (delimited text
 * and mzML), used by the CLI and the web workbench alike (text in, data out; no files here).
 *
 * - Delimited text (CSV, TSV, semicolons, spaces; header or not; preamble lines; a leading index
 *   column; decimal commas; columns by name or number): see `delimited.ts`.
 * - mzML (HUPO-PSI open standard): see `mzml.ts`. The spectrum is the first MS1 scan by default,
 *   a chosen scan (`scan: N`), or the sum of all MS1 scans (`scan: 'sum'`).
 * - Profile data (a sampled signal, from the file's own MS:1000128 flag or from its sampling) is
 *   centroided with a stated noise estimate (see `centroid.ts`), never read as thousands of
 *   peaks.
 * Every choice that could be wrong is written into `reading.notes` (the CLI prints them, the
 * JSON carries them as `reading`).
 */
import { excerpt, InputError } from '../core/errors.js';
import { centroidSpectrum, looksLikeProfile } from './centroid.js';
import { type DelimitedReading, readDelimited } from './delimited.js';
import {
  listMzmlSpectra,
  looksLikeMzml,
  type MzmlSpectrumHeader,
  mzmlParamGroups,
  readMzmlSpectrum,
} from './mzml.js';

export interface MeasuredPeak {
  /** m/z (Th). */
  readonly mz: number;
  /** Intensity, arbitrary units ≥ 0. */
  readonly intensity: number;
  /** 1-based line of the input it came from (mzML: the line of its `<spectrum>`). */
  readonly line: number;
}

export interface PeakListOptions {
  /** Name of the input in errors and notes (its file name). */
  readonly inputName?: string;
  /** Delimited text: the m/z column, 1-based number or header name. */
  readonly mzColumn?: string | number;
  /** Delimited text: the intensity column, 1-based number or header name. */
  readonly intensityColumn?: string | number;
  /** mzML: a scan number, 'sum' (all MS1 scans) or 'first' (the first MS1 scan, default). */
  readonly scan?: number | 'sum' | 'first';
  /** 'auto' (default): detect profile data; 'profile' / 'centroid' force it. */
  readonly dataType?: 'auto' | 'profile' | 'centroid';
  /** Profile data: minimum signal-to-noise of a peak (default 5). */
  readonly minSignalToNoise?: number;
}

export interface CentroidingReading {
  /** Points in the profile. */
  readonly points: number;
  /** Peaks found. */
  readonly peaks: number;
  readonly baseline: number;
  /** Noise σ (1.4826 × MAD of the non-signal points about the baseline). */
  readonly noise: number;
  readonly noiseMethod: string;
  /** Height above the baseline a peak needed. */
  readonly threshold: number;
  readonly minSignalToNoise: number;
}

export interface PeakListReading {
  readonly format: 'text' | 'mzML';
  /** Delimited text: separator, decimal mark, header, columns. */
  readonly text?: Omit<DelimitedReading, 'notes'>;
  /** mzML: which spectrum (or spectra) were read. */
  readonly spectrum?: {
    readonly spectraInFile: number;
    readonly ids: readonly string[];
    readonly msLevel: number | null;
    readonly summed: number;
  };
  readonly dataType: 'profile' | 'centroid';
  /** Where the data type came from. */
  readonly dataTypeFrom: 'file' | 'sampling' | 'asked';
  /** Points in the input spectrum. */
  readonly points: number;
  readonly centroiding?: CentroidingReading;
  /** How the file was read, one line each. */
  readonly notes: readonly string[];
}

export interface PeakListResult {
  /** Sorted by m/z. */
  readonly peaks: MeasuredPeak[];
  readonly reading: PeakListReading;
}

const NOISE_METHOD =
  'baseline = median, noise σ = 1.4826 × median absolute deviation, of the points left after iterated 3σ clipping';

/** Read a measured spectrum (see the module comment). */
export function readPeakList(text: string, options: PeakListOptions = {}): PeakListResult {
  const inputName = options.inputName ?? 'peak list';
  const notes: string[] = [];
  let mz: Float64Array;
  let intensity: Float64Array;
  let lineOf: (i: number) => number;
  let fileKind: 'profile' | 'centroid' | null = null;
  let format: 'text' | 'mzML';
  let textReading: DelimitedReading | undefined;
  let spectrumReading: PeakListReading['spectrum'];
  if (looksLikeMzml(text)) {
    format = 'mzML';
    const r = readMzml(text, options, inputName);
    mz = r.mz;
    intensity = r.intensity;
    const line = r.line;
    lineOf = () => line;
    fileKind = r.kind;
    spectrumReading = r.reading;
    notes.push(...r.notes);
  } else {
    if (options.scan !== undefined && options.scan !== 'first') {
      throw new InputError('peaks-scan', '--scan applies to mzML files; this file is delimited text', {
        location: { inputName },
        hint: 'leave --scan out, or export the run as mzML',
      });
    }
    format = 'text';
    const d = readDelimited(text, {
      inputName,
      ...(options.mzColumn !== undefined ? { mzColumn: options.mzColumn } : {}),
      ...(options.intensityColumn !== undefined ? { intensityColumn: options.intensityColumn } : {}),
    });
    textReading = d.reading;
    notes.push(...d.reading.notes);
    // sort by m/z, keeping the lines
    const order = Array.from(d.mz.keys()).sort((a, b) => d.mz[a]! - d.mz[b]!);
    mz = Float64Array.from(order, (i) => d.mz[i]!);
    intensity = Float64Array.from(order, (i) => d.intensity[i]!);
    const lines = Int32Array.from(order, (i) => d.lines[i]!);
    lineOf = (i) => lines[i]!;
  }
  if (mz.length === 0) {
    throw new InputError(
      'peaks-empty',
      format === 'mzML' ? 'the chosen spectrum has no points' : 'the peak list is empty',
      {
        location: { inputName },
        hint: 'give one peak per line: m/z, intensity (for example "1779.2755,100")',
      },
    );
  }
  let maxI = 0;
  for (const v of intensity) if (v > maxI) maxI = v;
  if (!(maxI > 0)) {
    throw new InputError('peaks-zero', 'every intensity in the peak list is 0', { location: { inputName } });
  }
  // --- profile or centroid
  const asked = options.dataType ?? 'auto';
  let dataType: 'profile' | 'centroid';
  let dataTypeFrom: PeakListReading['dataTypeFrom'];
  if (asked !== 'auto') {
    dataType = asked;
    dataTypeFrom = 'asked';
    notes.push(`read as ${asked} data, as asked`);
  } else if (fileKind) {
    dataType = fileKind;
    dataTypeFrom = 'file';
    notes.push(
      `${fileKind} data, as the file says (${fileKind === 'profile' ? 'MS:1000128' : 'MS:1000127'})`,
    );
  } else {
    const det = looksLikeProfile(mz);
    dataType = det.profile ? 'profile' : 'centroid';
    dataTypeFrom = 'sampling';
    if (det.profile) notes.push(`${det.why}; use --data-type centroid if these are peaks`);
  }
  const points = mz.length;
  let peaks: MeasuredPeak[];
  let centroiding: CentroidingReading | undefined;
  if (dataType === 'profile') {
    const c = centroidSpectrum(mz, intensity, {
      ...(options.minSignalToNoise !== undefined ? { minSignalToNoise: options.minSignalToNoise } : {}),
    });
    peaks = Array.from(c.mz, (m, k) => ({ mz: m, intensity: c.intensity[k]!, line: lineOf(c.apex[k]!) }));
    centroiding = {
      points,
      peaks: peaks.length,
      baseline: c.noise.baseline,
      noise: c.noise.sigma,
      noiseMethod: NOISE_METHOD,
      threshold: c.threshold,
      minSignalToNoise: c.minSignalToNoise,
    };
    notes.push(
      `centroided ${points} profile points into ${peaks.length} peak${peaks.length === 1 ? '' : 's'}: baseline ${fmt(c.noise.baseline)}, noise σ ${fmt(c.noise.sigma)} (1.4826 × MAD after 3σ clipping); a peak needs ≥ ${c.minSignalToNoise} σ and ≥ 0.05 % of the tallest (threshold ${fmt(c.threshold)} above the baseline)`,
    );
    if (peaks.length === 0) {
      throw new InputError(
        'peaks-none-above-noise',
        `no peak stands above the noise (σ ${fmt(c.noise.sigma)})`,
        {
          location: { inputName },
          hint: 'lower the signal-to-noise threshold, or give --data-type centroid if the file is a peak list',
        },
      );
    }
  } else {
    peaks = Array.from(mz, (m, k) => ({ mz: m, intensity: intensity[k]!, line: lineOf(k) }));
  }
  const reading: PeakListReading = {
    format,
    ...(textReading ? { text: withoutNotes(textReading) } : {}),
    ...(spectrumReading ? { spectrum: spectrumReading } : {}),
    dataType,
    dataTypeFrom,
    points,
    ...(centroiding ? { centroiding } : {}),
    notes,
  };
  return { peaks, reading };
}

/** Peaks only (delimited text or mzML, profile data centroided); see `readPeakList`. */
export function parsePeakList(text: string, inputName = 'peak list'): MeasuredPeak[] {
  return readPeakList(text, { inputName }).peaks;
}

function withoutNotes(r: DelimitedReading): Omit<DelimitedReading, 'notes'> {
  const { notes: _notes, ...rest } = r;
  return rest;
}

function fmt(x: number): string {
  return x === 0 ? '0' : Math.abs(x) >= 0.01 && Math.abs(x) < 1e6 ? x.toPrecision(4) : x.toExponential(3);
}

function readMzml(
  text: string,
  options: PeakListOptions,
  inputName: string,
): {
  mz: Float64Array;
  intensity: Float64Array;
  line: number;
  kind: 'profile' | 'centroid' | null;
  reading: NonNullable<PeakListReading['spectrum']>;
  notes: string[];
} {
  const headers = listMzmlSpectra(text, inputName);
  if (headers.length === 0) {
    throw new InputError('mzml-no-spectra', 'the mzML file holds no <spectrum>', {
      location: { inputName },
      hint: 'export the MS run (not only chromatograms) to mzML',
    });
  }
  const groups = mzmlParamGroups(text);
  const ms1 = headers.filter((h) => h.msLevel === null || h.msLevel === 1);
  const notes: string[] = [];
  const scan = options.scan ?? 'first';
  let chosen: MzmlSpectrumHeader[];
  if (scan === 'first') {
    chosen = [ms1[0] ?? headers[0]!];
    notes.push(
      ms1.length
        ? `mzML: spectrum "${excerpt(chosen[0]!.id, 80)}" (the first MS1 scan of ${headers.length}); --scan N picks another, --scan sum adds all MS1 scans`
        : `mzML: no MS1 scan; spectrum "${excerpt(chosen[0]!.id, 80)}" (MS${chosen[0]!.msLevel}), the first of ${headers.length}`,
    );
  } else if (scan === 'sum') {
    chosen = ms1.length ? ms1 : headers;
    notes.push(`mzML: the sum of ${chosen.length} ${ms1.length ? 'MS1 ' : ''}scans`);
  } else {
    const byScan = headers.filter((h) => h.scan === scan);
    const anyScan = headers.some((h) => h.scan !== null);
    const h = byScan[0] ?? (!anyScan ? headers[scan - 1] : undefined);
    if (!h) {
      const nums = headers.map((x) => x.scan).filter((x): x is number => x !== null);
      throw new InputError('mzml-scan', `the mzML file has no scan ${scan}`, {
        location: { inputName },
        hint: nums.length
          ? `its scans run from ${Math.min(...nums)} to ${Math.max(...nums)} (${headers.length} spectra)`
          : `its spectra have no scan numbers: give a position from 1 to ${headers.length}`,
      });
    }
    chosen = [h];
    notes.push(
      `mzML: spectrum "${excerpt(h.id, 80)}" (${byScan[0] ? `scan=${scan}` : `position ${scan}`}${h.msLevel !== null ? `, MS${h.msLevel}` : ''})`,
    );
  }
  const spectra = chosen.map((h) => readMzmlSpectrum(text, h, inputName, groups));
  const kinds = new Set(spectra.map((s) => s.kind));
  const kind = kinds.size === 1 ? spectra[0]!.kind : null;
  const reading = {
    spectraInFile: headers.length,
    ids: (chosen.length <= 5 ? chosen : chosen.slice(0, 5))
      .map((h) => excerpt(h.id, 80))
      .concat(chosen.length > 5 ? ['…'] : []),
    msLevel: chosen[0]!.msLevel,
    summed: chosen.length,
  };
  if (spectra.length === 1) {
    const s = spectra[0]!;
    const { mz, intensity } = sortPoints(s.mz, s.intensity, inputName, s.line);
    return { mz, intensity, line: s.line, kind, reading, notes };
  }
  // sum: profile scans are interpolated onto the first scan's grid; peak lists are merged
  const sorted = spectra.map((s) => sortPoints(s.mz, s.intensity, inputName, s.line));
  if (kind === 'profile' || (kind === null && looksLikeProfile(sorted[0]!.mz).profile)) {
    const grid = sorted[0]!.mz;
    const sum = Float64Array.from(sorted[0]!.intensity);
    for (const s of sorted.slice(1)) addInterpolated(grid, sum, s.mz, s.intensity);
    notes.push(`profile scans summed on the grid of the first (linear interpolation, no value across gaps)`);
    return { mz: grid, intensity: sum, line: spectra[0]!.line, kind: 'profile', reading, notes };
  }
  const merged = mergeCentroids(sorted, 5);
  notes.push(
    'centroided scans merged: peaks within 5 ppm are one peak (intensities summed, m/z intensity-weighted)',
  );
  return { ...merged, line: spectra[0]!.line, kind: kind ?? 'centroid', reading, notes };
}

function sortPoints(
  mz: Float64Array,
  intensity: Float64Array,
  inputName: string,
  line: number,
): { mz: Float64Array; intensity: Float64Array } {
  for (let i = 0; i < mz.length; i++) {
    const m = mz[i]!;
    const y = intensity[i]!;
    if (!(m > 0) || !Number.isFinite(m) || !(y >= 0) || !Number.isFinite(y)) {
      throw new InputError(
        'mzml-value',
        `point ${i + 1} of the spectrum is invalid (m/z ${m}, intensity ${y}): m/z must be > 0 and intensity ≥ 0, both finite`,
        { location: { inputName, line } },
      );
    }
  }
  let sorted = true;
  for (let i = 1; i < mz.length && sorted; i++) if (mz[i]! < mz[i - 1]!) sorted = false;
  if (sorted) return { mz, intensity };
  const order = Array.from(mz.keys()).sort((a, b) => mz[a]! - mz[b]!);
  return {
    mz: Float64Array.from(order, (i) => mz[i]!),
    intensity: Float64Array.from(order, (i) => intensity[i]!),
  };
}

function addInterpolated(grid: Float64Array, sum: Float64Array, mz: Float64Array, y: Float64Array): void {
  let j = 0;
  for (let i = 0; i < grid.length; i++) {
    const g = grid[i]!;
    while (j + 1 < mz.length && mz[j + 1]! < g) j++;
    if (j + 1 >= mz.length || mz[j]! > g) continue;
    const a = mz[j]!;
    const b = mz[j + 1]!;
    const step = b - a;
    const prev = j > 0 ? a - mz[j - 1]! : step;
    const next = j + 2 < mz.length ? mz[j + 2]! - b : step;
    if (step > 3 * Math.min(prev, next)) continue; // a gap in that scan
    sum[i]! += y[j]! + ((y[j + 1]! - y[j]!) * (g - a)) / step;
  }
}

function mergeCentroids(
  spectra: readonly { mz: Float64Array; intensity: Float64Array }[],
  ppm: number,
): { mz: Float64Array; intensity: Float64Array } {
  const all: [number, number][] = [];
  for (const s of spectra) for (let i = 0; i < s.mz.length; i++) all.push([s.mz[i]!, s.intensity[i]!]);
  all.sort((a, b) => a[0] - b[0]);
  const mz: number[] = [];
  const y: number[] = [];
  let wm = 0;
  let w = 0;
  let last = -1;
  for (const [m, v] of all) {
    if (last > 0 && m - last <= last * ppm * 1e-6) {
      wm += m * v;
      w += v;
      y[y.length - 1] = w;
      mz[mz.length - 1] = w > 0 ? wm / w : m;
    } else {
      wm = m * v;
      w = v;
      mz.push(m);
      y.push(v);
    }
    last = m;
  }
  return { mz: Float64Array.from(mz), intensity: Float64Array.from(y) };
}
