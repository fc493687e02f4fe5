/**
 * The rehearsal's conclusions (src/rehearsal/findings.ts) from traced statements shaped as the
 * trace returns them: a lock stronger than the SQL predicts, application queries blocked past
 * max-blocking, a lint lock finding shown harmless at production size, and the lint check that
 * no longer fails once its only errors are notices. test/integration/rehearsal.test.ts proves the
 * same on real PostgreSQL.
 */
import { describe, expect, it } from '@jest/globals';
import { downgradeHarmless, observationFindings, settleLintCheck } from '../../src/rehearsal/findings.js';
import type { TracedStatement } from '../../src/rehearsal/trace.js';
import type { Check, Finding } from '../../src/report/model.js';

const MIGRATION = '20250321150000_task_priority';
const FILE = `prisma/migrations/${MIGRATION}/migration.sql`;
const fileOf = (migration: string) => (migration === MIGRATION ? FILE : undefined);
const existing = new Set(['public.orders', 'public.users']);
const options = { maxBlockingMs: 1000, fileOf, existing };

function traced(overrides: Partial<TracedStatement>): TracedStatement {
  return {
    migration: MIGRATION,
    line: 3,
    endLine: 3,
    sql: 'CREATE INDEX "orders_status_idx" ON "orders"("status")',
    locks: [{ relation: 'public.orders', mode: 'SHARE', heldMs: 420 }],
    durationMs: 418,
    rewrite: false,
    rewritten: [],
    blocked: { queries: 0, maxWaitMs: 0 },
    blockedKinds: new Set(),
    predicted: [{ mode: 'SHARE', on: ['"orders"'] }],
    ...overrides,
  };
}

/** A DO block hides its DDL from the SQL's lock model: the plan predicts no table lock. */
const hiddenRewrite = traced({
  line: 7,
  endLine: 9,
  sql: `DO $$ BEGIN EXECUTE 'ALTER TABLE orders ALTER COLUMN amount TYPE bigint'; END $$`,
  locks: [
    { relation: 'public.orders', mode: 'ACCESS EXCLUSIVE', heldMs: 4210 },
    { relation: 'public.users', mode: 'ACCESS SHARE', heldMs: 4210 },
  ],
  durationMs: 4205,
  rewrite: true,
  rewritten: ['public.orders'],
  predicted: [{ mode: 'none', on: [] }],
});

describe('a lock stronger than the SQL predicts', () => {
  it('is an error finding at the statement, with the lock, the table and how long it was held', () => {
    const findings = observationFindings([hiddenRewrite], { ...options, maxBlockingMs: 1e9 });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'error',
      ruleId: 'rehearsal/stronger-lock',
      file: FILE,
      line: 7,
      endLine: 9,
    });
    expect(findings[0].message).toContain('took ACCESS EXCLUSIVE on public.orders for 4.2 s in the rehearsal');
    expect(findings[0].message).toContain('no lock on that table was expected');
  });

  it('names the predicted mode when the SQL predicted a weaker one on that table (schema-qualified, quoted)', () => {
    const validate = traced({
      sql: 'ALTER TABLE "public"."orders" VALIDATE CONSTRAINT "orders_user_id_fkey"',
      predicted: [{ mode: 'SHARE UPDATE EXCLUSIVE', on: ['"public"."orders"'] }],
      locks: [{ relation: 'public.orders', mode: 'SHARE ROW EXCLUSIVE', heldMs: 1500 }],
    });
    const [finding] = observationFindings([validate], { ...options, maxBlockingMs: 1e9 });
    expect(finding?.ruleId).toBe('rehearsal/stronger-lock');
    expect(finding.message).toContain('SHARE ROW EXCLUSIVE on public.orders for 1.5 s');
    expect(finding.message).toContain('SHARE UPDATE EXCLUSIVE was expected');
  });

  it('is no finding when the observed lock is the predicted one, weaker than SHARE, or on a table the change creates', () => {
    const asPredicted = traced({});
    const rowLock = traced({
      sql: 'UPDATE orders SET status = $$paid$$ WHERE id < 10',
      predicted: [{ mode: 'ACCESS SHARE', on: [] }],
      locks: [{ relation: 'public.orders', mode: 'ROW EXCLUSIVE', heldMs: 30 }],
    });
    const newTable = traced({
      sql: 'CREATE TABLE invoices (id serial PRIMARY KEY)',
      predicted: [{ mode: 'none', on: [] }],
      locks: [{ relation: 'public.invoices', mode: 'ACCESS EXCLUSIVE', heldMs: 5 }],
    });
    expect(observationFindings([asPredicted, rowLock, newTable], { ...options, maxBlockingMs: 1e9 })).toEqual([]);
  });
});

