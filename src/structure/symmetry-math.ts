/**
 * Small dense linear algebra for symmetry analysis: 3×3 orthogonal matrices
 * (row-major `Mat3`, 9 numbers), a cyclic Jacobi eigen-solver for small
 * symmetric matrices, and optimal superposition (Horn's quaternion method).
 *
 * References: B. K. P. Horn, J. Opt. Soc. Am. A 4, 629 (1987) (closed-form
 * absolute orientation with unit quaternions); W. Kabsch, Acta Cryst. A 32,
 * 922 (1976); Golub & Van Loan, Matrix Computations, §8.5 (Jacobi method).
 */

export type Mat3 = Float64Array;
export type V3 = [number, number, number];

export function identity3(): Mat3 {
  return Float64Array.of(1, 0, 0, 0, 1, 0, 0, 0, 1);
}

export function mul3(a: Mat3, b: Mat3, out: Mat3 = new Float64Array(9)): Mat3 {
  const r = new Float64Array(9);
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      r[3 * i + j] = a[3 * i]! * b[j]! + a[3 * i + 1]! * b[3 + j]! + a[3 * i + 2]! * b[6 + j]!;
    }
  }
  out.set(r);
  return out;
}

export function transpose3(a: Mat3): Mat3 {
  return Float64Array.of(a[0]!, a[3]!, a[6]!, a[1]!, a[4]!, a[7]!, a[2]!, a[5]!, a[8]!);
}

export function det3(a: Mat3): number {
  return (
    a[0]! * (a[4]! * a[8]! - a[5]! * a[7]!) -
    a[1]! * (a[3]! * a[8]! - a[5]! * a[6]!) +
    a[2]! * (a[3]! * a[7]! - a[4]! * a[6]!)
  );
}

/** Frobenius distance between two 3×3 matrices. */
export function matDistance(a: Mat3, b: Mat3): number {
  let s = 0;
  for (let k = 0; k < 9; k++) {
    const d = a[k]! - b[k]!;
    s += d * d;
  }
  return Math.sqrt(s);
}

export function normalize(v: V3): V3 {
  const n = Math.hypot(v[0], v[1], v[2]);
  return n > 0 ? [v[0] / n, v[1] / n, v[2] / n] : [0, 0, 0];
}

export function dot3(a: V3, b: V3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

export function cross3(a: V3, b: V3): V3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

export function apply3(m: Mat3, v: V3): V3 {
  return [
    m[0]! * v[0] + m[1]! * v[1] + m[2]! * v[2],
    m[3]! * v[0] + m[4]! * v[1] + m[5]! * v[2],
    m[6]! * v[0] + m[7]! * v[1] + m[8]! * v[2],
  ];
}

/** Proper rotation by `angle` (rad) about the unit vector `u` (Rodrigues' formula). */
export function rotation(u: V3, angle: number): Mat3 {
  const [x, y, z] = u;
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const t = 1 - c;
  return Float64Array.of(
    t * x * x + c,
    t * x * y - s * z,
    t * x * z + s * y,
    t * x * y + s * z,
    t * y * y + c,
    t * y * z - s * x,
    t * x * z - s * y,
    t * y * z + s * x,
    t * z * z + c,
  );
}

/** Reflection through the plane through the origin with unit normal `n`. */
export function reflection(n: V3): Mat3 {
  const [x, y, z] = n;
  return Float64Array.of(
    1 - 2 * x * x,
    -2 * x * y,
    -2 * x * z,
    -2 * x * y,
    1 - 2 * y * y,
    -2 * y * z,
    -2 * x * z,
    -2 * y * z,
    1 - 2 * z * z,
  );
}

/** Improper rotation S(angle): rotation by `angle` about `u` followed by reflection in the plane ⟂ u. */
export function improper(u: V3, angle: number): Mat3 {
  return mul3(reflection(u), rotation(u, angle));
}

export function inversion(): Mat3 {
  return Float64Array.of(-1, 0, 0, 0, -1, 0, 0, 0, -1);
}

/**
 * Axis of an orthogonal matrix: for a proper rotation the eigenvector with
 * eigenvalue +1, for an improper one the eigenvector with eigenvalue −1 (the
 * rotation axis of −M). Uses M' + M'ᵀ − (tr M' − 1) I = 2(1 − cos θ) u uᵀ
 * with M' = ±M proper; returns null for the identity (and for −I).
 */
export function axisOf(m: Mat3): V3 | null {
  const sgn = det3(m) < 0 ? -1 : 1;
  const tr = sgn * (m[0]! + m[4]! + m[8]!);
  const k = new Float64Array(9);
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) k[3 * i + j] = sgn * (m[3 * i + j]! + m[3 * j + i]!) - (i === j ? tr - 1 : 0);
  }
  let best = -1;
  let bestN = 0;
  for (let j = 0; j < 3; j++) {
    const n = Math.hypot(k[j]!, k[3 + j]!, k[6 + j]!);
    if (n > bestN) {
      bestN = n;
      best = j;
    }
  }
  if (bestN < 1e-9) return null;
  let u: V3 = [k[best]! / bestN, k[3 + best]! / bestN, k[6 + best]! / bestN];
  // Orient so that the rotation angle of ±M about u is in [0, π]: sin θ u = (M' − M'ᵀ)/2 (axial vector).
  const ax: V3 = [sgn * (m[7]! - m[5]!), sgn * (m[2]! - m[6]!), sgn * (m[3]! - m[1]!)];
  if (dot3(ax, u) < 0) u = [-u[0], -u[1], -u[2]];
  return u;
}

