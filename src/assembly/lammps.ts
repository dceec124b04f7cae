/**
 * LAMMPS input for a bead system and its model, and parsers for what LAMMPS writes back (the log's
 * thermo table and `custom` dumps). Pure text in, text out; src/engines/lammps.ts runs the program.
 *
 * The model maps onto `units metal` (Å, eV, e, amu = Da, time in ps: fs values are divided by
 * 1000), `atom_style full` (molecule ID = rigid body, 0 for free beads) and
 *   coulomb none   → pair_style lj/cut r_LJ
 *   coulomb direct → pair_style lj/cut/coul/cut r_LJ r_C (a finite system with every pair: r_C beyond
 *                    the system's diameter, boundary m m m, neighbor nsq)
 *   coulomb ewald  → pair_style lj/cut/coul/long r_LJ r_C + kspace_style ewald <accuracy>
 * with one explicit `pair_coeff i j ε σ` per pair of types (the model's mixed or given values) and
 * `dielectric ε_r`. LJ is not shifted (LAMMPS default `pair_modify shift no`), as in forces.ts.
 * Rigid bodies: `neigh_modify exclude molecule/intra` and `fix rigid molecule langevin …`.
 * References: LAMMPS manual (docs.lammps.org): read_data, pair_lj (lj/cut/coul/cut, lj/cut/coul/long),
 * kspace_style, fix langevin, fix rigid, thermo_style, dump custom.
 */
import { InputError } from '../core/errors.js';
import type { CgModel } from './model.js';
import type { BeadSystem } from './system.js';
import { wrapPositions } from './system.js';

/** Shortest text that reads back as exactly v (JavaScript's round-trip number formatting). */
const g = (v: number) => String(v);

/** The Coulomb cut-off written for "every pair" in a finite system: beyond its diameter. */
export function finiteCoulombCutoff(s: BeadSystem): number {
  const p = s.positions;
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < p.length; i++) {
    lo[i % 3] = Math.min(lo[i % 3]!, p[i]!);
    hi[i % 3] = Math.max(hi[i % 3]!, p[i]!);
  }
  const d = Math.hypot(hi[0]! - lo[0]!, hi[1]! - lo[1]!, hi[2]! - lo[2]!);
  return Math.ceil(2 * d + 10);
}

/** `read_data` file (atom_style full). A finite system gets a box 10 Å beyond its beads. */
export function writeLammpsData(model: CgModel, s: BeadSystem, title = 'Superatom bead system'): string {
  const n = s.types.length;
  const out: string[] = [
    `LAMMPS data file: ${title.replace(/\s+/g, ' ')} (species ${s.species.join(' ')})`,
    '',
  ];
  out.push(`${n} atoms`, `${model.species.length} atom types`, '');
  let lo = [0, 0, 0];
  let hi = s.box ? [...s.box] : [0, 0, 0];
  if (!s.box) {
    lo = [Infinity, Infinity, Infinity];
    hi = [-Infinity, -Infinity, -Infinity];
    for (let i = 0; i < 3 * n; i++) {
      lo[i % 3] = Math.min(lo[i % 3]!, s.positions[i]!);
      hi[i % 3] = Math.max(hi[i % 3]!, s.positions[i]!);
    }
    lo = lo.map((v) => v - 10);
    hi = hi.map((v) => v + 10);
  }
  for (let k = 0; k < 3; k++) out.push(`${g(lo[k]!)} ${g(hi[k]!)} ${'xyz'[k]}lo ${'xyz'[k]}hi`);
  out.push('', 'Masses', '');
  for (const [i, sp] of model.species.entries()) out.push(`${i + 1} ${g(sp.mass)} # ${sp.name}`);
  out.push('', 'Atoms # full', '');
  const typeOf = s.species.map((name) => {
    const t = model.species.findIndex((sp) => sp.name === name);
    if (t < 0) throw new InputError('cg-species', `species "${name}" of the system is not in the model`);
    return t;
  });
  const p = Float64Array.from(s.positions);
  if (s.box) wrapPositions(p, s.box);
  for (let i = 0; i < n; i++) {
    const t = typeOf[s.types[i]!]!;
    out.push(
      `${i + 1} ${s.bodies?.[i] ?? 0} ${t + 1} ${g(model.species[t]!.charge)} ${g(p[3 * i]!)} ${g(p[3 * i + 1]!)} ${g(p[3 * i + 2]!)}`,
    );
  }
  return `${out.join('\n')}\n`;
}

export interface LammpsInputOptions {
  readonly dataFile?: string;
  /** 0: energy and forces of the configuration only (`run 0`, dump of forces). */
  readonly steps: number;
  readonly thermoEvery?: number;
  /** Dump positions every this many steps to `dumpFile` (0: only forces at step 0 when steps = 0). */
  readonly dumpEvery?: number;
  readonly dumpFile?: string;
  /** Seed for LAMMPS' own random numbers (velocity, langevin); default the model's. */
  readonly seed?: number;
}

