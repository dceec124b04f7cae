/**
 * The command registry: one entry per command. Each command module is imported only when that
 * command runs (`load`), so `superatom formula …` never pays for the search, crystal or store code.
 * The one-line `summary` is repeated here for the command list; a test checks it against the module.
 */
import type { Command } from '../command.js';

export interface CommandEntry {
  readonly name: string;
  /** One line for the command list (the same text as the module's `summary`). */
  readonly summary: string;
  /** Import the command module. */
  load(): Promise<Command>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'formula',
    summary: 'parse a cluster formula: composition, charge, ligands with counting roles, masses and m/z',
    load: async () => (await import('./formula.js')).formulaCommand,
  },
  {
    name: 'demo',
    summary: 'show what Superatom says about the silver cluster [Ag29(BDTA)12(PPh3)4]3-',
    load: async () => (await import('./demo.js')).demoCommand,
  },
  {
    name: 'search',
    summary: 'global minimum search (basin hopping or genetic algorithm) on LJ, Morse, Gupta or Sutton–Chen',
    load: async () => (await import('./search.js')).searchCommand,
  },
  {
    name: 'optimize',
    summary: 'relax a structure (every frame of an XYZ file) on an empirical potential with L-BFGS or FIRE',
    load: async () => (await import('./optimize.js')).optimizeCommand,
  },
  {
    name: 'isotopes',
    summary: 'isotopic envelope of an ion: monoisotopic, most-abundant and average m/z, peaks, profile, SVG',
    load: async () => (await import('./isotopes.js')).isotopesCommand,
  },
  {
    name: 'assign',
    summary:
      'assign a measured ESI-MS peak list to candidate ions (charge, adducts, ligand loss, calibration)',
    load: async () => (await import('./assign.js')).assignCommand,
  },
  {
    name: 'count',
    summary:
      'electron counting: superatom, jellium, Wade–Mingos, Jemmis, Mingos, octet/18/32, Hückel, Hirsch',
    load: async () => (await import('./count.js')).countCommand,
  },
  {
    name: 'build',
    summary: 'build clusters (Mackay icosahedra, decahedra, fcc shapes, polyhedra, random) as XYZ/PDB/CIF',
    load: async () => (await import('./build.js')).buildCommand,
  },
  {
    name: 'convert',
    summary: 'convert structure files (xyz, extxyz, pdb, gro, cif); extract one molecule from a crystal',
    load: async () => (await import('./convert.js')).convertCommand,
  },
  {
    name: 'analyze',
    summary: 'point group, chirality, kernel shape, staples and bond statistics of a structure file',
    load: async () => (await import('./analyze.js')).analyzeCommand,
  },
  {
    name: 'compare',
    summary: 'RMSD of two structures after superposition (atoms matched by element, not file order)',
    load: async () => (await import('./compare.js')).compareCommand,
  },
  {
    name: 'results',
    summary:
      'results kept with --save: list, show, export (JSON lines, extended XYZ) and delete, with provenance',
    load: async () => (await import('./results.js')).resultsCommand,
  },
  {
    name: 'catalogue',
    summary:
      'known atomically precise clusters from the literature, every count and m/z recomputed; periodic-table map',
    load: async () => (await import('./catalogue.js')).catalogueCommand,
  },
  {
    name: 'calc',
    summary:
      'quantum engine (xtb GFN2/GFN1, NWChem PBE/PBE0): energy, HOMO–LUMO gap, charges, Fukui sites, vertical IP/EA',
    load: async () => (await import('./calc.js')).calcCommand,
  },
  {
    name: 'assemble',
    summary:
      'cluster assemblies: rings, wires, clusterphene and 2D lattices, supracrystals with counter-ions',
    load: async () => (await import('./assemble.js')).assembleCommand,
  },
  {
    name: 'md',
    summary: 'Langevin molecular dynamics of a coarse-grained assembly on the built-in engine or LAMMPS',
    load: async () => (await import('./md.js')).mdCommand,
  },
  {
    name: 'screen',
    summary:
      'high-throughput screening: a plan of candidates through count/build/relax/xtb, embedded, on a Redis queue or SLURM; ranked results',
    load: async () => (await import('./screen.js')).screenCommand,
  },
  {
    name: 'jellium',
    summary:
      'self-consistent spherical jellium (Kohn–Sham LDA/LSDA): levels, total energy, ΔSCF IP/EA, Δ₂E, multiply charged anions',
    load: async () => (await import('./jellium.js')).jelliumCommand,
  },
  {
    name: 'worker',
    summary: 'run screening jobs from a BullMQ/Redis queue (superatom screen --queue) into the results store',
    load: async () => (await import('./worker.js')).workerCommand,
  },
  {
    name: 'serve',
    summary: 'serve the workbench page and a JSON API (formula, count, isotopes, assign, analyze, results)',
    load: async () => (await import('./serve.js')).serveCommand,
  },
];

/** The registry entry called `name` (exact match), if any. */
export function findCommand(name: string): CommandEntry | undefined {
  return COMMANDS.find((c) => c.name === name);
}

/** Load every command module (for tests and the fuzz suite; the CLI itself loads one). */
export async function loadAllCommands(): Promise<Command[]> {
  return Promise.all(COMMANDS.map((c) => c.load()));
}
