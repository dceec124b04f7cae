/**
 * `analyzeStructure()`: the structure report shared by the CLI (`superatom
 * analyze`), the web workbench and the store. Pure orchestration: formula,
 * point group with deviations and continuous symmetry measure (of all atoms,
 * of chosen elements, or of the kernel), chirality, anatomy (kernel with its
 * shells and shape, staples, caps, ligands) and bond statistics by class.
 * Crystals (structures with a cell) are split into species (io/species.ts:
 * cluster ion, counter-ions, solvent; ionic contacts are not bonds) and one
 * whole copy of the cluster (or of `species`) is analysed. Atom numbers in the report are 1-based, as in the input file.
 */
import { InputError } from '../core/errors.js';
import { elementBySymbol, elementByZ } from '../data/index.js';
import { chargeText, crystalSpecies, pickSpecies, type SpeciesSummary, speciesLine } from '../io/species.js';
import { analyzeAnatomy, hillFormula } from '../structure/anatomy.js';
import { analyzeChirality } from '../structure/chirality.js';
import { createGrid } from '../structure/grid.js';
import { DEFAULT_SYMMETRY_TOLERANCE, findPointGroup } from '../structure/pointgroup.js';
import { type ShapeMeasure, shapeMeasures, shapeReferences } from '../structure/shape.js';
import { type Structure, subset } from '../structure/structure.js';

export interface AnalyzeOptions {
  /** Analyse the symmetry of these elements only (symbols, e.g. ['Au', 'S']). */
  readonly elements?: readonly string[];
  /** Analyse the symmetry of the metal kernel only (staple metals and ligands excluded). */
  readonly kernel?: boolean;
  /** Point-group tolerance as a fraction of the nearest-neighbour distance (default 0.086). */
  readonly tolerance?: number;
  /** Warnings of the file reader (e.g. `cifNotes`), passed through to `AnalysisReport.warnings`. */
  readonly readerWarnings?: readonly string[];
  /** Crystals: analyse this species (1-based index of `AnalysisReport.species`) instead of the cluster. */
  readonly species?: number;
}

export interface KernelShape {
  /** Which atoms were compared: 'kernel' or 'first shell'. */
  readonly of: string;
  readonly vertices: number;
  readonly best: string;
  readonly measure: number;
  readonly measures: readonly ShapeMeasure[];
}

export interface BondRow {
  readonly pair: string;
  readonly class: string;
  readonly count: number;
  /** Mean bond length, Å. */
  readonly mean: number;
  /** Sample standard deviation, Å. */
  readonly sd: number;
  readonly min: number;
  readonly max: number;
}

export interface AnalysisReport {
  readonly formula: string;
  readonly atoms: number;
  /** What the point group was computed on: 'all atoms', 'elements Au,S' or 'kernel'. */
  readonly symmetrySubset: string;
  readonly symmetryAtoms: number;
  readonly pointGroup: string;
  readonly symmetry: {
    /** Largest atom displacement to the symmetrized structure, Å. */
    readonly maxDeviation: number;
    /** RMS atom displacement to the symmetrized structure, Å. */
    readonly rmsDeviation: number;
    /** Continuous symmetry measure S(G), 0–100. */
    readonly measure: number;
    /** Group order |G|; null for the infinite groups Cinfv, Dinfh and Kh. */
    readonly order: number | null;
    /** Tolerance used: relative and absolute (Å). */
    readonly tolerance: number;
    readonly toleranceA: number;
    readonly nearestNeighbourA: number;
  };
  readonly chiral: boolean;
  readonly chirality: {
    /** Continuous chirality measure (0–100), independent of the tolerance. */
    readonly measure: number;
    readonly nearestImproper: string;
    /** 'achiral' (improper operation in the group), 'near-achiral' (measure ≤ acceptedMeasure) or 'chiral'. */
    readonly verdict: 'achiral' | 'near-achiral' | 'chiral';
    /** The nearest improper element, the achiral group it completes with the point group, and S(⟨element⟩). */
    readonly nearest: { readonly element: string; readonly group: string; readonly measure: number };
    /** Measure that the tolerance accepts for an improper operation: 25 (τ / R_rms)². */
    readonly acceptedMeasure: number;
  };
  readonly anatomy: {
    readonly kernel: {
      readonly count: number;
      readonly elements: Readonly<Record<string, number>>;
      /** Radial shell sizes, innermost first (a centred kernel starts with 1). */
      readonly shells: readonly number[];
      readonly shape: KernelShape | null;
      /** Name from its centred 13-atom units, e.g. 'face-sharing bi-icosahedron'; null when none applies. */
      readonly description: string | null;
      /** Centred units: centre atom (1-based), shape of its 12 neighbours and CShM. */
      readonly units: readonly {
        readonly centre: number;
        readonly shape: string;
        readonly measure: number;
      }[];
      readonly atoms: readonly number[];
    };
    readonly staples: readonly {
      readonly motif: string;
      readonly kind: string;
      readonly atoms: readonly number[];
    }[];
    readonly stapleSummary: Readonly<Record<string, number>>;
    /** Bridging chalcogens (μ2-SR between kernel atoms, not in a staple): atoms = [S, metals…], 1-based. */
    readonly bridging: readonly { readonly motif: string; readonly atoms: readonly number[] }[];
    readonly caps: readonly { readonly motif: string; readonly atoms: readonly number[] }[];
    readonly ligands: readonly { readonly formula: string; readonly count: number }[];
  };
  readonly bonds: readonly BondRow[];
  /** Notes, e.g. a molecule extracted from a crystal. */
  readonly notes: readonly string[];
  /** What the file reader chose or warned about (CIF disorder part kept, occupancies, merged sites). */
  readonly warnings: readonly string[];
  /** Crystals only: every species of the unit cell (formula, count per cell, charge, role, atoms). */
  readonly species?: readonly SpeciesSummary[];
  /** Crystals only: the index of the species analysed. */
  readonly speciesAnalysed?: number;
}

