/**
 * restoreBackup: checksum first, then a full decrypt-and-list pass that touches no database,
 * then the restore in one transaction (into a new database by default, or over the target
 * when its name is confirmed), then row counts against the manifest and the migration state.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MigrateActionsError, isMigrateActionsError } from '../errors.js';
import { redact, registerSecret } from '../postgres/redact.js';
import { quoteIdent } from '../postgres/sql.js';
import { withDatabase, type ConnectionSettings } from '../postgres/url.js';
import { checkToc, hashArchive, listArchive, restoreFileInto, type ArchiveRef, type ArchiveSource, type Decryption } from './archive.js';
import { S3Store, isS3Url, parseS3Url } from '../storage/index.js';
import { compareRowCounts, countRows, describeDifferences, migrationState } from './dbstate.js';
import { openGpgHome, prepareDecryption, type GpgHome } from './gpg.js';
import { parseManifest, readManifest } from './manifest.js';
import { checkTargetRequirements, readTargetState } from './requirements.js';
import { manifestPathFor, timestamp } from './naming.js';
import { resolveClientTool, serverVersion, withClient, type ClientTool } from './pgtools.js';
import type { BackupManifest, RestoreOptions, RestoreResult } from './types.js';
import { plural } from '../report/format.js';
import { connectFailureMessage } from '../postgres/client.js';

export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  registerSecret(options.passphrase);
  const log = (line: string): void => options.log?.(redact(line));
  const mode = options.mode ?? 'new-database';
  const remote = isS3Url(options.backupPath);
  const file = remote ? options.backupPath.trim() : path.resolve(options.backupPath);
  checkConfirmation(options, mode);
  const { source, manifest } = remote
    ? await openStored(file, options)
    : { source: file, manifest: readManifest(options.manifestPath ?? manifestPathFor(file), file) };
  try {
    return await restoreFrom(source, manifest, options, log);
  } finally {
    if (typeof source !== 'string') source.store.close();
  }
}

async function restoreFrom(
  source: ArchiveSource,
  manifest: BackupManifest,
  options: RestoreOptions,
  log: (line: string) => void,
): Promise<RestoreResult> {
  const started = Date.now();
  const mode = options.mode ?? 'new-database';
  const file = typeof source === 'string' ? source : source.store.locate(source.name);
  if (typeof source === 'string') {
    await checkChecksum(file, manifest);
    log(`Checksum matches the manifest: ${manifest.sha256}`);
  } else {
    await checkStoredSize(source, manifest, file);
  }
  const pgRestore = await checkTarget(options, manifest, file, log);
  const home = manifest.encryption.method === 'none' ? undefined : await openGpgHome();
  try {
    const decryption = home ? await decryptionFor(home, manifest, options, file) : undefined;
    // A whole pass before touching any database: a wrong key, a damaged stream or an unreadable archive stops here.
    const { toc, outcome } = await listArchive(source, pgRestore, decryption);
    if (outcome.sha256 !== manifest.sha256) throw altered(file, outcome.sha256, manifest.sha256);
    if (typeof source !== 'string') log(`Checksum matches the manifest: ${manifest.sha256} (read from ${file})`);
    if (manifest.plaintextSha256 !== undefined && outcome.plaintextSha256 !== manifest.plaintextSha256) {
      throw mismatch(file, 'the decrypted archive does not match the manifest (plaintextSha256)');
    }
    checkToc(toc, manifest.tables, file);
    log(`Archive readable: ${path.basename(file)} (pg_restore --list)`);
    const target = mode === 'new-database' ? await createTargetDatabase(options, manifest) : options.connection;
    log(`Restoring into ${target.maskedUrl}${mode === 'over-target' ? ' (over the existing objects, one transaction)' : ''}`);
    await restoreOrDrop(source, target, pgRestore, decryption, options, mode);
    const restored = await withClient(target, countRows);
    const compared =
      mode === 'over-target' ? restored.filter((t) => manifest.tables.some((m) => m.schema === t.schema && m.table === t.table)) : restored;
    const differences = compareRowCounts(manifest.tables, compared);
    if (differences.length) {
      throw new MigrateActionsError(
        'E_RESTORE_MISMATCH',
        `Row counts in ${target.database} differ from the manifest's: ${describeDifferences(differences)}.`,
        {
          remedy: `Inspect ${target.database} (left in place); the backup may have been taken from a changing database without a snapshot.`,
          where: { file },
        },
      );
    }
    const migrations = await withClient(target, (client) => migrationState(client, manifest.migrations.schema));
    log(
      `Restored ${plural(manifest.tables.length, 'table')}; ${plural(migrations.applied.length, 'migration')} applied in ${target.database}`,
    );
    return {
      mode,
      database: target.database,
      databaseUrl: target.maskedUrl,
      sha256: manifest.sha256,
      tablesCompared: manifest.tables.length,
      migrationsAtBackup: manifest.migrations.applied,
      migrations,
      durationMs: Date.now() - started,
    };
  } finally {
    await home?.dispose();
  }
}

function checkConfirmation(options: RestoreOptions, mode: RestoreOptions['mode']): void {
  if (mode !== 'new-database' && mode !== 'over-target') {
    throw new MigrateActionsError('E_RESTORE_OPTIONS', `mode "${String(mode)}" is not new-database or over-target.`, {
      remedy: 'Use mode: new-database (default) or over-target.',
    });
  }
  if (mode === 'over-target' && options.confirm !== options.connection.database) {
    throw new MigrateActionsError(
      'E_RESTORE_CONFIRM',
      `Restoring over ${options.connection.database} replaces its objects and data, and confirm does not spell its name.`,
      {
        remedy: `Pass confirm: ${options.connection.database} to restore over it, or restore into a new database (mode: new-database).`,
      },
    );
  }
}

async function checkChecksum(file: string, manifest: BackupManifest): Promise<void> {
  let actual: { sha256: string; sizeBytes: number };
  try {
    actual = await hashArchive(file);
  } catch (error) {
    throw new MigrateActionsError('E_BACKUP_READ', `Could not read ${file}: ${(error as Error).message}.`, { where: { file } });
  }
  if (actual.sizeBytes !== manifest.sizeBytes) {
    throw new MigrateActionsError(
      'E_BACKUP_CHECKSUM',
      `${path.basename(file)} is ${actual.sizeBytes} bytes, the manifest says ${manifest.sizeBytes}: the file is truncated or was replaced.`,
      {
        remedy: 'Fetch the backup again (complete), or restore from another backup.',
        where: { file },
      },
    );
  }
  if (actual.sha256 !== manifest.sha256) throw altered(file, actual.sha256, manifest.sha256);
}

function altered(file: string, actual: string, expected: string): MigrateActionsError {
  return new MigrateActionsError(
    'E_BACKUP_CHECKSUM',
    `The SHA-256 of ${path.basename(file)} (${actual}) is not the manifest's (${expected}): the file was altered.`,
    {
      remedy: 'Do not restore this file; restore from another backup.',
      where: { file },
    },
  );
}

/** A backup in a bucket: its store, and its manifest (beside it, or the manifest-path given). */
async function openStored(url: string, options: RestoreOptions): Promise<{ source: ArchiveRef; manifest: BackupManifest }> {
  const { bucket, key } = parseS3Url(url, 'backup-path');
  const store = new S3Store(bucket, path.posix.dirname(key) === '.' ? '' : path.posix.dirname(key), options.s3);
  const name = path.posix.basename(key);
  const manifestLabel = options.manifestPath ?? manifestPathFor(url);
  const text = options.manifestPath ? readLocalText(options.manifestPath) : await store.readText(manifestPathFor(name));
  return { source: { store, name }, manifest: parseManifest(text, manifestLabel, url) };
}

