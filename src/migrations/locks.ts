/**
 * Prisma's migration advisory lock (key 72707369: both engines exclude each other) and
 * descriptions of the sessions that hold locks we wait for, with secrets masked.
 */
import type pg from 'pg';
import { MigrateActionsError } from '../errors.js';
import { redact } from '../postgres/redact.js';
import { formatDuration } from '../report/format.js';

export const PRISMA_ADVISORY_LOCK_KEY = 72707369;
export const DEFAULT_ADVISORY_LOCK_TIMEOUT_MS = 10_000;
/** An idle session of this tool holding the lock this long is taken to be left by a crashed run. */
export const STALE_LOCK_AGE_MS = 10 * 60_000;

/** A stale holder this run ended with --take-over-stale-lock (written to the audit record). */
export interface StaleLockTakeOver {
  pid: number;
  applicationName: string;
  idleMs: number;
}

export interface AdvisoryLockOptions {
  timeoutMs?: number;
  /** End a stale holder (idle session of this tool, idle longer than staleAfterMs) and take the lock. */
  takeOverStale?: boolean;
  staleAfterMs?: number;
  log?: (line: string) => void;
}

export interface SessionInfo {
  pid: number;
  applicationName: string;
  user: string | null;
  state: string | null;
  /** How long its current transaction (or, outside one, the session) has been running. */
  durationMs: number;
  /** Its current or last query, secrets masked and shortened. */
  query: string;
  lockMode?: string;
  /** How long it has been in its current state (idle for how long, when idle). */
  stateMs?: number;
}

/** Masks secrets in a query another session is running (passwords in ALTER ROLE included). */
export function redactQuery(text: string | null, max = 300): string {
  const masked = redact(text ?? '').replace(/(\bpassword\s+)(E?'(?:[^']|'')*')/gi, "$1'***'");
  const oneLine = masked.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

const SESSION_COLUMNS = `a.pid, a.application_name, a.usename, a.state,
  (extract(epoch from now() - coalesce(a.xact_start, a.backend_start)) * 1000)::bigint AS duration_ms, a.query,
  (extract(epoch from now() - a.state_change) * 1000)::bigint AS state_ms`;

function toSession(row: Record<string, unknown>): SessionInfo {
  return {
    pid: Number(row.pid),
    applicationName: String(row.application_name ?? ''),
    user: (row.usename as string | null) ?? null,
    state: (row.state as string | null) ?? null,
    durationMs: Number(row.duration_ms ?? 0),
    query: redactQuery(row.query as string | null),
    lockMode: row.mode ? String(row.mode) : undefined,
    stateMs: row.state_ms === null || row.state_ms === undefined ? undefined : Number(row.state_ms),
  };
}

export function describeSession(session: SessionInfo): string {
  return `pid ${session.pid} (${session.applicationName || 'no application_name'}, ${session.state ?? 'unknown state'}, for ${formatDuration(session.durationMs)}${session.lockMode ? `, holds ${session.lockMode}` : ''}): ${session.query || 'no query'}`;
}

/** Sessions holding the Prisma migration lock on this database. */
export async function advisoryLockHolders(client: Pick<pg.Client, 'query'>): Promise<SessionInfo[]> {
  const result = await client.query(
    `SELECT ${SESSION_COLUMNS} FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 0 AND l.objid = $1 AND l.objsubid = 1
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND l.pid <> pg_backend_pid()`,
    [PRISMA_ADVISORY_LOCK_KEY],
  );
  return result.rows.map(toSession);
}

/** Sessions blocking `pid` right now (pg_blocking_pids). */
export async function blockingSessions(client: Pick<pg.Client, 'query'>, pid: number): Promise<SessionInfo[]> {
  const result = await client.query(`SELECT ${SESSION_COLUMNS} FROM pg_stat_activity a WHERE a.pid = ANY(pg_blocking_pids($1))`, [pid]);
  return result.rows.map(toSession);
}

/** Sessions holding locks on a table (used when the wait is already over). */
export async function tableLockHolders(client: Pick<pg.Client, 'query'>, table: string): Promise<SessionInfo[]> {
  const result = await client.query(
    `SELECT DISTINCT ON (a.pid) ${SESSION_COLUMNS}, l.mode FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.relation = to_regclass($1) AND l.granted AND l.pid <> pg_backend_pid()`,
    [table],
  );
  return result.rows.map(toSession);
}

/** An idle session of this tool (by application_name) that has held the lock past the threshold. */
export function isStaleHolder(session: SessionInfo, staleAfterMs = STALE_LOCK_AGE_MS): boolean {
  return session.applicationName.startsWith('prisma-migrate-actions') && session.state === 'idle' && (session.stateMs ?? 0) >= staleAfterMs;
}

async function tryLock(client: pg.Client, timeoutMs: number): Promise<boolean> {
  await client.query(`SET lock_timeout = ${Math.max(1, Math.round(timeoutMs))}`);
  try {
    await client.query(`SELECT pg_advisory_lock(${PRISMA_ADVISORY_LOCK_KEY})`);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code !== '55P03') throw error;
    return false;
  } finally {
    await client.query('RESET lock_timeout').catch(() => undefined);
  }
}

