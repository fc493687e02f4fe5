/**
 * The notification and audit-shipping options that deploy and drift-check share, declared once
 * so the same name always means the same thing, and their mapping into settings.
 */
import path from 'node:path';
import { validateWebhookUrl, DEFAULT_NOTIFY_TIMEOUT_MS, type WebhookSettings } from '../notify/webhook-settings.js';
import { auditSinksFrom, JSONL_STDOUT, type AuditSink } from '../notify/audit-sinks.js';
import { num, str, type OptionSpec, type OptionValues } from './options.js';

export const NOTIFY_SECRET_ENV = 'NOTIFY_WEBHOOK_SECRET';

type NotifyOptionName = ReturnType<typeof notifyOptions>[number]['name'];
type AuditSinkOptionName = (typeof AUDIT_SINK_OPTIONS)[number]['name'];

export function notifyOptions(events: string) {
  return [
    {
      name: 'notify-webhook',
      type: 'string',
      secret: true,
      env: 'NOTIFY_WEBHOOK',
      description: `A URL that receives a JSON event (${events}); keep it in a secret. Delivery failures are warnings, never failures.`,
    },
    {
      name: 'notify-format',
      type: 'enum',
      values: ['json', 'slack'],
      default: 'json',
      description: 'json (the event as documented) or slack (a readable message for a Slack-compatible incoming webhook).',
    },
    {
      name: 'notify-secret',
      type: 'string',
      secret: true,
      env: NOTIFY_SECRET_ENV,
      description: 'Sign each webhook body: header X-Prisma-Migrate-Actions-Signature: sha256=<hex HMAC-SHA256 of the raw body>.',
    },
    {
      name: 'notify-timeout',
      type: 'duration',
      default: '30s',
      description: 'The webhook delivery, its 3 retries with backoff included, ends within this.',
    },
  ] as const satisfies readonly OptionSpec[];
}

export const AUDIT_SINK_OPTIONS = [
  {
    name: 'audit-jsonl',
    type: 'path',
    description: 'Also append the audit record as one JSON line to this file ("-" = stdout) for log collectors.',
  },
  {
    name: 'audit-cloudwatch-log-group',
    type: 'string',
    description:
      'Also send the audit record to this CloudWatch Logs group (AWS credentials from the standard chain, e.g. configure-aws-credentials).',
  },
  {
    name: 'audit-cloudwatch-log-stream',
    type: 'string',
    description: 'The log stream in that group, created when missing. Empty = prisma-migrate-actions/<environment>.',
  },
] as const satisfies readonly OptionSpec[];

export function webhookSettings(values: OptionValues<NotifyOptionName>): WebhookSettings | undefined {
  const url = str(values, 'notify-webhook');
  if (!url) return undefined;
  return {
    url: validateWebhookUrl(url),
    format: (str(values, 'notify-format') ?? 'json') as WebhookSettings['format'],
    secret: str(values, 'notify-secret'),
    timeoutMs: num(values, 'notify-timeout') ?? DEFAULT_NOTIFY_TIMEOUT_MS,
  };
}

export function auditSinkSettings(values: OptionValues<AuditSinkOptionName>, environment: string, cwd: string): AuditSink[] {
  const jsonl = str(values, 'audit-jsonl');
  return auditSinksFrom({
    jsonl: jsonl && jsonl !== JSONL_STDOUT ? path.resolve(cwd, jsonl) : jsonl,
    logGroup: str(values, 'audit-cloudwatch-log-group'),
    logStream: str(values, 'audit-cloudwatch-log-stream'),
    environment,
  });
}
