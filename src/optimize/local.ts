/**
 * Local minimisation: L-BFGS and FIRE, both converging on the largest force
 * on any atom (the per-atom force norm |F_i|, energy/length unit). Both work
 * on anything with the {@link Potential} evaluate signature, and reuse their
 * work arrays across calls (create one minimiser per search, not per step).
 */
import { InputError } from '../core/errors.js';
import { ensureMemory, instantiateEmbedded, type WasmMemory } from '../core/wasm.js';
import type { Potential } from '../potential/types.js';
import { LBFGS_WASM_BASE64 } from './lbfgs-wasm-module.js';

/**
 * Most atoms a local minimisation relaxes (`optimize`): every evaluation of the potentials sums
 * all N(N−1)/2 pairs (1.25·10⁷ at 5000 atoms, ≈ 0.05 s LJ and 0.2 s Gupta per evaluation; the
 * many-body scratch holds 16 bytes per pair, 200 MB), and a relaxation takes hundreds to
 * thousands of evaluations. Larger inputs are refused before any work with a way forward.
 */
export const MAX_RELAX_ATOMS = 5000;

/**
 * Most atoms relaxed on a potential whose evaluations cost O(N) (Gupta: smooth cut-off and a
 * neighbour grid from 1000 atoms on): about 75 pairs per atom for Au, so 7.5·10⁶ pairs and
 * ≈ 200 MB of pair lists plus 48 MB of L-BFGS memory at this size.
 */
export const MAX_RELAX_ATOMS_LINEAR = 100_000;

/** The size limit of a local relaxation on `potential` (atoms). */
export function maxRelaxAtoms(potential: { readonly linearFrom?: number }): number {
  return potential.linearFrom !== undefined ? MAX_RELAX_ATOMS_LINEAR : MAX_RELAX_ATOMS;
}

/** What a local minimiser needs of a potential. */
export type Objective = Pick<Potential, 'evaluate' | 'nearestNeighbour' | 'bondEnergy'>;

export interface LocalOptions {
  /** Converged when every atom's force norm is at most this (energy/length). Default 1e-3 × bondEnergy/nearestNeighbour. */
  readonly fmax?: number;
  /** Iteration limit (each iteration is at least one evaluation). Default 10 000. */
  readonly maxIterations?: number;
  /** Largest displacement of any atom in one step (length unit). Default 0.2 × nearestNeighbour. */
  readonly maxStep?: number;
  /**
   * Polled during the minimisation, about once per {@link POLL_PAIR_WORK} atom pairs evaluated
   * (≈ 1 ms; every evaluation for a few hundred atoms or more, every few hundred iterations for
   * LJ13): return true to stop at once (time limit, cancellation). The result then says `stopped`.
   */
  readonly shouldStop?: () => boolean;
}

export interface LocalResult {
  /** Energy at the final positions (energy unit). */
  readonly energy: number;
  /** Largest per-atom force norm at the final positions. */
  readonly maxForce: number;
  readonly iterations: number;
  /** Number of energy + force evaluations. */
  readonly evaluations: number;
  readonly converged: boolean;
  /** True when `shouldStop` ended the minimisation early (the positions are not a minimum). */
  readonly stopped?: boolean;
}

/**
 * Pair evaluations (n² per energy + force call) between two polls of `shouldStop`:
 * 2·10⁵ pairs ≈ 1 ms of work, so a time limit holds to a few ms plus one evaluation.
 */
export const POLL_PAIR_WORK = 2e5;

export interface LocalMinimizer {
  /** Minimise in place: `positions` ends at the minimum found. */
  minimize(potential: Objective, positions: Float64Array, options?: LocalOptions): LocalResult;
}

/** Largest per-atom force norm. */
export function maxAtomForce(f: Float64Array, n3: number): number {
  let m = 0;
  for (let k = 0; k < n3; k += 3) {
    const a = f[k]!;
    const b = f[k + 1]!;
    const c = f[k + 2]!;
    const s = a * a + b * b + c * c;
    if (s > m) m = s;
  }
  return Math.sqrt(m);
}

function checkStart(positions: Float64Array): void {
  if (positions.length === 0 || positions.length % 3 !== 0) {
    throw new InputError('minimize-shape', `cannot minimise ${positions.length / 3} atoms`);
  }
}

/** Σ_k A[o + k]·d[k] for k < n, four partial sums (the additions overlap instead of queueing). */
function dotAt(A: Float64Array, o: number, d: Float64Array, n: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = 0;
  for (; k + 3 < n; k += 4) {
    s0 += A[o + k]! * d[k]!;
    s1 += A[o + k + 1]! * d[k + 1]!;
    s2 += A[o + k + 2]! * d[k + 2]!;
    s3 += A[o + k + 3]! * d[k + 3]!;
  }
  for (; k < n; k++) s0 += A[o + k]! * d[k]!;
  return s0 + s1 + (s2 + s3);
}

