/**
 * drift-check through the GitHub front end: inputs from INPUT_* variables, outputs in the
 * runner's file, and one issue per environment on GitHub's API (a real HTTP server standing in
 * for it): opened when drift appears, closed when it is gone. No secret in any channel.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { driftCheckCommand } from '../../src/commands/drift-check.js';
import { githubServices } from '../../src/github/services.js';
import { applyMigrations } from '../../src/migrations/index.js';
import { startFakeGitHub, type FakeGitHub } from '../helpers/github-api.js';
import { runAsAction } from '../helpers/action-runner.js';
import { dropTestDatabases, freshDatabase, query } from '../helpers/pg.js';

const TOKEN = 'ghs_driftCheckToken0123456789abcdef';
const PASSWORD = 'Pw-for-drift-check-77c1';

describe('drift-check action', () => {
  let github: FakeGitHub;
  const runnerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-drift-action-'));
  beforeAll(async () => {
    github = await startFakeGitHub();
  });
  afterAll(async () => {
    await github.close();
    fs.rmSync(runnerDir, { recursive: true, force: true });
    await dropTestDatabases();
  });

  const run = (databaseUrl: string) =>
    runAsAction(driftCheckCommand, {
      runnerDir,
      services: (token) => githubServices(token, process.env),
      env: {
        GITHUB_WORKSPACE: process.cwd(),
        GITHUB_REPOSITORY: 'octo-org/app',
        GITHUB_API_URL: github.baseUrl,
        GITHUB_EVENT_NAME: 'schedule',
        GITHUB_RUN_ID: '5151',
      },
      inputs: {
        'database-url': databaseUrl,
        'migrations-dir': 'prisma/migrations',
        'replay-database-url': process.env.PMA_TEST_PG15_URL!,
        'fail-on-drift': 'true',
        environment: 'staging',
        'open-issue': 'true',
        'github-token': TOKEN,
        'report-dir': path.join(runnerDir, 'reports'),
      },
    });

  test('drift opens one issue for the environment, its repair closes it; outputs and summary say so', async () => {
    const db = await freshDatabase();
    await applyMigrations({ connection: db, dir: 'prisma/migrations' });
    const url = new URL(db.url);
    url.password = PASSWORD;

    await query(db, 'ALTER TABLE "tasks" ADD COLUMN "hotfix_note" TEXT');
    const drifted = await run(url.toString());
    expect(drifted.outputs).toMatchObject({ drift: 'true', 'drift-count': '1', 'pending-count': '0' });
    expect(drifted.exitCode).toBe(1);
    expect(drifted.summary).toContain('hotfix_note');
    expect(github.issues.filter((i) => i.state === 'open')).toHaveLength(1);
    expect(github.issues[0].title).toBe('Schema drift in staging');
    expect(github.issues[0].body).toContain('hotfix_note');

    await query(db, 'ALTER TABLE "tasks" DROP COLUMN "hotfix_note"');
    const clean = await run(url.toString());
    expect(clean.outputs).toMatchObject({ drift: 'false', 'drift-count': '0' });
    expect(clean.exitCode).toBeUndefined();
    expect(github.issues).toHaveLength(1);
    expect(github.issues[0].state).toBe('closed');

    // `::add-mask::` lines are how the runner learns what to mask: the one place a secret belongs.
    const logs = [...drifted.log, ...clean.log].filter((line) => !line.startsWith('::add-mask::'));
    const report = fs.readFileSync(clean.outputs['report-json'], 'utf8');
    for (const text of [drifted.summary, clean.summary, ...logs, JSON.stringify(github.issues), report]) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(TOKEN);
    }
  }, 60_000);
});
