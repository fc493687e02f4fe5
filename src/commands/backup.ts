/** backup and restore commands: thin mappings from options to src/backup/ and its results to a Report. */
import fs from 'node:fs';
import path from 'node:path';
import { createBackup, restoreBackup, type BackupResult, type EncryptionSettings, type RestoreResult } from '../backup/index.js';
import { parseDatabaseUrl } from '../postgres/url.js';
import { registerSecret } from '../postgres/redact.js';
import { createReport, finishReport, addTable, type Report } from '../report/model.js';
import { COMMON, bool, num, str, type OptionSpec, type OptionValues } from './options.js';
import { EXIT, type Command, type CommandContext, type CommandResult } from './types.js';
import { headCommit } from '../guard/git.js';
import { isS3Url, type S3Settings } from '../storage/index.js';

/** Armored key text, or the text of a key file when the value is a path. */
export function keyText(value: string | undefined, cwd: string): string | undefined {
  if (!value) return undefined;
  if (value.includes('-----BEGIN PGP')) return value;
  const file = path.resolve(cwd, value);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : value;
}

export function encryptionFrom(
  values: OptionValues,
  cwd: string,
  names = { passphrase: 'passphrase', publicKey: 'public-key' },
): EncryptionSettings | undefined {
  const passphrase = str(values, names.passphrase);
  const publicKey = keyText(str(values, names.publicKey), cwd);
  if (passphrase) return { passphrase };
  if (publicKey) return { recipientPublicKey: publicKey };
  return undefined;
}

/** Bucket options shared by backup, restore and prod-deploy (`write`: also what applies to new objects). */
export function s3Options(write: boolean): OptionSpec[] {
  const read: OptionSpec[] = [
    { name: 's3-endpoint', type: 'string', description: 'S3-compatible endpoint URL (MinIO, R2, GCS); empty = AWS S3.' },
    {
      name: 's3-force-path-style',
      type: 'boolean',
      default: 'false',
      description: 'Path-style bucket addressing (endpoint/bucket/key), as most S3-compatible services need.',
    },
  ];
  if (!write) return read;
  return [
    ...read,
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
  ];
}

