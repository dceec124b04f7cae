/**
 * The built-in coarse-grained model against LAMMPS on the files it exports: the same energy and
 * forces (direct sums to 1e-6 relative; Ewald within the stated accuracy), and the same NVT mean
 * energy within statistical error. Skipped when `lmp` is absent unless SUPERATOM_REQUIRE_ENGINES=1.
 */
import { describe, expect, it } from 'vitest';
import { blockAverage } from '../assembly/analysis.js';
import { addCounterions, crystal, ring } from '../assembly/builders.js';
import { createForceField } from '../assembly/forces.js';
import { dumpColumns } from '../assembly/lammps.js';
import { runLangevin } from '../assembly/langevin.js';
import { modelFromObject } from '../assembly/model.js';
import { runRigidLangevin } from '../assembly/rigid.js';
import type { BeadSystem } from '../assembly/system.js';
import { createRng } from '../core/rng.js';
import { createStructure } from '../structure/structure.js';
import { lammpsAvailable, runLammps, thermoColumn } from './lammps.js';

const required = process.env.SUPERATOM_REQUIRE_ENGINES === '1';
const available = await lammpsAvailable();
if (!available && required) throw new Error('SUPERATOM_REQUIRE_ENGINES=1 but LAMMPS (lmp) is not installed');
const maybe = available ? describe : describe.skip;
if (!available) console.warn('lammps.test: skipped, `lmp` not found (Debian package lammps)');

// A Keggin-like anion bead (3−) with 3 monovalent cation beads and a neutral bead: made-up but
// physical sizes; the test compares two implementations of one model, not the model with nature.
const model = (coulomb: object, extra: object = {}) =>
  modelFromObject({
    species: {
      POM: { mass: 2880, sigma: 10.4, epsilon: 0.06, charge: -3, element: 'W' },
      TBA: { mass: 242.5, sigma: 9.0, epsilon: 0.03, charge: 1, element: 'N' },
      Sol: { mass: 80, sigma: 5.0, epsilon: 0.01, charge: 0, element: 'C' },
    },
    cutoff: 25,
    coulomb,
    dielectric: 2,
    temperature: 300,
    damping: 200,
    timestep: 5,
    seed: 7,
    ...extra,
  });

function cluster(): BeadSystem {
  // POM at the origin, three TBA around it, two solvent beads; finite
  const pos = [0, 0, 0, 9.5, 0.3, 0, -4.1, 8.6, 0.5, -4.9, -8.2, -0.7, 3, 4, 8, -2, -3, -9];
  return {
    species: ['POM', 'TBA', 'Sol'],
    types: Int32Array.from([0, 1, 1, 1, 2, 2]),
    positions: Float64Array.from(pos),
  };
}

function relMax(a: Float64Array, b: Float64Array): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < a.length; i++) {
    num = Math.max(num, Math.abs(a[i]! - b[i]!));
    den = Math.max(den, Math.abs(b[i]!));
  }
  return num / den;
}

