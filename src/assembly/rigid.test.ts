/**
 * Rigid-body Langevin dynamics: the eigen-solver, bodies that keep their shape, and equipartition
 * (⟨KE⟩ = (dof/2) k_B T with 6 degrees of freedom per non-linear body, 3 per free bead).
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { createStructure } from '../structure/structure.js';
import { blockAverage } from './analysis.js';
import { ring } from './builders.js';
import { createForceField } from './forces.js';
import { modelFromObject } from './model.js';
import { runRigidLangevin, symmetricEigen } from './rigid.js';
import type { BeadSystem } from './system.js';

// a trigonal bipyramid of 5 sites (apexes on ±x): a non-linear rigid body
const tbp = createStructure({
  numbers: [79, 79, 79, 79, 79],
  positions: [2, 0, 0, -2, 0, 0, 0, 1.5, 0, 0, -0.75, 1.299038105676658, 0, -0.75, -1.299038105676658],
});

describe('rigid bodies', () => {
  it('symmetric eigen-decomposition reproduces A v = λ v', () => {
    const m = [4, 1, 0.5, 1, 3, 0.2, 0.5, 0.2, 1];
    const { values, vectors } = symmetricEigen(m);
    for (let c = 0; c < 3; c++) {
      const v = [vectors[c]!, vectors[3 + c]!, vectors[6 + c]!];
      for (let r = 0; r < 3; r++) {
        const av = m[3 * r]! * v[0]! + m[3 * r + 1]! * v[1]! + m[3 * r + 2]! * v[2]!;
        expect(av).toBeCloseTo(values[c]! * v[r]!, 12);
      }
    }
    // trace is invariant: 4 + 3 + 1
    expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(8, 12);
  });

  it('bodies keep their shape; a dilute gas of bodies and beads obeys equipartition', () => {
    const asm = ring({ species: 'Au5', radius: 3, charge: 0, sites: tbp }, { count: 4, distance: 30 });
    // plus two free beads
    const s: BeadSystem = {
      species: ['Au', 'X'],
      types: Int32Array.from([...asm.system.types, 1, 1]),
      positions: Float64Array.from([...asm.system.positions, 0, 0, 30, 0, 0, -30]),
      bodies: Int32Array.from([...asm.system.bodies!, 0, 0]),
    };
    const m = modelFromObject({
      species: { Au: { mass: 197, sigma: 2.5, epsilon: 0 }, X: { mass: 50, sigma: 2.5, epsilon: 0 } },
      cutoff: 6,
      temperature: 300,
      damping: 100,
      timestep: 2,
    });
    const r = runRigidLangevin(createForceField(m, s), s, {
      steps: 40000,
      rng: createRng(9),
      thermoEvery: 10,
    });
    const d = (p: Float64Array, i: number, j: number) =>
      Math.hypot(p[3 * i]! - p[3 * j]!, p[3 * i + 1]! - p[3 * j + 1]!, p[3 * i + 2]! - p[3 * j + 2]!);
    for (let b = 0; b < 4; b++)
      for (let i = 5 * b; i < 5 * b + 5; i++)
        for (let j = i + 1; j < 5 * b + 5; j++)
          expect(d(r.positions, i, j)).toBeCloseTo(d(s.positions, i, j), 9);
    // 4 bodies × 6 + 2 beads × 3 = 30 degrees of freedom
    const ke = blockAverage(
      r.samples.slice(100).map((x) => x.ke),
      10,
    );
    const expected = 0.5 * 30 * 8.617333262e-5 * 300;
    expect(Math.abs(ke.mean - expected)).toBeLessThan(4 * ke.stderr + 0.03 * expected);
  });
});
