/**
 * createBackup: one streaming pass from pg_dump to a checksummed (optionally encrypted) file,
 * row counts and migration state read in the same snapshot, verification, then the manifest
 * (last: a backup without a manifest is not a backup), then retention.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MigrateActionsError } from '../errors.js';
import { redact, registerSecret } from '../postgres/redact.js';
import { checkToc, hashArchive, listArchive, startLister, type ArchiveSource, type Decryption, type Lister } from './archive.js';
import { countRows, exportSnapshot, migrationState, type ExportedSnapshot } from './dbstate.js';
import { readRequirements } from './requirements.js';
import { verifyByRestore, verifyError } from './verify.js';
import { openGpgHome, prepareDecryption, prepareEncryption, startGpgFilter, type GpgHome, type PreparedEncryption } from './gpg.js';
import { manifestText, writeManifest } from './manifest.js';
import { compressionArgs, compressionLabel, parseCompression, type Compression } from './compression.js';
import { backupFileName, manifestPathFor, validatePrefix } from './naming.js';
import { startDumpTools, writeArchive, type WriteArchiveOutcome } from './pipeline.js';
import { libpqInvocation, resolveClientTool, serverVersion, siblingTool, type ClientTool, type ServerVersion } from './pgtools.js';
import { startTool, stopTools, type Tool } from './process.js';
import { applyRetentionIn } from './retention.js';
import { isS3Url, openStore, type BackupStore } from '../storage/index.js';
import type { BackupManifest, BackupOptions, BackupResult, TableRowCount, VerificationResult } from './types.js';
import { formatBytes, plural } from '../report/format.js';
import { connectFailureMessage } from '../postgres/client.js';

interface Dumped {
  sha256: string;
  /** Absent when pg_dump wrote straight into gpg: taken from the read-back (verify), if there is one. */
  plaintextSha256?: string;
  sizeBytes: number;
  tables: TableRowCount[];
}

interface BackupContext {
  options: BackupOptions;
  log: (line: string) => void;
  snapshot: ExportedSnapshot;
  server: ServerVersion;
  pgDump: ClientTool;
  compression: Compression;
  /** pg_dump's --compress for it (none for its default, gzip). */
  compressArgs: string[];
  pgRestore?: ClientTool;
  home?: GpgHome;
  encryption?: PreparedEncryption;
  /** Where the archive goes (a folder, or a bucket prefix), its name there and its path or URL. */
  store: BackupStore;
  name: string;
  backupPath: string;
}

