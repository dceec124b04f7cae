/**
 * Structure files at the edge: read a file into Structures through the io
 * registry, write text files, with errors that say which file and why.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from '../core/errors.js';
import { readStructures } from '../io/registry.js';
import type { Structure } from '../structure/structure.js';
import { readTextFile } from './read.js';

/** Read every frame of a structure file (format from `format`, else the extension, else sniffing). */
export function readStructureFile(path: string, cwd = process.cwd(), format?: string): Structure[] {
  const text = readTextFile(path, cwd, 'structure file');
  return readStructures(text, path, format);
}

/**
 * Write `text` to `path` (relative to `cwd`), creating missing parent folders; a path that cannot be
 * written is an InputError naming the file and the option that gave it (`-o`, `--svg` …).
 */
export function writeTextFile(path: string, text: string, cwd = process.cwd(), option = '-o'): string {
  const full = resolve(cwd, path);
  try {
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'EISDIR'
        ? 'is a directory'
        : code === 'EACCES' || code === 'EPERM'
          ? 'cannot be written (permission denied)'
          : code === 'ENOTDIR'
            ? 'lies under a path that is not a folder'
            : `cannot be written (${code ?? String(e)})`;
    throw new InputError('file-write', `the output file "${path}" ${why}`, {
      hint: `choose another path with ${option}`,
      location: { inputName: path },
    });
  }
  return full;
}
