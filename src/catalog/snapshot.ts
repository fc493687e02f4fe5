/**
 * snapshotSchema: reads a live database's schema from pg_catalog in one round trip and keys
 * every object by a stable identity. The suite's own objects (the `_prisma_migrations` table,
 * the `prisma_migrate_actions` audit schema) are never part of a snapshot.
 */
import type pg from 'pg';
import { MigrateActionsError } from '../errors.js';
import { redact } from '../postgres/redact.js';
import { identityOf, matchesAny, objectSchema, objectTable } from './identity.js';
import {
  normalizeExpression,
  normalizeFunctionDefinition,
  normalizeViewDefinition,
  collapseWhitespace,
  splitNotValid,
} from './normalize.js';
import { catalogBatch, catalogQueries, type QueryKey } from './queries.js';
import type {
  CatalogObject,
  CatalogObjects,
  CatalogSnapshot,
  ColumnObject,
  ConstraintKind,
  ConstraintObject,
  EnumObject,
  ExtensionObject,
  FunctionObject,
  GrantObject,
  IndexObject,
  ObjectType,
  PolicyObject,
  SchemaObject,
  SequenceObject,
  TableObject,
  TriggerObject,
  ViewObject,
} from './types.js';

export interface SnapshotOptions {
  /** Schemas to read; default every non-system schema. */
  schemas?: string[];
  includeGrants?: boolean;
  /** Identity patterns to leave out (see identity.ts). */
  exclude?: string[];
  /** The client is inside a transaction: read what it sees, leave the transaction open. */
  withinTransaction?: boolean;
}

/** The suite's own bookkeeping: never drift. */
export const SUITE_TABLE = '_prisma_migrations';
export const SUITE_SCHEMA = 'prisma_migrate_actions';

type Row = Record<string, unknown>;

export function emptyObjects(): CatalogObjects {
  return {
    schema: {},
    extension: {},
    enum: {},
    sequence: {},
    table: {},
    column: {},
    constraint: {},
    index: {},
    view: {},
    function: {},
    trigger: {},
    policy: {},
    grant: {},
  };
}

export async function snapshotSchema(client: pg.Client, options: SnapshotOptions = {}): Promise<CatalogSnapshot> {
  const queries = catalogQueries(options);
  let results: pg.QueryResult[];
  try {
    results = (await client.query(catalogBatch(queries, options.withinTransaction))) as unknown as pg.QueryResult[];
  } catch (error) {
    if (!options.withinTransaction) await client.query('ROLLBACK').catch(() => undefined);
    throw new MigrateActionsError('E_CATALOG_READ', `Could not read the database catalog: ${redact((error as Error).message)}`, {
      remedy: 'Check that the user can connect and read pg_catalog (any role can), and that the server is PostgreSQL 13 or newer.',
      cause: error,
    });
  }
  // results: BEGIN, set_config, one per query, COMMIT.
  const rowsOf = new Map<QueryKey, Row[]>();
  queries.forEach((q, i) => rowsOf.set(q.key, results[i + 2].rows as Row[]));
  const server = rowsOf.get('server')![0];
  const objects = buildObjects(rowsOf);
  removeSuiteAndExcluded(objects, options.exclude);
  return {
    serverVersion: String(server.version),
    serverMajor: Math.floor(Number(server.num) / 10000),
    schemas: options.schemas?.length ? [...options.schemas].sort() : Object.keys(objects.schema).sort(),
    includeGrants: !!options.includeGrants,
    objects,
  };
}

