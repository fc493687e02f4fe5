/** The lint step: the new migrations, with the merged history as what already exists. */
import type { LocalMigration } from '../migrations/reader.js';
import { lintMigrations } from '../lint/index.js';
import { addFindings } from '../report/model.js';
import { reportFindings } from '../report/lint-findings.js';
import { CHECK, displayPath, step, type PrCheckRun } from './run.js';
import { plural, severityCounts } from '../report/format.js';

export async function lintNewMigrations(run: PrCheckRun, added: LocalMigration[], base: LocalMigration[]): Promise<void> {
  const { settings, env } = run;
  const toSource = (m: LocalMigration) => ({ name: m.name, path: displayPath(run, m.sqlPath, m.name)!, sql: m.sql });
  await step(run, CHECK.lint, async (check) => {
    if (!added.length) {
      check.status = 'skip';
      check.detail = 'No new migrations to lint.';
      return;
    }
    const result = await lintMigrations({
      migrations: added.map(toSource),
      existing: base.map(toSource),
      engine: settings.engine,
      serverMajor: run.server.major || undefined,
      log: env.log,
    });
    const findings = reportFindings(result.findings, { failOn: settings.failOn });
    addFindings(run.report, findings);
    const errors = findings.filter((f) => f.severity === 'error').length;
    check.status = errors ? 'fail' : result.findings.length ? 'warn' : 'pass';
    check.detail = `${plural(result.statementsLinted, 'statement')} in ${plural(result.migrationsLinted, 'migration')}: ${severityCounts(result.summary)}; ${result.silenced.length} silenced.`;
    check.items = result.silenced.map((s) => `${s.ruleId} silenced at ${s.file}:${s.line} — ${s.reason}`);
  });
}
