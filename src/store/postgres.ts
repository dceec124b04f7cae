/**
 * The PostgreSQL driver (pg 8): one connection per process; JSON columns are jsonb, times
 * timestamptz. Migrations take a transaction-scoped advisory lock so two processes opening a
 * fresh database at once do not both create the tables.
 */
import pg from 'pg';
import { InputError } from '../core/errors.js';
import type { Driver, Row } from './sql-store.js';

/** Advisory lock key for migrations ("superatom" in a 32-bit number). */
const MIGRATION_LOCK = 0x5a70_a701;

/** The URL without its password, for messages and provenance. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}

function pgError(location: string, e: unknown): never {
  const err = e as { code?: string; message?: string };
  const code = err.code ?? '';
  if (code === '42501' || code === '25006' || code === '53100') {
    throw new InputError(
      'store-unwritable',
      `cannot write the results database ${location}: ${err.message} (${code})`,
      {
        hint: 'use a database and role that may create tables and insert rows',
      },
    );
  }
  throw e;
}

export async function openPostgresDriver(url: string): Promise<Driver> {
  const location = redactUrl(url);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  // an idle connection dropped by the server must not crash the process with an unhandled 'error'
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (e) {
    const err = e as { code?: string; message?: string };
    throw new InputError(
      'store-connect',
      `cannot connect to the results database ${location}: ${err.message ?? String(e)}${err.code ? ` (${err.code})` : ''}`,
      { hint: 'is the PostgreSQL server running and the URL right? postgres://user@host:port/database' },
    );
  }
  let depth = 0;
  const q = async (sql: string, params?: readonly unknown[]) => {
    try {
      return await client.query(sql, params as unknown[] | undefined);
    } catch (e) {
      return pgError(location, e);
    }
  };
  return {
    backend: 'postgres',
    location,
    param: (i) => `$${i}`,
    jsonParam: (i) => `$${i}::jsonb`,
    exec: async (sql) => void (await q(sql)),
    all: async (sql, params) => (await q(sql, params)).rows as Row[],
    run: async (sql, params) => (await q(sql, params)).rowCount ?? 0,
    async transaction(fn, exclusive) {
      if (depth > 0) return fn();
      await q('BEGIN');
      depth++;
      try {
        if (exclusive) await q(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
        const out = await fn();
        await q('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        depth--;
      }
    },
    readJson: (x) => x,
    readTime: (x) => (x instanceof Date ? x.toISOString() : new Date(String(x)).toISOString()),
    async close() {
      await client.end().catch(() => {});
    },
  };
}
