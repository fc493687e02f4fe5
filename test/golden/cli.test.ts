/**
 * Golden files for what every CLI command prints and reports on the example project (prisma/)
 * and on the failure cases users meet: a failed migration and its resolve, pending migrations,
 * drift, bad input. Regenerate with `UPDATE_GOLDEN=1 npm test -- test/golden`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { applyMigrations } from '../../src/migrations/index.js';
import type { ConnectionSettings } from '../../src/postgres/url.js';
import { dropTestDatabases, query, testServer } from '../helpers/pg.js';
import { expectCliGolden, REPO_ROOT, runNormaliser, workDir } from './support.js';

const EXAMPLE = 'prisma/migrations';
const FAILING = 'test/fixtures/migrations/failing';
const PASSPHRASE = 'golden-passphrase-7c1f';
const names = fs
  .readdirSync(path.join(REPO_ROOT, EXAMPLE))
  .filter((n) => /^\d{14}_/.test(n))
  .sort();
const BEFORE_LAST = names[names.length - 2];

const normaliser = runNormaliser();
normaliser.register(PASSPHRASE, '<passphrase>');

/** A database with a fixed name (so golden files need not hide it), on the PostgreSQL 15 test server. */
async function database(name: string): Promise<ConnectionSettings> {
  const server = await testServer(15);
  return server.createDatabase(`golden_${name}`, { schema: 'public' });
}

/** The example project with every migration but the last applied: what production looks like before a deploy. */
async function exampleBeforeLast(name: string): Promise<ConnectionSettings> {
  const db = await database(name);
  await applyMigrations({ connection: db, dir: path.join(REPO_ROOT, EXAMPLE), upTo: BEFORE_LAST });
  return db;
}

afterAll(dropTestDatabases);

describe('golden: migration engine commands on the example project', () => {
  let applied: ConnectionSettings;
  let beforeLast: ConnectionSettings;
  beforeAll(async () => {
    applied = await database('applied');
    beforeLast = await exampleBeforeLast('before_last');
  });

  test('apply: every migration on an empty database', async () => {
    const run = await expectCliGolden('cli/apply', ['apply', '--database-url', applied.url, '--migrations-dir', EXAMPLE], normaliser);
    expect(run.exitCode).toBe(0);
  });

  test('status: up to date, then one pending migration', async () => {
    expect(
      (await expectCliGolden('cli/status-up-to-date', ['status', '--database-url', applied.url, '--dir', EXAMPLE], normaliser)).exitCode,
    ).toBe(0);
    expect(
      (await expectCliGolden('cli/status-pending', ['status', '--database-url', beforeLast.url, '--dir', EXAMPLE], normaliser)).exitCode,
    ).toBe(1);
  });

  test('plan and apply --dry-run: the pending migration, nothing changed', async () => {
    await expectCliGolden('cli/plan', ['plan', '--database-url', beforeLast.url, '--dir', EXAMPLE], normaliser);
    await expectCliGolden('cli/apply-dry-run', ['apply', '--dry-run', '--database-url', beforeLast.url, '--dir', EXAMPLE], normaliser);
    const rows = await query(beforeLast, 'SELECT count(*)::int AS n FROM _prisma_migrations');
    expect(rows).toEqual([{ n: names.length - 1 }]);
  });

  test('lint: every migration of the example project', async () => {
    const run = await expectCliGolden('cli/lint', ['lint', '--dir', EXAMPLE], normaliser);
    expect(run.exitCode).toBe(1);
  });
});

describe('golden: a failed migration, its status and its resolve', () => {
  test('apply fails (recorded rolled back); with strict-failures status shows it failed, resolve --rolled-back clears it', async () => {
    const lenient = await database('failing_lenient');
    const apply = await expectCliGolden('cli/apply-failed', ['apply', '--database-url', lenient.url, '--dir', FAILING], normaliser);
    expect(apply.exitCode).toBe(1);
    const db = await database('failing');
    const strict = await expectCliGolden(
      'cli/apply-failed-strict',
      ['apply', '--database-url', db.url, '--dir', FAILING, '--strict-failures'],
      normaliser,
    );
    expect(strict.exitCode).toBe(1);
    await expectCliGolden('cli/status-failed', ['status', '--database-url', db.url, '--dir', FAILING], normaliser);
    await query(db, 'DROP TABLE IF EXISTS "Audit"');
    const resolve = await expectCliGolden(
      'cli/resolve-rolled-back',
      ['resolve', '--database-url', db.url, '--dir', FAILING, '--rolled-back', '20240102000000_broken'],
      normaliser,
    );
    expect(resolve.exitCode).toBe(0);
  });
});

