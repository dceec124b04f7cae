/**
 * The cluster catalogue: atomically precise clusters from the literature, each with its
 * formula as published, family, synthesis route, key structural facts and the DOI of the
 * paper that reports it (structure paper where there is one).
 *
 * Data only. Electron counts, verdicts, masses and m/z are never stored here: the engine
 * computes them when an entry is listed. `published` holds the count the literature states
 * (with the rule it was stated under) so that a test can recompute every entry and compare;
 * it is a reference for checking, not a value shown to users.
 *
 * Synthesis categories follow the synthesis reviews of atomically precise clusters
 * (Jin, Zeng, Zhou, Chen, Chem. Rev. 116, 10346 (2016), doi:10.1021/acs.chemrev.5b00703;
 * Chakraborty & Pradeep, Chem. Rev. 117, 8208 (2017), doi:10.1021/acs.chemrev.6b00769),
 * extended with the routes of main-group, carbonyl and gas-phase chemistry.
 */

export const CATALOGUE_FAMILIES = [
  'gold-thiolate',
  'gold-phosphine',
  'gold-alkynyl',
  'alloy',
  'silver',
  'copper',
  'metalloid',
  'polyoxometalate',
  'zintl',
  'borane',
  'carborane',
  'carbonyl',
  'bare',
  'endohedral',
  'superhalogen',
  'fullerene',
] as const;
export type CatalogueFamily = (typeof CATALOGUE_FAMILIES)[number];

export const SYNTHESIS_METHODS = [
  'reduction',
  'size-focusing',
  'ligand-exchange',
  'anti-galvanic',
  'metal-exchange',
  'seeded-growth',
  'redox',
  'electrochemistry',
  'gas-phase',
  'solid-state',
  'solution-condensation',
  'disproportionation',
  'pyrolysis',
  'carbonylation',
  'arc-discharge',
] as const;
export type SynthesisMethod = (typeof SYNTHESIS_METHODS)[number];

/** What each synthesis category means, for help texts and the map legend. */
export const SYNTHESIS_METHOD_DESCRIPTIONS: Readonly<Record<SynthesisMethod, string>> = {
  reduction: 'direct reduction of metal salts with protecting ligands (Brust–Schiffrin and one-pot routes)',
  'size-focusing': 'reduction to a size distribution, then thermodynamic etching/aging to one magic size',
  'ligand-exchange':
    'ligand exchange on a preformed cluster, incl. exchange-induced size/structure transformation',
  'anti-galvanic': 'anti-galvanic reaction: a less noble metal ion reduced by the cluster',
  'metal-exchange': 'galvanic or metal exchange: dopant atoms replace host atoms of a template cluster',
  'seeded-growth': 'growth from a smaller cluster by adding metal atoms or complexes',
  redox: 'chemical oxidation or reduction between charge states of the same framework',
  electrochemistry: 'electrochemical oxidation or reduction',
  'gas-phase': 'laser vaporisation / molecular beams, mass-selected in the gas phase',
  'solid-state': 'high-temperature solid-state or flux synthesis (Zintl phases), extracted into solution',
  'solution-condensation': 'acidification and condensation of oxometalate anions in water',
  disproportionation: 'disproportionation of metastable subhalides (metalloid clusters)',
  pyrolysis: 'pyrolysis or thermolysis of smaller boranes/carboranes',
  carbonylation: 'reductive carbonylation or thermolysis of metal carbonyls',
  'arc-discharge': 'arc discharge or laser ablation of graphite, extracted and chromatographed',
};

export interface CatalogueEntry {
  /** Stable identifier (lower-case slug). */
  readonly id: string;
  /** The formula as published, in Superatom's formula language. */
  readonly formula: string;
  readonly name?: string;
  readonly family: CatalogueFamily;
  readonly method: SynthesisMethod;
  /** Kernel as the structure paper describes it. */
  readonly kernel?: string;
  /** Point group as published (of the whole cluster or its core, as stated). */
  readonly pointGroup?: string;
  /** Counting rule under which the published count is stated (a rule id of `count`). */
  readonly rule: string;
  readonly doi: string;
  readonly year: number;
  /** The count the literature states: electrons, or skeletal electron pairs for Wade/Jemmis. For tests only. */
  readonly published: { readonly count: number; readonly verdict?: string };
  readonly note?: string;
  /** Where the DOI was seen next to the paper's title or authors (verification note). */
  readonly doiChecked?: string;
}

type Extra = Partial<Pick<CatalogueEntry, 'name' | 'kernel' | 'pointGroup' | 'note' | 'doiChecked'>> & {
  verdict?: string;
};

function e(
  id: string,
  formula: string,
  family: CatalogueFamily,
  method: SynthesisMethod,
  rule: string,
  count: number,
  doi: string,
  year: number,
  extra: Extra = {},
): CatalogueEntry {
  const { verdict, ...rest } = extra;
  return {
    id,
    formula,
    family,
    method,
    rule,
    doi,
    year,
    published: verdict === undefined ? { count } : { count, verdict },
    ...rest,
  };
}

const SAC = 'superatom-complex';
const WADE = 'wade-mingos';
const PEC = 'mingos-pec';