export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const started = Date.now();
  if (options.encryption && 'passphrase' in options.encryption) registerSecret(options.encryption.passphrase);
  const log = (line: string): void => options.log?.(redact(line));
  checkOptions(options);
  const store = openStore(options.outputDir ?? 'backups', process.cwd(), options.s3);
  const snapshot = await prepareStore(store, log)
    .then(() => connectSource(options))
    .catch((error: unknown) => {
      store.close();
      throw error;
    });
  let home: GpgHome | undefined;
  let backupPath: string | undefined;
  let name = '';
  try {
    const server = await serverVersion(snapshot.client);
    const pgDump = await resolveClientTool('pg_dump', server.major, options.pgDumpPath);
    const compression = parseCompression(options.compression);
    const compressArgs = compressionArgs(compression, pgDump);
    const verify = options.verify ?? 'list';
    // The pg_restore beside the pg_dump given reads what it writes (the same release).
    const pgRestore =
      verify === 'none' ? undefined : await resolveClientTool('pg_restore', pgDump.major, siblingTool(pgDump.path, 'pg_restore'));
    home = options.encryption ? await openGpgHome() : undefined;
    const encryption = home && options.encryption ? await prepareEncryption(home, options.encryption) : undefined;
    const now = options.now ?? new Date();
    const format = options.format ?? 'custom';
    name = backupFileName(options.prefix, now, format, encryption !== undefined);
    backupPath = store.locate(name);
    if (await store.stat(name)) {
      const existing = backupPath;
      backupPath = undefined; // not ours to remove
      throw new MigrateActionsError('E_BACKUP_EXISTS', `${existing} already exists.`, {
        remedy: 'Wait a second (names carry the time to the second) or use another prefix.',
      });
    }
    const migrations = await migrationState(snapshot.client, options.connection.schema);
    const requirements = await readRequirements(snapshot.client);
    log(
      `Dumping ${options.connection.maskedUrl} (PostgreSQL ${server.version}) with pg_dump ${pgDump.version} to ${backupPath} (compression ${compressionLabel(compression)}${encryption ? `, encrypted: ${encryption.method}` : ''})`,
    );
    const context: BackupContext = {
      options,
      log,
      snapshot,
      server,
      pgDump,
      compression,
      compressArgs,
      pgRestore,
      home,
      encryption,
      store,
      name,
      backupPath,
    };
    const dumped = format === 'custom' ? await dumpCustom(context) : await dumpDirectory(context);
    await snapshot.close();
    const manifest = { ...buildManifest(context, dumped, migrations, now), requirements };
    const verification = await verifyBackup(context, manifest);
    const manifestPath = manifestPathFor(backupPath);
    await storeManifest(context, manifest);
    log(`Backup written: ${backupPath} (${formatBytes(dumped.sizeBytes)}, sha256 ${dumped.sha256})`);
    const deleted = options.retention ? await applyRetentionIn(store, options.prefix, options.retention, name, now, log) : [];
    return {
      backupPath,
      manifestPath,
      sha256: dumped.sha256,
      sizeBytes: dumped.sizeBytes,
      manifest,
      verification,
      deleted,
      durationMs: Date.now() - started,
    };
  } catch (error) {
    if (backupPath) await removePartial(store, name);
    throw error;
  } finally {
    await snapshot.close();
    await home?.dispose();
    store.close();
  }
}

/** Reachable and writable (a wrong key, bucket or endpoint stops here, before anything is dumped); what killed runs left is swept. */
async function prepareStore(store: BackupStore, log: (line: string) => void): Promise<void> {
  await store.check();
  const swept = await store.sweep();
  if (swept) log(`Aborted ${plural(swept, 'upload')} left in ${store.location} by killed runs`);
}

function checkOptions(options: BackupOptions): void {
  validatePrefix(options.prefix);
  const format = options.format ?? 'custom';
  const bad = (message: string, remedy: string): MigrateActionsError => new MigrateActionsError('E_BACKUP_OPTIONS', message, { remedy });
  if (format !== 'custom' && format !== 'directory')
    throw bad(`format "${String(format)}" is not custom or directory.`, 'Use format: custom (default) or directory.');
  if (format === 'directory' && options.encryption) {
    throw bad(
      'Encryption needs format custom (a directory archive is many files, and pg_restore reads it by path).',
      'Use format: custom with encryption, or encrypt the storage of directory backups.',
    );
  }
  if (options.jobs !== undefined && (format !== 'directory' || !Number.isInteger(options.jobs) || options.jobs < 1)) {
    throw bad(
      `jobs (${options.jobs}) applies to format directory only, as a whole number of at least 1.`,
      'Remove jobs, or set format: directory.',
    );
  }
  if (options.verify === 'restore' && options.encryption && !('passphrase' in options.encryption)) {
    throw bad(
      'verify: restore needs to decrypt the backup, and with public-key encryption this runner holds no private key.',
      'Use verify: list (checks the archive as it is written), or passphrase encryption.',
    );
  }
  if (isS3Url(options.outputDir) && format !== 'custom') {
    throw bad(
      'A bucket takes format custom only (a directory archive is many files that pg_dump writes by path).',
      'Use format: custom with an s3:// output-dir, or a local output-dir for format directory.',
    );
  }
  parseCompression(options.compression);
  if (options.verify && !['list', 'restore', 'none'].includes(options.verify))
    throw bad(`verify "${options.verify}" is not list, restore or none.`, 'Use verify: list (default), restore or none.');
}