/** The input script for the model: energies/forces (`steps: 0`) or an NVT Langevin run. */
export function writeLammpsInput(model: CgModel, s: BeadSystem, o: LammpsInputOptions): string {
  const data = o.dataFile ?? 'system.data';
  const dump = o.dumpFile ?? 'dump.lammpstrj';
  const seed = Math.max(1, Math.floor(o.seed ?? model.seed) % 900000000) || 1;
  const rcC = Number.isFinite(model.coulomb.cutoff) ? model.coulomb.cutoff : finiteCoulombCutoff(s);
  const method = model.coulomb.method;
  if ((method === 'ewald' || method === 'pppm') && !s.box)
    throw new InputError('cg-ewald', 'Ewald sums need a periodic box', {
      hint: 'use "coulomb": {"method": "direct"}',
    });
  const L: string[] = [
    '# written by Superatom (src/assembly/lammps.ts): units metal = Å, eV, e, amu, ps',
    'units metal',
    'atom_style full',
    // finite: shrink-wrapped, never smaller than the data file's box (beads ± 10 Å)
    `boundary ${s.box ? 'p p p' : 'm m m'}`,
    `read_data ${data}`,
  ];
  if (method === 'none') L.push(`pair_style lj/cut ${g(model.cutoff)}`);
  else if (method === 'direct') L.push(`pair_style lj/cut/coul/cut ${g(model.cutoff)} ${g(rcC)}`);
  else L.push(`pair_style lj/cut/coul/long ${g(model.cutoff)} ${g(rcC)}`);
  const ns = model.species.length;
  for (let i = 0; i < ns; i++)
    for (let j = i; j < ns; j++)
      L.push(
        `pair_coeff ${i + 1} ${j + 1} ${g(model.pairEpsilon[i * ns + j]!)} ${g(model.pairSigma[i * ns + j]!)}`,
      );
  if (method === 'ewald' || method === 'pppm') {
    L.push(`kspace_style ${method} ${g(model.coulomb.accuracy)}`);
    // exact erfc, not the tabulated one, so the real-space sum compares at its accuracy
    L.push('pair_modify table 0');
  }
  L.push(`dielectric ${g(model.dielectric)}`);
  // a finite system with every pair in the sum: an all-pairs neighbour list (bins fail when the
  // cut-off is far beyond a flat system's box)
  const allPairs = !s.box && method !== 'none' && !Number.isFinite(model.coulomb.cutoff);
  L.push(`neighbor 2.0 ${allPairs ? 'nsq' : 'bin'}`, 'neigh_modify every 1 delay 0 check yes');
  const rigid = s.bodies?.some((b) => b > 0) ?? false;
  if (rigid) {
    L.push('group rigidsites molecule > 0', 'group free subtract all rigidsites');
    L.push('neigh_modify exclude molecule/intra rigidsites');
  }
  L.push('thermo_style custom step pe ke etotal temp evdwl ecoul elong');
  L.push('thermo_modify format float %22.15g norm no');
  L.push(`thermo ${Math.max(1, o.thermoEvery ?? 10)}`);
  if (o.steps === 0) {
    L.push(`dump fdump all custom 1 ${dump} id type x y z fx fy fz`);
    L.push('dump_modify fdump sort id format float %22.15g');
    L.push('run 0');
    return `${L.join('\n')}\n`;
  }
  const T = model.temperature;
  const dampPs = model.damping / 1000;
  L.push(`timestep ${g(model.timestep / 1000)}`);
  L.push(`velocity all create ${g(T)} ${seed} mom yes rot no dist gaussian`);
  if (rigid) {
    L.push(`fix rb rigidsites rigid molecule langevin ${g(T)} ${g(T)} ${g(dampPs)} ${seed + 1}`);
    L.push('fix nvefree free nve', `fix lgfree free langevin ${g(T)} ${g(T)} ${g(dampPs)} ${seed + 2}`);
  } else {
    L.push('fix nve all nve', `fix lg all langevin ${g(T)} ${g(T)} ${g(dampPs)} ${seed + 2}`);
  }
  if ((o.dumpEvery ?? 0) > 0) {
    L.push(`dump traj all custom ${o.dumpEvery} ${dump} id type x y z`);
    L.push('dump_modify traj sort id format float %.8g');
  }
  L.push(`run ${o.steps}`);
  return `${L.join('\n')}\n`;
}

export interface ThermoTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly number[])[];
}

