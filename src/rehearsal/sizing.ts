/**
 * How many rows each touched table gets in the rehearsal: the production (or staging) sizes read
 * from a stats database when one is given (pg_class.reltuples, read-only, statement-timeout
 * bounded), else `rehearsal-rows`; then capped by the row budget, scaled down proportionally.
 */
import { withClient } from '../postgres/client.js';
import type { ConnectionSettings } from '../postgres/url.js';

const STATS_TIMEOUT_MS = 10_000;

export { DEFAULT_REHEARSAL_ROWS, DEFAULT_REHEARSAL_BUDGET, parseRowsSpec, type RowsSpec } from './rows-spec.js';
import type { RowsSpec } from './rows-spec.js';

export interface TableSize {
  /** `schema.table` in the rehearsal database. */
  key: string;
  table: string;
  /** Rows the sizes ask for (production's when read from the stats database). */
  wanted: number;
  /** `wanted` is the stats database's estimate (not rehearsal-rows). */
  fromStats: boolean;
  /** Rows the rehearsal generates (after the budget). */
  rehearsed: number;
  /** Read from the stats database: on-disk size of the table and of its indexes. */
  tableBytes?: number;
  indexBytes?: number;
}

export interface Sizing {
  source: 'stats-database' | 'rehearsal-rows';
  tables: TableSize[];
  scaledDown: boolean;
  /** rehearsed / wanted over all tables (1 when not scaled down). */
  scale: number;
  /** What the reader should know (a table the stats database has no estimate for …). */
  notes: string[];
}

interface StatsRow {
  relname: string;
  reltuples: number;
  table_bytes: string;
  index_bytes: string;
}

/** Sizes of `tables` (names in `schema`) from the stats database, read-only; tables it lacks or never analyzed are left out. */
export async function readProductionSizes(stats: ConnectionSettings, tables: string[]): Promise<Map<string, StatsRow>> {
  const rows = await withClient(
    stats,
    { applicationName: 'prisma-migrate-actions rehearsal sizes', readOnly: true, statementTimeoutMs: STATS_TIMEOUT_MS },
    async (client) =>
      (
        await client.query<StatsRow>(
          `SELECT c.relname, c.reltuples::float8 AS reltuples, (c.relpages::bigint * current_setting('block_size')::int)::text AS table_bytes,
                  pg_indexes_size(c.oid)::text AS index_bytes
             FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = $1 AND c.relname = ANY($2) AND c.relkind IN ('r', 'p')`,
          [stats.schema, tables],
        )
      ).rows,
  );
  return new Map(rows.map((r) => [r.relname, r]));
}

export interface SizingInput {
  schema: string;
  /** The touched tables that exist before the change. */
  tables: string[];
  stats?: ConnectionSettings;
  rows: RowsSpec;
  budget: number;
}

export async function sizeTables(input: SizingInput): Promise<Sizing> {
  const notes: string[] = [];
  const stats = input.stats ? await readProductionSizes(input.stats, input.tables) : undefined;
  const tables: TableSize[] = input.tables.map((table) => {
    const key = `${input.schema}.${table}`;
    const fallback = input.rows.perTable[table] ?? input.rows.perTable[key] ?? input.rows.default;
    const row = stats?.get(table);
    if (stats && (!row || row.reltuples < 0)) {
      notes.push(
        `${table}: the stats database ${row ? 'has never analyzed it' : 'has no such table'}; rehearsed with ${fallback.toLocaleString('en-US')} rows.`,
      );
    }
    const fromStats = row && row.reltuples >= 0 ? Math.round(row.reltuples) : undefined;
    return {
      key,
      table,
      wanted: fromStats ?? fallback,
      fromStats: fromStats !== undefined,
      rehearsed: fromStats ?? fallback,
      tableBytes: row ? Number(row.table_bytes) : undefined,
      indexBytes: row ? Number(row.index_bytes) : undefined,
    };
  });
  const total = tables.reduce((sum, t) => sum + t.wanted, 0);
  const scaledDown = total > input.budget;
  const scale = scaledDown ? input.budget / total : 1;
  if (scaledDown) for (const t of tables) t.rehearsed = Math.max(t.wanted > 0 ? 1 : 0, Math.floor(t.wanted * scale));
  return { source: stats ? 'stats-database' : 'rehearsal-rows', tables, scaledDown, scale, notes };
}
