/**
 * `wade-mingos`: skeletal electron pairs (polyhedral skeletal electron pair theory; K. Wade,
 * Chem. Commun. 1971, 792 and Adv. Inorg. Chem. Radiochem. 18, 1 (1976); D. M. P. Mingos,
 * Nature Phys. Sci. 236, 99 (1972); Acc. Chem. Res. 17, 311 (1984)).
 *
 * Skeletal electrons S = Σ main-group vertices (v − 2: one orbital points outwards, holding an
 * exo bond or a lone pair) + 1 per H or one-electron exo ligand (B–H 2, C–H 3, bare Sn 2, bare Bi 3)
 * + Σ transition-metal vertices (v + x − 12, x = electrons of its ligands) + all valence electrons of
 * interstitial atoms (a d¹⁰ interstitial metal gives 0) − z.  SEP = S/2 for n vertices:
 * n+1 closo, n+2 nido, n+3 arachno, n+4 hypho; SEP = n is a capped closo polyhedron.
 */
import type { Formula } from '../../chem/types.js';
import {
  byElement,
  chargeStep,
  el,
  groupLabel,
  inventory,
  isTransitionMetal,
  num,
  times,
  valenceElectrons,
} from '../atoms.js';
import { bareAtomDonation, cappingFragment, ligandDonation } from '../donors.js';
import { notApplicable, sumSteps } from '../result.js';
import type { Applicability, CountResult, CountRule, CountStep } from '../types.js';

const REFERENCE =
  'Wade, Chem. Commun. 1971, 792; Adv. Inorg. Chem. Radiochem. 18, 1 (1976); Mingos, Nature Phys. Sci. 236, 99 (1972); Acc. Chem. Res. 17, 311 (1984)';
const META = { id: 'wade-mingos' as const, reference: REFERENCE };

/** Closo deltahedra by vertex count. */
export const DELTAHEDRA: Readonly<Record<number, string>> = {
  4: 'tetrahedron',
  5: 'trigonal bipyramid',
  6: 'octahedron',
  7: 'pentagonal bipyramid',
  8: 'dodecahedron (bisdisphenoid)',
  9: 'tricapped trigonal prism',
  10: 'bicapped square antiprism',
  11: 'octadecahedron',
  12: 'icosahedron',
};

const CLASSES = ['closo', 'nido', 'arachno', 'hypho'] as const;

