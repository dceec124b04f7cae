/**
 * Time limits and cancellation hold inside long steps (issue 17 item 1): a search of many atoms
 * with a short limit stops within one poll of the limit, even in the middle of the first local
 * minimisation or while a GA builds its population. Time is virtual here: the injected clock
 * advances with the work done (1 ms per evaluation of the potential), so the tests are
 * deterministic and untimed.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { createLennardJones } from '../potential/lennard-jones.js';
import type { Potential } from '../potential/types.js';
import { basinHopping } from './basin-hopping.js';
import { geneticAlgorithm } from './genetic.js';
import { randomCluster } from './geometry.js';
import { createFire, createLbfgs } from './local.js';

/** LJ whose evaluations advance a virtual clock by 1 ms each. */
function countingLj(): { pot: Potential; evals: () => number; now: () => number } {
  const lj = createLennardJones();
  let n = 0;
  const pot: Potential = {
    ...lj,
    evaluate(x, f, a) {
      n++;
      return lj.evaluate(x, f, a);
    },
  };
  return { pot, evals: () => n, now: () => n };
}

describe('time limits inside long steps', () => {
  // 400 atoms: n² = 1.6·10⁵ < the poll work, so the poll fires every other evaluation
  const N = 400;
  for (const method of ['bh', 'ga'] as const) {
    it(`${method}: a 0.05 s limit on ${N} atoms stops within a few evaluations of it (first minimisation needs hundreds)`, () => {
      const { pot, evals, now } = countingLj();
      const options = { potential: pot, atoms: N, rng: createRng(1), timeLimitSeconds: 0.05, now };
      const r = method === 'bh' ? basinHopping(options) : geneticAlgorithm(options);
      expect(r.stopReason).toBe('time-limit');
      // 50 virtual ms = 50 evaluations; one poll interval (2 evaluations) of margin
      expect(evals()).toBeLessThanOrEqual(53);
      // no minimum was finished: none is reported as one
      expect(r.minima.length).toBe(0);
      expect(r.bestEnergy).toBe(Infinity);
    });
  }

  it('a cancellation during the first minimisation stops the search at the next poll', () => {
    const { pot, evals } = countingLj();
    const signal = {
      get aborted() {
        return evals() >= 30;
      },
    };
    const r = basinHopping({ potential: pot, atoms: N, rng: createRng(2), signal });
    expect(r.stopReason).toBe('cancelled');
    expect(evals()).toBeLessThanOrEqual(33);
  });

  it('a limit that allows whole steps still records their minima (small clusters are unaffected)', () => {
    const { pot, now } = countingLj();
    const r = basinHopping({ potential: pot, atoms: 13, rng: createRng(3), timeLimitSeconds: 2, now });
    expect(r.stopReason).toBe('time-limit');
    expect(r.steps).toBeGreaterThan(5);
    expect(Number.isFinite(r.bestEnergy)).toBe(true);
  });

  for (const [name, make] of [
    ['L-BFGS', createLbfgs],
    ['FIRE', createFire],
  ] as const) {
    it(`${name} polls shouldStop inside the minimisation and says it stopped (not converged)`, () => {
      const { pot, evals } = countingLj();
      const x = randomCluster(N, pot.nearestNeighbour, createRng(4));
      const r = make().minimize(pot, x, { fmax: 1e-6, shouldStop: () => evals() >= 20 });
      expect(r.stopped).toBe(true);
      expect(r.converged).toBe(false);
      expect(evals()).toBeLessThanOrEqual(23);
    });
  }
});
