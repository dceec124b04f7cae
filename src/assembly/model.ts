/**
 * The coarse-grained model file (`cg.json`): bead species, Lennard-Jones mixing, cut-offs, the
 * Coulomb treatment and the Langevin thermostat. Units: Å, eV, e, fs, K, Da — the same as LAMMPS
 * `units metal` except time (LAMMPS uses ps; the writers convert).
 *
 * ```json
 * {
 *   "species": {
 *     "Au25": { "mass": 7394.1, "sigma": 16, "epsilon": 0.1, "charge": -1, "element": "Au" },
 *     "TOA":  { "mass": 466.9,  "sigma": 9,  "epsilon": 0.02, "charge": 1, "element": "N" }
 *   },
 *   "mixing": "lorentz-berthelot",            // or "geometric" or "explicit"
 *   "pairs": { "Au25-TOA": { "sigma": 12, "epsilon": 0.05 } },   // overrides; all pairs if explicit
 *   "cutoff": 40,                              // LJ cut-off, Å (no shift)
 *   "coulomb": { "method": "direct", "cutoff": 40 },             // or "ewald" with "accuracy", or "none"
 *   "dielectric": 1,
 *   "temperature": 300, "damping": 100, "timestep": 5, "seed": 1
 * }
 * ```
 */
import { InputError } from '../core/errors.js';
import { parseJson } from '../core/json.js';
import { elementBySymbol } from '../data/index.js';

/**
 * Coulomb constant e²/(4πε₀) in eV·Å, the value LAMMPS `units metal` hard-codes (force.cpp:
 * qqr2e = 14.399645). CODATA 2018 (Tiesinga et al., Rev. Mod. Phys. 93, 025010 (2021)) gives
 * e/(4πε₀·1 Å) = 14.399 645 478 V; the two differ by 3 × 10⁻⁸ relative. Both engines use this one
 * value so that their energies agree to 10⁻⁶ and better.
 */
export const COULOMB_EV_A = 14.399645;
/**
 * 1 Da·Å²/fs² in eV: 1.660 539 066 60 × 10⁻¹⁷ J / 1.602 176 634 × 10⁻¹⁹ J (CODATA 2018) =
 * 103.642 697 eV. LAMMPS metal uses mvv2e = 1.0364269 × 10⁻⁴ eV per amu·Å²/ps², i.e. 103.64269.
 */
export const MVV2E_EV = 103.64269;

export interface SpeciesParams {
  readonly name: string;
  /** Mass, Da. */
  readonly mass: number;
  /** LJ diameter σ, Å. */
  readonly sigma: number;
  /** LJ well depth ε, eV. */
  readonly epsilon: number;
  /** Charge, e. */
  readonly charge: number;
  /** Element symbol written for the bead in XYZ/extXYZ/GRO files (a stand-in so ASE reads them). */
  readonly element: string;
  /** Radius of the bead (for builders), Å; default σ/2. */
  readonly radius: number;
}

export type Mixing = 'lorentz-berthelot' | 'geometric' | 'explicit';
/** `pppm` runs PPPM on LAMMPS; the built-in code sums the same model by Ewald to the same accuracy. */
export type CoulombMethod = 'none' | 'direct' | 'ewald' | 'pppm';

export interface CgModel {
  readonly species: readonly SpeciesParams[];
  readonly mixing: Mixing;
  /** LJ σ_ij (Å) and ε_ij (eV), row-major n × n over species. */
  readonly pairSigma: Float64Array;
  readonly pairEpsilon: Float64Array;
  /** LJ cut-off, Å (energy truncated, not shifted, as LAMMPS lj/cut without pair_modify shift). */
  readonly cutoff: number;
  readonly coulomb: {
    readonly method: CoulombMethod;
    /** Real-space cut-off, Å; Infinity = every pair (direct sums of a finite system). */
    readonly cutoff: number;
    /** Ewald relative force accuracy (LAMMPS kspace_style ewald accuracy). */
    readonly accuracy: number;
  };
  /** Relative permittivity dividing every Coulomb term. */
  readonly dielectric: number;
  /** Thermostat temperature, K. */
  readonly temperature: number;
  /** Langevin damping time, fs (friction γ = 1/damping). */
  readonly damping: number;
  /** Time step, fs. */
  readonly timestep: number;
  readonly seed: number;
}

