/**
 * Structure files at the edge: read a file into Structures through the io
 * registry, write text files, with errors that say which file and why.
 */
import { accessSync, constants, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { excerpt, InputError } from '../core/errors.js';
import { readStructures } from '../io/registry.js';
import type { Structure } from '../structure/structure.js';
import { readTextFile } from './read.js';

/** Read every frame of a structure file (format from `format`, else the extension, else sniffing). */
export function readStructureFile(path: string, cwd = process.cwd(), format?: string): Structure[] {
  const text = readTextFile(path, cwd, 'structure file');
  return readStructures(text, path, format);
}

/** Why a write failed, in words, from the system error code. */
function writeFailure(code: string | undefined, e: unknown): string {
  switch (code) {
    case 'EISDIR':
      return 'is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be written (permission denied)';
    case 'ENOTDIR':
      return 'lies under a path that is not a folder';
    case 'ENOSPC':
      return 'cannot be written: no space left on the device';
    case 'EDQUOT':
      return 'cannot be written: the disk quota is exhausted';
    case 'EROFS':
      return 'cannot be written: the file system is read-only';
    case 'ENAMETOOLONG':
      return 'cannot be written: the name is too long for the file system';
    case 'EEXIST':
      return 'lies under a path whose parent is a file';
    default:
      return `cannot be written (${code ?? excerpt(String(e), 100)})`;
  }
}

function writeError(path: string, option: string, code: string | undefined, e: unknown): InputError {
  const shown = excerpt(path, 100);
  return new InputError('file-write', `the output file "${shown}" ${writeFailure(code, e)}`, {
    hint: `choose another path with ${option}`,
    location: { inputName: shown },
  });
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
    throw writeError(path, option, (e as NodeJS.ErrnoException).code, e);
  }
  return full;
}

/**
 * Check before a long run that `path` could be written (its folder exists or can be made, the file
 * is not a folder and is writable), so a bad `-o` fails in a second rather than after the run. Does
 * not create or truncate the file; creates missing parent folders as `writeTextFile` would.
 */
export function checkWritable(path: string, cwd = process.cwd(), option = '-o'): string {
  const full = resolve(cwd, path);
  try {
    if (path === '' || /[\0]/.test(path)) {
      throw Object.assign(new Error('invalid name'), { code: 'EINVAL' });
    }
    mkdirSync(dirname(full), { recursive: true });
    let isDir = false;
    try {
      isDir = statSync(full).isDirectory();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      accessSync(dirname(full), constants.W_OK);
      return full;
    }
    if (isDir) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    accessSync(full, constants.W_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EINVAL') {
      throw new InputError('file-write', `the output path "${excerpt(path, 100)}" is not a file name`, {
        hint: `give a file name with ${option}`,
      });
    }
    throw writeError(path, option, code, e);
  }
  return full;
}
