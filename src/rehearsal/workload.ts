/**
 * A small synthetic application: a few sessions doing what an application does to the touched
 * tables — primary-key reads, inserts and updates — each query timed, so the rehearsal reports how
 * long real queries waited behind a migration's locks, not just the lock's name. Readers and
 * writers are separate sessions, so a blocked write never hides whether reads still run. Inserts
 * copy an existing row and change nothing (ON CONFLICT DO NOTHING), updates set a key to itself:
 * the table's size stays what was rehearsed.
 */
import type pg from 'pg';
import { openClient } from '../postgres/client.js';
import { qualify, quoteIdent } from '../postgres/sql.js';
import type { ConnectionSettings } from '../postgres/url.js';

export type QueryKind = 'read' | 'insert' | 'update';
export const WORKLOAD_KINDS: QueryKind[] = ['read', 'read', 'insert', 'update'];
const KEY_SAMPLE = 500;

export interface WorkloadQuery {
  pid: number;
  kind: QueryKind;
  /** `schema.table`. */
  table: string;
  start: number;
  end: number;
  failed?: boolean;
}

interface TableStatements {
  key: string;
  read: string;
  insert?: string;
  update?: string;
  keys: string[][];
}

/** Reads each table's primary key and a sample of its values; tables without one get reads only. */
async function prepareTables(client: pg.Client, schema: string, tables: string[]): Promise<TableStatements[]> {
  const prepared: TableStatements[] = [];
  for (const table of tables) {
    const target = qualify(schema, table);
    const info = await client.query<{ pk: string[] | null; cols: string[]; always: boolean }>(
      `SELECT (SELECT array_agg(a.attname::text ORDER BY k.n) FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY k(attnum, n)
                JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum WHERE i.indrelid = c.oid AND i.indisprimary) AS pk,
              (SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a
                WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '') AS cols,
              EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attidentity = 'a') AS always
         FROM pg_class c WHERE c.oid = to_regclass($1)`,
      [target],
    );
    const row = info.rows[0];
    if (!row) continue;
    const key = `${schema}.${table}`;
    if (!row.pk?.length) {
      prepared.push({ key, read: `SELECT 1 FROM ${target} LIMIT 1`, keys: [[]] });
      continue;
    }
    const pk = row.pk.map(quoteIdent);
    const where = `(${pk.join(', ')}) = (${pk.map((_, i) => `$${i + 1}`).join(', ')})`;
    const sample = await client.query<string[]>({
      text: `SELECT ${pk.map((c) => `${c}::text`).join(', ')} FROM ${target} LIMIT ${KEY_SAMPLE}`,
      rowMode: 'array',
    });
    if (!sample.rows.length) continue;
    const cols = row.cols.map(quoteIdent).join(', ');
    prepared.push({
      key,
      read: `SELECT * FROM ${target} WHERE ${where}`,
      insert: `INSERT INTO ${target} (${cols}) ${row.always ? 'OVERRIDING SYSTEM VALUE ' : ''}SELECT ${cols} FROM ${target} WHERE ${where} ON CONFLICT DO NOTHING`,
      update: `UPDATE ${target} SET ${pk[0]} = ${pk[0]} WHERE ${where}`,
      keys: sample.rows,
    });
  }
  return prepared;
}

export class Workload {
  readonly queries: WorkloadQuery[] = [];
  private running = false;
  private loops: Promise<void>[] = [];

  private constructor(
    private readonly clients: pg.Client[],
    readonly pids: number[],
    private readonly tables: TableStatements[],
  ) {}

  /** Sessions connected and tables prepared; nothing runs until `run`. */
  static async prepare(settings: ConnectionSettings, tables: string[], kinds = WORKLOAD_KINDS): Promise<Workload> {
    const clients: pg.Client[] = [];
    for (const _ of kinds) clients.push(await openClient(settings, { applicationName: 'prisma-migrate-actions rehearsal workload' }));
    const pids: number[] = [];
    for (const client of clients) pids.push((await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid);
    const prepared = await prepareTables(clients[0], settings.schema, tables);
    const workload = new Workload(clients, pids, prepared);
    workload.kinds = kinds;
    return workload;
  }

  private kinds: QueryKind[] = WORKLOAD_KINDS;

  get tableCount(): number {
    return this.tables.length;
  }

  run(): void {
    if (!this.tables.length) return;
    this.running = true;
    this.loops = this.clients.map((client, i) => this.loop(client, this.pids[i], this.kinds[i], i));
  }

  private async loop(client: pg.Client, pid: number, kind: QueryKind, seed: number): Promise<void> {
    let n = seed * 7;
    while (this.running) {
      const table = this.tables[n % this.tables.length];
      const text = table[kind] ?? table.read;
      const values = table.keys[(n * 31) % table.keys.length];
      n++;
      const start = performance.now();
      let failed = false;
      try {
        await client.query(text, values.length ? values : undefined);
      } catch {
        failed = true; // the migration changed the table under it (a dropped column); the wait still counts
      }
      this.queries.push({ pid, kind: table[kind] ? kind : 'read', table: table.key, start, end: performance.now(), failed });
      // A little think time between queries, as an application has; also leaves the CPU to the migration.
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops.map((l) => l.catch(() => undefined)));
    await Promise.all(this.clients.map((c) => c.end().catch(() => undefined)));
  }
}
