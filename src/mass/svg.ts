/**
 * SVG plot of a mass spectrum: theoretical sticks, the profile at a resolving power, and an
 * optional measured spectrum overlaid (scaled to 100 % at its tallest point in the plotted
 * range). Pure text generation: self-contained SVG 1.1 with no scripts or external fonts, so it
 * can be dropped into a report or opened in any browser.
 */
import type { Profile, Stick } from './profile.js';

export interface SpectrumPlot {
  readonly title?: string;
  /** Theoretical sticks (any intensity units; scaled to 100 % at the tallest plotted stick). */
  readonly sticks?: readonly Stick[];
  readonly profile?: Profile;
  /** Measured peaks or profile points. */
  readonly measured?: readonly Stick[];
  /** Draw the measured data as a line (profile data) instead of sticks. */
  readonly measuredAsLine?: boolean;
  readonly mzMin?: number;
  readonly mzMax?: number;
  /** Labelled markers (e.g. monoisotopic, most abundant). */
  readonly markers?: readonly { readonly mz: number; readonly label: string }[];
  readonly width?: number;
  readonly height?: number;
  /** Prefix for element ids (unique per panel when several plots share one document). */
  readonly idPrefix?: string;
}

const COLORS = {
  stick: '#1f4e9c',
  profile: '#d9541e',
  measured: '#444444',
  axis: '#222222',
  grid: '#dddddd',
};

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** "Nice" tick step covering `span` with about `count` ticks (1, 2, 5 × 10ⁿ). */
export function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * p;
}

function fmt(x: number, step: number): string {
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return x.toFixed(decimals);
}

