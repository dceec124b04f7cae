/**
 * Progress reporting and cancellation for long computations. Algorithms call
 * `onProgress` and check `signal` between chunks of work, never in inner loops.
 * `AbortSignal` is a standard ES/DOM/Node type; pure code only reads `.aborted`.
 */

export interface Progress {
  /** Work done so far, in the algorithm's own unit (steps, evaluations, peaks). */
  readonly done: number;
  /** Total work when known. */
  readonly total?: number;
  /** Short human-readable status ("step 120, best −173.9284"). */
  readonly message?: string;
  /** Optional machine-readable extras. */
  readonly data?: Readonly<Record<string, number | string | boolean>>;
}

export type ProgressCallback = (p: Progress) => void;

/** The minimal view of AbortSignal pure code needs (keeps `lib: ES2022` with no DOM). */
export interface CancelSignal {
  readonly aborted: boolean;
}

/** A monotonic clock in milliseconds, injected by the edges (performance.now). */
export type Clock = () => number;

export interface RunControl {
  readonly signal?: CancelSignal;
  readonly onProgress?: ProgressCallback;
  /** Clock for time limits; without it, time limits are not enforced. */
  readonly now?: Clock;
}
