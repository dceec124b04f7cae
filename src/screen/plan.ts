/**
 * Screening plans: a design space (formula templates with variables), the pipeline every candidate
 * goes through, and the ranking. Plans are YAML or JSON text (JSON is read by the same YAML 1.2
 * parser, so both get positions); every error is an InputError at the line and column of the
 * offending node, with a hint.
 *
 *   name: doped-icosahedra
 *   space:
 *     - formula: "[{M}{H}12]{q}"       # {name} placeholders; a number right after ']' is a charge (+1, -2, 0)
 *       vars: { M: [W, Mo, Re], H: [Au, Ag], q: [0, 1] }
 *   pipeline:                          # count → filter → build → relax → refine, in this order
 *     - count: { rule: auto }
 *     - filter: { verdict: [closed-shell, open-shell] }
 *     - build: { shape: icosahedron }
 *     - relax: { potential: gupta }
 *     - refine: { engine: xtb, method: gfn1 }
 *   rank:
 *     - { by: closed, order: desc }
 *     - { by: gap, order: desc }
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { excerpt, InputError } from '../core/errors.js';

export const PLAN_VERSION = 1;
/** Most candidates one plan may expand to. */
export const MAX_CANDIDATES = 100_000;
/** Most values of one variable and most variables of one block. */
export const MAX_VALUES = 1000;
export const MAX_VARS = 12;

export type StepName = 'count' | 'filter' | 'build' | 'relax' | 'refine';
export const STEP_ORDER: readonly StepName[] = ['count', 'filter', 'build', 'relax', 'refine'];

export interface CountStep {
  readonly step: 'count';
  /** `auto` or a counting rule id. */
  readonly rule: string;
  /** Shell model of the jellium rule. */
  readonly model: string;
}
export interface FilterStep {
  readonly step: 'filter';
  /** Keep candidates whose primary verdict is one of these. */
  readonly verdict?: readonly string[];
  /** Keep candidates with one of these electron counts (e). */
  readonly electrons?: readonly number[];
}
export type BuildShape = 'icosahedron' | 'cuboctahedron';
export const BUILD_SHAPES: readonly BuildShape[] = ['icosahedron', 'cuboctahedron'];
export interface BuildStep {
  readonly step: 'build';
  readonly shape: BuildShape;
  /** Nearest-neighbour distance, Å (default: the shell element's bulk value). */
  readonly bond?: number;
}
export interface RelaxStep {
  readonly step: 'relax';
  /** Potential spec: gupta (elements from the structure), gupta:Au, sutton-chen:Ag, lj:Ar, morse:6. */
  readonly potential: string;
  readonly maxIterations: number;
}
export type EngineMethod = 'gfn1' | 'gfn2';
export interface RefineStep {
  readonly step: 'refine';
  readonly engine: 'xtb';
  readonly method: EngineMethod;
  /** Try the engine's fallback chain (default true). */
  readonly fallback: boolean;
  /** Wall-time limit of one engine call, s. */
  readonly timeLimit: number;
}
export type Step = CountStep | FilterStep | BuildStep | RelaxStep | RefineStep;

export interface SpaceBlock {
  /** Formula template with {name} placeholders ('' for a structures entry). */
  readonly formula: string;
  /** Structure files (paths relative to the plan): every frame is a candidate. */
  readonly structures?: readonly string[];
  /** Charge of the structures' candidates, e (default: the file's, else 0). */
  readonly charge?: number;
  /** Variables in the order given; the candidates are their Cartesian product. */
  readonly vars: readonly { readonly name: string; readonly values: readonly (string | number)[] }[];
  /** This block's own pipeline (else the plan's). */
  readonly pipeline: readonly Step[];
  /** Why this block runs a shorter pipeline, etc. (kept in the report). */
  readonly note?: string;
}

