import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { bondCutoff, bondStatistics, connectedComponents, coordinationNumbers, findBonds } from './bonds.js';
import { mackayIcosahedron, polyhedronCluster, randomCompactCluster } from './builders/clusters.js';
import { createGrid } from './grid.js';
import { createStructure } from './structure.js';

/** Brute-force O(N²) pair list for checking the grid. */
function brutePairs(p: Float64Array, r: number): string[] {
  const n = p.length / 3;
  const out: string[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const d = Math.hypot(
        p[3 * i]! - p[3 * j]!,
        p[3 * i + 1]! - p[3 * j + 1]!,
        p[3 * i + 2]! - p[3 * j + 2]!,
      );
      if (d <= r) out.push(`${i}-${j}`);
    }
  return out.sort();
}

describe('neighbour grid', () => {
  it('finds exactly the brute-force pairs (random clouds, several radii)', () => {
    const rng = createRng(3);
    for (const n of [0, 1, 2, 50, 400]) {
      const p = new Float64Array(3 * n);
      for (let k = 0; k < p.length; k++) p[k] = rng.normal() * 6;
      for (const r of [0.5, 2.5, 7]) {
        const grid = createGrid(p, r);
        const got: string[] = [];
        grid.forEachPair(r, (i, j) => got.push(`${i}-${j}`));
        expect(got.sort()).toEqual(brutePairs(p, r));
        // forEachNear around atom 0 agrees with brute force
        if (n > 0) {
          const near: number[] = [];
          grid.forEachNear(p[0]!, p[1]!, p[2]!, r, (j) => near.push(j));
          const expected = [
            0,
            ...brutePairs(p, r).flatMap((s) => {
              const [a, b] = s.split('-').map(Number);
              return a === 0 ? [b!] : b === 0 ? [a!] : [];
            }),
          ];
          expect(near.sort((x, y) => x - y)).toEqual(expected.sort((x, y) => x - y));
        }
      }
    }
  });
  it('stays bounded for two atoms very far apart', () => {
    const grid = createGrid(new Float64Array([0, 0, 0, 1e6, 1e6, 1e6]), 1);
    let pairs = 0;
    grid.forEachPair(1, () => pairs++);
    expect(pairs).toBe(0);
  });
});

/** Ethane-like fragment with textbook bond lengths (CRC: C–C 1.535, C–H 1.094 Å). */
function ethane() {
  const cc = 1.535;
  const ch = 1.094;
  const t = (109.47 * Math.PI) / 180;
  const pos: number[] = [0, 0, 0, cc, 0, 0];
  for (const [c, sign] of [
    [0, -1],
    [cc, 1],
  ] as const) {
    for (let k = 0; k < 3; k++) {
      const phi = (2 * Math.PI * k) / 3 + (sign > 0 ? Math.PI / 3 : 0);
      pos.push(
        c - sign * ch * Math.cos(t),
        ch * Math.sin(t) * Math.cos(phi),
        ch * Math.sin(t) * Math.sin(phi),
      );
    }
  }
  return createStructure({ numbers: [6, 6, 1, 1, 1, 1, 1, 1], positions: pos });
}

