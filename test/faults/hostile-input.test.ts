/**
 * Hostile and broken input: migration files (random bytes, invalid UTF-8, BOM, CRLF, 50 MB,
 * 10,000 statements, unterminated quotes and comments), folder names with shell
 * metacharacters, awkward identifiers through apply, lint and drift-check, and bad connection
 * inputs. Each ends in a clear error or correct handling, never a crash.
 */
import { jest } from '@jest/globals';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { applyMigrations, migrationStatus, planMigrations } from '../../src/migrations/index.js';
import { MigrateActionsError } from '../../src/errors.js';
import { startThrowawayCluster, type PostgresServer } from '../../src/postgres/ephemeral.js';
import { buildDatabaseUrl, type ConnectionSettings } from '../../src/postgres/url.js';
import { dropTestDatabases, freshDatabase, query, testServer } from '../helpers/pg.js';
import { ClusterControl, cli, scenario, tempDir, writeMigrations, type Recorder } from './support.js';

jest.setTimeout(60000);
afterAll(dropTestDatabases);

const FILES = 'Hostile input: migration files and names';
const IDENTIFIERS = 'Hostile input: identifiers';
const INPUTS = 'Hostile input: connection and project inputs';

async function failure(promise: Promise<unknown>): Promise<MigrateActionsError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MigrateActionsError);
  return error as MigrateActionsError;
}

async function tableNames(db: ConnectionSettings): Promise<string[]> {
  return (
    await query<{ t: string }>(
      db,
      "SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1",
    )
  ).map((r) => r.t);
}

/** Deterministic pseudo-random bytes (no flaky inputs). */
function randomBytes(n: number, seed: number): Buffer {
  const out = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >> 16;
  }
  return out;
}

