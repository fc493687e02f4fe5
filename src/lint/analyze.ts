/**
 * Per-statement rules. Each check looks at one parsed statement plus the schema context and
 * proposes candidate findings (rule id, message, blocked tables, mechanical replacement) and
 * data checks (run against a database when one is given). Severity, configuration and
 * silencing are applied later, in one place.
 */
import { parseSync } from 'libpg-query';
import type { PgNode, SqlStatement } from '../sql/parser.js';
import type { SchemaContext } from './context.js';
import { charOffset, checkExpressionText, isBinaryCoercible, isSerial, isSmallIdType, volatileFunction } from './expressions.js';
import { describeType, nameParts, partsKey, quoteIdent, typeInfo } from './names.js';

export type DataCheck =
  | { kind: 'unique'; table: string; columns: string[]; nullsNotDistinct: boolean }
  | { kind: 'not-null'; table: string; column: string }
  | { kind: 'has-rows'; table: string; column: string }
  | { kind: 'check'; table: string; expression: string }
  | { kind: 'fk'; table: string; columns: string[]; refTable: string; refColumns: string[]; refIsNew: boolean }
  | { kind: 'unverifiable'; table: string; ruleId: string; why: string };

export interface Candidate {
  ruleId: string;
  statement: SqlStatement;
  message: string;
  /** Tables whose lock or data the finding is about (schema-qualified keys). */
  tables: string[];
  replacement?: string;
  dataCheck?: DataCheck;
}

export interface StatementEnv {
  ctx: SchemaContext;
  /** The whole file (node locations are offsets into it). */
  sql: string;
  isAscii: boolean;
  serverMajor: number;
  engine: 'builtin' | 'prisma';
}

type Emit = (candidate: Omit<Candidate, 'statement'>) => void;

const TIMEOUT_SETTINGS = new Set(['lock_timeout', 'statement_timeout', 'idle_in_transaction_session_timeout']);

/** Candidates for one statement (context not yet updated with the statement's own effects). */
export function analyzeStatement(statement: SqlStatement, env: StatementEnv): Candidate[] {
  const out: Candidate[] = [];
  const emit: Emit = (candidate) => out.push({ ...candidate, statement });
  const handler = HANDLERS[statement.kind];
  if (handler) handler(statement.node, env, emit, statement);
  return out;
}

type Handler = (node: PgNode, env: StatementEnv, emit: Emit, statement: SqlStatement) => void;

