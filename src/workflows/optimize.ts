/**
 * Local relaxation of every frame of a structure file on an empirical potential (L-BFGS or
 * FIRE), shared by `superatom optimize`, `superatom serve` and the page. The potential must
 * describe every atom it moves (gupta:Au on a thiolate-protected cluster is refused);
 * `elements: ['Au']` relaxes those atoms only and holds the rest fixed. Energies in the
 * potential's unit (eV or ε), lengths in Å or the reduced unit, forces in energy/length.
 */
import { excerpt, InputError } from '../core/errors.js';
import { elementBySymbol } from '../data/index.js';
import {
  createFire,
  createLbfgs,
  MAX_RELAX_ATOMS,
  MAX_RELAX_ATOMS_LINEAR,
  maxAtomForce,
  maxRelaxAtoms,
} from '../optimize/local.js';
import { elementSymbols, symbolCase } from '../potential/coverage.js';
import { createPotential, POTENTIAL_SPEC_HELP } from '../potential/spec.js';
import { checkPositions } from '../potential/validate.js';
import { createStructure, type Structure } from '../structure/structure.js';

export interface OptimizeFrameReport {
  readonly initialEnergy: number;
  readonly energy: number;
  readonly maxForce: number;
  readonly iterations: number;
  readonly evaluations: number;
  readonly converged: boolean;
  /** Present when --time-limit ended the relaxation early (not converged). */
  readonly stopped?: 'time-limit';
  /** With --elements: the closest moved–frozen distance before and after (length unit). */
  readonly closestFrozen?: { readonly before: number; readonly after: number };
}

export interface OptimizeReport {
  readonly potential: string;
  readonly energyUnit: string;
  readonly lengthUnit: string;
  readonly method: 'lbfgs' | 'fire';
  readonly fmax: number;
  readonly atoms: number;
  /**
   * With --elements: the selected elements; the energies are of the moved atoms only (the
   * frozen atoms do not move and contribute nothing: the potential cannot describe them).
   */
  readonly elements?: string[];
  /** With --elements: 1-based numbers of the atoms that moved. */
  readonly movedAtoms?: number[];
  /** With --elements: 1-based numbers of the atoms held fixed. */
  readonly frozenAtoms?: number[];
  /** What the energies cover: 'all atoms' or 'moved atoms only'. */
  readonly energyOf: 'all atoms' | 'moved atoms only';
  readonly frames: OptimizeFrameReport[];
}

/** An optimize request: the `superatom optimize` flags, camelCase. */
export interface OptimizeRequest {
  /** Potential spec, e.g. gupta:Au, lj, sutton-chen:Ag. */
  readonly potential?: string;
  /** Comma-separated element symbols to relax (the others held fixed), as `--elements`. */
  readonly elements?: string;
  readonly method?: 'lbfgs' | 'fire';
  /** Convergence: largest atomic force (energy/length; default 1e-4 × bond energy / bond length). */
  readonly fmax?: number;
  /** Iteration limit per frame (default 10000). */
  readonly maxIterations?: number;
  /** Stop relaxing after this many seconds (needs `now`). */
  readonly timeLimit?: number;
  /** A clock in milliseconds (e.g. performance.now), for timeLimit. */
  readonly now?: () => number;
  /** The input's name in messages (a file name). */
  readonly what?: string;
}

/** The report and the relaxed frames (titles carry energy, max force and method). */
export interface OptimizeResult {
  readonly report: OptimizeReport;
  readonly relaxed: Structure[];
}

