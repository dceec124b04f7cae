/**
 * The Lennard-Jones all-pairs kernel compiled to WebAssembly with 128-bit SIMD (source:
 * wasm/lj.ts, AssemblyScript; bytes embedded by scripts/build-wasm.js). Same arithmetic as
 * {@link ljEnergyForces} in reduced units, pairs summed in a different order (agreement to
 * ~1e-13 relative; src/potential/lj-wasm.test.ts).
 *
 * Instantiated synchronously on first use (2 KB, under browsers' main-thread limit for
 * synchronous compilation). Where WebAssembly or its SIMD proposal is missing the loader
 * returns undefined and callers keep the JS loop.
 */
import { LJ_WASM_BASE64 } from './lj-wasm-module.js';

/** The part of the WebAssembly API used here (the pure build has no DOM or Node typings). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

/** Energy (+ forces) of n atoms in reduced units; forces overwritten when given. */
export type LjKernel = (x: Float64Array, n: number, f: Float64Array | undefined) => number;

function decodeBase64(s: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const value = new Int16Array(128).fill(-1);
  for (let k = 0; k < alphabet.length; k++) value[alphabet.charCodeAt(k)] = k;
  const clean = s.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let k = 0; k < clean.length; k++) {
    const v = value[clean.charCodeAt(k)] ?? -1;
    if (v < 0) throw new Error('lj-wasm: corrupt embedded module');
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

let cached: LjKernel | null | undefined;

/** The WebAssembly kernel, or undefined where WebAssembly SIMD is unavailable. */
export function wasmLjKernel(): LjKernel | undefined {
  if (cached !== undefined) return cached ?? undefined;
  cached = null;
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (!api) return undefined;
  const bytes = decodeBase64(LJ_WASM_BASE64);
  if (!api.validate(bytes)) return undefined;
  let exports: Record<string, unknown>;
  try {
    exports = new api.Instance(new api.Module(bytes), {}).exports;
  } catch {
    return undefined; // e.g. a content-security policy without 'wasm-unsafe-eval'
  }
  const memory = exports.memory as WasmMemory;
  const ljForces = exports.ljForces as (n: number, m: number) => number;
  const ljEnergy = exports.ljEnergy as (n: number, m: number) => number;
  // one view of the module's memory, renewed when the memory grows (growing detaches the old
  // buffer); copies in and out by plain loops, so an evaluation allocates nothing
  let view = new Float64Array(memory.buffer);
  cached = (x, n, f) => {
    // padded to an even count with at least one dummy atom; 12 m doubles of scratch
    const m = n + 2 - (n % 2);
    const bytesNeeded = m * 96;
    const have = memory.buffer.byteLength;
    if (have < bytesNeeded) memory.grow(Math.ceil((bytesNeeded - have) / 65536));
    if (view.buffer !== memory.buffer) view = new Float64Array(memory.buffer);
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
