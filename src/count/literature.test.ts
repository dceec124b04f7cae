/**
 * Literature cases: every expected count and verdict comes from the cited paper or textbook
 * (or, where marked "derived", from the paper's own counting convention applied by hand),
 * never from this code's output. Formulas go through parseFormula, as users write them.
 */
import { describe, expect, it } from 'vitest';
import { type CountRequest, countFormula } from '../workflows/count.js';
import type { CountResult } from './types.js';

function run(formula: string, rule: string, req: CountRequest = {}): CountResult {
  const r = countFormula(formula, { ...req, rule });
  const res = r.results[0]!;
  expect(res.rule).toBe(rule);
  return res;
}

type Case = readonly [formula: string, rule: string, count: number, verdict: string, req?: CountRequest];

function table(cases: readonly Case[]) {
  for (const [formula, rule, count, verdict, req] of cases) {
    it(`${formula} — ${rule} → ${count} ${verdict}`, () => {
      const r = run(formula, rule, req);
      expect(r.applies, r.reason).toBe(true);
      expect(r.count).toBe(count);
      expect(r.verdict).toBe(verdict);
      expect(r.steps.length).toBeGreaterThan(0);
      for (const s of r.steps) expect(s.why.length).toBeGreaterThan(5);
      expect(r.steps.reduce((a, s) => a + s.electrons, 0)).toBe(
        rule === 'wade-mingos' || rule === 'jemmis-mno'
          ? 2 * count
          : r.details?.metalMetalBonds
            ? r.details.totalElectrons
            : count,
      );
    });
  }
}

describe('superatom-complex: ligand-protected clusters', () => {
  table([
    // AbdulHalim, Bootharaju, …, Bakr, JACS 137, 11970 (2015): [Ag29(BDT)12(TPP)4]3− is an 8-electron superatom (1S2 1P6).
    ['[Ag29(BDTA)12(PPh3)4]3-', 'superatom-complex', 8, 'closed-shell'],
    // AbdulHalim et al. JACS 2015 (same cluster written with BDT, C6H4S2²⁻).
    ['[Ag29(BDT)12(PPh3)4]3-', 'superatom-complex', 8, 'closed-shell'],
    // Akola, Walter, Whetten, Häkkinen, Grönbeck, JACS 130, 3756 (2008): 8-electron shell closure of the anion.
    ['[Au25(SR)18]-', 'superatom-complex', 8, 'closed-shell'],
    // Zhu, Aikens, Hollander, Schatz, Jin, JACS 130, 5883 (2008): [Au25(SCH2CH2Ph)18]− (PET written as an abbreviation).
    ['[Au25(PET)18]-', 'superatom-complex', 8, 'closed-shell'],
    // Tofanelli et al., Chem. Sci. 7, 1882 (2016): neutral Au25(SR)18 is a paramagnetic 7-electron radical.
    ['Au25(SR)18', 'superatom-complex', 7, 'open-shell'],
    // Same neutral cluster with the thiolate written out (SC8H9 = SCH2CH2Ph): withdraws 1 like SR.
    ['Au25(SC8H9)18', 'superatom-complex', 7, 'open-shell'],
    // Akola et al. 2008: the salt (TOA)[Au25(SR)18] holds the 8-electron anion.
    ['(TOA)[Au25(SR)18]', 'superatom-complex', 8, 'closed-shell'],
    // Kwak, Tang, Kim, Jiang, Lee, JACS 2015: [PtAu24(SR)18]2− is an 8-electron superatom.
    ['[PtAu24(SR)18]2-', 'superatom-complex', 8, 'closed-shell'],
    // Kwak et al. JACS 2015: neutral [PdAu24(SR)18]0 is a 6-electron (1S2 1P4) cluster; Pd counts 0.
    ['[PdAu24(SR)18]0', 'superatom-complex', 6, 'open-shell'],
    // Walter et al., PNAS 105, 9157 (2008): Au102(p-MBA)44 has 58 electrons, a closed shell.
    ['Au102(p-MBA)44', 'superatom-complex', 58, 'closed-shell'],
    // Walter et al. PNAS 2008 (generic thiolate).
    ['Au102(SR)44', 'superatom-complex', 58, 'closed-shell'],
    // Yang et al., Nat. Commun. 4, 2422 (2013): [Ag44(SR)30]4−, 18-electron shell closure (1S2 1P6 1D10).
    ['[Ag44(SR)30]4-', 'superatom-complex', 18, 'closed-shell'],
    // Yang et al. Nat. Commun. 2013 used 3,4-difluorobenzenethiolate SPhF2.
    ['[Ag44(SPhF2)30]4-', 'superatom-complex', 18, 'closed-shell'],
    // Chakraborty, …, Pradeep, JPCL 2013: [Ag44(SePh)30]4−, 18 electrons (selenolate withdraws 1).
    ['[Ag44(SePh)30]4-', 'superatom-complex', 18, 'closed-shell'],
    // Takano et al., JACS 140, 8380 (2018): (Au9H)2+ core is a closed-shell superatom; H donates 1.
    ['[Au9H(PPh3)8]2+', 'superatom-complex', 8, 'closed-shell'],
    // Walter et al. PNAS 2008, Table 1: Au11(PPh3)8Cl2+ has 8 electrons.
    ['[Au11(PPh3)8Cl2]+', 'superatom-complex', 8, 'closed-shell'],
    // Walter et al. PNAS 2008, Table 1: Au39(PPh3)14Cl6− has 34 electrons (1F closing).
    ['[Au39(PPh3)14Cl6]-', 'superatom-complex', 34, 'closed-shell'],
    // Shichibu & Konishi, Small 6, 1216 (2010); Walter 2008 count: [Au13(dppe)5Cl2]3+ is an 8-electron icosahedron.
    ['[Au13(dppe)5Cl2]3+', 'superatom-complex', 8, 'closed-shell'],
    // Lopez-Acevedo, Clayborne, Häkkinen, PRB 84, 035434 (2011) / arXiv 1104.4859: Al50Cp*12, 138 electrons.
    ['Al50Cp*12', 'superatom-complex', 138, 'closed-shell'],
    // Lopez-Acevedo, Clayborne, Häkkinen 2011: Ga23(N(SiMe3)2)11 has 58 electrons; the amide withdraws 1.
    ['Ga23(N(SiMe3)2)11', 'superatom-complex', 58, 'closed-shell'],
    // Das, Li, …, Jin, JACS 135, 18264 (2013): [Au23(SR)16]− is an 8-electron cluster.
    ['[Au23(SR)16]-', 'superatom-complex', 8, 'closed-shell'],
    // Zeng, Chen, Liu, Jin, JACS 135, 10011 (2013): Au28(TBBT)20, 8 free electrons.
    ['Au28(TBBT)20', 'superatom-complex', 8, 'closed-shell'],
    // Zhu, Qian, Jin, JACS 133, 3880 (2011) (count of Au20(SR)16): 4 free electrons, 1S2 1P2.
    ['Au20(SR)16', 'superatom-complex', 4, 'open-shell'],
    // Nanoscale 2013 "Au38(SR)24: a superatomic molecule": 14 electrons, not a single spherical closed shell.
    // Its bi-icosahedral Au23 core is an F2 analogue (7 + 7 with one superatomic bond): a superatomic molecule.
    ['Au38(SR)24', 'superatom-complex', 14, 'superatomic-molecule'],
    // Lopez-Acevedo et al., J. Phys. Chem. C 113, 5035 (2009): Au144(SR)60, 84 electrons, not spherical-magic.
    ['Au144(SR)60', 'superatom-complex', 84, 'open-shell'],
    // Takano, Yamazoe, Tsukuda, APL Mater. 5, 053402 (2017): a 10-electron gold superatom, 1S2 1P6 1D2.
    ['Au13(PPh3)8(p-MBA)3', 'superatom-complex', 10, 'open-shell'],
    // Site-specific Ag-doped Au25 (biocloudy 5726688 abstract): [Au19Ag6(SR)17(PPh3)6]2+ "is a 6e system".
    ['[Au19Ag6(SR)17(PPh3)6]2+', 'superatom-complex', 6, 'open-shell'],
    // Nguyen, …, Hayton, JACS 137, 13319 (2015): [Cu25H22(PPh3)12]+ has two free electrons (hydrides withdraw).
    ['[Cu25H22(PPh3)12]+', 'superatom-complex', 2, 'closed-shell'],
    // Dhayal, …, Liu, Chem. Eur. J. 21, 8369 (2015): [Cu32H20{S2P(OiPr)2}12] is an all-Cu(I) cluster (n = 0).
    ['[Cu32H20{S2P(OiPr)2}12]', 'superatom-complex', 0, 'none'],
    // JACS 2023, doi 10.1021/jacs.3c04482: [RhAg21{S2P(OnPr)2}12] is an eight-electron superatom (Rh⁻ d10).
    ['[RhAg21{S2P(OnPr)2}12]', 'superatom-complex', 8, 'closed-shell'],
    // Same series (x = 2): [RhH2Ag19{S2P(OnPr)2}12], eight electrons.
    ['[RhH2Ag19{S2P(OnPr)2}12]', 'superatom-complex', 8, 'closed-shell'],
    // Yi, Han, Song, Kim, Sim, Lee (2023): [RhH@Ag24(SPhMe2)18]2− is isoelectronic with 8-electron [PdAg24(SR)18]2−.
    ['[RhHAg24(SPhMe2)18]2-', 'superatom-complex', 8, 'closed-shell'],
    // Scherbaum, …, Schmidbaur, Angew. Chem. 27, 1544 (1988): [(Ph3PAu)6C]2+, an all-Au(I) carbon-centred cluster.
    ['[Au6C(PPh3)6]2+', 'superatom-complex', 0, 'none'],
  ]);

  it('hydride role can be overridden per call (Cu25H22: donor reading gives 25 + 22 − 1 = 46)', () => {
    // Arithmetic of the formula with the donor convention (the literature assignment is withdrawing).
    const r = run('[Cu25H22(PPh3)12]+', 'superatom-complex', { hydride: 'donor' });
    expect(r.count).toBe(46);
    expect(r.steps.some((s) => s.term.startsWith('22 H') && s.electrons === 22)).toBe(true);
  });

  it('Au25(SR)18 reports 1S2 1P5 and Au25⁻ 1S2 1P6 (Akola 2008; Tofanelli 2016)', () => {
    expect(run('Au25(SR)18', 'superatom-complex').configuration).toBe('1S2 1P5');
    expect(run('[Au25(SR)18]-', 'superatom-complex').configuration).toBe('1S2 1P6');
    // Au102: 1S2 1P6 1D10 2S2 1F14 2P6 1G18 (Walter et al. PNAS 2008)
    expect(run('Au102(SR)44', 'superatom-complex').configuration).toBe('1S2 1P6 1D10 2S2 1F14 2P6 1G18');
  });

  it('says why a bare cluster or a carbonyl cluster is not a superatom complex', () => {
    const bare = run('Al13-', 'superatom-complex');
    expect(bare.applies).toBe(false);
    expect(bare.count).toBeNull();
    expect(bare.reason).toMatch(/jellium/);
    expect(run('Rh6(CO)16', 'superatom-complex').applies).toBe(false);
  });
});

