/**
 * The cluster formula language: a hand-written lexer/parser that reads formulas
 * the way cluster papers write them and returns a {@link Formula}, or throws an
 * {@link InputError} naming what is wrong, the column and a hint.
 *
 * Grammar (informal; whitespace between tokens is ignored):
 *   formula   := part ((SEP | ion-pair) part)*   SEP is · • ⋅ . or *  (Cp* is a ligand, read first)
 *   part      := [count | x | n] prefix* unit+ [charge]   leading count multiplies the part (·14H2O);
 *                                                 x/n: amount unknown (·xH2O), recorded, not counted
 *   ion-pair  := a charged part directly followed by another charged part ([TOA]+[Au25(SR)18]-)
 *   unit      := element [ox] [count] | isotope [count] | ligand [count] | group | '@' | descriptor
 *   group     := ( '(' | '[' | '{' ) prefix* unit+ [charge, top-level '[' only] (')' | ']' | '}') [count | charge]
 *   count     := digits | '(' digits ')'          Au(25)(SR)(18), as abstract databases print subscripts
 *   ox        := '(' I | II | … | VIII | 0 ')'     oxidation-state label right after a symbol: not counted
 *   isotope   := '[' massNumber Symbol ']' | superscript massNumber Symbol (¹³C) | 'D' | 'T'
 *   charge    := '^' (n? sign | sign n? | 0 | '{' … '}')   at the end of a part
 *              | sign+                            after a count or symbol: ±1 each (C2H3O2-)
 *              | superscript n sign | ⁰           Fe²⁺, Au25(SR)18⁰ (superscripts are never counts)
 *              | '(' (n? sign | sign n?) ')'      at the end of a part: (3-), (-3)
 *              | ']' (n? sign | sign n)           digits + sign after ] or } are a charge ([…]3-, […]−1)
 *   prefix    := closo- | nido- | arachno- | … | 1,2- | 2,3- | α- | η5- | Ih- (before Cn)   recorded, not counted
 *   descriptor:= n- i- s- t- c- o- m- p- sec- tert- iso- neo- cyclo- inside names (S-c-C6H11), recorded
 * Inside brackets a hyphen between two units is a bond or name hyphen (S-Adm, [Ge9–Ge9]).
 * Digits followed by a sign after ')' stay a count: Au25(SC8H9)18- is 18 ligands, charge −1.
 * Unicode minus (−), dashes, subscript digits and superscript signs are read as their ASCII forms.
 */
import { InputError } from '../core/errors.js';
import { elementBySymbol } from '../data/index.js';
import type { LigandEntry } from '../data/ligands.js';
import { addInto, chargeSuffix, compositionsEqual, type MutableComposition } from './composition.js';
import { buildLexicon, type EntryComposition, type LexEntry, type Lexicon } from './lexicon.js';
import { inferLigandRole } from './roles.js';
import type { Composition, Endohedral, Formula, FormulaPart, LigandUse } from './types.js';

/** Largest count one token may carry, and the largest total atom count of a formula. */
export const MAX_COUNT = 100_000;
export const MAX_ATOMS = 10_000_000;
/**
 * Deepest bracket nesting a formula may have. Real cluster formulas nest three or four levels
 * ([Na(18-crown-6)][Cu32H20{S2P(OiPr)2}12]); the cap keeps the recursive reader far from the
 * JavaScript stack limit (886 nested brackets used to exhaust it).
 */
export const MAX_DEPTH = 32;

export interface ParseOptions {
  /** Charge given separately (e.g. `--charge -3`); an error if the text says otherwise. */
  readonly charge?: number;
  /** Extra ligand abbreviations (validated entries; see validateLigandEntries). */
  readonly ligands?: readonly LigandEntry[];
}

// ---------------------------------------------------------------------------
// AST

interface AtomNode {
  readonly kind: 'atom';
  readonly key: string; // 'Au' or '13C'
  readonly symbol: string;
  readonly count: number;
  readonly col: number;
  readonly text: string;
}
interface AbbrNode {
  readonly kind: 'abbr';
  readonly entry: LigandEntry;
  readonly spelling: string;
  readonly count: number;
  readonly col: number;
  readonly text: string;
}
interface GroupNode {
  readonly kind: 'group';
  readonly open: string;
  readonly body: Seq;
  readonly count: number;
  /** Charge written directly after a ] or } (…]3-). */
  readonly charge: number | null;
  readonly col: number;
  /** Text between the brackets. */
  readonly inner: string;
  readonly text: string;
}
type Node = AtomNode | AbbrNode | GroupNode;
interface Seq {
  /** Units split by '@' (one segment when there is no @). */
  readonly segments: Node[][];
  readonly prefixes: string[];
  /** Descriptors inside the sequence (the c- of S-c-C6H11): recorded, not rendered. */
  readonly descriptors?: string[];
  /** A charge written just inside the closing "]" ([TOA+]). */
  readonly innerCharge?: number | null;
}
interface PartAst {
  readonly multiplier: number;
  /** A leading x or n (·xH2O): the amount is not given. */
  readonly unknownMultiplier?: string;
  /** Written right after a charged ion without a separator: the other ion of an ion pair. */
  readonly joined?: boolean;
  readonly seq: Seq;
  /** Charge written at the end of the part (^2-, trailing sign, (3-)). */
  readonly tailCharge: number | null;
  readonly text: string;
  readonly col: number;
}

const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const CLOSERS = new Set([')', ']', '}']);
const SEPARATORS = new Set(['·', '•', '⋅', '.', '*', '∙']);
const NAMED_PREFIXES =
  'closo|nido|arachno|hypho|klado|conjuncto|commo|cis|trans|fac|mer|cyclo|catena|iso|sec|tert';
/**
 * Point-group labels written before a cage as isomer descriptors (Sc3N@Ih-C80, D5h-C70,
 * C2v-C82). Cs and Ci are left out: they read as caesium and C + i.
 */
const POINT_GROUPS = 'Ih|Oh|Td|Th|D\\d+[hd]?|C\\d+[vh]';
const POINT_GROUP_RE = new RegExp(`^(?:${POINT_GROUPS})$`);
/** Isomer and descriptor prefixes: named ones, Greek letters, locants (1,2- 2,3- 1,12-), point groups. */
const PREFIX_RE = new RegExp(`^(${NAMED_PREFIXES}|[αβγδεη]\\d*|\\d+(?:,\\d+)+|\\d+[a-z]?|${POINT_GROUPS})-`);
/**
 * Descriptors inside a written-out ligand or counter-ion name: n-, i-, s-, t- (butyl and
 * propyl isomers), c- (cyclo), o-, m-, p- (ring positions), sec-, tert-, iso-, neo-, cyclo-:
 * S-c-C6H11, (n-Bu4N), SC6H4-p-Me. Recorded with the prefixes, not counted.
 */
