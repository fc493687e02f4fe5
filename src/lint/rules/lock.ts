/**
 * Lock hazards of index and constraint changes on existing tables: index builds and drops
 * without CONCURRENTLY, constraints validated (or indexes built) under a strong lock, SET NOT NULL.
 */
import type { DropStmt, IndexStmt, ReindexStmt } from 'libpg-query';
import { quoteIdent } from '../../postgres/sql.js';
import type { SqlStatement } from '../../sql/parser.js';
import { constraintName, nameParts, partsKey, quoteKey } from '../names.js';
import { nodeOf, nodesOf } from '../nodes.js';
import {
  ACCESS_EXCLUSIVE_BLOCKS,
  CREATE_ONLY,
  EXISTING_ORGS,
  EXISTING_USERS,
  rule,
  type AlterArgs,
  type Emit,
  type RuleFamily,
  type StatementEnv,
} from '../rule.js';

export const LOCK_RULES = [
  rule({
    id: 'lock/create-index-non-concurrent',
    severity: 'error',
    lock: 'SHARE',
    title: 'CREATE INDEX without CONCURRENTLY on an existing table',
    flags: 'CREATE INDEX (or CREATE UNIQUE INDEX) without CONCURRENTLY on a table that existed before this change set.',
    blocks: 'INSERT, UPDATE and DELETE on the table for the whole index build (reads continue).',
    safe: 'Build the index with CREATE INDEX CONCURRENTLY. It cannot run inside a transaction block; if it fails it leaves an INVALID index to drop and retry.',
    prisma: `${CREATE_ONLY} change \`CREATE INDEX\` to \`CREATE INDEX CONCURRENTLY\`. With the Prisma CLI (up to 7.3) the file runs as one transaction, so put the statement alone in its own migration; the built-in engine runs it on its own automatically.`,
    example: {
      existing: EXISTING_USERS,
      bad: [
        'CREATE INDEX users_email_idx ON users (email);',
        'CREATE UNIQUE INDEX users_email_key ON users (email);',
        'CREATE INDEX users_lower_email_idx ON users (lower(email)) WHERE email IS NOT NULL;',
      ],
      good: [
        'CREATE INDEX CONCURRENTLY users_email_idx ON users (email);',
        'CREATE TABLE sessions (id bigint, user_id bigint);\nCREATE INDEX sessions_user_idx ON sessions (user_id);',
      ],
    },
  }),
  rule({
    id: 'lock/drop-index-non-concurrent',
    severity: 'warning',
    lock: 'ACCESS EXCLUSIVE',
    title: 'DROP INDEX without CONCURRENTLY',
    flags: 'DROP INDEX without CONCURRENTLY on an index that existed before this change set.',
    blocks: ACCESS_EXCLUSIVE_BLOCKS,
    safe: 'DROP INDEX CONCURRENTLY waits for running queries instead of blocking new ones. It cannot run inside a transaction block.',
    prisma: `${CREATE_ONLY} change \`DROP INDEX\` to \`DROP INDEX CONCURRENTLY\` (alone in its migration with the Prisma CLI).`,
    example: {
      existing: `${EXISTING_USERS}\nCREATE INDEX users_name_idx ON users (name);`,
      bad: ['DROP INDEX users_name_idx;', 'DROP INDEX IF EXISTS users_name_idx;'],
      good: ['DROP INDEX CONCURRENTLY users_name_idx;', 'DROP INDEX CONCURRENTLY IF EXISTS users_name_idx;'],
    },
  }),
  rule({
    id: 'lock/reindex-non-concurrent',
    severity: 'error',
    lock: 'SHARE',
    title: 'REINDEX without CONCURRENTLY',
    flags: 'REINDEX INDEX/TABLE/SCHEMA/DATABASE without CONCURRENTLY on existing objects.',
    blocks: 'Writes to the table, and reads that would use the index (ACCESS EXCLUSIVE on the index), for the whole rebuild.',
    safe: 'REINDEX … CONCURRENTLY (PostgreSQL 12+), outside a transaction block.',
    prisma: 'Use REINDEX CONCURRENTLY alone in its own migration with the Prisma CLI.',
    example: {
      existing: `${EXISTING_USERS}\nCREATE INDEX users_name_idx ON users (name);`,
      bad: ['REINDEX INDEX users_name_idx;', 'REINDEX TABLE users;'],
      good: ['REINDEX INDEX CONCURRENTLY users_name_idx;', 'REINDEX TABLE CONCURRENTLY users;'],
    },
  }),
  rule({
    id: 'lock/add-unique-constraint',
    severity: 'error',
    lock: 'ACCESS EXCLUSIVE',
    title: 'ADD UNIQUE / PRIMARY KEY constraint builds its index under an exclusive lock',
    flags: 'ALTER TABLE … ADD UNIQUE / PRIMARY KEY (without USING INDEX) on an existing table.',
    blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held while the whole index builds.`,
    safe: 'Build a unique index with CREATE UNIQUE INDEX CONCURRENTLY, then attach it: ALTER TABLE … ADD CONSTRAINT name UNIQUE USING INDEX name (a brief lock).',
    prisma: `${CREATE_ONLY} replace the ADD CONSTRAINT with the two statements below (the index alone in its own migration with the Prisma CLI). Prisma's own @unique produces a unique index, not a constraint, so only @@id changes and hand-written SQL hit this.`,
    example: {
      existing: EXISTING_USERS,
      bad: [
        'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);',
        'ALTER TABLE users ADD CONSTRAINT users_name_email_key UNIQUE (name, email);',
        'ALTER TABLE users ADD COLUMN handle text UNIQUE;',
      ],
      good: [
        'CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);\nALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;',
      ],
    },
  }),
  rule({
    id: 'lock/add-foreign-key-validated',
    severity: 'error',
    lock: 'SHARE ROW EXCLUSIVE',
    title: 'ADD FOREIGN KEY validates every row while both tables are locked',
    flags: 'ALTER TABLE … ADD FOREIGN KEY without NOT VALID on an existing table.',
    blocks: 'Writes to both the referencing and the referenced table while every existing row is checked.',
    safe: 'Add the constraint NOT VALID (new rows are checked at once), then VALIDATE CONSTRAINT in a later migration; validation takes only SHARE UPDATE EXCLUSIVE and does not block writes.',
    prisma: `${CREATE_ONLY} append \`NOT VALID\` to Prisma's \`ADD CONSTRAINT … FOREIGN KEY\` and put \`ALTER TABLE … VALIDATE CONSTRAINT …;\` in the next migration.`,
    example: {
      existing: `${EXISTING_USERS}\n${EXISTING_ORGS}`,
      bad: [
        'ALTER TABLE users ADD CONSTRAINT users_org_fkey FOREIGN KEY (org_id) REFERENCES orgs (id);',
        'ALTER TABLE users ADD FOREIGN KEY (org_id) REFERENCES orgs;',
      ],
      good: [
        'ALTER TABLE users ADD CONSTRAINT users_org_fkey FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID;',
        'ALTER TABLE users VALIDATE CONSTRAINT users_org_fkey;',
      ],
    },
  }),
  rule({
    id: 'lock/add-check-validated',
    severity: 'error',
    lock: 'ACCESS EXCLUSIVE',
    title: 'ADD CHECK validates every row under an exclusive lock',
    flags: 'ALTER TABLE … ADD CHECK without NOT VALID on an existing table.',
    blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held during the full scan.`,
    safe: 'Add the constraint NOT VALID, then VALIDATE CONSTRAINT in a later migration (SHARE UPDATE EXCLUSIVE: reads and writes continue).',
    prisma: `${CREATE_ONLY} write the CHECK with \`NOT VALID\` and validate it in the next migration.`,
    example: {
      existing: EXISTING_USERS,
      bad: [
        'ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0);',
        'ALTER TABLE users ADD CHECK (length(name) < 200);',
        'ALTER TABLE users ADD COLUMN score int CHECK (score > 0);',
      ],
      good: [
        'ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0) NOT VALID;',
        'ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT users_age_check;',
      ],
    },
  }),
  rule({
    id: 'lock/add-exclusion-constraint',
    severity: 'error',
    lock: 'ACCESS EXCLUSIVE',
    title: 'Exclusion constraint added to an existing table',
    flags: 'ALTER TABLE … ADD EXCLUDE on an existing table (there is no concurrent way to build it).',
    blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held while the index builds and every row is checked.`,
    safe: 'Schedule it for a quiet window, or build the constraint on a new table and move the data.',
    prisma: 'Write the EXCLUDE constraint by hand in migration.sql and schedule the deploy deliberately.',
    example: {
      existing: 'CREATE TABLE bookings (id bigint, room int, during tsrange);',
      bad: [
        'ALTER TABLE bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&);',
        'ALTER TABLE bookings ADD EXCLUDE USING gist (room WITH =, during WITH &&);',
      ],
      good: [],
    },
  }),
  rule({
    id: 'lock/set-not-null',
    severity: 'error',
    lock: 'ACCESS EXCLUSIVE',
    title: 'SET NOT NULL scans the table under ACCESS EXCLUSIVE',
    flags:
      'ALTER COLUMN … SET NOT NULL on a table that existed before this change set, unless a validated CHECK (col IS NOT NULL) precedes it.',
    blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held during the full scan.`,
    safe: 'Add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it (no write lock), then SET NOT NULL: PostgreSQL 12+ uses the valid check and skips the scan. Drop the check afterwards.',
    prisma: `${CREATE_ONLY} replace Prisma's \`ALTER COLUMN … SET NOT NULL\` with the check-constraint sequence (the validation in a separate migration keeps the lock short).`,
    example: {
      existing: EXISTING_USERS,
      bad: [
        'ALTER TABLE users ALTER COLUMN name SET NOT NULL;',
        'ALTER TABLE users ALTER COLUMN email SET NOT NULL, ALTER COLUMN age SET NOT NULL;',
      ],
      good: [
        'ALTER TABLE users ADD CONSTRAINT users_name_not_null CHECK (name IS NOT NULL) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT users_name_not_null;\nALTER TABLE users ALTER COLUMN name SET NOT NULL;\nALTER TABLE users DROP CONSTRAINT users_name_not_null;',
      ],
    },
  }),
];

