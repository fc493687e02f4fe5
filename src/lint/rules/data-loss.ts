/** Data-loss rules: objects and rows that existed before the change set and are dropped or overwritten. */
import type { DeleteStmt, DropStmt, TruncateStmt, UpdateStmt } from 'libpg-query';
import { nameParts, partsKey } from '../names.js';
import { nodesOf } from '../nodes.js';
import { ACCESS_EXCLUSIVE_BLOCKS, EXISTING_USERS, rule, type Emit, type RuleFamily, type StatementEnv } from '../rule.js';

export const DATA_LOSS_RULES = [
  rule({
    id: 'data-loss/drop-table',
    severity: 'error',
    lock: 'ACCESS EXCLUSIVE',
    title: 'DROP TABLE loses data',
    flags: 'DROP TABLE (or materialized view) of a table that existed before this change set.',
    blocks: 'Every query on the table; afterwards every application version still reading it fails.',
    safe: 'Stop using the table in a released application version first, back it up, and drop it in a later migration.',
    prisma:
      'Remove the model from schema.prisma only after the code using it is gone from production; the prod-deploy backup keeps a copy.',
    example: {
      existing: EXISTING_USERS,
      bad: ['DROP TABLE users;', 'DROP TABLE IF EXISTS users CASCADE;'],
      good: ['CREATE TABLE scratch (id bigint);\nDROP TABLE scratch;'],
    },
  }),
  rule({
    id: 'data-loss/drop-column',
    severity: 'error',
    lock: 'ACCESS EXCLUSIVE',
    title: 'DROP COLUMN loses data',
    flags: 'ALTER TABLE … DROP COLUMN of a column that existed before this change set.',
    blocks: 'Briefly every query on the table; afterwards application versions that still select the column fail.',
    safe: 'Stop reading and writing the column in a released version first (Prisma: remove the field), then drop it in a later migration.',
    prisma: 'Remove the field from schema.prisma in one release, and let the DROP COLUMN migration ship in the next.',
    example: {
      existing: EXISTING_USERS,
      bad: ['ALTER TABLE users DROP COLUMN name;', 'ALTER TABLE users DROP COLUMN IF EXISTS email, DROP COLUMN age;'],
      good: ['ALTER TABLE users ADD COLUMN tmp text;\nALTER TABLE users DROP COLUMN tmp;'],
    },
  }),
  rule({
    id: 'data-loss/drop-schema',
    severity: 'error',
    lock: 'ACCESS EXCLUSIVE',
    title: 'DROP SCHEMA loses every object in it',
    flags: 'DROP SCHEMA of a schema that existed before this change set.',
    blocks: 'Every object in the schema is gone; with CASCADE, objects elsewhere that depend on them too.',
    safe: 'Move or back up what the schema holds, stop using it, then drop it deliberately.',
    prisma: 'Remove the schema from `schemas = [...]` only after its models are gone from production.',
    example: {
      existing: 'CREATE SCHEMA reporting;',
      bad: ['DROP SCHEMA reporting CASCADE;', 'DROP SCHEMA IF EXISTS reporting;'],
      good: ['CREATE SCHEMA scratch;\nDROP SCHEMA scratch;'],
    },
  }),
  rule({
    id: 'data-loss/drop-sequence',
    severity: 'warning',
    lock: 'ACCESS EXCLUSIVE',
    title: 'DROP SEQUENCE breaks defaults that use it',
    flags: 'DROP SEQUENCE of a sequence that existed before this change set.',
    blocks: 'Inserts that call nextval() on it fail; its current value is lost.',
    safe: 'Remove the column defaults that use the sequence first, then drop it in a later migration.',
    prisma: 'Remove `@default(autoincrement())` in one release and the sequence in the next.',
    example: {
      existing: 'CREATE SEQUENCE order_number_seq;',
      bad: ['DROP SEQUENCE order_number_seq;', 'DROP SEQUENCE IF EXISTS order_number_seq CASCADE;'],
      good: ['CREATE SEQUENCE scratch_seq;\nDROP SEQUENCE scratch_seq;'],
    },
  }),
  rule({
    id: 'data-loss/truncate',
    severity: 'error',
    lock: 'ACCESS EXCLUSIVE',
    title: 'TRUNCATE empties tables (CASCADE: others too)',
    flags: 'TRUNCATE of an existing table; CASCADE also empties every table with a foreign key to it.',
    blocks: `${ACCESS_EXCLUSIVE_BLOCKS} All rows are gone.`,
    safe: 'Name every table explicitly, without CASCADE, and only when emptying them is the intent.',
    prisma: 'Keep data-destroying statements out of schema migrations; run them deliberately.',
    example: {
      existing: EXISTING_USERS,
      bad: ['TRUNCATE users CASCADE;', 'TRUNCATE TABLE users;'],
      good: ['CREATE TABLE staging (id bigint);\nTRUNCATE staging;'],
    },
  }),
  rule({
    id: 'data-loss/delete-without-where',
    severity: 'error',
    lock: 'ROW EXCLUSIVE',
    title: 'DELETE without WHERE',
    flags: 'DELETE without a WHERE clause on an existing table.',
    blocks: 'Concurrent updates of the deleted rows; all rows are gone.',
    safe: 'Write the WHERE clause that says which rows; delete large sets in batches outside the schema migration.',
    prisma: 'Keep data deletion out of migration.sql unless it is the intent; add a WHERE clause.',
    example: {
      existing: EXISTING_USERS,
      bad: ['DELETE FROM users;', 'DELETE FROM ONLY users;'],
      good: ['DELETE FROM users WHERE id < 0;'],
    },
  }),
  rule({
    id: 'data-loss/update-without-where',
    severity: 'warning',
    lock: 'ROW EXCLUSIVE',
    title: 'UPDATE without WHERE',
    flags: 'UPDATE without a WHERE clause on an existing table: every row is overwritten.',
    blocks: 'Concurrent writes to every row until the migration commits.',
    safe: 'Restrict it with WHERE (e.g. WHERE col IS NULL for a backfill) and run big backfills in batches.',
    prisma: 'Write the backfill with a WHERE clause, in batches outside the schema migration for large tables.',
    example: {
      existing: EXISTING_USERS,
      bad: ["UPDATE users SET name = 'x';", 'UPDATE users SET age = age + 1, name = upper(name);'],
      good: ["UPDATE users SET name = 'x' WHERE name IS NULL;"],
    },
  }),
];

