/**
 * NWChem (Debian `nwchem` 7.0.2) behind the {@link Calculator} contract: Kohn–Sham DFT with PBE or
 * PBE0 in def2-SVP/def2-TZVP (def2 ECPs beyond Kr), run through `mpirun` on the available cores,
 * without a shell, in a private temporary directory, with a time limit and cancellation
 * (src/engines/process.ts).
 *
 * State search: an open-shell ion's SCF can land in an excited state (NWChem's default guess puts
 * Au2⁺ 0.5 eV above its 2Σg⁺ ground state with PBE/def2-SVP, measured here). For open shells the
 * calculator therefore tries several starts — NWChem's default guess, a smeared-occupation guess
 * continued at integer occupation, a bare-core-Hamiltonian guess, and (unless the spin was fixed)
 * the next higher multiplicity — keeps the lowest converged state and reports every one.
 *
 * Sanity: an SCF that did not converge, a missing or non-finite energy, an energy below the
 * Thomas–Fermi bound of the atoms, a gradient beyond 5 Hartree/bohr → a failed attempt, never a
 * result. A non-aufbau occupation (negative spin-conserving gap) is kept but warned about.
 *
 * Units at this edge: NWChem's Hartree and bohr are converted to eV and Å (core/units).
 */
import { accessSync, constants } from 'node:fs';
import { availableParallelism } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';
import { EngineError, InputError, LimitError } from '../core/errors.js';
import { BOHR_A, HARTREE_EV } from '../core/units.js';
import { elementBySymbol } from '../data/index.js';
import type { CalcAttempt, CalcInput, CalcOptions, CalcOutput, Calculator } from '../potential/calculator.js';
import { compareStructures } from '../structure/compare.js';
import type { Structure } from '../structure/structure.js';
import { hornRotation } from '../structure/symmetry-math.js';
import { type CalcReport, EMPTY_FUKUI } from '../workflows/calc.js';
import {
  multiplicityFor,
  NWCHEM_BASES,
  NWCHEM_METHODS,
  type NwchemBasis,
  type NwchemGuess,
  type NwchemJob,
  type NwchemMethod,
  type NwchemTask,
  writeNwchemInput,
} from './nwchem-input.js';
import { type NwchemOutput, parseNwchemOutput } from './nwchem-parse.js';
import { runProcess } from './process.js';

export type { NwchemBasis, NwchemGuess, NwchemMethod } from './nwchem-input.js';

export interface NwchemOptions {
  /** `pbe` (default) or `pbe0`. */
  readonly method?: NwchemMethod;
  /** `def2-svp` (default) or `def2-tzvp`. */
  readonly basis?: NwchemBasis;
  /** MPI processes (default: the available cores, env SUPERATOM_NWCHEM_NP overrides). 1: no mpirun. */
  readonly processes?: number;
  /** NWChem executable (default `nwchem` on PATH). */
  readonly executable?: string;
  /** mpirun executable (default `mpirun` on PATH). */
  readonly mpirun?: string;
  /** Wall-time limit per NWChem run, ms (default 1 h). */
  readonly timeLimitMs?: number;
  /**
   * Initial guesses tried for open shells (default `['default', 'smear', 'hcore']`); closed shells
   * use the first only unless `searchClosedShell` is set.
   */
  readonly guesses?: readonly NwchemGuess[];
  /** Also try the multiplicity two higher for open shells whose spin was not fixed (default true). */
  readonly tryHigherSpin?: boolean;
  /** Run the guess list for closed shells too (default false). */
  readonly searchClosedShell?: boolean;
  /** Gaussian smearing kept in the final SCF, Hartree (degenerate open shells), default 0. */
  readonly smearHa?: number;
  /** Point-group symmetry (default true). */
  readonly symmetry?: boolean;
  /** SCF energy convergence, Hartree (default 1e-6; 1e-7 in geometry optimisations). */
  readonly energyConvergenceHa?: number;
  /** SCF iterations (default 100). */
  readonly iterations?: number;
  /** Steps of `task dft optimize` (default 30). */
  readonly maxOptSteps?: number;
}