describe('migration files', () => {
  scenario(
    FILES,
    'random bytes as migration.sql: apply, plan and lint fail with a positioned error, nothing applied',
    async (r: Recorder) => {
      const db = await freshDatabase();
      const dir = writeMigrations(tempDir('random'), {
        '20250101000000_ok': 'CREATE TABLE ok (id int);\n',
        '20250102000000_noise': randomBytes(4096, 7),
      });
      const error = await failure(applyMigrations({ connection: db, dir }));
      expect(['E_MIGRATION_NOT_UTF8', 'E_SQL_PARSE']).toContain(error.code);
      expect(error.where?.migration).toBe('20250102000000_noise');
      expect(error.where?.line).toBeGreaterThan(0);
      expect(await tableNames(db)).toEqual([]);
      const lint = await cli(['lint', '--migrations-dir', dir, '--json'], dir);
      expect(lint.code).toBe(1);
      expect(lint.out).toMatch(/lint\/syntax-error/);
      r.lostNothing = true;
    },
  );

  scenario(FILES, 'invalid UTF-8: E_MIGRATION_NOT_UTF8 with the line, through the CLI (exit 1)', async () => {
    const db = await freshDatabase();
    const bytes = Buffer.concat([
      Buffer.from('CREATE TABLE a (id int);\n-- caf'),
      Buffer.from([0xe9]),
      Buffer.from('\nCREATE TABLE b (id int);\n'),
    ]);
    const dir = writeMigrations(tempDir('latin1'), { '20250101000000_latin1': bytes });
    const run = await cli(['apply', '--database-url', db.url, '--migrations-dir', dir], dir);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/\[E_MIGRATION_NOT_UTF8\].*not valid UTF-8/);
    expect(run.err).toMatch(/migration\.sql:2/);
    expect(run.err).toMatch(/what to do: Re-save the file as UTF-8/);
    expect(await tableNames(db)).toEqual([]);
  });

  scenario(FILES, 'BOM and CRLF: applied correctly, checksum of the exact bytes, lines right', async (r) => {
    const db = await freshDatabase();
    const bytes = Buffer.from(
      '\uFEFFCREATE TABLE crlf (id int);\r\n\r\nINSERT INTO crlf VALUES (1);\r\nCREATE INDEX crlf_idx ON crlf (id);\r\n',
    );
    const dir = writeMigrations(tempDir('bom'), { '20250101000000_bom_crlf': bytes });
    const plan = await planMigrations({ connection: db, dir });
    expect(plan.migrations[0].statements.map((s) => s.line)).toEqual([1, 3, 4]);
    await applyMigrations({ connection: db, dir });
    expect(await query(db, 'SELECT id FROM crlf')).toEqual([{ id: 1 }]);
    const [row] = await query<{ checksum: string }>(db, 'SELECT checksum FROM _prisma_migrations');
    expect(row.checksum).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect((await migrationStatus({ connection: db, dir })).upToDate).toBe(true);
    r.lostNothing = true;
  });

  scenario(FILES, '10,000 statements in one migration: applied atomically, once', async (r) => {
    const db = await freshDatabase();
    const sql = [
      'CREATE TABLE many (id int PRIMARY KEY);',
      ...Array.from({ length: 9999 }, (_, i) => `INSERT INTO many VALUES (${i});`),
    ].join('\n');
    const dir = writeMigrations(tempDir('many'), { '20250101000000_many': sql });
    const started = performance.now();
    const result = await applyMigrations({ connection: db, dir });
    r.numbers['statements'] = result.applied[0].statements;
    r.numbers['apply (ms)'] = Math.round(performance.now() - started);
    expect(result.applied[0].statements).toBe(10000);
    // Not asserted (no timed assertions); statement positions are computed in one linear pass.
    expect(await query(db, 'SELECT count(*)::int AS n FROM many')).toEqual([{ n: 9999 }]);
    r.lostNothing = true;
  });

  scenario(FILES, 'a 50 MB migration file (one 50 MB INSERT): parsed, applied, every byte arrives', async (r) => {
    const db = await freshDatabase();
    const dir = tempDir('huge');
    const payload = 'x'.repeat(10_000);
    const rows = 5_000; // ≈ 50 MB
    fs.mkdirSync(path.join(dir, '20250101000000_huge'));
    const file = path.join(dir, '20250101000000_huge', 'migration.sql');
    const values = Array.from({ length: rows }, (_, i) => `(${i}, '${payload}')`).join(',\n');
    fs.writeFileSync(file, `CREATE TABLE huge (id int, s text);\nINSERT INTO huge VALUES\n${values};\n`);
    r.numbers['file size (MB)'] = Math.round(fs.statSync(file).size / 1e6);
    const started = performance.now();
    const result = await applyMigrations({ connection: db, dir });
    r.numbers['apply (ms)'] = Math.round(performance.now() - started);
    expect(result.applied).toHaveLength(1);
    expect(await query(db, 'SELECT count(*)::int AS n, sum(length(s))::int AS chars FROM huge')).toEqual([
      { n: rows, chars: rows * payload.length },
    ]);
    fs.rmSync(dir, { recursive: true, force: true });
    r.lostNothing = true;
  });

  const UNTERMINATED: Array<[string, string, number]> = [
    ['dollar quote', 'CREATE TABLE a (id int);\nCREATE FUNCTION f() RETURNS int AS $body$\nSELECT 1;\n', 2],
    ['block comment', 'CREATE TABLE a (id int);\n/* never closed\nCREATE TABLE b (id int);\n', 2],
    ['string literal', "CREATE TABLE a (id int);\nINSERT INTO a VALUES ('open);\n", 2],
    ['quoted identifier', 'CREATE TABLE a (id int);\nCREATE TABLE "open (id int);\n', 2],
  ];
  for (const [what, sql, line] of UNTERMINATED) {
    scenario(FILES, `unterminated ${what}: E_SQL_PARSE at its line, no pending migration applied`, async (r) => {
      const db = await freshDatabase();
      const dir = writeMigrations(tempDir('unterminated'), {
        '20250101000000_first': 'CREATE TABLE first (id int);\n',
        '20250102000000_broken': sql,
      });
      const error = await failure(applyMigrations({ connection: db, dir }));
      expect(error.code).toBe('E_SQL_PARSE');
      expect(error.where?.migration).toBe('20250102000000_broken');
      expect(error.where?.line).toBeGreaterThanOrEqual(line);
      expect(error.message).toMatch(/Nothing was applied/);
      expect(await tableNames(db)).toEqual([]);
      r.lostNothing = true;
    });
  }

  scenario(FILES, 'folder names with spaces, quotes, .. and shell metacharacters are plain names: nothing runs', async (r) => {
    const db = await freshDatabase();
    const work = tempDir('names');
    const canaryFile = path.join(work, 'pwned');
    const canaryDir = path.join(work, 'keep-me');
    fs.mkdirSync(canaryDir);
    // Folder names cannot hold "/": any shell would expand these variables to the canaries' paths.
    process.env.PMA_CANARY_DIR = canaryDir;
    process.env.PMA_CANARY_FILE = canaryFile;
    const names = [
      '20250101000000_x; rm -rf $PMA_CANARY_DIR',
      '20250102000000_$(touch $PMA_CANARY_FILE)',
      '20250103000000_`touch $PMA_CANARY_FILE`',
      '20250104000000_it\'s "quoted" | & > <',
      '20250105000000_..',
      '20250106000000_with  spaces and ünïcödé ✓',
    ];
    const dir = path.join(work, 'prisma', 'migrations');
    // A base migration first: the target has a schema (an empty one trips the known empty-backup bug).
    writeMigrations(dir, {
      '20250100000000_base': 'CREATE TABLE base (id int);\n',
      ...Object.fromEntries(names.map((n, i) => [n, `CREATE TABLE t${i} (id int);\n`])),
    });
    await applyMigrations({ connection: db, dir, upTo: '20250100000000_base' });
    const url = db.url;
    const out = path.join(work, 'out');
    const runs = [
      await cli(['plan', '--database-url', url, '--migrations-dir', dir], work),
      await cli(['lint', '--migrations-dir', dir], work),
      await cli(
        [
          'deploy',
          '--database-url',
          url,
          '--migrations-dir',
          dir,
          '--environment',
          'staging',
          '--backup-dir',
          out,
          '--report-dir',
          out,
          '--drift-policy',
          'ignore',
        ],
        work,
      ),
      await cli(['status', '--database-url', url, '--migrations-dir', dir, '--json'], work),
      await cli(
        [
          'drift-check',
          '--database-url',
          url,
          '--migrations-dir',
          dir,
          '--replay-database-url',
          (await testServer()).admin.url,
          '--report-dir',
          out,
        ],
        work,
      ),
    ];
    expect(runs.map((x) => (x.code ? x.out + x.err : x.code))).toEqual([0, 0, 0, 0, 0]);
    expect(fs.existsSync(canaryFile)).toBe(false);
    expect(fs.existsSync(canaryDir)).toBe(true);
    const recorded = await query<{ migration_name: string }>(db, 'SELECT migration_name FROM _prisma_migrations ORDER BY migration_name');
    expect(recorded.map((x) => x.migration_name).sort()).toEqual(['20250100000000_base', ...names].sort());
    r.numbers['hostile names applied'] = recorded.length - 1;
    r.lostNothing = true;
  });

  scenario(FILES, 'a folder name of 255 bytes (the filesystem maximum, multibyte): recorded whole, status up to date', async (r) => {
    const db = await freshDatabase();
    const name = `20250101000000_${'ü'.repeat(120)}`; // 15 + 240 bytes, 135 characters
    const dir = writeMigrations(tempDir('long'), { [name]: 'CREATE TABLE long_name (id int);\n' });
    const run = await cli(['apply', '--database-url', db.url, '--migrations-dir', dir], dir);
    expect(run.err.split('\n').filter((l) => /\[E_/.test(l))).toEqual([]);
    expect(run.code).toBe(0);
    expect(await query(db, 'SELECT migration_name FROM _prisma_migrations')).toEqual([{ migration_name: name }]);
    expect((await migrationStatus({ connection: db, dir })).upToDate).toBe(true);
    r.lostNothing = true;
  });
});

