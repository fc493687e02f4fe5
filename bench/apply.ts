/**
 * Applies a generated 800-migration history three ways in one run and prints the ratios:
 * the built-in engine, the floor (all SQL through one psql session), and `prisma migrate deploy`
 * (the offline Prisma 6.19 setup of test/fixtures/prisma-wasm; on a subset, extrapolated, when
 * BENCH_PRISMA_SUBSET is below the history size — the output says so).
 *   npx tsx bench/apply.ts            (BENCH_MIGRATIONS=800 BENCH_PRISMA_SUBSET=200)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyMigrations } from '../src/migrations/index.js';
import { startThrowawayCluster } from '../src/postgres/ephemeral.js';
import { findClientTool } from '../src/postgres/binaries.js';
import { runPrismaCli } from '../test/helpers/prisma.js';

const TOTAL = Number(process.env.BENCH_MIGRATIONS ?? 800);
const PRISMA_SUBSET = Math.min(TOTAL, Number(process.env.BENCH_PRISMA_SUBSET ?? 200));

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

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited ${code}: ${stderr.slice(-500)}`))));
  });
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

async function main(): Promise<void> {
  const server = await startThrowawayCluster();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-bench-apply-'));
  try {
    const full = generateHistory(path.join(root, 'full'), TOTAL);
    const subset = generateHistory(path.join(root, 'subset'), PRISMA_SUBSET);
    const psql = findClientTool('psql', server.major);
    if (!psql) throw new Error('psql not found');
    const allSql = path.join(root, 'all.sql');
    fs.writeFileSync(allSql, Array.from({ length: TOTAL }, (_, i) => migrationSql(i)).join('\n'));

    const floorDb = await server.createDatabase();
    const floorMs = await timed(() =>
      run(psql.path, [
        '-X',
        '-q',
        '-v',
        'ON_ERROR_STOP=1',
        '-h',
        floorDb.host,
        '-p',
        String(floorDb.port),
        '-U',
        floorDb.user,
        '-d',
        floorDb.database,
        '-f',
        allSql,
      ]),
    );
    const ourDb = await server.createDatabase();
    const ourMs = await timed(() => applyMigrations({ connection: ourDb, dir: full }));
    const prismaDb = await server.createDatabase();
    let prismaRunMs = 0;
    prismaRunMs = await timed(async () => {
      const outcome = await runPrismaCli(['migrate', 'deploy'], { databaseUrl: prismaDb.url, migrationsDir: subset });
      if (outcome.code !== 0) throw new Error(`prisma migrate deploy failed: ${outcome.stderr.slice(-800)}`);
    });
    const prismaMs = (prismaRunMs * TOTAL) / PRISMA_SUBSET;
    // The same subset through the built-in engine: a like-for-like ratio without extrapolation.
    const ourSubsetDb = await server.createDatabase();
    const ourSubsetMs = await timed(() => applyMigrations({ connection: ourSubsetDb, dir: subset }));

    const fmt = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
    console.log(
      `History: ${TOTAL} migrations (tables, unique indexes, foreign keys, enums, dollar-quoted functions, CONCURRENTLY indexes), PostgreSQL ${server.major}`,
    );
    console.log(`floor (one psql session, all SQL): ${fmt(floorMs)}`);
    console.log(`built-in engine:                   ${fmt(ourMs)}  → ${(ourMs / floorMs).toFixed(2)}× the floor (target ≤ 1.5×)`);
    const note =
      PRISMA_SUBSET < TOTAL ? ` (measured ${fmt(prismaRunMs)} on the first ${PRISMA_SUBSET}, extrapolated linearly to ${TOTAL})` : '';
    console.log(`prisma migrate deploy (6.19 wasm): ${fmt(prismaMs)}${note}`);
    console.log(`built-in vs Prisma CLI: ${(prismaMs / ourMs).toFixed(1)}× faster (target ≥ 5×)`);
    console.log(
      `same ${PRISMA_SUBSET} migrations, built-in ${fmt(ourSubsetMs)} vs Prisma ${fmt(prismaRunMs)}: ${(prismaRunMs / ourSubsetMs).toFixed(1)}× faster`,
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
