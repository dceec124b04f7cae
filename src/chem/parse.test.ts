import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { validateLigandEntries } from './lexicon.js';
import { formulaMasses, mzFromMass } from './masses.js';
import { FormulaReader, MAX_DEPTH, parseFormula } from './parse.js';

// Independent reference values typed in here (not read from src/data):
// AME2020 atomic masses (Wang et al., Chin. Phys. C 45, 030003 (2021)), Da.
const M = {
  H1: 1.00782503223,
  C12: 12,
  N14: 14.00307400443,
  O16: 15.99491461957,
  P31: 30.97376199842,
  S32: 31.9720711744,
  Ag107: 106.9050915,
  Au197: 196.96657011,
  K39: 38.9637064864,
  W184: 183.95093092,
};
// CODATA 2018 electron mass, Da.
const ME = 5.48579909065e-4;
// CIAAW 2021 standard (conventional) atomic weights.
const A = {
  H: 1.008,
  C: 12.011,
  N: 14.007,
  O: 15.999,
  S: 32.06,
  P: 30.973761998,
  Au: 196.96657,
  Ag: 107.8682,
};

const comp = (t: string) => parseFormula(t).composition;

describe('formula language: compositions a chemist expects', () => {
  it('reads the formulas quoted in the foundation issue', () => {
    expect(comp('[Ag29(BDTA)12(PPh3)4]3-')).toEqual({ Ag: 29, C: 156, H: 108, O: 24, S: 24, P: 4 });
    expect(comp('[PtAu24(SC2H4Ph)18]2-')).toEqual({ Pt: 1, Au: 24, S: 18, C: 144, H: 162 });
    expect(comp('W@Au12')).toEqual({ W: 1, Au: 12 });
    // dppm = Ph2PCH2PPh2 = C25H22P2
    expect(comp('Cl@Ag12@Ag48(dppm)12')).toEqual({ Cl: 1, Ag: 60, C: 300, H: 264, P: 24 });
    expect(comp('K6[P2W18O62]·14H2O')).toEqual({ K: 6, P: 2, W: 18, O: 76, H: 28 });
    // DODA = dimethyldioctadecylammonium C38H80N+
    expect(comp('(DODA)3PW12O40')).toEqual({ C: 114, H: 240, N: 3, P: 1, W: 12, O: 40 });
    // Cp* = C5(CH3)5 = C10H15
    expect(comp('Al50Cp*12')).toEqual({ Al: 50, C: 120, H: 180 });
    // S2P(OiPr)2 = S2PO2C6H14 (diisopropyl dithiophosphate)
    expect(comp('[Cu32H20{S2P(OiPr)2}12]')).toEqual({ Cu: 32, H: 188, S: 24, P: 12, O: 24, C: 72 });
    // SC8H9 thiolate, and the generic SR keeps only S
    expect(comp('Au25(SC8H9)18-')).toEqual({ Au: 25, S: 18, C: 144, H: 162 });
    expect(comp('Au25(SR)18^-')).toEqual({ Au: 25, S: 18 });
  });

  it('reads charges in every common notation and never drops one', () => {
    const z = (t: string) => parseFormula(t).charge;
    expect(z('[Ag29(BDTA)12(PPh3)4]3-')).toBe(-3);
    expect(z('[Ag29(BDTA)12]^3-')).toBe(-3);
    expect(z('[Au25(SR)18]0')).toBe(0);
    expect(z('[Au25(SR)18]-')).toBe(-1);
    expect(z('Au25(SR)18^-')).toBe(-1);
    expect(z('Fe^2+')).toBe(2);
    expect(z('[Fe]2+')).toBe(2);
    expect(z('Fe(3-)')).toBe(-3);
    expect(z('Fe(-3)')).toBe(-3);
    expect(z('Fe(+)')).toBe(1);
    expect(z('[B12H12]²⁻')).toBe(-2);
    expect(z('[Au25(SR)18]−')).toBe(-1); // U+2212 minus
    expect(parseFormula('Au25(PET)18', { charge: -1 }).charge).toBe(-1);
    // a charge written apart, as in paper titles: Ag17(SR)12 3-
    expect(parseFormula('Ag17(SR)12 3-')).toMatchObject({ charge: -3, composition: { Ag: 17, S: 12 } });
    // a bare sign after a count is ±1 and the digits stay counts
    expect(parseFormula('C2H3O2-')).toMatchObject({ charge: -1, composition: { C: 2, H: 3, O: 2 } });
    const au = parseFormula('Au25(SC8H9)18-');
    expect(au.charge).toBe(-1);
    expect(au.ligands[0]!.count).toBe(18);
    expect(au.notes.join(' ')).toMatch(/18 × \(SC8H9\)/);
    // Fe2+ is Fe2 with charge 1+ (documented); the note says how to write Fe²⁺
    const fe = parseFormula('Fe2+');
    expect(fe).toMatchObject({ charge: 1, composition: { Fe: 2 } });
    expect(fe.notes.join(' ')).toMatch(/\^2\+/);
  });

  it('keeps isotope labels, prefixes and adduct separators apart', () => {
    expect(comp('[13C]6H6')).toEqual({ '13C': 6, H: 6 });
    expect(comp('D2O')).toEqual({ '2H': 2, O: 1 });
    const b = parseFormula('closo-[B12H12]2-');
    expect(b.prefixes).toEqual(['closo']);
    expect(b.composition).toEqual({ B: 12, H: 12 });
    expect(parseFormula('1,2-C2B10H12').prefixes).toEqual(['1,2']);
    expect(parseFormula('[nido-B5H9]').prefixes).toEqual(['nido']);
    expect(comp('CuSO4.5H2O')).toEqual({ Cu: 1, S: 1, O: 9, H: 10 });
    expect(comp('CuSO4*5H2O')).toEqual({ Cu: 1, S: 1, O: 9, H: 10 });
    expect(comp('CuSO4·5H2O')).toEqual({ Cu: 1, S: 1, O: 9, H: 10 });
    // CO2 is carbon dioxide (CO is a ligand name, but reads the same as elements)
    expect(comp('CO2')).toEqual({ C: 1, O: 2 });
    // OAc is acetate, not O + actinium
    expect(comp('Cu(OAc)2')).toEqual({ Cu: 1, C: 4, H: 6, O: 4 });
  });

  it('reads substituted aryls written with Ph', () => {
    // SPhMe2 = SC6H3(CH3)2 = SC8H9; SPhF2 = SC6H3F2; TBBT = SC6H4C(CH3)3 = SC10H13
    expect(comp('Au25(SPhMe2)18')).toEqual({ Au: 25, S: 18, C: 144, H: 162 });
    expect(comp('Ag(SPhF2)')).toEqual({ Ag: 1, S: 1, C: 6, H: 3, F: 2 });
    expect(comp('Au(SPhCl)')).toEqual({ Au: 1, S: 1, C: 6, H: 4, Cl: 1 });
    expect(comp('Au(SC6H4iPr)')).toEqual({ Au: 1, S: 1, C: 9, H: 11 });
    expect(comp('Au(TBBT)')).toEqual({ Au: 1, S: 1, C: 10, H: 13 });
    // phenyldi(2-pyridyl)phosphine PPhpy2 = PC6H5(C5H4N)2 = C16H13N2P (pyridyl, not pyridine)
    expect(comp('[Au20(PPhpy2)10Cl4]2+')).toEqual({ Au: 20, P: 10, C: 160, H: 130, N: 20, Cl: 4 });
    // after P the methyls sit on P: dimethylphenylphosphine PPhMe2 = C8H11P
    expect(comp('Au(PPhMe2)Cl')).toEqual({ Au: 1, P: 1, C: 8, H: 11, Cl: 1 });
  });

  it('gives ligands their counting roles', () => {
    const f = parseFormula('[Ag29(BDTA)12(PPh3)4]3-');
    expect(f.core).toEqual({ Ag: 29 });
    const byName = Object.fromEntries(f.ligands.map((l) => [l.name, l]));
    expect(byName.BDTA).toMatchObject({
      count: 12,
      role: 'X',
      electronsWithdrawn: 2,
      charge: -2,
      roleSource: 'table',
    });
    expect(byName.PPh3).toMatchObject({ count: 4, role: 'L', electronsWithdrawn: 0 });
    // written-out ligands: thiolate, dithiophosphate, amide → X1; phosphine → L; dithiolate → X2
    const role = (t: string) => parseFormula(t).ligands[0]!;
    expect(role('Au25(SC6H4iPr)18')).toMatchObject({
      role: 'X',
      electronsWithdrawn: 1,
      roleSource: 'inferred',
    });
    expect(role('[Cu32H20{S2P(OiPr)2}12]')).toMatchObject({ role: 'X', electronsWithdrawn: 1 });
    expect(role('Cu(N(SiMe3)2)')).toMatchObject({ role: 'X', electronsWithdrawn: 1 });
    expect(role('Au(P(C6H5)3)Cl')).toMatchObject({ role: 'L', electronsWithdrawn: 0, roleSource: 'table' });
    expect(role('Au(PPh2C6H4OMe)Cl')).toMatchObject({ role: 'L', electronsWithdrawn: 0 });
    expect(role('Ag44(C6H4S2)15')).toMatchObject({ role: 'X', electronsWithdrawn: 2 });
    expect(role('Rh6(CO)16')).toMatchObject({ name: 'CO', count: 16, role: 'L' });
    expect(role('Au(C2Ph)')).toMatchObject({ role: 'X', electronsWithdrawn: 1 });
    // hydride in the core, counted by the rules
    expect(parseFormula('[Au9H(PPh3)8]2+').core).toEqual({ Au: 9, H: 1 });
  });

  it('splits salts into the cluster ion and counter-ions', () => {
    const k = parseFormula('K6[P2W18O62]·14H2O');
    expect(k.charge).toBe(0);
    expect(k.mainCharge).toBe(-6);
    expect(k.parts.map((p) => p.kind)).toEqual(['main', 'counterion', 'adduct']);
    expect(parseFormula('(TBA)3[PW12O40]').mainCharge).toBe(-3);
    expect(parseFormula('(DODA)3PW12O40').mainCharge).toBe(-3);
    expect(parseFormula('[Au9(PPh3)8](NO3)3').mainCharge).toBe(3);
    expect(parseFormula('H3[PW12O40]').mainCharge).toBe(-3);
    const ni = parseFormula('[Ni@In10]10-');
    expect(ni.mainCharge).toBe(-10);
    expect(ni.endohedral).toEqual([
      { inner: { Ni: 1 }, outer: { In: 10 }, innerText: 'Ni', outerText: 'In10' },
    ]);
    const ag = parseFormula('Cl@Ag12@Ag48(dppm)12');
    expect(ag.endohedral.map((e) => [e.innerText, e.outerText])).toEqual([
      ['Cl', 'Ag12'],
      ['Cl@Ag12', 'Ag48(dppm)12'],
    ]);
  });

  it('writes a canonical text', () => {
    expect(parseFormula('Au25(SR)18^-').canonical).toBe('[Au25(SR)18]-');
    expect(parseFormula('[Ag29(BDTA)12]^3-').canonical).toBe('[Ag29(BDTA)12]^3-'.replace('^', ''));
    expect(parseFormula(' Au25 (p-MBA)18 ').canonical).toBe('Au25(pMBA)18');
    expect(parseFormula('CuSO4*5H2O').canonical).toBe('CuSO4·5H2O');
  });
});

