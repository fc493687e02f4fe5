/**
 * Runs one batched statement: keyset batches of `size` keys in key order, each its own short
 * transaction restricted by the statement's own WHERE, with the checkpoint written in the same
 * transaction. Lock timeouts are retried per batch with backoff; batches pause between each other
 * and wait while replication lags or while batches start waiting on locks. A killed run resumes
 * from its last committed checkpoint, so no row is processed twice.
 */
import type pg from 'pg';
import { MigrateActionsError, type ErrorLocation } from '../../errors.js';
import { quoteIdent } from '../../postgres/sql.js';
import { formatCount } from '../../report/format.js';
import { advanceProgress, startProgress, type BatchProgress } from './checkpoint.js';
import type { BatchedStatement } from './directive.js';
import { estimateRows, resolveBatchKey, type BatchKey } from './key.js';

export const DEFAULT_BATCH_LOCK_TIMEOUT_MS = 5000;
const DEFAULT_BATCH_RETRIES = 5;
/** Batch timings kept in the JSON report (the totals always cover every batch). */
const MAX_TIMINGS = 10_000;
const PROGRESS_EVERY_MS = 2000;

export interface BatchRunOptions {
  client: pg.Client;
  /** `_prisma_migrations.id` of the migration's row. */
  migrationId: string;
  migrationName: string;
  checksum: string;
  batched: BatchedStatement;
  where: ErrorLocation;
  lockTimeoutMs?: number;
  statementTimeoutMs?: number;
  /** Lock-timeout retries per batch (default 5). */
  retries?: number;
  retryBackoffMs?: number;
  /** SQL run in the transaction of the last batch (the migration's finished mark). */
  finishSql?: string;
  /** The checkpoint of an interrupted run of this statement. */
  resume?: BatchProgress;
  log?: (line: string) => void;
  /** Waits are injected for tests of the pacing; default setTimeout. */
  sleep?: (ms: number) => Promise<void>;
}

export interface BatchRunSummary {
  line: number;
  table: string;
  key: string;
  size: number;
  pauseMs: number;
  batches: number;
  keysScanned: number;
  rowsChanged: number;
  rowsEstimate: number;
  durationMs: number;
  rowsPerSecond: number;
  lockRetries: number;
  /** Time spent waiting for replication lag or lock contention to pass. */
  backoffMs: number;
  /** Where an interrupted run had got to when this one took over. */
  resumedFrom?: { keysDone: number; rowsChanged: number; batches: number };
  /** Milliseconds of each batch's transaction (the first MAX_TIMINGS batches). */
  batchTimingsMs: number[];
}

interface Cursor {
  lastKey: string | null;
  keysDone: number;
  rowsChanged: number;
  batches: number;
}

/** The statement restricted to keys in (lower, upper]: its own WHERE kept intact, in parentheses. */
export function batchedStatementSql(b: BatchedStatement, key: BatchKey, hasLower: boolean): string {
  const range = hasLower ? `${key.ref} > $1 AND ${key.ref} <= $2` : `${key.ref} <= $1`;
  const { text } = b.statement;
  const at = b.target.whereOffset;
  if (at === undefined) return `${text}\nWHERE ${range}`;
  return `${text.slice(0, at)}WHERE (${text.slice(at + 'WHERE'.length)}\n) AND ${range}`;
}

/** The last of the next `size` keys and how many there are (n = 0: nothing left). */
function nextBoundSql(key: BatchKey, hasLower: boolean, size: number): string {
  const col = `${key.relation}.${quoteIdent(key.column)}`;
  return `SELECT s.k::text AS upper, count(*) OVER ()::int AS n
    FROM (SELECT ${col} AS k FROM ${key.relation}${hasLower ? ` WHERE ${col} > $1` : ''} ORDER BY ${col} LIMIT ${size}) s
    ORDER BY s.k DESC LIMIT 1`;
}