describe('jellium: bare clusters', () => {
  table([
    // Knight, Clemenger, de Heer, Saunders, Chou, Cohen, PRL 52, 2141 (1984): Na8, Na20, Na40, Na58 magic.
    ['Na8', 'jellium', 8, 'closed-shell'],
    ['Na20', 'jellium', 20, 'closed-shell'],
    ['Na40', 'jellium', 40, 'closed-shell'],
    ['Na58', 'jellium', 58, 'closed-shell'],
    // Bergeron, Castleman, Morisato, Khanna, Science 304, 84 (2004): Al13− 40 e closed; Al13 39 e superhalogen.
    ['Al13-', 'jellium', 40, 'closed-shell'],
    ['Al13', 'jellium', 39, 'open-shell'],
    // Bergeron et al. 2004: Al13I− keeps a 40-electron Al13− core (I withdraws 1).
    ['Al13I-', 'jellium', 40, 'closed-shell'],
    // Bergeron, Roach, Castleman, Jones, Khanna, Science 307, 231 (2005): Al14 (42 e) behaves as an alkaline earth.
    ['Al14', 'jellium', 42, 'open-shell'],
    // Dalton Trans. 2008 (B803958E): P4 has 20 valence electrons = jellium closed shell.
    ['P4', 'jellium', 20, 'closed-shell'],
    // Dalton Trans. 2008 (B803958E): [Ni@In10]10− has 40 electrons, interstitial Ni d10 counts 0.
    ['[Ni@In10]10-', 'jellium', 40, 'closed-shell'],
    // Li, Li, Zhai, Wang, Science 299, 864 (2003): tetrahedral Au20, 20 electrons, large HOMO–LUMO gap.
    ['Au20', 'jellium', 20, 'closed-shell', { model: 'tetrahedral' }],
    // Jiang & Walter, PRB 84, 193402 (2011): Au40 is a tetrahedral magic cluster (40 electrons).
    ['Au40', 'jellium', 40, 'closed-shell', { model: 'tetrahedral' }],
    // Knight et al. 1984, Woods–Saxon magic numbers include 70 (2D 3S): Na70 closes only in that model.
    ['Na70', 'jellium', 70, 'closed-shell', { model: 'woods-saxon' }],
    // Harmonic oscillator closings 2, 8, 20, 40, 70, 112, 168 (isotropic 3D oscillator).
    ['Na112', 'jellium', 112, 'closed-shell', { model: 'harmonic' }],
    // Pyykkö & Runeberg, Angew. Chem. Int. Ed. 41, 2174 (2002): W@Au12 has 18 delocalised electrons (6 + 12).
    ['W@Au12', 'jellium', 18, 'closed-shell'],
  ]);

  it('Al13 is halogen-like, Al13⁻ noble-gas-like, Al14 alkaline-earth-like (Bergeron 2004, 2005)', () => {
    expect(run('Al13', 'jellium').analogue).toBe('halogen');
    expect(run('Al13-', 'jellium').analogue).toBe('noble-gas');
    expect(run('Al14', 'jellium').analogue).toBe('alkaline-earth');
    expect(run('Na9', 'jellium').analogue).toBe('alkali');
  });

  it('Na18 closes 1D in spherical jellium but not in the Td model (Reimann et al. 1997)', () => {
    expect(run('Na18', 'jellium').verdict).toBe('closed-shell');
    expect(run('Na18', 'jellium', { model: 'tetrahedral' }).verdict).toBe('open-shell');
    // Knight 1984 self-consistent jellium: 68 closes (2D), 70 does not; Woods–Saxon closes 70.
    expect(run('Na70', 'jellium').verdict).toBe('open-shell');
  });

  it('refuses ligand-protected and organic formulas with a reason', () => {
    expect(run('[Au25(SR)18]-', 'jellium').applies).toBe(false);
    expect(run('CH4', 'jellium').applies).toBe(false);
    expect(run('[B12H12]2-', 'jellium').reason).toMatch(/wade-mingos/);
  });
});

