/** Settings and results of backup and restore (the action inputs and CLI flags map onto these). */
import type { ConnectionSettings } from '../postgres/url.js';
import type { S3Settings } from '../storage/types.js';
import type { Compression } from './compression.js';

export type ArchiveFormat = 'custom' | 'directory';
export type VerifyMode = 'list' | 'restore' | 'none';

/** Passphrase (symmetric AES-256) or a recipient's public key (file or armored text). */
export type EncryptionSettings = { passphrase: string } | { recipientPublicKeyFile: string } | { recipientPublicKey: string };

export interface RetentionSettings {
  /** Keep the newest N backups of this prefix. */
  keepLast?: number;
  /** Keep backups younger than this many days. */
  maxAgeDays?: number;
}

export interface BackupOptions {
  connection: ConnectionSettings;
  /** Directory for backups and manifests (default ./backups), or `s3://bucket/prefix`. */
  outputDir?: string;
  /** Endpoint, addressing and server-side encryption for an s3:// outputDir. */
  s3?: S3Settings;
  /** File name prefix: `<prefix>_backup_YYYYMMDD_HHMMSS.sql.custom`. */
  prefix: string;
  format?: ArchiveFormat;
  /** pg_dump's compression: gzip (default), zstd or lz4 (pg_dump 16+), optionally with a level (`zstd:3`). */
  compression?: string;
  /** Parallel jobs (directory format only). */
  jobs?: number;
  encryption?: EncryptionSettings;
  retention?: RetentionSettings;
  verify?: VerifyMode;
  gitCommit?: string;
  /** Use this pg_dump instead of searching for one. */
  pgDumpPath?: string;
  /** Clock for the file name (tests). */
  now?: Date;
  log?: (line: string) => void;
}

export interface TableRowCount {
  schema: string;
  table: string;
  rows: number;
}

export interface MigrationState {
  /** Schema holding `_prisma_migrations` (the URL's ?schema=). */
  schema: string;
  /** Whether `_prisma_migrations` exists there. */
  tablePresent: boolean;
  /** Names of finished, not rolled back migrations, in the order they were applied. */
  applied: string[];
}

export type EncryptionMethod = 'none' | 'passphrase-aes256' | 'public-key';

export interface ExtensionRequirement {
  name: string;
  version: string;
  schema: string;
}

/** What restoring the dump names on the target server (read in the dump's snapshot). */
export interface RestoreRequirements {
  roles: {
    /** Roles owning objects the dump creates (ALTER ... OWNER TO). */
    owners: string[];
    /** Roles the dump grants privileges to (GRANT ... TO, ALTER DEFAULT PRIVILEGES FOR ROLE). */
    grantees: string[];
  };
  extensions: ExtensionRequirement[];
}

/** How a restore treats the dump's owners and privileges. */
export interface RoleHandling {
  /** Objects owned by the connecting role (pg_restore --no-owner). */
  noOwner?: boolean;
  /** Objects owned by this role (--no-owner, then SET ROLE for the restore). */
  owner?: string;
  /** No GRANT/REVOKE restored (pg_restore --no-privileges). */
  noPrivileges?: boolean;
}

export interface BackupManifest {
  manifestVersion: 1;
  /** Backup file (or directory) name, relative to the manifest. */
  file: string;
  format: ArchiveFormat;
  database: { name: string; url: string; schema: string };
  server: { version: string; versionNum: number; major: number };
  pgDump: { version: string; major: number };
  sizeBytes: number;
  /** SHA-256 of the bytes in the file (the ciphertext when encrypted). */
  sha256: string;
  /**
   * SHA-256 of the pg_dump archive before encryption (the same as sha256 when not encrypted).
   * Taken when the archive is read back (verify list or restore); absent with verify none and
   * encryption, where pg_dump writes straight into gpg (OpenPGP's integrity check covers it).
   */
  plaintextSha256?: string;
  /** How pg_dump compressed the archive (absent in manifests of older releases: gzip). */
  compression?: Compression;
  encryption: { method: EncryptionMethod; cipher?: 'AES256'; recipients?: string[] };
  createdAt: string;
  gitCommit: string | null;
  migrations: MigrationState;
  /** Row counts taken in the snapshot pg_dump dumped. */
  tables: TableRowCount[];
  /** Roles and extensions a restore needs on its target (absent in manifests of older releases). */
  requirements?: RestoreRequirements;
}

export interface VerificationResult {
  mode: VerifyMode;
  /** TOC entries pg_restore listed (list and restore). */
  tocEntries?: number;
  /** Tables compared after a restore into a throwaway PostgreSQL. */
  tablesCompared?: number;
  /** Why a mode was reduced (e.g. nothing to decrypt with). */
  note?: string;
  /** Extensions the dump needs that the throwaway PostgreSQL lacks. */
  missingExtensions?: string[];
  /** Objects the throwaway restore could not create (they depend on a missing extension), and why. */
  unverified?: UnverifiedObject[];
}

export interface UnverifiedObject {
  /** TOC description: `TABLE public t`, `VIEW public v`, `TABLE DATA public t`. */
  object: string;
  reason: string;
}

export interface BackupResult {
  backupPath: string;
  manifestPath: string;
  sha256: string;
  sizeBytes: number;
  manifest: BackupManifest;
  verification: VerificationResult;
  /** Files removed by retention. */
  deleted: string[];
  durationMs: number;
}

export type RestoreMode = 'new-database' | 'over-target';

export interface RestoreOptions {
  /** A backup file, or `s3://bucket/key`. */
  backupPath: string;
  /** Endpoint and addressing for an s3:// backupPath. */
  s3?: S3Settings;
  /** Default: `<backupPath>.manifest.json`. */
  manifestPath?: string;
  /** The target server (new-database: any database on it to connect to; over-target: the database). */
  connection: ConnectionSettings;
  passphrase?: string;
  /** Armored secret key text (no passphrase on the key) for public-key encrypted backups. */
  privateKey?: string;
  mode?: RestoreMode;
  /** Over-target only: the target database name, spelled out. */
  confirm?: string;
  /** New-database only: the name of the new database (default `<source>_restored_<timestamp>`). */
  databaseName?: string;
  /** Owners and privileges on a server without the dump's roles. */
  roles?: RoleHandling;
  log?: (line: string) => void;
}

export interface RowCountDifference {
  schema: string;
  table: string;
  expected: number | null;
  actual: number | null;
}

export interface RestoreResult {
  mode: RestoreMode;
  /** Database restored into (masked URL, and its name). */
  database: string;
  databaseUrl: string;
  sha256: string;
  tablesCompared: number;
  migrationsAtBackup: string[];
  /** Migration state read from the restored database. */
  migrations: MigrationState;
  durationMs: number;
}
