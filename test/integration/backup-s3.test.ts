/**
 * Backups in a bucket, against a real S3 REST server on loopback (s3rver, test/helpers/s3.ts):
 * round trips plain and encrypted, server-side encryption headers, multipart uploads, retention
 * over the prefix, credentials and endpoints that are wrong, and backups killed mid-upload.
 */
import { jest } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createBackup, restoreBackup } from '../../src/backup/index.js';
import { MigrateActionsError } from '../../src/errors.js';
import { withDatabase, type ConnectionSettings } from '../../src/postgres/url.js';
import { dropTestDatabases, freshDatabase, query } from '../helpers/pg.js';
import { startTestS3, type TestS3 } from '../helpers/s3.js';
import { catalogOf, cleanupBackupTests, dataOf, dropLater, seededDatabase, tempDir } from '../fixtures/backup/support.js';
import { cli, exited, spawnCli, waitFor } from '../faults/support.js';
import { MIGRATIONS, catalogChanges, databaseState, production, runDeployCommand, writeHistory } from '../fixtures/deploy/harness.js';

jest.setTimeout(180000);

const PASSPHRASE = 's3-roundtrip-passphrase-91c2';
const WRONG_SECRET = 'wrong-secret-canary-4b7e19d2';
let s3: TestS3;
const savedEnv = { ...process.env };

beforeAll(async () => {
  s3 = await startTestS3();
  Object.assign(process.env, s3.env);
});

afterAll(async () => {
  await cleanupBackupTests();
  await dropTestDatabases();
  await s3.close();
  for (const key of Object.keys(s3.env)) {
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
});

const settings = (): { endpoint: string; forcePathStyle: boolean } => ({ endpoint: s3.endpoint, forcePathStyle: true });

async function expectSameDatabase(source: ConnectionSettings, restoredName: string): Promise<void> {
  const restored = withDatabase(source, restoredName);
  expect(await catalogOf(restored)).toBe(await catalogOf(source));
  expect(await dataOf(restored)).toEqual(await dataOf(source));
}

async function failure(promise: Promise<unknown>): Promise<MigrateActionsError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MigrateActionsError);
  return error as MigrateActionsError;
}

function objectBytes(key: string): Buffer {
  return fs.readFileSync(path.join(s3.dir, s3.bucket, `${key}._S3rver_object`));
}

