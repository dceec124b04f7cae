/**
 * `superatom-complex`: the electron count of a ligand-protected metal cluster
 * (Walter, Akola, Lopez-Acevedo, Jadzinsky, Calero, Ackerson, Whetten, Grönbeck, Häkkinen,
 * PNAS 105, 9157 (2008)):
 *
 *   n = Σ_A N_A ν_A − Σ_L N_L w_L + Σ (donating constituents) − z
 *
 * ν_A is the free valence of metal A (see {@link superatomValence}), w_L the electrons an X-type
 * ligand withdraws (thiolate, halide, alkynyl, amide, Cp* 1; dithiolate 2; L-type donors 0),
 * z the charge of the cluster ion. Bare non-metals in the core withdraw their octet deficiency;
 * hydrides donate one electron in gold clusters and withdraw one in Cu/Ag polyhydrides.
 */
import type { Formula } from '../../chem/types.js';
import {
  type Contribution,
  chargeStep,
  el,
  inventory,
  isMetal,
  nonmetalWithdrawal,
  num,
  superatomValence,
  times,
} from '../atoms.js';
import { withMolecule } from '../molecule.js';
import { notApplicable, sumSteps, superatomVerdict } from '../result.js';
import type {
  Applicability,
  CountOptions,
  CountResult,
  CountRule,
  CountStep,
  HydrideRole,
} from '../types.js';

const REFERENCE =
  'Walter et al., PNAS 105, 9157 (2008); Häkkinen, Chem. Soc. Rev. 37, 1847 (2008); Lopez-Acevedo, Clayborne, Häkkinen, PRB 84, 035434 (2011)';

/**
 * How a hydride counts in this cluster, and why. `auto`: a donor (+1) when gold is the main
 * coinage metal (the H 1s electron joins the superatom as in [Au9H(PPh3)8]²⁺, Takano et al.,
 * JACS 140, 8380 (2018)) or when the cluster holds an open-d-shell dopant of group 8–9 (the RhH
 * unit is isoelectronic with Pd, [RhH@Ag24(SPhMe2)18]²⁻, Yi et al. 2023); otherwise withdrawing
 * (−1: hydridic H⁻ bound to M(I) in copper and silver polyhydrides such as [Cu25H22(PPh3)12]⁺).
 */
export function hydrideContribution(
  core: ReadonlyMap<string, number>,
  role: HydrideRole = 'auto',
): Contribution & { role: 'donor' | 'withdrawing' } {
  if (role === 'donor')
    return { electrons: 1, role: 'donor', why: 'hydride as a 1-electron donor (set by --hydride donor)' };
  if (role === 'withdrawing') {
    return {
      electrons: -1,
      role: 'withdrawing',
      why: 'hydride withdraws 1 electron as H⁻ (set by --hydride withdrawing)',
    };
  }
  const au = core.get('Au') ?? 0;
  const agcu = (core.get('Ag') ?? 0) + (core.get('Cu') ?? 0);
  if (au > 0 && au >= agcu) {
    return {
      electrons: 1,
      role: 'donor',
      why: 'in a gold cluster the hydride gives its electron to the superatom, like an Au atom (Takano et al., JACS 2018); override with --hydride withdrawing',
    };
  }
  const dopant = [...core.keys()].find((s) => {
    const g = el(s).group;
    return g === 8 || g === 9;
  });
  if (dopant) {
    return {
      electrons: 1,
      role: 'donor',
      why: `hydride co-doped with the open-d-shell ${dopant} dopant: the ${dopant}H unit closes its d shell and the H electron joins the superatom (RhH ≅ Pd, Yi et al. 2023); override with --hydride withdrawing`,
    };
  }
  return {
    electrons: -1,
    role: 'withdrawing',
    why: `in ${agcu > 0 ? 'a copper/silver polyhydride' : 'this non-gold cluster'} the hydride is hydridic (M(I)–H⁻) and withdraws 1 electron; override with --hydride donor`,
  };
}

