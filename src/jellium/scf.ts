/**
 * Self-consistent Kohn–Sham LDA/LSDA for a spherical jellium cluster (Hartree atomic units:
 * energies in Ha, lengths in bohr).
 *
 * Model (W. Ekardt, Phys. Rev. B 29, 1558 (1984); M. Brack, Rev. Mod. Phys. 65, 677 (1993)):
 * N valence electrons' worth of uniform positive background of density n₊ = 3/(4π r_s³) fills a
 * sphere of radius R = r_s N^{1/3} (optionally with a Fermi-function edge of width t, normalised
 * to N); N − q electrons move in
 *   V_eff,σ(r) = V_H[n](r) + V_bg(r) + v_xc,σ(r),   V_bg = −N(3 − r²/R²)/(2R) (r < R), −N/r (r ≥ R).
 * Shells (n, l) are filled in order of their eigenvalues, 2(2l+1) electrons each (2l+1 per spin
 * under LSDA); the highest shell takes the remaining electrons as a fractional, spherically
 * averaged occupation. Total energy
 *   E = T_s + ½∫n V_H[n] + ∫n V_bg + E_bb + E_xc[n],   T_s = Σ f_i ε_i − Σ_σ ∫ n_σ V_eff,σ,
 * with E_bb = 3N²/(5R) the background self-energy (numerical for the soft edge).
 * Mixing: Pulay (DIIS) on the input density with a weighted (4πr² dr) inner product.
 */
import { hartree, makeGrid, type RadialGrid, RadialSolver } from './radial.js';
import { type XcName, type XcPoint, xcPoint } from './xc.js';

/** Spectroscopic letters for l = 0, 1, 2 … (J is skipped by convention). */
export const L_LETTERS = 'SPDFGHIKLMNOQRTUVWXYZ';

export interface JelliumOptions {
  /** Wigner–Seitz radius of the background, bohr (Na 3.93, K 4.86). */
  readonly rs: number;
  /** Valence electrons of the neutral cluster: fixes the background charge N. */
  readonly electrons: number;
  /** Net charge q (e): N − q electrons are held. Default 0. */
  readonly charge?: number;
  readonly xc?: XcName;
  /** Spin-polarised LSDA with Hund's-rule moment of the open shell (default false). */
  readonly spin?: boolean;
  /** Width t (bohr) of a Fermi-function background edge; 0 (default) is the sharp sphere. */
  readonly softness?: number;
  /** Grid spacing, bohr (default 0.1; adjusted so that R falls on an even grid point). */
  readonly spacing?: number;
  /** Box radius beyond R, bohr (default 30). */
  readonly margin?: number;
  /** Pulay mixing weight of the new residual (default 0.4). */
  readonly mixing?: number;
  /** Pulay history length (default 6). */
  readonly history?: number;
  readonly maxIterations?: number;
  /** Convergence: ∫|n_out − n_in| d³r below this (electrons; default 1e-7). */
  readonly tolerance?: number;
  /** A previous solution whose density starts this one (scaled to the new electron count). */
  readonly start?: JelliumSolution;
  /**
   * Width σ (Ha) of the Fermi–Dirac occupation used to fill the shells (default 1e-4 Ha): shells
   * more than a few σ below the Fermi level are full, the highest one takes the remaining electrons
   * fractionally, and shells within ~σ of each other share them (the ensemble ground state where
   * two shells cross, which strict aufbau turns into an endless flip). 0: strict aufbau.
   */
  readonly smearing?: number;
  /** Tests: drop Hartree and exchange–correlation (independent electrons in V_bg). */
  readonly noninteracting?: boolean;
}

export interface JelliumLevel {
  /** 1S, 1P, 1D, 2S … (n = radial nodes + 1). */
  readonly label: string;
  readonly n: number;
  readonly l: number;
  /** Eigenvalue, Ha. */
  readonly energy: number;
  /** Electrons in the shell (of 2(2l+1), or 2l+1 per spin). */
  readonly occupation: number;
  /** LSDA only. */
  readonly spin?: 'up' | 'down';
}

