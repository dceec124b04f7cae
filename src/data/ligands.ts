/**
 * Ligand, substituent and counter-ion abbreviations of the cluster formula
 * language. Data only: the parser (src/chem/) reads it; users extend it with a
 * JSON file of the same shape (`superatom formula … --ligands my.json`).
 *
 * `formula` is written in the formula language itself (it may use other
 * abbreviations of this table, e.g. Ph, Me); `null` marks a generic group whose
 * composition is unknown (masses are then unavailable).
 *
 * Roles follow the covalent (neutral) counting convention of the superatom
 * literature: X-type ligands withdraw `withdraws` electrons from the metal core,
 * L-type donors withdraw none (Walter et al., PNAS 105, 9157 (2008), "A unified
 * view of ligand-protected gold clusters as superatom complexes"; Green, J.
 * Organomet. Chem. 500, 127 (1995) for the X/L classification).
 * Compositions: PubChem / the cited cluster papers (BDTA bound as C7H4O2S2²⁻, as
 * in [Ag29(BDTA)12(PPh3)4]³⁻ mass spectra).
 */

export type LigandTableRole = 'X' | 'L' | 'hydride' | 'counterion' | 'substituent';

export interface LigandEntry {
  /** Abbreviation as written in formulas (case-sensitive). */
  readonly name: string;
  /** Other spellings. */
  readonly aliases?: readonly string[];
  /** Composition in the formula language; null for generic groups (R, X, L). */
  readonly formula: string | null;
  /** Formal charge of one ligand as bound (thiolate −1, dithiolate −2, phosphine 0, TBA⁺ +1). */
  readonly charge: number;
  readonly role: LigandTableRole;
  /** Electrons withdrawn from the metal core by one X-type ligand (0 for L-type). */
  readonly withdraws: number;
  /** May follow an aryl `Ph` and replace one ring hydrogen each (SPhMe2 = SC6H3(CH3)2). */
  readonly arylSubstituent?: boolean;
  readonly description: string;
}

export const LIGANDS_SOURCE =
  'Superatom ligand table: compositions from PubChem and the cited cluster papers; roles after Walter et al., PNAS 105, 9157 (2008) and Green, J. Organomet. Chem. 500, 127 (1995).';