/** One SCF state tried for a structure. */
export interface NwchemState {
  /** `energy`, `gradient` or `optimize`. */
  readonly task: NwchemTask;
  readonly guess: NwchemGuess;
  readonly multiplicity: number;
  readonly smearHa: number;
  readonly status: 'ok' | 'failed';
  readonly reason: string;
  /** Total energy, eV (ok states). */
  readonly energyEv?: number;
  readonly s2?: number;
  /** Smallest spin-conserving HOMO–LUMO gap, eV (negative: non-aufbau occupation). */
  readonly gapEv?: number;
  /** A caveat of an ok state (an optimisation accepted on its gradient alone). */
  readonly warning?: string;
  readonly seconds: number;
}

/** Output of one NWChem run that passed the sanity checks. */
interface GoodRun {
  readonly out: NwchemOutput;
  readonly energyEv: number;
  readonly seconds: number;
  readonly version: string;
}

/** Most negative plausible energy: 1.1 × the Thomas–Fermi atoms, −0.7687 Z^{7/3} Ha each. */
function energyFloorHa(numbers: ArrayLike<number>): number {
  let e = 0;
  for (let i = 0; i < numbers.length; i++) e += 0.7687 * numbers[i]! ** (7 / 3);
  return -1.1 * e;
}
/** Largest plausible gradient component, Hartree/bohr. */
const MAX_GRADIENT_HA_BOHR = 5;

function findOnPath(name: string): string | null {
  if (isAbsolute(name) || name.includes('/')) {
    try {
      accessSync(name, constants.X_OK);
      return name;
    } catch {
      return null;
    }
  }
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, name);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // not here
    }
  }
  return null;
}

/** Whether NWChem is installed (for tests and `calc` to say so before trying). */
export function nwchemAvailable(executable = 'nwchem'): boolean {
  return findOnPath(executable) !== null;
}

function processCount(o: NwchemOptions): number {
  const env = Number(process.env.SUPERATOM_NWCHEM_NP);
  const n = o.processes ?? (Number.isInteger(env) && env > 0 ? env : availableParallelism());
  return Math.max(1, Math.floor(n));
}

function abortSignalOf(s: CalcOptions['signal']): AbortSignal | undefined {
  return s instanceof AbortSignal ? s : undefined;
}

/** Run one NWChem job; throws EngineError for process failures, returns the parsed output otherwise. */
async function runJob(
  job: NwchemJob,
  o: NwchemOptions,
  ctl: CalcOptions,
): Promise<{ out: NwchemOutput; stdout: string; seconds: number }> {
  if (ctl.signal?.aborted) throw new LimitError('cancelled', 'the NWChem calculation was cancelled');
  const exe = findOnPath(o.executable ?? 'nwchem');
  if (!exe) {
    throw new EngineError(
      'engine-missing',
      `nwchem: the executable "${o.executable ?? 'nwchem'}" was not found`,
      {
        hint: 'install it (Debian: apt-get install nwchem openmpi-bin) or put it on PATH',
      },
    );
  }
  const np = processCount(o);
  let executable = exe;
  let args = ['calc.nw'];
  if (np > 1) {
    const mpirun = findOnPath(o.mpirun ?? 'mpirun');
    if (!mpirun) {
      throw new EngineError(
        'engine-missing',
        `nwchem: mpirun "${o.mpirun ?? 'mpirun'}" was not found for ${np} processes`,
        {
          hint: 'install openmpi-bin, or run on one process (SUPERATOM_NWCHEM_NP=1)',
        },
      );
    }
    executable = mpirun;
    // Plain `mpirun -np N` (ranks bound to cores): with --oversubscribe --bind-to none the ranks yield
    // when idle and an Au2⁺ single point took 2–4× longer on the loaded 2-core machine (measured).
    args = ['--allow-run-as-root', '-np', String(np), exe, 'calc.nw'];
  }
  const signal = abortSignalOf(ctl.signal);
  const r = await runProcess({
    executable,
    args,
    files: { 'calc.nw': writeNwchemInput(job) },
    env: { OMP_NUM_THREADS: '1', OMPI_MCA_btl_vader_single_copy_mechanism: 'none' },
    timeLimitMs: o.timeLimitMs ?? 3_600_000,
    ...(signal ? { signal } : {}),
    allowNonZeroExit: true,
    tmpPrefix: 'superatom-nwchem-',
    label: 'nwchem',
  });
  const out = parseNwchemOutput(r.stdout);
  return { out, stdout: r.stdout, seconds: r.elapsedMs / 1000 };
}