const sleepFor = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function runBatchedStatement(options: BatchRunOptions): Promise<BatchRunSummary> {
  const { client, batched } = options;
  const { directive } = batched;
  const key = await resolveBatchKey(client, batched, options.where);
  if (!key) throw missingTable(batched, options.where);
  const rowsEstimate = options.resume?.rowsEstimate ?? (await estimateRows(client, key.relation));
  const id = { migrationId: options.migrationId, statementIndex: batched.statement.index };
  if (!options.resume) {
    await startProgress(client, {
      ...id,
      migrationName: options.migrationName,
      checksum: options.checksum,
      statementLine: batched.statement.line,
      table: key.table,
      keyColumn: key.column,
      rowsEstimate,
    });
  }
  const resumed = options.resume;
  const cursor: Cursor = resumed
    ? { lastKey: resumed.lastKey, keysDone: resumed.keysDone, rowsChanged: resumed.rowsChanged, batches: resumed.batches }
    : { lastKey: null, keysDone: 0, rowsChanged: 0, batches: 0 };
  const summary: BatchRunSummary = {
    line: batched.statement.line,
    table: key.table,
    key: key.column,
    size: directive.size,
    pauseMs: directive.pauseMs,
    batches: 0,
    keysScanned: 0,
    rowsChanged: 0,
    rowsEstimate,
    durationMs: 0,
    rowsPerSecond: 0,
    lockRetries: 0,
    backoffMs: 0,
    resumedFrom: resumed ? { keysDone: resumed.keysDone, rowsChanged: resumed.rowsChanged, batches: resumed.batches } : undefined,
    batchTimingsMs: [],
  };
  const pacing = new Pacing(options, summary);
  const progress = new ProgressLine(options, summary, cursor);
  if (resumed)
    options.log?.(
      `  resuming the batched statement on line ${batched.statement.line} of ${options.migrationName} after ${formatCount(resumed.keysDone)} rows (batch ${resumed.batches})`,
    );
  const started = performance.now();
  for (let done = false; !done;) {
    await pacing.beforeBatch();
    const batchStarted = performance.now();
    done = await runOneBatch(options, key, cursor, summary);
    const ms = performance.now() - batchStarted;
    if (summary.batchTimingsMs.length < MAX_TIMINGS) summary.batchTimingsMs.push(Math.round(ms * 10) / 10);
    summary.durationMs = performance.now() - started;
    progress.maybeLog(done);
    if (!done) await pacing.afterBatch(ms);
  }
  summary.rowsPerSecond = summary.durationMs > 0 ? Math.round((summary.keysScanned / summary.durationMs) * 1000) : 0;
  return summary;
}

function missingTable(b: BatchedStatement, where: ErrorLocation): MigrateActionsError {
  return new MigrateActionsError('E_BATCH_TARGET', `The batched statement's table ${b.target.table} does not exist.`, {
    where: { ...where, line: b.statement.line, column: b.statement.column },
    remedy: 'Check the table name; a migration that creates the table must come before this one.',
  });
}

/** One batch in its own transaction, retried after lock timeouts. True when it was the last. */
async function runOneBatch(options: BatchRunOptions, key: BatchKey, cursor: Cursor, summary: BatchRunSummary): Promise<boolean> {
  const retries = options.retries ?? DEFAULT_BATCH_RETRIES;
  for (let attempt = 0; ; attempt++) {
    try {
      return await batchTransaction(options, key, cursor, summary);
    } catch (error) {
      await options.client.query('ROLLBACK').catch(() => undefined);
      const code = (error as { code?: string }).code;
      if (code === '55P03' && attempt < retries) {
        summary.lockRetries++;
        const wait = (options.retryBackoffMs ?? 200) * 2 ** attempt;
        options.log?.(
          `  batch ${cursor.batches + 1} of the statement on line ${summary.line} waited too long for a lock on ${summary.table}; retry ${attempt + 1}/${retries} in ${wait} ms`,
        );
        await (options.sleep ?? sleepFor)(wait);
        continue;
      }
      throw batchFailure(options, cursor, summary, error, code === '55P03' ? retries : undefined);
    }
  }
}

async function batchTransaction(options: BatchRunOptions, key: BatchKey, cursor: Cursor, summary: BatchRunSummary): Promise<boolean> {
  const { client, batched } = options;
  const size = batched.directive.size;
  const lockTimeout = batched.directive.timeoutMs ?? options.lockTimeoutMs ?? DEFAULT_BATCH_LOCK_TIMEOUT_MS;
  const settings = [`SET LOCAL lock_timeout = ${Math.round(lockTimeout)}`];
  if (options.statementTimeoutMs) settings.push(`SET LOCAL statement_timeout = ${Math.round(options.statementTimeoutMs)}`);
  await client.query(`BEGIN; ${settings.join('; ')}`);
  const hasLower = cursor.lastKey !== null;
  const lower = hasLower ? [cursor.lastKey] : [];
  const bound = await client.query<{ upper: string; n: number }>(nextBoundSql(key, hasLower, size), lower);
  const n = bound.rows[0]?.n ?? 0;
  const upper = bound.rows[0]?.upper ?? null;
  let rows = 0;
  if (n > 0) rows = (await client.query(batchedStatementSql(batched, key, hasLower), [...lower, upper])).rowCount ?? 0;
  const last = n < size; // fewer keys than a batch: nothing after this one
  await advanceProgress(
    client,
    { migrationId: options.migrationId, statementIndex: batched.statement.index },
    { lastKey: upper, keys: n, rows, done: last },
  );
  if (last && options.finishSql) await client.query(options.finishSql);
  await client.query('COMMIT');
  cursor.lastKey = upper ?? cursor.lastKey;
  cursor.keysDone += n;
  cursor.rowsChanged += rows;
  cursor.batches++;
  summary.batches++;
  summary.keysScanned += n;
  summary.rowsChanged += rows;
  return last;
}

