/**
 * `superatom assemble ring|wire|lattice|crystal … -o out.extxyz [--lammps dir] [--gromacs dir]`:
 * cluster assemblies (src/assembly/builders.ts) from a bead (radius, charge) or a structure file
 * (a rigid body of sites), with counter-ions, written as extended XYZ and optionally exported to
 * LAMMPS (data + input + cg.json) and GROMACS (.gro + .top + .mdp).
 */

import type { Assembly, ClusterSpec, Lattice2D, Lattice3D } from '../../assembly/builders.js';
import { addCounterions, crystal, lattice2d, ring, wire } from '../../assembly/builders.js';
import type { BeadKind } from '../../assembly/defaults.js';
import { defaultModel, formulaMass } from '../../assembly/defaults.js';
import { writeGro, writeMdp, writeTop } from '../../assembly/gromacs.js';
import { writeLammpsData, writeLammpsInput } from '../../assembly/lammps.js';
import type { CgModel } from '../../assembly/model.js';
import { modelToObject, parseModel } from '../../assembly/model.js';
import { countSpecies } from '../../assembly/system.js';
import { writeBeadFrame } from '../../assembly/trajectory.js';
import { InputError } from '../../core/errors.js';
import { readStructureFile, writeTextFile } from '../../node/files.js';
import { readTextFile } from '../../node/read.js';
import type { ParsedArgs } from '../args.js';
import type { Command } from '../command.js';

const KINDS = ['ring', 'wire', 'lattice', 'crystal'] as const;

export interface AssembleReport {
  readonly kind: string;
  readonly description: string;
  readonly clusters: number;
  /** Beads or sites written (clusters' beads/sites + counter-ions). */
  readonly atoms: number;
  readonly counterions: number;
  /** Orthorhombic box [Lx, Ly, Lz] (Å) or null for a finite assembly. */
  readonly cell: readonly number[] | null;
  /** Nearest centre-to-centre distance, Å. */
  readonly spacingA: number;
  /** Total charge, e. */
  readonly charge: number;
  readonly species: Readonly<Record<string, number>>;
  readonly files: readonly string[];
}

const num = (a: ParsedArgs, k: string) => a.options[k] as number | undefined;
const str = (a: ParsedArgs, k: string) => a.options[k] as string | undefined;

function triple(text: string | undefined, n: 2 | 3, name: string): number[] {
  const t = (text ?? '').trim();
  const parts = t
    .split(/[x×,\s]+/)
    .filter(Boolean)
    .map(Number);
  if (/^\d+$/.test(t) && Number(t) >= 1) return new Array(n).fill(Number(t));
  if (parts.length !== n || !parts.every((v) => Number.isInteger(v) && v >= 1))
    throw new InputError(
      'cli-repeat',
      `--${name} expects ${n} whole numbers like ${n === 3 ? '3x3x3' : '4x4'}, got "${t.slice(0, 30)}"`,
    );
  return parts;
}

function axisOption(text: string | undefined): [number, number, number] | undefined {
  if (text === undefined) return undefined;
  const v = text
    .split(/[,\s]+/)
    .filter(Boolean)
    .map(Number);
  if (v.length !== 3 || !v.every(Number.isFinite) || Math.hypot(...v) === 0)
    throw new InputError(
      'cli-axis',
      `--axis expects three numbers "x,y,z" (not all 0), got "${text.slice(0, 30)}"`,
    );
  return v as [number, number, number];
}

