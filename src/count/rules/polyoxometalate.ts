/**
 * `polyoxometalate`: the d-electron count of a polyoxometalate (POM). Fully oxidised addenda are d⁰
 * (W VI, Mo VI, V V, Nb V, Ta V): the anion is a d⁰ closed shell with 0 d electrons. A reduced
 * "heteropoly blue" holds n added electrons delocalised over the addenda (mixed valence W V/W VI):
 * [PMo12O40]⁴⁻ is the one-electron, [PW12O40]⁵⁻ the two-electron reduced Keggin anion
 * (M. T. Pope, Heteropoly and Isopoly Oxometalates, Springer (1983); Pope & Müller, Angew. Chem. Int.
 * Ed. 30, 34 (1991); Sadakane & Steckhan, Chem. Rev. 98, 219 (1998); Altenau, Pope, Prados, So,
 * Inorg. Chem. 14, 417 (1975) for the 1-, 2-, 4- and 6-electron heteropoly blues).
 *
 * The count comes from the oxidation-state balance against the fully oxidised parent:
 *
 *   n = Σ_A N_A ox_A − 2 N_O + Σ_L N_L q_L − z
 *
 * with the addenda at their d⁰ states, O −2, H +1 (protons, water), the heteroatom at its group
 * state (P/As V, Si/Ge IV, B/Al/Ga III, S VI …) and bound ligands at their charge q_L. A
 * transition-metal heteroatom with several common states (Co II/III, Fe II/III, Mn II/III/IV, Cu I/II,
 * Ce III/IV) takes the state that leaves the fewest added electrons ([CoW12O40]⁶⁻ is Co(II) and
 * fully oxidised, [CoW12O40]⁵⁻ Co(III)), and the note names the choice.
 */
import type { Formula } from '../../chem/types.js';
import { el, inventory, signed, times } from '../atoms.js';
import { notApplicable, sumSteps } from '../result.js';
import type { Applicability, CountResult, CountRule, CountStep } from '../types.js';

const REFERENCE =
  'Pope, Heteropoly and Isopoly Oxometalates (Springer 1983); Pope & Müller, Angew. Chem. Int. Ed. 30, 34 (1991); Altenau, Pope, Prados & So, Inorg. Chem. 14, 417 (1975)';
const META = { id: 'polyoxometalate' as const, reference: REFERENCE };
const UNIT = 'e (added d electrons)';

/** Addenda and their d⁰ oxidation states. */
const ADDENDA: ReadonlyMap<string, number> = new Map([
  ['W', 6],
  ['Mo', 6],
  ['V', 5],
  ['Nb', 5],
  ['Ta', 5],
]);

/** Oxidation states of heteroatoms and counter-cations written inside the anion, commonest first. */
const STATES: Readonly<Record<string, readonly number[]>> = {
  H: [1],
  B: [3],
  Al: [3],
  Ga: [3],
  Si: [4],
  Ge: [4],
  Sn: [4],
  P: [5],
  As: [5],
  Sb: [5],
  Bi: [3],
  S: [6],
  Se: [4],
  Te: [6],
  I: [7],
  F: [-1],
  Cl: [-1],
  Ti: [4],
  Zr: [4],
  Hf: [4],
  Cr: [3],
  Mn: [2, 3, 4],
  Fe: [3, 2],
  Co: [2, 3],
  Ni: [2],
  Cu: [2, 1],
  Zn: [2],
  Ru: [3, 4, 2],
  Rh: [3],
  Pd: [2],
  Pt: [2, 4],
  Ag: [1],
  Ce: [3, 4],
  Th: [4],
  U: [6, 4],
};

/** Oxidation states of an element, or null when the rule has none for it. */
function statesOf(sym: string): readonly number[] | null {
  const own = STATES[sym];
  if (own) return own;
  const e = el(sym);
  if (e.group === 1 && sym !== 'H') return [1];
  if (e.group === 2) return [2];
  if (e.block === 'f' || e.group === 3) return [3];
  return null;
}

const ROMAN = ['0', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];
function ox(n: number): string {
  return n < 0 ? `${signed(n)}` : (ROMAN[n] ?? String(n));
}

