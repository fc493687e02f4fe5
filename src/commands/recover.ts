/** The `recover` command: a thin mapping to src/migrations/recover.ts and its report. */
import type { RecoverAction, RecoverResult } from '../migrations/recover.js';
import { MigrateActionsError } from '../errors.js';
import { migrationConnection } from '../postgres/direct.js';
import { resolveMigrationsDir } from '../prisma/config.js';
import { addCodeBlock, addTable, createReport, finishReport, type Report } from '../report/model.js';
import { plural } from '../report/format.js';
import { COMMON, bool, num, str, type OptionSpec, type ValuesOf } from './options.js';
import { EXIT, type Command, type CommandContext, type CommandResult } from './types.js';

const RECOVER_OPTIONS = [
  COMMON.databaseUrl('The database, as Prisma takes it: postgresql://USER:PASSWORD@HOST:PORT/DB?schema=public.'),
  COMMON.directDatabaseUrl(),
  COMMON.migrationsDir(),
  {
    name: 'undo',
    type: 'boolean',
    default: 'false',
    description:
      'Run the undo SQL in one transaction, check the catalog equals the one before the migration, and record the migration rolled back.',
  },
  {
    name: 'finish',
    type: 'boolean',
    default: 'false',
    description:
      'Run the statements that did not run (from the current file, so a fixed statement is used), then record the migration applied.',
  },
  {
    name: 'dry-run',
    type: 'boolean',
    default: 'false',
    description: 'Print what the failed migration changed and both plans; change nothing.',
  },
  {
    name: 'advisory-lock-timeout',
    type: 'duration',
    default: '10s',
    description: 'How long to wait for the migration advisory lock (shared with Prisma).',
  },
] as const satisfies readonly OptionSpec[];

function actionOf(values: ValuesOf<typeof RECOVER_OPTIONS>, positionals: string[]): { migration: string; action: RecoverAction } {
  const chosen = (['undo', 'finish', 'dry-run'] as const).filter((a) => bool(values, a));
  if (positionals.length !== 1 || chosen.length !== 1) {
    throw new MigrateActionsError(
      'E_RECOVER_ARGS',
      `recover takes one migration name and exactly one of --undo, --finish or --dry-run (got ${plural(positionals.length, 'name')} and ${chosen.length ? chosen.map((a) => `--${a}`).join(', ') : 'no action'}).`,
      { remedy: 'Run `prisma-migrate-actions recover NAME --dry-run` first to see both plans, then `--undo` or `--finish`.' },
    );
  }
  return { migration: positionals[0], action: chosen[0] };
}

export function recoverReport(result: RecoverResult, reconcileScript: (steps: RecoverResult['plan']['undo']) => string): Report {
  const { plan } = result;
  const report = createReport('recover', `Recover ${result.migration}`);
  addTable(report, {
    title: 'What the failed migration changed',
    columns: ['change', 'object', 'identity', 'detail'],
    rows: plan.changes.map((c) => [c.change, c.objectType, c.identity, c.detail]),
  });
  addCodeBlock(report, {
    title: 'Undo: returns the schema to its state before the migration',
    language: 'sql',
    code: plan.undo.length ? reconcileScript(plan.undo) : '-- nothing to undo: the catalog is as it was before the migration',
  });
  addCodeBlock(report, {
    title: `Finish: the ${plural(plan.remaining.length, 'statement')} that did not run (from the current file)`,
    language: 'sql',
    code: plan.remaining.map((s) => `-- line ${s.line}\n${s.sql};`).join('\n\n') || '-- nothing left to run',
  });
  for (const step of result.manualSteps) report.findings.push({ severity: 'warning', title: 'Needs a person', message: step });
  report.data = result;
  const summary =
    result.recorded === 'rolled-back'
      ? `Undid ${result.migration} (${plural(result.ran.length, 'statement')}); the catalog equals the one before it, and it is recorded rolled back. Fix the file, then run apply.`
      : result.recorded === 'applied'
        ? `Finished ${result.migration} (${plural(result.ran.length, 'statement')} ran); it is recorded applied.`
        : `${plural(plan.changes.length, 'object')} changed by ${result.migration}, ${plural(plan.committedStatements, 'statement')} committed, ${plural(plan.remaining.length, 'statement')} left. Run with --undo or --finish.`;
  return finishReport(report, { summary });
}

async function runRecover(
  values: ValuesOf<typeof RECOVER_OPTIONS>,
  context: CommandContext,
  positionals: string[],
): Promise<CommandResult> {
  const { migration, action } = actionOf(values, positionals);
  const connection = migrationConnection({
    databaseUrl: str(values, 'database-url'),
    directDatabaseUrl: str(values, 'direct-database-url'),
    projectDir: context.cwd,
    env: context.env,
    log: context.log,
  });
  // Imported on run, so `--help` loads neither the engine nor the parser.
  const [{ recoverMigration }, { reconcileScript }, { assertMigrationTarget }] = await Promise.all([
    import('../migrations/recover.js'),
    import('../catalog/index.js'),
    import('../postgres/target.js'),
  ]);
  if (action !== 'dry-run') await assertMigrationTarget(connection, 'recover');
  const result = await recoverMigration({
    connection,
    dir: resolveMigrationsDir(str(values, 'migrations-dir'), context.cwd),
    migration,
    action,
    advisoryLockTimeoutMs: num(values, 'advisory-lock-timeout'),
    log: context.log,
  });
  return { report: recoverReport(result, reconcileScript), exitCode: EXIT.ok };
}

export const recoverCommand: Command = {
  name: 'recover',
  summary:
    'Recover a half-applied migration from the catalog snapshot its failed attempt stored: --dry-run shows what it changed and both plans, --undo returns the schema to before it, --finish runs the rest.',
  positional: { name: 'migration', description: 'the failed migration (its folder name)' },
  options: RECOVER_OPTIONS,
  outputs: [],
  examples: [
    'prisma-migrate-actions recover 20250101120000_add_index --dry-run',
    'prisma-migrate-actions recover 20250101120000_add_index --undo',
    'prisma-migrate-actions recover 20250101120000_add_index --finish',
  ],
  run: runRecover,
};
