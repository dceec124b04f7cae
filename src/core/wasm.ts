/**
 * WebAssembly modules embedded as base64 (built from wasm/*.ts by scripts/build-wasm.js):
 * compiled synchronously on first use (each is a few KB, under browsers' main-thread limit for
 * synchronous compilation) and instantiated on demand. Where WebAssembly or its SIMD proposal is
 * missing, or a content-security policy forbids compiling, `instantiateEmbedded` returns
 * undefined and callers keep their JS code. Pure: no I/O.
 */

/** The part of the WebAssembly API used here (the pure build has no DOM or Node typings). */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

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
    if (v < 0) throw new Error('wasm: corrupt embedded module');
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

/** Compiled modules by their base64 text (null: unavailable here). */
const compiled = new Map<string, object | null>();

/** A fresh instance of an embedded module (its own memory), or undefined where unavailable. */
export function instantiateEmbedded(base64: string): Record<string, unknown> | undefined {
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (!api) return undefined;
  let module = compiled.get(base64);
  if (module === undefined) {
    module = null;
    try {
      const bytes = decodeBase64(base64);
      if (api.validate(bytes)) module = new api.Module(bytes);
    } catch {
      module = null; // e.g. a content-security policy without 'wasm-unsafe-eval'
    }
    compiled.set(base64, module);
  }
  if (module === null) return undefined;
  try {
    return new api.Instance(module, {}).exports;
  } catch {
    return undefined;
  }
}

/** Grow `memory` to at least `bytes`; returns whether its buffer changed (views must be renewed). */
export function ensureMemory(memory: WasmMemory, bytes: number): boolean {
  const have = memory.buffer.byteLength;
  if (have >= bytes) return false;
  memory.grow(Math.ceil((bytes - have) / 65536));
  return true;
}
