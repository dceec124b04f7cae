/**
 * Exact constructions shared by the point-group tests: 3-vectors and 3×3 matrices as plain
 * arrays (row-major), rotations by Rodrigues' formula and reflections in a plane. Written apart
 * from `symmetry-math.ts` on purpose, so that the tests build their structures independently of
 * the code they check.
 */
export type V = [number, number, number];
export type M = number[];

export const norm = (v: V): V => {
  const l = Math.hypot(...v);
  return [v[0] / l, v[1] / l, v[2] / l];
};

/** m · v. */
export const app = (m: M, v: V): V => [
  m[0]! * v[0] + m[1]! * v[1] + m[2]! * v[2],
  m[3]! * v[0] + m[4]! * v[1] + m[5]! * v[2],
  m[6]! * v[0] + m[7]! * v[1] + m[8]! * v[2],
];

/** a · b. */
export const matMul = (a: M, b: M): M => {
  const r: M = [];
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++)
      r.push(a[3 * i]! * b[j]! + a[3 * i + 1]! * b[3 + j]! + a[3 * i + 2]! * b[6 + j]!);
  return r;
};

export const transpose = (a: M): M => [a[0]!, a[3]!, a[6]!, a[1]!, a[4]!, a[7]!, a[2]!, a[5]!, a[8]!];

/** Rotation by angle (rad) about the axis (normalised here), Rodrigues' formula. */
export function rot(axis: V, angle: number): M {
  const [x, y, z] = norm(axis);
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const t = 1 - c;
  return [
    t * x * x + c,
    t * x * y - s * z,
    t * x * z + s * y,
    t * x * y + s * z,
    t * y * y + c,
    t * y * z - s * x,
    t * x * z - s * y,
    t * y * z + s * x,
    t * z * z + c,
  ];
}

/** Reflection in the plane with normal n. */
export function refl(n: V): M {
  const [x, y, z] = norm(n);
  return [
    1 - 2 * x * x,
    -2 * x * y,
    -2 * x * z,
    -2 * x * y,
    1 - 2 * y * y,
    -2 * y * z,
    -2 * x * z,
    -2 * y * z,
    1 - 2 * z * z,
  ];
}

export const INV: M = [-1, 0, 0, 0, -1, 0, 0, 0, -1];
