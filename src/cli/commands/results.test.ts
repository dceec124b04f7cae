/**
 * `--save` on the computing commands and `superatom results …`, on SQLite and on PostgreSQL
 * (a throwaway server; skipped, loudly, only when the PostgreSQL binaries are absent).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.js';
import { type Backend, postgresBackend, postgresSkipReason, sqliteBackend } from '../../store/testing.js';
import { runCli } from '../testing.js';
import { parseSince } from './results.js';

const pgSkip = postgresSkipReason();
const dir = mkdtempSync(join(tmpdir(), 'superatom-results-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// An octahedron of six Au atoms at ±2.0 Å on the axes: point group Oh by construction.
const OCTA = [
  '6',
  'Au6 octahedron',
  ...['2 0 0', '-2 0 0', '0 2 0', '0 -2 0', '0 0 2', '0 0 -2'].map((p) => `Au ${p}`),
].join('\n');
writeFileSync(join(dir, 'au6.xyz'), `${OCTA}\n`);
// the same octahedron with one atom moved 0.3 Å outwards
writeFileSync(join(dir, 'au6b.xyz'), `${OCTA.replace('Au 2 0 0', 'Au 2.3 0 0')}\n`);

type Listed = {
  results: {
    id: string;
    kind: string;
    formula: string;
    charge: number;
    createdAt: string;
    provenance: Record<string, unknown>;
    report: Record<string, unknown>;
    electronCount: number | null;
    pointGroup: string | null;
  }[];
};

for (const [name, make, skip] of [
  ['sqlite', async () => sqliteBackend(), null],
  ['postgres', postgresBackend, pgSkip],
] as const) {
  describe.skipIf(skip !== null)(`results on ${name}`, () => {
    let be: Backend;
    let db: string;
    beforeAll(async () => {
      be = await make();
      db = await be.fresh();
    }, 120_000);
    afterAll(async () => be?.teardown());

    it('count "[Au25(SR)18]-" --save, then results list --json shows it with its provenance', async () => {
      const saved = await runCli(['count', '[Au25(SR)18]-', '--save', '--db', db], dir);
      expect(saved.code).toBe(0);
      expect(saved.err).toMatch(/^saved: count result [0-9a-f]{12} in /m);
      expect(saved.out).toContain('8'); // the printed report is unchanged
      const again = await runCli(
        ['count', '[Au25(SR)18]-', '--rule', 'auto', '--json', '--save', '--db', db],
        dir,
      );
      expect(again.err).toMatch(/already saved/);
      const list = await runCli(['results', 'list', '--json', '--db', db], dir);
      expect(list.code).toBe(0);
      const { results } = JSON.parse(list.out) as Listed;
      expect(results).toHaveLength(1);
      const r = results[0]!;
      expect(r.kind).toBe('count');
      expect(r.formula).toBe('[Au25(SR)18]-');
      expect(r.charge).toBe(-1);
      // Au25(SR)18−: 25 Au 6s electrons − 18 thiolates − (−1) = 8 (Walter et al., PNAS 105, 9157 (2008))
      expect(r.electronCount).toBe(8);
      expect(Date.parse(r.createdAt)).toBeGreaterThan(Date.parse('2026-01-01'));
      const p = r.provenance;
      expect(Object.keys(p)).toEqual(
        expect.arrayContaining([
          'command',
          'inputs',
          'inputsHash',
          'version',
          'revision',
          'engine',
          'host',
          'startedAt',
          'endedAt',
          'exitStatus',
        ]),
      );
      expect(String(p.command)).toMatch(/^superatom count '\[Au25\(SR\)18\]-' --save --db /);
      expect(p.inputs).toMatchObject({
        args: ['[Au25(SR)18]-'],
        options: { rule: 'auto', model: 'jellium' },
      });
      expect(p.inputsHash).toMatch(/^[0-9a-f]{64}$/);
      expect(p.exitStatus).toBe(0);
      expect(p.engine).toBeNull();
      expect(Date.parse(String(p.endedAt))).toBeGreaterThanOrEqual(Date.parse(String(p.startedAt)));
      expect(r.report.primary).toBe('superatom-complex');
      // the same report the command prints with --json
      expect(r.report).toEqual(JSON.parse(again.out));
    });

    it('keeps structures (compare --save) and exports them as extended XYZ and JSON lines', async () => {
      const a = await runCli(['compare', 'au6.xyz', 'au6b.xyz', '--json', '--save', '--db', db], dir);
      expect(a.code).toBe(0);
      const list = JSON.parse(
        (await runCli(['results', 'list', '--kind', 'compare', '--json', '--db', db], dir)).out,
      ) as Listed;
      expect(list.results).toHaveLength(1);
      expect(list.results[0]!.formula).toBe('Au6');
      const inputs = list.results[0]!.provenance.inputs as { args: { file: string; sha256: string }[] };
      expect(inputs.args[0]!.file).toBe('au6.xyz');
      // the file stands for its content: sha256 of the bytes written above
      expect(inputs.args[0]!.sha256).toBe(createHash('sha256').update(`${OCTA}\n`).digest('hex'));
      const x = await runCli(['results', 'export', '--format', 'extxyz', '-o', 'out.xyz', '--db', db], dir);
      expect(x.code).toBe(0);
      expect(x.err).toMatch(/2 frame\(s\) from 1 result\(s\); 1 result\(s\) kept no structure/);
      const text = readFileSync(join(dir, 'out.xyz'), 'utf8');
      expect(text.split('\n')[0]).toBe('6');
      expect(text).toContain('superatom_kind=compare');
      expect(text).toMatch(/rmsd_A=0\.\d+/);
      const j = await runCli(['results', 'export', '--db', db], dir);
      const lines = j.out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { kind: string; structures: unknown[] | null });
      expect(lines.map((l) => l.kind).sort()).toEqual(['compare', 'count']);
      expect(lines.find((l) => l.kind === 'compare')?.structures).toHaveLength(2);
      // ASE reads the export when it is installed (python3-ase); not a requirement of the suite
      const py = ['python3', '/usr/bin/python3'].find((p) => {
        try {
          execFileSync(p, ['-c', 'import ase.io'], { stdio: 'ignore' });
          return true;
        } catch {
          return false;
        }
      });
      if (py) {
        const out = execFileSync(
          py,
          [
            '-c',
            "import ase.io,sys; f=ase.io.read(sys.argv[1], index=':'); print(len(f), f[1].get_chemical_formula(), round(f[1].positions[0][0], 3), f[0].info['superatom_kind'])",
            join(dir, 'out.xyz'),
          ],
          { encoding: 'utf8' },
        );
        expect(out.trim()).toBe('2 Au6 2.3 compare');
      }
    });

    it('indexes the point group of analyze --save (an octahedron is Oh by construction)', async () => {
      const db2 = await be.fresh();
      expect((await runCli(['analyze', 'au6.xyz', '--save', '--db', db2], dir)).code).toBe(0);
      const l = JSON.parse(
        (await runCli(['results', 'list', '--point-group', 'Oh', '--json', '--db', db2], dir)).out,
      ) as Listed;
      expect(l.results.map((r) => [r.kind, r.formula, r.pointGroup])).toEqual([['analyze', 'Au6', 'Oh']]);
    });

    it('filters, shows and deletes', async () => {
      await runCli(['formula', '[B6H6]2-', '--save', '--db', db], dir);
      const q = async (...f: string[]) =>
        (
          JSON.parse((await runCli(['results', 'list', '--json', '--db', db, ...f], dir)).out) as Listed
        ).results
          .map((r) => r.kind)
          .sort();
      expect(await q('--elements', 'Au')).toEqual(['compare', 'count']);
      expect(await q('--elements', 'B,H')).toEqual(['formula']);
      expect(await q('--formula', '[Au25(SR)18]-')).toEqual(['count']);
      expect(await q('--since', '1h')).toEqual(['compare', 'count', 'formula']);
      expect(await q('--since', '2999-01-01')).toEqual([]);
      const id = (
        JSON.parse(
          (await runCli(['results', 'list', '--kind', 'formula', '--json', '--db', db], dir)).out,
        ) as Listed
      ).results[0]!.id;
      const show = await runCli(['results', 'show', id.slice(0, 10), '--db', db], dir);
      expect(show.code).toBe(0);
      expect(show.out).toContain(`id          ${id}`);
      expect(show.out).toContain("command   superatom formula '[B6H6]2-' --save");
      const text = await runCli(['results', 'list', '--db', db], dir);
      expect(text.out).toMatch(/3 of 3 result\(s\)/);
      const del = await runCli(['results', 'delete', id.slice(0, 8), '--db', db], dir);
      expect(del.out).toBe('deleted 1 result(s)\n');
      expect(await q()).toEqual(['compare', 'count']);
      const missing = await runCli(['results', 'show', id, '--db', db], dir);
      expect(missing.code).toBe(2);
      expect(missing.err).toContain('no result with id');
    });
  });
}

describe('results: bad input', () => {
  it('an unwritable database path is a clear error, exit 2, nothing computed', async () => {
    writeFileSync(join(dir, 'plain-file'), 'x');
    const r = await runCli(['count', 'Au13', '--save', '--db', 'plain-file/sub/results.db'], dir);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(
      /^error: cannot create the folder for the results database .*plain-file\/sub\/results\.db: ENOTDIR/,
    );
    // a location where no file can be created (Linux /proc), and a file that is not a database
    const proc = await runCli(['count', 'Au13', '--save', '--db', '/proc/superatom-test.db'], dir);
    expect(proc.code).toBe(2);
    expect(proc.err).toMatch(
      /^error: cannot write the results database \/proc\/superatom-test\.db: .*SQLITE_CANTOPEN/,
    );
    writeFileSync(join(dir, 'text.db'), 'not a database, just text\n'.repeat(100));
    const text = await runCli(['results', 'list', '--db', 'text.db'], dir);
    expect(text.code).toBe(2);
    expect(text.err).toContain('is not a SQLite database');
    const d = await runCli(['results', 'list', '--db', dir], dir);
    expect(d.code).toBe(2);
    expect(d.err).toContain('is a folder, not a file');
  });
  it('a server that is not there is a clear error, exit 2', async () => {
    const r = await runCli(['count', 'Au13', '--db', 'postgres://nobody@127.0.0.1:1/none'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot connect to the results database postgres:\/\/nobody@127\.0\.0\.1:1\/none/);
  });
  it('SUPERATOM_DB selects the database; --help lists --save', async () => {
    const prev = process.env.SUPERATOM_DB;
    process.env.SUPERATOM_DB = join(dir, 'env.db');
    try {
      expect((await runCli(['formula', 'Au13', '--save'], dir)).code).toBe(0);
      expect(existsSync(join(dir, 'env.db'))).toBe(true);
      const l = JSON.parse((await runCli(['results', 'list', '--json'], dir)).out) as Listed;
      expect(l.results.map((x) => x.formula)).toEqual(['Au13']);
    } finally {
      if (prev === undefined) delete process.env.SUPERATOM_DB;
      else process.env.SUPERATOM_DB = prev;
    }
    expect((await runCli(['count', '--help'], dir)).out).toMatch(/--save/);
    expect((await runCli(['build', '--help'], dir)).out).not.toMatch(/--save/);
  });
  it('--since takes dates, times and ages; anything else is an error', async () => {
    const now = new Date('2026-12-04T12:00:00Z');
    expect(parseSince('7d', now)).toBe('2026-11-27T12:00:00.000Z');
    expect(parseSince('90m', now)).toBe('2026-12-04T10:30:00.000Z');
    expect(parseSince('2026-12-01', now)).toBe('2026-12-01T00:00:00.000Z');
    expect(parseSince('2026-12-01T09:30+01:00', now)).toBe('2026-12-01T08:30:00.000Z');
    expect(parseSince('2026-12-01 09:30', now)).toBe('2026-12-01T09:30:00.000Z'); // no offset: UTC
    // fuzz: any text gives an ISO time or an InputError, never another exception
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (t) => {
        try {
          expect(Number.isNaN(Date.parse(parseSince(t, now)))).toBe(false);
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 500 },
    );
    // an age of n days is exactly n × 86 400 s before now
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (n) => {
        expect(Date.parse(parseSince(`${n}d`, now))).toBe(now.getTime() - n * 86_400_000);
      }),
    );
    const r = await runCli(['results', 'list', '--since', 'yesterday', '--db', join(dir, 'x.db')], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--since expects a date');
    expect((await runCli(['results', 'frobnicate'], dir)).code).toBe(2);
  });
});
