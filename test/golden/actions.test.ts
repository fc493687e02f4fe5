/**
 * Golden files for what each action writes on GitHub: job summary, PR comment (migration-test),
 * drift issue (drift-check), annotations and step outputs, run through the real action runner
 * (INPUT_* in, the runner's files out) with GitHub's API answered by the loopback server of
 * test/helpers/github-api.ts. Regenerate with `UPDATE_GOLDEN=1 npm test -- test/golden`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { runActionCommand } from '../../src/github/action-runner.js';
import { githubServices } from '../../src/github/services.js';
import { migrationTestCommand } from '../../src/commands/migration-test.js';
import { driftCheckCommand } from '../../src/commands/drift-check.js';
import { deployCommand } from '../../src/commands/deploy.js';
import { backupCommand, restoreCommand } from '../../src/commands/backup.js';
import type { Command, CommandResult } from '../../src/commands/types.js';
import { applyMigrations } from '../../src/migrations/index.js';
import { renderConsole, renderJson } from '../../src/report/render.js';
import { approvalEntry, captureRunnerLog, startFakeGitHub, type FakeGitHub } from '../helpers/github-api.js';
import { parseOutputs } from '../helpers/action-runner.js';
import { dropTestDatabases, query, testServer } from '../helpers/pg.js';
import { exampleProject, type GitProject } from '../fixtures/migration-test/project.js';
import { expectGolden } from './golden.js';
import { REPO_ROOT, runNormaliser, workDir } from './support.js';

const TOKEN = 'ghs_goldenToken0123456789abcdef';
const PASSPHRASE = 'golden-action-passphrase-51ab';
const normaliser = runNormaliser();
normaliser.register(PASSPHRASE, '<passphrase>');
const EXAMPLE = path.join(REPO_ROOT, 'prisma', 'migrations');
const names = fs
  .readdirSync(EXAMPLE)
  .filter((n) => /^\d{14}_/.test(n))
  .sort();

let github: FakeGitHub;
let runnerDir: string;
const projects: GitProject[] = [];

beforeAll(async () => {
  github = await startFakeGitHub();
  runnerDir = workDir(normaliser, 'runner');
});
afterAll(async () => {
  await github.close();
  projects.forEach((p) => p.remove());
  await dropTestDatabases();
});

interface ActionCase {
  result?: CommandResult;
  summary: string;
  outputs: Record<string, string>;
  /** The runner's workflow commands that become annotations (::error file=…::message). */
  annotations: string[];
  exitCode?: number;
}

/** Runs a command as its action runs on GitHub: event file, INPUT_* variables, output and summary files. */
async function runAction(
  command: Command,
  inputs: Record<string, string>,
  options: { workspace: string; event?: object; runId?: number },
): Promise<ActionCase> {
  const saved = { ...process.env };
  const eventPath = path.join(runnerDir, 'event.json');
  fs.writeFileSync(eventPath, JSON.stringify(options.event ?? { ref: 'refs/heads/main' }));
  const outputFile = path.join(runnerDir, 'output');
  const summaryFile = path.join(runnerDir, 'summary.md');
  fs.writeFileSync(outputFile, '');
  fs.writeFileSync(summaryFile, '');
  Object.assign(process.env, {
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_REPOSITORY: 'octo-org/app',
    GITHUB_API_URL: github.baseUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_EVENT_NAME: options.event && 'pull_request' in options.event ? 'pull_request' : 'push',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_RUN_ID: String(options.runId ?? 4242),
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    'INPUT_GITHUB-TOKEN': TOKEN,
  });
  for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value;
  process.exitCode = undefined;
  const capture = captureRunnerLog();
  let result: CommandResult | undefined;
  try {
    result = await runActionCommand(command, { services: (token) => githubServices(token, process.env) });
  } finally {
    capture.restore();
    process.env = saved;
  }
  const exitCode = process.exitCode as number | undefined;
  process.exitCode = undefined;
  return {
    result,
    summary: fs.readFileSync(summaryFile, 'utf8'),
    outputs: parseOutputs(fs.readFileSync(outputFile, 'utf8')),
    annotations: capture.lines().filter((line) => /^::(error|warning|notice)\b/.test(line)),
    exitCode,
  };
}

