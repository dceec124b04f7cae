/**
 * The "Screening" region: a live view of the screens in the server's store (`superatom screen …
 * --db` runs them, embedded or on the queue). It polls `GET ./api/screens` every 2 s while a screen
 * is still running (every 10 s when none is, so that new screens appear), shows each screen's progress (done / total, failed, running), and the ranked
 * results of the selected one (`GET ./api/screens/<id>`: the rows of `superatom screen results`).
 * Without a server store (the static page) it says how to get one and never polls.
 */
import { byId, el, errorView, num, table } from './dom.js';

/** `GET /api/screens` row (serve/server.ts, queue/screens.ts ScreenSummary). */
interface ScreenSummary {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly cancelledAt: string | null;
  readonly jobs: number;
  readonly finished: boolean;
  readonly status: {
    readonly total: number;
    readonly done: number;
    readonly running: number;
    readonly failed: number;
    readonly pending: number;
  };
}

/** A ranked row (screen/rank.ts rowJson). */
interface RankedRow {
  readonly rank: number;
  readonly formula: string;
  readonly status: string;
  readonly electrons: number | null;
  readonly verdict: string | null;
  readonly closed: boolean;
  readonly atoms: number | null;
  readonly relax: { readonly energyPerAtom: number } | null;
  readonly gap: number | null;
}

interface ScreenDetail extends ScreenSummary {
  readonly total: number;
  readonly results: readonly RankedRow[];
}

const POLL_MS = 2000;
const IDLE_POLL_MS = 10_000;
const TOP = 20;

/** JSON from the API, or an Error carrying the API's message and hint. */
async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' } });
  const body = (await res.json()) as T & { error?: { message?: string; hint?: string } };
  if (!res.ok) {
    const e = body.error;
    throw new Error(`${e?.message ?? `HTTP ${res.status}`}${e?.hint ? ` (${e.hint})` : ''}`);
  }
  return body;
}

function progressText(s: ScreenSummary): string {
  const st = s.status;
  const parts = [`${st.done}/${st.total} done`];
  if (st.running) parts.push(`${st.running} running`);
  if (st.failed) parts.push(`${st.failed} failed`);
  if (s.cancelledAt) parts.push('cancelled');
  else if (s.finished) parts.push('complete');
  return parts.join(', ');
}

export class ScreeningPanel {
  private readonly list = byId('screens-list');
  private readonly detail = byId('screen-detail');
  private readonly status = byId('screens-status');
  private selected: string | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** The page is static or served without a store: say how to see screens here. */
  unavailable(): void {
    this.status.textContent =
      'Screens appear here when this page is served with a store: superatom serve --db <the store your screens use>.';
    document.body.dataset.screens = 'unavailable';
  }

  /** Served with a store: load the screens and follow the running ones. */
  start(): void {
    byId('screens-refresh').hidden = false;
    byId('screens-refresh').addEventListener('click', () => void this.refresh());
    void this.refresh();
  }

  /** Every 2 s while a screen runs, every 10 s otherwise (a new screen shows up); never while the tab is hidden. */
  private schedule(running: boolean): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(
      () => {
        if (document.visibilityState === 'hidden') {
          document.addEventListener('visibilitychange', () => void this.refresh(), { once: true });
        } else void this.refresh();
      },
      running ? POLL_MS : IDLE_POLL_MS,
    );
  }

  async refresh(): Promise<void> {
    try {
      const { screens } = await getJson<{ screens: ScreenSummary[] }>('./api/screens');
      this.renderList(screens);
      if (!this.selected && screens[0]) this.selected = screens[0].id;
      const detail = this.selected ? await this.loadDetail(this.selected) : null;
      const running = screens.some((s) => !s.finished) || (detail !== null && !detail.finished);
      this.status.textContent = screens.length
        ? `${screens.length} screen${screens.length > 1 ? 's' : ''} in the store${running ? '; following the running ones' : ''}.`
        : 'No screens in this store yet: superatom screen plan.yaml --db <this store> starts one.';
      document.body.dataset.screens = running ? 'running' : 'idle';
      this.schedule(running);
    } catch (e) {
      this.detail.replaceChildren(errorView(e));
      document.body.dataset.screens = 'error';
      this.schedule(false); // the server may be back later
    }
  }

  private renderList(screens: readonly ScreenSummary[]): void {
    this.list.replaceChildren(
      ...screens.map((s) => {
        const label = `${s.name} (${s.id.slice(0, 12)})`;
        const button = el('button', {
          type: 'button',
          class: 'screen-pick',
          'aria-pressed': s.id === this.selected ? 'true' : 'false',
          'data-screen': s.id,
          text: label,
        });
        button.addEventListener('click', () => {
          this.selected = s.id;
          void this.refresh();
        });
        return el(
          'li',
          { class: 'screen-item' },
          button,
          el('progress', {
            max: Math.max(1, s.status.total),
            value: s.status.done,
            'aria-label': `${label}: ${progressText(s)}`,
          }),
          el('span', { class: 'screen-progress', text: ` ${progressText(s)}` }),
          el('span', { class: 'help', text: ` — started ${s.createdAt.replace('T', ' ').slice(0, 19)}` }),
        );
      }),
    );
  }

  private async loadDetail(id: string): Promise<ScreenDetail> {
    const d = await getJson<ScreenDetail>(`./api/screens/${encodeURIComponent(id)}?limit=${TOP}`);
    const rows = d.results.map((r) => [
      r.rank,
      r.formula,
      r.status,
      r.electrons ?? '—',
      r.verdict ?? '—',
      r.closed ? 'yes' : 'no',
      r.atoms ?? '—',
      num(r.relax?.energyPerAtom, 4),
      num(r.gap, 3),
    ]);
    const more =
      d.total > d.results.length
        ? [
            el('p', {
              class: 'help',
              text: `Top ${d.results.length} of ${d.total}: superatom screen results ${d.id.slice(0, 12)} for all.`,
            }),
          ]
        : [];
    this.detail.replaceChildren(
      el('h3', { id: 'screen-detail-h', text: `${d.name}: ${progressText(d)}` }),
      d.results.length
        ? table(
            `Ranked results of screen ${d.name}`,
            [
              'Rank',
              'Formula',
              'Status',
              'Electrons (e)',
              'Verdict',
              'Closed shell',
              'Atoms',
              'Relax energy per atom (eV)',
              'Gap (eV)',
            ],
            rows,
            [true, false, false, true, false, false, true, true, true],
          )
        : el('p', { class: 'help', text: 'No results yet.' }),
      ...more,
    );
    return d;
  }
}
