/**
 * The rule registry: one line per rule. `countWith` runs one rule; `countAuto` runs every rule that
 * applies and says which one it considers primary for this kind of formula.
 */

import type { Formula } from '../chem/types.js';
import { InputError } from '../core/errors.js';
import { inventory } from './atoms.js';
import { notApplicable } from './result.js';
import { eighteenElectronRule } from './rules/eighteen-electron.js';
import { hirschRule } from './rules/hirsch.js';
import { huckelRule } from './rules/huckel.js';
import { jelliumRule } from './rules/jellium.js';
import { jemmisMnoRule } from './rules/jemmis-mno.js';
import { mingosPecRule } from './rules/mingos-pec.js';
import { octetRule } from './rules/octet.js';
import { polyoxometalateRule } from './rules/polyoxometalate.js';
import { superatomComplexRule } from './rules/superatom-complex.js';
import { superhalogenRule } from './rules/superhalogen.js';
import { thirtyTwoElectronRule } from './rules/thirty-two-electron.js';
import { wadeMingosRule } from './rules/wade-mingos.js';
import type { CountOptions, CountResult, CountRule, RuleId } from './types.js';

export const RULES: readonly CountRule[] = [
  superatomComplexRule,
  jelliumRule,
  wadeMingosRule,
  jemmisMnoRule,
  mingosPecRule,
  octetRule,
  eighteenElectronRule,
  thirtyTwoElectronRule,
  huckelRule,
  hirschRule,
  superhalogenRule,
  polyoxometalateRule,
];

export const RULE_IDS: readonly RuleId[] = RULES.map((r) => r.id);

export function ruleById(id: string): CountRule {
  const r = RULES.find((x) => x.id === id);
  if (!r) {
    throw new InputError('count-rule', `unknown counting rule "${id}"`, {
      hint: `rules are: auto, ${RULE_IDS.join(', ')}`,
    });
  }
  return r;
}

/** Run one rule (a result with `applies: false` and the reason when it cannot judge the formula). */
export function countWith(f: Formula, id: RuleId | string, options: CountOptions = {}): CountResult {
  const rule = ruleById(id);
  return guardCount(rule, rule.count(f, options));
}

/**
 * A negative electron count is not an answer: the charge (or the ligands) would remove more
 * electrons than the atoms bring. Such a result becomes `applies: false` with the reason,
 * never a made-up count.
 */
function guardCount(rule: CountRule, r: CountResult): CountResult {
  // superhalogen counts electrons beyond a closed shell: −1 (one hole) is its answer
  if (!r.applies || r.count === null || r.count >= 0 || rule.id === 'superhalogen') return r;
  const reason = `the count comes out negative (${r.count} ${r.unit}): the charge or the ligands remove more electrons than the atoms bring, so ${rule.id} cannot judge this formula; check the charge and the ligand roles`;
  return { ...notApplicable(rule, r.unit, reason), steps: r.steps };
}

export interface AutoReport {
  /** Results of every rule that applies, primary first. */
  readonly results: readonly CountResult[];
  /** The rule considered primary (null when none applies). */
  readonly primary: RuleId | null;
  readonly primaryWhy: string;
  /** Rules that do not apply, with their reasons. */
  readonly skipped: readonly { readonly rule: RuleId; readonly reason: string }[];
}

