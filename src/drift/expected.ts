/**
 * The expected schema of a drift check: the applied migrations replayed into an empty database
 * and snapshotted — or, with a cache directory, the snapshot of an earlier replay of exactly the
 * same migrations, read back after its checksum is verified. An entry that fails any check is
 * named in a notice, rebuilt by replaying, and overwritten.
 */
import path from 'node:path';
import { snapshotSchema, type CatalogSnapshot } from '../catalog/index.js';
import { OBJECT_TYPES } from '../catalog/diff.js';
import { objectSchema } from '../catalog/identity.js';
import type { CatalogObject } from '../catalog/types.js';
import type { LocalMigration } from '../migrations/index.js';
import { findPostgresBinaries } from '../postgres/binaries.js';
import { withClient } from '../postgres/client.js';
import { redact } from '../postgres/redact.js';
import { parseDatabaseUrl } from '../postgres/url.js';
import { plural } from '../report/format.js';
import type { DriftCheckOptions } from './check.js';
import { expectedCacheKey, readCachedExpected, writeCachedExpected } from './expected-cache.js';

export interface ExpectedCacheReport {
  dir: string;
  /** The entry's file. */
  file: string;
  /** hit: read from the cache; miss: no entry yet; rebuilt: an entry was there but not usable. */
  status: 'hit' | 'miss' | 'rebuilt';
  readMs: number;
  /** Set when this run wrote the entry. */
  writeMs?: number;
  /** When the entry was built, and how long that replay took. */
  builtAt?: string;
  builtReplayMs?: number;
}

export interface ExpectedSchema {
  expected: CatalogSnapshot;
  replayMajor: number;
  replayNotice?: string;
  /** Time of this run's replay (0 when the expected schema came from the cache). */
  replayMs: number;
  source: 'replay' | 'cache';
  cache?: ExpectedCacheReport;
  /** What happened to the cache (an entry rebuilt, a write that failed). */
  cacheNotices: string[];
}

export async function replayExpected(
  options: DriftCheckOptions,
  schema: string,
  major: number,
  migrations: LocalMigration[],
): Promise<ExpectedSchema> {
  const started = performance.now();
  // The replay machinery (a PostgreSQL to start, the engine) loads only when there is no usable cache entry.
  const { acquireReplayServer, replayMigrations } = await import('./replay.js');
  const { server, notice } = await acquireReplayServer({ ...options, major });
  try {
    options.log?.(`Replaying ${plural(migrations.length, 'applied migration')} on PostgreSQL ${server.major || major}.`);
    const database = await replayMigrations(server, schema, migrations, options.log);
    const replayMs = performance.now() - started;
    const expected = await withClient(database, { applicationName: 'prisma-migrate-actions drift-check replay' }, (client) =>
      snapshotSchema(client, { includeGrants: options.includeGrants }),
    );
    return { expected, replayMajor: expected.serverMajor, replayNotice: notice, replayMs, source: 'replay', cacheNotices: [] };
  } finally {
    await server.stop();
  }
}

/** Where the replay runs, for the key: a throwaway cluster, or the replay server without its password. */
function replayServerIdentity(options: DriftCheckOptions): string {
  if (!options.replayDatabaseUrl) return 'throwaway';
  const s = parseDatabaseUrl(options.replayDatabaseUrl);
  return `${s.user}@${s.host}:${s.port}/${s.database}`;
}

/**
 * An entry made on another major than asked for (with a notice) is stale once the major asked
 * for is available, or when falling back is no longer allowed.
 */
function staleFallback(options: DriftCheckOptions, major: number, replayNotice: string | undefined): boolean {
  if (!replayNotice || options.replayDatabaseUrl) return false;
  if (options.majorFallback === false) return true;
  try {
    findPostgresBinaries({ major, allowInstall: false });
    return true;
  } catch {
    return false;
  }
}

/** The target's ?schema= and every schema the history puts something in (an empty `public` of a fresh database is not one). */
export function comparedSchemas(expected: CatalogSnapshot, targetSchema: string): string[] {
  const used = new Set<string>([targetSchema]);
  for (const type of OBJECT_TYPES) {
    if (type === 'schema' || type === 'extension') continue;
    for (const object of Object.values(expected.objects[type]) as CatalogObject[]) {
      const schema = objectSchema(type, object);
      if (schema) used.add(schema);
    }
  }
  for (const name of Object.keys(expected.objects.schema)) if (name !== 'public') used.add(name);
  return [...used].sort();
}

export async function cachedOrReplayed(
  options: DriftCheckOptions,
  cacheDir: string,
  schema: string,
  major: number,
  migrations: LocalMigration[],
): Promise<ExpectedSchema> {
  const dir = path.resolve(cacheDir);
  const key = expectedCacheKey({
    major,
    schema,
    includeGrants: Boolean(options.includeGrants),
    replayServer: replayServerIdentity(options),
    migrations,
  });
  const read = await readCachedExpected(dir, key);
  const cacheNotices: string[] = [];
  if (read.status === 'hit' && !staleFallback(options, major, read.value.replayNotice)) {
    const { value } = read;
    options.log?.(
      `Expected schema of ${plural(migrations.length, 'applied migration')} on PostgreSQL ${value.replayMajor} read from the cache (${path.basename(read.file)}).`,
    );
    return {
      expected: value.expected,
      replayMajor: value.replayMajor,
      replayNotice: value.replayNotice,
      replayMs: 0,
      source: 'cache',
      cache: {
        dir,
        file: read.file,
        status: 'hit',
        readMs: read.ms,
        builtAt: value.createdAt,
        builtReplayMs: value.replayMs,
      },
      cacheNotices,
    };
  }
  if (read.status === 'invalid') {
    const notice = `The cached expected schema ${read.file} is ${read.reason}: it is not used; the history is replayed and the entry rewritten.`;
    options.log?.(notice);
    cacheNotices.push(notice);
  } else if (read.status === 'hit') {
    const notice = `The cached expected schema ${read.file} was replayed on another PostgreSQL major than ${major}, which is available now: the history is replayed again.`;
    options.log?.(notice);
    cacheNotices.push(notice);
  }
  const replayed = await replayExpected(options, schema, major, migrations);
  const report: ExpectedCacheReport = { dir, file: read.file, status: read.status === 'missing' ? 'miss' : 'rebuilt', readMs: read.ms };
  try {
    const written = await writeCachedExpected(
      dir,
      key,
      {
        expected: replayed.expected,
        replayMajor: replayed.replayMajor,
        ...(replayed.replayNotice ? { replayNotice: replayed.replayNotice } : {}),
        replayMs: replayed.replayMs,
        createdAt: new Date().toISOString(),
      },
      comparedSchemas(replayed.expected, schema),
    );
    report.writeMs = written.ms;
  } catch (error) {
    const notice = `The expected schema could not be written to the cache directory ${dir} (${redact((error as Error).message)}): this check is complete, the next one replays again. Give a writable cache-dir.`;
    options.log?.(notice);
    cacheNotices.push(notice);
  }
  return { ...replayed, cache: report, cacheNotices };
}
