/**
 * The backup target fills up or is read-only, and the process is killed (SIGTERM, SIGKILL) in
 * the middle of a deploy or a backup. After each: a clear failure, no manifest for a partial
 * backup, no deploy without its backup, throwaway clusters and temp files gone (or swept at
 * the next start), and status telling the truth.
 */
import { jest } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createBackup, restoreBackup } from '../../src/backup/index.js';
import { deploy, type DeploySettings } from '../../src/deploy/pipeline.js';
import { MigrateActionsError } from '../../src/errors.js';
import { applyMigrations, migrationStatus } from '../../src/migrations/index.js';
import { sweepAbandonedClusters } from '../../src/postgres/ephemeral.js';
import type { ConnectionSettings } from '../../src/postgres/url.js';
import { dropTestDatabases, freshDatabase, query } from '../helpers/pg.js';
import {
  cli,
  clusterDirsOwnedBy,
  exited,
  processesMentioning,
  scenario,
  spawnCli,
  tempDir,
  waitFor,
  waitingPids,
  writeMigrations,
  type Recorder,
} from './support.js';

jest.setTimeout(60000);
afterAll(dropTestDatabases);

const AREA = 'Faults: backup target and killed processes';
const PASSPHRASE = 'kill-test-passphrase-5d1f';

const MIGRATIONS = {
  '20250101000000_base': 'CREATE TABLE big (g int PRIMARY KEY, s text);\n',
  '20250102000000_add_flag': "ALTER TABLE big ADD COLUMN flag boolean;\nINSERT INTO big (g, s) VALUES (-1, 'deployed');\n",
};

/** A database at the base migration with ~13 MB of poorly compressible rows. */
async function bigDatabase(rows = 200_000): Promise<{ db: ConnectionSettings; dir: string }> {
  const db = await freshDatabase();
  const dir = writeMigrations(tempDir('big'), MIGRATIONS);
  await applyMigrations({ connection: db, dir, upTo: '20250101000000_base' });
  await query(db, `INSERT INTO big SELECT g, md5(g::text) || md5((g * 7)::text) FROM generate_series(1, ${rows}) g`);
  return { db, dir };
}

function canMount(): boolean {
  return process.getuid?.() === 0;
}

/** A small tmpfs at `dir` (root only); returns the unmount. */
function mountTmpfs(dir: string, options: string): () => void {
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { encoding: 'utf8' });
  if (mounted.status !== 0) throw new Error(`mount failed: ${mounted.stderr}`);
  return () => void spawnSync('umount', ['-l', dir]);
}

function deploySettings(db: ConnectionSettings, dir: string, out: string, overrides: Partial<DeploySettings> = {}): DeploySettings {
  return {
    connection: db,
    migrationsDir: dir,
    environment: 'staging',
    requireApproval: false,
    engine: 'builtin',
    lockTimeoutMs: 5000,
    retries: 0,
    skipBackup: false,
    backupDir: path.join(out, 'backups'),
    driftPolicy: 'ignore',
    onFailure: 'stop',
    dryRun: false,
    auditTable: false,
    reportDir: path.join(out, 'report'),
    ...overrides,
  };
}

async function assertNothingApplied(db: ConnectionSettings, dir: string): Promise<void> {
  const status = await migrationStatus({ connection: db, dir });
  expect(status.pending.map((m) => m.name)).toEqual(['20250102000000_add_flag']);
  expect(status.failed).toEqual([]);
  expect(
    await query(db, "SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'big' AND column_name = 'flag'"),
  ).toEqual([{ n: 0 }]);
}

