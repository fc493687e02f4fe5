/**
 * Telling the people who need to know, around a deploy and after a drift check: the GitHub
 * deployment status (in_progress, then success or failure), a comment on each pull request the
 * deploy shipped, and the webhook event. Each channel ends as a check on the report; none of
 * them can change the deploy's outcome or exit code.
 */
import { plural } from '../report/format.js';
import { describeError } from '../errors.js';
import { redact } from '../postgres/redact.js';
import type { Check } from '../report/model.js';
import type { GitHubServices } from '../commands/types.js';
import type { DeployResult, DeploySettings } from '../deploy/pipeline.js';
import { deployEvent, type NotifyEvent } from './events.js';
import { deliverEvent, type WebhookSettings } from './webhook.js';
import { commentOnShippedPullRequests } from './shipped-prs.js';

export interface NotifyChannels {
  webhook?: WebhookSettings;
  /** GitHub runs only: deployment statuses and shipped-PR comments. */
  services?: GitHubServices;
}

/** Posts the event to the webhook (if one is set) and says how it went, as a check. */
export async function webhookCheck(event: NotifyEvent | undefined, webhook: WebhookSettings | undefined): Promise<Check | undefined> {
  if (!event || !webhook) return undefined;
  const started = Date.now();
  const delivery = await deliverEvent(event, webhook);
  return {
    name: 'Webhook',
    status: delivery.delivered ? 'pass' : 'warn',
    durationMs: Date.now() - started,
    detail: delivery.delivered
      ? `The ${event.event} event was delivered (${webhook.format}${webhook.secret ? ', signed' : ''}, HTTP ${delivery.status}, ${plural(delivery.attempts ?? 1, 'attempt')}).`
      : delivery.warning,
  };
}

function deploymentDescription(result: DeployResult): string {
  const applied = result.applied.map((m) => m.name);
  switch (result.outcome) {
    case 'success':
      return `Applied ${plural(applied.length, 'migration')}: ${applied.join(', ')}`;
    case 'no-op':
      return 'Nothing to apply: up to date';
    case 'restored':
      return `Failed (${result.error?.code ?? 'error'}); restored from the pre-migration backup`;
    default:
      return `${result.outcome === 'refused' ? 'Refused' : 'Failed'}: ${result.error?.code ?? result.outcome}${result.error ? ` ${result.error.message}` : ''}`;
  }
}

async function deploymentStatus(
  services: GitHubServices,
  settings: DeploySettings,
  state: 'in_progress' | 'success' | 'failure',
  description: string,
): Promise<string> {
  try {
    const answer = await services.setDeploymentStatus(settings.environment, {
      state,
      description: redact(description),
      logUrl: settings.runUrl,
    });
    return answer.set ? `${state}: ${redact(description)}` : `ℹ ${answer.reason}`;
  } catch (error) {
    return redact(`⚠ ${state} not set: ${describeError(error)}`);
  }
}

/**
 * Runs the deploy between its deployment statuses, then tells the shipped pull requests and the
 * webhook. Returns the deploy's result untouched and one check per channel that was used.
 */
export async function withDeployNotifications(
  settings: DeploySettings,
  channels: NotifyChannels,
  run: () => Promise<DeployResult>,
): Promise<{ result: DeployResult; checks: Check[] }> {
  const services = settings.dryRun ? undefined : channels.services;
  const statusItems: string[] = [];
  if (services) statusItems.push(await deploymentStatus(services, settings, 'in_progress', `Migrating ${settings.environment}`));
  const result = await run();
  const checks: Check[] = [];
  if (services) {
    const ok = result.outcome === 'success' || result.outcome === 'no-op';
    statusItems.push(await deploymentStatus(services, settings, ok ? 'success' : 'failure', deploymentDescription(result)));
    checks.push({ name: 'Deployment status', status: statusItems.some((i) => i.startsWith('⚠')) ? 'warn' : 'pass', items: statusItems });
    if (result.outcome === 'success' && result.applied.length) {
      const shipped = await commentOnShippedPullRequests(settings.migrationsDir, result.audit, services);
      checks.push({
        name: 'Shipped pull requests',
        status: 'pass',
        detail: shipped.commented.length
          ? `Commented on ${shipped.commented.length} pull request(s).`
          : 'No pull request was commented on.',
        items: [...shipped.commented, ...shipped.notices.map((n) => `ℹ ${n}`)],
      });
    }
  }
  const webhook = await webhookCheck(deployEvent(result, settings), channels.webhook);
  if (webhook) checks.push(webhook);
  return { result, checks };
}