/**
 * Takes the migration lock, waiting at most `timeoutMs` (server-side, through lock_timeout, so
 * the wait ends cleanly). On timeout the error names the session(s) holding it, and says when a
 * holder looks left behind by a crashed run; only with `takeOverStale` is such a holder ended
 * (never by default: an idle session may still be a live run between two statements).
 * Returns the holder it ended, if any.
 */
export async function acquireAdvisoryLock(
  client: pg.Client,
  timeoutOrOptions: number | AdvisoryLockOptions = DEFAULT_ADVISORY_LOCK_TIMEOUT_MS,
): Promise<StaleLockTakeOver | undefined> {
  const options = typeof timeoutOrOptions === 'number' ? { timeoutMs: timeoutOrOptions } : timeoutOrOptions;
  const timeoutMs = options.timeoutMs ?? DEFAULT_ADVISORY_LOCK_TIMEOUT_MS;
  const staleAfterMs = options.staleAfterMs ?? STALE_LOCK_AGE_MS;
  if (await tryLock(client, timeoutMs)) return undefined;
  const holders = await advisoryLockHolders(client);
  const stale = holders.filter((h) => isStaleHolder(h, staleAfterMs));
  if (options.takeOverStale && stale.length === 1 && holders.length === 1) {
    const [holder] = stale;
    options.log?.(
      `Ending pid ${holder.pid} (${holder.applicationName}, idle for ${formatDuration(holder.stateMs ?? 0)}): it holds the migration lock and looks left behind by a crashed run (--take-over-stale-lock).`,
    );
    await client.query('SELECT pg_terminate_backend($1)', [holder.pid]);
    if (await tryLock(client, timeoutMs)) {
      return { pid: holder.pid, applicationName: holder.applicationName, idleMs: holder.stateMs ?? 0 };
    }
  }
  throw lockTimeoutError(holders, stale, timeoutMs, staleAfterMs, Boolean(options.takeOverStale));
}

function lockTimeoutError(
  holders: SessionInfo[],
  stale: SessionInfo[],
  timeoutMs: number,
  staleAfterMs: number,
  triedTakeOver: boolean,
): MigrateActionsError {
  const named = holders.length ? holders.map(describeSession).join('; ') : 'no session holds it any more';
  const base = `Another migration run holds the migration lock (pg_advisory_lock ${PRISMA_ADVISORY_LOCK_KEY}); waited ${formatDuration(timeoutMs)}. Holder: ${named}.`;
  if (stale.length) {
    const which = stale.map((h) => `pid ${h.pid}, idle for ${formatDuration(h.stateMs ?? 0)}`).join('; ');
    return new MigrateActionsError(
      'E_ADVISORY_LOCK_STALE',
      `${base} It is an idle session of prisma-migrate-actions (${which}), idle longer than ${formatDuration(staleAfterMs)}: most likely left behind by a run that crashed or lost its runner.`,
      {
        remedy: triedTakeOver
          ? 'Several sessions hold or wait for the lock, so none was ended. Check them in pg_stat_activity and end the stale one with SELECT pg_terminate_backend(PID).'
          : 'If no migration run is active, run again with --take-over-stale-lock (input take-over-stale-lock: true): it ends that session, takes the lock and records the take-over in the audit record. Or end it yourself with SELECT pg_terminate_backend(PID).',
        details: { holders, timeoutMs },
      },
    );
  }
  return new MigrateActionsError('E_ADVISORY_LOCK_TIMEOUT', base, {
    remedy:
      'Wait for the other `prisma migrate deploy` / apply to finish (or raise the advisory lock timeout); if that session is stuck, end it with SELECT pg_terminate_backend(PID).',
    details: { holders, timeoutMs },
  });
}

export async function releaseAdvisoryLock(client: pg.Client): Promise<void> {
  await client.query(`SELECT pg_advisory_unlock(${PRISMA_ADVISORY_LOCK_KEY})`);
}
