/**
 * The format registry: one entry per codec, `{ name, extensions, sniff,
 * parse, write? }`. `readStructure` chooses by file extension first, then by
 * sniffing the text; `writeStructure` by extension or explicit format name.
 * A new format is one file plus one entry here.
 */
import { InputError } from '../core/errors.js';
import type { Structure } from '../structure/structure.js';
import { parseCif, writeCif } from './cif.js';
import { looksLikeExtxyz, parseExtxyz, writeExtxyz } from './extxyz.js';
import { parseGroFrames, writeGro } from './gro.js';
import { looksLikeMol, parseMolFrames } from './mol.js';
import { parsePdbFrames, writePdb } from './pdb.js';
import { looksLikePoscar, parsePoscar, writePoscar } from './poscar.js';
import { parseXyz, writeXyz } from './xyz.js';

export interface StructureFormat {
  readonly name: string;
  /** Lower-case extensions without the dot. */
  readonly extensions: readonly string[];
  /** A quick guess whether `text` is in this format (no full parse). */
  sniff(text: string): boolean;
  /** All frames/models in the text. */
  parse(text: string, inputName?: string): Structure[];
  /** Text of one or more frames (formats without multi-frame support write the first only). */
  write?(frames: readonly Structure[]): string;
}

const head = (text: string, lines = 5) => text.split(/\r\n|\r|\n/, lines);

export const FORMATS: readonly StructureFormat[] = [
  {
    name: 'extxyz',
    extensions: ['extxyz'],
    sniff: looksLikeExtxyz,
    parse: parseExtxyz,
    write: (frames) => writeExtxyz(frames),
  },
  {
    name: 'xyz',
    extensions: ['xyz'],
    sniff: (text) => {
      const [a, , c] = head(text, 3);
      return /^\s*\d+\s*$/.test(a ?? '') && /^\s*\S+\s+[-+.\d]/.test(c ?? '');
    },
    parse: (text, inputName) =>
      looksLikeExtxyz(text) ? parseExtxyz(text, inputName) : parseXyz(text, inputName),
    write: (frames) => writeXyz(frames),
  },
  {
    name: 'pdb',
    extensions: ['pdb', 'ent'],
    sniff: (text) =>
      /^(ATOM {2}|HETATM|HEADER|CRYST1|TITLE |MODEL |REMARK|COMPND)/m.test(text.slice(0, 4000)) &&
      /^(ATOM {2}|HETATM)/m.test(text),
    parse: (text, inputName) => parsePdbFrames(text, inputName, { allModels: true }),
    write: (frames) => writePdb(frames[0]!),
  },
  {
    name: 'gro',
    extensions: ['gro'],
    sniff: (text) => {
      const [, b, c] = head(text, 3);
      return /^\s*\d+\s*$/.test(b ?? '') && /^[\s\d]{5}.{10}[\s\d]{5}\s*-?\d+\.\d{3}/.test(c ?? '');
    },
    parse: parseGroFrames,
    write: (frames) => frames.map((f) => writeGro(f)).join(''),
  },
  {
    name: 'cif',
    extensions: ['cif'],
    sniff: (text) => /^\s*data_\S*/im.test(text.slice(0, 20000)) && /_cell_length_a|_atom_site/i.test(text),
    parse: (text, inputName) => [parseCif(text, inputName).structure],
    write: (frames) => writeCif(frames[0]!),
  },
  {
    name: 'mol',
    extensions: ['mol', 'sdf', 'sd'],
    sniff: looksLikeMol,
    parse: parseMolFrames,
  },
  {
    // VASP files have no fixed extension: also chosen by the names POSCAR*/CONTCAR* (see detectFormat)
    name: 'poscar',
    extensions: ['vasp', 'poscar', 'contcar'],
    sniff: looksLikePoscar,
    parse: (text, inputName) => [parsePoscar(text, inputName)],
    write: (frames) => writePoscar(frames[0]!),
  },
];

/** Names VASP gives its structure files, with any suffix: POSCAR, CONTCAR, POSCAR-001, CONTCAR_relaxed. */
const VASP_NAME_RE = /^(POSCAR|CONTCAR)([-_.].*)?$/i;

/** The format registered for a name or extension, or undefined. */
export function formatByName(nameOrExtension: string): StructureFormat | undefined {
  const key = nameOrExtension.toLowerCase().replace(/^\./, '');
  return FORMATS.find((f) => f.name === key) ?? FORMATS.find((f) => f.extensions.includes(key));
}

function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** Choose the format of a file: by extension, then by sniffing. */
export function detectFormat(text: string, fileName: string): StructureFormat {
  const byExt = formatByName(extensionOf(fileName));
  if (byExt && extensionOf(fileName)) return byExt;
  if (VASP_NAME_RE.test(fileName.split(/[\\/]/).pop() ?? '')) return formatByName('poscar')!;
  const sniffed = FORMATS.find((f) => f.sniff(text));
  if (sniffed) return sniffed;
  throw new InputError('format-unknown', `cannot tell the format of ${fileName || 'the input'}`, {
    hint: `use one of the extensions ${FORMATS.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(', ')} or the names POSCAR/CONTCAR (convert also takes --from <format>)`,
    location: { inputName: fileName },
  });
}

/**
 * Read all frames of a structure file. `format` overrides the choice by
 * extension and sniffing.
 */
export function readStructures(text: string, fileName: string, format?: string): Structure[] {
  let f: StructureFormat | undefined;
  if (format) {
    f = formatByName(format);
    if (!f) {
      throw new InputError('format-unknown', `unknown format "${format}"`, {
        hint: `formats: ${FORMATS.map((x) => x.name).join(', ')}`,
      });
    }
  } else {
    f = detectFormat(text, fileName);
  }
  return f.parse(text, fileName);
}

/** Read the first frame of a structure file. */
export function readStructure(text: string, fileName: string, format?: string): Structure {
  return readStructures(text, fileName, format)[0]!;
}

/** Write frames in the format given by name or by the extension of `fileName`. */
export function writeStructure(frames: Structure | readonly Structure[], fileNameOrFormat: string): string {
  const list: readonly Structure[] =
    (frames as Structure).numbers instanceof Uint8Array
      ? [frames as Structure]
      : (frames as readonly Structure[]);
  const base = fileNameOrFormat.split(/[\\/]/).pop() ?? '';
  const f =
    formatByName(fileNameOrFormat) ??
    formatByName(extensionOf(fileNameOrFormat)) ??
    (VASP_NAME_RE.test(base) ? formatByName('poscar') : undefined);
  if (!f?.write) {
    const writable = FORMATS.filter((x) => x.write).map((x) => x.name);
    throw new InputError('format-write', `cannot write "${fileNameOrFormat}": unknown output format`, {
      hint: `writable formats: ${writable.join(', ')} (chosen by the output file extension)`,
    });
  }
  if (list.length === 0) throw new InputError('format-write', 'nothing to write: no structures');
  return f.write(list);
}
