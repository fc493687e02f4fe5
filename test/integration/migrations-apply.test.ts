import path from 'node:path';
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import {
  applyMigrations,
  migrationStatus,
  planMigrations,
  resolveMigration,
  PRISMA_ADVISORY_LOCK_KEY,
} from '../../src/migrations/index.js';
import { isMigrateActionsError, type MigrateActionsError } from '../../src/errors.js';
import { toClientConfig, type ConnectionSettings } from '../../src/postgres/url.js';
import { dropTestDatabases, freshDatabase, query } from '../helpers/pg.js';
import { tempDir, writeMigrations } from '../faults/support.js';

const fixtures = path.resolve('test/fixtures/migrations');
const dir = (name: string): string => path.join(fixtures, name);

afterAll(dropTestDatabases);

async function failure(promise: Promise<unknown>): Promise<MigrateActionsError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isMigrateActionsError(error)) throw new Error(`expected a MigrateActionsError, got ${String(error)}`);
  return error;
}

async function tables(db: ConnectionSettings, schema = 'public'): Promise<string[]> {
  const rows = await query<{ tablename: string }>(db, `SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY 1`, [schema]);
  return rows.map((r) => r.tablename);
}

async function rows(db: ConnectionSettings): Promise<Array<Record<string, unknown>>> {
  return query(db, `SELECT * FROM _prisma_migrations ORDER BY started_at`);
}

