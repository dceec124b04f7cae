/**
 * Ranking and the report: results sorted by the plan's keys (missing values always last, then
 * the formula and job id as tie-breakers, so a ranking is the same wherever it is made), and
 * the table as text, CSV (RFC 4180 quoting) and JSON lines.
 */
import type { JobResult } from './job.js';
import type { RankKey, RankSpec } from './plan.js';

/** One row of a screen's results: the candidate (variables) and its job result. */
export interface ScreenRow {
  readonly jobId: string;
  readonly index: number;
  readonly vars: Readonly<Record<string, string | number>>;
  readonly result: JobResult;
}

export function rankValue(r: JobResult, key: RankKey): number | string | null {
  switch (key) {
    case 'closed':
      return r.status === 'rejected' ? null : r.closed ? 1 : 0;
    case 'electrons':
      return r.electrons;
    case 'gap':
      return r.gap;
    case 'energy':
      return r.energy;
    case 'energyPerAtom':
      return r.energy !== null && r.atoms ? r.energy / r.atoms : null;
    case 'relaxEnergyPerAtom':
      return r.relax?.energyPerAtom ?? null;
    case 'formula':
      return r.formula;
    case 'charge':
      return r.charge;
  }
}

function cmp(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Rows sorted by the rank keys; rejected and filtered candidates after those that ran. */
export function rankRows(rows: readonly ScreenRow[], spec: readonly RankSpec[]): ScreenRow[] {
  const tier = (r: ScreenRow) => (r.result.status === 'ok' ? 0 : r.result.status === 'filtered' ? 1 : 2);
  return [...rows].sort((a, b) => {
    const t = tier(a) - tier(b);
    if (t) return t;
    for (const s of spec) {
      const x = rankValue(a.result, s.by);
      const y = rankValue(b.result, s.by);
      if (x === null && y === null) continue;
      if (x === null) return 1;
      if (y === null) return -1;
      const c = cmp(x, y);
      if (c) return s.order === 'asc' ? c : -c;
    }
    return cmp(a.result.formula, b.result.formula) || cmp(a.jobId, b.jobId);
  });
}

export const TABLE_COLUMNS = [
  'rank',
  'formula',
  'status',
  'rule',
  'electrons',
  'verdict',
  'closed',
  'atoms',
  'relaxEnergyPerAtom',
  'method',
  'gap',
  'energy',
  'jobId',
] as const;

function fmt(x: number | null, digits: number): string {
  return x === null ? '' : x.toFixed(digits);
}

/** Table cells (text) of ranked rows; variables appended as columns `var:<name>`. */
export function tableCells(rows: readonly ScreenRow[]): { header: string[]; cells: string[][] } {
  const varNames = [...new Set(rows.flatMap((r) => Object.keys(r.vars)))];
  const header = [...TABLE_COLUMNS, ...varNames.map((v) => `var:${v}`)];
  const cells = rows.map((row, i) => {
    const r = row.result;
    return [
      String(i + 1),
      r.formula,
      r.status,
      r.rule ?? '',
      r.electrons === null ? '' : String(r.electrons),
      r.verdict ?? '',
      r.closed ? 'yes' : 'no',
      r.atoms === null ? '' : String(r.atoms),
      fmt(r.relax?.energyPerAtom ?? null, 4),
      r.refine?.method ?? '',
      fmt(r.gap, 3),
      fmt(r.energy, 4),
      row.jobId.slice(0, 12),
      ...varNames.map((v) => (row.vars[v] === undefined ? '' : String(row.vars[v]))),
    ];
  });
  return { header, cells };
}

/** An aligned text table (units: relaxEnergyPerAtom, gap and energy in eV). */
export function formatTable(rows: readonly ScreenRow[]): string {
  const { header, cells } = tableCells(rows);
  const widths = header.map((h, j) => Math.max(h.length, ...cells.map((c) => c[j]!.length)));
  const line = (c: readonly string[]) =>
    c
      .map((x, j) => x.padEnd(widths[j]!))
      .join('  ')
      .trimEnd();
  return [line(header), ...cells.map(line)].join('\n');
}

function csvCell(x: string): string {
  return /[",\r\n]/.test(x) || /^\s|\s$/.test(x) ? `"${x.replace(/"/g, '""')}"` : x;
}

export function toCsv(rows: readonly ScreenRow[]): string {
  const { header, cells } = tableCells(rows);
  return `${[header, ...cells].map((c) => c.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** One ranked row as JSON: rank (1-based), job id, variables and the result without its structure. */
export function rowJson(row: ScreenRow, rank: number): Record<string, unknown> {
  const { structure: _s, ...rest } = row.result;
  return { rank, jobId: row.jobId, vars: row.vars, ...rest };
}

/** One JSON object a line: { rank, jobId, vars, ...result } (structure left out). */
export function toJsonLines(rows: readonly ScreenRow[]): string {
  return rows.map((row, i) => `${JSON.stringify(rowJson(row, i + 1))}\n`).join('');
}
