/**
 * Subgroup relation between two point-group results of the same structure,
 * decided geometrically from their operations (not from the Schoenflies
 * symbols alone, which would call a Td and a Th that share their T both
 * "order 24" and miss that neither contains the other): A ⊆ B when every
 * operation of A is, within an angular tolerance, an operation of B. Linear
 * groups are the sets {g : g u = u} (C∞v) and {g : g u = ±u} (D∞h) for the
 * molecular axis u; Kh contains every operation.
 */
import type { PointGroupResult } from './pointgroup.js';
import { apply3, dot3, type Mat3, type V3 } from './symmetry-math.js';

type Group = Pick<PointGroupResult, 'pointGroup' | 'operations' | 'mainAxis'>;

function frobenius(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let k = 0; k < 9; k++) s += (a[k]! - b[k]!) ** 2;
  return Math.sqrt(s);
}

/** Whether the orthogonal matrix m belongs to the linear group `kind` about u (within `tol`). */
function inLinear(m: readonly number[], kind: string, u: V3, tol: number): boolean {
  const v = apply3(Float64Array.from(m) as Mat3, u);
  const c = dot3(v, u);
  return kind === 'Dinfh' ? Math.abs(c) > 1 - tol * tol : c > 1 - tol * tol;
}

/**
 * True when every operation of `a` is an operation of `b` (Frobenius distance
 * between matrices ≤ `tol`, default 0.15 ≈ 6° of rotation: frames refined at
 * different tolerances on a noisy structure differ by the noise over the
 * radius).
 */
export function isSubgroupOf(a: Group, b: Group, tol = 0.15): boolean {
  if (b.pointGroup === 'Kh') return true;
  if (a.pointGroup === 'Kh') return false;
  const linearB = b.pointGroup === 'Cinfv' || b.pointGroup === 'Dinfh';
  const linearA = a.pointGroup === 'Cinfv' || a.pointGroup === 'Dinfh';
  if (linearA) {
    if (!linearB || !a.mainAxis || !b.mainAxis) return false;
    if (Math.abs(dot3(a.mainAxis, b.mainAxis)) < 1 - tol * tol) return false;
    return a.pointGroup === 'Cinfv' || b.pointGroup === 'Dinfh';
  }
  if (linearB) {
    const u = b.mainAxis;
    if (!u) return false;
    return a.operations.every((o) => inLinear(o.matrix, b.pointGroup, u, tol));
  }
  return a.operations.every((o) => b.operations.some((p) => frobenius(o.matrix, p.matrix) <= tol));
}
