/**
 * The built-in engine: applies pending Prisma migrations with `pg`, keeping `_prisma_migrations`
 * exactly as Prisma does, under Prisma's advisory lock. Safer than Prisma: a migration is atomic
 * together with its bookkeeping unless PostgreSQL forbids it; then it runs in segments, and a
 * failure says exactly which statements are committed. Each migration is one round trip when atomic.
 *
 * Over 500 lines (about 550) on purpose: the run loop, its segments (plain, batched, resumed) and the
 * bookkeeping that must commit with them share one RunContext and read best in one place; the
 * batching, recovery snapshots and failure descriptions already live in their own modules.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { MigrateActionsError } from '../errors.js';
import { redact } from '../postgres/redact.js';
import { formatDuration, plural } from '../report/format.js';
import type { ConnectionSettings } from '../postgres/url.js';
import { endWithoutWaiting } from '../postgres/client.js';
import { summarizeStatement, type SqlStatement } from '../sql/parser.js';
import { bookkeeping, compareHistory, readAppliedRows } from './history.js';
import { acquireAdvisoryLock, releaseAdvisoryLock, type SessionInfo, type StaleLockTakeOver } from './locks.js';
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
import {
  checkOnItsOwnSession,
  connectWhileChecking,
  createMigrationsTable,
  ensureSchema,
  refuseFailedMigrations,
  serverMajor,
  toSettings,
  type TargetCheck,
} from './session.js';
import { BlockerWatch } from './blockers.js';
import { blockersAfterTheFact, connectionLost, failureError, findInvalidIndex, isConnectionLoss, type FailureContext } from './failure.js';
import type { Engine } from './engine.js';
import { ensureProgressTable } from './batch/checkpoint.js';
import { resolveBatchKey } from './batch/key.js';
import { DIRECTIVE_PREFIX } from './batch/directive.js';
import { resumableRuns, type ResumableRun } from './batch/resume.js';
import { runBatchedStatement, type BatchRunSummary } from './batch/run.js';
import {
  attachRecoveryPlan,
  catalogKnownAfterFailure,
  forgetCatalogBefore,
  rememberCatalogAfterFailure,
  rememberCatalogBefore,
} from './recovery-store.js';

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
  /** End an idle session of this tool that has held the migration lock past the stale threshold. */
  takeOverStaleLock?: boolean;
  /** How long an idle holder must have been idle to count as stale (default 10 min). */
  staleLockAgeMs?: number;
  /** Statements (or a transaction's statements together) slower than this are reported through `log` (default 2 s). */
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
  /**
   * The caller's check that the target may be migrated (assertMigrationTarget), run on the
   * engine's session while it reads the folders; nothing changes before it passes.
   */
  targetCheck?: TargetCheck;
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
  /** How long its statements took, one entry per round trip, in file order (builtin engine). */
  roundTrips?: RoundTrip[];
  /** Statements run in batches: rows, rate, per-batch timings. */
  batches?: BatchRunSummary[];
  /** The run continued a batched statement an earlier run left mid-way. */
  resumed?: boolean;
}

/**
 * Statements that went to the server in one query, and how long they took together. PostgreSQL
 * answers such a query only when all of it has run, so a statement has a time of its own only
 * when it ran alone: a non-transactional or batched statement, or an atomic migration's only one.
 */
export interface RoundTrip {
  /** Lines in migration.sql of the first statement and of the last. */
  lines: [number, number];
  statements: number;
  durationMs: number;
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
  /** The stale lock holder this run ended (take-over-stale-lock). */
  staleLockTakeOver?: StaleLockTakeOver;
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
    await checkOnItsOwnSession(toSettings(options.connection), options.targetCheck);
    await warnIgnoredDirectives(options);
    const { applyWithPrismaCli } = await import('./prisma-cli.js');
    return applyWithPrismaCli(options);
  }
  const started = performance.now();
  const settings = toSettings(options.connection);
  if (options.dryRun) await checkOnItsOwnSession(settings, options.targetCheck);
  const reading = options.migrations ?? readMigrationsDir(options.dir ?? DEFAULT_MIGRATIONS_DIR).then((d) => d.migrations);
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
    const plan = await planMigrations({ connection: settings, migrations: await reading, upTo: options.upTo });
    return {
      ...result,
      plan: plan.migrations,
      notApplied: [...plan.migrations.map((m) => m.name), ...plan.later],
      durationMs: performance.now() - started,
    };
  }
  const [client, local] = await connectWhileChecking(settings, 'prisma-migrate-actions apply', options.targetCheck, reading);
  let finished = false;
  try {
    const major = await serverMajor(client);
    await ensureSchema(client, settings.schema);
    result.staleLockTakeOver = await acquireAdvisoryLock(client, {
      timeoutMs: options.advisoryLockTimeoutMs,
      takeOverStale: options.takeOverStaleLock,
      staleAfterMs: options.staleLockAgeMs,
      log: options.log,
    });
    const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    const ctx: RunContext = { client, settings, options, pid, watch: new BlockerWatch(settings, pid) };
    try {
      await applyPending(ctx, local, major, result);
    } finally {
      await ctx.watch.close();
      await releaseAdvisoryLock(client).catch(() => undefined); // a dead session has released it already
    }
    result.durationMs = performance.now() - started;
    finished = true;
    return result;
  } finally {
    // A failure may be followed here by the deploy's failure policy, which can restore over this
    // database: the session is gone before that. After a finished run nothing needs to wait for it.
    if (finished) endWithoutWaiting(client);
    else await client.end().catch(() => undefined);
  }
}

