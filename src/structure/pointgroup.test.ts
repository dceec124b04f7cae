import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../core/rng.js';
import {
  cuboctahedron,
  decahedron,
  fccTetrahedron,
  mackayIcosahedron,
  polyhedronCluster,
} from './builders/clusters.js';
import { findPointGroup } from './pointgroup.js';
import { createStructure, type Structure } from './structure.js';

/** Uniformly random rotation (normalised Gaussian quaternion), row-major 3×3. */
function randomRotation(rng: Rng): number[] {
  const q = [rng.normal(), rng.normal(), rng.normal(), rng.normal()];
  const n = Math.hypot(...q);
  const [a, b, c, d] = q.map((x) => x / n) as [number, number, number, number];
  return [
    a * a + b * b - c * c - d * d,
    2 * (b * c - a * d),
    2 * (b * d + a * c),
    2 * (b * c + a * d),
    a * a - b * b + c * c - d * d,
    2 * (c * d - a * b),
    2 * (b * d - a * c),
    2 * (c * d + a * b),
    a * a - b * b - c * c + d * d,
  ];
}

/** Randomly rotated, permuted and translated copy with Gaussian noise σ (Å) on every coordinate. */
function scramble(s: Structure, rng: Rng, sigma: number): Structure {
  const n = s.numbers.length;
  const perm = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [perm[i], perm[j]] = [perm[j]!, perm[i]!];
  }
  const r = randomRotation(rng);
  const t = [rng.normal() * 20, rng.normal() * 20, rng.normal() * 20];
  const numbers: number[] = [];
  const positions: number[] = [];
  for (const i of perm) {
    numbers.push(s.numbers[i]!);
    const p = [s.positions[3 * i]!, s.positions[3 * i + 1]!, s.positions[3 * i + 2]!];
    for (let a = 0; a < 3; a++) {
      positions.push(
        r[3 * a]! * p[0]! + r[3 * a + 1]! * p[1]! + r[3 * a + 2]! * p[2]! + t[a]! + sigma * rng.normal(),
      );
    }
  }
  return createStructure({ numbers, positions });
}

const AU = { z: 79, bond: 2.88 };

// Expected groups are the symmetry of the ideal solids: Mackay icosahedron Ih, cuboctahedron Oh,
// Marks and Ino decahedra D5h, fcc tetrahedron Td (Au20: Li et al., Science 299, 864 (2003)),
// C60 (truncated icosahedron) Ih (Kroto et al., Nature 318, 162 (1985)).
const CASES: [string, () => Structure, string][] = [
  ['Mackay icosahedron Au55', () => mackayIcosahedron(2, AU), 'Ih'],
  ['Mackay icosahedron Au147', () => mackayIcosahedron(3, AU), 'Ih'],
  ['cuboctahedron Au55', () => cuboctahedron(2, AU), 'Oh'],
  ['Marks decahedron Au75', () => decahedron(2, 2, 1, AU), 'D5h'],
  ['Marks decahedron Au101', () => decahedron(2, 3, 1, AU), 'D5h'],
  ['fcc tetrahedron Au20', () => fccTetrahedron(4, AU), 'Td'],
  ['fcc tetrahedron Au35', () => fccTetrahedron(5, AU), 'Td'],
  ['C60', () => polyhedronCluster('truncated-icosahedron', { z: 6, bond: 1.44 }), 'Ih'],
];

