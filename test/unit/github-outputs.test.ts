import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { emitAnnotations, registerSecretsWithActions, setOutputs, writeJobSummary } from '../../src/github/outputs.js';
import { readRunContext, parseRepo, createGitHubClient } from '../../src/github/client.js';
import { registerSecret } from '../../src/postgres/redact.js';
import { isMigrateActionsError } from '../../src/errors.js';
import { captureRunnerLog } from '../helpers/github-api.js';

const dir = mkdtempSync(path.join(tmpdir(), 'pma-github-'));
const secret = 'outputs-secret-4711';
beforeAll(() => registerSecret(secret));

/** Parses the runner's GITHUB_OUTPUT file (name<<DELIMITER … DELIMITER). */
function readOutputFile(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i]);
    if (!match) continue;
    const value: string[] = [];
    while (lines[++i] !== match[2]) value.push(lines[i]);
    out[match[1]] = value.join('\n');
  }
  return out;
}

describe('outputs and job summary', () => {
  const saved = { GITHUB_OUTPUT: process.env.GITHUB_OUTPUT, GITHUB_STEP_SUMMARY: process.env.GITHUB_STEP_SUMMARY };
  afterEach(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  test('setOutputs writes every value to GITHUB_OUTPUT as text, secrets masked, undefined skipped', () => {
    const file = path.join(dir, 'output');
    writeFileSync(file, '');
    process.env.GITHUB_OUTPUT = file;
    setOutputs({ result: 'fail', 'applied-count': 3, drift: false, 'report-json': `/tmp/${secret}.json`, skipped: undefined });
    expect(readOutputFile(file)).toEqual({ result: 'fail', 'applied-count': '3', drift: 'false', 'report-json': '/tmp/***.json' });
  });

  test('writeJobSummary appends redacted Markdown; false outside a runner', async () => {
    delete process.env.GITHUB_STEP_SUMMARY;
    expect(await writeJobSummary('# x')).toBe(false);
    const file = path.join(dir, 'summary.md');
    writeFileSync(file, 'earlier step\n');
    process.env.GITHUB_STEP_SUMMARY = file;
    expect(await writeJobSummary(`## ✅ passed ${secret}`)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('earlier step\n## ✅ passed ***\n');
  });

  test('emitAnnotations: one workflow command per annotation with file and line properties', () => {
    const log = captureRunnerLog();
    try {
      emitAnnotations([
        {
          level: 'error',
          file: 'prisma/migrations/1_a/migration.sql',
          startLine: 3,
          startColumn: 5,
          title: 'rule: title',
          message: `bad ${secret}\nsecond line`,
        },
        { level: 'warning', file: 'b.sql', startLine: 1, endLine: 4, title: 't', message: 'w' },
        { level: 'notice', file: 'c.sql', startLine: 2, title: 'n', message: 'n' },
      ]);
    } finally {
      log.restore();
    }
    expect(log.lines()).toEqual([
      '::error title=rule%3A title,file=prisma/migrations/1_a/migration.sql,line=3,col=5::bad ***%0Asecond line',
      '::warning title=t,file=b.sql,line=1,endLine=4::w',
      '::notice title=n,file=c.sql,line=2::n',
    ]);
  });
});

describe('run context', () => {
  test('repo, run URL and the PR number from the event payload', () => {
    const event = path.join(dir, 'event.json');
    writeFileSync(event, JSON.stringify({ action: 'synchronize', number: 17, pull_request: { number: 17, head: { sha: 'abc' } } }));
    const context = readRunContext({
      GITHUB_REPOSITORY: 'octo-org/app',
      GITHUB_RUN_ID: '123456',
      GITHUB_RUN_ATTEMPT: '2',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      GITHUB_SERVER_URL: 'https://ghe.example.com/',
      GITHUB_API_URL: 'https://ghe.example.com/api/v3',
      GITHUB_SHA: 'abc',
      GITHUB_ACTOR: 'alice',
    });
    expect(context).toEqual({
      repo: { owner: 'octo-org', repo: 'app' },
      eventName: 'pull_request',
      runId: 123456,
      runAttempt: 2,
      prNumber: 17,
      sha: 'abc',
      actor: 'alice',
      serverUrl: 'https://ghe.example.com',
      apiUrl: 'https://ghe.example.com/api/v3',
      runUrl: 'https://ghe.example.com/octo-org/app/actions/runs/123456',
    });
  });

  test('issue_comment on a PR has a PR number; on a plain issue, a push or no payload none', () => {
    const onPr = path.join(dir, 'comment-pr.json');
    writeFileSync(onPr, JSON.stringify({ issue: { number: 9, pull_request: { url: 'x' } } }));
    const onIssue = path.join(dir, 'comment-issue.json');
    writeFileSync(onIssue, JSON.stringify({ issue: { number: 10 } }));
    expect(readRunContext({ GITHUB_EVENT_PATH: onPr }).prNumber).toBe(9);
    expect(readRunContext({ GITHUB_EVENT_PATH: onIssue }).prNumber).toBeUndefined();
    expect(readRunContext({ GITHUB_EVENT_PATH: path.join(dir, 'missing.json') })).toMatchObject({
      prNumber: undefined,
      serverUrl: 'https://github.com',
      runUrl: undefined,
    });
  });

  test('parseRepo and a missing token are typed errors', () => {
    expect(parseRepo('octo-org/app.js')).toEqual({ owner: 'octo-org', repo: 'app.js' });
    expect(() => parseRepo('just-a-name')).toThrow(/not a repository in the form owner\/name/);
    let error: unknown;
    try {
      createGitHubClient({ token: '' });
    } catch (e) {
      error = e;
    }
    expect(isMigrateActionsError(error, 'E_GITHUB_TOKEN_MISSING')).toBe(true);
  });
});

describe('runner log masking', () => {
  let log: ReturnType<typeof captureRunnerLog>;
  beforeEach(() => {
    log = captureRunnerLog();
  });
  afterEach(() => log.restore());

  test('registered secrets, earlier and later, are masked in the runner log via ::add-mask::', () => {
    registerSecret('early-secret-value');
    registerSecretsWithActions();
    registerSecretsWithActions(); // idempotent: each secret masked once
    registerSecret('late-secret-value');
    const masks = log.lines().filter((line) => line.startsWith('::add-mask::'));
    expect(masks).toContain('::add-mask::early-secret-value');
    expect(masks).toContain('::add-mask::late-secret-value');
    expect(masks.filter((line) => line === '::add-mask::late-secret-value')).toHaveLength(1);
  });
});
