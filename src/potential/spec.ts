/**
 * Potential specs as written on the command line:
 *
 *   lj                 Lennard-Jones, reduced units (ε = σ = 1)
 *   lj:Ar              Lennard-Jones argon, eV and Å (Rahman 1964)
 *   morse:6            Morse with range ρ = 6, reduced units (ε = r0 = 1)
 *   gupta:Au           Gupta/RGL, Cleri–Rosato parameters, eV and Å
 *   gupta              Gupta for the elements of the given structure (mixed pairs averaged)
 *   sutton-chen:Ag     Sutton–Chen, Sutton & Chen 1990 parameters, eV and Å
 *   sutton-chen:12-6   reduced Sutton–Chen family of the Cambridge Cluster Database
 *   gupta:aupd-dft     Gupta with a published alloy set (Au–Pd: aupd-avg|exp|dft, Ag–Au: agau)
 *   eam:Au             embedded-atom model, Zhou, Johnson & Wadley 2004, eV and Å
 *   eam                EAM for the elements of the given structure (Johnson's mixing rule)
 *
 * Names from the command line are looked up as own properties or in Maps
 * (`lj:__proto__` is an unknown element, not Object.prototype).
 */
import { excerpt, InputError } from '../core/errors.js';
import { elementByZ } from '../data/index.js';
import { LENNARD_JONES_PARAMETERS } from '../data/potentials.js';
import { type CoverageOptions, checkPotentialCovers, symbolCase } from './coverage.js';
import { createEam } from './eam.js';
import { createGupta, createGuptaAlloy, isGuptaAlloySet } from './gupta.js';
import { createLennardJones } from './lennard-jones.js';
import { own } from './lookup.js';
import { createMorse } from './morse.js';
import { parsePotentialSpec } from './spec-parse.js';
import { createSuttonChenElement, createSuttonChenReduced } from './sutton-chen.js';
import type { Potential } from './types.js';

export { type ParsedPotentialSpec, POTENTIAL_SPEC_HELP, parsePotentialSpec } from './spec-parse.js';

/**
 * Build the potential of `spec`. With `numbers` (atomic numbers of a real
 * structure) the spec must describe every one of those atoms
 * ({@link checkPotentialCovers}: InputError naming the elements it has no
 * parameters for), and `gupta` without an element uses the structure's own
 * elements.
 */
export function createPotential(
  spec: string,
  numbers?: ArrayLike<number>,
  coverage: CoverageOptions = {},
): Potential {
  if (numbers) checkPotentialCovers(spec, numbers, coverage);
  const { kind, arg } = parsePotentialSpec(spec);
  switch (kind) {
    case 'lj': {
      if (arg === undefined) return createLennardJones();
      const sym = symbolCase(arg);
      const p = own(LENNARD_JONES_PARAMETERS, sym);
      if (!p) {
        throw new InputError('potential-element', `no Lennard-Jones parameters for "${excerpt(arg)}"`, {
          hint: `use lj (reduced units) or lj:${Object.keys(LENNARD_JONES_PARAMETERS).join('|')}`,
        });
      }
      return createLennardJones({ epsilon: p.epsilonEv, sigma: p.sigmaA, name: `lj:${sym}` });
    }
    case 'morse': {
      const rho = arg === undefined ? 6 : Number(arg);
      if (arg !== undefined && (!/^[0-9.eE+-]+$/.test(arg) || !Number.isFinite(rho))) {
        throw new InputError('potential-spec', `morse range "${excerpt(arg)}" is not a number`, {
          hint: 'write morse:6',
        });
      }
      return createMorse({ rho });
    }
    case 'gupta': {
      if (arg !== undefined && isGuptaAlloySet(arg)) {
        if (!numbers)
          throw new InputError('potential-spec', `gupta:${arg} is an alloy set: it needs a composition`, {
            hint: 'search with --composition (e.g. --composition Au3Pd3) or optimize a structure of those metals',
          });
        return createGuptaAlloy(arg, symbolsOf(numbers));
      }
      if (arg !== undefined) return createGupta(symbolCase(arg));
      if (!numbers) throw new InputError('potential-spec', 'gupta needs an element, e.g. gupta:Au');
      const symbols = symbolsOf(numbers);
      return new Set(symbols).size === 1 ? createGupta(symbols[0]!) : createGupta(symbols);
    }
    case 'eam': {
      if (arg !== undefined) return createEam(symbolCase(arg));
      if (!numbers) throw new InputError('potential-spec', 'eam needs an element, e.g. eam:Au');
      const symbols = symbolsOf(numbers);
      return new Set(symbols).size === 1 ? createEam(symbols[0]!) : createEam(symbols);
    }
    case 'sutton-chen': {
      if (arg === undefined)
        throw new InputError('potential-spec', 'sutton-chen needs an element or family, e.g. sutton-chen:Ag');
      if (/^\d+-\d+$/.test(arg)) return createSuttonChenReduced(arg);
      return createSuttonChenElement(symbolCase(arg));
    }
  }
}

function symbolsOf(numbers: ArrayLike<number>): string[] {
  return Array.from(numbers, (z) => {
    const el = elementByZ(z);
    if (!el) throw new InputError('unknown-element', `atomic number ${z} is not an element`);
    return el.symbol;
  });
}

/** The element a potential's atoms are written as in XYZ output (reduced LJ/Morse: Ar as a stand-in). */
export function outputElement(spec: string): string {
  const { kind, arg } = parsePotentialSpec(spec);
  if (
    (kind === 'gupta' || kind === 'sutton-chen' || kind === 'lj' || kind === 'eam') &&
    arg &&
    /^[A-Za-z]{1,2}$/.test(arg)
  ) {
    return symbolCase(arg);
  }
  if (kind === 'sutton-chen') return 'Ag';
  return 'Ar';
}
