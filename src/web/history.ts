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

/** A row of `GET /api/results`, whatever exact shape the server gives, as a history entry. */
function fromServer(row: Record<string, unknown>): HistoryEntry {
  const report = row.report ?? row.result ?? row;
  const r = (report ?? {}) as Record<string, unknown>;
  const input = String(row.input ?? row.formula ?? r.formula ?? row.inputs ?? row.name ?? '');
  const kind = String(row.kind ?? row.command ?? row.workflow ?? row.type ?? 'result');
  const time = String(row.time ?? row.createdAt ?? row.created_at ?? row.created ?? '');
  const summary = String(row.summary ?? row.title ?? (r.pointGroup ? `point group ${r.pointGroup}` : ''));
  return {
    id: row.id as string | number | undefined,
    kind,
    input: typeof input === 'string' ? input : JSON.stringify(input),
    summary,
    time,
    report,
  };
}

/** The shared store behind `superatom serve --db …`. */
export class ServerHistory implements History {
  readonly served = true;
  constructor(readonly where: string) {}

  async add(e: HistoryEntry): Promise<void> {
    // best effort: a server without POST /api/results (or a read-only store) keeps nothing
    await fetch('./api/results', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(e),
    }).catch(() => undefined);
  }

  async list(query: string, limit = 50): Promise<HistoryEntry[]> {
    const url = `./api/results?${new URLSearchParams({ ...(query ? { q: query } : {}), limit: String(limit) })}`;
    const res = await fetch(url, { headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`the server answered ${res.status} for ${url}`);
    const body = (await res.json()) as unknown;
    const rows = Array.isArray(body)
      ? body
      : ((body as { results?: unknown[]; items?: unknown[] }).results ??
        (body as { items?: unknown[] }).items ??
        []);
    return rows.map((r) => fromServer(r as Record<string, unknown>)).filter((e) => matches(e, query));
  }

  all(): Promise<HistoryEntry[]> {
    return this.list('', 1000);
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
        const h = (await res.json()) as { store?: unknown; db?: unknown };
        const store = h.store ?? h.db;
        if (store) {
          return new ServerHistory(
            `Results saved by anyone on this server's store (${typeof store === 'string' ? store : 'shared'}).`,
          );
        }
      }
    } catch {
      // static site: no API
    }
  }
  return new BrowserHistory();
}
