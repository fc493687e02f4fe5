/**
 * Backup benchmark, one run, same database, A/B alternated, median of each (bench/measure.ts):
 *  - plain `pg_dump -Fc > file` (the runbook's dump, pg_dump 15 as the server);
 *  - the runbook's two passes: `pg_dump -Fc > f`, then `gpg --symmetric --cipher-algo AES256 f`;
 *  - ours: createBackup with a passphrase (pg_dump → gpg as an OS pipe, SHA-256 of the stored bytes,
 *    row counts in the same snapshot), in its own process for its peak memory;
 *  - ours with compression zstd (pg_dump 17: /usr/lib/postgresql/17/bin, PMA_BENCH_PG_DUMP_17, or
 *    scripts/pg-client-17.sh's copy), against the same plain `pg_dump -Fc`.
 * Targets: ours ≤ 1.10× plain, ≤ 0.9× the two passes; peak RSS printed.
 *
 *   npx tsx bench/backup.ts [--size-mb 1024] [--repeat 5]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startThrowawayCluster } from '../src/postgres/ephemeral.js';
import { toClientConfig, type ConnectionSettings } from '../src/postgres/url.js';
import { alternate, median, MB, ratioLine, rssText } from './measure.js';

const PG_DUMP = '/usr/lib/postgresql/15/bin/pg_dump';
const PASSPHRASE = 'bench-passphrase-1f0c';
const MEASURE = fileURLToPath(new URL('../test/fixtures/backup/measure-backup.ts', import.meta.url));

function pgDump17(): string | undefined {
  return [
    process.env.PMA_BENCH_PG_DUMP_17,
    '/usr/lib/postgresql/17/bin/pg_dump',
    path.join(os.homedir(), '.cache/prisma-migrate-actions/pg-client-17/bin/pg_dump'),
  ].find((file) => file && fs.existsSync(file));
}

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

/** Wide rows: text that compresses like real data, plus some incompressible bytes. */
async function generate(db: ConnectionSettings, targetMb: number): Promise<number> {
  await sql(db, 'CREATE TABLE wide (id bigint, created_at timestamptz, title text, body text, blob bytea, amount numeric(12,2))');
  const batch = 500000;
  for (let start = 0; ; start += batch) {
    await sql(
      db,
      `INSERT INTO wide SELECT g, now() - g * interval '1 second', 'title ' || g, repeat(md5(g::text), 6),
      decode(md5(random()::text) || md5(random()::text), 'hex'), (g % 100000) / 100.0 FROM generate_series(${start + 1}, ${start + batch}) g`,
    );
    const size = Number((await sql(db, 'SELECT pg_database_size(current_database()) AS s')).rows[0].s);
    if (size >= targetMb * MB) {
      // Set hint bits and freeze now, so the first dump timed does not pay for it.
      await sql(db, 'VACUUM (FREEZE, ANALYZE) wide');
      return size;
    }
  }
}

function timed(
  file: string,
  args: string[],
  options: { stdoutFile?: string; input?: string; env?: NodeJS.ProcessEnv },
): Promise<{ seconds: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const out = options.stdoutFile ? fs.openSync(options.stdoutFile, 'w', 0o600) : 'pipe';
    const child = spawn(file, args, { stdio: ['pipe', out, 'inherit'], env: options.env ?? process.env });
    let stdout = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stdin!.end(options.input ?? '');
    child.on('error', reject);
    child.on('close', (code) => {
      if (typeof out === 'number') fs.closeSync(out);
      if (code !== 0) reject(new Error(`${path.basename(file)} exited ${code}`));
      else resolve({ seconds: Number(process.hrtime.bigint() - started) / 1e9, stdout });
    });
  });
}

