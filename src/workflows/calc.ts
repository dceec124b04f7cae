/**
 * The report of `superatom calc` (one shape for every engine and door) and the
 * pure part of its science: the condensed dual descriptor and a ranking of the
 * exposed atoms a nucleophile or an electrophile attacks first.
 *
 * Condensed Fukui functions (finite differences of atomic populations q_k;
 * Yang & Mortier, J. Am. Chem. Soc. 108, 5708 (1986)):
 *   f⁺_k = q_k(N) − q_k(N+1)   (electron added: where a nucleophile attacks)
 *   f⁻_k = q_k(N−1) − q_k(N)   (electron removed: where an electrophile attacks)
 *   f⁰_k = (f⁺_k + f⁻_k) / 2
 * Dual descriptor (Morell, Grand & Toro-Labbé, J. Phys. Chem. A 109, 205 (2005)):
 *   Δf_k = f⁺_k − f⁻_k;  Δf_k > 0 marks an electrophilic site (attacked by nucleophiles),
 *   Δf_k < 0 a nucleophilic site (attacked by electrophiles).
 * The silver growth paper ranks Ag29 surface atoms this way to predict where Ag32/Ag33 grow.
 *
 * Which atoms are ranked ({@link exposedAtoms}): by default the metal atoms (all
 * non-hydrogen atoms when there is no metal), and of those only the exposed
 * ones: an atom is exposed when some direction from it lies more than
 * EXPOSURE_CONE_DEG from every bond (bonds by the covalent-radius rule of
 * structure/bonds). A 12-coordinate interior atom (icosahedral centre: largest
 * gap 37.4°; fcc bulk: 45°) is buried; a surface atom, even one carrying a
 * thiolate or phosphine, has an open direction.
 */
import { InputError } from '../core/errors.js';
import { elementByZ } from '../data/index.js';
import type { CalcAttempt, CalcInput, CalcOptions, CalcOutput, Calculator } from '../potential/calculator.js';
import { findBonds, isMetal } from '../structure/bonds.js';
import type { Structure } from '../structure/structure.js';
import { ionization, type SelfOptimizing } from './ionization.js';

export type CalcEngineName = 'xtb' | 'nwchem';

export interface FukuiReport {
  /** f⁺ per atom (file order), e. */
  readonly plus: readonly number[];
  /** f⁻ per atom, e. */
  readonly minus: readonly number[];
  /** f⁰ per atom, e. */
  readonly zero: readonly number[];
  /** Dual descriptor Δf = f⁺ − f⁻ per atom, e. */
  readonly dual: readonly number[];
}

export interface CalcSite {
  /** 1-based atom number in file order. */
  readonly atom: number;
  readonly element: string;
  /** What attacks this atom: a nucleophile (Δf > 0) or an electrophile (Δf < 0). */
  readonly attack: 'nucleophilic' | 'electrophilic';
  /** 1 = attacked first, within its `attack` kind. */
  readonly rank: number;
  /** Atoms whose Δf agrees within SITE_TIE_TOLERANCE share a tier (symmetry-equivalent sites). */
  readonly tier: number;
  readonly dual: number;
  readonly fPlus: number;
  readonly fMinus: number;
  /** Number of bonded neighbours (covalent-radius rule). */
  readonly coordination: number;
}

/** The JSON report of `superatom calc` (field names are a public contract; energies in eV). */
export interface CalcReport {
  readonly engine: CalcEngineName;
  /** Method that produced the result, lower case (gfn2, gfn1, pbe, pbe0); the last one tried on failure. */
  readonly method: string;
  /** Every attempt in the order tried. */
  readonly attempts: readonly CalcAttempt[];
  /** Total energy, eV. */
  readonly energy: number | null;
  /** HOMO–LUMO gap, eV. */
  readonly gap: number | null;
  readonly homo: number | null;
  readonly lumo: number | null;
  /** Atomic partial charges, e, file order. */
  readonly charges: readonly number[];
  /** Empty arrays unless --fukui. */
  readonly fukui: FukuiReport;
  /** Exposed atoms ranked by the dual descriptor (empty unless --fukui). */
  readonly sites: readonly CalcSite[];
  /** Vertical ionisation energy, eV (null unless --ip). */
  readonly ip: number | null;
  /** Vertical electron affinity, eV (null unless --ea). */
  readonly ea: number | null;
  readonly converged: boolean;
  readonly warnings: readonly string[];
  /** Total charge (e) and unpaired electrons of the calculation. */
  readonly charge: number;
  readonly uhf: number;
  readonly atoms: number;
  /** Engine name and version, e.g. "xtb 6.5.1". */
  readonly engineVersion: string;
  /** Whether the geometry was optimised by the engine first (--optimize). */
  readonly optimized: boolean;
}

/** Δf values closer than this (e) share a site tier: equal at the 3 decimals xtb --vfukui prints. */
export const SITE_TIE_TOLERANCE = 5e-4;
/** Half-angle (degrees) of the cone around each bond that hides a direction (see module comment). */
export const EXPOSURE_CONE_DEG = 50;

