/**
 * What a batched statement will do, for plan and dry-run: its table and key, batch size and
 * pause, and — against a database — the table's estimated rows and the number of batches.
 */
import type pg from 'pg';
import type { BatchedStatement } from './directive.js';
import { estimateRows, resolveBatchKey } from './key.js';

export interface PlannedBatch {
  table: string;
  /** The key column; unknown until the table exists. */
  key?: string;
  size: number;
  pauseMs: number;
  maxLagMs?: number;
  timeoutMs?: number;
  estimatedRows?: number;
  estimatedBatches?: number;
}

function offline(b: BatchedStatement): PlannedBatch {
  const { directive, target } = b;
  return {
    table: target.schema ? `${target.schema}.${target.table}` : target.table,
    key: directive.key,
    size: directive.size,
    pauseMs: directive.pauseMs,
    maxLagMs: directive.maxLagMs,
    timeoutMs: directive.timeoutMs,
  };
}

/** Keys and estimates of a migration's batched statements (throws E_BATCH_KEY as apply would). */
async function estimate(
  client: pg.Client,
  prepared: { batched: BatchedStatement[]; migration: { sqlPath: string; name: string } },
): Promise<Map<number, PlannedBatch>> {
  const out = new Map<number, PlannedBatch>();
  for (const b of prepared.batched) {
    const key = await resolveBatchKey(client, b, { file: prepared.migration.sqlPath, migration: prepared.migration.name });
    const planned = offline(b);
    if (key) {
      const rows = await estimateRows(client, key.relation);
      Object.assign(planned, {
        table: key.table,
        key: key.column,
        estimatedRows: rows,
        estimatedBatches: Math.floor(rows / b.directive.size) + 1,
      });
    }
    out.set(b.statement.index, planned);
  }
  return out;
}

export const planBatches = { offline, estimate };
