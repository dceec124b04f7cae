import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from './errors.js';
import { firstJsonError, parseJson } from './json.js';

describe('parseJson', () => {
  it('gives line and column of the first error', () => {
    try {
      parseJson('[{"name": "SNap",\n "formula": }]', 'ligands.json');
      throw new Error('should fail');
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).location).toMatchObject({ line: 2, column: 13 });
    }
  });
  it('agrees with JSON.parse on validity (fuzz)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string()), (s) => {
        let valid = true;
        try {
          JSON.parse(s);
        } catch {
          valid = false;
        }
        expect(firstJsonError(s) === null).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('error rendering', () => {
  it('an empty file says so', () => {
    expect(() => parseJson('  \n', 'ligands.json')).toThrow(/ligands.json is empty/);
  });
  it('binary input is shown without control characters and the caret still lines up', () => {
    try {
      parseJson('[1,\u0001\u0002x]', 'bin.json');
      throw new Error('should fail');
    } catch (e) {
      const text = (e as InputError).render();
      expect(text).not.toMatch(/[\u0000-\u0008]/);
      const lines = text.split('\n');
      expect(lines[2]!.indexOf('^')).toBe(lines[1]!.indexOf('·'));
    }
  });
});
