/** Post-deploy verification: smoke SQL in a read-only transaction and an HTTP health check. */
import fs from 'node:fs';
import pg from 'pg';
import { MigrateActionsError } from '../errors.js';
import { redact } from '../postgres/redact.js';
import { toClientConfig, type ConnectionSettings } from '../postgres/url.js';
import { loadParser, splitStatements, summarizeStatement } from '../sql/parser.js';

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
  const client = new pg.Client(
    toClientConfig(settings, { applicationName: 'prisma-migrate-actions-verify', readOnly: true, statementTimeoutMs: timeoutMs }),
  );
  await client.connect();
  try {
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
    return statements.length;
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end().catch(() => undefined);
  }
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
