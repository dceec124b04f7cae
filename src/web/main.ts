/**
 * Entry of the workbench page: wires the panels together, keeps the state in the URL
 * (`#formula=…&charge=…`, so a result can be sent to a colleague) and records results in the
 * history. Everything scientific runs here in the browser through the pure `workflows/` and
 * layers below them; the server (when there is one) is reached only for the shared history.
 */
import { byId, debounce, download, el, errorView } from './dom.js';
import { analyseFormula, renderCount, renderFormula } from './formula-panel.js';
import { type History, type HistoryEntry, openHistory } from './history.js';
import { ScreeningPanel } from './screening-panel.js';
import { SearchPanel } from './search-panel.js';
import { SpectrumPanel } from './spectrum-panel.js';
import { StructurePanel } from './structure-panel.js';

const formulaInput = byId<HTMLInputElement>('formula');
const chargeInput = byId<HTMLInputElement>('charge');
let history: History | null = null;
let lastRecorded = '';
let lastFormula: HistoryEntry | null = null;

function chargeValue(): number | undefined {
  const t = chargeInput.value.trim();
  if (!t) return undefined;
  const z = Number(t);
  return Number.isInteger(z) ? z : undefined;
}

/** `#formula=…&charge=…` ↔ the form. */
function stateHash(): string {
  const p = new URLSearchParams();
  if (formulaInput.value) p.set('formula', formulaInput.value);
  const z = chargeValue();
  if (z !== undefined) p.set('charge', String(z));
  return `#${p.toString()}`;
}