function actionSections(run: ActionCase, extra: Array<[string, string | undefined]> = []): Array<[string, string | undefined]> {
  return [
    ['exit', `process.exitCode ${run.exitCode ?? 0}`],
    ['outputs.json', normaliser.json(run.outputs)],
    ['summary.md', normaliser.text(run.summary)],
    ...extra,
    ['annotations', normaliser.text(run.annotations.join('\n'))],
    ['console', run.result ? normaliser.console(renderConsole(run.result.report, { color: false })) : undefined],
    ['report.json', run.result ? normaliser.json(JSON.parse(renderJson(run.result.report))) : undefined],
  ];
}

async function database(name: string, upTo?: string) {
  const db = await (await testServer(15)).createDatabase(`golden_action_${name}`, { schema: 'public' });
  await applyMigrations({ connection: db, dir: EXAMPLE, upTo });
  return db;
}

test('migration-test on a pull request of the example project: summary, PR comment, annotations', async () => {
  // Without node_modules the schema.prisma step skips the same way everywhere (with them it depends on
  // whether Prisma can download its engines); migration-test-prisma.test.ts covers that step.
  const project = exampleProject();
  projects.push(project);
  normaliser.register(project.root, '<project>');
  const run = await runAction(
    migrationTestCommand,
    // The production-scale rehearsal measures timings and waits (not stable across runs); rehearsal.test.ts covers it.
    { 'database-url': process.env.PMA_TEST_PG15_URL!, 'base-ref': 'main', 'seed-rows': '20', rehearsal: 'off' },
    { workspace: project.root, event: { pull_request: { number: 7, base: { ref: 'main' } } } },
  );
  expect(run.exitCode).toBe(1);
  const comments = github.comments.filter((c) => c.issueNumber === 7);
  expect(comments).toHaveLength(1);
  expectGolden('actions/migration-test', actionSections(run, [['pr-comment.md', normaliser.text(comments[0].body)]]));
}, 120_000);

test('drift-check with open-issue: the drift issue opened for the environment', async () => {
  const db = await database('drift');
  await query(db, 'ALTER TABLE tasks ADD COLUMN notes text');
  const run = await runAction(
    driftCheckCommand,
    {
      'database-url': db.url,
      'migrations-dir': EXAMPLE,
      'replay-database-url': process.env.PMA_TEST_PG15_URL!,
      environment: 'production',
      'open-issue': 'true',
    },
    { workspace: runnerDir, runId: 5151 },
  );
  expect(run.exitCode).toBe(1);
  expect(github.issues).toHaveLength(1);
  const issue = github.issues[0];
  expectGolden('actions/drift-check', actionSections(run, [['issue.md', normaliser.text(`# ${issue.title}\n\n${issue.body}`)]]));
});

test('prod-deploy approved on GitHub: the last migration of the example project', async () => {
  const db = await database('deploy', names[names.length - 2]);
  github.approvals.set(6161, [approvalEntry('alice', 'approved', 'production', 'ship it')]);
  const run = await runAction(
    deployCommand,
    { 'database-url': db.url, 'migrations-dir': EXAMPLE, 'backup-dir': 'backups', 'backup-passphrase': PASSPHRASE, 'report-dir': 'report' },
    { workspace: runnerDir, runId: 6161 },
  );
  expect(run.exitCode).toBeUndefined();
  expectGolden('actions/prod-deploy', actionSections(run));
});

test('backup and restore actions', async () => {
  const db = await database('backup');
  const backup = await runAction(
    backupCommand,
    { 'database-url': db.url, 'output-dir': 'backups', prefix: 'app', passphrase: PASSPHRASE },
    { workspace: runnerDir },
  );
  expect(backup.exitCode).toBeUndefined();
  expectGolden('actions/backup', actionSections(backup));
  const restore = await runAction(
    restoreCommand,
    {
      'database-url': db.url,
      'backup-path': backup.outputs['backup-path'],
      passphrase: PASSPHRASE,
      'new-database-name': 'golden_action_restored',
    },
    { workspace: runnerDir },
  );
  expect(restore.exitCode).toBeUndefined();
  expectGolden('actions/restore', actionSections(restore));
  await query(db, 'DROP DATABASE golden_action_restored');
});
