/**
 * Reads a Prisma migrations directory the way Prisma does: one folder per migration holding
 * migration.sql, folders sorted with `localeCompare` (Prisma 6.6+), and the provider recorded in
 * migration_lock.toml. Checksums are SHA-256 of the file's exact bytes, as Prisma stores them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MigrateActionsError } from '../errors.js';
import { sha256Hex } from '../util/sha256.js';
import { timeSlicer } from '../util/time-slice.js';

export interface LocalMigration {
  /** Folder name, also the `migration_name` in `_prisma_migrations`. */
  name: string;
  folder: string;
  sqlPath: string;
  sql: string;
  checksum: string;
}

export interface MigrationsDirectory {
  dir: string;
  /** Provider from migration_lock.toml (undefined when the file is absent). */
  lockProvider?: string;
  migrations: LocalMigration[];
}

export interface ReadMigrationsOptions {
  /** The provider the lock file must name (Prisma: P3019 on mismatch). */
  expectedProvider?: string;
}

export const LOCK_FILE = 'migration_lock.toml';
export const MIGRATION_FILE = 'migration.sql';

/** SHA-256 (lowercase hex) of the text's UTF-8 bytes, as Prisma records it. */
export function checksumOf(text: string): string {
  return sha256Hex(text);
}

/** Prisma accepts the text as-is, with CRLF→LF and with LF→CRLF. */
export function checksumMatches(localSql: string, recordedChecksum: string): boolean {
  const recorded = recordedChecksum.toLowerCase();
  const variants = [localSql, localSql.replace(/\r\n/g, '\n'), localSql.replace(/\r?\n/g, '\r\n')];
  return variants.some((variant) => checksumOf(variant) === recorded);
}

/** Where the collation's first level alone decides: digits (by value) before letters (by letter, either case). */
function primaryRank(code: number): number | undefined {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 122) return 10 + code - 97;
  if (code >= 65 && code <= 90) return 10 + code - 65;
  return undefined;
}

const isLetter = (code: number): boolean => (code >= 97 && code <= 122) || (code >= 65 && code <= 90);

/**
 * Prisma 6.6+ order: JavaScript `localeCompare` of the folder names. Where two names first differ
 * at ASCII letters or digits of different weight, the collation's first level decides there
 * (equal prefixes weigh alike), so they are ordered without starting ICU's collator (about 10 ms,
 * a tenth of a no-op status). Not after a letter: a locale may join two letters into one (Czech
 * "ch"). Everything else is localeCompare itself.
 */
export function compareMigrationNames(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  let i = 0;
  while (i < length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i < length && (i === 0 || !isLetter(a.charCodeAt(i - 1)))) {
    const [x, y] = [primaryRank(a.charCodeAt(i)), primaryRank(b.charCodeAt(i))];
    if (x !== undefined && y !== undefined && x !== y) return x - y;
  }
  return a.localeCompare(b);
}

export function sortMigrationNames(names: Iterable<string>): string[] {
  return [...names].sort(compareMigrationNames);
}

export async function readMigrationsDir(dir: string, options: ReadMigrationsOptions = {}): Promise<MigrationsDirectory> {
  const absolute = path.resolve(dir);
  await refusePrisma8Layout(absolute);
  const entries = listDirectory(absolute);
  const lockProvider = readLockProvider(absolute);
  const expected = options.expectedProvider ?? 'postgresql';
  if (lockProvider !== undefined && lockProvider !== expected) {
    throw new MigrateActionsError(
      'P3019',
      `The migrations in ${absolute} were created for provider "${lockProvider}" (${LOCK_FILE}), but this database is "${expected}".`,
      {
        where: { file: path.join(absolute, LOCK_FILE) },
        remedy: `Point --dir at the ${expected} migrations, or recreate the history for ${expected} (the lock file's provider must match).`,
      },
    );
  }
  const folders = sortMigrationNames(entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name));
  // One by one and synchronously: for thousands of small files that is several times faster than
  // the thread pool's open/stat/read/close hops, and the first failure is the first in order.
  // Pauses let what runs meanwhile move on (a connect, a catalog read whose rows would otherwise
  // wait in a full socket buffer).
  const migrations: LocalMigration[] = [];
  const slicer = timeSlicer();
  for (const name of folders) {
    await slicer.pause();
    migrations.push(readMigration(absolute, name));
  }
  return { dir: absolute, lockProvider, migrations };
}

// Synchronous file system calls throughout: a handful of small reads, and fs.promises alone
// would add its module's load (~5 ms) to a no-op status.
const exists = (file: string): boolean => fs.existsSync(file);

