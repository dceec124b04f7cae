/**
 * Mass-spectrum panel: the isotope envelope of the formula at a chosen charge (the
 * `isotopesReport` workflow of `superatom isotopes`), a measured spectrum dropped, picked or
 * pasted on top (read by the same peak-list readers as `superatom assign`), the comparison and the
 * assignment (`assignReport`), and exports as SVG (the CLI's own `spectrumSvg`), PNG and CSV.
 */
import { spectrumSvg } from '../mass/svg.js';
import {
  type AssignWorkflowReport,
  assignReport,
  type IsotopesReport,
  isotopesReport,
} from '../workflows/spectrum.js';
import { byId, chargeLabel, download, dropZone, el, errorView, facts, num, table } from './dom.js';
import { SpectrumPlot } from './plot.js';

export interface Measured {
  readonly text: string;
  readonly name: string;
}

export interface SpectrumState {
  readonly formula: string;
  readonly charge: number | undefined;
  readonly measured: Measured | null;
}

export interface SpectrumResult {
  readonly isotopes: IsotopesReport;
  readonly assign: AssignWorkflowReport | null;
}

function decimals(z: number): number {
  return z === 0 ? 4 : Math.max(4, Math.min(6, Math.ceil(Math.log10(Math.abs(z) * 1000))));
}

export class SpectrumPanel {
  private readonly plot = new SpectrumPlot(byId('plot'));
  private last: { report: IsotopesReport; measured: { mz: number; intensity: number }[] } | null = null;
  measured: Measured | null = null;

