/**
 * `--refine xtb` on `optimize` and `search` with the real xtb (skipped when absent unless
 * SUPERATOM_REQUIRE_ENGINES=1); the unit check needs no engine.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { XTB_REQUIRED, xtbAvailable } from '../engines/xtb-testing.js';
import { runCli } from './testing.js';

const available = xtbAvailable();
if (!available && XTB_REQUIRED) throw new Error('SUPERATOM_REQUIRE_ENGINES=1 but xtb is not installed');
const dir = mkdtempSync(join(tmpdir(), 'superatom-refine-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--refine', () => {
  it('refuses reduced units before any work', async () => {
    const r = await runCli(['search', '--potential', 'lj', '--atoms', '13', '--refine', 'xtb']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/needs coordinates in Å/);
  });

  it.skipIf(!available)(
    'search --refine xtb: the best Gupta Ag6 minimum re-relaxed by xtb, written with -o',
    async () => {
      const r = await runCli(
        [
          'search',
          '--potential',
          'gupta:Ag',
          '--atoms',
          '6',
          '--max-steps',
          '30',
          '--seed',
          '1',
          '--refine',
          'xtb',
          '--refine-method',
          'gfn1',
          '-o',
          'ag6.xyz',
          '--json',
        ],
        dir,
      );
      expect(r.code).toBe(0);
      const j = JSON.parse(r.out);
      expect(j.refined.engine).toBe('xtb');
      expect(j.refined.results).toHaveLength(1);
      const x = j.refined.results[0];
      expect(x.converged).toBe(true);
      expect(x.method).toBe('gfn1');
      expect(x.rmsDisplacementA).toBeGreaterThan(0);
      expect(x.rmsDisplacementA).toBeLessThan(1);
      expect(readFileSync(join(dir, 'ag6.xyz'), 'utf8')).toMatch(/refined gfn1/);
    },
    60_000,
  );

  it.skipIf(!available)(
    'a refinement that runs out of --time-limit stays unrefined: exit 1, report kept',
    async () => {
      const r = await runCli(
        [
          'search',
          '--potential',
          'gupta:Au',
          '--atoms',
          '13',
          '--max-steps',
          '5',
          '--time-limit',
          '0.2',
          '--refine',
          'xtb',
          '--json',
        ],
        dir,
      );
      expect(r.code).toBe(1);
      const j = JSON.parse(r.out);
      expect(j.refined.results[0].converged).toBe(false);
      expect(j.refined.results[0].warnings[0]).toMatch(/time limit/);
    },
    60_000,
  );

  it.skipIf(!available)(
    'optimize --refine xtb adds the refined frame to the text report',
    async () => {
      // a slightly squeezed Ag4 tetrahedron (bulk Ag–Ag 2.89 Å → 2.7 Å)
      const a = 2.7 / (2 * Math.SQRT2); // edge = 2√2 a
      writeFileSync(
        join(dir, 'ag4.xyz'),
        `4\nAg4\nAg ${a} ${a} ${a}\nAg ${-a} ${-a} ${a}\nAg ${-a} ${a} ${-a}\nAg ${a} ${-a} ${-a}\n`.replace(
          /(\d\.\d{6})\d+/g,
          '$1',
        ),
      );
      const r = await runCli(['optimize', 'ag4.xyz', '--potential', 'gupta:Ag', '--refine', 'xtb'], dir);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/refined with {2}xtb 6/);
      expect(r.out).toMatch(/frame 1: gfn\d energy -\d+\.\d+ eV/);
    },
    60_000,
  );
});
