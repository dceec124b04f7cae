/**
 * Builders of cluster assemblies: rings, linear and helical wires, 2D lattices (honeycomb
 * "clusterphene", square, hexagonal) and supracrystals (sc, bcc, fcc, hcp, AlB2-type AB2), each
 * cluster a bead or a rigid body of sites, plus counter-ions placed to neutralise.
 *
 * Geometry (centre-to-centre distance d between nearest clusters, by default the contact of the
 * ligand shells d = 2(r + shell)):
 *   ring of N: radius R = d / (2 sin(π/N)); from a linker angle θ (the turn between neighbouring
 *     linkers, the exterior angle of the regular N-gon): N = 360°/θ, which must be whole
 *     (22.5° → 16, the Au nanoring of the assembly review).
 *   helix: radius ρ, rise h per cluster and m clusters per turn: (ρ cos 2πk/m, ρ sin 2πk/m, k h).
 *   square a = d; hexagonal (triangular) a = d in a rectangular a × a√3 cell of 2 sites;
 *   honeycomb: a = d√3, rectangular a × 3d cell of 4 sites (0,0) (0,d) (a/2,3d/2) (a/2,5d/2).
 *   sc a = d; bcc a = 2d/√3; fcc a = d√2; hcp a = d, c = a√(8/3) in the orthohexagonal a × a√3 × c
 *   cell (sites (0,0,0) (½,½,0) (0,⅓,½) (½,⅚,½)); AB2 (AlB2 type, A at the hexagonal corners, B in
 *   the trigonal prisms at (⅓,⅔,½) (⅔,⅓,½)) in the orthohexagonal cell, a = d, c given (default a).
 * Every periodic cell is orthorhombic (as LAMMPS and the Ewald code here expect).
 */
import { InputError } from '../core/errors.js';
import { elementByZ } from '../data/index.js';
import { findPointGroup } from '../structure/pointgroup.js';
import type { Structure } from '../structure/structure.js';
import type { BeadSystem } from './system.js';

export interface ClusterSpec {
  /** Species name of the bead (or, for a rigid body, the body's label; sites take element symbols). */
  readonly species: string;
  /** Core radius, Å. */
  readonly radius: number;
  /** Ligand shell thickness, Å (default 0). */
  readonly shell?: number;
  /** Charge of one cluster, e. */
  readonly charge: number;
  /** A rigid body of sites instead of one bead (atoms → sites named by element symbol). */
  readonly sites?: Structure;
  /** The cluster's own axis (in its file's frame) turned onto the assembly axis; default the main symmetry axis. */
  readonly axis?: readonly [number, number, number];
}

export type AssemblyKind = 'ring' | 'wire' | 'lattice' | 'crystal';

export interface Assembly {
  readonly kind: AssemblyKind;
  /** What was built, e.g. "ring of 16", "fcc 3×3×3". */
  readonly description: string;
  readonly system: BeadSystem;
  /** Charge per bead, e. */
  readonly charges: Float64Array;
  readonly clusters: number;
  readonly counterions: number;
  /** Cluster centres, Å. */
  readonly centres: Float64Array;
  /** Nearest centre-to-centre distance, Å. */
  readonly spacing: number;
  /** Orthorhombic box [Lx, Ly, Lz], Å, or null for a finite assembly. */
  readonly cell: readonly [number, number, number] | null;
}

type V3 = [number, number, number];

function bad(msg: string, hint?: string): never {
  throw new InputError('assembly-input', msg, hint ? { hint } : {});
}

/** Centre-to-centre distance: given, or the contact of two ligand shells. */
export function contactDistance(c: ClusterSpec, given?: number): number {
  if (given !== undefined) {
    if (!(given > 0)) bad(`the centre-to-centre distance must be positive, got ${given}`);
    return given;
  }
  const d = 2 * (c.radius + (c.shell ?? 0));
  if (!(d > 0)) bad('the cluster needs a positive radius (or give the distance)');
  return d;
}

