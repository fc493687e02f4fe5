/**
 * A deploy against a database owned by an application role (connecting as that role, not as a
 * superuser), with the restore failure policy: the pre-migration backup verified by restore,
 * a failed non-atomic migration, the restore over the target — the owners and grants survive.
 */
import { jest } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { buildDatabaseUrl, parseDatabaseUrl, type ConnectionSettings } from '../../src/postgres/url.js';
import { dropTestDatabases, query, testServer } from '../helpers/pg.js';
import {
  MIGRATIONS,
  catalogChanges,
  check,
  databaseState,
  production,
  runDeployCommand,
  writeHistory,
} from '../fixtures/deploy/harness.js';

jest.setTimeout(180000);

const tag = randomBytes(3).toString('hex');
const APP = `pma_deployer_${tag}`;
const READER = `pma_viewer_${tag}`;

afterAll(async () => {
  await dropTestDatabases();
  const admin = (await testServer(15)).admin;
  for (const role of [APP, READER]) await query(admin, `DROP ROLE IF EXISTS "${role}"`).catch(() => undefined);
  await dropTestDatabases();
});

async function owners(db: ConnectionSettings): Promise<Array<{ name: string; owner: string }>> {
  return query(
    db,
    `SELECT c.relname AS name, pg_get_userbyid(c.relowner) AS owner FROM pg_class c
     WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'S') ORDER BY 1`,
  );
}

test('role-owned database, on-failure restore: backup, failed non-atomic migration, restore; owners and grants kept', async () => {
  const admin = (await testServer(15)).admin;
  await query(admin, `CREATE ROLE "${APP}" LOGIN; CREATE ROLE "${READER}" NOLOGIN`);
  const SEG = '20240201000000_segmented';
  const dir = writeHistory({ [SEG]: MIGRATIONS.segmentedFailure });
  const db = await production(dir);
  await query(
    db,
    `ALTER DATABASE "${db.database}" OWNER TO "${APP}";
     ALTER TABLE "User" OWNER TO "${APP}"; ALTER TABLE _prisma_migrations OWNER TO "${APP}";
     GRANT SELECT ON "User" TO "${READER}";`,
  );
  const asApp = parseDatabaseUrl(buildDatabaseUrl({ host: db.host, port: db.port, user: APP, database: db.database }));
  const ownersBefore = await owners(db);
  expect(ownersBefore.map((o) => o.owner)).toEqual([APP, APP, APP]);
  const before = await databaseState(db);

  const run = await runDeployCommand(asApp, dir, { 'on-failure': 'restore', 'backup-verify': 'restore' });
  expect(run.data.outcome).toBe('restored');
  expect(check(run, 'Backup').status).toBe('pass');
  expect(run.logs.join('\n')).toMatch(/Verified: restored .* into a throwaway PostgreSQL 15/);
  expect(check(run, 'Failure policy').detail).toMatch(/catalog matches the one before this deploy/);

  const after = await databaseState(db);
  expect(catalogChanges(before.snapshot, after.snapshot)).toEqual([]);
  expect(after.rowCounts).toEqual(before.rowCounts);
  expect(await owners(db)).toEqual(ownersBefore);
  const granted = await query<{ ok: boolean }>(db, `SELECT has_table_privilege($1, 'public."User"', 'SELECT') AS ok`, [READER]);
  expect(granted).toEqual([{ ok: true }]);
});
