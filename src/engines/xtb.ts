/**
 * The xtb engine (Debian xtb 6.5.1; Grimme's GFN-xTB methods): single points
 * with gradient, charges and orbitals, Fukui indices (--vfukui), vertical IP/EA
 * (--vipea), geometry optimisation (--opt), behind the Calculator contract and
 * as the `calc` workflow with a fallback chain and sanity checks.
 *
 * Every xtb process runs through engines/process.ts: no shell, a private temp
 * directory, XTBPATH set (GFN1 --vfukui and --vipea need param files there),
 * one OpenMP/BLAS thread, the remaining time of the call as its limit, and
 * cancellation by killing its process group.
 *
 * Fallback chain (each attempt recorded in order): the method asked for at
 * 300 K → the same at RAISED_ETEMP_K → GFN1 at 300 K (only when GFN2 was asked
 * for). An attempt fails, and the next one runs, when xtb reports no SCF
 * convergence or a sanity check rejects the result ({@link sanityReason}).
 * Missing executable, time-out, cancellation and full disk are not method
 * failures: they end the call with an error at once.
 *
 * References: GFN2-xTB, Bannwarth, Ehlert & Grimme, JCTC 15, 1652 (2019);
 * GFN1-xTB, Grimme, Bannwarth & Shushkov, JCTC 13, 1989 (2017); IPEA-xTB,
 * Ásgeirsson, Bauer & Grimme, Chem. Sci. 8, 4879 (2017).
 */
import { EngineError, InputError } from '../core/errors.js';
import type { ProgressCallback } from '../core/progress.js';
import { BOHR_A, HARTREE_EV } from '../core/units.js';
import { elementByZ } from '../data/index.js';
import type { CalcAttempt, CalcInput, CalcOptions, CalcOutput, Calculator } from '../potential/calculator.js';
import { isMetal } from '../structure/bonds.js';
import type { Structure } from '../structure/structure.js';
import { type CalcReport, EMPTY_FUKUI, type FukuiReport, fukuiReport, rankSites } from '../workflows/calc.js';
import { LOW_DISK_BYTES, type RunResult, runProcess } from './process.js';
import { XTB_ATOM_ENERGIES_EH } from './xtb-atoms.js';
import {
  frontierOrbitals,
  parseEngrad,
  parseFukui,
  parseIpEa,
  parseXtbJson,
  parseXtbXyz,
  scfIterations,
  xtbFailureReason,
} from './xtb-parse.js';

export type XtbMethod = 'gfn2' | 'gfn1';
export const XTB_METHODS: readonly XtbMethod[] = ['gfn2', 'gfn1'];

/** One point of the fallback chain. */
export interface XtbSettings {
  readonly method: XtbMethod;
  /** Electronic temperature, K (xtb --etemp; its default is 300 K). */
  readonly etemp: number;
}

export const DEFAULT_ETEMP_K = 300;
/**
 * Electronic temperature of the second attempt, K: Fermi smearing helps near-degenerate metal
 * clusters (GFN2 on the Au13 icosahedron needs 246 SCF iterations at 1000 K but 16 at 2000 K).
 */
export const RAISED_ETEMP_K = 2000;

/**
 * Sanity bounds (see docs/engines.md):
 *  - largest atomic gradient 1 Eh/bohr (51 eV/Å): a compressed C–H bond 0.3 Å off its length feels
 *    ~0.2 Eh/bohr; the forced GFN2 Au13 icosahedron reports ~2.4 Eh/bohr per atom;
 *  - |partial charge| ≤ 2 e on a metal atom (the issue's bound);
 *  - (E − Σ E_free atom)/N within [−20, +10] eV/atom, free-atom energies from xtb itself
 *    (src/engines/xtb-atoms.ts): real binding energies are a few eV/atom (GFN1 Au13 −2.1,
 *    GFN2 [B12H12]²⁻ −5.7); the forced GFN2 Au13 is at −101 eV/atom;
 *  - an optimisation may lower the energy by at most 5 eV/atom.
 */