/** N = 360°/θ, refused unless whole (within 1e-6). */
export function ringCountFromAngle(angleDeg: number): number {
  if (!(angleDeg > 0 && angleDeg <= 120)) bad(`the linker angle must be in (0°, 120°], got ${angleDeg}°`);
  const n = 360 / angleDeg;
  const r = Math.round(n);
  if (Math.abs(n - r) > 1e-6)
    bad(
      `360°/${angleDeg}° = ${n.toFixed(4)} is not a whole number of clusters`,
      `angles that close a ring: ${[120, 90, 72, 60, 45, 40, 36, 30, 22.5, 20, 18, 15].join('°, ')}°`,
    );
  return r;
}

// rotation taking unit vector u onto unit vector v (Rodrigues), row-major
function rotationOnto(u: V3, v: V3): number[] {
  const c = u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
  const k: V3 = [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]];
  const s = Math.hypot(...k);
  if (s < 1e-12) {
    if (c > 0) return [1, 0, 0, 0, 1, 0, 0, 0, 1];
    // antiparallel: half turn about any perpendicular axis
    const p: V3 = Math.abs(u[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0];
    const w: V3 = [u[1] * p[2] - u[2] * p[1], u[2] * p[0] - u[0] * p[2], u[0] * p[1] - u[1] * p[0]];
    const wn = Math.hypot(...w);
    const a = w.map((x) => x / wn) as V3;
    return [0, 1, 2].flatMap((i) => [0, 1, 2].map((j) => 2 * a[i]! * a[j]! - (i === j ? 1 : 0)));
  }
  const K = [0, -k[2], k[1], k[2], 0, -k[0], -k[1], k[0], 0];
  const K2 = [0, 1, 2].flatMap((i) =>
    [0, 1, 2].map((j) => K[3 * i]! * K[j]! + K[3 * i + 1]! * K[3 + j]! + K[3 * i + 2]! * K[6 + j]!),
  );
  const f = (1 - c) / (s * s);
  return [0, 1, 2, 3, 4, 5, 6, 7, 8].map((m) => (m % 4 === 0 ? 1 : 0) + K[m]! + f * K2[m]!);
}

/** Sites of a rigid cluster centred at the origin with its axis along +z, and their species. */
function clusterSites(c: ClusterSpec): { pos: Float64Array; species: string[] } {
  const s = c.sites!;
  const n = s.numbers.length;
  const ctr = [0, 0, 0];
  for (let i = 0; i < n; i++) for (let k = 0; k < 3; k++) ctr[k] = ctr[k]! + s.positions[3 * i + k]! / n;
  let axis: V3 | undefined = c.axis ? ([...c.axis] as V3) : undefined;
  if (!axis && n >= 2) axis = findPointGroup(s).mainAxis as V3 | undefined;
  axis ??= [0, 0, 1];
  const an = Math.hypot(...axis);
  if (!(an > 0)) bad('the cluster axis must not be zero');
  const R = rotationOnto(axis.map((x) => x / an) as V3, [0, 0, 1]);
  const pos = new Float64Array(3 * n);
  for (let i = 0; i < n; i++) {
    const d = [0, 1, 2].map((k) => s.positions[3 * i + k]! - ctr[k]!);
    for (let k = 0; k < 3; k++)
      pos[3 * i + k] = R[3 * k]! * d[0]! + R[3 * k + 1]! * d[1]! + R[3 * k + 2]! * d[2]!;
  }
  return { pos, species: Array.from(s.numbers, (z) => elementByZ(z)?.symbol ?? 'X') };
}

/**
 * Place one cluster at each centre; `frames[k]` (row-major 3×3, columns = local x, y, z) orients a
 * rigid cluster's +z axis (beads ignore it).
 */