function buildObjects(rowsOf: Map<QueryKey, Row[]>): CatalogObjects {
  const objects = emptyObjects();
  const add = <T extends ObjectType>(type: T, rows: Row[] | undefined, build: (row: Row) => [string, CatalogObjects[T][string]]): void => {
    for (const row of rows ?? []) {
      const [identity, object] = build(row);
      (objects[type] as Record<string, unknown>)[identity] = object;
    }
  };
  add('schema', rowsOf.get('schema'), schemaFromRow);
  add('extension', rowsOf.get('extension'), extensionFromRow);
  add('enum', rowsOf.get('enum'), enumFromRow);
  add('sequence', rowsOf.get('sequence'), sequenceFromRow);
  add('table', rowsOf.get('table'), tableFromRow);
  add('column', rowsOf.get('column'), columnFromRow);
  add('constraint', rowsOf.get('constraint'), constraintFromRow);
  add('index', rowsOf.get('index'), indexFromRow);
  add('view', rowsOf.get('view'), viewFromRow);
  add('function', rowsOf.get('function'), functionFromRow);
  add('trigger', rowsOf.get('trigger'), triggerFromRow);
  add('policy', rowsOf.get('policy'), policyFromRow);
  add('grant', rowsOf.get('grant'), grantFromRow);
  return objects;
}

const str = (value: unknown): string => String(value);
const strOrNull = (value: unknown): string | null => (value === null || value === undefined || value === '' ? null : String(value));

function schemaFromRow(row: Row): [string, SchemaObject] {
  return [identityOf(str(row.name)), { name: str(row.name) }];
}

function extensionFromRow(row: Row): [string, ExtensionObject] {
  return [identityOf(str(row.name)), { name: str(row.name), version: str(row.version), schema: str(row.schema) }];
}

function enumFromRow(row: Row): [string, EnumObject] {
  return [identityOf(str(row.schema), str(row.name)), { schema: str(row.schema), name: str(row.name), values: row.values as string[] }];
}

function sequenceFromRow(row: Row): [string, SequenceObject] {
  const owned = row.owned_table ? identityOf(str(row.owned_schema), str(row.owned_table), str(row.owned_column)) : null;
  return [
    identityOf(str(row.schema), str(row.name)),
    {
      schema: str(row.schema),
      name: str(row.name),
      dataType: str(row.data_type),
      start: str(row.start),
      increment: str(row.increment),
      min: str(row.min),
      max: str(row.max),
      cache: str(row.cache),
      cycle: row.cycle === true,
      ownedBy: owned,
    },
  ];
}

const TABLE_KINDS: Record<string, TableObject['kind']> = { r: 'table', p: 'partitioned', f: 'foreign' };

function tableFromRow(row: Row): [string, TableObject] {
  return [
    identityOf(str(row.schema), str(row.name)),
    {
      schema: str(row.schema),
      name: str(row.name),
      kind: TABLE_KINDS[str(row.kind)],
      persistence: row.persistence === 'u' ? 'unlogged' : 'permanent',
      partitionKey: strOrNull(row.partition_key),
      partitionOf: row.parent_name ? identityOf(str(row.parent_schema), str(row.parent_name)) : null,
      partitionBound: normalizeExpression(strOrNull(row.partition_bound)),
      rowSecurity: row.rls === true,
      forceRowSecurity: row.force_rls === true,
      options: [...(row.options as string[])].sort(),
    },
  ];
}

function columnFromRow(row: Row): [string, ColumnObject] {
  const generated = row.generated === 's';
  const expression = normalizeExpression(strOrNull(row.default_expr));
  const identity = row.identity === 'a' ? 'always' : row.identity === 'd' ? 'by default' : null;
  return [
    identityOf(str(row.schema), str(row.table), str(row.name)),
    {
      schema: str(row.schema),
      table: str(row.table),
      name: str(row.name),
      position: Number(row.position),
      type: str(row.type),
      notNull: row.not_null === true,
      default: generated ? null : expression,
      identity,
      generated: generated ? expression : null,
      collation: strOrNull(row.collation),
    },
  ];
}

const CONSTRAINT_KINDS: Record<string, ConstraintKind> = { p: 'primary', u: 'unique', c: 'check', f: 'foreign', x: 'exclusion' };

