/**
 * Formula and electron-count panels: parse as one types (the same `formulaReport` and
 * `countFormula` workflows as `superatom formula` / `superatom count`), show composition,
 * masses, m/z, the electron count under every rule that applies with its steps, and errors with a
 * caret under the failing column.
 */
import { ruleById } from '../count/index.js';
import type { CountResult } from '../count/types.js';
import { type CountReport, countFormula } from '../workflows/count.js';
import { type FormulaReport, formulaReport } from '../workflows/formula.js';
import { chargeLabel, el, errorView, facts, num, table } from './dom.js';

function hillOrder(c: Readonly<Record<string, number>>): string[] {
  const keys = Object.keys(c).filter((k) => c[k]);
  const head = keys.includes('C') ? ['C', ...(keys.includes('H') ? ['H'] : [])] : [];
  return [...head, ...keys.filter((k) => !head.includes(k)).sort()];
}

export function compositionText(c: Readonly<Record<string, number>>): string {
  return hillOrder(c)
    .map((k) => `${/^\d/.test(k) ? `[${k}]` : k}${c[k] === 1 ? '' : c[k]}`)
    .join(' ');
}

const UNIT_WORDS: Readonly<Record<string, string>> = { e: 'electrons' };

/** "8 electrons", "13 skeletal electron pairs" … */
export function countText(r: CountResult): string {
  if (r.count === null) return 'no count';
  return `${r.count} ${UNIT_WORDS[r.unit] ?? r.unit}`;
}

function ruleBlock(r: CountResult, primary: boolean): HTMLElement {
  const title = ruleById(r.rule)?.title ?? r.rule;
  const box = el(
    'article',
    { class: 'rule', 'aria-label': `${title}${primary ? ' (primary rule)' : ''}` },
    el('h3', { text: `${title}${primary ? ' — primary rule' : ''}` }),
    el('p', { class: 'big', text: countText(r) }),
  );
  const info: [string, string][] = [['verdict', r.verdict.replace(/-/g, ' ')]];
  if (r.configuration) info.push(['configuration', r.configuration]);
  if (r.analogue) info.push(['analogue', `${r.analogue.replace(/-/g, ' ')}-like`]);
  box.append(facts(info));
  if (r.steps.length) {
    box.append(
      table(
        `Steps of the ${title} count`,
        ['term', 'electrons', 'why'],
        r.steps.map((s) => [s.term, `${s.electrons > 0 ? '+' : ''}${s.electrons}`.replace('-', '−'), s.why]),
        [false, true, false],
      ),
    );
  }
  if (r.notes.length) box.append(el('ul', {}, ...r.notes.map((n) => el('li', { text: n }))));
  box.append(el('p', { class: 'help', text: `Reference: ${r.reference}` }));
  return box;
}

export function renderCount(out: HTMLElement, report: CountReport): void {
  const applicable = report.results.filter((r) => r.applies);
  const nodes: Node[] = [];
  if (applicable.length === 0) {
    nodes.push(el('p', { text: 'No counting rule applies to this formula.' }));
  } else {
    nodes.push(
      el('p', {
        text: `Counted ion ${report.canonical} (charge ${chargeLabel(report.charge)}). ${report.primaryWhy}`,
      }),
    );
    for (const r of applicable) nodes.push(ruleBlock(r, r.rule === report.primary));
  }
  if (report.skipped.length) {
    nodes.push(
      el(
        'details',
        {},
        el('summary', { text: `Rules that do not apply (${report.skipped.length})` }),
        el('ul', {}, ...report.skipped.map((s) => el('li', { text: `${s.rule}: ${s.reason}` }))),
      ),
    );
  }
  out.replaceChildren(...nodes);
}

function da(x: number | null): string {
  return x === null ? 'unavailable' : `${num(x, 4)} Da`;
}

export function renderFormula(out: HTMLElement, r: FormulaReport): void {
  const pairs: [string, string][] = [
    ['canonical', r.canonical],
    ['composition', `${compositionText(r.composition)} (${r.atoms} atoms)`],
    ['Hill formula', r.hill],
    [
      'charge',
      r.charge === r.mainCharge
        ? chargeLabel(r.charge)
        : `${chargeLabel(r.charge)} (cluster ion ${chargeLabel(r.mainCharge)})`,
    ],
  ];
  if (Object.keys(r.core).length) pairs.push(['core', compositionText(r.core)]);
  pairs.push(['average mass', da(r.averageMass)], ['monoisotopic mass', da(r.monoisotopicMass)]);
  if (r.charge !== 0) {
    pairs.push(
      ['monoisotopic m/z', num(r.monoisotopicMz ?? null, 4)],
      ['average m/z', num(r.averageMz ?? null, 4)],
    );
  }
  const nodes: Node[] = [facts(pairs)];
  if (r.ligands.length) {
    nodes.push(
      table(
        'Ligands and their counting roles',
        ['count', 'ligand', 'role', 'why'],
        r.ligands.map((l) => [
          l.count,
          l.name,
          l.role === 'X'
            ? `X-type, withdraws ${l.electronsWithdrawn}`
            : l.role === 'L'
              ? 'L-type donor'
              : l.role,
          l.why,
        ]),
        [true, false, false, false],
      ),
    );
  }
  const notes = [...r.massMessages, ...r.notes];
  if (notes.length) nodes.push(el('ul', {}, ...notes.map((n) => el('li', { text: n }))));
  out.replaceChildren(...nodes);
}

export interface FormulaResult {
  readonly formula: FormulaReport;
  readonly count: CountReport;
}

/** Run both workflows; throws the parser's InputError (with line/column) on bad input. */
export function analyseFormula(text: string): FormulaResult {
  const formula = formulaReport(text);
  const count = countFormula(text);
  return { formula, count };
}

export { errorView };
