/**
 * Langevin dynamics (NVT) of bead systems, the same scheme LAMMPS runs with `fix nve` +
 * `fix langevin T T damp seed`: velocity Verlet whose force carries a friction −m v/τ and a random
 * force of variance 2 m k_B T/(τ Δt) per component (Schneider & Stoll, Phys. Rev. B 17, 1302
 * (1978); LAMMPS fix langevin documentation). LAMMPS draws uniform deviates scaled to that
 * variance, this code Gaussian ones: the same fluctuation–dissipation balance, so the same
 * canonical averages.
 *
 * Units: positions Å, velocities Å/fs, masses Da, forces eV/Å, time fs; a = F/(m · MVV2E).
 */
import type { Rng } from '../core/rng.js';
import { BOLTZMANN_EV_PER_K } from '../core/units.js';
import type { EnergyTerms, ForceField } from './forces.js';
import { alignTypes } from './forces.js';
import { MVV2E_EV } from './model.js';
import type { BeadSystem } from './system.js';
import { wrapPositions } from './system.js';

export interface ThermoSample {
  readonly step: number;
  /** Potential energy, eV. */
  readonly pe: number;
  readonly lj: number;
  readonly coulomb: number;
  /** Kinetic energy, eV. */
  readonly ke: number;
  /** Instantaneous temperature 2 KE/(3N k_B), K. */
  readonly temperature: number;
}

export interface LangevinOptions {
  readonly steps: number;
  readonly rng: Rng;
  /** Record thermo every this many steps (default 10). */
  readonly thermoEvery?: number;
  /** Called with a copy-free view of positions every `frameEvery` steps (and step 0). */
  readonly frameEvery?: number;
  readonly onFrame?: (step: number, positions: Float64Array) => void;
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: { readonly aborted: boolean };
  /** Initial velocities (Å/fs); default Maxwell–Boltzmann at the model temperature, zero momentum. */
  readonly velocities?: Float64Array;
}

export interface LangevinResult {
  readonly samples: readonly ThermoSample[];
  readonly positions: Float64Array;
  readonly velocities: Float64Array;
  readonly last: EnergyTerms;
  readonly stepsDone: number;
}

/** Maxwell–Boltzmann velocities at T (K) with the centre-of-mass momentum removed, Å/fs. */
export function maxwellBoltzmann(masses: Float64Array, temperature: number, rng: Rng): Float64Array {
  const n = masses.length;
  const v = new Float64Array(3 * n);
  const p = [0, 0, 0];
  let mt = 0;
  for (let i = 0; i < n; i++) {
    const s = Math.sqrt((BOLTZMANN_EV_PER_K * temperature) / (masses[i]! * MVV2E_EV));
    for (let k = 0; k < 3; k++) {
      v[3 * i + k] = s * rng.normal();
      p[k] = p[k]! + masses[i]! * v[3 * i + k]!;
    }
    mt += masses[i]!;
  }
  for (let i = 0; i < n; i++) for (let k = 0; k < 3; k++) v[3 * i + k] = v[3 * i + k]! - p[k]! / mt;
  return v;
}

export function kineticEnergy(masses: Float64Array, v: Float64Array): number {
  let ke = 0;
  for (let i = 0; i < masses.length; i++)
    ke += masses[i]! * (v[3 * i]! ** 2 + v[3 * i + 1]! ** 2 + v[3 * i + 2]! ** 2);
  return 0.5 * MVV2E_EV * ke;
}

/** Run `steps` Langevin steps of `system` under `ff` (its model gives T, τ, Δt). */
export function runLangevin(ff: ForceField, system: BeadSystem, opts: LangevinOptions): LangevinResult {
  const model = ff.model;
  const n = system.types.length;
  const dt = model.timestep;
  const tau = model.damping;
  const T = model.temperature;
  const masses = Float64Array.from(alignTypes(model, system), (t) => model.species[t]!.mass);
  const x = Float64Array.from(system.positions);
  const v = opts.velocities ? Float64Array.from(opts.velocities) : maxwellBoltzmann(masses, T, opts.rng);
  const f = new Float64Array(3 * n);
  const invM = Float64Array.from(masses, (m) => 1 / (m * MVV2E_EV)); // Å/fs² per eV/Å
  const fric = Float64Array.from(masses, (m) => (m * MVV2E_EV) / tau);
  const rand = Float64Array.from(masses, (m) =>
    Math.sqrt((2 * m * MVV2E_EV * BOLTZMANN_EV_PER_K * T) / (tau * dt)),
  );
  const thermoEvery = Math.max(1, opts.thermoEvery ?? 10);
  const frameEvery = opts.frameEvery ?? 0;
  const samples: ThermoSample[] = [];
  const rng = opts.rng;

  const thermostat = () => {
    for (let i = 0; i < n; i++)
      for (let k = 0; k < 3; k++) {
        const a = 3 * i + k;
        f[a] = f[a]! - fric[i]! * v[a]! + rand[i]! * rng.normal();
      }
  };
  const record = (step: number, e: EnergyTerms) => {
    const ke = kineticEnergy(masses, v);
    samples.push({
      step,
      pe: e.total,
      lj: e.lj,
      coulomb: e.coulomb,
      ke,
      temperature: (2 * ke) / (3 * n * BOLTZMANN_EV_PER_K),
    });
  };

  let e = ff.compute(x, f);
  record(0, e);
  if (frameEvery > 0) opts.onFrame?.(0, x);
  thermostat();
  let step = 0;
  const half = 0.5 * dt;
  for (step = 1; step <= opts.steps; step++) {
    if (opts.signal?.aborted) {
      step--;
      break;
    }
    for (let i = 0; i < n; i++)
      for (let k = 0; k < 3; k++) {
        const a = 3 * i + k;
        v[a] = v[a]! + half * f[a]! * invM[i]!;
        x[a] = x[a]! + dt * v[a]!;
      }
    e = ff.compute(x, f);
    thermostat();
    for (let i = 0; i < n; i++)
      for (let k = 0; k < 3; k++) {
        const a = 3 * i + k;
        v[a] = v[a]! + half * f[a]! * invM[i]!;
      }
    if (step % thermoEvery === 0) record(step, e);
    if (frameEvery > 0 && step % frameEvery === 0) {
      if (system.box) wrapPositions(x, system.box);
      opts.onFrame?.(step, x);
    }
    if (step % 100 === 0) opts.onProgress?.(step, opts.steps);
  }
  if (system.box) wrapPositions(x, system.box);
  return { samples, positions: x, velocities: v, last: e, stepsDone: Math.min(step, opts.steps) };
}
