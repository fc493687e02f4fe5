/**
 * Webhook notifications from real deploys and a real drift check, received by a loopback HTTP
 * server: each event arrives once with the documented fields, signed so that the signature
 * verifies with the secret and fails with another; no password, passphrase or token in any body;
 * retries get through a receiver that fails twice; a receiver that never answers costs at most
 * the timeout and leaves the deploy successful.
 */
import { createHmac } from 'node:crypto';
import path from 'node:path';
import { runCli } from '../../src/cli.js';
import { runDriftCheck, driftCheckCommand } from '../../src/commands/drift-check.js';
import { readOptions } from '../../src/commands/options.js';
import { applyMigrations } from '../../src/migrations/index.js';
import { buildDatabaseUrl, parseDatabaseUrl, type ConnectionSettings } from '../../src/postgres/url.js';
import { SIGNATURE_HEADER, verifySignature } from '../../src/notify/webhook.js';
import { dropTestDatabases, freshDatabase, query } from '../helpers/pg.js';
import { startWebhookReceiver, type Delivery } from '../helpers/webhook-receiver.js';
import { MIGRATIONS, check, production, runDeployCommand, tempDir, writeHistory } from '../fixtures/deploy/harness.js';

afterAll(dropTestDatabases);

const POSTS = '20240201000000_posts';
const PASSWORD = 'Pw-Canary-Webhook-9f3a';
const PASSPHRASE = 'Passphrase-Canary-Heron-51';
const TOKEN = 'ghs_CanaryWebhookToken0123456789abcdef';
const SECRET = 'whsec-Canary-Secret-7d21';
const DOCUMENTED = ['event', 'environment', 'repository', 'runUrl', 'migrations', 'result', 'durationMs', 'approvedBy', 'at'];

/** A "production" whose URL carries the canary password. */
async function productionWithPassword(dir: string): Promise<ConnectionSettings> {
  const plain = await production(dir);
  return parseDatabaseUrl(buildDatabaseUrl({ ...plain, password: PASSWORD }));
}

function expectDocumentedEvent(delivery: Delivery, event: string): void {
  expect(delivery.headers['content-type']).toBe('application/json');
  expect(delivery.headers['x-prisma-migrate-actions-event']).toBe(event);
  const body = delivery.body;
  expect(Object.keys(body)).toEqual(expect.arrayContaining(DOCUMENTED));
  expect(body.event).toBe(event);
  expect(typeof body.environment).toBe('string');
  expect(Array.isArray(body.migrations)).toBe(true);
  expect(typeof body.result).toBe('string');
  expect(Number.isInteger(body.durationMs)).toBe(true);
  expect(Array.isArray(body.approvedBy)).toBe(true);
  expect(Number.isNaN(Date.parse(body.at))).toBe(false);
  // Signed with the secret: an independent HMAC agrees, another secret does not.
  const header = delivery.headers[SIGNATURE_HEADER.toLowerCase()] as string;
  expect(header).toBe(`sha256=${createHmac('sha256', SECRET).update(delivery.rawBody).digest('hex')}`);
  expect(verifySignature(delivery.rawBody, SECRET, header)).toBe(true);
  expect(verifySignature(delivery.rawBody, 'another-secret', header)).toBe(false);
  expect(verifySignature(delivery.rawBody.replace(event, `${event} `), SECRET, header)).toBe(false);
  for (const canary of [PASSWORD, PASSPHRASE, TOKEN, SECRET]) expect(delivery.rawBody).not.toContain(canary);
}

const notifyInputs = (url: string, extra: Record<string, string> = {}) => ({
  'notify-webhook': url,
  'notify-secret': SECRET,
  'notify-timeout': '10s',
  'github-token': TOKEN,
  'backup-passphrase': PASSPHRASE,
  ...extra,
});

