/**
 * What a non-atomic migration changed, kept where a later run can find it: before a segmented or
 * script-mode migration runs, the catalog is snapshotted into the tool's own schema (next to the
 * audit table, ignored by every snapshot and drift check); on failure the catalog is read again,
 * and the difference becomes the recovery plan (what it created, altered or dropped, the SQL
 * that undoes it, the statements that did not run). `recover` reads the same row hours later,
 * from another runner.
 */
import type pg from 'pg';
import { diffSnapshots, reconcileSql, snapshotSchema, SUITE_SCHEMA } from '../catalog/index.js';
import type { CatalogSnapshot, ReconcileStep, SchemaDifference } from '../catalog/types.js';
import { MigrateActionsError } from '../errors.js';
import { redact } from '../postgres/redact.js';
import { summarizeStatement, type SqlStatement } from '../sql/parser.js';
import type { PreparedMigration } from './plan.js';

export const ATTEMPTS_TABLE = 'migration_attempts';
const TABLE = `${SUITE_SCHEMA}.${ATTEMPTS_TABLE}`;

type Queryable = Pick<pg.Client, 'query'>;

export interface StoredAttempt {
  /** The `_prisma_migrations` row id of the attempt. */
  id: string;
  migrationName: string;
  mode: string;
  before: CatalogSnapshot;
  /** How many of the file's statements (a prefix) are committed. */
  committedStatements: number;
}

/** One object the failed migration changed, in the user's words. */
export interface ObjectChange {
  change: 'created' | 'altered' | 'dropped';
  objectType: string;
  identity: string;
  detail: string;
}

export interface RecoveryPlan {
  migration: string;
  changes: ObjectChange[];
  /** SQL that returns the schema to its state before the migration (manual steps are comments). */
  undo: ReconcileStep[];
  /** The statements of the file that did not run. */
  remaining: Array<{ index: number; line: number; sql: string }>;
  committedStatements: number;
}

const CHANGE_WORD = { unexpected: 'created', changed: 'altered', missing: 'dropped' } as const;

/** Sessions that have made sure of the table (one check per apply run, not per migration). */
const ensured = new WeakSet<object>();

