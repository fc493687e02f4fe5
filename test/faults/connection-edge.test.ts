/**
 * The connection edge with real servers: a PgBouncer in transaction mode in front of the test
 * cluster (what hosted providers hand out as DATABASE_URL), a hot standby made with
 * pg_basebackup -R, and a database whose sessions are read-only. Commands that change the
 * database refuse before any lock or table; read-only commands work and say what they read.
 */
import { jest } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startThrowawayCluster, type PostgresServer } from '../../src/postgres/ephemeral.js';
import { buildDatabaseUrl, parseDatabaseUrl, type ConnectionSettings } from '../../src/postgres/url.js';
import { openClient } from '../../src/postgres/client.js';
import { dropTestDatabases, freshDatabase, query, testServer } from '../helpers/pg.js';
import { cli, scenario, tempDir, waitFor, writeMigrations } from './support.js';

jest.setTimeout(180000);
afterAll(dropTestDatabases);

const AREA = 'Connection edge: poolers and standbys';
const PGBOUNCER = '/usr/sbin/pgbouncer';
const MIGRATIONS = {
  '20250101000000_init': 'CREATE TABLE account (id int PRIMARY KEY, email text);\n',
  '20250102000000_index': 'CREATE INDEX account_email_idx ON account (email);\n',
};
const asPostgres = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : [];

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function chownToPostgres(target: string): void {
  if (asPostgres.length) spawnSync('chown', ['-R', 'postgres:postgres', target]);
}

/** A PgBouncer (transaction pooling) in front of a unix-socket cluster; stopped by its pid. */
async function startPgBouncer(socketDir: string): Promise<{ port: number; stop: () => void; dir: string }> {
  const dir = tempDir('pgbouncer');
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  fs.writeFileSync(path.join(dir, 'users.txt'), '"postgres" ""\n');
  fs.writeFileSync(
    path.join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `* = host=${socketDir} port=5432`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${path.join(dir, 'users.txt')}`,
      'pool_mode = transaction',
      'default_pool_size = 4',
      `pidfile = ${path.join(dir, 'pgbouncer.pid')}`,
      `logfile = ${path.join(dir, 'pgbouncer.log')}`,
      // Hosted poolers accept these (the search_path for ?schema= travels in "options").
      'ignore_startup_parameters = extra_float_digits,options',
      '',
    ].join('\n'),
  );
  chownToPostgres(dir);
  const run = spawnSync(
    asPostgres[0] ?? PGBOUNCER,
    [...asPostgres.slice(1), ...(asPostgres.length ? [PGBOUNCER] : []), '-d', path.join(dir, 'pgbouncer.ini')],
    {
      encoding: 'utf8',
    },
  );
  if (run.status !== 0) throw new Error(`pgbouncer did not start: ${run.stderr}${run.stdout}`);
  const pidFile = path.join(dir, 'pgbouncer.pid');
  const pid = await waitFor('the pgbouncer pid file', () =>
    fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8').trim()) : undefined,
  );
  await waitFor(
    'pgbouncer to accept connections',
    () =>
      new Promise<boolean>((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => (socket.end(), resolve(true)));
        socket.on('error', () => resolve(false));
      }),
  );
  return {
    port,
    dir,
    stop: () => {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    },
  };
}

function pooled(db: ConnectionSettings, port: number): string {
  return buildDatabaseUrl({ host: '127.0.0.1', port, user: 'postgres', database: db.database });
}

async function advisoryLocks(db: ConnectionSettings): Promise<number> {
  const rows = await query<{ n: string }>(
    db,
    `SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
  );
  return Number(rows[0].n);
}

async function hasTable(db: ConnectionSettings, table: string): Promise<boolean> {
  return (await query(db, `SELECT to_regclass($1) AS t`, [table]))[0].t !== null;
}

