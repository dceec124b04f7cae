/**
 * The `Viewer` interface the workbench draws structures through, and its 3Dmol.js implementation
 * (BSD-3-Clause, ~540 kB minified; chosen over Mol* on size — Mol* pulls ~170 MB of dependencies —
 * and because it reads XYZ natively, picks atoms and colours per atom by a function). 3Dmol.js is
 * imported lazily on first use, so it never enters core code, Node tests or the first page load.
 *
 * CSP: 3Dmol.js draws with WebGL on a canvas; it evaluates text only for string callbacks, which
 * this file never passes, so the page needs no 'unsafe-eval'.
 */
import { elementByZ } from '../data/index.js';
import type { Structure } from '../structure/structure.js';

export interface Viewer {
  /** Replace the scene with `s`; `colours[i]` is atom i's colour (CSS hex). */
  show(s: Structure, colours: readonly string[], radii?: readonly number[]): void;
  /** Move the atoms of the current structure (same atoms, new coordinates, Å). */
  update(positions: Float64Array): void;
  /** Mark picked atoms (0-based). */
  highlight(indices: readonly number[]): void;
  /** Called with the 0-based index of a clicked atom. */
  onPick(cb: (index: number) => void): void;
  rotate(axis: 'x' | 'y', degrees: number): void;
  zoom(factor: number): void;
  render(): void;
  canvas(): HTMLCanvasElement | null;
}

/** The small part of the 3Dmol.js API used here (its own typings are loose and heavy). */
interface Mol3DViewer {
  addModel(data: string, format: string): unknown;
  removeAllModels(): void;
  setStyle(sel: object, style: object): void;
  addStyle(sel: object, style: object): void;
  setClickable(sel: object, clickable: boolean, cb: (atom: { index: number }) => void): void;
  zoomTo(): void;
  zoom(factor: number): void;
  rotate(deg: number, axis: string): void;
  render(): void;
  resize(): void;
}

function xyzText(s: Structure, positions: Float64Array): string {
  const n = s.numbers.length;
  const lines = [String(n), 'superatom workbench'];
  for (let i = 0; i < n; i++) {
    const sym = elementByZ(s.numbers[i]!)?.symbol ?? 'X';
    lines.push(
      `${sym} ${positions[3 * i]!.toFixed(4)} ${positions[3 * i + 1]!.toFixed(4)} ${positions[3 * i + 2]!.toFixed(4)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

class ThreeDmolViewer implements Viewer {
  private structure: Structure | null = null;
  private colours: readonly string[] = [];
  private radii: readonly number[] | undefined;
  private picked: readonly number[] = [];
  private pickCb: ((i: number) => void) | null = null;

  constructor(
    private readonly v: Mol3DViewer,
    private readonly host: HTMLElement,
  ) {}

  private styles(): void {
    const colours = this.colours;
    const radii = this.radii;
    const big = (this.structure?.numbers.length ?? 0) > 400;
    const colorfunc = (a: { index: number }) => colours[a.index] ?? '#2ca02c';
    this.v.setStyle(
      {},
      big
        ? { sphere: { colorfunc, scale: 0.32 } }
        : { sphere: { colorfunc, scale: 0.28 }, stick: { colorfunc, radius: 0.12 } },
    );
    if (radii) this.v.setStyle({}, { sphere: { colorfunc, scale: 0.3 } });
    if (this.picked.length)
      this.v.addStyle({ index: [...this.picked] }, { sphere: { color: '#00e5ff', scale: 0.45 } });
    this.v.setClickable({}, true, (atom) => this.pickCb?.(atom.index));
  }

  show(s: Structure, colours: readonly string[], radii?: readonly number[]): void {
    this.structure = s;
    this.colours = colours;
    this.radii = radii;
    this.picked = [];
    this.v.removeAllModels();
    this.v.addModel(xyzText(s, s.positions), 'xyz');
    this.styles();
    this.v.zoomTo();
    this.v.render();
  }

  update(positions: Float64Array): void {
    if (!this.structure) return;
    this.structure = { ...this.structure, positions };
    this.v.removeAllModels();
    this.v.addModel(xyzText(this.structure, positions), 'xyz');
    this.styles();
    this.v.render();
  }

  highlight(indices: readonly number[]): void {
    this.picked = indices;
    this.styles();
    this.v.render();
  }

  onPick(cb: (index: number) => void): void {
    this.pickCb = cb;
  }

  rotate(axis: 'x' | 'y', degrees: number): void {
    this.v.rotate(degrees, axis);
    this.v.render();
  }

  zoom(factor: number): void {
    this.v.zoom(factor);
    this.v.render();
  }

  render(): void {
    this.v.render();
  }

  canvas(): HTMLCanvasElement | null {
    return this.host.querySelector('canvas');
  }
}

let loading: Promise<Viewer> | null = null;

/** Create (once) the 3Dmol.js viewer inside `host`, loading the library on first call. */
export function createViewer(host: HTMLElement): Promise<Viewer> {
  loading ??= import('3dmol').then((mod) => {
    const lib = ((mod as { default?: unknown }).default ?? mod) as {
      createViewer(el: HTMLElement, cfg: object): Mol3DViewer;
    };
    const v = lib.createViewer(host, { backgroundColor: 'white', antialias: true });
    const canvas = host.querySelector('canvas');
    canvas?.setAttribute('aria-hidden', 'true');
    return new ThreeDmolViewer(v, host);
  });
  return loading;
}