const HANDLERS: Record<string, Handler> = {
  IndexStmt: createIndex,
  DropStmt: dropObjects,
  AlterTableStmt: alterTable,
  CreateStmt: (node, env, emit) => {
    const table = env.ctx.key(node.relation);
    const elements = (node.tableElts ?? []) as PgNode[];
    const pk = new Set(elements.flatMap((e) => (e.Constraint?.contype === 'CONSTR_PRIMARY' ? nameParts(e.Constraint.keys) : [])));
    for (const element of elements) if (element.ColumnDef) typeChoices(element.ColumnDef, table, pk.has(element.ColumnDef.colname), emit);
  },
  RenameStmt: rename,
  AlterEnumStmt: (node, env, emit) => {
    const type = partsKey(nameParts(node.typeName), env.ctx.defaultSchema);
    if (env.ctx.isNewObject('type', type)) return;
    if (node.oldVal !== undefined) {
      emit({
        ruleId: 'compat/enum-rename-value',
        tables: [],
        message: `Enum ${type}: value '${node.oldVal}' is renamed to '${node.newVal}'; running application versions still send '${node.oldVal}'.`,
      });
    } else if (!node.newValNeighbor) {
      emit({
        ruleId: 'compat/enum-add-value-without-position',
        tables: [],
        message: `Enum ${type}: '${node.newVal}' is added without BEFORE/AFTER, so it sorts after every existing value.`,
      });
    }
  },
  VariableSetStmt: (node, env, emit, statement) => {
    // The Prisma CLI sets no timeouts, so only turning them off is an override there.
    if (!TIMEOUT_SETTINGS.has(node.name) || (env.engine === 'prisma' && !isZeroSetting(statement))) return;
    emit({
      ruleId: 'transaction/timeout-override',
      tables: [],
      message: `The migration sets ${node.name}${node.kind === 'VAR_RESET' ? ' back to its default' : ''}, overriding the value the deploy configured.`,
    });
  },
  TransactionStmt: (node, _env, emit) => {
    const kind = String(node.kind ?? '').replace('TRANS_STMT_', '');
    emit({
      ruleId: 'transaction/explicit-transaction-control',
      tables: [],
      message: `${kind} in a migration file interferes with the engine's own transaction around the migration.`,
    });
  },
  TruncateStmt: (node, env, emit) => {
    const tables = ((node.relations ?? []) as PgNode[]).map((r) => env.ctx.key(r)).filter((t) => !env.ctx.isNewTable(t));
    if (!tables.length) return;
    const cascade = node.behavior === 'DROP_CASCADE' ? ' CASCADE also empties every table with a foreign key to them.' : '';
    emit({ ruleId: 'data-loss/truncate', tables, message: `TRUNCATE removes every row of ${tables.join(', ')}.${cascade}` });
  },
  DeleteStmt: (node, env, emit) => dml('DELETE', node, env, emit),
  UpdateStmt: (node, env, emit) => dml('UPDATE', node, env, emit),
  VacuumStmt: (node, env, emit) => {
    const full = ((node.options ?? []) as PgNode[]).some((o) => o.DefElem?.defname === 'full');
    if (!node.is_vacuumcmd || !full) return;
    const tables = ((node.rels ?? []) as PgNode[]).map((r) => env.ctx.key(r.VacuumRelation?.relation));
    const existing = tables.filter((t) => !env.ctx.isNewTable(t));
    if (tables.length && !existing.length) return;
    emit({
      ruleId: 'lock/vacuum-full',
      tables: existing,
      message: `VACUUM FULL rewrites ${existing.length ? existing.join(', ') : 'every table in the database'} under ACCESS EXCLUSIVE.`,
    });
  },
  ClusterStmt: (node, env, emit) => {
    const table = node.relation ? env.ctx.key(node.relation) : undefined;
    if (table && env.ctx.isNewTable(table)) return;
    emit({
      ruleId: 'lock/cluster',
      tables: table ? [table] : [],
      message: `CLUSTER rewrites ${table ?? 'every clustered table'} under ACCESS EXCLUSIVE.`,
    });
  },
  ReindexStmt: reindex,
  CreateTrigStmt: (node, env, emit) => {
    const table = env.ctx.key(node.relation);
    if (env.ctx.isNewTable(table)) return;
    emit({
      ruleId: 'lock/create-trigger',
      tables: [table],
      message: `Trigger ${node.trigname} is added to ${table}; creating it blocks writes, and every later write runs it.`,
    });
  },
  CreatePolicyStmt: (node, env, emit) =>
    rls(`Policy ${node.policy_name} is created on ${env.ctx.key(node.table)}.`, env.ctx.key(node.table), emit),
  AlterPolicyStmt: (node, env, emit) =>
    rls(`Policy ${node.policy_name} on ${env.ctx.key(node.table)} is changed.`, env.ctx.key(node.table), emit),
  GrantStmt: (node, _env, emit) =>
    review(
      'review/grant-revoke',
      `${node.is_grant ? 'GRANT' : 'REVOKE'} changes who may access ${String(node.objtype ?? '')
        .replace('OBJECT_', '')
        .toLowerCase()} objects.`,
      emit,
    ),
  GrantRoleStmt: (node, _env, emit) =>
    review('review/grant-revoke', `${node.is_grant ? 'GRANT' : 'REVOKE'} changes role membership.`, emit),
  AlterDefaultPrivilegesStmt: (_node, _env, emit) =>
    review('review/grant-revoke', 'ALTER DEFAULT PRIVILEGES changes who may access future objects.', emit),
  CreateExtensionStmt: (node, _env, emit) =>
    review('review/extension', `Extension ${node.extname} is created: it must be available on every target server.`, emit),
  AlterExtensionStmt: (node, _env, emit) => review('review/extension', `Extension ${node.extname} is upgraded.`, emit),
};