describe('round trip through the bucket', () => {
  test('without encryption: streamed up, manifest last, listed by reading back, restored from s3://', async () => {
    const source = await seededDatabase();
    const started = s3.requests.length;
    const result = await createBackup({ connection: source, outputDir: `s3://${s3.bucket}/prod/plain`, s3: settings(), prefix: 'app' });
    const key = `prod/plain/${path.basename(result.backupPath)}`;
    expect(result.backupPath).toBe(`s3://${s3.bucket}/${key}`);
    expect(result.manifestPath).toBe(`s3://${s3.bucket}/${key}.manifest.json`);
    expect(s3.objects()).toEqual(expect.arrayContaining([key, `${key}.manifest.json`]));
    expect(s3.objects().filter((k) => k.startsWith('prod/plain/'))).toHaveLength(2); // no marker left
    expect(s3.openUploads()).toEqual([]);
    expect(objectBytes(key).subarray(0, 5).toString()).toBe('PGDMP');
    expect(objectBytes(key).length).toBe(result.sizeBytes);
    // The manifest is written last, after the archive was read back from the bucket (verify: list).
    const calls = s3.requests.slice(started).map((r) => `${r.method} ${decodeURIComponent(r.url.split('?')[0])}`);
    const readBack = calls.lastIndexOf(`GET /${s3.bucket}/${key}`);
    const manifestPut = calls.indexOf(`PUT /${s3.bucket}/${key}.manifest.json`);
    expect(readBack).toBeGreaterThan(-1);
    expect(manifestPut).toBeGreaterThan(readBack);
    expect(JSON.parse(objectBytes(`${key}.manifest.json`).toString())).toMatchObject({
      sha256: result.sha256,
      sizeBytes: result.sizeBytes,
    });

    const restored = await restoreBackup({
      backupPath: result.backupPath,
      s3: settings(),
      connection: source,
      databaseName: dropLater(source, `${source.database}_s3`),
    });
    expect(restored.tablesCompared).toBe(result.manifest.tables.length);
    await expectSameDatabase(source, restored.database);
  });

  test('with a passphrase and verify restore: only ciphertext in the bucket, restored through decryption', async () => {
    const source = await seededDatabase();
    const result = await createBackup({
      connection: source,
      outputDir: `s3://${s3.bucket}/prod/enc`,
      s3: { ...settings(), sse: 'aws:kms', kmsKeyId: 'alias/backups', storageClass: 'STANDARD_IA' },
      prefix: 'app',
      encryption: { passphrase: PASSPHRASE },
      verify: 'restore',
    });
    const key = `prod/enc/${path.basename(result.backupPath)}`;
    expect(key).toMatch(/\.sql\.custom\.gpg$/);
    expect(result.verification).toMatchObject({ mode: 'restore', tablesCompared: result.manifest.tables.length });
    const bytes = objectBytes(key);
    expect(bytes.includes(Buffer.from('PGDMP'))).toBe(false);
    expect(bytes.includes(Buffer.from(PASSPHRASE))).toBe(false);
    // Every object written asked for server-side encryption with the key and the storage class.
    const writes = s3.requests.filter(
      (r) => (r.method === 'PUT' || r.method === 'POST') && decodeURIComponent(r.url).includes('/prod/enc/'),
    );
    expect(writes.length).toBeGreaterThan(1);
    for (const w of writes.filter((r) => !/partNumber=/.test(r.url))) {
      expect(w.headers).toMatchObject({
        'x-amz-server-side-encryption': 'aws:kms',
        'x-amz-server-side-encryption-aws-kms-key-id': 'alias/backups',
        'x-amz-storage-class': 'STANDARD_IA',
      });
    }

    const wrong = await failure(
      restoreBackup({ backupPath: result.backupPath, s3: settings(), connection: source, passphrase: 'not-the-passphrase' }),
    );
    expect(wrong.code).toBe('E_BACKUP_PASSPHRASE');
    const restored = await restoreBackup({
      backupPath: result.backupPath,
      s3: settings(),
      connection: source,
      passphrase: PASSPHRASE,
      databaseName: dropLater(source, `${source.database}_s3enc`),
    });
    expect(restored.migrations.applied).toEqual(result.manifest.migrations.applied);
    await expectSameDatabase(source, restored.database);
  });

  test('a replaced object is refused before anything is restored', async () => {
    const source = await seededDatabase();
    const result = await createBackup({ connection: source, outputDir: `s3://${s3.bucket}/prod/tamper`, s3: settings(), prefix: 'app' });
    const file = path.join(s3.dir, s3.bucket, `prod/tamper/${path.basename(result.backupPath)}._S3rver_object`);
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 10] ^= 0xff;
    fs.writeFileSync(file, bytes);
    const name = `${source.database}_tampered`;
    const error = await failure(restoreBackup({ backupPath: result.backupPath, s3: settings(), connection: source, databaseName: name }));
    expect(error.code).toBe('E_BACKUP_CHECKSUM');
    expect((await query(source, 'SELECT 1 FROM pg_database WHERE datname = $1', [name])).length).toBe(0);
  });
});

