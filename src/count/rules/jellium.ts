/**
 * `jellium`: delocalised valence electrons of a bare cluster, filled into a shell model
 * (Knight et al., PRL 52, 2141 (1984); de Heer, RMP 65, 611 (1993)):
 *
 *   n = Σ_A N_A ν_A − z
 *
 * ν: alkali and coinage metals 1 (the d¹⁰ shell of Cu/Ag/Au is not counted), group 2 and 12 → 2,
 * group 13 → 3, group 14 → 4, group 15 → 5 (their lone pairs join the delocalised shell:
 * P4 has 20 electrons, Dalton Trans. 2008, doi 10.1039/B803958E); a centred d¹⁰ metal (group 10,
 * Ni in [Ni@In10]¹⁰⁻) → 0, groups 8–9 close their d shell (−2, −1); an early transition metal
 * at the centre (groups 3–7) gives all its valence electrons (W in W@Au12: 6; Pyykkö & Runeberg,
 * Angew. Chem. Int. Ed. 41, 2174 (2002)). Electronegative atoms attached to a metal cluster
 * (I in Al13I⁻) take their octet deficiency; H gives its electron.
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
  times,
} from '../atoms.js';
import { notApplicable, sumSteps, superatomVerdict } from '../result.js';
import type { Applicability, CountOptions, CountResult, CountRule, CountStep } from '../types.js';

const REFERENCE =
  'Knight et al., PRL 52, 2141 (1984); de Heer, RMP 65, 611 (1993); Bergeron et al., Science 304, 84 (2004)';
const META = { id: 'jellium' as const, reference: REFERENCE };

/** p-block atoms that form bare clusters and join the delocalised shell although not metals. */
const CLUSTER_METALLOIDS = new Set(['Si', 'Ge', 'As', 'Sb', 'Te', 'P']);

function clusterForming(sym: string): boolean {
  return isMetal(el(sym)) || CLUSTER_METALLOIDS.has(sym);
}

/** Free valence of a cluster atom in the jellium count; null when there is no convention (f block). */
export function jelliumValence(sym: string): Contribution | null {
  const e = el(sym);
  const g = e.group;
  if (e.block === 'f' || g === null) return null;
  if (g === 1) return { electrons: 1, why: `${sym} (group 1): its ns¹ electron` };
  if (g === 11)
    return { electrons: 1, why: `${sym} (group 11): its s electron; the (n−1)d¹⁰ shell is not counted` };
  if (g === 2 || g === 12) return { electrons: 2, why: `${sym} (group ${g}): its ns² electrons` };
  if (g >= 13 && g <= 16) {
    const v = g - 10;
    return {
      electrons: v,
      why:
        g >= 15
          ? `${sym} (group ${g}): all ${v} valence electrons, lone pairs included (they join the delocalised shell)`
          : `${sym} (group ${g}): its ${v} valence s and p electrons`,
    };
  }
  if (g === 10)
    return {
      electrons: 0,
      why: `${sym} (group 10): a centred d¹⁰ atom gives no electrons (as Ni in [Ni@In10]¹⁰⁻)`,
    };
  if (g === 8 || g === 9) {
    return {
      electrons: g - 10,
      why: `${sym} (group ${g}): a centred atom that closes its d shell (d¹⁰) by taking ${10 - g} electron${g === 9 ? '' : 's'}`,
    };
  }
  return {
    electrons: g,
    why: `${sym} (group ${g}): a centred early transition-metal atom gives all ${g} valence s and d electrons (W in W@Au12)`,
  };
}

