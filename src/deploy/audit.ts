/**
 * The audit record of a production deploy: who approved what, what ran, what it cost, how it
 * ended. Written to JSON (redacted) and optionally appended to a table in a dedicated schema of
 * the target that drift-check ignores.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ErrorLocation } from '../errors.js';
import { redactDeep } from '../postgres/redact.js';
import type { ConnectionSettings } from '../postgres/url.js';
import { withClient } from '../postgres/client.js';

export const AUDIT_SCHEMA = 'prisma_migrate_actions';
export const AUDIT_TABLE = 'deployments';

export interface AuditRecord {
  recordVersion: 1;
  id: string;
  startedAt: string;
  finishedAt: string;
  outcome: string;
  environment: string;
  repository?: string;
  commit?: string;
  runUrl?: string;
  actor?: string;
  approvers: string[];
  approvalSource: 'github' | 'command-line' | 'not-required';
  /** Masked URL. */
  database: string;
  serverVersion?: string;
  migrations: Array<{
    name: string;
    checksum: string;
    durationMs?: number;
    retries?: number;
    status: 'applied' | 'pending' | 'failed' | 'undone-by-restore';
  }>;
  backup?: { path: string; sha256: string; sizeBytes: number; manifestPath: string };
  timingsMs: Record<string, number>;
  lockWaits: Array<{ pid: number; waitedMs: number; blockedBy: number[]; applicationName: string }>;
  databaseSizeBefore?: number;
  databaseSizeAfter?: number;
  warnings: string[];
  /** The stale migration-lock holder this deploy ended (take-over-stale-lock). */
  staleLockTakeOver?: { pid: number; applicationName: string; idleMs: number };
  error?: { code: string; message: string; remedy?: string; where?: ErrorLocation };
}

export function writeAuditFile(record: AuditRecord, dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `audit-${record.environment.replace(/[^A-Za-z0-9_-]/g, '_')}-${record.startedAt.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(redactDeep(record), null, 2) + '\n', { mode: 0o600 });
  return file;
}

/** Appends the record to prisma_migrate_actions.deployments (created when missing). */
export async function appendAuditRow(settings: ConnectionSettings, record: AuditRecord): Promise<void> {
  await withClient(settings, { applicationName: 'prisma-migrate-actions-audit' }, async (client) => {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${AUDIT_SCHEMA}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${AUDIT_SCHEMA}.${AUDIT_TABLE} (
         id text PRIMARY KEY, started_at timestamptz NOT NULL, finished_at timestamptz NOT NULL,
         environment text NOT NULL, outcome text NOT NULL, commit text, actor text, approvers text[] NOT NULL,
         record jsonb NOT NULL)`,
    );
    const safe = redactDeep(record);
    await client.query(
      `INSERT INTO ${AUDIT_SCHEMA}.${AUDIT_TABLE} (id, started_at, finished_at, environment, outcome, commit, actor, approvers, record)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        safe.id,
        safe.startedAt,
        safe.finishedAt,
        safe.environment,
        safe.outcome,
        safe.commit ?? null,
        safe.actor ?? null,
        safe.approvers,
        JSON.stringify(safe),
      ],
    );
  });
}
