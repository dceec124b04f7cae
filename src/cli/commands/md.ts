/**
 * `superatom md <file.extxyz> --model cg.json --steps N [--engine builtin|lammps] [--json]`:
 * Langevin NVT of a bead system on the built-in integrator (src/assembly/langevin.ts) or on LAMMPS
 * (src/engines/lammps.ts), with block-averaged energies by term and the per-species-pair
 * decomposition of the first and last configurations.
 */
import { blockAverage, radialDistribution } from '../../assembly/analysis.js';
import type { EnergyTerms } from '../../assembly/forces.js';
import { createForceField } from '../../assembly/forces.js';
import { dumpColumns } from '../../assembly/lammps.js';
import { runLangevin } from '../../assembly/langevin.js';
import { parseModel } from '../../assembly/model.js';
import { runRigidLangevin } from '../../assembly/rigid.js';
import type { BeadSystem } from '../../assembly/system.js';
import { countSpecies, wrapPositions } from '../../assembly/system.js';
import { readBeadFrames, writeBeadFrame } from '../../assembly/trajectory.js';
import { InputError } from '../../core/errors.js';
import { createRng } from '../../core/rng.js';
import { runLammps, thermoColumn } from '../../engines/lammps.js';
import { checkWritable, writeTextFile } from '../../node/files.js';
import { createProgressBar } from '../../node/progress-bar.js';
import { readTextFile } from '../../node/read.js';
import type { Command } from '../command.js';

/** RDF bin width, Å. */
const RDF_BIN = 0.25;

interface Stat {
  readonly mean: number;
  readonly stderr: number;
}

export interface MdReport {
  readonly engine: 'builtin' | 'lammps';
  readonly engineVersion: string;
  readonly beads: number;
  readonly species: Readonly<Record<string, number>>;
  readonly steps: number;
  readonly timestepFs: number;
  readonly temperatureK: number;
  readonly dampingFs: number;
  readonly coulomb: string;
  readonly ranks: number;
  /** Mean energies (eV) over the production samples with block-average standard errors. */
  readonly energies: {
    readonly potential: Stat;
    readonly kinetic: Stat;
    readonly total: Stat;
    readonly lj: Stat;
    readonly coulomb: Stat;
  };
  readonly temperature: Stat;
  readonly samples: number;
  readonly equilibrationSamples: number;
  /** The built-in model's decomposition (eV) of the first and last configurations. */
  readonly initial: EnergyTerms;
  readonly final: EnergyTerms | null;
  /** g(r) per species pair averaged over production frames (with --rdf). */
  readonly rdf: {
    readonly binA: number;
    readonly frames: number;
    readonly pairs: Readonly<
      Record<string, { readonly r: readonly number[]; readonly g: readonly number[] }>
    >;
  } | null;
  readonly trajectory: string | null;
  readonly elapsedSeconds: number;
}

function stat(v: number[]): Stat {
  const b = blockAverage(v, 5);
  return { mean: b.mean, stderr: b.stderr };
}

