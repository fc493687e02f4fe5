/**
 * The pull request's rehearsal at production scale (src/rehearsal/): on its own database at the
 * base branch's state, filled while the concurrent steps run and traced after them (so their load
 * does not distort its timings).
 * Its findings join the report, lint lock findings it proves harmless become notices, and its
 * per-statement table goes to the PR comment and job summary.
 */
import type { LocalMigration } from '../migrations/reader.js';
import type { HistoryGuardResult } from '../guard/history-guard.js';
import { addFindings, addTable } from '../report/model.js';
import { plural } from '../report/format.js';
import {
  describeRehearsal,
  downgradeHarmless,
  existingTouchedTables,
  observationFindings,
  rehearsalTable,
  rehearse,
  settleLintCheck,
  type RehearsalData,
} from '../rehearsal/index.js';
import { atBaseBranch, CHECK, displayPath, step, withClient, type PrCheckRun } from './run.js';

export async function rehearseAtScale(
  run: PrCheckRun,
  base: LocalMigration[],
  added: LocalMigration[],
  guard: HistoryGuardResult | undefined,
  /** Settles when the concurrent steps are done: the new migrations are traced after it. */
  quiet: Promise<void>,
): Promise<RehearsalData | undefined> {
  const { settings, env } = run;
  let data: RehearsalData | undefined;
  await step(run, CHECK.scaleRehearsal, async (check) => {
    if (settings.rehearsal === 'off' || !guard || !base.length || !added.length) {
      check.status = 'skip';
      check.detail =
        settings.rehearsal === 'off'
          ? 'Turned off (rehearsal: off).'
          : !guard
            ? 'No base branch: no existing tables to rehearse on.'
            : !base.length
              ? 'The base branch has no migrations.'
              : 'No new migrations.';
      return;
    }
    const { database: db } = await atBaseBranch(run, guard, base, 'rehearsal');
    const existing = await withClient(db, (client) => existingTouchedTables(client, run.schema, added));
    if (!existing.length) {
      check.status = 'skip';
      check.detail = 'The new migrations touch no table that exists before them: nothing to rehearse.';
      return;
    }
    const result = await rehearse({
      connection: db,
      migrations: added,
      stats: settings.statsDatabase,
      rows: settings.rehearsalRows,
      budget: settings.rehearsalBudget,
      timeoutMs: settings.rehearsalTimeoutMs,
      serverMajor: run.server.major || undefined,
      log: env.log,
      traceAfter: quiet,
    });
    data = result.data;
    const fileOf = (migration: string) => displayPath(run, undefined, migration);
    const options = { maxBlockingMs: settings.maxBlockingMs, fileOf, existing: result.existing };
    const findings = observationFindings(result.statements, options);
    addFindings(run.report, findings);
    const downgraded = downgradeHarmless(run.report.findings, result.statements, options);
    settleLintCheck(
      run.report.checks.find((c) => c.name === CHECK.lint),
      run.report.findings,
      downgraded,
    );
    addTable(run.report, rehearsalTable(result.data.statements, result.sizing.source === 'stats-database'));
    check.detail = [
      ...describeRehearsal(result),
      ...(downgraded
        ? [`${plural(downgraded, 'lint finding')} shown harmless at these sizes, now ${downgraded === 1 ? 'a notice' : 'notices'}.`]
        : []),
    ].join(' ');
    const skipped = result.seeded.filter((s) => s.skipped);
    check.items = [...result.sizing.notes, ...skipped.map((s) => `${s.table} not filled: ${s.skipped}`)];
    if (findings.some((f) => f.severity === 'error')) check.status = 'fail';
    else if (result.trace.stopped || skipped.length) check.status = 'warn';
  });
  return data;
}
