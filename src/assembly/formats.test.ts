/**
 * The text formats of the assembly layer: cg.json validation, LAMMPS data/input writers and
 * log/dump parsers (with fuzzing: any text gives a result or an InputError), GROMACS .gro/.top and
 * the extended-XYZ trajectory (read back by the io/ extXYZ parser).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { parseGro } from '../io/gro.js';
import { addCounterions, crystal, ring } from './builders.js';
import { KJ_PER_MOL_PER_EV, writeGro, writeMdp, writeTop } from './gromacs.js';
import { parseLammpsDump, parseLammpsLog, writeLammpsData, writeLammpsInput } from './lammps.js';
import { modelFromObject, modelToObject, parseModel } from './model.js';
import { readBeadFrames, writeBeadFrame } from './trajectory.js';

const runs = Number(process.env.SUPERATOM_FUZZ_RUNS ?? 300);

const MODEL = {
  species: {
    Au25: { mass: 7394, sigma: 16, epsilon: 0.1, charge: -1 },
    TOA: { mass: 466.9, sigma: 9, epsilon: 0.02, charge: 1, element: 'N' },
  },
  cutoff: 40,
  coulomb: { method: 'ewald', cutoff: 30, accuracy: 1e-5 },
  temperature: 300,
  damping: 100,
  timestep: 5,
};

describe('cg.json', () => {
  it('mixes by Lorentz–Berthelot (σ arithmetic, ε geometric) or geometric, and takes explicit pairs', () => {
    const m = modelFromObject(MODEL);
    expect(m.pairSigma[1]).toBeCloseTo(12.5, 12); // (16 + 9)/2
    expect(m.pairEpsilon[1]).toBeCloseTo(Math.sqrt(0.1 * 0.02), 12);
    expect(m.species[0]!.element).toBe('Au');
    const g = modelFromObject({ ...MODEL, mixing: 'geometric' });
    expect(g.pairSigma[1]).toBeCloseTo(12, 12); // √(16·9)
    const e = modelFromObject({
      ...MODEL,
      mixing: 'explicit',
      pairs: { 'Au25-TOA': { sigma: 11, epsilon: 0.3 } },
    });
    expect(e.pairSigma[2]).toBe(11);
    expect(() => modelFromObject({ ...MODEL, mixing: 'explicit' })).toThrow(/needs pairs/);
    // round trip
    const back = modelFromObject(modelToObject(m));
    expect(Array.from(back.pairSigma)).toEqual(Array.from(m.pairSigma));
    expect(back.coulomb).toEqual(m.coulomb);
  });

  it('refuses bad models with what and where', () => {
    expect(() => parseModel('{"species": {}}')).toThrow(/species is empty/);
    expect(() => parseModel('{"species": {"A": {"mass": 1}}}')).toThrow(/needs "sigma"/);
    expect(() => parseModel('{"species": {"A": {"mass": 1, "sigma": 1, "epsilon": 0}}, "cutof": 3}')).toThrow(
      /unknown key "cutof"/,
    );
    try {
      parseModel('{\n "species": {,}\n}', 'cg.json');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).location.line).toBe(2);
    }
  });

  it('fuzz: any JSON-ish text gives a model or an InputError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (t) => {
        try {
          parseModel(t);
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
        }
      }),
      { numRuns: runs },
    );
  });
});

describe('LAMMPS files', () => {
  const m = modelFromObject(MODEL);
  const asm = addCounterions(
    crystal({ species: 'Au25', radius: 8, charge: -1 }, { lattice: 'fcc', repeat: [1, 1, 1] }),
    { species: 'TOA', charge: 1 },
    'fcc',
    [1, 1, 1],
  );

  it('data file: counts, masses, full-style atom lines with charges; input: pair/kspace styles in metal units', () => {
    const data = writeLammpsData(m, asm.system);
    expect(data).toMatch(/^8 atoms$/m);
    expect(data).toMatch(/^2 atom types$/m);
    expect(data).toMatch(/^1 7394 # Au25$/m);
    expect(data).toMatch(/^1 0 1 -1 0 0 0$/m);
    const input = writeLammpsInput(m, asm.system, { steps: 1000 });
    expect(input).toMatch(/^units metal$/m);
    expect(input).toMatch(/^pair_style lj\/cut\/coul\/long 40 30$/m);
    expect(input).toMatch(/^kspace_style ewald (1e-5|0.00001)$/m);
    expect(input).toMatch(/^pair_coeff 1 2 0.0447213595499957\d* 12.5$/m);
    // fs → ps
    expect(input).toMatch(/^timestep 0.005$/m);
    expect(input).toMatch(/^fix lg all langevin 300 300 0.1 \d+$/m);
    const finite = ring({ species: 'Au25', radius: 8, charge: -1 }, { count: 4 });
    const direct = modelFromObject({ ...MODEL, coulomb: { method: 'direct' } });
    expect(writeLammpsInput(direct, finite.system, { steps: 0 })).toMatch(/^boundary m m m$/m);
    expect(() => writeLammpsInput(m, finite.system, { steps: 0 })).toThrow(/periodic box/);
  });

  it('log: thermo tables and the ERROR line', () => {
    const log = [
      'LAMMPS (29 Sep 2021 - Update 2)',
      'Step PotEng KinEng',
      '       0   -1.5   0',
      '      10   -1.25  0.5',
      'Loop time of 0.1 on 2 procs for 10 steps with 8 atoms',
      'ERROR: Lost atoms: original 8 current 7 (src/thermo.cpp:487)',
    ].join('\n');
    const r = parseLammpsLog(log);
    expect(r.version).toBe('29 Sep 2021 - Update 2');
    expect(r.tables[0]!.rows).toEqual([
      [0, -1.5, 0],
      [10, -1.25, 0.5],
    ]);
    expect(r.error).toMatch(/^Lost atoms/);
    expect(r.loops).toEqual([{ seconds: 0.1, procs: 2, steps: 10, atoms: 8 }]);
  });

  it('dump: frames by atom id; malformed dumps are refused with the line', () => {
    const dump =
      'ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n2\nITEM: BOX BOUNDS pp pp pp\n0 10\n0 10\n0 10\nITEM: ATOMS id type x y z\n2 1 1 2 3\n1 2 4 5 6\n';
    const f = parseLammpsDump(dump);
    expect(f[0]!.columns).toEqual(['id', 'type', 'x', 'y', 'z']);
    expect(Array.from(f[0]!.values.slice(0, 5))).toEqual([2, 1, 1, 2, 3]);
    try {
      parseLammpsDump(dump.replace('4 5 6', '4 five 6'));
      expect.unreachable();
    } catch (e) {
      expect((e as InputError).location.line).toBe(11);
    }
  });

  it('fuzz: dump and log parsers give a result or an InputError on any text', () => {
    const header = 'ITEM: TIMESTEP\n1\nITEM: NUMBER OF ATOMS\n';
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        parseLammpsLog(a + b);
        for (const t of [
          a,
          header + a,
          `${header}1\nITEM: BOX BOUNDS\n0 1\n0 1\n0 1\nITEM: ATOMS id x\n${a}`,
        ]) {
          try {
            parseLammpsDump(t);
          } catch (e) {
            if (!(e instanceof InputError)) throw e;
          }
        }
      }),
      { numRuns: runs },
    );
  });
});

describe('GROMACS and extended XYZ', () => {
  const m = modelFromObject(MODEL);
  const asm = addCounterions(
    crystal({ species: 'Au25', radius: 8, charge: -1 }, { lattice: 'fcc', repeat: [1, 1, 1] }),
    { species: 'TOA', charge: 1 },
    'fcc',
    [1, 1, 1],
  );

  it('.gro in nm that the io/ GRO reader reads back; .top with kJ/mol and the molecule runs', () => {
    const gro = writeGro(asm.system, { TOA: 'N' });
    const s = parseGro(gro);
    expect(Array.from(s.numbers)).toEqual([79, 79, 79, 79, 7, 7, 7, 7]);
    // 1 Å = 0.1 nm: the box edge a = 16√2 Å
    expect(s.cell![0]).toBeCloseTo(16 * Math.SQRT2, 2);
    const top = writeTop(m, asm.system);
    expect(top).toMatch(
      new RegExp(`Au25  0  7394  -1  A  1.6000000  ${(0.1 * KJ_PER_MOL_PER_EV).toPrecision(8)}`),
    );
    expect(top).toMatch(/^ {2}Au25 {2}4$/m);
    expect(top).toMatch(/^ {2}TOA {2}4$/m);
    expect(writeMdp(m, asm.system, 100)).toMatch(/integrator\s+= sd/);
    // rigid bodies: one BODY molecule type of the sites, listed once per body
    const rb = {
      species: ['Au25'],
      types: new Int32Array(6),
      positions: Float64Array.from({ length: 18 }, (_, i) => i),
      bodies: Int32Array.from([1, 1, 1, 2, 2, 2]),
    };
    const t2 = writeTop(m, rb);
    expect(t2).toMatch(/^ {2}BODY {2}2$/m);
    expect(t2).toMatch(/no internal constraints/);
    expect(writeGro(rb).split('\n')[2]).toMatch(/^ {4}1BODY/);
  });

  it('extended XYZ: element stand-ins, bead names, Lattice and pbc, read back unchanged', () => {
    const text = writeBeadFrame(asm.system, undefined, { TOA: 'N' }, { step: 0, kind: 'crystal' });
    const lines = text.split('\n');
    expect(lines[1]).toMatch(
      /^Lattice="22.627\d* 0 0 0 22.627\d* 0 0 0 22.627\d*" Properties=species:S:1:pos:R:3:bead:S:1 pbc="T T T" step=0 kind=crystal$/,
    );
    expect(lines[2]).toMatch(/^Au 0 0 0 Au25$/);
    expect(lines[6]).toMatch(/^N {2}\S+ \S+ \S+ TOA$/);
    const [back] = readBeadFrames(text);
    expect(back!.species).toEqual(['Au25', 'TOA']);
    expect(Array.from(back!.types)).toEqual(Array.from(asm.system.types));
    expect(back!.box).toEqual(asm.system.box);
    for (let i = 0; i < 24; i++) expect(back!.positions[i]).toBeCloseTo(asm.system.positions[i]!, 8);
  });
});
