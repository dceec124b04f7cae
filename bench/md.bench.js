// Coarse-grained MD throughput: steps per second of the built-in Langevin integrator
// (src/assembly) against LAMMPS on 1 and 2 MPI ranks, same model and configuration: a rock-salt
// arrangement of ±1 beads (fcc Au25⁻ + TOA⁺ in the octahedral holes), LJ + cut-off Coulomb
// (lj/cut/coul/cut, 2.5 σ), Langevin at 300 K. LAMMPS time is its own "Loop time" (no start-up).
// Default: 10³ and 10⁴ beads. --full adds 10⁵ beads (LAMMPS; built-in timed over a few steps).
// usage: npm run build && node bench/md.bench.js [--full]
import { addCounterions, crystal } from '../dist/assembly/builders.js';
import { createForceField } from '../dist/assembly/forces.js';
import { runLangevin } from '../dist/assembly/langevin.js';
import { modelFromObject } from '../dist/assembly/model.js';
import { createRng } from '../dist/core/rng.js';
import { lammpsAvailable, runLammps } from '../dist/engines/lammps.js';

const full = process.argv.includes('--full');
const model = modelFromObject({
  species: {
    Au25: { mass: 7394, sigma: 17.8, epsilon: 0.05, charge: -1 },
    TOA: { mass: 466.9, sigma: 8.9, epsilon: 0.02, charge: 1, element: 'N' },
  },
  cutoff: 25,
  coulomb: { method: 'direct', cutoff: 25 },
  dielectric: 4,
  temperature: 300,
  damping: 1000,
  timestep: 10,
  seed: 1,
});

function system(cells) {
  const base = crystal(
    { species: 'Au25', radius: 5, shell: 5, charge: -1 },
    { lattice: 'fcc', repeat: [cells, cells, cells] },
  );
  return addCounterions(base, { species: 'TOA', charge: 1 }, 'fcc', [cells, cells, cells]).system;
}

function builtin(s, steps) {
  const ff = createForceField(model, s);
  runLangevin(ff, s, { steps: 2, rng: createRng(1) }); // warm up
  const t0 = performance.now();
  runLangevin(ff, s, { steps, rng: createRng(2), thermoEvery: steps });
  return steps / ((performance.now() - t0) / 1000);
}

async function lammps(s, steps, ranks) {
  const r = await runLammps(model, s, { steps, thermoEvery: steps, ranks, timeLimitMs: 600000 });
  return steps / r.loopSeconds;
}

const sizes = [
  { cells: 5, ours: 200, theirs: 2000 }, // 1 000 beads
  { cells: 11, ours: 20, theirs: 200 }, // 10 648 beads
  ...(full ? [{ cells: 23, ours: 3, theirs: 50 }] : []), // 97 336 beads
];
const haveLammps = await lammpsAvailable();
if (!haveLammps) console.log('LAMMPS (lmp) not found: built-in only');
console.log(
  'beads     built-in steps/s   LAMMPS 1 rank   LAMMPS 2 ranks   built-in/LAMMPS(1)   2 ranks/1 rank',
);
for (const { cells, ours, theirs } of sizes) {
  const s = system(cells);
  const n = s.types.length;
  const a = builtin(s, ours);
  let l1 = Number.NaN;
  let l2 = Number.NaN;
  if (haveLammps) {
    l1 = await lammps(s, theirs, 1);
    l2 = await lammps(s, theirs, 2);
  }
  const f = (v) => (Number.isFinite(v) ? v.toPrecision(4) : '—');
  console.log(
    `${String(n).padEnd(9)} ${f(a).padStart(16)}   ${f(l1).padStart(13)}   ${f(l2).padStart(14)}   ${f(a / l1).padStart(18)}   ${f(l2 / l1).padStart(14)}`,
  );
}
