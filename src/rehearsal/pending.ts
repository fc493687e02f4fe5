/**
 * The deploy plan's rehearsal: a database's pending migrations rehearsed on a throwaway
 * PostgreSQL of its major — never on the database itself, which is only read for its table
 * statistics (through stats-database-url). The applied history is replayed there, the touched
 * tables are filled to the sizes read from the statistics, then the pending migrations are traced.
 */
import { describeError, MigrateActionsError } from '../errors.js';
import { parseDatabaseUrl, type ConnectionSettings } from '../postgres/url.js';
import type { LocalMigration } from '../migrations/reader.js';
import { redact } from '../postgres/redact.js';
import type { Check } from '../report/model.js';
import { describeRehearsal } from './findings.js';
import { acquireReplayServer, replayMigrations } from '../drift/replay.js';
import { startThrowawayCluster } from '../postgres/ephemeral.js';
import { withClient } from '../postgres/client.js';
import { existingTouchedTables, rehearse, type RehearsalResult } from './index.js';
import type { RehearsalSettings } from './types.js';

export interface PendingRehearsalOptions {
  /** The target: only compared with rehearsal-database-url (the rehearsal never runs on its server). */
  target: ConnectionSettings;
  /** The target's schema (the throwaway database gets the same, so the statistics' names match). */
  schema: string;
  /** The target's major: the throwaway PostgreSQL runs it, else the nearest available (with a notice); unknown = the newest here. */
  major?: number;
  /** Migrations the target records as applied, in order. */
  applied: LocalMigration[];
  pending: LocalMigration[];
  settings: RehearsalSettings;
  log?: (line: string) => void;
}

export interface PendingRehearsal {
  result?: RehearsalResult;
  /** Why nothing was traced (no pending statement on an existing table). */
  skipped?: string;
  /** The throwaway PostgreSQL runs another major than the target. */
  notice?: string;
}

/** Filling tables to production's sizes on production's own server would load it: refused. */
function refuseTargetServer(server: ConnectionSettings, target: ConnectionSettings): void {
  if (server.host !== target.host || server.port !== target.port) return;
  throw new MigrateActionsError(
    'E_REHEARSAL_SERVER',
    `rehearsal-database-url points at the server of the database being planned (${target.host}:${target.port}); the rehearsal fills tables to production's sizes and would load it.`,
    {
      remedy:
        'Leave rehearsal-database-url empty (a throwaway PostgreSQL is started), or give a scratch server such as a CI service container.',
    },
  );
}

export async function rehearsePending(options: PendingRehearsalOptions): Promise<PendingRehearsal> {
  const { settings, log } = options;
  if (settings.serverUrl) refuseTargetServer(parseDatabaseUrl(settings.serverUrl, 'rehearsal-database-url'), options.target);
  const { server, notice } =
    options.major || settings.serverUrl
      ? await acquireReplayServer({ major: options.major ?? 0, replayDatabaseUrl: settings.serverUrl, log })
      : { server: await startThrowawayCluster({ log }), notice: undefined };
  try {
    const db = await replayMigrations(server, options.schema, options.applied, log);
    const existing = await withClient(db, { applicationName: 'prisma-migrate-actions rehearsal' }, (client) =>
      existingTouchedTables(client, options.schema, options.pending),
    );
    if (!existing.length) return { skipped: 'The pending migrations touch no table that exists before them: nothing to rehearse.', notice };
    const result = await rehearse({
      connection: db,
      migrations: options.pending,
      stats: settings.statsDatabase,
      rows: settings.rehearsalRows,
      budget: settings.rehearsalBudget,
      timeoutMs: settings.rehearsalTimeoutMs,
      serverMajor: server.major,
      log,
    });
    return { result, notice };
  } finally {
    await server.stop().catch(() => undefined);
  }
}

/**
 * The rehearsal as a step of a plan: fills the check (what was rehearsed, or why not) and returns
 * the result. A rehearsal that cannot run warns and the plan goes on: it stands without it.
 */
export async function rehearsePlanStep(check: Check, options: PendingRehearsalOptions): Promise<RehearsalResult | undefined> {
  try {
    const outcome = await rehearsePending(options);
    check.items = outcome.notice ? [outcome.notice] : [];
    if (!outcome.result) {
      check.status = 'skip';
      check.detail = outcome.skipped;
      return undefined;
    }
    const { result } = outcome;
    check.detail = [
      ...describeRehearsal(result),
      `Rehearsed on ${options.settings.serverUrl ? 'a scratch database of rehearsal-database-url' : 'a throwaway PostgreSQL'}; only statistics were read from the stats database.`,
    ].join(' ');
    check.items.push(...result.sizing.notes, ...result.seeded.filter((s) => s.skipped).map((s) => `${s.table} not filled: ${s.skipped}`));
    if (result.trace.stopped || result.seeded.some((s) => s.skipped)) check.status = 'warn';
    return result;
  } catch (error) {
    check.status = 'warn';
    check.detail = `Not rehearsed: ${redact(describeError(error))}. The plan shows the locks the SQL predicts.`;
    return undefined;
  }
}