export const MAX_ATOM_GRADIENT_EH_PER_BOHR = 1;
export const MAX_METAL_CHARGE_E = 2;
export const MIN_BINDING_EV_PER_ATOM = -20;
export const MAX_BINDING_EV_PER_ATOM = 10;
export const MAX_OPT_DROP_EV_PER_ATOM = 5;

export interface XtbOptions {
  /** Executable (default $SUPERATOM_XTB or `xtb` on PATH). */
  readonly executable?: string;
  /** Parameter directory (default $XTBPATH or /usr/share/xtb). */
  readonly xtbPath?: string;
  /** Wall-time limit for the whole call (all attempts), ms. */
  readonly timeLimitMs?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: ProgressCallback;
  /** Where private run directories are made (default os.tmpdir()). */
  readonly tmpRoot?: string;
  /** Called with each xtb process id (tests check that none survives). */
  readonly onSpawn?: (pid: number) => void;
  /** Called after each xtb process with its wall time from spawn to exit, ms (benchmarks). */
  readonly onRun?: (info: { readonly elapsedMs: number; readonly args: readonly string[] }) => void;
}

/** What one xtb single point gave, in xtb's units. */
export interface XtbPoint {
  readonly energyEh: number;
  readonly gapEv: number;
  readonly homoEv: number | undefined;
  readonly lumoEv: number | undefined;
  readonly charges: number[];
  /** dE/dx, Eh/bohr, length 3N. */
  readonly gradient: Float64Array;
  readonly version: string;
  readonly iterations: number | undefined;
}

/** A method failure (not converged, failed a sanity check): the chain moves on. */
class AttemptFailure extends Error {}

function symbolOf(z: number): string {
  const s = elementByZ(z)?.symbol;
  if (!s) throw new InputError('calc-element', `no element with atomic number ${z}`);
  return s;
}

/** XYZ text of a structure (Å, 10 decimals) for xtb. */
export function xyzText(numbers: Uint8Array, positions: Float64Array, title = ''): string {
  const out = [String(numbers.length), title.replace(/[\r\n]/g, ' ')];
  for (let i = 0; i < numbers.length; i++) {
    out.push(
      `${symbolOf(numbers[i]!)} ${positions[3 * i]!.toFixed(10)} ${positions[3 * i + 1]!.toFixed(10)} ${positions[3 * i + 2]!.toFixed(10)}`,
    );
  }
  return `${out.join('\n')}\n`;
}

/** Unpaired electrons by default: parity of the electron count ΣZ − charge (valence parity is the same). */
export function defaultUhf(numbers: Uint8Array, charge: number): number {
  let sum = 0;
  for (const z of numbers) sum += z;
  return (((sum - charge) % 2) + 2) % 2;
}

/** Check charge/uhf against the atoms; returns the uhf to use. */
export function checkSpin(numbers: Uint8Array, charge: number, uhf?: number): number {
  if (!Number.isInteger(charge))
    throw new InputError('calc-charge', `--charge must be a whole number, got ${charge}`);
  if (numbers.length === 0) throw new InputError('calc-empty', 'the structure has no atoms');
  for (const z of numbers) {
    if (z > 86) {
      throw new InputError(
        'calc-element',
        `xtb's GFN methods cover H–Rn (Z ≤ 86); the structure has Z = ${z}`,
      );
    }
  }
  const parity = defaultUhf(numbers, charge);
  if (uhf === undefined) return parity;
  if (!Number.isInteger(uhf) || uhf < 0 || uhf % 2 !== parity) {
    throw new InputError(
      'calc-uhf',
      `--uhf ${uhf} does not fit ${parity === 1 ? 'an odd' : 'an even'} number of electrons (charge ${charge})`,
      { hint: `use an ${parity === 1 ? 'odd' : 'even'} number of unpaired electrons, e.g. --uhf ${parity}` },
    );
  }
  return uhf;
}

interface Ctx {
  readonly o: XtbOptions;
  readonly deadline: number;
  version: string;
}

