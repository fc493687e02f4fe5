/**
 * The rehearsal at production scale on real PostgreSQL (both test majors), with real volumes:
 * each statement kind is rehearsed over 150,000 rows under the synthetic workload, and the
 * assertions are what the observation is — modes, rewrite, who was blocked — never durations.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dropTestDatabases, freshDatabase, query, testMajors } from '../helpers/pg.js';
import { downgradeHarmless, parseRowsSpec, rehearse, observationFindings, type RehearsalResult } from '../../src/rehearsal/index.js';
import { lintMigrations } from '../../src/lint/index.js';
import { reportFindings } from '../../src/report/lint-findings.js';
import { bulkSeed } from '../../src/rehearsal/bulk-seed.js';
import { sizeTables } from '../../src/rehearsal/sizing.js';
import { withClient } from '../../src/postgres/client.js';
import type { LocalMigration } from '../../src/migrations/reader.js';
import { MigrateActionsError } from '../../src/errors.js';

const ROWS = 150_000;

const BASE = `
CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL UNIQUE);
CREATE TABLE orders (
  id serial PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users(id),
  amount integer NOT NULL CHECK (amount >= 0),
  status text NOT NULL CHECK (status IN ('open', 'paid')),
  placed_at timestamptz NOT NULL DEFAULT now(),
  note varchar(40)
);`;

function migration(name: string, sql: string): LocalMigration {
  return { name, folder: `/tmp/${name}`, sqlPath: `/tmp/${name}/migration.sql`, sql, checksum: '0' };
}

async function rehearsed(major: number, sql: string) {
  const db = await freshDatabase({ major });
  await query(db, BASE);
  return rehearse({
    connection: db,
    migrations: [migration('20250101000000_change', sql)],
    rows: parseRowsSpec(`orders=${ROWS},users=1000`),
    budget: 2_000_000,
    timeoutMs: 120_000,
    serverMajor: major,
  });
}

afterAll(dropTestDatabases);

describe.each(testMajors())('rehearsal on PostgreSQL %i', (major) => {
  it('ALTER COLUMN TYPE that rewrites: ACCESS EXCLUSIVE observed, rewrite, reads and writes blocked', async () => {
    const result = await rehearsed(major, 'ALTER TABLE orders ALTER COLUMN amount TYPE bigint');
    expect(result.data.rows['public.orders']).toBe(ROWS);
    const [s] = result.data.statements;
    expect(s.locks[0]).toMatchObject({ relation: 'public.orders', mode: 'ACCESS EXCLUSIVE' });
    expect(s.rewrite).toBe(true);
    expect(s.blocked.queries).toBeGreaterThan(0);
    expect(s.blocked.maxWaitMs).toBeGreaterThan(0);
    expect(s.estimatedProductionMs).toBeUndefined(); // sizes did not come from a database
    expect(result.trace.workload.queries).toBeGreaterThan(0);
    // Blocked reads too: ACCESS EXCLUSIVE conflicts with ACCESS SHARE.
    const findings = observationFindings(result.statements, { maxBlockingMs: 0, fileOf: () => 'm.sql', existing: result.existing });
    expect(findings.map((f) => f.ruleId)).toContain('rehearsal/blocks-application');
  });

  it('CREATE INDEX CONCURRENTLY: SHARE UPDATE EXCLUSIVE, no rewrite, the workload not blocked', async () => {
    const result = await rehearsed(major, 'CREATE INDEX CONCURRENTLY orders_amount_idx ON orders (amount)');
    const [s] = result.data.statements;
    expect(s.locks.find((l) => l.relation === 'public.orders')?.mode).toBe('SHARE UPDATE EXCLUSIVE');
    expect(s.rewrite).toBe(false);
    expect(s.blocked.queries).toBe(0);
    expect(observationFindings(result.statements, { maxBlockingMs: 1000, fileOf: () => 'm.sql', existing: result.existing })).toEqual([]);
  });

  it('ADD COLUMN … DEFAULT 0: no rewrite', async () => {
    const result = await rehearsed(major, 'ALTER TABLE orders ADD COLUMN priority integer NOT NULL DEFAULT 0');
    const [s] = result.data.statements;
    expect(s.rewrite).toBe(false);
    expect(s.locks[0]).toMatchObject({ relation: 'public.orders', mode: 'ACCESS EXCLUSIVE' });
  });

  it('plain CREATE INDEX: SHARE, writes blocked, reads not', async () => {
    const db = await freshDatabase({ major });
    await query(db, BASE);
    const result = await rehearse({
      connection: db,
      migrations: [migration('20250101000000_index', 'CREATE INDEX orders_status_amount_idx ON orders (status, amount, note)')],
      rows: parseRowsSpec(String(ROWS)),
      budget: 2_000_000,
      timeoutMs: 120_000,
      serverMajor: major,
    });
    const [s] = result.data.statements;
    expect(s.locks.find((l) => l.relation === 'public.orders')?.mode).toBe('SHARE');
    expect(s.rewrite).toBe(false);
    expect(s.blocked.queries).toBeGreaterThan(0);
    const blockedKinds = result.statements[0].blockedKinds;
    expect(blockedKinds.has('read')).toBe(false);
    expect([...blockedKinds].some((k) => k === 'insert' || k === 'update')).toBe(true);
  });
});

describe('sizing and seeding', () => {
  it('scales down to the budget and says so', async () => {
    const sizing = await sizeTables({ schema: 'public', tables: ['a', 'b'], rows: parseRowsSpec('a=300000,100000'), budget: 200_000 });
    expect(sizing.scaledDown).toBe(true);
    expect(sizing.tables.map((t) => t.rehearsed)).toEqual([150_000, 50_000]);
  });

  it('refuses rehearsal-rows it cannot read, naming the part', () => {
    expect(() => parseRowsSpec('orders=many')).toThrow(MigrateActionsError);
    expect(() => parseRowsSpec('orders=many')).toThrow(/orders=many/);
  });

  it('reads sizes from a stats database and estimates production time from them', async () => {
    const stats = await freshDatabase({ major: testMajors()[0] });
    await query(stats, `${BASE} ANALYZE users; ANALYZE orders;`);
    await withClient(stats, (client) =>
      bulkSeed(
        client,
        'public',
        new Map([
          ['users', 100],
          ['orders', 40_000],
        ]),
      ),
    );
    const db = await freshDatabase({ major: testMajors()[0] });
    await query(db, BASE);
    const result = await rehearse({
      connection: db,
      migrations: [migration('20250101000000_change', 'ALTER TABLE orders ALTER COLUMN amount TYPE bigint')],
      stats,
      rows: parseRowsSpec('1'),
      budget: 20_000,
      timeoutMs: 60_000,
    });
    expect(result.sizing.source).toBe('stats-database');
    expect(result.data.scaledDown).toBe(true);
    expect(result.data.rows['public.orders']).toBeLessThan(40_000);
    const [s] = result.data.statements;
    expect(s.estimatedProductionMs).toBeGreaterThanOrEqual(s.durationMs);
  });

  it('fills FKs, CHECKs, unique keys and a length limit set-based', async () => {
    const db = await freshDatabase({ major: testMajors()[0] });
    await query(db, BASE);
    const { results, role } = await withClient(db, async (client) => ({
      results: await bulkSeed(
        client,
        'public',
        new Map([
          ['users', 500],
          ['orders', 5000],
        ]),
      ),
      // Foreign keys are not checked row by row while filling: the session is back to normal after.
      role: (await client.query<{ r: string }>("SELECT current_setting('session_replication_role') AS r")).rows[0].r,
    }));
    expect(role).toBe('origin');
    expect(results.map((r) => [r.table, r.rows, r.skipped])).toEqual([
      ['users', 500, undefined],
      ['orders', 5000, undefined],
    ]);
    const [check] = await query(db, `SELECT count(DISTINCT user_id)::int AS parents, max(length(note))::int AS longest FROM orders`);
    expect(check.parents).toBe(500);
    expect(check.longest).toBeLessThanOrEqual(40);
    const [orphans] = await query(db, `SELECT count(*)::int AS n FROM orders o LEFT JOIN users u ON u.id = o.user_id WHERE u.id IS NULL`);
    expect(orphans.n).toBe(0);
  });

  it('stops a statement at rehearsal-timeout and says so', async () => {
    const db = await freshDatabase({ major: testMajors()[0] });
    await query(db, BASE);
    const result = await rehearse({
      connection: db,
      migrations: [migration('20250101000000_slow', 'UPDATE orders SET amount = amount + 1 WHERE pg_sleep(0.5) IS NOT NULL')],
      rows: parseRowsSpec('100'),
      budget: 1000,
      timeoutMs: 300,
    });
    expect(result.trace.stopped).toMatchObject({ timedOut: true, line: 1 });
    expect(result.data.statements[0].timedOut).toBe(true);
    const findings = observationFindings(result.statements, { maxBlockingMs: 1e9, fileOf: () => 'm.sql', existing: result.existing });
    expect(findings.map((f) => f.ruleId)).toContain('rehearsal/timeout');
  });

  it('fills the tables at once but traces the new migrations only after traceAfter settles', async () => {
    const major = testMajors()[0];
    const db = await freshDatabase({ major });
    await query(db, BASE);
    let release!: () => void;
    const traceAfter = new Promise<void>((resolve) => (release = resolve));
    const running = rehearse({
      connection: db,
      migrations: [migration('20250101000000_change', 'ALTER TABLE orders ADD COLUMN priority integer NOT NULL DEFAULT 0')],
      rows: parseRowsSpec('orders=2000,users=100'),
      budget: 2_000_000,
      timeoutMs: 60_000,
      serverMajor: major,
      traceAfter,
    });
    const filled = async () => Number((await query(db, 'SELECT count(*)::int AS n FROM orders'))[0].n);
    for (let waited = 0; (await filled()) < 2000 && waited < 30_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    expect(await filled()).toBe(2000);
    await new Promise((r) => setTimeout(r, 300));
    const column = "SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'priority'";
    expect((await query(db, column))[0].n).toBe(0); // not traced yet
    release();
    const result = await running;
    expect(result.data.statements).toHaveLength(1);
    expect((await query(db, column))[0].n).toBe(1);
  });
});

describe('findings from observation, on a table production holds 200 rows of', () => {
  // One rehearsal, sized from a stats database: a plain CREATE INDEX on the small table (the
  // linter flags it), then a DO block whose EXECUTE rewrites the table (the SQL predicts no lock).
  const INDEX = migration('20250101000000_index', 'CREATE INDEX orders_amount_idx ON orders (amount);');
  const HIDDEN = migration('20250102000000_hidden', `DO $$ BEGIN EXECUTE 'ALTER TABLE orders ALTER COLUMN amount TYPE bigint'; END $$;`);
  const fileOf = (name: string) => `${name}/migration.sql`;
  let result: RehearsalResult;
  beforeAll(async () => {
    const major = testMajors()[0];
    const stats = await freshDatabase({ major });
    await query(stats, BASE);
    await withClient(stats, (client) =>
      bulkSeed(
        client,
        'public',
        new Map([
          ['users', 20],
          ['orders', 200],
        ]),
      ),
    );
    const db = await freshDatabase({ major });
    await query(db, BASE);
    result = await rehearse({
      connection: db,
      migrations: [INDEX, HIDDEN],
      stats,
      rows: parseRowsSpec('1'),
      budget: 10_000,
      timeoutMs: 60_000,
    });
  });

  it('a lock stronger than the SQL predicts is an error finding with what was measured', () => {
    expect(result.sizing.source).toBe('stats-database');
    expect(result.data.rows['public.orders']).toBe(200);
    const findings = observationFindings(result.statements, { maxBlockingMs: 1e9, fileOf, existing: result.existing });
    const stronger = findings.filter((f) => f.ruleId === 'rehearsal/stronger-lock');
    expect(stronger).toHaveLength(1);
    expect(stronger[0]).toMatchObject({ severity: 'error', file: fileOf(HIDDEN.name), line: 1 });
    expect(stronger[0].message).toMatch(
      /took ACCESS EXCLUSIVE on public\.orders for \d+ m?s in the rehearsal; from its SQL, no lock on that table was expected/,
    );
  });

  it("the linter's CREATE INDEX finding becomes a notice: harmless at 200 rows", async () => {
    const lint = await lintMigrations({
      migrations: [INDEX].map((m) => ({ name: m.name, path: fileOf(m.name), sql: m.sql })),
      existing: [{ name: '20240101000000_base', path: 'base.sql', sql: BASE }],
    });
    const findings = reportFindings(lint.findings);
    const index = findings.find((f) => f.ruleId === 'lock/create-index-non-concurrent');
    expect(index).toMatchObject({ file: fileOf(INDEX.name), line: 1 });
    const severity = index!.severity;
    expect(severity).not.toBe('notice');
    // max-blocking well above what an index build on 200 rows can take on a loaded machine.
    expect(downgradeHarmless(findings, result.statements, { maxBlockingMs: 10_000, fileOf, existing: result.existing })).toBeGreaterThan(0);
    expect(index!.severity).toBe('notice');
    expect(index!.message).toMatch(
      /Rehearsed at production size: the statement took \d+ ms \(about \d+ ms in production\).*so it is harmless at these sizes\./,
    );
  });
});
