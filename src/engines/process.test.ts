/**
 * The process runner with ordinary programs (sh, sleep, cat — present on every POSIX machine):
 * no shell between us and the program, private temp dir removed afterwards, env control, exit
 * status, signals, time-out and cancellation killing the whole process group.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EngineError, LimitError } from '../core/errors.js';
import { runProcess, tail } from './process.js';
import { groupAlive, leftovers } from './xtb-testing.js';

const root = mkdtempSync(join(tmpdir(), 'superatom-process-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('runProcess', () => {
  it('writes inputs, runs in a private dir, collects outputs, and removes the dir', async () => {
    const r = await runProcess({
      executable: 'sh',
      args: ['-c', 'cat in.txt > out.txt; echo "$GREETING"; pwd; echo err >&2'],
      files: { 'in.txt': 'hello file' },
      collect: ['out.txt', 'missing.txt'],
      env: { GREETING: 'hi $HOME' },
      tmpRoot: root,
    });
    expect(r.exitCode).toBe(0);
    expect(r.files['out.txt']).toBe('hello file');
    expect(r.files['missing.txt']).toBeUndefined();
    // the value reaches the program verbatim: no shell expanded $HOME on our side
    expect(r.stdout.split('\n')[0]).toBe('hi $HOME');
    expect(r.stdout.split('\n')[1]).toBe(r.dir);
    expect(r.stderr).toBe('err\n');
    expect(leftovers(root)).toEqual([]);
  });

  it('arguments are passed without a shell (metacharacters stay literal)', async () => {
    const r = await runProcess({ executable: 'echo', args: ['$(id)', ';', '|', '*'], tmpRoot: root });
    expect(r.stdout.trim()).toBe('$(id) ; | *');
  });

  it('cleanEnv keeps only PATH and the variables given', async () => {
    const r = await runProcess({
      executable: 'env',
      args: [],
      cleanEnv: true,
      env: { A: '1' },
      tmpRoot: root,
    });
    const names = r.stdout
      .trim()
      .split('\n')
      .map((l) => l.split('=')[0])
      .sort();
    expect(names).toEqual(['A', 'PATH']);
  });

  it('a missing executable is engine-missing', async () => {
    const e = await runProcess({ executable: '/no/such/program', args: [], tmpRoot: root }).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(EngineError);
    expect((e as EngineError).code).toBe('engine-missing');
    expect(leftovers(root)).toEqual([]);
  });

  it('a non-zero exit is engine-exit with the tail of stderr', async () => {
    const e = await runProcess({
      executable: 'sh',
      args: ['-c', 'echo "something broke" >&2; exit 3'],
      tmpRoot: root,
    }).catch((x: unknown) => x);
    expect((e as EngineError).code).toBe('engine-exit');
    expect((e as EngineError).message).toMatch(/exit status 3/);
    expect((e as EngineError).hint).toMatch(/something broke/);
    const ok = await runProcess({
      executable: 'sh',
      args: ['-c', 'exit 3'],
      allowNonZeroExit: true,
      tmpRoot: root,
    });
    expect(ok.exitCode).toBe(3);
  });

  it('a time-out kills the whole group, grandchildren included', async () => {
    let pid = 0;
    const e = await runProcess({
      executable: 'sh',
      args: ['-c', 'sleep 30 & sleep 30; wait'],
      timeLimitMs: 200,
      tmpRoot: root,
      onSpawn: (p) => {
        pid = p;
      },
    }).catch((x: unknown) => x);
    expect((e as EngineError).code).toBe('engine-timeout');
    expect(groupAlive(pid)).toBe(false);
    expect(leftovers(root)).toEqual([]);
  });

  it('a program that ignores SIGTERM is killed after the grace time', async () => {
    let pid = 0;
    const e = await runProcess({
      executable: 'sh',
      args: ['-c', "trap '' TERM; sleep 30 & wait; sleep 30"],
      timeLimitMs: 100,
      tmpRoot: root,
      onSpawn: (p) => {
        pid = p;
      },
    }).catch((x: unknown) => x);
    expect((e as EngineError).code).toBe('engine-timeout');
    expect(groupAlive(pid)).toBe(false);
  });

  it('an AbortSignal cancels (LimitError cancelled); an already aborted signal never starts', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const e = await runProcess({ executable: 'sleep', args: ['30'], signal: ac.signal, tmpRoot: root }).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(LimitError);
    expect((e as LimitError).code).toBe('cancelled');
    const e2 = await runProcess({
      executable: 'sleep',
      args: ['30'],
      signal: ac.signal,
      tmpRoot: root,
    }).catch((x: unknown) => x);
    expect((e2 as LimitError).code).toBe('cancelled');
    expect(leftovers(root)).toEqual([]);
  });

  it('a program killed by a signal from elsewhere is engine-killed', async () => {
    const e = await runProcess({
      executable: 'sleep',
      args: ['30'],
      tmpRoot: root,
      onSpawn: (p) => setTimeout(() => process.kill(p, 'SIGKILL'), 50),
    }).catch((x: unknown) => x);
    expect((e as EngineError).code).toBe('engine-killed');
    expect((e as EngineError).message).toMatch(/SIGKILL/);
  });

  it('stdin is written to the program', async () => {
    const r = await runProcess({ executable: 'cat', args: [], stdin: 'piped', tmpRoot: root });
    expect(r.stdout).toBe('piped');
  });

  it('tail keeps the last lines', () => {
    expect(tail('a\nb\nc', 100)).toBe('a\nb\nc');
    const long = Array.from({ length: 500 }, (_, i) => `line ${i}`).join('\n');
    const t = tail(long, 50);
    expect(t.startsWith('…')).toBe(true);
    expect(t.endsWith('line 499')).toBe(true);
    expect(t.length).toBeLessThanOrEqual(51);
  });
});
