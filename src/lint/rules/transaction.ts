/**
 * Transaction rules: statements PostgreSQL refuses inside a transaction block that the engine
 * would run inside one, BEGIN/COMMIT written in the file, and timeouts the migration overrides.
 */
import type { TransactionStmt, VariableSetStmt } from 'libpg-query';
import type { SqlStatement } from '../../sql/parser.js';
import { isZeroSetting } from '../expressions.js';
import { rule, type Candidate, type Emit, type MigrationView, type RuleFamily, type StatementEnv } from '../rule.js';

export const TRANSACTION_RULES = [
  rule({
    id: 'transaction/concurrently-in-transaction',
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
      bad: [
        'BEGIN;\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);\nCOMMIT;',
        'BEGIN;\nDROP INDEX CONCURRENTLY users_email_idx;\nCOMMIT;',
        'START TRANSACTION;\nREINDEX INDEX CONCURRENTLY users_email_idx;\nCOMMIT;',
      ],
      good: ['CREATE INDEX CONCURRENTLY users_email_idx ON users (email);', 'DROP INDEX CONCURRENTLY users_email_idx;'],
    },
  }),
  rule({
    id: 'transaction/timeout-override',
    severity: 'warning',
    scope: 'any',
    scalable: false,
    title: 'Migration overrides lock_timeout / statement_timeout',
    flags:
      'SET (LOCAL) lock_timeout, statement_timeout or idle_in_transaction_session_timeout in a migration. With the built-in engine any override (the engine sets them from the prod-deploy inputs); with the Prisma CLI only turning them off (0).',
    blocks: 'Without a lock timeout, a DDL statement waiting for its lock queues every later query on the table behind it.',
    safe: 'Let the engine set the timeouts (prod-deploy inputs lock-timeout / statement-timeout); raise them there for one deploy if a migration needs it.',
    prisma: "With the Prisma CLI, start the migration.sql with `SET lock_timeout = '5s';` instead of turning timeouts off.",
    example: {
      bad: ['SET lock_timeout = 0;', "SET statement_timeout = '1h';", 'RESET lock_timeout;'],
      good: ['CREATE TABLE t (id bigint);'],
    },
  }),
  rule({
    id: 'transaction/explicit-transaction-control',
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
    example: {
      bad: ['BEGIN;\nCREATE TABLE t (id bigint);\nCOMMIT;', 'CREATE TABLE t (id bigint);\nCOMMIT;', 'BEGIN;\nCREATE TABLE t (id bigint);'],
      good: ['CREATE TABLE t (id bigint);'],
    },
  }),
];

const TIMEOUT_SETTINGS = new Set(['lock_timeout', 'statement_timeout', 'idle_in_transaction_session_timeout']);

function timeoutOverride(node: VariableSetStmt, env: StatementEnv, emit: Emit, statement: SqlStatement): void {
  // The Prisma CLI sets no timeouts, so only turning them off is an override there.
  if (!TIMEOUT_SETTINGS.has(node.name ?? '') || (env.engine === 'prisma' && !isZeroSetting(statement))) return;
  emit({
    ruleId: 'transaction/timeout-override',
    tables: [],
    message: `The migration sets ${node.name}${node.kind === 'VAR_RESET' ? ' back to its default' : ''}, overriding the value the deploy configured.`,
  });
}

function transactionControl(node: TransactionStmt, _env: StatementEnv, emit: Emit): void {
  emit({
    ruleId: 'transaction/explicit-transaction-control',
    tables: [],
    message: `${String(node.kind ?? '').replace('TRANS_STMT_', '')} in a migration file interferes with the engine's own transaction around the migration.`,
  });
}

function transactionBlocks({ statements, engine }: MigrationView): Candidate[] {
  const out: Candidate[] = [];
  const open: SqlStatement[] = [];
  const add = (ruleId: Candidate['ruleId'], statement: SqlStatement, message: string) =>
    out.push({ ruleId, statement, message, tables: [] });
  for (const statement of statements) {
    const control = statement.transactionControl;
    if (control === 'BEGIN' || control === 'START') open.push(statement);
    else if ((control === 'COMMIT' || control === 'ROLLBACK' || control === 'PREPARE') && !open.pop())
      add(
        'transaction/explicit-transaction-control',
        statement,
        `${control} on line ${statement.line} ends a transaction the file never began: it ends the engine's own transaction early.`,
      );
    if (statement.transactional) continue;
    const why = open.length
      ? `it is inside the transaction begun on line ${open[open.length - 1].line}`
      : engine === 'prisma' && statements.length > 1
        ? `the Prisma CLI sends the whole file (${statements.length} statements) as one transaction; put this statement alone in its own migration`
        : undefined;
    if (why)
      add(
        'transaction/concurrently-in-transaction',
        statement,
        `${statement.nonTransactionalReason ?? 'This statement cannot run in a transaction block'}, and ${why}.`,
      );
  }
  for (const statement of open)
    add(
      'transaction/explicit-transaction-control',
      statement,
      `The transaction begun on line ${statement.line} is never committed in this file.`,
    );
  return out;
}

export const transaction: RuleFamily = {
  rules: TRANSACTION_RULES,
  statements: { VariableSetStmt: timeoutOverride, TransactionStmt: transactionControl },
  migration: transactionBlocks,
};
