/**
 * The rehearsal of the example project's risky last migration (ADD COLUMN … DEFAULT and a plain
 * CREATE INDEX on tasks) at BENCH_ROWS rows (default 1,000,000), in one run: time to seed
 * (set-based), time to trace (sampler + workload), and the same migration applied to an
 * identical copy without tracing — the overhead ratio. Also the sampler's resolution: the
 * shortest lock it saw out of locks held for 1, 2, 5 and 10 ms by another session.
 *   npx tsx bench/rehearsal.ts            (BENCH_ROWS=1000000)
 */
import pg from 'pg';
import { applyMigrations, readMigrationsDir } from '../src/migrations/index.js';
import { startThrowawayCluster } from '../src/postgres/ephemeral.js';
import { withClient, openClient } from '../src/postgres/client.js';
import { seedDatabase } from '../src/seed/index.js';
import { bulkSeed } from '../src/rehearsal/bulk-seed.js';
import { traceMigrations } from '../src/rehearsal/trace.js';
import { LockSampler } from '../src/rehearsal/sampler.js';
import { quoteIdent } from '../src/postgres/sql.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);

async function main(): Promise<void> {
  const server = await startThrowawayCluster();
  try {
    const { migrations } = await readMigrationsDir('prisma/migrations');
    const base = migrations.slice(0, -1);
    const risky = migrations.slice(-1);
    const traced = await server.createDatabase('bench_traced');
    await applyMigrations({ connection: traced, migrations: base });
    let t = performance.now();
    await withClient(traced, async (client) => {
      await seedDatabase(client, { schema: 'public', rowsPerTable: 20 });
      await bulkSeed(client, 'public', new Map([['tasks', ROWS]]));
    });
    const seedMs = performance.now() - t;
    // An identical copy for the untraced apply (CREATE DATABASE … TEMPLATE copies the files).
    await withClient({ ...traced, database: 'postgres' }, (c) =>
      c.query(`CREATE DATABASE bench_plain TEMPLATE ${quoteIdent('bench_traced')}`),
    );
    const plain = { ...traced, database: 'bench_plain' };
    await applyMigrations({ connection: plain, migrations: base }); // no-op: already applied, brings _prisma_migrations in step
    t = performance.now();
    const trace = await traceMigrations({ connection: traced, migrations: risky, tables: ['tasks'], timeoutMs: 600_000 });
    const traceMs = performance.now() - t;
    t = performance.now();
    await applyMigrations({ connection: plain, migrations });
    const plainMs = performance.now() - t;
    console.log(`rows in tasks: ${ROWS.toLocaleString('en-US')}`);
    console.log(`seed (set-based, then ANALYZE): ${(seedMs / 1000).toFixed(1)} s`);
    console.log(
      `trace (sampler + ${trace.workload.sessions} workload sessions, ${trace.workload.queries} queries): ${(traceMs / 1000).toFixed(2)} s`,
    );
    console.log(`untraced apply of the same migration: ${(plainMs / 1000).toFixed(2)} s`);
    console.log(`overhead ratio trace / untraced: ${(traceMs / plainMs).toFixed(2)}`);
    console.log(`sampler: ${trace.sampler.samples} samples, median gap ${trace.sampler.medianGapMs.toFixed(2)} ms`);
    for (const s of trace.statements)
      console.log(
        `  line ${s.line}: ${s.locks[0]?.mode ?? 'none'} ${s.durationMs} ms, rewrite ${s.rewrite}, blocked ${s.blocked.queries} (max ${s.blocked.maxWaitMs} ms)`,
      );
    await resolution(traced);
  } finally {
    await server.stop();
  }
}

/** Locks of 1, 2, 5, 10 ms taken by another session, 20 times each: how many the sampler saw. */
async function resolution(settings: pg.ClientConfig & Parameters<typeof openClient>[0]): Promise<void> {
  const holder = await openClient(settings);
  const pid = (await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
  const sampler = await LockSampler.start(settings, pid, []);
  const seen: string[] = [];
  try {
    for (const ms of [1, 2, 5, 10]) {
      const before = sampler.spans.length;
      for (let i = 0; i < 20; i++) {
        await holder.query(`BEGIN; LOCK TABLE tasks IN SHARE MODE; SELECT pg_sleep(${ms / 1000}); COMMIT`);
        await new Promise((r) => setTimeout(r, 3));
      }
      seen.push(`${ms} ms: ${sampler.spans.length - before}/20 seen`);
    }
  } finally {
    await sampler.stop();
    await holder.end();
  }
  console.log(`sampler resolution (locks held by another session): ${seen.join(', ')}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
