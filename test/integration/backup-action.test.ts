/**
 * backup and restore through the GitHub front end: INPUT_* variables in, the runner's output
 * file and job summary out, the restore consuming the backup's outputs as a workflow would.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { backupCommand, restoreCommand } from '../../src/commands/backup.js';
import type { Command } from '../../src/commands/types.js';
import { runAsAction } from '../helpers/action-runner.js';
import { dropTestDatabases, freshDatabase, query } from '../helpers/pg.js';

const PASSPHRASE = 'action-passphrase-3b9e1c';

describe('backup and restore actions', () => {
  const runnerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-backup-action-'));
  afterAll(async () => {
    fs.rmSync(runnerDir, { recursive: true, force: true });
    await dropTestDatabases();
  });

  const run = (command: Command, inputs: Record<string, string>) =>
    runAsAction(command, { runnerDir, inputs, env: { GITHUB_WORKSPACE: runnerDir } });

  test('an encrypted backup, then a restore of it into a new database from the outputs', async () => {
    const db = await freshDatabase();
    await query(
      db,
      "CREATE TABLE notes (id int PRIMARY KEY, body text); INSERT INTO notes SELECT g, 'n' || g FROM generate_series(1, 25) g",
    );
    const backup = await run(backupCommand, {
      'database-url': db.url,
      'output-dir': 'backups',
      prefix: 'app',
      passphrase: PASSPHRASE,
      verify: 'list',
    });
    expect(backup.exitCode).toBeUndefined();
    expect(backup.outputs['backup-path']).toMatch(/app_backup_\d{8}_\d{6}\.sql\.custom\.gpg$/);
    expect(backup.outputs['manifest-path']).toBe(`${backup.outputs['backup-path']}.manifest.json`);
    expect(backup.outputs.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Number(backup.outputs['size-bytes'])).toBe(fs.statSync(backup.outputs['backup-path']).size);
    expect(backup.summary).toMatch(/Backup/);

    const restore = await run(restoreCommand, {
      'database-url': db.url,
      'backup-path': backup.outputs['backup-path'],
      passphrase: PASSPHRASE,
      'new-database-name': `${db.database}_copy`,
    });
    expect(restore.exitCode).toBeUndefined();
    expect(restore.outputs).toMatchObject({ 'restored-database': `${db.database}_copy`, 'row-counts-match': 'true' });
    expect(await query({ ...db, database: `${db.database}_copy` }, 'SELECT count(*)::int AS n FROM notes')).toEqual([{ n: 25 }]);

    for (const text of [backup.summary, restore.summary, ...backup.log, ...restore.log].filter((t) => !t.startsWith('::add-mask::'))) {
      expect(text).not.toContain(PASSPHRASE);
    }
    await query(db, `DROP DATABASE "${db.database}_copy"`).catch(() => undefined);
  }, 60_000);

  test('a wrong passphrase fails the step with what to do, and restores nothing', async () => {
    const db = await freshDatabase();
    await query(db, 'CREATE TABLE t (id int)');
    const backup = await run(backupCommand, { 'database-url': db.url, 'output-dir': 'backups-2', prefix: 'app', passphrase: PASSPHRASE });
    const restore = await run(restoreCommand, {
      'database-url': db.url,
      'backup-path': backup.outputs['backup-path'],
      passphrase: 'not-the-passphrase',
      'new-database-name': `${db.database}_bad`,
    });
    expect(restore.exitCode).toBe(1);
    expect(restore.log.join('\n')).toMatch(/::error::.*E_BACKUP_PASSPHRASE/);
    expect(await query(db, 'SELECT count(*)::int AS n FROM pg_database WHERE datname = $1', [`${db.database}_bad`])).toEqual([{ n: 0 }]);
  }, 60_000);
});
