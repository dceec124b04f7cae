/**
 * CIF (Crystallographic Information File 1.1, Hall, Allen & Brown, Acta
 * Cryst. A47, 655 (1991); syntax of https://www.iucr.org/resources/cif/spec/version1.1/cifsyntax).
 *
 * Reads the first data block that holds atom sites: the cell
 * (`_cell_length_a` …, degrees for angles), the symmetry operations from
 * `_symmetry_equiv_pos_as_xyz` or `_space_group_symop_operation_xyz` (and the
 * DDLm dotted spellings), the atom sites in fractional coordinates with their
 * occupancies and disorder assembly/group, numbers with standard uncertainties
 * `1.234(5)`. It then
 *   1. chooses one part of every disorder assembly: the group with the larger
 *      mean occupancy (ties: the lowest group number); atoms without a group
 *      are always kept; sites with a negative group (SHELX: disorder about a
 *      special position) are kept and their overlapping symmetry copies merged;
 *   2. applies every symmetry operation to every kept site, wraps into the
 *      unit cell and drops copies that land within `mergeDistanceA` (0.1 Å)
 *      of an earlier copy of the same site (atoms on special positions);
 *      copies of different sites that meet within that distance are merged
 *      when both are the same element with full occupancy (a site listed
 *      twice), refused when the elements differ (InputError naming both
 *      labels), and left alone when an occupancy is partial;
 *   3. reports what it did (CifReport).
 * Molecule extraction across the cell boundaries is in ./crystal.ts.
 */
import { InputError } from '../core/errors.js';
import type { Structure } from '../structure/structure.js';
import { createStructure } from '../structure/structure.js';
import {
  cartToFrac,
  cellFromParameters,
  cellParameters,
  cellVolume,
  culpritIndex,
  fracToCart,
  invertCell,
  MIN_CELL_VOLUME_PER_ATOM_A3,
} from './cell.js';
import {
  type CifBlock,
  type CifValue,
  parseCifBlocks,
  parseCifNumber,
  parseSymop,
  type SymOp,
  short,
} from './cif-syntax.js';
import { checkCoordinate, elementNumber, inputError, lookupSymbol, splitLines, symbolOf } from './common.js';

export type { CifBlock, CifLoop, CifValue, SymOp } from './cif-syntax.js';
export { normaliseTag, parseCifBlocks, parseCifNumber, parseSymop } from './cif-syntax.js';
export { type CifWriteOptions, writeCif } from './cif-write.js';

// ---------------------------------------------------------------- interpretation

export interface CifSite {
  readonly label: string;
  readonly z: number;
  /** Fractional coordinates. */
  readonly frac: readonly [number, number, number];
  readonly occupancy: number;
  /** Disorder assembly ('' when none). */
  readonly assembly: string;
  /** Disorder group ('' when none). */
  readonly group: string;
  /** Line of the site in the CIF. */
  readonly line: number;
}

export interface DisorderReport {
  /** One entry per assembly that had two or more groups. */
  readonly assemblies: readonly {
    readonly assembly: string;
    /** Groups found, with site count and mean occupancy. */
    readonly groups: readonly { group: string; sites: number; meanOccupancy: number }[];
    readonly chosen: string;
  }[];
  /** Sites dropped because they belong to a minor part. */
  readonly droppedSites: number;
  /** Sites with occupancy < 1 and no disorder group. */
  readonly partialWithoutGroup: number;
  /**
   * Sites sharing one position (within the merge distance) with partial
   * occupancies, e.g. Au/Ag co-occupied sites of alloy clusters: the species
   * with the largest occupancy is kept.
   */
  readonly mixedSites: readonly {
    readonly kept: string;
    readonly dropped: readonly string[];
    readonly occupancies: readonly number[];
  }[];
}

export interface CifReport {
  readonly blockName: string;
  /** a, b, c (Å), α, β, γ (°). */
  readonly cellParameters: readonly [number, number, number, number, number, number];
  readonly spaceGroup?: string;
  readonly symops: readonly SymOp[];
  /** Which tag the operations came from. */
  readonly symopSource: string;
  readonly sites: readonly CifSite[];
  readonly disorder: DisorderReport;
  /** Atoms in the asymmetric unit after choosing the disorder part. */
  readonly asymmetricAtoms: number;
  /** Atoms in the unit cell after expansion and duplicate removal. */
  readonly cellAtoms: number;
  /** Symmetry copies dropped as duplicates (atoms on special positions). */
  readonly duplicatesRemoved: number;
  /**
   * Different full-occupancy sites of one element found at one position (within the merge
   * distance) after expansion: `atoms` copies of `merged` were dropped in favour of `kept`.
   */
  readonly coincidentSites: readonly {
    readonly kept: string;
    readonly merged: string;
    readonly atoms: number;
    readonly distanceA: number;
  }[];
  readonly warnings: readonly string[];
}

export interface CifResult {
  /** Full unit-cell contents, Cartesian Å, with `cell`. */
  readonly structure: Structure;
  /** Fractional coordinates of `structure`, wrapped into [0, 1). */
  readonly fractional: Float64Array;
  /** The kept asymmetric unit, Cartesian Å, with `cell`. */
  readonly asymmetricUnit: Structure;
  readonly cell: Float64Array;
  readonly report: CifReport;
}

