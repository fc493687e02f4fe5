/**
 * Batched statements on a real PostgreSQL: the result equals the statement run whole, also with a
 * writer busy on the table; an interrupted run resumes without processing a row twice; the plan
 * shows the batching; mistakes are positioned errors before anything runs; Prisma's own
 * `migrate status` agrees with the bookkeeping afterwards.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { applyMigrations, migrationStatus, planMigrations } from '../../src/migrations/index.js';
import { isMigrateActionsError, type MigrateActionsError } from '../../src/errors.js';
import { toClientConfig, type ConnectionSettings } from '../../src/postgres/url.js';
import { dropTestDatabases, freshDatabase, query } from '../helpers/pg.js';
import { runPrismaCli } from '../helpers/prisma.js';

afterAll(dropTestDatabases);

const ROWS = 200_000;
const INIT = '20240101000000_init';
const BACKFILL = '20240102000000_backfill';

const initSql = (
  rows: number,
) => `CREATE TABLE big (id bigint PRIMARY KEY, email text, plan text, score int NOT NULL, n int NOT NULL DEFAULT 0, w int NOT NULL DEFAULT 0);
INSERT INTO big (id, email, plan, score)
SELECT g, CASE WHEN g % 7 = 0 THEN NULL ELSE 'user' || g || '@Example' || (g % 13) || '.COM' END, CASE WHEN g % 5 = 0 THEN 'pro' END, g % 100
  FROM generate_series(1, ${rows}) g;
`;

/** The backfill: a WHERE with OR (the batch range must not bind tighter than it) and a counter. */
const BACKFILL_STATEMENT = `UPDATE big SET plan = coalesce(plan, lower(split_part(email, '@', 2))), score = score + 1, n = n + 1
 WHERE email IS NOT NULL OR plan = 'pro';`;

function writeHistory(migrations: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-batch-'));
  fs.writeFileSync(path.join(dir, 'migration_lock.toml'), 'provider = "postgresql"\n');
  for (const [name, sql] of Object.entries(migrations)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

async function failure(promise: Promise<unknown>): Promise<MigrateActionsError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isMigrateActionsError(error)) throw new Error(`expected a MigrateActionsError, got ${String(error)}`);
  return error;
}

/** A digest of the backfilled columns (not the writer's column w). */
async function digest(db: ConnectionSettings): Promise<string> {
  const [row] = await query<{ d: string }>(
    db,
    `SELECT md5(string_agg(id || ':' || coalesce(plan, '-') || ':' || score || ':' || n, ',' ORDER BY id)) AS d FROM big`,
  );
  return row.d;
}

/** Updates random rows' w until stopped; counts its writes. */
function startWriter(db: ConnectionSettings, rows: number): { stop: () => Promise<number> } {
  let running = true;
  let writes = 0;
  const done = (async () => {
    const client = new pg.Client(toClientConfig(db, { applicationName: 'test writer' }));
    await client.connect();
    try {
      while (running) {
        await client.query('UPDATE big SET w = w + 1 WHERE id = $1', [1 + Math.floor(Math.random() * rows)]);
        writes++;
      }
    } finally {
      await client.end();
    }
  })();
  return {
    stop: async () => {
      running = false;
      await done;
      return writes;
    },
  };
}

