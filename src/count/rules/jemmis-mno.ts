/**
 * `jemmis-mno`: skeletal electron pairs of condensed polyhedra (E. D. Jemmis, M. M. Balakrishnarajan,
 * P. D. Pancharatna, JACS 123, 4313 (2001); Chem. Rev. 102, 93 (2002)):
 *
 *   required pairs = m + n + o + p
 *
 * m polyhedra, n vertices, o single-vertex condensations, p missing vertices (1 per nido, 2 per
 * arachno, 3 per hypho fragment). The formula's available pairs: every vertex atom's valence
 * electrons − 2 for each unshared vertex (its exo B–H bond or lone pair) + 1 per H/exo group − z, / 2.
 * Shared atoms have no exo bond and give all their valence electrons (B20H16: (60 − 32 + 16)/2 = 22).
 */

import type { Formula } from '../../chem/types.js';
import { InputError } from '../../core/errors.js';
import { chargeStep, el, inventory, num, times, valenceElectrons } from '../atoms.js';
import { notApplicable, sumSteps } from '../result.js';
import type {
  Applicability,
  CountOptions,
  CountResult,
  CountRule,
  CountStep,
  JemmisDescription,
  JemmisFragment,
} from '../types.js';

const REFERENCE = 'Jemmis, Balakrishnarajan & Pancharatna, JACS 123, 4313 (2001); Chem. Rev. 102, 93 (2002)';
const META = { id: 'jemmis-mno' as const, reference: REFERENCE };
const UNIT = 'electron pairs';
const MISSING: Readonly<Record<JemmisFragment['kind'], number>> = { closo: 0, nido: 1, arachno: 2, hypho: 3 };

/**
 * Parse a fragment description: `closo:12,closo:12` (or `closo-12 + nido-10`), shared atoms per
 * condensation `4` or `2,1`. Throws InputError with the position of what is wrong.
 */
export function parseJemmisDescription(fragments: string, shared?: string): JemmisDescription {
  const items = fragments.split(/[,+]/).map((s) => s.trim());
  const out: JemmisFragment[] = [];
  let col = 1;
  for (const item of items) {
    const m = /^(?:(\d+)\s*[x×*]\s*)?(closo|nido|arachno|hypho)\s*[:\-\s]?\s*(\d+)$/i.exec(item);
    if (!m) {
      throw new InputError('jemmis-fragment', `cannot read the fragment "${item}"`, {
        hint: 'write each polyhedron as kind:vertices, e.g. --fragments closo:12,closo:12 --shared 4',
        location: {
          inputName: '--fragments',
          column: col,
          length: Math.max(1, item.length),
          source: fragments,
        },
      });
    }
    const times = m[1] ? Number(m[1]) : 1;
    const vertices = Number(m[3]);
    if (vertices < 3 || vertices > 60 || times < 1 || times > 20) {
      throw new InputError(
        'jemmis-fragment',
        `fragment "${item}": vertices must be 3–60 and a multiplier 1–20`,
        {
          location: { inputName: '--fragments', column: col, source: fragments },
        },
      );
    }
    for (let i = 0; i < times; i++)
      out.push({ kind: m[2]!.toLowerCase() as JemmisFragment['kind'], vertices });
    col += item.length + 1;
  }
  const sharedList = (shared ?? '').trim() === '' ? [] : shared!.split(',').map((s) => s.trim());
  const nums = sharedList.map((s) => {
    if (!/^\d+$/.test(s) || Number(s) < 1) {
      throw new InputError(
        'jemmis-shared',
        `--shared expects whole numbers ≥ 1 (atoms shared per condensation), got "${s}"`,
        {
          hint: 'two icosahedra sharing a face: --shared 3; sharing one vertex: --shared 1',
        },
      );
    }
    return Number(s);
  });
  if (out.length > 1 && nums.length !== out.length - 1) {
    throw new InputError(
      'jemmis-shared',
      `${out.length} polyhedra need ${out.length - 1} condensation${out.length > 2 ? 's' : ''} in --shared, got ${nums.length}`,
      { hint: 'give the number of atoms each fused pair shares, e.g. --shared 4 for B20H16' },
    );
  }
  return { fragments: out, shared: nums };
}

