/**
 * Profile spectra and centroids. Expected values follow from the Gaussian peak shape itself:
 * FWHM = m/R by construction; the sum of two equal Gaussians of width σ a distance Δ apart has a
 * single maximum when Δ ≤ 2σ (its second derivative at the midpoint changes sign at Δ = 2σ),
 * and the merged centroid lies at the midpoint by symmetry.
 */
import { describe, expect, it } from 'vitest';
import { neutralEnvelope } from './envelope.js';
import { resolveComposition } from './isotopes.js';
import { centroidProfile, profileSpectrum } from './profile.js';

const FWHM_PER_SIGMA = 2 * Math.sqrt(2 * Math.LN2);

describe('profile spectrum', () => {
  it('gives a single stick the FWHM m/R and centroids it at the stick', () => {
    const sticks = [{ mz: 1000, intensity: 1 }];
    const p = profileSpectrum(sticks, { resolvingPower: 10000, pointsPerFwhm: 40 });
    const c = centroidProfile(p, sticks);
    expect(c).toHaveLength(1);
    expect(c[0]!.fwhm).toBeCloseTo(0.1, 3); // 1000 / 10000
    expect(c[0]!.apexMz).toBeCloseTo(1000, 4);
    expect(c[0]!.mz).toBeCloseTo(1000, 4);
    expect(c[0]!.resolved).toBe(true);
    expect(c[0]!.height).toBe(100);
  });

  it('merges two equal peaks closer than 2σ into one unresolved maximum at their midpoint', () => {
    const sigma = 0.1 / FWHM_PER_SIGMA; // R = 10000 at m/z 1000
    const sticks = [
      { mz: 1000 - 0.9 * sigma, intensity: 1 },
      { mz: 1000 + 0.9 * sigma, intensity: 1 },
    ];
    const p = profileSpectrum(sticks, { resolvingPower: 10000, pointsPerFwhm: 40 });
    const c = centroidProfile(p, sticks);
    expect(c).toHaveLength(1);
    expect(c[0]!.mz).toBeCloseTo(1000, 4);
    expect(c[0]!.resolved).toBe(false);
    expect(c[0]!.contributingSticks).toBe(2);
  });

  it('separates peaks three FWHM apart', () => {
    const sticks = [
      { mz: 999.85, intensity: 1 },
      { mz: 1000.15, intensity: 0.5 },
    ];
    const c = centroidProfile(profileSpectrum(sticks, { resolvingPower: 10000 }), sticks);
    expect(c).toHaveLength(2);
    expect(c.every((x) => x.resolved)).toBe(true);
    expect(c[0]!.mz).toBeCloseTo(999.85, 3);
    expect(c[1]!.height).toBeCloseTo(50, 0);
  });

  it('refuses absurd grids and bad resolving powers', () => {
    for (const R of [0, -5, 1e-9, 1e-3, 9.99, Number.POSITIVE_INFINITY, Number.NaN, 1e9]) {
      expect(() => profileSpectrum([{ mz: 100, intensity: 1 }], { resolvingPower: R })).toThrow(
        /resolving power must be a finite number from 10/,
      );
    }
    expect(() =>
      profileSpectrum(
        [
          { mz: 100, intensity: 1 },
          { mz: 100000, intensity: 1 },
        ],
        { resolvingPower: 1e6 },
      ),
    ).toThrow(/points/);
    expect(() => profileSpectrum([], { resolvingPower: 1000 })).toThrow(/no peaks/);
  });
});

describe('profile widths and blends', () => {
  it('every isolated peak has FWHM = m/R within 1 % (default grid, light and heavy sticks)', () => {
    for (const R of [10, 1000, 20_000, 1e6]) {
      // sticks 40 FWHM apart, over a factor 3 in m/z: each is isolated, and heavier ones are wider
      const sticks = [500, 500 * (1 + 40 / R), 1500].map((mz, i) => ({ mz, intensity: 1 + i }));
      if (R === 10) sticks.splice(1, 2); // at R = 10 only one stick stays isolated
      if (R === 1e6) sticks.splice(2, 1); // the 500–1500 grid at R = 10⁶ would exceed the point cap
      const p = profileSpectrum(sticks, { resolvingPower: R });
      const c = centroidProfile(p, sticks);
      expect(c).toHaveLength(sticks.length);
      c.forEach((x, i) => {
        const want = sticks[i]!.mz / R;
        expect(Math.abs(x.fwhm / want - 1)).toBeLessThan(0.01);
        expect(x.resolved).toBe(true);
      });
    }
  });

  it('a wide blend of many small peaks is not "resolved" (Sn1000 at R = 1000)', () => {
    const env = neutralEnvelope(resolveComposition({ Sn: 1000 }));
    const sticks = env.peaks.map((p) => ({ mz: p.massDa, intensity: p.probability }));
    const c = centroidProfile(profileSpectrum(sticks, { resolvingPower: 1000 }), sticks);
    expect(c.filter((x) => x.height >= 1).every((x) => !x.resolved)).toBe(true);
  });
});
