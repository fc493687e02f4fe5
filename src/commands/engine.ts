/** The engine commands: apply, status, resolve, plan — each a thin mapping to src/migrations/. */
import fs from 'node:fs';
import path from 'node:path';
import {
  applyMigrations,
  migrationStatus,
  planMigrations,
  resolveMigration,
  type ApplyResult,
  type MigrationPlan,
} from '../migrations/index.js';
import { parseDatabaseUrl } from '../postgres/url.js';
import { createReport, finishReport, addTable, type Report } from '../report/model.js';
import { formatCount, formatDuration } from '../report/format.js';
import { lintMigrations, loadLintConfig, readLintDir, readLintFiles, toSarif, toReportFinding, lintExitCode } from '../lint/index.js';
import { resolveMigrationsDir } from '../prisma/config.js';
import { COMMON, bool, num, str, type OptionSpec, type OptionValues } from './options.js';
import { EXIT, type Command, type CommandContext, type CommandResult } from './types.js';

const dirOf = (values: OptionValues, context: CommandContext): string => resolveMigrationsDir(str(values, 'migrations-dir'), context.cwd);

function planTable(report: Report, plans: MigrationPlan[]): void {
  addTable(report, {
    title: 'Statements and the locks they take',
    columns: ['migration', 'mode', 'line', 'statement', 'lock', 'on'],
    rows: plans.flatMap((m) =>
      m.statements.map((s) => [
        m.name,
        m.mode,
        String(s.line),
        s.summary,
        s.locks.map((l) => l.mode).join(', '),
        s.locks.flatMap((l) => l.on).join(', '),
      ]),
    ),
  });
  batchTable(report, plans);
}

/** Statements under a batch directive: what they walk and how many batches that is. */
function batchTable(report: Report, plans: MigrationPlan[]): void {
  const rows = plans.flatMap((m) =>
    m.statements.flatMap((s) => {
      const b = s.batch;
      if (!b) return [];
      return [
        [
          m.name,
          String(s.line),
          b.table,
          b.key ?? 'primary key',
          String(b.size),
          formatDuration(b.pauseMs),
          b.estimatedRows === undefined ? 'unknown' : formatCount(b.estimatedRows),
          b.estimatedBatches === undefined ? 'unknown' : String(b.estimatedBatches),
        ],
      ];
    }),
  );
  if (!rows.length) return;
  addTable(report, {
    title: 'Batched statements (each batch its own transaction, after the statements before it commit)',
    columns: ['migration', 'line', 'table', 'key', 'batch size', 'pause', 'estimated rows', 'batches'],
    rows,
  });
}

export function applyReport(result: ApplyResult): Report {
  const report = createReport('apply', result.dryRun ? 'Apply (dry run)' : 'Apply');
  if (result.dryRun) planTable(report, result.plan);
  else {
    addTable(report, {
      title: 'Applied migrations',
      columns: ['migration', 'mode', 'statements', 'retries', 'duration'],
      rows: result.applied.map((m) => [
        m.name,
        m.resumed ? `${m.mode}, resumed` : m.mode,
        String(m.statements),
        String(m.retries),
        `${m.durationMs} ms`,
      ]),
    });
    const batches = result.applied.flatMap((m) => (m.batches ?? []).map((b) => ({ m, b })));
    if (batches.length)
      addTable(report, {
        title: 'Batched statements',
        columns: ['migration', 'line', 'table', 'rows changed', 'batches', 'rows/s', 'lock retries', 'duration'],
        rows: batches.map(({ m, b }) => [
          m.name,
          String(b.line),
          b.table,
          formatCount(b.rowsChanged),
          String(b.batches),
          formatCount(b.rowsPerSecond),
          String(b.lockRetries),
          formatDuration(b.durationMs),
        ]),
      });
  }
  report.data = result;
  const n = result.dryRun ? result.plan.length : result.applied.length;
  return finishReport(report, {
    summary: result.dryRun
      ? `${n} migration(s) would be applied; nothing was changed.`
      : n
        ? `Applied ${n} migration(s) in ${result.durationMs} ms (${result.engine} engine).`
        : 'Nothing to apply: the database is up to date.',
  });
}

