/** The connection the engine works on, and the checks Prisma makes before touching anything. */
import type pg from 'pg';
import { MigrateActionsError } from '../errors.js';
import { quoteIdent } from '../postgres/sql.js';
import { parseDatabaseUrl, type ConnectionSettings } from '../postgres/url.js';
import { openClient } from '../postgres/client.js';
import { createMigrationsTableSql, isFailedRow, MIGRATIONS_TABLE, type PrismaMigrationRow } from './history.js';
import type { LocalMigration } from './reader.js';

/**
 * The caller's check that the target may be used (assertMigrationTarget, targetNotices), run on
 * the engine's own session as it connects, so the check opens no connection of its own for it.
 */
export type TargetCheck = (session: Promise<pg.Client>) => Promise<void>;

export function toSettings(connection: ConnectionSettings | string): ConnectionSettings {
  return typeof connection === 'string' ? parseDatabaseUrl(connection) : connection;
}

/**
 * The engine's session. Long-lived on purpose (openClient, not withClient): the apply session
 * holds Prisma's advisory lock across every migration it applies, and the observer and recovery
 * sessions outlive the statement they watch.
 */
export function connect(settings: ConnectionSettings, applicationName: string): Promise<pg.Client> {
  return openClient(settings, { applicationName });
}

/**
 * Connects, and reads the folders while the target check runs on that session: none of it changes
 * anything. A refused target wins, then a folder error, then a failed connect. (The SQL parser is
 * not compiled here: an apply with nothing pending never needs it.)
 */
export async function connectWhileChecking(
  settings: ConnectionSettings,
  applicationName: string,
  targetCheck: TargetCheck | undefined,
  reading: LocalMigration[] | Promise<LocalMigration[]>,
): Promise<[pg.Client, LocalMigration[]]> {
  const connecting = connect(settings, applicationName);
  connecting.catch(() => undefined); // settled below
  const [check, read, connected] = await Promise.allSettled([targetCheck?.(connecting), reading, connecting]);
  const refused = [check, read, connected].find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (refused) {
    if (connected.status === 'fulfilled') await connected.value.end().catch(() => undefined);
    throw refused.reason;
  }
  return [(connected as PromiseFulfilledResult<pg.Client>).value, (read as PromiseFulfilledResult<LocalMigration[]>).value];
}

/** Where the engine opens no session of its own (a dry run, the Prisma CLI): one for the check alone. */
export async function checkOnItsOwnSession(settings: ConnectionSettings, check: TargetCheck | undefined): Promise<void> {
  if (!check) return;
  const session = connect(settings, 'prisma-migrate-actions target-check');
  session.catch(() => undefined); // a failed connect passes the check: the engine's own connect reports it
  try {
    await check(session);
  } finally {
    await session.then((client) => client.end()).catch(() => undefined);
  }
}

export async function serverMajor(client: pg.Client): Promise<number> {
  const result = await client.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`);
  return Math.floor(Number(result.rows[0].v) / 10000);
}

/** Prisma creates the `?schema=` schema when it is missing. */
export async function ensureSchema(client: pg.Client, schema: string): Promise<void> {
  const found = await client.query(`SELECT 1 FROM pg_namespace WHERE nspname = $1`, [schema]);
  if (found.rowCount === 0) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
}

/** Ordinary tables in the schema other than the bookkeeping table (the P3005 baseline rule). */
export async function otherTables(client: pg.Client, schema: string): Promise<string[]> {
  const result = await client.query<{ relname: string }>(
    `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND c.relname <> $2 ORDER BY 1`,
    [schema, MIGRATIONS_TABLE],
  );
  return result.rows.map((r) => r.relname);
}

export function baselineError(schema: string, tables: string[]): MigrateActionsError {
  const shown = tables.slice(0, 5).join(', ') + (tables.length > 5 ? `, … (${tables.length} tables)` : '');
  return new MigrateActionsError(
    'P3005',
    `The database schema "${schema}" is not empty (tables: ${shown}) and has no ${MIGRATIONS_TABLE} table, so which migrations are already in it is unknown.`,
    {
      remedy:
        'Baseline it: for each migration already reflected in the database run `resolve --applied NAME` (https://pris.ly/d/migrate-baseline), then apply.',
      details: { schema, tables },
    },
  );
}

/** Creates the bookkeeping table, refusing a non-empty schema (P3005) as Prisma does. */
export async function createMigrationsTable(client: pg.Client, schema: string): Promise<void> {
  const tables = await otherTables(client, schema);
  if (tables.length) throw baselineError(schema, tables);
  await client.query(createMigrationsTableSql(schema));
}

/** Prisma's P3009: any failed row blocks every later deploy until it is resolved. */
export function refuseFailedMigrations(rows: PrismaMigrationRow[]): void {
  const failed = rows.filter(isFailedRow);
  if (!failed.length) return;
  const lines = failed.map(
    (row) =>
      `The \`${row.migrationName}\` migration started at ${row.startedAt.toISOString()} failed${row.logs ? `: ${firstLine(row.logs)}` : ''}`,
  );
  throw new MigrateActionsError(
    'P3009',
    `Found failed migrations in the target database; new migrations will not be applied.\n${lines.join('\n')}`,
    {
      where: { migration: failed[0].migrationName },
      remedy: `Run \`prisma-migrate-actions recover ${failed[0].migrationName} --dry-run\` to see what it left and the plans (when this tool applied it), then \`prisma-migrate-actions recover ${failed[0].migrationName} --undo\` or \`--finish\`; for a row another tool left, check the database by hand, then run \`prisma-migrate-actions resolve --rolled-back ${failed[0].migrationName}\` (after undoing it) or \`prisma-migrate-actions resolve --applied ${failed[0].migrationName}\` (after completing it). https://pris.ly/d/migrate-resolve`,
      details: { failed: failed.map((row) => ({ name: row.migrationName, startedAt: row.startedAt, logs: row.logs })) },
    },
  );
}

function firstLine(text: string): string {
  return text.split('\n')[0].slice(0, 300);
}