function readHash(): void {
  const p = new URLSearchParams(location.hash.replace(/^#/, ''));
  const f = p.get('formula');
  if (f !== null) formulaInput.value = f;
  const z = p.get('charge');
  chargeInput.value = z !== null && /^[+-]?\d+$/.test(z) ? z : '';
}

const spectrum = new SpectrumPanel(() => update());
const screening = new ScreeningPanel();

const record = debounce((e: HistoryEntry) => {
  const key = `${e.kind}|${e.input}`;
  if (key === lastRecorded) return;
  lastRecorded = key;
  void history?.add(e).then(() => refreshHistory());
}, 200);

function update(): void {
  const text = formulaInput.value;
  const errBox = byId('formula-error');
  const out = byId('formula-out');
  const countOut = byId('count-out');
  const hash = stateHash();
  if (location.hash !== hash) history_replace(hash);
  byId<HTMLAnchorElement>('share').href = hash;
  if (!text.trim()) {
    errBox.replaceChildren();
    formulaInput.removeAttribute('aria-invalid');
    out.replaceChildren(
      el('p', { class: 'help', text: 'Type a formula to see its composition and masses.' }),
    );
    countOut.replaceChildren();
    spectrum.update({ formula: '', charge: undefined, measured: null });
    document.body.dataset.formulaState = 'empty';
    return;
  }
  try {
    // timings for bench/web.bench.js (performance entries 'superatom:formula' and 'superatom:spectrum')
    const t0 = performance.now();
    const r = analyseFormula(text);
    errBox.replaceChildren();
    formulaInput.removeAttribute('aria-invalid');
    renderFormula(out, r.formula);
    renderCount(countOut, r.count);
    const t1 = performance.now();
    const s = spectrum.update({ formula: text, charge: chargeValue(), measured: spectrum.measured });
    performance.measure('superatom:formula', { start: t0, end: t1 });
    performance.measure('superatom:spectrum', { start: t1, end: performance.now() });
    document.body.dataset.formulaState = 'ok';
    const primary = r.count.results.find((x) => x.rule === r.count.primary);
    // kept for the history, which records a formula when it is committed (Enter or leaving the
    // field), not at every pause in typing: a shared store should not fill with half-typed formulas
    lastFormula = {
      kind: 'formula',
      input: text,
      summary: [
        r.formula.hill,
        primary && primary.count !== null
          ? `${primary.rule}: ${primary.count} ${primary.unit} (${primary.verdict})`
          : null,
        s ? `most abundant m/z ${s.isotopes.mostAbundantMz.toFixed(4)}` : null,
      ]
        .filter(Boolean)
        .join('; '),
      time: new Date().toISOString(),
      report: { formula: r.formula, count: r.count, isotopes: s?.isotopes ?? null },
    };
  } catch (e) {
    lastFormula = null;
    formulaInput.setAttribute('aria-invalid', 'true');
    errBox.replaceChildren(errorView(e, text));
    out.replaceChildren();
    countOut.replaceChildren(el('p', { class: 'help', text: 'No count: the formula has an error.' }));
    spectrum.update({ formula: '', charge: undefined, measured: null });
    document.body.dataset.formulaState = 'error';
  }
}

function history_replace(hash: string): void {
  window.history.replaceState(null, '', hash);
}

const structures = new StructurePanel((l) => {
  record({
    kind: 'analyze',
    input: l.name,
    summary: `${l.report.formula}, ${l.report.atoms} atoms, point group ${l.report.pointGroup}`,
    time: new Date().toISOString(),
    report: l.report,
  });
});

new SearchPanel(
  (s, first) => void structures.showPositions(s, first),
  (o) =>
    record({
      kind: 'search',
      input: `${o.spec.potential} ${o.spec.atoms} atoms (${o.spec.method ?? 'bh'}, seed ${o.spec.seed ?? 1})`,
      summary: `best energy ${o.bestEnergy.toFixed(6)} ${o.energyUnit} after ${o.steps} steps (${o.stopReason})`,
      time: new Date().toISOString(),
      report: o,
    }),
);

async function refreshHistory(): Promise<void> {
  if (!history) return;
  const q = byId<HTMLInputElement>('history-q').value.trim();
  const list = byId('history-list');
  try {
    const items = await history.list(q);
    list.replaceChildren(
      items.length
        ? el(
            'ul',
            { 'aria-label': 'History entries, newest first' },
            ...items.map((e) =>
              el(
                'li',
                { class: 'history-item' },
                el('strong', { text: `${e.kind}: ` }),
                e.kind === 'formula'
                  ? el('a', { href: `#${new URLSearchParams({ formula: e.input })}`, text: e.input })
                  : e.input,
                el('br'),
                `${e.summary}${e.time ? ` — ${e.time.replace('T', ' ').slice(0, 19)}` : ''}`,
              ),
            ),
          )
        : el('p', {
            class: 'help',
            text: q ? 'Nothing in the history matches.' : 'Nothing in the history yet.',
          }),
    );
  } catch (e) {
    list.replaceChildren(errorView(e));
  }
}

formulaInput.addEventListener('input', debounce(update, 40));
const commitFormula = () => {
  update();
  if (lastFormula) record(lastFormula);
};
formulaInput.addEventListener('change', commitFormula);
formulaInput.addEventListener('keydown', (e) => {
  if (e.key === 'Enter') commitFormula();
});
chargeInput.addEventListener('input', debounce(update, 40));
window.addEventListener('hashchange', () => {
  // in-page links (#formula-h, the skip link) are not states
  if (!/(^#|&)(formula|charge)=/.test(location.hash)) return;
  if (location.hash !== stateHash()) {
    readHash();
    update();
  }
});
document.querySelector<HTMLAnchorElement>('a.skip')?.addEventListener('click', (e) => {
  e.preventDefault();
  formulaInput.focus();
});
byId('history-q').addEventListener(
  'input',
  debounce(() => void refreshHistory(), 150),
);
byId('history-export').addEventListener('click', async () => {
  if (!history) return;
  download('superatom-history.json', `${JSON.stringify(await history.all(), null, 2)}\n`, 'application/json');
});
byId('history-clear').addEventListener('click', async () => {
  await history?.clear();
  void refreshHistory();
});

readHash();
update();
void openHistory().then((h) => {
  history = h;
  byId('history-where').textContent = h.where;
  byId('mode').textContent = h.served
    ? ' Served with a shared store.'
    : ' Static page: nothing leaves this browser.';
  if (h.served) byId<HTMLButtonElement>('history-clear').hidden = true;
  // screens live in the same store as the shared history
  if (h.served) screening.start();
  else screening.unavailable();
  document.body.dataset.history = h.served ? 'server' : 'browser';
  void refreshHistory();
});
document.body.dataset.ready = 'true';