describe('wade-mingos: boranes, carboranes, Zintl ions, carbonyl clusters', () => {
  table([
    // Wikipedia "Dodecaborate" / Wade 1976: [B12H12]2− closo icosahedron, 13 pairs.
    ['[B12H12]2-', 'wade-mingos', 13, 'closo'],
    // Oxford Reference "Wade's rules": B5H9 is nido (BnHn+4), 7 pairs.
    ['B5H9', 'wade-mingos', 7, 'nido'],
    // Wikipedia "Pentaborane(11)": arachno, 8 pairs.
    ['B5H11', 'wade-mingos', 8, 'arachno'],
    // Greenwood & Earnshaw, Chemistry of the Elements, ch. 6: B10H14 is nido (12 pairs for 10 vertices).
    ['B10H14', 'wade-mingos', 12, 'nido'],
    // Greenwood & Earnshaw ch. 6: B4H10 is arachno (7 pairs for 4 vertices).
    ['B4H10', 'wade-mingos', 7, 'arachno'],
    // Greenwood & Earnshaw ch. 6: [B6H6]2− closo octahedron, 7 pairs.
    ['[B6H6]2-', 'wade-mingos', 7, 'closo'],
    // maxbrainchemistry.com worked example: C2B10H12, 2 CH (6) + 10 BH (20) = 26 e, closo.
    ['C2B10H12', 'wade-mingos', 13, 'closo'],
    // Same with the isomer prefix, which is recorded and not counted.
    ['1,2-C2B10H12', 'wade-mingos', 13, 'closo'],
    // Wikipedia "Stannide": [Sn5]2− closo trigonal bipyramid (6 pairs).
    ['[Sn5]2-', 'wade-mingos', 6, 'closo'],
    // Wikipedia "Stannide"; Nat. Commun. 12 (2021) s41467-021-24706-4: [Sn9]4− nido, 11 pairs.
    ['[Sn9]4-', 'wade-mingos', 11, 'nido'],
    // King & Silaghi-Dumitrescu, Inorg. Chem. 42, 6701 (2003): [Ge9]2− closo, 10 pairs.
    ['[Ge9]2-', 'wade-mingos', 10, 'closo'],
    // Nat. Commun. 12 (2021): [Pb10]2− closo bicapped square antiprism, 11 pairs.
    ['[Pb10]2-', 'wade-mingos', 11, 'closo'],
    // Wikipedia "Bismuth polycations": [Bi8]2+ square antiprism = arachno, 22 e.
    ['[Bi8]2+', 'wade-mingos', 11, 'arachno'],
    // Nat. Commun. 12 (2021): [Sn3Bi3]5− hypho, 3×2 + 3×3 + 5 = 20 e.
    ['[Sn3Bi3]5-', 'wade-mingos', 10, 'hypho'],
    // Wikipedia PSEPT: Rh6(CO)16, 6×9 + 16×2 − 6×12 = 14 e = 7 pairs, closo octahedron.
    ['Rh6(CO)16', 'wade-mingos', 7, 'closo'],
    // Housecroft & Sharpe ch. 24: Fe5C(CO)15 square pyramid = nido octahedron (carbide gives 4).
    ['Fe5C(CO)15', 'wade-mingos', 7, 'nido'],
  ]);

  it('B20H16 is a condensed polyhedron: Wade refuses and points to Jemmis (Jemmis et al. JACS 2001)', () => {
    const r = run('B20H16', 'wade-mingos');
    expect(r.applies).toBe(false);
    expect(r.reason).toMatch(/jemmis-mno/);
  });

  it('an odd skeletal count has no class', () => {
    // [B6H6]− has 25 skeletal electrons (Wade's arithmetic): no pair class.
    expect(run('[B6H6]-', 'wade-mingos').verdict).toBe('none');
  });
});

describe('jemmis-mno: condensed polyhedra', () => {
  table([
    // Jemmis, Balakrishnarajan, Pancharatna, JACS 123, 4313 (2001): B20H16, m = 2, n = 20, o = 0 → 22 pairs.
    ['B20H16', 'jemmis-mno', 22, 'closo', { fragments: 'closo:12,closo:12', shared: '4' }],
    // Jemmis et al. JACS 2001: B21H18− (two icosahedra sharing a face) → 2 + 21 = 23 pairs.
    ['[B21H18]-', 'jemmis-mno', 23, 'closo', { fragments: 'closo:12,closo:12', shared: '3' }],
    // Jemmis et al. Chem. Rev. 102, 93 (2002): n-B18H22, two nido B10 sharing an edge → 2 + 18 + 2 = 22 pairs.
    ['B18H22', 'jemmis-mno', 22, 'nido', { fragments: 'nido:10,nido:10', shared: '2' }],
  ]);

  it('needs the fragment description and checks it against the formula', () => {
    // B18H22 (two nido-B10 sharing an edge) has more H than B: the fusion cannot be read from the formula
    expect(run('B18H22', 'jemmis-mno').reason).toMatch(/--fragments/);
    // B20H16 (Jemmis et al. 2001: two icosahedra sharing 4 atoms, 22 pairs, closo) is inferred from the formula
    const inferred = run('B20H16', 'jemmis-mno');
    expect([inferred.count, inferred.verdict]).toEqual([22, 'closo']);
    expect(inferred.notes[0]).toMatch(/inferred/);
    // [B21H18]− (two icosahedra sharing a face, 23 pairs, closo; Jemmis et al. 2001)
    expect([run('[B21H18]-', 'jemmis-mno').count, run('[B21H18]-', 'jemmis-mno').verdict]).toEqual([
      23,
      'closo',
    ]);
    const bad = run('B20H16', 'jemmis-mno', { fragments: 'closo:12,closo:12', shared: '3' });
    expect(bad.applies).toBe(false);
    expect(bad.reason).toMatch(/21 distinct vertices/);
    expect(() => run('B20H16', 'jemmis-mno', { fragments: 'closed:12' })).toThrow(/cannot read the fragment/);
  });
});

describe('mingos-pec: transition-metal carbonyl clusters', () => {
  table([
    // Wikipedia PSEPT / indianchemistry.com: Rh6(CO)16, 86 CVE = 14n + 2, octahedron.
    ['Rh6(CO)16', 'mingos-pec', 86, 'octahedron'],
    // Wikipedia "Metal carbonyl cluster": Fe3(CO)12, 3 × 8 + 12 × 2 = 48, triangle.
    ['Fe3(CO)12', 'mingos-pec', 48, 'triangle'],
    // Housecroft & Sharpe (coursehero 7202047): [Rh6C(CO)15]2−, 90 electrons, trigonal prism.
    ['[Rh6C(CO)15]2-', 'mingos-pec', 90, 'trigonal-prism'],
    // Mingos, Acc. Chem. Res. 17, 311 (1984): Ir4(CO)12 and Co4(CO)12 are 60-electron tetrahedra.
    ['Ir4(CO)12', 'mingos-pec', 60, 'tetrahedron'],
    ['Co4(CO)12', 'mingos-pec', 60, 'tetrahedron'],
    // Mingos 1984: Os5(CO)16, 72 electrons, trigonal bipyramid.
    ['Os5(CO)16', 'mingos-pec', 72, 'trigonal-bipyramid'],
    // Mingos 1984 / Housecroft & Sharpe: Fe5C(CO)15, 74 electrons, square pyramid.
    ['Fe5C(CO)15', 'mingos-pec', 74, 'square-pyramid'],
    // Mingos 1984: Os6(CO)18, 84 electrons, bicapped tetrahedron (= capped trigonal bipyramid).
    ['Os6(CO)18', 'mingos-pec', 84, 'capped-trigonal-bipyramid'],
    // Mingos 1984: Os7(CO)21, 98 electrons, capped octahedron.
    ['Os7(CO)21', 'mingos-pec', 98, 'capped-octahedron'],
  ]);

  it('a single metal is left to the 18-electron rule', () => {
    expect(run('Fe(CO)5', 'mingos-pec').reason).toMatch(/18-electron/);
  });
});

