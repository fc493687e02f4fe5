/**
 * The linter and batch directives: the backfill rule's fix is the statement under a directive,
 * sized from the table when a database is given; a batched backfill is not flagged as holding
 * the DDL's locks with the built-in engine, and is flagged (twice over) with the Prisma CLI.
 */
import { dropTestDatabases, freshDatabase, query } from '../helpers/pg.js';
import { lintMigrations, type LintSource } from '../../src/lint/index.js';
import { batchSizeFor } from '../../src/lint/rules/batch.js';
import { loadParser, splitStatements } from '../../src/sql/parser.js';
import { scanBatchDirectives } from '../../src/migrations/batch/directive.js';

afterAll(dropTestDatabases);

const SCHEMA = 'CREATE TABLE wide (id bigint PRIMARY KEY, body text, plan text);\nCREATE TABLE narrow (id bigint PRIMARY KEY, plan text);';
const history: LintSource[] = [{ name: '0_init', path: '0_init/migration.sql', sql: SCHEMA }];
const change = (sql: string): LintSource[] => [{ name: '1_change', path: '1_change/migration.sql', sql }];

describe('lint and batch directives', () => {
  it('suggests the directive, sized from the table: wide rows get smaller batches', async () => {
    const db = await freshDatabase();
    await query(db, SCHEMA);
    await query(
      db,
      "INSERT INTO wide SELECT g, repeat('x', 1500) FROM generate_series(1, 20000) g; INSERT INTO narrow SELECT g FROM generate_series(1, 20000) g; ANALYZE;",
    );
    const sql = (t: string) => `ALTER TABLE ${t} ADD COLUMN flag boolean;\nUPDATE ${t} SET plan = 'free' WHERE plan IS NULL;`;
    const fix = async (t: string, database?: typeof db) => {
      const result = await lintMigrations({ existing: history, migrations: change(sql(t)), database, serverMajor: 15 });
      return result.findings.find((f) => f.ruleId === 'lock/backfill-in-ddl-migration')?.replacement;
    };
    expect(await fix('wide')).toBe(
      `-- prisma-migrate-actions: batch size=5000 pause=50ms\nUPDATE wide SET plan = 'free' WHERE plan IS NULL`,
    );
    const wide = await fix('wide', db);
    const narrow = await fix('narrow', db);
    const size = (text?: string) => Number(/size=(\d+)/.exec(text ?? '')?.[1]);
    expect(size(wide)).toBeGreaterThanOrEqual(500);
    expect(size(wide)).toBeLessThan(2000);
    expect(size(narrow)).toBe(10000);
    // The suggested text is a directive the engine accepts.
    await loadParser();
    expect(scanBatchDirectives(wide!, splitStatements(wide!)).errors).toEqual([]);
  });

  it('batch sizes: about 2 MB of rows, 500 to 10 000, 5 000 when the size is unknown', () => {
    expect(batchSizeFor([])).toBe(5000);
    expect(batchSizeFor([{ table: 't', rows: 1000, bytes: 100 * 1000 }])).toBe(10000);
    expect(batchSizeFor([{ table: 't', rows: 1000, bytes: 1000 * 1000 }])).toBe(2000);
    expect(batchSizeFor([{ table: 't', rows: 10, bytes: 10 * 100_000 }])).toBe(500);
  });

  it('a batched backfill next to DDL is fine with the built-in engine; the Prisma CLI gets two warnings', async () => {
    const sql =
      "ALTER TABLE narrow ADD COLUMN flag boolean;\n-- prisma-migrate-actions: batch size=5000\nUPDATE narrow SET plan = 'free' WHERE plan IS NULL;";
    const builtin = await lintMigrations({ existing: history, migrations: change(sql) });
    expect(builtin.findings.map((f) => f.ruleId)).toEqual([]);
    const prisma = await lintMigrations({ existing: history, migrations: change(sql), engine: 'prisma' });
    const ids = prisma.findings.map((f) => [f.ruleId, f.line]);
    expect(ids).toContainEqual(['lock/backfill-in-ddl-migration', 3]);
    expect(ids).toContainEqual(['batch/ignored-by-prisma-cli', 3]);
  });

  it('directive mistakes are findings at the directive line, every one of them', async () => {
    const sql =
      "-- prisma-migrate-actions: batch size=0\nUPDATE narrow SET plan = 'a' WHERE plan IS NULL;\n\n-- prisma-migrate-actions: batch\nINSERT INTO narrow VALUES (1);";
    const result = await lintMigrations({ existing: history, migrations: change(sql) });
    const found = result.findings.filter((f) => f.ruleId === 'batch/invalid-directive');
    expect(found.map((f) => [f.line, f.severity])).toEqual([
      [1, 'error'],
      [5, 'error'],
    ]);
    expect(found[0].message).toContain('size=0');
    expect(found[1].message).toContain('an Insert statement');
  });
});
