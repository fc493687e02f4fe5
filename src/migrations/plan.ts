/**
 * What applying would do, computed without changing anything: the pending migrations, their
 * statements, how each migration runs (atomic or in segments), and the lock each statement takes.
 */
import { loadParser, splitStatements, summarizeStatement, type PgNode, type SqlStatement } from '../sql/parser.js';
import { MigrateActionsError } from '../errors.js';
import type { ConnectionSettings } from '../postgres/url.js';
import { compareHistory, readAppliedRows } from './history.js';
import { readMigrationsDir, type LocalMigration } from './reader.js';
import { baselineError, connect, otherTables, refuseFailedMigrations, serverMajor, toSettings } from './session.js';
import { batchDirectives, type BatchedStatement } from './batch/directive.js';
import { planBatches, type PlannedBatch } from './batch/plan.js';
import { describeProgress } from './batch/checkpoint.js';
import { resumableRuns } from './batch/resume.js';
import { formatCount } from '../report/format.js';

/** atomic: one transaction with its bookkeeping; segmented: non-transactional statements run on
 * their own between transactional segments; script: the file controls transactions itself. */
export type MigrationMode = 'atomic' | 'segmented' | 'script';

export interface StatementLock {
  /** PostgreSQL lock mode, e.g. ACCESS EXCLUSIVE; 'none' when no table lock is taken. */
  mode: string;
  /** The tables (or index) it is taken on, as written. */
  on: string[];
}

export interface PlannedStatement {
  index: number;
  line: number;
  column: number;
  kind: string;
  summary: string;
  transactional: boolean;
  nonTransactionalReason?: string;
  locks: StatementLock[];
  /** How a statement under a batch directive runs (estimates when planned against a database). */
  batch?: PlannedBatch;
}

export interface Segment {
  transactional: boolean;
  statements: SqlStatement[];
  /** A statement run in keyset batches, each batch its own transaction. */
  batch?: BatchedStatement;
}

export interface PreparedMigration {
  migration: LocalMigration;
  statements: SqlStatement[];
  mode: MigrationMode;
  segments: Segment[];
  /** Statements under a batch directive. */
  batched: BatchedStatement[];
}

export interface MigrationPlan {
  name: string;
  file: string;
  mode: MigrationMode;
  checksum: string;
  statements: PlannedStatement[];
  /** An interrupted batched run this apply continues ("batching, 40% (…)"). */
  resuming?: string;
}

/**
 * Parses a migration and its batch directives (throws E_SQL_PARSE / E_BATCH_* with file and
 * line) and decides how it runs.
 */
export async function prepareMigration(migration: LocalMigration, serverMajor?: number): Promise<PreparedMigration> {
  await loadParser();
  const source = { file: migration.sqlPath, migration: migration.name };
  const statements = splitStatements(migration.sql, { ...source, serverMajor });
  const batched = batchDirectives(migration.sql, statements, source);
  const mode: MigrationMode = statements.some((s) => s.transactionControl)
    ? 'script'
    : batched.length || statements.some((s) => !s.transactional)
      ? 'segmented'
      : 'atomic';
  return { migration, statements, mode, segments: segmentsOf(statements, batched), batched };
}

/**
 * Consecutive transactional statements form one segment; each other statement is its own, and so
 * is each batched statement (its batches commit one by one, after the statements before it).
 */
export function segmentsOf(statements: SqlStatement[], batched: BatchedStatement[] = []): Segment[] {
  const segments: Segment[] = [];
  const batchOf = new Map(batched.map((b) => [b.statement.index, b]));
  for (const statement of statements) {
    const last = segments.at(-1);
    const batch = batchOf.get(statement.index);
    if (batch) segments.push({ transactional: false, statements: [statement], batch });
    else if (statement.transactional && last?.transactional && !last.batch) last.statements.push(statement);
    else segments.push({ transactional: statement.transactional, statements: [statement] });
  }
  return segments;
}