describe('octet, 18-electron and 32-electron', () => {
  table([
    // Wikipedia "Electron counting": Fe(CO)5, 8 + 5 × 2 = 18.
    ['Fe(CO)5', '18-electron', 18, 'satisfied'],
    // Same text: Ni(CO)4, 10 + 4 × 2 = 18.
    ['Ni(CO)4', '18-electron', 18, 'satisfied'],
    // Crabtree, Organometallic Chemistry, ch. 2: ferrocene 8 + 2 × 5 = 18 (η5-C5H5 gives 5).
    ['Fe(C5H5)2', '18-electron', 18, 'satisfied'],
    ['FeCp2', '18-electron', 18, 'satisfied'],
    // Crabtree ch. 2: Cr(η6-C6H6)2, 6 + 2 × 6 = 18.
    ['Cr(C6H6)2', '18-electron', 18, 'satisfied'],
    // expertsmind.com 18-electron text: V(CO)6 is a stable 17-electron radical, an exception.
    ['V(CO)6', '18-electron', 17, 'deficient'],
    // Textbook (th4.ilovetranslation.com): Co2(CO)8, 17 per Co + one Co–Co bond = 18.
    ['Co2(CO)8', '18-electron', 18, 'satisfied'],
    // Crabtree ch. 2: Mn2(CO)10, 17 per Mn + Mn–Mn bond.
    ['Mn2(CO)10', '18-electron', 18, 'satisfied'],
    // Crabtree ch. 2: [PtCl4]2− is a 16-electron square-planar d8 complex.
    ['[PtCl4]2-', '18-electron', 16, 'deficient'],
    // Pyykkö & Runeberg, Angew. Chem. Int. Ed. 41, 2174 (2002): W@Au12 satisfies the 18-electron rule (6 + 12).
    ['W@Au12', '18-electron', 18, 'satisfied'],
    // Khanna, Rao, Jena, PRL 89, 016803 (2002): Cr@Si12 is an 18-electron cluster (Cr 6 + 12 Si × 1).
    ['Cr@Si12', '18-electron', 18, 'satisfied'],
    // Dognon, Clavaguéra, Pyykkö, C. R. Chimie 13, 884 (2010): Pu@Sn12, 32 electrons.
    ['Pu@Sn12', '32-electron', 32, 'satisfied'],
    // Dognon, Clavaguéra, Pyykkö, Chem. Sci. 2012: [U@Si20]6− fulfils the 32-electron rule.
    ['[U@Si20]6-', '32-electron', 32, 'satisfied'],
    // Dognon, Clavaguéra, Pyykkö, Angew. Chem. Int. Ed. 46, 1427 (2007): Pu@Pb12, "towards a 32-electron principle".
    ['Pu@Pb12', '32-electron', 32, 'satisfied'],
    // Wikipedia "Electron counting": CH4 has an octet on C.
    ['CH4', 'octet', 8, 'satisfied'],
    // Wikipedia "Electron counting": SF6, 12 electrons around S (hypervalent).
    ['SF6', 'octet', 12, 'excess'],
    // Housecroft & Sharpe ch. 2: BF3 has 6 electrons on B (electron deficient, Lewis acid).
    ['BF3', 'octet', 6, 'deficient'],
    // Housecroft & Sharpe ch. 2: [NH4]+ and [BF4]− obey the octet rule.
    ['[NH4]+', 'octet', 8, 'satisfied'],
    ['[BF4]-', 'octet', 8, 'satisfied'],
    // Housecroft & Sharpe ch. 2: H2O, 4 bonding + 4 lone-pair electrons on O.
    ['H2O', 'octet', 8, 'satisfied'],
  ]);

  it('flags the known exceptions instead of hiding them', () => {
    expect(run('V(CO)6', '18-electron').notes.join(' ')).toMatch(/V\(CO\)6/);
    expect(run('[PtCl4]2-', '18-electron').notes.join(' ')).toMatch(/square-planar/);
    expect(run('SF6', 'octet').notes.join(' ')).toMatch(/hypervalent/);
    // The ionic method agrees with the neutral one for ferrocene: Fe(II) d6 + 2 × 6 = 18 (Crabtree ch. 2).
    expect(run('Fe(C5H5)2', '18-electron').notes.join(' ')).toMatch(/Fe\(\+2\) d6 \+ 12 .* = 18 \(agrees\)/);
  });

  it('W@Au12 counts the centre plus 12 × 1 from the cage', () => {
    const r = run('W@Au12', '18-electron');
    expect(r.steps.map((s) => s.electrons)).toEqual([6, 12, 0]);
  });
});

describe('huckel: rings', () => {
  table([
    // IUPAC Gold Book H02867; openknowledgegraph.com: benzene, 6 π, aromatic.
    ['C6H6', 'huckel', 6, 'aromatic'],
    // openknowledgegraph.com; sfrcollege.edu.in: cyclopentadienide, 6 π, aromatic.
    ['[C5H5]-', 'huckel', 6, 'aromatic'],
    // askfilo.com worked answer: cyclopropenyl cation, 2 π, aromatic.
    ['[C3H3]+', 'huckel', 2, 'aromatic'],
    // Clayden, Organic Chemistry, ch. 44: tropylium 6 π aromatic; cyclobutadiene 4 π antiaromatic.
    ['[C7H7]+', 'huckel', 6, 'aromatic'],
    ['C4H4', 'huckel', 4, 'antiaromatic'],
    // Clayden ch. 44: cyclooctatetraene dianion, 10 π, aromatic.
    ['[C8H8]2-', 'huckel', 10, 'aromatic'],
    // Clayden ch. 43: pyridine, pyrrole, furan and thiophene are 6 π aromatic heterocycles.
    ['C5H5N', 'huckel', 6, 'aromatic'],
    ['C4H5N', 'huckel', 6, 'aromatic'],
    ['C4H4O', 'huckel', 6, 'aromatic'],
    ['C4H4S', 'huckel', 6, 'aromatic'],
    // Clayden ch. 44: cyclopentadiene has an sp3 CH2 and is not aromatic.
    ['C5H6', 'huckel', 4, 'not-aromatic'],
    // Li, Kuznetsov, Zhang, Boldyrev, Wang, Science 291, 859 (2001): [Al4]2−, 2 π electrons, aromatic.
    ['[Al4]2-', 'huckel', 2, 'aromatic'],
    // Kuznetsov, Birch, Boldyrev, Li, Zhai, Wang, Science 300, 622 (2003): [Al4]4− has 4 π, antiaromatic.
    ['[Al4]4-', 'huckel', 4, 'antiaromatic'],
    // Greenwood & Earnshaw ch. 16: [Te4]2+ is a square 6π aromatic ring.
    ['[Te4]2+', 'huckel', 6, 'aromatic'],
    // Boldyrev & Wang, Chem. Rev. 105, 3716 (2005): cyclo-[P5]− and [N5]− are 6π aromatic like Cp−.
    ['[P5]-', 'huckel', 6, 'aromatic'],
    ['[N5]-', 'huckel', 6, 'aromatic'],
  ]);

  it('given π counts for other all-metal rings', () => {
    // Boldyrev & Wang 2005: the user supplies the π count of an unusual ring.
    expect(run('[Hg4]6-', 'huckel', { pi: 2 }).verdict).toBe('aromatic');
    expect(run('[Hg4]6-', 'huckel').applies).toBe(false);
  });

  it('refuses molecules that are not monocycles', () => {
    expect(run('CH4', 'huckel').applies).toBe(false);
    expect(run('C10H8', 'huckel').reason).toMatch(/monocycle/);
    expect(run('C60', 'huckel').reason).toMatch(/hirsch/);
    expect(run('P4', 'huckel').applies).toBe(false);
  });
});

describe('hirsch: spherical cages', () => {
  table([
    // PCCP 14, 14886 (2012): [C60]10+, 50 π = 2(4 + 1)², spherically aromatic.
    ['[C60]10+', 'hirsch', 50, 'aromatic'],
    // PCCP 14, 14886 (2012): [C60]12−, 72 π = 2(5 + 1)², predicted aromatic by the rule.
    ['[C60]12-', 'hirsch', 72, 'aromatic'],
    // Sanz Matías et al., PCCP 18 (2016): C50, 50 π, magic 2(N + 1)².
    ['C50', 'hirsch', 50, 'aromatic'],
    // Hirsch, Chen, Jiao, Angew. Chem. Int. Ed. 39, 3915 (2000): [C20]2+ (18 π) spherically aromatic; C60 (60) is not.
    ['[C20]2+', 'hirsch', 18, 'aromatic'],
    ['C60', 'hirsch', 60, 'not-aromatic'],
    // Poater & Solà, Chem. Commun. 47, 11647 (2011): 2N² + 2N + 1 π electrons are open-shell aromatic;
    // derived: [C60]− has 61 = 2·5² + 2·5 + 1 (N = 5).
    ['[C60]-', 'hirsch', 61, 'open-shell-aromatic'],
  ]);

  it('warns that the rule fails beyond 50 π for charged cages (PCCP 2012)', () => {
    expect(run('[C60]12-', 'hirsch').notes.join(' ')).toMatch(/not aromatic/);
  });
});

