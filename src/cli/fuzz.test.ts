/**
 * Hostile-input fuzz suite over every command (issue 17, "Done when"): formula strings, every
 * structure format (valid files from our writers, then mutated: extreme and non-finite numbers,
 * degenerate cells, dropped/duplicated lines, binary junk), peak lists (delimited text and mzML),
 * and option values (non-finite numbers, huge integers, `__proto__`-style names and values).
 *
 * Every input runs through `runCli` in-process and must end in exit 0 (an answer), 1 (a valid
 * negative answer) or 2 with a message on stderr — never 70, never a thrown exception, never a
 * stack trace — within PER_INPUT_LIMIT_MS. The seed is fixed (SUPERATOM_FUZZ_SEED overrides it).
 *
 * CI size: FUZZ_PER_COMMAND inputs per command (about a minute on 2 cores). Nightly size:
 *   npm run fuzz:nightly   (SUPERATOM_FUZZ_RUNS=50000 total inputs, split evenly over the commands;
 *                           the counts and every failing input go to fuzz-report.json)
 * SUPERATOM_FUZZ_SEED=n another seed; SUPERATOM_FUZZ_LIMIT_MS the per-input limit (20 000 ms);
 * SUPERATOM_FUZZ_LOG=path writes each input before it runs (to find an input that hangs);
 * SUPERATOM_FUZZ_VERBOSE=1 prints every input with its exit status and first line of stderr.
 * Memory is not capped per input here (in-process); the nightly run is meant to be started with
 * `NODE_OPTIONS=--max-old-space-size=2048` so that a runaway allocation fails the run.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFormula } from '../chem/parse.js';
import { FORMATS, writeStructure } from '../io/registry.js';
import { type EnvelopePeak, isotopeEnvelope } from '../mass/envelope.js';
import { POLYHEDRON_NAMES } from '../structure/builders/polyhedra.js';
import { createStructure } from '../structure/structure.js';
import type { OptionSpec } from './args.js';
import type { Command } from './command.js';
import { COMMANDS } from './commands/index.js';
import { runCli } from './testing.js';

const SEED = Number(process.env.SUPERATOM_FUZZ_SEED ?? 20261204);
const TOTAL = Number(process.env.SUPERATOM_FUZZ_RUNS ?? 0);
/** Inputs per command in CI. */
const FUZZ_PER_COMMAND = 150;
const PER_COMMAND = TOTAL > 0 ? Math.max(1, Math.ceil(TOTAL / COMMANDS.length)) : FUZZ_PER_COMMAND;
/** Wall-clock limit per input (generous: the CI machine is shared and slow). */
const PER_INPUT_LIMIT_MS = Number(process.env.SUPERATOM_FUZZ_LIMIT_MS ?? 20_000);
const LOG = process.env.SUPERATOM_FUZZ_LOG;
const REPORT = process.env.SUPERATOM_FUZZ_REPORT;
const VERBOSE = process.env.SUPERATOM_FUZZ_VERBOSE === '1';

const ROOT = mkdtempSync(join(tmpdir(), 'superatom-fuzz-'));
// the store commands (and any --save) must never touch the user's database
process.env.SUPERATOM_DB = join(ROOT, 'fuzz-store.db');
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

// ───────────────────────────── inputs ─────────────────────────────

/** A fuzz input: the argv after the command name, and the files it refers to (relative paths). */
interface FuzzInput {
  readonly argv: readonly string[];
  readonly files: Readonly<Record<string, string>>;
}

const PROTO_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];

const HOSTILE_NUMBERS = [
  '0',
  '-0',
  '1',
  '-1',
  '0.5',
  '2',
  '1e-9',
  '1e-320',
  '1e308',
  '1e400',
  '-1e400',
  'NaN',
  'Infinity',
  '-Infinity',
  'abc',
  '',
  ' ',
  '1,5',
  '0x10',
  '1e',
  '--1',
  '1e6',
  '1e9',
  '1e30',
  '1000000000',
  '-1000000000',
  '9007199254740993',
  '2.5',
  '.5',
  '+3',
];

/** Formulas from the literature and the README, the seeds the mutations start from. */
const FORMULAS = [
  'Au25(SR)18^-',
  '[Au25(SC2H4Ph)18]-',
  '[Ag29(BDTA)12(PPh3)4]3-',
  'K6[P2W18O62]·14H2O',
  'C60',
  'Au13',
  'Pd@Au24',
  '[Ni@In10]10-',
  '[B12H12]2-',
  'Al13-',
  'Fe2(CO)9',
  '[Os10C(CO)24]2-',
  'Au144(SR)60',
  'Sn100',
  'H2O',
  '[PW12O40]3-',
  'Cs3[PW12O40]',
  '[Cu25H22(PPh3)12]Cl',
  'Pt2Ag33',
  '[13C]6H6',
  'Au25(PET)18',
  '[Au13(dppe)5Cl2]3+',
  'Ag44(SR)30^4-',
  'Na8',
  'Cu',
  'Au102(pMBA)44',
  'Au38(SC2H4Ph)24',
  '[Au25(PPh3)10(SR)5Cl2]2+',
  'Fe(CO)5',
  'C6H6',
  'Si',
];

