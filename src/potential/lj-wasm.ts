/**
 * The Lennard-Jones all-pairs kernel compiled to WebAssembly with 128-bit SIMD (source:
 * wasm/lj.ts, AssemblyScript; bytes embedded by scripts/build-wasm.js). Same arithmetic as
 * {@link ljEnergyForces} in reduced units, pairs summed in a different order (agreement to
 * ~1e-13 relative; src/potential/lj-wasm.test.ts).
 *
 * Instantiated synchronously on first use (../core/wasm.ts). Where WebAssembly or its SIMD
 * proposal is missing the loader returns undefined and callers keep the JS loop.
 */
import { ensureMemory, instantiateEmbedded, type WasmMemory } from '../core/wasm.js';
import { LJ_WASM_BASE64 } from './lj-wasm-module.js';

/** Energy (+ forces) of n atoms in reduced units; forces overwritten when given. */
export type LjKernel = (x: Float64Array, n: number, f: Float64Array | undefined) => number;

let cached: LjKernel | null | undefined;

/** The WebAssembly kernel, or undefined where WebAssembly SIMD is unavailable. */
export function wasmLjKernel(): LjKernel | undefined {
  if (cached !== undefined) return cached ?? undefined;
  cached = null;
  const exports = instantiateEmbedded(LJ_WASM_BASE64);
  if (!exports) return undefined;
  const memory = exports.memory as WasmMemory;
  const ljForces = exports.ljForces as (n: number, m: number) => number;
  const ljEnergy = exports.ljEnergy as (n: number, m: number) => number;
  // one view of the module's memory, renewed when the memory grows (growing detaches the old
  // buffer); copies in and out by plain loops, so an evaluation allocates nothing
  let view = new Float64Array(memory.buffer);
  cached = (x, n, f) => {
    // padded to an even count with at least one dummy atom; 12 m doubles of scratch
    const m = n + 2 - (n % 2);
    if (ensureMemory(memory, m * 96) || view.buffer !== memory.buffer) view = new Float64Array(memory.buffer);
    const v = view;
    const n3 = 3 * n;
    for (let k = 0; k < n3; k++) v[k] = x[k]!;
    if (f === undefined) return ljEnergy(n, m);
    const e = ljForces(n, m);
    const out = m * 9;
    for (let k = 0; k < n3; k++) f[k] = v[out + k]!;
    return e;
  };
  return cached;
}
