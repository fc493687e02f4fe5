import { jest } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createBackup, restoreBackup, type BackupResult } from '../../src/backup/index.js';
import { MigrateActionsError, describeError } from '../../src/errors.js';
import { dropTestDatabases, freshDatabase, query } from '../helpers/pg.js';
import { dataOf, seededDatabase, tempDir, cleanupBackupTests, dropLater } from '../fixtures/backup/support.js';

afterAll(async () => {
  await cleanupBackupTests();
  await dropTestDatabases();
});
jest.setTimeout(120000);

const PASSPHRASE = 'wrong-horse-0b9e-passphrase';

async function caught(promise: Promise<unknown>): Promise<MigrateActionsError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(MigrateActionsError);
    return error as MigrateActionsError;
  }
  throw new Error('expected a failure');
}

async function databaseExists(db: { database: string }, name: string): Promise<boolean> {
  const rows = await query(db as never, 'SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  return rows.length > 0;
}

describe('restore refuses what it cannot trust', () => {
  let source: Awaited<ReturnType<typeof seededDatabase>>;
  let encrypted: BackupResult;

  beforeAll(async () => {
    source = await seededDatabase();
    encrypted = await createBackup({
      connection: source,
      outputDir: tempDir('refuse'),
      prefix: 'app',
      encryption: { passphrase: PASSPHRASE },
    });
  });

  function copyBackup(label: string, mutate: (bytes: Buffer) => Buffer): string {
    const dir = tempDir(label);
    const file = path.join(dir, path.basename(encrypted.backupPath));
    fs.writeFileSync(file, mutate(fs.readFileSync(encrypted.backupPath)));
    fs.copyFileSync(encrypted.manifestPath, `${file}.manifest.json`);
    return file;
  }

  test('a tampered byte is refused by the checksum, before any database is created', async () => {
    const file = copyBackup('tamper', (b) => {
      b[Math.floor(b.length / 2)] ^= 0x01;
      return b;
    });
    const error = await caught(
      restoreBackup({
        backupPath: file,
        connection: source,
        passphrase: PASSPHRASE,
        databaseName: dropLater(source, `${source.database}_tampered`),
      }),
    );
    expect(error.code).toBe('E_BACKUP_CHECKSUM');
    expect(error.message).toMatch(/altered/);
    expect(await databaseExists(source, `${source.database}_tampered`)).toBe(false);
  });

  test('a truncated file is refused', async () => {
    const file = copyBackup('truncate', (b) => b.subarray(0, b.length - 100));
    const error = await caught(restoreBackup({ backupPath: file, connection: source, passphrase: PASSPHRASE }));
    expect(error.code).toBe('E_BACKUP_CHECKSUM');
    expect(error.message).toMatch(/truncated/);
  });

  test('a manifest of another backup is refused', async () => {
    const file = copyBackup('other-manifest', (b) => b);
    const manifest = JSON.parse(fs.readFileSync(`${file}.manifest.json`, 'utf8'));
    fs.writeFileSync(`${file}.manifest.json`, JSON.stringify({ ...manifest, file: 'app_backup_20000101_000000.sql.custom.gpg' }));
    expect((await caught(restoreBackup({ backupPath: file, connection: source, passphrase: PASSPHRASE }))).code).toBe(
      'E_RESTORE_MANIFEST_MISMATCH',
    );
    fs.rmSync(`${file}.manifest.json`);
    expect((await caught(restoreBackup({ backupPath: file, connection: source, passphrase: PASSPHRASE }))).code).toBe('E_RESTORE_MANIFEST');
  });

  test('a wrong passphrase is refused and the target is untouched (over-target)', async () => {
    const target = await freshDatabase({ major: 15 });
    await query(target, 'CREATE TABLE keep_me (id int); INSERT INTO keep_me VALUES (1), (2)');
    const before = await dataOf(target);
    const error = await caught(
      restoreBackup({
        backupPath: encrypted.backupPath,
        connection: target,
        passphrase: 'not-the-passphrase',
        mode: 'over-target',
        confirm: target.database,
      }),
    );
    expect(error.code).toBe('E_BACKUP_PASSPHRASE');
    expect(describeError(error)).not.toContain(PASSPHRASE);
    expect(describeError(error)).not.toContain('not-the-passphrase');
    expect(await dataOf(target)).toEqual(before);
  });

  test('a wrong passphrase creates no new database', async () => {
    const name = `${source.database}_wrongpass`;
    const error = await caught(
      restoreBackup({ backupPath: encrypted.backupPath, connection: source, passphrase: 'nope-nope-nope', databaseName: name }),
    );
    expect(error.code).toBe('E_BACKUP_PASSPHRASE');
    expect(await databaseExists(source, name)).toBe(false);
  });

  test('over the target needs its name spelled out; then it replaces the data in one go', async () => {
    const target = await freshDatabase({ major: 15 });
    await query(target, 'CREATE TABLE "User" (id int); INSERT INTO "User" VALUES (42)');
    const refused = await caught(
      restoreBackup({
        backupPath: encrypted.backupPath,
        connection: target,
        passphrase: PASSPHRASE,
        mode: 'over-target',
        confirm: 'something-else',
      }),
    );
    expect(refused.code).toBe('E_RESTORE_CONFIRM');
    expect(refused.remedy).toContain(target.database);
    const result = await restoreBackup({
      backupPath: encrypted.backupPath,
      connection: target,
      passphrase: PASSPHRASE,
      mode: 'over-target',
      confirm: target.database,
    });
    expect(result.database).toBe(target.database);
    expect((await query(target, 'SELECT count(*)::int AS n FROM "User"'))[0].n).toBe(300);
  });

  test('a backup from a newer major is refused on an older server', async () => {
    const file = copyBackup('newer', (b) => b);
    const manifest = JSON.parse(fs.readFileSync(`${file}.manifest.json`, 'utf8'));
    fs.writeFileSync(`${file}.manifest.json`, JSON.stringify({ ...manifest, server: { version: '99.0', versionNum: 990000, major: 99 } }));
    const error = await caught(restoreBackup({ backupPath: file, connection: source, passphrase: PASSPHRASE }));
    expect(error.code).toBe('E_RESTORE_VERSION');
  });
});

describe('backup fails cleanly', () => {
  test('no pg_dump for the server major: fails before dumping, with the install command', async () => {
    const newer = await freshDatabase({ major: 17 });
    const dir = tempDir('nodump');
    const error = await caught(
      createBackup({ connection: newer, outputDir: dir, prefix: 'app', pgDumpPath: '/usr/lib/postgresql/15/bin/pg_dump' }),
    );
    expect(error.code).toBe('E_BACKUP_CLIENT_TOO_OLD');
    expect(error.remedy).toMatch(/apt-get install -y postgresql-client-17/);
    expect(fs.readdirSync(dir)).toEqual([]);
    const missing = await caught(createBackup({ connection: newer, outputDir: dir, prefix: 'app', pgDumpPath: '/nonexistent/pg_dump' }));
    expect(missing.code).toBe('E_BACKUP_CLIENT_MISSING');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test('the passphrase appears in no error, log, file name or manifest', async () => {
    const source = await seededDatabase();
    const dir = tempDir('secret');
    const logs: string[] = [];
    const result = await createBackup({
      connection: source,
      outputDir: dir,
      prefix: 'app',
      encryption: { passphrase: PASSPHRASE },
      verify: 'list',
      log: (l) => logs.push(l),
    });
    const failure = await caught(
      restoreBackup({ backupPath: result.backupPath, connection: source, passphrase: `${PASSPHRASE}-typo`, log: (l) => logs.push(l) }),
    );
    const texts = [
      describeError(failure),
      JSON.stringify(failure.details ?? {}),
      logs.join('\n'),
      fs.readdirSync(dir).join('\n'),
      fs.readFileSync(result.manifestPath, 'utf8'),
    ];
    for (const text of texts) expect(text).not.toContain(PASSPHRASE);
  });

  test('disk full in the middle of the dump: clear error, no manifest, no partial file', async () => {
    if (process.getuid?.() !== 0) {
      console.warn('skipped: mounting a small tmpfs needs root');
      return;
    }
    const source = await freshDatabase({ major: 15 });
    await query(source, 'CREATE TABLE big AS SELECT g, md5(g::text) || md5((g * 7)::text) AS s FROM generate_series(1, 200000) g');
    const dir = tempDir('full');
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir]);
    expect(mounted.status).toBe(0);
    try {
      const error = await caught(
        createBackup({ connection: source, outputDir: dir, prefix: 'app', encryption: { passphrase: PASSPHRASE } }),
      );
      expect(error.code).toBe('E_BACKUP_WRITE');
      expect(error.message).toMatch(/ENOSPC|no space/i);
      expect(error.message).toMatch(/partial file was removed/);
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      spawnSync('umount', [dir]);
    }
  });
});
