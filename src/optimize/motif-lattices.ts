/**
 * Site lattices of the structural motifs of close-packed clusters, for the motif seeding of the
 * global searches (./seeding.ts): every candidate atom position of one motif family, from which a
 * lattice search picks the N best-bound sites. Lengths are in units of the nearest-neighbour
 * distance (scaled by the caller).
 *
 * - Icosahedral: the Mackay icosahedron of `core` + 1 shells (Mackay, Acta Cryst. 15, 916 (1962))
 *   plus the hollow sites over the faces of shell `core`, both fcc (Mackay) and hcp (anti-Mackay,
 *   polyicosahedral) stacking, as in the icosahedral lattices of Northby (J. Chem. Phys. 87, 6166
 *   (1987)) and of the "dynamic lattice searching" of Shao, Cheng & Cai (J. Chem. Phys. 120, 11401
 *   (2004)).
 * - Decahedral: five twinned fcc wedges around a five-fold axis, large enough to hold every Ino
 *   and Marks decahedron of the size (Marks, Philos. Mag. A 49, 81 (1984)).
 * - fcc: the face-centred cubic lattice about an atom, an octahedral or a tetrahedral hole.
 * - Tetrahedral: an fcc tetrahedron whose four {111} faces are twin planes, the lattice beyond each
 *   face being the mirror image of the fcc lattice (the stellated-tetrahedron packing of the
 *   stellated tetrahedron).
 * - Polytetrahedral: twinned fcc tetrahedra reflected across their faces, two levels deep from a
 *   central one, with five-fold axes along its six edges: the packing of the Leary tetrahedron
 *   (Leary & Doye, Phys. Rev. E 60, R6320 (1999)).
 */

/** One lattice: its sites (3M, nn units) and the points about which compact starts are taken. */
export interface MotifLattice {
  readonly motif: 'icosahedral' | 'anti-Mackay' | 'decahedral' | 'fcc' | 'tetrahedral';
  readonly sites: Float64Array;
  /** Candidate centres of a compact start (3K). */
  readonly centres: Float64Array;
}

const PHI = (1 + Math.sqrt(5)) / 2;

/** Points closer than this (nn units) are one site. */
const SAME_SITE = 0.3;

/** A growing list of points without near-duplicates (hashing on a 0.5-nn grid). */
class SiteSet {
  readonly coords: number[] = [];
  private readonly grid = new Map<string, number[]>();
  add(x: number, y: number, z: number): boolean {
    const gx = Math.floor(x / 0.5);
    const gy = Math.floor(y / 0.5);
    const gz = Math.floor(z / 0.5);
    for (let a = -1; a <= 1; a++)
      for (let b = -1; b <= 1; b++)
        for (let c = -1; c <= 1; c++) {
          const list = this.grid.get(`${gx + a},${gy + b},${gz + c}`);
          if (!list) continue;
          for (const k of list) {
            const dx = this.coords[3 * k]! - x;
            const dy = this.coords[3 * k + 1]! - y;
            const dz = this.coords[3 * k + 2]! - z;
            if (dx * dx + dy * dy + dz * dz < SAME_SITE * SAME_SITE) return false;
          }
        }
    const key = `${gx},${gy},${gz}`;
    const k = this.coords.length / 3;
    this.coords.push(x, y, z);
    const list = this.grid.get(key);
    if (list) list.push(k);
    else this.grid.set(key, [k]);
    return true;
  }
  get size(): number {
    return this.coords.length / 3;
  }
}

/** Keep the sites within `radius` of `c` (3-vector). */
function trim(coords: readonly number[], radius: number, c: readonly number[] = [0, 0, 0]): Float64Array {
  const out: number[] = [];
  const r2 = radius * radius;
  for (let k = 0; k < coords.length; k += 3) {
    const dx = coords[k]! - c[0]!;
    const dy = coords[k + 1]! - c[1]!;
    const dz = coords[k + 2]! - c[2]!;
    if (dx * dx + dy * dy + dz * dz <= r2) out.push(coords[k]!, coords[k + 1]!, coords[k + 2]!);
  }
  return Float64Array.from(out);
}

