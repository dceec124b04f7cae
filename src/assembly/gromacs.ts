/**
 * GROMACS export of a bead system and its model: coordinates (.gro, nm), topology (.top) and a
 * parameter file (.mdp) for stochastic (Langevin) dynamics with the same T, damping and time step.
 *
 * Units: GROMACS uses nm, kJ/mol, ps, e, u. σ[nm] = σ[Å]/10; ε[kJ/mol] = ε[eV] · 96.485 332 12
 * (e·N_A = 96 485.332 12 C/mol, CODATA 2018, exact). Every pair gets an explicit [ nonbond_params ]
 * line (comb-rule 2 with the model's mixed or given σ_ij, ε_ij), so no mixing rule is left to GROMACS.
 * GROMACS' Coulomb constant is 138.935 458 kJ mol⁻¹ nm e⁻² = 14.399 645 eV Å e⁻² (GROMACS manual,
 * "Units"): the same value as the built-in model and LAMMPS metal.
 * Each free bead is one molecule; a rigid body becomes one molecule of its sites without internal
 * constraints (GROMACS has no rigid-body integrator: freeze or constrain them yourself — said in the
 * topology).
 */
import { InputError } from '../core/errors.js';
import { finiteCoulombCutoff } from './lammps.js';
import type { CgModel } from './model.js';
import type { BeadSystem } from './system.js';
import { wrapPositions } from './system.js';
import { standIn } from './trajectory.js';

/** kJ/mol per eV (CODATA 2018: e · N_A / 1000). */
export const KJ_PER_MOL_PER_EV = 96.48533212;

const f3 = (v: number) => v.toFixed(3).padStart(8);

function speciesOf(model: CgModel, name: string): number {
  const t = model.species.findIndex((s) => s.name === name);
  if (t < 0) throw new InputError('cg-species', `species "${name}" of the system is not in the model`);
  return t;
}

/** Molecules in file order: runs of free beads of one species, or one rigid body. */
function molecules(s: BeadSystem): { name: string; start: number; size: number }[] {
  const out: { name: string; start: number; size: number }[] = [];
  const n = s.types.length;
  let i = 0;
  while (i < n) {
    const b = s.bodies?.[i] ?? 0;
    if (b > 0) {
      let j = i;
      while (j < n && s.bodies![j] === b) j++;
      out.push({ name: 'BODY', start: i, size: j - i });
      i = j;
    } else {
      out.push({ name: s.species[s.types[i]!]!, start: i, size: 1 });
      i++;
    }
  }
  return out;
}

/** The .gro file (positions in nm; a finite system gets a box 2 nm beyond it). */
export function writeGro(
  s: BeadSystem,
  elements: Readonly<Record<string, string>> = {},
  title = 'Superatom bead system',
): string {
  const n = s.types.length;
  if (n > 99999)
    throw new InputError('gro-size', `.gro holds at most 99 999 atoms with 5-digit numbers; got ${n}`);
  const p = Float64Array.from(s.positions);
  let box: number[];
  if (s.box) {
    wrapPositions(p, s.box);
    box = [...s.box];
  } else {
    const lo = [Infinity, Infinity, Infinity];
    const hi = [-Infinity, -Infinity, -Infinity];
    for (let i = 0; i < 3 * n; i++) {
      lo[i % 3] = Math.min(lo[i % 3]!, p[i]!);
      hi[i % 3] = Math.max(hi[i % 3]!, p[i]!);
    }
    for (let i = 0; i < 3 * n; i++) p[i] = p[i]! - lo[i % 3]! + 20;
    box = [0, 1, 2].map((k) => hi[k]! - lo[k]! + 40);
  }
  const out = [title.replace(/\s+/g, ' ').slice(0, 80), String(n)];
  const mols = molecules(s);
  for (const [m, mol] of mols.entries())
    for (let k = 0; k < mol.size; k++) {
      const i = mol.start + k;
      // residue = the bead species (or BODY), atom name = its stand-in element (readers guess elements from it)
      const res = mol.name.slice(0, 5);
      const name = s.species[s.types[i]!]!;
      const atom = (elements[name] ?? standIn(name)).slice(0, 5);
      out.push(
        `${String((m + 1) % 100000).padStart(5)}${res.padEnd(5)}${atom.padStart(5)}${String((i + 1) % 100000).padStart(5)}${f3(p[3 * i]! / 10)}${f3(p[3 * i + 1]! / 10)}${f3(p[3 * i + 2]! / 10)}`,
      );
    }
  out.push(box.map((v) => (v / 10).toFixed(5).padStart(10)).join(''));
  return `${out.join('\n')}\n`;
}

