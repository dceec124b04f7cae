/**
 * Physics checks of the bead force field: forces against finite differences, Newton's third law,
 * the decomposition adding up, and Ewald sums against the Madelung constants of rock salt and CsCl.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { addCounterions, crystal } from './builders.js';
import { erfc } from './erfc.js';
import { createForceField } from './forces.js';
import { COULOMB_EV_A, modelFromObject } from './model.js';
import type { BeadSystem } from './system.js';

const ionic = (coulomb: object, eps = 0.05) =>
  modelFromObject({
    species: {
      A: { mass: 7000, sigma: 14, epsilon: eps, charge: -1 },
      B: { mass: 470, sigma: 9, epsilon: eps / 2, charge: 1 },
    },
    cutoff: 30,
    coulomb,
    dielectric: 1,
  });

function randomSystem(n: number, box?: [number, number, number], seed = 1): BeadSystem {
  const rng = createRng(seed);
  const pos: number[] = [];
  // a jittered grid so no two beads overlap badly
  const side = Math.ceil(Math.cbrt(n));
  const spacing = box ? box[0] / side : 12;
  for (let i = 0; i < n; i++) {
    const g = [i % side, Math.floor(i / side) % side, Math.floor(i / side / side)];
    for (const k of [0, 1, 2]) pos.push((g[k]! + 0.5) * spacing + (rng.next() - 0.5) * 2);
  }
  return {
    species: ['A', 'B'],
    types: Int32Array.from({ length: n }, (_, i) => i % 2),
    positions: Float64Array.from(pos),
    ...(box ? { box } : {}),
  };
}

function fdCheck(model: ReturnType<typeof ionic>, s: BeadSystem, h = 1e-4): number {
  const ff = createForceField(model, s);
  const f = new Float64Array(s.positions.length);
  ff.compute(s.positions, f);
  let worst = 0;
  const p = Float64Array.from(s.positions);
  for (const i of [0, 3, 7, s.types.length - 1]) {
    for (let k = 0; k < 3; k++) {
      const a = 3 * i + k;
      const x = p[a]!;
      p[a] = x + h;
      const ep = ff.compute(p).total;
      p[a] = x - h;
      const em = ff.compute(p).total;
      p[a] = x;
      worst = Math.max(worst, Math.abs(-(ep - em) / (2 * h) - f[a]!));
    }
  }
  return worst;
}

describe('erfc', () => {
  it('matches tabulated values (A&S Table 7.1; erfc(3) from the asymptotic series)', () => {
    expect(erfc(0)).toBe(1);
    expect(erfc(0.5)).toBeCloseTo(0.4795001221869535, 14);
    expect(erfc(1)).toBeCloseTo(0.15729920705028513, 14);
    expect(erfc(2)).toBeCloseTo(0.004677734981047266, 15);
    expect(erfc(3) / 2.209049699858544e-5).toBeCloseTo(1, 11);
    expect(erfc(5) / 1.5374597944280349e-12).toBeCloseTo(1, 10);
    expect(erfc(-1)).toBeCloseTo(2 - 0.15729920705028513, 14);
  });
});

describe('forces', () => {
  it('direct sums (finite system): forces = −∇E, sum to zero, pair terms add up', () => {
    const m = ionic({ method: 'direct' });
    const s = randomSystem(27);
    expect(fdCheck(m, s)).toBeLessThan(1e-6);
    const f = new Float64Array(s.positions.length);
    const e = createForceField(m, s).compute(s.positions, f);
    for (let k = 0; k < 3; k++) {
      let t = 0;
      for (let i = 0; i < 27; i++) t += f[3 * i + k]!;
      expect(Math.abs(t)).toBeLessThan(1e-10);
    }
    const sum = Object.values(e.pairs).reduce((a, p) => a + p.lj + p.coulomb, 0);
    expect(sum).toBeCloseTo(e.total, 10);
  });

  it('cell lists give the same energy as a hand-written pair sum (cut-off Coulomb in a box, 216 beads)', () => {
    const m2 = modelFromObject({
      species: {
        A: { mass: 1, sigma: 14, epsilon: 0.05, charge: -1 },
        B: { mass: 1, sigma: 9, epsilon: 0.025, charge: 1 },
      },
      cutoff: 18,
      coulomb: { method: 'direct', cutoff: 18 },
    });
    const s = randomSystem(216, [72, 72, 72], 5);
    const big = createForceField(m2, s).compute(s.positions).total;
    // brute force over the same 216 beads by hand (minimum image, Lorentz–Berthelot written out)
    let ref = 0;
    const p = s.positions;
    for (let i = 0; i < 216; i++)
      for (let j = i + 1; j < 216; j++) {
        let r2 = 0;
        for (let k = 0; k < 3; k++) {
          let d = p[3 * i + k]! - p[3 * j + k]!;
          d -= 72 * Math.round(d / 72);
          r2 += d * d;
        }
        if (r2 >= 18 * 18) continue;
        const same = s.types[i] === s.types[j];
        const sig = same ? (s.types[i] === 0 ? 14 : 9) : 11.5;
        const eps = same ? (s.types[i] === 0 ? 0.05 : 0.025) : Math.sqrt(0.05 * 0.025);
        const sr6 = ((sig * sig) / r2) ** 3;
        ref += 4 * eps * (sr6 * sr6 - sr6) + (COULOMB_EV_A * (same ? 1 : -1)) / Math.sqrt(r2);
      }
    expect(big / ref).toBeCloseTo(1, 12);
  });

  it('boxes smaller than twice the cut-off sum every image: E(box) = E(2×2×2 replica)/8', () => {
    // cut-offs 15 (LJ) and 14 (Coulomb): beyond L/2 = 10 of the small box (every image), within
    // L/2 = 20 of the replica (minimum image): two different code paths
    const m = modelFromObject({
      species: {
        A: { mass: 7000, sigma: 14, epsilon: 0.05, charge: -1 },
        B: { mass: 470, sigma: 9, epsilon: 0.025, charge: 1 },
      },
      cutoff: 15,
      coulomb: { method: 'ewald', cutoff: 14, accuracy: 1e-8 },
    });
    const s = randomSystem(8, [20, 20, 20], 7);
    const big: number[] = [];
    const types: number[] = [];
    for (let a = 0; a < 2; a++)
      for (let b = 0; b < 2; b++)
        for (let c = 0; c < 2; c++)
          for (let i = 0; i < 8; i++) {
            big.push(
              s.positions[3 * i]! + 20 * a,
              s.positions[3 * i + 1]! + 20 * b,
              s.positions[3 * i + 2]! + 20 * c,
            );
            types.push(s.types[i]!);
          }
    const S: BeadSystem = {
      species: s.species,
      types: Int32Array.from(types),
      positions: Float64Array.from(big),
      box: [40, 40, 40],
    };
    const e1 = createForceField(m, s).compute(s.positions);
    const e8 = createForceField(m, S).compute(S.positions);
    expect(e8.lj / 8).toBeCloseTo(e1.lj, 8);
    expect(e8.coulomb / 8).toBeCloseTo(e1.coulomb, 5);
    expect(fdCheck(m, s)).toBeLessThan(1e-6);
  });

  it('Ewald: forces = −∇E in a periodic box', () => {
    const m = ionic({ method: 'ewald', cutoff: 14, accuracy: 1e-6 }, 0.02);
    const s = randomSystem(27, [40, 40, 40], 3);
    expect(fdCheck(m, s, 1e-4)).toBeLessThan(1e-6);
  });

  it('Ewald reproduces the Madelung constants of rock salt (1.747565) and CsCl (1.762675)', () => {
    // Madelung constants referred to the nearest-neighbour distance r0 (Kittel, Introduction to
    // Solid State Physics, 8th ed., Table 3.7 and Eq. 3.22; Sherman, Chem. Rev. 11, 93 (1932)).
    // More digits: 1.747 564 594 6 and 1.762 674 773 1 (Glasser & Zucker, Theor. Chem. 5, 67 (1980)).
    // LJ off (ε = 0): E = −N_pairs · M · C / r0. The energy converges as the force accuracy
    // tightens (1e-7 gives 1.74758, 1e-10 gives 1.7475646).
    const m = ionic({ method: 'ewald', cutoff: 27, accuracy: 1e-10 }, 0);
    const nacl = addCounterions(
      crystal({ species: 'A', radius: 10, charge: -1 }, { lattice: 'fcc', repeat: [2, 2, 2] }),
      { species: 'B', charge: 1 },
      'fcc',
      [2, 2, 2],
    );
    const r0 = (20 * Math.SQRT2) / 2;
    const e = createForceField(m, nacl.system).compute(nacl.system.positions);
    expect((-e.total * r0) / (32 * COULOMB_EV_A)).toBeCloseTo(1.7475645946, 6);
    const cscl = addCounterions(
      crystal({ species: 'A', radius: 10, charge: -1 }, { lattice: 'sc', repeat: [3, 3, 3] }),
      { species: 'B', charge: 1 },
      'sc',
      [3, 3, 3],
    );
    const r1 = (20 * Math.sqrt(3)) / 2;
    const e2 = createForceField(m, cscl.system).compute(cscl.system.positions);
    expect((-e2.total * r1) / (27 * COULOMB_EV_A)).toBeCloseTo(1.7626747731, 6);
    // the decomposition by species pairs adds up to the total
    const sum = Object.values(e2.pairs).reduce((a, p) => a + p.coulomb, 0);
    expect(sum).toBeCloseTo(e2.coulomb, 9);
  });
});
