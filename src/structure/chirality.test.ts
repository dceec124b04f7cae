/**
 * Chirality from independent constructions: the continuous chirality
 * measure is a property of the geometry (identical at every tolerance), the
 * nearest improper element is named within the reported group's achiral
 * supergroups, and a structure whose measure the tolerance would accept is
 * "near-achiral", never "chiral".
 *
 * Constructions: a tris-chelate propeller (three two-atom blades about a
 * metal, each twisted by 29° out of the equatorial plane: D3, chiral, like
 * Δ-[Co(en)3]³⁺; Cotton, Chemical Applications of Group Theory, 3rd ed.,
 * §3.13); the orbit of generic points under S6 (S6 ∋ i = S6³); the 12-atom
 * Td orbit of (a, a, b) (the W12 of an α-Keggin anion) and its T-distorted
 * version, the T orbit of (a + d, a − d, b) (each W moved off its σd plane
 * by d√2: exactly T, chiral; the Td operations outside T miss by 2√2 d).
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { analyzeChirality } from './chirality.js';
import { chiralityMeasure } from './chirality-measure.js';
import { findPointGroup } from './pointgroup.js';
import { createStructure, type Structure } from './structure.js';

type V = [number, number, number];
const LADDER = [0.005, 0.01, 0.02, 0.05, 0.086, 0.12, 0.2];

function build(z: number, pts: V[], sigma = 0, seed = 1): Structure {
  const rng = createRng(seed);
  return createStructure({
    numbers: pts.map(() => z),
    positions: pts.flat().map((x) => x + sigma * rng.normal()),
  });
}

/** Td orbit of (a, a, b): all permutations of the coordinates with an even number of sign changes. */
function tdOrbit(a: number, b: number): V[] {
  const out: V[] = [];
  for (const p of [
    [a, a, b],
    [a, b, a],
    [b, a, a],
  ] as V[])
    for (const s of [
      [1, 1, 1],
      [-1, -1, 1],
      [-1, 1, -1],
      [1, -1, -1],
    ] as V[])
      out.push([p[0] * s[0], p[1] * s[1], p[2] * s[2]]);
  return out;
}
/** T orbit of (a + d, a − d, b): cyclic permutations with an even number of sign changes. */
function tOrbit(a: number, b: number, d: number): V[] {
  const q: V = [a + d, a - d, b];
  const out: V[] = [];
  for (const c of [
    [0, 1, 2],
    [1, 2, 0],
    [2, 0, 1],
  ])
    for (const s of [
      [1, 1, 1],
      [-1, -1, 1],
      [-1, 1, -1],
      [1, -1, -1],
    ] as V[])
      out.push([q[c[0]!]! * s[0], q[c[1]!]! * s[1], q[c[2]!]! * s[2]]);
  return out;
}
/** Keggin W12 geometry: W–W 3.42 Å (edge-sharing) and 3.70 Å (corner-sharing) → a, b. */
const A = (3.42 + 3.7) / (2 * Math.SQRT2);
const B = (3.7 - 3.42) / (2 * Math.SQRT2);

/** Metal at the origin and three blades of two atoms (1.4 Å apart, centre 2 Å out), twisted by `twist` rad. */
function propeller(twist: number): Structure {
  const z: number[] = [26];
  const p: number[] = [0, 0, 0];
  for (let k = 0; k < 3; k++) {
    const a = (2 * Math.PI * k) / 3;
    const c: V = [2 * Math.cos(a), 2 * Math.sin(a), 0];
    const t: V = [-Math.sin(a), Math.cos(a), 0];
    for (const s of [1, -1]) {
      z.push(6);
      p.push(
        c[0] + s * 0.7 * Math.cos(twist) * t[0],
        c[1] + s * 0.7 * Math.cos(twist) * t[1],
        s * 0.7 * Math.sin(twist),
      );
    }
  }
  return createStructure({ numbers: z, positions: p });
}

/** Orbit of two generic points under S6 about z (rotation by 60° then reflection in the xy plane). */
function s6Orbit(): V[] {
  const out: V[] = [];
  for (const [r, h, phase] of [
    [1.5, 0.6, 0.3],
    [2.6, 1.1, 0.9],
  ] as V[])
    for (let k = 0; k < 6; k++) {
      const a = phase + (k * Math.PI) / 3;
      out.push([r * Math.cos(a), r * Math.sin(a), k % 2 ? -h : h]);
    }
  return out;
}

