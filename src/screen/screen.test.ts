import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { expandPlan, fillTemplate, jobIdOf, screenIdOf } from './expand.js';
import { canonicalJson, sha256 } from './hash.js';
import { buildModel, runJob } from './job.js';
import { parsePlan } from './plan.js';
import { niceTicks, propertyPlotSvg } from './plot.js';
import { rankRows, type ScreenRow, toCsv, toJsonLines } from './rank.js';

describe('sha256 (pure)', () => {
  it('matches the FIPS 180-2 examples and node:crypto', () => {
    // FIPS 180-2, appendix B.1 and B.2
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        expect(sha256(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
      }),
      { numRuns: 300 },
    );
    for (const n of [0, 55, 56, 63, 64, 65, 119, 120, 1000])
      expect(sha256('x'.repeat(n))).toBe(createHash('sha256').update('x'.repeat(n)).digest('hex'));
  });
  it('canonical JSON sorts keys', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined }] })).toBe('{"a":[{"d":2}],"b":1}');
  });
});

const PLAN = `name: doped
space:
  - formula: "[{M}Au12]{q}"
    vars:
      M: [W, Mo]
      q: [0, 1, -1]
  - formula: "[{M}Au24(SR)18]{q}"
    vars: { M: [Pd, Hg], q: [-2, 0] }
    pipeline:
      - count: {}
    note: count only
pipeline:
  - count: { rule: auto }
  - build: { shape: icosahedron }
rank:
  - { by: closed, order: desc }
  - { by: electrons, order: asc }
`;

