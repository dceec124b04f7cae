/**
 * Builders tested by construction: counts, distances, neutrality and the point group of the result
 * (the analyze workflow). Expected values are geometry (regular polygons, Bravais lattices), not the
 * code's own output.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { createStructure } from '../structure/structure.js';
import { analyzeStructure } from '../workflows/analyze.js';
import {
  addCounterions,
  crystal,
  lattice2d,
  nearestDistance,
  neighbourCount,
  ring,
  ringCountFromAngle,
  wire,
} from './builders.js';
import type { BeadSystem } from './system.js';
import { systemToStructure } from './system.js';

// Au25(SR)18⁻ as a bead: an Au25S18 core of radius ≈ 5 Å and a ligand shell of ≈ 5 Å (illustrative
// sizes; the builders only need r + shell). Tetraoctylammonium (TOA⁺) as a bead of radius 5 Å.
const au25 = { species: 'Au25', radius: 5, shell: 5, charge: -1 };

const dist = (p: Float64Array, i: number, j: number) =>
  Math.hypot(p[3 * i]! - p[3 * j]!, p[3 * i + 1]! - p[3 * j + 1]!, p[3 * i + 2]! - p[3 * j + 2]!);

describe('rings', () => {
  it('a 22.5° linker angle closes a ring of 16 (360/22.5), D16h, neighbours at the contact distance', () => {
    expect(ringCountFromAngle(22.5)).toBe(16);
    const r = ring(au25, { angle: 22.5 });
    expect(r.clusters).toBe(16);
    const p = r.system.positions;
    const d = 20; // 2 (r + shell)
    for (let k = 0; k < 16; k++) expect(dist(p, k, (k + 1) % 16)).toBeCloseTo(d, 10);
    // circumradius of a regular 16-gon of side d: d / (2 sin(π/16))
    const R = d / (2 * Math.sin(Math.PI / 16));
    for (let k = 0; k < 16; k++)
      expect(Math.hypot(p[3 * k]!, p[3 * k + 1]!, p[3 * k + 2]!)).toBeCloseTo(R, 10);
    const report = analyzeStructure(systemToStructure(r.system));
    expect(report.pointGroup).toBe('D16h');
  });

  it('refuses angles that do not close a ring, and a count that contradicts the angle', () => {
    expect(() => ringCountFromAngle(25)).toThrow(InputError);
    expect(() => ring(au25, { angle: 30, count: 11 })).toThrow(/contradicts/);
  });

  it('N and a centre distance; one counter-ion each, radially outward, keeps D6h and neutrality', () => {
    const r = addCounterions(ring(au25, { count: 6, distance: 30 }), {
      species: 'TOA',
      charge: 1,
      distance: 10,
    });
    expect(r.counterions).toBe(6);
    expect(r.charges.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);
    expect(nearestDistance(r.system, 'Au25', 'TOA')).toBeCloseTo(10, 10);
    expect(analyzeStructure(systemToStructure(r.system)).pointGroup).toBe('D6h');
  });
});

describe('wires', () => {
  it('linear and helical wires keep neighbours at the given distance', () => {
    const w = wire(au25, { count: 5, distance: 18 });
    for (let k = 0; k < 4; k++) expect(dist(w.system.positions, k, k + 1)).toBeCloseTo(18, 10);
    const h = wire(au25, { count: 13, distance: 18, helixRadius: 12, perTurn: 6 });
    for (let k = 0; k < 12; k++) expect(dist(h.system.positions, k, k + 1)).toBeCloseTo(18, 10);
    // the 7th cluster sits one turn above the first: same x, y
    expect(h.system.positions[18]).toBeCloseTo(h.system.positions[0]!, 10);
    expect(() => wire(au25, { count: 5, distance: 18, helixRadius: 40, perTurn: 6 })).toThrow(InputError);
  });
});

describe('2D lattices', () => {
  const coordination = (s: BeadSystem, d: number) =>
    Array.from({ length: s.types.length }, (_, i) => neighbourCount(s, i, d * 1.01));

  it('clusterphene (honeycomb): 4 per rectangular cell, every cluster 3 neighbours at d when periodic', () => {
    const L = lattice2d(au25, { lattice: 'honeycomb', repeat: [3, 2], periodic: true });
    expect(L.clusters).toBe(24);
    expect(new Set(coordination(L.system, 20))).toEqual(new Set([3]));
    expect(nearestDistance(L.system, 'Au25', 'Au25')).toBeCloseTo(20, 10);
    // second neighbours of graphene-like lattices at d√3 (6 of them)
    expect(neighbourCount(L.system, 0, 20 * Math.sqrt(3) * 1.01) - 3).toBe(6);
  });

  it('square (4 neighbours) and hexagonal (6) periodic lattices; a finite 2×2-cell honeycomb flake is C2h', () => {
    const sq = lattice2d(au25, { lattice: 'square', repeat: [4, 4], periodic: true });
    expect(new Set(coordination(sq.system, 20))).toEqual(new Set([4]));
    const hx = lattice2d(au25, { lattice: 'hexagonal', repeat: [3, 2], periodic: true });
    expect(new Set(coordination(hx.system, 20))).toEqual(new Set([6]));
    const flake = lattice2d(au25, { lattice: 'honeycomb', repeat: [2, 2] });
    expect(flake.cell).toBeNull();
    // the patch's columns x = 0 (y = 0, d, 3d, 4d) and x = 3a/2 (y = 1.5d, 2.5d, 4.5d, 5.5d) map onto
    // each other by the inversion through the centre, not by either in-plane mirror: C2 + σh = C2h
    expect(analyzeStructure(systemToStructure(flake.system)).pointGroup).toBe('C2h');
  });
});

describe('supracrystals', () => {
  it('fcc Au25⁻ with TOA⁺ in the octahedral holes: rock salt, neutral, 12 + 6 neighbours, Oh site', () => {
    const base = crystal(au25, { lattice: 'fcc', repeat: [2, 2, 2] });
    expect(base.clusters).toBe(32);
    const a = 20 * Math.SQRT2;
    expect(base.cell).toEqual([2 * a, 2 * a, 2 * a]);
    const c = addCounterions(base, { species: 'TOA', charge: 1 }, 'fcc', [2, 2, 2]);
    expect(c.counterions).toBe(32);
    expect(c.charges.reduce((x, y) => x + y, 0)).toBeCloseTo(0, 12);
    const s = c.system;
    expect(nearestDistance(s, 'Au25', 'Au25')).toBeCloseTo(20, 10);
    expect(nearestDistance(s, 'Au25', 'TOA')).toBeCloseTo(a / 2, 10);
    // around a cluster: 6 TOA at a/2 then 12 Au25 at d = a/√2
    expect(neighbourCount(s, 0, (a / 2) * 1.01)).toBe(6);
    expect(neighbourCount(s, 0, 20 * 1.01)).toBe(18);
    // the site symmetry: beads within d of cluster 0 (minimum image) form an Oh unit
    const near: number[] = [];
    const types: number[] = [];
    for (let j = 0; j < s.types.length; j++) {
      const v = [0, 1, 2].map((k) => {
        const x = s.positions[3 * j + k]! - s.positions[k]!;
        return x - s.box![k]! * Math.round(x / s.box![k]!);
      });
      if (Math.hypot(...v) < 20 * 1.01) {
        near.push(...v);
        types.push(s.types[j] === 0 ? 79 : 7);
      }
    }
    expect(types.length).toBe(19);
    const unit = createStructure({ numbers: types, positions: near });
    expect(analyzeStructure(unit).pointGroup).toBe('Oh');
  });

  it('sc, bcc, hcp coordination 6, 8, 12 and an AlB2-type AB2 binary (A:B = 1:2)', () => {
    const coord = (lat: 'sc' | 'bcc' | 'hcp') => {
      const c = crystal(au25, { lattice: lat, repeat: [3, 3, 3] });
      return new Set(Array.from({ length: c.clusters }, (_, i) => neighbourCount(c.system, i, 20 * 1.01)));
    };
    expect(coord('sc')).toEqual(new Set([6]));
    expect(coord('bcc')).toEqual(new Set([8]));
    expect(coord('hcp')).toEqual(new Set([12]));
    const ab2 = crystal(au25, {
      lattice: 'ab2',
      repeat: [2, 2, 2],
      b: { species: 'Au13', radius: 3, charge: 0.5 },
    });
    const n = [0, 0];
    for (const t of ab2.system.types) n[t] = n[t]! + 1;
    expect(n).toEqual([16, 32]);
    expect(ab2.charges.reduce((x, y) => x + y, 0)).toBeCloseTo(0, 12);
    // B in the trigonal prism: 6 A at √(a²/3 + c²/4) (a = c = 20)
    expect(nearestDistance(ab2.system, 'Au13', 'Au25')).toBeCloseTo(Math.sqrt(400 / 3 + 100), 10);
  });

  it('fcc of 3− clusters with 1+ cations fills octahedral and tetrahedral holes (the K3C60 arrangement)', () => {
    const c = addCounterions(
      crystal({ species: 'POM', radius: 5, charge: -3 }, { lattice: 'fcc', repeat: [2, 2, 2], distance: 17 }),
      { species: 'TBA', charge: 1 },
      'fcc',
      [2, 2, 2],
    );
    expect(c.counterions).toBe(96);
    const a = 17 * Math.SQRT2;
    // tetrahedral holes at a√3/4 (8 around each cluster), octahedral at a/2 (6)
    expect(nearestDistance(c.system, 'POM', 'TBA')).toBeCloseTo((a * Math.sqrt(3)) / 4, 10);
    expect(neighbourCount(c.system, 0, ((a * Math.sqrt(3)) / 4) * 1.001)).toBe(8);
    expect(neighbourCount(c.system, 0, (a / 2) * 1.001)).toBe(14);
  });

  it('a lattice whose holes are too small for the counter-ions expands until they touch', () => {
    // POM (outer radius 5.2 Å) at shell contact d = 10.4 Å: tetrahedral holes at a√3/4 = 6.4 Å
    // cannot hold a TBA of radius 4.9 Å; expanded, the nearest POM–TBA distance is 5.2 + 4.9
    const base = crystal({ species: 'POM', radius: 5.2, charge: -3 }, { lattice: 'fcc', repeat: [2, 2, 2] });
    const c = addCounterions(
      base,
      { species: 'TBA', charge: 1, radius: 4.9, clusterRadius: 5.2 },
      'fcc',
      [2, 2, 2],
    );
    expect(nearestDistance(c.system, 'POM', 'TBA')).toBeCloseTo(10.1, 10);
    expect(c.cell![0]).toBeCloseTo(2 * ((4 * 10.1) / Math.sqrt(3)), 10);
    expect(nearestDistance(c.system, 'POM', 'POM')).toBeCloseTo((4 * 10.1) / Math.sqrt(3) / Math.SQRT2, 10);
  });

  it('counter-ions that cannot neutralise are refused', () => {
    const base = crystal(au25, { lattice: 'fcc', repeat: [1, 1, 1] });
    expect(() => addCounterions(base, { species: 'X', charge: -1 })).toThrow(InputError);
    expect(() => addCounterions(base, { species: 'X', charge: 3 })).toThrow(InputError);
  });
});

describe('rigid clusters of sites', () => {
  it('a trigonal bipyramid turned so that its C3 axis is the ring normal; sites keep their body', () => {
    // C3 axis along x in the file: apexes on ±x, the triangle in the yz plane
    const tbp = createStructure({
      numbers: [79, 79, 79, 79, 79],
      positions: [2, 0, 0, -2, 0, 0, 0, 1.5, 0, 0, -0.75, 1.299038105676658, 0, -0.75, -1.299038105676658],
    });
    const r = ring({ species: 'Au5', radius: 3, charge: 0, sites: tbp }, { count: 8, distance: 12 });
    expect(r.system.types.length).toBe(40);
    expect(Array.from(r.system.bodies!.slice(0, 6))).toEqual([1, 1, 1, 1, 1, 2]);
    // apex sites now along ±z around each centre
    const zs = Array.from({ length: 5 }, (_, i) => r.system.positions[3 * i + 2]!);
    expect(zs.filter((z) => Math.abs(Math.abs(z) - 2) < 1e-9).length).toBe(2);
    // turning x onto z about −y leaves the equatorial vertex (0, 1.5, 0) along the local tangent, so
    // no vertical mirror contains a radius: the ring keeps C8 and σh only
    expect(analyzeStructure(systemToStructure(r.system)).pointGroup).toBe('C8h');
    // a user axis: the equatorial vertex (0, 1.5, 0) of the file turned onto the ring normal
    const u = ring(
      { species: 'Au5', radius: 3, charge: 0, sites: tbp, axis: [0, 1, 0] },
      { count: 8, distance: 12 },
    );
    const z0 = Array.from({ length: 5 }, (_, i) => u.system.positions[3 * i + 2]!);
    expect(Math.max(...z0)).toBeCloseTo(1.5, 9);
  });
});
