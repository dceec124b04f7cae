/**
 * The layering rules of DESIGN.md, checked rather than hoped for: pure folders
 * import only pure folders lower in the stack, never node:, and never use
 * process, console, Math.random, Date.now or window.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));

/** What each pure folder may import (besides itself). */
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  data: ['core'],
  chem: ['core', 'data'],
  count: ['core', 'data', 'chem'],
  mass: ['core', 'data', 'chem'],
  structure: ['core', 'data', 'chem'],
  potential: ['core', 'data', 'structure'],
  io: ['core', 'data', 'chem', 'structure'],
  optimize: ['core', 'data', 'structure', 'potential'],
  jellium: ['core', 'data'],
  assembly: ['core', 'data', 'chem', 'structure', 'potential', 'io', 'optimize'],
  workflows: [
    'core',
    'data',
    'chem',
    'count',
    'mass',
    'structure',
    'potential',
    'io',
    'optimize',
    'jellium',
    'assembly',
  ],
  screen: [
    'core',
    'data',
    'chem',
    'count',
    'mass',
    'structure',
    'potential',
    'io',
    'optimize',
    'jellium',
    'assembly',
    'workflows',
  ],
};

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (p.endsWith('.ts') && !p.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const IMPORT_RE = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const FORBIDDEN = /\bMath\.random\b|\bDate\.now\b|\bprocess\.|\bconsole\.|\bwindow\.|\brequire\(/;

describe('architecture', () => {
  for (const [folder, allowed] of Object.entries(ALLOWED)) {
    it(`${folder}/ stays pure and imports only ${allowed.join(', ') || 'itself'}`, () => {
      const problems: string[] = [];
      let files: string[] = [];
      try {
        files = walk(join(SRC, folder));
      } catch {
        return; // folder not created yet
      }
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
        const rel = relative(SRC, file);
        if (FORBIDDEN.test(code)) problems.push(`${rel}: uses ${code.match(FORBIDDEN)![0]}`);
        for (const m of code.matchAll(IMPORT_RE)) {
          const spec = (m[1] ?? m[2])!;
          if (spec.startsWith('node:')) {
            problems.push(`${rel}: imports ${spec}`);
            continue;
          }
          if (!spec.startsWith('.')) continue; // npm packages are checked by tsconfig.pure (no node types)
          const target = relative(SRC, resolve(dirname(file), spec)).split(/[\\/]/)[0]!;
          if (target !== folder && !allowed.includes(target))
            problems.push(`${rel}: imports ${spec} (${target}/)`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});
