/**
 * `superatom analyze <file> [--elements Au,S | --kernel] [--tolerance 0.086] [--json]`:
 * formula, point group with deviations, chirality, kernel shape, anatomy and
 * bond statistics of a cluster structure.
 */
import { InputError } from '../../core/errors.js';
import { readTextFile } from '../../node/read.js';
import type { AnalysisReport } from '../../workflows/analyze.js';
import { analyzeFromText } from '../../workflows/flags.js';
import type { Command } from '../command.js';

const f3 = (x: number) => x.toFixed(3);
/** "1 atom", "2 atoms". */
const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function formatAnalysis(r: AnalysisReport, file: string): string {
  const out: string[] = [];
  out.push(`file          ${file}`);
  out.push(`formula       ${r.formula} (${count(r.atoms, 'atom')})`);
  for (const n of r.notes) out.push(`note          ${n}`);
  for (const w of r.warnings) out.push(`note          ${w}`);
  const s = r.symmetry;
  out.push(
    `point group   ${r.pointGroup} (order ${s.order ?? '∞'}) of ${r.symmetrySubset} (${count(r.symmetryAtoms, 'atom')}), tolerance ${s.tolerance} × d_nn = ${f3(s.toleranceA)} Å`,
  );
  out.push(
    `  deviation   max ${f3(s.maxDeviation)} Å, RMS ${f3(s.rmsDeviation)} Å to the symmetrized structure; CSM S(${r.pointGroup}) = ${s.measure.toFixed(4)}`,
  );
  out.push(
    `chirality     ${r.chirality.verdict}${r.chirality.verdict === 'achiral' ? '' : ` (nearest: ${r.chirality.nearest.group})`} (continuous chirality measure ${r.chirality.measure.toFixed(4)}, accepted at this tolerance ≤ ${r.chirality.acceptedMeasure.toFixed(4)}; nearest improper element ${r.chirality.nearestImproper} of ${r.chirality.nearest.group})`,
  );
  const k = r.anatomy.kernel;
  const els = Object.entries(k.elements)
    .map(([e, c]) => `${e}${c}`)
    .join('');
  out.push(
    `kernel        ${els || 'none'} (${count(k.count, 'atom')}), shells ${k.shells.join(' + ') || '—'}`,
  );
  if (k.description) out.push(`  built as    ${k.description}`);
  if (k.shape) {
    const alts = k.shape.measures
      .slice(1, 4)
      .map((m) => `${m.name} ${m.measure.toFixed(2)}`)
      .join(', ');
    out.push(
      `  shape       ${k.shape.of} (${count(k.shape.vertices, 'atom')}): ${k.shape.best} CShM ${k.shape.measure.toFixed(3)}${alts ? `; next: ${alts}` : ''}`,
    );
  }
  const st = Object.entries(r.anatomy.stapleSummary);
  out.push(`staples       ${st.length ? st.map(([m, c]) => `${c} × ${m}`).join(', ') : 'none'}`);
  if (r.anatomy.bridging.length) {
    const byMotif = new Map<string, number>();
    for (const b of r.anatomy.bridging) byMotif.set(b.motif, (byMotif.get(b.motif) ?? 0) + 1);
    out.push(`bridging SR   ${[...byMotif].map(([m, c]) => `${c} × ${m}`).join(', ')} (on kernel atoms)`);
  }
  if (r.anatomy.caps.length) out.push(`caps          ${r.anatomy.caps.length} × ${r.anatomy.caps[0]!.motif}`);
  if (r.anatomy.ligands.length)
    out.push(`ligands       ${r.anatomy.ligands.map((l) => `${l.count} × ${l.formula}`).join(', ')}`);
  if (r.bonds.length) {
    out.push('bonds         pair     class            count   mean/Å   sd/Å    min–max/Å');
    for (const b of r.bonds) {
      out.push(
        `              ${b.pair.padEnd(8)} ${b.class.padEnd(16)} ${String(b.count).padStart(5)}   ${f3(b.mean)}   ${f3(b.sd)}   ${f3(b.min)}–${f3(b.max)}`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'point group, chirality, kernel shape, staples and bond statistics of a structure file',
  usage:
    'superatom analyze <file> [--elements Au,S | --kernel] [--tolerance 0.086] [--frame n] [--species N] [--json]',
  options: {
    elements: {
      type: 'string',
      description: 'point group of these elements only (comma-separated symbols)',
      valueName: 'list',
    },
    kernel: {
      type: 'boolean',
      description: 'point group of the metal kernel only (staple metals and ligands left out)',
    },
    tolerance: {
      type: 'number',
      description:
        'symmetry tolerance: largest RMS mismatch of an operation, as a fraction of the median nearest-neighbour distance',
      valueName: 'f',
      default: 0.086,
    },
    frame: { type: 'integer', description: 'frame to analyse in a multi-frame file (1-based, default 1)' },
    species: {
      type: 'integer',
      description: 'crystals: analyse species N of the cell (listed in the report; default the cluster ion)',
      valueName: 'N',
    },
    json: { type: 'boolean', description: 'print the report as JSON' },
  },
  help: [
    'Point group: an operation is accepted when the RMS distance between the operated structure and the',
    'nearest same-element atoms is at most tolerance × d_nn (d_nn the median nearest-neighbour distance);',
    'the whole group is then verified. Deviations are of the symmetrized structure (average over the group);',
    'CSM is the continuous symmetry measure of Zabrodsky & Avnir (0 = exact, Å-free, 0–100).',
    'Staples: metal atoms linearly bound to two S/Se/Te (angle ≥ 140°); kernel: the other metal atoms.',
    'Kernel shape: continuous shape measure (Alvarez) of the kernel or its first shell against reference polyhedra.',
    'Crystals (CIF, or any file with a cell): the cell is split into species, whole across the cell edges;',
    'contacts of alkali/alkaline-earth ions (and Tl–O) are ionic, not bonds. Each species is listed with its',
    'count, charge where known (Cs⁺ +1, Ba²⁺ +2, NH4⁺, NR4⁺, water 0; the one unknown by charge balance)',
    'and role; the cluster ion (largest species with a metal) is analysed unless --species N is given.',
    '',
    'examples:',
    '  superatom analyze au25.pdb',
    '  superatom analyze au144.xyz --elements Au',
    '  superatom analyze au102.pdb --kernel --json',
  ].join('\n'),
  run(args, io) {
    const file = args.positionals[0];
    if (!file) throw new InputError('cli-missing-argument', 'which file? e.g. superatom analyze cluster.xyz');
    if (args.positionals.length > 1) {
      throw new InputError('cli-extra-argument', `unexpected argument "${args.positionals[1]}"`, {
        hint: 'analyze takes one file',
      });
    }
    const text = readTextFile(file, io.cwd, 'structure file');
    const { report, structure: s } = analyzeFromText(text, file, args.options);
    io.record?.(report, { structures: [s] });
    io.stdout(args.options.json ? `${JSON.stringify(report, null, 2)}\n` : formatAnalysis(report, file));
    return 0;
  },
};