/** Render the plot as an SVG document. */
export function spectrumSvg(plot: SpectrumPlot): string {
  const W = plot.width ?? 900;
  const H = plot.height ?? 420;
  const left = 70;
  const right = 20;
  const top = plot.title ? 44 : 20;
  const bottom = 50;
  const pw = W - left - right;
  const ph = H - top - bottom;
  const sticks = plot.sticks ?? [];
  const measured = plot.measured ?? [];
  let lo = plot.mzMin ?? Number.POSITIVE_INFINITY;
  let hi = plot.mzMax ?? Number.NEGATIVE_INFINITY;
  if (plot.mzMin === undefined || plot.mzMax === undefined) {
    const source = sticks.length ? sticks : measured;
    let maxI = 0;
    for (const s of source) maxI = Math.max(maxI, s.intensity);
    for (const s of source) {
      if (s.intensity < maxI * 1e-3) continue;
      if (plot.mzMin === undefined) lo = Math.min(lo, s.mz);
      if (plot.mzMax === undefined) hi = Math.max(hi, s.mz);
    }
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
      lo = 0;
      hi = 1;
    }
    const pad = Math.max((hi - lo) * 0.05, 0.2);
    if (plot.mzMin === undefined) lo -= pad;
    if (plot.mzMax === undefined) hi += pad;
  }
  if (hi <= lo) hi = lo + 1;
  const X = (mz: number) => left + ((mz - lo) / (hi - lo)) * pw;
  const Y = (pct: number) => top + ph - (Math.max(0, Math.min(pct, 105)) / 105) * ph;
  const inRange = (s: Stick) => s.mz >= lo && s.mz <= hi;
  const scale = (list: readonly Stick[]) => {
    let m = 0;
    for (const s of list) if (inRange(s)) m = Math.max(m, s.intensity);
    return m > 0 ? 100 / m : 0;
  };
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
  );
  out.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="#ffffff"/>`);
  if (plot.title) {
    out.push(`<text x="${W / 2}" y="26" text-anchor="middle" font-size="15">${esc(plot.title)}</text>`);
  }
  // grid and axes
  const xs = niceStep(hi - lo, 8);
  for (let t = Math.ceil(lo / xs) * xs; t <= hi + 1e-9; t += xs) {
    const x = X(t).toFixed(1);
    out.push(
      `<line x1="${x}" y1="${top}" x2="${x}" y2="${top + ph}" stroke="${COLORS.grid}" stroke-width="0.5"/>`,
    );
    out.push(`<text x="${x}" y="${top + ph + 18}" text-anchor="middle">${fmt(t, xs)}</text>`);
  }
  for (let t = 0; t <= 100; t += 20) {
    const y = Y(t).toFixed(1);
    out.push(
      `<line x1="${left}" y1="${y}" x2="${left + pw}" y2="${y}" stroke="${COLORS.grid}" stroke-width="0.5"/>`,
    );
    out.push(`<text x="${left - 8}" y="${(Y(t) + 4).toFixed(1)}" text-anchor="end">${t}</text>`);
  }
  out.push(
    `<rect x="${left}" y="${top}" width="${pw}" height="${ph}" fill="none" stroke="${COLORS.axis}" stroke-width="1"/>`,
  );
  out.push(`<text x="${left + pw / 2}" y="${H - 10}" text-anchor="middle" font-style="italic">m/z</text>`);
  out.push(
    `<text x="18" y="${top + ph / 2}" text-anchor="middle" transform="rotate(-90 18 ${top + ph / 2})">relative intensity (%)</text>`,
  );
  const clip = `${plot.idPrefix ?? ''}plot`;
  out.push(`<clipPath id="${clip}"><rect x="${left}" y="${top}" width="${pw}" height="${ph}"/></clipPath>`);
  out.push(`<g clip-path="url(#${clip})">`);
  // measured (behind)
  if (measured.length) {
    const k = scale(measured);
    if (plot.measuredAsLine) {
      out.push(polyline(measured, X, Y, k, lo, hi, pw, COLORS.measured, 1));
    } else {
      const d = measured
        .filter(inRange)
        .map((s) => `M${X(s.mz).toFixed(2)} ${Y(0).toFixed(2)}V${Y(s.intensity * k).toFixed(2)}`)
        .join('');
      out.push(
        `<path d="${d}" stroke="${COLORS.measured}" stroke-opacity="0.55" stroke-width="3" fill="none"/>`,
      );
    }
  }
  // profile
  if (plot.profile) {
    const pts: Stick[] = [];
    for (let i = 0; i < plot.profile.mz.length; i++)
      pts.push({ mz: plot.profile.mz[i]!, intensity: plot.profile.intensity[i]! });
    out.push(polyline(pts, X, Y, scale(pts), lo, hi, pw, COLORS.profile, 1.4));
  }
  // sticks
  if (sticks.length) {
    const k = scale(sticks);
    const d = sticks
      .filter(inRange)
      .map((s) => `M${X(s.mz).toFixed(2)} ${Y(0).toFixed(2)}V${Y(s.intensity * k).toFixed(2)}`)
      .join('');
    out.push(`<path d="${d}" stroke="${COLORS.stick}" stroke-width="1.2" fill="none"/>`);
  }
  for (const m of plot.markers ?? []) {
    if (m.mz < lo || m.mz > hi) continue;
    const x = X(m.mz).toFixed(1);
    out.push(
      `<line x1="${x}" y1="${top}" x2="${x}" y2="${top + ph}" stroke="#2a9d4a" stroke-dasharray="4 3"/>`,
    );
    out.push(
      `<text x="${(X(m.mz) + 3).toFixed(1)}" y="${top + 12}" fill="#2a9d4a" font-size="11">${esc(m.label)}</text>`,
    );
  }
  out.push('</g>');
  // legend
  const legend: [string, string][] = [];
  if (sticks.length) legend.push([COLORS.stick, 'theoretical peaks']);
  if (plot.profile) legend.push([COLORS.profile, `profile, R = ${plot.profile.resolvingPower}`]);
  if (measured.length) legend.push([COLORS.measured, 'measured']);
  legend.forEach(([c, label], i) => {
    const y = top + 14 + i * 16;
    out.push(
      `<line x1="${left + pw - 170}" y1="${y - 4}" x2="${left + pw - 150}" y2="${y - 4}" stroke="${c}" stroke-width="3"/>`,
    );
    out.push(`<text x="${left + pw - 144}" y="${y}">${esc(label)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** A polyline reduced to min/max per pixel column, so a million-point profile stays small. */
function polyline(
  pts: readonly Stick[],
  X: (mz: number) => number,
  Y: (pct: number) => number,
  k: number,
  lo: number,
  hi: number,
  pw: number,
  color: string,
  width: number,
): string {
  const coords: string[] = [];
  let col = Number.NaN;
  let cmin = 0;
  let cmax = 0;
  let cx = 0;
  const flush = () => {
    if (Number.isNaN(col)) return;
    coords.push(`${cx.toFixed(2)},${Y(cmax * k).toFixed(2)}`);
    if (cmin !== cmax) coords.push(`${cx.toFixed(2)},${Y(cmin * k).toFixed(2)}`);
  };
  const step = (hi - lo) / pw / 2;
  for (const p of pts) {
    if (p.mz < lo - step || p.mz > hi + step) continue;
    const c = Math.round((p.mz - lo) / step);
    if (c !== col) {
      flush();
      col = c;
      cmin = p.intensity;
      cmax = p.intensity;
      cx = X(p.mz);
    } else {
      cmin = Math.min(cmin, p.intensity);
      cmax = Math.max(cmax, p.intensity);
    }
  }
  flush();
  return `<polyline points="${coords.join(' ')}" stroke="${color}" stroke-width="${width}" fill="none"/>`;
}

/** Several plots stacked vertically in one SVG document (e.g. one panel per assigned envelope). */
export function stackedSpectraSvg(plots: readonly SpectrumPlot[], title?: string): string {
  const W = Math.max(...plots.map((p) => p.width ?? 900));
  const head = title ? 36 : 0;
  let y = head;
  const parts: string[] = [];
  plots.forEach((p, i) => {
    const h = p.height ?? 300;
    const inner = spectrumSvg({ ...p, height: h, idPrefix: `p${i}-` }).replace(
      /^<svg /,
      `<svg x="0" y="${y}" `,
    );
    parts.push(inner.trimEnd());
    y += h;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${y}" viewBox="0 0 ${W} ${y}" font-family="Helvetica, Arial, sans-serif">`,
    `<rect x="0" y="0" width="${W}" height="${y}" fill="#ffffff"/>`,
    ...(title ? [`<text x="${W / 2}" y="24" text-anchor="middle" font-size="16">${esc(title)}</text>`] : []),
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}