const FORMULA_CHARS =
  '()[]{}^+-·.*@0123456789 ABCDEFGHIKLMNOPRSTUVWXYZabcdefghiklmnoprstuvwxyz,:;\'"\\/_=é€\u0000';

/** Random edits of a text: insert, delete, replace, duplicate a slice, truncate. */
function mutateText(alphabet: string, maxEdits: number): (s: string) => fc.Arbitrary<string> {
  const edit = fc.tuple(fc.nat(4), fc.nat(), fc.nat(), fc.constantFrom(...alphabet));
  return (s) =>
    fc.array(edit, { maxLength: maxEdits }).map((edits) => {
      let t = s;
      for (const [kind, a, b, ch] of edits) {
        const i = t.length ? a % (t.length + 1) : 0;
        if (kind === 0) t = `${t.slice(0, i)}${ch}${t.slice(i)}`;
        else if (kind === 1) t = `${t.slice(0, i)}${t.slice(i + 1)}`;
        else if (kind === 2) t = `${t.slice(0, i)}${ch}${t.slice(i + 1)}`;
        else if (kind === 3) t = `${t.slice(0, i)}${t.slice(i, i + (b % 12))}${t.slice(i)}`;
        else t = t.slice(0, i);
      }
      return t;
    });
}

const formulaArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...FORMULAS) },
  { weight: 6, arbitrary: fc.constantFrom(...FORMULAS).chain(mutateText(FORMULA_CHARS, 4)) },
  { weight: 1, arbitrary: fc.constantFrom(...PROTO_NAMES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('(', '[', '{'), fc.integer({ min: 1, max: 1200 }), fc.boolean())
      .map(([b, n, close]) => {
        const c = b === '(' ? ')' : b === '[' ? ']' : '}';
        return `${b.repeat(n)}Au${close ? c.repeat(n) : ''}`;
      }),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('Au', 'C', 'H', 'Sn', 'Ag', 'W', 'Xe'), fc.constantFrom(...HOSTILE_NUMBERS))
      .map(([e, n]) => `${e}${n}`),
  },
);

// ── structure files: written by our own writers, then mutated
const ELEMENTS = [79, 47, 16, 6, 1, 15, 29, 78, 17, 8, 7, 55];
/**
 * A small cluster: atoms on a jittered simple-cubic grid of spacing 2.9 Å (no overlaps, bonded like
 * a metal), all one metal (most often, so the metal potentials apply) or a mixture; sometimes with a
 * cubic cell around it (periodic formats, crystal paths).
 */
const structureArb = fc
  .record({
    n: fc.integer({ min: 1, max: 24 }),
    sites: fc.shuffledSubarray([...Array(27).keys()], { minLength: 24, maxLength: 24 }),
    pure: fc.constantFrom(79, 47, 0, 0),
    numbers: fc.array(fc.constantFrom(...ELEMENTS), { minLength: 24, maxLength: 24 }),
    jitter: fc.array(fc.double({ min: -0.3, max: 0.3, noNaN: true }), { minLength: 72, maxLength: 72 }),
    periodic: fc.constantFrom(false, false, true),
    box: fc.double({ min: 9, max: 20, noNaN: true }),
  })
  .map(({ n, sites, pure, numbers, jitter, periodic, box }) => {
    const positions: number[] = [];
    for (let k = 0; k < n; k++) {
      const site = sites[k]!;
      const grid = [site % 3, Math.floor(site / 3) % 3, Math.floor(site / 9)];
      for (let a = 0; a < 3; a++) positions.push(2.9 * grid[a]! + jitter[3 * k + a]! + (periodic ? 1 : 0));
    }
    return createStructure({
      numbers: pure ? numbers.slice(0, n).map(() => pure) : numbers.slice(0, n),
      positions,
      ...(periodic ? { cell: [box, 0, 0, 0, box, 0, 0, 0, box] } : {}),
      title: 'fuzz',
    });
  });

