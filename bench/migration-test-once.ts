/**
 * One whole migration-test run (throwaway PostgreSQL included) of the code in the current
 * directory, printing its wall time in ms as the last line — for bench/compare-commits.sh, which
 * runs it in two checkouts alternately. It imports src/ from the working directory, not from
 * beside this file, so the same script measures an older commit.
 *   npx tsx bench/migration-test-once.ts example|generated|history [migrations, default 100]
 * `generated`: a chain of tables, one per migration; `history`: bench/migration-test.ts's history
 * (100 tables, later migrations altering them).
 */
import path from 'node:path';
import { generatedHistoryFiles } from './generated-history.js';

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
  const { files, names } = generatedHistoryFiles(count);
  return gitProject({ files, newMigrations: [names[names.length - 1]] });
}

const project =
  process.argv[2] === 'generated' ? generated() : process.argv[2] === 'history' ? history() : exampleProject({ nodeModules: true });
try {
  const started = performance.now();
  await runMigrationTest(settingsFor(project, { 'database-url': undefined, 'seed-rows': '50' }), contextFor(project));
  console.log(Math.round(performance.now() - started));
} finally {
  project.remove();
}
