/** Context, engine semantics, silencing, configuration and output formats of the linter. */
import { reportFindings } from '../../src/report/lint-findings.js';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  lintExitCode,
  lintMigrations,
  loadLintConfig,
  readLintDir,
  readLintFiles,
  renderRuleDoc,
  renderRulesIndex,
  RULES,
  RULE_DOCS_BASE_URL,
  ruleDocFile,
  toSarif,
  type LintInput,
  type LintResult,
  type LintSource,
} from '../../src/lint/index.js';
import { isMigrateActionsError } from '../../src/errors.js';
import { createReport, finishReport } from '../../src/report/model.js';
import { renderConsole, renderPrComment } from '../../src/report/render.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, '..', 'fixtures', 'lint');
const src = (name: string, sql: string): LintSource => ({ name, path: `${name}.sql`, sql });
const USERS = src('0_init', 'CREATE TABLE users (id bigint PRIMARY KEY, email varchar(50), name text, age int);');
const lint = (input: Partial<LintInput> & { migrations: LintSource[] }): Promise<LintResult> =>
  lintMigrations({ existing: [USERS], ...input });
const ids = (r: LintResult) => r.findings.map((f) => f.ruleId);

describe('engine transaction semantics', () => {
  const concurrent = src('1_idx', 'CREATE TABLE t (id bigint);\nCREATE INDEX CONCURRENTLY users_name_idx ON users (name);');
  test('built-in engine runs CONCURRENTLY on its own: no finding', async () => {
    expect(ids(await lint({ migrations: [concurrent], engine: 'builtin' }))).not.toContain('transaction/concurrently-in-transaction');
  });
  test('Prisma CLI sends the file as one transaction: CONCURRENTLY with other statements fails', async () => {
    const result = await lint({ migrations: [concurrent], engine: 'prisma' });
    const finding = result.findings.find((f) => f.ruleId === 'transaction/concurrently-in-transaction');
    expect(finding).toMatchObject({ line: 2, column: 1, severity: 'error' });
    expect(finding!.message).toMatch(/Prisma CLI/);
  });
  test('Prisma CLI with CONCURRENTLY alone in its file: no finding', async () => {
    const alone = src('1_idx', '-- CreateIndex\nCREATE INDEX CONCURRENTLY users_name_idx ON users (name);\n');
    expect(ids(await lint({ migrations: [alone], engine: 'prisma' }))).not.toContain('transaction/concurrently-in-transaction');
  });
  test('ALTER TYPE … ADD VALUE is non-transactional before PostgreSQL 12 only', async () => {
    const enumAdd = src('1_enum', "CREATE TABLE t (id bigint);\nALTER TYPE role ADD VALUE 'x' AFTER 'a';");
    expect(ids(await lint({ migrations: [enumAdd], engine: 'prisma', serverMajor: 11 }))).toContain(
      'transaction/concurrently-in-transaction',
    );
    expect(ids(await lint({ migrations: [enumAdd], engine: 'prisma', serverMajor: 15 }))).not.toContain(
      'transaction/concurrently-in-transaction',
    );
  });
  test('an unbalanced BEGIN is reported', async () => {
    const result = await lint({ migrations: [src('1', 'BEGIN;\nCREATE TABLE t (id bigint);')] });
    expect(
      result.findings
        .filter((f) => f.ruleId === 'transaction/explicit-transaction-control')
        .map((f) => f.message)
        .join(' '),
    ).toMatch(/never committed/);
  });
  test('timeouts: the built-in engine flags any override, the Prisma CLI only turning them off', async () => {
    const set = src('1', "SET lock_timeout = '10s';");
    expect(ids(await lint({ migrations: [set], engine: 'builtin' }))).toContain('transaction/timeout-override');
    expect(ids(await lint({ migrations: [set], engine: 'prisma' }))).not.toContain('transaction/timeout-override');
    expect(ids(await lint({ migrations: [src('1', 'SET statement_timeout = 0;')], engine: 'prisma' }))).toContain(
      'transaction/timeout-override',
    );
  });
  test('Prisma CLI: a lock_timeout set after the heavy statement does not count', async () => {
    const late = src('1', "ALTER TABLE users DROP COLUMN name;\nSET lock_timeout = '5s';");
    expect(ids(await lint({ migrations: [late], engine: 'prisma' }))).toContain('lock/missing-lock-timeout');
  });
});