/** NWChem's driver default gradient thresholds (gmax, grms), Hartree/bohr (NWChem manual, DRIVER). */
const DRIVER_GMAX_HA_BOHR = 0.00045;
const DRIVER_GRMS_HA_BOHR = 0.0003;

/**
 * An optimisation the driver did not call converged whose last step already meets the driver's own
 * gradient thresholds: the forces vanish, only the step criteria failed (near a flat minimum the
 * steps are set by SCF noise; MPI reductions on several ranks are not bit-reproducible). Such a
 * geometry is accepted, with a warning.
 */
function gradientConverged(opt: NwchemOutput['optimization']): boolean {
  if (!opt || opt.converged) return false;
  const g = opt.lastGmaxHaPerBohr;
  const r = opt.lastGrmsHaPerBohr;
  return g !== null && r !== null && g <= DRIVER_GMAX_HA_BOHR && r <= DRIVER_GRMS_HA_BOHR;
}

/** Why an output is not a result, or null when it passes every check. */
export function nwchemFailure(
  out: NwchemOutput,
  job: Pick<NwchemJob, 'numbers' | 'task'>,
  exitTail = '',
): string | null {
  if (out.scfFailed) return 'SCF did not converge';
  if (out.energyHa === null) {
    const why = out.errors[0] ?? (exitTail.trim().split('\n').pop() || 'no output');
    return `no SCF energy in the output (${why})`;
  }
  if (!Number.isFinite(out.energyHa)) return `energy is ${String(out.energyHa)}`;
  if (out.energyHa >= 0) return `energy ${out.energyHa} Ha is not negative`;
  const floor = energyFloorHa(job.numbers);
  if (out.energyHa < floor)
    return `energy ${out.energyHa.toFixed(4)} Ha is below the Thomas–Fermi bound ${floor.toFixed(1)} Ha`;
  if (job.task === 'gradient') {
    const g = out.gradient;
    if (!g || g.gradHaPerBohr.length !== 3 * job.numbers.length)
      return 'no gradient for every atom in the output';
    for (const x of g.gradHaPerBohr) {
      if (!Number.isFinite(x)) return 'gradient is not finite';
      if (Math.abs(x) > MAX_GRADIENT_HA_BOHR)
        return `gradient component ${x} Ha/bohr is beyond ${MAX_GRADIENT_HA_BOHR}`;
    }
  }
  if (job.task === 'optimize') {
    const opt = out.optimization;
    if (!opt?.converged && !gradientConverged(opt)) {
      const g = opt?.lastGmaxHaPerBohr;
      return `geometry optimisation did not converge (${opt ? `${opt.energiesHa.length} driver steps${g !== null && g !== undefined ? `, last gmax ${g} Ha/bohr` : ''}` : 'no driver steps in the output'})`;
    }
    if (!out.geometry || out.geometry.positionsA.length !== 3 * job.numbers.length)
      return 'no final geometry in the output';
  }
  return null;
}

/**
 * The proper rotation R and centres mapping the caller's positions a onto NWChem's re-oriented
 * frame b (b_i ≈ R (a_i − ca) + cb), with the fit's RMS deviation (Å). Autosym moves the origin,
 * turns the molecule into its standard orientation and symmetrises coordinates within its
 * tolerance; it keeps the atom order.
 */
function frameOf(
  a: ArrayLike<number>,
  b: Float64Array,
): { r: Float64Array; ca: number[]; cb: number[]; rms: number } {
  const n = b.length / 3;
  const ca = [0, 0, 0];
  const cb = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < 3; k++) {
      ca[k]! += a[3 * i + k]! / n;
      cb[k]! += b[3 * i + k]! / n;
    }
  }
  const s = new Float64Array(9);
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < 3; p++) {
      for (let q = 0; q < 3; q++) s[3 * p + q]! += (a[3 * i + p]! - ca[p]!) * (b[3 * i + q]! - cb[q]!);
    }
  }
  const { r } = hornRotation(s);
  let ss = 0;
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < 3; p++) {
      let x = cb[p]!;
      for (let q = 0; q < 3; q++) x += r[3 * p + q]! * (a[3 * i + q]! - ca[q]!);
      ss += (x - b[3 * i + p]!) ** 2;
    }
  }
  return { r, ca, cb, rms: Math.sqrt(ss / Math.max(1, n)) };
}

