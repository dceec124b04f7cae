/**
 * `octet`: electrons around a main-group central atom by the neutral (covalent) method — the
 * centre's valence electrons + 1 per terminal H/halogen, 2 per terminal O/S (a double bond),
 * 3 per terminal N, 2 per L donor − z (G. N. Lewis, JACS 38, 762 (1916); I. Langmuir, JACS 41,
 * 868 (1919)). Hypervalent (SF6) and electron-deficient (BF3) centres are flagged.
 */
import type { Formula } from '../../chem/types.js';
import { centreNotApplicable, centreRule } from '../centre.js';
import type { CountResult, CountRule } from '../types.js';

const SPEC = {
  id: 'octet' as const,
  target: 8,
  reference:
    'Lewis, JACS 38, 762 (1916); Langmuir, JACS 41, 868 (1919); Musher, Angew. Chem. Int. Ed. 8, 54 (1969) (hypervalence)',
};

function evaluate(f: Formula) {
  return centreRule(f, SPEC, (p) => {
    if (p.kind === 'endohedral')
      return 'an endohedral cluster: the centre is counted by the 18- or 32-electron rule';
    if (p.block === 'd' || p.block === 'f')
      return `the centre ${p.centre} is a transition metal: use the 18-electron rule`;
    return null;
  });
}

export const octetRule: CountRule = {
  id: 'octet',
  title: 'Octet rule (Lewis–Langmuir)',
  reference: SPEC.reference,
  applies: (f) => evaluate(f),
  count(f: Formula): CountResult {
    const r = evaluate(f);
    return r.result ? r.result() : centreNotApplicable(SPEC, r.reason);
  },
};
