/**
 * Who blocks the migrating session. pg_blocking_pids only answers while the wait lasts, so a
 * timer armed with each attempt asks halfway through the lock timeout from a second connection
 * (opened only the first time a wait is that long).
 */
import type pg from 'pg';
import type { ConnectionSettings } from '../postgres/url.js';
import { blockingSessions, type SessionInfo } from './locks.js';
import { connect } from './session.js';

export class BlockerWatch {
  /** Blockers seen during the current attempt. */
  lastSeen: SessionInfo[] = [];
  private timer?: NodeJS.Timeout;
  private observer?: Promise<pg.Client>;
  private pendingLook?: Promise<void>;

  constructor(
    private readonly settings: ConnectionSettings,
    private readonly pid: number,
  ) {}

  reset(): void {
    this.lastSeen = [];
  }

  arm(lockTimeoutMs: number): void {
    this.disarm();
    this.timer = setTimeout(
      () => {
        this.pendingLook = this.look();
      },
      Math.max(5, Math.floor(lockTimeoutMs / 2)),
    );
  }

  disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Waits for a look in flight, so a failure report includes what it saw. */
  async settle(): Promise<void> {
    await this.pendingLook;
  }

  private async look(): Promise<void> {
    try {
      this.observer ??= connect(this.settings, 'prisma-migrate-actions observer');
      const found = await blockingSessions(await this.observer, this.pid);
      if (found.length) this.lastSeen = found;
    } catch {
      /* watching is best effort: the failure is still reported without names */
    }
  }

  async close(): Promise<void> {
    this.disarm();
    await this.pendingLook;
    if (this.observer) await (await this.observer.catch(() => undefined))?.end().catch(() => undefined);
  }
}
