/**
 * `hirsch`: π electrons of a spherical cage. 2(N + 1)² π electrons fill every shell up to angular
 * momentum N (spherical aromaticity: A. Hirsch, Z. Chen, H. Jiao, Angew. Chem. Int. Ed. 39, 3915
 * (2000)); 2N² + 2N + 1 electrons (a half-filled last shell with parallel spins) are open-shell
 * aromatic (J. Poater, M. Solà, Chem. Commun. 47, 11647 (2011)).
 *
 * π count: each three-connected cage atom gives v − 3 (C 1, N 2, B 0); an endohedral metal transfers
 * its valence electrons to the cage (La@C82: 3; Sc3N: 3 × 3 − 3 = 6; noble gases and N atoms 0); − z.
 */
import type { Formula } from '../../chem/types.js';
import { byElement, chargeStep, el, inventory, isMetal, num, times, valenceElectrons } from '../atoms.js';
import { notApplicable, sumSteps } from '../result.js';
import type { Applicability, CountOptions, CountResult, CountRule, CountStep } from '../types.js';

const REFERENCE =
  'Hirsch, Chen & Jiao, Angew. Chem. Int. Ed. 39, 3915 (2000); Poater & Solà, Chem. Commun. 47, 11647 (2011)';
const META = { id: 'hirsch' as const, reference: REFERENCE };
const UNIT = 'π electrons';
const CAGE_ATOMS = new Set(['C', 'B', 'N', 'Si']);
/** Hollow coinage-metal cages ("golden fullerenes") delocalise one s electron per atom over the sphere. */
const COINAGE = new Set(['Au', 'Ag', 'Cu']);

interface Cage {
  readonly cage: Map<string, number>;
  readonly inside: Map<string, number>;
  /** A hollow coinage-metal cage (Au32) rather than a carbon fullerene. */
  readonly metal?: boolean;
  /** Accepted because the π count was given (--pi), whatever the cage is made of. */
  readonly given?: boolean;
}

/** Fewest atoms a cage must have for a π count given with --pi (smaller clusters are rings or polyhedra). */
const MIN_GIVEN_CAGE = 8;

function cageOf(f: Formula, options: CountOptions = {}): Cage | string {
  const inv = inventory(f);
  if (inv.bound.length) return 'ligands or exohedral groups: the Hirsch rule counts bare cages';
  const given = cageGiven(f, options);
  if (given) return given;
  let cage: Map<string, number>;
  const inside = new Map<string, number>();
  if (f.endohedral.length) {
    const x = f.endohedral[f.endohedral.length - 1]!;
    cage = byElement(x.outer);
    for (const y of f.endohedral)
      for (const [k, v] of byElement(y.inner)) inside.set(k, Math.max(inside.get(k) ?? 0, v));
  } else cage = new Map(inv.core);
  const size = [...cage.values()].reduce((a, b) => a + b, 0);
  if ([...cage.keys()].every((s) => COINAGE.has(s))) {
    if (inside.size) return 'an endohedral metal cage: count it with jellium or the 18/32-electron rules';
    if (size < 16)
      return `${size} coinage-metal atoms: too few for a hollow cage (golden cages start near Au16)`;
    return { cage, inside, metal: true };
  }
  if ([...cage.keys()].some((s) => !CAGE_ATOMS.has(s))) {
    return `${[...cage.keys()].filter((s) => !CAGE_ATOMS.has(s)).join(', ')}: not a fullerene-type cage (C, with B/N/Si substitution)`;
  }
  const n = [...cage.values()].reduce((a, b) => a + b, 0);
  if ((cage.get('C') ?? 0) * 2 < n) return 'mostly non-carbon: not a fullerene-type cage';
  if (n < 20) return `${n} cage atoms: the smallest fullerene cage is C20`;
  return { cage, inside };
}

/**
 * With --pi the user supplies the spherical π count, so any bare cage of at least
 * {@link MIN_GIVEN_CAGE} atoms can be judged (B40 borospherene, Si/Ge/Sn cages, small gold cages),
 * as the Hückel rule takes --pi for any small ring. Null when no π count is given.
 */
function cageGiven(f: Formula, options: CountOptions): Cage | string | null {
  if (options.pi === undefined) return null;
  const x = f.endohedral[f.endohedral.length - 1];
  const cage = x ? byElement(x.outer) : new Map(inventory(f).core);
  const inside = new Map<string, number>();
  for (const y of f.endohedral) for (const [k, v] of byElement(y.inner)) inside.set(k, v);
  const size = [...cage.values()].reduce((a, b) => a + b, 0);
  if (size < MIN_GIVEN_CAGE)
    return `${size} cage atoms: too few for a spherical cage (--pi applies to cages of at least ${MIN_GIVEN_CAGE} atoms; for a ring use --rule huckel)`;
  return { cage, inside, given: true };
}

