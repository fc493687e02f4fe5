/**
 * The state one deploy carries from step to step (what was read, applied, backed up; the audit
 * record; the manual path), how a step runs (the report's one step runner), and how the
 * pipeline stops early with an outcome.
 */
import { randomUUID } from 'node:crypto';
import { describeError, formatLocation, MigrateActionsError } from '../errors.js';
import { redact, redactDeep } from '../postgres/redact.js';
import type { ClientOptions } from '../postgres/client.js';
import type { LocalMigration } from '../migrations/reader.js';
import type { AppliedMigration } from '../migrations/apply.js';
import type { MigrationPlan } from '../migrations/plan.js';
import type { BackupResult } from '../backup/index.js';
import type { LintResult } from '../lint/types.js';
import type { CatalogSnapshot } from '../catalog/types.js';
import { runStep, type Check, type Finding } from '../report/model.js';
import type { MonitorSummary } from './monitor.js';
import type { RehearsalResult } from '../rehearsal/index.js';
import type { AuditRecord } from './audit.js';
import type { DeployLock } from './lock.js';
import type { DeployDependencies, DeployError, DeployOutcome, DeploySettings } from './types.js';

/** Ends the pipeline early with an outcome; `reason` is the error that caused it, if any. */
export class Stop extends Error {
  constructor(
    readonly outcome: DeployOutcome,
    readonly reason?: unknown,
  ) {
    super(outcome);
  }
}

export const DEPLOY_CONNECT_REMEDY = 'Check the database-url secret of this environment, network access from the runner, and the server.';

/** How the deploy's own sessions connect; a failed connect names this environment's secret. */
export function deploySession(applicationName: string, extra: Omit<ClientOptions, 'applicationName'> = {}): ClientOptions {
  return { applicationName, connectRemedy: DEPLOY_CONNECT_REMEDY, ...extra };
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

export class DeployRun {
  readonly steps: Check[] = [];
  readonly audit: AuditRecord;
  readonly manualCommands: string[] = [];
  applied: AppliedMigration[] = [];
  pending: LocalMigration[] = [];
  local: LocalMigration[] = [];
  /** The local migrations the target records as applied (finished, not rolled back), in order. */
  appliedBefore: LocalMigration[] = [];
  plan?: MigrationPlan[];
  lint?: LintResult;
  backup?: BackupResult;
  monitor?: MonitorSummary;
  rehearsal?: RehearsalResult;
  /** What the rehearsal observed, as findings that inform (file: the migration's path). */
  rehearsalFindings?: Finding[];
  error?: DeployError;
  deployLock?: DeployLock;
  /** The catalog right before applying (restore policy only). */
  catalogBefore?: CatalogSnapshot;
  readonly started = Date.now();

  constructor(
    readonly settings: DeploySettings,
    readonly deps: DeployDependencies,
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

  readonly log = (line: string): void => this.deps.log(redact(line));

  /** A step of the pipeline: a check in the result, its duration in the audit record. A Stop is told by the result's error, not the step. */
  step<T>(name: string, body: (step: Check) => Promise<T>): Promise<T> {
    return runStep(this.steps, name, body, {
      log: this.log,
      timings: this.audit.timingsMs,
      describeFailure: (error) => (error instanceof Stop ? undefined : redact(describeError(error))),
    });
  }

  recordError(error: unknown): void {
    this.error = deployError(error);
  }
}
