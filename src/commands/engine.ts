/** The engine commands: apply, status, resolve, plan — each a thin mapping to src/migrations/. */
import type pg from 'pg';
import type { StaleLockTakeOver } from '../migrations/locks.js';
import fs from 'node:fs';
import path from 'node:path';
// Domain modules are imported when a command runs (below), so `--help` loads none of them.
import type { ApplyResult, MigrationPlan, PlanResult } from '../migrations/index.js';
import type { RehearsalData, RehearsalResult } from '../rehearsal/index.js';
import { REHEARSAL_TITLE, rehearsedCell } from '../rehearsal/phrases.js';
import { REHEARSAL_SERVER_OPTION, rehearsalOptions, rehearsalSettings } from './rehearsal-options.js';
import { parseDatabaseUrl, type ConnectionSettings } from '../postgres/url.js';
import { migrationConnection } from '../postgres/direct.js';
import { createReport, finishReport, addFindings, addTable, runCheck, type Finding, type Report } from '../report/model.js';
import { formatCount, formatDuration, plural, severityCounts } from '../report/format.js';
import { engineFrom } from '../migrations/engine.js';
import { resolveMigrationsDir } from '../prisma/config.js';
import { COMMON, bool, num, str, type OptionSpec, type OptionValues, type ValuesOf } from './options.js';
import { FLEET_READ_OPTIONS, FLEET_WRITE_OPTIONS, isFleetRun, runFleet } from './fleet-options.js';
import { EXIT, type Command, type CommandContext, type CommandResult } from './types.js';

/** The URL migrations use: direct-database-url, else schema.prisma's directUrl, else database-url. */
const connectionOf = (values: OptionValues<'database-url' | 'direct-database-url'>, context: CommandContext): ConnectionSettings =>
  migrationConnection({
    databaseUrl: str(values, 'database-url'),
    directDatabaseUrl: str(values, 'direct-database-url'),
    projectDir: context.cwd,
    env: context.env,
    log: context.log,
  });

const dirOf = (values: OptionValues<'migrations-dir'>, context: CommandContext): string =>
  resolveMigrationsDir(str(values, 'migrations-dir'), context.cwd);