const DESCRIPTOR_RE = /^(n|i|s|t|c|o|m|p|sec|tert|iso|neo|cyclo)-(?=[A-Z([{])/;

/**
 * Superscript digits are kept as they are: they never count atoms. After a formula they are a
 * charge (Fe²⁺, Au25(SR)18⁰, [B12H12]²⁻), before a symbol a mass number (¹³C).
 */
const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUP_CLASS = '[⁰¹²³⁴⁵⁶⁷⁸⁹]';
function isSup(ch: string): boolean {
  return ch !== '' && SUP.includes(ch);
}
/** ASCII digits for a run of superscript (or ASCII) digits. */
function plainDigits(text: string): string {
  return [...text].map((ch) => (SUP.includes(ch) ? String(SUP.indexOf(ch)) : ch)).join('');
}

/** Same-length normalisation so columns still point into the user's text. */
function normalise(text: string): string {
  const map: Record<string, string> = {
    '−': '-', // U+2212 minus
    '–': '-', // en dash
    '‐': '-', // U+2010 hyphen
    '‑': '-', // U+2011 non-breaking hyphen (S‑Adm pasted from a PDF)
    '‒': '-', // U+2012 figure dash
    '﹣': '-',
    '－': '-', // full-width hyphen-minus
    '＋': '+', // full-width plus
    '・': '·', // katakana middle dot
    '⁻': '-',
    '⁺': '+',
    '₊': '+',
    '₋': '-',
    '₀': '0',
    '₁': '1',
    '₂': '2',
    '₃': '3',
    '₄': '4',
    '₅': '5',
    '₆': '6',
    '₇': '7',
    '₈': '8',
    '₉': '9',
    '\t': ' ',
  };
  let out = '';
  for (const ch of text) {
    const r = map[ch];
    // keep one code unit per input code unit (astral characters are rejected later)
    out += r !== undefined && ch.length === 1 ? r : ch;
  }
  return out;
}

class Parser {
  private pos = 0;
  /** Bracket nesting depth (1 inside a top-level bracket). */
  private depth = 0;
  readonly notes: string[] = [];

  constructor(
    private readonly text: string,
    private readonly src: string,
    private readonly lexicon: Lexicon,
    /** An entry whose own formula is being read: it must not match itself (SR is S + R). */
    private readonly self: LigandEntry | null = null,
  ) {}

  // -- errors ---------------------------------------------------------------
  fail(code: string, message: string, col: number, hint?: string, length = 1): never {
    throw new InputError(code, message, {
      ...(hint ? { hint } : {}),
      location: { line: 1, column: col, length, source: this.src, inputName: 'formula' },
    });
  }

  private peek(offset = 0): string {
    return this.text[this.pos + offset] ?? '';
  }
  private skipWs(): void {
    while (this.peek() === ' ' || this.peek() === '\u00a0') this.pos++;
  }
  private atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  // -- top level ------------------------------------------------------------
  parseAll(): PartAst[] {
    const parts: PartAst[] = [];
    this.skipWs();
    if (this.atEnd())
      this.fail('formula-empty', 'the formula is empty', 1, 'write a formula such as Au25(SR)18-');
    parts.push(this.parsePart(true));
    for (;;) {
      this.skipWs();
      if (this.atEnd()) break;
      const c = this.peek();
      if (SEPARATORS.has(c)) {
        const col = this.pos + 1;
        this.pos++;
        this.skipWs();
        if (this.atEnd()) {
          this.fail(
            'formula-dangling-separator',
            `nothing follows the separator "${c}"`,
            col,
            'remove it or add the adduct, e.g. ·14H2O',
          );
        }
        parts.push(this.parsePart(false));
        continue;
      }
      if (CLOSERS.has(c))
        this.fail(
          'formula-unbalanced',
          `"${c}" closes a bracket that was never opened`,
          this.pos + 1,
          'remove it or add the matching opening bracket',
        );
      if (partCharged(parts[parts.length - 1]!) && this.ionPairAhead()) {
        // an ion pair written without a separator: both ions must carry their charge
        const col = this.pos + 1;
        const next = this.parsePart(false);
        if (!partCharged(next)) {
          this.fail(
            'formula-charge-not-last',
            `"${next.text}" follows a charge but carries no charge of its own`,
            col,
            'the charge must come last, e.g. [Au25(SR)18]-; for an ion pair give both ions their charge: [TOA]+[Au25(SR)18]-',
            Math.max(1, next.text.length),
          );
        }
        parts.push({ ...next, joined: true });
        continue;
      }
      this.fail(
        'formula-after-charge',
        `unexpected "${c}" after the charge`,
        this.pos + 1,
        'the charge must come last, e.g. [Au25(SR)18]- or Fe^2+',
      );
    }
    return parts;
  }

  private parsePart(first: boolean): PartAst {
    const start = this.pos;
    let multiplier = 1;
    let unknownMultiplier: string | undefined;
    const unknown = /^([xn])\s*(?=[A-Z([{])/.exec(this.text.slice(this.pos));
    if (unknown && !first && !this.matchLexeme()) {
      // ·xH2O, ·nH2O: an adduct whose amount is not given
      unknownMultiplier = unknown[1]!;
      this.pos += unknown[0].length;
      this.notes.push(
        `"${unknown[1]}" gives no amount for the adduct after it: the adduct is recorded but not counted in the composition`,
      );
    } else if (/\d/.test(this.peek()) && !PREFIX_RE.test(this.text.slice(this.pos)) && !this.matchLexeme()) {
      const col = this.pos + 1;
      multiplier = this.readCount();
      this.skipWs();
      if (this.atEnd() || SEPARATORS.has(this.peek()) || CLOSERS.has(this.peek())) {
        this.fail(
          'formula-dangling-multiplier',
          `the number ${multiplier} multiplies nothing`,
          col,
          'a leading number multiplies what follows it, e.g. 14H2O',
        );
      }
      if (first) this.notes.push(`leading ${multiplier} read as ${multiplier} formula units`);
    }
    const seq = this.parseSeq(null);
    let tailCharge: number | null = null;
    this.skipWs();
    const c = this.peek();
    const spaced = this.spacedChargeAhead();
    if (spaced) {
      // "Ag17(SR)12 3-": a charge written apart from the formula, as in many paper titles
      const col = this.pos + 1;
      const last = lastNode(seq);
      if (last?.kind === 'group' && last.charge !== null) {
        this.fail('formula-charge-twice', 'the charge is written twice', col, 'write the charge once');
      }
      tailCharge = (spaced[2] === '-' ? -1 : 1) * Number(spaced[1]);
      if (tailCharge === 0)
        this.fail('formula-bad-charge', 'a charge of 0 cannot carry a sign', col, 'write no charge');
      this.pos += spaced[0].length;
      this.notes.push(`"${spaced[1]}${spaced[2]}" written apart from the formula read as its charge`);
    } else if (c === '^' || c === '+' || c === '-' || isSup(c) || (c === '(' && this.chargeGroupAhead())) {
      const col = this.pos + 1;
      const last = lastNode(seq);
      if (last?.kind === 'group' && last.charge !== null) {
        this.fail(
          'formula-charge-twice',
          'the charge is written twice',
          col,
          'write the charge once, e.g. [Au25(SR)18]-',
        );
      }
      tailCharge = this.readCharge('part', last);
    }
    return {
      multiplier,
      ...(unknownMultiplier ? { unknownMultiplier } : {}),
      seq,
      tailCharge,
      text: this.src.slice(start, this.pos).trim(),
      col: start + 1,
    };
  }

  /** A charge written after a space at the very end of a part: "Ag17(SR)12 3-". */
  private spacedChargeAhead(): RegExpExecArray | null {
    const prev = this.text[this.pos - 1];
    if (prev !== ' ' && prev !== '\u00a0') return null;
    return /^(\d+)([+-])(?=\s*$|\s*[·•⋅∙])/.exec(this.text.slice(this.pos));
  }

  /** Is the text at pos a parenthesised charge such as (3-), (-3), (+)? */
  private chargeGroupAhead(): boolean {
    return /^\(\s*(\d*\s*[+-]|[+-]\s*\d*)\s*\)/.test(this.text.slice(this.pos));
  }

  /** Is the text at pos a charge followed by "]" ([TOA+], [Au25(SR)18−], [PW12O40^3-])? */
  private innerChargeAhead(): boolean {
    return new RegExp(`^(\\^\\s*(\\d*\\s*[+-]|[+-]\\s*\\d*)|${SUP_CLASS}*[+-]+${SUP_CLASS}*|⁰)\\s*\\]`).test(
      this.text.slice(this.pos),
    );
  }

  /**
   * Reads ^2-, ^-2, ^-, trailing signs, (3-); returns the signed charge. `mode` says what
   * must follow: the end of the part (or another charged ion of an ion pair), or the
   * closing "]" of the ion whose charge is written inside it.
   */
  private readCharge(mode: 'part' | 'bracket', last: Node | undefined): number {
    const col = this.pos + 1;
    const c = this.peek();
    let value: number;
    if (c === '^' && /^\^\s*0(?!\d)/.test(this.text.slice(this.pos))) {
      // ^0: written neutral
      this.pos += /^\^\s*0/.exec(this.text.slice(this.pos))![0].length;
      value = 0;
    } else if (c === '^') {
      this.pos++;
      // ^{3-} (LaTeX braces) reads like ^3-
      const braced = /^\{\s*(\d*\s*[+-]|[+-]\s*\d*)\s*\}/.exec(this.text.slice(this.pos));
      const m = braced
        ? /^(\d*)\s*([+-])|^([+-])\s*(\d*)/.exec(braced[1]!)
        : /^(\d*)([+-])|^([+-])(\d*)/.exec(this.text.slice(this.pos));
      if (!m)
        this.fail(
          'formula-bad-charge',
          'a caret must be followed by a charge such as ^2- or ^+',
          col,
          'write ^-, ^2+, ^3- …',
        );
      const mag = Number(m[1] || m[4] || '1');
      const sign = (m[2] ?? m[3]) === '-' ? -1 : 1;
      if (mag === 0)
        this.fail(
          'formula-bad-charge',
          'a charge of 0 cannot carry a sign',
          col + 1,
          'write no charge, or [...]0',
        );
      if (mag > 200)
        this.fail(
          'formula-bad-charge',
          `a charge of ${mag} is beyond any cluster ion`,
          col + 1,
          'check the charge',
        );
      value = sign * mag;
      this.pos += braced ? braced[0].length : m[0].length;
    } else if (isSup(c)) {
      // Fe²⁺, [B12H12]²⁻, Au25(SR)18⁰: superscript magnitude, then the sign
      const m = new RegExp(`^(${SUP_CLASS}+)([+-]?)`).exec(this.text.slice(this.pos))!;
      const mag = Number(plainDigits(m[1]!));
      if (!m[2] && mag !== 0) {
        this.fail(
          'formula-bad-charge',
          `the superscript ${m[1]} has no sign`,
          col,
          `write the sign after it: ${m[1]}⁺ or ${m[1]}⁻`,
        );
      }
      if (m[2] && mag === 0)
        this.fail('formula-bad-charge', 'a charge of 0 cannot carry a sign', col, 'write ⁰ or nothing');
      value = (m[2] === '-' ? -1 : 1) * mag;
      this.pos += m[0].length;
    } else if (c === '(') {
      const m = /^\(\s*(?:(\d*)\s*([+-])|([+-])\s*(\d*))\s*\)/.exec(this.text.slice(this.pos))!;
      const mag = Number(m[1] || m[4] || '1');
      if (mag === 0)
        this.fail('formula-bad-charge', 'a charge of 0 cannot carry a sign', col + 1, 'write no charge');
      if (mag > 200)
        this.fail(
          'formula-bad-charge',
          `a charge of ${mag} is beyond any cluster ion`,
          col + 1,
          'check the charge',
        );
      value = ((m[2] ?? m[3]) === '-' ? -1 : 1) * mag;
      this.pos += m[0].length;
    } else {
      // one or more bare signs: each is ±1 (C2H3O2-, SO4--)
      const sign = c;
      let n = 0;
      while (this.peek() === sign) {
        n++;
        this.pos++;
      }
      if (this.peek() === '+' || this.peek() === '-') {
        this.fail(
          'formula-bad-charge',
          'mixed + and - signs in a charge',
          this.pos + 1,
          'write one charge, e.g. 2- or ^2-',
        );
      }
      const supMag = new RegExp(`^${SUP_CLASS}+`).exec(this.text.slice(this.pos));
      if (supMag && n === 1) {
        // ⁻²: sign first, superscript magnitude after
        n = Number(plainDigits(supMag[0]));
        this.pos += supMag[0].length;
      }
      value = (sign === '-' ? -1 : 1) * n;
      if (!supMag && last && last.count > 1 && last.kind !== 'abbr') {
        const what =
          last.kind === 'group' ? `${last.count} × (${last.inner})` : `${last.count} ${last.symbol}`;
        this.notes.push(
          `"${last.text}${this.src.slice(col - 1, this.pos).trim()}" read as ${what} with charge ${value > 0 ? '+' : ''}${value}; for a charge of ${last.count}${sign} write ^${last.count}${sign} or [...]${last.count}${sign}`,
        );
      }
    }
    this.skipWs();
    if (/\d/.test(this.peek())) {
      this.fail(
        'formula-bad-charge',
        'digits after a sign are not read as a charge here',
        this.pos + 1,
        'write the magnitude first: [Fe(CN)6]4-, Fe^4- or (4-)',
      );
    }
    if (mode === 'part') this.expectEndOfPart(col);
    return value;
  }

  // -- sequences and units -------------------------------------------------
  private parseSeq(closer: string | null, openCol = 0): Seq {
    const segments: Node[][] = [[]];
    const prefixes: string[] = [];
    const descriptors: string[] = [];
    let innerCharge: number | null = null;
    this.readPrefixes(prefixes);
    for (;;) {
      this.skipWs();
      if (this.atEnd()) break;
      const c = this.peek();
      const col = this.pos + 1;
      if (closer !== null && c === closer) break;
      if (CLOSERS.has(c)) {
        if (closer === null) break; // parseAll reports it
        this.fail(
          'formula-mismatched-bracket',
          `"${c}" does not match the open bracket (expected "${closer}")`,
          col,
          `close with "${closer}"`,
        );
      }
      const lexeme = this.matchLexeme();
      if (lexeme) {
        this.pos += lexeme.spelling.length;
        const count = this.readOptionalCount();
        segments[segments.length - 1]!.push({
          kind: 'abbr',
          entry: lexeme.entry,
          spelling: lexeme.spelling,
          count,
          col,
          text: this.src.slice(col - 1, this.pos),
        });
        continue;
      }
      if (SEPARATORS.has(c)) {
        if (closer === null) break;
        this.fail(
          'formula-separator-in-group',
          `the separator "${c}" cannot stand inside brackets`,
          col,
          'write adducts at the top level, e.g. [Au25(SR)18]·Na',
        );
      }
      if (c === '@') {
        if (segments[segments.length - 1]!.length === 0) {
          this.fail(
            'formula-endohedral',
            '"@" needs an atom or group on its left',
            col,
            'write the inner atom first: W@Au12',
          );
        }
        this.pos++;
        this.skipWs();
        if (this.atEnd() || (closer !== null && this.peek() === closer)) {
          this.fail(
            'formula-endohedral',
            '"@" needs a cage on its right',
            col,
            'write the cage after @: W@Au12',
          );
        }
        segments.push([]);
        this.readPrefixes(descriptors); // Sc3N@Ih-C80: recorded, not rendered
        continue;
      }
      if (isSup(c)) {
        const iso = new RegExp(`^(${SUP_CLASS}+)([A-Z][a-z]?)`).exec(this.text.slice(this.pos));
        if (iso && /^\d+[A-Z][a-z]?$/.test(`${plainDigits(iso[1]!)}${iso[2]}`)) {
          const atom = this.superscriptIsotope(iso[1]!, iso[2]!);
          if (atom) {
            segments[segments.length - 1]!.push(atom);
            continue;
          }
        }
      }
      if (c === '^' || c === '+' || c === '-' || isSup(c)) {
        if (closer === null) break; // tail charge, handled by parsePart
        // the charge of a bracketed ion written just inside its bracket: [TOA+][Au25(SR)18−]
        if (closer === ']' && this.depth === 1 && this.innerChargeAhead()) {
          innerCharge = this.readCharge('bracket', segments[segments.length - 1]!.at(-1));
          break;
        }
        // a hyphen between two units inside brackets is a bond or a name hyphen, not a charge:
        // S-Adm, S-c-C6H11, SPh-tBu, [Ge9-Ge9]
        if (c === '-' && /^-\s*[A-Za-z([{≡]/.test(this.text.slice(this.pos))) {
          this.pos++;
          continue;
        }
        this.fail(
          'formula-charge-in-group',
          'a charge cannot stand inside brackets',
          col,
          'write it after the closing bracket: [Au25(SR)18]-',
        );
      }
      if (c === '=' && (/\s/.test(this.text[this.pos - 1] ?? '') || /\s/.test(this.peek(1)))) {
        this.fail(
          'formula-definition',
          'this looks like a definition ("R = …"), not part of the formula',
          col,
          'put the group into the formula instead, e.g. Au25(SC2H4Ph)18 for Au25(SR)18 with R = C2H4Ph',
        );
      }
      if (c === '≡' || c === '=') {
        this.pos++; // bond characters inside written-out ligands (C≡CPh) carry no atoms
        continue;
      }
      if (c in OPENERS) {
        if (closer === null && c === '(' && this.chargeGroupAhead()) break; // (3-) at the end
        const g = this.parseGroupOrIsotope();
        segments[segments.length - 1]!.push(g);
        // a charged ion ends its part; another ion may follow as an ion pair ([TOA]+[Au25(SR)18]-)
        if (closer === null && g.kind === 'group' && g.charge !== null) break;
        continue;
      }
      if (/[a-z]/.test(c)) {
        const rest = this.text.slice(this.pos);
        const d =
          DESCRIPTOR_RE.exec(rest) ?? /^([omp])(?=(?:Me|Et|OMe|CF3|tBu|iPr|F|Cl|Br|I)(?![a-z]))/.exec(rest);
        if (d) {
          // n-Bu, c-C6H11, p-C6H4, pMe inside a name: a descriptor, recorded and not counted
          descriptors.push(d[1]!);
          this.pos += d[0].length;
          continue;
        }
        const prevChar = this.text[this.pos - 1] ?? '';
        if (/^[nmxyz](?![a-z])/.test(rest) && /[A-Za-z0-9)\]}-]/.test(prevChar)) {
          this.fail(
            'formula-variable-count',
            `the count "${c}" is a letter, not a number`,
            col,
            'give the numbers, e.g. Au25(SR)18; variable compositions such as Aun(SR)m or [AgSR]n have no single formula',
          );
        }
      }
      if (/[A-Za-z]/.test(c)) {
        segments[segments.length - 1]!.push(this.parseElement());
        continue;
      }
      if (/\d/.test(c)) {
        if (closer === null && this.spacedChargeAhead()) break; // "… 3-" at the end: a charge
        this.fail(
          'formula-dangling-multiplier',
          'a number must follow an element, a ligand or a closing bracket',
          col,
          'remove it or put it after what it counts, e.g. (SR)18',
        );
      }
      const cp = this.text.codePointAt(this.pos) ?? 0;
      this.fail(
        'formula-unknown-character',
        `unexpected character "${String.fromCodePoint(cp)}"`,
        col,
        'formulas use element symbols, ligand abbreviations, counts, brackets, @, · and a charge',
      );
    }
    if (closer !== null && this.atEnd()) {
      const open = Object.keys(OPENERS).find((k) => OPENERS[k] === closer)!;
      this.fail(
        'formula-unbalanced',
        `the bracket "${open}" opened here is never closed`,
        openCol,
        `add "${closer}"`,
      );
    }
    if (segments.some((s) => s.length === 0)) {
      const col = this.pos + 1;
      if (segments.length === 1) {
        if (closer !== null)
          this.fail(
            'formula-empty-group',
            'empty brackets',
            col - 1,
            'remove the brackets or write their content',
            2,
          );
        this.fail(
          'formula-empty',
          this.atEnd()
            ? 'the formula has no atoms'
            : `expected an element, a ligand or a bracket, found "${this.peek()}"`,
          col,
          'write a formula such as Au25(SR)18-',
        );
      }
      this.fail(
        'formula-endohedral',
        '"@" needs an atom or group on each side',
        col,
        'write the inner atom first: W@Au12',
      );
    }
    return { segments, prefixes, descriptors, innerCharge };
  }

  private readPrefixes(out: string[]): void {
    for (;;) {
      this.skipWs();
      // a ligand spelled with a hyphen (p-MBA) is a ligand, not a prefix
      if (this.matchLexeme()) return;
      const rest = this.text.slice(this.pos);
      const m = PREFIX_RE.exec(rest) ?? DESCRIPTOR_RE.exec(rest);
      // a prefix must be followed by something that starts a unit (an upper-case symbol or a
      // bracket) or by another prefix (closo-1,2-C2B10H12)
      if (!m) return;
      const after = rest.slice(m[0].length);
      if (!/^\s*[A-Z([{]/.test(after) && !PREFIX_RE.test(after) && !DESCRIPTOR_RE.test(after)) return;
      // a point-group label only names a carbon cage (Ih-C80, D5h-C70): D2-… stays deuterium
      if (POINT_GROUP_RE.test(m[1]!) && !/^\s*C\d/.test(after)) return;
      out.push(m[1]!);
      this.pos += m[0].length;
    }
  }

  private matchLexeme(at = this.pos, depth = 0): LexEntry | null {
    const rest = this.text.slice(at, at + this.lexicon.maxSpelling);
    for (const l of this.lexicon.lexemes) {
      if (l.entry === this.self || !rest.startsWith(l.spelling)) continue;
      // do not cut an identifier in the middle (Mes is not Me + s), unless another
      // abbreviation starts right there (SPhtBu is S + Ph + tBu)
      const end = at + l.spelling.length;
      const next = this.text[end] ?? '';
      if (
        /[a-z]/.test(next) &&
        /[A-Za-z]$/.test(l.spelling) &&
        (depth > 3 || !this.matchLexeme(end, depth + 1))
      )
        continue;
      return l;
    }
    return null;
  }

  private parseElement(): AtomNode {
    const col = this.pos + 1;
    const c = this.peek();
    const two = c + this.peek(1);
    let symbol: string;
    if (/^[A-Z][a-z]$/.test(two) && elementBySymbol(two)) symbol = two;
    else if (/^[A-Z]$/.test(c) && (elementBySymbol(c) || c === 'D' || c === 'T')) symbol = c;
    else {
      const word = /^[A-Za-z*']+/.exec(this.text.slice(this.pos))![0];
      const bad = /^[A-Z][a-z]/.test(two) ? two : c;
      this.fail(
        'formula-unknown-symbol',
        `unknown element or ligand "${word.length <= 8 ? word : bad}"`,
        col,
        this.symbolHint(word),
        Math.min(word.length, 8),
      );
    }
    this.pos += symbol.length;
    // an oxidation state in Roman numerals right after the symbol, Mo(VI) or Au(I): a label,
    // not counted; "Cu(I)4" (followed by a plain count) stays four iodides
    const ox = /^\((0|I|II|III|IV|V|VI|VII|VIII)\)(?!\d)/.exec(this.text.slice(this.pos));
    if (ox) {
      this.pos += ox[0].length;
      this.notes.push(
        `"${symbol}(${ox[1]})" read as ${symbol} in oxidation state ${ox[1]} (a label, not counted)`,
      );
    }
    // a hyphenated count inside brackets, as some databases print subscripts: [Cu-32(H)(20)…]
    if (this.depth > 0 && /^-\d/.test(this.text.slice(this.pos)) && !ox) {
      this.pos++;
      this.notes.push(`"${symbol}-" followed by digits read as a count (subscripts printed after a hyphen)`);
    }
    const count = this.readOptionalCount();
    if (symbol === 'D' || symbol === 'T') {
      return {
        kind: 'atom',
        key: symbol === 'D' ? '2H' : '3H',
        symbol: 'H',
        count,
        col,
        text: this.src.slice(col - 1, this.pos),
      };
    }
    return { kind: 'atom', key: symbol, symbol, count, col, text: this.src.slice(col - 1, this.pos) };
  }

  private symbolHint(word: string): string {
    const first = word.slice(0, 2);
    const cap = first.charAt(0).toUpperCase() + first.slice(1).toLowerCase();
    const ideas: string[] = [];
    if (cap !== first && elementBySymbol(cap)) ideas.push(`${cap} (element)`);
    const up = first.toUpperCase();
    const lig = this.lexicon.entries.find((e) => e.name.toLowerCase() === word.toLowerCase());
    if (lig && lig.name !== word) ideas.push(`${lig.name} (${lig.description})`);
    else if (up !== first && up.length === 2 && elementBySymbol(up[0]!) && elementBySymbol(up[1]!)) {
      ideas.push(`${up[0]}${up[1]} (two elements)`);
    }
    const base = ideas.length ? `did you mean ${ideas.join(' or ')}? ` : '';
    return `${base}Element symbols start with a capital letter (Co is cobalt, CO carbon monoxide); ligand abbreviations are case-sensitive (see \`superatom formula --help\`), and new ones can be added with --ligands file.json`;
  }

  /** ¹³C, ²H: a superscript mass number before an element symbol (null if the symbol is unknown). */
  private superscriptIsotope(digits: string, symbol: string): AtomNode | null {
    const e = elementBySymbol(symbol);
    if (!e) return null;
    const col = this.pos + 1;
    const a = Number(plainDigits(digits));
    if (a < e.z || a > 3 * e.z + 40) {
      this.fail(
        'formula-bad-isotope',
        `no isotope ${a}${symbol} exists (mass number below Z or far too large)`,
        col,
        `check the mass number of ${symbol}`,
      );
    }
    this.pos += digits.length + symbol.length;
    const count = this.readOptionalCount();
    return {
      kind: 'atom',
      key: `${a}${symbol}`,
      symbol,
      count,
      col,
      text: this.src.slice(col - 1, this.pos),
    };
  }

  private parseGroupOrIsotope(): Node {
    const col = this.pos + 1;
    const open = this.peek();
    // isotope label [13C], [2H]
    if (open === '[') {
      const m = /^\[(\d+)([A-Z][a-z]?)\]/.exec(this.text.slice(this.pos));
      if (m) {
        const e = elementBySymbol(m[2]!);
        if (!e)
          this.fail(
            'formula-unknown-symbol',
            `unknown element "${m[2]}" in the isotope label`,
            col + 1 + m[1]!.length,
          );
        const a = Number(m[1]);
        if (a < e.z || a > 3 * e.z + 40) {
          this.fail(
            'formula-bad-isotope',
            `no isotope ${a}${m[2]} exists (mass number below Z or far too large)`,
            col + 1,
            `check the mass number of ${m[2]}`,
          );
        }
        this.pos += m[0].length;
        const count = this.readOptionalCount();
        return {
          kind: 'atom',
          key: `${a}${m[2]}`,
          symbol: m[2]!,
          count,
          col,
          text: this.src.slice(col - 1, this.pos),
        };
      }
    }
    const closer = OPENERS[open]!;
    if (this.depth >= MAX_DEPTH) {
      this.fail(
        'formula-too-deep',
        `brackets are nested more than ${MAX_DEPTH} deep here`,
        col,
        `real formulas nest a few levels; check for stray or unclosed brackets (limit ${MAX_DEPTH})`,
      );
    }
    this.pos++;
    const innerStart = this.pos;
    this.depth++;
    const body = this.parseSeq(closer, col);
    this.depth--;
    if (this.peek() !== closer) {
      this.fail(
        'formula-unbalanced',
        `the bracket "${open}" opened here is never closed`,
        col,
        `add "${closer}"`,
      );
    }
    const inner = this.src.slice(innerStart, this.pos).trim();
    this.pos++;
    let count = 1;
    let charge: number | null = null;
    if (body.innerCharge != null) {
      // [TOA+]: the charge was written inside; nothing may add another after the bracket
      charge = body.innerCharge;
      if (/^\s*(\^|\d*[+-])/.test(this.text.slice(this.pos))) {
        this.fail(
          'formula-charge-twice',
          'the charge is written twice (inside and after the bracket)',
          this.pos + 1,
          'write the charge once, e.g. [TOA]+ or [TOA+]',
        );
      }
      if (/\d/.test(this.peek())) {
        this.fail(
          'formula-charge-not-last',
          'a count cannot follow an ion whose charge is written inside its bracket',
          this.pos + 1,
          'write the count before the charge: [TOA]2 … or repeat the ion',
        );
      }
    } else if (closer === ']' || closer === '}') {
      // digits followed by a sign, or signs alone, directly after ] or } are this ion's charge
      const signs = /^([\d⁰¹²³⁴⁵⁶⁷⁸⁹]*)([+-]+)/.exec(this.text.slice(this.pos));
      // a sign then digits at the very end, [Au25(SR)18]−1, is the charge too
      const signFirst = /^([+-])(\d{1,3})(?![\d.])/.exec(this.text.slice(this.pos));
      let signFirstEnds = false;
      if (signFirst && Number(signFirst[2]) > 0) {
        const start = this.pos;
        this.pos += signFirst[0].length;
        signFirstEnds = this.afterIsEndOfPart(0) || this.ionPairAhead();
        this.pos = start;
      }
      if (signFirst && signFirstEnds) {
        charge = (signFirst[1] === '-' ? -1 : 1) * Number(signFirst[2]);
        this.pos += signFirst[0].length;
      } else if (signs) {
        const chargeCol = this.pos + 1;
        const marks = signs[2]!;
        if (![...marks].every((x) => x === marks[0])) {
          this.fail(
            'formula-bad-charge',
            'mixed + and - signs in a charge',
            chargeCol,
            'write one charge, e.g. 2-',
          );
        }
        if (signs[1] && marks.length > 1) {
          this.fail(
            'formula-bad-charge',
            'a charge is written with one sign after its magnitude',
            chargeCol,
            'write 3-, not 3--',
          );
        }
        const mag = signs[1] ? Number(plainDigits(signs[1])) : marks.length;
        if (mag === 0)
          this.fail(
            'formula-bad-charge',
            'a charge of 0 cannot carry a sign',
            chargeCol,
            'write [...]0 or nothing',
          );
        if (mag > 200)
          this.fail(
            'formula-bad-charge',
            `a charge of ${mag} is beyond any cluster ion`,
            chargeCol,
            'check the charge',
          );
        charge = (marks[0] === '-' ? -1 : 1) * mag;
        this.pos += signs[0].length;
        this.expectEndOfPart(chargeCol);
      } else if (/^[0⁰](?!\d)/.test(this.text.slice(this.pos)) && this.afterIsEndOfPart(1)) {
        charge = 0;
        this.pos += 1;
      } else {
        count = this.readOptionalCount();
      }
    } else {
      count = this.readOptionalCount();
    }
    return { kind: 'group', open, body, count, charge, col, inner, text: this.src.slice(col - 1, this.pos) };
  }

  /**
   * After a charge: the part must end here, unless another charged ion follows (an ion
   * pair written without a separator: [TOA]+[Au25(SR)18]-, TOA+ [Au25(SR)18]−).
   */
  private expectEndOfPart(chargeCol: number): void {
    if (!this.afterIsEndOfPart(0) && !this.ionPairAhead()) {
      const next = this.text.slice(this.pos).trimStart()[0];
      if (next && CLOSERS.has(next)) {
        this.fail(
          'formula-charge-in-group',
          'a charge cannot stand inside brackets',
          chargeCol,
          'write the charge of the whole ion after its last bracket',
        );
      }
      this.fail(
        'formula-charge-not-last',
        'the charge must come at the end of the formula (or of its part)',
        chargeCol,
        'move the charge to the end, e.g. [Au25(SR)18]-',
      );
    }
  }

  /** Does the text after a charge start another ion (an ion pair)? Its charge is checked later. */
  ionPairAhead(): boolean {
    const rest = this.text.slice(this.pos);
    const m = /^\s*(?:\d+\s*)?([A-Z[{(]|[a-z]+-)/.exec(rest);
    if (!m) return false;
    if (m[1] === '(') {
      const at = this.pos + m[0].length - 1;
      return !/^\(\s*(\d*\s*[+-]|[+-]\s*\d*)\s*\)/.test(this.text.slice(at));
    }
    return true;
  }

  private afterIsEndOfPart(offset: number): boolean {
    const rest = this.text.slice(this.pos + offset).trimStart();
    return rest === '' || SEPARATORS.has(rest[0]!);
  }

  private readOptionalCount(): number {
    if (/\d/.test(this.peek())) return this.readCount();
    // a count in parentheses, as abstract databases print subscripts: Au(25)(SR)(18)
    const m = /^\((\d+)\)/.exec(this.text.slice(this.pos));
    if (m) {
      this.pos++;
      const n = this.readCount();
      this.pos++;
      this.notes.push(`"(${m[1]})" read as a count (subscripts printed in parentheses)`);
      return n;
    }
    return 1;
  }

  private readCount(): number {
    const col = this.pos + 1;
    const m = /^\d+/.exec(this.text.slice(this.pos))!;
    this.pos += m[0].length;
    if (this.peek() === '.' && /\d/.test(this.peek(1))) {
      // "CuSO4.5H2O" is a hydrate (. as separator); "Fe0.95O" is a fractional count
      const after = /^\.(\d+)/.exec(this.text.slice(this.pos))!;
      if (m[0] === '0' || !/^\.\d+[A-Z([]/.test(this.text.slice(this.pos))) {
        this.fail(
          'formula-fractional-count',
          'fractional counts are not supported',
          col,
          'multiply the formula through to whole numbers (Fe0.95O → Fe19O20)',
          m[0].length + 1 + after[1]!.length,
        );
      }
      this.notes.push(
        `"${m[0]}.${after[1]}" read as a count and the adduct separator "." (as in CuSO4.5H2O)`,
      );
    }
    const n = Number(m[0]);
    if (n === 0)
      this.fail(
        'formula-zero-count',
        'a count of 0',
        col,
        'remove the atom or group instead of counting it 0',
      );
    if (n > MAX_COUNT) {
      this.fail(
        'formula-count-too-large',
        `the count ${m[0]} is over the limit of ${MAX_COUNT}`,
        col,
        'counts above 100000 in one token are almost certainly a typo',
        m[0].length,
      );
    }
    return n;
  }
}

/** Sum of the charges written on the top-level bracketed ions of a part (×their counts). */
function bracketCharges(seq: Seq): number {
  let z = 0;
  for (const seg of seq.segments)
    for (const n of seg) if (n.kind === 'group' && n.charge !== null) z += n.charge * n.count;
  return z;
}

/** Does a part carry a charge (at its end, or on its last bracketed ion)? */
function partCharged(p: PartAst): boolean {
  const last = lastNode(p.seq);
  return p.tailCharge !== null || (last?.kind === 'group' && last.charge !== null && last.charge !== 0);
}

/** Functional groups that replace one ring hydrogen when written out after Ph. */
const WRITTEN_SUBSTITUENT = /COOH|CO2H|SO3H|OCH3|CHO|NO2|NH2|CH3|CN|OH|SH/y;

/**
 * The longest run of plain atoms starting at `from` that spells whole ring substituents
 * (COOH, NO2, CH3 …): how many substituents, and where the run ends; null if none.
 */
function writtenSubstituents(nodes: readonly Node[], from: number): { groups: number; end: number } | null {
  let last = from;
  while (last < nodes.length && nodes[last]!.kind === 'atom' && !HALOGENS.has((nodes[last] as AtomNode).key))
    last++;
  for (let end = last; end > from; end--) {
    const text = nodes
      .slice(from, end)
      .map((n) => {
        const a = n as AtomNode;
        return `${a.key}${a.count === 1 ? '' : a.count}`;
      })
      .join('');
    let pos = 0;
    let groups = 0;
    for (;;) {
      WRITTEN_SUBSTITUENT.lastIndex = pos;
      const m = WRITTEN_SUBSTITUENT.exec(text);
      if (!m) break;
      pos += m[0].length;
      groups++;
    }
    if (pos === text.length && groups > 0) return { groups, end };
  }
  return null;
}

function lastNode(seq: Seq): Node | undefined {
  const seg = seq.segments[seq.segments.length - 1]!;
  return seg[seg.length - 1];
}

// ---------------------------------------------------------------------------
// Evaluation: AST → compositions, ligands, core

/** Elements that never make a group "metal-containing" (a group of only these is a ligand). */
const NON_METALS = new Set([
  'H',
  'He',
  'B',
  'C',
  'N',
  'O',
  'F',
  'Ne',
  'Si',
  'P',
  'S',
  'Cl',
  'Ar',
  'As',
  'Se',
  'Br',
  'Kr',
  'Te',
  'I',
  'Xe',
  'At',
  'Rn',
]);
const HALOGENS = new Set(['F', 'Cl', 'Br', 'I']);
/** Divalent atoms whose Ph carries the substituents written after it (SPhMe2); after P or N they sit on P or N. */
const RING_SUBSTITUTION_HOSTS = new Set(['S', 'Se', 'Te', 'O']);

interface EvalResult {
  composition: MutableComposition;
  generic: Set<string>;
}

/** Entries whose formulas are being read right now (to report definition cycles). */
const resolving = new Set<LigandEntry>();

class Evaluator {
  constructor(
    private readonly lexicon: Lexicon,
    private readonly parser: Parser,
    readonly notes: string[],
  ) {}

  /** Composition of a table entry, read lazily (entries may use other entries: SR uses R). */
  entry(entry: LigandEntry): EntryComposition {
    const known = this.lexicon.compositions.get(entry);
    if (known) return known;
    if (entry.formula === null) return { composition: {}, generic: [entry.name] };
    if (resolving.has(entry)) {
      throw new InputError('ligands-cycle', `ligand ${entry.name} is defined through itself`, {
        hint: 'write its formula with element symbols',
      });
    }
    resolving.add(entry);
    let c: EntryComposition;
    try {
      c = readEntryFormula(entry.formula, this.lexicon.base ?? this.lexicon, entry);
    } finally {
      resolving.delete(entry);
    }
    this.lexicon.compositions.set(entry, c);
    return c;
  }

  seq(seq: Seq): EvalResult {
    const out: EvalResult = { composition: {}, generic: new Set() };
    for (const seg of seq.segments) this.segment(seg, out);
    return out;
  }

  private segment(nodes: readonly Node[], out: EvalResult): void {
    let ringH = 0;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      const r = this.node(node);
      addInto(out.composition, r.composition);
      for (const g of r.generic) out.generic.add(g);
      // Substituted aryls: Ph followed by substituents replaces ring H (SPhMe2 = SC6H3(CH3)2)
      if (node.kind !== 'abbr' || node.spelling !== 'Ph' || node.count !== 1) continue;
      const prev = nodes[i - 1];
      const beforePrev = nodes[i - 2];
      // a para-substituted aryl thiolate written substituent first (MeOPhS, tBuPhS, FPhS): the S
      // closing the group sits on the ring too, so Ph between them is a C6H4 ring
      const next = nodes[i + 1];
      if (
        prev &&
        i + 2 === nodes.length &&
        next?.kind === 'atom' &&
        next.count === 1 &&
        RING_SUBSTITUTION_HOSTS.has(next.symbol)
      ) {
        ringH += 1;
        this.notes.push(
          `${nodes
            .slice(i - 1)
            .map((x) => x.text)
            .join('')}: Ph between a substituent and ${next.symbol} is a C6H4 ring`,
        );
        continue;
      }
      // a CH2 linker (benzyl: SCH2Ph-tBu) is saturated, so substituents after Ph sit on the ring too
      const benzyl =
        prev?.kind === 'atom' &&
        prev.key === 'H' &&
        prev.count === 2 &&
        beforePrev?.kind === 'atom' &&
        beforePrev.key === 'C' &&
        beforePrev.count === 1;
      if (
        prev &&
        !benzyl &&
        !(prev.kind === 'atom' && prev.count === 1 && RING_SUBSTITUTION_HOSTS.has(prev.symbol))
      )
        continue;
      let j = i + 1;
      let n = 0;
      while (j < nodes.length) {
        if (this.isRingSubstituent(nodes[j]!)) {
          n += nodes[j++]!.count;
          continue;
        }
        // a substituent written out in atoms: SPhCOOH, SPhNO2, SPhNH2, SPhCH3
        const run = writtenSubstituents(nodes, j);
        if (!run) break;
        n += run.groups;
        j = run.end;
      }
      if (n > 5) {
        this.parser.fail(
          'formula-aryl',
          `a phenyl ring has 5 hydrogens, but ${n} substituents follow Ph`,
          node.col,
          'write the aryl out, e.g. C6F5',
        );
      }
      if (n > 0) {
        ringH += n;
        const shown = nodes
          .slice(i, j)
          .map((x) => x.text)
          .join('');
        this.notes.push(
          `${shown}: the substituent${n > 1 ? 's' : ''} after Ph replace${n > 1 ? '' : 's'} ring hydrogen (C6H${5 - n} ring)`,
        );
      }
    }
    if (ringH) addInto(out.composition, { H: -ringH });
  }

  private isRingSubstituent(node: Node): boolean {
    if (node.kind === 'abbr') return node.entry.arylSubstituent === true && node.spelling !== 'Ph';
    if (node.kind === 'atom') return HALOGENS.has(node.key);
    return false;
  }

  node(node: Node): EvalResult {
    if (node.kind === 'atom') return { composition: { [node.key]: node.count }, generic: new Set() };
    if (node.kind === 'abbr') {
      const c = this.entry(node.entry);
      return { composition: addInto({}, c.composition, node.count), generic: new Set(c.generic) };
    }
    const inner = this.seq(node.body);
    return { composition: addInto({}, inner.composition, node.count), generic: inner.generic };
  }

  /** Does a node (or its contents) contain a metal atom? */
  hasMetal(node: Node): boolean {
    if (node.kind === 'atom') return !NON_METALS.has(node.symbol);
    if (node.kind === 'abbr') return false;
    return node.body.segments.some((s) => s.some((n) => this.hasMetal(n)));
  }

  /** The single abbreviation a group consists of, e.g. (PPh3) → PPh3. */
  soleAbbr(node: Node): AbbrNode | null {
    if (node.kind === 'abbr') return node;
    if (node.kind !== 'group' || node.body.segments.length !== 1 || node.body.segments[0]!.length !== 1)
      return null;
    const only = node.body.segments[0]![0]!;
    return only.kind === 'abbr' ? only : null;
  }

  /** A table entry with the same composition as a written-out group (CO, NO3, SC8H9 …), if any. */
  entryByComposition(c: Composition, accept: (e: LigandEntry) => boolean): LigandEntry | undefined {
    return this.lexicon.entries.find((e) => {
      if (!accept(e)) return false;
      const ec = this.entry(e);
      return ec.generic.length === 0 && compositionsEqual(ec.composition, c);
    });
  }

  /**
   * Total charge of a node standing beside a bracketed ion as a counter-ion
   * (K6 → +6, (TBA)3 → +3, (NO3)3 → −3); undefined when unknown.
   */
  counterionCharge(node: Node): number | undefined {
    if (node.kind === 'group' && node.charge !== null) return node.charge * node.count;
    const abbr = this.soleAbbr(node);
    if (abbr) return abbr.entry.charge * abbr.count * (node.kind === 'group' ? node.count : 1);
    if (node.kind === 'atom') {
      const e = elementBySymbol(node.symbol);
      if (node.symbol === 'H' || e?.group === 1) return node.count;
      if (e?.group === 2) return 2 * node.count;
      if (e?.group === 17) return -node.count;
      return undefined;
    }
    if (node.kind !== 'group') return undefined;
    // (NO3)3, (SbF6)2, (NBu4): a written-out counter-ion of the table
    const metal = this.hasMetal(node);
    const inner = this.seq(node.body);
    const e = this.entryByComposition(
      inner.composition,
      (x) => x.role === 'counterion' || (x.role === 'X' && !metal),
    );
    if (e) return e.charge * node.count;
    // [Na(18-crown-6)], [K(2.2.2-crypt)], [Li(THF)4]: one alkali or alkaline-earth cation
    // wrapped in neutral donors carries the cation's charge
    return this.cationComplexCharge(node);
  }

  /** Number of metal atoms in a node (elements outside NON_METALS). */
  metalAtoms(node: Node): number {
    let n = 0;
    for (const [k, v] of Object.entries(this.node(node).composition)) {
      if (!NON_METALS.has(k.replace(/^\d+/, ''))) n += v;
    }
    return n;
  }

  /**
   * How many leading units of an unbracketed salt are alkali-metal cations: K4Ge9,
   * Na4Ag44(pMBA)30, KAl13, Cs2B12H12. Only when the rest has at least two atoms and
   * an element other than H, alkali metals, chalcogens and halogens (so Li3O, Na14Cl13
   * and NaCl stay whole); 0 otherwise.
   */
  leadingAlkali(nodes: readonly Node[]): number {
    let k = 0;
    while (k < nodes.length) {
      const n = nodes[k]!;
      if (n.kind !== 'atom' || n.symbol === 'H' || elementBySymbol(n.symbol)?.group !== 1) break;
      k++;
    }
    if (k === 0 || k === nodes.length) return 0;
    const rest: MutableComposition = {};
    for (const n of nodes.slice(k)) addInto(rest, this.node(n).composition);
    let atoms = 0;
    let framework = false;
    for (const [key, v] of Object.entries(rest)) {
      atoms += v;
      const e = elementBySymbol(key.replace(/^\d+/, ''));
      if (e && e.symbol !== 'H' && e.group !== 1 && e.group !== 16 && e.group !== 17) framework = true;
    }
    return atoms >= 2 && framework ? k : 0;
  }

  /** An alkali or alkaline-earth cation wrapped in neutral donors: [Na(18-crown-6)], [K(crypt-222)]. */
  isCationComplex(node: Node): boolean {
    return node.kind === 'group' && node.charge === null && this.cationComplexCharge(node) !== undefined;
  }

  /** A named counter-ion or a cation complex (not a bare atom). */
  isSaltCation(node: Node): boolean {
    return this.isTableCounterion(node) || this.isCationComplex(node);
  }

  private cationComplexCharge(node: GroupNode): number | undefined {
    const units = node.body.segments.length === 1 ? node.body.segments[0]! : [];
    const atoms = units.filter((n) => n.kind === 'atom');
    const cation = atoms.length === 1 && atoms[0]!.count === 1 ? atoms[0]! : null;
    if (cation?.kind !== 'atom' || cation.symbol === 'H' || units.length < 2) return undefined;
    const group = elementBySymbol(cation.symbol)?.group;
    if (group !== 1 && group !== 2) return undefined;
    const neutralDonors = units.every((n) => {
      if (n === cation) return true;
      const a = this.soleAbbr(n);
      return a !== null && a.entry.role === 'L' && a.entry.charge === 0;
    });
    return neutralDonors ? group * node.count : undefined;
  }

  /** Is this node a counter-ion even without a bracketed ion beside it ((DODA)3PW12O40)? */
  isTableCounterion(node: Node): boolean {
    const abbr = this.soleAbbr(node);
    if (abbr) return abbr.entry.role === 'counterion';
    if (node.kind === 'group') {
      const inner = this.seq(node.body);
      return this.entryByComposition(inner.composition, (x) => x.role === 'counterion') !== undefined;
    }
    return false;
  }
}

/** Read an abbreviation's own formula (with the base lexicon, which has no element-only names). */
function readEntryFormula(
  formula: string,
  lexicon: Lexicon,
  self: LigandEntry | null = null,
): EntryComposition {
  const parser = new Parser(formula, formula, lexicon, self);
  const asts = parser.parseAll();
  const ev = new Evaluator(lexicon, parser, []);
  const out: MutableComposition = {};
  const generic = new Set<string>();
  for (const a of asts) {
    const r = ev.seq(a.seq);
    addInto(out, r.composition, a.multiplier);
    for (const g of r.generic) generic.add(g);
  }
  return { composition: out, generic: [...generic] };
}

// ---------------------------------------------------------------------------
// Public API

type LigandInfo = Omit<LigandUse, 'count'>;

function tableUse(entry: LigandEntry, name: string, text: string, ev: Evaluator): LigandInfo {
  const role = entry.role === 'substituent' ? 'X' : entry.role;
  const withdraws = role === 'X' ? entry.withdraws || 1 : 0;
  const why =
    role === 'X'
      ? `${entry.name} is an X-type ligand (${entry.description}): withdraws ${withdraws} electron${withdraws === 1 ? '' : 's'}`
      : role === 'L'
        ? `${entry.name} is an L-type neutral donor (${entry.description}): withdraws none`
        : role === 'hydride'
          ? `${entry.name} is a hydride: its role depends on the metal`
          : `${entry.name} is a counter-ion (${entry.description})`;
  const c = ev.entry(entry);
  return {
    name,
    text,
    role,
    electronsWithdrawn: withdraws,
    charge: role === 'X' ? -withdraws : entry.charge,
    composition: c.generic.length ? null : c.composition,
    roleSource: 'table',
    why,
  };
}

function nodeAtoms(ev: Evaluator, n: Node): number {
  return Object.values(ev.node(n).composition).reduce((a, b) => a + b, 0);
}

/** Atoms of a node that belong to the metal core (bare atoms and the insides of metal-containing groups). */
function coreOf(n: Node, ev: Evaluator): Composition {
  if (n.kind === 'atom') return { [n.key]: n.count };
  if (n.kind === 'abbr' || !ev.hasMetal(n)) return {};
  const out: MutableComposition = {};
  for (const seg of n.body.segments) for (const m of seg) addInto(out, coreOf(m, ev), n.count);
  return out;
}

/**
 * Ion pairs written without a separator ([TOA]+[Au25(SR)18]-, TOA+ [Au25(SR)18]−) become one
 * part whose units are the charged ions, so the salt logic picks the cluster ion.
 */
function mergeIonPairs(asts: readonly PartAst[]): PartAst[] {
  const out: PartAst[] = [];
  const ionNodes = (p: PartAst): Node[] => {
    const only = p.seq.segments.length === 1 && p.seq.prefixes.length === 0 ? p.seq.segments[0]! : null;
    // the charge sits on the bracketed ions: keep them, multiplied by the part's leading count
    if (p.tailCharge === null && only) return only.map((n) => ({ ...n, count: n.count * p.multiplier }));
    return [
      {
        kind: 'group',
        open: '[',
        body: p.seq,
        count: p.multiplier,
        charge: p.tailCharge,
        col: p.col,
        inner: p.text,
        text: p.text,
      },
    ];
  };
  for (const a of asts) {
    const prev = out[out.length - 1];
    if (!a.joined || !prev) {
      out.push(a);
      continue;
    }
    const nodes = [...ionNodes(prev), ...ionNodes(a)];
    out[out.length - 1] = {
      multiplier: 1,
      seq: { segments: [nodes], prefixes: [] },
      tailCharge: null,
      text: `${prev.text} ${a.text}`,
      col: prev.col,
    };
  }
  return out;
}

function collectPrefixes(seq: Seq, out: string[]): void {
  out.push(...seq.prefixes, ...(seq.descriptors ?? []));
  for (const seg of seq.segments) for (const n of seg) if (n.kind === 'group') collectPrefixes(n.body, out);
}

function anyGroupCharge(seq: Seq): boolean {
  return seq.segments.some((s) =>
    s.some((n) => n.kind === 'group' && (n.charge !== null || anyGroupCharge(n.body))),
  );
}

function renderSeq(seq: Seq, lex: Lexicon): string {
  return `${seq.prefixes.map((p) => `${p}-`).join('')}${seq.segments.map((s) => renderSegment(s, lex)).join('@')}`;
}

/**
 * Render the units of a segment; a unit is put in parentheses when, written next to its
 * neighbour, it would read back as another abbreviation (S + tBu is not StBu, TBA + tBu is
 * not TB + At + Bu), so the canonical text always reads back to the same formula.
 */
function renderSegment(nodes: readonly Node[], lex: Lexicon): string {
  const texts = nodes.map((n) => renderNode(n, lex));
  const out: string[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    const text = texts[i]!;
    const rest = texts.slice(i + 1).join('');
    const name = n.kind === 'abbr' ? n.entry.name : n.kind === 'atom' ? text.replace(/\d+$/, '') : null;
    if (name === null) {
      const prev = out.length ? out[out.length - 1]! : '';
      // K(I) would read back as potassium in oxidation state I
      const ox = /^\((0|I|II|III|IV|V|VI|VII|VIII)\)$/.test(text) && /[A-Za-z]$/.test(prev);
      out.push(ox ? `${text}1` : text);
      continue;
    }
    // substituents on a Ph ring stay bare (SPhMe2): parentheses would detach them from the ring
    const ringSubstituent =
      n.kind === 'abbr' &&
      n.entry.arylSubstituent === true &&
      nodes.slice(0, i).some((m) => m.kind === 'abbr' && m.spelling === 'Ph');
    const here = name + text.slice(name.length) + rest;
    const longer = lex.lexemes.some((l) => l.spelling.length > name.length && here.startsWith(l.spelling));
    const cut =
      n.kind === 'abbr' &&
      /^[a-z]/.test(rest) &&
      /[A-Za-z]$/.test(text) &&
      !lex.lexemes.some((l) => rest.startsWith(l.spelling));
    const count = text.slice(name.length);
    out.push((longer || cut) && !ringSubstituent ? `(${name})${count}` : text);
  }
  return out.join('');
}

function renderNode(n: Node, lex: Lexicon): string {
  if (n.kind === 'atom')
    return `${n.key === n.symbol ? n.symbol : `[${n.key}]`}${n.count === 1 ? '' : n.count}`;
  if (n.kind === 'abbr') return `${n.entry.name}${n.count === 1 ? '' : n.count}`;
  const tail =
    n.charge !== null
      ? n.charge === 0
        ? '0'
        : chargeSuffix(n.charge)
      : n.count === 1
        ? ''
        : String(n.count);
  return `${n.open}${renderSeq(n.body, lex)}${OPENERS[n.open]}${tail}`;
}

/** Canonical text: spaces removed, signs made ASCII, abbreviations by their table name, charge as […]n±. */
function canonicalText(asts: readonly PartAst[], lex: Lexicon): string {
  return asts
    .map((a) => {
      const body = renderSeq(a.seq, lex);
      const count = a.unknownMultiplier ?? (a.multiplier === 1 ? '' : String(a.multiplier));
      // 18 2-…, 18 c-…: a space keeps the count apart from a prefix that starts with a digit or letter
      const mult = count && /^[0-9a-z]/.test(body) ? `${count} ` : count;
      if (a.tailCharge === null) return `${mult}${body}`;
      const single =
        a.seq.segments.length === 1 &&
        a.seq.segments[0]!.length === 1 &&
        a.seq.segments[0]![0]!.kind === 'group';
      const wrapped = single && body.startsWith('[') ? body : `[${body}]`;
      return `${mult}${wrapped}${a.tailCharge === 0 ? '0' : chargeSuffix(a.tailCharge)}`;
    })
    .reduce((acc, t, i) => (i === 0 ? t : `${acc}${asts[i]!.joined ? ' ' : '·'}${t}`), '');
}

export class FormulaReader {
  readonly lexicon: Lexicon;

  constructor(extraLigands: readonly LigandEntry[] = []) {
    this.lexicon = buildLexicon(extraLigands, (formula, lex, self) => readEntryFormula(formula, lex, self));
  }

  parse(text: string, options: ParseOptions = {}): Formula {
    if (typeof text !== 'string') throw new InputError('formula-type', 'the formula must be text');
    if (text.length > 2000) {
      throw new InputError('formula-too-long', `the formula is ${text.length} characters long (limit 2000)`, {
        hint: 'check that the right text was passed',
      });
    }
    const parser = new Parser(normalise(text), text, this.lexicon);
    const written = parser.parseAll();
    const asts = mergeIonPairs(written);
    const notes = parser.notes;
    const ev = new Evaluator(this.lexicon, parser, notes);
    const whole = (loc: number) => ({ line: 1, column: loc, source: text, inputName: 'formula' });

    const parts: FormulaPart[] = [];
    const total: MutableComposition = {};
    const generic = new Set<string>();
    const unknownAmounts: string[] = [];
    const prefixes: string[] = [];
    let totalCharge = 0;
    let main: { seq: Seq; text: string; multiplier: number; charge: number } | null = null;
    const counterParts: FormulaPart[] = [];

    asts.forEach((ast, index) => {
      collectPrefixes(ast.seq, prefixes);
      const all = ev.seq(ast.seq);
      if (ast.unknownMultiplier) {
        // ·xH2O: recorded, but its atoms cannot be counted, so masses are unavailable
        if (ast.tailCharge !== null) {
          throw new InputError(
            'formula-unknown-amount',
            `"${ast.text}" has a charge but no amount, so the total charge is unknown`,
            {
              hint: `write the number instead of "${ast.unknownMultiplier}", e.g. ·2Na+`,
              location: { ...whole(ast.col), length: Math.max(1, ast.text.length) },
            },
          );
        }
        unknownAmounts.push(ast.text.replace(/\s+/g, ''));
        parts.push({
          kind: 'adduct',
          text: ast.text,
          multiplier: 1,
          amountUnknown: true,
          composition: all.generic.size ? null : all.composition,
          charge: 0,
        });
        return;
      }
      for (const g of all.generic) generic.add(g);
      addInto(total, all.composition, ast.multiplier);
      if (index > 0) {
        // after a separator: an adduct or solvate (·14H2O); a charged one (·TOA+, ·[TOA]+) is a
        // counter-ion
        const z = ast.tailCharge ?? bracketCharges(ast.seq);
        parts.push({
          kind: z !== 0 ? 'counterion' : 'adduct',
          text: ast.text,
          multiplier: ast.multiplier,
          composition: all.generic.size ? null : all.composition,
          charge: z,
        });
        totalCharge += z * ast.multiplier;
        return;
      }
      // The main part: split a salt into the cluster ion and its counter-ions.
      const nodes = ast.seq.segments.length === 1 ? ast.seq.segments[0]! : null;
      let ionNodes: Node[] | null = null;
      const counter: Node[] = [];
      if (nodes && nodes.length > 1) {
        const bracketed = (n: Node): n is GroupNode =>
          n.kind === 'group' && n.open !== '(' && !ev.isSaltCation(n);
        const ions = nodes.filter((n) => bracketed(n) && (n.charge !== null || ev.hasMetal(n)));
        const plain = nodes.filter(bracketed);
        const leading = ev.leadingAlkali(nodes);
        if (ions.length > 0) {
          // the cluster ion: the bracketed ion with the most metal atoms, then the most atoms
          const size = (n: Node) => [ev.metalAtoms(n), nodeAtoms(ev, n)] as const;
          const biggest = ions.reduce((a, b) => {
            const [ma, na] = size(a);
            const [mb, nb] = size(b);
            return mb > ma || (mb === ma && nb > na) ? b : a;
          });
          ionNodes = [biggest];
          counter.push(...nodes.filter((n) => n !== biggest));
        } else if (
          plain.length === 1 &&
          nodes.every((n) => n === plain[0] || ev.counterionCharge(n) !== undefined)
        ) {
          // Cs2[B12H12], [C7H7]Br: a bracketed ion beside ions of known charge
          ionNodes = [plain[0]!];
          counter.push(...nodes.filter((n) => n !== plain[0]));
        } else if (nodes.some((n) => ev.isSaltCation(n)) && nodes.some((n) => !ev.isSaltCation(n))) {
          // (DODA)3PW12O40, [K(18-crown-6)][Rb(18-crown-6)]2Ge9: named counter-ions and
          // cation complexes around an unbracketed ion
          ionNodes = nodes.filter((n) => !ev.isSaltCation(n));
          counter.push(...nodes.filter((n) => ev.isSaltCation(n)));
        } else if (leading > 0) {
          // K4Ge9, Na4Ag44(pMBA)30, KAl13: leading alkali atoms are the cations of a salt
          ionNodes = nodes.slice(leading);
          counter.push(...nodes.slice(0, leading));
        }
      }
      let counterCharge = 0;
      let counterKnown = true;
      for (const n of counter) {
        const z = ev.counterionCharge(n);
        const unitCount = n.count;
        const r = ev.node(n);
        counterParts.push({
          kind: 'counterion',
          text: n.text,
          multiplier: unitCount * ast.multiplier,
          composition: r.generic.size ? null : addInto({}, r.composition, 1 / unitCount),
          charge: z === undefined ? null : z / unitCount,
        });
        if (z === undefined) counterKnown = false;
        else counterCharge += z;
      }
      const ionGroup =
        ionNodes?.length === 1 && ionNodes[0]!.kind === 'group' ? (ionNodes[0] as GroupNode) : null;
      const soleGroup =
        !ionNodes && nodes?.length === 1 && nodes[0]!.kind === 'group' && nodes[0]!.count === 1
          ? (nodes[0] as GroupNode)
          : null;
      const writtenIonCharge = (ionGroup ?? soleGroup)?.charge ?? null;
      let ionCharge: number;
      let partCharge: number;
      if (writtenIonCharge !== null) {
        ionCharge = writtenIonCharge;
        partCharge = writtenIonCharge + counterCharge;
      } else if (ast.tailCharge !== null) {
        partCharge = ast.tailCharge;
        ionCharge = ast.tailCharge - counterCharge;
      } else {
        partCharge = 0;
        ionCharge = -counterCharge;
        if (counter.length && counterCharge !== 0) {
          notes.push(
            `the cluster ion's charge (${ionCharge > 0 ? '+' : ''}${ionCharge}) is inferred from its counter-ions, taking the salt as neutral`,
          );
        }
      }
      if (!counterKnown) notes.push('a counter-ion of unknown charge is taken as carrying none');
      totalCharge += partCharge * ast.multiplier;
      const ionSeq: Seq = ionGroup
        ? ionGroup.body
        : ionNodes
          ? { segments: [ionNodes], prefixes: [] }
          : soleGroup
            ? soleGroup.body
            : ast.seq;
      main = {
        seq: ionSeq,
        text: ionNodes ? ionNodes.map((n) => n.text).join('') : ast.text,
        multiplier: ast.multiplier * (ionGroup?.count ?? 1),
        charge: ionCharge,
      };
    });

    const chargeWritten = asts.some((a) => a.tailCharge !== null || anyGroupCharge(a.seq));
    if (options.charge !== undefined) {
      if (!Number.isInteger(options.charge) || Math.abs(options.charge) > 200) {
        throw new InputError(
          'formula-charge-option',
          Number.isInteger(options.charge)
            ? `the charge option must lie between −200 and 200 e, got ${options.charge}`
            : `the charge option must be a whole number (−200 to 200), got ${options.charge}`,
          {
            hint: 'for example --charge -3',
          },
        );
      }
      if (chargeWritten && options.charge !== totalCharge) {
        throw new InputError(
          'formula-charge-twice',
          `the formula says charge ${totalCharge} but the charge option says ${options.charge}`,
          {
            hint: 'give the charge once: in the formula or as an option',
            location: whole(1),
          },
        );
      }
      if (!chargeWritten && main) {
        const m = main as { charge: number };
        m.charge += options.charge - totalCharge;
        totalCharge = options.charge;
      }
    }

    // Core, ligands and endohedral relations of the main ion.
    const ion = main as unknown as { seq: Seq; text: string; multiplier: number; charge: number };
    const core: MutableComposition = {};
    const ligands = new Map<string, { info: LigandInfo; count: number }>();
    const addLigand = (info: LigandInfo, count: number) => {
      const prev = ligands.get(info.name);
      if (prev) prev.count += count;
      else ligands.set(info.name, { info, count });
    };
    // Bare halogens written next to the metals of the outer shell ([Au13(dppe)5Cl2]3+): halide ligands.
    const bareHalides = new Map<string, number>();
    const walk = (seq: Seq, mult: number, outer: boolean) => {
      for (const [k, seg] of seq.segments.entries()) {
        const shell = outer && k === seq.segments.length - 1;
        for (const node of seg) {
          if (node.kind === 'atom') {
            if (shell && HALOGENS.has(node.key)) {
              bareHalides.set(node.key, (bareHalides.get(node.key) ?? 0) + node.count * mult);
              continue;
            }
            addInto(core, { [node.key]: node.count * mult });
            continue;
          }
          const abbr = ev.soleAbbr(node);
          if (abbr) {
            const n = abbr.count * (node.kind === 'group' ? node.count : 1) * mult;
            addLigand(tableUse(abbr.entry, abbr.entry.name, abbr.text, ev), n);
            continue;
          }
          const group = node as GroupNode;
          if (ev.hasMetal(group)) {
            walk(group.body, mult * group.count, shell);
            continue;
          }
          const r = ev.seq(group.body);
          const name = group.inner.replace(/\s+/g, '');
          const match = r.generic.size
            ? undefined
            : ev.entryByComposition(
                r.composition,
                (e) => e.role === 'X' || e.role === 'L' || e.role === 'hydride',
              );
          if (match) {
            const base = tableUse(match, name, group.inner, ev);
            addLigand(
              {
                ...base,
                why: `${name} has the composition of ${match.name} in the ligand table: ${base.why}`,
              },
              group.count * mult,
            );
            continue;
          }
          const inferred = inferLigandRole(r.composition, [...r.generic]);
          addLigand(
            {
              name,
              text: group.inner,
              role: inferred.role,
              electronsWithdrawn: inferred.withdraws,
              charge: inferred.charge,
              composition: r.generic.size ? null : r.composition,
              roleSource: 'inferred',
              why: inferred.why,
            },
            group.count * mult,
          );
        }
      }
    };
    walk(ion.seq, 1, true);
    // A halogen atom beside the metals of a cluster that has other ligands is a halide ligand
    // (X-type, withdraws 1), exactly as if written (Cl)2; alone with metals (AlF4−, PtCl4²⁻) it stays
    // in the core, where the centre and superhalogen rules read it.
    const metalInCore = Object.keys(core).some((k) => !NON_METALS.has(k) && !/^\d/.test(k));
    for (const [h, n] of bareHalides) {
      const entry = this.lexicon.byName.get(h);
      if (metalInCore && ligands.size > 0 && entry) {
        const base = tableUse(entry, h, h, ev);
        addLigand(
          {
            ...base,
            why: `${h} written beside the metal atoms of a ligated cluster is a halide ligand: ${base.why}`,
          },
          n,
        );
      } else addInto(core, { [h]: n });
    }
    const endohedral: Endohedral[] = [];
    for (let k = 1; k < ion.seq.segments.length; k++) {
      const inner: MutableComposition = {};
      for (const seg of ion.seq.segments.slice(0, k)) for (const n of seg) addInto(inner, coreOf(n, ev));
      const outer: MutableComposition = {};
      for (const n of ion.seq.segments[k]!) addInto(outer, coreOf(n, ev));
      endohedral.push({
        inner,
        outer,
        innerText: ion.seq.segments
          .slice(0, k)
          .map((s) => s.map((n) => n.text).join(''))
          .join('@'),
        outerText: ion.seq.segments[k]!.map((n) => n.text).join(''),
      });
    }
    const ionAll = ev.seq(ion.seq);
    const ionAtoms = Object.values(ionAll.composition).reduce((a, b) => a + b, 0) * ion.multiplier;
    if (Math.abs(ion.charge) > ionAtoms && ionAll.generic.size === 0 && Math.abs(ion.charge) >= 10) {
      // [Pt3(CO)6]52− is the Chini cluster [{Pt3(CO)6}5]2− with its superscript lost
      notes.push(
        `the charge ${ion.charge > 0 ? '+' : ''}${ion.charge} is larger than the ion's ${ionAtoms} atoms: if its digits mix a count and a charge (Chini clusters [Pt3(CO)6]n²⁻), write the count inside, e.g. [{Pt3(CO)6}5]2-`,
      );
    }
    parts.unshift(
      {
        kind: 'main',
        text: ion.text,
        multiplier: ion.multiplier,
        composition: ionAll.generic.size ? null : ionAll.composition,
        charge: ion.charge,
      },
      ...counterParts,
    );

    let atoms = 0;
    for (const [k, v] of Object.entries(total)) {
      atoms += v;
      if (v < 0)
        throw new InputError('formula-negative', `the formula has ${v} ${k} atoms`, { location: whole(1) });
    }
    if (atoms > MAX_ATOMS) {
      throw new InputError(
        'formula-too-many-atoms',
        `the formula has ${atoms} atoms, over the limit of ${MAX_ATOMS}`,
        {
          hint: 'check the counts and multipliers',
          location: whole(1),
        },
      );
    }
    if (atoms === 0 && generic.size === 0) {
      throw new InputError('formula-empty', 'the formula has no atoms', { location: whole(1) });
    }
    for (const u of unknownAmounts) generic.add(u);
    return {
      text,
      canonical: canonicalText(written, this.lexicon),
      composition: total,
      charge: totalCharge,
      mainCharge: ion.charge || 0,
      core,
      ligands: [...ligands.values()].map(({ info, count }) => ({ ...info, count })),
      parts,
      generic: [...generic].sort(),
      prefixes: [...new Set(prefixes)],
      endohedral,
      notes: [...new Set(notes)],
      unknownAmounts,
    };
  }
}

let defaultReader: FormulaReader | null = null;

/** Parse a cluster formula with the built-in ligand table (plus `options.ligands`). */
export function parseFormula(text: string, options: ParseOptions = {}): Formula {
  if (options.ligands?.length) return new FormulaReader(options.ligands).parse(text, options);
  defaultReader ??= new FormulaReader();
  return defaultReader.parse(text, options);
}
