/**
 * LDA/LSDA exchange–correlation: exact exchange constants, potentials as derivatives of n·ε_xc
 * (central finite differences), and the agreement of two independent fits (Perdew–Zunger 1981 and
 * Perdew–Wang 1992) of the same Ceperley–Alder quantum Monte Carlo energies.
 */
import { describe, expect, it } from 'vitest';
import { EXCHANGE_CONSTANT, XC_NAMES, type XcPoint, xcPoint } from './xc.js';

const pt = (): XcPoint => ({ e: 0, dRs: 0, dZeta: 0 });
const eAt = (xc: (typeof XC_NAMES)[number], rs: number, z: number, exchangeOnly = false) => {
  const p = pt();
  xcPoint(xc, rs, z, p, exchangeOnly);
  return p.e;
};

describe('xc', () => {
  it('exchange: ε_x = −(3/4)(3/π)^{1/3} n^{1/3}, and ε_x(ζ = 1) = 2^{1/3} ε_x(0)', () => {
    const rs = 3;
    const n = 3 / (4 * Math.PI * rs ** 3);
    const ex = -0.75 * Math.cbrt(3 / Math.PI) * Math.cbrt(n);
    expect(eAt('pw92', rs, 0, true)).toBeCloseTo(ex, 14);
    expect(EXCHANGE_CONSTANT).toBeCloseTo(0.4581652932831429, 14);
    expect(eAt('pz', rs, 1, true) / eAt('pz', rs, 0, true)).toBeCloseTo(2 ** (1 / 3), 12);
  });

  it('analytic derivatives ∂ε/∂r_s and ∂ε/∂ζ equal finite differences', () => {
    for (const xc of XC_NAMES)
      for (const rs of [0.5, 2, 4, 10, 40])
        for (const z of [0, 0.3, -0.6, 0.95]) {
          const p = pt();
          xcPoint(xc, rs, z, p);
          const h = 1e-5 * rs;
          const dRs = (eAt(xc, rs + h, z) - eAt(xc, rs - h, z)) / (2 * h);
          expect(p.dRs).toBeCloseTo(dRs, 7);
          if (z !== 0) {
            const dz = 1e-6;
            const dZ = (eAt(xc, rs, z + dz) - eAt(xc, rs, z - dz)) / (2 * dz);
            expect(p.dZeta).toBeCloseTo(dZ, 6);
          }
        }
  });

  it('PW92 and PZ81 (two fits of the Ceperley–Alder energies) agree within 1 mHa for 1 ≤ r_s ≤ 10', () => {
    for (const rs of [1, 2, 3, 4, 5, 6, 8, 10])
      for (const z of [0, 1]) expect(Math.abs(eAt('pw92', rs, z) - eAt('pz', rs, z))).toBeLessThan(1e-3);
  });

  it('correlation is negative and vanishes at low density', () => {
    for (const xc of XC_NAMES) {
      expect(eAt(xc, 4, 0) - eAt(xc, 4, 0, true)).toBeLessThan(0);
      expect(Math.abs(eAt(xc, 1e6, 0) - eAt(xc, 1e6, 0, true))).toBeLessThan(1e-6);
    }
  });
});
