/**
 * `mingos-pec`: total cluster valence electrons (polyhedral electron count) of a transition-metal
 * cluster and the polyhedron they imply (D. M. P. Mingos, Acc. Chem. Res. 17, 311 (1984);
 * Mingos & Wales, "Introduction to Cluster Chemistry", Prentice Hall (1990); Housecroft & Sharpe,
 * Inorganic Chemistry, ch. 24):
 *
 *   CVE = Σ metal valence electrons (group number) + Σ ligand electrons (neutral method)
 *         + all valence electrons of interstitial atoms − z
 *
 * 48 triangle, 60 tetrahedron, 62 butterfly, 64 square, 72 trigonal bipyramid, 74 square pyramid,
 * 84 capped trigonal bipyramid (bicapped tetrahedron), 86 octahedron, 90 trigonal prism, 98 capped
 * octahedron, 120 cube; closo deltahedra 14n + 2, nido 14n + 4, arachno 14n + 6; a cap adds 12
 * (any tabulated or closo parent with k caps: PEC + 12k); a dinuclear complex has 36 − 2b for b M–M bonds.
 */
import type { Formula } from '../../chem/types.js';
import {
  chargeStep,
  el,
  groupLabel,
  inventory,
  isTransitionMetal,
  num,
  times,
  valenceElectrons,
} from '../atoms.js';
import { bareAtomDonation, ligandDonation } from '../donors.js';
import { notApplicable, sumSteps } from '../result.js';
import type { Applicability, CountResult, CountRule, CountStep } from '../types.js';

const REFERENCE =
  'Mingos, Acc. Chem. Res. 17, 311 (1984); Mingos & Wales, Introduction to Cluster Chemistry (1990); Housecroft & Sharpe, Inorganic Chemistry, ch. 24';
const META = { id: 'mingos-pec' as const, reference: REFERENCE };

/** (metal atoms, CVE) → polyhedron; the first listed name wins. */
const POLYHEDRA: readonly { n: number; cve: number; name: string }[] = [
  { n: 3, cve: 48, name: 'triangle' },
  { n: 3, cve: 50, name: 'open-triangle' },
  { n: 3, cve: 52, name: 'linear-chain' },
  { n: 4, cve: 60, name: 'tetrahedron' },
  { n: 4, cve: 62, name: 'butterfly' },
  { n: 4, cve: 64, name: 'square' },
  { n: 5, cve: 72, name: 'trigonal-bipyramid' },
  { n: 5, cve: 74, name: 'square-pyramid' },
  { n: 5, cve: 76, name: 'edge-bridged-tetrahedron' },
  { n: 6, cve: 84, name: 'capped-trigonal-bipyramid' },
  { n: 6, cve: 86, name: 'octahedron' },
  { n: 6, cve: 90, name: 'trigonal-prism' },
  { n: 7, cve: 98, name: 'capped-octahedron' },
  { n: 7, cve: 100, name: 'pentagonal-bipyramid' },
  { n: 8, cve: 110, name: 'bicapped-octahedron' },
  { n: 8, cve: 114, name: 'dodecahedron' },
  { n: 8, cve: 120, name: 'cube' },
  { n: 9, cve: 122, name: 'tricapped-octahedron' },
  { n: 9, cve: 128, name: 'tricapped-trigonal-prism' },
  { n: 10, cve: 142, name: 'bicapped-square-antiprism' },
  { n: 12, cve: 170, name: 'icosahedron' },
];

/** Closo deltahedra (14m + 2 electrons) by vertex count, the parents a cap can sit on. */
const CLOSO_NAMES: Readonly<Record<number, string>> = {
  5: 'trigonal-bipyramid',
  6: 'octahedron',
  7: 'pentagonal-bipyramid',
  8: 'dodecahedron',
  9: 'tricapped-trigonal-prism',
  10: 'bicapped-square-antiprism',
  11: 'octadecahedron',
  12: 'icosahedron',
};
/** Open shapes (no triangular faces to cap or share): left out of capping and condensation. */
const OPEN = ['open-triangle', 'linear-chain', 'butterfly', 'square', 'edge-bridged-tetrahedron', 'cube'];
const CAP_PREFIX = ['', 'capped', 'bicapped', 'tricapped', 'tetracapped', 'pentacapped', 'hexacapped'];

