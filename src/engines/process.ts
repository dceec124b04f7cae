/**
 * Running an external program (xtb, NWChem, LAMMPS) safely: no shell, a
 * private temporary directory (created under os.tmpdir(), removed afterwards,
 * also on error), a controlled environment, a time limit, cancellation through
 * an AbortSignal, and a kill of the whole process group so that no stray
 * process (mpirun's ranks, OpenMP helpers) outlives the call.
 *
 * Every failure is an {@link EngineError} (cancellation: a LimitError
 * `cancelled`) that says what happened and carries the tail of stderr:
 *   engine-missing      the executable does not exist / is not executable (ENOENT, EACCES)
 *   engine-disk-full    no space left writing the inputs or (seen in its stderr) during the run
 *   engine-timeout      the time limit passed (the process group was killed)
 *   engine-killed       the process died from a signal it did not get from us
 *   engine-exit         non-zero exit status (unless `allowNonZeroExit`)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EngineError, LimitError } from '../core/errors.js';

export interface RunOptions {
  /** Program name (looked up in PATH) or absolute path. */
  readonly executable: string;
  readonly args: readonly string[];
  /** Files written into the private directory before the start (name → content). */
  readonly files?: Readonly<Record<string, string | Uint8Array>>;
  /** Output files (names relative to the private directory) read back as text; missing ones are absent. */
  readonly collect?: readonly string[];
  /** Environment variables set over the inherited environment (value `undefined` removes one). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Start from an empty environment (plus PATH) instead of process.env. */
  readonly cleanEnv?: boolean;
  /** Wall-time limit, ms (default: none). */
  readonly timeLimitMs?: number;
  /** Cancellation: the process group is killed when it fires. */
  readonly signal?: AbortSignal;
  /** Text written to the program's stdin (stdin is closed otherwise). */
  readonly stdin?: string;
  /** Return the result instead of throwing when the exit status is not 0. */
  readonly allowNonZeroExit?: boolean;
  /** Where the private directory is made (default os.tmpdir()). */
  readonly tmpRoot?: string;
  /** Prefix of the private directory's name (default `superatom-`). */
  readonly tmpPrefix?: string;
  /** Called with each chunk of stdout as it arrives (progress parsing). */
  readonly onStdout?: (chunk: string) => void;
  /** Name used in messages (default: the executable's base name). */
  readonly label?: string;
  /** Called with the process id (= its process-group id) right after the start. */
  readonly onSpawn?: (pid: number) => void;
}

export interface RunResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  /** Contents of the `collect` files that existed at the end. */
  readonly files: Readonly<Record<string, string>>;
  /** Wall time, ms. */
  readonly elapsedMs: number;
  /** The private directory (already removed when the promise resolves). */
  readonly dir: string;
  /**
   * Bytes still available on the private directory's file system when the program ended: some
   * programs (xtb 6.5) exit 0 with empty output files when the disk is full, so callers check this.
   */
  readonly freeBytesAfter: number;
}

/** Free space (bytes) below which an empty or missing output is blamed on a full disk. */
export const LOW_DISK_BYTES = 1024 * 1024;

/** Most stdout/stderr kept in memory, characters; the rest is dropped with a note. */
const MAX_CAPTURE = 64 * 1024 * 1024;
/** Characters of stderr (or stdout) quoted in an error hint. */
const TAIL = 1200;
/** Grace time between SIGTERM and SIGKILL of the process group, ms. */
const KILL_GRACE_MS = 1500;

/** Process groups started and not yet reaped: killed if Node exits or is interrupted first. */
const live = new Set<number>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const pid of live) killGroup(pid, 'SIGKILL');
  });
}

/**
 * While engines run, Ctrl-C (SIGINT), SIGTERM and SIGHUP reach only Node (the engines sit in
 * their own process groups): kill the groups, then let the signal take its default course.
 */
