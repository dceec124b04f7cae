import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellFromParameters } from '../../io/cell.js';
import { writeCif } from '../../io/cif.js';
import { mackayIcosahedron } from '../../structure/builders/clusters.js';
import { createStructure } from '../../structure/structure.js';
import { runCli } from '../testing.js';

/** Au13 icosahedron in a 20 Å P1 cell, with its first site listed a second time as "Au99". */
function dupCif(): string {
  const ico = mackayIcosahedron(1, { z: 79, bond: 2.884 });
  const s = createStructure({
    numbers: ico.numbers,
    positions: ico.positions.map((x) => x + 10),
    cell: cellFromParameters(20, 20, 20, 90, 90, 90),
  });
  const text = writeCif(s);
  const first = text.split('\n').find((l) => /^Au1 /.test(l))!;
  return `${text}${first.replace(/^Au1 /, 'Au99')}\n`;
}

describe('superatom analyze (reader warnings)', () => {
  it('shows the CIF reader warnings as notes and in JSON (acceptance test: they were dropped)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-analyze-'));
    writeFileSync(join(dir, 'dup.cif'), dupCif());
    const r = await runCli(['analyze', 'dup.cif'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/formula +Au13 \(13 atoms\)/);
    expect(r.out).toMatch(/note +sites "Au1" and "Au99" are at the same position/);
    const j = await runCli(['analyze', 'dup.cif', '--json'], dir);
    const report = JSON.parse(j.out);
    expect(report.atoms).toBe(13);
    expect(report.warnings).toEqual([expect.stringMatching(/sites "Au1" and "Au99" .*merged, kept "Au1"/)]);
    // other formats: an empty list
    writeFileSync(join(dir, 'a.xyz'), '2\n\nAu 0 0 0\nAu 2.9 0 0\n');
    expect(JSON.parse((await runCli(['analyze', 'a.xyz', '--json'], dir)).out).warnings).toEqual([]);
  });
});

describe('superatom analyze (wording)', () => {
  it('says "1 atom" for a single atom (acceptance test: "(1 atoms)")', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-analyze-one-'));
    writeFileSync(join(dir, 'one.xyz'), '1\n\nAu 0 0 0\n');
    const r = await runCli(['analyze', 'one.xyz'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/formula +Au \(1 atom\)/);
    expect(r.out).toMatch(/of all atoms \(1 atom\)/);
    expect(r.out).not.toMatch(/\b1 atoms/);
  });
});
