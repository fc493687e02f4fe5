/**
 * The linter with a real (read-only) database: table sizes scale severities, and the data a
 * change would break is found — duplicates, NULLs, CHECK violations, orphan foreign keys.
 */
import { dropTestDatabases, freshDatabase, query } from '../helpers/pg.js';
import { lintMigrations, type LintResult, type LintSource } from '../../src/lint/index.js';
import type { ConnectionSettings } from '../../src/postgres/url.js';

const SCHEMA = `
CREATE TABLE orgs (id bigint PRIMARY KEY);
CREATE TABLE users (id bigint PRIMARY KEY, email text, name text, org_id bigint, age int, plan text);
CREATE TABLE tiny (id bigint PRIMARY KEY, v text);
CREATE TABLE big (id bigint PRIMARY KEY, v text);
CREATE TABLE empty (id bigint PRIMARY KEY, v text);
CREATE SEQUENCE s;`;

const DATA = `
INSERT INTO orgs VALUES (1), (2);
INSERT INTO users (id, email, name, org_id, age) VALUES
  (1, 'a@x', 'A', 1, 30), (2, 'a@x', 'B', 2, 40), (3, 'c@x', NULL, 99, -1), (4, NULL, 'D', NULL, 20);
INSERT INTO tiny SELECT g, 'v' FROM generate_series(1, 5) g;
INSERT INTO big SELECT g, 'v' FROM generate_series(1, 3000) g;
ANALYZE;`;

const history: LintSource[] = [{ name: '0_init', path: '0_init/migration.sql', sql: SCHEMA }];
let db: ConnectionSettings;

beforeAll(async () => {
  db = await freshDatabase({ major: 15, schema: 'public' });
  await query(db, SCHEMA);
  await query(db, DATA);
});
afterAll(dropTestDatabases);

const lintSql = (sql: string, extra: Partial<Parameters<typeof lintMigrations>[0]> = {}): Promise<LintResult> =>
  lintMigrations({
    existing: history,
    migrations: [{ name: '1_change', path: '1_change/migration.sql', sql }],
    database: db,
    serverMajor: 15,
    ...extra,
  });
const find = (r: LintResult, id: string) => r.findings.filter((f) => f.ruleId === id);

describe('table sizes scale severity', () => {
  const thresholds = { smallRows: 10, smallBytes: 1024 * 1024, largeRows: 1000, largeBytes: 1024 * 1024 * 1024 };
  test('tiny → notice, large → error, unknown table → default', async () => {
    const sql =
      'ALTER TABLE tiny ALTER COLUMN v TYPE int USING 1;\nALTER TABLE big ALTER COLUMN v TYPE int USING 1;\nALTER TABLE not_in_db ALTER COLUMN v TYPE int USING 1;';
    const result = await lintSql(sql, { config: { thresholds } });
    const byLine = Object.fromEntries(find(result, 'lock/alter-column-type').map((f) => [f.line, f]));
    expect(byLine[1]).toMatchObject({ severity: 'notice', blockedTables: ['public.tiny'] });
    expect(byLine[1].severityReason).toMatch(/small table \(public\.tiny: 5 rows/);
    expect(byLine[2]).toMatchObject({ severity: 'error' });
    expect(byLine[2].severityReason).toMatch(/large table \(public\.big: 3000 rows/);
    expect(byLine[3]).toMatchObject({ severity: 'error', severityReason: undefined });
    expect(result.tableStats.map((s) => s.table).sort()).toEqual(['public.big', 'public.tiny']);
  });
  test('between the thresholds → warning', async () => {
    const result = await lintSql('CREATE INDEX big_v ON big (v);', { config: { thresholds: { ...thresholds, largeRows: 100000 } } });
    expect(find(result, 'lock/create-index-non-concurrent')[0].severity).toBe('warning');
  });
});

describe('data checks', () => {
  test('duplicates before a unique index / constraint', async () => {
    const result = await lintSql(
      'CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);\nALTER TABLE users ADD CONSTRAINT users_name_key UNIQUE (name);',
    );
    const dup = find(result, 'data/duplicate-values');
    expect(dup).toHaveLength(1);
    expect(dup[0]).toMatchObject({ line: 1, severity: 'error' });
    expect(dup[0].message).toMatch(/already holds duplicate values of \(email\)/);
    expect(dup[0].message).not.toContain('a@x'); // row values never leave the database
  });
  test('NULLs before SET NOT NULL, rows before a NOT NULL column without default', async () => {
    const result = await lintSql(
      'ALTER TABLE users ALTER COLUMN name SET NOT NULL;\nALTER TABLE users ALTER COLUMN id SET NOT NULL;\nALTER TABLE users ADD COLUMN tier text NOT NULL;\nALTER TABLE empty ADD COLUMN tier text NOT NULL;',
    );
    expect(find(result, 'data/null-values').map((f) => [f.line, f.severity])).toEqual([
      [1, 'error'],
      [3, 'error'],
    ]);
  });
  test('values outside a new CHECK, evaluated read-only', async () => {
    const result = await lintSql(
      'ALTER TABLE users ADD CONSTRAINT age_ok CHECK (age >= 0);\nALTER TABLE users ADD CONSTRAINT age_sane CHECK (age < 200);\nALTER TABLE users ADD CONSTRAINT pos CHECK (age > 0) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT pos;',
    );
    expect(find(result, 'data/check-violations').map((f) => [f.line, f.severity])).toEqual([
      [1, 'error'],
      [4, 'error'],
    ]);
  });
  test('rows violating a new foreign key (also to a table the change set creates)', async () => {
    const result = await lintSql(
      'ALTER TABLE users ADD CONSTRAINT users_org_fkey FOREIGN KEY (org_id) REFERENCES orgs (id);\nALTER TABLE users ADD CONSTRAINT users_id_fkey FOREIGN KEY (id) REFERENCES orgs;\nCREATE TABLE teams (id bigint PRIMARY KEY);\nALTER TABLE tiny ADD CONSTRAINT tiny_team FOREIGN KEY (id) REFERENCES teams (id);\nALTER TABLE empty ADD CONSTRAINT empty_team FOREIGN KEY (id) REFERENCES teams (id);',
    );
    expect(find(result, 'data/foreign-key-violations').map((f) => f.line)).toEqual([1, 2, 4]);
  });
  test('a data change earlier in the change set turns a violation into a warning', async () => {
    const result = await lintSql("UPDATE users SET name = 'x' WHERE name IS NULL;\nALTER TABLE users ALTER COLUMN name SET NOT NULL;");
    expect(find(result, 'data/null-values')[0]).toMatchObject({ severity: 'warning' });
  });
  test('never writes: a check that would write fails as a notice, and the database is unchanged', async () => {
    const result = await lintSql("ALTER TABLE users ADD CONSTRAINT seq CHECK (nextval('s') > 0);");
    const finding = find(result, 'data/check-violations')[0];
    expect(finding.severity).toBe('notice');
    expect(finding.message).toMatch(/could not check: .*read-only transaction/);
    const [{ last_value, is_called }] = await query(db, 'SELECT last_value, is_called FROM s');
    expect([Number(last_value), is_called]).toEqual([1, false]);
    expect((await query(db, 'SELECT count(*)::int AS n FROM users'))[0].n).toBe(4);
  });
  test('a statement timeout bounds each check', async () => {
    const result = await lintSql('ALTER TABLE users ADD CONSTRAINT slow CHECK (pg_sleep(1) IS NOT NULL);', {
      config: { statementTimeoutMs: 200 },
    });
    expect(find(result, 'data/check-violations')[0].message).toMatch(/statement timeout/);
  });
});
