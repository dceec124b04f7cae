/**
 * Which atoms a potential spec can describe. Every door that relaxes a real
 * structure (optimize, and anything else that passes a structure's atomic
 * numbers to {@link createPotential}) checks coverage first, so a gold
 * potential is never used on sulfur, carbon or hydrogen as if they were gold.
 *
 * - Element potentials (gupta:Au, sutton-chen:Ag, lj:Ar) describe their
 *   element only; `gupta` without an element describes the Cleri–Rosato
 *   metals and their mixtures (mixed pairs averaged).
 * - Reduced potentials (lj, morse:<ρ>, sutton-chen:12-6 …) describe one
 *   abstract atom type. A single-element structure is taken as that type; a
 *   structure with several elements is refused unless the caller says the
 *   atoms were chosen explicitly (optimize --elements): reduced LJ treats
 *   every atom alike, which is only meaningful when the user asked for it.
 */
import { InputError } from '../core/errors.js';
import { elementByZ } from '../data/index.js';
import {
  GUPTA_ALLOY_SETS,
  GUPTA_PARAMETERS,
  LENNARD_JONES_PARAMETERS,
  SUTTON_CHEN_PARAMETERS,
  ZHOU_EAM_PARAMETERS,
} from '../data/potentials.js';
import { own } from './lookup.js';
import { parsePotentialSpec } from './spec-parse.js';

export interface PotentialCoverage {
  /**
   * `elements`: parameter sets (eV, Å) for the listed elements only;
   * `reduced`: one abstract atom type in reduced units.
   */
  readonly kind: 'elements' | 'reduced';
  /** Element symbols described (empty for reduced potentials). */
  readonly elements: readonly string[];
  /** Whether mixtures of the listed elements are described (gupta without an element). */
  readonly mixtures: boolean;
}

/** Canonical element symbol ("au" → "Au"). */
export function symbolCase(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
}

/** What the potential of `spec` can describe (the spec is parsed, not built). */
export function potentialCoverage(spec: string): PotentialCoverage {
  const { kind, arg } = parsePotentialSpec(spec);
  const reduced: PotentialCoverage = { kind: 'reduced', elements: [], mixtures: false };
  const one = (sym: string): PotentialCoverage => ({ kind: 'elements', elements: [sym], mixtures: false });
  switch (kind) {
    case 'lj':
      return arg === undefined ? reduced : one(symbolCase(arg));
    case 'morse':
      return reduced;
    case 'gupta': {
      const set = arg === undefined ? undefined : own(GUPTA_ALLOY_SETS, arg.toLowerCase());
      if (set) return { kind: 'elements', elements: [...set.elements], mixtures: true };
      return arg === undefined
        ? { kind: 'elements', elements: Object.keys(GUPTA_PARAMETERS), mixtures: true }
        : one(symbolCase(arg));
    }
    case 'eam':
      return arg === undefined
        ? { kind: 'elements', elements: Object.keys(ZHOU_EAM_PARAMETERS), mixtures: true }
        : one(symbolCase(arg));
    case 'sutton-chen':
      return arg !== undefined && /^\d+-\d+$/.test(arg) ? reduced : one(symbolCase(arg ?? ''));
  }
}

/** Distinct element symbols of `numbers`, in order of first appearance. */
export function elementSymbols(numbers: ArrayLike<number>): string[] {
  const seen = new Set<number>();
  const out: string[] = [];
  for (let i = 0; i < numbers.length; i++) {
    const z = numbers[i]!;
    if (seen.has(z)) continue;
    seen.add(z);
    const el = elementByZ(z);
    if (!el) throw new InputError('unknown-element', `atomic number ${z} is not an element`);
    out.push(el.symbol);
  }
  return out;
}

/**
 * Potential specs of this program that describe every element of `symbols`
 * (with their mixtures), for hints: e.g. ["gupta:Au", "sutton-chen:Au"] for
 * Au, ["gupta"] for Au + Ag, [] for Au + S.
 */
