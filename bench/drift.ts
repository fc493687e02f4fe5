/**
 * Drift check speed, each against one `pg_dump --schema-only` of the same database in the same run:
 * 1. snapshot two copies of a generated schema (columns, indexes, foreign keys) and diff them;
 * 2. the cached case: a target built by a history of one migration per table, checked once to fill
 *    the cache (the replay, timed once), then drift-check with a warm cache — in this process and,
 *    when a CLI bundle with --cache-dir is there (dist/cli/index.js or BENCH_CLI), as a whole
 *    process — A/B alternated with pg_dump. Target: ≤ 1.0× pg_dump --schema-only.
 *
 *   npx tsx bench/drift.ts [tables=1000] [rounds=5]   (BENCH_NODE=path runs the CLI on another Node)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { applyMigrations } from '../src/migrations/index.js';
import { driftCheck, type DriftResult } from '../src/drift/index.js';
import { alternate, median, ratioLine, rssText, runProcess } from './measure.js';
import { startThrowawayCluster } from '../src/postgres/ephemeral.js';
import { findClientTool } from '../src/postgres/binaries.js';
import { toClientConfig, type ConnectionSettings } from '../src/postgres/url.js';
import { diffSnapshots, snapshotSchema } from '../src/catalog/index.js';

const TABLES = Number(process.argv[2] ?? 1000);
const ROUNDS = Math.max(5, Number(process.argv[3] ?? 5));
const CLI = path.resolve(process.env.BENCH_CLI ?? 'dist/cli/index.js');
const NODE = process.env.BENCH_NODE ?? process.execPath;
const MAJOR = 15;

const STATUS_TYPE = `CREATE TYPE "Status" AS ENUM ('new', 'open', 'closed');`;

function tableSql(i: number): string {
  const fk = i > 0 ? `, "parentId" INTEGER REFERENCES "T${i - 1}"("id") ON DELETE CASCADE` : '';
  return [
    `CREATE TABLE "T${i}" ("id" SERIAL PRIMARY KEY, "name" TEXT NOT NULL, "email" VARCHAR(200) UNIQUE, "status" "Status" NOT NULL DEFAULT 'new', ` +
      `"amount" NUMERIC(12,2) DEFAULT 0 CHECK ("amount" >= 0), "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP${fk});`,
    `CREATE INDEX "T${i}_name_idx" ON "T${i}" ("name");`,
    `CREATE INDEX "T${i}_created_idx" ON "T${i}" ("createdAt" DESC) WHERE "status" <> 'closed';`,
  ].join('\n');
}

/** The generated schema, in transactions of 250 tables (one for all would run out of lock slots). */
async function buildSchema(client: pg.Client, tables: number): Promise<void> {
  await client.query(STATUS_TYPE);
  for (let from = 0; from < tables; from += 250) {
    const to = Math.min(tables, from + 250);
    await client.query(Array.from({ length: to - from }, (_, i) => tableSql(from + i)).join('\n'));
  }
}

/** One migration per table (the first also creates the enum). */
function writeHistory(root: string, tables: number): string {
  const dir = path.join(root, 'migrations');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'migration_lock.toml'), 'provider = "postgresql"\n');
  for (let i = 0; i < tables; i++) {
    const name = `2024${String(100000000 + i).slice(1)}_t${i}`;
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, 'migration.sql'), (i === 0 ? STATUS_TYPE + '\n' : '') + tableSql(i) + '\n');
  }
  return dir;
}

