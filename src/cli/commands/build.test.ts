import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellFromParameters } from '../../io/cell.js';
import { writeCif } from '../../io/cif.js';
import { parseXyz } from '../../io/xyz.js';
import { mackayIcosahedron } from '../../structure/builders/clusters.js';
import { createStructure } from '../../structure/structure.js';
import { runCli } from '../testing.js';

describe('superatom build', () => {
  it('writes XYZ to stdout: Au55 Mackay icosahedron', async () => {
    const r = await runCli(['build', 'icosahedron', '--element', 'Au', '--shells', '2']);
    expect(r.code).toBe(0);
    const [s] = parseXyz(r.out);
    // (10n³ + 15n² + 11n + 3)/3 = 55 for n = 2 (Mackay 1962)
    expect(s!.numbers.length).toBe(55);
    expect(s!.title).toMatch(/2\.8837 Å \(bulk fcc/);
  });
  it('writes a file by extension and honours --bond', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-build-'));
    const r = await runCli(
      ['build', 'tetrahedron', '--element', 'Au', '--bond', '2.8', '-o', 'au20.pdb'],
      dir,
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/wrote au20\.pdb: fcc tetrahedron \(edge 4\), 20 atoms/);
    const text = readFileSync(join(dir, 'au20.pdb'), 'utf8');
    expect(text.match(/^HETATM/gm)).toHaveLength(20);
  });
  it('builds polyhedra by name and reports bad input with exit 2', async () => {
    const c60 = await runCli([
      'build',
      'truncated-icosahedron',
      '--element',
      'C',
      '--bond',
      '1.44',
      '--json',
    ]);
    expect(JSON.parse(c60.out)).toMatchObject({ atoms: 60, element: 'C', bondA: 1.44, bondSource: '--bond' });
    const bad = await runCli(['build', 'icosahedron', '--element', 'Xq']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/unknown element "Xq"/);
    const noShape = await runCli(['build']);
    expect(noShape.code).toBe(2);
    const noAtoms = await runCli(['build', 'random']);
    expect(noAtoms.err).toMatch(/needs --atoms/);
  });
  it('acceptance regressions: options a shape does not read and absurd bonds are refused, not ignored', async () => {
    const size = await runCli(['build', 'icosahedron', '--size', '3']);
    expect(size.code).toBe(2);
    expect(size.err).toMatch(/--size does not apply to the shape "icosahedron"/);
    expect((await runCli(['build', 'cube', '--shells', '2'])).code).toBe(2);
    expect((await runCli(['build', 'icosahedron', '--seed', '3'])).code).toBe(2);
    const huge = await runCli(['build', 'icosahedron', '--bond', '1e300']);
    expect(huge.code).toBe(2);
    expect(huge.err).toMatch(/up to 100, got 1e\+300/);
    // still accepted: the options each shape documents
    expect((await runCli(['build', 'random', '--atoms', '5', '--seed', '3'])).code).toBe(0);
    expect((await runCli(['build', 'random', '--atoms', '5', '--seed', '4294967297'])).err).toMatch(
      /--seed must lie between/,
    );
    expect((await runCli(['build', 'cube', '--centre', '--bond', '2'])).code).toBe(0);
    expect((await runCli(['build', 'truncated-octahedron', '--size', '5', '--cut', '1'])).code).toBe(0);
  });
});

describe('superatom convert', () => {
  it('extracts one whole molecule from a CIF whose molecule straddles the cell corner', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-convert-'));
    // Au13 icosahedron centred on the inversion centre at the origin of a P-1 cell: the asymmetric unit
    // holds the centre and 6 surface atoms, expansion adds the other 6 and merges the centre's copy.
    const ico = mackayIcosahedron(1, { z: 79, bond: 2.884 });
    const half = [0];
    for (let a = 1; a < 13; a++)
      if (ico.positions[3 * a]! + 1e-3 * ico.positions[3 * a + 1]! > 0) half.push(a);
    const cell = cellFromParameters(15, 16, 17, 85, 95, 100);
    const asym = createStructure({
      numbers: half.map(() => 79),
      positions: half.flatMap((a) => [
        ico.positions[3 * a]!,
        ico.positions[3 * a + 1]!,
        ico.positions[3 * a + 2]!,
      ]),
      cell,
    });
    writeFileSync(
      join(dir, 'au13.cif'),
      writeCif(asym, { symops: ['x, y, z', '-x, -y, -z'], spaceGroup: 'P -1' }),
    );
    const r = await runCli(['convert', 'au13.cif', '--molecule', '-o', 'au13.xyz'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/2 symmetry operation/);
    expect(r.out).toMatch(/1 symmetry copies on special positions merged/);
    expect(r.out).toMatch(/extracted +Au13 \(13 atoms/);
    const [mol] = parseXyz(readFileSync(join(dir, 'au13.xyz'), 'utf8'));
    expect(mol!.numbers.length).toBe(13);
    const j = await runCli(['convert', 'au13.cif', '--molecule', '-o', 'au13.pdb', '--json'], dir);
    expect(JSON.parse(j.out)).toMatchObject({ format: 'cif', molecule: { formula: 'Au13', atoms: 13 } });
  });
  it('missing files and unknown formats exit 2 with a message', async () => {
    const r = await runCli(['convert', 'nope.xyz', '-o', 'x.pdb']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/"nope\.xyz" does not exist/);
    const dir = mkdtempSync(join(tmpdir(), 'sa-convert-'));
    writeFileSync(join(dir, 'a.xyz'), '1\n\nAu 0 0 0\n');
    const bad = await runCli(['convert', 'a.xyz', '-o', 'a.mol2'], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/unknown output format/);
  });
  it('acceptance regressions: --to contradicting -o, a second input, and an unknown format hint that names --from', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-convert-'));
    writeFileSync(join(dir, 'a.xyz'), '1\n\nAu 0 0 0\n');
    writeFileSync(join(dir, 'blob.dat'), 'not a structure\n');
    const to = await runCli(['convert', 'a.xyz', '-o', 'b.xyz', '--to', 'pdb'], dir);
    expect(to.code).toBe(2);
    expect(to.err).toMatch(/--to pdb contradicts the extension of -o b\.xyz/);
    expect((await runCli(['convert', 'a.xyz', '-o', 'b.pdb', '--to', 'pdb'], dir)).code).toBe(0);
    const two = await runCli(['convert', 'a.xyz', 'c.xyz', '-o', 'b.xyz'], dir);
    expect(two.code).toBe(2);
    expect(two.err).toMatch(/unexpected argument "c\.xyz"/);
    const unknown = await runCli(['convert', 'blob.dat', '-o', 'b.xyz'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/--from <format>/);
  });
});
