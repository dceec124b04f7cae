/**
 * `superatom screen`: plan errors at their line, an embedded run with ranked results (table, CSV,
 * JSON lines), SLURM/shell export (the shell fan-out run for real with the built CLI), an embedded
 * runner killed mid-run and resumed, and the doped-superatom plan with xtb GFN1 gaps.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { xtbAvailable } from '../../engines/xtb-testing.js';
import {
  BIN,
  killAll,
  PLAN_200,
  processSkipReason,
  REPO,
  REQUIRED,
  spawnCli,
  waitFor,
} from '../../queue/testing.js';
import { openStore } from '../../store/open.js';
import { runCli } from '../testing.js';

const dir = mkdtempSync(join(tmpdir(), 'superatom-screen-'));
const xtbSkip = !REQUIRED && !xtbAvailable();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SMALL = `name: small
space:
  - formula: "[{M}Au12]{q}"
    vars: { M: [Ta, W, Re], q: [0, 1] }
pipeline:
  - count: {}
  - filter: { verdict: [closed-shell, open-shell] }
  - build: { shape: icosahedron }
rank:
  - { by: closed, order: desc }
  - { by: electrons, order: asc }
`;

describe('superatom screen (in-process)', () => {
  it('reports plan errors at their line with exit 2', async () => {
    writeFileSync(join(dir, 'bad.yaml'), SMALL.replace('shape: icosahedron', 'shape: cube'));
    const r = await runCli(['screen', 'bad.yaml', '--db', join(dir, 'bad.db')], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/line 8/);
    expect(r.err).toMatch(/unknown shape "cube"/);
    expect(r.err).not.toMatch(/at .*\.ts:/);
  });

  it('runs a plan embedded, ranks closed shells first, writes CSV and JSON lines', async () => {
    writeFileSync(join(dir, 'small.yaml'), SMALL);
    const db = join(dir, 'small.db');
    const r = await runCli(['screen', 'small.yaml', '--db', db, '--workers', '0'], dir);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/6\/6 done, 0 failed/);
    // closed 18-electron shells first: [WAu12] (W 6 + 12 Au) and [ReAu12]+ (Re 7 + 12 − 1)
    const csv = await runCli(['screen', 'results', 'small', '--db', db, '--format', 'csv'], dir);
    const lines = csv.out.trim().split('\r\n');
    expect(lines.length).toBe(7);
    expect(
      lines
        .slice(1, 3)
        .map((l) => l.split(',')[1])
        .sort(),
    ).toEqual(['[ReAu12]+1', '[WAu12]0']);
    expect(lines.slice(1, 3).every((l) => l.includes(',18,closed-shell,yes,13,'))).toBe(true);
    const jl = await runCli(['screen', 'results', '--db', db, '--format', 'jsonl'], dir);
    const rows = jl.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((x) => x.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows[0]).toMatchObject({ status: 'ok', electrons: 18, closed: true, atoms: 13 });
    const again = await runCli(['screen', 'small.yaml', '--db', db, '--workers', '0', '--json'], dir);
    expect(JSON.parse(again.out)).toMatchObject({ ran: 0, saved: 0 }); // same job ids: nothing to do
    const svg = await runCli(
      [
        'screen',
        'results',
        '--db',
        db,
        '--svg',
        'e.svg',
        '--property',
        'electrons',
        '--x',
        'M',
        '--series',
        'q',
      ],
      dir,
    );
    expect(svg.code, svg.err).toBe(0);
    const text = readFileSync(join(dir, 'e.svg'), 'utf8');
    expect(text).toMatch(/^<svg /);
    expect((text.match(/<circle /g) ?? []).length).toBe(6 + 2); // 6 points + 2 legend marks
    const badVar = await runCli(['screen', 'results', '--db', db, '--svg', 'x.svg', '--x', 'Z'], dir);
    expect(badVar.code).toBe(2);
    const st = await runCli(['screen', 'status', '--db', db, '--json', '--watch'], dir);
    expect(JSON.parse(st.out)).toMatchObject({ total: 6, done: 6, pending: 0, duplicates: 0 });
  });

  it('a job that keeps failing is retried, then reported failed; resume runs it again', async () => {
    // xtb "missing": the refine step throws an EngineError on every attempt
    writeFileSync(
      join(dir, 'fail.yaml'),
      `name: fail
space:
  - formula: "[{M}Au12]0"
    vars: { M: [W] }
pipeline:
  - count: {}
  - build: { shape: icosahedron }
  - refine: { engine: xtb, method: gfn1 }
attempts: 2
`,
    );
    const db = join(dir, 'fail.db');
    const saved = process.env.SUPERATOM_XTB;
    process.env.SUPERATOM_XTB = join(dir, 'no-such-xtb');
    try {
      const r = await runCli(['screen', 'fail.yaml', '--db', db, '--workers', '0', '--json'], dir);
      expect(r.code).toBe(1);
      expect(JSON.parse(r.out).status).toMatchObject({ total: 1, done: 0, failed: 1, starts: 2, errors: 2 });
    } finally {
      if (saved === undefined) delete process.env.SUPERATOM_XTB;
      else process.env.SUPERATOM_XTB = saved;
    }
    if (!xtbSkip) {
      const again = await runCli(['screen', 'resume', 'fail', '--db', db, '--workers', '0', '--json'], dir);
      expect(again.code, again.err).toBe(0);
      expect(JSON.parse(again.out).status).toMatchObject({ total: 1, done: 1, failed: 0 });
    }
  });

  it('screens structure files (read relative to the plan)', async () => {
    writeFileSync(
      join(dir, 'files.yaml'),
      `name: files
space:
  - structures: [${join(REPO, 'examples', 'au13.xyz')}]
pipeline:
  - count: {}
  - relax: { potential: gupta }
`,
    );
    const r = await runCli(
      ['screen', 'files.yaml', '--db', join(dir, 'files.db'), '--workers', '0', '--json'],
      dir,
    );
    expect(r.code, r.err).toBe(0);
    const jl = await runCli(
      ['screen', 'results', 'files', '--db', join(dir, 'files.db'), '--format', 'jsonl'],
      dir,
    );
    const row = JSON.parse(jl.out.trim().split('\n')[0]!);
    // Au13: 13 electrons, open shell (jellium 1S2 1P6 1D5)
    expect(row).toMatchObject({ formula: '[Au13]0', atoms: 13, electrons: 13, closed: false, shape: 'file' });
    expect(row.relax.energyPerAtom).toBeLessThan(-2);
  });

  it('worker and --queue: a bad or unreachable Redis URL is exit 2, not a hang', async () => {
    const db = join(dir, 'w.db');
    const bad = await runCli(['worker', '--queue', 'http://127.0.0.1:1', '--db', db], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/redis:\/\//);
    const down = await runCli(['worker', '--queue', 'redis://127.0.0.1:1', '--db', db], dir);
    expect(down.code).toBe(2);
    expect(down.err).toMatch(/cannot reach the Redis queue/);
    const sub = await runCli(['screen', 'small.yaml', '--queue', 'redis://127.0.0.1:1', '--db', db], dir);
    expect(sub.code).toBe(2);
  });

  it('exports a SLURM array and a shell fan-out', async () => {
    writeFileSync(join(dir, 'fan.yaml'), SMALL.replace('name: small', 'name: fan'));
    const db = join(dir, 'fan.db');
    const r = await runCli(
      [
        'screen',
        'export',
        'fan.yaml',
        '--slurm',
        '--db',
        db,
        '-o',
        'run',
        '--parallel',
        '3',
        '--command',
        `node ${BIN}`,
      ],
      dir,
    );
    expect(r.code, r.err).toBe(0);
    const jobs = readFileSync(join(dir, 'run', 'jobs.txt'), 'utf8')
      .trim()
      .split('\n');
    expect(jobs.length).toBe(6);
    const slurm = readFileSync(join(dir, 'run', 'screen.slurm'), 'utf8');
    expect(slurm).toMatch(/^#!\/bin\/bash\n/);
    expect(slurm).toMatch(/#SBATCH --array=0-5\n/);
    expect(slurm).toMatch(/screen run-job "\$job" --db "\$SUPERATOM_DB"/);
    expect(slurm).toContain(`export SUPERATOM_DB='${db}'`);
    expect(readFileSync(join(dir, 'run', 'fanout.sh'), 'utf8')).toMatch(
      /xargs -P 3 -n 1 node .* screen run-job/,
    );
  });

  it.skipIf(processSkipReason(false))(
    'the shell fan-out runs every job once into the store (built CLI)',
    async () => {
      const db = join(dir, 'fan.db');
      for (let k = 0; k < 2; k++) {
        const sh = spawnSync('sh', [join(dir, 'run', 'fanout.sh')], { encoding: 'utf8', timeout: 60_000 });
        expect(sh.status, sh.stderr).toBe(0);
      }
      const s = await openStore(db);
      const screen = (await s.jobs.getScreen('fan'))!;
      const st = await s.jobs.status(screen.id);
      await s.close();
      expect(st).toMatchObject({ total: 6, done: 6, starts: 6, duplicates: 0 }); // the second run skipped all
      const bad = await runCli(['screen', 'run-job', 'ffff', '--db', db], dir);
      expect(bad.code).toBe(2);
    },
    90_000,
  );
});

describe.skipIf(processSkipReason(false))('embedded runner killed mid-run', () => {
  it('resume finishes the plan with the same results as an uninterrupted run', async () => {
    writeFileSync(join(dir, 'p200.yaml'), PLAN_200);
    const db = join(dir, 'crash.db');
    const run = spawnCli(['screen', join(dir, 'p200.yaml'), '--db', db, '--workers', '1']);
    try {
      const store = await openStore(db).catch(() => null);
      let s = store;
      await waitFor(
        'the first results',
        async () => {
          s ??= await openStore(db).catch(() => null);
          if (!s) return false;
          const sc = (await s.jobs.listScreens())[0];
          return sc ? (await s.jobs.status(sc.id)).done >= 20 : false;
        },
        60_000,
        20,
      );
      run.kill('SIGKILL');
      await run.exit;
      const screen = (await s!.jobs.listScreens())[0]!;
      const before = await s!.jobs.status(screen.id);
      expect(before.done).toBeLessThan(200);
      const resume = spawnCli(['screen', 'resume', '--db', db, '--workers', '2']);
      const r = await resume.exit;
      expect(r.code, resume.err).toBe(0);
      const after = await s!.jobs.status(screen.id);
      expect(after).toMatchObject({ total: 200, done: 200, pending: 0, failed: 0, running: 0 });
      const resumed = new Map((await s!.jobs.results(screen.id)).map((x) => [x.jobId, x.result]));
      await s!.close();
      // the same plan, uninterrupted, in this process
      const clean = join(dir, 'clean.db');
      const c = await runCli(['screen', 'p200.yaml', '--db', clean, '--workers', '0', '--json'], dir);
      expect(c.code, c.err).toBe(0);
      const cs = await openStore(clean);
      const straight = await cs.jobs.results(screen.id);
      await cs.close();
      expect(straight.length).toBe(200);
      for (const x of straight) expect(resumed.get(x.jobId)).toEqual(x.result);
    } finally {
      await killAll([run]);
    }
  }, 180_000);
});

describe.skipIf(xtbSkip)('doped superatoms with xtb GFN1', () => {
  it('counts, builds and refines M@Au12 / M@Ag12 and counts [MAu24(SR)18]^q: closed shells first', async () => {
    const db = join(dir, 'doped.db');
    const r = await runCli(
      [
        'screen',
        join(REPO, 'examples', 'screen', 'doped-superatoms.yaml'),
        '--db',
        db,
        '--workers',
        '0',
        '--json',
      ],
      dir,
    );
    expect(r.code, r.err).toBe(0);
    const jl = await runCli(['screen', 'results', 'doped-superatoms', '--db', db, '--format', 'jsonl'], dir);
    const rows = jl.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.length).toBe(28);
    const closed = rows.filter((x) => x.closed);
    // closed shells rank first: 18 e for M@X12 (W@Au12: Pyykkö & Runeberg, Angew. Chem. Int. Ed.
    // 41, 2174 (2002)), 8 e for [MAu24(SR)18]^q (as [Au25(SR)18]-: Walter et al., PNAS 105, 9157 (2008))
    expect(rows.slice(0, closed.length).every((x) => x.closed)).toBe(true);
    for (const x of closed) expect(x.electrons).toBe(x.formula.includes('(SR)') ? 8 : 18);
    expect(closed.map((x) => x.formula).sort()).toEqual(
      [
        '[WAu12]0',
        '[WAg12]0',
        '[AuAu24(SR)18]-1',
        '[AgAu24(SR)18]-1',
        '[PdAu24(SR)18]-2',
        '[PtAu24(SR)18]-2',
        '[CdAu24(SR)18]0',
        '[HgAu24(SR)18]0',
      ].sort(),
    );
    // the 18-electron icosahedra have a GFN1 gap (eV) and come before the count-only rows
    for (const x of rows.slice(0, 2)) {
      expect(x.refine.method).toBe('gfn1');
      expect(x.gap).toBeGreaterThan(0.5);
    }
  }, 180_000);
});
