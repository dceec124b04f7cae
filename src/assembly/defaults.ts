/**
 * A starting cg.json for a built assembly, when the user has none: one species per bead kind with
 * its mass from a formula (average mass, standard atomic weights), σ chosen so that the LJ minimum
 * 2^{1/6}σ sits at the contact of two ligand shells (σ = 2(r + shell)/2^{1/6}), a given ε, the
 * bead charge, Coulomb by Ewald in a box and direct sums otherwise.
 */

import { formulaMasses, parseFormula } from '../chem/index.js';
import { InputError } from '../core/errors.js';
import type { Assembly } from './builders.js';
import type { CgModel } from './model.js';
import { modelFromObject } from './model.js';
import { standIn } from './trajectory.js';

export interface BeadKind {
  readonly species: string;
  /** Radius to the outside of the ligand shell, Å. */
  readonly outerRadius: number;
  readonly charge: number;
  /** Mass, Da; default the average mass of `formula` (or of the species name read as a formula). */
  readonly mass?: number;
  readonly formula?: string;
  /** LJ well depth, eV (default 0.05). */
  readonly epsilon?: number;
}

/** Average mass (Da) of a formula such as "Au25(PET)18" or "TOA"; InputError when it has none. */
export function formulaMass(formula: string, what: string): number {
  let m: number | null = null;
  let why = '';
  try {
    m = formulaMasses(parseFormula(formula)).averageMass;
  } catch (e) {
    m = null;
    if (e instanceof InputError) why = `: ${e.message}`;
  }
  if (m === null || !(m > 0))
    throw new InputError(
      'assembly-mass',
      `cannot tell the mass of ${what} from "${formula.slice(0, 40)}"${why}`,
      { hint: 'give its formula (e.g. --formula "Au25(PET)18") or its mass in Da' },
    );
  return m;
}

export function defaultModel(asm: Assembly, kinds: readonly BeadKind[], temperature = 300): CgModel {
  const species: Record<string, unknown> = {};
  for (const k of kinds) {
    const mass = k.mass ?? formulaMass(k.formula ?? k.species, `bead ${k.species}`);
    species[k.species] = {
      mass,
      sigma: (2 * k.outerRadius) / 2 ** (1 / 6),
      epsilon: k.epsilon ?? 0.05,
      charge: k.charge,
      element: standIn(k.species),
      radius: k.outerRadius,
    };
  }
  for (const name of asm.system.species)
    if (!(name in species))
      throw new InputError('assembly-model', `no parameters for the sites "${name}" of a rigid cluster`, {
        hint: 'give --model cg.json with a species per site element',
      });
  const maxSigma = Math.max(...kinds.map((k) => (2 * k.outerRadius) / 2 ** (1 / 6)));
  const cutoff = 2.5 * maxSigma;
  const box = asm.cell;
  const ewaldCut = box ? Math.min(cutoff, 0.49 * Math.min(...box)) : cutoff;
  return modelFromObject({
    species,
    cutoff: box ? ewaldCut : cutoff,
    coulomb: kinds.some((k) => k.charge !== 0)
      ? box
        ? { method: 'ewald', cutoff: ewaldCut, accuracy: 1e-5 }
        : { method: 'direct' }
      : { method: 'none' },
    dielectric: 1,
    temperature,
    damping: 1000,
    timestep: 10,
    seed: 1,
  });
}
