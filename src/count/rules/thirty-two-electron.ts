/**
 * `32-electron`: electrons at an f-block (actinide, lanthanide) centre, filling its
 * s² p⁶ d¹⁰ f¹⁴ shell (P. Pyykkö, C. Clavaguéra, J.-P. Dognon, "The 32-electron principle",
 * in Computational Methods in Lanthanide and Actinide Chemistry (2015); Dognon, Clavaguéra,
 * Pyykkö, JACS 131, 238 (2009), Pu@Pb12 / Pu@Sn12; Chem. Sci. 3, 2843 (2012), [U@Si20]⁶⁻).
 */
import type { Formula } from '../../chem/types.js';
import { centreNotApplicable, centreRule } from '../centre.js';
import type { CountResult, CountRule } from '../types.js';

const SPEC = {
  id: '32-electron' as const,
  target: 32,
  reference:
    'Dognon, Clavaguéra & Pyykkö, JACS 131, 238 (2009); C. R. Chimie 13, 884 (2010); Chem. Sci. 3, 2843 (2012)',
};

function evaluate(f: Formula) {
  return centreRule(f, SPEC, (p) =>
    p.block === 'f'
      ? null
      : `the centre ${p.centre} is not an f-block atom (32 = s² p⁶ d¹⁰ f¹⁴ needs an f shell)`,
  );
}

export const thirtyTwoElectronRule: CountRule = {
  id: '32-electron',
  title: '32-electron principle (Pyykkö)',
  reference: SPEC.reference,
  applies: (f) => evaluate(f),
  count(f: Formula): CountResult {
    const r = evaluate(f);
    return r.result ? r.result() : centreNotApplicable(SPEC, r.reason);
  },
};
