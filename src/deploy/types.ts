/** What the production pipeline takes (settings, the GitHub-side dependencies) and returns. */
import type { ErrorLocation } from '../errors.js';
import type { ConnectionSettings } from '../postgres/url.js';
import type { Engine } from '../migrations/engine.js';
import type { AppliedMigration } from '../migrations/apply.js';
import type { MigrationPlan } from '../migrations/plan.js';
import type { BackupResult, EncryptionSettings } from '../backup/index.js';
import type { LintResult } from '../lint/types.js';
import type { RehearsalResult, RehearsalSettings } from '../rehearsal/index.js';
import type { Check, Finding } from '../report/model.js';
import type { MonitorSummary } from './monitor.js';
import type { AuditRecord } from './audit.js';
import type { AuditSink } from '../notify/audit-sinks.js';
import type { S3Settings } from '../storage/index.js';
import type { VerifyMode } from '../backup/index.js';

export type FailurePolicy = 'restore' | 'recover-undo' | 'mark-rolled-back' | 'stop';
export type DriftPolicy = 'fail' | 'warn' | 'ignore';
export type DeployOutcome = 'success' | 'no-op' | 'failed' | 'restored' | 'rolled-back' | 'dry-run' | 'refused';

export interface DeploySettings {
  connection: ConnectionSettings;
  migrationsDir: string;
  environment: string;
  requireApproval: boolean;
  /** Approvers given on the command line (local runs); GitHub runs ask the API instead. */
  approvedBy?: string[];
  engine: Engine;
  lockTimeoutMs: number;
  statementTimeoutMs?: number;
  retries: number;
  /** End a stale migration-lock holder left by a crashed run (explicit; recorded in the audit). */
  takeOverStaleLock?: boolean;
  /** A failed migration's row stays failed even when nothing of it was committed (Prisma's P3009 behaviour). */
  strictFailures?: boolean;
  skipBackup: boolean;
  backupDir: string;
  backupEncryption?: EncryptionSettings;
  /** Bucket settings when backupDir is s3://bucket/prefix. */
  backupS3?: S3Settings;
  /** Verification of the pre-migration backup (default list). */
  backupVerify?: VerifyMode;
  driftPolicy: DriftPolicy;
  onFailure: FailurePolicy;
  smokeSqlFile?: string;
  healthCheckUrl?: string;
  healthCheckAttempts?: number;
  dryRun: boolean;
  /** The dry run's rehearsal at production scale (off in a real deploy). */
  rehearsal?: RehearsalSettings;
  auditTable: boolean;
  /** Where the audit record is shipped besides its file (JSON lines, CloudWatch Logs). */
  auditSinks?: AuditSink[];
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

export interface DeployResult {
  outcome: DeployOutcome;
  /** The pipeline's steps, as the report shows them. */
  steps: Check[];
  applied: AppliedMigration[];
  pending: string[];
  plan?: MigrationPlan[];
  lint?: LintResult;
  /** The dry run's rehearsal at production scale, when it ran. */
  rehearsal?: RehearsalResult;
  rehearsalFindings?: Finding[];
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