/** Largest deviation (Å) tolerated between the input and NWChem's symmetrised copy of it. */
const FRAME_TOLERANCE_A = 0.05;

/** Apply Rᵀ to each 3-vector of v (NWChem frame → caller's frame), optionally around centres. */
function toCallerFrame(
  v: Float64Array,
  f: { r: Float64Array; ca: number[]; cb: number[] },
  points: boolean,
): Float64Array {
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length / 3; i++) {
    for (let q = 0; q < 3; q++) {
      let x = points ? f.ca[q]! : 0;
      for (let p = 0; p < 3; p++) x += f.r[3 * p + q]! * (v[3 * i + p]! - (points ? f.cb[p]! : 0));
      out[3 * i + q] = x;
    }
  }
  return out;
}

/** How NWChem's atoms map onto the caller's: perm[i] = NWChem index of caller atom i, and the frame. */
export interface Mapping {
  readonly perm: Int32Array;
  readonly frame: { r: Float64Array; ca: number[]; cb: number[]; rms: number };
}

function permuted(v: ArrayLike<number>, perm: Int32Array): Float64Array {
  const out = new Float64Array(3 * perm.length);
  for (let i = 0; i < perm.length; i++) {
    for (let k = 0; k < 3; k++) out[3 * i + k] = v[3 * perm[i]! + k]!;
  }
  return out;
}

/**
 * Autosym re-orients the molecule and may also re-order symmetry-equivalent atoms (it lists the
 * unique atoms and generates their images: Al13's vertices come back in another order). The file
 * order is tried first; otherwise the atoms are matched by element-aware assignment
 * (structure/compare.ts) and the rotation refitted. Throws when NWChem's copy is not the input.
 */
export function mapToCaller(
  numbers: Uint8Array,
  positions: Float64Array,
  geom: NonNullable<NwchemOutput['firstGeometry']>,
): Mapping {
  const n = numbers.length;
  const fail = (why: string) =>
    new EngineError('engine-failed', `nwchem: its geometry does not match the input (${why})`, {
      hint: 'symmetrisation moved the atoms: run without symmetry',
    });
  if (geom.positionsA.length !== 3 * n) throw fail(`${geom.positionsA.length / 3} atoms instead of ${n}`);
  const identity = Int32Array.from({ length: n }, (_, i) => i);
  const direct = frameOf(positions, geom.positionsA);
  if (direct.rms <= FRAME_TOLERANCE_A) return { perm: identity, frame: direct };
  const zs = Uint8Array.from(geom.symbols, (s) => elementBySymbol(s.replace(/[^A-Za-z].*$/, ''))?.z ?? 0);
  const cmp = compareStructures(
    { numbers, positions, charge: 0 },
    { numbers: zs, positions: geom.positionsA, charge: 0 },
    { mirror: false },
  );
  if (cmp.onlyInA.length || cmp.onlyInB.length) throw fail('the elements differ');
  const perm = new Int32Array(n).fill(-1);
  for (const [i, j] of cmp.pairs) perm[i] = j;
  if (perm.includes(-1)) throw fail('an atom has no partner');
  const frame = frameOf(positions, permuted(geom.positionsA, perm));
  if (frame.rms > FRAME_TOLERANCE_A) throw fail(`${frame.rms.toFixed(3)} Å RMS apart`);
  return { perm, frame };
}

/** No SCF state converged: every attempt is in `states`. */
export class NwchemNoStateError extends EngineError {
  override readonly name: string = 'NwchemNoStateError';
  readonly states: readonly NwchemState[];
  constructor(
    states: readonly NwchemState[],
    code: string,
    message: string,
    options: { hint?: string } = {},
  ) {
    super(code, message, options);
    this.states = states;
  }
}

export interface NwchemStateSearch {
  /** The lowest converged state's settings. */
  readonly best: { guess: NwchemGuess; multiplicity: number; smearHa: number };
  readonly states: readonly NwchemState[];
  /** The run of the lowest state (for its orbitals, charges, gradient or geometry). */
  readonly run: GoodRun;
  readonly multiplicityFixed: boolean;
}

