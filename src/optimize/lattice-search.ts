/**
 * Lattice search: which N of the M sites of a motif lattice to occupy so that the sum of the pair
 * energies between occupied sites is lowest. An iterated local search on occupations in the
 * spirit of the "dynamic lattice searching" of Shao, Cheng & Cai (J. Chem. Phys. 120, 11401
 * (2004)) and the lattice-based optimisation of Northby (J. Chem. Phys. 87, 6166 (1987)):
 *
 * - descent ("surface optimisation"): move the least-bound occupied site to the best-bound vacant
 *   site while that lowers the energy (checked among the few worst occupied and best vacant sites);
 * - perturbation: move 1–3 weakly bound atoms to random vacant sites with at least two bonded
 *   neighbours, descend again, and keep the result if it is not worse (Metropolis at kT = 0.3 of
 *   a bond otherwise).
 *
 * The site energy S_j = Σ_{k occupied} V_jk is kept up to date in O(M) per move, so one descent
 * step costs O(M) and a whole search of a few thousand perturbations takes milliseconds to a
 * fraction of a second for M ≈ 500 sites. Energies in the unit of V (the pair energies).
 */
import type { Rng } from '../core/rng.js';

export interface LatticeConfig {
  readonly energy: number;
  /** Occupied site indices (sorted). */
  readonly sites: Int32Array;
}

export interface LatticeSearchOptions {
  /** Pair energies V[a·M + b] (symmetric, zero diagonal). */
  readonly pair: Float64Array;
  readonly sites: number;
  readonly atoms: number;
  /**
   * Squared distance of each site from the start centre (the start grows from the nearest site;
   * see `start`). Neither start ever holds two overlapping sites.
   */
  readonly centreDistance2: Float64Array;
  /**
   * How the start is grown from the site nearest the centre (default 'greedy'):
   * - 'greedy': add the best-bound vacant site each time (ties to the nearer site);
   * - 'compact': add the nearest vacant site (a ball of N sites; ties to the better bound), which
   *   lets the search begin from a shape the energy-greedy growth avoids. On LJ104's decahedral
   *   lattice the greedy start ends in a five-atom-axis decahedron 4 ε above the six-atom-axis
   *   Marks decahedron in most runs; the compact start reaches the latter.
   */
  readonly start?: 'greedy' | 'compact';
  /** Random noise (in bonds) added to the site energies while growing the start (default 0). */
  readonly startNoise?: number;
  readonly rng: Rng;
  /** Perturbation–descent cycles. */
  readonly iterations: number;
  /** How many distinct low configurations to return (default 4). */
  readonly keep?: number;
  /** Energy of one bond (scales the Metropolis temperature and "bonded" test); default 1. */
  readonly bond?: number;
  /** Polled every 64 cycles: return true to stop. */
  readonly shouldStop?: () => boolean;
}

/** Candidates examined on each side by the descent. */
const TOP = 6;

