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
