/**
 * Jellium reports: the JSON contract of `superatom jellium` (energies in Ha and eV), ΔSCF
 * ionisation energy and electron affinity, the second difference Δ₂E, and size ranges that reuse
 * neighbouring solutions (warm starts).
 *
 * Definitions (all at fixed background N, the valence-electron count of the neutral cluster):
 *   IP(N, q) = E(N, q + 1) − E(N, q),   EA(N, q) = E(N, q) − E(N, q − 1)       (ΔSCF)
 *   Δ₂E(N)  = E(N + 1) + E(N − 1) − 2E(N)   (clusters of the same charge q, E(0) = 0)
 * Positive Δ₂E marks a cluster more stable than the mean of its neighbours: the shell closings
 * 2, 8, 18, 20, 34, 40, 58, 68, 70, 92 … (W. D. Knight et al., Phys. Rev. Lett. 52, 2141 (1984);
 * M. Brack, Rev. Mod. Phys. 65, 677 (1993), Figs. 9 and 15).
 */
import { HARTREE_EV } from '../core/units.js';
import { type JelliumOptions, type JelliumSolution, solveJellium } from './scf.js';
import type { XcName } from './xc.js';

export interface LevelReport {
  readonly label: string;
  readonly n: number;
  readonly l: number;
  /** Eigenvalue, eV. */
  readonly energyEv: number;
  readonly occupation: number;
  readonly spin?: 'up' | 'down';
}

/** One cluster: the JSON contract plus extra fields. Numbers that do not exist are null. */
export interface JelliumReport {
  readonly rs: number;
  readonly electrons: number;
  readonly charge: number;
  readonly xc: XcName;
  readonly totalEnergyHa: number;
  readonly totalEnergyEv: number;
  /** Total energy / (N / valence), eV. */
  readonly energyPerAtomEv: number;
  readonly levels: readonly LevelReport[];
  readonly homoEv: number | null;
  readonly lumoEv: number | null;
  readonly ipEv: number | null;
  readonly eaEv: number | null;
  readonly delta2Ev: number | null;
  readonly converged: boolean;
  readonly valence: number;
  readonly atoms: number;
  /** Electrons held, N − q. */
  readonly electronsHeld: number;
  readonly spinPolarised: boolean;
  readonly softnessBohr: number;
  readonly radiusBohr: number;
  readonly iterations: number;
  /** ∫|n_out − n_in| d³r of the last iteration, electrons. */
  readonly residual: number;
  readonly components: {
    readonly kineticHa: number;
    readonly electrostaticHa: number;
    readonly exchangeCorrelationHa: number;
    readonly eigenvalueSumHa: number;
  };
  readonly grid: { readonly spacingBohr: number; readonly points: number; readonly rMaxBohr: number };
}

export interface JelliumRunOptions extends Omit<JelliumOptions, 'start' | 'charge' | 'electrons'> {
  readonly valence?: number;
}

const ev = (ha: number): number => ha * HARTREE_EV;
const orNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Energy of a cluster with background N and N − q electrons; E = 0 for N = 0. */
function energyOf(s: JelliumSolution | undefined): number {
  return s ? s.totalEnergy : 0;
}