/** The Prisma CLI runs a batched statement whole: say so before it does. */
async function warnIgnoredDirectives(options: ApplyOptions): Promise<void> {
  const local = options.migrations ?? (await readMigrationsDir(options.dir ?? DEFAULT_MIGRATIONS_DIR).catch(() => undefined))?.migrations;
  for (const m of local ?? [])
    if (m.sql.includes(DIRECTIVE_PREFIX))
      options.log?.(
        `${m.name} has a batch directive; the Prisma CLI ignores it and runs the statement whole, in one transaction with the rest of the file (use engine builtin to run it in batches)`,
      );
}

async function applyPending(ctx: RunContext, local: LocalMigration[], major: number, result: ApplyResult): Promise<void> {
  const { client, settings, options } = ctx;
  const rows = await readAppliedRows(client, settings.schema); // read under the lock: nothing runs twice
  const resumable = rows ? await resumableRuns(client, rows, local) : [];
  if (rows !== null) refuseFailedMigrations(rows.filter((row) => !resumable.some((r) => r.row.id === row.id)));
  const { selected, rest } = selectUpTo(compareHistory(local, rows).pending, options.upTo);
  result.notApplied = rest.map((m) => m.name);
  const resumed = await prepareAll(
    client,
    resumable.map((r) => r.migration),
    major,
  );
  const prepared = await prepareAll(client, selected, major);
  if (rows === null) {
    await createMigrationsTable(client, settings.schema);
    result.createdMigrationsTable = true;
  }
  result.plan = [...resumed, ...prepared].map((p) => planOf(p));
  if (!prepared.length && !resumed.length) options.log?.('No pending migrations to apply.');
  const runs: Array<[PreparedMigration, ResumableRun | undefined]> = [
    ...resumed.map((p, i): [PreparedMigration, ResumableRun] => [p, resumable[i]]),
    ...prepared.map((p): [PreparedMigration, undefined] => [p, undefined]),
  ];
  for (const [migration, resume] of runs) {
    try {
      result.applied.push(await applyOne(ctx, migration, resume));
    } catch (error) {
      if (error instanceof MigrateActionsError) {
        Object.assign(error.details ?? {}, { appliedBefore: result.applied.map((a) => a.name) });
      }
      throw error;
    }
  }
}

/**
 * Parses every pending migration, and checks the keys of batched statements on tables that exist,
 * before any runs: a syntax or directive error anywhere changes nothing.
 */
async function prepareAll(client: pg.Client, migrations: LocalMigration[], major: number): Promise<PreparedMigration[]> {
  try {
    const prepared = await Promise.all(migrations.map((m) => prepareMigration(m, major)));
    for (const p of prepared)
      for (const b of p.batched) await resolveBatchKey(client, b, { file: p.migration.sqlPath, migration: p.migration.name });
    return prepared;
  } catch (error) {
    if (!(error instanceof MigrateActionsError)) throw error;
    throw new MigrateActionsError(
      error.code,
      `${error.message.replace(/\.$/, '')}. Nothing was applied: every pending migration is parsed before any runs.`,
      {
        where: error.where,
        remedy: error.remedy,
        details: { ...error.details, nothingApplied: true },
        cause: error,
      },
    );
  }
}

