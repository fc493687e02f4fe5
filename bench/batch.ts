/**
 * A batched backfill against the same statement run whole, on copies of one table, with a writer
 * updating random rows throughout: rows per second of each, and the writer's longest wait (one
 * UPDATE of one row). A/B alternated, median of the runs; the final data of both is compared.
 *   npx tsx bench/batch.ts            (BENCH_ROWS=2000000 BENCH_RUNS=5 BENCH_SIZE=5000 BENCH_PAUSE=0ms)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { applyMigrations } from '../src/migrations/index.js';
import { startThrowawayCluster } from '../src/postgres/ephemeral.js';
import { toClientConfig, type ConnectionSettings } from '../src/postgres/url.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 2_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZE = Number(process.env.BENCH_SIZE ?? 5000);
const PAUSE = process.env.BENCH_PAUSE ?? '0ms';

const INIT = `CREATE TABLE big (id bigint PRIMARY KEY, email text NOT NULL, plan text, w int NOT NULL DEFAULT 0);
INSERT INTO big (id, email) SELECT g, 'user' || g || '@Example' || (g % 97) || '.com' FROM generate_series(1, ${ROWS}) g;
`;
const BACKFILL = `UPDATE big SET plan = lower(split_part(email, '@', 2)) WHERE plan IS NULL;`;

function history(root: string, name: string, backfill: string): string {
  const dir = path.join(root, name);
  for (const [folder, sql] of [
    ['20240101000000_init', INIT],
    ['20240102000000_backfill', backfill],
  ]) {
    fs.mkdirSync(path.join(dir, folder), { recursive: true });
    fs.writeFileSync(path.join(dir, folder, 'migration.sql'), sql);
  }
  return dir;
}

interface Run {
  rowsPerSecond: number;
  writerMaxWaitMs: number;
  writes: number;
  digest: string;
}

/** Updates random rows until stopped, timing each write. */
function writer(db: ConnectionSettings): { stop: () => Promise<{ maxMs: number; writes: number }> } {
  let running = true;
  let maxMs = 0;
  let writes = 0;
  const done = (async () => {
    const client = new pg.Client(toClientConfig(db, { applicationName: 'bench writer' }));
    await client.connect();
    try {
      while (running) {
        const started = performance.now();
        await client.query('UPDATE big SET w = w + 1 WHERE id = $1', [1 + Math.floor(Math.random() * ROWS)]);
        maxMs = Math.max(maxMs, performance.now() - started);
        writes++;
      }
    } finally {
      await client.end();
    }
  })();
  return {
    stop: async () => {
      running = false;
      await done;
      return { maxMs, writes };
    },
  };
}

async function digest(db: ConnectionSettings): Promise<string> {
  const client = new pg.Client(toClientConfig(db));
  await client.connect();
  try {
    const r = await client.query<{ d: string }>(`SELECT md5(string_agg(id || ':' || coalesce(plan, '-'), ',' ORDER BY id)) AS d FROM big`);
    return r.rows[0].d;
  } finally {
    await client.end();
  }
}

async function once(db: ConnectionSettings, dir: string): Promise<Run> {
  const w = writer(db);
  await new Promise((r) => setTimeout(r, 200)); // the writer is up before the backfill starts
  const started = performance.now();
  await applyMigrations({ connection: db, dir });
  const seconds = (performance.now() - started) / 1000;
  const { maxMs, writes } = await w.stop();
  return { rowsPerSecond: ROWS / seconds, writerMaxWaitMs: maxMs, writes, digest: await digest(db) };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-bench-batch-'));
  const batchedDir = history(root, 'batched', `-- prisma-migrate-actions: batch size=${SIZE} pause=${PAUSE}\n${BACKFILL}\n`);
  const wholeDir = history(root, 'whole', `${BACKFILL}\n`);
  const server = await startThrowawayCluster();
  try {
    const template = await server.createDatabase('bench_template');
    await applyMigrations({ connection: template, dir: wholeDir, upTo: '20240101000000_init' });
    const admin = new pg.Client(toClientConfig(template));
    await admin.connect();
    await admin.query('VACUUM ANALYZE big');
    await admin.end();
    console.log(`table big: ${ROWS} rows; batched: size=${SIZE} pause=${PAUSE}; ${RUNS} runs each, alternated`);
    const results: Record<'batched' | 'whole', Run[]> = { batched: [], whole: [] };
    for (let i = 0; i < RUNS; i++) {
      for (const mode of i % 2 ? (['whole', 'batched'] as const) : (['batched', 'whole'] as const)) {
        const db = await server.createDatabase(undefined, { template: 'bench_template' });
        const run = await once(db, mode === 'batched' ? batchedDir : wholeDir);
        results[mode].push(run);
        console.log(
          `  run ${i + 1} ${mode.padEnd(7)}: ${Math.round(run.rowsPerSecond)} rows/s, writer longest wait ${run.writerMaxWaitMs.toFixed(1)} ms (${run.writes} writes)`,
        );
        await server.dropDatabase(db.database);
      }
    }
    const rate = (m: 'batched' | 'whole') => median(results[m].map((r) => r.rowsPerSecond));
    const wait = (m: 'batched' | 'whole') => median(results[m].map((r) => r.writerMaxWaitMs));
    const sameData = new Set([...results.batched, ...results.whole].map((r) => r.digest)).size === 1;
    console.log('');
    console.log(
      `rows/s (median)             batched ${Math.round(rate('batched'))}   single UPDATE ${Math.round(rate('whole'))}   ratio ${(rate('batched') / rate('whole')).toFixed(2)}`,
    );
    console.log(`writer longest wait (median) batched ${wait('batched').toFixed(1)} ms   single UPDATE ${wait('whole').toFixed(1)} ms`);
    console.log(`writer longest wait (worst)  batched ${Math.max(...results.batched.map((r) => r.writerMaxWaitMs)).toFixed(1)} ms`);
    console.log(`final data identical across all runs: ${sameData ? 'yes' : 'NO'}`);
    if (!sameData) process.exitCode = 1;
  } finally {
    await server.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

await main();
