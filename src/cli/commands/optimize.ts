/**
 * `superatom optimize <file>`: local minimisation (L-BFGS or FIRE) of every
 * frame of an XYZ file on an empirical potential.
 */
import { InputError } from '../../core/errors.js';
import { writeXyz } from '../../io/xyz.js';
import { readStructureFile, writeTextFile } from '../../node/files.js';
import { createFire, createLbfgs, maxAtomForce } from '../../optimize/local.js';
import { createPotential, POTENTIAL_SPEC_HELP } from '../../potential/spec.js';
import { checkPositions } from '../../potential/validate.js';
import { createStructure } from '../../structure/structure.js';
import type { ParsedArgs } from '../args.js';
import type { CliIO, Command } from '../command.js';

export interface OptimizeFrameReport {
  readonly initialEnergy: number;
  readonly energy: number;
  readonly maxForce: number;
  readonly iterations: number;
  readonly evaluations: number;
  readonly converged: boolean;
}

export interface OptimizeReport {
  readonly potential: string;
  readonly energyUnit: string;
  readonly lengthUnit: string;
  readonly method: 'lbfgs' | 'fire';
  readonly fmax: number;
  readonly atoms: number;
  readonly frames: OptimizeFrameReport[];
}

export const optimizeCommand: Command = {
  name: 'optimize',
  summary: 'relax a structure (every frame of an XYZ file) on an empirical potential with L-BFGS or FIRE',
  usage:
    'superatom optimize <file.xyz> --potential lj|morse:6|gupta[:Au]|sutton-chen:Ag [--method lbfgs|fire] [--fmax F] [-o out.xyz] [--json]',
  options: {
    potential: {
      type: 'string',
      valueName: 'spec',
      description: `the potential: ${POTENTIAL_SPEC_HELP}; gupta alone uses the file's elements`,
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
    json: { type: 'boolean', description: 'print the report as JSON' },
  },
  help: [
    'Coordinates are read as Å for potentials in eV/Å (gupta, sutton-chen:<El>, lj:Ar) and as',
    'reduced lengths (σ, r0, a) for lj, morse:<ρ> and sutton-chen:12-6|9-6|10-8.',
    'Atoms closer than a quarter of the nearest-neighbour distance are refused as overlapping.',
    'Input: XYZ (every frame), extXYZ, PDB or GRO; a periodic cell (CIF, GRO box, Lattice=) is refused —',
    'extract one cluster first with superatom convert crystal.cif --molecule -o cluster.xyz.',
    '',
    'Example:',
    '  superatom optimize au20.xyz --potential gupta:Au -o au20-relaxed.xyz',
  ].join('\n'),
  run(args: ParsedArgs, io: CliIO) {
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
    // any format the registry reads (XYZ frames, extXYZ, PDB, GRO, CIF); crystals are not clusters
    const frames = readStructureFile(file, io.cwd);
    if (frames.some((f) => f.cell)) {
      throw new InputError(
        'optimize-periodic',
        `${file} describes a periodic cell; optimize relaxes isolated clusters`,
        {
          hint: `extract one cluster first: superatom convert ${file} --molecule -o cluster.xyz`,
        },
      );
    }
    const pot = createPotential(spec, frames[0]!.numbers);
    const fmax = (args.options.fmax as number | undefined) ?? (1e-4 * pot.bondEnergy) / pot.nearestNeighbour;
    if (!(fmax > 0)) throw new InputError('optimize-fmax', `--fmax must be positive, got ${fmax}`);
    const maxIterations = (args.options['max-iterations'] as number | undefined) ?? 10000;
    const minimizer = method === 'fire' ? createFire() : createLbfgs();
    const reports: OptimizeFrameReport[] = [];
    const relaxed = frames.map((s, k) => {
      const what = `${file}${frames.length > 1 ? ` frame ${k + 1}` : ''}`;
      if (s.numbers.length < 1) throw new InputError('optimize-empty', `${what} has no atoms`);
      if (pot.numbers && s.numbers.join() !== pot.numbers.join()) {
        throw new InputError('optimize-elements', `${what} has other elements than frame 1`, {
          hint: 'optimize one composition per file',
        });
      }
      checkPositions(s.positions, 0.25 * pot.nearestNeighbour, what, pot.lengthUnit);
      const x = Float64Array.from(s.positions);
      const f = new Float64Array(x.length);
      const initialEnergy = pot.evaluate(x, f);
      const r = minimizer.minimize(pot, x, { fmax, maxIterations });
      pot.evaluate(x, f);
      reports.push({
        initialEnergy,
        energy: r.energy,
        maxForce: maxAtomForce(f, f.length),
        iterations: r.iterations,
        evaluations: r.evaluations,
        converged: r.converged,
      });
      return createStructure({
        numbers: s.numbers,
        positions: x,
        title: `${pot.name} energy=${r.energy.toFixed(8)} ${pot.energyUnit} maxForce=${r.maxForce.toExponential(2)} ${method}`,
      });
    });
    const out = args.options.output as string | undefined;
    if (out) writeTextFile(out, writeXyz(relaxed), io.cwd);
    const report: OptimizeReport = {
      potential: pot.name,
      energyUnit: pot.energyUnit,
      lengthUnit: pot.lengthUnit,
      method,
      fmax,
      atoms: frames[0]!.numbers.length,
      frames: reports,
    };
    io.record?.(report, { structures: relaxed });
    if (args.options.json) {
      io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      const u = pot.energyUnit;
      const lines = [
        `potential  ${pot.name} (energies in ${u}, lengths in ${pot.lengthUnit}), ${method}, fmax ${fmax.toExponential(2)} ${u}/${pot.lengthUnit}`,
      ];
      reports.forEach((r, k) => {
        lines.push(
          `${frames.length > 1 ? `frame ${k + 1}: ` : ''}energy ${r.initialEnergy.toFixed(6)} → ${r.energy.toFixed(6)} ${u}, max force ${r.maxForce.toExponential(2)}, ${r.iterations} iterations, ${r.evaluations} evaluations${r.converged ? '' : '  (NOT converged)'}`,
        );
      });
      if (out) lines.push(`wrote ${out}`);
      io.stdout(`${lines.join('\n')}\n`);
    }
    return reports.every((r) => r.converged) ? 0 : 1;
  },
};
