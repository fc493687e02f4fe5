/**
 * The production pipeline: gate → preflight → backup → apply (monitored) → verify, with a
 * failure policy and one audit record however it ends. Nothing touches the database before the
 * gate has passed; nothing is applied without its backup unless skipping it was explicit.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { describeError, formatLocation, MigrateActionsError, type ErrorLocation } from '../errors.js';
import { redact, redactDeep } from '../postgres/redact.js';
import { toClientConfig, type ConnectionSettings } from '../postgres/url.js';
import { readMigrationsDir, type LocalMigration } from '../migrations/reader.js';
import { compareHistory, readAppliedRows } from '../migrations/history.js';
import { describeProgress } from '../migrations/batch/checkpoint.js';
import { resumableRuns, type ResumableRun } from '../migrations/batch/resume.js';
import { formatCount } from '../report/format.js';
import { applyMigrations, type AppliedMigration } from '../migrations/apply.js';
import { planMigrations, type MigrationPlan } from '../migrations/plan.js';
import { migrationStatus } from '../migrations/status.js';
import { resolveMigration } from '../migrations/resolve.js';
import { createBackup, restoreBackup, type BackupResult, type EncryptionSettings } from '../backup/index.js';
import { lintMigrations } from '../lint/index.js';
import type { LintResult } from '../lint/types.js';
import { LockMonitor, databaseSize, type MonitorSummary } from './monitor.js';
import { checkHealth, runSmokeSql } from './verify.js';
import { appendAuditRow, writeAuditFile, type AuditRecord } from './audit.js';
import { acquireDeployLock, type DeployLock } from './lock.js';
import { catalogChangesSince, catalogOf, dropObjectsCreatedSince } from './rollback.js';
import type { CatalogSnapshot } from '../catalog/types.js';

export type FailurePolicy = 'restore' | 'mark-rolled-back' | 'stop';
export type DriftPolicy = 'fail' | 'warn' | 'ignore';
export type DeployOutcome = 'success' | 'no-op' | 'failed' | 'restored' | 'rolled-back' | 'dry-run' | 'refused';

export interface DeploySettings {
  connection: ConnectionSettings;
  migrationsDir: string;
  environment: string;
  requireApproval: boolean;
  /** Approvers given on the command line (local runs); GitHub runs ask the API instead. */
  approvedBy?: string[];
  engine: 'builtin' | 'prisma';
  lockTimeoutMs: number;
  statementTimeoutMs?: number;
  retries: number;
  skipBackup: boolean;
  backupDir: string;
  backupEncryption?: EncryptionSettings;
  driftPolicy: DriftPolicy;
  onFailure: FailurePolicy;
  smokeSqlFile?: string;
  healthCheckUrl?: string;
  healthCheckAttempts?: number;
  dryRun: boolean;
  auditTable: boolean;
  reportDir: string;
  repository?: string;
  commit?: string;
  runUrl?: string;
  actor?: string;
}

export interface DriftSummary {
  drift: boolean;
  count: number;
  lines: string[];
}

export interface DeployDependencies {
  log: (line: string) => void;
  /** GitHub's record of this run's environment approval. */
  approvals?: (environment: string) => Promise<{ approved: boolean; approvers: string[]; rejectedBy?: string[] }>;
  /** Drift of the target against its own history (read-only). */
  drift?: (connection: ConnectionSettings, migrationsDir: string, log: (line: string) => void) => Promise<DriftSummary>;
}

export interface DeployStep {
  name: string;
  status: 'pass' | 'fail' | 'warn' | 'skip';
  durationMs: number;
  detail?: string;
  items?: string[];
}

export interface DeployResult {
  outcome: DeployOutcome;
  steps: DeployStep[];
  applied: AppliedMigration[];
  pending: string[];
  plan?: MigrationPlan[];
  lint?: LintResult;
  backup?: BackupResult;
  monitor?: MonitorSummary;
  audit: AuditRecord;
  auditPath: string;
  /** Exact commands for the manual path after a failure. */
  manualCommands: string[];
  error?: DeployError;
}