export type RankKey =
  | 'closed'
  | 'electrons'
  | 'gap'
  | 'energy'
  | 'energyPerAtom'
  | 'relaxEnergyPerAtom'
  | 'formula'
  | 'charge';
export const RANK_KEYS: readonly RankKey[] = [
  'closed',
  'electrons',
  'gap',
  'energy',
  'energyPerAtom',
  'relaxEnergyPerAtom',
  'formula',
  'charge',
];
export interface RankSpec {
  readonly by: RankKey;
  readonly order: 'asc' | 'desc';
}

export interface Plan {
  readonly version: number;
  readonly name: string;
  readonly space: readonly SpaceBlock[];
  readonly rank: readonly RankSpec[];
  /** Attempts per job before it is reported failed (queue retries with exponential back-off). */
  readonly attempts: number;
}

export const DEFAULT_RANK: readonly RankSpec[] = [
  { by: 'closed', order: 'desc' },
  { by: 'gap', order: 'desc' },
];

/** A parse context: the text, its line counter and the input name, to place errors. */
class Ctx {
  readonly lines: string[];
  constructor(
    readonly text: string,
    readonly counter: LineCounter,
    readonly inputName: string,
  ) {
    this.lines = text.split(/\r?\n/);
  }
  at(offset: number, length = 1) {
    const { line, col } = this.counter.linePos(Math.max(0, Math.min(offset, this.text.length)));
    return {
      line,
      column: col,
      length: Math.max(1, length),
      source: this.lines[line - 1] ?? '',
      inputName: this.inputName,
    };
  }
  fail(code: string, message: string, node: Node | null | undefined, hint?: string): never {
    const r = node?.range;
    throw new InputError(`plan-${code}`, message, {
      location: r ? this.at(r[0], r[1] - r[0]) : { inputName: this.inputName },
      ...(hint ? { hint } : {}),
    });
  }
}

type MapNode = Extract<Node, { items: unknown[] }> & { items: { key: unknown; value: unknown }[] };

function keyName(ctx: Ctx, k: unknown): string {
  if (isScalar(k) && (typeof k.value === 'string' || typeof k.value === 'number')) return String(k.value);
  return ctx.fail('key', 'a key must be a plain name', k as Node);
}

/** The entries of a mapping node, keys checked against `allowed`. */
function entries(ctx: Ctx, node: Node | null, what: string, allowed: readonly string[]): Map<string, Node> {
  if (!node || !isMap(node)) ctx.fail('type', `${what} must be a mapping (key: value)`, node);
  const out = new Map<string, Node>();
  for (const p of (node as unknown as MapNode).items) {
    if (!isPair(p)) continue;
    const k = keyName(ctx, p.key);
    if (!allowed.includes(k)) {
      ctx.fail(
        'unknown-key',
        `unknown key "${excerpt(k, 40)}" in ${what}`,
        p.key as Node,
        `allowed: ${allowed.join(', ')}`,
      );
    }
    out.set(k, (p.value as Node | null) ?? (p.key as Node));
  }
  return out;
}

