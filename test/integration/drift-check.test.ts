import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freshDatabase, dropTestDatabases, query, testMajors } from '../helpers/pg.js';
import { toClientConfig, type ConnectionSettings } from '../../src/postgres/url.js';
import { applyMigrations, readMigrationsDir } from '../../src/migrations/index.js';
import { snapshotSchema, type CatalogSnapshot } from '../../src/catalog/index.js';
import { driftCheck, targetSession, type DriftCheckOptions } from '../../src/drift/index.js';
import { withClient } from '../../src/postgres/client.js';

afterAll(dropTestDatabases);

const FIXTURE = path.resolve('test/fixtures/drift');
const MIGRATIONS = path.join(FIXTURE, 'migrations');
const DRIFT_SQL = fs.readFileSync(path.join(FIXTURE, 'drift.sql'), 'utf8');
const DRIFT_DIFFERENCES = JSON.parse(fs.readFileSync(path.join(FIXTURE, 'drift-differences.json'), 'utf8')) as string[];
const APPLIED = ['20240101000000_init', '20240201000000_profiles'];
const PENDING = '20240301000000_reports';

/** A target built by the real engine from the first two fixture migrations, with some rows. */
async function targetDatabase(major: number, extraSql: string[] = []): Promise<ConnectionSettings> {
  const db = await freshDatabase({ major });
  const { migrations } = await readMigrationsDir(MIGRATIONS);
  await applyMigrations({ connection: db, migrations: migrations.filter((m) => APPLIED.includes(m.name)) });
  await query(
    db,
    `INSERT INTO "User" ("email", "displayName") VALUES ('a@example.com', 'A'), ('b@example.com', 'B');
                   INSERT INTO "Goal" ("userId", "title") VALUES (1, 'Run'), (2, 'Read');`,
  );
  for (const sql of extraSql) await query(db, sql);
  return db;
}

function check(db: ConnectionSettings, major: number, extra: Partial<DriftCheckOptions> = {}): ReturnType<typeof driftCheck> {
  // Replays on a new database of the test server of the same major (fast); one test below uses a throwaway cluster.
  return driftCheck({ connection: db, migrationsDir: MIGRATIONS, replayDatabaseUrl: process.env[`PMA_TEST_PG${major}_URL`], ...extra });
}

async function snapshotOf(db: ConnectionSettings): Promise<CatalogSnapshot> {
  const client = new pg.Client(toClientConfig(db));
  await client.connect();
  try {
    return await snapshotSchema(client, { includeGrants: true });
  } finally {
    await client.end();
  }
}

