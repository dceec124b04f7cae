/**
 * The xtb sanity checks and settings without running xtb: values are those xtb 6.5.1 printed for
 * the Au13 icosahedron (RECIPES.md and docs/engines.md: GFN2 forced at 2000 K −97.68 Eh with
 * gradient norm 8.48 Eh/bohr and −2.13 e on the centre; GFN1 −51.7129 Eh).
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import {
  checkSpin,
  defaultUhf,
  fallbackChain,
  freeAtomSumEh,
  RAISED_ETEMP_K,
  sanityReason,
  type XtbPoint,
} from './xtb.js';

const au13 = new Uint8Array(13).fill(79);

function point(energyEh: number, gradPerAtom: number, centreCharge: number): XtbPoint {
  const gradient = new Float64Array(39);
  for (let i = 1; i < 13; i++) gradient[3 * i] = gradPerAtom;
  return {
    energyEh,
    gapEv: 0.1,
    homoEv: -5,
    lumoEv: -4.9,
    charges: [centreCharge, ...Array(12).fill(-centreCharge / 12)],
    gradient,
    version: '6.5.1',
    iterations: 16,
  };
}

describe('xtb sanity checks', () => {
  it('the forced GFN2 Au13 result fails the energy, gradient and metal-charge checks at once', () => {
    const why = sanityReason(au13, point(-97.6804, 8.48 / Math.sqrt(12), -2.13), 'gfn2');
    expect(why).toMatch(/-101\.\d eV\/atom from the free atoms/);
    expect(why).toMatch(/gradient 2\.45 Eh\/bohr on atom 2/);
    expect(why).toMatch(/-2\.13 e on metal atom 1 \(Au\)/);
  });
  it('the GFN1 Au13 result passes (binding −2.07 eV/atom, gradient 0.01 Eh/bohr)', () => {
    expect(sanityReason(au13, point(-51.712853, 0.037 / Math.sqrt(12), -0.05), 'gfn1')).toBeUndefined();
  });
  it('non-finite values are reasons on their own', () => {
    expect(sanityReason(au13, point(Number.NaN, 0, 0), 'gfn1')).toBe('energy is NaN');
    const p = point(-51.7, 0, 0);
    p.charges[3] = Number.NaN;
    expect(sanityReason(au13, p, 'gfn1')).toMatch(/partial charge of atom 4 is NaN/);
  });
  it('free-atom sums come from xtb itself; an element without one skips the energy check', () => {
    // GFN1 Au atom: −3.90192264 Eh (scripts/gen-xtb-atoms.js)
    expect(freeAtomSumEh(au13, 'gfn1')).toBeCloseTo(13 * -3.90192264, 6);
    expect(freeAtomSumEh(Uint8Array.of(25), 'gfn1')).toBeUndefined(); // Mn: GFN1 atom did not converge
  });
});

describe('xtb settings', () => {
  it('fallback chain: GFN2 → GFN2 at raised temperature → GFN1; GFN1 → GFN1 raised; or only the first', () => {
    expect(fallbackChain('gfn2')).toEqual([
      { method: 'gfn2', etemp: 300 },
      { method: 'gfn2', etemp: RAISED_ETEMP_K },
      { method: 'gfn1', etemp: 300 },
    ]);
    expect(fallbackChain('gfn1').map((s) => s.method)).toEqual(['gfn1', 'gfn1']);
    expect(fallbackChain('gfn2', false)).toEqual([{ method: 'gfn2', etemp: 300 }]);
  });
  it('spin: parity of the electron count; wrong parity, fractional charge or Z > 86 are input errors', () => {
    expect(defaultUhf(au13, 0)).toBe(1);
    expect(defaultUhf(au13, -1)).toBe(0);
    expect(checkSpin(au13, 0, 3)).toBe(3);
    expect(() => checkSpin(au13, 0, 2)).toThrow(InputError);
    expect(() => checkSpin(au13, 0.5)).toThrow(/whole number/);
    expect(() => checkSpin(Uint8Array.of(92), 0)).toThrow(/Z ≤ 86/);
  });
});
