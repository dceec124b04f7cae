/**
 * Chirality: a structure is chiral when its point group (at the given
 * tolerance) has no improper operation (σ, i, S_n), i.e. it is C1, Cn, Dn,
 * T, O or I. The continuous chirality measure (Zabrodsky & Avnir, J. Am.
 * Chem. Soc. 117, 462 (1995)) says how far it is from the nearest achiral
 * structure; two structures are mirror images when one superposes onto the
 * reflection of the other (see ./compare.ts).
 */
import {
  type ChiralityMeasure,
  chiralityMeasure,
  findPointGroup,
  type PointGroupOptions,
  type PointGroupResult,
} from './pointgroup.js';
import type { Structure } from './structure.js';

export interface ChiralityResult {
  readonly chiral: boolean;
  readonly pointGroup: string;
  /** Continuous chirality measure (0–100; ≈ 0 for achiral structures). */
  readonly measure: number;
  /** The improper element closest to being a symmetry of the structure. */
  readonly nearestImproper: ChiralityMeasure['element'];
}

/** Chirality of a structure; pass a point-group result already computed to avoid repeating it. */
export function analyzeChirality(
  s: Structure,
  options: PointGroupOptions = {},
  pg?: PointGroupResult,
): ChiralityResult {
  const group = pg ?? findPointGroup(s, options);
  const cm = chiralityMeasure(s, options);
  return {
    chiral: !group.hasImproper,
    pointGroup: group.pointGroup,
    measure: group.hasImproper ? Math.min(cm.measure, group.measure) : cm.measure,
    nearestImproper: cm.element,
  };
}