describe('findPointGroup on ideal and noisy clusters', () => {
  const rng = createRng(2024);
  for (const [name, build, want] of CASES) {
    it(`${name} → ${want} (ideal, and rotated/permuted/translated with σ = 0.03 Å noise)`, () => {
      const ideal = build();
      const r0 = findPointGroup(ideal);
      expect(r0.pointGroup).toBe(want);
      expect(r0.rmsDeviationA).toBeLessThan(1e-6);
      expect(r0.measure).toBeLessThan(1e-8);
      for (let k = 0; k < 3; k++) {
        const r = findPointGroup(scramble(ideal, rng, 0.03));
        expect(r.pointGroup).toBe(want);
        // The symmetrized structure is close to the ideal one: RMS displacement ≈ σ√3 = 0.052 Å.
        expect(r.rmsDeviationA).toBeLessThan(0.08);
        expect(r.operations.length).toBe(r.order);
      }
      // The reported operations form a group: closed under multiplication.
      const ops = r0.operations.map((o) => o.matrix);
      const has = (m: number[]) => ops.some((o) => o.every((x, k) => Math.abs(x - m[k]!) < 1e-6));
      for (const a of ops) {
        for (const b of ops) {
          const p: number[] = [];
          for (let i = 0; i < 3; i++)
            for (let j = 0; j < 3; j++)
              p.push(a[3 * i]! * b[j]! + a[3 * i + 1]! * b[3 + j]! + a[3 * i + 2]! * b[6 + j]!);
          expect(has(p)).toBe(true);
        }
      }
    });
  }
});

describe('whole-structure tolerance', () => {
  it('keeps Ih when a few atoms are displaced by 15 % of a bond', () => {
    const s = mackayIcosahedron(3, AU);
    const p = Float64Array.from(s.positions);
    // Three outer atoms moved by 0.43 Å radially.
    for (const i of [140, 141, 146]) {
      const r = Math.hypot(p[3 * i]!, p[3 * i + 1]!, p[3 * i + 2]!);
      for (let k = 0; k < 3; k++) p[3 * i + k] = p[3 * i + k]! * (1 + 0.43 / r);
    }
    const res = findPointGroup(createStructure({ numbers: s.numbers, positions: p }));
    expect(res.pointGroup).toBe('Ih');
    expect(res.maxDeviationA).toBeGreaterThan(0.2);
  });

  it('does not gain mirrors when every atom is off by more than 10 % of a bond (helical twist)', () => {
    const s = cuboctahedron(2, AU);
    const p = Float64Array.from(s.positions);
    // Twist about z by 0.06 rad per Å of height: chiral D4, the σ/i of Oh are lost.
    for (let i = 0; i < s.numbers.length; i++) {
      const a = 0.06 * p[3 * i + 2]!;
      const x = p[3 * i]!;
      const y = p[3 * i + 1]!;
      p[3 * i] = x * Math.cos(a) - y * Math.sin(a);
      p[3 * i + 1] = x * Math.sin(a) + y * Math.cos(a);
    }
    const res = findPointGroup(createStructure({ numbers: s.numbers, positions: p }));
    expect(res.hasImproper).toBe(false);
    expect(res.pointGroup).toBe('D4');
  });
});