export interface ScfStep {
  readonly iteration: number;
  /** ∫|n_out − n_in| d³r, electrons. */
  readonly residual: number;
  /** Total energy, Ha. */
  readonly energy: number;
}

export interface JelliumSolution {
  readonly rs: number;
  readonly electrons: number;
  readonly charge: number;
  readonly xc: XcName;
  readonly spin: boolean;
  /** Background radius R = r_s N^{1/3}, bohr. */
  readonly radius: number;
  /** Total energy, Ha. */
  readonly totalEnergy: number;
  /** Energy components, Ha. */
  readonly components: {
    readonly kinetic: number;
    readonly electrostatic: number;
    readonly exchangeCorrelation: number;
    readonly eigenvalueSum: number;
  };
  /** Levels by increasing energy: the occupied ones and the lowest empty bound ones. */
  readonly levels: readonly JelliumLevel[];
  /** Highest occupied eigenvalue, Ha (NaN without electrons). */
  readonly homo: number;
  /** Lowest unoccupied bound eigenvalue, Ha (NaN if none found). */
  readonly lumo: number;
  readonly converged: boolean;
  readonly iterations: number;
  readonly history: readonly ScfStep[];
  readonly grid: { readonly h: number; readonly points: number; readonly rMax: number };
  /** r (bohr), total electron density (bohr⁻³), V_eff of spin up (Ha), background density. */
  readonly r: Float64Array;
  readonly density: Float64Array;
  readonly spinDensity?: Float64Array;
  readonly potential: Float64Array;
  readonly background: Float64Array;
}

interface Candidate {
  l: number;
  k: number;
  e: number;
  buf: number;
}

/** Per-grid scratch shared by the iterations of one solve. */
class Workspace {
  readonly grid: RadialGrid;
  readonly solver: RadialSolver;
  readonly bufs: Float64Array[] = [];
  private used = 0;
  constructor(grid: RadialGrid) {
    this.grid = grid;
    this.solver = new RadialSolver(grid);
  }
  take(): number {
    if (this.used === this.bufs.length) this.bufs.push(new Float64Array(this.grid.m + 1));
    return this.used++;
  }
  releaseAll(): void {
    this.used = 0;
  }
}

/** Eigenvalue guesses keyed by l·256 + k, carried between iterations. */
type Guesses = Map<number, number>;

/**
 * The lowest shells of one spin channel holding `count` electrons (`deg(l)` per shell) plus up to
 * `extra` empty bound shells (below `vacuum`), found by opening l channels lazily.
 */
function findShells(
  ws: Workspace,
  v: Float64Array,
  count: number,
  deg: (l: number) => number,
  extra: number,
  vacuum: number,
  guesses: Guesses,
  eMax: number,
  barrier: number,
): Candidate[] {
  const picked: Candidate[] = [];
  const open: Candidate[] = [];
  const solveOne = (l: number, k: number): Candidate => {
    const buf = ws.take();
    const g = guesses.get(l * 256 + k) ?? Number.NaN;
    const res = ws.solver.solve(v, l, k, ws.bufs[buf]!, g, eMax);
    guesses.set(l * 256 + k, res.energy);
    return { l, k, e: res.energy, buf };
  };
  open.push(solveOne(0, 0));
  let cap = 0;
  let extras = 0;
  let rejected = 0;
  while (open.length > 0) {
    let best = 0;
    for (let i = 1; i < open.length; i++) if (open[i]!.e < open[best]!.e) best = i;
    const c = open[best]!;
    if (rejected < 24 && c.e > vacuum && !localised(ws, c.buf, barrier)) {
      // a box state outside the Coulomb barrier of an anion: not a state of the cluster (after 24
      // of them the electrons are simply unbound and go to the box states)
      open.splice(best, 1);
      open.push(solveOne(c.l, c.k + 1));
      rejected++;
      continue;
    }
    if (cap >= count - 1e-12) {
      if (extras >= extra || c.e >= vacuum) break;
      extras++;
    }
    picked.push(c);
    cap += deg(c.l);
    open.splice(best, 1);
    if (c.k === 0 && c.l < 60) open.push(solveOne(c.l + 1, 0));
    open.push(solveOne(c.l, c.k + 1));
    if (picked.length > 400) break;
  }
  return picked;
}

