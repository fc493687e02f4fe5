/**
 * What the linter knows about the schema while it walks the migrations in order: which tables,
 * columns, indexes, constraints, schemas, sequences and enums exist, and which of them the
 * change set itself creates ("new": lock hazards on them are not raised, their tables are empty).
 */
import type { PgNode, SqlStatement } from '../sql/parser.js';
import { nameParts, partsKey, rangeVarKey, typeInfo, type TypeInfo } from './names.js';

export interface ColumnState {
  /** Change set that created it (-1: the existing history); new when it is the current one. */
  gen: number;
  type?: TypeInfo;
  /** Added with a (non-null) default, so existing rows get a value. */
  hasDefault: boolean;
}

export interface ConstraintState {
  gen: number;
  node: PgNode;
  table: string;
}

interface TableState {
  gen: number;
  columns: Map<string, ColumnState>;
}

export class SchemaContext {
  private readonly tables = new Map<string, TableState>();
  private readonly indexes = new Map<string, { table: string; gen: number }>();
  private readonly constraints = new Map<string, ConstraintState>();
  private readonly others = new Map<string, number>(); // schema:, seq:, type: → gen
  private readonly notNullProven = new Set<string>();
  /** Tables written by DML earlier in the change set (their data may differ from the database's). */
  readonly dmlTouched = new Set<string>();
  /** Whether objects recorded now belong to the change set. */
  recordingNew = false;
  /** The current change set; promoting bumps it, so "new" needs no walk over every object. */
  private generation = 0;

  constructor(readonly defaultSchema: string) {}

  key(rangeVar: PgNode | undefined): string {
    return rangeVarKey(rangeVar, this.defaultSchema);
  }

  private get gen(): number {
    return this.recordingNew ? this.generation : -1;
  }

  isNewTable(table: string): boolean {
    return this.tables.get(table)?.gen === this.generation;
  }

  column(table: string, column: string): { isNew: boolean; type?: TypeInfo; hasDefault: boolean } | undefined {
    const state = this.tables.get(table)?.columns.get(column);
    return state && { isNew: state.gen === this.generation, type: state.type, hasDefault: state.hasDefault };
  }

  isNewColumn(table: string, column: string): boolean {
    return this.isNewTable(table) || (this.column(table, column)?.isNew ?? false);
  }

  index(key: string): { table: string; isNew: boolean } | undefined {
    const index = this.indexes.get(key);
    return index && { table: index.table, isNew: index.gen === this.generation };
  }

  constraint(table: string, name: string): { isNew: boolean; node: PgNode; table: string } | undefined {
    const state = this.constraints.get(`${table}|${name}`);
    return state && { isNew: state.gen === this.generation, node: state.node, table };
  }

  isNewObject(kind: 'schema' | 'seq' | 'type', key: string): boolean {
    return this.others.get(`${kind}:${key}`) === this.generation;
  }

  /** A valid CHECK (col IS NOT NULL) exists, so SET NOT NULL skips its scan (PostgreSQL 12+). */
  hasNotNullProof(table: string, column: string): boolean {
    return this.notNullProven.has(`${table}|${column}`);
  }

  /** After a change set is deployed everything it created counts as existing. */
  promoteAll(): void {
    this.generation++;
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
        if (node.idxname) this.indexes.set(this.qualify(node.relation, node.idxname), { table: this.key(node.relation), gen: this.gen });
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
        this.others.set(`schema:${node.schemaname}`, this.gen);
        break;
      case 'CreateSeqStmt':
        this.others.set(`seq:${this.key(node.sequence)}`, this.gen);
        break;
      case 'CreateEnumStmt':
        this.others.set(`type:${partsKey(nameParts(node.typeName), this.defaultSchema)}`, this.gen);
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
    const table: TableState = { gen: this.gen, columns: new Map() };
    this.tables.set(key, table);
    for (const element of elements) {
      if (element.ColumnDef) this.addColumn(table, element.ColumnDef);
      if (element.Constraint) this.addConstraint(key, element.Constraint);
    }
  }

  private addColumn(table: TableState, def: PgNode): void {
    const constraints = ((def.constraints ?? []) as PgNode[]).map((c) => c.Constraint);
    const hasDefault = constraints.some((c) => ['CONSTR_DEFAULT', 'CONSTR_IDENTITY', 'CONSTR_GENERATED'].includes(c?.contype));
    table.columns.set(def.colname, { gen: this.gen, type: typeInfo(def.typeName), hasDefault });
  }

  private addConstraint(table: string, constraint: PgNode): void {
    if (!constraint.conname) return;
    this.constraints.set(`${table}|${constraint.conname}`, { gen: this.gen, node: constraint, table });
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
      table = { gen: -1, columns: new Map() }; // known only from this statement: it existed before
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
    else table.columns.set(cmd.name, { gen: -1, type, hasDefault: false });
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
      const gen = this.others.get(`schema:${node.subname}`);
      if (gen !== undefined) this.others.set(`schema:${node.newname}`, gen);
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
