/**
 * The rule catalogue: stable ids, default severities, the lock each hazard takes, what it
 * blocks, the safe way and how to write it in a Prisma migration. The docs pages under
 * docs/rules/ are rendered from this table (see docs.ts), so code and docs cannot drift.
 */
import type { Severity } from './types.js';

export interface RuleExample {
  /** SQL already deployed (the "existing" history) that the hazard acts on. */
  existing?: string;
  /** A migration that triggers the rule. */
  hazard: string;
  /** The safe way to write it (must not trigger the rule). */
  safe?: string;
  /** The engine the example assumes (default builtin). */
  engine?: 'builtin' | 'prisma';
}

export interface RuleMeta {
  id: string;
  /** Row of the hazard catalogue the rule covers. */
  row: number;
  title: string;
  severity: Severity;
  /** 'existing': only raised on tables that existed before the change set. 'any': raised regardless. */
  scope: 'existing' | 'any';
  /** Severity follows the table's size when a database is given. */
  scalable: boolean;
  /** Raised only with a database (or as an "unverified" notice without one). */
  needsData?: boolean;
  lock?: string;
  flags: string;
  blocks: string;
  safe: string;
  prisma: string;
  example: RuleExample;
}

const ACCESS_EXCLUSIVE_BLOCKS = 'Every read and write of the table (and every query queued behind the lock request).';
const CREATE_ONLY = 'Create the migration with `prisma migrate dev --create-only`, then edit its migration.sql:';
const EXISTING_USERS = 'CREATE TABLE users (id bigint PRIMARY KEY, email text, name text, org_id bigint, age int);';
const EXISTING_ORGS = 'CREATE TABLE orgs (id bigint PRIMARY KEY);';

function rule(meta: Omit<RuleMeta, 'scalable' | 'scope'> & { scalable?: boolean; scope?: RuleMeta['scope'] }): RuleMeta {
  return { scope: 'existing', scalable: meta.id.startsWith('lock/'), ...meta };
}

