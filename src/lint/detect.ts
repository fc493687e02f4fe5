/**
 * Runs the rule families' detectors: per statement (by node type, and per ALTER TABLE
 * subcommand) and per migration file. Detectors propose candidates (rule id, message, tables,
 * replacement, data check); severity, configuration and silencing are applied later, in lint.ts.
 */
import type { AlterTableStmt } from 'libpg-query';
import type { SqlStatement } from '../sql/parser.js';
import { nodesOf, statementOf, type NodeKind } from './nodes.js';
import type { AlterArgs, Candidate, Emit, MigrationView, StatementEnv } from './rule.js';
import { FAMILIES } from './rules/index.js';

type AnyDetector = (node: unknown, env: StatementEnv, emit: Emit, statement: SqlStatement) => void;

/** Candidates for one statement (context not yet updated with the statement's own effects). */
export function analyzeStatement(statement: SqlStatement, env: StatementEnv): Candidate[] {
  const out: Candidate[] = [];
  const emit: Emit = (candidate) => out.push({ ...candidate, statement });
  const alter = statementOf(statement, 'AlterTableStmt');
  if (alter) alterTable(alter, env, emit, statement);
  for (const family of FAMILIES) {
    // The statement's node is the type its kind names: the one place that is taken on trust.
    const detector = family.statements?.[statement.kind as NodeKind] as AnyDetector | undefined;
    detector?.(statement.node, env, emit, statement);
  }
  return out;
}

function alterTable(node: AlterTableStmt, env: StatementEnv, emit: Emit, statement: SqlStatement): void {
  if (node.objtype && node.objtype !== 'OBJECT_TABLE' && node.objtype !== 'OBJECT_MATVIEW') return;
  const table = env.ctx.key(node.relation);
  const isNewTable = env.ctx.isNewTable(table);
  const cmds = nodesOf(node.cmds, 'AlterTableCmd');
  for (const cmd of cmds) {
    if (!cmd.subtype) continue;
    const args: AlterArgs = { cmd, table, env, emit, statement, single: cmds.length === 1 };
    for (const family of FAMILIES) {
      family.alterAnyTable?.[cmd.subtype]?.(args);
      if (!isNewTable) family.alterTable?.[cmd.subtype]?.(args);
    }
  }
}

/** Candidates that need the whole file (transaction blocks, backfills, lock timeouts). */
export function analyzeMigration(view: MigrationView): Candidate[] {
  return FAMILIES.flatMap((family) => family.migration?.(view) ?? []);
}
