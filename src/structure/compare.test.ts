import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { createRng } from '../core/rng.js';
import { cuboctahedron, mackayIcosahedron } from './builders/clusters.js';
import { analyzeChirality } from './chirality.js';
import { compareStructures } from './compare.js';
import { findPointGroup } from './pointgroup.js';
import { createStructure, subset } from './structure.js';

function transform(positions: Float64Array, seed: number, mirror = false): Float64Array {
  const rng = createRng(seed);
  const a = rng.next() * 6;
  const b = rng.next() * 6;
  const out = new Float64Array(positions.length);
  for (let i = 0; i < positions.length / 3; i++) {
    let x = positions[3 * i]!;
    let y = positions[3 * i + 1]!;
    let z = positions[3 * i + 2]!;
    if (mirror) x = -x;
    [x, y] = [x * Math.cos(a) - y * Math.sin(a), x * Math.sin(a) + y * Math.cos(a)];
    [y, z] = [y * Math.cos(b) - z * Math.sin(b), y * Math.sin(b) + z * Math.cos(b)];
    out[3 * i] = x + 3;
    out[3 * i + 1] = y - 1;
    out[3 * i + 2] = z + 7;
  }
  return out;
}

/** A chiral, helical chain of 8 atoms (C2 only). */
function helix(): Float64Array {
  const p: number[] = [];
  for (let k = 0; k < 8; k++) p.push(1.5 * Math.cos(k * 1.1), 1.5 * Math.sin(k * 1.1), 0.6 * k);
  return Float64Array.from(p);
}

describe('compareStructures', () => {
  it('finds RMSD 0 for a rotated, translated, reordered copy', () => {
    const s = mackayIcosahedron(2, { z: 47, bond: 2.89 });
    const order = Array.from({ length: 55 }, (_, i) => (i * 17) % 55);
    const moved = subset(
      createStructure({ numbers: s.numbers, positions: transform(s.positions, 3) }),
      order,
    );
    const r = compareStructures(s, moved);
    expect(r.rmsdA).toBeLessThan(1e-6);
    expect(r.moved).toEqual([]);
    expect(r.pairs.length).toBe(55);
  });

  it('superposes a highly symmetric cluster (isotropic inertia tensor) onto a rotated, reordered copy', () => {
    const s = cuboctahedron(3, { z: 47, bond: 2.89 });
    const n = s.numbers.length;
    const order = Array.from({ length: n }, (_, i) => (i * 31) % n);
    const moved = subset(
      createStructure({ numbers: s.numbers, positions: transform(s.positions, 11) }),
      order,
    );
    const r = compareStructures(s, moved);
    expect(r.rmsdA).toBeLessThan(1e-6);
    expect(r.onlyInA).toEqual([]);
  });

  it('lists the extra atoms when one cluster has more atoms (Ag55 vs Ag55 + 2 adatoms)', () => {
    const s = mackayIcosahedron(2, { z: 47, bond: 2.89 });
    const p = Array.from(transform(s.positions, 5));
    const extra = [0, 0, 9.5, 0, 9.5, 0];
    const bigger = createStructure({
      numbers: [...s.numbers, 47, 47],
      positions: [...Array.from(s.positions), ...extra],
    });
    const r = compareStructures(bigger, createStructure({ numbers: s.numbers, positions: p }));
    expect([...r.onlyInA].sort()).toEqual([55, 56]);
    expect(r.rmsdA).toBeLessThan(1e-6);
  });

  it('recognises mirror images of a chiral structure', () => {
    const numbers = [6, 6, 6, 6, 6, 6, 6, 6];
    const a = createStructure({ numbers, positions: helix() });
    const b = createStructure({ numbers, positions: transform(helix(), 9, true) });
    const r = compareStructures(a, b);
    expect(r.mirrorImages).toBe(true);
    expect(r.mirrorRmsdA!).toBeLessThan(1e-6);
    expect(r.rmsdA).toBeGreaterThan(0.25);
  });

  it('mirror images with a small direct misfit still count; achiral structures are not mirror images', () => {
    // a weakly twisted helix: its enantiomer superposes only to ~0.1–0.2 Å directly
    const numbers = [6, 6, 6, 6, 6, 6, 6, 6];
    const flat = helix().map((v, i) => (i % 3 === 2 ? v * 0.05 : v));
    const r = compareStructures(
      createStructure({ numbers, positions: flat }),
      createStructure({ numbers, positions: transform(flat, 4, true) }),
    );
    expect(r.mirrorRmsdA!).toBeLessThan(1e-6);
    expect(r.rmsdA).toBeGreaterThan(0.06);
    expect(r.rmsdA).toBeLessThan(0.25);
    expect(r.mirrorImages).toBe(true);
    const ico = mackayIcosahedron(1, { z: 79, bond: 2.88 });
    const q = compareStructures(
      ico,
      createStructure({ numbers: ico.numbers, positions: transform(ico.positions, 3, true) }),
    );
    expect(q.mirrorImages).toBe(false);
  });
});

