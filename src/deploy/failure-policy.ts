/**
 * What happens after a migration failed: the manual path (exact commands), then the policy —
 * nothing to do when the failed migration's transaction rolled back; otherwise restore the
 * backup, undo just the failed migration from its catalog snapshot (recover-undo), mark the
 * migration rolled back, or stop and say what is committed.
 */
import { describeError, MigrateActionsError } from '../errors.js';
import { redact } from '../postgres/redact.js';
import { resolveMigration } from '../migrations/resolve.js';
import { recoverMigration } from '../migrations/recover.js';
import { restoreBackup } from '../backup/index.js';
import type { Check } from '../report/model.js';
import { catalogChangesSince, dropObjectsCreatedSince } from './rollback.js';
import type { DeployRun } from './run.js';
import type { DeployOutcome } from './types.js';
import { plural } from '../report/format.js';
import { isS3Url } from '../storage/index.js';

export async function onFailure(run: DeployRun, failure: unknown): Promise<DeployOutcome> {
  const { settings } = run;
  const details = failure instanceof MigrateActionsError ? (failure.details ?? {}) : {};
  const name = details.migration as string | undefined;
  const url = '"$DATABASE_URL"';
  const recordedRolledBack = details.recordedRolledBack === true;
  if (name) {
    run.manualCommands.push(`prisma-migrate-actions status --database-url ${url}`);
    if (details.nothingApplied === true && !recordedRolledBack) {
      run.manualCommands.push(
        `prisma-migrate-actions resolve --rolled-back ${name} --database-url ${url}   # or: npx prisma migrate resolve --rolled-back ${name}`,
      );
    } else if (details.nothingApplied !== true) {
      run.manualCommands.push(`prisma-migrate-actions recover ${name} --dry-run --database-url ${url}`);
      run.manualCommands.push(`prisma-migrate-actions recover ${name} --undo --database-url ${url}   # or, with the file fixed: --finish`);
    }
  }
  if (run.backup) {
    run.manualCommands.push(
      `prisma-migrate-actions restore --backup-path ${run.backup.backupPath} --database-url ${url} --target over-target --confirm ${settings.connection.database}   # stop writers first`,
    );
  }
  if (!name || details.nothingApplied === true) {
    await run.step('Failure policy', async (step) => {
      step.status = 'skip';
      step.detail = recordedRolledBack
        ? 'Nothing of the failed migration was committed (it ran in one transaction that was rolled back): the database is as it was before it, and the attempt is recorded rolled back. Fix the migration (or wait for the blocking sessions) and deploy again; nothing needs resolving.'
        : name
          ? `Nothing of the failed migration was committed: the database is as it was before it. Its row is left failed (strict-failures): fix the migration, run prisma-migrate-actions resolve --rolled-back ${name}, deploy again.`
          : 'No migration is left half-applied by this failure.';
    });
    return 'failed';
  }
  return run
    .step('Failure policy', async (step): Promise<DeployOutcome> => {
      const committed = (details.committedStatements as Array<{ line: number; summary: string }> | undefined) ?? [];
      step.items = committed.map((s) => `committed: line ${s.line} ${s.summary}`);
      if (settings.onFailure === 'restore') return restoreAfterFailure(run, step);
      if (settings.onFailure === 'recover-undo') {
        const undone = await recoverMigration({
          connection: settings.connection,
          migrations: run.local,
          migration: name,
          action: 'undo',
          log: run.log,
        });
        step.items.push(...undone.ran.map((sql) => `undone: ${sql}`));
        step.detail = `Undid ${name} (as prisma-migrate-actions recover ${name} --undo): the catalog equals the one before it, and it is recorded rolled back. Data it changed is not restored; fix the migration and deploy again.`;
        step.status = 'warn';
        return 'rolled-back';
      }
      if (settings.onFailure === 'mark-rolled-back') {
        await resolveMigration({ connection: settings.connection, migrations: run.local, rolledBack: name });
        step.detail = `Marked ${name} rolled back (as prisma migrate resolve --rolled-back would). The statements listed as committed are still in the database: undo them by hand or in the fixed migration.`;
        step.status = 'warn';
        return 'rolled-back';
      }
      step.status = 'warn';
      step.detail = `Stopped (on-failure: stop). ${plural(committed.length, 'statement')} of ${name} ${committed.length === 1 ? 'is' : 'are'} committed. Run prisma-migrate-actions recover ${name} --dry-run to see what it changed, then recover ${name} --undo, or fix the file and recover ${name} --finish; or restore the backup.`;
      return 'failed';
    })
    .catch((error) => {
      run.audit.warnings.push(`The failure policy ${settings.onFailure} did not complete: ${redact(describeError(error))}`);
      return 'failed' as DeployOutcome;
    });
}

/**
 * Restores the pre-migration backup over the target: first drops what the failed migration
 * created that the backup does not contain, then pg_restore --clean, then compares the catalog
 * with the one taken before applying.
 */
async function restoreAfterFailure(run: DeployRun, step: Check): Promise<DeployOutcome> {
  const { settings, backup, catalogBefore } = run;
  if (!backup) {
    step.status = 'fail';
    step.detail = 'on-failure is restore, but there is no pre-migration backup (skip-backup). Follow the manual commands.';
    return 'failed';
  }
  step.detail = `Restoring the pre-migration backup over ${settings.connection.database}. Stopping the application's writers first is the operator's job.`;
  const items = (step.items ??= []);
  if (catalogBefore) {
    const dropped = await dropObjectsCreatedSince(settings.connection, catalogBefore);
    items.push(...dropped.map((sql) => `dropped (created by the failed migration, not in the backup): ${sql}`));
  }
  await restoreBackup({
    backupPath: backup.backupPath,
    manifestPath: isS3Url(backup.manifestPath) ? undefined : backup.manifestPath,
    s3: settings.backupS3,
    connection: settings.connection,
    passphrase: settings.backupEncryption && 'passphrase' in settings.backupEncryption ? settings.backupEncryption.passphrase : undefined,
    mode: 'over-target',
    confirm: settings.connection.database,
    log: run.log,
  });
  const left = catalogBefore ? await catalogChangesSince(settings.connection, catalogBefore) : [];
  if (left.length) {
    items.push(...left.map((line) => `differs from before the deploy: ${line}`));
    throw new MigrateActionsError(
      'E_RESTORE_INCOMPLETE',
      `The backup was restored, but ${plural(left.length, 'object')} still ${left.length === 1 ? 'differs' : 'differ'} from the catalog before the deploy.`,
      { remedy: 'Compare with the listed objects and drop or fix them by hand (drift-check shows the SQL).' },
    );
  }
  // What this run applied is gone again: the record and the outputs say so.
  for (const migration of run.audit.migrations) if (migration.status === 'applied') migration.status = 'undone-by-restore';
  run.applied = [];
  step.detail += catalogBefore
    ? ' Restored: the catalog matches the one before this deploy, and the row counts match the backup.'
    : ' Restored (row counts match the backup; the catalog before the deploy could not be read to compare).';
  return 'restored';
}
