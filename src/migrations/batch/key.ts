/**
 * The key a batched statement walks: the table's single-column primary key, or the unique NOT
 * NULL column the directive names. Batches are ranges of this key, so it must be unique (each row
 * in exactly one batch) and never NULL (every row in some batch). Also the table's row estimate,
 * for progress, ETA and the plan.
 */
import type pg from 'pg';
import { MigrateActionsError, type ErrorLocation } from '../../errors.js';
import { quoteIdent } from '../../postgres/sql.js';
import { keyAssigned, type BatchedStatement } from './directive.js';

export interface BatchKey {
  column: string;
  type: string;
  /** The table as the statement names it (quoted), for the keyset queries. */
  relation: string;
  /** The key column as the statement's WHERE can name it (alias or table qualified). */
  ref: string;
  /** The table's schema-qualified name, for reports. */
  table: string;
}

type Queryable = Pick<pg.Client, 'query'>;

export function relationSql(b: BatchedStatement): string {
  const { schema, table } = b.target;
  return schema ? `${quoteIdent(schema)}.${quoteIdent(table)}` : quoteIdent(table);
}

interface ColumnRow {
  attname: string;
  attnotnull: boolean;
  type: string;
  unique_alone: boolean;
  primary_alone: boolean;
  table: string;
}

/** Columns of the table with whether each is a usable key; null when the table does not exist. */
async function keyColumns(client: Queryable, relation: string): Promise<ColumnRow[] | null> {
  const result = await client.query<ColumnRow>(
    `SELECT a.attname, a.attnotnull, format_type(a.atttypid, a.atttypmod) AS type,
            format('%I.%I', n.nspname, c.relname) AS table,
            EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisunique AND i.indisvalid AND i.indpred IS NULL
                      AND i.indexprs IS NULL AND i.indnatts = 1 AND i.indkey[0] = a.attnum) AS unique_alone,
            EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary AND i.indnatts = 1
                      AND i.indkey[0] = a.attnum) AS primary_alone
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE c.oid = to_regclass($1) ORDER BY a.attnum`,
    [relation],
  );
  if (result.rows.length) return result.rows;
  const exists = await client.query<{ ok: boolean }>('SELECT to_regclass($1) IS NOT NULL AS ok', [relation]);
  return exists.rows[0].ok ? [] : null;
}

const KEY_REMEDY =
  'Give the table a single-column primary key, or name a column with a unique index that is NOT NULL: `-- prisma-migrate-actions: batch size=5000 key=<column>`.';

/**
 * The usable key, or undefined when the table does not exist yet (an earlier migration of the
 * same run creates it: checked again when the statement is reached). Throws E_BATCH_KEY.
 */
export async function resolveBatchKey(client: Queryable, b: BatchedStatement, where: ErrorLocation): Promise<BatchKey | undefined> {
  const relation = relationSql(b);
  const columns = await keyColumns(client, relation);
  if (columns === null) return undefined;
  const at: ErrorLocation = { ...where, line: b.directive.line, column: b.directive.column };
  const fail = (message: string) => new MigrateActionsError('E_BATCH_KEY', message, { where: at, remedy: KEY_REMEDY });
  const name = columns[0]?.table ?? (b.target.schema ? `${b.target.schema}.${b.target.table}` : b.target.table);
  let chosen: ColumnRow | undefined;
  if (b.directive.key) {
    chosen = columns.find((c) => c.attname === b.directive.key);
    if (!chosen) throw fail(`The batch key "${b.directive.key}" is not a column of ${name}.`);
    if (!chosen.unique_alone)
      throw fail(`The batch key ${name}.${chosen.attname} has no unique index of its own, so batches could overlap.`);
    if (!chosen.attnotnull) throw fail(`The batch key ${name}.${chosen.attname} may be NULL, so some rows would be in no batch.`);
  } else {
    chosen = columns.find((c) => c.primary_alone);
    if (!chosen) throw fail(`${name} has no single-column primary key to take batches by.`);
  }
  if (b.target.setColumns.includes(chosen.attname)) throw keyAssigned(b.statement, chosen.attname, where);
  const owner = b.target.alias ? quoteIdent(b.target.alias) : relation; // schema.table.column is a valid column reference
  return { column: chosen.attname, type: chosen.type, relation, ref: `${owner}.${quoteIdent(chosen.attname)}`, table: chosen.table };
}

/** The planner's row estimate; counted when the table was never analyzed. */
export async function estimateRows(client: Queryable, relation: string): Promise<number> {
  const stats = await client.query<{ n: string }>('SELECT reltuples::bigint AS n FROM pg_class WHERE oid = to_regclass($1)', [relation]);
  const n = Number(stats.rows[0]?.n ?? -1);
  if (n > 0) return n;
  const counted = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${relation}`);
  return Number(counted.rows[0].n);
}
