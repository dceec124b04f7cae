/**
 * Formulas as they are written in cluster papers, reviews and abstract databases, each with
 * the composition and charge a chemist expects.
 *
 * The expected values are computed here, independently of the parser: each formula is
 * written as a sum of fragments (metal core, ligands, counter-ions, solvates) whose element
 * counts come from the ligand's structure (e.g. 2-phenylethanethiolate SCH2CH2C6H5 = SC8H9,
 * PPh3 = P(C6H5)3 = PC18H15, dppe = Ph2P(CH2)2PPh2 = C26H24P2), read by the tiny element
 * counter `el` below (element symbols and digits only, no abbreviations, no brackets).
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { formulaMasses } from './masses.js';
import { parseFormula } from './parse.js';

type Comp = Record<string, number>;

/** Element counts of a plain formula such as "SC8H9" (symbols and digits only). */
function el(plain: string): Comp {
  const out: Comp = {};
  const re = /([A-Z][a-z]?)(\d*)/g;
  let rest = plain.replace(/\s+/g, '');
  for (const m of rest.matchAll(re)) {
    out[m[1]!] = (out[m[1]!] ?? 0) + (m[2] ? Number(m[2]) : 1);
    rest = rest.replace(m[0], '');
  }
  if (rest !== '') throw new Error(`el(): cannot read "${plain}"`);
  return out;
}

/** Σ n × fragment. */
function sum(...parts: readonly [number, string][]): Comp {
  const out: Comp = {};
  for (const [n, frag] of parts) {
    for (const [k, v] of Object.entries(el(frag))) out[k] = (out[k] ?? 0) + n * v;
  }
  for (const k of Object.keys(out)) if (out[k] === 0) delete out[k];
  return out;
}

// Ligand and ion fragments, written out by hand from their structures.
const L = {
  PET: 'SC8H9', // SCH2CH2C6H5, 2-phenylethanethiolate
  SPhMe2: 'SC8H9', // SC6H3(CH3)2
  SC6H13: 'SC6H13',
  SC2H5: 'SC2H5',
  SC8H17: 'SC8H17',
  SePh: 'SeC6H5',
  StBu: 'SC4H9', // SC(CH3)3
  SAdm: 'SC10H15', // 1-adamantanethiolate
  SCy: 'SC6H11', // cyclohexanethiolate
  SPhF2: 'SC6H3F2',
  pMBA: 'SC7H5O2', // SC6H4COOH
  pMBT: 'SC7H7', // SC6H4CH3
  TBBT: 'SC10H13', // SC6H4C(CH3)3
  SCH2PhtBu: 'SC11H15', // SCH2C6H4C(CH3)3
  BDT: 'C6H4S2',
  SG: 'C10H16N3O6S', // glutathionate: γ-Glu-Cys-Gly minus the thiol H
  CCPh: 'C8H5', // C≡CC6H5
  CCtBu: 'C6H9', // C≡CC(CH3)3
  dtp_iPr: 'S2PO2C6H14', // S2P(OCH(CH3)2)2
  dtp_nPr: 'S2PO2C6H14', // S2P(OCH2CH2CH3)2
  SeiPr: 'SeC3H7',
  SePtBu2: 'SePC8H18', // Se-P(C(CH3)3)2
  TetBu: 'TeC4H9',
  PPh3: 'PC18H15',
  PMe2Ph: 'PC8H11', // P(CH3)2C6H5
  PEt3: 'PC6H15',
  PPh2Py: 'PC17H14N', // P(C6H5)2(C5H4N)
  PPhClx3: 'PC18H12Cl3', // P(C6H4Cl)3
  PPhMex3: 'PC21H21', // P(C6H4CH3)3
  dppm: 'C25H22P2', // (C6H5)2PCH2P(C6H5)2
  dppe: 'C26H24P2',
  dppp: 'C27H26P2',
  tBu2PC3PtBu2: 'C19H42P2', // (CH3)3C)2P(CH2)3P(C(CH3)3)2
  CO: 'CO',
  CN: 'CN',
  OH: 'OH',
  OAc: 'C2H3O2', // CH3COO
  H2O: 'H2O',
  NH3: 'NH3',
  CF3CO2: 'C2F3O2',
  TOA: 'NC32H68', // N(C8H17)4
  TBA: 'NC16H36', // N(C4H9)4
  PPh4: 'PC24H20',
  NH4: 'NH4',
  BF4: 'BF4',
  SbF6: 'SbF6',
  crown6: 'C12H24O6', // 18-crown-6
  crypt: 'C18H36N2O6', // [2.2.2]cryptand
} as const;

interface Case {
  readonly text: string;
  readonly composition: Comp;
  readonly charge: number;
  /** Charge of the cluster ion, when it differs from the total (salts). */
  readonly main?: number;
  readonly source: string;
}