function candidateStates(input: CalcInput, o: NwchemOptions): { guess: NwchemGuess; multiplicity: number }[] {
  const mult = multiplicityFor(input.numbers, input.charge, input.uhf);
  const guesses = o.guesses?.length ? o.guesses : (['default', 'smear', 'hcore'] as const);
  const open = mult > 1;
  const list: { guess: NwchemGuess; multiplicity: number }[] = [];
  for (const g of open || o.searchClosedShell ? guesses : guesses.slice(0, 1))
    list.push({ guess: g, multiplicity: mult });
  if (open && input.uhf === undefined && (o.tryHigherSpin ?? true)) {
    list.push({ guess: guesses[0]!, multiplicity: mult + 2 });
  }
  return list;
}

function settingsOf(o: NwchemOptions) {
  return { method: o.method ?? 'pbe', basis: o.basis ?? 'def2-svp' } as const;
}

function checkOptions(o: NwchemOptions): void {
  const { method, basis } = settingsOf(o);
  if (!NWCHEM_METHODS.includes(method)) {
    throw new InputError('nwchem-method', `NWChem runs ${NWCHEM_METHODS.join(' and ')}, not "${method}"`, {
      hint: '--method pbe or --method pbe0',
    });
  }
  if (!NWCHEM_BASES.includes(basis)) {
    throw new InputError('nwchem-basis', `unknown basis "${basis}"`, {
      hint: `--basis ${NWCHEM_BASES.join(' | ')}`,
    });
  }
}

/**
 * Try every candidate SCF state of `input` for `task` and keep the lowest converged one. Throws an
 * EngineError listing every attempt when none converged; process failures (missing executable,
 * time-out, cancellation, full disk) are thrown at once.
 */
export async function nwchemStateSearch(
  input: CalcInput,
  task: NwchemTask,
  o: NwchemOptions = {},
  ctl: CalcOptions = {},
): Promise<NwchemStateSearch> {
  checkOptions(o);
  const { method, basis } = settingsOf(o);
  const cands = candidateStates(input, o);
  const states: NwchemState[] = [];
  let best: { state: NwchemState; run: GoodRun; guess: NwchemGuess; multiplicity: number } | null = null;
  const smearHa = o.smearHa ?? 0;
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k]!;
    ctl.onProgress?.({
      done: k,
      total: cands.length,
      message: `nwchem ${method}/${basis}: guess ${c.guess}, 2S+1 = ${c.multiplicity}`,
    });
    const job: NwchemJob = {
      numbers: input.numbers,
      positions: input.positions,
      charge: input.charge,
      multiplicity: c.multiplicity,
      method,
      basis,
      task,
      guess: c.guess,
      smearHa,
      symmetry: o.symmetry ?? true,
      ...(o.iterations !== undefined ? { iterations: o.iterations } : {}),
      ...(o.energyConvergenceHa !== undefined ? { energyConvergenceHa: o.energyConvergenceHa } : {}),
      ...(o.maxOptSteps !== undefined ? { maxOptSteps: o.maxOptSteps } : {}),
    };
    const { out, stdout, seconds } = await runJob(job, o, ctl);
    const fail = nwchemFailure(out, job, stdout.slice(-2000));
    const base = { task, guess: c.guess, multiplicity: c.multiplicity, smearHa, seconds };
    if (fail) {
      states.push({ ...base, status: 'failed', reason: fail });
      continue;
    }
    const energyEv = out.energyHa! * HARTREE_EV;
    const state: NwchemState = {
      ...base,
      status: 'ok',
      reason: '',
      energyEv,
      ...(out.s2 !== null ? { s2: out.s2 } : {}),
      ...(out.orbitals.gapHa !== null ? { gapEv: out.orbitals.gapHa * HARTREE_EV } : {}),
      ...(gradientConverged(out.optimization)
        ? {
            warning: `the geometry optimisation met NWChem's gradient thresholds (gmax ${out.optimization!.lastGmaxHaPerBohr} Ha/bohr) but not its step thresholds within ${out.optimization!.energiesHa.length} steps: geometry accepted`,
          }
        : {}),
    };
    states.push(state);
    if (!best || energyEv < best.state.energyEv!) {
      best = {
        state,
        run: { out, energyEv, seconds, version: out.version ?? 'unknown' },
        guess: c.guess,
        multiplicity: c.multiplicity,
      };
    }
  }
  ctl.onProgress?.({ done: cands.length, total: cands.length, message: 'nwchem: state search done' });
  if (!best) {
    throw new NwchemNoStateError(
      states,
      'engine-failed',
      `nwchem ${method}/${basis}: no SCF state converged (${states.map((s) => `${s.guess}/2S+1=${s.multiplicity}: ${s.reason}`).join('; ')})`,
      { hint: 'try --method pbe, a smearing width, a different --uhf, or check the geometry' },
    );
  }
  return {
    best: { guess: best.guess, multiplicity: best.multiplicity, smearHa },
    states,
    run: best.run,
    multiplicityFixed: input.uhf !== undefined,
  };
}