async function connectSource(options: BackupOptions): Promise<ExportedSnapshot> {
  try {
    return await exportSnapshot(options.connection);
  } catch (error) {
    throw new MigrateActionsError(
      'E_BACKUP_CONNECT',
      `Could not open a snapshot on ${options.connection.maskedUrl}: ${connectFailureMessage(error)}.`,
      {
        remedy: 'Check database-url (host, credentials, database name) and that the server accepts connections from here.',
        cause: error,
      },
    );
  }
}

function dumpArgs(context: BackupContext, formatArgs: string[]): { args: string[]; env: NodeJS.ProcessEnv } {
  const libpq = libpqInvocation(context.options.connection);
  return {
    args: [
      ...libpq.args,
      ...formatArgs,
      ...context.compressArgs,
      `--snapshot=${context.snapshot.id}`,
      '--dbname',
      context.options.connection.database,
    ],
    env: libpq.env,
  };
}

/** Counting runs on the snapshot connection while pg_dump streams (same snapshot, in parallel). */
function startCounting(context: BackupContext): Promise<TableRowCount[]> {
  const counting = countRows(context.snapshot.client);
  counting.catch(() => undefined);
  return counting;
}

async function dumpCustom(context: BackupContext): Promise<Dumped> {
  const { args, env } = dumpArgs(context, ['--format=custom']);
  const { encryption, home } = context;
  const startEncrypt = encryption && home ? (): Tool => startGpgFilter(home, encryption.args, encryption.passphrase) : undefined;
  // With public-key encryption the file cannot be read back here: list the plaintext as it streams.
  const lister: Lister | undefined = encryption?.method === 'public-key' && context.pgRestore ? startLister(context.pgRestore) : undefined;
  const tools = startDumpTools({ path: context.pgDump.path, args, env }, startEncrypt, lister !== undefined);
  const counting = startCounting(context);
  const writer = await context.store.createWriter(context.name).catch((error: unknown) => {
    stopTools([tools.dump, ...(tools.encrypt ? [tools.encrypt] : []), ...(lister ? [lister.tool] : [])]);
    throw error;
  });
  const outcome = await writeArchive({ ...tools, verifier: lister?.sink, output: writer.stream });
  const file = context.backupPath;
  const failure = archiveFailure(context, outcome, tools.dump, tools.encrypt);
  if (failure) {
    await writer.abort();
    throw failure;
  }
  try {
    await writer.complete();
  } catch (error) {
    await writer.abort();
    throw error;
  }
  const tables = await counting;
  if (lister) {
    const exit = await lister.tool.exited;
    if (exit.code !== 0)
      throw new MigrateActionsError(
        'E_BACKUP_VERIFY',
        `pg_restore --list could not read the archive pg_dump produced: ${lister.tool.stderr()}.`,
        { where: { file } },
      );
    checkToc(lister.toc(), tables, file);
  }
  return { sha256: outcome.sha256, plaintextSha256: outcome.plaintextSha256, sizeBytes: outcome.sizeBytes, tables };
}

/** pg_dump stopped because its reader (gpg) went away: the cause is gpg's, not pg_dump's. */
function brokenPipe(exit: { code: number | null; signal: NodeJS.Signals | null } | undefined, stderr: string): boolean {
  return exit?.signal === 'SIGPIPE' || /broken pipe|could not write to output file/i.test(stderr);
}

