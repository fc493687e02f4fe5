import { loadParser, splitStatements, SqlParseError } from '../../src/sql/parser.js';

beforeAll(loadParser);

describe('splitStatements', () => {
  test('keeps positions, dollar quotes, comments and a missing final semicolon', () => {
    const sql = [
      '-- leading comment',
      'CREATE TABLE "a" (id int);',
      '',
      '/* block /* nested */ comment */',
      'CREATE FUNCTION touch() RETURNS trigger AS $fn$',
      'BEGIN NEW.updated_at = now(); RETURN NEW; END; -- ; inside',
      '$fn$ LANGUAGE plpgsql;',
      '  CREATE INDEX CONCURRENTLY "a_id" ON "a"(id)',
    ].join('\n');
    const statements = splitStatements(sql, { file: 'm/migration.sql' });
    expect(statements.map((s) => [s.kind, s.line, s.column, s.transactional])).toEqual([
      ['CreateStmt', 2, 1, true],
      ['CreateFunctionStmt', 5, 1, true],
      ['IndexStmt', 8, 3, false],
    ]);
    expect(statements[1].text).toContain('RETURN NEW; END; -- ; inside\n$fn$ LANGUAGE plpgsql');
    expect(statements[2].text).toBe('CREATE INDEX CONCURRENTLY "a_id" ON "a"(id)');
  });

  test('offsets stay right after multi-byte characters', () => {
    const statements = splitStatements("INSERT INTO t VALUES ('Ünïcødé 🎯');\nSELECT 2;");
    expect(statements[0].text).toBe("INSERT INTO t VALUES ('Ünïcødé 🎯')");
    expect(statements[1]).toMatchObject({ text: 'SELECT 2', line: 2, column: 1 });
  });

  test('marks non-transactional statements and transaction control', () => {
    const statements = splitStatements(
      "BEGIN; DROP INDEX CONCURRENTLY i; REINDEX INDEX CONCURRENTLY i; VACUUM t; ALTER TYPE e ADD VALUE 'x'; COMMIT;",
      { serverMajor: 11 },
    );
    expect(statements.map((s) => s.transactional)).toEqual([true, false, false, false, false, true]);
    expect(statements[0].transactionControl).toBe('BEGIN');
    expect(statements[5].transactionControl).toBe('COMMIT');
    expect(splitStatements("ALTER TYPE e ADD VALUE 'x'", { serverMajor: 15 })[0].transactional).toBe(true);
  });

  test('a syntax error reports file, line and column', () => {
    let caught: unknown;
    try {
      splitStatements('CREATE TABLE a (id int);\nCREATE TABEL b (id int);', { file: 'x/migration.sql' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SqlParseError);
    expect((caught as SqlParseError).where).toEqual({ file: 'x/migration.sql', migration: undefined, line: 2, column: 8 });
    expect((caught as SqlParseError).message).toMatch(/syntax error at or near "TABEL"/);
  });

  test('an unterminated dollar quote is a positioned error, not a crash', () => {
    expect(() => splitStatements('SELECT 1;\nDO $$ BEGIN')).toThrow(SqlParseError);
  });

  test('empty and comment-only files have no statements', () => {
    expect(splitStatements('')).toEqual([]);
    expect(splitStatements('-- nothing\n/* here */\n')).toEqual([]);
  });
});