/** A second session holding a lock until released. */
async function holdLock(
  db: ConnectionSettings,
  sql: string,
  applicationName: string,
): Promise<{ release: () => Promise<void>; pid: number }> {
  const client = new pg.Client(toClientConfig(db, { applicationName }));
  await client.connect();
  await client.query('BEGIN');
  await client.query(sql);
  const pid = (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number;
  return {
    pid,
    release: async () => {
      await client.query('ROLLBACK').catch(() => undefined);
      await client.end();
    },
  };
}

describe('applyMigrations (builtin engine)', () => {
  it('applies a history atomically with Prisma-shaped rows, and nothing the second time', async () => {
    const db = await freshDatabase();
    const logs: string[] = [];
    const result = await applyMigrations({ connection: db, dir: dir('basic'), log: (l) => logs.push(l) });
    expect(result.applied.map((a) => [a.name, a.mode, a.statements])).toEqual([
      ['20240101000000_init', 'atomic', 3],
      ['20240102000000_posts', 'atomic', 2],
      ['20240103000000_tags', 'atomic', 2],
    ]);
    expect(result.createdMigrationsTable).toBe(true);
    // An atomic migration is one round trip: its statements are timed together.
    expect(result.applied[0].roundTrips).toEqual([{ lines: [2, 13], statements: 3, durationMs: expect.any(Number) }]);
    expect(logs.some((l) => l.startsWith('Applied 20240103000000_tags'))).toBe(true);
    expect(await tables(db)).toEqual(['Post', 'Tag', 'User', '_prisma_migrations']);
    const recorded = await rows(db);
    expect(recorded).toHaveLength(3);
    for (const row of recorded) {
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    const again = await applyMigrations({ connection: db, dir: dir('basic') });
    expect(again.applied).toEqual([]);
    expect(await rows(db)).toHaveLength(3);
  });

  it('records started_at when the migration began and finished_at when it ended, as Prisma does', async () => {
    const db = await freshDatabase();
    const migrations = writeMigrations(tempDir('started-at'), {
      '20240101000000_slow': 'CREATE TABLE "Slow" ("id" INTEGER);\nSELECT pg_sleep(0.3);\n',
    });
    const before = Date.now();
    await applyMigrations({ connection: db, dir: migrations });
    const [row] = await query<{ started_at: Date; finished_at: Date }>(db, 'SELECT started_at, finished_at FROM _prisma_migrations');
    // The row is written last in the migration's transaction; started_at is still its start.
    expect(row.finished_at.getTime() - row.started_at.getTime()).toBeGreaterThanOrEqual(290);
    expect(row.started_at.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('compiles the SQL parser only when a migration is pending (a fresh process each time)', async () => {
    const db = await freshDatabase();
    const script = `
      import { applyMigrations } from './src/migrations/index.ts';
      import { parserLoaded } from './src/sql/parser.ts';
      const result = await applyMigrations({ connection: process.env.PMA_DB_URL, dir: process.env.PMA_DIR });
      console.log(JSON.stringify({ applied: result.applied.length, parserLoaded: parserLoaded() }));
    `;
    const applyInChild = (): unknown =>
      JSON.parse(
        execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
          env: { ...process.env, PMA_DB_URL: db.url, PMA_DIR: dir('basic') },
          encoding: 'utf8',
        }).trim(),
      );
    expect(applyInChild()).toEqual({ applied: 3, parserLoaded: true });
    expect(applyInChild()).toEqual({ applied: 0, parserLoaded: false });
  }, 30000);

  it('uses ?schema=: creates the schema and keeps the table there', async () => {
    const db = await freshDatabase({ schema: 'tenant_a' });
    await applyMigrations({ connection: db, dir: dir('basic'), upTo: '20240101000000_init' });
    expect(await tables(db, 'tenant_a')).toEqual(['User', '_prisma_migrations']);
    expect(await tables(db, 'public')).toEqual([]);
    const status = await migrationStatus({ connection: db, dir: dir('basic') });
    expect(status.pending.map((m) => m.name)).toEqual(['20240102000000_posts', '20240103000000_tags']);
    expect(status.exitCode).toBe(1);
  });

  it('refuses a non-empty schema without _prisma_migrations (P3005), in plan too', async () => {
    const db = await freshDatabase();
    await query(db, 'CREATE TABLE legacy (id int)');
    expect((await failure(applyMigrations({ connection: db, dir: dir('basic') }))).code).toBe('P3005');
    expect((await failure(planMigrations({ connection: db, dir: dir('basic') }))).code).toBe('P3005');
    expect(await tables(db)).toEqual(['legacy']);
    // Baselining: resolve --applied creates the table, then apply runs the rest.
    await resolveMigration({ connection: db, dir: dir('basic'), applied: '20240101000000_init' });
    await query(db, `CREATE TYPE "Role" AS ENUM ('USER'); CREATE TABLE "User" (id serial primary key)`);
    const result = await applyMigrations({ connection: db, dir: dir('basic') });
    expect(result.applied.map((a) => a.name)).toEqual(['20240102000000_posts', '20240103000000_tags']);
  });

  it('a failing migration leaves nothing of itself and is recorded rolled back: the next run retries it', async () => {
    const db = await freshDatabase();
    const error = await failure(applyMigrations({ connection: db, dir: dir('failing') }));
    expect(error.code).toBe('E_MIGRATION_FAILED');
    expect(error.where).toMatchObject({ migration: '20240102000000_broken', line: 3 });
    expect(error.details).toMatchObject({
      sqlState: '42P01',
      nothingApplied: true,
      recordedRolledBack: true,
      appliedBefore: ['20240101000000_init'],
    });
    expect(error.message).toContain('Nothing of this migration was applied');
    expect(error.message).toContain('recorded as rolled back');
    expect(error.remedy).toBe(
      'Fix the failing statement in 20240102000000_broken/migration.sql (line 3), then run `prisma-migrate-actions apply` again: nothing needs resolving.',
    );
    expect(await tables(db)).toEqual(['User', '_prisma_migrations']); // no "Audit": atomic
    const attempt = (await rows(db)).find((r) => r.migration_name === '20240102000000_broken')!;
    expect(attempt).toMatchObject({ finished_at: null, applied_steps_count: 0 });
    expect(attempt.rolled_back_at).toBeInstanceOf(Date);
    expect(String(attempt.logs)).toContain('"Missing" does not exist');

    // Not blocked (no P3009): it runs again, and fails again for the same reason.
    const again = await failure(applyMigrations({ connection: db, dir: dir('failing') }));
    expect(again.code).toBe('E_MIGRATION_FAILED');
    const status = await migrationStatus({ connection: db, dir: dir('failing') });
    expect(status.failed).toEqual([]);
    expect(status.rolledBack.map((r) => r.migrationName)).toEqual(['20240102000000_broken', '20240102000000_broken']);
    expect(status.pending.map((m) => m.name)).toEqual(['20240102000000_broken', '20240103000000_after']);
  });

  it('strict-failures keeps the failed row and blocks later runs (P3009), as Prisma does', async () => {
    const db = await freshDatabase();
    const error = await failure(applyMigrations({ connection: db, dir: dir('failing'), strictFailures: true }));
    expect(error.details).toMatchObject({ nothingApplied: true, recordedRolledBack: false });
    expect(error.message).toContain('left failed (strict-failures)');
    expect(error.remedy).toContain('`prisma-migrate-actions resolve --rolled-back 20240102000000_broken`');
    const failed = (await rows(db)).find((r) => r.migration_name === '20240102000000_broken')!;
    expect(failed).toMatchObject({ finished_at: null, rolled_back_at: null, applied_steps_count: 0 });
    expect(String(failed.logs)).toContain('"Missing" does not exist');

    const blocked = await failure(applyMigrations({ connection: db, dir: dir('failing') }));
    expect(blocked.code).toBe('P3009');
    expect(blocked.message).toContain('20240102000000_broken');
    const status = await migrationStatus({ connection: db, dir: dir('failing') });
    expect(status.failed.map((r) => r.migrationName)).toEqual(['20240102000000_broken']);
    expect(status.exitCode).toBe(1);
  });

  it('stops on a syntax error mid-file before anything runs, naming file, line and column', async () => {
    const db = await freshDatabase();
    const error = await failure(applyMigrations({ connection: db, dir: dir('syntax-error') }));
    expect(error.code).toBe('E_SQL_PARSE');
    expect(error.where).toMatchObject({ migration: '20240102000000_typo', line: 3 });
    expect(error.where?.file).toContain(path.join('20240102000000_typo', 'migration.sql'));
    expect(error.message).toContain('Nothing was applied');
    expect(error.details).toMatchObject({ nothingApplied: true });
    // Parsed before applying: not even the first migration ran, and no table was created.
    expect(await tables(db)).toEqual([]);
  });

  it('reports slow statements with the time measured: alone when they ran alone, together when they shared a query', async () => {
    const db = await freshDatabase();
    const migrations = writeMigrations(tempDir('slow'), {
      '20240101000000_one': 'SELECT pg_sleep(0.3);\n',
      '20240102000000_two': 'CREATE TABLE "A" ("id" INT);\nSELECT pg_sleep(0.3);\n',
      '20240103000000_fast': 'CREATE TABLE "B" ("id" INT);\n',
      '20240104000000_segmented': 'CREATE TABLE "C" ("id" INT);\nCREATE INDEX CONCURRENTLY "C_id" ON "C" ("id");\nSELECT pg_sleep(0.3);\n',
    });
    const logs: string[] = [];
    const result = await applyMigrations({ connection: db, dir: migrations, slowStatementMs: 250, log: (l) => logs.push(l) });
    const slow = logs.filter((l) => l.includes('slow')).map((l) => l.replace(/took [\d.]+ ?m?s/, 'took T'));
    expect(slow).toEqual([
      '  slow statement in 20240101000000_one line 1 took T: SELECT pg_sleep(0.3)',
      '  slow statements in 20240102000000_two lines 1–2 took T together (2 statements in one query; PostgreSQL does not say how long each took)',
      '  slow statement in 20240104000000_segmented line 3 took T: SELECT pg_sleep(0.3)',
    ]);
    const roundTrips = result.applied.map((a) => a.roundTrips!.map((t) => [...t.lines, t.statements, t.durationMs >= 250]));
    expect(roundTrips).toEqual([
      [[1, 1, 1, true]],
      [[1, 2, 2, true]],
      [[1, 1, 1, false]],
      [
        [1, 1, 1, false],
        [2, 2, 1, false],
        [3, 3, 1, true],
      ],
    ]);
  });

  it('reports which statements are committed when CREATE INDEX CONCURRENTLY fails, and the INVALID index', async () => {
    const db = await freshDatabase();
    const error = await failure(applyMigrations({ connection: db, dir: dir('concurrently') }));
    expect(error.code).toBe('E_MIGRATION_FAILED');
    expect(error.details).toMatchObject({
      migration: '20240102000000_unique_code',
      mode: 'segmented',
      sqlState: '23505',
      nothingApplied: false,
      committedStatements: [expect.objectContaining({ index: 0, line: 1 })],
      invalidIndex: { schema: 'public', name: 'Item_code_key', dropSql: 'DROP INDEX CONCURRENTLY IF EXISTS "public"."Item_code_key"' },
    });
    expect(error.where).toMatchObject({ line: 2 });
    expect(error.message).toContain('Committed before the failure');
    expect(error.message).toContain('INVALID index');
    const columns = await query(
      db,
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'Item' ORDER BY ordinal_position`,
    );
    expect(columns.map((c) => c.column_name)).toEqual(['id', 'code', 'note']); // "note" committed, "later" not
    const invalid = await query(db, `SELECT indisvalid FROM pg_index WHERE indexrelid = '"Item_code_key"'::regclass`);
    expect(invalid).toEqual([{ indisvalid: false }]);
    const failed = (await rows(db)).find((r) => r.migration_name === '20240102000000_unique_code')!;
    expect(failed.finished_at).toBeNull();
    expect(String(failed.logs)).toContain('Item_code_key');
  });

  it('retries on lock timeout, names the blocker each time, then fails clearly', async () => {
    const db = await freshDatabase();
    await applyMigrations({ connection: db, dir: dir('locking'), upTo: '20240101000000_base' });
    const holder = await holdLock(db, 'LOCK TABLE "Busy" IN ACCESS SHARE MODE', 'blocking-report-job');
    const logs: string[] = [];
    try {
      const error = await failure(
        applyMigrations({
          connection: db,
          dir: dir('locking'),
          lockTimeoutMs: 200,
          retries: 2,
          retryBackoffMs: 20,
          log: (l) => logs.push(l),
        }),
      );
      expect(error.code).toBe('E_MIGRATION_FAILED');
      expect(error.details).toMatchObject({ sqlState: '55P03', retries: 2, nothingApplied: true });
      const blockers = error.details!.blockers as Array<{ pid: number; applicationName: string }>;
      expect(blockers.map((b) => [b.pid, b.applicationName])).toEqual([[holder.pid, 'blocking-report-job']]);
      expect(error.message).toContain('blocking-report-job');
      expect(logs.filter((l) => l.includes('lock timeout') && l.includes(`pid ${holder.pid}`))).toHaveLength(2);
      expect(error.details).toMatchObject({ recordedRolledBack: true });
      expect(error.remedy).toBe(
        'Wait until the blocking sessions are done (or raise --lock-timeout / --retries), then run `prisma-migrate-actions apply` again: nothing needs resolving.',
      );
    } finally {
      await holder.release();
    }
    // Nothing of it was committed, so the attempt is recorded rolled back: once the lock is free the next apply just runs it.
    const ok = await applyMigrations({ connection: db, dir: dir('locking'), lockTimeoutMs: 200 });
    expect(ok.applied.map((a) => a.name)).toEqual(['20240102000000_alter_busy']);
    const recorded = await rows(db);
    expect(recorded.map((r) => [r.migration_name, r.finished_at !== null, r.rolled_back_at !== null])).toEqual([
      ['20240101000000_base', true, false],
      ['20240102000000_alter_busy', false, true],
      ['20240102000000_alter_busy', true, false],
    ]);
  });

  it('strict-failures: a lock timeout leaves the failed row (P3009) until resolved', async () => {
    const db = await freshDatabase();
    await applyMigrations({ connection: db, dir: dir('locking'), upTo: '20240101000000_base' });
    const holder = await holdLock(db, 'LOCK TABLE "Busy" IN ACCESS SHARE MODE', 'blocking-report-job');
    try {
      const error = await failure(
        applyMigrations({ connection: db, dir: dir('locking'), lockTimeoutMs: 150, retries: 1, retryBackoffMs: 10, strictFailures: true }),
      );
      expect(error.details).toMatchObject({ sqlState: '55P03', recordedRolledBack: false });
    } finally {
      await holder.release();
    }
    expect((await failure(applyMigrations({ connection: db, dir: dir('locking') }))).code).toBe('P3009');
    await resolveMigration({ connection: db, dir: dir('locking'), rolledBack: '20240102000000_alter_busy' });
    const ok = await applyMigrations({ connection: db, dir: dir('locking'), lockTimeoutMs: 200 });
    expect(ok.applied.map((a) => a.name)).toEqual(['20240102000000_alter_busy']);
  });

  it('succeeds on a retry once the blocker goes away', async () => {
    const db = await freshDatabase();
    await applyMigrations({ connection: db, dir: dir('locking'), upTo: '20240101000000_base' });
    const holder = await holdLock(db, 'LOCK TABLE "Busy" IN ACCESS SHARE MODE', 'short-job');
    const applying = applyMigrations({ connection: db, dir: dir('locking'), lockTimeoutMs: 150, retries: 5, retryBackoffMs: 100 });
    // Released only once a retry is queued behind it: the first attempt has timed out.
    const first = await waitForWaiter(db, '%ALTER TABLE%');
    await waitForWaiter(db, '%ALTER TABLE%', first);
    await holder.release();
    const result = await applying;
    expect(result.applied[0].retries).toBeGreaterThan(0);
    expect((await rows(db)).every((r) => r.finished_at !== null)).toBe(true);
  });

  it('waits for the advisory lock and names its holder on timeout', async () => {
    const db = await freshDatabase();
    const client = new pg.Client(toClientConfig(db, { applicationName: 'other-deploy' }));
    await client.connect();
    await client.query(`SELECT pg_advisory_lock(${PRISMA_ADVISORY_LOCK_KEY})`);
    await client.query(`SELECT 'secret-free marker', 'postgresql://u:hunter22@h/db' AS url`);
    try {
      const error = await failure(applyMigrations({ connection: db, dir: dir('basic'), advisoryLockTimeoutMs: 300 }));
      expect(error.code).toBe('E_ADVISORY_LOCK_TIMEOUT');
      expect(error.message).toContain('other-deploy');
      expect(error.message).toContain(`pid ${(await client.query('SELECT pg_backend_pid() AS p')).rows[0].p}`);
      expect(error.message).not.toContain('hunter22');
      expect(await tables(db)).toEqual([]);
    } finally {
      await client.end();
    }
  });

  it('two applies at once: one waits, nothing is applied twice', async () => {
    const db = await freshDatabase();
    const [a, b] = await Promise.all([
      applyMigrations({ connection: db, dir: dir('basic') }),
      applyMigrations({ connection: db, dir: dir('basic') }),
    ]);
    expect([...a.applied, ...b.applied].map((m) => m.name).sort()).toEqual([
      '20240101000000_init',
      '20240102000000_posts',
      '20240103000000_tags',
    ]);
    const recorded = await rows(db);
    expect(recorded.map((r) => r.migration_name)).toEqual(['20240101000000_init', '20240102000000_posts', '20240103000000_tags']);
  });

  it('connection killed mid-migration (atomic): reports nothing applied, and the migration is simply pending again', async () => {
    const db = await freshDatabase();
    const run = failure(applyMigrations({ connection: db, dir: dir('slow') }));
    await killWhenRunning(db, 'pg_sleep');
    const error = await run;
    expect(error.code).toBe('E_CONNECTION_LOST');
    expect(error.message).toContain('nothing of it is applied');
    expect(await tables(db)).toEqual(['_prisma_migrations']);
    const status = await migrationStatus({ connection: db, dir: dir('slow') });
    expect(status.pending.map((m) => m.name)).toEqual(['20240101000000_slow']);
    expect(status.failed).toEqual([]);
  });

  it('connection killed after a CONCURRENTLY segment: the row stays failed with what committed', async () => {
    const db = await freshDatabase();
    const run = failure(applyMigrations({ connection: db, dir: dir('slow-segmented') }));
    await killWhenRunning(db, 'pg_sleep');
    const error = await run;
    expect(error.code).toBe('E_CONNECTION_LOST');
    expect(error.details).toMatchObject({
      finished: false,
      committedStatements: [expect.objectContaining({ index: 0 }), expect.objectContaining({ index: 1 })],
    });
    expect(await tables(db)).toEqual(['Slow', '_prisma_migrations']);
    const status = await migrationStatus({ connection: db, dir: dir('slow-segmented') });
    expect(status.failed.map((r) => r.migrationName)).toEqual(['20240101000000_slow']);
    expect(status.failed[0].logs).toContain('2 statements committed');
    // Recover: finish by hand, mark applied.
    await query(db, 'CREATE TABLE "SlowAfter" ("id" INTEGER)');
    await resolveMigration({ connection: db, dir: dir('slow-segmented'), applied: '20240101000000_slow' });
    expect((await migrationStatus({ connection: db, dir: dir('slow-segmented') })).exitCode).toBe(0);
  });

  it('dry run and plan list statements and locks, changing nothing', async () => {
    const db = await freshDatabase();
    const result = await applyMigrations({ connection: db, dir: dir('concurrently'), dryRun: true });
    expect(result.applied).toEqual([]);
    expect(result.plan.map((p) => [p.name, p.mode])).toEqual([
      ['20240101000000_items', 'atomic'],
      ['20240102000000_unique_code', 'segmented'],
    ]);
    const index = result.plan[1].statements[1];
    expect(index).toMatchObject({
      kind: 'IndexStmt',
      transactional: false,
      line: 2,
      locks: [{ mode: 'SHARE UPDATE EXCLUSIVE', on: ['Item'] }],
    });
    expect(result.plan[1].statements[0].locks).toEqual([{ mode: 'ACCESS EXCLUSIVE', on: ['Item'] }]);
    const plan = await planMigrations({ connection: db, dir: dir('basic') });
    expect(plan.migrations[1].statements[1].locks).toEqual([
      { mode: 'SHARE ROW EXCLUSIVE', on: ['Post'] },
      { mode: 'SHARE ROW EXCLUSIVE', on: ['User'] },
    ]);
    expect(plan.tableMissing).toBe(true);
    expect(await tables(db)).toEqual([]);
  });
});

async function killWhenRunning(db: ConnectionSettings, needle: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const found = await query<{ pid: number }>(
      db,
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE $1 AND pid <> pg_backend_pid() AND state = 'active'`,
      [`%${needle}%`],
    );
    if (found.length) {
      await query(db, 'SELECT pg_terminate_backend($1)', [found[0].pid]);
      return;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no session running ${needle}`);
}

/** When a statement matching `pattern` started waiting on a lock (another start than `notStartedAt`). */
async function waitForWaiter(db: ConnectionSettings, pattern: string, notStartedAt?: string): Promise<string> {
  for (let i = 0; i < 400; i++) {
    const found = await query<{ started: string }>(
      db,
      `SELECT query_start::text AS started FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE $1`,
      [pattern],
    );
    const started = found.find((f) => f.started !== notStartedAt)?.started;
    if (started) return started;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no session waited on a lock running ${pattern}`);
}