/** Build the report of solution `s` with its neighbours (any may be missing → null). */
export function reportOf(
  s: JelliumSolution,
  valence: number,
  softness: number,
  nb: {
    readonly ionised?: JelliumSolution | null;
    readonly attached?: JelliumSolution | null;
    readonly smaller?: JelliumSolution | null;
    readonly larger?: JelliumSolution | null;
    readonly smallerIsEmpty?: boolean;
  },
): JelliumReport {
  const e = s.totalEnergy;
  const ip = nb.ionised ? ev(nb.ionised.totalEnergy - e) : Number.NaN;
  const ea = nb.attached ? ev(e - nb.attached.totalEnergy) : Number.NaN;
  const smaller = nb.smallerIsEmpty ? 0 : nb.smaller ? nb.smaller.totalEnergy : Number.NaN;
  const d2 = nb.larger ? ev(energyOf(nb.larger) + smaller - 2 * e) : Number.NaN;
  const atoms = s.electrons / valence;
  const last = s.history[s.history.length - 1];
  return {
    rs: s.rs,
    electrons: s.electrons,
    charge: s.charge,
    xc: s.xc,
    totalEnergyHa: e,
    totalEnergyEv: ev(e),
    energyPerAtomEv: ev(e) / atoms,
    levels: s.levels.map((l) => ({
      label: l.label,
      n: l.n,
      l: l.l,
      energyEv: ev(l.energy),
      occupation: l.occupation,
      ...(l.spin ? { spin: l.spin } : {}),
    })),
    homoEv: orNull(ev(s.homo)),
    lumoEv: orNull(ev(s.lumo)),
    ipEv: orNull(ip),
    eaEv: orNull(ea),
    delta2Ev: orNull(d2),
    converged:
      s.converged &&
      (nb.ionised?.converged ?? true) &&
      (nb.attached?.converged ?? true) &&
      (nb.smaller?.converged ?? true) &&
      (nb.larger?.converged ?? true),
    valence,
    atoms,
    electronsHeld: s.electrons - s.charge,
    spinPolarised: s.spin,
    softnessBohr: softness,
    radiusBohr: s.radius,
    iterations: s.iterations,
    residual: last ? last.residual : 0,
    components: {
      kineticHa: s.components.kinetic,
      electrostaticHa: s.components.electrostatic,
      exchangeCorrelationHa: s.components.exchangeCorrelation,
      eigenvalueSumHa: s.components.eigenvalueSum,
    },
    grid: { spacingBohr: s.grid.h, points: s.grid.points, rMaxBohr: s.grid.rMax },
  };
}

/** One cluster with its ΔSCF IP, EA and Δ₂E (five self-consistent solutions). */
export function jelliumCluster(
  electrons: number,
  charge: number,
  opts: JelliumRunOptions,
): { report: JelliumReport; solution: JelliumSolution } {
  const base = { ...opts };
  const s = solveJellium({ ...base, electrons, charge });
  const ionised =
    electrons - charge - 1 >= 0 ? solveJellium({ ...base, electrons, charge: charge + 1, start: s }) : null;
  const attached = solveJellium({ ...base, electrons, charge: charge - 1, start: s });
  const smallerIsEmpty = electrons - 1 === 0 && charge === 0;
  const smaller =
    electrons - 1 > 0 && electrons - 1 - charge >= 0
      ? solveJellium({ ...base, electrons: electrons - 1, charge, start: s })
      : null;
  const larger = solveJellium({ ...base, electrons: electrons + 1, charge, start: s });
  return {
    report: reportOf(s, opts.valence ?? 1, opts.softness ?? 0, {
      ionised,
      attached,
      smaller,
      larger,
      smallerIsEmpty,
    }),
    solution: s,
  };
}

/**
 * Neutral clusters N = from…to with IP, EA and Δ₂E; each E(N) is computed once and reused as a
 * neighbour, and every solve starts from the density of the previous size (3(to − from + 1) + 2
 * self-consistent solutions). `onProgress(done, total)` is called after each size.
 */
export function jelliumRange(
  from: number,
  to: number,
  opts: JelliumRunOptions,
  onProgress?: (done: number, total: number) => void,
): JelliumReport[] {
  const base = { ...opts };
  const neutral = new Map<number, JelliumSolution>();
  let prev: JelliumSolution | undefined;
  const neutralOf = (n: number): JelliumSolution | undefined => {
    if (n <= 0) return undefined;
    let s = neutral.get(n);
    if (!s) {
      s = solveJellium({ ...base, electrons: n, charge: 0, ...(prev ? { start: prev } : {}) });
      neutral.set(n, s);
      prev = s;
    }
    return s;
  };
  const out: JelliumReport[] = [];
  for (let n = from; n <= to; n++) {
    const smaller = neutralOf(n - 1);
    const s = neutralOf(n)!;
    const larger = neutralOf(n + 1);
    const ionised = solveJellium({ ...base, electrons: n, charge: 1, start: s });
    const attached = solveJellium({ ...base, electrons: n, charge: -1, start: s });
    out.push(
      reportOf(s, opts.valence ?? 1, opts.softness ?? 0, {
        ionised,
        attached,
        smaller: smaller ?? null,
        larger: larger ?? null,
        smallerIsEmpty: n - 1 === 0,
      }),
    );
    neutral.delete(n - 1);
    onProgress?.(n - from + 1, to - from + 1);
  }
  return out;
}