export const RULES: readonly RuleMeta[] = [
  rule({
    id: 'lock/create-index-non-concurrent',
    row: 1,
    severity: 'error',
    lock: 'SHARE',
    title: 'CREATE INDEX without CONCURRENTLY on an existing table',
    flags: 'CREATE INDEX (or CREATE UNIQUE INDEX) without CONCURRENTLY on a table that existed before this change set.',
    blocks: 'INSERT, UPDATE and DELETE on the table for the whole index build (reads continue).',
    safe: 'Build the index with CREATE INDEX CONCURRENTLY. It cannot run inside a transaction block; if it fails it leaves an INVALID index to drop and retry.',
    prisma: `${CREATE_ONLY} change \`CREATE INDEX\` to \`CREATE INDEX CONCURRENTLY\`. With the Prisma CLI (up to 7.3) the file runs as one transaction, so put the statement alone in its own migration; the built-in engine runs it on its own automatically.`,
    example: {
      existing: EXISTING_USERS,
      hazard: 'CREATE INDEX users_email_idx ON users (email);',
      safe: 'CREATE INDEX CONCURRENTLY users_email_idx ON users (email);',
    },
  }),
  rule({
    id: 'lock/drop-index-non-concurrent',
    row: 2,
    severity: 'warning',
    lock: 'ACCESS EXCLUSIVE',
    title: 'DROP INDEX without CONCURRENTLY',
    flags: 'DROP INDEX without CONCURRENTLY on an index that existed before this change set.',
    blocks: ACCESS_EXCLUSIVE_BLOCKS,
    safe: 'DROP INDEX CONCURRENTLY waits for running queries instead of blocking new ones. It cannot run inside a transaction block.',
    prisma: `${CREATE_ONLY} change \`DROP INDEX\` to \`DROP INDEX CONCURRENTLY\` (alone in its migration with the Prisma CLI).`,
    example: {
      existing: `${EXISTING_USERS}\nCREATE INDEX users_name_idx ON users (name);`,
      hazard: 'DROP INDEX users_name_idx;',
      safe: 'DROP INDEX CONCURRENTLY users_name_idx;',
    },
  }),
  rule({
    id: 'transaction/concurrently-in-transaction',
    row: 3,
    severity: 'error',
    scope: 'any',
    scalable: false,
    title: 'Statement that cannot run in a transaction block is inside one',
    flags:
      'CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, DETACH PARTITION CONCURRENTLY, VACUUM (and ALTER TYPE … ADD VALUE before PostgreSQL 12) where the engine will run it inside a transaction: inside an explicit BEGIN block, or, with the Prisma CLI, in a file with other statements.',
    blocks: 'Nothing: PostgreSQL rejects the statement (error 25001) and the migration fails.',
    safe: 'Run the statement on its own. The built-in engine does this for every non-transactional statement; with the Prisma CLI put it alone in its own migration.',
    prisma:
      'Move the statement into a migration of its own (`prisma migrate dev --create-only --name add_index_concurrently`), containing only that statement and no BEGIN/COMMIT.',
    example: {
      hazard: 'BEGIN;\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);\nCOMMIT;',
      safe: 'CREATE INDEX CONCURRENTLY users_email_idx ON users (email);',
    },
  }),
  rule({
    id: 'lock/add-unique-constraint',
    row: 4,
    severity: 'error',
    lock: 'ACCESS EXCLUSIVE',
    title: 'ADD UNIQUE / PRIMARY KEY constraint builds its index under an exclusive lock',
    flags: 'ALTER TABLE … ADD UNIQUE / PRIMARY KEY (without USING INDEX) on an existing table.',
    blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held while the whole index builds.`,
    safe: 'Build a unique index with CREATE UNIQUE INDEX CONCURRENTLY, then attach it: ALTER TABLE … ADD CONSTRAINT name UNIQUE USING INDEX name (a brief lock).',
    prisma: `${CREATE_ONLY} replace the ADD CONSTRAINT with the two statements below (the index alone in its own migration with the Prisma CLI). Prisma's own @unique produces a unique index, not a constraint, so only @@id changes and hand-written SQL hit this.`,
    example: {
      existing: EXISTING_USERS,
      hazard: 'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);',
      safe: 'CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);\nALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;',
    },
  }),
  rule({
    id: 'lock/add-foreign-key-validated',
    row: 5,
    severity: 'error',
    lock: 'SHARE ROW EXCLUSIVE',
    title: 'ADD FOREIGN KEY validates every row while both tables are locked',
    flags: 'ALTER TABLE … ADD FOREIGN KEY without NOT VALID on an existing table.',
    blocks: 'Writes to both the referencing and the referenced table while every existing row is checked.',
    safe: 'Add the constraint NOT VALID (new rows are checked at once), then VALIDATE CONSTRAINT in a later migration; validation takes only SHARE UPDATE EXCLUSIVE and does not block writes.',
    prisma: `${CREATE_ONLY} append \`NOT VALID\` to Prisma's \`ADD CONSTRAINT … FOREIGN KEY\` and put \`ALTER TABLE … VALIDATE CONSTRAINT …;\` in the next migration.`,
    example: {
      existing: `${EXISTING_USERS}\n${EXISTING_ORGS}`,
      hazard: 'ALTER TABLE users ADD CONSTRAINT users_org_fkey FOREIGN KEY (org_id) REFERENCES orgs (id);',
      safe: 'ALTER TABLE users ADD CONSTRAINT users_org_fkey FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID;',
    },
  }),
  rule({
    id: 'lock/add-check-validated',
    row: 6,
    severity: 'error',
    lock: 'ACCESS EXCLUSIVE',
    title: 'ADD CHECK validates every row under an exclusive lock',
    flags: 'ALTER TABLE … ADD CHECK without NOT VALID on an existing table.',
    blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held during the full scan.`,
    safe: 'Add the constraint NOT VALID, then VALIDATE CONSTRAINT in a later migration (SHARE UPDATE EXCLUSIVE: reads and writes continue).',
    prisma: `${CREATE_ONLY} write the CHECK with \`NOT VALID\` and validate it in the next migration.`,
    example: {
      existing: EXISTING_USERS,
      hazard: 'ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0);',
      safe: 'ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0) NOT VALID;',
    },
  }),
  rule({
    id: 'lock/set-not-null',
    row: 7,
    severity: 'error',
    lock: 'ACCESS EXCLUSIVE',
    title: 'SET NOT NULL scans the whole table under an exclusive lock',
    flags:
      'ALTER COLUMN … SET NOT NULL on a table that existed before this change set, unless a validated CHECK (col IS NOT NULL) precedes it.',
    blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held during the full scan.`,
    safe: 'Add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it (no write lock), then SET NOT NULL: PostgreSQL 12+ uses the valid check and skips the scan. Drop the check afterwards.',
    prisma: `${CREATE_ONLY} replace Prisma's \`ALTER COLUMN … SET NOT NULL\` with the check-constraint sequence (the validation in a separate migration keeps the lock short).`,
    example: {
      existing: EXISTING_USERS,
      hazard: 'ALTER TABLE users ALTER COLUMN name SET NOT NULL;',
      safe: 'ALTER TABLE users ADD CONSTRAINT users_name_not_null CHECK (name IS NOT NULL) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT users_name_not_null;\nALTER TABLE users ALTER COLUMN name SET NOT NULL;\nALTER TABLE users DROP CONSTRAINT users_name_not_null;',
    },
  }),
  rule({
    id: 'compat/add-not-null-column-without-default',
    row: 8,
    severity: 'error',
    lock: 'ACCESS EXCLUSIVE',
    title: 'New NOT NULL column without a default on an existing table',
    flags: 'ALTER TABLE … ADD COLUMN … NOT NULL with no DEFAULT (and not generated or identity) on an existing table.',
    blocks:
      'The statement fails on any table with rows; once it succeeds, application versions still running fail on INSERT because they do not send the column.',
    safe: 'Add the column nullable (or with a non-volatile default), backfill, then make it NOT NULL.',
    prisma:
      'Give the field a `@default(...)` in schema.prisma, or make it optional (`Type?`) first and required in a later release after a backfill.',
    example: {
      existing: EXISTING_USERS,
      hazard: 'ALTER TABLE users ADD COLUMN plan text NOT NULL;',
      safe: "ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';",
    },
  }),
  rule({
    id: 'lock/add-column-volatile-default',
    row: 9,
    severity: 'error',
    lock: 'ACCESS EXCLUSIVE',
    title: 'New column that rewrites the table',
    flags:
      'ADD COLUMN on an existing table with a volatile default (random(), gen_random_uuid(), clock_timestamp(), nextval …), a serial type, an identity, or a stored generated column; before PostgreSQL 11 any default.',
    blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held while every row is rewritten.`,
    safe: 'Add the column without a default, set the default for new rows (ALTER COLUMN … SET DEFAULT), and backfill existing rows in batches outside the schema migration.',
    prisma: `${CREATE_ONLY} split Prisma's \`ADD COLUMN … DEFAULT gen_random_uuid()\` into ADD COLUMN and SET DEFAULT; backfill with a script.`,
    example: {
      existing: EXISTING_USERS,
      hazard: 'ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();',
      safe: 'ALTER TABLE users ADD COLUMN token uuid;\nALTER TABLE users ALTER COLUMN token SET DEFAULT gen_random_uuid();',
    },
  }),
  rule({
    id: 'lock/alter-column-type',
    row: 10,
    severity: 'error',
    lock: 'ACCESS EXCLUSIVE',
    title: 'ALTER COLUMN TYPE rewrites the table and its indexes',
    flags:
      'ALTER COLUMN … TYPE on an existing table, unless the change is known to be binary-coercible (varchar growth, varchar → text, numeric precision growth).',
    blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held while the table and every index on it are rewritten.`,
    safe: 'Add a new column of the new type, write both, backfill in batches, switch readers, then drop the old column.',
    prisma:
      'Add a new field with the new type (`@map` lets it keep a database name), deploy dual writes, backfill, then remove the old field in a later migration.',
    example: {
      existing: EXISTING_USERS,
      hazard: 'ALTER TABLE users ALTER COLUMN age TYPE bigint;',
      safe: 'ALTER TABLE users ADD COLUMN age_big bigint;',
    },
  }),
  rule({
    id: 'data-loss/drop-table',
    row: 11,
    severity: 'error',
    lock: 'ACCESS EXCLUSIVE',
    title: 'DROP TABLE loses data',
    flags: 'DROP TABLE (or materialized view) of a table that existed before this change set.',
    blocks: 'Every query on the table; afterwards every application version still reading it fails.',
    safe: 'Stop using the table in a released application version first, back it up, and drop it in a later migration.',
    prisma:
      'Remove the model from schema.prisma only after the code using it is gone from production; the prod-deploy backup keeps a copy.',
    example: { existing: EXISTING_USERS, hazard: 'DROP TABLE users;' },
  }),
  rule({
    id: 'data-loss/drop-column',
    row: 11,
    severity: 'error',
    lock: 'ACCESS EXCLUSIVE',
    title: 'DROP COLUMN loses data',
    flags: 'ALTER TABLE … DROP COLUMN of a column that existed before this change set.',
    blocks: 'Briefly every query on the table; afterwards application versions that still select the column fail.',
    safe: 'Stop reading and writing the column in a released version first (Prisma: remove the field), then drop it in a later migration.',
    prisma: 'Remove the field from schema.prisma in one release, and let the DROP COLUMN migration ship in the next.',
    example: { existing: EXISTING_USERS, hazard: 'ALTER TABLE users DROP COLUMN name;' },
  }),
  rule({
    id: 'data-loss/drop-schema',
    row: 11,
    severity: 'error',
    lock: 'ACCESS EXCLUSIVE',
    title: 'DROP SCHEMA loses every object in it',
    flags: 'DROP SCHEMA of a schema that existed before this change set.',
    blocks: 'Every object in the schema is gone; with CASCADE, objects elsewhere that depend on them too.',
    safe: 'Move or back up what the schema holds, stop using it, then drop it deliberately.',
    prisma: 'Remove the schema from `schemas = [...]` only after its models are gone from production.',
    example: { existing: 'CREATE SCHEMA reporting;', hazard: 'DROP SCHEMA reporting CASCADE;' },
  }),
  rule({
    id: 'data-loss/drop-sequence',
    row: 11,
    severity: 'warning',
    lock: 'ACCESS EXCLUSIVE',
    title: 'DROP SEQUENCE breaks defaults that use it',
    flags: 'DROP SEQUENCE of a sequence that existed before this change set.',
    blocks: 'Inserts that call nextval() on it fail; its current value is lost.',
    safe: 'Remove the column defaults that use the sequence first, then drop it in a later migration.',
    prisma: 'Remove `@default(autoincrement())` in one release and the sequence in the next.',
    example: { existing: 'CREATE SEQUENCE order_number_seq;', hazard: 'DROP SEQUENCE order_number_seq;' },
  }),
  rule({
    id: 'compat/rename-table',
    row: 12,
    severity: 'error',
    lock: 'ACCESS EXCLUSIVE',
    title: 'Renaming a table breaks running application versions',
    flags: 'ALTER TABLE … RENAME TO (also views and materialized views) on an existing table.',
    blocks: 'Every query of application versions that still use the old name fails from the moment the migration commits.',
    safe: 'Expand/contract: create the new name (or a view with the old name over the new table), move the code, then remove the old name later.',
    prisma:
      'Keep the database name with `@@map("old_name")` while renaming the model in code; rename the table itself only with a compatibility view.',
    example: { existing: EXISTING_USERS, hazard: 'ALTER TABLE users RENAME TO accounts;' },
  }),
  rule({
    id: 'compat/rename-column',
    row: 12,
    severity: 'error',
    lock: 'ACCESS EXCLUSIVE',
    title: 'Renaming a column breaks running application versions',
    flags: 'ALTER TABLE … RENAME COLUMN on a column that existed before this change set.',
    blocks: 'Queries of application versions that still use the old column name fail.',
    safe: 'Add the new column, write both, backfill, switch readers, drop the old one later.',
    prisma: 'Rename the field in code only and keep the column with `@map("old_name")`.',
    example: { existing: EXISTING_USERS, hazard: 'ALTER TABLE users RENAME COLUMN name TO full_name;' },
  }),
  rule({
    id: 'compat/rename-schema',
    row: 12,
    severity: 'error',
    lock: 'ACCESS EXCLUSIVE',
    title: 'Renaming a schema breaks running application versions',
    flags: 'ALTER SCHEMA … RENAME TO of a schema that existed before this change set.',
    blocks: 'Every query that names the old schema, or whose search_path holds it, fails.',
    safe: 'Create the new schema, move objects while the code reads both, then drop the old one.',
    prisma: 'Change `?schema=` / `@@schema` only together with a planned move of the data.',
    example: { existing: 'CREATE SCHEMA reporting;', hazard: 'ALTER SCHEMA reporting RENAME TO analytics;' },
  }),
  rule({
    id: 'data/duplicate-values',
    row: 13,
    severity: 'error',
    needsData: true,
    scalable: false,
    title: 'New unique index or constraint on data that holds duplicates',
    flags:
      'A unique index, UNIQUE or PRIMARY KEY constraint on an existing table. Given a database, the linter looks for duplicates (read-only); without one it reports a notice that the data was not checked.',
    blocks: 'Nothing: the migration fails on the first duplicate (error 23505), mid-deploy.',
    safe: 'Find and resolve duplicates first (a data migration or a script), then add the index.',
    prisma:
      'Run the check against staging with `prisma-migrate-actions lint --database-url …`; clean the data in an earlier migration or script before adding `@unique`.',
    example: { existing: EXISTING_USERS, hazard: 'CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);' },
  }),
  rule({
    id: 'data/null-values',
    row: 13,
    severity: 'error',
    needsData: true,
    scalable: false,
    title: 'NOT NULL on data that holds NULLs',
    flags:
      'SET NOT NULL, or a new NOT NULL column without default, on an existing table. Given a database, the linter looks for NULLs / rows (read-only); without one it reports a notice.',
    blocks: 'Nothing: the migration fails on the first NULL (error 23502), mid-deploy.',
    safe: 'Backfill the NULLs first, then add NOT NULL.',
    prisma:
      'Backfill in an earlier migration (`UPDATE … SET col = … WHERE col IS NULL`, in batches for big tables) before making the field required.',
    example: { existing: EXISTING_USERS, hazard: 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;' },
  }),
  rule({
    id: 'data/check-violations',
    row: 13,
    severity: 'error',
    needsData: true,
    scalable: false,
    title: 'New CHECK constraint on data that violates it',
    flags:
      'A validated CHECK constraint (or VALIDATE CONSTRAINT of one) on an existing table. Given a database, the linter evaluates the expression with a read-only SELECT … WHERE NOT (expr) LIMIT 1.',
    blocks: 'Nothing: the migration fails (error 23514), mid-deploy.',
    safe: 'Fix the rows first, or add the constraint NOT VALID and fix rows before validating.',
    prisma: 'Clean the data in an earlier migration before the constraint migration.',
    example: {
      existing: EXISTING_USERS,
      hazard:
        'ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT users_age_check;',
    },
  }),
  rule({
    id: 'data/foreign-key-violations',
    row: 13,
    severity: 'error',
    needsData: true,
    scalable: false,
    title: 'New foreign key on rows that reference nothing',
    flags:
      'A validated FOREIGN KEY (or VALIDATE CONSTRAINT of one) on an existing table. Given a database, the linter looks for orphan rows (read-only).',
    blocks: 'Nothing: the migration fails (error 23503), mid-deploy.',
    safe: 'Delete or repair the orphan rows first, or add the key NOT VALID and repair before validating.',
    prisma: 'Repair the data in an earlier migration or script before adding the relation.',
    example: {
      existing: `${EXISTING_USERS}\n${EXISTING_ORGS}`,
      hazard:
        'ALTER TABLE users ADD CONSTRAINT users_org_fkey FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT users_org_fkey;',
    },
  }),
  rule({
    id: 'compat/enum-add-value-without-position',
    row: 14,
    severity: 'notice',
    lock: undefined,
    scope: 'existing',
    title: 'Enum value added without BEFORE/AFTER',
    flags: 'ALTER TYPE … ADD VALUE without BEFORE or AFTER on an enum that existed before this change set (the value sorts last).',
    blocks:
      'Nothing; ORDER BY on the column and comparisons use the declaration order, which may not be the intended one. Before PostgreSQL 12 the statement cannot run in a transaction block, and the new value cannot be used in the transaction that adds it.',
    safe: "Say where the value goes: ALTER TYPE … ADD VALUE 'x' AFTER 'y'; use it only in a later migration.",
    prisma: `${CREATE_ONLY} add \`BEFORE '…'\` or \`AFTER '…'\` to Prisma's \`ALTER TYPE … ADD VALUE\`.`,
    example: {
      existing: "CREATE TYPE role AS ENUM ('user', 'admin');",
      hazard: "ALTER TYPE role ADD VALUE 'owner';",
      safe: "ALTER TYPE role ADD VALUE 'owner' AFTER 'admin';",
    },
  }),
  rule({
    id: 'compat/enum-rename-value',
    row: 14,
    severity: 'warning',
    title: 'Enum value renamed',
    flags: 'ALTER TYPE … RENAME VALUE on an enum that existed before this change set.',
    blocks: 'Application versions still sending the old value fail on INSERT/UPDATE.',
    safe: 'Add the new value, migrate rows and code to it, remove the old one later.',
    prisma: 'Use `@map` on the enum value to keep the database value while renaming it in code.',
    example: {
      existing: "CREATE TYPE role AS ENUM ('user', 'admin');",
      hazard: "ALTER TYPE role RENAME VALUE 'admin' TO 'administrator';",
    },
  }),
  rule({
    id: 'transaction/timeout-override',
    row: 15,
    severity: 'warning',
    scope: 'any',
    scalable: false,
    title: 'Migration overrides lock_timeout / statement_timeout',
    flags:
      'SET (LOCAL) lock_timeout, statement_timeout or idle_in_transaction_session_timeout in a migration. With the built-in engine any override (the engine sets them from the prod-deploy inputs); with the Prisma CLI only turning them off (0).',
    blocks: 'Without a lock timeout, a DDL statement waiting for its lock queues every later query on the table behind it.',
    safe: 'Let the engine set the timeouts (prod-deploy inputs lock-timeout / statement-timeout); raise them there for one deploy if a migration needs it.',
    prisma: "With the Prisma CLI, start the migration.sql with `SET lock_timeout = '5s';` instead of turning timeouts off.",
    example: { hazard: 'SET lock_timeout = 0;' },
  }),
  rule({
    id: 'lock/missing-lock-timeout',
    row: 15,
    severity: 'warning',
    scalable: false,
    title: 'Heavy lock taken without a lock_timeout (Prisma CLI)',
    flags:
      'With the Prisma CLI engine, a migration that takes a blocking lock on an existing table without SET lock_timeout before it (the built-in engine always sets one).',
    blocks: 'While the statement waits for its lock, every later query on the table queues behind it: a short migration becomes an outage.',
    safe: "Start the migration with SET lock_timeout = '5s' (and retry on timeout), or deploy with the built-in engine.",
    prisma: "Add `SET lock_timeout = '5s';` as the first line of migration.sql.",
    example: {
      engine: 'prisma',
      existing: EXISTING_USERS,
      hazard: 'ALTER TABLE users DROP COLUMN name;',
      safe: "SET lock_timeout = '5s';\nALTER TABLE users DROP COLUMN name;",
    },
  }),
  rule({
    id: 'transaction/explicit-transaction-control',
    row: 16,
    severity: 'error',
    scope: 'any',
    scalable: false,
    title: 'BEGIN / COMMIT / ROLLBACK inside a migration file',
    flags:
      'Transaction control statements (BEGIN, START TRANSACTION, COMMIT, ROLLBACK, SAVEPOINT, PREPARE TRANSACTION) in a migration, and unbalanced ones.',
    blocks:
      "Nothing directly; it breaks the engine's own transaction handling (a COMMIT ends the engine's transaction early, so a later failure leaves a half-applied migration).",
    safe: 'Remove them: the engine runs each migration atomically where PostgreSQL allows it.',
    prisma: 'Delete the BEGIN/COMMIT lines from migration.sql.',
    example: { hazard: 'BEGIN;\nCREATE TABLE t (id bigint);\nCOMMIT;', safe: 'CREATE TABLE t (id bigint);' },
  }),
  rule({
    id: 'data-loss/truncate',
    row: 17,
    severity: 'error',
    lock: 'ACCESS EXCLUSIVE',
    title: 'TRUNCATE empties tables (CASCADE: others too)',
    flags: 'TRUNCATE of an existing table; CASCADE also empties every table with a foreign key to it.',
    blocks: `${ACCESS_EXCLUSIVE_BLOCKS} All rows are gone.`,
    safe: 'Name every table explicitly, without CASCADE, and only when emptying them is the intent.',
    prisma: 'Keep data-destroying statements out of schema migrations; run them deliberately.',
    example: { existing: EXISTING_USERS, hazard: 'TRUNCATE users CASCADE;' },
  }),
  rule({
    id: 'data-loss/delete-without-where',
    row: 17,
    severity: 'error',
    lock: 'ROW EXCLUSIVE',
    title: 'DELETE without WHERE',
    flags: 'DELETE without a WHERE clause on an existing table.',
    blocks: 'Concurrent updates of the deleted rows; all rows are gone.',
    safe: 'Write the WHERE clause that says which rows; delete large sets in batches outside the schema migration.',
    prisma: 'Keep data deletion out of migration.sql unless it is the intent; add a WHERE clause.',
    example: { existing: EXISTING_USERS, hazard: 'DELETE FROM users;', safe: 'DELETE FROM users WHERE id < 0;' },
  }),
  rule({
    id: 'data-loss/update-without-where',
    row: 17,
    severity: 'warning',
    lock: 'ROW EXCLUSIVE',
    title: 'UPDATE without WHERE',
    flags: 'UPDATE without a WHERE clause on an existing table: every row is overwritten.',
    blocks: 'Concurrent writes to every row until the migration commits.',
    safe: 'Restrict it with WHERE (e.g. WHERE col IS NULL for a backfill) and run big backfills in batches.',
    prisma: 'Write the backfill with a WHERE clause, in batches outside the schema migration for large tables.',
    example: { existing: EXISTING_USERS, hazard: "UPDATE users SET name = 'x';", safe: "UPDATE users SET name = 'x' WHERE name IS NULL;" },
  }),
  rule({
    id: 'lock/backfill-in-ddl-migration',
    row: 18,
    severity: 'warning',
    lock: 'ROW EXCLUSIVE',
    title: 'Data backfill in the same migration as schema changes',
    flags: 'UPDATE / INSERT … SELECT / DELETE on an existing table in a migration that also changes the schema of an existing table.',
    blocks:
      'The DDL locks (often ACCESS EXCLUSIVE) are held until the backfill finishes, because the migration is one transaction; the backfill also writes a burst of WAL.',
    safe: 'Run the backfill outside the schema migration, in batches (e.g. 10 000 rows per transaction), between the expand and the contract migrations.',
    prisma:
      'Split: one migration adds the column, a script (or a separate data migration) backfills in batches, a later migration adds NOT NULL.',
    example: {
      existing: EXISTING_USERS,
      hazard: "ALTER TABLE users ADD COLUMN plan text;\nUPDATE users SET plan = 'free' WHERE plan IS NULL;",
      safe: 'ALTER TABLE users ADD COLUMN plan text;',
    },
  }),
  rule({
    id: 'lock/vacuum-full',
    row: 19,
    severity: 'error',
    lock: 'ACCESS EXCLUSIVE',
    title: 'VACUUM FULL rewrites the table',
    flags: 'VACUUM FULL of an existing table (or of the whole database).',
    blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held for the whole rewrite.`,
    safe: 'Use pg_repack, or plain VACUUM; schedule rewrites outside migrations.',
    prisma: 'Do not put VACUUM FULL in migration.sql; run maintenance separately.',
    example: { existing: EXISTING_USERS, hazard: 'VACUUM FULL users;', safe: 'VACUUM users;' },
  }),
  rule({
    id: 'lock/cluster',
    row: 19,
    severity: 'error',
    lock: 'ACCESS EXCLUSIVE',
    title: 'CLUSTER rewrites the table',
    flags: 'CLUSTER of an existing table.',
    blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held for the whole rewrite.`,
    safe: 'Use pg_repack; schedule rewrites outside migrations.',
    prisma: 'Do not put CLUSTER in migration.sql.',
    example: { existing: `${EXISTING_USERS}\nCREATE INDEX users_name_idx ON users (name);`, hazard: 'CLUSTER users USING users_name_idx;' },
  }),
  rule({
    id: 'lock/reindex-non-concurrent',
    row: 19,
    severity: 'error',
    lock: 'SHARE',
    title: 'REINDEX without CONCURRENTLY',
    flags: 'REINDEX INDEX/TABLE/SCHEMA/DATABASE without CONCURRENTLY on existing objects.',
    blocks: 'Writes to the table, and reads that would use the index (ACCESS EXCLUSIVE on the index), for the whole rebuild.',
    safe: 'REINDEX … CONCURRENTLY (PostgreSQL 12+), outside a transaction block.',
    prisma: 'Use REINDEX CONCURRENTLY alone in its own migration with the Prisma CLI.',
    example: {
      existing: `${EXISTING_USERS}\nCREATE INDEX users_name_idx ON users (name);`,
      hazard: 'REINDEX INDEX users_name_idx;',
      safe: 'REINDEX INDEX CONCURRENTLY users_name_idx;',
    },
  }),
  rule({
    id: 'lock/detach-partition-non-concurrent',
    row: 19,
    severity: 'error',
    lock: 'ACCESS EXCLUSIVE',
    title: 'DETACH PARTITION without CONCURRENTLY',
    flags: 'ALTER TABLE … DETACH PARTITION without CONCURRENTLY on an existing partitioned table.',
    blocks: 'Every read and write of the parent table and the partition.',
    safe: 'DETACH PARTITION … CONCURRENTLY (PostgreSQL 14+), outside a transaction block.',
    prisma: 'Write DETACH PARTITION … CONCURRENTLY alone in its own migration with the Prisma CLI.',
    example: {
      existing:
        "CREATE TABLE events (id bigint, at date) PARTITION BY RANGE (at);\nCREATE TABLE events_2020 PARTITION OF events FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');",
      hazard: 'ALTER TABLE events DETACH PARTITION events_2020;',
      safe: 'ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;',
    },
  }),
  rule({
    id: 'lock/add-exclusion-constraint',
    row: 20,
    severity: 'error',
    lock: 'ACCESS EXCLUSIVE',
    title: 'Exclusion constraint added to an existing table',
    flags: 'ALTER TABLE … ADD EXCLUDE on an existing table (there is no concurrent way to build it).',
    blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held while the index builds and every row is checked.`,
    safe: 'Schedule it for a quiet window, or build the constraint on a new table and move the data.',
    prisma: 'Write the EXCLUDE constraint by hand in migration.sql and schedule the deploy deliberately.',
    example: {
      existing: 'CREATE TABLE bookings (id bigint, room int, during tsrange);',
      hazard: 'ALTER TABLE bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&);',
    },
  }),
  rule({
    id: 'lock/create-trigger',
    row: 20,
    severity: 'warning',
    lock: 'SHARE ROW EXCLUSIVE',
    title: 'Trigger added to an existing table',
    flags: 'CREATE TRIGGER on an existing table.',
    blocks: 'Writes to the table while the trigger is created; afterwards every write runs the trigger function.',
    safe: 'Review the trigger function and its cost per row; set a lock_timeout.',
    prisma: 'Hand-written in migration.sql; keep the function change and the trigger in the same migration.',
    example: {
      existing: EXISTING_USERS,
      hazard: 'CREATE TRIGGER users_audit AFTER UPDATE ON users FOR EACH ROW EXECUTE FUNCTION audit();',
    },
  }),
  rule({
    id: 'lock/set-logged-unlogged',
    row: 20,
    severity: 'error',
    lock: 'ACCESS EXCLUSIVE',
    title: 'SET LOGGED / SET UNLOGGED rewrites the table',
    flags: 'ALTER TABLE … SET LOGGED or SET UNLOGGED on an existing table.',
    blocks: `${ACCESS_EXCLUSIVE_BLOCKS} UNLOGGED tables are also emptied after a crash and not replicated.`,
    safe: 'Decide persistence when creating the table; otherwise schedule the rewrite deliberately.',
    prisma: 'Hand-written in migration.sql; schedule deliberately.',
    example: { existing: EXISTING_USERS, hazard: 'ALTER TABLE users SET UNLOGGED;' },
  }),
  rule({
    id: 'lock/set-access-method',
    row: 20,
    severity: 'error',
    lock: 'ACCESS EXCLUSIVE',
    title: 'SET ACCESS METHOD rewrites the table',
    flags: 'ALTER TABLE … SET ACCESS METHOD on an existing table.',
    blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held for the whole rewrite.`,
    safe: 'Schedule the rewrite deliberately, or create a new table and move the data.',
    prisma: 'Hand-written in migration.sql; schedule deliberately.',
    example: { existing: EXISTING_USERS, hazard: 'ALTER TABLE users SET ACCESS METHOD heap;' },
  }),
  rule({
    id: 'review/replica-identity',
    row: 20,
    severity: 'warning',
    lock: 'ACCESS EXCLUSIVE',
    title: 'REPLICA IDENTITY changed',
    flags: 'ALTER TABLE … REPLICA IDENTITY on an existing table.',
    blocks:
      'Briefly every query on the table; logical replication and change-data-capture consumers see different row images from then on.',
    safe: 'Coordinate with the owners of replication / CDC consumers.',
    prisma: 'Hand-written in migration.sql; review with whoever runs replication.',
    example: { existing: EXISTING_USERS, hazard: 'ALTER TABLE users REPLICA IDENTITY FULL;' },
  }),
  rule({
    id: 'review/row-level-security',
    row: 21,
    severity: 'notice',
    scope: 'any',
    title: 'Row-level security changed',
    flags: 'ENABLE / DISABLE / FORCE / NO FORCE ROW LEVEL SECURITY, CREATE / ALTER / DROP POLICY.',
    blocks: 'Nothing; who can see which rows changes. A wrong policy hides data from the application or exposes it.',
    safe: 'Review the policies explicitly with the people who own authorisation.',
    prisma: 'Policies are hand-written in migration.sql (Prisma does not model them); review them in the pull request.',
    example: { existing: EXISTING_USERS, hazard: 'ALTER TABLE users ENABLE ROW LEVEL SECURITY;' },
  }),
  rule({
    id: 'review/grant-revoke',
    row: 21,
    severity: 'notice',
    scope: 'any',
    title: 'Privileges granted or revoked',
    flags: 'GRANT, REVOKE, ALTER DEFAULT PRIVILEGES, and role grants in a migration.',
    blocks: 'Nothing; who may read or write changes.',
    safe: 'Review explicitly; prefer granting to roles, not to users.',
    prisma: 'Privileges are hand-written in migration.sql; review them in the pull request.',
    example: { existing: EXISTING_USERS, hazard: 'GRANT SELECT ON users TO reporting;' },
  }),
  rule({
    id: 'review/extension',
    row: 22,
    severity: 'notice',
    scope: 'any',
    title: 'Extension created, upgraded or dropped',
    flags: 'CREATE EXTENSION, ALTER EXTENSION, DROP EXTENSION.',
    blocks:
      'Nothing directly; the extension must be installable on every server (managed services allow a fixed list), and DROP … CASCADE drops every column and index that depends on it.',
    safe: 'Check that production has the extension available; review drops explicitly.',
    prisma:
      'Prisma writes CREATE EXTENSION for `extensions = [...]` (previewFeatures postgresqlExtensions); confirm availability on the target.',
    example: { hazard: 'CREATE EXTENSION IF NOT EXISTS pg_trgm;' },
  }),
  rule({
    id: 'naming/identifier-too-long',
    row: 23,
    severity: 'error',
    scope: 'any',
    title: 'Identifier longer than 63 bytes',
    flags: 'Any identifier in a migration over 63 bytes (NAMEDATALEN - 1).',
    blocks:
      'Nothing; PostgreSQL silently truncates the name, so two long names can collide and later migrations that use the full name miss the object.',
    safe: 'Shorten the name to at most 63 bytes.',
    prisma: 'Give the index or constraint a shorter name with `map: "…"` in @@index / @@unique / @relation.',
    example: {
      hazard: `CREATE TABLE t (id bigint);\nCREATE INDEX ${'t_'.padEnd(70, 'x')} ON t (id);`,
      safe: 'CREATE TABLE t (id bigint);\nCREATE INDEX t_id_idx ON t (id);',
    },
  }),
  rule({
    id: 'types/prefer-bigint',
    row: 24,
    severity: 'notice',
    scope: 'any',
    title: 'int / serial primary key',
    flags: 'A primary-key or identity column of type integer, smallint, serial or smallserial in a new column.',
    blocks: 'Nothing now; after 2^31 rows inserts fail, and widening the column later rewrites the table.',
    safe: 'Use bigint (bigserial / bigint GENERATED … AS IDENTITY).',
    prisma: 'Use `BigInt @id @default(autoincrement())`.',
    example: {
      hazard: 'CREATE TABLE t (id serial PRIMARY KEY);',
      safe: 'CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);',
    },
  }),
  rule({
    id: 'types/prefer-timestamptz',
    row: 24,
    severity: 'notice',
    scope: 'any',
    title: 'timestamp without time zone',
    flags: 'A new column of type timestamp (without time zone).',
    blocks: 'Nothing now; the value has no offset, so it is read differently by sessions in other time zones.',
    safe: 'Use timestamptz.',
    prisma: 'Annotate DateTime fields with `@db.Timestamptz(3)`.',
    example: { hazard: 'CREATE TABLE t (at timestamp(3));', safe: 'CREATE TABLE t (at timestamptz(3));' },
  }),
  rule({
    id: 'types/prefer-text',
    row: 24,
    severity: 'notice',
    scope: 'any',
    title: 'char(n) / varchar(n)',
    flags: 'A new column of type char(n) (blank-padded), or a varchar(n) that shrinks an existing column (a rewrite).',
    blocks: 'Nothing now; char(n) pads and compares surprisingly, and changing a length limit later can rewrite the table.',
    safe: 'Use text, with a CHECK (length(col) <= n) if a limit matters.',
    prisma: 'Use `String` without `@db.Char(n)`.',
    example: { hazard: 'CREATE TABLE t (code char(3));', safe: 'CREATE TABLE t (code text);' },
  }),
  rule({
    id: 'types/prefer-jsonb',
    row: 24,
    severity: 'notice',
    scope: 'any',
    title: 'json instead of jsonb',
    flags: 'A new column of type json.',
    blocks: 'Nothing; json cannot be indexed or compared and is re-parsed on every access.',
    safe: 'Use jsonb.',
    prisma: 'Prisma maps `Json` to jsonb; remove `@db.Json`.',
    example: { hazard: 'CREATE TABLE t (doc json);', safe: 'CREATE TABLE t (doc jsonb);' },
  }),
  rule({
    id: 'lint/syntax-error',
    row: 0,
    severity: 'error',
    scope: 'any',
    scalable: false,
    title: 'SQL that PostgreSQL cannot parse',
    flags: "A migration file PostgreSQL's parser rejects; the position is the parser's.",
    blocks: 'Nothing: the migration fails at this statement when applied.',
    safe: 'Fix the syntax at the reported line and column.',
    prisma: 'Edit migration.sql; `prisma migrate dev` would fail on the same text.',
    example: { hazard: 'CREATE TABLE t (id bigint,);', safe: 'CREATE TABLE t (id bigint);' },
  }),
  rule({
    id: 'lint/ignore-without-reason',
    row: 0,
    severity: 'warning',
    scope: 'any',
    scalable: false,
    title: 'lint-ignore comment without a reason',
    flags: 'A `-- lint-ignore rule-id` comment that gives no reason after a colon; it silences nothing.',
    blocks: 'Nothing.',
    safe: 'Write the reason: `-- lint-ignore lock/create-index-non-concurrent: table is empty in prod`.',
    prisma: 'Put the comment on the line above the statement in migration.sql.',
    example: {
      hazard: '-- lint-ignore types/prefer-jsonb\nCREATE TABLE t (doc json);',
      safe: '-- lint-ignore types/prefer-jsonb: payloads are stored verbatim\nCREATE TABLE t (doc json);',
    },
  }),
  rule({
    id: 'lint/unknown-rule',
    row: 0,
    severity: 'warning',
    scope: 'any',
    scalable: false,
    title: 'lint-ignore names a rule that does not exist',
    flags: 'A `-- lint-ignore` comment naming an unknown rule id (a typo silences nothing).',
    blocks: 'Nothing.',
    safe: 'Use an id from docs/rules/README.md.',
    prisma: 'Fix the id in the comment in migration.sql.',
    example: { hazard: '-- lint-ignore lock/no-such-rule: typo\nCREATE TABLE t (id bigint);', safe: 'CREATE TABLE t (id bigint);' },
  }),
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): RuleMeta | undefined {
  return BY_ID.get(id);
}

export function ruleOrThrow(id: string): RuleMeta {
  const found = BY_ID.get(id);
  if (!found) throw new Error(`internal: unknown lint rule ${id}`);
  return found;
}

/** docs/rules/<id with slashes as dashes>.md */
export function ruleDocFile(id: string): string {
  return `${id.replace(/\//g, '-')}.md`;
}
