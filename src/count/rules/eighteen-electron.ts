/**
 * `18-electron`: electrons at a transition-metal centre, neutral method with the ionic method as a
 * cross-check (I. Langmuir, Science 54, 59 (1921); N. V. Sidgwick; Green, J. Organomet. Chem. 500,
 * 127 (1995)). Endohedral M@Cage counts the centre plus the electrons the cage delocalises onto it
 * (W@Au12: 6 + 12 × 1 = 18, Pyykkö & Runeberg, Angew. Chem. Int. Ed. 41, 2174 (2002)). A dinuclear
 * complex is counted per metal with the metal–metal bonds the count implies (Co2(CO)8: 17 + 1).
 * Known exceptions (16-electron square-planar d⁸, 17-electron V(CO)6) are flagged.
 */
import type { Formula } from '../../chem/types.js';
import { centreNotApplicable, centreRule } from '../centre.js';
import type { CountResult, CountRule } from '../types.js';

const SPEC = {
  id: '18-electron' as const,
  target: 18,
  reference:
    'Langmuir, Science 54, 59 (1921); Green, J. Organomet. Chem. 500, 127 (1995); Pyykkö & Runeberg, Angew. Chem. Int. Ed. 41, 2174 (2002)',
};

function evaluate(f: Formula) {
  return centreRule(f, SPEC, (p) => {
    if (p.block === 'f') return `the centre ${p.centre} is an f-block atom: use the 32-electron rule`;
    if (p.block !== 'd') return `the centre ${p.centre} is a main-group atom: use the octet rule`;
    return null;
  });
}

export const eighteenElectronRule: CountRule = {
  id: '18-electron',
  title: '18-electron rule',
  reference: SPEC.reference,
  applies: (f) => evaluate(f),
  count(f: Formula): CountResult {
    const r = evaluate(f);
    return r.result ? r.result() : centreNotApplicable(SPEC, r.reason);
  },
};
