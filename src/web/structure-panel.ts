/**
 * Structure panel: read a file (the `io/` registry: XYZ, extXYZ, PDB, CIF, POSCAR, MOL …) or build
 * a cluster (`structure/builders`), analyse it with the `analyzeStructure` workflow of
 * `superatom analyze`, show it in the 3D viewer coloured by the anatomy (kernel centre, kernel
 * shells, staples, ligands), and report picked atoms (element, index, coordination, distances
 * and angles between picked atoms), point group, chirality, kernel shape and bonds.
 */

import { SuperatomError } from '../core/errors.js';
import { elementByZ } from '../data/index.js';
import { coordinationNumbers, findBonds } from '../structure/bonds.js';
import {
  cuboctahedron,
  decahedron,
  mackayIcosahedron,
  octahedron,
  polyhedronCluster,
  truncatedOctahedron,
} from '../structure/builders/clusters.js';
import { atomicNumberOf, defaultBondLength } from '../structure/builders/distances.js';
import { POLYHEDRON_NAMES, polyhedronInfo } from '../structure/builders/polyhedra.js';
import type { Structure } from '../structure/structure.js';
import type { AnalysisReport } from '../workflows/analyze.js';
import type { AnalyzeJob, AnalyzeRequest, AnalyzeResponse, Loaded } from './analyze-core.js';
import { byId, dropZone, el, errorView, facts, num, table } from './dom.js';
import { createViewer, type Viewer } from './viewer.js';

/** Anatomy colours (the legend's swatches use the same values in style.css). */
export const ANATOMY_COLOURS = {
  centre: '#d62728',
  kernel: '#f2c14e',
  outerKernel: '#e68a00',
  staple: '#1f77b4',
  ligand: '#8c8c8c',
  other: '#2ca02c',
} as const;

/** One colour per atom from the report's anatomy (1-based atom numbers in the report). */
export function anatomyColours(s: Structure, r: AnalysisReport): string[] {
  const n = s.numbers.length;
  const c: string[] = new Array(n).fill(ANATOMY_COLOURS.ligand);
  const k = r.anatomy.kernel;
  const kernel = new Set(k.atoms.map((a) => a - 1));
  const metalLike = (i: number) => {
    const z = s.numbers[i]!;
    return z > 2 && z !== 6 && z !== 7 && z !== 8 && z !== 9 && z !== 15 && z !== 16 && z !== 17 && z !== 34;
  };
  for (let i = 0; i < n; i++) if (metalLike(i) && !kernel.has(i)) c[i] = ANATOMY_COLOURS.other;
  for (const st of r.anatomy.staples) for (const a of st.atoms) c[a - 1] = ANATOMY_COLOURS.staple;
  for (const b of r.anatomy.bridging) for (const a of b.atoms.slice(0, 1)) c[a - 1] = ANATOMY_COLOURS.staple;
  for (const cap of r.anatomy.caps) for (const a of cap.atoms) c[a - 1] = ANATOMY_COLOURS.staple;
  // kernel: centre, then the first shell, then outer shells (by distance from the kernel centroid)
  const atoms = [...kernel];
  if (atoms.length) {
    let cx = 0;
    let cy = 0;
    let cz = 0;
    for (const i of atoms) {
      cx += s.positions[3 * i]!;
      cy += s.positions[3 * i + 1]!;
      cz += s.positions[3 * i + 2]!;
    }
    cx /= atoms.length;
    cy /= atoms.length;
    cz /= atoms.length;
    const d = (i: number) =>
      Math.hypot(s.positions[3 * i]! - cx, s.positions[3 * i + 1]! - cy, s.positions[3 * i + 2]! - cz);
    atoms.sort((a, b) => d(a) - d(b));
    let at = 0;
    const centred = k.shells[0] === 1;
    k.shells.forEach((size, shell) => {
      for (let j = 0; j < size && at < atoms.length; j++, at++) {
        const i = atoms[at]!;
        // shells counted from the first around the centre (or the innermost, for a hollow kernel)
        const fromFirst = centred ? shell - 1 : shell;
        c[i] =
          centred && shell === 0
            ? ANATOMY_COLOURS.centre
            : fromFirst % 2 === 0
              ? ANATOMY_COLOURS.kernel
              : ANATOMY_COLOURS.outerKernel;
      }
    });
    for (; at < atoms.length; at++) c[atoms[at]!] = ANATOMY_COLOURS.kernel;
  }
  return c;
}

