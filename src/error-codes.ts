/**
 * Every error code the suite reports, in one registry: what kind of failure it is (which sets the
 * CLI's exit code), a short title, and where the user reads more. `MigrateActionsError` takes only
 * these keys, so a new code is registered here or does not compile; docs/troubleshooting.md's
 * table is generated from this list (`npm run docs:readme`).
 *
 * Codes are `E_*`, except Prisma's own `P*` codes, kept where we mirror Prisma's behaviour so
 * scripts written against `prisma migrate` keep matching.
 */

/** usage: bad input or configuration (exit 2). failure: the check or operation failed (exit 1). internal: a defect here (exit 1). */
export type ErrorKind = 'usage' | 'failure' | 'internal';

export interface ErrorCodeInfo {
  kind: ErrorKind;
  title: string;
  /** Where to read more: a docs/ page (with anchor) or an external URL. */
  docs?: string;
}

const TROUBLESHOOTING = 'docs/troubleshooting.md';
const PRISMA_ERRORS = 'https://www.prisma.io/docs/orm/reference/error-reference';
const MIGRATION_FAILED = `${TROUBLESHOOTING}#a-migration-failed`;
const DRIFT = `${TROUBLESHOOTING}#schema-drift`;
const RECOVER = `${TROUBLESHOOTING}#recovering-a-half-applied-migration`;
const RESTORING = `${TROUBLESHOOTING}#restoring-a-backup`;
const BUCKETS = `${TROUBLESHOOTING}#backups-in-a-bucket`;
const BATCHING = 'README.md#batched-data-migrations';
const PG_DUMP_VERSION = `${TROUBLESHOOTING}#pg_dump-version-mismatch`;
const THROWAWAY_PG = `${TROUBLESHOOTING}#the-throwaway-postgresql-does-not-start`;
const PRISMA_ENGINES = `${TROUBLESHOOTING}#prisma-engine-download-failures-in-ci`;

const usage = (title: string, docs?: string): ErrorCodeInfo => ({ kind: 'usage', title, docs });
const failure = (title: string, docs?: string): ErrorCodeInfo => ({ kind: 'failure', title, docs });
const prisma = (code: string, kind: ErrorKind, title: string): ErrorCodeInfo => ({
  kind,
  title,
  docs: `${PRISMA_ERRORS}#${code.toLowerCase()}`,
});

