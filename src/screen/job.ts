/**
 * One screening job: a candidate formula through its pipeline (count → filter → build → relax →
 * refine). Pure: the quantum engine is passed in (`env.refine`), so the same function runs in the
 * embedded runner, a BullMQ sandboxed processor, a SLURM array task and a test. The result has no
 * timings, host or worker names: the same inputs give the same result wherever it ran.
 */
import { parseFormula } from '../chem/index.js';
import { InputError, isSuperatomError } from '../core/errors.js';
import { createLbfgs } from '../optimize/local.js';
import { createPotential } from '../potential/spec.js';
import { cuboctahedron, icosahedralMagicNumber, mackayIcosahedron } from '../structure/builders/clusters.js';
import { atomicNumberOf, defaultBondLength } from '../structure/builders/distances.js';
import { createStructure, type Structure } from '../structure/structure.js';
import { countFormula } from '../workflows/count.js';
import type { JobInputs } from './expand.js';
import type { BuildStep, EngineMethod, RelaxStep } from './plan.js';

/** Verdicts that mean a filled shell (jellium/superatom: closed-shell; 18-electron rule: satisfied). */
export const CLOSED_VERDICTS: readonly string[] = ['closed-shell', 'satisfied'];

export interface RefineRequest {
  readonly structure: Structure;
  readonly charge: number;
  readonly method: EngineMethod;
  readonly fallback: boolean;
  /** ms */
  readonly timeLimitMs: number;
}
export interface RefineResult {
  readonly engine: string;
  /** e.g. "xtb 6.5.1" */
  readonly engineVersion: string;
  /** Method that gave the result (after fallbacks). */
  readonly method: string;
  /** eV */
  readonly energy: number | null;
  /** HOMO–LUMO gap, eV */
  readonly gap: number | null;
  readonly converged: boolean;
  readonly warnings: readonly string[];
}
export interface JobEnv {
  /** Run the quantum engine (an edge supplies it); absent: refine steps fail the job. */
  readonly refine?: (req: RefineRequest) => Promise<RefineResult>;
}

export interface StepNote {
  readonly step: string;
  readonly status: 'done' | 'skipped' | 'stopped';
  readonly note?: string;
}

/** The JSON result of one job (field names are a public contract; energies eV, lengths Å). */
export interface JobResult {
  readonly formula: string;
  /** 'ok' ran to the end; 'filtered' stopped by a filter; 'rejected' the formula could not be counted. */
  readonly status: 'ok' | 'filtered' | 'rejected';
  readonly reason: string | null;
  readonly canonical: string | null;
  readonly charge: number | null;
  /** Counting rule that gave the primary count. */
  readonly rule: string | null;
  /** Electron count of the primary rule, e. */
  readonly electrons: number | null;
  readonly verdict: string | null;
  readonly configuration: string | null;
  /** The primary verdict is a filled shell ({@link CLOSED_VERDICTS}). */
  readonly closed: boolean;
  readonly atoms: number | null;
  readonly shape: string | null;
  readonly relax: {
    readonly potential: string;
    /** eV */
    readonly energy: number;
    readonly energyPerAtom: number;
    readonly converged: boolean;
    readonly iterations: number;
  } | null;
  readonly refine: RefineResult | null;
  /** HOMO–LUMO gap of the refine step, eV. */
  readonly gap: number | null;
  /** Total energy of the refine step, eV. */
  readonly energy: number | null;
  /** The final structure (Å), when one was built. */
  readonly structure: { readonly numbers: number[]; readonly positions: number[] } | null;
  readonly steps: readonly StepNote[];
}

function round(x: number, digits = 10): number {
  return Number(x.toPrecision(digits));
}

/**
 * Build a centred shell model: the atoms of the formula (bare clusters only) on the sites of a
 * Mackay icosahedron / cuboctahedron with a magic number of atoms; the least abundant elements take
 * the sites nearest the centre (a single dopant sits in the middle, as W in W@Au12).
 */
export function buildModel(formula: string, step: BuildStep): Structure {
  const f = parseFormula(formula);
  if (f.ligands.length) {
    throw new InputError(
      'screen-build',
      `${formula} has ligands: the ${step.shape} model is for bare metal clusters`,
    );
  }
  const entries = Object.entries(f.composition).filter(([, n]) => n > 0);
  const total = entries.reduce((s, [, n]) => s + n, 0);
  let shells = -1;
  for (let k = 1; k <= 6; k++) if (icosahedralMagicNumber(k) === total) shells = k;
  if (shells < 0) {
    throw new InputError(
      'screen-build',
      `${formula} has ${total} atoms; a ${step.shape} holds 13, 55, 147, 309, 561 or 923`,
    );
  }
  // majority element sets the bond length; minority elements go inside
  entries.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  const host = entries[entries.length - 1]![0];
  const bond = step.bond ?? defaultBondLength(host).distanceA;
  const z = atomicNumberOf(host);
  const shell =
    step.shape === 'icosahedron'
      ? mackayIcosahedron(shells, { z, bond })
      : cuboctahedron(shells, { z, bond });
  const n = shell.numbers.length;
  const r = (i: number) =>
    Math.hypot(shell.positions[3 * i]!, shell.positions[3 * i + 1]!, shell.positions[3 * i + 2]!);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => r(a) - r(b) || a - b);
  const numbers = new Uint8Array(n);
  let k = 0;
  for (const [el, count] of entries) {
    const zz = atomicNumberOf(el);
    for (let c = 0; c < count; c++) numbers[order[k++]!] = zz;
  }
  return createStructure({
    numbers,
    positions: shell.positions.slice(),
    charge: f.mainCharge,
    title: formula,
  });
}

