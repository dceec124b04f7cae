import { validateLigandEntries } from '../../chem/lexicon.js';
import type { LigandEntry } from '../../data/ligands.js';
import { readJsonFile } from '../../node/read.js';
import { formulaFromFlags } from '../../workflows/flags.js';
import type { FormulaReport } from '../../workflows/formula.js';
import type { ParsedArgs } from '../args.js';
import type { CliIO, Command } from '../command.js';
import { chargeText, compositionText, json, num, table } from '../format.js';

/** Load `--ligands file.json` (shared by every command that reads formulas). */
export function loadLigands(args: ParsedArgs, io: CliIO): LigandEntry[] {
  const file = args.options.ligands;
  if (typeof file !== 'string') return [];
  return validateLigandEntries(readJsonFile(file, io.cwd, 'ligand file'), file);
}

function hillOrder(c: Readonly<Record<string, number>>): string[] {
  const keys = Object.keys(c);
  const has = (s: string) => keys.includes(s);
  const head = has('C') ? ['C', ...(has('H') ? ['H'] : [])] : [];
  return [...head, ...keys.filter((k) => !head.includes(k)).sort()];
}

/** A mass in Da, or "unavailable" (no unit) when it cannot be computed. */
function da(x: number | null): string {
  return x === null ? 'unavailable' : `${num(x, 4)} Da`;
}

function genericText(r: FormulaReport): string {
  const amounts = new Set(r.unknownAmounts);
  const groups = r.generic.filter((g) => !amounts.has(g));
  return `${groups.length ? ` + generic ${groups.join(', ')}` : ''}${amounts.size ? ` + ${[...amounts].join(', ')} (amount not given)` : ''}`;
}

export function renderFormulaReport(r: FormulaReport): string {
  const rows: [string, string][] = [
    ['formula', r.formula],
    ['canonical', r.canonical],
    [
      'composition',
      `${compositionText(r.composition, hillOrder(r.composition))}${genericText(r)}  (${r.atoms} atoms${r.generic.length ? ' known' : ''})`,
    ],
    [
      'charge',
      r.charge === r.mainCharge
        ? chargeText(r.charge)
        : `${chargeText(r.charge)} (cluster ion ${chargeText(r.mainCharge)})`,
    ],
  ];
  if (Object.keys(r.core).length) rows.push(['core', compositionText(r.core)]);
  if (r.endohedral.length)
    rows.push(['endohedral', r.endohedral.map((e) => `${e.innerText} inside ${e.outerText}`).join('; ')]);
  if (r.prefixes.length) rows.push(['prefixes', r.prefixes.map((p) => `${p}-`).join(' ')]);
  const lines = [table(rows)];
  if (r.ligands.length) {
    lines.push('ligands');
    const w = Math.max(...r.ligands.map((l) => l.name.length));
    for (const l of r.ligands) {
      const role =
        l.role === 'X'
          ? `X-type, withdraws ${l.electronsWithdrawn}`
          : l.role === 'L'
            ? 'L-type donor, withdraws 0'
            : l.role;
      lines.push(`  ${String(l.count).padStart(4)} × ${l.name.padEnd(w)}  ${role}  — ${l.why}`);
    }
  }
  const others = r.parts.filter((p) => p.kind !== 'main');
  if (others.length) {
    lines.push('parts');
    for (const p of r.parts) {
      const z = p.charge === null ? 'charge unknown' : `charge ${chargeText(p.charge)} each`;
      const unit = p.composition ? compositionText(p.composition) : p.text;
      const n = p.amountUnknown ? p.text.trim().charAt(0) : String(p.multiplier);
      lines.push(`  ${p.kind.padEnd(10)} ${n.padStart(3)} × ${unit}  (${z})`);
    }
  }
  const mass: [string, string][] = [
    ['average mass', `${da(r.averageMass)}   (CIAAW 2021 standard atomic weights)`],
    ['monoisotopic mass', `${da(r.monoisotopicMass)}   (each atom its most abundant isotope)`],
  ];
  if (r.charge !== 0) {
    mass.push([
      'monoisotopic m/z',
      `${num(r.monoisotopicMz, 4)}      ((M − z·mₑ)/|z|, z = ${chargeText(r.charge)})`,
    ]);
    mass.push(['average m/z', `${num(r.averageMz, 4)}`]);
  }
  lines.push(table(mass));
  for (const m of r.massMessages) lines.push(`note: ${m}`);
  for (const n of r.notes) lines.push(`note: ${n}`);
  return `${lines.join('\n')}\n`;
}

