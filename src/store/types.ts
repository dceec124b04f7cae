import type { JobStore } from './jobs.js';

/**
 * The results store: one interface, two back ends (SQLite embedded, PostgreSQL shared).
 * A record is a JSON report kept whole, a few indexed columns taken from it, and its provenance.
 */

/** Where a result came from: enough to reproduce it and to cite the program that made it. */
export interface Provenance {
  /** The command line (`superatom count "[Au25(SR)18]-" --save`) or API call (`api:countFormula`). */
  readonly command: string;
  /** Canonical inputs: positional arguments and the options that change the result (files as sha256). */
  readonly inputs: unknown;
  /** sha256 (hex) of the canonical JSON of `inputs`. */
  readonly inputsHash: string;
  /** Superatom version (package.json). */
  readonly version: string;
  /** Git revision of the Superatom checkout that ran, or 'unknown'. */
  readonly revision: string;
  /** Data tables used: name → content fingerprint (sha256 prefix of the table). */
  readonly dataVersions: Readonly<Record<string, string>>;
  /** External engine that ran, if any (xtb, NWChem…); null for Superatom's own code. */
  readonly engine: { readonly name: string; readonly version: string } | null;
  readonly host: string;
  /** ISO 8601 UTC. */
  readonly startedAt: string;
  readonly endedAt: string;
  /** The command's exit status (0 success, 1 a negative answer). */
  readonly exitStatus: number;
}

/** A structure kept with a result (for export to extended XYZ): atomic numbers, positions in Å. */
export interface StoredStructure {
  readonly numbers: readonly number[];
  readonly positions: readonly number[];
  readonly charge?: number;
  /** 9 numbers, Å, when periodic. */
  readonly cell?: readonly number[];
  readonly title?: string;
  /** Key results of this frame (energy…), written into the extended-XYZ frame info. */
  readonly info?: Readonly<Record<string, string | number | boolean>>;
}

/** The columns people search by, taken from the report when it is saved (see indexer.ts). */
export interface IndexColumns {
  /** The formula as written in the input (or derived from a structure). */
  readonly formula: string | null;
  /** Hill formula of the composition, without charge. */
  readonly hill: string | null;
  /** Charge, e. */
  readonly charge: number | null;
  /** Element symbols, sorted. */
  readonly elements: readonly string[];
  /** Electron count of the primary counting rule, e (electron pairs counted as 2 e). */
  readonly electronCount: number | null;
  readonly pointGroup: string | null;
  /** Lowest energy reported, in the report's own unit (eV, or ε for reduced potentials). */
  readonly energy: number | null;
}

export interface ResultRecord extends IndexColumns {
  /** sha256 (hex) of the canonical JSON of { kind, inputs, version, dataVersions }. */
  readonly id: string;
  /** The command name: formula, count, isotopes, assign, analyze, compare, search, optimize… */
  readonly kind: string;
  /** ISO 8601 UTC. */
  readonly createdAt: string;
  readonly provenance: Provenance;
  readonly report: unknown;
  readonly structures: readonly StoredStructure[] | null;
}

export interface ResultQuery {
  /** Exact formula as written, or any formula with the same Hill formula and charge. */
  readonly formula?: string;
  readonly kind?: string;
  /** ISO 8601 time: records created at or after it. */
  readonly since?: string;
  /** Records containing every one of these elements. */
  readonly elements?: readonly string[];
  readonly electronCount?: number;
  readonly pointGroup?: string;
  /** Newest first; default 100. */
  readonly limit?: number;
  readonly offset?: number;
}

export interface Store {
  readonly backend: 'sqlite' | 'postgres';
  /** Screening jobs and their exactly-once results (schema version 3, see jobs.ts). */
  readonly jobs: JobStore;
  /** The file path, or the URL without its password. */
  readonly location: string;
  /** Bring the schema up to date; returns the version before and after. Refuses a newer schema. */
  migrate(): Promise<{ readonly from: number; readonly to: number }>;
  schemaVersion(): Promise<number>;
  /** Insert; false when a record with the same id is already there (nothing is changed). */
  save(record: ResultRecord): Promise<boolean>;
  /** Insert many in one transaction; returns how many were new. */
  saveMany(records: readonly ResultRecord[]): Promise<number>;
  /** By full id or a unique prefix (≥ 4 hex digits); an ambiguous prefix is an InputError. */
  get(idOrPrefix: string): Promise<ResultRecord | undefined>;
  query(q?: ResultQuery): Promise<ResultRecord[]>;
  count(q?: ResultQuery): Promise<number>;
  /** Delete by ids; returns how many were deleted. */
  delete(ids: readonly string[]): Promise<number>;
  close(): Promise<void>;
}