async function main(): Promise<void> {
  const targetMb = numberArg('--size-mb', 1024);
  const rounds = Math.max(5, numberArg('--repeat', 5));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-bench-backup-'));
  const gnupg = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-bench-gnupg-'));
  const server = await startThrowawayCluster({ major: 15, settings: { max_wal_size: '4GB', checkpoint_timeout: '30min' } });
  try {
    const db = await server.createDatabase('bench');
    const genStart = Date.now();
    const size = await generate(db, targetMb);
    console.log(
      `database: ${(size / MB).toFixed(0)} MB (asked ${targetMb} MB), generated in ${((Date.now() - genStart) / 1000).toFixed(0)} s; ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}`,
    );
    const dumpArgs = ['-Fc', '-h', db.host, '-p', String(db.port), '-U', db.user, db.database];
    const sizes: Record<string, number> = {};
    const zstdDump = pgDump17();

    const plain = async (): Promise<number> => {
      const file = path.join(work, 'plain.custom');
      fs.rmSync(file, { force: true });
      const seconds = (await timed(PG_DUMP, dumpArgs, { stdoutFile: file })).seconds;
      sizes.plain = fs.statSync(file).size;
      return seconds;
    };
    const twoFile = path.join(work, 'two.custom');
    const twoPasses = async (): Promise<number> => {
      fs.rmSync(`${twoFile}.gpg`, { force: true });
      const one = await timed(PG_DUMP, dumpArgs, { stdoutFile: twoFile });
      const gpgArgs = [
        '--homedir',
        gnupg,
        '--pinentry-mode',
        'loopback',
        '--symmetric',
        '--cipher-algo',
        'AES256',
        '--batch',
        '--passphrase-fd',
        '0',
        twoFile,
      ];
      const two = await timed('gpg', gpgArgs, { input: PASSPHRASE });
      sizes.twoPasses = fs.statSync(`${twoFile}.gpg`).size;
      return one.seconds + two.seconds;
    };
    type OurRun = { seconds: number; wall: number; peakRss: number; maxRss: number; sizeBytes: number };
    const ours = (label: string, env: Record<string, string>) => async (): Promise<OurRun> => {
      const dir = path.join(work, label);
      fs.rmSync(dir, { recursive: true, force: true });
      const run = await timed(process.execPath, ['--import', 'tsx', MEASURE], {
        env: {
          ...process.env,
          PMA_MEASURE_URL: db.url,
          PMA_MEASURE_DIR: dir,
          PMA_MEASURE_PASSPHRASE: PASSPHRASE,
          PMA_MEASURE_VERIFY: 'none',
          ...env,
        },
      });
      const result = { ...(JSON.parse(run.stdout.trim()) as Omit<OurRun, 'wall'>), wall: run.seconds };
      sizes[label === 'ours' ? 'ours' : 'oursZstd'] = result.sizeBytes;
      return result;
    };
    const variants = {
      plain,
      twoPasses,
      ours: ours('ours', {}),
      ...(zstdDump ? { oursZstd: ours('ours-zstd', { PMA_MEASURE_COMPRESSION: 'zstd', PMA_MEASURE_PG_DUMP: zstdDump }) } : {}),
    } as Record<string, () => Promise<number | OurRun>>;
    const results = await alternate(rounds, variants);
    const secondsOf = (name: string): number[] => results[name].map((r) => (typeof r === 'number' ? r : r.seconds));
    const wallOf = (name: string): number[] => results[name].map((r) => (typeof r === 'number' ? r : r.wall));
    const row = (label: string, name: string): void => {
      const all = secondsOf(name);
      console.log(
        `${label.padEnd(52)} ${median(all).toFixed(2).padStart(7)} s  ${((sizes[name] ?? 0) / MB).toFixed(0).padStart(6)} MB   (runs: ${all.map((t) => t.toFixed(1)).join(' ')})`,
      );
    };
    console.log(`median of ${rounds}, alternated:`);
    row('plain pg_dump -Fc > file', 'plain');
    row('runbook: pg_dump -Fc > f, then gpg --symmetric f', 'twoPasses');
    row('ours: pg_dump → gpg pipe, SHA-256, row counts', 'ours');
    console.log(`${'ours, whole process incl. node start'.padEnd(52)} ${median(wallOf('ours')).toFixed(2).padStart(7)} s`);
    if (zstdDump) row(`ours with compression zstd (${path.basename(path.dirname(path.dirname(zstdDump)))} pg_dump 17)`, 'oursZstd');
    else console.log('ours with zstd: skipped (no pg_dump 16+ here: run scripts/pg-client-17.sh)');
    const plainMedian = median(secondsOf('plain'));
    console.log(ratioLine('ours / plain pg_dump -Fc', median(secondsOf('ours')) / plainMedian, 1.1));
    console.log(ratioLine('ours / the two passes', median(secondsOf('ours')) / median(secondsOf('twoPasses')), 0.9));
    if (zstdDump) console.log(ratioLine('ours with zstd / plain pg_dump -Fc', median(secondsOf('oursZstd')) / plainMedian, 1.1));
    for (const name of ['ours', 'oursZstd'].filter((n) => results[n])) {
      const runs = results[name] as OurRun[];
      console.log(
        `peak RSS of ${name}: ${rssText(Math.max(...runs.map((r) => r.peakRss)))} sampled, ${rssText(Math.max(...runs.map((r) => r.maxRss)))} maxRSS`,
      );
    }
  } finally {
    await server.stop();
    fs.rmSync(work, { recursive: true, force: true });
    fs.rmSync(gnupg, { recursive: true, force: true });
  }
}

await main();