describe('superhalogen / superalkali screening', () => {
  table([
    // Wang et al., JCP 110, 4763 (1999): [LiCl2]−, VDE 5.92 eV, a superhalogen anion (closed shell).
    ['[LiCl2]-', 'superhalogen', 0, 'closed-shell'],
    // Sikorska et al., Inorg. Chem. 47 (2008): [AlF4]−, VDE 9.79 eV, superhalogen anion.
    ['[AlF4]-', 'superhalogen', 0, 'closed-shell'],
    // Zhao et al., PCCP 18, 6175 (2016): BS2, EA 3.80 eV, a superhalogen (one hole).
    ['BS2', 'superhalogen', -1, 'open-shell'],
    // Gutsev & Boldyrev, Chem. Phys. Lett. 92, 262 (1982): OLi3 is a superalkali (one extra electron).
    ['Li3O', 'superhalogen', 1, 'open-shell'],
    // Bergeron et al., Science 304, 84 (2004): Al13 (39 e) behaves as a superhalogen.
    ['Al13', 'superhalogen', 39, 'open-shell'],
  ]);

  it('states the thresholds and that it is a prediction', () => {
    const r = run('BS2', 'superhalogen');
    expect(r.analogue).toBe('superhalogen');
    expect(r.notes.join(' ')).toMatch(/3\.62 eV/);
    expect(run('Li3O', 'superhalogen').notes.join(' ')).toMatch(/3\.89 eV/);
    expect(run('Al13', 'superhalogen').analogue).toBe('superhalogen');
    expect(run('CH4', 'superhalogen').applies).toBe(false);
  });
});

/*
 * Second review (cases gathered independently of the first set; none of these formulas is above).
 * "derived" marks a count obtained by hand with the cited paper's convention; the verdicts are the
 * literature's (closed/open shell, polyhedron, aromaticity), not this code's output.
 */
describe('review 2: ligand-protected clusters', () => {
  table([
    // Zeng, Qian, Li, Li, Rosi, Yoon, Barnett, Whetten, Landman, Jin, Angew. Chem. Int. Ed. 51, 13114 (2012): Au36(SR)24, 12 electrons (36 − 24).
    ['Au36(SR)24', 'superatom-complex', 12, 'open-shell'],
    // Zeng, Chen, Iida, Nobusada, Kirschbaum, Lambright, Jin, JACS 138, 3950 (2016) "gold quantum boxes": Au28/36/44/52 have 8, 12, 16, 20 free electrons.
    ['Au36(TBBT)24', 'superatom-complex', 12, 'open-shell'],
    // An fcc "quantum box", not fused icosahedra: its 16 e on 44 atoms fall in the two-unit band, so the
    // paper's single-superatom reading is asked for with --parts 1.
    ['Au44(SR)28', 'superatom-complex', 16, 'open-shell', { parts: 1 }],
    ['Au52(SR)32', 'superatom-complex', 20, 'closed-shell'],
    // Zeng, Chen, Kirschbaum, Appavoo, Sfeir, Jin, Sci. Adv. 1, e1500045 (2015): Au133(SR)52 — derived 133 − 52 = 81 (odd: a radical).
    ['Au133(SR)52', 'superatom-complex', 81, 'open-shell'],
    // Joshi, Bootharaju, Alhilaly, Bakr, JACS 137, 11578 (2015): [Ag25(SPhMe2)18]−, an 8-electron superatom like Au25.
    ['[Ag25(SPhMe2)18]-', 'superatom-complex', 8, 'closed-shell'],
    ['[Ag25(SR)18]-', 'superatom-complex', 8, 'closed-shell'],
    // Jin, Wang, Song, Zhou, Zhong, Zhang, Xia, Pei, Chen, Li, Zhu, JACS 136, 15559 (2014): [Ag62S12(SBut)32]2+,
    // 4 free electrons — each core S²⁻ withdraws 2: 62 − 24 − 32 − 2 = 4.
    ['[Ag62S12(StBu)32]2+', 'superatom-complex', 4, 'open-shell'],
    ['[Ag62S12(SR)32]2+', 'superatom-complex', 4, 'open-shell'],
    // Goh, Malola, Häkkinen, Akola, J. Phys. Chem. C 119, 1583 (2015) "Silver sulfide nanoclusters and the superatom model":
    // Ag14S(SPh)12(PPh3)8 has no free electrons (S withdraws 2), Ag14(SC6H3F2)12(PPh3)8 two.
    ['Ag14S(SPh)12(PPh3)8', 'superatom-complex', 0, 'none'],
    ['Ag14(SC6H3F2)12(PPh3)8', 'superatom-complex', 2, 'closed-shell'],
    // Crasto, Malola, Brosofsky, Dass, Häkkinen, JACS 136, 5000 (2014): Au30S(S-tBu)18 — derived 30 − 2 (sulfido) − 18 = 10.
    ['Au30S(StBu)18', 'superatom-complex', 10, 'open-shell'],
    ['Au30S(SR)18', 'superatom-complex', 10, 'open-shell'],
    // Wan, Xu, Tang, Wang, JACS 139, 9826 (2017)-type alkynyl gold clusters: [Au24(C≡CPh)14(PPh3)4]2+ — derived 24 − 14 − 2 = 8 (alkynyl withdraws 1, PPh3 0).
    ['[Au24(C≡CPh)14(PPh3)4]2+', 'superatom-complex', 8, 'closed-shell'],
    ['[Au24(C2Ph)14(PPh3)4]2+', 'superatom-complex', 8, 'closed-shell'],
    // Nguyen, Jones, Ho, Sundholm, Hayton, JACS 137, 13319 (2015): the chloride salt [Cu25H22(PPh3)12]Cl, 2 electrons; Cl⁻ is the counter-ion.
    ['[Cu25H22(PPh3)12]Cl', 'superatom-complex', 2, 'closed-shell'],
    // Wan, Yuan, Lin, Wang, Angew. Chem. Int. Ed. 53, 2923 (2014): [Au20(PPhpy2)10Cl4]2+ (PPhpy2 written out) — derived 20 − 4 − 2 = 14.
    ['[Au20(PPh(C5H4N)2)10Cl4]2+', 'superatom-complex', 14, 'open-shell'],
    // Malola, Lehtovaara, Knoppe, Bürgi, Häkkinen, JACS 134, 19560 (2012): Au40(SR)24 is a dimer of 8-electron superatoms (16 e).
    ['Au40(SR)24', 'superatom-complex', 16, 'superatomic-molecule'],
    // Zeng, Liu, Chen, Rosi, Jin, JACS 138, 8710 (2016): tetragonal Au92(TBBT)44 — derived 92 − 44 = 48.
    ['Au92(TBBT)44', 'superatom-complex', 48, 'open-shell'],
    // Nobusada & Iwasa, J. Phys. Chem. C 111, 14279 (2007): the vertex-sharing biicosahedra [Au13Ag12(PPh3)10Cl8]+ and
    // [Au25(PPh3)10(SR)5Cl2]2+ (Shichibu et al., JACS 129, 7230 (2007)) have 16 electrons (two 8-electron icosahedra).
    ['[Au13Ag12(PPh3)10Cl8]+', 'superatom-complex', 16, 'superatomic-molecule'],
    ['[Au25(PPh3)10(SR)5Cl2]2+', 'superatom-complex', 16, 'superatomic-molecule'],
    // Chen, Wang, Liu, …, Zhu, Sci. Adv. 1, e1500441 (2015) / Das et al., Angew. Chem. Int. Ed. 54, 3140 (2015): Au18(SR)14, 4 electrons.
    ['Au18(SR)14', 'superatom-complex', 4, 'open-shell'],
    // Tofanelli, Salorinne, Ni, Malola, Newell, Phillips, Häkkinen, Ackerson, Chem. Sci. 7, 1882 (2016): [Au25(SR)18]+, 6 electrons (1S2 1P4).
    ['[Au25(SR)18]+', 'superatom-complex', 6, 'open-shell'],
    // Dhayal, Liao, Kahlal, Wang, Saillard, Liu, Angew. Chem. Int. Ed. 54, 13604 (2015): [Ag21{S2P(OiPr)2}12]+, an eight-electron superatom.
    ['[Ag21{S2P(OiPr)2}12]+', 'superatom-complex', 8, 'closed-shell'],
    // Dhayal et al., Chem. Eur. J. 22, 9943 (2016): [Ag20{S2P(OiPr)2}12], an eight-electron superatom (20 − 12 = 8).
    ['[Ag20{S2P(OiPr)2}12]', 'superatom-complex', 8, 'closed-shell'],
    // Chakrahari, Liao, Kahlal, Liu, Chiang, Saillard, Liu, Angew. Chem. Int. Ed. 55, 14704 (2016): [Cu13{S2CNnBu2}6(C≡CCO2Me)4]+,
    // a two-electron superatom (dithiocarbamate and alkynyl withdraw 1 each).
    ['[Cu13(S2CNnBu2)6(C≡CCO2Me)4]+', 'superatom-complex', 2, 'closed-shell'],
    // Yang et al., Nat. Commun. 4, 2422 (2013): the bimetallic [Au12Ag32(SR)30]4−, 18 electrons like Ag44.
    ['[Au12Ag32(SR)30]4-', 'superatom-complex', 18, 'closed-shell'],
    // Liao, Zhou, …, Wu, Nanoscale / Yao et al., JACS 137, 15350 (2015): Hg-doped HgAu24(SR)18, 8 electrons (Hg gives 2, group 12).
    ['HgAu24(SR)18', 'superatom-complex', 8, 'closed-shell'],
    // Van der Velden, Bour, …, Beurskens, Inorg. Chem. 20, 1977 (1981); Walter et al. PNAS 2008 convention: [Au8(PPh3)8]2+ and
    // [Au9(PPh3)8]3+ are 6-electron clusters (derived 8 − 2, 9 − 3).
    ['[Au8(PPh3)8]2+', 'superatom-complex', 6, 'open-shell'],
    ['[Au9(PPh3)8]3+', 'superatom-complex', 6, 'open-shell'],
    // Bergeron, Roach, Castleman, Jones, Reveles, Khanna, Science 307, 231 (2005): Al14I3− = Al14²⁺ + 3 I⁻ on a 40-electron core,
    // written with the iodides as ligands.
    ['[Al14(I)3]-', 'superatom-complex', 40, 'closed-shell'],
  ]);

  it('Au246(SR)80 has 166 free electrons (Zeng, Chen, Kirschbaum, Lambright, Jin, Science 354, 1580 (2016); derived 246 − 80)', () => {
    const r = run('Au246(SR)80', 'superatom-complex');
    expect(r.applies).toBe(true);
    expect(r.count).toBe(166);
  });
});

