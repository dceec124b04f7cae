#!/usr/bin/env node
// Results store: saves per second and a filtered query over 100 000 records, for Superatom's
// SQLite and PostgreSQL back ends and for ASE's database (ase.db on SQLite, python3-ase) doing the
// same work in the same run.
//
//   npm run build && node bench/store.bench.js [--records 100000] [--singles 1000]
//   (or: node bench/run.js store)
//
// The work, identical for each back end:
//  1. single saves: `--singles` records, each saved on its own (one transaction each, as
//     `superatom … --save` does; ASE: db.write per row);
//  2. bulk fill up to `--records` records in transactions of 1000 (Store.saveMany; ASE: `with db:`);
//  3. a filtered query, median of 5: results of kind "count" that contain Au and have 8 electrons —
//     (a) counted, (b) fetched with their whole JSON report decoded.
// Records are real `count` reports of the catalogue's formulas (src/data/catalogue.ts), made once
// before timing; each record has its own inputs, so its own id. PostgreSQL is a throwaway server
// started here (fsync off, as in the tests); SQLite runs in WAL mode with synchronous=NORMAL;
// ASE's SQLite backend runs with its defaults (rollback journal). Durability settings differ: say so
// when quoting the numbers.
// When ase is missing and this runs as root with apt-get, the script installs python3-ase
// (set SUPERATOM_BENCH_NO_INSTALL=1 to forbid); otherwise ASE is skipped with the reason.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATALOGUE } from '../dist/data/catalogue.js';
import { openStore } from '../dist/store/open.js';
import { findPostgresBin, startPostgres } from '../dist/store/pg-server.js';
import { buildRecord, canonicalJson } from '../dist/store/provenance.js';
import { countFormula } from '../dist/workflows/count.js';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const RECORDS = arg('records', 100_000);
const SINGLES = Math.min(arg('singles', 1000), RECORDS);
const BATCH = 1000;
const QUERY = { kind: 'count', elements: ['Au'], electronCount: 8, limit: 1e9 };

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

// ---- the records (made before any timing)
function makeRecords(n) {
  const templates = [];
  const t = new Date();
  for (const e of CATALOGUE) {
    let report;
    try {
      report = countFormula(e.formula, { rule: e.rule });
    } catch {
      continue;
    }
    const rec = buildRecord({
      kind: 'count',
      command: `superatom count '${e.formula}' --rule ${e.rule} --save`,
      inputs: {},
      report,
      startedAt: t,
      endedAt: t,
      exitStatus: 0,
    });
    if (rec.hill) templates.push(rec);
  }
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const tpl = templates[i % templates.length];
    const inputs = { args: [tpl.formula], options: { rule: tpl.report.rule, run: i } };
    const inputsHash = createHash('sha256').update(canonicalJson(inputs)).digest('hex');
    const id = createHash('sha256').update(`${tpl.id}:${i}`).digest('hex');
    const at = new Date(t.getTime() + i).toISOString();
    out[i] = {
      ...tpl,
      id,
      createdAt: at,
      provenance: { ...tpl.provenance, inputs, inputsHash, startedAt: at, endedAt: at },
    };
  }
  return out;
}

async function benchStore(label, location, records) {
  const s = await openStore(location);
  let t0 = performance.now();
  for (let i = 0; i < SINGLES; i++) await s.save(records[i]);
  const singleRate = SINGLES / ((performance.now() - t0) / 1000);
  t0 = performance.now();
  for (let i = SINGLES; i < records.length; i += BATCH) await s.saveMany(records.slice(i, i + BATCH));
  const bulkRate = (records.length - SINGLES) / ((performance.now() - t0) / 1000);
  const total = await s.count();
  const countMs = [];
  const fetchMs = [];
  let matches = 0;
  let fetched = 0;
  for (let k = 0; k < 5; k++) {
    let t = performance.now();
    matches = await s.count(QUERY);
    countMs.push(performance.now() - t);
    t = performance.now();
    const rows = await s.query(QUERY);
    fetched = rows.reduce((a, r) => a + (r.report.results ? 1 : 0), 0);
    fetchMs.push(performance.now() - t);
  }
  await s.close();
  return {
    label,
    singleRate,
    bulkRate,
    total,
    matches,
    fetched,
    countMs: median(countMs),
    fetchMs: median(fetchMs),
  };
}

// ---- ASE
function findAsePython() {
  for (const py of ['python3', '/usr/bin/python3']) {
    if (spawnSync(py, ['-c', 'import ase.db'], { stdio: 'ignore' }).status === 0) return py;
  }
  return null;
}

function ensureAse() {
  let py = findAsePython();
  if (py) return { py };
  if (process.env.SUPERATOM_BENCH_NO_INSTALL)
    return { why: 'python3-ase not installed (SUPERATOM_BENCH_NO_INSTALL set)' };
  if (process.getuid?.() !== 0 || spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status !== 0) {
    return { why: 'python3-ase not installed and cannot apt-get it here' };
  }
  console.log('installing python3-ase (Debian) for the comparison …');
  spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'python3-ase'], {
    stdio: 'ignore',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  py = findAsePython();
  return py ? { py } : { why: 'apt-get install python3-ase failed' };
}

