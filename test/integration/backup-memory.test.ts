import { jest } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dropTestDatabases, freshDatabase, query } from '../helpers/pg.js';
import { tempDir, cleanupBackupTests } from '../fixtures/backup/support.js';

afterAll(async () => {
  await cleanupBackupTests();
  await dropTestDatabases();
});
jest.setTimeout(300000);

const MEASURE = fileURLToPath(new URL('../fixtures/backup/measure-backup.ts', import.meta.url));
const MB = 1024 * 1024;

test('memory stays bounded on a database much larger than the stream buffers', async () => {
  const db = await freshDatabase({ major: 15 });
  // ~1M rows of 128 pseudo-random bytes: the archive stays large after pg_dump's compression.
  await query(
    db,
    `CREATE TABLE blob AS SELECT g AS id, decode(md5(random()::text) || md5(random()::text) || md5(random()::text)
       || md5(random()::text) || md5(random()::text) || md5(random()::text) || md5(random()::text) || md5(random()::text), 'hex') AS bytes
     FROM generate_series(1, 1000000) g`,
  );
  const child = spawnSync(process.execPath, ['--import', 'tsx', MEASURE], {
    env: { ...process.env, PMA_MEASURE_URL: db.url, PMA_MEASURE_DIR: tempDir('memory'), PMA_MEASURE_VERIFY: 'list' },
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  expect(child.stderr).toBe('');
  expect(child.status).toBe(0);
  const measured = JSON.parse(child.stdout.trim()) as { baselineRss: number; peakRss: number; sizeBytes: number };
  const growth = measured.peakRss - measured.baselineRss;
  console.log(
    `archive ${(measured.sizeBytes / MB).toFixed(0)} MB; RSS ${(measured.baselineRss / MB).toFixed(0)} → peak ${(measured.peakRss / MB).toFixed(0)} MB (+${(growth / MB).toFixed(1)} MB)`,
  );
  expect(measured.sizeBytes).toBeGreaterThan(120 * MB);
  // Buffering the archive would grow the process by its size; streaming keeps it to buffers.
  expect(growth).toBeLessThan(64 * MB);
});