describe('review 2: bare clusters (jellium, golden fullerenes)', () => {
  table([
    // Katakuse, Ichihara, Fujita, Matsuo, Sakurai, Matsuda, Int. J. Mass Spectrom. Ion Processes 67, 229 (1985):
    // Cu_n+, Ag_n+, Au_n+ abundances peak at n = 9, 21, 35, 41 (8, 20, 34, 40 electrons).
    ['[Ag9]+', 'jellium', 8, 'closed-shell'],
    ['[Cu21]+', 'jellium', 20, 'closed-shell'],
    ['[Au35]+', 'jellium', 34, 'closed-shell'],
    ['[Ag41]+', 'jellium', 40, 'closed-shell'],
    // Knight, de Heer, Clemenger, Saunders, Solid State Commun. 53, 445 (1985): K clusters share the Na magic numbers (K8, K20, K40).
    ['K40', 'jellium', 40, 'closed-shell'],
    ['Cu8', 'jellium', 8, 'closed-shell'],
    // Leuchtner, Harms, Castleman, J. Chem. Phys. 94, 1093 (1991): Al7+ is unreactive, 20 electrons (derived 21 − 1).
    ['Al7+', 'jellium', 20, 'closed-shell'],
    // Derived with the Al13− convention (Bergeron 2004): Ga13− has 13 × 3 + 1 = 40 electrons.
    ['[Ga13]-', 'jellium', 40, 'closed-shell'],
    // Häkkinen, Moseler, Kostko, Morgner, Hoffmann, v. Issendorff, PRL 93, 093401 (2004) / Au58 closed 58-electron shell.
    ['Au58', 'jellium', 58, 'closed-shell'],
    // Johansson, Sundholm, Pyykkö, Angew. Chem. Int. Ed. 43, 2678 (2004): the Ih golden fullerene Au32 satisfies 2(N + 1)² with N = 3.
    ['Au32', 'hirsch', 32, 'aromatic'],
    // Karttunen, Linnolahti, Pakkanen, Pyykkö, Chem. Commun. 2008, 465: Au72 is a spherically aromatic golden fullerene (72 = 2·6²).
    ['Au72', 'hirsch', 72, 'aromatic'],
  ]);

  it('Au32 is primarily a golden fullerene, Au20 a compact Td jellium cluster (Johansson 2004; Li 2003)', () => {
    expect(countFormula('Au32').primary).toBe('hirsch');
    expect(countFormula('Au20').primary).toBe('jellium');
  });

  it('Al14I3− written with bare iodine keeps the Al13I− convention and points to the ligand notation (Bergeron 2004, 2005)', () => {
    const r = run('[Al14I3]-', 'jellium');
    expect(r.steps.some((s) => /Al14\(I\)3/.test(s.why))).toBe(true);
  });

  it('bare boron clusters: no rule makes up a count, each says why (B13+ is a planar aromatic sheet, Fowler & Ugalde, JPCA 104, 397 (2000))', () => {
    const r = countFormula('B13+');
    expect(r.results).toHaveLength(0);
    expect(r.skipped.find((s) => s.rule === 'jellium')?.reason).toMatch(/non-metal/);
    expect(r.skipped.find((s) => s.rule === 'wade-mingos')?.reason).toMatch(/B–H/);
  });
});

describe('review 2: superhalogens and superalkalis', () => {
  table([
    // Koirala, Willis, Kiran, Kandalam, Jena, J. Phys. Chem. C 114, 16018 (2010): AuF6 has EA ≈ 8 eV (Au⁵⁺, one hole); AuF4 too (Au³⁺).
    ['AuF6', 'superhalogen', -1, 'open-shell'],
    ['[AuF6]-', 'superhalogen', 0, 'closed-shell'],
    ['[AuF4]-', 'superhalogen', 0, 'closed-shell'],
    // J. Chem. Phys. 134, 234311 (2011) (MnX_n): MnCl_n are superhalogens from n = 3 — Mn stays Mn²⁺ (half-filled 3d);
    // J. Chem. Phys. 138, 054301 (2013) (Mn4Cl9): MnCl3 VDE 5.27 eV.
    ['MnCl3', 'superhalogen', -1, 'open-shell'],
    // Rao, Jena, Wang, Wang, Chem. Phys. Lett. 312, 598 (1999): MnO4, EA ≈ 5 eV (Mn⁷⁺ with four oxo ligands needing 8).
    ['MnO4', 'superhalogen', -1, 'open-shell'],
    // Joseph, Behera, Jena, Chem. Phys. Lett. 498, 56 (2010): ScCl4 EA 5.96 eV, a superhalogen once Sc's valence 3 is used up.
    ['ScCl4', 'superhalogen', -1, 'open-shell'],
    // Zhai, Wang, Li, Wang, J. Phys. Chem. A 111, 1030 (2007): BO2, EA 4.46 eV, a superhalogen.
    ['BO2', 'superhalogen', -1, 'open-shell'],
    // Wang, Wang, Brown, Schwerdtfeger, Schröder, Schwarz, J. Chem. Phys. 114, 7388 (2001): CuCl2 EA 4.35 eV; [CuCl2]− closed shell.
    ['[CuCl2]-', 'superhalogen', 0, 'closed-shell'],
    ['AuCl2', 'superhalogen', -1, 'open-shell'],
    // Gutsev & Boldyrev, Chem. Phys. Lett. 92, 262 (1982): OLi3⁺ is the closed-shell cation of the superalkali Li3O; Li2F a superalkali.
    ['[OLi3]+', 'superhalogen', 0, 'closed-shell'],
    ['Li2F', 'superhalogen', 1, 'open-shell'],
  ]);

  it('TiCl4 is a closed-shell Ti(IV) molecule, not a superhalogen (Ti gives all 4 electrons)', () => {
    const r = run('TiCl4', 'superhalogen');
    expect(r.applies).toBe(false);
    expect(r.reason).toBeTruthy();
  });
});

