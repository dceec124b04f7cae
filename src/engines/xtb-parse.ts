/**
 * Parsers for xtb 6.5 outputs (text in, values out; no files touched):
 * `xtbout.json` (--json), `<name>.engrad` (--grad), the `--vfukui` table and
 * the `--vipea` lines of stdout, and the SCF/optimisation status lines.
 *
 * Units as xtb writes them: energies Eh, gradients Eh/bohr, orbital energies
 * and gap eV, charges e. A malformed file is an EngineError naming the file
 * and line (xtb wrote it, not the user); NaN and Fortran overflow fields
 * (`NaN`, `Infinity`, `*****`) are read as NaN so the sanity checks can name them.
 */
import { EngineError } from '../core/errors.js';

function bad(file: string, message: string, line?: number, source?: string): EngineError {
  return new EngineError('engine-output', `xtb output ${file}: ${message}`, {
    hint: 'xtb wrote an output Superatom cannot read; the version may differ from 6.5',
    location: {
      inputName: file,
      ...(line !== undefined ? { line } : {}),
      ...(source !== undefined ? { source } : {}),
    },
  });
}

/** Numbers in xtb text: Fortran fields may read NaN, Infinity or ***** (overflow). */
function num(token: string): number {
  if (/^\*+$/.test(token)) return Number.NaN;
  const x = Number(token.replace(/[dD]/, 'e'));
  return x;
}

export interface XtbJson {
  /** Total energy, Eh. */
  readonly totalEnergyEh: number;
  /** HOMO–LUMO gap, eV. */
  readonly gapEv: number;
  readonly charges: number[];
  /** Orbital energies, eV, ascending. */
  readonly orbitalEnergiesEv: number[];
  /** Occupation of each orbital (0–2, fractional at raised electronic temperature). */
  readonly occupations: number[];
  readonly electrons: number;
  readonly unpaired: number;
  /** `GFN2-xTB`, `GFN1-xTB`. */
  readonly method: string;
  /** e.g. `6.5.1`. */
  readonly version: string;
}

/** Read `xtbout.json`. */
export function parseXtbJson(text: string): XtbJson {
  if (text.trim() === '') throw bad('xtbout.json', 'the file is empty');
  // xtb prints non-finite values as bare NaN/Infinity/***** which JSON does not allow
  const clean = text.replace(/(?<=[\s:[,])[-+]?(?:NaN|Infinity|\*{2,})(?=[\s,\]}])/gi, '"NaN"');
  let d: Record<string, unknown>;
  try {
    d = JSON.parse(clean) as Record<string, unknown>;
  } catch (e) {
    throw bad('xtbout.json', `not valid JSON (${(e as Error).message})`);
  }
  if (typeof d !== 'object' || d === null) throw bad('xtbout.json', 'not a JSON object');
  const n = (key: string, required = true): number => {
    const v = d[key];
    if (v === undefined && !required) return Number.NaN;
    if (typeof v === 'number') return v;
    if (v === 'NaN') return Number.NaN;
    throw bad('xtbout.json', `"${key}" is missing or not a number`);
  };
  const arr = (key: string, required = true): number[] => {
    const v = d[key];
    if (v === undefined && !required) return [];
    if (!Array.isArray(v)) throw bad('xtbout.json', `"${key}" is missing or not an array`);
    return v.map((x) => (typeof x === 'number' ? x : Number.NaN));
  };
  const version = typeof d['xtb version'] === 'string' ? (d['xtb version'] as string).split(/\s+/)[0]! : '';
  return {
    totalEnergyEh: n('total energy'),
    gapEv: n('HOMO-LUMO gap/eV'),
    charges: arr('partial charges'),
    orbitalEnergiesEv: arr('orbital energies/eV', false),
    occupations: arr('fractional occupation', false),
    electrons: n('number of electrons', false),
    unpaired: n('number of unpaired electrons', false),
    method: typeof d.method === 'string' ? d.method : '',
    version,
  };
}

/**
 * HOMO and LUMO energies (eV) from the orbital energies: the HOMO is orbital
 * N_α = (electrons + unpaired)/2 (1-based, xtb's spin-restricted orbitals; with
 * one unpaired electron the singly occupied orbital), the LUMO the next one.
 */
export function frontierOrbitals(j: XtbJson): { homoEv: number; lumoEv: number } | undefined {
  const e = j.orbitalEnergiesEv;
  if (!Number.isFinite(j.electrons) || e.length === 0) return undefined;
  const unpaired = Number.isFinite(j.unpaired) ? j.unpaired : 0;
  const iHomo = Math.round((j.electrons + unpaired) / 2);
  if (iHomo < 1 || iHomo >= e.length) return undefined;
  return { homoEv: e[iHomo - 1]!, lumoEv: e[iHomo]! };
}

export interface XtbEngrad {
  readonly atoms: number;
  /** Total energy, Eh (12 decimals). */
  readonly energyEh: number;
  /** dE/dx, Eh/bohr, length 3N. */
  readonly gradient: Float64Array;
}

