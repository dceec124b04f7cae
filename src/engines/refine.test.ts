/**
 * Refinement with xtb's optimiser, and the calc report built from any Calculator
 * (calcWithCalculator over xtbCalculator), against the real xtb. Skipped without xtb unless
 * SUPERATOM_REQUIRE_ENGINES=1.
 */
import { describe, expect, it } from 'vitest';
import { calcWithCalculator } from '../workflows/calc.js';
import { refineStructures } from './refine.js';
import { runXtbCalc, xtbCalculator } from './xtb.js';
import { b12h12, XTB_REQUIRED, xtbAvailable } from './xtb-testing.js';

const available = xtbAvailable();
if (!available && XTB_REQUIRED) throw new Error('SUPERATOM_REQUIRE_ENGINES=1 but xtb is not installed');

describe.skipIf(!available)('refine and calcWithCalculator with xtb', () => {
  it('refining lowers the energy below the single point at the input geometry, moving atoms a little', async () => {
    const s = { ...b12h12(), charge: -2 };
    const sp = await runXtbCalc(s, { charge: -2 });
    const { report, structures } = await refineStructures('xtb', [s]);
    const r = report.results[0]!;
    expect(r.converged).toBe(true);
    expect(r.method).toBe('gfn2');
    expect(r.energy!).toBeLessThan(sp.report.energy!);
    // the input bond lengths are the X-ray ones: the GFN2 minimum is close (well under 0.1 Å)
    expect(r.rmsDisplacementA!).toBeGreaterThan(0);
    expect(r.rmsDisplacementA!).toBeLessThan(0.1);
    expect(structures[0]!.positions).not.toEqual(s.positions);
    expect(report.optimizer).toMatch(/xtb --opt/);
  }, 60_000);

  it('calcWithCalculator: Fukui from N±1 charges sums to one electron each; vertical IP/EA by ΔSCF', async () => {
    const s = b12h12();
    const calc = xtbCalculator('gfn2');
    const { report } = await calcWithCalculator(calc, s, { charge: -2, fukui: true, ip: true, ea: true });
    expect(report.engine).toBe('xtb');
    expect(report.converged).toBe(true);
    expect(report.fukui.plus.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(report.fukui.minus.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    // the ΔSCF values are differences of the calculator's own energies at the same geometry
    const e = async (q: number) =>
      (await calc.calculate({ numbers: s.numbers, positions: s.positions, charge: q })).energyEv;
    const [e0, eCation, eAnion] = [await e(-2), await e(-1), await e(-3)];
    expect(report.ip!).toBeCloseTo(eCation - e0, 6);
    expect(report.ea!).toBeCloseTo(e0 - eAnion, 6);
  }, 60_000);
});
