/**
 * migration-test with the project's real Prisma CLI (6.19, offline through the project's
 * prisma.config.ts: WebAssembly schema engine + @prisma/adapter-pg): schema.prisma checked
 * against the migrations, and the `prisma` engine applying them.
 */
import fs from 'node:fs';
import { runMigrationTest } from '../../src/commands/migration-test.js';
import type { CommandResult } from '../../src/commands/types.js';
import { findPrismaConfig } from '../../src/prisma/cli.js';
import type { OptionValues } from '../../src/commands/options.js';
import {
  OFFLINE_PROJECT_DIR,
  PLAIN_SCHEMA,
  contextFor,
  gitProject,
  settingsFor,
  type GitProject,
} from '../fixtures/migration-test/project.js';

const SLOW = 180_000;

const projects: GitProject[] = [];
afterAll(() => projects.forEach((p) => p.remove()));

function offlineProject(): GitProject {
  const project = gitProject({ copyFrom: OFFLINE_PROJECT_DIR, newMigrations: ['20250201000000_books'], nodeModules: true });
  projects.push(project);
  return project;
}

// The production-scale rehearsal is timing-dependent and has its own tests; this file is about schema.prisma.
const run = (project: GitProject, values: OptionValues = {}): Promise<CommandResult> =>
  runMigrationTest(settingsFor(project, { rehearsal: 'off', ...values }), contextFor(project));
const byName = (result: CommandResult, name: string) => result.report.checks.find((c) => c.name === name)!;
const statuses = (result: CommandResult) =>
  Object.fromEntries(result.report.checks.filter((c) => c.name !== REHEARSAL).map((c) => [c.name, c.status]));
const REHEARSAL = 'Rehearsal at production scale';

describe('schema.prisma against the migrations (real Prisma CLI, offline config)', () => {
  test('the config is found at the project root, beside prisma/', () => {
    const project = offlineProject();
    expect(findPrismaConfig(project.schemaPath)).toBe(`${project.root}/prisma.config.ts`);
    expect(findPrismaConfig(`${project.root}/elsewhere/deep/schema.prisma`, project.root)).toBe(`${project.root}/prisma.config.ts`);
    expect(findPrismaConfig('/nonexistent/prisma/schema.prisma')).toBeUndefined();
  });

  test(
    'schema and migrations agree: every check passes',
    async () => {
      const result = await run(offlineProject());
      expect(statuses(result)).toEqual({
        'History guard': 'pass',
        'Apply from scratch': 'pass',
        'Upgrade path with data': 'pass',
        'Rollback rehearsal': 'pass',
        'schema.prisma agrees with the migrations': 'pass',
        Lint: expect.stringMatching(/^(pass|warn)$/),
      });
      expect(byName(result, 'schema.prisma agrees with the migrations').detail).toMatch(
        /prisma 6\.\d+\.\d+ migrate diff --from-empty, prisma\.config\.ts\) with the migrations': 0 differences/,
      );
    },
    SLOW,
  );

  test(
    'a model field with no migration → "schema.prisma has changes that no migration contains", naming the objects',
    async () => {
      const project = offlineProject();
      const schema = fs.readFileSync(project.schemaPath, 'utf8');
      project.write(
        'prisma/schema.prisma',
        schema.replace('  title    String @unique\n', '  title    String @unique\n  isbn     String? @unique\n'),
      );
      const result = await run(project);
      const check = byName(result, 'schema.prisma agrees with the migrations');
      expect(check.status).toBe('fail');
      expect(check.items).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^column .*books.*isbn.* is in schema\.prisma but no migration creates it$/),
          expect.stringMatching(/^index .*books_isbn_key.* is in schema\.prisma but no migration creates it$/),
        ]),
      );
      const finding = result.report.findings.find((f) => f.ruleId === 'schema/out-of-sync')!;
      expect(finding).toMatchObject({
        severity: 'error',
        file: 'prisma/schema.prisma',
        title: 'schema.prisma has changes that no migration contains',
      });
      expect(finding.message).toContain('isbn');
      expect(result.outputs?.result).toBe('fail');
    },
    SLOW,
  );
});

describe('engine: prisma', () => {
  test(
    "the project's Prisma CLI applies the history from scratch and over the base data",
    async () => {
      const result = await run(offlineProject(), { engine: 'prisma' });
      expect(statuses(result)).toMatchObject({
        'Apply from scratch': 'pass',
        'Upgrade path with data': 'pass',
        'Rollback rehearsal': 'pass',
      });
      expect(byName(result, 'Apply from scratch').detail).toMatch(
        /^2 migrations applied on an empty database \(prisma engine\): the base branch's 1 in .*, then 1 new one in .*\.$/,
      );
      expect(byName(result, 'Upgrade path with data').detail).toMatch(
        /^1 base migration applied, 20 rows generated in 1 table, then 1 new migration applied/,
      );
    },
    SLOW,
  );

  test(
    'a failing migration under the prisma engine is a finding naming the migration',
    async () => {
      const project = offlineProject();
      project.addMigration('20250301000000_bad', 'ALTER TABLE "authors" ADD COLUMN "born" INTEGER NOT NULL;\n');
      const result = await run(project, { engine: 'prisma' });
      expect(byName(result, 'Apply from scratch').status).toBe('pass');
      expect(byName(result, 'Upgrade path with data').status).toBe('fail');
      const failure = result.report.findings.find((f) => f.ruleId !== undefined && /^P3018|E_PRISMA/.test(f.ruleId))!;
      expect(failure.message).toContain('20250301000000_bad');
      // The WebAssembly engine words it "Null constraint failed"; the native one quotes PostgreSQL (23502).
      expect(failure.message).toMatch(/Null constraint failed|contains null values/);
    },
    SLOW,
  );

  test(
    'without a Prisma CLI: engine prisma fails clearly, and the schema check is skipped with the reason',
    async () => {
      const project = gitProject({
        files: { 'prisma/schema.prisma': PLAIN_SCHEMA, 'prisma/migrations/20250101000000_a/migration.sql': 'CREATE TABLE a (id int);\n' },
      });
      projects.push(project);
      project.addMigration('20250201000000_b', 'CREATE TABLE b (id int);\n');
      const result = await run(project, { engine: 'prisma' });
      expect(byName(result, 'Apply from scratch').status).toBe('fail');
      const missing = result.report.findings.find((f) => f.ruleId === 'E_PRISMA_CLI_MISSING')!;
      expect(missing.message).toMatch(/No Prisma CLI found in node_modules above/);
      expect(missing.fix).toMatch(/engine: builtin/);
      expect(byName(result, 'schema.prisma agrees with the migrations')).toMatchObject({
        status: 'skip',
        detail: expect.stringMatching(/^Skipped: no Prisma CLI in the project's node_modules/),
      });
      // The built-in engine on the same project passes.
      expect(statuses(await run(project))).toMatchObject({ 'Apply from scratch': 'pass', 'Upgrade path with data': 'pass' });
    },
    SLOW,
  );
});
