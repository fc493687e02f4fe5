import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDatabaseUrl, toClientConfig, buildDatabaseUrl } from '../../src/postgres/url.js';
import { redact, registerSecret } from '../../src/postgres/redact.js';
import { MigrateActionsError } from '../../src/errors.js';

describe('parseDatabaseUrl', () => {
  test('reads Prisma URLs with ?schema= and sslmode', () => {
    const s = parseDatabaseUrl('postgresql://app:s3cr%40t-pw@db.example.com:6543/goal?schema=mandala&sslmode=require');
    expect(s).toMatchObject({
      host: 'db.example.com',
      port: 6543,
      user: 'app',
      password: 's3cr@t-pw',
      database: 'goal',
      schema: 'mandala',
      sslmode: 'require',
    });
    expect(s.maskedUrl).toBe('postgresql://app:***@db.example.com:6543/goal?schema=mandala&sslmode=require');
    expect(toClientConfig(s).options).toContain('search_path=mandala');
    expect(toClientConfig(s).ssl).toEqual({ rejectUnauthorized: false });
  });

  test('defaults: schema public, port 5432', () => {
    const s = parseDatabaseUrl('postgres://u@localhost/db');
    expect(s.schema).toBe('public');
    expect(s.port).toBe(5432);
  });

  test('unix socket directory via ?host=', () => {
    const s = parseDatabaseUrl(buildDatabaseUrl({ host: '/tmp/x y', port: 5433, user: 'postgres', database: 'd' }));
    expect(s.host).toBe('/tmp/x y');
    expect(s.port).toBe(5433);
  });

  test.each([
    ['mysql://u:topsecretpw1@h/db', /scheme is "mysql"/],
    ['postgresql://u:topsecretpw2@h:99999/db', /port "99999"/],
    ['postgresql://u:topsecretpw3@h:5432/', /names no database/],
    ['postgresql://u:topsecretpw4@h/db?sslmode=maybe', /sslmode "maybe"/],
    ['not a url topsecretpw5', /neither a URL .* nor a libpq string .*its text is not shown/],
  ])('rejects %s with a masked, specific message', (url, why) => {
    let caught: unknown;
    try {
      parseDatabaseUrl(url);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MigrateActionsError);
    const error = caught as MigrateActionsError;
    expect(error.message).toMatch(why);
    expect(error.message).not.toMatch(/topsecretpw/);
    expect(error.remedy).toBeTruthy();
  });

  test('missing URL names the fix', () => {
    expect(() => parseDatabaseUrl('')).toThrow(/No database URL/);
  });
});

describe('redact', () => {
  test('masks passwords in URLs and keyword strings, and registered secrets anywhere', () => {
    registerSecret('passphrase-xyz-123');
    const text = 'connect postgresql://me:hunter2@h/db failed; password=abc123 and passphrase-xyz-123';
    const out = redact(text);
    expect(out).not.toContain('hunter2');
    expect(out).not.toContain('abc123');
    expect(out).not.toContain('passphrase-xyz-123');
    expect(out).toContain('postgresql://me:***@h/db');
  });

  test('passwords seen by parseDatabaseUrl are masked even without the URL around them', () => {
    parseDatabaseUrl('postgresql://me:Very$ecretPw@h/db');
    expect(redact('error: password Very$ecretPw rejected')).toBe('error: password *** rejected');
  });
});

