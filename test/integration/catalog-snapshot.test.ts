import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { freshDatabase, dropTestDatabases, query, testMajors } from '../helpers/pg.js';
import { toClientConfig, type ConnectionSettings } from '../../src/postgres/url.js';
import { snapshotSchema, diffSnapshots, reconcileSql, type CatalogSnapshot, type SnapshotOptions } from '../../src/catalog/index.js';

afterAll(dropTestDatabases);

const FIXTURE = path.resolve('test/fixtures/drift');
const APPLIED = ['20240101000000_init', '20240201000000_profiles'];
const DRIFT_DIFFERENCES = JSON.parse(fs.readFileSync(path.join(FIXTURE, 'drift-differences.json'), 'utf8')) as string[];

function migrationSql(name: string): string {
  return fs.readFileSync(path.join(FIXTURE, 'migrations', name, 'migration.sql'), 'utf8');
}

async function builtDatabase(major: number, extraSql: string[] = []): Promise<ConnectionSettings> {
  const db = await freshDatabase({ major });
  for (const sql of [...APPLIED.map(migrationSql), ...extraSql]) await query(db, sql);
  return db;
}

async function snapshotOf(db: ConnectionSettings, options: SnapshotOptions = {}): Promise<CatalogSnapshot> {
  const client = new pg.Client(toClientConfig(db));
  await client.connect();
  try {
    return await snapshotSchema(client, options);
  } finally {
    await client.end();
  }
}

const summary = (snapshot: CatalogSnapshot, other: CatalogSnapshot): string[] =>
  diffSnapshots(snapshot, other).differences.map((d) => `${d.objectType} ${d.change} ${d.identity}: ${d.detail}`);

