/**
 * Ionisation energies and electron affinities by ΔSCF over any {@link Calculator}, and the
 * superhalogen / superalkali verdict they give against Cl and Cs.
 *
 * Definitions (all energies total energies of the species at the named geometry, eV):
 *   vertical IP    = E(cation @ neutral geometry) − E(neutral @ neutral geometry)
 *   adiabatic IP   = E(cation @ cation geometry)  − E(neutral @ neutral geometry)
 *   vertical EA    = E(neutral @ neutral geometry) − E(anion @ neutral geometry)
 *   adiabatic EA   = E(neutral @ neutral geometry) − E(anion @ anion geometry)
 *   VDE            = E(neutral @ anion geometry)   − E(anion @ anion geometry)
 * "neutral" is the reference species of charge q (the caller's charge), cation q + 1, anion q − 1.
 * Adiabatic values need optimised geometries: the calculator's own `optimize` when it has one
 * (NWChem's driver, symmetry kept), else a FIRE relaxation over its forces here.
 *
 * Verdict thresholds: EA(Cl) = 3.612724 eV (Berzinsh et al., PRA 51, 231 (1995)) and
 * IP(Cs) = 3.893905 eV (NIST ASD), as in count/rules/superhalogen.ts; a superhalogen has an EA
 * above Cl's, a superalkali an IP below Cs's (Gutsev & Boldyrev, Chem. Phys. Lett. 92, 262 (1982)).
 * A computed value only decides when it clears the threshold by more than the method's known
 * uncertainty; within "a few tenths" of it the cluster is halogen-/alkali-like (Al13: EA 3.57 eV,
 * Li, Wu & Wang, PRL 81, 1909 (1998)).
 *
 * Pure: no I/O, no clocks; progress and cancellation come in through CalcOptions.
 */
import { LimitError } from '../core/errors.js';
import { EA_CL_EV, IP_CS_EV } from '../count/index.js';
import type { CountResult } from '../count/types.js';
import type { CalcAttempt, CalcInput, CalcOptions, CalcOutput, Calculator } from '../potential/calculator.js';

/** A calculator that can also relax a geometry itself (NWChem's `task dft optimize`). */
export interface SelfOptimizing {
  optimize(
    input: CalcInput,
    opts?: CalcOptions,
  ): Promise<{ readonly positions: Float64Array; readonly output: CalcOutput }>;
}

export interface IonizationRequest {
  readonly numbers: Uint8Array;
  /** Starting positions, Å. */
  readonly positions: Float64Array;
  /** Charge of the reference species (default 0). */
  readonly charge?: number;
  /** Unpaired electrons of the reference species (default by parity); ions get theirs by parity. */
  readonly uhf?: number;
  readonly ip?: boolean;
  readonly ea?: boolean;
  /** Optimise every charge state and report adiabatic values (and the VDE) as well. */
  readonly adiabatic?: boolean;
  /** FIRE settings when the calculator cannot optimise itself. */
  readonly fmaxEvPerA?: number;
  readonly maxSteps?: number;
}

/** One total energy the ΔSCF values are built from. */
export interface IonizationEnergy {
  /** `neutral`, `cation` or `anion` (relative to the reference charge). */
  readonly species: 'neutral' | 'cation' | 'anion';
  readonly charge: number;
  /** Whose geometry: the input, or the optimised geometry of which species. */
  readonly geometry: 'input' | 'neutral' | 'cation' | 'anion';
  readonly energyEv: number;
  readonly homoEv?: number;
  readonly lumoEv?: number;
  readonly attempts: readonly CalcAttempt[];
  readonly warnings: readonly string[];
}

