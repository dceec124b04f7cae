/**
 * Test helpers for the store: fresh databases of either back end, and the writer child process
 * bundled to plain JavaScript (rolldown, which vitest already brings) so it runs under `node`.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { findPostgresBin, type PostgresServer, startPostgres } from './pg-server.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = join(HERE, '..', '..');

export interface Backend {
  readonly name: 'sqlite' | 'postgres';
  /** A new, empty database: a file path or a postgres:// URL. */
  fresh(): Promise<string>;
  teardown(): Promise<void>;
}

export function sqliteBackend(): Backend {
  const dir = mkdtempSync(join(tmpdir(), 'superatom-store-'));
  let k = 0;
  return {
    name: 'sqlite',
    fresh: async () => join(dir, `db${++k}`, 'results.db'),
    teardown: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Why the PostgreSQL tests cannot run here, or null when they can. */
export function postgresSkipReason(): string | null {
  if (process.env.SUPERATOM_TEST_PG_URL) return null;
  // CI (.ci/run) requires the PostgreSQL tests: then a missing server fails them instead of skipping
  if (process.env.SUPERATOM_REQUIRE_PG) return null;
  return findPostgresBin()
    ? null
    : 'PostgreSQL binaries (initdb/pg_ctl) not found: install Debian postgresql (bash .ci/run does) — the PostgreSQL back end is NOT TESTED in this run';
}

/** A throwaway server (or SUPERATOM_TEST_PG_URL); each fresh() is a new database in it. */
export async function postgresBackend(): Promise<Backend> {
  let server: PostgresServer | undefined;
  let base = process.env.SUPERATOM_TEST_PG_URL;
  if (!base) {
    server = await startPostgres();
    base = server.url;
  }
  let k = 0;
  const tag = `t${process.pid}_${Date.now().toString(36)}`;
  return {
    name: 'postgres',
    async fresh() {
      const name = `${tag}_${++k}`;
      const admin = new pg.Client({ connectionString: base });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const u = new URL(base!);
      u.pathname = `/${name}`;
      return u.toString();
    },
    async teardown() {
      server?.stop();
    },
  };
}

let bundled: Promise<string> | undefined;

/** The writer child (testing-writer.ts) as one .mjs file under node_modules/.cache. */
export function writerScript(): Promise<string> {
  bundled ??= (async () => {
    const { build } = await import('rolldown');
    const outDir = join(REPO, 'node_modules', '.cache', 'superatom-test');
    mkdirSync(outDir, { recursive: true });
    const file = join(outDir, `writer-${process.pid}.mjs`);
    await build({
      input: join(HERE, 'testing-writer.ts'),
      platform: 'node',
      external: ['better-sqlite3', 'pg'],
      resolve: { extensionAlias: { '.js': ['.ts', '.js'] } },
      output: { file, format: 'esm', codeSplitting: false },
      logLevel: 'silent',
    });
    if (!existsSync(file)) throw new Error(`bundling the writer failed: ${file} missing`);
    return file;
  })();
  return bundled;
}