/** Δf = f⁺ − f⁻ per atom. */
export function dualDescriptor(plus: readonly number[], minus: readonly number[]): number[] {
  if (plus.length !== minus.length) throw new RangeError('f+ and f- must have one value per atom');
  return plus.map((p, i) => p - minus[i]!);
}

/** A full Fukui report from f⁺ and f⁻ (f⁰ given by the engine or their mean). */
export function fukuiReport(
  plus: readonly number[],
  minus: readonly number[],
  zero?: readonly number[],
): FukuiReport {
  return {
    plus: [...plus],
    minus: [...minus],
    zero: zero ? [...zero] : plus.map((p, i) => (p + minus[i]!) / 2),
    dual: dualDescriptor(plus, minus),
  };
}

export const EMPTY_FUKUI: FukuiReport = { plus: [], minus: [], zero: [], dual: [] };

/** Unit vectors on a sphere (Fibonacci lattice), as flat xyz. */
function sphereDirections(n: number): Float64Array {
  const out = new Float64Array(3 * n);
  const golden = Math.PI * (3 - Math.sqrt(5));
  for (let k = 0; k < n; k++) {
    const z = 1 - (2 * (k + 0.5)) / n;
    const r = Math.sqrt(1 - z * z);
    const phi = k * golden;
    out[3 * k] = r * Math.cos(phi);
    out[3 * k + 1] = r * Math.sin(phi);
    out[3 * k + 2] = z;
  }
  return out;
}

/**
 * Exposed atoms and coordination numbers: exposed when one of 256 directions
 * is more than EXPOSURE_CONE_DEG away from every bond of the atom.
 */
export function exposedAtoms(s: Structure): { exposed: boolean[]; coordination: number[] } {
  const n = s.numbers.length;
  const bonds = findBonds(s);
  const nb: number[][] = Array.from({ length: n }, () => []);
  for (let k = 0; k < bonds.i.length; k++) {
    nb[bonds.i[k]!]!.push(bonds.j[k]!);
    nb[bonds.j[k]!]!.push(bonds.i[k]!);
  }
  const dirs = sphereDirections(256);
  const cosCone = Math.cos((EXPOSURE_CONE_DEG * Math.PI) / 180);
  const p = s.positions;
  const exposed: boolean[] = [];
  for (let i = 0; i < n; i++) {
    const units: number[] = [];
    for (const j of nb[i]!) {
      const dx = p[3 * j]! - p[3 * i]!;
      const dy = p[3 * j + 1]! - p[3 * i + 1]!;
      const dz = p[3 * j + 2]! - p[3 * i + 2]!;
      const r = Math.hypot(dx, dy, dz) || 1;
      units.push(dx / r, dy / r, dz / r);
    }
    let open = false;
    for (let d = 0; d < 256 && !open; d++) {
      let blocked = false;
      for (let u = 0; u < units.length; u += 3) {
        const c =
          dirs[3 * d]! * units[u]! + dirs[3 * d + 1]! * units[u + 1]! + dirs[3 * d + 2]! * units[u + 2]!;
        if (c >= cosCone) {
          blocked = true;
          break;
        }
      }
      if (!blocked) open = true;
    }
    exposed.push(open);
  }
  return { exposed, coordination: nb.map((l) => l.length) };
}

export interface SiteOptions {
  /** Atomic numbers to rank (default: the metals, or every non-H atom when there is none). */
  readonly elements?: readonly number[];
  /** Rank buried atoms too (default false). */
  readonly includeBuried?: boolean;
}

/**
 * Atoms ranked by the dual descriptor: nucleophilic attack at the largest Δf > 0
 * (ties broken by f⁺), electrophilic attack at the most negative Δf (ties by f⁻).
 */
export function rankSites(s: Structure, fukui: FukuiReport, o: SiteOptions = {}): CalcSite[] {
  const n = s.numbers.length;
  if (fukui.dual.length !== n) throw new RangeError('one Fukui value per atom expected');
  const hasMetal = [...s.numbers].some((z) => isMetal(z));
  const allowed = o.elements
    ? new Set(o.elements)
    : new Set([...s.numbers].filter((z) => (hasMetal ? isMetal(z) : z !== 1)));
  const { exposed, coordination } = exposedAtoms(s);
  const candidates: number[] = [];
  for (let i = 0; i < n; i++) {
    if (allowed.has(s.numbers[i]!) && (o.includeBuried || exposed[i])) candidates.push(i);
  }
  const make = (kind: 'nucleophilic' | 'electrophilic'): CalcSite[] => {
    const sign = kind === 'nucleophilic' ? 1 : -1;
    const f = kind === 'nucleophilic' ? fukui.plus : fukui.minus;
    const list = candidates
      .filter((i) => sign * fukui.dual[i]! > 0)
      .sort((a, b) => sign * (fukui.dual[b]! - fukui.dual[a]!) || f[b]! - f[a]! || a - b);
    let tier = 0;
    let prev = Number.NaN;
    return list.map((i, k) => {
      const d = fukui.dual[i]!;
      if (!(Math.abs(d - prev) <= SITE_TIE_TOLERANCE)) tier++;
      prev = d;
      return {
        atom: i + 1,
        element: elementByZ(s.numbers[i]!)?.symbol ?? String(s.numbers[i]),
        attack: kind,
        rank: k + 1,
        tier,
        dual: d,
        fPlus: fukui.plus[i]!,
        fMinus: fukui.minus[i]!,
        coordination: coordination[i]!,
      };
    });
  };
  return [...make('nucleophilic'), ...make('electrophilic')];
}

