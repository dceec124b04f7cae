/**
 * The default cut-offs of the many-body potentials at their real ranges (issue 16 item 2): finite
 * differences on clusters whose pairs straddle the switch (Gupta 7.0–8.4 Å, Sutton–Chen Ag
 * 13.3–16.2 Å, EAM Au 5.8–6.5 Å for the element sets), and the Sutton–Chen element default beyond
 * the all-pairs size limit against the full pair sum (the independent reference).
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { GUPTA_PARAMETERS, SUTTON_CHEN_PARAMETERS, ZHOU_EAM_PARAMETERS } from '../data/potentials.js';
import { createEam, eamCutOff } from './eam.js';
import { checkForces } from './force-check.js';
import { createGupta, guptaCutOff } from './gupta.js';
import {
  createSuttonChen,
  createSuttonChenElement,
  SUTTON_CHEN_ELEMENT_CUTOFF_ATOMS,
  suttonChenCutOff,
} from './sutton-chen.js';
import { fccBall } from './test-shapes.js';

/** Two fcc clumps whose centres lie `gap` apart: many pairs at distances around `gap`. */
function twoClumps(nn: number, gap: number, seed: number): Float64Array {
  const a = fccBall(1.05 * nn, nn); // 13 atoms
  const n = a.length / 3;
  const x = new Float64Array(6 * n);
  const rng = createRng(seed);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < 3; c++) {
      x[3 * i + c] = a[3 * i + c]! + 0.05 * (rng.next() - 0.5);
      x[3 * (n + i) + c] = a[3 * i + c]! + (c === 0 ? gap : 0) + 0.05 * (rng.next() - 0.5);
    }
  }
  return x;
}

describe('default cut-offs: forces across the switch', () => {
  it('Gupta Au, Sutton–Chen Ag and EAM Au: finite differences agree with pairs inside the switch', () => {
    const au = GUPTA_PARAMETERS.Au!;
    const gc = { ...guptaCutOff([au]), minAtoms: 2 };
    const g = createGupta('Au', undefined, gc);
    const xg = twoClumps(au.r0A, 0.5 * (gc.rOn + gc.rCut), 1);
    expect(checkForces(g, xg).relativeError).toBeLessThan(1e-5);
    const ag = SUTTON_CHEN_PARAMETERS.Ag!;
    const sc = createSuttonChen({
      n: ag.n,
      m: ag.m,
      c: ag.c,
      epsilon: ag.epsilonEv,
      a: ag.aA,
      cutOff: { ...suttonChenCutOff(ag.m, ag.aA), minAtoms: 2 },
    });
    const scCut = suttonChenCutOff(ag.m, ag.aA);
    const xs = twoClumps(ag.aA / Math.SQRT2, 0.5 * (scCut.rOn + scCut.rCut), 2);
    expect(checkForces(sc, xs).relativeError).toBeLessThan(1e-5);
    const ea = ZHOU_EAM_PARAMETERS.Au!;
    const ec = eamCutOff([ea]);
    const xe = twoClumps(ea.re, 0.5 * (ec.rOn + ec.rCut), 3);
    expect(checkForces(createEam('Au'), xe).relativeError).toBeLessThan(1e-5);
  });
  it(`sutton-chen:Au from ${SUTTON_CHEN_ELEMENT_CUTOFF_ATOMS} atoms: O(N) kernel, energy within 1e-3 of all pairs`, () => {
    const p = SUTTON_CHEN_PARAMETERS.Au!;
    const x = fccBall(31, p.aA / Math.SQRT2);
    const n = x.length / 3;
    expect(n).toBeGreaterThanOrEqual(SUTTON_CHEN_ELEMENT_CUTOFF_ATOMS);
    const pot = createSuttonChenElement('Au');
    expect(pot.linearFrom).toBe(SUTTON_CHEN_ELEMENT_CUTOFF_ATOMS);
    const full = createSuttonChen({ n: p.n, m: p.m, c: p.c, epsilon: p.epsilonEv, a: p.aA });
    const e = pot.evaluate(x);
    const ef = full.evaluate(x);
    expect(Math.abs(e - ef) / Math.abs(ef)).toBeLessThan(1e-3);
  });
});