function attemptsOf(states: readonly NwchemState[], method: string, basis: string): CalcAttempt[] {
  return states.map((s) => ({
    method,
    settings: {
      basis,
      task: s.task,
      guess: s.guess,
      multiplicity: s.multiplicity,
      ...(s.smearHa > 0 ? { smearHa: s.smearHa } : {}),
      ...(s.energyEv !== undefined ? { energyEv: Number(s.energyEv.toFixed(6)) } : {}),
    },
    status: s.status,
    reason: s.reason,
  }));
}

function warningsOf(search: NwchemStateSearch): string[] {
  const w: string[] = [];
  const ok = search.states.filter((s) => s.status === 'ok');
  const best = ok.reduce((a, b) => (b.energyEv! < a.energyEv! ? b : a));
  for (const s of ok) {
    const d = s.energyEv! - best.energyEv!;
    if (d > 0.05)
      w.push(`guess ${s.guess} (2S+1 = ${s.multiplicity}) converged to a state ${d.toFixed(2)} eV higher`);
  }
  if (best.gapEv !== undefined && best.gapEv < -1e-3) {
    w.push(
      `the lowest state found has a non-aufbau occupation (spin-conserving gap ${best.gapEv.toFixed(2)} eV): it may be an excited state`,
    );
  }
  if (best.s2 !== undefined) {
    const s = (best.multiplicity - 1) / 2;
    if (best.s2 - s * (s + 1) > 0.1)
      w.push(`spin contamination: <S²> = ${best.s2.toFixed(3)} vs ${(s * (s + 1)).toFixed(3)}`);
  }
  if (best.smearHa > 0) w.push(`fractional occupations (smearing ${best.smearHa} Ha) in the final energy`);
  if (best.warning) w.push(best.warning);
  return w;
}

function outputOf(
  search: NwchemStateSearch,
  input: CalcInput,
  o: NwchemOptions,
  mapping?: Mapping,
): CalcOutput {
  const { method, basis } = settingsOf(o);
  const out = search.run.out;
  const warnings = warningsOf(search);
  const map =
    mapping ?? (out.firstGeometry ? mapToCaller(input.numbers, input.positions, out.firstGeometry) : null);
  let forces: Float64Array | undefined;
  if (input.gradient) {
    if (!map)
      throw new EngineError('engine-failed', 'nwchem: no geometry in the output to map its gradient back');
    const g = out.gradient!;
    const gCaller = toCallerFrame(permuted(g.gradHaPerBohr, map.perm), map.frame, false);
    forces = Float64Array.from(gCaller, (x) => (-x * HARTREE_EV) / BOHR_A);
  }
  const o2 = out.orbitals;
  const mc = out.mulliken?.charges;
  const charges =
    mc && map && mc.length === input.numbers.length ? Array.from(map.perm, (j) => mc[j]!) : undefined;
  return {
    energyEv: search.run.energyEv,
    ...(forces ? { forcesEvPerA: forces } : {}),
    ...(o2.homoHa !== null ? { homoEv: o2.homoHa * HARTREE_EV } : {}),
    ...(o2.lumoHa !== null ? { lumoEv: o2.lumoHa * HARTREE_EV } : {}),
    ...(o2.gapHa !== null ? { gapEv: o2.gapHa * HARTREE_EV } : {}),
    ...(charges ? { charges } : {}),
    converged: true,
    method,
    attempts: attemptsOf(search.states, method, basis),
    engineVersion: `nwchem ${search.run.version}`,
    warnings,
  };
}

/** Result of a geometry optimisation with NWChem's driver. */
export interface NwchemOptimized {
  /** Optimised positions in the caller's frame, Å. */
  readonly positions: Float64Array;
  readonly output: CalcOutput;
  /** Energies of the optimisation steps, eV. */
  readonly stepEnergiesEv: readonly number[];
}

