/**
 * The dump's data path and its compression: pg_dump writing straight into gpg (the plaintext
 * never passes through this process), a stage that dies in the middle named and nothing left
 * behind, and zstd/lz4 archives (pg_dump 16+) refused before anything is dumped by an older
 * pg_dump, made and restored by pg_dump/pg_restore 17.
 */
import { jest } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createBackup, restoreBackup } from '../../src/backup/index.js';
import { runCli } from '../../src/cli.js';
import { buildDatabaseUrl } from '../../src/postgres/url.js';
import { dropTestDatabases } from '../helpers/pg.js';
import { pgClient17Dir } from '../helpers/pg-client-17.js';
import { cleanupBackupTests, dropLater, seededDatabase, tempDir } from '../fixtures/backup/support.js';

afterAll(async () => {
  await cleanupBackupTests();
  await dropTestDatabases();
});
jest.setTimeout(60000);

const PASSPHRASE = 'pipe-test-passphrase-93c1';
let shared: ReturnType<typeof seededDatabase> | undefined;
/** One seeded PostgreSQL 15 database for the tests that only read it (seeding costs more than a backup). */
const source15 = (): ReturnType<typeof seededDatabase> => (shared ??= seededDatabase());
const PG_DUMP_15 = '/usr/lib/postgresql/15/bin/pg_dump';

async function caught(promise: Promise<unknown>): Promise<{ code: string; kind: string; message: string; remedy?: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!error) throw new Error('expected a failure');
  return error as { code: string; kind: string; message: string; remedy?: string };
}

/** A stand-in for a tool that runs the real one for --version and otherwise does `body`. */
function fakeTool(dir: string, name: string, real: string, body: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `#!/bin/sh\nif [ "$1" = "--version" ]; then exec ${real} --version; fi\n${body}\n`, { mode: 0o755 });
  return file;
}