/** Radius (nn units) of a close-packed sphere of n atoms (volume nn³/√2 per atom). */
export function packedRadius(n: number): number {
  return Math.cbrt((3 * n) / (4 * Math.PI * Math.SQRT2));
}

/** Atoms of a Mackay icosahedron of `shells` shells: (10k³ + 15k² + 11k + 3)/3. */
export function mackayCount(shells: number): number {
  return (10 * shells ** 3 + 15 * shells ** 2 + 11 * shells + 3) / 3;
}

function icosahedron(): { v: number[][]; faces: [number, number, number][] } {
  const v: number[][] = [];
  for (const a of [-1, 1]) for (const b of [-1, 1]) v.push([0, a, b * PHI], [a, b * PHI, 0], [b * PHI, 0, a]);
  const r = Math.hypot(1, PHI);
  for (const p of v) for (let i = 0; i < 3; i++) p[i] = p[i]! / r;
  const edge = 2 / r;
  const isEdge = (a: number, b: number) =>
    Math.abs(Math.hypot(v[a]![0]! - v[b]![0]!, v[a]![1]! - v[b]![1]!, v[a]![2]! - v[b]![2]!) - edge) < 1e-9;
  const faces: [number, number, number][] = [];
  for (let a = 0; a < 12; a++)
    for (let b = a + 1; b < 12; b++)
      if (isEdge(a, b))
        for (let c = b + 1; c < 12; c++) if (isEdge(a, c) && isEdge(b, c)) faces.push([a, b, c]);
  return { v, faces };
}

/**
 * The icosahedral lattices over a Mackay core of `core` shells. `mackay`: Mackay shells
 * 0 … core + 1 (the Mackay overlayer continues the fcc stacking of the twenty tetrahedra).
 * `anti-mackay`: shells 0 … core, the hcp hollow sites over the faces of shell `core` and the
 * vertex sites of shell core + 1 (the anti-Mackay, polyicosahedral overlayer). The two overlayers
 * overlap, so they are searched as two lattices. Radial shell spacing 0.975 nn, so the (1.05×
 * longer) in-shell distances and the radial ones average about 1 nn.
 */
export function icosahedralLattice(core: number, overlayer: 'mackay' | 'anti-mackay'): MotifLattice {
  const { v, faces } = icosahedron();
  const R = 0.975;
  const set = new SiteSet();
  set.add(0, 0, 0);
  const P = (f: [number, number, number], i: number, j: number, k: number): number[] => {
    const [a, b, c] = f;
    return [0, 1, 2].map((d) => R * (i * v[a]![d]! + j * v[b]![d]! + k * v[c]![d]!));
  };
  const top = overlayer === 'mackay' ? core + 1 : core;
  for (let s = 1; s <= top; s++)
    for (const f of faces)
      for (let i = 0; i <= s; i++)
        for (let j = 0; i + j <= s; j++) {
          const p = P(f, i, j, s - i - j);
          set.add(p[0]!, p[1]!, p[2]!);
        }
  if (overlayer === 'anti-mackay') {
    for (const p of v) set.add(R * (core + 1) * p[0]!, R * (core + 1) * p[1]!, R * (core + 1) * p[2]!);
    const edge = R * 1.0514622; // edge of an icosahedron of circumradius R
    const h = edge * Math.sqrt(2 / 3);
    const c = core;
    for (const f of faces) {
      if (c < 1) break;
      const A = P(f, c, 0, 0);
      const B = P(f, 0, c, 0);
      const C = P(f, 0, 0, c);
      const ux = [B[0]! - A[0]!, B[1]! - A[1]!, B[2]! - A[2]!];
      const wx = [C[0]! - A[0]!, C[1]! - A[1]!, C[2]! - A[2]!];
      let nx = ux[1]! * wx[2]! - ux[2]! * wx[1]!;
      let ny = ux[2]! * wx[0]! - ux[0]! * wx[2]!;
      let nz = ux[0]! * wx[1]! - ux[1]! * wx[0]!;
      const len = Math.hypot(nx, ny, nz);
      const sign = nx * A[0]! + ny * A[1]! + nz * A[2]! > 0 ? 1 : -1;
      nx *= sign / len;
      ny *= sign / len;
      nz *= sign / len;
      // the "up" triangles of the face's triangular net: hcp hollows (the "down" ones are the
      // fcc hollows where the Mackay shell continues)
      for (let i = 0; i <= c - 1; i++)
        for (let j = 0; i + j <= c - 1; j++) {
          const k = c - 1 - i - j;
          const t = [P(f, i + 1, j, k), P(f, i, j + 1, k), P(f, i, j, k + 1)];
          const gx = (t[0]![0]! + t[1]![0]! + t[2]![0]!) / 3;
          const gy = (t[0]![1]! + t[1]![1]! + t[2]![1]!) / 3;
          const gz = (t[0]![2]! + t[1]![2]! + t[2]![2]!) / 3;
          set.add(gx + h * nx, gy + h * ny, gz + h * nz);
        }
    }
  }
  return {
    motif: overlayer === 'mackay' ? 'icosahedral' : 'anti-Mackay',
    sites: Float64Array.from(set.coords),
    centres: Float64Array.of(0, 0, 0),
  };
}

