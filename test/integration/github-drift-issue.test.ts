import { syncDriftIssue, DRIFT_LABEL } from '../../src/github/drift-issue.js';
import { startFakeGitHub, forbiddenBody, type FakeGitHub } from '../helpers/github-api.js';
import { describeError, isMigrateActionsError } from '../../src/errors.js';

const token = 'ghs_driftIssueToken0123456789abcdef';
const repo = { owner: 'octo-org', repo: 'app' };

describe('syncDriftIssue against GitHub’s REST API (local HTTP server)', () => {
  let github: FakeGitHub;
  beforeEach(async () => {
    github = await startFakeGitHub({ maxPerPage: 2 });
  });
  afterEach(() => github.close());

  const sync = (environment: string, drift: boolean, body = '') =>
    syncDriftIssue({
      token,
      repo,
      environment,
      drift,
      body,
      baseUrl: github.baseUrl,
      runUrl: 'https://github.com/octo-org/app/actions/runs/99',
    });

  test('opens on drift, updates while it persists, closes with a comment when it is gone', async () => {
    expect(await sync('production', false)).toEqual({ action: 'none' });
    expect(github.issues).toHaveLength(0);

    const opened = await sync('production', true, '1 column added: `User.nickname`');
    expect(opened).toMatchObject({ action: 'opened', issueNumber: 100 });
    expect(github.issues[0]).toMatchObject({
      title: 'Schema drift in production',
      state: 'open',
      labels: [DRIFT_LABEL],
      body: '<!-- prisma-migrate-actions:drift:production -->\n1 column added: `User.nickname`',
    });

    expect(await sync('production', true, '1 column added: `User.nickname`')).toMatchObject({ action: 'unchanged', issueNumber: 100 });
    expect(await sync('production', true, '2 differences')).toMatchObject({ action: 'updated', issueNumber: 100 });
    expect(github.issues).toHaveLength(1);
    expect(github.issues[0].body).toContain('2 differences');

    expect(await sync('production', false)).toMatchObject({ action: 'closed', issueNumber: 100 });
    expect(github.issues[0]).toMatchObject({ state: 'closed', stateReason: 'completed' });
    expect(github.comments.map((c) => [c.issueNumber, c.body])).toEqual([
      [100, 'No drift detected in **production** any more ([run](https://github.com/octo-org/app/actions/runs/99)); closing.'],
    ]);
    // Drift coming back opens a fresh issue rather than reviving the closed one.
    expect(await sync('production', true, 'again')).toMatchObject({ action: 'opened', issueNumber: 101 });
  });

  test('one issue per environment, found among other labelled issues and pull requests on later pages', async () => {
    github.issues.push(
      { number: 1, title: 'Schema drift in staging (by hand)', body: 'not ours', state: 'open', stateReason: null, labels: [DRIFT_LABEL] },
      {
        number: 2,
        title: 'a PR',
        body: '<!-- prisma-migrate-actions:drift:staging -->',
        state: 'open',
        stateReason: null,
        labels: [DRIFT_LABEL],
        isPullRequest: true,
      },
    );
    await sync('staging', true, 'staging drift');
    await sync('production', true, 'prod drift');
    github.issues.push({ number: 150, title: 'x', body: 'y', state: 'open', stateReason: null, labels: [DRIFT_LABEL] });
    github.issues.push({ number: 151, title: 'x', body: 'y', state: 'open', stateReason: null, labels: [DRIFT_LABEL] });
    expect(await sync('staging', true, 'staging drift v2')).toMatchObject({ action: 'updated' });
    expect(await sync('production', false)).toMatchObject({ action: 'closed' });
    const ours = github.issues.filter((i) => i.body.startsWith('<!-- prisma-migrate-actions:drift:') && !i.isPullRequest);
    expect(ours.map((i) => [i.title, i.state])).toEqual([
      ['Schema drift in staging', 'open'],
      ['Schema drift in production', 'closed'],
    ]);
    // Issues were looked up by label, across pages.
    const lookups = github.requests.filter((r) => r.method === 'GET');
    expect(lookups.every((r) => r.query.get('labels') === DRIFT_LABEL && r.query.get('state') === 'open')).toBe(true);
    expect(lookups.some((r) => r.query.get('page') === '2')).toBe(true);
  });

  test('a token without issues: write → typed error with the permission to grant, token masked', async () => {
    github.fail('POST', /\/issues$/, 403, (request) => ({
      ...forbiddenBody('https://docs.github.com/rest/issues/issues#create-an-issue')(),
      message: `Resource not accessible by integration (${request.headers.authorization})`,
    }));
    const error = await sync('production', true, 'drift').catch((e: unknown) => e);
    expect(isMigrateActionsError(error, 'E_GITHUB_API')).toBe(true);
    const text = describeError(error);
    expect(text).toContain('HTTP 403: Resource not accessible by integration (token ***)');
    expect(text).toContain('issues: write');
    expect(text).not.toContain(token);
  });
});