const WRITABLE = FORMATS.filter((f) => f.write);
const NUMBER_TOKEN = /[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/g;
const REPLACEMENTS = [
  '1e160',
  '-1e155',
  '1e30',
  '1e10',
  'NaN',
  'Infinity',
  '-0',
  '0',
  '1e-10',
  '0.001',
  '450',
  '180',
  '1e400',
  '',
  '99999999',
  '-1',
  '3',
  'x',
  '__proto__',
];

/** Replace the k-th number token, drop or duplicate a line, insert junk, swap an element name. */
const fileEdit = fc.tuple(fc.nat(5), fc.nat(), fc.constantFrom(...REPLACEMENTS), fc.nat(1000));
function mutateStructureText(text: string, edits: readonly [number, number, string, number][]): string {
  let t = text;
  for (const [kind, a, rep, b] of edits) {
    const lines = t.split('\n');
    const li = lines.length ? a % lines.length : 0;
    if (kind === 0 || kind === 1) {
      const tokens = [...t.matchAll(NUMBER_TOKEN)];
      const m = tokens.length ? tokens[a % tokens.length] : undefined;
      if (m?.index !== undefined) t = `${t.slice(0, m.index)}${rep}${t.slice(m.index + m[0].length)}`;
    } else if (kind === 2) {
      lines.splice(li, 1);
      t = lines.join('\n');
    } else if (kind === 3) {
      lines.splice(li, 0, ...Array.from({ length: 1 + (b % 3) }, () => lines[li] ?? ''));
      t = lines.join('\n');
    } else if (kind === 4) {
      lines.splice(
        li,
        0,
        ['junk', '\u0000\u0001binary', 'Xx 0 0 0', '_cell_angle_gamma 0.001', 'x, x, z'][b % 5]!,
      );
      t = lines.join('\n');
    } else {
      t = t.replace(/\b(Au|Ag|S|C|H|P|Cu|Pt|Cl|O|N|Cs)\b/, PROTO_NAMES[b % PROTO_NAMES.length]!);
    }
  }
  return t;
}

/** A structure file: a name with a format's extension (sometimes a wrong one) and its text. */
const structureFileArb: fc.Arbitrary<{ name: string; text: string }> = fc
  .tuple(
    fc.integer({ min: 0, max: WRITABLE.length - 1 }),
    fc.array(structureArb, { minLength: 1, maxLength: 2 }),
    fc.oneof(
      { weight: 3, arbitrary: fc.constant([]) },
      { weight: 2, arbitrary: fc.array(fileEdit, { minLength: 1, maxLength: 4 }) },
    ),
    fc.nat(9),
  )
  .map(([fi, frames, edits, extChoice]) => {
    const format = WRITABLE[fi]!;
    let text: string;
    try {
      text = writeStructure(
        format.name === 'xyz' || format.name === 'extxyz' ? frames : frames[0]!,
        format.name,
      );
    } catch (e) {
      text = `writer refused: ${(e as Error).message}`;
    }
    const ext = extChoice === 0 ? 'txt' : extChoice === 1 ? 'xyz' : format.extensions[0]!;
    return { name: `in.${ext}`, text: mutateStructureText(text, edits) };
  });

// ── peak lists
const peakListArb: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record({
        sep: fc.constantFrom(',', '\t', ';', ' '),
        header: fc.constantFrom('', 'mz,intensity\n', 'index;m/z;int\n', '# exported\n', 'm/z\tAbs. Int.\n'),
        comma: fc.boolean(),
        base: fc.double({ min: 100, max: 20_000, noNaN: true }),
        peaks: fc.array(
          fc.tuple(
            fc.double({ min: -2, max: 30, noNaN: true }),
            fc.double({ min: 0, max: 100, noNaN: true }),
          ),
          { maxLength: 40 },
        ),
      })
      .map(({ sep, header, comma, base, peaks }) => {
        const num = (x: number) => (comma && sep !== ',' ? String(x).replace('.', ',') : String(x));
        return `${header}${peaks.map(([dm, y]) => `${num(base + dm)}${sep}${num(y)}`).join('\n')}\n`;
      }),
  },
  {
    weight: 2,
    arbitrary: fc
      .constant('7390.9297,44\n7391.93,100\n7392.93,80\n')
      .chain(mutateText('0123456789.,;\t -eE\nNa', 6)),
  },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.tuple(fc.constantFrom(...REPLACEMENTS), fc.constantFrom(...REPLACEMENTS)), { maxLength: 8 })
      .map((rows) => rows.map(([a, b]) => `${a},${b}`).join('\n')),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '<?xml version="1.0"?><mzML><run><spectrumList count="1"><spectrum>',
      '<?xml version="1.0"?>\n<indexedmzML><mzML><run></run></mzML></indexedmzML>',
      '',
      '\u0000\u0001\u0002',
    ),
  },
);

/** Ions whose computed envelopes make measured-looking peak lists (assign has something to find). */
const ASSIGNABLE = [
  '[Au25(SC2H4Ph)18]-',
  '[Ag29(BDTA)12]3-',
  '[Au13(dppe)5Cl2]3+',
  '[PW12O40]3-',
  '[Ag25(SPhMe2)18]-',
];
const ENVELOPES = new Map<string, readonly EnvelopePeak[]>();
function envelopeOf(formula: string): readonly EnvelopePeak[] {
  let peaks = ENVELOPES.get(formula);
  if (!peaks) {
    try {
      const f = parseFormula(formula);
      peaks = isotopeEnvelope(f.composition, { charge: f.charge }).peaks;
    } catch {
      peaks = [];
    }
    ENVELOPES.set(formula, peaks);
  }
  return peaks;
}
/** A peak list from one or two computed envelopes, shifted by a few ppm, with noise and a separator. */
const computedPeaksArb = fc
  .record({
    ions: fc.subarray(ASSIGNABLE, { minLength: 1, maxLength: 2 }),
    ppm: fc.double({ min: -30, max: 30, noNaN: true }),
    noise: fc.array(fc.double({ min: 0.8, max: 1.2, noNaN: true }), { minLength: 64, maxLength: 64 }),
    sep: fc.constantFrom(',', '\t', ';'),
  })
  .map(({ ions, ppm, noise, sep }) => ({
    ions,
    text: ions
      .flatMap((ion) => envelopeOf(ion))
      .map(
        (p, i) => `${(p.mz * (1 + ppm * 1e-6)).toFixed(4)}${sep}${(p.intensity * noise[i % 64]!).toFixed(3)}`,
      )
      .join('\n'),
  }));

