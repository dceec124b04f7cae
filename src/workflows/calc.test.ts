/**
 * The pure part of `calc`: dual descriptor, Fukui from charges, exposure by coordination, the site
 * ranking, and the empirical-potential Calculator adapter.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { potentialCalculator } from '../potential/calculator.js';
import { createPotential } from '../potential/spec.js';
import { mackayIcosahedron } from '../structure/builders/clusters.js';
import { createStructure } from '../structure/structure.js';
import { dualDescriptor, exposedAtoms, fukuiFromCharges, fukuiReport, rankSites } from './calc.js';

describe('dual descriptor and Fukui indices', () => {
  it('dual = f+ − f−; f0 the mean unless given', () => {
    expect(dualDescriptor([0.3, 0.1], [0.1, 0.4])).toEqual([0.3 - 0.1, 0.1 - 0.4]);
    const f = fukuiReport([0.2, 0.8], [0.6, 0.4]);
    expect(f.zero).toEqual([0.4, 0.6000000000000001]);
    expect(() => dualDescriptor([1], [1, 2])).toThrow(RangeError);
  });
  it('from charges: f+ = q(N) − q(N+1), f− = q(N−1) − q(N); each sums to one electron', () => {
    // two atoms: the added electron goes 70 % to atom 1, the removed one 40 % from atom 1
    const qN = [0.1, -0.1];
    const qAnion = [0.1 - 0.7, -0.1 - 0.3];
    const qCation = [0.1 + 0.4, -0.1 + 0.6];
    const f = fukuiFromCharges(qN, qAnion, qCation);
    expect(f.plus[0]).toBeCloseTo(0.7, 12);
    expect(f.minus[1]).toBeCloseTo(0.6, 12);
    expect(f.plus.reduce((a, b) => a + b)).toBeCloseTo(1, 12);
    expect(f.minus.reduce((a, b) => a + b)).toBeCloseTo(1, 12);
  });
});

describe('exposure and site ranking', () => {
  const au55 = mackayIcosahedron(2, { z: 79, bond: 2.884 });
  it('Mackay icosahedra: the 13-atom core of Au55 is buried, the 42 shell atoms exposed', () => {
    const { exposed, coordination } = exposedAtoms(au55);
    const r = au55.positions;
    const radius = (i: number) => Math.hypot(r[3 * i]!, r[3 * i + 1]!, r[3 * i + 2]!);
    for (let i = 0; i < 55; i++) {
      expect(exposed[i]).toBe(radius(i) > 3.5); // the core reaches 2.884 Å, the shell starts at 5.2 Å
      if (radius(i) < 3.5) expect(coordination[i]).toBe(12);
    }
    expect(exposed.filter(Boolean)).toHaveLength(42);
  });
  it('ranks exposed atoms: nucleophilic by largest dual > 0, electrophilic by most negative', () => {
    const au13 = mackayIcosahedron(1, { z: 79, bond: 2.884 });
    // centre first in the builder? find it by radius
    const r = au13.positions;
    const centre = [...Array(13).keys()].find(
      (i) => Math.hypot(r[3 * i]!, r[3 * i + 1]!, r[3 * i + 2]!) < 0.1,
    )!;
    const plus = Array(13).fill(0.07);
    const minus = Array(13).fill(0.07);
    const others = [...Array(13).keys()].filter((i) => i !== centre);
    plus[centre] = 0.9; // the buried centre is never ranked, however large its index
    plus[others[0]!] = 0.2;
    plus[others[1]!] = 0.15;
    minus[others[2]!] = 0.3;
    const sites = rankSites(au13, fukuiReport(plus, minus));
    const nuc = sites.filter((s) => s.attack === 'nucleophilic');
    const ele = sites.filter((s) => s.attack === 'electrophilic');
    expect(nuc.map((s) => s.atom)).toEqual([others[0]! + 1, others[1]! + 1]);
    expect(nuc.map((s) => s.tier)).toEqual([1, 2]);
    expect(ele.map((s) => s.atom)).toEqual([others[2]! + 1]);
    expect(sites.every((s) => s.atom !== centre + 1)).toBe(true);
    expect(ele[0]!.dual).toBeCloseTo(0.07 - 0.3, 12);
  });
  it('without metals every non-H atom is a candidate; H only when asked', () => {
    const water = createStructure({
      numbers: [8, 1, 1],
      positions: [0, 0, 0, 0.757, 0.586, 0, -0.757, 0.586, 0],
    });
    const f = fukuiReport([0.5, 0.3, 0.2], [0.2, 0.4, 0.4]);
    expect(rankSites(water, f).map((s) => s.element)).toEqual(['O']);
    expect(rankSites(water, f, { elements: [1] }).map((s) => s.atom)).toEqual([3, 2]); // dual −0.2, −0.1
  });
});

describe('potentialCalculator', () => {
  it('gives the potential energy and forces in eV and eV/Å', async () => {
    const pot = createPotential('gupta:Au');
    const s = mackayIcosahedron(1, { z: 79, bond: 2.884 });
    const calc = potentialCalculator(pot);
    const out = await calc.calculate({
      numbers: s.numbers,
      positions: s.positions,
      charge: 0,
      gradient: true,
    });
    const forces = new Float64Array(39);
    expect(out.energyEv).toBe(pot.evaluate(s.positions, forces));
    expect([...out.forcesEvPerA!]).toEqual([...forces]);
    expect(out.converged).toBe(true);
  });
  it('refuses reduced units and charged input', async () => {
    expect(() => potentialCalculator(createPotential('lj'))).toThrow(InputError);
    const calc = potentialCalculator(createPotential('gupta:Au'));
    const s = mackayIcosahedron(1, { z: 79, bond: 2.884 });
    await expect(calc.calculate({ numbers: s.numbers, positions: s.positions, charge: 1 })).rejects.toThrow(
      /no charge/,
    );
  });
});