function symbol(z: number): string {
  return elementByZ(z)?.symbol ?? `Z${z}`;
}

/** Shape of the kernel (if it has a reference count of atoms) or of its first shell around the centre. */
function kernelShape(
  s: Structure,
  kernelAtoms: readonly number[],
  shells: readonly (readonly number[])[],
  centred: boolean,
): KernelShape | null {
  const counts = new Set(shapeReferences().map((r) => r.vertices.length / 3));
  const pick = (atoms: readonly number[], of: string): KernelShape | null => {
    if (!counts.has(atoms.length)) return null;
    const pts = subset(s, [...atoms]).positions;
    const measures = shapeMeasures(pts);
    return { of, vertices: atoms.length, best: measures[0]!.name, measure: measures[0]!.measure, measures };
  };
  if (centred && shells.length >= 2) {
    const r = pick(shells[1]!, 'first shell');
    if (r) return r;
  }
  const r = pick(kernelAtoms, 'kernel');
  if (r) return r;
  if (!centred && shells.length >= 1) return pick(shells[0]!, 'first shell');
  return null;
}

/**
 * Atoms closer than this (Å) are one atom written twice, not a bond (the shortest bond, H–H, is
 * 0.74 Å; synthetic test geometries such as the SOFI set go down to 0.46 Å).
 */
export const MIN_ATOM_DISTANCE_A = 0.2;

/** Refuse duplicated atoms: they would otherwise pass as a zero nearest-neighbour distance. */
function refuseOverlaps(s: Structure, fromCrystal: boolean): void {
  let hit: [number, number, number] | undefined;
  createGrid(s.positions, MIN_ATOM_DISTANCE_A).forEachPair(MIN_ATOM_DISTANCE_A, (i, j, d2) => {
    if (!hit) hit = [Math.min(i, j), Math.max(i, j), Math.sqrt(d2)];
  });
  if (hit) {
    const [i, j, d] = hit;
    throw new InputError(
      'analyze-overlap',
      `atoms ${i + 1} (${symbol(s.numbers[i]!)}) and ${j + 1} (${symbol(s.numbers[j]!)})${fromCrystal ? ' of the extracted molecule' : ''} are ${d.toFixed(3)} Å apart: the same atom written twice?`,
      {
        hint: `remove duplicated atom lines (or disorder partners); atoms closer than ${MIN_ATOM_DISTANCE_A} Å are refused`,
      },
    );
  }
}

