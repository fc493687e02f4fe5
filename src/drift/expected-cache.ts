/**
 * The expected-schema cache: replaying a long history is nearly all of a drift check's time, and
 * its result depends only on the migrations replayed, the PostgreSQL major, the schema and how
 * the catalog is read. One file per key in a directory the caller gives; a second check of an
 * unchanged history reads it instead of replaying.
 *
 * An entry is a header line (format, version, key, length and sha256 of the body) and the body,
 * the serialized snapshot. It is written to a temporary file and renamed into place, so a reader
 * never sees half of one. On read everything in the header is checked against the body and the
 * key asked for; an entry that does not match exactly is reported and rebuilt, never used.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { catalogQueries } from '../catalog/queries.js';
import { OBJECT_TYPES } from '../catalog/diff.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { sha256Hex as sha256 } from '../util/sha256.js';
import type { CatalogSnapshot } from '../catalog/types.js';
import type { LocalMigration } from '../migrations/index.js';
import { redact } from '../postgres/redact.js';

export const CACHE_FORMAT = 'prisma-migrate-actions/drift-expected-schema';
/** Bump when the body's shape changes in a way the catalog queries do not show. */
export const CACHE_VERSION = 1;
/** Entries not read or written for this long are pruned on write (older histories, other majors). */
export const CACHE_UNUSED_MS = 7 * 24 * 3600 * 1000;

const ENTRY = /^drift-expected-[0-9a-f]{64}\.json$/;
/** A temporary file a killed writer left behind. */
const LEFTOVER = /^drift-expected-[0-9a-f]{64}\.json\.\d+\.[0-9a-f]{8}\.tmp$/;

/** What a replay's result depends on. */
export interface ExpectedKeyInput {
  /** The major asked for (the target's, or postgres-version). */
  major: number;
  schema: string;
  includeGrants: boolean;
  /** Where the replay runs: `throwaway`, or the replay server's host:port/database (never its password). */
  replayServer: string;
  /** Exactly the migrations replayed, in order. */
  migrations: ReadonlyArray<Pick<LocalMigration, 'name' | 'checksum'>>;
}

/** The replay result an entry holds. */
export interface CachedExpected {
  expected: CatalogSnapshot;
  replayMajor: number;
  replayNotice?: string;
  /** How long the replay that built the entry took. */
  replayMs: number;
  createdAt: string;
}

export type CacheRead =
  | { status: 'hit'; file: string; value: CachedExpected; ms: number }
  | { status: 'missing'; file: string; ms: number }
  | { status: 'invalid'; file: string; reason: string; ms: number };

interface Header {
  format: string;
  version: number;
  key: string;
  bytes: number;
  sha256: string;
  /**
   * The schemas a check of this entry compares: the next check's guess of what to read from its
   * target before it knows its history (it checks the guess, and reads again when it was wrong).
   */
  schemas?: string[];
}

/**
 * The key: sha256 over every input of the replay, the entry format and the catalog reader's own
 * queries (a release that reads the catalog differently never reads an older entry).
 */
export function expectedCacheKey(input: ExpectedKeyInput): string {
  return sha256(
    JSON.stringify([
      CACHE_FORMAT,
      CACHE_VERSION,
      input.major,
      input.schema,
      input.includeGrants,
      input.replayServer,
      input.migrations.map((m) => [m.name, m.checksum]),
      catalogQueries({ includeGrants: input.includeGrants }).map((q) => q.sql),
    ]),
  );
}

export const cacheEntryPath = (dir: string, key: string): string => path.join(dir, `drift-expected-${key}.json`);

/**
 * An entry's header line, checked for what any reader needs (a header, JSON, this format and
 * version), or why it is not usable.
 */
function parseHeader(data: Buffer): { header: Partial<Header>; newline: number } | { reason: string } {
  const newline = data.indexOf(0x0a);
  if (newline < 0) return { reason: 'not a drift cache entry (no header)' };
  let header: Partial<Header>;
  try {
    header = JSON.parse(data.subarray(0, newline).toString('utf8')) as Partial<Header>;
  } catch {
    return { reason: 'not a drift cache entry (its header is not JSON)' };
  }
  if (header.format !== CACHE_FORMAT) return { reason: 'not a drift cache entry (unknown format)' };
  if (header.version !== CACHE_VERSION)
    return { reason: `written in format version ${String(header.version)}; this version reads ${CACHE_VERSION}` };
  return { header, newline };
}

/** The largest header a reader looks at for the schema hint (a real one is a few hundred bytes). */
const HEADER_LIMIT = 64 * 1024;