const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
function onSignal(sig: NodeJS.Signals): void {
  for (const pid of live) killGroup(pid, 'SIGKILL');
  live.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  process.kill(process.pid, sig);
}
function track(pid: number): void {
  if (live.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  live.add(pid);
}
function untrack(pid: number): void {
  live.delete(pid);
  if (live.size === 0) for (const s of SIGNALS) process.removeListener(s, onSignal);
}

/** Longest wait for a killed process group to disappear, ms. */
const GROUP_WAIT_MS = 2000;

function groupExists(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function killGroup(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(-pid, sig);
  } catch {
    // ESRCH: the group is already gone
  }
}

/** The last `n` characters of `text`, cut at a line start, trimmed. */
export function tail(text: string, n = TAIL): string {
  const t = text.trimEnd();
  if (t.length <= n) return t;
  const cut = t.slice(t.length - n);
  const nl = cut.indexOf('\n');
  return `…${nl >= 0 && nl < n / 2 ? cut.slice(nl + 1) : cut}`;
}

const DISK_FULL_RE = /no space left on device|ENOSPC|disk quota exceeded/i;

/**
 * Run `executable args` in a fresh private directory and resolve with its
 * output once it exits; the directory and the process group are gone by then.
 */
export async function runProcess(o: RunOptions): Promise<RunResult> {
  const label = o.label ?? o.executable.split('/').pop() ?? o.executable;
  if (o.signal?.aborted) throw new LimitError('cancelled', `${label} was cancelled before it started`);
  let dir: string;
  try {
    dir = mkdtempSync(join(o.tmpRoot ?? tmpdir(), o.tmpPrefix ?? 'superatom-'));
  } catch (e) {
    throw fsError(e, label, 'creating its temporary directory in', o.tmpRoot ?? tmpdir());
  }
  try {
    for (const [name, content] of Object.entries(o.files ?? {})) {
      try {
        writeFileSync(join(dir, name), content);
      } catch (e) {
        throw fsError(e, label, `writing its input ${name} to`, dir);
      }
    }
    const r = await spawnAndWait(o, dir, label);
    let freeBytesAfter = Number.POSITIVE_INFINITY;
    try {
      const st = statfsSync(dir);
      freeBytesAfter = st.bavail * st.bsize;
    } catch {
      // statfs unsupported: leave Infinity
    }
    const files: Record<string, string> = {};
    for (const name of o.collect ?? []) {
      try {
        files[name] = readFileSync(join(dir, name), 'utf8');
      } catch {
        // absent output: the caller decides whether that is an error
      }
    }
    return { ...r, files, dir, freeBytesAfter };
  } finally {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  }
}

function fsError(e: unknown, label: string, doing: string, where: string): EngineError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new EngineError('engine-disk-full', `${label}: no space left on the device ${doing} ${where}`, {
      hint: 'free disk space or point TMPDIR at a larger file system',
    });
  }
  return new EngineError('engine-io', `${label}: ${doing} ${where} failed (${code ?? String(e)})`, {
    hint: 'check that TMPDIR is writable',
  });
}

interface Spawned {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  readonly elapsedMs: number;
}