/** SET x = 0 / '0' / '0s' / DEFAULT / RESET (a timeout turned off or back to the server default). */
export function isZeroSetting(statement: SqlStatement): boolean {
  const value = statement.node.args?.[0]?.A_Const;
  if (!value) return statement.node.kind !== 'VAR_SET_VALUE';
  if (value.ival) return !value.ival.ival;
  return /^\s*0+\s*[a-z]*\s*$/i.test(String(value.sval?.sval ?? ''));
}

function review(ruleId: string, message: string, emit: Emit): void {
  emit({ ruleId, tables: [], message });
}

function rls(message: string, table: string, emit: Emit): void {
  emit({
    ruleId: 'review/row-level-security',
    tables: [table],
    message: `${message} Row visibility changes for every role the policy names.`,
  });
}

function createIndex(node: PgNode, env: StatementEnv, emit: Emit, statement: SqlStatement): void {
  const table = env.ctx.key(node.relation);
  if (env.ctx.isNewTable(table)) return;
  if (!node.concurrent) {
    emit({
      ruleId: 'lock/create-index-non-concurrent',
      tables: [table],
      message: `CREATE INDEX on existing table ${table} takes a SHARE lock: inserts, updates and deletes wait for the whole build.`,
      replacement: statement.text.replace(/^(create\s+(?:unique\s+)?index)\b/i, '$1 CONCURRENTLY'),
    });
  }
  if (!node.unique) return;
  const elements = ((node.indexParams ?? []) as PgNode[]).map((p) => p.IndexElem);
  const columns = elements.map((e) => e?.name).filter((n): n is string => typeof n === 'string');
  const unverifiable = columns.length !== elements.length || node.whereClause;
  emit({
    ruleId: 'data/duplicate-values',
    tables: [table],
    message: `Unique index ${node.idxname ?? ''} on ${table} fails if existing rows hold duplicates.`,
    dataCheck: unverifiable
      ? { kind: 'unverifiable', table, ruleId: 'data/duplicate-values', why: 'an expression or partial index' }
      : { kind: 'unique', table, columns, nullsNotDistinct: !!node.nulls_not_distinct },
  });
}

function dropObjects(node: PgNode, env: StatementEnv, emit: Emit): void {
  const { ctx } = env;
  const objects = (node.objects ?? []) as PgNode[];
  const keys = objects.map((o) => partsKey(nameParts(o), ctx.defaultSchema));
  switch (node.removeType) {
    case 'OBJECT_INDEX': {
      const existing = keys.filter((k) => !(ctx.index(k)?.isNew || ctx.isNewTable(ctx.index(k)?.table ?? '')));
      if (node.concurrent || !existing.length) return;
      const tables = existing.map((k) => ctx.index(k)?.table).filter((t): t is string => !!t);
      emit({
        ruleId: 'lock/drop-index-non-concurrent',
        tables,
        message: `DROP INDEX ${existing.join(', ')} takes ACCESS EXCLUSIVE on ${tables.length ? tables.join(', ') : 'its table'}: every query on it waits.`,
        replacement:
          keys.length === 1
            ? `DROP INDEX CONCURRENTLY ${node.missing_ok ? 'IF EXISTS ' : ''}${nameParts(objects[0]).map(quoteIdent).join('.')}`
            : undefined,
      });
      return;
    }
    case 'OBJECT_TABLE':
    case 'OBJECT_MATVIEW': {
      const existing = keys.filter((k) => !ctx.isNewTable(k));
      if (existing.length)
        emit({
          ruleId: 'data-loss/drop-table',
          tables: existing,
          message: `DROP removes ${existing.join(', ')} and all its rows; running application versions that use it fail.`,
        });
      return;
    }
    case 'OBJECT_SCHEMA': {
      const names = objects.map((o) => nameParts(o)[0]).filter((s) => !ctx.isNewObject('schema', s));
      if (names.length)
        emit({
          ruleId: 'data-loss/drop-schema',
          tables: [],
          message: `DROP SCHEMA removes ${names.join(', ')} and everything in it${node.behavior === 'DROP_CASCADE' ? ' (CASCADE: and what depends on it)' : ''}.`,
        });
      return;
    }
    case 'OBJECT_SEQUENCE': {
      const existing = keys.filter((k) => !ctx.isNewObject('seq', k));
      if (existing.length)
        emit({
          ruleId: 'data-loss/drop-sequence',
          tables: [],
          message: `DROP SEQUENCE ${existing.join(', ')}: defaults calling nextval() on it fail and its position is lost.`,
        });
      return;
    }
    case 'OBJECT_EXTENSION':
      review(
        'review/extension',
        `Extension ${objects.map((o) => nameParts(o)[0] ?? o.String?.sval).join(', ')} is dropped${node.behavior === 'DROP_CASCADE' ? ' with CASCADE (dependent columns and indexes go too)' : ''}.`,
        emit,
      );
      return;
    case 'OBJECT_POLICY':
      rls(`Policy ${keys.join(', ')} is dropped.`, '', emit);
      return;
    default:
      return;
  }
}

