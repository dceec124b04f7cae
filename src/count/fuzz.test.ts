/**
 * Fuzz: every counting rule, under auto and alone, on random cluster-like formulas (metals, main-group
 * atoms, ligand abbreviations, oxo frameworks, endohedral shells, charges) with random options
 * (--parts, --pi, --hydride) either answers with a whole-number count and its working or raises an
 * InputError — never another exception, never a non-integer count. Fixed seed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { countFormula } from '../workflows/count.js';
import { RULE_IDS } from './registry.js';

const ATOMS = [
  'Au',
  'Ag',
  'Cu',
  'Pt',
  'Pd',
  'Rh',
  'Fe',
  'Os',
  'Co',
  'W',
  'Mo',
  'V',
  'Nb',
  'P',
  'Si',
  'B',
  'C',
  'H',
  'O',
  'S',
  'Cl',
  'Sn',
  'Ge',
  'Bi',
  'Al',
  'Na',
  'K',
  'Ni',
  'In',
  'U',
  'Ce',
];
const LIGANDS = ['(SR)', '(PPh3)', '(CO)', '(dtp)', '(SPy)', '(C≡CPh)', '(H2O)', '(Cl)', '(dppe)', '(OAc)'];

const formula = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom(...ATOMS), fc.integer({ min: 1, max: 160 })), {
      minLength: 1,
      maxLength: 4,
    }),
    fc.array(fc.tuple(fc.constantFrom(...LIGANDS), fc.integer({ min: 1, max: 60 })), { maxLength: 3 }),
    fc.integer({ min: -20, max: 20 }),
    fc.option(fc.tuple(fc.constantFrom(...ATOMS), fc.integer({ min: 1, max: 2 })), { nil: undefined }),
  )
  .map(([atoms, ligs, z, inner]) => {
    const body = `${atoms.map(([a, n]) => `${a}${n}`).join('')}${ligs.map(([l, n]) => `${l}${n}`).join('')}`;
    const core = inner ? `${inner[0]}${inner[1] === 1 ? '' : inner[1]}@${body}` : body;
    return `[${core}]${z === 0 ? '0' : `${Math.abs(z)}${z < 0 ? '-' : '+'}`}`;
  });

describe('counting fuzz', () => {
  it('every rule answers with whole numbers or raises InputError', () => {
    fc.assert(
      fc.property(
        formula,
        fc.constantFrom('auto', ...RULE_IDS),
        fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
        (text, rule, parts, pi) => {
          try {
            const r = countFormula(text, {
              rule,
              ...(parts !== undefined ? { parts } : {}),
              ...(pi !== undefined ? { pi } : {}),
            });
            for (const res of r.results) {
              if (!res.applies) {
                expect(res.reason?.length ?? 0).toBeGreaterThan(5);
                continue;
              }
              // pair counts of an odd electron count are half-integers (reported with verdict none)
              const whole = res.unit === 'electron pairs' ? 2 * (res.count ?? Number.NaN) : res.count;
              expect(Number.isInteger(whole), `${text} ${res.rule} ${res.count}`).toBe(true);
              for (const s of res.steps) expect(Number.isFinite(s.electrons)).toBe(true);
              expect(typeof res.verdict).toBe('string');
            }
          } catch (e) {
            if (!(e instanceof InputError)) throw e;
          }
        },
      ),
      { numRuns: 800, seed: 9917 },
    );
  });
});