export interface DeployError {
  code: string;
  message: string;
  remedy?: string;
  where?: ErrorLocation;
}

function connectError(connection: ConnectionSettings, error: unknown): MigrateActionsError {
  return new MigrateActionsError('E_CONNECT', `Cannot connect to ${connection.maskedUrl}: ${redact((error as Error).message)}`, {
    remedy: 'Check the database-url secret of this environment, network access from the runner, and the server.',
    cause: error,
  });
}

/** The error as the result and the audit record keep it: code, message with its location, remedy, where. */
function deployError(error: unknown): DeployError {
  if (!(error instanceof MigrateActionsError)) return { code: 'E_UNEXPECTED', message: redact(describeError(error)) };
  const location = formatLocation(error.where);
  return {
    code: error.code,
    message: redact(location ? `${error.message} (at ${location})` : error.message),
    remedy: error.remedy ? redact(error.remedy) : undefined,
    where: error.where ? redactDeep(error.where) : undefined,
  };
}

/** Ends the pipeline early with an outcome; `reason` is the error that caused it, if any. */
class Stop extends Error {
  constructor(
    readonly outcome: DeployOutcome,
    readonly reason?: unknown,
  ) {
    super(outcome);
  }
}

export async function deploy(settings: DeploySettings, deps: DeployDependencies): Promise<DeployResult> {
  const run = new DeployRun(settings, deps);
  return run.execute();
}

class DeployRun {
  readonly steps: DeployStep[] = [];
  readonly audit: AuditRecord;
  readonly manualCommands: string[] = [];
  applied: AppliedMigration[] = [];
  pending: LocalMigration[] = [];
  local: LocalMigration[] = [];
  plan?: MigrationPlan[];
  lint?: LintResult;
  backup?: BackupResult;
  monitor?: MonitorSummary;
  error?: DeployError;
  deployLock?: DeployLock;
  /** The catalog right before applying (restore policy only). */
  catalogBefore?: CatalogSnapshot;
  private readonly started = Date.now();

  constructor(
    private readonly settings: DeploySettings,
    private readonly deps: DeployDependencies,
  ) {
    this.audit = {
      recordVersion: 1,
      id: randomUUID(),
      startedAt: new Date().toISOString(),
      finishedAt: '',
      outcome: 'failed',
      environment: settings.environment,
      repository: settings.repository,
      commit: settings.commit,
      runUrl: settings.runUrl,
      actor: settings.actor,
      approvers: [],
      approvalSource: 'not-required',
      database: settings.connection.maskedUrl,
      migrations: [],
      timingsMs: {},
      lockWaits: [],
      warnings: [],
    };
  }

  private log(line: string): void {
    this.deps.log(redact(line));
  }

  private async step<T>(name: string, body: (step: DeployStep) => Promise<T>): Promise<T> {
    const step: DeployStep = { name, status: 'pass', durationMs: 0 };
    this.steps.push(step);
    const started = Date.now();
    this.log(`▶ ${name}`);
    try {
      return await body(step);
    } catch (error) {
      if (step.status === 'pass') step.status = 'fail';
      if (!(error instanceof Stop)) step.detail = [step.detail, redact(describeError(error))].filter(Boolean).join('\n');
      throw error;
    } finally {
      step.durationMs = Date.now() - started;
      this.audit.timingsMs[name] = step.durationMs;
    }
  }

  async execute(): Promise<DeployResult> {
    let outcome: DeployOutcome = 'failed';
    try {
      await this.gate();
      const proceed = await this.preflight();
      if (!proceed) outcome = 'no-op';
      else if (this.settings.dryRun) outcome = 'dry-run';
      else {
        await this.takeBackup();
        outcome = await this.applyWithPolicy();
        if (outcome === 'success') await this.verify();
      }
    } catch (error) {
      if (error instanceof Stop) {
        outcome = error.outcome;
        if (error.reason) this.recordError(error.reason);
      } else {
        this.recordError(error);
        outcome = 'failed';
      }
    }
    try {
      return await this.finish(outcome);
    } finally {
      await this.deployLock?.release();
    }
  }

