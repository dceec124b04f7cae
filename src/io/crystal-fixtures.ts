/**
 * Test crystals built from exact constructions (used by the io and CLI
 * tests): the Lindqvist anion [W6O19]²⁻ and its caesium salt with water.
 */
import { createStructure, type Structure } from '../structure/structure.js';
import { cellFromParameters } from './cell.js';

/**
 * The Lindqvist hexatungstate [W6O19]²⁻, built exactly in Oh: six W on the
 * axes at 2.33 Å from the central μ6-O, twelve μ2-O bridging the W–W edges at
 * W–Ob 1.92 Å, six terminal O at W=Ot 1.70 Å (typical bond lengths of the
 * Lindqvist anion: Pope, Heteropoly and Isopoly Oxometalates, Springer 1983,
 * ch. 2; W–Oc 2.33, W–Ob 1.92, W–Ot 1.69–1.72 Å).
 */
export function lindqvist(): { numbers: number[]; positions: number[] } {
  const a = 2.33;
  // W at (a,0,0), Ob at (b,b,0): (a − b)² + b² = 1.92² → outer root
  const b = (a + Math.sqrt(2 * 1.92 ** 2 - a * a)) / 2;
  const numbers: number[] = [8];
  const positions: number[] = [0, 0, 0];
  for (let k = 0; k < 3; k++)
    for (const s of [1, -1]) {
      const w = [0, 0, 0];
      w[k] = s * a;
      const t = [0, 0, 0];
      t[k] = s * (a + 1.7);
      numbers.push(74, 8);
      positions.push(...w, ...t);
    }
  for (let k = 0; k < 3; k++)
    for (const s1 of [1, -1])
      for (const s2 of [1, -1]) {
        const o = [0, 0, 0];
        o[k] = s1 * b;
        o[(k + 1) % 3] = s2 * b;
        numbers.push(8);
        positions.push(...o);
      }
  return { numbers, positions };
}

/**
 * Water, O–H 0.9572 Å, H–O–H 104.52° (gas-phase equilibrium geometry, Hoy &
 * Bunker, J. Mol. Spectrosc. 74, 1 (1979)), O at `o`.
 */
export function water(o: readonly number[]): { numbers: number[]; positions: number[] } {
  const h = 0.9572;
  const half = ((104.52 / 2) * Math.PI) / 180;
  return {
    numbers: [8, 1, 1],
    positions: [
      ...o,
      o[0]! + h * Math.sin(half),
      o[1]!,
      o[2]! + h * Math.cos(half),
      o[0]! - h * Math.sin(half),
      o[1]!,
      o[2]! + h * Math.cos(half),
    ],
  };
}

/**
 * Cs2[W6O19]·2H2O in a 13 Å cubic P1 cell: the anion centred on the cell
 * corner (so every unit-cell copy of it is cut into eight pieces by the cell
 * edges), Cs⁺ over two opposite O3 faces of bridging O on the threefold axis
 * at (2.9, 2.9, 2.9) Å, i.e. Cs–Ob 3.25 Å ×3 (Cs–O in Cs salts of
 * polyoxometalates: 3.1–3.4 Å), and two waters ≥ 6 Å from the anion. Atoms
 * are wrapped into the cell as a CIF lists them. `second` replaces the second
 * Cs by another cation (Tl, K).
 */
export function csSalt(second = 55): Structure {
  const L = 13;
  const an = lindqvist();
  const numbers = [...an.numbers, 55, second];
  const positions = [...an.positions, 2.9, 2.9, 2.9, -2.9, -2.9, -2.9];
  for (const w of [water([6.5, 6.5, 0]), water([6.5, 0, 6.5])]) {
    numbers.push(...w.numbers);
    positions.push(...w.positions);
  }
  const wrapped = positions.map((x) => x - L * Math.floor(x / L));
  return createStructure({ numbers, positions: wrapped, cell: cellFromParameters(L, L, L, 90, 90, 90) });
}

/** Td as the 24 signed permutation matrices with an even number of sign changes. */
function tdOperations(): ((v: readonly number[]) => number[])[] {
  const perms = [
    [0, 1, 2],
    [1, 2, 0],
    [2, 0, 1],
    [1, 0, 2],
    [0, 2, 1],
    [2, 1, 0],
  ];
  const signs = [
    [1, 1, 1],
    [1, -1, -1],
    [-1, 1, -1],
    [-1, -1, 1],
  ];
  return perms.flatMap((p) =>
    signs.map((s) => (v: readonly number[]) => [0, 1, 2].map((k) => s[k]! * v[p[k]!]!)),
  );
}

