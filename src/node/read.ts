/** Reading user files at the edge, with errors that say which file and why. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../core/errors.js';
import { parseJson } from '../core/json.js';

export function readTextFile(path: string, cwd = process.cwd(), what = 'file'): string {
  const full = resolve(cwd, path);
  try {
    return readFileSync(full, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'EACCES'
            ? 'cannot be read (permission denied)'
            : code === 'ERR_STRING_TOO_LONG'
              ? 'is too large to read as text (over ~512 MB)'
              : `cannot be read (${code ?? String(e)})`;
    throw new InputError('file-read', `the ${what} "${path}" ${why}`, {
      hint: 'check the path',
      location: { inputName: path },
    });
  }
}

/** Parse a JSON file, reporting the line and column of a syntax error. */
export function readJsonFile(path: string, cwd?: string, what = 'JSON file'): unknown {
  return parseJson(readTextFile(path, cwd, what), `the ${what} "${path}"`);
}