function relax(s: Structure, step: RelaxStep): NonNullable<JobResult['relax']> {
  const potential = createPotential(step.potential, s.numbers);
  if (potential.lengthUnit !== 'Å' || potential.energyUnit !== 'eV') {
    throw new InputError(
      'screen-relax',
      `${step.potential} is in reduced units (${potential.energyUnit}, ${potential.lengthUnit}); use an eV/Å potential such as gupta`,
    );
  }
  const r = createLbfgs().minimize(potential, s.positions, { maxIterations: step.maxIterations });
  const n = s.numbers.length;
  return {
    potential: potential.name,
    energy: round(r.energy),
    energyPerAtom: round(r.energy / n),
    converged: r.converged,
    iterations: r.iterations,
  };
}

/** Run one job. Bad candidates (formula errors) are results with status 'rejected', not throws. */
export async function runJob(inputs: JobInputs, env: JobEnv = {}): Promise<JobResult> {
  const steps: StepNote[] = [];
  let out: {
    -readonly [K in keyof JobResult]: JobResult[K];
  } = {
    formula: inputs.formula,
    status: 'ok',
    reason: null,
    canonical: null,
    charge: null,
    rule: null,
    electrons: null,
    verdict: null,
    configuration: null,
    closed: false,
    atoms: null,
    shape: null,
    relax: null,
    refine: null,
    gap: null,
    energy: null,
    structure: null,
    steps,
  };
  let structure: Structure | null = null;
  if (inputs.structure) {
    structure = createStructure({
      numbers: Uint8Array.from(inputs.structure.numbers),
      positions: Float64Array.from(inputs.structure.positions),
      charge: inputs.structure.charge,
    });
    out = { ...out, atoms: structure.numbers.length, shape: 'file' };
  }
  for (const step of inputs.pipeline) {
    if (out.status !== 'ok') {
      steps.push({ step: step.step, status: 'stopped' });
      continue;
    }
    switch (step.step) {
      case 'count': {
        try {
          const c = countFormula(inputs.formula, { rule: step.rule, model: step.model });
          const p = c.results.find((r) => r.rule === c.primary);
          out = {
            ...out,
            canonical: c.canonical,
            charge: c.charge,
            rule: c.primary,
            electrons: p && Number.isFinite(p.count) ? p.count : null,
            verdict: p?.verdict ?? 'none',
            configuration: (p as { configuration?: string } | undefined)?.configuration ?? null,
            closed: p !== undefined && CLOSED_VERDICTS.includes(p.verdict),
          };
          steps.push({ step: 'count', status: 'done' });
        } catch (e) {
          if (!isSuperatomError(e)) throw e;
          out = { ...out, status: 'rejected', reason: e.message };
          steps.push({ step: 'count', status: 'skipped', note: e.message });
        }
        break;
      }
      case 'filter': {
        const why: string[] = [];
        if (step.verdict && !step.verdict.includes(out.verdict ?? 'none'))
          why.push(`verdict ${out.verdict ?? 'none'} not in [${step.verdict.join(', ')}]`);
        if (step.electrons && (out.electrons === null || !step.electrons.includes(out.electrons)))
          why.push(`${out.electrons ?? 'no'} electrons not in [${step.electrons.join(', ')}]`);
        if (why.length) out = { ...out, status: 'filtered', reason: why.join('; ') };
        steps.push({ step: 'filter', status: 'done', ...(why.length ? { note: why.join('; ') } : {}) });
        break;
      }
      case 'build': {
        if (inputs.structure) {
          steps.push({ step: 'build', status: 'skipped', note: 'the structure was given' });
          break;
        }
        try {
          structure = buildModel(inputs.formula, step);
          out = { ...out, atoms: structure.numbers.length, shape: step.shape };
          steps.push({ step: 'build', status: 'done' });
        } catch (e) {
          if (!isSuperatomError(e)) throw e;
          steps.push({ step: 'build', status: 'skipped', note: e.message });
        }
        break;
      }
      case 'relax': {
        if (!structure) {
          steps.push({ step: 'relax', status: 'skipped', note: 'no structure was built' });
          break;
        }
        try {
          out = { ...out, relax: relax(structure, step) };
          steps.push({ step: 'relax', status: 'done' });
        } catch (e) {
          if (!isSuperatomError(e)) throw e;
          steps.push({ step: 'relax', status: 'skipped', note: e.message });
        }
        break;
      }
      case 'refine': {
        if (!structure) {
          steps.push({ step: 'refine', status: 'skipped', note: 'no structure was built' });
          break;
        }
        if (!env.refine) throw new Error('no quantum engine is available to this worker (refine step)');
        const r = await env.refine({
          structure,
          charge: out.charge ?? structure.charge,
          method: step.method,
          fallback: step.fallback,
          timeLimitMs: step.timeLimit * 1000,
        });
        out = { ...out, refine: r, gap: r.gap, energy: r.energy };
        steps.push({ step: 'refine', status: 'done' });
        break;
      }
    }
  }
  if (structure) {
    out.structure = {
      numbers: Array.from(structure.numbers),
      positions: Array.from(structure.positions, (x) => round(x, 8)),
    };
  }
  return out;
}
