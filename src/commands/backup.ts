/** backup and restore commands: thin mappings from options to src/backup/ and its results to a Report. */
import fs from 'node:fs';
import path from 'node:path';
// The backup modules are imported when a command runs, so `--help` loads none of them.
import type { BackupResult, EncryptionSettings, RestoreResult } from '../backup/index.js';
import { parseDatabaseUrl } from '../postgres/url.js';
import { registerSecret } from '../postgres/redact.js';
import { createReport, finishReport, addTable, type Report } from '../report/model.js';
import { formatBytes, plural } from '../report/format.js';
import { COMMON, bool, num, str, type OptionSpec, type OptionValues, type ValuesOf } from './options.js';
import { EXIT, type Command, type CommandContext, type CommandResult } from './types.js';
import { isS3Url } from '../storage/location.js';
import type { S3Settings } from '../storage/types.js';

/** Armored key text, or the text of a key file when the value is a path. */
export function keyText(value: string | undefined, cwd: string): string | undefined {
  if (!value) return undefined;
  if (value.includes('-----BEGIN PGP')) return value;
  const file = path.resolve(cwd, value);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : value;
}

/** A passphrase wins over a public key (armored text or a key file's path); neither = no encryption. */
export function encryptionFrom(
  passphrase: string | undefined,
  publicKeyOption: string | undefined,
  cwd: string,
): EncryptionSettings | undefined {
  const publicKey = keyText(publicKeyOption, cwd);
  if (passphrase) return { passphrase };
  if (publicKey) return { recipientPublicKey: publicKey };
  return undefined;
}

/** Bucket options shared by backup, restore and prod-deploy (`write`: also what applies to new objects). */
const S3_READ_OPTIONS = [
  { name: 's3-endpoint', type: 'string', description: 'S3-compatible endpoint URL (MinIO, R2, GCS); empty = AWS S3.' },
  {
    name: 's3-force-path-style',
    type: 'boolean',
    default: 'false',
    description: 'Path-style bucket addressing (endpoint/bucket/key), as most S3-compatible services need.',
  },
] as const satisfies readonly OptionSpec[];

/** Options of a bucket that backups are written to (reading needs only the endpoint and addressing). */
export const S3_WRITE_OPTIONS = [
  ...S3_READ_OPTIONS,
  {
    name: 's3-sse',
    type: 'enum',
    values: ['AES256', 'aws:kms'],
    description: 'Server-side encryption of the objects: AES256 or aws:kms.',
  },
  { name: 's3-kms-key-id', type: 'string', description: 'KMS key id or ARN for s3-sse aws:kms (empty = the AWS-managed key).' },
  {
    name: 's3-storage-class',
    type: 'string',
    description: 'Storage class of the objects (e.g. STANDARD_IA); empty = the bucket default.',
  },
] as const satisfies readonly OptionSpec[];

type S3OptionName = (typeof S3_WRITE_OPTIONS)[number]['name'];

export function s3From(values: OptionValues<S3OptionName>): S3Settings {
  return {
    endpoint: str(values, 's3-endpoint'),
    forcePathStyle: bool(values, 's3-force-path-style'),
    sse: str(values, 's3-sse') as S3Settings['sse'],
    kmsKeyId: str(values, 's3-kms-key-id'),
    storageClass: str(values, 's3-storage-class'),
  };
}

/** A folder resolved against the working directory, or an s3:// URL as given. */
export function locationFrom(value: string, cwd: string): string {
  return isS3Url(value) ? value.trim() : path.resolve(cwd, value);
}