function clusterSpec(a: ParsedArgs, io: { cwd: string }): ClusterSpec {
  const file = str(a, 'cluster');
  const radius = num(a, 'radius');
  const species = str(a, 'species') ?? 'Au25';
  const axis = axisOption(str(a, 'axis'));
  const base = {
    species,
    shell: num(a, 'shell') ?? 0,
    charge: num(a, 'charge') ?? 0,
    ...(axis ? { axis } : {}),
  };
  if (file) {
    const s = readStructureFile(file, io.cwd)[0]!;
    let r = radius;
    if (r === undefined) {
      // the cluster's radius: farthest atom from the centroid
      const n = s.numbers.length;
      const c = [0, 1, 2].map((k) => {
        let t = 0;
        for (let i = 0; i < n; i++) t += s.positions[3 * i + k]! / n;
        return t;
      });
      r = 0;
      for (let i = 0; i < n; i++)
        r = Math.max(r, Math.hypot(...[0, 1, 2].map((k) => s.positions[3 * i + k]! - c[k]!)));
    }
    return { ...base, radius: r, sites: s };
  }
  if (radius === undefined)
    throw new InputError(
      'cli-missing-option',
      'give the cluster as --cluster file.xyz or as a bead with --radius',
      {
        hint: 'e.g. --species Au25 --radius 5 --shell 5 --charge -1',
      },
    );
  return { ...base, radius };
}

function build(
  kind: string,
  a: ParsedArgs,
  c: ClusterSpec,
): { asm: Assembly; lattice?: Lattice3D; repeat?: number[] } {
  const distance = num(a, 'distance');
  const d = distance !== undefined ? { distance } : {};
  if (kind === 'ring') {
    const count = num(a, 'count');
    const angle = num(a, 'angle');
    return {
      asm: ring(c, {
        ...(count !== undefined ? { count } : {}),
        ...(angle !== undefined ? { angle } : {}),
        ...d,
      }),
    };
  }
  if (kind === 'wire') {
    const count = num(a, 'count');
    if (count === undefined) throw new InputError('cli-missing-option', 'a wire needs --count');
    const hr = num(a, 'helix-radius');
    const pt = num(a, 'per-turn');
    return {
      asm: wire(c, {
        count,
        ...d,
        ...(hr !== undefined ? { helixRadius: hr } : {}),
        ...(pt !== undefined ? { perTurn: pt } : {}),
      }),
    };
  }
  if (kind === 'lattice') {
    const lattice = (str(a, 'lattice') ?? 'honeycomb') as Lattice2D;
    if (!['honeycomb', 'square', 'hexagonal'].includes(lattice))
      throw new InputError('cli-lattice', `a 2D lattice is honeycomb, square or hexagonal, got "${lattice}"`);
    const [nx, ny] = triple(str(a, 'repeat') ?? '3x3', 2, 'repeat');
    const vac = num(a, 'vacuum');
    return {
      asm: lattice2d(c, {
        lattice,
        repeat: [nx!, ny!],
        ...d,
        periodic: a.options.periodic === true,
        ...(vac !== undefined ? { vacuum: vac } : {}),
      }),
    };
  }
  const lattice = (str(a, 'lattice') ?? 'fcc') as Lattice3D;
  if (!['sc', 'bcc', 'fcc', 'hcp', 'ab2'].includes(lattice))
    throw new InputError('cli-lattice', `a supracrystal is sc, bcc, fcc, hcp or ab2, got "${lattice}"`);
  const repeat = triple(str(a, 'repeat') ?? '2x2x2', 3, 'repeat');
  const coa = num(a, 'c-over-a');
  let b: ClusterSpec | undefined;
  if (lattice === 'ab2') {
    const br = num(a, 'b-radius');
    if (br === undefined)
      throw new InputError(
        'cli-missing-option',
        'an AB2 lattice needs --b-radius (and --b-species, --b-charge)',
      );
    b = {
      species: str(a, 'b-species') ?? 'B',
      radius: br,
      shell: num(a, 'b-shell') ?? 0,
      charge: num(a, 'b-charge') ?? 0,
    };
  }
  return {
    asm: crystal(c, {
      lattice,
      repeat: repeat as [number, number, number],
      ...d,
      ...(coa !== undefined ? { cOverA: coa } : {}),
      ...(b ? { b } : {}),
    }),
    lattice,
    repeat,
  };
}

