/**
 * The generated history bench/migration-test.ts measures (and bench/migration-test-once.ts can
 * run): the first `tables` migrations create chained tables; the later ones add columns, enums
 * and concurrent indexes to them, the mix of a long-lived schema. The last migration is new.
 */

/** Migration i of a history over `tables` tables. */
export function generatedMigrationSql(i: number, tables: number): string {
  if (i < tables) {
    const parent = i > 0 ? `,\n    "parentId" INTEGER REFERENCES "t${i - 1}"("id") ON DELETE SET NULL` : '';
    return `CREATE TABLE "t${i}" (\n    "id" SERIAL PRIMARY KEY,\n    "label" TEXT NOT NULL UNIQUE,\n    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP${parent}\n);\n`;
  }
  const table = `t${i % tables}`;
  switch (i % 4) {
    case 0:
      return `ALTER TABLE "${table}" ADD COLUMN "c${i}" INTEGER NOT NULL DEFAULT 0;\n`;
    case 1:
      return `ALTER TABLE "${table}" ADD COLUMN "n${i}" TEXT;\n`;
    case 2:
      return `CREATE TYPE "E${i}" AS ENUM ('A', 'B', 'C');\nALTER TABLE "${table}" ADD COLUMN "e${i}" "E${i}" NOT NULL DEFAULT 'A';\n`;
    default:
      return `CREATE INDEX CONCURRENTLY "t${(i - 3) % tables}_c${i - 3}_idx" ON "t${(i - 3) % tables}"("c${i - 3}");\n`;
  }
}

/** The project's files (schema.prisma, the lock file, every migration) and the migration names, oldest first. */
export function generatedHistoryFiles(total: number, tables = Math.min(100, total)): { files: Record<string, string>; names: string[] } {
  const names = Array.from({ length: total }, (_, i) => `2025${String(i).padStart(10, '0')}_m${i}`);
  const files: Record<string, string> = {
    'prisma/schema.prisma': 'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n',
    'prisma/migrations/migration_lock.toml': 'provider = "postgresql"\n',
  };
  names.forEach((name, i) => (files[`prisma/migrations/${name}/migration.sql`] = generatedMigrationSql(i, tables)));
  return { files, names };
}

/** gitProject's options for the history (test/fixtures/migration-test/project.ts): the base commit holds all but the last migration, which the working tree adds. */
export function generatedHistoryProject(total: number, tables?: number): { files: Record<string, string>; newMigrations: string[] } {
  const { files, names } = generatedHistoryFiles(total, tables);
  return { files, newMigrations: [names[names.length - 1]] };
}