describe('PgBouncer in transaction mode', () => {
  let bouncer: Awaited<ReturnType<typeof startPgBouncer>>;
  let work: string;
  let dir: string;
  beforeAll(async () => {
    const server = await testServer();
    bouncer = await startPgBouncer(server.socketDir ?? parseDatabaseUrl(server.admin.url).host);
    work = tempDir('pooler');
    dir = writeMigrations(path.join(work, 'migrations'), MIGRATIONS);
  });
  afterAll(() => bouncer?.stop());

  scenario(
    AREA,
    'apply and deploy through PgBouncer (transaction mode) refuse before the lock: exit 2, pooler named, no advisory lock left',
    async (r) => {
      const db = await freshDatabase();
      const url = pooled(db, bouncer.port);
      const apply = await cli(['apply', '--database-url', url, '--migrations-dir', dir], work);
      expect(apply.code).toBe(2);
      expect(apply.err).toMatch(
        /\[E_URL_POOLED\] apply needs a direct connection, but postgresql:\/\/postgres@127\.0\.0\.1:\d+\/\S+ goes through PgBouncer \(transaction mode\)/,
      );
      expect(apply.err).toMatch(/advisory lock/);
      expect(apply.err).toMatch(/what to do: Use a direct URL/);
      const deploy = await cli(
        [
          'deploy',
          '--database-url',
          url,
          '--migrations-dir',
          dir,
          '--environment',
          'staging',
          '--skip-backup',
          '--report-dir',
          path.join(work, 'r'),
        ],
        work,
      );
      expect(deploy.code).toBe(2);
      expect(deploy.err).toMatch(/E_URL_POOLED\] deploy needs a direct connection/);
      const resolve = await cli(['resolve', '--database-url', url, '--migrations-dir', dir, '--applied', '20250101000000_init'], work);
      expect(resolve.code).toBe(2);
      expect(await advisoryLocks(db)).toBe(0);
      expect(await hasTable(db, '_prisma_migrations')).toBe(false);
      r.lostNothing = true;
      // The same database, directly: applies.
      expect((await cli(['apply', '--database-url', db.url, '--migrations-dir', dir], work)).code).toBe(0);
    },
  );

  scenario(AREA, '3 concurrent applies through PgBouncer: all refused, nothing applied (twice or at all), no lock held', async (r) => {
    const db = await freshDatabase();
    const url = pooled(db, bouncer.port);
    const runs = await Promise.all([0, 1, 2].map(() => cli(['apply', '--database-url', url, '--migrations-dir', dir, '--json'], work)));
    expect(runs.map((x) => x.code)).toEqual([2, 2, 2]);
    for (const run of runs) expect(JSON.parse(run.out).error.code).toBe('E_URL_POOLED');
    expect(await hasTable(db, '_prisma_migrations')).toBe(false);
    expect(await hasTable(db, 'account')).toBe(false);
    expect(await advisoryLocks(db)).toBe(0);
    r.numbers['concurrent runs'] = 3;
    r.lostNothing = true;
  });

  scenario(
    AREA,
    '6 concurrent pooler probes through one PgBouncer (pool of 4): every one sees the pooler, none waits forever',
    async (r) => {
      // Other clients taking and returning pooled servers between a probe's steps once let a
      // probe get its own server back and call the pooler a direct connection.
      const { detectPooler } = await import('../../src/postgres/pooler.js');
      const db = await freshDatabase();
      const settings = parseDatabaseUrl(pooled(db, bouncer.port));
      // Six probes each hold a server of the four while asking for another: the pool is saturated.
      // Half use a session of the caller's as one of their two clients, as apply and status do.
      const sessions = Array.from({ length: 3 }, () => openClient(settings, { applicationName: 'caller-session' }));
      const found = await Promise.all(
        Array.from({ length: 6 }, (_, i) => (i % 2 ? detectPooler(settings, sessions[(i - 1) / 2]) : detectPooler(settings))),
      );
      expect(found.map((f) => f?.mode)).toEqual(Array(6).fill('transaction'));
      // The caller's sessions are the caller's to end: still open.
      for (const session of sessions) {
        const client = await session;
        expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
        await client.end();
      }
      r.numbers['concurrent probes'] = 6;
    },
  );

  scenario(AREA, 'status, plan, lint and drift-check work through PgBouncer and say so in a notice', async () => {
    const db = await freshDatabase();
    expect((await cli(['apply', '--database-url', db.url, '--migrations-dir', dir], work)).code).toBe(0);
    const url = pooled(db, bouncer.port);
    const notice = /Read through a connection pooler/;
    const status = await cli(['status', '--database-url', url, '--migrations-dir', dir, '--json'], work);
    expect(status.code).toBe(0);
    expect(
      JSON.parse(status.out)
        .findings.map((f: { title: string }) => f.title)
        .join(),
    ).toMatch(notice);
    const plan = await cli(['plan', '--database-url', url, '--migrations-dir', dir], work);
    expect(plan.code).toBe(0);
    expect(plan.out).toMatch(/PgBouncer/);
    const lint = await cli(['lint', '--database-url', url, '--migrations-dir', dir, '--json'], work);
    expect(JSON.stringify(JSON.parse(lint.out).findings)).toMatch(notice);
    const replay = (await testServer()).admin.url;
    const drift = await cli(
      ['drift-check', '--database-url', url, '--migrations-dir', dir, '--replay-database-url', replay, '--json'],
      work,
    );
    expect(drift.code).toBe(0);
    expect(JSON.stringify(JSON.parse(drift.out).findings)).toMatch(notice);
    // A direct URL gives no such notice (the probe does not mistake a direct connection for a pooler).
    const direct = await cli(['status', '--database-url', db.url, '--migrations-dir', dir, '--json'], work);
    expect(direct.out).not.toMatch(notice);
  });
});

