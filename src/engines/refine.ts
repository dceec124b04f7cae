/**
 * `--refine xtb` for `optimize` and `search`: the final structure(s) found on an empirical
 * potential are relaxed again with a quantum engine. The optimiser is xtb's own (`xtb --opt`,
 * its approximate-normal-coordinate optimiser ANCopt, default "normal" thresholds), run through
 * the xtb engine's fallback chain (GFN2 → GFN2 at 2000 K → GFN1) and sanity checks — one process per
 * structure instead of one per gradient step, so the wrapper costs nothing per step.
 *
 * Each refined structure reports its xtb energy (eV), the method that produced it, every attempt,
 * and how far the atoms moved (RMSD after superposition is not needed: xtb keeps the frame, so the
 * plain RMS displacement in Å is reported). A structure whose every attempt failed keeps its
 * input geometry and `converged: false` — it is never reported as refined.
 */
import { EngineError, InputError } from '../core/errors.js';
import type { ProgressCallback } from '../core/progress.js';
import type { CalcAttempt } from '../potential/calculator.js';
import type { Structure } from '../structure/structure.js';
import { runXtbCalc, type XtbMethod } from './xtb.js';

export const REFINE_ENGINES = ['xtb'] as const;
export type RefineEngine = (typeof REFINE_ENGINES)[number];

export interface RefinedStructure {
  /** 1-based index of the input structure. */
  readonly index: number;
  /** Energy after refinement, eV (null when every attempt failed). */
  readonly energy: number | null;
  readonly gap: number | null;
  readonly method: string;
  readonly attempts: readonly CalcAttempt[];
  readonly converged: boolean;
  /** RMS displacement of the atoms from the input geometry, Å. */
  readonly rmsDisplacementA: number | null;
  readonly warnings: readonly string[];
}

export interface RefineReport {
  readonly engine: RefineEngine;
  readonly engineVersion: string;
  /** Which optimiser relaxed the structures. */
  readonly optimizer: string;
  readonly results: readonly RefinedStructure[];
}

export interface RefineOptions {
  readonly method?: XtbMethod;
  /** Total charge of every structure (default the structure's). */
  readonly charge?: number;
  /** Wall-time limit per structure, ms: a structure that runs out stays unrefined (`converged: false`). */
  readonly timeLimitMs?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: ProgressCallback;
}

function rms(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += (a[k]! - b[k]!) ** 2;
  return Math.sqrt(s / (a.length / 3));
}

/** Refine `structures` (Å, real elements) with `engine`; returns the report and the refined structures. */
export async function refineStructures(
  engine: RefineEngine,
  structures: readonly Structure[],
  o: RefineOptions = {},
): Promise<{ report: RefineReport; structures: Structure[] }> {
  if (!REFINE_ENGINES.includes(engine)) {
    throw new InputError('refine-engine', `--refine ${engine} is not available`, {
      hint: `engines: ${REFINE_ENGINES.join(', ')}`,
    });
  }
  const results: RefinedStructure[] = [];
  const out: Structure[] = [];
  let version = '';
  for (let i = 0; i < structures.length; i++) {
    const s = structures[i]!;
    o.onProgress?.({ done: i, total: structures.length, message: `refining structure ${i + 1} with xtb` });
    let run: Awaited<ReturnType<typeof runXtbCalc>>;
    try {
      run = await runXtbCalc(
        s,
        { method: o.method ?? 'gfn2', charge: o.charge ?? s.charge ?? 0, optimize: true },
        {
          ...(o.timeLimitMs !== undefined ? { timeLimitMs: o.timeLimitMs } : {}),
          ...(o.signal ? { signal: o.signal } : {}),
          ...(o.onProgress
            ? {
                onProgress: (p: { message?: string }) =>
                  o.onProgress!({
                    done: i,
                    total: structures.length,
                    message: `structure ${i + 1}/${structures.length}: ${p.message ?? ''}`,
                  }),
              }
            : {}),
        },
      );
    } catch (e) {
      // the time limit ends this structure's refinement, not the command: it stays unrefined
      if (!(e instanceof EngineError && e.code === 'engine-timeout')) throw e;
      results.push({
        index: i + 1,
        energy: null,
        gap: null,
        method: o.method ?? 'gfn2',
        attempts: [],
        converged: false,
        rmsDisplacementA: null,
        warnings: [e.message],
      });
      out.push(s);
      continue;
    }
    const { report, structure } = run;
    version = report.engineVersion;
    results.push({
      index: i + 1,
      energy: report.energy,
      gap: report.gap,
      method: report.method,
      attempts: report.attempts,
      converged: report.converged,
      rmsDisplacementA: report.converged ? rms(s.positions, structure.positions) : null,
      warnings: report.warnings,
    });
    out.push(
      report.converged ? { ...structure, title: `${s.title ?? ''} refined ${report.method}`.trim() } : s,
    );
  }
  o.onProgress?.({ done: structures.length, total: structures.length, message: 'refined' });
  return {
    report: { engine, engineVersion: version, optimizer: 'xtb --opt (ANCopt, normal thresholds)', results },
    structures: out,
  };
}
