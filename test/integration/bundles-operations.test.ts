/**
 * The committed drift-check, backup, restore and prod-deploy bundles run as GitHub's runner runs
 * them (Node 24, INPUT_* with the action.yml defaults, event payloads, the runner's files, a fake
 * GitHub API over HTTP) against real databases. Each scenario's transcript is compared with its
 * golden file in test/golden/bundles/ (`npm run test:golden-bundles` regenerates them); a bundle
 * whose action.yml renamed an input fails the comparison.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyMigrations } from '../../src/migrations/index.js';
import { withDatabase, type ConnectionSettings } from '../../src/postgres/url.js';
import { approvalEntry, startFakeGitHub, type FakeGitHub } from '../helpers/github-api.js';
import { runBundle, REPO_ROOT, type ActionName, type RunContextSpec } from '../helpers/bundle-runner.js';
import { checkGolden, expectGolden, normalise, transcript, type Placeholders } from '../helpers/bundle-golden.js';
import { dropTestDatabases, query, testServer } from '../helpers/pg.js';
import { exampleWorkspace, releaseEvent, scheduleEvent, workflowDispatchEvent, type Workspace } from '../fixtures/bundles/runner.js';

const TOKEN = 'ghs_bundleGoldenOpsToken0123456789abcdef';
const PASSWORD = 'Pw-bundle-golden-ops-81d0';
const PASSPHRASE = 'bundle-golden-passphrase-4f1b';
const GOLDEN = path.join(REPO_ROOT, 'test', 'golden', 'bundles');

function withPassword(settings: ConnectionSettings): string {
  const url = new URL(settings.url);
  url.password = PASSWORD;
  return url.toString();
}

describe('drift-check, backup, restore and prod-deploy bundles under Node 24, as the runner runs them', () => {
  let github: FakeGitHub;
  let workspace: Workspace;
  let runnerTemp: string;

  beforeAll(async () => {
    github = await startFakeGitHub();
    workspace = exampleWorkspace();
    runnerTemp = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-runner-temp-'));
  });
  afterAll(async () => {
    await github.close();
    workspace.remove();
    fs.rmSync(runnerTemp, { recursive: true, force: true });
    await dropTestDatabases();
  });

  const placeholders = (): Placeholders => ({
    literals: {
      [workspace.root]: '<workspace>',
      [runnerTemp]: '<runner-temp>',
      [REPO_ROOT]: '<repo>',
      [github.baseUrl]: '<api>',
      [os.tmpdir()]: '<tmp>',
      [TOKEN]: '<token>',
      [PASSWORD]: '<password>',
      [PASSPHRASE]: '<passphrase>',
    },
  });

  /** A database on the test server at main's history (every migration but the pull request's). */
  async function databaseAtMain(name: string): Promise<ConnectionSettings> {
    const db = await (await testServer(15)).createDatabase(name);
    workspace.checkout(workspace.commits.main);
    await applyMigrations({ connection: db, dir: path.join(workspace.root, 'prisma', 'migrations') });
    return db;
  }

  interface Step {
    title: string;
    action: ActionName;
    context: RunContextSpec;
    with: Record<string, string>;
    actionYml?: string;
    extra?: () => Promise<string>;
  }

  async function step(s: Step): Promise<string> {
    const first = github.requests.length;
    const run = await runBundle({
      action: s.action,
      with: s.with,
      context: s.context,
      workspace: workspace.root,
      runnerTemp,
      apiUrl: github.baseUrl,
      token: TOKEN,
      actionYml: s.actionYml,
    });
    const requests = github.requests.slice(first);
    const visible = [
      run.summary,
      JSON.stringify(run.outputs),
      JSON.stringify(requests.map((r) => r.body ?? null)),
      ...run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::')),
    ].join('\n');
    for (const secret of [PASSWORD, TOKEN, PASSPHRASE]) expect(visible).not.toContain(secret);
    if (run.exitCode !== 0 && run.exitCode !== 1) throw new Error(`The bundle crashed (${run.exitCode}):\n${run.stderr}`);
    const extra = s.extra ? await s.extra() : undefined;
    return normalise(transcript({ title: s.title, run, requests, extra }, TOKEN), placeholders());
  }

  test('drift-check on schedule: the drift issue is opened, updated, then closed', async () => {
    const db = await databaseAtMain('bundle_drift');
    const sha = workspace.commits.main;
    const drift = (title: string, runId: number): Step => ({
      title,
      action: 'drift-check',
      context: scheduleEvent({ sha, runId }),
      with: {
        'database-url': withPassword(db),
        'replay-database-url': process.env.PMA_TEST_PG15_URL!,
        environment: 'production',
        'open-issue': 'true',
      },
    });
    await query(db, 'ALTER TABLE "tasks" ADD COLUMN "hotfix_note" TEXT');
    const opened = await step(drift('schedule: a hotfix column appeared (issue opened)', 9101));
    await query(db, 'CREATE INDEX "tasks_title_idx" ON "tasks" ("title")');
    const updated = await step(drift('schedule: and an index (issue updated)', 9102));
    await query(db, 'DROP INDEX "tasks_title_idx"; ALTER TABLE "tasks" DROP COLUMN "hotfix_note"');
    const closed = await step(drift('schedule: repaired (issue closed)', 9103));
    expect(github.issues).toHaveLength(1);
    expect(github.issues[0].state).toBe('closed');
    expectGolden(path.join(GOLDEN, 'drift-check.schedule.md'), [opened, updated, closed].join('\n'));
  }, 300_000);

  test('prod-deploy on workflow_dispatch (approval read, backup, apply, deployment status); release dry-run on staging', async () => {
    const production = await databaseAtMain('bundle_production');
    const staging = await databaseAtMain('bundle_staging');
    const sha = workspace.commits['pr7-synchronize'];
    workspace.checkout(sha);
    github.approvals.set(9201, [approvalEntry('release-manager', 'approved', 'production', 'Ship it')]);
    github.addDeployment('production', sha);
    const deploy = await step({
      title: 'workflow_dispatch: deploy to production',
      action: 'prod-deploy',
      context: workflowDispatchEvent({ sha, inputs: { environment: 'production' }, runId: 9201 }),
      with: {
        'database-url': withPassword(production),
        environment: 'production',
        'backup-dir': path.join(runnerTemp, 'deploy-backups'),
        'backup-passphrase': PASSPHRASE,
      },
      extra: async () =>
        JSON.stringify(await query(production, 'SELECT migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1')),
    });
    const plan = await step({
      title: 'release published: dry run on staging',
      action: 'prod-deploy',
      context: releaseEvent({ sha, tag: 'v1.4.0', runId: 9202 }),
      with: { 'database-url': withPassword(staging), environment: 'staging', 'dry-run': 'true', 'skip-backup': 'true' },
    });
    expectGolden(path.join(GOLDEN, 'prod-deploy.dispatch-and-release.md'), `${deploy}\n${plan}`);
  }, 300_000);

  const backupStep = (db: ConnectionSettings, actionYml?: string, passphraseInput = 'passphrase'): Step => ({
    title: 'workflow_dispatch: encrypted backup',
    action: 'backup',
    context: workflowDispatchEvent({ sha: workspace.commits.main, inputs: { reason: 'before maintenance' }, runId: 9301 }),
    with: {
      'database-url': withPassword(db),
      'output-dir': path.join(runnerTemp, 'backups'),
      prefix: 'app',
      [passphraseInput]: PASSPHRASE,
    },
    actionYml,
  });

  test('backup then restore on workflow_dispatch: encrypted, verified, restored into a new database', async () => {
    const db = await databaseAtMain('bundle_backup_source');
    await query(
      db,
      `INSERT INTO users (id, email, display_name, time_zone, updated_at) VALUES (gen_random_uuid(), 'a@example.com', 'A', 'UTC', now())`,
    );
    fs.rmSync(path.join(runnerTemp, 'backups'), { recursive: true, force: true });
    const backup = await step({ ...backupStep(db), extra: async () => fs.readdirSync(path.join(runnerTemp, 'backups')).sort().join('\n') });
    const backupPath = fs.readdirSync(path.join(runnerTemp, 'backups')).find((f) => f.endsWith('.gpg'))!;
    const restore = await step({
      title: 'workflow_dispatch: restore into a new database',
      action: 'restore',
      context: workflowDispatchEvent({ sha: workspace.commits.main, inputs: {}, runId: 9302 }),
      with: {
        'database-url': withPassword(db),
        'backup-path': path.join(runnerTemp, 'backups', backupPath),
        passphrase: PASSPHRASE,
        'new-database-name': 'bundle_restored',
      },
      extra: async () => {
        return JSON.stringify(await query(withDatabase(db, 'bundle_restored'), 'SELECT email FROM users'));
      },
    });
    expectGolden(path.join(GOLDEN, 'backup-restore.dispatch.md'), `${backup}\n${restore}`);

    // A bundle whose action.yml renamed an input (the workflow follows action.yml, the bundle
    // still reads the old name): the backup comes out unencrypted and the golden file catches it.
    if (process.env.UPDATE_GOLDEN !== '1') {
      const renamedYml = fs
        .readFileSync(path.join(REPO_ROOT, 'actions', 'backup', 'action.yml'), 'utf8')
        .replace(/^ {2}passphrase:/m, '  encryption-passphrase:');
      fs.rmSync(path.join(runnerTemp, 'backups'), { recursive: true, force: true });
      const broken = await step({
        ...backupStep(db, renamedYml, 'encryption-passphrase'),
        extra: async () => fs.readdirSync(path.join(runnerTemp, 'backups')).sort().join('\n'),
      });
      const check = checkGolden(path.join(GOLDEN, 'backup-restore.dispatch.md'), `${broken}\n${restore}`);
      expect(check.matches).toBe(false);
      expect(check.message).toMatch(/regenerate with: npm run test:golden-bundles/);
      expect(check.message).toMatch(/\.sql\.custom\.gpg/);
    }
  }, 300_000);
});