function createIndex(node: IndexStmt, env: StatementEnv, emit: Emit, statement: SqlStatement): void {
  const table = env.ctx.key(node.relation);
  if (env.ctx.isNewTable(table) || node.concurrent) return;
  emit({
    ruleId: 'lock/create-index-non-concurrent',
    tables: [table],
    message: `CREATE INDEX on existing table ${table} takes a SHARE lock: inserts, updates and deletes wait for the whole build.`,
    replacement: statement.text.replace(/^(create\s+(?:unique\s+)?index)\b/i, '$1 CONCURRENTLY'),
  });
}

function dropIndex(node: DropStmt, env: StatementEnv, emit: Emit): void {
  if (node.removeType !== 'OBJECT_INDEX' || node.concurrent) return;
  const { ctx } = env;
  const objects = node.objects ?? [];
  const keys = objects.map((o) => partsKey(nameParts(o), ctx.defaultSchema));
  const existing = keys.filter((k) => !(ctx.index(k)?.isNew || ctx.isNewTable(ctx.index(k)?.table ?? '')));
  if (!existing.length) return;
  const tables = existing.map((k) => ctx.index(k)?.table).filter((t): t is string => !!t);
  emit({
    ruleId: 'lock/drop-index-non-concurrent',
    tables,
    message: `DROP INDEX ${existing.join(', ')} takes ACCESS EXCLUSIVE on ${tables.length ? tables.join(', ') : 'its table'}: every query on it waits.`,
    replacement:
      keys.length === 1
        ? `DROP INDEX CONCURRENTLY ${node.missing_ok ? 'IF EXISTS ' : ''}${nameParts(objects[0]).map(quoteIdent).join('.')}`
        : undefined,
  });
}