const LIGAND_FILES: Record<string, string> = {
  'lig-good.json': JSON.stringify([{ name: 'SNap', formula: 'SC10H7', charge: -1, role: 'X' }]),
  'lig-bad.json': '[{"name": "SNap",\n "formula": }]',
  'lig-proto.json': '{"__proto__": {"polluted": 1}}',
  'lig-protoname.json': JSON.stringify([
    { name: '__proto__', formula: 'SC2H4Ph', charge: -1, role: 'X' },
    { name: 'constructor', formula: 'PPh3', charge: 0, role: 'L' },
  ]),
  'lig-huge.json': JSON.stringify([{ name: 'Big', formula: 'C1000000000', charge: 1e308, role: 'X' }]),
  'lig-empty.json': '',
};

// ── option values, by option name and type
const POTENTIALS = [
  'lj',
  'morse:6',
  'gupta:Au',
  'gupta',
  'sutton-chen:Ag',
  'gupta:__proto__',
  'lj:__proto__',
  'constructor',
  '__proto__',
  'morse:NaN',
  'morse:1e400',
  'morse:-1',
  'sutton-chen:toString',
  'lj:',
  'gupta:Xx',
  'gupta:Au,Ag',
];
const OUTPUTS = [
  'out.xyz',
  'out.pdb',
  'out.cif',
  'out.gro',
  'out.extxyz',
  'out.svg',
  'out.csv',
  'deep/dir/out.xyz',
  '.',
  '',
  'in.xyz',
  'out.unknown',
  'out',
  '/dev/full',
  'lig-good.json/x.xyz',
];

function stringValues(name: string, spec: OptionSpec): fc.Arbitrary<string> {
  const proto = fc.constantFrom(...PROTO_NAMES);
  if (spec.choices?.length) {
    return fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...spec.choices) },
      {
        weight: 2,
        arbitrary: fc.constantFrom(...spec.choices).chain(mutateText('abcdefghijklmnopqrstuvwxyz-', 2)),
      },
      { weight: 1, arbitrary: proto },
    );
  }
  if (name === 'potential') return fc.constantFrom(...POTENTIALS);
  if (name === 'output' || name === 'svg') return fc.constantFrom(...OUTPUTS);
  if (name === 'ligands') return fc.constantFrom(...Object.keys(LIGAND_FILES), 'missing.json', '.');
  if (name === 'db') return fc.constantFrom('store.db', 'deep/store.db', '.', '');
  if (name === 'measured') return fc.constantFrom('peaks.csv', 'missing.csv', '.');
  if (name === 'elements')
    return fc.constantFrom('Au', 'Au,S', '', ' Au ', 'Xx', 'au', 'Au,,S', '__proto__', 'constructor', 'C,H');
  if (name === 'candidate') return formulaArb;
  if (name === 'adducts' || name === 'loss')
    return fc.constantFrom('Cs', 'Na,K', 'PPh3', '', '__proto__', 'constructor', 'Xx', 'Cs,Cs');
  if (name === 'charges')
    return fc.constantFrom('-4..-1', '1,2', '0', '-1000..1000', '1e9', '__proto__', '', '..', '3..1');
  if (name === 'from' || name === 'to')
    return fc.constantFrom(...FORMATS.map((f) => f.name), 'txt', '__proto__', 'constructor', '');
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom('Au', 'x', '1', '-1', '', 'C6H6', 'auto', 'list', '1e400', 'NaN'),
    },
    { weight: 1, arbitrary: proto },
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  );
}

function numberValues(spec: OptionSpec): fc.Arbitrary<string> {
  const d = typeof spec.default === 'number' ? spec.default : undefined;
  const plausible =
    spec.type === 'integer'
      ? fc.integer({ min: Math.max(0, (d ?? 3) - 3), max: (d ?? 3) + 3 }).map(String)
      : d !== undefined && d !== 0
        ? fc.double({ min: d / 3, max: d * 3, noNaN: true }).map(String)
        : fc.double({ min: 0.001, max: 5, noNaN: true }).map(String);
  return fc.oneof(
    { weight: 4, arbitrary: plausible },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  );
}

