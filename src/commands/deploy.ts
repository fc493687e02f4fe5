/** deploy (the prod-deploy action): options → DeploySettings → the pipeline → one Report. */
import path from 'node:path';
import { MigrateActionsError } from '../errors.js';
import { parseDatabaseUrl } from '../postgres/url.js';
import { deploy, type DeployResult, type DeploySettings, type DriftPolicy, type FailurePolicy } from '../deploy/pipeline.js';
import { createReport, finishReport, addFindings, addTable, type Report, type Verdict } from '../report/model.js';
import { encryptionFrom, locationFrom, s3From, s3Options } from './backup.js';
import type { VerifyMode } from '../backup/index.js';
import { driftSummary } from './drift-check.js';
import { resolveMigrationsDir } from '../prisma/config.js';
import { COMMON, bool, list, num, str, type OptionSpec, type OptionValues } from './options.js';
import { EXIT, type Command, type CommandContext, type CommandResult } from './types.js';
import { headCommit } from '../guard/git.js';

const OPTIONS: OptionSpec[] = [
  COMMON.databaseUrl(),
  COMMON.migrationsDir(),
  { name: 'environment', type: 'string', default: 'production', description: 'The GitHub environment (and the name in the audit record).' },
  { name: 'require-approval', type: 'string', description: 'true/false; empty = true for environments named production*.' },
  {
    name: 'approved-by',
    type: 'list',
    cliOnly: true,
    description: 'Local runs: the approvers, given on the command line (GitHub runs check the API).',
  },
  { name: 'github-token', type: 'string', secret: true, description: 'Token for the approvals API (GitHub only).' },
  COMMON.engine(),
  { name: 'lock-timeout', type: 'duration', default: '5s', description: 'lock_timeout per migration.' },
  { name: 'statement-timeout', type: 'duration', default: '0', description: 'statement_timeout per migration (0 = none).' },
  { name: 'retries', type: 'integer', min: 0, max: 20, default: '3', description: 'Retries of a migration that hit the lock timeout.' },
  { name: 'skip-backup', type: 'boolean', default: 'false', description: 'Skip the pre-migration backup (must be explicit).' },
  {
    name: 'backup-dir',
    type: 'path',
    default: './backups',
    description: 'Directory for the pre-migration backup, or s3://bucket/prefix.',
  },
  {
    name: 'backup-passphrase',
    type: 'string',
    secret: true,
    env: 'BACKUP_PASSPHRASE',
    description: 'Encrypt the backup with this passphrase.',
  },
  { name: 'backup-public-key', type: 'string', description: 'Encrypt the backup to this OpenPGP public key (armored text or file).' },
  {
    name: 'backup-verify',
    type: 'enum',
    values: ['list', 'restore', 'none'],
    default: 'list',
    description: 'Verification of the pre-migration backup: list, restore (into a throwaway PostgreSQL) or none.',
  },
  ...s3Options(true),
  { name: 'drift-policy', type: 'string', description: 'fail, warn or ignore; empty = fail for production*, warn elsewhere.' },
  {
    name: 'on-failure',
    type: 'enum',
    values: ['restore', 'mark-rolled-back', 'stop'],
    default: 'stop',
    description: 'What to do when a non-atomic migration left changes.',
  },
  { name: 'smoke-sql', type: 'path', description: 'A file of read-only queries that must succeed after the migration.' },
  { name: 'health-check-url', type: 'string', description: 'An HTTP URL that must answer 2xx after the migration.' },
  {
    name: 'health-check-attempts',
    type: 'integer',
    min: 1,
    max: 60,
    default: '5',
    description: 'Attempts of the health check, 2 s apart.',
  },
  { name: 'dry-run', type: 'boolean', default: 'false', description: 'Gate and preflight only; print the plan.' },
  {
    name: 'audit-table',
    type: 'boolean',
    default: 'false',
    description: 'Also append the audit record to prisma_migrate_actions.deployments.',
  },
  COMMON.reportDir(),
];

