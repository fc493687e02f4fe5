/**
 * Read-only database context: table sizes and the data a change would break. Every query runs
 * in a READ ONLY transaction on a session with default_transaction_read_only=on and a statement
 * timeout; nothing here writes. Results name no row values (they may be personal data).
 */
import type pg from 'pg';
import type { ConnectionSettings } from '../postgres/url.js';
import { openClient } from '../postgres/client.js';
import { redact } from '../postgres/redact.js';
import type { DataCheck } from './rule.js';
import { quoteIdent } from '../postgres/sql.js';
import { quoteKey } from './names.js';
import type { TableStats } from './types.js';

export type CheckOutcome = { status: 'clean' } | { status: 'violation'; detail: string } | { status: 'failed'; detail: string };

export interface DatabaseSession {
  tableStats(tables: string[]): Promise<TableStats[]>;
  run(check: DataCheck): Promise<CheckOutcome>;
  close(): Promise<void>;
}

export async function openDatabase(settings: ConnectionSettings, statementTimeoutMs: number): Promise<DatabaseSession> {
  // Long-lived (openClient): one read-only transaction serves every check of the lint run.
  const client = await openClient(settings, { readOnly: true, statementTimeoutMs, applicationName: 'prisma-migrate-actions lint' });
  await client.query('BEGIN READ ONLY');
  const exists = async (sql: string, params: unknown[] = []): Promise<boolean> => {
    await client.query('SAVEPOINT lint_check');
    try {
      const result = await client.query(sql, params);
      await client.query('RELEASE SAVEPOINT lint_check');
      return (result.rowCount ?? 0) > 0;
    } catch (error) {
      await client.query('ROLLBACK TO SAVEPOINT lint_check');
      throw error;
    }
  };
  return {
    async tableStats(tables) {
      if (!tables.length) return [];
      const result = await client.query<{ name: string; rows: string; bytes: string }>(
        `SELECT t.name, c.reltuples::bigint AS rows, pg_total_relation_size(c.oid) AS bytes
           FROM unnest($1::text[], $2::text[]) AS t(name, regname)
           JOIN pg_class c ON c.oid = to_regclass(t.regname)`,
        [tables, tables.map(quoteKey)],
      );
      return result.rows.map((r) => ({ table: r.name, rows: Number(r.rows) < 0 ? null : Number(r.rows), bytes: Number(r.bytes) }));
    },
    async run(check) {
      try {
        return await runCheck(check, exists, client);
      } catch (error) {
        return { status: 'failed', detail: redact((error as Error).message) };
      }
    },
    async close() {
      await client.query('ROLLBACK').catch(() => undefined);
      await client.end();
    },
  };
}

type Exists = (sql: string, params?: unknown[]) => Promise<boolean>;

const notNullAll = (columns: string[], alias = ''): string => columns.map((c) => `${alias}${quoteIdent(c)} IS NOT NULL`).join(' AND ');

async function runCheck(check: DataCheck, exists: Exists, client: pg.Client): Promise<CheckOutcome> {
  const table = quoteKey(check.table);
  const found = (detail: string): CheckOutcome => ({ status: 'violation', detail });
  switch (check.kind) {
    case 'unique': {
      const cols = check.columns.map(quoteIdent).join(', ');
      const where = check.nullsNotDistinct ? '' : ` WHERE ${notNullAll(check.columns)}`;
      const dup = await exists(`SELECT 1 FROM ${table}${where} GROUP BY ${cols} HAVING count(*) > 1 LIMIT 1`);
      return dup ? found(`${check.table} already holds duplicate values of (${check.columns.join(', ')})`) : { status: 'clean' };
    }
    case 'not-null':
      return (await exists(`SELECT 1 FROM ${table} WHERE ${quoteIdent(check.column)} IS NULL LIMIT 1`))
        ? found(`${check.table}.${check.column} holds NULL in at least one row`)
        : { status: 'clean' };
    case 'has-rows':
      return (await exists(`SELECT 1 FROM ${table} LIMIT 1`))
        ? found(`${check.table} has rows, and ${check.column} would be NULL in each of them`)
        : { status: 'clean' };
    case 'check':
      return (await exists(`SELECT 1 FROM ${table} WHERE NOT (${check.expression}) LIMIT 1`))
        ? found(`at least one row of ${check.table} violates CHECK (${check.expression})`)
        : { status: 'clean' };
    case 'fk':
      return foreignKey(check, exists, client);
    default:
      return { status: 'failed', detail: `not checkable: ${check.why}` };
  }
}

async function foreignKey(check: Extract<DataCheck, { kind: 'fk' }>, exists: Exists, client: pg.Client): Promise<CheckOutcome> {
  const child = quoteKey(check.table);
  const referenced = (await client.query('SELECT to_regclass($1) IS NOT NULL AS present', [quoteKey(check.refTable)])).rows[0]?.present;
  const orphans = `rows of ${check.table} reference ${check.refTable} rows that do not exist`;
  if (check.refIsNew || !referenced) {
    // The referenced table is created by the change set: it starts empty, so any non-null key is an orphan.
    return (await exists(`SELECT 1 FROM ${child} WHERE ${notNullAll(check.columns)} LIMIT 1`))
      ? { status: 'violation', detail: orphans }
      : { status: 'clean' };
  }
  const refColumns = check.refColumns.length ? check.refColumns : await primaryKeyColumns(client, check.refTable);
  if (refColumns.length !== check.columns.length)
    return { status: 'failed', detail: `could not match the key columns of ${check.refTable}` };
  const join = check.columns.map((c, i) => `p.${quoteIdent(refColumns[i])} = c.${quoteIdent(c)}`).join(' AND ');
  const sql = `SELECT 1 FROM ${child} c WHERE ${notNullAll(check.columns, 'c.')} AND NOT EXISTS (SELECT 1 FROM ${quoteKey(check.refTable)} p WHERE ${join}) LIMIT 1`;
  return (await exists(sql)) ? { status: 'violation', detail: orphans } : { status: 'clean' };
}

async function primaryKeyColumns(client: pg.Client, table: string): Promise<string[]> {
  const result = await client.query<{ attname: string }>(
    `SELECT a.attname FROM pg_index i
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
      WHERE i.indrelid = to_regclass($1) AND i.indisprimary
      ORDER BY array_position(i.indkey::int2[], a.attnum)`,
    [quoteKey(table)],
  );
  return result.rows.map((r) => r.attname);
}
