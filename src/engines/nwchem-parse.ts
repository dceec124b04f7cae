/**
 * Reader for NWChem 7 DFT output (stdout): SCF energies, convergence, orbital energies, ⟨S²⟩,
 * Mulliken charges, analytic gradients, geometry-optimisation steps and final geometry. Pure
 * text in, data out (no I/O); every number keeps NWChem's units (Hartree, bohr) and is converted
 * by the caller. Anything it cannot read is absent (null), never guessed; sanity checks on the
 * values live in nwchem.ts.
 *
 * Layout relied on (NWChem 7.0.2, checked on real runs on this machine):
 *   `Northwest Computational Chemistry Package (NWChem) 7.0.2`
 *   `Total DFT energy =   -3149.223295069444`            one per converged SCF
 *   `Calculation failed to converge`                      an SCF that did not converge
 *   `<S2> =      0.7510 (Exact =     0.7500)`             open shells
 *   `DFT Final [Alpha |Beta ]Molecular Orbital Analysis`  then `Vector  9  Occ=1.000000D+00  E=-6.024025D-01 …`
 *   `Total Density - Mulliken Population Analysis`        then `  1 Au  19    18.50   …` (index, symbol, Z_eff, electrons)
 *   `DFT ENERGY GRADIENTS`                                then `  1 Al  x y z  gx gy gz` (bohr, Hartree/bohr)
 *   `@ Step Energy …` rows and `Optimization converged`   driver optimisations
 *   `Output coordinates in angstroms`                     then `  1 Al  13.0000  x y z` (Å)
 *   `Group name   Th`                                     the point group autosym found
 */

export interface NwchemOrbitalLevels {
  /** Highest occupied orbital energy over both spins, Hartree (null when not printed). */
  readonly homoHa: number | null;
  /** Lowest (partly) unoccupied orbital energy over both spins, Hartree. */
  readonly lumoHa: number | null;
  /**
   * Smallest spin-conserving gap min_σ (LUMO_σ − HOMO_σ), Hartree. For open shells it differs from
   * lumo − homo: the empty β partner of a singly occupied α level may lie below the α HOMO.
   * Negative: a non-aufbau occupation (an empty level below an occupied one of the same spin), the
   * mark of an SCF stuck in an excited state; 0 for a partly filled (smeared) shell.
   */
  readonly gapHa: number | null;
}

export interface NwchemMulliken {
  /** Effective nuclear charge per atom (Z minus ECP core electrons). */
  readonly zEff: readonly number[];
  /** Electron population per atom. */
  readonly population: readonly number[];
  /** Partial charge per atom, e (zEff − population). */
  readonly charges: readonly number[];
}

export interface NwchemGradient {
  /** Coordinates in NWChem's (re-oriented) frame, bohr, length 3N. */
  readonly coordsBohr: Float64Array;
  /** ∂E/∂x, Hartree/bohr, length 3N, same frame. */
  readonly gradHaPerBohr: Float64Array;
}

export interface NwchemOptimization {
  readonly converged: boolean;
  /** Energies of the `@` step rows, Hartree, in order (duplicates of the final row dropped). */
  readonly energiesHa: readonly number[];
  /** Largest and RMS gradient component of the last `@` step row, Hartree/bohr (null if absent). */
  readonly lastGmaxHaPerBohr: number | null;
  readonly lastGrmsHaPerBohr: number | null;
}

export interface NwchemOutput {
  /** e.g. `7.0.2`. */
  readonly version: string | null;
  /** Every converged SCF energy in order, Hartree. */
  readonly scfEnergiesHa: readonly number[];
  /** The last SCF energy, Hartree. */
  readonly energyHa: number | null;
  /** Line (1-based) of the last SCF energy. */
  readonly energyLine: number | null;
  /** An SCF reported `Calculation failed to converge`. */
  readonly scfFailed: boolean;
  /** ⟨S²⟩ of the last open-shell SCF. */
  readonly s2: number | null;
  readonly orbitals: NwchemOrbitalLevels;
  readonly mulliken: NwchemMulliken | null;
  readonly gradient: NwchemGradient | null;
  readonly optimization: NwchemOptimization | null;
  /** The first `Output coordinates` block: the input geometry in NWChem's frame (Å). */
  readonly firstGeometry: { readonly symbols: readonly string[]; readonly positionsA: Float64Array } | null;
  /** The last `Output coordinates` block (Å, NWChem's frame) and its element symbols. */
  readonly geometry: { readonly symbols: readonly string[]; readonly positionsA: Float64Array } | null;
  /** Point group autosym found (`Th`, `D4h`, `C1`…). */
  readonly pointGroup: string | null;
  /** Lines that report an error (`… failed`, `ERROR`), at most 5. */
  readonly errors: readonly string[];
  /** `Total times  cpu: … wall: …` wall time, s. */
  readonly wallSeconds: number | null;
}