export interface CifOptions {
  /** Symmetry copies of one site closer than this (Å) are one atom; default 0.1. */
  readonly mergeDistanceA?: number;
  /** Data block to read (name without data_); default the first with atom sites. */
  readonly block?: string;
}

const SYMOP_TAGS = ['_space_group_symop_operation_xyz', '_symmetry_equiv_pos_as_xyz'];

function getNumber(
  block: CifBlock,
  tag: string,
  inputName: string | undefined,
  lines?: readonly string[],
): number {
  const v = block.items.get(tag);
  if (!v) {
    throw new InputError('cif-missing', `the data block ${short(block.name)} has no ${tag}`, {
      hint: 'a crystal structure needs _cell_length_a/b/c and _cell_angle_alpha/beta/gamma',
      location: { line: block.line, ...(inputName ? { inputName } : {}) },
    });
  }
  const n = parseCifNumber(v.text).value;
  if (Number.isNaN(n)) {
    throw inputError(
      'cif-number',
      `${tag} is not a number: "${short(v.text)}"`,
      { line: v.line, column: v.column, length: v.text.length, source: lines?.[v.line - 1], inputName },
      'write it as 12.345 or 12.345(6)',
    );
  }
  return n;
}

/** Parse a CIF, expand the asymmetric unit to the unit cell and report the choices made. */
export function parseCif(text: string, inputName?: string, options: CifOptions = {}): CifResult {
  const blocks = parseCifBlocks(text, inputName);
  const lines = splitLines(text);
  const hasSites = (b: CifBlock) =>
    b.loops.some((l) => l.tags.includes('_atom_site_fract_x') || l.tags.includes('_atom_site_cartn_x'));
  const block = options.block
    ? blocks.find((b) => b.name.toLowerCase() === options.block!.toLowerCase())
    : (blocks.find(hasSites) ?? blocks[0]);
  if (!block) {
    throw inputError(
      'cif-empty',
      options.block ? `no data block named ${short(options.block)}` : 'no data_ block found',
      { line: 1, inputName },
      'a CIF holds one or more blocks starting with data_<name>',
    );
  }
  const warnings: string[] = [];
  const loc = (v: CifValue, length?: number) => ({
    line: v.line,
    column: v.column,
    ...(length ? { length } : {}),
    source: lines[v.line - 1] ?? '',
    inputName,
  });

  // A block with Cartesian sites and no cell (absent, or lengths 0 as ASE writes a molecule) is a
  // molecule, not a crystal.
  const hasFract = block.loops.some((l) => l.tags.includes('_atom_site_fract_x'));
  const cartLoop = block.loops.find((l) => l.tags.includes('_atom_site_cartn_x'));
  if (!hasFract && cartLoop) {
    const lengths = ['_cell_length_a', '_cell_length_b', '_cell_length_c'].map((t) => block.items.get(t));
    const noCell = lengths.every((v) => v === undefined || parseCifNumber(v.text).value === 0);
    if (noCell) return cartesianMolecule(block, cartLoop, lines, inputName);
  }

  // cell
  const cellTags = [
    '_cell_length_a',
    '_cell_length_b',
    '_cell_length_c',
    '_cell_angle_alpha',
    '_cell_angle_beta',
    '_cell_angle_gamma',
  ];
  const par = cellTags.map((t) => getNumber(block, t, inputName, lines)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  // lengths beyond the readers' coordinate bound (common.ts, issue 17.2)
  for (let k = 0; k < 3; k++) {
    const v = block.items.get(cellTags[k]!)!;
    checkCoordinate(par[k]!, cellTags[k]!, loc(v, v.text.length));
  }
  // angles outside (0°, 180°) describe no cell (cos/sin would silently wrap γ = 450° to 90°)
  for (let k = 3; k < 6; k++) {
    if (par[k]! > 0 && par[k]! < 180) continue;
    const v = block.items.get(cellTags[k]!)!;
    throw inputError(
      'cif-cell',
      `${cellTags[k]} is ${short(v.text)}°: a cell angle lies strictly between 0° and 180°`,
      loc(v, v.text.length),
      'cell angles are in degrees, e.g. 90 or 104.52(3)',
    );
  }
  let cell: Float64Array;
  try {
    cell = cellFromParameters(...par);
  } catch (e) {
    // point at the value at fault: a length ≤ 0, else an angle outside (0°, 180°), else α (the
    // three angles together describe no parallelepiped)
    const bad = par.findIndex((x, i) => (i < 3 ? !(x > 0) : !(x > 0 && x < 180)));
    const v = block.items.get(cellTags[bad >= 0 ? bad : 3]!) ?? block.items.get('_cell_length_a')!;
    throw inputError('cif-cell', (e as Error).message, loc(v), 'check the _cell_ values');
  }

  // symmetry operations
  let symops: SymOp[] = [];
  let symopSource = 'none (P1 assumed)';
  for (const loop of block.loops) {
    const col = loop.tags.findIndex((t) => SYMOP_TAGS.includes(t));
    if (col < 0) continue;
    symopSource = loop.tags[col]!;
    let rows = loop.rows;
    if (loop.tags.length === 1 && rows.some((r) => parseSymop(r[0]!.text) === null)) {
      // Unquoted operations with spaces ("-x, y+1/2, -z") arrive as several values: rejoin them.
      rows = rejoinSymops(rows.map((r) => r[0]!));
    }
    for (const row of rows) {
      const v = row[col]!;
      const op = parseSymop(v.text);
      if (!op) {
        throw inputError(
          'cif-symop',
          `cannot read the symmetry operation "${short(v.text)}"`,
          loc(v, v.text.length),
          "write it as 'x, y, z' or '-x+1/2, y+1/2, -z' (quoted, one operation per row)",
        );
      }
      const bad = symopProblem(op, cell);
      if (bad) throw inputError('cif-symop', bad.message, loc(v, v.text.length), bad.hint);
      symops.push(op);
    }
    break;
  }
  if (symops.length === 0) {
    for (const tag of SYMOP_TAGS) {
      const v = block.items.get(tag);
      if (!v) continue;
      const op = parseSymop(v.text);
      if (!op) throw inputError('cif-symop', `cannot read the symmetry operation "${short(v.text)}"`, loc(v));
      const bad = symopProblem(op, cell);
      if (bad) throw inputError('cif-symop', bad.message, loc(v, v.text.length), bad.hint);
      symops = [op];
      symopSource = tag;
    }
  }
  const sg =
    block.items.get('_space_group_name_h-m_alt')?.text ??
    block.items.get('_symmetry_space_group_name_h-m')?.text ??
    block.items.get('_space_group_name_h-m')?.text;
  if (symops.length === 0) {
    symops = [parseSymop('x,y,z')!];
    if (sg && sg.replace(/\s/g, '').toUpperCase() !== 'P1') {
      warnings.push(
        `no symmetry operations listed although the space group is ${short(sg)}; only the listed atoms are used (P1)`,
      );
    }
  }

  // atom sites
  const siteLoop = block.loops.find((l) => l.tags.includes('_atom_site_fract_x')) ?? cartLoop;
  if (!siteLoop) {
    throw inputError(
      'cif-no-sites',
      `data block ${short(block.name)} has no _atom_site_fract_x (or _atom_site_Cartn_x) loop`,
      { line: block.line, inputName },
      'a crystal structure lists atoms in a loop with _atom_site_fract_x/y/z',
    );
  }
  // Cartesian sites in a cell: Å along the cell's standard orthogonal frame (a along x, b in the
  // xy plane — the frame cellFromParameters builds, and the one ASE writes), read as fractions.
  const cartesian = !siteLoop.tags.includes('_atom_site_fract_x');
  const toFrac = cartesian ? invertCell(cell) : undefined;
  if (cartesian) {
    warnings.push(
      'sites given as Cartesian _atom_site_Cartn_x/y/z (Å) were read in the frame with a along x and b in the xy plane',
    );
  }
  const axis = cartesian ? '_atom_site_cartn_' : '_atom_site_fract_';
  const col = (t: string) => siteLoop.tags.indexOf(t);
  const cLabel = col('_atom_site_label');
  const cType = col('_atom_site_type_symbol');
  const cX = col(`${axis}x`);
  const cY = col(`${axis}y`);
  const cZ = col(`${axis}z`);
  const cOcc = col('_atom_site_occupancy');
  const cAsm = col('_atom_site_disorder_assembly');
  const cGrp = col('_atom_site_disorder_group');
  if (cY < 0 || cZ < 0) {
    throw inputError(
      'cif-no-sites',
      `the atom-site loop lacks ${axis}y or ${axis}z`,
      { line: siteLoop.line, inputName },
      'give all three fractional coordinates',
    );
  }
  const sites: CifSite[] = [];
  let partialWithoutGroup = 0;
  let qPeaks = 0;
  for (const row of siteLoop.rows) {
    const label = cLabel >= 0 ? row[cLabel]!.text : '';
    let z = 0;
    const typeValue = cType >= 0 && !['?', '.'].includes(row[cType]!.text) ? row[cType] : undefined;
    if (typeValue) z = typeSymbolNumber(typeValue.text);
    if (!z && /^Q\d*$/i.test(label) && (!typeValue || /^Q$/i.test(typeValue.text))) {
      qPeaks++;
      continue; // residual-density peak from a refinement, not an atom
    }
    if (!z && typeValue) {
      // the type symbol decides the element (the label is free text): never fall back to the label
      const fromLabel = label ? elementNumber(label) : 0;
      throw inputError(
        'cif-element',
        `site "${short(label || typeValue.text)}": _atom_site_type_symbol "${short(typeValue.text)}" is not an element`,
        loc(typeValue, typeValue.text.length),
        `the type symbol starts with an element symbol (Au, AU, Au1+, O2-)${fromLabel ? `; the label suggests ${symbolOf(fromLabel)}` : ''}; write '?' to take the element from the label`,
      );
    }
    if (!z && label) z = elementNumber(label);
    if (!z) {
      const v = row[cType >= 0 ? cType : Math.max(cLabel, 0)]!;
      throw inputError(
        'cif-element',
        `cannot tell the element of site "${short(label || v.text)}"`,
        loc(v, v.text.length),
        'give _atom_site_type_symbol (Au, S, C) or a label that starts with the symbol (Au1, S12)',
      );
    }
    const frac: number[] = [];
    for (const c of [cX, cY, cZ]) {
      const v = row[c]!;
      const num = parseCifNumber(v.text).value;
      if (Number.isNaN(num)) {
        throw inputError(
          'cif-number',
          `${cartesian ? 'Cartesian' : 'fractional'} coordinate of site "${short(label)}" is not a number: "${short(v.text)}"`,
          loc(v, v.text.length),
          cartesian
            ? 'Cartesian coordinates are in Å, e.g. 1.2345(6)'
            : 'coordinates are fractions of the cell, e.g. 0.1234(5)',
        );
      }
      frac.push(num);
    }
    if (toFrac) {
      const f = new Float64Array(3);
      cartToFrac(toFrac, frac[0]!, frac[1]!, frac[2]!, f);
      frac.splice(0, 3, f[0]!, f[1]!, f[2]!);
    }
    // the site as written (before wrapping into the cell) within the coordinate bound: a fractional
    // coordinate of 1e10 would otherwise be wrapped with its digits gone
    const cart = new Float64Array(3);
    fracToCart(cell, frac[0]!, frac[1]!, frac[2]!, cart);
    for (let k = 0; k < 3; k++) {
      const v = row[[cX, cY, cZ][k]!]!;
      checkCoordinate(cart[k]!, `${'xyz'[k]} of site "${short(label)}"`, loc(v, v.text.length));
    }
    let occupancy = 1;
    if (cOcc >= 0 && !['?', '.'].includes(row[cOcc]!.text)) {
      occupancy = parseCifNumber(row[cOcc]!.text).value;
      if (Number.isNaN(occupancy) || occupancy < 0) {
        const v = row[cOcc]!;
        throw inputError(
          'cif-number',
          `occupancy of site "${short(label)}" is not a number ≥ 0: "${short(v.text)}"`,
          loc(v),
        );
      }
      if (occupancy > 1.01) {
        // an occupancy is a fraction of a site; above 1 (beyond rounding) the file is inconsistent
        warnings.push(
          `site "${short(label)}" (line ${row[cOcc]!.line}) has occupancy ${short(row[cOcc]!.text)} > 1; read as a full site`,
        );
      }
    }
    const clean = (s: string | undefined) => (s === undefined || s === '.' || s === '?' ? '' : s);
    const assembly = clean(cAsm >= 0 ? row[cAsm]!.text : undefined);
    const group = clean(cGrp >= 0 ? row[cGrp]!.text : undefined);
    if (occupancy < 1 && !group) partialWithoutGroup++;
    sites.push({
      label,
      z,
      frac: [frac[0]!, frac[1]!, frac[2]!],
      occupancy,
      assembly,
      group,
      line: row[cX]!.line,
    });
  }
  if (sites.length === 0) {
    throw inputError('cif-no-sites', 'the atom-site loop is empty', { line: siteLoop.line, inputName });
  }

  // disorder: choose one group per assembly
  const byAssembly = new Map<string, Map<string, CifSite[]>>();
  for (const s of sites) {
    if (!s.group || s.group.startsWith('-')) continue;
    let groups = byAssembly.get(s.assembly);
    if (!groups) {
      groups = new Map();
      byAssembly.set(s.assembly, groups);
    }
    let list = groups.get(s.group);
    if (!list) {
      list = [];
      groups.set(s.group, list);
    }
    list.push(s);
  }
  const assemblies: DisorderReport['assemblies'][number][] = [];
  const dropped = new Set<CifSite>();
  for (const [assembly, groups] of [...byAssembly.entries()].sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  )) {
    const summary = [...groups.entries()].map(([group, list]) => ({
      group,
      sites: list.length,
      meanOccupancy: list.reduce((t, s) => t + s.occupancy, 0) / list.length,
    }));
    summary.sort((a, b) => b.meanOccupancy - a.meanOccupancy || compareGroup(a.group, b.group));
    const chosen = summary[0]!.group;
    if (summary.length > 1) assemblies.push({ assembly, groups: summary, chosen });
    for (const [group, list] of groups) if (group !== chosen) for (const s of list) dropped.add(s);
  }
  if (qPeaks) warnings.push(`${qPeaks} residual-density peak(s) (Q…) skipped`);
  const negative = sites.filter((s) => s.group.startsWith('-')).length;
  if (negative > 0) {
    warnings.push(
      `${negative} site(s) have a negative disorder group (disorder about a special position): their symmetry copies are all kept; check for overlapping orientations`,
    );
  }
  // Mixed (co-occupied) sites: partial-occupancy sites at one position; keep the major species.
  const mixedSites: { kept: string; dropped: string[]; occupancies: number[] }[] = [];
  const mergeA0 = options.mergeDistanceA ?? 0.1;
  const partial = sites.filter((s) => s.occupancy < 1 && !dropped.has(s));
  const cartD = new Float64Array(3);
  const taken = new Set<CifSite>();
  for (let a = 0; a < partial.length; a++) {
    const sa = partial[a]!;
    if (taken.has(sa)) continue;
    const group = [sa];
    for (let b = a + 1; b < partial.length; b++) {
      const sb = partial[b]!;
      if (taken.has(sb) || sb.group !== sa.group) continue;
      const d = [0, 1, 2].map((k) => {
        const x = sb.frac[k]! - sa.frac[k]!;
        return x - Math.round(x);
      });
      fracToCart(cell, d[0]!, d[1]!, d[2]!, cartD);
      if (Math.hypot(cartD[0]!, cartD[1]!, cartD[2]!) < mergeA0) group.push(sb);
    }
    if (group.length < 2) continue;
    group.sort((x, y) => y.occupancy - x.occupancy);
    for (const g of group) taken.add(g);
    for (const g of group.slice(1)) dropped.add(g);
    mixedSites.push({
      kept: group[0]!.label,
      dropped: group.slice(1).map((g) => g.label),
      occupancies: group.map((g) => g.occupancy),
    });
  }
  const partialLeft = partialWithoutGroup - mixedSites.reduce((t, m) => t + m.occupancies.length, 0);
  if (partialLeft > 0) {
    warnings.push(
      `${partialLeft} site(s) have occupancy < 1 but no disorder group; they are kept (check for overlapping alternatives)`,
    );
  }
  const kept = sites.filter((s) => !dropped.has(s));

  // expansion
  const mergeA = options.mergeDistanceA ?? 0.1;
  const merge2 = mergeA * mergeA;
  const numbers: number[] = [];
  const fracOut: number[] = [];
  const labels: string[] = [];
  let duplicates = 0;
  const f = new Float64Array(3);
  const cart = new Float64Array(3);
  const copies: number[] = [];
  const siteOf: CifSite[] = [];
  for (const s of kept) {
    copies.length = 0;
    for (const op of symops) {
      const R = op.rotation;
      const t = op.translation;
      for (let r = 0; r < 3; r++) {
        const v = R[3 * r]! * s.frac[0] + R[3 * r + 1]! * s.frac[1] + R[3 * r + 2]! * s.frac[2] + t[r]!;
        f[r] = v - Math.floor(v);
        if (f[r]! >= 1 - 1e-12) f[r] = 0;
      }
      // duplicate of an earlier copy of this site (periodic minimum image)?
      let dup = false;
      for (let c = 0; c < copies.length && !dup; c += 3) {
        let dx = f[0]! - copies[c]!;
        let dy = f[1]! - copies[c + 1]!;
        let dz = f[2]! - copies[c + 2]!;
        dx -= Math.round(dx);
        dy -= Math.round(dy);
        dz -= Math.round(dz);
        fracToCart(cell, dx, dy, dz, cart);
        if (cart[0]! ** 2 + cart[1]! ** 2 + cart[2]! ** 2 < merge2) dup = true;
      }
      if (dup) {
        duplicates++;
        continue;
      }
      copies.push(f[0]!, f[1]!, f[2]!);
      numbers.push(s.z);
      fracOut.push(f[0]!, f[1]!, f[2]!);
      labels.push(s.label);
      siteOf.push(s);
    }
  }
  // different sites at one position after expansion (the same atom listed twice, or two sites
  // related by a symmetry operation): same element, both full → one atom; different elements,
  // both full → an error naming them; partial occupancies are alternatives and are left alone
  const coincident = new Map<string, { kept: string; merged: string; atoms: number; distanceA: number }>();
  const removed = new Uint8Array(numbers.length);
  for (const [i, j, d] of periodicClosePairs(fracOut, cell, mergeA)) {
    if (removed[i] || removed[j]) continue;
    const sa = siteOf[i]!;
    const sb = siteOf[j]!;
    if (sa.occupancy < 1 || sb.occupancy < 1) continue;
    if (sa.z !== sb.z) {
      throw inputError(
        'cif-overlap',
        `sites "${short(sa.label)}" (${symbolOf(sa.z)}, line ${sa.line}) and "${short(sb.label)}" (${symbolOf(sb.z)}) are ${d.toFixed(3)} Å apart after symmetry expansion, both with full occupancy`,
        { line: sb.line, source: lines[sb.line - 1] ?? '', inputName },
        'one of them is misplaced or has the wrong element; if they are alternatives, give them occupancies < 1 (and disorder groups)',
      );
    }
    removed[j] = 1;
    const key = `${sa.label}\u0000${sb.label}`;
    const e = coincident.get(key) ?? { kept: sa.label, merged: sb.label, atoms: 0, distanceA: 0 };
    e.atoms++;
    e.distanceA = Math.max(e.distanceA, d);
    coincident.set(key, e);
  }
  for (const e of coincident.values()) {
    warnings.push(
      `sites "${short(e.kept)}" and "${short(e.merged)}" are at the same position (${e.distanceA.toFixed(3)} Å apart after symmetry expansion, ${e.atoms} atom${e.atoms === 1 ? '' : 's'}): merged, kept "${short(e.kept)}"`,
    );
  }
  if (coincident.size > 0) {
    let w = 0;
    for (let i = 0; i < numbers.length; i++) {
      if (removed[i]) continue;
      numbers[w] = numbers[i]!;
      labels[w] = labels[i]!;
      for (let k = 0; k < 3; k++) fracOut[3 * w + k] = fracOut[3 * i + k]!;
      w++;
    }
    numbers.length = w;
    labels.length = w;
    fracOut.length = 3 * w;
  }
  const n = numbers.length;
  // a cell under 1 Å³ per atom cannot hold its atoms (issue 17.1): point at the parameter at fault
  if (cellVolume(cell) / n < MIN_CELL_VOLUME_PER_ATOM_A3) {
    const k = culpritIndex(cell);
    const v = block.items.get(cellTags[k]!)!;
    throw inputError(
      'cif-cell',
      `the cell holds ${n} atom${n === 1 ? '' : 's'} in ${Number(cellVolume(cell).toPrecision(3))} Å³, ${Number((cellVolume(cell) / n).toPrecision(3))} Å³ per atom (densest solids: ≥ 5 Å³): check ${cellTags[k]}`,
      loc(v, v.text.length),
      'cell lengths are in Å and angles in degrees; a cell holds its atoms at ≥ 1 Å³ each',
    );
  }
  const positions = new Float64Array(3 * n);
  for (let i = 0; i < n; i++)
    fracToCart(cell, fracOut[3 * i]!, fracOut[3 * i + 1]!, fracOut[3 * i + 2]!, positions, 3 * i);
  const structure = createStructure({ numbers, positions, cell, labels, title: block.name });
  const asymPos = new Float64Array(3 * kept.length);
  kept.forEach((s, i) => {
    fracToCart(cell, s.frac[0], s.frac[1], s.frac[2], asymPos, 3 * i);
  });
  const asymmetricUnit = createStructure({
    numbers: kept.map((s) => s.z),
    positions: asymPos,
    cell,
    labels: kept.map((s) => s.label),
    title: block.name,
  });
  const report: CifReport = {
    blockName: block.name,
    cellParameters: cellParameters(cell),
    ...(sg ? { spaceGroup: sg } : {}),
    symops,
    symopSource,
    sites,
    disorder: { assemblies, droppedSites: dropped.size, partialWithoutGroup, mixedSites },
    asymmetricAtoms: kept.length,
    cellAtoms: n,
    duplicatesRemoved: duplicates,
    coincidentSites: [...coincident.values()],
    warnings,
  };
  return { structure, fractional: Float64Array.from(fracOut), asymmetricUnit, cell, report };
}

