/**
 * The dry run's and the plan's rehearsal at production scale: sizes read from the production
 * database itself (read-only statistics), the pending migration rehearsed on a throwaway
 * PostgreSQL, and the plan showing each statement's lock, estimated time at production's size
 * and rewrite — while production is left exactly as it was. A real deploy does not rehearse.
 */
import { readOptions } from '../../src/commands/options.js';
import { planCommand } from '../../src/commands/engine.js';
import type { RehearsalData } from '../../src/rehearsal/index.js';
import { dropTestDatabases, query, testMajors } from '../helpers/pg.js';
import { catalogChanges, check, databaseState, production, runDeployCommand, tempDir, writeHistory } from '../fixtures/deploy/harness.js';

afterAll(dropTestDatabases);

const WIDEN = '20240201000000_widen_user_id';
const PRODUCTION_ROWS = 30_000;
/**
 * The rehearsal runs on the other test major's server (production is on 15), as on a CI service
 * container: starting a throwaway cluster would cost seconds per test.
 */
const OTHER_MAJOR = testMajors().find((m) => m !== 15);
const REHEARSAL_SERVER: Record<string, string> = OTHER_MAJOR
  ? { 'rehearsal-database-url': process.env[`PMA_TEST_PG${OTHER_MAJOR}_URL`]! }
  : {};
/** The budget makes the rehearsal generate a tenth of production's rows: the estimate is scaled back up. */
const BUDGET = '3000';

/** Production with 30,000 users, analyzed (pg_class.reltuples is what the rehearsal reads), and one pending rewrite. */
async function bigProduction() {
  const dir = writeHistory({ [WIDEN]: 'ALTER TABLE "User" ALTER COLUMN "id" TYPE BIGINT;\n' });
  const db = await production(dir);
  await query(
    db,
    `INSERT INTO "User" ("email") SELECT 'u' || g || '@example.com' FROM generate_series(4, ${PRODUCTION_ROWS}) g; ANALYZE "User"`,
  );
  return { dir, db };
}

describe('deploy --dry-run with stats-database-url', () => {
  it('shows per pending statement the lock, the time at production size and the rewrite; production is untouched', async () => {
    const { dir, db } = await bigProduction();
    const before = await databaseState(db);
    const run = await runDeployCommand(db, dir, {
      'dry-run': 'true',
      'stats-database-url': db.url,
      'rehearsal-budget': BUDGET,
      ...REHEARSAL_SERVER,
    });

    expect(run.data.outcome).toBe('dry-run');
    const step = check(run, 'Rehearsal at production scale');
    expect(step.status).toBe('pass');
    expect(step.detail).toMatch(/scaled down to 10% by rehearsal-budget/);
    expect(step.detail).toMatch(/estimated linearly in rows/);
    expect(step.detail).toMatch(/only statistics were read from the stats database/);

    const plan = run.report.tables?.find((t) => t.title.startsWith('Plan'));
    expect(plan?.columns.at(-1)).toBe('rehearsed at production size');
    expect(plan?.rows).toHaveLength(1);
    expect(plan!.rows[0].at(-1)).toMatch(/^ACCESS EXCLUSIVE on public\.User, about \d+(\.\d)? m?s at 30 k rows, rewrites the table/);

    const rehearsal = (run.report.data as { rehearsal: RehearsalData }).rehearsal;
    expect(rehearsal).toMatchObject({
      rows: { 'public.User': 3000 },
      scaledDown: true,
      productionRows: { 'public.User': expect.any(Number) },
    });
    expect(Math.abs(rehearsal.productionRows!['public.User'] - PRODUCTION_ROWS)).toBeLessThan(PRODUCTION_ROWS * 0.05);
    const [statement] = rehearsal.statements;
    expect(statement).toMatchObject({ migration: WIDEN, line: 1, rewrite: true });
    expect(statement.locks[0]).toMatchObject({ relation: 'public.User', mode: 'ACCESS EXCLUSIVE' });
    // Linear in rows: production has ten times the rehearsed rows.
    expect(statement.estimatedProductionMs).toBeGreaterThanOrEqual(statement.durationMs * 9);

    const after = await databaseState(db);
    expect(catalogChanges(before.snapshot, after.snapshot)).toEqual([]);
    expect(after.rowCounts).toEqual(before.rowCounts);
    expect(after.migrations).toEqual(before.migrations);
  });

  it('a real deploy does not rehearse (it would delay the deploy), and says so', async () => {
    const { dir, db } = await bigProduction();
    const run = await runDeployCommand(db, dir, { 'stats-database-url': db.url, 'skip-backup': 'true' });
    expect(run.data.outcome).toBe('success');
    expect(check(run, 'Rehearsal at production scale')).toMatchObject({ status: 'skip', detail: expect.stringMatching(/dry run shows/) });
    expect((run.report.data as { rehearsal?: unknown }).rehearsal).toBeUndefined();
  });

  it('the plan command shows the same estimates; without stats-database-url it rehearses nothing', async () => {
    const { dir, db } = await bigProduction();
    const raw: Record<string, string> = {
      'database-url': db.url,
      'migrations-dir': dir,
      'stats-database-url': db.url,
      'rehearsal-budget': BUDGET,
      ...REHEARSAL_SERVER,
    };
    const context = { cwd: tempDir('plan'), log: () => undefined };
    const withStats = await planCommand.run(
      readOptions(planCommand.options, (spec) => raw[spec.name], 'option'),
      context,
      [],
    );
    const table = withStats.report.tables?.[0];
    expect(table?.columns.at(-1)).toBe('rehearsed at production size');
    expect(table!.rows[0].at(-1)).toMatch(/^ACCESS EXCLUSIVE on public\.User, about .* at 30 k rows, rewrites the table/);
    expect((withStats.report.data as { rehearsal: RehearsalData }).rehearsal.statements).toHaveLength(1);

    delete raw['stats-database-url'];
    const without = await planCommand.run(
      readOptions(planCommand.options, (spec) => raw[spec.name], 'option'),
      context,
      [],
    );
    expect(without.report.tables?.[0].columns).not.toContain('rehearsed at production size');
    expect(without.report.checks.map((c) => c.name)).not.toContain('Rehearsal at production scale');

    // Never on the target's server: filling tables to production's sizes there would load it.
    Object.assign(raw, { 'stats-database-url': db.url, 'rehearsal-database-url': db.url });
    const refused = await planCommand.run(
      readOptions(planCommand.options, (spec) => raw[spec.name], 'option'),
      context,
      [],
    );
    const step = refused.report.checks.find((c) => c.name === 'Rehearsal at production scale');
    expect(step?.status).toBe('warn');
    expect(step?.detail).toMatch(/Not rehearsed: .*rehearsal-database-url points at the server of the database being planned/);
    expect(refused.report.tables?.[0].columns).not.toContain('rehearsed at production size');
  });
});
