/**
 * Every entry of the ligand table reads: table formulas are read lazily on first use (only user
 * entries and element-like spellings are read when the lexicon is built), so this test reads each
 * one, through its name inside a cluster formula, and checks it against reading its formula text.
 */
import { describe, expect, it } from 'vitest';
import { LIGANDS } from '../data/ligands.js';
import { FormulaReader } from './parse.js';

describe('ligand table', () => {
  it('every entry with a formula reads, and its name gives the same atoms as its formula', () => {
    const reader = new FormulaReader();
    const problems: string[] = [];
    for (const entry of LIGANDS) {
      if (entry.formula === null) continue;
      try {
        const byName = reader.parse(`[Au2(${entry.name})]`).composition;
        const byFormula = reader.parse(`[Au2(${entry.formula})]`).composition;
        if (JSON.stringify(byName) !== JSON.stringify(byFormula))
          problems.push(`${entry.name}: ${JSON.stringify(byName)} vs ${JSON.stringify(byFormula)}`);
      } catch (e) {
        problems.push(`${entry.name}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('a user entry that cannot be read is refused when the reader is built', () => {
    expect(
      () =>
        new FormulaReader([
          { name: 'Zz', formula: 'Qq2', charge: 0, role: 'L', withdraws: 0, description: 'test' },
        ]),
    ).toThrow(/Zz/);
  });
});