/**
 * The reader's choices and warnings as one-line sentences for a user: the
 * disorder part kept per assembly, minor-part sites dropped, co-occupied
 * sites merged, then `report.warnings` (occupancies, merged sites, Q peaks …).
 */
export function cifNotes(report: CifReport): string[] {
  const out: string[] = [];
  for (const asm of report.disorder.assemblies) {
    out.push(
      `disorder assembly ${short(asm.assembly || '(unnamed)')}: kept group ${short(asm.chosen)} of ${asm.groups
        .map(
          (g) =>
            `group ${short(g.group)} (${g.sites} site${g.sites === 1 ? '' : 's'}, mean occupancy ${g.meanOccupancy.toFixed(3)})`,
        )
        .join(', ')}`,
    );
  }
  const dropped =
    report.disorder.droppedSites - report.disorder.mixedSites.reduce((t, m) => t + m.dropped.length, 0);
  if (dropped > 0) out.push(`${dropped} minor-part disorder site${dropped === 1 ? '' : 's'} dropped`);
  for (const m of report.disorder.mixedSites) {
    out.push(
      `co-occupied site: kept "${short(m.kept)}" (occupancy ${m.occupancies[0]}), dropped ${m.dropped.map((d, i) => `"${short(d)}" (${m.occupancies[i + 1]})`).join(', ')}`,
    );
  }
  out.push(...report.warnings);
  return out;
}

