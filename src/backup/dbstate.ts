/**
 * What a backup promises about a database: per-table row counts and the applied Prisma
 * migrations. At backup time they are read inside the repeatable-read transaction whose
 * snapshot pg_dump dumps, so counts and dump describe the same moment.
 */
import type pg from 'pg';
import { qualify } from '../postgres/sql.js';
import type { ConnectionSettings } from '../postgres/url.js';
import { openClient } from '../postgres/client.js';
import { countTableRows } from '../postgres/row-counts.js';
import type { MigrationState, RowCountDifference, TableRowCount } from './types.js';

/** Ordinary tables pg_dump dumps the data of (not system, not owned by an extension). */
const USER_TABLES = `
  SELECT n.nspname AS schema, c.relname AS table
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind = 'r' AND c.relpersistence = 'p'
    AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
  ORDER BY 1, 2`;

export async function countRows(client: pg.Client): Promise<TableRowCount[]> {
  const tables = (await client.query<{ schema: string; table: string }>(USER_TABLES)).rows;
  const counts = await countTableRows(
    client,
    tables.map((t) => ({ schema: t.schema, name: t.table })),
    { only: true },
  );
  return tables.map((t, i) => ({ schema: t.schema, table: t.table, rows: counts[i] }));
}

export async function migrationState(client: pg.Client, schema: string): Promise<MigrationState> {
  const exists = await client.query<{ t: string | null }>('SELECT to_regclass($1) AS t', [qualify(schema, '_prisma_migrations')]);
  if (!exists.rows[0].t) return { schema, tablePresent: false, applied: [] };
  const r = await client.query<{ migration_name: string }>(
    `SELECT migration_name FROM ${qualify(schema, '_prisma_migrations')}
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY finished_at, migration_name`,
  );
  return { schema, tablePresent: true, applied: r.rows.map((row) => row.migration_name) };
}

/** A repeatable-read transaction that exported its snapshot for pg_dump --snapshot. */
export interface ExportedSnapshot {
  id: string;
  client: pg.Client;
  /** Ends the transaction and the connection. */
  close(): Promise<void>;
}

export async function exportSnapshot(settings: ConnectionSettings): Promise<ExportedSnapshot> {
  // Long-lived (openClient): the transaction must stay open while pg_dump reads its snapshot.
  const client = await openClient(settings, { applicationName: 'prisma-migrate-actions-backup-snapshot' });
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const r = await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id');
    let closed = false;
    return {
      id: r.rows[0].id,
      client,
      async close() {
        if (closed) return;
        closed = true;
        await client.query('ROLLBACK').catch(() => undefined);
        await client.end().catch(() => undefined);
      },
    };
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
}

/** Tables whose counts differ (or that exist on one side only). */
export function compareRowCounts(expected: TableRowCount[], actual: TableRowCount[]): RowCountDifference[] {
  const key = (t: TableRowCount): string => `${t.schema}.${t.table}`;
  const actualByKey = new Map(actual.map((t) => [key(t), t.rows]));
  const expectedKeys = new Set(expected.map(key));
  const differences: RowCountDifference[] = [];
  for (const t of expected) {
    const rows = actualByKey.get(key(t));
    if (rows !== t.rows) differences.push({ schema: t.schema, table: t.table, expected: t.rows, actual: rows ?? null });
  }
  for (const t of actual)
    if (!expectedKeys.has(key(t))) differences.push({ schema: t.schema, table: t.table, expected: null, actual: t.rows });
  return differences;
}

export function describeDifferences(differences: RowCountDifference[]): string {
  const shown = differences
    .slice(0, 10)
    .map((d) => `${d.schema}.${d.table}: expected ${d.expected ?? 'no table'}, found ${d.actual ?? 'no table'}`);
  return shown.join('; ') + (differences.length > 10 ? `; and ${differences.length - 10} more` : '');
}
