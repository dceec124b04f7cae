/**
 * Test helpers for the queue: a throwaway Redis server on loopback (../shared/RECIPES.md), the
 * built CLI (dist/, which `npm test` builds first) spawned in its own process group, and waiting
 * on conditions. Everything started here is killed by `stop()`/`kill()`, also on failure.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(REPO, 'bin', 'superatom.js');
export const REQUIRED = process.env.SUPERATOM_REQUIRE_ENGINES === '1';

/** Why the queue's process tests cannot run here, or null. */
export function processSkipReason(needRedis: boolean): string | null {
  const why: string[] = [];
  if (
    !existsSync(join(REPO, 'dist', 'queue', 'processor.js')) ||
    !existsSync(join(REPO, 'dist', 'cli', 'commands', 'screen.js'))
  )
    why.push('dist/ is not built (npm run build; npm test builds it first)');
  if (needRedis && spawnSync('redis-server', ['--version']).error)
    why.push('redis-server is not installed (Debian redis-server)');
  if (!why.length) return null;
  if (REQUIRED) throw new Error(`SUPERATOM_REQUIRE_ENGINES=1 but ${why.join('; ')}`);
  return why.join('; ');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export async function waitFor(
  what: string,
  test: () => Promise<boolean> | boolean,
  timeoutMs: number,
  everyMs = 50,
): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (performance.now() < end) {
    if (await test()) return;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

export interface RedisServer {
  readonly url: string;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), 'superatom-redis-'));
  const port = await freePort();
  const child = spawn(
    'redis-server',
    [
      '--bind',
      '127.0.0.1',
      '--port',
      String(port),
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
      '--maxmemory-policy',
      'noeviction',
      '--daemonize',
      'no',
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(
      'redis-server to listen',
      () =>
        new Promise<boolean>((resolve) => {
          const s = new Socket();
          s.once('error', () => resolve(false));
          s.connect(port, '127.0.0.1', () => {
            s.destroy();
            resolve(true);
          });
        }),
      10_000,
    );
  } catch (e) {
    await stop();
    throw e;
  }
  return { url: `redis://127.0.0.1:${port}`, stop };
}

export interface CliProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  out: string;
  err: string;
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Signal the whole process group (the CLI and its children). */
  kill(signal: NodeJS.Signals): void;
  alive(): boolean;
}

/** `node bin/superatom.js …` in its own process group. */
export function spawnCli(args: readonly string[], env: NodeJS.ProcessEnv = {}, cwd = REPO): CliProcess {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, OMP_NUM_THREADS: '1', XTBPATH: process.env.XTBPATH ?? '/usr/share/xtb', ...env },
  });
  const p: CliProcess = {
    child,
    pid: child.pid!,
    out: '',
    err: '',
    exit: new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal }))),
    kill(signal) {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        /* gone */
      }
    },
    alive() {
      try {
        process.kill(-child.pid!, 0);
        return true;
      } catch {
        return false;
      }
    },
  };
  child.stdout!.setEncoding('utf8').on('data', (t: string) => {
    p.out += t;
  });
  child.stderr!.setEncoding('utf8').on('data', (t: string) => {
    p.err += t;
  });
  return p;
}

/** Kill every process group still alive and wait for them (test clean-up). */
export async function killAll(procs: readonly CliProcess[]): Promise<void> {
  for (const p of procs) p.kill('SIGKILL');
  await Promise.all(procs.map((p) => p.exit));
  await waitFor('killed process groups to be gone', () => procs.every((p) => !p.alive()), 10_000).catch(
    () => {},
  );
}

/** A plan of `n` candidates (55-atom icosahedra, counted, built and relaxed on Gupta). */
export const PLAN_200 = `name: queue-200
space:
  - formula: "[{M}{H}54]{q}"
    vars:
      M: [Ni, Cu, Pd, Ag, Pt, Au, Al, W, Mo, Re]
      H: [Cu, Ag, Au, Pt]
      q: [-2, -1, 0, 1, 2]
pipeline:
  - count: {}
  - build: { shape: icosahedron }
  - relax: { potential: gupta, maxIterations: 3000 }
rank:
  - { by: closed, order: desc }
  - { by: relaxEnergyPerAtom, order: asc }
attempts: 3
`;

/**
 * The same design space on 147-atom icosahedra (jobs of ~0.1 s instead of ~0.02 s): a worker
 * killed "while it holds a job" then almost always dies inside the computation, not between jobs.
 */
export const PLAN_200_147 = PLAN_200.replace('name: queue-200', 'name: queue-200-147').replace(
  '{H}54]',
  '{H}146]',
);
