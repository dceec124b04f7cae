/**
 * Anatomy in the crystallographers' vocabulary (issue 9.10): fused kernels named, bridging
 * thiolates as their own category, short contacts reported. Geometries are built here from
 * textbook coordinates, not from the code under test.
 */
import { describe, expect, it } from 'vitest';
import { analyzeAnatomy } from './anatomy.js';
import { findBonds, findShortContacts } from './bonds.js';
import { createStructure } from './structure.js';

const PHI = (1 + Math.sqrt(5)) / 2;
/** Centre–vertex distance, Å (Au13: 2.75–2.80 Å in Au25(SR)18, Heaven et al. JACS 130, 3754 (2008)). */
const R = 2.75;

/** Icosahedron vertices (0, ±1, ±φ) and cyclic permutations, scaled to circumradius R, about `c`. */
function icosahedron(c: readonly number[] = [0, 0, 0]): number[][] {
  const out: number[][] = [];
  for (const s1 of [-1, 1])
    for (const s2 of [-1, 1]) {
      const v = [0, s1, s2 * PHI];
      for (let k = 0; k < 3; k++) out.push([v[k % 3]!, v[(k + 1) % 3]!, v[(k + 2) % 3]!]);
    }
  const scale = R / Math.hypot(1, PHI);
  return out.map((v) => v.map((x, k) => x * scale + c[k]!));
}

function union(points: number[][]): number[][] {
  const out: number[][] = [];
  for (const p of points)
    if (!out.some((q) => Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!, p[2]! - q[2]!) < 0.01)) out.push(p);
  return out;
}

const gold = (pts: number[][], extra: { z: number; p: number[] }[] = []) =>
  createStructure({
    numbers: [...pts.map(() => 79), ...extra.map((e) => e.z)],
    positions: [...pts.flat(), ...extra.flatMap((e) => e.p)],
  });

function reflect(p: number[], a: number[], nrm: number[]): number[] {
  const d = (p[0]! - a[0]!) * nrm[0]! + (p[1]! - a[1]!) * nrm[1]! + (p[2]! - a[2]!) * nrm[2]!;
  return p.map((x, k) => x - 2 * d * nrm[k]!);
}

describe('kernel names (fused polyhedra)', () => {
  it('one centred icosahedron', () => {
    const a = analyzeAnatomy(gold([[0, 0, 0], ...icosahedron()]));
    expect(a.kernel.description).toBe('icosahedron');
  });

  it('two icosahedra sharing a face: the Au23 face-sharing bi-icosahedron of Au38(SR)24', () => {
    const ico = [[0, 0, 0], ...icosahedron()];
    // a face: three mutually adjacent vertices (edge = 1.0515 R)
    const v = ico.slice(1);
    const edge = (i: number, j: number) =>
      Math.hypot(v[i]![0]! - v[j]![0]!, v[i]![1]! - v[j]![1]!, v[i]![2]! - v[j]![2]!) < 1.1 * R;
    let face: number[] = [];
    for (let i = 0; i < 12 && !face.length; i++)
      for (let j = i + 1; j < 12 && !face.length; j++)
        for (let k = j + 1; k < 12 && !face.length; k++)
          if (edge(i, j) && edge(j, k) && edge(i, k)) face = [i, j, k];
    const [A, B, C] = face.map((i) => v[i]!) as [number[], number[], number[]];
    const u = [B[0]! - A[0]!, B[1]! - A[1]!, B[2]! - A[2]!];
    const w = [C[0]! - A[0]!, C[1]! - A[1]!, C[2]! - A[2]!];
    const nrm = [u[1]! * w[2]! - u[2]! * w[1]!, u[2]! * w[0]! - u[0]! * w[2]!, u[0]! * w[1]! - u[1]! * w[0]!];
    const len = Math.hypot(...nrm);
    const kernel = union([
      ...ico,
      ...ico.map((p) =>
        reflect(
          p,
          A,
          nrm.map((x) => x / len),
        ),
      ),
    ]);
    expect(kernel).toHaveLength(23); // 13 + 13 − 3
    const a = analyzeAnatomy(gold(kernel));
    expect(a.kernel.description).toBe('face-sharing bi-icosahedron');
    expect(a.kernel.units).toHaveLength(2);
  });

  it('two icosahedra sharing a vertex: the Au25 rod of [Au25(PPh3)10(SR)5Cl2]2+', () => {
    const v = icosahedron()[0]!;
    const second = [2 * v[0]!, 2 * v[1]!, 2 * v[2]!];
    const kernel = union([[0, 0, 0], ...icosahedron(), second, ...icosahedron(second)]);
    expect(kernel).toHaveLength(25);
    expect(analyzeAnatomy(gold(kernel)).kernel.description).toBe('vertex-sharing bi-icosahedron');
  });

  it('two interpenetrating cuboctahedra: the rod-like Au20 kernel of Au28(SR)20', () => {
    // fcc Au, a = 4.078 Å (Kittel); the two centres are nearest neighbours
    const a = 4.078;
    const nn = a / Math.SQRT2;
    const lattice: number[][] = [];
    for (let i = -3; i <= 3; i++)
      for (let j = -3; j <= 3; j++)
        for (let k = -3; k <= 3; k++)
          if ((i + j + k) % 2 === 0) lattice.push([(i * a) / 2, (j * a) / 2, (k * a) / 2]);
    const near = (c: number[]) =>
      lattice.filter((p) => Math.hypot(p[0]! - c[0]!, p[1]! - c[1]!, p[2]! - c[2]!) < 1.01 * nn);
    const A = [0, 0, 0];
    const B = [a / 2, a / 2, 0];
    const kernel = union([A, B, ...near(A), ...near(B)]);
    expect(kernel).toHaveLength(20); // 13 + 13 − 6
    const r = analyzeAnatomy(gold(kernel));
    expect(r.kernel.description).toBe('2 interpenetrating cuboctahedra');
  });
});