describe('masses', () => {
  it('[Ag29(BDTA)12]3- monoisotopic m/z 1769.2775 (foundation issue, independent calculation)', () => {
    const f = parseFormula('[Ag29(BDTA)12]3-');
    // Ag29C84H48O24S24: Σ n·m(most abundant isotope) + 3 mₑ, over 3
    const mono = 29 * M.Ag107 + 84 * M.C12 + 48 * M.H1 + 24 * M.O16 + 24 * M.S32;
    const m = formulaMasses(f);
    expect(m.monoisotopicMass).toBeCloseTo(mono, 4);
    expect(m.monoisotopicMz!).toBeCloseTo(1769.2775, 4);
    expect(m.monoisotopicMz!).toBeCloseTo((mono + 3 * ME) / 3, 6);
  });

  it('average masses use CIAAW 2021 standard atomic weights', () => {
    // Au25(SC2H4Ph)18: 25 Au + 18 S + 144 C + 162 H
    const expected = 25 * A.Au + 18 * A.S + 144 * A.C + 162 * A.H;
    expect(formulaMasses(parseFormula('Au25(PET)18')).averageMass).toBeCloseTo(expected, 6);
    expect(expected).toBeCloseTo(7394.124, 3);
    const ag = formulaMasses(parseFormula('[Ag29(BDTA)12(PPh3)4]3-'));
    expect(ag.averageMass).toBeCloseTo(29 * A.Ag + 156 * A.C + 108 * A.H + 24 * A.O + 24 * A.S + 4 * A.P, 6);
  });

  it('monoisotopic mass takes the most abundant isotope, not the lightest (W: 184W)', () => {
    const f = parseFormula('K6[P2W18O62]');
    const mono = 6 * M.K39 + 2 * M.P31 + 18 * M.W184 + 62 * M.O16;
    expect(formulaMasses(f).monoisotopicMass).toBeCloseTo(mono, 4);
  });

  it('m/z of anions adds electrons: acetate C2H3O2- = 59.013853 (Σ AME2020 masses + mₑ)', () => {
    const mz = formulaMasses(parseFormula('C2H3O2-')).monoisotopicMz!;
    expect(mz).toBeCloseTo(2 * M.C12 + 3 * M.H1 + 2 * M.O16 + ME, 6);
    expect(mzFromMass(100, 2)).toBeCloseTo((100 - 2 * ME) / 2, 12);
  });

  it('generic ligands make masses unavailable with a message naming the ligand', () => {
    const m = formulaMasses(parseFormula('Au25(SR)18^-'));
    expect(m.averageMass).toBeNull();
    expect(m.monoisotopicMz).toBeNull();
    expect(m.messages.join(' ')).toMatch(/R.*write the ligand out/);
  });

  it('elements without a standard atomic weight say so', () => {
    const m = formulaMasses(parseFormula('TcO4-'));
    expect(m.averageMass).toBeNull();
    expect(m.messages.join(' ')).toMatch(/Tc/);
    // with an isotope label the mass is known: 99Tc 98.9062508 (AME2020)
    expect(formulaMasses(parseFormula('[99Tc]O4-')).monoisotopicMass).toBeCloseTo(98.9062508 + 4 * M.O16, 4);
  });
});

