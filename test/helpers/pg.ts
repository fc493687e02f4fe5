/**
 * Test databases on the clusters global-setup started. Each call to `freshDatabase` creates a
 * new empty database (cheap: CREATE DATABASE), dropped again by `dropTestDatabases` (call it
 * in afterAll). Nothing here mocks PostgreSQL.
 */
import pg from 'pg';
import { acquirePostgres, type PostgresServer } from '../../src/postgres/ephemeral.js';
import { toClientConfig, type ConnectionSettings } from '../../src/postgres/url.js';

const servers = new Map<number, PostgresServer>();

export function testMajors(): number[] {
  return (process.env.PMA_TEST_MAJORS ?? '15').split(',').map(Number);
}

/** The test server of a major (15 = system, 17 = npm); it is never stopped by a test file. */
export async function testServer(major = 15): Promise<PostgresServer> {
  let server = servers.get(major);
  if (!server) {
    const url = process.env[`PMA_TEST_PG${major}_URL`];
    if (!url) throw new Error(`No test PostgreSQL ${major}: run the tests through jest (global-setup starts it).`);
    server = await acquirePostgres({ databaseUrl: url });
    servers.set(major, server);
  }
  return server;
}

/** A new empty database; `schema` sets Prisma's ?schema=. */
export async function freshDatabase(options: { major?: number; schema?: string; template?: string } = {}): Promise<ConnectionSettings> {
  const server = await testServer(options.major ?? 15);
  return server.createDatabase(undefined, { schema: options.schema, template: options.template });
}

/** Drops every database this test file created. */
export async function dropTestDatabases(): Promise<void> {
  for (const server of servers.values()) await server.stop();
  servers.clear();
}

/** Runs SQL on a database and returns the rows. */
export async function query<T extends pg.QueryResultRow = pg.QueryResultRow>(
  settings: ConnectionSettings,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client(toClientConfig(settings));
  await client.connect();
  try {
    const result = await client.query<T>(sql, params);
    return result.rows;
  } finally {
    await client.end();
  }
}
