/**
 * Parameter tables of the empirical potentials (facts with their sources).
 * Units: energies in eV, lengths in Å, exponents dimensionless.
 */

/** One Gupta / RGL (second-moment tight-binding) parameter set. */
export interface GuptaParameters {
  /** Pair-repulsion prefactor A, eV. */
  readonly aEv: number;
  /** Effective hopping integral ξ, eV. */
  readonly xiEv: number;
  /** Repulsion decay p (dimensionless, in units of 1/r0). */
  readonly p: number;
  /** Band-term decay q (dimensionless, in units of 1/r0). */
  readonly q: number;
  /** Bulk nearest-neighbour distance r0, Å. */
  readonly r0A: number;
}

/**
 * Citation of the Gupta parameter sets: F. Cleri and V. Rosato, "Tight-binding
 * potentials for transition metals and alloys", Phys. Rev. B 48, 22 (1993), Table I.
 * r0 is the fcc nearest-neighbour distance a/√2; for Au (2.884 Å) and Pd (2.7485 Å)
 * as tabulated in the cluster literature, for the other metals computed from the
 * room-temperature lattice constants a (Ni 3.52, Cu 3.615, Ag 4.09, Pt 3.924, Al 4.05 Å).
 */
export const GUPTA_SOURCE =
  'F. Cleri and V. Rosato, Phys. Rev. B 48, 22 (1993), Table I; r0 = a/√2 of the fcc metal';

const SQRT1_2 = Math.SQRT1_2;

/** Cleri–Rosato parameter sets by element symbol (source: {@link GUPTA_SOURCE}). */
export const GUPTA_PARAMETERS: Readonly<Record<string, GuptaParameters>> = {
  Ni: { p: 16.999, q: 1.189, aEv: 0.0376, xiEv: 1.07, r0A: 3.52 * SQRT1_2 },
  Cu: { p: 10.96, q: 2.278, aEv: 0.0855, xiEv: 1.224, r0A: 3.615 * SQRT1_2 },
  Pd: { p: 10.867, q: 3.742, aEv: 0.1746, xiEv: 1.718, r0A: 2.7485 },
  Ag: { p: 10.928, q: 3.139, aEv: 0.1028, xiEv: 1.178, r0A: 4.09 * SQRT1_2 },
  Pt: { p: 10.612, q: 4.004, aEv: 0.2975, xiEv: 2.695, r0A: 3.924 * SQRT1_2 },
  Au: { p: 10.229, q: 4.036, aEv: 0.2061, xiEv: 1.79, r0A: 2.884 },
  Al: { p: 8.612, q: 2.516, aEv: 0.1221, xiEv: 1.316, r0A: 4.05 * SQRT1_2 },
};

/**
 * Experimental cohesive energies (eV/atom) the Cleri–Rosato and Sutton–Chen sets
 * were fitted to (C. Kittel, Introduction to Solid State Physics, 8th ed., Table 3.1).
 */
export const COHESIVE_ENERGY_EV: Readonly<Record<string, number>> = {
  Ni: 4.44,
  Cu: 3.49,
  Pd: 3.89,
  Ag: 2.95,
  Pt: 5.84,
  Au: 3.81,
  Al: 3.39,
};

/** One Sutton–Chen parameter set: E = ε Σ_i [½ Σ_j (a/r)^n − c √(Σ_j (a/r)^m)]. */
export interface SuttonChenParameters {
  readonly n: number;
  readonly m: number;
  /** Energy scale ε, eV. */
  readonly epsilonEv: number;
  /** Dimensionless c. */
  readonly c: number;
  /** Length scale a (the fcc lattice constant), Å. */
  readonly aA: number;
}

/** Citation of the Sutton–Chen parameter sets. */
export const SUTTON_CHEN_SOURCE = 'A. P. Sutton and J. Chen, Phil. Mag. Lett. 61, 139 (1990), Table 1';

/** Sutton–Chen parameter sets by element symbol (source: {@link SUTTON_CHEN_SOURCE}). */
export const SUTTON_CHEN_PARAMETERS: Readonly<Record<string, SuttonChenParameters>> = {
  Ni: { n: 9, m: 6, epsilonEv: 0.015707, c: 39.432, aA: 3.52 },
  Cu: { n: 9, m: 6, epsilonEv: 0.012382, c: 39.432, aA: 3.61 },
  Pd: { n: 12, m: 7, epsilonEv: 0.004179, c: 108.27, aA: 3.89 },
  Ag: { n: 12, m: 6, epsilonEv: 0.002542, c: 144.41, aA: 4.09 },
  Pt: { n: 10, m: 8, epsilonEv: 0.019833, c: 34.408, aA: 3.92 },
  Au: { n: 10, m: 8, epsilonEv: 0.012793, c: 34.408, aA: 4.08 },
};

/**
 * The reduced Sutton–Chen families of the Cambridge Cluster Database (ε = a = 1):
 * 12-6 (c = 144.41, Ag), 9-6 (c = 39.432, Ni/Cu), 10-8 (c = 34.408, Au/Pt).
 * Source: J. P. K. Doye and D. J. Wales, New J. Chem. 22, 733 (1998).
 */
export const SUTTON_CHEN_REDUCED: Readonly<Record<string, { n: number; m: number; c: number }>> = {
  '12-6': { n: 12, m: 6, c: 144.41 },
  '9-6': { n: 9, m: 6, c: 39.432 },
  '10-8': { n: 10, m: 8, c: 34.408 },
};

/** Lennard-Jones parameters in eV and Å. */
export interface LennardJonesParameters {
  readonly epsilonEv: number;
  readonly sigmaA: number;
}

/**
 * Argon: ε/k_B = 120 K (= 0.010341 eV), σ = 3.4 Å. Source: A. Rahman, Phys. Rev. 136, A405 (1964).
 */
export const LENNARD_JONES_SOURCE = 'A. Rahman, Phys. Rev. 136, A405 (1964): argon ε/k_B = 120 K, σ = 3.4 Å';

/** Lennard-Jones parameter sets by element symbol (source: {@link LENNARD_JONES_SOURCE}). */
export const LENNARD_JONES_PARAMETERS: Readonly<Record<string, LennardJonesParameters>> = {
  // 120 K × k_B (8.617333262e-5 eV/K)
  Ar: { epsilonEv: 120 * 8.617333262e-5, sigmaA: 3.4 },
};
