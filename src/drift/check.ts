/**
 * driftCheck: a live database against its migration history, object by object.
 *
 * 1. History: the target's `_prisma_migrations` against the repository (pending, failed,
 *    edited after apply, applied but missing locally). Pending migrations are not drift.
 * 2. Expected schema: the migrations the target records as applied, replayed in its order.
 * 3. Both snapshotted with the catalog reader, diffed, and the reconcile SQL derived.
 *
 * The target is only read: its session runs with default_transaction_read_only = on and a
 * statement timeout.
 */
import path from 'node:path';
import { redactDeep } from '../postgres/redact.js';
import { parseDatabaseUrl, type ConnectionSettings } from '../postgres/url.js';
import { readMigrationsDir, type LocalMigration } from '../migrations/reader.js';
import { compareHistory, readAppliedRows, type PrismaMigrationRow } from '../migrations/history.js';
import {
  diffSnapshots,
  reconcileSql,
  snapshotSchema,
  type CatalogSnapshot,
  type ReconcileStep,
  type SchemaDifference,
} from '../catalog/index.js';
import { objectSchema } from '../catalog/identity.js';
import { OBJECT_TYPES } from '../catalog/diff.js';
import type { CatalogObject, ObjectType } from '../catalog/types.js';
import { cachedOrReplayed, comparedSchemas, replayExpected, type ExpectedCacheReport, type ExpectedSchema } from './expected.js';
import { recentComparedSchemas } from './expected-cache.js';
import { withClient, type ClientOptions } from '../postgres/client.js';
import { plural } from '../report/format.js';

export interface DriftCheckOptions {
  /** The target (production, staging …): a URL or parsed settings. Only read. */
  connection: ConnectionSettings | string;
  migrationsDir: string;
  /** Identity patterns whose differences are not reported (`public.audit_*`, `extension:pg_stat_statements`). */
  ignore?: string[];
  /** Replay on the nearest available major when the target's is not available (default true). */
  majorFallback?: boolean;
  /** Replay on this major instead of the target's. */
  replayMajor?: number;
  /** Replay on this server (its user must be allowed to CREATE DATABASE) instead of a throwaway cluster. */
  replayDatabaseUrl?: string;
  allowInstall?: boolean;
  includeGrants?: boolean;
  /** Statement timeout of the target session (default 60 s). */
  statementTimeoutMs?: number;
  log?: (line: string) => void;
  /** Replays already made in this run (a fleet's targets share one history): reused, not repeated. */
  replayCache?: ReplayCache;
  /** Directory of the expected-schema cache: an unchanged history is read from it instead of replayed. */
  cacheDir?: string;
}

/** Replayed expected schemas by major, schema, replay server and the exact migrations replayed. */
export type ReplayCache = Map<string, Promise<ExpectedSchema>>;

export const createReplayCache = (): ReplayCache => new Map();

function replayKey(options: DriftCheckOptions, schema: string, major: number, migrations: LocalMigration[]): string {
  return JSON.stringify([
    major,
    schema,
    options.replayDatabaseUrl ?? '',
    Boolean(options.includeGrants),
    migrations.map((m) => [m.name, m.checksum]),
  ]);
}

export interface HistoryReport {
  tableMissing: boolean;
  pending: string[];
  failed: Array<{ name: string; startedAt: string; logs: string | null }>;
  edited: Array<{ name: string; recordedChecksum: string; localChecksum: string }>;
  missingLocally: string[];
  /** Applied migrations in the target's order: what the replay ran. */
  replayed: string[];
}

export interface DriftResult {
  /** Schema differences or history problems (pending migrations alone are not drift). */
  drift: boolean;
  /** Schema differences plus failed, edited and missing-locally migrations. */
  driftCount: number;
  pendingCount: number;
  target: { maskedUrl: string; schema: string; serverVersion: string; serverMajor: number };
  replay: { serverMajor: number; notice?: string };
  history: HistoryReport;
  /** Schemas compared (those the history creates, plus the target's ?schema=). */
  schemas: string[];
  differences: SchemaDifference[];
  ignored: number;
  reconcile: ReconcileStep[];
  notices: string[];
  /** Where the expected schema came from: this run's replay, or the cache. */
  expectedFrom: 'replay' | 'cache';
  /** Set when a cache directory was given. */
  cache?: ExpectedCacheReport;
  timings: { replayMs: number; snapshotMs: number; diffMs: number; cacheReadMs?: number; cacheWriteMs?: number };
}

export const DEFAULT_STATEMENT_TIMEOUT_MS = 60_000;

/** The target's session: read-only by default for every transaction, with a statement timeout. */
export function targetSession(statementTimeoutMs = DEFAULT_STATEMENT_TIMEOUT_MS): ClientOptions {
  return {
    readOnly: true,
    statementTimeoutMs,
    applicationName: 'prisma-migrate-actions drift-check',
    connectRemedy:
      'Check the database URL, that the server is reachable from this runner, and the credentials (a read-only role is enough).',
  };
}