const APPLY_OPTIONS: OptionSpec[] = [
  COMMON.databaseUrl(),
  COMMON.migrationsDir(),
  COMMON.engine(),
  { name: 'lock-timeout', type: 'duration', default: '0', description: 'lock_timeout per migration (0 = none).' },
  { name: 'statement-timeout', type: 'duration', default: '0', description: 'statement_timeout per migration (0 = none).' },
  { name: 'retries', type: 'integer', min: 0, max: 20, default: '0', description: 'Retries after a lock timeout (55P03), with backoff.' },
  {
    name: 'advisory-lock-timeout',
    type: 'duration',
    default: '10s',
    description: 'How long to wait for the migration advisory lock (shared with Prisma).',
  },
  { name: 'up-to', type: 'string', description: 'Apply pending migrations up to and including this one.' },
  { name: 'dry-run', type: 'boolean', default: 'false', description: 'Print the plan; change nothing.' },
];

async function runApply(values: OptionValues, context: CommandContext): Promise<CommandResult> {
  const result = await applyMigrations({
    connection: parseDatabaseUrl(str(values, 'database-url')),
    dir: dirOf(values, context),
    engine: (str(values, 'engine') ?? 'builtin') as 'builtin' | 'prisma',
    lockTimeoutMs: num(values, 'lock-timeout') || undefined,
    statementTimeoutMs: num(values, 'statement-timeout') || undefined,
    retries: num(values, 'retries'),
    advisoryLockTimeoutMs: num(values, 'advisory-lock-timeout'),
    upTo: str(values, 'up-to'),
    dryRun: bool(values, 'dry-run'),
    log: context.log,
  });
  return { report: applyReport(result), exitCode: EXIT.ok };
}

async function runStatus(values: OptionValues, context: CommandContext): Promise<CommandResult> {
  const status = await migrationStatus({ connection: parseDatabaseUrl(str(values, 'database-url')), dir: dirOf(values, context) });
  const report = createReport('status', 'Migration status');
  addTable(report, {
    title: 'Migrations',
    columns: ['migration', 'state'],
    rows: [
      ...status.applied.map((r) => [
        r.migrationName,
        status.edited.some((e) => e.row.id === r.id) ? 'applied, edited since (checksum differs)' : 'applied',
      ]),
      ...status.failed.map((r) => [
        r.migrationName,
        status.batching.find((b) => b.migration === r.migrationName)?.text ?? `FAILED (started ${r.startedAt.toISOString()})`,
      ]),
      ...status.rolledBack.map((r) => [r.migrationName, 'rolled back']),
      ...status.pending.map((m) => [m.name, 'pending']),
      ...status.missingLocally.map((r) => [r.migrationName, 'applied, missing in the repository']),
    ],
  });
  report.checks.push({ name: 'Status', status: status.strictExitCode ? 'fail' : 'pass', items: status.lines });
  report.data = status;
  const strict = bool(values, 'strict');
  finishReport(report, { summary: status.upToDate ? 'Database schema is up to date.' : (status.lines[0] ?? 'Not up to date.') });
  return { report, exitCode: strict ? status.strictExitCode : status.exitCode };
}

async function runResolve(values: OptionValues, context: CommandContext): Promise<CommandResult> {
  const result = await resolveMigration({
    connection: parseDatabaseUrl(str(values, 'database-url')),
    dir: dirOf(values, context),
    applied: str(values, 'applied'),
    rolledBack: str(values, 'rolled-back'),
  });
  const report = createReport('status', 'Resolve');
  report.data = result;
  return {
    report: finishReport(report, {
      summary: `Migration ${result.migration} marked ${result.action}${result.markedRolledBack ? ` (${result.markedRolledBack} failed row(s) marked rolled back)` : ''}.`,
    }),
    exitCode: EXIT.ok,
  };
}

async function runPlan(values: OptionValues, context: CommandContext): Promise<CommandResult> {
  const plan = await planMigrations({
    connection: parseDatabaseUrl(str(values, 'database-url')),
    dir: dirOf(values, context),
    upTo: str(values, 'up-to'),
  });
  const report = createReport('plan', 'Plan');
  planTable(report, plan.migrations);
  report.data = plan;
  return {
    report: finishReport(report, { summary: `${plan.migrations.length} pending migration(s); nothing was changed.` }),
    exitCode: EXIT.ok,
  };
}