/**
 * Atomic number from an `_atom_site_type_symbol`: the CIF core dictionary
 * makes it an element symbol optionally followed by a charge or other
 * characters (`Au`, `AU`, `Au1+`, `O2-`, `Ow`); D and T are hydrogen. 0 when
 * it does not start with an element symbol.
 */
export function typeSymbolNumber(text: string): number {
  const sym = /^[A-Za-z]{1,2}/.exec(text)?.[0] ?? '';
  if (/^[DTdt](?![A-Za-z])/.test(text)) return 1;
  return lookupSymbol(sym) || (sym.length === 2 ? lookupSymbol(sym[0]!) : 0);
}

/**
 * Pairs of atoms (i < j) closer than `maxA` (Å) under periodic minimum image, with their
 * distance, sorted by i then j. Fractional coordinates in [0, 1); cell list over fractional
 * bins at least `maxA` wide (perpendicular widths = V / |b × c| …), so O(n) for dilute atoms.
 */
function periodicClosePairs(
  frac: readonly number[],
  cell: Float64Array,
  maxA: number,
): [number, number, number][] {
  const n = frac.length / 3;
  const out: [number, number, number][] = [];
  if (n < 2 || !(maxA > 0)) return out;
  const row = (k: number) => [cell[3 * k]!, cell[3 * k + 1]!, cell[3 * k + 2]!];
  const rows = [row(0), row(1), row(2)];
  const cross = (u: number[], v: number[]) => [
    u[1]! * v[2]! - u[2]! * v[1]!,
    u[2]! * v[0]! - u[0]! * v[2]!,
    u[0]! * v[1]! - u[1]! * v[0]!,
  ];
  const a0 = rows[0]!;
  const bc = cross(rows[1]!, rows[2]!);
  const volume = Math.abs(a0[0]! * bc[0]! + a0[1]! * bc[1]! + a0[2]! * bc[2]!);
  const nb = [0, 1, 2].map((k) => {
    const c = cross(rows[(k + 1) % 3]!, rows[(k + 2) % 3]!);
    return Math.max(1, Math.min(1000, Math.floor(volume / Math.hypot(c[0]!, c[1]!, c[2]!) / maxA)));
  }) as [number, number, number];
  const bin = (i: number, k: number) => Math.min(nb[k]! - 1, Math.floor(frac[3 * i + k]! * nb[k]!));
  const key = (a: number, b: number, c: number) => (a * nb[1] + b) * nb[2] + c;
  const bins = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const kk = key(bin(i, 0), bin(i, 1), bin(i, 2));
    const list = bins.get(kk);
    if (list) list.push(i);
    else bins.set(kk, [i]);
  }
  const max2 = maxA * maxA;
  const cart = new Float64Array(3);
  const seen = new Set<number>();
  for (let i = 0; i < n; i++) {
    const b0 = bin(i, 0);
    const b1 = bin(i, 1);
    const b2 = bin(i, 2);
    seen.clear();
    for (let d0 = -1; d0 <= 1; d0++)
      for (let d1 = -1; d1 <= 1; d1++)
        for (let d2 = -1; d2 <= 1; d2++) {
          const kk = key((b0 + d0 + nb[0]) % nb[0], (b1 + d1 + nb[1]) % nb[1], (b2 + d2 + nb[2]) % nb[2]);
          if (seen.has(kk)) continue;
          seen.add(kk);
          for (const j of bins.get(kk) ?? []) {
            if (j <= i) continue;
            let dx = frac[3 * j]! - frac[3 * i]!;
            let dy = frac[3 * j + 1]! - frac[3 * i + 1]!;
            let dz = frac[3 * j + 2]! - frac[3 * i + 2]!;
            dx -= Math.round(dx);
            dy -= Math.round(dy);
            dz -= Math.round(dz);
            fracToCart(cell, dx, dy, dz, cart);
            const d2 = cart[0]! ** 2 + cart[1]! ** 2 + cart[2]! ** 2;
            if (d2 < max2) out.push([i, j, Math.sqrt(d2)]);
          }
        }
  }
  return out.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

