/**
 * migration-test: the pull request check. Every step is a check in one Report; a step that
 * cannot run (no git history, no Prisma CLI) is skipped with the reason, never faked.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describeError, MigrateActionsError } from '../errors.js';
import { acquirePostgres, type PostgresServer } from '../postgres/ephemeral.js';
import { toClientConfig, type ConnectionSettings } from '../postgres/url.js';
import { readMigrationsDir, type LocalMigration } from '../migrations/reader.js';
import { applyMigrations } from '../migrations/apply.js';
import { checkHistory, type HistoryGuardResult } from '../guard/history-guard.js';
import { materializeAtRef } from '../guard/git.js';
import { lintMigrations } from '../lint/index.js';
import type { Finding as LintFinding, Severity } from '../lint/types.js';
import { seedDatabase } from '../seed/index.js';
import { createBackup, restoreBackup } from '../backup/index.js';
import { countRows, compareRowCounts, describeDifferences } from '../backup/dbstate.js';
import { snapshotSchema } from '../catalog/snapshot.js';
import { diffSnapshots } from '../catalog/diff.js';
import type { SchemaDifference } from '../catalog/types.js';
import { findPrismaCli, schemaToSql } from '../prisma/cli.js';
import { createReport, finishReport, runCheck, addCodeBlock, addFindings, type Check, type Finding, type Report } from '../report/model.js';
import { mermaidErDiagram, renderPrComment } from '../report/render.js';
import { touchedTables, erTablesFor } from './touched-tables.js';
import { COMMON, bool, num, str, type OptionSpec, type OptionValues } from './options.js';
import { EXIT, type Command, type CommandContext, type CommandResult } from './types.js';

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

const OPTIONS: OptionSpec[] = [
  { ...COMMON.databaseUrl(false), env: undefined, description: 'Use this server instead of a throwaway PostgreSQL (databases are created and dropped on it).' },
  { name: 'postgres-version', type: 'integer', min: 9, max: 99, description: 'Major of the throwaway PostgreSQL; empty = newest available.' },
  COMMON.migrationsDir(),
  { name: 'schema-path', type: 'path', default: 'prisma/schema.prisma', description: 'schema.prisma, checked against the migrations.' },
  { name: 'base-ref', type: 'string', description: 'Git ref of the base branch; default the PR base (origin/$GITHUB_BASE_REF), else origin/main or main.' },
  COMMON.engine(),
  { name: 'seed-rows', type: 'integer', min: 0, max: 100000, default: '50', description: 'Generated rows per table for the upgrade path.' },
  { name: 'seed-sql', type: 'path', description: 'SQL file run after the generated rows on the base database.' },
  { name: 'rollback-rehearsal', type: 'boolean', default: 'true', description: 'Back up, apply, restore and compare with the pre-migration state.' },
  { name: 'fail-on', type: 'enum', values: ['error', 'warning', 'notice', 'never'], default: 'error', description: 'Lint severity that fails the check.' },
  { name: 'comment', type: 'boolean', default: 'true', description: 'Post one PR comment, updated in place (GitHub only).' },
  { name: 'github-token', type: 'string', secret: true, description: 'Token for the PR comment (GitHub only).' },
  COMMON.reportDir(),
];

export function migrationTestSettings(values: OptionValues, cwd: string): MigrationTestSettings {
  return {
    databaseUrl: str(values, 'database-url'),
    postgresVersion: num(values, 'postgres-version'),
    migrationsDir: path.resolve(cwd, str(values, 'migrations-dir') ?? 'prisma/migrations'),
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
  const severity = fails ? 'error' : finding.severity === 'error' ? 'warning' : finding.severity;
  return {
    severity,
    ruleId: finding.ruleId,
    file: finding.file,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    title: `${finding.ruleId}${finding.lock ? ` (${finding.lock})` : ''}`,
    message: finding.message,
    fix: finding.fix,
    replacement: finding.replacement,
  };
}

async function withClient<T>(settings: ConnectionSettings, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(toClientConfig(settings, { applicationName: 'prisma-migrate-actions-test' }));
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

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

function defaultBaseRef(context: CommandContext): string[] {
  const fromPr = context.github?.baseRef ?? process.env.GITHUB_BASE_REF;
  return fromPr ? [`origin/${fromPr}`] : ['origin/main', 'main', 'origin/master', 'master'];
}

interface Databases {
  server: PostgresServer;
  created: string[];
}

async function newDatabase(dbs: Databases, label: string, schema: string): Promise<ConnectionSettings> {
  const settings = await dbs.server.createDatabase(`pma_${label}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`, { schema });
  dbs.created.push(settings.database);
  return settings;
}

function failedDetail(error: unknown): string {
  return describeError(error);
}

export async function runMigrationTest(settings: MigrationTestSettings, context: CommandContext): Promise<CommandResult> {
  const report = createReport('migration-test', 'Migration test');
  const log = context.log;
  const head = await readMigrationsDir(settings.migrationsDir);
  const schema = settings.databaseUrl ? new URL(settings.databaseUrl).searchParams.get('schema') ?? 'public' : 'public';

  // 1. History guard.
  let guard: HistoryGuardResult | undefined;
  const refs = settings.baseRef ? [settings.baseRef] : defaultBaseRef(context);
  const guardCheck = await runCheck(report, 'History guard', async (check) => {
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
      return check;
    }
    check.detail = `Base ${guard.baseRef} (${guard.baseCommit.slice(0, 12)}): ${guard.merged.length} merged, ${guard.added.length} new.`;
    if (guard.problems.length) {
      check.status = 'fail';
      check.items = guard.problems.map((p) => `${p.file}: ${p.message}`);
      addFindings(
        report,
        guard.problems.map((p) => ({ severity: 'error' as const, ruleId: `history/${p.kind}`, file: p.file.endsWith('/') ? undefined : p.file, line: 1, title: `history/${p.kind}`, message: p.message, fix: p.remedy })),
      );
    }
    return check;
  }).catch((error) => ({ status: 'fail', detail: failedDetail(error) }) as Check);
  void guardCheck;
  const mergedNames = new Set(guard?.merged ?? []);
  const newMigrations = head.migrations.filter((m) => !mergedNames.has(m.name));
  const baseMigrations = head.migrations.filter((m) => mergedNames.has(m.name));

  for (const m of newMigrations) addCodeBlock(report, { title: `${m.name}/migration.sql`, language: 'sql', code: m.sql, collapsed: true });

  log(`Starting PostgreSQL${settings.databaseUrl ? ' (given server)' : settings.postgresVersion ? ` ${settings.postgresVersion}` : ''}…`);
  const startedAt = Date.now();
  const server = await acquirePostgres({ databaseUrl: settings.databaseUrl, major: settings.postgresVersion, log });
  report.timings = { ...(report.timings ?? {}), 'PostgreSQL start': Date.now() - startedAt };
  const dbs: Databases = { server, created: [] };
  let fromScratch: ConnectionSettings | undefined;
  try {
    // 2. From scratch.
    await runCheck(report, 'Apply from scratch', async (check) => {
      fromScratch = await newDatabase(dbs, 'scratch', schema);
      const result = await applyMigrations({ connection: fromScratch, migrations: head.migrations, engine: settings.engine, log });
      check.detail = `${result.applied.length} migrations applied on an empty database in ${Math.round(result.durationMs)} ms (${settings.engine} engine).`;
    }).catch((error) => addFindings(report, [errorFinding(error)]));

    // 3. Upgrade path with data (+ 6. rollback rehearsal).
    await upgradePath(report, settings, context, dbs, schema, head.migrations, baseMigrations, newMigrations, guard);

    // 4. schema.prisma agreement.
    await schemaAgreement(report, settings, dbs, schema, fromScratch);

    // 5. Lint.
    await runCheck(report, 'Lint', async (check) => {
      if (!newMigrations.length) {
        check.status = 'skip';
        check.detail = 'No new migrations to lint.';
        return;
      }
      const lint = await lintMigrations({
        migrations: newMigrations.map(toSource),
        existing: baseMigrations.map(toSource),
        engine: settings.engine,
        serverMajor: server.major || undefined,
        log,
      });
      const findings = lint.findings.map((f) => lintToReportFinding(f, settings.failOn));
      addFindings(report, findings);
      const errors = findings.filter((f) => f.severity === 'error').length;
      check.status = errors ? 'fail' : lint.findings.length ? 'warn' : 'pass';
      check.detail = `${lint.statementsLinted} statements in ${lint.migrationsLinted} migrations: ${lint.summary.error} error(s), ${lint.summary.warning} warning(s), ${lint.summary.notice} notice(s); ${lint.silenced.length} silenced.`;
      check.items = lint.silenced.map((s) => `${s.ruleId} silenced at ${s.file}:${s.line} — ${s.reason}`);
    }).catch((error) => addFindings(report, [errorFinding(error)]));

    // The tables the change touches, as an ER diagram.
    if (fromScratch && newMigrations.length) {
      const names = await touchedTables(newMigrations);
      const snap = await snapshotOf(fromScratch).catch(() => undefined);
      if (snap && names.size) report.mermaid = mermaidErDiagram(erTablesFor(snap, names));
    }
  } finally {
    await server.stop().catch(() => undefined);
  }

  finishReport(report);
  const findingCount = report.findings.length;
  const outputs = {
    result: report.verdict === 'fail' ? 'fail' : 'pass',
    'new-migrations': newMigrations.map((m) => m.name).join('\n'),
    findings: findingCount,
  };
  report.outputs = outputs;
  report.data = { newMigrations: newMigrations.map((m) => m.name), merged: [...mergedNames], guard: guard?.problems ?? [] };
  await postComment(report, settings, context);
  return { report, exitCode: report.verdict === 'fail' ? EXIT.failed : EXIT.ok, outputs };
}

function toSource(m: LocalMigration) {
  return { name: m.name, path: path.relative(process.cwd(), m.sqlPath) || m.sqlPath, sql: m.sql };
}

function errorFinding(error: unknown): Finding {
  const e = error instanceof MigrateActionsError ? error : undefined;
  return {
    severity: 'error',
    ruleId: e?.code,
    file: e?.where?.file ? path.relative(process.cwd(), e.where.file) : undefined,
    line: e?.where?.line,
    column: e?.where?.column,
    title: e?.where?.migration ? `${e.code} in ${e.where.migration}` : (e?.code ?? 'error'),
    message: describeError(error),
    fix: e?.remedy,
  };
}

async function upgradePath(
  report: Report,
  settings: MigrationTestSettings,
  context: CommandContext,
  dbs: Databases,
  schema: string,
  all: LocalMigration[],
  base: LocalMigration[],
  added: LocalMigration[],
  guard: HistoryGuardResult | undefined,
): Promise<void> {
  const log = context.log;
  let upgraded: ConnectionSettings | undefined;
  let backupDir: string | undefined;
  let preBackup: Awaited<ReturnType<typeof createBackup>> | undefined;
  let preSnapshot: Awaited<ReturnType<typeof snapshotOf>> | undefined;
  let preCounts: Awaited<ReturnType<typeof countRows>> | undefined;
  await runCheck(report, 'Upgrade path with data', async (check) => {
    if (!guard || !base.length || !added.length) {
      check.status = 'skip';
      check.detail = !guard ? 'No base branch: nothing to upgrade from.' : !base.length ? 'The base branch has no migrations.' : 'No new migrations.';
      return;
    }
    upgraded = await newDatabase(dbs, 'upgrade', schema);
    // The base branch's own files (what production ran), not the working tree's.
    const baseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-base-'));
    try {
      const root = await import('../guard/git.js').then((g) => g.repoRoot(settings.migrationsDir));
      await materializeAtRef(root, guard.baseCommit, path.relative(root, settings.migrationsDir).split(path.sep).join('/'), baseDir);
      const baseRead = await readMigrationsDir(baseDir);
      await applyMigrations({ connection: upgraded, migrations: baseRead.migrations, engine: settings.engine, log });
    } finally {
      fs.rmSync(baseDir, { recursive: true, force: true });
    }
    const seeded = await withClient(upgraded, (client) =>
      seedDatabase(client, { schema, rowsPerTable: settings.seedRows, seedSqlFile: settings.seedSql, log }),
    );
    const skipped = seeded.tables.filter((t) => t.skipped);
    const rows = seeded.tables.reduce((sum, t) => sum + t.rows, 0);
    if (settings.rollbackRehearsal) {
      backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-rehearsal-'));
      preBackup = await createBackup({ connection: upgraded, outputDir: backupDir, prefix: 'rehearsal', verify: 'none', log });
      preSnapshot = await snapshotOf(upgraded);
      preCounts = await withClient(upgraded, countRows);
    }
    const result = await applyMigrations({ connection: upgraded, migrations: all, engine: settings.engine, log });
    check.detail = `${base.length} base migrations applied, ${rows} rows generated in ${seeded.tables.length} tables, then ${result.applied.length} new migrations applied over the data.`;
    if (skipped.length) {
      check.status = 'warn';
      check.items = skipped.map((t) => `${t.table} not filled: ${t.skipped}`);
    }
  }).catch((error) => addFindings(report, [errorFinding(error)]));

  if (!settings.rollbackRehearsal) return;
  await runCheck(report, 'Rollback rehearsal', async (check) => {
    if (!preBackup || !preSnapshot || !preCounts) {
      check.status = 'skip';
      check.detail = 'Needs the upgrade path to run first.';
      return;
    }
    const restored = await restoreBackup({ backupPath: preBackup.backupPath, connection: upgraded!, mode: 'new-database', log });
    dbs.created.push(restored.database);
    const restoredSettings = { ...upgraded!, database: restored.database };
    const after = await snapshotOf(restoredSettings);
    const diff = diffSnapshots(preSnapshot, after);
    const counts = compareRowCounts(preCounts, await withClient(restoredSettings, countRows));
    if (diff.differences.length || counts.length) {
      check.status = 'fail';
      check.items = [...diff.differences.map((d) => `${d.objectType} ${d.identity}: ${d.detail}`), ...(counts.length ? [describeDifferences(counts)] : [])];
    }
    check.detail = `Restored the pre-migration backup (${preBackup.sizeBytes} bytes) into a new database: ${diff.differences.length} catalog and ${counts.length} row-count differences from the state before the new migrations.`;
  })
    .catch((error) => addFindings(report, [errorFinding(error)]))
    .finally(() => backupDir && fs.rmSync(backupDir, { recursive: true, force: true }));
}

async function schemaAgreement(report: Report, settings: MigrationTestSettings, dbs: Databases, schema: string, fromScratch: ConnectionSettings | undefined): Promise<void> {
  await runCheck(report, 'schema.prisma agrees with the migrations', async (check) => {
    // The project's CLI (beside schema.prisma), else the one of the directory we run from.
    const cli = findPrismaCli(path.dirname(settings.schemaPath)) ?? findPrismaCli(process.cwd());
    if (!cli) {
      check.status = 'skip';
      check.detail = 'No Prisma CLI in the project\'s node_modules (install the project\'s dependencies before this step).';
      return;
    }
    if (!fromScratch) {
      check.status = 'skip';
      check.detail = 'The migrations did not apply from scratch.';
      return;
    }
    let sql: string;
    try {
      sql = await schemaToSql(cli, settings.schemaPath);
    } catch (error) {
      check.status = 'skip';
      check.detail = `The Prisma CLI could not run here: ${describeError(error)}`;
      return;
    }
    const fromSchema = await newDatabase(dbs, 'schema', schema);
    await withClient(fromSchema, async (client) => {
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '""')}"`);
      await client.query(sql);
    });
    const diff = diffSnapshots(await snapshotOf(fromSchema), await snapshotOf(fromScratch));
    const { blocking, handWritten } = prismaModelDifferences(diff.differences.filter((d) => !d.identity.includes('_prisma_migrations')));
    check.detail = `Compared the catalog of schema.prisma (prisma ${cli.version} migrate diff --from-empty) with the migrations': ${blocking.length} difference(s); ${handWritten.length} hand-written index(es) only in migrations.`;
    if (blocking.length) {
      check.status = 'fail';
      check.items = blocking.map((d) => `${d.objectType} ${d.identity} ${d.change === 'missing' ? 'is in schema.prisma but no migration creates it' : d.change === 'unexpected' ? 'is in the migrations but not in schema.prisma' : `differs: ${d.detail}`}`);
      addFindings(report, [
        {
          severity: 'error',
          ruleId: 'schema/out-of-sync',
          file: path.relative(process.cwd(), settings.schemaPath),
          title: 'schema.prisma has changes that no migration contains',
          message: check.items.join('\n'),
          fix: 'Run `npx prisma migrate dev --create-only` to generate the missing migration, review it, and commit it.',
        },
      ]);
    }
  }).catch((error) => addFindings(report, [errorFinding(error)]));
}

async function postComment(report: Report, settings: MigrationTestSettings, context: CommandContext): Promise<void> {
  const gh = context.github;
  if (!settings.comment || !gh?.services || !gh.prNumber) return;
  if (gh.eventName && !gh.eventName.startsWith('pull_request')) return;
  const outcome = await gh.services.upsertPrComment('migration-test', renderPrComment(report, { marker: 'migration-test', runUrl: gh.runUrl }));
  if (!outcome.posted) {
    report.checks.push({ name: 'PR comment', status: 'skip', detail: `Not posted: ${outcome.reason}. The job summary has the full report.` });
  }
}

export const migrationTestCommand: Command = {
  name: 'migration-test',
  summary: 'The pull request check: history guard, apply from scratch, upgrade path with data, schema.prisma agreement, lint, rollback rehearsal.',
  options: OPTIONS,
  examples: [
    'prisma-migrate-actions migration-test --base-ref origin/main',
    'prisma-migrate-actions migration-test --postgres-version 16 --seed-rows 200 --json',
  ],
  run: (values, context) => runMigrationTest(migrationTestSettings(values, context.cwd), context),
};
