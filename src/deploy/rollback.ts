/**
 * The restore path's catalog bookkeeping. pg_restore --clean replaces the objects the backup
 * contains, but leaves alone what a failed migration created that the backup does not know (a
 * new table, type, function …). So the pipeline snapshots the catalog before applying, drops
 * those leftovers before restoring, and compares the restored catalog with the snapshot after.
 */
import pg from 'pg';
import { diffSnapshots, reconcileSql, snapshotSchema } from '../catalog/index.js';
import type { CatalogSnapshot } from '../catalog/types.js';
import type { ConnectionSettings } from '../postgres/url.js';
import { withClient as withPgClient } from '../postgres/client.js';

const withClient = <T>(settings: ConnectionSettings, body: (client: pg.Client) => Promise<T>): Promise<T> =>
  withPgClient(settings, { applicationName: 'prisma-migrate-actions-restore' }, body);

/** The catalog of every user schema (the suite's own bookkeeping excluded). */
export function catalogOf(settings: ConnectionSettings): Promise<CatalogSnapshot> {
  return withClient(settings, (client) => snapshotSchema(client));
}

/**
 * Drops, in one transaction, the objects present now that were absent before the deploy.
 * Returns the statements it ran; objects without a safe automatic drop are left for the
 * comparison after the restore to report.
 */
export async function dropObjectsCreatedSince(settings: ConnectionSettings, before: CatalogSnapshot): Promise<string[]> {
  return withClient(settings, async (client) => {
    const now = await snapshotSchema(client);
    const diff = diffSnapshots(before, now);
    const created = { ...diff, differences: diff.differences.filter((d) => d.change === 'unexpected') };
    const statements = reconcileSql(created, before, now)
      .filter((step) => !step.manual)
      .map((step) => step.sql);
    if (!statements.length) return [];
    await client.query('BEGIN');
    try {
      for (const sql of statements) await client.query(sql);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    return statements;
  });
}

/** What differs between the catalog now and before the deploy, one line per object. */
export async function catalogChangesSince(settings: ConnectionSettings, before: CatalogSnapshot): Promise<string[]> {
  const now = await catalogOf(settings);
  return diffSnapshots(before, now).differences.map((d) => `${d.change} ${d.objectType} ${d.identity}${d.detail ? `: ${d.detail}` : ''}`);
}