/** Options whose values are capped so one input cannot run for minutes by design (runs, time). */
const CAPPED: Record<string, Record<string, readonly string[]>> = {
  search: {
    'time-limit': ['0', '-1', 'NaN', 'Infinity', '1e-300', '0.2', '1e400', 'abc', ''],
    atoms: ['0', '1', '2', '3', '13', '38', '-5', '2.5', '1e9', 'NaN', '5000', ''],
    runs: ['0', '1', '-1', '257', '1.5', 'NaN', ''],
    'max-steps': ['0', '1', '5', '-1', '1e400', 'NaN'],
    population: ['0', '1', '2', '4', '-3', '1e9', 'NaN'],
  },
  optimize: {
    'time-limit': ['0', '-1', 'NaN', '1e-300', '0.2', '1e400', 'abc'],
    'max-iterations': ['0', '1', '50', '-1', '1e400', 'NaN'],
  },
  build: {
    shells: ['0', '1', '2', '3', '-1', '100', '1e9', 'NaN'],
    size: ['0', '1', '2', '3', '-1', '100', '1e9'],
    atoms: ['0', '1', '13', '55', '-1', '1e6', '1e9'],
  },
  isotopes: { 'max-configurations': ['0', '1', '100', '-1', '1e400', 'NaN'] },
};
/** Added after the generated options of these commands, so every input stays short. */
const SAFETY: Record<string, readonly string[]> = {
  search: ['--time-limit', '0.3', '--max-steps', '20', '--runs', '1'],
  optimize: ['--time-limit', '0.5'],
};

function optionArb(cmd: Command): fc.Arbitrary<string[]> {
  const names = Object.keys(cmd.options);
  const one = (name: string): fc.Arbitrary<string[]> => {
    const spec = cmd.options[name]!;
    const capped = CAPPED[cmd.name]?.[name];
    const flag = spec.short && name !== 'output' ? `-${spec.short}` : `--${name}`;
    if (spec.type === 'boolean') {
      return fc.oneof(
        { weight: 8, arbitrary: fc.constant<string[]>([`--${name}`]) },
        { weight: 1, arbitrary: fc.constantFrom<string[]>([`--${name}=false`], [`--${name}=maybe`]) },
      );
    }
    const values = capped
      ? fc.constantFrom(...capped)
      : spec.type === 'string'
        ? stringValues(name, spec)
        : numberValues(spec);
    return fc.tuple(values, fc.boolean()).map(([v, inline]) => (inline ? [`--${name}=${v}`] : [flag, v]));
  };
  const unknown = fc
    .constantFrom(
      ...PROTO_NAMES.map((p) => `--${p}`),
      '--',
      '---',
      '--=x',
      '-Z',
      ...names.map((n) => `--${n.slice(1)}`),
    )
    .chain((u) => fc.constantFrom([u], [u, 'x']));
  const optionList = names.length
    ? fc.array(fc.constantFrom(...names).chain(one), { maxLength: 3 })
    : fc.constant([]);
  const maybeUnknown = fc.oneof(
    { weight: 12, arbitrary: fc.constant<string[]>([]) },
    { weight: 1, arbitrary: unknown },
  );
  return fc.tuple(optionList, maybeUnknown).map(([opts, u]) => [...opts.flat(), ...u]);
}

const SHAPES = [
  'icosahedron',
  'decahedron',
  'marks-decahedron',
  'cuboctahedron',
  'octahedron',
  'truncated-octahedron',
  'tetrahedron',
  'random',
  'polyhedron',
  ...POLYHEDRON_NAMES.slice(0, 8),
  ...PROTO_NAMES,
];

