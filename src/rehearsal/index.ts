/**
 * A rehearsal at production scale: the touched tables of the upgraded-from database filled to
 * production's sizes (or rehearsal-rows, within a budget), then each new statement traced under
 * a synthetic workload — which locks it really takes, for how long, whether it rewrites the
 * table, and how long the application waits behind it.
 */
import type pg from 'pg';
import { withClient } from '../postgres/client.js';
import type { ConnectionSettings } from '../postgres/url.js';
import type { LocalMigration } from '../migrations/reader.js';
import { seedDatabase } from '../seed/index.js';
import { touchedTables } from '../pr-check/touched-tables.js';
import { bulkSeed, type BulkSeedResult } from './bulk-seed.js';
import { sizeTables, type RowsSpec, type Sizing } from './sizing.js';
import { traceMigrations, type TraceResult, type TracedStatement } from './trace.js';
import type { RehearsalData, RehearsedStatement } from './types.js';

export { parseRowsSpec, DEFAULT_REHEARSAL_BUDGET, DEFAULT_REHEARSAL_ROWS, type RowsSpec } from './sizing.js';
export {
  observationFindings,
  downgradeHarmless,
  rehearsalTable,
  settleLintCheck,
  describeRehearsal,
  atProductionSize,
  REHEARSAL_TITLE,
} from './findings.js';
export type { RehearsalData, RehearsedStatement, ObservedLock, RehearsalSettings } from './types.js';

/** Rows the small seeder gives every table first, so the parents of the touched tables have keys to point at. */
const PARENT_ROWS = 20;

export interface RehearsalOptions {
  /** A database at the upgraded-from state (the base branch's migrations applied); it is filled and migrated. */
  connection: ConnectionSettings;
  /** The new migrations, in order. */
  migrations: LocalMigration[];
  /** Read-only production or staging database the sizes come from. */
  stats?: ConnectionSettings;
  rows: RowsSpec;
  budget: number;
  timeoutMs: number;
  serverMajor?: number;
  sampleIntervalMs?: number;
  log?: (line: string) => void;
  /** Tracing starts once this settles (other work on the server would distort the timings); filling does not wait. */
  traceAfter?: Promise<void>;
}

export interface RehearsalResult {
  data: RehearsalData;
  statements: TracedStatement[];
  sizing: Sizing;
  seeded: BulkSeedResult[];
  trace: Omit<TraceResult, 'statements'>;
  /** The touched tables that existed before the change, `schema.table`. */
  existing: Set<string>;
  seedMs: number;
  traceMs: number;
}

/** Touched tables (by the new migrations) that exist in the database now. */
export async function existingTouchedTables(client: pg.Client, schema: string, migrations: LocalMigration[]): Promise<string[]> {
  const touched = [...(await touchedTables(migrations))];
  const rows = (
    await client.query<{ relname: string }>(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND c.relname = ANY($2) ORDER BY 1`,
      [schema, touched],
    )
  ).rows;
  return rows.map((r) => r.relname);
}

export async function rehearse(options: RehearsalOptions): Promise<RehearsalResult> {
  const { connection, log } = options;
  const schema = connection.schema;
  const seedStarted = performance.now();
  const { tables, sizing, seeded, rows } = await withClient(
    connection,
    { applicationName: 'prisma-migrate-actions rehearsal seed' },
    async (client) => {
      const tables = await existingTouchedTables(client, schema, options.migrations);
      const sizing = await sizeTables({ schema, tables, stats: options.stats, rows: options.rows, budget: options.budget });
      await seedDatabase(client, { schema, rowsPerTable: PARENT_ROWS });
      const seeded = await bulkSeed(client, schema, new Map(sizing.tables.map((t) => [t.table, t.rehearsed])), log);
      const rows: Record<string, number> = {};
      for (const t of sizing.tables) rows[t.key] = seeded.find((s) => s.table === t.table)?.rows ?? 0;
      return { tables, sizing, seeded, rows };
    },
  );
  const seedMs = performance.now() - seedStarted;
  await options.traceAfter;
  const traceStarted = performance.now();
  const trace = await traceMigrations({
    connection,
    migrations: options.migrations,
    tables,
    timeoutMs: options.timeoutMs,
    serverMajor: options.serverMajor,
    sampleIntervalMs: options.sampleIntervalMs,
    log,
  });
  const traceMs = performance.now() - traceStarted;
  if (sizing.source === 'stats-database') {
    // Linear in rows: the statement's time × (production rows / rehearsed rows) of the largest factor among the tables it locked.
    for (const s of trace.statements) {
      const factors = s.locks
        .map((l) => sizing.tables.find((t) => t.key === l.relation))
        .filter((t) => t !== undefined && rows[t.key] > 0)
        .map((t) => t!.wanted / rows[t!.key]);
      s.estimatedProductionMs = Math.round(s.durationMs * Math.max(1, ...factors));
    }
  }
  const { statements, ...rest } = trace;
  return {
    data: {
      rows,
      scaledDown: sizing.scaledDown,
      ...(sizing.source === 'stats-database'
        ? { productionRows: Object.fromEntries(sizing.tables.filter((t) => t.fromStats).map((t) => [t.key, t.wanted])) }
        : {}),
      statements: statements.map(publicShape),
    },
    statements,
    sizing,
    seeded,
    trace: rest,
    existing: new Set(sizing.tables.map((t) => t.key)),
    seedMs,
    traceMs,
  };
}

/** A traced statement as `data.rehearsal` carries it. */
function publicShape(s: TracedStatement): RehearsedStatement {
  return {
    migration: s.migration,
    line: s.line,
    sql: s.sql,
    locks: s.locks,
    durationMs: s.durationMs,
    rewrite: s.rewrite,
    blocked: s.blocked,
    ...(s.estimatedProductionMs !== undefined ? { estimatedProductionMs: s.estimatedProductionMs } : {}),
    ...(s.timedOut ? { timedOut: true } : {}),
  };
}