const CASES: readonly Case[] = [
  // --- gold thiolates -------------------------------------------------------
  {
    text: '[Au25(SCH2CH2Ph)18]−',
    composition: sum([1, 'Au25'], [18, L.PET]),
    charge: -1,
    source: 'Zhu, Aikens, Hollander, Schatz, Jin, JACS 130, 5883 (2008)',
  },
  {
    text: '[TOA+][Au25(SCH2CH2Ph)18−]',
    composition: sum([1, 'Au25'], [18, L.PET], [1, L.TOA]),
    charge: 0,
    main: -1,
    source: 'Heaven, Dass, White, Holt, Murray, JACS 130, 3754 (2008), abstract',
  },
  {
    text: '[N(C8H17)4][Au25(SCH2CH2Ph)18]',
    composition: sum([1, 'Au25'], [18, L.PET], [1, L.TOA]),
    charge: 0,
    main: -1,
    source: 'Heaven et al., JACS 130, 3754 (2008), title',
  },
  {
    text: '(TOA)[Au25(PET)18]',
    composition: sum([1, 'Au25'], [18, L.PET], [1, L.TOA]),
    charge: 0,
    main: -1,
    source: 'common salt notation of the Au25 anion (TOA = tetra-n-octylammonium)',
  },
  {
    text: '[Au25(SCH2CH2Ph)18]−[TOA]+',
    composition: sum([1, 'Au25'], [18, L.PET], [1, L.TOA]),
    charge: 0,
    main: -1,
    source: 'ion-pair notation, as in Au25 reviews (Jin, Nanoscale 2, 343 (2010))',
  },
  {
    text: '[Au25(SR)18]− TOA+',
    composition: sum([1, 'Au25'], [18, 'S'], [1, L.TOA]),
    charge: 0,
    main: -1,
    source: 'ion pair separated by a space (generic R: only S is counted)',
  },
  {
    text: '[Au(25)(SCH(2)CH(2)Ph)(18)](-)',
    composition: sum([1, 'Au25'], [18, L.PET]),
    charge: -1,
    source: 'subscripts and charge in parentheses, as PubMed prints titles',
  },
  {
    text: 'Au₂₅(SR)₁₈⁻',
    composition: sum([1, 'Au25'], [18, 'S']),
    charge: -1,
    source: 'Unicode subscripts and superscript minus',
  },
  {
    text: '[Au₂₅(SC₂H₄Ph)₁₈]⁻',
    composition: sum([1, 'Au25'], [18, L.PET]),
    charge: -1,
    source: 'Unicode subscripts; Hossain et al., JPCC 2016 spell the ligand SC2H4Ph',
  },
  {
    text: '[Au25(SC8H17)18]−',
    composition: sum([1, 'Au25'], [18, L.SC8H17]),
    charge: -1,
    source: 'Kurashige et al., JPCL 2014',
  },
  {
    text: 'Au25(SePh)18−',
    composition: sum([1, 'Au25'], [18, L.SePh]),
    charge: -1,
    source: 'Song et al., Nanoscale 2014, crystal structure of Au25(SePh)18−',
  },
  {
    text: 'Au25(SG)18',
    composition: sum([1, 'Au25'], [18, L.SG]),
    charge: 0,
    source: 'Negishi, Nobusada, Tsukuda, JACS 127, 5261 (2005) (glutathionate clusters)',
  },
  {
    text: 'Au144(SC6H13)60',
    composition: sum([1, 'Au144'], [60, L.SC6H13]),
    charge: 0,
    source: 'Qian & Jin, Nano Lett. 9, 4083 (2009)',
  },
  {
    text: 'Au144(SC2H5)60',
    composition: sum([1, 'Au144'], [60, L.SC2H5]),
    charge: 0,
    source: 'Dainese et al., Chem. Sci. 9, 8796 (2018)',
  },
  {
    text: 'Au38(SC2H4Ph)24',
    composition: sum([1, 'Au38'], [24, L.PET]),
    charge: 0,
    source: 'Qian, Eckenhoff, Zhu, Pintauer, Jin, JACS 132, 8280 (2010)',
  },
  {
    text: 'Au102(p-MBA)44',
    composition: sum([1, 'Au102'], [44, L.pMBA]),
    charge: 0,
    source: 'Jadzinsky et al., Science 318, 430 (2007)',
  },
  {
    text: 'Au102(SPhCOOH)44',
    composition: sum([1, 'Au102'], [44, L.pMBA]),
    charge: 0,
    source: 'Jin, Nanoscale 2, 343 (2010) writes p-MBA out as SPhCOOH',
  },
  {
    text: 'Au130(p-MBT)50',
    composition: sum([1, 'Au130'], [50, L.pMBT]),
    charge: 0,
    source: 'Chen et al., JACS 2015',
  },
  {
    text: 'Au40(o-MBT)24',
    composition: sum([1, 'Au40'], [24, L.pMBT]),
    charge: 0,
    source: 'Au40(o-MBT)24 crystal structure (Jin group, 2015)',
  },
  {
    text: 'Au279(TBBT)84',
    composition: sum([1, 'Au279'], [84, L.TBBT]),
    charge: 0,
    source: 'Sakthivel et al., JACS 2017',
  },
  {
    text: 'Au133(SPh-tBu)52',
    composition: sum([1, 'Au133'], [52, L.TBBT]),
    charge: 0,
    source: 'Dass et al., JACS 2015: SPh-tBu = 4-tert-butylbenzenethiolate',
  },
  {
    text: 'Au133(SPhtBu)52',
    composition: sum([1, 'Au133'], [52, L.TBBT]),
    charge: 0,
    source: 'the same ligand written without the hyphen',
  },
  {
    text: 'Au24(SCH2Ph-tBu)20',
    composition: sum([1, 'Au24'], [20, L.SCH2PhtBu]),
    charge: 0,
    source: 'Das et al. (Jin group), Nanoscale 2014: 4-tert-butylbenzyl thiolate',
  },
  {
    text: 'Au30S(S-tBu)18',
    composition: sum([1, 'Au30S'], [18, L.StBu]),
    charge: 0,
    source: 'Crasto, Malola, Brosofsky, Dass, Häkkinen, JACS 2014',
  },
  {
    text: 'Au23(S-c-C6H11)16−',
    composition: sum([1, 'Au23'], [16, L.SCy]),
    charge: -1,
    source: 'Das, Li, Nobusada, Zeng, Rosi, Jin, JACS 135, 18264 (2013) (cyclohexanethiolate)',
  },
  {
    text: '[Au23(SC6H11)16]−',
    composition: sum([1, 'Au23'], [16, L.SCy]),
    charge: -1,
    source: 'the same cluster with the ligand written out',
  },
  {
    text: 'Au246(SR)80',
    composition: sum([1, 'Au246'], [80, 'S']),
    charge: 0,
    source: 'Zeng, Chen, Kirschbaum, Lambright, Jin, Science 354, 1580 (2016)',
  },
  {
    text: 'Au36(TBBT)24',
    composition: sum([1, 'Au36'], [24, L.TBBT]),
    charge: 0,
    source: 'Zeng et al. (Jin group), Angew. Chem. Int. Ed. 2012',
  },
  // --- gold phosphines, halides, alkynyls -----------------------------------
  {
    text: '[Au11(PPh3)8Cl2]+',
    composition: sum([1, 'Au11Cl2'], [8, L.PPh3]),
    charge: 1,
    source: 'Walter et al., PNAS 105, 9157 (2008), Table 1',
  },
  {
    text: '[Au11(P(C6H5)3)8Cl2]+',
    composition: sum([1, 'Au11Cl2'], [8, L.PPh3]),
    charge: 1,
    source: 'PPh3 written out as P(C6H5)3',
  },
  {
    text: '[Au13(PMe2Ph)10Cl2]3+',
    composition: sum([1, 'Au13Cl2'], [10, L.PMe2Ph]),
    charge: 3,
    source: 'Briant et al., J. Chem. Soc., Chem. Commun. 1981, 201; Walter et al. PNAS 2008',
  },
  {
    text: '[Au13(dppe)5Cl2]3+',
    composition: sum([1, 'Au13Cl2'], [5, L.dppe]),
    charge: 3,
    source: 'Shichibu & Konishi, Small 6, 1216 (2010)',
  },
  {
    text: '[Au9(PPh3)8]3+',
    composition: sum([1, 'Au9'], [8, L.PPh3]),
    charge: 3,
    source: 'classic phosphine cluster (Walter et al., PNAS 105, 9157 (2008) discuss Au9 phosphines)',
  },
  {
    text: 'Au55(PPh3)12Cl6',
    composition: sum([1, 'Au55Cl6'], [12, L.PPh3]),
    charge: 0,
    source: 'Schmid et al., Chem. Ber. 114, 3634 (1981)',
  },
  {
    text: '[Au25(PPh3)10(SC2H5)5Cl2](SbF6)2',
    composition: sum([1, 'Au25Cl2'], [10, L.PPh3], [5, L.SC2H5], [2, L.SbF6]),
    charge: 0,
    main: 2,
    source: 'Shichibu et al., JACS 129, 7230 (2007), crystallised as the SbF6 salt',
  },
  {
    text: '[Au25(PPh3)10(SC2H4Ph)5Cl2]2+',
    composition: sum([1, 'Au25Cl2'], [10, L.PPh3], [5, L.PET]),
    charge: 2,
    source: 'Qian, Jiang, Jin, Inorg. Chem. 50, 10735 (2011)',
  },
  {
    text: '[Au2(PPh3)2(SC2H4Ph)]+',
    composition: sum([1, 'Au2'], [2, L.PPh3], [1, L.PET]),
    charge: 1,
    source: 'Qian, Jiang, Jin, Inorg. Chem. 50, 10735 (2011)',
  },
  {
    text: '[Au24(C≡CPh)14(PPh3)4]2+',
    composition: sum([1, 'Au24'], [14, L.CCPh], [4, L.PPh3]),
    charge: 2,
    source: 'alkynyl/phosphine Au24 cluster, formula as quoted in the review brief',
  },
  {
    text: '[Au24(C≡CPh)14(PPh3)4](SbF6)2',
    composition: sum([1, 'Au24'], [14, L.CCPh], [4, L.PPh3], [2, L.SbF6]),
    charge: 0,
    main: 2,
    source: 'the same cluster as its SbF6 salt',
  },
  {
    text: 'Au24(PhC≡C)14(PPh3)4',
    composition: sum([1, 'Au24'], [14, L.CCPh], [4, L.PPh3]),
    charge: 0,
    source: 'alkynyl written from the phenyl end',
  },
  {
    text: 'Au22(tBuC≡C)18',
    composition: sum([1, 'Au22'], [18, L.CCtBu]),
    charge: 0,
    source: 'homoleptic tert-butylacetylide Au22 cluster, as written in the alkynyl literature',
  },
  {
    text: '[Ag112Cl6(C≡CtBu)51]3+',
    composition: sum([1, 'Ag112Cl6'], [51, L.CCtBu]),
    charge: 3,
    source: 'alkynyl silver cluster with chloride, alkynyl written C≡CtBu',
  },
  {
    text: 'Au44(CCPh)28',
    composition: sum([1, 'Au44'], [28, L.CCPh]),
    charge: 0,
    source: 'alkynyl written without the triple-bond sign (CCPh)',
  },
  // --- silver ---------------------------------------------------------------
  {
    text: '[Ag25(SPhMe2)18]−',
    composition: sum([1, 'Ag25'], [18, L.SPhMe2]),
    charge: -1,
    source: 'Joshi, Bootharaju, Alhilaly, Bakr, JACS 137, 11578 (2015)',
  },
  {
    text: '(PPh4)[Ag25(SPhMe2)18]',
    composition: sum([1, 'Ag25'], [18, L.SPhMe2], [1, L.PPh4]),
    charge: 0,
    main: -1,
    source: 'Joshi et al., JACS 137, 11578 (2015), crystallised with PPh4+',
  },
  {
    text: '[Na(18-crown-6)][Ag25(SPhMe2)18]',
    composition: sum([1, 'Ag25'], [18, L.SPhMe2], [1, 'Na'], [1, L.crown6]),
    charge: 0,
    main: -1,
    source: 'crown-ether-wrapped counter-cation (salt notation of the brief)',
  },
  {
    text: '[Ag44(SPhF2)30]4−',
    composition: sum([1, 'Ag44'], [30, L.SPhF2]),
    charge: -4,
    source: 'Yang et al., Nat. Commun. 4, 2422 (2013)',
  },
  {
    text: '(PPh4)4[Ag44(SPhF2)30]',
    composition: sum([1, 'Ag44'], [30, L.SPhF2], [4, L.PPh4]),
    charge: 0,
    main: -4,
    source: 'Yang et al., Nat. Commun. 4, 2422 (2013): "positive counterions … charge of 4"',
  },
  {
    text: 'Na4Ag44(p-MBA)30',
    composition: sum([1, 'Na4Ag44'], [30, L.pMBA]),
    charge: 0,
    main: -4,
    source: 'Desireddy et al., Nature 501, 399 (2013)',
  },
  {
    text: 'Ag44(SePh)30',
    composition: sum([1, 'Ag44'], [30, L.SePh]),
    charge: 0,
    source: 'Chakraborty et al., JPCL 2013',
  },
  {
    text: '[Ag62S12(SBut)32]2+',
    composition: sum([1, 'Ag62S12'], [32, L.StBu]),
    charge: 2,
    source: 'Jin et al. (Zhu group), JACS 2015 (SBut = S-tert-butyl, Buᵗ)',
  },
  {
    text: '[Ag62S13(SBut)32](BF4)4',
    composition: sum([1, 'Ag62S13'], [32, L.StBu], [4, L.BF4]),
    charge: 0,
    main: 4,
    source: 'Li, Lei, Wang, JACS 132, 17678 (2010)',
  },
  {
    text: '[Ag(62)S(13)(SBu(t))(32)](BF(4))(4)',
    composition: sum([1, 'Ag62S13'], [32, L.StBu], [4, L.BF4]),
    charge: 0,
    main: 4,
    source: 'the same title as PubMed prints it (PMID 21114326)',
  },
  {
    text: 'Ag141X12(S-Adm)40',
    composition: sum([1, 'Ag141'], [40, L.SAdm]),
    charge: 0,
    source: 'Ag141X12(S-Adm)40, X = Cl, Br (generic X: not counted)',
  },
  {
    text: '[Pt1Ag28(S-Adm)18(PPh3)4]2+',
    composition: sum([1, 'PtAg28'], [18, L.SAdm], [4, L.PPh3]),
    charge: 2,
    source: 'Pt-doped Ag29 cluster (Zhu group), S-Adm = 1-adamantanethiolate',
  },
  {
    text: 'Ag29(BDT)12(TPP)4',
    composition: sum([1, 'Ag29'], [12, L.BDT], [4, L.PPh3]),
    charge: 0,
    source: 'AbdulHalim et al., JACS 137, 11970 (2015) (TPP = PPh3)',
  },
  {
    text: '[Ag9(1,2-BDT)6]3-',
    composition: sum([1, 'Ag9'], [6, L.BDT]),
    charge: -3,
    source: 'Alamer et al., Inorg. Chem. 60, 4306 (2021)',
  },
  {
    text: '[Ag4(SeiPr)4(Dppm)2]',
    composition: sum([1, 'Ag4'], [4, L.SeiPr], [2, L.dppm]),
    charge: 0,
    source: 'Fenske et al., Angew. Chem. Int. Ed. 41, 300 (2002), title',
  },
  {
    text: '[Ag124Se57(SePtBu2)4Cl6(tBu2P(CH2)3PtBu2)12]',
    composition: sum([1, 'Ag124Se57Cl6'], [4, L.SePtBu2], [12, L.tBu2PC3PtBu2]),
    charge: 0,
    source: 'Fenske et al., Angew. Chem. Int. Ed. 41, 300 (2002), title',
  },
  {
    text: '[Ag38Te13 (TetBu)12(Ph2P(CH2)2PPh2)3]',
    composition: sum([1, 'Ag38Te13'], [12, L.TetBu], [3, L.dppe]),
    charge: 0,
    source: 'Langetepe & Fenske, Z. Anorg. Allg. Chem. 627, 820 (2001), title',
  },
  {
    text: 'Ag11(SG)7',
    composition: sum([1, 'Ag11'], [7, L.SG]),
    charge: 0,
    source: 'Baksi et al., 2013 (glutathione-protected Ag11)',
  },
  // --- copper hydrides ------------------------------------------------------
  {
    text: '[Cu25H22(PPh3)12]Cl',
    composition: sum([1, 'Cu25H22Cl'], [12, L.PPh3]),
    charge: 0,
    main: 1,
    source: "Nguyen et al., Angew. Chem. Int. Ed. 2015, 'A Cu25 nanocluster with partial Cu(0) character'",
  },
  {
    text: '[Cu32H20{S2P(OiPr)2}12]',
    composition: sum([1, 'Cu32H20'], [12, L.dtp_iPr]),
    charge: 0,
    source: 'Dhayal et al., Chem. Eur. J. 21, 8369 (2015)',
  },
  {
    text: '[Cu-32(H)(20){S2P(OiPr)(2)}(12)]',
    composition: sum([1, 'Cu32H20'], [12, L.dtp_iPr]),
    charge: 0,
    source: 'the same title as Web of Science prints it (ORNL publication record)',
  },
  {
    text: '[Cu20H11(S2P(OiPr)2)9]',
    composition: sum([1, 'Cu20H11'], [9, L.dtp_iPr]),
    charge: 0,
    source: 'Dhayal et al., JACS 2013 (elongated triangular orthobicupola Cu20)',
  },
  {
    text: '[Cu30H18{S2P(OnPr)2}12]',
    composition: sum([1, 'Cu30H18'], [12, L.dtp_nPr]),
    charge: 0,
    source: 'Barik et al., Chem. Eur. J. 26, 10471 (2020)',
  },
  {
    text: '[Cu28(S-c-C6H11)18(PPh2Py)3H8]2+',
    composition: sum([1, 'Cu28H8'], [18, L.SCy], [3, L.PPh2Py]),
    charge: 2,
    source: 'Bao et al. (Zhu group), Chem. Sci. 2022',
  },
  {
    text: '[Cu29(SAdm)15Cl3(P(Ph-Cl)3)4H10]+',
    composition: sum([1, 'Cu29Cl3H10'], [15, L.SAdm], [4, L.PPhClx3]),
    charge: 1,
    source: 'Bao et al. (Zhu group), Chem. Sci. 2022',
  },
  {
    text: '(Cu29(S-c-C6H11)18(P(Ph-pMe)3)4H10)+',
    composition: sum([1, 'Cu29H10'], [18, L.SCy], [4, L.PPhMex3]),
    charge: 1,
    source: 'Bao et al. (Zhu group), Chem. Sci. 2022 (written with parentheses)',
  },
  {
    text: '[Cu28H16(dppp)4(RS)4(CF3CO2)8]',
    composition: sum([1, 'Cu28H16'], [4, L.dppp], [4, 'S'], [8, L.CF3CO2]),
    charge: 0,
    source: 'Nanoscale 2021 (bcc-like polyhydrido Cu28), RS = generic thiolate',
  },
  {
    text: '[{(Ph3P)CuH}6]',
    composition: sum([6, 'CuH'], [6, L.PPh3]),
    charge: 0,
    source: "Stryker's reagent, as written by Dhayal, van Zyl, Liu, Acc. Chem. Res. 2016",
  },
  // --- polyoxometalates -----------------------------------------------------
  {
    text: '[PW12O40]3−',
    composition: el('PW12O40'),
    charge: -3,
    source: 'Keggin anion (Keggin, Nature 131, 908 (1933))',
  },
  {
    text: '[PW₁₂O₄₀]³⁻',
    composition: el('PW12O40'),
    charge: -3,
    source: 'Unicode subscripts and superscripts',
  },
  {
    text: 'α-K6[P2W18O62]·14H2O',
    composition: sum([1, 'K6P2W18O62'], [14, L.H2O]),
    charge: 0,
    main: -6,
    source: 'Wells–Dawson salt (Dawson, Acta Cryst. 6, 113 (1953))',
  },
  {
    text: 'K6(P2W18O62).14H2O',
    composition: sum([1, 'K6P2W18O62'], [14, L.H2O]),
    charge: 0,
    main: -6,
    source: 'Dawson, Acta Cryst. 6, 113 (1953), title as cited in reference lists',
  },
  {
    text: '[Mo154O462H14(H2O)70]14−',
    composition: sum([1, 'Mo154O462H14'], [70, L.H2O]),
    charge: -14,
    source: 'Müller et al., Angew. Chem. Int. Ed. 34, 2122 (1995)',
  },
  {
    text: 'H3PMo12O40',
    composition: el('H3PMo12O40'),
    charge: 0,
    source: '12-phosphomolybdic acid',
  },
  {
    text: '[V10O28]6−',
    composition: el('V10O28'),
    charge: -6,
    source: 'decavanadate',
  },
  {
    text: '(n-Bu4N)4[W10O32]',
    composition: sum([1, 'W10O32'], [4, L.TBA]),
    charge: 0,
    main: -4,
    source: 'tetrabutylammonium decatungstate (TBADT)',
  },
  {
    text: '(NBu4)2[Mo6O19]',
    composition: sum([1, 'Mo6O19'], [2, L.TBA]),
    charge: 0,
    main: -2,
    source: 'Lindqvist hexamolybdate, NBu4 counter-ion',
  },
  {
    text: '[Mo132O372(CH3COO)30(H2O)72]42−',
    composition: sum([1, 'Mo132O372'], [30, L.OAc], [72, L.H2O]),
    charge: -42,
    source: 'Müller et al., Angew. Chem. Int. Ed. 37, 3360 (1998) (Keplerate)',
  },
  {
    text: '[{(Mo(VI))Mo(VI)(5)O(21)}(12)(Mo(V)(2)O(4))(30)](12-)',
    composition: sum([12, 'Mo6O21'], [30, 'Mo2O4']),
    charge: -12,
    source: 'Dalton Trans. 41, 9984 (2012), abstract as PubMed prints it',
  },
  {
    text: '[Mo72Fe30O252(CH3COO)12{Mo2O7(H2O)}2{H2Mo2O8(H2O)}(H2O)91]·150H2O',
    composition: sum(
      [1, 'Mo72Fe30O252'],
      [12, L.OAc],
      [2, 'Mo2O7'],
      [2, L.H2O],
      [1, 'H2Mo2O8'],
      [1, L.H2O],
      [91, L.H2O],
      [150, L.H2O],
    ),
    charge: 0,
    source: 'Müller et al. {Mo72Fe30}, as quoted in J. Phys. Chem. C / figshare abstract',
  },
  {
    text: '[Mo57Fe6(NO)6O174(OH)3(H2O)24]15−',
    composition: sum([1, 'Mo57Fe6O174'], [6, 'NO'], [3, L.OH], [24, L.H2O]),
    charge: -15,
    source: 'Müller et al., Angew. Chem. Int. Ed. Engl. 33, 849 (1994)',
  },
  {
    text: '[Mn12O12(O2CMe)16(H2O)4]',
    composition: sum([1, 'Mn12O12'], [16, L.OAc], [4, L.H2O]),
    charge: 0,
    source: 'Mn12-acetate (Lis, Acta Cryst. B36, 2042 (1980))',
  },
  {
    text: '(NH4)6Mo7O24·4H2O',
    composition: sum([6, L.NH4], [1, 'Mo7O24'], [4, L.H2O]),
    charge: 0,
    main: -6,
    source: 'ammonium heptamolybdate tetrahydrate',
  },
  // --- Zintl ions -----------------------------------------------------------
  {
    text: '[Ge9]4−',
    composition: el('Ge9'),
    charge: -4,
    source: 'Fässler, Coord. Chem. Rev. 215, 347 (2001)',
  },
  { text: '[Sn9]4−', composition: el('Sn9'), charge: -4, source: 'Corbett, Chem. Rev. 85, 383 (1985)' },
  {
    text: 'K4Ge9',
    composition: el('K4Ge9'),
    charge: 0,
    main: -4,
    source: 'Ponou & Fässler, Z. Anorg. Allg. Chem. 2007',
  },
  {
    text: '[Pb10]2−',
    composition: el('Pb10'),
    charge: -2,
    source: 'Spiekermann, Hoffmann, Fässler, Angew. Chem. Int. Ed. 45, 3459 (2006)',
  },
  { text: '[Bi5]3+', composition: el('Bi5'), charge: 3, source: 'Corbett, Inorg. Chem. 7, 198 (1968)' },
  {
    text: '[Ni@Ge9]3−',
    composition: el('NiGe9'),
    charge: -3,
    source: 'Goicoechea & Sevov, 2006',
  },
  {
    text: '[Pt@Pb12]2−',
    composition: el('PtPb12'),
    charge: -2,
    source: 'Esenturk, Fettinger, Eichhorn, 2004–2005',
  },
  {
    text: '[As@Ni12@As20]3−',
    composition: el('As21Ni12'),
    charge: -3,
    source: 'Moses, Fettinger, Eichhorn, Science 300, 778 (2003)',
  },
  {
    text: '[Ge9–Ge9]6–',
    composition: el('Ge18'),
    charge: -6,
    source: 'Z. Anorg. Allg. Chem. 2011 (dimeric Zintl ion, en dash as the bond)',
  },
  {
    text: '[K(18-crown-6)][Rb(18-crown-6)]2Ge9 · 6NH3',
    composition: sum([1, 'KRb2Ge9'], [3, L.crown6], [6, L.NH3]),
    charge: 0,
    main: -3,
    source: 'Suchentrunk & Korber, Inorg. Chim. Acta 359, 267 (2006): "the 21 electron cluster Ge9 3−"',
  },
  {
    text: '[Rb([2.2.2]crypt)]2[Rb([18]crown−6)][HGe9]·4NH3',
    composition: sum([1, 'Rb3HGe9'], [2, L.crypt], [1, L.crown6], [4, L.NH3]),
    charge: 0,
    main: -3,
    source: 'Crystals 8, 374 (2018): the protonated cluster [HGe9]3−',
  },
  {
    text: '[K(2.2.2-crypt)]2[Pb10]',
    composition: sum([1, 'K2Pb10'], [2, L.crypt]),
    charge: 0,
    main: -2,
    source: 'Spiekermann, Hoffmann, Fässler, Angew. Chem. Int. Ed. 45, 3459 (2006)',
  },
  // --- boranes and carboranes -----------------------------------------------
  {
    text: 'closo-1,2-C2B10H12',
    composition: el('C2B10H12'),
    charge: 0,
    source: 'ortho-carborane',
  },
  { text: 'o-C2B10H12', composition: el('C2B10H12'), charge: 0, source: 'ortho-carborane, o- prefix' },
  { text: 'nido-B10H14', composition: el('B10H14'), charge: 0, source: 'decaborane(14)' },
  { text: 'arachno-B4H10', composition: el('B4H10'), charge: 0, source: 'tetraborane(10)' },
  { text: '[B6H6]2−', composition: el('B6H6'), charge: -2, source: 'closo-hexaborate' },
  {
    text: 'Cs2[B12H12]',
    composition: el('Cs2B12H12'),
    charge: 0,
    main: -2,
    source: 'caesium dodecaborate',
  },
  {
    text: '[B12(CN)12]2−',
    composition: el('B12C12N12'),
    charge: -2,
    source: 'Zhao, Zhou, Jena, Angew. Chem. Int. Ed. 2016',
  },
  {
    text: 'nido-7,8-C2B9H12−',
    composition: el('C2B9H12'),
    charge: -1,
    source: 'dicarbollide precursor [nido-7,8-C2B9H12]−',
  },
  { text: '[CB11H12]−', composition: el('CB11H12'), charge: -1, source: 'carba-closo-dodecaborate' },
  // --- superatoms, superhalogens, superalkalis ------------------------------
  { text: 'Al13−', composition: el('Al13'), charge: -1, source: 'Bergeron et al., Science 304, 84 (2004)' },
  { text: 'Al13I−', composition: el('Al13I'), charge: -1, source: 'Bergeron et al., Science 304, 84 (2004)' },
  {
    text: 'Al13I2−',
    composition: el('Al13I2'),
    charge: -1,
    source: 'Bergeron et al., Science 307, 231 (2005)',
  },
  { text: 'BO2', composition: el('BO2'), charge: 0, source: 'Zhai et al., JACS 2007 (BO2 superhalogen)' },
  { text: 'Li3O+', composition: el('Li3O'), charge: 1, source: 'superalkali (Gutsev & Boldyrev 1982)' },
  { text: 'MnCl3−', composition: el('MnCl3'), charge: -1, source: 'superhalogen (Gutsev & Boldyrev 1981)' },
  { text: 'AuF6−', composition: el('AuF6'), charge: -1, source: 'superhalogen' },
  {
    text: 'KAl13',
    composition: el('KAl13'),
    charge: 0,
    main: -1,
    source: 'ionic superatom compound K+Al13− (Khanna/Castleman literature)',
  },
  // --- endohedral ------------------------------------------------------------
  {
    text: 'W@Au12',
    composition: el('WAu12'),
    charge: 0,
    source: 'Pyykkö & Runeberg, Angew. 41, 2174 (2002)',
  },
  {
    text: '[U@Si20]6−',
    composition: el('USi20'),
    charge: -6,
    source: 'Dognon, Clavaguéra, Pyykkö, JACS 2009',
  },
  {
    text: 'Cr@Si12',
    composition: el('CrSi12'),
    charge: 0,
    source: 'Khanna, Rao, Jena, PRL 89, 016803 (2002)',
  },
  {
    text: 'Sc3N@C80',
    composition: el('Sc3NC80'),
    charge: 0,
    source: 'Stevenson et al., Nature 401, 55 (1999)',
  },
  { text: 'Sc3N@Ih-C80', composition: el('Sc3NC80'), charge: 0, source: 'isomer label Ih before the cage' },
  {
    text: 'La@C82',
    composition: el('LaC82'),
    charge: 0,
    source: 'Chai et al., J. Phys. Chem. 95, 7564 (1991)',
  },
  { text: 'Gd@C82(OH)22', composition: el('GdC82O22H22'), charge: 0, source: 'gadofullerenol' },
  // --- carbonyl clusters ------------------------------------------------------
  {
    text: 'Os6(CO)18',
    composition: sum([1, 'Os6'], [18, L.CO]),
    charge: 0,
    source: 'Mingos, Acc. Chem. Res. 17, 311 (1984)',
  },
  {
    text: '[Rh13H3(CO)24]2−',
    composition: sum([1, 'Rh13H3'], [24, L.CO]),
    charge: -2,
    source: 'Chini/Martinengo hydrido carbonyl [Rh13(CO)24H3]2− (example of the brief)',
  },
  {
    text: 'Fe3(CO)12',
    composition: sum([1, 'Fe3'], [12, L.CO]),
    charge: 0,
    source: 'triiron dodecacarbonyl',
  },
  {
    text: '[Pt38(CO)44]2−',
    composition: sum([1, 'Pt38'], [44, L.CO]),
    charge: -2,
    source: 'Pt38 carbonyl dianion (Longoni/Femoni group), example of the brief',
  },
  { text: 'Ru6C(CO)17', composition: sum([1, 'Ru6C'], [17, L.CO]), charge: 0, source: 'carbide cluster' },
  {
    text: '[Ni38Pt6(CO)48H]5−',
    composition: sum([1, 'Ni38Pt6H'], [48, L.CO]),
    charge: -5,
    source: 'Ceriotti et al. (Chini/Longoni group), 1985',
  },
  {
    text: 'Pd145(CO)72(PEt3)30',
    composition: sum([1, 'Pd145'], [72, L.CO], [30, L.PEt3]),
    charge: 0,
    source: 'Tran, Powell, Dahl, Angew. Chem. Int. Ed. 39, 4121 (2000)',
  },
  { text: '[Pt15(CO)30]2−', composition: sum([1, 'Pt15'], [30, L.CO]), charge: -2, source: 'Chini cluster' },
];

