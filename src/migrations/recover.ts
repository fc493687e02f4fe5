/**
 * `recover <migration> --undo | --finish | --dry-run`: the guided way out of a half-applied
 * migration, from the catalog snapshot its failed attempt stored (recovery-store.ts), on any
 * runner, any time later. --undo runs the undo SQL, checks the catalog equals the snapshot and
 * marks the attempt rolled back — all in one transaction, so an interrupted undo leaves nothing
 * half-done and a second run starts over. --finish runs the statements that did not run, from
 * the current file (a fixed statement is used), then records the migration applied.
 */
import type pg from 'pg';
import { diffSnapshots, snapshotSchema } from '../catalog/index.js';
import { MigrateActionsError } from '../errors.js';
import { redact } from '../postgres/redact.js';
import { qualify } from '../postgres/sql.js';
import type { ConnectionSettings } from '../postgres/url.js';
import { isFailedRow, MIGRATIONS_TABLE, readAppliedRows, type PrismaMigrationRow } from './history.js';
import { acquireAdvisoryLock, releaseAdvisoryLock } from './locks.js';
import { prepareMigration, segmentsOf } from './plan.js';
import { readMigrationsDir, type LocalMigration } from './reader.js';
import { forgetCatalogBefore, readAttempt, recoveryPlan, setCommittedStatements, type RecoveryPlan } from './recovery-store.js';
import { markApplied } from './resolve.js';
import { connect, serverMajor, toSettings } from './session.js';

export type RecoverAction = 'undo' | 'finish' | 'dry-run';