/** Electrons an endohedral unit transfers to a carbon cage. */
function transfer(sym: string): { electrons: number; why: string } {
  const e = el(sym);
  if (e.group === 18) return { electrons: 0, why: `${sym}: a noble gas transfers nothing` };
  if (isMetal(e)) {
    const twoPlus = ['Sm', 'Eu', 'Tm', 'Yb'].includes(sym);
    const v =
      e.block === 'f'
        ? twoPlus
          ? 2
          : sym === 'Th'
            ? 4
            : 3
        : e.group !== null && e.group <= 3
          ? e.group
          : Math.min(3, valenceElectrons(e));
    return {
      electrons: v,
      why: `${sym}: a metal inside the cage gives ${v} electron${v === 1 ? '' : 's'} to it (${sym}${v === 1 ? '' : v}+)`,
    };
  }
  const need = 8 - valenceElectrons(e);
  return {
    electrons: -need,
    why: `${sym}: takes ${need} electrons from the co-encapsulated metals (${sym}${need}−)`,
  };
}

function check(f: Formula, options: CountOptions = {}): Applicability {
  const c = cageOf(f, options);
  if (typeof c === 'string') return { applies: false, reason: c };
  const name = [...c.cage].map(([s, n]) => `${s}${n}`).join('');
  return {
    applies: true,
    reason: c.given
      ? `${name} read as a spherical cage with the π count given (--pi)`
      : c.metal
        ? `${name} read as a hollow metal cage (golden fullerene)`
        : `spherical cage ${name}`,
  };
}

/** N for 2(N+1)² or 2N²+2N+1, or null. */
function shellIndex(pi: number): { closed: number | null; open: number | null } {
  let closed: number | null = null;
  let open: number | null = null;
  for (let n = 0; 2 * n * n <= pi + 2; n++) {
    if (2 * (n + 1) ** 2 === pi) closed = n;
    if (2 * n * n + 2 * n + 1 === pi) open = n;
  }
  return { closed, open };
}

export const hirschRule: CountRule = {
  id: 'hirsch',
  title: 'Hirsch 2(N + 1)² spherical aromaticity',
  reference: REFERENCE,
  applies: (f, options) => check(f, options),
  count(f: Formula, options: CountOptions = {}): CountResult {
    const c = cageOf(f, options);
    if (typeof c === 'string') return notApplicable(META, UNIT, c);
    const inv = inventory(f);
    const steps: CountStep[] = [];
    if (options.pi !== undefined) {
      steps.push({
        term: 'π electrons (given)',
        electrons: options.pi,
        why: 'π count supplied by the user (--pi)',
      });
    } else {
      for (const [s, n] of c.cage) {
        if (c.metal) {
          steps.push({
            term: `${times(n, s)} × 1`,
            electrons: n,
            why: `${s} (group 11): its ${el(s).period}s electron, delocalised over the cage surface (the d¹⁰ shell is not counted; golden fullerenes, Johansson, Sundholm & Pyykkö 2004)`,
          });
          continue;
        }
        const v = valenceElectrons(el(s)) - 3;
        steps.push({
          term: `${times(n, s)} × ${num(v)}`,
          electrons: n * v,
          why: `${s}: three σ bonds in the cage, ${v} electron${v === 1 ? '' : 's'} left for the π system`,
        });
      }
      for (const [s, n] of c.inside) {
        const t = transfer(s);
        steps.push({
          term: `${times(n, s)} inside × ${num(t.electrons)}`,
          electrons: n * t.electrons,
          why: t.why,
        });
      }
      steps.push(chargeStep(inv.charge));
    }
    const pi = sumSteps(steps);
    const { closed, open } = shellIndex(pi);
    const notes: string[] = [];
    if (c.given)
      notes.push(
        "the cage and its π count are taken on the user's word (--pi): a structure or calculation should confirm that the cage is spherical and its π system delocalised",
      );
    let verdict = 'not-aromatic';
    if (closed !== null) {
      verdict = 'aromatic';
      notes.push(
        `${pi} = 2(N + 1)² with N = ${closed}: all π shells up to l = ${closed} are filled — spherically aromatic`,
      );
      if (pi > 50) {
        notes.push(
          'beyond 50 π electrons the rule often fails for charged cages (computed magnetic criteria: [C60]¹²⁻ with 72 is not aromatic, PCCP 14, 14886 (2012)) — treat as a prediction',
        );
      }
    } else if (open !== null) {
      verdict = 'open-shell-aromatic';
      notes.push(
        `${pi} = 2N² + 2N + 1 with N = ${open}: a half-filled last shell with parallel spins — open-shell spherical aromatic`,
      );
    } else {
      const below = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
        .map((n) => 2 * n * n)
        .filter((x) => x < pi)
        .pop();
      const above = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((n) => 2 * n * n).find((x) => x > pi);
      notes.push(
        `${pi} is neither 2(N + 1)² (… ${below ?? ''}, ${above ?? ''} …) nor 2N² + 2N + 1: not spherically aromatic`,
      );
    }
    if (c.metal) {
      notes.push(
        'read as a hollow cage: the s electrons move on a sphere and fill its shells like π electrons (Au32 and Au72 are 2(N + 1)² golden fullerenes: Johansson, Sundholm & Pyykkö, Angew. Chem. Int. Ed. 43, 2678 (2004); Karttunen et al., Chem. Commun. 2008, 465); a compact cluster of the same formula is counted by jellium',
      );
    }
    return {
      rule: 'hirsch',
      applies: true,
      count: pi,
      unit: UNIT,
      verdict,
      steps,
      notes,
      details: { N: closed ?? open },
      reference: REFERENCE,
    };
  },
};