function str(ctx: Ctx, node: Node | undefined, what: string): string {
  if (!node || !isScalar(node) || typeof node.value !== 'string')
    ctx.fail('type', `${what} must be text`, node);
  return (node as { value: string }).value;
}
function num(
  ctx: Ctx,
  node: Node | undefined,
  what: string,
  min: number,
  max: number,
  integer = false,
): number {
  if (!node || !isScalar(node) || typeof node.value !== 'number' || !Number.isFinite(node.value))
    ctx.fail('type', `${what} must be a number`, node);
  const v = (node as { value: number }).value;
  if (v < min || v > max || (integer && !Number.isInteger(v))) {
    ctx.fail(
      'range',
      `${what} must be ${integer ? 'a whole number ' : ''}from ${min} to ${max}, got ${v}`,
      node,
    );
  }
  return v;
}
function bool(ctx: Ctx, node: Node | undefined, what: string): boolean {
  if (!node || !isScalar(node) || typeof node.value !== 'boolean')
    ctx.fail('type', `${what} must be true or false`, node);
  return (node as { value: boolean }).value;
}
function seq(ctx: Ctx, node: Node | undefined, what: string): Node[] {
  if (!node || !isSeq(node)) ctx.fail('type', `${what} must be a list`, node);
  return (node as { items: Node[] }).items;
}
/** A list of scalars, or one scalar taken as a list of one. */
function scalars(
  ctx: Ctx,
  node: Node | undefined,
  what: string,
): { values: (string | number)[]; nodes: Node[] } {
  const items = node && isSeq(node) ? (node.items as Node[]) : node ? [node] : [];
  const values: (string | number)[] = [];
  for (const it of items) {
    if (
      !isScalar(it) ||
      !(typeof it.value === 'string' || (typeof it.value === 'number' && Number.isFinite(it.value)))
    )
      ctx.fail('type', `${what}: each value must be text or a number`, it);
    values.push(it.value as string | number);
  }
  return { values, nodes: items };
}

const STEP_KEYS: Record<StepName, readonly string[]> = {
  count: ['rule', 'model'],
  filter: ['verdict', 'electrons'],
  build: ['shape', 'bond'],
  relax: ['potential', 'maxIterations'],
  refine: ['engine', 'method', 'fallback', 'timeLimit'],
};

function parseStep(ctx: Ctx, node: Node): { step: Step; node: Node } {
  if (!isMap(node) || node.items.length !== 1) {
    ctx.fail(
      'step',
      'each pipeline step is a mapping with one key: count, filter, build, relax or refine',
      node,
      'e.g. - count: { rule: auto }',
    );
  }
  const pair = (node as unknown as MapNode).items[0]!;
  const name = keyName(ctx, pair.key) as StepName;
  if (!STEP_ORDER.includes(name)) {
    ctx.fail(
      'step',
      `unknown pipeline step "${excerpt(name, 40)}"`,
      pair.key as Node,
      `steps are: ${STEP_ORDER.join(', ')}`,
    );
  }
  const value = pair.value as Node | null;
  const isEmpty = !value || (isScalar(value) && value.value === null);
  const e = isEmpty ? new Map<string, Node>() : entries(ctx, value, `the ${name} step`, STEP_KEYS[name]);
  const what = (k: string) => `${name}.${k}`;
  switch (name) {
    case 'count':
      return {
        node: pair.key as Node,
        step: {
          step: 'count',
          rule: e.has('rule') ? str(ctx, e.get('rule'), what('rule')) : 'auto',
          model: e.has('model') ? str(ctx, e.get('model'), what('model')) : 'jellium',
        },
      };
    case 'filter': {
      if (!e.size) ctx.fail('filter', 'a filter needs verdict and/or electrons', value ?? (pair.key as Node));
      const v = e.has('verdict') ? scalars(ctx, e.get('verdict'), what('verdict')) : undefined;
      const el = e.has('electrons') ? scalars(ctx, e.get('electrons'), what('electrons')) : undefined;
      el?.values.forEach((x, i) => {
        if (typeof x !== 'number' || !Number.isInteger(x) || x < 0)
          ctx.fail('type', 'filter.electrons: electron counts are whole numbers ≥ 0', el.nodes[i]);
      });
      return {
        node: pair.key as Node,
        step: {
          step: 'filter',
          ...(v ? { verdict: v.values.map(String) } : {}),
          ...(el ? { electrons: el.values as number[] } : {}),
        },
      };
    }
    case 'build': {
      const shape = e.has('shape') ? str(ctx, e.get('shape'), what('shape')) : 'icosahedron';
      if (!BUILD_SHAPES.includes(shape as BuildShape))
        ctx.fail(
          'shape',
          `unknown shape "${excerpt(shape, 40)}"`,
          e.get('shape'),
          `shapes: ${BUILD_SHAPES.join(', ')}`,
        );
      return {
        node: pair.key as Node,
        step: {
          step: 'build',
          shape: shape as BuildShape,
          ...(e.has('bond') ? { bond: num(ctx, e.get('bond'), what('bond'), 0.5, 10) } : {}),
        },
      };
    }
    case 'relax':
      return {
        node: pair.key as Node,
        step: {
          step: 'relax',
          potential: e.has('potential') ? str(ctx, e.get('potential'), what('potential')) : 'gupta',
          maxIterations: e.has('maxIterations')
            ? num(ctx, e.get('maxIterations'), what('maxIterations'), 1, 100_000, true)
            : 2000,
        },
      };
    case 'refine': {
      const engine = e.has('engine') ? str(ctx, e.get('engine'), what('engine')) : 'xtb';
      if (engine !== 'xtb')
        ctx.fail(
          'engine',
          `unknown engine "${excerpt(engine, 40)}"`,
          e.get('engine'),
          'the screening pipeline runs xtb',
        );
      const method = e.has('method') ? str(ctx, e.get('method'), what('method')) : 'gfn1';
      if (method !== 'gfn1' && method !== 'gfn2')
        ctx.fail('method', `unknown xtb method "${excerpt(method, 40)}"`, e.get('method'), 'gfn1 or gfn2');
      return {
        node: pair.key as Node,
        step: {
          step: 'refine',
          engine: 'xtb',
          method,
          fallback: e.has('fallback') ? bool(ctx, e.get('fallback'), what('fallback')) : true,
          timeLimit: e.has('timeLimit') ? num(ctx, e.get('timeLimit'), what('timeLimit'), 1, 86_400) : 600,
        },
      };
    }
  }
}

