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
    ['not a url topsecretpw5', /cannot be parsed as a URL \(its text is not shown/],
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
