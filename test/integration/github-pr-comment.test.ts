import { upsertPrComment } from '../../src/github/pr-comment.js';
import { startFakeGitHub, forbiddenBody, type FakeGitHub } from '../helpers/github-api.js';
import { describeError } from '../../src/errors.js';

const token = 'ghs_prCommentToken0123456789abcdef';
const repo = { owner: 'octo-org', repo: 'app' };
const marker = '<!-- prisma-migrate-actions:migration-test -->';

describe('upsertPrComment against GitHub’s REST API (local HTTP server)', () => {
  let github: FakeGitHub;
  beforeEach(async () => {
    github = await startFakeGitHub();
  });
  afterEach(() => github.close());

  const upsert = (body: string, prNumber = 7) =>
    upsertPrComment({ token, repo, prNumber, marker: 'migration-test', body, baseUrl: github.baseUrl });

  test('creates the comment once, then updates the same comment in place', async () => {
    github.seedComments(7, ['LGTM', 'please add a test']);
    const first = await upsert('## ✅ first run');
    expect(first).toMatchObject({ posted: true, action: 'created' });
    const second = await upsert('## ❌ second run');
    expect(second).toMatchObject({ posted: true, action: 'updated' });
    expect(second.posted && first.posted && second.commentId === first.commentId).toBe(true);

    const ours = github.comments.filter((c) => c.body.startsWith(marker));
    expect(ours).toHaveLength(1);
    expect(ours[0].body).toBe(`${marker}\n## ❌ second run`);
    expect(github.comments.map((c) => c.body)).toEqual(['LGTM', 'please add a test', `${marker}\n## ❌ second run`]);
    const writes = github.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
    expect(writes).toEqual(['POST /repos/octo-org/app/issues/7/comments', `PATCH /repos/octo-org/app/issues/comments/${ours[0].id}`]);
    // The token is sent as GitHub expects, and only in the header.
    expect(github.requests[0].headers.authorization).toBe(`token ${token}`);
  });

  test('a marker already carried by the body is not repeated; other PRs are separate', async () => {
    await upsert(`${marker}\nbody`, 7);
    await upsert('other PR', 8);
    expect(github.comments.map((c) => [c.issueNumber, c.body])).toEqual([
      [7, `${marker}\nbody`],
      [8, `${marker}\nother PR`],
    ]);
  });

  test('finds our comment on a later page of a long discussion', async () => {
    await github.close();
    github = await startFakeGitHub({ maxPerPage: 2 });
    github.seedComments(7, ['a', 'b', 'c', 'd']);
    await upsert('v1');
    github.seedComments(7, ['e', 'f', 'g']);
    const result = await upsert('v2');
    expect(result).toMatchObject({ posted: true, action: 'updated' });
    expect(github.comments.filter((c) => c.body.startsWith(marker)).map((c) => c.body)).toEqual([`${marker}\nv2`]);
    const pages = github.requests.filter((r) => r.method === 'GET').map((r) => r.query.get('page') ?? '1');
    // First run: three pages (a b | c d | -); second run: up to the page holding ours (a b | c d | ours e).
    expect(pages.slice(-3)).toEqual(['1', '2', '3']);
  });

  test('a fork PR’s read-only token (403) → not posted, with a reason, no exception', async () => {
    github.fail('POST', /\/issues\/7\/comments$/, 403, forbiddenBody());
    const result = await upsert('## report');
    expect(result.posted).toBe(false);
    expect(!result.posted && result.reason).toMatch(/HTTP 403 \(Resource not accessible by integration\).*forks.*pull-requests: write/s);
    expect(github.comments).toHaveLength(0);
  });

  test('404 (PR not visible to the token) is also a reason, not a failure', async () => {
    github.fail('GET', /\/issues\/7\/comments$/, 404);
    expect(await upsert('x')).toMatchObject({ posted: false, reason: expect.stringContaining('HTTP 404 (Not Found)') });
  });

  test('other failures throw a typed error that never shows the token', async () => {
    // Worst case: the server echoes the credentials back in its error message.
    github.fail('GET', /\/comments$/, 500, (request) => ({ message: `internal error for ${request.headers.authorization}` }));
    const error = await upsert('x').catch((e: unknown) => e);
    expect(describeError(error)).toMatch(
      /\[E_GITHUB_API\] GitHub refused to post the PR comment on #7 \(HTTP 500: internal error for token \*\*\*\)/,
    );
    expect(describeError(error)).not.toContain(token);
    expect(JSON.stringify(error)).not.toContain(token);
  });

  test('a body that somehow contains the token is masked before it is posted', async () => {
    await upsert(`debug: GITHUB_TOKEN=${token}`);
    expect(github.comments[0].body).toBe(`${marker}\ndebug: GITHUB_TOKEN=***`);
    expect(github.requests.some((r) => JSON.stringify(r.body ?? '').includes(token))).toBe(false);
  });

  test('the 403 reason never shows the token either', async () => {
    github.fail('GET', /\/comments$/, 403, (request) => ({ message: `denied ${request.headers.authorization}` }));
    const result = await upsert('x');
    expect(!result.posted && result.reason).toContain('denied token ***');
    expect(JSON.stringify(result)).not.toContain(token);
  });
});