function batchFailure(
  options: BatchRunOptions,
  cursor: Cursor,
  summary: BatchRunSummary,
  error: unknown,
  exhaustedRetries: number | undefined,
): MigrateActionsError {
  const pg = error as { message?: string; code?: string };
  const where = { ...options.where, line: summary.line, column: options.batched.statement.column };
  const done = `${cursor.batches} batches (${formatCount(cursor.keysDone)} rows) are committed and checkpointed`;
  const details = { sqlState: pg.code, batch: cursor.batches + 1, lastKey: cursor.lastKey, summary };
  if (exhaustedRetries !== undefined)
    return new MigrateActionsError(
      'E_BATCH_LOCK_TIMEOUT',
      `Batch ${cursor.batches + 1} of the statement on line ${summary.line} could not lock its rows of ${summary.table} after ${exhaustedRetries} retries; ${done}.`,
      {
        where,
        details,
        cause: error,
        remedy: 'Find what holds locks on the table (long transactions), then apply again: it resumes from the checkpoint.',
      },
    );
  return new MigrateActionsError(
    'E_BATCH_FAILED',
    `Batch ${cursor.batches + 1} of the statement on line ${summary.line} failed (${pg.code ?? 'error'}): ${pg.message ?? String(error)}; ${done}.`,
    {
      where,
      details,
      cause: error,
      remedy: 'Fix the cause (the data or the statement), then apply again: it resumes from the checkpoint.',
    },
  );
}

/**
 * Pauses between batches; waits while replication lags beyond max-lag (when pg_stat_replication
 * is visible) and, when a batch takes far longer than the usual one (it waited on locks), stretches
 * the pause so the sessions it waited for get through.
 */
class Pacing {
  private readonly timings: number[] = [];
  private stretch = 1;

  constructor(
    private readonly options: BatchRunOptions,
    private readonly summary: BatchRunSummary,
  ) {}

  private sleep(ms: number): Promise<void> {
    return (this.options.sleep ?? sleepFor)(ms);
  }

  async beforeBatch(): Promise<void> {
    const maxLag = this.options.batched.directive.maxLagMs;
    if (maxLag === undefined) return;
    let reported = 0;
    for (;;) {
      const lag = await replicationLagMs(this.options.client);
      if (lag === undefined || lag <= maxLag) return;
      const wait = Math.min(5000, Math.max(100, lag - maxLag));
      if (performance.now() - reported > 10_000) {
        this.options.log?.(`  replication lag ${Math.round(lag)} ms is above max-lag ${maxLag} ms; batches wait`);
        reported = performance.now();
      }
      this.summary.backoffMs += wait;
      await this.sleep(wait);
    }
  }

  async afterBatch(ms: number): Promise<void> {
    const usual = median(this.timings);
    this.timings.push(ms);
    if (this.timings.length > 50) this.timings.shift();
    const contended = usual !== undefined && ms > 100 && ms > 4 * usual;
    const before = this.stretch;
    this.stretch = contended ? Math.min(16, this.stretch * 2) : Math.max(1, this.stretch / 2);
    if (contended && before === 1)
      this.options.log?.(`  a batch took ${Math.round(ms)} ms (usually ${Math.round(usual)} ms): waiting longer between batches`);
    const base = this.options.batched.directive.pauseMs;
    const pause = contended || this.stretch > 1 ? Math.max(base, 50) * this.stretch : base;
    if (pause > base) this.summary.backoffMs += pause - base;
    if (pause > 0) await this.sleep(pause);
  }
}

function median(values: number[]): number | undefined {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The largest replay lag of the standbys, or undefined when there are none or it is not visible. */
async function replicationLagMs(client: pg.Client): Promise<number | undefined> {
  const result = await client.query<{ lag: number | null }>(
    `SELECT (EXTRACT(epoch FROM max(replay_lag)) * 1000)::float8 AS lag FROM pg_stat_replication`,
  );
  const lag = result.rows[0]?.lag;
  return lag === null || lag === undefined ? undefined : Number(lag);
}

/** Progress through the log callback: rows, rows/s, ETA from the table's estimate. */
class ProgressLine {
  private lastLogged = performance.now();

  constructor(
    private readonly options: BatchRunOptions,
    private readonly summary: BatchRunSummary,
    private readonly cursor: Cursor,
  ) {}

  maybeLog(done: boolean): void {
    const now = performance.now();
    if (!done && now - this.lastLogged < PROGRESS_EVERY_MS) return;
    this.lastLogged = now;
    const s = this.summary;
    const rate = s.durationMs > 0 ? (s.keysScanned / s.durationMs) * 1000 : 0;
    const total = Math.max(s.rowsEstimate, this.cursor.keysDone);
    const percent = total ? Math.floor((this.cursor.keysDone / total) * 100) : 100;
    const eta = rate > 0 && !done ? `, ETA ${Math.ceil((total - this.cursor.keysDone) / rate)} s` : '';
    this.options.log?.(
      `  batching ${s.table} (line ${s.line}): ${formatCount(this.cursor.keysDone)} of ${formatCount(total)} rows (${done ? 100 : percent}%), ${formatCount(Math.round(rate))} rows/s${eta}, ${formatCount(this.cursor.rowsChanged)} changed${done ? `, done in ${this.cursor.batches} batches` : ''}`,
    );
  }
}