function readLocalText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The object's size against the manifest (its SHA-256 is compared on the first read, before any restore). */
async function checkStoredSize(source: ArchiveRef, manifest: BackupManifest, file: string): Promise<void> {
  const stored = await source.store.stat(source.name);
  if (!stored) {
    throw new MigrateActionsError('E_BACKUP_READ', `${file} does not exist (its manifest does).`, {
      remedy: 'The backup object was deleted: restore from another backup.',
      where: { file },
    });
  }
  if (stored.sizeBytes !== manifest.sizeBytes) {
    throw new MigrateActionsError(
      'E_BACKUP_CHECKSUM',
      `${path.basename(file)} is ${stored.sizeBytes} bytes, the manifest says ${manifest.sizeBytes}: the object is truncated or was replaced.`,
      { remedy: 'Restore from another backup.', where: { file } },
    );
  }
}

/**
 * Connects to the target and checks it can take this dump before anything is restored: its
 * major, the roles and the extensions the manifest records. Returns the pg_restore to use.
 */
async function checkTarget(
  options: RestoreOptions,
  manifest: BackupManifest,
  file: string,
  log: (line: string) => void,
): Promise<ClientTool> {
  const connection = options.connection;
  const { target, state } = await withClient(connection, async (client) => ({
    target: await serverVersion(client),
    state: await readTargetState(client),
  })).catch((error: Error) => {
    throw new MigrateActionsError('E_RESTORE_CONNECT', `Could not connect to ${connection.maskedUrl}: ${connectFailureMessage(error)}.`, {
      remedy: 'Check database-url and that the server accepts connections.',
    });
  });
  if (target.major < manifest.server.major) {
    throw new MigrateActionsError(
      'E_RESTORE_VERSION',
      `${path.basename(file)} was dumped from PostgreSQL ${manifest.server.version}; the target runs ${target.version}, an older major. A dump restores onto the same major or a newer one only (it may use what the older server lacks). Nothing was restored.`,
      {
        remedy: `Restore onto a PostgreSQL ${manifest.server.major} or newer server (database-url).`,
        where: { file },
      },
    );
  }
  checkTargetRequirements(manifest, state, options.roles ?? {}, { file });
  if (manifest.requirements) log(`Target has what the backup needs: ${describeRequirements(manifest, options)}`);
  return resolveRestoreTool(target.major, manifest.pgDump.major, log);
}

