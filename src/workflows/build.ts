/**
 * Geometric clusters and polyhedra from the `superatom build` flags, shared by the CLI
 * (`build`, `calc --build`), the server and the page's builder form. Lengths in Å.
 */
import { excerpt, InputError } from '../core/errors.js';
import { createRng } from '../core/rng.js';
import { elementBySymbol, elementByZ } from '../data/index.js';
import {
  cuboctahedron,
  decahedron,
  fccTetrahedron,
  mackayIcosahedron,
  octahedron,
  polyhedronCluster,
  randomCompactCluster,
  truncatedOctahedron,
} from '../structure/builders/clusters.js';
import { atomicNumberOf, defaultBondLength } from '../structure/builders/distances.js';
import { POLYHEDRON_NAMES, polyhedronInfo } from '../structure/builders/polyhedra.js';
import type { Structure } from '../structure/structure.js';
import type { FlagValues } from './flags.js';

/** The shapes by name (besides every polyhedron name). */
export const SHAPES = [
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

function int(o: FlagValues, name: string): number | undefined {
  const v = o[name];
  return typeof v === 'number' ? v : undefined;
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
  /** With --dopant: the composition after doping, e.g. "Au12Pd1" (host first). */
  readonly composition?: string;
  /** With --dopant: each dopant and the index (0-based) of the atom it replaced. */
  readonly dopants?: readonly { readonly element: string; readonly site: string; readonly atom: number }[];
}

/** Sites a dopant can take (`--dopant Pd@centre`, `--dopant Pt@vertex`). */
export const DOPANT_SITES = ['centre', 'vertex'] as const;

/**
 * Replace atoms of a built cluster by dopants: `spec` is a comma-separated list of `El@site`,
 * site `centre` (the atom at the centroid: it must lie within 0.3 bond of it) or `vertex` (the
 * atom farthest from the centroid; several vertex dopants take successive vertices, ties by
 * index). Returns the doped structure and what was replaced.
 */
export function applyDopants(
  s: Structure,
  spec: string,
  bondA: number,
): { structure: Structure; dopants: { element: string; site: string; atom: number }[] } {
  const n = s.numbers.length;
  let cx = 0;
  let cy = 0;
  let cz = 0;
  for (let i = 0; i < n; i++) {
    cx += s.positions[3 * i]! / n;
    cy += s.positions[3 * i + 1]! / n;
    cz += s.positions[3 * i + 2]! / n;
  }
  const dist = (i: number) =>
    Math.hypot(s.positions[3 * i]! - cx, s.positions[3 * i + 1]! - cy, s.positions[3 * i + 2]! - cz);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => dist(b) - dist(a) || a - b);
  const numbers = Uint8Array.from(s.numbers);
  const taken = new Set<number>();
  const dopants: { element: string; site: string; atom: number }[] = [];
  let column = 1;
  for (const part of spec.split(',')) {
    const item = part.trim();
    const m = /^([A-Za-z]{1,2})@([a-z]+)$/.exec(item);
    const bad = (why: string, hint: string) =>
      new InputError('build-dopant', `--dopant "${excerpt(spec)}" (column ${column}): ${why}`, { hint });
    if (!m)
      throw bad(`"${excerpt(item)}" is not El@site`, 'write e.g. --dopant Pd@centre or --dopant Pt@vertex');
    const symbol = m[1]!.charAt(0).toUpperCase() + m[1]!.slice(1).toLowerCase();
    const el = elementBySymbol(symbol);
    if (!el) throw bad(`unknown element "${excerpt(m[1]!)}"`, 'use an element symbol, e.g. Pd');
    const site = m[2]!;
    let atom: number | undefined;
    if (site === 'centre' || site === 'center') {
      let best = 0;
      for (let i = 1; i < n; i++) if (dist(i) < dist(best)) best = i;
      if (dist(best) > 0.3 * bondA)
        throw bad(
          'the cluster has no atom at its centre',
          'choose a centred shape (icosahedron, decahedron) or add --centre to a polyhedron',
        );
      atom = best;
    } else if (site === 'vertex') {
      atom = order.find((i) => !taken.has(i));
    } else {
      throw bad(`unknown site "${excerpt(site)}"`, `sites: ${DOPANT_SITES.join(', ')}`);
    }
    if (atom === undefined || taken.has(atom))
      throw bad(
        `no free ${site} atom left`,
        'give each site once (centre) or fewer vertex dopants than atoms',
      );
    taken.add(atom);
    numbers[atom] = el.z;
    dopants.push({ element: el.symbol, site: site === 'center' ? 'centre' : site, atom });
    column += part.length + 1;
  }
  return { structure: { ...s, numbers }, dopants };
}

