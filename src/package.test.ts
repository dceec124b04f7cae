/**
 * The package as users get it (issue 9.12): build into a clean folder, `npm pack`, install the
 * tarball into a scratch project and import `superatom` from plain Node (ESM), check its types with
 * tsc, and run its `superatom` bin. SLOW (a full tsc build and an npm install, about 30–90 s):
 * skipped with a stated reason when npm is not on the PATH, or when SUPERATOM_SKIP_PACK=1.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const npmVersion = spawnSync('npm', ['--version'], { encoding: 'utf8' });
const npmMissing = npmVersion.status !== 0;
const skipReason = npmMissing
  ? 'npm is not on the PATH'
  : process.env.SUPERATOM_SKIP_PACK === '1'
    ? 'SUPERATOM_SKIP_PACK=1'
    : '';
if (skipReason) console.warn(`package test skipped: ${skipReason}`);

const tmp: string[] = [];
function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  tmp.push(d);
  return d;
}
afterAll(() => {
  for (const d of tmp) rmSync(d, { recursive: true, force: true });
});

function run(cmd: string, args: string[], cwd: string): string {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_fund: 'false' },
  });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  return r.stdout;
}

describe('the library entry', () => {
  it('src/index.ts re-exports only the pure engine (no node:, no cli/node/store/engines/web)', () => {
    const text = readFileSync(join(ROOT, 'src', 'index.ts'), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    const specs = [...text.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]!);
    expect(specs.length).toBeGreaterThan(10);
    const pure = [
      'core',
      'data',
      'chem',
      'count',
      'mass',
      'structure',
      'potential',
      'optimize',
      'io',
      'workflows',
      'jellium',
      'assembly',
      'screen',
    ];
    expect(specs.filter((s) => !pure.includes(s.replace(/^\.\//, '').split('/')[0]!))).toEqual([]);
  });
});

describe.skipIf(Boolean(skipReason))('the packed package (slow)', () => {
  it('npm pack → npm install in a scratch project → import, types and bin work', { timeout: 300_000 }, () => {
    // 1. a clean staging copy with a fresh build (the shared dist/ may hold stale files)
    const stage = tempDir('superatom-stage-');
    for (const f of ['package.json', 'README.md', 'bin', 'examples']) {
      if (existsSync(join(ROOT, f))) cpSync(join(ROOT, f), join(stage, f), { recursive: true });
    }
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    // type errors elsewhere are the typecheck step's job; the emitted files are what we pack
    spawnSync(
      process.execPath,
      [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', join(stage, 'dist')],
      {
        encoding: 'utf8',
      },
    );
    expect(existsSync(join(stage, 'dist', 'index.js'))).toBe(true);
    expect(existsSync(join(stage, 'dist', 'index.d.ts'))).toBe(true);

    // 2. pack (scripts off: the build above is what `prepare` would do)
    const packs = tempDir('superatom-pack-');
    run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', packs], stage);
    const tarball = readdirSync(packs).find((f) => f.endsWith('.tgz'));
    expect(tarball).toBeDefined();

    // 3. install into a scratch project; dependencies from the npm cache (registry only if missing)
    const scratch = tempDir('superatom-scratch-');
    writeFileSync(
      join(scratch, 'package.json'),
      JSON.stringify({ name: 'scratch', version: '1.0.0', private: true, type: 'module' }),
    );
    const install = ['install', '--no-audit', '--no-fund', '--ignore-scripts', join(packs, tarball!)];
    try {
      run('npm', [...install, '--offline'], scratch);
    } catch {
      run('npm', [...install, '--prefer-offline'], scratch);
    }

    // 4. import from plain Node (ESM); expected values are independent of the code:
    //    [Au25(SR)18]− has charge −1 and 25 Au (Heaven et al., JACS 2008, 130, 3754);
    //    gold is monoisotopic, 197Au = 196.96656879 Da (AME2020, Wang et al., Chin. Phys. C 45, 030003)
    writeFileSync(
      join(scratch, 'use.mjs'),
      [
        "import { parseFormula, formulaMasses, countAuto, readStructures, analyzeStructure, chem, counting } from 'superatom';",
        "const f = parseFormula('[Au25(SC2H4Ph)18]-');",
        "const au = formulaMasses(parseFormula('Au'));",
        "const s = readStructures('3\\ntriangle\\nAu 0 0 0\\nAu 2.88 0 0\\nAu 1.44 2.494153 0\\n', 'au3.xyz')[0];",
        'const a = analyzeStructure(s);',
        'console.log(JSON.stringify({ charge: f.charge, au: f.composition.Au, mono: au.monoisotopicMass,',
        "  group: a.pointGroup?.group ?? a.pointGroup, ns: typeof chem.parseFormula === 'function' && typeof counting.countAuto === 'function',",
        '  count: typeof countAuto }));',
      ].join('\n'),
    );
    const out = JSON.parse(execFileSync(process.execPath, ['use.mjs'], { cwd: scratch, encoding: 'utf8' }));
    expect(out.charge).toBe(-1);
    expect(out.au).toBe(25);
    expect(out.mono).toBeCloseTo(196.96656879, 5);
    expect(JSON.stringify(out.group)).toMatch(/D3h/); // an equilateral triangle
    expect(out.ns).toBe(true);
    expect(out.count).toBe('function');

    // 4b. the newer pure areas through the same entry. Expected values are independent of the code:
    //     Na8 spherical jellium, r_s = 4 bohr, Gunnarsson–Lundqvist xc: E = −0.5765 Ha (the Octopus
    //     code's regression value for Ekardt's Fig. 1 system, Ekardt PRB 29, 1558 (1984));
    //     a ring of N = 360°/22.5° = 16 clusters touching at d = 2(5 + 5) Å has circumradius
    //     d / (2 sin(π/16)) = 51.2583 Å (plane geometry)
    writeFileSync(
      join(scratch, 'areas.mjs'),
      [
        "import { solveJellium, jellium, assembly, calc, ionization, screen, potentialCalculator, createPotential } from 'superatom';",
        "const na8 = solveJellium({ rs: 4, electrons: 8, xc: 'gl' });",
        "const r = assembly.ring({ species: 'Au25', radius: 5, shell: 5, charge: 0 }, { angle: 22.5 });",
        'const x = r.centres[0], y = r.centres[1];',
        "const gupta = potentialCalculator(createPotential('gupta:Au'));",
        'console.log(JSON.stringify({ e: na8.totalEnergy, n: r.clusters, R: Math.hypot(x, y),',
        '  fns: [jellium.jelliumCluster, calc.rankSites, ionization.superVerdicts, screen, gupta.calculate].map((f) => typeof f) }));',
      ].join('\n'),
    );
    const areas = JSON.parse(
      execFileSync(process.execPath, ['areas.mjs'], { cwd: scratch, encoding: 'utf8' }),
    );
    expect(areas.e).toBeCloseTo(-0.5765, 3);
    expect(areas.n).toBe(16);
    expect(areas.R).toBeCloseTo(51.2583, 3);
    expect(areas.fns).toEqual(['function', 'function', 'function', 'object', 'function']);

    // 5. the types resolve through package.json "exports" (NodeNext, strict)
    writeFileSync(
      join(scratch, 'check.ts'),
      [
        "import { parseFormula, type Structure, InputError, type JelliumReport, type Calculator, type CalcReport } from 'superatom';",
        "const f = parseFormula('Au25');",
        'const n: number = f.charge;',
        'const s: Structure | undefined = undefined;',
        'const e: InputError | undefined = undefined;',
        'const j: JelliumReport | undefined = undefined;',
        'const c: Calculator | undefined = undefined;',
        'const r: CalcReport | undefined = undefined;',
        'export { n, s, e, j, c, r };',
      ].join('\n'),
    );
    const types = spawnSync(
      process.execPath,
      [
        tsc,
        '--noEmit',
        '--strict',
        '--module',
        'NodeNext',
        '--moduleResolution',
        'NodeNext',
        '--skipLibCheck',
        'false',
        '--types',
        'node',
        '--typeRoots',
        join(ROOT, 'node_modules', '@types'),
        'check.ts',
      ],
      { cwd: scratch, encoding: 'utf8' },
    );
    expect(`${types.stdout}${types.stderr}`).toBe('');

    // 6. the bin, as `npm install -g` / `npm link` would expose it
    const bin = join(scratch, 'node_modules', '.bin', 'superatom');
    const json = execFileSync(bin, ['formula', 'Au25', '--json'], { cwd: scratch, encoding: 'utf8' });
    expect(JSON.parse(json).composition).toEqual({ Au: 25 });
  });
});
