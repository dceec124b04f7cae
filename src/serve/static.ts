/**
 * Static files of the built page (dist/web) for `superatom serve`, with no way out of the root:
 * the URL path is decoded once, refused if it holds NUL, a backslash, a `..` or `.` segment (also
 * percent-encoded: `%2e%2e`, `%2f`) or a hidden file, then resolved and checked to stay under the
 * root (prefix check on the resolved path, and again on the real path so a symlink cannot leave).
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Content types of the files Vite writes. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

/** dist/web of this package (from src/serve or dist/serve alike). */
export function defaultWebRoot(): string {
  return fileURLToPath(new URL('../../dist/web/', import.meta.url));
}

/** Whether the page has been built into `root` (its index.html exists). */
export function pageBuilt(root: string): boolean {
  return existsSync(resolve(root, 'index.html'));
}

export type StaticLookup =
  | { readonly kind: 'file'; readonly file: string; readonly type: string }
  | { readonly kind: 'forbidden' }
  | { readonly kind: 'not-found' };

/** Map a URL path (without query) to a file under `root`, or say why not. */
export function lookupStatic(root: string, urlPath: string): StaticLookup {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'forbidden' };
  }
  if (!path.startsWith('/') || path.includes('\0') || path.includes('\\')) return { kind: 'forbidden' };
  const segments = path.split('/').slice(1);
  // "." and ".." segments, and hidden files (.env, .git): never served
  if (segments.some((s) => s.startsWith('.'))) return { kind: 'forbidden' };
  const base = resolve(root);
  let file = resolve(base, ...segments.filter(Boolean));
  if (file !== base && !file.startsWith(base + sep)) return { kind: 'forbidden' };
  if (path.endsWith('/') || file === base) file = resolve(file, 'index.html');
  if (!existsSync(file)) return { kind: 'not-found' };
  try {
    const real = realpathSync(file);
    const realBase = realpathSync(base);
    if (!real.startsWith(realBase + sep)) return { kind: 'forbidden' };
    if (!statSync(real).isFile()) return { kind: 'not-found' };
    return {
      kind: 'file',
      file: real,
      type: CONTENT_TYPES[extname(real).toLowerCase()] ?? 'application/octet-stream',
    };
  } catch {
    return { kind: 'not-found' };
  }
}

/** Read a looked-up file. */
export function readStatic(file: string): Buffer {
  return readFileSync(file);
}
