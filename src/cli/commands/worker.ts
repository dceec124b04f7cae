/**
 * `superatom worker --queue redis://…`: a BullMQ worker for screening jobs. Each job runs in a
 * sandboxed child process and writes its result to the store (--db / SUPERATOM_DB) once per job id.
 * SIGTERM/SIGINT stop it gracefully: running jobs finish, then it exits 0.
 */
import { InputError } from '../../core/errors.js';
import type { Command } from '../command.js';

export const workerCommand: Command = {
  name: 'worker',
  summary: 'run screening jobs from a BullMQ/Redis queue (superatom screen --queue) into the results store',
  usage:
    'superatom worker --queue redis://host:port [--db path|postgres://…] [--concurrency N] [--name label]',
  help: [
    'Takes jobs submitted by `superatom screen plan.yaml --queue redis://…` and runs each in a',
    'sandboxed child process (engines never block the worker). Any number of workers on any number',
    'of machines may share one queue and one store (PostgreSQL for several machines). A worker killed',
    'mid-job loses nothing: its job is taken by another worker within a few seconds (lock 3 s,',
    'stalled check every 1 s); results are written once per job id. Failed jobs are retried with',
    'exponential back-off (1 s, 2 s, 4 s …) up to the plan’s attempts.',
  ].join('\n'),
  options: {
    queue: { type: 'string', valueName: 'redis://…', description: 'the Redis URL of the queue (required)' },
    db: {
      type: 'string',
      valueName: 'path|postgres://…',
      description: 'results database (default $SUPERATOM_DB, else ~/.local/share/superatom/superatom.db)',
    },
    concurrency: {
      type: 'integer',
      min: 1,
      max: 64,
      default: 1,
      description: 'jobs at once (child processes)',
    },
    name: {
      type: 'string',
      valueName: 'label',
      description: 'worker label in the job log (default host:pid)',
    },
  },
  async run(args, io) {
    if (args.positionals.length > 0)
      throw new InputError(
        'cli-extra-argument',
        `unexpected argument "${args.positionals[0]!.slice(0, 40)}"`,
        {
          hint: 'worker takes options only, e.g. superatom worker --queue redis://127.0.0.1:6379 --db postgres://…',
        },
      );
    const url = args.options.queue as string | undefined;
    if (!url)
      throw new InputError('worker-queue', 'superatom worker needs --queue redis://…', {
        hint: 'e.g. --queue redis://127.0.0.1:6379',
      });
    const { openStore, resolveLocation } = await import('../../store/open.js');
    const { startWorker, checkRedis } = await import('../../queue/bull.js');
    const { workerLabel } = await import('../../queue/execute.js');
    await checkRedis(url); // before the store is opened: a wrong URL fails fast with exit 2
    const location = resolveLocation(args.options.db as string | undefined, io.cwd);
    const store = await openStore(location);
    const label = workerLabel(args.options.name as string | undefined);
    const handle = await startWorker({
      url,
      store,
      storeLocation: location,
      concurrency: (args.options.concurrency as number | undefined) ?? 1,
      label,
      onEvent: (t) => io.stderr(`${t}\n`),
    });
    io.stderr(`worker ${label} ready on ${url}\n`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    });
    io.stderr(`worker ${label}: stopping after the running jobs\n`);
    await handle.close();
    await store.close();
    return 0;
  },
};
