/**
 * Live lock monitoring from a second connection while migrations run: sessions waiting on
 * locks and for how long, who blocks them, connection count — sampled, with the worst kept.
 */
import type pg from 'pg';
import { redact } from '../postgres/redact.js';
import type { ConnectionSettings } from '../postgres/url.js';
import { openClient } from '../postgres/client.js';

export interface LockWait {
  pid: number;
  applicationName: string;
  waitedMs: number;
  blockedBy: number[];
  query: string;
}

export interface MonitorSummary {
  samples: number;
  maxConnections: number;
  /** Longest wait seen per waiting session (pid). */
  lockWaits: LockWait[];
  longestWaitMs: number;
}

const SAMPLE_SQL = `
  SELECT a.pid, coalesce(a.application_name, '') AS app, a.query,
         (extract(epoch FROM clock_timestamp() - coalesce(a.state_change, a.query_start)) * 1000)::bigint AS waited_ms,
         pg_blocking_pids(a.pid) AS blocked_by,
         (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()) AS connections
    FROM pg_stat_activity a
   WHERE a.datname = current_database() AND a.wait_event_type = 'Lock' AND a.pid <> pg_backend_pid()
   UNION ALL
  SELECT NULL, NULL, NULL, NULL, NULL, (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database())`;

/**
 * One session's wait across samples: the longest wait, and every blocker seen. A sample taken
 * just as the blocker lets go still shows the session waiting but with no blocker left, so a
 * later sample must not erase the blockers an earlier one saw.
 */
export function mergeLockWait(known: LockWait | undefined, seen: LockWait): LockWait {
  if (!known) return seen;
  const blockedBy = [...new Set([...known.blockedBy, ...seen.blockedBy])];
  const longer = seen.waitedMs > known.waitedMs ? seen : known;
  return { ...longer, blockedBy };
}

export class LockMonitor {
  private client?: pg.Client;
  private timer?: NodeJS.Timeout;
  private busy = false;
  private readonly waits = new Map<number, LockWait>();
  private samples = 0;
  private maxConnections = 0;

  constructor(
    private readonly settings: ConnectionSettings,
    private readonly intervalMs = 250,
    private readonly log?: (line: string) => void,
  ) {}

  async start(): Promise<void> {
    // Long-lived (openClient): one session samples pg_locks for the whole apply.
    this.client = await openClient(this.settings, {
      applicationName: 'prisma-migrate-actions-monitor',
      readOnly: true,
      statementTimeoutMs: 5000,
    });
    this.timer = setInterval(() => void this.sample(), this.intervalMs);
    await this.sample();
  }

  private async sample(): Promise<void> {
    if (this.busy || !this.client) return;
    this.busy = true;
    try {
      const { rows } = await this.client.query(SAMPLE_SQL);
      this.samples++;
      for (const row of rows) {
        this.maxConnections = Math.max(this.maxConnections, Number(row.connections));
        if (row.pid === null) continue;
        const wait: LockWait = {
          pid: row.pid,
          applicationName: row.app,
          waitedMs: Number(row.waited_ms),
          blockedBy: row.blocked_by ?? [],
          query: redact(String(row.query ?? '')).slice(0, 200),
        };
        const known = this.waits.get(wait.pid);
        if (!known)
          this.log?.(
            `lock wait: pid ${wait.pid} (${wait.applicationName || 'no name'}) blocked by ${wait.blockedBy.join(', ') || '?'}: ${wait.query}`,
          );
        this.waits.set(wait.pid, mergeLockWait(known, wait));
      }
    } catch {
      /* a sample lost to a restart or timeout is not a deploy failure */
    } finally {
      this.busy = false;
    }
  }

  async stop(): Promise<MonitorSummary> {
    if (this.timer) clearInterval(this.timer);
    await this.sample();
    await this.client?.end().catch(() => undefined);
    const lockWaits = [...this.waits.values()].sort((a, b) => b.waitedMs - a.waitedMs);
    return { samples: this.samples, maxConnections: this.maxConnections, lockWaits, longestWaitMs: lockWaits[0]?.waitedMs ?? 0 };
  }
}
