/**
 * The SQLite driver (better-sqlite3 12: synchronous, in-process, one file). WAL mode so readers
 * never block the writer and a killed writer leaves the file consistent; synchronous=NORMAL (in
 * WAL mode a committed transaction survives a killed process, though not a power cut); a 15 s
 * busy timeout so concurrent writers queue instead of failing; every write transaction
 * is BEGIN IMMEDIATE (takes the write lock up front, so it cannot fail half-way on a lock upgrade).
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { InputError } from '../core/errors.js';
import type { Driver, Row } from './sql-store.js';

const BUSY_TIMEOUT_MS = 15_000;

function sqliteError(path: string, e: unknown): never {
  const code = (e as { code?: string }).code ?? '';
  const msg = e instanceof Error ? e.message : String(e);
  if (
    /^SQLITE_(READONLY|CANTOPEN|PERM|NOTADB|CORRUPT|FULL|IOERR|AUTH)/.test(code) ||
    /^E[A-Z]+$/.test(code)
  ) {
    throw new InputError(
      'store-unwritable',
      code === 'SQLITE_NOTADB'
        ? `${path} is not a SQLite database (${msg})`
        : `cannot write the results database ${path}: ${msg} (${code})`,
      {
        hint: 'give a writable file with --db <path> or SUPERATOM_DB=<path>, or a postgres:// URL',
      },
    );
  }
  throw e;
}

export function openSqliteDriver(path: string): Driver {
  try {
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
      throw new InputError('store-unwritable', `the results database ${path} is a folder, not a file`, {
        hint: `give a file name, e.g. --db ${path.replace(/\/$/, '')}/superatom.db`,
      });
    }
    mkdirSync(dirname(path), { recursive: true });
  } catch (e) {
    if (e instanceof InputError) throw e;
    const err = e as NodeJS.ErrnoException;
    throw new InputError(
      'store-unwritable',
      `cannot create the folder for the results database ${path}: ${err.code ?? err.message}`,
      { hint: 'give a writable file with --db <path> or SUPERATOM_DB=<path>' },
    );
  }
  let db: Database.Database;
  try {
    db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
  } catch (e) {
    sqliteError(path, e);
  }
  const cache = new Map<string, Database.Statement>();
  const stmt = (sql: string) => {
    let s = cache.get(sql);
    if (!s) {
      s = db.prepare(sql);
      cache.set(sql, s);
    }
    return s;
  };
  let depth = 0;
  const guard = <T>(f: () => T): T => {
    try {
      return f();
    } catch (e) {
      return sqliteError(path, e);
    }
  };
  return {
    backend: 'sqlite',
    location: path,
    param: () => '?',
    jsonParam: () => '?',
    exec: async (sql) => guard(() => void db.exec(sql)),
    all: async (sql, params = []) => guard(() => stmt(sql).all(...params) as Row[]),
    run: async (sql, params = []) => guard(() => stmt(sql).run(...params).changes),
    async transaction(fn) {
      if (depth > 0) return fn();
      guard(() => db.exec('BEGIN IMMEDIATE'));
      depth++;
      try {
        const out = await fn();
        guard(() => db.exec('COMMIT'));
        return out;
      } catch (e) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw e;
      } finally {
        depth--;
      }
    },
    readJson: (x) => (typeof x === 'string' ? JSON.parse(x) : x),
    readTime: (x) => String(x),
    async close() {
      cache.clear();
      if (db.open) db.close();
    },
  };
}