/** Which applicable rule speaks first for this kind of formula. */
function choosePrimary(f: Formula, results: readonly CountResult[]): { id: RuleId | null; why: string } {
  const has = (id: RuleId) => results.find((r) => r.rule === id);
  const inv = inventory(f);
  const core = [...inv.core.keys()];
  if (has('polyoxometalate'))
    return { id: 'polyoxometalate', why: 'a polyoxometalate: d electrons added to the d⁰ addenda' };
  const wadeClass = has('wade-mingos');
  if (
    has('superatom-complex') &&
    wadeClass &&
    ['closo', 'nido', 'arachno', 'hypho'].includes(wadeClass.verdict)
  )
    return {
      id: 'wade-mingos',
      why: 'a main-group metal cluster with one exo ligand per vertex (like a borane): skeletal electron pairs',
    };
  if (has('superatom-complex'))
    return { id: 'superatom-complex', why: 'a ligand-protected metal cluster: the superatom-complex count' };
  if (has('jemmis-mno'))
    return { id: 'jemmis-mno', why: 'a condensed polyhedron described by its fragments' };
  const centre = has('32-electron') ?? has('18-electron');
  if (
    f.endohedral.length &&
    centre &&
    (centre.verdict === 'satisfied' || (!has('jellium') && !has('hirsch')))
  ) {
    return { id: centre.rule, why: 'an endohedral cage whose centre completes its shell' };
  }
  if (has('superhalogen')?.details?.template)
    return { id: 'superhalogen', why: 'a superhalogen/superalkali template molecule' };
  const pec = has('mingos-pec');
  if (pec && pec.details?.metalAtoms === 2 && centre)
    return { id: centre.rule, why: 'a dinuclear complex: electrons per metal with its M–M bonds' };
  if (pec) return { id: 'mingos-pec', why: 'a transition-metal cluster: cluster valence electrons' };
  const bareRing = has('huckel') && !core.includes('C') && !core.includes('H');
  if (bareRing) return { id: 'huckel', why: 'a small bare ring ion' };
  const wade = has('wade-mingos');
  const informativeLater = ['huckel', 'hirsch', 'jellium'].some((id) => {
    const r = has(id as RuleId);
    return r !== undefined && r.verdict !== 'none';
  });
  if (wade && (wade.verdict !== 'none' || !informativeLater))
    return {
      id: 'wade-mingos',
      why: 'a borane, carborane, Zintl ion or main-group cage: skeletal electron pairs',
    };
  if (has('huckel')) return { id: 'huckel', why: 'a monocyclic ring: π electrons' };
  const hirsch = has('hirsch');
  const jellium = has('jellium');
  if (hirsch && jellium) {
    // A bare coinage-metal cluster: a hollow golden fullerene only when the spherical-shell count
    // closes and the compact (jellium) count does not.
    if (hirsch.verdict === 'aromatic' && jellium.verdict !== 'closed-shell')
      return {
        id: 'hirsch',
        why: 'a coinage-metal cluster whose s-electron count closes a spherical cage shell (golden fullerene)',
      };
    return { id: 'jellium', why: 'a bare metal cluster: delocalised valence electrons' };
  }
  if (hirsch) return { id: 'hirsch', why: 'a fullerene-type cage: spherical π count' };
  if (has('jellium')) return { id: 'jellium', why: 'a bare metal cluster: delocalised valence electrons' };
  if (centre) return { id: centre.rule, why: 'a complex with one metal centre' };
  if (has('octet')) return { id: 'octet', why: 'a main-group molecule with one central atom' };
  if (has('superhalogen')) return { id: 'superhalogen', why: 'screening only' };
  return { id: null, why: 'no counting rule applies to this formula' };
}

export function countAuto(f: Formula, options: CountOptions = {}): AutoReport {
  const results: CountResult[] = [];
  const skipped: { rule: RuleId; reason: string }[] = [];
  for (const rule of RULES) {
    const a = rule.applies(f, options);
    const r = a.applies ? guardCount(rule, rule.count(f, options)) : null;
    if (r?.applies) results.push(r);
    else skipped.push({ rule: rule.id, reason: r?.reason ?? (a.applies ? 'no count' : a.reason) });
  }
  // An endohedral superatom (Pd@Au24, [Ni@In10]10−): the dopant's d shell is filled and not part of
  // the delocalised count, so an 18/32-electron "excess" at the centre is noise, not an answer.
  const delocalised = results.some((r) => r.rule === 'jellium' || r.rule === 'superatom-complex');
  if (f.endohedral.length && delocalised) {
    for (let i = results.length - 1; i >= 0; i--) {
      const r = results[i]!;
      if ((r.rule === '18-electron' || r.rule === '32-electron') && r.verdict === 'excess') {
        results.splice(i, 1);
        skipped.push({
          rule: r.rule,
          reason: `${r.count} electrons at the centre exceed ${r.rule === '18-electron' ? 18 : 32}: the endohedral atom is a dopant of a delocalised superatom (counted by the jellium/superatom rules), not an ${r.rule === '18-electron' ? '18' : '32'}-electron centre; ask --rule ${r.rule} to see the count`,
        });
      }
    }
  }
  const p = choosePrimary(f, results);
  const ordered = p.id
    ? [results.find((r) => r.rule === p.id)!, ...results.filter((r) => r.rule !== p.id)]
    : results;
  return { results: ordered, primary: p.id, primaryWhy: p.why, skipped };
}
