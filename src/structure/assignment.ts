/**
 * Linear assignment (Hungarian method, shortest augmenting paths with
 * potentials; Kuhn 1955, Munkres 1957, in the O(n²m) form of Jonker &
 * Volgenant, Computing 38, 325 (1987)).
 */

/**
 * Minimum-cost assignment of each of n rows to a distinct one of m ≥ n
 * columns. `cost` is row-major n×m. Returns, for each row, its column.
 */
export function hungarian(cost: ArrayLike<number>, n: number, m: number): Int32Array {
  if (m < n) throw new RangeError(`assignment needs columns ≥ rows, got ${n}×${m}`);
  // Non-finite costs would leave no column to augment to (an endless loop): refuse them.
  for (let k = 0; k < n * m; k++) {
    if (!Number.isFinite(cost[k]!))
      throw new RangeError(`assignment cost ${cost[k]} at row ${Math.floor(k / m)}`);
  }
  const INF = Number.POSITIVE_INFINITY;
  // 1-based arrays as in the classical formulation; p[j] = row matched to column j.
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const p = new Int32Array(m + 1);
  const way = new Int32Array(m + 1);
  const minv = new Float64Array(m + 1);
  const used = new Uint8Array(m + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    minv.fill(INF);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      let delta = INF;
      let j1 = 0;
      const row = (i0 - 1) * m;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = cost[row + j - 1]! - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]!] = u[p[j]!]! + delta;
          v[j] = v[j]! - delta;
        } else minv[j] = minv[j]! - delta;
      }
      // With finite costs some unused column always has minv < ∞; guard against a stall anyway.
      if (j1 === 0) throw new RangeError('assignment did not find an augmenting column');
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0);
  }
  const out = new Int32Array(n).fill(-1);
  for (let j = 1; j <= m; j++) if (p[j]! > 0) out[p[j]! - 1] = j - 1;
  return out;
}
