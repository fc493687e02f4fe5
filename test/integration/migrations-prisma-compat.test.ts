/**
 * The built-in engine against the real Prisma 6.19 schema engine (WebAssembly, offline): each
 * reads and continues the other's history.
 */
import path from 'node:path';
import pg from 'pg';
import { toClientConfig } from '../../src/postgres/url.js';
import { applyMigrations, migrationStatus, readMigrationsDir, resolveMigration } from '../../src/migrations/index.js';
import { isMigrateActionsError } from '../../src/errors.js';
import { registerSecret } from '../../src/postgres/redact.js';
import type { ConnectionSettings } from '../../src/postgres/url.js';
import { dropTestDatabases, freshDatabase, query } from '../helpers/pg.js';
import { offlinePrismaOptions, runPrismaCli } from '../helpers/prisma.js';

const fixtures = path.resolve('test/fixtures/migrations');
const dir = (name: string): string => path.join(fixtures, name);

afterAll(dropTestDatabases);

const prisma = (command: 'deploy' | 'status', db: ConnectionSettings, history: string) =>
  runPrismaCli(['migrate', command], { databaseUrl: db.url, migrationsDir: dir(history) });

const SHAPE_SQL = `SELECT c.column_name, c.data_type, c.character_maximum_length, c.is_nullable, c.column_default, c.ordinal_position,
  (SELECT string_agg(tc.constraint_name || ':' || tc.constraint_type, ',') FROM information_schema.key_column_usage k
     JOIN information_schema.table_constraints tc ON tc.constraint_name = k.constraint_name AND tc.table_schema = k.table_schema
    WHERE k.table_schema = c.table_schema AND k.table_name = c.table_name AND k.column_name = c.column_name) AS keys
  FROM information_schema.columns c WHERE c.table_schema = $1 AND c.table_name = '_prisma_migrations' ORDER BY c.ordinal_position`;