describe('one grammar: nothing of an unparseable user-info is shown', () => {
  const attempt = (url: string, env: NodeJS.ProcessEnv = {}): { message: string; code?: string } => {
    try {
      const s = parseDatabaseUrl(url, 'database-url', env);
      return { message: `parsed: ${s.maskedUrl}` };
    } catch (error) {
      const e = error as MigrateActionsError;
      return { message: redact(`${e.message} ${e.remedy ?? ''}`), code: e.code };
    }
  };

  test.each([
    ['postgres://u:sec#ret@host:1/db', ['sec', 'ret']],
    ['postgres://u:se@cr@et@host:1/db', ['cr@et', 'se@']],
    ['postgres://u:pa/ss?wo@host:1/db', ['pa/', 'ss?', '?wo']],
    ['postgres://u:pa ss@host:1/db', ['pa ss']],
    ['postgres://u:100%pure@host:1/db', ['100', 'pure']],
    ['postgres://u:rAw:colon@host:1/db', []], // a raw ":" after the first is accepted, as libpq does
  ])('%s', (url, fragments) => {
    const result = attempt(url);
    for (const fragment of fragments) expect(result.message).not.toContain(fragment);
    if (fragments.length) {
      expect(result.code).toBe('E_URL_INVALID');
      expect(result.message).toMatch(/between "\/\/" and the host is not valid/);
      expect(result.message).toMatch(/percent-encode/);
    }
  });

  test('the masked form is rendered from the parse (a password with every reserved character, encoded)', () => {
    const password = 'a@b#c/d?e:f%g h';
    const s = parseDatabaseUrl(`postgresql://us%40er:${encodeURIComponent(password)}@db.example:5433/app?schema=s1&application_name=x`);
    expect(s.password).toBe(password);
    expect(s.user).toBe('us@er');
    expect(s.maskedUrl).toBe('postgresql://us%40er:***@db.example:5433/app?schema=s1&application_name=x');
    expect(redact(`${password} ${encodeURIComponent(password)} ${encodeURIComponent(password).toLowerCase()}`)).not.toMatch(/[a-h]/);
  });

  test('?password= and libpq keyword/value strings are masked the same way', () => {
    const q = parseDatabaseUrl('postgres://u@h/db?password=qp%23ss123&sslmode=disable');
    expect(q.password).toBe('qp#ss123');
    expect(q.maskedUrl).toBe('postgres://u@h/db?password=***&sslmode=disable');
    const k = parseDatabaseUrl("host=/tmp/sock port=5433 dbname=app user=me password='it\\'s x' sslmode=disable");
    expect(k).toMatchObject({ host: '/tmp/sock', port: 5433, database: 'app', user: 'me', sslmode: 'disable' });
    expect(k.maskedUrl).toBe('host=/tmp/sock port=5433 dbname=app user=me password=*** sslmode=disable');
    expect(k.url).toMatch(/^postgresql:\/\/me:.*@localhost:5433\/app\?host=%2Ftmp%2Fsock/);
    const bad = attempt('host=h dbname=x password=kw secretword');
    expect(bad.code).toBe('E_URL_INVALID');
    expect(bad.message).not.toContain('secretword');
  });

  test('a port error never quotes user-info', () => {
    const r = attempt('postgresql://app:Pw%23x@db:notaport/x');
    expect(r.message).toMatch(/port "notaport"/);
    expect(r.message).toContain('postgresql://app:***@db:notaport/x');
  });
});

describe('passwords from the environment, as libpq reads them', () => {
  test('PGPASSWORD when the URL has none; the URL wins otherwise', () => {
    expect(parseDatabaseUrl('postgres://u@h/db', 'x', { PGPASSWORD: 'from-env-pw' })).toMatchObject({
      password: 'from-env-pw',
      passwordSource: 'PGPASSWORD',
    });
    expect(parseDatabaseUrl('postgres://u:inurl@h/db', 'x', { PGPASSWORD: 'from-env-pw' }).password).toBe('inurl');
    expect(redact('x from-env-pw y')).toBe('x *** y');
  });

  test('PGPASSFILE / ~/.pgpass: first matching line, * wildcards, \\: escapes, ignored when group-readable', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pgpass-'));
    const file = path.join(dir, 'pass');
    fs.writeFileSync(file, '# comment\nother:5432:*:u:nope\nh:5432:db:u:pa\\:ss\\\\1\n*:*:*:*:fallback\n', { mode: 0o600 });
    expect(parseDatabaseUrl('postgres://u@h/db', 'x', { PGPASSFILE: file })).toMatchObject({
      password: 'pa:ss\\1',
      passwordSource: 'passfile',
    });
    expect(parseDatabaseUrl('postgres://v@h:6000/zz', 'x', { PGPASSFILE: file }).password).toBe('fallback');
    expect(parseDatabaseUrl('postgres://u@h/db', 'x', { HOME: dir }).password).toBeUndefined();
    fs.copyFileSync(file, path.join(dir, '.pgpass'));
    fs.chmodSync(path.join(dir, '.pgpass'), 0o600);
    expect(parseDatabaseUrl('postgres://u@h/db', 'x', { HOME: dir }).password).toBe('pa:ss\\1');
    fs.chmodSync(file, 0o644);
    expect(parseDatabaseUrl('postgres://u@h/db', 'x', { PGPASSFILE: file }).password).toBeUndefined();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