describe('literature formulas', () => {
  it(`has at least 80 cases (${CASES.length})`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(80);
  });
  for (const c of CASES) {
    it(`${c.text} — ${c.source}`, () => {
      const f = parseFormula(c.text);
      expect(f.composition).toEqual(c.composition);
      expect(f.charge).toBe(c.charge);
      // === on purpose: a neutral ion may carry the IEEE −0 (src/count relies on it today)
      expect(f.mainCharge === (c.main ?? c.charge)).toBe(true);
      // the canonical text reads back to the same formula
      const again = parseFormula(f.canonical);
      expect(again.composition).toEqual(f.composition);
      expect(again.charge).toBe(f.charge);
    });
  }
});

describe('literature formulas: ligands, parts and prefixes', () => {
  it('hyphenated ligand spellings inside brackets keep their table roles', () => {
    const f = parseFormula('[Pt1Ag28(S-Adm)18(PPh3)4]2+');
    const sAdm = f.ligands.find((l) => l.name === 'S-Adm')!;
    expect(sAdm).toMatchObject({ count: 18, role: 'X', electronsWithdrawn: 1, roleSource: 'table' });
    expect(f.core).toEqual({ Pt: 1, Ag: 28 });
    const cy = parseFormula('Au23(S-c-C6H11)16−');
    expect(cy.ligands[0]).toMatchObject({ count: 16, role: 'X', electronsWithdrawn: 1 });
    expect(cy.prefixes).toContain('c');
  });

  it('alkynyls written C≡CPh, CCPh or PhC≡C are one-electron X ligands', () => {
    for (const t of ['Au44(C≡CPh)28', 'Au44(CCPh)28', 'Au44(PhC≡C)28']) {
      expect(parseFormula(t).ligands[0]).toMatchObject({ count: 28, role: 'X', electronsWithdrawn: 1 });
    }
  });

  it('counter-ions and cation complexes are parts, not ligands', () => {
    const na = parseFormula('[Na(18-crown-6)][Ag25(SPhMe2)18]');
    expect(na.core).toEqual({ Ag: 25 });
    expect(na.ligands.map((l) => l.name)).toEqual(['SPhMe2']);
    expect(na.parts.map((p) => [p.kind, p.charge])).toEqual([
      ['main', -1],
      ['counterion', 1],
    ]);
    const k = parseFormula('K4Ge9');
    expect(k.core).toEqual({ Ge: 9 });
    expect(k.parts.map((p) => [p.kind, p.multiplier, p.charge])).toEqual([
      ['main', 1, -4],
      ['counterion', 4, 1],
    ]);
    // salts that must stay whole: superalkali Li3O+, alkali halide clusters, NaCl
    expect(parseFormula('Li3O+').mainCharge).toBe(1);
    expect(parseFormula('Na14Cl13+').mainCharge).toBe(1);
    expect(parseFormula('NaCl').parts).toHaveLength(1);
  });

  it('an adduct of unknown amount (·xH2O) is recorded, not counted, and makes masses unavailable', () => {
    const f = parseFormula('Na3PW12O40·xH2O');
    // Na3PW12O40 only: the water is not in the composition
    expect(f.composition).toEqual(el('Na3PW12O40'));
    expect(f.mainCharge).toBe(-3);
    expect(f.unknownAmounts).toEqual(['xH2O']);
    expect(f.parts.at(-1)).toMatchObject({ kind: 'adduct', amountUnknown: true, composition: el('H2O') });
    const m = formulaMasses(f);
    expect(m.averageMass).toBeNull();
    expect(m.messages.join(' ')).toMatch(/amount of H2O/);
    expect(parseFormula('H3PMo12O40·nH2O').unknownAmounts).toEqual(['nH2O']);
    expect(parseFormula('Na3PW12O40·xH2O').canonical).toBe('Na3PW12O40·xH2O');
  });

  it('oxidation-state labels are not counted; a count after them still is', () => {
    expect(parseFormula('Au(I)Cl').composition).toEqual({ Au: 1, Cl: 1 });
    // four iodides, not Cu in oxidation state I
    expect(parseFormula('Cu4(I)4').composition).toEqual({ Cu: 4, I: 4 });
  });
});

