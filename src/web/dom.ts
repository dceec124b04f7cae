/**
 * Small DOM helpers for the workbench: element construction without innerHTML (user text is
 * only ever set as text), tables, error boxes with a caret under the failing column, downloads.
 */
import { SuperatomError } from '../core/errors.js';

type Child = Node | string | null | undefined | false;

/** Create an element with attributes and children; strings become text nodes (never parsed as HTML). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'text') e.textContent = String(v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`workbench: element #${id} is missing from index.html`);
  return e as T;
}

/** A table with a caption (screen readers announce it) and numeric columns right-aligned. */
export function table(
  caption: string,
  headers: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  numeric: readonly boolean[] = [],
): HTMLTableElement {
  const t = el('table', {}, el('caption', { class: 'visually-hidden', text: caption }));
  const head = el('tr');
  headers.forEach((h, i) => {
    head.append(el('th', { scope: 'col', class: numeric[i] ? 'num' : undefined, text: h }));
  });
  t.append(el('thead', {}, head));
  const body = el('tbody');
  for (const r of rows) {
    const tr = el('tr');
    r.forEach((c, i) => {
      tr.append(el('td', { class: numeric[i] ? 'num' : undefined, text: String(c) }));
    });
    body.append(tr);
  }
  t.append(body);
  return t;
}

/** Definition list of label → value pairs. */
export function facts(pairs: readonly (readonly [string, string])[]): HTMLDListElement {
  const dl = el('dl', { class: 'facts' });
  for (const [k, v] of pairs) dl.append(el('dt', { text: k }), el('dd', { text: v }));
  return dl;
}

/**
 * Render an error: the message, the offending input with a caret (^^^) under the failing column,
 * and the hint. Errors that are not SuperatomErrors are bugs: they show their message too.
 */
export function errorView(err: unknown, fallbackSource?: string): HTMLElement {
  const box = el('div', { role: 'alert' });
  if (err instanceof SuperatomError) {
    const loc = err.location;
    const where = [
      loc.inputName,
      loc.line !== undefined && loc.line > 1 ? `line ${loc.line}` : undefined,
      loc.column !== undefined ? `column ${loc.column}` : undefined,
    ]
      .filter(Boolean)
      .join(', ');
    box.append(el('p', { text: `Error${where ? ` (${where})` : ''}: ${err.message}` }));
    const src = loc.source ?? (loc.line === undefined || loc.line === 1 ? fallbackSource : undefined);
    if (src !== undefined && loc.column !== undefined) {
      const col = Math.max(1, loc.column);
      const shown = src.length > 160 ? src.slice(Math.max(0, col - 80), col + 80) : src;
      const offset = src.length > 160 ? Math.max(0, col - 80) : 0;
      const caret = `${' '.repeat(col - 1 - offset)}${'^'.repeat(Math.max(1, loc.length ?? 1))}`;
      box.append(el('pre', { 'aria-label': `input with a caret under column ${col}` }, `${shown}\n${caret}`));
    }
    if (err.hint) box.append(el('p', { text: `Hint: ${err.hint}` }));
  } else {
    box.append(el('p', { text: `Error: ${err instanceof Error ? err.message : String(err)}` }));
  }
  return box;
}

/** Offer a file for download (a blob: URL on an <a download>; revoked right after). */
export function download(name: string, data: Blob | string, type = 'text/plain'): void {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A number with fixed decimals, a Unicode minus, and "—" for null. */
export function num(x: number | null | undefined, decimals = 4): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return x.toFixed(decimals).replace('-', '−');
}

/** Charge as "3−" / "1+" / "0". */
export function chargeLabel(z: number): string {
  return z === 0 ? '0' : `${Math.abs(z)}${z < 0 ? '−' : '+'}`;
}

/** Wire a drop zone: dropped files go to `onFile`; the zone highlights while dragging over it. */
export function dropZone(zone: HTMLElement, onFile: (file: File) => void): void {
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    const f = e.dataTransfer?.files?.[0];
    if (f) onFile(f);
  });
}

/** Debounce: run `fn` once `ms` after the last call. */
export function debounce<A extends unknown[]>(fn: (...a: A) => void, ms: number): (...a: A) => void {
  let t: ReturnType<typeof setTimeout> | undefined;
  return (...a: A) => {
    if (t !== undefined) clearTimeout(t);
    t = setTimeout(() => fn(...a), ms);
  };
}
