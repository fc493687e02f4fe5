/**
 * The Slack-compatible rendering of an event: what a Slack (or Mattermost, Teams-compatible)
 * incoming webhook shows — a one-line text fallback plus mrkdwn blocks with the migrations.
 */
import { formatDuration, plural } from '../report/format.js';
import type { NotifyEvent } from './events.js';

const HEADLINE: Record<NotifyEvent['event'], (e: NotifyEvent) => string> = {
  'plan-ready': (e) =>
    `:hourglass: ${plural(e.migrations.length, 'migration')} for *${e.environment}* ${e.migrations.length === 1 ? 'is' : 'are'} waiting for approval`,
  deployed: (e) =>
    `:white_check_mark: Deployed ${plural(appliedCount(e), 'migration')} to *${e.environment}* in ${formatDuration(e.durationMs)}`,
  failed: (e) => `:x: The deploy to *${e.environment}* failed (${e.result})`,
  restored: (e) => `:rewind: The deploy to *${e.environment}* failed; the database was restored from the pre-migration backup`,
  'drift-found': (e) => `:warning: *${e.environment}* drifted from its migration history (${plural(e.driftCount ?? 0, 'object')})`,
};

function appliedCount(event: NotifyEvent): number {
  return event.migrations.filter((m) => m.status === 'applied').length;
}

/** Slack mrkdwn needs &, < and > escaped in text it should not read as markup. */
function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function slackMessage(event: NotifyEvent): { text: string; blocks: unknown[] } {
  const headline = HEADLINE[event.event](event);
  const lines: string[] = [];
  if (event.repository) lines.push(`Repository: ${escape(event.repository)}${event.commit ? ` @ \`${event.commit.slice(0, 7)}\`` : ''}`);
  for (const m of event.migrations.slice(0, 20)) {
    lines.push(`• \`${escape(m.name)}\` ${m.status}${m.durationMs !== undefined ? ` in ${formatDuration(m.durationMs)}` : ''}`);
  }
  if (event.migrations.length > 20) lines.push(`… and ${event.migrations.length - 20} more`);
  for (const line of (event.plan ?? event.differences ?? []).slice(0, 10)) lines.push(`› ${escape(line)}`);
  if (event.approvedBy.length) lines.push(`Approved by ${escape(event.approvedBy.join(', '))}`);
  if (event.error) lines.push(`Error ${escape(event.error.code)}: ${escape(event.error.message).slice(0, 500)}`);
  const link = event.approveUrl ?? event.runUrl;
  if (link) lines.push(`<${link}|${event.event === 'plan-ready' ? 'Review and approve' : 'Open the run'}>`);
  const blocks: unknown[] = [{ type: 'section', text: { type: 'mrkdwn', text: headline } }];
  if (lines.length) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: lines.join('\n').slice(0, 2900) } });
  return { text: headline.replace(/\*/g, ''), blocks };
}