export function planOf(prepared: PreparedMigration, batches: ReadonlyMap<number, PlannedBatch> = new Map()): MigrationPlan {
  const batchOf = new Map(prepared.batched.map((b) => [b.statement.index, b]));
  return {
    name: prepared.migration.name,
    file: prepared.migration.sqlPath,
    mode: prepared.mode,
    checksum: prepared.migration.checksum,
    statements: prepared.statements.map((s) => {
      const batched = batchOf.get(s.index);
      return {
        index: s.index,
        line: s.line,
        column: s.column,
        kind: s.kind,
        summary: summarizeStatement(s.text),
        transactional: s.transactional && !batched,
        nonTransactionalReason: batched
          ? `runs in batches of ${batched.directive.size} rows, each its own transaction; the statements before it commit first`
          : s.nonTransactionalReason,
        locks: locksOf(s.kind, s.node),
        batch: batched ? (batches.get(s.index) ?? planBatches.offline(batched)) : undefined,
      };
    }),
  };
}

function rangeVarName(node: PgNode | undefined): string | undefined {
  const rv = node?.RangeVar ?? node;
  if (!rv?.relname) return undefined;
  return rv.schemaname ? `${rv.schemaname}.${rv.relname}` : rv.relname;
}

function listName(item: PgNode): string {
  const parts = (item.List?.items ?? []) as PgNode[];
  return parts.map((p) => p.String?.sval ?? '?').join('.');
}

function foreignKeyTargets(constraints: PgNode[]): string[] {
  return constraints
    .filter((c) => c.Constraint?.contype === 'CONSTR_FOREIGN')
    .map((c) => rangeVarName(c.Constraint.pktable))
    .filter((n): n is string => Boolean(n));
}

/** ALTER TABLE subcommands that take less than ACCESS EXCLUSIVE. */
const ALTER_TABLE_LOCKS: Record<string, string> = {
  AT_ValidateConstraint: 'SHARE UPDATE EXCLUSIVE',
  AT_SetStatistics: 'SHARE UPDATE EXCLUSIVE',
  AT_ClusterOn: 'SHARE UPDATE EXCLUSIVE',
  AT_SetRelOptions: 'SHARE UPDATE EXCLUSIVE',
  AT_AttachPartition: 'SHARE UPDATE EXCLUSIVE',
  AT_EnableTrig: 'SHARE ROW EXCLUSIVE',
  AT_DisableTrig: 'SHARE ROW EXCLUSIVE',
};

function alterTableLocks(node: PgNode): StatementLock[] {
  const table = rangeVarName(node.relation) ?? '?';
  const cmds = ((node.cmds ?? []) as PgNode[]).map((c) => c.AlterTableCmd ?? {});
  const modes = cmds.map((cmd) => {
    if (cmd.subtype === 'AT_AddConstraint' && cmd.def?.Constraint?.contype === 'CONSTR_FOREIGN') return 'SHARE ROW EXCLUSIVE';
    return ALTER_TABLE_LOCKS[cmd.subtype as string] ?? 'ACCESS EXCLUSIVE';
  });
  const mode = modes.includes('ACCESS EXCLUSIVE') || !modes.length ? 'ACCESS EXCLUSIVE' : modes[0];
  const fkTables = foreignKeyTargets(cmds.map((c) => c.def ?? {}));
  const locks: StatementLock[] = [{ mode, on: [table] }];
  if (fkTables.length) locks.push({ mode: 'SHARE ROW EXCLUSIVE', on: fkTables });
  return locks;
}

function createTableLocks(node: PgNode): StatementLock[] {
  const columns = ((node.tableElts ?? []) as PgNode[]).flatMap((e) => (e.ColumnDef?.constraints ?? []) as PgNode[]);
  const tableConstraints = ((node.tableElts ?? []) as PgNode[]).filter((e) => e.Constraint);
  const fkTables = foreignKeyTargets([...columns, ...tableConstraints]);
  const locks: StatementLock[] = [{ mode: 'ACCESS EXCLUSIVE (new table)', on: [rangeVarName(node.relation) ?? '?'] }];
  if (fkTables.length) locks.push({ mode: 'SHARE ROW EXCLUSIVE', on: fkTables });
  return locks;
}

