/**
 * What a deploy tells GitHub, through the loopback GitHub API: the pull requests whose
 * migrations it applied (found from a real git history of the migration folders) get one comment
 * per environment, updated in place on the next deploy; a fork's 403 is a notice; the run's
 * deployment goes in_progress → success or failure with the log URL.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { githubServices } from '../../src/github/services.js';
import type { GitHubRunContext } from '../../src/commands/types.js';
import { commentMarker } from '../../src/report/render.js';
import { forbiddenBody, pullRequestJson, startFakeGitHub, type FakeGitHub } from '../helpers/github-api.js';
import { dropTestDatabases } from '../helpers/pg.js';
import { INIT, MIGRATIONS, check, production, runDeployCommand, tempDir, writeHistory } from '../fixtures/deploy/harness.js';

afterAll(dropTestDatabases);

const TOKEN = 'ghs_NotifyGitHubToken0123456789abcdef';
const RUN_URL = 'https://github.com/octo-org/app/actions/runs/4711';
const POSTS = '20240201000000_posts';
const AGE = '20240202000000_age';
const TAGS = '20240203000000_tags';
const MORE = '20240204000000_more';
const TAGS_SQL = 'CREATE TABLE "Tag" ("id" SERIAL PRIMARY KEY, "name" TEXT NOT NULL);\n';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
  }).trim();
}

/** Commits the given paths (relative to the repository) and returns the new commit. */
function commit(repo: string, message: string, ...paths: string[]): string {
  git(repo, 'add', '--', ...paths);
  git(repo, 'commit', '-q', '-m', message);
  return git(repo, 'rev-parse', 'HEAD');
}

/**
 * A repository whose history is: INIT (#10), posts (#11), age (#12, from a fork), a README
 * change, tags in two commits (#13; the second also in an open, unmerged #14).
 */
function repositoryWithHistory(github: FakeGitHub): { repo: string; migrationsDir: string; head: string } {
  const repo = tempDir('repo');
  git(repo, 'init', '-q', '-b', 'main');
  const migrationsDir = writeHistory({ [POSTS]: MIGRATIONS.posts, [AGE]: MIGRATIONS.addColumn, [TAGS]: '-- first draft\n' }, repo);
  const rel = (name: string) => path.join('migrations', name);
  github.pulls.set(commit(repo, 'init', rel(INIT), 'migrations/migration_lock.toml'), [pullRequestJson(10)]);
  github.pulls.set(commit(repo, 'posts', rel(POSTS)), [pullRequestJson(11, { title: 'Posts' })]);
  github.pulls.set(commit(repo, 'age', rel(AGE)), [pullRequestJson(12, { title: 'Age', fork: true })]);
  fs.writeFileSync(path.join(repo, 'README.md'), 'docs\n');
  github.pulls.set(commit(repo, 'docs', 'README.md'), [pullRequestJson(15)]);
  github.pulls.set(commit(repo, 'tags draft', rel(TAGS)), [pullRequestJson(13, { title: 'Tags' })]);
  fs.writeFileSync(path.join(migrationsDir, TAGS, 'migration.sql'), TAGS_SQL);
  const head = commit(repo, 'tags', rel(TAGS));
  github.pulls.set(head, [pullRequestJson(13, { title: 'Tags' }), pullRequestJson(14, { merged: false })]);
  return { repo, migrationsDir, head };
}

function runContext(github: FakeGitHub, sha: string): GitHubRunContext {
  const env = { GITHUB_REPOSITORY: 'octo-org/app', GITHUB_RUN_ID: '4711', GITHUB_API_URL: github.baseUrl, GITHUB_SHA: sha };
  return { token: TOKEN, repository: 'octo-org/app', runId: 4711, runUrl: RUN_URL, sha, services: githubServices(TOKEN, env) };
}

const shipped = (github: FakeGitHub, pr: number, environment: string) =>
  github.comments.filter((c) => c.issueNumber === pr && c.body.startsWith(commentMarker(`shipped-${environment}`)));

