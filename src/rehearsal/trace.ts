/**
 * Runs the new migrations statement by statement as the engine would — the same transaction
 * segments (src/migrations/plan.ts), lock_timeout off — while the sampler watches locks and the
 * workload runs, and turns what was seen into per-statement results. Inside a transaction the
 * migration's own session also reads its locks and relfilenodes after each statement: it sees its
 * own uncommitted catalog (another session cannot), so a rewrite is pinned to the statement that did it.
 */
import type pg from 'pg';
import { openClient } from '../postgres/client.js';
import { redact } from '../postgres/redact.js';
import type { ConnectionSettings } from '../postgres/url.js';
import { prepareMigration, planOf, type StatementLock } from '../migrations/plan.js';
import type { LocalMigration } from '../migrations/reader.js';
import type { SqlStatement } from '../sql/parser.js';
import { LockSampler, type LockSpan } from './sampler.js';
import { Workload, type QueryKind, type WorkloadQuery } from './workload.js';
import { lockModeName, lockRank, type ObservedLock, type RehearsedStatement } from './types.js';

export interface TraceOptions {
  /** The rehearsal database: the upgraded-from schema, filled to rehearsal sizes. */
  connection: ConnectionSettings;
  migrations: LocalMigration[];
  /** Tables the workload queries (the touched tables that existed before the change). */
  tables: string[];
  /** The whole trace stops (the running statement is cancelled) after this long. */
  timeoutMs: number;
  serverMajor?: number;
  sampleIntervalMs?: number;
  log?: (line: string) => void;
}

/** A rehearsed statement with what the findings compare it with. */
export interface TracedStatement extends RehearsedStatement {
  endLine: number;
  /** The lock the statement's SQL predicts (the linter's and the plan's model). */
  predicted: StatementLock[];
  /** Tables whose relfilenode changed. */
  rewritten: string[];
  /** Which kinds of application query it blocked. */
  blockedKinds: Set<QueryKind>;
}

export interface TraceResult {
  statements: TracedStatement[];
  /** The statement that failed or was stopped, and why; later statements did not run. */
  stopped?: { migration: string; line: number; reason: string; timedOut: boolean };
  sampler: { samples: number; medianGapMs: number };
  workload: { sessions: number; queries: number; tables: number };
}

/** A statement as the trace ran it (exported for tests). */
export interface Run {
  migration: string;
  statement: SqlStatement;
  predicted: StatementLock[];
  transactional: boolean;
  start: number;
  end: number;
  /** When its locks were released: the end of its transaction. */
  release: number;
  /** The strongest lock mode it added on each relation, from the session's own view. */
  own: Map<string, string>;
  /** Modes the session held on each relation before it ran (earlier statements of its transaction). */
  heldBefore: Map<string, Set<string>>;
  rewritten: string[];
  timedOut?: boolean;
}

const OWN_LOCKS_SQL = `SELECT n.nspname || '.' || c.relname AS relation, l.mode FROM pg_locks l
  JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.granted AND n.nspname = $1
   AND c.relkind IN ('r', 'p', 'm') AND c.relname NOT LIKE 'pg\\_temp\\_%'`;
const FILENODES_SQL = `SELECT c.oid::text AS oid, n.nspname || '.' || c.relname AS relation, c.relfilenode::text AS filenode
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'm')`;

type Filenodes = Map<string, { relation: string; filenode: string }>;

async function filenodes(client: pg.Client, schema: string): Promise<Filenodes> {
  const rows = (await client.query<{ oid: string; relation: string; filenode: string }>(FILENODES_SQL, [schema])).rows;
  return new Map(rows.map((r) => [r.oid, { relation: r.relation, filenode: r.filenode }]));
}

/** Every lock mode the session holds, by relation. */
async function ownLocks(client: pg.Client, schema: string): Promise<Map<string, Set<string>>> {
  const rows = (await client.query<{ relation: string; mode: string }>(OWN_LOCKS_SQL, [schema])).rows;
  const locks = new Map<string, Set<string>>();
  for (const row of rows) {
    if (!locks.has(row.relation)) locks.set(row.relation, new Set());
    locks.get(row.relation)!.add(lockModeName(row.mode));
  }
  return locks;
}