/** A Calculator that can also optimise a geometry (used for adiabatic IP/EA). */
export interface OptimizingCalculator extends Calculator {
  optimize(input: CalcInput, opts?: CalcOptions): Promise<NwchemOptimized>;
}

/**
 * The NWChem Calculator: `calculate` runs a single point (or gradient) with the state search;
 * `optimize` searches the state at the start geometry, then optimises with `task dft optimize`
 * (symmetry kept: the structure stays in its point group) starting from the winning guess.
 */
export function createNwchemCalculator(o: NwchemOptions = {}): OptimizingCalculator {
  checkOptions(o);
  const { method } = settingsOf(o);
  return {
    engine: 'nwchem',
    method,
    async calculate(input: CalcInput, ctl: CalcOptions = {}): Promise<CalcOutput> {
      const search = await nwchemStateSearch(input, input.gradient ? 'gradient' : 'energy', o, ctl);
      return outputOf(search, input, o);
    },
    async optimize(input: CalcInput, ctl: CalcOptions = {}): Promise<NwchemOptimized> {
      // With a single candidate state there is nothing to choose: optimise at once.
      const single = candidateStates(input, o).length === 1;
      const first = single ? null : await nwchemStateSearch(input, 'energy', o, ctl);
      const fixed: NwchemOptions = {
        ...o,
        guesses: [first?.best.guess ?? candidateStates(input, o)[0]!.guess],
        tryHigherSpin: false,
        searchClosedShell: false,
      };
      const uhf = first ? first.best.multiplicity - 1 : input.uhf;
      const opt = await nwchemStateSearch(
        { ...input, ...(uhf !== undefined ? { uhf } : {}), gradient: false },
        'optimize',
        fixed,
        ctl,
      );
      const out = opt.run.out;
      if (!out.firstGeometry || !out.geometry)
        throw new EngineError('engine-failed', 'nwchem: no geometry in the optimisation output');
      const map = mapToCaller(input.numbers, input.positions, out.firstGeometry);
      const positions = toCallerFrame(permuted(out.geometry.positionsA, map.perm), map.frame, true);
      const output = outputOf(opt, { ...input, positions, gradient: false }, o, map);
      const { method: m, basis: b } = settingsOf(o);
      const warnings = [...new Set([...(first ? warningsOf(first) : []), ...(output.warnings ?? [])])];
      return {
        positions,
        output: {
          ...output,
          attempts: [...(first ? attemptsOf(first.states, m, b) : []), ...(output.attempts ?? [])],
          warnings,
        },
        stepEnergiesEv: (out.optimization?.energiesHa ?? []).map((e) => e * HARTREE_EV),
      };
    },
  };
}

export interface NwchemCalcRequest {
  readonly method?: NwchemMethod;
  readonly basis?: NwchemBasis;
  readonly charge?: number;
  readonly uhf?: number;
  readonly optimize?: boolean;
  /** Not available with NWChem (Mulliken populations are printed to 0.01 e): an InputError. */
  readonly fukui?: boolean;
  /** Vertical ΔSCF IP / EA at the (optimised) geometry, with the cation/anion state search. */
  readonly ip?: boolean;
  readonly ea?: boolean;
}

/**
 * The `calc` workflow on NWChem (`superatom calc --engine nwchem`): state search, optional
 * optimisation (NWChem's driver, symmetry kept), vertical ΔSCF IP/EA. Engine failures of the
 * structure itself give `converged: false`, null energies and every attempt with its reason;
 * process failures (missing executable, time-out, cancellation) throw. `inputs` holds the NWChem
 * input deck of the run that produced the result (for provenance when saving).
 */
