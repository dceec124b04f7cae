/**
 * Ideal cluster shapes built from geometry alone (no stored coordinates), for
 * tests and benchmarks: the Mackay icosahedra of 13 and 55 atoms, the 38-atom
 * fcc truncated octahedron, and the small polyhedra. Lengths are in units of
 * the nearest-neighbour distance unless `nn` is given.
 */

const PHI = (1 + Math.sqrt(5)) / 2;

/** The 12 vertices of an icosahedron with edge length `edge`, centred at the origin. */
export function icosahedronVertices(edge = 1): number[][] {
  const s = edge / 2;
  const t = (PHI * edge) / 2;
  const v: number[][] = [];
  for (const a of [-1, 1]) {
    for (const b of [-1, 1]) {
      v.push([0, a * s, b * t], [a * s, b * t, 0], [b * t, 0, a * s]);
    }
  }
  return v;
}

/**
 * Mackay icosahedron of 13 (shells = 1) or 55 (shells = 2) atoms: a centre,
 * icosahedral shells k·edge, the second shell with its 30 edge midpoints.
 */
export function mackayIcosahedron(shells: 1 | 2, nn = 1): Float64Array {
  const pts: number[][] = [[0, 0, 0]];
  // radial spacing 0.951·edge; Mackay shells are slightly compressed radially, so
  // use edge = nn for the vertices; the minimiser does the rest.
  for (let k = 1; k <= shells; k++) {
    const v = icosahedronVertices(k * nn);
    pts.push(...v);
    if (k === 2) {
      for (let i = 0; i < v.length; i++) {
        for (let j = i + 1; j < v.length; j++) {
          const d = Math.hypot(v[i]![0]! - v[j]![0]!, v[i]![1]! - v[j]![1]!, v[i]![2]! - v[j]![2]!);
          if (Math.abs(d - 2 * nn) < 1e-9) {
            pts.push([(v[i]![0]! + v[j]![0]!) / 2, (v[i]![1]! + v[j]![1]!) / 2, (v[i]![2]! + v[j]![2]!) / 2]);
          }
        }
      }
    }
  }
  return Float64Array.from(pts.flat());
}

/**
 * The 38-atom fcc truncated octahedron: fcc sites around an octahedral hole,
 * i.e. integer points with an odd coordinate sum and |r|² ≤ 5 (6 + 8 + 24
 * atoms), scaled so that the nearest-neighbour distance (√2 on that grid) is `nn`.
 */
export function truncatedOctahedron38(nn = 1): Float64Array {
  const pts: number[] = [];
  for (let x = -2; x <= 2; x++) {
    for (let y = -2; y <= 2; y++) {
      for (let z = -2; z <= 2; z++) {
        if (Math.abs(x + y + z) % 2 === 1 && x * x + y * y + z * z <= 5) pts.push(x, y, z);
      }
    }
  }
  const s = nn / Math.SQRT2;
  return Float64Array.from(pts, (c) => c * s);
}

/** Regular polyhedra with edge `nn`: triangle (3), tetrahedron (4), trigonal bipyramid (5), octahedron (6), pentagonal bipyramid (7). */
export function smallCluster(n: 2 | 3 | 4 | 5 | 6 | 7, nn = 1): Float64Array {
  const h = nn / Math.SQRT2;
  const pts: Record<number, number[]> = {
    2: [0, 0, 0, nn, 0, 0],
    3: [0, 0, 0, nn, 0, 0, nn / 2, (nn * Math.sqrt(3)) / 2, 0],
    4: [h, h, h, h, -h, -h, -h, h, -h, -h, -h, h].map((c) => c / 2 / 1),
    5: [
      0,
      0,
      0,
      nn,
      0,
      0,
      nn / 2,
      (nn * Math.sqrt(3)) / 2,
      0,
      nn / 2,
      (nn * Math.sqrt(3)) / 6,
      nn * Math.sqrt(2 / 3),
      nn / 2,
      (nn * Math.sqrt(3)) / 6,
      -nn * Math.sqrt(2 / 3),
    ],
    6: [h, 0, 0, -h, 0, 0, 0, h, 0, 0, -h, 0, 0, 0, h, 0, 0, -h],
    7: [],
  };
  if (n === 7) {
    const r = nn / (2 * Math.sin(Math.PI / 5));
    const z = Math.sqrt(nn * nn - r * r);
    const p = [0, 0, z, 0, 0, -z];
    for (let k = 0; k < 5; k++)
      p.push(r * Math.cos((2 * Math.PI * k) / 5), r * Math.sin((2 * Math.PI * k) / 5), 0);
    return Float64Array.from(p);
  }
  return Float64Array.from(pts[n]!);
}

/** fcc sites with nearest-neighbour distance `nn` within `radius` of an atom at the origin. */
export function fccBall(radius: number, nn: number): Float64Array {
  const a = nn * Math.SQRT2;
  const m = Math.ceil(radius / a) + 1;
  const pts: number[] = [];
  const basis = [
    [0, 0, 0],
    [0.5, 0.5, 0],
    [0.5, 0, 0.5],
    [0, 0.5, 0.5],
  ];
  for (let i = -m; i <= m; i++) {
    for (let j = -m; j <= m; j++) {
      for (let k = -m; k <= m; k++) {
        for (const b of basis) {
          const x = (i + b[0]!) * a;
          const y = (j + b[1]!) * a;
          const z = (k + b[2]!) * a;
          if (x * x + y * y + z * z <= radius * radius + 1e-9) pts.push(x, y, z);
        }
      }
    }
  }
  return Float64Array.from(pts);
}