/** The .top file: atom types, explicit pair parameters, molecule types and the molecule list. */
export function writeTop(model: CgModel, s: BeadSystem, title = 'Superatom bead system'): string {
  const ns = model.species.length;
  const L: string[] = [
    `; ${title.replace(/\s+/g, ' ')} — written by Superatom (src/assembly/gromacs.ts)`,
    '; units: nm, kJ/mol, e, u; sigma = σ[Å]/10, epsilon = ε[eV] × 96.48533212',
    '',
    '[ defaults ]',
    '; nbfunc  comb-rule  gen-pairs  fudgeLJ  fudgeQQ',
    '  1       2          no         1.0      1.0',
    '',
    '[ atomtypes ]',
    '; name  at.num  mass  charge  ptype  sigma(nm)  epsilon(kJ/mol)',
  ];
  for (const sp of model.species)
    L.push(
      `  ${sp.name}  0  ${sp.mass}  ${sp.charge}  A  ${(sp.sigma / 10).toPrecision(8)}  ${(sp.epsilon * KJ_PER_MOL_PER_EV).toPrecision(8)}`,
    );
  L.push('', '[ nonbond_params ]', '; i  j  func  sigma(nm)  epsilon(kJ/mol)');
  for (let i = 0; i < ns; i++)
    for (let j = i; j < ns; j++)
      L.push(
        `  ${model.species[i]!.name}  ${model.species[j]!.name}  1  ${(model.pairSigma[i * ns + j]! / 10).toPrecision(8)}  ${(model.pairEpsilon[i * ns + j]! * KJ_PER_MOL_PER_EV).toPrecision(8)}`,
      );
  const used = new Set<string>();
  const mols = molecules(s);
  let body: number[] | undefined;
  for (const mol of mols) {
    if (mol.name === 'BODY') {
      const seq = Array.from({ length: mol.size }, (_, k) => s.types[mol.start + k]!);
      if (body && (body.length !== seq.length || body.some((t, k) => t !== seq[k])))
        throw new InputError(
          'gro-bodies',
          'rigid bodies of different compositions cannot share one GROMACS molecule type',
          {
            hint: 'export one cluster kind at a time',
          },
        );
      body = seq;
    }
    used.add(mol.name);
  }
  for (const name of used) {
    L.push(
      '',
      '[ moleculetype ]',
      '; name  nrexcl',
      `  ${name}  1`,
      '',
      '[ atoms ]',
      '; nr  type  resnr  residue  atom  cgnr  charge  mass',
    );
    if (name === 'BODY') {
      L.push('; a rigid cluster: no internal constraints are written (GROMACS has no rigid bodies)');
      for (const [k, t] of body!.entries()) {
        const sp = model.species[speciesOf(model, s.species[t]!)]!;
        L.push(`  ${k + 1}  ${sp.name}  1  BODY  ${sp.element}  ${k + 1}  ${sp.charge}  ${sp.mass}`);
      }
    } else {
      const sp = model.species[speciesOf(model, name)]!;
      L.push(`  1  ${sp.name}  1  ${sp.name.slice(0, 5)}  ${sp.element}  1  ${sp.charge}  ${sp.mass}`);
    }
  }
  L.push('', '[ system ]', `  ${title.replace(/\s+/g, ' ')}`, '', '[ molecules ]');
  // consecutive runs of one molecule type
  let k = 0;
  while (k < mols.length) {
    let j = k;
    while (j < mols.length && mols[j]!.name === mols[k]!.name) j++;
    L.push(`  ${mols[k]!.name}  ${j - k}`);
    k = j;
  }
  return `${L.join('\n')}\n`;
}

/** A .mdp for stochastic dynamics (GROMACS' Langevin integrator `sd`) matching the model. */
export function writeMdp(model: CgModel, s: BeadSystem, steps: number): string {
  const rc = model.cutoff / 10;
  const coul = model.coulomb.method;
  const rcoul =
    coul === 'none'
      ? rc
      : (Number.isFinite(model.coulomb.cutoff) ? model.coulomb.cutoff : finiteCoulombCutoff(s)) / 10;
  return [
    '; written by Superatom: Langevin (sd) NVT with the cg.json parameters',
    'integrator     = sd',
    `dt             = ${model.timestep / 1000}`,
    `nsteps         = ${steps}`,
    'tc-grps        = System',
    `tau-t          = ${model.damping / 1000}`,
    `ref-t          = ${model.temperature}`,
    `ld-seed        = ${model.seed}`,
    'cutoff-scheme  = Verlet',
    `pbc            = ${s.box ? 'xyz' : 'xyz ; finite system: box 2 nm beyond it, cut-offs must stay below half the box'}`,
    'vdwtype        = Cut-off',
    'vdw-modifier   = None',
    `rvdw           = ${rc}`,
    `coulombtype    = ${coul === 'ewald' ? 'Ewald' : coul === 'pppm' ? 'PME' : 'Cut-off'}`,
    'coulomb-modifier = None',
    `rcoulomb       = ${Math.max(rcoul, rc)}`,
    `epsilon-r      = ${model.dielectric}`,
    ...(coul === 'ewald' || coul === 'pppm'
      ? [
          '; GROMACS ewald-rtol is the relative real-space potential at the cut-off, not LAMMPS’ force accuracy',
          'ewald-rtol     = 1e-5',
        ]
      : []),
    'DispCorr       = no',
    '',
  ].join('\n');
}
