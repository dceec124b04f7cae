/**
 * `superatom count "<formula>"`: electron counting with every step shown.
 */
import { formatReport, RULE_IDS, SHELL_MODEL_IDS } from '../../count/index.js';
import { countFromFlags } from '../../workflows/flags.js';
import type { Command } from '../command.js';
import { loadLigands } from './formula.js';

export const countCommand: Command = {
  name: 'count',
  summary: 'electron counting: superatom, jellium, Wade–Mingos, Jemmis, Mingos, octet/18/32, Hückel, Hirsch',
  usage:
    'superatom count "<formula>" [--rule <id>|auto] [--model jellium|woods-saxon|harmonic|tetrahedral] [--parts k] [--ligands file.json] [--json]',
  help: [
    'Counts electrons the way the cluster literature does and shows every term with its reason.',
    '',
    'Rules (--rule): auto (default: every rule that applies, the primary one first),',
    `  ${RULE_IDS.join(', ')}.`,
    'Counts: superatom-complex and jellium in electrons (e); wade-mingos and jemmis-mno in skeletal',
    'electron pairs; mingos-pec in cluster valence electrons; octet/18-electron/32-electron in electrons at',
    'the centre; huckel and hirsch in π electrons; polyoxometalate in electrons added to the d⁰ addenda.',
    'Superatomic molecules (fused icosahedral units, e.g. 8 + 8) are detected from the count and the metal',
    'count; --parts k forces k units and --parts 1 one spherical superatom.',
    '',
    'Examples:',
    '  superatom count "[Au25(SR)18]-"',
    '  superatom count "[Ag29(BDTA)12(PPh3)4]3-" --json',
    '  superatom count "Al13" --rule jellium --model woods-saxon',
    '  superatom count "[Cu25H22(PPh3)12]+" --hydride withdrawing',
    '  superatom count "B20H16" --rule jemmis-mno --fragments closo:12,closo:12 --shared 4',
    '  superatom count "[Al4]2-" --rule huckel',
    '  superatom count "[Au25(PPh3)10(SR)5Cl2]2+"            (superatomic molecule 8 + 8)',
    '  superatom count "Au36Ag2(SR)18" --parts 3',
    '  superatom count "[PMo12O40]4-"                        (polyoxometalate: 1 added electron)',
    '  superatom count "Au25(SNap)18-" --ligands my-ligands.json',
    '',
    'Exit status: 0 when the requested rule (or some rule under auto) applies, 1 when none does, 2 on bad input.',
  ].join('\n'),
  options: {
    rule: {
      type: 'string',
      description: 'counting rule id, or auto',
      valueName: 'id',
      default: 'auto',
      choices: ['auto', ...RULE_IDS],
    },
    model: {
      type: 'string',
      description: 'shell model for superatom-complex and jellium',
      default: 'jellium',
      choices: SHELL_MODEL_IDS,
    },
    hydride: {
      type: 'string',
      description:
        'role of hydrides in metal clusters (auto: donor in gold, withdrawing in Cu/Ag polyhydrides)',
      default: 'auto',
      choices: ['auto', 'donor', 'withdrawing'],
    },
    fragments: {
      type: 'string',
      description: 'Jemmis mno fragments: polyhedra as kind:vertices, e.g. closo:12,closo:12',
      valueName: 'list',
    },
    shared: {
      type: 'string',
      description: 'Jemmis mno: atoms shared by each condensation, e.g. 4 or 2,1',
      valueName: 'list',
    },
    pi: {
      type: 'integer',
      description: 'π electrons, given for all-metal rings or unusual cages (huckel/hirsch)',
      valueName: 'n',
    },
    charge: {
      type: 'integer',
      description: 'charge of the formula (e), if not written in it',
      valueName: 'z',
    },
    parts: {
      type: 'integer',
      description:
        'superatomic units for superatom-complex: 1 = one spherical superatom, 2–6 = a superatomic molecule (default: detected)',
      valueName: 'k',
    },
    ligands: {
      type: 'string',
      valueName: 'file.json',
      description: 'extra ligand abbreviations (JSON array of {name, formula, charge, role, withdraws})',
    },
    json: { type: 'boolean', description: 'print the report as JSON' },
  },
  run(args, io) {
    const [text, ...extra] = args.positionals;
    if (!text || extra.length) {
      io.stderr(
        `error: count takes one formula in quotes${extra.length ? ` (got ${args.positionals.length} arguments)` : ''}\nhint: superatom count "[Au25(SR)18]-"\n`,
      );
      return 2;
    }
    const o = args.options;
    const report = countFromFlags(text, o, loadLigands(args, io));
    io.record?.(report);
    if (o.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    else io.stdout(`${formatReport(report.formula, report.charge, report)}\n`);
    return report.results.some((r) => r.applies) ? 0 : 1;
  },
};
