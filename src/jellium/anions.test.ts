/**
 * Multiply charged anions: the Coulomb-barrier model and the verdicts, on given and on jellium
 * affinities.
 */
import { describe, expect, it } from 'vitest';
import { HARTREE_EV } from '../core/units.js';
import { anionVerdicts, barrierPotential, coulombBarrier, jelliumAnions } from './anions.js';

describe('multiply charged anions', () => {
  it('the barrier is the maximum of (z−1)/r − R³/(2r²(r²−R²)) and grows with z', () => {
    const R = 10;
    expect(coulombBarrier(1, R)).toEqual({ heightHa: 0, rBohr: null });
    let last = 0;
    for (let z = 2; z <= 6; z++) {
      const b = coulombBarrier(z, R);
      // a brute-force scan of the formula (independent of the search) finds the same maximum
      let best = Number.NEGATIVE_INFINITY;
      for (let r = R * 1.0001; r < 20 * R; r += 1e-3) best = Math.max(best, barrierPotential(z, R, r));
      expect(b.heightHa).toBeCloseTo(best, 7);
      expect(b.rBohr!).toBeGreaterThan(R);
      expect(b.heightHa).toBeGreaterThan(last);
      // far from the sphere the barrier tends to the bare Coulomb repulsion (z−1)/r
      expect(b.heightHa).toBeLessThan((z - 1) / R);
      last = b.heightHa;
    }
    // the image attraction matters less for higher charge: the peak moves in towards R
    expect(coulombBarrier(6, R).rBohr!).toBeLessThan(coulombBarrier(2, R).rBohr!);
  });

  it('verdicts: bound when EA > 0, metastable when −EA lies below the barrier, unbound otherwise', () => {
    const R = 10;
    const b2 = coulombBarrier(2, R).heightHa * HARTREE_EV;
    const b3 = coulombBarrier(3, R).heightHa * HARTREE_EV;
    const r = anionVerdicts([1.5, -0.5 * b2, -1.01 * b3], R);
    expect(r.steps.map((s) => s.verdict)).toEqual(['bound', 'metastable', 'unbound']);
    expect(r.maxBoundCharge).toBe(1);
    expect(r.maxMetastableCharge).toBe(2);
    expect(r.source).toBe('given');
    expect(anionVerdicts([-0.1], R).steps[0]!.verdict).toBe('unbound'); // no barrier for z = 1
  });

  it('jellium sequential affinities fall by about e²/R per added electron; larger clusters hold more charge', () => {
    // Liquid-drop picture of charged metal spheres: EA_z ≈ W − (z − 1/2 + c)e²/R (Seidl, Perdew et
    // al., J. Chem. Phys. 108, 8182 (1998)), so EA_1 − EA_2 ≈ e²/R_eff with R_eff a little above R
    // because of the electron spill-out.
    const small = jelliumAnions(20, 2, { rs: 3.93, spacing: 0.2 });
    const R = 3.93 * Math.cbrt(20);
    const [ea1, ea2] = small.steps.map((s) => s.eaEv);
    expect(ea1!).toBeGreaterThan(0.8);
    expect(ea1! - ea2!).toBeGreaterThan((0.6 * HARTREE_EV) / R);
    expect(ea1! - ea2!).toBeLessThan(HARTREE_EV / R);
    const large = jelliumAnions(92, 2, { rs: 3.93, spacing: 0.2 });
    expect(large.steps[1]!.eaEv).toBeGreaterThan(ea2!);
    expect(large.maxMetastableCharge).toBeGreaterThanOrEqual(small.maxMetastableCharge);
    expect(small.steps.every((s) => s.converged)).toBe(true);
  });
});
