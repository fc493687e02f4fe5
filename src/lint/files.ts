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
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    throw new MigrateActionsError('E_LINT_INPUT', `Cannot read the migrations directory ${dir}: ${(error as Error).message}`, {
      where: { file: dir },
      remedy: 'Pass --dir pointing at prisma/migrations (or a folder of .sql files).',
    });
  }
  const folders = new Set(
    entries.filter((e) => e.isDirectory() || (e.isSymbolicLink() && isDirectory(path.join(dir, e.name)))).map((e) => e.name),
  );
  return sortMigrationNames(entries.map((e) => e.name))
    .map((entry) => readEntry(dir, entry, folders.has(entry)))
    .filter((source): source is LintSource => source !== undefined);
}

const isDirectory = (file: string): boolean => fs.statSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false;

/** A folder's migration.sql or a .sql file; undefined for anything else. */
function readEntry(dir: string, entry: string, folder: boolean): LintSource | undefined {
  const full = path.join(dir, entry);
  if (folder) {
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
