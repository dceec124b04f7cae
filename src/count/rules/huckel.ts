/**
 * `huckel`: π electrons of a monocyclic ring; 4n + 2 aromatic, 4n antiaromatic (E. Hückel,
 * Z. Phys. 70, 204 (1931); IUPAC Gold Book "Hückel (4n + 2) rule").
 *
 * The formula is read as one planar monocycle: every non-H, non-halogen atom is a ring atom;
 * hydrogens (and halogen substituents) go one to each ring carbon, then one to each B/N/P,
 * and any left over make sp³ CH2 groups, which interrupt the π system. π electrons per ring atom:
 * CH 1; N/P without H 1 (pyridine), with H 2 (pyrrole); O/S/Se/Te 2; B 0; then − z.
 * Bare inorganic rings: a group-15/16 atom keeps one in-plane lone pair and makes two σ bonds,
 * leaving v − 4 π electrons ([Te4]²⁺, [Bi4]²⁻, [P5]⁻ and [N5]⁻ have 6); a bare group-13 square
 * M4^q keeps an s lone pair per atom and fills its delocalised orbitals σ-radial, π, σ-tangential,
 * π (A. I. Boldyrev, L.-S. Wang, Chem. Rev. 105, 3716 (2005); X. Li et al., Science 291, 859
 * (2001): [Al4]²⁻ 2 π; A. E. Kuznetsov et al., Science 300, 622 (2003): [Al4]⁴⁻ 4 π).
 * Other all-metal rings need their π count given (`pi` option).
 */
import type { Formula } from '../../chem/types.js';
import { chargeStep, el, inventory, isMetal, num, times, valenceElectrons } from '../atoms.js';
import { notApplicable, sumSteps } from '../result.js';
import type { Applicability, CountOptions, CountResult, CountRule, CountStep } from '../types.js';

const REFERENCE =
  'Hückel, Z. Phys. 70, 204 (1931); IUPAC Gold Book H02867; Boldyrev & Wang, Chem. Rev. 105, 3716 (2005) (all-metal rings)';
const META = { id: 'huckel' as const, reference: REFERENCE };
const UNIT = 'π electrons';

const RING_HETERO = new Set(['N', 'P', 'As', 'O', 'S', 'Se', 'Te', 'B']);

type Reading =
  | { kind: 'organic'; ring: Map<string, number>; h: number; substituents: number }
  | { kind: 'bare'; ring: Map<string, number> };

