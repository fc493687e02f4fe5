/**
 * The preflight: read the migrations, take the deploy lock, connect read-only and read the
 * server, the role and the history; refuse on failed migrations or (by policy) drift; lint the
 * pending migrations against this database and plan their locks. Changes nothing.
 */
import { MigrateActionsError } from '../errors.js';
import { withClient } from '../postgres/client.js';
import { databaseSize, roleFacts } from '../postgres/server-facts.js';
import { readMigrationsDir, type LocalMigration } from '../migrations/reader.js';
import { compareHistory, readAppliedRows } from '../migrations/history.js';
import { planMigrations } from '../migrations/plan.js';
import { lintMigrations } from '../lint/index.js';
import type { Check } from '../report/model.js';
import { acquireDeployLock } from './lock.js';
import { DEPLOY_CONNECT_REMEDY, deploySession, Stop, type DeployRun } from './run.js';
import { formatCount, plural, severityCounts } from '../report/format.js';
import { describeProgress } from '../migrations/batch/checkpoint.js';
import { resumableRuns } from '../migrations/batch/resume.js';

/** Returns false when nothing is pending (a successful no-op). */
export async function preflight(run: DeployRun): Promise<boolean> {
  const { settings, audit } = run;
  return run.step('Preflight', async (step) => {
    const items: string[] = [];
    run.local = (await readMigrationsDir(settings.migrationsDir)).migrations;
    if (!settings.dryRun) await takeDeployLock(run);
    const { rows, resumable } = await withClient(
      settings.connection,
      deploySession('prisma-migrate-actions-preflight', { readOnly: true, statementTimeoutMs: 30_000 }),
      async (client) => {
        const { version, superuser, owner, role } = await roleFacts(client);
        audit.serverVersion = version;
        items.push(`Connected to ${settings.connection.maskedUrl} (PostgreSQL ${version}) as ${role}.`);
        if (superuser || owner) {
          const warning = `The role ${role} is ${superuser ? 'a superuser' : 'the database owner'}: a migration that goes wrong can then change anything in this database. Deploy with a dedicated migration role that has only the privileges the migrations need.`;
          audit.warnings.push(warning);
          items.push(`⚠ ${warning}`);
          step.status = 'warn';
        }
        audit.databaseSizeBefore = await databaseSize(client);
        const applied = await readAppliedRows(client, settings.connection.schema);
        const resumable = applied ? await resumableRuns(client, applied, run.local) : [];
        return { rows: applied, resumable };
      },
    );
    for (const r of resumable)
      items.push(
        `${r.row.migrationName} stopped mid-way through a batched statement (${describeProgress(r.running, formatCount)}); this deploy resumes it.`,
      );
    const history = compareHistory(run.local, rows);
    const blocking = history.failed.filter((row) => !resumable.some((r) => r.row.id === row.id));
    if (blocking.length) {
      for (const row of blocking) {
        run.manualCommands.push(`prisma-migrate-actions resolve --rolled-back ${row.migrationName}   # after undoing what it applied`);
        run.manualCommands.push(`prisma-migrate-actions resolve --applied ${row.migrationName}       # after finishing it by hand`);
      }
      throw new Stop(
        'refused',
        new MigrateActionsError(
          'P3009',
          `Failed migrations block this deploy: ${blocking.map((r) => `${r.migrationName} (started ${r.startedAt.toISOString()})`).join(', ')}.`,
          { remedy: `Resolve them first: ${run.manualCommands.join(' | ')} (or npx prisma migrate resolve …).` },
        ),
      );
    }
    if (history.edited.length) {
      const warning = `Applied migrations edited since: ${history.edited.map((e) => e.migration.name).join(', ')} (their checksums differ).`;
      audit.warnings.push(warning);
      items.push(`⚠ ${warning}`);
    }
    run.pending = [...resumable.map((r) => r.migration), ...history.pending]; // resumed first, as apply runs them
    audit.migrations = run.pending.map((m) => ({ name: m.name, checksum: m.checksum, status: 'pending' as const }));
    items.push(
      run.pending.length
        ? `${run.pending.length} pending: ${run.pending.map((m) => m.name).join(', ')}.`
        : 'Nothing pending: the database is up to date.',
    );
    if (!run.pending.length) {
      step.items = items;
      return false;
    }
    await checkDrift(run, items, step);
    const appliedNames = new Set((rows ?? []).filter((r) => r.finishedAt && !r.rolledBackAt).map((r) => r.migrationName));
    run.appliedBefore = run.local.filter((m) => appliedNames.has(m.name));
    const toSource = (m: LocalMigration) => ({ name: m.name, path: m.sqlPath, sql: m.sql });
    run.lint = await lintMigrations({
      migrations: run.pending.map(toSource),
      existing: run.local.filter((m) => appliedNames.has(m.name)).map(toSource),
      engine: settings.engine,
      database: settings.connection,
      log: run.log,
    });
    const s = run.lint.summary;
    items.push(`Lint with this database's table sizes and data: ${severityCounts(s)}.`);
    if (s.error && step.status === 'pass') step.status = 'warn';
    run.plan = (await planMigrations({ connection: settings.connection, migrations: run.local })).migrations;
    step.items = items;
    return true;
  });
}

/** One deploy at a time per database; a second one is refused before it changes anything. */
async function takeDeployLock(run: DeployRun): Promise<void> {
  try {
    run.deployLock = await acquireDeployLock(run.settings.connection, run.audit.id.slice(0, 8), { connectRemedy: DEPLOY_CONNECT_REMEDY });
  } catch (error) {
    if (error instanceof MigrateActionsError && error.code !== 'E_CONNECT') throw new Stop('refused', error);
    throw error;
  }
}

async function checkDrift(run: DeployRun, items: string[], step: Check): Promise<void> {
  const { settings } = run;
  if (settings.driftPolicy === 'ignore' || !run.deps.drift) {
    items.push(settings.driftPolicy === 'ignore' ? 'Drift check skipped (drift-policy: ignore).' : 'Drift check not available.');
    return;
  }
  const drift = await run.deps.drift(settings.connection, settings.migrationsDir, run.log);
  if (!drift.drift) {
    items.push('No drift: the database matches its migration history.');
    return;
  }
  items.push(
    `Drift: ${plural(drift.count, 'object')} ${drift.count === 1 ? 'differs' : 'differ'} from the migration history.`,
    ...drift.lines.slice(0, 20),
  );
  if (settings.driftPolicy === 'fail') {
    step.items = items;
    throw new Stop(
      'refused',
      new MigrateActionsError(
        'E_DRIFT',
        `The database drifted from its migration history (${plural(drift.count, 'object')}); nothing was changed.`,
        {
          remedy:
            'Run drift-check for the reconcile SQL, fix the database or record the change in a migration, then deploy again (or set drift-policy: warn).',
        },
      ),
    );
  }
  run.audit.warnings.push(`Drift present: ${plural(drift.count, 'object')}.`);
  step.status = 'warn';
}