function dml(verb: 'DELETE' | 'UPDATE', node: PgNode, env: StatementEnv, emit: Emit): void {
  const table = env.ctx.key(node.relation);
  if (env.ctx.isNewTable(table) || node.whereClause) return;
  emit({
    ruleId: verb === 'DELETE' ? 'data-loss/delete-without-where' : 'data-loss/update-without-where',
    tables: [table],
    message: `${verb} without WHERE ${verb === 'DELETE' ? 'removes' : 'overwrites'} every row of ${table}.`,
  });
}

function reindex(node: PgNode, env: StatementEnv, emit: Emit, statement: SqlStatement): void {
  if (!statement.transactional) return; // CONCURRENTLY
  const { ctx } = env;
  let tables: string[] = [];
  if (node.relation) {
    const key = ctx.key(node.relation);
    const index = node.kind === 'REINDEX_OBJECT_INDEX' ? ctx.index(key) : undefined;
    const table = index ? index.table : node.kind === 'REINDEX_OBJECT_TABLE' ? key : undefined;
    if (index?.isNew || (table && ctx.isNewTable(table))) return;
    tables = table ? [table] : [];
  }
  emit({
    ruleId: 'lock/reindex-non-concurrent',
    tables,
    message: `REINDEX without CONCURRENTLY blocks writes to ${tables.length ? tables.join(', ') : 'the tables it covers'} and reads that use the index for the whole rebuild.`,
    replacement: statement.text.replace(/^(reindex\s+(?:\([^)]*\)\s*)?(?:index|table|schema|database|system))\b/i, '$1 CONCURRENTLY'),
  });
}

function rename(node: PgNode, env: StatementEnv, emit: Emit): void {
  const { ctx } = env;
  const table = ctx.key(node.relation);
  switch (node.renameType) {
    case 'OBJECT_TABLE':
    case 'OBJECT_VIEW':
    case 'OBJECT_MATVIEW':
      if (!ctx.isNewTable(table))
        emit({
          ruleId: 'compat/rename-table',
          tables: [table],
          message: `${table} is renamed to ${node.newname}; running application versions still query the old name.`,
        });
      return;
    case 'OBJECT_COLUMN':
      if (!ctx.isNewColumn(table, node.subname))
        emit({
          ruleId: 'compat/rename-column',
          tables: [table],
          message: `Column ${table}.${node.subname} is renamed to ${node.newname}; running application versions still use the old name.`,
        });
      return;
    case 'OBJECT_SCHEMA':
      if (!ctx.isNewObject('schema', node.subname))
        emit({
          ruleId: 'compat/rename-schema',
          tables: [],
          message: `Schema ${node.subname} is renamed to ${node.newname}; queries and search_path settings naming it break.`,
        });
      return;
    default:
      return;
  }
}