function check(f: Formula): Applicability & { metals?: string[] } {
  const inv = inventory(f);
  const metals = [...inv.core.keys()].filter((s) => isMetal(el(s)));
  if (metals.length === 0) {
    return {
      applies: false,
      reason: 'no metal atoms in the cluster core: the superatom-complex count is for metal clusters',
    };
  }
  const nMetal = metals.reduce((a, s) => a + inv.core.get(s)!, 0);
  const ligated = inv.bound.some((l) => l.role === 'X' || l.role === 'L' || l.role === 'hydride');
  if (!ligated) {
    return { applies: false, reason: 'no ligands: a bare cluster — count it with the jellium rule' };
  }
  if (nMetal < 2) {
    return {
      applies: false,
      reason: 'only one metal atom: a mononuclear complex, not a cluster — use 18-electron or octet',
    };
  }
  if (inv.core.has('C') && inv.core.has('H') && (inv.core.get('C') ?? 0) > 1) {
    return {
      applies: false,
      reason:
        'organic atoms (C and H) are written outside ligand groups, so the ligands cannot be told apart; write each ligand in parentheses with its count, e.g. Au25(SC8H9)18',
    };
  }
  const unknown = metals.filter((s) => superatomValence(el(s)) === null);
  if (unknown.length) {
    return {
      applies: false,
      reason: `${unknown.join(', ')}: the superatom-complex model has no free-valence convention for ${unknown.length === 1 ? 'this metal' : 'these metals'} (open d shell, group 3–7 or f block); use mingos-pec / wade-mingos for transition-metal clusters`,
    };
  }
  const openD = metals.filter((s) => {
    const g = el(s).group ?? 0;
    return g >= 8 && g <= 10;
  });
  const nOpenD = openD.reduce((a, s) => a + inv.core.get(s)!, 0);
  if (nOpenD * 2 > nMetal) {
    return {
      applies: false,
      reason: `${openD.join(', ')} make${openD.length === 1 ? 's' : ''} up most of the metal atoms: a transition-metal cluster whose d electrons bond — use mingos-pec (cluster valence electrons) instead`,
    };
  }
  return { applies: true, reason: `ligand-protected cluster of ${metals.join(', ')}`, metals };
}

const META = { id: 'superatom-complex' as const, reference: REFERENCE };

export const superatomComplexRule: CountRule = {
  id: 'superatom-complex',
  title: 'Superatom complex (Walter et al. 2008)',
  reference: REFERENCE,
  applies: (f) => check(f),
  count(f: Formula, options: CountOptions = {}): CountResult {
    const ok = check(f);
    if (!ok.applies) return notApplicable(META, 'e', ok.reason);
    const inv = inventory(f);
    const steps: CountStep[] = [];
    const notes: string[] = [];
    let hydrides = 0;
    let hydrideRole: 'donor' | 'withdrawing' | null = null;
    for (const [sym, n] of inv.core) {
      const e = el(sym);
      if (isMetal(e)) {
        const v = superatomValence(e)!;
        steps.push({
          term: `${times(n, sym)} × ${num(v.electrons)}`,
          electrons: n * v.electrons,
          why: v.why,
        });
      } else if (sym === 'H') {
        hydrides += n;
      } else {
        const w = nonmetalWithdrawal(e);
        steps.push({
          term: `${times(n, sym)} × ${num(w.electrons)}`,
          electrons: n * w.electrons,
          why: `bare ${w.why}`,
        });
      }
    }
    for (const l of inv.bound) {
      if (l.role === 'hydride') {
        hydrides += l.count * Math.max(1, l.composition?.H ?? 1);
        continue;
      }
      if (l.role === 'X') {
        steps.push({
          term: `${times(l.count, l.name)} × −${l.electronsWithdrawn}`,
          electrons: -l.count * l.electronsWithdrawn,
          why: `${l.why} (${l.roleSource === 'table' ? 'ligand table' : l.roleSource === 'user' ? 'user-defined' : 'role inferred from its composition'})`,
        });
      } else if (l.role === 'L') {
        steps.push({
          term: `${times(l.count, l.name)} × 0`,
          electrons: 0,
          why: `${l.why}; an L-type donor gives an electron pair to a surface atom but no electron to the superatom core`,
        });
      } else if (l.role === 'interstitial' && l.composition) {
        for (const [k, v] of Object.entries(l.composition)) {
          const e = el(k);
          const c = isMetal(e) ? superatomValence(e) : nonmetalWithdrawal(e);
          if (!c) continue;
          steps.push({
            term: `${times(l.count * v, k)} × ${num(c.electrons)}`,
            electrons: l.count * v * c.electrons,
            why: `interstitial ${c.why}`,
          });
        }
      }
    }
    if (hydrides > 0) {
      const h = hydrideContribution(inv.core, options.hydride ?? 'auto');
      hydrideRole = h.role;
      steps.push({
        term: `${times(hydrides, 'H')} × ${h.electrons > 0 ? '+1' : '−1'}`,
        electrons: hydrides * h.electrons,
        why: h.why,
      });
    }
    steps.push(chargeStep(inv.charge));
    const n = sumSteps(steps);
    if (inv.ignored.length) {
      notes.push(
        `not counted: ${inv.ignored.map((l) => `${l.count} ${l.name} (${l.role})`).join(', ')} — separate ions or solvent of the salt`,
      );
    }
    if (f.charge !== inv.charge)
      notes.push(`the cluster ion carries ${inv.charge}; the whole salt ${f.charge}`);
    const nMetal = [...inv.core].filter(([s]) => isMetal(el(s))).reduce((a, [, c]) => a + c, 0);
    const spherical = superatomVerdict(META, n, steps, notes, options.model ?? 'jellium', {
      hydrideRole,
      metals: ok.metals,
    });
    return withMolecule(spherical, nMetal, options.parts);
  },
};