const ASE_SCRIPT = `
import json, sys, time
import ase, ase.db
from ase import Atoms
path, dbpath, singles, batch = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
recs = [json.loads(l) for l in open(path)]
atoms = {}
def row(r):
    a = atoms.get(r['hill'])
    if a is None:
        a = atoms[r['hill']] = Atoms(r['hill'])
    return a
for r in recs: row(r)
db = ase.db.connect(dbpath, type='db', append=True)
t = time.perf_counter()
for r in recs[:singles]:
    db.write(row(r), kind=r['kind'], electrons=r['electronCount'] if r['electronCount'] is not None else -1, rid=r['id'], data={'report': r['report'], 'provenance': r['provenance']})
single = singles / (time.perf_counter() - t)
t = time.perf_counter()
for i in range(singles, len(recs), batch):
    with db:
        for r in recs[i:i + batch]:
            db.write(row(r), kind=r['kind'], electrons=r['electronCount'] if r['electronCount'] is not None else -1, rid=r['id'], data={'report': r['report'], 'provenance': r['provenance']})
bulk = (len(recs) - singles) / (time.perf_counter() - t)
total = db.count()
cm, fm = [], []
for k in range(5):
    t = time.perf_counter(); n = db.count('Au', kind='count', electrons=8); cm.append(time.perf_counter() - t)
    t = time.perf_counter(); f = sum(1 for r in db.select('Au', kind='count', electrons=8) if r.data['report']['results'] is not None); fm.append(time.perf_counter() - t)
med = lambda xs: sorted(xs)[len(xs) // 2]
print(json.dumps(dict(version=ase.__version__, singleRate=single, bulkRate=bulk, total=total, matches=n, fetched=f, countMs=1000 * med(cm), fetchMs=1000 * med(fm))))
`;

function benchAse(py, records, dir) {
  const path = join(dir, 'records.jsonl');
  writeFileSync(
    path,
    records
      .map((r) =>
        JSON.stringify({
          id: r.id,
          kind: r.kind,
          hill: r.hill,
          electronCount: r.electronCount,
          report: r.report,
          provenance: r.provenance,
        }),
      )
      .join('\n'),
  );
  const script = join(dir, 'ase_bench.py');
  writeFileSync(script, ASE_SCRIPT);
  const r = spawnSync(py, [script, path, join(dir, 'ase.db'), String(SINGLES), String(BATCH)], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) throw new Error(`ASE benchmark failed: ${r.stderr.slice(-2000)}`);
  const res = JSON.parse(r.stdout.trim().split('\n').pop());
  return { label: `ASE ${res.version} ase.db (SQLite)`, ...res };
}

// ---- run
const dir = mkdtempSync(join(tmpdir(), 'superatom-store-bench-'));
try {
  console.log(
    `store benchmark: ${fmt(SINGLES)} single saves, then a bulk fill to ${fmt(RECORDS)} records (transactions of ${BATCH}), then`,
  );
  console.log(
    `a filtered query (kind = count, contains Au, 8 electrons; median of 5). node ${process.version}`,
  );
  let t = performance.now();
  const records = makeRecords(RECORDS);
  console.log(
    `made ${fmt(records.length)} records from ${CATALOGUE.length} catalogue formulas in ${fmt((performance.now() - t) / 1000, 1)} s (not timed below)`,
  );
  const results = [];
  results.push(
    await benchStore('superatom SQLite (better-sqlite3, WAL)', join(dir, 'superatom.db'), records),
  );
  if (findPostgresBin()) {
    const server = await startPostgres();
    try {
      results.push(
        await benchStore(
          `superatom PostgreSQL ${/\d+(\.\d+)?/.exec(server.version)?.[0] ?? ''} (fsync off)`,
          server.url,
          records,
        ),
      );
    } finally {
      server.stop();
    }
  } else console.log('PostgreSQL: skipped — binaries (initdb/pg_ctl) not found');
  const ase = ensureAse();
  if (ase.py) {
    t = performance.now();
    results.push(benchAse(ase.py, records, dir));
    console.log(`ASE run took ${fmt((performance.now() - t) / 1000, 1)} s`);
  } else console.log(`ASE: skipped — ${ase.why}`);
  const base = results.find((r) => r.label.startsWith('ASE'));
  console.log('');
  console.log(
    `${'back end'.padEnd(46)} ${'saves/s'.padStart(9)} ${'bulk/s'.padStart(9)} ${'records'.padStart(8)} ${'matches'.padStart(8)} ${'count ms'.padStart(9)} ${'fetch ms'.padStart(9)}`,
  );
  for (const r of results) {
    console.log(
      `${r.label.padEnd(46)} ${fmt(r.singleRate).padStart(9)} ${fmt(r.bulkRate).padStart(9)} ${fmt(r.total).padStart(8)} ${fmt(r.matches).padStart(8)} ${fmt(r.countMs, 1).padStart(9)} ${fmt(r.fetchMs, 1).padStart(9)}`,
    );
  }
  if (base) {
    console.log('\nratios against ASE (>1: superatom faster)');
    for (const r of results) {
      if (r === base) continue;
      console.log(
        `  ${r.label.padEnd(44)} saves ×${(r.singleRate / base.singleRate).toFixed(2)}  bulk ×${(r.bulkRate / base.bulkRate).toFixed(2)}  count ×${(base.countMs / r.countMs).toFixed(2)}  fetch ×${(base.fetchMs / r.fetchMs).toFixed(2)}`,
      );
    }
  }
  const mismatch = results.filter((r) => r.matches !== results[0].matches || r.total !== results[0].total);
  if (mismatch.length) {
    console.log(
      `\nWARNING: back ends disagree on the query: ${results.map((r) => `${r.label}: ${r.matches}/${r.total}`).join('; ')}`,
    );
    process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
