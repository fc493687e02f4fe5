/**
 * What the linter knows about the schema while it walks the migrations in order: which tables,
 * columns, indexes, constraints, schemas, sequences and enums exist, and which of them the
 * change set itself creates ("new": lock hazards on them are not raised, their tables are empty).
 */
import type { PgNode, SqlStatement } from '../sql/parser.js';
import { nameParts, partsKey, rangeVarKey, typeInfo, type TypeInfo } from './names.js';

export interface ColumnState {
  isNew: boolean;
  type?: TypeInfo;
  /** Added with a (non-null) default, so existing rows get a value. */
  hasDefault: boolean;
}

export interface ConstraintState {
  isNew: boolean;
  node: PgNode;
  table: string;
}

interface TableState {
  isNew: boolean;
  columns: Map<string, ColumnState>;
}

export class SchemaContext {
  private readonly tables = new Map<string, TableState>();
  private readonly indexes = new Map<string, { table: string; isNew: boolean }>();
  private readonly constraints = new Map<string, ConstraintState>();
  private readonly others = new Map<string, boolean>(); // schema:, seq:, type: → isNew
  private readonly notNullProven = new Set<string>();
  /** Tables written by DML earlier in the change set (their data may differ from the database's). */
  readonly dmlTouched = new Set<string>();
  /** Whether objects recorded now belong to the change set. */
  recordingNew = false;

  constructor(readonly defaultSchema: string) {}

  key(rangeVar: PgNode | undefined): string {
    return rangeVarKey(rangeVar, this.defaultSchema);
  }

  isNewTable(table: string): boolean {
    return this.tables.get(table)?.isNew ?? false;
  }

  column(table: string, column: string): ColumnState | undefined {
    return this.tables.get(table)?.columns.get(column);
  }

  isNewColumn(table: string, column: string): boolean {
    return this.isNewTable(table) || (this.column(table, column)?.isNew ?? false);
  }

  index(key: string): { table: string; isNew: boolean } | undefined {
    return this.indexes.get(key);
  }

  constraint(table: string, name: string): ConstraintState | undefined {
    return this.constraints.get(`${table}|${name}`);
  }

  isNewObject(kind: 'schema' | 'seq' | 'type', key: string): boolean {
    return this.others.get(`${kind}:${key}`) ?? false;
  }

  /** A valid CHECK (col IS NOT NULL) exists, so SET NOT NULL skips its scan (PostgreSQL 12+). */
  hasNotNullProof(table: string, column: string): boolean {
    return this.notNullProven.has(`${table}|${column}`);
  }

  /** After a change set is deployed everything it created counts as existing. */
  promoteAll(): void {
    for (const table of this.tables.values()) {
      table.isNew = false;
      for (const column of table.columns.values()) column.isNew = false;
    }
    for (const index of this.indexes.values()) index.isNew = false;
    for (const constraint of this.constraints.values()) constraint.isNew = false;
    for (const key of this.others.keys()) this.others.set(key, false);
    this.dmlTouched.clear();
  }

  /** Records what a statement creates, renames or drops. Call after the statement was linted. */
  apply(statement: SqlStatement): void {
    const node = statement.node;
    switch (statement.kind) {
      case 'CreateStmt':
        this.createTable(this.key(node.relation), (node.tableElts ?? []) as PgNode[]);
        break;
      case 'CreateTableAsStmt':
        this.createTable(this.key(node.into?.rel), []);
        break;
      case 'ViewStmt':
        this.createTable(this.key(node.view), []);
        break;
      case 'IndexStmt':
        if (node.idxname) this.indexes.set(this.qualify(node.relation, node.idxname), { table: this.key(node.relation), isNew: this.recordingNew });
        break;
      case 'AlterTableStmt':
        this.alterTable(this.key(node.relation), (node.cmds ?? []) as PgNode[]);
        break;
      case 'RenameStmt':
        this.rename(node);
        break;
      case 'DropStmt':
        this.drop(node);
        break;
      case 'CreateSchemaStmt':
        this.others.set(`schema:${node.schemaname}`, this.recordingNew);
        break;
      case 'CreateSeqStmt':
        this.others.set(`seq:${this.key(node.sequence)}`, this.recordingNew);
        break;
      case 'CreateEnumStmt':
        this.others.set(`type:${partsKey(nameParts(node.typeName), this.defaultSchema)}`, this.recordingNew);
        break;
      case 'UpdateStmt':
      case 'DeleteStmt':
      case 'InsertStmt':
        this.dmlTouched.add(this.key(node.relation));
        break;
      default:
        break;
    }
  }

