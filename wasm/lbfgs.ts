// The L-BFGS two-loop recursion (Nocedal, Math. Comp. 35, 773 (1980)) of src/optimize/local.ts in
// AssemblyScript with 128-bit SIMD (two f64 lanes): d = H g from the memory pairs (s, y). Compiled
// by scripts/build-wasm.js into src/optimize/lbfgs-wasm-module.ts; the JS function twoLoop in
// local.ts stays the reference (src/optimize/lbfgs-wasm.test.ts compares the two).
// All pointers are byte offsets into this module's memory; S and Y hold `slots` pairs of n3
// doubles each (pair m at [m·n3, (m+1)·n3)), a ring buffer whose newest pair is `newest`.

@inline function dot(a: usize, b: usize, n: i32): f64 {
  let s0 = f64x2.splat(0);
  let s1 = f64x2.splat(0);
  let k = 0;
  for (; k + 3 < n; k += 4) {
    const o = <usize>k << 3;
    s0 = f64x2.add(s0, f64x2.mul(v128.load(a + o), v128.load(b + o)));
    s1 = f64x2.add(s1, f64x2.mul(v128.load(a + o + 16), v128.load(b + o + 16)));
  }
  const s = f64x2.add(s0, s1);
  let t = f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
  for (; k < n; k++) t += load<f64>(a + (<usize>k << 3)) * load<f64>(b + (<usize>k << 3));
  return t;
}

/** d ← d + c·v over n doubles. */
@inline function axpy(d: usize, c: f64, v: usize, n: i32): void {
  const cv = f64x2.splat(c);
  let k = 0;
  for (; k + 1 < n; k += 2) {
    const o = <usize>k << 3;
    v128.store(d + o, f64x2.add(v128.load(d + o), f64x2.mul(cv, v128.load(v + o))));
  }
  if (k < n) {
    const o = <usize>k << 3;
    store<f64>(d + o, load<f64>(d + o) + c * load<f64>(v + o));
  }
}

export function twoLoop(
  n3: i32,
  slots: i32,
  stored: i32,
  newest: i32,
  gamma: f64,
  S: usize,
  Y: usize,
  rho: usize,
  alpha: usize,
  d: usize,
  g: usize,
): void {
  memory.copy(d, g, <usize>n3 << 3);
  const stride = <usize>n3 << 3;
  let idx = newest;
  for (let m = 0; m < stored; m++) {
    const o = <usize>idx * stride;
    const a = dot(S + o, d, n3) * load<f64>(rho + (<usize>idx << 3));
    store<f64>(alpha + (<usize>idx << 3), a);
    axpy(d, -a, Y + o, n3);
    idx = idx == 0 ? slots - 1 : idx - 1;
  }
  const gv = f64x2.splat(gamma);
  let k = 0;
  for (; k + 1 < n3; k += 2) {
    const o = <usize>k << 3;
    v128.store(d + o, f64x2.mul(v128.load(d + o), gv));
  }
  if (k < n3) store<f64>(d + (<usize>k << 3), load<f64>(d + (<usize>k << 3)) * gamma);
  for (let m = stored - 1; m >= 0; m--) {
    idx = newest - m;
    if (idx < 0) idx += slots;
    const o = <usize>idx * stride;
    const b = load<f64>(alpha + (<usize>idx << 3)) - load<f64>(rho + (<usize>idx << 3)) * dot(Y + o, d, n3);
    axpy(d, b, S + o, n3);
  }
}
