/**
 * One whole migration-test run (throwaway PostgreSQL included) of the code in the current
 * directory, printing its wall time in ms as the last line — for bench/compare-commits.sh, which
 * runs it in two checkouts alternately, and for bench/migration-test.ts. It imports src/ from the
 * working directory, not from beside this file, so the same script measures an older commit.
 *   npx tsx bench/migration-test-once.ts example|generated|history [migrations, default 100]
 * `generated`: a chain of tables, one per migration; `history`: bench/migration-test.ts's history
 * (100 tables, later migrations altering them).
 * BENCH_PROJECT=<dir>: run on that project (made by bench/migration-test.ts) instead of making one.
 * BENCH_BASELINE=1: instead of the check, the least any such check does: start PostgreSQL, apply
 * the history from scratch, stop.
 * BENCH_LIVE_HEAP=1 (with node --expose-gc): also the largest live heap, after a full collection
 * every 40 ms (which slows the run: its time is not for comparing).
 * The line before the last is JSON: the verdict, the step timings and this process's peak RSS.
 */
import path from 'node:path';
import { generatedHistoryProject } from './generated-history.js';

const root = process.cwd();
const { runMigrationTest } = await import(path.join(root, 'src/commands/migration-test.js'));
const { contextFor, exampleProject, settingsFor, gitProject } = await import(path.join(root, 'test/fixtures/migration-test/project.js'));

/** Chained tables (100 unless the command line says), the last migration new. */
function generated(count = Number(process.argv[3] ?? 100)) {
  const names = Array.from({ length: count }, (_, i) => `2025${String(i).padStart(10, '0')}_m${i}`);
  const files: Record<string, string> = {
    'prisma/schema.prisma': 'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n',
    'prisma/migrations/migration_lock.toml': 'provider = "postgresql"\n',
  };
  names.forEach((name, i) => {
    const parent = i ? `, "parentId" INTEGER REFERENCES "t${i - 1}"("id")` : '';
    files[`prisma/migrations/${name}/migration.sql`] =
      `CREATE TABLE "t${i}" ("id" SERIAL PRIMARY KEY, "label" TEXT NOT NULL UNIQUE${parent});\n`;
  });
  return gitProject({ files, newMigrations: [names[names.length - 1]] });
}

function history(count = Number(process.argv[3] ?? 100)) {
  return gitProject(generatedHistoryProject(count));
}

/** Start PostgreSQL, apply the project's whole history on an empty database, stop. */
async function baseline(migrationsDir: string): Promise<void> {
  const { startThrowawayCluster } = await import(path.join(root, 'src/postgres/ephemeral.js'));
  const { applyMigrations, readMigrationsDir } = await import(path.join(root, 'src/migrations/index.js'));
  const server = await startThrowawayCluster();
  try {
    const db = await server.createDatabase();
    await applyMigrations({ connection: db, migrations: (await readMigrationsDir(migrationsDir)).migrations });
  } finally {
    await server.stop();
  }
}

const given = process.env.BENCH_PROJECT;
const project = given
  ? { root: given, migrationsDir: path.join(given, 'prisma', 'migrations'), remove: () => undefined }
  : process.argv[2] === 'generated'
    ? generated()
    : process.argv[2] === 'history'
      ? history()
      : exampleProject({ nodeModules: true });
/** The largest heap left after a full collection, sampled every 40 ms (V8 grows its young generation with the allocation rate, so peak RSS says more about that rate than about what is kept). */
let liveHeap = 0;
const gc = (globalThis as { gc?: () => void }).gc;
const heapSampler =
  process.env.BENCH_LIVE_HEAP && gc
    ? setInterval(() => {
        gc();
        liveHeap = Math.max(liveHeap, process.memoryUsage().heapUsed);
      }, 40)
    : undefined;
try {
  const started = performance.now();
  let details: Record<string, unknown> = {};
  if (process.env.BENCH_BASELINE) await baseline(project.migrationsDir);
  else {
    const result = await runMigrationTest(
      settingsFor(project, { 'database-url': undefined, 'seed-rows': process.env.BENCH_SEED_ROWS ?? '50' }),
      contextFor(project),
    );
    details = { verdict: result.report.verdict, timings: result.report.timings ?? {} };
  }
  const ms = Math.round(performance.now() - started);
  // Linux reports maxRSS in KiB: this process's own peak (not the Prisma CLI's or PostgreSQL's).
  console.log(JSON.stringify({ ...details, peakRss: process.resourceUsage().maxRSS * 1024, ...(heapSampler ? { liveHeap } : {}) }));
  console.log(ms);
} finally {
  clearInterval(heapSampler);
  project.remove();
}