  private recordError(error: unknown): void {
    this.error = deployError(error);
  }

  private async gate(): Promise<void> {
    await this.step('Approval gate', async (step) => {
      const { settings } = this;
      if (!settings.requireApproval) {
        step.status = 'skip';
        step.detail = `Approval not required for ${settings.environment}.`;
        return;
      }
      if (settings.approvedBy?.length) {
        this.audit.approvers = settings.approvedBy;
        this.audit.approvalSource = 'command-line';
        step.detail = `Approved on the command line by ${settings.approvedBy.join(', ')}.`;
        return;
      }
      if (!this.deps.approvals) {
        throw new Stop(
          'refused',
          new MigrateActionsError(
            'APPROVAL_MISSING',
            `Deploying to ${settings.environment} requires an approval, and none could be checked; nothing was changed.`,
            {
              remedy:
                'In GitHub, bind the job to the environment with required reviewers (the action checks the approval through the API); locally, pass --approved-by NAME.',
            },
          ),
        );
      }
      const approvals = await this.deps.approvals(settings.environment).catch((error) => {
        throw new Stop('refused', error);
      });
      if (!approvals.approved) {
        const why = approvals.rejectedBy?.length ? `was rejected by ${approvals.rejectedBy.join(', ')}` : 'has no approval';
        throw new Stop(
          'refused',
          new MigrateActionsError('APPROVAL_MISSING', `This run's deployment to ${settings.environment} ${why}; nothing was changed.`, {
            remedy: 'Configure required reviewers on the environment (Settings → Environments) and have one approve the run.',
          }),
        );
      }
      this.audit.approvers = approvals.approvers;
      this.audit.approvalSource = 'github';
      step.detail = `Approved by ${approvals.approvers.join(', ')}.`;
    });
  }

