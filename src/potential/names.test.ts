/**
 * Names from user input are never Object properties (issue 17 item 5): potential specs,
 * their element/family arguments, build shapes and polyhedron names built from
 * Object.prototype property names give a result or an InputError, never a TypeError.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { polyhedronInfo, polyhedronVertices } from '../structure/builders/polyhedra.js';
import { checkPotentialCovers, potentialCoverage } from './coverage.js';
import { createPotential, parsePotentialSpec } from './spec.js';

/** Every property name an object literal inherits, plus the usual prototype-pollution names. */
const PROTO_NAMES = [
  ...Object.getOwnPropertyNames(Object.prototype),
  '__proto__',
  'prototype',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
];

const KINDS = ['lj', 'lennard-jones', 'morse', 'gupta', 'rgl', 'sutton-chen', 'sc', ''];

/** Run `f`; return 'ok', 'input' (InputError), or rethrow anything else (a TypeError fails the test). */
function outcome(f: () => unknown): 'ok' | 'input' {
  try {
    f();
    return 'ok';
  } catch (e) {
    if (e instanceof InputError) return 'input';
    throw e;
  }
}

describe('potential specs are not object keys', () => {
  it('reproducers: __proto__ and friends are unknown, with the right message', () => {
    expect(() => createPotential('__proto__')).toThrow(/unknown potential "__proto__"/);
    expect(() => createPotential('constructor')).toThrow(/unknown potential/);
    expect(() => createPotential('toString')).toThrow(/unknown potential/);
    // was "Cannot read properties" style confusion: Object.prototype taken as a parameter set
    expect(() => createPotential('gupta:__proto__')).toThrow(/no Gupta parameters for "__proto__"/);
    // was silently accepted as reduced LJ (ε, σ undefined → 1)
    expect(() => createPotential('lj:__proto__')).toThrow(/no Lennard-Jones parameters for "__proto__"/);
    expect(() => createPotential('lj:constructor')).toThrow(InputError);
    expect(() => createPotential('sutton-chen:__proto__')).toThrow(/no Sutton–Chen parameters/);
    expect(() => createPotential('sutton-chen:toString')).toThrow(InputError);
  });

  it('property: kind × Object.prototype names × arbitrary strings → a potential or an InputError', () => {
    const arg = fc.oneof(fc.constantFrom(...PROTO_NAMES), fc.string({ maxLength: 12 }));
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), fc.option(arg, { nil: undefined }), (kind, a) => {
        const spec = a === undefined ? kind : `${kind}:${a}`;
        outcome(() => parsePotentialSpec(spec));
        outcome(() => createPotential(spec));
        outcome(() => potentialCoverage(spec));
        outcome(() => checkPotentialCovers(spec, [79, 16]));
        outcome(() => createPotential(spec, [79, 79]));
      }),
      { seed: 17, numRuns: 400 },
    );
  });

  it('property: arbitrary whole specs (incl. prototype names as the kind)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...PROTO_NAMES), fc.string({ maxLength: 24 })), (spec) => {
        outcome(() => createPotential(spec));
      }),
      { seed: 5, numRuns: 300 },
    );
  });
});

describe('polyhedron names are not object keys', () => {
  it('Object.prototype names are unknown polyhedra', () => {
    for (const name of PROTO_NAMES) {
      expect(polyhedronInfo(name)).toBeUndefined();
      expect(() => polyhedronVertices(name)).toThrow(RangeError);
    }
    expect(polyhedronInfo('icosahedron')?.vertices).toBe(12);
  });
});