function isProduction(environment: string): boolean {
  return /^prod/i.test(environment);
}

export function deploySettings(values: OptionValues, context: CommandContext): DeploySettings {
  const environment = str(values, 'environment') ?? 'production';
  const requireText = str(values, 'require-approval');
  const driftText = str(values, 'drift-policy');
  if (requireText && !['true', 'false'].includes(requireText)) {
    throw new MigrateActionsError('E_INPUT', `require-approval is "${requireText}", expected true, false or empty.`, {
      remedy: 'Leave it empty to require approval for environments named production*.',
    });
  }
  if (driftText && !['fail', 'warn', 'ignore'].includes(driftText)) {
    throw new MigrateActionsError('E_INPUT', `drift-policy is "${driftText}", expected fail, warn, ignore or empty.`, {
      remedy: 'Leave it empty: fail for production*, warn elsewhere.',
    });
  }
  const gh = context.github;
  return {
    connection: parseDatabaseUrl(str(values, 'database-url')),
    migrationsDir: resolveMigrationsDir(str(values, 'migrations-dir'), context.cwd),
    environment,
    requireApproval: requireText ? requireText === 'true' : isProduction(environment),
    approvedBy: list(values, 'approved-by'),
    engine: (str(values, 'engine') ?? 'builtin') as 'builtin' | 'prisma',
    lockTimeoutMs: num(values, 'lock-timeout') ?? 5000,
    statementTimeoutMs: num(values, 'statement-timeout') || undefined,
    retries: num(values, 'retries') ?? 3,
    skipBackup: bool(values, 'skip-backup'),
    backupDir: locationFrom(str(values, 'backup-dir') ?? 'backups', context.cwd),
    backupS3: s3From(values),
    backupEncryption: encryptionFrom(values, context.cwd, { passphrase: 'backup-passphrase', publicKey: 'backup-public-key' }),
    backupVerify: (str(values, 'backup-verify') ?? 'list') as VerifyMode,
    driftPolicy: (driftText ?? (isProduction(environment) ? 'fail' : 'warn')) as DriftPolicy,
    onFailure: (str(values, 'on-failure') ?? 'stop') as FailurePolicy,
    smokeSqlFile: str(values, 'smoke-sql') ? path.resolve(context.cwd, str(values, 'smoke-sql')!) : undefined,
    healthCheckUrl: str(values, 'health-check-url'),
    healthCheckAttempts: num(values, 'health-check-attempts'),
    dryRun: bool(values, 'dry-run'),
    auditTable: bool(values, 'audit-table'),
    reportDir: path.resolve(context.cwd, str(values, 'report-dir') ?? '.prisma-migrate-actions'),
    repository: gh?.repository,
    commit: gh?.sha ?? headCommit(context.cwd),
    runUrl: gh?.runUrl,
    actor: gh?.actor ?? process.env.USER,
  };
}

const OUTCOME_VERDICT: Record<DeployResult['outcome'], Verdict> = {
  success: 'pass',
  'no-op': 'pass',
  'dry-run': 'pass',
  failed: 'fail',
  restored: 'fail',
  'rolled-back': 'fail',
  refused: 'fail',
};

