/**
 * The built-in engine: applies pending Prisma migrations with `pg`, keeping `_prisma_migrations`
 * exactly as Prisma does, under Prisma's advisory lock. Safer than Prisma: a migration is atomic
 * together with its bookkeeping unless PostgreSQL forbids it; then it runs in segments, and a
 * failure says exactly which statements are committed. Each migration is one round trip when atomic.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { MigrateActionsError } from '../errors.js';
import { redact } from '../postgres/redact.js';
import { formatDuration, plural } from '../report/format.js';
import type { ConnectionSettings } from '../postgres/url.js';
import { summarizeStatement, type SqlStatement } from '../sql/parser.js';
import { bookkeeping, compareHistory, readAppliedRows } from './history.js';
import { acquireAdvisoryLock, releaseAdvisoryLock, type SessionInfo } from './locks.js';
import {
  planMigrations,
  planOf,
  prepareMigration,
  selectUpTo,
  type MigrationMode,
  type MigrationPlan,
  type PreparedMigration,
  type Segment,
} from './plan.js';
import { readMigrationsDir, type LocalMigration } from './reader.js';
import { failedStatement, runScript, type ScriptOutcome, type ScriptPart } from './script.js';
import { connect, createMigrationsTable, ensureSchema, refuseFailedMigrations, serverMajor, toSettings } from './session.js';
import { BlockerWatch } from './blockers.js';
import { blockersAfterTheFact, connectionLost, failureError, findInvalidIndex, isConnectionLoss, type FailureContext } from './failure.js';
import type { Engine } from './engine.js';
import { attachRecoveryPlan, forgetCatalogBefore, rememberCatalogBefore } from './recovery-store.js';

export const DEFAULT_MIGRATIONS_DIR = 'prisma/migrations';

export interface ApplyOptions {
  connection: ConnectionSettings | string;
  dir?: string;
  /** Already-read migrations (skips reading `dir`). */
  migrations?: LocalMigration[];
  lockTimeoutMs?: number;
  statementTimeoutMs?: number;
  /** How many times a migration is retried after a lock timeout (55P03). */
  retries?: number;
  retryBackoffMs?: number;
  /** How long to wait for Prisma's advisory lock (default 10 s, like Prisma). */
  advisoryLockTimeoutMs?: number;
  /** Statements slower than this are reported through `log` (default 2 s). */
  slowStatementMs?: number;
  dryRun?: boolean;
  /** Apply pending migrations up to and including this name. */
  upTo?: string;
  log?: (line: string) => void;
  /**
   * Keep Prisma's strict behaviour: a failed migration's row stays failed and blocks later deploys
   * (P3009) even when nothing of it was committed. By default such an attempt is recorded rolled back.
   */
  strictFailures?: boolean;
  /** 'prisma' delegates to the project's Prisma CLI (see prisma-cli.ts). */
  engine?: Engine;
  prisma?: import('./prisma-cli.js').PrismaCliOptions;
}

export interface AppliedMigration {
  name: string;
  mode: MigrationMode;
  durationMs: number;
  statements: number;
  retries: number;
  /** Duration of each statement, in file order (builtin engine). */
  statementDurationsMs?: number[];
}

export interface ApplyResult {
  engine: Engine;
  dryRun: boolean;
  schema: string;
  applied: AppliedMigration[];
  /** Pending migrations not applied by this run (after `upTo`, or all of them in a dry run). */
  notApplied: string[];
  /** What would run (dry run) or what ran. */
  plan: MigrationPlan[];
  createdMigrationsTable: boolean;
  durationMs: number;
  /** Redacted output of the Prisma CLI (engine 'prisma'). */
  output?: string;
  prismaVersion?: string;
}

interface RunContext {
  client: pg.Client;
  settings: ConnectionSettings;
  options: ApplyOptions;
  pid: number;
  watch: BlockerWatch;
}

