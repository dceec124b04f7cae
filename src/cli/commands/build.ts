/**
 * `superatom build <shape> --element Au --shells 2 [--bond 2.88] [-o out.xyz]`:
 * geometric clusters and polyhedra. Writes XYZ to stdout without -o; with -o
 * the format follows the file extension (xyz, extxyz, pdb, cif, gro).
 */
import { excerpt, InputError } from '../../core/errors.js';
import { writeStructure } from '../../io/registry.js';
import { writeTextFile } from '../../node/files.js';
import { POLYHEDRON_NAMES } from '../../structure/builders/polyhedra.js';
import type { Structure } from '../../structure/structure.js';
import { type BuildSummary, buildCluster, isKnownShape, SHAPES } from '../../workflows/build.js';
import { type ParsedArgs, suggestionHint } from '../args.js';
import type { Command } from '../command.js';

export type { BuildSummary } from '../../workflows/build.js';

/** Build the structure a `build` command line asks for. */
export function buildFromArgs(args: ParsedArgs): { structure: Structure; summary: BuildSummary } {
  const shape = args.positionals[0];
  if (!shape) {
    throw new InputError('cli-missing-argument', 'which shape? e.g. superatom build icosahedron --shells 2', {
      hint: `shapes: ${SHAPES.join(', ')}, or a polyhedron name (${POLYHEDRON_NAMES.slice(0, 6).join(', ')}, …)`,
    });
  }
  if (args.positionals.length > 1) {
    throw new InputError('cli-extra-argument', `unexpected argument "${args.positionals[1]}"`, {
      hint: 'give one shape; options start with --',
    });
  }
  if (!isKnownShape(shape)) {
    throw new InputError('cli-shape', `unknown shape "${excerpt(shape)}"`, {
      hint: `${suggestionHint(shape, [...SHAPES, ...POLYHEDRON_NAMES])} shapes: ${SHAPES.join(', ')}; polyhedra: ${POLYHEDRON_NAMES.join(', ')}`.trim(),
    });
  }
  return buildCluster(shape, args.options);
}

export const buildCommand: Command = {
  name: 'build',
  summary: 'build clusters (Mackay icosahedra, decahedra, fcc shapes, polyhedra, random) as XYZ/PDB/CIF',
  usage:
    'superatom build <shape> [--element Au] [--shells n | --size m | --atoms N] [--bond Å] [-o out.xyz] [--json]',
  options: {
    element: {
      type: 'string',
      description: 'element symbol of every atom',
      valueName: 'symbol',
      default: 'Au',
    },
    shells: {
      type: 'integer',
      description: 'complete shells around the centre (icosahedron, cuboctahedron, decahedron)',
    },
    size: {
      type: 'integer',
      description: 'atoms along an edge (octahedron, truncated-octahedron, tetrahedron)',
    },
    cut: { type: 'integer', description: 'layers cut at each vertex (truncated-octahedron with --size)' },
    p: { type: 'integer', description: 'decahedron: atoms on (100) facets perpendicular to the 5-fold axis' },
    q: { type: 'integer', description: 'decahedron: atoms on (100) facets parallel to the axis (1 = none)' },
    r: { type: 'integer', description: 'decahedron: depth of the Marks re-entrance (0 = Ino)' },
    atoms: { type: 'integer', description: 'number of atoms (random)' },
    seed: { type: 'integer', description: 'random seed (random)', default: 1 },
    name: { type: 'string', description: 'polyhedron name (polyhedron)', valueName: 'name' },
    centre: { type: 'boolean', description: 'add an atom at the centre of a polyhedron' },
    dopant: {
      type: 'string',
      description: 'replace atoms by dopants: El@centre or El@vertex, comma-separated (e.g. Pd@centre)',
      valueName: 'El@site',
    },
    bond: {
      type: 'number',
      description: 'nearest-neighbour distance, Å (default from the element)',
      valueName: 'Å',
    },
    output: {
      type: 'string',
      short: 'o',
      description: 'output file; format from its extension',
      valueName: 'file',
    },
    json: { type: 'boolean', description: 'print a JSON summary (with -o) or the structure summary' },
  },
  help: [
    'shapes:',
    '  icosahedron           Mackay icosahedron, --shells n: 1, 13, 55, 147, 309 … atoms',
    '  cuboctahedron         fcc cuboctahedron, --shells n: 13, 55, 147 …',
    '  decahedron            Ino decahedron, --shells n (p = q = n+1): 13, 55, 147 …; or --p --q --r',
    '  marks-decahedron      Marks decahedron, --shells n (p = q = n, r = 1): 75, 192 …; or --p --q --r',
    '  octahedron            fcc octahedron, --size m atoms per edge: 6, 19, 44, 85 …',
    '  truncated-octahedron  regular, --shells k: 38, 201, 586; or --size m --cut c',
    '  tetrahedron           fcc tetrahedron, --size m (default 4: the 20-atom Au20)',
    '  random                random compact cluster, --atoms N [--seed s]',
    '  polyhedron            atoms on the vertices of --name <polyhedron>, edge = --bond',
    `  <polyhedron name>     same as polyhedron --name: ${POLYHEDRON_NAMES.join(', ')}`,
    '',
    'The nearest-neighbour distance defaults to the bulk fcc value a/√2 for Au 2.884, Ag 2.889,',
    'Cu 2.556, Pt, Pd, Ni, Al, Rh, Ir, Pb (room-temperature lattice constants, Wyckoff 1963), and to',
    '2 × the covalent radius (Cordero 2008) for other elements. In Mackay icosahedra the distance',
    'between shells is the bond and the intra-shell distance 1.0515 × bond (the ASE convention).',
    '',
    'examples:',
    '  superatom build icosahedron --element Au --shells 2 -o au55.xyz',
    '  superatom build tetrahedron --element Au > au20.xyz',
    '  superatom build truncated-icosahedron --element C --bond 1.44 -o c60.pdb',
    '  superatom build icosahedron --element Au --shells 1 --dopant Pd@centre -o pd-au12.xyz',
    '',
    '--dopant El@centre replaces the atom at the centroid (the shape must have one), El@vertex the',
    "atom farthest from it (several: successive vertices); the bond length stays the host's.",
  ].join('\n'),
  run(args, io) {
    const { structure, summary } = buildFromArgs(args);
    const out = args.options.output as string | undefined;
    if (out) {
      writeTextFile(out, writeStructure(structure, out), io.cwd);
      if (args.options.json) io.stdout(`${JSON.stringify({ ...summary, output: out }, null, 2)}\n`);
      else
        io.stdout(
          `wrote ${out}: ${summary.description}, ${summary.element}, nearest-neighbour ${summary.bondA.toFixed(4)} Å (${summary.bondSource})\n`,
        );
      return 0;
    }
    if (args.options.json) {
      io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
      return 0;
    }
    io.stdout(writeStructure(structure, 'xyz'));
    return 0;
  },
};