function fmtLimit(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${Math.round(ms)} ms`;
}

function remainingMs(ctx: Ctx): number | undefined {
  if (!Number.isFinite(ctx.deadline)) return undefined;
  return Math.max(1, ctx.deadline - performance.now());
}

/** One xtb process; returns its result, or throws AttemptFailure when xtb itself reports non-convergence. */
async function xtbRun(
  ctx: Ctx,
  numbers: Uint8Array,
  positions: Float64Array,
  charge: number,
  uhf: number,
  s: XtbSettings,
  mode: string[],
  collect: string[],
): Promise<RunResult> {
  const xtbPath = ctx.o.xtbPath ?? process.env.XTBPATH ?? '/usr/share/xtb';
  const limit = remainingMs(ctx);
  const r = await runProcess({
    executable: ctx.o.executable ?? process.env.SUPERATOM_XTB ?? 'xtb',
    label: 'xtb',
    args: [
      'coord.xyz',
      // --vipea runs IPEA-xTB only without an explicit --gfn before it (xtb 6.5.1: `--gfn 2 --vipea`
      // silently gives GFN2 ΔSCC values without IPEA's parameters and shift), so it gets none
      ...(mode.includes('--vipea') ? [] : ['--gfn', s.method === 'gfn2' ? '2' : '1']),
      '--chrg',
      String(charge),
      '--uhf',
      String(uhf),
      '--etemp',
      String(s.etemp),
      ...mode,
    ],
    files: { 'coord.xyz': xyzText(numbers, positions) },
    collect,
    env: {
      XTBPATH: xtbPath,
      OMP_NUM_THREADS: '1',
      MKL_NUM_THREADS: '1',
      OPENBLAS_NUM_THREADS: '1',
      OMP_MAX_ACTIVE_LEVELS: '1',
    },
    allowNonZeroExit: true,
    tmpPrefix: 'superatom-xtb-',
    ...(limit !== undefined ? { timeLimitMs: limit } : {}),
    ...(ctx.o.signal ? { signal: ctx.o.signal } : {}),
    ...(ctx.o.tmpRoot ? { tmpRoot: ctx.o.tmpRoot } : {}),
    ...(ctx.o.onSpawn ? { onSpawn: ctx.o.onSpawn } : {}),
    ...(ctx.o.onProgress && mode.includes('--opt')
      ? {
          // optimisation cycles as they are printed (".... CYCLE   12 ....")
          onStdout: (chunk: string) => {
            for (const m of chunk.matchAll(/CYCLE\s+(\d+)/g)) {
              ctx.o.onProgress!({
                done: Number(m[1]),
                message: `${s.method.toUpperCase()} optimisation, cycle ${m[1]}`,
              });
            }
          },
        }
      : {}),
  }).catch((e: unknown) => {
    if (e instanceof EngineError && e.code === 'engine-timeout') {
      throw new EngineError(
        'engine-timeout',
        `xtb did not finish within the time limit of ${fmtLimit(ctx.o.timeLimitMs ?? 0)} (process group killed)`,
        { hint: 'raise the time limit (--time-limit) or use a smaller system' },
      );
    }
    throw e;
  });
  ctx.o.onRun?.({ elapsedMs: r.elapsedMs, args: mode });
  const version = /xtb version\s+(\d[\w.]*)/.exec(r.stdout)?.[1];
  if (version) ctx.version = version;
  const reason = xtbFailureReason(r.stdout, r.stderr);
  if (reason && !/parameter|param_|not found|cannot open|no such file/i.test(reason)) {
    throw new AttemptFailure(reason);
  }
  if (r.exitCode !== 0 || reason) {
    const tailText = (r.stderr.trim() ? r.stderr : r.stdout).trim().split('\n').slice(-12).join('\n');
    throw new EngineError(
      'engine-exit',
      `xtb stopped with exit status ${r.exitCode}${reason ? `: ${reason}` : ''}`,
      {
        hint: /param|not found/i.test(`${reason ?? ''}\n${tailText}`)
          ? `xtb cannot find its parameter files: set XTBPATH (e.g. /usr/share/xtb)\nlast output:\n${tailText}`
          : `last output:\n${tailText}`,
      },
    );
  }
  for (const f of collect) {
    if (!r.files[f] || r.files[f]!.trim() === '') {
      if (r.freeBytesAfter < LOW_DISK_BYTES) {
        throw new EngineError(
          'engine-disk-full',
          `xtb: no space left on the device (its output ${f} is empty, ${r.freeBytesAfter} bytes free; xtb exited ${r.exitCode} regardless)`,
          { hint: 'free disk space or point TMPDIR at a larger file system' },
        );
      }
      throw new EngineError('engine-output', `xtb finished without writing ${f}`, {
        hint: `last output:\n${r.stdout.trim().split('\n').slice(-8).join('\n')}`,
      });
    }
  }
  return r;
}

/** Parse an output; a truncated file on a nearly full disk is reported as a full disk. */
function orDiskFull<T>(r: RunResult, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (e instanceof EngineError && e.code === 'engine-output' && r.freeBytesAfter < LOW_DISK_BYTES) {
      throw new EngineError(
        'engine-disk-full',
        `xtb: no space left on the device (an output is truncated, ${r.freeBytesAfter} bytes free): ${e.message}`,
        { hint: 'free disk space or point TMPDIR at a larger file system' },
      );
    }
    throw e;
  }
}

/** One xtb single point with gradient (`--json --grad`). */
async function singlePoint(
  ctx: Ctx,
  numbers: Uint8Array,
  positions: Float64Array,
  charge: number,
  uhf: number,
  s: XtbSettings,
): Promise<XtbPoint> {
  const r = await xtbRun(
    ctx,
    numbers,
    positions,
    charge,
    uhf,
    s,
    ['--json', '--grad'],
    ['xtbout.json', 'coord.engrad'],
  );
  const j = orDiskFull(r, () => parseXtbJson(r.files['xtbout.json']!));
  const g = orDiskFull(r, () => parseEngrad(r.files['coord.engrad']!, 'coord.engrad'));
  if (g.atoms !== numbers.length || j.charges.length !== numbers.length) {
    throw new EngineError('engine-output', `xtb reported ${g.atoms} atoms, the input has ${numbers.length}`);
  }
  if (j.version) ctx.version = j.version;
  const fo = frontierOrbitals(j);
  return {
    energyEh: Number.isFinite(g.energyEh) ? g.energyEh : j.totalEnergyEh,
    gapEv: j.gapEv,
    homoEv: fo?.homoEv,
    lumoEv: fo?.lumoEv,
    charges: j.charges,
    gradient: g.gradient,
    version: ctx.version,
    iterations: scfIterations(r.stdout),
  };
}

/** Σ free-atom energies of GFN1/GFN2 (Eh), or undefined when an element has no reference. */
export function freeAtomSumEh(numbers: Uint8Array, method: XtbMethod): number | undefined {
  let sum = 0;
  for (const z of numbers) {
    const e = XTB_ATOM_ENERGIES_EH[z - 1]?.[method === 'gfn1' ? 0 : 1];
    if (e === null || e === undefined) return undefined;
    sum += e;
  }
  return sum;
}

/**
 * Why a single point must not be reported (every failed check, joined by "; "), or undefined when
 * it passes every check.
 */
export function sanityReason(numbers: Uint8Array, p: XtbPoint, method: XtbMethod): string | undefined {
  const n = numbers.length;
  if (!Number.isFinite(p.energyEh)) return `energy is ${p.energyEh}`;
  if (!Number.isFinite(p.gapEv)) return `HOMO–LUMO gap is ${p.gapEv}`;
  const reasons: string[] = [];
  const ref = freeAtomSumEh(numbers, method);
  if (ref !== undefined) {
    const perAtom = ((p.energyEh - ref) * HARTREE_EV) / n;
    if (perAtom < MIN_BINDING_EV_PER_ATOM || perAtom > MAX_BINDING_EV_PER_ATOM) {
      reasons.push(
        `energy ${p.energyEh.toFixed(4)} Eh is ${perAtom.toFixed(1)} eV/atom from the free atoms (allowed ${MIN_BINDING_EV_PER_ATOM} to +${MAX_BINDING_EV_PER_ATOM})`,
      );
    }
  }
  let worst = 0;
  let at = 0;
  for (let i = 0; i < n; i++) {
    const g = Math.hypot(p.gradient[3 * i]!, p.gradient[3 * i + 1]!, p.gradient[3 * i + 2]!);
    if (!Number.isFinite(g)) return `gradient of atom ${i + 1} is not finite`;
    if (g > worst) {
      worst = g;
      at = i;
    }
  }
  if (worst > MAX_ATOM_GRADIENT_EH_PER_BOHR) {
    reasons.push(
      `gradient ${worst.toFixed(2)} Eh/bohr on atom ${at + 1} exceeds ${MAX_ATOM_GRADIENT_EH_PER_BOHR} Eh/bohr (nonsense, or atoms far too close)`,
    );
  }
  let metal: string | undefined;
  for (let i = 0; i < n; i++) {
    const q = p.charges[i]!;
    if (!Number.isFinite(q)) return `partial charge of atom ${i + 1} is ${q}`;
    if (!metal && isMetal(numbers[i]!) && Math.abs(q) > MAX_METAL_CHARGE_E) {
      metal = `partial charge ${q.toFixed(2)} e on metal atom ${i + 1} (${symbolOf(numbers[i]!)}) exceeds ±${MAX_METAL_CHARGE_E} e`;
    }
  }
  if (metal) reasons.push(metal);
  return reasons.length ? reasons.join('; ') : undefined;
}

/** The attempts tried for a requested method (the fallback chain). */
export function fallbackChain(method: XtbMethod, fallback = true): XtbSettings[] {
  const first = { method, etemp: DEFAULT_ETEMP_K };
  if (!fallback) return [first];
  const chain: XtbSettings[] = [first, { method, etemp: RAISED_ETEMP_K }];
  if (method === 'gfn2') chain.push({ method: 'gfn1', etemp: DEFAULT_ETEMP_K });
  return chain;
}

export interface XtbCalcRequest {
  readonly method?: XtbMethod;
  readonly charge?: number;
  readonly uhf?: number;
  readonly optimize?: boolean;
  readonly fukui?: boolean;
  readonly ip?: boolean;
  readonly ea?: boolean;
  /** Try the fallback chain (default true); false: only the method asked for at 300 K. */
  readonly fallback?: boolean;
}

/** The `calc` report computed by xtb, with the optimised structure when asked for. */
export interface XtbCalcResult {
  readonly report: CalcReport;
  /** The structure the properties were computed on (optimised under --optimize). */
  readonly structure: Structure;
}

function newCtx(o: XtbOptions): Ctx {
  const limit = o.timeLimitMs;
  return {
    o,
    deadline:
      limit !== undefined && Number.isFinite(limit) ? performance.now() + limit : Number.POSITIVE_INFINITY,
    version: '',
  };
}

async function optimizeGeometry(
  ctx: Ctx,
  s: Structure,
  charge: number,
  uhf: number,
  set: XtbSettings,
): Promise<Float64Array> {
  const r = await xtbRun(
    ctx,
    s.numbers,
    s.positions,
    charge,
    uhf,
    set,
    ['--opt'],
    ['xtbopt.xyz', 'xtbopt.log'],
  );
  const positions = orDiskFull(r, () => parseXtbXyz(r.files['xtbopt.xyz']!, s.numbers.length));
  const energies = [...r.files['xtbopt.log']!.matchAll(/energy:\s*(\S+)/g)].map((m) => Number(m[1]));
  const e0 = energies[0];
  const e1 = energies.at(-1);
  if (e0 !== undefined && e1 !== undefined) {
    const drop = ((e0 - e1) * HARTREE_EV) / s.numbers.length;
    if (!(drop <= MAX_OPT_DROP_EV_PER_ATOM)) {
      throw new AttemptFailure(
        `optimisation lowered the energy by ${drop.toFixed(1)} eV/atom (bound ${MAX_OPT_DROP_EV_PER_ATOM})`,
      );
    }
  }
  return positions;
}

async function fukuiRun(
  ctx: Ctx,
  numbers: Uint8Array,
  positions: Float64Array,
  charge: number,
  uhf: number,
  set: XtbSettings,
): Promise<FukuiReport> {
  const r = await xtbRun(ctx, numbers, positions, charge, uhf, set, ['--vfukui'], []);
  const f = orDiskFull(r, () => parseFukui(r.stdout, numbers.length));
  // f⁺ and f⁻ are population differences of one electron: each sums to 1 (rounded to 3 decimals by xtb)
  const tol = 0.02 + 0.0005 * numbers.length;
  for (const [name, v] of [
    ['f(+)', f.plus],
    ['f(-)', f.minus],
  ] as const) {
    const sum = v.reduce((a, b) => a + b, 0);
    if (!(Math.abs(sum - 1) <= tol)) {
      throw new AttemptFailure(`Fukui ${name} sums to ${sum.toFixed(3)}, not 1 (±${tol.toFixed(3)})`);
    }
  }
  return fukuiReport(f.plus, f.minus, f.zero);
}

function settingsRecord(s: XtbSettings): Record<string, number> {
  return { etemp: s.etemp };
}

/**
 * Run the `calc` workflow on xtb: the fallback chain, sanity checks, and the
 * properties asked for. Never returns a failed method as a result: when every
 * attempt fails the report has `converged: false`, null energies and the
 * reasons in `attempts`.
 */
export async function runXtbCalc(
  structure: Structure,
  req: XtbCalcRequest,
  o: XtbOptions = {},
): Promise<XtbCalcResult> {
  const charge = req.charge ?? structure.charge ?? 0;
  const uhf = checkSpin(structure.numbers, charge, req.uhf);
  const method = req.method ?? 'gfn2';
  const chain = fallbackChain(method, req.fallback ?? true);
  const ctx = newCtx(o);
  const attempts: CalcAttempt[] = [];
  const warnings: string[] = [];
  const n = structure.numbers.length;
  const progress = (done: number, message: string) => o.onProgress?.({ done, total: chain.length, message });
  let result: { set: XtbSettings; point: XtbPoint; positions: Float64Array; fukui: FukuiReport } | undefined;
  for (let k = 0; k < chain.length && !result; k++) {
    const set = chain[k]!;
    const label = `${set.method.toUpperCase()} at ${set.etemp} K`;
    try {
      let positions = structure.positions;
      if (req.optimize) {
        progress(k, `${label}: optimising the geometry`);
        positions = await optimizeGeometry(ctx, structure, charge, uhf, set);
      }
      progress(k, `${label}: single point`);
      const point = await singlePoint(ctx, structure.numbers, positions, charge, uhf, set);
      const bad = sanityReason(structure.numbers, point, set.method);
      if (bad) throw new AttemptFailure(bad);
      let fukui = EMPTY_FUKUI;
      if (req.fukui) {
        progress(k, `${label}: Fukui indices`);
        fukui = await fukuiRun(ctx, structure.numbers, positions, charge, uhf, set);
      }
      attempts.push({ method: set.method, settings: settingsRecord(set), status: 'ok', reason: '' });
      result = { set, point, positions, fukui };
    } catch (e) {
      if (!(e instanceof AttemptFailure)) throw e;
      attempts.push({
        method: set.method,
        settings: settingsRecord(set),
        status: 'failed',
        reason: e.message,
      });
      progress(k + 1, `${label} failed: ${e.message}`);
    }
  }
  const finalStructure: Structure = result
    ? { ...structure, positions: result.positions, charge }
    : { ...structure, charge };
  let ip: number | null = null;
  let ea: number | null = null;
  if (result && (req.ip || req.ea)) {
    progress(chain.length, 'vertical IP/EA (IPEA-xTB)');
    try {
      const r = await xtbRun(
        ctx,
        structure.numbers,
        result.positions,
        charge,
        uhf,
        result.set,
        ['--vipea'],
        [],
      );
      const v = parseIpEa(r.stdout);
      if (req.ip) ip = v.ip !== undefined && Number.isFinite(v.ip) ? v.ip : null;
      if (req.ea) ea = v.ea !== undefined && Number.isFinite(v.ea) ? v.ea : null;
      if ((req.ip && ip === null) || (req.ea && ea === null))
        warnings.push('xtb --vipea printed no IP/EA value');
      else
        warnings.push(
          'ip/ea: vertical ΔSCC with IPEA-xTB (a GFN1 reparametrisation with an empirical shift; Ásgeirsson, Bauer & Grimme, Chem. Sci. 8, 4879 (2017)), not the GFN method of the energy',
        );
    } catch (e) {
      if (!(e instanceof AttemptFailure)) throw e;
      warnings.push(`vertical IP/EA failed: ${e.message}`);
    }
  }
  if (result) {
    if (result.set.etemp !== DEFAULT_ETEMP_K) {
      warnings.push(
        `result at a raised electronic temperature (${result.set.etemp} K): fractional occupations, the energy includes an electronic entropy term`,
      );
    }
    if (result.set.method !== method) {
      warnings.push(
        `${method.toUpperCase()} failed (see attempts); the result is ${result.set.method.toUpperCase()}-xTB`,
      );
    }
    if (req.fukui) warnings.push('Fukui indices from xtb --vfukui are printed to 3 decimals');
  } else {
    warnings.push('every attempt failed: no result is reported');
  }
  const p = result?.point;
  const fukui = result?.fukui ?? EMPTY_FUKUI;
  const report: CalcReport = {
    engine: 'xtb',
    method: result?.set.method ?? chain.at(-1)!.method,
    attempts,
    energy: p ? p.energyEh * HARTREE_EV : null,
    gap: p ? p.gapEv : null,
    homo: p?.homoEv ?? null,
    lumo: p?.lumoEv ?? null,
    charges: p ? p.charges : [],
    fukui,
    sites: req.fukui && result ? rankSites(finalStructure, fukui) : [],
    ip,
    ea,
    converged: result !== undefined,
    warnings,
    charge,
    uhf,
    atoms: n,
    engineVersion: `xtb ${ctx.version || 'unknown'}`,
    optimized: Boolean(req.optimize && result),
  };
  return { report, structure: finalStructure };
}

/**
 * xtb as a {@link Calculator}: the fallback chain with sanity checks on every
 * call; energies eV, forces eV/Å. Throws an EngineError when every attempt fails.
 */
export function xtbCalculator(
  method: XtbMethod = 'gfn2',
  o: XtbOptions & { fallback?: boolean } = {},
): Calculator {
  return {
    engine: 'xtb',
    method,
    async calculate(input: CalcInput, opts?: CalcOptions): Promise<CalcOutput> {
      const uhf = checkSpin(input.numbers, input.charge, input.uhf);
      const signal = (opts?.signal as AbortSignal | undefined) ?? o.signal;
      const ctx = newCtx({ ...o, ...(signal ? { signal } : {}) });
      const attempts: CalcAttempt[] = [];
      for (const set of fallbackChain(method, o.fallback ?? true)) {
        try {
          const p = await singlePoint(ctx, input.numbers, input.positions, input.charge, uhf, set);
          const bad = sanityReason(input.numbers, p, set.method);
          if (bad) throw new AttemptFailure(bad);
          attempts.push({ method: set.method, settings: settingsRecord(set), status: 'ok', reason: '' });
          const f = HARTREE_EV / BOHR_A;
          const forces = new Float64Array(p.gradient.length);
          for (let k = 0; k < forces.length; k++) forces[k] = -p.gradient[k]! * f;
          return {
            energyEv: p.energyEh * HARTREE_EV,
            ...(input.gradient !== false ? { forcesEvPerA: forces } : {}),
            ...(p.homoEv !== undefined ? { homoEv: p.homoEv } : {}),
            ...(p.lumoEv !== undefined ? { lumoEv: p.lumoEv } : {}),
            gapEv: p.gapEv,
            charges: p.charges,
            converged: true,
            method: set.method,
            attempts,
            engineVersion: `xtb ${ctx.version}`,
          };
        } catch (e) {
          if (!(e instanceof AttemptFailure)) throw e;
          attempts.push({
            method: set.method,
            settings: settingsRecord(set),
            status: 'failed',
            reason: e.message,
          });
        }
      }
      throw new EngineError(
        'engine-failed',
        `xtb: every attempt failed (${attempts.map((a) => `${a.method} ${a.settings.etemp} K: ${a.reason}`).join('; ')})`,
        { hint: 'check the geometry, charge and spin (--uhf)' },
      );
    },
  };
}