/** The strongest mode on each relation that `now` holds and `before` did not. */
function addedLocks(before: Map<string, Set<string>>, now: Map<string, Set<string>>): Map<string, string> {
  const added = new Map<string, string>();
  for (const [relation, modes] of now)
    for (const mode of modes)
      if (!before.get(relation)?.has(mode) && lockRank(mode) > lockRank(added.get(relation) ?? '')) added.set(relation, mode);
  return added;
}

function rewrittenBetween(before: Filenodes, after: Filenodes): string[] {
  return [...before].filter(([oid, b]) => after.has(oid) && after.get(oid)!.filenode !== b.filenode).map(([, b]) => b.relation);
}

export async function traceMigrations(options: TraceOptions): Promise<TraceResult> {
  const { connection } = options;
  const schema = connection.schema;
  const client = await openClient(connection, { applicationName: 'prisma-migrate-actions rehearsal' });
  const runs: Run[] = [];
  let stopped: TraceResult['stopped'];
  let workload: Workload | undefined;
  let sampler: LockSampler | undefined;
  try {
    const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    workload = await Workload.prepare(connection, options.tables);
    sampler = await LockSampler.start(connection, pid, workload.pids, options.sampleIntervalMs);
    workload.run();
    await new Promise((resolve) => setTimeout(resolve, 50)); // the workload is under way before the first statement
    const deadline = performance.now() + options.timeoutMs;
    const remaining = () => Math.max(1, Math.round(deadline - performance.now()));
    outer: for (const migration of options.migrations) {
      const prepared = await prepareMigration(migration, options.serverMajor);
      const plan = planOf(prepared);
      const predicted = new Map(prepared.statements.map((s, i) => [s, plan.statements[i].locks]));
      const units = prepared.mode === 'script' ? [{ transactional: false, statements: prepared.statements }] : prepared.segments;
      for (const unit of units) {
        const unitRuns: Run[] = [];
        if (unit.transactional) await client.query('BEGIN; SET LOCAL lock_timeout = 0');
        else await client.query('SET lock_timeout = 0');
        let before = await filenodes(client, schema);
        let held = new Map<string, Set<string>>();
        let failure: { error: pg.DatabaseError; run: Run } | undefined;
        for (const statement of unit.statements) {
          await client.query(`SET ${unit.transactional ? 'LOCAL ' : ''}statement_timeout = ${remaining()}`);
          const run: Run = {
            migration: migration.name,
            statement,
            predicted: predicted.get(statement) ?? [],
            transactional: unit.transactional,
            start: performance.now(),
            end: 0,
            release: 0,
            own: new Map(),
            heldBefore: held,
            rewritten: [],
          };
          runs.push(run);
          unitRuns.push(run);
          try {
            await client.query(statement.text);
          } catch (error) {
            failure = { error: error as pg.DatabaseError, run };
          }
          run.end = performance.now();
          if (failure) {
            run.release = run.end;
            run.timedOut = failure.error.code === '57014';
            break;
          }
          if (unit.transactional) {
            const now = await ownLocks(client, schema);
            run.own = addedLocks(held, now);
            held = now;
          }
          const after = await filenodes(client, schema);
          run.rewritten = rewrittenBetween(before, after);
          before = after;
        }
        if (unit.transactional) await client.query(failure ? 'ROLLBACK' : 'COMMIT').catch(() => undefined);
        else await client.query('RESET statement_timeout; RESET lock_timeout').catch(() => undefined);
        const release = performance.now();
        for (const run of unitRuns) if (unit.transactional || !run.release) run.release = unit.transactional ? release : run.end;
        if (failure) {
          const { error, run } = failure;
          stopped = {
            migration: run.migration,
            line: run.statement.line,
            timedOut: Boolean(run.timedOut),
            reason: run.timedOut ? 'rehearsal-timeout reached' : `${redact(error.message)}${error.code ? ` (SQLSTATE ${error.code})` : ''}`,
          };
          options.log?.(`rehearsal: stopped at ${run.migration} line ${run.statement.line}: ${stopped.reason}`);
          break outer;
        }
      }
    }
  } finally {
    await workload?.stop();
    await sampler?.stop();
    await client.end().catch(() => undefined);
  }
  const spans = sampler!.spans;
  const migrationPid = sampler!.migrationPid;
  const statements = runs.map((run) => toStatement(run, spans, migrationPid, sampler!.medianGapMs()));
  attributeWaits(runs, statements, spans, workload!.queries, migrationPid);
  return {
    statements,
    stopped,
    sampler: { samples: sampler!.samples, medianGapMs: sampler!.medianGapMs() },
    workload: { sessions: workload!.pids.length, queries: workload!.queries.length, tables: workload!.tableCount },
  };
}

