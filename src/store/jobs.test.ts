/**
 * Screening jobs on both back ends: screens are idempotent, a result is written once per job id
 * even when many writers deliver it at the same time, and the status adds up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from './open.js';
import { type Backend, postgresBackend, postgresSkipReason, sqliteBackend } from './testing.js';

const pgSkip = postgresSkipReason();
const jobs = Array.from({ length: 5 }, (_, i) => ({
  jobId: `${i}`.repeat(64).slice(0, 64),
  index: i,
  vars: { M: `E${i}` },
  inputs: { v: 1, formula: `Au${i}` },
}));

for (const kind of ['sqlite', 'postgres'] as const) {
  describe.skipIf(kind === 'postgres' && pgSkip)(`job store (${kind})`, () => {
    let backend: Backend;
    beforeAll(async () => {
      backend = kind === 'sqlite' ? sqliteBackend() : await postgresBackend();
    }, 60_000);
    afterAll(async () => backend?.teardown());

    it('lists jobs once, writes each result once, and reports the status', async () => {
      const loc = await backend.fresh();
      const s = await openStore(loc);
      const t = new Date('2026-01-01T00:00:00Z').toISOString();
      const screen = { id: 'ab'.repeat(32), name: 'demo', plan: { name: 'demo' }, createdAt: t };
      expect(await s.jobs.addScreen(screen, jobs)).toBe(5);
      expect(await s.jobs.addScreen(screen, jobs)).toBe(0);
      expect((await s.jobs.getScreen('abab'))?.jobs).toBe(5);
      expect((await s.jobs.getScreen('demo'))?.id).toBe(screen.id);
      await s.jobs.logEvent(jobs[0]!.jobId, 'w1', 'start');
      await s.jobs.logEvent(jobs[1]!.jobId, 'w1', 'start');
      await s.jobs.logEvent(jobs[2]!.jobId, 'w1', 'failed', 'boom');
      // five writers (five connections) deliver the same result at once
      const others = [];
      for (let k = 0; k < 4; k++) others.push(await openStore(loc)); // one at a time: each migrates
      const saved = await Promise.all(
        [s, ...others].map((st, k) =>
          st.jobs.saveResult({ jobId: jobs[0]!.jobId, result: { k }, worker: `w${k}`, elapsedMs: 1, at: t }),
        ),
      );
      expect(saved.filter(Boolean).length).toBe(1);
      expect(await s.jobs.hasResult(jobs[0]!.jobId)).toBe(true);
      const st = await s.jobs.status(screen.id);
      expect(st).toMatchObject({
        total: 5,
        done: 1,
        running: 1,
        failed: 1,
        pending: 2,
        starts: 2,
        duplicates: 4,
      });
      expect((await s.jobs.pending(screen.id)).map((j) => j.index)).toEqual([1, 2, 3, 4]);
      const res = await s.jobs.results(screen.id);
      expect(res.length).toBe(1);
      expect(res[0]!.vars).toEqual({ M: 'E0' });
      await s.jobs.cancel(screen.id, t);
      expect((await s.jobs.status(screen.id)).cancelled).toBe(true);
      for (const o of others) await o.close();
      await s.close();
    });
  });
}