function populate(
  kind: AssemblyKind,
  description: string,
  c: ClusterSpec,
  centres: number[],
  frames: (number[] | undefined)[],
  spacing: number,
  cell: V3 | null,
): Assembly {
  const nc = centres.length / 3;
  if (nc === 0) bad('the assembly has no clusters');
  if (nc > 2_000_000) bad(`${nc} clusters is too many`, 'at most 2 000 000');
  const species: string[] = [];
  const types: number[] = [];
  const pos: number[] = [];
  const bodies: number[] = [];
  const charges: number[] = [];
  const sites = c.sites ? clusterSites(c) : undefined;
  const typeOf = (name: string) => {
    let t = species.indexOf(name);
    if (t < 0) {
      t = species.length;
      species.push(name);
    }
    return t;
  };
  for (let k = 0; k < nc; k++) {
    const x = centres[3 * k]!;
    const y = centres[3 * k + 1]!;
    const z = centres[3 * k + 2]!;
    if (!sites) {
      types.push(typeOf(c.species));
      pos.push(x, y, z);
      charges.push(c.charge);
      continue;
    }
    const F = frames[k] ?? [1, 0, 0, 0, 1, 0, 0, 0, 1];
    const ns = sites.species.length;
    for (let i = 0; i < ns; i++) {
      const p = [sites.pos[3 * i]!, sites.pos[3 * i + 1]!, sites.pos[3 * i + 2]!];
      types.push(typeOf(sites.species[i]!));
      pos.push(
        x + F[0]! * p[0]! + F[1]! * p[1]! + F[2]! * p[2]!,
        y + F[3]! * p[0]! + F[4]! * p[1]! + F[5]! * p[2]!,
        z + F[6]! * p[0]! + F[7]! * p[1]! + F[8]! * p[2]!,
      );
      bodies.push(k + 1);
      charges.push(c.charge / ns);
    }
  }
  const system: BeadSystem = {
    species,
    types: Int32Array.from(types),
    positions: Float64Array.from(pos),
    ...(cell ? { box: cell } : {}),
    ...(sites ? { bodies: Int32Array.from(bodies) } : {}),
  };
  return {
    kind,
    description,
    system,
    charges: Float64Array.from(charges),
    clusters: nc,
    counterions: 0,
    centres: Float64Array.from(centres),
    spacing,
    cell,
  };
}

export interface RingOptions {
  /** Number of clusters, or give `angle`. */
  readonly count?: number;
  /** Linker angle, degrees: N = 360/angle. */
  readonly angle?: number;
  /** Centre-to-centre distance of neighbours, Å (default: ligand-shell contact). */
  readonly distance?: number;
}

/** A planar ring in the xy plane, centred at the origin, cluster 0 on +x; rigid clusters' axes along z. */
export function ring(c: ClusterSpec, o: RingOptions): Assembly {
  if (o.count === undefined && o.angle === undefined) bad('a ring needs --count or --angle');
  const n = o.angle !== undefined ? ringCountFromAngle(o.angle) : o.count!;
  if (o.count !== undefined && o.angle !== undefined && o.count !== n)
    bad(`--count ${o.count} contradicts --angle ${o.angle}° (which gives ${n})`);
  if (!Number.isInteger(n) || n < 3 || n > 100000) bad(`a ring needs 3 to 100000 clusters, got ${n}`);
  const d = contactDistance(c, o.distance);
  const R = d / (2 * Math.sin(Math.PI / n));
  const centres: number[] = [];
  const frames: number[][] = [];
  for (let k = 0; k < n; k++) {
    const t = (2 * Math.PI * k) / n;
    centres.push(R * Math.cos(t), R * Math.sin(t), 0);
    // local x radial, y tangential, z the ring normal
    frames.push([Math.cos(t), -Math.sin(t), 0, Math.sin(t), Math.cos(t), 0, 0, 0, 1]);
  }
  return populate('ring', `ring of ${n} (radius ${R.toFixed(3)} Å)`, c, centres, frames, d, null);
}