/** Relax every frame; an InputError for anything the potential cannot take. */
export function optimizeStructures(frames: readonly Structure[], req: OptimizeRequest): OptimizeResult {
  const file = req.what ?? 'the structure';
  const spec = req.potential;
  if (!spec)
    throw new InputError('cli-missing', 'missing --potential', {
      hint: `use one of ${POTENTIAL_SPEC_HELP}`,
    });
  if (frames.length === 0) throw new InputError('optimize-empty', `${file} has no structure`);
  const method = req.method ?? 'lbfgs';
  if (method !== 'lbfgs' && method !== 'fire')
    throw new InputError('optimize-method', `unknown method "${String(method).slice(0, 40)}"`, {
      hint: 'use lbfgs or fire',
    });
  const selected = req.elements === undefined ? undefined : parseElements(req.elements);
  const timeLimit = req.timeLimit;
  if (timeLimit !== undefined && !(timeLimit > 0 && Number.isFinite(timeLimit)))
    throw new InputError(
      'optimize-time',
      `--time-limit must be a positive number of seconds, got ${timeLimit}`,
    );
  if (frames.some((f) => f.cell)) {
    throw new InputError(
      'optimize-periodic',
      `${file} describes a periodic cell; optimize relaxes isolated clusters`,
      {
        hint: `extract one cluster first: superatom convert ${file} --molecule -o cluster.xyz`,
      },
    );
  }
  const first = frames[0]!;
  // the atoms that move: all, or those of the --elements
  const selectedZ = new Set(selected?.map((sym) => elementBySymbol(sym)!.z));
  const moving = (numbers: ArrayLike<number>): number[] => {
    const idx: number[] = [];
    for (let i = 0; i < numbers.length; i++) if (!selected || selectedZ.has(numbers[i]!)) idx.push(i);
    return idx;
  };
  const moved0 = moving(first.numbers);
  if (selected && moved0.length === 0) {
    throw new InputError(
      'optimize-elements',
      `${file} has no ${selected.join(', ')} atoms (it has ${elementSymbols(first.numbers).join(', ')})`,
      { hint: 'choose elements that are in the file with --elements' },
    );
  }
  const subNumbers = (numbers: ArrayLike<number>, idx: readonly number[]) => idx.map((i) => numbers[i]!);
  const pot = createPotential(spec, subNumbers(first.numbers, moved0), {
    selected: selected !== undefined,
    what: file,
  });
  const limit = maxRelaxAtoms(pot);
  if (moved0.length > limit) {
    const n = moved0.length;
    const cost =
      limit === MAX_RELAX_ATOMS
        ? `${pot.name} sums all ${((n * (n - 1)) / 2).toExponential(1)} atom pairs per evaluation, thousands of evaluations`
        : `the neighbour lists and L-BFGS memory of ${n} atoms`;
    throw new InputError(
      'optimize-size',
      `${file}: ${n} atoms to relax is above the limit of ${limit} for ${pot.name} (${cost})`,
      {
        hint: `relax a part with --elements, or cut out a cluster of at most ${limit} atoms${limit === MAX_RELAX_ATOMS ? `; gupta:<El> relaxes up to ${MAX_RELAX_ATOMS_LINEAR} atoms (smooth cut-off, neighbour grid)` : ''}`,
      },
    );
  }
  const fmax = req.fmax ?? (1e-4 * pot.bondEnergy) / pot.nearestNeighbour;
  if (!(fmax > 0)) throw new InputError('optimize-fmax', `--fmax must be positive, got ${fmax}`);
  const maxIterations = req.maxIterations ?? 10000;
  const minimizer = method === 'fire' ? createFire() : createLbfgs();
  const now = req.now;
  const t0 = now?.() ?? 0;
  const shouldStop = timeLimit === undefined || !now ? undefined : () => now() - t0 >= 1000 * timeLimit;
  const reports: OptimizeFrameReport[] = [];
  let movedAtoms: number[] = moved0;
  let frozenAtoms: number[] = [];
  const relaxed = frames.map((s, k) => {
    const what = `${file}${frames.length > 1 ? ` frame ${k + 1}` : ''}`;
    if (s.numbers.length < 1) throw new InputError('optimize-empty', `${what} has no atoms`);
    const moved = moving(s.numbers);
    const sub = subNumbers(s.numbers, moved);
    if (k > 0) createPotential(spec, sub, { selected: selected !== undefined, what });
    if (pot.numbers && sub.join() !== pot.numbers.join()) {
      throw new InputError('optimize-elements', `${what} has other elements than frame 1`, {
        hint: 'optimize one composition per file',
      });
    }
    const frozen: number[] = [];
    for (let i = 0, m = 0; i < s.numbers.length; i++) {
      if (moved[m] === i) m++;
      else frozen.push(i);
    }
    if (k === 0) {
      movedAtoms = moved;
      frozenAtoms = frozen;
    }
    // every coordinate finite (O(N)); overlaps among the moved atoms (neighbour grid for large M)
    for (let c = 0; c < s.positions.length; c++) {
      if (!Number.isFinite(s.positions[c]!)) {
        throw new InputError(
          'positions-nan',
          `${what}: atom ${Math.floor(c / 3) + 1} has a non-finite coordinate (${s.positions[c]})`,
          { hint: 'check the coordinates for NaN or Infinity' },
        );
      }
    }
    const x = Float64Array.from(
      moved.flatMap((i) => [s.positions[3 * i]!, s.positions[3 * i + 1]!, s.positions[3 * i + 2]!]),
    );
    checkPositions(x, 0.25 * pot.nearestNeighbour, what, pot.lengthUnit);
    const f = new Float64Array(x.length);
    const initialEnergy = pot.evaluate(x, f);
    const r = minimizer.minimize(pot, x, { fmax, maxIterations, ...(shouldStop ? { shouldStop } : {}) });
    const energy = r.stopped ? pot.evaluate(x, f) : r.energy;
    pot.evaluate(x, f);
    const positions = Float64Array.from(s.positions);
    moved.forEach((i, m) => {
      positions[3 * i] = x[3 * m]!;
      positions[3 * i + 1] = x[3 * m + 1]!;
      positions[3 * i + 2] = x[3 * m + 2]!;
    });
    const contact =
      frozen.length > 0 && moved.length * frozen.length <= 5e7
        ? { before: closest(s.positions, moved, frozen), after: closest(positions, moved, frozen) }
        : undefined;
    reports.push({
      initialEnergy,
      energy,
      maxForce: maxAtomForce(f, f.length),
      iterations: r.iterations,
      evaluations: r.evaluations,
      converged: r.converged,
      ...(r.stopped ? { stopped: 'time-limit' as const } : {}),
      ...(contact ? { closestFrozen: contact } : {}),
    });
    const subset = frozen.length
      ? ` moved=${moved.length} frozen=${frozen.length} (energy of the moved atoms)`
      : '';
    return createStructure({
      numbers: s.numbers,
      positions,
      title: `${pot.name} energy=${energy.toFixed(8)} ${pot.energyUnit} maxForce=${maxAtomForce(f, f.length).toExponential(2)} ${method}${subset}`,
    });
  });
  const report: OptimizeReport = {
    potential: pot.name,
    energyUnit: pot.energyUnit,
    lengthUnit: pot.lengthUnit,
    method,
    fmax,
    atoms: frames[0]!.numbers.length,
    ...(selected
      ? {
          elements: selected,
          movedAtoms: movedAtoms.map((i) => i + 1),
          frozenAtoms: frozenAtoms.map((i) => i + 1),
        }
      : {}),
    energyOf: frozenAtoms.length ? 'moved atoms only' : 'all atoms',
    frames: reports,
  };
  return { report, relaxed };
}

