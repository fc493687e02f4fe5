/**
 * Drift check speed: snapshot two copies of a generated 1,000-table schema (columns, indexes,
 * foreign keys) and diff them, against one `pg_dump --schema-only` of the same database,
 * measured in the same run. Target: ratio ≤ 1 (ours no slower than one pg_dump).
 *
 *   npx tsx bench/drift.ts [tables=1000] [rounds=3]
 */
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { startThrowawayCluster } from '../src/postgres/ephemeral.js';
import { findClientTool } from '../src/postgres/binaries.js';
import { toClientConfig, type ConnectionSettings } from '../src/postgres/url.js';
import { diffSnapshots, snapshotSchema } from '../src/catalog/index.js';

const TABLES = Number(process.argv[2] ?? 1000);
const ROUNDS = Number(process.argv[3] ?? 3);
const MAJOR = 15;

function schemaSql(tables: number): string {
  const lines: string[] = [`CREATE TYPE "Status" AS ENUM ('new', 'open', 'closed');`];
  for (let i = 0; i < tables; i++) {
    const fk = i > 0 ? `, "parentId" INTEGER REFERENCES "T${i - 1}"("id") ON DELETE CASCADE` : '';
    lines.push(
      `CREATE TABLE "T${i}" ("id" SERIAL PRIMARY KEY, "name" TEXT NOT NULL, "email" VARCHAR(200) UNIQUE, "status" "Status" NOT NULL DEFAULT 'new', ` +
        `"amount" NUMERIC(12,2) DEFAULT 0 CHECK ("amount" >= 0), "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP${fk});`,
      `CREATE INDEX "T${i}_name_idx" ON "T${i}" ("name");`,
      `CREATE INDEX "T${i}_created_idx" ON "T${i}" ("createdAt" DESC) WHERE "status" <> 'closed';`,
    );
  }
  return lines.join('\n');
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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
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
  const pgDump = findClientTool('pg_dump', MAJOR);
  if (!pgDump) throw new Error(`No pg_dump for PostgreSQL ${MAJOR} on this machine.`);
  const server = await startThrowawayCluster({ major: MAJOR });
  try {
    const [expected, actual] = [await server.createDatabase('bench_expected'), await server.createDatabase('bench_actual')];
    const sql = schemaSql(TABLES);
    const buildStarted = performance.now();
    await Promise.all([withClient(expected, (c) => c.query(sql)), withClient(actual, (c) => c.query(sql))]);
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
    console.log(`ratio ours / pg_dump: ${(oursMs / dumpMs).toFixed(2)} (target ≤ 1.00)`);
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