export interface WireOptions {
  readonly count: number;
  readonly distance?: number;
  /** Helix radius, Å (0 or absent: a straight wire along x). */
  readonly helixRadius?: number;
  /** Clusters per helical turn (default 6). */
  readonly perTurn?: number;
}

/** A straight wire along x, or a helix about z with neighbours `distance` apart. */
export function wire(c: ClusterSpec, o: WireOptions): Assembly {
  const n = o.count;
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000) bad(`a wire needs 1 to 1000000 clusters, got ${n}`);
  const d = contactDistance(c, o.distance);
  const centres: number[] = [];
  const frames: number[][] = [];
  const rho = o.helixRadius ?? 0;
  if (rho > 0) {
    const m = o.perTurn ?? 6;
    if (!(m >= 2)) bad(`clusters per turn must be ≥ 2, got ${m}`);
    // chord between successive clusters: (2ρ sin(π/m))² + h² = d²
    const chord = 2 * rho * Math.sin(Math.PI / m);
    if (chord > d)
      bad(
        `helix radius ${rho} Å is too large for distance ${d} Å at ${m} per turn`,
        `at most ${(d / (2 * Math.sin(Math.PI / m))).toFixed(3)} Å`,
      );
    const h = Math.sqrt(d * d - chord * chord);
    for (let k = 0; k < n; k++) {
      const t = (2 * Math.PI * k) / m;
      centres.push(rho * Math.cos(t), rho * Math.sin(t), k * h);
      frames.push([Math.cos(t), -Math.sin(t), 0, Math.sin(t), Math.cos(t), 0, 0, 0, 1]);
    }
    return populate(
      'wire',
      `helix of ${n} (radius ${rho} Å, ${m} per turn, rise ${h.toFixed(3)} Å)`,
      c,
      centres,
      frames,
      d,
      null,
    );
  }
  for (let k = 0; k < n; k++) {
    centres.push(k * d, 0, 0);
    // the cluster axis along the wire
    frames.push([0, 0, 1, 0, 1, 0, -1, 0, 0]);
  }
  return populate('wire', `linear wire of ${n}`, c, centres, frames, d, null);
}

export type Lattice2D = 'honeycomb' | 'square' | 'hexagonal';

export interface Lattice2DOptions {
  readonly lattice: Lattice2D;
  /** Rectangular cells along x and y. */
  readonly repeat: readonly [number, number];
  readonly distance?: number;
  /** Periodic in x, y with `vacuum` Å along z (default: a finite flake). */
  readonly periodic?: boolean;
  readonly vacuum?: number;
}

/** A 2D lattice in the xy plane (rigid clusters' axes along z). */
export function lattice2d(c: ClusterSpec, o: Lattice2DOptions): Assembly {
  const d = contactDistance(c, o.distance);
  let cellA: number;
  let cellB: number;
  let basis: number[][];
  if (o.lattice === 'square') {
    cellA = d;
    cellB = d;
    basis = [[0, 0]];
  } else if (o.lattice === 'hexagonal') {
    cellA = d;
    cellB = d * Math.sqrt(3);
    basis = [
      [0, 0],
      [0.5, 0.5],
    ];
  } else if (o.lattice === 'honeycomb') {
    cellA = d * Math.sqrt(3);
    cellB = 3 * d;
    basis = [
      [0, 0],
      [0, 1 / 3],
      [0.5, 0.5],
      [0.5, 5 / 6],
    ];
  } else bad(`unknown 2D lattice "${String(o.lattice)}"`, 'honeycomb, square or hexagonal');
  const [nx, ny] = o.repeat;
  if (!(Number.isInteger(nx) && Number.isInteger(ny) && nx >= 1 && ny >= 1 && nx * ny <= 1e6))
    bad(`repeat must be two whole numbers ≥ 1, got ${nx} ${ny}`);
  const centres: number[] = [];
  for (let i = 0; i < nx; i++)
    for (let j = 0; j < ny; j++)
      for (const [u, v] of basis) centres.push((i + u!) * cellA, (j + v!) * cellB, 0);
  const vacuum = o.vacuum ?? 4 * d;
  const cell: V3 | null = o.periodic ? [nx * cellA, ny * cellB, vacuum] : null;
  if (cell) for (let k = 2; k < centres.length; k += 3) centres[k] = vacuum / 2;
  const name = o.lattice === 'honeycomb' ? 'honeycomb (clusterphene)' : o.lattice;
  return populate('lattice', `${name} ${nx}×${ny} cells`, c, centres, [], d, cell);
}