/** Whether at least half of the normalised orbital in buffer `buf` lies inside grid index `ib`. */
function localised(ws: Workspace, buf: number, ib: number): boolean {
  const u = ws.bufs[buf]!;
  const w = ws.grid.w;
  let s = 0;
  for (let i = 0; i <= ib; i++) s += w[i]! * u[i]! * u[i]!;
  return s >= 0.5;
}

const TINY = 1e-30;

/** Solve the Kohn–Sham equations for one jellium cluster. */
export function solveJellium(opts: JelliumOptions): JelliumSolution {
  const rs = opts.rs;
  const N = opts.electrons;
  const q = opts.charge ?? 0;
  const xc: XcName = opts.xc ?? 'pw92';
  const spin = opts.spin ?? false;
  const soft = opts.softness ?? 0;
  const ne = N - q;
  if (!(rs > 0) || !(N > 0) || !(ne >= 0))
    throw new RangeError('jellium: need rs > 0, electrons > 0, electrons − charge ≥ 0');
  const R = rs * Math.cbrt(N);
  const grid = makeGrid(opts.spacing ?? 0.1, R + 6 * soft + (opts.margin ?? 30), R);
  const { m, r, w } = grid;
  const ws = new Workspace(grid);
  const iR = Math.round(R / grid.h);
  const len = m + 1;
  // background density and potential
  const nBg = new Float64Array(len);
  const vBg = new Float64Array(len);
  let eBb: number;
  const n0 = 3 / (4 * Math.PI * rs * rs * rs);
  if (soft > 0) {
    for (let i = 0; i <= m; i++) nBg[i] = 1 / (1 + Math.exp((r[i]! - R) / soft));
    let s = 0;
    for (let i = 0; i <= m; i++) s += w[i]! * nBg[i]! * r[i]! * r[i]!;
    const k = N / (4 * Math.PI * s);
    for (let i = 0; i <= m; i++) nBg[i]! *= k;
    hartree(grid, nBg, vBg);
    eBb = 0;
    for (let i = 0; i <= m; i++) eBb += w[i]! * nBg[i]! * vBg[i]! * r[i]! * r[i]!;
    eBb *= 2 * Math.PI;
    for (let i = 0; i <= m; i++) vBg[i] = -vBg[i]!;
  } else {
    for (let i = 0; i <= m; i++) {
      const ri = r[i]!;
      nBg[i] = ri < R - 1e-9 ? n0 : ri > R + 1e-9 ? 0 : n0 / 2;
      vBg[i] = ri < R ? (-N * (3 - (ri * ri) / (R * R))) / (2 * R) : -N / ri;
    }
    eBb = (3 * N * N) / (5 * R);
  }
  const nSpin = spin ? 2 : 1;
  // electrons per spin channel (LSDA: Hund's-rule moment fixed after the first iteration)
  const counts = spin ? [ne / 2, ne / 2] : [ne];
  // densities: nIn/nOut hold nSpin channels back to back
  const vec = nSpin * len;
  const nIn = new Float64Array(vec);
  const nOut = new Float64Array(vec);
  if (opts.start && opts.start.r.length > 1) {
    const s = opts.start;
    const hs = s.r[1]! - s.r[0]!;
    const src = s.density;
    for (let i = 0; i <= m; i++) {
      const x = r[i]! / hs;
      const j = Math.floor(x);
      const d = j + 1 < src.length ? src[j]! + (x - j) * (src[j + 1]! - src[j]!) : 0;
      nIn[i] = Math.max(d, 0);
    }
  } else {
    for (let i = 0; i <= m; i++) nIn[i] = 1 / (1 + Math.exp((r[i]! - R) / 1.0));
  }
  {
    let s = 0;
    for (let i = 0; i <= m; i++) s += w[i]! * nIn[i]! * r[i]! * r[i]!;
    const k = ne > 0 && s > 0 ? ne / (4 * Math.PI * s) : 0;
    for (let i = 0; i <= m; i++) nIn[i]! *= k / nSpin;
    if (spin) for (let i = 0; i <= m; i++) nIn[len + i] = nIn[i]!;
  }
  const vH = new Float64Array(len);
  const vEff = new Float64Array(vec);
  const exc = new Float64Array(len);
  const pt: XcPoint = { e: 0, dRs: 0, dZeta: 0 };
  const guesses: Guesses[] = [new Map(), new Map()];
  if (opts.start)
    for (const lv of opts.start.levels)
      guesses[lv.spin === 'down' ? 1 : 0]!.set(lv.l * 256 + lv.n - 1, lv.energy);
  // Pulay history
  const mixing = opts.mixing ?? 0.4;
  const H = Math.max(1, opts.history ?? 6);
  const histX: Float64Array[] = [];
  const histF: Float64Array[] = [];
  let histN = 0;
  let histPos = 0;
  const weight = new Float64Array(len);
  for (let i = 0; i <= m; i++) weight[i] = 4 * Math.PI * w[i]! * r[i]! * r[i]!;
  const maxIt = opts.maxIterations ?? 300;
  const tol = opts.tolerance ?? 1e-7;
  const history: ScfStep[] = [];
  let levels: JelliumLevel[] = [];
  let converged = false;
  let energy = Number.NaN;
  let comps = { kinetic: 0, electrostatic: 0, exchangeCorrelation: 0, eigenvalueSum: 0 };
  let it = 0;
  let hundFixed = !spin;
  let stuck = false;
  const nonint = opts.noninteracting ?? false;
  const smearing = opts.smearing ?? 1e-4;

  /** V_eff (per spin) from the densities in `dens`; fills exc with ε_xc. */
  const potentials = (dens: Float64Array, veff: Float64Array, withXc: boolean): void => {
    if (nonint) {
      for (let s = 0; s < nSpin; s++) for (let i = 0; i <= m; i++) veff[s * len + i] = vBg[i]!;
      exc.fill(0);
      return;
    }
    if (spin) {
      for (let i = 0; i <= m; i++) exc[i] = dens[i]! + dens[len + i]!;
      hartree(grid, exc, vH);
    } else hartree(grid, dens, vH);
    for (let i = 0; i <= m; i++) {
      const nu = dens[i]!;
      const nd = spin ? dens[len + i]! : 0;
      const n = spin ? nu + nd : nu;
      let vu = 0;
      let vd = 0;
      let e = 0;
      if (withXc && n > TINY) {
        const rsl = Math.cbrt(3 / (4 * Math.PI * n));
        let z = spin ? (nu - nd) / n : 0;
        if (z > 1) z = 1;
        else if (z < -1) z = -1;
        xcPoint(xc, rsl, z, pt);
        e = pt.e;
        const base = pt.e - (rsl / 3) * pt.dRs;
        vu = base - (z - 1) * pt.dZeta;
        vd = base - (z + 1) * pt.dZeta;
      }
      exc[i] = e;
      const vc = vH[i]! + vBg[i]!;
      veff[i] = vc + vu;
      if (spin) veff[len + i] = vc + vd;
    }
  };

  for (it = 1; it <= maxIt; it++) {
    potentials(nIn, vEff, true);
    // shells per spin channel
    ws.releaseAll();
    nOut.fill(0);
    levels = [];
    let eigSum = 0;
    const vacuum = vEff[m - 2]!;
    const eMax = Math.max(vacuum, 0) + 2;
    stuck = false;
    // top of the Coulomb barrier of an anion (outermost maximum of V_eff beyond R; the wall if none)
    let barrier = m;
    {
      let best = Number.NEGATIVE_INFINITY;
      for (let i = iR; i < m - 2; i++)
        if (vEff[i]! > best) {
          best = vEff[i]!;
          barrier = i;
        }
      if (!(best > vacuum + 1e-6)) barrier = m;
    }
    const chanShells: Candidate[][] = [];
    for (let s = 0; s < nSpin; s++) {
      const vs = vEff.subarray(s * len, (s + 1) * len);
      const deg = spin ? (l: number) => 2 * l + 1 : (l: number) => 2 * (2 * l + 1);
      const want = hundFixed ? counts[s]! : ne;
      chanShells.push(findShells(ws, vs, want, deg, 2, vacuum, guesses[s]!, eMax, barrier));
    }
    if (!hundFixed) {
      // Hund's rule on the first spin-symmetric shell order: the open shell's electrons align
      const shells = chanShells[0]!;
      let left = ne;
      let up = 0;
      for (const c of shells) {
        const g = 2 * c.l + 1;
        const take = Math.min(left, 2 * g);
        up += Math.min(take, g);
        left -= take;
        if (left <= 0) break;
      }
      counts[0] = up;
      counts[1] = ne - up;
      hundFixed = true;
      // redo the minority channel with its own count next iteration; fill now with these counts
    }
    for (let s = 0; s < nSpin; s++) {
      const shells = chanShells[s]!;
      const occs = occupations(shells, counts[s]!, spin ? 1 : 2, smearing);
      for (let j = 0; j < shells.length; j++) {
        const c = shells[j]!;
        const full = spin ? 2 * c.l + 1 : 2 * (2 * c.l + 1);
        const raw = occs[j]!;
        const occ = raw < 1e-10 ? 0 : raw > full - 1e-10 ? full : raw;
        const lab = `${c.k + 1}${L_LETTERS[c.l] ?? `l${c.l}`}`;
        levels.push({
          label: lab,
          n: c.k + 1,
          l: c.l,
          energy: c.e,
          occupation: occ,
          ...(spin ? { spin: s === 0 ? ('up' as const) : ('down' as const) } : {}),
        });
        if (occ > 0) {
          if (c.e > eMax - 1e-6) stuck = true;
          eigSum += occ * c.e;
          const u = ws.bufs[c.buf]!;
          const dst = s * len;
          for (let i = 1; i <= m; i++) {
            const ri = r[i]!;
            nOut[dst + i]! += (occ * u[i]! * u[i]!) / (4 * Math.PI * ri * ri);
          }
        }
      }
      const o = s * len;
      nOut[o] = (4 * nOut[o + 1]! - nOut[o + 2]!) / 3;
    }
    // energy with the output density: T_s from the eigenvalues and the input potential
    let ints = 0;
    for (let s = 0; s < nSpin; s++)
      for (let i = 0; i <= m; i++) ints += weight[i]! * nOut[s * len + i]! * vEff[s * len + i]!;
    const kinetic = eigSum - ints;
    // residual
    let res = 0;
    for (let j = 0; j < vec; j++) res += weight[j % len]! * Math.abs(nOut[j]! - nIn[j]!);
    // Hartree, background and xc energies of n_out (vEff is reused as scratch afterwards)
    // (vEff is overwritten here and recomputed at the next iteration's start)
    potentials(nOut, vEff, true);
    let eH = 0;
    let eBg = 0;
    let eXc = 0;
    for (let i = 0; i <= m; i++) {
      const n = spin ? nOut[i]! + nOut[len + i]! : nOut[i]!;
      eH += weight[i]! * n * vH[i]!;
      eBg += weight[i]! * n * vBg[i]!;
      eXc += weight[i]! * n * exc[i]!;
    }
    if (nonint) {
      eH = 0;
      eXc = 0;
    }
    const electrostatic = nonint ? eBg : 0.5 * eH + eBg + eBb;
    energy = kinetic + electrostatic + eXc;
    comps = { kinetic, electrostatic, exchangeCorrelation: eXc, eigenvalueSum: eigSum };
    history.push({ iteration: it, residual: res, energy });
    if (res < tol || nonint) {
      // an occupied state pinned at the search ceiling (electrons far beyond what the sphere
      // can hold) is not a solution
      converged = !stuck;
      // keep the output density as the answer
      nIn.set(nOut);
      break;
    }
    // Pulay mixing
    if (histX.length < H) {
      histX.push(new Float64Array(vec));
      histF.push(new Float64Array(vec));
    }
    const slot = histPos % H;
    const xs = histX[slot]!;
    const fs = histF[slot]!;
    for (let j = 0; j < vec; j++) {
      xs[j] = nIn[j]!;
      fs[j] = nOut[j]! - nIn[j]!;
    }
    histPos++;
    histN = Math.min(histN + 1, H);
    const coef = pulay(histF, histN, weight, len, vec);
    for (let j = 0; j < vec; j++) {
      let x = 0;
      for (let a = 0; a < histN; a++) x += coef[a]! * (histX[a]![j]! + mixing * histF[a]![j]!);
      nIn[j] = Math.max(x, 0);
    }
  }
  // final potentials of the answer density for the report
  potentials(nIn, vEff, true);
  levels.sort((a, b) => a.energy - b.energy);
  let homo = Number.NEGATIVE_INFINITY;
  let lumo = Number.POSITIVE_INFINITY;
  for (const lv of levels) {
    if (lv.occupation > 1e-12 && lv.energy > homo) homo = lv.energy;
  }
  for (const lv of levels) {
    const full = (spin ? 1 : 2) * (2 * lv.l + 1);
    if (lv.occupation < full - 1e-12 && lv.energy > homo - 1e-12 && lv.energy < lumo) {
      if (lv.occupation <= 1e-12 || lv.energy > homo) lumo = lv.energy;
    }
  }
  const density = new Float64Array(len);
  for (let i = 0; i <= m; i++) density[i] = spin ? nIn[i]! + nIn[len + i]! : nIn[i]!;
  const result: JelliumSolution = {
    rs,
    electrons: N,
    charge: q,
    xc,
    spin,
    radius: R,
    totalEnergy: energy,
    components: comps,
    levels,
    homo: Number.isFinite(homo) ? homo : Number.NaN,
    lumo: Number.isFinite(lumo) ? lumo : Number.NaN,
    converged,
    iterations: Math.min(it, maxIt),
    history,
    grid: { h: grid.h, points: len, rMax: r[m]! },
    r: grid.r,
    density,
    potential: vEff.slice(0, len),
    background: nBg,
    ...(spin ? { spinDensity: Float64Array.from({ length: len }, (_, i) => nIn[i]! - nIn[len + i]!) } : {}),
  };
  return result;
}