describe('the backup target fills up or is read-only', () => {
  scenario(AREA, 'disk full mid-dump during a deploy (1 MB tmpfs): deploy refuses, no manifest, nothing applied', async (r: Recorder) => {
    if (!canMount()) {
      r.tried = false;
      r.note = 'not root: cannot mount a tmpfs here';
      return;
    }
    const { db, dir } = await bigDatabase();
    const out = tempDir('full');
    const backups = path.join(out, 'backups');
    fs.mkdirSync(backups);
    const unmount = mountTmpfs(backups, 'size=1m');
    try {
      const result = await deploy(deploySettings(db, dir, out, { backupEncryption: { passphrase: PASSPHRASE } }), { log: () => undefined });
      expect(result.outcome).toBe('failed');
      expect(result.error?.code).toBe('E_BACKUP_FAILED');
      expect(result.error?.message).toMatch(/E_BACKUP_WRITE/);
      expect(result.error?.message).toMatch(/ENOSPC|no space/i);
      expect(result.error?.message).toMatch(/nothing was applied/);
      expect(result.steps.map((s) => s.name)).not.toContain('Apply');
      expect(fs.readdirSync(backups)).toEqual([]); // no partial file, no manifest
      const audit = JSON.parse(fs.readFileSync(result.auditPath, 'utf8')) as { outcome: string; error: { code: string } };
      expect(audit).toMatchObject({ outcome: 'failed', error: { code: 'E_BACKUP_FAILED' } });
    } finally {
      unmount();
    }
    await assertNothingApplied(db, dir);
    r.lostNothing = true;
  });

  scenario(AREA, 'disk filled by another process mid-dump (backup command): exit 1, clear message, no manifest', async (r) => {
    if (!canMount()) {
      r.tried = false;
      r.note = 'not root: cannot mount a tmpfs here';
      return;
    }
    const { db } = await bigDatabase();
    const out = tempDir('filled');
    const unmount = mountTmpfs(out, 'size=32m');
    try {
      const running = cli(['backup', '--database-url', db.url, '--output-dir', out, '--prefix', 'app', '--verify', 'none'], out);
      // As soon as the dump is being written, something else takes all the remaining space.
      await waitFor('the dump to start writing', () => fs.readdirSync(out).some((f) => fs.statSync(path.join(out, f)).size > 0), 15000, 5);
      spawnSync('dd', ['if=/dev/zero', `of=${path.join(out, 'filler')}`, 'bs=1M', 'count=64'], { stdio: 'ignore' });
      const { code, err } = await running;
      expect(code).toBe(1);
      expect(err).toMatch(/E_BACKUP_WRITE/);
      expect(err).toMatch(/ENOSPC|no space/i);
      expect(err).toMatch(/what to do: Free space/);
      expect(fs.readdirSync(out)).toEqual(['filler']);
    } finally {
      unmount();
    }
    r.lostNothing = true;
  });

  scenario(AREA, 'backup target read-only: clear failure before any byte, no manifest', async (r) => {
    if (!canMount()) {
      r.tried = false;
      r.note = 'not root: cannot mount a tmpfs here';
      return;
    }
    const { db } = await bigDatabase(1000);
    const out = tempDir('readonly');
    const unmount = mountTmpfs(out, 'size=1m,ro');
    try {
      const error = await createBackup({ connection: db, outputDir: out, prefix: 'app' }).then(
        () => undefined,
        (e: MigrateActionsError) => e,
      );
      expect(error?.code).toBe('E_BACKUP_WRITE');
      expect(error?.message).toMatch(/EROFS|read-only/i);
      expect(fs.readdirSync(out)).toEqual([]);
    } finally {
      unmount();
    }
    r.lostNothing = true;
  });

  scenario(AREA, 'first deploy to an empty database (nothing to back up yet) goes ahead', async (r) => {
    const db = await freshDatabase();
    const dir = writeMigrations(tempDir('empty'), MIGRATIONS);
    const result = await deploy(deploySettings(db, dir, tempDir('empty-out')), { log: () => undefined });
    r.lostNothing = true; // refused before changing anything
    expect(result.error?.message ?? '').not.toMatch(/E_BACKUP_VERIFY/);
    expect(result.outcome).toBe('success');
  });
});

/** Kills `child` with `signal` once `ready` holds; returns how it ended. */
async function killWhen(
  child: ReturnType<typeof spawnCli>,
  signal: NodeJS.Signals,
  what: string,
  ready: () => Promise<unknown> | unknown,
): Promise<void> {
  const ended = exited(child);
  await Promise.race([
    waitFor(what, ready, 30000, 10),
    ended.then(() => {
      throw new Error(`the child ended before ${what}: ${child.output()}`);
    }),
  ]);
  child.kill(signal);
  await ended;
}

