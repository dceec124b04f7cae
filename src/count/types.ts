/**
 * Types of the electron-counting layer. Every rule is `{ id, applies(f), count(f, options) }`
 * and returns its working (steps), not only a verdict. Results are plain readonly
 * objects that serialise to JSON unchanged (the CLI's `--json` prints them).
 */
import type { Formula } from '../chem/types.js';
import type { ShellModelId, ShellReport } from './shells.js';

/** Rule ids: part of the CLI contract (`superatom count --rule <id>`). */
export type RuleId =
  | 'superatom-complex'
  | 'jellium'
  | 'wade-mingos'
  | 'jemmis-mno'
  | 'mingos-pec'
  | 'octet'
  | '18-electron'
  | '32-electron'
  | 'huckel'
  | 'hirsch'
  | 'superhalogen'
  | 'polyoxometalate';

/**
 * One-word verdicts. `mingos-pec` answers with a polyhedron name instead
 * (`triangle`, `tetrahedron`, `octahedron`, `trigonal-prism`, …).
 */
export type Verdict =
  | 'closed-shell'
  | 'open-shell'
  | 'closo'
  | 'nido'
  | 'arachno'
  | 'hypho'
  | 'none'
  | 'satisfied'
  | 'deficient'
  | 'excess'
  | 'aromatic'
  | 'antiaromatic'
  | 'open-shell-aromatic'
  | 'not-aromatic';

/** One line of the working: what was counted, how many electrons it gives (signed), and why. */
export interface CountStep {
  readonly term: string;
  /** Electrons this term contributes (negative: withdrawn). For pair counts still electrons. */
  readonly electrons: number;
  readonly why: string;
}

export interface CountResult {
  readonly rule: RuleId;
  readonly applies: boolean;
  /** The rule's principal number (see `unit`); null when the rule does not apply. */
  readonly count: number | null;
  readonly unit: string;
  /** One word (see {@link Verdict}) or, for mingos-pec, a polyhedron name. */
  readonly verdict: string;
  /** Shell configuration such as `1S2 1P6`, when the rule fills shells. */
  readonly configuration?: string;
  /** What the count mimics: `halogen`, `alkali`, `alkaline-earth`, `noble-gas`, `superhalogen`, `superalkali`. */
  readonly analogue?: string;
  readonly steps: readonly CountStep[];
  readonly notes: readonly string[];
  /** Why the rule does not apply (only when `applies` is false). */
  readonly reason?: string;
  /** Shell-model details for jellium-type counts. */
  readonly shell?: ShellReport;
  /** Rule-specific extras (polyhedron class, electron pairs, vertex count …), JSON-serialisable. */
  readonly details?: Readonly<Record<string, unknown>>;
  /** The literature the rule follows. */
  readonly reference: string;
}

/** How a bare hydrogen (or a hydride ligand) counts in a metal cluster. */
export type HydrideRole = 'auto' | 'donor' | 'withdrawing';

/** One polyhedron of a condensed cluster for the Jemmis mno rule. */
export interface JemmisFragment {
  readonly kind: 'closo' | 'nido' | 'arachno' | 'hypho';
  /** Vertices present in this polyhedron (shared ones counted in every polyhedron that has them). */
  readonly vertices: number;
}

export interface JemmisDescription {
  readonly fragments: readonly JemmisFragment[];
  /** Atoms shared by each condensation (one entry per pair of fused polyhedra: 1 single vertex, 2 edge, 3 face, 4 …). */
  readonly shared: readonly number[];
}

export interface CountOptions {
  /** Shell model for superatom-complex and jellium (default `jellium`). */
  readonly model?: ShellModelId;
  /** Role of hydrides in metal clusters (default `auto`: donor in gold, withdrawing in Cu/Ag). */
  readonly hydride?: HydrideRole;
  /** Fragment description for the Jemmis mno rule. */
  readonly fragments?: JemmisDescription;
  /** π-electron count given by the user (Hückel/Hirsch rings and cages whose π count cannot be derived). */
  readonly pi?: number;
  /**
   * Superatomic units of a superatom-complex count (`--parts`): 1 reads the cluster as one spherical
   * superatom, k ≥ 2 as a superatomic molecule of k 8-electron units (default: detected, see molecule.ts).
   */
  readonly parts?: number;
}

export interface Applicability {
  readonly applies: boolean;
  /** Why (also when it applies: what kind of formula the rule recognised). */
  readonly reason: string;
}

export interface CountRule {
  readonly id: RuleId;
  /** A short human title ("Superatom complex (Walter et al. 2008)"). */
  readonly title: string;
  readonly reference: string;
  applies(formula: Formula, options?: CountOptions): Applicability;
  count(formula: Formula, options?: CountOptions): CountResult;
}
