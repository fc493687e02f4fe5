/**
 * The committed migration-test bundle run as GitHub's runner runs it (Node 24, INPUT_* with the
 * action.yml defaults, event payloads, the runner's files, a fake GitHub API over HTTP), on the
 * example project as a git repository with history. Each scenario's transcript is compared
 * with its golden file in test/golden/bundles/ (`npm run test:golden-bundles` regenerates them).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { forbiddenBody, startFakeGitHub, type FakeGitHub } from '../helpers/github-api.js';
import { runBundle, REPO_ROOT, type RunContextSpec } from '../helpers/bundle-runner.js';
import { expectGolden, normalise, transcript, type Placeholders } from '../helpers/bundle-golden.js';
import { exampleWorkspace, pullRequestEvent, pushEvent, type Workspace } from '../fixtures/bundles/runner.js';

const TOKEN = 'ghs_bundleGoldenToken0123456789abcdefAB';
const PASSWORD = 'Pw-bundle-golden-mt-5c2e';
const GOLDEN = path.join(REPO_ROOT, 'test', 'golden', 'bundles');

function databaseUrl(): string {
  const url = new URL(process.env.PMA_TEST_PG15_URL!);
  url.password = PASSWORD;
  return url.toString();
}

describe('migration-test bundle under Node 24, as the runner runs it', () => {
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
  });

  const placeholders = (): Placeholders => ({
    literals: {
      [workspace.root]: '<workspace>',
      [workspace.origin]: '<origin>',
      [runnerTemp]: '<runner-temp>',
      [REPO_ROOT]: '<repo>',
      [github.baseUrl]: '<api>',
      [os.tmpdir()]: '<tmp>',
      [TOKEN]: '<token>',
      [PASSWORD]: '<password>',
    },
  });

  /** Runs one step and returns its transcript; secrets appear only in ::add-mask:: commands. */
  async function step(title: string, context: RunContextSpec, commit: string, withValues: Record<string, string> = {}): Promise<string> {
    workspace.checkout(commit);
    const first = github.requests.length;
    const run = await runBundle({
      action: 'migration-test',
      // The production-scale rehearsal measures timings and waits (not stable across runs); rehearsal.test.ts covers it.
      with: { 'database-url': databaseUrl(), 'seed-rows': '10', rehearsal: 'off', ...withValues },
      context,
      workspace: workspace.root,
      runnerTemp,
      apiUrl: github.baseUrl,
      token: TOKEN,
    });
    const requests = github.requests.slice(first);
    const visible = [
      run.summary,
      JSON.stringify(run.outputs),
      JSON.stringify(requests.map((r) => r.body ?? null)),
      ...run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::')),
    ].join('\n');
    expect(visible).not.toContain(PASSWORD);
    expect(visible).not.toContain(TOKEN);
    if (run.exitCode !== 0 && run.exitCode !== 1) throw new Error(`The bundle crashed (${run.exitCode}):\n${run.stderr}`);
    return normalise(transcript({ title, run, requests }, TOKEN), placeholders());
  }

  test('pull_request opened, then synchronize: fails on the blocking index, then passes; one comment updated in place', async () => {
    const { commits } = workspace;
    const opened = await step(
      'pull_request opened (PR 7, feature-7 → main)',
      pullRequestEvent({ action: 'opened', number: 7, headSha: commits['pr7-opened'], baseSha: commits.main, runId: 7001 }),
      commits['pr7-opened'],
    );
    const synchronize = await step(
      'pull_request synchronize (PR 7, the index moved out)',
      pullRequestEvent({
        action: 'synchronize',
        number: 7,
        headSha: commits['pr7-synchronize'],
        before: commits['pr7-opened'],
        baseSha: commits.main,
        runId: 7002,
      }),
      commits['pr7-synchronize'],
    );
    const ours = github.comments.filter((c) => c.issueNumber === 7);
    expect(ours).toHaveLength(1);
    expect(github.requests.filter((r) => r.method === 'PATCH' && /\/issues\/comments\//.test(r.path))).toHaveLength(1);
    expectGolden(path.join(GOLDEN, 'migration-test.pull-request.md'), `${opened}\n${synchronize}`);
  }, 300_000);

  test('pull_request from a fork: the read-only token cannot comment; the check still reports', async () => {
    github.fail('POST', /\/issues\/8\/comments$/, 403, forbiddenBody());
    try {
      const fork = await step(
        'pull_request opened from a fork (PR 8, contributor-8:feature-8 → main)',
        pullRequestEvent({
          action: 'opened',
          number: 8,
          headSha: workspace.commits.fork8,
          baseSha: workspace.commits.main,
          fork: true,
          runId: 8001,
        }),
        workspace.commits.fork8,
        { 'rollback-rehearsal': 'false' },
      );
      expectGolden(path.join(GOLDEN, 'migration-test.fork.md'), fork);
    } finally {
      github.clearFailures();
    }
  }, 240_000);

  test('push to the pull request branch: no pull request, so no comment; base is origin/main', async () => {
    const { commits } = workspace;
    const push = await step(
      'push to feature-7',
      pushEvent({ branch: 'feature-7', before: commits['pr7-opened'], after: commits['pr7-synchronize'], runId: 7101 }),
      commits['pr7-synchronize'],
      { comment: 'true', 'rollback-rehearsal': 'false' },
    );
    expectGolden(path.join(GOLDEN, 'migration-test.push.md'), push);
  }, 240_000);
});