describe('the pooler probe on a direct connection', () => {
  it('asks the session it is given and opens no connection of its own (a byte relay in front of PostgreSQL counts them)', async () => {
    // A relay forwards bytes as a session-level proxy does: the cancel key it passes on is the
    // backend's own, so the probe needs no second client to call the connection direct.
    const server = await testServer();
    const socket = path.join(server.socketDir ?? parseDatabaseUrl(server.admin.url).host, '.s.PGSQL.5432');
    let accepted = 0;
    const relay = net.createServer((client) => {
      accepted++;
      const upstream = net.connect(socket);
      client.pipe(upstream).pipe(client);
      const close = () => (client.destroy(), upstream.destroy());
      client.on('error', close).on('close', close);
      upstream.on('error', close).on('close', close);
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    try {
      const { detectPooler } = await import('../../src/postgres/pooler.js');
      const db = await freshDatabase();
      const settings = parseDatabaseUrl(
        buildDatabaseUrl({ host: '127.0.0.1', port: (relay.address() as net.AddressInfo).port, user: 'postgres', database: db.database }),
      );
      const session = openClient(settings, { applicationName: 'caller-session' });
      expect(await detectPooler(settings, session)).toBeUndefined();
      expect(accepted).toBe(1);
      await (await session).end();
      expect(await detectPooler(settings)).toBeUndefined();
      expect(accepted).toBe(2);
    } finally {
      relay.close();
    }
  });
});

describe('read-only targets', () => {
  let primary: PostgresServer;
  let standbyDir: string;
  let standbySocket: string;
  let work: string;
  let dir: string;
  const binDir = (): string => (primary as unknown as { binaries: { binDir: string } }).binaries.binDir;
  beforeAll(async () => {
    primary = await startThrowawayCluster({ major: 15, settings: { wal_level: 'replica', max_wal_senders: '5' } });
    work = tempDir('standby');
    dir = writeMigrations(path.join(work, 'migrations'), MIGRATIONS);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-standby-'));
    fs.chmodSync(root, 0o755);
    standbyDir = path.join(root, 'data');
    standbySocket = path.join(root, 'sock');
    fs.mkdirSync(standbySocket);
    chownToPostgres(root);
    const base = spawnSync(
      asPostgres[0] ?? path.join(binDir(), 'pg_basebackup'),
      [
        ...asPostgres.slice(1),
        ...(asPostgres.length ? [path.join(binDir(), 'pg_basebackup')] : []),
        '-D',
        standbyDir,
        '-R',
        '-X',
        'stream',
        '-h',
        primary.socketDir!,
        '-p',
        '5432',
        '-U',
        'postgres',
      ],
      { encoding: 'utf8' },
    );
    if (base.status !== 0) throw new Error(`pg_basebackup failed: ${base.stderr}`);
    const start = spawnSync(
      asPostgres[0] ?? path.join(binDir(), 'pg_ctl'),
      [
        ...asPostgres.slice(1),
        ...(asPostgres.length ? [path.join(binDir(), 'pg_ctl')] : []),
        'start', '-D', standbyDir, '-w', '-t', '60', '-l', path.join(root, 'server.log'),
        '-o', `-c listen_addresses='' -c unix_socket_directories='${standbySocket}' -c port=5433 -c hot_standby=on -c fsync=off -c max_connections=200`,
      ],
      { encoding: 'utf8' },
    ); // prettier-ignore
    if (start.status !== 0)
      throw new Error(
        `standby did not start: ${start.stderr}${start.stdout}${fs.readFileSync(path.join(root, 'server.log'), 'utf8').slice(-1500)}`,
      );
  });
  afterAll(async () => {
    if (standbyDir) {
      spawnSync(asPostgres[0] ?? path.join(binDir(), 'pg_ctl'), [
        ...asPostgres.slice(1),
        ...(asPostgres.length ? [path.join(binDir(), 'pg_ctl')] : []),
        'stop',
        '-D',
        standbyDir,
        '-m',
        'immediate',
        '-w',
      ]);
      fs.rmSync(path.dirname(standbyDir), { recursive: true, force: true });
    }
    await primary?.stop();
  });

  const standbyUrl = (database: string): string => buildDatabaseUrl({ host: standbySocket, port: 5433, user: 'postgres', database });

  scenario(
    AREA,
    'apply and deploy against a hot standby refuse before anything (E_URL_READ_ONLY, exit 2); drift-check reads it and reports its lag',
    async (r) => {
      const db = await primary.createDatabase('app');
      expect((await cli(['apply', '--database-url', db.url, '--migrations-dir', dir], work)).code).toBe(0);
      const standby = parseDatabaseUrl(standbyUrl('app'));
      await waitFor(
        'the standby to replay the migrations',
        async () => (await query(standby, `SELECT to_regclass('account_email_idx') AS t`).catch(() => [{ t: null }]))[0].t,
      );
      const more = writeMigrations(path.join(work, 'more'), {
        ...MIGRATIONS,
        '20250103000000_more': 'ALTER TABLE account ADD COLUMN n int;\n',
      });
      const apply = await cli(['apply', '--database-url', standby.url, '--migrations-dir', more], work);
      expect(apply.code).toBe(2);
      expect(apply.err).toMatch(/\[E_URL_READ_ONLY\] apply cannot change .* it is a hot standby/);
      expect(apply.err).toMatch(/what to do: Point database-url at the primary/);
      expect(apply.err).not.toMatch(/read-only transaction/); // never the bare PostgreSQL error
      const deploy = await cli(
        [
          'deploy',
          '--database-url',
          standby.url,
          '--migrations-dir',
          more,
          '--environment',
          'staging',
          '--skip-backup',
          '--report-dir',
          path.join(work, 'r'),
        ],
        work,
      );
      expect(deploy.code).toBe(2);
      expect(deploy.err).toMatch(/E_URL_READ_ONLY/);
      const drift = await cli(
        ['drift-check', '--database-url', standby.url, '--migrations-dir', dir, '--replay-database-url', primary.admin.url, '--json'],
        work,
      );
      expect(drift.code).toBe(0);
      const notice = (JSON.parse(drift.out).findings as Array<{ title: string; message: string }>).find(
        (f) => f.title === 'Read from a standby',
      );
      expect(notice?.message).toMatch(/hot standby: .*(last replayed transaction \d+\.\d s ago|no transaction replayed yet)/);
      r.numbers['reported'] = notice!.message.replace(/^.*\(/, '').replace(/\)\.?$/, '');
      r.lostNothing = true;
    },
  );

  scenario(
    AREA,
    'a database whose sessions are read-only (default_transaction_read_only): apply refuses before creating the bookkeeping table',
    async () => {
      const db = await freshDatabase();
      await query(db, `ALTER DATABASE ${db.database} SET default_transaction_read_only = on`);
      const apply = await cli(['apply', '--database-url', db.url, '--migrations-dir', dir], work);
      expect(apply.code).toBe(2);
      expect(apply.err).toMatch(/E_URL_READ_ONLY\] apply cannot change .*default_transaction_read_only is on/);
      await query((await testServer()).admin, `ALTER DATABASE ${db.database} RESET default_transaction_read_only`);
      expect(await hasTable(db, '_prisma_migrations')).toBe(false);
    },
  );
});

describe('direct URLs', () => {
  scenario(AREA, 'a pooled database-url with direct-database-url (or schema.prisma directUrl) migrates over the direct one', async () => {
    const server = await testServer();
    const bouncer = await startPgBouncer(server.socketDir ?? parseDatabaseUrl(server.admin.url).host);
    try {
      const work = tempDir('direct');
      const dir = writeMigrations(path.join(work, 'migrations'), MIGRATIONS);
      const db = await freshDatabase();
      const url = pooled(db, bouncer.port);
      const viaOption = await cli(['apply', '--database-url', url, '--direct-database-url', db.url, '--migrations-dir', dir], work);
      expect(viaOption.code).toBe(0);
      expect(await hasTable(db, 'account')).toBe(true);
      const other = await freshDatabase();
      fs.mkdirSync(path.join(work, 'prisma'));
      fs.writeFileSync(
        path.join(work, 'prisma', 'schema.prisma'),
        'datasource db {\n  provider  = "postgresql"\n  url       = env("DATABASE_URL")\n  directUrl = env("DIRECT_URL")\n}\n',
      );
      const viaSchema = await cli(['apply', '--migrations-dir', dir], work, {
        DATABASE_URL: pooled(other, bouncer.port),
        DIRECT_URL: other.url,
      });
      expect(viaSchema.code).toBe(0);
      expect(viaSchema.err).toMatch(/Using the direct URL from DIRECT_URL \(directUrl in prisma\/schema\.prisma\)/);
      expect(await hasTable(other, 'account')).toBe(true);
      // Without a direct URL the pooled one is refused.
      const third = await freshDatabase();
      expect((await cli(['apply', '--migrations-dir', dir], work, { DATABASE_URL: pooled(third, bouncer.port) })).code).toBe(2);
    } finally {
      bouncer.stop();
    }
  });
});
