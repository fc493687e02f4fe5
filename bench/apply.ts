/**
 * Applies a generated history (800 migrations by default) through the CLI and through the floor —
 * all the SQL through one psql session — each a whole process (start included) on a fresh
 * database, A/B alternated, median of the rounds, with peak RSS; then, once, `prisma migrate
 * deploy` (the offline Prisma 6.19 setup of test/fixtures/prisma-wasm; on a subset, extrapolated,
 * when BENCH_PRISMA_SUBSET is below the history size — the output says so; 0 skips it).
 * Targets: ≤ 1.5× the floor for 100 migrations, ≤ 1.25× from 800. Measures the bundle users run
 * (dist/cli/index.js; BENCH_CLI=path for another build, BENCH_NODE=path for another Node).
 *   npx tsx bench/apply.ts   (BENCH_MIGRATIONS=800 BENCH_ROUNDS=5 BENCH_PRISMA_SUBSET=200)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startThrowawayCluster } from '../src/postgres/ephemeral.js';
import { findClientTool } from '../src/postgres/binaries.js';
import { runPrismaCli } from '../test/helpers/prisma.js';
import { alternate, median, ratioLine, rssText, runProcess, type ProcessRun } from './measure.js';

const TOTAL = Number(process.env.BENCH_MIGRATIONS ?? 800);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const PRISMA_SUBSET = Math.min(TOTAL, Number(process.env.BENCH_PRISMA_SUBSET ?? 200));
const CLI = path.resolve(process.env.BENCH_CLI ?? 'dist/cli/index.js');
const NODE = process.env.BENCH_NODE ?? process.execPath;

/** One migration's SQL: tables with FKs and indexes, enums, functions, CONCURRENTLY indexes. */
function migrationSql(i: number): string {
  if (i % 20 === 19) return `-- CreateIndex\nCREATE INDEX CONCURRENTLY "t${i - 1}_label_idx" ON "t${i - 1}"("label");\n`;
  const parts: string[] = [];
  if (i % 10 === 0) parts.push(`-- CreateEnum\nCREATE TYPE "Status${i}" AS ENUM ('DRAFT', 'ACTIVE', 'ARCHIVED');`);
  parts.push(`-- CreateTable
CREATE TABLE "t${i}" (
    "id" SERIAL NOT NULL,
    "label" TEXT NOT NULL,
    "parentId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "t${i}_pkey" PRIMARY KEY ("id")
);`);
  parts.push(`-- CreateIndex\nCREATE UNIQUE INDEX "t${i}_label_key" ON "t${i}"("label");`);
  if (i > 0 && i % 20 !== 0) {
    parts.push(
      `-- AddForeignKey\nALTER TABLE "t${i}" ADD CONSTRAINT "t${i}_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "t${i - 1}"("id") ON DELETE SET NULL ON UPDATE CASCADE;`,
    );
  }
  // Dollar-quoted without inner semicolons: Prisma's offline adapter splits scripts on ';'.
  if (i % 10 === 5)
    parts.push(
      `CREATE FUNCTION "label_of_${i}"(p integer) RETURNS text LANGUAGE sql STABLE AS $fn$ SELECT "label" FROM "t${i}" WHERE "id" = p $fn$;`,
    );
  return parts.join('\n\n') + '\n';
}

function generateHistory(root: string, count: number): string {
  const dir = path.join(root, 'migrations');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'migration_lock.toml'), 'provider = "postgresql"\n');
  for (let i = 0; i < count; i++) {
    const name = `2024${String(100000000 + i).slice(1)}_m${i}`;
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, 'migration.sql'), migrationSql(i));
  }
  return dir;
}

