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

/**
 * A C3v phosphine-protected silver model, [Ag14(PH3)4]: a centred Ag13 icosahedron (centre–vertex
 * 2.89 Å, bulk Ag nearest-neighbour distance, a = 4.086 Å) with one Ag capping a face on the C3 axis,
 * PH3 on the cap and on the three vertices of the opposite face — like Ag29(BDT)12(TPP)4, one
 * phosphine on the axis and three related by it. Ag–P 2.45 Å, P–H 1.42 Å, Ag–P–H 118°
 * (typical Ag–PR3 and PH3 geometries). Returns the structure and the C3 orbits of the atoms.
 */
export function agPhosphineModel(): Structure {
  const u = icosahedronUnit();
  // the face (0,1,phi)/(1,phi,0)/(phi,0,1) family: find three mutually adjacent vertices
  const v = (i: number) => [u[3 * i]!, u[3 * i + 1]!, u[3 * i + 2]!] as const;
  const dot = (a: readonly number[], b: readonly number[]) => a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!;
  let face: number[] = [];
  outer: for (let a = 0; a < 12; a++)
    for (let b = a + 1; b < 12; b++)
      for (let c = b + 1; c < 12; c++) {
        const adj = (x: number, y: number) => dot(v(x), v(y)) > 0.4; // neighbours: cos 63.4° = 0.447
        if (adj(a, b) && adj(b, c) && adj(a, c)) {
          face = [a, b, c];
          break outer;
        }
      }
  const n = [0, 1, 2].map((k) => face.reduce((s, i) => s + v(i)[k]!, 0));
  const nn = Math.hypot(n[0]!, n[1]!, n[2]!);
  const axis = n.map((x) => x / nn); // C3 axis through the face centre
  const r = 2.89;
  const pos: number[] = [0, 0, 0, ...u.map((x) => x * r)];
  const numbers: number[] = Array(13).fill(47);
  // cap: above the face centroid, 2.89 Å from the three face atoms
  const centroid = n.map((x) => (x / 3) * r);
  const faceR = Math.hypot(...v(face[0]!).map((x, k) => x * r - centroid[k]!));
  const h = Math.sqrt(2.89 * 2.89 - faceR * faceR);
  const cap = centroid.map((x, k) => x + h * axis[k]!);
  pos.push(...cap);
  numbers.push(47);
  const addPH3 = (ag: readonly number[], dir: readonly number[]) => {
    const d = Math.hypot(dir[0]!, dir[1]!, dir[2]!);
    const e = dir.map((x) => x / d);
    const p = ag.map((x, k) => x + 2.45 * e[k]!);
    pos.push(...p);
    numbers.push(15);
    // two unit vectors perpendicular to e
    const t = Math.abs(e[0]!) < 0.9 ? [1, 0, 0] : [0, 1, 0];
    const a1 = [e[1]! * t[2]! - e[2]! * t[1]!, e[2]! * t[0]! - e[0]! * t[2]!, e[0]! * t[1]! - e[1]! * t[0]!];
    const l1 = Math.hypot(a1[0]!, a1[1]!, a1[2]!);
    const b1 = a1.map((x) => x / l1);
    const b2 = [
      e[1]! * b1[2]! - e[2]! * b1[1]!,
      e[2]! * b1[0]! - e[0]! * b1[2]!,
      e[0]! * b1[1]! - e[1]! * b1[0]!,
    ];
    const ang = (118 * Math.PI) / 180; // Ag–P–H
    for (let k = 0; k < 3; k++) {
      const phi = (2 * Math.PI * k) / 3;
      const dirH = [0, 1, 2].map(
        (c) => -Math.cos(ang) * e[c]! + Math.sin(ang) * (Math.cos(phi) * b1[c]! + Math.sin(phi) * b2[c]!),
      );
      pos.push(...p.map((x, c) => x + 1.42 * dirH[c]!));
      numbers.push(1);
    }
  };
  addPH3(cap, axis);
  // the opposite face: PH3 on −v of one capped-face vertex, the other two by the C3 rotation
  const w = v(face[0]!).map((x) => -x);
  const start = pos.length;
  addPH3(
    w.map((x) => x * r),
    w,
  );
  const group = pos.slice(start);
  for (const turn of [1, 2]) {
    const ang = (2 * Math.PI * turn) / 3;
    const c = Math.cos(ang);
    const sn = Math.sin(ang);
    for (let k = 0; k < group.length; k += 3) {
      const q = [group[k]!, group[k + 1]!, group[k + 2]!];
      const d = dot(axis, q);
      const cr = [
        axis[1]! * q[2]! - axis[2]! * q[1]!,
        axis[2]! * q[0]! - axis[0]! * q[2]!,
        axis[0]! * q[1]! - axis[1]! * q[0]!,
      ];
      // Rodrigues: q cos + (a × q) sin + a (a·q)(1 − cos)
      pos.push(...[0, 1, 2].map((m) => q[m]! * c + cr[m]! * sn + axis[m]! * d * (1 - c)));
    }
    numbers.push(15, 1, 1, 1);
  }
  return createStructure({ numbers, positions: pos, charge: 0, title: 'C3v model [Ag14(PH3)4]' });
}