function check(f: Formula): Applicability {
  const inv = inventory(f);
  if (inv.bound.some((l) => l.role === 'X' || l.role === 'L')) {
    return {
      applies: false,
      reason: 'ligand-protected cluster: use the superatom-complex rule (jellium is for bare clusters)',
    };
  }
  const syms = [...inv.core.keys()];
  const forming = syms.filter(clusterForming);
  const nForming = forming.reduce((a, s) => a + inv.core.get(s)!, 0);
  if (inv.core.has('B') && inv.core.has('H'))
    return { applies: false, reason: 'a boron hydride: count it with wade-mingos' };
  if (nForming < 2) {
    const nonMetals = syms.filter((s) => !clusterForming(s) && s !== 'H');
    if (nonMetals.length && forming.length === 0) {
      return {
        applies: false,
        reason: `${nonMetals.join(', ')}: ${nonMetals.length === 1 ? 'a non-metal' : 'non-metals'} with localised covalent bonds${nonMetals.includes('B') ? ' (bare boron clusters such as B13⁺ are planar σ/π-aromatic sheets, not free-electron spheres)' : ''} — the jellium model needs metal atoms`,
      };
    }
    return {
      applies: false,
      reason: 'fewer than two metal (or metalloid) atoms: not a cluster the jellium model describes',
    };
  }
  if (inv.core.has('C') && inv.core.has('H')) {
    return { applies: false, reason: 'contains organic C–H: not a bare metal cluster' };
  }
  const metals = forming.filter((s) => isMetal(el(s)));
  const others = syms.filter((s) => !clusterForming(s));
  if (metals.length === 0 && others.length) {
    return {
      applies: false,
      reason: `a non-metal cluster with ${others.join(', ')}: count boranes and Zintl-type cages with wade-mingos`,
    };
  }
  const fBlock = forming.filter((s) => jelliumValence(s) === null);
  if (fBlock.length) {
    return {
      applies: false,
      reason: `${fBlock.join(', ')} (f block): the jellium count has no convention for f electrons — use the 32-electron rule`,
    };
  }
  const tm = forming.filter((s) => {
    const g = el(s).group ?? 0;
    return g >= 3 && g <= 10;
  });
  const nTm = tm.reduce((a, s) => a + inv.core.get(s)!, 0);
  if (nTm > 0 && nTm * 4 > nForming) {
    return {
      applies: false,
      reason: `${tm.join(', ')}: an open-d-shell transition-metal cluster; its d electrons are localised and bonding, so a jellium count is not meaningful (only a centred dopant is counted)`,
    };
  }
  if (others.length && nonmetalCount(inv.core, others) * 2 > nForming) {
    return {
      applies: false,
      reason: `more ${others.join(', ')} than cluster atoms: a compound, not a bare metal cluster`,
    };
  }
  return { applies: true, reason: `bare cluster of ${forming.join(', ')}` };
}

function nonmetalCount(core: ReadonlyMap<string, number>, syms: string[]): number {
  return syms.reduce((a, s) => a + core.get(s)!, 0);
}

export const jelliumRule: CountRule = {
  id: 'jellium',
  title: 'Spherical jellium (Knight et al. 1984)',
  reference: REFERENCE,
  applies: (f) => check(f),
  count(f: Formula, options: CountOptions = {}): CountResult {
    const ok = check(f);
    if (!ok.applies) return notApplicable(META, 'e', ok.reason);
    const inv = inventory(f);
    const steps: CountStep[] = [];
    let hydrides = 0;
    for (const [sym, n] of inv.core) {
      if (sym === 'H') {
        hydrides += n;
        continue;
      }
      if (!clusterForming(sym)) {
        const w = -nonmetalWithdrawal(el(sym)).electrons;
        steps.push({
          term: `${times(n, sym)} × 0`,
          electrons: 0,
          why: `${sym}: an electronegative atom bound to the cluster, not part of the delocalised shell; the cluster keeps its electrons and the charge (Al13I⁻ = Al13⁻ core + I, Bergeron et al. 2004). Written as a ligand, e.g. Al14(I)3, it withdraws ${w} with superatom-complex`,
        });
        continue;
      }
      const c = jelliumValence(sym)!;
      steps.push({ term: `${times(n, sym)} × ${num(c.electrons)}`, electrons: n * c.electrons, why: c.why });
    }
    for (const l of inv.bound) if (l.role === 'hydride') hydrides += l.count * (l.composition?.H ?? 1);
    if (hydrides) {
      const withdraw = options.hydride === 'withdrawing';
      steps.push({
        term: `${times(hydrides, 'H')} × ${withdraw ? '−1' : '+1'}`,
        electrons: withdraw ? -hydrides : hydrides,
        why: withdraw
          ? 'hydrogen as H⁻ withdraws 1 electron (set by --hydride withdrawing)'
          : 'hydrogen in a bare metal cluster gives its 1s electron to the delocalised shell (override with --hydride withdrawing)',
      });
    }
    steps.push(chargeStep(inv.charge));
    const n = sumSteps(steps);
    const notes: string[] = [];
    if (f.endohedral.length) {
      notes.push(`endohedral: ${f.endohedral.map((x) => `${x.innerText} inside ${x.outerText}`).join('; ')}`);
    }
    return superatomVerdict(META, n, steps, notes, options.model ?? 'jellium');
  },
};