function typeChoices(def: PgNode, table: string, inPrimaryKey: boolean, emit: Emit): void {
  const type = typeInfo(def.typeName);
  if (!type) return;
  const where = `${table}.${def.colname}`;
  const constraints = ((def.constraints ?? []) as PgNode[]).map((c) => c.Constraint?.contype);
  const isId = inPrimaryKey || constraints.includes('CONSTR_PRIMARY') || constraints.includes('CONSTR_IDENTITY');
  if ((isId && isSmallIdType(type)) || type.name === 'serial' || type.name === 'serial4' || type.name === 'smallserial') {
    emit({
      ruleId: 'types/prefer-bigint',
      tables: [],
      message: `${where} is ${describeType(type)}: it overflows after about 2 billion values.`,
    });
  }
  if (type.name === 'timestamp')
    emit({ ruleId: 'types/prefer-timestamptz', tables: [], message: `${where} is timestamp without time zone.` });
  if (type.name === 'bpchar' || (type.name === 'varchar' && type.typmods.length)) {
    emit({
      ruleId: 'types/prefer-text',
      tables: [],
      message: `${where} is ${type.name === 'bpchar' ? 'char' : 'varchar'}(${type.typmods.join(',') || 1}); text with a CHECK is easier to change.`,
    });
  }
  if (type.name === 'json') emit({ ruleId: 'types/prefer-jsonb', tables: [], message: `${where} is json, not jsonb.` });
}

function alterTable(node: PgNode, env: StatementEnv, emit: Emit, statement: SqlStatement): void {
  if (node.objtype && node.objtype !== 'OBJECT_TABLE' && node.objtype !== 'OBJECT_MATVIEW') return;
  const table = env.ctx.key(node.relation);
  const isNewTable = env.ctx.isNewTable(table);
  const cmds = ((node.cmds ?? []) as PgNode[]).map((c) => c.AlterTableCmd ?? {});
  const single = cmds.length === 1;
  for (const cmd of cmds) {
    if (cmd.subtype === 'AT_AddColumn' && cmd.def?.ColumnDef) typeChoices(cmd.def.ColumnDef, table, false, emit);
    if (isNewTable && !ANY_TABLE_SUBTYPES.has(cmd.subtype)) continue;
    const handler = ALTER_HANDLERS[cmd.subtype];
    if (handler) handler({ cmd, table, env, emit, statement, single });
  }
}

/** Authorisation changes are reviewed on new tables too. */
const ANY_TABLE_SUBTYPES = new Set(['AT_EnableRowSecurity', 'AT_DisableRowSecurity', 'AT_ForceRowSecurity', 'AT_NoForceRowSecurity']);

interface AlterArgs {
  cmd: PgNode;
  table: string;
  env: StatementEnv;
  emit: Emit;
  statement: SqlStatement;
  /** The statement has only this one subcommand (a mechanical replacement is safe). */
  single: boolean;
}

const simple =
  (ruleId: string, text: (table: string) => string) =>
  ({ table, emit }: AlterArgs) =>
    emit({ ruleId, tables: [table], message: text(table) });

