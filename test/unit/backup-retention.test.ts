import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyRetention, backupFileName, parseBackupName, planRetention } from '../../src/backup/index.js';

const NOW = new Date(Date.UTC(2025, 5, 15, 12, 0, 0));
const daysAgo = (d: number): Date => new Date(NOW.getTime() - d * 86400000);
const name = (d: number, encrypted = false): string => backupFileName('app', daysAgo(d), 'custom', encrypted);

describe('backup names', () => {
  test('follow the runbook: <prefix>_backup_YYYYMMDD_HHMMSS.sql.custom(.gpg), UTC', () => {
    expect(backupFileName('app', NOW, 'custom', false)).toBe('app_backup_20250615_120000.sql.custom');
    expect(backupFileName('app', NOW, 'custom', true)).toBe('app_backup_20250615_120000.sql.custom.gpg');
    expect(parseBackupName('app', 'app_backup_20250615_120000.sql.custom.gpg')?.toISOString()).toBe(NOW.toISOString());
    expect(parseBackupName('app', 'other_backup_20250615_120000.sql.custom')).toBeUndefined();
    expect(parseBackupName('app', 'app_backup_20250615_120000.sql.custom.manifest.json')).toBeUndefined();
  });
});

describe('retention', () => {
  const complete = [name(0), name(1, true), name(2), name(10), name(40)];
  // Complete backups have their manifest beside them; only those count.
  const names = [
    ...complete,
    ...complete.map((n) => `${n}.manifest.json`),
    'notes.txt',
    'app_backup_latest.sql.custom',
    'other_backup_20200101_000000.sql.custom',
  ];

  test('keep the last N', () => {
    const plan = planRetention(names, 'app', { keepLast: 2 }, name(0), NOW);
    expect(plan.keep).toEqual([name(0), name(1, true)]);
    expect(plan.remove).toEqual([name(2), name(10), name(40)]);
  });

  test('keep those younger than D days', () => {
    expect(planRetention(names, 'app', { maxAgeDays: 7 }, name(0), NOW).remove).toEqual([name(10), name(40)]);
  });

  test('both rules: kept when either keeps it', () => {
    expect(planRetention(names, 'app', { keepLast: 4, maxAgeDays: 1.5 }, name(0), NOW).remove).toEqual([name(40)]);
  });

  test('the backup just made is never deleted, even when a rule would', () => {
    expect(planRetention(names, 'app', { keepLast: 0, maxAgeDays: 0 }, name(0), NOW).keep).toEqual([name(0)]);
    // A clock skewed into the future still keeps the new one.
    expect(planRetention([name(-3), `${name(-3)}.manifest.json`, name(0)], 'app', { keepLast: 1 }, name(0), NOW).keep).toEqual([
      name(-3),
      name(0),
    ]);
  });

  test('a file without its manifest (a killed backup) is neither counted nor deleted', () => {
    const partial = name(0.5);
    const plan = planRetention([...names, partial], 'app', { keepLast: 2 }, name(0), NOW);
    expect(plan.keep).toEqual([name(0), name(1, true)]);
    expect(plan.keep).not.toContain(partial);
    expect(plan.remove).not.toContain(partial);
  });

  test('on disk: removes old backups with their manifests, leaves everything else', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-backup-retention-'));
    const partial = name(30); // a killed backup: no manifest
    for (const n of [...names, partial]) fs.writeFileSync(path.join(dir, n), 'x');
    const removed = applyRetention(dir, 'app', { keepLast: 3 }, name(0), NOW).map((f) => path.basename(f));
    expect(removed.sort()).toEqual([name(10), `${name(10)}.manifest.json`, name(40), `${name(40)}.manifest.json`].sort());
    expect(fs.readdirSync(dir).sort()).toEqual(
      [
        ...[name(0), name(1, true), name(2)].flatMap((n) => [n, `${n}.manifest.json`]),
        partial,
        'notes.txt',
        'app_backup_latest.sql.custom',
        'other_backup_20200101_000000.sql.custom',
      ].sort(),
    );
    fs.rmSync(dir, { recursive: true });
  });
});
