/**
 * The rollback rehearsal: a backup of the upgrade-path database before the new migrations,
 * restored into a new database (while they run) and compared — catalog and row counts — with
 * the state it was taken from. Proves the pre-deploy backup is a way back.
 */
import path from 'node:path';
import type { ConnectionSettings } from '../postgres/url.js';
import { createBackup, restoreBackup } from '../backup/index.js';
import { countRows, compareRowCounts, describeDifferences } from '../backup/dbstate.js';
import type { TableRowCount } from '../backup/types.js';
import { diffSnapshots } from '../catalog/diff.js';
import type { CatalogSnapshot } from '../catalog/types.js';
import { CHECK, snapshotOf, step, withClient, type PrCheckRun } from './run.js';
import { formatBytes, plural } from '../report/format.js';

export interface RehearsalState {
  backupPath: string;
  sizeBytes: number;
  snapshot: CatalogSnapshot;
  counts: TableRowCount[];
}

/** What the restored backup lacks or has in excess compared with the state before the new migrations; empty = the rollback path works. */
export function rehearsalDifferences(
  before: { snapshot: CatalogSnapshot; counts: TableRowCount[] },
  restored: { snapshot: CatalogSnapshot; counts: TableRowCount[] },
): string[] {
  const catalog = diffSnapshots(before.snapshot, restored.snapshot).differences.map((d) => `${d.objectType} ${d.identity}: ${d.detail}`);
  const counts = compareRowCounts(before.counts, restored.counts);
  return [...catalog, ...(counts.length ? [describeDifferences(counts)] : [])];
}

/** The backup and the state it is compared with, read side by side: nothing writes to the database meanwhile. */
export async function backUpBefore(run: PrCheckRun, db: ConnectionSettings, workDir: string): Promise<RehearsalState> {
  const [backup, snapshot, counts] = await Promise.all([
    createBackup({ connection: db, outputDir: path.join(workDir, 'backup'), prefix: 'rehearsal', verify: 'none', log: run.env.log }),
    snapshotOf(db),
    withClient(db, countRows),
  ]);
  return { backupPath: backup.backupPath, sizeBytes: backup.sizeBytes, snapshot, counts };
}

/** Restores the backup `before` into a new database on the server of `db` and compares; undefined: the upgrade path stopped before its backup. */
export async function rehearseRollback(
  run: PrCheckRun,
  db: ConnectionSettings | undefined,
  before: RehearsalState | undefined,
): Promise<void> {
  await step(run, CHECK.rehearsal, async (check) => {
    if (!db || !before) {
      check.status = 'skip';
      check.detail = 'Needs the upgrade path to reach the new migrations first.';
      return;
    }
    const restored = await restoreBackup({
      backupPath: before.backupPath,
      connection: db,
      mode: 'new-database',
      log: run.env.log,
    });
    const restoredDb = { ...db, database: restored.database };
    try {
      const [snapshot, counts] = await Promise.all([snapshotOf(restoredDb), withClient(restoredDb, countRows)]);
      const after = { snapshot, counts };
      const differences = rehearsalDifferences(before, after);
      check.detail = `Restored the pre-migration backup (${formatBytes(before.sizeBytes)}) into a new database: ${plural(differences.length, 'difference')} from the state before the new migrations.`;
      if (differences.length) {
        check.status = 'fail';
        check.items = differences;
      }
    } finally {
      await run.server.dropDatabase(restored.database).catch(() => undefined);
    }
  });
}
