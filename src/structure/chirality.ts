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
  /**
   * Continuous chirality measure (0–100). For a structure found achiral it is
   * the continuous symmetry measure of its (achiral) point group, an upper
   * bound that is ≈ 0.
   */
  readonly measure: number;
  /**
   * The improper element closest to being a symmetry of the structure (for an
   * achiral structure: the kind of an improper operation of its group; S_n is
   * reported as 'S4').
   */
  readonly nearestImproper: ChiralityMeasure['element'];
}

/** Chirality of a structure; pass a point-group result already computed to avoid repeating it. */
export function analyzeChirality(
  s: Structure,
  options: PointGroupOptions = {},
  pg?: PointGroupResult,
): ChiralityResult {
  const group = pg ?? findPointGroup(s, options);
  if (group.hasImproper) {
    // Achiral within tolerance: the measure against the improper subgroup {E, g} is at most the
    // measure against the whole group (a G-symmetric structure is also {E, g}-symmetric).
    const g = group.operations.find((o) => o.kind === 'sigma' || o.kind === 'i' || o.kind === 'S');
    const element = g?.kind === 'sigma' ? 'sigma' : g?.kind === 'i' ? 'i' : 'S4';
    return {
      chiral: false,
      pointGroup: group.pointGroup,
      measure: group.measure,
      nearestImproper: g ? element : 'sigma',
    };
  }
  const cm = chiralityMeasure(s, options);
  return { chiral: true, pointGroup: group.pointGroup, measure: cm.measure, nearestImproper: cm.element };
}
