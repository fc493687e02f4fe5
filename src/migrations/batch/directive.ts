/**
 * The batch directive: `-- prisma-migrate-actions: batch size=5000 pause=50ms` on the line(s)
 * directly above one UPDATE or DELETE. It is a plain SQL comment, so the file (and its checksum)
 * stays what Prisma runs; this module finds it, checks its options and the statement it governs,
 * and reports mistakes with the file and line before anything runs.
 */
import type { ErrorCode } from '../../error-codes.js';
import { parseDuration } from '../../util/duration.js';
import { MigrateActionsError, type ErrorLocation } from '../../errors.js';
import { pgQuery, positionOf, type PgNode, type SqlStatement } from '../../sql/parser.js';

export const DIRECTIVE_PREFIX = 'prisma-migrate-actions:';
export const DEFAULT_BATCH_SIZE = 5000;
const MAX_BATCH_SIZE = 1_000_000;

export interface BatchDirective {
  /** Position of the directive comment in the file. */
  line: number;
  column: number;
  /** The comment as written. */
  text: string;
  size: number;
  pauseMs: number;
  /** The key column as written (default: the table's single-column primary key). */
  key?: string;
  /** Replication lag above which batches wait (only when pg_stat_replication is visible). */
  maxLagMs?: number;
  /** lock_timeout of each batch (default: the apply's lock timeout, else 5 s). */
  timeoutMs?: number;
}

export interface BatchTarget {
  kind: 'UPDATE' | 'DELETE';
  schema?: string;
  table: string;
  /** The name the statement's own WHERE uses for the table (its alias, else the table). */
  alias?: string;
  /** Columns the UPDATE assigns. */
  setColumns: string[];
  /** Character offset, in the statement's text, of its top-level WHERE keyword. */
  whereOffset?: number;
}

export interface BatchedStatement {
  directive: BatchDirective;
  target: BatchTarget;
  statement: SqlStatement;
}

export interface DirectiveSource {
  file?: string;
  migration?: string;
}

const DIRECTIVE_LINE = /^[ \t]*--[ \t]*prisma-migrate-actions:(.*)$/gm;
const OPTIONS = ['size', 'pause', 'key', 'max-lag', 'timeout'] as const;
type OptionName = (typeof OPTIONS)[number];

function directiveError(code: ErrorCode, message: string, where: ErrorLocation, remedy: string): MigrateActionsError {
  return new MigrateActionsError(code, message, { where, remedy });
}

const SYNTAX_REMEDY =
  'Write it as `-- prisma-migrate-actions: batch size=5000 pause=50ms` (optional key=<column>, max-lag=<duration>, timeout=<duration>) on the line directly above one UPDATE or DELETE.';

interface RawDirective {
  offset: number;
  line: number;
  column: number;
  text: string;
  /** Everything after `prisma-migrate-actions:` on each consecutive directive line. */
  body: string;
  end: number;
}

/** Directive comments outside statements; consecutive lines form one directive. */
function rawDirectives(sql: string, statements: SqlStatement[]): { raw: RawDirective[]; inside: RawDirective[] } {
  const raw: RawDirective[] = [];
  const inside: RawDirective[] = [];
  for (const match of sql.matchAll(DIRECTIVE_LINE)) {
    const offset = (match.index ?? 0) + match[0].indexOf('--');
    const end = (match.index ?? 0) + match[0].length;
    const owner = statements.find((s) => s.start <= offset && offset < s.end);
    const entry = { offset, ...positionOf(sql, offset), text: match[0].trim(), body: match[1], end };
    if (owner) {
      if (isCommentIn(owner, offset)) inside.push(entry);
      continue; // inside a string or dollar-quoted body: not a directive
    }
    const previous = raw.at(-1);
    if (previous && previous.line + previous.text.split('\n').length === entry.line) {
      previous.body += ` ${entry.body}`;
      previous.text += `\n${entry.text}`;
      previous.end = end;
    } else raw.push(entry);
  }
  return { raw, inside };
}

function isCommentIn(statement: SqlStatement, fileOffset: number): boolean {
  const local = Buffer.byteLength(statement.text.slice(0, fileOffset - statement.start));
  return pgQuery()
    .scanSync(statement.text)
    .tokens.some((t) => t.tokenName === 'SQL_COMMENT' && t.start <= local && local < t.end);
}