describe('identifiers', () => {
  const WEIRD = [
    'CREATE TYPE "Mood ""Enum""" AS ENUM (\'ok\', \'not ok\');',
    'CREATE TABLE "Order" ("select" int PRIMARY KEY, "MixedCase" text NOT NULL, "ünïcödé ✓" "Mood ""Enum""", "from" text);',
    'CREATE TABLE "user" (id int PRIMARY KEY, "order" int REFERENCES "Order" ("select"));',
    'CREATE INDEX "Idx ""quoted"" name" ON "Order" ("MixedCase", "from");',
    'CREATE VIEW "Über View" AS SELECT "select", "MixedCase" FROM "Order";',
    'ALTER TABLE "Order" ADD CONSTRAINT "check ""it""" CHECK (length("MixedCase") > 0);',
  ].join('\n');

  scenario(
    IDENTIFIERS,
    'quotes, mixed case, unicode and reserved words: apply, lint, drift-check (none), drift found and reconciled',
    async (r) => {
      const schema = 'Tenant "Ä" one';
      const db = await freshDatabase({ schema });
      const work = tempDir('idents');
      const dir = writeMigrations(path.join(work, 'migrations'), {
        '20250101000000_weird': WEIRD,
        '20250102000000_change': 'ALTER TABLE "Order" ADD COLUMN "Größe" int;\nCREATE INDEX "Order_Größe_idx" ON "Order" ("Größe");\n',
      });
      const apply = await cli(['apply', '--database-url', db.url, '--migrations-dir', dir], work);
      expect(apply.code).toBe(0);
      const lint = await cli(['lint', '--database-url', db.url, '--json', path.join(dir, '20250102000000_change', 'migration.sql')], work);
      const findings = (JSON.parse(lint.out) as { findings: Array<{ ruleId: string; message: string }> }).findings;
      expect(findings.some((f) => f.message.includes('Order'))).toBe(true);
      const replay = (await testServer()).admin.url;
      const clean = await cli(
        ['drift-check', '--database-url', db.url, '--migrations-dir', dir, '--replay-database-url', replay, '--json'],
        work,
      );
      expect(JSON.parse(clean.out).data?.differences ?? JSON.parse(clean.out).differences ?? []).toEqual([]);
      expect(clean.code).toBe(0);
      // A hand-made change with awkward names is found, and its reconcile SQL quotes them right.
      await query(db, 'ALTER TABLE "Order" ADD COLUMN "Hand ""Made"" ✓" int; CREATE INDEX "hand idx" ON "user" ("order")');
      const drifted = await cli(
        ['drift-check', '--database-url', db.url, '--migrations-dir', dir, '--replay-database-url', replay, '--json'],
        work,
      );
      expect(drifted.code).toBe(1);
      const report = JSON.parse(drifted.out);
      const steps = (report.data?.reconcile ?? []) as Array<{ sql: string }>;
      r.numbers['differences found'] = (report.data?.differences ?? []).length;
      expect(steps.length).toBeGreaterThan(0);
      await query(db, steps.map((s) => s.sql).join(';\n'));
      const after = await cli(['drift-check', '--database-url', db.url, '--migrations-dir', dir, '--replay-database-url', replay], work);
      expect(after.code).toBe(0);
      r.lostNothing = true;
    },
  );
});

