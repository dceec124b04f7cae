/**
 * `superatom screen`: high-throughput screening. A plan (YAML/JSON) is expanded into jobs whose ids
 * are the hash of their inputs; the jobs run embedded (worker threads, the SQLite store, resumable)
 * or on a BullMQ queue (`--queue redis://…`, run by `superatom worker`), or are exported as a SLURM
 * array / shell fan-out; the results are ranked and written as a table, CSV or JSON lines.
 */
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../core/errors.js';
import { readStructureFile, writeTextFile } from '../../node/files.js';
import { createProgressBar } from '../../node/progress-bar.js';
import { readTextFile } from '../../node/read.js';
import { findScreen, planOf, screenRows } from '../../queue/screens.js';
import { expandPlan, type JobInputs, screenIdOf } from '../../screen/expand.js';
import { parsePlan, type RankKey } from '../../screen/plan.js';
import { formatTable, toCsv, toJsonLines } from '../../screen/rank.js';
import type { ScreenInfo, Store } from '../../store/index.js';
import type { ParsedArgs } from '../args.js';
import type { CliIO, Command } from '../command.js';

const ACTIONS = ['run', 'resume', 'status', 'cancel', 'results', 'export', 'run-job', 'list'] as const;
type Action = (typeof ACTIONS)[number];

async function open(args: ParsedArgs, io: CliIO): Promise<{ store: Store; location: string }> {
  const { openStore, resolveLocation } = await import('../../store/open.js');
  const location = resolveLocation(args.options.db as string | undefined, io.cwd);
  return { store: await openStore(location), location };
}

function workersOf(args: ParsedArgs): number {
  const w = args.options.workers as number | undefined;
  return w ?? Math.max(1, Math.min(4, availableParallelism()));
}

async function runOrSubmit(store: Store, s: ScreenInfo, args: ParsedArgs, io: CliIO): Promise<number> {
  const queue = args.options.queue as string | undefined;
  const plan = planOf(s);
  if (queue) {
    const { submitJobs } = await import('../../queue/bull.js');
    const pending = await store.jobs.pending(s.id);
    const n = await submitJobs(queue, s.id, pending, plan.attempts);
    if (args.options.json)
      io.stdout(`${JSON.stringify({ screen: s.id, name: s.name, jobs: s.jobs, submitted: n })}\n`);
    else
      io.stdout(
        `screen ${s.id.slice(0, 12)} "${s.name}": ${s.jobs} jobs, ${n} submitted to ${queue}\nworkers: superatom worker --queue ${queue} --db <this store>; progress: superatom screen status ${s.id.slice(0, 12)}\n`,
      );
    return 0;
  }
  const { runEmbedded } = await import('../../queue/embedded.js');
  const bar = createProgressBar(io.stderr, io.stderrIsTTY);
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  try {
    const summary = await runEmbedded(store, s.id, {
      workers: workersOf(args),
      attempts: plan.attempts,
      signal: controller.signal,
      onProgress: (done, total, failed) =>
        bar.update(total ? done / total : 1, `${done}/${total} jobs${failed ? `, ${failed} failed` : ''}`),
    });
    bar.done();
    const status = await store.jobs.status(s.id);
    if (args.options.json) {
      io.stdout(`${JSON.stringify({ screen: s.id, name: s.name, ...summary, status })}\n`);
    } else {
      io.stdout(
        `screen ${s.id.slice(0, 12)} "${s.name}": ${status.done}/${status.total} done, ${status.failed} failed${summary.cancelled ? ' (cancelled)' : ''}\n`,
      );
      const rows = await screenRows(store, s);
      const top = (args.options.top as number | undefined) ?? 20;
      io.stdout(`${formatTable(rows.slice(0, top))}\n`);
      if (rows.length > top)
        io.stdout(`… ${rows.length - top} more: superatom screen results ${s.id.slice(0, 12)}\n`);
    }
    return status.failed > 0 || summary.cancelled ? 1 : 0;
  } finally {
    process.off('SIGINT', onSignal);
  }
}

