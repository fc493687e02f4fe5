/**
 * A batched backfill whose process is SIGKILLed at a random batch (the CLI in a child process),
 * then applied again: it finishes, every row is processed exactly once (a counter column proves
 * it) and the bookkeeping row is finished once.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { migrationStatus } from '../../src/migrations/index.js';
import { dropTestDatabases, freshDatabase, query } from '../helpers/pg.js';
import { cli, exited, scenario, spawnCli, tempDir, waitFor, writeMigrations } from './support.js';

afterAll(dropTestDatabases);

const AREA = 'Faults: batched statements';
const ROWS = 100_000;
const SIZE = 2000;
const BACKFILL = '20240102000000_backfill';

describe('a batched statement killed mid-way', () => {
  scenario(
    AREA,
    'SIGKILL at a random batch, then apply again: each row once, bookkeeping finished once',
    async (r) => {
      const db = await freshDatabase();
      const out = tempDir('batch-kill');
      const dir = writeMigrations(path.join(out, 'migrations'), {
        '20240101000000_init': `CREATE TABLE big (id bigint PRIMARY KEY, n int NOT NULL DEFAULT 0, v text);\nINSERT INTO big (id) SELECT g FROM generate_series(1, ${ROWS}) g;\n`,
        // Not restartable on purpose: run twice on a row, n would be 2.
        [BACKFILL]: `ALTER TABLE big ADD COLUMN done boolean;\n-- prisma-migrate-actions: batch size=${SIZE} pause=20ms\nUPDATE big SET n = n + 1, v = 'x' || id;\n`,
      });
      const killAt = 3 + Math.floor(Math.random() * (ROWS / SIZE - 10));
      r.numbers.killedAfterBatch = killAt;
      const args = ['apply', '--database-url', db.url, '--migrations-dir', dir];
      const child = spawnCli(args, out);
      const ended = exited(child);
      await Promise.race([
        waitFor(
          `batch ${killAt} to commit`,
          async () => {
            const rows = await query<{ b: number }>(
              db,
              "SELECT batches AS b FROM prisma_migrate_actions.batch_progress WHERE to_regclass('prisma_migrate_actions.batch_progress') IS NOT NULL",
            ).catch(() => []);
            return (rows[0]?.b ?? 0) >= killAt;
          },
          60000,
          5,
        ),
        ended.then(() => {
          throw new Error(`the child ended before batch ${killAt}: ${child.output()}`);
        }),
      ]);
      child.kill('SIGKILL');
      await ended;
      await waitFor(
        'the killed session to end',
        async () =>
          (
            await query(
              db,
              "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'prisma-migrate-actions%' AND pid <> pg_backend_pid()",
            )
          ).length === 0,
      );
      const [progress] = await query(db, 'SELECT batches, keys_done, state FROM prisma_migrate_actions.batch_progress');
      r.numbers.batchesCommittedBeforeKill = progress.batches;
      expect(progress.state).toBe('running');
      expect(Number(progress.keys_done)).toBe(progress.batches * SIZE);
      const [counts] = await query(
        db,
        'SELECT count(*) FILTER (WHERE n = 1)::int AS once, count(*) FILTER (WHERE n > 1)::int AS twice FROM big',
      );
      expect(counts).toEqual({ once: progress.batches * SIZE, twice: 0 }); // the checkpoint and the data agree

      const status = await migrationStatus({ connection: db, dir });
      expect(status.batching.map((b) => b.migration)).toEqual([BACKFILL]);
      // Under 10,000 rows are counted in full ("6000"), from there in thousands ("42 k").
      expect(status.lines[0]).toMatch(new RegExp(`^${BACKFILL}: batching, \\d+% \\(\\d+( k)? of 100 k rows\\)`));

      const rerun = await cli(args, out);
      expect(rerun.code).toBe(0);
      expect(rerun.err).toContain(`Resuming ${BACKFILL} at its batched statement on line 3`);
      expect(await query(db, 'SELECT n, count(*)::int AS c FROM big GROUP BY n')).toEqual([{ n: 1, c: ROWS }]);
      expect(await query(db, "SELECT count(*)::int AS c FROM big WHERE v = 'x' || id")).toEqual([{ c: ROWS }]);
      const rows = await query(db, 'SELECT checksum, finished_at, applied_steps_count FROM _prisma_migrations WHERE migration_name = $1', [
        BACKFILL,
      ]);
      expect(rows).toHaveLength(1);
      expect(rows[0].finished_at).not.toBeNull();
      expect(rows[0].applied_steps_count).toBe(1);
      expect(rows[0].checksum).toBe(
        createHash('sha256')
          .update(fs.readFileSync(path.join(dir, BACKFILL, 'migration.sql')))
          .digest('hex'),
      );
      expect((await migrationStatus({ connection: db, dir })).exitCode).toBe(0);
      r.lostNothing = true;
    },
    120_000,
  );
});