/**
 * The decahedral lattice: a five-fold axis (z) and five fcc wedges, column n of a wedge at
 * distance n·(√3/2) nn from the axis and shifted by n/2 along it, trimmed to a sphere of
 * `radius` nn. Start centres on the axis at z = 0 and 0.5 (the two axial registries).
 */
export function decahedralLattice(radius: number): MotifLattice {
  const a = Math.sqrt(3) / 2;
  const vert: [number, number][] = [];
  for (let m = 0; m < 5; m++) {
    const t = (2 * Math.PI * m) / 5 + Math.PI / 2;
    vert.push([a * Math.cos(t), a * Math.sin(t)]);
  }
  const Z = Math.ceil(radius) + 1;
  const rings = Math.ceil(radius / (a * Math.cos(Math.PI / 5))) + 1;
  const pts: number[] = [];
  for (let k = -Z; k <= Z; k++) pts.push(0, 0, k);
  for (let n = 1; n <= rings; n++)
    for (let m = 0; m < 5; m++) {
      const v1 = vert[(m + 4) % 5]!;
      const v2 = vert[m]!;
      for (let i = 0; i < n; i++) {
        const x = (n - i) * v1[0] + i * v2[0];
        const y = (n - i) * v1[1] + i * v2[1];
        for (let k = -Z; k <= Z; k++) pts.push(x, y, k + (n % 2) / 2);
      }
    }
  return { motif: 'decahedral', sites: trim(pts, radius), centres: Float64Array.of(0, 0, 0, 0, 0, 0.5) };
}

/**
 * The fcc lattice within `radius` nn of the origin, centred on an atom, an octahedral hole or a
 * tetrahedral hole (the three start centres are the origin of three shifted copies: `shift` 0, 1, 2).
 */
export function fccLattice(radius: number, shift: 0 | 1 | 2): MotifLattice {
  const s = 1 / Math.SQRT2; // cubic grid step: neighbours (1,1,0) are √2 grid units apart
  const off = shift === 0 ? [0, 0, 0] : shift === 1 ? [1, 0, 0] : [0.5, 0.5, 0.5];
  const m = Math.ceil(radius / s) + 2;
  const pts: number[] = [];
  for (let i = -m; i <= m; i++)
    for (let j = -m; j <= m; j++)
      for (let k = -m; k <= m; k++)
        if ((((i + j + k) % 2) + 2) % 2 === 0)
          pts.push((i - off[0]!) * s, (j - off[1]!) * s, (k - off[2]!) * s);
  return { motif: 'fcc', sites: trim(pts, radius), centres: Float64Array.of(0, 0, 0) };
}

/**
 * The twinned tetrahedral lattice: an fcc tetrahedron with `edge` atoms along an edge (≥ 2)
 * whose faces are {111} twin planes; beyond each face the sites are the mirror images of the fcc
 * sites behind it. Trimmed to `radius` nn about the tetrahedron's centroid (the start centre).
 */
