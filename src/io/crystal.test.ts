import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { mackayIcosahedron } from '../structure/builders/clusters.js';
import { findPointGroup } from '../structure/pointgroup.js';
import { createStructure } from '../structure/structure.js';
import { cellFromParameters, MAX_IMAGE_CANDIDATES, periodicImageRange } from './cell.js';
import { parseCif, writeCif } from './cif.js';
import { crystalMolecules, isIonicContact } from './crystal.js';
import { csSalt, kegginCsSalt, lindqvist } from './crystal-fixtures.js';
import { crystalSpecies, pickSpecies, speciesLine, wholeMolecules } from './species.js';

describe('salt crystals: species, ionic contacts, charges', () => {
  it('Cs2[W6O19]·2H2O: three species with counts, charges (W6O19 by charge balance) and roles', () => {
    expect(isIonicContact(55, 8)).toBe(true);
    expect(isIonicContact(81, 8)).toBe(true);
    expect(isIonicContact(79, 16)).toBe(false);
    const found = crystalSpecies(csSalt());
    expect(found.species).toEqual([
      { index: 1, formula: 'O19W6', count: 1, charge: -2, role: 'cluster', atoms: 25, polymeric: false },
      { index: 2, formula: 'H2O', count: 2, charge: 0, role: 'solvent', atoms: 3, polymeric: false },
      { index: 3, formula: 'Cs', count: 2, charge: 1, role: 'counterion', atoms: 1, polymeric: false },
    ]);
    expect(found.notes.join('\n')).toMatch(/charge of O19W6 by charge balance: −2/);
    // the anion, cut by the cell edges, comes back whole and exactly Oh
    const { molecule } = pickSpecies(found);
    expect(molecule.atomsUnwrapped).toBeGreaterThan(0);
    expect(findPointGroup(molecule.structure).pointGroup).toBe('Oh');
    // --species 3 is a Cs⁺
    expect(pickSpecies(found, 3).molecule.formula).toBe('Cs');
    expect(() => pickSpecies(found, 4)).toThrow(/--species 4 is out of range: the cell holds 3 species/);
  });

  it('the plain covalent rule (ionic contacts as bonds) joins Cs to the anion (the reported bug)', () => {
    const mols = crystalMolecules(csSalt(), { ionicContactsAreBonds: true });
    const big = mols.reduce((a, b) => (a.atoms.length > b.atoms.length ? a : b));
    expect(big.formula).toBe('Cs2O19W6');
  });

  it('mixed Cs/Tl and Cs/K salts: Tl⁺ and K⁺ are counter-ions of their own', () => {
    for (const [z, sym] of [
      [81, 'Tl'],
      [19, 'K'],
    ] as const) {
      const found = crystalSpecies(csSalt(z));
      const ion = found.species.find((s) => s.formula === sym)!;
      expect(ion).toMatchObject({ count: 1, charge: 1, role: 'counterion', atoms: 1 });
      expect(found.species[0]).toMatchObject({ formula: 'O19W6', charge: -2, role: 'cluster' });
    }
  });

  it('reads the salt from a CIF written by writeCif (P1) with the same species', () => {
    const cif = parseCif(writeCif(csSalt()));
    const found = crystalSpecies(cif.structure);
    expect(found.species.map((s) => `${s.count}×${s.formula}:${s.charge}:${s.role}`)).toEqual([
      '1×O19W6:-2:cluster',
      '2×H2O:0:solvent',
      '2×Cs:1:counterion',
    ]);
  });

  it('tetramethylammonium and an unknown cluster: NMe4⁺ is +1 (quaternary N), the cluster by charge balance', () => {
    // N(CH3)4⁺: N–C 1.49 Å tetrahedral, C–H 1.09 Å (staggered); with [W6O19]²⁻ in a 14 Å cell, twice.
    const L = 14;
    const an = lindqvist();
    const numbers = [...an.numbers];
    const positions = [...an.positions];
    const tet = [
      [1, 1, 1],
      [1, -1, -1],
      [-1, 1, -1],
      [-1, -1, 1],
    ].map((v) => v.map((x) => x / Math.sqrt(3)));
    for (const centre of [
      [7, 7, 7],
      [7, 0, 7],
    ]) {
      numbers.push(7);
      positions.push(...centre);
      for (const u of tet) {
        const c = centre.map((x, k) => x + 1.49 * u[k]!);
        numbers.push(6);
        positions.push(...c);
        // three H around the N–C axis, tetrahedral at C
        const e1 = Math.abs(u[0]!) < 0.9 ? [1, 0, 0] : [0, 1, 0];
        const p1 = [
          u[1]! * e1[2]! - u[2]! * e1[1]!,
          u[2]! * e1[0]! - u[0]! * e1[2]!,
          u[0]! * e1[1]! - u[1]! * e1[0]!,
        ];
        const n1 = Math.hypot(...p1);
        const v1 = p1.map((x) => x / n1);
        const v2 = [
          u[1]! * v1[2]! - u[2]! * v1[1]!,
          u[2]! * v1[0]! - u[0]! * v1[2]!,
          u[0]! * v1[1]! - u[1]! * v1[0]!,
        ];
        const th = Math.acos(-1 / 3);
        for (let h = 0; h < 3; h++) {
          const ph = (2 * Math.PI * h) / 3;
          numbers.push(1);
          positions.push(
            ...c.map(
              (x, k) =>
                x +
                1.09 *
                  (-Math.cos(th) * u[k]! + Math.sin(th) * (Math.cos(ph) * v1[k]! + Math.sin(ph) * v2[k]!)),
            ),
          );
        }
      }
    }
    const s = createStructure({ numbers, positions, cell: cellFromParameters(L, L, L, 90, 90, 90) });
    const found = crystalSpecies(s);
    expect(found.species.map((x) => [x.formula, x.count, x.charge, x.role])).toEqual([
      ['O19W6', 1, -2, 'cluster'],
      ['C4H12N', 2, 1, 'counterion'],
    ]);
  });

  it('a crown-ether complex cation stays whole: [K(18-crown-6)]⁺ (six K–O 2.80 Å)', () => {
    // 18-crown-6 reduced to its donor ring: six O on a circle of 2.80 Å around K, joined by C2 bridges
    // (O–C 1.43 Å, C–C 1.51 Å) lying on a larger circle; hydrogens left out (not needed for the rule).
    const numbers: number[] = [19];
    const positions: number[] = [0, 0, 0];
    const rO = 2.8;
    for (let k = 0; k < 6; k++) {
      const a = (k * Math.PI) / 3;
      numbers.push(8);
      positions.push(rO * Math.cos(a), rO * Math.sin(a), 0);
    }
    // C between O_k and O_k+1: two C at angles a ± δ on radius rC, z = ±0.4 so that O–C ≈ 1.43 Å
    const rC = 3.2;
    for (let k = 0; k < 6; k++) {
      const a = (k * Math.PI) / 3;
      for (const d of [0.26, 0.787]) {
        numbers.push(6);
        positions.push(rC * Math.cos(a + d), rC * Math.sin(a + d), 0);
      }
    }
    const s = createStructure({ numbers, positions, cell: cellFromParameters(15, 15, 15, 90, 90, 90) });
    const found = crystalSpecies(s);
    expect(found.species).toHaveLength(1);
    expect(found.species[0]!.formula).toBe('C12KO6');
  });

  it('lone O and N atoms (H not located) are water and ammonium, with notes', () => {
    const an = lindqvist();
    const s = createStructure({
      numbers: [...an.numbers, 7, 7, 8],
      positions: [...an.positions, 7, 7, 7, 7, 0, 7, 0, 7, 7],
      cell: cellFromParameters(14, 14, 14, 90, 90, 90),
    });
    const found = crystalSpecies(s);
    expect(found.species.map((x) => [x.formula, x.count, x.charge, x.role])).toEqual([
      ['O19W6', 1, -2, 'cluster'],
      ['O', 1, 0, 'solvent'],
      ['N', 2, 1, 'counterion'],
    ]);
    expect(found.notes.join('\n')).toMatch(/lone N is read as ammonium/);
  });

  it('leaves the charge unknown when the balance is not a whole number', () => {
    const an = lindqvist();
    // three Cs⁺ for two anions' worth of positions is impossible with one anion of charge q: q = −3
    // would be whole; use two anion copies and three Cs: q = −1.5 → null
    const L = 13;
    const second = an.positions.map((x) => x + L / 2);
    const s = createStructure({
      numbers: [...an.numbers, ...an.numbers, 55, 55, 55],
      positions: [...an.positions, ...second, 2.9, 2.9, 2.9, -2.9, -2.9, -2.9, 2.9, -2.9, 2.9],
      cell: cellFromParameters(L, L, L, 90, 90, 90),
    });
    const found = crystalSpecies(s);
    expect(found.species[0]).toMatchObject({ formula: 'O19W6', count: 2, charge: null });
    expect(found.notes.join('\n')).toMatch(/not a whole multiple/);
  });
});