function gpgHomes(): Set<string> {
  return new Set(fs.readdirSync(os.tmpdir()).filter((e) => e.startsWith('pma-gnupg-')));
}

describe('the process is killed during a deploy', () => {
  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    scenario(
      AREA,
      `${signal} during a deploy while its throwaway PostgreSQL runs: cluster stopped or swept, status truthful`,
      async (r) => {
        const { db, dir } = await bigDatabase(100);
        const out = tempDir(`kill-deploy-${signal}`);
        const child = spawnCli(
          [
            'deploy',
            '--database-url',
            db.url,
            '--migrations-dir',
            dir,
            '--environment',
            'staging',
            '--backup-dir',
            path.join(out, 'b'),
            '--report-dir',
            path.join(out, 'r'),
          ],
          out,
        );
        let clusters: string[] = [];
        await killWhen(child, signal, 'the drift replay cluster to run', () => {
          clusters = clusterDirsOwnedBy(child.pid!);
          return clusters.some((c) => fs.existsSync(path.join(c, 'sock', '.s.PGSQL.5432'))); // accepting connections
        });
        r.numbers['clusters left by the killed process'] = clusters.filter((c) => fs.existsSync(c)).length;
        if (signal === 'SIGKILL') sweepAbandonedClusters(); // what the next start does
        // A server tool still starting when the signal came (initdb of a second cluster) fails on its own once its folder is gone.
        await waitFor(
          "the clusters' processes and folders to be gone",
          () => clusters.every((c) => !fs.existsSync(c) && processesMentioning(c).length === 0),
          10000,
        );
        await assertNothingApplied(db, dir);
        r.lostNothing = true;
      },
    );
  }

  scenario(AREA, "SIGKILL during a deploy's apply: status matches the data, a re-run finishes, nothing twice", async (r) => {
    const { db, dir } = await bigDatabase(100);
    const out = tempDir('kill-apply');
    // The migration queues behind this reader, so the kill lands mid-apply.
    const { default: pg } = await import('pg');
    const { toClientConfig } = await import('../../src/postgres/url.js');
    const reader = new pg.Client(toClientConfig(db));
    await reader.connect();
    await reader.query('BEGIN; LOCK TABLE big IN ACCESS SHARE MODE');
    const args = [
      'deploy',
      '--database-url',
      db.url,
      '--migrations-dir',
      dir,
      '--environment',
      'staging',
      '--drift-policy',
      'ignore',
      '--lock-timeout',
      '30s',
      '--backup-dir',
      path.join(out, 'b'),
      '--report-dir',
      path.join(out, 'r'),
    ];
    const child = spawnCli(args, out);
    await killWhen(child, 'SIGKILL', 'the migration to wait on the reader', () =>
      waitingPids(db, '%ALTER TABLE big%').then((p) => p.length),
    );
    await reader.query('COMMIT');
    await reader.end();
    // The orphaned backend finishes or aborts on its own; then the bookkeeping and the data must agree.
    await waitFor(
      'the orphaned session to end',
      async () =>
        (
          await query(
            db,
            "SELECT 1 FROM pg_stat_activity WHERE application_name LIKE 'prisma-migrate-actions%' AND pid <> pg_backend_pid()",
          )
        ).length === 0,
    );
    const status = await migrationStatus({ connection: db, dir });
    const flag = (
      await query(db, "SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'big' AND column_name = 'flag'")
    )[0].n;
    expect(status.failed).toEqual([]);
    expect(status.pending.length === 0).toBe(flag === 1);
    r.note = status.pending.length
      ? 'the killed migration was rolled back'
      : "the server finished the killed migration's transaction (one round trip)";
    // The backup taken before the kill is complete: it has its manifest.
    const backups = fs.readdirSync(path.join(out, 'b'));
    expect(backups.filter((f) => f.endsWith('.manifest.json'))).toHaveLength(1);
    const rerun = await cli([...args.slice(0, 7), '--skip-backup', '--report-dir', path.join(out, 'r2')], out);
    expect(rerun.code).toBe(0);
    expect(await query(db, "SELECT count(*)::int AS n FROM big WHERE s = 'deployed'")).toEqual([{ n: 1 }]);
    expect(await query(db, 'SELECT count(*)::int AS n FROM big')).toEqual([{ n: 101 }]);
    r.lostNothing = true;
  });
});

