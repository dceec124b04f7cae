#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.js in turn (after `npm run build`), each printing
// ratios against a baseline measured in the same run. Extra arguments (e.g. --full) are passed on.
// Run one: node bench/run.js isotopes   (matches file names containing the word)
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const filters = args.filter((a) => !a.startsWith('-'));
const flags = args.filter((a) => a.startsWith('-'));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.js'))
  .filter((f) => filters.length === 0 || filters.some((w) => f.includes(w)))
  .sort();
if (files.length === 0) {
  console.error(`no benchmark matches ${filters.join(', ')}`);
  process.exit(2);
}
let failed = 0;
const t0 = performance.now();
for (const f of files) {
  console.log(`\n##### ${f}`);
  const start = performance.now();
  const r = spawnSync(process.execPath, [join(here, f), ...flags], { stdio: 'inherit' });
  const s = ((performance.now() - start) / 1000).toFixed(1);
  if (r.status !== 0) {
    failed++;
    console.log(`##### ${f} FAILED (status ${r.status}) after ${s} s`);
  } else console.log(`##### ${f} done in ${s} s`);
}
console.log(`\nall benchmarks: ${((performance.now() - t0) / 1000).toFixed(1)} s, ${failed} failed`);
process.exit(failed ? 1 : 0);
