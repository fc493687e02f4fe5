/**
 * Backups of databases set up as production ones are: objects owned by a login role, grants to a
 * read-only role, default privileges, a view, a sequence, extensions. Verification by restore,
 * restores onto another server (the 17 test cluster has none of the 15 cluster's roles), the
 * target check before anything is restored, and an extension the throwaway server lacks.
 */
import { jest } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createBackup, restoreBackup, type BackupResult } from '../../src/backup/index.js';
import { MigrateActionsError } from '../../src/errors.js';
import { withDatabase, type ConnectionSettings } from '../../src/postgres/url.js';
import { dropTestDatabases, freshDatabase, query, testServer } from '../helpers/pg.js';
import { cleanupBackupTests, dropLater, tempDir } from '../fixtures/backup/support.js';

jest.setTimeout(180000);

const tag = randomBytes(3).toString('hex');
const APP = `pma_app_${tag}`;
const READER = `pma_reader_${tag}`;
const OTHER_OWNER = `pma_owner_${tag}`;
const EXTENSION = `pma_words_${tag}`;
const SHARE_15 = '/usr/share/postgresql/15/extension';

const createdRoles: Array<{ major: number; role: string }> = [];

async function createRole(major: number, role: string, login = false): Promise<void> {
  const admin = (await testServer(major)).admin;
  await query(admin, `CREATE ROLE "${role}" ${login ? 'LOGIN' : 'NOLOGIN'}`);
  createdRoles.push({ major, role });
}

afterAll(async () => {
  await cleanupBackupTests();
  await dropTestDatabases();
  for (const { major, role } of createdRoles.reverse()) {
    const admin = (await testServer(major)).admin;
    await query(admin, `DROP ROLE IF EXISTS "${role}"`).catch(() => undefined);
  }
  for (const file of fs.readdirSync(SHARE_15).filter((f) => f.startsWith(EXTENSION))) fs.rmSync(`${SHARE_15}/${file}`, { force: true });
  await dropTestDatabases();
});

/** The source: schema `shop` and a public table owned by APP, grants to READER, default privileges, extensions. */
async function roleOwnedDatabase(): Promise<ConnectionSettings> {
  const db = await freshDatabase({ major: 15 });
  await query(
    db,
    `CREATE EXTENSION citext; CREATE EXTENSION pgcrypto;
     CREATE SCHEMA shop AUTHORIZATION "${APP}";
     SET ROLE "${APP}";
     CREATE TABLE shop.customer (id serial PRIMARY KEY, email citext UNIQUE NOT NULL, token bytea NOT NULL);
     INSERT INTO shop.customer (email, token) SELECT 'User' || g || '@Example.com', digest(g::text, 'sha256') FROM generate_series(1, 40) g;
     CREATE SEQUENCE shop.order_no START 1000;
     SELECT nextval('shop.order_no');
     CREATE VIEW shop.customer_emails AS SELECT id, lower(email::text) AS email FROM shop.customer;
     RESET ROLE;
     CREATE TABLE public.note (id int PRIMARY KEY, body text);
     INSERT INTO public.note SELECT g, 'n' || g FROM generate_series(1, 7) g;
     ALTER TABLE public.note OWNER TO "${APP}";
     GRANT USAGE ON SCHEMA shop TO "${READER}";
     GRANT SELECT ON shop.customer, shop.customer_emails, public.note TO "${READER}";
     GRANT USAGE ON SEQUENCE shop.order_no TO "${READER}";
     ALTER DEFAULT PRIVILEGES FOR ROLE "${APP}" IN SCHEMA shop GRANT SELECT ON TABLES TO "${READER}";`,
  );
  return db;
}

