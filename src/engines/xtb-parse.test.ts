/**
 * xtb output parsers on excerpts of real xtb 6.5.1 output ([B12H12]2- GFN2, Au13) and fuzzed text:
 * they return values or throw an EngineError, never anything else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../core/errors.js';
import {
  frontierOrbitals,
  parseEngrad,
  parseFukui,
  parseIpEa,
  parseXtbJson,
  parseXtbXyz,
  scfIterations,
  xtbFailureReason,
} from './xtb-parse.js';

const JSON_OUT = `{
   "total energy":         -21.21357289,
   "HOMO-LUMO gap/eV":           6.77678870,
   "electronic energy":         -21.42837612,
   "partial charges": [
        0.07850519,
       -0.24517186],
   "number of molecular orbitals": 4,
   "number of electrons": 4,
   "number of unpaired electrons": 0,
   "orbital energies/eV": [ -12.0, -10.5, -3.72321130, 1.0],
   "fractional occupation": [ 2.0, 2.0, 0.0, 0.0],
   "program call": "xtb b12.xyz --chrg -2 --json --grad",
   "method": "GFN2-xTB",
   "xtb version": "6.5.1 (unknown)"
}`;

const ENGRAD = `#
# Number of atoms
#
        2
#
# The current total energy in Eh
#
    -21.213572886953
#
# The current gradient in Eh/bohr
#
       0.000000000000
       0.001000000000
      -0.002000000000
       0.000000000000
      -0.001000000000
       0.002000000000
#
# The atomic numbers and current coordinates in Bohr
#
   5     0.0000000    -1.6818563    -2.7213001
   1     0.0000000     1.6818563     2.7213001
`;

const FUKUI = `     SCC iter.                  ...        0 min,  0.005 sec

     #        f(+)     f(-)     f(0)
     1B       0.015    0.012    0.013
     2H       0.068    0.071    0.070
           -------------------------------------------------
`;

describe('xtb output parsers', () => {
  it('xtbout.json: energy, gap, charges, orbitals, version; HOMO/LUMO from the electron count', () => {
    const j = parseXtbJson(JSON_OUT);
    expect(j.totalEnergyEh).toBe(-21.21357289);
    expect(j.gapEv).toBe(6.7767887);
    expect(j.charges).toEqual([0.07850519, -0.24517186]);
    expect(j.version).toBe('6.5.1');
    expect(j.method).toBe('GFN2-xTB');
    expect(frontierOrbitals(j)).toEqual({ homoEv: -10.5, lumoEv: -3.7232113 });
  });
  it('xtbout.json: NaN and Fortran overflow fields read as NaN; empty or broken files are EngineErrors', () => {
    const j = parseXtbJson(JSON_OUT.replace('-21.21357289', 'NaN').replace('0.07850519', '**********'));
    expect(j.totalEnergyEh).toBeNaN();
    expect(j.charges[0]).toBeNaN();
    expect(() => parseXtbJson('')).toThrow(EngineError);
    expect(() => parseXtbJson('{"total energy": ')).toThrow(/not valid JSON/);
    expect(() => parseXtbJson('{}')).toThrow(/"total energy" is missing/);
  });
  it('engrad: atoms, energy to 12 decimals, gradient in Eh/bohr', () => {
    const g = parseEngrad(ENGRAD);
    expect(g.atoms).toBe(2);
    expect(g.energyEh).toBe(-21.213572886953);
    expect([...g.gradient]).toEqual([0, 0.001, -0.002, 0, -0.001, 0.002]);
    expect(() => parseEngrad('')).toThrow(/empty/);
    try {
      parseEngrad(ENGRAD.replace('0.001000000000', 'abc'));
      expect.unreachable();
    } catch (e) {
      expect((e as EngineError).location.line).toBe(13);
      expect((e as EngineError).render()).toMatch(/"abc" is not a number \(engrad, line 13\)/);
    }
  });
  it('vfukui table, vipea lines, status lines, xtbopt.xyz', () => {
    expect(parseFukui(FUKUI, 2)).toEqual({
      plus: [0.015, 0.068],
      minus: [0.012, 0.071],
      zero: [0.013, 0.07],
    });
    expect(() => parseFukui(FUKUI, 3)).toThrow(/row 3 of 3/);
    expect(() => parseFukui('nothing', 1)).toThrow(/no Fukui table/);
    expect(parseIpEa('delta SCC IP (eV):    4.7469\nempirical\ndelta SCC EA (eV):   -5.5586')).toEqual({
      ip: 4.7469,
      ea: -5.5586,
    });
    expect(
      xtbFailureReason('   *** convergence criteria cannot be satisfied within 250 iterations ***\n'),
    ).toBe('SCF not converged in 250 iterations');
    expect(
      xtbFailureReason(
        '[ERROR] Program stopped due to fatal error\n-4- scf: Self consistent charge iterator did not converge\n',
      ),
    ).toBe('SCF not converged');
    expect(xtbFailureReason('normal termination of xtb')).toBeUndefined();
    // xtb 6.5.1 with XTBPATH pointing nowhere: the root cause (-1-) comes first
    expect(
      xtbFailureReason(
        '#####\n[ERROR] Program stopped due to fatal error\n-3- Could not setup single-point calculator\n-2- main_setup_newCalculator: Could not construct new calculator\n-1- xtb_calculator_newXTBCalculator: Parameter file param_ipea-xtb.txt not found!\n#####\n',
      ),
    ).toBe(
      'xtb error: xtb_calculator_newXTBCalculator: Parameter file param_ipea-xtb.txt not found!; main_setup_newCalculator: Could not construct new calculator; Could not setup single-point calculator',
    );
    expect(
      scfIterations('a\n *** convergence criteria satisfied after 10 iterations ***\nb after 7 iterations'),
    ).toBe(10);
    expect([...parseXtbXyz('2\n energy: -1\nB 0 0 1.5\nH 0 0 2.7\n', 2)]).toEqual([0, 0, 1.5, 0, 0, 2.7]);
    expect(() => parseXtbXyz('3\n\nB 0 0 0\n', 2)).toThrow(/expected 2 atoms/);
  });
  it('fuzz: every parser returns or throws an EngineError', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 400 }),
      fc
        .tuple(
          fc.constantFrom(JSON_OUT, ENGRAD, FUKUI),
          fc.nat(600),
          fc.nat(40),
          fc.string({ maxLength: 20 }),
        )
        .map(([t, at, del, ins]) => t.slice(0, at) + ins + t.slice(at + del)),
    );
    fc.assert(
      fc.property(text, (t) => {
        for (const f of [
          () => parseXtbJson(t),
          () => parseEngrad(t),
          () => parseFukui(t, 2),
          () => parseXtbXyz(t, 2),
          () => parseIpEa(t),
          () => xtbFailureReason(t),
        ]) {
          try {
            f();
          } catch (e) {
            if (!(e instanceof EngineError)) throw e;
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});
