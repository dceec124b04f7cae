/**
 * Small vector maths on flat Float64Array coordinate buffers (x0,y0,z0,x1,…),
 * in the style of Mol*'s vec3: functions write into an `out` argument so hot
 * loops allocate nothing.
 */

export type Vec3 = [number, number, number];

export function dist2(p: ArrayLike<number>, i: number, j: number): number {
  const dx = p[3 * i]! - p[3 * j]!;
  const dy = p[3 * i + 1]! - p[3 * j + 1]!;
  const dz = p[3 * i + 2]! - p[3 * j + 2]!;
  return dx * dx + dy * dy + dz * dz;
}

export function dist(p: ArrayLike<number>, i: number, j: number): number {
  return Math.sqrt(dist2(p, i, j));
}

export function centroid(p: ArrayLike<number>, out: Vec3 = [0, 0, 0]): Vec3 {
  const n = p.length / 3;
  let x = 0;
  let y = 0;
  let z = 0;
  for (let i = 0; i < n; i++) {
    x += p[3 * i]!;
    y += p[3 * i + 1]!;
    z += p[3 * i + 2]!;
  }
  out[0] = n ? x / n : 0;
  out[1] = n ? y / n : 0;
  out[2] = n ? z / n : 0;
  return out;
}

export function dot(a: Vec3, b: Vec3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

export function cross(a: Vec3, b: Vec3, out: Vec3 = [0, 0, 0]): Vec3 {
  const x = a[1] * b[2] - a[2] * b[1];
  const y = a[2] * b[0] - a[0] * b[2];
  const z = a[0] * b[1] - a[1] * b[0];
  out[0] = x;
  out[1] = y;
  out[2] = z;
  return out;
}

export function norm(a: Vec3): number {
  return Math.hypot(a[0], a[1], a[2]);
}

export function normalize(a: Vec3, out: Vec3 = [0, 0, 0]): Vec3 {
  const n = norm(a) || 1;
  out[0] = a[0] / n;
  out[1] = a[1] / n;
  out[2] = a[2] / n;
  return out;
}

export function sub(a: Vec3, b: Vec3, out: Vec3 = [0, 0, 0]): Vec3 {
  out[0] = a[0] - b[0];
  out[1] = a[1] - b[1];
  out[2] = a[2] - b[2];
  return out;
}

export function scale(a: Vec3, s: number, out: Vec3 = [0, 0, 0]): Vec3 {
  out[0] = a[0] * s;
  out[1] = a[1] * s;
  out[2] = a[2] * s;
  return out;
}
