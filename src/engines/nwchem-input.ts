/**
 * NWChem 7 input decks for Kohn–Sham DFT (PBE, PBE0) single points, gradients and geometry
 * optimisations. Pure text generation (no I/O), so it is unit-tested without NWChem.
 *
 * Choices, each documented in docs/engines.md:
 * - Functionals: PBE = `xc xpbe96 cpbe96` (Perdew, Burke & Ernzerhof, PRL 77, 3865 (1996));
 *   PBE0 = `xc pbe0` (Adamo & Barone, JCP 110, 6158 (1999)).
 * - Basis: Weigend & Ahlrichs def2-SVP / def2-TZVP (PCCP 7, 3297 (2005)) from NWChem's basis
 *   library, spherical functions; elements beyond Kr (Z > 36) get the def2 effective core
 *   potentials (`def2-ecp`, the Stuttgart–Köln ECPs the def2 sets were built for).
 * - Symmetry is on by default (NWChem's autosym): an Ih Al13 single point takes ~5 s on 2 cores
 *   instead of minutes. NWChem then re-orients the molecule; the caller maps gradients and
 *   geometries back into its own frame (nwchem.ts).
 * - Spin: multiplicity 2S+1 from the number of unpaired electrons; open shells run unrestricted.
 * - Occupations: `smear σ` (Gaussian smearing, σ in Hartree) either kept for the final energy
 *   (degenerate open shells such as the 2P hole of Ih Al13) or used only to prepare an initial
 *   guess that a second, integer-occupation SCF continues from (guess `smear`).
 * - Files stay in the private run directory (`permanent_dir ./`, `scratch_dir ./`).
 */
import { InputError } from '../core/errors.js';
import { ELEMENTS } from '../data/elements.js';

export type NwchemMethod = 'pbe' | 'pbe0';
/** def2 sets; the `d` variants add diffuse functions (Rappoport & Furche, JCP 133, 134105 (2010)) for anions. */
export type NwchemBasis = 'def2-svp' | 'def2-tzvp' | 'def2-svpd' | 'def2-tzvpd';
/** Initial-guess strategies for finding the lowest SCF state of an ion. */
export type NwchemGuess = 'default' | 'smear' | 'hcore';
export type NwchemTask = 'energy' | 'gradient' | 'optimize';

export const NWCHEM_METHODS: readonly NwchemMethod[] = ['pbe', 'pbe0'];
export const NWCHEM_BASES: readonly NwchemBasis[] = ['def2-svp', 'def2-tzvp', 'def2-svpd', 'def2-tzvpd'];
export const NWCHEM_GUESSES: readonly NwchemGuess[] = ['default', 'smear', 'hcore'];

/** Heaviest element treated all-electron with the def2 sets; heavier ones get def2-ecp. */
export const DEF2_ECP_FROM_Z = 37;
/** Smearing width used to prepare the `smear` guess, Hartree (0.01 Ha = 0.27 eV). */
export const GUESS_SMEAR_HA = 0.01;

export interface NwchemJob {
  /** Atomic numbers. */
  readonly numbers: ArrayLike<number>;
  /** Cartesian positions, Å, length 3N. */
  readonly positions: ArrayLike<number>;
  /** Total charge, e. */
  readonly charge: number;
  /** Spin multiplicity 2S + 1. */
  readonly multiplicity: number;
  readonly method: NwchemMethod;
  readonly basis: NwchemBasis;
  readonly task: NwchemTask;
  /** Initial guess (default `default`: NWChem's superposition of atomic densities). */
  readonly guess?: NwchemGuess;
  /** Gaussian smearing kept in the final SCF, Hartree (0 or absent: integer occupations). */
  readonly smearHa?: number;
  /** Use point-group symmetry (default true). */
  readonly symmetry?: boolean;
  /** SCF iterations per SCF (default 100). */
  readonly iterations?: number;
  /**
   * SCF energy convergence, Hartree (default 1e-6; 1e-7 for `optimize`, whose driver compares step
   * energies: at 1e-6 the SCF noise is as large as the last steps' energy changes).
   */
  readonly energyConvergenceHa?: number;
  /** Geometry-optimisation steps (default 30). */
  readonly maxOptSteps?: number;
  /** Title line. */
  readonly title?: string;
}

function symbolOf(z: number, i: number): string {
  const e = Number.isInteger(z) && z >= 1 ? ELEMENTS[z - 1] : undefined;
  if (!e) {
    throw new InputError('nwchem-element', `atom ${i + 1}: no element with atomic number ${z}`, {
      hint: 'atomic numbers run from 1 to 118',
    });
  }
  // NWChem's def2 library stops at Rn (Z = 86).
  if (z > 86) {
    throw new InputError('nwchem-element', `atom ${i + 1}: ${e.symbol} (Z = ${z}) has no def2 basis set`, {
      hint: 'the def2 basis sets cover H–Rn (Z ≤ 86)',
    });
  }
  return e.symbol;
}

function fmt(x: number): string {
  return x.toFixed(8);
}

/** Number of electrons of the all-electron molecule (Σ Z − charge). */
export function electronCount(numbers: ArrayLike<number>, charge: number): number {
  let n = 0;
  for (let i = 0; i < numbers.length; i++) n += numbers[i]!;
  return n - charge;
}

/**
 * The multiplicity 2S + 1 for `uhf` unpaired electrons (default: 0 or 1 by electron parity),
 * checked against the electron count (the parity of N_α − N_β must match that of N; ECP cores
 * hold even numbers of electrons and do not change it).
 */