export function backupReport(result: BackupResult): Report {
  const report = createReport('backup', 'Backup');
  report.checks.push({
    name: 'Dump',
    status: 'pass',
    durationMs: result.durationMs,
    detail: `${path.basename(result.backupPath)} — ${formatBytes(result.sizeBytes)}, SHA-256 ${result.sha256}, encryption ${result.manifest.encryption.method}.`,
  });
  const v = result.verification;
  report.checks.push({
    name: `Verification (${v.mode})`,
    status: v.mode === 'none' ? 'skip' : v.unverified?.length ? 'warn' : 'pass',
    ...(v.unverified?.length ? { items: v.unverified.map((u) => `not verified: ${u.object} — ${u.reason}`) } : {}),
    detail: [
      v.tocEntries !== undefined ? `${plural(v.tocEntries, 'archive entry', 'archive entries')} listed` : '',
      v.tablesCompared !== undefined ? `row counts of ${plural(v.tablesCompared, 'table')} match after restore` : '',
      v.note ?? '',
    ]
      .filter(Boolean)
      .join('; '),
  });
  addTable(report, {
    title: 'Migration state at backup time',
    columns: ['applied migrations'],
    rows: result.manifest.migrations.applied.map((m) => [m]),
  });
  if (result.deleted.length)
    report.checks.push({ name: 'Retention', status: 'pass', items: result.deleted.map((f) => `deleted ${path.basename(f)}`) });
  report.data = {
    backupPath: result.backupPath,
    manifestPath: result.manifestPath,
    manifest: result.manifest,
    verification: v,
    deleted: result.deleted,
  };
  return finishReport(report, { summary: `Backed up ${result.manifest.database.name} to ${result.backupPath}` });
}

export async function runBackup(values: ValuesOf<typeof BACKUP_OPTIONS>, context: CommandContext): Promise<CommandResult> {
  const connection = parseDatabaseUrl(str(values, 'database-url'));
  const keepLast = num(values, 'keep-last') || undefined;
  const maxAgeDays = num(values, 'keep-days') || undefined;
  const { createBackup } = await import('../backup/index.js');
  const result = await createBackup({
    connection,
    outputDir: locationFrom(str(values, 'output-dir') ?? 'backups', context.cwd),
    s3: s3From(values),
    prefix: str(values, 'prefix') ?? connection.database.replace(/[^A-Za-z0-9_-]/g, '_'),
    format: (str(values, 'format') ?? 'custom') as 'custom' | 'directory',
    compression: str(values, 'compression'),
    jobs: (num(values, 'jobs') ?? 1) > 1 || str(values, 'format') === 'directory' ? num(values, 'jobs') : undefined,
    encryption: encryptionFrom(str(values, 'passphrase'), str(values, 'public-key'), context.cwd),
    retention: keepLast || maxAgeDays ? { keepLast, maxAgeDays } : undefined,
    verify: (str(values, 'verify') ?? 'list') as 'list' | 'restore' | 'none',
    gitCommit: process.env.GITHUB_SHA || (await import('../guard/git.js')).headCommit(context.cwd),
    pgDumpPath: str(values, 'pg-dump-path') ? path.resolve(context.cwd, str(values, 'pg-dump-path')!) : undefined,
    log: context.log,
  });
  const outputs = {
    'backup-path': result.backupPath,
    'manifest-path': result.manifestPath,
    sha256: result.sha256,
    'size-bytes': result.sizeBytes,
  };
  const report = backupReport(result);
  report.outputs = outputs;
  return { report, exitCode: EXIT.ok, outputs };
}

export function restoreReport(result: RestoreResult): Report {
  const report = createReport('restore', 'Restore');
  report.checks.push({ name: 'Checksum', status: 'pass', detail: `SHA-256 ${result.sha256} matches the manifest.` });
  report.checks.push({
    name: 'Restore',
    status: 'pass',
    durationMs: result.durationMs,
    detail: `Restored into ${result.database} (${result.mode}).`,
  });
  report.checks.push({
    name: 'Row counts',
    status: 'pass',
    detail: `Row counts of ${plural(result.tablesCompared, 'table')} match the manifest.`,
  });
  addTable(report, {
    title: 'Migrations recorded in the restored database',
    columns: ['migration'],
    rows: result.migrations.applied.map((m) => [m]),
  });
  report.data = result;
  return finishReport(report, {
    summary: `Restored ${result.database}: ${result.migrations.applied.length} migrations recorded as applied`,
  });
}

