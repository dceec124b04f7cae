/**
 * Search panel: potential, size and budget from a form; the search runs in a Web Worker
 * (search.worker.ts) with a progress bar; the best structure so far is drawn live in the
 * viewer; Cancel terminates the worker, which stops the search at once.
 */
import type { SearchSpec } from '../optimize/run.js';
import { createPotential } from '../potential/spec.js';
import { atomicNumberOf } from '../structure/builders/distances.js';
import { createStructure, type Structure } from '../structure/structure.js';
import { byId } from './dom.js';
import type { FromWorker } from './search-protocol.js';

/** Display scale to Å and element for a potential (reduced units: argon-like spheres, nn → 2.9 Å). */
function displayOf(spec: string): { z: number; scale: number } {
  const p = createPotential(spec);
  const el = /:(\w+)$/.exec(spec)?.[1];
  let z = 18;
  try {
    if (el && /^[A-Z][a-z]?$/.test(el)) z = atomicNumberOf(el);
  } catch {
    z = 18;
  }
  return { z, scale: p.lengthUnit === 'Å' ? 1 : 2.9 / p.nearestNeighbour };
}

export interface SearchOutcome {
  readonly spec: SearchSpec;
  readonly bestEnergy: number;
  readonly energyUnit: string;
  readonly steps: number;
  readonly stopReason: string;
  readonly seconds: number;
}

export class SearchPanel {
  private worker: Worker | null = null;

  constructor(
    private readonly draw: (s: Structure, first: boolean) => void,
    private readonly onDone: (o: SearchOutcome) => void,
  ) {
    byId('search-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.start();
    });
    byId('search-cancel').addEventListener('click', () => this.cancel());
  }

  private spec(): SearchSpec {
    const v = (id: string) => byId<HTMLInputElement>(id).value.trim();
    const steps = Number(v('search-steps'));
    const seconds = Number(v('search-seconds'));
    return {
      potential: byId<HTMLSelectElement>('search-potential').value,
      atoms: Number(v('search-atoms')),
      method: byId<HTMLSelectElement>('search-method').value as 'bh' | 'ga',
      seed: Number(v('search-seed') || 1),
      ...(steps > 0 ? { maxSteps: steps } : {}),
      ...(seconds > 0 ? { timeLimitSeconds: seconds } : {}),
    };
  }

  private running(on: boolean): void {
    byId<HTMLButtonElement>('search-start').disabled = on;
    const cancel = byId<HTMLButtonElement>('search-cancel');
    cancel.disabled = !on;
    if (on) cancel.focus();
  }

  start(): void {
    this.cancel(true);
    const status = byId('search-status');
    const bar = byId<HTMLProgressElement>('search-progress');
    const spec = this.spec();
    let display: { z: number; scale: number };
    try {
      display = displayOf(spec.potential);
    } catch (e) {
      status.textContent = `Error: ${e instanceof Error ? e.message : String(e)}`;
      return;
    }
    const toStructure = (x: Float64Array): Structure => {
      const pos = new Float64Array(x.length);
      for (let i = 0; i < x.length; i++) pos[i] = x[i]! * display.scale;
      return createStructure({ numbers: new Uint8Array(x.length / 3).fill(display.z), positions: pos });
    };
    const w = new Worker(new URL('./search.worker.ts', import.meta.url), {
      type: 'module',
      name: 'superatom-search',
    });
    this.worker = w;
    let first = true;
    bar.value = 0;
    bar.max = 1;
    bar.removeAttribute('aria-valuetext');
    status.textContent = `Searching ${spec.atoms} atoms with ${spec.potential} (${spec.method === 'ga' ? 'genetic algorithm' : 'basin hopping'})…`;
    this.running(true);
    w.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.type === 'progress') {
        const byTime = spec.timeLimitSeconds ? m.seconds / spec.timeLimitSeconds : 0;
        const bySteps = m.total ? m.steps / m.total : 0;
        bar.value = Math.min(1, Math.max(byTime, bySteps));
        bar.setAttribute(
          'aria-valuetext',
          `step ${m.steps}${m.total ? ` of ${m.total}` : ''}, best energy ${m.bestEnergy.toFixed(6)}`,
        );
        status.textContent = `Step ${m.steps}${m.total ? ` of ${m.total}` : ''}, best energy ${m.bestEnergy.toFixed(6)}, ${m.seconds.toFixed(1)} s`;
        byId('search-progress').dataset.steps = String(m.steps);
        if (m.positions) {
          this.draw(toStructure(m.positions), first);
          first = false;
        }
      } else if (m.type === 'done') {
        bar.value = 1;
        status.textContent = `Done (${m.stopReason}): best energy ${m.bestEnergy.toFixed(6)} ${m.energyUnit} after ${m.steps} steps (first reached at step ${m.stepsToBest}), ${m.seconds.toFixed(1)} s.`;
        this.draw(toStructure(m.bestPositions), first);
        this.finish();
        this.onDone({
          spec,
          bestEnergy: m.bestEnergy,
          energyUnit: m.energyUnit,
          steps: m.steps,
          stopReason: m.stopReason,
          seconds: m.seconds,
        });
      } else {
        status.textContent = `Error: ${m.message}${m.hint ? ` — hint: ${m.hint}` : ''}`;
        this.finish();
      }
    };
    w.onerror = (e) => {
      status.textContent = `Error in the search worker: ${e.message}`;
      this.finish();
    };
    w.postMessage({ type: 'start', spec });
  }

  private finish(): void {
    this.worker?.terminate();
    this.worker = null;
    this.running(false);
  }

  /** Stop at once: terminate the worker (mid-minimisation is fine: nothing is shared). */
  cancel(silent = false): void {
    if (!this.worker) return;
    this.finish();
    if (!silent) {
      byId('search-status').textContent = 'Search cancelled.';
      byId<HTMLButtonElement>('search-start').focus();
    }
  }
}