export function tetrahedralLattice(edge: number, radius: number): MotifLattice {
  const normals = [
    [1, 1, 1],
    [1, -1, -1],
    [-1, 1, -1],
    [-1, -1, 1],
  ];
  // faces n_f·p = D_f on the cubic grid (fcc points: even coordinate sum); Σ D_f = 2(edge − 1)
  const total = 2 * (edge - 1);
  const D = [0, 0, 0, 0].map((_, f) => Math.floor(total / 4) + (f < total % 4 ? 1 : 0));
  // parity: every plane must be a lattice plane (n·p ≡ Σp mod 2 for every normal)
  const parity = D[0]! % 2;
  if (D.some((d) => d % 2 !== parity)) {
    // shift planes pairwise to equal parity: add 1 to one and subtract 1 from another keeps Σ
    for (let f = 0; f < 4; f++) if (D[f]! % 2 !== parity) D[f] = D[f]! + (f % 2 === 0 ? 1 : -1);
  }
  // centroid of the tetrahedron ∩ n_f·p ≤ D_f: solve n_f·c = D_f − t for the inscribed centre
  // (equal distance t/√3 to every face): Σ_f n_f = 0, so c = ¼ Σ_f D_f n_f · (3/4)…; solve directly.
  // n_f·c = D_f − t for all f; summing: 0 = ΣD − 4t → t = ΣD/4; c = (1/4) Σ_f (D_f − t) n_f ·(3/3)
  const t = (D[0]! + D[1]! + D[2]! + D[3]!) / 4;
  const c = [0, 0, 0];
  for (let f = 0; f < 4; f++) for (let d = 0; d < 3; d++) c[d] = c[d]! + ((D[f]! - t) * normals[f]![d]!) / 4;
  const s = 1 / Math.SQRT2;
  const rGrid = radius / s;
  const m = Math.ceil(rGrid + Math.hypot(c[0]!, c[1]!, c[2]!)) + 3;
  const set = new SiteSet();
  const par = ((parity % 2) + 2) % 2;
  const excess = (p: readonly number[], f: number) =>
    normals[f]![0]! * p[0]! + normals[f]![1]! * p[1]! + normals[f]![2]! * p[2]! - D[f]!;
  const region = (p: readonly number[]) => {
    let best = -1;
    let e = 0;
    for (let f = 0; f < 4; f++) {
      const x = excess(p, f);
      if (x > e + 1e-9) {
        e = x;
        best = f;
      }
    }
    return best; // −1: inside the central tetrahedron
  };
  for (let i = -m; i <= m; i++)
    for (let j = -m; j <= m; j++)
      for (let k = -m; k <= m; k++) {
        if ((((i + j + k) % 2) + 2) % 2 !== par) continue;
        const p = [i, j, k];
        if ((i - c[0]!) ** 2 + (j - c[1]!) ** 2 + (k - c[2]!) ** 2 > (rGrid + 2) ** 2) continue;
        if (region(p) === -1) set.add(i * s, j * s, k * s);
        // mirror images across each face plane of the points behind it
        for (let f = 0; f < 4; f++) {
          const x = excess(p, f);
          if (x >= 0) continue;
          const q = [0, 1, 2].map((d) => p[d]! - (2 * x * normals[f]![d]!) / 3);
          if (region(q) === f) set.add(q[0]! * s, q[1]! * s, q[2]! * s);
        }
      }
  // add the face-plane sites themselves (they belong to both sides)
  const cs = c.map((x) => x * s);
  return { motif: 'tetrahedral', sites: trim(set.coords, radius, cs), centres: Float64Array.from(cs) };
}

