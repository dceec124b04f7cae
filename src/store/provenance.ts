/**
 * Provenance: canonical inputs and their hash, the program's version and git revision, the data
 * tables' fingerprints, host and times. The record id is the hash of what determines the result
 * (kind, canonical inputs, Superatom version, data tables), so saving the same computation twice
 * gives the same id and the second save is a no-op.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalize, canonicalJson } from '../core/canonical.js';
import { ELEMENTS, ISOTOPES } from '../data/index.js';
import { LIGANDS } from '../data/ligands.js';
import { GUPTA_PARAMETERS, LENNARD_JONES_PARAMETERS, SUTTON_CHEN_PARAMETERS } from '../data/potentials.js';
import { indexColumns } from './indexer.js';
import type { Provenance, ResultRecord, StoredStructure } from './types.js';

export { canonicalJson };

export function sha256Hex(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The folder holding Superatom's package.json (works from src/ under vitest and from dist/). */
function packageRoot(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const p = join(dir, 'package.json');
    if (existsSync(p)) {
      try {
        if ((JSON.parse(readFileSync(p, 'utf8')) as { name?: string }).name === 'superatom') return dir;
      } catch {
        /* not ours */
      }
    }
    dir = dirname(dir);
  }
  return undefined;
}

let cachedProgram: { version: string; revision: string } | undefined;

/**
 * Superatom's version (package.json) and git revision: `SUPERATOM_REVISION` if set (a build can
 * stamp it), else `git rev-parse HEAD` in the package's own checkout (not a parent repository that
 * happens to contain an installed copy), with "-dirty" when tracked files differ; else 'unknown'.
 */
export function programInfo(): { version: string; revision: string } {
  if (cachedProgram) return cachedProgram;
  const root = packageRoot();
  let version = 'unknown';
  let revision = process.env.SUPERATOM_REVISION || 'unknown';
  if (root) {
    try {
      version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      /* keep unknown */
    }
    if (revision === 'unknown' && existsSync(join(root, '.git'))) {
      const git = (args: string[]) =>
        execFileSync('git', args, {
          cwd: root,
          encoding: 'utf8',
          timeout: 3000,
          stdio: ['ignore', 'pipe', 'ignore'],
        }).trim();
      try {
        if (resolve(git(['rev-parse', '--show-toplevel'])) === resolve(root)) {
          revision = git(['rev-parse', 'HEAD']);
          try {
            git(['diff', '--quiet', 'HEAD', '--']);
          } catch {
            revision += '-dirty';
          }
        }
      } catch {
        /* no git, or not a checkout */
      }
    }
  }
  cachedProgram = { version, revision };
  return cachedProgram;
}

let cachedData: Record<string, string> | undefined;

/** Fingerprints of the data tables a result may depend on: sha256 prefix of each table's JSON. */
export function dataVersions(): Readonly<Record<string, string>> {
  if (cachedData) return cachedData;
  const fp = (x: unknown) => `sha256:${sha256Hex(canonicalJson(x)).slice(0, 16)}`;
  cachedData = {
    elements: fp(ELEMENTS),
    isotopes: fp(ISOTOPES),
    ligands: fp(LIGANDS),
    potentials: fp({ GUPTA_PARAMETERS, SUTTON_CHEN_PARAMETERS, LENNARD_JONES_PARAMETERS }),
  };
  return cachedData;
}

/** The record id: what determines the result, hashed. */
export function recordId(
  kind: string,
  inputs: unknown,
  version: string,
  data: Readonly<Record<string, string>>,
): string {
  return sha256Hex(canonicalJson({ kind, inputs, version, dataVersions: data }));
}

export interface RecordInit {
  readonly kind: string;
  readonly command: string;
  readonly inputs: unknown;
  readonly report: unknown;
  readonly startedAt: Date;
  readonly endedAt: Date;
  readonly exitStatus: number;
  readonly engine?: { readonly name: string; readonly version: string } | null;
  readonly structures?: readonly StoredStructure[] | null;
}

/** Build a complete record (provenance, index columns, id) for any door: CLI, API, queue worker. */
export function buildRecord(init: RecordInit): ResultRecord {
  const { version, revision } = programInfo();
  const data = dataVersions();
  const inputs = canonicalize(init.inputs);
  const report = JSON.parse(JSON.stringify(init.report ?? null)) as unknown;
  const structures = init.structures?.length ? init.structures : null;
  const provenance: Provenance = {
    command: init.command,
    inputs,
    inputsHash: sha256Hex(canonicalJson(inputs)),
    version,
    revision,
    dataVersions: data,
    engine: init.engine ?? null,
    host: hostname(),
    startedAt: init.startedAt.toISOString(),
    endedAt: init.endedAt.toISOString(),
    exitStatus: init.exitStatus,
  };
  return {
    id: recordId(init.kind, inputs, version, data),
    kind: init.kind,
    createdAt: init.endedAt.toISOString(),
    ...indexColumns(init.kind, report, structures),
    provenance,
    report,
    structures,
  };
}
