/**
 * The catalog snapshot model: every object of a schema keyed by a stable identity
 * (`schema.table.column`, …) so that OIDs, catalog order and constraint name order never
 * matter when two snapshots are compared. Text fields hold normalised definitions.
 */

export type ObjectType =
  | 'schema'
  | 'extension'
  | 'enum'
  | 'sequence'
  | 'table'
  | 'column'
  | 'constraint'
  | 'index'
  | 'view'
  | 'function'
  | 'trigger'
  | 'policy'
  | 'grant';

export interface SchemaObject {
  name: string;
}

export interface ExtensionObject {
  name: string;
  version: string;
  schema: string;
}

export interface EnumObject {
  schema: string;
  name: string;
  /** Labels in sort order. */
  values: string[];
}

export interface SequenceObject {
  schema: string;
  name: string;
  dataType: string;
  start: string;
  increment: string;
  min: string;
  max: string;
  cache: string;
  cycle: boolean;
  /** `table.column` identity the sequence is OWNED BY (serial), if any. */
  ownedBy: string | null;
}

export type TableKind = 'table' | 'partitioned' | 'foreign';

export interface TableObject {
  schema: string;
  name: string;
  kind: TableKind;
  persistence: 'permanent' | 'unlogged';
  /** `PARTITION BY` clause of a partitioned table. */
  partitionKey: string | null;
  /** Parent table identity and bound of a partition. */
  partitionOf: string | null;
  partitionBound: string | null;
  rowSecurity: boolean;
  forceRowSecurity: boolean;
  options: string[];
}

export interface ColumnObject {
  schema: string;
  table: string;
  name: string;
  /** Column order (not compared: a column re-added at the end is the same column). */
  position: number;
  type: string;
  notNull: boolean;
  default: string | null;
  identity: 'always' | 'by default' | null;
  /** Expression of a STORED generated column. */
  generated: string | null;
  /** Only set when it differs from the type's default collation. */
  collation: string | null;
}

export type ConstraintKind = 'primary' | 'unique' | 'check' | 'foreign' | 'exclusion';

export interface ConstraintObject {
  schema: string;
  table: string;
  name: string;
  kind: ConstraintKind;
  /** pg_get_constraintdef without a trailing NOT VALID. */
  definition: string;
  validated: boolean;
}

export interface IndexObject {
  schema: string;
  table: string;
  name: string;
  /** pg_get_indexdef, normalised. */
  definition: string;
  valid: boolean;
}

export interface ViewObject {
  schema: string;
  name: string;
  materialized: boolean;
  definition: string;
  options: string[];
}

export interface FunctionObject {
  schema: string;
  name: string;
  kind: 'function' | 'procedure';
  /** pg_get_function_identity_arguments: part of the identity. */
  arguments: string;
  /** pg_get_functiondef, normalised (whitespace). */
  definition: string;
  /** The raw pg_get_functiondef: what reconcile SQL runs (not compared). */
  source: string;
}

export interface TriggerObject {
  schema: string;
  table: string;
  name: string;
  definition: string;
  /** O = origin/local (enabled), D = disabled, R = replica, A = always. */
  enabled: 'O' | 'D' | 'R' | 'A';
}

export interface PolicyObject {
  schema: string;
  table: string;
  name: string;
  permissive: boolean;
  command: 'ALL' | 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';
  roles: string[];
  using: string | null;
  withCheck: string | null;
}

export interface GrantObject {
  schema: string;
  object: string;
  objectKind: 'table' | 'view' | 'sequence' | 'schema' | 'function';
  grantee: string;
  privileges: string[];
}

export interface CatalogObjects {
  schema: Record<string, SchemaObject>;
  extension: Record<string, ExtensionObject>;
  enum: Record<string, EnumObject>;
  sequence: Record<string, SequenceObject>;
  table: Record<string, TableObject>;
  column: Record<string, ColumnObject>;
  constraint: Record<string, ConstraintObject>;
  index: Record<string, IndexObject>;
  view: Record<string, ViewObject>;
  function: Record<string, FunctionObject>;
  trigger: Record<string, TriggerObject>;
  policy: Record<string, PolicyObject>;
  grant: Record<string, GrantObject>;
}

export type CatalogObject = CatalogObjects[ObjectType][string];

export interface CatalogSnapshot {
  serverVersion: string;
  serverMajor: number;
  /** The schemas that were read (all non-system schemas when not restricted). */
  schemas: string[];
  includeGrants: boolean;
  objects: CatalogObjects;
}

export type ChangeKind = 'missing' | 'unexpected' | 'changed';
export type Severity = 'error' | 'warning' | 'info';

export interface SchemaDifference {
  objectType: ObjectType;
  identity: string;
  change: ChangeKind;
  /** What the migration history says (absent for `unexpected`). */
  expected?: CatalogObject;
  /** What the database has (absent for `missing`). */
  actual?: CatalogObject;
  /** One line for humans: which fields differ and how. */
  detail: string;
  /** Names of the fields that differ (for `changed`). */
  fields?: string[];
  severity: Severity;
}

export interface SchemaDiff {
  differences: SchemaDifference[];
  /** Differences dropped by ignore patterns. */
  ignored: number;
}

export interface ReconcileStep {
  objectType: ObjectType;
  identity: string;
  change: ChangeKind;
  /** SQL to run (or, for manual steps, a commented suggestion). */
  sql: string;
  /** Data may be lost (DROP of a table, column, …). */
  destructive: boolean;
  /** No safe automatic SQL: a person has to decide (the sql is a comment). */
  manual: boolean;
  note?: string;
}
