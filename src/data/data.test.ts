/**
 * Checks the generated tables against literature values. Every expected value below is taken
 * from the reference cited next to it, not from the generated files.
 *
 * [CIAAW2021] T. Prohaska et al., Standard atomic weights of the elements 2021 (IUPAC Technical
 *             Report), Pure Appl. Chem. 94 (2022) 573, doi:10.1515/pac-2019-0603 (ciaaw.org).
 * [AME2020]   M. Wang et al., The AME 2020 atomic mass evaluation (II), Chin. Phys. C 45 (2021)
 *             030003 (atomic masses as tabulated on ciaaw.org/atomic-masses.htm).
 * [IUPAC-ICE] Representative isotopic compositions, IUPAC: Berglund & Wieser, Pure Appl. Chem.
 *             83 (2011) 397; retained in Meija et al., Pure Appl. Chem. 88 (2016) 293.
 * [Cordero]   B. Cordero et al., Covalent radii revisited, Dalton Trans. 2008, 2832, Table 2.
 * [Pyykko]    P. Pyykkö, M. Atsumi, Chem. Eur. J. 15 (2009) 186 (single-bond radii).
 * [NIST]      NIST Atomic Spectra Database, ground levels of the neutral atoms.
 */
import { describe, expect, it } from 'vitest';
import {
  ELEMENTS,
  ELEMENTS_SOURCE,
  elementBySymbol,
  elementByZ,
  ISOTOPES,
  ISOTOPES_SOURCE,
  isotope,
  mostAbundantIsotope,
  naturalIsotopes,
} from './index.js';

const el = (symbol: string) => {
  const e = elementBySymbol(symbol);
  if (!e) throw new Error(`no element ${symbol}`);
  return e;
};
const Z = (symbol: string) => el(symbol).z;

describe('element table', () => {
  it('has 118 elements indexed by z-1, with unique symbols', () => {
    expect(ELEMENTS).toHaveLength(118);
    ELEMENTS.forEach((e, i) => {
      expect(e.z).toBe(i + 1);
    });
    expect(new Set(ELEMENTS.map((e) => e.symbol)).size).toBe(118);
    expect(elementByZ(79)?.symbol).toBe('Au');
    expect(elementByZ(0)).toBeUndefined();
    expect(elementByZ(119)).toBeUndefined();
    expect(elementBySymbol('AU')).toBeUndefined(); // exact case only
    expect(ELEMENTS_SOURCE).toMatch(/CIAAW 2021/);
    expect(ISOTOPES_SOURCE).toMatch(/AME2020/);
  });

  it('has CIAAW 2021 standard atomic weights', () => {
    // [CIAAW2021] standard values with all their digits
    expect(el('Au').atomicWeightDa).toBe(196.96657); // 196.966570 ± 0.000004
    expect(el('Ag').atomicWeightDa).toBe(107.8682); // ± 0.0002
    expect(el('Pt').atomicWeightDa).toBe(195.084); // ± 0.009
    expect(el('W').atomicWeightDa).toBe(183.84); // ± 0.01
    expect(el('Mo').atomicWeightDa).toBe(95.95); // ± 0.01 (revised 2013)
    expect(el('P').atomicWeightDa).toBe(30.973761998); // ± 0.000000005
    expect(el('Cu').atomicWeightDa).toBe(63.546); // ± 0.003
    expect(el('Pd').atomicWeightDa).toBe(106.42); // ± 0.01
    expect(el('Hf').atomicWeightDa).toBe(178.486); // ± 0.006 (revised 2019)
    expect(el('Yb').atomicWeightDa).toBe(173.045); // ± 0.010 (revised 2015)
    expect(el('Ir').atomicWeightDa).toBe(192.217); // ± 0.002 (revised 2017)
    expect(el('Sn').atomicWeightDa).toBe(118.71); // 118.710 ± 0.007
    expect(el('Au').atomicWeightNote).toBe('standard');
  });

  it('uses CIAAW conventional values for interval elements', () => {
    // [CIAAW2021] Table 3 (conventional atomic weights)
    const conventional: Record<string, number> = {
      H: 1.008,
      Li: 6.94,
      B: 10.81,
      C: 12.011,
      N: 14.007,
      O: 15.999,
      Mg: 24.305,
      Si: 28.085,
      S: 32.06,
      Cl: 35.45,
      Ar: 39.95, // interval [39.792, 39.963] since 2017
      Br: 79.904,
      Tl: 204.38,
      Pb: 207.2, // interval [206.14, 207.94] since 2020
    };
    for (const [symbol, weight] of Object.entries(conventional)) {
      expect(el(symbol).atomicWeightDa, symbol).toBe(weight);
      expect(el(symbol).atomicWeightNote, symbol).toBe('conventional');
    }
  });

  it('has no standard atomic weight for Tc, Pm, Po–Ac and Z ≥ 93', () => {
    // [CIAAW2021] these elements have no standard atomic weight; Th, Pa and U do
    for (const symbol of ['Tc', 'Pm', 'Po', 'At', 'Rn', 'Fr', 'Ra', 'Ac', 'Np', 'Pu', 'Og']) {
      expect(el(symbol).atomicWeightDa, symbol).toBeNull();
      expect(el(symbol).atomicWeightNote, symbol).toBe('none');
    }
    expect(el('Th').atomicWeightDa).toBe(232.0377); // ± 0.0004
    expect(el('Pa').atomicWeightDa).toBe(231.03588); // ± 0.00001
    expect(el('U').atomicWeightDa).toBe(238.02891); // ± 0.00003
  });

  it('has Cordero single-bond covalent radii (Å)', () => {
    // [Cordero] Table 2
    expect(el('Au').covalentRadiusA).toBe(1.36);
    expect(el('Ag').covalentRadiusA).toBe(1.45);
    expect(el('Cu').covalentRadiusA).toBe(1.32);
    expect(el('Pt').covalentRadiusA).toBe(1.36);
    expect(el('Pd').covalentRadiusA).toBe(1.39);
    expect(el('S').covalentRadiusA).toBe(1.05);
    expect(el('P').covalentRadiusA).toBe(1.07);
    expect(el('C').covalentRadiusA).toBe(0.76); // sp3
    expect(el('H').covalentRadiusA).toBe(0.31);
    expect(el('Mn').covalentRadiusA).toBe(1.39); // low spin
    expect(el('Fe').covalentRadiusA).toBe(1.32); // low spin
    expect(el('Co').covalentRadiusA).toBe(1.26); // low spin
    expect(el('Cm').covalentRadiusA).toBe(1.69); // last Cordero value
    // [Pyykko] single-bond radii where Cordero has none
    expect(el('Bk').covalentRadiusA).toBe(1.68);
    expect(el('Rg').covalentRadiusA).toBe(1.21);
    expect(el('Og').covalentRadiusA).toBe(1.57);
    expect(ELEMENTS.every((e) => e.covalentRadiusA !== null)).toBe(true);
  });
});

