/**
 * The catalogue as listed: every literature entry of `data/catalogue.ts` with its numbers computed
 * by the engine now — composition and elements from the formula parser, the electron count and
 * verdict under the entry's rule from `countFormula`, monoisotopic m/z (IUPAC monoisotopic masses)
 * from the mass code. Nothing numeric is read from the table except what the paper states as
 * structure (kernel, point group) and the year; the published counts stay in the data for tests.
 */
import { parseKey } from '../chem/composition.js';
import type { CatalogueEntry } from '../data/catalogue.js';
import { countFormula } from './count.js';
import { formulaReport } from './formula.js';

export interface CatalogueListing {
  readonly id: string;
  readonly formula: string;
  readonly name?: string;
  readonly family: string;
  /** Element symbols of the whole formula (generic groups such as R have none), in Hill order. */
  readonly elements: readonly string[];
  /** Elements of the cluster framework (outside ligand groups): what the map is drawn from. */
  readonly coreElements: readonly string[];
  readonly method: string;
  readonly kernel?: string;
  readonly pointGroup?: string;
  readonly doi: string;
  readonly year: number;
  readonly note?: string;
  /** Charge of the cluster ion, e. */
  readonly charge: number;
  /** Counting rule the entry is counted under. */
  readonly rule: string;
  /** The rule's count (see unit), computed now; null when the rule does not apply. */
  readonly count: number | null;
  readonly unit: string;
  /** The count in electrons (electron pairs × 2), for searching by electron count. */
  readonly electrons: number | null;
  readonly verdict: string;
  readonly configuration?: string;
  /** Monoisotopic m/z of the ion (z ≠ 0), else null. */
  readonly monoisotopicMz: number | null;
  /** Monoisotopic mass of the neutral composition, Da (null when a group's composition is unknown). */
  readonly monoisotopicMass: number | null;
  readonly averageMass: number | null;
  /** Why the rule did not apply, or parse/mass messages. */
  readonly problems: readonly string[];
}

function symbols(keys: readonly string[]): string[] {
  return [...new Set(keys.map((k) => parseKey(k).symbol))];
}

/** Compute one entry's listing. A formula the engine cannot read is reported, not thrown. */
export function catalogueListing(e: CatalogueEntry): CatalogueListing {
  const base = {
    id: e.id,
    formula: e.formula,
    ...(e.name !== undefined ? { name: e.name } : {}),
    family: e.family,
    method: e.method,
    ...(e.kernel !== undefined ? { kernel: e.kernel } : {}),
    ...(e.pointGroup !== undefined ? { pointGroup: e.pointGroup } : {}),
    doi: e.doi,
    year: e.year,
    ...(e.note !== undefined ? { note: e.note } : {}),
    rule: e.rule,
  };
  try {
    const f = formulaReport(e.formula);
    const report = countFormula(e.formula, { rule: e.rule });
    const r = report.results.find((x) => x.rule === e.rule) ?? report.results[0];
    const count = r?.applies ? r.count : null;
    const unit = r?.unit ?? '';
    const comp = (c: Readonly<Record<string, number>>) => Object.keys(c).filter((k) => (c[k] ?? 0) > 0);
    const elements = symbols(orderHill(comp(f.composition)));
    const core = symbols(orderHill(comp(f.core)));
    return {
      ...base,
      elements,
      coreElements: core.length ? core : elements,
      charge: report.charge,
      count,
      unit,
      electrons: count === null ? null : /pair/i.test(unit) ? 2 * count : /beyond/.test(unit) ? null : count,
      verdict: r?.verdict ?? 'none',
      ...(r?.configuration ? { configuration: r.configuration } : {}),
      monoisotopicMz: f.monoisotopicMz ?? null,
      monoisotopicMass: f.monoisotopicMass,
      averageMass: f.averageMass,
      problems: [...(r && !r.applies && r.reason ? [r.reason] : []), ...f.massMessages],
    };
  } catch (err) {
    return {
      ...base,
      elements: [],
      coreElements: [],
      charge: 0,
      count: null,
      unit: '',
      electrons: null,
      verdict: 'none',
      monoisotopicMz: null,
      monoisotopicMass: null,
      averageMass: null,
      problems: [`the formula does not parse: ${err instanceof Error ? err.message : String(err)}`],
    };
  }
}

/** Hill order of composition keys (C, H first when carbon is present, then alphabetical). */
function orderHill(keys: readonly string[]): string[] {
  const sym = (k: string) => parseKey(k).symbol;
  const hasC = keys.some((k) => sym(k) === 'C');
  const rank = (k: string) => (hasC && sym(k) === 'C' ? '0' : hasC && sym(k) === 'H' ? '1' : `2${sym(k)}`);
  return [...keys].sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));
}

export interface CatalogueFilter {
  /** Every one of these elements must occur in the formula. */
  readonly elements?: readonly string[];
  readonly family?: string;
  /** Electron count (pairs counted as 2 e). */
  readonly electrons?: number;
  readonly verdict?: string;
  readonly method?: string;
  readonly rule?: string;
}

export function filterListings(list: readonly CatalogueListing[], q: CatalogueFilter): CatalogueListing[] {
  return list.filter(
    (x) =>
      (q.elements ?? []).every((el) => x.elements.includes(el)) &&
      (q.family === undefined || x.family === q.family) &&
      (q.electrons === undefined || x.electrons === q.electrons) &&
      (q.verdict === undefined || x.verdict === q.verdict) &&
      (q.method === undefined || x.method === q.method) &&
      (q.rule === undefined || x.rule === q.rule),
  );
}