/** Fortran-style number (`-6.024025D-01`, `1.0E+00`, `0.75`) or NaN. */
export function fortranNumber(s: string): number {
  const t = s.trim().replace(/[dD]/, 'e');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number.NaN;
  return Number(t);
}

const NUM = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:[eEdD][-+]?\d+)?`;
const ENERGY_RE = new RegExp(String.raw`^\s*Total DFT energy\s*=\s*(${NUM})\s*$`);
const S2_RE = new RegExp(String.raw`<S2>\s*=\s*(${NUM})`);
const VECTOR_RE = new RegExp(String.raw`^\s*Vector\s+\d+\s+Occ=\s*(${NUM})\s+E=\s*(${NUM})`);
const MO_HEADER_RE = /^\s*DFT Final (Alpha |Beta )?Molecular Orbital Analysis\s*$/;
const MULLIKEN_ROW_RE = new RegExp(
  String.raw`^\s*(\d+)\s+([A-Za-z][A-Za-z0-9_]*)\s+(\d+)\s+(${NUM})(?:\s|$)`,
);
const GRAD_ROW_RE = new RegExp(
  String.raw`^\s*(\d+)\s+([A-Za-z][A-Za-z0-9_]*)\s+(${NUM})\s+(${NUM})\s+(${NUM})\s+(${NUM})\s+(${NUM})\s+(${NUM})\s*$`,
);
const COORD_ROW_RE = new RegExp(
  String.raw`^\s*(\d+)\s+([A-Za-z][A-Za-z0-9_]*)\s+(${NUM})\s+(${NUM})\s+(${NUM})\s+(${NUM})\s*$`,
);
const STEP_RE = new RegExp(String.raw`^@\s+(\d+)\s+(${NUM})\s+(?:(${NUM})\s+(${NUM})\s+(${NUM})(?:\s|$))?`);
const VERSION_RE = /Northwest Computational Chemistry Package \(NWChem\)\s+(\S+)/;
const GROUP_RE = /^\s*Group name\s+(\S+)\s*$/;
const WALL_RE = new RegExp(String.raw`^\s*Total times\s+cpu:\s*(${NUM})s\s+wall:\s*(${NUM})s`);
const ERROR_RE = /(\bfailed\b|\bERROR\b|error:)/;

function levels(
  blocks: readonly { maxOcc: number; orbitals: { occ: number; e: number }[] }[],
): NwchemOrbitalLevels {
  let homo: number | null = null;
  let lumo: number | null = null;
  let gap: number | null = null;
  for (const b of blocks) {
    let h: number | null = null;
    let l: number | null = null;
    for (const o of b.orbitals) {
      // Fractional occupations (smearing) count as both: a partly filled shell has no gap.
      if (o.occ > 1e-2 * b.maxOcc && (h === null || o.e > h)) h = o.e;
      if (o.occ < b.maxOcc * (1 - 1e-2) && (l === null || o.e < l)) l = o.e;
    }
    if (h !== null && (homo === null || h > homo)) homo = h;
    if (l !== null && (lumo === null || l < lumo)) lumo = l;
    if (h !== null && l !== null && (gap === null || l - h < gap)) gap = l - h;
  }
  return { homoHa: homo, lumoHa: lumo, gapHa: gap };
}

/** Read an NWChem DFT output. Never throws: what is missing is null. */
export function parseNwchemOutput(text: string): NwchemOutput {
  const lines = text.split(/\r?\n/);
  let version: string | null = null;
  const energies: number[] = [];
  let energyLine: number | null = null;
  let scfFailed = false;
  let s2: number | null = null;
  let moBlocks: { maxOcc: number; orbitals: { occ: number; e: number }[] }[] = [];
  let mulliken: NwchemMulliken | null = null;
  let gradient: NwchemGradient | null = null;
  const steps: number[] = [];
  let lastStep = -1;
  let optSeen = false;
  let optConverged = false;
  let lastGmax: number | null = null;
  let lastGrms: number | null = null;
  let geometry: NwchemOutput['geometry'] = null;
  let firstGeometry: NwchemOutput['geometry'] = null;
  let pointGroup: string | null = null;
  const errors: string[] = [];
  let wallSeconds: number | null = null;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let m: RegExpExecArray | null = null;
    m = version === null ? VERSION_RE.exec(line) : null;
    if (m) {
      version = m[1]!;
      continue;
    }
    m = ENERGY_RE.exec(line);
    if (m) {
      const e = fortranNumber(m[1]!);
      energies.push(e);
      energyLine = i + 1;
      // Orbitals, ⟨S²⟩ and populations follow their energy; each later block replaces the
      // earlier one (a driver summary repeats the energy without them, so nothing is reset here).
      continue;
    }
    if (line.includes('Calculation failed to converge')) {
      scfFailed = true;
      continue;
    }
    m = S2_RE.exec(line);
    if (m) {
      s2 = fortranNumber(m[1]!);
      continue;
    }
    m = MO_HEADER_RE.exec(line);
    if (m) {
      const block = { maxOcc: m[1] ? 1 : 2, orbitals: [] as { occ: number; e: number }[] };
      if (!m[1] || m[1].startsWith('Alpha')) moBlocks = [];
      moBlocks.push(block);
      let j = i + 1;
      for (; j < lines.length; j++) {
        const l = lines[j]!;
        if (
          MO_HEADER_RE.test(l) ||
          /Mulliken|Population Analysis|center of mass|Total DFT energy|<S2>/.test(l)
        )
          break;
        const v = VECTOR_RE.exec(l);
        if (v) {
          const occ = fortranNumber(v[1]!);
          const e = fortranNumber(v[2]!);
          if (Number.isFinite(occ) && Number.isFinite(e)) block.orbitals.push({ occ, e });
        }
      }
      i = j - 1;
      continue;
    }
    if (line.includes('Total Density - Mulliken Population Analysis')) {
      const zEff: number[] = [];
      const population: number[] = [];
      let j = i + 1;
      // header: dashes, blank, column titles, dashes; rows until a blank line after the first row
      for (; j < lines.length && j < i + 8 && !/^\s*-{5,}\s+-{3,}/.test(lines[j]!); j++);
      for (j++; j < lines.length; j++) {
        const r = MULLIKEN_ROW_RE.exec(lines[j]!);
        if (!r) break;
        zEff.push(Number(r[3]));
        population.push(fortranNumber(r[4]!));
      }
      if (zEff.length)
        mulliken = {
          zEff,
          population,
          charges: zEff.map((z, k) => Math.round((z - population[k]!) * 1e4) / 1e4),
        };
      i = j - 1;
      continue;
    }
    if (line.includes('DFT ENERGY GRADIENTS')) {
      const c: number[] = [];
      const g: number[] = [];
      let j = i + 1;
      for (; j < lines.length && j < i + 6 && !GRAD_ROW_RE.test(lines[j]!); j++);
      for (; j < lines.length; j++) {
        const r = GRAD_ROW_RE.exec(lines[j]!);
        if (!r) break;
        for (let k = 3; k <= 5; k++) c.push(fortranNumber(r[k]!));
        for (let k = 6; k <= 8; k++) g.push(fortranNumber(r[k]!));
      }
      if (c.length) gradient = { coordsBohr: Float64Array.from(c), gradHaPerBohr: Float64Array.from(g) };
      i = j - 1;
      continue;
    }
    m = STEP_RE.exec(line);
    if (m) {
      optSeen = true;
      const step = Number(m[1]);
      const e = fortranNumber(m[2]!);
      if (step !== lastStep) steps.push(e);
      lastStep = step;
      if (m[4] !== undefined && m[5] !== undefined) {
        lastGmax = fortranNumber(m[4]);
        lastGrms = fortranNumber(m[5]);
      }
      continue;
    }
    if (/^\s*Optimization converged\s*$/.test(line)) {
      optSeen = true;
      optConverged = true;
      continue;
    }
    if (line.includes('Output coordinates in angstroms')) {
      const symbols: string[] = [];
      const pos: number[] = [];
      let j = i + 1;
      for (; j < lines.length && j < i + 5 && !COORD_ROW_RE.test(lines[j]!); j++);
      for (; j < lines.length; j++) {
        const r = COORD_ROW_RE.exec(lines[j]!);
        if (!r) break;
        symbols.push(r[2]!);
        for (let k = 4; k <= 6; k++) pos.push(fortranNumber(r[k]!));
      }
      if (symbols.length) {
        geometry = { symbols, positionsA: Float64Array.from(pos) };
        firstGeometry ??= geometry;
      }
      i = j - 1;
      continue;
    }
    m = GROUP_RE.exec(line);
    if (m) {
      pointGroup = m[1]!;
      continue;
    }
    m = WALL_RE.exec(line);
    if (m) {
      wallSeconds = fortranNumber(m[2]!);
      continue;
    }
    if (
      errors.length < 5 &&
      ERROR_RE.test(line) &&
      !/hardfail|Convergence|Failed to converge in/.test(line)
    ) {
      errors.push(line.trim().slice(0, 200));
    }
  }
  return {
    version,
    scfEnergiesHa: energies,
    energyHa: energies.length ? energies[energies.length - 1]! : null,
    energyLine,
    scfFailed,
    s2,
    orbitals: levels(moBlocks),
    mulliken,
    gradient,
    optimization: optSeen
      ? {
          converged: optConverged,
          energiesHa: steps,
          lastGmaxHaPerBohr: lastGmax,
          lastGrmsHaPerBohr: lastGrms,
        }
      : null,
    firstGeometry,
    geometry,
    pointGroup,
    errors,
    wallSeconds,
  };
}