/**
 * L-BFGS two-loop recursion, d = H g (the caller negates): the memory pairs (s, y) stored flat in
 * S and Y (pair m at [m·n3, (m+1)·n3)), a ring buffer whose newest pair is `newest`. A function of
 * its own with every array an argument, so the optimising compiler keeps them in registers (as a
 * closure-variable loop inside the minimiser it ran at a third of the speed).
 */
function twoLoop(
  d: Float64Array,
  g: Float64Array,
  S: Float64Array,
  Y: Float64Array,
  rho: Float64Array,
  alpha: Float64Array,
  n3: number,
  memory: number,
  stored: number,
  newest: number,
  gamma: number,
): void {
  for (let k = 0; k < n3; k++) d[k] = g[k]!;
  let idx = newest;
  for (let m = 0; m < stored; m++) {
    const o = idx * n3;
    let a = dotAt(S, o, d, n3);
    a *= rho[idx]!;
    alpha[idx] = a;
    for (let k = 0; k < n3; k++) d[k] = d[k]! - a * Y[o + k]!;
    idx = idx === 0 ? memory - 1 : idx - 1;
  }
  for (let k = 0; k < n3; k++) d[k] = d[k]! * gamma;
  for (let m = stored - 1; m >= 0; m--) {
    idx = newest - m;
    if (idx < 0) idx += memory;
    const o = idx * n3;
    const b = alpha[idx]! - rho[idx]! * dotAt(Y, o, d, n3);
    for (let k = 0; k < n3; k++) d[k] = d[k]! + b * S[o + k]!;
  }
}

/**
 * Limited-memory BFGS (Nocedal, Math. Comp. 35, 773 (1980); two-loop recursion of
 * Nocedal & Wright, Numerical Optimization, Alg. 7.4) without a line search, in
 * the style of GMIN's LBFGS: the step −H·g is scaled so no atom moves more than
 * `maxStep`, and shrunk ×0.1 (up to 10 times) while the energy rises; the
 * memory is reset when the direction is not downhill. Initial inverse Hessian
 * γ = s·y / y·y of the newest pair.
 *
 * @param memory number of (s, y) pairs kept (default 10)
 * @param options.wasm false: the JS two-loop recursion even where WebAssembly is available (the
 *   reference the tests compare with)
 */
