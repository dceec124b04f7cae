/**
 * `superatom calc <file> | --build shape:ElN --engine xtb|nwchem [--method …] [--charge z] [--uhf n]
 * [--optimize] [--ip] [--ea] [--fukui] [--json]`: energy, HOMO–LUMO gap, charges, Fukui sites,
 * vertical IP/EA from a quantum engine, with every attempt of the fallback chain reported.
 */
import { InputError } from '../../core/errors.js';
import { elementByZ } from '../../data/index.js';
import { NWCHEM_BASES, type NwchemBasis } from '../../engines/nwchem-input.js';
import { detectFormat, readStructures } from '../../io/registry.js';
import { createProgressBar } from '../../node/progress-bar.js';
import { readTextFile } from '../../node/read.js';
import type { Structure } from '../../structure/structure.js';
import type { CalcReport } from '../../workflows/calc.js';
import type { SuperatomCheck } from '../../workflows/ionization.js';
import type { ParsedArgs } from '../args.js';
import type { Command } from '../command.js';

const ENGINES = ['xtb', 'nwchem'] as const;
const XTB_METHODS = ['gfn2', 'gfn1'];
const NWCHEM_METHODS = ['pbe', 'pbe0'];
const EH_PER_EV = 1 / 27.211386245988;

/**
 * `--build shape:ElN` — a cluster from the builders of `superatom build`: `icosahedron:Au13`,
 * `cuboctahedron:Ag55`, `octahedron:Pt19`, `tetrahedron:Au20`, `decahedron:Ag13`, or a polyhedron
 * name (`tetrahedron`…). N is optional (the smallest size) and must be a size the shape can have.
 */
export async function buildSpec(spec: string): Promise<Structure> {
  const m = /^([a-z][a-z-]*):([A-Z][a-z]?)(\d+)?$/.exec(spec.trim());
  if (!m) {
    throw new InputError('calc-build', `--build "${spec}" is not shape:ElementN`, {
      hint: 'e.g. --build icosahedron:Au13 or --build cuboctahedron:Ag55',
    });
  }
  const [, shape, el, nText] = m;
  const { buildFromArgs } = await import('./build.js');
  const want = nText === undefined ? undefined : Number(nText);
  const tried: number[] = [];
  const sizes: Record<string, number>[] = [{}];
  for (let k = 1; k <= 6; k++) sizes.push({ shells: k });
  for (let k = 2; k <= 10; k++) sizes.push({ size: k });
  let firstError: unknown;
  for (const extra of sizes) {
    let s: Structure;
    try {
      s = buildFromArgs({ positionals: [shape!], options: { element: el, ...extra } }).structure;
    } catch (e) {
      firstError ??= e;
      continue;
    }
    if (want === undefined || s.numbers.length === want) return s;
    tried.push(s.numbers.length);
  }
  if (!tried.length && firstError) throw firstError;
  throw new InputError('calc-build', `--build ${shape} of ${el} cannot have ${want} atoms`, {
    hint: `sizes it can have: ${[...new Set(tried)].sort((a, b) => a - b).join(', ')}`,
  });
}

const f = (x: number | null, d = 4) => (x === null ? '—' : x.toFixed(d));

