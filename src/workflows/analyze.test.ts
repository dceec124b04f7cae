import { describe, expect, it } from 'vitest';
import { mackayIcosahedron } from '../structure/builders/clusters.js';
import { createStructure } from '../structure/structure.js';
import { analyzeStructure } from './analyze.js';

/**
 * A hand-built Au6 octahedral kernel (Au–Au 2.88 Å) with one monomeric
 * RS–Au–SR staple (R = CH3, no H) bridging two kernel atoms: S–Au–S linear
 * (180°), Au–S 2.35–2.62 Å, S–C 1.82 Å.
 */
function toyCluster() {
  const a = 2.88 / Math.SQRT2;
  const numbers: number[] = [];
  const positions: number[] = [];
  const add = (z: number, p: number[]) => {
    numbers.push(z);
    positions.push(...p);
  };
  for (const p of [
    [a, 0, 0],
    [-a, 0, 0],
    [0, a, 0],
    [0, -a, 0],
    [0, 0, a],
    [0, 0, -a],
  ])
    add(79, p);
  const u = 2.35 / Math.SQRT2;
  const s1 = [a + u, 0, u];
  const s2 = [0, a + u, u];
  add(16, s1);
  add(16, s2);
  add(79, [(s1[0]! + s2[0]!) / 2, (s1[1]! + s2[1]!) / 2, (s1[2]! + s2[2]!) / 2]);
  add(6, [s1[0]! + 1.2, s1[1]! - 0.6, s1[2]! + 1.2]);
  add(6, [s2[0]! - 0.6, s2[1]! + 1.2, s2[2]! + 1.2]);
  return createStructure({ numbers, positions });
}

describe('analyzeStructure', () => {
  it('splits a toy thiolate cluster into kernel, one monomeric staple and two ligands', () => {
    const r = analyzeStructure(toyCluster());
    expect(r.formula).toBe('C2Au7S2');
    expect(r.atoms).toBe(11);
    expect(r.anatomy.kernel.count).toBe(6);
    expect(r.anatomy.kernel.elements).toEqual({ Au: 6 });
    expect(r.anatomy.staples).toHaveLength(1);
    expect(r.anatomy.staples[0]!.motif).toBe('Au(SR)2');
    expect(r.anatomy.staples[0]!.kind).toBe('monomeric');
    expect([...r.anatomy.staples[0]!.atoms].sort((x, y) => x - y)).toEqual([7, 8, 9]);
    expect(r.anatomy.ligands).toEqual([{ formula: 'CS', count: 2 }]);
    // The kernel is a perfect octahedron: CShM 0 against OC-6.
    expect(r.anatomy.kernel.shape?.best).toBe('octahedron');
    expect(r.anatomy.kernel.shape!.measure).toBeLessThan(1e-8);
    const classes = new Set(r.bonds.map((b) => `${b.pair} ${b.class}`));
    expect(classes.has('Au-S kernel–S')).toBe(true);
    expect(classes.has('Au-S staple M–S')).toBe(true);
    expect(classes.has('Au-Au kernel–kernel')).toBe(true);
  });

  it('analyses the symmetry of the kernel or chosen elements only', () => {
    const s = toyCluster();
    expect(analyzeStructure(s, { kernel: true }).pointGroup).toBe('Oh');
    expect(analyzeStructure(s, { kernel: true }).symmetryAtoms).toBe(6);
    // The staple sits on the octahedron's mirror plane x = y and breaks every other operation: Cs.
    expect(analyzeStructure(s).pointGroup).toBe('Cs');
    // Au7 alone: the staple Au lies 0.16 Å off the octahedron's C3 axis through (1,1,1), a
    // 0.10 Å RMS mismatch over 7 atoms, inside the default tolerance (0.075 × 2.88 Å): C3v.
    expect(analyzeStructure(s, { elements: ['Au'] }).pointGroup).toBe('C3v');
    expect(analyzeStructure(s, { elements: ['Au'], tolerance: 0.02 }).pointGroup).toBe('Cs');
    // Two S atoms alone are a homonuclear "diatomic": D∞h.
    expect(analyzeStructure(s, { elements: ['S'] }).pointGroup).toBe('Dinfh');
    expect(() => analyzeStructure(s, { elements: ['Xx'] })).toThrow(/unknown element/);
    expect(() => analyzeStructure(s, { elements: ['P'] })).toThrow(/no atoms of P/);
  });

  it('reports an ideal Mackay icosahedron as Ih with an icosahedral first shell and zero deviation', () => {
    const r = analyzeStructure(mackayIcosahedron(2, { z: 79, bond: 2.88 }));
    expect(r.pointGroup).toBe('Ih');
    expect(r.chiral).toBe(false);
    expect(r.symmetry.maxDeviation).toBeLessThan(1e-6);
    expect(r.anatomy.kernel.shells).toEqual([1, 12, 42]);
    expect(r.anatomy.kernel.shape?.best).toBe('icosahedron');
    expect(r.anatomy.staples).toEqual([]);
    // JSON-serialisable unchanged.
    expect(JSON.parse(JSON.stringify(r)).pointGroup).toBe('Ih');
  });

  it('finds twelve Au–P vertex caps on a phosphine-capped Au13 icosahedron (Ih)', () => {
    const core = mackayIcosahedron(1, { z: 79, bond: 2.78 });
    const numbers = Array.from(core.numbers);
    const positions = Array.from(core.positions);
    for (let i = 1; i < 13; i++) {
      const p = [core.positions[3 * i]!, core.positions[3 * i + 1]!, core.positions[3 * i + 2]!];
      const r = Math.hypot(p[0]!, p[1]!, p[2]!);
      numbers.push(15);
      positions.push(...p.map((x) => x * (1 + 2.28 / r)));
    }
    const r = analyzeStructure(createStructure({ numbers, positions }));
    expect(r.pointGroup).toBe('Ih');
    expect(r.anatomy.caps).toHaveLength(12);
    expect(r.anatomy.caps[0]!.motif).toBe('Au–PR3');
    expect(r.anatomy.kernel.count).toBe(13);
    expect(r.anatomy.ligands).toEqual([{ formula: 'P', count: 12 }]);
    expect(r.bonds.find((b) => b.class === 'M–P')?.count).toBe(12);
  });

  it('reports an infinite group order as null (JSON-safe)', () => {
    const r = analyzeStructure(createStructure({ numbers: [6, 8], positions: [0, 0, 0, 0, 0, 1.13] }));
    expect(r.pointGroup).toBe('Cinfv');
    expect(r.symmetry.order).toBeNull();
    // C∞v has mirror planes through the axis: achiral.
    expect(r.chiral).toBe(false);
  });

  it('refuses an atom written twice instead of reporting Dinfh with a zero bond (acceptance test)', () => {
    const twice = createStructure({ numbers: [79, 79, 79], positions: [0, 0, 0, 2.9, 0, 0, 2.9, 0, 0.05] });
    expect(() => analyzeStructure(twice)).toThrow(/atoms 2 \(Au\) and 3 \(Au\) are 0\.050 Å apart/);
  });
});
