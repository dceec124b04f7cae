/**
 * Fukui indices and dual-descriptor sites with the real xtb (GFN1 --vfukui) on the C3v
 * phosphine-protected silver model [Ag14(PH3)4] (src/engines/xtb-testing.ts). Expectations come
 * from symmetry, not from the code's output: atoms related by the C3 rotation have equal indices,
 * so every site tier is a union of C3 orbits (3 atoms, or 1 on the axis); the buried centre is
 * never a site. The values equal xtb's own table read directly. Skipped without xtb unless
 * SUPERATOM_REQUIRE_ENGINES=1.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runXtbCalc, xyzText } from './xtb.js';
import { agPhosphineModel, XTB_REQUIRED, xtbAvailable } from './xtb-testing.js';

const available = xtbAvailable();
if (!available && XTB_REQUIRED) throw new Error('SUPERATOM_REQUIRE_ENGINES=1 but xtb is not installed');
const dir = mkdtempSync(join(tmpdir(), 'superatom-fukui-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Image of every atom under a rotation by 120° about the axis from atom 0 through atom `onAxis`. */
function c3Images(p: Float64Array, numbers: Uint8Array, onAxis: number): number[] {
  const ax = [p[3 * onAxis]! - p[0]!, p[3 * onAxis + 1]! - p[1]!, p[3 * onAxis + 2]! - p[2]!];
  const l = Math.hypot(ax[0]!, ax[1]!, ax[2]!);
  const [x, y, z] = ax.map((c) => c / l) as [number, number, number];
  const c = Math.cos((2 * Math.PI) / 3);
  const s = Math.sin((2 * Math.PI) / 3);
  const t = 1 - c;
  // Rodrigues rotation matrix
  const R = [
    [t * x * x + c, t * x * y - s * z, t * x * z + s * y],
    [t * x * y + s * z, t * y * y + c, t * y * z - s * x],
    [t * x * z - s * y, t * y * z + s * x, t * z * z + c],
  ];
  const n = numbers.length;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = [0, 1, 2].map((k) => p[3 * i + k]! - p[k]!);
    const w = R.map((row) => row[0]! * v[0]! + row[1]! * v[1]! + row[2]! * v[2]!);
    let best = -1;
    let bestD = Infinity;
    for (let j = 0; j < n; j++) {
      if (numbers[j] !== numbers[i]) continue;
      const d = Math.hypot(...[0, 1, 2].map((k) => p[3 * j + k]! - p[k]! - w[k]!));
      if (d < bestD) {
        bestD = d;
        best = j;
      }
    }
    if (bestD > 1e-6) throw new Error(`atom ${i + 1} has no C3 image (${bestD} Å)`);
    out.push(best);
  }
  return out;
}

describe.skipIf(!available)('Fukui sites on a C3v [Ag14(PH3)4] model (GFN1 --vfukui)', () => {
  it('indices follow the C3 symmetry, tiers are unions of C3 orbits, values equal xtb run directly', async () => {
    const s = agPhosphineModel();
    const images = c3Images(s.positions, s.numbers, 13);
    const { report } = await runXtbCalc(s, { method: 'gfn1', fukui: true });
    expect(report.converged).toBe(true);
    const f = report.fukui;
    expect(f.plus).toHaveLength(30);
    for (let i = 0; i < 30; i++) {
      expect(f.plus[images[i]!]).toBeCloseTo(f.plus[i]!, 3);
      expect(f.minus[images[i]!]).toBeCloseTo(f.minus[i]!, 3);
      expect(f.dual[i]).toBeCloseTo(f.plus[i]! - f.minus[i]!, 12);
    }
    // f+ and f- are one electron each, spread over the atoms
    expect(f.plus.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 1);
    expect(f.minus.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 1);
    // sites: silver only, never the buried centre (atom 1), each tier closed under C3
    expect(report.sites.length).toBeGreaterThan(0);
    for (const site of report.sites) {
      expect(site.element).toBe('Ag');
      expect(site.atom).not.toBe(1);
      expect(Math.sign(site.dual)).toBe(site.attack === 'nucleophilic' ? 1 : -1);
    }
    for (const kind of ['nucleophilic', 'electrophilic'] as const) {
      const tiers = new Map<number, Set<number>>();
      for (const x of report.sites.filter((y) => y.attack === kind)) {
        if (!tiers.has(x.tier)) tiers.set(x.tier, new Set());
        tiers.get(x.tier)!.add(x.atom - 1);
      }
      for (const atoms of tiers.values()) for (const a of atoms) expect(atoms.has(images[a]!)).toBe(true);
    }
    // independent read of xtb's own table
    writeFileSync(join(dir, 'm.xyz'), xyzText(s.numbers, s.positions));
    const env = { ...process.env, XTBPATH: process.env.XTBPATH ?? '/usr/share/xtb', OMP_NUM_THREADS: '1' };
    const r = spawnSync('xtb', ['m.xyz', '--gfn', '1', '--vfukui'], { cwd: dir, env, encoding: 'utf8' });
    const row = /^\s*5Ag\s+(\S+)\s+(\S+)/m.exec(r.stdout.slice(r.stdout.lastIndexOf('f(+)')));
    expect(f.plus[4]).toBe(Number(row![1]));
    expect(f.minus[4]).toBe(Number(row![2]));
  }, 60_000);
});
