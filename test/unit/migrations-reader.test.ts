import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checksumMatches, checksumOf, compareHistory, readMigrationsDir, type PrismaMigrationRow } from '../../src/migrations/index.js';
import { compareMigrationNames } from '../../src/migrations/reader.js';
import fc from 'fast-check';
import { isMigrateActionsError, type ErrorCode } from '../../src/errors.js';

const fixtures = path.resolve('test/fixtures/migrations');

function tempDir(layout: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-mig-'));
  for (const [file, content] of Object.entries(layout)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

async function expectCode(promise: Promise<unknown>, code: ErrorCode, mention: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isMigrateActionsError(error, code)).toBe(true);
  expect((error as Error).message).toContain(mention);
}

describe('compareMigrationNames', () => {
  it('orders every pair as localeCompare does (Prisma 6.6+), timestamps, case, accents and punctuation alike', () => {
    const char = fc.constantFrom(...'0123456789_-aAbBzZéÉ .ñ'.split(''));
    const name = fc.oneof(
      fc.array(char, { maxLength: 12 }).map((c) => c.join('')),
      fc
        .tuple(fc.integer({ min: 20200101000000, max: 20291231235959 }), fc.array(char, { maxLength: 6 }))
        .map(([t, c]) => `${t}_${c.join('')}`),
    );
    fc.assert(
      fc.property(name, name, (a, b) => {
        expect(Math.sign(compareMigrationNames(a, b))).toBe(Math.sign(a.localeCompare(b)));
      }),
      { numRuns: 3000 },
    );
    expect(Math.sign(compareMigrationNames('20250101000000_b', '20250101000000_B'))).toBe(Math.sign('b'.localeCompare('B')));
  });
});

describe('readMigrationsDir', () => {
  it('reads folders in localeCompare order with exact-byte checksums', async () => {
    const dir = tempDir({
      'b_second/migration.sql': 'SELECT 2;\n',
      'a_first/migration.sql': 'SELECT 1;\r\n',
      'B_upper/migration.sql': 'SELECT 3;',
      'README.md': 'not a migration',
      'migration_lock.toml': 'provider = "postgresql"\n',
    });
    const read = await readMigrationsDir(dir);
    // localeCompare ignores case at first (byte order would put "B_upper" first).
    expect(read.migrations.map((m) => m.name)).toEqual(['a_first', 'b_second', 'B_upper']);
    expect(read.lockProvider).toBe('postgresql');
    const first = read.migrations[0];
    expect(first.sql).toBe('SELECT 1;\r\n');
    expect(first.checksum).toBe(checksumOf('SELECT 1;\r\n'));
  });

  it('keeps a BOM in the text and checksum', async () => {
    const dir = tempDir({ 'm/migration.sql': Buffer.from([0xef, 0xbb, 0xbf, 0x53, 0x45, 0x4c, 0x45, 0x43, 0x54, 0x20, 0x31]) });
    const [migration] = (await readMigrationsDir(dir)).migrations;
    expect(migration.sql.charCodeAt(0)).toBe(0xfeff);
    expect(migration.checksum).toBe(checksumOf(migration.sql));
  });

  it('names the folder without migration.sql (P3015)', async () => {
    await expectCode(readMigrationsDir(tempDir({ 'ok/migration.sql': 'SELECT 1', 'empty_one/notes.txt': 'x' })), 'P3015', 'empty_one');
  });

  it('rejects a missing directory', async () => {
    await expectCode(readMigrationsDir('/nonexistent/pma/migrations'), 'E_MIGRATIONS_DIR_MISSING', '/nonexistent/pma/migrations');
  });

  it('rejects a non-UTF-8 file, naming it and the line', async () => {
    const dir = tempDir({
      'latin1/migration.sql': Buffer.concat([Buffer.from("SELECT 1;\nSELECT '"), Buffer.from([0xe9]), Buffer.from("';\n")]),
    });
    const error = await readMigrationsDir(dir).catch((e: unknown) => e);
    expect(isMigrateActionsError(error, 'E_MIGRATION_NOT_UTF8')).toBe(true);
    expect((error as Error).message).toContain(path.join('latin1', 'migration.sql'));
    expect((error as { where: { line: number } }).where.line).toBe(2);
  });

  it('rejects an unreadable file', async () => {
    if (process.getuid?.() === 0) return; // root reads everything: permissions cannot make it unreadable
    const dir = tempDir({ 'locked/migration.sql': 'SELECT 1' });
    fs.chmodSync(path.join(dir, 'locked/migration.sql'), 0);
    await expectCode(readMigrationsDir(dir), 'E_MIGRATION_UNREADABLE', 'locked');
  });

  it('rejects a provider mismatch (P3019) and accepts a missing lock file', async () => {
    await expectCode(
      readMigrationsDir(tempDir({ 'm/migration.sql': 'SELECT 1', 'migration_lock.toml': 'provider = "mysql"' })),
      'P3019',
      'mysql',
    );
    const noLock = await readMigrationsDir(tempDir({ 'm/migration.sql': 'SELECT 1' }));
    expect(noLock.lockProvider).toBeUndefined();
  });

  it('reads the fixture histories', async () => {
    const basic = await readMigrationsDir(path.join(fixtures, 'basic'));
    expect(basic.migrations).toHaveLength(3);
  });
});

describe('checksums', () => {
  it('is SHA-256 hex of the UTF-8 text', () => {
    expect(checksumOf('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('accepts CRLF and LF variants, nothing else', () => {
    const lf = 'CREATE TABLE a();\nCREATE TABLE b();\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    expect(checksumMatches(lf, checksumOf(crlf))).toBe(true);
    expect(checksumMatches(crlf, checksumOf(lf))).toBe(true);
    expect(checksumMatches(lf, checksumOf(lf).toUpperCase())).toBe(true);
    expect(checksumMatches(lf, checksumOf(lf + ' '))).toBe(false);
  });
});

describe('compareHistory', () => {
  const local = ['m1', 'm2', 'm3'].map((name) => ({
    name,
    folder: name,
    sqlPath: `${name}/migration.sql`,
    sql: `-- ${name}`,
    checksum: checksumOf(`-- ${name}`),
  }));
  const row = (name: string, extra: Partial<PrismaMigrationRow> = {}): PrismaMigrationRow => ({
    id: name,
    checksum: checksumOf(`-- ${name}`),
    finishedAt: new Date(),
    migrationName: name,
    logs: null,
    rolledBackAt: null,
    startedAt: new Date(),
    appliedStepsCount: 1,
    ...extra,
  });

  it('finds pending, failed, rolled back, edited, missing locally', () => {
    const c = compareHistory(local, [
      row('m1'),
      row('m2', { finishedAt: null, rolledBackAt: new Date() }),
      row('m2', { finishedAt: null }),
      row('m0_gone'),
    ]);
    expect(c.pending.map((m) => m.name)).toEqual(['m3']);
    expect(c.failed.map((r) => r.migrationName)).toEqual(['m2']);
    expect(c.rolledBack.map((r) => r.migrationName)).toEqual(['m2']);
    expect(c.missingLocally.map((r) => r.migrationName)).toEqual(['m0_gone']);
    expect(c.diverged).toBe(true);
    expect(c.tableMissing).toBe(false);
  });

  it('a rolled-back row leaves the migration pending; an edited checksum is reported', () => {
    const c = compareHistory(local, [
      row('m1', { checksum: checksumOf('other') }),
      row('m2', { finishedAt: null, rolledBackAt: new Date() }),
    ]);
    expect(c.pending.map((m) => m.name)).toEqual(['m2', 'm3']);
    expect(c.edited.map((e) => e.migration.name)).toEqual(['m1']);
    expect(c.diverged).toBe(false);
  });

  it('a missing table means everything is pending', () => {
    const c = compareHistory(local, null);
    expect(c.tableMissing).toBe(true);
    expect(c.pending).toHaveLength(3);
  });
});

describe('readMigrationsDir while other work waits', () => {
  it('a long history is read with pauses, so a connection or query under way meanwhile moves on', async () => {
    const layout: Record<string, string> = { 'migration_lock.toml': 'provider = "postgresql"\n' };
    for (let i = 0; i < 450; i++) layout[`2024${String(100000000 + i).slice(1)}_m${i}/migration.sql`] = `SELECT ${i};\n`;
    const dir = tempDir(layout);
    let turns = 0;
    let done = false;
    const turn = (): void => {
      turns++;
      if (!done) setImmediate(turn);
    };
    setImmediate(turn);
    const { migrations } = await readMigrationsDir(dir);
    done = true;
    expect(migrations).toHaveLength(450);
    // Read in one go, no other callback would run before it finishes.
    expect(turns).toBeGreaterThanOrEqual(2);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