/**
 * Occupations of `shells` (in increasing energy) holding `count` electrons, `perM` electrons per
 * magnetic sub-level (2 unpolarised, 1 per spin channel): strict aufbau for σ = 0, else
 * Fermi–Dirac with the chemical potential found by bisection.
 */
function occupations(shells: readonly Candidate[], count: number, perM: number, sigma: number): Float64Array {
  const out = new Float64Array(shells.length);
  if (count <= 0) return out;
  if (!(sigma > 0)) {
    let left = count;
    for (let j = 0; j < shells.length; j++) {
      const g = perM * (2 * shells[j]!.l + 1);
      const occ = Math.max(0, Math.min(left, g));
      out[j] = occ;
      left -= occ;
    }
    return out;
  }
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let cap = 0;
  for (const c of shells) {
    lo = Math.min(lo, c.e);
    hi = Math.max(hi, c.e);
    cap += perM * (2 * c.l + 1);
  }
  if (count >= cap) return occupations(shells, count, perM, 0);
  lo -= 60 * sigma;
  hi += 60 * sigma;
  const fill = (mu: number): number => {
    let s = 0;
    for (let j = 0; j < shells.length; j++) {
      const c = shells[j]!;
      const x = Math.min(Math.max((c.e - mu) / sigma, -700), 700);
      const f = (perM * (2 * c.l + 1)) / (1 + Math.exp(x));
      out[j] = f;
      s += f;
    }
    return s;
  };
  for (let it = 0; it < 200; it++) {
    const mu = 0.5 * (lo + hi);
    if (fill(mu) > count) hi = mu;
    else lo = mu;
    if (hi - lo < 1e-16 * Math.max(1, Math.abs(mu))) break;
  }
  // renormalise the tiny bisection remainder onto the result
  const s = fill(0.5 * (lo + hi));
  if (s > 0) for (let j = 0; j < out.length; j++) out[j] = (out[j]! * count) / s;
  return out;
}