export async function runRestore(values: ValuesOf<typeof RESTORE_OPTIONS>, context: CommandContext): Promise<CommandResult> {
  const passphrase = str(values, 'passphrase');
  registerSecret(passphrase);
  const target = (str(values, 'target') ?? 'new-database') as 'new-database' | 'over-target';
  const { restoreBackup } = await import('../backup/index.js');
  const result = await restoreBackup({
    backupPath: locationFrom(str(values, 'backup-path')!, context.cwd),
    s3: s3From(values),
    manifestPath: str(values, 'manifest-path') ? path.resolve(context.cwd, str(values, 'manifest-path')!) : undefined,
    connection: parseDatabaseUrl(str(values, 'database-url')),
    passphrase,
    privateKey: keyText(str(values, 'private-key'), context.cwd),
    mode: target,
    confirm: str(values, 'confirm'),
    databaseName: str(values, 'new-database-name'),
    roles: { noOwner: bool(values, 'no-owner'), owner: str(values, 'owner'), noPrivileges: bool(values, 'no-privileges') },
    log: context.log,
  });
  const outputs = { 'restored-database': result.database, 'row-counts-match': true, migrations: result.migrations.applied.join('\n') };
  const report = restoreReport(result);
  report.outputs = outputs;
  return { report, exitCode: EXIT.ok, outputs };
}

const BACKUP_OPTIONS = [
  COMMON.databaseUrl('The database to back up.'),
  { name: 'output-dir', type: 'path', default: './backups', description: 'Directory for backups and manifests, or s3://bucket/prefix.' },
  {
    name: 'prefix',
    type: 'string',
    description: 'File name prefix: <prefix>_backup_YYYYMMDD_HHMMSS.sql.custom (default: the database name).',
  },
  { name: 'format', type: 'enum', values: ['custom', 'directory'], default: 'custom', description: 'pg_dump format: custom or directory.' },
  {
    name: 'compression',
    type: 'string',
    default: 'gzip',
    description:
      "pg_dump's compression: gzip, zstd or lz4 (zstd and lz4 need pg_dump 16+), optionally with a level (zstd:3). pg_restore reads any of them.",
  },
  { name: 'jobs', type: 'integer', min: 1, max: 64, default: '1', description: 'Parallel pg_dump jobs (directory format only).' },
  {
    name: 'passphrase',
    type: 'string',
    secret: true,
    env: 'BACKUP_PASSPHRASE',
    description: 'Encrypt with this passphrase (AES-256; decrypts with gpg --decrypt). Pass a secret.',
  },
  COMMON.secretFile('passphrase', 'passphrase'),
  {
    name: 'public-key',
    type: 'string',
    description: 'Encrypt to this OpenPGP public key (armored text or a file path), so the runner holds no decryption secret.',
  },
  {
    name: 'keep-last',
    type: 'integer',
    min: 0,
    default: '0',
    description: 'Retention: keep the newest N backups in output-dir (0 = keep all).',
  },
  { name: 'keep-days', type: 'integer', min: 0, default: '0', description: 'Retention: delete backups older than D days (0 = keep all).' },
  {
    name: 'verify',
    type: 'enum',
    values: ['list', 'restore', 'none'],
    default: 'list',
    description:
      'Verification after the dump: list (pg_restore --list on the stream), restore (into a throwaway PostgreSQL, row counts compared) or none.',
  },
  {
    name: 'pg-dump-path',
    type: 'path',
    description: "Use this pg_dump (default: the newest found for the server's major, from /usr/lib/postgresql/*/bin or PATH).",
  },
  ...S3_WRITE_OPTIONS,
] as const satisfies readonly OptionSpec[];

