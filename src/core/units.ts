/**
 * Physical constants and unit conversions. Internal units are fixed:
 * length Å, energy eV, mass Da (unified atomic mass unit), charge e.
 *
 * Values: CODATA 2018 recommended values (Tiesinga et al., Rev. Mod. Phys. 93, 025010 (2021)),
 * unchanged in the exact-by-definition SI constants.
 */

/** Electron mass in Da (CODATA 2018: 5.485 799 090 65(16) × 10⁻⁴ u). */
export const ELECTRON_MASS_DA = 5.48579909065e-4;
/** Proton mass in Da (CODATA 2018: 1.007 276 466 621 u). */
export const PROTON_MASS_DA = 1.007276466621;
/** Hartree energy in eV (CODATA 2018: 27.211 386 245 988 eV). */
export const HARTREE_EV = 27.211386245988;
/** Bohr radius in Å (CODATA 2018: 0.529 177 210 903 Å). */
export const BOHR_A = 0.529177210903;
/** Boltzmann constant in eV/K (exact: 8.617 333 262… × 10⁻⁵ eV/K). */
export const BOLTZMANN_EV_PER_K = 8.617333262e-5;
/** kcal/mol in eV (1 kcal/mol = 0.043 364 1 eV, thermochemical calorie). */
export const KCAL_PER_MOL_EV = 0.0433641153;
/** kJ/mol in eV. */
export const KJ_PER_MOL_EV = 0.0103642688;
