/**
 * Bead systems as extended XYZ (the libAtoms/ASE convention that ASE's `ase.io.read` and OVITO
 * read): each frame
 *   N
 *   Lattice="Lx 0 0 0 Ly 0 0 0 Lz" Properties=species:S:1:pos:R:3:bead:S:1[:body:I:1] pbc="T T T" step=…
 *   Au  x y z  Au25
 * The `species` column holds a real element symbol (the bead's stand-in element, so ASE accepts it);
 * the model species name is the `bead` column and the rigid body id the `body` column. Reading
 * takes `bead` (or, in plain files, the element symbols) as species names.
 */
import { InputError } from '../core/errors.js';
import { elementByZ } from '../data/index.js';
import { parseExtxyzFrames } from '../io/extxyz.js';
import type { BeadSystem } from './system.js';

const num = (v: number) => (Math.abs(v) < 1e-12 ? '0' : Number(v.toPrecision(10)).toString());

/** One frame; `info` adds key=value pairs (numbers or plain words). */
export function writeBeadFrame(
  s: BeadSystem,
  positions: Float64Array = s.positions,
  elements: Readonly<Record<string, string>> = {},
  info: Readonly<Record<string, number | string>> = {},
): string {
  const n = s.types.length;
  const props = `species:S:1:pos:R:3:bead:S:1${s.bodies ? ':body:I:1' : ''}`;
  const kv: string[] = [];
  if (s.box) kv.push(`Lattice="${s.box[0]} 0 0 0 ${s.box[1]} 0 0 0 ${s.box[2]}"`);
  kv.push(`Properties=${props}`, `pbc="${s.box ? 'T T T' : 'F F F'}"`);
  for (const [k, v] of Object.entries(info)) {
    const t = String(v);
    kv.push(`${k}=${/[\s"=]/.test(t) ? `"${t.replace(/["\\]/g, '\\$&')}"` : t}`);
  }
  const out = [String(n), kv.join(' ')];
  const el = s.species.map((name) => elements[name] ?? standIn(name));
  for (let i = 0; i < n; i++) {
    const t = s.types[i]!;
    const body = s.bodies ? ` ${s.bodies[i]}` : '';
    out.push(
      `${el[t]!.padEnd(2)} ${num(positions[3 * i]!)} ${num(positions[3 * i + 1]!)} ${num(positions[3 * i + 2]!)} ${s.species[t]}${body}`,
    );
  }
  return `${out.join('\n')}\n`;
}

/** A stand-in element for a bead name: its leading element symbol when it has one (Au25 → Au), else C. */
export function standIn(name: string): string {
  const two = /^[A-Z][a-z]/.exec(name)?.[0];
  const known = new Set([
    'Au',
    'Ag',
    'Cu',
    'Pt',
    'Pd',
    'Ni',
    'Co',
    'Fe',
    'Mo',
    'Cl',
    'Br',
    'Na',
    'Cs',
    'Rb',
    'Li',
    'Mg',
    'Ca',
    'Zn',
    'Al',
    'Si',
    'Ge',
    'Sn',
    'Pb',
    'Bi',
    'Ir',
    'Rh',
    'Ru',
    'Os',
  ]);
  if (two && known.has(two)) return two;
  const one = /^[HBCNOFPSKVWUYI]/.exec(name)?.[0];
  return one ?? 'C';
}

/** Read every frame of an extended XYZ file written here (or any extXYZ: element symbols become species). */
export function readBeadFrames(text: string, inputName = 'extxyz'): BeadSystem[] {
  const frames = parseExtxyzFrames(text, inputName);
  return frames.map((f, idx) => {
    const s = f.structure;
    const n = s.numbers.length;
    const beadCol = f.arrays.bead;
    const names: string[] = beadCol
      ? beadCol.map(String)
      : Array.from({ length: n }, (_, i) => s.labels?.[i] ?? symbolFor(s.numbers[i]!));
    const species: string[] = [];
    const types = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      let t = species.indexOf(names[i]!);
      if (t < 0) {
        t = species.length;
        species.push(names[i]!);
      }
      types[i] = t;
    }
    let box: [number, number, number] | undefined;
    if (s.cell) {
      const c = s.cell;
      const off = [c[1], c[2], c[3], c[5], c[6], c[7]].some((v) => Math.abs(v!) > 1e-9);
      if (off)
        throw new InputError('assembly-cell', `frame ${idx + 1} has a non-orthorhombic cell`, {
          hint: 'the bead model takes orthorhombic boxes (Lattice="Lx 0 0 0 Ly 0 0 0 Lz")',
          location: { inputName },
        });
      box = [c[0]!, c[4]!, c[8]!];
    }
    const bodyCol = f.arrays.body;
    return {
      species,
      types,
      positions: Float64Array.from(s.positions),
      ...(box ? { box } : {}),
      ...(bodyCol ? { bodies: Int32Array.from(bodyCol.map(Number)) } : {}),
    };
  });
}

function symbolFor(z: number): string {
  return elementByZ(z)?.symbol ?? `Z${z}`;
}
