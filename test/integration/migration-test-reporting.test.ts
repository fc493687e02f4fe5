/**
 * migration-test's reporting channels through the GitHub front end (runActionCommand): inputs
 * from INPUT_* variables, outputs and the job summary in the runner's files, annotations on the
 * runner log, one PR comment on GitHub's API (a real HTTP server standing in for it) — and no
 * secret in any of them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrationTestCommand } from '../../src/commands/migration-test.js';
import { runActionCommand } from '../../src/github/action-runner.js';
import { githubServices } from '../../src/github/services.js';
import { captureRunnerLog, forbiddenBody, startFakeGitHub, type FakeGitHub } from '../helpers/github-api.js';
import { PLAIN_SCHEMA, gitProject, type GitProject } from '../fixtures/migration-test/project.js';

const TOKEN = 'ghs_migrationTestToken0123456789abcd';
const PASSWORD = 'Pw-for-migration-test-9f3a';
const MARKER = '<!-- prisma-migrate-actions:migration-test -->';

/** The test server's URL with a password (the server trusts local connections, so any password works). */
function urlWithPassword(): string {
  const url = new URL(process.env.PMA_TEST_PG15_URL!);
  url.password = PASSWORD;
  return url.toString();
}

function project(newSql: string): GitProject {
  const made = gitProject({
    files: {
      'prisma/schema.prisma': PLAIN_SCHEMA,
      'prisma/migrations/migration_lock.toml': 'provider = "postgresql"\n',
      'prisma/migrations/20250101000000_items/migration.sql': 'CREATE TABLE items (id serial PRIMARY KEY, code text NOT NULL);\n',
    },
  });
  made.addMigration('20250301000000_change', newSql);
  return made;
}

const RISKY = 'CREATE INDEX items_code_idx ON items (code);\n';
const SAFE = 'CREATE TABLE labels (id serial PRIMARY KEY, item_id int REFERENCES items (id));\n';

interface ActionRun {
  outputs: Record<string, string>;
  summary: string;
  log: string[];
  exitCode: number | undefined;
}

