/**
 * migration-test (the pull request check): options → settings → the check (src/pr-check/) →
 * one Report, its outputs, and the PR comment.
 */
import path from 'node:path';
import { describeError } from '../errors.js';
import { engineFrom } from '../migrations/engine.js';
import { runPrCheck } from '../pr-check/pipeline.js';
import type { MigrationTestSettings } from '../pr-check/types.js';
import type { FailOn } from '../report/lint-findings.js';
import { finishReport, type Report } from '../report/model.js';
import { renderPrComment } from '../report/render.js';
import { resolveMigrationsDir } from '../prisma/config.js';
import { COMMON, bool, num, str, type OptionSpec, type OptionValues } from './options.js';
import { EXIT, type Command, type CommandContext, type CommandResult } from './types.js';

export type { MigrationTestSettings } from '../pr-check/types.js';

const OPTIONS: OptionSpec[] = [
  {
    ...COMMON.databaseUrl(false),
    env: undefined,
    description: 'Use this server instead of a throwaway PostgreSQL (databases are created and dropped on it).',
  },
  {
    name: 'postgres-version',
    type: 'integer',
    min: 9,
    max: 99,
    description: 'Major of the throwaway PostgreSQL; empty = newest available.',
  },
  COMMON.migrationsDir(),
  { name: 'schema-path', type: 'path', default: 'prisma/schema.prisma', description: 'schema.prisma, checked against the migrations.' },
  {
    name: 'base-ref',
    type: 'string',
    description: 'Git ref of the base branch; default the PR base (origin/$GITHUB_BASE_REF), else origin/main or main.',
  },
  COMMON.engine(),
  { name: 'seed-rows', type: 'integer', min: 0, max: 100000, default: '50', description: 'Generated rows per table for the upgrade path.' },
  { name: 'seed-sql', type: 'path', description: 'SQL file run after the generated rows on the base database.' },
  {
    name: 'rollback-rehearsal',
    type: 'boolean',
    default: 'true',
    description: 'Back up, apply, restore and compare with the pre-migration state.',
  },
  {
    name: 'fail-on',
    type: 'enum',
    values: ['error', 'warning', 'notice', 'never'],
    default: 'error',
    description: 'Lint severity that fails the check.',
  },
  { name: 'comment', type: 'boolean', default: 'true', description: 'Post one PR comment, updated in place (GitHub only).' },
  { name: 'github-token', type: 'string', secret: true, description: 'Token for the PR comment (GitHub only).' },
  COMMON.reportDir(),
];

export function migrationTestSettings(values: OptionValues, cwd: string): MigrationTestSettings {
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
  };
}

export async function runMigrationTest(settings: MigrationTestSettings, context: CommandContext): Promise<CommandResult> {
  const { report, newMigrations, guard } = await runPrCheck(settings, {
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
  report.data = { newMigrations: newMigrations.map((m) => m.name), merged: guard?.merged ?? [], guard: guard?.problems ?? [] };
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
    'The pull request check: history guard, apply from scratch, upgrade path with data, schema.prisma agreement, lint, rollback rehearsal.',
  options: OPTIONS,
  examples: [
    'prisma-migrate-actions migration-test --base-ref origin/main',
    'prisma-migrate-actions migration-test --postgres-version 16 --seed-rows 200 --json',
  ],
  run: (values, context) => runMigrationTest(migrationTestSettings(values, context.cwd), context),
};
