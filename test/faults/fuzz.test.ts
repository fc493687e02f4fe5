/**
 * Fuzzing the statement splitter and the linter with generated SQL (fast-check): whatever the
 * input, the only failure is a positioned parse error (splitter) or a positioned
 * lint/syntax-error finding (linter) — never a crash, never a position outside the file.
 */
import fc from 'fast-check';
import { loadParser, splitStatements, SqlParseError } from '../../src/sql/parser.js';
import { lintMigrations } from '../../src/lint/index.js';
import { scenario } from './support.js';

const AREA = 'Hostile input: fuzzing';
const RUNS = 300;

const identifier = fc
  .oneof(fc.constantFrom('t', 'users', 'Order', 'select', 'from', 'user', 'ünï', '✓', 'a b'), fc.string({ minLength: 1, maxLength: 8 }))
  .map((s) => `"${s.replace(/"/g, '""').replace(/\0/g, '')}"`);

/** Fragments that stress lexing: quotes, dollar quotes, comments, unicode, line endings. */
const fragment = fc.oneof(
  fc.constantFrom(
    'CREATE TABLE',
    'ALTER TABLE',
    'ADD COLUMN',
    'DROP',
    'INDEX',
    'CONCURRENTLY',
    'NOT NULL',
    'DEFAULT',
    'int',
    'text',
    '(',
    ')',
    ',',
    ';',
    ';;',
    "'",
    "''",
    "'it''s'",
    "E'\\n'",
    '$$',
    '$body$',
    '$x$ a $x$',
    '--',
    '-- comment\n',
    '/*',
    '*/',
    '/* /* nested */ */',
    '"',
    '""',
    '\n',
    '\r\n',
    '\t',
    '\uFEFF',
    'ü',
    '✓',
    '😀',
    '\\',
    'BEGIN',
    'COMMIT',
    'VACUUM',
    'INSERT INTO',
    'VALUES',
    'SELECT 1',
    '0x',
    '1e9',
  ),
  identifier,
  fc.string({ maxLength: 6 }),
);
const soup = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(' ').replace(/\0/g, ''));

const STATEMENTS = [
  (a: string, b: string) => `CREATE TABLE ${a} (id int PRIMARY KEY, ${b} text)`,
  (a: string, b: string) => `ALTER TABLE ${a} ADD COLUMN ${b} int NOT NULL DEFAULT 0`,
  (a: string, b: string) => `CREATE INDEX CONCURRENTLY ON ${a} (${b})`,
  (a: string, b: string) => `INSERT INTO ${a} (${b}) VALUES ('x;y'), ($q$;$q$)`,
  (a: string, b: string) => `UPDATE ${a} SET ${b} = NULL /* ; */ -- ;\nWHERE true`,
  (a: string) => `DROP TABLE IF EXISTS ${a}`,
  (a: string, b: string) => `CREATE FUNCTION ${a}() RETURNS int LANGUAGE sql AS $fn$ SELECT 1; SELECT ${b.length}; $fn$`,
];
const validScript = fc
  .array(fc.tuple(fc.integer({ min: 0, max: STATEMENTS.length - 1 }), identifier, identifier), { minLength: 1, maxLength: 12 })
  .chain((items) =>
    fc
      .constantFrom(';\n', ';\r\n', ' ; ', ';\n-- c\n')
      .map((sep) => ({ count: items.length, sql: items.map(([i, a, b]) => STATEMENTS[i](a, b)).join(sep) })),
  );

function checkSplit(sql: string): 'parsed' | 'positioned error' {
  try {
    const statements = splitStatements(sql, { file: 'fuzz.sql' });
    for (const s of statements) {
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeLessThanOrEqual(sql.length);
      expect(s.start).toBeLessThanOrEqual(s.end);
      expect(s.line).toBeGreaterThanOrEqual(1);
      expect(s.column).toBeGreaterThanOrEqual(1);
      expect(s.endLine).toBeGreaterThanOrEqual(s.line);
    }
    return 'parsed';
  } catch (error) {
    if (!(error instanceof SqlParseError)) throw error;
    expect(error.where?.line).toBeGreaterThanOrEqual(1);
    expect(error.where?.column).toBeGreaterThanOrEqual(1);
    expect(error.where!.line!).toBeLessThanOrEqual(sql.split('\n').length);
    expect(error.where?.file).toBe('fuzz.sql');
    return 'positioned error';
  }
}

beforeAll(() => loadParser());

scenario(AREA, `statement splitter over ${RUNS} generated SQL soups: parsed or a positioned parse error, never a crash`, async (r) => {
  const seen = { parsed: 0, 'positioned error': 0 };
  fc.assert(
    fc.property(soup, (sql) => void seen[checkSplit(sql)]++),
    { numRuns: RUNS, seed: 20250101 },
  );
  r.numbers['inputs'] = RUNS;
  r.numbers['parsed'] = seen.parsed;
  r.numbers['positioned errors'] = seen['positioned error'];
});

scenario(
  AREA,
  `statement splitter over ${RUNS} valid scripts with awkward identifiers: every statement found, texts re-parse`,
  async (r) => {
    fc.assert(
      fc.property(validScript, ({ count, sql }) => {
        const statements = splitStatements(sql);
        expect(statements).toHaveLength(count);
        for (const s of statements) {
          expect(sql.slice(s.start, s.end)).toBe(s.text);
          expect(splitStatements(s.text)).toHaveLength(1);
        }
      }),
      { numRuns: RUNS, seed: 20250102 },
    );
    r.numbers['inputs'] = RUNS;
  },
);

scenario(
  AREA,
  `linter over ${RUNS} generated migrations: findings with positions inside the file, syntax errors as findings`,
  async (r) => {
    let syntaxFindings = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          soup,
          validScript.map((v) => v.sql),
        ),
        soup,
        async (first, second) => {
          const result = await lintMigrations({
            migrations: [
              { name: '20250101000000_one', path: 'one.sql', sql: first },
              { name: '20250102000000_two', path: 'two.sql', sql: second },
            ],
          });
          for (const finding of result.findings) {
            const sql = finding.file === 'one.sql' ? first : second;
            expect(finding.line).toBeGreaterThanOrEqual(1);
            expect(finding.line).toBeLessThanOrEqual(sql.split('\n').length);
            expect(finding.column).toBeGreaterThanOrEqual(1);
            if (finding.ruleId === 'lint/syntax-error') syntaxFindings++;
          }
        },
      ),
      { numRuns: RUNS, seed: 20250103 },
    );
    r.numbers['inputs'] = RUNS;
    r.numbers['syntax-error findings'] = syntaxFindings;
  },
);
