/**
 * What stops or protects a production deploy: a long transaction holding a lock, two deploys at
 * once, the approval gate (GitHub's API faked at the HTTP boundary), drift, and the lock monitor.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { githubServices } from '../../src/github/services.js';
import type { GitHubRunContext } from '../../src/commands/types.js';
import { LockMonitor } from '../../src/deploy/monitor.js';
import { toClientConfig } from '../../src/postgres/url.js';
import { approvalEntry, startFakeGitHub, type FakeGitHub } from '../helpers/github-api.js';
import { dropTestDatabases, freshDatabase, query } from '../helpers/pg.js';
import {
  INIT,
  MIGRATIONS,
  catalogChanges,
  check,
  columnsOf,
  databaseState,
  holdLock,
  production,
  runDeployCommand,
  writeHistory,
} from '../fixtures/deploy/harness.js';

afterAll(dropTestDatabases);

const ADD_AGE = '20240201000000_add_age';
const POSTS = '20240202000000_posts';

describe('deploy: locks and concurrency', () => {
  it('a long transaction holding a lock: retries, then fails naming the blocker, nothing applied', async () => {
    const dir = writeHistory({ [ADD_AGE]: MIGRATIONS.addColumn });
    const db = await production(dir);
    const before = await databaseState(db);
    const blocker = await holdLock(db, 'SELECT count(*) FROM "User"', 'nightly-report');
    try {
      const run = await runDeployCommand(db, dir, { 'lock-timeout': '200ms', retries: '2' });
      expect(run.data.outcome).toBe('failed');
      expect(run.result.exitCode).toBe(1);
      const error = run.data.audit.error!;
      expect(error.message).toMatch(/lock timeout/i);
      expect(error.message).toContain(`pid ${blocker.pid} (nightly-report`);
      expect(error.message).toMatch(/after 2 retries/);
      expect(run.logs.filter((l) => /retry \d\/2/.test(l))).toHaveLength(2);
      expect(check(run, 'Failure policy').detail).toMatch(/Nothing of the failed migration was committed/);
      const after = await databaseState(db);
      expect(catalogChanges(before.snapshot, after.snapshot)).toEqual([]);
      expect(after.rowCounts).toEqual(before.rowCounts);
      expect(await columnsOf(db, 'User')).toEqual(['id', 'email', 'name']);
    } finally {
      await blocker.release();
    }
  });

  it('two deploys at once: one applies each migration once, the other is refused clearly', async () => {
    const dir = writeHistory({ [ADD_AGE]: MIGRATIONS.addColumn, [POSTS]: MIGRATIONS.posts });
    const db = await production(dir);
    const runs = await Promise.all([runDeployCommand(db, dir), runDeployCommand(db, dir)]);
    const outcomes = runs.map((r) => r.data.outcome).sort();
    expect(outcomes).toEqual(['refused', 'success']);
    const winner = runs.find((r) => r.data.outcome === 'success')!;
    const loser = runs.find((r) => r.data.outcome === 'refused')!;
    expect(winner.result.outputs?.['applied-count']).toBe(2);
    expect(loser.data.audit.error?.code).toBe('E_DEPLOY_RUNNING');
    expect(loser.data.audit.error?.message).toMatch(/Another deploy is running on .* pid \d+ \(prisma-migrate-actions-deploy [0-9a-f]{8}/);
    expect(loser.result.outputs?.['backup-path']).toBe('');
    const rows = await query(db, `SELECT migration_name, count(*)::int AS n FROM _prisma_migrations GROUP BY 1 ORDER BY 1`);
    expect(rows).toEqual([
      { migration_name: INIT, n: 1 },
      { migration_name: ADD_AGE, n: 1 },
      { migration_name: POSTS, n: 1 },
    ]);
  });

  it('the lock monitor reports who waited on a lock, for how long, and who blocked them', async () => {
    const db = await freshDatabase();
    await query(db, 'CREATE TABLE t (id int)');
    const holder = await holdLock(db, 'LOCK TABLE t IN ACCESS EXCLUSIVE MODE', 'holder');
    const monitor = new LockMonitor(db, 50);
    await monitor.start();
    const waiter = new pg.Client(toClientConfig(db, { applicationName: 'waiter' }));
    await waiter.connect();
    const waiting = waiter.query('SELECT count(*) FROM t');
    await new Promise((resolve) => setTimeout(resolve, 600));
    await holder.release();
    await waiting;
    await waiter.end();
    const summary = await monitor.stop();
    expect(summary.samples).toBeGreaterThan(3);
    expect(summary.maxConnections).toBeGreaterThanOrEqual(3);
    expect(summary.lockWaits).toEqual([
      expect.objectContaining({ applicationName: 'waiter', blockedBy: [holder.pid], query: 'SELECT count(*) FROM t' }),
    ]);
    expect(summary.longestWaitMs).toBeGreaterThanOrEqual(300);
  });
});

describe('deploy: the approval gate (GitHub API on a local HTTP server)', () => {
  const token = 'ghs_gateToken0123456789ABCDEFabcdef';
  let github: FakeGitHub;
  beforeEach(async () => {
    github = await startFakeGitHub();
  });
  afterEach(() => github.close());

  function runContext(runId: number): GitHubRunContext {
    const env = { GITHUB_REPOSITORY: 'octo-org/app', GITHUB_RUN_ID: String(runId), GITHUB_API_URL: github.baseUrl };
    return {
      token,
      repository: 'octo-org/app',
      runId,
      actor: 'octocat',
      sha: 'a'.repeat(40),
      runUrl: `https://github.com/octo-org/app/actions/runs/${runId}`,
      services: githubServices(token, env),
    };
  }

  it.each([
    ['missing', 7, [approvalEntry('dave', 'pending', 'production')], /has no approval/],
    [
      'rejected',
      8,
      [approvalEntry('alice', 'approved', 'production'), approvalEntry('carol', 'rejected', 'production', 'not today')],
      /rejected by carol/,
    ],
    ['unreadable (unknown run)', 9, undefined, /HTTP 404/],
  ])('approval %s → refused before touching the database', async (_label, runId, entries, message) => {
    if (entries) github.approvals.set(runId, entries);
    const dir = writeHistory({ [POSTS]: MIGRATIONS.posts });
    const db = await freshDatabase(); // no history applied: _prisma_migrations must stay absent
    const before = await databaseState(db);
    const run = await runDeployCommand(db, dir, { 'approved-by': '', 'github-token': token }, runContext(runId));
    expect(run.data.outcome).toBe('refused');
    expect(run.result.exitCode).toBe(1);
    expect(run.data.audit.error?.message).toMatch(message);
    // The pipeline stopped at the gate; the deployment record is told, nothing else is asked.
    expect(run.report.checks.map((c) => c.name)).toEqual(['Approval gate', 'Deployment status']);
    expect(github.requests.map((r) => r.path).filter((p) => !p.includes('/deployments'))).toEqual([
      `/repos/octo-org/app/actions/runs/${runId}/approvals`,
    ]);
    const after = await databaseState(db);
    expect(after).toEqual(before);
    expect(after.migrations).toEqual([]);
    expect((await query(db, `SELECT to_regclass('_prisma_migrations') AS t`))[0].t).toBeNull();
    expect(fs.existsSync(path.join(run.workDir, 'backups'))).toBe(false);
    expect(JSON.parse(fs.readFileSync(run.data.auditPath, 'utf8'))).toMatchObject({ outcome: 'refused', approvers: [] });
  });

  it('approved through the API: the approvers go into the audit record', async () => {
    github.approvals.set(10, [approvalEntry('alice', 'approved', 'production', 'ship it'), approvalEntry('bob', 'approved', 'production')]);
    const dir = writeHistory({ [POSTS]: MIGRATIONS.posts });
    const db = await production(dir);
    const run = await runDeployCommand(db, dir, { 'approved-by': '', 'github-token': token, 'skip-backup': 'true' }, runContext(10));
    expect(run.data.outcome).toBe('success');
    expect(run.data.audit).toMatchObject({
      approvers: ['alice', 'bob'],
      approvalSource: 'github',
      repository: 'octo-org/app',
      actor: 'octocat',
      runUrl: 'https://github.com/octo-org/app/actions/runs/10',
    });
    expect(check(run, 'Backup')).toMatchObject({ status: 'warn', detail: expect.stringMatching(/skip-backup/) });
  });

  it('no way to check an approval (no token, no --approved-by) → refused', async () => {
    const dir = writeHistory({ [POSTS]: MIGRATIONS.posts });
    const db = await production(dir);
    const run = await runDeployCommand(db, dir, { 'approved-by': '' });
    expect(run.data.outcome).toBe('refused');
    expect(run.data.audit.error?.code).toBe('E_APPROVAL_MISSING');
    expect(await columnsOf(db, 'Post')).toEqual([]);
  });
});

describe('deploy: drift', () => {
  async function drifted() {
    const dir = writeHistory({ [POSTS]: MIGRATIONS.posts });
    const db = await production(dir);
    await query(db, 'ALTER TABLE "User" ADD COLUMN "nickname" TEXT'); // by hand, outside the history
    return { dir, db };
  }

  it('drift-policy fail (the default for production) → refused, nothing touched', async () => {
    const { dir, db } = await drifted();
    const before = await databaseState(db);
    const run = await runDeployCommand(db, dir, { 'drift-policy': '' });
    expect(run.data.outcome).toBe('refused');
    expect(run.data.audit.error?.code).toBe('E_DRIFT');
    expect(check(run, 'Preflight').items?.join('\n')).toMatch(/nickname/);
    const after = await databaseState(db);
    expect(catalogChanges(before.snapshot, after.snapshot)).toEqual([]);
    expect(after.migrations).toEqual(before.migrations);
    expect(fs.existsSync(path.join(run.workDir, 'backups'))).toBe(false);
  });

  it('drift-policy warn → proceeds, with the warning in the record', async () => {
    const { dir, db } = await drifted();
    const run = await runDeployCommand(db, dir, { 'drift-policy': 'warn', environment: 'staging' });
    expect(run.data.outcome).toBe('success');
    expect(check(run, 'Preflight').status).toBe('warn');
    expect(run.data.audit.warnings).toContainEqual(expect.stringMatching(/Drift present: 1 object/));
    expect(await columnsOf(db, 'Post')).toEqual(['id', 'authorId', 'title']);
  });
});