describe('wrong settings fail before pg_dump starts', () => {
  // A database that does not exist: reaching it would fail with E_BACKUP_CONNECT instead.
  const nowhere = async (): Promise<ConnectionSettings> => withDatabase(await freshDatabase(), 'pma_no_such_database');

  test('a wrong access key from the CLI: exit 1, E_STORAGE_ACCESS naming the key, and the secret is nowhere in the output', async () => {
    process.env.AWS_ACCESS_KEY_ID = 'NOSUCHKEY';
    process.env.AWS_SECRET_ACCESS_KEY = WRONG_SECRET;
    try {
      const db = await nowhere();
      const run = await cli(
        [
          'backup',
          '--database-url',
          db.url,
          '--output-dir',
          `s3://${s3.bucket}/x`,
          '--s3-endpoint',
          s3.endpoint,
          '--s3-force-path-style',
          '--json',
        ],
        tempDir('cli-key'),
      );
      expect(run.code).toBe(1);
      expect(run.out + run.err).toMatch(/E_STORAGE_ACCESS/);
      expect(run.out + run.err).toMatch(/InvalidAccessKeyId/);
      expect(run.out + run.err).toMatch(/AWS_ACCESS_KEY_ID/);
      expect(run.out + run.err).not.toMatch(/E_BACKUP_CONNECT/);
      expect(run.out + run.err).not.toContain(WRONG_SECRET.slice(0, 10));
    } finally {
      Object.assign(process.env, s3.env);
    }
  });

  test('a wrong access key id, endpoint or bucket: each named', async () => {
    process.env.AWS_ACCESS_KEY_ID = 'NOSUCHKEY';
    const badKey = await failure(
      createBackup({ connection: await nowhere(), outputDir: `s3://${s3.bucket}/x`, s3: settings(), prefix: 'app' }),
    );
    process.env.AWS_ACCESS_KEY_ID = s3.env.AWS_ACCESS_KEY_ID;
    expect(badKey.code).toBe('E_STORAGE_ACCESS');
    expect(badKey.remedy).toMatch(/AWS_ACCESS_KEY_ID/);

    const endpoint = await failure(
      createBackup({
        connection: await nowhere(),
        outputDir: `s3://${s3.bucket}/x`,
        s3: { endpoint: 'http://127.0.0.1:9', forcePathStyle: true },
        prefix: 'app',
      }),
    );
    expect(endpoint.code).toBe('E_STORAGE_ACCESS');
    expect(endpoint.remedy).toMatch(/Nothing answered at http:\/\/127\.0\.0\.1:9/);

    const bucket = await failure(
      createBackup({ connection: await nowhere(), outputDir: 's3://no-such-bucket/x', s3: settings(), prefix: 'app' }),
    );
    expect(bucket.code).toBe('E_STORAGE_ACCESS');
    expect(bucket.remedy).toMatch(/bucket no-such-bucket does not exist/);

    const url = await failure(createBackup({ connection: await nowhere(), outputDir: 's3://Bad_Bucket', prefix: 'app' }));
    expect(url.code).toBe('E_STORAGE_URL');
  });
});

describe('retention over the prefix', () => {
  test('keeps the newest N complete backups; incomplete and foreign objects are untouched', async () => {
    const client = new S3Client({ endpoint: s3.endpoint, forcePathStyle: true, region: 'us-east-1' });
    const put = (key: string, body = 'x'): Promise<unknown> =>
      client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: `ret/${key}`, Body: body }));
    const complete = [
      'app_backup_20250101_000000.sql.custom',
      'app_backup_20250102_000000.sql.custom',
      'app_backup_20250103_000000.sql.custom',
    ];
    for (const name of complete) {
      await put(name);
      await put(`${name}.manifest.json`, '{}');
    }
    await put('app_backup_20250104_000000.sql.custom'); // no manifest: incomplete, not counted, not deleted
    await put('other_backup_20240101_000000.sql.custom'); // another prefix
    await put('other_backup_20240101_000000.sql.custom.manifest.json', '{}');
    client.destroy();

    const source = await seededDatabase();
    const result = await createBackup({
      connection: source,
      outputDir: `s3://${s3.bucket}/ret`,
      s3: settings(),
      prefix: 'app',
      retention: { keepLast: 2 },
      now: new Date('2025-01-10T00:00:00Z'),
    });
    const url = (name: string): string => `s3://${s3.bucket}/ret/${name}`;
    expect(result.deleted.sort()).toEqual(
      [complete[0], `${complete[0]}.manifest.json`, complete[1], `${complete[1]}.manifest.json`].map(url).sort(),
    );
    expect(s3.objects().filter((k) => k.startsWith('ret/'))).toEqual(
      [
        `ret/${complete[2]}`,
        `ret/${complete[2]}.manifest.json`,
        'ret/app_backup_20250104_000000.sql.custom',
        'ret/app_backup_20250110_000000.sql.custom',
        'ret/app_backup_20250110_000000.sql.custom.manifest.json',
        'ret/other_backup_20240101_000000.sql.custom',
        'ret/other_backup_20240101_000000.sql.custom.manifest.json',
      ].sort(),
    );
  });
});