async function runLint(values: OptionValues, context: CommandContext, files: string[]): Promise<CommandResult> {
  const sources = files.length
    ? await readLintFiles(files.map((f) => path.resolve(context.cwd, f)))
    : await readLintDir(dirOf(values, context));
  const config = await loadLintConfig(context.cwd);
  const databaseUrl = str(values, 'database-url');
  const result = await lintMigrations({
    migrations: sources,
    engine: (str(values, 'engine') ?? 'builtin') as 'builtin' | 'prisma',
    config,
    database: databaseUrl ? parseDatabaseUrl(databaseUrl) : undefined,
    changeSet: files.length ? 'all' : 'each',
    log: context.log,
  });
  const sarif = str(values, 'sarif');
  if (sarif) fs.writeFileSync(path.resolve(context.cwd, sarif), JSON.stringify(toSarif(result), null, 2) + '\n');
  const report = createReport('lint', 'Migration lint');
  report.findings = result.findings.map((f) => toReportFinding(f, { file: (file) => path.relative(context.cwd, file) || file }));
  if (result.silenced.length) {
    report.checks.push({
      name: 'Silenced',
      status: 'skip',
      items: result.silenced.map((s) => `${s.ruleId} at ${path.relative(context.cwd, s.file)}:${s.line} — ${s.reason}`),
    });
  }
  report.data = result;
  finishReport(report, {
    summary: `${result.statementsLinted} statements in ${result.migrationsLinted} migrations: ${result.summary.error} error(s), ${result.summary.warning} warning(s), ${result.summary.notice} notice(s).`,
  });
  return { report, exitCode: lintExitCode(result) };
}

export const applyCommand: Command = {
  name: 'apply',
  summary:
    'Apply pending migrations (what prisma migrate deploy does: same _prisma_migrations rows and advisory lock), atomic per migration.',
  options: APPLY_OPTIONS,
  examples: [
    'prisma-migrate-actions apply --database-url "$DATABASE_URL"',
    'prisma-migrate-actions apply --lock-timeout 5s --retries 3',
    'prisma-migrate-actions apply --dry-run',
  ],
  run: runApply,
};

export const statusCommand: Command = {
  name: 'status',
  summary:
    'Pending, applied, failed, rolled back, edited-after-apply and missing-locally migrations (exit 1 as prisma migrate status would).',
  options: [
    COMMON.databaseUrl(),
    COMMON.migrationsDir(),
    { name: 'strict', type: 'boolean', default: 'false', description: 'Also exit 1 for edited checksums and migrations missing locally.' },
  ],
  examples: ['prisma-migrate-actions status', 'prisma-migrate-actions status --strict --json'],
  run: runStatus,
};

export const resolveCommand: Command = {
  name: 'resolve',
  summary: "Mark a migration applied or rolled back, with prisma migrate resolve's semantics and errors.",
  options: [
    COMMON.databaseUrl(),
    COMMON.migrationsDir(),
    { name: 'applied', type: 'string', description: 'Record NAME as applied (after finishing it by hand).' },
    { name: 'rolled-back', type: 'string', description: 'Mark the failed NAME rolled back (after undoing it).' },
  ],
  examples: [
    'prisma-migrate-actions resolve --rolled-back 20250101120000_add_index',
    'prisma-migrate-actions resolve --applied 20250101120000_add_index',
  ],
  run: runResolve,
};

export const planCommand: Command = {
  name: 'plan',
  summary: 'Everything apply would do — pending migrations, statements, the lock each takes — changing nothing.',
  options: [
    COMMON.databaseUrl(),
    COMMON.migrationsDir(),
    { name: 'up-to', type: 'string', description: 'Only pending migrations up to this one.' },
  ],
  examples: ['prisma-migrate-actions plan --database-url "$DATABASE_URL"'],
  run: runPlan,
};

export const lintCommand: Command = {
  name: 'lint',
  summary: 'Lint migration SQL for locks and data loss (files given = one change set; --migrations-dir = the whole history, in order).',
  positional: { name: 'files', description: 'migration.sql files (default: every migration in --migrations-dir)' },
  options: [
    { ...COMMON.databaseUrl(false), description: 'Optional read-only database for table sizes and data checks.' },
    COMMON.migrationsDir(),
    COMMON.engine(),
    { name: 'sarif', type: 'path', description: 'Also write a SARIF 2.1.0 file (GitHub code scanning).' },
  ],
  examples: [
    'prisma-migrate-actions lint prisma/migrations/20250321150000_task_priority/migration.sql',
    'prisma-migrate-actions lint --database-url "$STAGING_DATABASE_URL" --sarif lint.sarif',
  ],
  run: runLint,
};
