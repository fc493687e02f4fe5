/**
 * A half-applied migration and the way out: the failure names what the migration changed (from
 * the catalog snapshots stored in the tool's own schema), `recover --undo` returns the catalog to
 * the snapshot, `recover --finish` with the statement fixed reaches the catalog of a clean apply,
 * script-mode files report their committed part, and a recovery killed between the undo and the
 * bookkeeping is finished by a second run, with nothing applied twice.
 */
import { jest } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { applyMigrations, migrationStatus, recoverMigration, type RecoveryPlan } from '../../src/migrations/index.js';
import { diffSnapshots, snapshotSchema, type CatalogSnapshot } from '../../src/catalog/index.js';
import { MigrateActionsError } from '../../src/errors.js';
import { toClientConfig, type ConnectionSettings } from '../../src/postgres/url.js';
import { withClient } from '../../src/postgres/client.js';
import { dropTestDatabases, freshDatabase, query } from '../helpers/pg.js';
import { exited, scenario, spawnCli, tempDir, waitFor, writeMigrations } from './support.js';

jest.setTimeout(60000);
afterAll(dropTestDatabases);

const AREA = 'Recovery: half-applied migrations';
const BASE = '20250101000000_accounts';
const HALF = '20250102000000_ledger';
const FAILING_FK = `ALTER TABLE "Ledger" ADD CONSTRAINT "Ledger_account_fkey" FOREIGN KEY ("account") REFERENCES "Missing"("id");`;
const FIXED_FK = `ALTER TABLE "Ledger" ADD CONSTRAINT "Ledger_account_fkey" FOREIGN KEY ("account") REFERENCES "Account"("id");`;
const history = (fk: string): Record<string, string> => ({
  [BASE]: 'CREATE TABLE "Account" ("id" INTEGER PRIMARY KEY);\n',
  [HALF]: `CREATE TABLE "Ledger" ("id" INTEGER NOT NULL, "account" INTEGER);\nCREATE INDEX CONCURRENTLY "Ledger_account_idx" ON "Ledger"("account");\n${fk}\n`,
});

const catalog = (db: ConnectionSettings): Promise<CatalogSnapshot> =>
  withClient(db, { applicationName: 'recovery-test' }, (client) => snapshotSchema(client));
const differences = (a: CatalogSnapshot, b: CatalogSnapshot): string[] =>
  diffSnapshots(a, b).differences.map((d) => `${d.change} ${d.objectType} ${d.identity}`);

async function caught(promise: Promise<unknown>): Promise<MigrateActionsError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error instanceof MigrateActionsError) return error;
  throw new Error(`expected a MigrateActionsError, got ${String(error)}`);
}

/** A database with the base applied and the half-applied migration failed; the catalog before it. */
async function halfApplied(
  label: string,
): Promise<{ db: ConnectionSettings; dir: string; before: CatalogSnapshot; error: MigrateActionsError }> {
  const db = await freshDatabase();
  const dir = writeMigrations(tempDir(label), history(FAILING_FK));
  await applyMigrations({ connection: db, dir, upTo: BASE });
  const before = await catalog(db);
  const error = await caught(applyMigrations({ connection: db, dir }));
  return { db, dir, before, error };
}

const fix = (dir: string): void => fs.writeFileSync(path.join(dir, HALF, 'migration.sql'), history(FIXED_FK)[HALF]);

