/**
 * Open the results store named by `--db`, `SUPERATOM_DB` or the default file
 * `~/.local/share/superatom/superatom.db` (`$XDG_DATA_HOME/superatom/superatom.db` when set):
 * a postgres:// (or postgresql://) URL selects PostgreSQL, anything else is a SQLite file path.
 * The schema is brought up to date on open.
 */
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { SqlStore } from './sql-store.js';
import type { Store } from './types.js';

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** The store location: explicit, else $SUPERATOM_DB, else the default file; paths resolved against cwd. */
export function resolveLocation(
  explicit: string | undefined,
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const raw = explicit ?? (env.SUPERATOM_DB || undefined);
  if (raw !== undefined) {
    if (isPostgresUrl(raw)) return raw;
    const p = raw.startsWith('~/') ? join(homedir(), raw.slice(2)) : raw;
    return isAbsolute(p) ? p : resolve(cwd, p);
  }
  const dataHome =
    env.XDG_DATA_HOME && isAbsolute(env.XDG_DATA_HOME)
      ? env.XDG_DATA_HOME
      : join(homedir(), '.local', 'share');
  return join(dataHome, 'superatom', 'superatom.db');
}

/** Open (creating on first use) and migrate. Bad locations are InputErrors (CLI exit 2). */
export async function openStore(location: string, options: { migrate?: boolean } = {}): Promise<Store> {
  let store: Store;
  if (isPostgresUrl(location)) {
    const { openPostgresDriver } = await import('./postgres.js');
    store = new SqlStore(await openPostgresDriver(location));
  } else {
    const { openSqliteDriver } = await import('./sqlite.js');
    store = new SqlStore(openSqliteDriver(location));
  }
  if (options.migrate !== false) {
    try {
      await store.migrate();
    } catch (e) {
      await store.close();
      throw e;
    }
  }
  return store;
}