export interface IonizationReport {
  readonly engine: string;
  readonly method: string;
  readonly charge: number;
  readonly ip: { readonly verticalEv: number; readonly adiabaticEv: number | null } | null;
  readonly ea: {
    readonly verticalEv: number;
    readonly adiabaticEv: number | null;
    /** Vertical detachment energy of the anion at its own geometry (adiabatic runs only). */
    readonly vdeEv: number | null;
  } | null;
  readonly energies: readonly IonizationEnergy[];
  /** Optimised positions (Å, flat 3N) per species, when adiabatic. */
  readonly geometries: Readonly<Partial<Record<'neutral' | 'cation' | 'anion', readonly number[]>>>;
  readonly warnings: readonly string[];
}

const SPECIES_CHARGE = { neutral: 0, cation: 1, anion: -1 } as const;
type Species = keyof typeof SPECIES_CHARGE;

/**
 * FIRE relaxation (Bitzek et al., PRL 97, 170201 (2006)) over a calculator's forces, unit masses:
 * positions Å, forces eV/Å, time step in Å·(Å/eV)^{1/2}. Stops when the largest force component
 * is below `fmax` (eV/Å); throws a LimitError after `maxSteps` evaluations.
 */
export async function fireRelax(
  calc: Calculator,
  input: CalcInput,
  opts: CalcOptions = {},
  fmax = 0.05,
  maxSteps = 200,
): Promise<{ positions: Float64Array; output: CalcOutput }> {
  const x = Float64Array.from(input.positions);
  const v = new Float64Array(x.length);
  let dt = 0.1;
  const dtMax = 0.3;
  let alpha = 0.1;
  let positiveSteps = 0;
  for (let step = 0; step < maxSteps; step++) {
    if (opts.signal?.aborted) throw new LimitError('cancelled', 'the relaxation was cancelled');
    const out = await calc.calculate({ ...input, positions: Float64Array.from(x), gradient: true }, opts);
    const f = out.forcesEvPerA;
    if (!f || f.length !== x.length)
      throw new LimitError('relax-no-forces', `${calc.engine} returned no forces to relax with`);
    let fm = 0;
    for (const c of f) fm = Math.max(fm, Math.abs(c));
    opts.onProgress?.({
      done: step,
      total: maxSteps,
      message: `relax step ${step}: E = ${out.energyEv.toFixed(5)} eV, Fmax = ${fm.toFixed(3)} eV/Å`,
    });
    if (fm < fmax) return { positions: Float64Array.from(x), output: out };
    let p = 0;
    let vn = 0;
    let fn = 0;
    for (let i = 0; i < x.length; i++) {
      p += f[i]! * v[i]!;
      vn += v[i]! * v[i]!;
      fn += f[i]! * f[i]!;
    }
    vn = Math.sqrt(vn);
    fn = Math.sqrt(fn);
    if (p > 0) {
      for (let i = 0; i < x.length; i++) v[i] = (1 - alpha) * v[i]! + (alpha * f[i]! * vn) / fn;
      if (++positiveSteps > 5) {
        dt = Math.min(dt * 1.1, dtMax);
        alpha *= 0.99;
      }
    } else {
      v.fill(0);
      dt *= 0.5;
      alpha = 0.1;
      positiveSteps = 0;
    }
    for (let i = 0; i < x.length; i++) {
      v[i] = v[i]! + dt * f[i]!;
      x[i] = x[i]! + dt * v[i]!;
    }
  }
  throw new LimitError(
    'relax-steps',
    `the relaxation did not reach Fmax < ${fmax} eV/Å in ${maxSteps} steps`,
    {
      hint: 'raise the step limit or start from a better geometry',
    },
  );
}

function isSelfOptimizing(c: Calculator): c is Calculator & SelfOptimizing {
  return typeof (c as Partial<SelfOptimizing>).optimize === 'function';
}

/**
 * ΔSCF ionisation energy and/or electron affinity of a structure. Every total energy is listed
 * with its calculator attempts; an engine failure of any needed species throws (a ΔSCF value is
 * never built from a failed calculation).
 */