/**
 * Mingos capping principle (Mingos, Acc. Chem. Res. 17, 311 (1984); Mingos & Wales 1990, ch. 3): a
 * metal atom capping a triangular face adds 12 electrons to the count of its parent polyhedron, so a
 * k-capped parent of m vertices has PEC(parent) + 12k with k = n − m ([Os10C(CO)24]²⁻: octahedron 86 +
 * 4 × 12 = 134). Parents are the closo deltahedra (14m + 2) and the tabulated uncapped shapes; the
 * largest matching parent (fewest caps) wins. Caps ≤ faces of the parent.
 */
function cappedParent(nv: number, eq: number): { parent: string; caps: number; parentCve: number } | null {
  const parents: { n: number; cve: number; name: string; faces: number }[] = [];
  for (let m = 5; m <= 12; m++)
    parents.push({ n: m, cve: 14 * m + 2, name: CLOSO_NAMES[m]!, faces: 2 * m - 4 });
  for (const p of POLYHEDRA) {
    if (
      p.name.includes('capped') ||
      OPEN.includes(p.name) ||
      p.n < 4 ||
      parents.some((q) => q.name === p.name)
    )
      continue;
    parents.push({ n: p.n, cve: p.cve, name: p.name, faces: p.n });
  }
  const hits = parents
    .filter((p) => p.n < nv && nv - p.n <= p.faces && nv - p.n < CAP_PREFIX.length)
    .filter((p) => p.cve + 12 * (nv - p.n) === eq)
    .sort((a, b) => b.n - a.n);
  const best = hits[0];
  return best ? { parent: best.name, caps: nv - best.n, parentCve: best.cve } : null;
}

/**
 * Mingos condensation principle (Mingos, Acc. Chem. Res. 17, 311 (1984); Mingos & Wales 1990): two
 * polyhedra sharing a vertex, an edge or a face have PEC(A) + PEC(B) − PEC(shared unit), with 18 for a
 * vertex, 34 for an edge (M2) and 48 for a face (M3): the bow-tie Os5(CO)19 is two triangles sharing a
 * vertex, 48 + 48 − 18 = 78. Tried only when no single or capped polyhedron matches; faces first.
 */
const SHARES = [
  { atoms: 3, name: 'face', cve: 48 },
  { atoms: 2, name: 'edge', cve: 34 },
  { atoms: 1, name: 'vertex', cve: 18 },
] as const;

function plural(name: string): string {
  if (name.endsWith('hedron')) return `${name.slice(0, -2)}a`;
  if (name.endsWith('y')) return `${name.slice(0, -1)}ies`;
  return `${name}s`;
}

function condensedPair(nv: number, eq: number): { verdict: string; why: string } | null {
  const parents: { n: number; cve: number; name: string }[] = [];
  for (const p of POLYHEDRA) if (!p.name.includes('capped') && !OPEN.includes(p.name)) parents.push(p);
  for (let m = 7; m <= 12; m++) {
    const name = CLOSO_NAMES[m]!;
    if (!parents.some((p) => p.name === name)) parents.push({ n: m, cve: 14 * m + 2, name });
  }
  for (const share of SHARES) {
    for (let i = 0; i < parents.length; i++) {
      for (let j = i; j < parents.length; j++) {
        const a = parents[i]!;
        const b = parents[j]!;
        if (share.atoms === 3 && (a.n < 4 || b.n < 4)) continue;
        if (a.n + b.n - share.atoms !== nv || a.cve + b.cve - share.cve !== eq) continue;
        const verdict =
          a.name === b.name
            ? `${share.name}-sharing-${plural(a.name)}`
            : `${share.name}-sharing-${a.name}-${b.name}`;
        return {
          verdict,
          why: `${a.cve} (${a.name.replace(/-/g, ' ')}) + ${b.cve} (${b.name.replace(/-/g, ' ')}) − ${share.cve} for the shared ${share.name}`,
        };
      }
    }
  }
  return null;
}

