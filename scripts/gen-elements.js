#!/usr/bin/env node
/**
 * Generates src/data/elements.ts and src/data/isotopes.ts.
 *
 *   node scripts/gen-elements.js        (npm run gen:data)
 *
 * Inputs
 *  - scripts/data/elements.tsv: hand-written raw table (CIAAW 2021 standard atomic weights,
 *    NIST ground-state configurations, Cordero 2008 / Pyykko-Atsumi 2009 covalent radii);
 *    the sources are cited in the header of that file.
 *  - the npm package `chemical-elements` 2.3.3 (MIT, devDependency): the isotope list of every
 *    element with masses and natural abundances. Its masses are those of NIST "Atomic Weights
 *    and Isotopic Compositions" (AME2016), its abundances the IUPAC representative isotopic
 *    compositions (the values retained in "Isotopic compositions of the elements 2013",
 *    Meija et al., Pure Appl. Chem. 88 (2016) 293, doi:10.1515/pac-2015-0503).
 *  - OVERRIDES below: AME2020 masses for the natural isotopes of the elements that matter for
 *    ligand-protected clusters, where the package still carries AME2016 values.
 *
 * Derived here (not in the raw table): period, group and block from Z; the valence-shell
 * occupations from the configuration. The script refuses to write anything when a check fails
 * (electron count of a configuration, symbol mismatch with the package, abundance sums, the
 * abundance-weighted mean mass against the CIAAW atomic weight, implausible overrides).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { elementsAndIsotopes } from 'chemical-elements';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TSV = join(ROOT, 'scripts', 'data', 'elements.tsv');
const OUT_ELEMENTS = join(ROOT, 'src', 'data', 'elements.ts');
const OUT_ISOTOPES = join(ROOT, 'src', 'data', 'isotopes.ts');

/**
 * Isotope-mass overrides, Da. Source of every value: AME2020, M. Wang, W.J. Huang, F.G. Kondev,
 * G. Audi, S. Naimi, "The AME 2020 atomic mass evaluation (II)", Chin. Phys. C 45 (2021) 030003,
 * doi:10.1088/1674-1137/abddaf, as tabulated by CIAAW (ciaaw.org/atomic-masses.htm).
 * chemical-elements 2.3.3 has AME2016 masses; the largest shifts are 102Pd (+30.1 uDa),
 * 190Pt (+20.1 uDa), 103Rh (-3.9 uDa), 99-102Ru (-3.8 uDa), 100Mo (-3.8 uDa), other Mo
 * (-0.8 to -1.4 uDa), 81Br (-1.5 uDa), Hf/Ta/W/Re/Os/Ir/Pt/Au (+1.3 to +4.4 uDa), Ni (-0.6 to
 * -0.8 uDa); light elements change by < 0.2 uDa. The script prints every shift it applies.
 * Only the naturally occurring isotopes of the elements listed are replaced.
 * Format: symbol -> [[massNumber, massDa], ...].
 */