export function potentialsCovering(symbols: readonly string[]): string[] {
  const set = [...new Set(symbols)];
  if (set.length === 0) return [];
  const out: string[] = [];
  const inGupta = set.every((s) => own(GUPTA_PARAMETERS, s) !== undefined);
  const inEam = set.every((s) => own(ZHOU_EAM_PARAMETERS, s) !== undefined);
  if (set.length === 1) {
    const s = set[0]!;
    if (inGupta) out.push(`gupta:${s}`);
    if (own(SUTTON_CHEN_PARAMETERS, s)) out.push(`sutton-chen:${s}`);
    if (inEam) out.push(`eam:${s}`);
    if (own(LENNARD_JONES_PARAMETERS, s)) out.push(`lj:${s}`);
  } else if (inGupta) {
    out.push('gupta');
  } else if (inEam) {
    out.push('eam');
  }
  return out;
}

/** Elements of `symbols` that a potential of this coverage has no parameters for. */
export function uncovered(coverage: PotentialCoverage, symbols: readonly string[]): string[] {
  if (coverage.kind === 'reduced') return [];
  return symbols.filter((s) => !coverage.elements.includes(s));
}

export interface CoverageOptions {
  /** The atoms were chosen explicitly by the user (optimize --elements): reduced potentials accept several elements. */
  readonly selected?: boolean;
  /** Name of the structure for messages (a file name). */
  readonly what?: string;
}

/**
 * Throw an InputError (exit 2) if the potential of `spec` cannot describe the
 * atoms `numbers`: it names the elements without parameters and the ways
 * forward (a potential that covers them, or --elements to relax a subset with
 * the rest held fixed).
 */
export function checkPotentialCovers(
  spec: string,
  numbers: ArrayLike<number>,
  options: CoverageOptions = {},
): void {
  const coverage = potentialCoverage(spec);
  const symbols = elementSymbols(numbers);
  const where = options.what ? `${options.what}: ` : '';
  const canonical = spec.trim();
  if (coverage.kind === 'reduced') {
    if (symbols.length <= 1 || options.selected) return;
    const covering = potentialsCovering(symbols);
    throw new InputError(
      'potential-coverage',
      `${where}${canonical} is a reduced-unit potential that treats every atom alike, and the structure has ${symbols.length} elements (${symbols.join(', ')})`,
      {
        hint: [
          covering.length ? `${covering.join(' or ')} describes ${symbols.join(' + ')}` : '',
          `to treat chosen atoms as one kind, select them with --elements ${symbols[0]} (the others are held fixed)`,
        ]
          .filter(Boolean)
          .join('; '),
      },
    );
  }
  const missing = uncovered(coverage, symbols);
  if (missing.length === 0) return;
  const have = symbols.filter((s) => !missing.includes(s));
  const covering = potentialsCovering(symbols);
  const hints: string[] = [];
  if (covering.length) hints.push(`${covering.join(' or ')} describes ${symbols.join(' + ')}`);
  else if (have.length) {
    const forHave = potentialsCovering(have);
    hints.push(
      `no potential here describes ${missing.join(', ')}; relax the ${have.join(', ')} atoms only with --elements ${have.join(',')} (the others are held fixed and contribute nothing)${forHave.length && !forHave.includes(canonical) ? `, e.g. with ${forHave[0]}` : ''}`,
    );
  } else {
    const options2 = missing
      .map((s) => potentialsCovering([s])[0])
      .filter((p): p is string => p !== undefined);
    hints.push(
      options2.length
        ? `potentials with parameters: ${options2.join(', ')}`
        : `no potential here has parameters for ${missing.join(', ')}; lj or morse:<ρ> in reduced units treat every atom as one abstract kind, if that is what you want`,
    );
  }
  const message = `${where}${canonical} has no parameters for ${missing.join(', ')} (the structure has ${symbols.join(', ')}; ${canonical} describes ${coverage.elements.join(', ') || 'none of them'})`;
  throw new InputError('potential-coverage', message, { hint: hints.join('; ') });
}