maybe('LAMMPS parity', () => {
  it('direct sums: energy and forces equal to 1e-6 (lj/cut/coul/cut, cut-offs beyond the system)', async () => {
    const m = model({ method: 'direct' }, { cutoff: 60 });
    const s = cluster();
    const f = new Float64Array(s.positions.length);
    const e = createForceField(m, s).compute(s.positions, f);
    const run = await runLammps(m, s, { steps: 0, timeLimitMs: 60000 });
    const pe = thermoColumn(run.thermo, 'PotEng')[0]!;
    expect(Math.abs(pe - e.total) / Math.abs(e.total)).toBeLessThan(1e-6);
    expect(Math.abs(thermoColumn(run.thermo, 'E_vdwl')[0]! - e.lj) / Math.abs(e.lj)).toBeLessThan(1e-6);
    expect(Math.abs(thermoColumn(run.thermo, 'E_coul')[0]! - e.coulomb) / Math.abs(e.coulomb)).toBeLessThan(
      1e-6,
    );
    const lf = dumpColumns(run.dump[0]!, ['fx', 'fy', 'fz']);
    expect(relMax(f, lf)).toBeLessThan(1e-6);
  }, 120000);

  it('2 MPI ranks give the same energy; rigid bodies exclude their intra-body pairs on both sides', async () => {
    const m = model({ method: 'direct' }, { cutoff: 60 });
    const s = cluster();
    const e = createForceField(m, s).compute(s.positions);
    const two = await runLammps(m, s, { steps: 0, ranks: 2, timeLimitMs: 60000 });
    // progress: thermo rows streamed from the screen output
    const seen: number[] = [];
    await runLammps(m, s, { steps: 100, thermoEvery: 20, timeLimitMs: 60000, onStep: (k) => seen.push(k) });
    expect(seen).toContain(100);
    expect(Math.abs(thermoColumn(two.thermo, 'PotEng')[0]! - e.total) / Math.abs(e.total)).toBeLessThan(1e-6);
    // beads 1–3 (the three TBA) as one rigid body, 4–5 as another
    const rb: BeadSystem = { ...s, bodies: Int32Array.from([0, 1, 1, 1, 2, 2]) };
    const f = new Float64Array(18);
    const er = createForceField(m, rb).compute(rb.positions, f);
    expect(er.pairs['TBA-TBA']!.coulomb).toBe(0);
    const run = await runLammps(m, rb, { steps: 0, timeLimitMs: 60000 });
    expect(Math.abs(thermoColumn(run.thermo, 'PotEng')[0]! - er.total) / Math.abs(er.total)).toBeLessThan(
      1e-6,
    );
    expect(relMax(f, dumpColumns(run.dump[0]!, ['fx', 'fy', 'fz']))).toBeLessThan(1e-6);
  }, 120000);

  it('Ewald in a periodic box: energy and forces within the stated accuracy (kspace_style ewald)', async () => {
    const acc = 1e-5;
    const m = model({ method: 'ewald', cutoff: 12, accuracy: acc }, { cutoff: 12 });
    // an ionic crystal with counter-ions: 2×2×2 cubic cell of POM with 3 TBA each, box 2 × 30 Å
    const base = crystal(
      { species: 'POM', radius: 5.2, charge: -3 },
      { lattice: 'sc', distance: 30, repeat: [2, 2, 2] },
    );
    const s = addCounterions(base, { species: 'TBA', charge: 1, distance: 9.5 }, 'sc', [2, 2, 2]).system;
    const f = new Float64Array(s.positions.length);
    const ff = createForceField(m, s);
    const e = ff.compute(s.positions, f);
    const run = await runLammps(m, s, { steps: 0, timeLimitMs: 60000 });
    const pe = thermoColumn(run.thermo, 'PotEng')[0]!;
    const lf = dumpColumns(run.dump[0]!, ['fx', 'fy', 'fz']);
    // accuracy is relative to the force between two unit charges 1 Å apart (LAMMPS convention)
    const f0 = 14.399645 * acc;
    let maxErr = 0;
    for (let i = 0; i < f.length; i++) maxErr = Math.max(maxErr, Math.abs(f[i]! - lf[i]!));
    expect(maxErr).toBeLessThan(f0);
    // energy: within the force accuracy × 1 Å per bead (same α and k-space cut-off on both sides,
    // so the difference is LAMMPS' polynomial erfc in the real-space sum, ~1e-7 eV per bead)
    expect(Math.abs(pe - e.total) / s.types.length).toBeLessThan(f0 * 1);
    expect(ff.ewald!.kvectors).toBeGreaterThan(0);
    expect(Math.abs(thermoColumn(run.thermo, 'E_vdwl')[0]! - e.lj) / Math.abs(e.lj)).toBeLessThan(1e-6);
  }, 120000);

  it('PPPM on LAMMPS against the built-in Ewald sum of the same model: RMS force within the accuracy', async () => {
    const acc = 1e-5;
    const m = model({ method: 'pppm', cutoff: 12, accuracy: acc }, { cutoff: 12 });
    const base = crystal(
      { species: 'POM', radius: 5.2, charge: -3 },
      { lattice: 'sc', distance: 30, repeat: [2, 2, 2] },
    );
    const s = addCounterions(base, { species: 'TBA', charge: 1, distance: 9.5 }, 'sc', [2, 2, 2]).system;
    const f = new Float64Array(s.positions.length);
    const e = createForceField(m, s).compute(s.positions, f);
    const run = await runLammps(m, s, { steps: 0, timeLimitMs: 60000 });
    const lf = dumpColumns(run.dump[0]!, ['fx', 'fy', 'fz']);
    let ss = 0;
    for (let i = 0; i < f.length; i++) ss += (f[i]! - lf[i]!) ** 2;
    const f0 = 14.399645 * acc;
    expect(Math.sqrt(ss / s.types.length)).toBeLessThan(2 * f0);
    expect(Math.abs(thermoColumn(run.thermo, 'PotEng')[0]! - e.total) / s.types.length).toBeLessThan(f0);
  }, 120000);

  it('NVT with rigid bodies (fix rigid langevin vs the built-in rigid integrator): the same mean energy', async () => {
    const tbp = createStructure({
      numbers: [79, 79, 79, 79, 79],
      positions: [2, 0, 0, -2, 0, 0, 0, 1.5, 0, 0, -0.75, 1.299038105676658, 0, -0.75, -1.299038105676658],
    });
    const s = ring({ species: 'Au5', radius: 3, charge: 0, sites: tbp }, { count: 4, distance: 6 }).system;
    const m = modelFromObject({
      species: { Au: { mass: 196.97, sigma: 2.6, epsilon: 0.1 } },
      cutoff: 10,
      temperature: 300,
      damping: 200,
      timestep: 2,
      seed: 5,
    });
    const steps = 20000;
    const every = 20;
    const ours = runRigidLangevin(createForceField(m, s), s, {
      steps,
      rng: createRng(21),
      thermoEvery: every,
    });
    const theirs = await runLammps(m, s, { steps, thermoEvery: every, seed: 22, timeLimitMs: 120000 });
    const skip = 100;
    const a = blockAverage(
      ours.samples.slice(skip).map((x) => x.pe),
      10,
    );
    const b = blockAverage(thermoColumn(theirs.thermo, 'PotEng').slice(skip), 10);
    console.log(`rigid NVT mean PE: built-in ${a.mean} ± ${a.stderr} eV, LAMMPS ${b.mean} ± ${b.stderr} eV`);
    expect(a.mean).toBeLessThan(-0.2); // bound
    expect(Math.abs(a.mean - b.mean)).toBeLessThan(4 * Math.hypot(a.stderr, b.stderr));
  }, 180000);

  it('NVT Langevin: the same mean energy on both engines within statistical error', async () => {
    const m = model({ method: 'direct' }, { cutoff: 60, timestep: 10, damping: 500 });
    const s = cluster();
    const steps = 20000;
    const every = 20;
    const ours = runLangevin(createForceField(m, s), s, { steps, rng: createRng(11), thermoEvery: every });
    const theirs = await runLammps(m, s, { steps, thermoEvery: every, seed: 12, timeLimitMs: 120000 });
    const skip = 50; // equilibration samples (1000 steps = 10 ps ≫ τ = 0.5 ps)
    const a = blockAverage(
      ours.samples.slice(skip).map((x) => x.pe + x.ke),
      10,
    );
    const b = blockAverage(thermoColumn(theirs.thermo, 'TotEng').slice(skip), 10);
    const sigma = Math.hypot(a.stderr, b.stderr);
    console.log(
      `NVT mean total energy: built-in ${a.mean} ± ${a.stderr} eV, LAMMPS ${b.mean} ± ${b.stderr} eV`,
    );
    expect(Math.abs(a.mean - b.mean)).toBeLessThan(4 * sigma);
    // equipartition: ⟨KE⟩ = (3/2) N k_B T on both (an independent check of the thermostat)
    const keExpected = 1.5 * s.types.length * 8.617333262e-5 * m.temperature;
    const ka = blockAverage(
      ours.samples.slice(skip).map((x) => x.ke),
      10,
    );
    const kb = blockAverage(thermoColumn(theirs.thermo, 'KinEng').slice(skip), 10);
    console.log(
      `NVT mean KE: built-in ${ka.mean} ± ${ka.stderr}, LAMMPS ${kb.mean} ± ${kb.stderr}, (3/2)NkT ${keExpected}`,
    );
    expect(Math.abs(ka.mean - keExpected)).toBeLessThan(4 * ka.stderr + 0.02 * keExpected);
    expect(Math.abs(kb.mean - keExpected)).toBeLessThan(4 * kb.stderr + 0.02 * keExpected);
    // and both are bound (the ionic cluster holds together)
    expect(a.mean).toBeLessThan(0);
  }, 180000);
});
