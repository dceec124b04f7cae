/**
 * CIF writer (P1 by default, or given symmetry operations with the atoms as
 * the asymmetric unit); read back by ./cif.ts.
 */
import { InputError } from '../core/errors.js';
import type { Structure } from '../structure/structure.js';
import { cellFromParameters, cellParameters, invertCell } from './cell.js';
import { checkWritablePositions, fmt, MAX_COORDINATE_A, symbolOf, unwritable } from './common.js';

/** Largest Cartesian displacement (Å) that writing and reading back may cause. */
export const CIF_WRITE_TOLERANCE_A = 1e-4;

/** A cell parameter with `d` decimals; exponent form below 1e-3 so that tiny cells keep their digits. */
function num(x: number, d: number): string {
  if (x !== 0 && Math.abs(x) < 1e-3) return x.toExponential(d);
  return x.toFixed(d);
}

/** A fractional coordinate with `d` decimals (never "-0.000000"). */
function fracText(x: number, d: number): string {
  const t = x.toFixed(d);
  return /^-0\.?0*$/.test(t) ? t.slice(1) : t;
}

/**
 * Fewest decimals (6 to 16) for the cell parameters and fractional
 * coordinates such that every atom read back from the written numbers lies
 * within {@link CIF_WRITE_TOLERANCE_A} of where it was: each candidate is
 * checked by rebuilding the cell from the rounded parameters (standard
 * orientation) and the positions from the rounded fractions, against the
 * same construction from the unrounded values. 6 decimals hold a 60 Å cell
 * to 1e-4 Å at worst (0.5e-6 × 3 × 60 Å); a 1e6 Å cell needs up to 11.
 * Returns 0 when even 16 fail (beyond double precision at this tolerance).
 */
function decimalsFor(params: readonly number[], frac: Float64Array): number {
  const exact = cellFromParameters(...(params as [number, number, number, number, number, number]));
  const p = new Float64Array(3);
  const q = new Float64Array(3);
  for (let d = 6; d <= 16; d++) {
    const rp = params.map((x) => Number(num(x, d))) as [number, number, number, number, number, number];
    let rounded: Float64Array;
    try {
      rounded = cellFromParameters(...rp);
    } catch {
      continue;
    }
    let worst = 0;
    for (let i = 0; i < frac.length; i += 3) {
      const f = [frac[i]!, frac[i + 1]!, frac[i + 2]!];
      const g = f.map((x) => Number(fracText(x, d)));
      for (let k = 0; k < 3; k++) {
        p[k] = f[0]! * exact[k]! + f[1]! * exact[3 + k]! + f[2]! * exact[6 + k]!;
        q[k] = g[0]! * rounded[k]! + g[1]! * rounded[3 + k]! + g[2]! * rounded[6 + k]!;
      }
      worst = Math.max(worst, Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!, p[2]! - q[2]!));
      if (!(worst < CIF_WRITE_TOLERANCE_A)) break;
    }
    if (worst < CIF_WRITE_TOLERANCE_A) return d;
  }
  return 0;
}

export interface CifWriteOptions {
  /** Data block name (default from the title, else 'superatom'). */
  readonly blockName?: string;
  /** Symmetry operations to list; the atoms are then the asymmetric unit. Default ['x, y, z'] (P1). */
  readonly symops?: readonly string[];
  /** Space-group name to write (default 'P 1' when symops are not given). */
  readonly spaceGroup?: string;
  /** Per-atom occupancies (default 1). */
  readonly occupancies?: readonly number[];
  /** Per-atom disorder groups ('' or '.' for none). */
  readonly disorderGroups?: readonly string[];
  /** Padding (Å) around a structure without a cell, which is placed in a box. Default 10. */
  readonly boxPaddingA?: number;
}

/**
 * Write a CIF. A structure with a cell is written in that cell; one without
 * is placed in an orthorhombic box of its extent + `boxPaddingA` (Å).
 * Cell parameters and fractional coordinates get as many decimals as needed
 * (at least 6) for every atom to read back within 1e-4 Å (issue 17.7: with a
 * fixed 6 decimals a 1e7 Å cell moved atoms by up to 10 Å; a 1e6 Å cell, the
 * readers' bound, needs 10 decimals). Positions or cell lengths beyond the
 * readers' ±1e6 Å bound (MAX_COORDINATE_A) and non-finite values are an
 * InputError, as is a cell that cannot reach 1e-4 Å in double precision.
 */
