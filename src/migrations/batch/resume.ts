/**
 * Which unfinished `_prisma_migrations` rows are batched statements interrupted mid-way (the
 * process killed, the runner lost, a batch failed): those the next apply continues from their
 * checkpoint instead of refusing them as failed, provided the file is still the one that started.
 */
import type pg from 'pg';
import { MigrateActionsError } from '../../errors.js';
import { isFailedRow, type PrismaMigrationRow } from '../history.js';
import { checksumMatches, type LocalMigration } from '../reader.js';
import { readProgress, type BatchProgress } from './checkpoint.js';

export interface ResumableRun {
  row: PrismaMigrationRow;
  migration: LocalMigration;
  /** The checkpoint of the statement that was running. */
  running: BatchProgress;
  progress: BatchProgress[];
}

/** Unfinished rows whose batched statement has a running checkpoint (throws when the file changed). */
export async function resumableRuns(
  client: Pick<pg.Client, 'query'>,
  rows: PrismaMigrationRow[],
  local: LocalMigration[],
): Promise<ResumableRun[]> {
  const failed = rows.filter(isFailedRow);
  const progress = await readProgress(
    client,
    failed.map((r) => r.id),
  );
  const out: ResumableRun[] = [];
  for (const row of failed) {
    const mine = progress.filter((p) => p.migrationId === row.id);
    const running = mine.find((p) => p.state === 'running');
    const migration = local.find((m) => m.name === row.migrationName);
    if (!running || !migration) continue;
    if (!checksumMatches(migration.sql, row.checksum)) {
      throw new MigrateActionsError(
        'E_BATCH_RESUME_CHANGED',
        `${row.migrationName} stopped mid-way through its batched statement on line ${running.statementLine}, and its migration.sql has changed since, so it cannot be resumed where it stopped.`,
        {
          where: { file: migration.sqlPath, migration: row.migrationName },
          remedy: `Restore the file as it was when the run started (checksum ${row.checksum}), apply again to finish it, and make further changes in a new migration.`,
        },
      );
    }
    out.push({ row, migration, running, progress: mine });
  }
  return out;
}