const KEYS = new Set([
  'species',
  'mixing',
  'pairs',
  'cutoff',
  'coulomb',
  'dielectric',
  'temperature',
  'damping',
  'timestep',
  'seed',
  'comment',
  '$schema',
]);

function fail(what: string, hint?: string, inputName = 'model'): never {
  throw new InputError('cg-model', what, { ...(hint ? { hint } : {}), location: { inputName } });
}

function num(o: Record<string, unknown>, key: string, where: string, def?: number, min = -Infinity): number {
  const v = o[key];
  if (v === undefined) {
    if (def === undefined) fail(`${where} needs "${key}"`, `add "${key}": <number>`);
    return def;
  }
  if (typeof v !== 'number' || !Number.isFinite(v))
    fail(`${where}.${key} must be a number, got ${JSON.stringify(v)?.slice(0, 40)}`);
  if (v < min) fail(`${where}.${key} must be ≥ ${min}, got ${v}`);
  return v;
}

function positive(o: Record<string, unknown>, key: string, where: string, def?: number): number {
  const v = num(o, key, where, def);
  if (!(v > 0)) fail(`${where}.${key} must be positive, got ${v}`);
  return v;
}

function obj(v: unknown, where: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(`${where} must be a JSON object`);
  return v as Record<string, unknown>;
}

/** Validate a parsed model object. */
export function modelFromObject(raw: unknown, inputName = 'model'): CgModel {
  const o = obj(raw, inputName);
  for (const k of Object.keys(o))
    if (!KEYS.has(k)) fail(`unknown key "${k}" in ${inputName}`, `known keys: ${[...KEYS].join(', ')}`);
  const sp = obj(o.species, 'species');
  const names = Object.keys(sp);
  if (names.length === 0) fail('species is empty', 'give at least one bead species');
  const species: SpeciesParams[] = names.map((name) => {
    if (!/^[A-Za-z][A-Za-z0-9_+]{0,23}$/.test(name))
      fail(`species name "${name.slice(0, 30)}" must be a letter then letters, digits, _ or +`);
    const s = obj(sp[name], `species.${name}`);
    const w = `species.${name}`;
    const element = s.element === undefined ? guessElement(name) : String(s.element);
    if (!elementBySymbol(element))
      fail(`${w}.element "${element.slice(0, 10)}" is not an element symbol`, 'e.g. "Au", "N", "W"');
    const sigma = positive(s, 'sigma', w);
    return {
      name,
      mass: positive(s, 'mass', w),
      sigma,
      epsilon: num(s, 'epsilon', w, undefined, 0),
      charge: num(s, 'charge', w, 0),
      element,
      radius: s.radius === undefined ? sigma / 2 : positive(s, 'radius', w),
    };
  });
  const mixing = (o.mixing ?? 'lorentz-berthelot') as Mixing;
  if (!['lorentz-berthelot', 'geometric', 'explicit'].includes(mixing))
    fail(`mixing must be lorentz-berthelot, geometric or explicit, got ${JSON.stringify(o.mixing)}`);
  const n = species.length;
  const pairSigma = new Float64Array(n * n);
  const pairEpsilon = new Float64Array(n * n);
  const given = new Set<string>();
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const a = species[i]!;
      const b = species[j]!;
      pairEpsilon[i * n + j] = Math.sqrt(a.epsilon * b.epsilon);
      pairSigma[i * n + j] = mixing === 'geometric' ? Math.sqrt(a.sigma * b.sigma) : (a.sigma + b.sigma) / 2;
      if (i === j) given.add(`${i}-${j}`);
    }
  if (o.pairs !== undefined) {
    const pairs = obj(o.pairs, 'pairs');
    for (const key of Object.keys(pairs)) {
      const m = /^([^-\s]+)-(.+)$/.exec(key);
      const i = m ? names.indexOf(m[1]!) : -1;
      const j = m ? names.indexOf(m[2]!) : -1;
      if (i < 0 || j < 0) fail(`pairs key "${key.slice(0, 40)}" must be "A-B" with two species names`);
      const p = obj(pairs[key], `pairs.${key}`);
      const s = positive(p, 'sigma', `pairs.${key}`);
      const e = num(p, 'epsilon', `pairs.${key}`, undefined, 0);
      pairSigma[i * n + j] = pairSigma[j * n + i] = s;
      pairEpsilon[i * n + j] = pairEpsilon[j * n + i] = e;
      given.add(`${Math.min(i, j)}-${Math.max(i, j)}`);
    }
  }
  if (mixing === 'explicit')
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++)
        if (!given.has(`${i}-${j}`))
          fail(`mixing "explicit" needs pairs."${names[i]}-${names[j]}"`, 'or use lorentz-berthelot');
  const cutoff = positive(o, 'cutoff', inputName, 2.5 * Math.max(...species.map((s) => s.sigma)));
  const c = o.coulomb === undefined ? {} : obj(o.coulomb, 'coulomb');
  const charged = species.some((s) => s.charge !== 0);
  const method = (c.method ?? (charged ? 'direct' : 'none')) as CoulombMethod;
  if (!['none', 'direct', 'ewald', 'pppm'].includes(method))
    fail(`coulomb.method must be none, direct, ewald or pppm, got ${JSON.stringify(c.method)}`);
  const kspace = method === 'ewald' || method === 'pppm';
  const ccut = c.cutoff === undefined ? (kspace ? cutoff : Infinity) : positive(c, 'cutoff', 'coulomb');
  const accuracy = c.accuracy === undefined ? 1e-5 : positive(c, 'accuracy', 'coulomb');
  if (accuracy >= 0.1) fail(`coulomb.accuracy ${accuracy} is not an accuracy`, 'e.g. 1e-5 (relative force)');
  return {
    species,
    mixing,
    pairSigma,
    pairEpsilon,
    cutoff,
    coulomb: { method, cutoff: ccut, accuracy },
    dielectric: positive(o, 'dielectric', inputName, 1),
    temperature: num(o, 'temperature', inputName, 300, 0),
    damping: positive(o, 'damping', inputName, 100),
    timestep: positive(o, 'timestep', inputName, 5),
    seed: Math.floor(num(o, 'seed', inputName, 1, 0)),
  };
}

