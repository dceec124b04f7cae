/**
 * The ligand lexicon: the abbreviation table of src/data/ligands.ts (plus any
 * user entries) prepared for the lexer. A name that reads the same as plain
 * element symbols (CO, Cl, NH4, SC6H13) is not lexed as an abbreviation, so
 * `CO2` stays carbon dioxide; such entries still give written-out groups their
 * role by composition. A name whose element reading differs (OAc is not O + Ac)
 * is always read as the abbreviation.
 */
import { InputError } from '../core/errors.js';
import { elementBySymbol } from '../data/index.js';
import { LIGANDS, type LigandEntry, type LigandTableRole } from '../data/ligands.js';
import { compositionsEqual } from './composition.js';
import type { Composition } from './types.js';

export interface LexEntry {
  readonly entry: LigandEntry;
  /** The spelling this lexeme matches (name or alias). */
  readonly spelling: string;
}

export interface EntryComposition {
  /** Known atoms (generic groups contribute none). */
  readonly composition: Composition;
  /** Generic groups in the formula, e.g. ["R"] for SR; [name] for a wholly generic entry. */
  readonly generic: readonly string[];
}

export interface Lexicon {
  /** Lexable spellings, longest first. */
  readonly lexemes: readonly LexEntry[];
  /** Length of the longest lexable spelling. */
  readonly maxSpelling: number;
  /** Every entry by name and alias, lexable or not. */
  readonly byName: ReadonlyMap<string, LigandEntry>;
  readonly entries: readonly LigandEntry[];
  /** Composition of each entry's formula and the generic groups (R, X, L) it contains. */
  readonly compositions: Map<LigandEntry, EntryComposition>;
  /** Lexicon used to read the entries' own formulas (no element-only names). */
  base?: Lexicon;
}

/** Read a name as element symbols and counts only (no D/T, no abbreviations); null if impossible. */
export function elementsOnlyReading(name: string): Composition | null {
  const out: Record<string, number> = {};
  let rest = name;
  while (rest.length) {
    const m = /^([A-Z][a-z]?)(\d*)/.exec(rest);
    if (!m || !elementBySymbol(m[1]!)) return null;
    out[m[1]!] = (out[m[1]!] ?? 0) + (m[2] ? Number(m[2]) : 1);
    rest = rest.slice(m[0].length);
  }
  return out;
}

const ROLES: readonly LigandTableRole[] = ['X', 'L', 'hydride', 'counterion', 'substituent'];