export async function ionization(
  calc: Calculator,
  req: IonizationRequest,
  opts: CalcOptions = {},
): Promise<IonizationReport> {
  const q = req.charge ?? 0;
  const wanted: Species[] = ['neutral'];
  if (req.ip) wanted.push('cation');
  if (req.ea) wanted.push('anion');
  const energies: IonizationEnergy[] = [];
  const warnings: string[] = [];
  const geometries: Partial<Record<Species, Float64Array>> = {};
  const at: Partial<Record<string, number>> = {};
  const record = (species: Species, geometry: IonizationEnergy['geometry'], out: CalcOutput) => {
    energies.push({
      species,
      charge: q + SPECIES_CHARGE[species],
      geometry,
      energyEv: out.energyEv,
      ...(out.homoEv !== undefined ? { homoEv: out.homoEv } : {}),
      ...(out.lumoEv !== undefined ? { lumoEv: out.lumoEv } : {}),
      attempts: out.attempts ?? [],
      warnings: out.warnings ?? [],
    });
    for (const w of out.warnings ?? []) warnings.push(`${species} @ ${geometry} geometry: ${w}`);
    at[`${species}@${geometry}`] = out.energyEv;
  };
  const inputFor = (species: Species, positions: Float64Array): CalcInput => ({
    numbers: req.numbers,
    positions,
    charge: q + SPECIES_CHARGE[species],
    ...(species === 'neutral' && req.uhf !== undefined ? { uhf: req.uhf } : {}),
  });

  if (req.adiabatic) {
    for (const s of wanted) {
      const input = inputFor(s, req.positions);
      const r = isSelfOptimizing(calc)
        ? await calc.optimize(input, opts)
        : await fireRelax(calc, input, opts, req.fmaxEvPerA ?? 0.05, req.maxSteps ?? 200);
      geometries[s] = r.positions;
      record(s, s, r.output);
    }
    // vertical partners at the optimised neutral geometry, and the VDE at the anion's
    for (const s of wanted) {
      if (s === 'neutral') continue;
      record(s, 'neutral', await calc.calculate(inputFor(s, geometries.neutral!), opts));
    }
    if (req.ea)
      record('neutral', 'anion', await calc.calculate(inputFor('neutral', geometries.anion!), opts));
  } else {
    for (const s of wanted) record(s, 'input', await calc.calculate(inputFor(s, req.positions), opts));
  }

  const g0 = req.adiabatic ? 'neutral' : 'input';
  const e = (k: string) => at[k]!;
  const ip = req.ip
    ? {
        verticalEv: e(`cation@${g0}`) - e(`neutral@${g0}`),
        adiabaticEv: req.adiabatic ? e('cation@cation') - e('neutral@neutral') : null,
      }
    : null;
  const ea = req.ea
    ? {
        verticalEv: e(`neutral@${g0}`) - e(`anion@${g0}`),
        adiabaticEv: req.adiabatic ? e('neutral@neutral') - e('anion@anion') : null,
        vdeEv: req.adiabatic ? e('neutral@anion') - e('anion@anion') : null,
      }
    : null;
  for (const [what, val] of [
    ['IP', ip?.verticalEv],
    ['EA', ea?.verticalEv],
  ] as const) {
    if (val !== undefined && (val < -5 || val > 30))
      warnings.push(`vertical ${what} ${val.toFixed(2)} eV is outside the range of known molecules`);
  }
  const geomOut: Partial<Record<Species, number[]>> = {};
  for (const [k, v] of Object.entries(geometries)) geomOut[k as Species] = Array.from(v);
  return {
    engine: calc.engine,
    method: calc.method,
    charge: q,
    ip,
    ea,
    energies,
    geometries: geomOut,
    warnings,
  };
}

/** What a method's ΔSCF IP/EA are known to get wrong, and by how much (eV). */
export interface MethodBias {
  readonly uncertaintyEv: number;
  readonly bias: string;
}