/**
 * Why an operation cannot be a crystallographic symmetry operation of this
 * cell, or null. In the fractional basis the rotation part R of a lattice
 * symmetry is an integer matrix with det R = ±1 (International Tables A,
 * §1.2), and it preserves the metric: RᵀGR = G with G the metric tensor of
 * the cell (G_ij = a_i·a_j). A singular operation (`x, x, z`, det 0) would
 * map the asymmetric unit onto a plane and invent atoms; det ±2 or a
 * non-integer entry is no lattice symmetry; an operation that changes
 * lengths (`y, x, z` with a ≠ b) belongs to another cell or setting. Metric
 * tolerance: 2 % of √(G_ii G_jj), loose enough for refined cells whose
 * constrained parameters differ in the last digits.
 */
function symopProblem(op: SymOp, cell: Float64Array): { message: string; hint: string } | null {
  const R = op.rotation;
  const text = short(op.text);
  if (R.some((x) => Math.abs(x - Math.round(x)) > 1e-6)) {
    return {
      message: `symmetry operation "${text}" has a non-integer coefficient of x, y or z`,
      hint: 'in fractional coordinates the x, y, z coefficients of a symmetry operation are −1, 0 or 1 (or small integers)',
    };
  }
  const det =
    R[0]! * (R[4]! * R[8]! - R[5]! * R[7]!) -
    R[1]! * (R[3]! * R[8]! - R[5]! * R[6]!) +
    R[2]! * (R[3]! * R[7]! - R[4]! * R[6]!);
  if (Math.abs(Math.abs(det) - 1) > 1e-6) {
    return {
      message: `symmetry operation "${text}" has determinant ${Math.round(det)}, not ±1: ${det === 0 ? 'it is singular (two coordinates the same or missing) and would invent atoms' : 'it changes the cell volume'}`,
      hint: 'each of x, y, z must appear once across the three parts, as in "-y, x-y, z"',
    };
  }
  const G = [0, 1, 2].map((i) =>
    [0, 1, 2].map(
      (j) =>
        cell[3 * i]! * cell[3 * j]! +
        cell[3 * i + 1]! * cell[3 * j + 1]! +
        cell[3 * i + 2]! * cell[3 * j + 2]!,
    ),
  );
  // (RᵀGR)_ij = Σ_kl R_ki G_kl R_lj, with R row-major: R_ki = R[3k + i]
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++) {
      let v = 0;
      for (let k = 0; k < 3; k++) for (let l = 0; l < 3; l++) v += R[3 * k + i]! * G[k]![l]! * R[3 * l + j]!;
      if (Math.abs(v - G[i]![j]!) > 0.02 * Math.sqrt(G[i]![i]! * G[j]![j]!)) {
        return {
          message: `symmetry operation "${text}" does not fit the cell: it changes lengths or angles (${'abc'[i]}·${'abc'[j]} ${G[i]![j]!.toFixed(2)} → ${v.toFixed(2)} Å²)`,
          hint: 'the operations belong to another cell or setting: check the cell parameters and the space-group setting',
        };
      }
    }
  return null;
}

