/**
 * Verification by restore: the backup is restored into a throwaway PostgreSQL of the source's
 * major and its row counts compared with the source's. What is verified is the schema and the
 * data, so owners and privileges are left out (the throwaway server has none of the source's
 * roles). An extension the throwaway server lacks does not fail the backup: the objects that
 * depend on it are named as unverified, and everything else is still restored and compared.
 */
import path from 'node:path';
import { MigrateActionsError } from '../errors.js';
import { acquirePostgres } from '../postgres/ephemeral.js';
import { listArchive, restoreFileInto, sourceLabel, type ArchiveSource, type Decryption } from './archive.js';
import { compareRowCounts, countRows, describeDifferences } from './dbstate.js';
import { withClient, type ClientTool } from './pgtools.js';
import { missingExtensions, readTargetState } from './requirements.js';
import type { BackupManifest, UnverifiedObject, VerificationResult } from './types.js';

export interface VerifyByRestoreInput {
  file: ArchiveSource;
  manifest: BackupManifest;
  pgRestore: ClientTool;
  decryption?: Decryption;
  major: number;
  log: (line: string) => void;
}

/** TOC entries by dump id: `TABLE public t` (the owner column dropped). */
export function tocIndex(toc: string): Map<number, string> {
  const index = new Map<number, string>();
  for (const line of toc.split('\n')) {
    const m = /^(\d+); \d+ \d+ (.*)$/.exec(line);
    if (m) index.set(Number(m[1]), m[2].replace(/ \S*$/, ''));
  }
  return index;
}

/** `schema.table` of the tables whose definition or data is among the unverified objects. */
function tablesOf(unverified: UnverifiedObject[]): Set<string> {
  const tables = new Set<string>();
  for (const u of unverified) {
    const m = /^TABLE (?:DATA )?(\S+) (.+)$/.exec(u.object);
    if (m) tables.add(`${m[1]}.${m[2]}`);
  }
  return tables;
}

/** What the restore read back: the stored bytes' SHA-256 and the decrypted archive's. */
export interface ReadBack {
  sha256: string;
  plaintextSha256: string;
}

export async function verifyByRestore(input: VerifyByRestoreInput): Promise<{ verification: VerificationResult; readBack: ReadBack }> {
  const { file, manifest, pgRestore, decryption, log } = input;
  const server = await acquirePostgres({ major: input.major, log });
  try {
    const target = await server.createDatabase('pma_backup_verify');
    const state = await withClient(target, readTargetState);
    const missing = missingExtensions(manifest.requirements?.extensions ?? [], state);
    const roles = { noOwner: true, noPrivileges: true };
    let unverified: UnverifiedObject[] = [];
    let readBack: ReadBack;
    if (!missing.length) {
      readBack = await restoreFileInto(file, target, pgRestore, { decryption, roles });
    } else {
      log(`The throwaway PostgreSQL ${server.major} lacks ${missing.map((e) => e.name).join(', ')}: restoring what does not depend on it`);
      const { toc } = await listArchive(file, pgRestore, decryption);
      const entries = tocIndex(toc);
      const outcome = await restoreFileInto(file, target, pgRestore, { decryption, roles, tolerant: true });
      readBack = outcome;
      const missingEntries = new Set(missing.map((e) => `EXTENSION - ${e.name}`));
      unverified = outcome.failures
        .map((f) => ({ object: entries.get(f.dumpId) ?? `TOC entry ${f.dumpId}`, reason: f.reason }))
        .filter((u) => !missingEntries.has(u.object));
    }
    const skipped = tablesOf(unverified);
    const expected = manifest.tables.filter((t) => !skipped.has(`${t.schema}.${t.table}`));
    const restored = (await withClient(target, countRows)).filter((t) => !skipped.has(`${t.schema}.${t.table}`));
    const differences = compareRowCounts(expected, restored);
    if (differences.length)
      throw verifyError(sourceLabel(file), `row counts after a restore differ from the source's: ${describeDifferences(differences)}`);
    log(
      `Verified: restored ${path.basename(sourceLabel(file))} into a throwaway PostgreSQL ${server.major}; ${expected.length} tables match the source's row counts` +
        (unverified.length ? `; ${unverified.length} object(s) not verified (missing extension)` : ''),
    );
    const sums = { sha256: readBack.sha256, plaintextSha256: readBack.plaintextSha256 };
    if (!missing.length) return { verification: { mode: 'restore', tablesCompared: expected.length }, readBack: sums };
    const names = missing.map((e) => `${e.name} ${e.version}`).join(', ');
    const verification: VerificationResult = {
      mode: 'restore',
      tablesCompared: expected.length,
      missingExtensions: missing.map((e) => e.name),
      unverified: unverified.map((u) => ({
        ...u,
        reason: `${u.reason} (needs ${names}, which this runner's PostgreSQL ${server.major} does not have)`,
      })),
      note: `The throwaway PostgreSQL ${server.major} lacks ${names}: ${unverified.length} object(s) depending on it were not verified; the other ${expected.length} tables were restored and their row counts match.`,
    };
    return { verification, readBack: sums };
  } finally {
    await server.stop();
  }
}

export function verifyError(file: string, why: string): MigrateActionsError {
  return new MigrateActionsError('E_BACKUP_VERIFY', `Verification of ${path.basename(file)} failed: ${why}. The backup was removed.`, {
    remedy: 'Run the backup again; if it fails again, check the disk and the pg_dump version.',
    where: { file },
  });
}
