/**
 * What a webhook delivery is given, checked before the deploy starts. Apart from the delivery
 * itself (webhook.ts), so parsing the options loads neither node:crypto nor the sender.
 */
import { MigrateActionsError } from '../errors.js';

export const DEFAULT_NOTIFY_TIMEOUT_MS = 30_000;

export type NotifyFormat = 'json' | 'slack';

export interface WebhookSettings {
  url: string;
  format: NotifyFormat;
  secret?: string;
  /** The whole delivery, all attempts and waits included, ends within this. */
  timeoutMs: number;
  /** Wait before the first retry; doubled before each next one. */
  backoffMs?: number;
}

/** Refuses anything but an http(s) URL, before the deploy starts. */
export function validateWebhookUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    url = new URL('invalid:');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new MigrateActionsError('E_NOTIFY_WEBHOOK_URL', 'notify-webhook is not an http(s) URL.', {
      remedy: 'Set notify-webhook to the receiver’s full URL, e.g. https://hooks.slack.com/services/… (keep it in a secret).',
    });
  }
  return url.toString();
}
