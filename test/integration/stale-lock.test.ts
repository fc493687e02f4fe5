/**
 * A migration lock left by a crashed run: the error names the idle session and its age, and
 * only --take-over-stale-lock ends it (recorded in the result and the audit record).
 */
import path from 'node:path';
import pg from 'pg';
import { applyMigrations, PRISMA_ADVISORY_LOCK_KEY } from '../../src/migrations/index.js';
import { isMigrateActionsError } from '../../src/errors.js';
import { toClientConfig, type ConnectionSettings } from '../../src/postgres/url.js';
import { dropTestDatabases, freshDatabase, query } from '../helpers/pg.js';

const dir = path.resolve('test/fixtures/migrations/basic');

afterAll(dropTestDatabases);

/** A session that takes the migration lock and then sits idle, as a crashed run's would. */
async function idleHolder(db: ConnectionSettings, applicationName: string): Promise<{ client: pg.Client; pid: number }> {
  const client = new pg.Client(toClientConfig(db, { applicationName }));
  client.on('error', () => undefined); // it is terminated on purpose
  await client.connect();
  await client.query(`SELECT pg_advisory_lock(${PRISMA_ADVISORY_LOCK_KEY})`);
  const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
  await new Promise((resolve) => setTimeout(resolve, 400)); // idle past the test's stale threshold
  return { client, pid };
}

async function alive(db: ConnectionSettings, pid: number): Promise<boolean> {
  return (await query(db, 'SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid])).length === 1;
}

const attempt = (db: ConnectionSettings, takeOverStaleLock: boolean) =>
  applyMigrations({ connection: db, dir, advisoryLockTimeoutMs: 300, staleLockAgeMs: 200, takeOverStaleLock });

describe('a migration lock left by a crashed run', () => {
  test('without take-over: refused, naming the idle session and its age; the session is left alone', async () => {
    const db = await freshDatabase();
    const holder = await idleHolder(db, 'prisma-migrate-actions apply');
    try {
      const error = await attempt(db, false).catch((e: unknown) => e);
      expect(isMigrateActionsError(error, 'E_ADVISORY_LOCK_STALE')).toBe(true);
      const e = error as Error & { remedy: string };
      expect(e.message).toContain(`pid ${holder.pid}, idle for`);
      expect(e.message).toMatch(/left behind by a run that crashed/);
      expect(e.remedy).toMatch(/--take-over-stale-lock/);
      expect(await alive(db, holder.pid)).toBe(true);
      expect(await query(db, `SELECT to_regclass('public."User"') AS t`)).toEqual([{ t: null }]);
    } finally {
      await holder.client.end().catch(() => undefined);
    }
  });

  test('with take-over: the stale session is ended, the lock taken, the migrations applied and the take-over returned', async () => {
    const db = await freshDatabase();
    const holder = await idleHolder(db, 'prisma-migrate-actions deploy');
    const lines: string[] = [];
    const result = await applyMigrations({
      connection: db,
      dir,
      advisoryLockTimeoutMs: 300,
      staleLockAgeMs: 200,
      takeOverStaleLock: true,
      log: (line) => lines.push(line),
    });
    expect(result.staleLockTakeOver).toMatchObject({ pid: holder.pid, applicationName: 'prisma-migrate-actions deploy' });
    expect(result.applied.length).toBeGreaterThan(0);
    expect(await alive(db, holder.pid)).toBe(false);
    expect(lines.join('\n')).toContain(`Ending pid ${holder.pid}`);
    await holder.client.end().catch(() => undefined);
  });

  test("another program's idle session is never ended, even with take-over", async () => {
    const db = await freshDatabase();
    const holder = await idleHolder(db, 'psql');
    try {
      const error = await attempt(db, true).catch((e: unknown) => e);
      expect(isMigrateActionsError(error, 'E_ADVISORY_LOCK_TIMEOUT')).toBe(true);
      expect(await alive(db, holder.pid)).toBe(true);
    } finally {
      await holder.client.end().catch(() => undefined);
    }
  });
});