describe('migration-test reporting channels', () => {
  let github: FakeGitHub;
  let runnerDir: string;
  const saved = { ...process.env };
  const projects: GitProject[] = [];

  // One runner directory for the file: @actions/core keeps the summary file's path once it has seen it.
  beforeAll(() => {
    runnerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-mt-runner-'));
  });
  beforeEach(async () => {
    github = await startFakeGitHub();
  });
  afterEach(async () => {
    await github.close();
    process.env = { ...saved };
    process.exitCode = undefined;
  });
  afterAll(() => {
    projects.forEach((p) => p.remove());
    fs.rmSync(runnerDir, { recursive: true, force: true });
  });

  async function runAction(sql: string | GitProject, eventName = 'pull_request'): Promise<ActionRun & { project: GitProject }> {
    const made = typeof sql === 'string' ? project(sql) : sql;
    if (typeof sql === 'string') projects.push(made);
    const eventPath = path.join(runnerDir, 'event.json');
    fs.writeFileSync(
      eventPath,
      JSON.stringify(eventName === 'pull_request' ? { pull_request: { number: 7, base: { ref: 'main' } } } : { ref: 'refs/heads/main' }),
    );
    const outputFile = path.join(runnerDir, 'output');
    const summaryFile = path.join(runnerDir, 'summary.md');
    fs.writeFileSync(outputFile, '');
    fs.writeFileSync(summaryFile, '');
    Object.assign(process.env, {
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: made.root,
      GITHUB_REPOSITORY: 'octo-org/app',
      GITHUB_API_URL: github.baseUrl,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_EVENT_NAME: eventName,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_RUN_ID: '4242',
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      'INPUT_DATABASE-URL': urlWithPassword(),
      'INPUT_BASE-REF': 'main',
      'INPUT_SEED-ROWS': '10',
      'INPUT_GITHUB-TOKEN': TOKEN,
    });
    process.exitCode = undefined;
    const capture = captureRunnerLog();
    try {
      await runActionCommand(migrationTestCommand, { services: (token) => githubServices(token, process.env) });
    } finally {
      capture.restore();
    }
    const exitCode = process.exitCode as number | undefined;
    process.exitCode = undefined;
    return {
      project: made,
      outputs: parseOutputs(fs.readFileSync(outputFile, 'utf8')),
      summary: fs.readFileSync(summaryFile, 'utf8'),
      log: capture.lines(),
      exitCode,
    };
  }

  test('pull_request: outputs, job summary, annotations, one PR comment updated in place; no secret anywhere', async () => {
    const first = await runAction(RISKY);
    expect(first.outputs).toMatchObject({ result: 'fail', 'new-migrations': '20250301000000_change', findings: '1' });
    const reportJson = first.outputs['report-json'];
    expect(reportJson).toBe(path.join(first.project.root, '.prisma-migrate-actions', 'migration-test.json'));
    const json = JSON.parse(fs.readFileSync(reportJson, 'utf8'));
    expect(json).toMatchObject({ kind: 'migration-test', verdict: 'fail', outputs: { result: 'fail' } });
    expect(first.exitCode).toBe(1);

    // Job summary: verdict, each check, the new SQL, the ER diagram of the touched table.
    expect(first.summary).toMatch(/Migration test/);
    for (const name of ['History guard', 'Apply from scratch', 'Upgrade path with data', 'Rollback rehearsal', 'Lint'])
      expect(first.summary).toContain(name);
    expect(first.summary).toContain('CREATE INDEX items_code_idx ON items (code);');
    expect(first.summary).toMatch(/```mermaid\s+erDiagram[\s\S]*items \{/);

    // Annotation on the migration's line.
    expect(first.log).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^::error title=lock\/create-index-non-concurrent[^:]*,file=prisma\/migrations\/20250301000000_change\/migration\.sql,line=1,/,
        ),
      ]),
    );

    // One comment, created, carrying the marker.
    const ours = () => github.comments.filter((c) => c.issueNumber === 7 && c.body.startsWith(MARKER));
    expect(ours()).toHaveLength(1);
    const commentId = ours()[0].id;
    expect(ours()[0].body).toContain('create-index-non-concurrent');

    // A second push to the PR updates the same comment.
    first.project.write('prisma/migrations/20250301000000_change/migration.sql', SAFE);
    const second = await runAction(first.project);
    expect(second.outputs.result).toBe('pass');
    expect(ours()).toHaveLength(1);
    expect(ours()[0].id).toBe(commentId);
    expect(ours()[0].body).not.toContain('create-index-non-concurrent');
    const writes = github.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
    expect(writes).toEqual(['POST /repos/octo-org/app/issues/7/comments', `PATCH /repos/octo-org/app/issues/comments/${commentId}`]);
    expect(second.exitCode).toBeUndefined();

    // The token and the URL password never leave the process.
    // …except in ::add-mask::, which tells the runner to mask them.
    expect(first.log).toEqual(expect.arrayContaining([`::add-mask::${TOKEN}`, `::add-mask::${PASSWORD}`]));
    const logs = [...first.log, ...second.log].filter((line) => !line.startsWith('::add-mask::'));
    const texts = [
      first.summary,
      second.summary,
      ...logs,
      fs.readFileSync(reportJson, 'utf8'),
      ...github.comments.map((c) => c.body),
      JSON.stringify(first.outputs),
    ];
    expect(logs.join('\n')).toMatch(/Dumping postgresql:\/\/postgres(:\*+)?@/); // the dumped database's URL is logged…
    for (const text of texts) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(PASSWORD);
    }
    expect(
      github.requests.every((r) => !JSON.stringify(r.body ?? '').includes(TOKEN) && !JSON.stringify(r.body ?? '').includes(PASSWORD)),
    ).toBe(true);
  }, 120_000);

  test('push: no PR comment is posted', async () => {
    const run = await runAction(SAFE, 'push');
    expect(run.outputs.result).toBe('pass');
    expect(github.requests).toEqual([]);
    expect(run.summary).not.toContain('PR comment');
  }, 60_000);

  test("a fork's read-only token (403): a notice in the summary, not a failure", async () => {
    github.fail('POST', /\/issues\/7\/comments$/, 403, forbiddenBody());
    const run = await runAction(SAFE);
    expect(github.requests.some((r) => r.method === 'POST')).toBe(true);
    expect(github.comments).toEqual([]);
    expect(run.outputs.result).toBe('pass');
    expect(run.exitCode).toBeUndefined();
    expect(run.summary).toMatch(/PR comment[\s\S]*Not posted/);
    expect(run.log.some((line) => line.startsWith('::error'))).toBe(false);
  }, 60_000);
});

/** GITHUB_OUTPUT's `name<<DELIMITER\nvalue\nDELIMITER` records. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of text.matchAll(/^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) out[match[1]] = match[3];
  return out;
}
