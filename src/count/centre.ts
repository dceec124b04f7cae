/**
 * Electrons at a central atom, shared by the `octet`, `18-electron` and `32-electron` rules.
 *
 * Neutral (covalent) method: the centre's valence electrons + the electrons each ligand gives
 * (X 1, L 2, η⁵-C5H5 5, η⁶-C6H6 6, CO 2, halide 1) − z. The ionic method (ligands as closed-shell
 * ions, the metal as M^(ox) d^n) is computed as a cross-check and must agree.
 *
 * Endohedral `M@Cage`: the centre's valence electrons + the electrons the cage delocalises onto it
 * (P. Pyykkö, N. Runeberg, Angew. Chem. Int. Ed. 41, 2174 (2002), W@Au12: 6 + 12 × 1 = 18;
 * J.-P. Dognon, C. Clavaguéra, P. Pyykkö, JACS 131, 238 (2009) and Chem. Sci. 3, 2843 (2012),
 * 32-electron Pu@Sn12 and [U@Si20]⁶⁻). A coinage or alkali cage atom gives its s electron; a heavy
 * p-block atom of a deltahedral cage (Ge, Sn, Pb, Sb, Bi) keeps an outward s² lone pair and gives
 * v − 2 (Sn 2); a light one (C, Si, P) makes three cage bonds and gives v − 3 (Si 1).
 */
import type { Formula } from '../chem/types.js';
import { byElement, chargeStep, el, groupLabel, inventory, num, times, valenceElectrons } from './atoms.js';
import { bareAtomDonation, ligandDonation } from './donors.js';
import { notApplicable, sumSteps } from './result.js';
import type { CountResult, CountStep, RuleId } from './types.js';

export type CentreKind = 'endohedral' | 'complex' | 'dinuclear';

export interface CentrePlan {
  readonly kind: CentreKind;
  /** Central atom(s) symbol. */
  readonly centre: string;
  readonly centres: number;
  readonly block: 's' | 'p' | 'd' | 'f';
}

/** Find the central atom of a formula, or say why there is none. */
export function findCentre(f: Formula): CentrePlan | string {
  const inv = inventory(f);
  if (f.endohedral.length) {
    const x = f.endohedral[0]!;
    const inner = [...byElement(x.inner)];
    if (f.endohedral.length > 1 || inner.length !== 1 || inner[0]![1] !== 1) {
      return 'the centre-atom rules count one atom inside one cage (M@Cage)';
    }
    if (inv.bound.length) return 'a ligand-protected endohedral cluster: count it with superatom-complex';
    const outer = byElement(x.outer);
    const sym = inner[0]![0];
    const cageSize = [...outer.values()].reduce((a, b) => a + b, 0);
    if ((outer.get('C') ?? 0) >= 20 && (el(sym).block !== 'f' || cageSize > 32)) {
      return el(sym).block === 'f'
        ? `an endohedral fullerene with ${cageSize} cage atoms: the cage gives more electrons than the centre's 32-electron shell holds, so its π system is counted by hirsch (An@C28 is the 32-electron size)`
        : 'an endohedral fullerene: the cage π system is counted by hirsch (the 32-electron rule takes f-block centres in small cages such as Th@C28)';
    }
    return { kind: 'endohedral', centre: sym, centres: 1, block: el(sym).block };
  }
  const core = inv.core;
  const tms = [...core].filter(([s]) => {
    const e = el(s);
    return e.block === 'd' || e.block === 'f';
  });
  const nTm = tms.reduce((a, [, c]) => a + c, 0);
  if (nTm === 1) return { kind: 'complex', centre: tms[0]![0], centres: 1, block: el(tms[0]![0]).block };
  if (nTm === 2 && tms.every(([s]) => el(s).block === 'd')) {
    return {
      kind: 'dinuclear',
      centre: tms.map(([s, c]) => (c === 2 ? `${s}2` : s)).join(''),
      centres: 2,
      block: 'd',
    };
  }
  if (nTm > 2) return `${nTm} transition-metal atoms: a cluster — use mingos-pec or wade-mingos`;
  // Main-group molecule: one central atom, all others terminal.
  const heavy = [...core].filter(([s]) => s !== 'H');
  const singles = heavy.filter(([, c]) => c === 1).map(([s]) => s);
  if (!singles.length)
    return 'no atom occurs once: no single central atom (chains and rings are not octet-counted here)';
  const rank = (s: string) => {
    const e = el(s);
    return (e.group ?? 0) * 10 - e.period;
  };
  const centre = [...singles].sort((a, b) => rank(a) - rank(b))[0]!;
  for (const [s, c] of heavy) {
    if (s === centre) continue;
    const g = el(s).group ?? 0;
    if (g !== 17 && g !== 16 && !(g === 15 && c === 1)) {
      return `${c} ${s} besides the ${centre} centre: not one central atom with terminal atoms around it`;
    }
  }
  const e = el(centre);
  if (heavy.length === 1 && (core.get('H') ?? 0) === 0 && inv.bound.length === 0) {
    return `a single ${centre} atom or ion with nothing bound to it`;
  }
  return { kind: 'complex', centre, centres: 1, block: e.block };
}