export type Lattice3D = 'sc' | 'bcc' | 'fcc' | 'hcp' | 'ab2';

/** Fractional sites of the orthorhombic conventional cells; AB2: [A sites, B sites]. */
function cell3d(lattice: Lattice3D, d: number, cOverA?: number): { abc: V3; a: number[][]; b: number[][] } {
  switch (lattice) {
    case 'sc':
      return { abc: [d, d, d], a: [[0, 0, 0]], b: [] };
    case 'bcc': {
      const a = (2 * d) / Math.sqrt(3);
      return {
        abc: [a, a, a],
        a: [
          [0, 0, 0],
          [0.5, 0.5, 0.5],
        ],
        b: [],
      };
    }
    case 'fcc': {
      const a = d * Math.SQRT2;
      return {
        abc: [a, a, a],
        a: [
          [0, 0, 0],
          [0.5, 0.5, 0],
          [0.5, 0, 0.5],
          [0, 0.5, 0.5],
        ],
        b: [],
      };
    }
    case 'hcp': {
      const c = d * (cOverA ?? Math.sqrt(8 / 3));
      return {
        abc: [d, d * Math.sqrt(3), c],
        a: [
          [0, 0, 0],
          [0.5, 0.5, 0],
          [0, 1 / 3, 0.5],
          [0.5, 5 / 6, 0.5],
        ],
        b: [],
      };
    }
    case 'ab2': {
      const c = d * (cOverA ?? 1);
      return {
        abc: [d, d * Math.sqrt(3), c],
        a: [
          [0, 0, 0],
          [0.5, 0.5, 0],
        ],
        b: [
          [0, 1 / 3, 0.5],
          [0.5, 1 / 6, 0.5],
          [0.5, 5 / 6, 0.5],
          [0, 2 / 3, 0.5],
        ],
      };
    }
    default:
      return bad(`unknown lattice "${String(lattice)}"`, 'sc, bcc, fcc, hcp or ab2');
  }
}

export interface CrystalOptions {
  readonly lattice: Lattice3D;
  readonly repeat: readonly [number, number, number];
  /** Nearest A–A distance (sc, bcc, fcc, hcp) or the hexagonal a (ab2), Å. */
  readonly distance?: number;
  /** c/a for hcp (default √(8/3)) and ab2 (default 1). */
  readonly cOverA?: number;
  /** The B cluster of an AB2 lattice. */
  readonly b?: ClusterSpec;
}