export const mdCommand: Command = {
  name: 'md',
  summary: 'Langevin molecular dynamics of a coarse-grained assembly on the built-in engine or LAMMPS',
  usage:
    'superatom md <file.extxyz> --model cg.json --steps N [--engine builtin|lammps] [--ranks k] [-o traj.extxyz] [--json]',
  options: {
    model: {
      type: 'string',
      description:
        'the coarse-grained model (cg.json: species, mixing, cut-offs, Coulomb, T, damping, time step, seed)',
    },
    steps: { type: 'integer', description: 'number of time steps', min: 0, max: 1e9 },
    engine: {
      type: 'string',
      description: 'builtin or lammps',
      choices: ['builtin', 'lammps'],
      default: 'builtin',
    },
    ranks: {
      type: 'integer',
      description: 'MPI ranks for LAMMPS (mpirun -np)',
      min: 1,
      max: 1024,
      default: 1,
    },
    every: { type: 'integer', description: 'thermo sample every this many steps (default 10)', min: 1 },
    'frame-every': {
      type: 'integer',
      description: 'trajectory frame every this many steps (default steps/100)',
      min: 1,
    },
    output: { type: 'string', short: 'o', description: 'trajectory as extended XYZ', valueName: 'file' },
    equilibration: {
      type: 'number',
      description: 'fraction of samples left out of the averages (default 0.2)',
      min: 0,
      max: 0.9,
    },
    seed: { type: 'integer', description: 'random seed (default the model seed)', min: 0 },
    'time-limit': { type: 'number', description: 'LAMMPS wall-time limit, s (default 3600)', min: 1 },
    rdf: {
      type: 'number',
      description:
        'radial distribution functions of every species pair up to this distance, Å (averaged over frames)',
      valueName: 'Å',
      min: 0,
    },
    json: { type: 'boolean', description: 'print the report as JSON' },
  },
  help: [
    'Langevin NVT (velocity Verlet + friction and random force, LAMMPS fix nve + fix langevin) at the',
    "model's temperature, damping time and time step. Energies are block averages (5 blocks) after the",
    'equilibration fraction. Units: eV, K, fs, Å. The per-pair decomposition (LJ and Coulomb between',
    'each pair of species) is computed with the built-in model on the first and last frames.',
    'Rigid bodies (a `body` column) move as rigid bodies on both engines (LAMMPS: fix rigid … langevin).',
    '',
    'example:  superatom md fcc.extxyz --model cg.json --steps 20000 --engine lammps --ranks 2 --json',
  ].join('\n'),
  async run(args, io) {
    const file = args.positionals[0];
    if (!file)
      throw new InputError(
        'cli-missing-argument',
        'md needs a bead file, e.g. superatom md ring.extxyz --model cg.json --steps 1000',
      );
    const modelPath = args.options.model as string | undefined;
    if (!modelPath)
      throw new InputError('cli-missing-option', 'md needs --model cg.json', {
        hint: '`superatom assemble … --lammps dir` writes one',
      });
    const steps = args.options.steps as number | undefined;
    if (steps === undefined) throw new InputError('cli-missing-option', 'md needs --steps N');
    const read = (p: string, what: string) => readTextFile(p, io.cwd, what);
    const frames = readBeadFrames(read(file, 'structure file'), file);
    const system: BeadSystem = frames[frames.length - 1]!;
    const model0 = parseModel(read(modelPath, '--model file'), modelPath);
    const seed = (args.options.seed as number | undefined) ?? model0.seed;
    const model = { ...model0, seed };
    const engine = (args.options.engine as 'builtin' | 'lammps' | undefined) ?? 'builtin';
    const every = (args.options.every as number | undefined) ?? 10;
    const frameEvery =
      (args.options['frame-every'] as number | undefined) ?? Math.max(1, Math.floor(steps / 100));
    const out = args.options.output as string | undefined;
    if (out) checkWritable(out, io.cwd);
    const ranks = (args.options.ranks as number | undefined) ?? 1;
    const ff = createForceField(model, system);
    const initial = ff.compute(system.positions);
    const elements = Object.fromEntries(model.species.map((s) => [s.name, s.element]));
    const traj: string[] = [];
    const bar = createProgressBar(io.stderr, io.stderrIsTTY);
    const t0 = performance.now();
    let pe: number[];
    let ke: number[];
    let lj: number[];
    let co: number[];
    let temp: number[];
    let finalPos: Float64Array | undefined;
    let version = 'superatom';
    // g(r) of every species pair, averaged over the frames after the equilibration fraction
    const rdfMax = args.options.rdf as number | undefined;
    const eqFraction = (args.options.equilibration as number | undefined) ?? 0.2;
    const rdfSum = new Map<string, { r: number[]; g: number[]; frames: number }>();
    const rdfFrame = (step: number, x: Float64Array) => {
      if (!rdfMax || step < eqFraction * steps) return;
      const ns = system.species.length;
      for (let a = 0; a < ns; a++)
        for (let b = a; b < ns; b++) {
          const key = `${system.species[a]}-${system.species[b]}`;
          const g = radialDistribution(system, x, a, b, rdfMax, RDF_BIN);
          const acc = rdfSum.get(key) ?? { r: g.r, g: g.g.map(() => 0), frames: 0 };
          g.g.forEach((v, k) => {
            acc.g[k] = acc.g[k]! + v;
          });
          acc.frames++;
          rdfSum.set(key, acc);
        }
    };
    if (engine === 'builtin') {
      const rigid = system.bodies?.some((b) => b > 0) ?? false;
      const r = (rigid ? runRigidLangevin : runLangevin)(ff, system, {
        steps,
        rng: createRng(seed),
        thermoEvery: every,
        ...(out || rdfMax
          ? {
              frameEvery,
              onFrame: (step: number, x: Float64Array) => {
                if (out)
                  traj.push(writeBeadFrame(system, x, elements, { step, time_fs: step * model.timestep }));
                rdfFrame(step, x);
              },
            }
          : {}),
        onProgress: (d, t) => bar.update(d / t, `step ${d}/${t}`),
      });
      pe = r.samples.map((s) => s.pe);
      ke = r.samples.map((s) => s.ke);
      lj = r.samples.map((s) => s.lj);
      co = r.samples.map((s) => s.coulomb);
      temp = r.samples.map((s) => s.temperature);
      finalPos = r.positions;
    } else {
      bar.update(undefined, `LAMMPS: ${steps} steps on ${ranks} rank(s)`);
      const timeLimit = ((args.options['time-limit'] as number | undefined) ?? 3600) * 1000;
      const r = await runLammps(model, system, {
        steps,
        thermoEvery: every,
        dumpEvery: frameEvery,
        ranks,
        seed,
        timeLimitMs: timeLimit,
        ...(io.stderrIsTTY
          ? {
              onStep: (step: number) => bar.update(step / Math.max(1, steps), `LAMMPS step ${step}/${steps}`),
            }
          : {}),
      });
      version = `LAMMPS ${r.version}`;
      pe = thermoColumn(r.thermo, 'PotEng');
      ke = thermoColumn(r.thermo, 'KinEng');
      lj = thermoColumn(r.thermo, 'E_vdwl');
      const ec = thermoColumn(r.thermo, 'E_coul');
      const el = thermoColumn(r.thermo, 'E_long');
      co = ec.map((v, i) => v + el[i]!);
      temp = thermoColumn(r.thermo, 'Temp');
      for (const f of r.dump) {
        const x = dumpColumns(f, ['x', 'y', 'z']);
        if (system.box) wrapPositions(x, system.box);
        if (out)
          traj.push(writeBeadFrame(system, x, elements, { step: f.step, time_fs: f.step * model.timestep }));
        rdfFrame(f.step, x);
        finalPos = x;
      }
    }
    bar.done();
    const skip = Math.floor(pe.length * ((args.options.equilibration as number | undefined) ?? 0.2));
    const prod = (v: number[]) => v.slice(skip);
    const final = finalPos ? ff.compute(finalPos) : null;
    const rdf = rdfMax
      ? {
          binA: RDF_BIN,
          frames: [...rdfSum.values()][0]?.frames ?? 0,
          pairs: Object.fromEntries(
            [...rdfSum].map(([k, v]) => [k, { r: v.r, g: v.g.map((x) => x / Math.max(1, v.frames)) }]),
          ),
        }
      : null;
    let trajectory: string | null = null;
    if (out) trajectory = writeTextFile(out, traj.join(''), io.cwd);
    const report: MdReport = {
      engine,
      engineVersion: version,
      beads: system.types.length,
      species: countSpecies(system),
      steps,
      timestepFs: model.timestep,
      temperatureK: model.temperature,
      dampingFs: model.damping,
      coulomb: model.coulomb.method,
      ranks: engine === 'lammps' ? ranks : 1,
      energies: {
        potential: stat(prod(pe)),
        kinetic: stat(prod(ke)),
        total: stat(prod(pe.map((v, i) => v + ke[i]!))),
        lj: stat(prod(lj)),
        coulomb: stat(prod(co)),
      },
      temperature: stat(prod(temp)),
      samples: pe.length,
      equilibrationSamples: skip,
      initial,
      final,
      rdf,
      trajectory,
      elapsedSeconds: Math.round((performance.now() - t0) / 10) / 100,
    };
    io.record?.(report, engine === 'lammps' ? { engine: { name: 'lammps', version } } : undefined);
    if (args.options.json) {
      io.stdout(`${JSON.stringify(report, null, 2)}\n`);
      return 0;
    }
    const e = report.energies;
    const f = (s: Stat) => `${s.mean.toFixed(5)} ± ${s.stderr.toFixed(5)}`;
    const lines = [
      `engine       ${engine} (${version}${engine === 'lammps' ? `, ${ranks} rank(s)` : ''})`,
      `system       ${report.beads} beads: ${Object.entries(report.species)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')}`,
      `run          ${steps} steps × ${model.timestep} fs at ${model.temperature} K (damping ${model.damping} fs), ${report.elapsedSeconds} s`,
      `mean (eV)    potential ${f(e.potential)}, kinetic ${f(e.kinetic)}, total ${f(e.total)}`,
      `             LJ ${f(e.lj)}, Coulomb ${f(e.coulomb)}; T ${f(report.temperature)} K`,
      'pairs (eV)   first → last configuration, LJ | Coulomb',
      ...Object.keys(initial.pairs).map((k) => {
        const a = initial.pairs[k]!;
        const b = final?.pairs[k];
        return `  ${k.padEnd(14)} ${a.lj.toFixed(4)} | ${a.coulomb.toFixed(4)}${b ? `  →  ${b.lj.toFixed(4)} | ${b.coulomb.toFixed(4)}` : ''}`;
      }),
      ...(rdf
        ? Object.entries(rdf.pairs).map(([k, v]) => {
            const i = v.g.indexOf(Math.max(...v.g));
            return `g(r) ${k.padEnd(14)} first peak ${v.r[i]?.toFixed(2)} Å (g = ${v.g[i]?.toFixed(2)}), ${rdf.frames} frames`;
          })
        : []),
      ...(trajectory ? [`trajectory   ${trajectory}`] : []),
    ];
    io.stdout(`${lines.join('\n')}\n`);
    return 0;
  },
};