const OVERRIDES = {
  H: [
    [1, 1.007825031898],
    [2, 2.014101777844],
  ],
  B: [
    [10, 10.012936862],
    [11, 11.009305166],
  ],
  C: [[13, 13.00335483534]], // 12C is exactly 12 by definition
  N: [
    [14, 14.00307400425],
    [15, 15.00010889827],
  ],
  O: [
    [16, 15.99491461926],
    [17, 16.99913175595],
    [18, 17.99915961214],
  ],
  F: [[19, 18.99840316207]],
  Na: [[23, 22.98976928195]],
  P: [[31, 30.97376199768]],
  S: [
    [32, 31.97207117354],
    [33, 32.97145890862],
    [34, 33.967867011],
    [36, 35.967080692],
  ],
  Cl: [
    [35, 34.968852694],
    [37, 36.965902573],
  ],
  K: [
    [39, 38.96370648482],
    [40, 39.963998165],
    [41, 40.96182525611],
  ],
  Ni: [
    [58, 57.93534165],
    [60, 59.930785129],
    [61, 60.931054819],
    [62, 61.928344753],
    [64, 63.927966228],
  ],
  Cu: [
    [63, 62.929597119],
    [65, 64.927789476],
  ],
  Zn: [
    [64, 63.929141776],
    [66, 65.926033639],
    [67, 66.927127422],
    [68, 67.924844232],
    [70, 69.925319175],
  ],
  Ga: [
    [69, 68.925573528],
    [71, 70.924702554],
  ],
  Ge: [
    [70, 69.924248542],
    [72, 71.922075824],
    [73, 72.923458954],
    [74, 73.92117776],
    [76, 75.921402725],
  ],
  As: [[75, 74.921594562]],
  Se: [
    [74, 73.922475933],
    [76, 75.919213702],
    [77, 76.91991415],
    [78, 77.917309244],
    [80, 79.916521761],
    [82, 81.916699531],
  ],
  Br: [
    [79, 78.918337574],
    [81, 80.916288197],
  ],
  Mo: [
    [92, 91.906807153],
    [94, 93.905083586],
    [95, 94.905837436],
    [96, 95.90467477],
    [97, 96.906016903],
    [98, 97.905403609],
    [100, 99.907467982],
  ],
  Ru: [
    [96, 95.90758891],
    [98, 97.905286709],
    [99, 98.905930284],
    [100, 99.90421046],
    [101, 100.905573086],
    [102, 101.904340312],
    [104, 103.905425312],
  ],
  Rh: [[103, 102.905494081]],
  Pd: [
    [102, 101.905632292],
    [104, 103.904030393],
    [105, 104.905079479],
    [106, 105.903480287],
    [108, 107.903891806],
    [110, 109.905172878],
  ],
  Ag: [
    [107, 106.905091509],
    [109, 108.904755778],
  ],
  Cs: [[133, 132.905451958]],
  Hf: [
    [174, 173.940048377],
    [176, 175.941409797],
    [177, 176.943230187],
    [178, 177.943708322],
    [179, 178.945825705],
    [180, 179.946559537],
  ],
  Ta: [
    [180, 179.947467589],
    [181, 180.947998528],
  ],
  W: [
    [180, 179.946713304],
    [182, 181.948205636],
    [183, 182.950224416],
    [184, 183.95093318],
    [186, 185.95436514],
  ],
  Re: [
    [185, 184.95295832],
    [187, 186.955752217],
  ],
  Os: [
    [184, 183.952492919],
    [186, 185.953837569],
    [187, 186.955749569],
    [188, 187.955837292],
    [189, 188.958145949],
    [190, 189.958445442],
    [192, 191.961478765],
  ],
  Ir: [
    [191, 190.960591455],
    [193, 192.962923753],
  ],
  Pt: [
    [190, 189.959949823],
    [192, 191.961042667],
    [194, 193.962683498],
    [195, 194.964794325],
    [196, 195.964954648],
    [198, 197.967896718],
  ],
  Au: [[197, 196.966570103]],
  Hg: [
    [196, 195.965833445],
    [198, 197.966769177],
    [199, 198.968280994],
    [200, 199.968326941],
    [201, 200.970303054],
    [202, 201.970643604],
    [204, 203.973494037],
  ],
  Tl: [
    [203, 202.972344098],
    [205, 204.974427318],
  ],
  Pb: [
    [204, 203.973043506],
    [206, 205.97446521],
    [207, 206.975896821],
    [208, 207.976652005],
  ],
};

/** Largest plausible AME2016 -> AME2020 shift of a stable nuclide; a bigger one is a typo. */
const MAX_OVERRIDE_SHIFT_DA = 5e-5;

const ELEMENTS_SOURCE =
  'Standard atomic weights: CIAAW 2021 (Prohaska et al., Pure Appl. Chem. 94 (2022) 573, ' +
  'doi:10.1515/pac-2019-0603), conventional values for elements with an interval; ' +
  'ground-state configurations: NIST Atomic Spectra Database (predicted for Z >= 104); ' +
  'covalent radii: Cordero et al., Dalton Trans. 2008, 2832 (Z <= 96; C sp3, Mn/Fe/Co low spin) ' +
  'and Pyykko & Atsumi, Chem. Eur. J. 2009, 15, 186 single-bond radii (Z >= 97).';

const ISOTOPES_SOURCE =
  'Isotopes, masses and abundances: npm chemical-elements 2.3.3 (NIST Atomic Weights and ' +
  'Isotopic Compositions: AME2016 masses; IUPAC representative isotopic compositions, ' +
  'Meija et al., Pure Appl. Chem. 88 (2016) 293); masses of the natural isotopes of ' +
  `${Object.keys(OVERRIDES).join(' ')} replaced by AME2020 values (Wang et al., Chin. Phys. C 45 (2021) 030003).`;

// ---------------------------------------------------------------------------------------------
// Raw table

const NOTES = new Set(['standard', 'conventional', 'abridged', 'none']);