/** A periodic supracrystal of repeat[0] × repeat[1] × repeat[2] orthorhombic cells. */
export function crystal(c: ClusterSpec, o: CrystalOptions): Assembly {
  const d = contactDistance(c, o.distance);
  const { abc, a, b } = cell3d(o.lattice, d, o.cOverA);
  const [nx, ny, nz] = o.repeat;
  if (![nx, ny, nz].every((v) => Number.isInteger(v) && v >= 1) || nx * ny * nz > 1e6)
    bad(`repeat must be three whole numbers ≥ 1, got ${o.repeat.join(' ')}`);
  if (o.lattice === 'ab2' && !o.b)
    bad('an AB2 lattice needs the B cluster', 'give --b-radius and --b-charge');
  const place = (sites: number[][]) => {
    const out: number[] = [];
    for (let i = 0; i < nx; i++)
      for (let j = 0; j < ny; j++)
        for (let k = 0; k < nz; k++)
          for (const [u, v, w] of sites) out.push((i + u!) * abc[0], (j + v!) * abc[1], (k + w!) * abc[2]);
    return out;
  };
  const cell: V3 = [nx * abc[0], ny * abc[1], nz * abc[2]];
  const desc = `${o.lattice} ${nx}×${ny}×${nz} cells (a = ${abc.map((x) => x.toFixed(3)).join(' × ')} Å)`;
  const A = populate('crystal', desc, c, place(a), [], d, cell);
  if (o.lattice !== 'ab2') return A;
  const B = populate('crystal', desc, o.b!, place(b), [], d, cell);
  return merge(A, B, 'crystal', desc, A.clusters + B.clusters, 0);
}

function merge(
  A: Assembly,
  B: Assembly,
  kind: AssemblyKind,
  description: string,
  clusters: number,
  counterions: number,
): Assembly {
  const species = [...A.system.species];
  const map = B.system.species.map((s) => {
    let t = species.indexOf(s);
    if (t < 0) {
      t = species.length;
      species.push(s);
    }
    return t;
  });
  const nbA = A.system.bodies ? Math.max(0, ...A.system.bodies) : 0;
  const bodies =
    A.system.bodies || B.system.bodies
      ? Int32Array.from([
          ...(A.system.bodies ?? new Int32Array(A.system.types.length)),
          ...Array.from(B.system.bodies ?? new Int32Array(B.system.types.length), (b) => (b ? b + nbA : 0)),
        ])
      : undefined;
  const system: BeadSystem = {
    species,
    types: Int32Array.from([...A.system.types, ...Array.from(B.system.types, (t) => map[t]!)]),
    positions: Float64Array.from([...A.system.positions, ...B.system.positions]),
    ...(A.system.box ? { box: A.system.box } : {}),
    ...(bodies ? { bodies } : {}),
  };
  return {
    ...A,
    kind,
    description,
    system,
    charges: Float64Array.from([...A.charges, ...B.charges]),
    clusters,
    counterions,
    centres: Float64Array.from([...A.centres, ...(counterions ? [] : B.centres)]),
  };
}

export interface CounterionOptions {
  readonly species: string;
  /** Charge of one counter-ion, e (opposite in sign to the assembly's). */
  readonly charge: number;
  /** Distance from a cluster centre for shell placement, Å (default: contact, else the spacing / 2). */
  readonly distance?: number;
  /** Outer radius of a counter-ion, Å: with `clusterRadius`, ions never overlap their clusters. */
  readonly radius?: number;
  /** Outer radius (core + ligand shell) of a cluster, Å. */
  readonly clusterRadius?: number;
}

/**
 * The assembly scaled about the origin by f ≥ 1: cell, centres and spacing × f; free beads × f,
 * rigid bodies moved with their centres (not deformed).
 */
function expand(asm: Assembly, f: number): Assembly {
  const s = asm.system;
  const p = Float64Array.from(s.positions);
  for (let i = 0; i < s.types.length; i++) {
    const b = s.bodies?.[i] ?? 0;
    for (let k = 0; k < 3; k++)
      p[3 * i + k] = b > 0 ? p[3 * i + k]! + (f - 1) * asm.centres[3 * (b - 1) + k]! : p[3 * i + k]! * f;
  }
  const cell = asm.cell ? (asm.cell.map((v) => v * f) as unknown as V3) : null;
  return {
    ...asm,
    system: { ...s, positions: p, ...(cell ? { box: cell } : {}) },
    centres: Float64Array.from(asm.centres, (v) => v * f),
    spacing: asm.spacing * f,
    cell,
    description: `${asm.description}, expanded ×${f.toFixed(4)} for counter-ion contact`,
  };
}