describe('context', () => {
  test('columns added in the change set can be renamed and dropped without a finding; existing ones cannot', async () => {
    const result = await lint({
      migrations: [
        src('1', 'ALTER TABLE users ADD COLUMN nick text;'),
        src(
          '2',
          'ALTER TABLE users RENAME COLUMN nick TO handle;\nALTER TABLE users DROP COLUMN handle;\nALTER TABLE users DROP COLUMN name;',
        ),
      ],
    });
    expect(
      result.findings.filter((f) => f.ruleId.startsWith('data-loss/') || f.ruleId.startsWith('compat/')).map((f) => [f.ruleId, f.line]),
    ).toEqual([['data-loss/drop-column', 3]]);
  });
  test("changeSet 'each': objects of earlier migrations are existing for later ones", async () => {
    const migrations = [src('1', 'CREATE TABLE t (id bigint, a text);'), src('2', 'CREATE INDEX t_a_idx ON t (a);')];
    expect(ids(await lintMigrations({ migrations }))).not.toContain('lock/create-index-non-concurrent');
    expect(ids(await lintMigrations({ migrations, changeSet: 'each' }))).toContain('lock/create-index-non-concurrent');
  });
  test('ALTER COLUMN TYPE: binary-coercible widening passes, other changes are rewrites', async () => {
    expect(ids(await lint({ migrations: [src('1', 'ALTER TABLE users ALTER COLUMN email TYPE varchar(100);')] }))).not.toContain(
      'lock/alter-column-type',
    );
    expect(ids(await lint({ migrations: [src('1', 'ALTER TABLE users ALTER COLUMN email TYPE text;')] }))).not.toContain(
      'lock/alter-column-type',
    );
    expect(ids(await lint({ migrations: [src('1', 'ALTER TABLE users ALTER COLUMN email TYPE varchar(20);')] }))).toContain(
      'lock/alter-column-type',
    );
    expect(ids(await lint({ migrations: [src('1', 'ALTER TABLE users ALTER COLUMN age TYPE text USING age::text;')] }))).toContain(
      'lock/alter-column-type',
    );
  });
  test('SET NOT NULL after a validated CHECK (col IS NOT NULL) skips the scan on PostgreSQL 12+, not on 11', async () => {
    const sql =
      'ALTER TABLE users ADD CONSTRAINT n CHECK (name IS NOT NULL) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT n;\nALTER TABLE users ALTER COLUMN name SET NOT NULL;';
    expect(ids(await lint({ migrations: [src('1', sql)], serverMajor: 16 }))).not.toContain('lock/set-not-null');
    expect(ids(await lint({ migrations: [src('1', sql)], serverMajor: 11 }))).toContain('lock/set-not-null');
  });
  test('ADD COLUMN with a stable default (now()) is not a rewrite on PG 11+, but any default is before 11', async () => {
    const add = src('1', 'ALTER TABLE users ADD COLUMN seen timestamptz DEFAULT now();');
    expect(ids(await lint({ migrations: [add], serverMajor: 16 }))).not.toContain('lock/add-column-volatile-default');
    expect(ids(await lint({ migrations: [add], serverMajor: 10 }))).toContain('lock/add-column-volatile-default');
  });
  test('mechanical replacements', async () => {
    const result = await lint({
      migrations: [
        src('1', 'CREATE UNIQUE INDEX users_email_key ON users (email);\nALTER TABLE users ADD CONSTRAINT users_name_key UNIQUE (name);'),
      ],
    });
    expect(result.findings.find((f) => f.ruleId === 'lock/create-index-non-concurrent')!.replacement).toBe(
      'CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email)',
    );
    expect(result.findings.find((f) => f.ruleId === 'lock/add-unique-constraint')!.replacement).toBe(
      'CREATE UNIQUE INDEX CONCURRENTLY "users_name_key" ON "public"."users" ("name");\nALTER TABLE "public"."users" ADD CONSTRAINT "users_name_key" UNIQUE USING INDEX "users_name_key"',
    );
  });
  test('an over-long identifier is found at its own line and column, also with non-ASCII text before it', async () => {
    const long = 'é'.repeat(40); // 80 bytes
    const result = await lint({ migrations: [src('1', `-- café\nCREATE TABLE "${long}" (id bigint);`)] });
    expect(result.findings.find((f) => f.ruleId === 'naming/identifier-too-long')).toMatchObject({ line: 2, column: 14 });
  });
});