function constraintFromRow(row: Row): [string, ConstraintObject] {
  const { definition } = splitNotValid(str(row.definition));
  return [
    identityOf(str(row.schema), str(row.table), str(row.name)),
    {
      schema: str(row.schema),
      table: str(row.table),
      name: str(row.name),
      kind: CONSTRAINT_KINDS[str(row.kind)],
      definition: collapseWhitespace(definition),
      validated: row.validated === true,
    },
  ];
}

function indexFromRow(row: Row): [string, IndexObject] {
  return [
    identityOf(str(row.schema), str(row.table), str(row.name)),
    {
      schema: str(row.schema),
      table: str(row.table),
      name: str(row.name),
      definition: collapseWhitespace(str(row.definition)),
      valid: row.valid === true,
    },
  ];
}

function viewFromRow(row: Row): [string, ViewObject] {
  return [
    identityOf(str(row.schema), str(row.name)),
    {
      schema: str(row.schema),
      name: str(row.name),
      materialized: row.materialized === true,
      definition: normalizeViewDefinition(str(row.definition)),
      options: [...(row.options as string[])].sort(),
    },
  ];
}

function functionFromRow(row: Row): [string, FunctionObject] {
  const source = str(row.definition);
  return [
    identityOf(str(row.schema), `${str(row.name)}(${str(row.arguments)})`),
    {
      schema: str(row.schema),
      name: str(row.name),
      kind: row.kind === 'p' ? 'procedure' : 'function',
      arguments: str(row.arguments),
      definition: normalizeFunctionDefinition(source),
      source,
    },
  ];
}

function triggerFromRow(row: Row): [string, TriggerObject] {
  return [
    identityOf(str(row.schema), str(row.table), str(row.name)),
    {
      schema: str(row.schema),
      table: str(row.table),
      name: str(row.name),
      definition: collapseWhitespace(str(row.definition)),
      enabled: str(row.enabled) as TriggerObject['enabled'],
    },
  ];
}

const POLICY_COMMANDS: Record<string, PolicyObject['command']> = { '*': 'ALL', r: 'SELECT', a: 'INSERT', w: 'UPDATE', d: 'DELETE' };

function policyFromRow(row: Row): [string, PolicyObject] {
  return [
    identityOf(str(row.schema), str(row.table), str(row.name)),
    {
      schema: str(row.schema),
      table: str(row.table),
      name: str(row.name),
      permissive: row.permissive === true,
      command: POLICY_COMMANDS[str(row.command)],
      roles: row.roles as string[],
      using: normalizeExpression(strOrNull(row.using_expr)),
      withCheck: normalizeExpression(strOrNull(row.with_check)),
    },
  ];
}

function grantFromRow(row: Row): [string, GrantObject] {
  const objectKind = str(row.object_kind) as GrantObject['objectKind'];
  const target = objectKind === 'schema' ? identityOf(str(row.schema)) : identityOf(str(row.schema), str(row.object));
  return [
    `${target}:${str(row.grantee)}`,
    { schema: str(row.schema), object: str(row.object), objectKind, grantee: str(row.grantee), privileges: row.privileges as string[] },
  ];
}

/** Is this object one of the suite's own (bookkeeping table, audit schema)? */
export function isSuiteObject(type: ObjectType, object: CatalogObject): boolean {
  if (objectSchema(type, object) === SUITE_SCHEMA) return true;
  // A sequence's table is parsed out of its owner: only when the owner can be the bookkeeping table.
  const ownedBy = (object as { ownedBy?: unknown }).ownedBy;
  if (type === 'sequence' && !(typeof ownedBy === 'string' && ownedBy.includes(SUITE_TABLE))) return false;
  return objectTable(type, object) === SUITE_TABLE;
}

function removeSuiteAndExcluded(objects: CatalogObjects, exclude: string[] | undefined): void {
  const excluding = Boolean(exclude?.length);
  for (const type of Object.keys(objects) as ObjectType[]) {
    const map = objects[type] as Record<string, CatalogObject>;
    for (const identity in map) {
      if (isSuiteObject(type, map[identity]) || (excluding && matchesAny(exclude, type, identity))) delete map[identity];
    }
  }
}