/** Positionals (and the files they name) per command; unknown commands get generic strings. */
function positionalArb(name: string): fc.Arbitrary<FuzzInput> {
  const none = fc.constant<FuzzInput>({ argv: [], files: {} });
  const asFile = (f: { name: string; text: string }): FuzzInput => ({
    argv: [f.name],
    files: { [f.name]: f.text },
  });
  switch (name) {
    case 'formula':
    case 'count':
    case 'isotopes':
      return formulaArb.map((f) => ({ argv: [f], files: { 'peaks.csv': '7390.93,44\n7391.93,100\n' } }));
    case 'assign':
      return fc.oneof(
        fc
          .tuple(computedPeaksArb, fc.subarray(ASSIGNABLE, { minLength: 1, maxLength: 3 }))
          .map(([p, cands]) => ({
            argv: ['peaks.csv', ...cands.flatMap((c) => ['--candidate', c])],
            files: { 'peaks.csv': p.text },
          })),
        fc.tuple(peakListArb, fc.array(formulaArb, { maxLength: 2 })).map(([peaks, cands]) => ({
          argv: ['peaks.csv', ...cands.flatMap((c) => ['--candidate', c])],
          files: { 'peaks.csv': peaks },
        })),
      );
    case 'analyze':
      return structureFileArb.map(asFile);
    case 'optimize':
      return fc
        .tuple(
          structureFileArb,
          fc.oneof(
            { weight: 4, arbitrary: fc.constantFrom('lj', 'gupta:Au', 'morse:6', 'sutton-chen:Ag', 'gupta') },
            { weight: 1, arbitrary: fc.constantFrom(...POTENTIALS) },
          ),
        )
        .map(([f, p]) => ({ argv: [f.name, '--potential', p], files: { [f.name]: f.text } }));
    case 'convert':
      return fc
        .tuple(
          structureFileArb,
          fc.constantFrom('out.xyz', 'out.pdb', 'out.cif', 'out.gro', 'out.extxyz', 'out.vasp', 'out.mol'),
        )
        .map(([f, out]) => ({
          argv: [f.name, '-o', out],
          files: { [f.name]: f.text },
        }));
    case 'compare':
      return fc.tuple(structureFileArb, structureFileArb, fc.boolean()).map(([a, b, same]) => ({
        argv: same ? ['a.xyz', 'a.xyz'] : [`a-${a.name}`, `b-${b.name}`],
        files: same ? { 'a.xyz': a.text } : { [`a-${a.name}`]: a.text, [`b-${b.name}`]: b.text },
      }));
    case 'build':
      return fc
        .oneof(
          { weight: 4, arbitrary: fc.constantFrom(...SHAPES) },
          {
            weight: 1,
            arbitrary: fc.constantFrom(...SHAPES).chain(mutateText('abcdefghijklmnopqrstuvwxyz-', 1)),
          },
        )
        .map((s) => ({ argv: [s], files: {} }));
    case 'search':
      return fc.tuple(fc.constantFrom(...POTENTIALS), fc.constantFrom('2', '3', '7', '13')).map(([p, n]) => ({
        argv: ['--potential', p, '--atoms', n],
        files: {},
      }));
    case 'demo':
      return fc.constantFrom<FuzzInput>(
        { argv: ['Au25'], files: {} },
        { argv: ['--help'], files: {} },
        { argv: ['__proto__'], files: {} },
      );
    case 'catalogue':
      return fc
        .tuple(
          fc.oneof(
            { weight: 4, arbitrary: fc.constantFrom('list', 'search', 'show', 'map') },
            { weight: 1, arbitrary: fc.constantFrom('', 'export', ...PROTO_NAMES) },
          ),
          fc.constantFrom('', '', '', '1', 'au25', 'abc', '1e400', '__proto__', 'constructor'),
        )
        .map(([sub, id]) => ({ argv: [...(sub ? [sub] : []), ...(id ? [id] : [])], files: {} }));
    case 'results':
      return fc
        .tuple(
          fc.oneof(
            { weight: 4, arbitrary: fc.constantFrom('list', 'show', 'export', 'delete') },
            { weight: 1, arbitrary: fc.constantFrom('search', '', ...PROTO_NAMES) },
          ),
          fc.constantFrom('', '', '1', '0', '-1', 'abc', '1e400', '__proto__'),
        )
        .map(([sub, id]) => ({ argv: [...(sub ? [sub] : []), ...(id ? [id] : [])], files: {} }));
    default:
      return fc.oneof(
        none,
        fc.string({ maxLength: 20 }).map((s) => ({ argv: [s], files: {} })),
      );
  }
}

function inputArb(cmd: Command): fc.Arbitrary<FuzzInput> {
  return fc.tuple(positionalArb(cmd.name), optionArb(cmd)).map(([p, opts]) => ({
    argv: [...p.argv, ...opts, ...(SAFETY[cmd.name] ?? [])],
    files: { ...LIGAND_FILES, ...p.files },
  }));
}

