/**
 * Test helpers for the xtb engine: is xtb installed, test geometries built
 * from literature bond lengths (independent of src/structure/builders), and
 * checks that no process group or temp file survived a run.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createStructure, type Structure } from '../structure/structure.js';

export const XTB_REQUIRED = process.env.SUPERATOM_REQUIRE_ENGINES === '1';

/** Whether `xtb --version` runs. */
export function xtbAvailable(): boolean {
  const r = spawnSync('xtb', ['--version'], {
    encoding: 'utf8',
    env: { ...process.env, OMP_NUM_THREADS: '1' },
  });
  return !r.error && /xtb version/i.test(r.stdout);
}

/** The 12 vertices of an icosahedron with circumradius 1 (flat xyz): (0, ±1, ±φ) and cyclic permutations. */
export function icosahedronUnit(): number[] {
  const phi = (1 + Math.sqrt(5)) / 2;
  const norm = Math.sqrt(1 + phi * phi);
  const v: number[] = [];
  for (const a of [-1, 1]) {
    for (const b of [-phi, phi]) {
      v.push(0, a / norm, b / norm, a / norm, b / norm, 0, b / norm, 0, a / norm);
    }
  }
  return v;
}

/**
 * closo-[B12H12]²⁻ as a regular icosahedron: B–B 1.78 Å and B–H 1.19 Å (X-ray, K2B12H12:
 * Wunderlich & Lipscomb, J. Am. Chem. Soc. 82, 4427 (1960), B–B 1.77–1.78 Å; B–H ≈ 1.2 Å).
 */
export function b12h12(): Structure {
  const u = icosahedronUnit();
  const edgeOverR = 1.0514622242382672; // icosahedron edge / circumradius = 1/sin(2π/5)
  const rB = 1.78 / edgeOverR;
  const positions = [...u.map((x) => x * rB), ...u.map((x) => x * (rB + 1.19))];
  return createStructure({ numbers: [...Array(12).fill(5), ...Array(12).fill(1)], positions, charge: -2 });
}

/** Au13 Mackay icosahedron, centre–vertex 2.884 Å (bulk Au nearest-neighbour distance, a = 4.078 Å). */
export function au13(): Structure {
  const u = icosahedronUnit();
  return createStructure({ numbers: Array(13).fill(79), positions: [0, 0, 0, ...u.map((x) => x * 2.884)] });
}

/** Whether any process of the process group `pid` is still alive. */
export function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Entries left in a directory (temp-file leak check). */
export function leftovers(dir: string): string[] {
  return readdirSync(dir);
}
