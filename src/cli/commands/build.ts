/**
 * `superatom build <shape> --element Au --shells 2 [--bond 2.88] [-o out.xyz]`:
 * geometric clusters and polyhedra. Writes XYZ to stdout without -o; with -o
 * the format follows the file extension (xyz, extxyz, pdb, cif, gro).
 */
import { excerpt, InputError } from '../../core/errors.js';
import { createRng } from '../../core/rng.js';
import { elementByZ } from '../../data/index.js';
import { writeStructure } from '../../io/registry.js';
import { writeTextFile } from '../../node/files.js';
import {
  cuboctahedron,
  decahedron,
  fccTetrahedron,
  mackayIcosahedron,
  octahedron,
  polyhedronCluster,
  randomCompactCluster,
  truncatedOctahedron,
} from '../../structure/builders/clusters.js';
import { atomicNumberOf, defaultBondLength } from '../../structure/builders/distances.js';
import { POLYHEDRON_NAMES, polyhedronInfo } from '../../structure/builders/polyhedra.js';
import type { Structure } from '../../structure/structure.js';
import { type ParsedArgs, suggestionHint } from '../args.js';
import type { Command } from '../command.js';

const SHAPES = [
  'icosahedron',
  'cuboctahedron',
  'decahedron',
  'marks-decahedron',
  'octahedron',
  'truncated-octahedron',
  'tetrahedron',
  'random',
  'polyhedron',
] as const;

function int(args: ParsedArgs, name: string): number | undefined {
  return args.options[name] as number | undefined;
}

function need(value: number | undefined, name: string, shape: string, fallback?: number): number {
  if (value !== undefined) return value;
  if (fallback !== undefined) return fallback;
  throw new InputError('cli-missing-option', `${shape} needs --${name}`, {
    hint: `e.g. superatom build ${shape} --${name} 2`,
  });
}

export interface BuildSummary {
  readonly shape: string;
  readonly element: string;
  readonly atoms: number;
  readonly bondA: number;
  readonly bondSource: string;
  readonly description: string;
}

/** The shape options each shape reads; giving another one is an error rather than silently ignored. */
const SHAPE_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  icosahedron: ['shells'],
  cuboctahedron: ['shells'],
  decahedron: ['shells', 'p', 'q', 'r'],
  'marks-decahedron': ['shells', 'p', 'q', 'r'],
  octahedron: ['size', 'shells', 'cut'],
  'truncated-octahedron': ['size', 'shells', 'cut'],
  tetrahedron: ['size', 'shells'],
  random: ['atoms', 'seed'],
  polyhedron: ['name', 'centre'],
};
const SHAPE_OPTION_NAMES = ['shells', 'size', 'cut', 'p', 'q', 'r', 'atoms', 'seed', 'name', 'centre'];

function checkShapeOptions(args: ParsedArgs, shape: string): void {
  const allowed =
    (Object.hasOwn(SHAPE_OPTIONS, shape) ? SHAPE_OPTIONS[shape] : undefined) ??
    (polyhedronInfo(shape) ? ['centre'] : undefined);
  if (!allowed) return; // unknown shapes are reported by the caller
  for (const name of SHAPE_OPTION_NAMES) {
    // --seed has a default; only an explicit value would show up as different from it
    if (name === 'seed' && args.options.seed === 1) continue;
    const v = args.options[name];
    if (v === undefined || v === false || allowed.includes(name)) continue;
    throw new InputError('cli-option-shape', `--${name} does not apply to the shape "${shape}"`, {
      hint: allowed.length
        ? `${shape} takes ${allowed.map((o) => `--${o}`).join(', ')}`
        : `${shape} takes no size option (set the edge with --bond)`,
    });
  }
}

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
  checkShapeOptions(args, shape);
  const elementText = (args.options.element as string | undefined) ?? 'Au';
  const z = atomicNumberOf(elementText);
  const symbol = elementByZ(z)!.symbol;
  const bondOpt = args.options.bond as number | undefined;
  const nn = bondOpt !== undefined ? { distanceA: bondOpt, source: '--bond' } : defaultBondLength(symbol);
  const opts = { z, bond: nn.distanceA };
  const shells = int(args, 'shells');
  const size = int(args, 'size');
  let s: Structure;
  switch (shape) {
    case 'icosahedron':
      s = mackayIcosahedron(need(shells, 'shells', shape, 1), opts);
      break;
    case 'cuboctahedron':
      s = cuboctahedron(need(shells, 'shells', shape, 1), opts);
      break;
    case 'decahedron': {
      const n = shells ?? 1;
      s = decahedron(int(args, 'p') ?? n + 1, int(args, 'q') ?? n + 1, int(args, 'r') ?? 0, opts);
      break;
    }
    case 'marks-decahedron': {
      const n = shells ?? 2;
      s = decahedron(int(args, 'p') ?? n, int(args, 'q') ?? n, int(args, 'r') ?? 1, opts);
      break;
    }
    case 'octahedron':
      s = octahedron(size ?? 2 * need(shells, 'size', shape, 1) + 1, opts, int(args, 'cut') ?? 0);
      break;
    case 'truncated-octahedron':
      s =
        size !== undefined
          ? octahedron(size, opts, need(int(args, 'cut'), 'cut', shape))
          : truncatedOctahedron(need(shells, 'shells', shape, 1), opts);
      break;
    case 'tetrahedron':
      s = fccTetrahedron(size ?? (shells !== undefined ? shells + 1 : 4), opts);
      break;
    case 'random': {
      const seed = (args.options.seed as number | undefined) ?? 1;
      // the generator takes 32 bits of the seed (core/rng.ts): 2^32 + 1 would silently repeat seed 1
      if (Math.abs(seed) > 0xffffffff) {
        throw new InputError('cli-seed', `--seed must lie between -4294967295 and 4294967295, got ${seed}`, {
          hint: 'for example --seed 42',
        });
      }
      s = randomCompactCluster(need(int(args, 'atoms'), 'atoms', shape), opts, createRng(seed));
      break;
    }
    case 'polyhedron': {
      const name = args.options.name as string | undefined;
      if (!name || !polyhedronInfo(name)) {
        throw new InputError(
          'cli-polyhedron',
          name ? `unknown polyhedron "${excerpt(name)}"` : 'polyhedron needs --name',
          {
            hint: `names: ${POLYHEDRON_NAMES.join(', ')}`,
          },
        );
      }
      s = polyhedronCluster(name, opts, Boolean(args.options.centre));
      break;
    }
    default:
      if (polyhedronInfo(shape)) {
        s = polyhedronCluster(shape, opts, Boolean(args.options.centre));
        break;
      }
      throw new InputError('cli-shape', `unknown shape "${excerpt(shape)}"`, {
        hint: `${suggestionHint(shape, [...SHAPES, ...POLYHEDRON_NAMES])} shapes: ${SHAPES.join(', ')}; polyhedra: ${POLYHEDRON_NAMES.join(', ')}`.trim(),
      });
  }
  const description = s.title ?? shape;
  const summary: BuildSummary = {
    shape,
    element: symbol,
    atoms: s.numbers.length,
    bondA: nn.distanceA,
    bondSource: nn.source,
    description,
  };
  const title = `${description}; ${symbol}, nearest-neighbour ${nn.distanceA.toFixed(4)} Å (${nn.source})`;
  return { structure: { ...s, title }, summary };
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