function vertexAtoms(f: Formula): Map<string, number> | string {
  const inv = inventory(f);
  const out = new Map<string, number>();
  for (const [s, c] of inv.core) {
    if (s === 'H') continue;
    const e = el(s);
    if (e.block !== 'p' || (e.group ?? 0) < 13 || (e.group ?? 0) > 16 || s === 'O' || s === 'N') {
      return `${s}: the mno count here covers main-group (borane, carborane, Zintl) polyhedra`;
    }
    out.set(s, c);
  }
  if (!out.size) return 'no cluster vertex atoms';
  return out;
}

/**
 * The fusion of a closo macropolyhedral borane read from its formula alone, when no --fragments are
 * given: in BnHh with h < n every unshared vertex carries one terminal H, so the n − h vertices
 * without one are the shared atoms (s); the available pairs P = (3n − h − z)/2 then fix
 * m + o = P − n. Only the unambiguous case is inferred: two closo polyhedra fused through s ≥ 2
 * atoms (o = 0, m = 2), as in B20H16 (s = 4) and [B21H18]⁻ (s = 3) (Jemmis et al., JACS 123, 4313
 * (2001)). Null otherwise (the user must describe the fragments).
 */
export function inferFragments(f: Formula): JemmisDescription | null {
  const inv = inventory(f);
  const keys = [...inv.core.keys()];
  if (inv.bound.length || keys.some((k) => k !== 'B' && k !== 'H')) return null;
  const n = inv.core.get('B') ?? 0;
  const h = inv.core.get('H') ?? 0;
  const s = n - h;
  if (n < 13 || s < 2) return null;
  const electrons = 3 * n - h - inv.charge;
  if (electrons % 2 !== 0 || electrons / 2 - n !== 2) return null;
  const total = n + s;
  const a = Math.ceil(total / 2);
  return {
    fragments: [
      { kind: 'closo', vertices: a },
      { kind: 'closo', vertices: total - a },
    ],
    shared: [s],
  };
}

function check(f: Formula, options: CountOptions = {}): Applicability {
  const v = vertexAtoms(f);
  if (typeof v === 'string') return { applies: false, reason: v };
  if (!options.fragments && inferFragments(f)) {
    const d = inferFragments(f)!;
    return {
      applies: true,
      reason: `fragments inferred from the formula: two closo polyhedra sharing ${d.shared[0]} atoms`,
    };
  }
  if (!options.fragments) {
    return {
      applies: false,
      reason:
        'the Jemmis mno rule needs the fragment description: --fragments closo:12,closo:12 --shared 4 (the formula alone does not say how the polyhedra are fused)',
    };
  }
  if (options.fragments.fragments.length < 1) return { applies: false, reason: 'no fragments given' };
  const nFormula = [...v.values()].reduce((a, b) => a + b, 0);
  const sharedTotal = options.fragments.shared.reduce((a, b) => a + b, 0);
  const nFrag = options.fragments.fragments.reduce((a, x) => a + x.vertices, 0) - sharedTotal;
  if (nFrag !== nFormula) {
    return {
      applies: false,
      reason: `the fragments describe ${nFrag} distinct vertices (Σ vertices − shared atoms) but the formula has ${nFormula} skeletal atoms`,
    };
  }
  return {
    applies: true,
    reason: `${options.fragments.fragments.length} fused polyhedra, ${nFormula} vertices`,
  };
}

