/**
 * The events stakeholders are told about, in one documented shape whatever the channel: a plan
 * waiting for approval, a deploy that shipped, failed or was restored, and drift found. Built
 * from the deploy's and the drift check's own results; every string is redacted on the way out.
 */
import { redactDeep } from '../postgres/redact.js';
import type { DeployResult, DeploySettings } from '../deploy/pipeline.js';
import type { DriftResult } from '../drift/index.js';

export type NotifyEventName = 'plan-ready' | 'deployed' | 'failed' | 'restored' | 'drift-found';

export const NOTIFY_EVENTS: readonly NotifyEventName[] = ['plan-ready', 'deployed', 'failed', 'restored', 'drift-found'];

export interface EventMigration {
  name: string;
  /** applied, pending, failed, undone-by-restore (deploys); drifted objects carry their change. */
  status: string;
  durationMs?: number;
}

export interface NotifyEvent {
  event: NotifyEventName;
  environment: string;
  /** owner/name, when known (GitHub runs). */
  repository: string | null;
  /** The run that produced the event (for plan-ready: where the reviewers approve). */
  runUrl: string | null;
  migrations: EventMigration[];
  /** The deploy outcome (success, failed, restored, rolled-back, refused, dry-run) or drift / no-drift. */
  result: string;
  durationMs: number;
  approvedBy: string[];
  /** ISO 8601 time the event was built. */
  at: string;
  commit?: string;
  /** The audit record's id (deploy events). */
  auditId?: string;
  /** plan-ready: one line per pending statement with the locks it takes. */
  plan?: string[];
  /** plan-ready: the page where the environment's reviewers approve the run. */
  approveUrl?: string;
  /** drift-found: number of objects that differ from the migration history. */
  driftCount?: number;
  /** drift-found: the objects that differ, as "change kind identity: detail" (at most 50). */
  differences?: string[];
  error?: { code: string; message: string };
}

/** Which event a deploy outcome is (none for a no-op: nothing shipped, nobody needs to know). */
export function deployEventName(outcome: DeployResult['outcome']): NotifyEventName | undefined {
  switch (outcome) {
    case 'dry-run':
      return 'plan-ready';
    case 'success':
      return 'deployed';
    case 'restored':
      return 'restored';
    case 'failed':
    case 'rolled-back':
    case 'refused':
      return 'failed';
    default:
      return undefined;
  }
}

export function deployEvent(result: DeployResult, settings: DeploySettings, now = new Date()): NotifyEvent | undefined {
  const event = deployEventName(result.outcome);
  if (!event) return undefined;
  const audit = result.audit;
  const migrations: EventMigration[] =
    event === 'plan-ready'
      ? result.pending.map((name) => ({ name, status: 'pending' }))
      : audit.migrations.map((m) => ({
          name: m.name,
          status: m.status,
          ...(m.durationMs !== undefined ? { durationMs: m.durationMs } : {}),
        }));
  const body: NotifyEvent = {
    event,
    environment: settings.environment,
    repository: settings.repository ?? null,
    runUrl: settings.runUrl ?? null,
    migrations,
    result: result.outcome,
    durationMs: audit.timingsMs.total ?? 0,
    approvedBy: audit.approvers,
    at: now.toISOString(),
    commit: settings.commit,
    auditId: audit.id,
  };
  if (event === 'plan-ready') {
    body.plan = (result.plan ?? [])
      .filter((m) => result.pending.includes(m.name))
      .flatMap((m) =>
        m.statements.map((s) => {
          const locks = s.locks.map((l) => `${l.mode}${l.on.length ? ` on ${l.on.join(', ')}` : ''}`).join('; ');
          return `${m.name}:${s.line} ${s.summary}${locks ? ` (${locks})` : ''}`;
        }),
      );
    if (settings.runUrl) body.approveUrl = settings.runUrl;
  }
  if (result.error) body.error = { code: result.error.code, message: result.error.message };
  return redactDeep(body);
}

export function driftEvent(
  result: DriftResult,
  context: { environment?: string; repository?: string; runUrl?: string; commit?: string; durationMs: number },
  now = new Date(),
): NotifyEvent | undefined {
  if (!result.drift) return undefined;
  return redactDeep({
    event: 'drift-found',
    environment: context.environment ?? result.target.maskedUrl,
    repository: context.repository ?? null,
    runUrl: context.runUrl ?? null,
    migrations: [
      ...result.history.failed.map((f) => ({ name: f.name, status: 'failed' })),
      ...result.history.edited.map((e) => ({ name: e.name, status: 'edited-after-apply' })),
      ...result.history.missingLocally.map((name) => ({ name, status: 'missing-locally' })),
    ],
    result: 'drift',
    durationMs: context.durationMs,
    approvedBy: [],
    at: now.toISOString(),
    commit: context.commit,
    driftCount: result.driftCount,
    differences: result.differences.slice(0, 50).map((d) => `${d.change} ${d.objectType} ${d.identity}: ${d.detail}`),
  } satisfies NotifyEvent);
}
