// Many-body metal potentials at scale (issue 16 item 2): time of one energy + force evaluation of
// fcc Au balls of ≈ 1k, 3k and 10k atoms with the default cut-off and neighbour grid (gupta:Au from
// 1000 atoms, eam:Au from 300, sutton-chen:Au from 5000), µs per atom (flat = linear scaling), and
// the ratio against the all-pairs kernel of the same potential in the same run (Gupta and
// Sutton–Chen without a cut-off; at 10k atoms only with --full, ≈ 50 M pairs). Each timing is the
// median of several evaluations after a warm-up.
// usage: npm run build && node bench/metal.bench.js [--full]
import { GUPTA_PARAMETERS, SUTTON_CHEN_PARAMETERS } from '../dist/data/potentials.js';
import { createEam } from '../dist/potential/eam.js';
import { createGupta } from '../dist/potential/gupta.js';
import { createSuttonChen, suttonChenCutOff } from '../dist/potential/sutton-chen.js';
import { fccBall } from '../dist/potential/test-shapes.js';

const full = process.argv.includes('--full');
const nn = GUPTA_PARAMETERS.Au.r0A;
// fcc ball radii (Å) giving 1205, 3589 and 12 017 atoms
const sizes = [17, 24.5, 36.5].map((r) => fccBall(r, nn));

function median(a) {
  const s = [...a].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)];
}

function time(pot, x, reps) {
  const f = new Float64Array(x.length);
  pot.evaluate(x, f); // warm-up
  const t = [];
  for (let k = 0; k < reps; k++) {
    const t0 = performance.now();
    pot.evaluate(x, f);
    t.push(performance.now() - t0);
  }
  return median(t);
}

const sc = SUTTON_CHEN_PARAMETERS.Au;
const scSet = { n: sc.n, m: sc.m, c: sc.c, epsilon: sc.epsilonEv, a: sc.aA };
// sutton-chen:Au sums every pair below 5000 atoms by default; its cut-off kernel is timed at every
// size here (the kernel sutton-chen:Au uses from 5000 atoms on)
const rows = [
  ['gupta:Au', () => createGupta('Au'), () => createGupta('Au', undefined, null)],
  ['eam:Au', () => createEam('Au'), undefined],
  [
    'sutton-chen:Au',
    () => createSuttonChen({ ...scSet, cutOff: { ...suttonChenCutOff(sc.m, sc.aA), minAtoms: 2 } }),
    () => createSuttonChen(scSet),
  ],
];

console.log('potential          atoms   cut-off+grid ms  µs/atom   all-pairs ms  all-pairs / cut-off');
for (const [name, make, makeAll] of rows) {
  const perAtom = [];
  for (const x of sizes) {
    const n = x.length / 3;
    const reps = n > 5000 ? 3 : 7;
    const tc = time(make(), x, reps);
    perAtom.push((1000 * tc) / n);
    let ta;
    if (makeAll && (full || n < 5000)) ta = time(makeAll(), x, n > 5000 ? 1 : 3);
    console.log(
      `${name.padEnd(16)} ${String(n).padStart(7)}   ${tc.toFixed(2).padStart(13)}  ${((1000 * tc) / n).toFixed(2).padStart(7)}   ${ta === undefined ? '           –' : ta.toFixed(1).padStart(12)}  ${ta === undefined ? '   –' : `${(ta / tc).toFixed(1)}×`}`,
    );
  }
  console.log(
    `${name.padEnd(16)} linear-scaling check: µs/atom at 10k ÷ at 1k = ${(perAtom[2] / perAtom[0]).toFixed(2)} (1.00 = linear; all pairs would give ≈ ${(sizes[2].length / sizes[0].length).toFixed(1)})`,
  );
}
