/**
 * drift-check through the GitHub front end: inputs from INPUT_* variables, outputs in the
 * runner's file, and one issue per environment on GitHub's API (a real HTTP server standing in
 * for it): opened when drift appears, closed when it is gone. No secret in any channel.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { driftCheckCommand } from '../../src/commands/drift-check.js';
import { runActionCommand } from '../../src/github/action-runner.js';
import { githubServices } from '../../src/github/services.js';
import { applyMigrations } from '../../src/migrations/index.js';
import { captureRunnerLog, startFakeGitHub, type FakeGitHub } from '../helpers/github-api.js';
import { dropTestDatabases, freshDatabase, query } from '../helpers/pg.js';

const TOKEN = 'ghs_driftCheckToken0123456789abcdef';
const PASSWORD = 'Pw-for-drift-check-77c1';

function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const re = /^(.+?)<<(ghadelimiter_[^\n]+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) outputs[m[1]] = m[3];
  return outputs;
}

describe('drift-check action', () => {
  let github: FakeGitHub;
  const saved = { ...process.env };
  const runnerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-drift-action-'));
  beforeAll(async () => {
    github = await startFakeGitHub();
  });
  afterAll(async () => {
    await github.close();
    process.env = { ...saved };
    fs.rmSync(runnerDir, { recursive: true, force: true });
    await dropTestDatabases();
  });

  async function run(databaseUrl: string): Promise<{ outputs: Record<string, string>; summary: string; log: string[]; exitCode?: number }> {
    const outputFile = path.join(runnerDir, 'output');
    const summaryFile = path.join(runnerDir, 'summary.md');
    fs.writeFileSync(outputFile, '');
    fs.writeFileSync(summaryFile, '');
    Object.assign(process.env, {
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: process.cwd(),
      GITHUB_REPOSITORY: 'octo-org/app',
      GITHUB_API_URL: github.baseUrl,
      GITHUB_EVENT_NAME: 'schedule',
      GITHUB_RUN_ID: '5151',
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      'INPUT_DATABASE-URL': databaseUrl,
      'INPUT_MIGRATIONS-DIR': 'prisma/migrations',
      'INPUT_REPLAY-DATABASE-URL': process.env.PMA_TEST_PG15_URL,
      'INPUT_FAIL-ON-DRIFT': 'true',
      INPUT_ENVIRONMENT: 'staging',
      'INPUT_OPEN-ISSUE': 'true',
      'INPUT_GITHUB-TOKEN': TOKEN,
      'INPUT_REPORT-DIR': path.join(runnerDir, 'reports'),
    });
    process.exitCode = undefined;
    const capture = captureRunnerLog();
    try {
      await runActionCommand(driftCheckCommand, { services: (token) => githubServices(token, process.env) });
    } finally {
      capture.restore();
    }
    const exitCode = process.exitCode as number | undefined;
    process.exitCode = undefined;
    return {
      outputs: parseOutputs(fs.readFileSync(outputFile, 'utf8')),
      summary: fs.readFileSync(summaryFile, 'utf8'),
      log: capture.lines(),
      exitCode,
    };
  }

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