export const jemmisMnoRule: CountRule = {
  id: 'jemmis-mno',
  title: 'Jemmis mno rule (condensed polyhedra)',
  reference: REFERENCE,
  applies: (f, o) => check(f, o),
  count(f: Formula, options: CountOptions = {}): CountResult {
    const ok = check(f, options);
    if (!ok.applies) return notApplicable(META, UNIT, ok.reason);
    const inferred = options.fragments ? null : inferFragments(f);
    const desc = options.fragments ?? inferred!;
    const inv = inventory(f);
    const vertices = vertexAtoms(f) as Map<string, number>;
    const n = [...vertices.values()].reduce((a, b) => a + b, 0);
    const shared = desc.shared.reduce((a, b) => a + b, 0);
    const steps: CountStep[] = [];
    for (const [s, c] of vertices) {
      const v = valenceElectrons(el(s));
      steps.push({
        term: `${times(c, s)} × ${num(v)}`,
        electrons: c * v,
        why: `${s}: all ${v} valence electrons`,
      });
    }
    steps.push({
      term: `${n - shared} unshared vertices × −2`,
      electrons: -2 * (n - shared),
      why: `each of the ${n - shared} vertices that belongs to one polyhedron keeps 2 electrons in its outward orbital (exo B–H bond or lone pair); the ${shared} shared atom${shared === 1 ? '' : 's'} have none`,
    });
    const h = inv.core.get('H') ?? 0;
    if (h)
      steps.push({
        term: `${times(h, 'H')} × 1`,
        electrons: h,
        why: 'each H gives 1 electron (exo B–H or bridging)',
      });
    for (const l of inv.bound) {
      if (l.role === 'X' || l.role === 'L' || l.role === 'hydride') {
        const e = l.role === 'L' ? 2 : 1;
        steps.push({
          term: `${times(l.count, l.name)} × ${num(e)}`,
          electrons: l.count * e,
          why: `${l.name}: exo group, ${e} electron${e === 1 ? '' : 's'}`,
        });
      }
    }
    steps.push(chargeStep(inv.charge));
    const electrons = sumSteps(steps);
    const m = desc.fragments.length;
    const o = desc.shared.filter((s) => s === 1).length;
    const p = desc.fragments.reduce((a, x) => a + MISSING[x.kind], 0);
    const required = m + n + o + p;
    const available = electrons / 2;
    const notes: string[] = [
      `required: m + n + o + p = ${m} + ${n} + ${o} + ${p} = ${required} pairs (m polyhedra, n vertices, o single-vertex shares, p missing vertices)`,
      `available from the formula: ${electrons} electrons = ${available} pairs`,
    ];
    if (inferred) {
      notes.unshift(
        `fragments inferred from the formula (no --fragments given): the ${inferred.shared[0]} B atoms without a terminal H are shared, and m + o = ${available} − ${n} = 2 pairs read as two closo polyhedra (o = 0); describe them with --fragments/--shared if the cluster is fused otherwise`,
      );
    }
    let verdict = 'none';
    if (available === required) {
      verdict =
        p === 0
          ? 'closo'
          : desc.fragments.some((x) => x.kind === 'hypho')
            ? 'hypho'
            : desc.fragments.some((x) => x.kind === 'arachno')
              ? 'arachno'
              : 'nido';
      notes.push(
        `the formula supplies exactly the ${required} pairs the fused ${verdict} polyhedra need: electron-sufficient`,
      );
    } else {
      const d = available - required;
      notes.push(
        `${Math.abs(d)} pair${Math.abs(d) === 1 ? '' : 's'} ${d < 0 ? 'short of' : 'more than'} the requirement: the described fusion is not electron-sufficient (charge ${d < 0 ? `${2 * d}` : `+${2 * d}`} would fix it), or the fragments are described differently`,
      );
    }
    return {
      rule: 'jemmis-mno',
      applies: true,
      count: available,
      unit: UNIT,
      verdict,
      steps,
      notes,
      details: { m, n, o, p, required, available, fragments: desc.fragments, shared: desc.shared },
      reference: REFERENCE,
    };
  },
};
