/**
 * Lock hazards of statements that rewrite a table or hold its lock for long: columns that fill
 * every row, type changes, VACUUM FULL / CLUSTER, persistence and access-method changes,
 * triggers, DETACH PARTITION, backfills next to DDL, and (Prisma CLI) no lock_timeout.
 */
import type { ClusterStmt, CreateTrigStmt, VacuumStmt } from 'libpg-query';
import type { SqlStatement } from '../../sql/parser.js';
import { isBinaryCoercible, isZeroSetting, newColumn } from '../expressions.js';
import { describeType, typeInfo } from '../names.js';
import { nodeOf, nodesOf } from '../nodes.js';
import { batchedReplacement } from './batch.js';
import {
  ACCESS_EXCLUSIVE_BLOCKS,
  CREATE_ONLY,
  EXISTING_USERS,
  rule,
  type AlterArgs,
  type Candidate,
  type Emit,
  type MigrationView,
  type RuleFamily,
  type StatementEnv,
} from '../rule.js';

export const LOCK_TABLE_RULES = [
  rule({
    id: 'lock/add-column-volatile-default',
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
      bad: [
        'ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();',
        'ALTER TABLE users ADD COLUMN joined_at timestamptz DEFAULT clock_timestamp();',
        'ALTER TABLE users ADD COLUMN seq bigserial;',
        'ALTER TABLE users ADD COLUMN n bigint GENERATED ALWAYS AS IDENTITY;',
      ],
      good: [
        'ALTER TABLE users ADD COLUMN token uuid;\nALTER TABLE users ALTER COLUMN token SET DEFAULT gen_random_uuid();',
        'ALTER TABLE users ADD COLUMN created_at timestamptz DEFAULT now();',
        "ALTER TABLE users ADD COLUMN plan text DEFAULT 'free';",
      ],
    },
  }),
  rule({
    id: 'lock/alter-column-type',
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
      bad: [
        'ALTER TABLE users ALTER COLUMN age TYPE bigint;',
        'ALTER TABLE users ALTER COLUMN name TYPE varchar(50);',
        'ALTER TABLE users ALTER COLUMN age TYPE text USING age::text;',
      ],
      good: ['ALTER TABLE users ADD COLUMN age_big bigint;', 'ALTER TABLE users ALTER COLUMN name TYPE text;'],
    },
  }),
  rule({
    id: 'lock/vacuum-full',
    severity: 'error',
    lock: 'ACCESS EXCLUSIVE',
    title: 'VACUUM FULL rewrites the table',
    flags: 'VACUUM FULL of an existing table (or of the whole database).',
    blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held for the whole rewrite.`,
    safe: 'Use pg_repack, or plain VACUUM; schedule rewrites outside migrations.',
    prisma: 'Do not put VACUUM FULL in migration.sql; run maintenance separately.',
    example: {
      existing: EXISTING_USERS,
      bad: ['VACUUM FULL users;', 'VACUUM (FULL, ANALYZE) users;', 'VACUUM FULL;'],
      good: ['VACUUM users;', 'VACUUM (ANALYZE) users;'],
    },
  }),
  rule({
    id: 'lock/cluster',
    severity: 'error',
    lock: 'ACCESS EXCLUSIVE',
    title: 'CLUSTER rewrites the table',
    flags: 'CLUSTER of an existing table.',
    blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held for the whole rewrite.`,
    safe: 'Use pg_repack; schedule rewrites outside migrations.',
    prisma: 'Do not put CLUSTER in migration.sql.',
    example: {
      existing: `${EXISTING_USERS}\nCREATE INDEX users_name_idx ON users (name);`,
      bad: ['CLUSTER users USING users_name_idx;', 'CLUSTER users;'],
      good: ['CREATE TABLE t (id bigint PRIMARY KEY);\nCLUSTER t USING t_pkey;'],
    },
  }),
  rule({
    id: 'lock/detach-partition-non-concurrent',
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
      bad: ['ALTER TABLE events DETACH PARTITION events_2020;'],
      good: ['ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;'],
    },
  }),
  rule({
    id: 'lock/set-logged-unlogged',
    severity: 'error',
    lock: 'ACCESS EXCLUSIVE',
    title: 'SET LOGGED / SET UNLOGGED rewrites the table',
    flags: 'ALTER TABLE … SET LOGGED or SET UNLOGGED on an existing table.',
    blocks: `${ACCESS_EXCLUSIVE_BLOCKS} UNLOGGED tables are also emptied after a crash and not replicated.`,
    safe: 'Decide persistence when creating the table; otherwise schedule the rewrite deliberately.',
    prisma: 'Hand-written in migration.sql; schedule deliberately.',
    example: {
      existing: EXISTING_USERS,
      bad: ['ALTER TABLE users SET UNLOGGED;', 'ALTER TABLE users SET LOGGED;'],
      good: [],
    },
  }),
  rule({
    id: 'lock/set-access-method',
    severity: 'error',
    lock: 'ACCESS EXCLUSIVE',
    title: 'SET ACCESS METHOD rewrites the table',
    flags: 'ALTER TABLE … SET ACCESS METHOD on an existing table.',
    blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held for the whole rewrite.`,
    safe: 'Schedule the rewrite deliberately, or create a new table and move the data.',
    prisma: 'Hand-written in migration.sql; schedule deliberately.',
    example: {
      existing: EXISTING_USERS,
      bad: ['ALTER TABLE users SET ACCESS METHOD heap;'],
      good: [],
    },
  }),
  rule({
    id: 'lock/create-trigger',
    severity: 'warning',
    lock: 'SHARE ROW EXCLUSIVE',
    title: 'Trigger added to an existing table',
    flags: 'CREATE TRIGGER on an existing table.',
    blocks: 'Writes to the table while the trigger is created; afterwards every write runs the trigger function.',
    safe: 'Review the trigger function and its cost per row; set a lock_timeout.',
    prisma: 'Hand-written in migration.sql; keep the function change and the trigger in the same migration.',
    example: {
      existing: EXISTING_USERS,
      bad: [
        'CREATE TRIGGER users_audit AFTER UPDATE ON users FOR EACH ROW EXECUTE FUNCTION audit();',
        'CREATE TRIGGER users_touch BEFORE INSERT OR UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();',
      ],
      good: ['CREATE TABLE t (id bigint);\nCREATE TRIGGER t_audit AFTER UPDATE ON t FOR EACH ROW EXECUTE FUNCTION audit();'],
    },
  }),
  rule({
    id: 'lock/backfill-in-ddl-migration',
    severity: 'warning',
    lock: 'ROW EXCLUSIVE',
    title: 'Data backfill in the same migration as schema changes',
    flags: 'UPDATE / INSERT … SELECT / DELETE on an existing table in a migration that also changes the schema of an existing table.',
    blocks:
      'The DDL locks (often ACCESS EXCLUSIVE) are held until the backfill finishes, because the migration is one transaction; the backfill also writes a burst of WAL.',
    safe: 'Put `-- prisma-migrate-actions: batch size=5000 pause=50ms` directly above the UPDATE/DELETE: the built-in engine commits the schema changes first, then runs the backfill in batches of its own short transactions, resumable after a crash. Or run the backfill outside the schema migration, in batches, between the expand and the contract migrations.',
    prisma:
      'Split: one migration adds the column, a script (or a separate data migration) backfills in batches, a later migration adds NOT NULL.',
    example: {
      existing: EXISTING_USERS,
      bad: [
        "ALTER TABLE users ADD COLUMN plan text;\nUPDATE users SET plan = 'free' WHERE plan IS NULL;",
        'ALTER TABLE users ADD COLUMN plan text;\nDELETE FROM users WHERE email IS NULL;',
        'ALTER TABLE users ADD COLUMN plan text;\nUPDATE users SET email = lower(email) WHERE email <> lower(email);',
      ],
      good: [
        "ALTER TABLE users ADD COLUMN plan text;\n-- prisma-migrate-actions: batch size=5000 pause=50ms\nUPDATE users SET plan = 'free' WHERE plan IS NULL;",
        'ALTER TABLE users ADD COLUMN plan text;',
        "UPDATE users SET name = 'x' WHERE name IS NULL;",
      ],
    },
  }),
  rule({
    id: 'lock/missing-lock-timeout',
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
      bad: ['ALTER TABLE users DROP COLUMN name;', 'CREATE INDEX users_name_idx ON users (name);'],
      good: [
        "SET lock_timeout = '5s';\nALTER TABLE users DROP COLUMN name;",
        "SET lock_timeout = '5s';\nCREATE INDEX users_name_idx ON users (name);",
      ],
    },
  }),
];

function addColumn({ cmd, table, env, emit }: AlterArgs): void {
  const def = nodeOf(cmd.def, 'ColumnDef');
  const rewrite = def && newColumn(def, env.serverMajor).rewrite;
  if (!def || !rewrite) return;
  emit({
    ruleId: 'lock/add-column-volatile-default',
    tables: [table],
    message: `Adding ${table}.${def.colname} rewrites ${table} under ACCESS EXCLUSIVE: ${rewrite}.`,
  });
}

function alterColumnType({ cmd, table, env, emit }: AlterArgs): void {
  const def = nodeOf(cmd.def, 'ColumnDef');
  const to = typeInfo(def?.typeName);
  const from = env.ctx.column(table, cmd.name ?? '')?.type;
  if (to && from && !def?.raw_default && isBinaryCoercible(from, to)) return;
  const why = def?.raw_default
    ? 'a USING expression always rewrites'
    : from
      ? `${describeType(from)} → ${describeType(to)} is not binary-coercible`
      : `the column's current type is not known to the linter, so ${describeType(to)} is assumed to need a rewrite`;
  emit({
    ruleId: 'lock/alter-column-type',
    tables: [table],
    message: `ALTER COLUMN ${cmd.name} TYPE rewrites ${table} and its indexes under ACCESS EXCLUSIVE: ${why}.`,
  });
}

function vacuum(node: VacuumStmt, env: StatementEnv, emit: Emit): void {
  const full = nodesOf(node.options, 'DefElem').some((o) => o.defname === 'full');
  if (!node.is_vacuumcmd || !full) return;
  const tables = nodesOf(node.rels, 'VacuumRelation').map((r) => env.ctx.key(r.relation));
  const existing = tables.filter((t) => !env.ctx.isNewTable(t));
  if (tables.length && !existing.length) return;
  emit({
    ruleId: 'lock/vacuum-full',
    tables: existing,
    message: `VACUUM FULL rewrites ${existing.length ? existing.join(', ') : 'every table in the database'} under ACCESS EXCLUSIVE.`,
  });
}

function cluster(node: ClusterStmt, env: StatementEnv, emit: Emit): void {
  const table = node.relation ? env.ctx.key(node.relation) : undefined;
  if (table && env.ctx.isNewTable(table)) return;
  emit({
    ruleId: 'lock/cluster',
    tables: table ? [table] : [],
    message: `CLUSTER rewrites ${table ?? 'every clustered table'} under ACCESS EXCLUSIVE.`,
  });
}

function createTrigger(node: CreateTrigStmt, env: StatementEnv, emit: Emit): void {
  const table = env.ctx.key(node.relation);
  if (env.ctx.isNewTable(table)) return;
  emit({
    ruleId: 'lock/create-trigger',
    tables: [table],
    message: `Trigger ${node.trigname} is added to ${table}; creating it blocks writes, and every later write runs it.`,
  });
}

const HEAVY_LOCKS = new Set(['ACCESS EXCLUSIVE', 'SHARE', 'SHARE ROW EXCLUSIVE']);
const DDL_KINDS = new Set(['AlterTableStmt', 'IndexStmt', 'RenameStmt']);

function isBackfill(statement: SqlStatement): boolean {
  if (statement.kind === 'UpdateStmt' || statement.kind === 'DeleteStmt') return true;
  return statement.kind === 'InsertStmt' && !!nodeOf(statement.node.selectStmt, 'SelectStmt')?.fromClause;
}

function backfills({ statements, existingTargets, directives, engine }: MigrationView): Candidate[] {
  if (!statements.some((s, i) => existingTargets[i] && DDL_KINDS.has(s.kind))) return [];
  // The built-in engine runs a batched statement after the DDL before it has committed.
  const batched = new Set(engine === 'builtin' ? directives.batched.map((b) => b.statement.index) : []);
  return statements.flatMap((statement, i): Candidate[] => {
    const table = existingTargets[i];
    if (!table || !isBackfill(statement) || batched.has(statement.index)) return [];
    return [
      {
        ruleId: 'lock/backfill-in-ddl-migration',
        statement,
        tables: [table],
        message: `This change to the rows of ${table} runs in the same transaction as schema changes to existing tables: their locks are held until it finishes.`,
        replacementFor: engine === 'builtin' ? batchedReplacement(statement) : undefined,
      },
    ];
  });
}

function isLockTimeoutSet(statement: SqlStatement): boolean {
  return statement.kind === 'VariableSetStmt' && statement.node.name === 'lock_timeout' && !isZeroSetting(statement);
}

/** With the Prisma CLI (which sets no lock_timeout), the first heavy lock taken before one is set. */
function missingLockTimeout({ statements, perStatement, engine, rules }: MigrationView): Candidate[] {
  if (engine !== 'prisma') return [];
  const setAt = statements.findIndex(isLockTimeoutSet);
  const heavy = perStatement.flat().find((c) => {
    const found = rules.get(c.ruleId);
    return found?.scope === 'existing' && found.lock && HEAVY_LOCKS.has(found.lock) && (setAt < 0 || c.statement.index < setAt);
  });
  if (!heavy) return [];
  return [
    {
      ruleId: 'lock/missing-lock-timeout',
      statement: heavy.statement,
      tables: heavy.tables,
      message: `This statement takes ${rules.get(heavy.ruleId)?.lock} on ${heavy.tables.join(', ') || 'an existing table'} with no lock_timeout set: while it waits for the lock, every later query on the table waits behind it.`,
      replacement: `SET lock_timeout = '5s';\n${heavy.statement.text}`,
    },
  ];
}

const rewrites =
  (ruleId: 'lock/set-logged-unlogged' | 'lock/set-access-method', text: (table: string) => string) =>
  ({ table, emit }: AlterArgs) =>
    emit({ ruleId, tables: [table], message: text(table) });

export const lockTable: RuleFamily = {
  rules: LOCK_TABLE_RULES,
  statements: { VacuumStmt: vacuum, ClusterStmt: cluster, CreateTrigStmt: createTrigger },
  alterTable: {
    AT_AddColumn: addColumn,
    AT_AlterColumnType: alterColumnType,
    AT_DetachPartition: ({ cmd, table, emit, statement, single }) => {
      if (nodeOf(cmd.def, 'PartitionCmd')?.concurrent) return;
      emit({
        ruleId: 'lock/detach-partition-non-concurrent',
        tables: [table],
        message: `DETACH PARTITION takes ACCESS EXCLUSIVE on ${table}.`,
        replacement: single ? `${statement.text} CONCURRENTLY` : undefined,
      });
    },
    AT_SetLogged: rewrites('lock/set-logged-unlogged', (t) => `SET LOGGED rewrites ${t} under ACCESS EXCLUSIVE.`),
    AT_SetUnLogged: rewrites(
      'lock/set-logged-unlogged',
      (t) => `SET UNLOGGED rewrites ${t} under ACCESS EXCLUSIVE; afterwards it is emptied on crash and not replicated.`,
    ),
    AT_SetAccessMethod: rewrites('lock/set-access-method', (t) => `SET ACCESS METHOD rewrites ${t} under ACCESS EXCLUSIVE.`),
  },
  migration: (view) => [...backfills(view), ...missingLockTimeout(view)],
};