/** The compression pg_restore reads in the archive's header (`; Compression: zstd`). */
function archiveCompression(archive: Buffer, pgRestore: string): string {
  const listed = spawnSync(pgRestore, ['--list'], { input: archive, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(listed.stderr);
  return /^;\s+Compression: (.*)$/m.exec(listed.stdout)?.[1].trim() ?? '';
}

function decrypt(file: string): Buffer {
  const home = tempDir('gpg-home');
  const out = spawnSync('gpg', ['--homedir', home, '--batch', '--pinentry-mode', 'loopback', '--passphrase-fd', '0', '--decrypt', file], {
    input: PASSPHRASE,
    maxBuffer: 1 << 30,
  });
  spawnSync('gpgconf', ['--homedir', home, '--kill', 'all']);
  if (out.status !== 0) throw new Error(out.stderr.toString());
  return out.stdout;
}

describe('pg_dump → gpg without this process in between', () => {
  test('encrypted with verify none: the manifest has the stored bytes’ SHA-256; the restore decrypts and matches the row counts', async () => {
    const source = await source15();
    const dir = tempDir('direct');
    const result = await createBackup({
      connection: source,
      outputDir: dir,
      prefix: 'app',
      encryption: { passphrase: PASSPHRASE },
      verify: 'none',
    });
    expect(result.manifest.plaintextSha256).toBeUndefined();
    expect(result.manifest.compression).toEqual({ method: 'gzip' });
    expect(archiveCompression(decrypt(result.backupPath), '/usr/lib/postgresql/15/bin/pg_restore')).toMatch(/^(-1|gzip)/);
    const restored = await restoreBackup({
      backupPath: result.backupPath,
      connection: source,
      passphrase: PASSPHRASE,
      databaseName: dropLater(source, `${source.database}_direct`),
    });
    expect(restored.tablesCompared).toBe(result.manifest.tables.length);
  });

  test('verify list records the decrypted archive’s SHA-256 from the read-back', async () => {
    const source = await source15();
    const dir = tempDir('readback');
    const result = await createBackup({ connection: source, outputDir: dir, prefix: 'app', encryption: { passphrase: PASSPHRASE } });
    const plaintext = decrypt(result.backupPath);
    const { createHash } = await import('node:crypto');
    expect(result.manifest.plaintextSha256).toBe(createHash('sha256').update(plaintext).digest('hex'));
    expect(JSON.parse(fs.readFileSync(result.manifestPath, 'utf8')).plaintextSha256).toBe(result.manifest.plaintextSha256);
  });

  test('pg_dump dies mid-stream (gpg ends its message cleanly): E_BACKUP_DUMP, no file, no manifest', async () => {
    const source = await source15();
    const dir = tempDir('dump-dies');
    const tools = tempDir('fake-dump');
    const pgDump = fakeTool(
      tools,
      'pg_dump',
      PG_DUMP_15,
      `${PG_DUMP_15} "$@" | head -c 2000\necho "pg_dump: error: connection lost (simulated)" >&2\nexit 1`,
    );
    const error = await caught(
      createBackup({ connection: source, outputDir: dir, prefix: 'app', encryption: { passphrase: PASSPHRASE }, pgDumpPath: pgDump }),
    );
    expect(error.code).toBe('E_BACKUP_DUMP');
    expect(error.message).toMatch(/pg_dump failed \(exit 1\): pg_dump: error: connection lost \(simulated\)/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('compression', () => {
  test('zstd with pg_dump 15: a usage error (exit 2) naming the version, before anything is dumped', async () => {
    const source = await source15();
    const dir = tempDir('zstd-15');
    const error = await caught(
      createBackup({ connection: source, outputDir: dir, prefix: 'app', compression: 'zstd', pgDumpPath: PG_DUMP_15 }),
    );
    expect(error).toMatchObject({ code: 'E_BACKUP_COMPRESSION_UNSUPPORTED', kind: 'usage' });
    expect(error.message).toMatch(
      /compression zstd needs pg_dump 16 or newer; \/usr\/lib\/postgresql\/15\/bin\/pg_dump is pg_dump 15\.\d+/,
    );
    expect(error.remedy).toMatch(/pg-dump-path.*or use compression: gzip/);
    expect(fs.readdirSync(dir)).toEqual([]);
    const out = { out: '', err: '', stdout: (t: string) => void (out.out += t), stderr: (t: string) => void (out.err += t) };
    const argv = [
      'backup',
      '--database-url',
      buildDatabaseUrl(source),
      '--output-dir',
      dir,
      '--compression',
      'lz4',
      '--pg-dump-path',
      PG_DUMP_15,
    ];
    const code = await runCli(argv, { ...out, env: {}, isTTY: false, cwd: process.cwd() });
    expect(out.err).toMatch(/\[E_BACKUP_COMPRESSION_UNSUPPORTED\].*compression lz4 needs pg_dump 16/);
    expect(code).toBe(2);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test('a level out of range is refused before connecting', async () => {
    const source = await source15();
    const error = await caught(createBackup({ connection: source, outputDir: tempDir('level'), prefix: 'app', compression: 'zstd:99' }));
    expect(error).toMatchObject({ code: 'E_BACKUP_OPTIONS', kind: 'usage' });
    expect(error.message).toMatch(/zstd takes a whole number from 1 to 22/);
  });

  test('zstd:3 (encrypted) and lz4 with pg_dump 17: archives of that method, restored with matching row counts', async () => {
    const bin = pgClient17Dir();
    // pg_dump 17's archive sets transaction_timeout, which PostgreSQL 15 rejects: a 17 source, restored on 17.
    const source = await seededDatabase(17);
    const dir = tempDir('zstd-17');
    const zstd = await createBackup({
      connection: source,
      outputDir: dir,
      prefix: 'zstd',
      compression: 'zstd:3',
      encryption: { passphrase: PASSPHRASE },
      pgDumpPath: path.join(bin, 'pg_dump'),
    });
    expect(zstd.manifest.compression).toEqual({ method: 'zstd', level: 3 });
    expect(zstd.manifest.pgDump.major).toBe(17);
    expect(archiveCompression(decrypt(zstd.backupPath), path.join(bin, 'pg_restore'))).toMatch(/^zstd/);
    const lz4 = await createBackup({
      connection: source,
      outputDir: dir,
      prefix: 'lz4',
      compression: 'lz4',
      verify: 'none',
      pgDumpPath: path.join(bin, 'pg_dump'),
    });
    expect(archiveCompression(fs.readFileSync(lz4.backupPath), path.join(bin, 'pg_restore'))).toMatch(/^lz4/);
    // The restore finds the pg_restore 17 these archives need on PATH.
    const previousPath = process.env.PATH;
    process.env.PATH = `${bin}${path.delimiter}${previousPath}`;
    try {
      for (const [result, suffix] of [
        [zstd, 'zstd'],
        [lz4, 'lz4'],
      ] as const) {
        const restored = await restoreBackup({
          backupPath: result.backupPath,
          connection: source,
          passphrase: result === zstd ? PASSPHRASE : undefined,
          databaseName: dropLater(source, `${source.database}_${suffix}`),
        });
        expect(restored.tablesCompared).toBe(result.manifest.tables.length);
      }
    } finally {
      process.env.PATH = previousPath;
    }
  });
});

// Last: it loads a second copy of the modules (gpg's path is read when they load).
describe('a stage of the pipe fails', () => {
  test('gpg dies mid-stream (pg_dump loses its reader): E_BACKUP_ENCRYPT names gpg, no file, no manifest', async () => {
    const source = await source15();
    const dir = tempDir('gpg-dies');
    const tools = tempDir('fake-gpg');
    const real = spawnSync('sh', ['-c', 'command -v gpg'], { encoding: 'utf8' }).stdout.trim();
    // Encrypting: read a little of the archive, then fail as gpg does on a write error.
    fakeTool(
      tools,
      'gpg',
      real,
      `case "$*" in *--symmetric*) head -c 1000 >/dev/null; echo "gpg: write error: No space left on device (simulated)" >&2; exit 2;; esac\nexec ${real} "$@"`,
    );
    fs.symlinkSync(path.join(path.dirname(real), 'gpgconf'), path.join(tools, 'gpgconf'));
    const previous = process.env.PMA_GPG_PATH;
    process.env.PMA_GPG_PATH = path.join(tools, 'gpg');
    jest.resetModules();
    try {
      const backup = await import('../../src/backup/index.js');
      const error = await caught(
        backup.createBackup({ connection: source, outputDir: dir, prefix: 'app', encryption: { passphrase: PASSPHRASE } }),
      );
      expect(error.code).toBe('E_BACKUP_ENCRYPT');
      expect(error.message).toMatch(/gpg could not encrypt the backup: gpg: write error: No space left on device \(simulated\)/);
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      if (previous === undefined) delete process.env.PMA_GPG_PATH;
      else process.env.PMA_GPG_PATH = previous;
    }
  });
});
