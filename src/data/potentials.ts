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

/**
 * One analytic embedded-atom parameter set of X. W. Zhou, R. A. Johnson and H. N. G. Wadley,
 * Phys. Rev. B 69, 144113 (2004), Table III (fcc metals):
 *
 *   φ(r) = A e^{−α(r/re−1)} / (1 + (r/re − κ)^20) − B e^{−β(r/re−1)} / (1 + (r/re − λ)^20)
 *   f(r) = fe e^{−β(r/re−1)} / (1 + (r/re − λ)^20)
 *   F(ρ) = Σ_{i=0..3} Fni (ρ/ρn − 1)^i          for ρ < ρn = ρnFactor ρe
 *        = Σ_{i=0..3} Fi (ρ/ρe − 1)^i           for ρn ≤ ρ < ρ0 = ρ0Factor ρe
 *        = Fe [1 − η ln(ρ/ρs)] (ρ/ρs)^η         for ρ0 ≤ ρ
 *
 * Energies eV, lengths Å, densities in the paper's units (eV/Å for fe and ρ).
 */
export interface ZhouEamParameters {
  readonly re: number;
  readonly fe: number;
  readonly rhoe: number;
  readonly rhos: number;
  readonly alpha: number;
  readonly beta: number;
  readonly a: number;
  readonly b: number;
  readonly kappa: number;
  readonly lambda: number;
  readonly fn: readonly [number, number, number, number];
  readonly f: readonly [number, number, number, number];
  readonly eta: number;
  readonly fEnd: number;
  /** ρn / ρe (0.85 in the paper; 0.25 for Pt, the value that makes the published Fn0..Fn3 continuous). */
  readonly rhoNFactor: number;
  /** ρ0 / ρe (1.15). */
  readonly rho0Factor: number;
}

/**
 * Citation of the analytic EAM sets. Values as distributed with LAMMPS (tools/eam_database/EAM_code,
 * X. W. Zhou, with revisions by L. Hale, NIST); for Pt ρn = 0.25 ρe (the published Fn0..Fn3 meet
 * F0..F3 there, checked by the continuity test).
 */
export const ZHOU_EAM_SOURCE =
  'X. W. Zhou, R. A. Johnson and H. N. G. Wadley, Phys. Rev. B 69, 144113 (2004), Table III';

/** Zhou–Johnson–Wadley EAM sets by element (source: {@link ZHOU_EAM_SOURCE}). */
export const ZHOU_EAM_PARAMETERS: Readonly<Record<string, ZhouEamParameters>> = {
  Cu: {
    re: 2.556162,
    fe: 1.554485,
    rhoe: 21.175871,
    rhos: 21.175395,
    alpha: 8.12762,
    beta: 4.334731,
    a: 0.39662,
    b: 0.548085,
    kappa: 0.308782,
    lambda: 0.756515,
    fn: [-2.170269, -0.263788, 1.088878, -0.817603],
    f: [-2.19, 0, 0.56183, -2.100595],
    eta: 0.31049,
    fEnd: -2.186568,
    rhoNFactor: 0.85,
    rho0Factor: 1.15,
  },
  Ag: {
    re: 2.891814,
    fe: 1.106232,
    rhoe: 14.6041,
    rhos: 14.604144,
    alpha: 9.13201,
    beta: 4.870405,
    a: 0.277758,
    b: 0.419611,
    kappa: 0.33971,
    lambda: 0.750758,
    fn: [-1.729364, -0.255882, 0.91205, -0.561432],
    f: [-1.75, 0, 0.744561, -1.15065],
    eta: 0.783924,
    fEnd: -1.748423,
    rhoNFactor: 0.85,
    rho0Factor: 1.15,
  },
  Au: {
    re: 2.885034,
    fe: 1.529021,
    rhoe: 19.991632,
    rhos: 19.991509,
    alpha: 9.516052,
    beta: 5.075228,
    a: 0.229762,
    b: 0.356666,
    kappa: 0.35657,
    lambda: 0.748798,
    fn: [-2.937772, -0.500288, 1.601954, -0.83553],
    f: [-2.98, 0, 1.706587, -1.134778],
    eta: 1.021095,
    fEnd: -2.978815,
    rhoNFactor: 0.85,
    rho0Factor: 1.15,
  },
  Ni: {
    re: 2.488746,
    fe: 2.007018,
    rhoe: 27.562015,
    rhos: 27.562031,
    alpha: 8.383453,
    beta: 4.471175,
    a: 0.429046,
    b: 0.633531,
    kappa: 0.443599,
    lambda: 0.820658,
    fn: [-2.693513, -0.076445, 0.241442, -2.375626],
    f: [-2.7, 0, 0.26539, -0.152856],
    eta: 0.44547,
    fEnd: -2.7,
    rhoNFactor: 0.85,
    rho0Factor: 1.15,
  },
  Pd: {
    re: 2.750897,
    fe: 1.595417,
    rhoe: 21.335246,
    rhos: 21.940073,
    alpha: 8.697397,
    beta: 4.638612,
    a: 0.406763,
    b: 0.59888,
    kappa: 0.397263,
    lambda: 0.754799,
    fn: [-2.321006, -0.473983, 1.615343, -0.231681],
    f: [-2.36, 0, 1.481742, -1.675615],
    eta: 1.13,
    fEnd: -2.352753,
    rhoNFactor: 0.85,
    rho0Factor: 1.15,
  },
  Pt: {
    re: 2.771916,
    fe: 2.336509,
    rhoe: 33.367564,
    rhos: 35.205357,
    alpha: 7.105782,
    beta: 3.78975,
    a: 0.556398,
    b: 0.696037,
    kappa: 0.385255,
    lambda: 0.77051,
    fn: [-1.455568, -2.149952, 0.528491, 1.222875],
    f: [-4.17, 0, 3.010561, -2.420128],
    eta: 1.45,
    fEnd: -4.145597,
    rhoNFactor: 0.25,
    rho0Factor: 1.15,
  },
};

