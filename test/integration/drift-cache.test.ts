/**
 * The expected-schema cache of drift-check, on real PostgreSQL: a second check of an unchanged
 * history reads the cache and finds the same drift; a changed migration misses; an entry that is
 * garbled, truncated or of another format version is named in a notice,
 * rebuilt and overwritten, and the result is still right; no secret reaches the cache directory.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freshDatabase, dropTestDatabases, query } from '../helpers/pg.js';
import { runAsAction } from '../helpers/action-runner.js';
import { applyMigrations, readMigrationsDir } from '../../src/migrations/index.js';
import { driftCheck, type DriftCheckOptions, type DriftResult } from '../../src/drift/index.js';
import { CACHE_VERSION, expectedCacheKey } from '../../src/drift/expected-cache.js';
import { driftCheckCommand } from '../../src/commands/drift-check.js';
import type { ConnectionSettings } from '../../src/postgres/url.js';

const MIGRATIONS = path.resolve('test/fixtures/drift/migrations');
const APPLIED = ['20240101000000_init', '20240201000000_profiles'];
const PASSWORD = 'drift-cache-canary-pw-5e1f9a';
const REPLAY_PASSWORD = 'drift-cache-replay-canary-83c2';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-drift-cache-'));
afterAll(async () => {
  fs.rmSync(root, { recursive: true, force: true });
  await dropTestDatabases();
});

let dirs = 0;
const newDir = (): string => path.join(root, `cache-${++dirs}`);

/** The first two fixture migrations applied, then a column and an index added by hand. */
async function driftedTarget(): Promise<ConnectionSettings> {
  const db = await freshDatabase({ major: 15 });
  const { migrations } = await readMigrationsDir(MIGRATIONS);
  await applyMigrations({ connection: db, migrations: migrations.filter((m) => APPLIED.includes(m.name)) });
  await query(db, `ALTER TABLE "User" ADD COLUMN "hotfix" TEXT; CREATE INDEX "User_hotfix_idx" ON "User" ("hotfix");`);
  return db;
}

function check(db: ConnectionSettings | string, cacheDir: string, extra: Partial<DriftCheckOptions> = {}) {
  const lines: string[] = [];
  const run = driftCheck({
    connection: db,
    migrationsDir: MIGRATIONS,
    replayDatabaseUrl: process.env.PMA_TEST_PG15_URL,
    cacheDir,
    log: (line) => lines.push(line),
    ...extra,
  });
  return run.then((result) => ({ result, lines }));
}

const findings = (result: DriftResult) => ({
  differences: result.differences.map((d) => `${d.objectType} ${d.change} ${d.identity}: ${d.detail}`).sort(),
  reconcile: result.reconcile.map((s) => s.sql),
  drift: result.drift,
  driftCount: result.driftCount,
});

const EXPECTED_FINDINGS = ['column unexpected public.User.hotfix', 'index unexpected public.User.User_hotfix_idx'];

/** The one entry in a cache directory. */
function entryOf(dir: string): string {
  const entries = fs.readdirSync(dir).filter((name) => name.endsWith('.json'));
  expect(entries).toHaveLength(1);
  return path.join(dir, entries[0]);
}

const bodyOf = (file: string) => {
  const data = fs.readFileSync(file, 'utf8');
  return JSON.parse(data.slice(data.indexOf('\n') + 1));
};

/** Rewrites an entry's body with a valid header: what a reader cannot tell from a real one. */
function rewriteEntry(file: string, edit: (body: { expected: { objects: Record<string, Record<string, unknown>> } }) => void): void {
  const data = fs.readFileSync(file, 'utf8');
  const newline = data.indexOf('\n');
  const header = JSON.parse(data.slice(0, newline));
  const body = JSON.parse(data.slice(newline + 1));
  edit(body);
  const text = Buffer.from(JSON.stringify(body));
  const sha256 = crypto.createHash('sha256').update(text).digest('hex');
  fs.writeFileSync(file, Buffer.concat([Buffer.from(JSON.stringify({ ...header, bytes: text.length, sha256 }) + '\n'), text]));
}

