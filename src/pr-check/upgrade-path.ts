/**
 * The two ways the history is applied: from scratch on an empty database, and the upgrade
 * path — the base branch's own migrations, generated rows, then the new migrations over the
 * data (with the rollback rehearsal's backup taken in between when it is on). Both start from
 * the base branch's database, applied once per run, when the pull request only adds migrations.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ConnectionSettings } from '../postgres/url.js';
import type { LocalMigration } from '../migrations/reader.js';
import type { HistoryGuardResult } from '../guard/history-guard.js';
import { seedDatabase } from '../seed/index.js';
import { backUpBefore, rehearseRollback } from './rehearsal.js';
import { applyHistory, atBaseBranch, CHECK, mergedHistoryUnchanged, newDatabase, step, withClient, type PrCheckRun } from './run.js';
import { formatDuration, plural } from '../report/format.js';

/**
 * Applies the whole history on an empty database; returns it, or undefined when that failed.
 * When the pull request only adds migrations (the history guard found no merged one edited,
 * renamed or deleted, and none added out of order), the merged ones are the base branch's very
 * files in the same order: a copy of the base branch's database, which the upgrade path applies
 * anyway, gets the new ones. Should the base branch's migrations fail, all of them are applied
 * here on an empty database, so this check names the working tree's files.
 */
export async function fromScratch(
  run: PrCheckRun,
  all: LocalMigration[],
  base: LocalMigration[],
  added: LocalMigration[],
  guard: HistoryGuardResult | undefined,
): Promise<ConnectionSettings | undefined> {
  let applied: ConnectionSettings | undefined;
  await step(run, CHECK.scratch, async (check) => {
    const onlyAdded = guard !== undefined && mergedHistoryUnchanged(guard) && base.length > 0 && added.length > 0;
    const fromBase = onlyAdded ? await atBaseBranch(run, guard, base, 'scratch').catch(() => undefined) : undefined;
    const db = fromBase?.database ?? (await newDatabase(run, 'scratch'));
    const result = await applyHistory(run, db, all, run.settings.migrationsDir);
    applied = db;
    const engine = `${run.settings.engine} engine`;
    check.detail = fromBase
      ? `${plural(all.length, 'migration')} applied on an empty database (${engine}): the base branch's ${base.length} in ${formatDuration(fromBase.durationMs)}, then ${plural(result.applied.length, 'new one')} in ${formatDuration(result.durationMs)}.`
      : `${plural(all.length, 'migration')} applied on an empty database in ${formatDuration(result.durationMs)} (${engine}).`;
  });
  return applied;
}

export async function upgradePath(
  run: PrCheckRun,
  all: LocalMigration[],
  base: LocalMigration[],
  added: LocalMigration[],
  guard: HistoryGuardResult | undefined,
): Promise<void> {
  const { settings, env } = run;
  let rehearsal: Promise<void> | undefined;
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-upgrade-'));
  try {
    await step(run, CHECK.upgrade, async (check) => {
      if (!guard || !base.length || !added.length) {
        check.status = 'skip';
        check.detail = !guard
          ? 'No base branch: nothing to upgrade from.'
          : !base.length
            ? 'The base branch has no migrations.'
            : 'No new migrations.';
        return;
      }
      const { database: db } = await atBaseBranch(run, guard, base, 'upgrade');
      const seeded = await withClient(db, (client) =>
        seedDatabase(client, { schema: run.schema, rowsPerTable: settings.seedRows, seedSqlFile: settings.seedSql, log: env.log }),
      );
      // The backup is restored into a new database while the new migrations run: the restore
      // is compared with the state the backup was taken in, not with the upgraded database.
      if (settings.rollbackRehearsal) rehearsal = rehearseRollback(run, db, await backUpBefore(run, db, workDir));
      const result = await applyHistory(run, db, all, settings.migrationsDir);
      const rows = seeded.tables.reduce((sum, t) => sum + t.rows, 0);
      check.detail = `${plural(base.length, 'base migration')} applied, ${plural(rows, 'row')} generated in ${plural(seeded.tables.length, 'table')}, then ${plural(result.applied.length, 'new migration')} applied over the data.`;
      const skipped = seeded.tables.filter((t) => t.skipped);
      if (skipped.length) {
        check.status = 'warn';
        check.items = skipped.map((t) => `${t.table} not filled: ${t.skipped}`);
      }
    });
    if (settings.rollbackRehearsal) await (rehearsal ?? rehearseRollback(run, undefined, undefined));
  } finally {
    await rehearsal; // its files are in workDir
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}
