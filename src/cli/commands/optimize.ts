/**
 * `superatom optimize <file>`: local minimisation (L-BFGS or FIRE) of every
 * frame of an XYZ file on an empirical potential. The potential must describe
 * every atom it moves (gupta:Au on a thiolate-protected cluster is refused);
 * `--elements Au` relaxes those atoms only and holds the rest fixed.
 */
import { excerpt, InputError } from '../../core/errors.js';
import { writeXyz } from '../../io/xyz.js';
import { checkWritable, readStructureFile, writeTextFile } from '../../node/files.js';
import { MAX_RELAX_ATOMS, MAX_RELAX_ATOMS_LINEAR } from '../../optimize/local.js';
import { elementSymbols } from '../../potential/coverage.js';
import { POTENTIAL_SPEC_HELP } from '../../potential/spec.js';
import { optimizeStructures, parseElements } from '../../workflows/optimize.js';
import type { ParsedArgs } from '../args.js';
import type { CliIO, Command } from '../command.js';
import { checkRefine, formatRefine, REFINE_OPTIONS, refineForCli } from '../refine.js';

export type { OptimizeFrameReport, OptimizeReport } from '../../workflows/optimize.js';

/** "1-25, 31, 40-42": compact 1-based atom ranges for text output (at most `max` ranges shown). */
function ranges(atoms: readonly number[], max = 12): string {
  const parts: string[] = [];
  for (let k = 0; k < atoms.length; ) {
    let e = k;
    while (e + 1 < atoms.length && atoms[e + 1] === atoms[e]! + 1) e++;
    parts.push(e > k ? `${atoms[k]}-${atoms[e]}` : `${atoms[k]}`);
    k = e + 1;
  }
  return parts.length > max
    ? `${parts.slice(0, max).join(', ')}, … (${parts.length} ranges)`
    : parts.join(', ');
}