/**
 * Eigen-decomposition of a small symmetric matrix (row-major, n×n) by the
 * cyclic Jacobi method. Returns eigenvalues in descending order and the
 * eigenvectors as rows of `vectors` (vectors[k] belongs to values[k]).
 */
export function symmetricEigen(a: ArrayLike<number>, n: number): { values: number[]; vectors: number[][] } {
  const m = Array.from({ length: n * n }, (_, k) => a[k]!);
  const v: number[] = Array.from({ length: n * n }, (_, k) => (k % (n + 1) === 0 ? 1 : 0));
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    let scale = 0;
    for (let p = 0; p < n; p++) {
      for (let q = 0; q < n; q++) {
        if (p !== q) off += m[p * n + q]! ** 2;
        scale += m[p * n + q]! ** 2;
      }
    }
    if (off <= 1e-30 * Math.max(scale, 1e-300)) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const app = m[p * n + p]!;
        const aqq = m[q * n + q]!;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const mkp = m[k * n + p]!;
          const mkq = m[k * n + q]!;
          m[k * n + p] = c * mkp - s * mkq;
          m[k * n + q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p * n + k]!;
          const mqk = m[q * n + k]!;
          m[p * n + k] = c * mpk - s * mqk;
          m[q * n + k] = s * mpk + c * mqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!;
          const vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, k) => k).sort((i, j) => m[j * n + j]! - m[i * n + i]!);
  return {
    values: order.map((k) => m[k * n + k]!),
    vectors: order.map((k) => Array.from({ length: n }, (_, r) => v[r * n + k]!)),
  };
}

/**
 * Optimal rotation R (proper, det +1) minimising Σ w_i |R a_i − b_i|² for the
 * 3×3 correlation matrix S = Σ w_i a_i b_iᵀ (row-major, S[3α+β] = Σ a_α b_β),
 * by Horn's quaternion method: the quaternion is the eigenvector of the
 * largest eigenvalue of the symmetric 4×4 matrix built from S.
 * Returns R and the maximised value Σ w_i b_i·(R a_i).
 */
export function hornRotation(s: ArrayLike<number>): { r: Mat3; score: number } {
  const sxx = s[0]!;
  const sxy = s[1]!;
  const sxz = s[2]!;
  const syx = s[3]!;
  const syy = s[4]!;
  const syz = s[5]!;
  const szx = s[6]!;
  const szy = s[7]!;
  const szz = s[8]!;
  const n = [
    sxx + syy + szz,
    syz - szy,
    szx - sxz,
    sxy - syx,
    syz - szy,
    sxx - syy - szz,
    sxy + syx,
    szx + sxz,
    szx - sxz,
    sxy + syx,
    -sxx + syy - szz,
    syz + szy,
    sxy - syx,
    szx + sxz,
    syz + szy,
    -sxx - syy + szz,
  ];
  const { values, vectors } = symmetricEigen(n, 4);
  const [q0, q1, q2, q3] = vectors[0]! as [number, number, number, number];
  const r = Float64Array.of(
    q0 * q0 + q1 * q1 - q2 * q2 - q3 * q3,
    2 * (q1 * q2 - q0 * q3),
    2 * (q1 * q3 + q0 * q2),
    2 * (q1 * q2 + q0 * q3),
    q0 * q0 - q1 * q1 + q2 * q2 - q3 * q3,
    2 * (q2 * q3 - q0 * q1),
    2 * (q1 * q3 - q0 * q2),
    2 * (q2 * q3 + q0 * q1),
    q0 * q0 - q1 * q1 - q2 * q2 + q3 * q3,
  );
  return { r, score: values[0]! };
}

/**
 * Optimal orthogonal matrix M mapping points a_i onto b_{perm[i]} (both flat
 * 3N arrays, already centred), proper (det +1) or improper (det −1).
 */
export function fitOrthogonal(
  a: Float64Array,
  b: Float64Array,
  perm: Int32Array | null,
  improperFit: boolean,
): Mat3 {
  const s = new Float64Array(9);
  const n = a.length / 3;
  const sg = improperFit ? -1 : 1;
  for (let i = 0; i < n; i++) {
    const j = perm ? perm[i]! : i;
    if (j < 0) continue;
    for (let p = 0; p < 3; p++) {
      const ap = sg * a[3 * i + p]!;
      for (let q = 0; q < 3; q++) s[3 * p + q] = s[3 * p + q]! + ap * b[3 * j + q]!;
    }
  }
  const { r } = hornRotation(s);
  if (improperFit) for (let k = 0; k < 9; k++) r[k] = -r[k]!;
  return r;
}

/** Two unit vectors perpendicular to u and to each other (right-handed u, e1, e2). */
export function perpendicularBasis(u: V3): [V3, V3] {
  const t: V3 = Math.abs(u[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0];
  const e1 = normalize(cross3(u, t));
  const e2 = cross3(u, e1);
  return [e1, e2];
}