describe('bad input', () => {
  const fails = (t: string, code: string, column?: number) => {
    try {
      parseFormula(t);
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      const err = e as InputError;
      expect(err.code).toBe(code);
      if (column !== undefined) expect(err.location.column).toBe(column);
      expect(err.hint).toBeTruthy();
      expect(err.render()).toContain('^');
      return;
    }
    throw new Error(`expected ${t} to fail with ${code}`);
  };
  it('names the problem, the column and a fix', () => {
    fails('Xy3', 'formula-unknown-symbol', 1);
    fails('Au25Qq', 'formula-unknown-symbol', 5);
    fails('Au25(SR', 'formula-unbalanced', 5);
    fails('Au25(SR))', 'formula-unbalanced', 9);
    fails('Au{SR]', 'formula-mismatched-bracket', 6);
    fails('Au()', 'formula-empty-group');
    fails('14', 'formula-dangling-multiplier', 1);
    fails('Au(SR)·', 'formula-dangling-separator', 7);
    fails('[Au25(SR)18]-^-', 'formula-charge-not-last');
    fails('[Au25(SR)18]-(1-)', 'formula-charge-not-last');
    fails('Au100001', 'formula-count-too-large', 3);
    fails('Au0', 'formula-zero-count', 3);
    fails('Fe0.95O', 'formula-fractional-count', 3);
    fails('Fe2.5', 'formula-fractional-count', 3);
    fails('co', 'formula-unknown-symbol', 1);
    fails('@Au', 'formula-endohedral', 1);
    fails('Au@', 'formula-endohedral', 3);
    fails('Au^x', 'formula-bad-charge', 3);
    fails('Au25(SR)18-Cl', 'formula-charge-not-last');
    fails('Au(SR-)', 'formula-charge-in-group');
  });

  it('rejects a charge given twice', () => {
    expect(() => parseFormula('[Au25(SR)18]-', { charge: -2 })).toThrow(/charge/);
    expect(parseFormula('[Au25(SR)18]-', { charge: -1 }).charge).toBe(-1);
  });

  it('suggests the capitalisation a chemist meant', () => {
    try {
      parseFormula('co');
    } catch (e) {
      expect((e as InputError).hint).toMatch(/Co \(element\)/);
    }
  });

  it('fuzz: random strings either parse or raise InputError, never anything else', () => {
    const alphabet = 'AuAgSRPhCpdpmBDTAXLHClCOc()[]{}0123456789+-^·.*@ ,-−²⁻€';
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 30 }), (s) => {
        try {
          const f = parseFormula(s);
          for (const v of Object.values(f.composition)) expect(Number.isInteger(v) && v > 0).toBe(true);
          expect(Number.isInteger(f.charge)).toBe(true);
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          expect(e.location.column ?? 1).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('fuzz: literature tokens (hyphens, ion pairs, crowns, database spellings) parse or raise InputError', () => {
    const tokens = [
      'Au',
      'Ag',
      '25',
      '18',
      '(',
      ')',
      '[',
      ']',
      '{',
      '}',
      '-',
      '+',
      '−',
      '^',
      '·',
      ' ',
      '@',
      'S',
      'Adm',
      'c-',
      'n-',
      'p',
      'Me',
      'Ph',
      'tBu',
      'But',
      'Bu(t)',
      'C≡C',
      'TOA',
      'NBu4',
      '18-crown-6',
      '[2.2.2]crypt',
      'Na',
      'K',
      'Ge9',
      'x',
      'n',
      'H2O',
      '(62)',
      '(VI)',
      '(I)',
      'Cu-',
      'Ih-',
      'closo-',
      '1,2-',
      'COOH',
      'SPh',
      '0',
      '3-',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...tokens), { maxLength: 14 }), (parts) => {
        const s = parts.join('');
        try {
          const f = parseFormula(s);
          for (const v of Object.values(f.composition)) expect(Number.isInteger(v) && v > 0).toBe(true);
          expect(Number.isInteger(f.charge)).toBe(true);
          expect(Number.isInteger(f.mainCharge)).toBe(true);
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          expect(e.location.column ?? 1).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 4000 },
    );
  });

  it('fuzz: mutations of valid formulas either parse or raise InputError', () => {
    const seeds = [
      '[Ag29(BDTA)12(PPh3)4]3-',
      'K6[P2W18O62]·14H2O',
      'Cl@Ag12@Ag48(dppm)12',
      'Au25(SC8H9)18-',
      '[TOA+][Au25(SCH2CH2Ph)18−]',
      '[Rb([2.2.2]crypt)]2[Rb([18]crown−6)][HGe9]·4NH3',
      '[Ag(62)S(13)(SBu(t))(32)](BF(4))(4)',
      'Au23(S-c-C6H11)16−',
      'Na3PW12O40·xH2O',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.nat(40), fc.string({ maxLength: 3 }), (seed, at, ins) => {
        const i = at % (seed.length + 1);
        const s = seed.slice(0, i) + ins + seed.slice(i + 1);
        try {
          parseFormula(s);
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('ligand view shared with count (issue 9.9)', () => {
  it('a bare halogen beside the metals of a ligated cluster is a halide X ligand, as if written (Cl)2', () => {
    // [Au13(dppe)5Cl2]3+: 13 − 2 Cl − 3 = 8 electrons (Shichibu & Konishi, Small 6, 1216 (2010))
    const f = parseFormula('[Au13(dppe)5Cl2]3+');
    const g = parseFormula('[Au13(dppe)5(Cl)2]3+');
    expect(f.core).toEqual({ Au: 13 });
    expect(f.ligands.find((l) => l.name === 'Cl')).toMatchObject({
      count: 2,
      role: 'X',
      electronsWithdrawn: 1,
    });
    expect(f.ligands.map((l) => [l.name, l.count, l.role])).toEqual(
      g.ligands.map((l) => [l.name, l.count, l.role]),
    );
    expect(f.composition).toEqual(g.composition);
  });
  it('halogens stay in the core without other ligands or inside an endohedral shell', () => {
    expect(parseFormula('[AlF4]-').core).toEqual({ Al: 1, F: 4 });
    expect(parseFormula('[PtCl4]2-').core).toEqual({ Pt: 1, Cl: 4 });
    const ag = parseFormula('Cl@Ag12@Ag48(dppm)12');
    expect(ag.core.Cl).toBe(1);
    expect(ag.ligands.some((l) => l.name === 'Cl')).toBe(false);
  });
  it('MeOPhS is 4-methoxybenzenethiolate, C7H7OS, an X-type ligand', () => {
    const f = parseFormula('[Au19Ag6(MeOPhS)17(PPh3)6]2+');
    const l = f.ligands.find((x) => x.name === 'MeOPhS')!;
    expect(l.composition).toEqual({ C: 7, H: 7, O: 1, S: 1 });
    expect(l).toMatchObject({ role: 'X', electronsWithdrawn: 1 });
    expect(parseFormula('Au(tBuPhS)').composition).toEqual({ Au: 1, C: 10, H: 13, S: 1 });
    // pyridine-2-thiolate is C5H4NS⁻ (an X ligand), not S + pyridine
    for (const t of ['Au(SPy)', 'Au(2-SPy)']) {
      const l = parseFormula(t).ligands[0]!;
      expect(l.composition).toEqual({ S: 1, C: 5, H: 4, N: 1 });
      expect(l.role).toBe('X');
    }
  });
});

describe('bracket nesting depth (issue 17.4)', () => {
  const refuse = (s: string, col: number) => {
    let err: unknown;
    try {
      parseFormula(s);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).code).toBe('formula-too-deep');
    expect((err as InputError).location.column).toBe(col);
  };
  it('886 nested brackets (under the 2000-character limit) are an InputError at the 33rd bracket', () => {
    refuse(`${'('.repeat(886)}Au${')'.repeat(886)}`, MAX_DEPTH + 1);
  });
  it('1707 unclosed "(" are an InputError, not a stack overflow', () => {
    refuse(`${'('.repeat(1707)}`, MAX_DEPTH + 1);
  });
  it(`${MAX_DEPTH} levels still parse (the cap is not below what formulas use)`, () => {
    const s = `${'('.repeat(MAX_DEPTH)}Au${')2'.repeat(MAX_DEPTH)}`;
    expect(parseFormula('[Cu32H20{S2P(OiPr)2}12]').composition.Cu).toBe(32);
    // 2^32 atoms exceeds the atom cap: depth is accepted, the size refused with its own code
    expect(() => parseFormula(s)).toThrow(/atoms/);
    expect(parseFormula(`${'('.repeat(MAX_DEPTH)}Au${')'.repeat(MAX_DEPTH)}`).composition).toEqual({ Au: 1 });
  });
  it('fuzz: deep mixed nesting, closed or not, parses or raises InputError', () => {
    const opener = fc.constantFrom('(', '[', '{');
    fc.assert(
      fc.property(
        fc.array(opener, { minLength: 1, maxLength: 1500 }),
        fc.boolean(),
        fc.constantFrom('Au', 'SR', 'PPh3', ''),
        (opens, close, body) => {
          const closing: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
          const s = `${opens.join('')}${body}${
            close
              ? [...opens]
                  .reverse()
                  .map((o) => `${closing[o]}2`)
                  .join('')
              : ''
          }`;
          try {
            parseFormula(s.slice(0, 2000));
          } catch (e) {
            if (!(e instanceof InputError)) throw e;
            if (opens.length > MAX_DEPTH && s.length <= 2000) expect(e.code).toBe('formula-too-deep');
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('user ligands', () => {
  it('extends the table from JSON entries', () => {
    const entries = validateLigandEntries([{ name: 'SNap', formula: 'SC10H7', charge: -1, role: 'X' }]);
    const reader = new FormulaReader(entries);
    const f = reader.parse('Au25(SNap)18-');
    expect(f.composition).toEqual({ Au: 25, S: 18, C: 180, H: 126 });
    expect(f.ligands[0]).toMatchObject({ name: 'SNap', role: 'X', electronsWithdrawn: 1 });
  });
  it('says what is wrong with a bad entry', () => {
    expect(() => validateLigandEntries([{ name: '1x', formula: 'S', role: 'X' }])).toThrow(/name/);
    expect(() => validateLigandEntries({})).toThrow(/array/);
    expect(() => validateLigandEntries([{ name: 'Q', formula: 'S', role: 'Z' }])).toThrow(/role/);
    expect(
      () => new FormulaReader(validateLigandEntries([{ name: 'Qq', formula: 'Xx', role: 'X' }])),
    ).toThrow(/Qq/);
  });
});