describe('review 2: Wade–Mingos and Mingos counts', () => {
  table([
    // Edwards & Corbett, Inorg. Chem. 16, 903 (1977): [Pb5]2− is a closo trigonal bipyramid (6 pairs).
    ['[Pb5]2-', 'wade-mingos', 6, 'closo'],
    // Greenwood & Earnshaw ch. 13 (Corbett): [Bi5]3+ is a closo trigonal bipyramid, 12 skeletal electrons.
    ['[Bi5]3+', 'wade-mingos', 6, 'closo'],
    // Fässler, Coord. Chem. Rev. 215, 347 (2001): [Ge9]4− nido (11 pairs), [Pb9]4− likewise; [Ge9]3− has 21 skeletal electrons (a radical).
    ['[Ge9]4-', 'wade-mingos', 11, 'nido'],
    ['[Pb9]4-', 'wade-mingos', 11, 'nido'],
    // Greenwood & Earnshaw ch. 6: [B10H10]2− closo (11 pairs); B6H10 and B8H12 nido; B9H15 arachno.
    ['[B10H10]2-', 'wade-mingos', 11, 'closo'],
    ['B6H10', 'wade-mingos', 8, 'nido'],
    ['B8H12', 'wade-mingos', 10, 'nido'],
    ['B9H15', 'wade-mingos', 12, 'arachno'],
    // Greenwood & Earnshaw ch. 6: nido-2,3-C2B4H8 (2 CH 6 + 4 BH 8 + 2 μ-H = 16 e, 8 pairs for 6 vertices).
    ['C2B4H8', 'wade-mingos', 8, 'nido'],
    // Hawthorne et al., JACS 87, 1818 (1965): the dicarbollide [C2B9H11]2− is nido (13 pairs for 11 vertices).
    ['[C2B9H11]2-', 'wade-mingos', 13, 'nido'],
    // Zhao, Zhou, Jena, Angew. Chem. Int. Ed. 55, 3704 (2016): [B12(CN)12]2− keeps the closo icosahedron (CN like H, 1 electron).
    ['[B12(CN)12]2-', 'wade-mingos', 13, 'closo'],
    // Hiller, Klinkhammer, Uhl, Wagner, Angew. Chem. Int. Ed. 30, 179 (1991): [Al12(iBu)12]2− is a closo icosahedron like [B12H12]2−.
    ['[Al12R12]2-', 'wade-mingos', 13, 'closo'],
    // McPartlin, Eady, Johnson, Lewis, Chem. Commun. 1976, 883: H2Os6(CO)18 is an octahedron (7 pairs, closo), Os6(CO)18 a capped TBP.
    ['H2Os6(CO)18', 'wade-mingos', 7, 'closo'],
    // Wade, Adv. Inorg. Chem. Radiochem. 18, 1 (1976): RCCo3(CO)9 is a nido trigonal bipyramid (Co3C tetrahedron, 6 pairs).
    ['Co3(CO)9CH', 'wade-mingos', 6, 'nido'],
    ['Co3(CO)9(CMe)', 'wade-mingos', 6, 'nido'],
    // Housecroft & Sharpe ch. 24: Fe3(CO)9(μ3-S)2 is a square-pyramidal Fe3S2 cluster, nido (7 pairs for 5 vertices).
    ['Fe3(CO)9S2', 'wade-mingos', 7, 'nido'],
    // Mingos, Acc. Chem. Res. 17, 311 (1984): Os3(CO)12 and Ru3(CO)12 are 48-electron triangles.
    ['Os3(CO)12', 'mingos-pec', 48, 'triangle'],
    ['Ru3(CO)12', 'mingos-pec', 48, 'triangle'],
    // Eady, Johnson, Lewis, J. Chem. Soc. Dalton 1977, 477: [Os6(CO)18]2− and H2Os6(CO)18 are 86-electron octahedra.
    ['[Os6(CO)18]2-', 'mingos-pec', 86, 'octahedron'],
    ['H2Os6(CO)18', 'mingos-pec', 86, 'octahedron'],
    // Greenwood & Earnshaw ch. 26: Co6(CO)16 is octahedral like Rh6(CO)16 (86).
    ['Co6(CO)16', 'mingos-pec', 86, 'octahedron'],
    // Mingos 1984: Os4(CO)16 is a 64-electron square; Os5C(CO)15 a 74-electron square pyramid; Ru6C(CO)17 an 86-electron octahedron.
    ['Os4(CO)16', 'mingos-pec', 64, 'square'],
    ['Os5C(CO)15', 'mingos-pec', 74, 'square-pyramid'],
    ['Ru6C(CO)17', 'mingos-pec', 86, 'octahedron'],
    // Lower & Dahl, JACS 98, 5046 (1976): Ni8(CO)8(μ4-PPh)6, a 120-electron cube (μ4-PPh gives 4).
    ['Ni8(CO)8(PPh)6', 'mingos-pec', 120, 'cube'],
    // Ryan & Dahl, JACS 97, 6904 (1975): Co4(CO)10(μ4-PPh)2, a 64-electron square.
    ['Co4(CO)10(PPh)2', 'mingos-pec', 64, 'square'],
    // Martinengo, Strumolo, Chini, Albano, Braga, J. Chem. Soc. Dalton 1985: [Co6C(CO)15]2− and [Co6N(CO)15]− are 90-electron trigonal prisms.
    ['[Co6C(CO)15]2-', 'mingos-pec', 90, 'trigonal-prism'],
    ['[Co6N(CO)15]-', 'mingos-pec', 90, 'trigonal-prism'],
    // Housecroft & Sharpe ch. 24: [Fe4(CO)13]2− and H4Ru4(CO)12 are 60-electron tetrahedra; [Fe4C(CO)12]2−, [Fe4N(CO)12]− 62-electron butterflies.
    ['[Fe4(CO)13]2-', 'mingos-pec', 60, 'tetrahedron'],
    ['H4Ru4(CO)12', 'mingos-pec', 60, 'tetrahedron'],
    ['[Fe4C(CO)12]2-', 'mingos-pec', 62, 'butterfly'],
    ['[Fe4N(CO)12]-', 'mingos-pec', 62, 'butterfly'],
    // Mingos 1984: [Os5(CO)15]2− is a 72-electron trigonal bipyramid.
    ['[Os5(CO)15]2-', 'mingos-pec', 72, 'trigonal-bipyramid'],
    // Mingos 1984 (main-group vertices need 8, not 18): Co3(CO)9CH is a 50-electron Co3C tetrahedron (60 − 10);
    // Fe3(CO)9S2 a 54-electron Fe3S2 square pyramid (74 − 2 × 10).
    ['Co3(CO)9CH', 'mingos-pec', 50, 'tetrahedron'],
    ['Fe3(CO)9S2', 'mingos-pec', 54, 'square-pyramid'],
    // Vidal, Walker, Pruett, Schoening, Inorg. Chem. 18, 129 (1979): [Rh9P(CO)21]2−, a capped square antiprism, 130 = 14n + 4.
    ['[Rh9P(CO)21]2-', 'mingos-pec', 130, 'nido-deltahedron'],
  ]);

  it('[Ge9]3− has an odd skeletal count: no class (Fässler 2001)', () => {
    const r = run('[Ge9]3-', 'wade-mingos');
    expect(r.verdict).toBe('none');
    expect(r.steps.reduce((a, s) => a + s.electrons, 0)).toBe(21);
  });

  it('[Bi5]3+ and [Bi9]5+ are cages, not rings: Hückel refuses them with the reason (Corbett 1976)', () => {
    for (const f of ['[Bi5]3+', '[Bi9]5+']) {
      const r = run(f, 'huckel');
      expect(r.applies).toBe(false);
      expect(r.reason).toMatch(/wade-mingos/);
    }
    expect(countFormula('[Bi5]3+').primary).toBe('wade-mingos');
  });

  it('a metalloid Al cluster (more Al than ligands) is not a Wade cluster; [Al12R12]2− is (Schnöckel; Uhl 1991)', () => {
    expect(run('[Al14(I)3]-', 'wade-mingos').reason).toMatch(/metalloid/);
    expect(countFormula('[Al12R12]2-').primary).toBe('wade-mingos');
  });
});

