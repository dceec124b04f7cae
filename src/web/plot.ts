/**
 * The interactive spectrum plot (uPlot, MIT, ~50 kB: chosen over Plotly/Chart.js on size and
 * speed): theoretical sticks and measured peaks on one m/z axis, drag to zoom, double-click to
 * reset, hover shows m/z and intensity in the legend. The most abundant peak is labelled on the
 * canvas (and in the text summary above the plot, which is what screen readers get).
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface PlotData {
  readonly theory: readonly { mz: number; intensity: number }[];
  readonly measured: readonly { mz: number; intensity: number }[];
  readonly label?: { mz: number; text: string };
  readonly unit: string;
}

/** Stick paths: a vertical line from 0 to y at every non-null point. */
const sticks: uPlot.Series.PathBuilder = (u, seriesIdx, idx0, idx1) => {
  const path = new Path2D();
  const xs = u.data[0];
  const ys = u.data[seriesIdx]!;
  const y0 = u.valToPos(0, 'y', true);
  for (let i = idx0; i <= idx1; i++) {
    const y = ys[i];
    if (y === null || y === undefined) continue;
    const x = Math.round(u.valToPos(xs[i]!, 'x', true)) + 0.5;
    path.moveTo(x, y0);
    path.lineTo(x, u.valToPos(y, 'y', true));
  }
  return { stroke: path, fill: null, clip: null };
};

/** Merge two stick lists onto one sorted x axis (uPlot's aligned data), nulls where a series has no point. */
export function alignedData(p: PlotData): uPlot.AlignedData {
  const all = [
    ...p.theory.map((s) => [s.mz, s.intensity, null] as const),
    ...p.measured.map((s) => [s.mz, null, s.intensity] as const),
  ].sort((a, b) => a[0] - b[0]);
  return [all.map((a) => a[0]), all.map((a) => a[1]), all.map((a) => a[2])];
}

export class SpectrumPlot {
  private plot: uPlot | null = null;
  private label: PlotData['label'];

  constructor(private readonly host: HTMLElement) {}

  private width(): number {
    return Math.max(320, Math.min(1060, this.host.clientWidth || 900));
  }

  show(p: PlotData): void {
    this.label = p.label;
    const data = alignedData(p);
    const fmt = (_u: uPlot, v: number | null) => (v === null || v === undefined ? '—' : v.toFixed(4));
    const pct = (_u: uPlot, v: number | null) => (v === null || v === undefined ? '—' : `${v.toFixed(2)} %`);
    const opts: uPlot.Options = {
      width: this.width(),
      height: 320,
      scales: { x: { time: false }, y: { range: [0, 112] } },
      axes: [{ label: p.unit }, { label: 'intensity (% of tallest)' }],
      cursor: { drag: { x: true, y: false }, points: { show: true } },
      series: [
        { label: p.unit, value: fmt },
        {
          label: 'theoretical',
          stroke: '#1f4e9c',
          width: 2,
          paths: sticks,
          points: { show: false },
          value: pct,
        },
        {
          label: 'measured',
          stroke: '#c0392b',
          width: 1.5,
          paths: sticks,
          points: { show: false },
          value: pct,
        },
      ],
      hooks: {
        draw: [
          (u) => {
            const l = this.label;
            if (!l) return;
            const x = u.valToPos(l.mz, 'x', true);
            const y = u.valToPos(100, 'y', true);
            if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) return;
            const ctx = u.ctx;
            ctx.save();
            ctx.fillStyle = '#111';
            ctx.font = `${Math.round(12 * devicePixelRatio)}px system-ui, sans-serif`;
            ctx.textAlign = 'center';
            ctx.fillText(l.text, x, y - 6 * devicePixelRatio);
            ctx.restore();
          },
        ],
      },
    };
    this.plot?.destroy();
    this.plot = new uPlot(opts, data, this.host);
    // the canvas itself is an image to assistive technology: the summary and peak table carry the data
    const canvas = this.host.querySelector('canvas');
    canvas?.setAttribute('role', 'img');
    canvas?.setAttribute(
      'aria-label',
      `Stick plot of ${p.theory.length} theoretical and ${p.measured.length} measured peaks`,
    );
  }

  /** Zoom the m/z axis (keyboard alternative to drag-zoom); null → the whole envelope. */
  zoom(range: { min: number; max: number } | null): void {
    const u = this.plot;
    if (!u) return;
    const xs = u.data[0];
    if (range && range.max > range.min) u.setScale('x', range);
    else if (xs.length) u.setScale('x', { min: xs[0]!, max: xs[xs.length - 1]! });
  }

  /** The plot as a PNG (axes, sticks and label as drawn). */
  png(): Promise<Blob | null> {
    const c = this.plot?.ctx.canvas;
    if (!c) return Promise.resolve(null);
    return new Promise((resolve) => c.toBlob(resolve, 'image/png'));
  }

  destroy(): void {
    this.plot?.destroy();
    this.plot = null;
  }
}