describe('charges and labels as typeset in papers', () => {
  it('superscripts are charges after a formula and mass numbers before a symbol', () => {
    // Fe²⁺ is iron(2+), not Fe2 with charge 1+ (the superscript says which digits are the charge)
    expect(parseFormula('Fe²⁺')).toMatchObject({ composition: { Fe: 1 }, charge: 2 });
    expect(parseFormula('C60²⁻')).toMatchObject({ composition: { C: 60 }, charge: -2 });
    expect(parseFormula('Au25(SR)18⁰')).toMatchObject({ composition: { Au: 25, S: 18 }, charge: 0 });
    expect(parseFormula('Au25(SR)18⁻²').charge).toBe(-2);
    expect(parseFormula('¹³C6H6').composition).toEqual({ '13C': 6, H: 6 });
  });
  it('reads ^0, ^{3-} and a sign before the magnitude after a bracket', () => {
    expect(parseFormula('Au25(SCH2CH2Ph)18^0').charge).toBe(0);
    expect(parseFormula('[PW12O40]^{3-}').charge).toBe(-3);
    expect(parseFormula('[Au25(SC2H4Ph)18]−1')).toMatchObject({
      charge: -1,
      composition: sum([1, 'Au25'], [18, L.PET]),
    });
  });
  it('flags a charge larger than the atom count (a lost superscript in Chini clusters)', () => {
    // [Pt3(CO)6]5^2− written without typesetting
    const f = parseFormula('[Pt3(CO)6]52−');
    expect(f.charge).toBe(-52);
    expect(f.notes.join(' ')).toMatch(/\[\{Pt3\(CO\)6\}5\]2-/);
    expect(parseFormula('[{Pt3(CO)6}5]2−')).toMatchObject({
      composition: sum([15, 'Pt'], [30, L.CO]),
      charge: -2,
    });
  });
  it('isobutyl and sec-butyl (Uhl 1991: [Al12iBu12]2−)', () => {
    expect(parseFormula('[Al12iBu12]2−').composition).toEqual(sum([1, 'Al12'], [12, 'C4H9']));
  });
});