  /** Returns false when nothing is pending (a successful no-op). */
  private async preflight(): Promise<boolean> {
    const { settings } = this;
    return this.step('Preflight', async (step) => {
      const items: string[] = [];
      this.local = (await readMigrationsDir(settings.migrationsDir)).migrations;
      if (!settings.dryRun) await this.takeDeployLock();
      const client = new pg.Client(
        toClientConfig(settings.connection, {
          applicationName: 'prisma-migrate-actions-preflight',
          readOnly: true,
          statementTimeoutMs: 30_000,
        }),
      );
      await client.connect().catch((error) => {
        throw connectError(settings.connection, error);
      });
      let rows;
      let resumable: ResumableRun[] = [];
      try {
        const info = await client.query<{ version: string; superuser: boolean; owner: boolean; role: string }>(
          `SELECT current_setting('server_version') AS version, r.rolsuper AS superuser, d.datdba = r.oid AS owner, current_user AS role
             FROM pg_roles r, pg_database d WHERE r.rolname = current_user AND d.datname = current_database()`,
        );
        const { version, superuser, owner, role } = info.rows[0];
        this.audit.serverVersion = version;
        items.push(`Connected to ${settings.connection.maskedUrl} (PostgreSQL ${version}) as ${role}.`);
        if (superuser || owner) {
          const warning = `The role ${role} is ${superuser ? 'a superuser' : 'the database owner'}: the runbook asks for a dedicated least-privilege migration role.`;
          this.audit.warnings.push(warning);
          items.push(`⚠ ${warning}`);
          step.status = 'warn';
        }
        this.audit.databaseSizeBefore = await databaseSize(client);
        rows = await readAppliedRows(client, settings.connection.schema);
        resumable = rows ? await resumableRuns(client, rows, this.local) : [];
        for (const r of resumable)
          items.push(
            `${r.row.migrationName} stopped mid-way through a batched statement (${describeProgress(r.running, formatCount)}); this deploy resumes it.`,
          );
      } finally {
        await client.end().catch(() => undefined);
      }
      const history = compareHistory(this.local, rows);
      const blocking = history.failed.filter((row) => !resumable.some((r) => r.row.id === row.id));
      if (blocking.length) {
        for (const row of blocking) {
          this.manualCommands.push(`prisma-migrate-actions resolve --rolled-back ${row.migrationName}   # after undoing what it applied`);
          this.manualCommands.push(`prisma-migrate-actions resolve --applied ${row.migrationName}       # after finishing it by hand`);
        }
        throw new Stop(
          'refused',
          new MigrateActionsError(
            'P3009',
            `Failed migrations block this deploy: ${blocking.map((r) => `${r.migrationName} (started ${r.startedAt.toISOString()})`).join(', ')}.`,
            {
              remedy: `Resolve them first: ${this.manualCommands.join(' | ')} (or npx prisma migrate resolve …).`,
            },
          ),
        );
      }
      if (history.edited.length) {
        const warning = `Applied migrations edited since: ${history.edited.map((e) => e.migration.name).join(', ')} (their checksums differ).`;
        this.audit.warnings.push(warning);
        items.push(`⚠ ${warning}`);
      }
      this.pending = [...resumable.map((r) => r.migration), ...history.pending]; // resumed first, as apply runs them
      this.audit.migrations = this.pending.map((m) => ({ name: m.name, checksum: m.checksum, status: 'pending' as const }));
      items.push(
        this.pending.length
          ? `${this.pending.length} pending: ${this.pending.map((m) => m.name).join(', ')}.`
          : 'Nothing pending: the database is up to date.',
      );
      if (!this.pending.length) {
        step.items = items;
        return false;
      }
      await this.checkDrift(items, step);
      const appliedNames = new Set((rows ?? []).filter((r) => r.finishedAt && !r.rolledBackAt).map((r) => r.migrationName));
      this.lint = await lintMigrations({
        migrations: this.pending.map((m) => ({ name: m.name, path: m.sqlPath, sql: m.sql })),
        existing: this.local.filter((m) => appliedNames.has(m.name)).map((m) => ({ name: m.name, path: m.sqlPath, sql: m.sql })),
        engine: settings.engine,
        database: settings.connection,
        log: (line) => this.log(line),
      });
      const s = this.lint.summary;
      items.push(`Lint with this database's table sizes and data: ${s.error} error(s), ${s.warning} warning(s), ${s.notice} notice(s).`);
      if (s.error && step.status === 'pass') step.status = 'warn';
      this.plan = (await planMigrations({ connection: settings.connection, migrations: this.local })).migrations;
      step.items = items;
      return true;
    });
  }

  /** One deploy at a time per database; a second one is refused before it changes anything. */
  private async takeDeployLock(): Promise<void> {
    try {
      this.deployLock = await acquireDeployLock(this.settings.connection, this.audit.id.slice(0, 8));
    } catch (error) {
      if (error instanceof MigrateActionsError) throw new Stop('refused', error);
      throw connectError(this.settings.connection, error);
    }
  }

  private async checkDrift(items: string[], step: DeployStep): Promise<void> {
    const { settings } = this;
    if (settings.driftPolicy === 'ignore' || !this.deps.drift) {
      items.push(settings.driftPolicy === 'ignore' ? 'Drift check skipped (drift-policy: ignore).' : 'Drift check not available.');
      return;
    }
    const drift = await this.deps.drift(settings.connection, settings.migrationsDir, (line) => this.log(line));
    if (!drift.drift) {
      items.push('No drift: the database matches its migration history.');
      return;
    }
    items.push(`Drift: ${drift.count} object(s) differ from the migration history.`, ...drift.lines.slice(0, 20));
    if (settings.driftPolicy === 'fail') {
      step.items = items;
      throw new Stop(
        'refused',
        new MigrateActionsError(
          'E_DRIFT',
          `The database drifted from its migration history (${drift.count} object(s)); nothing was changed.`,
          {
            remedy:
              'Run drift-check for the reconcile SQL, fix the database or record the change in a migration, then deploy again (or set drift-policy: warn).',
          },
        ),
      );
    }
    this.audit.warnings.push(`Drift present: ${drift.count} object(s).`);
    step.status = 'warn';
  }