export function latticeSearch(o: LatticeSearchOptions): LatticeConfig[] {
  const M = o.sites;
  const N = o.atoms;
  const V = o.pair;
  const rng = o.rng;
  const bond = o.bond ?? 1;
  const keep = o.keep ?? 4;
  const occ = new Uint8Array(M);
  const S = new Float64Array(M);
  const d2 = o.centreDistance2;
  const noise = (o.startNoise ?? 0) * bond;
  const compact = o.start === 'compact';
  let first = 0;
  for (let a = 1; a < M; a++) if (d2[a]! < d2[first]!) first = a;
  const add = (a: number) => {
    occ[a] = 1;
    const row = a * M;
    for (let b = 0; b < M; b++) S[b] = S[b]! + V[row + b]!;
  };
  add(first);
  for (let k = 1; k < N; k++) {
    let pick = -1;
    let score = Infinity;
    for (let a = 0; a < M; a++) {
      if (occ[a]) continue;
      const sc = compact
        ? d2[a]! + 1e-6 * (S[a]! / bond) + (S[a]! > 100 * bond ? 1e9 : 0) // never onto an overlap
        : S[a]! + 1e-3 * bond * d2[a]! + (noise > 0 ? noise * rng.next() : 0);
      if (sc < score) {
        score = sc;
        pick = a;
      }
    }
    add(pick);
  }
  let E = 0;
  for (let a = 0; a < M; a++) if (occ[a]) E += 0.5 * S[a]!;

  const move = (i: number, j: number) => {
    occ[i] = 0;
    occ[j] = 1;
    const ri = i * M;
    const rj = j * M;
    for (let b = 0; b < M; b++) S[b] = S[b]! + V[rj + b]! - V[ri + b]!;
  };
  const worst = new Int32Array(TOP);
  const best = new Int32Array(TOP);
  const descend = () => {
    for (let guard = 0; guard < 50 * N; guard++) {
      // the TOP least-bound occupied and best-bound vacant sites
      let nw = 0;
      let nb = 0;
      for (let a = 0; a < M; a++) {
        const s = S[a]!;
        if (occ[a]) {
          if (nw < TOP) {
            let p = nw++;
            while (p > 0 && S[worst[p - 1]!]! < s) {
              worst[p] = worst[p - 1]!;
              p--;
            }
            worst[p] = a;
          } else if (s > S[worst[TOP - 1]!]!) {
            let p = TOP - 1;
            while (p > 0 && S[worst[p - 1]!]! < s) {
              worst[p] = worst[p - 1]!;
              p--;
            }
            worst[p] = a;
          }
        } else if (nb < TOP) {
          let p = nb++;
          while (p > 0 && S[best[p - 1]!]! > s) {
            best[p] = best[p - 1]!;
            p--;
          }
          best[p] = a;
        } else if (s < S[best[TOP - 1]!]!) {
          let p = TOP - 1;
          while (p > 0 && S[best[p - 1]!]! > s) {
            best[p] = best[p - 1]!;
            p--;
          }
          best[p] = a;
        }
      }
      let dMin = -1e-9 * bond;
      let bi = -1;
      let bj = -1;
      for (let u = 0; u < nw; u++) {
        const i = worst[u]!;
        for (let w = 0; w < nb; w++) {
          const j = best[w]!;
          const d = S[j]! - V[i * M + j]! - S[i]!;
          if (d < dMin) {
            dMin = d;
            bi = i;
            bj = j;
          }
        }
      }
      if (bi < 0) return;
      move(bi, bj);
      E += dMin;
    }
  };

  const found: LatticeConfig[] = [];
  const remember = () => {
    const tol = 1e-6 * bond;
    for (const c of found) if (Math.abs(c.energy - E) < tol) return;
    if (found.length >= keep && E >= found[found.length - 1]!.energy) return;
    const sites = new Int32Array(N);
    let k = 0;
    for (let a = 0; a < M; a++) if (occ[a]) sites[k++] = a;
    found.push({ energy: E, sites });
    found.sort((p, q) => p.energy - q.energy);
    if (found.length > keep) found.pop();
  };

  descend();
  remember();
  const savedOcc = new Uint8Array(M);
  const savedS = new Float64Array(M);
  const occList = new Int32Array(N);
  const kT = 0.3 * bond;
  for (let it = 0; it < o.iterations; it++) {
    if ((it & 63) === 63 && o.shouldStop?.()) break;
    savedOcc.set(occ);
    savedS.set(S);
    const e0 = E;
    const moves = 1 + rng.int(3);
    for (let m = 0; m < moves; m++) {
      // a weakly bound atom: the less bound of two random occupied ones
      let k = 0;
      for (let a = 0; a < M; a++) if (occ[a]) occList[k++] = a;
      let i = occList[rng.int(N)]!;
      const i2 = occList[rng.int(N)]!;
      if (S[i2]! > S[i]!) i = i2;
      // a random vacant site bound by at least two bonds (after i leaves)
      let j = -1;
      for (let tries = 0; tries < 50; tries++) {
        const c = rng.int(M);
        if (!occ[c] && S[c]! - V[i * M + c]! < -1.8 * bond) {
          j = c;
          break;
        }
      }
      if (j < 0) continue;
      E += S[j]! - V[i * M + j]! - S[i]!;
      move(i, j);
    }
    descend();
    if (E < e0 - 1e-9 * bond) remember();
    if (!(E <= e0 + 1e-9 * bond || rng.next() < Math.exp(-(E - e0) / kT))) {
      occ.set(savedOcc);
      S.set(savedS);
      E = e0;
    }
  }
  return found;
}

/**
 * The `count` single-swap neighbours of `cfg` (one occupied site moved to a vacant site bound by at
 * least two bonds there) with the smallest lattice-energy increase, one per distinct increase
 * (symmetry-equivalent swaps change the energy equally). A lattice energy only approximates the
 * relaxed one, and a runner-up one swap away can relax lower: LJ115's minimum (C5v) is one swap
 * from the best occupation of its Mackay lattice and 0.04 ε above it there; LJ107 and LJ113 too.
 */
export function swapNeighbours(
  cfg: LatticeConfig | undefined,
  V: Float64Array,
  M: number,
  N: number,
  bond: number,
  count: number,
): LatticeConfig[] {
  if (!cfg || count <= 0) return [];
  const occ = new Uint8Array(M);
  for (const a of cfg.sites) occ[a] = 1;
  const S = new Float64Array(M);
  for (const a of cfg.sites) {
    const row = a * M;
    for (let b = 0; b < M; b++) S[b] = S[b]! + V[row + b]!;
  }
  const best: { d: number; i: number; j: number }[] = [];
  for (const i of cfg.sites) {
    const row = i * M;
    for (let j = 0; j < M; j++) {
      if (occ[j] || S[j]! - V[row + j]! >= -1.8 * bond) continue;
      const d = S[j]! - V[row + j]! - S[i]!;
      if (best.length === count && d >= best[count - 1]!.d) continue;
      const same = best.findIndex((b) => Math.abs(b.d - d) < 1e-6 * bond);
      if (same >= 0) continue;
      best.push({ d, i, j });
      best.sort((p, q) => p.d - q.d);
      if (best.length > count) best.pop();
    }
  }
  return best.map(({ d, i, j }) => {
    const sites = new Int32Array(N);
    let k = 0;
    for (const a of cfg.sites) if (a !== i) sites[k++] = a;
    sites[k] = j;
    sites.sort();
    return { energy: cfg.energy + d, sites };
  });
}
