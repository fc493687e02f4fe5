/**
 * Compatibility rules: changes that break application versions still running during and after
 * the deploy (renames, NOT NULL columns they do not send, enum values they do not know).
 */
import type { AlterEnumStmt, RenameStmt } from 'libpg-query';
import { notNullColumnWithoutDefault } from '../expressions.js';
import { nameParts, partsKey } from '../names.js';
import { CREATE_ONLY, EXISTING_USERS, rule, type AlterArgs, type Emit, type RuleFamily, type StatementEnv } from '../rule.js';

export const COMPAT_RULES = [
  rule({
    id: 'compat/add-not-null-column-without-default',
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
      bad: ['ALTER TABLE users ADD COLUMN plan text NOT NULL;', 'ALTER TABLE users ADD COLUMN tenant_id bigint NOT NULL;'],
      good: [
        "ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';",
        'ALTER TABLE users ADD COLUMN plan text;',
        'ALTER TABLE users ADD COLUMN serial_no bigint GENERATED ALWAYS AS IDENTITY NOT NULL;',
      ],
    },
  }),
  rule({
    id: 'compat/rename-table',
    severity: 'error',
    lock: 'ACCESS EXCLUSIVE',
    title: 'Renaming a table breaks running application versions',
    flags: 'ALTER TABLE … RENAME TO (also views and materialized views) on an existing table.',
    blocks: 'Every query of application versions that still use the old name fails from the moment the migration commits.',
    safe: 'Expand/contract: create the new name (or a view with the old name over the new table), move the code, then remove the old name later.',
    prisma:
      'Keep the database name with `@@map("old_name")` while renaming the model in code; rename the table itself only with a compatibility view.',
    example: {
      existing: EXISTING_USERS,
      bad: ['ALTER TABLE users RENAME TO accounts;', 'ALTER TABLE IF EXISTS users RENAME TO members;'],
      good: ['CREATE TABLE drafts (id bigint);\nALTER TABLE drafts RENAME TO posts;'],
    },
  }),
  rule({
    id: 'compat/rename-column',
    severity: 'error',
    lock: 'ACCESS EXCLUSIVE',
    title: 'Renaming a column breaks running application versions',
    flags: 'ALTER TABLE … RENAME COLUMN on a column that existed before this change set.',
    blocks: 'Queries of application versions that still use the old column name fail.',
    safe: 'Add the new column, write both, backfill, switch readers, drop the old one later.',
    prisma: 'Rename the field in code only and keep the column with `@map("old_name")`.',
    example: {
      existing: EXISTING_USERS,
      bad: ['ALTER TABLE users RENAME COLUMN name TO full_name;', 'ALTER TABLE users RENAME email TO email_address;'],
      good: ['ALTER TABLE users ADD COLUMN nick text;\nALTER TABLE users RENAME COLUMN nick TO nickname;'],
    },
  }),
  rule({
    id: 'compat/rename-schema',
    severity: 'error',
    lock: 'ACCESS EXCLUSIVE',
    title: 'Renaming a schema breaks running application versions',
    flags: 'ALTER SCHEMA … RENAME TO of a schema that existed before this change set.',
    blocks: 'Every query that names the old schema, or whose search_path holds it, fails.',
    safe: 'Create the new schema, move objects while the code reads both, then drop the old one.',
    prisma: 'Change `?schema=` / `@@schema` only together with a planned move of the data.',
    example: {
      existing: 'CREATE SCHEMA reporting;',
      bad: ['ALTER SCHEMA reporting RENAME TO analytics;'],
      good: ['CREATE SCHEMA staging;\nALTER SCHEMA staging RENAME TO scratch;'],
    },
  }),
  rule({
    id: 'compat/enum-add-value-without-position',
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
      bad: ["ALTER TYPE role ADD VALUE 'owner';", "ALTER TYPE role ADD VALUE IF NOT EXISTS 'guest';"],
      good: ["ALTER TYPE role ADD VALUE 'owner' AFTER 'admin';", "ALTER TYPE role ADD VALUE 'guest' BEFORE 'user';"],
    },
  }),
  rule({
    id: 'compat/enum-rename-value',
    severity: 'warning',
    title: 'Enum value renamed',
    flags: 'ALTER TYPE … RENAME VALUE on an enum that existed before this change set.',
    blocks: 'Application versions still sending the old value fail on INSERT/UPDATE.',
    safe: 'Add the new value, migrate rows and code to it, remove the old one later.',
    prisma: 'Use `@map` on the enum value to keep the database value while renaming it in code.',
    example: {
      existing: "CREATE TYPE role AS ENUM ('user', 'admin');",
      bad: ["ALTER TYPE role RENAME VALUE 'admin' TO 'administrator';"],
      good: ["ALTER TYPE role ADD VALUE 'administrator' AFTER 'admin';"],
    },
  }),
];

function rename(node: RenameStmt, env: StatementEnv, emit: Emit): void {
  const { ctx } = env;
  const table = ctx.key(node.relation);
  switch (node.renameType) {
    case 'OBJECT_TABLE':
    case 'OBJECT_VIEW':
    case 'OBJECT_MATVIEW':
      if (!ctx.isNewTable(table))
        emit({
          ruleId: 'compat/rename-table',
          tables: [table],
          message: `${table} is renamed to ${node.newname}; running application versions still query the old name.`,
        });
      return;
    case 'OBJECT_COLUMN':
      if (!ctx.isNewColumn(table, node.subname ?? ''))
        emit({
          ruleId: 'compat/rename-column',
          tables: [table],
          message: `Column ${table}.${node.subname} is renamed to ${node.newname}; running application versions still use the old name.`,
        });
      return;
    case 'OBJECT_SCHEMA':
      if (!ctx.isNewObject('schema', node.subname ?? ''))
        emit({
          ruleId: 'compat/rename-schema',
          tables: [],
          message: `Schema ${node.subname} is renamed to ${node.newname}; queries and search_path settings naming it break.`,
        });
      return;
    default:
      return;
  }
}

function alterEnum(node: AlterEnumStmt, env: StatementEnv, emit: Emit): void {
  const type = partsKey(nameParts(node.typeName), env.ctx.defaultSchema);
  if (env.ctx.isNewObject('type', type)) return;
  if (node.oldVal !== undefined) {
    emit({
      ruleId: 'compat/enum-rename-value',
      tables: [],
      message: `Enum ${type}: value '${node.oldVal}' is renamed to '${node.newVal}'; running application versions still send '${node.oldVal}'.`,
    });
  } else if (!node.newValNeighbor) {
    emit({
      ruleId: 'compat/enum-add-value-without-position',
      tables: [],
      message: `Enum ${type}: '${node.newVal}' is added without BEFORE/AFTER, so it sorts after every existing value.`,
    });
  }
}

function addColumn({ cmd, table, env, emit }: AlterArgs): void {
  const def = notNullColumnWithoutDefault(cmd, env.serverMajor);
  if (!def) return;
  emit({
    ruleId: 'compat/add-not-null-column-without-default',
    tables: [table],
    message: `${table}.${def.colname} is added NOT NULL without a default: the statement fails if ${table} has rows, and running application versions cannot insert.`,
  });
}

export const compat: RuleFamily = {
  rules: COMPAT_RULES,
  statements: { RenameStmt: rename, AlterEnumStmt: alterEnum },
  alterTable: { AT_AddColumn: addColumn },
};
