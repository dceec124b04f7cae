/** `superatom search --composition` (issue 16 item 3): alloy homotop search through the CLI. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing.js';

describe('superatom search --composition', () => {
  it('Au3Pd3 with the DFT-fit set reaches the published minimum; XYZ has the Au and Pd atoms', async () => {
    // −18.893036 eV: Pittaway, Paz-Borbón, Johnston et al., J. Phys. Chem. C 113, 9141 (2009), SI
    const dir = mkdtempSync(join(tmpdir(), 'sa-comp-'));
    const r = await runCli(
      [
        'search',
        '--potential',
        'gupta:aupd-dft',
        '--composition',
        'Au3Pd3',
        '--target',
        '-18.893036',
        '--max-steps',
        '400',
        '-o',
        'best.xyz',
        '--json',
      ],
      dir,
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.composition).toBe('Au3Pd3');
    expect(j.atoms).toBe(6);
    expect(j.potential).toBe('gupta:aupd-dft');
    expect(j.bestEnergy).toBeCloseTo(-18.893036, 5);
    expect(j.reachedTarget).toBe(true);
    const xyz = readFileSync(join(dir, 'best.xyz'), 'utf8').split('\n');
    expect(xyz.slice(2, 8).filter((l) => l.startsWith('Pd')).length).toBe(3);
  });
  it('gupta --composition Au12Pd1 (text output); bad input exits 2 with a hint', async () => {
    const r = await runCli([
      'search',
      '--potential',
      'gupta',
      '--composition',
      'Au12Pd1',
      '--max-steps',
      '40',
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/composition {4}Au12Pd1 \(13 atoms\)/);
    const bad = await runCli(['search', '--potential', 'gupta', '--composition', 'Au12pd']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/column 5/);
    const mismatch = await runCli([
      'search',
      '--potential',
      'gupta',
      '--composition',
      'Au12Pd1',
      '--atoms',
      '12',
    ]);
    expect(mismatch.code).toBe(2);
    const uncovered = await runCli(['search', '--potential', 'gupta:aupd-dft', '--composition', 'Au12Ag1']);
    expect(uncovered.code).toBe(2);
    expect(uncovered.err).toMatch(/no parameters for Ag/);
  });
});
