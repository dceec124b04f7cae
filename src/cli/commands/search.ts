/**
 * `superatom search`: global structure search (basin hopping or a genetic
 * algorithm) on an empirical potential, optionally as K parallel runs.
 */
import { excerpt, InputError } from '../../core/errors.js';
import { elementBySymbol } from '../../data/index.js';
import { writeXyz } from '../../io/xyz.js';
import { checkWritable, writeTextFile } from '../../node/files.js';
import { runSearches } from '../../node/parallel.js';
import { createProgressBar } from '../../node/progress-bar.js';
import { basinHoppingDefaults } from '../../optimize/basin-hopping.js';
import { checkSearchSpec, defaultPatience, type SearchMethod, type SearchSpec } from '../../optimize/run.js';
import { createPotential, outputElement, POTENTIAL_SPEC_HELP } from '../../potential/spec.js';
import { createStructure } from '../../structure/structure.js';
import type { ParsedArgs } from '../args.js';
import type { CliIO, Command } from '../command.js';

/** The `--json` report (energies in the potential's unit: ε for reduced LJ/Morse/Sutton–Chen families, eV otherwise). */
export interface SearchReport {
  readonly potential: string;
  readonly atoms: number;
  readonly method: SearchMethod;
  readonly seed: number;
  readonly bestEnergy: number;
  readonly reachedTarget: boolean;
  readonly stepsToBest: number;
  readonly evaluations: number;
  readonly seconds: number;
  readonly minima: { energy: number }[];
}

function opt<T>(args: ParsedArgs, name: string): T | undefined {
  return args.options[name] as T | undefined;
}

/** Largest |--seed|: the random generator takes 32 bits of the seed. */
const MAX_SEED = 0xffffffff;

