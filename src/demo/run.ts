/**
 * The demo: the whole chain on the example project with throwaway PostgreSQL — a pull request
 * check, a staging deploy with drift found and reported, an encrypted production backup, a
 * plan, an approved deploy with its audit record, and a restore compared with production as it
 * was. Every report the actions write lands in one folder, printed last.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { startThrowawayCluster, type PostgresServer } from '../postgres/ephemeral.js';
import { withClient } from '../postgres/client.js';
import { compareMigrationNames, readMigrationsDir } from '../migrations/reader.js';
import { applyMigrations } from '../migrations/apply.js';
import { seedDatabase } from '../seed/index.js';
import { snapshotSchema } from '../catalog/snapshot.js';
import { diffSnapshots } from '../catalog/diff.js';
import { countRows, compareRowCounts } from '../backup/dbstate.js';
import { renderJson, renderMarkdown, renderPrComment } from '../report/render.js';
import type { OutputValue, Report } from '../report/model.js';
import { CHECK } from '../pr-check/run.js';

/** The commands the demo runs; src/commands/demo.ts runs them exactly as the CLI would. */
export type DemoCommandName = 'migration-test' | 'deploy' | 'drift-check' | 'backup' | 'restore';

export interface DemoCommandResult {
  report: Report;
  exitCode: number;
  outputs?: Record<string, OutputValue>;
}

/** Runs a command with flags given as a record, in `cwd`, its progress going to `log`. */
export type RunDemoCommand = (
  name: DemoCommandName,
  flags: Record<string, string>,
  cwd: string,
  log: (line: string) => void,
) => Promise<DemoCommandResult>;

export interface DemoOptions {
  /** The example project (holds prisma/schema.prisma and prisma/migrations). */
  projectDir: string;
  outputDir: string;
  print: (line: string) => void;
  color: boolean;
  runCommand: RunDemoCommand;
}

const DEMO_PASSPHRASE = 'demo-passphrase-change-me';

function paint(color: boolean, code: string, text: string): string {
  return color ? `\u001b[${code}m${text}\u001b[0m` : text;
}

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.email=demo@example.com', '-c', 'user.name=Demo', ...args], { cwd, stdio: 'ignore' });
}

/** What the simulated pull request changes on top of main. */
type PullRequestChange =
  /** main has every migration but the newest; the pull request adds it (the project as it is). */
  | 'newest-migration'
  /** main has every migration; the pull request adds a schema.prisma field and no migration for it. */
  | 'field-without-migration';

/** The second pull request's field: in schema.prisma, created by no migration. */
const UNMIGRATED_FIELD = { model: 'Reminder', line: '  snoozedUntil DateTime? @map("snoozed_until")', column: 'snoozed_until' };

/**
 * A git repository holding a copy of the example project: `main` committed, then the pull
 * request's change in the working tree. The project's node_modules is linked in, as `npm ci`
 * would have installed it, so the check finds the project's Prisma CLI and prisma.config.ts.
 */
function simulatedPullRequest(projectDir: string, workspace: string, change: PullRequestChange): { prMigration?: string } {
  fs.mkdirSync(workspace, { recursive: true });
  fs.cpSync(path.join(projectDir, 'prisma'), path.join(workspace, 'prisma'), { recursive: true });
  const modules = path.join(projectDir, 'node_modules');
  if (fs.existsSync(modules)) fs.symlinkSync(modules, path.join(workspace, 'node_modules'), 'dir');
  const migrationsDir = path.join(workspace, 'prisma', 'migrations');
  const names = fs
    .readdirSync(migrationsDir)
    .filter((n) => fs.statSync(path.join(migrationsDir, n)).isDirectory())
    .sort(compareMigrationNames);
  const prMigration = change === 'newest-migration' ? names[names.length - 1] : undefined;
  const held = path.join(workspace, '.pr-migration');
  if (prMigration) fs.renameSync(path.join(migrationsDir, prMigration), held);
  git(workspace, 'init', '-q', '-b', 'main');
  fs.writeFileSync(path.join(workspace, '.git', 'info', 'exclude'), 'node_modules\n.pr-migration\n');
  git(workspace, 'add', '-A');
  git(workspace, 'commit', '-qm', 'main: the merged history');
  if (prMigration) fs.renameSync(held, path.join(migrationsDir, prMigration));
  else addField(path.join(workspace, 'prisma', 'schema.prisma'));
  return { prMigration };
}

/** Adds UNMIGRATED_FIELD among the scalar fields of its model (before the first blank line). */
function addField(schemaPath: string): void {
  const schema = fs.readFileSync(schemaPath, 'utf8');
  const model = schema.indexOf(`model ${UNMIGRATED_FIELD.model} {`);
  const blank = model < 0 ? -1 : schema.indexOf('\n\n', model);
  if (blank < 0) throw new Error(`The demo expects model ${UNMIGRATED_FIELD.model} in ${schemaPath}.`);
  fs.writeFileSync(schemaPath, `${schema.slice(0, blank + 1)}${UNMIGRATED_FIELD.line}${schema.slice(blank)}`);
}

