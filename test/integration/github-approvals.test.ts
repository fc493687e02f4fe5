import { getRunApprovals, requireRunApproval } from '../../src/github/approvals.js';
import { startFakeGitHub, approvalEntry, type FakeGitHub } from '../helpers/github-api.js';
import { describeError, isMigrateActionsError } from '../../src/errors.js';

const token = 'ghs_approvalsToken0123456789abcdef';
const repo = { owner: 'octo-org', repo: 'app' };

describe('run approvals from GitHub’s REST API (local HTTP server)', () => {
  let github: FakeGitHub;
  beforeEach(async () => {
    github = await startFakeGitHub();
  });
  afterEach(() => github.close());

  const options = (runId: number, environment = 'production') => ({ token, repo, runId, environment, baseUrl: github.baseUrl });

  test('approved: approvers of this environment only, without repeats, with comments', async () => {
    github.approvals.set(42, [
      approvalEntry('staging-lead', 'approved', 'staging'),
      approvalEntry('alice', 'approved', 'Production', 'ship it'),
      approvalEntry('bob', 'approved', 'production'),
      approvalEntry('alice', 'approved', 'production'),
    ]);
    const approvals = await requireRunApproval(options(42));
    expect(approvals).toEqual({
      approved: true,
      approvers: ['alice', 'bob'],
      comments: [{ user: 'alice', state: 'approved', comment: 'ship it' }],
    });
    expect(github.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /repos/octo-org/app/actions/runs/42/approvals']);
  });

  test('rejected: reported with who rejected, and requireRunApproval refuses', async () => {
    github.approvals.set(43, [
      approvalEntry('alice', 'approved', 'production'),
      approvalEntry('carol', 'rejected', 'production', 'not today'),
    ]);
    expect(await getRunApprovals(options(43))).toMatchObject({ approved: false, approvers: ['alice'], rejectedBy: ['carol'] });
    const error = await requireRunApproval(options(43)).catch((e: unknown) => e);
    expect(isMigrateActionsError(error, 'E_APPROVAL_REJECTED')).toBe(true);
    expect(describeError(error)).toContain('rejected by carol; nothing was changed');
  });

  test('missing: no review for this environment → E_APPROVAL_MISSING naming required reviewers', async () => {
    github.approvals.set(44, [
      approvalEntry('staging-lead', 'approved', 'staging'),
      approvalEntry('dave', 'pending', 'production', 'looking'),
    ]);
    expect(await getRunApprovals(options(44))).toMatchObject({ approved: false, approvers: [] });
    const error = await requireRunApproval(options(44)).catch((e: unknown) => e);
    expect(isMigrateActionsError(error, 'E_APPROVAL_MISSING')).toBe(true);
    expect((error as Error & { remedy: string }).remedy).toMatch(/required reviewers/);

    github.approvals.set(45, []);
    expect(isMigrateActionsError(await requireRunApproval(options(45)).catch((e: unknown) => e), 'E_APPROVAL_MISSING')).toBe(true);
  });

  test('an API failure (unknown run, missing permission) is a typed error without the token', async () => {
    const unknownRun = await getRunApprovals(options(999)).catch((e: unknown) => e);
    expect(describeError(unknownRun)).toMatch(
      /GitHub refused to read the approvals of run 999 \(HTTP 404: Not Found\)[\s\S]*actions: read/,
    );
    github.fail('GET', /approvals$/, 401, (request) => ({
      message: `Bad credentials ${request.headers.authorization}`,
      documentation_url: 'https://docs.github.com/rest',
    }));
    const badToken = await getRunApprovals(options(42)).catch((e: unknown) => e);
    expect(describeError(badToken)).toContain('HTTP 401: Bad credentials token ***');
    expect(describeError(badToken)).not.toContain(token);
  });
});
