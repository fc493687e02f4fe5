/**
 * Webhook delivery: one POST of the event, signed when a secret is set, retried with backoff
 * within one overall time budget, and reported — never thrown — so a receiver that is down or
 * slow can never fail or roll back the deploy it is being told about.
 */
import { createHmac } from 'node:crypto';
import { redact } from '../postgres/redact.js';
import type { NotifyEvent } from './events.js';
import { slackMessage } from './slack.js';
import { formatDuration, plural } from '../report/format.js';
import type { NotifyFormat, WebhookSettings } from './webhook-settings.js';

export { DEFAULT_NOTIFY_TIMEOUT_MS, validateWebhookUrl, type NotifyFormat, type WebhookSettings } from './webhook-settings.js';

export const SIGNATURE_HEADER = 'X-Prisma-Migrate-Actions-Signature';
export const EVENT_HEADER = 'X-Prisma-Migrate-Actions-Event';
/** Attempts after the first one. */
export const NOTIFY_RETRIES = 3;

export interface DeliveryResult {
  delivered: boolean;
  attempts: number;
  /** HTTP status of the last answer, if any. */
  status?: number;
  /** Why it was not delivered (redacted), as a warning to show. */
  warning?: string;
}

/** `sha256=<hex HMAC-SHA256 of the raw body>`, the value of the signature header. */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** Checks a signature header against the raw body (constant-time), as a receiver would. */
export function verifySignature(body: string, secret: string, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(body, secret));
  const given = Buffer.from(header);
  if (expected.length !== given.length) return false;
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= expected[i] ^ given[i];
  return diff === 0;
}

export function eventBody(event: NotifyEvent, format: NotifyFormat): string {
  return JSON.stringify(format === 'slack' ? slackMessage(event) : event);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Posts the event; resolves with what happened, never rejects. */
export async function deliverEvent(event: NotifyEvent, settings: WebhookSettings): Promise<DeliveryResult> {
  const body = eventBody(event, settings.format);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'prisma-migrate-actions',
    [EVENT_HEADER]: event.event,
  };
  if (settings.secret) headers[SIGNATURE_HEADER] = signBody(body, settings.secret);
  const deadline = Date.now() + settings.timeoutMs;
  let backoff = settings.backoffMs ?? 1000;
  let attempts = 0;
  let status: number | undefined;
  let lastProblem = '';
  for (let attempt = 0; attempt <= NOTIFY_RETRIES; attempt++) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    attempts++;
    try {
      const response = await fetch(settings.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(left), redirect: 'error' });
      status = response.status;
      await response.body?.cancel().catch(() => undefined);
      if (response.ok) return { delivered: true, attempts, status };
      lastProblem = `HTTP ${response.status}`;
      // 4xx other than 408/429 will not get better by asking again.
      if (status >= 400 && status < 500 && status !== 408 && status !== 429) break;
    } catch (error) {
      const name = (error as Error).name;
      lastProblem = name === 'TimeoutError' || name === 'AbortError' ? 'no answer in time' : describeFetchError(error);
    }
    if (attempt === NOTIFY_RETRIES) break;
    const wait = Math.min(backoff, deadline - Date.now());
    if (wait <= 0) break;
    await sleep(wait);
    backoff *= 2;
  }
  const warning = redact(
    `The ${event.event} notification was not delivered to the webhook after ${plural(attempts, 'attempt')} within ${formatDuration(settings.timeoutMs)} (${lastProblem}). ` +
      'The deploy itself is unaffected; check the receiver and its URL.',
  );
  return { delivered: false, attempts, status, warning };
}

function describeFetchError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