/**
 * α-Keggin [PW12O40]³⁻ built exactly in Td (53 atoms): P at the centre; 4 O
 * at P–O 1.54 Å on the C3 axes; 12 W at the Td orbit of (a, a, b) with
 * √2|a − b| = 3.42 Å (edge-sharing W–W within a W3 triad) and √2|a + b| =
 * 3.70 Å (corner-sharing), i.e. P–W 3.56 Å (Keggin, Proc. R. Soc. A 144, 75
 * (1934); Brown et al., Acta Cryst. B 33, 1038 (1977)); 12 terminal O at
 * 1.70 Å radially out from W; 12 + 12 bridging O at the midpoints of the
 * edge- and corner-sharing W–W pairs pushed out by 10 %.
 */
export function keggin(): { numbers: number[]; positions: number[] } {
  const a = (3.42 / Math.SQRT2 + 3.7 / Math.SQRT2) / 2;
  const b = (3.7 / Math.SQRT2 - 3.42 / Math.SQRT2) / 2;
  const t = 1.54 / Math.sqrt(3);
  const rw = Math.hypot(a, a, b);
  const f = 1 + 1.7 / rw;
  const seeds: [number, number[]][] = [
    [74, [a, a, b]],
    [8, [t, t, t]],
    [8, [a * f, a * f, b * f]],
    [8, [a * 1.1, ((a + b) / 2) * 1.1, ((a + b) / 2) * 1.1]],
    [8, [a * 1.1, ((a - b) / 2) * 1.1, ((b - a) / 2) * 1.1]],
  ];
  const numbers = [15];
  const positions = [0, 0, 0];
  const ops = tdOperations();
  for (const [z, v] of seeds) {
    const seen: number[][] = [];
    for (const op of ops) {
      const p = op(v);
      if (seen.some((q) => Math.hypot(q[0]! - p[0]!, q[1]! - p[1]!, q[2]! - p[2]!) < 1e-6)) continue;
      seen.push(p);
      numbers.push(z);
      positions.push(...p);
    }
  }
  return { numbers, positions };
}

/**
 * Cs3[PW12O40]·H2O in a cubic P1 cell: the anion on the cell corner (cut by
 * every cell edge), one Cs⁺ on each of the a, b, c cell-edge midpoints, i.e.
 * in the square windows of two neighbouring anions along the C2 axes, at the
 * distance that makes its shortest Cs–O contact 3.20 Å (Cs–O 3.1–3.4 Å in
 * caesium salts of Keggin anions), the cell edge twice that distance, so every
 * Cs bridges two anions; a water at the cell centre. With ionic contacts read
 * as bonds, the whole crystal is one network.
 */
export function kegginCsSalt(): Structure {
  const an = keggin();
  const minO = (r: number) => {
    let m = Number.POSITIVE_INFINITY;
    for (let i = 0; i < an.numbers.length; i++)
      if (an.numbers[i] === 8)
        m = Math.min(
          m,
          Math.hypot(an.positions[3 * i]! - r, an.positions[3 * i + 1]!, an.positions[3 * i + 2]!),
        );
    return m;
  };
  // bisection on the distance of Cs along +x from the anion centre (min Cs–O grows with r there)
  let lo = 4;
  let hi = 9;
  for (let k = 0; k < 60; k++) {
    const mid = (lo + hi) / 2;
    if (minO(mid) < 3.2) lo = mid;
    else hi = mid;
  }
  const r = (lo + hi) / 2;
  const L = 2 * r;
  const numbers = [...an.numbers, 55, 55, 55];
  const positions = [...an.positions, r, 0, 0, 0, r, 0, 0, 0, r];
  const w = water([L / 2, L / 2, L / 2]);
  numbers.push(...w.numbers);
  positions.push(...w.positions);
  const wrapped = positions.map((x) => x - L * Math.floor(x / L));
  return createStructure({ numbers, positions: wrapped, cell: cellFromParameters(L, L, L, 90, 90, 90) });
}