describe('batched statements', () => {
  it('end with the same data as the statement run whole, while a writer updates random rows', async () => {
    const batchedDir = writeHistory({
      [INIT]: initSql(ROWS),
      [BACKFILL]: `-- prisma-migrate-actions: batch size=5000 pause=1ms\n${BACKFILL_STATEMENT}\n`,
    });
    const wholeDir = writeHistory({ [INIT]: initSql(ROWS), [BACKFILL]: `${BACKFILL_STATEMENT}\n` });
    const batched = await freshDatabase();
    const whole = await freshDatabase();
    await applyMigrations({ connection: batched, dir: batchedDir, upTo: INIT });
    await applyMigrations({ connection: whole, dir: wholeDir });

    const plan = await planMigrations({ connection: batched, dir: batchedDir });
    expect(plan.migrations[0].statements[0].batch).toMatchObject({
      table: 'public.big',
      key: 'id',
      size: 5000,
      estimatedRows: ROWS,
      estimatedBatches: ROWS / 5000 + 1,
    });
    expect(plan.migrations[0].mode).toBe('segmented');

    const writer = startWriter(batched, ROWS);
    const lines: string[] = [];
    let result;
    try {
      result = await applyMigrations({ connection: batched, dir: batchedDir, log: (l) => lines.push(l) });
    } finally {
      const writes = await writer.stop();
      expect(writes).toBeGreaterThan(0);
      const [{ w }] = await query<{ w: string }>(batched, 'SELECT sum(w)::int AS w FROM big');
      expect(Number(w)).toBe(writes); // no write of the other session was lost
    }
    expect(await digest(batched)).toBe(await digest(whole));
    const changed = await query<{ c: number }>(whole, 'SELECT count(*)::int AS c FROM big WHERE n = 1');
    const [summary] = result.applied[0].batches!;
    expect(summary).toMatchObject({ table: 'public.big', key: 'id', keysScanned: ROWS, rowsChanged: changed[0].c, line: 2 });
    expect(summary.batches).toBe(ROWS / 5000 + 1);
    expect(summary.batchTimingsMs).toHaveLength(summary.batches);
    expect(
      lines.some((l) => /batching public\.big \(line 2\): 200 k of 200 k rows \(100%\), .* rows\/s, .* done in 41 batches/.test(l)),
    ).toBe(true);

    // Bookkeeping: one finished row with the file's checksum.
    const file = fs.readFileSync(path.join(batchedDir, BACKFILL, 'migration.sql'));
    const recorded = await query(
      batched,
      'SELECT checksum, finished_at, applied_steps_count FROM _prisma_migrations WHERE migration_name = $1',
      [BACKFILL],
    );
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ checksum: createHash('sha256').update(file).digest('hex'), applied_steps_count: 1 });
    expect(recorded[0].finished_at).not.toBeNull();
  });

  it('stopped by a failing batch: status shows the progress; after the fix the next apply resumes; each row once', async () => {
    const rows = 50_000;
    const dir = writeHistory({
      [INIT]: `${initSql(rows)}ALTER TABLE big ADD CONSTRAINT score_small CHECK (score < 1000);\nUPDATE big SET score = 999 WHERE id = 30001;\n`,
      [BACKFILL]: `ALTER TABLE big ADD COLUMN note text;\n\n-- prisma-migrate-actions: batch size=1000\n${BACKFILL_STATEMENT}\n`,
    });
    const db = await freshDatabase();
    await applyMigrations({ connection: db, dir, upTo: INIT });
    const error = await failure(applyMigrations({ connection: db, dir }));
    expect(error.code).toBe('E_BATCH_FAILED');
    expect(error.message).toContain('Batch 31 of the statement on line 4');
    expect(error.message).toContain('30 batches (30 k rows) are committed');
    expect(error.where).toMatchObject({ line: 4, migration: BACKFILL });
    // Exactly the first 30 batches' rows are changed, and nothing of the failed one.
    expect(
      await query(
        db,
        `SELECT count(*) FILTER (WHERE n = 1 AND id > 30000)::int AS after, count(*) FILTER (WHERE n = 0 AND id <= 30000 AND (email IS NOT NULL OR plan = 'pro'))::int AS missed FROM big`,
      ),
    ).toEqual([{ after: 0, missed: 0 }]);

    const status = await migrationStatus({ connection: db, dir });
    expect(status.batching.map((b) => [b.migration, b.text])).toEqual([[BACKFILL, 'batching, 60% (30 k of 50 k rows)']]);
    expect(status.lines[0]).toContain(`${BACKFILL}: batching, 60% (30 k of 50 k rows); the next apply resumes it`);
    expect(status.exitCode).toBe(1); // Prisma too sees an unfinished migration
    const plan = await planMigrations({ connection: db, dir });
    expect(plan.migrations.map((m) => [m.name, m.resuming])).toEqual([[BACKFILL, 'batching, 60% (30 k of 50 k rows)']]);

    await query(db, 'UPDATE big SET score = 0 WHERE id = 30001');
    const lines: string[] = [];
    const resumed = await applyMigrations({ connection: db, dir, log: (l) => lines.push(l) });
    expect(resumed.applied.map((a) => [a.name, a.resumed])).toEqual([[BACKFILL, true]]);
    expect(resumed.applied[0].batches![0].resumedFrom).toMatchObject({ keysDone: 30000, batches: 30 });
    expect(lines).toContain(`Resuming ${BACKFILL} at its batched statement on line 4`);
    const counts = await query(db, 'SELECT n, count(*)::int AS c FROM big GROUP BY n ORDER BY n');
    const expected = await query<{ c: number }>(db, "SELECT count(*)::int AS c FROM big WHERE email IS NOT NULL OR plan = 'pro'");
    expect(counts).toEqual([
      { n: 0, c: rows - expected[0].c },
      { n: 1, c: expected[0].c },
    ]);
    const bookkeeping = await query(db, 'SELECT finished_at FROM _prisma_migrations WHERE migration_name = $1', [BACKFILL]);
    expect(bookkeeping).toHaveLength(1);
    expect(bookkeeping[0].finished_at).not.toBeNull();
    expect((await migrationStatus({ connection: db, dir })).exitCode).toBe(0);

    // Prisma's own engine reads the same history as applied, with the file's checksum.
    const prisma = await runPrismaCli(['migrate', 'status'], { databaseUrl: db.url, migrationsDir: dir });
    expect(prisma.code).toBe(0);
    expect(prisma.stdout).toContain('Database schema is up to date');
  });

  it('a directive mistake is a positioned error before anything runs', async () => {
    const dir = writeHistory({
      [INIT]: 'CREATE TABLE t (id bigint PRIMARY KEY, a int);\n',
      [BACKFILL]: 'ALTER TABLE t ADD COLUMN b int;\n-- prisma-migrate-actions: batch size=100 pace=1s\nUPDATE t SET b = a;\n',
    });
    const db = await freshDatabase();
    const error = await failure(applyMigrations({ connection: db, dir }));
    expect(error.code).toBe('E_BATCH_DIRECTIVE');
    expect(error.message).toContain('Unknown batch option "pace"');
    expect(error.message).toContain('Nothing was applied');
    expect(error.where).toMatchObject({ file: path.join(dir, BACKFILL, 'migration.sql'), line: 2, migration: BACKFILL });
    expect(await query(db, "SELECT to_regclass('t') AS t")).toEqual([{ t: null }]);
  });

  it('a table without a usable key is refused before the migration starts', async () => {
    const dir = writeHistory({
      [INIT]: 'CREATE TABLE nokey (id bigint, a int);\nCREATE UNIQUE INDEX nokey_a ON nokey (a);\n',
      [BACKFILL]: 'ALTER TABLE nokey ADD COLUMN b int;\n-- prisma-migrate-actions: batch\nUPDATE nokey SET b = a;\n',
    });
    const db = await freshDatabase();
    await applyMigrations({ connection: db, dir, upTo: INIT });
    const noPk = await failure(applyMigrations({ connection: db, dir }));
    expect(noPk.code).toBe('E_BATCH_KEY');
    expect(noPk.message).toContain('public.nokey has no single-column primary key');
    expect(noPk.where).toMatchObject({ line: 2, migration: BACKFILL });
    expect(
      await query(db, "SELECT count(*)::int AS c FROM information_schema.columns WHERE table_name = 'nokey' AND column_name = 'b'"),
    ).toEqual([{ c: 0 }]);
    // a unique column that may be NULL is not a key either
    fs.writeFileSync(path.join(dir, BACKFILL, 'migration.sql'), '-- prisma-migrate-actions: batch key=a\nUPDATE nokey SET b = a;\n');
    const nullable = await failure(planMigrations({ connection: db, dir }));
    expect(nullable.code).toBe('E_BATCH_KEY');
    expect(nullable.message).toContain('may be NULL');
  });
});