export const optimizeCommand: Command = {
  name: 'optimize',
  summary: 'relax a structure (every frame of an XYZ file) on an empirical potential with L-BFGS or FIRE',
  usage:
    'superatom optimize <file.xyz> --potential lj|morse:6|gupta[:Au]|sutton-chen:Ag [--elements Au] [--method lbfgs|fire] [--fmax F] [--time-limit s] [-o out.xyz] [--json]',
  options: {
    potential: {
      type: 'string',
      valueName: 'spec',
      description: `the potential: ${POTENTIAL_SPEC_HELP}; gupta alone uses the file's elements`,
    },
    elements: {
      type: 'string',
      valueName: 'Au,Ag',
      description:
        'relax only the atoms of these elements (comma-separated symbols, as analyze --elements); the others are held fixed and contribute nothing to the energy',
    },
    'time-limit': {
      type: 'number',
      valueName: 's',
      description: 'stop relaxing after this many seconds (reported as not converged, exit 1)',
    },
    method: {
      type: 'string',
      valueName: 'lbfgs|fire',
      choices: ['lbfgs', 'fire'],
      default: 'lbfgs',
      description: 'local minimiser',
    },
    fmax: {
      type: 'number',
      valueName: 'F',
      description:
        'converged when every atomic force is below F (energy/length; default 1e-4 × bond energy / bond length)',
    },
    'max-iterations': {
      type: 'integer',
      valueName: 'M',
      default: 10000,
      description: 'iteration limit per frame',
    },
    output: {
      type: 'string',
      short: 'o',
      valueName: 'file.xyz',
      description: 'write the relaxed frames as XYZ',
    },
    ...REFINE_OPTIONS,
    json: { type: 'boolean', description: 'print the report as JSON' },
  },
  help: [
    'Coordinates are read as Å for potentials in eV/Å (gupta, sutton-chen:<El>, lj:Ar) and as',
    'reduced lengths (σ, r0, a) for lj, morse:<ρ> and sutton-chen:12-6|9-6|10-8.',
    'Atoms closer than a quarter of the nearest-neighbour distance are refused as overlapping.',
    '',
    'The potential must describe every atom it moves: gupta:Au, sutton-chen:Ag and lj:Ar have',
    'parameters for their element only, gupta for Au Ag Cu Pd Pt Ni Al and their mixtures; a file',
    'with other elements is refused (exit 2) naming them. Reduced potentials (lj, morse:<ρ>,',
    'sutton-chen:12-6 …) treat every atom alike: a file with several elements is refused unless',
    '--elements selects the atoms to treat as one kind. With --elements Au only the Au atoms move;',
    'the others are held fixed and contribute nothing (the potential cannot describe them), so the',
    'energies are of the moved atoms only.',
    '',
    `Size limits: ${MAX_RELAX_ATOMS} moved atoms for potentials that sum every pair (lj, morse, sutton-chen),`,
    `${MAX_RELAX_ATOMS_LINEAR} for gupta, which from 1000 atoms on switches its terms off smoothly beyond`,
    '7–8.4 Å (Au; where they have fallen below 1e-5) and finds pairs on a neighbour grid (O(N) per',
    'evaluation; energies within about 2e-6 of the full sum). Larger inputs are refused before any work.',
    'Input: XYZ (every frame), extXYZ, PDB or GRO; a periodic cell (CIF, GRO box, Lattice=) is refused —',
    'extract one cluster first with superatom convert crystal.cif --molecule -o cluster.xyz.',
    '',
    'Example:',
    '  superatom optimize au20.xyz --potential gupta:Au -o au20-relaxed.xyz',
    '  superatom optimize au25-sr18.xyz --potential gupta:Au --elements Au',
    '  superatom optimize au13.xyz --potential gupta:Au --refine xtb -o au13-xtb.xyz',
    '',
    '--refine xtb re-relaxes every relaxed frame (all atoms) with xtb --opt, each within --time-limit',
    'when given; -o then writes the refined frames and the report gains "refined" (energies in eV,',
    'method, attempts, RMS displacement in Å).',
  ].join('\n'),
  async run(args: ParsedArgs, io: CliIO) {
    const file = args.positionals[0];
    if (!file)
      throw new InputError('cli-missing', 'missing the structure file', {
        hint: 'superatom optimize file.xyz --potential gupta:Au',
      });
    if (args.positionals.length > 1)
      throw new InputError('cli-positional', `unexpected argument "${args.positionals[1]}"`);
    const spec = args.options.potential as string | undefined;
    if (!spec)
      throw new InputError('cli-missing', 'missing --potential', {
        hint: `use one of ${POTENTIAL_SPEC_HELP}`,
      });
    const method = (args.options.method as 'lbfgs' | 'fire' | undefined) ?? 'lbfgs';
    const elementsText = args.options.elements as string | undefined;
    const selected = elementsText === undefined ? undefined : parseElements(elementsText);
    const timeLimit = args.options['time-limit'] as number | undefined;
    const out = args.options.output as string | undefined;
    // a bad -o fails now, not after the relaxation
    if (out) checkWritable(out, io.cwd);
    // any format the registry reads (XYZ frames, extXYZ, PDB, GRO, CIF); crystals are refused
    const frames = readStructureFile(file, io.cwd);
    const first = frames[0]!;
    const { report, relaxed } = optimizeStructures(frames, {
      potential: spec,
      method,
      ...(elementsText !== undefined ? { elements: elementsText } : {}),
      ...(timeLimit !== undefined ? { timeLimit, now: () => performance.now() } : {}),
      ...(args.options.fmax !== undefined ? { fmax: args.options.fmax as number } : {}),
      ...(args.options['max-iterations'] !== undefined
        ? { maxIterations: args.options['max-iterations'] as number }
        : {}),
      what: file,
    });
    const pot = { energyUnit: report.energyUnit, lengthUnit: report.lengthUnit, name: report.potential };
    const { fmax, frames: reports } = report;
    const movedAtoms = (report.movedAtoms ?? []).map((i) => i - 1);
    const frozenAtoms = (report.frozenAtoms ?? []).map((i) => i - 1);
    const refineWith = args.options.refine as string | undefined;
    await checkRefine(refineWith, report.lengthUnit);
    const refined = refineWith
      ? await refineForCli(
          refineWith,
          args.options['refine-method'] as string | undefined,
          relaxed,
          io,
          timeLimit,
        )
      : undefined;
    const final = refined?.structures ?? relaxed;
    if (out) writeTextFile(out, writeXyz(final), io.cwd);
    const full = refined ? { ...report, refined: refined.report } : report;
    io.record?.(full, {
      structures: final,
      ...(refined
        ? { engine: { name: 'xtb', version: refined.report.engineVersion.replace(/^xtb /, '') } }
        : {}),
    });
    if (args.options.json) {
      io.stdout(`${JSON.stringify(full, null, 2)}\n`);
    } else {
      const u = pot.energyUnit;
      const lines = [
        `potential  ${pot.name} (energies in ${u}, lengths in ${pot.lengthUnit}), ${method}, fmax ${fmax.toExponential(2)} ${u}/${pot.lengthUnit}`,
      ];
      if (selected) {
        const frozenEls = elementSymbols(frozenAtoms.map((i) => first.numbers[i]!));
        lines.push(
          `moved      ${movedAtoms.length} atoms (${selected.join(', ')}): ${ranges(movedAtoms.map((i) => i + 1))}`,
          frozenAtoms.length
            ? `frozen     ${frozenAtoms.length} atoms (${frozenEls.join(', ')}): ${ranges(frozenAtoms.map((i) => i + 1))}; held fixed, they contribute nothing (${pot.name} cannot describe them): energies are of the moved atoms only`
            : 'frozen     none (--elements selects every atom)',
        );
      }
      reports.forEach((r, k) => {
        lines.push(
          `${frames.length > 1 ? `frame ${k + 1}: ` : ''}energy ${r.initialEnergy.toFixed(6)} → ${r.energy.toFixed(6)} ${u}, max force ${r.maxForce.toExponential(2)}, ${r.iterations} iterations, ${r.evaluations} evaluations${r.converged ? '' : r.stopped ? `  (NOT converged: --time-limit ${timeLimit} s reached)` : '  (NOT converged)'}`,
        );
        if (r.closestFrozen) {
          lines.push(
            `  closest moved–frozen distance ${r.closestFrozen.before.toFixed(3)} → ${r.closestFrozen.after.toFixed(3)} ${pot.lengthUnit}${r.closestFrozen.after < 0.75 * r.closestFrozen.before ? '  (moved atoms came much closer to frozen ones: check the result)' : ''}`,
          );
        }
      });
      if (refined) lines.push(...formatRefine(refined.report, 'frame'));
      if (out) lines.push(`wrote ${excerpt(out, 120)}`);
      io.stdout(`${lines.join('\n')}\n`);
    }
    return reports.every((r) => r.converged) && (refined?.report.results.every((r) => r.converged) ?? true)
      ? 0
      : 1;
  },
};
