/**
 * `superatom jellium --rs 3.93 --electrons 8 [--xc pw92|pz|gl] [--charge q] [--valence v]
 * [--range 1..200] [--anions k] [--json]`: self-consistent spherical-jellium Kohn–Sham LDA
 * (src/jellium), ΔSCF IP/EA, Δ₂E, level diagram and radial density SVGs, multiply charged anions.
 */
import { InputError } from '../../core/errors.js';
import {
  anionVerdicts,
  densitySvg,
  type JelliumReport,
  type JelliumRunOptions,
  jelliumAnions,
  jelliumCluster,
  jelliumRange,
  levelDiagramSvg,
  type MultiplyChargedAnions,
  XC_NAMES,
  type XcName,
} from '../../jellium/index.js';
import { writeTextFile } from '../../node/files.js';
import type { Command } from '../command.js';

const RANGE_RE = /^\s*(\d+)\s*(?:\.\.|-|:)\s*(\d+)\s*$/;
const MAX_N = 400;

/** "1..100" → [1, 100]; InputError otherwise (exported for the fuzz test). */
export function parseRange(text: string): [number, number] {
  const m = RANGE_RE.exec(text);
  if (!m) {
    throw new InputError(
      'jellium-range',
      `--range expects "from..to" (e.g. 1..100), got "${text.slice(0, 40)}"`,
      {
        hint: 'two whole numbers of valence electrons separated by ..',
        location: { inputName: 'argument --range', line: 1, column: 1, source: text.slice(0, 80) },
      },
    );
  }
  const a = Number(m[1]);
  const b = Number(m[2]);
  if (!(a >= 1 && b >= a && b <= MAX_N)) {
    throw new InputError('jellium-range', `--range ${a}..${b} must satisfy 1 ≤ from ≤ to ≤ ${MAX_N}`, {
      hint: 'e.g. --range 1..100',
    });
  }
  return [a, b];
}

/** "2.1, -0.4" → [2.1, -0.4] (eV); InputError with the column of the bad entry otherwise. */
export function parseEas(text: string): number[] {
  const parts = text.split(',');
  const out: number[] = [];
  let col = 1;
  for (const p of parts) {
    const t = p.trim();
    const v = Number(t);
    if (t === '' || !Number.isFinite(v) || Math.abs(v) > 100) {
      throw new InputError(
        'jellium-eas',
        `--eas expects comma-separated electron affinities in eV, got "${p.slice(0, 40)}"`,
        {
          hint: 'e.g. --eas 1.6,-0.3 (EA_1, EA_2 … from an engine)',
          location: {
            inputName: 'argument --eas',
            line: 1,
            column: col,
            length: Math.max(1, p.length),
            source: text.slice(0, 80),
          },
        },
      );
    }
    out.push(v);
    col += p.length + 1;
  }
  if (out.length > 20) throw new InputError('jellium-eas', '--eas takes at most 20 values');
  return out;
}

const f = (x: number | null | undefined, d: number): string =>
  x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(d);

function clusterText(r: JelliumReport): string {
  const lines = [
    `jellium       r_s = ${r.rs} bohr, N = ${r.electrons} (background), charge ${r.charge} → ${r.electronsHeld} electrons, ${r.xc}${r.spinPolarised ? ' LSDA' : ' LDA'}${r.softnessBohr > 0 ? `, soft edge ${r.softnessBohr} bohr` : ''}`,
    `radius        R = ${f(r.radiusBohr, 4)} bohr`,
    `total energy  ${f(r.totalEnergyHa, 8)} Ha = ${f(r.totalEnergyEv, 5)} eV; per atom ${f(r.energyPerAtomEv, 5)} eV (${f(r.atoms, 3)} atoms, valence ${r.valence})`,
    `HOMO          ${f(r.homoEv, 4)} eV   LUMO ${f(r.lumoEv, 4)} eV`,
    `IP (ΔSCF)     ${f(r.ipEv, 4)} eV   EA (ΔSCF) ${f(r.eaEv, 4)} eV   Δ₂E ${f(r.delta2Ev, 4)} eV`,
    `SCF           ${r.converged ? 'converged' : 'NOT converged'} in ${r.iterations} iterations (residual ${r.residual.toExponential(2)} e); grid h = ${f(r.grid.spacingBohr, 4)} bohr, ${r.grid.points} points to ${f(r.grid.rMaxBohr, 1)} bohr`,
    'levels        label  l   energy (eV)  occupation',
  ];
  for (const l of r.levels)
    lines.push(
      `              ${(l.label + (l.spin ? (l.spin === 'up' ? '↑' : '↓') : '')).padEnd(5)} ${String(l.l).padStart(2)}  ${f(l.energyEv, 4).padStart(11)}  ${f(l.occupation, l.occupation % 1 === 0 ? 0 : 4)}`,
    );
  return lines.join('\n');
}

