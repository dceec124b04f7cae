/**
 * `catalogue map`: a periodic table (SVG) of how each element's clusters are made. Each element
 * that is part of a catalogued cluster framework (outside its ligands) gets a cell split into
 * bands, one per synthesis method, as wide as the share of that element's entries made that way;
 * the cell shows the number of entries and its tooltip lists them by method.
 */
import { elementBySymbol, elementByZ } from '../../data/index.js';
import type { CatalogueListing } from '../../workflows/catalogue.js';

/** Row and column (1-based) of element z in the 18-column table; La–Lu and Ac–Lr in rows 9–10. */
export function tablePosition(z: number): { row: number; col: number } {
  if (z === 1) return { row: 1, col: 1 };
  if (z === 2) return { row: 1, col: 18 };
  const block = (start: number, row: number) => {
    const k = z - start; // 0..7 for periods 2 and 3
    return { row, col: k < 2 ? k + 1 : k + 11 };
  };
  if (z <= 10) return block(3, 2);
  if (z <= 18) return block(11, 3);
  if (z <= 36) return { row: 4, col: z - 18 };
  if (z <= 54) return { row: 5, col: z - 36 };
  if (z <= 56) return { row: 6, col: z - 54 };
  if (z <= 71) return { row: 9, col: z - 54 };
  if (z <= 86) return { row: 6, col: z - 68 };
  if (z <= 88) return { row: 7, col: z - 86 };
  if (z <= 103) return { row: 10, col: z - 86 };
  return { row: 7, col: z - 100 };
}

/** A qualitative palette (Tableau 20, darker half first), one colour per synthesis method. */
const PALETTE = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
  '#aec7e8',
  '#ffbb78',
  '#98df8a',
  '#ff9896',
  '#c5b0d5',
  '#c49c94',
];

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function catalogueMapSvg(
  listings: readonly CatalogueListing[],
  methods: readonly string[],
  describe: (method: string) => string = () => '',
): string {
  const colour = new Map(methods.map((m, i) => [m, PALETTE[i % PALETTE.length]!]));
  const byElement = new Map<string, Map<string, string[]>>();
  for (const x of listings) {
    for (const el of x.coreElements) {
      const m = byElement.get(el) ?? new Map<string, string[]>();
      m.set(x.method, [...(m.get(x.method) ?? []), x.id]);
      byElement.set(el, m);
    }
  }
  const W = 54;
  const H = 58;
  const X0 = 20;
  const Y0 = 60;
  const out: string[] = [];
  const rows = 10;
  const height = Y0 + (rows - 0.7) * H + 30 + Math.ceil(methods.length / 3) * 20 + 20;
  const width = X0 * 2 + 18 * W;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${X0}" y="28" font-size="18" font-weight="bold">How each element's atomically precise clusters are made</text>`,
    `<text x="${X0}" y="46" font-size="12" fill="#444">${listings.length} catalogued clusters; bands: share of each element's clusters (framework atoms, not ligands) by synthesis method; number: clusters</text>`,
  );
  for (let z = 1; z <= 118; z++) {
    const el = elementByZ(z);
    if (!el) continue;
    const { row, col } = tablePosition(z);
    const x = X0 + (col - 1) * W;
    const y = Y0 + (row - 1) * H - (row >= 9 ? 0.7 * H : 0); // f-block rows just below, a gap of 0.3 cell
    const counts = byElement.get(el.symbol);
    if (!counts) {
      out.push(
        `<g><rect x="${x + 1}" y="${y + 1}" width="${W - 2}" height="${H - 2}" fill="#f4f4f4" stroke="#d0d0d0"/>`,
        `<text x="${x + W / 2}" y="${y + 34}" font-size="14" text-anchor="middle" fill="#b0b0b0">${el.symbol}</text></g>`,
      );
      continue;
    }
    const total = [...counts.values()].reduce((a, ids) => a + ids.length, 0);
    const tip = [
      `${el.name} (${el.symbol}): ${total} cluster${total === 1 ? '' : 's'}`,
      ...methods.filter((m) => counts.has(m)).map((m) => `${m}: ${counts.get(m)!.join(', ')}`),
    ].join('\n');
    out.push(`<g><title>${esc(tip)}</title>`);
    let bx = x + 1;
    for (const m of methods) {
      const n = counts.get(m)?.length ?? 0;
      if (!n) continue;
      const w = ((W - 2) * n) / total;
      out.push(
        `<rect x="${bx.toFixed(2)}" y="${y + 1}" width="${w.toFixed(2)}" height="${H - 2}" fill="${colour.get(m) ?? '#999'}"/>`,
      );
      bx += w;
    }
    out.push(
      `<rect x="${x + 1}" y="${y + 1}" width="${W - 2}" height="${H - 2}" fill="none" stroke="#333"/>`,
      `<rect x="${x + 6}" y="${y + 14}" width="${W - 12}" height="34" rx="4" fill="#ffffff" fill-opacity="0.85"/>`,
      `<text x="${x + W / 2}" y="${y + 31}" font-size="15" font-weight="bold" text-anchor="middle">${el.symbol}</text>`,
      `<text x="${x + W / 2}" y="${y + 44}" font-size="10" text-anchor="middle">${total}</text></g>`,
    );
  }
  const ly = Y0 + (rows - 0.7) * H + 24;
  out.push(`<text x="${X0}" y="${ly}" font-size="13" font-weight="bold">Synthesis method</text>`);
  methods.forEach((m, i) => {
    const lx = X0 + (i % 3) * 320;
    const yy = ly + 18 + Math.floor(i / 3) * 20;
    const d = describe(m);
    out.push(
      `<g>${d ? `<title>${esc(d)}</title>` : ''}<rect x="${lx}" y="${yy - 11}" width="14" height="14" fill="${colour.get(m)}"/>`,
      `<text x="${lx + 20}" y="${yy}" font-size="12">${esc(m)}</text></g>`,
    );
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** Elements in the listings that the element table does not know (should be none). */
export function unknownElements(listings: readonly CatalogueListing[]): string[] {
  return [...new Set(listings.flatMap((x) => x.coreElements))].filter((s) => !elementBySymbol(s));
}