function describeRequirements(manifest: BackupManifest, options: RestoreOptions): string {
  const r = manifest.requirements!;
  const roles = options.roles?.owner
    ? `objects owned by ${options.roles.owner}`
    : options.roles?.noOwner
      ? 'objects owned by the connecting role'
      : `owners ${r.roles.owners.join(', ') || 'none'}`;
  const grants = options.roles?.noPrivileges ? 'no privileges restored' : `grantees ${r.roles.grantees.join(', ') || 'none'}`;
  return `${roles}; ${grants}; extensions ${r.extensions.map((e) => e.name).join(', ') || 'none'}`;
}

/** A pg_restore of the target's major when there is one; else one that reads the dump (it only sends SQL). */
async function resolveRestoreTool(targetMajor: number, dumpMajor: number, log: (line: string) => void): Promise<ClientTool> {
  try {
    return await resolveClientTool('pg_restore', Math.max(targetMajor, dumpMajor));
  } catch (error) {
    if (targetMajor <= dumpMajor || !isMigrateActionsError(error)) throw error;
    const tool = await resolveClientTool('pg_restore', dumpMajor);
    log(`No pg_restore ${targetMajor} here; using ${tool.path} (${tool.version}), which reads this ${dumpMajor} dump`);
    return tool;
  }
}

async function decryptionFor(home: GpgHome, manifest: BackupManifest, options: RestoreOptions, file: string): Promise<Decryption> {
  const method = manifest.encryption.method;
  if (method === 'passphrase-aes256' && options.passphrase === undefined) {
    throw new MigrateActionsError('E_RESTORE_SECRET', `${path.basename(file)} is encrypted with a passphrase and none was given.`, {
      remedy: 'Pass the passphrase (a secret input).',
      where: { file },
    });
  }
  if (method === 'public-key' && !options.privateKey) {
    throw new MigrateActionsError(
      'E_RESTORE_SECRET',
      `${path.basename(file)} is encrypted to ${manifest.encryption.recipients?.join(', ') ?? 'a public key'} and no private key was given.`,
      {
        remedy: 'Pass the armored private key of that recipient (a secret input).',
        where: { file },
      },
    );
  }
  const secret = method === 'public-key' ? { privateKey: options.privateKey } : { passphrase: options.passphrase };
  return { home, ...(await prepareDecryption(home, secret)) };
}

function mismatch(file: string, why: string): MigrateActionsError {
  return new MigrateActionsError('E_RESTORE_MANIFEST_MISMATCH', `${path.basename(file)} does not match its manifest: ${why}.`, {
    remedy: 'Pass the manifest written with this backup, or restore from another backup.',
    where: { file },
  });
}

/** PostgreSQL identifiers are at most 63 bytes. */
function defaultDatabaseName(manifest: BackupManifest): string {
  // Seconds alone collide when two restores start in the same second.
  const suffix = `_restored_${timestamp(new Date())}_${randomBytes(2).toString('hex')}`;
  return `${manifest.database.name.slice(0, 63 - suffix.length)}${suffix}`;
}

async function createTargetDatabase(options: RestoreOptions, manifest: BackupManifest): Promise<ConnectionSettings> {
  const name = options.databaseName ?? defaultDatabaseName(manifest);
  await withClient(options.connection, async (client) => {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount) {
      throw new MigrateActionsError('E_RESTORE_EXISTS', `The database ${name} already exists.`, {
        remedy: 'Choose another database name, or restore over it with mode: over-target and confirm.',
      });
    }
    // Objects restored for another owner land in a database that role owns (its public schema too).
    const owner = options.roles?.owner ? ` OWNER ${quoteIdent(options.roles.owner)}` : '';
    await client.query(`CREATE DATABASE ${quoteIdent(name)}${owner}`);
  });
  return withDatabase({ ...options.connection, schema: manifest.migrations.schema }, name);
}

async function restoreOrDrop(
  file: ArchiveSource,
  target: ConnectionSettings,
  pgRestore: ClientTool,
  decryption: Decryption | undefined,
  options: RestoreOptions,
  mode: string,
): Promise<void> {
  try {
    await restoreFileInto(file, target, pgRestore, { decryption, clean: mode === 'over-target', roles: options.roles });
  } catch (error) {
    if (mode === 'new-database') {
      await withClient(options.connection, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(target.database)}`)).catch(
        () => undefined,
      );
    }
    throw error;
  }
}