function errorAt(text: string): InputError {
  try {
    parsePlan(text, 'plan.yaml');
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('plans', () => {
  it('expand to the Cartesian product, charges written with their sign', () => {
    const plan = parsePlan(PLAN);
    const c = expandPlan(plan);
    expect(c.map((x) => x.inputs.formula)).toEqual([
      '[WAu12]0',
      '[WAu12]+1',
      '[WAu12]-1',
      '[MoAu12]0',
      '[MoAu12]+1',
      '[MoAu12]-1',
      '[PdAu24(SR)18]-2',
      '[PdAu24(SR)18]0',
      '[HgAu24(SR)18]-2',
      '[HgAu24(SR)18]0',
    ]);
    expect(c[6]!.inputs.pipeline).toEqual([{ step: 'count', rule: 'auto', model: 'jellium' }]);
    expect(new Set(c.map((x) => x.jobId)).size).toBe(10);
    // the job id is the hash of the inputs only, the same in another plan
    expect(c[0]!.jobId).toBe(jobIdOf({ v: 1, formula: '[WAu12]0', pipeline: plan.space[0]!.pipeline }));
    expect(screenIdOf(plan, c)).toMatch(/^[0-9a-f]{64}$/);
    expect(fillTemplate('{M}@Au12', { M: 'W' })).toBe('W@Au12');
  });

  it('takes structure files: every frame a candidate, its formula from the atoms', async () => {
    const plan = parsePlan(`name: files
space:
  - structures: [a.xyz]
    charge: -1
pipeline:
  - count: {}
  - relax: { potential: gupta, maxIterations: 200 }
`);
    // an Au4 tetrahedron, edge 2.884 Å (bulk Au nearest-neighbour distance)
    const d = 2.884;
    const tet = [
      0,
      0,
      0,
      d,
      0,
      0,
      d / 2,
      (d * Math.sqrt(3)) / 2,
      0,
      d / 2,
      d / (2 * Math.sqrt(3)),
      d * Math.sqrt(2 / 3),
    ];
    const c = expandPlan(plan, (p) => {
      expect(p).toBe('a.xyz');
      return [{ numbers: [79, 79, 79, 79], positions: tet, charge: 0 }];
    });
    expect(c.map((x) => [x.inputs.formula, x.vars])).toEqual([['[Au4]-1', { file: 'a.xyz', frame: 0 }]]);
    const r = await runJob(c[0]!.inputs);
    expect(r).toMatchObject({ status: 'ok', atoms: 4, shape: 'file', charge: -1 });
    expect(r.relax?.converged).toBe(true);
    expect(() => expandPlan(plan)).toThrow(InputError);
    // formula entries still need a build before relax, reported at the step
    const e = errorAt('name: x\nspace:\n  - formula: Au13\npipeline:\n  - count: {}\n  - relax: {}\n');
    expect(e.location.line).toBe(6);
    expect(e.message).toMatch(/needs a structure/);
  });

  it('reads JSON as well', () => {
    const plan = parsePlan(
      JSON.stringify({
        name: 'j',
        space: [{ formula: 'Au{n}', vars: { n: [13, 55] } }],
        pipeline: [{ count: {} }],
      }),
    );
    expect(expandPlan(plan).map((c) => c.inputs.formula)).toEqual(['Au13', 'Au55']);
  });

  it('puts errors at their line and column', () => {
    const bad = PLAN.replace('shape: icosahedron', 'shape: dodecahedron');
    const e = errorAt(bad);
    expect(e.location.line).toBe(14);
    expect(e.location.column).toBe(21);
    expect(e.message).toMatch(/unknown shape/);
    const unused = errorAt(PLAN.replace('"[{M}Au12]{q}"', '"[{M}Au12]"'));
    expect(unused.message).toMatch(/vars.q is not used/);
    expect(unused.location).toMatchObject({ line: 6, column: 7 });
    const order = errorAt(PLAN.replace('  - count: { rule: auto }\n  - build', '  - build'));
    expect(order.location.line).toBe(13);
    expect(order.message).toMatch(/starts with a count/);
    const syntax = errorAt('name: x\nspace: [\n');
    expect(syntax.code).toBe('plan-syntax');
    expect(syntax.location.line).toBeGreaterThanOrEqual(2);
    const json = errorAt('{"name": "x", "space": [{"formula": 12}], "pipeline": [{"count": {}}]}');
    expect(json.location).toMatchObject({ line: 1, column: 37 });
    expect(errorAt(`${PLAN}bogus: 1\n`).location.line).toBe(18);
  });

  it('fuzz: any text gives a plan or an InputError, never a crash', () => {
    const frags = [
      'name: a\n',
      'space:\n',
      '  - formula: "{M}Au12"\n',
      '    vars: { M: [W, 1] }\n',
      'pipeline:\n',
      '  - count: {}\n',
      '  - build: {shape: x}\n',
      '  - refine: {method: gfn1}\n',
      'rank: [{by: gap}]\n',
      '[',
      '{',
      ': ',
      '- ',
      '"',
      '&a ',
      '*a ',
      '\t',
      '#',
    ];
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.array(fc.constantFrom(...frags), { maxLength: 20 }).map((a) => a.join('')),
        ),
        (text) => {
          try {
            parsePlan(text);
          } catch (e) {
            if (!(e instanceof InputError)) throw e;
            expect(e.render().length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 1500 },
    );
  });
});

describe('jobs', () => {
  it('W@Au12 model: W at the centre of an Au12 icosahedron', () => {
    const s = buildModel('WAu12', { step: 'build', shape: 'icosahedron' });
    expect(s.numbers.length).toBe(13);
    const centre = [...s.numbers.keys()].find(
      (i) => Math.hypot(s.positions[3 * i]!, s.positions[3 * i + 1]!, s.positions[3 * i + 2]!) < 1e-9,
    )!;
    expect(s.numbers[centre]).toBe(74);
    expect([...s.numbers].filter((z) => z === 79).length).toBe(12);
  });

  it('counts, filters and relaxes; bad formulas are rejected results', async () => {
    // W@Au12: 18 electrons (Pyykkö & Runeberg, Angew. Chem. Int. Ed. 41, 2174 (2002))
    const w = await runJob({
      v: 1,
      formula: '[WAu12]0',
      pipeline: [{ step: 'count', rule: 'auto', model: 'jellium' }],
    });
    expect(w).toMatchObject({ status: 'ok', electrons: 18, closed: true });
    const f = await runJob({
      v: 1,
      formula: '[ReAu12]0',
      pipeline: [
        { step: 'count', rule: 'auto', model: 'jellium' },
        { step: 'filter', electrons: [18] },
        { step: 'build', shape: 'icosahedron' },
      ],
    });
    expect(f.status).toBe('filtered');
    expect(f.steps.at(-1)).toEqual({ step: 'build', status: 'stopped' });
    const r = await runJob({
      v: 1,
      formula: 'PtAu12',
      pipeline: [
        { step: 'count', rule: 'auto', model: 'jellium' },
        { step: 'build', shape: 'icosahedron' },
        { step: 'relax', potential: 'gupta', maxIterations: 500 },
      ],
    });
    expect(r.relax?.converged).toBe(true);
    expect(r.relax!.energyPerAtom).toBeLessThan(-2); // bound Au/Pt cluster, Gupta cohesive ~ −3 eV/atom
    const bad = await runJob({
      v: 1,
      formula: 'Qq12',
      pipeline: [{ step: 'count', rule: 'auto', model: 'jellium' }],
    });
    expect(bad.status).toBe('rejected');
  });

  it('ranks by the keys, missing values last, and writes CSV and JSON lines', async () => {
    const rows: ScreenRow[] = [];
    for (const [i, formula] of ['[TaAu12]0', '[WAu12]0', '[ReAu12]+1', 'Qq'].entries()) {
      const result = await runJob({
        v: 1,
        formula,
        pipeline: [{ step: 'count', rule: 'auto', model: 'jellium' }],
      });
      rows.push({ jobId: `j${i}`, index: i, vars: { i }, result });
    }
    const ranked = rankRows(rows, [
      { by: 'closed', order: 'desc' },
      { by: 'formula', order: 'asc' },
    ]);
    expect(ranked.map((r) => r.result.formula)).toEqual(['[ReAu12]+1', '[WAu12]0', '[TaAu12]0', 'Qq']);
    const csv = toCsv(ranked).split('\r\n');
    expect(csv[0]).toMatch(/^rank,formula,status/);
    expect(csv[1]).toMatch(/^1,\[ReAu12\]\+1,ok,jellium,18,closed-shell,yes/);
    const jl = toJsonLines(ranked)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(jl[0]).toMatchObject({ rank: 1, jobId: 'j2', electrons: 18 });
    const svg = propertyPlotSvg(ranked, { y: 'electrons', x: 'i' });
    expect((svg.match(/<circle /g) ?? []).length).toBe(3); // the rejected formula has no count
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(-3.7, -2.1)).toEqual([-3.5, -3, -2.5]);
  });
});
