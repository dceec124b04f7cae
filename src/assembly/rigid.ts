/**
 * Langevin dynamics of rigid bodies of sites (clusters as rigid bodies) mixed with free beads.
 *
 * Each body: centre of mass R, momentum-free velocity V, orientation quaternion q (body → space),
 * angular momentum L (space frame), principal moments I_k and site coordinates d_i in the principal
 * frame; sites sit at r_i = R + A(q) d_i. Per step (velocity Verlet, as fix rigid + langevin):
 *   V += Δt/2 F/M;  L += Δt/2 τ;  R += Δt V;
 *   q ← q ⊗ exp(Δt ω_b/2) with ω_b = I⁻¹ Aᵀ L taken at the half rotation (one midpoint iteration,
 *     as the Richardson update of LAMMPS' fix rigid, Kamberaj, Low & Neal, J. Chem. Phys. 122,
 *     224114 (2005));
 *   forces → F = Σ f_i + Langevin, τ = Σ (r_i − R) × f_i + Langevin; V += Δt/2 F/M; L += Δt/2 τ.
 * Langevin (what `fix rigid … langevin T T τ seed` applies): on the centre of mass −M V/τ_d plus a
 * random force of variance 2 M k_B T/(τ_d Δt); on each principal axis a torque −L_k/τ_d plus a
 * random one of variance 2 I_k k_B T/(τ_d Δt), so ⟨L_k²⟩ = I_k k_B T.
 * Units: Å, fs, Da, eV; L in Da·Å²/fs; 1 Da·Å²/fs² = MVV2E eV.
 */
import type { Rng } from '../core/rng.js';
import { BOLTZMANN_EV_PER_K } from '../core/units.js';
import type { EnergyTerms, ForceField } from './forces.js';
import { alignTypes } from './forces.js';
import type { LangevinOptions, LangevinResult, ThermoSample } from './langevin.js';
import { maxwellBoltzmann } from './langevin.js';
import { MVV2E_EV } from './model.js';
import type { BeadSystem } from './system.js';

type Q = [number, number, number, number];

/** Symmetric 3×3 eigen-decomposition by cyclic Jacobi rotations: values and column eigenvectors. */
export function symmetricEigen(m: readonly number[]): { values: number[]; vectors: number[] } {
  const a = [...m];
  const v = [1, 0, 0, 0, 1, 0, 0, 0, 1];
  for (let sweep = 0; sweep < 50; sweep++) {
    const off = Math.abs(a[1]!) + Math.abs(a[2]!) + Math.abs(a[5]!);
    if (off < 1e-15 * (Math.abs(a[0]!) + Math.abs(a[4]!) + Math.abs(a[8]!) + 1e-300)) break;
    for (const [p, r] of [
      [0, 1],
      [0, 2],
      [1, 2],
    ] as const) {
      const apq = a[3 * p + r]!;
      if (Math.abs(apq) < 1e-300) continue;
      const theta = (a[3 * r + r]! - a[3 * p + p]!) / (2 * apq);
      const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
      const c = 1 / Math.sqrt(t * t + 1);
      const s = t * c;
      for (let k = 0; k < 3; k++) {
        const akp = a[3 * k + p]!;
        const akr = a[3 * k + r]!;
        a[3 * k + p] = c * akp - s * akr;
        a[3 * k + r] = s * akp + c * akr;
      }
      for (let k = 0; k < 3; k++) {
        const apk = a[3 * p + k]!;
        const ark = a[3 * r + k]!;
        a[3 * p + k] = c * apk - s * ark;
        a[3 * r + k] = s * apk + c * ark;
      }
      for (let k = 0; k < 3; k++) {
        const vkp = v[3 * k + p]!;
        const vkr = v[3 * k + r]!;
        v[3 * k + p] = c * vkp - s * vkr;
        v[3 * k + r] = s * vkp + c * vkr;
      }
    }
  }
  return { values: [a[0]!, a[4]!, a[8]!], vectors: v };
}

/** Rotation matrix (row-major) of a unit quaternion (w, x, y, z). */
function rotation(q: Q): number[] {
  const [w, x, y, z] = q;
  return [
    1 - 2 * (y * y + z * z),
    2 * (x * y - w * z),
    2 * (x * z + w * y),
    2 * (x * y + w * z),
    1 - 2 * (x * x + z * z),
    2 * (y * z - w * x),
    2 * (x * z - w * y),
    2 * (y * z + w * x),
    1 - 2 * (x * x + y * y),
  ];
}