/** The cached case: drift-check with a warm cache against pg_dump --schema-only of the target. */
async function cachedCase(server: Awaited<ReturnType<typeof startThrowawayCluster>>, pgDump: string): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-bench-drift-'));
  try {
    const dir = writeHistory(root, TABLES);
    const cacheDir = path.join(root, 'cache');
    const target = await server.createDatabase('bench_target');
    let started = performance.now();
    await applyMigrations({ connection: target, dir });
    console.log(`\nApplied a ${TABLES}-migration history in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    await withClient(target, (c) => c.query(`ALTER TABLE "T7" ADD COLUMN "extra" TEXT; DROP INDEX "T9_name_idx";`));
    started = performance.now();
    const cold = await driftCheck({ connection: target, migrationsDir: dir, cacheDir, replayMajor: MAJOR });
    const coldMs = performance.now() - started;
    console.log(
      `drift-check, cold cache (one run): ${coldMs.toFixed(0)} ms — replay ${cold.timings.replayMs.toFixed(0)} ms, ` +
        `cache write ${(cold.timings.cacheWriteMs ?? 0).toFixed(0)} ms, snapshot ${cold.timings.snapshotMs.toFixed(0)} ms, diff ${cold.timings.diffMs.toFixed(0)} ms; ` +
        `entry ${(fs.statSync(cold.cache!.file).size / 1024 / 1024).toFixed(1)} MB; ${cold.differences.length} differences (expected 2)`,
    );
    const check = async () => {
      const t = performance.now();
      const result = await driftCheck({ connection: target, migrationsDir: dir, cacheDir, replayMajor: MAJOR });
      if (result.expectedFrom !== 'cache' || result.differences.length !== 2) throw new Error('the warm check did not read the cache');
      return { ms: performance.now() - t, result };
    };
    await check(); // warm-up, like pg_dump's below
    const dumpArgs = [
      '--schema-only',
      '-h',
      target.host,
      '-p',
      String(target.port),
      '-U',
      target.user,
      '-d',
      target.database,
      '-f',
      '/dev/null',
    ];
    timePgDump(pgDump, target);
    const inProcess = await alternate<{ ms: number; result?: DriftResult }>(ROUNDS, {
      ours: async () => check(),
      pgDump: async () => ({ ms: timePgDump(pgDump, target), result: undefined }),
    });
    const last = inProcess.ours[inProcess.ours.length - 1].result!;
    const oursMs = median(inProcess.ours.map((r) => r.ms));
    const dumpMs = median(inProcess.pgDump.map((r) => r.ms));
    console.log(
      `drift-check, warm cache, in this process (median of ${ROUNDS}): ${oursMs.toFixed(0)} ms — cache read ${(last.timings.cacheReadMs ?? 0).toFixed(0)} ms, ` +
        `snapshot ${last.timings.snapshotMs.toFixed(0)} ms, diff ${last.timings.diffMs.toFixed(0)} ms`,
    );
    console.log(`pg_dump --schema-only (median of ${ROUNDS}): ${dumpMs.toFixed(0)} ms`);
    console.log(ratioLine(`drift-check warm cache (in process) / pg_dump --schema-only, ${TABLES} tables`, oursMs / dumpMs, 1.0));
    console.log(`cold / warm: ${(coldMs / oursMs).toFixed(1)}× faster with the cache`);

    const help = fs.existsSync(CLI) ? spawnSync(NODE, [CLI, 'drift-check', '--help'], { encoding: 'utf8' }).stdout : '';
    if (!help.includes('--cache-dir')) {
      console.log(`Whole process: skipped (${CLI} has no --cache-dir: run npm run build, or set BENCH_CLI).`);
      return;
    }
    const env = { ...process.env, DATABASE_URL: target.url, NO_COLOR: '1' };
    const cliArgs = [
      CLI,
      'drift-check',
      '--migrations-dir',
      dir,
      '--cache-dir',
      cacheDir,
      '--postgres-version',
      String(MAJOR),
      '--report-dir',
      path.join(root, 'reports'),
    ];
    const warm = await runProcess(NODE, cliArgs, env);
    // Exit 1: the two differences made above are drift.
    if (warm.code !== 1) throw new Error(`drift-check failed: ${warm.stderr}`);
    const processes = await alternate(ROUNDS, {
      ours: () => runProcess(NODE, cliArgs, env),
      pgDump: () => runProcess(pgDump, dumpArgs),
    });
    for (const run of processes.ours) if (run.code !== 1) throw new Error(`drift-check failed: ${run.stderr}`);
    const procMs = median(processes.ours.map((r) => r.ms));
    const procDumpMs = median(processes.pgDump.map((r) => r.ms));
    const rss = Math.max(...processes.ours.map((r) => r.peakRss));
    console.log(`drift-check, warm cache, whole process (median of ${ROUNDS}): ${procMs.toFixed(0)} ms, peak RSS ${rssText(rss)}`);
    console.log(`pg_dump --schema-only, whole process (median of ${ROUNDS}): ${procDumpMs.toFixed(0)} ms`);
    console.log(ratioLine(`drift-check warm cache (whole process) / pg_dump --schema-only, ${TABLES} tables`, procMs / procDumpMs, 1.0));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

async function withClient<T>(settings: ConnectionSettings, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(toClientConfig(settings));
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function timeOurs(
  expected: ConnectionSettings,
  actual: ConnectionSettings,
): Promise<{ ms: number; differences: number; objects: number }> {
  const started = performance.now();
  const [a, b] = await Promise.all([withClient(expected, (c) => snapshotSchema(c)), withClient(actual, (c) => snapshotSchema(c))]);
  const diff = diffSnapshots(a, b);
  const ms = performance.now() - started;
  const objects = Object.values(a.objects).reduce((n, group) => n + Object.keys(group).length, 0);
  return { ms, differences: diff.differences.length, objects };
}

function timePgDump(pgDump: string, settings: ConnectionSettings): number {
  const started = performance.now();
  const run = spawnSync(
    pgDump,
    ['--schema-only', '-h', settings.host, '-p', String(settings.port), '-U', settings.user, '-d', settings.database, '-f', '/dev/null'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    },
  );
  if (run.status !== 0) throw new Error(`pg_dump failed: ${run.stderr}`);
  return performance.now() - started;
}

async function main(): Promise<void> {
  const pgDump = await findClientTool('pg_dump', MAJOR);
  if (!pgDump) throw new Error(`No pg_dump for PostgreSQL ${MAJOR} on this machine.`);
  const server = await startThrowawayCluster({ major: MAJOR });
  try {
    const [expected, actual] = [await server.createDatabase('bench_expected'), await server.createDatabase('bench_actual')];
    const buildStarted = performance.now();
    await Promise.all([withClient(expected, (c) => buildSchema(c, TABLES)), withClient(actual, (c) => buildSchema(c, TABLES))]);
    console.log(
      `Generated ${TABLES} tables twice in ${((performance.now() - buildStarted) / 1000).toFixed(1)} s (PostgreSQL ${server.major}).`,
    );
    await withClient(actual, (c) => c.query(`ALTER TABLE "T7" ADD COLUMN "extra" TEXT; DROP INDEX "T9_name_idx";`));
    // One warm-up of each, so neither pays for cold caches alone.
    await timeOurs(expected, actual);
    timePgDump(pgDump.path, expected);
    const ours: number[] = [];
    const dumps: number[] = [];
    let last = { differences: 0, objects: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const result = await timeOurs(expected, actual);
      ours.push(result.ms);
      last = result;
      dumps.push(timePgDump(pgDump.path, expected));
    }
    const oursMs = median(ours);
    const dumpMs = median(dumps);
    console.log(`objects per snapshot: ${last.objects}; differences found: ${last.differences} (expected 2)`);
    console.log(`snapshot both + diff (median of ${ROUNDS}): ${oursMs.toFixed(0)} ms`);
    console.log(`pg_dump --schema-only ${pgDump.major} (median of ${ROUNDS}):  ${dumpMs.toFixed(0)} ms`);
    console.log(ratioLine(`snapshot both + diff / pg_dump --schema-only, ${TABLES} tables`, oursMs / dumpMs, 1.0));
    await cachedCase(server, pgDump.path);
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