/** Join values split at spaces back into operations with two commas each ("-x," "y," "-z" → "-x, y, -z"). */
function rejoinSymops(values: readonly CifValue[]): CifValue[][] {
  const out: CifValue[][] = [];
  let cur: CifValue | undefined;
  let commas = 0;
  for (const v of values) {
    cur = cur ? { ...cur, text: `${cur.text} ${v.text}` } : v;
    commas += (v.text.match(/,/g) ?? []).length;
    if (commas >= 2 && !v.text.endsWith(',')) {
      out.push([cur]);
      cur = undefined;
      commas = 0;
    }
  }
  if (cur) out.push([cur]);
  return out;
}

function compareGroup(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A block whose sites are Cartesian (`_atom_site_Cartn_x/y/z`, Å) with no cell — absent, or
 * lengths 0 as ASE writes a molecule — read as a molecule without a cell. Symmetry operations
 * other than the identity have no meaning without a cell and are refused.
 */
function cartesianMolecule(
  block: CifBlock,
  loop: CifBlock['loops'][number],
  lines: readonly string[],
  inputName: string | undefined,
): CifResult {
  const loc = (v: CifValue) => ({
    line: v.line,
    column: v.column,
    length: v.text.length,
    source: lines[v.line - 1] ?? '',
    inputName,
  });
  for (const l of block.loops) {
    const c = l.tags.findIndex((t) => SYMOP_TAGS.includes(t));
    if (c < 0) continue;
    const other = l.rows.find((r) => r[c]!.text.replace(/\s/g, '').toLowerCase() !== 'x,y,z');
    if (other) {
      throw inputError(
        'cif-symop',
        `symmetry operation "${short(other[c]!.text)}" needs a unit cell, and this block has none`,
        loc(other[c]!),
        'give the _cell_ lengths and angles, or list only x,y,z',
      );
    }
  }
  const col = (t: string) => loop.tags.indexOf(t);
  const [cX, cY, cZ] = ['_atom_site_cartn_x', '_atom_site_cartn_y', '_atom_site_cartn_z'].map(col) as [
    number,
    number,
    number,
  ];
  if (cY < 0 || cZ < 0) {
    throw inputError(
      'cif-no-sites',
      'the atom-site loop lacks _atom_site_Cartn_y or _atom_site_Cartn_z',
      { line: loop.line, inputName },
      'give all three Cartesian coordinates',
    );
  }
  const cLabel = col('_atom_site_label');
  const cType = col('_atom_site_type_symbol');
  const numbers: number[] = [];
  const labels: string[] = [];
  const pos: number[] = [];
  const sites: CifSite[] = [];
  for (const row of loop.rows) {
    const label = cLabel >= 0 ? row[cLabel]!.text : '';
    const typeValue = cType >= 0 && !['?', '.'].includes(row[cType]!.text) ? row[cType] : undefined;
    const z = typeValue ? typeSymbolNumber(typeValue.text) : label ? elementNumber(label) : 0;
    if (!z) {
      const v = typeValue ?? row[Math.max(cLabel, 0)]!;
      throw inputError(
        'cif-element',
        `cannot tell the element of site "${short(label || v.text)}"`,
        loc(v),
        'give _atom_site_type_symbol (Au, S, C) or a label that starts with the symbol (Au1, S12)',
      );
    }
    const xyz = [cX, cY, cZ].map((c, k) => {
      const v = row[c]!;
      const x = parseCifNumber(v.text).value;
      if (Number.isNaN(x)) {
        throw inputError(
          'cif-number',
          `Cartesian coordinate of site "${short(label)}" is not a number: "${short(v.text)}"`,
          loc(v),
          'Cartesian coordinates are in Å, e.g. 1.2345(6)',
        );
      }
      checkCoordinate(x, `${'xyz'[k]} of site "${short(label)}"`, loc(v));
      return x;
    });
    numbers.push(z);
    labels.push(label);
    pos.push(...xyz);
    sites.push({
      label,
      z,
      frac: [xyz[0]!, xyz[1]!, xyz[2]!],
      occupancy: 1,
      assembly: '',
      group: '',
      line: row[cX]!.line,
    });
  }
  if (numbers.length === 0) {
    throw inputError('cif-no-sites', 'the atom-site loop is empty', { line: loop.line, inputName });
  }
  const structure = createStructure({
    numbers,
    positions: Float64Array.from(pos),
    labels,
    title: block.name,
  });
  const report: CifReport = {
    blockName: block.name,
    cellParameters: [0, 0, 0, 90, 90, 90],
    symops: [parseSymop('x,y,z')!],
    symopSource: 'none (a molecule)',
    sites,
    disorder: { assemblies: [], droppedSites: 0, partialWithoutGroup: 0, mixedSites: [] },
    asymmetricAtoms: numbers.length,
    cellAtoms: numbers.length,
    duplicatesRemoved: 0,
    coincidentSites: [],
    warnings: [
      'no unit cell (lengths absent or 0, as ASE writes a molecule): read as a molecule from the Cartesian _atom_site_Cartn_x/y/z coordinates (Å)',
    ],
  };
  return {
    structure,
    fractional: new Float64Array(0),
    asymmetricUnit: structure,
    cell: new Float64Array(9),
    report,
  };
}
