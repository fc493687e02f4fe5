/**
 * Checkpoints of batched statements, in the tool's own schema (beside the deploy audit table,
 * ignored by drift checks): the last key done and the rows done, written in the same transaction
 * as each batch, so a run killed at any moment resumes exactly where its last commit left off.
 */
import type pg from 'pg';
import { SUITE_SCHEMA } from '../../catalog/snapshot.js';
import { qualify, quoteIdent } from '../../postgres/sql.js';

export const PROGRESS_TABLE = 'batch_progress';
export const PROGRESS = qualify(SUITE_SCHEMA, PROGRESS_TABLE);

export interface BatchProgress {
  /** `_prisma_migrations.id` of the run that started the statement. */
  migrationId: string;
  migrationName: string;
  checksum: string;
  statementIndex: number;
  statementLine: number;
  table: string;
  keyColumn: string;
  /** Key of the last row covered by a committed batch (text form); null before the first. */
  lastKey: string | null;
  keysDone: number;
  rowsChanged: number;
  batches: number;
  rowsEstimate: number | null;
  state: 'running' | 'done';
  startedAt: Date;
  updatedAt: Date;
}

type Queryable = Pick<pg.Client, 'query'>;

export async function ensureProgressTable(client: Queryable): Promise<void> {
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(SUITE_SCHEMA)}`);
  await client.query(`CREATE TABLE IF NOT EXISTS ${PROGRESS} (
    migration_id varchar(36) NOT NULL,
    statement_index integer NOT NULL,
    migration_name text NOT NULL,
    checksum varchar(64) NOT NULL,
    statement_line integer NOT NULL,
    table_name text NOT NULL,
    key_column text NOT NULL,
    last_key text,
    keys_done bigint NOT NULL DEFAULT 0,
    rows_changed bigint NOT NULL DEFAULT 0,
    batches integer NOT NULL DEFAULT 0,
    rows_estimate bigint,
    state text NOT NULL DEFAULT 'running',
    started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (migration_id, statement_index))`);
}

function fromRow(row: Record<string, any>): BatchProgress {
  return {
    migrationId: row.migration_id,
    migrationName: row.migration_name,
    checksum: row.checksum,
    statementIndex: row.statement_index,
    statementLine: row.statement_line,
    table: row.table_name,
    keyColumn: row.key_column,
    lastKey: row.last_key,
    keysDone: Number(row.keys_done),
    rowsChanged: Number(row.rows_changed),
    batches: row.batches,
    rowsEstimate: row.rows_estimate === null ? null : Number(row.rows_estimate),
    state: row.state,
    startedAt: row.started_at,
    updatedAt: row.updated_at,
  };
}

/** Checkpoints of these bookkeeping rows, in statement order ([] when none was ever written). */
export async function readProgress(client: Queryable, migrationIds: string[]): Promise<BatchProgress[]> {
  if (!migrationIds.length) return [];
  const exists = await client.query<{ ok: boolean }>('SELECT to_regclass($1) IS NOT NULL AS ok', [PROGRESS]);
  if (!exists.rows[0].ok) return [];
  const result = await client.query(`SELECT * FROM ${PROGRESS} WHERE migration_id = ANY($1) ORDER BY migration_id, statement_index`, [
    migrationIds,
  ]);
  return result.rows.map(fromRow);
}

export type NewProgress = Pick<
  BatchProgress,
  'migrationId' | 'migrationName' | 'checksum' | 'statementIndex' | 'statementLine' | 'table' | 'keyColumn' | 'rowsEstimate'
>;

export async function startProgress(client: Queryable, p: NewProgress): Promise<void> {
  await client.query(
    `INSERT INTO ${PROGRESS} (migration_id, statement_index, migration_name, checksum, statement_line, table_name, key_column, rows_estimate)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (migration_id, statement_index) DO NOTHING`,
    [p.migrationId, p.statementIndex, p.migrationName, p.checksum, p.statementLine, p.table, p.keyColumn, p.rowsEstimate],
  );
}

/** Records one committed batch; runs inside the batch's own transaction. */
export async function advanceProgress(
  client: Queryable,
  key: { migrationId: string; statementIndex: number },
  batch: { lastKey: string | null; keys: number; rows: number; done: boolean },
): Promise<void> {
  await client.query(
    `UPDATE ${PROGRESS} SET last_key = COALESCE($3, last_key), keys_done = keys_done + $4, rows_changed = rows_changed + $5,
       batches = batches + 1, state = CASE WHEN $6 THEN 'done' ELSE state END, updated_at = clock_timestamp()
     WHERE migration_id = $1 AND statement_index = $2`,
    [key.migrationId, key.statementIndex, batch.lastKey, batch.keys, batch.rows, batch.done],
  );
}

/** "batching, 40% (1.2 M of 3 M rows)": what status says of a statement still running in batches. */
export function describeProgress(p: BatchProgress, format: (n: number) => string): string {
  if (p.state === 'done') return `batched statement on line ${p.statementLine} done (${format(p.rowsChanged)} rows changed)`;
  const total = p.rowsEstimate ?? 0;
  const percent = total > 0 ? Math.min(99, Math.floor((p.keysDone / total) * 100)) : undefined;
  return `batching, ${percent === undefined ? '?%' : `${percent}%`} (${format(p.keysDone)} of ${total > 0 ? format(total) : '?'} rows)`;
}