export function multiplicityFor(numbers: ArrayLike<number>, charge: number, uhf?: number): number {
  const n = electronCount(numbers, charge);
  if (n <= 0) {
    throw new InputError('nwchem-charge', `charge ${charge} leaves ${n} electrons`, {
      hint: 'use a smaller positive charge',
    });
  }
  const u = uhf ?? n % 2;
  if (!Number.isInteger(u) || u < 0 || u > n) {
    throw new InputError('nwchem-uhf', `--uhf ${u} is not a number of unpaired electrons between 0 and ${n}`);
  }
  if ((n - u) % 2 !== 0) {
    throw new InputError(
      'nwchem-uhf',
      `${n} electrons cannot have ${u} unpaired electron${u === 1 ? '' : 's'} (parity)`,
      { hint: `use --uhf ${n % 2} or ${(n % 2) + 2}` },
    );
  }
  return u + 1;
}

function dftBlock(job: NwchemJob, smearHa: number | null, extra: readonly string[]): string[] {
  const xc = job.method === 'pbe' ? 'xc xpbe96 cpbe96' : 'xc pbe0';
  return [
    'dft',
    `  ${xc}`,
    `  mult ${job.multiplicity}`,
    `  iterations ${job.iterations ?? 100}`,
    `  convergence energy ${(job.energyConvergenceHa ?? (job.task === 'optimize' ? 1e-7 : 1e-6)).toExponential(1)}`,
    '  mulliken',
    // NWChem keeps directives in its database between tasks: a smearing set for a guess is
    // switched off explicitly (`smear 0.0`) in the SCF that continues from it.
    ...(smearHa !== null ? [`  smear ${smearHa > 0 ? smearHa : '0.0'}`] : []),
    ...extra.map((l) => `  ${l}`),
    'end',
  ];
}

/** The complete NWChem input deck for one job. */
export function writeNwchemInput(job: NwchemJob): string {
  const n = job.numbers.length;
  if (n === 0) throw new InputError('nwchem-empty', 'the structure has no atoms');
  if (job.positions.length !== 3 * n) {
    throw new InputError(
      'nwchem-positions',
      `expected ${3 * n} coordinates for ${n} atoms, got ${job.positions.length}`,
    );
  }
  if (!NWCHEM_METHODS.includes(job.method)) {
    throw new InputError('nwchem-method', `unknown DFT method "${String(job.method)}"`, {
      hint: `use one of ${NWCHEM_METHODS.join(', ')}`,
    });
  }
  if (!NWCHEM_BASES.includes(job.basis)) {
    throw new InputError('nwchem-basis', `unknown basis "${String(job.basis)}"`, {
      hint: `use one of ${NWCHEM_BASES.join(', ')}`,
    });
  }
  const smear = job.smearHa ?? 0;
  if (!(smear >= 0 && smear < 0.1)) {
    throw new InputError('nwchem-smear', `smearing ${smear} Ha is outside [0, 0.1)`);
  }
  const symbols: string[] = [];
  const heavy = new Set<string>();
  for (let i = 0; i < n; i++) {
    const z = job.numbers[i]!;
    const s = symbolOf(z, i);
    symbols.push(s);
    if (z >= DEF2_ECP_FROM_Z) heavy.add(s);
    for (let k = 0; k < 3; k++) {
      const x = job.positions[3 * i + k]!;
      if (!Number.isFinite(x)) {
        throw new InputError('nwchem-positions', `atom ${i + 1}: coordinate ${'xyz'[k]} is ${String(x)}`);
      }
    }
  }
  const symmetry = job.symmetry ?? true;
  const lines: string[] = [
    'start calc',
    'permanent_dir ./',
    'scratch_dir ./',
    `title "${(job.title ?? 'superatom').replace(/["\n\r]/g, ' ')}"`,
    `charge ${job.charge}`,
    `geometry units angstrom noautoz${symmetry ? '' : ' nocenter noautosym'}`,
  ];
  if (!symmetry) lines.push('  symmetry c1');
  for (let i = 0; i < n; i++) {
    const p = job.positions;
    lines.push(`  ${symbols[i]!.padEnd(2)} ${fmt(p[3 * i]!)} ${fmt(p[3 * i + 1]!)} ${fmt(p[3 * i + 2]!)}`);
  }
  lines.push('end', 'basis spherical', `  * library ${job.basis}`, 'end');
  if (heavy.size) {
    lines.push('ecp');
    for (const s of [...heavy].sort()) lines.push(`  ${s} library def2-ecp`);
    lines.push('end');
  }
  const task = job.task === 'optimize' ? 'optimize' : job.task;
  if (job.task === 'optimize') lines.push('driver', `  maxiter ${job.maxOptSteps ?? 30}`, 'end');
  const guess = job.guess ?? 'default';
  if (guess === 'default') {
    lines.push(...dftBlock(job, smear > 0 ? smear : null, []), `task dft ${task}`);
  } else {
    // Prepare orbitals (fractional occupations, or the bare-core Hamiltonian), then continue with
    // the wanted occupations from them: every later SCF (each optimisation step too) reads the
    // previous vectors, so the state found is followed rather than re-guessed.
    const prep =
      guess === 'smear'
        ? dftBlock(job, Math.max(GUESS_SMEAR_HA, smear), [])
        : dftBlock(job, null, ['vectors input hcore']);
    lines.push(...prep, 'task dft energy');
    lines.push(...dftBlock(job, smear, ['vectors input calc.movecs']), `task dft ${task}`);
  }
  return `${lines.join('\n')}\n`;
}