export function writeCif(s: Structure, options: CifWriteOptions = {}): string {
  let cell = s.cell;
  let shift = [0, 0, 0];
  const n = s.numbers.length;
  if (!cell) {
    const pad = options.boxPaddingA ?? 10;
    const min = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
    const max = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
    for (let i = 0; i < n; i++)
      for (let k = 0; k < 3; k++) {
        min[k] = Math.min(min[k]!, s.positions[3 * i + k]!);
        max[k] = Math.max(max[k]!, s.positions[3 * i + k]!);
      }
    const len = [0, 1, 2].map((k) => (n ? max[k]! - min[k]! : 0) + pad);
    cell = Float64Array.of(len[0]!, 0, 0, 0, len[1]!, 0, 0, 0, len[2]!);
    shift = [0, 1, 2].map((k) => (n ? -min[k]! + pad / 2 : pad / 2));
  }
  if (!Array.from(cell).every(Number.isFinite) || !Array.from(s.positions).every(Number.isFinite)) {
    throw new InputError('cif-write', 'cannot write a CIF: a coordinate or the cell is not a finite number');
  }
  // the readers' coordinate bound (common.ts): what is written must read back
  checkWritablePositions('CIF', s.numbers, s.positions);
  const params = cellParameters(cell);
  for (let k = 0; k < 3; k++) {
    if (!(params[k]! <= MAX_COORDINATE_A)) {
      throw unwritable(
        'CIF',
        `cell length ${'abc'[k]}`,
        params[k]!,
        `cell lengths up to ${MAX_COORDINATE_A.toExponential(0)} Å`,
        'write xyz or extxyz instead, or a smaller cell',
      );
    }
  }
  const inv = invertCell(cell);
  const fracAll = new Float64Array(3 * n);
  for (let i = 0; i < n; i++) {
    const x = s.positions[3 * i]! + shift[0]!;
    const y = s.positions[3 * i + 1]! + shift[1]!;
    const z = s.positions[3 * i + 2]! + shift[2]!;
    fracAll[3 * i] = x * inv[0]! + y * inv[3]! + z * inv[6]!;
    fracAll[3 * i + 1] = x * inv[1]! + y * inv[4]! + z * inv[7]!;
    fracAll[3 * i + 2] = x * inv[2]! + y * inv[5]! + z * inv[8]!;
  }
  const d = decimalsFor(params, fracAll);
  if (!d) {
    const [a0, b0, c0] = params;
    throw new InputError(
      'cif-write-precision',
      `cannot write this cell (a=${a0.toPrecision(4)} b=${b0.toPrecision(4)} c=${c0.toPrecision(4)} Å) in CIF with every atom within ${CIF_WRITE_TOLERANCE_A} Å: fractional coordinates run out of digits`,
      { hint: 'write extxyz or xyz (Cartesian coordinates) instead' },
    );
  }
  const [a, b, c, al, be, ga] = params;
  const name =
    (options.blockName ?? s.title ?? 'superatom').replace(/\s+/g, '_').replace(/[^\w.-]/g, '') || 'superatom';
  const ops = options.symops ?? ['x, y, z'];
  const sg = options.spaceGroup ?? (options.symops ? undefined : 'P 1');
  const out = [
    `data_${name}`,
    `_cell_length_a ${num(a, d)}`,
    `_cell_length_b ${num(b, d)}`,
    `_cell_length_c ${num(c, d)}`,
    `_cell_angle_alpha ${num(al, d)}`,
    `_cell_angle_beta ${num(be, d)}`,
    `_cell_angle_gamma ${num(ga, d)}`,
  ];
  if (sg) out.push(`_symmetry_space_group_name_H-M '${sg}'`);
  out.push('loop_', '_space_group_symop_operation_xyz', ...ops.map((o) => `'${o}'`));
  const withOcc = options.occupancies !== undefined;
  const withGroups = options.disorderGroups !== undefined;
  out.push(
    'loop_',
    '_atom_site_label',
    '_atom_site_type_symbol',
    '_atom_site_fract_x',
    '_atom_site_fract_y',
    '_atom_site_fract_z',
    '_atom_site_occupancy',
  );
  if (withGroups) out.push('_atom_site_disorder_group');
  const usedLabels = new Set<string>();
  const counters = new Map<string, number>();
  const w = d + 4;
  for (let i = 0; i < n; i++) {
    const sym = symbolOf(s.numbers[i]!);
    let label = s.labels?.[i];
    if (!label || /\s/.test(label) || usedLabels.has(label) || /^[_#$'";[\]]/.test(label)) {
      let k = counters.get(sym) ?? 0;
      do label = `${sym}${++k}`;
      while (usedLabels.has(label));
      counters.set(sym, k);
    }
    usedLabels.add(label);
    const f = [fracAll[3 * i]!, fracAll[3 * i + 1]!, fracAll[3 * i + 2]!].map((x) => {
      const t = fracText(x, d);
      return t.length >= w ? t : ' '.repeat(w - t.length) + t;
    });
    const occ = withOcc ? (options.occupancies![i] ?? 1) : 1;
    const grp = withGroups ? options.disorderGroups![i] || '.' : undefined;
    out.push(
      `${label.padEnd(6)} ${sym.padEnd(2)} ${f[0]} ${f[1]} ${f[2]} ${fmt(occ, 4, 6)}${grp !== undefined ? ` ${grp}` : ''}`,
    );
  }
  return `${out.join('\n')}\n`;
}