const ALTER_HANDLERS: Record<string, (args: AlterArgs) => void> = {
  AT_AddColumn: addColumn,
  AT_AddConstraint: addConstraint,
  AT_ValidateConstraint: validateConstraint,
  AT_SetNotNull: setNotNull,
  AT_AlterColumnType: alterColumnType,
  AT_DropColumn: ({ cmd, table, env, emit }) => {
    if (env.ctx.column(table, cmd.name)?.isNew) return;
    emit({
      ruleId: 'data-loss/drop-column',
      tables: [table],
      message: `Column ${table}.${cmd.name} and its data are dropped; running application versions that select it fail.`,
    });
  },
  AT_DetachPartition: ({ cmd, table, emit, statement, single }) => {
    if (cmd.def?.PartitionCmd?.concurrent) return;
    emit({
      ruleId: 'lock/detach-partition-non-concurrent',
      tables: [table],
      message: `DETACH PARTITION takes ACCESS EXCLUSIVE on ${table}.`,
      replacement: single ? `${statement.text} CONCURRENTLY` : undefined,
    });
  },
  AT_SetLogged: simple('lock/set-logged-unlogged', (t) => `SET LOGGED rewrites ${t} under ACCESS EXCLUSIVE.`),
  AT_SetUnLogged: simple(
    'lock/set-logged-unlogged',
    (t) => `SET UNLOGGED rewrites ${t} under ACCESS EXCLUSIVE; afterwards it is emptied on crash and not replicated.`,
  ),
  AT_SetAccessMethod: simple('lock/set-access-method', (t) => `SET ACCESS METHOD rewrites ${t} under ACCESS EXCLUSIVE.`),
  AT_ReplicaIdentity: simple(
    'review/replica-identity',
    (t) => `REPLICA IDENTITY of ${t} changes what logical replication publishes for updates and deletes.`,
  ),
  AT_EnableRowSecurity: ({ table, emit }) => rls(`Row-level security is enabled on ${table}.`, table, emit),
  AT_DisableRowSecurity: ({ table, emit }) => rls(`Row-level security is disabled on ${table}.`, table, emit),
  AT_ForceRowSecurity: ({ table, emit }) => rls(`Row-level security is forced on ${table} (owners too).`, table, emit),
  AT_NoForceRowSecurity: ({ table, emit }) => rls(`Row-level security is no longer forced on ${table}.`, table, emit),
};

function addColumn({ cmd, table, env, emit }: AlterArgs): void {
  const def = cmd.def.ColumnDef as PgNode;
  const constraints = ((def.constraints ?? []) as PgNode[]).map((c) => c.Constraint as PgNode);
  const find = (type: string) => constraints.find((c) => c?.contype === type);
  const defaultExpr = find('CONSTR_DEFAULT')?.raw_expr;
  const type = typeInfo(def.typeName);
  const generated = find('CONSTR_GENERATED');
  const column = `${table}.${def.colname}`;
  const rewrite = isSerial(type)
    ? `its ${type?.name} type fills every row from a sequence`
    : find('CONSTR_IDENTITY')
      ? 'an identity column fills every row'
      : generated
        ? 'a stored generated column is computed for every row'
        : defaultExpr && env.serverMajor < 11
          ? `any default rewrites the table before PostgreSQL 11 (target: ${env.serverMajor})`
          : defaultExpr && volatileFunction(defaultExpr)
            ? `its default calls ${volatileFunction(defaultExpr)}(), which is (or may be) volatile`
            : undefined;
  if (rewrite)
    emit({
      ruleId: 'lock/add-column-volatile-default',
      tables: [table],
      message: `Adding ${column} rewrites ${table} under ACCESS EXCLUSIVE: ${rewrite}.`,
    });
  const filled = defaultExpr || rewrite;
  if (find('CONSTR_NOTNULL') && !filled) {
    emit({
      ruleId: 'compat/add-not-null-column-without-default',
      tables: [table],
      message: `${column} is added NOT NULL without a default: the statement fails if ${table} has rows, and running application versions cannot insert.`,
    });
    emit({
      ruleId: 'data/null-values',
      tables: [table],
      message: `${column} is added NOT NULL without a default: every existing row of ${table} would hold NULL.`,
      dataCheck: { kind: 'has-rows', table, column: def.colname },
    });
  }
  for (const constraint of constraints) {
    if (constraint?.contype === 'CONSTR_UNIQUE' || constraint?.contype === 'CONSTR_PRIMARY') {
      emit({
        ruleId: 'lock/add-unique-constraint',
        tables: [table],
        message: `The inline ${constraint.contype === 'CONSTR_PRIMARY' ? 'PRIMARY KEY' : 'UNIQUE'} on ${column} builds an index under ACCESS EXCLUSIVE on ${table}.`,
      });
    } else if (constraint?.contype === 'CONSTR_CHECK' && !constraint.skip_validation) {
      emit({
        ruleId: 'lock/add-check-validated',
        tables: [table],
        message: `The inline CHECK on ${column} scans ${table} under ACCESS EXCLUSIVE.`,
      });
    }
  }
}

