import { describe, expect, it } from 'vitest';
import { fillShells, SHELL_MODELS, shellClosings } from './shells.js';

/** Zeros of the spherical Bessel function j_l by bisection on an upward recurrence (independent check). */
function besselZeros(l: number, count: number): number[] {
  const j = (x: number) => {
    let j0 = Math.sin(x) / x;
    if (l === 0) return j0;
    let j1 = Math.sin(x) / (x * x) - Math.cos(x) / x;
    for (let k = 1; k < l; k++) {
      const j2 = ((2 * k + 1) / x) * j1 - j0;
      j0 = j1;
      j1 = j2;
    }
    return j1;
  };
  const out: number[] = [];
  let x = 0.5 + l * 0.5;
  let fx = j(x);
  while (out.length < count) {
    const y = x + 0.01;
    const fy = j(y);
    if (fx * fy < 0) {
      let a = x;
      let b = y;
      for (let i = 0; i < 60; i++) {
        const m = (a + b) / 2;
        if (j(a) * j(m) <= 0) b = m;
        else a = m;
      }
      out.push((a + b) / 2);
    }
    x = y;
    fx = fy;
  }
  return out;
}

describe('shell models', () => {
  it('spherical jellium closings (Knight et al. PRL 52, 2141 (1984); Brack RMP 65, 677 (1993))', () => {
    expect(shellClosings('jellium').slice(0, 13)).toEqual([
      2, 8, 18, 20, 34, 40, 58, 68, 90, 92, 106, 132, 138,
    ]);
    // de Heer RMP 65, 611 (1993): major sodium closings 2, 8, 20, 40, 58, 92, 138, 198 are all closings of the model.
    for (const m of [2, 8, 20, 40, 58, 92, 138, 198]) expect(shellClosings('jellium')).toContain(m);
  });

  it('jellium order equals the spherical square-well order (zeros of j_l, computed here)', () => {
    const letters = 'SPDFGHIJ';
    const levels: { label: string; x: number }[] = [];
    for (let l = 0; l < 8; l++)
      for (const [i, x] of besselZeros(l, 4).entries()) levels.push({ label: `${i + 1}${letters[l]}`, x });
    levels.sort((a, b) => a.x - b.x);
    const order = SHELL_MODELS.jellium.levels.map((v) => v.subshells[0]);
    expect(levels.slice(0, order.length).map((v) => v.label)).toEqual(order);
  });

  it('Woods–Saxon closings (Knight et al. 1984): 2 8 18 20 34 40 58 68 70 92 106 112 138', () => {
    expect(shellClosings('woods-saxon').slice(0, 13)).toEqual([
      2, 8, 18, 20, 34, 40, 58, 68, 70, 92, 106, 112, 138,
    ]);
    expect(shellClosings('woods-saxon')).toContain(198);
  });

  it('harmonic oscillator closings (N+1)(N+2)(N+3)/3: 2 8 20 40 70 112 168', () => {
    expect(shellClosings('harmonic').slice(0, 7)).toEqual([2, 8, 20, 40, 70, 112, 168]);
  });

  it('tetrahedral model closes at 20 and 40, not 18 or 34 (Reimann et al. PRB 56, 12147 (1997))', () => {
    const c = shellClosings('tetrahedral');
    expect(c.slice(0, 4)).toEqual([2, 8, 20, 40]);
    expect(c).not.toContain(18);
    expect(c).not.toContain(34);
    expect(fillShells(14, 'tetrahedral').configuration).toBe('1S2 1P6 [1D 2S]6');
  });

  it('configuration strings, closings around a count and analogues', () => {
    const r = fillShells(39);
    expect(r.configuration).toBe('1S2 1P6 1D10 2S2 1F14 2P5');
    expect([r.closingBelow, r.closingAbove, r.analogue]).toEqual([34, 40, 'halogen']);
    expect(fillShells(41).analogue).toBe('alkali');
    expect(fillShells(42).analogue).toBe('alkaline-earth');
    expect(fillShells(40).analogue).toBe('noble-gas');
    // 19 = 20 − 1 and 18 + 1: both are reported, halogen first.
    expect(fillShells(19).analogues.map((a) => a.kind)).toEqual(['halogen', 'alkali']);
    expect(fillShells(0).configuration).toBe('');
    expect(fillShells(500).beyondTable).toBe(true);
  });
});
