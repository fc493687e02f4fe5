/**
 * The whole migration-test check (throwaway PostgreSQL start included) on the example project
 * and on a generated long history, with the time split by step (report.timings). Baseline,
 * measured in the same run: the least any such check does — start a PostgreSQL, apply the
 * history from scratch, stop it. The ratio says what the other five checks cost on top.
 *   npx tsx bench/migration-test.ts          (BENCH_MIGRATIONS=800 BENCH_SEED_ROWS=50)
 */
import fs from 'node:fs';
import path from 'node:path';
import { runMigrationTest } from '../src/commands/migration-test.js';
import { applyMigrations, readMigrationsDir } from '../src/migrations/index.js';
import { startThrowawayCluster } from '../src/postgres/ephemeral.js';
import { contextFor, exampleProject, gitProject, settingsFor, type GitProject } from '../test/fixtures/migration-test/project.js';
import { generatedHistoryFiles } from './generated-history.js';

const TOTAL = Number(process.env.BENCH_MIGRATIONS ?? 800);
const SEED_ROWS = String(process.env.BENCH_SEED_ROWS ?? 50);
const TABLES = Math.min(100, TOTAL);

function generatedProject(): GitProject {
  const { files, names } = generatedHistoryFiles(TOTAL, TABLES);
  return gitProject({ files, newMigrations: [names[names.length - 1]] });
}

const ms = (n: number): string => `${(n / 1000).toFixed(2)} s`;

async function baseline(project: GitProject): Promise<number> {
  const started = performance.now();
  const server = await startThrowawayCluster();
  try {
    const db = await server.createDatabase();
    await applyMigrations({ connection: db, migrations: (await readMigrationsDir(project.migrationsDir)).migrations });
  } finally {
    await server.stop();
  }
  return performance.now() - started;
}

async function measure(label: string, project: GitProject): Promise<void> {
  const base = await baseline(project);
  const started = performance.now();
  const result = await runMigrationTest(settingsFor(project, { 'database-url': undefined, 'seed-rows': SEED_ROWS }), contextFor(project));
  const wall = performance.now() - started;
  console.log(`\n${label}: verdict ${result.report.verdict}, whole check ${ms(wall)} (PostgreSQL start included)`);
  console.log(`  baseline (start PostgreSQL, apply from scratch, stop): ${ms(base)} → ratio ${(wall / base).toFixed(2)}×`);
  for (const check of result.report.checks)
    console.log(
      `  ${check.status.padEnd(4)} ${check.name}${check.status === 'skip' || check.status === 'fail' ? `: ${(check.detail ?? '').split('\n')[0].slice(0, 140)}` : ''}`,
    );
  console.log('  timings (steps overlap: from scratch, upgrade path, schema check and lint run concurrently):');
  for (const [step, value] of Object.entries(result.report.timings ?? {})) console.log(`    ${step.padEnd(42)} ${ms(value).padStart(8)}`);
}

const example = exampleProject({ nodeModules: true });
const generated = generatedProject();
try {
  console.log(
    `Example project: ${fs.readdirSync(example.migrationsDir).filter((n) => /^\d/.test(n)).length} migrations; generated: ${TOTAL} migrations over ${TABLES} tables; ${SEED_ROWS} seed rows per table.`,
  );
  await measure('example project (prisma/), node_modules linked (the Prisma CLI runs or is skipped)', example);
  await measure(`generated ${TOTAL}-migration history`, generated);
} finally {
  example.remove();
  generated.remove();
  fs.rmSync(path.join(example.root, '..', `${path.basename(example.root)}-aside`), { recursive: true, force: true });
}