/** Analyse a structure (see module comment). */
export function analyzeStructure(input: Structure, options: AnalyzeOptions = {}): AnalysisReport {
  const notes: string[] = [];
  let s = input;
  let crystal: { species: readonly SpeciesSummary[]; analysed: number } | undefined;
  if (s.cell) {
    const found = crystalSpecies(s);
    const { molecule, chosen } = pickSpecies(found, options.species);
    s = molecule.structure;
    crystal = { species: found.species, analysed: chosen.index };
    notes.push(
      `crystal: analysed species ${chosen.index}, ${chosen.role === 'other' ? '' : `the ${chosen.role} `}${chosen.formula}${chosen.charge !== null && chosen.charge !== 0 ? ` (charge ${chargeText(chosen.charge)})` : ''}; the cell holds ${speciesLine(found.species)}${found.species.length > 1 ? ' (--species N picks another)' : ''}`,
      ...found.notes.map((x) => `crystal: ${x}`),
    );
    if (chosen.polymeric)
      notes.push(
        'crystal: the analysed species is a periodic network, not a molecule: its symmetry is that of a cut',
      );
  } else if (options.species !== undefined) {
    throw new InputError('analyze-species', '--species applies to crystals (input with a unit cell)', {
      hint: 'this structure has no cell: it is analysed whole; use --elements to choose atoms',
    });
  }
  const n = s.numbers.length;
  if (n === 0) throw new InputError('analyze-empty', 'the structure has no atoms');
  refuseOverlaps(s, input.cell !== undefined);
  const tolerance = options.tolerance ?? DEFAULT_SYMMETRY_TOLERANCE;
  const counts = new Map<string, number>();
  for (const z of s.numbers) counts.set(symbol(z), (counts.get(symbol(z)) ?? 0) + 1);
  const anatomy = analyzeAnatomy(s);

  let sel: number[];
  let symmetrySubset: string;
  if (options.kernel && options.elements?.length) {
    throw new InputError('analyze-subset', '--kernel and --elements cannot be combined', {
      hint: 'use --kernel for the metal kernel, or --elements Au,S for chosen elements',
    });
  }
  if (options.kernel) {
    sel = [...anatomy.kernel.atoms];
    symmetrySubset = 'kernel';
    if (!sel.length)
      throw new InputError('analyze-kernel', 'no kernel metal atoms found', {
        hint: 'the structure has no metal atoms outside staples',
      });
  } else if (options.elements?.length) {
    const zs = new Set<number>();
    for (const e of options.elements) {
      const el = elementBySymbol(e.trim());
      if (!el)
        throw new InputError('analyze-element', `unknown element "${e}" in --elements`, {
          hint: 'give element symbols separated by commas, e.g. --elements Au,S',
        });
      zs.add(el.z);
    }
    sel = [];
    for (let i = 0; i < n; i++) if (zs.has(s.numbers[i]!)) sel.push(i);
    symmetrySubset = `elements ${options.elements.join(',')}`;
    if (!sel.length) {
      throw new InputError('analyze-element', `no atoms of ${options.elements.join(', ')} in the structure`, {
        hint: `the structure contains ${[...counts.keys()].join(', ')}`,
      });
    }
  } else {
    sel = Array.from({ length: n }, (_, i) => i);
    symmetrySubset = 'all atoms';
  }
  const sub = subset(s, sel);
  const pg = findPointGroup(sub, { tolerance });
  const ch = analyzeChirality(sub, { tolerance }, pg);
  const one = (xs: readonly number[]) => xs.map((i) => i + 1);
  return {
    formula: hillFormula(counts),
    atoms: n,
    symmetrySubset,
    symmetryAtoms: sel.length,
    pointGroup: pg.pointGroup,
    symmetry: {
      maxDeviation: pg.maxDeviationA,
      rmsDeviation: pg.rmsDeviationA,
      measure: pg.measure,
      order: Number.isFinite(pg.order) ? pg.order : null,
      tolerance,
      toleranceA: pg.toleranceA,
      nearestNeighbourA: pg.nearestNeighbourA,
    },
    chiral: ch.chiral,
    chirality: {
      measure: ch.measure,
      nearestImproper: ch.nearestImproper,
      verdict: ch.verdict,
      nearest: ch.nearest,
      acceptedMeasure: ch.acceptedMeasure,
    },
    anatomy: {
      kernel: {
        count: anatomy.kernel.count,
        elements: anatomy.kernel.elements,
        shells: anatomy.kernel.shells.map((x) => x.length),
        shape: kernelShape(s, anatomy.kernel.atoms, anatomy.kernel.shells, anatomy.kernel.centred),
        description: anatomy.kernel.description,
        units: anatomy.kernel.units.map((u) => ({
          centre: u.centre + 1,
          shape: u.shape,
          measure: u.measure,
        })),
        atoms: one(anatomy.kernel.atoms),
      },
      staples: anatomy.staples.map((st) => ({ motif: st.motif, kind: st.kind, atoms: one(st.atoms) })),
      stapleSummary: anatomy.stapleSummary,
      bridging: anatomy.bridging.map((b) => ({ motif: b.motif, atoms: one([b.atom, ...b.metals]) })),
      caps: anatomy.caps.map((c) => ({ motif: c.motif, atoms: one([c.metal, c.ligandAtom]) })),
      ligands: anatomy.ligands.map((l) => ({ formula: l.formula, count: l.count })),
    },
    bonds: anatomy.bonds.map((b) => ({
      pair: b.pair,
      class: b.class ?? '',
      count: b.count,
      mean: b.mean,
      sd: b.sd,
      min: b.min,
      max: b.max,
    })),
    notes,
    warnings: [...(options.readerWarnings ?? []), ...anatomy.warnings],
    ...(crystal ? { species: crystal.species, speciesAnalysed: crystal.analysed } : {}),
  };
}