const BOND_NAMES = ['no-bond', 'single-bond', 'double-bond', 'triple-bond', 'quadruple-bond'];

const SHAPE_WHY: Readonly<Record<string, string>> = {
  triangle: '48 = 3 × 18 − 2 × 3 bonds',
  tetrahedron: '60 = 4 × 18 − 2 × 6 edges',
  butterfly: '62 = tetrahedron + 2 (one edge opened)',
  square: '64 = 4 × 18 − 2 × 4 edges',
  'trigonal-bipyramid': '72 = 14n + 2 closo (n = 5)',
  'square-pyramid': '74 = 14n + 4 nido (n = 5)',
  'capped-trigonal-bipyramid': '84 = 72 + 12 for one cap',
  octahedron: '86 = 14n + 2 closo (n = 6)',
  'trigonal-prism': '90 = 6 × 18 − 2 × 9 edges',
  'capped-octahedron': '98 = 86 + 12 for one cap',
  cube: '120 = 8 × 18 − 2 × 12 edges',
};

/**
 * Whether a bare main-group atom of a carbonyl cluster sits inside the metal cage (carbide, nitride,
 * interstitial P/S of large clusters) or is a vertex of the polyhedron: C and N are interstitial from
 * 4 metals on (the butterfly carbide [Fe4C(CO)12]²⁻, Fe5C(CO)15), any main-group atom from 6 metals on
 * ([Rh9P(CO)21]²⁻); in a 3-metal cluster (Co3(CO)9CH, Fe3(CO)9S2) every such atom is a vertex.
 */
function isInterstitial(sym: string, metals: number): boolean {
  if (metals >= 6) return true;
  return metals >= 4 && (sym === 'C' || sym === 'N');
}

function metalsOf(f: Formula): Map<string, number> {
  const inv = inventory(f);
  const out = new Map<string, number>();
  for (const [s, c] of inv.core) if (isTransitionMetal(el(s))) out.set(s, c);
  return out;
}

function check(f: Formula): Applicability {
  const inv = inventory(f);
  const metals = metalsOf(f);
  const n = [...metals.values()].reduce((a, b) => a + b, 0);
  if (n < 2) {
    return {
      applies: false,
      reason:
        n === 0
          ? 'no transition-metal atoms: mingos-pec counts transition-metal clusters'
          : '1 transition-metal atom: not a cluster — use the 18-electron rule',
    };
  }
  const coinage = [...metals].filter(([s]) => (el(s).group ?? 0) >= 11);
  const nCoinage = coinage.reduce((a, [, c]) => a + c, 0);
  if (nCoinage * 2 >= n) {
    return {
      applies: false,
      reason: `${coinage.map(([s]) => s).join(', ')} (${groupLabel(el(coinage[0]![0]))}) clusters follow the superatom / jellium counts, not the 18-electron-based polyhedral counts`,
    };
  }
  const mainGroup = [...inv.core.keys()].filter((s) => {
    const e = el(s);
    return (
      !isTransitionMetal(e) &&
      s !== 'H' &&
      !(e.group === 17) &&
      !(['C', 'N', 'O', 'S', 'P'].includes(s) && (inv.core.get(s) ?? 0) <= 2)
    );
  });
  if (mainGroup.length) {
    return {
      applies: false,
      reason: `main-group cluster atoms (${mainGroup.join(', ')}): count mixed clusters with wade-mingos`,
    };
  }
  const bareAtoms = [...inv.core].filter(([s]) => !isTransitionMetal(el(s))).reduce((a, [, c]) => a + c, 0);
  if (inv.bound.length === 0 && bareAtoms === 0) {
    return {
      applies: false,
      reason:
        'a bare transition-metal cluster: the polyhedral electron counts assume ligated 18-electron vertices',
    };
  }
  if (bareAtoms > n) {
    return {
      applies: false,
      reason:
        'more bare non-metal atoms than metals: a metal oxide/halide cluster (e.g. a polyoxometalate), not a carbonyl-type cluster',
    };
  }
  if (inv.bound.some((l) => l.composition === null && l.role !== 'X' && l.role !== 'L')) {
    return { applies: false, reason: 'a ligand of unknown kind' };
  }
  return { applies: true, reason: `${n}-metal cluster of ${[...metals.keys()].join(', ')}` };
}

