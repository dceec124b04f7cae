/**
 * `superhalogen`: screening for superhalogens and superalkalis — a prediction to be checked by an
 * electron-affinity or ionisation-energy calculation, never a verdict on its own.
 *
 * Templates (G. L. Gutsev, A. I. Boldyrev, Chem. Phys. 56, 277 (1981); Chem. Phys. Lett. 92, 262
 * (1982)): a superhalogen MX_{(k+1)/m} has one electron too few for every ligand to close its shell
 * (central M of maximal valence k, ligands withdrawing k + 1 electrons: LiCl2, AlF4, BO2, BS2, PF6);
 * a superalkali M_{k+1}X has one electron more than the central X of valence k can bind (Li3O, Li2F).
 * Jellium analogue: a cluster one electron short of a shell closing is halogen-like (Al13, 39 e;
 * Bergeron et al., Science 304, 84 (2004)), one past is alkali-like.
 * Thresholds: EA(Cl) = 3.62 eV (3.612724 eV, Berzinsh et al., PRA 51, 231 (1995)) and
 * IP(Cs) = 3.89 eV (3.893905 eV, NIST ASD).
 */
import type { Formula } from '../../chem/types.js';
import { chargeStep, el, inventory, isMetal, num, times, valenceElectrons } from '../atoms.js';
import { notApplicable, sumSteps } from '../result.js';
import type { Applicability, CountOptions, CountResult, CountRule, CountStep } from '../types.js';
import { jelliumRule } from './jellium.js';
import { superatomComplexRule } from './superatom-complex.js';

const REFERENCE =
  'Gutsev & Boldyrev, Chem. Phys. 56, 277 (1981); Bergeron et al., Science 304, 84 (2004); Jena, J. Phys. Chem. Lett. 4, 1432 (2013)';
const META = { id: 'superhalogen' as const, reference: REFERENCE };
const UNIT = 'e beyond the closed shell (−1: one hole)';
export const EA_CL_EV = 3.62;
export const IP_CS_EV = 3.89;

const CHECK_HALOGEN = `prediction only: confirm with a calculation — a superhalogen needs an electron affinity above EA(Cl) = ${EA_CL_EV} eV (for the anion: a vertical detachment energy above ${EA_CL_EV} eV)`;
const CHECK_ALKALI = `prediction only: confirm with a calculation — a superalkali needs an ionisation energy below IP(Cs) = ${IP_CS_EV} eV`;

/**
 * Principal positive oxidation states of the d-block metals (Greenwood & Earnshaw, Chemistry of the
 * Elements, 2nd ed. (1997), the stable states of each group chapter; Au(V) as in AuF5/AuF6⁻, Pt(V)
 * as in PtF5). A transition metal can act as the centre of a superhalogen in any of them:
 * MnCl3 (Mn²⁺ keeps its half-filled 3d⁵ shell; Gutsev, Weatherford, Jena et al., JCP 134, 234311 (2011)),
 * AuF6 (Au⁵⁺; Koirala et al., JPCC 114, 16018 (2010)), CuCl2 (Cu⁺).
 */
const D_STATES: Readonly<Record<string, readonly number[]>> = {
  Sc: [3],
  Ti: [2, 3, 4],
  V: [2, 3, 4, 5],
  Cr: [2, 3, 6],
  Mn: [2, 4, 7],
  Fe: [2, 3],
  Co: [2, 3],
  Ni: [2],
  Cu: [1, 2],
  Zn: [2],
  Y: [3],
  Zr: [4],
  Nb: [5],
  Mo: [4, 6],
  Tc: [4, 7],
  Ru: [2, 3, 4],
  Rh: [1, 3],
  Pd: [2, 4],
  Ag: [1],
  Cd: [2],
  La: [3],
  Hf: [4],
  Ta: [5],
  W: [4, 6],
  Re: [4, 7],
  Os: [4, 8],
  Ir: [3, 4],
  Pt: [2, 4, 5],
  Au: [1, 3, 5],
  Hg: [2],
};

/**
 * Formal valences k a central atom can use in the MX(k+1) template: the group valence for s- and
 * p-block atoms (Li 1, Al 3, P 5); the principal oxidation states for d-block metals.
 */
function valences(sym: string): readonly number[] {
  const e = el(sym);
  const g = e.group;
  if (g === null) return [];
  if (e.block === 's' || e.block === 'p') return [g <= 2 ? g : g - 10];
  return D_STATES[sym] ?? [];
}

type Template =
  | {
      kind: 'superhalogen';
      centre: string;
      k: number;
      ligands: { name: string; count: number; w: number; why: string }[];
      valences: readonly number[];
    }
  | {
      kind: 'superalkali';
      centre: string;
      k: number;
      metals: { sym: string; count: number; v: number }[];
      /** A complexed alkali atom: the neutral L-type ligands that wrap it (crown ether, cryptand). */
      wrapped?: { name: string; count: number }[];
    };

/** Why the last formula matched no template although it had the MX_n shape (for the reason text). */
let lastMiss: string | null = null;

