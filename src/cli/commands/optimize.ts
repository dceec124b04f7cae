/**
 * `superatom optimize <file>`: local minimisation (L-BFGS or FIRE) of every
 * frame of an XYZ file on an empirical potential. The potential must describe
 * every atom it moves (gupta:Au on a thiolate-protected cluster is refused);
 * `--elements Au` relaxes those atoms only and holds the rest fixed.
 */
import { excerpt, InputError } from '../../core/errors.js';
import { elementBySymbol } from '../../data/index.js';
import { writeXyz } from '../../io/xyz.js';
import { checkWritable, readStructureFile, writeTextFile } from '../../node/files.js';
import {
  createFire,
  createLbfgs,
  MAX_RELAX_ATOMS,
  MAX_RELAX_ATOMS_LINEAR,
  maxAtomForce,
  maxRelaxAtoms,
} from '../../optimize/local.js';
import { elementSymbols, symbolCase } from '../../potential/coverage.js';
import { createPotential, POTENTIAL_SPEC_HELP } from '../../potential/spec.js';
import { checkPositions } from '../../potential/validate.js';
import { createStructure } from '../../structure/structure.js';
import type { ParsedArgs } from '../args.js';
import type { CliIO, Command } from '../command.js';

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

/** "1-25, 31, 40-42": compact 1-based atom ranges for text output (at most `max` ranges shown). */
function ranges(atoms: readonly number[], max = 12): string {
  const parts: string[] = [];
  for (let k = 0; k < atoms.length; ) {
    let e = k;
    while (e + 1 < atoms.length && atoms[e + 1] === atoms[e]! + 1) e++;
    parts.push(e > k ? `${atoms[k]}-${atoms[e]}` : `${atoms[k]}`);
    k = e + 1;
  }
  return parts.length > max
    ? `${parts.slice(0, max).join(', ')}, … (${parts.length} ranges)`
    : parts.join(', ');
}