/** What went wrong in the dump-and-write pass, first cause first; undefined when it all worked. */
function archiveFailure(
  context: BackupContext,
  outcome: WriteArchiveOutcome,
  dump: Tool,
  encrypt: Tool | undefined,
): MigrateActionsError | undefined {
  const file = context.backupPath;
  if (outcome.writeError && context.store.kind === 's3') {
    return new MigrateActionsError(
      'E_STORAGE_WRITE',
      `Uploading ${file} failed after ${outcome.sizeBytes} bytes: ${redact(outcome.writeError.message)}. The upload was aborted.`,
      {
        remedy: 'Check the bucket, the credentials (s3:PutObject) and s3-endpoint, then run the backup again.',
        where: { file },
      },
    );
  }
  if (outcome.writeError) {
    return new MigrateActionsError(
      'E_BACKUP_WRITE',
      `Writing ${file} failed after ${outcome.sizeBytes} bytes: ${outcome.writeError.message}. The partial file was removed.`,
      {
        remedy: 'Free space in output-dir (or choose another), and check that it is writable.',
        where: { file },
      },
    );
  }
  const dumpExit = outcome.exits.get('pg_dump');
  const encryptFailed = encrypt !== undefined && outcome.exits.get('gpg')?.code !== 0;
  if (dumpExit?.code !== 0 && !(encryptFailed && brokenPipe(dumpExit, dump.stderr()))) {
    return new MigrateActionsError(
      'E_BACKUP_DUMP',
      `pg_dump failed (${dumpExit?.signal ?? `exit ${dumpExit?.code}`}): ${dump.stderr() || 'no message'}. The partial file was removed.`,
      {
        remedy: 'Read the pg_dump error: permissions on a table or a lost connection are the usual causes.',
        where: { file },
      },
    );
  }
  if (encrypt && encryptFailed) {
    return new MigrateActionsError(
      'E_BACKUP_ENCRYPT',
      `gpg could not encrypt the backup: ${encrypt.stderr() || 'no message'}. The partial file was removed.`,
      { remedy: 'Check the recipient key (not expired, can encrypt).', where: { file } },
    );
  }
  if (outcome.streamErrors.length) {
    return new MigrateActionsError(
      'E_BACKUP_WRITE',
      `The backup stream failed: ${redact(outcome.streamErrors[0].message)}. The partial file was removed.`,
      { where: { file } },
    );
  }
  return undefined;
}

