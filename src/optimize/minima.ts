/**
 * The list of distinct low minima found by a search: at most `capacity`
 * entries sorted by energy; a minimum whose energy is within `energyTol` of
 * an entry and whose fingerprint (sorted centroid distances) is within
 * `shapeTol` is the same minimum and is not added twice.
 */
import { fingerprint, fingerprintDistance } from './geometry.js';

export interface Minimum {
  /** Energy (energy unit of the potential). */
  readonly energy: number;
  /** Coordinates (3N, length unit of the potential). */
  readonly positions: Float64Array;
}

interface Entry extends Minimum {
  readonly print: Float64Array;
}

export class MinimaList {
  private readonly entries: Entry[] = [];
  constructor(
    readonly capacity: number,
    readonly energyTol: number,
    readonly shapeTol: number,
  ) {}

  /** Whether `energy` could enter the list (cheap pre-check before copying coordinates). */
  wouldAccept(energy: number): boolean {
    return (
      this.entries.length < this.capacity ||
      energy < this.entries[this.entries.length - 1]!.energy - this.energyTol
    );
  }

  /** Index of a stored minimum equal to (energy, positions), or −1. */
  find(energy: number, positions: Float64Array): number {
    let print: Float64Array | undefined;
    for (let k = 0; k < this.entries.length; k++) {
      const e = this.entries[k]!;
      if (Math.abs(e.energy - energy) > this.energyTol) continue;
      print ??= fingerprint(positions);
      if (fingerprintDistance(print, e.print) <= this.shapeTol) return k;
    }
    return -1;
  }

  /** Add a copy of the minimum if it is new and low enough; returns whether it was added. */
  add(energy: number, positions: Float64Array): boolean {
    if (!this.wouldAccept(energy)) return false;
    const same = this.find(energy, positions);
    if (same >= 0) {
      if (energy < this.entries[same]!.energy) {
        this.entries[same] = {
          energy,
          positions: Float64Array.from(positions),
          print: fingerprint(positions),
        };
        this.entries.sort((a, b) => a.energy - b.energy);
      }
      return false;
    }
    const entry = { energy, positions: Float64Array.from(positions), print: fingerprint(positions) };
    let k = this.entries.length;
    while (k > 0 && this.entries[k - 1]!.energy > energy) k--;
    this.entries.splice(k, 0, entry);
    if (this.entries.length > this.capacity) this.entries.pop();
    return true;
  }

  list(): Minimum[] {
    return this.entries.map(({ energy, positions }) => ({ energy, positions }));
  }

  get size(): number {
    return this.entries.length;
  }
}
