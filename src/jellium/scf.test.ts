/**
 * The self-consistent jellium solver against published numbers and independent constructions.
 */
import { describe, expect, it } from 'vitest';
import { jelliumRange } from './report.js';
import { solveJellium } from './scf.js';

const level = (s: ReturnType<typeof solveJellium>, label: string) => s.levels.find((l) => l.label === label)!;

describe('spherical jellium Kohn–Sham', () => {
  it('Na8 at r_s = 4, GL correlation: total energy and 1S/1P eigenvalues of Ekardt’s model', () => {
    // W. Ekardt, Phys. Rev. B 29, 1558 (1984), Fig. 1 system; the Octopus code's regression test
    // that reproduces it (testsuite/finite_systems_3d/04-jellium: LDA exchange + GL correlation,
    // 3D grid of 0.5 bohr) gives E = −0.5765 Ha, ε(1S) = −0.1676 Ha, ε(1P) = −0.1226 Ha.
    const s = solveJellium({ rs: 4, electrons: 8, xc: 'gl' });
    expect(s.converged).toBe(true);
    expect(Math.abs(s.totalEnergy - -0.5765)).toBeLessThan(5e-4);
    expect(Math.abs(level(s, '1S').energy - -0.1676)).toBeLessThan(5e-4);
    expect(Math.abs(level(s, '1P').energy - -0.1226)).toBeLessThan(5e-4);
    expect(level(s, '1P').occupation).toBe(6);
    expect(level(s, '1D').occupation).toBe(0);
  });

  it('independent electrons deep in the background: harmonic levels −3N/(2R) + ω(2k + l + 3/2), ω² = 1/r_s³', () => {
    // Inside a uniform sphere V_bg = −N(3 − r²/R²)/(2R) = −3N/(2R) + ½ω²r² with ω² = N/R³ = 1/r_s³;
    // with r_s = 1 and N = 2000 the oscillator length (1 bohr) is far below R = 12.6 bohr.
    const N = 2000;
    const s = solveJellium({ rs: 1, electrons: N, charge: N - 20, noninteracting: true, spacing: 0.05 });
    const R = Math.cbrt(N);
    const e0 = (-3 * N) / (2 * R);
    for (const [label, k, l] of [
      ['1S', 0, 0],
      ['1P', 0, 1],
      ['1D', 0, 2],
      ['2S', 1, 0],
      ['1F', 0, 3],
      ['2P', 1, 1],
    ] as const)
      expect(Math.abs(level(s, label).energy - (e0 + 2 * k + l + 1.5))).toBeLessThan(1e-4);
  });

  it('Na40: levels fill in the order 1S 1P 1D 2S 1F 2P (full), 1G empty above them', () => {
    // The jellium shell order of W. Ekardt, Phys. Rev. B 29, 1558 (1984) and W. D. Knight et al.,
    // Phys. Rev. Lett. 52, 2141 (1984): 2 + 6 + 10 + 2 + 14 + 6 = 40 closes the 2P shell.
    const s = solveJellium({ rs: 3.93, electrons: 40 });
    expect(s.converged).toBe(true);
    const order = ['1S', '1P', '1D', '2S', '1F', '2P', '1G'];
    const full = [2, 6, 10, 2, 14, 6, 0];
    for (let i = 0; i < order.length; i++) {
      expect(level(s, order[i]!).occupation).toBeCloseTo(full[i]!, 6);
      if (i > 0) expect(level(s, order[i]!).energy).toBeGreaterThan(level(s, order[i - 1]!).energy);
    }
  });

  it('energies converge with the grid: halving the spacing changes E by < 1e-5 Ha', () => {
    for (const [electrons, spin] of [
      [20, false],
      [13, true],
    ] as const) {
      const a = solveJellium({ rs: 3.93, electrons, spin, spacing: 0.1, tolerance: 1e-9 });
      const b = solveJellium({ rs: 3.93, electrons, spin, spacing: 0.05, tolerance: 1e-9 });
      expect(a.converged && b.converged).toBe(true);
      expect(Math.abs(a.totalEnergy - b.totalEnergy)).toBeLessThan(1e-5);
      expect(Math.abs(a.homo - b.homo)).toBeLessThan(1e-5);
    }
  });

  it('LSDA: closed shells stay unpolarised, open shells gain exchange energy (Hund)', () => {
    const lda8 = solveJellium({ rs: 3.93, electrons: 8 });
    const lsda8 = solveJellium({ rs: 3.93, electrons: 8, spin: true });
    expect(Math.abs(lda8.totalEnergy - lsda8.totalEnergy)).toBeLessThan(1e-7);
    const lda5 = solveJellium({ rs: 3.93, electrons: 5 });
    const lsda5 = solveJellium({ rs: 3.93, electrons: 5, spin: true });
    expect(lsda5.converged).toBe(true);
    expect(lsda5.totalEnergy).toBeLessThan(lda5.totalEnergy - 1e-4);
    const up = lsda5.levels.filter((l) => l.spin === 'up').reduce((a, l) => a + l.occupation, 0);
    expect(up).toBe(4); // 1S↑ + three 1P↑
  });

  it('a soft background edge holds N electrons’ worth of charge and tends to the sharp sphere', () => {
    const hard = solveJellium({ rs: 3.93, electrons: 20 });
    const soft = solveJellium({ rs: 3.93, electrons: 20, softness: 0.05 });
    const { r, background } = soft;
    let q = 0;
    const h = r[1]!;
    for (let i = 1; i < r.length; i++) q += 4 * Math.PI * h * background[i]! * r[i]! ** 2;
    expect(q).toBeCloseTo(20, 2);
    expect(Math.abs(soft.totalEnergy - hard.totalEnergy)).toBeLessThan(2e-3);
    const softer = solveJellium({ rs: 3.93, electrons: 20, softness: 1 });
    expect(softer.converged).toBe(true);
    expect(softer.totalEnergy).not.toBeCloseTo(hard.totalEnergy, 3);
  });

  it('shell closings 2, 8, 18, 20, 34, 40, 58, 92: Δ₂E peaks and the IP drops after them (Na, r_s = 3.93)', () => {
    // W. D. Knight et al., Phys. Rev. Lett. 52, 2141 (1984); W. Ekardt, Phys. Rev. B 29, 1558
    // (1984); M. Brack, Rev. Mod. Phys. 65, 677 (1993), Figs. 9 and 15.
    const r = jelliumRange(1, 93, { rs: 3.93, spacing: 0.2, tolerance: 1e-6 });
    expect(r.every((x) => x.converged)).toBe(true);
    const at = (n: number) => r[n - 1]!;
    for (const m of [2, 8, 18, 20, 34, 40, 58, 92]) {
      expect(at(m).delta2Ev!).toBeGreaterThan(0.1);
      expect(at(m).delta2Ev!).toBeGreaterThan(at(m - 1).delta2Ev!);
      expect(at(m).delta2Ev!).toBeGreaterThan(at(m + 1).delta2Ev!);
      expect(at(m).ipEv! - at(m + 1).ipEv!).toBeGreaterThan(0.05);
    }
    // everywhere else Δ₂E is small (no odd–even effect in a spherical, unpolarised model)
    const magic = new Set([2, 8, 18, 19, 20, 34, 40, 58, 92]);
    for (const x of r) if (!magic.has(x.electrons) && x.electrons > 2) expect(x.delta2Ev!).toBeLessThan(0.1);
    // EA rises towards the bulk work function; IP falls towards it (W ≈ 3 eV for r_s = 4 jellium)
    expect(at(92).ipEv!).toBeGreaterThan(at(92).eaEv!);
    expect(at(93).ipEv!).toBeGreaterThan(2.8);
    expect(at(93).eaEv!).toBeLessThan(3);
  });
});