export interface RecoverOptions {
  connection: ConnectionSettings | string;
  dir?: string;
  migrations?: LocalMigration[];
  migration: string;
  action: RecoverAction;
  advisoryLockTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface RecoverResult {
  migration: string;
  action: RecoverAction;
  plan: RecoveryPlan;
  /** Undo steps that need a person (dropped data comes back only from the pre-migration backup). */
  manualSteps: string[];
  /** Statements run (undo SQL or the remaining statements); empty for a dry run. */
  ran: string[];
  /** What the bookkeeping now says. */
  recorded?: 'rolled-back' | 'applied';
}

export async function recoverMigration(options: RecoverOptions): Promise<RecoverResult> {
  const settings = toSettings(options.connection);
  const local = options.migrations ?? (await readMigrationsDir(options.dir ?? 'prisma/migrations')).migrations;
  const client = await connect(settings, 'prisma-migrate-actions recover');
  try {
    await acquireAdvisoryLock(client, options.advisoryLockTimeoutMs);
    try {
      return await recoverLocked(client, settings.schema, local, options);
    } finally {
      await releaseAdvisoryLock(client).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function recoverLocked(client: pg.Client, schema: string, local: LocalMigration[], options: RecoverOptions): Promise<RecoverResult> {
  const name = options.migration;
  const row = failedRow((await readAppliedRows(client, schema)) ?? [], name);
  const attempt = await readAttempt(client, row.id);
  if (!attempt) {
    throw new MigrateActionsError(
      'E_RECOVER_NO_SNAPSHOT',
      `No catalog snapshot was stored for the failed attempt of ${name} (started ${row.startedAt.toISOString()}): it ran in a mode that needs none, or another tool applied it.`,
      {
        where: { migration: name },
        remedy: `Check by hand what it left (\`prisma-migrate-actions drift-check\` compares the database with the history), then run \`prisma-migrate-actions resolve --rolled-back ${name}\` after undoing it or \`prisma-migrate-actions resolve --applied ${name}\` after finishing it.`,
      },
    );
  }
  const migration = local.find((m) => m.name === name);
  if (!migration) {
    throw new MigrateActionsError('P3017', `The migration ${name} could not be found in the migrations directory.`, {
      where: { migration: name },
      remedy: 'Run recover from the repository that has the migration folder (or pass --migrations-dir).',
    });
  }
  const prepared = await prepareMigration(migration, await serverMajor(client));
  if (attempt.committedStatements > prepared.statements.length) {
    throw new MigrateActionsError(
      'E_RECOVER_FILE_CHANGED',
      `${name}/migration.sql has ${prepared.statements.length} statements, but ${attempt.committedStatements} of the failed attempt are committed.`,
      {
        where: { migration: name, file: migration.sqlPath },
        remedy: 'Restore the statements that ran (edit only the failing one and those after it), or use --undo.',
      },
    );
  }
  const plan = recoveryPlan(name, attempt.before, await snapshotSchema(client), prepared.statements, attempt.committedStatements);
  const manualSteps = plan.undo.filter((s) => s.manual).map((s) => s.note ?? s.sql);
  const result: RecoverResult = { migration: name, action: options.action, plan, manualSteps, ran: [] };
  if (options.action === 'dry-run') return result;
  if (options.action === 'undo') return undo(client, schema, row, attempt.before, result, options);
  return finish(client, schema, local, prepared.statements.slice(attempt.committedStatements), row.id, result, options);
}

/** The newest attempt of the migration, which must be failed (neither finished nor rolled back). */
function failedRow(rows: PrismaMigrationRow[], name: string): PrismaMigrationRow {
  const same = rows.filter((r) => r.migrationName === name);
  const failed = same.filter(isFailedRow).at(-1);
  if (failed) return failed;
  const state = !same.length
    ? 'it was never applied to this database'
    : same.some((r) => r.finishedAt !== null && r.rolledBackAt === null)
      ? 'it is recorded as applied'
      : 'its attempts are recorded as rolled back (the next apply runs it again)';
  throw new MigrateActionsError('E_RECOVER_NOT_FAILED', `There is nothing to recover for ${name}: ${state}.`, {
    where: { migration: name },
    remedy:
      'Run `prisma-migrate-actions status` to see which migrations are failed or pending; `prisma-migrate-actions apply` runs what is pending.',
  });
}

async function undo(
  client: pg.Client,
  schema: string,
  row: PrismaMigrationRow,
  before: import('../catalog/types.js').CatalogSnapshot,
  result: RecoverResult,
  options: RecoverOptions,
): Promise<RecoverResult> {
  const name = result.migration;
  if (result.manualSteps.length) {
    throw new MigrateActionsError(
      'E_RECOVER_MANUAL',
      `Undoing ${name} needs ${result.manualSteps.length === 1 ? 'a step' : 'steps'} no SQL can do safely: ${result.manualSteps.join('; ')}.`,
      {
        where: { migration: name },
        remedy: `Restore the pre-migration backup (\`prisma-migrate-actions restore\`), or fix the file and run \`prisma-migrate-actions recover ${name} --finish\`.`,
      },
    );
  }
  await client.query('BEGIN');
  try {
    for (const step of result.plan.undo) {
      options.log?.(`  undo: ${step.sql}`);
      await client.query(step.sql);
      result.ran.push(step.sql);
    }
    const left = diffSnapshots(before, await snapshotSchema(client, { withinTransaction: true })).differences;
    if (left.length) {
      throw new MigrateActionsError(
        'E_RECOVER_MISMATCH',
        `After the undo SQL the catalog still differs from before ${name}: ${left.map((d) => `${d.change} ${d.objectType} ${d.identity}`).join('; ')}. Nothing was changed (the undo was rolled back).`,
        {
          where: { migration: name },
          remedy: `Run \`prisma-migrate-actions recover ${name} --dry-run\` and undo the listed objects by hand, then \`prisma-migrate-actions resolve --rolled-back ${name}\`; or restore the pre-migration backup.`,
        },
      );
    }
    await client.query(`UPDATE ${qualify(schema, MIGRATIONS_TABLE)} SET rolled_back_at = clock_timestamp() WHERE id = $1`, [row.id]);
    await forgetCatalogBefore(client, row.id);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  result.recorded = 'rolled-back';
  return result;
}

async function finish(
  client: pg.Client,
  schema: string,
  local: LocalMigration[],
  remaining: import('../sql/parser.js').SqlStatement[],
  id: string,
  result: RecoverResult,
  options: RecoverOptions,
): Promise<RecoverResult> {
  const script = remaining.some((s) => s.transactionControl);
  // The file's own transaction control runs as written; otherwise each segment commits on its own.
  const units = script ? remaining.map((s) => ({ transactional: false, statements: [s] })) : segmentsOf(remaining);
  for (const unit of units) {
    const texts = unit.statements.map((s) => s.text);
    options.log?.(`  finish: line ${unit.statements[0].line}${texts.length > 1 ? ` (+${texts.length - 1})` : ''}`);
    try {
      await client.query(unit.transactional ? ['BEGIN', ...texts, 'COMMIT'].join('\n;\n') : texts[0]);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      const pgError = error as { message: string; code?: string };
      throw new MigrateActionsError(
        'E_MIGRATION_FAILED',
        `recover --finish of ${result.migration}: the statement at line ${unit.statements[0].line} failed: ${redact(pgError.message)} [SQLSTATE ${pgError.code ?? 'unknown'}]. ${result.ran.length ? `The ${result.ran.length} before it ran and are committed.` : 'Nothing more ran.'}`,
        {
          where: { migration: result.migration, line: unit.statements[0].line },
          remedy: `Fix the statement in ${result.migration}/migration.sql, then run \`prisma-migrate-actions recover ${result.migration} --finish\` again (it resumes after what ran), or \`prisma-migrate-actions recover ${result.migration} --undo\`.`,
          details: { migration: result.migration, sqlState: pgError.code, ran: result.ran },
        },
      );
    }
    result.ran.push(...texts);
    // Progress is kept so a second --finish after an interruption resumes after what ran.
    if (!script) await setCommittedStatements(client, id, unit.statements.at(-1)!.index + 1);
  }
  await markApplied(client, schema, local, result.migration);
  await forgetCatalogBefore(client, id);
  result.recorded = 'applied';
  return result;
}