describe('snapshotSchema', () => {
  test.each(testMajors())('PostgreSQL %i: the same migrations built twice show no drift', async (major) => {
    const [a, b] = await Promise.all([builtDatabase(major), builtDatabase(major)]);
    const [sa, sb] = await Promise.all([snapshotOf(a), snapshotOf(b)]);
    expect(sa.serverMajor).toBe(major);
    expect(summary(sa, sb)).toEqual([]);
    // A snapshot that read nothing would also show no drift: check it saw the fixture.
    expect(Object.keys(sa.objects.table)).toEqual(
      expect.arrayContaining([
        'public.User',
        'public.Goal',
        'public.Profile',
        'public.Ünïcode Tåble',
        'public.events',
        'public.events_2024',
      ]),
    );
    expect(sa.objects.enum['public.select'].values).toEqual(['ä', "b'q", 'Mixed Case']);
    expect(sa.objects.enum['public.Status'].values).toEqual(['draft', 'active', 'suspended', 'archived']);
  });

  test('a schema built on PostgreSQL 15 equals the same schema built on 17', async () => {
    const majors = testMajors();
    expect(majors).toEqual(expect.arrayContaining([15, 17]));
    const [a, b] = await Promise.all([builtDatabase(15), builtDatabase(17)]);
    const [s15, s17] = await Promise.all([snapshotOf(a), snapshotOf(b)]);
    expect(summary(s15, s17)).toEqual([]);
    expect(summary(s17, s15)).toEqual([]);
  });

  test('reads every kind of object with its properties', async () => {
    const db = await builtDatabase(15);
    const s = await snapshotOf(db);
    const o = s.objects;
    expect(o.extension.hstore).toEqual({ name: 'hstore', version: '1.7', schema: 'public' });
    expect(o.table['public.events']).toMatchObject({ kind: 'partitioned', partitionKey: 'RANGE (at)' });
    expect(o.table['public.events_2024']).toMatchObject({
      partitionOf: 'public.events',
      partitionBound: "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
    });
    expect(o.table['public.cache_entries'].persistence).toBe('unlogged');
    expect(o.table['public.Goal'].rowSecurity).toBe(true);
    expect(o.column['public.Goal.id'].identity).toBe('always');
    expect(o.column['public.Goal.titleLower'].generated).toBe('lower((title)::text)');
    expect(o.column['public.User.displayName'].collation).toBe('"C"');
    expect(o.column['public.User.status']).toMatchObject({ type: 'public."Status"', notNull: true, default: '\'draft\'::public."Status"' });
    expect(o.column['public.Ünïcode Tåble."Mixed""Quote"'].default).toBe("'it''s'::text");
    expect(o.constraint['public.Goal.goal_title_nonempty']).toMatchObject({
      kind: 'check',
      validated: false,
      definition: "CHECK (((title)::text <> ''::text))",
    });
    expect(o.constraint['public.Booking.Booking_no_overlap'].kind).toBe('exclusion');
    expect(o.constraint['public.Goal.Goal_userId_fkey'].definition).toBe(
      'FOREIGN KEY ("userId") REFERENCES public."User"(id) ON UPDATE CASCADE ON DELETE CASCADE',
    );
    expect(o.index['public.User.User_email_key'].valid).toBe(true);
    // Indexes behind constraints are the constraint; partition indexes are the parent's.
    expect(o.index['public.User.User_pkey']).toBeUndefined();
    expect(Object.keys(o.index).filter((k) => k.startsWith('public.events_2024.'))).toEqual([]);
    expect(o.index['public.goal_stats.goal_stats_user']).toBeDefined();
    expect(o.sequence['public.User_id_seq'].ownedBy).toBe('public.User.id');
    expect(o.sequence['public.invoice_number']).toMatchObject({ start: '1000', increment: '5', dataType: 'bigint' });
    expect(o.view['public.goal_stats'].materialized).toBe(true);
    expect(o.function['public.goal_count(p_user integer)'].kind).toBe('function');
    expect(o.function['public.archive_user(IN p_id integer)'].kind).toBe('procedure');
    expect(o.trigger['public.Goal.goal_touch'].enabled).toBe('O');
    expect(o.policy['public.Goal.goal_owner']).toMatchObject({ command: 'SELECT', roles: ['public'], permissive: true });
    // Extension members belong to the extension.
    expect(Object.keys(o.function).some((k) => k.includes('hstore'))).toBe(false);
  });

  test('reads grants when asked, and leaves out excluded objects', async () => {
    const db = await builtDatabase(15, [
      'DO $$ BEGIN CREATE ROLE pma_reader; EXCEPTION WHEN duplicate_object THEN NULL; END $$',
      'GRANT SELECT ON "User" TO pma_reader',
    ]);
    const s = await snapshotOf(db, { includeGrants: true, exclude: ['public.Goal', 'function:**'] });
    expect(s.objects.grant['public.User:pma_reader'].privileges).toEqual(['SELECT']);
    expect(s.objects.table['public.Goal']).toBeUndefined();
    expect(s.objects.column['public.Goal.title']).toBeUndefined();
    expect(Object.keys(s.objects.function)).toEqual([]);
    expect(s.objects.table['public.User']).toBeDefined();
    const without = await snapshotOf(db);
    expect(without.objects.grant).toEqual({});
  });

  test('an unreadable catalog is a typed error and leaves the session usable', async () => {
    const db = await freshDatabase({ major: 15 });
    const client = new pg.Client(toClientConfig(db));
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT 1/0').catch(() => undefined); // an aborted transaction
      await expect(snapshotSchema(client)).rejects.toMatchObject({ code: 'E_CATALOG_READ' });
      expect((await client.query('SELECT 1 AS one')).rows[0].one).toBe(1);
    } finally {
      await client.end();
    }
  });
});

