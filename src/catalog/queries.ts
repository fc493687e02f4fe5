/**
 * The catalog queries: one per object type, all sent in a single round trip inside one
 * REPEATABLE READ, read-only transaction with an empty search_path, so every name PostgreSQL
 * prints (types, defaults, index and view definitions) is schema-qualified the same way on
 * every database, whatever the session's search_path.
 */
import { quoteLiteral } from '../postgres/sql.js';
import type { ObjectType } from './types.js';

/** One query per object type, plus the server's version. */
export type QueryKey = 'server' | ObjectType;

/** Which schemas to read: the given ones, or every schema that is not PostgreSQL's own. */
function schemaFilter(nsAlias: string, schemas: readonly string[] | undefined): string {
  if (schemas?.length) return `${nsAlias}.nspname = ANY (ARRAY[${schemas.map(quoteLiteral).join(', ')}]::text[])`;
  return `${nsAlias}.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND ${nsAlias}.nspname !~ '^pg_(toast_)?temp_'`;
}

/**
 * Objects created by CREATE EXTENSION belong to the extension, not to the migrations.
 * (NOT IN over an uncorrelated subquery: one hashed scan of pg_depend, not one probe per row.)
 */
function notExtensionMember(catalog: string, oidExpr: string): string {
  return `${oidExpr} NOT IN (SELECT ext.objid FROM pg_depend ext WHERE ext.classid = '${catalog}'::regclass AND ext.deptype = 'e')`;
}

const RELATION_GRANTS = (filter: string): string => `
  SELECT n.nspname AS schema, c.relname AS object,
    CASE c.relkind WHEN 'S' THEN 'sequence' WHEN 'v' THEN 'view' WHEN 'm' THEN 'view' ELSE 'table' END AS object_kind,
    a.grantee, a.privilege_type, a.is_grantable
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(c.relacl) a
  WHERE c.relacl IS NOT NULL AND a.grantee <> c.relowner AND c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S') AND ${filter}
    AND ${notExtensionMember('pg_class', 'c.oid')}`;

const SCHEMA_GRANTS = (filter: string): string => `
  SELECT n.nspname, '', 'schema', a.grantee, a.privilege_type, a.is_grantable
  FROM pg_namespace n, aclexplode(n.nspacl) a
  WHERE n.nspacl IS NOT NULL AND a.grantee <> n.nspowner AND ${filter}`;

const FUNCTION_GRANTS = (filter: string): string => `
  SELECT n.nspname, p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', 'function', a.grantee, a.privilege_type, a.is_grantable
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace, aclexplode(p.proacl) a
  WHERE p.proacl IS NOT NULL AND a.grantee <> p.proowner AND ${filter} AND ${notExtensionMember('pg_proc', 'p.oid')}`;