/** Parse a plan file, expand it and record the screen and its jobs (idempotent). */
async function register(store: Store, file: string, io: CliIO): Promise<ScreenInfo> {
  const text = readTextFile(file, io.cwd, 'plan');
  const plan = parsePlan(text, file);
  // structure files are read relative to the plan's folder
  const base = dirname(resolve(io.cwd, file));
  const candidates = expandPlan(plan, (path) =>
    readStructureFile(path, base).map((s) => ({
      numbers: Array.from(s.numbers),
      positions: Array.from(s.positions),
      charge: s.charge,
    })),
  );
  const id = screenIdOf(plan, candidates);
  await store.jobs.addScreen(
    { id, name: plan.name, plan: { text, plan }, createdAt: new Date().toISOString() },
    candidates.map((c) => ({ jobId: c.jobId, index: c.index, vars: c.vars, inputs: c.inputs })),
  );
  return (await store.jobs.getScreen(id))!;
}

async function start(args: ParsedArgs, io: CliIO, file: string): Promise<number> {
  // a bad plan fails before any database is opened or created
  parsePlan(readTextFile(file, io.cwd, 'plan'), file);
  const { store } = await open(args, io);
  try {
    return await runOrSubmit(store, await register(store, file, io), args, io);
  } finally {
    await store.close();
  }
}