interface Pom {
  readonly addenda: Map<string, number>;
  readonly others: Map<string, number>;
  readonly oxygens: number;
}

function pomOf(f: Formula): Pom | string {
  const inv = inventory(f);
  const addenda = new Map<string, number>();
  const others = new Map<string, number>();
  let oxygens = 0;
  for (const [s, n] of inv.core) {
    if (s === 'O') oxygens += n;
    else if (ADDENDA.has(s)) addenda.set(s, n);
    else others.set(s, n);
  }
  const nAdd = [...addenda.values()].reduce((a, b) => a + b, 0);
  if (nAdd < 2) return 'fewer than two W, Mo, V, Nb or Ta atoms: not a polyoxometalate';
  if (oxygens < 2 * nAdd)
    return `${oxygens} O for ${nAdd} addenda atoms: too few oxygens for a polyoxometalate (at least 2 per addendum)`;
  if (others.has('C'))
    return 'carbon in the metal–oxygen framework: write organic groups as ligands in parentheses';
  for (const l of inv.bound) {
    if (l.composition === null || l.charge === null || l.charge === undefined)
      return `${l.name}: a ligand of unknown charge, so the oxidation-state balance cannot be made`;
  }
  const unknown = [...others.keys()].filter((s) => statesOf(s) === null);
  if (unknown.length)
    return `${unknown.join(', ')}: no oxidation state tabulated for ${unknown.length === 1 ? 'this element' : 'these elements'} in a polyoxometalate`;
  const nOther = [...others].filter(([s]) => s !== 'H').reduce((a, [, n]) => a + n, 0);
  if (nOther > nAdd) return 'more non-addenda atoms than addenda: a mixed oxide, not a polyoxometalate';
  return { addenda, others, oxygens };
}

function check(f: Formula): Applicability {
  const p = pomOf(f);
  if (typeof p === 'string') return { applies: false, reason: p };
  return {
    applies: true,
    reason: `metal–oxygen cluster of ${[...p.addenda].map(([s, n]) => `${s}${n}`).join('')} with ${p.oxygens} O`,
  };
}

/** Every assignment of the multi-state elements (small: a handful of elements, ≤ 3 states each). */
function assignments(others: ReadonlyMap<string, number>): Map<string, number>[] {
  let out: Map<string, number>[] = [new Map()];
  for (const s of others.keys()) {
    const next: Map<string, number>[] = [];
    for (const a of out) for (const v of statesOf(s)!) next.push(new Map([...a, [s, v]]));
    out = next;
  }
  return out;
}