function read(f: Formula, options: CountOptions): Reading | string {
  const inv = inventory(f);
  if (inv.bound.length)
    return 'ligands are written separately: write the ring as one formula (C5H5, not a complex)';
  const ring = new Map<string, number>();
  let h = 0;
  let substituents = 0;
  for (const [s, c] of inv.core) {
    const e = el(s);
    if (s === 'H') h += c;
    else if (e.group === 17) substituents += c;
    else ring.set(s, c);
  }
  const n = [...ring.values()].reduce((a, b) => a + b, 0);
  const c = ring.get('C') ?? 0;
  if (n < 3) return `${n} ring atom${n === 1 ? '' : 's'}: a ring needs at least 3`;
  if (h + substituents === 0 && c > 0 && c === n) {
    return 'bare carbon: a cage or cyclocarbon (two π systems) — use hirsch for fullerenes';
  }
  if (n > 40) return `${n} ring atoms: too large for a single Hückel monocycle`;
  const others = [...ring.keys()].filter((s) => s !== 'C');
  if (h + substituents === 0) {
    if (c > 0 && c === n)
      return 'bare carbon: a cage or cyclocarbon (two π systems) — use hirsch for fullerenes';
    if (options.pi !== undefined) {
      if (n > 12)
        return `${n} atoms: no all-metal or inorganic monocycle this large is known; --pi applies to rings of at most 12 atoms`;
      return { kind: 'bare', ring };
    }
    if (c > 0) return 'bare ring with carbon and heteroatoms: give the π count with --pi';
    const groups = new Set(others.map((s) => el(s).group));
    if (groups.has(14))
      return 'bare group-14 clusters are deltahedral (Zintl) cages, not rings; give --pi for a known ring';
    if (groups.size === 1 && groups.has(13)) {
      if (n === 4 && (inv.charge === -2 || inv.charge === -4)) return { kind: 'bare', ring };
      return 'an all-metal group-13 ring other than M4²⁻/M4⁴⁻: give its π count with --pi';
    }
    if ([...groups].every((g) => g === 15 || g === 16)) {
      if (inv.charge === 0 && !f.prefixes.some((p) => /cyclo/i.test(p))) {
        return 'a neutral bare group-15/16 molecule (P4, S8) is not a planar aromatic ring; write cyclo- or a charge for a ring ion';
      }
      // A planar ring keeps an in-plane lone pair and two σ bonds on every atom: π = Σ(v − 4) − z.
      // With fewer π electrons than atoms the ion is electron-deficient and closes into a deltahedral
      // cage instead ([Bi5]³⁺ trigonal bipyramid, [Bi9]⁵⁺ tricapped trigonal prism; Corbett,
      // Prog. Inorg. Chem. 21, 129 (1976)); the known bare rings are 4- to 6-membered with 6 π.
      const pi = [...ring].reduce((a, [s, k]) => a + k * (valenceElectrons(el(s)) - 4), 0) - inv.charge;
      if (n > 6) {
        return `${n} bare group-15/16 atoms: larger homoatomic ions are cages or chains, not planar rings (known bare aromatic rings have 4–6 atoms); count cages with wade-mingos`;
      }
      if (pi < n) {
        return `read as a ring it would have only ${pi} π electron${pi === 1 ? '' : 's'} for ${n} atoms: too electron-poor for a ring with a lone pair on every atom, so it closes into a deltahedral cage — count it with wade-mingos`;
      }
      return { kind: 'bare', ring };
    }
    return 'a bare ring of these elements: give its π count with --pi';
  }
  if (others.some((s) => !RING_HETERO.has(s))) {
    const bad = others.filter((s) => !RING_HETERO.has(s));
    return `${bad.join(', ')} in a ring with hydrogens: not an annulene or common heterocycle`;
  }
  if (others.some((s) => isMetal(el(s)))) return 'metal atoms: not an organic ring';
  const borazine = c === 0 && (ring.get('B') ?? 0) > 0 && ring.get('B') === ring.get('N') && ring.size === 2;
  if (c === 0 && !borazine)
    return 'no ring carbons: not an annulene or heterocycle (boranes: use wade-mingos)';
  if (c > 0 && c * 2 < n)
    return 'more heteroatoms than carbons: not read as an annulene or common heterocycle';
  if (h + substituents < c) {
    return `fewer H/halogen substituents (${h + substituents}) than ring carbons (${c}): a fused, polycyclic or multiply bonded molecule — Hückel's rule is for monocycles`;
  }
  if (h + substituents >= 2 * n + 2) return `${h} H on ${n} atoms: saturated and acyclic, not a ring`;
  return { kind: 'organic', ring, h, substituents };
}

function check(f: Formula, options: CountOptions = {}): Applicability {
  const r = read(f, options);
  if (typeof r === 'string') return { applies: false, reason: r };
  return {
    applies: true,
    reason: `${r.kind === 'organic' ? 'monocyclic ring' : 'bare ring'} of ${[...r.ring.keys()].join(', ')}`,
  };
}

function verdictOf(pi: number): { verdict: string; note: string } {
  if (pi <= 0) return { verdict: 'not-aromatic', note: 'no π electrons' };
  if (pi % 4 === 2) return { verdict: 'aromatic', note: `${pi} = 4n + 2 (n = ${(pi - 2) / 4}): aromatic` };
  if (pi % 4 === 0)
    return { verdict: 'antiaromatic', note: `${pi} = 4n (n = ${pi / 4}): antiaromatic if planar` };
  return { verdict: 'not-aromatic', note: `${pi} is odd: a radical, neither 4n + 2 nor 4n` };
}