export const formulaCommand: Command = {
  name: 'formula',
  summary: 'parse a cluster formula: composition, charge, ligands with counting roles, masses and m/z',
  usage: 'superatom formula "<formula>" [--charge z] [--ligands file.json] [--json]',
  options: {
    json: { type: 'boolean', description: 'print the report as JSON' },
    charge: {
      type: 'integer',
      valueName: 'z',
      description: 'charge in elementary charges, when the formula does not write it',
    },
    ligands: {
      type: 'string',
      valueName: 'file.json',
      description: 'extra ligand abbreviations (JSON array of {name, formula, charge, role, withdraws})',
    },
  },
  help: [
    'Notation:',
    '  elements and counts        Au25, C6H5; isotopes [13C]6, D2O',
    '  brackets                   () [] {} nested, with multipliers: [Cu32H20{S2P(OiPr)2}12]',
    '  charge                     [..]3-  [..]^3-  ^-  ^2+  (3-)  (-3)  [..]0  or --charge',
    '                             a trailing sign after a count is ±1 and the digits stay counts:',
    '                             C2H3O2- is acetate, Au25(SC8H9)18- has 18 ligands and charge 1−;',
    '                             write Fe^2+, [Fe]2+ or Fe²⁺ for iron(2+); superscripts are never counts',
    '  salts and adducts          K6[P2W18O62]·14H2O, (TBA)3[PW12O40], CuSO4.5H2O, CuSO4*5H2O,',
    '                             K4Ge9, [Na(18-crown-6)][Ag25(SPhMe2)18]; ·xH2O is recorded with its',
    '                             amount unknown (not counted; masses unavailable)',
    '  ion pairs                  [TOA+][Au25(SR)18−], [Au25(SR)18]−[TOA]+, [Au25(SR)18]− TOA+',
    '  ligand spellings           S-Adm, S-c-C6H11, SPh-tBu, SBut, C≡CPh, CCPh, P(C6H5)3, n-Bu4N, NBu4',
    '  database spellings         Au(25)(SR)(18), [Cu-32(H)(20)…], Mo(VI) (oxidation state, not counted)',
    '  endohedral                 W@Au12, Cl@Ag12@Ag48(dppm)12',
    '  prefixes (not counted)     closo-, nido-, arachno-, 1,2-, 2,3- …',
    '  ligand abbreviations       SR SeR PR3 X L PET SPhMe2 TBBT pMBA/p-MBA MHA BDT BDTA SAdm PPh3 PEt3 PMe3',
    '                             PtBu3 dppm dppe dppp Cp Cp* CO CN OAc Ph Me Et iPr tBu TBA CTA DODA TOA',
    '                             SPy (pyridine-2-thiolate) dtp (dipropyl dithiophosphate) dsep …',
    '  halides                    a bare Cl/Br/I/F beside the metals of a ligated cluster is an X ligand:',
    '                             [Au13(dppe)5Cl2]3+ has ligands dppe and Cl (as if written (Cl)2)',
    '                             substituents written after Ph replace ring hydrogens: SPhMe2 = SC6H3(CH3)2',
    '',
    'Reported quantities:',
    '  average mass       Σ n·Ar with CIAAW 2021 standard atomic weights (conventional values for',
    '                     interval elements), Da',
    "  monoisotopic mass  every atom its element's most abundant isotope (IUPAC), AME2020 masses, Da",
    '  m/z                (M − z·mₑ)/|z|, electron mass 5.48579909065e-4 Da (CODATA 2018)',
    '  ligand roles       X-type ligands withdraw 1 (thiolate, halide) or 2 (dithiolate) electrons,',
    '                     L-type donors withdraw none; written-out ligands get a role from their',
    '                     composition (odd valence-electron count → X)',
    'Formulas with a generic group (R, X, L) have no mass: the JSON fields are null and a message',
    'says which ligand to write out.',
    '',
    'Examples:',
    '  superatom formula "[Ag29(BDTA)12(PPh3)4]3-"',
    '  superatom formula "Au25(PET)18" --charge -1 --json',
  ].join('\n'),
  run(args, io) {
    const text = args.positionals[0];
    if (text === undefined || args.positionals.length > 1) {
      io.stderr(
        `error: ${text === undefined ? 'give one formula' : `expected one formula, got ${args.positionals.length} arguments`}\nhint: quote the formula: superatom formula "[Au25(SR)18]-"\n`,
      );
      return 2;
    }
    const report = formulaFromFlags(text, args.options, loadLigands(args, io));
    io.record?.(report);
    io.stdout(args.options.json ? json(report) : renderFormulaReport(report));
    return 0;
  },
};