export const polyoxometalateRule: CountRule = {
  id: 'polyoxometalate',
  title: 'Polyoxometalate d⁰ addenda and heteropoly blues',
  reference: REFERENCE,
  applies: (f) => check(f),
  count(f: Formula): CountResult {
    const p = pomOf(f);
    if (typeof p === 'string') return notApplicable(META, UNIT, p);
    const inv = inventory(f);
    const ligandCharge = inv.bound.reduce((a, l) => a + (l.charge ?? 0) * l.count, 0);
    const fixed =
      [...p.addenda].reduce((a, [s, n]) => a + n * ADDENDA.get(s)!, 0) - 2 * p.oxygens + ligandCharge;
    // the assignment leaving the fewest added electrons (≥ 0); commonest states first on ties
    let best: { states: Map<string, number>; added: number } | null = null;
    const options = assignments(p.others);
    for (const states of options) {
      const z0 = fixed + [...p.others].reduce((a, [s, n]) => a + n * states.get(s)!, 0);
      const added = z0 - inv.charge;
      if (added >= 0 && (best === null || added < best.added)) best = { states, added };
    }
    if (!best) {
      const states = options[0]!;
      const z0 = fixed + [...p.others].reduce((a, [s, n]) => a + n * states.get(s)!, 0);
      return notApplicable(
        META,
        UNIT,
        `the charge ${signed(inv.charge)} is more positive than the fully oxidised parent's ${signed(z0)}: the addenda cannot be above their d⁰ states — check the charge and the counter-ions`,
      );
    }
    const steps: CountStep[] = [];
    for (const [s, n] of p.addenda) {
      const v = ADDENDA.get(s)!;
      steps.push({
        term: `${times(n, s)} × ${ox(v)}`,
        electrons: n * v,
        why: `${s}(${ox(v)}) addendum, d⁰ in the fully oxidised parent`,
      });
    }
    for (const [s, n] of p.others) {
      const v = best.states.get(s)!;
      const choices = statesOf(s)!;
      steps.push({
        term: `${times(n, s)} × ${ox(v)}`,
        electrons: n * v,
        why:
          s === 'H'
            ? 'H(+I): protons (acid, hydroxo or aqua hydrogens)'
            : `${s}(${ox(v)})${choices.length > 1 ? ` — of ${choices.map(ox).join('/')}, the state that leaves the fewest added electrons` : el(s).group === 1 || el(s).group === 2 ? ' cation' : ' heteroatom'}`,
      });
    }
    steps.push({ term: `${p.oxygens} O × −II`, electrons: -2 * p.oxygens, why: 'oxide O(−II)' });
    for (const l of inv.bound) {
      steps.push({
        term: `${times(l.count, l.name)} × ${signed(l.charge ?? 0)}`,
        electrons: l.count * (l.charge ?? 0),
        why: `${l.name} bound with charge ${signed(l.charge ?? 0)}`,
      });
    }
    const z0 = sumSteps(steps);
    steps.push({
      term: `charge ${signed(inv.charge)}`,
      electrons: -inv.charge,
      why: `the fully oxidised parent would carry ${signed(z0)}; each further negative charge is one electron added to the addenda`,
    });
    const n = sumSteps(steps);
    // heteroatoms: everything but protons, halides and alkali/alkaline-earth counter-cations
    const hetero = [...p.others.keys()].filter((s) => {
      const g = el(s).group;
      return s !== 'H' && g !== 1 && g !== 2 && g !== 17;
    });
    const notes: string[] = [];
    let verdict: string;
    if (n === 0) {
      verdict = 'd0-closed-shell';
      notes.push(
        `fully oxidised: every addendum is d⁰ (${[...p.addenda].map(([s]) => `${s}(${ox(ADDENDA.get(s)!)})`).join(', ')}) — 0 d electrons, a closed-shell d⁰ polyoxometalate`,
      );
    } else {
      verdict = hetero.length ? 'heteropoly-blue' : 'isopoly-blue';
      notes.push(
        `${n}-electron reduced: ${n} electron${n === 1 ? '' : 's'} beyond the fully oxidised parent (charge ${signed(z0)}), delocalised over the addenda (mixed valence ${[...p.addenda].map(([s]) => `${s}(${ox(ADDENDA.get(s)! - 1)})/${s}(${ox(ADDENDA.get(s)!)})`).join(', ')}) — ${verdict === 'heteropoly-blue' ? 'a "heteropoly' : 'an "isopoly'} blue"`,
      );
      if (n % 2 === 1) notes.push(`odd n = ${n}: one unpaired electron (paramagnetic)`);
    }
    const multi = [...p.others.keys()].filter((s) => statesOf(s)!.length > 1);
    if (multi.length) {
      notes.push(
        `${multi.map((s) => `${s}(${ox(best.states.get(s)!)})`).join(', ')} chosen so that the fewest electrons sit on the addenda; another state of ${multi.length === 1 ? 'this atom' : 'these atoms'} would change the count by the difference`,
      );
    }
    if (inv.ignored.length)
      notes.push(`not counted: ${inv.ignored.map((l) => `${l.count} ${l.name} (${l.role})`).join(', ')}`);
    return {
      rule: 'polyoxometalate',
      applies: true,
      count: n,
      unit: UNIT,
      verdict,
      steps,
      notes,
      details: {
        addenda: Object.fromEntries(p.addenda),
        oxidationStates: Object.fromEntries([
          ...[...p.addenda.keys()].map((s) => [s, ADDENDA.get(s)!] as const),
          ...best.states,
          ['O', -2] as const,
        ]),
        parentCharge: z0,
        addedElectrons: n,
      },
      reference: REFERENCE,
    };
  },
};
