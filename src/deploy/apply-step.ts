/**
 * Backup, then apply under the lock monitor: the pre-migration backup (or the explicit skip),
 * the catalog kept for the restore policy, the apply with timeouts and retries, and what the
 * audit record says about each pending migration however the apply ends.
 */
import { describeError, MigrateActionsError } from '../errors.js';
import { redact } from '../postgres/redact.js';
import { withClient } from '../postgres/client.js';
import { readAppliedRows } from '../migrations/history.js';
import { applyMigrations, type AppliedMigration } from '../migrations/apply.js';
import { createBackup } from '../backup/index.js';
import { LockMonitor } from './monitor.js';
import { catalogOf } from './rollback.js';
import { deploySession, Stop, type DeployRun } from './run.js';
import { formatDuration, plural } from '../report/format.js';

export async function takeBackup(run: DeployRun): Promise<void> {
  const { settings, audit } = run;
  await run.step('Backup', async (step) => {
    if (settings.skipBackup) {
      step.status = 'warn';
      step.detail = 'Skipped (skip-backup: true). There is no pre-migration backup to restore.';
      audit.warnings.push('Deployed without a pre-migration backup (skip-backup).');
      return;
    }
    try {
      run.backup = await createBackup({
        connection: settings.connection,
        outputDir: settings.backupDir,
        s3: settings.backupS3,
        prefix: `${settings.connection.database.replace(/[^A-Za-z0-9_-]/g, '_')}_predeploy`,
        encryption: settings.backupEncryption,
        verify: settings.backupVerify ?? 'list',
        gitCommit: settings.commit,
        log: run.log,
      });
    } catch (error) {
      throw new Stop(
        'failed',
        new MigrateActionsError('E_BACKUP_FAILED', `The pre-migration backup failed, so nothing was applied: ${describeError(error)}`, {
          remedy:
            'Fix the backup (disk space, pg_dump version, permissions) and deploy again; skip-backup: true deploys without one, deliberately.',
        }),
      );
    }
    if (settings.onFailure === 'restore') {
      run.catalogBefore = await catalogOf(settings.connection).catch((error) => {
        audit.warnings.push(
          `The catalog before the deploy could not be read (the restore path cannot compare): ${redact(describeError(error))}`,
        );
        return undefined;
      });
    }
    const b = run.backup;
    audit.backup = { path: b.backupPath, sha256: b.sha256, sizeBytes: b.sizeBytes, manifestPath: b.manifestPath };
    step.detail = `${b.backupPath} (${b.sizeBytes} bytes, SHA-256 ${b.sha256}).`;
  });
}

/** Applies the pending migrations; returns the error they failed with, or undefined. */
export async function applyMonitored(run: DeployRun): Promise<unknown> {
  const { settings } = run;
  const monitor = new LockMonitor(settings.connection, 250, run.log);
  let failure: unknown;
  await run
    .step('Apply', async (step) => {
      await monitor.start().catch(() => undefined);
      try {
        const result = await applyMigrations({
          connection: settings.connection,
          migrations: run.local,
          engine: settings.engine,
          lockTimeoutMs: settings.lockTimeoutMs,
          statementTimeoutMs: settings.statementTimeoutMs,
          retries: settings.retries,
          takeOverStaleLock: settings.takeOverStaleLock,
          strictFailures: settings.strictFailures,
          log: run.log,
        });
        if (result.staleLockTakeOver) {
          const { pid, applicationName, idleMs } = result.staleLockTakeOver;
          run.audit.staleLockTakeOver = result.staleLockTakeOver;
          run.audit.warnings.push(
            `Ended pid ${pid} (${applicationName}, idle for ${formatDuration(idleMs)}), a stale holder of the migration lock (take-over-stale-lock).`,
          );
        }
        run.applied = result.applied;
        step.detail = `${plural(result.applied.length, 'migration')} applied in ${formatDuration(result.durationMs)}.`;
        step.items = result.applied.map(
          (m) =>
            `${m.name}: ${formatDuration(m.durationMs)}, ${plural(m.statements, 'statement')}, ${plural(m.retries, 'retry')}, ${m.mode}`,
        );
      } catch (error) {
        failure = error;
        run.applied = await appliedBeforeFailure(run, error);
        throw error;
      } finally {
        run.monitor = await monitor.stop();
        run.audit.lockWaits = run.monitor.lockWaits.map((w) => ({
          pid: w.pid,
          waitedMs: w.waitedMs,
          blockedBy: w.blockedBy,
          applicationName: w.applicationName,
        }));
        markMigrations(run, failure);
      }
    })
    .catch(() => undefined);
  return failure;
}

/**
 * The migrations this run completed before one failed (the engine names them); durations
 * come from their _prisma_migrations rows.
 */
async function appliedBeforeFailure(run: DeployRun, failure: unknown): Promise<AppliedMigration[]> {
  const names = failure instanceof MigrateActionsError ? ((failure.details?.appliedBefore as string[] | undefined) ?? []) : [];
  if (!names.length) return [];
  const { connection } = run.settings;
  const rows = await withClient(connection, deploySession('prisma-migrate-actions-audit', { readOnly: true }), (client) =>
    readAppliedRows(client, connection.schema),
  ).catch(() => null);
  return names.map((name) => {
    const row = rows?.find((r) => r.migrationName === name && r.finishedAt && !r.rolledBackAt);
    const plan = run.plan?.find((m) => m.name === name);
    return {
      name,
      mode: plan?.mode ?? 'atomic',
      durationMs: row?.finishedAt ? row.finishedAt.getTime() - row.startedAt.getTime() : 0,
      statements: plan?.statements.length ?? 0,
      retries: 0,
    };
  });
}

function markMigrations(run: DeployRun, failure: unknown): void {
  const applied = new Map(run.applied.map((m) => [m.name, m]));
  const failedName = failure instanceof MigrateActionsError ? (failure.details?.migration as string | undefined) : undefined;
  run.audit.migrations = run.pending.map((m) => {
    const done = applied.get(m.name);
    return {
      name: m.name,
      checksum: m.checksum,
      durationMs: done ? Math.round(done.durationMs) : undefined,
      retries: done?.retries,
      status: done ? 'applied' : m.name === failedName ? 'failed' : 'pending',
    };
  });
}
