import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { createRng } from '../core/rng.js';
import { createGupta } from '../potential/gupta.js';
import { createLennardJones } from '../potential/lennard-jones.js';
import { createMorse } from '../potential/morse.js';
import { mackayIcosahedron } from '../potential/test-shapes.js';
import { basinHopping } from './basin-hopping.js';
import { geneticAlgorithm } from './genetic.js';
import { isConnected, randomCluster } from './geometry.js';
import { createFire, createLbfgs, maxAtomForce } from './local.js';
import { combineRuns, runSearch } from './run.js';

// Cambridge Cluster Database (Wales & Doye, J. Phys. Chem. A 101, 5111 (1997)), ../shared/data/lj-minima-2-55.tsv
const LJ13 = -44.326801;
const LJ7 = -16.505384;
const LJ19 = -72.659782;

const clock = () => performance.now();

describe('local minimisers', () => {
  const lj = createLennardJones();
  for (const [name, make] of [
    ['L-BFGS', () => createLbfgs()],
    ['FIRE', () => createFire()],
  ] as const) {
    it(`${name} relaxes a distorted icosahedron to LJ13 = ${LJ13} with max force below fmax`, () => {
      const x = mackayIcosahedron(1, 1.2);
      const rng = createRng(3);
      for (let k = 0; k < x.length; k++) x[k] = x[k]! + 0.05 * (2 * rng.next() - 1);
      const r = make().minimize(lj, x, { fmax: 1e-6 });
      expect(r.converged).toBe(true);
      expect(r.energy).toBeCloseTo(LJ13, 6);
      const f = new Float64Array(x.length);
      lj.evaluate(x, f);
      expect(maxAtomForce(f, f.length)).toBeLessThanOrEqual(1e-6);
    });
  }
  it('works on a many-body potential (Gupta Au) and reports the iteration limit honestly', () => {
    const au = createGupta('Au');
    const x = randomCluster(10, au.nearestNeighbour, createRng(2));
    const r = createLbfgs().minimize(au, x, { fmax: 1e-5 });
    expect(r.converged).toBe(true);
    expect(r.energy).toBeLessThan(0);
    const capped = createFire().minimize(au, randomCluster(10, au.nearestNeighbour, createRng(2)), {
      fmax: 1e-9,
      maxIterations: 3,
    });
    expect(capped.converged).toBe(false);
    expect(capped.iterations).toBe(3);
  });
});

