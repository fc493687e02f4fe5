/**
 * What a failed migration left behind, said precisely: the statement (file, line, column), the
 * server's SQLSTATE, message and hint, which statements are committed, the sessions that blocked
 * it, and for a failed CREATE INDEX CONCURRENTLY the INVALID index and how to drop it.
 */
import type pg from 'pg';
import { MigrateActionsError } from '../errors.js';
import { redact } from '../postgres/redact.js';
import { plural } from '../report/format.js';
import { qualify } from '../postgres/sql.js';
import type { ConnectionSettings } from '../postgres/url.js';
import { positionOf, summarizeStatement, type SqlStatement } from '../sql/parser.js';
import { bookkeeping, MIGRATIONS_TABLE } from './history.js';
import { describeSession, tableLockHolders, type SessionInfo } from './locks.js';
import { locksOf, type PreparedMigration } from './plan.js';
import type { ScriptOutcome } from './script.js';
import { connect } from './session.js';

export interface FailureContext {
  prepared: PreparedMigration;
  outcome: ScriptOutcome;
  committed: SqlStatement[];
  retries: number;
  blockers: SessionInfo[];
  statement?: SqlStatement;
  /** strict-failures: a failed row is left failed even when nothing of the migration is committed. */
  strict?: boolean;
}

export interface InvalidIndex {
  schema: string;
  name: string;
  dropSql: string;
}

interface StatementRef {
  index: number;
  line: number;
  summary: string;
}

function ref(statement: SqlStatement): StatementRef {
  return { index: statement.index, line: statement.line, summary: summarizeStatement(statement.text, 100) };
}

/** File position of the error: the cursor inside the statement when the server gave one. */
function errorPosition(context: FailureContext): { line?: number; column?: number } {
  const { statement, outcome, prepared } = context;
  if (!statement) return {};
  if (outcome.failedOffset === undefined) return { line: statement.line, column: statement.column };
  return positionOf(prepared.migration.sql, statement.start + outcome.failedOffset);
}

/** Nothing of the migration is in the database: its transaction rolled back, or no segment committed. */
function nothingCommitted(context: FailureContext, invalidIndex?: InvalidIndex): boolean {
  const { prepared, committed } = context;
  return prepared.mode === 'atomic' || (prepared.mode === 'segmented' && !committed.length && !invalidIndex);
}

/** The exact CLI command, as the remedy names it. */
export function command(args: string): string {
  return `\`prisma-migrate-actions ${args}\``;
}

function committedText(context: FailureContext, invalidIndex?: InvalidIndex): string {
  const { prepared, committed } = context;
  const recorded = nothingCommitted(context, invalidIndex)
    ? context.strict
      ? ' Its row is left failed (strict-failures), so later deploys stop until it is resolved.'
      : ' The attempt is recorded as rolled back, so the next apply runs it again.'
    : '';
  if (prepared.mode === 'atomic')
    return `Nothing of this migration was applied: its transaction (with its bookkeeping row) was rolled back.${recorded}`;
  if (prepared.mode === 'script')
    return 'The file controls its own transactions (BEGIN/COMMIT in it): what it committed before the failing statement is in the database.';
  if (!committed.length)
    return invalidIndex
      ? 'No statement of this migration is committed, but the failed statement left an index behind.'
      : `No statement of this migration is committed.${recorded}`;
  const lines = committed.map((s) => `#${s.index + 1} (line ${s.line}) ${summarizeStatement(s.text, 60)}`);
  return `Committed before the failure (they are in the database): ${lines.join('; ')}.`;
}

export function failureError(context: FailureContext, invalidIndex?: InvalidIndex): MigrateActionsError {
  const { prepared, outcome, statement } = context;
  const error = outcome.error!;
  const where = { file: prepared.migration.sqlPath, migration: prepared.migration.name, ...errorPosition(context) };
  const what = statement
    ? `statement #${statement.index + 1} (line ${statement.line}): ${summarizeStatement(statement.text, 100)}`
    : 'its bookkeeping (commit)';
  const blockers = context.blockers.length ? ` Blocked by: ${context.blockers.map(describeSession).join('; ')}.` : '';
  const retried = context.retries ? ` (after ${context.retries} retr${context.retries === 1 ? 'y' : 'ies'})` : '';
  const invalid = invalidIndex
    ? ` It left the INVALID index ${invalidIndex.schema}.${invalidIndex.name}; drop it with: ${invalidIndex.dropSql}`
    : '';
  const message = redact(
    `Migration ${prepared.migration.name} failed at ${what}${retried}: ${error.message} [SQLSTATE ${error.code ?? 'unknown'}]${error.hint ? ` Hint: ${error.hint}` : ''}.${blockers} ${committedText(context, invalidIndex)}${invalid}`,
  );
  const nothingApplied = nothingCommitted(context, invalidIndex);
  return new MigrateActionsError('E_MIGRATION_FAILED', message, {
    where,
    remedy: remedyFor(context, invalidIndex),
    details: {
      migration: prepared.migration.name,
      mode: prepared.mode,
      statement: statement ? redact(statement.text) : undefined,
      line: where.line,
      column: where.column,
      sqlState: error.code,
      pgMessage: redact(error.message),
      detail: error.detail ? redact(error.detail) : undefined,
      hint: error.hint,
      nothingApplied,
      recordedRolledBack: nothingApplied && !context.strict,
      committedStatements: context.committed.map(ref),
      blockers: context.blockers,
      retries: context.retries,
      invalidIndex,
    },
  });
}