/** Parse --elements like analyze does: comma-separated symbols (case-insensitive). */
function parseElements(text: string): string[] {
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
function closest(x: ArrayLike<number>, a: readonly number[], b: readonly number[]): number {
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

export const optimizeCommand: Command = {
  name: 'optimize',
  summary: 'relax a structure (every frame of an XYZ file) on an empirical potential with L-BFGS or FIRE',
  usage:
    'superatom optimize <file.xyz> --potential lj|morse:6|gupta[:Au]|sutton-chen:Ag [--elements Au] [--method lbfgs|fire] [--fmax F] [--time-limit s] [-o out.xyz] [--json]',
  options: {
    potential: {
      type: 'string',
      valueName: 'spec',
      description: `the potential: ${POTENTIAL_SPEC_HELP}; gupta alone uses the file's elements`,
    },
    elements: {
      type: 'string',
      valueName: 'Au,Ag',
      description:
        'relax only the atoms of these elements (comma-separated symbols, as analyze --elements); the others are held fixed and contribute nothing to the energy',
    },
    'time-limit': {
      type: 'number',
      valueName: 's',
      description: 'stop relaxing after this many seconds (reported as not converged, exit 1)',
    },
    method: {
      type: 'string',
      valueName: 'lbfgs|fire',
      choices: ['lbfgs', 'fire'],
      default: 'lbfgs',
      description: 'local minimiser',
    },
    fmax: {
      type: 'number',
      valueName: 'F',
      description:
        'converged when every atomic force is below F (energy/length; default 1e-4 × bond energy / bond length)',
    },
    'max-iterations': {
      type: 'integer',
      valueName: 'M',
      default: 10000,
      description: 'iteration limit per frame',
    },
    output: {
      type: 'string',
      short: 'o',
      valueName: 'file.xyz',
      description: 'write the relaxed frames as XYZ',
    },
    json: { type: 'boolean', description: 'print the report as JSON' },
  },
  help: [
    'Coordinates are read as Å for potentials in eV/Å (gupta, sutton-chen:<El>, lj:Ar) and as',
    'reduced lengths (σ, r0, a) for lj, morse:<ρ> and sutton-chen:12-6|9-6|10-8.',
    'Atoms closer than a quarter of the nearest-neighbour distance are refused as overlapping.',
    '',
    'The potential must describe every atom it moves: gupta:Au, sutton-chen:Ag and lj:Ar have',
    'parameters for their element only, gupta for Au Ag Cu Pd Pt Ni Al and their mixtures; a file',
    'with other elements is refused (exit 2) naming them. Reduced potentials (lj, morse:<ρ>,',
    'sutton-chen:12-6 …) treat every atom alike: a file with several elements is refused unless',
    '--elements selects the atoms to treat as one kind. With --elements Au only the Au atoms move;',
    'the others are held fixed and contribute nothing (the potential cannot describe them), so the',
    'energies are of the moved atoms only.',
    '',
    `Size limits: ${MAX_RELAX_ATOMS} moved atoms for potentials that sum every pair (lj, morse, sutton-chen),`,
    `${MAX_RELAX_ATOMS_LINEAR} for gupta, which from 1000 atoms on switches its terms off smoothly beyond`,
    '7–8.4 Å (Au; where they have fallen below 1e-5) and finds pairs on a neighbour grid (O(N) per',
    'evaluation; energies within about 2e-6 of the full sum). Larger inputs are refused before any work.',
    'Input: XYZ (every frame), extXYZ, PDB or GRO; a periodic cell (CIF, GRO box, Lattice=) is refused —',
    'extract one cluster first with superatom convert crystal.cif --molecule -o cluster.xyz.',
    '',
    'Example:',
    '  superatom optimize au20.xyz --potential gupta:Au -o au20-relaxed.xyz',
    '  superatom optimize au25-sr18.xyz --potential gupta:Au --elements Au',
  ].join('\n'),
  run(args: ParsedArgs, io: CliIO) {
    const file = args.positionals[0];
    if (!file)
      throw new InputError('cli-missing', 'missing the structure file', {
        hint: 'superatom optimize file.xyz --potential gupta:Au',
      });
    if (args.positionals.length > 1)
      throw new InputError('cli-positional', `unexpected argument "${args.positionals[1]}"`);
    const spec = args.options.potential as string | undefined;
    if (!spec)
      throw new InputError('cli-missing', 'missing --potential', {
        hint: `use one of ${POTENTIAL_SPEC_HELP}`,
      });
    const method = (args.options.method as 'lbfgs' | 'fire' | undefined) ?? 'lbfgs';
    const elementsText = args.options.elements as string | undefined;
    const selected = elementsText === undefined ? undefined : parseElements(elementsText);
    const timeLimit = args.options['time-limit'] as number | undefined;
    if (timeLimit !== undefined && !(timeLimit > 0 && Number.isFinite(timeLimit)))
      throw new InputError(
        'optimize-time',
        `--time-limit must be a positive number of seconds, got ${timeLimit}`,
      );
    const out = args.options.output as string | undefined;
    // a bad -o fails now, not after the relaxation
    if (out) checkWritable(out, io.cwd);
    // any format the registry reads (XYZ frames, extXYZ, PDB, GRO, CIF); crystals are not clusters
    const frames = readStructureFile(file, io.cwd);
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
    const fmax = (args.options.fmax as number | undefined) ?? (1e-4 * pot.bondEnergy) / pot.nearestNeighbour;
    if (!(fmax > 0)) throw new InputError('optimize-fmax', `--fmax must be positive, got ${fmax}`);
    const maxIterations = (args.options['max-iterations'] as number | undefined) ?? 10000;
    const minimizer = method === 'fire' ? createFire() : createLbfgs();
    const t0 = performance.now();
    const shouldStop = timeLimit === undefined ? undefined : () => performance.now() - t0 >= 1000 * timeLimit;
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
    if (out) writeTextFile(out, writeXyz(relaxed), io.cwd);
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
    io.record?.(report, { structures: relaxed });
    if (args.options.json) {
      io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      const u = pot.energyUnit;
      const lines = [
        `potential  ${pot.name} (energies in ${u}, lengths in ${pot.lengthUnit}), ${method}, fmax ${fmax.toExponential(2)} ${u}/${pot.lengthUnit}`,
      ];
      if (selected) {
        const frozenEls = elementSymbols(frozenAtoms.map((i) => first.numbers[i]!));
        lines.push(
          `moved      ${movedAtoms.length} atoms (${selected.join(', ')}): ${ranges(movedAtoms.map((i) => i + 1))}`,
          frozenAtoms.length
            ? `frozen     ${frozenAtoms.length} atoms (${frozenEls.join(', ')}): ${ranges(frozenAtoms.map((i) => i + 1))}; held fixed, they contribute nothing (${pot.name} cannot describe them): energies are of the moved atoms only`
            : 'frozen     none (--elements selects every atom)',
        );
      }
      reports.forEach((r, k) => {
        lines.push(
          `${frames.length > 1 ? `frame ${k + 1}: ` : ''}energy ${r.initialEnergy.toFixed(6)} → ${r.energy.toFixed(6)} ${u}, max force ${r.maxForce.toExponential(2)}, ${r.iterations} iterations, ${r.evaluations} evaluations${r.converged ? '' : r.stopped ? `  (NOT converged: --time-limit ${timeLimit} s reached)` : '  (NOT converged)'}`,
        );
        if (r.closestFrozen) {
          lines.push(
            `  closest moved–frozen distance ${r.closestFrozen.before.toFixed(3)} → ${r.closestFrozen.after.toFixed(3)} ${pot.lengthUnit}${r.closestFrozen.after < 0.75 * r.closestFrozen.before ? '  (moved atoms came much closer to frozen ones: check the result)' : ''}`,
          );
        }
      });
      if (out) lines.push(`wrote ${excerpt(out, 120)}`);
      io.stdout(`${lines.join('\n')}\n`);
    }
    return reports.every((r) => r.converged) ? 0 : 1;
  },
};