describe('configurations, positions and valence', () => {
  it('has the NIST ground-state exceptions', () => {
    // [NIST]
    expect(el('Cu').configuration).toBe('[Ar] 3d10 4s1');
    expect(el('Cr').configuration).toBe('[Ar] 3d5 4s1');
    expect(el('Pd').configuration).toBe('[Kr] 4d10');
    expect(el('Pt').configuration).toBe('[Xe] 4f14 5d9 6s1');
    expect(el('Au').configuration).toBe('[Xe] 4f14 5d10 6s1');
    expect(el('Gd').configuration).toBe('[Xe] 4f7 5d1 6s2');
    expect(el('U').configuration).toBe('[Rn] 5f3 6d1 7s2');
    expect(el('Lr').configuration).toBe('[Rn] 5f14 7s2 7p1');
  });

  it('derives valence occupations', () => {
    // from the [NIST] configurations: Au 5d10 6s1 (4f14 is core)
    expect(el('Au').valence).toEqual({ s: 1, p: 0, d: 10, f: 0 });
    expect(el('Ag').valence).toEqual({ s: 1, p: 0, d: 10, f: 0 });
    expect(el('Pd').valence).toEqual({ s: 0, p: 0, d: 10, f: 0 }); // [Kr] 4d10
    expect(el('Pt').valence).toEqual({ s: 1, p: 0, d: 9, f: 0 });
    expect(el('Al').valence).toEqual({ s: 2, p: 1, d: 0, f: 0 }); // [Ne] 3s2 3p1
    expect(el('Sn').valence).toEqual({ s: 2, p: 2, d: 0, f: 0 }); // 4d10 is core in the p block
    expect(el('Gd').valence).toEqual({ s: 2, p: 0, d: 1, f: 7 }); // [Xe] 4f7 5d1 6s2
    expect(el('Cs').valence).toEqual({ s: 1, p: 0, d: 0, f: 0 });
  });

  it('places elements in IUPAC groups, periods and blocks', () => {
    // IUPAC periodic table (2022): groups 1-18; La/Ac in group 3 by the convention of this table
    expect(el('Al').group).toBe(13);
    expect(el('Sn').group).toBe(14);
    expect(el('Au').group).toBe(11);
    expect(el('Pd').group).toBe(10);
    expect(el('Pd').period).toBe(5); // [Kr] 4d10 has no 5s electron but is in period 5
    expect(el('He').group).toBe(18);
    expect(el('La').group).toBe(3);
    expect(el('La').block).toBe('d');
    expect(el('Ce').group).toBeNull();
    expect(el('Ce').block).toBe('f');
    expect(el('Lu').group).toBeNull();
    expect(el('Hf').group).toBe(4);
    expect(el('Og').period).toBe(7);
    expect(el('Og').group).toBe(18);
    expect(el('Au').block).toBe('d');
    expect(el('Sn').block).toBe('p');
    expect(el('Cs').block).toBe('s');
  });
});