function parseOptions(raw: RawDirective, where: ErrorLocation): BatchDirective {
  const words = raw.body.trim().split(/\s+/).filter(Boolean);
  if (words[0] !== 'batch') {
    throw directiveError(
      'E_BATCH_DIRECTIVE',
      `Unknown prisma-migrate-actions directive "${words[0] ?? ''}": the only directive is "batch".`,
      where,
      SYNTAX_REMEDY,
    );
  }
  const seen = new Set<string>();
  const directive: BatchDirective = { line: raw.line, column: raw.column, text: raw.text, size: DEFAULT_BATCH_SIZE, pauseMs: 0 };
  for (const word of words.slice(1)) {
    const eq = word.indexOf('=');
    const name = (eq < 0 ? word : word.slice(0, eq)) as OptionName;
    const value = eq < 0 ? '' : word.slice(eq + 1);
    if (!OPTIONS.includes(name)) {
      throw directiveError('E_BATCH_DIRECTIVE', `Unknown batch option "${name}" (known: ${OPTIONS.join(', ')}).`, where, SYNTAX_REMEDY);
    }
    if (seen.has(name)) throw directiveError('E_BATCH_DIRECTIVE', `The batch option ${name} is given twice.`, where, SYNTAX_REMEDY);
    seen.add(name);
    applyOption(directive, name, value, where);
  }
  return directive;
}

function applyOption(directive: BatchDirective, name: OptionName, value: string, where: ErrorLocation): void {
  const bad = (expected: string) =>
    directiveError('E_BATCH_DIRECTIVE', `The batch option ${name}=${value} is not ${expected}.`, where, SYNTAX_REMEDY);
  const duration = (min: number): number => {
    const ms = parseDuration(value);
    if (ms === undefined || ms < min) throw bad(`a duration${min ? ' above 0' : ''} such as 50ms, 2s or 1m`);
    return ms;
  };
  switch (name) {
    case 'size': {
      const n = Number(value);
      if (!/^\d+$/.test(value) || n < 1 || n > MAX_BATCH_SIZE) throw bad(`a whole number of rows from 1 to ${MAX_BATCH_SIZE}`);
      directive.size = n;
      return;
    }
    case 'pause':
      directive.pauseMs = duration(0);
      return;
    case 'max-lag':
      directive.maxLagMs = duration(1);
      return;
    case 'timeout':
      directive.timeoutMs = duration(1);
      return;
    case 'key': {
      const key = /^"(.+)"$/.exec(value)?.[1]?.replace(/""/g, '"') ?? value;
      if (!key || !/^("[^"]+"|[^"\s]+)$/.test(value)) throw bad('a column name');
      directive.key = key;
    }
  }
}

const TARGET_REMEDY =
  'Batch a single-table `UPDATE t SET … WHERE …` or `DELETE FROM t WHERE …` (no FROM/USING, WITH or RETURNING), or remove the directive and run the statement whole.';

function columnNames(targetList: PgNode[] | undefined): string[] {
  return (targetList ?? []).map((t) => t.ResTarget?.name).filter((n): n is string => typeof n === 'string');
}

/** The table and WHERE of a statement the directive may govern; throws E_BATCH_TARGET otherwise. */
export function batchTarget(statement: SqlStatement, where: ErrorLocation): BatchTarget {
  const what = statement.kind.replace(/Stmt$/, '');
  const refuse = (why: string) =>
    new MigrateActionsError('E_BATCH_TARGET', `The batch directive cannot govern this statement: ${why}.`, {
      where: { ...where, line: statement.line, column: statement.column },
      remedy: TARGET_REMEDY,
    });
  if (statement.kind !== 'UpdateStmt' && statement.kind !== 'DeleteStmt')
    throw refuse(`it is ${/^[AEIOU]/.test(what) ? 'an' : 'a'} ${what} statement, not an UPDATE or DELETE`);
  const node = statement.node;
  const extra = node.fromClause?.length ? 'FROM' : node.usingClause?.length ? 'USING' : undefined;
  if (extra) throw refuse(`it reads other tables (${extra}); batches are taken from one table's key`);
  if (node.withClause) throw refuse('it has a WITH clause');
  if (node.returningList?.length || node.returningClause?.exprs?.length)
    throw refuse('it has RETURNING (its rows would come back batch by batch)');
  if (node.whereClause?.CurrentOfExpr) throw refuse('WHERE CURRENT OF needs a cursor');
  const relation = node.relation as PgNode;
  return {
    kind: statement.kind === 'UpdateStmt' ? 'UPDATE' : 'DELETE',
    schema: relation.schemaname,
    table: relation.relname,
    alias: relation.alias?.aliasname,
    setColumns: columnNames(node.targetList),
    whereOffset: node.whereClause ? topLevelWhere(statement.text) : undefined,
  };
}