describe('bridging thiolates', () => {
  it('a μ2-SR over a kernel edge is bridging, not a staple', () => {
    const ico = [[0, 0, 0], ...icosahedron()];
    const [p, q] = [
      ico[1]!,
      ico
        .slice(2)
        .find((x) => Math.hypot(x[0]! - ico[1]![0]!, x[1]! - ico[1]![1]!, x[2]! - ico[1]![2]!) < 1.1 * R)!,
    ];
    const mid = p.map((x, k) => (x + q[k]!) / 2);
    const out = Math.hypot(...mid);
    const half = Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!, p[2]! - q[2]!) / 2;
    const h = Math.sqrt(2.35 ** 2 - half ** 2); // Au–S 2.35 Å
    const sPos = mid.map((x) => x + (h * x) / out);
    const cPos = sPos.map((x) => x + (1.82 * x) / Math.hypot(...sPos)); // S–C 1.82 Å, outward
    const a = analyzeAnatomy(
      gold(ico, [
        { z: 16, p: sPos },
        { z: 6, p: cPos },
      ]),
    );
    expect(a.staples).toHaveLength(0);
    expect(a.bridging).toHaveLength(1);
    expect(a.bridging[0]!.motif).toBe('μ2-SR');
    expect(a.bridging[0]!.atom).toBe(13);
    expect(a.kernel.count).toBe(13);
  });
});

describe('short contacts', () => {
  // methane: r(C–H) = 1.087 Å, tetrahedral (Herzberg); H at (±1, ±1, ±1)·r/√3
  const ch = 1.087 / Math.sqrt(3);
  const methane = (shift: number[], flip: number) => [
    { z: 6, p: shift },
    ...[
      [1, 1, 1],
      [1, -1, -1],
      [-1, 1, -1],
      [-1, -1, 1],
    ].map((v) => ({ z: 1, p: v.map((x, k) => flip * x * ch + shift[k]!) })),
  ];
  it('an H···H clash of 0.94 Å between two methanes is reported and not bonded', () => {
    // second methane inverted and placed so that its H(−1,−1,−1) lies 0.94 Å from the first H(1,1,1)
    const along = (2 * 1.087 + 0.94) / Math.sqrt(3);
    const atoms = [...methane([0, 0, 0], 1), ...methane([along, along, along], -1)];
    const s = createStructure({ numbers: atoms.map((a) => a.z), positions: atoms.flatMap((a) => a.p) });
    const short = findShortContacts(s, findBonds(s));
    expect(short).toHaveLength(1);
    expect(short[0]).toMatchObject({ i: 1, j: 6, pair: 'H-H' });
    expect(short[0]!.distanceA).toBeCloseTo(0.94, 9);
    const a = analyzeAnatomy(s);
    expect(a.warnings[0]).toMatch(/short contact H-H 0\.940 Å between atoms 2 and 7/);
    expect(a.ligands).toEqual([expect.objectContaining({ formula: 'CH4', count: 2 })]);
  });
  it('H2 and a non-H pair below 0.7 × the covalent sum', () => {
    const h2 = createStructure({ numbers: [1, 1], positions: [0, 0, 0, 0.74, 0, 0] });
    expect(findShortContacts(h2)).toEqual([]);
    // C–C 0.95 Å < 0.7 × (0.76 + 0.76) = 1.064 Å
    const cc = createStructure({ numbers: [6, 6], positions: [0, 0, 0, 0.95, 0, 0] });
    expect(findShortContacts(cc)[0]).toMatchObject({ pair: 'C-C' });
    expect(analyzeAnatomy(cc).warnings).toHaveLength(1);
  });
});
