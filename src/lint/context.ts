/**
 * What the linter knows about the schema while it walks the migrations in order: which tables,
 * columns, indexes, constraints, schemas, sequences and enums exist, and which of them the
 * change set itself creates ("new": lock hazards on them are not raised, their tables are empty).
 */
import type { AlterTableCmd, ColumnDef, Constraint, DropStmt, Node, RangeVar, RenameStmt } from 'libpg-query';
import type { SqlStatement } from '../sql/parser.js';
import { nameParts, partsKey, rangeVarKey, typeInfo, type TypeInfo } from './names.js';
import { nodeOf, nodesOf, statementOf } from './nodes.js';

export interface ColumnState {
  /** Change set that created it (-1: the existing history); new when it is the current one. */
  gen: number;
  type?: TypeInfo;
  /** Added with a (non-null) default, so existing rows get a value. */
  hasDefault: boolean;
}

export interface ConstraintState {
  gen: number;
  node: Constraint;
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

  key(rangeVar: RangeVar | { RangeVar: RangeVar } | undefined): string {
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

  constraint(table: string, name: string): { isNew: boolean; node: Constraint; table: string } | undefined {
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
    const create = statementOf(statement, 'CreateStmt');
    if (create) this.createTable(this.key(create.relation), create.tableElts ?? []);
    const createAs = statementOf(statement, 'CreateTableAsStmt');
    if (createAs) this.createTable(this.key(createAs.into?.rel), []);
    const view = statementOf(statement, 'ViewStmt');
    if (view) this.createTable(this.key(view.view), []);
    const index = statementOf(statement, 'IndexStmt');
    if (index?.idxname) this.indexes.set(this.qualify(index.relation, index.idxname), { table: this.key(index.relation), gen: this.gen });
    const alter = statementOf(statement, 'AlterTableStmt');
    if (alter) this.alterTable(this.key(alter.relation), nodesOf(alter.cmds, 'AlterTableCmd'));
    const rename = statementOf(statement, 'RenameStmt');
    if (rename) this.rename(rename);
    const drop = statementOf(statement, 'DropStmt');
    if (drop) this.drop(drop);
    const schema = statementOf(statement, 'CreateSchemaStmt');
    if (schema) this.others.set(`schema:${schema.schemaname}`, this.gen);
    const sequence = statementOf(statement, 'CreateSeqStmt');
    if (sequence) this.others.set(`seq:${this.key(sequence.sequence)}`, this.gen);
    const enumType = statementOf(statement, 'CreateEnumStmt');
    if (enumType) this.others.set(`type:${partsKey(nameParts(enumType.typeName), this.defaultSchema)}`, this.gen);
    const dml = statementOf(statement, 'UpdateStmt') ?? statementOf(statement, 'DeleteStmt') ?? statementOf(statement, 'InsertStmt');
    if (dml) this.dmlTouched.add(this.key(dml.relation));
  }

  private qualify(relation: RangeVar | undefined, name: string): string {
    return `${relation?.schemaname ?? this.defaultSchema}.${name}`;
  }

  private createTable(key: string, elements: Node[]): void {
    const table: TableState = { gen: this.gen, columns: new Map() };
    this.tables.set(key, table);
    for (const def of nodesOf(elements, 'ColumnDef')) this.addColumn(table, def);
    for (const constraint of nodesOf(elements, 'Constraint')) this.addConstraint(key, constraint);
  }

  private addColumn(table: TableState, def: ColumnDef): void {
    const constraints = nodesOf(def.constraints, 'Constraint');
    const hasDefault = constraints.some(
      (c) => c.contype === 'CONSTR_DEFAULT' || c.contype === 'CONSTR_IDENTITY' || c.contype === 'CONSTR_GENERATED',
    );
    table.columns.set(def.colname ?? '', { gen: this.gen, type: typeInfo(def.typeName), hasDefault });
  }

  private addConstraint(table: string, constraint: Constraint): void {
    if (!constraint.conname) return;
    this.constraints.set(`${table}|${constraint.conname}`, { gen: this.gen, node: constraint, table });
    if (constraint.contype === 'CONSTR_CHECK' && !constraint.skip_validation) this.recordNotNullProof(table, constraint);
  }

  private recordNotNullProof(table: string, constraint: Constraint): void {
    const test = nodeOf(constraint.raw_expr, 'NullTest');
    if (test?.nulltesttype !== 'IS_NOT_NULL') return;
    const column = nameParts(nodeOf(test.arg, 'ColumnRef')?.fields).pop();
    if (column) this.notNullProven.add(`${table}|${column}`);
  }

  private alterTable(key: string, cmds: AlterTableCmd[]): void {
    let table = this.tables.get(key);
    if (!table) {
      table = { gen: -1, columns: new Map() }; // known only from this statement: it existed before
      this.tables.set(key, table);
    }
    for (const cmd of cmds) {
      const def = nodeOf(cmd.def, 'ColumnDef');
      const constraint = nodeOf(cmd.def, 'Constraint');
      if (cmd.subtype === 'AT_AddColumn' && def) this.addColumn(table, def);
      else if (cmd.subtype === 'AT_AddConstraint' && constraint) this.addConstraint(key, constraint);
      else if (cmd.subtype === 'AT_DropColumn') table.columns.delete(cmd.name ?? '');
      else if (cmd.subtype === 'AT_AlterColumnType') this.retype(table, cmd.name ?? '', def);
      else if (cmd.subtype === 'AT_ValidateConstraint') {
        const known = this.constraint(key, cmd.name ?? '');
        if (known?.node.contype === 'CONSTR_CHECK') this.recordNotNullProof(key, known.node);
      }
    }
  }

  private retype(table: TableState, name: string, def: ColumnDef | undefined): void {
    const column = table.columns.get(name);
    const type = typeInfo(def?.typeName);
    if (column) column.type = type;
    else table.columns.set(name, { gen: -1, type, hasDefault: false });
  }

  private rename(node: RenameStmt): void {
    const key = this.key(node.relation);
    const { newname = '', subname = '' } = node;
    if (
      node.renameType === 'OBJECT_TABLE' ||
      node.renameType === 'OBJECT_VIEW' ||
      node.renameType === 'OBJECT_MATVIEW' ||
      node.renameType === 'OBJECT_FOREIGN_TABLE'
    ) {
      const table = this.tables.get(key);
      this.tables.delete(key);
      if (table) this.tables.set(this.qualify(node.relation, newname), table);
    } else if (node.renameType === 'OBJECT_COLUMN') {
      const columns = this.tables.get(key)?.columns;
      const state = columns?.get(subname);
      if (columns && state) {
        columns.delete(subname);
        columns.set(newname, state);
      }
    } else if (node.renameType === 'OBJECT_INDEX') {
      const index = this.indexes.get(key);
      this.indexes.delete(key);
      if (index) this.indexes.set(this.qualify(node.relation, newname), index);
    } else if (node.renameType === 'OBJECT_SCHEMA') {
      const gen = this.others.get(`schema:${subname}`);
      if (gen !== undefined) this.others.set(`schema:${newname}`, gen);
    }
  }

  private drop(node: DropStmt): void {
    for (const object of node.objects ?? []) {
      const key = partsKey(nameParts(object), this.defaultSchema);
      if (node.removeType === 'OBJECT_TABLE' || node.removeType === 'OBJECT_VIEW' || node.removeType === 'OBJECT_MATVIEW')
        this.tables.delete(key);
      else if (node.removeType === 'OBJECT_INDEX') this.indexes.delete(key);
    }
  }
}