function parsePipeline(ctx: Ctx, node: Node | undefined): Step[] {
  const items = seq(ctx, node, 'pipeline');
  if (!items.length) ctx.fail('pipeline', 'the pipeline is empty', node, 'start with - count: {}');
  const steps: Step[] = [];
  let last = -1;
  items.forEach((it, i) => {
    const { step, node: at } = parseStep(ctx, it);
    const k = STEP_ORDER.indexOf(step.step);
    if (i === 0 && step.step !== 'count')
      ctx.fail(
        'order',
        'the pipeline starts with a count step',
        at,
        'every candidate is counted first: - count: {}',
      );
    if (k <= last && step.step !== 'filter')
      ctx.fail(
        'order',
        `the ${step.step} step is out of order or repeated`,
        at,
        `order: ${STEP_ORDER.join(' → ')}`,
      );
    if (step.step !== 'filter') last = k;
    steps.push(step);
    stepNodes.set(step, at);
  });
  return steps;
}

/** Where each parsed step was (for errors found when a space entry uses the pipeline). */
const stepNodes = new WeakMap<Step, Node>();

/** Formula entries build their structure: relax and refine need a build step before them. */
function checkBuild(ctx: Ctx, steps: readonly Step[], entry: Node): void {
  for (const step of steps) {
    if (step.step === 'build') return;
    if (step.step === 'relax' || step.step === 'refine')
      ctx.fail(
        'order',
        `the ${step.step} step needs a structure: put a build step before it (or use structures: files)`,
        stepNodes.get(step) ?? entry,
      );
  }
}

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

