import { jest } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createBackup, restoreBackup, type BackupResult } from '../../src/backup/index.js';
import { withDatabase } from '../../src/postgres/url.js';
import { dropTestDatabases } from '../helpers/pg.js';
import {
  catalogOf,
  dataOf,
  disposeGpgHome,
  generateKeyPair,
  seededDatabase,
  tempDir,
  cleanupBackupTests,
  dropLater,
} from '../fixtures/backup/support.js';

afterAll(async () => {
  await cleanupBackupTests();
  await dropTestDatabases();
});
jest.setTimeout(120000);

const PASSPHRASE = 'correct-horse-battery-staple-7f3a';
const PG_RESTORE = '/usr/lib/postgresql/15/bin/pg_restore';

async function expectSameDatabase(source: Parameters<typeof catalogOf>[0], restoredName: string): Promise<void> {
  const restored = withDatabase(source, restoredName);
  expect(await catalogOf(restored)).toBe(await catalogOf(source));
  expect(await dataOf(restored)).toEqual(await dataOf(source));
}

function expectFileBasics(result: BackupResult, encrypted: boolean): void {
  expect(path.basename(result.backupPath)).toMatch(new RegExp(`^app_backup_\\d{8}_\\d{6}\\.sql\\.custom${encrypted ? '\\.gpg' : ''}$`));
  expect(fs.statSync(result.backupPath).mode & 0o777).toBe(0o600);
  expect(fs.statSync(result.manifestPath).mode & 0o777).toBe(0o600);
  expect(fs.statSync(result.backupPath).size).toBe(result.sizeBytes);
  const manifest = JSON.parse(fs.readFileSync(result.manifestPath, 'utf8'));
  expect(manifest.sha256).toBe(result.sha256);
  expect(manifest.sizeBytes).toBe(result.sizeBytes);
  expect(manifest.server.major).toBe(15);
  expect(manifest.migrations).toEqual({ schema: 'public', tablePresent: true, applied: ['20240101000000_init', '20240201000000_goals'] });
  expect(manifest.tables).toEqual(
    expect.arrayContaining([
      { schema: 'public', table: 'User', rows: 300 },
      { schema: 'public', table: 'Goal', rows: 2000 },
      { schema: 'audit', table: 'events', rows: 50 },
    ]),
  );
}