/** md5 of every row of every table, in a stable order. */
async function dataFingerprint(db: ConnectionSettings): Promise<Record<string, string>> {
  const tables = await query<{ name: string }>(
    db,
    `SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await query<{ md5: string }>(
      db,
      `SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM ${name} t`,
    );
    out[name] = row.md5;
  }
  return out;
}

function copyMigrations(edit: (dir: string) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-drift-migrations-'));
  fs.cpSync(MIGRATIONS, dir, { recursive: true });
  edit(dir);
  return dir;
}

describe('driftCheck', () => {
  test.each(testMajors())(
    'PostgreSQL %i: a target built from its history has no drift; the unapplied migration is pending, not drift',
    async (major) => {
      const db = await targetDatabase(major);
      const result = await check(db, major);
      expect(result.differences.map((d) => d.detail)).toEqual([]);
      expect(result).toMatchObject({ drift: false, driftCount: 0, pendingCount: 1 });
      expect(result.history).toMatchObject({
        pending: [PENDING],
        replayed: APPLIED,
        failed: [],
        edited: [],
        missingLocally: [],
        tableMissing: false,
      });
      expect(result.target.serverMajor).toBe(major);
      expect(result.replay.serverMajor).toBe(major);
      expect(result.schemas).toEqual(['public']);
    },
  );

  test('every kind of drift is reported once, with reconcile SQL, and the target is left exactly as it was', async () => {
    const db = await targetDatabase(15, [DRIFT_SQL]);
    const [catalogBefore, dataBefore] = await Promise.all([snapshotOf(db), dataFingerprint(db)]);
    const result = await check(db, 15);
    expect(result.differences.map((d) => `${d.objectType} ${d.change} ${d.identity}`).sort()).toEqual(DRIFT_DIFFERENCES);
    expect(result).toMatchObject({ drift: true, driftCount: DRIFT_DIFFERENCES.length, pendingCount: 1 });
    expect(result.reconcile.find((s) => s.identity === 'public.Goal.Goal_userId_idx')?.sql).toBe(
      'CREATE INDEX "Goal_userId_idx" ON public."Goal" USING btree ("userId");',
    );
    expect(
      result.reconcile
        .filter((s) => s.manual)
        .map((s) => s.identity)
        .sort(),
    ).toEqual(['hstore', 'public.Status']);
    const [catalogAfter, dataAfter] = await Promise.all([snapshotOf(db), dataFingerprint(db)]);
    expect(catalogAfter).toEqual(catalogBefore);
    expect(dataAfter).toEqual(dataBefore);
    expect(Object.keys(dataBefore)).toEqual(expect.arrayContaining(['public."User"', 'public._prisma_migrations']));
  });

  test('ignore patterns reach the diff', async () => {
    const db = await targetDatabase(15, ['CREATE TABLE "audit_2024" ("id" INTEGER)', 'CREATE TABLE "Other" ("id" INTEGER)']);
    const result = await check(db, 15, { ignore: ['public.audit_*'] });
    expect(result.ignored).toBe(1);
    expect(result.differences.map((d) => `${d.change} ${d.identity}`)).toEqual(['unexpected public.Other']);
  });

  test('the target session cannot write and has a statement timeout', async () => {
    const db = await targetDatabase(15);
    await withClient(db, targetSession(1234), async (client) => {
      expect((await client.query('SHOW statement_timeout')).rows[0].statement_timeout).toBe('1234ms');
      await expect(client.query(`INSERT INTO "User" ("email") VALUES ('c@example.com')`)).rejects.toMatchObject({ code: '25006' });
      await expect(client.query('CREATE TABLE nope (id int)')).rejects.toMatchObject({ code: '25006' });
    });
  });

  test('a migration edited after it was applied is reported, and the replay uses the edited file', async () => {
    const db = await targetDatabase(15);
    const dir = copyMigrations((d) =>
      fs.appendFileSync(path.join(d, APPLIED[1], 'migration.sql'), 'CREATE INDEX "Profile_visits_idx" ON "Profile" ("visits");\n'),
    );
    try {
      const result = await check(db, 15, { migrationsDir: dir });
      expect(result.history.edited.map((e) => e.name)).toEqual([APPLIED[1]]);
      expect(result.differences.map((d) => `${d.change} ${d.identity}`)).toEqual(['missing public.Profile.Profile_visits_idx']);
      expect(result.driftCount).toBe(2);
      expect(result.notices.join('\n')).toMatch(/edited after it was applied/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an applied migration missing from the repository is reported and its objects show as unexpected', async () => {
    const db = await targetDatabase(15);
    const dir = copyMigrations((d) => fs.rmSync(path.join(d, APPLIED[1]), { recursive: true }));
    try {
      const result = await check(db, 15, { migrationsDir: dir });
      expect(result.history.missingLocally).toEqual([APPLIED[1]]);
      expect(result.history.replayed).toEqual(APPLIED);
      expect(result.differences.map((d) => `${d.objectType} ${d.change} ${d.identity}`).sort()).toEqual([
        'column unexpected public.User.bio',
        'enum changed public.Status',
        'table unexpected public.Profile',
      ]);
      expect(result.driftCount).toBe(4);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a failed migration is reported, not replayed, and not pending', async () => {
    const db = await targetDatabase(15, [
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, logs)
       VALUES ('00000000-0000-4000-8000-000000000000', 'x', '${PENDING}', now(), 'relation already exists')`,
    ]);
    const result = await check(db, 15);
    expect(result.history.failed).toEqual([expect.objectContaining({ name: PENDING, logs: 'relation already exists' })]);
    expect(result.history.pending).toEqual([]);
    expect(result.history.replayed).toEqual(APPLIED);
    expect(result).toMatchObject({ drift: true, driftCount: 1, pendingCount: 0 });
  });

  test('a target without _prisma_migrations: everything is unexpected and every migration pending', async () => {
    const db = await freshDatabase({ major: 15 });
    await query(db, 'CREATE TABLE "Lonely" ("id" INTEGER)');
    const result = await check(db, 15);
    expect(result.history.tableMissing).toBe(true);
    expect(result.pendingCount).toBe(3);
    expect(result.differences.map((d) => `${d.change} ${d.identity}`)).toEqual(['unexpected public.Lonely']);
  });

  test('replays on a throwaway cluster, falling back to the nearest major with a notice', async () => {
    const db = await targetDatabase(15);
    const result = await driftCheck({ connection: db, migrationsDir: MIGRATIONS, replayMajor: 3, allowInstall: false });
    expect(result.replay.serverMajor).toBe(Math.min(...testMajors()));
    expect(result.replay.notice).toMatch(/PostgreSQL 3 .*not available.*replayed on PostgreSQL \d+/);
    expect(result.drift).toBe(false);
    await expect(
      driftCheck({ connection: db, migrationsDir: MIGRATIONS, replayMajor: 3, allowInstall: false, majorFallback: false }),
    ).rejects.toMatchObject({
      code: 'E_PG_BINARIES',
    });
  });

  test('a history that does not build is a typed error naming the migration', async () => {
    const db = await targetDatabase(15);
    const dir = copyMigrations((d) =>
      fs.appendFileSync(path.join(d, APPLIED[0], 'migration.sql'), 'ALTER TABLE "Nowhere" ADD COLUMN x INT;\n'),
    );
    try {
      await expect(check(db, 15, { migrationsDir: dir })).rejects.toMatchObject({
        code: 'E_DRIFT_REPLAY',
        where: expect.objectContaining({ migration: APPLIED[0] }),
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a wrong password is a typed connection error that does not show the password', async () => {
    const db = await freshDatabase({ major: 15 });
    const url = `postgresql://nobody:s3cr3t-pw@127.0.0.1:1/${db.database}`;
    const error = await driftCheck({ connection: url, migrationsDir: MIGRATIONS }).catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'E_CONNECT' });
    expect(JSON.stringify({ message: (error as Error).message })).not.toContain('s3cr3t-pw');
  });

  test('a missing migrations directory is the error even when the target cannot be reached (the history is read after connecting)', async () => {
    const url = 'postgresql://nobody:s3cr3t-pw@127.0.0.1:1/app';
    const error = await driftCheck({ connection: url, migrationsDir: path.join(FIXTURE, 'no-such-dir') }).catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'E_MIGRATIONS_DIR_MISSING' });
  });
});
