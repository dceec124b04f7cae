import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { electronCount, multiplicityFor, writeNwchemInput } from './nwchem-input.js';

const au2 = { numbers: [79, 79], positions: [0, 0, 0, 0, 0, 2.472], charge: 1, multiplicity: 2 } as const;

describe('writeNwchemInput', () => {
  it('PBE on Au2⁺: def2-SVP everywhere, def2-ECP for Au (Z > 36), files kept in the run directory', () => {
    const text = writeNwchemInput({ ...au2, method: 'pbe', basis: 'def2-svp', task: 'energy' });
    expect(text).toContain('permanent_dir ./');
    expect(text).toContain('scratch_dir ./');
    expect(text).toContain('charge 1');
    expect(text).toContain('  * library def2-svp');
    expect(text).toMatch(/ecp\n {2}Au library def2-ecp\nend/);
    expect(text).toContain('xc xpbe96 cpbe96');
    expect(text).toContain('mult 2');
    expect(text).toContain('mulliken');
    expect(text).toContain('  Au 0.00000000 0.00000000 2.47200000');
    expect(text.trim().endsWith('task dft energy')).toBe(true);
    expect(text).not.toContain('smear');
  });

  it('light elements get no ECP block; PBE0 and def2-TZVP; no symmetry on request', () => {
    const text = writeNwchemInput({
      numbers: [13, 17],
      positions: [0, 0, 0, 0, 0, 2.1],
      charge: 0,
      multiplicity: 1,
      method: 'pbe0',
      basis: 'def2-tzvp',
      task: 'gradient',
      symmetry: false,
    });
    expect(text).not.toMatch(/^ecp/m);
    expect(text).toContain('xc pbe0');
    expect(text).toContain('* library def2-tzvp');
    expect(text).toContain('nocenter noautosym');
    expect(text).toContain('task dft gradient');
  });

  it('smear guess: a smeared SCF, then integer occupations continued from its vectors', () => {
    const text = writeNwchemInput({
      ...au2,
      method: 'pbe',
      basis: 'def2-svp',
      task: 'optimize',
      guess: 'smear',
    });
    const tasks = text.match(/^task .*/gm);
    expect(tasks).toEqual(['task dft energy', 'task dft optimize']);
    expect(text).toContain('smear 0.01');
    expect(text).toContain('smear 0.0\n');
    expect(text).toContain('vectors input calc.movecs');
    expect(text).toMatch(/driver\n {2}maxiter 30\nend/);
  });

  it('hcore guess and a persistent smearing width', () => {
    const text = writeNwchemInput({
      ...au2,
      method: 'pbe',
      basis: 'def2-svp',
      task: 'energy',
      guess: 'hcore',
      smearHa: 0.001,
    });
    expect(text).toContain('vectors input hcore');
    expect(text).toContain('smear 0.001');
  });

  it('refuses what NWChem cannot run, with a reason', () => {
    const base = { ...au2, method: 'pbe', basis: 'def2-svp', task: 'energy' } as const;
    expect(() => writeNwchemInput({ ...base, numbers: [92, 92] })).toThrow(/no def2 basis/);
    expect(() => writeNwchemInput({ ...base, numbers: [0, 79] })).toThrow(InputError);
    expect(() => writeNwchemInput({ ...base, positions: [0, 0, 0, 0, 0, Number.NaN] })).toThrow(
      /coordinate z/,
    );
    expect(() => writeNwchemInput({ ...base, positions: [0, 0, 0] })).toThrow(/expected 6 coordinates/);
    expect(() => writeNwchemInput({ ...base, method: 'b3lyp' as never })).toThrow(/unknown DFT method/);
    expect(() => writeNwchemInput({ ...base, basis: 'sto-3g' as never })).toThrow(/unknown basis/);
  });
});

describe('spin', () => {
  it('multiplicity by electron parity, or from the unpaired electrons asked for', () => {
    expect(electronCount([79, 79], 1)).toBe(157);
    expect(multiplicityFor([79, 79], 1)).toBe(2);
    expect(multiplicityFor([79, 79], 0)).toBe(1);
    expect(multiplicityFor([79, 79], 1, 3)).toBe(4);
    expect(multiplicityFor(new Array(13).fill(13), -1)).toBe(1); // Al13⁻: 170 electrons
  });

  it('impossible spins and charges are input errors', () => {
    expect(() => multiplicityFor([79, 79], 1, 2)).toThrow(/parity/);
    expect(() => multiplicityFor([1], 1)).toThrow(/leaves 0 electrons/);
    expect(() => multiplicityFor([1, 1], 0, -1)).toThrow(InputError);
  });
});
