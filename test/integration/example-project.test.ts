/**
 * The example project (prisma/): its migrations apply in order on every test major, the
 * hand-edited objects exist, and schema.prisma — turned into SQL by the real Prisma CLI —
 * builds the same tables, columns, indexes, enums and keys as the migrations.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { freshDatabase, dropTestDatabases, testMajors } from '../helpers/pg.js';
import { toClientConfig, type ConnectionSettings } from '../../src/postgres/url.js';
import {
  applyMigrations,
  examplePrismaDir,
  exampleMigrationsDir,
  migrationNames,
  prismaModelledObjects,
  prismaSchemaToSql,
  runScript,
} from '../fixtures/seed/example-project.js';

afterAll(dropTestDatabases);

async function withClient<T>(settings: ConnectionSettings, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(toClientConfig(settings));
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function column<T = string>(client: pg.Client, sql: string, params: unknown[] = []): Promise<T[]> {
  const result = await client.query(sql, params);
  return result.rows.map((row) => Object.values(row)[0] as T);
}

describe('the example project migrations', () => {
  const names = migrationNames();

  test('the history is 8–12 Prisma migration folders with a postgresql lock file', () => {
    expect(names.length).toBeGreaterThanOrEqual(8);
    expect(names.length).toBeLessThanOrEqual(12);
    for (const name of names) {
      expect(name).toMatch(/^\d{14}_[a-z0-9_]+$/);
      expect(fs.existsSync(path.join(exampleMigrationsDir, name, 'migration.sql'))).toBe(true);
    }
    expect(fs.readFileSync(path.join(exampleMigrationsDir, 'migration_lock.toml'), 'utf8')).toMatch(/^provider = "postgresql"$/m);
  });

  test('the hand-edited migrations real projects have are all there', () => {
    const sql = names.map((name) => fs.readFileSync(path.join(exampleMigrationsDir, name, 'migration.sql'), 'utf8')).join('\n');
    expect(sql).toMatch(/CREATE EXTENSION IF NOT EXISTS "pgcrypto"/);
    expect(sql).toMatch(/\$\$ LANGUAGE plpgsql/);
    expect(sql).toMatch(/CREATE VIEW "chart_progress"/);
    expect(sql).toMatch(/ALTER TYPE "GoalStatus" ADD VALUE 'PAUSED'/);
    expect(sql).toMatch(/^UPDATE "tasks" SET "completed_at"/m);
    const concurrent = names.find((name) =>
      /CONCURRENTLY/.test(fs.readFileSync(path.join(exampleMigrationsDir, name, 'migration.sql'), 'utf8')),
    );
    const concurrentSql = fs.readFileSync(path.join(exampleMigrationsDir, concurrent!, 'migration.sql'), 'utf8');
    expect(concurrentSql.match(/;/g)).toHaveLength(1); // alone in its file: Prisma sends a file as one transaction
  });

  test.each(testMajors())('apply in order on PostgreSQL %i and create the key objects', async (major) => {
    const db = await freshDatabase({ major });
    await withClient(db, async (client) => {
      expect(await applyMigrations(client)).toEqual(names);
      const tables = await column(client, `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
      expect(tables).toEqual(['actions', 'mandala_charts', 'progress_history', 'reflections', 'reminders', 'sub_goals', 'tasks', 'users']);
      expect(await column(client, `SELECT extname FROM pg_extension WHERE extname = 'pgcrypto'`)).toEqual(['pgcrypto']);
      expect(await column(client, `SELECT viewname FROM pg_views WHERE schemaname = 'public'`)).toEqual(['chart_progress']);
      expect(await column(client, `SELECT tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1`)).toHaveLength(5);
      expect(
        await column(
          client,
          `SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = '"GoalStatus"'::regtype`,
        ),
      ).toEqual(['DRAFT,ACTIVE,COMPLETED,ARCHIVED,PAUSED']);
      const checks = await column(client, `SELECT conname FROM pg_constraint WHERE contype = 'c' ORDER BY 1`);
      expect(checks).toEqual(expect.arrayContaining(['actions_position_check', 'sub_goals_position_check']));
      const indexes = await column(client, `SELECT indexname FROM pg_indexes WHERE schemaname = 'public'`);
      expect(indexes).toEqual(
        expect.arrayContaining(['tasks_user_id_due_date_idx', 'reminders_pending_remind_at_idx', 'tasks_status_priority_idx']),
      );
      expect(await column(client, `SELECT count(*)::int FROM pg_index WHERE NOT indisvalid`)).toEqual([0]);
    });
  });

  test('positions outside 1–8, the trigger and the view behave as the app expects', async () => {
    const db = await freshDatabase();
    await withClient(db, async (client) => {
      await applyMigrations(client);
      await client.query(
        `INSERT INTO users (id, email, updated_at) VALUES ('00000000-0000-0000-0000-000000000001', 'a@example.com', '2000-01-01')`,
      );
      await client.query(
        `INSERT INTO mandala_charts (id, user_id, title, central_goal, updated_at)
         VALUES ('00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000001', 'Marathon', 'Run a marathon', now())`,
      );
      const subGoal = `INSERT INTO sub_goals (id, chart_id, position, title, updated_at) VALUES (gen_random_uuid(), '00000000-0000-0000-0000-000000000002', $1, 't', now())`;
      await client.query(subGoal, [8]);
      await expect(client.query(subGoal, [9])).rejects.toMatchObject({ code: '23514', constraint: 'sub_goals_position_check' });
      await expect(client.query(subGoal, [8])).rejects.toMatchObject({ code: '23505' });
      await client.query(`UPDATE users SET display_name = 'A'`);
      expect(await column(client, `SELECT updated_at > '2000-01-02' FROM users`)).toEqual([true]);
      expect(await column(client, `SELECT sub_goal_count::int FROM chart_progress`)).toEqual([1]);
    });
  });
});

describe('schema.prisma agrees with the migrations', () => {
  const admin = process.env.PMA_TEST_PG15_URL;
  const diff = admin
    ? prismaSchemaToSql(path.join(examplePrismaDir, 'schema.prisma'), admin)
    : { ok: false, sql: '', reason: 'no test PostgreSQL' };
  if (!diff.ok) console.warn(`Skipping the schema.prisma comparison: the Prisma CLI cannot run here — ${diff.reason}`);
  const prismaTest = diff.ok ? test : test.skip;

  prismaTest('prisma migrate diff --from-empty builds the same modelled objects as the migrations', async () => {
    const fromMigrations = await freshDatabase();
    const fromSchema = await freshDatabase();
    const expected = await withClient(fromMigrations, async (client) => {
      await applyMigrations(client);
      return prismaModelledObjects(client);
    });
    const actual = await withClient(fromSchema, async (client) => {
      await runScript(client, diff.sql, 'prisma migrate diff output');
      return prismaModelledObjects(client);
    });
    expect(actual.columns.length).toBeGreaterThan(50);
    expect(actual).toEqual(expected);
  });

  prismaTest('the comparison notices a model field that no migration contains', async () => {
    const schemaText = fs.readFileSync(path.join(examplePrismaDir, 'schema.prisma'), 'utf8');
    const changed = schemaText.replace(
      '  onboarded   Boolean  @default(false)\n',
      '  onboarded   Boolean  @default(false)\n  nickname    String?\n',
    );
    expect(changed).not.toBe(schemaText);
    const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'pma-example-'));
    try {
      const schemaPath = path.join(dir, 'schema.prisma');
      fs.writeFileSync(schemaPath, changed);
      const changedDiff = prismaSchemaToSql(schemaPath, admin!);
      expect(changedDiff.ok).toBe(true);
      const [fromMigrations, fromSchema] = [await freshDatabase(), await freshDatabase()];
      const expected = await withClient(fromMigrations, async (client) => {
        await applyMigrations(client);
        return prismaModelledObjects(client);
      });
      const actual = await withClient(fromSchema, async (client) => {
        await runScript(client, changedDiff.sql);
        return prismaModelledObjects(client);
      });
      expect(actual).not.toEqual(expected);
      expect(actual.columns.filter((line) => !expected.columns.includes(line))).toEqual(['users.nickname text']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