/** Electrons one cage atom delocalises onto the centre of an endohedral cluster. */
export function cageAtomElectrons(sym: string, cageSize: number): { electrons: number; why: string } {
  const e = el(sym);
  const v = valenceElectrons(e);
  const g = e.group ?? 0;
  if (g === 1 || g === 11)
    return { electrons: 1, why: `${sym} (${groupLabel(e)}) cage atom: its s electron` };
  if (g === 2 || g === 12)
    return { electrons: 2, why: `${sym} (${groupLabel(e)}) cage atom: its s² electrons` };
  if (e.block === 'p') {
    const light = e.period <= 3;
    const k = light ? 3 : 2;
    return {
      electrons: v - k,
      why: light
        ? `${sym} cage atom: ${v} valence electrons, 3 used for bonds along the cage edges (${cageSize}-atom cage of 3-connected atoms) → ${v - 3}`
        : `${sym} cage atom: ${v} valence electrons, an outward s² lone pair kept (deltahedral cage) → ${v - 2}`,
    };
  }
  return { electrons: v, why: `${sym} cage atom: all ${v} valence electrons` };
}

interface CentreRuleSpec {
  readonly id: RuleId;
  readonly target: number;
  readonly reference: string;
}

/**
 * Count the electrons at the centre. Returns the rule result with verdict satisfied (= target),
 * deficient (<) or excess (>), the ionic cross-check in the notes and known exceptions flagged.
 */