describe('drift-check expected-schema cache', () => {
  let db: ConnectionSettings;
  let dir: string;
  let first: DriftResult;
  beforeAll(async () => {
    db = await driftedTarget();
    dir = newDir();
    first = (await check(db, dir)).result;
  }, 30_000);

  test('the first check replays and writes one entry; the second reads it, does not replay, and finds the same drift', async () => {
    expect(first.expectedFrom).toBe('replay');
    expect(first.cache).toMatchObject({ status: 'miss', dir, writeMs: expect.any(Number) });
    expect(findings(first).differences.map((d) => d.split(':')[0])).toEqual(EXPECTED_FINDINGS);
    expect(fs.existsSync(first.cache!.file)).toBe(true);

    const { result: second, lines } = await check(db, dir);
    expect(second.expectedFrom).toBe('cache');
    expect(second.cache).toMatchObject({ status: 'hit', file: first.cache!.file, builtReplayMs: first.timings.replayMs });
    expect(second.timings).toMatchObject({ replayMs: 0, cacheReadMs: expect.any(Number) });
    expect(second.timings.cacheWriteMs).toBeUndefined();
    expect(lines.join('\n')).not.toMatch(/Replaying/);
    expect(lines.join('\n')).toMatch(/read from the cache/);
    expect(findings(second)).toEqual(findings(first));
    expect(second.notices).toEqual(first.notices);
  });

  test('what the cache says is what the check compares with (an entry edited with a valid checksum is believed)', async () => {
    // Proves the hit really uses the entry: a forged entry that drops User.hotfix from the
    // expected schema is not caught (its checksum matches), so the column no longer shows.
    const forged = newDir();
    fs.cpSync(dir, forged, { recursive: true });
    rewriteEntry(entryOf(forged), (body) => {
      body.expected.objects.column['public.User.hotfix'] = {
        ...(body.expected.objects.column['public.User.email'] as object),
        name: 'hotfix',
        type: 'text',
        notNull: false,
        position: 99,
        default: null,
      };
    });
    const { result } = await check(db, forged);
    expect(result.expectedFrom).toBe('cache');
    expect(result.differences.map((d) => d.identity)).toEqual(['public.User.User_hotfix_idx']);
  });

  test('a changed migration misses: a new entry is written beside the old one, and the edit is found', async () => {
    const migrations = path.join(root, 'edited-migrations');
    fs.cpSync(MIGRATIONS, migrations, { recursive: true });
    fs.appendFileSync(path.join(migrations, APPLIED[1], 'migration.sql'), 'CREATE INDEX "Profile_visits_idx" ON "Profile" ("visits");\n');
    const shared = newDir();
    fs.cpSync(dir, shared, { recursive: true });
    const { result } = await check(db, shared, { migrationsDir: migrations });
    expect(result.expectedFrom).toBe('replay');
    expect(result.cache?.status).toBe('miss');
    expect(path.basename(result.cache!.file)).not.toBe(path.basename(first.cache!.file));
    expect(result.differences.map((d) => d.identity)).toContain('public.Profile.Profile_visits_idx');
    expect(fs.readdirSync(shared).filter((n) => n.endsWith('.json'))).toHaveLength(2);
  });

  const CORRUPTIONS: Array<[string, (file: string) => void, RegExp]> = [
    [
      'garbled bytes in the body',
      (file) => {
        const data = fs.readFileSync(file);
        data[data.length - 20] ^= 0x5a;
        fs.writeFileSync(file, data);
      },
      /is corrupt \(its content does not match its sha256\)/,
    ],
    ['a truncated file', (file) => fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2)), /is truncated or extended/],
    [
      'another format version',
      (file) => {
        const data = fs.readFileSync(file, 'utf8');
        fs.writeFileSync(file, data.replace(`"version":${CACHE_VERSION},`, `"version":${CACHE_VERSION + 1},`));
      },
      new RegExp(`is written in format version ${CACHE_VERSION + 1}; this version reads ${CACHE_VERSION}`),
    ],
  ];

  test.each(CORRUPTIONS)(
    '%s: named in a notice, rebuilt by replaying, overwritten; the result is still right',
    async (_, corrupt, reason) => {
      const broken = newDir();
      fs.cpSync(dir, broken, { recursive: true });
      const file = entryOf(broken);
      corrupt(file);
      const { result, lines } = await check(db, broken);
      expect(result.expectedFrom).toBe('replay');
      expect(result.cache).toMatchObject({ status: 'rebuilt', file, writeMs: expect.any(Number) });
      const notice = result.notices.find((n) => n.startsWith('The cached expected schema'));
      expect(notice).toMatch(reason);
      expect(notice).toMatch(/not used; the history is replayed and the entry rewritten/);
      expect(lines.join('\n')).toMatch(/Replaying 2 applied migrations/);
      expect(findings(result)).toEqual(findings(first));
      // The rewritten entry is whole again: the next check reads it.
      expect(bodyOf(file).expected).toEqual(bodyOf(first.cache!.file).expected);
      expect((await check(db, broken)).result.expectedFrom).toBe('cache');
    },
  );

  test("the entry's header names the schemas its check compared; a next check that guesses them wrong reads its target again", async () => {
    const header = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8').split('\n')[0]);
    expect(header(first.cache!.file).schemas).toEqual(['public']);
    // The newest entry's schemas are the next check's first read of its target. A header naming
    // a schema the target has but the history does not: used as it is, that table would show.
    const target = await driftedTarget();
    await query(target, 'CREATE SCHEMA "elsewhere"; CREATE TABLE "elsewhere"."Stray" ("id" INT)');
    const guessed = newDir();
    fs.cpSync(dir, guessed, { recursive: true });
    const file = entryOf(guessed);
    const data = fs.readFileSync(file, 'utf8');
    const newline = data.indexOf('\n');
    fs.writeFileSync(
      file,
      JSON.stringify({ ...JSON.parse(data.slice(0, newline)), schemas: ['elsewhere', 'public'] }) + data.slice(newline),
    );
    const { result } = await check(target, guessed);
    expect(result.expectedFrom).toBe('cache');
    expect(result.schemas).toEqual(['public']);
    expect(findings(result)).toEqual(findings(first));
  });

  test('the key follows every migration checksum in order, the major, the schema and the replay server', () => {
    const migrations = [
      { name: 'a', checksum: '1' },
      { name: 'b', checksum: '2' },
    ];
    const base = { major: 15, schema: 'public', includeGrants: false, replayServer: 'throwaway', migrations };
    const keys = [
      base,
      { ...base, major: 16 },
      { ...base, schema: 'app' },
      { ...base, includeGrants: true },
      { ...base, replayServer: 'u@h:5432/d' },
      { ...base, migrations: [migrations[1], migrations[0]] },
      { ...base, migrations: [migrations[0], { name: 'b', checksum: '3' }] },
      { ...base, migrations: [migrations[0]] },
    ].map(expectedCacheKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(expectedCacheKey({ ...base, migrations: migrations.map((m) => ({ ...m })) })).toBe(keys[0]);
  });

  test('no password of the target or of the replay server reaches the cache directory', async () => {
    const target = new URL(db.url);
    target.password = PASSWORD;
    const replay = new URL(process.env.PMA_TEST_PG15_URL!);
    replay.password = REPLAY_PASSWORD;
    const secretDir = newDir();
    const { result } = await check(target.toString(), secretDir, { replayDatabaseUrl: replay.toString() });
    expect(result.cache?.status).toBe('miss');
    const written = fs.readdirSync(secretDir).map((name) => name + '\n' + fs.readFileSync(path.join(secretDir, name), 'utf8'));
    expect(written).toHaveLength(1);
    for (const secret of [PASSWORD, REPLAY_PASSWORD]) for (const text of written) expect(text).not.toContain(secret);
    expect((await check(target.toString(), secretDir, { replayDatabaseUrl: replay.toString() })).result.expectedFrom).toBe('cache');
  });

  test('the action: cache-dir reaches the check; expected-from, the summary and the JSON say where the expected schema came from', async () => {
    const runnerDir = path.join(root, 'runner');
    fs.mkdirSync(runnerDir);
    const run = () =>
      runAsAction(driftCheckCommand, {
        runnerDir,
        env: { GITHUB_WORKSPACE: process.cwd(), GITHUB_REPOSITORY: 'octo-org/app', GITHUB_EVENT_NAME: 'schedule' },
        inputs: {
          'database-url': db.url,
          'migrations-dir': MIGRATIONS,
          'replay-database-url': process.env.PMA_TEST_PG15_URL!,
          'cache-dir': path.join(runnerDir, 'drift-cache'),
          'fail-on-drift': 'false',
          'report-dir': path.join(runnerDir, 'reports'),
        },
      });
    const cold = await run();
    expect(cold.outputs).toMatchObject({ drift: 'true', 'expected-from': 'replay' });
    expect(cold.summary).toMatch(/Expected schema cache[\s\S]*No entry for this history yet: replayed in .*, written to /);
    const warm = await run();
    expect(warm.outputs).toMatchObject({ drift: 'true', 'drift-count': '2', 'expected-from': 'cache' });
    expect(warm.summary).toMatch(/Expected schema from the cache \(replayed on PostgreSQL 15\)/);
    expect(warm.summary).toMatch(/\| cache read \|/);
    expect(warm.summary).not.toMatch(/\| replay \|/);
    const report = JSON.parse(fs.readFileSync(warm.outputs['report-json'], 'utf8'));
    expect(report.data).toMatchObject({ expectedFrom: 'cache', cache: { status: 'hit' } });
  }, 30_000);
});
