/**
 * countTableRows: exact counts of many tables in a few queries, in the order asked, with or
 * without the rows of inheritance children and partitions.
 */
import { countTableRows } from '../../src/postgres/row-counts.js';
import { openClient } from '../../src/postgres/client.js';
import { dropTestDatabases, freshDatabase } from '../helpers/pg.js';

afterAll(dropTestDatabases);

test('counts each table in the order given, across query chunks, with ONLY when asked', async () => {
  const db = await freshDatabase();
  const client = await openClient(db);
  try {
    await client.query(`
      CREATE TABLE a (id int); INSERT INTO a SELECT generate_series(1, 3);
      CREATE TABLE b (id int);
      CREATE TABLE "Mixed ""Case""" (id int); INSERT INTO "Mixed ""Case""" VALUES (1);
      CREATE TABLE parent (id int); INSERT INTO parent VALUES (1);
      CREATE TABLE child () INHERITS (parent); INSERT INTO child VALUES (2), (3);
      CREATE TABLE events (at date) PARTITION BY RANGE (at);
      CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
      INSERT INTO events VALUES ('2025-03-01'), ('2025-04-01')`);
    const tables = ['a', 'b', 'Mixed "Case"', 'parent', 'child', 'events_2025'].map((name) => ({ schema: 'public', name }));
    expect(await countTableRows(client, tables, { only: true, tablesPerQuery: 2 })).toEqual([3, 0, 1, 1, 2, 2]);
    expect(await countTableRows(client, tables, { only: false })).toEqual([3, 0, 1, 3, 2, 2]);
    expect(await countTableRows(client, [{ schema: 'public', name: 'events' }], { only: false })).toEqual([2]);
    expect(await countTableRows(client, [], { only: true })).toEqual([]);
  } finally {
    await client.end();
  }
});
