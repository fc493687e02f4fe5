/**
 * What the seeder needs to know about a schema's tables, read from pg_catalog: columns with
 * their types, defaults and NOT NULL; primary keys, unique constraints and unique indexes;
 * foreign keys; CHECK constraints (of the table and of domain types).
 */
import type pg from 'pg';

export interface SeedColumn {
  name: string;
  /** `format_type` text, valid as a cast target (`integer`, `"GoalStatus"`, `character varying(20)`). */
  sqlType: string;
  /** Base type name after resolving domains (`int4`, `text`, `citext`, `_text` for arrays). */
  baseType: string;
  /** pg_type.typcategory of the base type (`N` numeric, `S` string, `A` array, `E` enum, …). */
  category: string;
  /** For arrays: the element's base type name and category. */
  elementType?: string;
  elementCategory?: string;
  /** Enum labels (of the column, or of an array's element). */
  enumLabels?: string[];
  /** Declared length or precision, from the type modifier. */
  maxLength?: number;
  precision?: number;
  scale?: number;
  notNull: boolean;
  defaultExpr?: string;
  identity: boolean;
  generated: boolean;
  /** CHECK constraints of the column's domain type, written with the column name for VALUE. */
  domainChecks: string[];
}

export interface SeedForeignKey {
  name: string;
  columns: string[];
  parentSchema: string;
  parentTable: string;
  parentColumns: string[];
}

export interface SeedCheck {
  name: string;
  columns: string[];
  definition: string;
}

export interface SeedTable {
  schema: string;
  name: string;
  columns: SeedColumn[];
  /** Primary key, unique constraints and plain unique indexes: each a list of columns. */
  uniqueKeys: string[][];
  foreignKeys: SeedForeignKey[];
  checks: SeedCheck[];
}

interface ColumnRow {
  table: string;
  name: string;
  sql_type: string;
  base_type: string;
  category: string;
  element_type: string | null;
  element_category: string | null;
  enum_labels: string[] | null;
  typmod: number;
  not_null: boolean;
  default_expr: string | null;
  identity: boolean;
  generated: boolean;
  domain_checks: string[] | null;
}

const COLUMNS_SQL = `
WITH RECURSIVE cols AS (
  SELECT c.relname AS table, a.attname AS name, a.attnum, format_type(a.atttypid, a.atttypmod) AS sql_type,
         a.atttypid AS type_oid, a.atttypmod AS typmod, a.attnotnull AS not_null,
         pg_get_expr(d.adbin, d.adrelid) AS default_expr, a.attidentity <> '' AS identity, a.attgenerated <> '' AS generated
  FROM pg_attribute a
  JOIN pg_class c ON c.oid = a.attrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
  WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND a.attnum > 0 AND NOT a.attisdropped
), base(type_oid, base_oid, typmod, domains) AS (
  SELECT DISTINCT type_oid, type_oid, -1, ARRAY[]::oid[] FROM cols
  UNION ALL
  SELECT b.type_oid, t.typbasetype, t.typtypmod, b.domains || t.oid
  FROM base b JOIN pg_type t ON t.oid = b.base_oid WHERE t.typtype = 'd'
), resolved AS (
  SELECT b.type_oid, b.base_oid, b.typmod AS domain_typmod, b.domains FROM base b
  JOIN pg_type t ON t.oid = b.base_oid WHERE t.typtype <> 'd'
)
SELECT cols.table, cols.name, cols.sql_type, bt.typname AS base_type, bt.typcategory AS category,
       et.typname AS element_type, et.typcategory AS element_category,
       (SELECT array_agg(e.enumlabel::text ORDER BY e.enumsortorder) FROM pg_enum e
         WHERE e.enumtypid = CASE WHEN bt.typelem <> 0 AND bt.typcategory = 'A' THEN bt.typelem ELSE bt.oid END) AS enum_labels,
       CASE WHEN cols.typmod <> -1 THEN cols.typmod ELSE r.domain_typmod END AS typmod,
       cols.not_null, cols.default_expr, cols.identity, cols.generated,
       -- pg_constraint has no index on contypid: scanned only for a column whose type is a domain.
       CASE WHEN cardinality(r.domains) > 0 THEN
         (SELECT array_agg(pg_get_constraintdef(k.oid)) FROM pg_constraint k
           WHERE k.contypid = ANY (r.domains) AND k.contype = 'c') END AS domain_checks
FROM cols
JOIN resolved r ON r.type_oid = cols.type_oid
JOIN pg_type bt ON bt.oid = r.base_oid
LEFT JOIN pg_type et ON et.oid = bt.typelem AND bt.typcategory = 'A'
ORDER BY cols.table, cols.attnum`;