export const LIGANDS: readonly LigandEntry[] = [
  // Generic groups: fine for counting, masses unavailable.
  {
    name: 'R',
    formula: null,
    charge: 0,
    role: 'substituent',
    withdraws: 0,
    description: 'generic organic group (composition unknown)',
  },
  {
    name: 'X',
    formula: null,
    charge: -1,
    role: 'X',
    withdraws: 1,
    description: 'generic one-electron (X-type) ligand, composition unknown',
  },
  {
    name: 'L',
    formula: null,
    charge: 0,
    role: 'L',
    withdraws: 0,
    description: 'generic neutral two-electron (L-type) donor, composition unknown',
  },
  { name: 'SR', formula: 'SR', charge: -1, role: 'X', withdraws: 1, description: 'thiolate, generic R' },
  { name: 'SeR', formula: 'SeR', charge: -1, role: 'X', withdraws: 1, description: 'selenolate, generic R' },
  { name: 'TeR', formula: 'TeR', charge: -1, role: 'X', withdraws: 1, description: 'tellurolate, generic R' },
  { name: 'PR3', formula: 'PR3', charge: 0, role: 'L', withdraws: 0, description: 'phosphine, generic R' },
  {
    name: 'C2R',
    aliases: ['CCR'],
    formula: 'C2R',
    charge: -1,
    role: 'X',
    withdraws: 1,
    description: 'alkynyl, generic R',
  },

  // Thiolates and selenolates (X-type, withdraw 1).
  {
    name: 'PET',
    aliases: ['SC2H4Ph', 'SCH2CH2Ph'],
    formula: 'SCH2CH2C6H5',
    charge: -1,
    role: 'X',
    withdraws: 1,
    description: '2-phenylethanethiolate SC8H9',
  },
  {
    name: 'SPhMe2',
    formula: 'SC6H3(CH3)2',
    charge: -1,
    role: 'X',
    withdraws: 1,
    description: 'dimethylbenzenethiolate SC8H9 (2,4- or 3,5-DMBT)',
  },
  {
    name: 'DMBT',
    formula: 'SC6H3(CH3)2',
    charge: -1,
    role: 'X',
    withdraws: 1,
    description: 'dimethylbenzenethiolate SC8H9',
  },
  {
    name: 'TBBT',
    formula: 'SC6H4C(CH3)3',
    charge: -1,
    role: 'X',
    withdraws: 1,
    description: '4-tert-butylbenzenethiolate SC10H13',
  },
  {
    name: 'pMBA',
    aliases: ['p-MBA'],
    formula: 'SC6H4COOH',
    charge: -1,
    role: 'X',
    withdraws: 1,
    description: 'para-mercaptobenzoic acid (thiolate) SC7H5O2',
  },
  {
    name: 'MHA',
    formula: 'S(CH2)5COOH',
    charge: -1,
    role: 'X',
    withdraws: 1,
    description: '6-mercaptohexanoic acid (thiolate) SC6H11O2',
  },
  {
    name: 'MPA',
    formula: 'S(CH2)2COOH',
    charge: -1,
    role: 'X',
    withdraws: 1,
    description: '3-mercaptopropionic acid (thiolate) SC3H5O2',
  },
  {
    name: 'SG',
    aliases: ['GS'],
    formula: 'C10H16N3O6S',
    charge: -1,
    role: 'X',
    withdraws: 1,
    description: 'glutathionate (thiolate) C10H16N3O6S',
  },
  { name: 'SC6H13', formula: 'SC6H13', charge: -1, role: 'X', withdraws: 1, description: 'hexanethiolate' },
  {
    name: 'SC12H25',
    formula: 'SC12H25',
    charge: -1,
    role: 'X',
    withdraws: 1,
    description: 'dodecanethiolate',
  },
  {
    name: 'SAdm',
    formula: 'SC10H15',
    charge: -1,
    role: 'X',
    withdraws: 1,
    description: '1-adamantanethiolate',
  },
  {
    name: 'StBu',
    formula: 'SC(CH3)3',
    charge: -1,
    role: 'X',
    withdraws: 1,
    description: 'tert-butylthiolate SC4H9',
  },
  {
    name: 'BDT',
    formula: 'C6H4S2',
    charge: -2,
    role: 'X',
    withdraws: 2,
    description: '1,3-benzenedithiolate C6H4S2²⁻',
  },
  {
    name: 'BDTA',
    formula: 'C7H4O2S2',
    charge: -2,
    role: 'X',
    withdraws: 2,
    description: 'benzenedithiol carboxylic acid bound as the dithiolate C7H4O2S2²⁻',
  },

  // Phosphines and other L-type donors.
  {
    name: 'PPh3',
    aliases: ['TPP'],
    formula: 'P(C6H5)3',
    charge: 0,
    role: 'L',
    withdraws: 0,
    description: 'triphenylphosphine',
  },
  { name: 'PEt3', formula: 'P(C2H5)3', charge: 0, role: 'L', withdraws: 0, description: 'triethylphosphine' },
  { name: 'PMe3', formula: 'P(CH3)3', charge: 0, role: 'L', withdraws: 0, description: 'trimethylphosphine' },
  {
    name: 'PtBu3',
    formula: 'P(C(CH3)3)3',
    charge: 0,
    role: 'L',
    withdraws: 0,
    description: 'tri-tert-butylphosphine',
  },
  {
    name: 'PCy3',
    formula: 'P(C6H11)3',
    charge: 0,
    role: 'L',
    withdraws: 0,
    description: 'tricyclohexylphosphine',
  },
  {
    name: 'PPh2py',
    formula: 'P(C6H5)2C5H4N',
    charge: 0,
    role: 'L',
    withdraws: 0,
    description: 'diphenyl-2-pyridylphosphine',
  },
  {
    name: 'dppm',
    formula: '(C6H5)2PCH2P(C6H5)2',
    charge: 0,
    role: 'L',
    withdraws: 0,
    description: 'bis(diphenylphosphino)methane C25H22P2',
  },
  {
    name: 'dppe',
    formula: '(C6H5)2P(CH2)2P(C6H5)2',
    charge: 0,
    role: 'L',
    withdraws: 0,
    description: '1,2-bis(diphenylphosphino)ethane C26H24P2',
  },
  {
    name: 'dppp',
    formula: '(C6H5)2P(CH2)3P(C6H5)2',
    charge: 0,
    role: 'L',
    withdraws: 0,
    description: '1,3-bis(diphenylphosphino)propane C27H26P2',
  },
  { name: 'py', formula: 'C5H5N', charge: 0, role: 'L', withdraws: 0, description: 'pyridine' },
  { name: 'THF', formula: 'C4H8O', charge: 0, role: 'L', withdraws: 0, description: 'tetrahydrofuran' },
  { name: 'CO', formula: 'CO', charge: 0, role: 'L', withdraws: 0, description: 'carbonyl' },
  { name: 'NH3', formula: 'NH3', charge: 0, role: 'L', withdraws: 0, description: 'ammine' },
  { name: 'H2O', formula: 'H2O', charge: 0, role: 'L', withdraws: 0, description: 'aqua' },

  // Other X-type ligands.
  {
    name: 'Cp',
    formula: 'C5H5',
    charge: -1,
    role: 'X',
    withdraws: 1,
    description: 'cyclopentadienyl (η5; 5 electrons in the neutral method)',
  },
  {
    name: 'Cp*',
    formula: 'C5(CH3)5',
    charge: -1,
    role: 'X',
    withdraws: 1,
    description: 'pentamethylcyclopentadienyl C10H15',
  },
  { name: 'CN', formula: 'CN', charge: -1, role: 'X', withdraws: 1, description: 'cyanide' },
  { name: 'F', formula: 'F', charge: -1, role: 'X', withdraws: 1, description: 'fluoride' },
  { name: 'Cl', formula: 'Cl', charge: -1, role: 'X', withdraws: 1, description: 'chloride' },
  { name: 'Br', formula: 'Br', charge: -1, role: 'X', withdraws: 1, description: 'bromide' },
  { name: 'I', formula: 'I', charge: -1, role: 'X', withdraws: 1, description: 'iodide' },
  { name: 'OH', formula: 'OH', charge: -1, role: 'X', withdraws: 1, description: 'hydroxide' },
  { name: 'OAc', formula: 'OC(O)CH3', charge: -1, role: 'X', withdraws: 1, description: 'acetate C2H3O2' },
  { name: 'acac', formula: 'C5H7O2', charge: -1, role: 'X', withdraws: 1, description: 'acetylacetonate' },
  { name: 'OTf', formula: 'OSO2CF3', charge: -1, role: 'X', withdraws: 1, description: 'triflate CF3SO3' },
  {
    name: 'H',
    formula: 'H',
    charge: -1,
    role: 'hydride',
    withdraws: 0,
    description:
      'hydride (donor in gold clusters, withdrawing in Cu/Ag polyhydrides: the counting rule decides)',
  },

  // Organic groups: substituents inside written-out ligands, aryl/alkyl X-type ligands on a metal.
  {
    name: 'Ph',
    formula: 'C6H5',
    charge: -1,
    role: 'X',
    withdraws: 1,
    arylSubstituent: true,
    description: 'phenyl',
  },
  {
    name: 'Me',
    formula: 'CH3',
    charge: -1,
    role: 'X',
    withdraws: 1,
    arylSubstituent: true,
    description: 'methyl',
  },
  {
    name: 'Et',
    formula: 'C2H5',
    charge: -1,
    role: 'X',
    withdraws: 1,
    arylSubstituent: true,
    description: 'ethyl',
  },
  {
    name: 'nPr',
    formula: 'C3H7',
    charge: -1,
    role: 'X',
    withdraws: 1,
    arylSubstituent: true,
    description: 'n-propyl',
  },
  {
    name: 'iPr',
    formula: 'C3H7',
    charge: -1,
    role: 'X',
    withdraws: 1,
    arylSubstituent: true,
    description: 'isopropyl',
  },
  {
    name: 'nBu',
    formula: 'C4H9',
    charge: -1,
    role: 'X',
    withdraws: 1,
    arylSubstituent: true,
    description: 'n-butyl',
  },
  {
    name: 'tBu',
    formula: 'C4H9',
    charge: -1,
    role: 'X',
    withdraws: 1,
    arylSubstituent: true,
    description: 'tert-butyl',
  },
  { name: 'Cy', formula: 'C6H11', charge: -1, role: 'X', withdraws: 1, description: 'cyclohexyl' },
  { name: 'Mes', formula: 'C6H2(CH3)3', charge: -1, role: 'X', withdraws: 1, description: 'mesityl C9H11' },
  { name: 'Tol', formula: 'C6H4CH3', charge: -1, role: 'X', withdraws: 1, description: 'tolyl C7H7' },
  { name: 'Bn', formula: 'CH2C6H5', charge: -1, role: 'X', withdraws: 1, description: 'benzyl C7H7' },
  {
    name: 'OMe',
    formula: 'OCH3',
    charge: -1,
    role: 'X',
    withdraws: 1,
    arylSubstituent: true,
    description: 'methoxy',
  },
  {
    name: 'CF3',
    formula: 'CF3',
    charge: -1,
    role: 'X',
    withdraws: 1,
    arylSubstituent: true,
    description: 'trifluoromethyl',
  },

  // Counter-ions (separate ions of a salt).
  {
    name: 'TBA',
    formula: 'N(C4H9)4',
    charge: 1,
    role: 'counterion',
    withdraws: 0,
    description: 'tetra-n-butylammonium',
  },
  {
    name: 'TOA',
    formula: 'N(C8H17)4',
    charge: 1,
    role: 'counterion',
    withdraws: 0,
    description: 'tetra-n-octylammonium',
  },
  {
    name: 'CTA',
    formula: 'C16H33N(CH3)3',
    charge: 1,
    role: 'counterion',
    withdraws: 0,
    description: 'cetyltrimethylammonium C19H42N',
  },
  {
    name: 'DODA',
    formula: 'N(CH3)2(C18H37)2',
    charge: 1,
    role: 'counterion',
    withdraws: 0,
    description: 'dimethyldioctadecylammonium C38H80N',
  },
  {
    name: 'PPh4',
    formula: 'P(C6H5)4',
    charge: 1,
    role: 'counterion',
    withdraws: 0,
    description: 'tetraphenylphosphonium',
  },
  {
    name: 'PNP',
    aliases: ['PPN'],
    formula: 'N(P(C6H5)3)2',
    charge: 1,
    role: 'counterion',
    withdraws: 0,
    description: 'bis(triphenylphosphine)iminium',
  },
  {
    name: 'BPh4',
    formula: 'B(C6H5)4',
    charge: -1,
    role: 'counterion',
    withdraws: 0,
    description: 'tetraphenylborate',
  },
  { name: 'NH4', formula: 'NH4', charge: 1, role: 'counterion', withdraws: 0, description: 'ammonium' },
  { name: 'NO3', formula: 'NO3', charge: -1, role: 'counterion', withdraws: 0, description: 'nitrate' },
  { name: 'ClO4', formula: 'ClO4', charge: -1, role: 'counterion', withdraws: 0, description: 'perchlorate' },
  {
    name: 'BF4',
    formula: 'BF4',
    charge: -1,
    role: 'counterion',
    withdraws: 0,
    description: 'tetrafluoroborate',
  },
  {
    name: 'PF6',
    formula: 'PF6',
    charge: -1,
    role: 'counterion',
    withdraws: 0,
    description: 'hexafluorophosphate',
  },
  {
    name: 'SbF6',
    formula: 'SbF6',
    charge: -1,
    role: 'counterion',
    withdraws: 0,
    description: 'hexafluoroantimonate',
  },
  { name: 'SO4', formula: 'SO4', charge: -2, role: 'counterion', withdraws: 0, description: 'sulfate' },
];