function reindex(node: ReindexStmt, env: StatementEnv, emit: Emit, statement: SqlStatement): void {
  if (!statement.transactional) return; // CONCURRENTLY
  const { ctx } = env;
  let tables: string[] = [];
  if (node.relation) {
    const key = ctx.key(node.relation);
    const index = node.kind === 'REINDEX_OBJECT_INDEX' ? ctx.index(key) : undefined;
    const table = index ? index.table : node.kind === 'REINDEX_OBJECT_TABLE' ? key : undefined;
    if (index?.isNew || (table && ctx.isNewTable(table))) return;
    tables = table ? [table] : [];
  }
  emit({
    ruleId: 'lock/reindex-non-concurrent',
    tables,
    message: `REINDEX without CONCURRENTLY blocks writes to ${tables.length ? tables.join(', ') : 'the tables it covers'} and reads that use the index for the whole rebuild.`,
    replacement: statement.text.replace(/^(reindex\s+(?:\([^)]*\)\s*)?(?:index|table|schema|database|system))\b/i, '$1 CONCURRENTLY'),
  });
}

/** Inline UNIQUE / PRIMARY KEY / CHECK on a column added to an existing table. */
function addColumn({ cmd, table, emit }: AlterArgs): void {
  const def = nodeOf(cmd.def, 'ColumnDef');
  if (!def) return;
  const column = `${table}.${def.colname}`;
  for (const constraint of nodesOf(def.constraints, 'Constraint')) {
    if (constraint.contype === 'CONSTR_UNIQUE' || constraint.contype === 'CONSTR_PRIMARY') {
      emit({
        ruleId: 'lock/add-unique-constraint',
        tables: [table],
        message: `The inline ${constraint.contype === 'CONSTR_PRIMARY' ? 'PRIMARY KEY' : 'UNIQUE'} on ${column} builds an index under ACCESS EXCLUSIVE on ${table}.`,
      });
    } else if (constraint.contype === 'CONSTR_CHECK' && !constraint.skip_validation) {
      emit({
        ruleId: 'lock/add-check-validated',
        tables: [table],
        message: `The inline CHECK on ${column} scans ${table} under ACCESS EXCLUSIVE.`,
      });
    }
  }
}