export const searchCommand: Command = {
  name: 'search',
  summary: 'global minimum search (basin hopping or genetic algorithm) on LJ, Morse, Gupta or Sutton–Chen',
  usage:
    'superatom search --potential lj|morse:6|gupta:Au|sutton-chen:Ag --atoms N [--method bh|ga] [--seed S] [--max-steps M] [--time-limit s] [--target E] [--runs K] [-o best.xyz] [--json]',
  options: {
    potential: { type: 'string', valueName: 'spec', description: `the potential: ${POTENTIAL_SPEC_HELP}` },
    atoms: { type: 'integer', valueName: 'N', description: 'number of atoms (≥ 2)' },
    method: {
      type: 'string',
      valueName: 'bh|ga',
      choices: ['bh', 'ga'],
      default: 'bh',
      description: 'basin hopping or genetic algorithm',
    },
    seed: {
      type: 'integer',
      valueName: 'S',
      default: 1,
      description: 'random seed; run k of --runs uses S + k',
    },
    'max-steps': {
      type: 'integer',
      valueName: 'M',
      description: 'stop after M steps (local minimisations) per run',
    },
    'time-limit': {
      type: 'number',
      valueName: 's',
      default: 60,
      description: 'stop after this many seconds',
    },
    target: {
      type: 'number',
      valueName: 'E',
      description: 'stop when the best energy reaches E (energy unit of the potential)',
    },
    patience: {
      type: 'integer',
      valueName: 'P',
      description: 'stop when the best energy has not improved for P steps (default 300·N + 5000)',
    },
    runs: { type: 'integer', valueName: 'K', default: 1, description: 'independent runs on worker threads' },
    temperature: {
      type: 'number',
      valueName: 'kT',
      description: 'basin hopping kT, energy unit (default 0.8 ε for LJ)',
    },
    population: { type: 'integer', valueName: 'P', description: 'GA population size (default 20)' },
    output: {
      type: 'string',
      short: 'o',
      valueName: 'file.xyz',
      description: 'write the best structure (and the low minima as later frames) as XYZ',
    },
    json: { type: 'boolean', description: 'print the report as JSON' },
  },
  help: [
    'Energies are in the unit of the potential: ε for lj, morse:<ρ> and sutton-chen:12-6|9-6|10-8',
    '(reduced units, lengths in σ, r0 or a), eV for gupta:<El>, sutton-chen:<El> and lj:Ar (lengths in Å).',
    'XYZ output of reduced potentials writes Ar (LJ, Morse) or Ag (Sutton–Chen families) atoms',
    'with coordinates in the reduced length unit; the comment line says so.',
    '',
    'Stops at the first of: --target reached, --max-steps, --time-limit (default 60 s), or no new',
    'best for --patience steps. One step = one perturbation + local minimisation (L-BFGS).',
    'The time limit is also checked inside long minimisations (about every millisecond of work),',
    'so a run ends within a few ms plus one energy evaluation of the limit; a minimisation cut',
    'short is discarded (if none finished: exit 1, nothing reported). At most 5000 atoms; -o is',
    'checked before the run.',
    '',
    'Reported: bestEnergy; stepsToBest, evaluations (energy+force calls) and seconds until the best',
    'energy was first reached (for --runs K: of the run that got there first); minima = distinct',
    'low minima of all runs, lowest first.',
    '',
    `Basin hopping defaults: kT = 0.8 ε (scaled by the bond energy for metals), step ${basinHoppingDefaults(0).stepSizeNn} × nearest-neighbour`,
    'distance adapted to 50 % acceptance, 10 % surface moves of the least-bound atom, half of the',
    'trials first relaxed under a compression μ Σ r² (μ = 3 ε/r_nn², Locatelli & Schoen 2003), 3 forced',
    'moves ("jumps") after 100 steps without a new lowest energy of the walk; local minimisations',
    'to 0.01 ε/σ (scaled), new low minima re-minimised to 1e-7 before they are reported.',
    '',
    'Examples:',
    '  superatom search --potential lj --atoms 38 --target -173.928427',
    '  superatom search --potential gupta:Au --atoms 20 --runs 4 -o au20.xyz --json',
  ].join('\n'),
  async run(args: ParsedArgs, io: CliIO) {
    const potential = opt<string>(args, 'potential');
    const atoms = opt<number>(args, 'atoms');
    if (!potential)
      throw new InputError('cli-missing', 'missing --potential', {
        hint: `use one of ${POTENTIAL_SPEC_HELP}`,
      });
    if (atoms === undefined)
      throw new InputError('cli-missing', 'missing --atoms N', { hint: 'for example --atoms 38' });
    if (args.positionals.length) {
      throw new InputError('cli-positional', `unexpected argument "${args.positionals[0]}"`, {
        hint: 'see superatom search --help',
      });
    }
    const method = (opt<string>(args, 'method') ?? 'bh') as SearchMethod;
    const seed = opt<number>(args, 'seed') ?? 1;
    const runs = opt<number>(args, 'runs') ?? 1;
    const maxSteps = opt<number>(args, 'max-steps');
    const timeLimit = opt<number>(args, 'time-limit') ?? 60;
    const target = opt<number>(args, 'target');
    const temperature = opt<number>(args, 'temperature');
    const population = opt<number>(args, 'population');
    if (!Number.isInteger(atoms) || atoms < 2) {
      throw new InputError('search-atoms', `--atoms must be a whole number ≥ 2, got ${atoms}`, {
        hint: 'for example --atoms 38',
      });
    }
    // the generator is seeded from 32 bits (core/rng.ts): a larger seed would silently repeat a
    // smaller one (2^32 + 1 runs as 1), and S + k would stop changing beyond 2^53
    if (Math.abs(seed) > MAX_SEED || Math.abs(seed + runs - 1) > MAX_SEED) {
      throw new InputError(
        'search-seed',
        `--seed must lie between -${MAX_SEED} and ${MAX_SEED} (with --runs K, S + K − 1 too), got ${seed}`,
        { hint: 'for example --seed 42' },
      );
    }
    const patience = opt<number>(args, 'patience') ?? defaultPatience(atoms);
    if (maxSteps !== undefined && maxSteps < 1)
      throw new InputError('search-steps', `--max-steps must be ≥ 1, got ${maxSteps}`);
    if (!(timeLimit > 0))
      throw new InputError('search-time', `--time-limit must be positive, got ${timeLimit}`);
    if (temperature !== undefined && !(temperature > 0)) {
      throw new InputError('search-temperature', `--temperature must be positive, got ${temperature}`);
    }
    const spec: SearchSpec = {
      potential,
      atoms,
      method,
      seed,
      timeLimitSeconds: timeLimit,
      patience,
      ...(maxSteps !== undefined ? { maxSteps } : {}),
      ...(target !== undefined ? { target } : {}),
      ...(temperature !== undefined ? { temperature } : {}),
      ...(population !== undefined ? { populationSize: population } : {}),
    };
    checkSearchSpec(spec);
    const pot = createPotential(potential);
    const out = opt<string>(args, 'output');
    // a bad -o fails now, not after a search of --time-limit seconds
    if (out) checkWritable(out, io.cwd);
    const bar = createProgressBar(io.stderr, io.stderrIsTTY);
    const perRun = new Map<number, { steps: number; best: number }>();
    const t0 = performance.now();
    const combined = await runSearches(spec, {
      runs,
      onProgress: (run, p) => {
        perRun.set(run, { steps: p.done, best: Number(p.data?.bestEnergy ?? Infinity) });
        let steps = 0;
        let best = Infinity;
        for (const v of perRun.values()) {
          steps += v.steps;
          best = Math.min(best, v.best);
        }
        const elapsed = (performance.now() - t0) / 1000;
        const frac =
          maxSteps !== undefined
            ? Math.max(elapsed / timeLimit, steps / runs / maxSteps)
            : elapsed / timeLimit;
        bar.update(
          frac,
          `${runs > 1 ? `${runs} runs, ` : ''}step ${steps}  best ${best.toFixed(6)} ${pot.energyUnit}  ${elapsed.toFixed(1)} s`,
        );
      },
    });
    bar.done();
    const best = combined.best;
    if (!Number.isFinite(best.bestEnergy)) {
      // the time limit (or a cancellation) came before the first local minimisation finished
      io.stderr(
        `search: no local minimisation of ${atoms} atoms finished within ${best.stopReason === 'cancelled' ? 'the run (cancelled)' : `--time-limit ${timeLimit} s`}; nothing to report\n` +
          `  hint: raise --time-limit (one minimisation of N atoms evaluates N(N−1)/2 pairs hundreds of times) or search fewer atoms\n`,
      );
      return 1;
    }
    const report: SearchReport = {
      potential: pot.name,
      atoms,
      method,
      seed,
      bestEnergy: best.bestEnergy,
      reachedTarget: combined.reachedTarget,
      stepsToBest: best.stepsToBest,
      evaluations: best.evaluationsToBest,
      seconds: round(best.secondsToBest, 3),
      minima: combined.minima.map((m) => ({ energy: m.energy })),
    };
    io.record?.(report, {
      structures: combined.minima.map((m, k) =>
        createStructure({
          numbers: new Array(atoms).fill(elementBySymbol(outputElement(potential))?.z ?? 18),
          positions: m.positions,
          title: `${pot.name} N=${atoms} minimum ${k + 1}${pot.lengthUnit === 'Å' ? '' : ` (reduced units: lengths in ${pot.lengthUnit}, not Å)`}`,
        }),
      ),
    });
    if (out) {
      const symbol = outputElement(potential);
      const z = elementBySymbol(symbol)?.z ?? 18;
      const reducedNote =
        pot.lengthUnit === 'Å' ? '' : ` (reduced units: lengths in ${pot.lengthUnit}, not Å)`;
      const frames = combined.minima.map((m, k) =>
        createStructure({
          numbers: new Array(atoms).fill(z),
          positions: m.positions,
          title: `${pot.name} N=${atoms} minimum ${k + 1} energy=${m.energy.toFixed(6)} ${pot.energyUnit}${reducedNote}`,
        }),
      );
      writeTextFile(out, writeXyz(frames), io.cwd);
    }
    if (args.options.json) {
      io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      const lines = [
        `potential      ${pot.name} (energies in ${pot.energyUnit}, lengths in ${pot.lengthUnit})`,
        `atoms          ${atoms}`,
        `method         ${method === 'bh' ? 'basin hopping' : 'genetic algorithm'}, seed ${seed}${runs > 1 ? `, ${runs} runs (best: run ${combined.bestRun}, seed ${seed + combined.bestRun})` : ''}`,
        `best energy    ${best.bestEnergy.toFixed(6)} ${pot.energyUnit}${target !== undefined ? (combined.reachedTarget ? '  (target reached)' : `  (target ${target} not reached)`) : ''}`,
        `found after    ${best.stepsToBest} steps, ${best.evaluationsToBest} evaluations, ${best.secondsToBest.toFixed(2)} s`,
        `search         ${combined.runs.reduce((s, r) => s + r.steps, 0)} steps, ${combined.totalEvaluations} evaluations, ${best.seconds.toFixed(2)} s; stopped: ${best.stopReason}`,
        'lowest minima',
        ...combined.minima.map((m, k) => `  ${String(k + 1).padStart(2)}  ${m.energy.toFixed(6)}`),
        ...(out ? [`wrote ${excerpt(out, 120)}`] : []),
      ];
      io.stdout(`${lines.join('\n')}\n`);
    }
    return 0;
  },
};

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
