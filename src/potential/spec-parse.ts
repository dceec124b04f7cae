/**
 * Parsing of potential specs (`kind[:arg]`), shared by {@link createPotential}
 * and the coverage checks. Kind names are looked up in a Map: a spec such as
 * `__proto__` or `constructor` is an unknown potential, not an Object property.
 */
import { excerpt, InputError } from '../core/errors.js';

export const POTENTIAL_SPEC_HELP =
  "lj, lj:Ar, morse:<ρ> (e.g. morse:6), gupta:<El> (Au Ag Cu Pd Pt Ni Al), gupta (optimize: the file's metals and their mixtures), gupta:aupd-avg|aupd-exp|aupd-dft|agau (published alloy sets), eam:<El> (Au Ag Cu Pd Pt Ni, Zhou 2004) or eam (the file's metals), sutton-chen:<El> (Au Ag Cu Pd Pt Ni) or sutton-chen:12-6|9-6|10-8";

export type PotentialKind = 'lj' | 'morse' | 'gupta' | 'sutton-chen' | 'eam';

export interface ParsedPotentialSpec {
  readonly kind: PotentialKind;
  /** The part after the colon, if any. */
  readonly arg?: string;
}

const KINDS: ReadonlyMap<string, PotentialKind> = new Map([
  ['lj', 'lj'],
  ['lennard-jones', 'lj'],
  ['morse', 'morse'],
  ['gupta', 'gupta'],
  ['rgl', 'gupta'],
  ['sutton-chen', 'sutton-chen'],
  ['sc', 'sutton-chen'],
  ['eam', 'eam'],
]);

export function parsePotentialSpec(spec: string): ParsedPotentialSpec {
  const text = spec.trim();
  const colon = text.indexOf(':');
  const head = (colon >= 0 ? text.slice(0, colon) : text).toLowerCase();
  const arg = colon >= 0 ? text.slice(colon + 1).trim() : undefined;
  const kind = KINDS.get(head);
  if (!kind) {
    throw new InputError('potential-unknown', `unknown potential "${excerpt(spec)}"`, {
      hint: `use one of ${POTENTIAL_SPEC_HELP}`,
    });
  }
  if (arg === '')
    throw new InputError('potential-spec', `"${excerpt(spec)}" has nothing after the colon`, {
      hint: POTENTIAL_SPEC_HELP,
    });
  return arg === undefined ? { kind } : { kind, arg };
}
