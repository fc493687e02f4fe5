/**
 * The webhook pieces without a database: the signature (GitHub's documented HMAC-SHA256 test
 * vector), URL validation, the CLI refusing the secret as a flag, a 4xx that is not retried,
 * and the Slack message escaping what Slack would read as markup.
 */
import { runCli, type CliIo } from '../../src/cli.js';
import { deliverEvent, signBody, validateWebhookUrl, verifySignature } from '../../src/notify/webhook.js';
import { slackMessage } from '../../src/notify/slack.js';
import type { NotifyEvent } from '../../src/notify/events.js';
import { startWebhookReceiver } from '../helpers/webhook-receiver.js';

const event: NotifyEvent = {
  event: 'failed',
  environment: 'production',
  repository: 'octo-org/app',
  runUrl: 'https://github.com/octo-org/app/actions/runs/1',
  migrations: [{ name: '20240201000000_<b>', status: 'failed' }],
  result: 'failed',
  durationMs: 1234,
  approvedBy: ['alice'],
  at: '2024-03-01T12:00:00.000Z',
  error: { code: 'E_APPLY', message: 'a < b & c' },
};

function io(env: NodeJS.ProcessEnv = {}): CliIo & { out: string; err: string } {
  const captured = { out: '', err: '', env, isTTY: false, cwd: process.cwd() } as CliIo & { out: string; err: string };
  captured.stdout = (t) => void (captured.out += t);
  captured.stderr = (t) => void (captured.err += t);
  return captured;
}

describe('webhook signature', () => {
  test('matches the HMAC-SHA256 test vector GitHub documents for its own webhooks', () => {
    expect(signBody('Hello, World!', "It's a Secret to Everybody")).toBe(
      'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17',
    );
  });
  test('verifies with the secret, fails with another secret, a changed body or no header', () => {
    const header = signBody('{"a":1}', 's3cret');
    expect(verifySignature('{"a":1}', 's3cret', header)).toBe(true);
    expect(verifySignature('{"a":1}', 'other', header)).toBe(false);
    expect(verifySignature('{"a":2}', 's3cret', header)).toBe(false);
    expect(verifySignature('{"a":1}', 's3cret', undefined)).toBe(false);
  });
});

describe('webhook settings', () => {
  test.each(['ftp://example.com/x', 'not a url', 'file:///etc/passwd'])('%s is refused with E_NOTIFY_WEBHOOK_URL', (url) => {
    expect(() => validateWebhookUrl(url)).toThrow(expect.objectContaining({ code: 'E_NOTIFY_WEBHOOK_URL' }));
  });
  test('http and https URLs are taken', () => {
    expect(validateWebhookUrl('https://hooks.slack.com/services/T/B/x')).toBe('https://hooks.slack.com/services/T/B/x');
  });
  test('the CLI refuses --notify-secret (exit 2, the variable to use, the value not echoed)', async () => {
    const c = io({ DATABASE_URL: 'postgresql://u@localhost/db' });
    expect(await runCli(['deploy', '--notify-secret', 'whsec-on-the-command-line'], c)).toBe(2);
    expect(c.err).toMatch(/E_SECRET_IN_ARGS/);
    expect(c.err).toMatch(/NOTIFY_WEBHOOK_SECRET/);
    expect(c.err + c.out).not.toContain('whsec-on-the-command-line');
  });
  test('the CLI refuses a notify-webhook that is not a URL before connecting (exit 2)', async () => {
    const c = io({ DATABASE_URL: 'postgresql://u@127.0.0.1:1/db', NOTIFY_WEBHOOK: 'ftp://x/y' });
    expect(await runCli(['deploy', '--migrations-dir', 'prisma/migrations'], c)).toBe(2);
    expect(c.err).toMatch(/E_NOTIFY_WEBHOOK_URL/);
  });
  test('deploy --help says the webhook URL and secret come from the environment only', async () => {
    const c = io();
    await runCli(['deploy', '--help'], c);
    expect(c.out).toMatch(/--notify-secret {2}\(a secret: refused on the command line; set NOTIFY_WEBHOOK_SECRET\)/);
    expect(c.out).toMatch(/--notify-webhook {2}\(a secret: refused on the command line; set NOTIFY_WEBHOOK\)/);
  });
});

describe('webhook delivery', () => {
  test('a 404 is not retried: one attempt, a warning', async () => {
    const receiver = await startWebhookReceiver([], 404);
    try {
      const result = await deliverEvent(event, { url: receiver.url, format: 'json', timeoutMs: 5000, backoffMs: 10 });
      expect(result).toMatchObject({ delivered: false, attempts: 1, status: 404 });
      expect(result.warning).toMatch(/HTTP 404/);
      expect(receiver.deliveries[0].headers['x-prisma-migrate-actions-signature']).toBeUndefined();
    } finally {
      await receiver.close();
    }
  });
  test('a receiver that is not listening: retried, then a warning naming the connection error', async () => {
    const receiver = await startWebhookReceiver();
    const url = receiver.url;
    await receiver.close();
    const result = await deliverEvent(event, { url, format: 'json', timeoutMs: 5000, backoffMs: 10 });
    expect(result).toMatchObject({ delivered: false, attempts: 4 });
    expect(result.warning).toMatch(/ECONNREFUSED/);
  });
});

describe('slack message', () => {
  test('a headline text and mrkdwn blocks, with <, > and & escaped', () => {
    const message = slackMessage(event);
    expect(message.text).toBe(':x: The deploy to production failed (failed)');
    const detail = JSON.stringify(message.blocks[1]);
    expect(detail).toContain('20240201000000_&lt;b&gt;');
    expect(detail).toContain('a &lt; b &amp; c');
    expect(detail).toContain('<https://github.com/octo-org/app/actions/runs/1|Open the run>');
  });
});
