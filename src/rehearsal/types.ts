/**
 * What a rehearsal at production scale reports: per statement, the locks it really took and for
 * how long, whether it rewrote a table, and how long the application's queries waited behind it.
 * `RehearsalData` is the JSON report's `data.rehearsal`, field for field.
 */
import type { ConnectionSettings } from '../postgres/url.js';
import type { RowsSpec } from './rows-spec.js';

/** What a command that rehearses takes (the options of src/commands/rehearsal-options.ts). */
export interface RehearsalSettings {
  rehearsal: 'auto' | 'off';
  /** Read-only database the sizes come from (only its statistics are read). */
  statsDatabase?: ConnectionSettings;
  rehearsalRows: RowsSpec;
  rehearsalBudget: number;
  maxBlockingMs: number;
  rehearsalTimeoutMs: number;
  /** Plans only: rehearse on this server instead of a throwaway PostgreSQL. */
  serverUrl?: string;
}

export interface ObservedLock {
  /** `schema.table`. */
  relation: string;
  /** PostgreSQL lock mode, e.g. `ACCESS EXCLUSIVE`. */
  mode: string;
  heldMs: number;
}

export interface RehearsedStatement {
  migration: string;
  line: number;
  sql: string;
  /** The strongest lock the statement took on each table, from first sight to release. */
  locks: ObservedLock[];
  durationMs: number;
  /** A table that existed before the statement got a new relfilenode (its data was rewritten). */
  rewrite: boolean;
  /** Application queries that waited for a lock while this statement (or its transaction) held one. */
  blocked: { queries: number; maxWaitMs: number };
  /** durationMs scaled linearly from the rehearsed rows to the sizes read from the stats database. */
  estimatedProductionMs?: number;
  /** The statement ran past rehearsal-timeout and was stopped; what it did until then is above. */
  timedOut?: boolean;
}

export interface RehearsalData {
  /** Rows each touched table held during the rehearsal, keyed `schema.table`. */
  rows: Record<string, number>;
  /** The budget made the rehearsal generate fewer rows than the sizes asked for. */
  scaledDown: boolean;
  /** The sizes read from stats-database-url, keyed `schema.table` (only when sizes came from a database). */
  productionRows?: Record<string, number>;
  statements: RehearsedStatement[];
}

/** Lock modes from weakest to strongest (the order of PostgreSQL's conflict table). */
export const LOCK_MODES = [
  'ACCESS SHARE',
  'ROW SHARE',
  'ROW EXCLUSIVE',
  'SHARE UPDATE EXCLUSIVE',
  'SHARE',
  'SHARE ROW EXCLUSIVE',
  'EXCLUSIVE',
  'ACCESS EXCLUSIVE',
] as const;

/** Rank of a mode (`ACCESS EXCLUSIVE (new table)` counts as ACCESS EXCLUSIVE); -1 for none/unknown. */
export function lockRank(mode: string): number {
  const base = mode.replace(/\s*\(.*\)$/, '').toUpperCase();
  return LOCK_MODES.indexOf(base as (typeof LOCK_MODES)[number]);
}

/** pg_locks' `AccessExclusiveLock` → `ACCESS EXCLUSIVE`. */
export function lockModeName(pgMode: string): string {
  return pgMode
    .replace(/Lock$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toUpperCase();
}

/** Modes that make an application's INSERT/UPDATE/DELETE wait (conflict with ROW EXCLUSIVE). */
export function blocksWrites(mode: string): boolean {
  return lockRank(mode) >= lockRank('SHARE');
}
