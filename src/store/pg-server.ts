/**
 * A throwaway PostgreSQL server on loopback for tests and benchmarks (../shared/RECIPES.md):
 * initdb into a temp folder (as user postgres when running as root), a free port, fsync off,
 * trust authentication; `stop()` shuts it down and removes the folder.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PostgresServer {
  readonly url: string;
  readonly version: string;
  stop(): void;
}

/** The folder holding initdb and pg_ctl, or null when PostgreSQL is not installed. */
export function findPostgresBin(): string | null {
  const env = process.env.SUPERATOM_PG_BIN;
  if (env && existsSync(join(env, 'initdb'))) return env;
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
      .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
    if (versions[0]) return join(base, versions[0], 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL binaries (initdb, pg_ctl) not found');
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'superatom-pg-'));
  const asPg = (cmd: string, args: string[]) => {
    const [file, argv] = root
      ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]]
      : [join(bin, cmd), args];
    return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  };
  try {
    if (root) execFileSync('chown', ['postgres', dir]);
    const data = join(dir, 'data');
    asPg('initdb', ['-D', data, '-U', 'superatom', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    let lastError: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      const port = await freePort();
      try {
        asPg('pg_ctl', [
          '-D',
          data,
          '-l',
          join(dir, 'log'),
          '-w',
          '-o',
          `-k ${dir} -h 127.0.0.1 -p ${port} -F -c fsync=off -c max_connections=50`,
          'start',
        ]);
        asPg('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'superatom', 'superatom']);
        const version = asPg('postgres', ['--version']).trim();
        return {
          url: `postgres://superatom@127.0.0.1:${port}/superatom`,
          version,
          stop() {
            try {
              asPg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
            } catch {
              /* already down */
            }
            rmSync(dir, { recursive: true, force: true });
          },
        };
      } catch (e) {
        lastError = e; // most likely the port was taken in between: try another
      }
    }
    throw lastError;
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