/** With a rehearsal, each statement also shows what it did at production size. */
function planTable(report: Report, plans: MigrationPlan[], rehearsal?: RehearsalData): void {
  addTable(report, {
    title: 'Statements and the locks they take',
    columns: ['migration', 'mode', 'line', 'statement', 'lock', 'on', ...(rehearsal ? ['rehearsed at production size'] : [])],
    rows: plans.flatMap((m) =>
      m.statements.map((s) => [
        m.name,
        m.mode,
        String(s.line),
        s.summary,
        s.locks.map((l) => l.mode).join(', '),
        s.locks.flatMap((l) => l.on).join(', '),
        ...(rehearsal ? [rehearsedCell(rehearsal, m.name, s.line)] : []),
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

/** The take-over is told wherever the run is reported: it ended another session. */
export function staleLockFinding(takeOver: StaleLockTakeOver): Finding {
  return {
    severity: 'warning',
    title: 'Stale migration lock taken over',
    message: `Ended pid ${takeOver.pid} (${takeOver.applicationName}, idle for ${formatDuration(takeOver.idleMs)}), which held the migration lock, and took the lock (take-over-stale-lock).`,
  };
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
        formatDuration(m.durationMs),
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
  if (result.staleLockTakeOver) report.findings.push(staleLockFinding(result.staleLockTakeOver));
  report.data = result;
  const n = result.dryRun ? result.plan.length : result.applied.length;
  return finishReport(report, {
    summary: result.dryRun
      ? `${plural(n, 'migration')} would be applied; nothing was changed.`
      : n
        ? `Applied ${plural(n, 'migration')} in ${formatDuration(result.durationMs)} (${result.engine} engine).`
        : 'Nothing to apply: the database is up to date.',
  });
}

const DATABASE = 'The database, as Prisma takes it: postgresql://USER:PASSWORD@HOST:PORT/DB?schema=public.';

const APPLY_OPTIONS = [
  COMMON.databaseUrl(DATABASE),
  COMMON.directDatabaseUrl(),
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
  COMMON.takeOverStaleLock(),
  COMMON.strictFailures(),
  { name: 'up-to', type: 'string', description: 'Apply pending migrations up to and including this one.' },
  { name: 'dry-run', type: 'boolean', default: 'false', description: 'Print the plan; change nothing.' },
  ...FLEET_WRITE_OPTIONS,
] as const satisfies readonly OptionSpec[];

/** Notices (pooler, standby) for commands that only read the database. */
const migrations = () => import('../migrations/index.js');
const target = () => import('../postgres/target.js');

async function addTargetNotices(report: Report, connection: ConnectionSettings, session?: Promise<pg.Client>): Promise<void> {
  const { targetNotices } = await target();
  for (const notice of await targetNotices(connection, session)) {
    report.findings.push({ severity: 'notice', title: notice.title, message: notice.message });
  }
}

async function runApply(values: ValuesOf<typeof APPLY_OPTIONS>, context: CommandContext): Promise<CommandResult> {
  if (isFleetRun(values)) return runFleet({ name: 'apply', kind: 'apply', single: runApply }, values, context);
  const connection = connectionOf(values, context);
  const [{ applyMigrations }, { assertMigrationTarget }] = await Promise.all([import('../migrations/apply.js'), target()]);
  const result = await applyMigrations({
    connection,
    // Checked while the engine reads the history and connects; nothing changes before it passes.
    targetCheck: bool(values, 'dry-run') ? undefined : (session) => assertMigrationTarget(connection, 'apply', session),
    dir: dirOf(values, context),
    engine: engineFrom(str(values, 'engine')),
    lockTimeoutMs: num(values, 'lock-timeout') || undefined,
    statementTimeoutMs: num(values, 'statement-timeout') || undefined,
    retries: num(values, 'retries'),
    advisoryLockTimeoutMs: num(values, 'advisory-lock-timeout'),
    takeOverStaleLock: bool(values, 'take-over-stale-lock'),
    upTo: str(values, 'up-to'),
    dryRun: bool(values, 'dry-run'),
    strictFailures: bool(values, 'strict-failures'),
    log: context.log,
  });
  return { report: applyReport(result), exitCode: EXIT.ok };
}

async function runStatus(values: ValuesOf<typeof STATUS_OPTIONS>, context: CommandContext): Promise<CommandResult> {
  if (isFleetRun(values)) return runFleet({ name: 'status', kind: 'status', single: runStatus }, values, context);
  const connection = connectionOf(values, context);
  const { migrationStatus } = await import('../migrations/status.js'); // not the parser: status reads no SQL
  const report = createReport('status', 'Migration status');
  const status = await migrationStatus({
    connection,
    dir: dirOf(values, context),
    targetCheck: (session) => addTargetNotices(report, connection, session),
  });
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

async function runResolve(values: ValuesOf<typeof RESOLVE_OPTIONS>, context: CommandContext): Promise<CommandResult> {
  const connection = connectionOf(values, context);
  const [{ resolveMigration }, { assertMigrationTarget }] = await Promise.all([migrations(), target()]);
  await assertMigrationTarget(connection, 'resolve');
  const result = await resolveMigration({
    connection,
    dir: dirOf(values, context),
    applied: str(values, 'applied'),
    rolledBack: str(values, 'rolled-back'),
  });
  const report = createReport('status', 'Resolve');
  report.data = result;
  return {
    report: finishReport(report, {
      summary: `Migration ${result.migration} marked ${result.action.replace('-', ' ')}${result.markedRolledBack ? `: ${plural(result.markedRolledBack, 'failed row')} updated` : ''}.`,
    }),
    exitCode: EXIT.ok,
  };
}

async function runPlan(values: ValuesOf<typeof PLAN_OPTIONS>, context: CommandContext): Promise<CommandResult> {
  if (isFleetRun(values)) return runFleet({ name: 'plan', kind: 'plan', single: runPlan }, values, context);
  const connection = connectionOf(values, context);
  const { planMigrations } = await migrations();
  const plan = await planMigrations({ connection, dir: dirOf(values, context), upTo: str(values, 'up-to') });
  const report = createReport('plan', 'Plan');
  await addTargetNotices(report, connection);
  const rehearsal = await rehearsePlan(report, connection, plan, values, context);
  planTable(report, plan.migrations, rehearsal?.data);
  report.data = rehearsal ? { ...plan, rehearsal: rehearsal.data } : plan;
  return {
    report: finishReport(report, { summary: `${plural(plan.migrations.length, 'pending migration')}; nothing was changed.` }),
    exitCode: EXIT.ok,
  };
}

/** With stats-database-url: the pending migrations rehearsed on a throwaway PostgreSQL (only statistics are read from the target's side). */
async function rehearsePlan(
  report: Report,
  connection: ConnectionSettings,
  plan: PlanResult,
  values: ValuesOf<typeof PLAN_OPTIONS>,
  context: CommandContext,
): Promise<RehearsalResult | undefined> {
  const settings = rehearsalSettings(values);
  if (settings.rehearsal === 'off' || !settings.statsDatabase || !plan.migrations.length) return undefined;
  const [{ readMigrationsDir }, { rehearsePlanStep }, { planFindings }, { withClient }] = await Promise.all([
    migrations(),
    import('../rehearsal/pending.js'),
    import('../rehearsal/findings.js'),
    import('../postgres/client.js'),
  ]);
  const dir = dirOf(values, context);
  const local = (await readMigrationsDir(dir)).migrations;
  const pending = new Set(plan.migrations.map((m) => m.name));
  const notYet = new Set([...pending, ...plan.later]);
  const version = await withClient(
    connection,
    { applicationName: 'prisma-migrate-actions plan', readOnly: true, statementTimeoutMs: 10_000 },
    (c) => c.query<{ v: string }>('SHOW server_version_num'),
  );
  let result: RehearsalResult | undefined;
  await runCheck(report, REHEARSAL_TITLE, async (check) => {
    result = await rehearsePlanStep(check, {
      target: connection,
      schema: connection.schema,
      major: Math.floor(Number(version.rows[0].v) / 10000) || undefined,
      applied: local.filter((m) => !notYet.has(m.name)),
      pending: local.filter((m) => pending.has(m.name)),
      settings,
      log: context.log,
    });
  });
  if (result) {
    const fileOf = (migration: string) => path.relative(context.cwd, path.join(dir, migration, 'migration.sql'));
    addFindings(report, planFindings(result.statements, { maxBlockingMs: settings.maxBlockingMs, fileOf, existing: result.existing }));
  }
  return result;
}

async function runLint(values: ValuesOf<typeof LINT_OPTIONS>, context: CommandContext, files: string[]): Promise<CommandResult> {
  const [{ lintMigrations, loadLintConfig, readLintDir, readLintFiles, toSarif, lintExitCode }, { reportFindings }] = await Promise.all([
    import('../lint/index.js'),
    import('../report/lint-findings.js'),
  ]);
  const sources = files.length
    ? await readLintFiles(files.map((f) => path.resolve(context.cwd, f)))
    : await readLintDir(dirOf(values, context));
  const config = await loadLintConfig(context.cwd);
  const databaseUrl = str(values, 'database-url');
  const database = databaseUrl ? parseDatabaseUrl(databaseUrl) : undefined;
  const result = await lintMigrations({
    migrations: sources,
    engine: engineFrom(str(values, 'engine')),
    config,
    database,
    changeSet: files.length ? 'all' : 'each',
    log: context.log,
  });
  const sarif = str(values, 'sarif');
  if (sarif) fs.writeFileSync(path.resolve(context.cwd, sarif), JSON.stringify(toSarif(result), null, 2) + '\n');
  const report = createReport('lint', 'Migration lint');
  report.findings = reportFindings(result.findings, { relativeTo: context.cwd });
  if (result.silenced.length) {
    report.checks.push({
      name: 'Silenced',
      status: 'skip',
      items: result.silenced.map((s) => `${s.ruleId} at ${path.relative(context.cwd, s.file)}:${s.line} — ${s.reason}`),
    });
  }
  if (database) await addTargetNotices(report, database);
  report.data = result;
  finishReport(report, {
    summary: `${plural(result.statementsLinted, 'statement')} in ${plural(result.migrationsLinted, 'migration')}: ${severityCounts(result.summary)}.`,
  });
  return { report, exitCode: lintExitCode(result) };
}

const STATUS_OPTIONS = [
  COMMON.databaseUrl(DATABASE),
  COMMON.directDatabaseUrl(),
  COMMON.migrationsDir(),
  { name: 'strict', type: 'boolean', default: 'false', description: 'Also exit 1 for edited checksums and migrations missing locally.' },
  ...FLEET_READ_OPTIONS,
] as const satisfies readonly OptionSpec[];

const RESOLVE_OPTIONS = [
  COMMON.databaseUrl(DATABASE),
  COMMON.directDatabaseUrl(),
  COMMON.migrationsDir(),
  { name: 'applied', type: 'string', description: 'Record NAME as applied (after finishing it by hand).' },
  { name: 'rolled-back', type: 'string', description: 'Mark the failed NAME rolled back (after undoing it).' },
] as const satisfies readonly OptionSpec[];

const PLAN_OPTIONS = [
  COMMON.databaseUrl(DATABASE),
  COMMON.directDatabaseUrl(),
  COMMON.migrationsDir(),
  { name: 'up-to', type: 'string', description: 'Only pending migrations up to this one.' },
  ...rehearsalOptions('when stats-database-url is given'),
  REHEARSAL_SERVER_OPTION,
  ...FLEET_READ_OPTIONS,
] as const satisfies readonly OptionSpec[];

const LINT_OPTIONS = [
  COMMON.databaseUrl('Optional read-only database for table sizes and data checks.', false),
  COMMON.migrationsDir(),
  COMMON.engine(),
  { name: 'sarif', type: 'path', description: 'Also write a SARIF 2.1.0 file (GitHub code scanning).' },
] as const satisfies readonly OptionSpec[];

export const applyCommand: Command = {
  name: 'apply',
  summary:
    'Apply pending migrations (what prisma migrate deploy does: same _prisma_migrations rows and advisory lock), atomic per migration.',
  options: APPLY_OPTIONS,
  outputs: [],
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
  options: STATUS_OPTIONS,
  outputs: [],
  examples: ['prisma-migrate-actions status', 'prisma-migrate-actions status --strict --json'],
  run: runStatus,
};

export const resolveCommand: Command = {
  name: 'resolve',
  summary: "Mark a migration applied or rolled back, with prisma migrate resolve's semantics and errors.",
  options: RESOLVE_OPTIONS,
  outputs: [],
  examples: [
    'prisma-migrate-actions resolve --rolled-back 20250101120000_add_index',
    'prisma-migrate-actions resolve --applied 20250101120000_add_index',
  ],
  run: runResolve,
};

export const planCommand: Command = {
  name: 'plan',
  summary: 'Everything apply would do — pending migrations, statements, the lock each takes — changing nothing.',
  options: PLAN_OPTIONS,
  outputs: [],
  examples: ['prisma-migrate-actions plan --database-url "$DATABASE_URL"'],
  run: runPlan,
};

export const lintCommand: Command = {
  name: 'lint',
  summary: 'Lint migration SQL for locks and data loss (files given = one change set; --migrations-dir = the whole history, in order).',
  positional: { name: 'files', description: 'migration.sql files (default: every migration in --migrations-dir)' },
  options: LINT_OPTIONS,
  outputs: [],
  examples: [
    'prisma-migrate-actions lint prisma/migrations/20250321150000_task_priority/migration.sql',
    'prisma-migrate-actions lint --database-url "$STAGING_DATABASE_URL" --sarif lint.sarif',
  ],
  run: runLint,
};