  private qualify(relation: PgNode | undefined, name: string): string {
    return `${relation?.schemaname ?? this.defaultSchema}.${name}`;
  }

  private createTable(key: string, elements: PgNode[]): void {
    const table: TableState = { isNew: this.recordingNew, columns: new Map() };
    this.tables.set(key, table);
    for (const element of elements) {
      if (element.ColumnDef) this.addColumn(table, element.ColumnDef);
      if (element.Constraint) this.addConstraint(key, element.Constraint);
    }
  }

  private addColumn(table: TableState, def: PgNode): void {
    const constraints = ((def.constraints ?? []) as PgNode[]).map((c) => c.Constraint);
    const hasDefault = constraints.some((c) => ['CONSTR_DEFAULT', 'CONSTR_IDENTITY', 'CONSTR_GENERATED'].includes(c?.contype));
    table.columns.set(def.colname, { isNew: this.recordingNew, type: typeInfo(def.typeName), hasDefault });
  }

  private addConstraint(table: string, constraint: PgNode): void {
    if (!constraint.conname) return;
    this.constraints.set(`${table}|${constraint.conname}`, { isNew: this.recordingNew, node: constraint, table });
    if (constraint.contype === 'CONSTR_CHECK' && !constraint.skip_validation) this.recordNotNullProof(table, constraint);
  }

  private recordNotNullProof(table: string, constraint: PgNode): void {
    const test = constraint.raw_expr?.NullTest;
    if (test?.nulltesttype !== 'IS_NOT_NULL') return;
    const column = nameParts(test.arg?.ColumnRef?.fields).pop();
    if (column) this.notNullProven.add(`${table}|${column}`);
  }

  private alterTable(key: string, cmds: PgNode[]): void {
    let table = this.tables.get(key);
    if (!table) {
      table = { isNew: false, columns: new Map() }; // known only from this statement: it existed before
      this.tables.set(key, table);
    }
    for (const wrapper of cmds) {
      const cmd = wrapper.AlterTableCmd ?? {};
      if (cmd.subtype === 'AT_AddColumn' && cmd.def?.ColumnDef) this.addColumn(table, cmd.def.ColumnDef);
      else if (cmd.subtype === 'AT_AddConstraint' && cmd.def?.Constraint) this.addConstraint(key, cmd.def.Constraint);
      else if (cmd.subtype === 'AT_DropColumn') table.columns.delete(cmd.name);
      else if (cmd.subtype === 'AT_AlterColumnType') this.retype(table, cmd);
      else if (cmd.subtype === 'AT_ValidateConstraint') {
        const known = this.constraint(key, cmd.name);
        if (known?.node.contype === 'CONSTR_CHECK') this.recordNotNullProof(key, known.node);
      }
    }
  }

  private retype(table: TableState, cmd: PgNode): void {
    const column = table.columns.get(cmd.name);
    const type = typeInfo(cmd.def?.ColumnDef?.typeName);
    if (column) column.type = type;
    else table.columns.set(cmd.name, { isNew: false, type, hasDefault: false });
  }

  private rename(node: PgNode): void {
    const key = this.key(node.relation);
    if (['OBJECT_TABLE', 'OBJECT_VIEW', 'OBJECT_MATVIEW', 'OBJECT_FOREIGN_TABLE'].includes(node.renameType)) {
      const table = this.tables.get(key);
      this.tables.delete(key);
      if (table) this.tables.set(this.qualify(node.relation, node.newname), table);
    } else if (node.renameType === 'OBJECT_COLUMN') {
      const column = this.tables.get(key)?.columns;
      const state = column?.get(node.subname);
      if (column && state) {
        column.delete(node.subname);
        column.set(node.newname, state);
      }
    } else if (node.renameType === 'OBJECT_INDEX') {
      const index = this.indexes.get(key);
      this.indexes.delete(key);
      if (index) this.indexes.set(this.qualify(node.relation, node.newname), index);
    } else if (node.renameType === 'OBJECT_SCHEMA') {
      const isNew = this.others.get(`schema:${node.subname}`);
      if (isNew !== undefined) this.others.set(`schema:${node.newname}`, isNew);
    }
  }

  private drop(node: PgNode): void {
    for (const object of (node.objects ?? []) as PgNode[]) {
      const key = partsKey(nameParts(object), this.defaultSchema);
      if (['OBJECT_TABLE', 'OBJECT_VIEW', 'OBJECT_MATVIEW'].includes(node.removeType)) this.tables.delete(key);
      else if (node.removeType === 'OBJECT_INDEX') this.indexes.delete(key);
    }
  }
}