function constraintName(table: string, constraint: PgNode, suffix: string): string {
  const columns = nameParts(constraint.keys ?? constraint.fk_attrs);
  return constraint.conname ?? `${table.slice(table.indexOf('.') + 1)}_${columns.join('_')}_${suffix}`;
}

function addConstraint(args: AlterArgs): void {
  const { cmd, table, env, emit, statement, single } = args;
  const constraint = cmd.def?.Constraint as PgNode | undefined;
  if (!constraint) return;
  const notValid = !!constraint.skip_validation;
  const withNotValid = single && !notValid ? `${statement.text} NOT VALID` : undefined;
  switch (constraint.contype) {
    case 'CONSTR_UNIQUE':
    case 'CONSTR_PRIMARY':
      if (constraint.indexname) return; // USING INDEX: the index was built beforehand
      uniqueConstraint(args, constraint);
      return;
    case 'CONSTR_FOREIGN': {
      const refTable = env.ctx.key(constraint.pktable);
      const columns = nameParts(constraint.fk_attrs);
      if (notValid) return;
      emit({
        ruleId: 'lock/add-foreign-key-validated',
        tables: [table, refTable],
        message: `Foreign key ${constraint.conname ?? ''} is validated while ${table} and ${refTable} are locked (SHARE ROW EXCLUSIVE): writes to both wait for the scan of ${table}.`,
        replacement: withNotValid,
      });
      emit({
        ruleId: 'data/foreign-key-violations',
        tables: [table],
        message: `Foreign key on ${table} (${columns.join(', ')}) fails if rows reference missing ${refTable} rows.`,
        dataCheck: {
          kind: 'fk',
          table,
          columns,
          refTable,
          refColumns: nameParts(constraint.pk_attrs),
          refIsNew: env.ctx.isNewTable(refTable),
        },
      });
      return;
    }
    case 'CONSTR_CHECK':
      if (notValid) return;
      emit({
        ruleId: 'lock/add-check-validated',
        tables: [table],
        message: `CHECK ${constraint.conname ?? ''} scans ${table} under ACCESS EXCLUSIVE.`,
        replacement: withNotValid,
      });
      checkData(args, constraint);
      return;
    case 'CONSTR_EXCLUSION':
      emit({
        ruleId: 'lock/add-exclusion-constraint',
        tables: [table],
        message: `Exclusion constraint ${constraint.conname ?? ''} builds its index and checks every row of ${table} under ACCESS EXCLUSIVE.`,
      });
      return;
    default:
      return;
  }
}

function uniqueConstraint({ table, emit }: AlterArgs, constraint: PgNode): void {
  const isPk = constraint.contype === 'CONSTR_PRIMARY';
  const columns = nameParts(constraint.keys);
  const name = constraintName(table, constraint, isPk ? 'pkey' : 'key');
  const target = table.split('.').map(quoteIdent).join('.');
  const kind = isPk ? 'PRIMARY KEY' : 'UNIQUE';
  emit({
    ruleId: 'lock/add-unique-constraint',
    tables: [table],
    message: `${kind} ${name} builds its index under ACCESS EXCLUSIVE on ${table}: every query waits for the build.`,
    replacement: `CREATE UNIQUE INDEX CONCURRENTLY ${quoteIdent(name)} ON ${target} (${columns.map(quoteIdent).join(', ')});\nALTER TABLE ${target} ADD CONSTRAINT ${quoteIdent(name)} ${kind} USING INDEX ${quoteIdent(name)}`,
  });
  emit({
    ruleId: 'data/duplicate-values',
    tables: [table],
    message: `${kind} ${name} on ${table} (${columns.join(', ')}) fails if existing rows hold duplicates.`,
    dataCheck: { kind: 'unique', table, columns, nullsNotDistinct: isPk || !!constraint.nulls_not_distinct },
  });
}

