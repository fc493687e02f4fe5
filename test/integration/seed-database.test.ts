/**
 * The seeder on a purpose-built schema (test/fixtures/seed/kitchen-sink.sql): every fillable
 * table gets rows that satisfy its types, keys and checks; every unfillable one is reported
 * with its reason; the user's seed SQL runs before, after or instead.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freshDatabase, dropTestDatabases } from '../helpers/pg.js';
import { toClientConfig } from '../../src/postgres/url.js';
import { seedDatabase, type SeedResult, type SeedOptions } from '../../src/seed/seed.js';
import { isMigrateActionsError } from '../../src/errors.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'seed');
const kitchenSink = fs.readFileSync(path.join(fixtures, 'kitchen-sink.sql'), 'utf8');

afterAll(dropTestDatabases);

const clients: pg.Client[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.end();
});

/** A client on a new database holding the kitchen-sink schema "app". */
async function kitchenSinkClient(): Promise<pg.Client> {
  const db = await freshDatabase({ schema: 'app' });
  const client = new pg.Client(toClientConfig(db));
  await client.connect();
  clients.push(client);
  await client.query('CREATE SCHEMA app');
  await client.query(kitchenSink);
  return client;
}

async function count(client: pg.Client, table: string): Promise<number> {
  return (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM app.${table}`)).rows[0].n;
}

function byTable(result: SeedResult): Record<string, { rows: number; skipped?: string; note?: string }> {
  return Object.fromEntries(result.tables.map(({ table, ...rest }) => [table, rest]));
}

const UNFILLABLE = ['contradiction', 'eggs', 'hens', 'never', 'never_child', 'riddle', 'shapes'];

describe('seedDatabase on the kitchen-sink schema', () => {
  let client: pg.Client;
  let result: SeedResult;
  const log: string[] = [];

  beforeAll(async () => {
    const db = await freshDatabase({ schema: 'app' });
    client = new pg.Client(toClientConfig(db));
    await client.connect();
    await client.query('CREATE SCHEMA app');
    await client.query(kitchenSink);
    result = await seedDatabase(client, { schema: 'app', rowsPerTable: 50, log: (line) => log.push(line) });
  });
  afterAll(() => client.end());

  test('every fillable table gets the rows asked for; views are not tables', async () => {
    const tables = byTable(result);
    expect(Object.keys(tables).sort()).toEqual(
      [
        'account_settings',
        'accounts',
        'boards',
        'cell_notes',
        'cells',
        'folders',
        'members',
        'slots',
        'teams',
        'ticks',
        ...UNFILLABLE,
      ].sort(),
    );
    for (const name of ['accounts', 'account_settings', 'boards', 'cells', 'cell_notes', 'folders', 'teams', 'members', 'ticks']) {
      expect({ name, ...tables[name] }).toEqual({ name, rows: 50 });
      expect(await count(client, name)).toBe(50);
    }
    expect(result.totalRows).toBe(9 * 50 + 8);
    expect(log).toContain('seed: accounts +50 rows');
  });

  test('unfillable tables are listed with their reason, not thrown', () => {
    const tables = byTable(result);
    for (const name of UNFILLABLE) expect(tables[name].rows).toBe(0);
    expect(tables.never.skipped).toMatch(/check constraint "never_check" .*rejects every row/);
    expect(tables.never_child.skipped).toMatch(/needs rows in "never"/);
    expect(tables.contradiction.skipped).toMatch(/column "n" .*no .*value/);
    expect(tables.riddle.skipped).toMatch(/violates check constraint "riddle_n_check"/);
    expect(tables.shapes.skipped).toMatch(/column "area" \(box\) is NOT NULL and the seeder cannot generate/);
    expect(tables.eggs.skipped).toMatch(/cycle/);
    expect(tables.hens.skipped).toMatch(/cycle/);
  });

  test('a unique column with only 8 allowed values gets 8 rows and a note', async () => {
    expect(byTable(result).slots).toMatchObject({ rows: 8, note: expect.stringMatching(/42 of 50 rows not added/) });
    expect((await client.query('SELECT slot FROM app.slots ORDER BY 1')).rows.map((r) => r.slot)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  test('values follow CHECK constraints, domains, lengths and enums', async () => {
    const { rows } = await client.query(`
      SELECT min(score) AS min_score, max(score) AS max_score, min(char_length(short)) AS min_short, max(char_length(short)) AS max_short,
             bool_and(tier IN ('free', 'pro', 'o''brien')) AS tiers_ok, count(DISTINCT tier)::int AS tiers,
             count(DISTINCT slug)::int AS slugs, count(DISTINCT lower(email))::int AS emails,
             bool_and(name_upper = upper(handle::text)) AS generated_ok, count(DISTINCT mood)::int AS moods
      FROM app.accounts`);
    expect(rows[0]).toMatchObject({ tiers_ok: true, tiers: 3, slugs: 50, emails: 50, generated_ok: true, moods: 3 });
    expect(rows[0].min_score).toBeGreaterThanOrEqual(0);
    expect(rows[0].max_score).toBeLessThanOrEqual(100);
    expect(rows[0].min_short).toBeGreaterThanOrEqual(3);
    expect(rows[0].max_short).toBeLessThanOrEqual(6);
    // The quote in o'brien went in as a parameter, not spliced into SQL text.
    const positions = await client.query(
      `SELECT min(position) AS lo, max(position) AS hi, count(DISTINCT board_id)::int AS boards FROM app.cells`,
    );
    expect(positions.rows[0]).toMatchObject({ lo: 1, hi: 8 });
    expect(positions.rows[0].boards).toBeGreaterThan(5);
  });

  test('foreign keys point at existing parents; cycles and self-references stay NULL only where they must', async () => {
    const q = async (sql: string) => (await client.query(sql)).rows[0];
    expect(await q(`SELECT count(*)::int AS n FROM app.cell_notes n JOIN app.cells c USING (board_id, position)`)).toEqual({ n: 50 });
    expect(await q(`SELECT count(DISTINCT account_id)::int AS n FROM app.account_settings`)).toEqual({ n: 50 }); // one-to-one
    expect(await q(`SELECT count(*)::int AS n FROM app.folders WHERE parent_id IS NOT NULL`)).toEqual({ n: 0 });
    expect(await q(`SELECT count(*)::int AS n FROM app.teams WHERE lead_id IS NOT NULL`)).toEqual({ n: 0 });
    expect(await q(`SELECT count(*)::int AS n FROM app.members m JOIN app.teams t ON t.id = m.team_id`)).toEqual({ n: 50 });
    expect((await q(`SELECT count(DISTINCT account_id)::int AS n FROM app.boards`)).n).toBeGreaterThan(10);
  });
});

describe('seedDatabase options', () => {
  const seedFile = (sql: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-seed-'));
    const file = path.join(dir, 'seed.sql');
    fs.writeFileSync(file, sql);
    return file;
  };

  test('a second run adds rows without colliding with the first run’s unique values', async () => {
    const client = await kitchenSinkClient();
    await seedDatabase(client, { schema: 'app', rowsPerTable: 20 });
    const second = await seedDatabase(client, { schema: 'app', rowsPerTable: 20 });
    expect(byTable(second).accounts).toEqual({ rows: 20 });
    expect(await count(client, 'accounts')).toBe(40);
  });

  test('the same random seed gives the same rows', async () => {
    const dump = async (options: Partial<SeedOptions>) => {
      const client = await kitchenSinkClient();
      await seedDatabase(client, { schema: 'app', rowsPerTable: 10, ...options });
      return (await client.query(`SELECT handle::text, email, balance, tier, moods::text FROM app.accounts ORDER BY id`)).rows;
    };
    const first = await dump({ randomSeed: 7 });
    expect(await dump({ randomSeed: 7 })).toEqual(first);
    expect(await dump({ randomSeed: 8 })).not.toEqual(first);
  });

  test('the seed SQL file runs after (default), before, or instead of the generated rows', async () => {
    const file = seedFile(`INSERT INTO app.slots (slot) VALUES (3), (5);\nINSERT INTO app.ticks DEFAULT VALUES;`);
    const before = await kitchenSinkClient();
    const withBefore = await seedDatabase(before, { schema: 'app', rowsPerTable: 50, seedSqlFile: file, seedSqlPhase: 'before' });
    expect(byTable(withBefore).slots.rows).toBe(6); // 3 and 5 were taken by the file
    expect(await count(before, 'slots')).toBe(8);

    const instead = await kitchenSinkClient();
    const withInstead = await seedDatabase(instead, { schema: 'app', seedSqlFile: file, seedSqlPhase: 'instead' });
    expect(byTable(withInstead).slots).toEqual({ rows: 2 });
    expect(await count(instead, 'accounts')).toBe(0);

    const after = await kitchenSinkClient();
    await expect(seedDatabase(after, { schema: 'app', rowsPerTable: 50, seedSqlFile: file })).rejects.toMatchObject({
      code: 'E_SEED_SQL',
      message: expect.stringMatching(/duplicate key value .*SQLSTATE 23505/),
      where: { file, line: 1 },
    });
  });

  test('a broken seed SQL file names the file and line; a missing one says so', async () => {
    const client = await kitchenSinkClient();
    const broken = seedFile(`INSERT INTO app.ticks DEFAULT VALUES;\n\nINSERT INTO app.nowhere VALUES (1);`);
    const error = await seedDatabase(client, { schema: 'app', rowsPerTable: 0, seedSqlFile: broken }).catch((e: unknown) => e);
    expect(isMigrateActionsError(error, 'E_SEED_SQL')).toBe(true);
    expect(error).toMatchObject({
      where: { file: broken, line: 3, column: 13 },
      message: expect.stringMatching(/relation "app.nowhere" does not exist/),
    });
    expect(await count(client, 'ticks')).toBe(0); // the file runs as one transaction
    await expect(seedDatabase(client, { schema: 'app', seedSqlFile: '/nonexistent/seed.sql' })).rejects.toMatchObject({
      code: 'E_SEED_FILE',
    });
  });

  test('a CHECK between two columns is met by moving the free value, even where retries could not', async () => {
    const client = await kitchenSinkClient();
    await client.query(
      `CREATE TABLE app.periods (starts_on date NOT NULL UNIQUE, ends_on date NOT NULL, CONSTRAINT periods_order CHECK (ends_on >= starts_on))`,
    );
    // Distinct start dates run ~3 years ahead, random end dates only 2: without the fix, late rows have no valid end.
    const result = await seedDatabase(client, { schema: 'app', rowsPerTable: 1000 });
    expect(byTable(result).periods).toEqual({ rows: 1000 });
  });

  test('rowsPerTable 0 adds nothing; a negative count is refused', async () => {
    const client = await kitchenSinkClient();
    const result = await seedDatabase(client, { schema: 'app', rowsPerTable: 0 });
    expect(result.totalRows).toBe(0);
    expect(byTable(result).accounts).toEqual({ rows: 0 });
    await expect(seedDatabase(client, { schema: 'app', rowsPerTable: -1 })).rejects.toMatchObject({ code: 'E_SEED_ROWS' });
  });
});
