/**
 * The dry run's rehearsal at production scale: the pending migrations rehearsed on a throwaway
 * PostgreSQL (src/rehearsal/pending.ts), sized from stats-database-url, so the plan shows each
 * statement's lock, estimated time at production's size and rewrite. Never on the target, and
 * never in a real deploy: it would delay the deploy by the time the rehearsal takes.
 */
import { downgradeHarmless, planFindings, REHEARSAL_TITLE } from '../rehearsal/findings.js';
import { rehearsePlanStep } from '../rehearsal/pending.js';
import type { DeployRun } from './run.js';

export async function rehearseDryRun(run: DeployRun): Promise<void> {
  const { settings } = run;
  const options = settings.rehearsal;
  if (!options || options.rehearsal === 'off' || !options.statsDatabase) return;
  await run.step(REHEARSAL_TITLE, async (step) => {
    if (!settings.dryRun) {
      step.status = 'skip';
      step.detail = 'Not run during a deploy (it would delay it); a dry run shows the estimates.';
      return;
    }
    const rehearsal = await rehearsePlanStep(step, {
      target: settings.connection,
      schema: settings.connection.schema,
      major: Number.parseInt(run.audit.serverVersion ?? '', 10) || undefined,
      applied: run.appliedBefore,
      pending: run.pending,
      settings: options,
      log: run.log,
    });
    if (!rehearsal) return;
    run.rehearsal = rehearsal;
    const fileOf = (migration: string) => run.pending.find((m) => m.name === migration)?.sqlPath;
    const observe = { maxBlockingMs: options.maxBlockingMs, fileOf, existing: rehearsal.existing };
    // The lint findings are the linter's, on the migrations' own paths: the lock ones it shows harmless become notices.
    if (run.lint) downgradeHarmless(run.lint.findings, rehearsal.statements, observe);
    run.rehearsalFindings = planFindings(rehearsal.statements, observe);
  });
}