async function dumpDirectory(context: BackupContext): Promise<Dumped> {
  const jobs = context.options.jobs ?? 1;
  const { args, env } = dumpArgs(context, ['--format=directory', `--jobs=${jobs}`, '--file', context.backupPath]);
  const dump = startTool('pg_dump', context.pgDump.path, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
  const counting = startCounting(context);
  const exit = await dump.exited;
  if (exit.code !== 0) {
    throw new MigrateActionsError(
      'E_BACKUP_DUMP',
      `pg_dump failed (${exit.signal ?? `exit ${exit.code}`}): ${dump.stderr() || 'no message'}. The partial directory was removed.`,
      {
        remedy: 'Read the pg_dump error: disk space, permissions on a table or a lost connection are the usual causes.',
        where: { file: context.backupPath },
      },
    );
  }
  fs.chmodSync(context.backupPath, 0o700);
  for (const name of fs.readdirSync(context.backupPath)) fs.chmodSync(path.join(context.backupPath, name), 0o600);
  const tree = await hashArchive(context.backupPath);
  return { sha256: tree.sha256, plaintextSha256: tree.sha256, sizeBytes: tree.sizeBytes, tables: await counting };
}

function buildManifest(context: BackupContext, dumped: Dumped, migrations: BackupManifest['migrations'], now: Date): BackupManifest {
  const { connection } = context.options;
  return {
    manifestVersion: 1,
    file: path.basename(context.backupPath),
    format: context.options.format ?? 'custom',
    database: { name: connection.database, url: connection.maskedUrl, schema: connection.schema },
    server: { version: context.server.version, versionNum: context.server.versionNum, major: context.server.major },
    pgDump: { version: context.pgDump.version, major: context.pgDump.major },
    sizeBytes: dumped.sizeBytes,
    sha256: dumped.sha256,
    // Kept in its place even when unknown yet: the read-back (verify) fills it in.
    plaintextSha256: dumped.plaintextSha256,
    compression: context.compression,
    encryption: context.encryption
      ? {
          method: context.encryption.method,
          cipher: 'AES256',
          ...(context.encryption.recipients ? { recipients: context.encryption.recipients } : {}),
        }
      : { method: 'none' },
    createdAt: now.toISOString(),
    gitCommit: context.options.gitCommit ?? null,
    migrations,
    tables: dumped.tables,
  };
}

async function decryptionFor(context: BackupContext): Promise<Decryption | undefined> {
  const settings = context.options.encryption;
  if (!context.home || !settings || !('passphrase' in settings)) return undefined;
  return { home: context.home, ...(await prepareDecryption(context.home, { passphrase: settings.passphrase })) };
}

/**
 * Reads the stored archive back (unless verify is none). Its SHA-256 must be the one computed
 * while writing; the decrypted archive's SHA-256 is recorded here when the plaintext went
 * straight from pg_dump to gpg, and compared otherwise.
 */
async function verifyBackup(context: BackupContext, manifest: BackupManifest): Promise<VerificationResult> {
  const mode = context.options.verify ?? 'list';
  const file: ArchiveSource = context.store.kind === 'folder' ? context.backupPath : { store: context.store, name: context.name };
  if (mode === 'none' || !context.pgRestore) return { mode: 'none' };
  if (context.encryption?.method === 'public-key') {
    // The plaintext was listed as it streamed; here the bytes on disk are checked against the hash.
    const onDisk = await hashArchive(file);
    if (onDisk.sha256 !== manifest.sha256)
      throw verifyError(context.backupPath, 'the stored archive does not match the SHA-256 computed while writing it');
    return { mode, note: 'public-key encryption: the archive was listed while streaming; the file on disk matches its checksum' };
  }
  const decryption = await decryptionFor(context);
  if (mode === 'list') {
    const { toc, outcome } = await listArchive(file, context.pgRestore, decryption);
    checkReadBack(context, manifest, outcome);
    const tocEntries = checkToc(toc, manifest.tables, context.backupPath);
    context.log(
      `Verified: pg_restore --list read ${plural(tocEntries, 'entry')} of ${path.basename(context.backupPath)} (read back from ${context.store.location})`,
    );
    return { mode, tocEntries };
  }
  const { verification, readBack } = await verifyByRestore({
    file,
    manifest,
    pgRestore: context.pgRestore,
    decryption,
    major: context.server.major,
    log: context.log,
  });
  checkReadBack(context, manifest, readBack);
  return verification;
}

function checkReadBack(context: BackupContext, manifest: BackupManifest, readBack: { sha256: string; plaintextSha256: string }): void {
  if (
    readBack.sha256 !== manifest.sha256 ||
    (manifest.plaintextSha256 !== undefined && readBack.plaintextSha256 !== manifest.plaintextSha256)
  )
    throw verifyError(context.backupPath, 'reading the archive back gave another SHA-256 than writing it');
  manifest.plaintextSha256 = readBack.plaintextSha256;
}

async function removePartial(store: BackupStore, name: string): Promise<void> {
  await store.remove(name).catch(() => undefined);
  await store.remove(`${manifestPathFor(name)}.partial`).catch(() => undefined);
}

/**
 * The manifest goes last: in a bucket, only once the object is there with the size written
 * (its checksum was compared by reading it back, unless verify is none).
 */
async function storeManifest(context: BackupContext, manifest: BackupManifest): Promise<void> {
  if (context.store.kind === 'folder') return writeManifest(manifestPathFor(context.backupPath), manifest);
  const stored = await context.store.stat(context.name);
  if (stored?.sizeBytes !== manifest.sizeBytes) {
    throw new MigrateActionsError(
      'E_STORAGE_WRITE',
      `${context.backupPath} is ${stored ? `${stored.sizeBytes} bytes` : 'missing'} in the bucket, but ${manifest.sizeBytes} bytes were uploaded. No manifest was written.`,
      { remedy: 'Run the backup again; check that nothing else writes to this prefix.', where: { file: context.backupPath } },
    );
  }
  await context.store.writeText(manifestPathFor(context.name), manifestText(manifest));
}
