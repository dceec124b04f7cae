import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { cuboctahedron, mackayIcosahedron } from './builders/clusters.js';
import { analyzeChirality } from './chirality.js';
import { compareStructures } from './compare.js';
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
