/**
 * `superatom serve`: the workbench page and its JSON API over HTTP (src/serve/), loopback by
 * default, until Ctrl-C (SIGINT) or SIGTERM.
 */
import { InputError } from '../../core/errors.js';
import { startServer } from '../../serve/server.js';
import { openStore, resolveLocation } from '../../store/index.js';
import type { Store } from '../../store/types.js';
import type { Command } from '../command.js';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the workbench page and a JSON API (formula, count, isotopes, assign, analyze, results)',
  usage:
    'superatom serve [--port 8080] [--host 127.0.0.1] [--db path|postgres://…] [--no-store] [--max-body MB] [--time-limit s] [--workers n]',
  options: {
    port: {
      type: 'integer',
      valueName: 'n',
      default: 8080,
      min: 0,
      max: 65535,
      description: 'TCP port (0: any free port)',
    },
    host: {
      type: 'string',
      valueName: 'address',
      default: '127.0.0.1',
      description: 'address to listen on; anything but loopback exposes the API to the network',
    },
    db: {
      type: 'string',
      valueName: 'path|postgres://…',
      description:
        'results store for /api/results (default $SUPERATOM_DB, else ~/.local/share/superatom/superatom.db)',
    },
    'no-store': { type: 'boolean', description: 'serve without a results store (/api/results answers 503)' },
    'max-body': {
      type: 'integer',
      valueName: 'MB',
      default: 8,
      min: 1,
      max: 1024,
      description: 'largest request body, MB (larger: HTTP 413)',
    },
    'time-limit': {
      type: 'number',
      valueName: 's',
      default: 20,
      min: 0.01,
      max: 3600,
      description: 'time budget of one computation, s (longer: HTTP 422 time-limit)',
    },
    workers: {
      type: 'integer',
      valueName: 'n',
      default: 2,
      min: 1,
      max: 64,
      description: 'worker threads that compute',
    },
  },
  help: [
    'Serves the page built by `npm run build:web` (dist/web) and the JSON API described in docs/serve.md:',
    '  POST /api/formula|count|isotopes|assign|analyze   bodies use the CLI flag names, answers are the --json reports',
    '  GET  /api/health, GET /api/results[?formula=&kind=&since=&elements=&electrons=&point-group=&limit=],',
    '  GET  /api/results/<id>, POST /api/results { kind, report, inputs? }',
    'Errors are JSON { error: { code, message, line?, column?, hint? } } with HTTP 400 (malformed request),',
    '413 (body over --max-body), 415 (not JSON), 422 (bad chemistry input, or over --time-limit), 503 (busy).',
    '',
    'Examples:',
    '  superatom serve',
    '  superatom serve --port 9000 --db results.db',
    `  curl -s -H 'content-type: application/json' -d '{"formula":"[Au25(SR)18]-"}' http://127.0.0.1:8080/api/count`,
  ].join('\n'),
  async run(args, io) {
    if (args.positionals.length) {
      throw new InputError('cli-positional', `unexpected argument "${args.positionals[0]}"`, {
        hint: 'superatom serve [--port 8080] [--host 127.0.0.1]',
      });
    }
    const o = args.options;
    const host = String(o.host ?? '127.0.0.1');
    let store: Store | null = null;
    if (!o['no-store']) {
      const location = resolveLocation(o.db as string | undefined, io.cwd);
      try {
        store = await openStore(location);
      } catch (e) {
        if (o.db !== undefined) throw e;
        io.stderr(`serve: no results store (${(e as Error).message}); /api/results answers 503\n`);
      }
    }
    let server: Awaited<ReturnType<typeof startServer>>;
    try {
      server = await startServer({
        port: o.port as number,
        host,
        store,
        maxBodyBytes: Math.round((o['max-body'] as number) * 1024 * 1024),
        timeLimitMs: Math.round((o['time-limit'] as number) * 1000),
        workers: o.workers as number,
      });
    } catch (e) {
      await store?.close();
      const code = (e as { code?: string }).code;
      if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
        throw new InputError('serve-listen', `cannot listen on ${host}:${o.port} (${code})`, {
          hint:
            code === 'EADDRINUSE'
              ? 'choose another --port, or --port 0 for any free one'
              : 'check --host and --port',
        });
      }
      throw e;
    }
    io.stderr(`superatom serve: ${server.url}  (Ctrl-C stops)\n`);
    if (!server.pageBuilt)
      io.stderr('  the page is not built: run npm run build:web (the JSON API works meanwhile)\n');
    io.stderr(
      `  store: ${store ? store.location : 'none'}; computing in ${server.runner.mode === 'worker' ? `${o.workers} worker thread(s), ${o['time-limit']} s per request` : 'this thread (no compiled worker: no time limit)'}\n`,
    );
    if (!/^(127\.|::1$|localhost$)/.test(host)) {
      io.stderr(
        `  warning: listening on ${host}, not loopback: anyone who can reach it can use the API and the store\n`,
      );
    }
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await server.close();
    await store?.close();
    return 0;
  },
};
