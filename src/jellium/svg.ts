/**
 * SVG drawings of a jellium solution: the Kohn–Sham level diagram (eV, one column per l, filled
 * levels solid, empty ones dashed, occupations written) and the radial density n(r) (bohr⁻³) with
 * the background and the effective potential. Text in, text out (no files here).
 */
import { HARTREE_EV } from '../core/units.js';
import type { JelliumSolution } from './scf.js';
import { L_LETTERS } from './scf.js';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const fmt = (x: number, d = 2): string => (Number.isFinite(x) ? x.toFixed(d) : '—');

/** Level diagram: x = l (S, P, D …), y = eigenvalue (eV). */
export function levelDiagramSvg(s: JelliumSolution, title?: string): string {
  const W = 640;
  const H = 480;
  const left = 70;
  const right = 20;
  const top = 40;
  const bottom = 50;
  const lv = s.levels;
  const lMax = lv.reduce((m, x) => Math.max(m, x.l), 0);
  const es = lv.map((x) => x.energy * HARTREE_EV);
  let eMin = Math.min(...es, 0);
  let eMax = Math.max(...es, 0);
  if (!(eMax > eMin)) {
    eMin -= 1;
    eMax += 1;
  }
  const pad = 0.05 * (eMax - eMin);
  eMin -= pad;
  eMax += pad;
  const cols = lMax + 1;
  const colW = (W - left - right) / cols;
  const y = (e: number) => top + ((eMax - e) / (eMax - eMin)) * (H - top - bottom);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2}" y="20" text-anchor="middle" font-size="14">${esc(
      title ?? `Jellium r_s = ${s.rs} bohr, N = ${s.electrons}, q = ${s.charge} (${s.xc}): Kohn–Sham levels`,
    )}</text>`,
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${H - bottom}" stroke="black"/>`,
    `<text x="18" y="${(top + H - bottom) / 2}" transform="rotate(-90 18 ${(top + H - bottom) / 2})" text-anchor="middle">energy (eV)</text>`,
  );
  const ticks = 6;
  for (let i = 0; i <= ticks; i++) {
    const e = eMin + ((eMax - eMin) * i) / ticks;
    out.push(
      `<line x1="${left - 4}" y1="${fmt(y(e))}" x2="${left}" y2="${fmt(y(e))}" stroke="black"/>`,
      `<text x="${left - 6}" y="${fmt(y(e) + 4)}" text-anchor="end">${fmt(e)}</text>`,
    );
  }
  out.push(
    `<line x1="${left}" y1="${fmt(y(0))}" x2="${W - right}" y2="${fmt(y(0))}" stroke="#999" stroke-dasharray="2 3"/>`,
    `<text x="${W - right}" y="${fmt(y(0) - 3)}" text-anchor="end" fill="#666">vacuum</text>`,
  );
  for (let l = 0; l <= lMax; l++)
    out.push(
      `<text x="${fmt(left + (l + 0.5) * colW)}" y="${H - bottom + 18}" text-anchor="middle">l = ${l} (${L_LETTERS[l] ?? l})</text>`,
    );
  const spinShift = (sp?: 'up' | 'down') => (sp === 'up' ? -0.18 : sp === 'down' ? 0.18 : 0);
  for (const x of lv) {
    const e = x.energy * HARTREE_EV;
    const cx = left + (x.l + 0.5 + spinShift(x.spin)) * colW;
    const half = colW * (x.spin ? 0.15 : 0.3);
    const full = (x.spin ? 1 : 2) * (2 * x.l + 1);
    const filled = x.occupation > 1e-9;
    out.push(
      `<line x1="${fmt(cx - half)}" y1="${fmt(y(e))}" x2="${fmt(cx + half)}" y2="${fmt(y(e))}" stroke="${filled ? '#1f4e9c' : '#c0392b'}" stroke-width="2"${filled ? '' : ' stroke-dasharray="4 3"'}/>`,
      `<text x="${fmt(cx + half + 3)}" y="${fmt(y(e) + 4)}" font-size="10">${esc(x.label)}${x.spin ? (x.spin === 'up' ? '↑' : '↓') : ''} ${fmt(x.occupation, x.occupation % 1 === 0 ? 0 : 2)}/${full}</text>`,
    );
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** Radial electron density, background density (bohr⁻³) and V_eff (eV, right axis) against r (bohr). */
export function densitySvg(s: JelliumSolution, title?: string): string {
  const W = 640;
  const H = 420;
  const left = 70;
  const right = 70;
  const top = 40;
  const bottom = 50;
  // plot to where the density has fallen to 1e-6 of its maximum, at least to 1.6 R
  let nMax = 0;
  for (let i = 0; i < s.density.length; i++) nMax = Math.max(nMax, s.density[i]!, s.background[i]!);
  let iEnd = s.r.length - 1;
  while (iEnd > 1 && s.density[iEnd]! < 1e-6 * nMax && s.r[iEnd]! > 1.6 * s.radius) iEnd--;
  const rMax = s.r[iEnd]!;
  const x = (r: number) => left + (r / rMax) * (W - left - right);
  const yN = (n: number) => top + (1 - n / (1.1 * nMax || 1)) * (H - top - bottom);
  let vMin = 0;
  for (let i = 0; i <= iEnd; i++) vMin = Math.min(vMin, s.potential[i]! * HARTREE_EV);
  vMin *= 1.1;
  const yV = (v: number) => top + (v / (vMin || -1)) * (H - top - bottom);
  const path = (f: (i: number) => number, yf: (v: number) => number) => {
    const step = Math.max(1, Math.floor(iEnd / 400));
    const pts: string[] = [];
    for (let i = 0; i <= iEnd; i += step) pts.push(`${fmt(x(s.r[i]!))},${fmt(yf(f(i)))}`);
    return `M${pts.join(' L')}`;
  };
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2}" y="20" text-anchor="middle" font-size="14">${esc(
      title ?? `Jellium r_s = ${s.rs} bohr, N = ${s.electrons}, q = ${s.charge} (${s.xc}): radial density`,
    )}</text>`,
    `<line x1="${left}" y1="${H - bottom}" x2="${W - right}" y2="${H - bottom}" stroke="black"/>`,
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${H - bottom}" stroke="black"/>`,
    `<line x1="${W - right}" y1="${top}" x2="${W - right}" y2="${H - bottom}" stroke="#888"/>`,
    `<text x="${W / 2}" y="${H - 12}" text-anchor="middle">r (bohr)</text>`,
    `<text x="18" y="${(top + H - bottom) / 2}" transform="rotate(-90 18 ${(top + H - bottom) / 2})" text-anchor="middle">density (bohr⁻³)</text>`,
    `<text x="${W - 14}" y="${(top + H - bottom) / 2}" transform="rotate(90 ${W - 14} ${(top + H - bottom) / 2})" text-anchor="middle" fill="#2e7d32">V_eff (eV)</text>`,
  ];
  for (let i = 0; i <= 5; i++) {
    const r = (rMax * i) / 5;
    const n = (1.1 * nMax * i) / 5;
    const v = (vMin * i) / 5;
    out.push(
      `<text x="${fmt(x(r))}" y="${H - bottom + 16}" text-anchor="middle">${fmt(r, 1)}</text>`,
      `<text x="${left - 6}" y="${fmt(yN(n) + 4)}" text-anchor="end">${n.toExponential(1)}</text>`,
      `<text x="${W - right + 6}" y="${fmt(yV(v) + 4)}" fill="#2e7d32">${fmt(v, 1)}</text>`,
    );
  }
  out.push(
    `<path d="${path((i) => s.background[i]!, yN)}" fill="none" stroke="#999" stroke-width="1.5"/>`,
    `<path d="${path((i) => s.density[i]!, yN)}" fill="none" stroke="#1f4e9c" stroke-width="2"/>`,
    `<path d="${path((i) => s.potential[i]! * HARTREE_EV, yV)}" fill="none" stroke="#2e7d32" stroke-width="1.5" stroke-dasharray="5 3"/>`,
    `<line x1="${fmt(x(s.radius))}" y1="${top}" x2="${fmt(x(s.radius))}" y2="${H - bottom}" stroke="#bbb" stroke-dasharray="2 3"/>`,
    `<text x="${fmt(x(s.radius) + 3)}" y="${top + 12}" fill="#666">R = ${fmt(s.radius, 2)} bohr</text>`,
    `<text x="${W - right - 8}" y="${H - bottom - 48}" text-anchor="end" fill="#1f4e9c">electrons n(r)</text>`,
    `<text x="${W - right - 8}" y="${H - bottom - 34}" text-anchor="end" fill="#999">background n₊(r)</text>`,
    `<text x="${W - right - 8}" y="${H - bottom - 20}" text-anchor="end" fill="#2e7d32">V_eff(r), dashed</text>`,
    '</svg>',
  );
  return `${out.join('\n')}\n`;
}
