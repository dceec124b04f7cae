/**
 * The potential interface shared by every empirical potential (and later by
 * quantum engines wrapped as potentials): energy and forces from one call, no
 * hidden state about the last structure evaluated.
 */

export interface Potential {
  /** The spec it was built from, e.g. `lj`, `morse:6`, `gupta:Au`. */
  readonly name: string;
  /** Unit of energies: `ε` (reduced) or `eV`. */
  readonly energyUnit: string;
  /** Unit of lengths: `σ`, `r0`, `a` (reduced) or `Å`. */
  readonly lengthUnit: string;
  /** Number of atoms this instance was built for, or undefined if it accepts any count. */
  readonly atoms?: number;
  /** Atomic numbers the instance was built for (mixed-metal potentials), else undefined. */
  readonly numbers?: Uint8Array;
  /**
   * From this many atoms on, an evaluation costs O(N) (a cut-off and a neighbour grid); undefined
   * when every pair is summed at any size (O(N²): LJ and Morse without a cut-off). Gupta, EAM
   * and the Sutton–Chen element sets switch to a smooth cut-off and a neighbour grid at their `linearFrom`.
   */
  readonly linearFrom?: number | undefined;
  /** Typical nearest-neighbour distance (length unit): scales trial moves and overlap checks. */
  readonly nearestNeighbour: number;
  /**
   * Typical energy of one nearest-neighbour bond (energy unit, > 0): scales
   * Metropolis temperatures and force tolerances.
   */
  readonly bondEnergy: number;
  /**
   * Energy of the configuration; when `forcesOut` is given it receives the
   * forces −∂E/∂x (length 3N), and `atomEnergiesOut` (length N) the
   * decomposition of E into per-atom terms. Throws an InputError if the
   * energy is not finite (NaN coordinates, coincident atoms).
   */
  evaluate(positions: Float64Array, forcesOut?: Float64Array, atomEnergiesOut?: Float64Array): number;
}
