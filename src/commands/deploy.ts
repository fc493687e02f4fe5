/** deploy (the prod-deploy action): options → DeploySettings → the pipeline → one Report. */
import path from 'node:path';
import { MigrateActionsError } from '../errors.js';
import { migrationConnection } from '../postgres/direct.js';
// The pipeline's modules are imported when the command runs, so `--help` loads none of them.
import type { DeployResult, DeploySettings, DriftPolicy, FailurePolicy } from '../deploy/pipeline.js';
import { createReport, finishReport, addFindings, addTable, type Report, type Verdict } from '../report/model.js';
import { formatBytes, formatDuration, plural } from '../report/format.js';
import { reportFindings } from '../report/lint-findings.js';
import { engineFrom } from '../migrations/engine.js';
import { encryptionFrom } from './backup.js';
import { locationFrom, s3From, S3_WRITE_OPTIONS } from './backup.js';
import type { VerifyMode } from '../backup/index.js';
import { driftSummary } from './drift-check.js';
import { resolveMigrationsDir } from '../prisma/config.js';
import { COMMON, bool, list, num, str, type OptionSpec, type ValuesOf } from './options.js';
import { FLEET_WRITE_OPTIONS, isFleetRun, runFleet } from './fleet-options.js';
import { EXIT, type Command, type CommandContext, type CommandResult } from './types.js';
import { REHEARSAL_SERVER_OPTION, rehearsalOptions, rehearsalSettings } from './rehearsal-options.js';
import { rehearsedCell } from '../rehearsal/phrases.js';
import { AUDIT_SINK_OPTIONS, auditSinkSettings, notifyOptions, webhookSettings } from './notify-options.js';

const OPTIONS = [
  COMMON.databaseUrl('The database to migrate.'),
  COMMON.directDatabaseUrl(),
  COMMON.migrationsDir(),
  {
    name: 'environment',
    type: 'string',
    default: 'production',
    description: 'The GitHub environment this job is bound to (also the name in the audit record).',
  },
  {
    name: 'require-approval',
    type: 'string',
    description:
      "Confirm through the GitHub API that this run's deployment was approved: true or false (default: true for environments named production*).",
  },
  {
    name: 'approved-by',
    type: 'list',
    cliOnly: true,
    description: 'Local runs: the approvers, given on the command line (GitHub runs check the API).',
  },
  COMMON.githubToken('the approvals API', 'actions: read'),
  COMMON.engine(),
  { name: 'lock-timeout', type: 'duration', default: '5s', description: 'lock_timeout per migration (e.g. 5s).' },
  { name: 'statement-timeout', type: 'duration', default: '0', description: 'statement_timeout per migration (0 = none).' },
  { name: 'retries', type: 'integer', min: 0, max: 20, default: '3', description: 'Retries of a migration that hit the lock timeout.' },
  COMMON.takeOverStaleLock(),
  COMMON.strictFailures(),
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
  COMMON.secretFile('backup-passphrase', 'backup passphrase'),
  {
    name: 'backup-public-key',
    type: 'string',
    description: 'Encrypt the backup to this OpenPGP public key (armored text or a file path).',
  },
  {
    name: 'drift-policy',
    type: 'string',
    description: 'fail, warn or ignore when the database drifted from its history (default: fail for production*, warn elsewhere).',
  },
  {
    name: 'backup-verify',
    type: 'enum',
    values: ['list', 'restore', 'none'],
    default: 'list',
    description: 'Verification of the pre-migration backup: list, restore (into a throwaway PostgreSQL) or none.',
  },
  ...S3_WRITE_OPTIONS,
  {
    name: 'on-failure',
    type: 'enum',
    values: ['restore', 'recover-undo', 'mark-rolled-back', 'stop'],
    default: 'stop',
    description:
      'When a non-atomic migration left changes: restore (the pre-migration backup), recover-undo (undo just that migration from its catalog snapshot, as `recover --undo`), mark-rolled-back, or stop.',
  },
  { name: 'smoke-sql', type: 'path', description: 'A file of read-only queries that must succeed after the migration.' },
  { name: 'health-check-url', type: 'string', description: 'An HTTP URL that must answer 2xx after the migration (retried).' },
  {
    name: 'health-check-attempts',
    type: 'integer',
    min: 1,
    max: 60,
    default: '5',
    description: 'Attempts of the health check, 2 s apart.',
  },
  {
    name: 'dry-run',
    type: 'boolean',
    default: 'false',
    description: 'Run the gate and preflight and print the plan without changing anything.',
  },
  {
    name: 'audit-table',
    type: 'boolean',
    default: 'false',
    description: 'Also append the audit record to prisma_migrate_actions.deployments in the target.',
  },
  ...rehearsalOptions('on a dry run, when stats-database-url is given (never during a real deploy, which it would delay)'),
  REHEARSAL_SERVER_OPTION,
  ...AUDIT_SINK_OPTIONS,
  ...notifyOptions('plan-ready on a dry run, deployed, failed, restored'),
  COMMON.reportDir('Directory for the audit record and reports.'),
  ...FLEET_WRITE_OPTIONS,
] as const satisfies readonly OptionSpec[];

