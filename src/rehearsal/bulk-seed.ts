/**
 * Fills tables to rehearsal sizes fast: one set-based `INSERT … SELECT … FROM generate_series`
 * per table (in chunks), never row by row. Values follow the same rules as the upgrade-path
 * seeder (src/seed: types, NOT NULL, unique keys, simple CHECKs, foreign keys to existing parent
 * rows), written as SQL expressions of the series number `g`. Then ANALYZE, as production has
 * statistics. A table that cannot be filled is reported with the reason, not thrown.
 */
import type pg from 'pg';
import { redact } from '../postgres/redact.js';
import { qualify, quoteIdent, quoteLiteral } from '../postgres/sql.js';
import { readSeedTables, type SeedColumn, type SeedTable } from '../seed/catalog.js';
import { applyCheck, columnComparisons, type ColumnDomain } from '../seed/checks.js';
import { isNullable, isSelfReference, planTableOrder } from '../seed/order.js';

const CHUNK_ROWS = 250_000;
const PARENT_KEYS = 100_000;
const INT_MAX: Record<string, number> = { int2: 32_767, int4: 2_147_483_647, int8: 9_007_199_254_740_991 };

export interface BulkSeedResult {
  table: string;
  /** Rows the table holds afterwards. */
  rows: number;
  added: number;
  skipped?: string;
}

/** Adds rows to each table in `targets` until it holds the wanted count (parents first). */
export async function bulkSeed(
  client: pg.Client,
  schema: string,
  targets: Map<string, number>,
  log?: (line: string) => void,
): Promise<BulkSeedResult[]> {
  const tables = (await readSeedTables(client, schema, ['_prisma_migrations'])).filter((t) => targets.has(t.name));
  const results: BulkSeedResult[] = [];
  // Every foreign key value is drawn from the parent's existing rows, so the per-row checks (and
  // triggers) are skipped where the role may (a superuser, as on a throwaway server): a third of
  // the seeding time for a table with two foreign keys.
  const unchecked = await client.query('SET session_replication_role = replica').then(
    () => true,
    () => false,
  );
  try {
    await fill();
  } finally {
    if (unchecked) await client.query('RESET session_replication_role');
  }
  return results;

  async function fill(): Promise<void> {
    for (const plan of planTableOrder(tables)) {
      const table = plan.table;
      const have = await countRows(client, table);
      const want = targets.get(table.name)!;
      if (plan.blocked) {
        results.push({ table: table.name, rows: have, added: 0, skipped: plan.blocked });
        continue;
      }
      try {
        let added = 0;
        while (have + added < want) {
          const n = Math.min(CHUNK_ROWS, want - have - added);
          const inserted = await insertChunk(client, table, plan.nullForeignKeys, have + added, n);
          added += inserted;
          if (inserted < n) break; // one-to-one keys ran out of parents
        }
        await client.query(`ANALYZE ${qualify(table.schema, table.name)}`);
        log?.(`rehearsal: ${table.name} +${added} rows (now ${have + added})`);
        results.push({ table: table.name, rows: have + added, added });
      } catch (error) {
        const message = error instanceof SkipTable ? error.message : redact((error as Error).message);
        if (!(error instanceof SkipTable) && !(error as pg.DatabaseError).code) throw error;
        log?.(`rehearsal: ${table.name} not filled: ${message}`);
        results.push({ table: table.name, rows: have, added: 0, skipped: message });
      }
    }
  }
}

class SkipTable extends Error {}

