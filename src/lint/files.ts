/**
 * Lint inputs from disk: a Prisma-style migrations directory (folders holding migration.sql,
 * or plain .sql files), or a list of SQL files. Independent of the migration engine's reader.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { MigrateActionsError } from '../errors.js';
import { refusePrisma8Layout } from '../migrations/reader.js';
import { FILE_READ_CONCURRENCY, mapInOrder } from '../util/in-order.js';
import type { LintSource } from './types.js';

async function readSource(file: string, name: string): Promise<LintSource> {
  try {
    return { name, path: file, sql: await readFile(file, 'utf8') };
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
    entries = await readdir(dir);
  } catch (error) {
    throw new MigrateActionsError('E_LINT_INPUT', `Cannot read the migrations directory ${dir}: ${(error as Error).message}`, {
      where: { file: dir },
      remedy: 'Pass --dir pointing at prisma/migrations (or a folder of .sql files).',
    });
  }
  const read = await mapInOrder(
    entries.sort((a, b) => a.localeCompare(b)),
    FILE_READ_CONCURRENCY,
    (entry) => readEntry(dir, entry),
  );
  return read.filter((source): source is LintSource => source !== undefined);
}

/** A folder's migration.sql or a .sql file; undefined for anything else. */
async function readEntry(dir: string, entry: string): Promise<LintSource | undefined> {
  const full = path.join(dir, entry);
  const info = await stat(full);
  if (info.isDirectory()) {
    const sqlPath = path.join(full, 'migration.sql');
    const exists = await stat(sqlPath).then(
      (s) => s.isFile(),
      () => false,
    );
    return exists ? readSource(sqlPath, entry) : undefined;
  }
  return entry.endsWith('.sql') ? readSource(full, entry.slice(0, -4)) : undefined;
}

/** Named SQL files; a migration.sql is named after its folder. */
export async function readLintFiles(files: string[]): Promise<LintSource[]> {
  return Promise.all(
    files.map((file) => {
      const base = path.basename(file);
      return readSource(file, base === 'migration.sql' ? path.basename(path.dirname(file)) : base.replace(/\.sql$/, ''));
    }),
  );
}