/** Condensed Fukui indices from atomic charges (e) of the N, N+1 and N−1 electron systems at one geometry. */
export function fukuiFromCharges(
  qN: readonly number[],
  qAnion: readonly number[],
  qCation: readonly number[],
): FukuiReport {
  // population p = Z − q, so f⁺ = p(N+1) − p(N) = q(N) − q(N+1) and f⁻ = p(N) − p(N−1) = q(N−1) − q(N)
  const plus = qN.map((q, i) => q - qAnion[i]!);
  const minus = qN.map((q, i) => qCation[i]! - q);
  return fukuiReport(plus, minus);
}

export interface CalculatorCalcRequest {
  readonly charge: number;
  readonly uhf?: number;
  readonly optimize?: boolean;
  readonly fukui?: boolean;
  readonly ip?: boolean;
  readonly ea?: boolean;
}

/**
 * The `calc` report from any {@link Calculator} (engines without their own
 * report builder, e.g. NWChem): a single point (after the calculator's own
 * optimisation when it has one and `optimize` is asked), vertical ΔSCF IP/EA
 * through {@link ionization}, and finite-difference Fukui indices from the
 * charges of the N±1 electron systems at the same geometry.
 */
export async function calcWithCalculator(
  calc: Calculator & Partial<SelfOptimizing>,
  structure: Structure,
  req: CalculatorCalcRequest,
  opts: CalcOptions = {},
): Promise<{ report: CalcReport; structure: Structure }> {
  const input: CalcInput = {
    numbers: structure.numbers,
    positions: structure.positions,
    charge: req.charge,
    ...(req.uhf !== undefined ? { uhf: req.uhf } : {}),
  };
  const warnings: string[] = [];
  let positions = structure.positions;
  let out: CalcOutput;
  if (req.optimize) {
    if (!calc.optimize) {
      throw new InputError('calc-optimize', `the ${calc.engine} calculator cannot optimise a geometry`);
    }
    const o = await calc.optimize(input, opts);
    positions = o.positions;
    out = o.output;
  } else {
    out = await calc.calculate(input, opts);
  }
  const at: CalcInput = { ...input, positions };
  let fukui = EMPTY_FUKUI;
  if (req.fukui) {
    if (!out.charges)
      throw new InputError('calc-fukui', `the ${calc.engine} calculator reports no atomic charges`);
    const anion = await calc.calculate({ numbers: at.numbers, positions, charge: req.charge - 1 }, opts);
    const cation = await calc.calculate({ numbers: at.numbers, positions, charge: req.charge + 1 }, opts);
    fukui = fukuiFromCharges(out.charges, anion.charges ?? [], cation.charges ?? []);
    warnings.push(
      'Fukui indices: finite differences of the atomic charges of the N±1 electron systems (vertical)',
    );
  }
  let ip: number | null = null;
  let ea: number | null = null;
  if (req.ip || req.ea) {
    const r = await ionization(
      calc,
      {
        numbers: at.numbers,
        positions,
        charge: req.charge,
        ...(req.uhf !== undefined ? { uhf: req.uhf } : {}),
        ...(req.ip ? { ip: true } : {}),
        ...(req.ea ? { ea: true } : {}),
      },
      opts,
    );
    ip = r.ip?.verticalEv ?? null;
    ea = r.ea?.verticalEv ?? null;
    warnings.push(...r.warnings);
  }
  const final: Structure = { ...structure, positions, charge: req.charge };
  const attempts = out.attempts ?? [{ method: calc.method, settings: {}, status: 'ok' as const, reason: '' }];
  const report: CalcReport = {
    engine: calc.engine === 'nwchem' ? 'nwchem' : 'xtb',
    method: out.method ?? calc.method,
    attempts,
    energy: out.energyEv,
    gap: out.gapEv ?? null,
    homo: out.homoEv ?? null,
    lumo: out.lumoEv ?? null,
    charges: out.charges ? [...out.charges] : [],
    fukui,
    sites: req.fukui ? rankSites(final, fukui) : [],
    ip,
    ea,
    converged: out.converged,
    warnings: [...(out.warnings ?? []), ...warnings],
    charge: req.charge,
    uhf: req.uhf ?? parityUhf(structure.numbers, req.charge),
    atoms: structure.numbers.length,
    engineVersion: out.engineVersion ?? calc.engine,
    optimized: Boolean(req.optimize),
  };
  return { report, structure: final };
}

function parityUhf(numbers: Uint8Array, charge: number): number {
  let sum = 0;
  for (const z of numbers) sum += z;
  return (((sum - charge) % 2) + 2) % 2;
}