/** A published Gupta parameter set for an alloy: parameters per element pair ("Au-Pd", "Au-Au" …). */
export interface GuptaAlloySet {
  readonly elements: readonly string[];
  /** Pair parameters keyed by the two symbols in alphabetical order joined by "-". */
  readonly pairs: Readonly<Record<string, GuptaParameters>>;
  readonly source: string;
}

const g = (aEv: number, xiEv: number, p: number, q: number, r0A: number): GuptaParameters => ({
  aEv,
  xiEv,
  p,
  q,
  r0A,
});

const PITTAWAY =
  'F. Pittaway, L. O. Paz-Borbón, R. L. Johnston et al., J. Phys. Chem. C 113, 9141 (2009), Table 2';

/**
 * Published alloy Gupta sets (spec `gupta:<name>`). Each pair has its own fitted or averaged
 * parameters (not the arithmetic means of {@link GUPTA_PARAMETERS}).
 */
export const GUPTA_ALLOY_SETS: Readonly<Record<string, GuptaAlloySet>> = {
  'aupd-avg': {
    elements: ['Au', 'Pd'],
    source: `${PITTAWAY}, (a) average parameters`,
    pairs: {
      'Pd-Pd': g(0.1746, 1.718, 10.867, 3.742, 2.7485),
      'Au-Au': g(0.2061, 1.79, 10.229, 4.036, 2.884),
      'Au-Pd': g(0.19, 1.75, 10.54, 3.89, 2.816),
    },
  },
  'aupd-exp': {
    elements: ['Au', 'Pd'],
    source: `${PITTAWAY}, (b) experiment-fitted parameters`,
    pairs: {
      'Pd-Pd': g(0.1715, 1.7019, 11.0, 3.794, 2.7485),
      'Au-Au': g(0.2096, 1.8153, 10.139, 4.033, 2.884),
      'Au-Pd': g(0.2764, 2.082, 10.569, 3.913, 2.816),
    },
  },
  'aupd-dft': {
    elements: ['Au', 'Pd'],
    source: `${PITTAWAY}, (c) DFT-fitted parameters`,
    pairs: {
      'Pd-Pd': g(0.1653, 1.6805, 10.8535, 3.7516, 2.7485),
      'Au-Au': g(0.2091, 1.8097, 10.2437, 4.0445, 2.884),
      'Au-Pd': g(0.1843, 1.7867, 10.542, 3.8826, 2.816),
    },
  },
  agau: {
    elements: ['Ag', 'Au'],
    source:
      'Ag–Au set of the Ferrando/Johnston nanoalloy studies (Ag, Au: Baletto et al., J. Chem. Phys. 116, 3856 (2002); Ag–Au mixed: Rapallo et al., J. Chem. Phys. 122, 194308 (2005), as used for 38-atom Ag–Au by Ferrando, Johnston et al. 2007)',
    pairs: {
      'Ag-Ag': g(0.1031, 1.1895, 10.85, 3.18, 2.8921),
      'Au-Au': g(0.2096, 1.8153, 10.139, 4.033, 2.885),
      'Ag-Au': g(0.1488, 1.4874, 10.494, 3.607, 2.8885),
    },
  },
};