/** The strongest lock on each table, from the session's own view and the sampler's, with how long it was held. */
export function toStatement(run: Run, spans: LockSpan[], migrationPid: number | undefined, gapMs: number): TracedStatement {
  // A lock an earlier statement of the transaction took is its, however late the sampler first saw it.
  const seen = spans.filter(
    (s) =>
      s.pid === migrationPid &&
      s.granted &&
      s.relation.includes('.') &&
      s.first >= run.start - gapMs &&
      s.first <= run.end + gapMs &&
      !run.heldBefore.get(s.relation)?.has(s.mode),
  );
  const strongest = new Map<string, { mode: string; from: number; to: number }>();
  const offer = (relation: string, mode: string, from: number, to: number) => {
    const current = strongest.get(relation);
    if (!current || lockRank(mode) > lockRank(current.mode)) strongest.set(relation, { mode, from, to });
    else if (current.mode === mode) current.from = Math.min(current.from, from);
  };
  for (const span of seen) offer(span.relation, span.mode, span.first, run.transactional ? run.release : span.last);
  for (const [relation, mode] of run.own) offer(relation, mode, run.start, run.release);
  const locks: ObservedLock[] = [...strongest].map(([relation, l]) => ({
    relation,
    mode: l.mode,
    heldMs: Math.max(0, Math.round(Math.max(l.from, run.start) <= l.to ? l.to - Math.max(l.from, run.start) : 0)),
  }));
  return {
    migration: run.migration,
    line: run.statement.line,
    endLine: run.statement.endLine,
    sql: run.statement.text.trim(),
    locks: locks.sort((a, b) => lockRank(b.mode) - lockRank(a.mode) || a.relation.localeCompare(b.relation)),
    durationMs: Math.round(run.end - run.start),
    rewrite: run.rewritten.length > 0,
    rewritten: run.rewritten,
    blocked: { queries: 0, maxWaitMs: 0 },
    blockedKinds: new Set(),
    predicted: run.predicted,
    ...(run.timedOut ? { timedOut: true } : {}),
  };
}

/**
 * A workload query was blocked when the sampler saw its session wait behind the migration while it
 * ran; its wait is its whole latency (a primary-key query takes well under a millisecond). It is
 * charged to the statement whose lock on that table was held then — the earliest in the
 * transaction that took one — else to the statement running at the time.
 */
function attributeWaits(runs: Run[], statements: TracedStatement[], spans: LockSpan[], queries: WorkloadQuery[], migrationPid?: number) {
  const waits = spans.filter((s) => !s.granted && s.pid !== migrationPid);
  for (const query of queries) {
    const wait = waits.find((w) => w.pid === query.pid && w.last >= query.start && w.first <= query.end);
    if (!wait) continue;
    const at = wait.first;
    const active = runs.map((r, i) => ({ r, i })).filter(({ r }) => r.start <= at && at <= r.release + 1);
    const holder =
      active.find(({ i }) => statements[i].locks.some((l) => l.relation === query.table && lockRank(l.mode) > lockRank('ROW EXCLUSIVE'))) ??
      active.at(-1);
    if (!holder) continue;
    statements[holder.i].blockedKinds.add(query.kind);
    const blocked = statements[holder.i].blocked;
    blocked.queries++;
    blocked.maxWaitMs = Math.max(blocked.maxWaitMs, Math.round(query.end - query.start));
  }
}