describe('recovering a half-applied migration', () => {
  scenario(AREA, 'segmented migration fails after a table and a CONCURRENTLY index: the report lists exactly those', async (r) => {
    const { db, error } = await halfApplied('report');
    expect(error.code).toBe('E_MIGRATION_FAILED');
    const plan = error.details?.recovery as RecoveryPlan;
    const created = plan.changes.filter((c) => c.objectType === 'table' || c.objectType === 'index');
    expect(created.map((c) => `${c.change} ${c.objectType} ${c.identity}`)).toEqual([
      'created table public.Ledger',
      'created index public.Ledger.Ledger_account_idx',
    ]);
    expect(plan.changes.every((c) => c.change === 'created')).toBe(true);
    expect(plan.committedStatements).toBe(2);
    expect(plan.remaining.map((s) => s.line)).toEqual([3]);
    expect(plan.undo.map((s) => s.sql).join('\n')).toMatch(/DROP TABLE "public"."Ledger"/);
    expect(error.message).toContain('What it changed in the catalog: created table public.Ledger');
    expect(error.remedy).toContain(`\`prisma-migrate-actions recover ${HALF} --undo\``);
    expect(error.remedy).toContain(`\`prisma-migrate-actions recover ${HALF} --finish\``);
    // The snapshot is in the tool's own schema, where a later run finds it.
    expect(await query(db, 'SELECT migration_name FROM prisma_migrate_actions.migration_attempts')).toEqual([{ migration_name: HALF }]);
    r.numbers.changes = plan.changes.length;
    r.lostNothing = true;
  });

  scenario(AREA, 'recover --undo returns the catalog to the before-snapshot, and the fixed file then applies', async (r) => {
    const { db, dir, before } = await halfApplied('undo');
    const dry = await recoverMigration({ connection: db, dir, migration: HALF, action: 'dry-run' });
    expect(dry.ran).toEqual([]);
    expect(differences(before, await catalog(db)).length).toBeGreaterThan(0); // a dry run changes nothing
    const undone = await recoverMigration({ connection: db, dir, migration: HALF, action: 'undo' });
    expect(undone.recorded).toBe('rolled-back');
    expect(differences(before, await catalog(db))).toEqual([]);
    const status = await migrationStatus({ connection: db, dir });
    expect(status.failed).toEqual([]);
    expect(status.pending.map((m) => m.name)).toEqual([HALF]);
    fix(dir);
    const applied = await applyMigrations({ connection: db, dir });
    expect(applied.applied.map((m) => m.name)).toEqual([HALF]);
    expect((await migrationStatus({ connection: db, dir })).exitCode).toBe(0);
    // A second recover has nothing to do.
    expect((await caught(recoverMigration({ connection: db, dir, migration: HALF, action: 'undo' }))).code).toBe('E_RECOVER_NOT_FAILED');
    r.lostNothing = true;
  });

  scenario(AREA, 'recover --finish with the statement fixed reaches the catalog of a clean apply of the fixed file', async (r) => {
    const { db, dir } = await halfApplied('finish');
    fix(dir);
    const finished = await recoverMigration({ connection: db, dir, migration: HALF, action: 'finish' });
    expect(finished.recorded).toBe('applied');
    expect(finished.ran).toEqual([FIXED_FK.replace(/;$/, '')]);
    const clean = await freshDatabase();
    await applyMigrations({ connection: clean, dir });
    expect(differences(await catalog(clean), await catalog(db))).toEqual([]);
    expect((await migrationStatus({ connection: db, dir })).exitCode).toBe(0);
    r.lostNothing = true;
  });

  scenario(AREA, 'a script-mode file failing after its first COMMIT: the report names the committed part', async (r) => {
    const db = await freshDatabase();
    const dir = writeMigrations(tempDir('script'), {
      '20250101000000_script':
        'BEGIN;\nCREATE TABLE "First" ("id" INTEGER);\nCOMMIT;\nBEGIN;\nCREATE TABLE "Second" ("id" INTEGER);\nALTER TABLE "Missing" ADD COLUMN "x" INTEGER;\nCOMMIT;\n',
    });
    const error = await caught(applyMigrations({ connection: db, dir }));
    const plan = error.details?.recovery as RecoveryPlan;
    expect(plan.committedStatements).toBe(3);
    expect(plan.changes.filter((c) => c.objectType === 'table').map((c) => `${c.change} ${c.identity}`)).toEqual(['created public.First']);
    expect(error.message).toContain('Committed by the file before the failure: statements #1 to #3 (up to line 3)');
    expect(plan.remaining.map((s) => s.line)).toEqual([4, 5, 6, 7]);
    const undone = await recoverMigration({ connection: db, dir, migration: '20250101000000_script', action: 'undo' });
    expect(undone.recorded).toBe('rolled-back');
    expect(await query(db, `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).toEqual([
      { tablename: '_prisma_migrations' },
    ]);
    r.lostNothing = true;
  });

  scenario(
    AREA,
    'a lone CREATE UNIQUE INDEX CONCURRENTLY that fails on duplicates: recover --undo drops the invalid index it left',
    async (r) => {
      const db = await freshDatabase();
      const name = '20250102000000_unique_email';
      const dir = writeMigrations(tempDir('lone-index'), {
        [BASE]:
          'CREATE TABLE "Account" ("id" INTEGER PRIMARY KEY, "email" TEXT);\nCREATE INDEX "Account_id_email_idx" ON "Account"("id", "email");\n',
        [name]: 'CREATE UNIQUE INDEX CONCURRENTLY "Account_email_key" ON "Account"("email");\n',
      });
      await applyMigrations({ connection: db, dir, upTo: BASE });
      await query(db, `INSERT INTO "Account" VALUES (1, 'a@example.com'), (2, 'a@example.com')`);
      const before = await catalog(db);
      const error = await caught(applyMigrations({ connection: db, dir }));
      expect(error.code).toBe('E_MIGRATION_FAILED');
      const plan = error.details?.recovery as RecoveryPlan;
      // Only the invalid index: the other index and the table are as they were.
      expect(plan.changes.map((c) => `${c.change} ${c.objectType} ${c.identity}`)).toEqual([
        'created index public.Account.Account_email_key',
      ]);
      expect(differences(before, await catalog(db))).toEqual(['unexpected index public.Account.Account_email_key']);
      const undone = await recoverMigration({ connection: db, dir, migration: name, action: 'undo' });
      expect(undone.recorded).toBe('rolled-back');
      expect(differences(before, await catalog(db))).toEqual([]);
      r.lostNothing = true;
    },
  );

  scenario(
    AREA,
    'killed mid-recovery (SIGKILL between the undo and the bookkeeping): a second recover finishes, nothing twice',
    async (r) => {
      const { db, dir, before } = await halfApplied('kill');
      // Hold the failed row so the recover's bookkeeping waits after its undo statements ran.
      const holder = new pg.Client(toClientConfig(db, { applicationName: 'row-holder' }));
      holder.on('error', () => undefined);
      await holder.connect();
      await holder.query(`BEGIN; SELECT 1 FROM _prisma_migrations WHERE migration_name = '${HALF}' FOR UPDATE`);
      const child = spawnCli(['recover', HALF, '--undo', '--migrations-dir', dir], dir, { DATABASE_URL: db.url });
      const waiting = await waitFor('the recover to wait on its bookkeeping', async () => {
        const rows = await query<{ pid: number }>(
          db,
          `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = 'prisma-migrate-actions recover' AND wait_event_type = 'Lock' AND query LIKE 'UPDATE%'`,
          [db.database],
        );
        return rows[0]?.pid;
      });
      child.kill('SIGKILL');
      expect((await exited(child)).signal).toBe('SIGKILL');
      await holder.query('ROLLBACK');
      await holder.end();
      await waitFor(
        'the killed session to end',
        async () => !(await query(db, 'SELECT 1 FROM pg_stat_activity WHERE pid = $1', [waiting])).length,
      );
      // The undo rolled back with its transaction: the migration's objects are still there, its row still failed.
      expect(differences(before, await catalog(db)).length).toBeGreaterThan(0);
      expect((await migrationStatus({ connection: db, dir })).failed.map((x) => x.migrationName)).toEqual([HALF]);
      const second = await recoverMigration({ connection: db, dir, migration: HALF, action: 'undo' });
      expect(second.recorded).toBe('rolled-back');
      expect(differences(before, await catalog(db))).toEqual([]);
      const rows = await query<{ rolled: boolean }>(
        db,
        `SELECT rolled_back_at IS NOT NULL AS rolled FROM _prisma_migrations WHERE migration_name = $1`,
        [HALF],
      );
      expect(rows).toEqual([{ rolled: true }]); // one attempt, marked once
      r.lostNothing = true;
    },
  );
});