export function formatCalc(r: CalcReport, what: string): string {
  const out: string[] = [];
  out.push(`structure     ${what} (${r.atoms} atoms), charge ${r.charge}, unpaired electrons ${r.uhf}`);
  out.push(
    `engine        ${r.engineVersion}, method ${r.method}${r.optimized ? ', geometry optimised' : ''}`,
  );
  r.attempts.forEach((a, k) => {
    const set = Object.entries(a.settings)
      .map(([key, v]) => `${key} ${v}`)
      .join(', ');
    out.push(
      `${k === 0 ? 'attempts' : ''.padEnd(8)}      ${k + 1}. ${a.method}${set ? ` (${set})` : ''}: ${a.status}${a.reason ? ` — ${a.reason}` : ''}`,
    );
  });
  if (!r.converged) {
    out.push('result        none: every attempt failed');
  } else {
    out.push(
      `energy        ${f(r.energy)} eV (${r.energy === null ? '—' : (r.energy * EH_PER_EV).toFixed(8)} Eh)`,
    );
    out.push(`HOMO / LUMO   ${f(r.homo)} / ${f(r.lumo)} eV, gap ${f(r.gap)} eV`);
    if (r.ip !== null) out.push(`IP (vertical) ${f(r.ip, 3)} eV`);
    if (r.ea !== null) out.push(`EA (vertical) ${f(r.ea, 3)} eV`);
    if (r.charges.length && r.charges.length <= 40) {
      out.push(`charges / e   ${r.charges.map((q) => q.toFixed(3)).join(' ')}`);
    } else if (r.charges.length) {
      out.push(
        `charges / e   min ${Math.min(...r.charges).toFixed(3)}, max ${Math.max(...r.charges).toFixed(3)} (--json for all)`,
      );
    }
    for (const kind of ['nucleophilic', 'electrophilic'] as const) {
      const s = r.sites.filter((x) => x.attack === kind).slice(0, 8);
      if (!r.fukui.dual.length) continue;
      out.push(
        `${kind === 'nucleophilic' ? 'nucleophile →' : 'electrophile →'} ${
          s.length
            ? s
                .map(
                  (x) =>
                    `${x.element}${x.atom} (Δf ${x.dual >= 0 ? '+' : ''}${x.dual.toFixed(3)}, tier ${x.tier})`,
                )
                .join(', ')
            : 'no exposed site with this sign'
        }`,
      );
    }
  }
  const check = (r as CalcReport & { superatom?: SuperatomCheck }).superatom;
  if (check) {
    const t = check.template;
    out.push(
      check.computed === 'none'
        ? `template      not a superhalogen/superalkali candidate (superhalogen rule: ${t.applies ? `${t.count} ${t.unit}, ${t.analogue ?? t.verdict}` : 'does not apply'}); nothing computed`
        : `template      ${t.analogue} candidate (superhalogen rule, ${t.count} ${t.unit}): ΔSCF ${check.computed.toUpperCase()} computed`,
    );
    for (const v of check.verdicts) {
      out.push(
        `verdict       ${v.verdict}: ${v.from} ${v.property.toUpperCase()} ${v.valueEv.toFixed(3)} eV vs ${v.property.toUpperCase()}(${v.reference}) ${v.thresholdEv} eV (${v.method}, ±${v.uncertaintyEv} eV)${v.template ? `; template ${v.template.outcome}` : ''}`,
      );
    }
  }
  for (const w of r.warnings) out.push(`note          ${w}`);
  return `${out.join('\n')}\n`;
}

function readStructure(
  args: ParsedArgs,
  cwd: string,
): Promise<{ structure: Structure; what: string }> | { structure: Structure; what: string } {
  const file = args.positionals[0];
  const build = args.options.build as string | undefined;
  if (file && build) {
    throw new InputError('cli-extra-argument', 'give a structure file or --build, not both');
  }
  if (args.positionals.length > 1) {
    throw new InputError('cli-extra-argument', `unexpected argument "${args.positionals[1]}"`, {
      hint: 'calc takes one structure file',
    });
  }
  if (build) return buildSpec(build).then((structure) => ({ structure, what: build }));
  if (!file) {
    throw new InputError(
      'cli-missing-argument',
      'which structure? e.g. superatom calc au13.xyz or --build icosahedron:Au13',
    );
  }
  const text = readTextFile(file, cwd, 'structure file');
  const frames = readStructures(text, file, detectFormat(text, file).name);
  const k = (args.options.frame as number | undefined) ?? 1;
  const s = frames[k - 1];
  if (!s)
    throw new InputError('cli-frame', `--frame ${k} is out of range: the file has ${frames.length} frame(s)`);
  if (s.cell) {
    throw new InputError('calc-periodic', `${file} is a periodic structure (it has a cell)`, {
      hint: 'extract one molecule first: superatom convert <file> --molecule …',
    });
  }
  return { structure: s, what: file };
}

/**
 * Issue 12 item 5: the `superhalogen` counting rule's template for the structure's composition and
 * charge, confirmed or refuted by the engine's ΔSCF EA (superhalogen candidate) or IP (superalkali
 * candidate) against EA(Cl) and IP(Cs), with the method's known bias (src/workflows/ionization.ts).
 */