describe('webhook events from deploys', () => {
  it('deployed: once, documented fields, the applied migration with its duration, approvers', async () => {
    const receiver = await startWebhookReceiver();
    try {
      const dir = writeHistory({ [POSTS]: MIGRATIONS.posts });
      const db = await productionWithPassword(dir);
      const run = await runDeployCommand(db, dir, notifyInputs(receiver.url));
      expect(run.data.outcome).toBe('success');
      expect(receiver.deliveries).toHaveLength(1);
      const [delivery] = receiver.deliveries;
      expectDocumentedEvent(delivery, 'deployed');
      expect(delivery.body).toMatchObject({
        environment: 'production',
        result: 'success',
        approvedBy: ['alice'],
        auditId: run.data.audit.id,
      });
      expect(delivery.body.migrations).toEqual([{ name: POSTS, status: 'applied', durationMs: expect.any(Number) }]);
      expect(check(run, 'Webhook')).toMatchObject({ status: 'pass' });
      expect(check(run, 'Webhook').detail).toMatch(/delivered \(json, signed, HTTP 200, 1 attempt/);
    } finally {
      await receiver.close();
    }
  });

  it('failed: the failed migration and the error code, no secret', async () => {
    const receiver = await startWebhookReceiver();
    try {
      const dir = writeHistory({ '20240201000000_broken': MIGRATIONS.atomicFailure });
      const db = await productionWithPassword(dir);
      const run = await runDeployCommand(db, dir, notifyInputs(receiver.url));
      expect(run.data.outcome).toBe('failed');
      expect(receiver.deliveries).toHaveLength(1);
      expectDocumentedEvent(receiver.deliveries[0], 'failed');
      expect(receiver.deliveries[0].body).toMatchObject({
        result: 'failed',
        migrations: [{ name: '20240201000000_broken', status: 'failed' }],
        error: { code: run.data.audit.error!.code },
      });
    } finally {
      await receiver.close();
    }
  });

  it('restored: after a non-atomic failure with on-failure restore (encrypted backup)', async () => {
    const receiver = await startWebhookReceiver();
    try {
      const dir = writeHistory({ '20240202000000_segmented': MIGRATIONS.segmentedFailure });
      const db = await productionWithPassword(dir);
      const run = await runDeployCommand(db, dir, notifyInputs(receiver.url, { 'on-failure': 'restore' }));
      expect(run.data.outcome).toBe('restored');
      expect(receiver.deliveries).toHaveLength(1);
      expectDocumentedEvent(receiver.deliveries[0], 'restored');
      expect(receiver.deliveries[0].body.result).toBe('restored');
    } finally {
      await receiver.close();
    }
  });

  it('plan-ready: a dry run tells the pending migrations, the plan with its locks and where to approve', async () => {
    const receiver = await startWebhookReceiver();
    try {
      const dir = writeHistory({ [POSTS]: MIGRATIONS.posts });
      const db = await productionWithPassword(dir);
      const github = { repository: 'octo-org/app', runUrl: 'https://github.com/octo-org/app/actions/runs/4242', sha: 'a'.repeat(40) };
      const run = await runDeployCommand(db, dir, notifyInputs(receiver.url, { 'dry-run': 'true' }), github);
      expect(run.data.outcome).toBe('dry-run');
      expect(receiver.deliveries).toHaveLength(1);
      expectDocumentedEvent(receiver.deliveries[0], 'plan-ready');
      const body = receiver.deliveries[0].body;
      expect(body).toMatchObject({ repository: 'octo-org/app', runUrl: github.runUrl, approveUrl: github.runUrl, result: 'dry-run' });
      expect(body.migrations).toEqual([{ name: POSTS, status: 'pending' }]);
      expect(body.plan.join('\n')).toMatch(/20240201000000_posts:1 CREATE TABLE/);
      expect(body.plan.join('\n')).toMatch(/SHARE ROW EXCLUSIVE|SHARE/);
    } finally {
      await receiver.close();
    }
  });

  it('slack format: a readable message with the migration, for an incoming webhook', async () => {
    const receiver = await startWebhookReceiver();
    try {
      const dir = writeHistory({ [POSTS]: MIGRATIONS.posts });
      const db = await productionWithPassword(dir);
      await runDeployCommand(db, dir, notifyInputs(receiver.url, { 'notify-format': 'slack' }));
      expect(receiver.deliveries).toHaveLength(1);
      const body = receiver.deliveries[0].body;
      expect(body.text).toMatch(/^:white_check_mark: Deployed 1 migration to production in /);
      expect(JSON.stringify(body.blocks)).toContain(`\`${POSTS}\` applied`);
      expect(JSON.stringify(body.blocks)).toContain('Approved by alice');
      expect(
        verifySignature(
          receiver.deliveries[0].rawBody,
          SECRET,
          receiver.deliveries[0].headers['x-prisma-migrate-actions-signature'] as string,
        ),
      ).toBe(true);
    } finally {
      await receiver.close();
    }
  });
});

describe('webhook from the CLI', () => {
  it('--notify-webhook with the secret from NOTIFY_WEBHOOK_SECRET: a signed plan-ready event', async () => {
    const receiver = await startWebhookReceiver();
    try {
      const dir = writeHistory({ [POSTS]: MIGRATIONS.posts });
      const db = await productionWithPassword(dir);
      const work = tempDir('cli');
      const out: string[] = [];
      const code = await runCli(
        ['deploy', '--dry-run', '--approved-by', 'alice', '--migrations-dir', dir, '--report-dir', work, '--drift-policy', 'ignore'],
        {
          stdout: (t) => out.push(t),
          stderr: (t) => out.push(t),
          env: { DATABASE_URL: db.url, NOTIFY_WEBHOOK: receiver.url, NOTIFY_WEBHOOK_SECRET: SECRET },
          isTTY: false,
          cwd: work,
        },
      );
      expect(code).toBe(0);
      expect(receiver.deliveries).toHaveLength(1);
      expectDocumentedEvent(receiver.deliveries[0], 'plan-ready');
      for (const canary of [PASSWORD, SECRET]) expect(out.join('')).not.toContain(canary);
    } finally {
      await receiver.close();
    }
  });
});

describe('webhook delivery', () => {
  it('a receiver answering 500 twice then 200 gets the event on the third try', async () => {
    const receiver = await startWebhookReceiver([500, 500], 200);
    try {
      const dir = writeHistory({ [POSTS]: MIGRATIONS.posts });
      const db = await production(dir);
      const run = await runDeployCommand(db, dir, notifyInputs(receiver.url));
      expect(receiver.deliveries.map((d) => d.answered)).toEqual([500, 500, 200]);
      expect(new Set(receiver.deliveries.map((d) => d.rawBody)).size).toBe(1);
      expect(check(run, 'Webhook').status).toBe('pass');
      expect(check(run, 'Webhook').detail).toMatch(/3 attempts/);
    } finally {
      await receiver.close();
    }
  });

  it('a receiver that always fails: 1 + 3 retries, then a warning; the deploy still succeeds', async () => {
    const receiver = await startWebhookReceiver([], 503);
    try {
      const dir = writeHistory({ [POSTS]: MIGRATIONS.posts });
      const db = await production(dir);
      const run = await runDeployCommand(db, dir, notifyInputs(receiver.url));
      expect(receiver.deliveries).toHaveLength(4);
      expect(run.data.outcome).toBe('success');
      expect(run.result.exitCode).toBe(0);
      expect(check(run, 'Webhook')).toMatchObject({ status: 'warn' });
      expect(check(run, 'Webhook').detail).toMatch(/not delivered .* after 4 attempts .*HTTP 503.*The deploy itself is unaffected/);
      expect(run.report.verdict).toBe('pass');
    } finally {
      await receiver.close();
    }
  });

  it('a receiver that never answers costs at most the timeout and leaves the deploy successful', async () => {
    const receiver = await startWebhookReceiver([], 'hang');
    try {
      const dir = writeHistory({ [POSTS]: MIGRATIONS.posts });
      const db = await production(dir);
      const timeoutMs = 2000;
      const run = await runDeployCommand(db, dir, notifyInputs(receiver.url, { 'notify-timeout': `${timeoutMs}ms` }));
      expect(run.data.outcome).toBe('success');
      expect(run.result.exitCode).toBe(0);
      expect(receiver.deliveries.length).toBeGreaterThanOrEqual(1);
      const webhook = check(run, 'Webhook');
      expect(webhook.status).toBe('warn');
      expect(webhook.detail).toMatch(/no answer in time/);
      // The bound is the point of the test: without it the deploy would wait forever.
      expect(webhook.durationMs).toBeLessThan(timeoutMs + 1000);
      expect(run.data.audit.outcome).toBe('success');
    } finally {
      await receiver.close();
    }
  });

  it('a notify-webhook that is not an http(s) URL is refused before the deploy touches anything', async () => {
    const dir = writeHistory({ [POSTS]: MIGRATIONS.posts });
    const db = await production(dir);
    await expect(runDeployCommand(db, dir, { 'notify-webhook': 'ftp://hooks.example.com/x' })).rejects.toMatchObject({
      code: 'E_NOTIFY_WEBHOOK_URL',
    });
    const rows = await query(db, `SELECT migration_name FROM _prisma_migrations WHERE migration_name = $1`, [POSTS]);
    expect(rows).toEqual([]);
  });
});

describe('webhook events from drift-check', () => {
  it('drift-found: once, with the drifted object; nothing is sent without drift', async () => {
    const receiver = await startWebhookReceiver();
    try {
      const db = await freshDatabase();
      await applyMigrations({ connection: db, dir: 'prisma/migrations' });
      const url = parseDatabaseUrl(buildDatabaseUrl({ ...db, password: PASSWORD })).url;
      const runDrift = async () => {
        const raw: Record<string, string> = {
          'database-url': url,
          'migrations-dir': path.resolve('prisma/migrations'),
          'replay-database-url': process.env.PMA_TEST_PG15_URL!,
          environment: 'staging',
          'notify-webhook': receiver.url,
          'notify-secret': SECRET,
          'report-dir': tempDir('drift-report'),
        };
        const values = readOptions(driftCheckCommand.options, (spec) => raw[spec.name], 'input');
        return runDriftCheck(values, { cwd: process.cwd(), log: () => undefined });
      };
      const clean = await runDrift();
      expect(clean.outputs?.drift).toBe(false);
      expect(receiver.deliveries).toHaveLength(0);

      await query(db, 'ALTER TABLE "tasks" ADD COLUMN "hotfix_note" TEXT');
      const drifted = await runDrift();
      expect(drifted.outputs?.drift).toBe(true);
      expect(receiver.deliveries).toHaveLength(1);
      expectDocumentedEvent(receiver.deliveries[0], 'drift-found');
      expect(receiver.deliveries[0].body).toMatchObject({ environment: 'staging', result: 'drift', driftCount: 1 });
      expect(receiver.deliveries[0].body.differences.join('\n')).toContain('hotfix_note');
      expect(drifted.report.checks.find((c) => c.name === 'Webhook')?.status).toBe('pass');
    } finally {
      await receiver.close();
    }
  }, 60_000);
});
