/**
 * The whole pull request check on the example project (prisma/): the base branch has every
 * migration but the last, the pull request adds the last (ADD COLUMN … DEFAULT and a plain
 * CREATE INDEX on tasks). Everything passes except the lint of that index.
 */
import { runMigrationTest } from '../../src/commands/migration-test.js';
import type { CommandResult } from '../../src/commands/types.js';
import { contextFor, exampleProject, settingsFor, type GitProject } from '../fixtures/migration-test/project.js';

const status = (result: CommandResult) => Object.fromEntries(result.report.checks.map((c) => [c.name, c.status]));

describe('migration-test on the example project', () => {
  let project: GitProject;
  let result: CommandResult;
  const lines: string[] = [];

  beforeAll(async () => {
    // The project's own Prisma CLI is installed (node_modules linked); no database-url: a throwaway PostgreSQL.
    project = exampleProject({ nodeModules: true });
    result = await runMigrationTest(settingsFor(project, { 'database-url': undefined }), contextFor(project, lines));
  }, 120_000);
  afterAll(() => project.remove());

  test('every check passes except the lint of the risky last migration', () => {
    expect(status(result)).toEqual({
      'History guard': 'pass',
      'Apply from scratch': 'pass',
      'Upgrade path with data': 'pass',
      'Rollback rehearsal': 'pass',
      'schema.prisma agrees with the migrations': 'pass',
      Lint: 'fail',
      'Rehearsal at production scale': 'pass',
    });
    expect(result.report.verdict).toBe('fail');
    expect(result.exitCode).toBe(1);
    expect(result.report.findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        ruleId: 'lock/create-index-non-concurrent',
        file: 'prisma/migrations/20250321150000_task_priority/migration.sql',
        line: 5,
      }),
    ]);
    expect(result.outputs).toEqual({ result: 'fail', 'new-migrations': '20250321150000_task_priority', findings: 1 });
  });

  test('the guard compared with main, the upgrade path filled every table, the rehearsal found no difference', () => {
    const check = (name: string) => result.report.checks.find((c) => c.name === name)!;
    expect(check('History guard').detail).toMatch(/^Base main \([0-9a-f]{12}\): 11 merged migrations, 1 new\.$/);
    expect(check('Apply from scratch').detail).toMatch(/^12 migrations applied on an empty database/);
    expect(check('Upgrade path with data').detail).toMatch(
      /^11 base migrations applied, 160 rows generated in 8 tables, then 1 new migration applied/,
    );
    expect(check('Upgrade path with data').items).toBeUndefined();
    expect(check('Rollback rehearsal').detail).toMatch(/: 0 differences/);
  });

  test("the base branch's migrations are applied once, for every step that starts from them", () => {
    // At the base branch's state, which from scratch, the upgrade path and the rehearsal at production scale copy.
    expect(lines.filter((line) => line.startsWith('Applying 20250106093000_init '))).toHaveLength(1);
    // From scratch (over the copy) and over the upgrade path's data.
    expect(lines.filter((line) => line.startsWith('Applying 20250321150000_task_priority '))).toHaveLength(2);
    expect(result.report.checks.find((c) => c.name === 'Apply from scratch')!.detail).toMatch(
      /^12 migrations applied on an empty database \(builtin engine\): the base branch's 11 in \d+ m?s, then 1 new one in \d+ m?s\.$/,
    );
  });

  test('the rehearsal at production scale traces both statements on tasks and reports them in data.rehearsal and a table', () => {
    const data = (result.report.data as { rehearsal: import('../../src/rehearsal/index.js').RehearsalData }).rehearsal;
    expect(data.rows).toEqual({ 'public.tasks': 5000 });
    expect(data.scaledDown).toBe(false);
    expect(data.statements.map((s) => [s.line, s.locks[0]?.mode, s.rewrite])).toEqual([
      [2, 'ACCESS EXCLUSIVE', false],
      [5, 'SHARE', false],
    ]);
    expect(data.statements[0]).not.toHaveProperty('estimatedProductionMs'); // no stats database
    const table = result.report.tables?.find((t) => t.title === 'Rehearsal at production scale');
    expect(table?.rows.map((r) => r[2])).toEqual(['ACCESS EXCLUSIVE on public.tasks', 'SHARE on public.tasks']);
  });

  test("schema.prisma is compared through the project's prisma.config.ts and agrees", () => {
    const check = result.report.checks.find((c) => c.name === 'schema.prisma agrees with the migrations')!;
    // prisma/prisma.config.ts falls back to the WebAssembly engine where the native one is not installed.
    expect(check.status).toBe('pass');
    expect(check.detail).toMatch(/migrate diff --from-empty, prisma\.config\.ts\) with the migrations': 0 differences;/);
  });

  test('the report carries the new SQL, the ER diagram of the touched table, timings per step', () => {
    const { report } = result;
    expect(report.codeBlocks).toEqual([
      expect.objectContaining({
        title: '20250321150000_task_priority/migration.sql',
        collapsed: true,
        code: expect.stringContaining('"priority" INTEGER NOT NULL DEFAULT 0'),
      }),
    ]);
    expect(report.mermaid).toMatch(/^erDiagram/);
    expect(report.mermaid).toContain('tasks {');
    expect(report.mermaid).toMatch(/int(eger|4)? priority/);
    // The touched table's references are drawn, and unrelated tables are not.
    expect(report.mermaid).not.toContain('reflections {');
    expect(Object.keys(report.timings ?? {})).toEqual(
      expect.arrayContaining([
        'History guard',
        'PostgreSQL start',
        'Apply from scratch',
        'Upgrade path with data',
        'Rollback rehearsal',
        'Lint',
        'Total',
      ]),
    );
    expect(lines.some((line) => /Started throwaway PostgreSQL/.test(line))).toBe(true);
  });
});