/** The thermo tables of a LAMMPS log (one per `run`), and the first ERROR line if any. */
export function parseLammpsLog(text: string): {
  tables: ThermoTable[];
  error?: string;
  warnings: string[];
  version?: string;
  /** "Loop time of T on P procs for N steps with A atoms", one per run. */
  loops: { seconds: number; procs: number; steps: number; atoms: number }[];
} {
  const lines = text.split(/\r?\n/);
  const tables: ThermoTable[] = [];
  const loops: { seconds: number; procs: number; steps: number; atoms: number }[] = [];
  const warnings: string[] = [];
  let error: string | undefined;
  let version: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const vm = /^LAMMPS \((.+)\)/.exec(line);
    if (vm && !version) version = vm[1];
    if (/^ERROR/.test(line) && error === undefined) error = line.replace(/^ERROR:?\s*/, '').trim();
    if (/^WARNING/.test(line)) warnings.push(line.replace(/^WARNING:?\s*/, '').trim());
    const lm = /^Loop time of (\S+) on (\d+) procs for (\d+) steps with (\d+) atoms/.exec(line);
    if (lm)
      loops.push({
        seconds: Number(lm[1]),
        procs: Number(lm[2]),
        steps: Number(lm[3]),
        atoms: Number(lm[4]),
      });
    if (/^\s*Step\s/.test(line)) {
      const columns = line.trim().split(/\s+/);
      const rows: number[][] = [];
      for (i = i + 1; i < lines.length; i++) {
        const toks = lines[i]!.trim().split(/\s+/);
        if (toks.length !== columns.length) {
          i--;
          break;
        }
        const v = toks.map(Number);
        if (v.some((x) => !Number.isFinite(x))) {
          i--;
          break;
        }
        rows.push(v);
      }
      tables.push({ columns, rows });
    }
  }
  return {
    tables,
    warnings,
    loops,
    ...(error !== undefined ? { error } : {}),
    ...(version ? { version } : {}),
  };
}

export interface DumpFrame {
  readonly step: number;
  readonly atoms: number;
  /** Box bounds lo/hi per axis, Å. */
  readonly bounds: readonly [number, number][];
  readonly columns: readonly string[];
  /** Row-major values, one row per atom in file order. */
  readonly values: Float64Array;
}

/** Parse a `dump custom` file (orthogonal boxes). Throws InputError with the line on malformed input. */
export function parseLammpsDump(text: string, inputName = 'dump'): DumpFrame[] {
  const lines = text.split(/\r?\n/);
  const frames: DumpFrame[] = [];
  let i = 0;
  const bad = (msg: string, line: number): never => {
    throw new InputError('lammps-dump', msg, {
      location: { inputName, line: line + 1, source: (lines[line] ?? '').slice(0, 160) },
    });
  };
  const expect = (tag: string) => {
    if (!(lines[i] ?? '').startsWith(tag)) bad(`expected "${tag}"`, i);
    i++;
  };
  const int = (line: number) => {
    const v = Number((lines[line] ?? '').trim());
    if (!Number.isInteger(v) || v < 0) bad('expected a whole number', line);
    return v;
  };
  while (i < lines.length) {
    if ((lines[i] ?? '').trim() === '') {
      i++;
      continue;
    }
    expect('ITEM: TIMESTEP');
    const step = int(i++);
    expect('ITEM: NUMBER OF ATOMS');
    const atoms = int(i++);
    if (atoms > 1e8) bad('too many atoms', i - 1);
    expect('ITEM: BOX BOUNDS');
    const bounds: [number, number][] = [];
    for (let k = 0; k < 3; k++, i++) {
      const t = (lines[i] ?? '').trim().split(/\s+/).map(Number);
      if (t.length < 2 || !Number.isFinite(t[0]) || !Number.isFinite(t[1]))
        bad('expected box bounds lo hi', i);
      bounds.push([t[0]!, t[1]!]);
    }
    if (!(lines[i] ?? '').startsWith('ITEM: ATOMS')) bad('expected "ITEM: ATOMS"', i);
    const columns = lines[i]!.slice('ITEM: ATOMS'.length).trim().split(/\s+/).filter(Boolean);
    if (columns.length === 0) bad('ITEM: ATOMS names no columns', i);
    i++;
    const values = new Float64Array(atoms * columns.length);
    for (let a = 0; a < atoms; a++, i++) {
      if (i >= lines.length) bad(`frame at step ${step} ends after ${a} of ${atoms} atoms`, lines.length - 1);
      const t = lines[i]!.trim().split(/\s+/);
      if (t.length !== columns.length) bad(`expected ${columns.length} values, got ${t.length}`, i);
      for (let c = 0; c < columns.length; c++) {
        const v = Number(t[c]);
        if (!Number.isFinite(v) || t[c] === '') bad(`"${t[c]!.slice(0, 20)}" is not a number`, i);
        values[a * columns.length + c] = v;
      }
    }
    frames.push({ step, atoms, bounds, columns, values });
  }
  return frames;
}

/** A column of a dump frame ordered by atom id (1-based ids → index id−1). */
export function dumpColumns(frame: DumpFrame, names: readonly string[]): Float64Array {
  const idc = frame.columns.indexOf('id');
  const cols = names.map((nm) => {
    const c = frame.columns.indexOf(nm);
    if (c < 0) throw new InputError('lammps-dump', `the dump has no column "${nm}"`);
    return c;
  });
  const w = frame.columns.length;
  const out = new Float64Array(frame.atoms * names.length);
  for (let a = 0; a < frame.atoms; a++) {
    const id = idc >= 0 ? frame.values[a * w + idc]! - 1 : a;
    if (!(id >= 0 && id < frame.atoms))
      throw new InputError('lammps-dump', `atom id ${id + 1} outside 1…${frame.atoms}`);
    for (let k = 0; k < names.length; k++) out[id * names.length + k] = frame.values[a * w + cols[k]!]!;
  }
  return out;
}
