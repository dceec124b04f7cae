// Lennard-Jones energy+force kernel: superatom's default kernel (WebAssembly SIMD, wasm/lj.ts) and
// its JS reference loop against the same loop in C (bench/lj/lj.c) compiled in this run with
// gcc -O3, gcc -O3 -ffast-math and gcc -O3 -march=native -ffast-math. Prints evaluations per
// second and time ratios for N = 38, 100, 1000 (goal: wasm/C-fast-math ≤ 1.0).
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

function timeJs(x, kernel) {
  const lj = createLennardJones({ kernel });
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
const builds = [
  ['O3', ['-O3']],
  ['fast', ['-O3', '-ffast-math']],
  ['native', ['-O3', '-march=native', '-ffast-math']],
];
const exe = {};
for (const [name, flags] of builds) {
  try {
    exe[name] = join(dir, `lj-${name}`);
    execFileSync('gcc', [...flags, '-o', exe[name], join(here, 'lj', 'lj.c')], { stdio: 'pipe' });
  } catch (e) {
    console.log(`gcc ${flags.join(' ')} failed (${e.message.split('\n')[0]}): that baseline is skipped`);
    delete exe[name];
  }
}

function timeC(name, n, x, reps, energy) {
  if (!exe[name]) return Number.NaN;
  const bin = join(dir, `x${n}.bin`);
  writeFileSync(bin, Buffer.from(x.buffer, x.byteOffset, x.byteLength));
  const out = execFileSync(exe[name], [bin, String(n), String(reps)])
    .toString()
    .trim();
  const [per, e] = out.split(/\s+/).map(Number);
  if (Math.abs(e - energy) > 1e-6 * Math.abs(energy))
    console.log(`  warning: C (${name}) energy ${e} differs from ${energy}`);
  return per;
}

const f2 = (v) => (Number.isFinite(v) ? v.toFixed(2) : '—');
const rate = (per) => (Number.isFinite(per) ? (1 / per).toFixed(0) : '—');
console.log(
  `Lennard-Jones energy + forces, all pairs, untruncated (node ${process.version}); evaluations per second`,
);
console.log('wasm = default kernel (WebAssembly SIMD), js = reference loop; C = bench/lj/lj.c under gcc');
console.log(
  '    N   pairs       wasm         js     C -O3  C fast-math  C native  wasm/fast  wasm/native  js/O3',
);
for (const n of [38, 100, 1000]) {
  const x = cluster(n);
  const wasm = timeJs(Float64Array.from(x), 'wasm');
  const js = timeJs(Float64Array.from(x), 'js');
  const reps = Math.max(10, Math.round(wasm.reps * 1.5));
  const c = Object.fromEntries(builds.map(([name]) => [name, timeC(name, n, x, reps, js.energy)]));
  if (Math.abs(wasm.energy - js.energy) > 1e-9 * Math.abs(js.energy)) {
    console.log(`  warning: wasm energy ${wasm.energy} differs from js ${js.energy}`);
  }
  console.log(
    `${String(n).padStart(5)} ${String((n * (n - 1)) / 2).padStart(7)} ${rate(wasm.perEval).padStart(10)} ${rate(js.perEval).padStart(10)} ${rate(c.O3).padStart(9)} ${rate(c.fast).padStart(12)} ${rate(c.native).padStart(9)} ${f2(wasm.perEval / c.fast).padStart(10)} ${f2(wasm.perEval / c.native).padStart(12)} ${f2(js.perEval / c.O3).padStart(6)}`,
  );
}
console.log('ratios are time ratios (below 1: superatom faster)');
rmSync(dir, { recursive: true, force: true });

// The search loop around the kernel: basin hopping on LJ38 (no seeding, 1500 steps, seed 5), time
// per energy evaluation in all against the kernel's own time per evaluation at N = 38.
{
  const { basinHopping } = await import('../dist/optimize/basin-hopping.js');
  const kernel = timeJs(truncatedOctahedron38(2 ** (1 / 6)), 'wasm').perEval;
  basinHopping({
    potential: createLennardJones(),
    atoms: 38,
    rng: createRng(5),
    maxSteps: 200,
    seeding: false,
  });
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const r = basinHopping({
    potential: createLennardJones(),
    atoms: 38,
    rng: createRng(5),
    maxSteps: 1500,
    seeding: false,
  });
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuS = (cpu.user + cpu.system) / 1e6;
  const per = cpuS / r.evaluations;
  console.log(
    `\nbasin hopping LJ38, ${r.steps} steps, ${r.evaluations} evaluations: ${wall.toFixed(2)} s wall, ${cpuS.toFixed(2)} CPU-s, ` +
      `${(per * 1e6).toFixed(1)} µs per evaluation in all against ${(kernel * 1e6).toFixed(1)} µs in the kernel ` +
      `(kernel share ${((100 * kernel) / per).toFixed(0)} %; the rest is L-BFGS and the walk)`,
  );
}