/** Every remedy matches what happened and names the command to run. */
function remedyFor(context: FailureContext, invalidIndex?: InvalidIndex): string {
  const name = context.prepared.migration.name;
  const file = `${name}/migration.sql`;
  const line = context.statement ? ` (line ${context.statement.line})` : '';
  const lockTimeout = context.outcome.error?.code === '55P03';
  if (nothingCommitted(context, invalidIndex)) {
    const first = lockTimeout
      ? 'Wait until the blocking sessions are done (or raise --lock-timeout / --retries)'
      : `Fix the failing statement in ${file}${line}`;
    return context.strict
      ? `${first}, then run ${command(`resolve --rolled-back ${name}`)} and ${command('apply')} again (strict-failures keeps the failed row until it is resolved).`
      : `${first}, then run ${command('apply')} again: nothing needs resolving.`;
  }
  const finish = lockTimeout
    ? `once the blocking sessions are done, ${command(`recover ${name} --finish`)} (runs the statements that did not run, then records it applied)`
    : `fix the failing statement in ${file}${line} and run ${command(`recover ${name} --finish`)} (runs the statements that did not run, from the fixed file, then records it applied)`;
  return `Run ${command(`recover ${name} --dry-run`)} to see what it changed and both plans. Then either ${command(`recover ${name} --undo`)} (returns the schema to its state before the migration${invalidIndex ? ', the INVALID index included' : ''} and records it rolled back), or ${finish}.`;
}

/** A failed CREATE INDEX CONCURRENTLY leaves an INVALID index behind. */
export async function findInvalidIndex(
  client: pg.Client,
  statement: SqlStatement | undefined,
  schema: string,
): Promise<InvalidIndex | undefined> {
  if (statement?.kind !== 'IndexStmt' || !statement.node.concurrent || !statement.node.idxname) return undefined;
  const indexSchema: string = statement.node.relation?.schemaname ?? schema;
  const name: string = statement.node.idxname;
  const found = await client.query(
    `SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relname = $2 AND NOT i.indisvalid`,
    [indexSchema, name],
  );
  if (!found.rowCount) return undefined;
  return { schema: indexSchema, name, dropSql: `DROP INDEX CONCURRENTLY IF EXISTS ${qualify(indexSchema, name)}` };
}

/** After a lock timeout with no blocker seen while waiting: who holds locks on its tables now. */
export async function blockersAfterTheFact(client: pg.Client, statement: SqlStatement | undefined, schema: string): Promise<SessionInfo[]> {
  if (!statement) return [];
  const tables = locksOf(statement.kind, statement.node).flatMap((l) => l.on);
  const found: SessionInfo[] = [];
  for (const table of tables) {
    const name = table.includes('.') ? table : `${qualify(schema, table)}`;
    found.push(...(await tableLockHolders(client, name).catch(() => [])));
  }
  return found;
}

const CONNECTION_LOSS_CODES = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006']);

export function isConnectionLoss(error: { code?: string; message?: string }): boolean {
  if (error.code && CONNECTION_LOSS_CODES.has(error.code)) return true;
  return /Connection terminated|connection.*(closed|ended)|ECONNRESET|EPIPE|not queryable/i.test(error.message ?? '');
}

/**
 * The session died mid-migration. Looks at the database from a new connection to report the
 * truth: an atomic migration is either fully committed or not at all; a segmented one keeps
 * its row (finished_at NULL) and the segments committed so far.
 */
export async function connectionLost(
  settings: ConnectionSettings,
  prepared: PreparedMigration,
  id: string,
  committed: SqlStatement[],
): Promise<MigrateActionsError> {
  const name = prepared.migration.name;
  let finished: boolean | undefined;
  try {
    const client = await connect(settings, 'prisma-migrate-actions recovery');
    try {
      const row = await client.query(`SELECT finished_at FROM ${qualify(settings.schema, MIGRATIONS_TABLE)} WHERE id = $1`, [id]);
      finished = row.rowCount ? row.rows[0].finished_at !== null : false;
      if (row.rowCount && !finished) {
        const logs = `Connection lost while applying ${name}. ${plural(committed.length, 'statement')} committed before it: ${committed.map((s) => `line ${s.line}`).join(', ') || 'none'}.`;
        await client.query(bookkeeping.setLogs(settings.schema, id, logs));
      }
    } finally {
      await client.end().catch(() => undefined);
    }
  } catch {
    finished = undefined; // the database is unreachable: say so below
  }
  const state =
    finished === undefined
      ? 'The database could not be reached afterwards to check what was committed.'
      : finished
        ? `It had committed completely (its row is finished).`
        : prepared.mode === 'atomic'
          ? 'Its transaction was rolled back by PostgreSQL: nothing of it is applied and it is still pending.'
          : `Its row stays failed (finished_at NULL). Committed before the loss: ${committed.length ? committed.map((s) => `#${s.index + 1} (line ${s.line})`).join(', ') : 'no statement'}.`;
  const recoverable =
    finished === true
      ? `Nothing to recover: run ${command('status')} to confirm, then ${command('apply')} for what is left.`
      : prepared.mode === 'atomic'
        ? `Run ${command('apply')} again once the database is reachable.`
        : `Run ${command(`recover ${name} --dry-run`)} to see what it changed, then ${command(`recover ${name} --undo`)} or ${command(`recover ${name} --finish`)}.`;
  return new MigrateActionsError('E_CONNECTION_LOST', `The connection was lost while applying ${name}. ${state}`, {
    where: { migration: name, file: prepared.migration.sqlPath },
    remedy: recoverable,
    details: { migration: name, mode: prepared.mode, finished, committedStatements: committed.map(ref) },
  });
}
