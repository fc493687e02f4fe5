/**
 * The production pipeline: gate → preflight → backup → apply (monitored) → verify, with a
 * failure policy and one audit record however it ends. Nothing touches the database before the
 * gate has passed; nothing is applied without its backup unless skipping it was explicit.
 * Each stage lives in its own module (gate, preflight, apply-step, verify, failure-policy);
 * this one runs them in order and closes the record.
 */
import { redact } from '../postgres/redact.js';
import { withClient } from '../postgres/client.js';
import { databaseSize } from '../postgres/server-facts.js';
import { appendAuditRow, writeAuditFile } from './audit.js';
import { approvalGate } from './gate.js';
import { preflight } from './preflight.js';
import { applyMonitored, takeBackup } from './apply-step.js';
import { verifyDeploy } from './verify.js';
import { rehearseDryRun } from './rehearsal-step.js';
import { onFailure } from './failure-policy.js';
import { deploySession, DeployRun, Stop } from './run.js';
import type { DeployDependencies, DeployOutcome, DeployResult, DeploySettings } from './types.js';
import { shipAuditRecord } from '../notify/audit-sinks.js';

export type {
  DeployDependencies,
  DeployError,
  DeployOutcome,
  DeployResult,
  DeploySettings,
  DriftPolicy,
  DriftSummary,
  FailurePolicy,
} from './types.js';

export async function deploy(settings: DeploySettings, deps: DeployDependencies): Promise<DeployResult> {
  const run = new DeployRun(settings, deps);
  let outcome: DeployOutcome = 'failed';
  try {
    await approvalGate(run);
    const proceed = await preflight(run);
    if (!proceed) outcome = 'no-op';
    else if (settings.dryRun) {
      await rehearseDryRun(run);
      outcome = 'dry-run';
    } else {
      await rehearseDryRun(run); // says it does not run here
      await takeBackup(run);
      const failure = await applyMonitored(run);
      if (failure) {
        run.recordError(failure);
        outcome = await onFailure(run, failure);
      } else {
        outcome = 'success';
        await verifyDeploy(run);
      }
    }
  } catch (error) {
    if (error instanceof Stop) {
      outcome = error.outcome;
      if (error.reason) run.recordError(error.reason);
    } else {
      run.recordError(error);
      outcome = 'failed';
    }
  }
  try {
    return await finish(run, outcome);
  } finally {
    await run.deployLock?.release();
  }
}

async function finish(run: DeployRun, outcome: DeployOutcome): Promise<DeployResult> {
  const { settings, audit } = run;
  audit.outcome = outcome;
  audit.finishedAt = new Date().toISOString();
  audit.timingsMs.total = Date.now() - run.started;
  if (run.error) audit.error = run.error;
  const touched = outcome !== 'refused' && outcome !== 'dry-run';
  if (touched) {
    await withClient(settings.connection, deploySession('prisma-migrate-actions-audit', { readOnly: true }), async (client) => {
      audit.databaseSizeAfter = await databaseSize(client);
    }).catch(() => undefined);
  }
  if (settings.auditTable && touched) {
    await appendAuditRow(settings.connection, audit).catch((error) =>
      audit.warnings.push(`Audit row not written: ${redact((error as Error).message)}`),
    );
  }
  const auditPath = writeAuditFile(audit, settings.reportDir);
  const shipping = outcome === 'dry-run' ? undefined : await shipAuditRecord(audit, settings.auditSinks ?? []);
  if (shipping) run.steps.push(shipping);
  return {
    outcome,
    steps: run.steps,
    applied: run.applied,
    pending: run.pending.map((m) => m.name),
    plan: run.plan,
    lint: run.lint,
    rehearsal: run.rehearsal,
    rehearsalFindings: run.rehearsalFindings,
    backup: run.backup,
    monitor: run.monitor,
    audit,
    auditPath,
    manualCommands: run.manualCommands,
    error: run.error,
  };
}