describe('application queries blocked past max-blocking', () => {
  const blocking = traced({
    sql: 'ALTER TABLE "orders" ALTER COLUMN "amount" TYPE bigint',
    predicted: [{ mode: 'ACCESS EXCLUSIVE', on: ['"orders"'] }],
    locks: [{ relation: 'public.orders', mode: 'ACCESS EXCLUSIVE', heldMs: 2480 }],
    durationMs: 2475,
    rewrite: true,
    rewritten: ['public.orders'],
    blocked: { queries: 37, maxWaitMs: 2460 },
    estimatedProductionMs: 40_200,
  });

  it('is an error finding with the measured numbers: queries, longest wait, the lock, the rewrite, the production estimate', () => {
    const findings = observationFindings([blocking], options);
    expect(findings.map((f) => f.ruleId)).toEqual(['rehearsal/blocks-application']);
    expect(findings[0]).toMatchObject({ severity: 'error', file: FILE, line: 3 });
    expect(findings[0].message).toContain('37 application queries waited, the longest 2.5 s (max-blocking is 1 s)');
    expect(findings[0].message).toContain('held ACCESS EXCLUSIVE on public.orders for 2.5 s and rewrote the table');
    expect(findings[0].message).toContain('at production size about 40 s');
  });

  it('is no finding at or under max-blocking', () => {
    expect(observationFindings([blocking], { ...options, maxBlockingMs: 2460 })).toEqual([]);
    expect(observationFindings([traced({ blocked: { queries: 1, maxWaitMs: 999 } })], options)).toEqual([]);
  });

  it('a statement stopped by rehearsal-timeout is a finding of its own', () => {
    const stopped = traced({ timedOut: true, durationMs: 600_000 });
    const findings = observationFindings([stopped], options);
    expect(findings.map((f) => f.ruleId)).toEqual(['rehearsal/timeout']);
    expect(findings[0].message).toContain('stopped after 10 min');
  });
});

describe('a lint lock finding the rehearsal shows harmless', () => {
  const lintFinding = (overrides: Partial<Finding> = {}): Finding => ({
    severity: 'error',
    ruleId: 'lock/create-index-non-concurrent',
    file: FILE,
    line: 3,
    title: 'CREATE INDEX without CONCURRENTLY',
    message: 'CREATE INDEX takes a SHARE lock on "orders": writes wait until the index is built.',
    ...overrides,
  });
  /** An index build on a 200-row table, sized from the stats database. */
  const smallIndex = traced({
    locks: [{ relation: 'public.orders', mode: 'SHARE', heldMs: 4 }],
    durationMs: 3,
    blocked: { queries: 1, maxWaitMs: 2 },
    estimatedProductionMs: 3,
  });

  it('becomes a notice that says why, with the measured numbers', () => {
    const findings = [lintFinding()];
    expect(downgradeHarmless(findings, [smallIndex], options)).toBe(1);
    expect(findings[0].severity).toBe('notice');
    expect(findings[0].message).toMatch(/^CREATE INDEX takes a SHARE lock/);
    expect(findings[0].message).toContain(
      'Rehearsed at production size: the statement took 3 ms (about 3 ms in production) and application queries waited at most 2 ms, under max-blocking (1 s), so it is harmless at these sizes.',
    );
  });

  it('matches a finding on any line of a multi-line statement', () => {
    const findings = [lintFinding({ line: 5 })];
    expect(downgradeHarmless(findings, [{ ...smallIndex, line: 4, endLine: 6 }], options)).toBe(1);
    expect(findings[0].severity).toBe('notice');
  });

  it('stays as it was without production sizes, when slow or blocking at production size, when stopped, or not a lock rule', () => {
    const cases: [Finding, TracedStatement][] = [
      [lintFinding(), { ...smallIndex, estimatedProductionMs: undefined }], // sizes from rehearsal-rows prove nothing
      [lintFinding(), { ...smallIndex, estimatedProductionMs: 40_000 }],
      [lintFinding(), { ...smallIndex, blocked: { queries: 3, maxWaitMs: 1200 } }],
      [lintFinding(), { ...smallIndex, timedOut: true }],
      [lintFinding({ ruleId: 'data-loss/drop-column' }), smallIndex],
      [lintFinding({ line: 9 }), smallIndex], // another statement
      [lintFinding({ file: 'prisma/migrations/20250101000000_other/migration.sql' }), smallIndex],
    ];
    for (const [finding, statement] of cases) {
      const before = { ...finding };
      expect(downgradeHarmless([finding], [statement], options)).toBe(0);
      expect(finding).toEqual(before);
    }
  });

  it('the lint check no longer fails once its only errors are notices; it still fails on another lint error', () => {
    const check = (): Check => ({ name: 'Lint', status: 'fail', detail: '1 statement in 1 migration: 1 error.' });
    const downgraded = [
      lintFinding({ severity: 'notice' }),
      { severity: 'error' as const, ruleId: 'rehearsal/blocks-application', title: 't', message: 'm' },
    ];
    const settled = check();
    settleLintCheck(settled, downgraded, 1);
    expect(settled.status).toBe('warn');
    expect(settled.detail).toContain('harmless at production size');

    const stillFailing = check();
    settleLintCheck(stillFailing, [...downgraded, lintFinding({ ruleId: 'data-loss/drop-column', line: 9 })], 1);
    expect(stillFailing.status).toBe('fail');

    const nothingDowngraded = check();
    settleLintCheck(nothingDowngraded, [], 0);
    expect(nothingDowngraded.status).toBe('fail');
  });
});
