/**
 * Web Worker running one global search (basin hopping or GA from `optimize/`, the same code as
 * `superatom search`), so the page stays responsive. Cancel is `worker.terminate()` on the page
 * side: it stops the search at once, mid-minimisation. Progress messages carry the step count,
 * the best energy and, for the live view, the lowest-energy configuration evaluated so far (taken
 * by wrapping the potential: every minimum the search records was evaluated, so this is the best
 * minimum or a configuration the final polish reaches).
 */
import { SuperatomError } from '../core/errors.js';
import { createRng } from '../core/rng.js';
import { basinHopping } from '../optimize/basin-hopping.js';
import { geneticAlgorithm } from '../optimize/genetic.js';
import { checkSearchSpec } from '../optimize/run.js';
import { createPotential } from '../potential/spec.js';
import type { Potential } from '../potential/types.js';
import type { FromWorker, StartMessage } from './search-protocol.js';

const post = (m: FromWorker, transfer: Transferable[] = []) =>
  (self as unknown as { postMessage(m: unknown, t: Transferable[]): void }).postMessage(m, transfer);

self.addEventListener('message', (e: MessageEvent<StartMessage>) => {
  if (e.data?.type !== 'start') return;
  const spec = e.data.spec;
  try {
    checkSearchSpec(spec);
    const base = createPotential(spec.potential);
    const n = spec.atoms;
    const best = new Float64Array(3 * n);
    let bestE = Infinity;
    let changed = false;
    const evaluate: Potential['evaluate'] = (x, f, a) => {
      const energy = base.evaluate(x, f, a);
      if (energy < bestE && x.length === best.length) {
        bestE = energy;
        best.set(x);
        changed = true;
      }
      return energy;
    };
    // the potential's own properties (units, scales) through the prototype, evaluate watched
    const watched = Object.create(base, { evaluate: { value: evaluate } }) as Potential;
    const t0 = performance.now();
    const common = {
      potential: watched,
      atoms: n,
      rng: createRng(spec.seed ?? 1),
      now: () => performance.now(),
      ...(spec.maxSteps !== undefined ? { maxSteps: spec.maxSteps } : {}),
      ...(spec.timeLimitSeconds !== undefined ? { timeLimitSeconds: spec.timeLimitSeconds } : {}),
      ...(spec.target !== undefined ? { target: spec.target } : {}),
      onProgress: (p: { done: number; total?: number; data?: Readonly<Record<string, unknown>> }) => {
        const positions = changed ? best.slice() : null;
        changed = false;
        post({
          type: 'progress',
          steps: p.done,
          total: p.total ?? null,
          bestEnergy: Number(p.data?.bestEnergy ?? bestE),
          seconds: (performance.now() - t0) / 1000,
          positions,
        });
      },
    };
    const r = (spec.method ?? 'bh') === 'ga' ? geneticAlgorithm(common) : basinHopping(common);
    const positions = r.bestPositions.slice();
    post(
      {
        type: 'done',
        bestEnergy: r.bestEnergy,
        bestPositions: positions,
        steps: r.steps,
        stepsToBest: r.stepsToBest,
        evaluations: r.evaluations,
        seconds: r.seconds,
        stopReason: r.stopReason,
        energyUnit: base.energyUnit,
        lengthUnit: base.lengthUnit,
        nearestNeighbour: base.nearestNeighbour,
      },
      [positions.buffer],
    );
  } catch (err) {
    post({
      type: 'error',
      message: err instanceof Error ? err.message : String(err),
      hint: err instanceof SuperatomError ? (err.hint ?? null) : null,
    });
  }
});