export async function applyMigrations(options: ApplyOptions): Promise<ApplyResult> {
  if (options.engine === 'prisma') {
    const { applyWithPrismaCli } = await import('./prisma-cli.js');
    return applyWithPrismaCli(options);
  }
  const started = performance.now();
  const settings = toSettings(options.connection);
  const local = options.migrations ?? (await readMigrationsDir(options.dir ?? DEFAULT_MIGRATIONS_DIR)).migrations;
  const result: ApplyResult = {
    engine: 'builtin',
    dryRun: Boolean(options.dryRun),
    schema: settings.schema,
    applied: [],
    notApplied: [],
    plan: [],
    createdMigrationsTable: false,
    durationMs: 0,
  };
  if (options.dryRun) {
    const plan = await planMigrations({ connection: settings, migrations: local, upTo: options.upTo });
    return {
      ...result,
      plan: plan.migrations,
      notApplied: [...plan.migrations.map((m) => m.name), ...plan.later],
      durationMs: performance.now() - started,
    };
  }
  const client = await connect(settings, 'prisma-migrate-actions apply');
  try {
    const major = await serverMajor(client);
    await ensureSchema(client, settings.schema);
    await acquireAdvisoryLock(client, options.advisoryLockTimeoutMs);
    const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    const ctx: RunContext = { client, settings, options, pid, watch: new BlockerWatch(settings, pid) };
    try {
      await applyPending(ctx, local, major, result);
    } finally {
      await ctx.watch.close();
      await releaseAdvisoryLock(client).catch(() => undefined); // a dead session has released it already
    }
    result.durationMs = performance.now() - started;
    return result;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function applyPending(ctx: RunContext, local: LocalMigration[], major: number, result: ApplyResult): Promise<void> {
  const { client, settings, options } = ctx;
  const rows = await readAppliedRows(client, settings.schema); // read under the lock: nothing runs twice
  if (rows !== null) refuseFailedMigrations(rows);
  const { selected, rest } = selectUpTo(compareHistory(local, rows).pending, options.upTo);
  result.notApplied = rest.map((m) => m.name);
  const prepared = await prepareAll(selected, major);
  if (rows === null) {
    await createMigrationsTable(client, settings.schema);
    result.createdMigrationsTable = true;
  }
  result.plan = prepared.map(planOf);
  if (!prepared.length) options.log?.('No pending migrations to apply.');
  for (const migration of prepared) {
    try {
      result.applied.push(await applyOne(ctx, migration));
    } catch (error) {
      if (error instanceof MigrateActionsError) {
        Object.assign(error.details ?? {}, { appliedBefore: result.applied.map((a) => a.name) });
      }
      throw error;
    }
  }
}

/** Parses every pending migration before any runs: a syntax error anywhere changes nothing. */
async function prepareAll(migrations: LocalMigration[], major: number): Promise<PreparedMigration[]> {
  try {
    return await Promise.all(migrations.map((m) => prepareMigration(m, major)));
  } catch (error) {
    if (!(error instanceof MigrateActionsError)) throw error;
    throw new MigrateActionsError(error.code, `${error.message}. Nothing was applied: every pending migration is parsed before any runs.`, {
      where: error.where,
      remedy: error.remedy,
      details: { ...error.details, nothingApplied: true },
      cause: error,
    });
  }
}

async function applyOne(ctx: RunContext, prepared: PreparedMigration): Promise<AppliedMigration> {
  const { name } = prepared.migration;
  ctx.options.log?.(`Applying ${name} (${plural(prepared.statements.length, 'statement')}, ${prepared.mode})`);
  const started = performance.now();
  const state: MigrationRun = { id: randomUUID(), retries: 0, durations: [] };
  if (prepared.mode === 'atomic') await withRetries(ctx, prepared, state, undefined, () => runAtomic(ctx, prepared, state));
  else await runInSteps(ctx, prepared, state);
  const durationMs = performance.now() - started;
  ctx.options.log?.(`Applied ${name} in ${formatDuration(durationMs)}`);
  return {
    name,
    mode: prepared.mode,
    durationMs,
    statements: prepared.statements.length,
    retries: state.retries,
    statementDurationsMs: state.durations,
  };
}

interface MigrationRun {
  id: string;
  retries: number;
  durations: number[];
  /** Statements committed so far (segmented and script modes). */
  committed?: SqlStatement[];
}

function timeoutSettings(options: ApplyOptions, scope: 'LOCAL' | 'SESSION'): ScriptPart[] {
  const set = scope === 'LOCAL' ? 'SET LOCAL' : 'SET';
  const parts: ScriptPart[] = [];
  if (options.lockTimeoutMs !== undefined) parts.push({ text: `${set} lock_timeout = ${Math.round(options.lockTimeoutMs)}` });
  if (options.statementTimeoutMs !== undefined)
    parts.push({ text: `${set} statement_timeout = ${Math.round(options.statementTimeoutMs)}` });
  return parts;
}

function statementParts(statements: SqlStatement[]): ScriptPart[] {
  return statements.map((statement) => ({ text: statement.text, statement }));
}

/** Durations of the migration's own statements, reporting slow ones. */
function recordDurations(
  ctx: RunContext,
  prepared: PreparedMigration,
  parts: ScriptPart[],
  outcome: ScriptOutcome,
  state: MigrationRun,
): void {
  const slow = ctx.options.slowStatementMs ?? 2000;
  outcome.durationsMs.forEach((ms, i) => {
    const statement = parts[i]?.statement;
    if (!statement) return;
    state.durations.push(ms);
    if (ms >= slow)
      ctx.options.log?.(
        `  slow statement in ${prepared.migration.name} line ${statement.line} took ${formatDuration(ms)}: ${summarizeStatement(statement.text, 80)}`,
      );
  });
}

/** One transaction: BEGIN, timeouts, bookkeeping row, the statements, finished, COMMIT. */
async function runAtomic(ctx: RunContext, prepared: PreparedMigration, state: MigrationRun): Promise<void> {
  const { schema } = ctx.settings;
  const parts: ScriptPart[] = [
    { text: 'BEGIN' },
    ...timeoutSettings(ctx.options, 'LOCAL'),
    { text: bookkeeping.insertStarted(schema, state.id, prepared.migration) },
    ...statementParts(prepared.statements),
    { text: bookkeeping.markFinished(schema, state.id) },
    { text: 'COMMIT' },
  ];
  const outcome = await runWatched(ctx, parts);
  recordDurations(ctx, prepared, parts, outcome, state);
  if (!outcome.error) return;
  if (isConnectionLoss(outcome.error)) throw await connectionLost(ctx.settings, prepared, state.id, []);
  await ctx.client.query('ROLLBACK');
  throw await failureFor(ctx, prepared, outcome, [], state);
}

async function runWatched(ctx: RunContext, parts: ScriptPart[]): Promise<ScriptOutcome> {
  if (ctx.options.lockTimeoutMs !== undefined) ctx.watch.arm(ctx.options.lockTimeoutMs);
  try {
    return await runScript(ctx.client, parts);
  } finally {
    ctx.watch.disarm();
  }
}

async function failureFor(
  ctx: RunContext,
  prepared: PreparedMigration,
  outcome: ScriptOutcome,
  committed: SqlStatement[],
  state: MigrationRun,
): Promise<MigrateActionsError> {
  const statement = failedStatement(outcome);
  await ctx.watch.settle();
  let blockers = ctx.watch.lastSeen;
  if (!blockers.length && outcome.error?.code === '55P03')
    blockers = await blockersAfterTheFact(ctx.client, statement, ctx.settings.schema);
  const invalidIndex = await findInvalidIndex(ctx.client, statement, ctx.settings.schema);
  const context: FailureContext = {
    prepared,
    outcome,
    committed: [...committed],
    retries: state.retries,
    blockers,
    statement,
    strict: Boolean(ctx.options.strictFailures),
  };
  const error = failureError(context, invalidIndex);
  if (prepared.mode !== 'atomic' && !error.details?.nothingApplied)
    await attachRecoveryPlan(ctx.client, state.id, prepared, statement?.index, committed, error);
  return error;
}

/**
 * Retries a unit of work (a whole atomic migration, or one segment) after lock timeouts, with
 * exponential backoff, reporting the blocking sessions each time. Other failures record the
 * failed row and propagate.
 */
async function withRetries(
  ctx: RunContext,
  prepared: PreparedMigration,
  state: MigrationRun,
  segment: Segment | undefined,
  unit: () => Promise<void>,
): Promise<void> {
  const retries = ctx.options.retries ?? 0;
  for (;;) {
    ctx.watch.reset();
    try {
      await unit();
      return;
    } catch (error) {
      const lockTimeout = error instanceof MigrateActionsError && error.details?.sqlState === '55P03';
      if (lockTimeout && state.retries < retries) {
        state.retries++;
        const wait = (ctx.options.retryBackoffMs ?? 1000) * 2 ** (state.retries - 1);
        const blockers = (error.details?.blockers as SessionInfo[] | undefined) ?? [];
        ctx.options.log?.(
          `  lock timeout in ${prepared.migration.name}${segment ? ` (statement at line ${segment.statements[0].line})` : ''}; blocked by ${blockers.length ? blockers.map((b) => `pid ${b.pid} (${b.applicationName})`).join(', ') : 'unknown sessions'}; retry ${state.retries}/${retries} in ${formatDuration(wait)}`,
        );
        state.durations = state.durations.slice(0, (state.committed ?? []).length);
        await new Promise((resolve) => setTimeout(resolve, wait));
        continue;
      }
      await recordFailedRow(ctx, prepared, state, error);
      throw error;
    }
  }
}

/**
 * Records the failed attempt (logs = the error), unless the connection is gone: rolled back when
 * nothing of it is committed (the next apply retries it), else the failed row Prisma would leave.
 */
async function recordFailedRow(ctx: RunContext, prepared: PreparedMigration, state: MigrationRun, error: unknown): Promise<void> {
  if (error instanceof MigrateActionsError && error.code === 'E_CONNECTION_LOST') return;
  const logs = redact(error instanceof Error ? error.message : String(error));
  const rolledBack = error instanceof MigrateActionsError && error.details?.recordedRolledBack === true;
  const sql =
    prepared.mode === 'atomic'
      ? bookkeeping.insertFailed(ctx.settings.schema, state.id, prepared.migration, logs, rolledBack)
      : bookkeeping.setLogs(ctx.settings.schema, state.id, logs, rolledBack);
  await ctx.client.query(sql);
}

/** Segmented and script modes: the row is committed first, so an interruption leaves a failed row. */
async function runInSteps(ctx: RunContext, prepared: PreparedMigration, state: MigrationRun): Promise<void> {
  const { schema } = ctx.settings;
  state.committed = [];
  // The catalog before it, for the recovery plan should it fail half-way (recovery-store.ts).
  await rememberCatalogBefore(ctx.client, state.id, prepared).catch((error: unknown) =>
    ctx.options.log?.(`  could not store the catalog before ${prepared.migration.name} (recover needs it): ${redact(String(error))}`),
  );
  await ctx.client.query(bookkeeping.insertStarted(schema, state.id, prepared.migration));
  const units = prepared.mode === 'script' ? [{ transactional: false, statements: prepared.statements }] : prepared.segments;
  for (const segment of units) {
    await withRetries(ctx, prepared, state, segment, () => runSegment(ctx, prepared, segment, state));
  }
  await ctx.client.query(bookkeeping.markFinished(schema, state.id));
  await forgetCatalogBefore(ctx.client, state.id);
}

async function runSegment(ctx: RunContext, prepared: PreparedMigration, segment: Segment, state: MigrationRun): Promise<void> {
  const committed = state.committed!;
  const script = prepared.mode === 'script';
  let parts: ScriptPart[];
  if (segment.transactional) {
    parts = [{ text: 'BEGIN' }, ...timeoutSettings(ctx.options, 'LOCAL'), ...statementParts(segment.statements), { text: 'COMMIT' }];
  } else {
    // A non-transactional statement must be alone in its query string.
    const settings = timeoutSettings(ctx.options, 'SESSION');
    if (settings.length) await ctx.client.query(settings.map((p) => p.text).join('; '));
    parts = statementParts(segment.statements); // script mode: the file's own BEGIN/COMMIT included
  }
  const outcome = await runWatched(ctx, parts);
  if (!segment.transactional) await ctx.client.query('RESET lock_timeout; RESET statement_timeout').catch(() => undefined);
  recordDurations(ctx, prepared, parts, outcome, state);
  if (!outcome.error) {
    committed.push(...segment.statements);
    return;
  }
  if (isConnectionLoss(outcome.error)) throw await connectionLost(ctx.settings, prepared, state.id, committed);
  if (segment.transactional || script) await ctx.client.query('ROLLBACK').catch(() => undefined);
  throw await failureFor(ctx, prepared, outcome, committed, state);
}