export async function driftCheck(options: DriftCheckOptions): Promise<DriftResult> {
  const settings = typeof options.connection === 'string' ? parseDatabaseUrl(options.connection) : options.connection;
  // The history is read once the target's catalog read is under way (reading thousands of files
  // first would hold up the connection); a bad migrations directory is still the error reported,
  // as when it was read first.
  let reading: ReturnType<typeof readMigrationsDir> | undefined;
  const readHistory = (): ReturnType<typeof readMigrationsDir> => (reading ??= readMigrationsDir(options.migrationsDir));
  try {
    return await checkTarget(options, settings, readHistory);
  } catch (error) {
    await readHistory();
    throw error;
  }
}

async function checkTarget(
  options: DriftCheckOptions,
  settings: ConnectionSettings,
  readHistory: () => ReturnType<typeof readMigrationsDir>,
): Promise<DriftResult> {
  // Most of a warm check is the server reading its catalog. That read starts as soon as the
  // session is open, on the schemas the newest cache entry compared (else the target's
  // ?schema=), while this process reads the history and the expected schema.
  const recent = options.cacheDir ? recentComparedSchemas(path.resolve(options.cacheDir)) : undefined;
  return withClient(settings, targetSession(options.statementTimeoutMs), async (target) => {
    const version = (
      await target.query<{ num: string; version: string }>(
        `SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version`,
      )
    ).rows[0];
    const targetMajor = Math.floor(Number(version.num) / 10000);
    const rows = await readAppliedRows(target, settings.schema);
    const guessed = await recent;
    const guess = guessed?.includes(settings.schema) ? guessed : [settings.schema];
    const expecting = async () => {
      const local = (await readHistory()).migrations;
      const history = historyReport(local, rows);
      const notices = historyNotices(history);
      options.log?.(
        `Target ${settings.maskedUrl}: PostgreSQL ${version.version}, ${plural(history.replayed.length, 'applied migration')}, ${history.pending.length} pending.`,
      );
      const expected = await expectedSnapshot(options, settings.schema, targetMajor, replayable(local, history), notices);
      return { history, notices, expected };
    };
    const {
      expected: {
        history,
        notices,
        expected: { expected, replayMajor, replayNotice, replayMs, source, cache, cacheNotices },
      },
      schemas,
      actual,
      snapshotMs,
    } = await snapshotAlongsideExpected(
      guess,
      expecting,
      (e) => comparedSchemas(e.expected.expected, settings.schema),
      (schemas) => snapshotSchema(target, { schemas, includeGrants: options.includeGrants }),
    );
    const diffStarted = performance.now();
    const diff = diffSnapshots(restrictToSchemas(expected, schemas), actual, { ignore: options.ignore });
    const reconcile = reconcileSql(diff, expected, actual);
    const diffMs = performance.now() - diffStarted;
    notices.push(...cacheNotices);
    const historyProblems = history.failed.length + history.edited.length + history.missingLocally.length;
    const driftCount = diff.differences.length + historyProblems;
    return redactDeep({
      drift: driftCount > 0,
      driftCount,
      pendingCount: history.pending.length,
      target: { maskedUrl: settings.maskedUrl, schema: settings.schema, serverVersion: version.version, serverMajor: targetMajor },
      replay: { serverMajor: replayMajor, ...(replayNotice ? { notice: replayNotice } : {}) },
      history,
      schemas,
      differences: diff.differences,
      ignored: diff.ignored,
      reconcile,
      notices: replayNotice ? [replayNotice, ...notices] : notices,
      expectedFrom: source,
      ...(cache ? { cache } : {}),
      timings: {
        replayMs,
        snapshotMs,
        diffMs,
        ...(cache?.readMs !== undefined ? { cacheReadMs: cache.readMs } : {}),
        ...(cache?.writeMs !== undefined ? { cacheWriteMs: cache.writeMs } : {}),
      },
    });
  });
}

function historyReport(local: LocalMigration[], rows: PrismaMigrationRow[] | null): HistoryReport {
  const comparison = compareHistory(local, rows);
  return {
    tableMissing: comparison.tableMissing,
    pending: comparison.pending.map((m) => m.name),
    failed: comparison.failed.map((r) => ({ name: r.migrationName, startedAt: r.startedAt.toISOString(), logs: r.logs })),
    edited: comparison.edited.map(({ migration, row }) => ({
      name: migration.name,
      recordedChecksum: row.checksum,
      localChecksum: migration.checksum,
    })),
    missingLocally: comparison.missingLocally.map((r) => r.migrationName),
    // compareHistory keeps the rows in the target's order (started_at).
    replayed: comparison.applied.map((r) => r.migrationName),
  };
}

