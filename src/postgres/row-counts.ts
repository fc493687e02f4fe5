/**
 * Exact row counts of many tables in a few round trips: a query per table adds up to seconds on
 * a schema of hundreds of tables, while the server's work (a scan each) is the same either way.
 */
import type pg from 'pg';
import { qualify } from './sql.js';

/** Tables per query: keeps the query text and its plan a modest size on very wide schemas. */
const TABLES_PER_QUERY = 500;

/**
 * Rows in each table, in the order given. `only` leaves out the rows of inheritance children
 * (each counted on its own); a partitioned table needs `only: false` to count its partitions.
 */
export async function countTableRows(
  client: pg.Client,
  tables: ReadonlyArray<{ schema: string; name: string }>,
  options: { only: boolean; tablesPerQuery?: number },
): Promise<number[]> {
  const perQuery = options.tablesPerQuery ?? TABLES_PER_QUERY;
  const counts: number[] = [];
  for (let start = 0; start < tables.length; start += perQuery) {
    const chunk = tables.slice(start, start + perQuery);
    const scans = chunk.map((t) => `(SELECT count(*) FROM ${options.only ? 'ONLY ' : ''}${qualify(t.schema, t.name)})`);
    const result = await client.query<{ n: string[] }>(`SELECT ARRAY[${scans.join(', ')}]::int8[] AS n`);
    counts.push(...result.rows[0].n.map(Number));
  }
  return counts;
}
