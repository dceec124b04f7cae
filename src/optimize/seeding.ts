/**
 * Motif seeding of the global searches on pair potentials: lattice searches (./lattice-search.ts)
 * on icosahedral (Mackay and anti-Mackay), decahedral (Ino/Marks), fcc and twinned-tetrahedral
 * site lattices (./motif-lattices.ts), each followed by a continuous relaxation of the best few
 * occupations. Nothing about particular sizes or known answers is used: the lattices depend only
 * on N (their extent) and the pair energies only on the potential.
 *
 * Only for pair-additive potentials (checked on a four-atom test): the lattice energies are sums of
 * pair energies V(r) read off the potential's dimer curve.
 */
import type { Rng } from '../core/rng.js';
import type { Potential } from '../potential/types.js';
import { type LatticeConfig, latticeSearch, swapNeighbours } from './lattice-search.js';
import type { LocalMinimizer } from './local.js';
import {
  decahedralLattice,
  fccLattice,
  icosahedralLattice,
  type MotifLattice,
  mackayCount,
  packedRadius,
  polytetrahedralLattice,
  tetrahedralLattice,
} from './motif-lattices.js';

export type Motif = MotifLattice['motif'];

export interface Seed {
  readonly motif: Motif;
  /** Energy after relaxation (potential's unit). */
  readonly energy: number;
  /** Relaxed coordinates (3N, potential's length unit). */
  readonly positions: Float64Array;
}

/** Whether the potential's energy is a sum of pair energies (to 1e-9 relative on a test cluster). */
export function isPairAdditive(pot: Potential): boolean {
  if (pot.atoms !== undefined || pot.numbers !== undefined) return false;
  const nn = pot.nearestNeighbour;
  const x = Float64Array.of(0, 0, 0, nn, 0, 0, 0.45 * nn, 0.9 * nn, 0.1 * nn, 0.3 * nn, 0.4 * nn, 0.95 * nn);
  let e4: number;
  try {
    e4 = pot.evaluate(x);
  } catch {
    return false;
  }
  const dimer = new Float64Array(6);
  let sum = 0;
  for (let i = 0; i < 4; i++)
    for (let j = i + 1; j < 4; j++) {
      dimer[3] = Math.hypot(
        x[3 * i]! - x[3 * j]!,
        x[3 * i + 1]! - x[3 * j + 1]!,
        x[3 * i + 2]! - x[3 * j + 2]!,
      );
      sum += pot.evaluate(dimer);
    }
  return Math.abs(e4 - sum) <= 1e-9 * Math.max(1, Math.abs(e4));
}

/** The motif lattices searched for `n` atoms (nn units). */
export function motifLattices(n: number): MotifLattice[] {
  const radius = packedRadius(n) + 1.6;
  let core = 0;
  while (mackayCount(core + 1) <= n) core++;
  const out: MotifLattice[] = [icosahedralLattice(core, 'mackay'), icosahedralLattice(core, 'anti-mackay')];
  if (n >= 7) out.push(decahedralLattice(radius));
  if (n >= 6) for (const s of [0, 1, 2] as const) out.push(fccLattice(radius, s));
  if (n >= 10) {
    const maxEdge = Math.max(2, Math.round(Math.cbrt(6 * n) * 0.75));
    for (let e = 2; e <= maxEdge; e++) out.push(tetrahedralLattice(e, radius));
  }
  if (n >= 30) {
    // Leary-tetrahedron packings: tetrahedra of 3 … ⌈∛n⌉ atoms along an edge, two and three
    // levels of twins
    for (let e = 3; e <= Math.max(3, Math.ceil(Math.cbrt(n))); e++)
      for (const depth of [2, 3]) out.push(polytetrahedralLattice(e, depth, radius));
  }
  return out;
}

export interface SeedOptions {
  readonly potential: Potential;
  readonly atoms: number;
  readonly rng: Rng;
  readonly minimizer: LocalMinimizer;
  /** Force tolerance of the relaxations (potential's energy/length). */
  readonly fmax: number;
  /**
   * Lattice-search cycles per start centre (default 40 N, at least 400), split evenly between its
   * greedy and compact starts.
   */
  readonly iterations?: number;
  /** Occupations relaxed per lattice (default 4). */
  readonly perLattice?: number;
  /** Return true to stop (time limit, cancellation); polled between lattice pieces. */
  readonly shouldStop?: () => boolean;
  /** Passed to the local minimiser (undefined for small clusters: see SearchTracker.innerStop). */
  readonly minimizerStop?: () => boolean;
  /** Called with the evaluations of each relaxation. */
  readonly onEvaluations?: (count: number) => void;
}

/** Single-swap neighbours of a competitive lattice optimum relaxed besides the optimum. */
const SWAP_NEIGHBOURS = 6;

/** Largest lattice searched (its pair table is M² doubles). */
const MAX_SITES = 4000;

/** Lattice spacing relative to the dimer distance (LJ solids and clusters are ≈ 3 % compressed). */
const SPACING = 0.97;

/**
 * Seeds for a search of `atoms` atoms on a pair potential: relaxed minima from every motif lattice,
 * lowest first (duplicates by energy removed).
 */