export const mingosPecRule: CountRule = {
  id: 'mingos-pec',
  title: 'Mingos polyhedral electron count',
  reference: REFERENCE,
  applies: (f) => check(f),
  count(f: Formula): CountResult {
    const ok = check(f);
    if (!ok.applies) return notApplicable(META, 'e (cluster valence electrons)', ok.reason);
    const inv = inventory(f);
    const metals = metalsOf(f);
    const n = [...metals.values()].reduce((a, b) => a + b, 0);
    const steps: CountStep[] = [];
    const notes: string[] = [];
    for (const [s, c] of metals) {
      const v = valenceElectrons(el(s));
      steps.push({
        term: `${times(c, s)} × ${num(v)}`,
        electrons: c * v,
        why: `${s} (group ${el(s).group}): ${v} valence electrons (s + d)`,
      });
    }
    let mgVertices = 0;
    for (const [s, c] of inv.core) {
      const e = el(s);
      if (isTransitionMetal(e)) continue;
      if (s === 'H' || e.group === 17) {
        const d = bareAtomDonation(s);
        steps.push({ term: `${times(c, s)} × ${num(d.neutral)}`, electrons: c * d.neutral, why: d.why });
        continue;
      }
      const v = valenceElectrons(e);
      if (isInterstitial(s, n)) {
        steps.push({
          term: `${times(c, s)} interstitial × ${num(v)}`,
          electrons: c * v,
          why: `${s} inside the metal cage (${s === 'C' ? 'carbide' : s === 'N' ? 'nitride' : 'interstitial atom'}, ${n} metals around it): gives all ${v} valence electrons and is not a vertex`,
        });
      } else {
        mgVertices += c;
        steps.push({
          term: `${times(c, s)} vertex × ${num(v)}`,
          electrons: c * v,
          why: `${s} as a main-group vertex of the polyhedron (a ${n}-metal cluster is too small to hold it inside): gives all ${v} valence electrons; a main-group vertex needs 8 electrons where a metal vertex needs 18`,
        });
      }
    }
    for (const l of inv.bound) {
      const d = ligandDonation(l);
      steps.push({
        term: `${times(l.count, l.name)} × ${num(d.neutral)}`,
        electrons: l.count * d.neutral,
        why: d.why,
      });
      if (d.assumed) notes.push(d.assumed);
    }
    steps.push(chargeStep(inv.charge));
    const cve = sumSteps(steps);
    // Main-group vertices need 8 instead of 18 electrons: compare cve + 10 per such vertex with the
    // all-metal count of the polyhedron of n + mgVertices vertices (Mingos 1984).
    const nv = n + mgVertices;
    const eq = cve + 10 * mgVertices;
    const shift = mgVertices
      ? ` (+ 10 × ${mgVertices} main-group ${mgVertices === 1 ? 'vertex' : 'vertices'} = ${eq}, the all-metal equivalent)`
      : '';
    const what = mgVertices
      ? `${n} metals + ${mgVertices} main-group atom${mgVertices === 1 ? '' : 's'}`
      : `${n} metals`;
    const hit = POLYHEDRA.find((p) => p.n === nv && p.cve === eq);
    const capped = hit ? null : cappedParent(nv, eq);
    const closoLike = nv >= 5 && [2, 4, 6].some((d) => eq === 14 * nv + d);
    const condensed = hit || capped || closoLike || nv < 4 ? null : condensedPair(nv, eq);
    let verdict = 'none';
    let bonds: number | null = null;
    if (nv === 2) {
      // A dinuclear complex: two 18-electron metals share 2 electrons per M–M bond,
      // so the bond order is (36 − CVE)/2 (Fe2(CO)9, Co2(CO)8, Mn2(CO)10: 34 e, one bond).
      const b = (36 - eq) / 2;
      if (Number.isInteger(b) && b >= 0 && b < BOND_NAMES.length) {
        bonds = b;
        verdict = BOND_NAMES[b]!;
        notes.push(
          `${cve} cluster valence electrons for 2 metals = 2 × 18 − 2 × ${b}: ${b === 0 ? 'no metal–metal bond (two separate 18-electron centres)' : `${b} metal–metal bond${b === 1 ? '' : 's'} (bond order ${b})`}`,
        );
      } else {
        notes.push(
          `${cve} cluster valence electrons for 2 metals: not 36 − 2b for a whole number of M–M bonds b ≤ 4 (odd: a radical, or more than 36: an electron-rich pair)`,
        );
      }
    } else if (hit) {
      verdict = hit.name;
      notes.push(
        `${cve} cluster valence electrons${shift} for ${what} → ${hit.name.replace(/-/g, ' ')}${SHAPE_WHY[hit.name] ? ` (${SHAPE_WHY[hit.name]})` : ''}`,
      );
    } else if (capped) {
      verdict = `${CAP_PREFIX[capped.caps]}-${capped.parent}`;
      notes.push(
        `${cve} cluster valence electrons${shift} for ${what} = ${capped.parentCve} (${capped.parent.replace(/-/g, ' ')}, ${nv - capped.caps} vertices) + ${capped.caps} × 12: a ${verdict.replace(/-/g, ' ')} (Mingos capping principle: each face-capping metal adds 12 electrons)`,
      );
    } else if (condensed) {
      verdict = condensed.verdict;
      notes.push(
        `${cve} cluster valence electrons${shift} for ${what} = ${condensed.why}: two condensed polyhedra (Mingos condensation principle); a structure should confirm which`,
      );
    } else if (nv >= 5 && eq === 14 * nv + 2) {
      verdict = 'closo-deltahedron';
      notes.push(`${cve}${shift} = 14n + 2 (n = ${nv}): a closo deltahedron`);
    } else if (nv >= 5 && eq === 14 * nv + 4) {
      verdict = 'nido-deltahedron';
      notes.push(`${cve}${shift} = 14n + 4 (n = ${nv}): a nido deltahedron`);
    } else if (nv >= 5 && eq === 14 * nv + 6) {
      verdict = 'arachno-deltahedron';
      notes.push(`${cve}${shift} = 14n + 6 (n = ${nv}): an arachno deltahedron`);
    } else {
      const near = POLYHEDRA.filter((p) => p.n === nv).map((p) => `${p.cve} ${p.name}`);
      notes.push(
        `${cve} cluster valence electrons${shift} for ${what} match no tabulated polyhedron${near.length ? ` (for ${nv} vertices: ${near.join(', ')})` : ''}; large clusters need the condensation / 12n + Δ rules`,
      );
    }
    if (cve % 2 !== 0) notes.push('odd electron count: a radical');
    return {
      rule: 'mingos-pec',
      applies: true,
      count: cve,
      unit: 'e (cluster valence electrons)',
      verdict,
      steps,
      notes,
      details: {
        metalAtoms: n,
        mainGroupVertices: mgVertices,
        skeletalElectronPairs: (eq - 12 * nv) / 2,
        ...(bonds !== null ? { metalMetalBondOrder: bonds } : {}),
        ...(capped ? { parent: capped.parent, caps: capped.caps } : {}),
      },
      reference: REFERENCE,
    };
  },
};