async function templateCheck(
  engine: (typeof ENGINES)[number],
  method: string,
  args: ParsedArgs,
  structure: Structure,
  charge: number,
  uhf: number | undefined,
  ctl: { timeLimitMs: number; onProgress: (p: { done: number; total?: number; message?: string }) => void },
): Promise<SuperatomCheck> {
  const { checkSuperatomTemplate } = await import('../../workflows/ionization.js');
  const { parseFormula } = await import('../../chem/parse.js');
  const { countWith } = await import('../../count/registry.js');
  const base = formulaOf(structure);
  const f = parseFormula(charge === 0 ? base : `[${base}]${Math.abs(charge)}${charge < 0 ? '-' : '+'}`);
  const template = countWith(f, 'superhalogen');
  const basis = (args.options.basis as string | undefined) ?? 'def2-svp';
  const calculator =
    engine === 'xtb'
      ? (await import('../../engines/xtb.js')).xtbCalculator(method as 'gfn2' | 'gfn1', {
          timeLimitMs: ctl.timeLimitMs,
        })
      : (await import('../../engines/nwchem.js')).createNwchemCalculator({
          method: method as 'pbe' | 'pbe0',
          basis: basis as NwchemBasis,
          timeLimitMs: ctl.timeLimitMs,
        });
  return checkSuperatomTemplate(
    calculator,
    template,
    {
      numbers: structure.numbers,
      positions: structure.positions,
      charge,
      ...(uhf !== undefined ? { uhf } : {}),
      adiabatic: args.options.optimize === true,
    },
    engine === 'nwchem' ? { basis } : {},
    { onProgress: ctl.onProgress },
  );
}

function formulaOf(s: Structure): string {
  const counts = new Map<string, number>();
  for (const z of s.numbers) {
    const sym = elementByZ(z)?.symbol ?? String(z);
    counts.set(sym, (counts.get(sym) ?? 0) + 1);
  }
  return [...counts].map(([e, n]) => `${e}${n > 1 ? n : ''}`).join('');
}