/** The statement's own WHERE keyword: the one outside every parenthesis (subqueries have their own). */
function topLevelWhere(text: string): number | undefined {
  let depth = 0;
  for (const token of pgQuery().scanSync(text).tokens) {
    if (token.text === '(') depth++;
    else if (token.text === ')') depth--;
    else if (depth === 0 && token.text.toUpperCase() === 'WHERE') return Buffer.from(text).subarray(0, token.start).toString().length;
  }
  return undefined;
}

export interface DirectiveScan {
  batched: BatchedStatement[];
  /** Every mistake found, in file order (lint reports them all; apply throws the first). */
  errors: MigrateActionsError[];
}

/** Finds the batch directives of a parsed file and the statements they govern. */
export function scanBatchDirectives(sql: string, statements: SqlStatement[], source: DirectiveSource = {}): DirectiveScan {
  if (!sql.includes(DIRECTIVE_PREFIX)) return { batched: [], errors: [] };
  const { raw, inside } = rawDirectives(sql, statements);
  const errors: MigrateActionsError[] = [];
  const batched: BatchedStatement[] = [];
  const at = (d: { line: number; column: number }): ErrorLocation => ({ ...source, line: d.line, column: d.column });
  for (const d of inside)
    errors.push(
      directiveError(
        'E_BATCH_DIRECTIVE',
        'The batch directive is inside a statement; it must be on the line directly above the statement it governs.',
        at(d),
        SYNTAX_REMEDY,
      ),
    );
  const script = statements.find((s) => s.transactionControl);
  const claimed = new Set<number>();
  for (const d of raw) {
    try {
      const directive = parseOptions(d, at(d));
      const statement = statements.find((s) => s.start > d.offset);
      if (!statement)
        throw directiveError('E_BATCH_DIRECTIVE', 'The batch directive is not followed by a statement.', at(d), SYNTAX_REMEDY);
      if (claimed.has(statement.index))
        throw directiveError(
          'E_BATCH_DIRECTIVE',
          `The statement on line ${statement.line} has two batch directives.`,
          at(d),
          'Keep one directive per statement.',
        );
      if (script)
        throw directiveError(
          'E_BATCH_TARGET',
          `The file controls its own transactions (${script.transactionControl} on line ${script.line}), so a statement in it cannot run in batches.`,
          at(d),
          'Remove BEGIN/COMMIT from the file (the engine runs each part in its own transaction) or remove the directive.',
        );
      const target = batchTarget(statement, source);
      if (directive.key && target.setColumns.includes(directive.key)) throw keyAssigned(statement, directive.key, source);
      claimed.add(statement.index);
      batched.push({ directive, target, statement });
    } catch (error) {
      if (!(error instanceof MigrateActionsError)) throw error;
      errors.push(error);
    }
  }
  errors.sort((a, b) => (a.where?.line ?? 0) - (b.where?.line ?? 0));
  return { batched, errors };
}

export function keyAssigned(statement: SqlStatement, key: string, source: DirectiveSource): MigrateActionsError {
  return new MigrateActionsError('E_BATCH_KEY', `The batched UPDATE assigns its own batch key "${key}", so batches would move under it.`, {
    where: { ...source, line: statement.line, column: statement.column },
    remedy: 'Batch on another unique, NOT NULL column (key=<column>), or run the statement whole.',
  });
}

/** As scanBatchDirectives, throwing the first mistake (apply: before anything runs). */
export function batchDirectives(sql: string, statements: SqlStatement[], source: DirectiveSource = {}): BatchedStatement[] {
  const scan = scanBatchDirectives(sql, statements, source);
  if (scan.errors.length) throw scan.errors[0];
  return scan.batched;
}