export async function nwchemCalc(
  structure: Structure,
  req: NwchemCalcRequest = {},
  o: NwchemOptions & { readonly onProgress?: CalcOptions['onProgress']; readonly signal?: AbortSignal } = {},
): Promise<{ report: CalcReport; structure: Structure; inputs: Record<string, string> }> {
  if (req.fukui) {
    throw new InputError('nwchem-fukui', '--fukui is not available with --engine nwchem', {
      hint: 'use --engine xtb for Fukui indices and the site ranking',
    });
  }
  const opts: NwchemOptions = {
    ...o,
    ...(req.method ? { method: req.method } : {}),
    ...(req.basis ? { basis: req.basis } : {}),
  };
  const calc = createNwchemCalculator(opts);
  const ctl: CalcOptions = {
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
  };
  const charge = req.charge ?? structure.charge ?? 0;
  const mult = multiplicityFor(structure.numbers, charge, req.uhf);
  const input: CalcInput = {
    numbers: structure.numbers,
    positions: structure.positions,
    charge,
    ...(req.uhf !== undefined ? { uhf: req.uhf } : {}),
  };
  const { method, basis } = settingsOf(opts);
  const attempts: CalcAttempt[] = [];
  const warnings: string[] = [];
  let positions = structure.positions;
  let out: CalcOutput | null = null;
  try {
    if (req.optimize) {
      const r = await calc.optimize(input, ctl);
      positions = r.positions;
      out = r.output;
    } else {
      out = await calc.calculate(input, ctl);
    }
    attempts.push(...(out.attempts ?? []));
    warnings.push(...(out.warnings ?? []));
  } catch (e) {
    if (!(e instanceof NwchemNoStateError)) throw e;
    attempts.push(...attemptsOf(e.states, method, basis));
    warnings.push('every attempt failed: no result is reported');
  }
  let ip: number | null = null;
  let ea: number | null = null;
  if (out) {
    for (const [want, dq, label] of [
      [req.ip, 1, 'cation'],
      [req.ea, -1, 'anion'],
    ] as const) {
      if (!want) continue;
      try {
        const ion = await calc.calculate({ numbers: structure.numbers, positions, charge: charge + dq }, ctl);
        const v = dq === 1 ? ion.energyEv - out.energyEv : out.energyEv - ion.energyEv;
        if (dq === 1) ip = v;
        else ea = v;
        attempts.push(
          ...(ion.attempts ?? []).map((a) => ({ ...a, settings: { ...a.settings, species: label } })),
        );
        for (const w of ion.warnings ?? []) warnings.push(`${label}: ${w}`);
      } catch (e) {
        if (!(e instanceof NwchemNoStateError)) throw e;
        attempts.push(
          ...attemptsOf(e.states, method, basis).map((a) => ({
            ...a,
            settings: { ...a.settings, species: label },
          })),
        );
        warnings.push(`${label}: no SCF state converged, so no ${dq === 1 ? 'IP' : 'EA'}`);
      }
    }
    if (req.ip || req.ea)
      warnings.push(
        `ip/ea: vertical ΔSCF ${method.toUpperCase()}/${basis} at the ${req.optimize ? 'optimised' : 'given'} geometry`,
      );
  }
  const finalStructure: Structure = { ...structure, positions, charge };
  // the attempt that produced the result (lowest ok state of the structure itself)
  const win = out
    ? (out.attempts ?? []).find(
        (a) => a.status === 'ok' && a.settings.energyEv === Number(out!.energyEv.toFixed(6)),
      )
    : undefined;
  const winMult = win ? Number(win.settings.multiplicity) : mult;
  const inputs: Record<string, string> = {};
  if (win) {
    inputs['calc.nw'] = writeNwchemInput({
      numbers: structure.numbers,
      positions: structure.positions,
      charge,
      multiplicity: winMult,
      method,
      basis,
      task: win.settings.task as NwchemTask,
      guess: win.settings.guess as NwchemGuess,
      smearHa: opts.smearHa ?? 0,
      symmetry: opts.symmetry ?? true,
      ...(opts.iterations !== undefined ? { iterations: opts.iterations } : {}),
      ...(opts.energyConvergenceHa !== undefined ? { energyConvergenceHa: opts.energyConvergenceHa } : {}),
      ...(opts.maxOptSteps !== undefined ? { maxOptSteps: opts.maxOptSteps } : {}),
    });
  }
  const report: CalcReport = {
    engine: 'nwchem',
    method,
    attempts,
    energy: out ? out.energyEv : null,
    gap: out?.gapEv ?? null,
    homo: out?.homoEv ?? null,
    lumo: out?.lumoEv ?? null,
    charges: out?.charges ? [...out.charges] : [],
    fukui: EMPTY_FUKUI,
    sites: [],
    ip,
    ea,
    converged: out !== null,
    warnings,
    charge,
    uhf: winMult - 1,
    atoms: structure.numbers.length,
    engineVersion: out?.engineVersion ?? 'nwchem',
    optimized: Boolean(req.optimize && out),
  };
  return { report, structure: finalStructure, inputs };
}
