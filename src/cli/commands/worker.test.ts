/** `superatom worker` argument checks that need no Redis: a stray argument is an input error (exit 2). */
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing.js';

describe('superatom worker', () => {
  it('rejects a stray argument before touching the queue: exit 2, what and how', async () => {
    const r = await runCli(['worker', '--queue', 'redis://127.0.0.1:1', 'stray']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unexpected argument "stray"/);
    expect(r.err).toMatch(/worker takes options only/);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  });
});