function historyNotices(history: HistoryReport): string[] {
  const notices: string[] = [];
  if (history.tableMissing)
    notices.push(
      'The target has no _prisma_migrations table: no migration is recorded as applied, so every object in it counts as unexpected.',
    );
  for (const f of history.failed)
    notices.push(
      `Migration ${f.name} failed on the target (started ${f.startedAt}) and is not replayed: what it left behind shows as drift.`,
    );
  for (const e of history.edited)
    notices.push(
      `Migration ${e.name} was edited after it was applied (checksum ${e.recordedChecksum.slice(0, 12)}… recorded, ${e.localChecksum.slice(0, 12)}… now): the replay uses the edited file.`,
    );
  for (const name of history.missingLocally)
    notices.push(
      `Migration ${name} is applied on the target but missing from the repository: it cannot be replayed, so its objects show as unexpected.`,
    );
  return notices;
}

/** Local migrations for the applied rows, in the target's order (rows with no local folder are skipped). */
function replayable(local: LocalMigration[], history: HistoryReport): LocalMigration[] {
  const byName = new Map(local.map((m) => [m.name, m]));
  return history.replayed.flatMap((name) => byName.get(name) ?? []);
}

/**
 * The target's snapshot, sent at once on the schemas guessed, then the expected schema: the
 * server reads its catalog while this process reads the history and the expected schema. The
 * guess only saves time — when the schemas to compare turn out different, the snapshot is taken
 * again.
 */
export async function snapshotAlongsideExpected<E>(
  guess: string[],
  expected: () => Promise<E>,
  schemasOf: (expected: E) => string[],
  snapshot: (schemas: string[]) => Promise<CatalogSnapshot>,
): Promise<{ expected: E; schemas: string[]; actual: CatalogSnapshot; snapshotMs: number }> {
  const timed = (schemas: string[]): Promise<{ actual: CatalogSnapshot; snapshotMs: number }> => {
    const started = performance.now();
    return snapshot(schemas).then((actual) => ({ actual, snapshotMs: performance.now() - started }));
  };
  const early = timed(guess);
  early.catch(() => undefined); // awaited below, whatever the expected schema does
  let result: E;
  try {
    result = await expected();
  } catch (error) {
    await early.catch(() => undefined); // the session is free again before it closes
    throw error;
  }
  const schemas = schemasOf(result);
  const guessed = guess.length === schemas.length && guess.every((s, i) => s === schemas[i]);
  // A wrong guess is read again once the first read has ended: the session runs one query at a time.
  const { actual, snapshotMs } = await (guessed ? early : early.catch(() => undefined).then(() => timed(schemas)));
  return { expected: result, schemas, actual, snapshotMs };
}

async function expectedSnapshot(
  options: DriftCheckOptions,
  schema: string,
  targetMajor: number,
  migrations: LocalMigration[],
  notices: string[],
): Promise<ExpectedSchema> {
  const major = options.replayMajor ?? targetMajor;
  const cache = options.replayCache;
  const key = cache && replayKey(options, schema, major, migrations);
  let replay = key ? cache.get(key) : undefined;
  if (!replay) {
    replay = options.cacheDir
      ? cachedOrReplayed(options, options.cacheDir, schema, major, migrations)
      : replayExpected(options, schema, major, migrations);
    if (key) cache!.set(key, replay);
  } else
    options.log?.(
      `Reusing the replay of ${plural(migrations.length, 'applied migration')} on PostgreSQL ${major} made for another target.`,
    );
  const result = await replay;
  const mismatch =
    !result.replayNotice && result.expected.serverMajor !== targetMajor
      ? `The history was replayed on PostgreSQL ${result.expected.serverMajor}; the target runs ${targetMajor}.`
      : undefined;
  if (mismatch) notices.push(mismatch);
  return result;
}

function restrictToSchemas(snapshot: CatalogSnapshot, schemas: string[]): CatalogSnapshot {
  const keep = new Set(schemas);
  const outside = (type: ObjectType, o: CatalogObject): boolean => !keep.has(objectSchema(type, o) ?? '');
  // Usually nothing is outside (the replay reads the target's schema only): no copy of 10⁵ entries then.
  const types = OBJECT_TYPES.filter((type) => type !== 'extension');
  if (!types.some((type) => Object.values(snapshot.objects[type] as Record<string, CatalogObject>).some((o) => outside(type, o))))
    return { ...snapshot, schemas: [...schemas] };
  const objects = { ...snapshot.objects };
  for (const type of types) {
    const entries = Object.entries(snapshot.objects[type]) as Array<[string, CatalogObject]>;
    (objects as Record<string, unknown>)[type] = Object.fromEntries(entries.filter(([, o]) => !outside(type, o)));
  }
  return { ...snapshot, schemas: [...schemas], objects };
}