/** Quaternion of a proper rotation matrix (Shepperd's method). */
function quaternionOf(m: readonly number[]): Q {
  const t = m[0]! + m[4]! + m[8]!;
  let q: Q;
  if (t > 0) {
    const s = 2 * Math.sqrt(t + 1);
    q = [0.25 * s, (m[7]! - m[5]!) / s, (m[2]! - m[6]!) / s, (m[3]! - m[1]!) / s];
  } else if (m[0]! > m[4]! && m[0]! > m[8]!) {
    const s = 2 * Math.sqrt(1 + m[0]! - m[4]! - m[8]!);
    q = [(m[7]! - m[5]!) / s, 0.25 * s, (m[1]! + m[3]!) / s, (m[2]! + m[6]!) / s];
  } else if (m[4]! > m[8]!) {
    const s = 2 * Math.sqrt(1 + m[4]! - m[0]! - m[8]!);
    q = [(m[2]! - m[6]!) / s, (m[1]! + m[3]!) / s, 0.25 * s, (m[5]! + m[7]!) / s];
  } else {
    const s = 2 * Math.sqrt(1 + m[8]! - m[0]! - m[4]!);
    q = [(m[3]! - m[1]!) / s, (m[2]! + m[6]!) / s, (m[5]! + m[7]!) / s, 0.25 * s];
  }
  const n = Math.hypot(...q);
  return q.map((x) => x / n) as Q;
}

/** q ⊗ exp(φ/2 · u) for the body-frame rotation vector φ = ω_b Δt. */
function rotateBody(q: Q, wx: number, wy: number, wz: number, dt: number): Q {
  const ang = Math.hypot(wx, wy, wz) * dt;
  if (ang === 0) return q;
  const s = Math.sin(ang / 2) / (ang / dt);
  const r: Q = [Math.cos(ang / 2), wx * s, wy * s, wz * s];
  const [a0, a1, a2, a3] = q;
  const out: Q = [
    a0 * r[0] - a1 * r[1] - a2 * r[2] - a3 * r[3],
    a0 * r[1] + a1 * r[0] + a2 * r[3] - a3 * r[2],
    a0 * r[2] - a1 * r[3] + a2 * r[0] + a3 * r[1],
    a0 * r[3] + a1 * r[2] - a2 * r[1] + a3 * r[0],
  ];
  const n = Math.hypot(...out);
  return out.map((x) => x / n) as Q;
}

interface Body {
  readonly sites: number[];
  readonly mass: number;
  /** Principal moments, Da·Å². */
  readonly inertia: [number, number, number];
  /** Site coordinates in the principal frame, Å. */
  readonly local: Float64Array;
  R: [number, number, number];
  V: [number, number, number];
  L: [number, number, number];
  q: Q;
}

/** Build the bodies of `system` (bodies[i] > 0) from their current positions. */
export function buildBodies(system: BeadSystem, masses: Float64Array): Body[] {
  const groups = new Map<number, number[]>();
  system.bodies?.forEach((b, i) => {
    if (b > 0) groups.set(b, [...(groups.get(b) ?? []), i]);
  });
  const p = system.positions;
  const out: Body[] = [];
  for (const sites of groups.values()) {
    let M = 0;
    const R: [number, number, number] = [0, 0, 0];
    for (const i of sites) {
      M += masses[i]!;
      for (let k = 0; k < 3; k++) R[k] = R[k]! + masses[i]! * p[3 * i + k]!;
    }
    for (let k = 0; k < 3; k++) R[k] = R[k]! / M;
    const I = new Array<number>(9).fill(0);
    for (const i of sites) {
      const d = [0, 1, 2].map((k) => p[3 * i + k]! - R[k]!);
      const d2 = d[0]! ** 2 + d[1]! ** 2 + d[2]! ** 2;
      for (let a = 0; a < 3; a++)
        for (let b = 0; b < 3; b++)
          I[3 * a + b] = I[3 * a + b]! + masses[i]! * ((a === b ? d2 : 0) - d[a]! * d[b]!);
    }
    const { values, vectors } = symmetricEigen(I);
    // a proper rotation: columns = principal axes, determinant +1
    const A = [...vectors];
    const det =
      A[0]! * (A[4]! * A[8]! - A[5]! * A[7]!) -
      A[1]! * (A[3]! * A[8]! - A[5]! * A[6]!) +
      A[2]! * (A[3]! * A[7]! - A[4]! * A[6]!);
    if (det < 0) for (const k of [2, 5, 8]) A[k] = -A[k]!;
    const local = new Float64Array(3 * sites.length);
    sites.forEach((i, s) => {
      const d = [0, 1, 2].map((k) => p[3 * i + k]! - R[k]!);
      for (let k = 0; k < 3; k++) local[3 * s + k] = A[k]! * d[0]! + A[3 + k]! * d[1]! + A[6 + k]! * d[2]!;
    });
    const scale = Math.max(...values, 1e-30);
    out.push({
      sites,
      mass: M,
      inertia: values.map((v) => (v < 1e-10 * scale ? 0 : v)) as [number, number, number],
      local,
      R,
      V: [0, 0, 0],
      L: [0, 0, 0],
      q: quaternionOf(A),
    });
  }
  return out;
}