export function countAtCentre(f: Formula, spec: CentreRuleSpec, plan: CentrePlan): CountResult {
  const inv = inventory(f);
  const steps: CountStep[] = [];
  const notes: string[] = [];
  const e = el(plan.centre.replace(/\d+$/, '').match(/^[A-Z][a-z]?/)![0]);
  let ionicLigandElectrons = 0;
  let ionicLigandCharge = 0;
  let terminalBonds = 0;
  let ligandCount = 0;
  if (plan.kind === 'endohedral') {
    const v = valenceElectrons(e);
    steps.push({
      term: `${plan.centre} (centre)`,
      electrons: v,
      why: `${plan.centre} (${groupLabel(e)}): all ${v} valence electrons`,
    });
    const x = f.endohedral[0]!;
    const outer = byElement(x.outer);
    const size = [...outer.values()].reduce((a, b) => a + b, 0);
    for (const [s, c] of outer) {
      const a = cageAtomElectrons(s, size);
      steps.push({ term: `${times(c, s)} × ${num(a.electrons)}`, electrons: c * a.electrons, why: a.why });
    }
    steps.push(chargeStep(inv.charge));
  } else {
    const metals = [...inv.core].filter(
      ([s]) => s === plan.centre || (plan.kind === 'dinuclear' && el(s).block === 'd'),
    );
    for (const [s, c] of plan.kind === 'dinuclear' ? metals : [[plan.centre, 1] as [string, number]]) {
      const me = el(s);
      const v = valenceElectrons(me);
      steps.push({
        term: plan.kind === 'dinuclear' ? `${times(c, s)} × ${num(v)}` : `${s} (centre)`,
        electrons: c * v,
        why: `${s} (${groupLabel(me)}): ${v} valence electrons in the neutral method`,
      });
    }
    for (const [s, c] of inv.core) {
      if (s === plan.centre || (plan.kind === 'dinuclear' && el(s).block === 'd')) continue;
      const d = bareAtomDonation(s);
      steps.push({ term: `${times(c, s)} × ${num(d.neutral)}`, electrons: c * d.neutral, why: d.why });
      ionicLigandElectrons += c * d.ionic;
      ionicLigandCharge += c * d.ionicCharge;
      terminalBonds += c * d.neutral;
      ligandCount += c;
    }
    for (const l of inv.bound) {
      const d = ligandDonation(l);
      steps.push({
        term: `${times(l.count, l.name)} × ${num(d.neutral)}`,
        electrons: l.count * d.neutral,
        why: d.why,
      });
      if (d.assumed) notes.push(d.assumed);
      ionicLigandElectrons += l.count * d.ionic;
      ionicLigandCharge += l.count * d.ionicCharge;
      terminalBonds += l.count * (l.role === 'L' ? d.neutral / 2 : d.neutral);
      ligandCount += l.count;
    }
    steps.push(chargeStep(inv.charge));
  }
  let total = sumSteps(steps);
  const details: Record<string, unknown> = { centre: plan.centre, target: spec.target };
  if (plan.kind === 'dinuclear') {
    const perMetal = total / 2;
    const bonds = Math.max(0, Math.min(3, Math.floor((2 * spec.target - total) / 2)));
    if (bonds > 0) {
      steps.push({
        term: `${bonds} M–M bond${bonds > 1 ? 's' : ''}`,
        electrons: 0,
        why: `the two metals share ${bonds} metal–metal bond${bonds > 1 ? 's' : ''}; each bond adds 1 electron to each metal's count`,
      });
    }
    notes.push(
      `${total} electrons for two metals = ${perMetal} per metal${bonds ? ` + ${bonds} from the M–M bond${bonds > 1 ? 's' : ''} (bond order inferred as (2 × ${spec.target} − ${total})/2)` : ''}`,
    );
    details.totalElectrons = total;
    details.metalMetalBonds = bonds;
    total = perMetal + bonds;
  }
  if (plan.kind !== 'endohedral' && e.block !== 'p' && e.block !== 's') {
    const ox = inv.charge - ionicLigandCharge;
    const dn = valenceElectrons(e) - ox / plan.centres;
    if (plan.kind === 'complex') {
      const ionicTotal = valenceElectrons(e) - ox + ionicLigandElectrons;
      notes.push(
        `ionic method: ${plan.centre}(${ox > 0 ? `+${ox}` : ox}) d${dn} + ${ionicLigandElectrons} from the ligands as closed-shell ions = ${ionicTotal}${ionicTotal === total ? ' (agrees)' : ' (disagrees: check the ligand roles)'}`,
      );
      details.oxidationState = ox;
      details.dElectrons = dn;
      if (total === 16 && dn === 8 && ligandCount === 4) {
        notes.push(
          '16 electrons, d8 with four ligands: a square-planar complex — the well-known 16-electron exception (Ni(II), Pd(II), Pt(II), Rh(I), Ir(I), Au(III)) is stable, flagged not hidden',
        );
        details.exception = '16e square planar d8';
      }
    }
  }
  if (spec.target === 18 && total === 17) {
    notes.push(
      '17 electrons: a radical; V(CO)6 is the classic stable 17-electron exception (too crowded to dimerise)',
    );
    details.exception = '17e radical';
  }
  if (spec.target === 8) {
    const lone = (total - 2 * terminalBonds) / 2;
    if (plan.kind === 'complex') {
      notes.push(
        `Lewis picture: ${terminalBonds} bonding pair${terminalBonds === 1 ? '' : 's'} (counting multiple bonds to O/S/N) and ${lone} lone pair${lone === 1 ? '' : 's'} on ${plan.centre}`,
      );
    }
    if (total > 8 && e.period >= 3) {
      notes.push(
        `${total} > 8: a hypervalent (expanded-octet) centre like SF6 or PCl5 — flagged, not hidden; it is stable nonetheless`,
      );
      details.exception = 'hypervalent';
    }
    if (total < 8 && (e.group === 13 || e.group === 2)) {
      notes.push(
        `${total} < 8: an electron-deficient group-${e.group} centre like BF3 (a Lewis acid) — a known exception`,
      );
      details.exception = 'electron-deficient';
    }
    if (plan.centre === 'H' || e.period === 1) notes.push('hydrogen and helium follow the duet (2) rule');
  }
  if (spec.target === 32) {
    notes.push(
      '32 = s² p⁶ d¹⁰ f¹⁴ of the centre: the 32-electron principle of Pyykkö and co-workers for actinide-centred cages',
    );
  }
  const verdict = total === spec.target ? 'satisfied' : total < spec.target ? 'deficient' : 'excess';
  notes.unshift(
    `${total} electron${total === 1 ? '' : 's'} at ${plan.centre}${plan.kind === 'dinuclear' ? ' (per metal)' : ''}: ${verdict === 'satisfied' ? `the ${spec.target}-electron count is satisfied` : `${verdict} (${spec.target} expected)`}`,
  );
  if (f.endohedral.length) details.cage = f.endohedral[0]!.outerText;
  return {
    rule: spec.id,
    applies: true,
    count: total,
    unit: 'e at the centre',
    verdict,
    steps,
    notes,
    details,
    reference: spec.reference,
  };
}

/** Shared applies/count for the three centre rules. */
export function centreRule(
  f: Formula,
  spec: CentreRuleSpec,
  accept: (plan: CentrePlan) => string | null,
): { applies: boolean; reason: string; result?: () => CountResult } {
  const plan = findCentre(f);
  if (typeof plan === 'string') return { applies: false, reason: plan };
  const why = accept(plan);
  if (why) return { applies: false, reason: why };
  return {
    applies: true,
    reason: `${plan.kind === 'endohedral' ? 'endohedral centre' : plan.kind === 'dinuclear' ? 'dinuclear complex' : 'central atom'} ${plan.centre}`,
    result: () => countAtCentre(f, spec, plan),
  };
}

export function centreNotApplicable(spec: CentreRuleSpec, reason: string): CountResult {
  return notApplicable(spec, 'e at the centre', reason);
}
