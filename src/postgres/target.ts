/**
 * What a target database is, checked before anything is changed on it: a transaction-mode
 * pooler (the migration lock and session settings would not survive), a hot standby or a
 * read-only session (every write would fail with a bare PostgreSQL error, after the run had
 * started). Commands that change the database refuse such targets up front; read-only commands
 * go on and say what they are reading through.
 */
import type pg from 'pg';
import { MigrateActionsError } from '../errors.js';
import { withClient } from './client.js';
import { detectPooler, type PoolerEvidence } from './pooler.js';
import type { ConnectionSettings } from './url.js';

export interface ReadOnlyState {
  standby: boolean;
  /** default_transaction_read_only (set for the role, the database or the server). */
  readOnlySession: boolean;
  /** A standby: seconds since the last replayed transaction, and WAL received but not yet replayed. */
  replayLagSeconds?: number | null;
  replayBytesBehind?: number | null;
}

export interface TargetNotice {
  title: string;
  message: string;
}

const READ_ONLY_STATE_SQL = `SELECT pg_is_in_recovery() AS standby, current_setting('default_transaction_read_only') AS ro,
  CASE WHEN pg_is_in_recovery() THEN extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 END AS lag,
  CASE WHEN pg_is_in_recovery() THEN pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn())::text END AS behind`;

/**
 * Undefined when the server cannot be reached: the command's own connection reports that. Asked on
 * `session` (the caller's connection to the same URL) when given, else on a connection of its own.
 */
export async function readOnlyState(settings: ConnectionSettings, session?: Promise<pg.Client>): Promise<ReadOnlyState | undefined> {
  const ask = async (client: pg.Client): Promise<ReadOnlyState> => {
    const { rows } = await client.query<{ standby: boolean; ro: string; lag: number | null; behind: string | null }>(READ_ONLY_STATE_SQL);
    const row = rows[0];
    return {
      standby: row.standby,
      readOnlySession: row.ro === 'on',
      replayLagSeconds: row.lag === null ? null : Math.max(0, Number(row.lag)),
      replayBytesBehind: row.behind === null ? null : Number(row.behind),
    };
  };
  return (session ? session.then(ask) : withClient(settings, { applicationName: 'prisma-migrate-actions target-check' }, ask)).catch(
    () => undefined,
  );
}

/**
 * Refuses a target migrations cannot run on safely: a transaction/statement pooler
 * (E_URL_POOLED) or a standby / read-only session (E_URL_READ_ONLY). Call before any lock;
 * `session`, the command's own connection to the same URL, is used rather than opening others.
 */
export async function assertMigrationTarget(settings: ConnectionSettings, command: string, session?: Promise<pg.Client>): Promise<void> {
  // Both questions at once (neither changes anything); the pooler's answer still wins.
  const [pooler, state] = await Promise.all([detectPooler(settings, session), readOnlyState(settings, session)]);
  if (pooler) throw pooledError(settings, command, pooler);
  if (state?.standby || state?.readOnlySession) {
    const what = state.standby
      ? 'is a hot standby (a read-only replica, in recovery)'
      : 'opens read-only sessions (default_transaction_read_only is on for this role, database or server)';
    throw new MigrateActionsError(
      'E_URL_READ_ONLY',
      `${command} cannot change ${settings.maskedUrl}: it ${what}. Nothing was done — no lock taken, no table created.`,
      {
        remedy: state.standby
          ? 'Point database-url at the primary (the writable server); replicas follow it on their own.'
          : 'Connect as a role that may write, or reset the setting (ALTER ROLE … RESET default_transaction_read_only / ALTER DATABASE … RESET default_transaction_read_only).',
        details: { ...state },
      },
    );
  }
}

function pooledError(settings: ConnectionSettings, command: string, pooler: PoolerEvidence): MigrateActionsError {
  const mode = pooler.mode === 'unknown' ? 'pooling mode' : `${pooler.mode} mode`;
  return new MigrateActionsError(
    'E_URL_POOLED',
    `${command} needs a direct connection, but ${settings.maskedUrl} goes through ${pooler.pooler} (${mode}): ${pooler.reasons.join('; ')}. ` +
      'A pooler hands each transaction to whichever server connection is free, so the session advisory lock that keeps two migrations apart would be released on another connection than the one holding it (and stay held by the pool), and session settings such as lock_timeout and search_path would leak to other clients. Nothing was done.',
    {
      remedy:
        'Use a direct URL for migrations: the non-pooled connection string of your provider (Supabase: the "direct connection" on port 5432; Neon: the host without "-pooler"), given as direct-database-url (or directUrl in schema.prisma / datasource.directUrl in prisma.config.ts), keeping the pooled URL for the application.',
      details: { pooler: pooler.pooler, mode: pooler.mode, reasons: pooler.reasons },
    },
  );
}

/** Notices for read-only commands: what the numbers they show come through (`session` as above). */
export async function targetNotices(settings: ConnectionSettings, session?: Promise<pg.Client>): Promise<TargetNotice[]> {
  const notices: TargetNotice[] = [];
  const [pooler, state] = await Promise.all([detectPooler(settings, session), readOnlyState(settings, session)]);
  if (pooler) {
    notices.push({
      title: 'Read through a connection pooler',
      message: `${settings.maskedUrl} goes through ${pooler.pooler}${pooler.mode === 'unknown' ? '' : ` (${pooler.mode} mode)`}: ${pooler.reasons.join('; ')}. Reading works; applying migrations needs a direct URL.`,
    });
  }
  if (state?.standby) {
    const lag =
      state.replayLagSeconds === null || state.replayLagSeconds === undefined
        ? 'no transaction replayed yet'
        : `last replayed transaction ${state.replayLagSeconds.toFixed(1)} s ago`;
    const bytes = state.replayBytesBehind
      ? `, ${state.replayBytesBehind} bytes of WAL received but not yet replayed`
      : ', all received WAL replayed';
    notices.push({
      title: 'Read from a standby',
      message: `${settings.maskedUrl} is a hot standby: what it shows is the primary as of its replay point (${lag}${bytes}).`,
    });
  }
  return notices;
}