const KEYS_SQL = `
SELECT c.relname AS table, k.contype AS kind, k.conname AS name,
       ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(n, i)
             JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i) AS columns,
       pn.nspname AS parent_schema, pc.relname AS parent_table,
       ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(n, i)
             JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.i) AS parent_columns,
       pg_get_constraintdef(k.oid) AS definition
FROM pg_constraint k
JOIN pg_class c ON c.oid = k.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class pc ON pc.oid = k.confrelid
LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace
WHERE n.nspname = $1 AND k.contype IN ('p', 'u', 'f', 'c')
UNION ALL
SELECT c.relname, 'i', ic.relname,
       ARRAY(SELECT a.attname::text FROM unnest(i.indkey::int2[]) WITH ORDINALITY u(n, o)
             JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = u.n ORDER BY u.o),
       NULL, NULL, NULL, NULL
FROM pg_index i
JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = $1 AND i.indisunique AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
  AND 0 <> ALL (i.indkey::int2[])
ORDER BY 1, 3`;

interface KeyRow {
  table: string;
  kind: 'p' | 'u' | 'f' | 'c' | 'i';
  name: string;
  columns: string[];
  parent_schema: string | null;
  parent_table: string | null;
  parent_columns: string[] | null;
  definition: string | null;
}

/** Tables the seeder fills: the schema's ordinary and partitioned tables, minus `excluded`. */
export async function readSeedTables(client: pg.Client, schema: string, excluded: string[] = []): Promise<SeedTable[]> {
  const columns = (await client.query<ColumnRow>(COLUMNS_SQL, [schema])).rows;
  const keys = (await client.query<KeyRow>(KEYS_SQL, [schema])).rows;
  const tables = new Map<string, SeedTable>();
  for (const row of columns) {
    if (excluded.includes(row.table)) continue;
    let table = tables.get(row.table);
    if (!table) {
      table = { schema, name: row.table, columns: [], uniqueKeys: [], foreignKeys: [], checks: [] };
      tables.set(row.table, table);
    }
    table.columns.push(toSeedColumn(row));
  }
  for (const key of keys) {
    const table = tables.get(key.table);
    if (table) addKey(table, key);
  }
  return [...tables.values()];
}

function addKey(table: SeedTable, key: KeyRow): void {
  if (key.kind === 'p' || key.kind === 'u' || key.kind === 'i') table.uniqueKeys.push(key.columns);
  else if (key.kind === 'f') {
    table.foreignKeys.push({
      name: key.name,
      columns: key.columns,
      parentSchema: key.parent_schema!,
      parentTable: key.parent_table!,
      parentColumns: key.parent_columns!,
    });
  } else table.checks.push({ name: key.name, columns: key.columns, definition: key.definition! });
}

function toSeedColumn(row: ColumnRow): SeedColumn {
  const column: SeedColumn = {
    name: row.name,
    sqlType: row.sql_type,
    baseType: row.base_type,
    category: row.category,
    elementType: row.element_type ?? undefined,
    elementCategory: row.element_category ?? undefined,
    enumLabels: row.enum_labels ?? undefined,
    notNull: row.not_null,
    defaultExpr: row.default_expr ?? undefined,
    identity: row.identity,
    generated: row.generated,
    domainChecks: (row.domain_checks ?? []).map((check) => check.replace(/\bVALUE\b/g, quoteName(row.name))),
  };
  Object.assign(column, typeModifier(row.element_type ?? row.base_type, row.typmod)); // arrays: the element's modifier
  return column;
}

function quoteName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Length of varchar/char/bit, precision and scale of numeric, from pg_attribute.atttypmod. */
function typeModifier(baseType: string, typmod: number): Partial<SeedColumn> {
  if (typmod < 0) return {};
  if (baseType === 'numeric') return { precision: ((typmod - 4) >> 16) & 0xffff, scale: (typmod - 4) & 0xffff };
  if (baseType === 'varchar' || baseType === 'bpchar') return { maxLength: typmod - 4 };
  if (baseType === 'bit' || baseType === 'varbit') return { maxLength: typmod };
  return {};
}