function parseBlock(
  ctx: Ctx,
  node: Node,
  planPipeline: Step[] | undefined,
  pipelineNode: Node | undefined,
): SpaceBlock {
  const e = entries(ctx, node, 'a space entry', [
    'formula',
    'vars',
    'pipeline',
    'note',
    'structures',
    'charge',
  ]);
  if (e.has('structures')) return parseStructureBlock(ctx, node, e, planPipeline, pipelineNode);
  if (e.has('charge'))
    ctx.fail('key', 'charge belongs to structures: entries; write it in the formula', e.get('charge'));
  const formula = str(ctx, e.get('formula') ?? node, 'formula');
  if (formula.length > 500)
    ctx.fail('formula', 'the formula template is longer than 500 characters', e.get('formula'));
  const vars: { name: string; values: (string | number)[] }[] = [];
  const varsNode = e.get('vars');
  const varKeys = new Map<string, Node>();
  if (varsNode) {
    if (!isMap(varsNode)) ctx.fail('type', 'vars must be a mapping name: [values]', varsNode);
    for (const p of (varsNode as unknown as MapNode).items) {
      const name = keyName(ctx, p.key);
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
        ctx.fail(
          'var',
          `"${excerpt(name, 40)}" is not a variable name`,
          p.key as Node,
          'letters, digits and _',
        );
      const { values, nodes } = scalars(ctx, (p.value as Node | null) ?? undefined, `vars.${name}`);
      if (!values.length || values.length > MAX_VALUES)
        ctx.fail(
          'var',
          `vars.${name} needs 1 to ${MAX_VALUES} values`,
          (p.value as Node | null) ?? (p.key as Node),
        );
      const seen = new Set<string>();
      values.forEach((v, i) => {
        if (seen.has(String(v)))
          ctx.fail('var', `vars.${name} repeats the value ${excerpt(String(v), 40)}`, nodes[i]);
        seen.add(String(v));
      });
      vars.push({ name, values });
      varKeys.set(name, p.key as Node);
    }
    if (vars.length > MAX_VARS) ctx.fail('var', `at most ${MAX_VARS} variables per entry`, varsNode);
  }
  const used = new Set([...formula.matchAll(PLACEHOLDER)].map((m) => m[1]!));
  for (const u of used)
    if (!vars.some((v) => v.name === u))
      ctx.fail(
        'var',
        `the formula uses {${u}} but vars has no ${u}`,
        e.get('formula'),
        `add vars: { ${u}: [...] }`,
      );
  for (const v of vars)
    if (!used.has(v.name))
      ctx.fail(
        'var',
        `vars.${v.name} is not used in the formula`,
        varKeys.get(v.name),
        `write {${v.name}} in the formula`,
      );
  let pipeline = planPipeline;
  if (e.has('pipeline')) pipeline = parsePipeline(ctx, e.get('pipeline'));
  if (!pipeline)
    ctx.fail('pipeline', 'no pipeline: give one for the plan or for this entry', node ?? pipelineNode);
  checkBuild(ctx, pipeline, node);
  const note = e.has('note') ? str(ctx, e.get('note'), 'note') : undefined;
  return { formula, vars, pipeline, ...(note !== undefined ? { note } : {}) };
}

/** `- structures: [a.xyz, b.xyz]` (every frame of each file is a candidate), optional `charge`. */
function parseStructureBlock(
  ctx: Ctx,
  node: Node,
  e: Map<string, Node>,
  planPipeline: Step[] | undefined,
  pipelineNode: Node | undefined,
): SpaceBlock {
  for (const k of ['formula', 'vars'])
    if (e.has(k))
      ctx.fail('key', `a structures: entry has no ${k} (the files give the candidates)`, e.get(k));
  const { values, nodes } = scalars(ctx, e.get('structures'), 'structures');
  if (!values.length || values.length > MAX_VALUES)
    ctx.fail('structures', `structures needs 1 to ${MAX_VALUES} file names`, e.get('structures'));
  values.forEach((v, i) => {
    if (typeof v !== 'string' || !v.trim())
      ctx.fail('structures', 'structures: each entry is a file name', nodes[i]);
  });
  const charge = e.has('charge') ? num(ctx, e.get('charge'), 'charge', -100, 100, true) : undefined;
  let pipeline = planPipeline;
  if (e.has('pipeline')) pipeline = parsePipeline(ctx, e.get('pipeline'));
  if (!pipeline)
    ctx.fail('pipeline', 'no pipeline: give one for the plan or for this entry', node ?? pipelineNode);
  const note = e.has('note') ? str(ctx, e.get('note'), 'note') : undefined;
  return {
    formula: '',
    vars: [],
    structures: values as string[],
    ...(charge !== undefined ? { charge } : {}),
    pipeline,
    ...(note !== undefined ? { note } : {}),
  };
}