export function createLbfgs(memory = 10, options: { readonly wasm?: boolean } = {}): LocalMinimizer {
  let n3 = 0;
  // memory pairs stored flat: pair m occupies [m·n3, (m+1)·n3)
  let S = new Float64Array(0);
  let Y = new Float64Array(0);
  let rhoM = new Float64Array(memory);
  let alpha = new Float64Array(memory);
  let g = new Float64Array(0);
  let gNew = new Float64Array(0);
  let d = new Float64Array(0);
  let xNew = new Float64Array(0);
  let fBuf = new Float64Array(0);
  // The two-loop recursion in WebAssembly SIMD (wasm/lbfgs.ts) where available: S, Y, ρ, α, d, g
  // and gNew then live in this minimiser's own wasm memory (views below; byte offsets for the
  // call), and g/gNew swap offsets as they swap arrays.
  const wasm = options.wasm === false ? undefined : instantiateEmbedded(LBFGS_WASM_BASE64);
  const wasmMemory = wasm?.memory as WasmMemory | undefined;
  const wasmTwoLoop = wasm?.twoLoop as
    | ((
        ...a: [number, number, number, number, number, number, number, number, number, number, number]
      ) => void)
    | undefined;
  let offS = 0;
  let offY = 0;
  let offRho = 0;
  let offAlpha = 0;
  let offD = 0;
  let offG = 0;
  let offGNew = 0;

  const ensure = (len: number) => {
    if (len === n3) return;
    n3 = len;
    xNew = new Float64Array(len);
    fBuf = new Float64Array(len);
    if (wasmMemory) {
      offS = 0;
      offY = offS + 8 * memory * len;
      offRho = offY + 8 * memory * len;
      offAlpha = offRho + 8 * memory;
      offD = offAlpha + 8 * memory;
      offG = offD + 8 * len;
      offGNew = offG + 8 * len;
      ensureMemory(wasmMemory, offGNew + 8 * len);
      const buf = wasmMemory.buffer;
      S = new Float64Array(buf, offS, memory * len);
      Y = new Float64Array(buf, offY, memory * len);
      rhoM = new Float64Array(buf, offRho, memory);
      alpha = new Float64Array(buf, offAlpha, memory);
      d = new Float64Array(buf, offD, len);
      g = new Float64Array(buf, offG, len);
      gNew = new Float64Array(buf, offGNew, len);
      return;
    }
    S = new Float64Array(memory * len);
    Y = new Float64Array(memory * len);
    g = new Float64Array(len);
    gNew = new Float64Array(len);
    d = new Float64Array(len);
  };

  return {
    minimize(potential, x, options = {}) {
      checkStart(x);
      ensure(x.length);
      const fmax = options.fmax ?? (1e-3 * potential.bondEnergy) / potential.nearestNeighbour;
      const maxIt = options.maxIterations ?? 10_000;
      const maxStep = options.maxStep ?? 0.2 * potential.nearestNeighbour;
      const gamma0 = (0.1 * potential.nearestNeighbour ** 2) / potential.bondEnergy;
      // polling inline (no closure call per evaluation): pair work since the last poll
      const shouldStop = options.shouldStop;
      const perEval = (x.length / 3) ** 2;
      let work = 0;
      let stopped = shouldStop ? shouldStop() : false;
      let e = stopped ? Number.NaN : potential.evaluate(x, fBuf);
      let evaluations = 1;
      for (let k = 0; k < n3; k++) g[k] = -fBuf[k]!;
      let stored = 0; // number of pairs in memory
      let newest = -1; // ring-buffer index of the newest pair
      let fm = stopped ? Infinity : maxAtomForce(fBuf, n3);
      let it = 0;
      let gamma = gamma0;
      while (fm > fmax && it < maxIt && !stopped) {
        it++;
        if (wasmTwoLoop)
          wasmTwoLoop(n3, memory, stored, newest, gamma, offS, offY, offRho, offAlpha, offD, offG);
        else twoLoop(d, g, S, Y, rhoM, alpha, n3, memory, stored, newest, gamma);
        let dg = 0;
        for (let k = 0; k < n3; k++) {
          d[k] = -d[k]!;
          dg += d[k]! * g[k]!;
        }
        if (!(dg < 0)) {
          // not a descent direction: reset to steepest descent
          stored = 0;
          gamma = gamma0;
          for (let k = 0; k < n3; k++) d[k] = -gamma * g[k]!;
        }
        // cap the largest atomic displacement
        let big = 0;
        for (let k = 0; k < n3; k += 3) {
          const s2 = d[k]! * d[k]! + d[k + 1]! * d[k + 1]! + d[k + 2]! * d[k + 2]!;
          if (s2 > big) big = s2;
        }
        big = Math.sqrt(big);
        let scale = big > maxStep ? maxStep / big : 1;
        let eNew = 0;
        let ok = false;
        for (let tries = 0; tries < 10; tries++) {
          if (shouldStop !== undefined) {
            work += perEval;
            if (work >= POLL_PAIR_WORK) {
              work = 0;
              if (shouldStop()) {
                stopped = true;
                break;
              }
            }
          }
          for (let k = 0; k < n3; k++) xNew[k] = x[k]! + scale * d[k]!;
          eNew = potential.evaluate(xNew, fBuf);
          evaluations++;
          if (eNew <= e + 1e-10 * Math.max(1, Math.abs(e))) {
            ok = true;
            break;
          }
          scale *= 0.1;
        }
        if (stopped) break;
        if (!ok) {
          // no progress possible along this direction: restart the memory from the old point
          if (stored === 0) break; // steepest descent failed too: at numerical precision
          stored = 0;
          gamma = gamma0;
          e = potential.evaluate(x, fBuf);
          evaluations++;
          continue;
        }
        // update memory with s = xNew − x, y = gNew − g
        let sy = 0;
        let yy = 0;
        const slot = newest + 1 === memory ? 0 : newest + 1;
        const o = slot * n3;
        for (let k = 0; k < n3; k++) {
          const gk = -fBuf[k]!;
          gNew[k] = gk;
          const sk = xNew[k]! - x[k]!;
          const yk = gk - g[k]!;
          S[o + k] = sk;
          Y[o + k] = yk;
          sy += sk * yk;
          yy += yk * yk;
        }
        if (sy > 1e-300 && yy > 0) {
          rhoM[slot] = 1 / sy;
          newest = slot;
          if (stored < memory) stored++;
          gamma = sy / yy;
        }
        x.set(xNew);
        const tmp = g;
        g = gNew;
        gNew = tmp;
        const tmpOff = offG;
        offG = offGNew;
        offGNew = tmpOff;
        e = eNew;
        fm = maxAtomForce(fBuf, n3);
      }
      return stopped
        ? { energy: e, maxForce: fm, iterations: it, evaluations, converged: false, stopped }
        : { energy: e, maxForce: fm, iterations: it, evaluations, converged: fm <= fmax };
    },
  };
}