/** Parse --elements like analyze does: comma-separated symbols (case-insensitive). */
export function parseElements(text: string): string[] {
  const list = text
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  if (list.length === 0) {
    throw new InputError('cli-elements', `--elements needs element symbols, got "${excerpt(text)}"`, {
      hint: 'e.g. --elements Au (the other atoms are held fixed)',
    });
  }
  return list.map((x) => {
    const el = /^[A-Za-z]{1,3}$/.test(x) ? elementBySymbol(symbolCase(x)) : undefined;
    if (!el) {
      throw new InputError('cli-elements', `unknown element "${excerpt(x)}" in --elements`, {
        hint: 'give element symbols separated by commas, e.g. --elements Au',
      });
    }
    return el.symbol;
  });
}

/** Closest distance between an atom of `a` and an atom of `b` (index lists into flat positions). */
export function closest(x: ArrayLike<number>, a: readonly number[], b: readonly number[]): number {
  let m = Infinity;
  for (const i of a) {
    for (const j of b) {
      const d = Math.hypot(
        x[3 * i]! - x[3 * j]!,
        x[3 * i + 1]! - x[3 * j + 1]!,
        x[3 * i + 2]! - x[3 * j + 2]!,
      );
      if (d < m) m = d;
    }
  }
  return m;
}
