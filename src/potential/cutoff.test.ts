/**
 * The smooth cut-off of the many-body potentials (issue 17 item 1 / issue 16 item 2): forces
 * are the exact derivative of the switched energy (central finite differences, also for pairs
 * inside the switch and straddling the cut-off), energies stay within a stated tolerance of the
 * full pair sum (the independent reference), and the neighbour grid gives the same pairs.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { GUPTA_PARAMETERS, SUTTON_CHEN_PARAMETERS } from '../data/potentials.js';
import { checkForces } from './force-check.js';
import { createGupta, GUPTA_CUTOFF_MIN_ATOMS, guptaCutOff } from './gupta.js';
import { createSuttonChen } from './sutton-chen.js';
import { fccBall } from './test-shapes.js';
import { checkPositions } from './validate.js';

/** n atoms placed at random in a cube of edge `edge`, none closer than `dmin`. */
function scattered(n: number, edge: number, dmin: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const x = new Float64Array(3 * n);
  for (let i = 0; i < n; ) {
    const p = [rng.next() * edge, rng.next() * edge, rng.next() * edge];
    let ok = true;
    for (let j = 0; j < i && ok; j++)
      ok = Math.hypot(p[0]! - x[3 * j]!, p[1]! - x[3 * j + 1]!, p[2]! - x[3 * j + 2]!) >= dmin;
    if (ok) x.set(p, 3 * i++);
  }
  return x;
}

describe('smooth cut-off: forces are the derivative of the switched energy', () => {
  // a switch from 1.1 r0 to 1.7 r0 on small clusters, so that many pairs lie inside it
  const au = GUPTA_PARAMETERS.Au!;
  const cut = { minAtoms: 2, rOn: 1.1 * au.r0A, rCut: 1.7 * au.r0A };
  it('Gupta Au, 30 scattered atoms with pairs across the switch: finite differences agree', () => {
    const x = scattered(30, 9, 2.3, 7);
    const c = checkForces(createGupta('Au', undefined, cut), x);
    expect(c.relativeError).toBeLessThan(1e-6);
    expect(c.netForce).toBeLessThan(1e-9);
  });
  it('mixed Au/Ag Gupta and Sutton–Chen Ag with a cut-off: finite differences agree', () => {
    const x = scattered(24, 8, 2.3, 11);
    const species = Array.from({ length: 24 }, (_, i) => (i % 3 === 0 ? 'Ag' : 'Au'));
    expect(checkForces(createGupta(species, undefined, cut), x).relativeError).toBeLessThan(1e-6);
    const ag = SUTTON_CHEN_PARAMETERS.Ag!;
    const sc = createSuttonChen({
      n: ag.n,
      m: ag.m,
      c: ag.c,
      epsilon: ag.epsilonEv,
      a: ag.aA,
      cutOff: { minAtoms: 2, rOn: 3, rCut: 4.5 },
    });
    expect(checkForces(sc, x).relativeError).toBeLessThan(1e-6);
  });
  it('a dimer scanned through the switch: energy continuous, zero beyond the cut-off, slope = −force', () => {
    const pot = createGupta('Au', undefined, cut);
    const x = new Float64Array(6);
    const f = new Float64Array(6);
    const energy = (r: number) => {
      x[3] = r;
      return pot.evaluate(x, f);
    };
    const h = 1e-6;
    for (const r of [cut.rOn - 1e-3, cut.rOn + 1e-3, 0.5 * (cut.rOn + cut.rCut), cut.rCut - 1e-3]) {
      const slope = (energy(r + h) - energy(r - h)) / (2 * h);
      energy(r);
      expect(f[3]!).toBeCloseTo(-slope, 6);
    }
    expect(energy(cut.rCut + 1e-9)).toBe(0);
    // −√ρ goes to zero as (1 − t)^{3/2} for an isolated pair: continuous, if not smooth
    expect(Math.abs(energy(cut.rCut - 1e-6))).toBeLessThan(1e-7);
  });
});

describe('default Gupta cut-off on large clusters', () => {
  it(`an fcc Au ball of ≥ ${GUPTA_CUTOFF_MIN_ATOMS} atoms: energy within 1e-5 and forces within 1e-4 eV/Å of the full pair sum`, () => {
    const x = fccBall(17, GUPTA_PARAMETERS.Au!.r0A);
    const n = x.length / 3;
    expect(n).toBeGreaterThanOrEqual(GUPTA_CUTOFF_MIN_ATOMS);
    const full = createGupta('Au', undefined, null);
    const cutPot = createGupta('Au');
    const ff = new Float64Array(x.length);
    const fc = new Float64Array(x.length);
    const ef = full.evaluate(x, ff);
    const ec = cutPot.evaluate(x, fc);
    expect(Math.abs(ec - ef) / Math.abs(ef)).toBeLessThan(1e-5);
    let df = 0;
    for (let k = 0; k < x.length; k++) df = Math.max(df, Math.abs(ff[k]! - fc[k]!));
    expect(df).toBeLessThan(1e-4);
    // the cut-off lies beyond the fifth neighbour shell of fcc Au (√5 r0): no near term is lost
    expect(guptaCutOff([GUPTA_PARAMETERS.Au!]).rOn).toBeGreaterThan(Math.sqrt(5) * GUPTA_PARAMETERS.Au!.r0A);
    expect(cutPot.linearFrom).toBe(GUPTA_CUTOFF_MIN_ATOMS);
    expect(full.linearFrom).toBeUndefined();
  });
  it('the grid overlap check finds the same pair as the all-pairs loop', () => {
    const x = fccBall(22, 2.884);
    const n = x.length / 3;
    expect(n).toBeGreaterThan(2000);
    // put atom 1500 on top of atom 700
    x[3 * 1499] = x[3 * 699]! + 0.01;
    x[3 * 1499 + 1] = x[3 * 699 + 1]!;
    x[3 * 1499 + 2] = x[3 * 699 + 2]!;
    expect(() => checkPositions(x, 0.7, 'ball', 'Å')).toThrow(/atoms 700 and 1500 are 0\.0100 Å apart/);
  });
});
