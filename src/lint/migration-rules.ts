/**
 * Rules that need the whole migration: transaction semantics of the engine, backfills mixed
 * with DDL, and (Prisma CLI) heavy locks taken before any lock_timeout.
 */
import type { SqlStatement } from '../sql/parser.js';
import { isZeroSetting, type Candidate } from './analyze.js';
import { ruleOrThrow } from './rules.js';
import type { Engine } from './types.js';

const HEAVY_LOCKS = new Set(['ACCESS EXCLUSIVE', 'SHARE', 'SHARE ROW EXCLUSIVE']);
const DDL_KINDS = new Set(['AlterTableStmt', 'IndexStmt', 'RenameStmt']);

export function migrationRules(
  statements: SqlStatement[],
  perStatement: Candidate[][],
  existingTargets: Array<string | undefined>,
  engine: Engine,
): Candidate[] {
  return [
    ...transactionRules(statements, engine),
    ...backfills(statements, existingTargets),
    ...(engine === 'prisma' ? missingLockTimeout(statements, perStatement) : []),
  ];
}

function transactionRules(statements: SqlStatement[], engine: Engine): Candidate[] {
  const out: Candidate[] = [];
  const open: SqlStatement[] = [];
  for (const statement of statements) {
    const control = statement.transactionControl;
    if (control === 'BEGIN' || control === 'START') open.push(statement);
    else if (control === 'COMMIT' || control === 'ROLLBACK' || control === 'PREPARE') {
      if (!open.pop())
        out.push(
          candidate(
            'transaction/explicit-transaction-control',
            statement,
            `${control} on line ${statement.line} ends a transaction the file never began: it ends the engine's own transaction early.`,
          ),
        );
    }
    if (statement.transactional) continue;
    const why = open.length
      ? `it is inside the transaction begun on line ${open[open.length - 1].line}`
      : engine === 'prisma' && statements.length > 1
        ? `the Prisma CLI sends the whole file (${statements.length} statements) as one transaction; put this statement alone in its own migration`
        : undefined;
    if (why)
      out.push(
        candidate(
          'transaction/concurrently-in-transaction',
          statement,
          `${statement.nonTransactionalReason ?? 'This statement cannot run in a transaction block'}, and ${why}.`,
        ),
      );
  }
  for (const statement of open)
    out.push(
      candidate(
        'transaction/explicit-transaction-control',
        statement,
        `The transaction begun on line ${statement.line} is never committed in this file.`,
      ),
    );
  return out;
}

function isBackfill(statement: SqlStatement): boolean {
  if (statement.kind === 'UpdateStmt' || statement.kind === 'DeleteStmt') return true;
  return statement.kind === 'InsertStmt' && !!statement.node.selectStmt?.SelectStmt?.fromClause;
}

function backfills(statements: SqlStatement[], existingTargets: Array<string | undefined>): Candidate[] {
  const hasDdl = statements.some((s, i) => existingTargets[i] && DDL_KINDS.has(s.kind));
  if (!hasDdl) return [];
  return statements
    .map((s, i) => ({ s, table: existingTargets[i] }))
    .filter(({ s, table }) => table && isBackfill(s))
    .map(({ s, table }) => ({
      ...candidate(
        'lock/backfill-in-ddl-migration',
        s,
        `This change to the rows of ${table} runs in the same transaction as schema changes to existing tables: their locks are held until it finishes.`,
      ),
      tables: [table as string],
    }));
}

function isLockTimeoutSet(statement: SqlStatement): boolean {
  if (statement.kind !== 'VariableSetStmt' || statement.node.name !== 'lock_timeout') return false;
  return !isZeroSetting(statement);
}

function missingLockTimeout(statements: SqlStatement[], perStatement: Candidate[][]): Candidate[] {
  const setAt = statements.findIndex(isLockTimeoutSet);
  const heavy = perStatement.flat().find((c) => {
    const rule = ruleOrThrow(c.ruleId);
    return rule.scope === 'existing' && rule.lock && HEAVY_LOCKS.has(rule.lock) && (setAt < 0 || c.statement.index < setAt);
  });
  if (!heavy) return [];
  return [
    {
      ...candidate(
        'lock/missing-lock-timeout',
        heavy.statement,
        `This statement takes ${ruleOrThrow(heavy.ruleId).lock} on ${heavy.tables.join(', ') || 'an existing table'} with no lock_timeout set: while it waits for the lock, every later query on the table waits behind it.`,
      ),
      tables: heavy.tables,
      replacement: `SET lock_timeout = '5s';\n${heavy.statement.text}`,
    },
  ];
}

function candidate(ruleId: string, statement: SqlStatement, message: string): Candidate {
  return { ruleId, statement, message, tables: [] };
}