describe('whole molecules from a crystal', () => {
  it('an Au13 icosahedron cut by the cell corner comes back whole and Ih (was C3 and chiral when cut)', () => {
    const au = mackayIcosahedron(1, { z: 79, bond: 2.884 });
    const L = 12;
    const wrapped = Array.from(au.positions, (x) => x - L * Math.floor(x / L));
    const crystal = createStructure({
      numbers: au.numbers,
      positions: wrapped,
      cell: cellFromParameters(L, L, L, 90, 90, 90),
    });
    const found = crystalSpecies(crystal);
    const whole = wholeMolecules(crystal, found.molecules);
    expect(
      findPointGroup(createStructure({ numbers: whole.numbers, positions: whole.positions })).pointGroup,
    ).toBe('Ih');
    expect(whole.cell).toBeDefined();
  });
});

describe('cell guards (issue 17.1: tiny or degenerate cells never build their images)', () => {
  const oneAtom = (cell: Float64Array) => createStructure({ numbers: [79], positions: [0, 0, 0], cell });
  it('refuses a = 1e-10 Å naming a, before building anything', () => {
    const s = oneAtom(Float64Array.of(1e-10, 0, 0, 0, 10, 0, 0, 0, 10));
    expect(() => crystalMolecules(s)).toThrow(InputError);
    expect(() => crystalMolecules(s)).toThrow(/too small .* check a = 1e-10 Å/);
  });
  it('refuses γ = 0.001° naming γ', () => {
    const s = oneAtom(cellFromParameters(10, 10, 10, 90, 90, 0.001));
    expect(() => crystalSpecies(s)).toThrow(/check γ = 0.001°/);
  });
  it('refuses an all-1e-10 cube (GRO box 1e-10 nm) and under 1 Å³ per atom', () => {
    expect(() => crystalSpecies(oneAtom(Float64Array.of(1e-9, 0, 0, 0, 1e-9, 0, 0, 0, 1e-9)))).toThrow(
      /Å³ per atom/,
    );
    const two = createStructure({
      numbers: [1, 1],
      positions: [0, 0, 0, 0.5, 0.5, 0.5],
      cell: cellFromParameters(1.2, 1.2, 1.2, 90, 90, 90),
    });
    expect(() => crystalSpecies(two)).toThrow(/0.864 Å³ per atom/);
  });
  it('counts images before building: a needle cell beyond the cap is refused, a thin legal one is not', () => {
    // 0.02 × 2000 × 2000 Å with 20 000 atoms has 4 Å³/atom but needs ceil(3.3 / 0.02) = 165
    // translations each way along a: 331 × 3 × 3 × 20 000 = 6.0e7 candidate images
    expect(() =>
      periodicImageRange(Float64Array.of(0.02, 0, 0, 0, 2000, 0, 0, 0, 2000), 20_000, 3.3),
    ).toThrow(new RegExp(`exceed ${MAX_IMAGE_CANDIDATES}`));
    expect(periodicImageRange(Float64Array.of(10, 0, 0, 0, 10, 0, 0, 0, 10), 50, 3.3)).toEqual([1, 1, 1]);
    expect(periodicImageRange(Float64Array.of(2, 0, 0, 0, 10, 0, 0, 0, 10), 50, 3.3)).toEqual([2, 1, 1]);
  });
});