function addConstraint({ cmd, table, env, emit, statement, single }: AlterArgs): void {
  const constraint = nodeOf(cmd.def, 'Constraint');
  if (!constraint) return;
  const withNotValid = single && !constraint.skip_validation ? `${statement.text} NOT VALID` : undefined;
  switch (constraint.contype) {
    case 'CONSTR_UNIQUE':
    case 'CONSTR_PRIMARY': {
      if (constraint.indexname) return; // USING INDEX: the index was built beforehand
      const kind = constraint.contype === 'CONSTR_PRIMARY' ? 'PRIMARY KEY' : 'UNIQUE';
      const name = quoteIdent(constraintName(table, constraint));
      const target = quoteKey(table);
      emit({
        ruleId: 'lock/add-unique-constraint',
        tables: [table],
        message: `${kind} ${constraintName(table, constraint)} builds its index under ACCESS EXCLUSIVE on ${table}: every query waits for the build.`,
        replacement: `CREATE UNIQUE INDEX CONCURRENTLY ${name} ON ${target} (${nameParts(constraint.keys).map(quoteIdent).join(', ')});\nALTER TABLE ${target} ADD CONSTRAINT ${name} ${kind} USING INDEX ${name}`,
      });
      return;
    }
    case 'CONSTR_FOREIGN': {
      if (constraint.skip_validation) return;
      const refTable = env.ctx.key(constraint.pktable);
      emit({
        ruleId: 'lock/add-foreign-key-validated',
        tables: [table, refTable],
        message: `Foreign key ${constraint.conname ?? ''} is validated while ${table} and ${refTable} are locked (SHARE ROW EXCLUSIVE): writes to both wait for the scan of ${table}.`,
        replacement: withNotValid,
      });
      return;
    }
    case 'CONSTR_CHECK':
      if (constraint.skip_validation) return;
      emit({
        ruleId: 'lock/add-check-validated',
        tables: [table],
        message: `CHECK ${constraint.conname ?? ''} scans ${table} under ACCESS EXCLUSIVE.`,
        replacement: withNotValid,
      });
      return;
    case 'CONSTR_EXCLUSION':
      emit({
        ruleId: 'lock/add-exclusion-constraint',
        tables: [table],
        message: `Exclusion constraint ${constraint.conname ?? ''} builds its index and checks every row of ${table} under ACCESS EXCLUSIVE.`,
      });
      return;
    default:
      return;
  }
}

function setNotNull({ cmd, table, env, emit }: AlterArgs): void {
  const column = cmd.name ?? '';
  if (env.serverMajor >= 12 && env.ctx.hasNotNullProof(table, column)) return;
  const target = quoteKey(table);
  const check = quoteIdent(`${table.slice(table.indexOf('.') + 1)}_${column}_not_null`.slice(0, 63));
  emit({
    ruleId: 'lock/set-not-null',
    tables: [table],
    message: `SET NOT NULL on ${table}.${column} scans the whole table under ACCESS EXCLUSIVE.${env.serverMajor < 12 ? ` (PostgreSQL ${env.serverMajor} cannot use a CHECK constraint to skip the scan.)` : ''}`,
    replacement: [
      `ALTER TABLE ${target} ADD CONSTRAINT ${check} CHECK (${quoteIdent(column)} IS NOT NULL) NOT VALID`,
      `ALTER TABLE ${target} VALIDATE CONSTRAINT ${check}`,
      `ALTER TABLE ${target} ALTER COLUMN ${quoteIdent(column)} SET NOT NULL`,
      `ALTER TABLE ${target} DROP CONSTRAINT ${check}`,
    ].join(';\n'),
  });
}

export const lock: RuleFamily = {
  rules: LOCK_RULES,
  statements: { IndexStmt: createIndex, DropStmt: dropIndex, ReindexStmt: reindex },
  alterTable: { AT_AddColumn: addColumn, AT_AddConstraint: addConstraint, AT_SetNotNull: setNotNull },
};
