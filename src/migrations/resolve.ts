/**
 * `resolve --applied NAME` / `--rolled-back NAME` with Prisma's semantics and error codes:
 * P3017 (no such local migration), P3008 (already applied), P3011 (never applied), P3012 (not failed).
 */
import { randomUUID } from 'node:crypto';
import { MigrateActionsError } from '../errors.js';
import { qualify } from '../postgres/sql.js';
import type { ConnectionSettings } from '../postgres/url.js';
import { createMigrationsTableSql, isFailedRow, MIGRATIONS_TABLE, readAppliedRows, type PrismaMigrationRow } from './history.js';
import { acquireAdvisoryLock, releaseAdvisoryLock } from './locks.js';
import { readMigrationsDir, type LocalMigration } from './reader.js';
import { connect, ensureSchema, toSettings } from './session.js';
import type pg from 'pg';

export interface ResolveOptions {
  connection: ConnectionSettings | string;
  dir?: string;
  migrations?: LocalMigration[];
  applied?: string;
  rolledBack?: string;
  advisoryLockTimeoutMs?: number;
}

export interface ResolveResult {
  action: 'applied' | 'rolled-back';
  migration: string;
  /** Failed rows now marked rolled back. */
  markedRolledBack: number;
  /** The row inserted by --applied. */
  insertedId?: string;
  createdMigrationsTable: boolean;
}

export async function resolveMigration(options: ResolveOptions): Promise<ResolveResult> {
  if (Boolean(options.applied) === Boolean(options.rolledBack)) {
    throw new MigrateActionsError('E_RESOLVE_ARGS', 'resolve needs exactly one of --applied NAME or --rolled-back NAME.', {
      remedy: 'Run resolve --applied NAME after finishing a migration by hand, or --rolled-back NAME after undoing it.',
    });
  }
  const settings = toSettings(options.connection);
  const local = options.migrations ?? (await readMigrationsDir(options.dir ?? 'prisma/migrations')).migrations;
  const client = await connect(settings, 'prisma-migrate-actions resolve');
  try {
    await ensureSchema(client, settings.schema);
    await acquireAdvisoryLock(client, options.advisoryLockTimeoutMs);
    try {
      return options.applied
        ? await markApplied(client, settings.schema, local, options.applied)
        : await markRolledBack(client, settings.schema, options.rolledBack!);
    } finally {
      await releaseAdvisoryLock(client).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** `resolve --applied` on an open session that holds the advisory lock (also used by `recover --finish`). */
export async function markApplied(client: pg.Client, schema: string, local: LocalMigration[], name: string): Promise<ResolveResult> {
  const migration = local.find((m) => m.name === name);
  if (!migration) {
    throw new MigrateActionsError(
      'P3017',
      `The migration ${name} could not be found. Make sure it exists and that you passed the whole name of its directory (example: "20201207184859_initial_migration").`,
      {
        where: { migration: name },
        remedy: `Pass the folder name of a local migration: ${
          local
            .slice(-3)
            .map((m) => m.name)
            .join(', ') || '(the directory has none)'
        }${local.length > 3 ? ', …' : ''}.`,
      },
    );
  }
  let rows = await readAppliedRows(client, schema);
  const created = rows === null;
  if (rows === null) {
    await client.query(createMigrationsTableSql(schema)); // baselining creates the table, even on a non-empty schema
    rows = [];
  }
  const same = rows.filter((row) => row.migrationName === name);
  if (same.some((row) => row.finishedAt !== null)) {
    throw new MigrateActionsError('P3008', `The migration \`${name}\` is already recorded as applied in the database.`, {
      where: { migration: name },
      remedy: 'Nothing to resolve. Run status to see which migrations are failed or pending.',
    });
  }
  const table = qualify(schema, MIGRATIONS_TABLE);
  const id = randomUUID();
  await client.query('BEGIN');
  try {
    const marked = await rollBackFailedRows(client, table, same);
    await client.query(
      `INSERT INTO ${table} (id, checksum, migration_name, logs, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, '', clock_timestamp(), clock_timestamp(), 0)`,
      [id, migration.checksum, name],
    );
    await client.query('COMMIT');
    return { action: 'applied', migration: name, markedRolledBack: marked, insertedId: id, createdMigrationsTable: created };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

async function rollBackFailedRows(client: pg.Client, table: string, rows: PrismaMigrationRow[]): Promise<number> {
  const failed = rows.filter(isFailedRow).map((row) => row.id);
  if (failed.length) await client.query(`UPDATE ${table} SET rolled_back_at = clock_timestamp() WHERE id = ANY($1)`, [failed]);
  return failed.length;
}

async function markRolledBack(client: pg.Client, schema: string, name: string): Promise<ResolveResult> {
  const rows = (await readAppliedRows(client, schema)) ?? [];
  const same = rows.filter((row) => row.migrationName === name);
  if (!same.length) {
    throw new MigrateActionsError(
      'P3011',
      `Migration \`${name}\` cannot be rolled back because it was never applied to the database. Hint: did you pass in the whole migration path? (example: "20201207184859_initial_migration")`,
      {
        where: { migration: name },
        remedy: 'Pass the name of a failed migration (see status).',
      },
    );
  }
  if (!same.some(isFailedRow)) {
    throw new MigrateActionsError('P3012', `Migration \`${name}\` cannot be rolled back because it is not in a failed state.`, {
      where: { migration: name },
      remedy: 'Only failed migrations can be marked rolled back; to undo an applied migration write a new migration that reverts it.',
    });
  }
  const marked = await rollBackFailedRows(client, qualify(schema, MIGRATIONS_TABLE), same);
  return { action: 'rolled-back', migration: name, markedRolledBack: marked, createdMigrationsTable: false };
}