describe('shipped pull requests and deployment statuses', () => {
  let github: FakeGitHub;
  beforeEach(async () => {
    github = await startFakeGitHub();
  });
  afterEach(() => github.close());

  it('comments on the merged PRs of the applied migrations, once per environment, updated in place; a fork is a notice', async () => {
    const { repo, migrationsDir, head } = repositoryWithHistory(github);
    github.fail('POST', /\/issues\/12\/comments$/, 403, forbiddenBody());
    const deployment = github.addDeployment('production', head);
    const db = await production(migrationsDir);

    const first = await runDeployCommand(db, migrationsDir, { 'github-token': TOKEN }, runContext(github, head));
    expect(first.data.outcome).toBe('success');
    // #10's migration was applied before; #14 is not merged; #15 touched no migration; #12 is a fork.
    expect([...new Set(github.comments.map((c) => c.issueNumber))].sort()).toEqual([11, 13]);
    const [posts] = shipped(github, 11, 'production');
    expect(posts.body).toContain('### 🚀 Shipped to production');
    expect(posts.body).toMatch(new RegExp(`- \`${POSTS}\`, applied \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC in \\d+ ms`));
    expect(posts.body).toContain(`Approved by alice; audit record \`${first.data.audit.id}\` ([deploy run](${RUN_URL})).`);
    expect(posts.body).not.toContain(TAGS);
    expect(shipped(github, 13, 'production')[0].body).toContain(`\`${TAGS}\``);
    const notices = check(first, 'Shipped pull requests');
    expect(notices.status).toBe('pass');
    expect(notices.items?.find((i) => i.startsWith('ℹ #12:'))).toMatch(/HTTP 403 \(Resource not accessible by integration\)/);
    expect(notices.items?.filter((i) => /^#1[13]: /.test(i))).toHaveLength(2);
    // The statuses of the job's deployment.
    expect(github.deploymentStatuses.map((s) => [s.deploymentId, s.state])).toEqual([
      [deployment.id, 'in_progress'],
      [deployment.id, 'success'],
    ]);
    expect(github.deploymentStatuses[1]).toMatchObject({
      logUrl: RUN_URL,
      description: `Applied 3 migrations: ${POSTS}, ${AGE}, ${TAGS}`,
    });
    expect(check(first, 'Deployment status').status).toBe('pass');

    // A later deploy of another migration from #11: the same comment, updated in place.
    fs.mkdirSync(path.join(migrationsDir, MORE));
    fs.writeFileSync(path.join(migrationsDir, MORE, 'migration.sql'), 'ALTER TABLE "Tag" ADD COLUMN "color" TEXT;\n');
    const next = commit(repo, 'more', path.join('migrations', MORE));
    github.pulls.set(next, [pullRequestJson(11, { title: 'Posts' })]);
    github.addDeployment('production', next);
    const second = await runDeployCommand(db, migrationsDir, { 'github-token': TOKEN }, runContext(github, next));
    expect(second.data.outcome).toBe('success');
    const updated = shipped(github, 11, 'production');
    expect(updated).toHaveLength(1);
    expect(updated[0].id).toBe(posts.id);
    expect(updated[0].body).toContain(`\`${MORE}\``);
    expect(updated[0].body).toContain(second.data.audit.id);
    expect(shipped(github, 13, 'production')[0].body).not.toContain(MORE);
  }, 120_000);

  it('another environment gets its own comment on the same PR', async () => {
    const { migrationsDir, head } = repositoryWithHistory(github);
    const staging = await production(migrationsDir);
    await runDeployCommand(
      staging,
      migrationsDir,
      { environment: 'staging', 'require-approval': 'false', 'approved-by': '' },
      runContext(github, head),
    );
    const prod = await production(migrationsDir);
    await runDeployCommand(prod, migrationsDir, { 'github-token': TOKEN }, runContext(github, head));
    expect(shipped(github, 11, 'staging')).toHaveLength(1);
    expect(shipped(github, 11, 'production')).toHaveLength(1);
    expect(shipped(github, 11, 'staging')[0].body).toContain('No approval required for staging');
    // No deployment exists for this commit: a notice, the deploy still succeeds.
    expect(
      check(await runDeployCommand(await production(migrationsDir), migrationsDir, {}, runContext(github, head)), 'Deployment status')
        .items?.[0],
    ).toMatch(/^ℹ No GitHub deployment of [0-9a-f]{7} to production was found/);
  }, 120_000);

  it('a failed deploy sets the deployment to failure with the error code; no PR is told', async () => {
    const repo = tempDir('repo');
    git(repo, 'init', '-q', '-b', 'main');
    const migrationsDir = writeHistory({ '20240201000000_broken': MIGRATIONS.atomicFailure }, repo);
    const head = commit(repo, 'all', 'migrations');
    github.pulls.set(head, [pullRequestJson(21)]);
    github.addDeployment('production', head);
    const db = await production(migrationsDir);
    const run = await runDeployCommand(db, migrationsDir, {}, runContext(github, head));
    expect(run.data.outcome).toBe('failed');
    expect(github.deploymentStatuses.map((s) => s.state)).toEqual(['in_progress', 'failure']);
    expect(github.deploymentStatuses[1].description).toMatch(new RegExp(`^Failed: ${run.data.audit.error!.code} `));
    expect(github.deploymentStatuses[1].description.length).toBeLessThanOrEqual(140);
    expect(github.comments).toEqual([]);
    expect(run.report.checks.map((c) => c.name)).not.toContain('Shipped pull requests');
  }, 60_000);

  it('a shallow checkout is a notice (fetch-depth: 0), never a failure', async () => {
    const { repo, head } = repositoryWithHistory(github);
    const clone = tempDir('shallow');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, clone]);
    const migrationsDir = path.join(clone, 'migrations');
    const db = await production(migrationsDir);
    const run = await runDeployCommand(db, migrationsDir, {}, runContext(github, head));
    expect(run.data.outcome).toBe('success');
    expect(check(run, 'Shipped pull requests').items).toEqual([expect.stringMatching(/^ℹ The checkout is shallow.*fetch-depth: 0/)]);
    expect(github.comments).toEqual([]);
  }, 60_000);
});
