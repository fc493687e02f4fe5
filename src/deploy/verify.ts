/** Post-deploy verification: status, drift, smoke SQL in a read-only transaction and an HTTP health check. */
import fs from 'node:fs';
import { MigrateActionsError } from '../errors.js';
import { redact } from '../postgres/redact.js';
import type { ConnectionSettings } from '../postgres/url.js';
import { withClient } from '../postgres/client.js';
import { loadParser, splitStatements, summarizeStatement } from '../sql/parser.js';
import { migrationStatus } from '../migrations/status.js';
import { Stop, type DeployRun } from './run.js';
import { plural } from '../report/format.js';

/** Runs each statement of the file read-only; the first failure is a typed error with its line. */
export async function runSmokeSql(settings: ConnectionSettings, file: string, timeoutMs = 30_000): Promise<number> {
  let sql: string;
  try {
    sql = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new MigrateActionsError('E_SMOKE_FILE', `Cannot read the smoke SQL file ${file}: ${(error as Error).message}`, {
      remedy: 'Check the smoke-sql path.',
    });
  }
  await loadParser();
  const statements = splitStatements(sql, { file });
  return withClient(
    settings,
    { applicationName: 'prisma-migrate-actions-verify', readOnly: true, statementTimeoutMs: timeoutMs },
    async (client) => {
      await client.query('BEGIN READ ONLY');
      for (const statement of statements) {
        try {
          await client.query(statement.text);
        } catch (error) {
          throw new MigrateActionsError(
            'E_SMOKE_SQL',
            `Smoke query failed: ${summarizeStatement(statement.text)} — ${redact((error as Error).message)}`,
            {
              where: { file, line: statement.line, column: statement.column },
              remedy: 'The migration is applied; check whether the application still works, and fix forward or restore the backup.',
            },
          );
        }
      }
      await client.query('ROLLBACK');
      return statements.length;
    },
  );
}

/** GET the URL until it answers 2xx, up to `attempts` times. */
export async function checkHealth(url: string, attempts = 5, delayMs = 2000): Promise<{ status: number; attempts: number }> {
  let last = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      if (response.ok) return { status: response.status, attempts: attempt };
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    if (attempt < attempts) await new Promise((r) => setTimeout(r, delayMs));
  }
  throw new MigrateActionsError(
    'E_HEALTH_CHECK',
    `The health check ${redact(url)} did not answer 2xx after ${attempts} attempts (last: ${redact(last)}).`,
    {
      remedy: 'The migration is applied; check the application, then fix forward or restore the pre-migration backup.',
    },
  );
}

/** The Verify step: up to date, drift (by policy), smoke SQL, health check. A failure fails the deploy. */
export async function verifyDeploy(run: DeployRun): Promise<void> {
  const { settings } = run;
  await run
    .step('Verify', async (step) => {
      const items: string[] = [];
      const status = await migrationStatus({ connection: settings.connection, migrations: run.local });
      if (!status.upToDate)
        throw new MigrateActionsError('E_VERIFY', `After the deploy the database is not up to date: ${status.lines.join('; ')}`, {
          remedy: 'Run status and resolve what it reports.',
        });
      items.push('Status: up to date.');
      if (run.deps.drift && settings.driftPolicy !== 'ignore') {
        const drift = await run.deps.drift(settings.connection, settings.migrationsDir, run.log);
        items.push(drift.drift ? `Drift after deploy: ${plural(drift.count, 'object')}.` : 'No drift after deploy.');
        if (drift.drift) step.status = 'warn';
      }
      if (settings.smokeSqlFile)
        items.push(`Smoke SQL: ${await runSmokeSql(settings.connection, settings.smokeSqlFile)} read-only queries succeeded.`);
      if (settings.healthCheckUrl) {
        const health = await checkHealth(settings.healthCheckUrl, settings.healthCheckAttempts ?? 5);
        items.push(`Health check: HTTP ${health.status} after ${plural(health.attempts, 'attempt')}.`);
      }
      step.items = items;
    })
    .catch((error) => {
      run.recordError(error);
      throw new Stop('failed');
    });
}