function template(f: Formula): Template | null {
  lastMiss = null;
  const inv = inventory(f);
  const core = [...inv.core];
  const electroneg = (s: string) => {
    const e = el(s);
    return e.group === 17 || (e.group === 16 && s !== 'Po');
  };
  // Superhalogen: one electropositive centre, everything else electronegative.
  const centres = core.filter(([s]) => !electroneg(s));
  const ligandsOk = inv.bound.every((l) => l.role === 'X');
  if (centres.length === 1 && centres[0]![1] === 1 && ligandsOk && centres[0]![0] !== 'H') {
    const centre = centres[0]![0];
    const ligs = [
      ...core
        .filter(([s]) => s !== centre)
        .map(([s, c]) => {
          const w = 8 - valenceElectrons(el(s));
          return {
            name: s,
            count: c,
            w,
            why: `${s}: needs ${w} electron${w === 1 ? '' : 's'} to close its shell`,
          };
        }),
      ...inv.bound.map((l) => ({
        name: l.name,
        count: l.count,
        w: l.electronsWithdrawn,
        why: `${l.name}: X-type, withdraws ${l.electronsWithdrawn}`,
      })),
    ];
    const w = ligs.reduce((a, l) => a + l.count * l.w, 0);
    const ks = valences(centre);
    // A d0 centre at its group valence (TiCl4, CrO3, OsO4) gives every electron the ligands need:
    // a closed-shell molecule, not one electron short.
    const saturated = el(centre).block === 'd' && w === el(centre).group;
    if (ligs.length && !saturated && ks.includes(w - 1))
      return { kind: 'superhalogen', centre, k: w - 1, ligands: ligs, valences: ks };
    if (ligs.length && ks.length) {
      lastMiss = saturated
        ? `the ligands need ${w} electrons and ${centre} gives all ${w} (${centre}(+${w}), d⁰) — a closed-shell molecule, not one electron short, so not a superhalogen template`
        : `the ligands need ${w} electron${w === 1 ? '' : 's'}; ${centre} gives ${ks.join(' or ')} (${ks.length > 1 ? 'its principal valences' : 'its valence'}), so MX(k+1) would need ${ks.map((k) => k + 1).join(' or ')} — no superhalogen template`;
    }
  }
  // Superalkali: one electronegative centre, every other atom an s-block metal.
  const neg = core.filter(([s]) => !isMetal(el(s)));
  const metals = core.filter(([s]) => isMetal(el(s)));
  if (
    inv.bound.length === 0 &&
    neg.length === 1 &&
    neg[0]![1] === 1 &&
    metals.length >= 1 &&
    metals.every(([s]) => el(s).block === 's')
  ) {
    const centre = neg[0]![0];
    const k = 8 - valenceElectrons(el(centre));
    const ms = metals.map(([s, c]) => ({ sym: s, count: c, v: valenceElectrons(el(s)) }));
    const give = ms.reduce((a, m) => a + m.count * m.v, 0);
    if (k >= 1 && give === k + 1) return { kind: 'superalkali', centre, k, metals: ms };
  }
  // Complexed alkali: one alkali atom wrapped by neutral L-type ligands keeps its ns¹ electron far
  // from any acceptor ([K(2.2.2-crypt)], the alkalide/electride cations of Dye, Acc. Chem. Res. 42,
  // 1564 (2009); record-low ionisation energies: Boldyrev and co-workers, ChemPhysChem).
  if (
    core.length === 1 &&
    core[0]![1] === 1 &&
    el(core[0]![0]).group === 1 &&
    core[0]![0] !== 'H' &&
    inv.bound.length > 0 &&
    inv.bound.every((l) => l.role === 'L')
  ) {
    const sym = core[0]![0];
    return {
      kind: 'superalkali',
      centre: sym,
      k: 0,
      metals: [{ sym, count: 1, v: 1 }],
      wrapped: inv.bound.map((l) => ({ name: l.name, count: l.count })),
    };
  }
  return null;
}

function jelliumAnalogue(f: Formula, options: CountOptions): CountResult | null {
  for (const rule of [jelliumRule, superatomComplexRule]) {
    if (!rule.applies(f, options).applies) continue;
    const r = rule.count(f, options);
    if (r.analogue === 'halogen' || r.analogue === 'alkali') return r;
  }
  return null;
}

function check(f: Formula, options: CountOptions = {}): Applicability {
  const t = template(f);
  const miss = lastMiss;
  if (t)
    return {
      applies: true,
      reason: `${t.kind} template ${t.kind === 'superhalogen' ? 'MX(k+1)' : t.kind === 'superalkali' && t.wrapped ? 'M(L)n' : 'M(k+1)X'} around ${t.centre}`,
    };
  const j = jelliumAnalogue(f, options);
  if (j) return { applies: true, reason: `${j.rule} count ${j.count} is ${j.analogue}-like` };
  return {
    applies: false,
    reason: `${miss ? `${miss}; ` : ''}neither a superhalogen template MX(k+1) / superalkali template M(k+1)X nor a jellium count one electron from a shell closing`,
  };
}

