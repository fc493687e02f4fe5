/**
 * Data rules: changes that fail on the rows already in the table (duplicates, NULLs, CHECK and
 * foreign-key violations). Each candidate carries a read-only data check, run when a database
 * is given; without one the finding is a notice that the data was not checked.
 */
import type { Constraint, IndexStmt } from 'libpg-query';
import { pgQuery } from '../../sql/parser.js';
import { charOffset, checkExpressionText, notNullColumnWithoutDefault } from '../expressions.js';
import { constraintName, nameParts } from '../names.js';
import { nodeOf, nodesOf } from '../nodes.js';
import { EXISTING_ORGS, EXISTING_USERS, rule, type AlterArgs, type Emit, type RuleFamily, type StatementEnv } from '../rule.js';

export const DATA_RULES = [
  rule({
    id: 'data/duplicate-values',
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
    example: {
      existing: EXISTING_USERS,
      bad: [
        'CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);',
        'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);',
        'CREATE UNIQUE INDEX users_lower_email_key ON users (lower(email));',
      ],
      good: ['CREATE INDEX CONCURRENTLY users_email_idx ON users (email);'],
    },
  }),
  rule({
    id: 'data/null-values',
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
    example: {
      existing: EXISTING_USERS,
      bad: ['ALTER TABLE users ALTER COLUMN email SET NOT NULL;', 'ALTER TABLE users ADD COLUMN plan text NOT NULL;'],
      good: ["ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';"],
    },
  }),
  rule({
    id: 'data/check-violations',
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
      bad: [
        'ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT users_age_check;',
        'ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0);',
      ],
      good: ['ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0) NOT VALID;'],
    },
  }),
  rule({
    id: 'data/foreign-key-violations',
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
      bad: [
        'ALTER TABLE users ADD CONSTRAINT users_org_fkey FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT users_org_fkey;',
        'ALTER TABLE users ADD CONSTRAINT users_org_fkey FOREIGN KEY (org_id) REFERENCES orgs (id);',
      ],
      good: ['ALTER TABLE users ADD CONSTRAINT users_org_fkey FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID;'],
    },
  }),
];

function uniqueIndex(node: IndexStmt, env: StatementEnv, emit: Emit): void {
  const table = env.ctx.key(node.relation);
  if (env.ctx.isNewTable(table) || !node.unique) return;
  const elements = nodesOf(node.indexParams, 'IndexElem');
  const columns = elements.map((e) => e.name).filter((n): n is string => typeof n === 'string');
  const unverifiable = columns.length !== elements.length || node.whereClause;
  emit({
    ruleId: 'data/duplicate-values',
    tables: [table],
    message: `Unique index ${node.idxname ?? ''} on ${table} fails if existing rows hold duplicates.`,
    dataCheck: unverifiable
      ? { kind: 'unverifiable', table, ruleId: 'data/duplicate-values', why: 'an expression or partial index' }
      : { kind: 'unique', table, columns, nullsNotDistinct: !!node.nulls_not_distinct },
  });
}

/** The expression text only if it parses as exactly one expression (it is run in a SELECT later). */
function singleExpression(text: string | undefined): string | undefined {
  if (!text) return undefined;
  try {
    return pgQuery().parseSync(`SELECT 1 WHERE NOT (${text})`).stmts?.length === 1 ? text : undefined;
  } catch {
    return undefined;
  }
}

function checkData({ table, env, emit }: AlterArgs, constraint: Constraint): void {
  const offset = charOffset(env.sql, Math.max(0, Number(constraint.location ?? 0)), env.isAscii);
  const expression = singleExpression(checkExpressionText(env.sql, offset));
  emit({
    ruleId: 'data/check-violations',
    tables: [table],
    message: `CHECK ${constraint.conname ?? ''} on ${table} fails if existing rows violate ${expression ?? 'it'}.`,
    dataCheck: expression
      ? { kind: 'check', table, expression }
      : { kind: 'unverifiable', table, ruleId: 'data/check-violations', why: 'the expression could not be read' },
  });
}

function foreignKeyData({ table, env, emit }: AlterArgs, constraint: Constraint, message: (refTable: string) => string): void {
  const refTable = env.ctx.key(constraint.pktable);
  const columns = nameParts(constraint.fk_attrs);
  emit({
    ruleId: 'data/foreign-key-violations',
    tables: [table],
    message: message(refTable),
    dataCheck: { kind: 'fk', table, columns, refTable, refColumns: nameParts(constraint.pk_attrs), refIsNew: env.ctx.isNewTable(refTable) },
  });
}

function addConstraint(args: AlterArgs): void {
  const { cmd, table, emit } = args;
  const constraint = nodeOf(cmd.def, 'Constraint');
  if (!constraint) return;
  switch (constraint.contype) {
    case 'CONSTR_UNIQUE':
    case 'CONSTR_PRIMARY': {
      if (constraint.indexname) return; // USING INDEX: the unique index was checked when it was built
      const isPk = constraint.contype === 'CONSTR_PRIMARY';
      const columns = nameParts(constraint.keys);
      emit({
        ruleId: 'data/duplicate-values',
        tables: [table],
        message: `${isPk ? 'PRIMARY KEY' : 'UNIQUE'} ${constraintName(table, constraint)} on ${table} (${columns.join(', ')}) fails if existing rows hold duplicates.`,
        dataCheck: { kind: 'unique', table, columns, nullsNotDistinct: isPk || !!constraint.nulls_not_distinct },
      });
      return;
    }
    case 'CONSTR_FOREIGN':
      if (!constraint.skip_validation)
        foreignKeyData(
          args,
          constraint,
          (ref) => `Foreign key on ${table} (${nameParts(constraint.fk_attrs).join(', ')}) fails if rows reference missing ${ref} rows.`,
        );
      return;
    case 'CONSTR_CHECK':
      if (!constraint.skip_validation) checkData(args, constraint);
      return;
    default:
      return;
  }
}

function validateConstraint(args: AlterArgs): void {
  const { cmd, table, env } = args;
  const known = env.ctx.constraint(table, cmd.name ?? '');
  if (known?.node.contype === 'CONSTR_CHECK') checkData(args, known.node);
  if (known?.node.contype === 'CONSTR_FOREIGN')
    foreignKeyData(args, known.node, (ref) => `Validating ${cmd.name} on ${table} fails if rows reference missing ${ref} rows.`);
}

function setNotNull({ cmd, table, env, emit }: AlterArgs): void {
  const column = cmd.name ?? '';
  const state = env.ctx.column(table, column);
  emit({
    ruleId: 'data/null-values',
    tables: [table],
    message: `SET NOT NULL on ${table}.${column} fails if any row holds NULL.`,
    dataCheck: state?.isNew ? (state.hasDefault ? undefined : { kind: 'has-rows', table, column }) : { kind: 'not-null', table, column },
  });
}

function addColumn({ cmd, table, env, emit }: AlterArgs): void {
  const def = notNullColumnWithoutDefault(cmd, env.serverMajor);
  if (!def) return;
  emit({
    ruleId: 'data/null-values',
    tables: [table],
    message: `${table}.${def.colname} is added NOT NULL without a default: every existing row of ${table} would hold NULL.`,
    dataCheck: { kind: 'has-rows', table, column: def.colname ?? '' },
  });
}

export const data: RuleFamily = {
  rules: DATA_RULES,
  statements: { IndexStmt: uniqueIndex },
  alterTable: {
    AT_AddColumn: addColumn,
    AT_AddConstraint: addConstraint,
    AT_ValidateConstraint: validateConstraint,
    AT_SetNotNull: setNotNull,
  },
};