/** A simple statement-kind → lock-mode table (the strongest lock each statement takes). */
export function locksOf(kind: string, node: PgNode): StatementLock[] {
  const on = (mode: string, ...names: Array<string | undefined>): StatementLock[] => [
    { mode, on: names.filter((n): n is string => Boolean(n)) },
  ];
  switch (kind) {
    case 'CreateStmt':
      return createTableLocks(node);
    case 'AlterTableStmt':
      return alterTableLocks(node);
    case 'IndexStmt':
      return on(node.concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'SHARE', rangeVarName(node.relation));
    case 'DropStmt':
      return on(node.concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE', ...((node.objects ?? []) as PgNode[]).map(listName));
    case 'RenameStmt':
      return on('ACCESS EXCLUSIVE', rangeVarName(node.relation));
    case 'TruncateStmt':
      return on('ACCESS EXCLUSIVE', ...((node.relations ?? []) as PgNode[]).map((r) => rangeVarName(r)));
    case 'InsertStmt':
    case 'UpdateStmt':
    case 'DeleteStmt':
      return on('ROW EXCLUSIVE', rangeVarName(node.relation));
    case 'CreateTrigStmt':
      return on('SHARE ROW EXCLUSIVE', rangeVarName(node.relation));
    case 'ReindexStmt':
      return on(
        JSON.stringify(node.params ?? []).includes('concurrently') ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE',
        rangeVarName(node.relation) ?? node.name,
      );
    case 'VacuumStmt':
    case 'CommentStmt':
      return on('SHARE UPDATE EXCLUSIVE');
    case 'SelectStmt':
      return on('ACCESS SHARE');
    default:
      return [{ mode: 'none', on: [] }];
  }
}

export interface PlanOptions {
  connection: ConnectionSettings | string;
  dir?: string;
  migrations?: LocalMigration[];
  /** Only pending migrations up to and including this name. */
  upTo?: string;
}

export interface PlanResult {
  schema: string;
  /** `_prisma_migrations` does not exist yet (apply would create it). */
  tableMissing: boolean;
  migrations: MigrationPlan[];
  /** Pending migrations after `upTo`. */
  later: string[];
}

export function selectUpTo(pending: LocalMigration[], upTo: string | undefined): { selected: LocalMigration[]; rest: LocalMigration[] } {
  if (upTo === undefined) return { selected: pending, rest: [] };
  const index = pending.findIndex((m) => m.name === upTo);
  if (index < 0) {
    throw new MigrateActionsError('E_UPTO_NOT_PENDING', `--up-to ${upTo} is not a pending migration.`, {
      where: { migration: upTo },
      remedy: `Name one of the pending migrations: ${pending.map((m) => m.name).join(', ') || '(none are pending)'}.`,
    });
  }
  return { selected: pending.slice(0, index + 1), rest: pending.slice(index + 1) };
}

/** Everything apply would do, read-only: refuses as apply would (P3009, P3005). */
export async function planMigrations(options: PlanOptions): Promise<PlanResult> {
  const settings = toSettings(options.connection);
  const local = options.migrations ?? (await readMigrationsDir(options.dir ?? 'prisma/migrations')).migrations;
  const client = await connect(settings, 'prisma-migrate-actions plan');
  try {
    const major = await serverMajor(client);
    const rows = await readAppliedRows(client, settings.schema);
    const resumable = rows ? await resumableRuns(client, rows, local) : [];
    if (rows) refuseFailedMigrations(rows.filter((row) => !resumable.some((r) => r.row.id === row.id)));
    else {
      const tables = await otherTables(client, settings.schema);
      if (tables.length) throw baselineError(settings.schema, tables);
    }
    const { selected, rest } = selectUpTo(compareHistory(local, rows).pending, options.upTo);
    const prepared = await Promise.all([...resumable.map((r) => r.migration), ...selected].map((m) => prepareMigration(m, major)));
    const plans: MigrationPlan[] = [];
    for (const p of prepared) plans.push(planOf(p, await planBatches.estimate(client, p)));
    resumable.forEach((r, i) => (plans[i].resuming = describeProgress(r.running, formatCount)));
    return { schema: settings.schema, tableMissing: rows === null, migrations: plans, later: rest.map((m) => m.name) };
  } finally {
    await client.end().catch(() => undefined);
  }
}
