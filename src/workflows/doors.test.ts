/**
 * The workflows the CLI, the server and the page share (search set-up, relaxation, builders,
 * the flag mapping), called directly as the page calls them: no argv, no files.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { createStructure } from '../structure/structure.js';
import { buildCluster, isKnownShape } from './build.js';
import { countFromFlags, listOption, readOptionsFrom } from './flags.js';
import { optimizeStructures, parseElements } from './optimize.js';
import { searchReport, searchSetup, searchStructures } from './search.js';

// Cambridge Cluster Database (Wales & Doye, J. Phys. Chem. A 101, 5111 (1997)): LJ13 = −44.326801 ε
const LJ13 = -44.326801;

describe('searchSetup / searchReport', () => {
  it('resolves the CLI defaults and refuses bad values with the flag named', () => {
    const s = searchSetup({ potential: 'lj', atoms: 13 });
    expect(s.spec).toMatchObject({ potential: 'lj', atoms: 13, method: 'bh', seed: 1, timeLimitSeconds: 60 });
    expect(s.runs).toBe(1);
    expect(s.energyUnit).toBe('ε');
    for (const bad of [
      {},
      { potential: 'lj' },
      { potential: 'lj', atoms: 1 },
      { potential: 'lj', atoms: 5, runs: 0 },
      { potential: 'lj', atoms: 5, seed: 2 ** 33 },
      { potential: 'lj', atoms: 5, timeLimit: 0 },
      { potential: 'lj', atoms: 5, method: 'sa' },
      { potential: 'tersoff', atoms: 5 },
    ]) {
      expect(() => searchSetup(bad), JSON.stringify(bad)).toThrow(InputError);
    }
  });

  it('reports nothing when no minimisation finished, and structures in the reduced unit', () => {
    const s = searchSetup({ potential: 'lj', atoms: 2 });
    const none = {
      best: { bestEnergy: Infinity, stepsToBest: 0, evaluationsToBest: 0, secondsToBest: 0 },
      reachedTarget: false,
      minima: [],
    };
    expect(searchReport(s, none)).toBeNull();
    // LJ dimer: minimum −1 ε at r = 2^(1/6) σ
    const r = 2 ** (1 / 6);
    const outcome = {
      best: { bestEnergy: -1, stepsToBest: 1, evaluationsToBest: 10, secondsToBest: 0.0123456 },
      reachedTarget: true,
      minima: [{ energy: -1, positions: Float64Array.from([0, 0, 0, r, 0, 0]) }],
    };
    expect(searchReport(s, outcome)).toMatchObject({
      bestEnergy: -1,
      seconds: 0.012,
      minima: [{ energy: -1 }],
    });
    const [m] = searchStructures(s, outcome, true);
    expect(m!.title).toMatch(/energy=-1\.000000 ε.*reduced units/);
  });
});

describe('optimizeStructures', () => {
  it('relaxes a stretched LJ13 icosahedron to the LJ13 global minimum', () => {
    const ico = buildCluster('icosahedron', { shells: 1, bond: 1.15 }).structure;
    const { report, relaxed } = optimizeStructures([ico], { potential: 'lj', what: 'ico' });
    expect(report.frames[0]!.converged).toBe(true);
    expect(report.frames[0]!.energy).toBeCloseTo(LJ13, 5);
    expect(relaxed[0]!.numbers.length).toBe(13);
  });

  it('refuses periodic input, unknown elements and an empty selection', () => {
    const s = createStructure({ numbers: [18, 18], positions: [0, 0, 0, 1.1, 0, 0] });
    expect(() => optimizeStructures([s], {})).toThrow(/--potential/);
    expect(() =>
      optimizeStructures([{ ...s, cell: new Float64Array([5, 0, 0, 0, 5, 0, 0, 0, 5]) }], {
        potential: 'lj',
      }),
    ).toThrow(/periodic/);
    expect(() => optimizeStructures([s], { potential: 'lj', elements: 'Au' })).toThrow(/no Au atoms/);
    expect(() => parseElements('Xx')).toThrow(/unknown element/);
    expect(parseElements('au, AG')).toEqual(['Au', 'Ag']);
  });
});

describe('buildCluster and the flag mapping', () => {
  it('builds magic-number clusters (Mackay 1962: 13, 55, 147 atoms) and refuses foreign options', () => {
    expect(buildCluster('icosahedron', { shells: 2 }).summary.atoms).toBe(55);
    expect(buildCluster('cuboctahedron', { shells: 3, element: 'Ag' }).summary).toMatchObject({
      atoms: 147,
      element: 'Ag',
    });
    expect(() => buildCluster('icosahedron', { atoms: 5 })).toThrow(/does not apply/);
    expect(() => buildCluster('blob', {})).toThrow(/unknown shape/);
    expect(isKnownShape('icosahedron')).toBe(true);
    expect(isKnownShape('blob')).toBe(false);
  });

  it('maps flag records as the CLI parses them', () => {
    expect(listOption(['Cs,Na', ' K '])).toEqual(['Cs', 'Na', 'K']);
    expect(readOptionsFrom({ 'mz-column': '2', scan: 'sum' })).toEqual({ mzColumn: 2, scan: 'sum' });
    expect(() => readOptionsFrom({ scan: 'x' })).toThrow(/--scan/);
    // [Au25(SR)18]−: 25 Au 6s¹ − 18 thiolates + 1 (charge) = 8 e (Walter et al., PNAS 105, 9157 (2008))
    expect(countFromFlags('[Au25(SR)18]-', { rule: 'auto' }).results[0]!.count).toBe(8);
  });
});