function guessElement(name: string): string {
  const m = /^([A-Z][a-z]?)/.exec(name);
  return m && elementBySymbol(m[1]!) ? m[1]! : 'C';
}

/** Parse cg.json text (errors carry line/column for JSON syntax, the key path otherwise). */
export function parseModel(text: string, inputName = 'cg.json'): CgModel {
  return modelFromObject(parseJson(text, inputName), inputName);
}

/** The model as a plain JSON object (round-trips through parseModel). */
export function modelToObject(m: CgModel): Record<string, unknown> {
  const n = m.species.length;
  const pairs: Record<string, { sigma: number; epsilon: number }> = {};
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      pairs[`${m.species[i]!.name}-${m.species[j]!.name}`] = {
        sigma: m.pairSigma[i * n + j]!,
        epsilon: m.pairEpsilon[i * n + j]!,
      };
  return {
    species: Object.fromEntries(
      m.species.map((s) => [
        s.name,
        {
          mass: s.mass,
          sigma: s.sigma,
          epsilon: s.epsilon,
          charge: s.charge,
          element: s.element,
          radius: s.radius,
        },
      ]),
    ),
    mixing: 'explicit',
    pairs,
    cutoff: m.cutoff,
    coulomb: {
      method: m.coulomb.method,
      ...(Number.isFinite(m.coulomb.cutoff) ? { cutoff: m.coulomb.cutoff } : {}),
      accuracy: m.coulomb.accuracy,
    },
    dielectric: m.dielectric,
    temperature: m.temperature,
    damping: m.damping,
    timestep: m.timestep,
    seed: m.seed,
  };
}

/** Index of a species by name; InputError when the model lacks it. */
export function speciesIndex(m: CgModel, name: string): number {
  const i = m.species.findIndex((s) => s.name === name);
  if (i < 0)
    throw new InputError('cg-species', `species "${name}" is not in the model`, {
      hint: `the model has ${m.species.map((s) => s.name).join(', ')}`,
    });
  return i;
}
