/**
 * Number tokens of the structure readers: strict decimal syntax, and linear-time rejection of a
 * long run of digits that then fails (the earlier pattern `\d+\.?\d*` backtracked quadratically:
 * a 60 000-digit token followed by `x` took 6.9 s; 300 000 digits would take minutes and hit the
 * test timeout).
 */
import { describe, expect, it } from 'vitest';
import { parseCifNumber } from './cif-syntax.js';
import { parseStrictNumber } from './common.js';

describe('number tokens', () => {
  it('read decimals, exponents and Fortran D exponents', () => {
    expect(parseStrictNumber('1.5')).toBe(1.5);
    expect(parseStrictNumber('-.25')).toBe(-0.25);
    expect(parseStrictNumber('3.')).toBe(3);
    expect(parseStrictNumber('1.0D-3')).toBe(0.001);
    expect(parseStrictNumber('1e')).toBeNaN();
    expect(parseStrictNumber('.')).toBeNaN();
    const cif = parseCifNumber('10.7156(4)');
    expect(cif.value).toBe(10.7156);
    expect(cif.su).toBeCloseTo(0.0004, 12);
  });

  it('refuse a 300 000-digit run that ends in a letter without backtracking', () => {
    const digits = '1'.repeat(300_000);
    expect(parseStrictNumber(`${digits}x`)).toBeNaN();
    expect(parseStrictNumber(`${digits}.5x`)).toBeNaN();
    expect(parseCifNumber(`${digits}x`).value).toBeNaN();
    expect(parseCifNumber(`${digits}(5`).value).toBeNaN();
  });
});
