/**
 * Lint inputs from disk: a Prisma-style migrations directory (folders holding migration.sql,
 * or plain .sql files), or a list of SQL files. Independent of the migration engine's reader.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MigrateActionsError } from '../errors.js';
import { refusePrisma8Layout, sortMigrationNames } from '../migrations/reader.js';
import type { LintSource } from './types.js';

// Synchronous on purpose, as the engine's reader: thousands of small files read faster one by one.
function readSource(file: string, name: string): LintSource {
  try {
    return { name, path: file, sql: fs.readFileSync(file, 'utf8') };
  } catch (error) {
    throw new MigrateActionsError('E_LINT_INPUT', `Cannot read ${file}: ${(error as Error).message}`, {
      where: { file },
      remedy: 'Check the path and its permissions.',
    });
  }
}

/** Migrations of a directory in the order Prisma applies them (folder names, localeCompare). */
export async function readLintDir(dir: string): Promise<LintSource[]> {
  await refusePrisma8Layout(path.resolve(dir));
  let entries: string[];
  try {
    entries = fs.readdirSync(dir);
  } catch (error) {
    throw new MigrateActionsError('E_LINT_INPUT', `Cannot read the migrations directory ${dir}: ${(error as Error).message}`, {
      where: { file: dir },
      remedy: 'Pass --dir pointing at prisma/migrations (or a folder of .sql files).',
    });
  }
  return sortMigrationNames(entries)
    .map((entry) => readEntry(dir, entry))
    .filter((source): source is LintSource => source !== undefined);
}

/** A folder's migration.sql or a .sql file; undefined for anything else. */
function readEntry(dir: string, entry: string): LintSource | undefined {
  const full = path.join(dir, entry);
  if (fs.statSync(full).isDirectory()) {
    const sqlPath = path.join(full, 'migration.sql');
    return fs.statSync(sqlPath, { throwIfNoEntry: false })?.isFile() ? readSource(sqlPath, entry) : undefined;
  }
  return entry.endsWith('.sql') ? readSource(full, entry.slice(0, -4)) : undefined;
}

/** Named SQL files; a migration.sql is named after its folder. */
export async function readLintFiles(files: string[]): Promise<LintSource[]> {
  return files.map((file) => {
    const base = path.basename(file);
    return readSource(file, base === 'migration.sql' ? path.basename(path.dirname(file)) : base.replace(/\.sql$/, ''));
  });
}