export function s3From(values: OptionValues): S3Settings {
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
    detail: `${path.basename(result.backupPath)} — ${result.sizeBytes} bytes, SHA-256 ${result.sha256}, encryption ${result.manifest.encryption.method}.`,
  });
  const v = result.verification;
  report.checks.push({
    name: `Verification (${v.mode})`,
    status: v.mode === 'none' ? 'skip' : v.unverified?.length ? 'warn' : 'pass',
    ...(v.unverified?.length ? { items: v.unverified.map((u) => `not verified: ${u.object} — ${u.reason}`) } : {}),
    detail: [
      v.tocEntries !== undefined ? `${v.tocEntries} archive entries listed` : '',
      v.tablesCompared !== undefined ? `${v.tablesCompared} tables' row counts match after restore` : '',
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

export async function runBackup(values: OptionValues, context: CommandContext): Promise<CommandResult> {
  const connection = parseDatabaseUrl(str(values, 'database-url'));
  const keepLast = num(values, 'keep-last') || undefined;
  const maxAgeDays = num(values, 'keep-days') || undefined;
  const result = await createBackup({
    connection,
    outputDir: locationFrom(str(values, 'output-dir') ?? 'backups', context.cwd),
    s3: s3From(values),
    prefix: str(values, 'prefix') ?? connection.database.replace(/[^A-Za-z0-9_-]/g, '_'),
    format: (str(values, 'format') ?? 'custom') as 'custom' | 'directory',
    jobs: (num(values, 'jobs') ?? 1) > 1 || str(values, 'format') === 'directory' ? num(values, 'jobs') : undefined,
    encryption: encryptionFrom(values, context.cwd),
    retention: keepLast || maxAgeDays ? { keepLast, maxAgeDays } : undefined,
    verify: (str(values, 'verify') ?? 'list') as 'list' | 'restore' | 'none',
    gitCommit: process.env.GITHUB_SHA || headCommit(context.cwd),
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
  report.checks.push({ name: 'Row counts', status: 'pass', detail: `${result.tablesCompared} tables match the manifest's row counts.` });
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

export async function runRestore(values: OptionValues, context: CommandContext): Promise<CommandResult> {
  const passphrase = str(values, 'passphrase');
  registerSecret(passphrase);
  const target = (str(values, 'target') ?? 'new-database') as 'new-database' | 'over-target';
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

const BACKUP_OPTIONS: OptionSpec[] = [
  COMMON.databaseUrl(),
  {
    name: 'output-dir',
    type: 'path',
    default: './backups',
    description: 'Directory for backups and manifests, or s3://bucket/prefix.',
  },
  { name: 'prefix', type: 'string', description: 'File name prefix (default: the database name).' },
  { name: 'format', type: 'enum', values: ['custom', 'directory'], default: 'custom', description: 'pg_dump format.' },
  { name: 'jobs', type: 'integer', min: 1, max: 64, default: '1', description: 'Parallel jobs (directory format).' },
  {
    name: 'passphrase',
    type: 'string',
    secret: true,
    env: 'BACKUP_PASSPHRASE',
    description: 'Encrypt with this passphrase (AES-256; decrypts with gpg --decrypt).',
  },
  { name: 'public-key', type: 'string', description: 'Encrypt to this OpenPGP public key (armored text or file).' },
  { name: 'keep-last', type: 'integer', min: 0, default: '0', description: 'Retention: keep the newest N backups (0 = all).' },
  { name: 'keep-days', type: 'integer', min: 0, default: '0', description: 'Retention: delete backups older than D days (0 = never).' },
  { name: 'verify', type: 'enum', values: ['list', 'restore', 'none'], default: 'list', description: 'Verification after the dump.' },
  { name: 'pg-dump-path', type: 'path', description: "Use this pg_dump (default: the newest found for the server's major)." },
  ...s3Options(true),
];

const RESTORE_OPTIONS: OptionSpec[] = [
  COMMON.databaseUrl(),
  { name: 'backup-path', type: 'path', required: true, description: 'The backup file, or s3://bucket/key.' },
  { name: 'manifest-path', type: 'path', description: 'Its manifest (default: beside the backup).' },
  { name: 'passphrase', type: 'string', secret: true, env: 'BACKUP_PASSPHRASE', description: 'Passphrase of an encrypted backup.' },
  {
    name: 'private-key',
    type: 'string',
    secret: true,
    description: 'OpenPGP private key (armored text or file) for public-key encryption.',
  },
  {
    name: 'target',
    type: 'enum',
    values: ['new-database', 'over-target'],
    default: 'new-database',
    description: 'Restore into a new database, or over the target.',
  },
  { name: 'confirm', type: 'string', description: 'For over-target: the target database name, spelled out.' },
  { name: 'new-database-name', type: 'string', description: 'Name of the new database.' },
  {
    name: 'no-owner',
    type: 'boolean',
    default: 'false',
    description: "Restore without the backup's owners: objects belong to the connecting role.",
  },
  { name: 'owner', type: 'string', description: "Restore without the backup's owners: objects belong to this role." },
  { name: 'no-privileges', type: 'boolean', default: 'false', description: "Restore without the backup's GRANTs." },
  ...s3Options(false),
];

export const backupCommand: Command = {
  name: 'backup',
  summary: 'pg_dump streamed through SHA-256 and optional OpenPGP encryption, with a manifest, retention and verification.',
  options: BACKUP_OPTIONS,
  examples: [
    'prisma-migrate-actions backup --database-url "$DATABASE_URL" --passphrase "$BACKUP_PASSPHRASE" --keep-last 7',
    'prisma-migrate-actions backup --public-key ops.asc --verify restore',
    'prisma-migrate-actions backup --output-dir s3://my-backups/app --s3-sse aws:kms --keep-last 14',
  ],
  run: runBackup,
};

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'Restore a backup: checksum first, streamed decryption, into a new database (default) or over the target with --confirm.',
  options: RESTORE_OPTIONS,
  examples: [
    'prisma-migrate-actions restore --backup-path backups/app_backup_20250101_120000.sql.custom.gpg --passphrase "$BACKUP_PASSPHRASE"',
    'prisma-migrate-actions restore --backup-path b.sql.custom --target over-target --confirm app',
    'prisma-migrate-actions restore --backup-path b.sql.custom --database-url "$NEW_SERVER_URL" --no-owner --no-privileges',
  ],
  run: runRestore,
};