export function methodBias(method: string, basis?: string): MethodBias {
  const m = method.toLowerCase();
  if (m === 'pbe' || m === 'pbe0') {
    const noDiffuse = !basis || /def2-(svp|tzvp)$/i.test(basis);
    return {
      uncertaintyEv: 0.3,
      bias:
        `${m.toUpperCase()} ΔSCF: electron affinities and ionisation energies typically within 0.1–0.3 eV of experiment with diffuse basis sets (Rienstra-Kiracofe et al., Chem. Rev. 102, 231 (2002))` +
        (noDiffuse
          ? `; ${basis ?? 'the basis'} has no diffuse functions, so anions come out too high in energy and EAs too low — most for small anions with localised charge (F-rich superhalogens), least for delocalised metal-cluster anions (def2-svpd/def2-tzvpd add them)`
          : '') +
        (m === 'pbe' ? '; GGA self-interaction error over-delocalises the extra electron or hole' : ''),
    };
  }
  if (m === 'gfn2' || m === 'gfn1') {
    return {
      uncertaintyEv: 0.5,
      bias: `${m.toUpperCase()}-xTB vertical IP/EA rely on an empirical shift (IPEA-xTB, Ásgeirsson, Bauer & Grimme, Chem. Sci. 8, 4879 (2017)); errors of several tenths of an eV are common`,
    };
  }
  return { uncertaintyEv: 0.5, bias: `no known accuracy for ${method}: treated as ±0.5 eV` };
}

/** How far from the threshold a cluster still counts as halogen-/alkali-like ("a few tenths"), eV. */
export const LIKE_BAND_EV = 0.5;

export interface SuperVerdict {
  readonly kind: 'halogen' | 'alkali';
  /** `ea` for halogens, `ip` for alkalis. */
  readonly property: 'ea' | 'ip';
  /** The value compared (adiabatic when available, else vertical), eV. */
  readonly valueEv: number;
  readonly from: 'adiabatic' | 'vertical';
  /** EA(Cl) or IP(Cs), eV. */
  readonly thresholdEv: number;
  readonly reference: 'Cl' | 'Cs';
  readonly verdict:
    | 'superhalogen'
    | 'halogen-like'
    | 'not-halogen-like'
    | 'superalkali'
    | 'alkali-like'
    | 'not-alkali-like';
  readonly method: string;
  readonly uncertaintyEv: number;
  readonly bias: string;
  /** The counting rule's template verdict and whether the numbers bear it out. */
  readonly template: {
    readonly analogue: string;
    readonly via: string;
    readonly outcome: 'confirmed' | 'halogen-like only' | 'alkali-like only' | 'refuted' | 'not a candidate';
  } | null;
  readonly notes: readonly string[];
}

/**
 * Superhalogen/superalkali verdicts from an ionisation report, checked against the counting
 * rule's template result (`superhalogen` rule of src/count) when one is given.
 */