describe('findBonds', () => {
  it('ethane: 1 C–C and 6 C–H bonds, no H–H or geminal contacts', () => {
    const s = ethane();
    const stats = bondStatistics(s);
    expect(stats.map((x) => [x.pair, x.count])).toEqual([
      ['C-C', 1],
      ['C-H', 6],
    ]);
    expect(stats[0]!.mean).toBeCloseTo(1.535, 9);
    expect(stats[1]!.mean).toBeCloseTo(1.094, 9);
  });

  it('metal–ligand and metal–metal bonds at cluster distances', () => {
    // Representative distances from crystal structures of thiolate/phosphine clusters:
    // Au–S 2.33 Å and Au–Au 2.93 Å (Au25(SR)18: Heaven et al., JACS 130, 3754 (2008));
    // Ag–S 2.50 Å, Ag–P 2.42 Å, Ag–Ag 2.95 Å (Ag44(SR)30: Desireddy et al., Nature 501, 399 (2013);
    // Ag–P in Ag29(BDT)12(TPP)4: AbdulHalim et al., JACS 137, 11970 (2015)).
    const cases: [number, number, number, boolean][] = [
      [79, 79, 2.93, true],
      [79, 79, 3.1, true],
      [79, 79, 3.3, true], // kernel contacts of Au144 reach 3.3 Å
      [79, 79, 3.45, false], // staple–staple aurophilic contact, not a bond at the defaults
      [79, 79, 4.08, false], // fcc second neighbour √2 × 2.884
      [47, 47, 2.95, true],
      [47, 47, 4.09, false],
      [79, 16, 2.33, true],
      [47, 16, 2.5, true],
      [47, 15, 2.42, true],
      [47, 15, 3.3, false],
      [6, 6, 1.54, true],
      [6, 6, 2.51, false], // 1,3 C···C in alkanes
      [6, 1, 1.09, true],
      [1, 1, 1.78, false], // geminal H···H in CH4
      [1, 1, 0.74, true], // H2
    ];
    for (const [za, zb, d, bonded] of cases) {
      const s = createStructure({ numbers: [za, zb], positions: [0, 0, 0, d, 0, 0] });
      expect(findBonds(s).i.length, `${za}-${zb} at ${d} Å`).toBe(bonded ? 1 : 0);
    }
  });

  it('tolerance, minimum distance and per-pair cutoffs', () => {
    const s = createStructure({ numbers: [79, 79, 79], positions: [0, 0, 0, 3.4, 0, 0, 3.4, 0.2, 0] });
    expect(findBonds(s).i.length).toBe(0); // 3.4 > 2.72 + 0.60, and 0.2 < 0.4 minimum
    expect(findBonds(s, { metalTolerance: 0.7 }).i.length).toBe(2);
    expect(findBonds(s, { pairCutoffs: { 'Au-Au': 3.5 } }).i.length).toBe(2);
    expect(findBonds(s, { metalTolerance: 0.7, minDistance: 0.1 }).i.length).toBe(3);
    // the plain Open Babel rule for metals too
    expect(bondCutoff(79, 79, { metalTolerance: 0.45 })).toBeCloseTo(3.17, 12);
    expect(bondCutoff(79, 16)).toBeCloseTo(1.36 + 1.05 + 0.45, 12);
  });

  it('matches brute force and gives icosahedral coordination on a 147-atom Mackay icosahedron', () => {
    const s = mackayIcosahedron(3, { z: 79, bond: 2.884 });
    const b = findBonds(s);
    // every bond is a nearest-neighbour contact (≤ 1.0515 × 2.884 Å), sorted i < j
    for (let k = 0; k < b.i.length; k++) {
      expect(b.i[k]!).toBeLessThan(b.j[k]!);
      expect(b.lengthA[k]!).toBeLessThan(2.884 * 1.06);
    }
    const cn = coordinationNumbers(s, b);
    // Mackay icosahedra: every interior atom has 12 neighbours (Mackay 1962).
    const interior = mackayIcosahedron(2, { z: 79, bond: 2.884 }).numbers.length; // the first 55 are inner shells
    expect(Array.from(cn.slice(0, interior)).every((c) => c === 12)).toBe(true);
  });

  it('random clusters: grid bonds equal O(N²) bonds', () => {
    const s = randomCompactCluster(300, { z: 47, bond: 2.889 }, createRng(11), 1.2);
    const b = findBonds(s);
    const cutoff = 1.45 * 2 + 0.6; // Ag covalent radius 1.45 Å (Cordero), metal tolerance
    expect(b.i.length).toBe(brutePairs(s.positions, cutoff).length);
  });

  it('connected components separate molecules', () => {
    const a = polyhedronCluster('truncated-icosahedron', { z: 6, bond: 1.44 });
    const pos = [...a.positions, ...Array.from(a.positions, (x, k) => (k % 3 === 0 ? x + 20 : x))];
    const s = createStructure({ numbers: new Uint8Array(120).fill(6), positions: pos });
    const { count } = connectedComponents(120, findBonds(s));
    expect(count).toBe(2);
    expect(bondStatistics(s)[0]!.count).toBe(180); // 2 × 90 edges of C60
  });
});
