import type { Structure } from '../structure/structure.js';
import { cellParameters, invertCell } from './cell.js';
import { fmt, symbolOf } from './common.js';

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
 * Fractional coordinates are written with 6 decimals (≈1e-5 Å for 20 Å cells).
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
  const inv = invertCell(cell);
  const [a, b, c, al, be, ga] = cellParameters(cell);
  const name =
    (options.blockName ?? s.title ?? 'superatom').replace(/\s+/g, '_').replace(/[^\w.-]/g, '') || 'superatom';
  const ops = options.symops ?? ['x, y, z'];
  const sg = options.spaceGroup ?? (options.symops ? undefined : 'P 1');
  const out = [
    `data_${name}`,
    `_cell_length_a ${a.toFixed(6)}`,
    `_cell_length_b ${b.toFixed(6)}`,
    `_cell_length_c ${c.toFixed(6)}`,
    `_cell_angle_alpha ${al.toFixed(6)}`,
    `_cell_angle_beta ${be.toFixed(6)}`,
    `_cell_angle_gamma ${ga.toFixed(6)}`,
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
  const f = new Float64Array(3);
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
    const x = s.positions[3 * i]! + shift[0]!;
    const y = s.positions[3 * i + 1]! + shift[1]!;
    const z = s.positions[3 * i + 2]! + shift[2]!;
    f[0] = x * inv[0]! + y * inv[3]! + z * inv[6]!;
    f[1] = x * inv[1]! + y * inv[4]! + z * inv[7]!;
    f[2] = x * inv[2]! + y * inv[5]! + z * inv[8]!;
    const occ = withOcc ? (options.occupancies![i] ?? 1) : 1;
    const grp = withGroups ? options.disorderGroups![i] || '.' : undefined;
    out.push(
      `${label.padEnd(6)} ${sym.padEnd(2)} ${fmt(f[0]!, 6, 10)} ${fmt(f[1]!, 6, 10)} ${fmt(f[2]!, 6, 10)} ${fmt(occ, 4, 6)}${grp !== undefined ? ` ${grp}` : ''}`,
    );
  }
  return `${out.join('\n')}\n`;
}