/**
 * The schemas the most recently used entry's header says its check compared: a guess, made
 * before the history is read, of what this check compares. Undefined when there is none or its
 * header is off in any way (readCachedExpected then says what).
 */
export async function recentComparedSchemas(dir: string): Promise<string[] | undefined> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    const names = (await fs.promises.readdir(dir)).filter((name) => ENTRY.test(name));
    const stats = await Promise.all(names.map((name) => fs.promises.stat(path.join(dir, name)).then((s) => [name, s.mtimeMs] as const)));
    const recent = stats.sort((a, b) => b[1] - a[1])[0]?.[0];
    if (!recent) return undefined;
    handle = await fs.promises.open(path.join(dir, recent), 'r');
    const buffer = Buffer.alloc(HEADER_LIMIT);
    const { bytesRead } = await handle.read(buffer, 0, HEADER_LIMIT, 0);
    const parsed = parseHeader(buffer.subarray(0, bytesRead));
    const schemas = 'header' in parsed ? parsed.header.schemas : undefined;
    return Array.isArray(schemas) && schemas.length && schemas.every((s) => typeof s === 'string') ? schemas : undefined;
  } catch {
    return undefined;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

export async function readCachedExpected(dir: string, key: string): Promise<CacheRead> {
  const started = performance.now();
  const file = cacheEntryPath(dir, key);
  const ms = (): number => performance.now() - started;
  let data: Buffer;
  try {
    data = await fs.promises.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing', file, ms: ms() };
    return { status: 'invalid', file, reason: `unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'})`, ms: ms() };
  }
  const invalid = (reason: string): CacheRead => ({ status: 'invalid', file, reason, ms: ms() });
  const parsed = parseHeader(data);
  if ('reason' in parsed) return invalid(parsed.reason);
  const { header, newline } = parsed;
  if (header.key !== key) return invalid('written for another history (its key does not match its name)');
  const body = data.subarray(newline + 1);
  if (body.length !== header.bytes) return invalid(`truncated or extended (${body.length} bytes, ${String(header.bytes)} expected)`);
  if (sha256(body) !== header.sha256) return invalid('corrupt (its content does not match its sha256)');
  let value: CachedExpected;
  try {
    value = JSON.parse(body.toString('utf8')) as CachedExpected;
  } catch {
    return invalid('corrupt (its content is not JSON)');
  }
  if (!isCachedExpected(value)) return invalid('corrupt (its content is not a catalog snapshot)');
  // Its modification time is its last use, for pruning.
  const now = new Date();
  await fs.promises.utimes(file, now, now).catch(() => undefined);
  return { status: 'hit', file, value, ms: ms() };
}

function isCachedExpected(value: unknown): value is CachedExpected {
  const v = value as Partial<CachedExpected> | null;
  const objects = v?.expected?.objects as Record<string, unknown> | undefined;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.replayMajor === 'number' &&
    typeof v.replayMs === 'number' &&
    typeof v.expected?.serverMajor === 'number' &&
    Array.isArray(v.expected.schemas) &&
    typeof objects === 'object' &&
    objects !== null &&
    OBJECT_TYPES.every((type) => typeof objects[type] === 'object' && objects[type] !== null)
  );
}

/** Writes the entry atomically (temporary file, then rename) and prunes entries unused for CACHE_UNUSED_MS. */
export async function writeCachedExpected(
  dir: string,
  key: string,
  value: CachedExpected,
  schemas: string[],
): Promise<{ file: string; ms: number }> {
  const started = performance.now();
  await fs.promises.mkdir(dir, { recursive: true });
  // A registered secret never reaches the cache, whatever a migration put in a default or comment.
  const body = Buffer.from(redact(JSON.stringify(value)), 'utf8');
  const header: Header = { format: CACHE_FORMAT, version: CACHE_VERSION, key, bytes: body.length, sha256: sha256(body), schemas };
  const file = cacheEntryPath(dir, key);
  // A name of its own: two checks may write the same entry at once.
  const temporary = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  writeFileAtomic(file, Buffer.concat([Buffer.from(redact(JSON.stringify(header)) + '\n', 'utf8'), body]), { temporary, sync: true });
  await pruneEntries(dir, file);
  return { file, ms: performance.now() - started };
}

async function pruneEntries(dir: string, keep: string): Promise<void> {
  const cutoff = Date.now() - CACHE_UNUSED_MS;
  for (const name of await fs.promises.readdir(dir)) {
    const file = path.join(dir, name);
    if (file === keep || !(ENTRY.test(name) || LEFTOVER.test(name))) continue;
    const stat = await fs.promises.stat(file).catch(() => undefined);
    if (stat && stat.mtimeMs < cutoff) await fs.promises.rm(file, { force: true });
  }
}