/** Read the ORCA-style `<name>.engrad` file xtb writes with --grad. */
export function parseEngrad(text: string, file = 'engrad'): XtbEngrad {
  if (text.trim() === '') throw bad(file, 'the file is empty');
  const lines = text.split(/\r?\n/);
  const values: { value: string; line: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (t === '' || t.startsWith('#')) continue;
    for (const tok of t.split(/\s+/)) values.push({ value: tok, line: i + 1 });
  }
  const first = values[0];
  const atoms = first ? Number(first.value) : Number.NaN;
  if (!Number.isInteger(atoms) || atoms < 1) throw bad(file, 'no atom count', first?.line, first?.value);
  if (values.length < 2 + 3 * atoms)
    throw bad(file, `expected ${3 * atoms} gradient values, file ends early`);
  const energyEh = num(values[1]!.value);
  const gradient = new Float64Array(3 * atoms);
  for (let k = 0; k < 3 * atoms; k++) {
    const v = values[2 + k]!;
    const x = num(v.value);
    if (Number.isNaN(x) && !/nan|\*/i.test(v.value)) {
      throw bad(file, `"${v.value}" is not a number`, v.line, lines[v.line - 1]);
    }
    gradient[k] = x;
  }
  return { atoms, energyEh, gradient };
}

export interface XtbFukui {
  readonly plus: number[];
  readonly minus: number[];
  readonly zero: number[];
}

/** Read the `--vfukui` table (`#  f(+)  f(-)  f(0)`, one row per atom, 3 decimals) from stdout. */
export function parseFukui(stdout: string, atoms: number): XtbFukui {
  const lines = stdout.split(/\r?\n/);
  let start = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (/^\s*#\s+f\(\+\)\s+f\(-\)\s+f\(0\)/.test(lines[i]!)) {
      start = i;
      break;
    }
  }
  if (start < 0) throw bad('stdout', 'no Fukui table (the line "#  f(+)  f(-)  f(0)") in the output');
  const plus: number[] = [];
  const minus: number[] = [];
  const zero: number[] = [];
  for (let k = 0; k < atoms; k++) {
    const ln = start + 2 + k;
    const t = lines[ln - 1]?.trim() ?? '';
    const m = /^(\d+)([A-Za-z]{1,2})\s+(\S+)\s+(\S+)\s+(\S+)$/.exec(t);
    if (!m || Number(m[1]) !== k + 1) {
      throw bad('stdout', `Fukui table row ${k + 1} of ${atoms} is missing or malformed`, ln, t);
    }
    plus.push(num(m[3]!));
    minus.push(num(m[4]!));
    zero.push(num(m[5]!));
  }
  return { plus, minus, zero };
}

/** Vertical IP and EA (eV) from `--vipea` stdout ("delta SCC IP (eV):", "delta SCC EA (eV):"). */
export function parseIpEa(stdout: string): { ip?: number; ea?: number } {
  const ip = /delta SCC IP \(eV\):\s*(\S+)/.exec(stdout);
  const ea = /delta SCC EA \(eV\):\s*(\S+)/.exec(stdout);
  return {
    ...(ip ? { ip: num(ip[1]!) } : {}),
    ...(ea ? { ea: num(ea[1]!) } : {}),
  };
}

/**
 * Why an xtb run must not be trusted, read from its stdout/stderr, or undefined:
 * SCF not converged (xtb may still exit 0, e.g. inside --vfukui/--vipea), a fatal
 * error, an optimisation that did not converge.
 */
export function xtbFailureReason(stdout: string, stderr = ''): string | undefined {
  const it = /convergence criteria cannot be satisfied within\s+(\d+)\s+iterations/.exec(stdout);
  if (it) return `SCF not converged in ${it[1]} iterations`;
  if (/Self consistent charge iterator did not converge|SCF not converged/i.test(stdout + stderr)) {
    return 'SCF not converged';
  }
  if (/FAILED TO CONVERGE GEOMETRY OPTIMIZATION/i.test(stdout)) return 'geometry optimisation not converged';
  const at = stdout.lastIndexOf('[ERROR]');
  if (at >= 0) {
    // xtb prints its error stack as "-3- outer", "-2- …", "-1- root cause": root cause first
    const stack = stdout
      .slice(at)
      .split(/\r?\n/)
      .slice(1, 12)
      .map((l) => /^\s*-(\d+)-\s*(.+?)\s*$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .sort((a, b) => Number(a[1]) - Number(b[1]))
      .map((m) => m[2]!);
    return `xtb error: ${stack.length ? stack.join('; ') : 'fatal error'}`;
  }
  if (/abnormal termination of xtb/.test(stdout + stderr)) return 'xtb stopped with an error';
  return undefined;
}

/** Number of SCF iterations xtb reports ("satisfied after 10 iterations"), last occurrence. */
export function scfIterations(stdout: string): number | undefined {
  const all = [...stdout.matchAll(/convergence criteria satisfied after\s+(\d+)\s+iterations/g)];
  const last = all.at(-1);
  return last ? Number(last[1]) : undefined;
}

/** Read an XYZ file's coordinates (Å) written by xtb (xtbopt.xyz), checking the atom count. */
export function parseXtbXyz(text: string, atoms: number, file = 'xtbopt.xyz'): Float64Array {
  const lines = text.split(/\r?\n/);
  const n = Number(lines[0]?.trim());
  if (n !== atoms) throw bad(file, `expected ${atoms} atoms, found "${lines[0] ?? ''}"`, 1, lines[0]);
  const out = new Float64Array(3 * atoms);
  for (let k = 0; k < atoms; k++) {
    const t = lines[2 + k]?.trim() ?? '';
    const f = t.split(/\s+/);
    const xyz = f.slice(1, 4).map(num);
    if (f.length < 4 || xyz.some((x) => !Number.isFinite(x))) {
      throw bad(file, `atom ${k + 1}: expected "symbol x y z"`, 3 + k, t);
    }
    out.set(xyz, 3 * k);
  }
  return out;
}
