// Lennard-Jones energy and forces, all pairs, untruncated, reduced units (ε = σ = 1):
// the kernel of src/potential/lennard-jones.ts (ljEnergyForces) in AssemblyScript with
// 128-bit SIMD (two f64 lanes). Compiled to WebAssembly by scripts/build-wasm.js into
// src/potential/lj-wasm-module.ts; the JS loop stays the reference (src/potential/lj-wasm.test.ts
// compares the two).
//
// Two ideas make it at least as fast as the C loop at gcc -O3 -ffast-math:
//   - coordinates are transposed into one array per axis, so two j atoms load as one vector;
//   - atoms i are taken two at a time, so every j load and force store serves two pairs.
// The j loop runs over pairs of atoms; one dummy atom at 1e150 pads an odd tail (its terms
// underflow to exactly 0).
//
// Memory layout (doubles), m = padded atom count (even, > n):
//   [0, 3m)  positions in (x, y, z) per atom, as the caller's Float64Array
//   [3m, 6m) the same, one array per coordinate (px | py | pz), with dummy atoms far away
//   [6m, 9m) forces per coordinate (fx | fy | fz)
//   [9m,12m) forces per atom (x, y, z), copied out by the caller

@inline function transpose(n: i32, m: i32): void {
  const px: usize = <usize>m * 24;
  const py: usize = px + (<usize>m << 3);
  const pz: usize = py + (<usize>m << 3);
  for (let i = 0; i < n; i++) {
    const a: usize = <usize>i * 24;
    const o: usize = <usize>i << 3;
    store<f64>(px + o, load<f64>(a));
    store<f64>(py + o, load<f64>(a + 8));
    store<f64>(pz + o, load<f64>(a + 16));
  }
  for (let i = n; i < m; i++) {
    const o: usize = <usize>i << 3;
    store<f64>(px + o, 1e150);
    store<f64>(py + o, 1e150);
    store<f64>(pz + o, 1e150);
  }
}