describe('golden: bad input', () => {
  test('a malformed URL, a missing directory, an unknown option', async () => {
    expect(
      (await expectCliGolden('cli/bad-url', ['status', '--database-url', 'mysql://x@y/z', '--dir', EXAMPLE], normaliser)).exitCode,
    ).toBe(2);
    const missing = await expectCliGolden('cli/missing-dir', ['lint', '--dir', 'prisma/no-such-dir'], normaliser);
    expect(missing.exitCode).toBe(2);
    expect((await expectCliGolden('cli/unknown-option', ['apply', '--no-such-option'], normaliser)).exitCode).toBe(2);
  });
});

describe('golden: drift-check, backup, restore, deploy', () => {
  let applied: ConnectionSettings;
  let replayUrl: string;
  let work: string;
  beforeAll(async () => {
    applied = await database('drift');
    await applyMigrations({ connection: applied, dir: path.join(REPO_ROOT, EXAMPLE) });
    replayUrl = process.env.PMA_TEST_PG15_URL!;
    work = workDir(normaliser, 'work');
  });

  test('drift-check: none, then a column and an index added by hand', async () => {
    const args = ['drift-check', '--database-url', applied.url, '--dir', EXAMPLE, '--replay-database-url', replayUrl];
    expect((await expectCliGolden('cli/drift-check-clean', args, normaliser)).exitCode).toBe(0);
    await query(applied, 'ALTER TABLE tasks ADD COLUMN notes text; CREATE INDEX tasks_title_idx ON tasks (title)');
    expect((await expectCliGolden('cli/drift-check-drift', args, normaliser)).exitCode).toBe(1);
  });

  test('backup (encrypted), then restore into a new database', async () => {
    const db = await database('backup');
    await applyMigrations({ connection: db, dir: path.join(REPO_ROOT, EXAMPLE) });
    const backup = await expectCliGolden(
      'cli/backup',
      ['backup', '--database-url', db.url, '--output-dir', path.join(work, 'backups'), '--prefix', 'app'],
      normaliser,
      undefined,
      { BACKUP_PASSPHRASE: PASSPHRASE },
    );
    expect(backup.exitCode).toBe(0);
    const backupPath = String(backup.result?.outputs?.['backup-path']);
    const restore = await expectCliGolden(
      'cli/restore',
      ['restore', '--database-url', db.url, '--backup-path', backupPath, '--new-database-name', 'golden_restored'],
      normaliser,
      undefined,
      { BACKUP_PASSPHRASE: PASSPHRASE },
    );
    expect(restore.exitCode).toBe(0);
    await query(db, 'DROP DATABASE golden_restored');
  });

  test('deploy: --dry-run, then the last migration after a backup', async () => {
    const db = await exampleBeforeLast('deploy');
    const args = [
      'deploy',
      '--database-url',
      db.url,
      '--dir',
      EXAMPLE,
      '--approved-by',
      'alice',
      '--backup-dir',
      path.join(work, 'deploy-backups'),
      '--report-dir',
      path.join(work, 'deploy-report'),
      // The drift check replays on a throwaway PostgreSQL (seconds each); the prod-deploy action's golden file shows it.
      '--drift-policy',
      'ignore',
    ];
    expect((await expectCliGolden('cli/deploy-dry-run', [...args, '--dry-run'], normaliser)).exitCode).toBe(0);
    expect((await expectCliGolden('cli/deploy', args, normaliser)).exitCode).toBe(0);
    expect((await expectCliGolden('cli/deploy-up-to-date', args, normaliser)).exitCode).toBe(0);
  });

  test('deploy without an approval', async () => {
    const db = await exampleBeforeLast('deploy_unapproved');
    const run = await expectCliGolden(
      'cli/deploy-unapproved',
      ['deploy', '--database-url', db.url, '--dir', EXAMPLE, '--skip-backup', '--report-dir', path.join(work, 'unapproved-report')],
      normaliser,
    );
    expect(run.exitCode).not.toBe(0);
  });
});
