/**
 * `--refine xtb` for `optimize` and `search`: the option specs, the early checks (Å coordinates,
 * the engine installed — before a long search, not after it), the refinement with a progress bar,
 * and the text lines. The science is in src/engines/refine.ts (xtb's own optimiser through the
 * engine's fallback chain and sanity checks).
 */
import { InputError } from '../core/errors.js';
import type { RefineReport } from '../engines/refine.js';
import { createProgressBar } from '../node/progress-bar.js';
import type { Structure } from '../structure/structure.js';
import type { OptionSpecs } from './args.js';
import type { CliIO } from './command.js';

export const REFINE_OPTIONS: OptionSpecs = {
  refine: {
    type: 'string',
    valueName: 'engine',
    choices: ['xtb'],
    description:
      "re-relax the result with a quantum engine: xtb's own optimiser, GFN2 → GFN2 at 2000 K → GFN1, energies in eV",
  },
  'refine-method': {
    type: 'string',
    valueName: 'gfn2|gfn1',
    choices: ['gfn2', 'gfn1'],
    description: 'first method of the --refine fallback chain (default gfn2)',
  },
};

/** Check that `--refine` can run (Å coordinates, engine installed) before the expensive part. */
export async function checkRefine(engine: string | undefined, lengthUnit: string): Promise<void> {
  if (!engine) return;
  if (lengthUnit !== 'Å') {
    throw new InputError(
      'refine-units',
      `--refine ${engine} needs coordinates in Å; this potential works in ${lengthUnit}`,
      {
        hint: 'use a potential in eV/Å (gupta:Au, sutton-chen:Ag, lj:Ar)',
      },
    );
  }
  const { probeExecutable } = await import('../engines/process.js');
  if (!(await probeExecutable(process.env.SUPERATOM_XTB ?? 'xtb'))) {
    throw new InputError('refine-engine', `--refine ${engine}: the xtb executable was not found`, {
      hint: 'install it (Debian: apt-get install xtb) or set SUPERATOM_XTB',
    });
  }
}

/** Refine `structures` with a progress bar on a terminal; `timeLimitS` bounds each structure. */
export async function refineForCli(
  engine: string,
  method: string | undefined,
  structures: readonly Structure[],
  io: CliIO,
  timeLimitS?: number,
): Promise<{ report: RefineReport; structures: Structure[] }> {
  const { refineStructures } = await import('../engines/refine.js');
  const bar = createProgressBar(io.stderr, io.stderrIsTTY);
  try {
    return await refineStructures(engine as 'xtb', structures, {
      ...(method ? { method: method as 'gfn2' | 'gfn1' } : {}),
      ...(timeLimitS !== undefined && timeLimitS > 0 ? { timeLimitMs: 1000 * timeLimitS } : {}),
      onProgress: (p) => bar.update(p.total ? p.done / p.total : undefined, p.message ?? ''),
    });
  } finally {
    bar.done();
  }
}

/** Text lines for the refinement (one per structure). */
export function formatRefine(r: RefineReport, label = 'structure'): string[] {
  const lines = [`refined with  ${r.engineVersion}, ${r.optimizer}`];
  for (const x of r.results) {
    const failed = x.attempts
      .filter((a) => a.status === 'failed')
      .map((a) => `${a.method} ${a.settings.etemp} K`);
    lines.push(
      x.converged
        ? `  ${label} ${x.index}: ${x.method} energy ${x.energy!.toFixed(6)} eV, gap ${x.gap!.toFixed(3)} eV, RMS displacement ${x.rmsDisplacementA!.toFixed(3)} Å${failed.length ? ` (failed first: ${failed.join(', ')})` : ''}`
        : `  ${label} ${x.index}: NOT refined — ${x.attempts.length ? `every attempt failed (${x.attempts.map((a) => `${a.method}: ${a.reason}`).join('; ')})` : x.warnings.join('; ')}`,
    );
  }
  return lines;
}