/** "Au12Pd1": element counts, the host (`first`) first, then in order of first appearance. */
function compositionOf(numbers: Uint8Array, first: number): string {
  const counts = new Map<number, number>([[first, 0]]);
  for (const z of numbers) counts.set(z, (counts.get(z) ?? 0) + 1);
  return [...counts]
    .filter(([, c]) => c > 0)
    .map(([z, c]) => `${elementByZ(z)!.symbol}${c}`)
    .join('');
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

function checkShapeOptions(o: FlagValues, shape: string): void {
  const allowed =
    (Object.hasOwn(SHAPE_OPTIONS, shape) ? SHAPE_OPTIONS[shape] : undefined) ??
    (polyhedronInfo(shape) ? ['centre'] : undefined);
  if (!allowed) return; // unknown shapes are reported by the caller
  for (const name of SHAPE_OPTION_NAMES) {
    // --seed has a default; only an explicit value would show up as different from it
    if (name === 'seed' && o.seed === 1) continue;
    const v = o[name];
    if (v === undefined || v === false || allowed.includes(name)) continue;
    throw new InputError('cli-option-shape', `--${name} does not apply to the shape "${shape}"`, {
      hint: allowed.length
        ? `${shape} takes ${allowed.map((o) => `--${o}`).join(', ')}`
        : `${shape} takes no size option (set the edge with --bond)`,
    });
  }
}

/**
 * Build the cluster `superatom build <shape>` builds, from its flags (`element`, `bond` Å,
 * `shells`, `size`, `cut`, `p`, `q`, `r`, `atoms`, `seed`, `name`, `centre`): the structure
 * (title: description, element, nearest-neighbour distance and its source) and the summary
 * `--json` prints.
 */
export function buildCluster(shape: string, o: FlagValues): { structure: Structure; summary: BuildSummary } {
  checkShapeOptions(o, shape);
  const elementText = (typeof o.element === 'string' ? o.element : undefined) ?? 'Au';
  const z = atomicNumberOf(elementText);
  const symbol = elementByZ(z)!.symbol;
  const bondOpt = int(o, 'bond');
  const nn = bondOpt !== undefined ? { distanceA: bondOpt, source: '--bond' } : defaultBondLength(symbol);
  const opts = { z, bond: nn.distanceA };
  const shells = int(o, 'shells');
  const size = int(o, 'size');
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
      s = decahedron(int(o, 'p') ?? n + 1, int(o, 'q') ?? n + 1, int(o, 'r') ?? 0, opts);
      break;
    }
    case 'marks-decahedron': {
      const n = shells ?? 2;
      s = decahedron(int(o, 'p') ?? n, int(o, 'q') ?? n, int(o, 'r') ?? 1, opts);
      break;
    }
    case 'octahedron':
      s = octahedron(size ?? 2 * need(shells, 'size', shape, 1) + 1, opts, int(o, 'cut') ?? 0);
      break;
    case 'truncated-octahedron':
      s =
        size !== undefined
          ? octahedron(size, opts, need(int(o, 'cut'), 'cut', shape))
          : truncatedOctahedron(need(shells, 'shells', shape, 1), opts);
      break;
    case 'tetrahedron':
      s = fccTetrahedron(size ?? (shells !== undefined ? shells + 1 : 4), opts);
      break;
    case 'random': {
      const seed = int(o, 'seed') ?? 1;
      // the generator takes 32 bits of the seed (core/rng.ts): 2^32 + 1 would silently repeat seed 1
      if (Math.abs(seed) > 0xffffffff) {
        throw new InputError('cli-seed', `--seed must lie between -4294967295 and 4294967295, got ${seed}`, {
          hint: 'for example --seed 42',
        });
      }
      s = randomCompactCluster(need(int(o, 'atoms'), 'atoms', shape), opts, createRng(seed));
      break;
    }
    case 'polyhedron': {
      const name = typeof o.name === 'string' ? o.name : undefined;
      if (!name || !polyhedronInfo(name)) {
        throw new InputError(
          'cli-polyhedron',
          name ? `unknown polyhedron "${excerpt(name)}"` : 'polyhedron needs --name',
          {
            hint: `names: ${POLYHEDRON_NAMES.join(', ')}`,
          },
        );
      }
      s = polyhedronCluster(name, opts, Boolean(o.centre));
      break;
    }
    default:
      if (polyhedronInfo(shape)) {
        s = polyhedronCluster(shape, opts, Boolean(o.centre));
        break;
      }
      throw new InputError('cli-shape', `unknown shape "${excerpt(shape)}"`, {
        hint: `shapes: ${SHAPES.join(', ')}; polyhedra: ${POLYHEDRON_NAMES.join(', ')}`,
      });
  }
  const description = s.title ?? shape;
  const dopantSpec = typeof o.dopant === 'string' ? o.dopant : undefined;
  const doped = dopantSpec !== undefined ? applyDopants(s, dopantSpec, nn.distanceA) : undefined;
  if (doped) s = doped.structure;
  const summary: BuildSummary = {
    shape,
    element: symbol,
    atoms: s.numbers.length,
    bondA: nn.distanceA,
    bondSource: nn.source,
    description,
    ...(doped ? { composition: compositionOf(s.numbers, z), dopants: doped.dopants } : {}),
  };
  const dopedNote = doped ? `; dopant ${doped.dopants.map((d) => `${d.element}@${d.site}`).join(', ')}` : '';
  const title = `${description}; ${symbol}, nearest-neighbour ${nn.distanceA.toFixed(4)} Å (${nn.source})${dopedNote}`;
  return { structure: { ...s, title }, summary };
}

/** Whether `shape` is one `buildCluster` knows (a shape name or a polyhedron name). */
export function isKnownShape(shape: string): boolean {
  return (SHAPES as readonly string[]).includes(shape) || polyhedronInfo(shape) !== undefined;
}
