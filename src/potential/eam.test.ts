/**
 * Zhou–Johnson–Wadley EAM (issue 16 item 2): the fitted bulk properties of the paper, forces as the
 * derivative of the energy (also across the switch and for alloys), continuity of the piecewise
 * embedding function, spec registration.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { ZHOU_EAM_PARAMETERS } from '../data/potentials.js';
import { createEam, eamCutOff, zhouEmbedding } from './eam.js';
import { checkForces } from './force-check.js';
import { createPotential, potentialCoverage } from './index.js';
import { fccBall } from './test-shapes.js';

/**
 * The fcc cohesive energies the sets were fitted to (eV/atom; Zhou, Johnson & Wadley, Phys. Rev. B 69,
 * 144113 (2004), Table I, experimental values) and lattice constants a0 = √2 re (Å, same table).
 */
const PUBLISHED: Record<string, { ec: number; a0: number }> = {
  Cu: { ec: 3.54, a0: 3.615 },
  Ag: { ec: 2.85, a0: 4.09 },
  Au: { ec: 3.93, a0: 4.08 },
  Ni: { ec: 4.45, a0: 3.52 },
  Pd: { ec: 3.91, a0: 3.89 },
  Pt: { ec: 5.77, a0: 3.92 },
};

function centreEnergy(el: string, nn: number): number {
  const x = fccBall(2.5 * nn, nn);
  const ea = new Float64Array(x.length / 3);
  createEam(el).evaluate(x, undefined, ea);
  let c = 0;
  for (let i = 0; i < ea.length; i++) if (Math.hypot(x[3 * i]!, x[3 * i + 1]!, x[3 * i + 2]!) < 1e-9) c = i;
  return ea[c]!;
}

describe('EAM (Zhou, Johnson & Wadley 2004)', () => {
  it('bulk fcc: cohesive energy and lattice constant of the paper', () => {
    for (const [el, ref] of Object.entries(PUBLISHED)) {
      const nn = ref.a0 / Math.SQRT2;
      const e0 = centreEnergy(el, nn);
      expect(Math.abs(-e0 - ref.ec), el).toBeLessThan(0.01);
      // the published lattice constant is the minimum of the energy per atom
      expect(centreEnergy(el, nn * 0.995), el).toBeGreaterThan(e0);
      expect(centreEnergy(el, nn * 1.005), el).toBeGreaterThan(e0);
    }
  });
  it('embedding function is continuous at ρn and ρ0 (checks the transcribed Fn, F, Fe)', () => {
    for (const [el, p] of Object.entries(ZHOU_EAM_PARAMETERS)) {
      for (const rho of [p.rhoNFactor * p.rhoe, p.rho0Factor * p.rhoe]) {
        const below = zhouEmbedding(p, rho * (1 - 1e-12))[0];
        const above = zhouEmbedding(p, rho)[0];
        expect(Math.abs(below - above), `${el} at ρ=${rho}`).toBeLessThan(5e-3);
      }
      // F(0) = 0: an isolated atom has no embedding energy
      expect(Math.abs(zhouEmbedding(p, 0)[0]), el).toBeLessThan(1e-3);
    }
  });
  it('forces are −∇E for a pure cluster, an alloy and pairs straddling the cut-off', () => {
    const rng = createRng(5);
    const au = ZHOU_EAM_PARAMETERS.Au!;
    const x = fccBall(2.3 * au.re, au.re);
    for (let k = 0; k < x.length; k++) x[k] = x[k]! + 0.15 * (rng.next() - 0.5);
    expect(checkForces(createEam('Au'), x).relativeError).toBeLessThan(1e-6);
    const n = x.length / 3;
    const species = Array.from({ length: n }, (_, i) => ['Au', 'Ag', 'Pd', 'Pt'][i % 4]!);
    const c = checkForces(createEam(species), x);
    expect(c.relativeError).toBeLessThan(1e-6);
    expect(c.netForce).toBeLessThan(1e-9);
    // a dimer scanned through the switch: energy continuous and zero beyond rCut
    const { rOn, rCut } = eamCutOff([au]);
    const pot = createEam('Au');
    const e = (r: number) => pot.evaluate(Float64Array.from([0, 0, 0, r, 0, 0]));
    expect(e(rCut + 1e-9)).toBe(e(rCut + 1));
    for (const r of [rOn - 0.01, 0.5 * (rOn + rCut), rCut - 0.01]) {
      const y = Float64Array.from([0, 0, 0, r, 0.3, 0.1]);
      expect(checkForces(pot, y).relativeError, `r=${r}`).toBeLessThan(1e-5);
    }
  });
  it('grid (≥ 300 atoms) and double loop agree: energy per atom of a 2000-atom ball is O(N)-evaluated', () => {
    const au = ZHOU_EAM_PARAMETERS.Au!;
    const big = fccBall(7.8 * au.re, au.re);
    const n = big.length / 3;
    expect(n).toBeGreaterThan(1500);
    const pot = createEam('Au');
    expect(pot.linearFrom).toBeDefined();
    const ea = new Float64Array(n);
    pot.evaluate(big, undefined, ea);
    // an interior atom of the big ball has the bulk energy of the small-ball (double-loop) evaluation
    let c = 0;
    for (let i = 0; i < n; i++) if (Math.hypot(big[3 * i]!, big[3 * i + 1]!, big[3 * i + 2]!) < 1e-9) c = i;
    expect(ea[c]).toBeCloseTo(centreEnergy('Au', au.re), 10);
  });
  it('specs eam:Au and eam (alloy from a structure); coverage', () => {
    expect(createPotential('eam:au').name).toBe('eam:Au');
    expect(createPotential('eam', [79, 46, 79]).name).toBe('eam:AuPd');
    expect(potentialCoverage('eam').elements).toContain('Pt');
    expect(() => createPotential('eam:Xx')).toThrow(/no EAM parameters/);
    expect(() => createPotential('eam:Au', [16])).toThrow(/no parameters for S/);
  });
});