/** `<dir>/app/<name>/ops.json` or a prisma_contract.marker: Prisma 8's migration packages. */
function prisma8Marker(dir: string): string | undefined {
  if (exists(path.join(dir, 'prisma_contract.marker'))) return path.join(dir, 'prisma_contract.marker');
  const app = path.join(dir, 'app');
  let packages: fs.Dirent[] = [];
  try {
    packages = fs.readdirSync(app, { withFileTypes: true });
  } catch {
    // no app/ folder
  }
  for (const entry of packages) {
    const ops = path.join(app, entry.name, 'ops.json');
    if (entry.isDirectory() && exists(ops)) return ops;
  }
  return undefined;
}

/**
 * Prisma 8 replaces migration.sql folders with migration packages and keeps its state in
 * prisma_contract.marker instead of _prisma_migrations; reading such a project as folders would
 * fail deep in the engine, so it is refused up front, in the folder given or (when that does not
 * exist) in the project's migrations/ beside it.
 */
export async function refusePrisma8Layout(dir: string): Promise<void> {
  const candidates = [dir];
  if (!exists(dir)) candidates.push(path.join(path.dirname(dir), 'migrations'), path.join(path.dirname(path.dirname(dir)), 'migrations'));
  for (const candidate of candidates) {
    const marker = prisma8Marker(candidate);
    if (!marker) continue;
    throw new MigrateActionsError(
      'E_PRISMA8_MIGRATIONS_DIR',
      `${candidate} holds Prisma 8 migration packages (${path.relative(candidate, marker)}), which are not supported. ` +
        'Supported: Prisma 5–7 migrations — <timestamp>_<name>/migration.sql folders with migration_lock.toml, recorded in _prisma_migrations. ' +
        "Not supported: Prisma 8's app/<name>/{migration.ts, migration.json, ops.json} packages and its prisma_contract.marker state.",
      {
        where: { file: marker },
        remedy:
          'Keep this project on Prisma 7 (prisma migrate dev writes migration.sql folders) while it uses these actions, or apply Prisma 8 migrations with Prisma 8 itself (prisma db migrate) without them.',
      },
    );
  }
}

function listDirectory(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new MigrateActionsError(
      code === 'ENOENT' ? 'E_MIGRATIONS_DIR_MISSING' : 'E_MIGRATIONS_DIR_UNREADABLE',
      code === 'ENOENT' ? `The migrations directory ${dir} does not exist.` : `The migrations directory ${dir} cannot be read (${code}).`,
      {
        where: { file: dir },
        remedy: 'Pass --dir with the folder that holds the migration folders (default prisma/migrations), or fix its permissions.',
        cause: error,
      },
    );
  }
}

/** First line starting with `provider`, value with quotes stripped (what Prisma reads). */
function readLockProvider(dir: string): string | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8');
  } catch {
    return undefined; // Prisma skips the check when the file is absent
  }
  const line = text.split(/\r?\n/).find((l) => l.trim().startsWith('provider'));
  if (!line) return undefined;
  return line
    .slice(line.indexOf('=') + 1)
    .trim()
    .replace(/^["']|["']$/g, '');
}

function readMigration(dir: string, name: string): LocalMigration {
  const folder = path.join(dir, name);
  const sqlPath = path.join(folder, MIGRATION_FILE);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(sqlPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new MigrateActionsError('P3015', `The migration folder ${name} has no ${MIGRATION_FILE} (${folder}).`, {
        where: { file: folder, migration: name },
        remedy: `Add the migration's SQL as ${MIGRATION_FILE} in that folder, or remove the folder if it is not a migration.`,
      });
    }
    throw new MigrateActionsError('E_MIGRATION_UNREADABLE', `Cannot read ${sqlPath} (${code ?? (error as Error).message}).`, {
      where: { file: sqlPath, migration: name },
      remedy: 'Fix the file permissions so the migration can be read.',
      cause: error,
    });
  }
  const sql = decodeUtf8(bytes, sqlPath, name);
  return { name, folder, sqlPath, sql, checksum: sha256Hex(bytes) };
}

// ignoreBOM keeps a BOM in the text, so the text's bytes are exactly the file's bytes.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeUtf8(bytes: Buffer, file: string, migration: string): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    const line = bytes.subarray(0, offset).toString('latin1').split('\n').length;
    throw new MigrateActionsError('E_MIGRATION_NOT_UTF8', `${file} is not valid UTF-8 (first bad byte at offset ${offset}).`, {
      where: { file, line, migration },
      remedy: 'Re-save the file as UTF-8 (Prisma and PostgreSQL read migrations as UTF-8).',
    });
  }
}

function firstInvalidUtf8Offset(bytes: Buffer): number {
  let low = 0;
  let high = bytes.length;
  // Binary search on the longest valid prefix (a prefix may end mid-character: allow 3 bytes).
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  return low;
}