const FCC_OCTA = [
  [0.5, 0, 0],
  [0, 0.5, 0],
  [0, 0, 0.5],
  [0.5, 0.5, 0.5],
];
const FCC_TETRA = [0.25, 0.75].flatMap((x) =>
  [0.25, 0.75].flatMap((y) => [0.25, 0.75].map((z) => [x, y, z])),
);

/** Interstitial holes of the conventional cells (fractional), per lattice: octahedral, then tetrahedral. */
const HOLES: Record<string, number[][][]> = {
  sc: [[[0.5, 0.5, 0.5]]],
  fcc: [FCC_OCTA, FCC_TETRA, [...FCC_OCTA, ...FCC_TETRA]],
  bcc: [
    [
      [0.5, 0.5, 0],
      [0.5, 0, 0.5],
      [0, 0.5, 0.5],
      [0.5, 0, 0],
      [0, 0.5, 0],
      [0, 0, 0.5],
    ],
  ],
  // hcp octahedral holes (⅔,⅓,¼) and (⅔,⅓,¾) of the hexagonal cell, in the orthohexagonal cell
  hcp: [
    [
      [0.5, 1 / 6, 0.25],
      [0, 2 / 3, 0.25],
      [0.5, 1 / 6, 0.75],
      [0, 2 / 3, 0.75],
    ],
  ],
};

/**
 * Counter-ions that neutralise the assembly: |Q / q| beads of charge q. In a crystal whose holes
 * match the count per cell (fcc with 1 per cluster fills the octahedral holes: the rock-salt
 * arrangement; 2 per cluster the tetrahedral ones; 3 both, the K3C60 arrangement), they fill those holes,
 * the lattice expanded when a hole is closer than contact (cluster + ion radius); otherwise each cluster
 * gets its share on a shell of `distance` (default: contact) around it, pointing away from the assembly's centre
 * (deterministic, so a symmetric assembly stays symmetric when each cluster takes one).
 */
