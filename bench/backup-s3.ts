/**
 * Backup to a bucket versus to a local file, one database, one run: createBackup (passphrase
 * encryption, verify none) into a folder and into an S3 REST server on loopback (s3rver, as the
 * tests use), A/B alternated, median of the repeats, each in its own process for peak memory.
 * The upload streams in 8 MB parts, so its memory must not grow with the backup's size.
 * Targets: bucket / file ≤ 1.5 (s3rver writes every part to disk twice), peak RSS < 200 MB.
 *
 *   npx tsx bench/backup-s3.ts [--size-mb 1024] [--repeat 5]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startThrowawayCluster } from '../src/postgres/ephemeral.js';
import { toClientConfig, type ConnectionSettings } from '../src/postgres/url.js';
import { startTestS3 } from '../test/helpers/s3.js';

const MEASURE = fileURLToPath(new URL('../test/fixtures/backup/measure-backup.ts', import.meta.url));
const MB = 1024 * 1024;

function numberArg(flag: string, fallback: number): number {
  const i = process.argv.indexOf(flag);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function sql(db: ConnectionSettings, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client(toClientConfig(db));
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

/** Rows that compress like real data, plus some incompressible bytes (as bench/backup.ts). */
async function generate(db: ConnectionSettings, targetMb: number): Promise<number> {
  await sql(db, 'CREATE TABLE wide (id bigint, title text, body text, blob bytea)');
  const batch = 200000;
  for (let start = 0; ; start += batch) {
    await sql(
      db,
      `INSERT INTO wide SELECT g, 'title ' || g, repeat(md5(g::text), 6), decode(md5(random()::text) || md5(random()::text), 'hex')
       FROM generate_series(${start + 1}, ${start + batch}) g`,
    );
    const size = Number((await sql(db, 'SELECT pg_database_size(current_database()) AS s')).rows[0].s);
    if (size >= targetMb * MB) {
      await sql(db, 'VACUUM (FREEZE, ANALYZE) wide');
      return size;
    }
  }
}

interface Measured {
  seconds: number;
  peakRss: number;
  maxRss: number;
  sizeBytes: number;
}

function measure(env: NodeJS.ProcessEnv): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MEASURE], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...env },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!) as Measured) : reject(new Error(`exit ${code}`)),
    );
  });
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const targetMb = numberArg('--size-mb', 1024);
  const repeat = numberArg('--repeat', 5);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-bench-s3-'));
  const server = await startThrowawayCluster({ major: 15, settings: { max_wal_size: '4GB', checkpoint_timeout: '30min' } });
  const s3 = await startTestS3('bench');
  try {
    const db = await server.createDatabase('bench');
    const size = await generate(db, targetMb);
    console.log(`database: ${(size / MB).toFixed(0)} MB (asked ${targetMb} MB); ${repeat} runs each, alternated`);
    const common = { PMA_MEASURE_URL: db.url, PMA_MEASURE_PASSPHRASE: 'bench-s3-passphrase-77aa', PMA_MEASURE_VERIFY: 'none', ...s3.env };
    const file: Measured[] = [];
    const bucket: Measured[] = [];
    for (let i = 0; i < repeat; i++) {
      const dir = path.join(work, `run${i}`);
      file.push(await measure({ ...common, PMA_MEASURE_DIR: dir }));
      fs.rmSync(dir, { recursive: true, force: true });
      bucket.push(await measure({ ...common, PMA_MEASURE_DIR: `s3://bench/run${i}`, PMA_MEASURE_S3_ENDPOINT: s3.endpoint }));
      fs.rmSync(path.join(s3.dir, 'bench', `run${i}`), { recursive: true, force: true });
      console.log(`run ${i + 1}: file ${file[i].seconds.toFixed(2)} s, bucket ${bucket[i].seconds.toFixed(2)} s`);
    }
    const row = (label: string, runs: Measured[]): string =>
      `${label.padEnd(34)} ${median(runs.map((r) => r.seconds))
        .toFixed(2)
        .padStart(
          8,
        )} s  ${(runs[0].sizeBytes / MB).toFixed(0).padStart(6)} MB  peak RSS ${(Math.max(...runs.map((r) => r.peakRss)) / MB).toFixed(0)} MB (maxRSS ${(Math.max(...runs.map((r) => r.maxRss)) / MB).toFixed(0)} MB)`;
    console.log(row('to a local file (median)', file));
    console.log(row('to the loopback bucket (median)', bucket));
    const ratio = median(bucket.map((r) => r.seconds)) / median(file.map((r) => r.seconds));
    console.log(`ratio bucket / file: ${ratio.toFixed(3)}  (target ≤ 1.5)`);
  } finally {
    await s3.close();
    await server.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

await main();
