/**
 * `superatom search`: global structure search (basin hopping or a genetic
 * algorithm) on an empirical potential, optionally as K parallel runs.
 */
import { excerpt, InputError } from '../../core/errors.js';
import { writeXyz } from '../../io/xyz.js';
import { checkWritable, writeTextFile } from '../../node/files.js';
import { runSearches } from '../../node/parallel.js';
import { createProgressBar } from '../../node/progress-bar.js';
import { basinHoppingDefaults } from '../../optimize/basin-hopping.js';
import { POTENTIAL_SPEC_HELP } from '../../potential/spec.js';
import {
  runCompositionSearch,
  type SearchSetup,
  searchReport,
  searchSetup,
  searchStructures,
} from '../../workflows/search.js';
import type { ParsedArgs } from '../args.js';
import type { CliIO, Command } from '../command.js';
import { checkRefine, formatRefine, REFINE_OPTIONS, refineForCli } from '../refine.js';

export type { SearchReport } from '../../workflows/search.js';

function opt<T>(args: ParsedArgs, name: string): T | undefined {
  return args.options[name] as T | undefined;
}

export const searchCommand: Command = {
  name: 'search',
  summary: 'global minimum search (basin hopping or genetic algorithm) on LJ, Morse, Gupta or Sutton–Chen',
  usage:
    'superatom search --potential lj|morse:6|gupta:Au|sutton-chen:Ag|eam:Au --atoms N | --composition Au12Pd1 [--method bh|ga] [--seed S] [--max-steps M] [--time-limit s] [--target E] [--runs K] [-o best.xyz] [--json]',
  options: {
    potential: { type: 'string', valueName: 'spec', description: `the potential: ${POTENTIAL_SPEC_HELP}` },
    atoms: { type: 'integer', valueName: 'N', description: 'number of atoms (≥ 2)' },
    composition: {
      type: 'string',
      valueName: 'AaXBbY',
      description:
        'alloy composition, e.g. Au12Pd1 or Ag27Cu7: homotop search (basin hopping + exchange moves) with gupta, gupta:aupd-dft|agau … or eam',
    },
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
    seeding: {
      type: 'string',
      choices: ['auto', 'on', 'off'],
      description:
        'basin hopping from motif seeds (lattice searches on icosahedral, decahedral, fcc, tetrahedral lattices); auto: for pair potentials (lj, morse) up to 400 atoms',
    },
    output: {
      type: 'string',
      short: 'o',
      valueName: 'file.xyz',
      description: 'write the best structure (and the low minima as later frames) as XYZ',
    },
    ...REFINE_OPTIONS,
    'refine-top': {
      type: 'integer',
      valueName: 'K',
      min: 1,
      description: 'with --refine: refine the K lowest minima (default 1, the best)',
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
    'Pair potentials (lj, morse; --seeding auto|on|off): the walk starts from motif seeds, the',
    'best occupations of Mackay and anti-Mackay icosahedral, Ino/Marks decahedral, fcc and twinned',
    'tetrahedral lattices found by a lattice search and relaxed (seconds at N = 150); one walk per',
    'seed, the best of each motif first, taking turns after 10·N + 300 steps without progress.',
    'A minimum found while seeding is reported as found after 0 steps.',
    '',
    'Examples:',
    '  superatom search --potential lj --atoms 38 --target -173.928427',
    '  superatom search --potential gupta:Au --atoms 20 --runs 4 -o au20.xyz --json',
    '  superatom search --potential gupta:Au --atoms 8 --refine xtb --refine-top 3',
    '',
    '--composition Au12Pd1 searches an alloy: basin hopping on the positions alternates with',
    'exchange moves (two unlike atoms swap places, relax, kept if lower) over the homotops; runs go',
    'one after another (seeds S, S+1, …). Potentials: gupta (Cleri–Rosato, mixed pairs averaged),',
    'gupta:aupd-avg|aupd-exp|aupd-dft (Pittaway et al. 2009), gupta:agau, eam (Zhou et al. 2004).',
    '  superatom search --potential gupta --composition Au12Pd1 --max-steps 200',
    '',
    '--refine xtb re-relaxes the K lowest minima (--refine-top, default 1) with xtb --opt (GFN2 →',
    'GFN2 at 2000 K → GFN1); the report gains "refined" (energies in eV) and -o writes the refined',
    'structures instead of the empirical minima. A --time-limit given also bounds each refinement.',
  ].join('\n'),
  async run(args: ParsedArgs, io: CliIO) {
    if (args.positionals.length) {
      throw new InputError('cli-positional', `unexpected argument "${args.positionals[0]}"`, {
        hint: 'see superatom search --help',
      });
    }
    const setup = searchSetup({
      potential: opt<string>(args, 'potential'),
      atoms: opt<number>(args, 'atoms'),
      method: opt<string>(args, 'method'),
      seed: opt<number>(args, 'seed'),
      runs: opt<number>(args, 'runs'),
      maxSteps: opt<number>(args, 'max-steps'),
      timeLimit: opt<number>(args, 'time-limit'),
      target: opt<number>(args, 'target'),
      patience: opt<number>(args, 'patience'),
      temperature: opt<number>(args, 'temperature'),
      population: opt<number>(args, 'population'),
      composition: opt<string>(args, 'composition'),
      seeding: opt<string>(args, 'seeding'),
    });
    const { spec, runs, timeLimit } = setup;
    const { atoms, method, seed } = spec;
    const maxSteps = spec.maxSteps;
    const target = spec.target;
    const pot = { name: setup.potentialName, energyUnit: setup.energyUnit, lengthUnit: setup.lengthUnit };
    const out = opt<string>(args, 'output');
    // a bad -o fails now, not after a search of --time-limit seconds
    if (out) checkWritable(out, io.cwd);
    const refineWith = opt<string>(args, 'refine');
    await checkRefine(refineWith, pot.lengthUnit);
    if (setup.composition) return runComposition(setup, args, io, out);
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
    const report = searchReport(setup, combined);
    if (!report) {
      // the time limit (or a cancellation) came before the first local minimisation finished
      io.stderr(
        `search: no local minimisation of ${atoms} atoms finished within ${best.stopReason === 'cancelled' ? 'the run (cancelled)' : `--time-limit ${timeLimit} s`}; nothing to report\n` +
          `  hint: raise --time-limit (one minimisation of N atoms evaluates N(N−1)/2 pairs hundreds of times) or search fewer atoms\n`,
      );
      return 1;
    }
    const refined = refineWith
      ? await refineForCli(
          refineWith,
          opt<string>(args, 'refine-method'),
          searchStructures(setup, combined, true).slice(0, opt<number>(args, 'refine-top') ?? 1),
          io,
          opt<number>(args, 'time-limit'),
        )
      : undefined;
    const full = refined ? { ...report, refined: refined.report } : report;
    io.record?.(full, {
      structures: refined?.structures ?? searchStructures(setup, combined),
      ...(refined
        ? { engine: { name: 'xtb', version: refined.report.engineVersion.replace(/^xtb /, '') } }
        : {}),
    });
    if (out)
      writeTextFile(out, writeXyz(refined?.structures ?? searchStructures(setup, combined, true)), io.cwd);
    if (args.options.json) {
      io.stdout(`${JSON.stringify(full, null, 2)}\n`);
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
        ...(refined ? formatRefine(refined.report, 'minimum') : []),
        ...(out ? [`wrote ${excerpt(out, 120)}`] : []),
      ];
      io.stdout(`${lines.join('\n')}\n`);
    }
    return refined && !refined.report.results.every((r) => r.converged) ? 1 : 0;
  },
};