function placeSites(b: Body, x: Float64Array): void {
  const A = rotation(b.q);
  b.sites.forEach((i, s) => {
    const d0 = b.local[3 * s]!;
    const d1 = b.local[3 * s + 1]!;
    const d2 = b.local[3 * s + 2]!;
    for (let k = 0; k < 3; k++)
      x[3 * i + k] = b.R[k]! + A[3 * k]! * d0 + A[3 * k + 1]! * d1 + A[3 * k + 2]! * d2;
  });
}

/** ω in the body frame from the space-frame L and orientation q (0 about axes of zero moment). */
function omegaBody(b: Body, q: Q): [number, number, number] {
  const A = rotation(q);
  const w: [number, number, number] = [0, 0, 0];
  for (let k = 0; k < 3; k++) {
    const Lk = A[k]! * b.L[0] + A[3 + k]! * b.L[1] + A[6 + k]! * b.L[2];
    w[k] = b.inertia[k]! > 0 ? Lk / b.inertia[k]! : 0;
  }
  return w;
}

/** Run Langevin NVT with rigid bodies (bodies[i] > 0) and free beads (bodies[i] = 0). */
export function runRigidLangevin(ff: ForceField, system: BeadSystem, opts: LangevinOptions): LangevinResult {
  const model = ff.model;
  const n = system.types.length;
  const dt = model.timestep;
  const tau = model.damping;
  const T = model.temperature;
  const kT = BOLTZMANN_EV_PER_K * T;
  const rng: Rng = opts.rng;
  const masses = Float64Array.from(alignTypes(model, system), (t) => model.species[t]!.mass);
  const x = Float64Array.from(system.positions);
  const bodies = buildBodies(system, masses);
  const free: number[] = [];
  for (let i = 0; i < n; i++) if (!((system.bodies?.[i] ?? 0) > 0)) free.push(i);
  const v = opts.velocities ? Float64Array.from(opts.velocities) : maxwellBoltzmann(masses, T, opts.rng);
  // bodies start from Maxwell–Boltzmann centre-of-mass and angular momenta
  for (const b of bodies) {
    const s = Math.sqrt(kT / (b.mass * MVV2E_EV));
    b.V = [s * rng.normal(), s * rng.normal(), s * rng.normal()];
    const A = rotation(b.q);
    const Lb = b.inertia.map((I) => (I > 0 ? Math.sqrt((I * kT) / MVV2E_EV) * rng.normal() : 0));
    b.L = [0, 1, 2].map((k) => A[3 * k]! * Lb[0]! + A[3 * k + 1]! * Lb[1]! + A[3 * k + 2]! * Lb[2]!) as [
      number,
      number,
      number,
    ];
  }
  const f = new Float64Array(3 * n);
  const F = bodies.map(() => [0, 0, 0]);
  const Tq = bodies.map(() => [0, 0, 0]);
  const dof = 3 * free.length + bodies.reduce((t, b) => t + 3 + b.inertia.filter((I) => I > 0).length, 0);

  const forces = (): EnergyTerms => {
    const e = ff.compute(x, f);
    // free beads: Langevin on each
    for (const i of free) {
      const m = masses[i]! * MVV2E_EV;
      const g = Math.sqrt((2 * m * kT) / (tau * dt));
      for (let k = 0; k < 3; k++) f[3 * i + k] = f[3 * i + k]! - (m * v[3 * i + k]!) / tau + g * rng.normal();
    }
    bodies.forEach((b, j) => {
      const Fj = F[j]!;
      const Tj = Tq[j]!;
      Fj.fill(0);
      Tj.fill(0);
      for (const i of b.sites) {
        const d = [0, 1, 2].map((k) => x[3 * i + k]! - b.R[k]!);
        const fi = [f[3 * i]!, f[3 * i + 1]!, f[3 * i + 2]!];
        for (let k = 0; k < 3; k++) Fj[k] = Fj[k]! + fi[k]!;
        Tj[0] = Tj[0]! + d[1]! * fi[2]! - d[2]! * fi[1]!;
        Tj[1] = Tj[1]! + d[2]! * fi[0]! - d[0]! * fi[2]!;
        Tj[2] = Tj[2]! + d[0]! * fi[1]! - d[1]! * fi[0]!;
      }
      const M = b.mass * MVV2E_EV;
      const g = Math.sqrt((2 * M * kT) / (tau * dt));
      for (let k = 0; k < 3; k++) Fj[k] = Fj[k]! - (M * b.V[k]!) / tau + g * rng.normal();
      // rotational Langevin in the principal frame, torque in eV
      const A = rotation(b.q);
      const extra = [0, 1, 2].map((k) => {
        const I = b.inertia[k]!;
        if (!(I > 0)) return 0;
        const Lk = A[k]! * b.L[0] + A[3 + k]! * b.L[1] + A[6 + k]! * b.L[2];
        return (-Lk * MVV2E_EV) / tau + Math.sqrt((2 * I * MVV2E_EV * kT) / (tau * dt)) * rng.normal();
      });
      for (let k = 0; k < 3; k++)
        Tj[k] = Tj[k]! + A[3 * k]! * extra[0]! + A[3 * k + 1]! * extra[1]! + A[3 * k + 2]! * extra[2]!;
    });
    return e;
  };
  const kinetic = (): number => {
    let ke = 0;
    for (const i of free) ke += masses[i]! * (v[3 * i]! ** 2 + v[3 * i + 1]! ** 2 + v[3 * i + 2]! ** 2);
    for (const b of bodies) {
      ke += b.mass * (b.V[0] ** 2 + b.V[1] ** 2 + b.V[2] ** 2);
      const A = rotation(b.q);
      for (let k = 0; k < 3; k++) {
        const Lk = A[k]! * b.L[0] + A[3 + k]! * b.L[1] + A[6 + k]! * b.L[2];
        if (b.inertia[k]! > 0) ke += (Lk * Lk) / b.inertia[k]!;
      }
    }
    return 0.5 * MVV2E_EV * ke;
  };
  const samples: ThermoSample[] = [];
  const thermoEvery = Math.max(1, opts.thermoEvery ?? 10);
  const frameEvery = opts.frameEvery ?? 0;
  const record = (step: number, e: EnergyTerms) => {
    const ke = kinetic();
    samples.push({
      step,
      pe: e.total,
      lj: e.lj,
      coulomb: e.coulomb,
      ke,
      temperature: (2 * ke) / (dof * BOLTZMANN_EV_PER_K),
    });
  };
  const halfKick = () => {
    for (const i of free)
      for (let k = 0; k < 3; k++)
        v[3 * i + k] = v[3 * i + k]! + (0.5 * dt * f[3 * i + k]!) / (masses[i]! * MVV2E_EV);
    bodies.forEach((b, j) => {
      for (let k = 0; k < 3; k++) {
        b.V[k] = b.V[k]! + (0.5 * dt * F[j]![k]!) / (b.mass * MVV2E_EV);
        b.L[k] = b.L[k]! + (0.5 * dt * Tq[j]![k]!) / MVV2E_EV;
      }
    });
  };
  for (const b of bodies) placeSites(b, x);
  let e = forces();
  record(0, e);
  if (frameEvery > 0) opts.onFrame?.(0, x);
  let step = 1;
  for (; step <= opts.steps; step++) {
    if (opts.signal?.aborted) break;
    halfKick();
    for (const i of free) for (let k = 0; k < 3; k++) x[3 * i + k] = x[3 * i + k]! + dt * v[3 * i + k]!;
    for (const b of bodies) {
      for (let k = 0; k < 3; k++) b.R[k] = b.R[k]! + dt * b.V[k]!;
      const w1 = omegaBody(b, b.q);
      const qh = rotateBody(b.q, w1[0], w1[1], w1[2], dt / 2);
      const w2 = omegaBody(b, qh);
      b.q = rotateBody(b.q, w2[0], w2[1], w2[2], dt);
      placeSites(b, x);
    }
    e = forces();
    halfKick();
    if (step % thermoEvery === 0) record(step, e);
    if (frameEvery > 0 && step % frameEvery === 0) opts.onFrame?.(step, x);
    if (step % 100 === 0) opts.onProgress?.(step, opts.steps);
  }
  return { samples, positions: x, velocities: v, last: e, stepsDone: step - 1 };
}