async function ownersIn(db: ConnectionSettings): Promise<Record<string, string>> {
  const rows = await query<{ name: string; owner: string }>(
    db,
    `SELECT n.nspname || '.' || c.relname AS name, pg_get_userbyid(c.relowner) AS owner FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('shop', 'public') AND c.relkind IN ('r', 'v', 'S') ORDER BY 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.owner]));
}

async function expectRestoreError(promise: Promise<unknown>): Promise<MigrateActionsError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MigrateActionsError);
  return error as MigrateActionsError;
}

async function databaseExists(server: ConnectionSettings, name: string): Promise<boolean> {
  return (await query(server, 'SELECT 1 FROM pg_database WHERE datname = $1', [name])).length > 0;
}

let backup: BackupResult;
let source: ConnectionSettings;

beforeAll(async () => {
  await createRole(15, APP, true);
  await createRole(15, READER);
  source = await roleOwnedDatabase();
  backup = await createBackup({ connection: source, outputDir: tempDir('roles'), prefix: 'shop', verify: 'restore' });
});

describe('a role-owned database', () => {
  test('the manifest records owners, grantees and extensions; verify restore passes with equal row counts', () => {
    expect(backup.manifest.requirements).toEqual({
      roles: { owners: [APP], grantees: [APP, READER].sort() },
      extensions: [
        { name: 'citext', version: expect.any(String), schema: 'public' },
        { name: 'pgcrypto', version: expect.any(String), schema: 'public' },
      ],
    });
    expect(backup.manifest.server.major).toBe(15);
    expect(backup.manifest.pgDump.version).toMatch(/^15\./);
    expect(backup.verification).toEqual({ mode: 'restore', tablesCompared: 2 });
    expect(backup.manifest.tables).toEqual([
      { schema: 'public', table: 'note', rows: 7 },
      { schema: 'shop', table: 'customer', rows: 40 },
    ]);
  });

  test('onto a server without the roles: refused before anything is restored, with the CREATE ROLE statements', async () => {
    const target = (await testServer(17)).admin;
    const name = dropLater(target, `shop_norole_${tag}`);
    const error = await expectRestoreError(restoreBackup({ backupPath: backup.backupPath, connection: target, databaseName: name }));
    expect(error.code).toBe('E_RESTORE_ROLES_MISSING');
    expect(error.message).toContain(`owning objects: ${APP}`);
    expect(error.message).toContain(READER);
    expect(error.remedy).toContain(`CREATE ROLE "${APP}" NOLOGIN;`);
    expect(error.remedy).toContain(`CREATE ROLE "${READER}" NOLOGIN;`);
    expect(error.remedy).toMatch(/no-owner: true.*owner: ROLE.*no-privileges: true/);
    expect(await databaseExists(target, name)).toBe(false);

    // no-owner alone still needs the grantees.
    const grants = await expectRestoreError(
      restoreBackup({ backupPath: backup.backupPath, connection: target, databaseName: name, roles: { noOwner: true } }),
    );
    expect(grants.code).toBe('E_RESTORE_ROLES_MISSING');
    expect(grants.message).toContain(`holding privileges: ${[APP, READER].sort().join(', ')}`);
    expect(grants.message).not.toContain('owning objects');
    expect(grants.remedy).toContain('no-privileges: true');
    expect(await databaseExists(target, name)).toBe(false);
  });

  test('with no-owner and no-privileges: restored onto the other server, owned by the connecting role', async () => {
    const target = (await testServer(17)).admin;
    const name = dropLater(target, `shop_noowner_${tag}`);
    const restored = await restoreBackup({
      backupPath: backup.backupPath,
      connection: target,
      databaseName: name,
      roles: { noOwner: true, noPrivileges: true },
    });
    expect(restored.tablesCompared).toBe(2);
    const db = withDatabase(target, name);
    expect(Object.values(await ownersIn(db))).toEqual(Array(5).fill('postgres'));
    expect((await query(db, `SELECT count(*)::int AS n FROM shop.customer WHERE email = 'user1@example.com'`))[0].n).toBe(1); // citext
  });

  test('with owner: ROLE, the objects belong to that role', async () => {
    await createRole(17, OTHER_OWNER);
    const target = (await testServer(17)).admin;
    const name = dropLater(target, `shop_owner_${tag}`);
    await restoreBackup({
      backupPath: backup.backupPath,
      connection: target,
      databaseName: name,
      roles: { owner: OTHER_OWNER, noPrivileges: true },
    });
    expect(Object.values(await ownersIn(withDatabase(target, name)))).toEqual(Array(5).fill(OTHER_OWNER));

    const missing = await expectRestoreError(
      restoreBackup({ backupPath: backup.backupPath, connection: target, roles: { owner: 'pma_nobody', noPrivileges: true } }),
    );
    expect(missing.code).toBe('E_RESTORE_ROLE_MISSING');
    expect(missing.remedy).toContain('CREATE ROLE "pma_nobody" NOLOGIN;');
  });

  test('with the roles created first: the original owners and grants', async () => {
    await createRole(17, APP, true);
    await createRole(17, READER);
    const target = (await testServer(17)).admin;
    const name = dropLater(target, `shop_roles_${tag}`);
    await restoreBackup({ backupPath: backup.backupPath, connection: target, databaseName: name });
    const db = withDatabase(target, name);
    expect(await ownersIn(db)).toEqual(await ownersIn(source));
    expect(Object.values(await ownersIn(db))).toEqual(Array(5).fill(APP));
    const privileges = await query<{ t: boolean; v: boolean; s: boolean }>(
      db,
      `SELECT has_table_privilege($1, 'shop.customer', 'SELECT') AS t, has_table_privilege($1, 'shop.customer_emails', 'SELECT') AS v,
              has_sequence_privilege($1, 'shop.order_no', 'USAGE') AS s`,
      [READER],
    );
    expect(privileges).toEqual([{ t: true, v: true, s: true }]);
    expect((await query(db, `SELECT count(*)::int AS n FROM pg_default_acl`))[0].n).toBe(1);
    await query(target, `DROP DATABASE "${name}" WITH (FORCE)`); // before the roles go
  });

  test('a target older than the dump is refused, with the reason', async () => {
    const manifest = JSON.parse(fs.readFileSync(backup.manifestPath, 'utf8'));
    const dir = tempDir('newer');
    fs.copyFileSync(backup.backupPath, `${dir}/${manifest.file}`);
    fs.writeFileSync(
      `${dir}/${manifest.file}.manifest.json`,
      JSON.stringify({ ...manifest, server: { version: '18.1', versionNum: 180001, major: 18 } }),
    );
    const error = await expectRestoreError(
      restoreBackup({ backupPath: `${dir}/${manifest.file}`, connection: (await testServer(17)).admin }),
    );
    expect(error.code).toBe('E_RESTORE_VERSION');
    expect(error.message).toMatch(/dumped from PostgreSQL 18\.1; the target runs 17\.\d+, an older major/);
    expect(error.remedy).toMatch(/PostgreSQL 18 or newer/);
  });

  test('a manifest without requirements: the pg_restore failure names the role and the fix', async () => {
    const manifest = JSON.parse(fs.readFileSync(backup.manifestPath, 'utf8'));
    delete manifest.requirements;
    const dir = tempDir('old-manifest');
    fs.copyFileSync(backup.backupPath, `${dir}/${manifest.file}`);
    fs.writeFileSync(`${dir}/${manifest.file}.manifest.json`, JSON.stringify(manifest));
    const target = (await testServer(17)).admin;
    // The 17 cluster has both roles by now (the test above): rename the grantee away for the duration.
    await query(target, `ALTER ROLE "${READER}" RENAME TO "${READER}_away"`);
    try {
      const error = await expectRestoreError(restoreBackup({ backupPath: `${dir}/${manifest.file}`, connection: target }));
      expect(error.code).toBe('E_RESTORE_FAILED');
      expect(error.remedy).toContain(`CREATE ROLE "${READER}" NOLOGIN;`);
      expect(error.remedy).toContain('no-privileges: true');
    } finally {
      await query(target, `ALTER ROLE "${READER}_away" RENAME TO "${READER}"`);
    }
  });
});

describe('an extension the throwaway PostgreSQL lacks', () => {
  test('verification names the unverified objects and still verifies the rest; a restore onto a server without it is refused', async () => {
    fs.writeFileSync(`${SHARE_15}/${EXTENSION}.control`, "default_version = '1.0'\nrelocatable = true\ncomment = 'test words'\n");
    fs.writeFileSync(
      `${SHARE_15}/${EXTENSION}--1.0.sql`,
      "CREATE DOMAIN word AS text CHECK (VALUE ~ '^[a-z]+$');\nCREATE FUNCTION shout(text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT upper($1)';\n",
    );
    const db = await freshDatabase({ major: 15 });
    await query(
      db,
      `CREATE EXTENSION ${EXTENSION};
       CREATE TABLE tagged (id int PRIMARY KEY, w word);
       INSERT INTO tagged VALUES (1, 'abc'), (2, 'def');
       CREATE VIEW shouted AS SELECT id, shout(w) AS loud FROM tagged;
       CREATE TABLE plain (id int PRIMARY KEY, note text);
       INSERT INTO plain SELECT g, 'p' || g FROM generate_series(1, 25) g;
       CREATE TABLE child (id int PRIMARY KEY, plain_id int REFERENCES plain);
       INSERT INTO child SELECT g, g FROM generate_series(1, 5) g;`,
    );
    // The extension stays created in the source; the binaries no longer have it (as PostGIS on a plain runner).
    for (const file of fs.readdirSync(SHARE_15).filter((f) => f.startsWith(EXTENSION))) fs.rmSync(`${SHARE_15}/${file}`);

    const result = await createBackup({ connection: db, outputDir: tempDir('ext'), prefix: 'ext', verify: 'restore' });
    expect(result.manifest.requirements?.extensions).toEqual([{ name: EXTENSION, version: '1.0', schema: 'public' }]);
    const v = result.verification;
    expect(v.missingExtensions).toEqual([EXTENSION]);
    expect(v.tablesCompared).toBe(2); // plain and child restored and counted
    const objects = v.unverified?.map((u) => u.object) ?? [];
    expect(objects).toEqual(expect.arrayContaining(['TABLE public tagged', 'VIEW public shouted', 'TABLE DATA public tagged']));
    expect(objects.some((o) => /plain|child/.test(o))).toBe(false);
    expect(v.unverified?.find((u) => u.object === 'TABLE public tagged')?.reason).toMatch(
      new RegExp(`type "public.word" does not exist \\(needs ${EXTENSION} 1.0, which this runner's PostgreSQL 15 does not have\\)`),
    );
    expect(v.note).toMatch(/2 tables were restored and their row counts match/);
    expect(fs.existsSync(result.manifestPath)).toBe(true);

    const error = await expectRestoreError(restoreBackup({ backupPath: result.backupPath, connection: db }));
    expect(error.code).toBe('E_RESTORE_EXTENSIONS_MISSING');
    expect(error.message).toContain(`${EXTENSION} 1.0 (schema public)`);
    expect(error.message).toMatch(/Available on the target: .*citext/);
    expect(error.remedy).toContain(`Install ${EXTENSION} on the target server`);
  });
});
