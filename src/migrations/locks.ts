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
}

/** Masks secrets in a query another session is running (passwords in ALTER ROLE included). */
export function redactQuery(text: string | null, max = 300): string {
  const masked = redact(text ?? '').replace(/(\bpassword\s+)(E?'(?:[^']|'')*')/gi, "$1'***'");
  const oneLine = masked.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

const SESSION_COLUMNS = `a.pid, a.application_name, a.usename, a.state,
  (extract(epoch from now() - coalesce(a.xact_start, a.backend_start)) * 1000)::bigint AS duration_ms, a.query`;

function toSession(row: Record<string, unknown>): SessionInfo {
  return {
    pid: Number(row.pid),
    applicationName: String(row.application_name ?? ''),
    user: (row.usename as string | null) ?? null,
    state: (row.state as string | null) ?? null,
    durationMs: Number(row.duration_ms ?? 0),
    query: redactQuery(row.query as string | null),
    lockMode: row.mode ? String(row.mode) : undefined,
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

/**
 * Takes the migration lock, waiting at most `timeoutMs` (server-side, through lock_timeout, so
 * the wait ends cleanly). On timeout the error names the session(s) holding it.
 */
export async function acquireAdvisoryLock(client: pg.Client, timeoutMs = DEFAULT_ADVISORY_LOCK_TIMEOUT_MS): Promise<void> {
  await client.query(`SET lock_timeout = ${Math.max(1, Math.round(timeoutMs))}`);
  try {
    await client.query(`SELECT pg_advisory_lock(${PRISMA_ADVISORY_LOCK_KEY})`);
  } catch (error) {
    if ((error as { code?: string }).code !== '55P03') throw error;
    const holders = await advisoryLockHolders(client);
    const named = holders.length ? holders.map(describeSession).join('; ') : 'no session holds it any more';
    throw new MigrateActionsError(
      'E_ADVISORY_LOCK_TIMEOUT',
      `Another migration run holds the migration lock (pg_advisory_lock ${PRISMA_ADVISORY_LOCK_KEY}); waited ${formatDuration(timeoutMs)}. Holder: ${named}.`,
      {
        remedy:
          'Wait for the other `prisma migrate deploy` / apply to finish (or raise the advisory lock timeout); if that session is stuck, end it with SELECT pg_terminate_backend(PID).',
        details: { holders, timeoutMs },
      },
    );
  } finally {
    await client.query('RESET lock_timeout').catch(() => undefined);
  }
}

export async function releaseAdvisoryLock(client: pg.Client): Promise<void> {
  await client.query(`SELECT pg_advisory_unlock(${PRISMA_ADVISORY_LOCK_KEY})`);
}