type DeployValues = ValuesOf<typeof OPTIONS>;

function isProduction(environment: string): boolean {
  return /^prod/i.test(environment);
}

export function deploySettings(values: DeployValues, context: CommandContext): DeploySettings {
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
    connection: migrationConnection({
      databaseUrl: str(values, 'database-url'),
      directDatabaseUrl: str(values, 'direct-database-url'),
      projectDir: context.cwd,
      env: context.env,
      log: context.log,
    }),
    migrationsDir: resolveMigrationsDir(str(values, 'migrations-dir'), context.cwd),
    environment,
    requireApproval: requireText ? requireText === 'true' : isProduction(environment),
    approvedBy: list(values, 'approved-by'),
    engine: engineFrom(str(values, 'engine')),
    lockTimeoutMs: num(values, 'lock-timeout') ?? 5000,
    statementTimeoutMs: num(values, 'statement-timeout') || undefined,
    retries: num(values, 'retries') ?? 3,
    takeOverStaleLock: bool(values, 'take-over-stale-lock'),
    strictFailures: bool(values, 'strict-failures'),
    skipBackup: bool(values, 'skip-backup'),
    backupDir: locationFrom(str(values, 'backup-dir') ?? 'backups', context.cwd),
    backupS3: s3From(values),
    backupEncryption: encryptionFrom(str(values, 'backup-passphrase'), str(values, 'backup-public-key'), context.cwd),
    backupVerify: (str(values, 'backup-verify') ?? 'list') as VerifyMode,
    driftPolicy: (driftText ?? (isProduction(environment) ? 'fail' : 'warn')) as DriftPolicy,
    onFailure: (str(values, 'on-failure') ?? 'stop') as FailurePolicy,
    smokeSqlFile: str(values, 'smoke-sql') ? path.resolve(context.cwd, str(values, 'smoke-sql')!) : undefined,
    healthCheckUrl: str(values, 'health-check-url'),
    healthCheckAttempts: num(values, 'health-check-attempts'),
    dryRun: bool(values, 'dry-run'),
    rehearsal: rehearsalSettings(values),
    auditTable: bool(values, 'audit-table'),
    auditSinks: auditSinkSettings(values, environment, context.cwd),
    reportDir: path.resolve(context.cwd, str(values, 'report-dir') ?? '.prisma-migrate-actions'),
    repository: gh?.repository,
    commit: gh?.sha, // or HEAD, read by runDeploy (git loads only for a deploy)
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
  report.checks.push(...result.steps);
  const rehearsal = result.rehearsal;
  if (result.plan?.length) {
    addTable(report, {
      title: 'Plan: pending statements and the locks they take',
      columns: ['migration', 'line', 'statement', 'lock', 'on', ...(rehearsal ? ['rehearsed at production size'] : [])],
      rows: result.plan.flatMap((m) =>
        m.statements.map((s) => [
          m.name,
          String(s.line),
          s.summary,
          s.locks.map((l) => l.mode).join(', '),
          s.locks.flatMap((l) => l.on).join(', '),
          ...(rehearsal ? [rehearsedCell(rehearsal.data, m.name, s.line)] : []),
        ]),
      ),
    });
  }
  if (result.lint?.tableStats.length) {
    addTable(report, {
      title: 'Tables touched',
      columns: ['table', 'rows (estimate)', 'size'],
      rows: result.lint.tableStats.map((t) => [t.table, t.rows === null ? 'unknown' : String(t.rows), formatBytes(t.bytes)]),
    });
  }
  if (result.lint) {
    // The pull request check gates on lint; here it informs.
    addFindings(report, reportFindings(result.lint.findings, { failOn: 'never', relativeTo: process.cwd() }));
  }
  if (result.rehearsalFindings?.length) {
    addFindings(
      report,
      result.rehearsalFindings.map((f) => ({ ...f, file: f.file && path.relative(process.cwd(), f.file) })),
    );
  }
  if (result.monitor?.lockWaits.length) {
    addTable(report, {
      title: 'Sessions that waited on locks during the deploy',
      columns: ['pid', 'application', 'waited', 'blocked by', 'query'],
      rows: result.monitor.lockWaits.map((w) => [
        String(w.pid),
        w.applicationName,
        formatDuration(w.waitedMs),
        w.blockedBy.join(', '),
        w.query,
      ]),
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
  report.data = {
    outcome: result.outcome,
    audit: result.audit,
    auditPath: result.auditPath,
    pending: result.pending,
    ...(rehearsal ? { rehearsal: rehearsal.data } : {}),
  };
  const applied = result.applied.map((m) => m.name);
  const summary: Record<DeployResult['outcome'], string> = {
    success: `Applied ${plural(applied.length, 'migration')} to ${settings.environment}.`,
    'no-op': `Nothing to apply: ${settings.environment} is up to date.`,
    'dry-run': `Dry run: ${plural(result.pending.length, 'migration')} would be applied to ${settings.environment}.`,
    failed: `The deploy to ${settings.environment} failed.`,
    restored: `The deploy failed; ${settings.environment} was restored from the pre-migration backup.`,
    'rolled-back': `The deploy failed; the failed migration was marked rolled back.`,
    refused: `The deploy to ${settings.environment} was refused before changing anything.`,
  };
  return finishReport(report, { verdict: OUTCOME_VERDICT[result.outcome], summary: summary[result.outcome] });
}

export async function runDeploy(values: DeployValues, context: CommandContext): Promise<CommandResult> {
  if (isFleetRun(values)) return runFleet({ name: 'deploy', kind: 'deploy', single: runDeploy }, values, context);
  const settings = deploySettings(values, context);
  const [{ assertMigrationTarget }, { deploy }, { withDeployNotifications }, { headCommit }] = await Promise.all([
    import('../postgres/target.js'),
    import('../deploy/pipeline.js'),
    import('../notify/notices.js'),
    import('../guard/git.js'),
  ]);
  settings.commit ??= headCommit(context.cwd);
  if (!settings.dryRun) await assertMigrationTarget(settings.connection, 'deploy');
  const services = context.github?.services;
  const { result, checks } = await withDeployNotifications(settings, { webhook: webhookSettings(values), services }, () =>
    deploy(settings, {
      log: context.log,
      approvals: services ? (environment) => services.getRunApprovals(environment) : undefined,
      drift: driftSummary,
    }),
  );
  const report = deployReport(result, settings);
  report.checks.push(...checks);
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
  outputs: [
    { name: 'applied', description: 'Names of the applied migrations, newline-separated.' },
    { name: 'applied-count', description: 'Number of applied migrations.' },
    { name: 'backup-path', description: 'Path of the pre-migration backup.' },
    { name: 'audit-json', description: 'Path of the audit record.' },
    { name: 'report-json', description: 'Path of the JSON report.' },
    {
      name: 'result',
      description: 'success, no-op, dry-run, failed, restored, rolled-back or refused (stopped before changing anything).',
    },
  ],
  action: {
    id: 'prod-deploy',
    name: 'Prisma production deploy',
    description:
      'The approval-gated production migration: gate, preflight, backup, apply with timeouts and retries, monitoring, verification, failure policy, audit record.',
    icon: 'upload-cloud',
  },
  examples: [
    'prisma-migrate-actions deploy --environment production --approved-by alice --backup-passphrase-file ~/.config/backup-passphrase',
    'prisma-migrate-actions deploy --environment staging --dry-run',
    'prisma-migrate-actions deploy --on-failure restore --lock-timeout 3s --retries 5',
  ],
  run: runDeploy,
};