describe('analyzeChirality', () => {
  it('calls a helix chiral with a positive measure and an icosahedron achiral with measure ≈ 0', () => {
    const h = analyzeChirality(createStructure({ numbers: [6, 6, 6, 6, 6, 6, 6, 6], positions: helix() }));
    expect(h.chiral).toBe(true);
    expect(h.measure).toBeGreaterThan(0.1);
    const ico = analyzeChirality(mackayIcosahedron(1, { z: 79, bond: 2.88 }));
    expect(ico.chiral).toBe(false);
    expect(ico.measure).toBeLessThan(1e-8);
  });
});

describe('extreme and non-finite coordinates (compare, point group, chirality)', () => {
  const ico = mackayIcosahedron(1, { z: 79, bond: 2.88 });
  /** The Au13 icosahedron plus one Au atom at (far, 0.5, −far) Å. */
  const withFar = (far: number) =>
    createStructure({ numbers: [...ico.numbers, 79], positions: [...ico.positions, far, 0.5, -far] });

  it('a structure compared with itself gives RMSD 0 whatever its extent (one atom at 1e30 Å)', () => {
    for (const far of [1e3, 1e30, 1e155, 1e300]) {
      const s = withFar(far);
      const copy = createStructure({ numbers: s.numbers, positions: Float64Array.from(s.positions) });
      const r = compareStructures(s, copy);
      expect(r.rmsdA, `${far}`).toBe(0);
      expect(r.pairs.every(([i, j, d]) => i === j && d === 0)).toBe(true);
    }
  });

  it('ends with finite numbers for any coordinate magnitude (property over 10^0–10^308 Å)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 308 }), fc.double({ min: 1, max: 1.7 }), (k, m) => {
        const s = withFar(m * 10 ** k);
        // B: the same atoms with the far one moved by 1 Å (a different structure, so the search runs).
        const p = Float64Array.from(s.positions);
        p[p.length - 2] = p[p.length - 2]! + 1;
        const r = compareStructures(s, createStructure({ numbers: s.numbers, positions: p }));
        expect(Number.isFinite(r.rmsdA)).toBe(true);
        expect(Number.isFinite(r.mirrorRmsdA!)).toBe(true);
        const pg = findPointGroup(s);
        expect(pg.pointGroup).not.toBe('Cinfv');
        for (const v of [pg.maxDeviationA, pg.rmsDeviationA, pg.measure, pg.toleranceA])
          expect(Number.isFinite(v)).toBe(true);
        expect(Number.isFinite(analyzeChirality(s, {}, pg).measure)).toBe(true);
      }),
      { numRuns: 25, seed: 1709 },
    );
  });

  it('non-finite coordinates are an InputError naming the atom', () => {
    // Built as a plain object (createStructure would refuse it already).
    const s = { ...ico, positions: Float64Array.from([...ico.positions.slice(0, 36), Number.NaN, 0, 0]) };
    expect(() => compareStructures(ico, s)).toThrow(InputError);
    expect(() => compareStructures(ico, s)).toThrow(/structure B: atom 13 has a non-finite coordinate/);
    expect(() => findPointGroup(s)).toThrow(InputError);
    expect(() => analyzeChirality(s)).toThrow(InputError);
  });
});