async function applyOne(ctx: RunContext, prepared: PreparedMigration, resume?: ResumableRun): Promise<AppliedMigration> {
  const { name } = prepared.migration;
  ctx.options.log?.(
    resume
      ? `Resuming ${name} at its batched statement on line ${resume.running.statementLine}`
      : `Applying ${name} (${plural(prepared.statements.length, 'statement')}, ${prepared.mode})`,
  );
  if (prepared.batched.length && !resume)
    ctx.options.log?.(`  ${name} has batched statements: the statements before each commit first, then its batches one by one`);
  const started = performance.now();
  const state: MigrationRun = { id: resume?.row.id ?? randomUUID(), retries: 0, roundTrips: [], batches: [] };
  if (prepared.mode === 'atomic') await withRetries(ctx, prepared, state, undefined, () => runAtomic(ctx, prepared, state));
  else await runInSteps(ctx, prepared, state, resume);
  const durationMs = performance.now() - started;
  ctx.options.log?.(`Applied ${name} in ${formatDuration(durationMs)}`);
  return {
    name,
    mode: prepared.mode,
    durationMs,
    statements: prepared.statements.length,
    retries: state.retries,
    roundTrips: state.roundTrips,
    ...(state.batches.length ? { batches: state.batches } : {}),
    ...(resume ? { resumed: true } : {}),
  };
}