export function superVerdicts(
  report: Pick<IonizationReport, 'ip' | 'ea' | 'method'>,
  options: { basis?: string; template?: CountResult | null } = {},
): SuperVerdict[] {
  const { uncertaintyEv: u, bias } = methodBias(report.method, options.basis);
  const t = options.template?.applies ? options.template : null;
  const via = t ? String(t.details?.via ?? t.details?.template ?? t.rule) : '';
  const out: SuperVerdict[] = [];
  if (report.ea) {
    const from = report.ea.adiabaticEv !== null ? 'adiabatic' : 'vertical';
    const x = report.ea.adiabaticEv ?? report.ea.verticalEv;
    const verdict =
      x >= EA_CL_EV + u ? 'superhalogen' : x >= EA_CL_EV - LIKE_BAND_EV ? 'halogen-like' : 'not-halogen-like';
    const notes = [
      `${from} EA ${x.toFixed(2)} eV vs EA(Cl) ${EA_CL_EV} eV (${report.method}, uncertainty ±${u} eV)`,
    ];
    if (verdict === 'halogen-like') {
      notes.push(
        x > EA_CL_EV
          ? `above Cl's by ${(x - EA_CL_EV).toFixed(2)} eV, less than the method's uncertainty: a superhalogen is not established`
          : `within ${LIKE_BAND_EV} eV below Cl's: halogen-like, not a superhalogen`,
      );
    }
    const outcome =
      t?.analogue === 'superhalogen'
        ? verdict === 'superhalogen'
          ? 'confirmed'
          : verdict === 'halogen-like'
            ? 'halogen-like only'
            : 'refuted'
        : 'not a candidate';
    out.push({
      kind: 'halogen',
      property: 'ea',
      valueEv: x,
      from,
      thresholdEv: EA_CL_EV,
      reference: 'Cl',
      verdict,
      method: report.method,
      uncertaintyEv: u,
      bias,
      template: t ? { analogue: t.analogue ?? '', via, outcome } : null,
      notes,
    });
  }
  if (report.ip) {
    const from = report.ip.adiabaticEv !== null ? 'adiabatic' : 'vertical';
    const x = report.ip.adiabaticEv ?? report.ip.verticalEv;
    const verdict =
      x <= IP_CS_EV - u ? 'superalkali' : x <= IP_CS_EV + LIKE_BAND_EV ? 'alkali-like' : 'not-alkali-like';
    const notes = [
      `${from} IP ${x.toFixed(2)} eV vs IP(Cs) ${IP_CS_EV} eV (${report.method}, uncertainty ±${u} eV)`,
    ];
    if (verdict === 'alkali-like') {
      notes.push(
        x < IP_CS_EV
          ? `below Cs's by ${(IP_CS_EV - x).toFixed(2)} eV, less than the method's uncertainty: a superalkali is not established`
          : `within ${LIKE_BAND_EV} eV above Cs's: alkali-like, not a superalkali`,
      );
    }
    const outcome =
      t?.analogue === 'superalkali'
        ? verdict === 'superalkali'
          ? 'confirmed'
          : verdict === 'alkali-like'
            ? 'alkali-like only'
            : 'refuted'
        : 'not a candidate';
    out.push({
      kind: 'alkali',
      property: 'ip',
      valueEv: x,
      from,
      thresholdEv: IP_CS_EV,
      reference: 'Cs',
      verdict,
      method: report.method,
      uncertaintyEv: u,
      bias,
      template: t ? { analogue: t.analogue ?? '', via, outcome } : null,
      notes,
    });
  }
  return out;
}

/** The counting rule's prediction checked by a calculation, in one report. */
export interface SuperatomCheck {
  /** The `superhalogen` counting rule's result for the formula. */
  readonly template: CountResult;
  /** What was computed: EA for a superhalogen candidate, IP for a superalkali candidate. */
  readonly computed: 'ea' | 'ip' | 'none';
  readonly ionization: IonizationReport | null;
  readonly verdicts: readonly SuperVerdict[];
}

/**
 * Check the counting rule's superhalogen/superalkali template for a structure: a superhalogen
 * candidate gets its EA, a superalkali candidate its IP (vertical, plus adiabatic when asked), and
 * the verdict says whether the numbers confirm or refute the template. A formula that is no
 * candidate is reported as such without any calculation.
 */
export async function checkSuperatomTemplate(
  calc: Calculator,
  template: CountResult,
  req: Omit<IonizationRequest, 'ip' | 'ea'>,
  options: { basis?: string } = {},
  opts: CalcOptions = {},
): Promise<SuperatomCheck> {
  const kind = template.applies ? template.analogue : undefined;
  if (kind !== 'superhalogen' && kind !== 'superalkali') {
    return { template, computed: 'none', ionization: null, verdicts: [] };
  }
  const ea = kind === 'superhalogen';
  const report = await ionization(calc, { ...req, ea, ip: !ea }, opts);
  return {
    template,
    computed: ea ? 'ea' : 'ip',
    ionization: report,
    verdicts: superVerdicts(report, { ...options, template }),
  };
}
