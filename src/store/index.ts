/**
 * The results store's public API for every door (CLI, server, queue workers): open a store by
 * location, build a record with its provenance from a workflow's report, save, query, export.
 *
 *   const store = await openStore(resolveLocation(undefined, process.cwd()));
 *   await store.save(buildRecord({ kind: 'count', command: 'api:countFormula', inputs, report,
 *     startedAt, endedAt, exitStatus: 0 }));
 */
export { toExtxyz, toJsonLines } from './export.js';
export type { JobEvent, JobResultRow, JobStore, ScreenInfo, ScreenJob, ScreenStatus } from './jobs.js';
export { isPostgresUrl, openStore, resolveLocation } from './open.js';
export {
  buildRecord,
  canonicalJson,
  dataVersions,
  programInfo,
  type RecordInit,
  recordId,
} from './provenance.js';
export { LATEST_SCHEMA } from './schema.js';
export type { IndexColumns, Provenance, ResultQuery, ResultRecord, Store, StoredStructure } from './types.js';
