/**
 * Screens in a store, as the CLI (`superatom screen status|results|list`) and the server
 * (`GET /api/screens`, `/api/screens/<id>`) show them: find one by id, prefix or name, its plan,
 * its results ranked by the plan's ranking, and a JSON summary with its job counts.
 */
import { InputError } from '../core/errors.js';
import type { JobResult } from '../screen/job.js';
import type { Plan } from '../screen/plan.js';
import { rankRows, type ScreenRow } from '../screen/rank.js';
import type { ScreenInfo, ScreenStatus, Store } from '../store/index.js';

/** The screen named by `key` (full id, id prefix of ≥ 4 hex digits, or name), else the newest. */
export async function findScreen(store: Store, key: string | undefined): Promise<ScreenInfo> {
  const s = key ? await store.jobs.getScreen(key) : (await store.jobs.listScreens())[0];
  if (!s) {
    throw new InputError(
      'screen-unknown',
      key ? `no screen "${key}" in this database` : 'no screen in this database yet',
      { hint: 'superatom screen list shows the screens; start one with superatom screen plan.yaml' },
    );
  }
  return s;
}

export function planOf(s: ScreenInfo): Plan {
  return (s.plan as { plan: Plan }).plan;
}

/** Ranked rows of a screen's results. */
export async function screenRows(store: Store, s: ScreenInfo): Promise<ScreenRow[]> {
  const rows = (await store.jobs.results(s.id)).map((r) => ({
    jobId: r.jobId,
    index: r.index,
    vars: r.vars,
    result: r.result as JobResult,
  }));
  return rankRows(rows, planOf(s).rank);
}

/** A screen without its plan text, with its job counts and whether it is still going. */
export interface ScreenSummary {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly cancelledAt: string | null;
  readonly jobs: number;
  readonly status: ScreenStatus;
  /** Every job has a result or failed, or the screen was cancelled. */
  readonly finished: boolean;
}

export async function screenSummary(store: Store, s: ScreenInfo): Promise<ScreenSummary> {
  const status = await store.jobs.status(s.id);
  return {
    id: s.id,
    name: s.name,
    createdAt: s.createdAt,
    cancelledAt: s.cancelledAt,
    jobs: s.jobs,
    status,
    finished: status.cancelled || status.done + status.failed >= status.total,
  };
}