/** Check user-supplied ligand entries (from a JSON file) and say exactly what is wrong. */
export function validateLigandEntries(data: unknown, inputName = 'ligand file'): LigandEntry[] {
  const list = Array.isArray(data)
    ? data
    : data && typeof data === 'object' && Array.isArray((data as { ligands?: unknown }).ligands)
      ? (data as { ligands: unknown[] }).ligands
      : null;
  if (!list) {
    throw new InputError(
      'ligands-shape',
      `${inputName} must hold a JSON array of ligand entries (or {"ligands": [...]})`,
      {
        hint: 'example: [{"name": "SBut", "formula": "SC4H9", "charge": -1, "role": "X", "withdraws": 1}]',
      },
    );
  }
  return list.map((raw, i) => {
    const where = `${inputName}, entry ${i + 1}`;
    if (!raw || typeof raw !== 'object') throw new InputError('ligands-entry', `${where} is not an object`);
    const r = raw as Record<string, unknown>;
    const name = r.name;
    if (typeof name !== 'string' || !/^[A-Za-z][A-Za-z0-9*'-]*$/.test(name)) {
      throw new InputError(
        'ligands-name',
        `${where}: "name" must be letters, digits, * ' or - starting with a letter`,
        {
          hint: 'for example "SBut"',
        },
      );
    }
    const formula = r.formula;
    if (formula !== null && typeof formula !== 'string') {
      throw new InputError(
        'ligands-formula',
        `${where} (${name}): "formula" must be a formula string or null`,
      );
    }
    const charge = r.charge ?? 0;
    if (typeof charge !== 'number' || !Number.isInteger(charge) || Math.abs(charge) > 20) {
      throw new InputError(
        'ligands-charge',
        `${where} (${name}): "charge" must be a whole number between −20 and 20`,
      );
    }
    const role = r.role;
    if (typeof role !== 'string' || !ROLES.includes(role as LigandTableRole)) {
      throw new InputError('ligands-role', `${where} (${name}): "role" must be one of ${ROLES.join(', ')}`);
    }
    const withdraws = r.withdraws ?? (role === 'X' ? -charge : 0);
    if (typeof withdraws !== 'number' || !Number.isInteger(withdraws) || withdraws < 0 || withdraws > 6) {
      throw new InputError('ligands-withdraws', `${where} (${name}): "withdraws" must be a whole number 0–6`);
    }
    return {
      name,
      formula: formula as string | null,
      charge,
      role: role as LigandTableRole,
      withdraws,
      description: typeof r.description === 'string' ? r.description : `user ligand ${name}`,
      ...(Array.isArray(r.aliases)
        ? { aliases: r.aliases.filter((a): a is string => typeof a === 'string') }
        : {}),
      ...(r.arylSubstituent === true ? { arylSubstituent: true } : {}),
    };
  });
}

function spellings(e: LigandEntry): string[] {
  return [e.name, ...(e.aliases ?? [])];
}

/**
 * Build a lexicon. `readFormula` reads an entry's formula with a given lexicon
 * (the parser passes itself in, which keeps this module free of a cycle).
 */
export function buildLexicon(
  extra: readonly LigandEntry[],
  readFormula: (formula: string, lexicon: Lexicon, self: LigandEntry) => EntryComposition,
): Lexicon {
  // User entries override table entries of the same spelling.
  const userNames = new Set(extra.flatMap(spellings));
  const entries = [...extra, ...LIGANDS.filter((e) => !spellings(e).some((s) => userNames.has(s)))];
  const byName = new Map<string, LigandEntry>();
  for (const e of entries) for (const s of spellings(e)) if (!byName.has(s)) byName.set(s, e);

  const all: LexEntry[] = entries.flatMap((entry) =>
    spellings(entry).map((spelling) => ({ entry, spelling })),
  );
  const byLength = (a: LexEntry, b: LexEntry) => b.spelling.length - a.spelling.length;
  const compositions = new Map<LigandEntry, EntryComposition>();
  const baseLexemes = all.filter((l) => elementsOnlyReading(l.spelling) === null).sort(byLength);
  const base: Lexicon = {
    lexemes: baseLexemes,
    maxSpelling: baseLexemes[0]?.spelling.length ?? 0,
    byName,
    entries,
    compositions,
  };
  // Generic entries first, so entries that use them (SR uses R) find them.
  for (const e of entries)
    if (e.formula === null) compositions.set(e, { composition: {}, generic: [e.name] });
  // Read eagerly only what building needs: the user's entries (so a bad ligand file is an error at
  // once) and entries with a spelling that also reads as plain elements (CO, NO3: the filter below
  // compares them). The other table entries are read on first use (Evaluator.entry), which keeps
  // the first parse of a simple formula from reading the whole table (~30 ms of CLI start-up).
  const userEntries = new Set(extra);
  const eager = entries.filter(
    (e) => userEntries.has(e) || spellings(e).some((s) => elementsOnlyReading(s) !== null),
  );
  for (const e of eager) {
    if (e.formula === null) continue;
    try {
      if (!compositions.has(e)) compositions.set(e, readFormula(e.formula, base, e));
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw new InputError(
        'ligands-formula',
        `ligand ${e.name}: its formula "${e.formula}" cannot be read: ${why}`,
        {
          hint: 'write the ligand formula with element symbols, counts, brackets and other abbreviations',
        },
      );
    }
  }
  const lexemes = all
    .filter((l) => {
      const asElements = elementsOnlyReading(l.spelling);
      if (asElements === null) return true;
      const own = compositions.get(l.entry);
      return own !== undefined && (own.generic.length > 0 || !compositionsEqual(own.composition, asElements));
    })
    .sort(byLength);
  const lexicon: Lexicon = {
    lexemes,
    maxSpelling: lexemes[0]?.spelling.length ?? 0,
    byName,
    entries,
    compositions,
    base,
  };
  return lexicon;
}