describe('basin hopping', () => {
  it(`finds LJ13 = ${LJ13} for every one of 5 seeds`, () => {
    for (let seed = 1; seed <= 5; seed++) {
      const r = basinHopping({
        potential: createLennardJones(),
        atoms: 13,
        rng: createRng(seed),
        target: LJ13,
        maxSteps: 2000,
      });
      expect(r.reachedTarget).toBe(true);
      expect(r.bestEnergy).toBeCloseTo(LJ13, 5);
      expect(r.stopReason).toBe('target');
      expect(r.minima[0]!.energy).toBeCloseTo(r.bestEnergy, 9);
    }
  });
  it('finds the LJ38 fcc truncated octahedron −173.928427 (not the icosahedral −173.252378) with default settings', () => {
    // Cambridge Cluster Database: LJ38 = −173.928427 ε (Doye, Miller & Wales, J. Chem. Phys. 111, 8417 (1999))
    // with the motif seeds (default for pair potentials: the fcc lattice search holds it) and
    // without them (the plain walk from a random cluster)
    for (const seeding of [undefined, false]) {
      const r = basinHopping({
        potential: createLennardJones(),
        atoms: 38,
        rng: createRng(1),
        target: -173.928427,
        maxSteps: 3000,
        ...(seeding === false ? { seeding } : {}),
      });
      expect(r.reachedTarget).toBe(true);
      expect(r.bestEnergy).toBeCloseTo(-173.928427, 5);
    }
  });
  it('finds LJ19 (double icosahedron) = −72.659782', () => {
    const r = basinHopping({
      potential: createLennardJones(),
      atoms: 19,
      rng: createRng(1),
      target: LJ19,
      maxSteps: 5000,
    });
    expect(r.bestEnergy).toBeCloseTo(LJ19, 5);
  });
  it('is reproducible: the same seed gives the same trajectory, another seed a different one', () => {
    const run = (seed: number) =>
      basinHopping({ potential: createLennardJones(), atoms: 15, rng: createRng(seed), maxSteps: 60 });
    const a = run(7);
    const b = run(7);
    const c = run(8);
    expect(b.evaluations).toBe(a.evaluations);
    expect(Array.from(b.bestPositions)).toEqual(Array.from(a.bestPositions));
    expect(b.minima.map((m) => m.energy)).toEqual(a.minima.map((m) => m.energy));
    expect(c.evaluations).not.toBe(a.evaluations);
  });
  it('keeps distinct minima sorted, without duplicates, and a connected best structure', () => {
    const r = basinHopping({
      potential: createMorse({ rho: 6 }),
      atoms: 12,
      rng: createRng(4),
      maxSteps: 300,
    });
    const e = r.minima.map((m) => m.energy);
    expect([...e].sort((p, q) => p - q)).toEqual(e);
    for (let k = 1; k < e.length; k++) expect(e[k]! - e[k - 1]!).toBeGreaterThan(1e-7);
    expect(isConnected(r.bestPositions, 1.6, new Int32Array(12), new Uint8Array(12))).toBe(true);
  });
  it('stops on patience, max steps and cancellation, and reports progress', () => {
    const progress: number[] = [];
    const r = basinHopping({
      potential: createLennardJones(),
      atoms: 7,
      rng: createRng(1),
      patience: 50,
      onProgress: (p) => progress.push(p.done),
    });
    expect(r.stopReason).toBe('patience');
    expect(r.bestEnergy).toBeCloseTo(LJ7, 5);
    expect(r.steps - r.stepsToBest).toBe(50);
    expect(progress.length).toBeGreaterThan(0);
    const cancelled = basinHopping({
      potential: createLennardJones(),
      atoms: 7,
      rng: createRng(1),
      signal: { aborted: true },
    });
    expect(cancelled.stopReason).toBe('cancelled');
    const timed = basinHopping({
      potential: createLennardJones(),
      atoms: 30,
      rng: createRng(1),
      timeLimitSeconds: 0.2,
      now: clock,
    });
    expect(timed.stopReason).toBe('time-limit');
    expect(timed.seconds).toBeLessThan(2);
  });
  it('bad parameters are InputErrors', () => {
    const lj = createLennardJones();
    expect(() => basinHopping({ potential: lj, atoms: -5, rng: createRng(1) })).toThrow(InputError);
    expect(() => basinHopping({ potential: lj, atoms: 1, rng: createRng(1) })).toThrow(/≥ 2/);
    expect(() => basinHopping({ potential: lj, atoms: 2.5, rng: createRng(1) })).toThrow(InputError);
    expect(() => basinHopping({ potential: lj, atoms: 5, rng: createRng(1), temperature: -1 })).toThrow(
      InputError,
    );
    expect(() => basinHopping({ potential: lj, atoms: 5, rng: createRng(1), target: Number.NaN })).toThrow(
      InputError,
    );
    expect(() => runSearch({ potential: 'gupta:Xx', atoms: 5 })).toThrow(/no Gupta parameters/);
  });
});

describe('genetic algorithm', () => {
  it(`finds LJ13 = ${LJ13} with cut-and-splice crossover`, () => {
    const r = geneticAlgorithm({
      potential: createLennardJones(),
      atoms: 13,
      rng: createRng(2),
      target: LJ13,
      maxSteps: 3000,
    });
    expect(r.reachedTarget).toBe(true);
    expect(r.method).toBe('ga');
  });
  it('is reproducible from its seed', () => {
    const run = () =>
      geneticAlgorithm({ potential: createLennardJones(), atoms: 11, rng: createRng(5), maxSteps: 60 });
    expect(run().evaluations).toBe(run().evaluations);
  });
});

describe('runs described by data', () => {
  it('run k uses seed + k, and combining keeps the lowest energy and the union of minima', () => {
    const spec = { potential: 'lj', atoms: 9, maxSteps: 40 };
    const r0 = runSearch({ ...spec, seed: 3 });
    const r1 = runSearch({ ...spec, seed: 2 }, {}, 1);
    expect(r1.evaluations).toBe(r0.evaluations);
    const c = combineRuns([runSearch({ ...spec, seed: 1 }), runSearch({ ...spec, method: 'ga', seed: 1 })]);
    expect(c.best.bestEnergy).toBeCloseTo(Math.min(...c.runs.map((r) => r.bestEnergy)), 5);
    expect(c.minima[0]!.energy).toBeCloseTo(c.best.bestEnergy, 9);
  });
});