describe('the process is killed during a backup', () => {
  const killed: Array<{ out: string; homes: string[]; db: ConnectionSettings }> = [];

  afterAll(() => {
    // Whatever the product left, this suite removes (agents by their home, by pid through gpgconf).
    for (const home of killed.flatMap((k) => k.homes)) {
      spawnSync('gpgconf', ['--homedir', path.join(os.tmpdir(), home), '--kill', 'all'], { stdio: 'ignore' });
      fs.rmSync(path.join(os.tmpdir(), home), { recursive: true, force: true });
    }
  });

  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    scenario(
      AREA,
      `${signal} during an encrypted backup mid-dump: no manifest, the partial file cannot be restored, pg_dump ends`,
      async (r) => {
        const { db } = await bigDatabase();
        const out = tempDir(`kill-backup-${signal}`);
        const homesBefore = gpgHomes();
        const child = spawnCli(['backup', '--database-url', db.url, '--output-dir', out, '--prefix', 'app'], out, {
          BACKUP_PASSPHRASE: PASSPHRASE,
        });
        await killWhen(child, signal, 'the dump to be written', () =>
          fs.readdirSync(out).some((f) => fs.statSync(path.join(out, f)).size > 0),
        );
        const files = fs.readdirSync(out);
        killed.push({ out, db, homes: [...gpgHomes()].filter((h) => !homesBefore.has(h)) });
        expect(files.filter((f) => f.endsWith('.manifest.json'))).toEqual([]);
        r.numbers['partial files left'] = files.length;
        // pg_dump loses its pipe and ends: no dump of this database keeps running.
        await waitFor('pg_dump to end', () => processesMentioning(db.database).length === 0, 10000);
        for (const file of files) {
          const error = await restoreBackup({ backupPath: path.join(out, file), connection: db, passphrase: PASSPHRASE }).then(
            () => undefined,
            (e: MigrateActionsError) => e,
          );
          expect(error?.code).toBe('E_RESTORE_MANIFEST');
        }
        r.note = files.length ? 'the partial file stays, without a manifest; restore refuses it' : undefined;
        r.lostNothing = true;
      },
    );
  }

  scenario(AREA, 'after a killed backup, the next backup sweeps the abandoned gpg home and its gpg-agent', async (r) => {
    const left = killed.flatMap((k) => k.homes);
    r.numbers['gpg homes left by the killed backups'] = left.length;
    r.numbers['gpg-agents left running'] = left.filter((h) => processesMentioning(h).length > 0).length;
    expect(killed.length).toBeGreaterThan(0);
    const next = killed[0];
    await createBackup({
      connection: next.db,
      outputDir: tempDir('next'),
      prefix: 'next',
      encryption: { passphrase: PASSPHRASE },
      verify: 'none',
    });
    for (const home of left) {
      expect(fs.existsSync(path.join(os.tmpdir(), home))).toBe(false);
      expect(processesMentioning(home)).toEqual([]);
    }
  });

  scenario(AREA, 'retention after a killed backup never deletes a complete backup while keeping the partial file', async (r) => {
    const partial = killed.find((k) => fs.readdirSync(k.out).length > 0);
    expect(partial).toBeDefined();
    const { out, db } = partial!;
    const [partialName] = fs.readdirSync(out);
    const older = await createBackup({
      connection: db,
      outputDir: out,
      prefix: 'app',
      verify: 'none',
      now: new Date(Date.now() - 2 * 86_400_000),
    });
    const newest = await createBackup({
      connection: db,
      outputDir: out,
      prefix: 'app',
      verify: 'none',
      now: new Date(Date.now() + 60_000),
      retention: { keepLast: 2 },
    });
    r.numbers['files removed by retention'] = newest.deleted.length;
    r.lostNothing = fs.existsSync(older.backupPath);
    // Keep-last 2 means two restorable backups: the older complete one must survive (or the partial go first).
    expect(newest.deleted.some((f) => f.endsWith(partialName)) || fs.existsSync(older.backupPath)).toBe(true);
    expect(fs.existsSync(older.backupPath)).toBe(true);
  });
});