export const superhalogenRule: CountRule = {
  id: 'superhalogen',
  title: 'Superhalogen / superalkali screening',
  reference: REFERENCE,
  applies: (f, o) => check(f, o),
  count(f: Formula, options: CountOptions = {}): CountResult {
    const t = template(f);
    const inv = inventory(f);
    if (t) {
      const steps: CountStep[] = [];
      const notes: string[] = [];
      let analogue: string;
      if (t.kind === 'superhalogen') {
        const e = el(t.centre);
        steps.push({
          term: `${t.centre} (centre)`,
          electrons: t.k,
          why:
            e.block === 'd'
              ? `${t.centre}: formal valence ${t.k} (${t.centre}${t.k > 1 ? t.k : ''}+, one of its principal oxidation states ${t.valences.map((v) => `+${v}`).join(', ')}) — the electrons it gives its ligands`
              : `${t.centre}: maximal formal valence ${t.k} (group ${e.group}) — the electrons it can give its ligands`,
        });
        for (const l of t.ligands) {
          steps.push({ term: `${times(l.count, l.name)} × −${l.w}`, electrons: -l.count * l.w, why: l.why });
        }
        analogue = 'superhalogen';
        notes.push(
          `the ligands need ${t.k + 1} electrons but ${t.centre} has only ${t.k}: one electron short of a closed shell, like a halogen atom — MX(k+1) superhalogen template`,
        );
        notes.push(CHECK_HALOGEN);
      } else {
        for (const m of t.metals) {
          steps.push({
            term: `${times(m.count, m.sym)} × ${num(m.v)}`,
            electrons: m.count * m.v,
            why: `${m.sym}: ${m.v} valence electron${m.v === 1 ? '' : 's'}`,
          });
        }
        analogue = 'superalkali';
        if (t.wrapped) {
          for (const w of t.wrapped) {
            steps.push({
              term: `${times(w.count, w.name)} × 0`,
              electrons: 0,
              why: `${w.name}: a neutral L-type ligand wrapped around ${t.centre}; it takes no electron`,
            });
          }
          notes.push(
            `${t.centre} wrapped by neutral ligands keeps its ns¹ electron with no acceptor to take it: alkali-like with a lowered ionisation energy — a complexed (coordination) superalkali`,
          );
        } else {
          steps.push({
            term: `${t.centre} (centre) × −${t.k}`,
            electrons: -t.k,
            why: `${t.centre}: binds ${t.k} electron${t.k === 1 ? '' : 's'} to close its octet`,
          });
          notes.push(
            `the metals give ${t.k + 1} electrons but ${t.centre} binds only ${t.k}: one electron left over, like an alkali atom — M(k+1)X superalkali template`,
          );
        }
        notes.push(CHECK_ALKALI);
      }
      steps.push(chargeStep(inv.charge));
      const excess = sumSteps(steps);
      if (excess === 0) {
        notes.unshift(
          `the ${inv.charge < 0 ? 'anion' : 'cation'} closes the shell: the closed-shell ion of a ${analogue}`,
        );
      } else if (excess === -1 || excess === 1) {
        notes.unshift(`neutral ${analogue} candidate: ${excess === -1 ? 'one hole' : 'one extra electron'}`);
      }
      return {
        rule: 'superhalogen',
        applies: true,
        count: excess,
        unit: UNIT,
        verdict: excess === 0 ? 'closed-shell' : 'open-shell',
        analogue,
        steps,
        notes,
        details: {
          template: t.kind === 'superhalogen' ? 'MX(k+1)' : t.wrapped ? 'M(L)n' : 'M(k+1)X',
          centre: t.centre,
          k: t.k,
          eaClEv: EA_CL_EV,
          ipCsEv: IP_CS_EV,
        },
        reference: REFERENCE,
      };
    }
    const j = jelliumAnalogue(f, options);
    if (!j) return notApplicable(META, UNIT, check(f, options).reason);
    const halogen = j.analogue === 'halogen';
    const closing = j.shell ? (halogen ? j.shell.closingAbove : j.shell.closingBelow) : null;
    return {
      rule: 'superhalogen',
      applies: true,
      count: j.count,
      unit: 'e',
      verdict: j.verdict,
      ...(j.configuration !== undefined ? { configuration: j.configuration } : {}),
      ...(j.shell ? { shell: j.shell } : {}),
      analogue: halogen ? 'superhalogen' : 'superalkali',
      steps: j.steps,
      notes: [
        `${j.rule} count ${j.count} is ${halogen ? `one electron short of the ${closing}-electron closing: halogen-like, a superhalogen candidate` : `one electron past the ${closing}-electron closing: alkali-like, a superalkali candidate`}`,
        halogen ? CHECK_HALOGEN : CHECK_ALKALI,
      ],
      details: { via: j.rule, eaClEv: EA_CL_EV, ipCsEv: IP_CS_EV },
      reference: REFERENCE,
    };
  },
};
