// Lennard-Jones energy+force kernel: superatom (TypeScript → JS) against the
// same loop in C compiled with gcc -O3 in this run. Prints evaluations per
// second and the JS/C time ratio for N = 38, 100, 1000.
// usage: npm run build && node bench/lj-kernel.bench.js [--seconds 1]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng } from '../dist/core/rng.js';
import { randomCluster } from '../dist/optimize/geometry.js';
import { createLbfgs } from '../dist/optimize/local.js';
import { createLennardJones } from '../dist/potential/lennard-jones.js';
import { truncatedOctahedron38 } from '../dist/potential/test-shapes.js';

const here = dirname(fileURLToPath(import.meta.url));
const argSeconds = process.argv.indexOf('--seconds');
const seconds = argSeconds > 0 ? Number(process.argv[argSeconds + 1]) : 1;

function cluster(n) {
  if (n === 38) return truncatedOctahedron38(2 ** (1 / 6));
  // a relaxed compact random cluster (what a search evaluates)
  const x = randomCluster(n, 2 ** (1 / 6), createRng(n));
  createLbfgs().minimize(createLennardJones(), x, { fmax: 0.1, maxIterations: n > 500 ? 50 : 200 });
  return x;
}

function timeJs(x) {
  const lj = createLennardJones();
  const f = new Float64Array(x.length);
  let reps = 1;
  let e = 0;
  // warm up and calibrate
  for (;;) {
    const t0 = performance.now();
    for (let r = 0; r < reps; r++) {
      x[0] += 1e-15;
      e = lj.evaluate(x, f);
    }
    const dt = performance.now() - t0;
    if (dt > 200) {
      reps = Math.max(1, Math.round((reps * seconds * 1000) / dt));
      break;
    }
    reps *= 2;
  }
  const t0 = performance.now();
  for (let r = 0; r < reps; r++) {
    x[0] += 1e-15;
    e = lj.evaluate(x, f);
  }
  return { perEval: (performance.now() - t0) / 1000 / reps, energy: e, reps };
}

const dir = mkdtempSync(join(tmpdir(), 'superatom-lj-'));
let cExe = null;
try {
  cExe = join(dir, 'lj');
  execFileSync('gcc', ['-O3', '-o', cExe, join(here, 'lj', 'lj.c')], { stdio: 'pipe' });
} catch (e) {
  console.log(`gcc not available or failed (${e.message.split('\n')[0]}): C baseline skipped`);
  cExe = null;
}

console.log(`Lennard-Jones energy + forces, all pairs, untruncated (node ${process.version}; C: gcc -O3)`);
console.log('    N   pairs    JS evals/s     C evals/s   JS/C time');
for (const n of [38, 100, 1000]) {
  const x = cluster(n);
  const js = timeJs(Float64Array.from(x));
  let cLine = '             —           —';
  if (cExe) {
    const bin = join(dir, `x${n}.bin`);
    writeFileSync(bin, Buffer.from(x.buffer, x.byteOffset, x.byteLength));
    const out = execFileSync(cExe, [bin, String(n), String(Math.max(10, Math.round(js.reps * 1.5)))])
      .toString()
      .trim();
    const [cPer, cEnergy] = out.split(/\s+/).map(Number);
    if (Math.abs(cEnergy - js.energy) > 1e-6 * Math.abs(js.energy)) {
      console.log(`  warning: C energy ${cEnergy} differs from JS ${js.energy}`);
    }
    cLine = `${(1 / cPer).toFixed(0).padStart(14)} ${(js.perEval / cPer).toFixed(2).padStart(11)}`;
  }
  console.log(
    `${String(n).padStart(5)} ${String((n * (n - 1)) / 2).padStart(7)} ${(1 / js.perEval).toFixed(0).padStart(13)}${cLine}`,
  );
}
rmSync(dir, { recursive: true, force: true });