export interface FireParameters {
  /** Initial time step (√(mass·length²/energy), unit masses). Default 0.1 in LJ-like scaling. */
  readonly dt?: number;
  /** Largest time step. Default 10 × dt. */
  readonly dtMax?: number;
}

/**
 * FIRE, the fast inertial relaxation engine (Bitzek, Koskinen, Gähler, Moseler &
 * Gumbsch, Phys. Rev. Lett. 97, 170201 (2006)): damped MD with unit masses
 * where the velocity is mixed towards the force direction, v ← (1−α)v + α|v|F̂,
 * the step grows ×1.1 (after 5 downhill steps, up to dtMax) while F·v > 0, and
 * on F·v ≤ 0 the velocity is zeroed, dt halved and α reset to 0.1 (α ← 0.99α
 * otherwise). Semi-implicit Euler integration; no atom moves more than maxStep.
 */
export function createFire(params: FireParameters = {}): LocalMinimizer {
  let v = new Float64Array(0);
  let f = new Float64Array(0);
  return {
    minimize(potential, x, options = {}) {
      checkStart(x);
      const n3 = x.length;
      if (v.length !== n3) {
        v = new Float64Array(n3);
        f = new Float64Array(n3);
      }
      v.fill(0);
      const fmax = options.fmax ?? (1e-3 * potential.bondEnergy) / potential.nearestNeighbour;
      const maxIt = options.maxIterations ?? 10_000;
      const maxStep = options.maxStep ?? 0.2 * potential.nearestNeighbour;
      // time unit of the potential with unit masses: length / √energy
      const tUnit = potential.nearestNeighbour / 2 ** (1 / 6) / Math.sqrt(potential.bondEnergy);
      let dt = (params.dt ?? 0.1) * tUnit;
      const dtMax = params.dtMax ?? 10 * dt;
      const alpha0 = 0.1;
      let alpha = alpha0;
      let nPos = 0;
      const shouldStop = options.shouldStop;
      const perEval = (n3 / 3) ** 2;
      let work = 0;
      let stopped = shouldStop ? shouldStop() : false;
      let e = stopped ? Number.NaN : potential.evaluate(x, f);
      let evaluations = 1;
      let fm = stopped ? Infinity : maxAtomForce(f, n3);
      let it = 0;
      while (fm > fmax && it < maxIt) {
        if (shouldStop !== undefined) {
          work += perEval;
          if (work >= POLL_PAIR_WORK) {
            work = 0;
            if (shouldStop()) {
              stopped = true;
              break;
            }
          }
        }
        it++;
        let p = 0;
        let vv = 0;
        let ff = 0;
        for (let k = 0; k < n3; k++) {
          p += f[k]! * v[k]!;
          vv += v[k]! * v[k]!;
          ff += f[k]! * f[k]!;
        }
        if (p > 0) {
          const mix = (alpha * Math.sqrt(vv)) / Math.sqrt(ff || 1);
          for (let k = 0; k < n3; k++) v[k] = (1 - alpha) * v[k]! + mix * f[k]!;
          if (nPos > 5) {
            dt = Math.min(dt * 1.1, dtMax);
            alpha *= 0.99;
          }
          nPos++;
        } else {
          v.fill(0);
          dt *= 0.5;
          alpha = alpha0;
          nPos = 0;
        }
        let big = 0;
        for (let k = 0; k < n3; k += 3) {
          v[k] = v[k]! + dt * f[k]!;
          v[k + 1] = v[k + 1]! + dt * f[k + 1]!;
          v[k + 2] = v[k + 2]! + dt * f[k + 2]!;
          const s2 = (v[k]! ** 2 + v[k + 1]! ** 2 + v[k + 2]! ** 2) * dt * dt;
          if (s2 > big) big = s2;
        }
        const scale = Math.sqrt(big) > maxStep ? maxStep / Math.sqrt(big) : 1;
        for (let k = 0; k < n3; k++) x[k] = x[k]! + scale * dt * v[k]!;
        e = potential.evaluate(x, f);
        evaluations++;
        fm = maxAtomForce(f, n3);
      }
      return stopped
        ? { energy: e, maxForce: fm, iterations: it, evaluations, converged: false, stopped }
        : { energy: e, maxForce: fm, iterations: it, evaluations, converged: fm <= fmax };
    },
  };
}
