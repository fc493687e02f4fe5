/**
 * `status`: how the local folders compare with `_prisma_migrations`. `exitCode` follows Prisma's
 * `migrate status`; `strictExitCode` also fails on what Prisma ignores (edited checksums,
 * applied migrations missing locally).
 */
import type { ConnectionSettings } from '../postgres/url.js';
import { endWithoutWaiting } from '../postgres/client.js';
import { compareHistory, readAppliedRows, type HistoryComparison } from './history.js';
import { readMigrationsDir, type LocalMigration } from './reader.js';
import { connectWhileChecking, toSettings, type TargetCheck } from './session.js';
import { describeProgress, readProgress, type BatchProgress } from './batch/checkpoint.js';
import { formatCount } from '../report/format.js';

export interface StatusOptions {
  connection: ConnectionSettings | string;
  dir?: string;
  migrations?: LocalMigration[];
  /** The caller's target check (targetNotices), run on the status session while it reads. */
  targetCheck?: TargetCheck;
}

export interface StatusResult extends HistoryComparison {
  schema: string;
  localMigrations: string[];
  upToDate: boolean;
  /** What `prisma migrate status` exits with: 1 for pending, diverged, missing table or failed. */
  exitCode: 0 | 1;
  /** 1 also for edited checksums and applied migrations missing locally. */
  strictExitCode: 0 | 1;
  /** What Prisma's status does not report. */
  prismaIgnores: { edited: string[]; missingLocally: string[] };
  /** Unfinished migrations stopped in (or running) a batched statement: the next apply resumes them. */
  batching: Array<{ migration: string; progress: BatchProgress; text: string }>;
  /** Human-readable findings, one per line. */
  lines: string[];
}

export async function migrationStatus(options: StatusOptions): Promise<StatusResult> {
  const settings = toSettings(options.connection);
  // The folders are read while the session connects and the target check runs on it.
  const [client, local] = await connectWhileChecking(
    settings,
    'prisma-migrate-actions status',
    options.targetCheck,
    options.migrations ?? readMigrationsDir(options.dir ?? 'prisma/migrations').then((d) => d.migrations),
  );
  let rows;
  let progress: BatchProgress[] = [];
  try {
    rows = await readAppliedRows(client, settings.schema);
    const comparison = compareHistory(local, rows);
    progress = await readProgress(
      client,
      comparison.failed.map((r) => r.id),
    );
  } finally {
    endWithoutWaiting(client);
  }
  return statusOf(settings.schema, local, compareHistory(local, rows), progress);
}

export function statusOf(
  schema: string,
  local: LocalMigration[],
  comparison: HistoryComparison,
  progress: BatchProgress[] = [],
): StatusResult {
  const batching = comparison.failed.flatMap((row) => {
    const running = progress.find((p) => p.migrationId === row.id && p.state === 'running');
    return running ? [{ migration: row.migrationName, progress: running, text: describeProgress(running, formatCount) }] : [];
  });
  const prismaFails =
    comparison.pending.length > 0 || comparison.diverged || comparison.failed.length > 0 || (comparison.tableMissing && local.length > 0);
  const ignored = comparison.edited.length > 0 || comparison.missingLocally.length > 0;
  return {
    ...comparison,
    schema,
    localMigrations: local.map((m) => m.name),
    upToDate: !prismaFails,
    exitCode: prismaFails ? 1 : 0,
    strictExitCode: prismaFails || ignored ? 1 : 0,
    prismaIgnores: {
      edited: comparison.edited.map((e) => e.migration.name),
      missingLocally: comparison.missingLocally.map((r) => r.migrationName),
    },
    batching,
    lines: describeComparison(comparison, batching),
  };
}

function describeComparison(c: HistoryComparison, batching: StatusResult['batching']): string[] {
  const lines: string[] = [];
  const resumable = new Set(batching.map((b) => b.migration));
  const list = (title: string, names: string[]): void => {
    if (names.length) lines.push(`${title}: ${names.join(', ')}`);
  };
  if (c.tableMissing) lines.push('_prisma_migrations does not exist: no migration has been applied.');
  for (const b of batching) lines.push(`${b.migration}: ${b.text}; the next apply resumes it after its last committed batch`);
  list(
    'Failed (blocks deploys until resolved)',
    c.failed.filter((r) => !resumable.has(r.migrationName)).map((r) => r.migrationName),
  );
  if (c.diverged)
    lines.push(`The local history and the database's differ${c.lastCommon ? ` (last common migration: ${c.lastCommon})` : ''}.`);
  list(
    'Pending',
    c.pending.map((m) => m.name),
  );
  list(
    'Edited after being applied (checksum differs; Prisma status does not say)',
    c.edited.map((e) => e.migration.name),
  );
  list(
    'Applied but missing locally (Prisma status does not say)',
    c.missingLocally.map((r) => r.migrationName),
  );
  list(
    'Rolled back',
    c.rolledBack.map((r) => r.migrationName),
  );
  if (!lines.length) lines.push('Database schema is up to date.');
  return lines;
}