function readTable() {
  const lines = readFileSync(TSV, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const header = lines.shift()?.split('\t');
  const expected = [
    'z',
    'symbol',
    'name',
    'atomicWeight',
    'atomicWeightNote',
    'configuration',
    'covalentRadius',
  ];
  if (header?.join('|') !== expected.join('|')) {
    throw new Error(`elements.tsv: unexpected header ${header?.join(', ')}`);
  }
  return lines.map((line, i) => {
    const f = line.split('\t');
    if (f.length !== expected.length) {
      throw new Error(`elements.tsv row ${i + 1}: ${f.length} fields`);
    }
    const [z, symbol, name, weight, note, configuration, radius] = f;
    const row = {
      z: Number(z),
      symbol,
      name,
      atomicWeightDa: weight === '' ? null : Number(weight),
      atomicWeightNote: note,
      configuration,
      covalentRadiusA: radius === '' ? null : Number(radius),
    };
    if (row.z !== i + 1) throw new Error(`elements.tsv: row ${i + 1} has z=${z}`);
    if (!NOTES.has(note)) throw new Error(`${symbol}: bad atomicWeightNote ${note}`);
    if ((note === 'none') !== (row.atomicWeightDa === null)) {
      throw new Error(`${symbol}: atomicWeightNote ${note} does not match weight '${weight}'`);
    }
    if (row.atomicWeightDa !== null && !Number.isFinite(row.atomicWeightDa)) {
      throw new Error(`${symbol}: bad atomic weight ${weight}`);
    }
    if (row.covalentRadiusA !== null && !(row.covalentRadiusA > 0 && row.covalentRadiusA < 3)) {
      throw new Error(`${symbol}: bad covalent radius ${radius}`);
    }
    return row;
  });
}

// ---------------------------------------------------------------------------------------------
// Periodic-table position from Z

const NOBLE = [0, 2, 10, 18, 36, 54, 86, 118];
const CORE = { He: 2, Ne: 10, Ar: 18, Kr: 36, Xe: 54, Rn: 86 };
const CAPACITY = { s: 2, p: 6, d: 10, f: 14 };

function periodOf(z) {
  for (let p = 1; p < NOBLE.length; p++) if (z <= NOBLE[p]) return p;
  throw new Error(`no period for Z=${z}`);
}

/**
 * IUPAC group (1-18) and block. Convention used here: La and Ac are group 3, d block;
 * Ce-Lu and Th-Lr are the f block with group null (so Lu and Lr are f block, and group 3 below
 * Y holds La/Ac). He is s block (1s2) in group 18.
 */
function positionOf(z) {
  const period = periodOf(z);
  const pos = z - NOBLE[period - 1]; // 1-based position within the period
  let group;
  if (period === 1) group = pos === 1 ? 1 : 18;
  else if (period <= 3) group = pos <= 2 ? pos : pos + 10;
  else if (period <= 5) group = pos;
  else if (pos <= 3) group = pos;
  else if (pos <= 17) group = null;
  else group = pos - 14;
  let block;
  if (group === null) block = 'f';
  else if (group <= 2 || z === 2) block = 's';
  else if (group <= 12) block = 'd';
  else block = 'p';
  return { period, group, block };
}

// ---------------------------------------------------------------------------------------------
// Configurations

/** Parses "[Xe] 4f14 5d10 6s1" into { core, shells: Map("4f" -> 14, ...) } and checks it. */
function parseConfiguration(symbol, z, text) {
  const tokens = text.trim().split(/\s+/);
  let electrons = 0;
  let core = null;
  const shells = new Map();
  for (const [i, tok] of tokens.entries()) {
    const coreMatch = /^\[([A-Z][a-z]?)\]$/.exec(tok);
    if (coreMatch) {
      if (i !== 0 || !(coreMatch[1] in CORE)) throw new Error(`${symbol}: bad core ${tok}`);
      core = coreMatch[1];
      electrons += CORE[core];
      continue;
    }
    const m = /^([1-7])([spdf])(\d{1,2})$/.exec(tok);
    if (!m) throw new Error(`${symbol}: bad subshell '${tok}' in '${text}'`);
    const [, n, l, count] = m;
    const key = `${n}${l}`;
    if (shells.has(key)) throw new Error(`${symbol}: ${key} twice`);
    if (Number(count) < 1 || Number(count) > CAPACITY[l]) {
      throw new Error(`${symbol}: ${tok} exceeds the ${l} capacity`);
    }
    if ('spdf'.indexOf(l) >= Number(n)) throw new Error(`${symbol}: no ${key} subshell`);
    shells.set(key, Number(count));
    electrons += Number(count);
  }
  if (electrons !== z) throw new Error(`${symbol}: configuration '${text}' has ${electrons} e, Z=${z}`);
  return { core, shells };
}

/**
 * Valence occupations: ns and np of the outermost shell n (= period), (n-1)d for d- and f-block
 * atoms, (n-2)f for f-block atoms only. A filled (n-1)d10 of a p-block atom and the 4f14 of a
 * 5d atom are core and not counted. For the f block (Ce-Lu, Th-Lr) f is the 4f/5f occupation
 * (14 for Yb, Lu, No, Lr).
 */
function valenceOf(shells, period, block) {
  const occ = (n, l) => shells.get(`${n}${l}`) ?? 0;
  return {
    s: occ(period, 's'),
    p: occ(period, 'p'),
    d: block === 'd' || block === 'f' ? occ(period - 1, 'd') : 0,
    f: block === 'f' ? occ(period - 2, 'f') : 0,
  };
}

// ---------------------------------------------------------------------------------------------
// Isotopes

function buildIsotopes(rows) {
  if (elementsAndIsotopes.length !== 118) throw new Error('chemical-elements: expected 118 elements');
  const applied = [];
  const out = rows.map((row) => {
    const pkg = elementsAndIsotopes[row.z - 1];
    if (pkg.number !== row.z || pkg.symbol !== row.symbol) {
      throw new Error(`chemical-elements: Z=${row.z} is ${pkg.symbol}, table says ${row.symbol}`);
    }
    const list = pkg.isotopes
      .map((iso) => ({
        massNumber: iso.nominal,
        massDa: iso.mass,
        abundance: iso.abundance ?? 0,
      }))
      .sort((a, b) => a.massNumber - b.massNumber);
    for (let i = 1; i < list.length; i++) {
      if (list[i].massNumber === list[i - 1].massNumber) {
        throw new Error(`${row.symbol}: mass number ${list[i].massNumber} twice`);
      }
    }
    for (const [a, mass] of OVERRIDES[row.symbol] ?? []) {
      const iso = list.find((x) => x.massNumber === a);
      if (!iso) throw new Error(`override ${a}${row.symbol}: not in chemical-elements`);
      if (iso.abundance <= 0) throw new Error(`override ${a}${row.symbol}: not a natural isotope`);
      const shift = mass - iso.massDa;
      if (Math.abs(shift) > MAX_OVERRIDE_SHIFT_DA) {
        throw new Error(`override ${a}${row.symbol}: shift ${shift} Da is implausible (typo?)`);
      }
      applied.push(`${a}${row.symbol} ${(shift * 1e6).toFixed(3)}`);
      iso.massDa = mass;
    }
    for (const iso of list) {
      if (!(Math.abs(iso.massDa - iso.massNumber) < 0.5)) {
        throw new Error(`${iso.massNumber}${row.symbol}: mass ${iso.massDa}`);
      }
      if (!(iso.abundance >= 0 && iso.abundance <= 1)) {
        throw new Error(`${iso.massNumber}${row.symbol}: abundance ${iso.abundance}`);
      }
    }
    const natural = list.filter((x) => x.abundance > 0);
    if (natural.length > 0) {
      const sum = natural.reduce((s, x) => s + x.abundance, 0);
      if (Math.abs(sum - 1) > 1e-4) throw new Error(`${row.symbol}: abundances sum to ${sum}`);
      const mean = natural.reduce((s, x) => s + x.abundance * x.massDa, 0) / sum;
      // Sanity check against CIAAW (catches swapped columns/typos, not a precision test):
      // the representative composition of Pb gives 207.217 vs the conventional 207.2.
      if (row.atomicWeightDa !== null && Math.abs(mean - row.atomicWeightDa) > 0.03) {
        throw new Error(`${row.symbol}: isotopic mean ${mean} vs atomic weight ${row.atomicWeightDa}`);
      }
    }
    return list;
  });
  for (const symbol of Object.keys(OVERRIDES)) {
    if (!rows.some((r) => r.symbol === symbol)) throw new Error(`override for unknown ${symbol}`);
  }
  return { isotopes: out, applied };
}

// ---------------------------------------------------------------------------------------------
// Output

const HEADER = '// GENERATED by scripts/gen-elements.js — do not edit. Regenerate with `npm run gen:data`.\n';

const num = (x) => (x === null ? 'null' : String(x));
/** Single-quoted TS string literal (project style). */
const str = (s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function elementsSource(elements) {
  const lines = elements.map((e) => {
    const v = e.valence;
    return (
      `  { z: ${e.z}, symbol: ${str(e.symbol)}, name: ${str(e.name)}, ` +
      `atomicWeightDa: ${num(e.atomicWeightDa)}, atomicWeightNote: ${str(e.atomicWeightNote)}, ` +
      `period: ${e.period}, group: ${num(e.group)}, block: ${str(e.block)}, ` +
      `configuration: ${str(e.configuration)}, ` +
      `valence: { s: ${v.s}, p: ${v.p}, d: ${v.d}, f: ${v.f} }, ` +
      `covalentRadiusA: ${num(e.covalentRadiusA)} },`
    );
  });
  return `${HEADER}
/** Where every column of {@link ELEMENTS} comes from (see also scripts/data/elements.tsv). */
export const ELEMENTS_SOURCE =
  ${str(ELEMENTS_SOURCE)};

export interface ElementData {
  readonly z: number;
  readonly symbol: string;
  readonly name: string;
  /** CIAAW 2021 standard atomic weight (abridged/conventional for interval elements), Da; null when none */
  readonly atomicWeightDa: number | null;
  readonly atomicWeightNote: 'standard' | 'conventional' | 'abridged' | 'none';
  readonly period: number;
  /** IUPAC group 1–18; null for the f block (Ce–Lu, Th–Lr); La and Ac are group 3 */
  readonly group: number | null;
  /** La and Ac are d block; Ce–Lu and Th–Lr are f block; He is s block */
  readonly block: 's' | 'p' | 'd' | 'f';
  /** Ground-state configuration of the neutral atom, noble-gas shorthand (predicted for Z ≥ 104) */
  readonly configuration: string;
  /** valence electrons in the outermost s, the outermost p, the (n-1)d and the (n-2)f subshells of the ground-state configuration */
  readonly valence: { readonly s: number; readonly p: number; readonly d: number; readonly f: number };
  /** Single-bond covalent radius, Å (Cordero 2008; Pyykkö & Atsumi 2009 for Z ≥ 97) */
  readonly covalentRadiusA: number | null;
}

/** All elements, index z-1. */
// biome-ignore format: generated table, one element per line
export const ELEMENTS: readonly ElementData[] = [
${lines.join('\n')}
];
`;
}

function isotopesSource(rows, isotopes) {
  const lines = isotopes.map((list, i) => {
    const cells = list.map((x) =>
      x.abundance > 0 ? `[${x.massNumber}, ${x.massDa}, ${x.abundance}]` : `[${x.massNumber}, ${x.massDa}]`,
    );
    return `  /* ${rows[i].z} ${rows[i].symbol} */ [${cells.join(', ')}],`;
  });
  return `${HEADER}
/** Where the isotope masses and abundances come from. */
export const ISOTOPES_SOURCE =
  ${str(ISOTOPES_SOURCE)};

/** One nuclide; abundance is 0 for isotopes with no natural abundance. */
export interface IsotopeData {
  readonly massNumber: number;
  readonly massDa: number;
  readonly abundance: number;
}

/** [massNumber, massDa, abundance?] — abundance omitted when 0. */
type Row = readonly [massNumber: number, massDa: number, abundance?: number];

function expand(rows: readonly Row[]): readonly IsotopeData[] {
  return Object.freeze(
    rows.map(([massNumber, massDa, abundance = 0]) => Object.freeze({ massNumber, massDa, abundance })),
  );
}

// biome-ignore format: generated table, one element per line
const RAW: readonly (readonly Row[])[] = [
${lines.join('\n')}
];

/** Every isotope listed by chemical-elements, index z-1, sorted by mass number. */
export const ISOTOPES: readonly (readonly IsotopeData[])[] = Object.freeze(RAW.map(expand));
`;
}

function main() {
  const rows = readTable();
  if (rows.length !== 118) throw new Error(`elements.tsv: ${rows.length} rows, expected 118`);
  const elements = rows.map((row) => {
    const { period, group, block } = positionOf(row.z);
    const { shells } = parseConfiguration(row.symbol, row.z, row.configuration);
    return { ...row, period, group, block, valence: valenceOf(shells, period, block) };
  });
  const { isotopes, applied } = buildIsotopes(rows);
  const a = elementsSource(elements);
  const b = isotopesSource(rows, isotopes);
  writeFileSync(OUT_ELEMENTS, a);
  writeFileSync(OUT_ISOTOPES, b);
  const count = isotopes.reduce((s, l) => s + l.length, 0);
  process.stdout.write(
    `wrote ${OUT_ELEMENTS} (${a.length} B), ${OUT_ISOTOPES} (${b.length} B, ${count} isotopes)\n` +
      `AME2020 overrides (shift vs chemical-elements, uDa): ${applied.join(', ')}\n`,
  );
}

main();
