/**
 * The lock sampler: a second session that polls pg_locks every few milliseconds for the
 * migration's backend and the workload's, and keeps what it saw as spans — a lock from the first
 * sample that showed it to the last. PostgreSQL exposes no lock history, so sampling is the only
 * way to see a lock another session takes and releases within one statement (a non-transactional
 * CREATE INDEX CONCURRENTLY); locks of a transaction are also read by the migration's own session.
 */
import type pg from 'pg';
import { openClient } from '../postgres/client.js';
import type { ConnectionSettings } from '../postgres/url.js';
import { lockModeName } from './types.js';

export const DEFAULT_SAMPLE_INTERVAL_MS = 2;

export interface LockSpan {
  pid: number;
  relation: string;
  mode: string;
  granted: boolean;
  first: number;
  last: number;
}

interface LockRow {
  pid: number;
  mode: string;
  granted: boolean;
  relation: string | null;
  by_migration: boolean;
}

// Relation locks in the schema (tables only, by name), and any lock a session waits for — with
// whether the migration's backend is what it waits behind (workload sessions also wait for each other's rows).
const SAMPLE_SQL = `SELECT l.pid, l.mode, l.granted, CASE WHEN c.relkind IN ('r', 'p', 'm') AND n.nspname = $2 THEN n.nspname || '.' || c.relname END AS relation,
       CASE WHEN NOT l.granted THEN $3::int = ANY (pg_blocking_pids(l.pid)) ELSE false END AS by_migration
  FROM pg_locks l LEFT JOIN pg_class c ON c.oid = l.relation LEFT JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE l.pid = ANY($1::int[]) AND ((l.locktype = 'relation' AND c.relname NOT LIKE 'pg\\_temp\\_%') OR NOT l.granted)`;

export class LockSampler {
  readonly spans: LockSpan[] = [];
  samples = 0;
  /** Gaps between consecutive samples, for the resolution the report states. */
  private gaps: number[] = [];
  private open = new Map<string, LockSpan>();
  private running = false;
  private loop?: Promise<void>;

  private constructor(
    private readonly client: pg.Client,
    private readonly schema: string,
    private readonly intervalMs: number,
    readonly migrationPid: number,
  ) {}

  /** Samples the locks of `migrationPid` and of `otherPids` (the workload) until `stop`. */
  static async start(
    settings: ConnectionSettings,
    migrationPid: number,
    otherPids: number[],
    intervalMs = DEFAULT_SAMPLE_INTERVAL_MS,
  ): Promise<LockSampler> {
    const client = await openClient(settings, { applicationName: 'prisma-migrate-actions rehearsal sampler' });
    const sampler = new LockSampler(client, settings.schema, intervalMs, migrationPid);
    sampler.running = true;
    sampler.loop = sampler.run([migrationPid, ...otherPids]);
    return sampler;
  }

  private async run(pids: number[]): Promise<void> {
    let previous: number | undefined;
    while (this.running) {
      const started = performance.now();
      const rows = (
        await this.client.query<LockRow>({ name: 'rehearsal-locks', text: SAMPLE_SQL, values: [pids, this.schema, this.migrationPid] })
      ).rows;
      const at = (started + performance.now()) / 2;
      if (previous !== undefined) this.gaps.push(at - previous);
      previous = at;
      this.samples++;
      this.record(rows, at);
      const rest = this.intervalMs - (performance.now() - started);
      if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
    }
  }

  private record(rows: LockRow[], at: number): void {
    const seen = new Set<string>();
    for (const row of rows) {
      // The workload's waits count only when the migration is what they wait behind.
      if (row.pid !== this.migrationPid && (row.granted || !row.by_migration)) continue;
      const relation = row.relation ?? (row.granted ? undefined : '(other lock)');
      if (!relation) continue;
      const key = `${row.pid}\0${relation}\0${row.mode}\0${row.granted}`;
      seen.add(key);
      const span = this.open.get(key);
      if (span) span.last = at;
      else {
        const fresh: LockSpan = { pid: row.pid, relation, mode: lockModeName(row.mode), granted: row.granted, first: at, last: at };
        this.open.set(key, fresh);
        this.spans.push(fresh);
      }
    }
    for (const key of [...this.open.keys()]) if (!seen.has(key)) this.open.delete(key);
  }

  /** The median gap between samples: locks shorter than about this may go unseen. */
  medianGapMs(): number {
    if (!this.gaps.length) return this.intervalMs;
    const sorted = [...this.gaps].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop?.catch(() => undefined);
    await this.client.end().catch(() => undefined);
  }
}
