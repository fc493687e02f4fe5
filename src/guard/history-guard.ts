/**
 * The history guard of the pull request check: merged migrations are immutable. Compares the
 * migrations directory at the base ref with the working tree and reports, per file, what a
 * reviewer must not let through.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sha256Hex } from '../util/sha256.js';
import { filesAtRef, repoRoot, resolveRef } from './git.js';
import { compareMigrationNames, sortMigrationNames } from '../migrations/reader.js';

export type GuardProblemKind = 'edited' | 'deleted' | 'renamed' | 'out-of-order' | 'missing-sql' | 'lock-changed';

export interface GuardProblem {
  kind: GuardProblemKind;
  migration?: string;
  file: string;
  message: string;
  remedy: string;
}

export interface HistoryGuardResult {
  baseRef: string;
  baseCommit: string;
  merged: string[];
  added: string[];
  problems: GuardProblem[];
}

/**
 * The migrations folder's files, one level of subfolders deep. Read synchronously: nothing else
 * runs yet, and 800 folders cost 3,200 trips through libuv's thread pool otherwise.
 */
function workingTreeFiles(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  let entries: fs.Dirent[] = [];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  const isFile = (parent: string, e: fs.Dirent) => e.isFile() || (e.isSymbolicLink() && fs.statSync(path.join(parent, e.name)).isFile());
  const isDir = (parent: string, e: fs.Dirent) =>
    e.isDirectory() || (e.isSymbolicLink() && fs.statSync(path.join(parent, e.name)).isDirectory());
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (isFile(dir, entry)) out.set(entry.name, fs.readFileSync(full));
    else if (isDir(dir, entry)) {
      for (const inner of fs.readdirSync(full, { withFileTypes: true }))
        if (isFile(full, inner)) out.set(`${entry.name}/${inner.name}`, fs.readFileSync(path.join(full, inner.name)));
      if (!out.has(`${entry.name}/migration.sql`)) out.set(`${entry.name}/`, Buffer.alloc(0)); // remember the folder
    }
  }
  return out;
}

function migrationFolders(files: Map<string, Buffer>): Map<string, Buffer | undefined> {
  const folders = new Map<string, Buffer | undefined>();
  for (const [rel, content] of files) {
    const [folder, file] = rel.split('/');
    if (file === undefined) continue;
    if (!folders.has(folder)) folders.set(folder, undefined);
    if (file === 'migration.sql') folders.set(folder, content);
  }
  return folders;
}

export async function checkHistory(options: { migrationsDir: string; baseRef: string }): Promise<HistoryGuardResult> {
  const dir = path.resolve(options.migrationsDir);
  const [root, baseCommit] = await Promise.all([repoRoot(dir), resolveRef(dir, options.baseRef)]);
  const relDir = path.relative(root, dir).split(path.sep).join('/');
  const baseFiles = await filesAtRef(root, baseCommit, relDir);
  const base = migrationFolders(baseFiles);
  const headFiles = workingTreeFiles(dir);
  const head = migrationFolders(headFiles);
  const baseLock = baseFiles.get('migration_lock.toml');
  const problems: GuardProblem[] = [];
  const rel = (name: string): string => `${relDir}/${name}`;

  const addedNames = sortMigrationNames([...head.keys()].filter((name) => !base.has(name)));
  const headByHash = new Map<string, string>();
  for (const name of addedNames) {
    const content = head.get(name);
    if (content) headByHash.set(sha256Hex(content), name);
  }
  for (const [name, content] of base) {
    const now = head.get(name);
    if (!head.has(name)) {
      const renamedTo = content ? headByHash.get(sha256Hex(content)) : undefined;
      problems.push(
        renamedTo
          ? {
              kind: 'renamed',
              migration: name,
              file: rel(`${name}/migration.sql`),
              message: `Merged migration ${name} was renamed to ${renamedTo}. Databases that applied it record the old name and would apply it again.`,
              remedy: `Restore the folder name ${name}.`,
            }
          : {
              kind: 'deleted',
              migration: name,
              file: rel(`${name}/migration.sql`),
              message: `Merged migration ${name} was deleted. Databases that applied it keep its changes; new databases would not get them.`,
              remedy: `Restore ${name}; to undo its changes, add a new migration.`,
            },
      );
    } else if (content && now && !content.equals(now)) {
      problems.push({
        kind: 'edited',
        migration: name,
        file: rel(`${name}/migration.sql`),
        message: `Merged migration ${name} was edited. Databases that applied it will never run the change, and its checksum no longer matches.`,
        remedy: `Revert the edit to ${name}/migration.sql and put the change in a new migration (prisma migrate dev --create-only).`,
      });
    }
  }
  const renamedTargets = new Set(problems.filter((p) => p.kind === 'renamed').map((p) => p.message.match(/renamed to (\S+)\./)?.[1]));
  const newestMerged = sortMigrationNames(base.keys()).pop();
  for (const name of addedNames) {
    if (!head.get(name)) {
      problems.push({
        kind: 'missing-sql',
        migration: name,
        file: rel(`${name}/`),
        message: `Migration folder ${name} has no migration.sql.`,
        remedy: 'Add the migration.sql (prisma migrate dev --create-only) or remove the folder; Prisma refuses to deploy it (P3015).',
      });
    }
    if (newestMerged && compareMigrationNames(name, newestMerged) < 0 && !renamedTargets.has(name)) {
      problems.push({
        kind: 'out-of-order',
        migration: name,
        file: rel(`${name}/migration.sql`),
        message: `New migration ${name} sorts before the newest merged migration ${newestMerged}: databases already past it would apply it out of order.`,
        remedy: `Recreate it with a newer timestamp (rename the folder to a name after ${newestMerged}).`,
      });
    }
  }
  const headLock = headFiles.get('migration_lock.toml');
  if (baseLock && (!headLock || !baseLock.equals(headLock))) {
    problems.push({
      kind: 'lock-changed',
      file: rel('migration_lock.toml'),
      message: headLock ? 'migration_lock.toml was changed (it pins the database provider).' : 'migration_lock.toml was deleted.',
      remedy: 'Revert migration_lock.toml; changing the provider needs a new migration history, not an edit.',
    });
  }
  return {
    baseRef: options.baseRef,
    baseCommit,
    merged: sortMigrationNames(base.keys()),
    added: addedNames,
    problems,
  };
}