export const ERROR_CODES = {
  // Options, URLs, directories and configuration.
  E_INPUT: usage('An option or action input is missing or has a value that is not allowed'),
  E_FLEET_TARGETS: usage('The targets file is invalid', 'docs/fleets.md#the-targets-file'),
  E_FLEET_URL: usage('A target URL cannot be resolved from the environment or DATABASE_URLS', 'docs/fleets.md#target-urls'),
  E_URL_MISSING: usage('No database URL was given'),
  E_URL_INVALID: usage('The database URL is not a valid PostgreSQL URL'),
  E_DIR: usage('The project directory has no prisma/migrations'),
  E_MIGRATIONS_DIR_MISSING: usage('The migrations directory does not exist'),
  E_PRISMA8_MIGRATIONS_DIR: usage('The migrations folder is in Prisma 8’s migration-package layout, which is not supported yet'),
  E_MIGRATIONS_DIR_UNREADABLE: usage('The migrations directory cannot be read'),
  E_SCHEMA_MISSING: usage('schema.prisma was not found'),
  E_RESOLVE_ARGS: usage('resolve needs exactly one of --applied or --rolled-back'),
  E_UPTO_NOT_PENDING: usage('--up-to names a migration that is not pending'),
  E_LINT_INPUT: usage('A file or directory given to lint cannot be read'),
  E_LINT_CONFIG: usage('The lint configuration file is invalid'),
  E_SEED_ROWS: usage('seed-rows is not a whole number of 0 or more'),
  E_SEED_FILE: usage('The seed SQL file cannot be read'),
  E_REHEARSAL_ROWS: usage('rehearsal-rows is neither a number of rows nor table=rows pairs'),
  E_REHEARSAL_SERVER: usage('rehearsal-database-url points at the server of the database being planned'),
  E_SMOKE_FILE: usage('The smoke SQL file cannot be read'),
  E_BASE_REF: usage('The base ref is not in this clone'),
  E_BACKUP_OPTIONS: usage('The backup options do not fit together'),
  E_BACKUP_KEY: usage('The OpenPGP key cannot be used'),
  E_BACKUP_COMPRESSION_UNSUPPORTED: usage('This pg_dump cannot compress with the method asked for', PG_DUMP_VERSION),
  E_RESTORE_OPTIONS: usage('The restore options do not fit together'),
  E_RESTORE_CONFIRM: usage('Restoring over the target needs its database name spelled out', RESTORING),
  E_RESTORE_SECRET: usage('The backup is encrypted and no passphrase or key was given', RESTORING),
  E_GITHUB_TOKEN_MISSING: usage('No GitHub token was given'),
  E_GITHUB_REPO_INVALID: usage('The repository is not in the form owner/name'),
  E_GITHUB_CONTEXT: usage('A GitHub API call was asked for outside a GitHub Actions run'),

  // Migrations.
  E_SQL_PARSE: failure('A migration is not valid SQL', MIGRATION_FAILED),
  E_MIGRATION_FAILED: failure('A migration failed', MIGRATION_FAILED),
  E_MIGRATION_UNREADABLE: failure('A migration file cannot be read'),
  E_MIGRATION_NOT_UTF8: failure('A migration file is not valid UTF-8'),
  E_CONNECTION_LOST: failure('The connection was lost while a migration ran', MIGRATION_FAILED),
  E_RECOVER_ARGS: usage('recover needs a migration name and exactly one of --undo, --finish or --dry-run', RECOVER),
  E_RECOVER_NOT_FAILED: usage('The migration given to recover has no failed attempt', RECOVER),
  E_RECOVER_NO_SNAPSHOT: failure('No catalog snapshot was stored for the failed attempt', RECOVER),
  E_RECOVER_MANUAL: failure('Undoing the failed migration needs steps no SQL can do safely', RECOVER),
  E_RECOVER_MISMATCH: failure('After the undo the catalog still differs from before the migration', RECOVER),
  E_RECOVER_FILE_CHANGED: usage('The migration file no longer has the statements that were committed', RECOVER),
  E_ADVISORY_LOCK_TIMEOUT: failure("Another migration run holds the database's migration lock"),
  E_ADVISORY_LOCK_STALE: failure("An idle session left by a crashed run holds the database's migration lock"),
  E_PRISMA_CLI_MISSING: usage('No Prisma CLI was found for engine: prisma', PRISMA_ENGINES),
  E_PRISMA_CLI: failure('The Prisma CLI failed', PRISMA_ENGINES),
  E_PRISMA_CLI_FAILED: failure('prisma migrate deploy failed', PRISMA_ENGINES),

  // Prisma's codes, where the built-in engine behaves as Prisma does.
  P3005: prisma('P3005', 'failure', 'The database schema is not empty and has no migration history'),
  P3008: prisma('P3008', 'failure', 'The migration is already recorded as applied'),
  P3009: prisma('P3009', 'failure', 'A failed migration blocks new migrations'),
  P3011: prisma('P3011', 'failure', 'The migration cannot be rolled back: it was never applied'),
  P3012: prisma('P3012', 'failure', 'The migration cannot be rolled back: it is not in a failed state'),
  P3015: prisma('P3015', 'failure', 'A migration folder has no migration.sql'),
  P3017: prisma('P3017', 'failure', 'The migration is not in the migrations directory'),
  P3018: prisma('P3018', 'failure', 'A migration failed to apply (reported by the Prisma CLI)'),
  P3019: prisma('P3019', 'failure', 'migration_lock.toml names another datasource provider'),

  // Databases, catalogs and drift.
  E_CONNECT: failure('The database cannot be reached'),
  E_CATALOG_READ: failure('The database catalog cannot be read'),
  E_DRIFT: failure('The database drifted from its migration history', DRIFT),
  E_DRIFT_REPLAY: failure('The migration history cannot be replayed into a throwaway database', DRIFT),
  E_PG_BINARIES: failure('No PostgreSQL server binaries of the needed major were found', THROWAWAY_PG),
  E_PG_ROOT: failure('initdb refuses to run as root without a postgres user', THROWAWAY_PG),
  E_PG_START: failure('The throwaway PostgreSQL did not start', THROWAWAY_PG),
  E_SEED_SQL: failure('The seed SQL file failed'),
  E_GIT: failure('git failed'),

  // Backups and restores.
  E_BACKUP_CLIENT_MISSING: failure('No pg_dump/pg_restore for the server was found', PG_DUMP_VERSION),
  E_BACKUP_CLIENT_TOO_OLD: failure("pg_dump is older than the server's major", PG_DUMP_VERSION),
  E_BACKUP_GPG: failure('gpg cannot be run'),
  E_BACKUP_CONNECT: failure('The database to back up cannot be reached'),
  E_BACKUP_EXISTS: failure('The backup file already exists'),
  E_BACKUP_WRITE: failure('The backup cannot be written'),
  E_BACKUP_DUMP: failure('pg_dump failed'),
  E_BACKUP_ENCRYPT: failure('Encrypting the backup failed'),
  E_BACKUP_VERIFY: failure('The backup did not verify (it was removed)'),
  E_BACKUP_READ: failure('The backup file cannot be read', RESTORING),
  E_BACKUP_UNREADABLE: failure('The backup is not an archive pg_restore can read', RESTORING),
  E_BACKUP_CHECKSUM: failure("The backup's checksum does not match its manifest", RESTORING),
  E_BACKUP_PASSPHRASE: failure('The passphrase does not decrypt the backup', RESTORING),
  E_BACKUP_DECRYPT: failure('gpg could not decrypt the backup', RESTORING),
  E_BACKUP_FAILED: failure('The pre-migration backup failed, so nothing was applied'),
  E_RESTORE_MANIFEST: failure("The backup's manifest cannot be used", RESTORING),
  E_RESTORE_MANIFEST_MISMATCH: failure('The backup does not match its manifest', RESTORING),
  E_RESTORE_CONNECT: failure('The restore target cannot be reached', RESTORING),
  E_RESTORE_VERSION: failure("The backup is newer than the target's PostgreSQL can restore", RESTORING),
  E_RESTORE_EXISTS: failure('The new database already exists', RESTORING),
  E_RESTORE_FAILED: failure('pg_restore failed', RESTORING),
  E_RESTORE_MISMATCH: failure("Row counts after the restore differ from the manifest's", RESTORING),
  E_RESTORE_ROLES_MISSING: failure('The target server lacks roles that own objects in the backup or hold its privileges', RESTORING),
  E_RESTORE_ROLE_MISSING: usage('The role given as owner does not exist on the target', RESTORING),
  E_RESTORE_EXTENSIONS_MISSING: failure('The target server lacks extensions the backup needs', RESTORING),
  E_RESTORE_INCOMPLETE: failure('The backup was restored, but objects still differ from before the deploy', RESTORING),

  // Batched data migrations.
  E_BATCH_DIRECTIVE: usage('A batch directive in migration.sql is not valid', BATCHING),
  E_BATCH_TARGET: usage('The statement under a batch directive cannot be run in batches', BATCHING),
  E_BATCH_KEY: usage('The batched table has no usable key', BATCHING),
  E_BATCH_RESUME_CHANGED: usage('migration.sql changed since its batched statement was interrupted', BATCHING),
  E_BATCH_LOCK_TIMEOUT: failure('A batch kept waiting for locks past its retries', BATCHING),
  E_BATCH_FAILED: failure('A batch failed; the batches before it stay committed and checkpointed', BATCHING),

  // Backups in object storage.
  E_STORAGE_URL: usage('The s3:// location is not valid', BUCKETS),
  E_STORAGE_ACCESS: failure('The bucket cannot be reached or used with these credentials', BUCKETS),
  E_STORAGE_WRITE: failure('Writing the backup to its storage failed', BUCKETS),

  // Production deploys.
  E_APPROVAL_MISSING: failure("This run's deployment is not approved"),
  E_APPROVAL_REJECTED: failure("This run's deployment was rejected"),
  E_DEPLOY_RUNNING: failure('Another deploy is running on the database'),
  E_VERIFY: failure('After the deploy the database is not up to date'),
  E_SMOKE_SQL: failure('A smoke query failed after the deploy'),
  E_HEALTH_CHECK: failure('The health check failed after the deploy'),
  E_GITHUB_API: failure('The GitHub API refused a call'),

  // Notifications and audit shipping (delivery failures are warnings, never a failed deploy).
  E_NOTIFY_WEBHOOK_URL: usage('notify-webhook is not an http(s) URL', 'docs/notifications.md'),
  E_AUDIT_CLOUDWATCH_CONFIG: usage('The CloudWatch Logs group or stream is not usable', 'docs/notifications.md'),
  E_AUDIT_SHIP: failure('The audit record could not be shipped', 'docs/notifications.md'),
  E_SECRET_IN_ARGS: usage('A secret was given on the command line, where every local user can read it'),
  E_URL_POOLED: usage('The URL goes through a transaction- or statement-mode connection pooler; migrations need a direct connection'),
  E_URL_READ_ONLY: usage('The database is a standby or the session is read-only; migrations need the primary'),

  E_UNEXPECTED: { kind: 'internal', title: 'An unexpected error (a defect in prisma-migrate-actions)' },
} as const satisfies Record<string, ErrorCodeInfo>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(text: string | undefined): text is ErrorCode {
  return text !== undefined && Object.hasOwn(ERROR_CODES, text);
}

export function errorKind(code: ErrorCode): ErrorKind {
  return ERROR_CODES[code].kind;
}