/**
 * The polytetrahedral lattice of twinned fcc tetrahedra: a central fcc tetrahedron with `edge`
 * atoms along each edge, reflected across its faces (twin planes) `depth` times. Depth 1 adds the
 * four face twins (the stellated tetrahedron); depth 2 adds two more tetrahedra around each edge of
 * the central one, which closes a five-fold (decahedral, 7.35° short) axis along all six edges: the
 * packing of the Leary tetrahedron (Leary & Doye, Phys. Rev. E 60, R6320 (1999): LJ98, Td). A
 * reflected tetrahedron that lands on one already placed (centroids within 0.4 edge) is dropped;
 * sites closer than 0.45 nn (across the 7.35° gaps) are merged into their mean. Trimmed to `radius`
 * nn about the centre of the central tetrahedron (the start centre).
 */
export function polytetrahedralLattice(edge: number, depth: number, radius: number): MotifLattice {
  const len = edge - 1;
  const h = len / Math.sqrt(8);
  const first = [
    [h, h, h],
    [h, -h, -h],
    [-h, h, -h],
    [-h, -h, h],
  ];
  const centroid = (t: number[][]) =>
    [0, 1, 2].map((d) => (t[0]![d]! + t[1]![d]! + t[2]![d]! + t[3]![d]!) / 4);
  const tets = [first];
  const centroids = [centroid(first)];
  let frontier = [first];
  for (let level = 0; level < depth; level++) {
    const next: number[][][] = [];
    for (const t of frontier)
      for (let f = 0; f < 4; f++) {
        const face = t.filter((_, i) => i !== f);
        const [a, b, c] = face as [number[], number[], number[]];
        const u = [b[0]! - a[0]!, b[1]! - a[1]!, b[2]! - a[2]!];
        const v = [c[0]! - a[0]!, c[1]! - a[1]!, c[2]! - a[2]!];
        const nrm = [
          u[1]! * v[2]! - u[2]! * v[1]!,
          u[2]! * v[0]! - u[0]! * v[2]!,
          u[0]! * v[1]! - u[1]! * v[0]!,
        ];
        const ln = Math.hypot(nrm[0]!, nrm[1]!, nrm[2]!);
        const p = t[f]!;
        const dist = ((p[0]! - a[0]!) * nrm[0]! + (p[1]! - a[1]!) * nrm[1]! + (p[2]! - a[2]!) * nrm[2]!) / ln;
        const apex = [0, 1, 2].map((d) => p[d]! - (2 * dist * nrm[d]!) / ln);
        const nt = [...face, apex];
        const c2 = centroid(nt);
        if (centroids.some((q) => Math.hypot(q[0]! - c2[0]!, q[1]! - c2[1]!, q[2]! - c2[2]!) < 0.4 * len))
          continue;
        centroids.push(c2);
        tets.push(nt);
        next.push(nt);
      }
    frontier = next;
  }
  // sites of every tetrahedron; near-coincident ones (twin planes, the 7.35° gaps) merged
  const sum: number[] = [];
  const count: number[] = [];
  const merge2 = 0.45 * 0.45;
  for (const [a, b, c, d] of tets as [number[], number[], number[], number[]][])
    for (let i = 0; i <= len; i++)
      for (let j = 0; j <= len - i; j++)
        for (let l = 0; l <= len - i - j; l++) {
          const p = [0, 1, 2].map(
            (k) => a[k]! + ((b[k]! - a[k]!) * i + (c[k]! - a[k]!) * j + (d[k]! - a[k]!) * l) / len,
          );
          let hit = -1;
          for (let s = 0; s < count.length && hit < 0; s++) {
            const w = count[s]!;
            const dx = sum[3 * s]! / w - p[0]!;
            const dy = sum[3 * s + 1]! / w - p[1]!;
            const dz = sum[3 * s + 2]! / w - p[2]!;
            if (dx * dx + dy * dy + dz * dz < merge2) hit = s;
          }
          if (hit < 0) {
            sum.push(p[0]!, p[1]!, p[2]!);
            count.push(1);
          } else {
            for (let k = 0; k < 3; k++) sum[3 * hit + k] = sum[3 * hit + k]! + p[k]!;
            count[hit] = count[hit]! + 1;
          }
        }
  const coords = sum.map((v, k) => v / count[Math.floor(k / 3)]!);
  return { motif: 'tetrahedral', sites: trim(coords, radius), centres: Float64Array.of(0, 0, 0) };
}
