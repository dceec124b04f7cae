/** Small builders shared by the rules. */
import type { Formula } from '../chem/types.js';
import { fillShells, type ShellModelId } from './shells.js';
import type { CountResult, CountRule, CountStep, RuleId } from './types.js';

/** The result of a rule that cannot judge the formula: no count, the reason instead. */
export function notApplicable(
  rule: Pick<CountRule, 'id' | 'reference'>,
  unit: string,
  reason: string,
): CountResult {
  return {
    rule: rule.id,
    applies: false,
    count: null,
    unit,
    verdict: 'none',
    steps: [],
    notes: [reason],
    reason,
    reference: rule.reference,
  };
}

export function sumSteps(steps: readonly CountStep[]): number {
  return steps.reduce((a, s) => a + s.electrons, 0);
}

/**
 * Verdict, configuration and analogue of a superatom (delocalised-electron) count n in a shell model:
 * n > 0 → closed-shell when n is a closing, otherwise open-shell; n = 0 → 'none' (no superatomic
 * electrons: every metal is in a +1/+2/+3 state); n < 0 → 'none' (the roles are inconsistent).
 */
export function superatomVerdict(
  rule: { id: RuleId; reference: string },
  n: number,
  steps: CountStep[],
  notes: string[],
  model: ShellModelId,
  details: Record<string, unknown> = {},
): CountResult {
  if (n < 0) {
    return {
      rule: rule.id,
      applies: true,
      count: n,
      unit: 'e',
      verdict: 'none',
      steps,
      notes: [
        ...notes,
        `n = ${n} < 0: the ligands and charge take more electrons than the metal atoms give; the metals would have to be in higher oxidation states than the model assumes — check the formula, the charge and the ligand roles`,
      ],
      details,
      reference: rule.reference,
    };
  }
  const shell = fillShells(n, model);
  const out: string[] = [...notes];
  let verdict: string;
  if (n === 0) {
    verdict = 'none';
    out.push(
      'n = 0: no delocalised superatomic electrons — every metal atom is in its ligand-determined oxidation state (e.g. all M(I)); a coordination cluster, not a superatom',
    );
  } else if (shell.beyondTable) {
    verdict = n % 2 === 1 ? 'open-shell' : 'none';
    out.push(...shell.notes);
    if (n % 2 === 1) out.push(`odd n = ${n}: at least one unpaired electron (radical)`);
  } else {
    verdict = shell.closed ? 'closed-shell' : 'open-shell';
    out.push(...shell.notes);
    if (shell.magic) {
      out.push(
        `${n} is a magic number of the ${shell.modelName} model (${shell.configuration}); a magic count alone does not make the cluster a superatom — that also needs delocalised S/P/D-like orbitals and a HOMO–LUMO gap (a structure or DFT check)`,
      );
    } else {
      out.push(
        `${n} lies between the closings ${shell.closingBelow} and ${shell.closingAbove} of the ${shell.modelName} model (${shell.configuration})`,
      );
      if (n % 2 === 1) out.push(`odd n = ${n}: one unpaired electron (radical, paramagnetic)`);
      out.push(
        'a stable cluster with an open spherical shell usually has a non-spherical core (oblate/prolate, fused icosahedra: a "superatomic molecule"); try another --model',
      );
    }
    if (shell.analogues.length) {
      out.push(
        `atom-like analogue: ${shell.analogues
          .map((a) =>
            a.kind === 'noble-gas'
              ? `noble-gas-like (closed ${a.closing})`
              : a.kind === 'halogen'
                ? `halogen-like (one electron short of ${a.closing})`
                : a.kind === 'alkali'
                  ? `alkali-like (one electron past ${a.closing})`
                  : `alkaline-earth-like (two electrons past ${a.closing})`,
          )
          .join('; ')}`,
      );
    }
  }
  return {
    rule: rule.id,
    applies: true,
    count: n,
    unit: 'e',
    verdict,
    configuration: shell.configuration,
    ...(shell.analogue ? { analogue: shell.analogue } : {}),
    steps,
    notes: out,
    shell,
    details,
    reference: rule.reference,
  };
}

/** The formula text to show in results. */
export function shownFormula(f: Formula): string {
  return f.text.trim();
}