function checkData({ table, env, emit }: AlterArgs, constraint: PgNode): void {
  const offset = charOffset(env.sql, Math.max(0, Number(constraint.location ?? 0)), env.isAscii);
  const expression = singleExpression(checkExpressionText(env.sql, offset));
  emit({
    ruleId: 'data/check-violations',
    tables: [table],
    message: `CHECK ${constraint.conname ?? ''} on ${table} fails if existing rows violate ${expression ?? 'it'}.`,
    dataCheck: expression
      ? { kind: 'check', table, expression }
      : { kind: 'unverifiable', table, ruleId: 'data/check-violations', why: 'the expression could not be read' },
  });
}

/** The expression text only if it parses as exactly one expression (it is run in a SELECT later). */
function singleExpression(text: string | undefined): string | undefined {
  if (!text) return undefined;
  try {
    const tree = parseSync(`SELECT 1 WHERE NOT (${text})`) as { stmts?: unknown[] };
    return tree.stmts?.length === 1 ? text : undefined;
  } catch {
    return undefined;
  }
}

function validateConstraint(args: AlterArgs): void {
  const { cmd, table, env, emit } = args;
  const known = env.ctx.constraint(table, cmd.name);
  if (!known) return;
  if (known.node.contype === 'CONSTR_CHECK') checkData(args, known.node);
  if (known.node.contype === 'CONSTR_FOREIGN') {
    const refTable = env.ctx.key(known.node.pktable);
    const columns = nameParts(known.node.fk_attrs);
    emit({
      ruleId: 'data/foreign-key-violations',
      tables: [table],
      message: `Validating ${cmd.name} on ${table} fails if rows reference missing ${refTable} rows.`,
      dataCheck: {
        kind: 'fk',
        table,
        columns,
        refTable,
        refColumns: nameParts(known.node.pk_attrs),
        refIsNew: env.ctx.isNewTable(refTable),
      },
    });
  }
}

function setNotNull({ cmd, table, env, emit }: AlterArgs): void {
  const column = cmd.name as string;
  const target = table.split('.').map(quoteIdent).join('.');
  const check = quoteIdent(`${table.slice(table.indexOf('.') + 1)}_${column}_not_null`.slice(0, 63));
  const col = quoteIdent(column);
  if (!(env.serverMajor >= 12 && env.ctx.hasNotNullProof(table, column))) {
    emit({
      ruleId: 'lock/set-not-null',
      tables: [table],
      message: `SET NOT NULL on ${table}.${column} scans the whole table under ACCESS EXCLUSIVE.${env.serverMajor < 12 ? ` (PostgreSQL ${env.serverMajor} cannot use a CHECK constraint to skip the scan.)` : ''}`,
      replacement: [
        `ALTER TABLE ${target} ADD CONSTRAINT ${check} CHECK (${col} IS NOT NULL) NOT VALID`,
        `ALTER TABLE ${target} VALIDATE CONSTRAINT ${check}`,
        `ALTER TABLE ${target} ALTER COLUMN ${col} SET NOT NULL`,
        `ALTER TABLE ${target} DROP CONSTRAINT ${check}`,
      ].join(';\n'),
    });
  }
  const state = env.ctx.column(table, column);
  emit({
    ruleId: 'data/null-values',
    tables: [table],
    message: `SET NOT NULL on ${table}.${column} fails if any row holds NULL.`,
    dataCheck: state?.isNew ? (state.hasDefault ? undefined : { kind: 'has-rows', table, column }) : { kind: 'not-null', table, column },
  });
}

function alterColumnType({ cmd, table, env, emit }: AlterArgs): void {
  const def = cmd.def?.ColumnDef as PgNode | undefined;
  const to = typeInfo(def?.typeName);
  const from = env.ctx.column(table, cmd.name)?.type;
  if (to && from && !def?.raw_default && isBinaryCoercible(from, to)) return;
  const why = def?.raw_default
    ? 'a USING expression always rewrites'
    : from
      ? `${describeType(from)} → ${describeType(to)} is not binary-coercible`
      : `the column's current type is not known to the linter, so ${describeType(to)} is assumed to need a rewrite`;
  emit({
    ruleId: 'lock/alter-column-type',
    tables: [table],
    message: `ALTER COLUMN ${cmd.name} TYPE rewrites ${table} and its indexes under ACCESS EXCLUSIVE: ${why}.`,
  });
}
