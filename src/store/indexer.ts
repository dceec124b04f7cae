/**
 * The indexed columns of a record, read from its report by shape (not by a list of kinds, so later
 * commands are indexed when their reports use the same field names): `formula`, `charge`,
 * `composition`, `pointGroup`, counting `results`, energies (`bestEnergy`, `energy`, `frames[].energy`),
 * and, failing a formula, the composition of the first stored structure.
 */
import { hillFormula, parseKey } from '../chem/composition.js';
import { parseFormula } from '../chem/parse.js';
import type { Composition } from '../chem/types.js';
import { elementByZ } from '../data/index.js';
import type { IndexColumns, StoredStructure } from './types.js';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);
const str = (x: unknown): string | null => (typeof x === 'string' && x.length > 0 ? x : null);

function compositionOf(
  formula: string | null,
  report: Obj,
  structures: readonly StoredStructure[] | null,
): Composition | null {
  if (isObj(report.composition)) return report.composition as Composition;
  if (formula) {
    try {
      return parseFormula(formula).composition;
    } catch {
      /* a label, not a formula */
    }
  }
  const s = structures?.[0];
  if (s) {
    const c: Record<string, number> = {};
    for (const z of s.numbers) {
      const sym = elementByZ(z)?.symbol ?? `Z${z}`;
      c[sym] = (c[sym] ?? 0) + 1;
    }
    return c;
  }
  return null;
}

/** Electron count of the primary (else first applicable) counting result, in electrons. */
function electronCount(report: Obj): number | null {
  if (!Array.isArray(report.results)) return null;
  const results = report.results.filter(isObj);
  const primary =
    results.find((r) => r.rule === report.primary && r.applies) ?? results.find((r) => r.applies);
  const n = primary ? num(primary.count) : null;
  if (n === null || !primary) return null;
  const unit = String(primary.unit ?? '');
  if (/pair/i.test(unit)) return 2 * n;
  if (/^(π )?e\b|electrons/.test(unit) && !/beyond/.test(unit)) return n;
  return null;
}

function lowestEnergy(report: Obj): number | null {
  const candidates: number[] = [];
  for (const k of ['bestEnergy', 'energy', 'energyEv']) {
    const v = num(report[k]);
    if (v !== null) candidates.push(v);
  }
  if (Array.isArray(report.frames)) {
    for (const f of report.frames)
      if (isObj(f) && num(f.energy) !== null) candidates.push(f.energy as number);
  }
  return candidates.length ? Math.min(...candidates) : null;
}

export function indexColumns(
  _kind: string,
  reportValue: unknown,
  structures: readonly StoredStructure[] | null,
): IndexColumns {
  const report: Obj = isObj(reportValue) ? reportValue : {};
  let formula = str(report.formula);
  const comp = compositionOf(formula, report, structures);
  const hill = comp && Object.keys(comp).length ? hillFormula(comp) : null;
  if (!formula && hill) formula = hill;
  const elements = comp
    ? [
        ...new Set(
          Object.keys(comp)
            .filter((k) => (comp[k] ?? 0) !== 0)
            .map((k) => parseKey(k).symbol),
        ),
      ].sort()
    : [];
  const charge = num(report.charge) ?? structures?.[0]?.charge ?? null;
  return {
    formula,
    hill,
    charge,
    elements,
    electronCount: electronCount(report),
    pointGroup: str(report.pointGroup),
    energy: lowestEnergy(report),
  };
}
