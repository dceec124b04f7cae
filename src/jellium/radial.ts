/**
 * Radial Kohn–Sham equation on a uniform grid by Numerov's method (Hartree atomic units).
 *
 * Discretisation: r_i = i·h, i = 0…M (M even, so Simpson's rule applies), u(r) = r R(r) with
 *   u'' = g(r) u,   g = 2(V(r) − ε) + l(l+1)/r²,
 * Numerov's three-point formula (local error O(h⁶), eigenvalues O(h⁴)):
 *   f_{i+1} u_{i+1} + f_{i−1} u_{i−1} + 10 f_i u_i = 12 u_i,   f_i = 1 − h² g_i / 12.
 * Boundary conditions: u ~ r^{l+1}(1 + a r²), a = (V(0) − ε)/(2l + 3), at the origin; u(r_M) = 0
 * (a hard wall far outside the cluster; box states above the vacuum level are therefore discrete).
 *
 * Eigenvalues by shooting: integrate outward to the outermost classical turning point and inward
 * from the wall, match the values there, and correct ε to first order from the mismatch of the
 * Numerov equation at the matching point (the method of P. Giannozzi's atomic codes and of
 * D. R. Hartree, "The Calculation of Atomic Structures", 1957); node counting with bisection keeps
 * the iteration on the wanted state. Nothing is allocated per call: the work arrays belong to the
 * solver.
 */

/** A uniform radial grid r_i = i h, i = 0 … m (m even). */
export interface RadialGrid {
  readonly h: number;
  /** Index of the last point (even). */
  readonly m: number;
  readonly r: Float64Array;
  /** Simpson weights (bohr) for ∫ f dr over [0, r_m]. */
  readonly w: Float64Array;
}

/** A grid of spacing close to `h0` that has `anchor` (> 0) at an even index and reaches `rMax`. */
export function makeGrid(h0: number, rMax: number, anchor?: number): RadialGrid {
  let h = h0;
  if (anchor !== undefined && anchor > 0) {
    const k = 2 * Math.max(1, Math.ceil(anchor / (2 * h0)));
    h = anchor / k;
  }
  let m = Math.ceil(rMax / h);
  if (m % 2 === 1) m++;
  const r = new Float64Array(m + 1);
  const w = new Float64Array(m + 1);
  for (let i = 0; i <= m; i++) {
    r[i] = i * h;
    w[i] = ((i === 0 || i === m ? 1 : i % 2 === 1 ? 4 : 2) * h) / 3;
  }
  return { h, m, r, w };
}

export interface Eigen {
  energy: number;
  /** Iterations of the shooting loop. */
  iterations: number;
  converged: boolean;
}

/** Numerov eigen-solver with preallocated work arrays for one grid. */
export class RadialSolver {
  readonly grid: RadialGrid;
  private readonly f: Float64Array;

  constructor(grid: RadialGrid) {
    this.grid = grid;
    this.f = new Float64Array(grid.m + 1);
  }

