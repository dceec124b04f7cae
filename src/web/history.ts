/**
 * History of results. Served by `superatom serve` with a store: the results saved by anyone on that
 * store (`GET ./api/results?q=…`), and new results posted to `POST ./api/results`. Static (no back
 * end, or the API answers no health check): results kept in this browser's IndexedDB, searchable
 * and exportable as JSON.
 */

export interface HistoryEntry {
  /** Local id (IndexedDB) or the store's id. */
  readonly id?: string | number;
  /** 'formula' | 'isotopes' | 'analyze' | 'search' … */
  readonly kind: string;
  /** What was asked: the formula, the file name, the search spec. */
  readonly input: string;
  /** One-line result. */
  readonly summary: string;
  /** ISO time. */
  readonly time: string;
  /** The whole JSON report. */
  readonly report?: unknown;
}

export interface History {
  readonly where: string;
  readonly served: boolean;
  add(e: HistoryEntry): Promise<void>;
  list(query: string, limit?: number): Promise<HistoryEntry[]>;
  all(): Promise<HistoryEntry[]>;
  clear(): Promise<void>;
}

const DB = 'superatom-workbench';
const STORE = 'history';

function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function matches(e: HistoryEntry, q: string): boolean {
  if (!q) return true;
  const hay = `${e.kind} ${e.input} ${e.summary}`.toLowerCase();
  return q
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}

/** IndexedDB history (falls back to memory when IndexedDB is unavailable, e.g. private windows). */
export class BrowserHistory implements History {
  readonly where = 'Results are kept in this browser (IndexedDB) and can be exported as JSON.';
  readonly served = false;
  private db: Promise<IDBDatabase | null>;
  private memory: HistoryEntry[] = [];

  constructor() {
    this.db = new Promise((resolve) => {
      try {
        const open = indexedDB.open(DB, 1);
        open.onupgradeneeded = () =>
          open.result.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => resolve(null);
      } catch {
        resolve(null);
      }
    });
  }

  async add(e: HistoryEntry): Promise<void> {
    const db = await this.db;
    if (!db) {
      this.memory.push({ ...e, id: this.memory.length + 1 });
      return;
    }
    const { id: _drop, ...rest } = e;
    await req(db.transaction(STORE, 'readwrite').objectStore(STORE).add(rest));
  }

  async all(): Promise<HistoryEntry[]> {
    const db = await this.db;
    const list = db
      ? ((await req(db.transaction(STORE).objectStore(STORE).getAll())) as HistoryEntry[])
      : this.memory;
    return [...list].reverse();
  }

  async list(query: string, limit = 50): Promise<HistoryEntry[]> {
    return (await this.all()).filter((e) => matches(e, query)).slice(0, limit);
  }

  async clear(): Promise<void> {
    const db = await this.db;
    this.memory = [];
    if (db) await req(db.transaction(STORE, 'readwrite').objectStore(STORE).clear());
  }
}

/** A row of `GET /api/results` (`resultJson` of the store: id, kind, formula, createdAt, report, hill, electronCount, pointGroup, energy …) as a history entry. */
function fromServer(row: Record<string, unknown>): HistoryEntry {
  const prov = (row.provenance ?? {}) as { inputs?: Record<string, unknown> | null };
  const inputs = prov.inputs ?? {};
  const input = String(row.formula ?? inputs.formula ?? inputs.name ?? inputs.potential ?? '');
  const parts = [
    typeof row.hill === 'string' ? row.hill : null,
    typeof row.electronCount === 'number' ? `${row.electronCount} e` : null,
    typeof row.pointGroup === 'string' ? `point group ${row.pointGroup}` : null,
    typeof row.energy === 'number' ? `energy ${row.energy}` : null,
  ].filter(Boolean);
  return {
    ...(row.id !== undefined ? { id: row.id as string } : {}),
    kind: String(row.kind ?? 'result'),
    input,
    summary: parts.join('; '),
    time: String(row.createdAt ?? ''),
    report: row.report,
  };
}

/** What the store keeps for a page entry: its own report kinds (count, analyze) and the inputs that make the id. */
function toStore(e: HistoryEntry): { kind: string; report: unknown; inputs: unknown } | null {
  const r = e.report as Record<string, unknown> | undefined;
  if (!r) return null;
  if (e.kind === 'formula')
    return r.count ? { kind: 'count', report: r.count, inputs: { formula: e.input, rule: 'auto' } } : null;
  if (e.kind === 'analyze')
    return { kind: 'analyze', report: r, inputs: { name: e.input, formula: r.formula, atoms: r.atoms } };
  if (e.kind === 'search')
    return { kind: 'search', report: r, inputs: (r as { spec?: unknown }).spec ?? { input: e.input } };
  return { kind: e.kind, report: r, inputs: { input: e.input } };
}

/** The shared store behind `superatom serve --db …` (GET/POST /api/results). */
export class ServerHistory implements History {
  readonly served = true;
  constructor(readonly where: string) {}

  async add(e: HistoryEntry): Promise<void> {
    const body = toStore(e);
    if (!body) return;
    // best effort: a refused save (read-only store, limits) keeps nothing and says nothing
    await fetch('./api/results', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).catch(() => undefined);
  }

  /** The newest results of the store (the API filters by formula/kind/elements; free text is matched here). */
  async list(query: string, limit = 50): Promise<HistoryEntry[]> {
    const url = './api/results?limit=200';
    const res = await fetch(url, { headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`the server answered ${res.status} for ${url}`);
    const body = (await res.json()) as { results?: unknown[] };
    return (body.results ?? [])
      .map((r) => fromServer(r as Record<string, unknown>))
      .filter((e) => matches(e, query))
      .slice(0, limit);
  }

  all(): Promise<HistoryEntry[]> {
    return this.list('', 200);
  }

  async clear(): Promise<void> {
    // the shared store is not cleared from the page
  }
}

/** Served with a store when `./api/health` answers and says so; otherwise the browser's own history. */
export async function openHistory(): Promise<History> {
  if (location.protocol === 'http:' || location.protocol === 'https:') {
    try {
      const res = await fetch('./api/health', { headers: { accept: 'application/json' } });
      if (res.ok && (res.headers.get('content-type') ?? '').includes('json')) {
        const h = (await res.json()) as { store?: unknown };
        if (h.store) return new ServerHistory("Results saved by anyone on this server's store.");
      }
    } catch {
      // static site: no API
    }
  }
  return new BrowserHistory();
}
