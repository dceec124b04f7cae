/**
 * End to end through the CLI: the readers of issue 9.11 (POSCAR, MOL/SDF, XYZ hints), the
 * coordinate bound (17.2), writer limits (17.7) and the anatomy fields of issue 9.10.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing.js';

const dir = mkdtempSync(join(tmpdir(), 'sa-io-anatomy-'));
const put = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return name;
};

/** VASP wiki example: cubic BN, a = 3.57 Å. */
const BN =
  'Cubic BN\n   3.57\n 0.0 0.5 0.5\n 0.5 0.0 0.5\n 0.5 0.5 0.0\n   B N\n   1 1\nDirect\n 0.00 0.00 0.00\n 0.25 0.25 0.25\n';

/** Ammonium with an M  CHG line (r(N–H) = 1.03 Å, Td). */
function ammoniumMol(): string {
  const c = 1.03 / Math.sqrt(3);
  const atom = (x: number, y: number, z: number, s: string) =>
    `${x.toFixed(4).padStart(10)}${y.toFixed(4).padStart(10)}${z.toFixed(4).padStart(10)} ${s.padEnd(3)} 0  0  0  0  0  0  0  0  0  0  0  0`;
  return [
    'ammonium',
    '  superato12042620503D',
    '',
    '  5  4  0  0  0  0  0  0  0  0999 V2000',
    atom(0, 0, 0, 'N'),
    atom(c, c, c, 'H'),
    atom(c, -c, -c, 'H'),
    atom(-c, c, -c, 'H'),
    atom(-c, -c, c, 'H'),
    '  1  2  1  0',
    '  1  3  1  0',
    '  1  4  1  0',
    '  1  5  1  0',
    'M  CHG  1   1   1',
    'M  END',
    '$$$$',
    '',
  ].join('\n');
}

describe('readers and writers through the CLI', () => {
  it('analyze reads a POSCAR by its name and a MOL file with its charge', async () => {
    const poscar = await runCli(['analyze', put('POSCAR', BN), '--json'], dir);
    expect(poscar.code).toBe(0);
    expect(JSON.parse(poscar.out).formula).toBe('BN');
    const mol = await runCli(['analyze', put('nh4.sdf', ammoniumMol()), '--json'], dir);
    expect(mol.code).toBe(0);
    const r = JSON.parse(mol.out);
    expect(r.formula).toBe('H4N');
    expect(r.pointGroup).toBe('Td');
  });

  it('an XYZ without its count line and a coordinate of 1e10 Å are exit 2 with a hint', async () => {
    const nocount = await runCli(['analyze', put('nocount.xyz', 'O 0 0 0\nH 0.9572 0 0\n')], dir);
    expect(nocount.code).toBe(2);
    expect(nocount.err).toMatch(/line 1/);
    expect(nocount.err).toMatch(/add the atom count as line 1/);
    const far = await runCli(['analyze', put('far.xyz', '2\n\nAu 0 0 0\nAu 1e10 0 0\n')], dir);
    expect(far.code).toBe(2);
    expect(far.err).toMatch(/1e6 Å/);
  });

  it('convert refuses a PDB that would not read back and names the atom', async () => {
    const wide = await runCli(
      ['convert', put('wide.xyz', '2\n\nAu 0 0 0\nS 12000 0 0\n'), '-o', 'wide.pdb'],
      dir,
    );
    expect(wide.code).toBe(2);
    expect(wide.err).toMatch(/x of atom 2 \(S\)/);
    expect(wide.err).toMatch(/xyz/);
    expect((await runCli(['convert', 'wide.xyz', '-o', 'wide.extxyz'], dir)).code).toBe(0);
  });

  it('analyze reports bridging thiolates and the short-contact warning in JSON and text', async () => {
    // Au13 icosahedron (centre–vertex 2.75 Å) with one μ2-S over an edge; an H···H clash elsewhere
    const PHI = (1 + Math.sqrt(5)) / 2;
    const k = 2.75 / Math.hypot(1, PHI);
    const ico: number[][] = [[0, 0, 0]];
    for (const a of [-1, 1])
      for (const b of [-1, 1]) {
        const v = [0, a, b * PHI];
        for (let c = 0; c < 3; c++) ico.push([v[c % 3]! * k, v[(c + 1) % 3]! * k, v[(c + 2) % 3]! * k]);
      }
    const p = ico[1]!;
    const q = ico.slice(2).find((x) => Math.hypot(x[0]! - p[0]!, x[1]! - p[1]!, x[2]! - p[2]!) < 3)!;
    const mid = p.map((x, i) => (x + q[i]!) / 2);
    const half = Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!, p[2]! - q[2]!) / 2;
    const h = Math.sqrt(2.35 ** 2 - half ** 2);
    const sPos = mid.map((x) => x + (h * x) / Math.hypot(...mid));
    const lines = [
      ...ico.map((x) => `Au ${x.join(' ')}`),
      `S ${sPos.join(' ')}`,
      'H 20 0 0',
      'H 20.9 0 0',
      'C 21.9 0 0',
      'C 19 0 0',
    ];
    const text = `${lines.length}\n\n${lines.join('\n')}\n`;
    const json = await runCli(['analyze', put('bridge.xyz', text), '--json'], dir);
    expect(json.code).toBe(0);
    const r = JSON.parse(json.out);
    expect(r.anatomy.bridging).toHaveLength(1);
    expect(r.anatomy.bridging[0].motif).toBe('μ2-S'); // a bare sulfide: no R group on it
    expect(r.anatomy.kernel.description).toBe('icosahedron');
    expect(r.warnings.some((w: string) => /short contact H-H 0\.900 Å/.test(w))).toBe(true);
    const plain = await runCli(['analyze', 'bridge.xyz'], dir);
    expect(plain.out).toMatch(/bridging SR {3}1 × μ2-S /);
    expect(plain.out).toMatch(/built as {4}icosahedron/);
  });
});