describe('unparseable SQL', () => {
  test('becomes a positioned finding, and the other migrations are still linted', async () => {
    const result = await lint({
      migrations: [src('1', 'CREATE TABLE a (id bigint);\nCREATE TABLEX b (id int);'), src('2', 'DROP TABLE users;')],
    });
    const syntax = result.findings.find((f) => f.ruleId === 'lint/syntax-error')!;
    expect(syntax).toMatchObject({ severity: 'error', file: '1.sql', line: 2, column: 8, migration: '1' });
    expect(syntax.message).toMatch(/syntax error/);
    expect(ids(result)).toContain('data-loss/drop-table');
    expect(lintExitCode(result)).toBe(1);
  });
});

describe('silencing', () => {
  test('a trailing comment on the statement line silences it; a comment above another statement does not', async () => {
    const sql = 'DROP TABLE users; -- lint-ignore data-loss/drop-table: archived in ticket 42\nCREATE TABLE t (id bigint);';
    const result = await lint({ migrations: [src('1', sql)] });
    expect(ids(result)).not.toContain('data-loss/drop-table');
    expect(result.silenced[0]).toMatchObject({ ruleId: 'data-loss/drop-table', reason: 'archived in ticket 42', line: 1 });
  });
  test('an ignore without a reason silences nothing and is itself a finding; unknown rule ids are reported', async () => {
    const sql = '-- lint-ignore data-loss/drop-table\nDROP TABLE users;\n/* lint-ignore lock/nope: typo */\nDROP TABLE users;';
    const result = await lint({ migrations: [src('1', sql)] });
    expect(result.findings.filter((f) => f.ruleId === 'data-loss/drop-table')).toHaveLength(2);
    expect(result.findings.find((f) => f.ruleId === 'lint/ignore-without-reason')).toMatchObject({ line: 1, column: 1 });
    expect(result.findings.find((f) => f.ruleId === 'lint/unknown-rule')).toMatchObject({ line: 3 });
    expect(result.silenced).toHaveLength(0);
  });
});

describe('configuration', () => {
  test('loadLintConfig reads .migration-lint.json; severities change, rules turn off', async () => {
    const config = await loadLintConfig(path.join(fixtures, 'project'));
    expect(config.rules).toEqual({ 'types/prefer-timestamptz': 'off', 'lock/drop-index-non-concurrent': 'error' });
    expect(config.thresholds).toEqual({ largeRows: 500 });
    const sql = 'CREATE TABLE t (at timestamp);\nDROP INDEX users_name_idx;';
    const result = await lint({ migrations: [src('1', sql)], config });
    expect(ids(result)).not.toContain('types/prefer-timestamptz');
    expect(result.findings.find((f) => f.ruleId === 'lock/drop-index-non-concurrent')).toMatchObject({
      severity: 'error',
      severityReason: 'set by the lint configuration',
    });
  });
  test('package.json migrationLint section; no config at all; invalid config is a positioned error', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lint-config-'));
    expect(await loadLintConfig(dir)).toEqual({});
    await writeFile(path.join(dir, 'package.json'), JSON.stringify({ migrationLint: { rules: { 'review/extension': 'off' } } }));
    expect((await loadLintConfig(dir)).rules).toEqual({ 'review/extension': 'off' });
    await writeFile(path.join(dir, '.migration-lint.json'), '{ "rules": { "lock/typo": "off" } }');
    const error = await loadLintConfig(dir).catch((e: unknown) => e);
    expect(isMigrateActionsError(error, 'E_LINT_CONFIG')).toBe(true);
    expect((error as Error).message).toMatch(/unknown rule "lock\/typo"/);
    await writeFile(path.join(dir, '.migration-lint.json'), '{ "rules": { "lock/cluster": "loud" } }');
    await expect(loadLintConfig(dir)).rejects.toThrow(/must be error, warning, notice or off/);
  });
});