describe('literature formulas that have no single composition', () => {
  const fails = (t: string, code: string) => {
    try {
      parseFormula(t);
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).code).toBe(code);
      expect((e as InputError).hint).toBeTruthy();
      return;
    }
    throw new Error(`expected ${t} to fail with ${code}`);
  };
  it('rejects letter counts and charged adducts of unknown amount', () => {
    fails('Aun(SR)m', 'formula-variable-count'); // Jin, Nanoscale 2, 343 (2010): generic Aun(SR)m
    fails('[AgtBuS]n', 'formula-variable-count'); // polymeric silver thiolate (Chin. J. Struct. Chem. 2022)
    fails('[Au25(TePh)n(SC8H17)18−n]−', 'formula-variable-count'); // Kurashige et al. JPCL 2014
    fails('[Au25(SR)18]·xNa+', 'formula-unknown-amount');
    fails('[Au25−xAgx(SR)18]−', 'formula-variable-count'); // alloy series Au25−xAgx
    fails('Au25(SR)18 (R = C2H4Ph)', 'formula-definition');
  });
  it('an ion pair needs a charge on both ions', () => {
    fails('[Au25(SR)18]-[TOA]', 'formula-charge-not-last');
    fails('Au25(SR)18- Cl', 'formula-charge-not-last');
  });
});