async function ensureTable(client: Queryable): Promise<void> {
  if (ensured.has(client)) return;
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${SUITE_SCHEMA}`);
  await client.query(
    `CREATE TABLE IF NOT EXISTS ${TABLE} (
       id text PRIMARY KEY, migration_name text NOT NULL, mode text NOT NULL,
       recorded_at timestamptz NOT NULL DEFAULT now(), committed_statements integer NOT NULL DEFAULT 0,
       before jsonb NOT NULL)`,
  );
  ensured.add(client);
}

/**
 * A migration that is one named CREATE INDEX CONCURRENTLY can leave only that index behind when
 * it fails, so its catalog before is the catalog after the failure without it: no snapshot is
 * taken up front (one per such migration would read the whole schema each time).
 */
export function catalogKnownAfterFailure(prepared: PreparedMigration): boolean {
  const [only, ...rest] = prepared.statements;
  return !rest.length && only?.kind === 'IndexStmt' && only.node.concurrent === true && Boolean(only.node.idxname);
}

/** Before a non-atomic migration: its catalog, stored under the attempt's id. */
export async function rememberCatalogBefore(client: pg.Client, id: string, prepared: PreparedMigration): Promise<void> {
  await storeCatalogBefore(client, id, prepared, await snapshotSchema(client));
}

/** After a failed catalogKnownAfterFailure migration: the catalog now, without the index it left. */
export async function rememberCatalogAfterFailure(
  client: pg.Client,
  id: string,
  prepared: PreparedMigration,
  leftIndex: { schema: string; name: string } | undefined,
): Promise<void> {
  const now = await snapshotSchema(client);
  if (leftIndex) {
    for (const [identity, index] of Object.entries(now.objects.index))
      if (index.schema === leftIndex.schema && index.name === leftIndex.name) delete now.objects.index[identity];
  }
  await storeCatalogBefore(client, id, prepared, now);
}

async function storeCatalogBefore(client: pg.Client, id: string, prepared: PreparedMigration, before: CatalogSnapshot): Promise<void> {
  await ensureTable(client);
  await client.query(`INSERT INTO ${TABLE} (id, migration_name, mode, before) VALUES ($1, $2, $3, $4)`, [
    id,
    prepared.migration.name,
    prepared.mode,
    JSON.stringify(before),
  ]);
}

/** The migration finished: its snapshot is no longer needed. */
export async function forgetCatalogBefore(client: Queryable, id: string): Promise<void> {
  await client.query(`DELETE FROM ${TABLE} WHERE id = $1`, [id]).catch(() => undefined);
}

export async function readAttempt(client: Queryable, id: string): Promise<StoredAttempt | undefined> {
  const exists = await client.query<{ t: string | null }>(`SELECT to_regclass($1) AS t`, [TABLE]);
  if (!exists.rows[0].t) return undefined;
  const found = await client.query(`SELECT id, migration_name, mode, before, committed_statements FROM ${TABLE} WHERE id = $1`, [id]);
  if (!found.rowCount) return undefined;
  const row = found.rows[0];
  return {
    id: row.id,
    migrationName: row.migration_name,
    mode: row.mode,
    before: row.before as CatalogSnapshot,
    committedStatements: row.committed_statements,
  };
}

export async function setCommittedStatements(client: Queryable, id: string, count: number): Promise<void> {
  await client.query(`UPDATE ${TABLE} SET committed_statements = $2 WHERE id = $1`, [id, count]);
}

/**
 * Script mode: which statements before the failing one are committed — those outside a
 * transaction block, and those in a block its COMMIT closed. Returns the committed prefix length.
 */
export function scriptCommittedCount(statements: SqlStatement[], failedIndex: number): number {
  let committed = 0;
  let inBlock = false;
  for (const statement of statements.slice(0, failedIndex)) {
    const control = statement.transactionControl;
    if (control === 'BEGIN' || control === 'START') inBlock = true;
    else if (control === 'COMMIT' || control === 'ROLLBACK') {
      inBlock = false;
      committed = statement.index + 1;
    } else if (!inBlock) committed = statement.index + 1;
  }
  return committed;
}

/** The recovery plan from the stored before-snapshot and the catalog now. */
export function recoveryPlan(
  migration: string,
  before: CatalogSnapshot,
  now: CatalogSnapshot,
  statements: SqlStatement[],
  committedStatements: number,
): RecoveryPlan {
  const diff = diffSnapshots(before, now);
  return {
    migration,
    changes: diff.differences.flatMap((d) => [changeOf(d), ...indexesOfWholeTable(d, before, now)]),
    undo: reconcileSql(diff, before, now),
    remaining: statements.slice(committedStatements).map((s) => ({ index: s.index, line: s.line, sql: redact(s.text) })),
    committedStatements,
  };
}

function changeOf(difference: SchemaDifference): ObjectChange {
  return {
    change: CHANGE_WORD[difference.change],
    objectType: difference.objectType,
    identity: difference.identity,
    detail: difference.change === 'changed' ? difference.detail : '',
  };
}

/**
 * The diff folds a created or dropped table's contents into the table (one DROP/CREATE covers
 * them); the report still names its indexes, which a migration creates as statements of their own.
 */
function indexesOfWholeTable(difference: SchemaDifference, before: CatalogSnapshot, now: CatalogSnapshot): ObjectChange[] {
  if (difference.objectType !== 'table' || difference.change === 'changed') return [];
  const table = (difference.actual ?? difference.expected) as { schema: string; name: string };
  const side = difference.change === 'unexpected' ? now : before;
  return Object.entries(side.objects.index)
    .filter(([, index]) => index.schema === table.schema && index.table === table.name)
    .map(([identity]) => ({ change: CHANGE_WORD[difference.change], objectType: 'index', identity, detail: `on ${difference.identity}` }));
}

/** One line for the failure message: what the failed migration left. */
export function describeChanges(plan: RecoveryPlan): string {
  if (!plan.changes.length) return 'The catalog is as it was before the migration.';
  const lines = plan.changes.map((c) => `${c.change} ${c.objectType} ${c.identity}`);
  return `What it changed in the catalog: ${lines.join('; ')}.`;
}

/**
 * The hook at a failure of a non-atomic migration: reads the catalog again, stores how many
 * statements are committed, and adds the recovery plan to the error (message and details).
 * Best effort: without a stored snapshot the error stays as it is.
 */
export async function attachRecoveryPlan(
  client: pg.Client,
  id: string,
  prepared: PreparedMigration,
  failedIndex: number | undefined,
  committed: SqlStatement[],
  error: MigrateActionsError,
): Promise<void> {
  const details = error.details;
  if (!details) return;
  try {
    const attempt = await readAttempt(client, id);
    if (!attempt) return;
    const count =
      prepared.mode === 'script' && failedIndex !== undefined
        ? scriptCommittedCount(prepared.statements, failedIndex)
        : committed.length
          ? committed.at(-1)!.index + 1
          : 0;
    await setCommittedStatements(client, id, count);
    const plan = recoveryPlan(prepared.migration.name, attempt.before, await snapshotSchema(client), prepared.statements, count);
    details.recovery = plan;
    if (prepared.mode === 'script') {
      details.committedStatements = prepared.statements.slice(0, count).map((s) => ({
        index: s.index,
        line: s.line,
        summary: summarizeStatement(s.text, 100),
      }));
    }
    const committedLine =
      prepared.mode === 'script'
        ? ` Committed by the file before the failure: ${count ? `statements #1 to #${count} (up to line ${prepared.statements[count - 1].line})` : 'nothing'}.`
        : '';
    error.message = `${error.message}${committedLine} ${describeChanges(plan)}`;
  } catch {
    // The plan is an aid; `recover` computes it again from the stored snapshot.
  }
}