export function addCounterions(
  input: Assembly,
  o: CounterionOptions,
  lattice?: Lattice3D,
  repeat?: readonly number[],
): Assembly {
  let asm = input;
  const Q = asm.charges.reduce((a, b) => a + b, 0);
  if (Math.abs(Q) < 1e-9) return asm;
  if (!(o.charge !== 0) || Math.sign(o.charge) === Math.sign(Q))
    bad(
      `counter-ions of charge ${o.charge} cannot neutralise an assembly of charge ${Q}`,
      'give the opposite sign',
    );
  const count = Math.round(-Q / o.charge);
  if (Math.abs(count * o.charge + Q) > 1e-6)
    bad(`${-Q} e is not a whole number of counter-ions of charge ${o.charge}`);
  const pos: number[] = [];
  const perCell = lattice && repeat ? count / (repeat[0]! * repeat[1]! * repeat[2]!) : 0;
  const holes = lattice ? HOLES[lattice] : undefined;
  const matching = holes?.find((h) => h.length === perCell);
  const contact =
    o.radius !== undefined && o.clusterRadius !== undefined ? o.radius + o.clusterRadius : undefined;
  if (matching && asm.cell && lattice && repeat) {
    let abc = asm.cell.map((L, k) => L / repeat[k]!);
    // holes closer to a cluster centre than contact: expand the lattice until the ions touch
    if (contact !== undefined) {
      const sites = cell3d(lattice, 1, abc[2]! / abc[0]!).a;
      let dmin = Infinity;
      for (const h of matching)
        for (const c of sites)
          for (const sh of [-1, 0, 1].flatMap((x) =>
            [-1, 0, 1].flatMap((y) => [-1, 0, 1].map((z) => [x, y, z])),
          ))
            dmin = Math.min(dmin, Math.hypot(...[0, 1, 2].map((k) => (h[k]! - c[k]! - sh[k]!) * abc[k]!)));
      if (dmin < contact) {
        asm = expand(asm, contact / dmin);
        abc = asm.cell!.map((L, k) => L / repeat[k]!);
      }
    }
    for (let i = 0; i < repeat[0]!; i++)
      for (let j = 0; j < repeat[1]!; j++)
        for (let k = 0; k < repeat[2]!; k++)
          for (const [u, v, w] of matching)
            pos.push((i + u!) * abc[0]!, (j + v!) * abc[1]!, (k + w!) * abc[2]!);
  } else {
    const nc = asm.clusters;
    const per = count / nc;
    if (!Number.isInteger(per))
      bad(
        `${count} counter-ions do not split evenly over ${nc} clusters`,
        'use a counter-ion charge that divides the cluster charge',
      );
    const dist = o.distance ?? contact ?? asm.spacing / 2;
    const g = [0, 0, 0];
    for (let k = 0; k < nc; k++) for (let a = 0; a < 3; a++) g[a] = g[a]! + asm.centres[3 * k + a]! / nc;
    for (let k = 0; k < nc; k++) {
      const c = [0, 1, 2].map((a) => asm.centres[3 * k + a]!);
      let out = c.map((x, a) => x - g[a]!);
      const on = Math.hypot(...out);
      out = on > 1e-9 ? out.map((x) => x / on) : [0, 0, 1];
      // `per` directions: a Fibonacci sphere whose first point is `out`
      const R = rotationOnto([0, 0, 1], out as V3);
      for (let m = 0; m < per; m++) {
        const zc = per === 1 ? 1 : 1 - (2 * m) / (per - 1);
        const r = Math.sqrt(Math.max(0, 1 - zc * zc));
        const phi = m * Math.PI * (3 - Math.sqrt(5));
        const u = [r * Math.cos(phi), r * Math.sin(phi), zc];
        for (let a = 0; a < 3; a++)
          pos.push(c[a]! + dist * (R[3 * a]! * u[0]! + R[3 * a + 1]! * u[1]! + R[3 * a + 2]! * u[2]!));
      }
    }
  }
  const types = new Int32Array(count);
  const B: Assembly = {
    ...asm,
    system: {
      species: [o.species],
      types,
      positions: Float64Array.from(pos),
      ...(asm.cell ? { box: asm.cell } : {}),
    },
    charges: new Float64Array(count).fill(o.charge),
  };
  return merge(asm, B, asm.kind, asm.description, asm.clusters, count);
}

/** Nearest distance between beads of species a and b (minimum image in a box), Å. */
export function nearestDistance(s: BeadSystem, a: string, b: string): number {
  const ta = s.species.indexOf(a);
  const tb = s.species.indexOf(b);
  let best = Infinity;
  const n = s.types.length;
  for (let i = 0; i < n; i++) {
    if (s.types[i] !== ta) continue;
    for (let j = 0; j < n; j++) {
      if (j === i || s.types[j] !== tb) continue;
      let d2 = 0;
      for (let k = 0; k < 3; k++) {
        let d = s.positions[3 * i + k]! - s.positions[3 * j + k]!;
        if (s.box) d -= s.box[k]! * Math.round(d / s.box[k]!);
        d2 += d * d;
      }
      best = Math.min(best, d2);
    }
  }
  return Math.sqrt(best);
}

/** Neighbours of bead i closer than r (minimum image). */
export function neighbourCount(s: BeadSystem, i: number, r: number): number {
  let c = 0;
  for (let j = 0; j < s.types.length; j++) {
    if (j === i) continue;
    let d2 = 0;
    for (let k = 0; k < 3; k++) {
      let d = s.positions[3 * i + k]! - s.positions[3 * j + k]!;
      if (s.box) d -= s.box[k]! * Math.round(d / s.box[k]!);
      d2 += d * d;
    }
    if (d2 < r * r) c++;
  }
  return c;
}