describe('a backup killed mid-upload', () => {
  let big: ConnectionSettings;
  beforeAll(async () => {
    big = await freshDatabase();
    // About 17 MB of archive (random bytes barely compress): several 8 MB parts.
    await query(
      big,
      `CREATE EXTENSION pgcrypto; CREATE TABLE big (id int PRIMARY KEY, payload text);
       INSERT INTO big SELECT g, encode(gen_random_bytes(96), 'base64') FROM generate_series(1, 180000) g`,
    );
  });

  const partUploads = (prefix: string): number =>
    s3.requests.filter((r) => r.method === 'PUT' && /partNumber=/.test(r.url) && decodeURIComponent(r.url).includes(`/${prefix}/`)).length;

  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    test(`${signal}: no manifest, no completed object, no open multipart upload${signal === 'SIGKILL' ? ' (after the next run sweeps)' : ''}`, async () => {
      const prefix = `kill-${signal.toLowerCase()}`;
      const child = spawnCli(
        [
          'backup',
          '--database-url',
          big.url,
          '--output-dir',
          `s3://${s3.bucket}/${prefix}`,
          '--s3-endpoint',
          s3.endpoint,
          '--s3-force-path-style',
          '--prefix',
          'app',
        ],
        tempDir(prefix),
        s3.env,
      );
      const ended = exited(child);
      await Promise.race([
        waitFor('a part to be uploaded', () => partUploads(prefix) >= 1, 60000),
        ended.then(() => {
          throw new Error(`the backup ended before uploading a part: ${child.output()}`);
        }),
      ]);
      expect(s3.openUploads().some((k) => k.startsWith(`${prefix}/`))).toBe(true);
      child.kill(signal);
      expect((await ended).signal).toBe(signal);
      const left = (): string[] => s3.objects().filter((k) => k.startsWith(`${prefix}/`));
      if (signal === 'SIGKILL') {
        // Nothing could run in the killed process: its marker and open upload are there until the next run.
        expect(left().filter((k) => k.endsWith('.uploading'))).toHaveLength(1);
        const small = await seededDatabase();
        const logs: string[] = [];
        await createBackup({
          connection: small,
          outputDir: `s3://${s3.bucket}/${prefix}`,
          s3: settings(),
          prefix: 'next',
          log: (l) => logs.push(l),
          verify: 'none',
        });
        expect(logs.join('\n')).toMatch(/Aborted 1 upload left in .* by killed runs/);
        expect(left().filter((k) => k.startsWith(`${prefix}/app_`))).toEqual([]);
      } else {
        expect(left()).toEqual([]);
      }
      expect(left().filter((k) => k.endsWith('.manifest.json') && k.includes('/app_'))).toEqual([]);
      expect(s3.openUploads().filter((k) => k.startsWith(`${prefix}/`))).toEqual([]);
    });
  }
});

describe('the deploy with its backup in the bucket', () => {
  test('the pre-migration backup goes to the bucket, the audit names the object, on-failure restore reads it back', async () => {
    const SEG = '20240201000000_segmented';
    const dir = writeHistory({ [SEG]: MIGRATIONS.segmentedFailure });
    const db = await production(dir);
    const before = await databaseState(db);
    const run = await runDeployCommand(db, dir, {
      'backup-dir': `s3://${s3.bucket}/deploys/prod`,
      's3-endpoint': s3.endpoint,
      's3-force-path-style': 'true',
      'on-failure': 'restore',
    });
    // The log's end says why, should it not be restored.
    expect({ outcome: run.data.outcome, log: run.data.outcome === 'restored' ? [] : run.logs.slice(-20) }).toEqual({
      outcome: 'restored',
      log: [],
    });
    const backupPath = String(run.result.outputs?.['backup-path']);
    expect(backupPath).toMatch(new RegExp(`^s3://${s3.bucket}/deploys/prod/.*_predeploy_backup_\\d{8}_\\d{6}\\.sql\\.custom$`));
    expect(run.data.audit.backup).toMatchObject({ path: backupPath, manifestPath: `${backupPath}.manifest.json` });
    const key = backupPath.slice(`s3://${s3.bucket}/`.length);
    expect(s3.objects()).toEqual(expect.arrayContaining([key, `${key}.manifest.json`]));
    expect(fs.existsSync(path.join(run.workDir, 'backups'))).toBe(false);
    const after = await databaseState(db);
    expect(catalogChanges(before.snapshot, after.snapshot)).toEqual([]);
    expect(after.rowCounts).toEqual(before.rowCounts);
  });
});