export const assembleCommand: Command = {
  name: 'assemble',
  summary: 'cluster assemblies: rings, wires, clusterphene and 2D lattices, supracrystals with counter-ions',
  usage: [
    'superatom assemble ring --angle 22.5 | --count N [--distance Å] <cluster> -o out.extxyz',
    'superatom assemble wire --count N [--helix-radius Å --per-turn m] <cluster> -o out.extxyz',
    'superatom assemble lattice --lattice honeycomb|square|hexagonal --repeat 4x4 [--periodic] <cluster> -o out.extxyz',
    'superatom assemble crystal --lattice sc|bcc|fcc|hcp|ab2 --repeat 3x3x3 <cluster> [--counterion TOA] -o out.extxyz',
    '  <cluster> = --species Au25 --radius 5 --shell 5 --charge -1   or   --cluster file.xyz [--axis x,y,z]',
    '  [--lammps dir] [--gromacs dir] [--model cg.json] [--json]',
  ].join('\n'),
  options: {
    output: {
      type: 'string',
      short: 'o',
      description: 'extended XYZ file to write (ASE/OVITO read it)',
      valueName: 'file',
    },
    species: { type: 'string', description: 'bead species name of the cluster (default Au25)' },
    formula: {
      type: 'string',
      description: 'formula of the cluster for its mass in the default model, e.g. "Au25(PET)18"',
    },
    mass: { type: 'number', description: 'mass of one cluster bead, Da (default from --formula)', min: 0 },
    radius: { type: 'number', description: 'core radius of a bead cluster, Å', valueName: 'Å', min: 0 },
    shell: { type: 'number', description: 'ligand shell thickness, Å (default 0)', valueName: 'Å', min: 0 },
    charge: { type: 'number', description: 'charge of one cluster, e (default 0)' },
    cluster: { type: 'string', description: 'structure file of one cluster: a rigid body of sites' },
    axis: {
      type: 'string',
      description: "the cluster's axis to align (default its main symmetry axis), x,y,z",
    },
    count: { type: 'integer', description: 'number of clusters (ring, wire)', min: 1 },
    angle: {
      type: 'number',
      description: 'ring linker angle, degrees: N = 360/angle must be whole',
      valueName: 'deg',
    },
    distance: {
      type: 'number',
      description: 'centre-to-centre distance of neighbours, Å (default 2(radius + shell))',
      valueName: 'Å',
    },
    'helix-radius': { type: 'number', description: 'helix radius of a wire, Å', valueName: 'Å', min: 0 },
    'per-turn': { type: 'number', description: 'number of clusters per helical turn (default 6)', min: 2 },
    lattice: {
      type: 'string',
      description: 'honeycomb|square|hexagonal (lattice) or sc|bcc|fcc|hcp|ab2 (crystal)',
    },
    repeat: { type: 'string', description: 'cells along each axis, e.g. 4x4 or 3x3x3' },
    periodic: { type: 'boolean', description: 'a periodic 2D lattice (box with vacuum along z)' },
    vacuum: { type: 'number', description: 'box height of a periodic 2D lattice, Å', valueName: 'Å', min: 0 },
    'c-over-a': {
      type: 'number',
      description: 'c/a of hcp (default √(8/3)) or ab2 (default 1), relative',
      min: 0,
    },
    'b-species': { type: 'string', description: 'species of the B cluster of ab2' },
    'b-radius': { type: 'number', description: 'radius of the B cluster of ab2, Å', min: 0 },
    'b-shell': { type: 'number', description: 'ligand shell of the B cluster, Å', min: 0 },
    'b-charge': { type: 'number', description: 'charge of the B cluster, e' },
    'b-formula': { type: 'string', description: 'formula of the B cluster (its mass)' },
    counterion: {
      type: 'string',
      description: 'counter-ion species that neutralises the assembly, e.g. TOA',
    },
    'counterion-charge': {
      type: 'number',
      description: 'charge of one counter-ion, e (default: opposite unit charge)',
    },
    'counterion-radius': {
      type: 'number',
      description: 'radius of a counter-ion bead, Å (default 5)',
      min: 0,
    },
    'counterion-distance': {
      type: 'number',
      description: 'distance of shell-placed counter-ions from their cluster, Å',
      min: 0,
    },
    'counterion-formula': {
      type: 'string',
      description: 'formula of the counter-ion (its mass; default its name, e.g. TOA)',
    },
    epsilon: { type: 'number', description: 'LJ well depth of the default model, eV (default 0.05)', min: 0 },
    model: {
      type: 'string',
      description: 'cg.json model for the LAMMPS/GROMACS export (default: one from the sizes)',
    },
    lammps: {
      type: 'string',
      description: 'write system.data, in.lammps and cg.json into this folder',
      valueName: 'dir',
    },
    gromacs: {
      type: 'string',
      description: 'write system.gro, topol.top and md.mdp into this folder',
      valueName: 'dir',
    },
    steps: {
      type: 'integer',
      description: 'steps in the exported LAMMPS/GROMACS inputs (default 10000)',
      min: 0,
    },
    json: { type: 'boolean', description: 'print the report as JSON' },
  },
  help: [
    'A cluster is a bead (--radius, --shell, --charge) or a rigid body of the sites of --cluster file.',
    'Neighbouring clusters touch at their ligand shells unless --distance is given: d = 2(radius + shell).',
    'Rings: --angle θ gives N = 360°/θ clusters (22.5° → 16); periodic cells are orthorhombic.',
    'Counter-ions fill the octahedral (then tetrahedral) holes of a crystal when their number per cell',
    'matches (fcc with one per cluster = rock salt), else sit on a shell around each cluster.',
    'Units: Å, e, Da, eV. The extended XYZ holds an element stand-in per bead (Au25 → Au) and the bead',
    'name in a `bead` column; `superatom md` reads it back.',
    '',
    'example:  superatom assemble ring --angle 22.5 --species Au25 --radius 5 --shell 5 -o ring.extxyz',
    'example:  superatom assemble crystal --lattice fcc --repeat 3x3x3 --radius 5 --shell 5 --charge -1 \\',
    '            --formula "Au25(PET)18" --counterion TOA --lammps run/ -o fcc.extxyz',
  ].join('\n'),
  run(args, io) {
    const kind = args.positionals[0];
    if (!kind || !(KINDS as readonly string[]).includes(kind))
      throw new InputError(
        'cli-missing-argument',
        `assemble needs one of ${KINDS.join(', ')}${kind ? `, got "${kind.slice(0, 20)}"` : ''}`,
      );
    if (args.positionals.length > 1)
      throw new InputError(
        'cli-extra-argument',
        `unexpected argument "${args.positionals[1]!.slice(0, 40)}"`,
      );
    const c = clusterSpec(args, io);
    let { asm, lattice, repeat } = build(kind, args, c);
    const ci = str(args, 'counterion');
    const totalCharge = asm.charges.reduce((x, y) => x + y, 0);
    const ciRadius = num(args, 'counterion-radius') ?? 5;
    if (ci) {
      const q = num(args, 'counterion-charge') ?? -Math.sign(totalCharge);
      const cd = num(args, 'counterion-distance');
      asm = addCounterions(
        asm,
        {
          species: ci,
          charge: q || 1,
          radius: ciRadius,
          clusterRadius: c.radius + (c.shell ?? 0),
          ...(cd !== undefined ? { distance: cd } : {}),
        },
        lattice,
        repeat,
      );
    }
    // a formula is checked even when no model is written (it only sets a bead mass there)
    for (const flag of ['formula', 'b-formula', 'counterion-formula']) {
      const f = str(args, flag);
      if (f !== undefined) formulaMass(f, `--${flag}`);
    }
    const files: string[] = [];
    const out = str(args, 'output');
    const elements: Record<string, string> = {};
    let model: CgModel | undefined;
    const needModel = str(args, 'lammps') !== undefined || str(args, 'gromacs') !== undefined;
    if (str(args, 'model')) {
      const text = readTextFile(str(args, 'model')!, io.cwd, '--model file');
      model = parseModel(text, str(args, 'model'));
    } else if (needModel) {
      const kinds: BeadKind[] = [];
      if (!c.sites) {
        const mass = num(args, 'mass');
        const formula = str(args, 'formula');
        kinds.push({
          species: c.species,
          outerRadius: c.radius + (c.shell ?? 0),
          charge: c.charge,
          ...(mass !== undefined ? { mass } : {}),
          ...(formula ? { formula } : {}),
          ...(num(args, 'epsilon') !== undefined ? { epsilon: num(args, 'epsilon')! } : {}),
        });
      }
      if (lattice === 'ab2') {
        const bf = str(args, 'b-formula');
        kinds.push({
          species: str(args, 'b-species') ?? 'B',
          outerRadius: (num(args, 'b-radius') ?? 0) + (num(args, 'b-shell') ?? 0),
          charge: num(args, 'b-charge') ?? 0,
          ...(bf ? { formula: bf } : {}),
        });
      }
      if (ci) {
        const cf = str(args, 'counterion-formula');
        kinds.push({
          species: ci,
          outerRadius: ciRadius,
          charge: asm.charges[asm.charges.length - 1]!,
          ...(cf ? { formula: cf } : {}),
        });
      }
      model = defaultModel(asm, kinds);
    }
    if (model) for (const sp of model.species) elements[sp.name] = sp.element;
    const title = `${asm.description}${asm.counterions ? ` + ${asm.counterions} ${ci}` : ''}`;
    const steps = num(args, 'steps') ?? 10000;
    if (out) {
      files.push(
        writeTextFile(out, writeBeadFrame(asm.system, undefined, elements, { kind, comment: title }), io.cwd),
      );
    }
    if (model && str(args, 'lammps')) {
      const dir = str(args, 'lammps')!;
      files.push(
        writeTextFile(`${dir}/system.data`, writeLammpsData(model, asm.system, title), io.cwd, '--lammps'),
      );
      files.push(
        writeTextFile(
          `${dir}/in.lammps`,
          writeLammpsInput(model, asm.system, { steps, thermoEvery: 100, dumpEvery: 1000 }),
          io.cwd,
          '--lammps',
        ),
      );
      files.push(
        writeTextFile(
          `${dir}/cg.json`,
          `${JSON.stringify(modelToObject(model), null, 2)}\n`,
          io.cwd,
          '--lammps',
        ),
      );
    }
    if (model && str(args, 'gromacs')) {
      const dir = str(args, 'gromacs')!;
      files.push(
        writeTextFile(`${dir}/system.gro`, writeGro(asm.system, elements, title), io.cwd, '--gromacs'),
      );
      files.push(writeTextFile(`${dir}/topol.top`, writeTop(model, asm.system, title), io.cwd, '--gromacs'));
      files.push(writeTextFile(`${dir}/md.mdp`, writeMdp(model, asm.system, steps), io.cwd, '--gromacs'));
    }
    const report: AssembleReport = {
      kind,
      description: title,
      clusters: asm.clusters,
      atoms: asm.system.types.length,
      counterions: asm.counterions,
      cell: asm.cell ? [...asm.cell] : null,
      spacingA: asm.spacing,
      charge: Math.round(asm.charges.reduce((x, y) => x + y, 0) * 1e9) / 1e9,
      species: countSpecies(asm.system),
      files,
    };
    io.record?.(report);
    if (args.options.json) {
      io.stdout(`${JSON.stringify(report, null, 2)}\n`);
      return 0;
    }
    if (!out && files.length === 0) {
      io.stdout(writeBeadFrame(asm.system, undefined, elements, { kind, comment: title }));
      return 0;
    }
    const lines = [
      `built        ${title}`,
      `clusters     ${asm.clusters}${asm.counterions ? `, counter-ions ${asm.counterions}` : ''}, beads/sites ${report.atoms}`,
      `spacing      ${asm.spacing.toFixed(3)} Å centre to centre`,
      `cell         ${asm.cell ? `${asm.cell.map((v) => v.toFixed(3)).join(' × ')} Å (periodic)` : 'none (finite)'}`,
      `charge       ${report.charge} e`,
      ...files.map((f) => `wrote        ${f}`),
    ];
    io.stdout(`${lines.join('\n')}\n`);
    return 0;
  },
};