export function motifSeeds(o: SeedOptions): Seed[] {
  const n = o.atoms;
  const pot = o.potential;
  const nn = pot.nearestNeighbour * SPACING;
  const dimer = new Float64Array(6);
  const pairEnergy = (r: number) => {
    if (r < 0.6) return 1e3 * pot.bondEnergy;
    dimer[3] = r * nn;
    return Math.min(pot.evaluate(dimer), 1e3 * pot.bondEnergy);
  };
  const seeds: Seed[] = [];
  const perLattice = o.perLattice ?? 4;
  const iterations = o.iterations ?? Math.max(400, 40 * n);
  let bestLattice = Infinity;
  for (const lat of motifLattices(n)) {
    if (o.shouldStop?.()) break;
    const M = lat.sites.length / 3;
    // the pair table is M² doubles: lattices beyond MAX_SITES (128 MB) are left out
    if (M < n || M > MAX_SITES) continue;
    const s = lat.sites;
    const V = new Float64Array(M * M);
    // pair energies, cached by distance (lattices repeat few distances)
    const cache = new Map<number, number>();
    let stopped = false;
    for (let a = 0; a < M && !stopped; a++)
      for (let b = a + 1; b < M; b++) {
        const r = Math.hypot(
          s[3 * a]! - s[3 * b]!,
          s[3 * a + 1]! - s[3 * b + 1]!,
          s[3 * a + 2]! - s[3 * b + 2]!,
        );
        const key = Math.round(r * 1e5);
        let v = cache.get(key);
        if (v === undefined) {
          // each new distance is one potential evaluation (a few hundred a lattice): poll the limit
          if (o.shouldStop?.()) {
            stopped = true;
            break;
          }
          v = pairEnergy(r);
          cache.set(key, v);
        }
        V[a * M + b] = v;
        V[b * M + a] = v;
      }
    if (stopped) break;
    const centres = lat.centres.length / 3;
    for (let c = 0; c < centres; c++) {
      if (o.shouldStop?.()) break;
      const cx = lat.centres[3 * c]!;
      const cy = lat.centres[3 * c + 1]!;
      const cz = lat.centres[3 * c + 2]!;
      const d2 = new Float64Array(M);
      for (let a = 0; a < M; a++)
        d2[a] = (s[3 * a]! - cx) ** 2 + (s[3 * a + 1]! - cy) ** 2 + (s[3 * a + 2]! - cz) ** 2;
      // two starts per centre, the energy-greedy one and a compact ball (they end in different
      // shapes: see LatticeSearchOptions.start); the lowest `perLattice` of both are kept
      const configs: LatticeConfig[] = [];
      for (const start of ['greedy', 'compact'] as const) {
        if (o.shouldStop?.()) break;
        for (const cfg of latticeSearch({
          pair: V,
          sites: M,
          atoms: n,
          centreDistance2: d2,
          start,
          rng: o.rng,
          iterations: Math.ceil(iterations / 2),
          keep: perLattice,
          bond: pot.bondEnergy,
          ...(o.shouldStop ? { shouldStop: o.shouldStop } : {}),
        }))
          if (!configs.some((c) => Math.abs(c.energy - cfg.energy) < 1e-6 * pot.bondEnergy))
            configs.push(cfg);
      }
      configs.sort((a, b) => a.energy - b.energy);
      configs.length = Math.min(configs.length, perLattice);
      // the runners-up one swap from a competitive lattice optimum (within a bond of the best
      // lattice energy so far) are relaxed too
      const top = configs[0];
      if (top && top.energy <= bestLattice + pot.bondEnergy) {
        configs.push(...swapNeighbours(top, V, M, n, pot.bondEnergy, SWAP_NEIGHBOURS));
      }
      if (top) bestLattice = Math.min(bestLattice, top.energy);
      for (const cfg of configs) {
        if (o.shouldStop?.()) break;
        const x = new Float64Array(3 * n);
        for (let k = 0; k < n; k++) {
          const a = cfg.sites[k]!;
          x[3 * k] = s[3 * a]! * nn;
          x[3 * k + 1] = s[3 * a + 1]! * nn;
          x[3 * k + 2] = s[3 * a + 2]! * nn;
        }
        const r = o.minimizer.minimize(pot, x, {
          fmax: o.fmax,
          ...(o.minimizerStop ? { shouldStop: o.minimizerStop } : {}),
        });
        o.onEvaluations?.(r.evaluations);
        if (r.stopped) break;
        seeds.push({ motif: lat.motif, energy: r.energy, positions: x });
      }
    }
  }
  seeds.sort((a, b) => a.energy - b.energy);
  const out: Seed[] = [];
  const tol = 1e-6 * Math.max(1, n) * pot.bondEnergy;
  for (const sd of seeds) if (!out.some((q) => Math.abs(q.energy - sd.energy) < tol)) out.push(sd);
  return out;
}

/**
 * At most `pool` seeds: the lowest of each motif first (in energy order), then the lowest of the
 * rest, so that every structural family gets a walk.
 */
export function diverseSeeds(seeds: readonly Seed[], pool: number): Seed[] {
  const sorted = [...seeds].sort((a, b) => a.energy - b.energy);
  const out: Seed[] = [];
  const motifs = new Set<Motif>();
  for (const sd of sorted) {
    if (out.length >= pool) break;
    if (!motifs.has(sd.motif)) {
      motifs.add(sd.motif);
      out.push(sd);
    }
  }
  for (const sd of sorted) {
    if (out.length >= pool) break;
    if (!out.includes(sd)) out.push(sd);
  }
  return out;
}