describe('a mirror judged on the whole structure', () => {
  /** 24 random atoms above z = 0.7 Å and their mirror images below (Cs, nothing else). */
  function mirrored(rng: Rng): { p: number[]; dnn: number } {
    const half: number[][] = [];
    while (half.length < 24) {
      const q = [rng.normal() * 3, rng.normal() * 3, 0.7 + Math.abs(rng.normal()) * 2];
      if (half.every((h) => Math.hypot(h[0]! - q[0]!, h[1]! - q[1]!, h[2]! - q[2]!) > 1.6)) half.push(q);
    }
    const p = [...half.flat(), ...half.flatMap((h) => [h[0]!, h[1]!, -h[2]!])];
    const n = p.length / 3;
    const nn: number[] = [];
    for (let i = 0; i < n; i++) {
      let best = Infinity;
      for (let j = 0; j < n; j++)
        if (j !== i)
          best = Math.min(
            best,
            Math.hypot(p[3 * i]! - p[3 * j]!, p[3 * i + 1]! - p[3 * j + 1]!, p[3 * i + 2]! - p[3 * j + 2]!),
          );
      nn.push(best);
    }
    nn.sort((a, b) => a - b);
    return { p, dnn: nn[Math.floor(n / 2)]! };
  }
  const rng = createRng(77);
  it('loses the mirror when every atom is off by 10 % of a bond, keeps it when 3 of 48 atoms are off by 15 %', () => {
    const { p, dnn } = mirrored(rng);
    const n = p.length / 3;
    const numbers = new Array(n).fill(6);
    expect(findPointGroup(createStructure({ numbers, positions: p })).pointGroup).toBe('Cs');
    // Shear: upper half +x, lower half −x, so |σ x_i − x_π(i)| = 0.10 d_nn for every atom.
    const sheared = p.map((v, k) => (k % 3 === 0 ? v + (p[k + 2]! > 0 ? 0.05 : -0.05) * dnn : v));
    const all = findPointGroup(createStructure({ numbers, positions: sheared }));
    expect(all.pointGroup).toBe('C1');
    // Three atoms moved by 0.15 d_nn (RMS mismatch 0.15·sqrt(6/48) = 0.053 d_nn) keep Cs.
    const few = [...p];
    for (const i of [0, 5, 11]) few[3 * i] = few[3 * i]! + 0.15 * dnn;
    expect(findPointGroup(createStructure({ numbers, positions: few })).pointGroup).toBe('Cs');
  });
});

describe('small molecules (textbook point groups)', () => {
  const mol = (numbers: number[], positions: number[]) => createStructure({ numbers, positions });
  it('single atom is Kh, CO2 is Dinfh, HCN is Cinfv', () => {
    expect(findPointGroup(mol([79], [1, 2, 3])).pointGroup).toBe('Kh');
    expect(findPointGroup(mol([8, 6, 8], [0, 0, -1.16, 0, 0, 0, 0, 0, 1.16])).pointGroup).toBe('Dinfh');
    expect(findPointGroup(mol([1, 6, 7], [0, 0, -1.07, 0, 0, 0, 0, 0, 1.16])).pointGroup).toBe('Cinfv');
  });
  it('water C2v, ammonia C3v, methane Td, ethane (staggered) D3d', () => {
    const th = (104.5 * Math.PI) / 360;
    expect(
      findPointGroup(
        mol(
          [8, 1, 1],
          [
            0,
            0,
            0,
            0.96 * Math.sin(th),
            0,
            0.96 * Math.cos(th),
            -0.96 * Math.sin(th),
            0,
            0.96 * Math.cos(th),
          ],
        ),
      ).pointGroup,
    ).toBe('C2v');
    const nh3: number[] = [0, 0, 0];
    for (let k = 0; k < 3; k++)
      nh3.push(0.94 * Math.cos((2 * Math.PI * k) / 3), 0.94 * Math.sin((2 * Math.PI * k) / 3), -0.38);
    expect(findPointGroup(mol([7, 1, 1, 1], nh3)).pointGroup).toBe('C3v');
    const c = 1.09 / Math.sqrt(3);
    expect(
      findPointGroup(mol([6, 1, 1, 1, 1], [0, 0, 0, c, c, c, -c, -c, c, -c, c, -c, c, -c, -c])).pointGroup,
    ).toBe('Td');
    const eth: number[] = [0, 0, 0.77, 0, 0, -0.77];
    for (let k = 0; k < 3; k++) {
      const a = (2 * Math.PI * k) / 3;
      eth.push(1.02 * Math.cos(a), 1.02 * Math.sin(a), 1.13);
      eth.push(1.02 * Math.cos(a + Math.PI / 3), 1.02 * Math.sin(a + Math.PI / 3), -1.13);
    }
    expect(findPointGroup(mol([6, 6, 1, 1, 1, 1, 1, 1], eth)).pointGroup).toBe('D3d');
  });
  it('rejects a bad tolerance with an InputError', () => {
    expect(() => findPointGroup(mol([6, 6], [0, 0, 0, 1.2, 0, 0]), { tolerance: 2 })).toThrow(/tolerance/);
  });
});