const RESTORE_OPTIONS = [
  COMMON.databaseUrl('The server (and database) to restore to.'),
  {
    name: 'backup-path',
    type: 'path',
    required: true,
    description: 'The backup file (.sql.custom or .sql.custom.gpg), or s3://bucket/key.',
  },
  { name: 'manifest-path', type: 'path', description: 'Its manifest (default: beside the backup).' },
  { name: 'passphrase', type: 'string', secret: true, env: 'BACKUP_PASSPHRASE', description: 'Passphrase of an encrypted backup.' },
  COMMON.secretFile('passphrase', 'passphrase'),
  {
    name: 'private-key',
    type: 'string',
    secret: true,
    env: 'BACKUP_PRIVATE_KEY',
    description: 'OpenPGP private key (armored text or a file path) for a backup encrypted to a public key.',
  },
  COMMON.secretFile('private-key', 'armored OpenPGP private key'),
  {
    name: 'target',
    type: 'enum',
    values: ['new-database', 'over-target'],
    default: 'new-database',
    description: 'Restore into a new database (new-database) or over the target (over-target, with confirm).',
  },
  {
    name: 'confirm',
    type: 'string',
    description: 'Required for target over-target: the name of the database being overwritten, spelled out.',
  },
  { name: 'new-database-name', type: 'string', description: 'Name of the new database (default: <database>_restored_<timestamp>).' },
  {
    name: 'no-owner',
    type: 'boolean',
    default: 'false',
    description: "Restore without the backup's owners: objects belong to the connecting role.",
  },
  { name: 'owner', type: 'string', description: "Restore without the backup's owners: objects belong to this role." },
  { name: 'no-privileges', type: 'boolean', default: 'false', description: "Restore without the backup's GRANTs." },
  ...S3_READ_OPTIONS,
] as const satisfies readonly OptionSpec[];

export const backupCommand: Command = {
  name: 'backup',
  summary: 'pg_dump streamed through SHA-256 and optional OpenPGP encryption, with a manifest, retention and verification.',
  options: BACKUP_OPTIONS,
  outputs: [
    { name: 'backup-path', description: 'Path of the backup file.' },
    { name: 'manifest-path', description: 'Path of the manifest JSON.' },
    { name: 'sha256', description: 'SHA-256 of the backup file.' },
    { name: 'size-bytes', description: 'Size of the backup file in bytes.' },
  ],
  action: {
    id: 'backup',
    name: 'PostgreSQL backup',
    description: 'pg_dump streamed through SHA-256 and OpenPGP encryption into a file with a manifest, retention and verification.',
    icon: 'archive',
  },
  examples: [
    'prisma-migrate-actions backup --database-url "$DATABASE_URL" --passphrase-file ~/.config/backup-passphrase --keep-last 7',
    'prisma-migrate-actions backup --public-key ops.asc --verify restore',
    'prisma-migrate-actions backup --output-dir s3://my-backups/app --s3-sse aws:kms --keep-last 14',
  ],
  run: runBackup,
};

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'Restore a backup: checksum first, streamed decryption, into a new database (default) or over the target with --confirm.',
  options: RESTORE_OPTIONS,
  outputs: [
    { name: 'restored-database', description: 'Name of the database restored into.' },
    { name: 'row-counts-match', description: 'true when every table has the row count recorded in the manifest.' },
    { name: 'migrations', description: 'Migrations recorded as applied in the restored database, newline-separated.' },
  ],
  action: {
    id: 'restore',
    name: 'PostgreSQL restore',
    description:
      'Restores a backup made by the backup action: checksum first, streamed decryption, into a new database or (with confirm) over the target, row counts compared.',
    icon: 'rotate-ccw',
  },
  examples: [
    'BACKUP_PASSPHRASE=… prisma-migrate-actions restore --backup-path backups/app_backup_20250101_120000.sql.custom.gpg',
    'prisma-migrate-actions restore --backup-path b.sql.custom.gpg --private-key-file ops-private.asc',
    'prisma-migrate-actions restore --backup-path b.sql.custom --target over-target --confirm app',
    'prisma-migrate-actions restore --backup-path b.sql.custom --database-url "$NEW_SERVER_URL" --no-owner --no-privileges',
  ],
  run: runRestore,
};
