/**
 * Silencing comments: `-- lint-ignore rule/id[, other/id]: reason` (or the same inside a block
 * comment) on the line above a statement, inside it, or after it on its last line.
 */
import { positionOf, type SqlStatement } from '../sql/parser.js';

export interface IgnoreComment {
  offset: number;
  line: number;
  column: number;
  text: string;
  rules: string[];
  reason?: string;
  /** Index of the statement it applies to, if any. */
  statementIndex?: number;
}

const IGNORE = /(?:--|\/\*)[ \t]*lint-ignore[ \t]+([\w/-]+(?:[ \t]*,[ \t]*[\w/-]+)*)[ \t]*(?::[ \t]*(.*?))?[ \t]*(?:\*\/|$)/gm;

export function parseIgnoreComments(sql: string, statements: SqlStatement[]): IgnoreComment[] {
  if (!sql.includes('lint-ignore')) return [];
  const comments: IgnoreComment[] = [];
  for (const match of sql.matchAll(IGNORE)) {
    const offset = match.index ?? 0;
    const reason = match[2]?.trim();
    comments.push({
      offset,
      ...positionOf(sql, offset),
      text: match[0].trim(),
      rules: match[1].split(',').map((r) => r.trim()),
      reason: reason || undefined,
      statementIndex: statementFor(sql, statements, offset),
    });
  }
  return comments;
}

function statementFor(sql: string, statements: SqlStatement[], offset: number): number | undefined {
  for (const statement of statements) {
    if (statement.end <= offset) {
      if (!sql.slice(statement.end, offset).includes('\n')) return statement.index; // trailing on its last line
      continue;
    }
    return statement.index;
  }
  return undefined;
}
