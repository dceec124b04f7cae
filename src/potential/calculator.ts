/**
 * The Calculator contract: energy (and optionally forces and electronic
 * properties) of a structure with a total charge and a spin, from one
 * asynchronous call. Implemented by the empirical potentials (through
 * {@link potentialCalculator}) and by the external engines in `src/engines/`
 * (xtb, NWChem), so `optimize`/`search` can refine with any of them.
 *
 * Units: positions Å, energies eV, forces eV/Å, charges e. Engines that work in
 * Hartree/bohr convert at their edge (HARTREE_EV, BOHR_A in core/units).
 *
 * A calculator never returns nonsense as a result: when the engine did not
 * converge or failed a sanity check it throws (engines: an EngineError from
 * core/errors) — `converged: false` is only reported when the caller asked for
 * it explicitly (e.g. a diagnostic run), never silently.
 */
import { InputError, LimitError } from '../core/errors.js';
import type { CancelSignal, ProgressCallback } from '../core/progress.js';
import type { Potential } from './types.js';

export interface CalcInput {
  /** Atomic numbers Z, one per atom. */
  readonly numbers: Uint8Array;
  /** Cartesian positions, Å, length 3N. */
  readonly positions: Float64Array;
  /** Total charge, e. */
  readonly charge: number;
  /** Number of unpaired electrons (N_α − N_β); default: 0 or 1 by electron parity. */
  readonly uhf?: number;
  /** Whether forces are wanted (engines skip the gradient otherwise). */
  readonly gradient?: boolean;
}

export interface CalcOptions {
  /** Cancellation: engines kill their process group when it fires. */
  readonly signal?: CancelSignal;
  readonly onProgress?: ProgressCallback;
}

/** One try of a method/settings combination inside a calculator's fallback chain. */
export interface CalcAttempt {
  /** Method, lower case: gfn2, gfn1, pbe, pbe0, or the potential's name. */
  readonly method: string;
  /** The settings that distinguish this attempt (e.g. `{ etemp: 300 }`, `{ basis: 'def2-svp' }`). */
  readonly settings: Readonly<Record<string, string | number | boolean>>;
  readonly status: 'ok' | 'failed';
  /** Why it failed (empty when ok). */
  readonly reason: string;
}

export interface CalcOutput {
  /** Total energy, eV. */
  readonly energyEv: number;
  /** Forces −∂E/∂x, eV/Å, length 3N (when `gradient` was asked for). */
  readonly forcesEvPerA?: Float64Array;
  /** Highest occupied / lowest unoccupied orbital energies and their gap, eV. */
  readonly homoEv?: number;
  readonly lumoEv?: number;
  readonly gapEv?: number;
  /** Atomic partial charges, e (engine's own population analysis). */
  readonly charges?: readonly number[];
  readonly converged: boolean;
  /** Method that produced the result, lower case. */
  readonly method?: string;
  /** Every attempt in the order tried (the last ok one produced this output). */
  readonly attempts?: readonly CalcAttempt[];
  /** Engine name and version (e.g. `xtb 6.5.1`) for provenance. */
  readonly engineVersion?: string;
  readonly warnings?: readonly string[];
}

export interface Calculator {
  /** `xtb`, `nwchem`, `potential`… */
  readonly engine: string;
  /** Method asked for, lower case (`gfn2`, `pbe`, `gupta:Au`…). */
  readonly method: string;
  calculate(input: CalcInput, opts?: CalcOptions): Promise<CalcOutput>;
}

/**
 * An empirical {@link Potential} as a Calculator. Only potentials in eV and Å
 * qualify (reduced LJ/Morse units have no physical scale); charge and spin are
 * ignored by these potentials, so a non-zero charge is refused rather than
 * silently dropped.
 */
export function potentialCalculator(potential: Potential): Calculator {
  if (potential.energyUnit !== 'eV' || potential.lengthUnit !== 'Å') {
    throw new InputError(
      'calc-units',
      `the potential ${potential.name} works in ${potential.energyUnit} and ${potential.lengthUnit}, not eV and Å`,
      { hint: 'use a parametrised potential (e.g. gupta:Au, sutton-chen:Ag) to compare with engines' },
    );
  }
  return {
    engine: 'potential',
    method: potential.name,
    calculate(input: CalcInput, opts?: CalcOptions): Promise<CalcOutput> {
      if (opts?.signal?.aborted) {
        return Promise.reject(new LimitError('cancelled', 'the calculation was cancelled'));
      }
      if (input.charge !== 0) {
        return Promise.reject(
          new InputError(
            'calc-charge',
            `the empirical potential ${potential.name} has no charge; got charge ${input.charge}`,
            { hint: 'use --engine xtb or nwchem for ions' },
          ),
        );
      }
      try {
        const forces = input.gradient ? new Float64Array(input.positions.length) : undefined;
        const energyEv = potential.evaluate(input.positions, forces);
        return Promise.resolve({
          energyEv,
          ...(forces ? { forcesEvPerA: forces } : {}),
          converged: true,
          method: potential.name,
          attempts: [{ method: potential.name, settings: {}, status: 'ok', reason: '' }],
        });
      } catch (e) {
        return Promise.reject(e);
      }
    },
  };
}