export const huckelRule: CountRule = {
  id: 'huckel',
  title: 'Hückel 4n + 2 rule',
  reference: REFERENCE,
  applies: (f, o) => check(f, o),
  count(f: Formula, options: CountOptions = {}): CountResult {
    const r = read(f, options);
    if (typeof r === 'string') return notApplicable(META, UNIT, r);
    const inv = inventory(f);
    const steps: CountStep[] = [];
    const notes: string[] = [];
    let conjugated = true;
    if (options.pi !== undefined) {
      steps.push({
        term: 'π electrons (given)',
        electrons: options.pi,
        why: 'π count supplied by the user (--pi)',
      });
      notes.push(
        'the formula is taken to be a planar monocycle with the π count you gave; that cannot be checked from a formula — confirm the ring with a structure (superatom analyze)',
      );
    } else if (r.kind === 'bare') {
      const groups = new Set([...r.ring.keys()].map((s) => el(s).group));
      if (groups.has(13)) {
        const n = [...r.ring.values()].reduce((a, b) => a + b, 0);
        const e = n * 1 - inv.charge;
        const pi = e >= 8 ? 4 : e >= 4 ? 2 : 0;
        for (const [s, c] of r.ring) {
          steps.push({
            term: `${times(c, s)} × 1`,
            electrons: c,
            why: `${s} (group 13): 3 valence electrons, an s² lone pair kept → 1 delocalised electron`,
          });
        }
        steps.push(chargeStep(inv.charge));
        steps.push({
          term: 'σ electrons',
          electrons: pi - e,
          why: `the ${e} delocalised electrons fill σ-radial (2), π (2), σ-tangential (2), π (2) in that order: ${e - pi} of them are σ`,
        });
        notes.push(
          `${e} delocalised electrons fill σ-radial (2), π (2), σ-tangential (2), π (2) in that order (Boldyrev & Wang 2005) → ${pi} π electrons; the other ${e - pi} are σ (σ-aromaticity is a separate count)`,
        );
        const res = verdictOf(pi);
        notes.unshift(res.note);
        return {
          rule: 'huckel',
          applies: true,
          count: pi,
          unit: UNIT,
          verdict: res.verdict,
          steps,
          notes,
          details: { delocalisedElectrons: e, sigmaElectrons: e - pi },
          reference: REFERENCE,
        };
      }
      for (const [s, c] of r.ring) {
        const v = valenceElectrons(el(s));
        steps.push({
          term: `${times(c, s)} × ${num(v - 4)}`,
          electrons: c * (v - 4),
          why: `${s}: ${v} valence electrons − 2 in an in-plane lone pair − 2 in two ring σ bonds → ${v - 4} π`,
        });
      }
      steps.push(chargeStep(inv.charge));
    } else {
      const c = r.ring.get('C') ?? 0;
      let hLeft = r.h + r.substituents - c;
      if (c) {
        steps.push({
          term: `${times(c, 'C–H')} × 1`,
          electrons: c,
          why: 'sp² ring carbon with one H (or substituent): 1 electron in its p orbital',
        });
      }
      for (const [s, n] of r.ring) {
        if (s === 'C') continue;
        const e = el(s);
        for (let i = 0; i < n; i++) {
          const withH = hLeft > 0 && (e.group === 15 || e.group === 13);
          if (withH) hLeft--;
          const v = e.group === 13 ? 0 : e.group === 16 ? 2 : withH ? 2 : 1;
          const why =
            e.group === 13
              ? `${s}${withH ? '–H' : ''}: an empty p orbital, 0 π electrons`
              : e.group === 16
                ? `${s}: one lone pair in the ring's p system, 2 π electrons`
                : withH
                  ? `${s}–H (pyrrole-type): its lone pair is in the π system, 2 electrons`
                  : `${s} (pyridine-type): 1 π electron; its lone pair lies in the ring plane`;
          steps.push({ term: `${s}${withH ? '–H' : ''}`, electrons: v, why });
        }
      }
      if (hLeft > 0) {
        conjugated = false;
        steps.push({
          term: `${times(hLeft, 'extra H')} (sp³ CH2)`,
          electrons: -hLeft,
          why: `each extra H makes a ring carbon sp³ (CH2), removing its p electron and breaking the cyclic conjugation`,
        });
      }
      steps.push(chargeStep(inv.charge));
      notes.push(
        'read as one planar monocycle; an isomer with a side chain (toluene for C7H8) has the same formula',
      );
    }
    const pi = sumSteps(steps);
    if (!conjugated) {
      notes.unshift(
        `${pi} π electrons, but an sp³ CH2 interrupts the ring: not aromatic (cyclic conjugation needed)`,
      );
      return {
        rule: 'huckel',
        applies: true,
        count: pi,
        unit: UNIT,
        verdict: 'not-aromatic',
        steps,
        notes,
        reference: REFERENCE,
      };
    }
    const res = verdictOf(pi);
    notes.unshift(res.note);
    if (res.verdict === 'antiaromatic' && pi >= 8) {
      notes.push(
        'rings with 8 or more π electrons in 4n usually pucker to escape antiaromaticity (cyclooctatetraene is tub-shaped)',
      );
    }
    return {
      rule: 'huckel',
      applies: true,
      count: pi,
      unit: UNIT,
      verdict: res.verdict,
      steps,
      notes,
      reference: REFERENCE,
    };
  },
};