describe('Cs3[PW12O40] (the reported case: one polymeric C1 "molecule")', () => {
  it('splits into the Td Keggin anion (−3 by charge balance), 3 Cs⁺ and water', () => {
    const salt = kegginCsSalt();
    const old = crystalMolecules(salt, { ionicContactsAreBonds: true });
    expect(old.some((m) => m.polymeric && m.formula.startsWith('Cs3'))).toBe(true);
    const found = crystalSpecies(salt);
    expect(found.species.map((s) => [s.formula, s.count, s.charge, s.role, s.atoms])).toEqual([
      ['O40PW12', 1, -3, 'cluster', 53],
      ['H2O', 1, 0, 'solvent', 3],
      ['Cs', 3, 1, 'counterion', 1],
    ]);
    const anion = pickSpecies(found).molecule;
    expect(anion.polymeric).toBe(false);
    expect(findPointGroup(anion.structure).pointGroup).toBe('Td');
  });
});

describe('species line stays short (issue 17.8)', () => {
  it('lists 12 species and summarises the rest', () => {
    const zs = [2, 10, 18, 36, 54, 9, 17, 35, 53, 3, 11, 19, 37, 55, 12];
    const s = createStructure({
      numbers: zs,
      positions: zs.flatMap((_, i) => [3 + 3.6 * i, 5 + 1.5 * (i % 3), 5]),
      cell: cellFromParameters(60, 30, 30, 90, 90, 90),
    });
    const found = crystalSpecies(s);
    expect(found.species).toHaveLength(15);
    expect(speciesLine(found.species)).toMatch(/\[12\] .*, and 3 more species \(--json lists all\)$/);
  });
});

