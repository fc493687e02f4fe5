/**
 * The CLI's exit code comes from the error registry's kind: usage → 2, failure → 1, internal → 1,
 * and --json carries the kind. Each kind runs through runCli against the real test PostgreSQL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli, type CliIo } from '../../src/cli.js';
import { COMMANDS } from '../../src/commands/index.js';
import type { Command } from '../../src/commands/types.js';
import { ERROR_CODES } from '../../src/error-codes.js';
import { buildDatabaseUrl } from '../../src/postgres/url.js';
import { restoreBackup } from '../../src/backup/index.js';
import { runSmokeSql } from '../../src/deploy/verify.js';
import { dropTestDatabases, freshDatabase } from '../helpers/pg.js';

afterAll(dropTestDatabases);

function io(env: Record<string, string> = {}): CliIo & { out: string; err: string } {
  const captured = {
    out: '',
    err: '',
    stdout: (t: string) => void (captured.out += t),
    stderr: (t: string) => void (captured.err += t),
    env,
    isTTY: false,
    cwd: process.cwd(),
  };
  return captured;
}

/** Runs argv with --json; returns the exit code and the error object printed. */
async function jsonError(
  argv: string[],
  commands?: readonly Command[],
  env: Record<string, string> = {},
): Promise<{ code: number; error: { code: string; kind: string; message: string } }> {
  const c = io(env);
  const code = await runCli([...argv, '--json'], c, commands);
  return { code, error: (JSON.parse(c.out) as { error: { code: string; kind: string; message: string } }).error };
}

function migrationsDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-exit-'));
  fs.mkdirSync(path.join(dir, '20250101000000_init'));
  fs.writeFileSync(path.join(dir, '20250101000000_init', 'migration.sql'), 'CREATE TABLE t (id int PRIMARY KEY);\n');
  return dir;
}

describe('exit codes from the error registry', () => {
  test('the bad-input errors of backup, restore and apply are usage errors', () => {
    for (const code of ['E_BACKUP_OPTIONS', 'E_RESTORE_OPTIONS', 'E_RESTORE_CONFIRM', 'E_UPTO_NOT_PENDING'] as const) {
      expect([code, ERROR_CODES[code].kind]).toEqual([code, 'usage']);
    }
  });

  test('usage → 2: --up-to naming no pending migration (E_UPTO_NOT_PENDING)', async () => {
    const url = buildDatabaseUrl(await freshDatabase());
    const run = await jsonError(['apply', '--database-url', url, '--migrations-dir', migrationsDir(), '--up-to', '20990101000000_nope']);
    expect(run).toMatchObject({ code: 2, error: { code: 'E_UPTO_NOT_PENDING', kind: 'usage' } });
  });

  test('usage → 2: backup options that do not fit together (E_BACKUP_OPTIONS)', async () => {
    const url = buildDatabaseUrl(await freshDatabase());
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-exit-'));
    const run = await jsonError(['backup', '--database-url', url, '--output-dir', out, '--format', 'directory'], undefined, {
      BACKUP_PASSPHRASE: 'long-enough',
    });
    expect(run).toMatchObject({ code: 2, error: { code: 'E_BACKUP_OPTIONS', kind: 'usage' } });
    expect(fs.readdirSync(out)).toEqual([]);
  });

  test('usage → 2: restoring over the target without its name spelled out (E_RESTORE_CONFIRM)', async () => {
    const db = await freshDatabase();
    const c = io();
    const argv = ['restore', '--database-url', buildDatabaseUrl(db), '--backup-path', 'b.sql.custom', '--target', 'over-target'];
    expect(await runCli([...argv, '--confirm', 'not-the-name'], c)).toBe(2);
    expect(c.err).toMatch(/\[E_RESTORE_CONFIRM\]/);
  });

  test('usage: an unknown restore mode from the library (E_RESTORE_OPTIONS) is a usage error', async () => {
    const db = await freshDatabase();
    const error = await restoreBackup({ backupPath: 'b.sql.custom', connection: db, mode: 'sideways' as never }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'E_RESTORE_OPTIONS', kind: 'usage' });
  });

  test('usage: a smoke SQL file that cannot be read (E_SMOKE_FILE) is told apart from a failed smoke query', async () => {
    const db = await freshDatabase();
    const error = await runSmokeSql(db, path.join(os.tmpdir(), 'pma-no-such-smoke.sql')).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'E_SMOKE_FILE', kind: 'usage' });
    expect((error as Error).message).toMatch(/Cannot read the smoke SQL file/);
  });

  test('failure → 1: a database that does not exist (E_CONNECT)', async () => {
    const db = await freshDatabase();
    const url = buildDatabaseUrl({ ...db, database: `${db.database}_missing` });
    const run = await jsonError(['status', '--database-url', url, '--migrations-dir', migrationsDir()]);
    expect(run).toMatchObject({ code: 1, error: { code: 'E_CONNECT', kind: 'failure' } });
  });

  test('internal → 1: a defect (a bare exception) is E_UNEXPECTED', async () => {
    const broken: Command = {
      ...COMMANDS.find((c) => c.name === 'status')!,
      name: 'broken',
      options: [],
      run: () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'name')")),
    };
    const run = await jsonError(['broken'], [broken]);
    expect(run).toMatchObject({ code: 1, error: { code: 'E_UNEXPECTED', kind: 'internal' } });
    expect(run.error.message).toMatch(/reading 'name'/);
  });
});