describe('inputs and outputs', () => {
  test('readLintDir reads a Prisma migrations folder in order; the new unique index on the new table is quiet', async () => {
    const sources = await readLintDir(path.join(fixtures, 'migrations'));
    expect(sources.map((s) => s.name)).toEqual(['20240101000000_init', '20240201000000_add_index']);
    const asChangeSet = await lintMigrations({ migrations: sources });
    expect(asChangeSet.findings).toEqual([]);
    const history = await lintMigrations({ existing: sources.slice(0, 1), migrations: sources.slice(1) });
    expect(ids(history)).toEqual(['lock/create-index-non-concurrent', 'data/duplicate-values']);
    const [single] = await readLintFiles([sources[1].path]);
    expect(single.name).toBe('20240201000000_add_index');
    await expect(readLintDir(path.join(fixtures, 'missing'))).rejects.toThrow(/Cannot read the migrations directory/);
  });
  test('SARIF 2.1.0 shape, with fixes and in-source suppressions', async () => {
    const sql =
      'CREATE INDEX users_name_idx ON users (name);\n-- lint-ignore data-loss/drop-column: unused since v2\nALTER TABLE users DROP COLUMN age;';
    const result = await lint({ migrations: [src('1', sql)] });
    const sarif = toSarif(result, { docsBaseUrl: 'https://example.test/docs/rules' }) as any;
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    const run = sarif.runs[0];
    const ruleIds = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ruleIds).toEqual(expect.arrayContaining(['lock/create-index-non-concurrent', 'data-loss/drop-column']));
    expect(run.tool.driver.rules[0].helpUri).toMatch(/^https:\/\/example\.test\/docs\/rules\/.+\.md$/);
    const index = run.results.find((r: { ruleId: string }) => r.ruleId === 'lock/create-index-non-concurrent');
    expect(index.level).toBe('error');
    expect(run.tool.driver.rules[index.ruleIndex].id).toBe('lock/create-index-non-concurrent');
    expect(index.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: '1.sql' },
      region: { startLine: 1, startColumn: 1, endLine: 1 },
    });
    expect(index.fixes[0].artifactChanges[0].replacements[0].insertedContent.text).toMatch(/CONCURRENTLY/);
    const dropped = run.results.find((r: { ruleId: string }) => r.ruleId === 'data-loss/drop-column');
    expect(dropped.suppressions).toEqual([{ kind: 'inSource', justification: 'unused since v2' }]);
  });
  test('console text and exit code', async () => {
    const result = await lint({ migrations: [src('1', 'CREATE INDEX users_name_idx ON users (name);')] });
    const report = createReport('lint', 'Migration lint');
    report.findings = reportFindings(result.findings);
    const text = renderConsole(finishReport(report), { color: false });
    const title = 'CREATE INDEX without CONCURRENTLY on an existing table';
    // The title once, the id once, and the link to the rule's page.
    expect(text).toContain(`error    1.sql:1:1  ${title}  [lock/create-index-non-concurrent]`);
    expect(text.split('lock/create-index-non-concurrent').length - 1).toBe(1);
    expect(text).toContain(`docs: ${RULE_DOCS_BASE_URL}/lock-create-index-non-concurrent.md`);
    expect(text).toMatch(/SHARE lock/);
    const comment = renderPrComment(report, { marker: 'lint' });
    expect(comment).toContain(
      `**${title}** · [\`lock/create-index-non-concurrent\`](${RULE_DOCS_BASE_URL}/lock-create-index-non-concurrent.md) · \`1.sql:1:1\``,
    );
    expect(lintExitCode(result)).toBe(1);
    const quiet = await lint({ migrations: [src('1', 'CREATE TABLE t (id bigint);')] });
    expect(lintExitCode(quiet)).toBe(0);
  });
  test('findings never carry a registered secret', async () => {
    const { registerSecret } = await import('../../src/postgres/redact.js');
    registerSecret('hunter2-secret');
    const result = await lint({
      migrations: [src('1', 'DROP TABLE users; -- lint-ignore data-loss/drop-table: pw hunter2-secret leaked')],
    });
    expect(JSON.stringify(result)).not.toContain('hunter2-secret');
  });
});

describe('docs/rules', () => {
  const docs = path.join(here, '..', '..', 'docs', 'rules');
  test.each(RULES.map((r) => [r.id, r] as const))('%s has its page, up to date', async (_id, rule) => {
    expect(await readFile(path.join(docs, ruleDocFile(rule.id)), 'utf8')).toBe(renderRuleDoc(rule));
  });
  test('README indexes every rule', async () => {
    expect(await readFile(path.join(docs, 'README.md'), 'utf8')).toBe(renderRulesIndex());
  });
});