function drop(node: DropStmt, env: StatementEnv, emit: Emit): void {
  const { ctx } = env;
  const objects = node.objects ?? [];
  const keys = objects.map((o) => partsKey(nameParts(o), ctx.defaultSchema));
  const cascade = node.behavior === 'DROP_CASCADE';
  switch (node.removeType) {
    case 'OBJECT_TABLE':
    case 'OBJECT_MATVIEW': {
      const existing = keys.filter((k) => !ctx.isNewTable(k));
      if (existing.length)
        emit({
          ruleId: 'data-loss/drop-table',
          tables: existing,
          message: `DROP removes ${existing.join(', ')} and all its rows; running application versions that use it fail.`,
        });
      return;
    }
    case 'OBJECT_SCHEMA': {
      const names = objects.map((o) => nameParts(o)[0]).filter((s) => !ctx.isNewObject('schema', s));
      if (names.length)
        emit({
          ruleId: 'data-loss/drop-schema',
          tables: [],
          message: `DROP SCHEMA removes ${names.join(', ')} and everything in it${cascade ? ' (CASCADE: and what depends on it)' : ''}.`,
        });
      return;
    }
    case 'OBJECT_SEQUENCE': {
      const existing = keys.filter((k) => !ctx.isNewObject('seq', k));
      if (existing.length)
        emit({
          ruleId: 'data-loss/drop-sequence',
          tables: [],
          message: `DROP SEQUENCE ${existing.join(', ')}: defaults calling nextval() on it fail and its position is lost.`,
        });
      return;
    }
    default:
      return;
  }
}

function truncate(node: TruncateStmt, env: StatementEnv, emit: Emit): void {
  const tables = nodesOf(node.relations, 'RangeVar')
    .map((r) => env.ctx.key(r))
    .filter((t) => !env.ctx.isNewTable(t));
  if (!tables.length) return;
  const cascade = node.behavior === 'DROP_CASCADE' ? ' CASCADE also empties every table with a foreign key to them.' : '';
  emit({ ruleId: 'data-loss/truncate', tables, message: `TRUNCATE removes every row of ${tables.join(', ')}.${cascade}` });
}

function withoutWhere(verb: 'DELETE' | 'UPDATE') {
  return (node: DeleteStmt | UpdateStmt, env: StatementEnv, emit: Emit): void => {
    const table = env.ctx.key(node.relation);
    if (env.ctx.isNewTable(table) || node.whereClause) return;
    emit({
      ruleId: verb === 'DELETE' ? 'data-loss/delete-without-where' : 'data-loss/update-without-where',
      tables: [table],
      message: `${verb} without WHERE ${verb === 'DELETE' ? 'removes' : 'overwrites'} every row of ${table}.`,
    });
  };
}

export const dataLoss: RuleFamily = {
  rules: DATA_LOSS_RULES,
  statements: { DropStmt: drop, TruncateStmt: truncate, DeleteStmt: withoutWhere('DELETE'), UpdateStmt: withoutWhere('UPDATE') },
  alterTable: {
    AT_DropColumn: ({ cmd, table, env, emit }) => {
      if (env.ctx.column(table, cmd.name ?? '')?.isNew) return;
      emit({
        ruleId: 'data-loss/drop-column',
        tables: [table],
        message: `Column ${table}.${cmd.name} and its data are dropped; running application versions that select it fail.`,
      });
    },
  },
};