function article(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/** Main-group elements that act as cluster vertices. */
function mainGroupVertex(sym: string): boolean {
  const e = el(sym);
  return e.block === 'p' && e.group !== null && e.group >= 13 && e.group <= 16 && sym !== 'O' && sym !== 'N';
}

interface Plan {
  readonly vertices: Map<string, number>;
  readonly mainGroup: Map<string, number>;
  readonly metals: Map<string, number>;
  readonly interstitial: Map<string, number>;
  readonly terminal: Map<string, number>;
  readonly hydrogens: number;
  readonly n: number;
  /** Face-capping E–R ligands counted as vertices. */
  readonly caps: number;
}

function plan(f: Formula): Plan | string {
  const inv = inventory(f);
  const inner = new Map<string, number>();
  for (const x of f.endohedral)
    for (const [k, v] of byElement(x.inner)) inner.set(k, Math.max(inner.get(k) ?? 0, v));
  const mainGroup = new Map<string, number>();
  const metals = new Map<string, number>();
  const interstitial = new Map<string, number>();
  const terminal = new Map<string, number>();
  let hydrogens = 0;
  for (const [sym, count] of inv.core) {
    let n = count;
    const inside = Math.min(n, inner.get(sym) ?? 0);
    if (inside) interstitial.set(sym, inside);
    n -= inside;
    if (!n) continue;
    const e = el(sym);
    if (sym === 'H') hydrogens += n;
    else if (isTransitionMetal(e)) {
      if (e.group === 11 || e.group === 12)
        return `${sym} (${groupLabel(e)}) clusters are not Wade–Mingos vertices: use superatom-complex or jellium`;
      metals.set(sym, n);
    } else if (mainGroupVertex(sym)) mainGroup.set(sym, n);
    else if (e.block === 's')
      return `${sym} (${groupLabel(e)}): an s-block metal is not a cluster vertex in Wade's rules; try jellium`;
    else terminal.set(sym, n);
  }
  for (const l of inv.bound) if (l.role === 'hydride') hydrogens += l.count * (l.composition?.H ?? 1);
  const nMetal = [...metals.values()].reduce((a, b) => a + b, 0);
  // Carbide/nitride atoms in a transition-metal carbonyl cluster sit inside the metal cage.
  if (nMetal >= 4) {
    for (const s of ['C', 'N', 'P', 'Si', 'Ge']) {
      const c = mainGroup.get(s) ?? terminal.get(s);
      if (c && c <= 2 && ![...mainGroup.keys()].some((k) => k === 'B')) {
        interstitial.set(s, (interstitial.get(s) ?? 0) + c);
        mainGroup.delete(s);
        terminal.delete(s);
      }
    }
  }
  for (const s of ['N']) {
    const c = terminal.get(s);
    if (c && nMetal >= 4) {
      interstitial.set(s, (interstitial.get(s) ?? 0) + c);
      terminal.delete(s);
    }
  }
  const nTerminal = [...terminal.values()].reduce((a, b) => a + b, 0);
  if (nMetal > 0 && nTerminal > nMetal) {
    return `more bare ${[...terminal.keys()].join(', ')} atoms than metal atoms: a metal oxide/halide cluster (e.g. a polyoxometalate) with metal ions, not a skeletal-electron cluster`;
  }
  if (nMetal > 0 && inv.bound.length === 0 && hydrogens === 0 && nTerminal === 0) {
    return 'a bare transition-metal cluster: the v + x − 12 vertex count assumes ligated (18-electron) vertices';
  }
  const vertices = new Map([...mainGroup, ...metals]);
  // Face-capping E–R fragments written as ligands (CMe in Co3(CO)9CMe) are polyhedron vertices.
  const caps = inv.bound.reduce((a, l) => a + (cappingFragment(l) ? l.count : 0), 0);
  const n = [...vertices.values()].reduce((a, b) => a + b, 0) + caps;
  const nMain = [...mainGroup.values()].reduce((a, b) => a + b, 0);
  if (n < 3)
    return `${n} cluster vertex${n === 1 ? '' : 'es'}: Wade's rules need a polyhedron (3 or more vertices)`;
  if (nMetal === 0 && [...mainGroup.keys()].every((s) => s === 'C')) {
    return 'only carbon vertices: a hydrocarbon, not a borane or cluster — use huckel for rings, hirsch for fullerenes';
  }
  if (nMetal === 0 && inv.bound.length === 0 && hydrogens === 0) {
    const g13 = [...mainGroup.keys()].filter((s) => el(s).group === 13);
    if (g13.length && g13.length === mainGroup.size) {
      return g13.includes('B')
        ? 'bare boron cluster: without B–H vertices it is a planar or quasi-planar sheet (B13⁺, B12), not a deltahedron — Wade counts boranes'
        : `bare group-13 metal cluster (${g13.join(', ')}): count it with the jellium rule`;
    }
  }
  const nB = mainGroup.get('B') ?? 0;
  const halides = [...terminal].reduce((a, [s, c]) => a + (el(s).group === 17 ? c : 0), 0);
  const exo =
    halides + hydrogens + inv.bound.reduce((a, l) => a + (l.role === 'X' || l.role === 'L' ? l.count : 0), 0);
  const g13 = [...mainGroup.keys()].filter((s) => s !== 'B' && el(s).group === 13);
  if (nMetal === 0 && g13.length && inv.bound.length && exo < nMain) {
    return `${nMain - exo} of the ${nMain} ${g13.join(', ')} atoms carry no ligand: a metalloid cluster (more metal atoms than ligands, Schnöckel's class) — count it with superatom-complex; Wade's rule needs one exo ligand per vertex, as in [Al12(iBu)12]²⁻`;
  }
  if (nB > 0 && nMetal === 0 && exo < nMain && [...mainGroup.keys()].every((s) => s === 'B' || s === 'C')) {
    return `${nMain - exo} vertex atom${nMain - exo === 1 ? '' : 's'} carry no exo H or ligand: a condensed (fused) polyhedron whose shared atoms have no outward bond — Wade's rule is for single polyhedra; use jemmis-mno with --fragments`;
  }
  if (terminal.size && nMetal === 0 && [...terminal.keys()].some((s) => el(s).group !== 17)) {
    return `${[...terminal.keys()].join(', ')} in the core: not a borane, carborane or Zintl cluster`;
  }
  return { vertices, mainGroup, metals, interstitial, terminal, hydrogens, n, caps };
}

function check(f: Formula): Applicability {
  const p = plan(f);
  if (typeof p === 'string') return { applies: false, reason: p };
  return { applies: true, reason: `${p.n}-vertex cluster of ${[...p.vertices.keys()].join(', ')}` };
}

export const wadeMingosRule: CountRule = {
  id: 'wade-mingos',
  title: 'Wade–Mingos skeletal electron pairs (PSEPT)',
  reference: REFERENCE,
  applies: (f) => check(f),
  count(f: Formula): CountResult {
    const p = plan(f);
    if (typeof p === 'string') return notApplicable(META, 'electron pairs', p);
    const inv = inventory(f);
    const steps: CountStep[] = [];
    const notes: string[] = [];
    for (const [sym, n] of p.mainGroup) {
      const v = valenceElectrons(el(sym));
      steps.push({
        term: `${times(n, sym)} × ${num(v - 2)}`,
        electrons: n * (v - 2),
        why: `${sym} vertex: ${v} valence electrons, 2 kept in the outward orbital (exo bond or lone pair) → ${v - 2} to the skeleton`,
      });
    }
    for (const [sym, n] of p.metals) {
      const v = valenceElectrons(el(sym));
      steps.push({
        term: `${times(n, sym)} × (${v} − 12)`,
        electrons: n * (v - 12),
        why: `${sym} vertex: v − 12 (${v} valence electrons; 12 stay in six metal–ligand and non-bonding orbitals); its ligands are added below`,
      });
    }
    if (p.hydrogens) {
      steps.push({
        term: `${times(p.hydrogens, 'H')} × 1`,
        electrons: p.hydrogens,
        why: 'each H gives 1 electron (terminal H completes a B–H/C–H exo bond; extra H bridge or sit on metals)',
      });
    }
    for (const [sym, n] of p.terminal) {
      const d = bareAtomDonation(sym);
      steps.push({ term: `${times(n, sym)} × ${num(d.neutral)}`, electrons: n * d.neutral, why: d.why });
    }
    for (const l of inv.bound) {
      if (l.role === 'hydride') continue;
      const cap = cappingFragment(l);
      if (cap) {
        steps.push({
          term: `${times(l.count, l.name)} vertex × ${num(cap.electrons)}`,
          electrons: l.count * cap.electrons,
          why: `${l.name}: a capping ${cap.element}–R unit is a vertex of the polyhedron: ${cap.element} gives ${cap.electrons + 1} − 2 (outward orbital, bonded to R) = ${cap.electrons - 1}, R gives 1`,
        });
        continue;
      }
      if (p.metals.size === 0) {
        const e = l.role === 'X' ? 1 : l.role === 'L' ? 2 : 0;
        steps.push({
          term: `${times(l.count, l.name)} × ${num(e)}`,
          electrons: l.count * e,
          why:
            l.role === 'X'
              ? `${l.name}: exo σ-bonded group, 1 electron like an H (${l.why})`
              : `${l.name}: L-type donor, 2 electrons`,
        });
      } else {
        const d = ligandDonation(l);
        steps.push({
          term: `${times(l.count, l.name)} × ${num(d.neutral)}`,
          electrons: l.count * d.neutral,
          why: d.why,
        });
        if (d.assumed) notes.push(d.assumed);
      }
    }
    for (const [sym, n] of p.interstitial) {
      const e = el(sym);
      const v = isTransitionMetal(e) ? valenceElectrons(e) - 10 : valenceElectrons(e);
      steps.push({
        term: `${times(n, sym)} interstitial × ${num(v)}`,
        electrons: n * v,
        why: isTransitionMetal(e)
          ? `interstitial ${sym}: a d¹⁰ centre gives ${v} (group − 10)`
          : `interstitial ${sym}: inside the cage, gives all ${v} valence electrons`,
      });
    }
    steps.push(chargeStep(inv.charge));
    const s = sumSteps(steps);
    const n = p.n;
    const details: Record<string, unknown> = { vertices: n, skeletalElectrons: s };
    if (s % 2 !== 0) {
      notes.push(`${s} skeletal electrons is odd: no electron-pair class (a radical or a mis-set charge)`);
      return {
        rule: 'wade-mingos',
        applies: true,
        count: s / 2,
        unit: 'electron pairs',
        verdict: 'none',
        steps,
        notes,
        details,
        reference: REFERENCE,
      };
    }
    const sep = s / 2;
    const k = sep - n - 1;
    let verdict = 'none';
    if (k >= 0 && k < CLASSES.length) {
      verdict = CLASSES[k]!;
      const parent = n + k;
      const shape = DELTAHEDRA[parent];
      notes.push(
        `${sep} pairs for ${n} vertices = n + ${k + 1} → ${verdict}${
          shape
            ? `: ${k === 0 ? article(shape) : `${article(shape)} (${parent} vertices) with ${k} vertex${k === 1 ? '' : 'es'} missing`}`
            : ''
        }`,
      );
      details.parentVertices = parent;
      if (shape) details.parentPolyhedron = shape;
    } else if (k === -1) {
      notes.push(
        `${sep} pairs for ${n} vertices = n: a capped closo polyhedron (${article(DELTAHEDRA[n - 1] ?? `${n - 1}-vertex deltahedron`)} with one face capped)`,
      );
      details.class = 'capped-closo';
    } else if (k < -1) {
      notes.push(
        `${sep} pairs for ${n} vertices < n: hypercloso / multiply capped or condensed; Wade's classes do not apply`,
      );
    } else {
      notes.push(`${sep} pairs for ${n} vertices > n + 4: more open than hypho; Wade's classes do not apply`);
    }
    if (p.metals.size && p.mainGroup.size === 0)
      notes.push(
        'for transition-metal clusters mingos-pec gives the same answer in cluster valence electrons',
      );
    return {
      rule: 'wade-mingos',
      applies: true,
      count: sep,
      unit: 'electron pairs',
      verdict,
      steps,
      notes,
      details,
      reference: REFERENCE,
    };
  },
};
