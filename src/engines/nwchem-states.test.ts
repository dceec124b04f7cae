/**
 * The state search and the calc report's failure path, driven through the real process runner with
 * a stand-in `nwchem` (a shell script that answers each input deck with a recorded NWChem 7.0.2
 * output from testdata/): runs without NWChem installed. The energies are those measured for Au2⁺
 * PBE/def2-SVP on this machine (default guess −271.191743 Ha, smeared guess continued at integer
 * occupation −271.210274 Ha, quartet −271.073509 Ha); the hcore guess answers with an unconverged SCF.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HARTREE_EV } from '../core/units.js';
import { createNwchemCalculator, NwchemNoStateError, nwchemCalc } from './nwchem.js';

const DATA = join(dirname(fileURLToPath(import.meta.url)), 'testdata');
const DEFAULT_E = '-271.191742547458';
let dir = '';
let fake = '';
let failing = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nwchem-fake-'));
  fake = join(dir, 'nwchem');
  failing = join(dir, 'nwchem-failing');
  const grad = join(DATA, 'nwchem-au2-cation-gradient.out');
  const bad = join(DATA, 'nwchem-au2-cation-unconverged.out');
  writeFileSync(
    fake,
    [
      '#!/bin/sh',
      `if grep -q 'vectors input hcore' calc.nw; then cat '${bad}'; exit 255; fi`,
      `if grep -q 'mult 4' calc.nw; then sed 's/${DEFAULT_E}/-271.073508852807/' '${grad}'; exit 0; fi`,
      `if grep -q 'smear 0.01' calc.nw; then sed 's/${DEFAULT_E}/-271.210274090800/' '${grad}'; exit 0; fi`,
      `cat '${grad}'`,
      '',
    ].join('\n'),
  );
  writeFileSync(failing, ['#!/bin/sh', `cat '${bad}'`, 'exit 255', ''].join('\n'));
  chmodSync(fake, 0o755);
  chmodSync(failing, 0o755);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const au2 = { numbers: Uint8Array.of(79, 79), positions: Float64Array.of(0, 0, 0, 0, 0, 2.472), charge: 1 };

describe('state search (stand-in nwchem)', () => {
  it('keeps the lowest converged state, lists every attempt, warns about the higher ones', async () => {
    const calc = createNwchemCalculator({ executable: fake, processes: 1 });
    const r = await calc.calculate(au2);
    expect(r.energyEv).toBeCloseTo(-271.2102740908 * HARTREE_EV, 6);
    expect(r.attempts!.map((a) => [a.settings.guess, a.settings.multiplicity, a.status])).toEqual([
      ['default', 2, 'ok'],
      ['smear', 2, 'ok'],
      ['hcore', 2, 'failed'],
      ['default', 4, 'ok'],
    ]);
    expect(r.attempts![2]!.reason).toBe('SCF did not converge');
    expect(
      r.warnings!.some((w) => /guess default \(2S\+1 = 2\) converged to a state 0\.50 eV higher/.test(w)),
    ).toBe(true);
    // the recorded output's Mulliken charges (+0.50 e on each Au), in the caller's order
    expect(r.charges).toEqual([0.5, 0.5]);
  });

  it('a fixed spin (--uhf) is not varied', async () => {
    const calc = createNwchemCalculator({ executable: fake, processes: 1 });
    const r = await calc.calculate({ ...au2, uhf: 1 });
    expect(r.attempts!.every((a) => a.settings.multiplicity === 2)).toBe(true);
    expect(r.attempts).toHaveLength(3);
  });

  it('forces come back in the caller’s frame and units (eV/Å)', async () => {
    const calc = createNwchemCalculator({
      executable: fake,
      processes: 1,
      guesses: ['default'],
      tryHigherSpin: false,
    });
    const r = await calc.calculate({ ...au2, gradient: true });
    // recorded gradient ∂E/∂z = −0.012420 Ha/bohr on atom 1 (at z = −1.236 Å in NWChem's frame, which
    // is atom 1 at z = 0 here): force +0.012420 Ha/bohr = 0.6386 eV/Å along +z, atom 2 opposite
    const f = (0.01242 * HARTREE_EV) / 0.529177210903;
    expect(r.forcesEvPerA![2]!).toBeCloseTo(f, 6);
    expect(r.forcesEvPerA![5]!).toBeCloseTo(-f, 6);
  });

  it('no converged state: an error listing every attempt; the calc report says converged: false', async () => {
    const calc = createNwchemCalculator({ executable: failing, processes: 1 });
    const err = await calc.calculate(au2).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NwchemNoStateError);
    expect((err as NwchemNoStateError).states).toHaveLength(4);
    const { report, inputs } = await nwchemCalc(au2, {}, { executable: failing, processes: 1 });
    expect(report.converged).toBe(false);
    expect(report.energy).toBeNull();
    expect(report.attempts.every((a) => a.status === 'failed' && a.reason === 'SCF did not converge')).toBe(
      true,
    );
    expect(report.warnings).toContain('every attempt failed: no result is reported');
    expect(inputs).toEqual({});
  });
});