describe('review 2: 18-, 32-electron and octet', () => {
  table([
    // Crabtree, The Organometallic Chemistry of the Transition Metals, ch. 2: Cr(CO)6, Mo(CO)6, [Co(CO)4]−, [Mn(CO)6]+,
    // [V(CO)6]−, HMn(CO)5 and CpMn(CO)3 are 18-electron species.
    ['Cr(CO)6', '18-electron', 18, 'satisfied'],
    ['Mo(CO)6', '18-electron', 18, 'satisfied'],
    ['[Co(CO)4]-', '18-electron', 18, 'satisfied'],
    ['[Mn(CO)6]+', '18-electron', 18, 'satisfied'],
    ['[V(CO)6]-', '18-electron', 18, 'satisfied'],
    ['HMn(CO)5', '18-electron', 18, 'satisfied'],
    ['CpMn(CO)3', '18-electron', 18, 'satisfied'],
    // Crabtree ch. 2 / Elschenbroich, Organometallics: cobaltocene 19 e, nickelocene 20 e, cobaltocenium 18 e; Cp2TiCl2 16 e.
    ['Co(C5H5)2', '18-electron', 19, 'excess'],
    ['NiCp2', '18-electron', 20, 'excess'],
    ['[CoCp2]+', '18-electron', 18, 'satisfied'],
    ['Cp2TiCl2', '18-electron', 16, 'deficient'],
    // Housecroft & Sharpe ch. 21: [Fe(CN)6]4−, low-spin Fe(II) d6, 18 electrons.
    ['[Fe(CN)6]4-', '18-electron', 18, 'satisfied'],
    // Crabtree ch. 2: Wilkinson's RhCl(PPh3)3, Vaska's IrCl(CO)(PPh3)2 and Zeise's anion are 16-electron square-planar d8.
    ['RhCl(PPh3)3', '18-electron', 16, 'deficient'],
    ['IrCl(CO)(PPh3)2', '18-electron', 16, 'deficient'],
    ['[PtCl3(C2H4)]-', '18-electron', 16, 'deficient'],
    // Zhai, Li, Wang, JACS 126, 16134 (2004) / Li, Kiran, Li, Zhai, Wang, Angew. Chem. 41, 4786 (2002): [Ta@Au12]− and Mo@Au12 are
    // 18-electron icosahedral M@Au12 (isoelectronic with W@Au12).
    ['[Ta@Au12]-', '18-electron', 18, 'satisfied'],
    ['Mo@Au12', '18-electron', 18, 'satisfied'],
    // Dognon, Clavaguéra, Pyykkö, JACS 131, 238 (2009): An@C28 (An = Th, Pa+, U2+, Pu4+) follow the 32-electron principle.
    ['Th@C28', '32-electron', 32, 'satisfied'],
    ['[U@C28]2+', '32-electron', 32, 'satisfied'],
    // Dognon, Clavaguéra, Pyykkö, Angew. Chem. Int. Ed. 46, 1427 (2007): isoelectronic with Pu@Pb12 — derived 9 + 24 − 1, 7 + 24 + 1.
    ['[Am@Pb12]+', '32-electron', 32, 'satisfied'],
    ['[Np@Pb12]-', '32-electron', 32, 'satisfied'],
    // Housecroft & Sharpe ch. 2: NH3, CO2 and [BH4]− obey the octet; BH3 and BeCl2 are electron-deficient; PCl5, ClF3, XeF4, [PF6]− hypervalent.
    ['NH3', 'octet', 8, 'satisfied'],
    ['CO2', 'octet', 8, 'satisfied'],
    ['[BH4]-', 'octet', 8, 'satisfied'],
    ['BH3', 'octet', 6, 'deficient'],
    ['BeCl2', 'octet', 4, 'deficient'],
    ['PCl5', 'octet', 10, 'excess'],
    ['ClF3', 'octet', 10, 'excess'],
    ['XeF4', 'octet', 12, 'excess'],
    ['[PF6]-', 'octet', 12, 'excess'],
  ]);

  it('Th@C28: the cage π count agrees (28 + 4 = 32 = 2(3 + 1)², Hirsch) and the 32-electron rule is primary', () => {
    expect(run('Th@C28', 'hirsch').verdict).toBe('aromatic');
    expect(countFormula('Th@C28').primary).toBe('32-electron');
    // A large fullerene around an f-block atom gives more electrons than a 32-electron shell holds.
    expect(run('La@C82', '32-electron').reason).toMatch(/hirsch/);
  });
});

describe('review 2: Hückel and Hirsch', () => {
  table([
    // Clayden ch. 44: planar cyclooctatetraene would be 8π antiaromatic (it puckers); [C9H9]− 10π aromatic (Katz 1963).
    ['C8H8', 'huckel', 8, 'antiaromatic'],
    ['[C9H9]-', 'huckel', 10, 'aromatic'],
    // Breslow, Acc. Chem. Res. 6, 393 (1973): cyclopentadienyl cation (4π) and cycloheptatrienyl anion (8π) are antiaromatic.
    ['[C5H5]+', 'huckel', 4, 'antiaromatic'],
    ['[C7H7]-', 'huckel', 8, 'antiaromatic'],
    // Clayden ch. 44: the cyclobutadiene dianion is a 6π aromatic ion; [18]annulene (Sondheimer) 18π aromatic.
    ['[C4H4]2-', 'huckel', 6, 'aromatic'],
    ['C18H18', 'huckel', 18, 'aromatic'],
    // Clayden ch. 43: pyrimidine and borazine are 6π aromatic.
    ['C4H4N2', 'huckel', 6, 'aromatic'],
    ['B3N3H6', 'huckel', 6, 'aromatic'],
    // Kuznetsov, Boldyrev, Li, Wang, JACS 123, 8825 (2001): [Ga4]2− is a 2π aromatic square like [Al4]2−.
    ['[Ga4]2-', 'huckel', 2, 'aromatic'],
    // Greenwood & Earnshaw ch. 13/16: [Se4]2+ and [Bi4]2−, [Sb4]2− are 6π aromatic squares.
    ['[Se4]2+', 'huckel', 6, 'aromatic'],
    ['[Bi4]2-', 'huckel', 6, 'aromatic'],
    ['[Sb4]2-', 'huckel', 6, 'aromatic'],
    // Chen, Jiao, Hirsch, Thiel, J. Mol. Model. 7, 161 (2001): Ih [C80]8+ has 72 = 2(5 + 1)² π electrons, spherically aromatic;
    // the 6-fold anion of endohedral M3N@C80 (86 π) is not a Hirsch number.
    ['[C80]8+', 'hirsch', 72, 'aromatic'],
    ['[C80]6-', 'hirsch', 86, 'not-aromatic'],
  ]);
});