  private async takeBackup(): Promise<void> {
    const { settings } = this;
    await this.step('Backup', async (step) => {
      if (settings.skipBackup) {
        step.status = 'warn';
        step.detail = 'Skipped (skip-backup: true). There is no pre-migration backup to restore.';
        this.audit.warnings.push('Deployed without a pre-migration backup (skip-backup).');
        return;
      }
      try {
        this.backup = await createBackup({
          connection: settings.connection,
          outputDir: settings.backupDir,
          prefix: `${settings.connection.database.replace(/[^A-Za-z0-9_-]/g, '_')}_predeploy`,
          encryption: settings.backupEncryption,
          verify: 'list',
          gitCommit: settings.commit,
          log: (line) => this.log(line),
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
        this.catalogBefore = await catalogOf(settings.connection).catch((error) => {
          this.audit.warnings.push(
            `The catalog before the deploy could not be read (the restore path cannot compare): ${redact(describeError(error))}`,
          );
          return undefined;
        });
      }
      const b = this.backup;
      this.audit.backup = { path: b.backupPath, sha256: b.sha256, sizeBytes: b.sizeBytes, manifestPath: b.manifestPath };
      step.detail = `${b.backupPath} (${b.sizeBytes} bytes, SHA-256 ${b.sha256}).`;
    });
  }

  private async applyWithPolicy(): Promise<DeployOutcome> {
    const { settings } = this;
    const monitor = new LockMonitor(settings.connection, 250, (line) => this.log(line));
    let failure: unknown;
    await this.step('Apply', async (step) => {
      await monitor.start().catch(() => undefined);
      try {
        const result = await applyMigrations({
          connection: settings.connection,
          migrations: this.local,
          engine: settings.engine,
          lockTimeoutMs: settings.lockTimeoutMs,
          statementTimeoutMs: settings.statementTimeoutMs,
          retries: settings.retries,
          log: (line) => this.log(line),
        });
        this.applied = result.applied;
        step.detail = `${result.applied.length} migration(s) applied in ${result.durationMs} ms.`;
        step.items = result.applied.map(
          (m) => `${m.name}: ${Math.round(m.durationMs)} ms, ${m.statements} statements, ${m.retries} retries (${m.mode})`,
        );
      } catch (error) {
        failure = error;
        this.applied = await this.appliedBeforeFailure(error);
        throw error;
      } finally {
        this.monitor = await monitor.stop();
        this.audit.lockWaits = this.monitor.lockWaits.map((w) => ({
          pid: w.pid,
          waitedMs: w.waitedMs,
          blockedBy: w.blockedBy,
          applicationName: w.applicationName,
        }));
        this.markMigrations(failure);
      }
    }).catch(() => undefined);
    if (!failure) return 'success';
    this.recordError(failure);
    return this.onFailure(failure);
  }

  /**
   * The migrations this run completed before one failed (the engine names them); durations
   * come from their _prisma_migrations rows.
   */
  private async appliedBeforeFailure(failure: unknown): Promise<AppliedMigration[]> {
    const names = failure instanceof MigrateActionsError ? ((failure.details?.appliedBefore as string[] | undefined) ?? []) : [];
    if (!names.length) return [];
    const client = new pg.Client(
      toClientConfig(this.settings.connection, { applicationName: 'prisma-migrate-actions-audit', readOnly: true }),
    );
    const rows = await client
      .connect()
      .then(() => readAppliedRows(client, this.settings.connection.schema))
      .catch(() => null)
      .finally(() => client.end().catch(() => undefined));
    return names.map((name) => {
      const row = rows?.find((r) => r.migrationName === name && r.finishedAt && !r.rolledBackAt);
      const plan = this.plan?.find((m) => m.name === name);
      return {
        name,
        mode: plan?.mode ?? 'atomic',
        durationMs: row?.finishedAt ? row.finishedAt.getTime() - row.startedAt.getTime() : 0,
        statements: plan?.statements.length ?? 0,
        retries: 0,
      };
    });
  }

  private markMigrations(failure: unknown): void {
    const applied = new Map(this.applied.map((m) => [m.name, m]));
    const failedName = failure instanceof MigrateActionsError ? (failure.details?.migration as string | undefined) : undefined;
    this.audit.migrations = this.pending.map((m) => {
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

  private async onFailure(failure: unknown): Promise<DeployOutcome> {
    const { settings } = this;
    const details = failure instanceof MigrateActionsError ? (failure.details ?? {}) : {};
    const name = details.migration as string | undefined;
    const url = '"$DATABASE_URL"';
    if (name) {
      this.manualCommands.push(`prisma-migrate-actions status --database-url ${url}`);
      this.manualCommands.push(
        `prisma-migrate-actions resolve --rolled-back ${name} --database-url ${url}   # or: npx prisma migrate resolve --rolled-back ${name}`,
      );
    }
    if (this.backup) {
      this.manualCommands.push(
        `prisma-migrate-actions restore --backup-path ${this.backup.backupPath} --database-url ${url} --target over-target --confirm ${settings.connection.database}   # stop writers first`,
      );
    }
    if (!name || details.nothingApplied === true) {
      await this.step('Failure policy', async (step) => {
        step.status = 'skip';
        step.detail =
          'Nothing of the failed migration was committed (it ran in one transaction that was rolled back): the database is as it was before it. Fix the migration, mark it rolled back, deploy again.';
      });
      return 'failed';
    }
    return this.step('Failure policy', async (step): Promise<DeployOutcome> => {
      const committed = (details.committedStatements as Array<{ line: number; summary: string }> | undefined) ?? [];
      step.items = committed.map((s) => `committed: line ${s.line} ${s.summary}`);
      if (settings.onFailure === 'restore') return this.restoreAfterFailure(step);
      if (settings.onFailure === 'mark-rolled-back') {
        await resolveMigration({ connection: settings.connection, migrations: this.local, rolledBack: name });
        step.detail = `Marked ${name} rolled back (as prisma migrate resolve --rolled-back would). The statements listed as committed are still in the database: undo them by hand or in the fixed migration.`;
        step.status = 'warn';
        return 'rolled-back';
      }
      step.status = 'warn';
      step.detail = `Stopped (on-failure: stop). ${committed.length} statement(s) of ${name} are committed. Choose: undo them and resolve --rolled-back, finish by hand and resolve --applied, or restore the backup.`;
      return 'failed';
    }).catch((error) => {
      this.audit.warnings.push(`The failure policy ${settings.onFailure} did not complete: ${redact(describeError(error))}`);
      return 'failed' as DeployOutcome;
    });
  }

  /**
   * Restores the pre-migration backup over the target: first drops what the failed migration
   * created that the backup does not contain, then pg_restore --clean, then compares the catalog
   * with the one taken before applying.
   */
  private async restoreAfterFailure(step: DeployStep): Promise<DeployOutcome> {
    const { settings } = this;
    if (!this.backup) {
      step.status = 'fail';
      step.detail = 'on-failure is restore, but there is no pre-migration backup (skip-backup). Follow the manual commands.';
      return 'failed';
    }
    step.detail = `Restoring the pre-migration backup over ${settings.connection.database}. Stopping the application's writers first is the operator's job.`;
    const items = (step.items ??= []);
    if (this.catalogBefore) {
      const dropped = await dropObjectsCreatedSince(settings.connection, this.catalogBefore);
      items.push(...dropped.map((sql) => `dropped (created by the failed migration, not in the backup): ${sql}`));
    }
    await restoreBackup({
      backupPath: this.backup.backupPath,
      manifestPath: this.backup.manifestPath,
      connection: settings.connection,
      passphrase: settings.backupEncryption && 'passphrase' in settings.backupEncryption ? settings.backupEncryption.passphrase : undefined,
      mode: 'over-target',
      confirm: settings.connection.database,
      log: (line) => this.log(line),
    });
    const left = this.catalogBefore ? await catalogChangesSince(settings.connection, this.catalogBefore) : [];
    if (left.length) {
      items.push(...left.map((line) => `differs from before the deploy: ${line}`));
      throw new MigrateActionsError(
        'E_RESTORE_INCOMPLETE',
        `The backup was restored, but ${left.length} object(s) still differ from the catalog before the deploy.`,
        {
          remedy: 'Compare with the listed objects and drop or fix them by hand (drift-check shows the SQL).',
        },
      );
    }
    this.undoneByRestore();
    step.detail += this.catalogBefore
      ? ' Restored: the catalog matches the one before this deploy, and the row counts match the backup.'
      : ' Restored (row counts match the backup; the catalog before the deploy could not be read to compare).';
    return 'restored';
  }

  /** After the restore, what this run applied is gone again: the record and the outputs say so. */
  private undoneByRestore(): void {
    for (const migration of this.audit.migrations) if (migration.status === 'applied') migration.status = 'undone-by-restore';
    this.applied = [];
  }

  private async verify(): Promise<void> {
    const { settings } = this;
    await this.step('Verify', async (step) => {
      const items: string[] = [];
      const status = await migrationStatus({ connection: settings.connection, migrations: this.local });
      if (!status.upToDate)
        throw new MigrateActionsError('E_VERIFY', `After the deploy the database is not up to date: ${status.lines.join('; ')}`, {
          remedy: 'Run status and resolve what it reports.',
        });
      items.push('Status: up to date.');
      if (this.deps.drift && settings.driftPolicy !== 'ignore') {
        const drift = await this.deps.drift(settings.connection, settings.migrationsDir, (line) => this.log(line));
        items.push(drift.drift ? `Drift after deploy: ${drift.count} object(s).` : 'No drift after deploy.');
        if (drift.drift) step.status = 'warn';
      }
      if (settings.smokeSqlFile)
        items.push(`Smoke SQL: ${await runSmokeSql(settings.connection, settings.smokeSqlFile)} read-only queries succeeded.`);
      if (settings.healthCheckUrl) {
        const health = await checkHealth(settings.healthCheckUrl, settings.healthCheckAttempts ?? 5);
        items.push(`Health check: HTTP ${health.status} after ${health.attempts} attempt(s).`);
      }
      step.items = items;
    }).catch((error) => {
      this.recordError(error);
      throw new Stop('failed');
    });
  }

  private async finish(outcome: DeployOutcome): Promise<DeployResult> {
    const { settings } = this;
    this.audit.outcome = outcome;
    this.audit.finishedAt = new Date().toISOString();
    this.audit.timingsMs.total = Date.now() - this.started;
    if (this.error) this.audit.error = this.error;
    if (outcome !== 'refused' && outcome !== 'dry-run') {
      const client = new pg.Client(
        toClientConfig(settings.connection, { applicationName: 'prisma-migrate-actions-audit', readOnly: true }),
      );
      await client
        .connect()
        .then(async () => (this.audit.databaseSizeAfter = await databaseSize(client)))
        .catch(() => undefined)
        .finally(() => client.end().catch(() => undefined));
    }
    if (settings.auditTable && outcome !== 'dry-run' && outcome !== 'refused') {
      await appendAuditRow(settings.connection, this.audit).catch((error) =>
        this.audit.warnings.push(`Audit row not written: ${redact((error as Error).message)}`),
      );
    }
    const auditPath = writeAuditFile(this.audit, settings.reportDir);
    return {
      outcome,
      steps: this.steps,
      applied: this.applied,
      pending: this.pending.map((m) => m.name),
      plan: this.plan,
      lint: this.lint,
      backup: this.backup,
      monitor: this.monitor,
      audit: this.audit,
      auditPath,
      manualCommands: this.manualCommands,
      error: this.error,
    };
  }
}