export function ljForces(n: i32, m: i32): f64 {
  transpose(n, m);
  const px: usize = <usize>m * 24;
  const py: usize = px + (<usize>m << 3);
  const pz: usize = py + (<usize>m << 3);
  const fx: usize = pz + (<usize>m << 3);
  const fy: usize = fx + (<usize>m << 3);
  const fz: usize = fy + (<usize>m << 3);
  memory.fill(fx, 0, <usize>m * 24);
  let e6 = f64x2.splat(0);
  let e12 = f64x2.splat(0);
  const c48 = f64x2.splat(48);
  const c24 = f64x2.splat(24);
  const one = f64x2.splat(1);
  let i = 0;
  for (; i < n - 1; i += 2) {
    const o = <usize>i << 3;
    const ax = load<f64>(px + o), ay = load<f64>(py + o), az = load<f64>(pz + o);
    const bx = load<f64>(px + o + 8), by = load<f64>(py + o + 8), bz = load<f64>(pz + o + 8);
    // the pair (i, i + 1)
    const ddx = ax - bx, ddy = ay - by, ddz = az - bz;
    const ss = 1 / (ddx * ddx + ddy * ddy + ddz * ddz);
    const ss3 = ss * ss * ss;
    const ss6 = ss3 * ss3;
    const gg = (48 * ss6 - 24 * ss3) * ss;
    let e6s = ss3;
    let e12s = ss6;
    const x1 = f64x2.splat(ax), y1 = f64x2.splat(ay), z1 = f64x2.splat(az);
    const x2 = f64x2.splat(bx), y2 = f64x2.splat(by), z2 = f64x2.splat(bz);
    let g1x = f64x2.splat(0), g1y = f64x2.splat(0), g1z = f64x2.splat(0);
    let g2x = f64x2.splat(0), g2y = f64x2.splat(0), g2z = f64x2.splat(0);
    for (let j = i + 2; j < n; j += 2) {
      const q = <usize>j << 3;
      const jx = v128.load(px + q), jy = v128.load(py + q), jz = v128.load(pz + q);
      const dx1 = f64x2.sub(x1, jx), dy1 = f64x2.sub(y1, jy), dz1 = f64x2.sub(z1, jz);
      const dx2 = f64x2.sub(x2, jx), dy2 = f64x2.sub(y2, jy), dz2 = f64x2.sub(z2, jz);
      const s1 = f64x2.div(one, f64x2.add(f64x2.add(f64x2.mul(dx1, dx1), f64x2.mul(dy1, dy1)), f64x2.mul(dz1, dz1)));
      const s2 = f64x2.div(one, f64x2.add(f64x2.add(f64x2.mul(dx2, dx2), f64x2.mul(dy2, dy2)), f64x2.mul(dz2, dz2)));
      const t1 = f64x2.mul(f64x2.mul(s1, s1), s1);
      const t2 = f64x2.mul(f64x2.mul(s2, s2), s2);
      const u1 = f64x2.mul(t1, t1);
      const u2 = f64x2.mul(t2, t2);
      e6 = f64x2.add(e6, f64x2.add(t1, t2));
      e12 = f64x2.add(e12, f64x2.add(u1, u2));
      const h1 = f64x2.mul(f64x2.sub(f64x2.mul(c48, u1), f64x2.mul(c24, t1)), s1);
      const h2 = f64x2.mul(f64x2.sub(f64x2.mul(c48, u2), f64x2.mul(c24, t2)), s2);
      const ax1 = f64x2.mul(h1, dx1), ay1 = f64x2.mul(h1, dy1), az1 = f64x2.mul(h1, dz1);
      const ax2 = f64x2.mul(h2, dx2), ay2 = f64x2.mul(h2, dy2), az2 = f64x2.mul(h2, dz2);
      g1x = f64x2.add(g1x, ax1); g1y = f64x2.add(g1y, ay1); g1z = f64x2.add(g1z, az1);
      g2x = f64x2.add(g2x, ax2); g2y = f64x2.add(g2y, ay2); g2z = f64x2.add(g2z, az2);
      v128.store(fx + q, f64x2.sub(v128.load(fx + q), f64x2.add(ax1, ax2)));
      v128.store(fy + q, f64x2.sub(v128.load(fy + q), f64x2.add(ay1, ay2)));
      v128.store(fz + q, f64x2.sub(v128.load(fz + q), f64x2.add(az1, az2)));
    }
    e6 = f64x2.add(e6, f64x2(e6s, 0));
    e12 = f64x2.add(e12, f64x2(e12s, 0));
    store<f64>(fx + o, load<f64>(fx + o) + gg * ddx + f64x2.extract_lane(g1x, 0) + f64x2.extract_lane(g1x, 1));
    store<f64>(fy + o, load<f64>(fy + o) + gg * ddy + f64x2.extract_lane(g1y, 0) + f64x2.extract_lane(g1y, 1));
    store<f64>(fz + o, load<f64>(fz + o) + gg * ddz + f64x2.extract_lane(g1z, 0) + f64x2.extract_lane(g1z, 1));
    store<f64>(fx + o + 8, load<f64>(fx + o + 8) - gg * ddx + f64x2.extract_lane(g2x, 0) + f64x2.extract_lane(g2x, 1));
    store<f64>(fy + o + 8, load<f64>(fy + o + 8) - gg * ddy + f64x2.extract_lane(g2y, 0) + f64x2.extract_lane(g2y, 1));
    store<f64>(fz + o + 8, load<f64>(fz + o + 8) - gg * ddz + f64x2.extract_lane(g2z, 0) + f64x2.extract_lane(g2z, 1));
  }
  const out: usize = <usize>m * 72;
  for (let i = 0; i < n; i++) {
    const a: usize = out + <usize>i * 24;
    const o: usize = <usize>i << 3;
    store<f64>(a, load<f64>(fx + o));
    store<f64>(a + 8, load<f64>(fy + o));
    store<f64>(a + 16, load<f64>(fz + o));
  }
  const d = f64x2.sub(e12, e6);
  return 4 * (f64x2.extract_lane(d, 0) + f64x2.extract_lane(d, 1));
}

export function ljEnergy(n: i32, m: i32): f64 {
  transpose(n, m);
  const px: usize = <usize>m * 24;
  const py: usize = px + (<usize>m << 3);
  const pz: usize = py + (<usize>m << 3);
  let e6 = f64x2.splat(0);
  let e12 = f64x2.splat(0);
  const one = f64x2.splat(1);
  for (let i = 0; i < n - 1; i++) {
    const o = <usize>i << 3;
    const xi = f64x2.splat(load<f64>(px + o));
    const yi = f64x2.splat(load<f64>(py + o));
    const zi = f64x2.splat(load<f64>(pz + o));
    for (let j = i + 1; j < n; j += 2) {
      const q = <usize>j << 3;
      const dx = f64x2.sub(xi, v128.load(px + q));
      const dy = f64x2.sub(yi, v128.load(py + q));
      const dz = f64x2.sub(zi, v128.load(pz + q));
      const r2 = f64x2.add(f64x2.add(f64x2.mul(dx, dx), f64x2.mul(dy, dy)), f64x2.mul(dz, dz));
      const s = f64x2.div(one, r2);
      const s3 = f64x2.mul(f64x2.mul(s, s), s);
      e6 = f64x2.add(e6, s3);
      e12 = f64x2.add(e12, f64x2.mul(s3, s3));
    }
  }
  const d = f64x2.sub(e12, e6);
  return 4 * (f64x2.extract_lane(d, 0) + f64x2.extract_lane(d, 1));
}
