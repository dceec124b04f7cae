/**
 * The public counting cases of ../shared/data/count-cases-public.tsv (formula, rule, expected count,
 * expected verdict, literature source per row; compiled from the cited papers). Read when the file
 * exists, skipped when it does not (a checkout without the shared data). Rows whose expected value
 * is an energy (EA, VDE, IP in eV) are checked for applicability only; the verdict is checked when
 * the row's verdict text starts with a term of the engine's vocabulary.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { countFormula } from '../workflows/count.js';

const FILE = join(dirname(fileURLToPath(import.meta.url)), '../../../shared/data/count-cases-public.tsv');

interface Row {
  readonly formula: string;
  readonly rule: string;
  readonly count: number | null;
  readonly verdictText: string;
  readonly source: string;
}

function rows(): Row[] {
  const lines = readFileSync(FILE, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() && !l.startsWith('#'));
  return lines.slice(1).map((l) => {
    const [formula = '', rule = '', count = '', verdictText = '', source = ''] = l.split('\t');
    const m = /eV/.test(count) ? null : /^-?\d+/.exec(count.trim());
    // the engine screens superalkalis with the superhalogen rule
    return {
      formula,
      rule: rule === 'superalkali' ? 'superhalogen' : rule,
      count: m ? Number(m[0]) : null,
      verdictText: verdictText.toLowerCase(),
      source,
    };
  });
}

/** Engine verdicts whose words can open the table's verdict text. */
const VOCABULARY = [
  'closed-shell',
  'open-shell',
  'closo',
  'nido',
  'arachno',
  'hypho',
  'aromatic',
  'satisfied',
  'superatomic-molecule',
  'triangle',
  'octahedron',
  'trigonal-prism',
];

describe.skipIf(!existsSync(FILE))('public counting cases (../shared/data/count-cases-public.tsv)', () => {
  const all = existsSync(FILE) ? rows() : [];
  it('the table has rows', () => expect(all.length).toBeGreaterThan(30));
  for (const row of all) {
    it(`${row.formula} — ${row.rule}: ${row.count ?? 'applies'} (${row.source.slice(0, 60)})`, () => {
      const r = countFormula(row.formula, { rule: row.rule }).results[0]!;
      expect(r.applies, r.reason).toBe(true);
      if (row.count !== null) expect(r.count).toBe(row.count);
      const word = VOCABULARY.find((v) => row.verdictText.startsWith(v.replace(/-/g, ' ')));
      if (word) expect(row.verdictText).toContain(r.verdict.replace(/-/g, ' '));
    });
  }
});
