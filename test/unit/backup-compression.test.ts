import { compressionArgs, parseCompression } from '../../src/backup/compression.js';

const pgDump = (major: number): { path: string; version: string; major: number } => ({
  path: `/pg${major}/pg_dump`,
  version: `${major}.4`,
  major,
});

describe('compression', () => {
  test('methods and levels parse; gzip is the default', () => {
    expect(parseCompression(undefined)).toEqual({ method: 'gzip' });
    expect(parseCompression(' ZSTD:3 ')).toEqual({ method: 'zstd', level: 3 });
    expect(parseCompression('lz4')).toEqual({ method: 'lz4' });
    expect(parseCompression('gzip:9')).toEqual({ method: 'gzip', level: 9 });
  });

  test.each([
    ['brotli', /is not gzip, zstd or lz4/],
    ['zstd:0', /zstd takes a whole number from 1 to 22/],
    ['gzip:10', /gzip takes a whole number from 1 to 9/],
    ['lz4:fast', /lz4 takes a whole number from 1 to 12/],
    ['zstd:', /has level \(empty\)/],
  ])('%s is a usage error saying what is wrong', (value, why) => {
    expect(() => parseCompression(value)).toThrow(
      expect.objectContaining({ code: 'E_BACKUP_OPTIONS', kind: 'usage', message: expect.stringMatching(why) }),
    );
  });

  test("pg_dump's arguments: none for its default, a bare level before 16, method:level from 16", () => {
    expect(compressionArgs({ method: 'gzip' }, pgDump(15))).toEqual([]);
    expect(compressionArgs({ method: 'gzip', level: 4 }, pgDump(15))).toEqual(['--compress=4']);
    expect(compressionArgs({ method: 'zstd', level: 3 }, pgDump(17))).toEqual(['--compress=zstd:3']);
    expect(compressionArgs({ method: 'lz4' }, pgDump(16))).toEqual(['--compress=lz4']);
  });

  test('zstd and lz4 with a pg_dump before 16: a usage error naming the version and the fix', () => {
    for (const method of ['zstd', 'lz4'] as const) {
      expect(() => compressionArgs({ method }, pgDump(15))).toThrow(
        expect.objectContaining({
          code: 'E_BACKUP_COMPRESSION_UNSUPPORTED',
          kind: 'usage',
          message: `compression ${method} needs pg_dump 16 or newer; /pg15/pg_dump is pg_dump 15.4. Nothing was dumped.`,
        }),
      );
    }
  });
});