export function catalogQueries(options: { schemas?: readonly string[]; includeGrants?: boolean }): Array<{ key: QueryKey; sql: string }> {
  const f = (alias = 'n'): string => schemaFilter(alias, options.schemas);
  const queries: Array<{ key: QueryKey; sql: string }> = [
    { key: 'server', sql: `SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version` },
    {
      key: 'schema',
      sql: `SELECT n.nspname AS name FROM pg_namespace n WHERE ${f()} AND ${notExtensionMember('pg_namespace', 'n.oid')}`,
    },
    {
      key: 'extension',
      sql: `SELECT e.extname AS name, e.extversion AS version, n.nspname AS schema
            FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace`,
    },
    {
      key: 'enum',
      sql: `SELECT n.nspname AS schema, t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
            WHERE ${f()} AND ${notExtensionMember('pg_type', 't.oid')}
            GROUP BY n.nspname, t.typname`,
    },
    {
      key: 'sequence',
      sql: `SELECT n.nspname AS schema, c.relname AS name, format_type(s.seqtypid, NULL) AS data_type,
              s.seqstart::text AS start, s.seqincrement::text AS increment, s.seqmin::text AS min, s.seqmax::text AS max,
              s.seqcache::text AS cache, s.seqcycle AS cycle,
              tn.nspname AS owned_schema, tc.relname AS owned_table, a.attname AS owned_column
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_sequence s ON s.seqrelid = c.oid
            LEFT JOIN pg_depend dep ON dep.classid = 'pg_class'::regclass AND dep.objid = c.oid
              AND dep.refclassid = 'pg_class'::regclass AND dep.deptype IN ('a', 'i')
            LEFT JOIN pg_class tc ON tc.oid = dep.refobjid
            LEFT JOIN pg_namespace tn ON tn.oid = tc.relnamespace
            LEFT JOIN pg_attribute a ON a.attrelid = dep.refobjid AND a.attnum = dep.refobjsubid
            WHERE c.relkind = 'S' AND dep.deptype IS DISTINCT FROM 'i' AND ${f()} AND ${notExtensionMember('pg_class', 'c.oid')}`,
    },
    {
      key: 'table',
      sql: `SELECT n.nspname AS schema, c.relname AS name, c.relkind::text AS kind, c.relpersistence::text AS persistence,
              CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
              pn.nspname AS parent_schema, pc.relname AS parent_name,
              CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
              c.relrowsecurity AS rls, c.relforcerowsecurity AS force_rls, coalesce(c.reloptions, '{}')::text[] AS options
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_inherits i ON i.inhrelid = c.oid AND c.relispartition
            LEFT JOIN pg_class pc ON pc.oid = i.inhparent
            LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace
            WHERE c.relkind IN ('r', 'p', 'f') AND ${f()} AND ${notExtensionMember('pg_class', 'c.oid')}`,
    },
    {
      // Inherited columns (partitions) are reported on their parent only.
      key: 'column',
      sql: `SELECT n.nspname AS schema, c.relname AS table, a.attname AS name, a.attnum AS position,
              format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
              pg_get_expr(d.adbin, d.adrelid) AS default_expr, a.attidentity::text AS identity, a.attgenerated::text AS generated,
              CASE WHEN a.attcollation <> t.typcollation THEN
                CASE WHEN cn.nspname = 'pg_catalog' THEN quote_ident(co.collname) ELSE quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END
              END AS collation
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            LEFT JOIN pg_collation co ON co.oid = a.attcollation
            LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
            WHERE a.attnum > 0 AND NOT a.attisdropped AND a.attislocal AND c.relkind IN ('r', 'p', 'f')
              AND ${f()} AND ${notExtensionMember('pg_class', 'c.oid')}`,
    },
    {
      key: 'constraint',
      sql: `SELECT n.nspname AS schema, c.relname AS table, con.conname AS name, con.contype::text AS kind,
              pg_get_constraintdef(con.oid) AS definition, con.convalidated AS validated
            FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE con.contype IN ('p', 'u', 'c', 'f', 'x') AND con.conislocal AND con.conparentid = 0
              AND ${f()} AND ${notExtensionMember('pg_class', 'c.oid')}`,
    },
    {
      // Indexes behind PRIMARY KEY / UNIQUE / EXCLUDE constraints are the constraint; partition
      // indexes attached to a parent index are the parent's.
      key: 'index',
      sql: `SELECT n.nspname AS schema, t.relname AS table, i.relname AS name, pg_get_indexdef(i.oid) AS definition, x.indisvalid AS valid
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
            JOIN pg_namespace n ON n.oid = i.relnamespace
            WHERE ${f()} AND ${notExtensionMember('pg_class', 't.oid')}
              AND t.relkind IN ('r', 'p', 'm', 'f')
              AND x.indexrelid NOT IN (SELECT con.conindid FROM pg_constraint con WHERE con.contype IN ('p', 'u', 'x'))
              AND i.oid NOT IN (SELECT inh.inhrelid FROM pg_inherits inh)`,
    },
    {
      key: 'view',
      sql: `SELECT n.nspname AS schema, c.relname AS name, c.relkind = 'm' AS materialized,
              pg_get_viewdef(c.oid, true) AS definition, coalesce(c.reloptions, '{}')::text[] AS options
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('v', 'm') AND ${f()} AND ${notExtensionMember('pg_class', 'c.oid')}`,
    },
    {
      key: 'function',
      sql: `SELECT n.nspname AS schema, p.proname AS name, p.prokind::text AS kind,
              pg_get_function_identity_arguments(p.oid) AS arguments, pg_get_functiondef(p.oid) AS definition
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE p.prokind IN ('f', 'p', 'w') AND ${f()} AND ${notExtensionMember('pg_proc', 'p.oid')}`,
    },
    {
      // Triggers cloned onto partitions (tgparentid) are the parent's.
      key: 'trigger',
      sql: `SELECT n.nspname AS schema, c.relname AS table, t.tgname AS name, pg_get_triggerdef(t.oid) AS definition, t.tgenabled::text AS enabled
            FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND ${f()} AND ${notExtensionMember('pg_class', 'c.oid')}`,
    },
    {
      key: 'policy',
      sql: `SELECT n.nspname AS schema, c.relname AS table, p.polname AS name, p.polpermissive AS permissive, p.polcmd::text AS command,
              CASE WHEN p.polroles = '{0}' THEN ARRAY['public']::text[]
                   ELSE ARRAY(SELECT r.rolname::text FROM pg_roles r WHERE r.oid = ANY (p.polroles) ORDER BY 1) END AS roles,
              pg_get_expr(p.polqual, p.polrelid) AS using_expr, pg_get_expr(p.polwithcheck, p.polrelid) AS with_check
            FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE ${f()}`,
    },
  ];
  if (options.includeGrants) {
    queries.push({
      key: 'grant',
      sql: `SELECT g.schema, g.object, g.object_kind,
              CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(g.grantee)::text END AS grantee,
              array_agg(g.privilege_type || CASE WHEN g.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END ORDER BY g.privilege_type) AS privileges
            FROM (${RELATION_GRANTS(f())} UNION ALL ${SCHEMA_GRANTS(f())} UNION ALL ${FUNCTION_GRANTS(f())}) g
            GROUP BY 1, 2, 3, 4`,
    });
  }
  return queries;
}

/**
 * One text: a read-only repeatable-read transaction around all catalog queries — or, inside a
 * transaction the caller holds (to check its own uncommitted changes), a savepoint whose rollback
 * restores the search_path.
 */
export function catalogBatch(queries: Array<{ sql: string }>, withinTransaction = false): string {
  return [
    withinTransaction ? 'SAVEPOINT pma_catalog_read' : 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
    "SELECT pg_catalog.set_config('search_path', '', true)",
    ...queries.map((q) => q.sql),
    ...(withinTransaction ? ['ROLLBACK TO SAVEPOINT pma_catalog_read', 'RELEASE SAVEPOINT pma_catalog_read'] : ['COMMIT']),
  ].join(';\n');
}