export const calcCommand: Command = {
  name: 'calc',
  summary:
    'quantum engine (xtb GFN2/GFN1, NWChem PBE/PBE0): energy, HOMO–LUMO gap, charges, Fukui sites, vertical IP/EA',
  usage:
    'superatom calc <file> | --build shape:ElN [--engine xtb|nwchem] [--method gfn2|gfn1|pbe|pbe0] [--basis def2-svp] [--charge z] [--uhf n] [--optimize] [--ip] [--ea] [--fukui] [--json]',
  options: {
    engine: { type: 'string', description: 'quantum engine', choices: ENGINES, default: 'xtb' },
    method: {
      type: 'string',
      description: 'method (xtb: gfn2, gfn1; nwchem: pbe, pbe0); default gfn2 / pbe',
      choices: [...XTB_METHODS, ...NWCHEM_METHODS],
    },
    basis: {
      type: 'string',
      description: 'NWChem basis set, default def2-svp (def2 ECPs beyond Kr; -d: diffuse, for anions)',
      choices: NWCHEM_BASES,
    },
    charge: {
      type: 'integer',
      description: 'total charge, e (default: from the file, else 0)',
      valueName: 'z',
    },
    uhf: {
      type: 'integer',
      description: 'unpaired electrons (default 0 or 1 by electron parity)',
      min: 0,
      valueName: 'n',
    },
    optimize: { type: 'boolean', description: 'optimise the geometry with the engine first (xtb --opt)' },
    ip: { type: 'boolean', description: 'vertical ionisation energy (eV)' },
    ea: { type: 'boolean', description: 'vertical electron affinity (eV)' },
    fukui: {
      type: 'boolean',
      description: 'condensed Fukui indices, dual descriptor and ranked attack sites',
    },
    build: {
      type: 'string',
      description: 'build the cluster instead of reading a file, e.g. icosahedron:Au13',
      valueName: 'shape:ElN',
    },
    frame: { type: 'integer', description: 'frame of a multi-frame file (1-based, default 1)', min: 1 },
    'no-fallback': {
      type: 'boolean',
      description: 'xtb: only the method asked for, no raised temperature or GFN1 fallback',
    },
    'time-limit': {
      type: 'number',
      description: 'wall-time limit of the whole calculation, s',
      default: 3600,
      min: 0.001,
      valueName: 's',
    },
    template: {
      type: 'boolean',
      description:
        "check the counting rule's superhalogen/superalkali template: EA (candidate superhalogen) or IP (superalkali) by ΔSCF against EA(Cl) 3.62 eV / IP(Cs) 3.89 eV; adiabatic too with --optimize",
    },
    json: { type: 'boolean', description: 'print the report as JSON' },
  },
  help: [
    'xtb (GFN2-/GFN1-xTB, Debian xtb 6.5): fallback chain GFN2 → GFN2 at 2000 K electronic temperature →',
    'GFN1, each attempt listed with why it failed. Sanity checks turn nonsense into a failed attempt:',
    'no SCF convergence, NaN, an atomic gradient above 1 Eh/bohr, |charge| > 2 e on a metal atom, an',
    'energy more than 20 eV/atom below (or 10 above) the free atoms. --ip/--ea: vertical ΔSCC with',
    "xtb's IPEA-xTB parametrisation. --fukui: xtb --vfukui condensed f+, f−, f0; dual = f+ − f−;",
    'sites: exposed atoms (metals, or all non-H atoms without a metal) ranked for nucleophilic attack',
    '(largest dual > 0) and electrophilic attack (most negative dual); equal dual values share a tier.',
    'NWChem (PBE/PBE0, def2-SVP/TZVP): several initial guesses for open shells, lowest state kept.',
    'Energies, orbital energies, IP and EA in eV; charges in e. Exit status 1 when every attempt failed.',
    '',
    'examples:',
    '  superatom calc --build icosahedron:Au13 --json',
    '  superatom calc b12h12.xyz --charge -2 --ip --ea',
    '  superatom calc ag-model.xyz --method gfn1 --fukui',
    '  superatom calc al13.xyz --engine nwchem --template --json   (Al13: halogen-like or superhalogen?)',
  ].join('\n'),
  async run(args, io) {
    const engine = args.options.engine as (typeof ENGINES)[number];
    const method = (args.options.method as string | undefined) ?? (engine === 'xtb' ? 'gfn2' : 'pbe');
    const allowed = engine === 'xtb' ? XTB_METHODS : NWCHEM_METHODS;
    if (!allowed.includes(method)) {
      throw new InputError('calc-method', `--method ${method} is not a method of ${engine}`, {
        hint: `${engine} methods: ${allowed.join(', ')}`,
      });
    }
    if (engine === 'xtb' && args.options.basis !== undefined) {
      throw new InputError(
        'calc-basis',
        '--basis applies to --engine nwchem only (xtb has its own minimal basis)',
      );
    }
    const { structure, what } = await readStructure(args, io.cwd);
    const charge = (args.options.charge as number | undefined) ?? structure.charge ?? 0;
    const uhf = args.options.uhf as number | undefined;
    const timeLimitMs = (args.options['time-limit'] as number) * 1000;
    const bar = createProgressBar(io.stderr, io.stderrIsTTY);
    const onProgress = (p: { done: number; total?: number; message?: string }) =>
      bar.update(p.total ? p.done / p.total : undefined, p.message ?? '');
    const flags = {
      ...(args.options.optimize ? { optimize: true } : {}),
      ...(args.options.fukui ? { fukui: true } : {}),
      ...(args.options.ip ? { ip: true } : {}),
      ...(args.options.ea ? { ea: true } : {}),
    };
    let result: { report: CalcReport; structure: Structure };
    let inputs: Record<string, string>;
    try {
      if (engine === 'xtb') {
        const { runXtbCalc, xyzText } = await import('../../engines/xtb.js');
        result = await runXtbCalc(
          structure,
          {
            method: method as 'gfn2' | 'gfn1',
            charge,
            ...(uhf !== undefined ? { uhf } : {}),
            ...flags,
            ...(args.options['no-fallback'] ? { fallback: false } : {}),
          },
          { timeLimitMs, onProgress },
        );
        inputs = { 'coord.xyz': xyzText(structure.numbers, structure.positions) };
      } else {
        const nw = await import('../../engines/nwchem.js');
        const run = await nw.nwchemCalc(
          structure,
          {
            method: method as 'pbe' | 'pbe0',
            basis: ((args.options.basis as string | undefined) ?? 'def2-svp') as NwchemBasis,
            charge,
            ...(uhf !== undefined ? { uhf } : {}),
            ...flags,
          },
          { timeLimitMs, onProgress },
        );
        result = run;
        inputs = run.inputs;
      }
      if (args.options.template) {
        const check = await templateCheck(engine, method, args, structure, charge, uhf, {
          timeLimitMs,
          onProgress,
        });
        result = {
          ...result,
          report: { ...result.report, superatom: check } as CalcReport & { superatom: SuperatomCheck },
        };
      }
    } finally {
      bar.done();
    }
    const { report } = result;
    const engineVersion = report.engineVersion.replace(/^\S+\s*/, '') || 'unknown';
    io.record?.(
      { ...report, inputs },
      {
        structures: [
          { ...result.structure, title: `${formulaOf(result.structure)} ${report.method} ${what}` },
        ],
        engine: { name: engine, version: engineVersion },
      },
    );
    if (args.options.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    else io.stdout(formatCalc(report, `${formulaOf(structure)} from ${what}`));
    return report.converged ? 0 : 1;
  },
};
