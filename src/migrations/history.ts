/**
 * `_prisma_migrations`, kept exactly as Prisma keeps it: the table's shape, how rows are read
 * (ordered by started_at), and how the local folders compare with them.
 */
import type pg from 'pg';
import { qualify, quoteLiteral } from '../postgres/sql.js';
import { checksumMatches, type LocalMigration } from './reader.js';

export const MIGRATIONS_TABLE = '_prisma_migrations';

export interface PrismaMigrationRow {
  id: string;
  checksum: string;
  finishedAt: Date | null;
  migrationName: string;
  logs: string | null;
  rolledBackAt: Date | null;
  startedAt: Date;
  appliedStepsCount: number;
}

export interface HistoryComparison {
  /** Local migrations with no row of that name that is not rolled back, in apply order. */
  pending: LocalMigration[];
  /** Rows finished and not rolled back. */
  applied: PrismaMigrationRow[];
  /** Rows neither finished nor rolled back: they block deploys (P3009). */
  failed: PrismaMigrationRow[];
  rolledBack: PrismaMigrationRow[];
  /** Applied rows whose local migration.sql no longer has the recorded checksum. */
  edited: Array<{ migration: LocalMigration; row: PrismaMigrationRow }>;
  /** Applied rows with no local folder (Prisma's status ignores these). */
  missingLocally: PrismaMigrationRow[];
  /** Both sides have migrations the other lacks (Prisma: "histories are different"). */
  diverged: boolean;
  /** The last migration both sides have, in local order. */
  lastCommon?: string;
  tableMissing: boolean;
}

/** The DDL the Prisma schema engine uses (unqualified there; it relies on search_path). */
export function createMigrationsTableSql(schema: string): string {
  return `CREATE TABLE ${qualify(schema, MIGRATIONS_TABLE)} (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;
}

type Queryable = Pick<pg.Client, 'query'>;

export async function migrationsTableExists(client: Queryable, schema: string): Promise<boolean> {
  const result = await client.query<{ exists: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS exists`, [
    qualify(schema, MIGRATIONS_TABLE),
  ]);
  return result.rows[0].exists;
}

/** All rows ordered as Prisma reads them, or null when the table does not exist. */
export async function readAppliedRows(client: pg.Client | pg.PoolClient, schema: string): Promise<PrismaMigrationRow[] | null> {
  if (!(await migrationsTableExists(client, schema))) return null;
  const result = await client.query(
    `SELECT id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count
       FROM ${qualify(schema, MIGRATIONS_TABLE)} ORDER BY started_at ASC`,
  );
  return result.rows.map((row) => ({
    id: row.id,
    checksum: row.checksum,
    finishedAt: row.finished_at,
    migrationName: row.migration_name,
    logs: row.logs,
    rolledBackAt: row.rolled_back_at,
    startedAt: row.started_at,
    appliedStepsCount: row.applied_steps_count,
  }));
}

export function isFailedRow(row: PrismaMigrationRow): boolean {
  return row.finishedAt === null && row.rolledBackAt === null;
}

export function compareHistory(local: LocalMigration[], rows: PrismaMigrationRow[] | null): HistoryComparison {
  const all = rows ?? [];
  const live = all.filter((row) => row.rolledBackAt === null);
  const liveNames = new Set(live.map((row) => row.migrationName));
  const localByName = new Map(local.map((migration) => [migration.name, migration]));
  const applied = live.filter((row) => row.finishedAt !== null);
  const pending = local.filter((migration) => !liveNames.has(migration.name));
  const missingLocally = applied.filter((row) => !localByName.has(row.migrationName));
  const edited = applied.flatMap((row) => {
    const migration = localByName.get(row.migrationName);
    return migration && !checksumMatches(migration.sql, row.checksum) ? [{ migration, row }] : [];
  });
  const common = local.filter((migration) => liveNames.has(migration.name));
  return {
    pending,
    applied,
    failed: all.filter(isFailedRow),
    rolledBack: all.filter((row) => row.rolledBackAt !== null),
    edited,
    missingLocally,
    // Prisma's diagnosis: unapplied local migrations and unpersisted database ones at once.
    diverged: pending.length > 0 && live.some((row) => !localByName.has(row.migrationName)),
    lastCommon: common.at(-1)?.name,
    tableMissing: rows === null,
  };
}

/** Bookkeeping statements as SQL text (literals inlined so they can share a round trip). */
export const bookkeeping = {
  insertStarted(schema: string, id: string, migration: LocalMigration): string {
    return `INSERT INTO ${qualify(schema, MIGRATIONS_TABLE)} (id, checksum, migration_name, started_at, applied_steps_count)
      VALUES (${quoteLiteral(id)}, ${quoteLiteral(migration.checksum)}, ${quoteLiteral(migration.name)}, clock_timestamp(), 0)`;
  },
  /**
   * The row of an atomic migration, written last in its transaction: started_at is now(), the
   * transaction's start (when the migration began); nothing outside sees the row before COMMIT, so
   * one INSERT records what INSERT-then-UPDATE would, with one statement and no dead row.
   */
  insertApplied(schema: string, id: string, migration: LocalMigration): string {
    return `INSERT INTO ${qualify(schema, MIGRATIONS_TABLE)} (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
      VALUES (${quoteLiteral(id)}, ${quoteLiteral(migration.checksum)}, ${quoteLiteral(migration.name)}, now(), clock_timestamp(), 1)`;
  },
  markFinished(schema: string, id: string): string {
    return `UPDATE ${qualify(schema, MIGRATIONS_TABLE)} SET applied_steps_count = applied_steps_count + 1, finished_at = clock_timestamp() WHERE id = ${quoteLiteral(id)}`;
  },
  /** The failed attempt's row; `rolledBack` writes what `resolve --rolled-back` would (nothing of it is committed). */
  insertFailed(schema: string, id: string, migration: LocalMigration, logs: string, rolledBack = false): string {
    return `INSERT INTO ${qualify(schema, MIGRATIONS_TABLE)} (id, checksum, migration_name, started_at, applied_steps_count, logs, rolled_back_at)
      VALUES (${quoteLiteral(id)}, ${quoteLiteral(migration.checksum)}, ${quoteLiteral(migration.name)}, clock_timestamp(), 0, ${quoteLiteral(logs)}, ${rolledBack ? 'clock_timestamp()' : 'NULL'})`;
  },
  setLogs(schema: string, id: string, logs: string, rolledBack = false): string {
    return `UPDATE ${qualify(schema, MIGRATIONS_TABLE)} SET logs = ${quoteLiteral(logs)}${rolledBack ? ', rolled_back_at = clock_timestamp()' : ''} WHERE id = ${quoteLiteral(id)}`;
  },
};
