/**
 * The seeder on the example project, as the migration-test "upgrade path with data" check
 * uses it: apply the merged migrations, fill every table, then apply the pull request's
 * migration over the data — on every test major.
 */
import pg from 'pg';
import { freshDatabase, dropTestDatabases, testMajors } from '../helpers/pg.js';
import { toClientConfig } from '../../src/postgres/url.js';
import { seedDatabase } from '../../src/seed/index.js';
import { applyMigrations, migrationNames } from '../fixtures/seed/example-project.js';

afterAll(dropTestDatabases);

const TABLES = ['actions', 'mandala_charts', 'progress_history', 'reflections', 'reminders', 'sub_goals', 'tasks', 'users'];

test.each(testMajors())('PostgreSQL %i: every example table gets rows, and the pull request migrates them', async (major) => {
  const db = await freshDatabase({ major });
  const client = new pg.Client(toClientConfig(db));
  await client.connect();
  try {
    const names = migrationNames();
    const merged = names.length - 1; // the newest migration is the pull request
    expect(await applyMigrations(client, { to: merged })).toHaveLength(merged);
    const result = await seedDatabase(client, { schema: 'public' });
    expect(result.tables.map((t) => t.table).sort()).toEqual(TABLES);
    for (const table of result.tables) expect(table).toEqual({ table: table.table, rows: 50 });
    for (const table of TABLES) {
      expect((await client.query(`SELECT count(*)::int AS n FROM "${table}"`)).rows[0].n).toBe(50);
    }
    // Foreign keys were filled from real parents, not left NULL.
    const linked = await client.query(`SELECT count(*)::int AS n FROM reminders r JOIN tasks t ON t.id = r.task_id`);
    expect(linked.rows[0].n).toBeGreaterThan(25);
    // The view over the seeded tables works, and sub-goals spread over positions 1–8.
    const positions = await client.query(`SELECT count(DISTINCT position)::int AS n FROM sub_goals`);
    expect(positions.rows[0].n).toBe(8);
    expect((await client.query(`SELECT count(*)::int AS n FROM chart_progress`)).rows[0].n).toBe(50);

    expect(await applyMigrations(client, { from: merged })).toEqual([names[merged]]);
    const priorities = await client.query(`SELECT count(*)::int AS n, min(priority) AS lo FROM tasks`);
    expect(priorities.rows[0]).toEqual({ n: 50, lo: 0 });
  } finally {
    await client.end();
  }
});