/** `search --composition`: the homotop search in this thread, then the same report and outputs. */
async function runComposition(
  setup: SearchSetup,
  args: ParsedArgs,
  io: CliIO,
  out: string | undefined,
): Promise<number> {
  const outcome = runCompositionSearch(setup, { now: () => performance.now() });
  const report = searchReport(setup, outcome);
  if (!report) {
    io.stderr(
      `search: no local minimisation finished within --time-limit ${setup.timeLimit} s; nothing to report\n`,
    );
    return 1;
  }
  const refineWith = opt<string>(args, 'refine');
  const refined = refineWith
    ? await refineForCli(
        refineWith,
        opt<string>(args, 'refine-method'),
        searchStructures(setup, outcome, true).slice(0, opt<number>(args, 'refine-top') ?? 1),
        io,
        opt<number>(args, 'time-limit'),
      )
    : undefined;
  const full = {
    ...report,
    swapsTried: outcome.swapsTried,
    swapsAccepted: outcome.swapsAccepted,
    ...(refined ? { refined: refined.report } : {}),
  };
  io.record?.(full, {
    structures: refined?.structures ?? searchStructures(setup, outcome),
    ...(refined
      ? { engine: { name: 'xtb', version: refined.report.engineVersion.replace(/^xtb /, '') } }
      : {}),
  });
  if (out)
    writeTextFile(out, writeXyz(refined?.structures ?? searchStructures(setup, outcome, true)), io.cwd);
  if (args.options.json) {
    io.stdout(`${JSON.stringify(full, null, 2)}\n`);
  } else {
    const u = setup.energyUnit;
    const b = outcome.best;
    const lines = [
      `potential      ${setup.potentialName} (energies in ${u}, lengths in ${setup.lengthUnit})`,
      `composition    ${report.composition} (${setup.spec.atoms} atoms)`,
      `method         basin hopping + exchange moves, seed ${setup.spec.seed}${setup.runs > 1 ? `, ${setup.runs} runs (best: run ${outcome.bestRun})` : ''}`,
      `best energy    ${b.bestEnergy.toFixed(6)} ${u}${setup.spec.target !== undefined ? (outcome.reachedTarget ? '  (target reached)' : `  (target ${setup.spec.target} not reached)`) : ''}`,
      `found after    ${b.stepsToBest} steps, ${b.secondsToBest.toFixed(2)} s`,
      `search         ${outcome.steps} steps, ${outcome.evaluations} evaluations, ${outcome.seconds.toFixed(2)} s; exchanges ${outcome.swapsAccepted} kept of ${outcome.swapsTried}`,
      'lowest minima',
      ...outcome.minima.map((m, k) => `  ${String(k + 1).padStart(2)}  ${m.energy.toFixed(6)}`),
      ...(refined ? formatRefine(refined.report, 'minimum') : []),
      ...(out ? [`wrote ${excerpt(out, 120)}`] : []),
    ];
    io.stdout(`${lines.join('\n')}\n`);
  }
  return refined && !refined.report.results.every((r) => r.converged) ? 1 : 0;
}