describe('connection and project inputs', () => {
  const MALFORMED: Array<[string, RegExp]> = [
    ['not a url at all', /neither a URL .* nor a libpq string/],
    ['mysql://u:p@h/db', /scheme is "mysql"/],
    ['postgresql://u:p@h:99999/db', /port "99999"/],
    ['postgresql://u:p@h:5432/', /names no database/],
    ['postgresql://u:p@h/db?sslmode=sometimes', /sslmode "sometimes"/],
    ['postgresql://u:%zz@h/db', /between "\/\/" and the host is not valid/],
  ];
  for (const [url, message] of MALFORMED) {
    scenario(INPUTS, `malformed URL ${JSON.stringify(url)}: exit 2, what is wrong and what to do`, async () => {
      const run = await cli(['status', '--database-url', url], process.cwd());
      expect(run.code).toBe(2);
      expect(run.err).toMatch(/E_URL_INVALID/);
      expect(run.err).toMatch(message);
      expect(run.err).toMatch(/what to do: Use the form postgresql:\/\//);
    });
  }

  let server: PostgresServer;
  let dir: string;
  beforeAll(async () => {
    server = await startThrowawayCluster({ major: 15 });
    await query(server.admin, "CREATE ROLE app LOGIN PASSWORD 'right-password-1f2e'");
    new ClusterControl(server).requirePasswords();
    dir = writeMigrations(tempDir('inputs'), { '20250101000000_a': 'CREATE TABLE a (id int);\n' });
  });
  afterAll(() => server?.stop());

  function urlFor(parts: Partial<{ user: string; password: string; port: number; database: string; sslmode: 'require' }>): string {
    return buildDatabaseUrl({
      host: server.socketDir!,
      port: 5432,
      user: 'app',
      password: 'right-password-1f2e',
      database: 'postgres',
      ...parts,
    });
  }

  const CONNECTION: Array<[string, () => string, RegExp]> = [
    ['wrong password', () => urlFor({ password: 'wrong-password-9d8c' }), /password authentication failed for user "app"/],
    [
      'a role that does not exist',
      () => urlFor({ user: 'nobody_here' }),
      /password authentication failed|role "nobody_here" does not exist/,
    ],
    ['wrong port', () => urlFor({ port: 5499 }), /ENOENT|ECONNREFUSED|connect/],
    ['a database that does not exist', () => urlFor({ database: 'no_such_db' }), /database "no_such_db" does not exist/],
    ['sslmode=require against a server without TLS', () => urlFor({ sslmode: 'require' }), /does not support SSL|SSL/],
  ];
  for (const [what, url, message] of CONNECTION) {
    scenario(INPUTS, `${what}: exit 1 with the server's reason and what to check`, async () => {
      const run = await cli(['apply', '--database-url', url(), '--migrations-dir', dir], dir);
      expect(run.code).toBe(1);
      expect(run.err).toMatch(/\[E_CONNECT\] Cannot connect to postgresql:\/\/[^:]+:\*\*\*@/);
      expect(run.err).toMatch(message);
      expect(run.err).toMatch(/what to do: Check the database URL/);
      expect(run.err).not.toMatch(/right-password-1f2e|wrong-password-9d8c/);
    });
  }

  scenario(INPUTS, 'the right password works (control for the scenarios above)', async () => {
    const run = await cli(['status', '--database-url', urlFor({}), '--migrations-dir', dir], dir);
    expect(run.code).toBe(1); // one pending migration, as prisma migrate status
    expect(run.out).toMatch(/Pending: 20250101000000_a/);
  });

  scenario(INPUTS, 'an empty migrations dir: apply, status and lint say there is nothing, exit 0', async () => {
    const db = await freshDatabase();
    const empty = tempDir('empty-dir');
    const apply = await cli(['apply', '--database-url', db.url, '--migrations-dir', empty], empty);
    expect(apply.code).toBe(0);
    expect(apply.out).toMatch(/Nothing to apply/);
    const status = await cli(['status', '--database-url', db.url, '--migrations-dir', empty], empty);
    expect(status.code).toBe(0);
    const lint = await cli(['lint', '--migrations-dir', empty], empty);
    expect(lint.code).toBe(0);
    expect(lint.out).toMatch(/0 statements in 0 migrations/);
  });

  scenario(INPUTS, 'a migrations dir that does not exist: a message naming it and the option to fix', async () => {
    const db = await freshDatabase();
    const run = await cli(['apply', '--database-url', db.url, '--migrations-dir', '/nonexistent/prisma/migrations'], process.cwd());
    expect(run.code).not.toBe(0);
    expect(run.err).toMatch(/\[E_MIGRATIONS_DIR_MISSING\] The migrations directory \/nonexistent\/prisma\/migrations does not exist/);
    expect(run.err).toMatch(/what to do: Pass --dir/);
  });

  scenario(INPUTS, 'a missing schema.prisma: migration-test says so in its schema check, other checks still run', async () => {
    const work = tempDir('no-schema');
    const migrations = writeMigrations(path.join(work, 'prisma', 'migrations'), { '20250101000000_a': 'CREATE TABLE a (id int);\n' });
    const run = await cli(
      [
        'migration-test',
        '--database-url',
        (await testServer()).admin.url,
        '--migrations-dir',
        migrations,
        '--schema-path',
        path.join(work, 'prisma', 'schema.prisma'),
        '--no-rollback-rehearsal',
        '--json',
      ],
      work,
    );
    const report = JSON.parse(run.out) as { checks: Array<{ name: string; status: string; detail?: string }> };
    const schemaCheck = report.checks.find((c) => /schema\.prisma/.test(c.name));
    expect(schemaCheck).toBeDefined();
    expect(schemaCheck!.status).not.toBe('pass');
    expect(schemaCheck!.detail).toMatch(/schema\.prisma|no such file|ENOENT|Prisma CLI/i);
    expect(report.checks.find((c) => c.name === 'Apply from scratch')?.status).toBe('pass');
  });
});