function sym(z: number): string {
  return elementByZ(z)?.symbol ?? `Z${z}`;
}

export class StructurePanel {
  private viewer: Viewer | null = null;
  loaded: Loaded | null = null;
  private picks: number[] = [];
  private coordination: Uint16Array | null = null;

  constructor(private readonly onLoaded: (l: Loaded) => void) {
    const file = byId<HTMLInputElement>('structure-file');
    const load = async (f: File) => this.loadText(await f.text(), f.name);
    file.addEventListener('change', () => {
      const f = file.files?.[0];
      if (f) void load(f);
    });
    dropZone(byId('structure-drop'), (f) => void load(f));
    const poly = byId<HTMLSelectElement>('build-poly');
    for (const name of POLYHEDRON_NAMES) {
      const info = polyhedronInfo(name);
      poly.append(el('option', { value: name, text: `${name}${info ? ` (${info.vertices})` : ''}` }));
    }
    byId('build-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.build();
    });
    byId('pick-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const k = Number(byId<HTMLInputElement>('pick-atom').value);
      if (Number.isInteger(k) && k >= 1 && this.loaded && k <= this.loaded.structure.numbers.length)
        this.pick(k - 1);
    });
    byId('pick-clear').addEventListener('click', () => {
      this.picks = [];
      this.viewer?.highlight([]);
      this.showPicks();
    });
    for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-view]')) {
      b.addEventListener('click', () => {
        const [what, value] = (b.dataset.view ?? '').split(':');
        const v = this.viewer;
        if (!v) return;
        if (what === 'zoom') v.zoom(Number(value));
        else v.rotate(what === 'x' ? 'x' : 'y', Number(value));
      });
    }
    this.legend();
  }

  private legend(): void {
    const items: [string, string][] = [
      ['sw-centre', 'kernel centre'],
      ['sw-kernel', 'kernel, first (and third…) shell'],
      ['sw-shell2', 'kernel, second (and fourth…) shell'],
      ['sw-staple', 'staples, bridges, caps'],
      ['sw-ligand', 'ligands'],
      ['sw-other', 'other metal atoms'],
    ];
    byId('legend').replaceChildren(
      el(
        'ul',
        { 'aria-label': 'Colour legend' },
        ...items.map(([c, t]) => el('li', {}, el('span', { class: `swatch ${c}` }), t)),
      ),
    );
  }

  async getViewer(): Promise<Viewer> {
    if (!this.viewer) {
      this.viewer = await createViewer(byId('structure'));
      this.viewer.onPick((i) => this.pick(i));
    }
    return this.viewer;
  }

  private analyser: Worker | null = null;
  private requestId = 0;

  /**
   * Read and analyse in the analysis worker (a 1415-atom point group takes seconds); a newer
   * request terminates the running one. Resolves with the result, or null when replaced.
   */
  private analyse(req: AnalyzeJob): Promise<Loaded | null> {
    this.analyser?.terminate();
    const w = new Worker(new URL('./analyze.worker.ts', import.meta.url), {
      type: 'module',
      name: 'superatom-analyze',
    });
    this.analyser = w;
    const id = ++this.requestId;
    byId('structure-status').textContent = `Analysing ${req.name}…`;
    return new Promise((resolve, reject) => {
      w.onmessage = (e: MessageEvent<AnalyzeResponse>) => {
        w.terminate();
        if (this.analyser === w) this.analyser = null;
        const m = e.data;
        if (m.id !== this.requestId) resolve(null);
        else if (m.ok) resolve(m.loaded);
        else
          reject(
            new SuperatomError(m.error.code, m.error.message, {
              ...(m.error.hint ? { hint: m.error.hint } : {}),
              ...(m.error.location ? { location: m.error.location } : {}),
            }),
          );
      };
      w.onerror = (e) => {
        w.terminate();
        reject(new Error(`analysis worker: ${e.message}`));
      };
      w.postMessage({ ...req, id } as AnalyzeRequest);
    });
  }

  private async run(req: AnalyzeJob): Promise<void> {
    const err = byId('structure-error');
    err.replaceChildren();
    try {
      const l = await this.analyse(req);
      if (l) this.show(l);
    } catch (e) {
      byId('structure-status').textContent = `${req.name}: not read (see the error).`;
      err.replaceChildren(errorView(e));
    }
  }

  loadText(text: string, name: string): void {
    void this.run({ kind: 'file', text, name });
  }

  private build(): void {
    const err = byId('structure-error');
    err.replaceChildren();
    try {
      const kind = byId<HTMLSelectElement>('build-kind').value;
      const symbol = byId<HTMLInputElement>('build-element').value.trim();
      const n = Number(byId<HTMLInputElement>('build-size').value);
      const opts = { z: atomicNumberOf(symbol), bond: defaultBondLength(symbol).distanceA };
      let s: Structure;
      if (kind === 'icosahedron') s = mackayIcosahedron(n, opts);
      else if (kind === 'cuboctahedron') s = cuboctahedron(n, opts);
      else if (kind === 'octahedron') s = octahedron(n, opts);
      else if (kind === 'truncated-octahedron') s = truncatedOctahedron(n, opts);
      else if (kind === 'decahedron') {
        const [p, q, r] = byId<HTMLInputElement>('build-pqr')
          .value.split(',')
          .map((x) => Number(x.trim()));
        s = decahedron(p ?? 1, q ?? 1, r ?? 0, opts);
      } else s = polyhedronCluster(byId<HTMLSelectElement>('build-poly').value, opts);
      void this.run({ kind: 'structure', structure: s, name: `${kind} ${symbol}` });
    } catch (e) {
      err.replaceChildren(errorView(e));
    }
  }

  /** Show a loaded structure: analysis first (text), then the 3D view once 3Dmol.js is loaded. */
  show(l: Loaded): void {
    this.loaded = l;
    this.picks = [];
    const bonds = findBonds(l.structure);
    this.coordination = coordinationNumbers(l.structure, bonds);
    byId('structure-status').textContent =
      `${l.name}: ${l.report.formula}, ${l.report.atoms} atoms, point group ${l.report.pointGroup}.`;
    this.renderAnalysis(l.report);
    this.showPicks();
    this.onLoaded(l);
    const colours = anatomyColours(l.structure, l.report);
    void this.getViewer().then((v) => {
      v.show(l.structure, colours);
      byId('structure').setAttribute('data-atoms', String(l.structure.numbers.length));
    });
  }

  /** Show search positions live (same atoms every time; reduced units scaled to Å for display). */
  async showPositions(s: Structure, first: boolean): Promise<void> {
    const v = await this.getViewer();
    if (first) {
      this.loaded = null;
      v.show(s, new Array(s.numbers.length).fill(ANATOMY_COLOURS.kernel));
      byId('structure').setAttribute('data-atoms', String(s.numbers.length));
    } else v.update(s.positions);
    const frames = Number(byId('structure').dataset.frames ?? 0) + 1;
    byId('structure').dataset.frames = String(frames);
  }

  private pick(i: number): void {
    const l = this.loaded;
    if (!l) return;
    this.picks = [...this.picks.filter((p) => p !== i), i].slice(-4);
    this.viewer?.highlight(this.picks);
    this.showPicks();
  }

  private showPicks(): void {
    const out = byId('picks');
    const l = this.loaded;
    if (!l || this.picks.length === 0) {
      out.replaceChildren(el('p', { class: 'help', text: 'No atoms picked.' }));
      return;
    }
    const p = l.structure.positions;
    const rows = this.picks.map((i) => [
      String(i + 1),
      sym(l.structure.numbers[i]!),
      String(this.coordination?.[i] ?? '—'),
      `${num(p[3 * i], 3)}, ${num(p[3 * i + 1], 3)}, ${num(p[3 * i + 2], 3)}`,
    ]);
    const nodes: Node[] = [
      table('Picked atoms', ['atom', 'element', 'coordination', 'x, y, z (Å)'], rows, [
        true,
        false,
        true,
        false,
      ]),
    ];
    const dist = (a: number, b: number) =>
      Math.hypot(p[3 * a]! - p[3 * b]!, p[3 * a + 1]! - p[3 * b + 1]!, p[3 * a + 2]! - p[3 * b + 2]!);
    const geo: [string, string][] = [];
    for (let k = 1; k < this.picks.length; k++) {
      const a = this.picks[k - 1]!;
      const b = this.picks[k]!;
      geo.push([`distance ${a + 1}–${b + 1}`, `${dist(a, b).toFixed(3)} Å`]);
    }
    for (let k = 2; k < this.picks.length; k++) {
      const [a, b, c] = [this.picks[k - 2]!, this.picks[k - 1]!, this.picks[k]!];
      const u = [0, 1, 2].map((d) => p[3 * a + d]! - p[3 * b + d]!);
      const w = [0, 1, 2].map((d) => p[3 * c + d]! - p[3 * b + d]!);
      const dot = u[0]! * w[0]! + u[1]! * w[1]! + u[2]! * w[2]!;
      const cos = dot / (Math.hypot(u[0]!, u[1]!, u[2]!) * Math.hypot(w[0]!, w[1]!, w[2]!));
      geo.push([
        `angle ${a + 1}–${b + 1}–${c + 1}`,
        `${((Math.acos(Math.max(-1, Math.min(1, cos))) * 180) / Math.PI).toFixed(1)}°`,
      ]);
    }
    if (geo.length) nodes.push(facts(geo));
    out.replaceChildren(...nodes);
  }

  private renderAnalysis(r: AnalysisReport): void {
    const k = r.anatomy.kernel;
    const pairs: [string, string][] = [
      ['formula', `${r.formula} (${r.atoms} atoms)`],
      ['point group', `${r.pointGroup} (of ${r.symmetrySubset}, ${r.symmetryAtoms} atoms)`],
      [
        'deviation from the symmetry',
        `max ${r.symmetry.maxDeviation.toFixed(3)} Å, RMS ${r.symmetry.rmsDeviation.toFixed(3)} Å; S(G) = ${r.symmetry.measure.toFixed(3)}; tolerance ${r.symmetry.toleranceA.toFixed(3)} Å`,
      ],
      [
        'chirality',
        `${r.chirality.verdict} (measure ${r.chirality.measure.toFixed(3)}, nearest improper ${r.chirality.nearestImproper})`,
      ],
      [
        'kernel',
        `${k.count} atoms, shells ${k.shells.join(' + ') || '—'}${k.description ? `, ${k.description}` : ''}`,
      ],
    ];
    if (k.shape)
      pairs.push(['kernel shape', `${k.shape.best} (${k.shape.of}, CShM ${k.shape.measure.toFixed(3)})`]);
    const staples = Object.entries(r.anatomy.stapleSummary);
    if (staples.length) pairs.push(['staples', staples.map(([m, c]) => `${c} × ${m}`).join(', ')]);
    if (r.anatomy.ligands.length)
      pairs.push(['ligands', r.anatomy.ligands.map((l) => `${l.count} × ${l.formula}`).join(', ')]);
    const nodes: Node[] = [el('h3', { text: 'Analysis' }), facts(pairs)];
    if (r.bonds.length) {
      nodes.push(
        el('h3', { text: 'Bonds' }),
        table(
          'Bond table: mean, standard deviation, minimum and maximum length in Å',
          ['pair', 'class', 'count', 'mean (Å)', 'sd (Å)', 'min (Å)', 'max (Å)'],
          r.bonds.map((b) => [
            b.pair,
            b.class,
            b.count,
            b.mean.toFixed(3),
            b.sd.toFixed(3),
            b.min.toFixed(3),
            b.max.toFixed(3),
          ]),
          [false, false, true, true, true, true, true],
        ),
      );
    }
    const notes = [...r.notes, ...r.warnings];
    if (notes.length) nodes.push(el('ul', {}, ...notes.map((n) => el('li', { text: n }))));
    byId('analysis').replaceChildren(...nodes);
  }
}