async function main(): Promise<void> {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} does not exist: run npm run build first.`);
  const server = await startThrowawayCluster();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-bench-apply-'));
  try {
    const full = generateHistory(path.join(root, 'full'), TOTAL);
    const psql = await findClientTool('psql', server.major);
    if (!psql) throw new Error('psql not found');
    const allSql = path.join(root, 'all.sql');
    fs.writeFileSync(allSql, Array.from({ length: TOTAL }, (_, i) => migrationSql(i)).join('\n'));
    const checked = (run: ProcessRun, what: string): ProcessRun => {
      if (run.code !== 0) throw new Error(`${what} exited ${run.code}: ${run.stderr.slice(-800)}`);
      return run;
    };
    const runs = await alternate(ROUNDS, {
      floor: async () => {
        const db = await server.createDatabase();
        const args = [
          '-X',
          '-q',
          '-v',
          'ON_ERROR_STOP=1',
          '-h',
          db.host,
          '-p',
          String(db.port),
          '-U',
          db.user,
          '-d',
          db.database,
          '-f',
          allSql,
        ];
        return checked(await runProcess(psql.path, args), 'psql');
      },
      ours: async () => {
        const db = await server.createDatabase();
        const env = { ...process.env, DATABASE_URL: db.url, NO_COLOR: '1' };
        return checked(await runProcess(NODE, [CLI, 'apply', '--migrations-dir', full], env), 'apply');
      },
    });
    const ms = (name: string): number => median(runs[name].map((r) => r.ms));
    const rss = (name: string): number => Math.max(...runs[name].map((r) => r.peakRss));
    const fmt = (value: number): string => `${(value / 1000).toFixed(2)} s`;
    console.log(
      `History: ${TOTAL} migrations (tables, unique indexes, foreign keys, enums, dollar-quoted functions, CONCURRENTLY indexes), PostgreSQL ${server.major}, node ${NODE === process.execPath ? process.version : NODE}`,
    );
    console.log(`whole processes on fresh databases, median of ${ROUNDS} (A/B alternated):`);
    console.log(`  floor (one psql session, all SQL): ${fmt(ms('floor'))}  peak RSS ${rssText(rss('floor'))}`);
    console.log(`  CLI apply:                         ${fmt(ms('ours'))}  peak RSS ${rssText(rss('ours'))}`);
    console.log(ratioLine(`  apply of ${TOTAL} / the floor`, ms('ours') / ms('floor'), TOTAL >= 800 ? 1.25 : 1.5));
    if (PRISMA_SUBSET <= 0) return;
    const subset = generateHistory(path.join(root, 'subset'), PRISMA_SUBSET);
    const prismaDb = await server.createDatabase();
    const started = performance.now();
    const outcome = await runPrismaCli(['migrate', 'deploy'], { databaseUrl: prismaDb.url, migrationsDir: subset });
    if (outcome.code !== 0) throw new Error(`prisma migrate deploy failed: ${outcome.stderr.slice(-800)}`);
    const prismaRunMs = performance.now() - started;
    const ourSubset = await server.createDatabase();
    const ourSubsetRun = checked(
      await runProcess(NODE, [CLI, 'apply', '--migrations-dir', subset], { ...process.env, DATABASE_URL: ourSubset.url, NO_COLOR: '1' }),
      'apply',
    );
    const prismaMs = (prismaRunMs * TOTAL) / PRISMA_SUBSET;
    const note =
      PRISMA_SUBSET < TOTAL ? ` (measured ${fmt(prismaRunMs)} on the first ${PRISMA_SUBSET}, extrapolated linearly to ${TOTAL})` : '';
    console.log(`prisma migrate deploy (6.19 wasm), one run: ${fmt(prismaMs)}${note}`);
    console.log(`built-in vs Prisma CLI: ${(prismaMs / ms('ours')).toFixed(1)}× faster (target ≥ 5×)`);
    console.log(
      `same ${PRISMA_SUBSET} migrations, CLI apply ${fmt(ourSubsetRun.ms)} vs Prisma ${fmt(prismaRunMs)}: ${(prismaRunMs / ourSubsetRun.ms).toFixed(1)}× faster`,
    );
  } finally {
    await server.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