/** The achiral supergroups (Schoenflies) that may be named for a chiral group. */
function achiralSupergroups(g: string): string[] {
  const m = /^([CD])(\d+)$/.exec(g);
  if (g === 'C1') return ['Cs', 'Ci', 'S4', 'S8', 'S16'];
  if (m?.[1] === 'C') return [`C${m[2]}h`, `C${m[2]}v`, `S${2 * Number(m[2])}`];
  if (m?.[1] === 'D') return [`D${m[2]}h`, `D${m[2]}d`];
  return { T: ['Td', 'Th'], O: ['Oh'], I: ['Ih'] }[g] ?? [];
}

/** Over the ladder: one measure; verdict consistent with the group and the accepted measure. */
function ladder(s: Structure) {
  const out = LADDER.map((tolerance) => {
    const pg = findPointGroup(s, { tolerance });
    return { tolerance, pg, ch: analyzeChirality(s, { tolerance }, pg) };
  });
  for (const { tolerance, pg, ch } of out) {
    const label = `tolerance ${tolerance}: ${pg.pointGroup} ${ch.verdict} ${ch.measure} (accepted ${ch.acceptedMeasure})`;
    expect(ch.measure, label).toBe(out[0]!.ch.measure);
    expect(ch.chiral, label).toBe(ch.verdict === 'chiral');
    if (pg.hasImproper) {
      expect(ch.verdict, label).toBe('achiral');
      expect(ch.nearest.group, label).toBe(pg.pointGroup);
    } else {
      expect(ch.verdict, label).toBe(ch.measure <= ch.acceptedMeasure ? 'near-achiral' : 'chiral');
      expect(achiralSupergroups(pg.pointGroup), label).toContain(ch.nearest.group);
    }
  }
  return out;
}

describe('continuous chirality measure and verdict', () => {
  it('a twisted D3 propeller is chiral at every tolerance, nearest D3h or D3d', () => {
    const s = propeller(0.5);
    for (const { pg, ch } of ladder(s)) {
      expect(pg.pointGroup).toBe('D3');
      expect(ch.verdict).toBe('chiral');
      expect(['D3h', 'D3d']).toContain(ch.nearest.group);
    }
    // Untwisted (D3h) it is achiral; the measure of the twisted one is the same for its mirror image.
    expect(analyzeChirality(propeller(0)).verdict).toBe('achiral');
    expect(chiralityMeasure(propeller(-0.5)).measure).toBeCloseTo(chiralityMeasure(s).measure, 6);
  });

  it('an S6 structure names i (an element of S6), ideal and noisy', () => {
    for (const { pg, ch } of ladder(build(6, s6Orbit()))) {
      expect(pg.pointGroup).toBe('S6');
      expect(ch.verdict).toBe('achiral');
      expect(ch.nearest).toMatchObject({ element: 'i', group: 'S6' });
      expect(ch.measure).toBeLessThan(1e-9);
    }
    ladder(build(6, s6Orbit(), 0.02, 3));
  });

  it('the Keggin W12 (Td) is achiral with measure 0; with noise never chiral where the noise is accepted', () => {
    for (const { ch } of ladder(build(74, tdOrbit(A, B)))) {
      expect(ch.verdict).toBe('achiral');
      expect(ch.measure).toBeLessThan(1e-9);
    }
    for (const seed of [1, 2, 3]) ladder(build(74, tdOrbit(A, B), 0.02, seed));
  });

  it('a slightly noisy T-distorted W12 found T is near-achiral (nearest: Td), not chiral', () => {
    // d = 0.02 Å (σd mismatch 2√2 d = 0.057 Å) plus σ = 0.02 Å noise: at tolerance 0.02
    // (τ = 0.068 Å) the group is T while the measure (≈ 0.005) is below the accepted ≈ 0.008.
    for (const seed of [1, 2, 3]) {
      const s = build(74, tOrbit(A, 0.3, 0.02), 0.02, seed);
      const pg = findPointGroup(s, { tolerance: 0.02 });
      const ch = analyzeChirality(s, { tolerance: 0.02 }, pg);
      expect(pg.pointGroup).toBe('T');
      expect(ch.verdict).toBe('near-achiral');
      expect(ch.chiral).toBe(false);
      expect(ch.nearest.group).toBe('Td');
      ladder(s);
    }
    // Twisted further (d = 0.08 Å, σd mismatch 0.23 Å) it is chiral until the tolerance admits Td.
    const far = ladder(build(74, tOrbit(A, 0.3, 0.08)));
    expect(far.map((x) => x.ch.verdict)).toEqual([
      'chiral',
      'chiral',
      'chiral',
      'chiral',
      'achiral',
      'achiral',
      'achiral',
    ]);
  });
});