async function countRows(client: pg.Client, table: SeedTable): Promise<number> {
  return Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${qualify(table.schema, table.name)}`)).rows[0].n);
}

/** One INSERT … SELECT of `n` rows numbered from `offset + 1`; returns how many went in. */
async function insertChunk(client: pg.Client, table: SeedTable, nullFks: Set<string>, offset: number, n: number): Promise<number> {
  const target = qualify(table.schema, table.name);
  const uniqueColumns = new Set(table.uniqueKeys.flat());
  const expressions = new Map<string, string>();
  const joins: string[] = [];
  const ctes: string[] = [];
  let radix = '1';
  let limit = n;
  for (const [i, fk] of table.foreignKeys.entries()) {
    const nullable = isNullable(table, fk);
    if (nullFks.has(fk.name) || isSelfReference(table, fk)) {
      if (!nullable) throw new SkipTable(`foreign key "${fk.name}" references the table itself through NOT NULL columns`);
      fk.columns.forEach((c) => expressions.set(c, 'NULL'));
      continue;
    }
    const parent = qualify(fk.parentSchema, fk.parentTable);
    const cols = fk.parentColumns.map(quoteIdent);
    const oneToOne = table.uniqueKeys.some((key) => key.every((c) => fk.columns.includes(c)));
    // A one-to-one key gets parents no row references yet; others cycle through a sample of parent keys.
    const unused = oneToOne
      ? ` AND NOT EXISTS (SELECT 1 FROM ${target} x WHERE ${fk.columns.map((c, k) => `x.${quoteIdent(c)} = p.${cols[k]}`).join(' AND ')})`
      : '';
    ctes.push(
      `p${i} AS MATERIALIZED (SELECT row_number() OVER () - 1 AS k, ${cols.map((c, k) => `p.${c} AS c${k}`).join(', ')} FROM ${parent} p
        WHERE ${cols.map((c) => `p.${c} IS NOT NULL`).join(' AND ')}${unused} LIMIT ${oneToOne ? n : PARENT_KEYS}),
       n${i} AS (SELECT greatest(count(*), 1) AS n FROM p${i})`,
    );
    const available = Number((await client.query<{ n: string }>(`WITH ${ctes.at(-1)} SELECT count(*) AS n FROM p${i}`)).rows[0].n);
    if (available === 0) {
      if (!nullable) throw new SkipTable(`foreign key "${fk.name}" needs rows in "${fk.parentTable}", which has none to spare`);
      ctes.pop();
      fk.columns.forEach((c) => expressions.set(c, 'NULL'));
      continue;
    }
    if (oneToOne) limit = Math.min(limit, available);
    joins.push(`JOIN p${i} ON p${i}.k = ((g - 1) / ${radix}) % (SELECT n FROM n${i})`);
    radix = `(${radix} * (SELECT n FROM n${i}))`;
    fk.columns.forEach((c, k) => expressions.set(c, `p${i}.c${k}`));
  }
  const written = table.columns.filter((c) => !c.identity && !c.generated && (!c.defaultExpr || uniqueColumns.has(c.name)));
  for (const column of written) {
    if (expressions.has(column.name)) continue;
    const domain = columnDomain(table, column);
    const distinct = uniqueColumns.has(column.name);
    const base = distinct ? await distinctBase(client, table, column) : 0;
    const expr = valueExpression(column, domain, distinct, base);
    if (expr === undefined) {
      if (column.notNull)
        throw new SkipTable(`column "${column.name}" (${column.sqlType}) is NOT NULL and has a type the seeder cannot generate`);
      expressions.set(column.name, 'NULL');
    } else expressions.set(column.name, !column.notNull && !distinct ? `CASE WHEN g % 7 = 3 THEN NULL ELSE ${expr} END` : expr);
  }
  // `a >= b`-style CHECKs between two generated columns: the left takes the right's value.
  for (const check of table.checks.filter((c) => c.columns.length === 2)) {
    for (const { left, op, right } of columnComparisons(check.definition)) {
      if ((op === '>=' || op === '<=') && expressions.has(left) && expressions.has(right) && !uniqueColumns.has(left))
        expressions.set(left, expressions.get(right)!);
    }
  }
  const columns = written.filter((c) => expressions.has(c.name));
  const fkOnly = table.foreignKeys.flatMap((fk) => fk.columns).filter((c) => !columns.some((w) => w.name === c) && expressions.has(c));
  const names = [...columns.map((c) => c.name), ...fkOnly];
  const values = names.map((name) => {
    const column = table.columns.find((c) => c.name === name)!;
    return `(${expressions.get(name)})::${column.sqlType}`;
  });
  const sql = `${ctes.length ? `WITH ${ctes.join(',\n')}\n` : ''}INSERT INTO ${target} ${names.length ? `(${names.map(quoteIdent).join(', ')})` : ''}
    SELECT ${values.join(', ')} FROM generate_series(${offset + 1}::bigint, ${offset + limit}::bigint) g ${joins.join(' ')}`;
  return (await client.query(sql)).rowCount ?? 0;
}

function columnDomain(table: SeedTable, column: SeedColumn): ColumnDomain {
  let domain: ColumnDomain = {};
  const checks = table.checks.filter((c) => c.columns.length === 1 && c.columns[0] === column.name).map((c) => c.definition);
  for (const definition of [...checks, ...column.domainChecks]) domain = applyCheck(domain, definition, column.name);
  return domain;
}

/** Where distinct numbers continue from: after the largest value already there. */
async function distinctBase(client: pg.Client, table: SeedTable, column: SeedColumn): Promise<number> {
  if (column.category !== 'N') return 0;
  const r = await client.query<{ m: string | null }>(
    `SELECT max(${quoteIdent(column.name)})::text AS m FROM ${qualify(table.schema, table.name)}`,
  );
  return Math.max(0, Math.ceil(Number(r.rows[0].m ?? 0)));
}

/** A SQL expression of `g` for the column, or undefined for a type with no generator. */
export function valueExpression(column: SeedColumn, domain: ColumnDomain, distinct: boolean, base: number): string | undefined {
  const spread = (span: number) => `((g * 7919) % ${Math.max(1, Math.floor(span))})`;
  if (domain.values?.length) return `(ARRAY[${domain.values.map(quoteLiteral).join(', ')}])[1 + (g % ${domain.values.length})::int]`;
  if (column.enumLabels?.length)
    return `(ARRAY[${column.enumLabels.map(quoteLiteral).join(', ')}])[1 + (g % ${column.enumLabels.length})::int]`;
  if (column.category === 'A') return `'{}'`;
  switch (column.baseType) {
    case 'uuid':
      return `md5('r' || g::text)::uuid`;
    case 'json':
    case 'jsonb':
      return `json_build_object('seed', g)::text`;
    case 'bytea':
      return `decode(md5(g::text), 'hex')`;
    case 'bool':
      return `(g % 2 = 0)`;
    case 'date':
      return distinct ? `date '2100-01-01' + g::int` : `date '2024-01-01' + ${spread(730)}::int`;
    case 'timestamp':
    case 'timestamptz':
      return distinct
        ? `timestamp '2030-01-01' + g * interval '1 second'`
        : `timestamp '2024-01-01' + ${spread(63_072_000)} * interval '1 second'`;
    case 'time':
    case 'timetz':
      return `time '00:00' + (g % 86400) * interval '1 second'`;
    case 'interval':
      return `(1 + g % 10000) * interval '1 minute'`;
    case 'inet':
    case 'cidr':
      return `('10.0.0.0'::inet + g)`;
    case 'money':
      return `((g % 100000)::numeric / 100)`;
  }
  if (column.category === 'N') {
    const integral = column.baseType in INT_MAX || (column.baseType === 'numeric' && column.scale === 0);
    let max = domain.max ?? (distinct ? INT_MAX.int8 : 1000);
    const min = domain.min ?? (distinct ? 1 : 0);
    if (column.baseType in INT_MAX) max = Math.min(max, INT_MAX[column.baseType]);
    if (column.precision !== undefined) max = Math.min(max, 10 ** (column.precision - (column.scale ?? 0)) - 1);
    if (distinct) return `(${Math.max(base, Math.ceil(min) - 1)} + g)`;
    const span = Math.floor(max) - Math.ceil(min) + 1;
    return integral ? `(${Math.ceil(min)} + ${spread(span)})` : `(${Math.ceil(min)} + ${spread(span * 100)}::numeric / 100)`;
  }
  if (column.category === 'S') {
    const maxLength = Math.min(column.maxLength ?? Infinity, domain.maxLength ?? Infinity);
    const token = distinct ? `'r' || g` : `'w' || (g % 1000)`;
    let text = /e?mail/i.test(column.name) ? `'user.' || ${token} || '@example.com'` : `${quoteLiteral(`${column.name}_`)} || ${token}`;
    if (Number.isFinite(maxLength)) text = distinct ? `right(${text}, ${maxLength})` : `left(${text}, ${maxLength})`;
    if (domain.minLength) text = `rpad(${text}, ${Math.min(domain.minLength, maxLength)}, 'x')`;
    return text;
  }
  return undefined;
}