function anionsText(a: MultiplyChargedAnions): string {
  const lines = [
    `multiply charged anions (${a.source} EAs; barrier of a charged conducting sphere, R = ${f(a.radiusBohr, 3)} bohr)`,
    '  z   EA_z (eV)  barrier (eV)  at r (bohr)  verdict',
  ];
  for (const s of a.steps)
    lines.push(
      `  ${String(s.z).padStart(2)}  ${f(s.eaEv, 4).padStart(9)}  ${f(s.barrierEv, 4).padStart(12)}  ${f(s.barrierRadiusBohr, 2).padStart(11)}  ${s.verdict}`,
    );
  lines.push(`  stable up to charge −${a.maxBoundCharge}; metastable up to −${a.maxMetastableCharge}`);
  return lines.join('\n');
}

export const jelliumCommand: Command = {
  name: 'jellium',
  summary:
    'self-consistent spherical jellium (Kohn–Sham LDA/LSDA): levels, total energy, ΔSCF IP/EA, Δ₂E, multiply charged anions',
  usage: [
    'superatom jellium --rs 3.93 --electrons 8 [--xc pw92|pz|gl] [--charge q] [--valence v] [--json]',
    'superatom jellium --rs 3.93 --range 1..100 [--xc pw92] [--json]',
    'superatom jellium --rs 3.93 --electrons 20 --anions 3 [--eas 1.6,-0.4,-2] [--json]',
  ].join('\n       '),
  options: {
    rs: {
      type: 'number',
      description: 'Wigner–Seitz radius of the background, bohr = 0.529177 Å (Na 3.93, K 4.86)',
      valueName: 'bohr',
      min: 0.5,
      max: 20,
    },
    electrons: {
      type: 'integer',
      description: 'valence electrons N of the neutral cluster (fixes the background)',
      valueName: 'N',
      min: 1,
      max: MAX_N,
    },
    charge: {
      type: 'integer',
      description: 'net charge q, e (N − q electrons are held)',
      valueName: 'q',
      min: -20,
      max: MAX_N,
    },
    xc: {
      type: 'string',
      description:
        'exchange–correlation: pw92 (Perdew–Wang 1992), pz (Perdew–Zunger 1981), gl (Gunnarsson–Lundqvist 1976)',
      choices: XC_NAMES,
      default: 'pw92',
    },
    valence: {
      type: 'number',
      description: 'number of valence electrons per atom v (atoms = N / v, for the energy per atom)',
      valueName: 'v',
      min: 0.01,
      max: 20,
      default: 1,
    },
    range: {
      type: 'string',
      description: 'neutral clusters N = from..to (e.g. 1..100), with IP, EA and Δ₂E each',
      valueName: 'from..to',
    },
    anions: {
      type: 'integer',
      description: 'sequential EA_1 … EA_k of the cluster and the multiply-charged-anion verdicts',
      valueName: 'k',
      min: 1,
      max: 20,
    },
    eas: {
      type: 'string',
      description:
        'given sequential EAs in eV (e.g. from an engine) judged with the jellium radius instead of jellium EAs',
      valueName: 'eV,eV,…',
    },
    spin: { type: 'boolean', description: 'spin-polarised LSDA (Hund’s-rule moment of the open shell)' },
    softness: {
      type: 'number',
      description: 'Fermi-function width of the background edge, bohr (0.529177 Å; 0: sharp sphere)',
      valueName: 'bohr',
      min: 0,
      max: 5,
      default: 0,
    },
    spacing: {
      type: 'number',
      description: 'radial grid spacing, bohr (0.529177 Å; Numerov, uniform grid)',
      valueName: 'bohr',
      min: 0.01,
      max: 0.5,
      default: 0.1,
    },
    margin: {
      type: 'number',
      description: 'box radius beyond the background edge, bohr (0.529177 Å)',
      valueName: 'bohr',
      min: 5,
      max: 200,
      default: 30,
    },
    smearing: {
      type: 'number',
      description: 'Fermi–Dirac width of the shell occupation, Ha = 27.2114 eV (0: strict aufbau)',
      valueName: 'Ha',
      min: 0,
      max: 0.05,
      default: 1e-4,
    },
    mixing: {
      type: 'number',
      description: 'Pulay mixing weight of the new density (fraction)',
      min: 0.01,
      max: 1,
      default: 0.4,
    },
    'max-iterations': {
      type: 'integer',
      description: 'SCF iteration limit',
      min: 1,
      max: 10000,
      default: 300,
    },
    tolerance: {
      type: 'number',
      description: 'SCF convergence: ∫|n_out − n_in| d³r below this number of electrons',
      min: 1e-12,
      max: 0.1,
      default: 1e-7,
    },
    svg: {
      type: 'string',
      description: 'write the Kohn–Sham level diagram (eV) as SVG',
      valueName: 'file.svg',
    },
    'density-svg': {
      type: 'string',
      description: 'write the radial density (bohr⁻³), background and V_eff as SVG',
      valueName: 'file.svg',
    },
    density: {
      type: 'boolean',
      description: 'include r (bohr), n(r) (bohr⁻³), n₊(r) and V_eff (Ha) on the grid in the JSON',
    },
    json: { type: 'boolean', description: 'print the result as JSON' },
  },
  help: [
    'Model: N electrons’ worth of uniform positive background (density 3/(4π r_s³), radius',
    'R = r_s N^{1/3}) holds N − q electrons; Kohn–Sham LDA (or LSDA with --spin), shells filled by',
    'energy with the highest one fractionally occupied (spherical average). Hartree atomic units',
    'inside; energies reported in Ha and eV, lengths in bohr (1 bohr = 0.529177 Å).',
    'Numerics: Numerov on a uniform radial grid (eigenvalues O(h⁴); energies change < 1e-6 Ha when',
    'h = 0.1 bohr is halved), hard wall at R + margin, Pulay density mixing.',
    'IP = E(N, q+1) − E(N, q) and EA = E(N, q) − E(N, q−1) by ΔSCF; Δ₂E(N) = E(N+1) + E(N−1) − 2E(N).',
    'Multiply charged anions: EA_z = E(N, −(z−1)) − E(N, −z); the z-th electron leaving sees the',
    'barrier (z−1)/r − R³/(2r²(r²−R²)) Ha of the remaining charged sphere; bound if EA_z > 0,',
    'metastable if −EA_z is below the barrier top, else unbound. JSON block: multiplyChargedAnions.',
    '',
    'examples:  superatom jellium --rs 3.93 --electrons 8',
    '           superatom jellium --rs 3.93 --range 1..100 --json > na.json',
    '           superatom jellium --rs 4.86 --electrons 40 --anions 3 --svg k40.svg --density-svg k40-n.svg',
  ].join('\n'),
  run(args, io) {
    const o = args.options;
    if (args.positionals.length > 0)
      throw new InputError(
        'cli-extra-argument',
        `unexpected argument "${args.positionals[0]!.slice(0, 40)}"`,
        {
          hint: 'jellium takes options only, e.g. --rs 3.93 --electrons 8',
        },
      );
    const rs = o.rs as number | undefined;
    if (rs === undefined)
      throw new InputError('jellium-rs', '--rs is required (Wigner–Seitz radius in bohr)', {
        hint: 'e.g. --rs 3.93 for Na, 4.86 for K, 2.07 for Al',
      });
    const range = typeof o.range === 'string' ? parseRange(o.range) : undefined;
    const electrons = o.electrons as number | undefined;
    const charge = (o.charge as number | undefined) ?? 0;
    if (range && electrons !== undefined)
      throw new InputError('jellium-args', 'give either --electrons or --range, not both');
    if (!range && electrons === undefined)
      throw new InputError(
        'jellium-electrons',
        '--electrons N (valence electrons of the neutral cluster) or --range is required',
        {
          hint: 'e.g. --electrons 8',
        },
      );
    if (range && (o.charge !== undefined || o.anions !== undefined || o.eas !== undefined))
      throw new InputError(
        'jellium-args',
        '--range computes neutral clusters: --charge, --anions and --eas need --electrons',
      );
    if (range && (o.svg !== undefined || o['density-svg'] !== undefined || o.density))
      throw new InputError(
        'jellium-args',
        '--svg, --density-svg and --density draw one cluster: use --electrons',
      );
    if (electrons !== undefined) {
      const extra = Math.max(-charge, (o.anions as number | undefined) ?? 0);
      const limit = Math.max(2, Math.ceil(electrons / 2));
      if (extra > limit)
        throw new InputError(
          'jellium-charge',
          `${extra} extra electrons on a background of ${electrons} is beyond this model`,
          {
            hint: `at most ${limit} extra electrons (N/2, at least 2) for --electrons ${electrons}; even these are mostly unbound`,
          },
        );
    }
    if (electrons !== undefined && electrons - charge < 0)
      throw new InputError('jellium-charge', `--charge ${charge} leaves ${electrons - charge} electrons`, {
        hint: `the charge may be at most N = ${electrons}`,
      });
    const opts: JelliumRunOptions = {
      rs,
      xc: o.xc as XcName,
      valence: o.valence as number,
      spin: Boolean(o.spin),
      softness: o.softness as number,
      spacing: o.spacing as number,
      margin: o.margin as number,
      smearing: o.smearing as number,
      mixing: o.mixing as number,
      maxIterations: o['max-iterations'] as number,
      tolerance: o.tolerance as number,
    };
    if (range) {
      const results = jelliumRange(range[0], range[1], opts);
      const report = { results };
      io.record?.(report);
      if (o.json) {
        io.stdout(`${JSON.stringify(report, null, 2)}\n`);
      } else {
        const lines = [
          `jellium r_s = ${rs} bohr, ${opts.xc}, neutral N = ${range[0]}..${range[1]} (eV)`,
          '    N   E/atom      IP       EA      Δ₂E     HOMO   conv',
        ];
        for (const r of results)
          lines.push(
            `${String(r.electrons).padStart(5)} ${f(r.energyPerAtomEv, 4).padStart(8)} ${f(r.ipEv, 3).padStart(8)} ${f(r.eaEv, 3).padStart(8)} ${f(r.delta2Ev, 3).padStart(8)} ${f(r.homoEv, 3).padStart(8)}   ${r.converged ? 'yes' : 'NO'}`,
          );
        io.stdout(`${lines.join('\n')}\n`);
      }
      if (results.some((r) => !r.converged))
        io.stderr('warning: some self-consistent solutions did not converge\n');
      return 0;
    }
    const n = electrons!;
    const { report, solution } = jelliumCluster(n, charge, opts);
    let anions: MultiplyChargedAnions | undefined;
    if (typeof o.eas === 'string') anions = anionVerdicts(parseEas(o.eas), solution.radius, 'given');
    else if (o.anions !== undefined) {
      if (charge !== 0)
        throw new InputError(
          'jellium-args',
          '--anions counts extra electrons of the neutral cluster: drop --charge',
        );
      anions = jelliumAnions(n, o.anions as number, opts);
    }
    const out: Record<string, unknown> = { ...report };
    if (anions) out.multiplyChargedAnions = anions;
    if (o.density)
      out.grid = {
        ...report.grid,
        rBohr: Array.from(solution.r),
        densityPerBohr3: Array.from(solution.density),
        backgroundPerBohr3: Array.from(solution.background),
        potentialHa: Array.from(solution.potential),
      };
    if (typeof o.svg === 'string') {
      writeTextFile(o.svg, levelDiagramSvg(solution), io.cwd, '--svg');
      io.stderr(`wrote ${o.svg}\n`);
    }
    if (typeof o['density-svg'] === 'string') {
      writeTextFile(o['density-svg'], densitySvg(solution), io.cwd, '--density-svg');
      io.stderr(`wrote ${o['density-svg']}\n`);
    }
    io.record?.(out);
    if (!report.converged)
      io.stderr('warning: a self-consistent solution did not converge (see iterations, residual)\n');
    if (o.json) {
      io.stdout(`${JSON.stringify(out, null, 2)}\n`);
      return 0;
    }
    io.stdout(`${clusterText(report)}\n${anions ? `${anionsText(anions)}\n` : ''}`);
    return 0;
  },
};