  /**
   * The bound state of angular momentum `l` with `nodes` radial nodes in potential `v` (Ha, on the
   * grid), written normalised (∫u² dr = 1) into `u`. `guess` (Ha) starts the search when given;
   * `eMax` bounds it from above.
   */
  solve(v: Float64Array, l: number, nodes: number, u: Float64Array, guess: number, eMax: number): Eigen {
    const { h, m, r } = this.grid;
    const f = this.f;
    const ll = l * (l + 1);
    const c = (h * h) / 12;
    // lowest value of the effective potential: the energy cannot lie below it
    let eLo = Number.POSITIVE_INFINITY;
    for (let i = 1; i <= m; i++) {
      const ri = r[i]!;
      const x = v[i]! + ll / (2 * ri * ri);
      if (x < eLo) eLo = x;
    }
    let eHi = eMax;
    let e = guess > eLo && guess < eHi ? guess : 0.5 * (eLo + eHi);
    // first index where the centrifugal term leaves Numerov well conditioned
    const i0 = Math.max(1, Math.ceil(Math.sqrt(ll / 6)));
    const tol = 1e-12;
    let it = 0;
    for (; it < 300; it++) {
      for (let i = 1; i <= m; i++) {
        const ri = r[i]!;
        f[i] = 1 + c * (2 * (e - v[i]!) - ll / (ri * ri));
      }
      // outermost classical turning point (f > 1 ⇔ g < 0)
      let icl = -1;
      for (let i = m - 2; i >= 1; i--) {
        if (f[i]! > 1) {
          icl = i;
          break;
        }
      }
      if (icl < i0 + 3) {
        eLo = e;
        e = 0.5 * (eLo + eHi);
        continue;
      }
      if (icl > m - 3) icl = m - 3;
      // outward
      for (let i = 0; i < i0; i++) u[i] = 0;
      const a = (v[0]! - e) / (2 * l + 3);
      const r0 = r[i0]!;
      const r1 = r[i0 + 1]!;
      u[i0] = r0 ** (l + 1) * (1 + a * r0 * r0);
      u[i0 + 1] = r1 ** (l + 1) * (1 + a * r1 * r1);
      let count = 0;
      for (let i = i0 + 1; i < icl; i++) {
        const next = ((12 - 10 * f[i]!) * u[i]! - f[i - 1]! * u[i - 1]!) / f[i + 1]!;
        u[i + 1] = next;
        if ((next < 0 && u[i]! > 0) || (next > 0 && u[i]! < 0)) count++;
        if (Math.abs(next) > 1e150) {
          for (let j = 0; j <= i + 1; j++) u[j]! *= 1e-150;
        }
      }
      if (count !== nodes) {
        if (count > nodes) eHi = e;
        else eLo = e;
        e = 0.5 * (eLo + eHi);
        if (eHi - eLo < 1e-14) break;
        continue;
      }
      const uOut = u[icl]!;
      // inward from the wall
      u[m] = 0;
      u[m - 1] = 1e-30;
      for (let i = m - 1; i > icl; i--) {
        const prev = ((12 - 10 * f[i]!) * u[i]! - f[i + 1]! * u[i + 1]!) / f[i - 1]!;
        u[i - 1] = prev;
        if (Math.abs(prev) > 1e150) {
          for (let j = i - 1; j <= m; j++) u[j]! *= 1e-150;
        }
      }
      const scale = uOut / u[icl]!;
      for (let i = icl; i <= m; i++) u[i]! *= scale;
      let norm = 0;
      for (let i = 1; i <= m; i++) norm += u[i]! * u[i]!;
      norm *= h;
      // mismatch of the Numerov equation at the matching point → first-order energy correction
      const ym = u[icl]!;
      const res = f[icl + 1]! * u[icl + 1]! + f[icl - 1]! * u[icl - 1]! + (10 * f[icl]! - 12) * ym;
      const de = (-0.6 * res * ym) / (h * norm);
      if (de > 0) eLo = e;
      else eHi = e;
      let eNew = e + de;
      if (!(eNew > eLo && eNew < eHi)) eNew = 0.5 * (eLo + eHi);
      const done = Math.abs(de) < tol * Math.max(1, Math.abs(e));
      e = eNew;
      if (done) {
        this.normalise(u);
        return { energy: e, iterations: it + 1, converged: true };
      }
    }
    this.normalise(u);
    return { energy: e, iterations: it, converged: false };
  }

  private normalise(u: Float64Array): void {
    const { w, m } = this.grid;
    let s = 0;
    for (let i = 0; i <= m; i++) s += w[i]! * u[i]! * u[i]!;
    const k = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let i = 0; i <= m; i++) u[i]! *= k;
  }
}

/**
 * Hartree potential of a spherical charge density `n` (electrons/bohr³ on the grid) into `out`
 * (Ha): U = r V_H solves U'' = −4π r n by Numerov, U(0) = 0, U(r_m) = ∫ n d³r (Simpson), the
 * homogeneous solution c·r fixing the outer condition. Returns the charge ∫ n d³r.
 */
export function hartree(grid: RadialGrid, n: Float64Array, out: Float64Array): number {
  const { h, m, r, w } = grid;
  let q = 0;
  for (let i = 1; i <= m; i++) q += w[i]! * n[i]! * r[i]! * r[i]!;
  q *= 4 * Math.PI;
  const c = (h * h) / 12;
  const k = -4 * Math.PI;
  // U in out[] first
  out[0] = 0;
  out[1] = 0;
  let sPrev = 0; // s_0 = -4π r_0 n_0 = 0
  let s = k * r[1]! * n[1]!;
  for (let i = 1; i < m; i++) {
    const sNext = k * r[i + 1]! * n[i + 1]!;
    out[i + 1] = 2 * out[i]! - out[i - 1]! + c * (sNext + 10 * s + sPrev);
    sPrev = s;
    s = sNext;
  }
  const slope = (q - out[m]!) / r[m]!;
  for (let i = 1; i <= m; i++) out[i] = out[i]! / r[i]! + slope;
  out[0] = (4 * out[1]! - out[2]!) / 3;
  return q;
}