describe('diffSnapshots and reconcileSql on a drifted database', () => {
  const drift = fs.readFileSync(path.join(FIXTURE, 'drift.sql'), 'utf8');

  test.each(testMajors())('PostgreSQL %i: each drifted object is reported once, and reconcile SQL removes the drift', async (major) => {
    const [clean, drifted] = await Promise.all([builtDatabase(major), builtDatabase(major, [drift])]);
    const [expected, actual] = await Promise.all([snapshotOf(clean), snapshotOf(drifted)]);
    const diff = diffSnapshots(expected, actual);
    const found = diff.differences.map((d) => `${d.objectType} ${d.change} ${d.identity}`).sort();
    expect(found).toEqual(DRIFT_DIFFERENCES);
    const byId = new Map(diff.differences.map((d) => [`${d.objectType} ${d.identity}`, d]));
    const pick = (key: string, field: string): [unknown, unknown] => {
      const d = byId.get(key)!;
      return [(d.expected as unknown as Record<string, unknown>)[field], (d.actual as unknown as Record<string, unknown>)[field]];
    };
    expect(pick('column public.Goal.progress', 'default')).toEqual(['0', '5']);
    expect(byId.get('column public.Goal.progress')!.fields).toEqual(['default']);
    expect(pick('column public.User.score', 'type')).toEqual(['numeric(10,2)', 'numeric(12,2)']);
    expect(pick('column public.User.displayName', 'notNull')).toEqual([false, true]);
    expect(pick('column public.Ünïcode Tåble."Mixed""Quote"', 'default')).toEqual(["'it''s'::text", "'nope'::text"]);
    expect(pick('trigger public.Goal.goal_touch', 'enabled')).toEqual(['O', 'D']);
    expect(pick('enum public.Status', 'values')).toEqual([
      ['draft', 'active', 'suspended', 'archived'],
      ['draft', 'active', 'suspended', 'archived', 'banned'],
    ]);
    expect(pick('policy public.Goal.goal_owner', 'command')).toEqual(['SELECT', 'ALL']);
    expect(pick('extension hstore', 'version')).toEqual(['1.7', '1.8']);
    expect(pick('constraint public.Goal.goal_title_nonempty', 'validated')).toEqual([false, true]);
    expect(pick('table public.Goal', 'rowSecurity')).toEqual([true, false]);
    expect(String(pick('view public.active_users', 'definition')[1])).toContain("'draft'");
    expect(String(pick('function public.goal_count(p_user integer)', 'definition')[1])).toContain('count(*) + 1');
    expect(byId.get('index public.User.select')!.severity).toBe('warning');
    expect(byId.get('table public.Profile')!.severity).toBe('error');

    // Round trip: run every automatic step on the drifted database, one statement group at a time.
    const steps = reconcileSql(diff, expected, actual);
    for (const step of steps.filter((s) => !s.manual)) {
      await query(drifted, step.sql).catch((error: Error) => {
        throw new Error(`reconcile step failed: ${step.sql}\n${error.message}`);
      });
    }
    const after = diffSnapshots(expected, await snapshotOf(drifted));
    expect(after.differences.map((d) => `${d.objectType} ${d.change} ${d.identity}`).sort()).toEqual([
      'enum changed public.Status',
      'extension changed hstore',
    ]);
    expect(
      steps
        .filter((s) => s.manual)
        .map((s) => s.identity)
        .sort(),
    ).toEqual(['hstore', 'public.Status']);
    expect(steps.find((s) => s.identity === 'public.Stray')).toMatchObject({ destructive: true, sql: 'DROP TABLE "public"."Stray";' });
  });

  test('ignore patterns drop matching differences and count them', async () => {
    const [clean, drifted] = await Promise.all([builtDatabase(15), builtDatabase(15, [drift])]);
    const [expected, actual] = await Promise.all([snapshotOf(clean), snapshotOf(drifted)]);
    const all = diffSnapshots(expected, actual).differences.length;
    const diff = diffSnapshots(expected, actual, { ignore: ['public.Stray', 'trigger:public.User.*', 'public.Ünïcode Tåble'] });
    expect(diff.ignored).toBe(3);
    expect(diff.differences).toHaveLength(all - 3);
    expect(diff.differences.some((d) => d.identity === 'public.User.user_audit' || d.identity === 'public.Stray')).toBe(false);
    // A typed pattern of another type does not hide the trigger's table.
    expect(diffSnapshots(expected, actual, { ignore: ['index:public.User.*'] }).ignored).toBe(1);
  });
});
