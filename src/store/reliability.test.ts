/**
 * Reliability of both back ends under real processes: concurrent writers lose nothing and
 * duplicate nothing; a writer killed with SIGKILL in the middle of saving leaves a readable
 * database with every record it had reported committed. Writers are separate `node` processes
 * (testing-writer.ts bundled to plain JS), not async tasks in this one.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from './open.js';
import { type Backend, postgresBackend, postgresSkipReason, sqliteBackend, writerScript } from './testing.js';

const pgSkip = postgresSkipReason();
if (pgSkip) console.warn(`\n!!! ${pgSkip}\n`);

interface Writer {
  readonly child: ChildProcess;
  /** ids reported as saved, in order. */
  readonly saved: string[];
  readonly done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

function startWriter(
  script: string,
  location: string,
  tag: string,
  n: number,
  onSaved?: (count: number) => void,
): Writer {
  const child = spawn(process.execPath, [script, location, tag, String(n)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const saved: string[] = [];
  let buf = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    buf += chunk;
    let nl = buf.indexOf('\n');
    while (nl >= 0) {
      const m = /^saved (\d+) ([0-9a-f]{64})$/.exec(buf.slice(0, nl));
      if (m) {
        saved.push(m[2]!);
        onSaved?.(saved.length);
      }
      buf = buf.slice(nl + 1);
      nl = buf.indexOf('\n');
    }
  });
  child.stderr!.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>(
    (resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, saved, done };
}

for (const [name, make, skip] of [
  ['sqlite', async () => sqliteBackend(), null],
  ['postgres', postgresBackend, pgSkip],
] as const) {
  describe.skipIf(skip !== null)(`store reliability on ${name}`, () => {
    let be: Backend;
    let script: string;
    beforeAll(async () => {
      [be, script] = await Promise.all([make(), writerScript()]);
    }, 120_000);
    afterAll(async () => be?.teardown());

    it('4 processes × 500 saves at once on a fresh database: 2000 records, none lost, none doubled', async () => {
      const loc = await be.fresh();
      const writers = [0, 1, 2, 3].map((p) => startWriter(script, loc, `w${p}`, 500));
      const ends = await Promise.all(writers.map((w) => w.done));
      for (const e of ends) expect(e, e.stderr).toMatchObject({ code: 0 });
      const s = await openStore(loc);
      expect(await s.count()).toBe(2000);
      const all = new Set((await s.query({ limit: 5000 })).map((r) => r.id));
      expect(all.size).toBe(2000);
      for (const w of writers) {
        expect(w.saved).toHaveLength(500);
        for (const id of w.saved) expect(all.has(id)).toBe(true);
      }
      // two processes saving the same 200 computations at once: 200 new records, not 400
      const twins = [startWriter(script, loc, 'same', 200), startWriter(script, loc, 'same', 200)];
      for (const e of await Promise.all(twins.map((w) => w.done)))
        expect(e, e.stderr).toMatchObject({ code: 0 });
      expect(await s.count()).toBe(2200);
      await s.close();
    }, 300_000);

    it('SIGKILL in the middle of saving: the database opens and every reported record is there', async () => {
      const loc = await be.fresh();
      let killedAt = 0;
      const w = startWriter(script, loc, 'victim', 1_000_000, (n) => {
        if (n === 300 && !killedAt) {
          killedAt = n;
          w.child.kill('SIGKILL');
        }
      });
      const end = await w.done;
      expect(end.signal).toBe('SIGKILL');
      const reported = [...w.saved];
      expect(reported.length).toBeGreaterThanOrEqual(300);
      if (name === 'sqlite') {
        const db = new Database(loc);
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        db.close();
      }
      const s = await openStore(loc);
      const n = await s.count();
      // every record the writer saw committed is there; at most the one in flight may be extra
      expect(n).toBeGreaterThanOrEqual(reported.length);
      expect(n).toBeLessThanOrEqual(reported.length + 1);
      const ids = new Set((await s.query({ limit: n + 10 })).map((r) => r.id));
      for (const id of reported) expect(ids.has(id)).toBe(true);
      const first = await s.get(reported[0]!);
      expect((first?.report as { padding?: string } | undefined)?.padding).toHaveLength(2000);
      // and it takes new records afterwards
      const again = startWriter(script, loc, 'after', 5);
      expect((await again.done).code).toBe(0);
      expect(await s.count()).toBe(n + 5);
      await s.close();
    }, 240_000);
  });
}