// ── hand-made hostile inputs (the reproducers of issue 17 and their neighbours), run every time
const AU4 = createStructure({
  numbers: [79, 79, 79, 79],
  positions: [1, 1, 1, 3.9, 1, 1, 1, 3.9, 1, 1, 1, 3.9],
  cell: [10, 0, 0, 0, 10, 0, 0, 0, 10],
  title: 'au4',
});
const text = (format: string) => writeStructure(AU4, format);
const numberAt = (t: string, re: RegExp, v: string) => t.replace(re, (_m, k: string) => `${k}${v}`);
const CIF = text('cif');
const XYZ4 = '4\nau4\nAu 0 0 0\nAu 2.9 0 0\nAu 0 2.9 0\nAu 0 0 2.9\n';
const HOSTILE_FILES: Record<string, string> = {
  'tiny.cif': numberAt(
    numberAt(numberAt(CIF, /(_cell_length_a\s+)\S+/, '1e-10'), /(_cell_length_b\s+)\S+/, '1e-10'),
    /(_cell_length_c\s+)\S+/,
    '1e-10',
  ),
  'flat.cif': numberAt(CIF, /(_cell_angle_gamma\s+)\S+/, '0.001'),
  'angle450.cif': numberAt(CIF, /(_cell_angle_gamma\s+)\S+/, '450'),
  'singular.cif': CIF.replace(/'?x,\s*y,\s*z'?/, "'x, x, z'"),
  'tiny.extxyz': text('extxyz').replace(/Lattice="[^"]*"/, 'Lattice="1e-10 0 0 0 1e-10 0 0 0 1e-10"'),
  'tiny.gro': text('gro').replace(/\n[^\n]*\n?$/, '\n   1e-10   1e-10   1e-10\n'),
  'far.xyz': XYZ4.replace('Au 0 0 2.9', 'Au 0 0 1e155'),
  'far160.xyz': XYZ4.replace('Au 0 0 2.9', 'Au 0 0 1e160'),
  'far10.xyz': XYZ4.replace('Au 0 0 2.9', 'Au 0 0 1e10'),
  'far30.xyz': XYZ4.replace('Au 0 0 2.9', 'Au 0 0 1e30'),
  'nan.xyz': XYZ4.replace('Au 0 0 2.9', 'Au 0 0 NaN'),
  'au4.xyz': XYZ4,
  'longline.xyz': `4\n${'x'.repeat(100_000)}\nAu 0 0 0\nAu 2.9 0 0\nAu 0 2.9 0\nAu ${'9'.repeat(100_000)} 0 0\n`,
  'peaks.csv': '7390.93,44\n7391.93,100\n7392.93,80\n',
  'longpeaks.csv': `${'1'.repeat(100_000)},abc\n`,
  'longnumber.xyz': `4\nau4\nAu ${'1'.repeat(60_000)}x 0 0\nAu 2.9 0 0\nAu 0 2.9 0\nAu 0 0 2.9\n`,
  'longnumber.cif': CIF.replace(/(_cell_length_a\s+)\S+/, `$1${'1'.repeat(60_000)}x`),
};
const H = (...argv: string[]): FuzzInput => ({ argv, files: { ...LIGAND_FILES, ...HOSTILE_FILES } });
const HANDMADE: Record<string, readonly FuzzInput[]> = {
  formula: [
    H(`${'('.repeat(886)}Au${')'.repeat(886)}`),
    H('('.repeat(1707)),
    H('Au', '--charge', '1000000000'),
    H('Au', '--charge', `${'1'.repeat(60_000)}x`),
    H('Au', '--toString', 'x'),
    H('Au', '--__proto__'),
    H('x'.repeat(100_000)),
    H('constructor'),
  ],
  count: [H('Au25', '--rule', '__proto__'), H('Au25', '--pi', '1e400'), H(`${'['.repeat(900)}Au`)],
  isotopes: [
    H('Sn1000', '--resolution', '1000'),
    H('Au25', '--resolution', '1e-9', '--charge', '-1'),
    H('Au25', '--resolution', '1e-3', '--charge', '-1'),
    H('Au25', '--resolution', 'Infinity'),
    H('Au25', '--charge', '1000000000'),
    H('Au25', '--measured', 'longpeaks.csv', '--charge', '-1'),
  ],
  assign: [
    H('peaks.csv', '--candidate', '[Au25(PET)18]-', '--adducts', 'constructor'),
    H('peaks.csv', '--candidate', '[Au25(PET)18]-', '--adducts', '__proto__'),
    H('peaks.csv', '--candidate', '[Au25(PET)18]-', '--loss', 'toString'),
    H('peaks.csv', '--candidate', '[Au25(PET)18]-', '--calibration', 'Infinity'),
    H('longpeaks.csv', '--candidate', '[Au25(PET)18]-'),
  ],
  build: [
    H('constructor'),
    H('__proto__'),
    H('polyhedron', '--name', 'toString'),
    H('polyhedron', '--name', '__proto__'),
    H('icosahedron', '--element', 'constructor'),
  ],
  search: [
    H('--potential', '__proto__', '--atoms', '3', '--time-limit', '0.3'),
    H('--potential', 'gupta:__proto__', '--atoms', '3', '--time-limit', '0.3'),
    H('--potential', 'lj:__proto__', '--atoms', '3', '--time-limit', '0.3'),
    H('--potential', 'lj', '--atoms', '5000', '--time-limit', '2'),
    H('--potential', 'lj', '--atoms', '3', '--temperature', 'Infinity', '--time-limit', '0.3'),
    H('--potential', 'lj', '--atoms', '4', '-o', '/dev/full', '--time-limit', '0.3'),
  ],
  optimize: [
    H('au4.xyz', '--potential', '__proto__'),
    H('far.xyz', '--potential', 'gupta:Au'),
    H('au4.xyz', '--potential', 'gupta:Au', '-o', 'out.gro'),
  ],
  convert: [
    'tiny.cif',
    'flat.cif',
    'angle450.cif',
    'singular.cif',
    'tiny.extxyz',
    'tiny.gro',
    'far.xyz',
    'longline.xyz',
  ].flatMap((f) => [
    H(f, '-o', 'out.xyz', '--molecule'),
    H(f, '-o', 'out.gro'),
    H(f, '-o', 'out.pdb'),
    H(f, '-o', 'out.cif'),
  ]),
  analyze: Object.keys(HOSTILE_FILES)
    .filter((f) => !f.endsWith('.csv'))
    .map((f) => H(f)),
  compare: [
    H('far.xyz', 'far.xyz'),
    H('far30.xyz', 'far30.xyz'),
    H('far160.xyz', 'au4.xyz'),
    H('nan.xyz', 'au4.xyz'),
  ],
};

// ───────────────────────────── running ─────────────────────────────

type Outcome = 'success' | 'negative' | 'clean-error' | 'other';
interface Tally {
  inputs: number;
  success: number;
  negative: number;
  'clean-error': number;
  other: number;
  slowestMs: number;
}
const TALLIES = new Map<string, Tally>();
/** How often each error message (numbers and quoted text blanked) ended an input, per command. */
const MESSAGES = new Map<string, Map<string, number>>();
const FAILURES: { command: string; argv: readonly string[]; why: string; files: Record<string, string> }[] =
  [];