/** Number of candidates a block expands to. */
export function blockSize(b: SpaceBlock): number {
  if (b.structures) return b.structures.length;
  return b.vars.reduce((n, v) => n * v.values.length, 1);
}

/** Parse and validate a plan (YAML or JSON text). Throws InputError with line and column. */
export function parsePlan(text: string, inputName = 'plan'): Plan {
  const counter = new LineCounter();
  const ctx = new Ctx(text, counter, inputName);
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const err = doc.errors[0];
  if (err) {
    throw new InputError(
      'plan-syntax',
      `the plan is not valid YAML/JSON: ${excerpt(err.message.split('\n')[0] ?? '', 200)}`,
      {
        location: ctx.at(err.pos[0], err.pos[1] - err.pos[0]),
        hint: 'check indentation, quotes and brackets at this place',
      },
    );
  }
  const root = doc.contents as Node | null;
  if (!root || !isMap(root))
    ctx.fail(
      'type',
      'a plan is a mapping with name, space, pipeline and rank',
      root,
      'see docs/screening.md',
    );
  const e = entries(ctx, root, 'the plan', ['version', 'name', 'space', 'pipeline', 'rank', 'attempts']);
  const version = e.has('version') ? num(ctx, e.get('version'), 'version', 1, 1, true) : PLAN_VERSION;
  const name = e.has('name') ? str(ctx, e.get('name'), 'name') : 'screen';
  if (!/^[\w.@+-]{1,80}$/.test(name))
    ctx.fail('name', 'the plan name: 1–80 letters, digits, . _ - + @', e.get('name'));
  const pipeline = e.has('pipeline') ? parsePipeline(ctx, e.get('pipeline')) : undefined;
  if (!e.has('space'))
    ctx.fail(
      'space',
      'the plan has no space (the candidates)',
      root,
      'space: [ { formula: "[{M}Au12]", vars: { M: [W, Mo] } } ]',
    );
  const blocks = seq(ctx, e.get('space'), 'space');
  if (!blocks.length) ctx.fail('space', 'the space is empty', e.get('space'));
  const space: SpaceBlock[] = [];
  let total = 0;
  for (const b of blocks) {
    const block = parseBlock(ctx, b, pipeline, e.get('pipeline'));
    total += blockSize(block);
    if (total > MAX_CANDIDATES)
      ctx.fail(
        'size',
        `the plan expands to more than ${MAX_CANDIDATES} candidates`,
        b,
        'split it into several plans',
      );
    space.push(block);
  }
  const rank: RankSpec[] = [];
  if (e.has('rank')) {
    for (const r of seq(ctx, e.get('rank'), 'rank')) {
      const re = entries(ctx, r, 'a rank entry', ['by', 'order']);
      const by = str(ctx, re.get('by') ?? r, 'rank.by');
      if (!RANK_KEYS.includes(by as RankKey))
        ctx.fail(
          'rank',
          `unknown rank key "${excerpt(by, 40)}"`,
          re.get('by'),
          `keys: ${RANK_KEYS.join(', ')}`,
        );
      const order = re.has('order') ? str(ctx, re.get('order'), 'rank.order') : 'desc';
      if (order !== 'asc' && order !== 'desc') ctx.fail('rank', 'rank.order is asc or desc', re.get('order'));
      rank.push({ by: by as RankKey, order: order as 'asc' | 'desc' });
    }
  }
  const attempts = e.has('attempts') ? num(ctx, e.get('attempts'), 'attempts', 1, 20, true) : 3;
  return { version, name, space, rank: rank.length ? rank : DEFAULT_RANK, attempts };
}
