/**
 * Published Gupta alloy sets (issue 16 item 3): the unlike pair really uses the set's own
 * parameters (dimer energy from the formula), the like pairs reproduce the bulk cohesive energy
 * they were fitted to, and the spec/coverage plumbing.
 */
import { describe, expect, it } from 'vitest';
import { COHESIVE_ENERGY_EV, GUPTA_ALLOY_SETS } from '../data/potentials.js';
import { checkForces } from './force-check.js';
import { createGupta, createGuptaAlloy } from './gupta.js';
import { createPotential, potentialCoverage } from './index.js';
import { fccBall } from './test-shapes.js';

describe('Gupta alloy sets', () => {
  it('an Au–Pd dimer of gupta:aupd-exp follows the formula with the fitted Au–Pd pair (not the means)', () => {
    // Pittaway et al., J. Phys. Chem. C 113, 9141 (2009), Table 2 (b): Au–Pd A = 0.2764 eV,
    // ξ = 2.082 eV, p = 10.569, q = 3.913, r0 = 2.816 Å
    const [A, xi, p, q, r0] = [0.2764, 2.082, 10.569, 3.913, 2.816];
    const r = 2.7;
    const expected = 2 * A * Math.exp(-p * (r / r0 - 1)) - 2 * xi * Math.exp(-q * (r / r0 - 1));
    const pot = createGuptaAlloy('aupd-exp', ['Au', 'Pd']);
    expect(pot.evaluate(Float64Array.from([0, 0, 0, r, 0, 0]))).toBeCloseTo(expected, 12);
    expect(pot.name).toBe('gupta:aupd-exp');
  });
  it('like pairs of every set: bulk fcc cohesive energy within 2.5 % of experiment (fifth-neighbour sum)', () => {
    // Ec: Kittel, Introduction to Solid State Physics, Table 3.1 (the fitted quantity)
    for (const [name, set] of Object.entries(GUPTA_ALLOY_SETS)) {
      for (const el of set.elements) {
        const p = set.pairs[`${el}-${el}`]!;
        const x = fccBall(Math.sqrt(5) * 1.01 * p.r0A, p.r0A);
        const ea = new Float64Array(x.length / 3);
        createGupta(el, { [el]: p }, null).evaluate(x, undefined, ea);
        let c = 0;
        for (let i = 0; i < ea.length; i++)
          if (Math.hypot(x[3 * i]!, x[3 * i + 1]!, x[3 * i + 2]!) < 1e-9) c = i;
        const ec = COHESIVE_ENERGY_EV[el]!;
        expect(Math.abs(-ea[c]! - ec) / ec, `${name} ${el}`).toBeLessThan(0.025);
      }
    }
  });
  it('forces of a mixed Ag–Au cluster; specs and coverage', () => {
    const x = fccBall(1.05 * 2.89, 2.89);
    for (let k = 0; k < x.length; k++) x[k] = x[k]! * (1 + 0.02 * Math.cos(3 * k));
    const species = Array.from({ length: x.length / 3 }, (_, i) => (i % 2 ? 'Ag' : 'Au'));
    expect(checkForces(createGuptaAlloy('agau', species), x).relativeError).toBeLessThan(1e-6);
    expect(createPotential('gupta:AuPd-DFT', [79, 46]).name).toBe('gupta:aupd-dft');
    expect(potentialCoverage('gupta:agau').elements).toEqual(['Ag', 'Au']);
    expect(() => createPotential('gupta:aupd-dft')).toThrow(/needs a composition/);
    expect(() => createPotential('gupta:aupd-dft', [79, 47])).toThrow(/no parameters for Ag/);
    expect(() => createGuptaAlloy('nope', ['Au'])).toThrow(/no Gupta alloy set/);
  });
});
