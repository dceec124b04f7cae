/**
 * `superatom assemble` and `superatom md` through the CLI: the JSON contract fields, files that
 * the analyze command and the LAMMPS engine read back, and input errors (exit 2).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lammpsAvailable } from '../../engines/lammps.js';
import { runCli } from '../testing.js';

const dir = mkdtempSync(join(tmpdir(), 'superatom-assemble-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const required = process.env.SUPERATOM_REQUIRE_ENGINES === '1';
const hasLammps = await lammpsAvailable();
if (!hasLammps && required) throw new Error('SUPERATOM_REQUIRE_ENGINES=1 but LAMMPS (lmp) is not installed');

const BEAD = ['--species', 'Au25', '--radius', '5', '--shell', '5'];

describe('superatom assemble', () => {
  it('ring --angle 22.5: 16 clusters, no cell; analyze finds D16h in the written file', async () => {
    const r = await runCli(
      ['assemble', 'ring', '--angle', '22.5', ...BEAD, '-o', 'ring.extxyz', '--json'],
      dir,
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ kind: 'ring', clusters: 16, atoms: 16, counterions: 0, cell: null });
    const a = await runCli(['analyze', 'ring.extxyz', '--json'], dir);
    expect(a.code).toBe(0);
    expect(JSON.parse(a.out).pointGroup).toBe('D16h');
  });

  it('crystal fcc with TOA counter-ions: neutral, cell, LAMMPS and GROMACS files with a default model', async () => {
    const r = await runCli(
      [
        'assemble',
        'crystal',
        '--lattice',
        'fcc',
        '--repeat',
        '2x2x2',
        ...BEAD,
        '--charge',
        '-1',
        '--formula',
        'Au25(PET)18',
        '--counterion',
        'TOA',
        '-o',
        'fcc.extxyz',
        '--lammps',
        'lmp',
        '--gromacs',
        'gmx',
        '--json',
      ],
      dir,
    );
    expect(r.err).toBe('');
    const j = JSON.parse(r.out);
    // shells touch at d = 20 Å (a = 20√2 = 28.3 Å), but a TOA (radius 5 Å) in an octahedral hole at
    // a/2 needs a/2 ≥ 10 + 5: the lattice expands to a = 30 Å, two cells = 60 Å
    const a = 60;
    expect(j).toMatchObject({ kind: 'crystal', clusters: 32, atoms: 64, counterions: 32, charge: 0 });
    for (let k = 0; k < 3; k++) expect(j.cell[k]).toBeCloseTo(a, 9);
    for (const f of [
      'lmp/system.data',
      'lmp/in.lammps',
      'lmp/cg.json',
      'gmx/system.gro',
      'gmx/topol.top',
      'gmx/md.mdp',
    ])
      expect(existsSync(join(dir, f))).toBe(true);
    const model = JSON.parse(readFileSync(join(dir, 'lmp/cg.json'), 'utf8'));
    // Au25(PET)18 average mass: 25 × 196.96657 + 18 × 137.22 (C8H9S) = 7394.1 Da
    expect(model.species.Au25.mass).toBeCloseTo(7394.1, 0);
    expect(model.coulomb.method).toBe('ewald');
  });

  it('clusterphene and a helical wire; bad input exits 2 with a hint', async () => {
    const l = await runCli(
      ['assemble', 'lattice', '--lattice', 'honeycomb', '--repeat', '3x2', '--periodic', ...BEAD, '--json'],
      dir,
    );
    expect(JSON.parse(l.out)).toMatchObject({ kind: 'lattice', clusters: 24 });
    const w = await runCli(
      ['assemble', 'wire', '--count', '12', '--helix-radius', '8', ...BEAD, '--json'],
      dir,
    );
    expect(JSON.parse(w.out)).toMatchObject({ kind: 'wire', clusters: 12, cell: null });
    const bad = await runCli(['assemble', 'ring', '--angle', '25', ...BEAD], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/not a whole number/);
    const none = await runCli(['assemble', 'helix'], dir);
    expect(none.code).toBe(2);
    // a cut-off repeat ("4x", "3x3x") or a zero count is refused, not read as 4×4 / 3×3×3
    for (const [kind, lat, rep] of [
      ['lattice', 'honeycomb', '4x'],
      ['crystal', 'fcc', '3x3x'],
      ['lattice', 'square', '0'],
    ] as const) {
      const r = await runCli(['assemble', kind, '--lattice', lat, '--repeat', rep, ...BEAD], dir);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/--repeat expects/);
    }
    const one = await runCli(
      ['assemble', 'lattice', '--lattice', 'square', '--repeat', '2', ...BEAD, '--json'],
      dir,
    );
    expect(JSON.parse(one.out)).toMatchObject({ clusters: 4 });
    const noModel = await runCli(['assemble', 'ring', '--count', '4', ...BEAD, '--model', 'nope.json'], dir);
    expect(noModel.code).toBe(2);
    expect(noModel.err).toMatch(/^error: the --model file "nope.json" does not exist/);
    // a malformed --formula is an error even when no model is written (it was silently ignored)
    const badFormula = await runCli(
      ['assemble', 'ring', '--count', '4', ...BEAD, '--formula', 'Au25(PET', '-o', 'f.extxyz'],
      dir,
    );
    expect(badFormula.code).toBe(2);
    expect(badFormula.err).toMatch(
      /--formula from "Au25\(PET": the bracket "\(" opened here is never closed/,
    );
    expect(existsSync(join(dir, 'f.extxyz'))).toBe(false);
  });
});

describe('superatom md', () => {
  const model = {
    species: {
      POM: { mass: 2880, sigma: 10.4, epsilon: 0.06, charge: -3, element: 'W' },
      TBA: { mass: 242.5, sigma: 9, epsilon: 0.03, charge: 1, element: 'N' },
    },
    cutoff: 60,
    coulomb: { method: 'direct' },
    dielectric: 2,
    temperature: 300,
    damping: 500,
    timestep: 10,
    seed: 3,
  };
  writeFileSync(join(dir, 'pom.json'), JSON.stringify(model));
  // [PW12O40]3− bead with three TBA+ around it
  writeFileSync(
    join(dir, 'pom.extxyz'),
    '4\nProperties=species:S:1:pos:R:3:bead:S:1 pbc="F F F"\nW 0 0 0 POM\nN 9.5 0 0 TBA\nN -4.75 8.2 0 TBA\nN -4.75 -8.2 0 TBA\n',
  );

  it('missing files and a malformed trajectory: exit 2, one clear error naming the file', async () => {
    const gone = await runCli(['md', 'nope.extxyz', '--model', 'pom.json', '--steps', '10'], dir);
    expect(gone.code).toBe(2);
    expect(gone.err).toMatch(/^error: the structure file "nope.extxyz" does not exist/);
    const noModel = await runCli(['md', 'pom.extxyz', '--model', 'nope.json', '--steps', '10'], dir);
    expect(noModel.code).toBe(2);
    expect(noModel.err).toMatch(/^error: the --model file "nope.json" does not exist/);
    writeFileSync(
      join(dir, 'bad.extxyz'),
      '2\nProperties=species:S:1:pos:R:3 pbc="F F F"\nW 0 0 0\nN 1 x 0\n',
    );
    const bad = await runCli(['md', 'bad.extxyz', '--model', 'pom.json', '--steps', '10'], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/bad\.extxyz, line 4/);
    expect(bad.err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('built-in engine: energies by term, the engine, a trajectory ASE-style', async () => {
    const r = await runCli(
      ['md', 'pom.extxyz', '--model', 'pom.json', '--steps', '500', '-o', 't.extxyz', '--json'],
      dir,
    );
    expect(r.err).toBe('');
    const j = JSON.parse(r.out);
    expect(j.engine).toBe('builtin');
    expect(j.energies.coulomb.mean).toBeLessThan(0);
    expect(Object.keys(j.initial.pairs)).toEqual(['POM-POM', 'POM-TBA', 'TBA-TBA']);
    expect(readFileSync(join(dir, 't.extxyz'), 'utf8')).toMatch(/Properties=species:S:1:pos:R:3:bead:S:1/);
    const g = await runCli(
      ['md', 'pom.extxyz', '--model', 'pom.json', '--steps', '2000', '--rdf', '20', '--json'],
      dir,
    );
    const rdf = JSON.parse(g.out).rdf;
    expect(rdf.frames).toBeGreaterThan(10);
    const p = rdf.pairs['POM-TBA'];
    // the cations stay near contact with the anion (σ_POM-TBA = 9.7 Å, LJ minimum at 2^{1/6}σ ≈ 10.9 Å,
    // pulled in by the Coulomb attraction)
    const peak = p.r[p.g.indexOf(Math.max(...p.g))];
    expect(peak).toBeGreaterThan(8);
    expect(peak).toBeLessThan(11.5);
  });

  it.skipIf(!hasLammps)(
    'LAMMPS engine: the same report, engine lammps',
    async () => {
      const r = await runCli(
        ['md', 'pom.extxyz', '--model', 'pom.json', '--steps', '500', '--engine', 'lammps', '--json'],
        dir,
      );
      expect(r.err).toBe('');
      const j = JSON.parse(r.out);
      expect(j.engine).toBe('lammps');
      expect(j.engineVersion).toMatch(/^LAMMPS/);
      expect(j.final.total).toBeLessThan(0);
    },
    60000,
  );

  it.skipIf(!hasLammps)(
    'rigid bodies of sites run on both engines (LAMMPS: fix rigid langevin)',
    async () => {
      writeFileSync(
        join(dir, 'tbp.xyz'),
        '5\nAu5\nAu 2 0 0\nAu -2 0 0\nAu 0 1.5 0\nAu 0 -0.75 1.299\nAu 0 -0.75 -1.299\n',
      );
      const a = await runCli(
        [
          'assemble',
          'ring',
          '--count',
          '4',
          '--distance',
          '10',
          '--cluster',
          'tbp.xyz',
          '-o',
          'rb.extxyz',
          '--json',
        ],
        dir,
      );
      expect(JSON.parse(a.out)).toMatchObject({ clusters: 4, atoms: 20 });
      writeFileSync(
        join(dir, 'au.json'),
        JSON.stringify({
          species: { Au: { mass: 196.97, sigma: 2.6, epsilon: 0.2 } },
          cutoff: 8,
          temperature: 300,
          damping: 200,
          timestep: 2,
        }),
      );
      const b = await runCli(['md', 'rb.extxyz', '--model', 'au.json', '--steps', '200', '--json'], dir);
      expect(b.err).toBe('');
      expect(JSON.parse(b.out).engine).toBe('builtin');
      const l = await runCli(
        ['md', 'rb.extxyz', '--model', 'au.json', '--steps', '200', '--engine', 'lammps', '--json'],
        dir,
      );
      expect(l.err).toBe('');
      const j = JSON.parse(l.out);
      // intra-body pairs are excluded on both sides, so the first configuration's LJ is inter-body only
      expect(j.initial.lj).toBeGreaterThan(-100);
      expect(Number.isFinite(j.energies.total.mean)).toBe(true);
    },
    60000,
  );
});
