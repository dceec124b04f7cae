/**
 * Chirality verdict of a structure.
 *
 * - The continuous chirality measure (./chirality-measure.ts) is a property
 *   of the geometry and does not depend on the point-group tolerance.
 * - The verdict combines it with the point group found at the tolerance:
 *   'achiral' when the group has an improper operation (σ, i, S_n);
 *   'near-achiral' when the group is chiral but the measure is at most what
 *   the tolerance accepts for an improper operation (an involution g with an
 *   RMS mismatch sqrt(mean|g x_i − x_π(i)|²) equal to the absolute tolerance τ
 *   has measure 25 (τ / R)², R the RMS distance of the atoms from the centre);
 *   'chiral' otherwise. `chiral` is true only for the verdict 'chiral'.
 * - The nearest improper element is named within the reported group's own
 *   achiral supergroups, built in the group's frame (C1 → Cs, Ci, S4, S8,
 *   S16; Cn → Cnh, Cnv, S2n; Dn → Dnh, Dnd; T → Td, Th; O → Oh; I → Ih; an
 *   achiral group is its own), so that an S6 structure names i (in S6), and
 *   a near-Td structure found T names σd with "nearest: Td".
 * Two structures are mirror images when one superposes onto the reflection
 * of the other (see ./compare.ts).
 */
import {
  bestImproperOf,
  type ChiralityMeasure,
  chiralityMeasure,
  fastImproperScore,
  type ImproperElement,
  measureContext,
} from './chirality-measure.js';
import { findPointGroup, type PointGroupOptions, type PointGroupResult } from './pointgroup.js';
import type { Structure } from './structure.js';
import { type Family, rotateGroup, schoenflies, standardGroup } from './symmetry-groups.js';
import { type Mat3, mul3, rotation } from './symmetry-math.js';

export type ChiralityVerdict = 'achiral' | 'near-achiral' | 'chiral';

export interface ChiralityResult {
  /** True only for the verdict 'chiral'. */
  readonly chiral: boolean;
  readonly verdict: ChiralityVerdict;
  readonly pointGroup: string;
  /** Continuous chirality measure (0–100), independent of the tolerance. */
  readonly measure: number;
  /** The measure the tolerance accepts for an improper operation: 25 (τ / R_rms)². */
  readonly acceptedMeasure: number;
  /** The nearest improper element (same as nearest.element). */
  readonly nearestImproper: ImproperElement;
  /** The nearest improper element, the achiral group it completes, and S(⟨element⟩). */
  readonly nearest: { readonly element: ImproperElement; readonly group: string; readonly measure: number };
}

const CYCLIC_NAME: Record<ImproperElement, string> = { sigma: 'Cs', i: 'Ci', S4: 'S4', S8: 'S8', S16: 'S16' };

/** The achiral supergroups of a chiral group, as explicit operations in the group's frame. */
function achiralSupergroups(
  pg: PointGroupResult,
  best: ChiralityMeasure,
  score: (ops: Mat3[]) => number,
): { group: string; ops: Mat3[] }[] {
  if (!pg.frame) return [];
  const frame = Float64Array.from(pg.frame);
  const build = (family: Family, n: number, f: Mat3 = frame) => ({
    group: schoenflies(family, n),
    ops: rotateGroup(standardGroup(family, n), f),
  });
  const m = /^([CD])(\d+)$/.exec(pg.pointGroup);
  if (m && Number(m[2]) > 1) {
    const n = Number(m[2]);
    if (m[1] === 'D') return [build('Dnh', n), build('Dnd', n)];
    // Cnv: the σv orientation about the axis is free; screen it.
    let bestV: { group: string; ops: Mat3[]; s: number } | null = null;
    const z: [number, number, number] = [frame[2]!, frame[5]!, frame[8]!];
    for (let k = 0; k < 24; k++) {
      const f = mul3(rotation(z, (Math.PI * k) / (24 * n)), frame);
      const c = build('Cnv', n, f);
      const s = score(c.ops);
      if (!bestV || s < bestV.s) bestV = { ...c, s };
    }
    const out = [build('Cnh', n), build('S2n', n)];
    if (bestV) out.push({ group: bestV.group, ops: bestV.ops });
    return out;
  }
  switch (pg.pointGroup) {
    case 'T':
      return [build('Td', 0), build('Th', 0)];
    case 'O':
      return [build('Oh', 0)];
    case 'I':
      return [build('Ih', 0)];
    default:
      // C1: any improper element completes an achiral group.
      return [{ group: CYCLIC_NAME[best.element], ops: [Float64Array.from(best.matrix)] }];
  }
}

/** Chirality of a structure; pass a point-group result already computed to avoid repeating it. */
export function analyzeChirality(
  s: Structure,
  options: PointGroupOptions = {},
  pg?: PointGroupResult,
): ChiralityResult {
  const group = pg ?? findPointGroup(s, options);
  const mc = measureContext(s);
  const cm = chiralityMeasure(s, {}, mc);
  const n = mc.ctx.n;
  const rRms = n > 0 ? Math.sqrt(mc.norm / n) : 0;
  const acceptedMeasure = rRms > 0 ? 25 * (group.toleranceA / rRms) ** 2 : 0;
  const base = { pointGroup: group.pointGroup, measure: cm.measure, acceptedMeasure };
  if (group.order === Infinity) {
    // Kh, C∞v, D∞h: every plane through the axis is a mirror (D∞h and Kh also have i).
    const element: ImproperElement = group.pointGroup === 'Cinfv' ? 'sigma' : 'i';
    const nearest = { element, group: group.pointGroup, measure: 0 };
    return { ...base, chiral: false, verdict: 'achiral', nearestImproper: element, nearest };
  }
  const ops = group.operations.map((o) => Float64Array.from(o.matrix));
  if (group.hasImproper) {
    const own = bestImproperOf(mc, ops);
    const element = own?.element ?? cm.element;
    const nearest = { element, group: group.pointGroup, measure: own?.measure ?? cm.measure };
    return { ...base, chiral: false, verdict: 'achiral', nearestImproper: element, nearest };
  }
  const score = (o: Mat3[]) => fastImproperScore(mc, o);
  let nearest = { element: cm.element, group: CYCLIC_NAME[cm.element], measure: cm.measure };
  let first = true;
  for (const sup of achiralSupergroups(group, cm, score)) {
    const b = bestImproperOf(mc, sup.ops);
    if (b && (first || b.measure < nearest.measure)) {
      nearest = { element: b.element, group: sup.group, measure: b.measure };
      first = false;
    }
  }
  const verdict: ChiralityVerdict = cm.measure <= acceptedMeasure ? 'near-achiral' : 'chiral';
  return { ...base, chiral: verdict === 'chiral', verdict, nearestImproper: nearest.element, nearest };
}