export function deployReport(result: DeployResult, settings: DeploySettings): Report {
  const report = createReport('deploy', `${settings.dryRun ? 'Deploy plan' : 'Deploy'} to ${settings.environment}`);
  for (const step of result.steps)
    report.checks.push({ name: step.name, status: step.status, durationMs: step.durationMs, detail: step.detail, items: step.items });
  if (result.plan?.length) {
    addTable(report, {
      title: 'Plan: pending statements and the locks they take',
      columns: ['migration', 'line', 'statement', 'lock', 'on'],
      rows: result.plan.flatMap((m) =>
        m.statements.map((s) => [
          m.name,
          String(s.line),
          s.summary,
          s.locks.map((l) => l.mode).join(', '),
          s.locks.flatMap((l) => l.on).join(', '),
        ]),
      ),
    });
  }
  if (result.lint?.tableStats.length) {
    addTable(report, {
      title: 'Tables touched',
      columns: ['table', 'rows (estimate)', 'size'],
      rows: result.lint.tableStats.map((t) => [t.table, t.rows === null ? 'unknown' : String(t.rows), `${Math.round(t.bytes / 1024)} kB`]),
    });
  }
  if (result.lint) {
    addFindings(
      report,
      result.lint.findings.map((f) => ({
        severity: f.severity === 'error' ? 'warning' : f.severity, // the PR check gates lint; here it informs
        ruleId: f.ruleId,
        file: path.relative(process.cwd(), f.file),
        line: f.line,
        column: f.column,
        title: f.ruleId,
        message: f.message,
        fix: f.fix,
      })),
    );
  }
  if (result.monitor?.lockWaits.length) {
    addTable(report, {
      title: 'Sessions that waited on locks during the deploy',
      columns: ['pid', 'application', 'waited', 'blocked by', 'query'],
      rows: result.monitor.lockWaits.map((w) => [String(w.pid), w.applicationName, `${w.waitedMs} ms`, w.blockedBy.join(', '), w.query]),
    });
  }
  if (result.manualCommands.length) report.codeBlocks = [{ title: 'Manual path', language: 'sh', code: result.manualCommands.join('\n') }];
  if (result.error) {
    const { code, message, remedy, where } = result.error;
    report.findings.push({
      severity: 'error',
      ruleId: code,
      title: code,
      message,
      fix: remedy,
      file: where?.file && path.relative(process.cwd(), where.file),
      line: where?.line,
      column: where?.column,
    });
  }
  report.data = { outcome: result.outcome, audit: result.audit, auditPath: result.auditPath, pending: result.pending };
  const applied = result.applied.map((m) => m.name);
  const summary: Record<DeployResult['outcome'], string> = {
    success: `Applied ${applied.length} migration(s) to ${settings.environment}.`,
    'no-op': `Nothing to apply: ${settings.environment} is up to date.`,
    'dry-run': `Dry run: ${result.pending.length} migration(s) would be applied to ${settings.environment}.`,
    failed: `The deploy to ${settings.environment} failed.`,
    restored: `The deploy failed; ${settings.environment} was restored from the pre-migration backup.`,
    'rolled-back': `The deploy failed; the failed migration was marked rolled back.`,
    refused: `The deploy to ${settings.environment} was refused before changing anything.`,
  };
  return finishReport(report, { verdict: OUTCOME_VERDICT[result.outcome], summary: summary[result.outcome] });
}

export async function runDeploy(values: OptionValues, context: CommandContext): Promise<CommandResult> {
  const settings = deploySettings(values, context);
  const services = context.github?.services;
  const result = await deploy(settings, {
    log: context.log,
    approvals: services ? (environment) => services.getRunApprovals(environment) : undefined,
    drift: driftSummary,
  });
  const report = deployReport(result, settings);
  const outputs = {
    applied: result.applied.map((m) => m.name).join('\n'),
    'applied-count': result.applied.length,
    'backup-path': result.backup?.backupPath ?? '',
    'audit-json': result.auditPath,
    result: result.outcome,
  };
  report.outputs = outputs;
  return { report, exitCode: OUTCOME_VERDICT[result.outcome] === 'fail' ? EXIT.failed : EXIT.ok, outputs };
}

export const deployCommand: Command = {
  name: 'deploy',
  summary:
    'The production pipeline: approval gate, preflight, backup, apply with timeouts and retries, lock monitoring, verification, failure policy, audit record.',
  options: OPTIONS,
  examples: [
    'prisma-migrate-actions deploy --environment production --approved-by alice --backup-passphrase "$BACKUP_PASSPHRASE"',
    'prisma-migrate-actions deploy --environment staging --dry-run',
    'prisma-migrate-actions deploy --on-failure restore --lock-timeout 3s --retries 5',
  ],
  run: runDeploy,
};