/** DIIS coefficients c (Σc = 1) minimising |Σ c_a F_a| in the weighted norm. */
function pulay(F: Float64Array[], n: number, weight: Float64Array, len: number, vec: number): Float64Array {
  const dim = n + 1;
  const A = new Float64Array(dim * dim);
  const b = new Float64Array(dim);
  for (let a = 0; a < n; a++)
    for (let c = a; c < n; c++) {
      let s = 0;
      const fa = F[a]!;
      const fc = F[c]!;
      for (let j = 0; j < vec; j++) s += weight[j % len]! * fa[j]! * fc[j]!;
      A[a * dim + c] = s;
      A[c * dim + a] = s;
    }
  // regularise: scale by the diagonal's mean
  let diag = 0;
  for (let a = 0; a < n; a++) diag += A[a * dim + a]!;
  diag = diag / n || 1;
  for (let a = 0; a < n; a++) {
    for (let c = 0; c < n; c++) A[a * dim + c] = A[a * dim + c]! / diag;
    A[a * dim + a] = A[a * dim + a]! * (1 + 1e-10);
    A[a * dim + n] = 1;
    A[n * dim + a] = 1;
  }
  A[n * dim + n] = 0;
  b[n] = 1;
  const x = gaussSolve(A, b, dim);
  const out = new Float64Array(n);
  if (!x) {
    out[n - 1] = 1;
    return out;
  }
  for (let a = 0; a < n; a++) out[a] = x[a]!;
  return out;
}

function gaussSolve(A: Float64Array, b: Float64Array, n: number): Float64Array | undefined {
  for (let col = 0; col < n; col++) {
    let piv = col;
    for (let i = col + 1; i < n; i++) if (Math.abs(A[i * n + col]!) > Math.abs(A[piv * n + col]!)) piv = i;
    if (Math.abs(A[piv * n + col]!) < 1e-300) return undefined;
    if (piv !== col) {
      for (let j = 0; j < n; j++) {
        const t = A[col * n + j]!;
        A[col * n + j] = A[piv * n + j]!;
        A[piv * n + j] = t;
      }
      const t = b[col]!;
      b[col] = b[piv]!;
      b[piv] = t;
    }
    for (let i = col + 1; i < n; i++) {
      const f = A[i * n + col]! / A[col * n + col]!;
      if (f === 0) continue;
      for (let j = col; j < n; j++) A[i * n + j] = A[i * n + j]! - f * A[col * n + j]!;
      b[i] = b[i]! - f * b[col]!;
    }
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let j = i + 1; j < n; j++) s -= A[i * n + j]! * x[j]!;
    x[i] = s / A[i * n + i]!;
  }
  return x;
}

export { makeGrid };