describe('isotopes', () => {
  it('has Ag isotope masses (AME2020) and abundances (IUPAC)', () => {
    const ag107 = isotope(47, 107);
    const ag109 = isotope(47, 109);
    expect(ag107?.massDa).toBeCloseTo(106.905091509, 8); // [AME2020] 106.905091509(2556)
    expect(ag109?.massDa).toBeCloseTo(108.904755778, 8); // [AME2020] 108.904755778(1381)
    expect(ag107?.abundance).toBe(0.51839); // [IUPAC-ICE] 0.51839(8)
    expect(ag109?.abundance).toBe(0.48161); // [IUPAC-ICE] 0.48161(8)
    expect(naturalIsotopes(47).map((i) => i.massNumber)).toEqual([107, 109]);
  });

  it('has AME2020 masses for cluster-relevant nuclides', () => {
    // [AME2020]
    expect(isotope(Z('Au'), 197)?.massDa).toBeCloseTo(196.966570103, 8);
    expect(isotope(Z('Cu'), 63)?.massDa).toBeCloseTo(62.929597119, 8);
    expect(isotope(Z('Pt'), 195)?.massDa).toBeCloseTo(194.964794325, 8);
    expect(isotope(Z('Pd'), 106)?.massDa).toBeCloseTo(105.903480287, 8);
    expect(isotope(Z('S'), 32)?.massDa).toBeCloseTo(31.97207117354, 9);
    expect(isotope(Z('P'), 31)?.massDa).toBeCloseTo(30.97376199768, 9);
    expect(isotope(Z('Cl'), 35)?.massDa).toBeCloseTo(34.968852694, 8);
    expect(isotope(Z('Cs'), 133)?.massDa).toBeCloseTo(132.905451958, 8);
    expect(isotope(Z('H'), 1)?.massDa).toBeCloseTo(1.007825031898, 10);
    expect(isotope(Z('C'), 12)?.massDa).toBe(12); // by definition of the dalton
  });

  it('has the most abundant isotopes', () => {
    // [IUPAC-ICE] representative compositions
    expect(mostAbundantIsotope(Z('Pt'))?.massNumber).toBe(195); // 0.3378 vs 194Pt 0.3286
    expect(mostAbundantIsotope(Z('Mo'))?.massNumber).toBe(98); // 0.2439
    expect(mostAbundantIsotope(Z('W'))?.massNumber).toBe(184); // 0.3064
    expect(mostAbundantIsotope(Z('Pd'))?.massNumber).toBe(106); // 0.2733
    expect(mostAbundantIsotope(Z('Cu'))?.abundance).toBe(0.6915); // 63Cu 0.6915(15)
    expect(mostAbundantIsotope(Z('Au'))?.abundance).toBe(1); // monoisotopic
    expect(mostAbundantIsotope(Z('Tc'))).toBeUndefined(); // no natural isotope
    expect(naturalIsotopes(Z('Pm'))).toEqual([]);
  });

  it('lists unnatural isotopes with abundance 0 (for labels like [99Tc], [14C])', () => {
    expect(isotope(Z('Tc'), 99)?.abundance).toBe(0);
    expect(isotope(Z('Tc'), 99)?.massDa).toBeCloseTo(98.906, 3); // [AME2020] 98.906249681
    expect(isotope(Z('C'), 14)?.abundance).toBe(0);
    expect(isotope(Z('C'), 13)?.abundance).toBe(0.0107); // [IUPAC-ICE] 0.0107(8)
    expect(isotope(Z('Au'), 500)).toBeUndefined();
  });

  it('is sorted by mass number and abundances sum to 1 for every natural element', () => {
    expect(ISOTOPES).toHaveLength(118);
    let natural = 0;
    ISOTOPES.forEach((list, i) => {
      expect(list.length, `Z=${i + 1}`).toBeGreaterThan(0);
      for (let k = 1; k < list.length; k++) {
        expect(list[k]!.massNumber).toBeGreaterThan(list[k - 1]!.massNumber);
      }
      const nat = naturalIsotopes(i + 1);
      if (nat.length === 0) return;
      natural++;
      const sum = nat.reduce((s, x) => s + x.abundance, 0);
      expect(Math.abs(sum - 1), `Z=${i + 1} sums to ${sum}`).toBeLessThan(1e-4);
    });
    expect(natural).toBeGreaterThanOrEqual(84); // elements with a standard atomic weight
  });

  it('isotopic compositions reproduce the CIAAW standard atomic weights', () => {
    // Mean mass of the representative composition vs [CIAAW2021]: within the CIAAW uncertainty
    // for these elements (Au ± 0.000004, Ag ± 0.0002, Cu ± 0.003, Pt ± 0.009, Mo ± 0.01, W ± 0.01)
    const mean = (z: number) => naturalIsotopes(z).reduce((s, x) => s + x.abundance * x.massDa, 0);
    expect(Math.abs(mean(Z('Au')) - 196.96657)).toBeLessThan(4e-6);
    expect(Math.abs(mean(Z('Ag')) - 107.8682)).toBeLessThan(2e-4);
    expect(Math.abs(mean(Z('Cu')) - 63.546)).toBeLessThan(3e-3);
    expect(Math.abs(mean(Z('Pt')) - 195.084)).toBeLessThan(9e-3);
    expect(Math.abs(mean(Z('Mo')) - 95.95)).toBeLessThan(1e-2);
    expect(Math.abs(mean(Z('W')) - 183.84)).toBeLessThan(1e-2);
  });
});