function spawnAndWait(o: RunOptions, dir: string, label: string): Promise<Spawned> {
  const env: Record<string, string> = {};
  if (o.cleanEnv) {
    if (process.env.PATH) env.PATH = process.env.PATH;
  } else {
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  }
  for (const [k, v] of Object.entries(o.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  installExitHook();
  const t0 = performance.now();
  return new Promise<Spawned>((resolve, reject) => {
    let child: ChildProcess;
    try {
      child = spawn(o.executable, [...o.args], {
        cwd: dir,
        env,
        detached: true, // own process group, so the whole tree can be killed
        shell: false,
        stdio: [o.stdin !== undefined ? 'pipe' : 'ignore', 'pipe', 'pipe'],
        windowsHide: true,
      });
    } catch (e) {
      reject(new EngineError('engine-missing', `${label} could not be started: ${String(e)}`));
      return;
    }
    const pid = child.pid;
    if (pid !== undefined) {
      track(pid);
      o.onSpawn?.(pid);
    }
    let stdout = '';
    let stderr = '';
    let dropped = 0;
    let why: 'timeout' | 'cancelled' | undefined;
    let settled = false;
    let killTimer: NodeJS.Timeout | undefined;
    child.stdout?.setEncoding('utf8');
    child.stderr?.setEncoding('utf8');
    child.stdout?.on('data', (c: string) => {
      if (stdout.length < MAX_CAPTURE) stdout += c;
      else dropped += c.length;
      o.onStdout?.(c);
    });
    child.stderr?.on('data', (c: string) => {
      if (stderr.length < MAX_CAPTURE) stderr += c;
      else dropped += c.length;
    });
    if (o.stdin !== undefined) {
      child.stdin?.on('error', () => {}); // EPIPE when the program exits without reading
      child.stdin?.end(o.stdin);
    }
    const stop = (reason: 'timeout' | 'cancelled') => {
      if (why || pid === undefined) return;
      why = reason;
      killGroup(pid, 'SIGTERM');
      killTimer = setTimeout(() => killGroup(pid, 'SIGKILL'), KILL_GRACE_MS);
    };
    const timer =
      o.timeLimitMs !== undefined && Number.isFinite(o.timeLimitMs)
        ? setTimeout(() => stop('timeout'), Math.max(0, o.timeLimitMs))
        : undefined;
    const onAbort = () => stop('cancelled');
    o.signal?.addEventListener('abort', onAbort, { once: true });

    const finish = (err: Error | undefined, value?: Spawned) => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      if (killTimer) clearTimeout(killTimer);
      o.signal?.removeEventListener('abort', onAbort);
      const settle = () => {
        if (err) reject(err);
        else resolve(value as Spawned);
      };
      if (pid === undefined) return settle();
      // the leader is gone; anything left in its group is a stray: kill it, and resolve only once
      // the group is empty (SIGKILL is asynchronous), giving up after GROUP_WAIT_MS
      killGroup(pid, 'SIGKILL');
      const t1 = performance.now();
      const poll = () => {
        if (!groupExists(pid) || performance.now() - t1 > GROUP_WAIT_MS) {
          untrack(pid);
          settle();
        } else setTimeout(poll, 5);
      };
      poll();
    };

    child.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT' || e.code === 'EACCES') {
        finish(
          new EngineError(
            'engine-missing',
            `${label}: the executable "${o.executable}" was not found or cannot be run (${e.code})`,
            { hint: `install it (Debian: apt-get install ${label}) or put it on PATH` },
          ),
        );
      } else {
        finish(new EngineError('engine-start', `${label} could not be started (${e.code ?? e.message})`));
      }
    });
    child.on('close', (code, sig) => {
      const elapsedMs = performance.now() - t0;
      if (dropped) stdout += `\n[superatom: ${dropped} further characters of output dropped]\n`;
      const errTail = tail(stderr) || tail(stdout);
      const hint = errTail ? `last output:\n${errTail}` : undefined;
      const withHint = hint ? { hint } : {};
      if (why === 'cancelled') {
        finish(new LimitError('cancelled', `${label} was cancelled (process group killed)`));
      } else if (why === 'timeout') {
        finish(
          new EngineError(
            'engine-timeout',
            `${label} did not finish within the time limit of ${fmtSeconds(o.timeLimitMs ?? 0)} (process group killed)`,
            { hint: 'raise the time limit or use a smaller system' },
          ),
        );
      } else if (sig) {
        finish(
          new EngineError('engine-killed', `${label} was killed by signal ${sig}`, {
            hint: hint ?? 'out of memory (the kernel OOM killer) or killed by another process',
          }),
        );
      } else if (DISK_FULL_RE.test(stderr) || (code !== 0 && DISK_FULL_RE.test(stdout.slice(-20000)))) {
        finish(
          new EngineError(
            'engine-disk-full',
            `${label}: no space left on the device while running`,
            withHint,
          ),
        );
      } else if (code !== 0 && !o.allowNonZeroExit) {
        finish(new EngineError('engine-exit', `${label} stopped with exit status ${code}`, withHint));
      } else {
        finish(undefined, { stdout, stderr, exitCode: code ?? -1, elapsedMs });
      }
    });
  });
}

function fmtSeconds(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${Math.round(ms)} ms`;
}

/** Whether a program can be run: `executable args` exits (any status) without ENOENT. */
export async function probeExecutable(
  executable: string,
  args: readonly string[] = ['--version'],
): Promise<boolean> {
  try {
    await runProcess({ executable, args, allowNonZeroExit: true, timeLimitMs: 20000 });
    return true;
  } catch (e) {
    return !(e instanceof EngineError && e.code === 'engine-missing');
  }
}