const STACK = /\n\s+at .+:\d+:\d+|Unhandled 'error'|Maximum call stack/;

function classify(
  code: number | undefined,
  err: string,
  threw: unknown,
  ms: number,
): { outcome: Outcome; why?: string } {
  if (threw !== undefined) return { outcome: 'other', why: `threw: ${String(threw).slice(0, 300)}` };
  if (ms > PER_INPUT_LIMIT_MS)
    return { outcome: 'other', why: `took ${Math.round(ms)} ms (limit ${PER_INPUT_LIMIT_MS} ms)` };
  if (STACK.test(err)) return { outcome: 'other', why: `stack trace on stderr: ${err.slice(0, 300)}` };
  if (code === 0) return { outcome: 'success' };
  if (code === 1) return { outcome: 'negative' };
  if (code === 2) {
    return err.trim() ? { outcome: 'clean-error' } : { outcome: 'other', why: 'exit 2 without a message' };
  }
  return { outcome: 'other', why: `exit ${code}: ${err.slice(0, 300)}` };
}

async function runOne(command: string, input: FuzzInput, dir: string): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(input.files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const argv = [command, ...input.argv];
  if (LOG) writeFileSync(LOG, `${JSON.stringify({ argv, files: input.files })}\n`);
  let code: number | undefined;
  let err = '';
  let threw: unknown;
  const t0 = performance.now();
  try {
    const r = await runCli(argv, dir);
    code = r.code;
    err = r.err;
  } catch (e) {
    threw = e;
  }
  const ms = performance.now() - t0;
  const { outcome, why } = classify(code, err, threw, ms);
  if (VERBOSE)
    console.log(`${code} ${JSON.stringify(argv).slice(0, 200)}\n    ${err.split('\n')[0]?.slice(0, 160)}`);
  const tally = TALLIES.get(command)!;
  tally.inputs++;
  tally[outcome]++;
  tally.slowestMs = Math.max(tally.slowestMs, ms);
  if (code === 2 || code === 1) {
    const key = (err.split('\n')[0] ?? '')
      .replace(/"[^"]*"|“[^”]*”/g, '"…"')
      .replace(/[-+]?\d[\d.eE+-]*/g, 'N')
      .slice(0, 90);
    const m = MESSAGES.get(command) ?? new Map<string, number>();
    m.set(key, (m.get(key) ?? 0) + 1);
    MESSAGES.set(command, m);
  }
  if (why) {
    const small = Object.fromEntries(
      Object.entries(input.files)
        .filter(([k]) => !(k in LIGAND_FILES))
        .map(([k, v]) => [k, v.slice(0, 2000)]),
    );
    FAILURES.push({ command, argv, why, files: small });
  }
}

describe(`fuzz: every command, seed ${SEED}, ${PER_COMMAND} inputs each`, () => {
  // serve runs until a signal; its JSON API has its own fuzz test (src/serve/serve.test.ts)
  for (const entry of COMMANDS.filter((c) => c.name !== 'serve')) {
    it(`${entry.name}: exit 0, 1 or 2 with a message; never 70, a throw or a stack`, {
      timeout: Math.max(120_000, PER_COMMAND * PER_INPUT_LIMIT_MS),
    }, async () => {
      const cmd = await entry.load();
      TALLIES.set(cmd.name, { inputs: 0, success: 0, negative: 0, 'clean-error': 0, other: 0, slowestMs: 0 });
      // the seed differs per command (stable under adding commands): hash of the name
      let h = SEED;
      for (const ch of cmd.name) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
      const inputs = [
        ...(HANDMADE[cmd.name] ?? []),
        ...fc.sample(inputArb(cmd), { seed: h, numRuns: PER_COMMAND }),
      ];
      const dir = join(ROOT, cmd.name);
      for (const input of inputs) await runOne(cmd.name, input, dir);
      const mine = FAILURES.filter((f) => f.command === cmd.name);
      expect(mine.map((f) => `${f.why}\n    argv: ${JSON.stringify(f.argv).slice(0, 400)}`)).toEqual([]);
    });
  }

  afterAll(() => {
    const rows = [...TALLIES].map(
      ([name, t]) =>
        `${name.padEnd(10)} inputs ${String(t.inputs).padStart(6)}  success ${String(t.success).padStart(5)}  negative ${String(t.negative).padStart(5)}  clean errors ${String(t['clean-error']).padStart(5)}  other ${String(t.other).padStart(4)}  slowest ${Math.round(t.slowestMs)} ms`,
    );
    console.log(`fuzz seed ${SEED}\n${rows.join('\n')}`);
    if (REPORT) {
      const messages = Object.fromEntries(
        [...MESSAGES].map(([c, m]) => [c, [...m].sort((a, b) => b[1] - a[1]).slice(0, 40)]),
      );
      writeFileSync(
        REPORT,
        JSON.stringify(
          {
            seed: SEED,
            perCommand: PER_COMMAND,
            tallies: Object.fromEntries(TALLIES),
            messages,
            failures: FAILURES,
          },
          null,
          2,
        ),
      );
    }
  });
});
