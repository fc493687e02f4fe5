/**
 * The batch directive: its options, the statement it governs, and positioned errors for every
 * mistake (file and line), found before anything runs.
 */
import type { ErrorCode } from '../../src/error-codes.js';
import { loadParser, splitStatements } from '../../src/sql/parser.js';
import { batchDirectives, scanBatchDirectives } from '../../src/migrations/batch/directive.js';
import { batchedStatementSql } from '../../src/migrations/batch/run.js';
import { isMigrateActionsError } from '../../src/errors.js';

beforeAll(loadParser);

const source = { file: 'prisma/migrations/20240101_backfill/migration.sql', migration: '20240101_backfill' };
const scan = (sql: string) => scanBatchDirectives(sql, splitStatements(sql), source);
const firstError = (sql: string) => {
  try {
    batchDirectives(sql, splitStatements(sql), source);
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
};

describe('batch directive', () => {
  it('reads size, pause, key, max-lag and timeout, and governs the statement below it', () => {
    const sql = `ALTER TABLE users ADD COLUMN plan text;\n\n-- prisma-migrate-actions: batch size=2000 pause=50ms key=uid max-lag=2s timeout=500ms\nUPDATE users SET plan = 'free' WHERE plan IS NULL;\n`;
    const { batched, errors } = scan(sql);
    expect(errors).toEqual([]);
    expect(batched).toHaveLength(1);
    expect(batched[0].directive).toMatchObject({ line: 3, size: 2000, pauseMs: 50, key: 'uid', maxLagMs: 2000, timeoutMs: 500 });
    expect(batched[0].statement.line).toBe(4);
    expect(batched[0].target).toMatchObject({ kind: 'UPDATE', table: 'users', setColumns: ['plan'] });
  });

  it('defaults: 5000 rows, no pause, the primary key; directive over two lines; other comments between', () => {
    const sql = `-- prisma-migrate-actions: batch\n-- prisma-migrate-actions: pause=1s\n-- fill in\nDELETE FROM "Session" s WHERE s."expiresAt" < now();`;
    const [b] = batchDirectives(sql, splitStatements(sql), source);
    expect(b.directive).toMatchObject({ size: 5000, pauseMs: 1000 });
    expect(b.directive.key).toBeUndefined();
    expect(b.target).toMatchObject({ kind: 'DELETE', table: 'Session', alias: 's' });
  });

  it('a plain comment or a string that mentions the prefix is not a directive', () => {
    const sql = `UPDATE t SET note = '\n-- prisma-migrate-actions: batch size=x\n' WHERE id = 1;`;
    expect(scan(sql)).toEqual({ batched: [], errors: [] });
  });

  it.each([
    ['-- prisma-migrate-actions: batch size=5000 speed=fast\nUPDATE t SET a = 1;', 'E_BATCH_DIRECTIVE', 1, 'Unknown batch option "speed"'],
    ['CREATE TABLE t (id int);\n-- prisma-migrate-actions: batch size=0\nUPDATE t SET a = 1;', 'E_BATCH_DIRECTIVE', 2, 'size=0'],
    ['-- prisma-migrate-actions: batch size=10k\nUPDATE t SET a = 1;', 'E_BATCH_DIRECTIVE', 1, 'size=10k'],
    ['-- prisma-migrate-actions: batch pause=soon\nUPDATE t SET a = 1;', 'E_BATCH_DIRECTIVE', 1, 'pause=soon'],
    ['-- prisma-migrate-actions: batch size=1 size=2\nUPDATE t SET a = 1;', 'E_BATCH_DIRECTIVE', 1, 'given twice'],
    ['-- prisma-migrate-actions: chunk size=1\nUPDATE t SET a = 1;', 'E_BATCH_DIRECTIVE', 1, 'Unknown prisma-migrate-actions directive'],
    ['UPDATE t SET a = 1;\n-- prisma-migrate-actions: batch size=100\n', 'E_BATCH_DIRECTIVE', 2, 'not followed by a statement'],
    ['-- prisma-migrate-actions: batch\nCREATE INDEX t_a ON t (a);', 'E_BATCH_TARGET', 2, 'an Index statement'],
    ['-- prisma-migrate-actions: batch\nINSERT INTO t SELECT * FROM s;', 'E_BATCH_TARGET', 2, 'not an UPDATE or DELETE'],
    ['-- prisma-migrate-actions: batch\nUPDATE t SET a = s.a FROM s WHERE s.id = t.id;', 'E_BATCH_TARGET', 2, 'FROM'],
    ['-- prisma-migrate-actions: batch\nDELETE FROM t USING s WHERE s.id = t.id;', 'E_BATCH_TARGET', 2, 'USING'],
    ['-- prisma-migrate-actions: batch\nUPDATE t SET a = 1 RETURNING id;', 'E_BATCH_TARGET', 2, 'RETURNING'],
    ['-- prisma-migrate-actions: batch\nWITH x AS (SELECT 1) UPDATE t SET a = 1;', 'E_BATCH_TARGET', 2, 'WITH'],
    ['-- prisma-migrate-actions: batch key=id\nUPDATE t SET id = id + 1;', 'E_BATCH_KEY', 2, 'assigns its own batch key'],
    ['BEGIN;\n-- prisma-migrate-actions: batch\nUPDATE t SET a = 1;\nCOMMIT;', 'E_BATCH_TARGET', 2, 'controls its own transactions'],
    ['UPDATE t SET a = 1\n  -- prisma-migrate-actions: batch\nWHERE b;', 'E_BATCH_DIRECTIVE', 2, 'inside a statement'],
  ])('%j → %s at line %d', (sql, code, line, text) => {
    const error = firstError(sql);
    expect(isMigrateActionsError(error, code as ErrorCode)).toBe(true);
    expect((error as Error).message).toContain(text);
    expect((error as { where: unknown }).where).toMatchObject({ ...source, line });
    expect((error as { remedy?: string }).remedy).toBeTruthy();
  });

  it('lists every mistake of a file, in line order', () => {
    const sql = `-- prisma-migrate-actions: batch size=-1\nUPDATE t SET a = 1;\n-- prisma-migrate-actions: batch\nCREATE TABLE x (id int);`;
    expect(scan(sql).errors.map((e) => [e.code, e.where?.line])).toEqual([
      ['E_BATCH_DIRECTIVE', 1],
      ['E_BATCH_TARGET', 4],
    ]);
  });
});

describe('the batched form of the statement', () => {
  const key = { column: 'id', type: 'bigint', relation: '"t"', ref: '"t"."id"', table: 'public.t' };
  const rewrite = (sql: string, lower = true) => {
    const [b] = batchDirectives(sql, splitStatements(sql), source);
    return batchedStatementSql(b, key, lower);
  };

  it('keeps its own WHERE whole (in parentheses) and adds the key range', () => {
    expect(rewrite("-- prisma-migrate-actions: batch\nUPDATE t SET a = 1 WHERE a IS NULL OR b = 'x'")).toBe(
      'UPDATE t SET a = 1 WHERE ( a IS NULL OR b = \'x\'\n) AND "t"."id" > $1 AND "t"."id" <= $2',
    );
  });

  it('a WHERE inside a subquery is not the statement’s; a trailing comment stays a comment', () => {
    expect(rewrite('-- prisma-migrate-actions: batch\nUPDATE t SET a = (SELECT max(v) FROM s WHERE s.t = t.id) -- all rows', false)).toBe(
      'UPDATE t SET a = (SELECT max(v) FROM s WHERE s.t = t.id) -- all rows\nWHERE "t"."id" <= $1',
    );
    expect(rewrite("-- prisma-migrate-actions: batch\nDELETE FROM t WHERE ü = 'é' -- old")).toBe(
      'DELETE FROM t WHERE ( ü = \'é\' -- old\n) AND "t"."id" > $1 AND "t"."id" <= $2',
    );
  });
});