export async function runDemo(options: DemoOptions): Promise<{ outputDir: string; ok: boolean }> {
  const { print, color } = options;
  const started = Date.now();
  const out = options.outputDir;
  fs.mkdirSync(out, { recursive: true });
  const logFile = path.join(out, 'demo.log');
  const appendLog = (line: string): void => fs.appendFileSync(logFile, `${line}\n`);
  const runCommand = (name: DemoCommandName, flags: Record<string, string>, cwd: string) => options.runCommand(name, flags, cwd, appendLog);
  const save = (name: string, result: DemoCommandResult): void => {
    fs.writeFileSync(path.join(out, `${name}.json`), renderJson(result.report) + '\n');
    fs.writeFileSync(path.join(out, `${name}.summary.md`), renderMarkdown(result.report) + '\n');
  };
  const heading = (n: number, text: string): void => print(`\n${paint(color, '1', `${n}. ${text}`)}`);
  const line = (ok: boolean | 'warn', text: string): void =>
    print(`   ${ok === 'warn' ? paint(color, '33', '!') : ok ? paint(color, '32', '✔') : paint(color, '31', '✖')} ${text}`);
  const expectations: boolean[] = [];
  const expect = (condition: boolean, text: string, warnOnly = false): void => {
    expectations.push(condition || warnOnly);
    line(condition ? true : warnOnly ? 'warn' : false, text);
  };

  print(paint(color, '1', 'prisma-migrate-actions demo') + ` — example project: ${path.join(options.projectDir, 'prisma')}`);
  // Inside the output folder; each has the project's node_modules linked in (its Prisma CLI).
  const workspace = path.join(out, 'pull-request-repo');
  const secondWorkspace = path.join(out, 'pull-request-2-repo');
  let server: PostgresServer | undefined;
  try {
    const prMigration = simulatedPullRequest(options.projectDir, workspace, 'newest-migration').prMigration ?? '';
    simulatedPullRequest(options.projectDir, secondWorkspace, 'field-without-migration');
    const migrationTest = async (name: string, cwd: string): Promise<DemoCommandResult> => {
      const result = await runCommand(
        'migration-test',
        { 'migrations-dir': 'prisma/migrations', 'schema-path': 'prisma/schema.prisma', 'base-ref': 'main', 'seed-rows': '50' },
        cwd,
      );
      save(name, result);
      fs.writeFileSync(path.join(out, `${name}.pr-comment.md`), renderPrComment(result.report, { marker: 'migration-test' }) + '\n');
      for (const check of result.report.checks)
        line(
          check.status === 'fail' ? false : check.status === 'pass' ? true : 'warn',
          `${check.name}: ${check.status}${check.detail ? ` — ${check.detail.split('\n')[0]}` : ''}`,
        );
      return result;
    };
    // A skipped schema step (no Prisma CLI installed) is shown with its reason; it does not fail the demo.
    const schemaCheck = (result: DemoCommandResult) => result.report.checks.find((c) => c.name === CHECK.schema);

    // 1. The pull request check.
    heading(1, `Pull request check (migration-test): main + ${prMigration}`);
    print('   starting a throwaway PostgreSQL, applying from scratch and the upgrade path with data…');
    const test = await migrationTest('migration-test', workspace);
    const flagged = test.report.findings.filter((f) => f.file?.includes(prMigration));
    expect(
      flagged.length > 0,
      `the linter flags the risky migration: ${flagged.map((f) => `${f.ruleId} at line ${f.line}`).join(', ') || 'nothing'}`,
    );
    const agreed = schemaCheck(test);
    expect(
      agreed?.status === 'pass',
      `schema.prisma agrees with the migrations: ${agreed?.status ?? 'not run'}`,
      agreed?.status === 'skip',
    );

    // 2. A pull request whose schema.prisma has a field no migration creates.
    heading(2, `Pull request check (migration-test): main + a ${UNMIGRATED_FIELD.model} field in schema.prisma, no migration`);
    print(
      `   the pull request adds \`${UNMIGRATED_FIELD.line.trim()}\` to model ${UNMIGRATED_FIELD.model} and forgets \`prisma migrate dev\`…`,
    );
    const second = await migrationTest('migration-test-unmigrated-field', secondWorkspace);
    const disagreed = schemaCheck(second);
    const caught = disagreed?.status === 'fail' && (disagreed.items ?? []).some((item) => item.includes(UNMIGRATED_FIELD.column));
    expect(
      caught,
      caught
        ? `caught, as expected: migration-test exits ${second.exitCode} and the pull request cannot merge (${(disagreed?.items ?? []).join('; ')})`
        : `the unmigrated field was not caught: schema check ${disagreed?.status ?? 'not run'}, migration-test exit ${second.exitCode}`,
      disagreed?.status === 'skip',
    );

    // Databases for staging and production at main's state, with data.
    server = await startThrowawayCluster({ log: (l) => fs.appendFileSync(logFile, `${l}\n`) });
    const head = await readMigrationsDir(path.join(workspace, 'prisma', 'migrations'));
    const base = head.migrations.filter((m) => m.name !== prMigration);
    const staging = await server.createDatabase('goal_mandala_staging');
    const production = await server.createDatabase('goal_mandala_production');
    for (const db of [staging, production]) {
      await applyMigrations({ connection: db, migrations: base });
      await withClient(db, (client) => seedDatabase(client, { schema: 'public', rowsPerTable: 200 }));
    }

    // 2. Staging: deploy, drift-check clean, a manual change, drift found.
    heading(3, 'Staging: deploy, drift check, a manual hotfix, drift check again');
    const stagingDeploy = await runCommand(
      'deploy',
      { 'database-url': staging.url, environment: 'staging', 'skip-backup': 'true', 'report-dir': out },
      workspace,
    );
    save('deploy-staging', stagingDeploy);
    expect(stagingDeploy.exitCode === 0, `deploy to staging: ${stagingDeploy.report.summary}`);
    const clean = await runCommand('drift-check', { 'database-url': staging.url }, workspace);
    save('drift-check-staging-clean', clean);
    expect(clean.outputs?.drift === false, `drift check: ${clean.report.summary}`);
    await withClient(staging, (client) =>
      client.query('ALTER TABLE "tasks" ADD COLUMN "hotfix_note" TEXT; CREATE INDEX "tasks_hotfix_idx" ON "tasks" ("hotfix_note")'),
    );
    line('warn', 'someone ran ALTER TABLE tasks ADD COLUMN hotfix_note … and CREATE INDEX by hand on staging');
    const drifted = await runCommand('drift-check', { 'database-url': staging.url }, workspace);
    save('drift-check-staging-drift', drifted);
    const objects = (drifted.report.tables?.[0]?.rows ?? []).map((r) => `${r[2]} ${r[1]} ${r[0]}`);
    expect(drifted.outputs?.drift === true, `drift found (${drifted.outputs?.['drift-count']}): ${objects.join('; ')}`);

    // 3. Production: encrypted backup, plan, approved deploy, audit record.
    heading(4, 'Production: encrypted backup, plan, approved deploy, audit record');
    const beforeSnapshot = await withClient(production, (c) => snapshotSchema(c, { schemas: ['public'] }));
    const beforeCounts = await withClient(production, countRows);
    const backupDir = path.join(out, 'backups');
    const backup = await runCommand(
      'backup',
      { 'database-url': production.url, 'output-dir': backupDir, passphrase: DEMO_PASSPHRASE, verify: 'list' },
      workspace,
    );
    save('backup', backup);
    expect(
      backup.exitCode === 0,
      `backup: ${path.basename(String(backup.outputs?.['backup-path']))} (${backup.outputs?.['size-bytes']} bytes, sha256 ${String(backup.outputs?.sha256).slice(0, 16)}…), decrypts with gpg --decrypt`,
    );
    const plan = await runCommand(
      'deploy',
      { 'database-url': production.url, environment: 'production', 'dry-run': 'true', 'require-approval': 'false', 'report-dir': out },
      workspace,
    );
    save('deploy-plan', plan);
    expect(plan.outputs?.result === 'dry-run', `plan: ${plan.report.summary}`);
    const deployed = await runCommand(
      'deploy',
      {
        'database-url': production.url,
        environment: 'production',
        'approved-by': 'demo-reviewer',
        'backup-dir': backupDir,
        'backup-passphrase': DEMO_PASSPHRASE,
        'report-dir': out,
      },
      workspace,
    );
    save('deploy-production', deployed);
    expect(deployed.outputs?.result === 'success', `deploy: ${deployed.report.summary} (approved by demo-reviewer)`);
    line(true, `audit record: ${path.relative(process.cwd(), String(deployed.outputs?.['audit-json']))}`);

    // 4. Restore the first backup and compare with production as it was.
    heading(5, 'Restore the backup into a new database and compare with production before the deploy');
    const restore = await runCommand(
      'restore',
      {
        'database-url': production.url,
        'backup-path': String(backup.outputs?.['backup-path']),
        passphrase: DEMO_PASSPHRASE,
        'new-database-name': 'goal_mandala_restored',
      },
      workspace,
    );
    save('restore', restore);
    const restored = { ...production, database: 'goal_mandala_restored' };
    const diff = diffSnapshots(beforeSnapshot, await withClient(restored, (c) => snapshotSchema(c, { schemas: ['public'] })));
    const counts = compareRowCounts(beforeCounts, await withClient(restored, countRows));
    expect(
      diff.differences.length === 0 && counts.length === 0,
      `restored ${restore.outputs?.['restored-database']}: ${diff.differences.length} catalog and ${counts.length} row-count differences from production before the deploy`,
    );
  } finally {
    await server?.stop().catch(() => undefined);
    for (const dir of [workspace, secondWorkspace]) fs.rmSync(dir, { recursive: true, force: true });
  }
  const ok = expectations.every(Boolean);
  print(
    `\n${ok ? paint(color, '32', 'Demo finished, every result as expected (the second pull request failing its check is what the check is for)') : paint(color, '31', 'Demo finished with unexpected results')} in ${((Date.now() - started) / 1000).toFixed(1)} s. Reports (summary markdown, PR comment, JSON, audit, backups):`,
  );
  print(out);
  return { outputDir: out, ok };
}