describe('backup → restore round trip', () => {
  test('without encryption: custom archive, manifest, restore into a new database', async () => {
    const source = await seededDatabase();
    const dir = tempDir('plain');
    const logs: string[] = [];
    const result = await createBackup({ connection: source, outputDir: dir, prefix: 'app', gitCommit: 'abc123', log: (l) => logs.push(l) });
    expectFileBasics(result, false);
    expect(result.manifest.encryption).toEqual({ method: 'none' });
    expect(result.manifest.gitCommit).toBe('abc123');
    expect(result.verification.mode).toBe('list');
    expect(result.verification.tocEntries).toBeGreaterThan(5);
    // The archive on disk is what pg_restore reads.
    expect(spawnSync(PG_RESTORE, ['--list', result.backupPath]).status).toBe(0);

    const restored = await restoreBackup({
      backupPath: result.backupPath,
      connection: source,
      databaseName: dropLater(source, `${source.database}_r1`),
    });
    expect(restored.database).toBe(`${source.database}_r1`);
    expect(restored.tablesCompared).toBe(result.manifest.tables.length);
    expect(restored.migrations.applied).toEqual(['20240101000000_init', '20240201000000_goals']);
    expect(restored.migrationsAtBackup).toEqual(restored.migrations.applied);
    await expectSameDatabase(source, restored.database);
  });

  test('with a passphrase: verify by restore, gpg --decrypt reads it, the passphrase is nowhere', async () => {
    const source = await seededDatabase();
    const dir = tempDir('pass');
    const logs: string[] = [];
    const result = await createBackup({
      connection: source,
      outputDir: dir,
      prefix: 'app',
      encryption: { passphrase: PASSPHRASE },
      verify: 'restore',
      log: (l) => logs.push(l),
    });
    expectFileBasics(result, true);
    expect(result.manifest.encryption).toEqual({ method: 'passphrase-aes256', cipher: 'AES256' });
    expect(result.verification).toMatchObject({ mode: 'restore', tablesCompared: result.manifest.tables.length });
    expect(result.manifest.sha256).not.toBe(result.manifest.plaintextSha256);

    // Standard tools: gpg decrypts, pg_restore lists the result.
    const home = tempDir('gpg-home');
    const decrypted = path.join(dir, 'decrypted.custom');
    const gpg = spawnSync(
      'gpg',
      [
        '--homedir',
        home,
        '--batch',
        '--pinentry-mode',
        'loopback',
        '--passphrase-fd',
        '0',
        '--output',
        decrypted,
        '--decrypt',
        result.backupPath,
      ],
      { input: PASSPHRASE },
    );
    disposeGpgHome(home);
    expect(gpg.status).toBe(0);
    const listed = spawnSync(PG_RESTORE, ['--list', decrypted], { encoding: 'utf8' });
    expect(listed.status).toBe(0);
    expect(listed.stdout).toMatch(/TABLE DATA public Goal/);

    // Plaintext is not in the encrypted file.
    const bytes = fs.readFileSync(result.backupPath);
    expect(bytes.includes(Buffer.from('PGDMP'))).toBe(false);
    expect(bytes.includes(Buffer.from('user1@example.com'))).toBe(false);

    const restored = await restoreBackup({
      backupPath: result.backupPath,
      connection: source,
      passphrase: PASSPHRASE,
      databaseName: dropLater(source, `${source.database}_r2`),
      log: (l) => logs.push(l),
    });
    await expectSameDatabase(source, restored.database);

    const everything = [
      fs.readFileSync(result.manifestPath, 'utf8'),
      JSON.stringify(result),
      JSON.stringify(restored),
      fs.readdirSync(dir).join('\n'),
      logs.join('\n'),
    ].join('\n');
    expect(everything).not.toContain(PASSPHRASE);
  });

  test('with a recipient public key: no secret on the backup side, restore with the private key', async () => {
    const source = await seededDatabase();
    const dir = tempDir('pubkey');
    const keys = generateKeyPair();
    try {
      const keyFile = path.join(dir, 'recipient.asc');
      fs.writeFileSync(keyFile, keys.publicKey);
      const result = await createBackup({
        connection: source,
        outputDir: dir,
        prefix: 'app',
        encryption: { recipientPublicKeyFile: keyFile },
      });
      expectFileBasics(result, true);
      expect(result.manifest.encryption).toEqual({ method: 'public-key', cipher: 'AES256', recipients: [keys.fingerprint] });
      expect(result.verification.note).toMatch(/listed while streaming/);

      // Without the private key: refused, nothing created.
      await expect(
        restoreBackup({ backupPath: result.backupPath, connection: source, databaseName: dropLater(source, `${source.database}_nokey`) }),
      ).rejects.toMatchObject({ code: 'E_RESTORE_SECRET' });

      // The key owner's own gpg decrypts it.
      const decrypted = spawnSync('gpg', ['--homedir', keys.home, '--batch', '--decrypt', result.backupPath]);
      expect(decrypted.status).toBe(0);
      expect(decrypted.stdout.subarray(0, 5).toString()).toBe('PGDMP');

      const restored = await restoreBackup({
        backupPath: result.backupPath,
        connection: source,
        privateKey: keys.privateKey,
        databaseName: dropLater(source, `${source.database}_r3`),
      });
      await expectSameDatabase(source, restored.database);
      // Armored key text works as well as a key file.
      const again = await createBackup({
        connection: source,
        outputDir: tempDir('pubkey-text'),
        prefix: 'app',
        encryption: { recipientPublicKey: keys.publicKey },
        verify: 'none',
      });
      expect(again.manifest.encryption.recipients).toEqual([keys.fingerprint]);
    } finally {
      disposeGpgHome(keys.home);
    }
  });

  test('directory format with jobs round-trips too', async () => {
    const source = await seededDatabase();
    const dir = tempDir('dirfmt');
    const result = await createBackup({ connection: source, outputDir: dir, prefix: 'app', format: 'directory', jobs: 2 });
    expect(path.basename(result.backupPath)).toMatch(/^app_backup_\d{8}_\d{6}\.sql\.dir$/);
    expect(fs.statSync(result.backupPath).isDirectory()).toBe(true);
    const restored = await restoreBackup({
      backupPath: result.backupPath,
      connection: source,
      databaseName: dropLater(source, `${source.database}_r4`),
    });
    await expectSameDatabase(source, restored.database);
  });
});
