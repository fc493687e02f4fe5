/**
 * The production pipeline end to end on a throwaway "production": happy path, nothing pending,
 * dry run, and a failing migration under each failure policy.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readManifest } from '../../src/backup/index.js';
import { dropTestDatabases, query } from '../helpers/pg.js';
import {
  INIT,
  MIGRATIONS,
  catalogChanges,
  check,
  columnsOf,
  databaseState,
  production,
  runDeployCommand,
  writeHistory,
} from '../fixtures/deploy/harness.js';

afterAll(dropTestDatabases);

const POSTS = '20240201000000_posts';

describe('deploy: success paths', () => {
  it('applies the pending migrations after a backup, and records who approved what', async () => {
    const dir = writeHistory({ [POSTS]: MIGRATIONS.posts });
    const db = await production(dir);
    const run = await runDeployCommand(db, dir, { 'approved-by': 'alice,bob', 'audit-table': 'true' });

    expect(run.data.outcome).toBe('success');
    expect(run.result.exitCode).toBe(0);
    expect(run.report.verdict).toBe('pass');
    expect(await columnsOf(db, 'Post')).toEqual(['id', 'authorId', 'title']);
    const history = await query(db, `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY started_at`);
    expect(history.map((r) => r.migration_name)).toEqual([INIT, POSTS]);

    // Backup: the file, its manifest and its checksum, also in the audit record.
    const backupPath = String(run.result.outputs?.['backup-path']);
    expect(fs.existsSync(backupPath)).toBe(true);
    const manifest = readManifest(`${backupPath}.manifest.json`, backupPath);
    expect(manifest.migrations.applied).toEqual([INIT]);
    expect(manifest.tables).toContainEqual({ schema: 'public', table: 'User', rows: 3 });

    // The audit JSON file: approvers, migrations with checksums, backup, timings, outcome.
    const auditPath = String(run.result.outputs?.['audit-json']);
    const audit = JSON.parse(fs.readFileSync(auditPath, 'utf8'));
    expect(audit).toMatchObject({
      outcome: 'success',
      environment: 'production',
      approvers: ['alice', 'bob'],
      approvalSource: 'command-line',
      database: db.maskedUrl,
      backup: { path: backupPath, sha256: manifest.sha256, manifestPath: `${backupPath}.manifest.json` },
    });
    expect(audit.migrations).toEqual([
      expect.objectContaining({ name: POSTS, status: 'applied', checksum: expect.stringMatching(/^[0-9a-f]{64}$/) }),
    ]);
    expect(audit.timingsMs).toEqual(
      expect.objectContaining({
        Preflight: expect.any(Number),
        Backup: expect.any(Number),
        Apply: expect.any(Number),
        total: expect.any(Number),
      }),
    );
    expect(audit.databaseSizeBefore).toBeGreaterThan(0);
    expect(audit.databaseSizeAfter).toBeGreaterThan(0);

    // The same record in the audit table, in the schema drift-check ignores.
    const rows = await query(db, `SELECT id, outcome, approvers, record FROM prisma_migrate_actions.deployments`);
    expect(rows).toEqual([expect.objectContaining({ id: audit.id, outcome: 'success', approvers: ['alice', 'bob'] })]);

    expect(run.result.outputs).toEqual({
      applied: POSTS,
      'applied-count': 1,
      'backup-path': backupPath,
      'audit-json': auditPath,
      result: 'success',
    });
    expect(run.report.checks.map((c) => `${c.name}:${c.status}`)).toEqual(
      expect.arrayContaining(['Approval gate:pass', 'Backup:pass', 'Apply:pass', 'Verify:pass']),
    );
    expect(check(run, 'Verify').items).toContain('Status: up to date.');
  });

  it('nothing pending: a no-op success that takes no backup', async () => {
    const dir = writeHistory({});
    const db = await production(dir);
    const run = await runDeployCommand(db, dir);
    expect(run.data.outcome).toBe('no-op');
    expect(run.result.exitCode).toBe(0);
    expect(run.result.outputs).toMatchObject({ applied: '', 'applied-count': 0, 'backup-path': '', result: 'no-op' });
    expect(run.report.summary).toMatch(/up to date/);
    expect(fs.existsSync(path.join(run.workDir, 'backups'))).toBe(false);
    expect(fs.existsSync(String(run.result.outputs?.['audit-json']))).toBe(true);
  });

  it('dry run: the plan (statements, locks, tables) and nothing changed', async () => {
    const dir = writeHistory({ [POSTS]: MIGRATIONS.posts });
    const db = await production(dir);
    const before = await databaseState(db);
    const run = await runDeployCommand(db, dir, { 'dry-run': 'true' });
    expect(run.data.outcome).toBe('dry-run');
    expect(run.data.pending).toEqual([POSTS]);
    const plan = run.report.tables?.find((t) => t.title.startsWith('Plan'));
    expect(plan?.rows.map((r) => [r[0], r[1]])).toEqual([
      [POSTS, '1'],
      [POSTS, '2'],
    ]);
    expect(plan?.rows[1][3]).toMatch(/SHARE/);
    const after = await databaseState(db);
    expect(catalogChanges(before.snapshot, after.snapshot)).toEqual([]);
    expect(after.migrations).toEqual(before.migrations);
    expect(fs.existsSync(path.join(run.workDir, 'backups'))).toBe(false);
  });
});

describe('deploy: a failing migration', () => {
  const BAD = '20240201000000_bad';

  it('atomic failure: nothing committed, says so and stops', async () => {
    const dir = writeHistory({ [BAD]: MIGRATIONS.atomicFailure });
    const db = await production(dir);
    const before = await databaseState(db);
    const run = await runDeployCommand(db, dir, { 'on-failure': 'restore' });
    expect(run.data.outcome).toBe('failed');
    expect(run.result.exitCode).toBe(1);
    expect(check(run, 'Failure policy').detail).toMatch(/Nothing of the failed migration was committed/);
    expect(run.data.audit.error?.message).toMatch(/relation "Nope" does not exist/);
    expect(run.data.audit.migrations).toEqual([expect.objectContaining({ name: BAD, status: 'failed' })]);
    const after = await databaseState(db);
    expect(catalogChanges(before.snapshot, after.snapshot)).toEqual([]);
    expect(after.rowCounts).toEqual(before.rowCounts);
    // Nothing committed: the attempt is recorded rolled back (as resolve --rolled-back would), nothing to resolve.
    expect(after.migrations.filter((m) => m.migration_name === BAD)).toEqual([
      expect.objectContaining({ finished_at: null, rolled_back_at: expect.any(Date) }),
    ]);
    expect(run.report.codeBlocks?.[0].code).not.toContain('resolve --rolled-back');
    expect(check(run, 'Failure policy').detail).toMatch(/recorded rolled back/);

    // The next deploy is not blocked (no P3009): it runs the migration again, which fails again.
    const again = await runDeployCommand(db, dir);
    expect(again.data.outcome).toBe('failed');
    expect(again.data.audit.error?.code).toBe('E_MIGRATION_FAILED');
  });

  it('strict-failures: an atomic failure leaves the failed row, and the next deploy stops at P3009', async () => {
    const dir = writeHistory({ [BAD]: MIGRATIONS.atomicFailure });
    const db = await production(dir);
    const run = await runDeployCommand(db, dir, { 'strict-failures': 'true' });
    expect(run.data.outcome).toBe('failed');
    const rows = await query(db, `SELECT finished_at, rolled_back_at FROM _prisma_migrations WHERE migration_name = $1`, [BAD]);
    expect(rows).toEqual([{ finished_at: null, rolled_back_at: null }]);
    expect(run.report.codeBlocks?.[0].code).toContain(`resolve --rolled-back ${BAD}`);
    const again = await runDeployCommand(db, dir);
    expect(again.data.outcome).toBe('refused');
    expect(again.data.audit.error?.code).toBe('P3009');
    expect(fs.existsSync(path.join(again.workDir, 'backups'))).toBe(false);
  });

  it('non-atomic failure with on-failure recover-undo: just that migration is undone, from its catalog snapshot', async () => {
    const dir = writeHistory({ [SEG]: MIGRATIONS.segmentedFailure });
    const db = await production(dir);
    const before = await databaseState(db);
    const run = await runDeployCommand(db, dir, { 'on-failure': 'recover-undo' });
    expect(run.data.audit.warnings.filter((w) => w.includes('did not complete'))).toEqual([]);
    expect(run.data.outcome).toBe('rolled-back');
    expect(run.result.exitCode).toBe(1);
    const policy = check(run, 'Failure policy');
    expect(policy.detail).toMatch(/catalog equals the one before it/);
    expect(policy.items).toContainEqual(expect.stringMatching(/^undone: DROP TABLE .*"Audit"/));
    const after = await databaseState(db);
    expect(catalogChanges(before.snapshot, after.snapshot)).toEqual([]);
    const rows = await query(db, `SELECT finished_at, rolled_back_at FROM _prisma_migrations WHERE migration_name = $1`, [SEG]);
    expect(rows).toEqual([{ finished_at: null, rolled_back_at: expect.any(Date) }]);
  });

  const SEG = '20240201000000_segmented';

  it('non-atomic failure with on-failure restore: catalog and data as before the deploy', async () => {
    const dir = writeHistory({ [SEG]: MIGRATIONS.segmentedFailure });
    const db = await production(dir);
    const before = await databaseState(db);
    const run = await runDeployCommand(db, dir, { 'on-failure': 'restore' });
    expect(run.data.outcome).toBe('restored');
    expect(run.result.exitCode).toBe(1);
    const policy = check(run, 'Failure policy');
    expect(policy.items?.join('\n')).toMatch(/committed: line 2 CREATE INDEX CONCURRENTLY/);
    expect(policy.detail).toMatch(/operator's job/);
    expect(policy.detail).toMatch(/catalog matches the one before this deploy/);
    // pg_restore --clean alone would leave the table the failed migration created.
    expect(policy.items).toContainEqual(expect.stringMatching(/^dropped .*DROP TABLE .*"Audit"/));
    const after = await databaseState(db);
    expect(catalogChanges(before.snapshot, after.snapshot)).toEqual([]);
    expect(after.rowCounts).toEqual(before.rowCounts);
    expect(after.migrations).toEqual(before.migrations);
    expect(run.result.outputs).toMatchObject({ applied: '', 'applied-count': 0, result: 'restored' });
    expect(run.data.audit.migrations).toEqual([expect.objectContaining({ name: SEG, status: 'failed' })]);
  });

  it('non-atomic failure with on-failure mark-rolled-back: the row is marked as prisma migrate resolve would', async () => {
    const dir = writeHistory({ [SEG]: MIGRATIONS.segmentedFailure });
    const db = await production(dir);
    const run = await runDeployCommand(db, dir, { 'on-failure': 'mark-rolled-back' });
    expect(run.data.outcome).toBe('rolled-back');
    expect(run.result.exitCode).toBe(1);
    const rows = await query(db, `SELECT finished_at, rolled_back_at, logs FROM _prisma_migrations WHERE migration_name = $1`, [SEG]);
    expect(rows).toEqual([
      expect.objectContaining({ finished_at: null, rolled_back_at: expect.any(Date), logs: expect.stringMatching(/age/) }),
    ]);
    expect(check(run, 'Failure policy').detail).toMatch(/still in the database/);
    // The committed statements are reported, and they are indeed there.
    expect(await columnsOf(db, 'Audit')).toEqual(['id', 'note']);
  });

  it('non-atomic failure with on-failure stop: the exact manual commands, and what did apply', async () => {
    const dir = writeHistory({ [POSTS]: MIGRATIONS.posts, [SEG]: MIGRATIONS.segmentedFailure });
    const db = await production(dir);
    const run = await runDeployCommand(db, dir, { 'on-failure': 'stop' });
    expect(run.data.outcome).toBe('failed');
    // The migration before the failing one is applied, and the outputs and the record say so.
    expect(run.result.outputs).toMatchObject({ applied: POSTS, 'applied-count': 1 });
    expect(run.data.audit.migrations.map((m) => [m.name, m.status])).toEqual([
      [POSTS, 'applied'],
      [SEG, 'failed'],
    ]);
    expect(run.data.audit.migrations[0].durationMs).toEqual(expect.any(Number));
    const backupPath = String(run.result.outputs?.['backup-path']);
    const manual = run.report.codeBlocks?.find((b) => b.title === 'Manual path')?.code ?? '';
    expect(manual.split('\n')).toEqual([
      'prisma-migrate-actions status --database-url "$DATABASE_URL"',
      `prisma-migrate-actions recover ${SEG} --dry-run --database-url "$DATABASE_URL"`,
      `prisma-migrate-actions recover ${SEG} --undo --database-url "$DATABASE_URL"   # or, with the file fixed: --finish`,
      `prisma-migrate-actions restore --backup-path ${backupPath} --database-url "$DATABASE_URL" --target over-target --confirm ${db.database}   # stop writers first`,
    ]);
    const rows = await query(db, `SELECT finished_at, rolled_back_at FROM _prisma_migrations WHERE migration_name = $1`, [SEG]);
    expect(rows).toEqual([{ finished_at: null, rolled_back_at: null }]);
  });
});