describe('fuzz: any cell and any atoms give species or an InputError (issue 17.1)', () => {
  it('random, tiny, thin and degenerate cells never throw anything else', () => {
    const lengthExp = fc.double({ min: -12, max: 2.5, noNaN: true });
    const angle = fc.oneof(
      fc.double({ min: 1e-4, max: 179.9999, noNaN: true }),
      fc.constantFrom(90, 60, 120, 0.001, 179.999),
    );
    fc.assert(
      fc.property(
        fc.tuple(lengthExp, lengthExp, lengthExp),
        fc.tuple(angle, angle, angle),
        fc.array(
          fc.tuple(
            fc.constantFrom(1, 6, 8, 11, 55, 74, 79, 81),
            fc.double({ min: -1, max: 2, noNaN: true }),
            fc.double({ min: -1, max: 2, noNaN: true }),
            fc.double({ min: -1, max: 2, noNaN: true }),
          ),
          { minLength: 1, maxLength: 25 },
        ),
        ([la, lb, lc], [al, be, ga], atoms) => {
          let cell: Float64Array;
          try {
            cell = cellFromParameters(10 ** la, 10 ** lb, 10 ** lc, al, be, ga);
          } catch (e) {
            expect(e).toBeInstanceOf(InputError);
            return;
          }
          const positions = atoms.flatMap(([, fa, fb, fc_]) =>
            [0, 1, 2].map((k) => fa * cell[k]! + fb * cell[3 + k]! + fc_ * cell[6 + k]!),
          );
          const s = createStructure({ numbers: atoms.map((a) => a[0]), positions, cell });
          try {
            const found = crystalSpecies(s);
            expect(found.species.reduce((t, x) => t + x.count * x.atoms, 0)).toBe(atoms.length);
          } catch (e) {
            expect(e).toBeInstanceOf(InputError);
          }
        },
      ),
      { numRuns: 300, seed: 1707 },
    );
  });
});