export const CATALOGUE: readonly CatalogueEntry[] = [
  // ── gold–thiolate clusters (superatom complex: n = N_Au − N_SR − z) ──
  e(
    'au25-pet18-anion',
    '[Au25(PET)18]-',
    'gold-thiolate',
    'size-focusing',
    SAC,
    8,
    '10.1021/ja801173r',
    2008,
    {
      kernel: 'Au13 icosahedron + 6 Au2(SR)3 staples',
      verdict: 'closed-shell',
    },
  ),
  e('au25-pet18-neutral', 'Au25(PET)18', 'gold-thiolate', 'redox', SAC, 7, '10.1021/jp805786p', 2008, {
    doiChecked: 'title+authors+DOI on data.zhenzhi.com record (Zhu et al., J. Phys. Chem. C 112, 14221)',
    kernel: 'Au13 icosahedron + 6 Au2(SR)3 staples',
    note: 'paramagnetic, one unpaired electron',
  }),
  e('au25-sg18', '[Au25(SG)18]-', 'gold-thiolate', 'reduction', SAC, 8, '10.1021/ja042218h', 2005),
  e('au38-pet24', 'Au38(PET)24', 'gold-thiolate', 'size-focusing', SAC, 14, '10.1021/ja103592z', 2010, {
    kernel: 'Au23 face-fused bi-icosahedron + 3 Au(SR)2 + 6 Au2(SR)3',
    pointGroup: 'D3',
  }),
  e('au102-pmba44', 'Au102(pMBA)44', 'gold-thiolate', 'reduction', SAC, 58, '10.1126/science.1148624', 2007, {
    kernel: 'Au79 Marks decahedron',
    pointGroup: 'D2',
    verdict: 'closed-shell',
  }),
  e(
    'au144-sch2ph60',
    'Au144(SCH2Ph)60',
    'gold-thiolate',
    'size-focusing',
    SAC,
    84,
    '10.1126/sciadv.aat7259',
    2018,
    {
      doiChecked: 'title+DOI on advances.sciencemag.org/content/4/10/eaat7259',
      kernel: 'Au12 icosahedron @ Au42 @ Au60 (Au114) + 30 Au(SR)2',
    },
  ),
  e('au28-tbbt20', 'Au28(TBBT)20', 'gold-thiolate', 'ligand-exchange', SAC, 8, '10.1021/ja404058q', 2013, {
    kernel: 'Au14 (two interpenetrating cuboctahedra)',
  }),
  e(
    'au36-tbbt24',
    'Au36(TBBT)24',
    'gold-thiolate',
    'ligand-exchange',
    SAC,
    12,
    '10.1002/anie.201207098',
    2012,
    {
      kernel: 'Au28 fcc (truncated tetrahedron) + 4 Au2(SR)3 + 12 bridging SR',
      doiChecked: 'title+authors+DOI on onlinelibrary.wiley.com abstract and studylib copy',
    },
  ),
  e(
    'au133-tbbt52',
    'Au133(TBBT)52',
    'gold-thiolate',
    'size-focusing',
    SAC,
    81,
    '10.1126/sciadv.1500045',
    2015,
    { doiChecked: 'title+authors+DOI in article copy on abcdocz.com' },
  ),
  e(
    'au130-pmbt50',
    'Au130(pMBT)50',
    'gold-thiolate',
    'size-focusing',
    SAC,
    80,
    '10.1021/jacs.5b05378',
    2015,
    {
      kernel: 'Au105 Marks decahedron',
    },
  ),
  e(
    'au246-pmbt80',
    'Au246(pMBT)80',
    'gold-thiolate',
    'size-focusing',
    SAC,
    166,
    '10.1126/science.aak9750',
    2016,
  ),
  e(
    'au23-chex16',
    '[Au23(S-c-C6H11)16]-',
    'gold-thiolate',
    'ligand-exchange',
    SAC,
    8,
    '10.1021/ja409177s',
    2013,
    {
      kernel: 'Au15 cuboctahedron-based kernel',
    },
  ),
  e(
    'au24-sch2phtbu20',
    'Au24(SCH2Ph-tBu)20',
    'gold-thiolate',
    'reduction',
    SAC,
    4,
    '10.1039/C4NR01350F',
    2014,
    {
      kernel: 'Au8 bi-tetrahedron',
    },
  ),
  e(
    'au18-chex14',
    'Au18(S-c-C6H11)14',
    'gold-thiolate',
    'reduction',
    SAC,
    4,
    '10.1002/anie.201410161',
    2015,
    {
      kernel: 'Au9 bi-octahedron',
    },
  ),
  e('au30s-stbu18', 'Au30S(StBu)18', 'gold-thiolate', 'reduction', SAC, 10, '10.1021/ja412141j', 2014),
  e('au20-tbbt16', 'Au20(TBBT)16', 'gold-thiolate', 'reduction', SAC, 4, '10.1021/ja506802n', 2014, {
    kernel: 'Au7 (vertex-sharing bi-tetrahedron)',
  }),
  e('au40-ombt24', 'Au40(oMBT)24', 'gold-thiolate', 'size-focusing', SAC, 16, '10.1126/sciadv.1500425', 2015),
  e('au52-tbbt32', 'Au52(TBBT)32', 'gold-thiolate', 'size-focusing', SAC, 20, '10.1126/sciadv.1500425', 2015),
  e('au92-tbbt44', 'Au92(TBBT)44', 'gold-thiolate', 'size-focusing', SAC, 48, '10.1021/jacs.6b04835', 2016, {
    kernel: 'Au84 tetragonal fcc nanocrystal',
  }),
  e(
    'au279-tbbt84',
    'Au279(TBBT)84',
    'gold-thiolate',
    'size-focusing',
    SAC,
    195,
    '10.1021/jacs.7b08651',
    2017,
  ),
  e('au21-stbu15', 'Au21(StBu)15', 'gold-thiolate', 'reduction', SAC, 6, '10.1021/jacs.5b06235', 2015),
  e('au44-tbbt28', 'Au44(TBBT)28', 'gold-thiolate', 'size-focusing', SAC, 16, '10.1021/jacs.5b12747', 2016),
  e('au22-sg18', 'Au22(SG)18', 'gold-thiolate', 'reduction', SAC, 4, '10.1021/ja411643u', 2014, {
    doiChecked: 'title+DOI on pubmed.gov/24387227',
  }),
  e(
    'au38-sc12h25-24',
    'Au38(SC12H25)24',
    'gold-thiolate',
    'size-focusing',
    SAC,
    14,
    '10.1021/ja103592z',
    2010,
    {
      kernel: 'Au23 face-fused bi-icosahedron',
    },
  ),
  e('au25-pet18-cation', '[Au25(PET)18]+', 'gold-thiolate', 'redox', SAC, 6, '10.1039/C5SC02134K', 2016, {
    doiChecked: 'title+authors on pubs.rsc.org articlehtml .../2016/sc/c5sc02134k',
    note: 'Jahn–Teller distorted 1P4 cation',
  }),
  e('au38t-pet24', 'Au38(PET)24', 'gold-thiolate', 'reduction', SAC, 14, '10.1038/ncomms9667', 2015, {
    name: 'Au38T, the trimeric-staple isomer of Au38Q',
    kernel: 'Au23 core of a different staple pattern',
  }),
  e('au25-seph18', '[Au25(SePh)18]-', 'gold-thiolate', 'reduction', SAC, 8, '10.1039/C4NR04631E', 2014, {
    doiChecked: 'title in pubs.rsc.org articlehtml URL .../2014/nr/c4nr04631e',
    kernel: 'Au13 icosahedron + 6 Au2(SePh)3 semi-rings',
    verdict: 'closed-shell',
  }),
  e('au24-seph20', 'Au24(SePh)20', 'gold-thiolate', 'reduction', SAC, 4, '10.1021/ja4131142', 2014, {
    note: 'selenolate analogue of Au24(SR)20',
  }),
  e('au44-dmbt26', 'Au44(DMBT)26', 'gold-thiolate', 'size-focusing', SAC, 18, '10.1021/jacs.6b07178', 2016, {
    note: 'chiral; 18-electron shell closure',
  }),
  e(
    'au103s2-snap41',
    'Au103S2(SC10H7)41',
    'gold-thiolate',
    'size-focusing',
    SAC,
    58,
    '10.1021/jacs.7b04678',
    2017,
    {
      note: 'S-Nap = naphthalene-2-thiolate; two sulfido S withdraw 2 electrons each',
    },
  ),
  e(
    'au38s2-sadm20',
    'Au38S2(SAdm)20',
    'gold-thiolate',
    'ligand-exchange',
    SAC,
    14,
    '10.1002/anie.201502667',
    2015,
    {
      kernel: 'body-centred cubic Au38 core',
    },
  ),
  // ── gold–phosphine and mixed-ligand gold clusters ──
  e(
    'au11-pph3-8-cl2',
    '[Au11(PPh3)8Cl2]+',
    'gold-phosphine',
    'reduction',
    SAC,
    8,
    '10.1021/ja5075689',
    2014,
    {
      kernel: 'Au11 incomplete icosahedron',
    },
  ),
  e('au11-pph3-7-cl3', 'Au11(PPh3)7Cl3', 'gold-phosphine', 'reduction', SAC, 8, '10.1021/ja5075689', 2014),
  e(
    'au13-dppe5cl2',
    '[Au13(dppe)5Cl2]3+',
    'gold-phosphine',
    'reduction',
    SAC,
    8,
    '10.1002/smll.201000207',
    2010,
    {
      kernel: 'Au13 icosahedron',
    },
  ),
  e(
    'au13-pme2ph10cl2',
    '[Au13(PMe2Ph)10Cl2]3+',
    'gold-phosphine',
    'reduction',
    SAC,
    8,
    '10.1039/C39810000201',
    1981,
    {
      kernel: 'Au13 centred icosahedron',
    },
  ),
  e(
    'au9-pph3-8',
    '[Au9(PPh3)8](NO3)3',
    'gold-phosphine',
    'reduction',
    SAC,
    6,
    '10.1002/ejic.200700891',
    2008,
  ),
  e(
    'au25-rod',
    '[Au25(PPh3)10(SC2H5)5Cl2]2+',
    'gold-phosphine',
    'reduction',
    SAC,
    16,
    '10.1021/jp073101t',
    2007,
    {
      kernel: 'vertex-sharing bi-icosahedron (two Au13 sharing one Au)',
      pointGroup: 'D5',
      note: 'superatomic molecule: 8 + 8 electrons',
    },
  ),
  e(
    'au13-pph3-8-pmba3',
    'Au13(PPh3)8(pMBA)3',
    'gold-phosphine',
    'ligand-exchange',
    SAC,
    10,
    '10.1063/1.4976018',
    2017,
  ),
  e('au9h-pph3-8', '[Au9H(PPh3)8]2+', 'gold-phosphine', 'reduction', SAC, 8, '10.1021/jacs.8b03880', 2018, {
    note: 'interstitial hydride gives its electron to the superatom',
  }),
  e('au20-ptbu3-8', 'Au20(PtBu3)8', 'gold-phosphine', 'reduction', SAC, 20, '10.1002/anie.202206019', 2022, {
    doiChecked: 'title+authors+DOI on PMC9546110',
    kernel: 'hollow Au20 cuboctahedral arrangement',
    verdict: 'closed-shell',
  }),
  e(
    'au11-pph3-8-alkynyl2',
    '[Au11(PPh3)8(C≡CC6H4CF3)2]+',
    'gold-phosphine',
    'reduction',
    SAC,
    8,
    '10.1039/D2RA01080A',
    2022,
    {
      doiChecked: 'title+DOI on RSC Adv. article html mirror',
      kernel: 'Au11 capped crown',
      pointGroup: 'C3v',
    },
  ),
  e('au8-pph3-8', '[Au8(PPh3)8]2+', 'gold-phosphine', 'reduction', SAC, 6, '10.1021/ic00334a017', 1990),
  e('au6-pph3-6', '[Au6(PPh3)6]2+', 'gold-phosphine', 'reduction', SAC, 4, '10.1039/DT9860000687', 1986, {
    kernel: 'Au6 edge-sharing bitetrahedron',
  }),
  e(
    'au20-ppyh2-10cl4',
    '[Au20(PPhpy2)10Cl4]2+',
    'gold-phosphine',
    'reduction',
    SAC,
    14,
    '10.1021/ja307256b',
    2012,
  ),
  e(
    'au37-tri-icosahedral',
    '[Au37(PPh3)10(PET)10Cl2]+',
    'gold-phosphine',
    'reduction',
    SAC,
    24,
    '10.1021/acsnano.5b03524',
    2015,
    {
      kernel: 'three vertex-sharing Au13 icosahedra in a row',
      note: 'superatomic molecule: 3 × 8 electrons',
    },
  ),
  e('au20-pp3-4', '[Au20(PP3)4]4+', 'gold-phosphine', 'reduction', SAC, 16, '10.1021/ja411061e', 2014, {
    note: 'PP3 = tris(2-(diphenylphosphino)ethyl)phosphine',
  }),
  e(
    'au11-pph3-7-scn3',
    'Au11(PPh3)7(SCN)3',
    'gold-phosphine',
    'reduction',
    SAC,
    8,
    '10.1039/C29690000334',
    1969,
    {
      kernel: 'Au11 incomplete icosahedron',
    },
  ),
  // ── alloy clusters ──
  e('pdau24-pet18', 'PdAu24(PET)18', 'alloy', 'metal-exchange', SAC, 6, '10.1021/jacs.5b06946', 2015, {
    kernel: 'Pd@Au12',
    note: 'dopant Pd (group 10) gives no s electron',
  }),
  e(
    'ptau24-pet18-2m',
    '[PtAu24(PET)18]2-',
    'alloy',
    'electrochemistry',
    SAC,
    8,
    '10.1021/jacs.5b06946',
    2015,
    {
      kernel: 'Pt@Au12',
    },
  ),
  e('ptau24-pet18', 'PtAu24(PET)18', 'alloy', 'reduction', SAC, 6, '10.1021/ja307657a', 2012, {
    kernel: 'Pt@Au12',
  }),
  e('hgau24-pet18', 'HgAu24(PET)18', 'alloy', 'anti-galvanic', SAC, 8, '10.1021/jacs.5b09627', 2015),
  e('cdau24-pet18', 'CdAu24(PET)18', 'alloy', 'metal-exchange', SAC, 8, '10.1021/jacs.5b09627', 2015),
  e('au12ag32-4m', '[Au12Ag32(SPhF2)30]4-', 'alloy', 'reduction', SAC, 18, '10.1038/ncomms3422', 2013, {
    doiChecked: 'nature.com/articles/ncomms3422 page describing the Ag44(SR)30 and Au12Ag32(SR)30 structures',
    kernel: 'Au12 hollow icosahedron @ Ag20 dodecahedron',
    pointGroup: 'Ih',
  }),
  e('ptag24-2m', '[PtAg24(SPhCl2)18]2-', 'alloy', 'reduction', SAC, 8, '10.1021/jacs.5b07186', 2015, {
    kernel: 'Pt@Ag12',
  }),
  e('pdag24-2m', '[PdAg24(SPhCl2)18]2-', 'alloy', 'reduction', SAC, 8, '10.1021/jacs.5b07186', 2015, {
    kernel: 'Pd@Ag12',
  }),
  e('auag24-m', '[AuAg24(SPhMe2)18]-', 'alloy', 'metal-exchange', SAC, 8, '10.1002/anie.201509381', 2016, {
    kernel: 'Au@Ag12',
  }),
  // ── silver clusters ──
  e('ag44-spf2-4m', '[Ag44(SPhF2)30]4-', 'silver', 'reduction', SAC, 18, '10.1038/ncomms3422', 2013, {
    doiChecked: 'nature.com/articles/ncomms3422 page describing the Ag44(SR)30 and Au12Ag32(SR)30 structures',
    kernel: 'Ag12 hollow icosahedron @ Ag20 dodecahedron',
    pointGroup: 'Ih',
  }),
  e('ag44-pmba30-4m', '[Ag44(pMBA)30]4-', 'silver', 'reduction', SAC, 18, '10.1038/nature12523', 2013, {
    doiChecked: 'title+authors+DOI on a ResearchGate copy (Desireddy et al., Nature 2013)',
  }),
  e('ag25-spme2-m', '[Ag25(SPhMe2)18]-', 'silver', 'reduction', SAC, 8, '10.1021/jacs.5b07088', 2015, {
    kernel: 'Ag13 icosahedron',
  }),
  e(
    'ag29-bdt12-pph3-4',
    '[Ag29(BDT)12(PPh3)4]3-',
    'silver',
    'reduction',
    SAC,
    8,
    '10.1021/jacs.5b04547',
    2015,
    {
      kernel: 'Ag13 icosahedron',
      pointGroup: 'Td',
    },
  ),
  e('ag67', '[Ag67(SPhMe2)32(PPh3)8]3+', 'silver', 'reduction', SAC, 32, '10.1021/jacs.6b09007', 2016, {
    kernel: 'Ag23 core',
  }),
  e('ag21-dtp12', '[Ag21{S2P(OiPr)2}12]+', 'silver', 'reduction', SAC, 8, '10.1002/anie.201410332', 2015, {
    kernel: 'Ag13 centred icosahedron',
  }),
  e('ag44-sepn-4m', '[Ag44(SePh)30]4-', 'silver', 'reduction', SAC, 18, '10.1021/jz401879c', 2013),
  e('ag14-spf2-pph3', 'Ag14(SPhF2)12(PPh3)8', 'silver', 'reduction', SAC, 2, '10.1039/C2CC37347H', 2013, {
    kernel: 'Ag6 octahedron in an Ag8 cube',
  }),
  e('ag50-dppm6', 'Ag50(dppm)6(SPhMe2)30', 'silver', 'reduction', SAC, 20, '10.1021/jacs.6b11681', 2017),
  e('ptag28', '[PtAg28(SAdm)18(PPh3)4]2+', 'alloy', 'metal-exchange', SAC, 8, '10.1039/C6SC05104A', 2017, {
    kernel: 'Pt@Ag12 cuboctahedron (fcc)',
    pointGroup: 'T',
  }),
  e(
    'ptag28-ico',
    '[PtAg28(S-c-C6H11)18(PPh3)4]2+',
    'alloy',
    'ligand-exchange',
    SAC,
    8,
    '10.1039/C9SC02667C',
    2019,
    {
      kernel: 'Pt@Ag12 icosahedron',
      note: 'icosahedral isomer reached from the fcc one by thiolate exchange',
    },
  ),
  e('ag9-bdt6', '[Ag9(BDT)6]3-', 'silver', 'reduction', SAC, 0, '10.1021/acs.inorgchem.1c00334', 2021, {
    doiChecked: 'title+DOI in reference list of 10.1016/b978-0-323-90879-5.00026-3 (ouci.dntb.gov.ua)',
    kernel: 'fused square-pyramidal Ag5 units',
  }),
  e('ag146br2-sr80', 'Ag146Br2(SR)80', 'silver', 'reduction', SAC, 64, '10.1021/acsnano.8b04233', 2018, {
    note: 'count is n = N_Ag − N_SR − N_Br; the paper does not claim a closed shell',
  }),
  e(
    'au42-alkynyl22',
    'Au42(C≡CC6H4CF3)22',
    'gold-alkynyl',
    'reduction',
    SAC,
    20,
    '10.1039/D0NR02986F',
    2020,
    { doiChecked: 'title+authors on pubs.rsc.org articlehtml .../2020/nr/d0nr02986f' },
  ),
  e('au50-alkynyl26', 'Au50(C≡CC6H4F)26', 'gold-alkynyl', 'reduction', SAC, 24, '10.1039/D0NR02986F', 2020, {
    doiChecked: 'title+authors on pubs.rsc.org articlehtml .../2020/nr/d0nr02986f',
  }),
  // ── copper clusters ──
  e('cu25h22', '[Cu25H22(PPh3)12]Cl', 'copper', 'reduction', SAC, 2, '10.1021/jacs.5b07574', 2015, {
    doiChecked: 'title+DOI on pubmed.ncbi.nlm.nih.gov/26422670',
    note: 'partial Cu(0) character: 2 superatom electrons',
  }),
  e(
    'cu13-dtc6',
    '[Cu13(S2CNnBu2)6(C≡CCO2Me)4]+',
    'copper',
    'reduction',
    SAC,
    2,
    '10.1002/anie.201403324',
    2014,
    {
      kernel: 'Cu13 centred cuboctahedron',
      note: 'a two-electron copper superatom',
    },
  ),
  // ── metalloid clusters ──
  e('al50cp12', 'Al50Cp*12', 'metalloid', 'disproportionation', SAC, 138, '10.1002/anie.200453754', 2004),
  // ── bare clusters in the gas phase (spherical jellium) ──
  e('na8', 'Na8', 'bare', 'gas-phase', 'jellium', 8, '10.1103/PhysRevLett.52.2141', 1984, {
    doiChecked:
      'Knight et al., PRL 52, 2141 with DOI in reference list of 10.1126/science.1093902 (ouci.dntb.gov.ua)',
    verdict: 'closed-shell',
  }),
  e('na20', 'Na20', 'bare', 'gas-phase', 'jellium', 20, '10.1103/PhysRevLett.52.2141', 1984, {
    doiChecked:
      'Knight et al., PRL 52, 2141 with DOI in reference list of 10.1126/science.1093902 (ouci.dntb.gov.ua)',
    verdict: 'closed-shell',
  }),
  e('na40', 'Na40', 'bare', 'gas-phase', 'jellium', 40, '10.1103/PhysRevLett.52.2141', 1984, {
    doiChecked:
      'Knight et al., PRL 52, 2141 with DOI in reference list of 10.1126/science.1093902 (ouci.dntb.gov.ua)',
    verdict: 'closed-shell',
  }),
  e('na58', 'Na58', 'bare', 'gas-phase', 'jellium', 58, '10.1103/PhysRevLett.52.2141', 1984, {
    doiChecked:
      'Knight et al., PRL 52, 2141 with DOI in reference list of 10.1126/science.1093902 (ouci.dntb.gov.ua)',
    verdict: 'closed-shell',
  }),
  e('al13-m', 'Al13-', 'bare', 'gas-phase', 'jellium', 40, '10.1126/science.1093902', 2004, {
    doiChecked: 'title+authors+DOI on science.sciencemag.org and ouci.dntb.gov.ua',
    pointGroup: 'Ih',
    verdict: 'closed-shell',
  }),
  e('al13', 'Al13', 'superhalogen', 'gas-phase', 'jellium', 39, '10.1126/science.1093902', 2004, {
    doiChecked: 'title+authors+DOI on science.sciencemag.org and ouci.dntb.gov.ua',
    note: 'superhalogen: one electron short of 40',
  }),
  e('au20', 'Au20', 'bare', 'gas-phase', 'jellium', 20, '10.1126/science.1079879', 2003, {
    doiChecked: 'title+authors+DOI on science.sciencemag.org and citedrive.com',
    pointGroup: 'Td',
    verdict: 'closed-shell',
  }),
  e('na2', 'Na2', 'bare', 'gas-phase', 'jellium', 2, '10.1103/PhysRevLett.52.2141', 1984, {
    doiChecked:
      'Knight et al., PRL 52, 2141 with DOI in reference list of 10.1126/science.1093902 (ouci.dntb.gov.ua)',
    verdict: 'closed-shell',
  }),
  e('na92', 'Na92', 'bare', 'gas-phase', 'jellium', 92, '10.1103/PhysRevLett.52.2141', 1984, {
    doiChecked:
      'Knight et al., PRL 52, 2141 with DOI in reference list of 10.1126/science.1093902 (ouci.dntb.gov.ua)',
    verdict: 'closed-shell',
  }),
  e('al4-2m', 'NaAl4-', 'bare', 'gas-phase', 'huckel', 2, '10.1126/science.291.5505.859', 2001, {
    note: 'the square Al4²⁻ unit of MAl4⁻: 2 π electrons, all-metal aromatic',
    pointGroup: 'D4h',
    verdict: 'aromatic',
  }),
  e('k8', 'K8', 'bare', 'gas-phase', 'jellium', 8, '10.1103/RevModPhys.65.611', 1993, {
    verdict: 'closed-shell',
  }),
  e('k20', 'K20', 'bare', 'gas-phase', 'jellium', 20, '10.1103/RevModPhys.65.611', 1993, {
    verdict: 'closed-shell',
  }),
  e('k40', 'K40', 'bare', 'gas-phase', 'jellium', 40, '10.1103/RevModPhys.65.611', 1993, {
    verdict: 'closed-shell',
  }),
  e('k58', 'K58', 'bare', 'gas-phase', 'jellium', 58, '10.1103/RevModPhys.65.611', 1993, {
    verdict: 'closed-shell',
  }),
  e('na138', 'Na138', 'bare', 'gas-phase', 'jellium', 138, '10.1103/PhysRevLett.65.1627', 1990, {
    verdict: 'closed-shell',
  }),
  e('na198', 'Na198', 'bare', 'gas-phase', 'jellium', 198, '10.1103/PhysRevLett.65.1627', 1990, {
    verdict: 'closed-shell',
  }),
  e('cu9-p', 'Cu9+', 'bare', 'gas-phase', 'jellium', 8, '10.1016/0168-1176(85)80021-5', 1985, {
    verdict: 'closed-shell',
  }),
  e('cu21-p', 'Cu21+', 'bare', 'gas-phase', 'jellium', 20, '10.1016/0168-1176(85)80021-5', 1985, {
    verdict: 'closed-shell',
  }),
  e('ag9-p', 'Ag9+', 'bare', 'gas-phase', 'jellium', 8, '10.1016/0168-1176(85)80021-5', 1985, {
    verdict: 'closed-shell',
  }),
  e('ag21-p', 'Ag21+', 'bare', 'gas-phase', 'jellium', 20, '10.1016/0168-1176(85)80021-5', 1985, {
    verdict: 'closed-shell',
  }),
  e('au9-p', 'Au9+', 'bare', 'gas-phase', 'jellium', 8, '10.1016/0168-1176(85)80021-5', 1985, {
    verdict: 'closed-shell',
  }),
  e('au21-p', 'Au21+', 'bare', 'gas-phase', 'jellium', 20, '10.1016/0168-1176(85)80021-5', 1985, {
    verdict: 'closed-shell',
  }),
  // ── endohedral clusters ──
  e('w-at-au12', 'W@Au12', 'endohedral', 'gas-phase', '18-electron', 18, '10.1002/ange.200290047', 2002, {
    doiChecked:
      'Angew. Chem. (German ed.) DOI with title+authors on bohrium.dp.tech; the Int. Ed. DOI 10.1002/anie.200290048 formerly cited was not seen anywhere',
    pointGroup: 'Ih',
  }),
  e('mo-at-au12', 'Mo@Au12', 'endohedral', 'gas-phase', '18-electron', 18, '10.1002/ange.200290047', 2002, {
    doiChecked:
      'Angew. Chem. (German ed.) DOI with title+authors on bohrium.dp.tech; the Int. Ed. DOI 10.1002/anie.200290048 formerly cited was not seen anywhere',
    pointGroup: 'Ih',
  }),
  e('ni-at-pb10', '[Ni@Pb10]2-', 'endohedral', 'solid-state', WADE, 11, '10.1039/b412082e', 2005, {
    pointGroup: 'D4d',
  }),
  e('pt-at-pb12', '[Pt@Pb12]2-', 'endohedral', 'solid-state', WADE, 13, '10.1002/anie.200353287', 2004, {
    pointGroup: 'Ih',
  }),
  // ── Zintl ions (Wade–Mingos: skeletal electron pairs) ──
  e('sn12-2m', '[Sn12]2-', 'zintl', 'gas-phase', WADE, 13, '10.1021/ja062052f', 2006, {
    name: 'stannaspherene',
    pointGroup: 'Ih',
    verdict: 'closo',
  }),
  e('pb12-2m', '[Pb12]2-', 'zintl', 'gas-phase', WADE, 13, '10.1021/jp063617x', 2006, {
    name: 'plumbaspherene',
    pointGroup: 'Ih',
    verdict: 'closo',
  }),
  e('pb10-2m', '[Pb10]2-', 'zintl', 'solid-state', WADE, 11, '10.1002/anie.200503916', 2006, {
    pointGroup: 'D4d',
    verdict: 'closo',
  }),
  e('pb5-2m', '[Pb5]2-', 'zintl', 'solid-state', WADE, 6, '10.1021/ic50170a036', 1977, {
    doiChecked: 'title+DOI on osti.gov/biblio/7107759 (Edwards & Corbett, Inorg. Chem. 16:4)',
    pointGroup: 'D3h',
    verdict: 'closo',
  }),
  e('sn5-2m', '[Sn5]2-', 'zintl', 'solid-state', WADE, 6, '10.1021/ic50170a036', 1977, {
    doiChecked: 'title+DOI on osti.gov/biblio/7107759 (Edwards & Corbett, Inorg. Chem. 16:4)',
    pointGroup: 'D3h',
    verdict: 'closo',
  }),
  e('ge9-4m', 'K4Ge9', 'zintl', 'solid-state', WADE, 11, '10.1002/zaac.200600316', 2007, { verdict: 'nido' }),
  e('sn9-4m', '[Sn9]4-', 'zintl', 'solid-state', WADE, 11, '10.1021/ja00452a021', 1977, {
    pointGroup: 'C4v',
    verdict: 'nido',
  }),
  e('bi5-3p', '[Bi5]3+', 'zintl', 'solid-state', WADE, 6, '10.1021/ic50073a010', 1969, {
    pointGroup: 'D3h',
    verdict: 'closo',
  }),
  e('bi8-2p', '[Bi8]2+', 'zintl', 'solid-state', WADE, 11, '10.1515/znb-2021-0042', 2021, {
    pointGroup: 'D4d',
    verdict: 'arachno',
  }),
  e('te4-2p', '[Te4]2+', 'zintl', 'solid-state', 'huckel', 6, '10.1021/ic50108a032', 1972, {
    pointGroup: 'D4h',
    verdict: 'aromatic',
  }),
  e('ge9-2m', '[Ge9]2-', 'zintl', 'solid-state', WADE, 10, '10.1021/ja00464a013', 1977, {
    pointGroup: 'D3h',
    verdict: 'closo',
  }),
  e('pb9-4m', '[Pb9]4-', 'zintl', 'solid-state', WADE, 11, '10.1039/a906586e', 1999, {
    doiChecked:
      'Fässler & Hoffmann [K(18-crown-6)]4[Pb9] title+DOI in reference list of 10.1007/430_2021_84 (ouci.dntb.gov.ua)',
    verdict: 'nido',
  }),
  e('hge9-3m', '[HGe9]3-', 'zintl', 'solid-state', WADE, 11, '10.3390/cryst8100374', 2018, {
    doiChecked: 'title+DOI on MDPI Crystals 8(10) 374 page mirror',
    verdict: 'nido',
    note: 'the first protonated nine-atom germanide; 22 cluster-bonding electrons',
  }),
  // ── boranes and carboranes ──
  e('b12h12-2m', '[B12H12]2-', 'borane', 'pyrolysis', WADE, 13, '10.1021/ja01497a069', 1960, {
    pointGroup: 'Ih',
    verdict: 'closo',
  }),
  e('b10h10-2m', '[B10H10]2-', 'borane', 'pyrolysis', WADE, 11, '10.1021/ja01529a062', 1959, {
    pointGroup: 'D4d',
    verdict: 'closo',
  }),
  e('b6h6-2m', '[B6H6]2-', 'borane', 'pyrolysis', WADE, 7, '10.1021/ja01076a067', 1964, {
    pointGroup: 'Oh',
    verdict: 'closo',
  }),
  e('b7h7-2m', '[B7H7]2-', 'borane', 'pyrolysis', WADE, 8, '10.1021/ic50053a001', 1967, {
    pointGroup: 'D5h',
    verdict: 'closo',
  }),
  e('b8h8-2m', '[B8H8]2-', 'borane', 'pyrolysis', WADE, 9, '10.1021/ic50053a001', 1967, { verdict: 'closo' }),
  e('b5h9', 'B5H9', 'borane', 'pyrolysis', WADE, 7, '10.1107/S0365110X52000770', 1952, {
    pointGroup: 'C4v',
    verdict: 'nido',
  }),
  e('b10h14', 'B10H14', 'borane', 'pyrolysis', WADE, 12, '10.1107/S0365110X50001270', 1950, {
    doiChecked:
      'Kasper, Lucht & Harker, Acta Cryst 3, 436: title+DOI in reference list of 10.1007/430_2021_86 (ouci.dntb.gov.ua); the DOI formerly cited (…001294) was not this paper',
    pointGroup: 'C2v',
    verdict: 'nido',
  }),
  e('b6h10', 'B6H10', 'borane', 'pyrolysis', WADE, 8, '10.1063/1.1744080', 1958, { verdict: 'nido' }),
  e('b6h12', 'arachno-B6H12', 'borane', 'pyrolysis', WADE, 9, '10.1039/DT9880002335', 1988, {
    doiChecked: 'title+DOI on scilit.com (J. Chem. Soc. Dalton Trans. 1988, 2335)',
    pointGroup: 'C2',
    verdict: 'arachno',
    note: 'gas-phase electron-diffraction structure',
  }),
  e('o-carborane', 'closo-1,2-C2B10H12', 'carborane', 'pyrolysis', WADE, 13, '10.1021/ic50010a005', 1963, {
    pointGroup: 'C2v',
    verdict: 'closo',
  }),
  e('cb11h12-m', '[CB11H12]-', 'carborane', 'pyrolysis', WADE, 13, '10.1021/ja00981a048', 1967, {
    pointGroup: 'C5v',
    verdict: 'closo',
  }),
  e('b9h9-2m', '[B9H9]2-', 'borane', 'pyrolysis', WADE, 10, '10.1021/ic50045a025', 1966, {
    pointGroup: 'D3h',
    verdict: 'closo',
  }),
  e('b11h11-2m', '[B11H11]2-', 'borane', 'pyrolysis', WADE, 12, '10.1021/ic50045a025', 1966, {
    pointGroup: 'C2v',
    verdict: 'closo',
  }),
  e('b4h10', 'B4H10', 'borane', 'pyrolysis', WADE, 7, '10.1021/ja01112a525', 1953, {
    pointGroup: 'C2v',
    verdict: 'arachno',
  }),
  e('b5h11', 'B5H11', 'borane', 'pyrolysis', WADE, 8, '10.1063/1.1698181', 1957, { verdict: 'arachno' }),
  e('dicarbollide', '[nido-7,8-C2B9H11]2-', 'carborane', 'pyrolysis', WADE, 13, '10.1021/ja01086a053', 1965, {
    verdict: 'nido',
  }),
  e('c2b4h6', 'closo-1,6-C2B4H6', 'carborane', 'pyrolysis', WADE, 7, '10.1021/ic50127a033', 1973, {
    doiChecked: 'title+authors+DOI on scite.ai (McNeill et al., Inorg. Chem. 12, 2108)',
    pointGroup: 'D4h',
    verdict: 'closo',
    note: 'gas-phase electron-diffraction structure (McNeill, Gallaher, Scholer, Bauer)',
  }),
  e('c2b3h5', 'closo-1,5-C2B3H5', 'carborane', 'pyrolysis', WADE, 6, '10.1021/ic50127a033', 1973, {
    doiChecked: 'title+authors+DOI on scite.ai (McNeill et al., Inorg. Chem. 12, 2108)',
    pointGroup: 'D3h',
    verdict: 'closo',
    note: 'gas-phase electron-diffraction structure (McNeill, Gallaher, Scholer, Bauer)',
  }),
  // ── metal carbonyl clusters (Mingos polyhedral skeletal electron pair theory: CVE) ──
  e('fe3co12', 'Fe3(CO)12', 'carbonyl', 'carbonylation', PEC, 48, '10.1021/ja01034a016', 1969, {
    kernel: 'Fe3 triangle',
  }),
  e('ru3co12', 'Ru3(CO)12', 'carbonyl', 'carbonylation', PEC, 48, '10.1021/ic50176a049', 1977, {
    pointGroup: 'D3h',
  }),
  e('os3co12', 'Os3(CO)12', 'carbonyl', 'carbonylation', PEC, 48, '10.1021/ic50170a032', 1977, {
    pointGroup: 'D3h',
  }),
  e('co4co12', 'Co4(CO)12', 'carbonyl', 'carbonylation', PEC, 60, '10.1021/ic50081a030', 1969, {
    kernel: 'Co4 tetrahedron',
  }),
  e('rh4co12', 'Rh4(CO)12', 'carbonyl', 'carbonylation', PEC, 60, '10.1021/ic50081a030', 1969, {
    kernel: 'Rh4 tetrahedron',
  }),
  e('ir4co12', 'Ir4(CO)12', 'carbonyl', 'carbonylation', PEC, 60, '10.1021/ic50190a040', 1978, {
    doiChecked:
      'Churchill & Hutchinson, Inorg. Chem. 17, 3528: title+DOI in Wikipedia "Tetrairidium dodecacarbonyl" reference (kampuspedia copy)',
    pointGroup: 'Td',
  }),
  e('rh6co16', 'Rh6(CO)16', 'carbonyl', 'carbonylation', PEC, 86, '10.1021/ja00891a031', 1963, {
    kernel: 'Rh6 octahedron',
    pointGroup: 'Td',
  }),
  e('os6co18', 'Os6(CO)18', 'carbonyl', 'carbonylation', PEC, 84, '10.1021/ja00792a060', 1973, {
    kernel: 'bicapped tetrahedron (capped trigonal bipyramid)',
  }),
  e('os6co18-2m', '[Os6(CO)18]2-', 'carbonyl', 'redox', PEC, 86, '10.1039/C39760000883', 1976, {
    kernel: 'Os6 octahedron',
  }),
  e('os10c-co24-2m', '[Os10C(CO)24]2-', 'carbonyl', 'pyrolysis', PEC, 134, '10.1039/DT9820002099', 1982, {
    kernel: 'tetracapped octahedron',
    note: 'made by pyrolysis of [Os3(CO)11(py)]; X-ray structure of the [N(PPh3)2]+ salt',
  }),
  e('fe2co9', 'Fe2(CO)9', 'carbonyl', 'carbonylation', PEC, 34, '10.1039/DT9740000800', 1974, {
    note: 'one Fe–Fe bond',
  }),
  e('co2co8', 'Co2(CO)8', 'carbonyl', 'carbonylation', PEC, 34, '10.1107/S0365110X64001803', 1964),
  e('mn2co10', 'Mn2(CO)10', 'carbonyl', 'carbonylation', PEC, 34, '10.1063/1.1743626', 1957),
  e('fe5c-co15', 'Fe5C(CO)15', 'carbonyl', 'carbonylation', PEC, 74, '10.1021/ja00883a004', 1962, {
    kernel: 'Fe5 square pyramid around C',
  }),
  e('hru6co18-m', '[HRu6(CO)18]-', 'carbonyl', 'carbonylation', PEC, 86, '10.1039/DT9800000383', 1980, {
    kernel: 'Ru6 octahedron with interstitial H',
  }),
  e('fe4c-co12-2m', '[Fe4C(CO)12]2-', 'carbonyl', 'carbonylation', PEC, 62, '10.1073/pnas.78.2.668', 1981, {
    kernel: 'Fe4 butterfly with exposed four-coordinate carbide',
  }),
  e('ru6c-co17', 'Ru6C(CO)17', 'carbonyl', 'carbonylation', PEC, 86, '10.1039/C29690000596', 1969, {
    kernel: 'Ru6 octahedron around C',
  }),
  e('rh6c-co15-2m', '[Rh6C(CO)15]2-', 'carbonyl', 'carbonylation', PEC, 90, '10.1039/DT9730000651', 1973, {
    kernel: 'Rh6 trigonal prism around C',
  }),
  e('fe4co13-2m', '[Fe4(CO)13]2-', 'carbonyl', 'carbonylation', PEC, 60, '10.1021/ja00973a012', 1966, {
    kernel: 'Fe4 tetrahedron',
  }),
  e('ni5co12-2m', '[Ni5(CO)12]2-', 'carbonyl', 'carbonylation', PEC, 76, '10.1021/ja00850a046', 1975, {
    kernel: 'Ni5 trigonal bipyramid (electron-rich)',
  }),
  e('h4ru4co12', 'H4Ru4(CO)12', 'carbonyl', 'carbonylation', PEC, 60, '10.1021/ic50183a038', 1978, {
    kernel: 'Ru4 tetrahedron',
  }),
  // ── polyoxometalates (d electrons added to the fully oxidised d⁰ anion) ──
  e(
    'keggin-pw12',
    'H3PW12O40',
    'polyoxometalate',
    'solution-condensation',
    'polyoxometalate',
    0,
    '10.1038/131908b0',
    1933,
    {
      doiChecked: 'Keggin, Nature 131, 908 title+DOI on chemistryviews.org quiz page',
      name: '12-tungstophosphoric acid (Keggin anion)',
      pointGroup: 'Td',
      verdict: 'd0-closed-shell',
    },
  ),
  e(
    'dawson-p2w18',
    'K6[P2W18O62]·14H2O',
    'polyoxometalate',
    'solution-condensation',
    'polyoxometalate',
    0,
    '10.1107/S0365110X53000466',
    1953,
    {
      doiChecked: 'title+DOI in reference list of 10.1016/b978-0-323-88441-9.00002-8 (ouci.dntb.gov.ua)',
      name: 'Wells–Dawson anion',
      pointGroup: 'D3h',
      verdict: 'd0-closed-shell',
    },
  ),
  e(
    'decavanadate',
    '[V10O28]6-',
    'polyoxometalate',
    'solution-condensation',
    'polyoxometalate',
    0,
    '10.1021/ic50040a004',
    1966,
    {
      pointGroup: 'D2h',
      verdict: 'd0-closed-shell',
    },
  ),
  e(
    'dexter-cemo12',
    '(NH4)2H6[CeMo12O42]·12H2O',
    'polyoxometalate',
    'solution-condensation',
    'polyoxometalate',
    0,
    '10.1021/ja01015a067',
    1968,
    {
      doiChecked: 'title+DOI in reference list of 10.1016/b978-0-323-88441-9.00002-8 (ouci.dntb.gov.ua)',
      note: 'Dexter–Silverton structure: icosahedral CeO12 inside six face-sharing Mo2O9 pairs',
    },
  ),
  e(
    'anderson-temo6',
    '[TeMo6O24]6-',
    'polyoxometalate',
    'solution-condensation',
    'polyoxometalate',
    0,
    '10.1021/ja01183a521',
    1948,
    {
      doiChecked: 'title+DOI in reference list of 10.1016/b978-0-323-88441-9.00002-8 (ouci.dntb.gov.ua)',
      name: 'Anderson–Evans anion',
      pointGroup: 'D3d',
      verdict: 'd0-closed-shell',
    },
  ),
  e(
    'siw12-1e',
    '[SiW12O40]5-',
    'polyoxometalate',
    'electrochemistry',
    'polyoxometalate',
    1,
    '10.1021/ic50041a038',
    1966,
    {
      name: 'one-electron heteropoly blue',
      verdict: 'heteropoly-blue',
    },
  ),
  e(
    'siw12-2e',
    '[SiW12O40]6-',
    'polyoxometalate',
    'electrochemistry',
    'polyoxometalate',
    2,
    '10.1021/ic50041a038',
    1966,
    {
      name: 'two-electron heteropoly blue',
      verdict: 'heteropoly-blue',
    },
  ),
  e(
    'siw12',
    '[SiW12O40]4-',
    'polyoxometalate',
    'solution-condensation',
    'polyoxometalate',
    0,
    '10.1021/ic50041a038',
    1966,
    {
      verdict: 'd0-closed-shell',
    },
  ),
  e(
    'mo154',
    '[Mo154O462H14(H2O)70]14-',
    'polyoxometalate',
    'solution-condensation',
    'polyoxometalate',
    28,
    '10.1002/anie.199521221',
    1995,
    {
      name: 'molybdenum-blue wheel',
      note: '28 delocalised 4d electrons',
    },
  ),
  e(
    'mo132',
    '[Mo132O372(OAc)30(H2O)72]42-',
    'polyoxometalate',
    'solution-condensation',
    'polyoxometalate',
    60,
    '10.1002/(SICI)1521-3773(19981231)37:24<3359::AID-ANIE3359>3.0.CO;2-J',
    1998,
    {
      name: 'Keplerate {Mo132}',
      pointGroup: 'Ih',
      note: '60 Mo(V) in 30 Mo2O4 linkers',
    },
  ),
  e(
    'preyssler',
    'K14[NaP5W30O110]',
    'polyoxometalate',
    'solution-condensation',
    'polyoxometalate',
    0,
    '10.1021/ja00295a019',
    1985,
    {
      name: 'Preyssler anion',
      pointGroup: 'D5h',
      verdict: 'd0-closed-shell',
    },
  ),
  // ── fullerenes (Hirsch 2(N+1)² rule; counts of π electrons) ──
  e('c60', 'C60', 'fullerene', 'arc-discharge', 'hirsch', 60, '10.1038/318162a0', 1985, {
    pointGroup: 'Ih',
    verdict: 'not-aromatic',
  }),
  e('c70', 'C70', 'fullerene', 'arc-discharge', 'hirsch', 70, '10.1039/C39900001423', 1990, {
    pointGroup: 'D5h',
    verdict: 'not-aromatic',
  }),
  e('c76', 'C76', 'fullerene', 'arc-discharge', 'hirsch', 76, '10.1038/353149a0', 1991, {
    doiChecked: 'title on nature.com/articles/353149a0',
    pointGroup: 'D2',
    note: 'chiral fullerene',
  }),
  e('c20', 'C20', 'fullerene', 'gas-phase', 'hirsch', 20, '10.1038/35024037', 2000, {
    note: 'smallest fullerene, made from C20H20 by debromination in the gas phase',
  }),
];
