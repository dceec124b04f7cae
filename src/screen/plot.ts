/**
 * A property plotted against composition: one variable of the plan on a categorical x axis (in
 * plan order), a numeric property on y, one colour per value of a second
 * variable (the series). Plain SVG text, no script, fonts and colours inline.
 */

import type { RankKey } from './plan.js';
import { rankValue, type ScreenRow } from './rank.js';

export const PLOT_PROPERTIES: readonly RankKey[] = [
  'gap',
  'electrons',
  'energy',
  'energyPerAtom',
  'relaxEnergyPerAtom',
  'charge',
];
const UNITS: Partial<Record<RankKey, string>> = {
  gap: 'eV',
  electrons: 'e',
  energy: 'eV',
  energyPerAtom: 'eV/atom',
  relaxEnergyPerAtom: 'eV/atom',
  charge: 'e',
};
const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#17becf'];

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** About 5 round tick values covering [lo, hi]. */
export function niceTicks(lo: number, hi: number): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step)
    out.push(Number(t.toPrecision(12)));
  return out;
}

export interface PlotOptions {
  readonly y: RankKey;
  /** Variable on the x axis. */
  readonly x: string;
  /** Variable giving the colour, if any. */
  readonly series?: string;
  readonly title?: string;
}

export function propertyPlotSvg(rows: readonly ScreenRow[], o: PlotOptions): string {
  // x values and series in plan order (row.index), not in rank order
  const pts = [...rows]
    .sort((a, b) => a.index - b.index)
    .map((r) => ({
      x: r.vars[o.x],
      s: o.series ? r.vars[o.series] : undefined,
      y: rankValue(r.result, o.y),
      closed: r.result.closed,
    }))
    .filter(
      (p): p is { x: string | number; s: string | number | undefined; y: number; closed: boolean } =>
        p.x !== undefined && typeof p.y === 'number' && Number.isFinite(p.y),
    );
  const xs = [...new Set(pts.map((p) => String(p.x)))];
  const ss = [...new Set(pts.map((p) => String(p.s ?? '')))];
  const W = 640;
  const H = 400;
  const L = 70;
  const R = 130;
  const T = 40;
  const B = 50;
  const ys = pts.map((p) => p.y);
  let lo = ys.length ? Math.min(...ys) : 0;
  let hi = ys.length ? Math.max(...ys) : 1;
  if (hi - lo < 1e-9) {
    lo -= 1;
    hi += 1;
  }
  const pad = (hi - lo) * 0.08;
  lo -= pad;
  hi += pad;
  const px = (i: number) => L + ((i + 0.5) * (W - L - R)) / Math.max(1, xs.length);
  const py = (v: number) => T + ((hi - v) * (H - T - B)) / (hi - lo);
  const unit = UNITS[o.y] ? ` (${UNITS[o.y]})` : '';
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${W / 2}" y="22" text-anchor="middle" font-size="14">${esc(o.title ?? `${o.y}${unit} vs ${o.x}`)}</text>`,
    `<line x1="${L}" y1="${H - B}" x2="${W - R}" y2="${H - B}" stroke="#000"/>`,
    `<line x1="${L}" y1="${T}" x2="${L}" y2="${H - B}" stroke="#000"/>`,
    `<text x="${(L + W - R) / 2}" y="${H - 12}" text-anchor="middle">${esc(o.x)}</text>`,
    `<text x="16" y="${(T + H - B) / 2}" text-anchor="middle" transform="rotate(-90 16 ${(T + H - B) / 2})">${esc(o.y + unit)}</text>`,
  ];
  for (const t of niceTicks(lo, hi)) {
    parts.push(
      `<line x1="${L - 4}" y1="${py(t).toFixed(1)}" x2="${L}" y2="${py(t).toFixed(1)}" stroke="#000"/>`,
      `<text x="${L - 6}" y="${(py(t) + 4).toFixed(1)}" text-anchor="end">${t}</text>`,
    );
  }
  xs.forEach((x, i) => {
    parts.push(`<text x="${px(i).toFixed(1)}" y="${H - B + 16}" text-anchor="middle">${esc(x)}</text>`);
  });
  const width = (W - L - R) / Math.max(1, xs.length);
  for (const p of pts) {
    const k = ss.indexOf(String(p.s ?? ''));
    const dx = ss.length > 1 ? ((k + 0.5) / ss.length - 0.5) * width * 0.6 : 0;
    const cx = px(xs.indexOf(String(p.x))) + dx;
    const colour = COLOURS[k % COLOURS.length];
    parts.push(
      `<circle cx="${cx.toFixed(1)}" cy="${py(p.y).toFixed(1)}" r="5" fill="${p.closed ? colour : 'none'}" stroke="${colour}" stroke-width="1.5"/>`,
    );
  }
  ss.forEach((s, k) => {
    if (!o.series) return;
    const y = T + 10 + 18 * k;
    parts.push(
      `<circle cx="${W - R + 20}" cy="${y}" r="5" fill="${COLOURS[k % COLOURS.length]}"/>`,
      `<text x="${W - R + 30}" y="${y + 4}">${esc(`${o.series} = ${s}`)}</text>`,
    );
  });
  parts.push(`<text x="${W - R + 12}" y="${H - B}" font-size="11">filled: closed shell</text>`, '</svg>');
  return `${parts.join('\n')}\n`;
}