/** The superatom command line on this machine (node + bin/superatom.js), for exported scripts. */
function selfCommand(): string {
  const bin = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'bin', 'superatom.js');
  const q = (s: string) => (/^[\w./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  return `${q(process.execPath)} ${q(bin)}`;
}

export const screenCommand: Command = {
  name: 'screen',
  summary:
    'high-throughput screening: a plan of candidates through count/build/relax/xtb, embedded, on a Redis queue or SLURM; ranked results',
  usage: [
    'superatom screen <plan.yaml|plan.json> [--queue redis://…] [--workers N] [--db …]',
    'superatom screen resume|status|cancel|results|export [<screen>] [--db …]   (status --watch: live)',
    'superatom screen results [<screen>] [--format table|csv|jsonl] [-o file]',
    'superatom screen results [<screen>] --svg plot.svg [--property gap|electrons|…] [--x var] [--series var]',
    'superatom screen export [<screen>|<plan.yaml>] --slurm [-o dir] [--parallel N]',
    'superatom screen run-job <job-id> [--db …]   superatom screen list',
  ].join('\n'),
  help: [
    'A plan lists formula templates with variables or structure files (the design space), the',
    'pipeline each candidate goes through (count → filter → build → relax → refine with xtb) and the',
    'ranking; see',
    'docs/screening.md. Each job id is the SHA-256 of the job inputs (formula + pipeline), so',
    'running or submitting a plan again only runs jobs that have no result yet.',
    '',
    'Without --queue the jobs run here on worker threads (--workers, default min(4, cores)) and the',
    'results go to the store (--db, default SQLite); after a crash, `screen resume` runs the rest.',
    'With --queue redis://host:port the jobs are submitted to Redis for `superatom worker` processes.',
    '`screen export --slurm` writes screen.slurm (a job array), fanout.sh (xargs) and jobs.txt.',
    '',
    'Reported: electrons (e) and verdict of the primary counting rule, relax energy per atom (eV, the',
    'empirical potential), the xtb HOMO–LUMO gap (eV) and total energy (eV).',
    '<screen> is a screen id (or a prefix of ≥ 4 hex digits) or a plan name; default the newest.',
  ].join('\n'),
  options: {
    db: {
      type: 'string',
      valueName: 'path|postgres://…',
      description: 'results database (default $SUPERATOM_DB, else ~/.local/share/superatom/superatom.db)',
    },
    queue: { type: 'string', valueName: 'redis://…', description: 'submit to this BullMQ/Redis queue' },
    workers: { type: 'integer', min: 0, max: 256, description: 'embedded worker threads (0: this thread)' },
    format: {
      type: 'string',
      choices: ['table', 'csv', 'jsonl'],
      default: 'table',
      description: 'results format',
    },
    output: {
      type: 'string',
      short: 'o',
      valueName: 'path',
      description: 'results file, or the export folder',
    },
    top: { type: 'integer', min: 1, description: 'rows of the table shown after a run (default 20)' },
    svg: {
      type: 'string',
      valueName: 'file.svg',
      description: 'results: plot a property (--property) against a plan variable (--x) as SVG',
    },
    property: {
      type: 'string',
      choices: ['gap', 'electrons', 'energy', 'energyPerAtom', 'relaxEnergyPerAtom', 'charge'],
      description: 'the plotted property (default gap; eV, e or eV/atom)',
    },
    x: {
      type: 'string',
      valueName: 'var',
      description: 'plot: the variable on the x axis (default the first)',
    },
    series: { type: 'string', valueName: 'var', description: 'plot: one colour per value of this variable' },
    watch: { type: 'boolean', description: 'status: follow the screen until every job is done or failed' },
    slurm: { type: 'boolean', description: 'export a SLURM job array and a shell fan-out' },
    parallel: {
      type: 'integer',
      min: 1,
      max: 1024,
      description: 'processes at once in fanout.sh (default 2)',
    },
    command: {
      type: 'string',
      valueName: 'cmd',
      description: 'how exported scripts call superatom (default this install)',
    },
    json: { type: 'boolean', description: 'print JSON' },
  },
  async run(args, io) {
    const [first, second] = args.positionals;
    if (first === undefined) {
      throw new InputError('screen-args', 'give a plan file or an action', {
        hint: `superatom screen plan.yaml, or one of: ${ACTIONS.join(', ')}`,
      });
    }
    if (!ACTIONS.includes(first as Action)) return start(args, io, first);
    const action = first as Action;
    if (action === 'run') {
      if (!second)
        throw new InputError('screen-args', 'screen run needs a plan file', {
          hint: 'superatom screen run plan.yaml',
        });
      return start(args, io, second);
    }
    const { store, location } = await open(args, io);
    try {
      switch (action) {
        case 'list': {
          const all = await store.jobs.listScreens();
          if (args.options.json) io.stdout(`${JSON.stringify(all.map(({ plan: _p, ...s }) => s))}\n`);
          else
            for (const s of all)
              io.stdout(
                `${s.id.slice(0, 12)}  ${s.createdAt}  ${s.jobs} jobs  ${s.name}${s.cancelledAt ? '  (cancelled)' : ''}\n`,
              );
          return 0;
        }
        case 'run-job': {
          if (!second) throw new InputError('screen-args', 'screen run-job needs a job id');
          const job = await store.jobs.job(second);
          if (!job)
            throw new InputError('screen-job', `no job ${second} in ${location}`, {
              hint: 'job ids are in jobs.txt of screen export',
            });
          const { recordJob, workerLabel } = await import('../../queue/execute.js');
          try {
            const r = await recordJob(store, job.jobId, job.inputs as JobInputs, workerLabel());
            io.stdout(`${job.jobId} ${r.skipped ? 'already done' : r.saved ? 'done' : 'done (duplicate)'}\n`);
            return 0;
          } catch (e) {
            io.stderr(`${job.jobId} failed: ${e instanceof Error ? e.message : String(e)}\n`);
            return 1;
          }
        }
        case 'resume': {
          const s = await findScreen(store, second);
          if (s.cancelledAt)
            throw new InputError('screen-cancelled', `screen ${s.id.slice(0, 12)} was cancelled`);
          return await runOrSubmit(store, s, args, io);
        }
        case 'status': {
          const s = await findScreen(store, second);
          let st = await store.jobs.status(s.id);
          if (args.options.watch) {
            // live view: redraw until every job has a result or failed (or the screen is cancelled)
            const bar = createProgressBar(io.stderr, io.stderrIsTTY);
            while (!st.cancelled && st.done + st.failed < st.total) {
              bar.update(
                st.total ? st.done / st.total : 1,
                `${st.done}/${st.total} done, ${st.running} running, ${st.failed} failed`,
              );
              await new Promise((r) => setTimeout(r, 1000));
              st = await store.jobs.status(s.id);
            }
            bar.done();
          }
          let queue: Record<string, number> | undefined;
          if (args.options.queue)
            queue = await (await import('../../queue/bull.js')).queueCounts(String(args.options.queue));
          if (args.options.json)
            io.stdout(
              `${JSON.stringify({ screen: s.id, name: s.name, ...st, ...(queue ? { queue } : {}) })}\n`,
            );
          else
            io.stdout(
              `screen ${s.id.slice(0, 12)} "${s.name}"${st.cancelled ? ' (cancelled)' : ''}: ${st.done}/${st.total} done, ${st.running} running, ${st.pending} pending, ${st.failed} failed; ${st.starts} starts, ${st.duplicates} duplicate results ignored, ${st.errors} errors${
                queue
                  ? `\nqueue: ${Object.entries(queue)
                      .map(([k, v]) => `${k} ${v}`)
                      .join(', ')}`
                  : ''
              }\n`,
            );
          return 0;
        }
        case 'cancel': {
          const s = await findScreen(store, second);
          await store.jobs.cancel(s.id, new Date().toISOString());
          let removed = 0;
          if (args.options.queue) {
            const { removeQueued } = await import('../../queue/bull.js');
            removed = await removeQueued(
              String(args.options.queue),
              (await store.jobs.pending(s.id)).map((j) => j.jobId),
            );
          }
          io.stdout(
            `screen ${s.id.slice(0, 12)} cancelled${args.options.queue ? `; ${removed} queued jobs removed` : ''}\n`,
          );
          return 0;
        }
        case 'results': {
          const s = await findScreen(store, second);
          const rows = await screenRows(store, s);
          if (args.options.svg !== undefined) {
            const { propertyPlotSvg } = await import('../../screen/plot.js');
            const names = [...new Set(rows.flatMap((r) => Object.keys(r.vars)))];
            const x = (args.options.x as string | undefined) ?? names[0];
            for (const [opt, v] of [
              ['--x', x],
              ['--series', args.options.series],
            ] as const) {
              if (v !== undefined && !names.includes(String(v)))
                throw new InputError('screen-plot', `${opt} ${String(v)} is not a variable of this screen`, {
                  hint: `variables: ${names.join(', ') || '(none)'}`,
                });
            }
            if (x === undefined)
              throw new InputError('screen-plot', 'this screen has no variables to plot against');
            const svg = propertyPlotSvg(rows, {
              y: ((args.options.property as string | undefined) ?? 'gap') as RankKey,
              x,
              ...(args.options.series !== undefined ? { series: String(args.options.series) } : {}),
              title: `${s.name}: ${String(args.options.property ?? 'gap')} vs ${x}`,
            });
            const full = writeTextFile(String(args.options.svg), svg, io.cwd, '--svg');
            io.stdout(`plot of ${rows.length} results → ${full}\n`);
            return 0;
          }
          const format = args.options.json ? 'jsonl' : String(args.options.format ?? 'table');
          const text =
            format === 'csv'
              ? toCsv(rows)
              : format === 'jsonl'
                ? toJsonLines(rows)
                : `${formatTable(rows)}\n`;
          if (args.options.output) {
            const full = writeTextFile(String(args.options.output), text, io.cwd);
            io.stdout(`${rows.length} results → ${full}\n`);
          } else io.stdout(text);
          return 0;
        }
        case 'export': {
          if (!args.options.slurm)
            throw new InputError('screen-export', 'say what to export: --slurm', {
              hint: 'superatom screen export --slurm -o run/',
            });
          const s =
            second && /\.(ya?ml|json)$/i.test(second)
              ? await register(store, second, io)
              : await findScreen(store, second);
          const { fanoutScript, jobsFile, slurmScript } = await import('../../queue/slurm.js');
          const jobIds = (await store.jobs.pending(s.id)).map((j) => j.jobId);
          const o = {
            screenName: s.name,
            screenId: s.id,
            jobIds,
            db: location,
            command: (args.options.command as string | undefined) ?? selfCommand(),
            ...(args.options.parallel ? { parallel: args.options.parallel as number } : {}),
          };
          const dir = String(args.options.output ?? `screen-${s.id.slice(0, 12)}`);
          writeTextFile(join(dir, 'jobs.txt'), jobsFile(jobIds), io.cwd);
          writeTextFile(join(dir, 'screen.slurm'), slurmScript(o), io.cwd);
          const fan = writeTextFile(join(dir, 'fanout.sh'), fanoutScript(o), io.cwd);
          io.stdout(`${jobIds.length} pending jobs → ${dirname(fan)}/{jobs.txt,screen.slurm,fanout.sh}\n`);
          return 0;
        }
      }
    } finally {
      await store.close();
    }
  },
};
