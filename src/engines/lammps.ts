/**
 * LAMMPS as the engine of the coarse-grained model: writes the data file and input script
 * (src/assembly/lammps.ts), runs `lmp` (or `mpirun --allow-run-as-root -np k lmp` for k > 1 ranks)
 * without a shell in a private temporary directory (engines/process.ts), and reads the log's thermo
 * table and the dump back. `SUPERATOM_LMP` overrides the executable (default `lmp`).
 */

import type { DumpFrame, ThermoTable } from '../assembly/lammps.js';
import { parseLammpsDump, parseLammpsLog, writeLammpsData, writeLammpsInput } from '../assembly/lammps.js';
import type { CgModel } from '../assembly/model.js';
import type { BeadSystem } from '../assembly/system.js';
import { EngineError } from '../core/errors.js';
import { probeExecutable, runProcess } from './process.js';

export interface LammpsRunOptions {
  /** 0: energy and forces of the configuration (run 0); otherwise NVT Langevin steps. */
  readonly steps: number;
  readonly thermoEvery?: number;
  readonly dumpEvery?: number;
  /** MPI ranks (1 runs `lmp` directly). */
  readonly ranks?: number;
  readonly seed?: number;
  readonly timeLimitMs?: number;
  readonly signal?: AbortSignal;
  /** Called with the step number as the thermo table grows (progress). */
  readonly onStep?: (step: number) => void;
}

export interface LammpsRun {
  readonly version: string;
  readonly thermo: ThermoTable;
  readonly dump: readonly DumpFrame[];
  readonly warnings: readonly string[];
  readonly elapsedMs: number;
  readonly input: string;
  /** The whole log text. */
  readonly log: string;
  /** Wall time of the last run's time-step loop (LAMMPS "Loop time of …"), s. */
  readonly loopSeconds: number | null;
}

export function lammpsExecutable(): string {
  return process.env.SUPERATOM_LMP || 'lmp';
}

/** Whether LAMMPS can be run here. */
export function lammpsAvailable(): Promise<boolean> {
  return probeExecutable(lammpsExecutable(), ['-h']);
}

/** Run LAMMPS on `system` with `model`; throws EngineError with the LAMMPS ERROR line on failure. */
export async function runLammps(model: CgModel, system: BeadSystem, o: LammpsRunOptions): Promise<LammpsRun> {
  const data = writeLammpsData(model, system);
  const input = writeLammpsInput(model, system, {
    steps: o.steps,
    ...(o.thermoEvery !== undefined ? { thermoEvery: o.thermoEvery } : {}),
    ...(o.dumpEvery !== undefined ? { dumpEvery: o.dumpEvery } : {}),
    ...(o.seed !== undefined ? { seed: o.seed } : {}),
  });
  const lmp = lammpsExecutable();
  const ranks = Math.max(1, Math.floor(o.ranks ?? 1));
  // with a progress callback the screen output (the thermo rows) streams to stdout and is parsed
  const lmpArgs = [
    '-in',
    'in.lammps',
    '-log',
    'log.lammps',
    ...(o.onStep ? [] : ['-screen', 'none']),
    '-nocite',
  ];
  let partial = '';
  const onStdout = (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      const m = /^\s*(\d+)\s+[-+0-9.eE]+(\s|$)/.exec(line);
      if (m) o.onStep?.(Number(m[1]));
    }
  };
  const executable = ranks > 1 ? 'mpirun' : lmp;
  const args =
    ranks > 1 ? ['--allow-run-as-root', '--oversubscribe', '-np', String(ranks), lmp, ...lmpArgs] : lmpArgs;
  const r = await runProcess({
    executable,
    args,
    label: 'lammps',
    files: { 'in.lammps': input, 'system.data': data },
    collect: ['log.lammps', 'dump.lammpstrj'],
    env: { OMP_NUM_THREADS: '1' },
    ...(o.onStep ? { onStdout } : {}),
    allowNonZeroExit: true,
    ...(o.timeLimitMs !== undefined ? { timeLimitMs: o.timeLimitMs } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
  });
  const logText = r.files['log.lammps'] ?? '';
  const log = parseLammpsLog(logText);
  if (log.error !== undefined || r.exitCode !== 0) {
    throw new EngineError('engine-exit', `LAMMPS stopped: ${log.error ?? `exit status ${r.exitCode}`}`, {
      hint: (logText || r.stderr || r.stdout).trim().split('\n').slice(-8).join('\n'),
    });
  }
  const thermo = log.tables[log.tables.length - 1];
  if (!thermo || thermo.rows.length === 0)
    throw new EngineError('engine-output', 'LAMMPS wrote no thermo table', { hint: logText.slice(-600) });
  const last = thermo.rows[thermo.rows.length - 1]!;
  o.onStep?.(last[0] ?? 0);
  for (const row of thermo.rows)
    if (row.some((v) => !Number.isFinite(v)))
      throw new EngineError('engine-output', 'LAMMPS thermo has a non-finite value', {
        hint: 'the system blew up: smaller timestep',
      });
  const dumpText = r.files['dump.lammpstrj'];
  const dump = dumpText ? parseLammpsDump(dumpText, 'dump.lammpstrj') : [];
  return {
    version: log.version ?? 'unknown',
    thermo,
    dump,
    warnings: log.warnings,
    elapsedMs: r.elapsedMs,
    input,
    log: logText,
    loopSeconds: log.loops[log.loops.length - 1]?.seconds ?? null,
  };
}

/** Column `name` of a thermo table. */
export function thermoColumn(t: ThermoTable, name: string): number[] {
  const c = t.columns.indexOf(name);
  if (c < 0) throw new EngineError('engine-output', `LAMMPS thermo has no column ${name}`);
  return t.rows.map((r) => r[c]!);
}