describe('compatibility with prisma migrate (6.19, offline engine)', () => {
  it('after our apply Prisma deploys only what is left; both agree it is up to date', async () => {
    const db = await freshDatabase();
    await applyMigrations({ connection: db, dir: dir('basic'), upTo: '20240102000000_posts' });
    const pendingStatus = await prisma('status', db, 'basic');
    expect(pendingStatus.code).toBe(1);
    expect(pendingStatus.stdout).toContain('20240103000000_tags');
    expect(pendingStatus.stdout).not.toContain('20240101000000_init\n');

    const deploy = await prisma('deploy', db, 'basic');
    expect(deploy.code).toBe(0);
    expect(deploy.stdout).toContain('20240103000000_tags');
    expect(deploy.stdout).not.toContain('20240102000000_posts');

    const upToDate = await prisma('status', db, 'basic');
    expect(upToDate.code).toBe(0);
    expect(upToDate.stdout).toContain('Database schema is up to date');
    const ours = await migrationStatus({ connection: db, dir: dir('basic') });
    expect(ours).toMatchObject({ exitCode: 0, strictExitCode: 0, pending: [], edited: [] });

    // Rows from both engines look alike and carry the same checksums.
    const local = (await readMigrationsDir(dir('basic'))).migrations;
    const recorded = await query(db, 'SELECT * FROM _prisma_migrations ORDER BY started_at');
    expect(recorded.map((r) => [r.migration_name, r.checksum, r.logs, r.applied_steps_count, r.rolled_back_at])).toEqual(
      local.map((m) => [m.name, m.checksum, null, 1, null]),
    );
  });

  it('creates _prisma_migrations with exactly the shape Prisma creates, also under ?schema=', async () => {
    const ours = await freshDatabase({ schema: 'app' });
    const theirs = await freshDatabase({ schema: 'app' });
    await applyMigrations({ connection: ours, dir: dir('basic') });
    expect((await prisma('deploy', theirs, 'basic')).code).toBe(0);
    const shape = (db: ConnectionSettings) => query(db, SHAPE_SQL, ['app']);
    const theirShape = await shape(theirs);
    expect(theirShape).toHaveLength(8);
    expect(await shape(ours)).toEqual(theirShape);
    expect((await prisma('status', ours, 'basic')).code).toBe(0);
  });

  it("reads Prisma's failed migration: status shows it, apply refuses (P3009), resolve unblocks", async () => {
    const db = await freshDatabase();
    const deploy = await prisma('deploy', db, 'failing');
    expect(deploy.code).toBe(1);
    const status = await migrationStatus({ connection: db, dir: dir('failing') });
    expect(status.failed.map((r) => r.migrationName)).toEqual(['20240102000000_broken']);
    expect(status.applied.map((r) => r.migrationName)).toEqual(['20240101000000_init']);
    expect(status.exitCode).toBe(1);
    const error = await applyMigrations({ connection: db, dir: dir('failing') }).catch((e: unknown) => e);
    expect(isMigrateActionsError(error, 'P3009')).toBe(true);
    expect((error as Error).message).toContain('20240102000000_broken');

    await resolveMigration({ connection: db, dir: dir('failing'), rolledBack: '20240102000000_broken' });
    const theirStatus = await prisma('status', db, 'failing');
    expect(theirStatus.stdout).not.toContain('have failed');
    // Prisma's status lists only never-recorded migrations; ours also lists the rolled-back one,
    // which is what deploy does: it runs it again (and it fails again, the table is still missing).
    expect(theirStatus.stdout).not.toContain('20240102000000_broken');
    const again = await migrationStatus({ connection: db, dir: dir('failing') });
    expect(again.pending.map((m) => m.name)).toEqual(['20240102000000_broken', '20240103000000_after']);
    expect(again.rolledBack.map((r) => r.migrationName)).toEqual(['20240102000000_broken']);
    const redeploy = await prisma('deploy', db, 'failing');
    expect(redeploy.code).toBe(1);
    expect(`${redeploy.stdout}${redeploy.stderr}`).toContain('migration_name="20240102000000_broken"');
  });

  it('a lock timeout with retries exhausted is recorded rolled back; Prisma reads the rows the same way, and the next apply needs no manual step', async () => {
    const db = await freshDatabase();
    await applyMigrations({ connection: db, dir: dir('locking'), upTo: '20240101000000_base' });
    const holder = new pg.Client(toClientConfig(db, { applicationName: 'long-report-query' }));
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE "Busy" IN ACCESS SHARE MODE');
    try {
      const error = await applyMigrations({
        connection: db,
        dir: dir('locking'),
        lockTimeoutMs: 150,
        retries: 2,
        retryBackoffMs: 10,
      }).catch((e: unknown) => e);
      expect(isMigrateActionsError(error, 'E_MIGRATION_FAILED')).toBe(true);
      expect((error as { details: Record<string, unknown> }).details).toMatchObject({ sqlState: '55P03', recordedRolledBack: true });
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    // Before: Prisma sees no failed migration (its deploy would run it again), and neither do we.
    const before = await prisma('status', db, 'locking');
    expect(`${before.stdout}${before.stderr}`).not.toContain('have failed');
    expect((await migrationStatus({ connection: db, dir: dir('locking') })).failed).toEqual([]);
    // The lock is gone: the next apply just runs it.
    const ok = await applyMigrations({ connection: db, dir: dir('locking'), lockTimeoutMs: 150 });
    expect(ok.applied.map((a) => a.name)).toEqual(['20240102000000_alter_busy']);
    // After: both agree the database is up to date.
    const after = await prisma('status', db, 'locking');
    expect(after.code).toBe(0);
    expect(after.stdout).toContain('Database schema is up to date');
    expect((await migrationStatus({ connection: db, dir: dir('locking') })).exitCode).toBe(0);
  });

  it("Prisma's deploy retries an attempt recorded rolled back, and refuses (P3009) the row strict-failures leaves", async () => {
    const lenient = await freshDatabase();
    const strict = await freshDatabase();
    await applyMigrations({ connection: lenient, dir: dir('failing') }).catch(() => undefined);
    await applyMigrations({ connection: strict, dir: dir('failing'), strictFailures: true }).catch(() => undefined);
    const retried = await prisma('deploy', lenient, 'failing');
    expect(`${retried.stdout}${retried.stderr}`).not.toContain('P3009');
    expect(`${retried.stdout}${retried.stderr}`).toContain('migration_name="20240102000000_broken"'); // it ran it again
    const refused = await prisma('deploy', strict, 'failing');
    expect(refused.code).toBe(1);
    expect(`${refused.stdout}${refused.stderr}`).toContain('P3009');
    expect(`${refused.stdout}${refused.stderr}`).toContain('20240102000000_broken');
  });

  it('resolve errors follow Prisma (P3017, P3008, P3011, P3012)', async () => {
    const db = await freshDatabase();
    await applyMigrations({ connection: db, dir: dir('basic'), upTo: '20240101000000_init' });
    const code = async (p: Promise<unknown>) => ((await p.catch((e: unknown) => e)) as { code?: string }).code;
    expect(await code(resolveMigration({ connection: db, dir: dir('basic'), applied: 'nope' }))).toBe('P3017');
    expect(await code(resolveMigration({ connection: db, dir: dir('basic'), applied: '20240101000000_init' }))).toBe('P3008');
    expect(await code(resolveMigration({ connection: db, dir: dir('basic'), rolledBack: '20240102000000_posts' }))).toBe('P3011');
    expect(await code(resolveMigration({ connection: db, dir: dir('basic'), rolledBack: '20240101000000_init' }))).toBe('P3012');
    const marked = await resolveMigration({ connection: db, dir: dir('basic'), applied: '20240102000000_posts' });
    expect(marked).toMatchObject({ action: 'applied', markedRolledBack: 0 });
    const row = (await query(db, `SELECT * FROM _prisma_migrations WHERE migration_name = '20240102000000_posts'`))[0];
    expect(row).toMatchObject({ logs: '', applied_steps_count: 0, rolled_back_at: null });
    expect(row.finished_at).toBeInstanceOf(Date);
    // Prisma agrees: only tags is pending.
    const status = await prisma('status', db, 'basic');
    expect(status.stdout).toContain('20240103000000_tags');
    expect(status.stdout).not.toContain('20240102000000_posts');
  });

  it('status reports what Prisma ignores: edited checksums and applied-but-missing-locally', async () => {
    const db = await freshDatabase();
    await applyMigrations({ connection: db, dir: dir('basic') });
    await query(db, `UPDATE _prisma_migrations SET checksum = repeat('0', 64) WHERE migration_name = '20240102000000_posts'`);
    await query(
      db,
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ('x', repeat('1', 64), '20231231000000_gone', now(), now(), 1)`,
    );
    const theirs = await prisma('status', db, 'basic');
    expect(theirs.code).toBe(0);
    const ours = await migrationStatus({ connection: db, dir: dir('basic') });
    expect(ours.exitCode).toBe(0);
    expect(ours.strictExitCode).toBe(1);
    expect(ours.prismaIgnores).toEqual({ edited: ['20240102000000_posts'], missingLocally: ['20231231000000_gone'] });
  });

  it("engine 'prisma' runs the project's CLI and returns the same result shape, redacted", async () => {
    const db = await freshDatabase();
    await applyMigrations({ connection: db, dir: dir('basic'), upTo: '20240101000000_init' });
    registerSecret(db.database); // stands in for a password: the CLI prints the database name
    const result = await applyMigrations({ connection: db, engine: 'prisma', prisma: offlinePrismaOptions(dir('basic')) });
    expect(result.output).not.toContain(db.database);
    expect(result.output).toContain('***');
    expect(result.engine).toBe('prisma');
    expect(result.prismaVersion).toBe('6.19.3');
    expect(result.applied.map((a) => a.name)).toEqual(['20240102000000_posts', '20240103000000_tags']);
    const failing = await freshDatabase();
    await prisma('deploy', failing, 'failing');
    const error = await applyMigrations({ connection: failing, engine: 'prisma', prisma: offlinePrismaOptions(dir('failing')) }).catch(
      (e: unknown) => e,
    );
    expect(isMigrateActionsError(error, 'P3009')).toBe(true);
  });
});

describe('same final catalog from both engines on the example project', () => {
  // The offline adapter splits scripts on every `;`, so Prisma here cannot run a migration with a
  // `;` inside a dollar-quoted body or a comment: those are left out of both histories.
  const RUNNABLE_BY_OFFLINE_PRISMA = (sql: string): boolean => !sql.includes('$$') && !/--[^\n]*;/.test(sql);

  it('catalog snapshots are equal after Prisma deploy and after our apply', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const { snapshotSchema, diffSnapshots } = await import('../../src/catalog/index.js');
    const { withClient } = await import('../../src/postgres/client.js');
    const source = path.resolve('prisma/migrations');
    const history = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-compat-example-'));
    fs.copyFileSync(path.join(source, 'migration_lock.toml'), path.join(history, 'migration_lock.toml'));
    const names = fs
      .readdirSync(source)
      .filter((n) => fs.statSync(path.join(source, n)).isDirectory())
      .filter((n) => RUNNABLE_BY_OFFLINE_PRISMA(fs.readFileSync(path.join(source, n, 'migration.sql'), 'utf8')));
    expect(names.length).toBeGreaterThanOrEqual(8);
    for (const name of names) fs.cpSync(path.join(source, name), path.join(history, name), { recursive: true });
    try {
      const byPrisma = await freshDatabase();
      const byUs = await freshDatabase();
      const deploy = await runPrismaCli(['migrate', 'deploy'], { databaseUrl: byPrisma.url, migrationsDir: history });
      expect({ code: deploy.code, output: deploy.code ? deploy.stdout + deploy.stderr : '' }).toEqual({ code: 0, output: '' });
      const applied = await applyMigrations({ connection: byUs, dir: history });
      expect(applied.applied).toHaveLength(names.length);
      const snap = (db: ConnectionSettings) => withClient(db, (client) => snapshotSchema(client, { schemas: ['public'] }));
      const diff = diffSnapshots(await snap(byPrisma), await snap(byUs));
      expect(diff.differences.map((d) => `${d.change} ${d.objectType} ${d.identity}: ${d.detail}`)).toEqual([]);
      const rows = (db: ConnectionSettings) =>
        query<{ migration_name: string; checksum: string; ok: boolean }>(
          db,
          'SELECT migration_name, checksum, finished_at IS NOT NULL AND rolled_back_at IS NULL AS ok FROM _prisma_migrations ORDER BY migration_name',
        );
      expect(await rows(byUs)).toEqual(await rows(byPrisma));
    } finally {
      fs.rmSync(history, { recursive: true, force: true });
    }
  }, 120_000);
});