  constructor(private readonly onMeasuredChange: () => void) {
    const file = byId<HTMLInputElement>('spectrum-file');
    const text = byId<HTMLTextAreaElement>('spectrum-text');
    const load = async (f: File) => {
      this.measured = { text: await f.text(), name: f.name };
      text.value = '';
      this.onMeasuredChange();
    };
    file.addEventListener('change', () => {
      const f = file.files?.[0];
      if (f) void load(f);
    });
    dropZone(byId('spectrum-drop'), (f) => void load(f));
    byId('spectrum-apply').addEventListener('click', () => {
      if (text.value.trim()) this.measured = { text: text.value, name: 'pasted peaks' };
      this.onMeasuredChange();
    });
    byId('spectrum-clear').addEventListener('click', () => {
      this.measured = null;
      text.value = '';
      file.value = '';
      this.onMeasuredChange();
    });
    byId('zoom-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const min = Number(byId<HTMLInputElement>('zoom-from').value);
      const max = Number(byId<HTMLInputElement>('zoom-to').value);
      this.plot.zoom(Number.isFinite(min) && Number.isFinite(max) ? { min, max } : null);
    });
    byId('zoom-reset').addEventListener('click', () => this.plot.zoom(null));
    byId('export-svg').addEventListener('click', () => this.exportSvg());
    byId('export-png').addEventListener('click', () => void this.exportPng());
    byId('export-csv').addEventListener('click', () => this.exportCsv());
  }

  /** Recompute for the formula; returns the reports (or null when the formula has no envelope). */
  update(state: SpectrumState): SpectrumResult | null {
    const err = byId('spectrum-error');
    const summary = byId('envelope-summary');
    const assignOut = byId('assign-out');
    err.replaceChildren();
    if (!state.formula.trim()) {
      summary.textContent = 'Type a formula to see its isotope envelope.';
      this.plot.destroy();
      this.last = null;
      return null;
    }
    let res: ReturnType<typeof isotopesReport>;
    try {
      res = isotopesReport({
        formula: state.formula,
        ...(state.charge !== undefined ? { charge: state.charge } : {}),
        ...(state.measured ? { measuredText: state.measured.text, measuredName: state.measured.name } : {}),
      });
    } catch (e) {
      summary.textContent = 'No envelope: see the error.';
      err.replaceChildren(errorView(e, state.measured?.text.split('\n')[0]));
      this.plot.destroy();
      this.last = null;
      assignOut.replaceChildren();
      return null;
    }
    const r = res.report;
    const d = decimals(r.charge);
    const unit = r.charge === 0 ? 'mass (Da)' : 'm/z';
    const top = res.measured ? Math.max(...res.measured.map((p) => p.intensity), 0) : 0;
    const measured = (res.measured ?? []).map((p) => ({
      mz: p.mz,
      intensity: top > 0 ? (100 * p.intensity) / top : 0,
    }));
    this.last = { report: r, measured };
    summary.textContent = `${r.formula}, z = ${chargeLabel(r.charge)}: most abundant ${unit} ${r.mostAbundantMz.toFixed(d)}, monoisotopic ${r.monoisotopicMz.toFixed(d)}, average ${r.averageMz.toFixed(d)}; ${r.peaks.length} peaks.`;
    this.plot.show({
      theory: r.peaks,
      measured,
      unit,
      label: { mz: r.mostAbundantMz, text: r.mostAbundantMz.toFixed(d) },
    });
    byId('peak-table').replaceChildren(
      table(
        'Isotope envelope peaks',
        [unit, 'intensity %', 'probability'],
        r.peaks.map((p) => [p.mz.toFixed(d), p.intensity.toFixed(2), p.probability.toExponential(4)]),
        [true, true, true],
      ),
    );
    let assign: AssignWorkflowReport | null = null;
    const nodes: Node[] = [];
    if (r.comparison) {
      const c = r.comparison;
      nodes.push(
        el('h3', { text: 'Comparison with the measured spectrum' }),
        facts([
          ['measured peaks', String(c.peakCount)],
          ['match score', `${c.score.toFixed(3)} (contrast angle ${c.contrastAngleDeg.toFixed(1)}°)`],
          [
            'matched',
            `${c.matchedPeaks} of ${c.simulatedPeaks} simulated peaks; ${c.unexplainedPeaks} unexplained`,
          ],
          ['m/z error', c.ppmError === null ? '—' : `${num(c.ppmError, 2)} ppm`],
          [
            'calibration offset',
            c.calibrationOffsetPpm === null ? '—' : `${num(c.calibrationOffsetPpm, 2)} ppm`,
          ],
        ]),
      );
      if (c.notes.length) nodes.push(el('ul', {}, ...c.notes.map((n) => el('li', { text: n }))));
    }
    if (state.measured) {
      try {
        assign = assignReport({
          peaksText: state.measured.text,
          peaksName: state.measured.name,
          candidates: [state.formula],
          ...(state.charge !== undefined
            ? { charges: [state.charge] }
            : { charges: [-4, -3, -2, -1, 1, 2, 3, 4] }),
        }).report;
        nodes.push(this.assignView(assign));
      } catch (e) {
        nodes.push(errorView(e));
      }
    }
    assignOut.replaceChildren(...nodes);
    return { isotopes: r, assign };
  }

  private assignView(a: AssignWorkflowReport): HTMLElement {
    const box = el('div', {}, el('h3', { text: 'Assignments' }));
    if (a.assignments.length === 0)
      box.append(el('p', { text: 'No candidate ion matches the measured peaks.' }));
    else {
      box.append(
        table(
          'Assigned ions, best first',
          ['ion', 'z', 'most abundant m/z', 'ppm error', 'score', 'matched peaks'],
          a.assignments.map((s) => [
            s.label,
            chargeLabel(s.charge),
            s.mostAbundantMz.toFixed(4),
            num(s.ppmError, 2),
            s.score.toFixed(3),
            `${s.matchedPeaks}/${s.theoreticalPeaks}`,
          ]),
          [false, true, true, true, true, true],
        ),
      );
    }
    if (a.notes.length) box.append(el('ul', {}, ...a.notes.map((n) => el('li', { text: n }))));
    return box;
  }

  private baseName(): string {
    return (
      (this.last?.report.formula ?? 'spectrum').replace(/[^A-Za-z0-9()[\]+-]+/g, '_').slice(0, 60) ||
      'spectrum'
    );
  }

  exportSvg(): void {
    if (!this.last) return;
    const r = this.last.report;
    const svg = spectrumSvg({
      title: `${r.formula} (z = ${chargeLabel(r.charge)})`,
      sticks: r.peaks,
      ...(this.last.measured.length ? { measured: this.last.measured } : {}),
      markers: [
        { mz: r.mostAbundantMz, label: `most abundant ${r.mostAbundantMz.toFixed(decimals(r.charge))}` },
      ],
    });
    download(`${this.baseName()}.svg`, svg, 'image/svg+xml');
  }

  async exportPng(): Promise<void> {
    const blob = await this.plot.png();
    if (blob) download(`${this.baseName()}.png`, blob);
  }

  /** CSV: one block per series, m/z and intensity in percent of the tallest. */
  csv(): string {
    if (!this.last) return '';
    const r = this.last.report;
    const d = decimals(r.charge);
    const lines = ['series,mz,intensity_percent,probability'];
    for (const p of r.peaks)
      lines.push(
        `theoretical,${p.mz.toFixed(d)},${p.intensity.toFixed(4)},${p.probability.toExponential(6)}`,
      );
    for (const p of this.last.measured) lines.push(`measured,${p.mz.toFixed(d)},${p.intensity.toFixed(4)},`);
    return `${lines.join('\n')}\n`;
  }

  exportCsv(): void {
    if (this.last) download(`${this.baseName()}.csv`, this.csv(), 'text/csv');
  }
}
