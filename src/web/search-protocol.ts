/** Messages between the page and the search worker (plain data: structured-clone friendly). */
import type { SearchSpec } from '../optimize/run.js';

export interface StartMessage {
  readonly type: 'start';
  readonly spec: SearchSpec;
}

export interface ProgressMessage {
  readonly type: 'progress';
  readonly steps: number;
  readonly total: number | null;
  readonly bestEnergy: number;
  readonly seconds: number;
  /** Lowest-energy configuration evaluated so far (3N, the potential's length unit), when it changed. */
  readonly positions: Float64Array | null;
}

export interface DoneMessage {
  readonly type: 'done';
  readonly bestEnergy: number;
  readonly bestPositions: Float64Array;
  readonly steps: number;
  readonly stepsToBest: number;
  readonly evaluations: number;
  readonly seconds: number;
  readonly stopReason: string;
  readonly energyUnit: string;
  readonly lengthUnit: string;
  readonly nearestNeighbour: number;
}

export interface ErrorMessage {
  readonly type: 'error';
  readonly message: string;
  readonly hint: string | null;
}

export type FromWorker = ProgressMessage | DoneMessage | ErrorMessage;
