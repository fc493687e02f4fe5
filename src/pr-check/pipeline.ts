/**
 * The pull request check: every step is a check in one Report; a step that cannot run (no git
 * history, no Prisma CLI) is skipped with the reason, never faked. The history guard runs while
 * PostgreSQL starts; then, on that server, apply-from-scratch, the upgrade path (with the rollback
 * rehearsal), schema.prisma agreement and lint run concurrently; the first two start from one
 * database at the base branch's state when the pull request only adds migrations.
 */
import path from 'node:path';
import { describeError } from '../errors.js';
import { acquirePostgres } from '../postgres/ephemeral.js';
import { readMigrationsDir, type LocalMigration } from '../migrations/reader.js';
import type { HistoryGuardResult } from '../guard/history-guard.js';
import { findPrismaCli, findPrismaConfig } from '../prisma/cli.js';
import { addCodeBlock, addFindings, createReport, recordTiming, type Report } from '../report/model.js';
import { mermaidErDiagram } from '../report/render.js';
import { historyGuard } from './history-step.js';
import { lintNewMigrations } from './lint-step.js';
import { fromScratch, upgradePath } from './upgrade-path.js';
import { prismaSchemaSql, schemaAgreement, settledSchemaSql } from './schema-agreement.js';
import { touchedTables, erTablesFor } from './touched-tables.js';
import { CHECK_ORDER, errorFinding, snapshotOf, type PrCheckRun, type PrismaProject } from './run.js';
import type { MigrationTestSettings, PrCheckEnvironment } from './types.js';
import { parseDatabaseUrl } from '../postgres/url.js';
import { assertMigrationTarget } from '../postgres/target.js';
import { rehearseAtScale } from './scale-rehearsal-step.js';
import type { RehearsalData } from '../rehearsal/index.js';

export interface PrCheckResult {
  /** Checks, findings, code blocks, ER diagram and timings; the caller finishes it. */
  report: Report;
  /** The migrations the pull request adds (not merged on the base branch). */
  newMigrations: LocalMigration[];
  guard?: HistoryGuardResult;
  /** The rehearsal at production scale, when it ran. */
  rehearsal?: RehearsalData;
}

export async function runPrCheck(settings: MigrationTestSettings, env: PrCheckEnvironment): Promise<PrCheckResult> {
  const started = Date.now();
  const report = createReport('migration-test', 'Migration test');
  const log = env.log;
  const given = settings.databaseUrl ? parseDatabaseUrl(settings.databaseUrl) : undefined;
  const schema = given?.schema ?? 'public';
  if (given) await assertMigrationTarget(given, 'migration-test'); // it creates and migrates databases there

  // The history is read first: an unreadable one (wrong provider in migration_lock.toml, bad
  // folder) stops before any database work, after the guard has said what changed.
  const head = await readMigrationsDir(settings.migrationsDir).catch((error: unknown) => ({ error }));
  if ('error' in head) {
    const guard = await historyGuard(report, settings, env);
    report.checks.push({ name: 'Read the migrations', status: 'fail', detail: describeError(head.error) });
    addFindings(report, [errorFinding({ settings, env }, head.error)]);
    recordTiming(report, 'Total', Date.now() - started);
    return { report, newMigrations: [], guard };
  }
  // The project's CLI (beside schema.prisma), else the one of the directory we run from.
  const cli = findPrismaCli(path.dirname(settings.schemaPath)) ?? findPrismaCli(env.cwd);
  const prisma: PrismaProject = { cli, configPath: cli ? findPrismaConfig(settings.schemaPath, env.cwd) : undefined };
  // Without a driver-adapter config, schema.prisma → SQL needs no database: it runs while PostgreSQL starts.
  const earlySql = cli && !prisma.configPath ? settledSchemaSql(cli, settings.schemaPath, {}) : undefined;

  // PostgreSQL starts while the guard asks git what the base branch holds.
  log(`Starting PostgreSQL${settings.databaseUrl ? ' (given server)' : settings.postgresVersion ? ` ${settings.postgresVersion}` : ''}…`);
  const startedAt = Date.now();
  let startMs = 0;
  const starting = acquirePostgres({ databaseUrl: settings.databaseUrl, major: settings.postgresVersion, log }).then((server) => {
    startMs = Date.now() - startedAt;
    return server;
  });
  starting.catch(() => undefined); // awaited below, after the guard
  const guard = await historyGuard(report, settings, env);
  const mergedNames = new Set(guard?.merged ?? []);
  const newMigrations = head.migrations.filter((m) => !mergedNames.has(m.name));
  const baseMigrations = head.migrations.filter((m) => mergedNames.has(m.name));
  for (const m of newMigrations) addCodeBlock(report, { title: `${m.name}/migration.sql`, language: 'sql', code: m.sql, collapsed: true });
  const server = await starting;
  recordTiming(report, 'PostgreSQL start', startMs);
  const run: PrCheckRun = { settings, env, report, server, schema, prisma };
  let rehearsal: RehearsalData | undefined;
  try {
    // Independent steps on separate databases run concurrently: PostgreSQL, the Prisma CLI and the linter overlap.
    // The Prisma CLI is the longest of them, so it starts first (see prismaSchemaSql for the database it gets).
    const schemaSql = prismaSchemaSql(run, earlySql);
    const scratch = fromScratch(run, head.migrations, baseMigrations, newMigrations, guard);
    const concurrent = Promise.all([
      upgradePath(run, head.migrations, baseMigrations, newMigrations, guard),
      scratch.then((db) => schemaAgreement(run, db, schemaSql)),
      lintNewMigrations(run, newMigrations, baseMigrations),
      // The tables the change touches, as an ER diagram.
      scratch.then(async (db) => {
        if (!db || !newMigrations.length) return;
        const names = await touchedTables(newMigrations);
        const snap = names.size ? await snapshotOf(db).catch(() => undefined) : undefined;
        if (snap) report.mermaid = mermaidErDiagram(erTablesFor(snap, names));
      }),
    ]);
    // The rehearsal fills its database meanwhile, but traces the new migrations alone, after the
    // concurrent steps: their load would distort what it measures.
    const quiet = concurrent.then(
      () => undefined,
      () => undefined,
    );
    const rehearsed = rehearseAtScale(run, baseMigrations, newMigrations, guard, quiet);
    // Both settle before the server stops, whatever happens to either.
    const settled = await Promise.allSettled([concurrent, rehearsed]);
    for (const outcome of settled) if (outcome.status === 'rejected') throw outcome.reason;
    rehearsal = await rehearsed;
  } finally {
    await server.stop().catch(() => undefined);
  }
  report.checks.sort((a, b) => CHECK_ORDER.indexOf(a.name) - CHECK_ORDER.indexOf(b.name));
  recordTiming(report, 'Total', Date.now() - started);
  return { report, newMigrations, guard, rehearsal };
}