interface MigrationRun {
  id: string;
  retries: number;
  /** Round trips that succeeded (a failed attempt that is retried leaves none). */
  roundTrips: RoundTrip[];
  /** Statements committed so far (segmented and script modes). */
  committed?: SqlStatement[];
  batches: BatchRunSummary[];
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

/** How long a round trip's statements took, reporting them when slow. */
function recordRoundTrip(
  ctx: RunContext,
  prepared: PreparedMigration,
  statements: SqlStatement[],
  durationMs: number,
  state: MigrationRun,
): void {
  if (!statements.length) return;
  const first = statements[0];
  const last = statements[statements.length - 1];
  state.roundTrips.push({ lines: [first.line, last.line], statements: statements.length, durationMs });
  if (durationMs < (ctx.options.slowStatementMs ?? 2000)) return;
  const { name } = prepared.migration;
  ctx.options.log?.(
    statements.length === 1
      ? `  slow statement in ${name} line ${first.line} took ${formatDuration(durationMs)}: ${summarizeStatement(first.text, 80)}`
      : `  slow statements in ${name} lines ${first.line}–${last.line} took ${formatDuration(durationMs)} together (${statements.length} statements in one query; PostgreSQL does not say how long each took)`,
  );
}

/** One transaction: BEGIN, timeouts, the statements, the bookkeeping row, COMMIT. */
async function runAtomic(ctx: RunContext, prepared: PreparedMigration, state: MigrationRun): Promise<void> {
  const { schema } = ctx.settings;
  const parts: ScriptPart[] = [
    { text: 'BEGIN' },
    ...timeoutSettings(ctx.options, 'LOCAL'),
    ...statementParts(prepared.statements),
    { text: bookkeeping.insertApplied(schema, state.id, prepared.migration) },
    { text: 'COMMIT' },
  ];
  const outcome = await runWatched(ctx, parts);
  if (!outcome.error) return recordRoundTrip(ctx, prepared, prepared.statements, outcome.durationMs, state);
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
  if (prepared.mode !== 'atomic' && !error.details?.nothingApplied) {
    if (catalogKnownAfterFailure(prepared))
      await rememberCatalogAfterFailure(ctx.client, state.id, prepared, invalidIndex).catch(catalogNotStored(ctx, prepared));
    await attachRecoveryPlan(ctx.client, state.id, prepared, statement?.index, committed, error);
  }
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

const catalogNotStored = (ctx: RunContext, prepared: PreparedMigration) => (error: unknown) =>
  ctx.options.log?.(`  could not store the catalog before ${prepared.migration.name} (recover needs it): ${redact(String(error))}`);

/**
 * Segmented and script modes: the row is committed first, so an interruption leaves a failed row
 * (or, inside a batched statement, a checkpoint the next apply resumes from: `resume`).
 */
async function runInSteps(ctx: RunContext, prepared: PreparedMigration, state: MigrationRun, resume?: ResumableRun): Promise<void> {
  const { schema } = ctx.settings;
  state.committed = [];
  // The catalog before it, for the recovery plan should it fail half-way (recovery-store.ts).
  const snapshotFirst = !resume && !catalogKnownAfterFailure(prepared);
  if (snapshotFirst) await rememberCatalogBefore(ctx.client, state.id, prepared).catch(catalogNotStored(ctx, prepared));
  if (!resume) await ctx.client.query(bookkeeping.insertStarted(schema, state.id, prepared.migration));
  const units: Segment[] = prepared.mode === 'script' ? [{ transactional: false, statements: prepared.statements }] : prepared.segments;
  const from = resume ? units.findIndex((u) => u.batch?.statement.index === resume.running.statementIndex) : 0;
  if (from < 0) throw new Error(`internal: no batched statement ${resume?.running.statementIndex} in ${prepared.migration.name}`);
  let finished = false;
  for (const [i, segment] of units.entries()) {
    if (i < from) {
      state.committed.push(...segment.statements); // committed by the interrupted run
      continue;
    }
    const last = i === units.length - 1;
    if (segment.batch) {
      await runBatchSegment(ctx, prepared, segment, state, last, i === from ? resume : undefined);
      finished = last;
    } else await withRetries(ctx, prepared, state, segment, () => runSegment(ctx, prepared, segment, state));
  }
  if (!finished) await ctx.client.query(bookkeeping.markFinished(schema, state.id));
  if (snapshotFirst || resume) await forgetCatalogBefore(ctx.client, state.id);
}

/** A batched statement; when it is the migration's last, its final batch also finishes the row. */
async function runBatchSegment(
  ctx: RunContext,
  prepared: PreparedMigration,
  segment: Segment,
  state: MigrationRun,
  last: boolean,
  resume: ResumableRun | undefined,
): Promise<void> {
  const batched = segment.batch!;
  const { migration } = prepared;
  try {
    await ensureProgressTable(ctx.client);
    const summary = await runBatchedStatement({
      client: ctx.client,
      migrationId: state.id,
      migrationName: migration.name,
      checksum: migration.checksum,
      batched,
      where: { file: migration.sqlPath, migration: migration.name },
      lockTimeoutMs: ctx.options.lockTimeoutMs || undefined,
      statementTimeoutMs: ctx.options.statementTimeoutMs || undefined,
      retries: ctx.options.retries || undefined,
      finishSql: last ? bookkeeping.markFinished(ctx.settings.schema, state.id) : undefined,
      resume: resume?.running,
      log: ctx.options.log,
    });
    state.batches.push(summary);
    // Its batches log their own progress: a long backfill is not a slow statement.
    const line = batched.statement.line;
    state.roundTrips.push({ lines: [line, line], statements: 1, durationMs: summary.durationMs });
    state.committed!.push(batched.statement);
  } catch (error) {
    const cause = (error instanceof MigrateActionsError ? error.cause : error) as { code?: string; message?: string } | undefined;
    if (cause && isConnectionLoss(cause))
      throw new MigrateActionsError(
        'E_CONNECTION_LOST',
        `The connection was lost while ${migration.name} ran its batched statement on line ${batched.statement.line}; the batches committed before it are checkpointed.`,
        {
          where: { file: migration.sqlPath, line: batched.statement.line, migration: migration.name },
          remedy: 'Apply again when the database is reachable: the statement resumes after its last committed batch.',
          cause: error,
        },
      );
    await recordFailedRow(ctx, prepared, state, error).catch(() => undefined);
    throw error;
  }
}

async function runSegment(ctx: RunContext, prepared: PreparedMigration, segment: Segment, state: MigrationRun): Promise<void> {
  const committed = state.committed!;
  const script = prepared.mode === 'script';
  let parts: ScriptPart[];
  let sessionSettings = false;
  if (segment.transactional) {
    parts = [{ text: 'BEGIN' }, ...timeoutSettings(ctx.options, 'LOCAL'), ...statementParts(segment.statements), { text: 'COMMIT' }];
  } else {
    // A non-transactional statement must be alone in its query string.
    const settings = timeoutSettings(ctx.options, 'SESSION');
    sessionSettings = settings.length > 0;
    if (sessionSettings) await ctx.client.query(settings.map((p) => p.text).join('; '));
    parts = statementParts(segment.statements); // script mode: the file's own BEGIN/COMMIT included
  }
  const outcome = await runWatched(ctx, parts);
  // Reset when set here, or when the file may have set them itself (script mode): not per statement.
  if (sessionSettings || script) await ctx.client.query('RESET lock_timeout; RESET statement_timeout').catch(() => undefined);
  if (!outcome.error) {
    recordRoundTrip(ctx, prepared, segment.statements, outcome.durationMs, state);
    committed.push(...segment.statements);
    return;
  }
  if (isConnectionLoss(outcome.error)) throw await connectionLost(ctx.settings, prepared, state.id, committed);
  if (segment.transactional || script) await ctx.client.query('ROLLBACK').catch(() => undefined);
  throw await failureFor(ctx, prepared, outcome, committed, state);
}
