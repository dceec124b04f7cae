/**
 * One suite, both back ends: SQLite (a temp file) and PostgreSQL (a throwaway server started here,
 * see pg-server.ts; skipped, loudly, only when the PostgreSQL binaries are absent).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { openStore } from './open.js';
import { buildRecord, canonicalJson } from './provenance.js';
import { commandLine } from './save.js';
import { LATEST_SCHEMA, MIGRATIONS } from './schema.js';
import { type Backend, postgresBackend, postgresSkipReason, sqliteBackend } from './testing.js';

const pgSkip = postgresSkipReason();
if (pgSkip) console.warn(`\n!!! ${pgSkip}\n`);

const T0 = new Date('2026-01-02T03:04:05.000Z');
function rec(kind: string, inputs: unknown, report: unknown, at = T0) {
  return buildRecord({
    kind,
    command: `test ${kind}`,
    inputs,
    report,
    startedAt: at,
    endedAt: at,
    exitStatus: 0,
  });
}

/** A first-schema database with two rows, written with the version-1 SQL only. */
async function writeSchema1(backend: 'sqlite' | 'postgres', location: string): Promise<void> {
  const m1 = MIGRATIONS[0]!;
  const rows = [
    [
      'a'.repeat(64),
      'count',
      '[Au25(SR)18]-',
      -1,
      '2025-05-01T00:00:00.000Z',
      'h1',
      { command: 'old' },
      {
        formula: '[Au25(SR)18]-',
        charge: -1,
        primary: 'superatom-complex',
        results: [{ rule: 'superatom-complex', applies: true, count: 8, unit: 'e' }],
      },
    ],
    [
      'b'.repeat(64),
      'analyze',
      'Au13',
      0,
      '2025-05-02T00:00:00.000Z',
      'h2',
      { command: 'old' },
      { formula: 'Au13', pointGroup: 'Ih' },
    ],
  ] as const;
  if (backend === 'sqlite') {
    const { mkdirSync } = await import('node:fs');
    const { dirname } = await import('node:path');
    mkdirSync(dirname(location), { recursive: true });
    const db = new Database(location);
    db.exec(
      'CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    for (const s of m1.sql.sqlite) db.exec(s);
    db.prepare('INSERT INTO schema_version VALUES (1, ?, ?)').run(m1.description, '2025-05-01T00:00:00.000Z');
    const ins = db.prepare('INSERT INTO results VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (const r of rows)
      ins.run(r[0], r[1], r[2], r[3], r[4], r[5], JSON.stringify(r[6]), JSON.stringify(r[7]));
    db.close();
  } else {
    const c = new pg.Client({ connectionString: location });
    await c.connect();
    await c.query(
      'CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at timestamptz NOT NULL)',
    );
    for (const s of m1.sql.postgres) await c.query(s);
    await c.query('INSERT INTO schema_version VALUES (1, $1, $2)', [m1.description, '2025-05-01T00:00:00Z']);
    for (const r of rows)
      await c.query('INSERT INTO results VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb)', [
        r[0],
        r[1],
        r[2],
        r[3],
        r[4],
        r[5],
        JSON.stringify(r[6]),
        JSON.stringify(r[7]),
      ]);
    await c.end();
  }
}

async function setSchemaVersion(backend: 'sqlite' | 'postgres', location: string, v: number): Promise<void> {
  if (backend === 'sqlite') {
    const db = new Database(location);
    db.prepare('INSERT INTO schema_version VALUES (?, ?, ?)').run(
      v,
      'from the future',
      new Date().toISOString(),
    );
    db.close();
  } else {
    const c = new pg.Client({ connectionString: location });
    await c.connect();
    await c.query('INSERT INTO schema_version VALUES ($1, $2, now())', [v, 'from the future']);
    await c.end();
  }
}

describe('provenance', () => {
  it('canonical JSON sorts keys and drops undefined; the inputs hash is its sha256', () => {
    // independent construction: the canonical text written by hand
    const text = '{"a":[1,{"x":null,"y":2}],"b":"Au"}';
    expect(canonicalJson({ b: 'Au', a: [1, { y: 2, x: null, z: undefined }] })).toBe(text);
    const r = rec('count', { b: 'Au', a: [1, { y: 2, x: null }] }, {});
    expect(r.provenance.inputsHash).toBe(createHash('sha256').update(text).digest('hex'));
  });
  it('same inputs give the same id; different inputs or kind a different one', () => {
    const a = rec('count', { formula: 'Au25', rule: 'auto' }, { n: 1 });
    const b = rec('count', { rule: 'auto', formula: 'Au25' }, { n: 1 }, new Date('2026-03-03T00:00:00Z'));
    expect(b.id).toBe(a.id);
    expect(rec('count', { formula: 'Au25', rule: 'jellium' }, {}).id).not.toBe(a.id);
    expect(rec('formula', { formula: 'Au25', rule: 'auto' }, {}).id).not.toBe(a.id);
  });
  it('keeps the command line shell-quoted, without a database password', () => {
    expect(
      commandLine('count', ['[Au25(SR)18]-', '--db', 'postgres://ann:s3cret@db.example/results', "it's"]),
    ).toBe("superatom count '[Au25(SR)18]-' --db 'postgres://ann:***@db.example/results' 'it'\\''s'");
  });
  it('records the version, revision, data tables, host and times', () => {
    const p = rec('count', {}, {}).provenance;
    expect(p.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(p.revision).toMatch(/^([0-9a-f]{40}(-dirty)?|unknown)$/);
    expect(Object.keys(p.dataVersions).sort()).toEqual(['elements', 'isotopes', 'ligands', 'potentials']);
    expect(p.host.length).toBeGreaterThan(0);
    expect(p.startedAt).toBe(T0.toISOString());
  });
});

const backends: [string, () => Promise<Backend>, string | null][] = [
  ['sqlite', async () => sqliteBackend(), null],
  ['postgres', postgresBackend, pgSkip],
];

for (const [name, make, skip] of backends) {
  describe.skipIf(skip !== null)(`store on ${name}`, () => {
    let be: Backend;
    beforeAll(async () => {
      be = await make();
    }, 120_000);
    afterAll(async () => {
      await be?.teardown();
    });

    it('creates the database on first use at the latest schema', async () => {
      const loc = await be.fresh();
      const s = await openStore(loc);
      expect(await s.schemaVersion()).toBe(LATEST_SCHEMA);
      if (name === 'sqlite') expect(existsSync(loc)).toBe(true);
      expect(await s.count()).toBe(0);
      await s.close();
      // reopening migrates nothing
      const s2 = await openStore(loc);
      expect(await s2.migrate()).toEqual({ from: LATEST_SCHEMA, to: LATEST_SCHEMA });
      await s2.close();
    });

    it('saves whole reports with provenance; saving twice does not duplicate', async () => {
      const s = await openStore(await be.fresh());
      const report = { formula: '[Au25(SR)18]-', charge: -1, nested: { list: [1, 2.5, 'x'], u: 'Å' } };
      const r = rec('count', { formula: '[Au25(SR)18]-' }, report);
      expect(await s.save(r)).toBe(true);
      expect(await s.save(r)).toBe(false);
      expect(await s.saveMany([r, r])).toBe(0);
      expect(await s.count()).toBe(1);
      const back = await s.get(r.id);
      expect(back).toEqual(r);
      expect((await s.get(r.id.slice(0, 8)))?.id).toBe(r.id);
      expect(await s.get('0000000')).toBeUndefined();
      await expect(s.get('not-an-id')).rejects.toThrow(InputError);
      await s.close();
    });

    it('saveMany writes in chunks and counts only new records (repeats inside and across calls)', async () => {
      const s = await openStore(await be.fresh());
      const recs = Array.from({ length: 250 }, (_, i) => rec('count', { i }, { formula: 'Au13', i }));
      expect(await s.saveMany([...recs.slice(0, 120), recs[5]!])).toBe(120);
      expect(await s.saveMany(recs)).toBe(130);
      expect(await s.count()).toBe(250);
      expect((await s.get(recs[249]!.id))?.report).toEqual({ formula: 'Au13', i: 249 });
      await s.close();
    });

    it('indexes formula, Hill formula, charge, elements, electron count, point group, energy', async () => {
      const s = await openStore(await be.fresh());
      const count = rec(
        'count',
        { f: 1 },
        {
          formula: '[Au25(SC2H4Ph)18]-',
          charge: -1,
          primary: 'superatom-complex',
          results: [{ rule: 'superatom-complex', applies: true, count: 8, unit: 'e' }],
        },
      );
      const borane = rec(
        'count',
        { f: 2 },
        {
          formula: '[B6H6]2-',
          charge: -2,
          primary: 'wade-mingos',
          results: [{ rule: 'wade-mingos', applies: true, count: 7, unit: 'electron pairs' }],
        },
        new Date('2026-02-01T00:00:00Z'),
      );
      const analyze = rec(
        'analyze',
        { f: 3 },
        { formula: 'Au13', pointGroup: 'Ih' },
        new Date('2026-03-01T00:00:00Z'),
      );
      const search = rec(
        'search',
        { f: 4 },
        { potential: 'lj', bestEnergy: -173.928427, frames: [] },
        new Date('2026-03-02T00:00:00Z'),
      );
      expect(await s.saveMany([count, borane, analyze, search])).toBe(4);
      expect(count.hill).toBe('C144H162Au25S18');
      expect(count.elements).toEqual(['Au', 'C', 'H', 'S']);
      expect(count.electronCount).toBe(8);
      expect(borane.electronCount).toBe(14); // 7 skeletal pairs = 14 e
      const ids = async (q: Parameters<typeof s.query>[0]) => (await s.query(q)).map((r) => r.id).sort();
      expect(await ids({ kind: 'count' })).toEqual([count.id, borane.id].sort());
      expect(await ids({ formula: '[Au25(SC2H4Ph)18]-' })).toEqual([count.id]);
      // the same composition written differently (Hill formula and charge)
      expect(await ids({ formula: '[Au25(SCH2CH2Ph)18]-' })).toEqual([count.id]);
      expect(await ids({ formula: '[Au25(SC2H4Ph)18]' })).toEqual([]);
      expect(await ids({ elements: ['Au'] })).toEqual([count.id, analyze.id].sort());
      expect(await ids({ elements: ['Au', 'S'] })).toEqual([count.id]);
      expect(await ids({ since: '2026-02-15T00:00:00.000Z' })).toEqual([analyze.id, search.id].sort());
      expect(await ids({ electronCount: 14 })).toEqual([borane.id]);
      expect(await ids({ pointGroup: 'Ih' })).toEqual([analyze.id]);
      expect((await s.get(search.id))?.energy).toBeCloseTo(-173.928427, 9);
      // newest first, limit and offset
      expect((await s.query({ limit: 2 })).map((r) => r.id)).toEqual([search.id, analyze.id]);
      expect((await s.query({ limit: 1, offset: 3 })).map((r) => r.id)).toEqual([count.id]);
      expect(await s.count({ kind: 'count', elements: ['B'] })).toBe(1);
      expect(await s.delete([borane.id, borane.id, 'f'.repeat(64)])).toBe(1);
      expect(await s.count()).toBe(3);
      await s.close();
    });

    it('migrates a database of the first schema: rows intact, new columns filled', async () => {
      const loc = await be.fresh();
      await writeSchema1(name as 'sqlite' | 'postgres', loc);
      const s = await openStore(loc, { migrate: false });
      expect(await s.schemaVersion()).toBe(1);
      expect(await s.migrate()).toEqual({ from: 1, to: LATEST_SCHEMA });
      const a = await s.get('a'.repeat(64));
      expect(a?.formula).toBe('[Au25(SR)18]-');
      expect(a?.charge).toBe(-1);
      expect(a?.createdAt).toBe('2025-05-01T00:00:00.000Z');
      expect(a?.provenance).toEqual({ command: 'old' });
      expect(a?.electronCount).toBe(8);
      expect(a?.hill).toBe('Au25S18'); // generic R has no composition
      expect(a?.elements).toEqual(['Au', 'S']);
      const b = await s.get('b'.repeat(64));
      expect(b?.pointGroup).toBe('Ih');
      expect(b?.hill).toBe('Au13');
      expect(await s.count({ elements: ['Au'] })).toBe(2);
      await s.close();
    });

    it('refuses a database newer than the code, with a clear error', async () => {
      const loc = await be.fresh();
      (await openStore(loc)).close();
      await setSchemaVersion(name as 'sqlite' | 'postgres', loc, LATEST_SCHEMA + 1);
      const err = await openStore(loc).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).code).toBe('store-schema-newer');
      expect((err as InputError).message).toContain(`schema version ${LATEST_SCHEMA + 1}`);
    });
  });
}
