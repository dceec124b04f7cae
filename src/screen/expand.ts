/**
 * Design-space expansion: each space entry's variables are combined (Cartesian product, in the
 * order the plan gives them, last variable fastest) and substituted into the formula template.
 * A candidate's job inputs are its formula and pipeline only; the job id is the SHA-256 of their
 * canonical JSON, so the same candidate in two plans (or submitted twice) is one job.
 */
import { hillFormula } from '../chem/composition.js';
import { InputError } from '../core/errors.js';
import { elementByZ } from '../data/index.js';
import { canonicalJson, sha256 } from './hash.js';
import type { Plan, SpaceBlock, Step } from './plan.js';

/** What a job computes from: the whole of it is hashed into the job id. */
export interface JobInputs {
  /** Version of the job-input format. */
  readonly v: 1;
  /** The candidate's formula (placeholders substituted). */
  readonly formula: string;
  readonly pipeline: readonly Step[];
  /** A candidate read from a structure file (Å, e): the build step is not needed. */
  readonly structure?: StructureInput;
}

export interface StructureInput {
  readonly numbers: readonly number[];
  readonly positions: readonly number[];
  readonly charge: number;
}

/** Reads a plan's structure file (an edge supplies it): every frame. */
export type StructureLoader = (path: string) => readonly StructureInput[];

/** The formula of a structure: Hill order in brackets with its charge, e.g. [Au12W]0. */
export function structureFormula(s: StructureInput): string {
  const c: Record<string, number> = {};
  for (const z of s.numbers) {
    const sym = elementByZ(z)?.symbol;
    if (!sym) throw new InputError('plan-structure', `atomic number ${z} is not an element`);
    c[sym] = (c[sym] ?? 0) + 1;
  }
  const q = s.charge;
  return `[${hillFormula(c)}]${q > 0 ? `+${q}` : String(q)}`;
}

export interface Candidate {
  /** Position in the expanded plan (0-based), after de-duplication. */
  readonly index: number;
  /** Index of the space entry it came from. */
  readonly block: number;
  readonly vars: Readonly<Record<string, string | number>>;
  readonly inputs: JobInputs;
  /** sha256 (hex) of canonicalJson(inputs). */
  readonly jobId: string;
}

export function jobIdOf(inputs: JobInputs): string {
  return sha256(canonicalJson(inputs));
}

/**
 * Substitute {name} placeholders. A number right after ']' is a charge and is written with its
 * sign (+1, -2, 0), which the formula language reads as the ion's charge.
 */
export function fillTemplate(template: string, vars: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_whole, name: string, offset: number) => {
    const v = vars[name];
    if (v === undefined) {
      throw new InputError('plan-var', `the formula template uses {${name}} but no value was given`);
    }
    if (typeof v === 'number' && template[offset - 1] === ']') return v > 0 ? `+${v}` : String(v);
    return String(v);
  });
}

function* combinations(block: SpaceBlock): Generator<Record<string, string | number>> {
  const n = block.vars.length;
  const idx = new Array<number>(n).fill(0);
  if (block.vars.some((v) => v.values.length === 0)) return;
  for (;;) {
    const out: Record<string, string | number> = {};
    block.vars.forEach((v, i) => {
      out[v.name] = v.values[idx[i]!]!;
    });
    yield out;
    let k = n - 1;
    while (k >= 0) {
      idx[k]!++;
      if (idx[k]! < block.vars[k]!.values.length) break;
      idx[k] = 0;
      k--;
    }
    if (k < 0) return;
  }
}

/** Every candidate of a plan, duplicates (same job id) dropped, first kept. */
export function expandPlan(plan: Plan, load?: StructureLoader): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  plan.space.forEach((block, b) => {
    if (block.structures) {
      if (!load)
        throw new InputError('plan-structures', 'this plan lists structure files; they must be read first');
      for (const file of block.structures) {
        load(file).forEach((frame, k) => {
          const structure: StructureInput = {
            numbers: Array.from(frame.numbers),
            positions: Array.from(frame.positions),
            charge: block.charge ?? frame.charge,
          };
          const inputs: JobInputs = {
            v: 1,
            formula: structureFormula(structure),
            pipeline: block.pipeline,
            structure,
          };
          const jobId = jobIdOf(inputs);
          if (seen.has(jobId)) return;
          seen.add(jobId);
          out.push({ index: out.length, block: b, vars: { file, frame: k }, inputs, jobId });
        });
      }
      return;
    }
    for (const vars of combinations(block)) {
      const inputs: JobInputs = {
        v: 1,
        formula: fillTemplate(block.formula, vars),
        pipeline: block.pipeline,
      };
      const jobId = jobIdOf(inputs);
      if (seen.has(jobId)) continue;
      seen.add(jobId);
      out.push({ index: out.length, block: b, vars, inputs, jobId });
    }
  });
  return out;
}

/** The screen id: the plan name and its job ids, in order, hashed. */
export function screenIdOf(plan: Plan, candidates: readonly Candidate[]): string {
  return sha256(canonicalJson({ name: plan.name, jobs: candidates.map((c) => c.jobId) }));
}
