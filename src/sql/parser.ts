/**
 * SQL statements split and parsed by PostgreSQL's own parser (libpg-query, WebAssembly).
 * Every statement keeps its exact source text and its position (line, column) in the file,
 * and says whether PostgreSQL lets it run inside a transaction block.
 */
import v8 from 'node:v8';
import { MigrateActionsError } from '../errors.js';
import { WASM_BASELINE_FLAGS } from '../util/wasm-tiering.js';

/** A parse-tree node as libpg-query returns it: `{ NodeType: { ...fields } }`. */
export type PgNode = Record<string, any>;

export interface SqlStatement {
  /** 0-based index in the file. */
  index: number;
  /** The statement's source text, without the terminating semicolon. */
  text: string;
  /** Character offsets of `text` in the file. */
  start: number;
  end: number;
  /** 1-based line and column where the statement starts, and the line where it ends. */
  line: number;
  column: number;
  endLine: number;
  /** The node type, e.g. `CreateStmt`, `IndexStmt`. */
  kind: string;
  /** The node's fields (the value under `kind`). */
  node: PgNode;
  /** False when PostgreSQL refuses to run it inside a transaction block. */
  transactional: boolean;
  /** Why it cannot run in a transaction (for reports). */
  nonTransactionalReason?: string;
  /** BEGIN / COMMIT / ROLLBACK / SAVEPOINT … written in the file. */
  transactionControl?: string;
}

export interface SplitOptions {
  /** File name used in error positions. */
  file?: string;
  migration?: string;
  /** Server major the statements will run on (ALTER TYPE … ADD VALUE is non-transactional before 12). */
  serverMajor?: number;
}

type PgQuery = typeof import('libpg-query');
let loaded: Promise<void> | undefined;
let library: PgQuery | undefined;

/**
 * Loads the WebAssembly parser once; every other function here needs it. Imported on first use,
 * so commands that parse no SQL never compile it.
 */
export function loadParser(): Promise<void> {
  // The parser's one huge function (the grammar) costs V8's optimising tier seconds of CPU to
  // compile — 2.2 s on Node 24, which the process then waits for at exit — while the baseline
  // tier parses a migration history faster than the tier-up would ever repay. Set before the
  // module compiles; no other WebAssembly runs in this process.
  if (!loaded) for (const flag of WASM_BASELINE_FLAGS) v8.setFlagsFromString(flag);
  loaded ??= import('libpg-query').then(async (module) => {
    await module.loadModule();
    library = module;
  });
  return loaded;
}

/** Whether anything in this process has asked for the parser (apply with nothing pending does not). */
export function parserLoaded(): boolean {
  return loaded !== undefined;
}

/** libpg-query's functions (parse, scan …), once `loadParser()` has resolved. */
export function pgQuery(): PgQuery {
  if (!library) throw new Error('The SQL parser is not loaded: await loadParser() first.');
  return library;
}

export class SqlParseError extends MigrateActionsError {
  constructor(message: string, where: { file?: string; line: number; column: number; migration?: string }, near?: string) {
    super('E_SQL_PARSE', `SQL syntax error: ${message}${near ? ` (near: ${near})` : ''}`, {
      where,
      remedy: 'Fix the SQL at that position; PostgreSQL would reject it the same way.',
    });
    this.name = 'SqlParseError';
  }
}

/** Maps UTF-8 byte offsets (what the parser reports) to string offsets. */
function byteToCharMapper(text: string): (byteOffset: number) => number {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length === text.length) return (b) => b;
  const map = new Int32Array(bytes.length + 1);
  let byte = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    for (let k = 0; k < size; k++) map[byte + k] = i;
    byte += size;
    if (code >= 0x10000) i++; // surrogate pair
  }
  map[bytes.length] = text.length;
  return (b) => map[Math.min(Math.max(b, 0), bytes.length)];
}

/**
 * Line and column of increasing offsets in one pass: statements come in file order, so each
 * lookup continues from the previous one instead of rescanning the file (linear, not quadratic).
 */
class PositionCursor {
  private offset = 0;
  private line = 1;
  private lastNewline = -1;

  constructor(private readonly text: string) {}

  at(target: number): { line: number; column: number } {
    if (target < this.offset) return positionOf(this.text, target);
    for (let i = this.offset; i < target && i < this.text.length; i++) {
      if (this.text.charCodeAt(i) === 10) {
        this.line++;
        this.lastNewline = i;
      }
    }
    this.offset = Math.max(this.offset, Math.min(target, this.text.length));
    return { line: this.line, column: target - this.lastNewline };
  }
}

/** 1-based line and column of a string offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lastNewline = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lastNewline = i;
    }
  }
  return { line, column: offset - lastNewline };
}

/** Skips whitespace and comments from `offset` (the parser's locations can include them). */
function skipTrivia(text: string, offset: number, end: number): number {
  let i = offset;
  while (i < end) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\uFEFF') {
      i++;
    } else if (c === '-' && text[i + 1] === '-') {
      while (i < end && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      let depth = 1; // PostgreSQL block comments nest
      i += 2;
      while (i < end && depth > 0) {
        if (text[i] === '/' && text[i + 1] === '*') {
          depth++;
          i += 2;
        } else if (text[i] === '*' && text[i + 1] === '/') {
          depth--;
          i += 2;
        } else i++;
      }
    } else break;
  }
  return i;
}

function nonTransactional(kind: string, node: PgNode, serverMajor: number): string | undefined {
  switch (kind) {
    case 'IndexStmt':
      return node.concurrent ? 'CREATE INDEX CONCURRENTLY cannot run inside a transaction block' : undefined;
    case 'DropStmt':
      return node.concurrent ? 'DROP INDEX CONCURRENTLY cannot run inside a transaction block' : undefined;
    case 'ReindexStmt': {
      const params = (node.params ?? []) as PgNode[];
      const concurrent = params.some((p) => p.DefElem?.defname === 'concurrently') || node.concurrent === true;
      return concurrent ? 'REINDEX CONCURRENTLY cannot run inside a transaction block' : undefined;
    }
    case 'VacuumStmt':
      return node.is_vacuumcmd ? 'VACUUM cannot run inside a transaction block' : undefined;
    case 'CreatedbStmt':
    case 'DropdbStmt':
      return 'CREATE/DROP DATABASE cannot run inside a transaction block';
    case 'CreateTableSpaceStmt':
    case 'DropTableSpaceStmt':
      return 'CREATE/DROP TABLESPACE cannot run inside a transaction block';
    case 'AlterSystemStmt':
      return 'ALTER SYSTEM cannot run inside a transaction block';
    case 'CreateSubscriptionStmt':
    case 'DropSubscriptionStmt':
      return 'CREATE/DROP SUBSCRIPTION cannot run inside a transaction block';
    case 'AlterEnumStmt':
      return serverMajor < 12 && node.newVal !== undefined && node.oldVal === undefined
        ? `ALTER TYPE … ADD VALUE cannot run inside a transaction block on PostgreSQL ${serverMajor}`
        : undefined;
    case 'AlterTableStmt': {
      const cmds = (node.cmds ?? []) as PgNode[];
      const detach = cmds.some((c) => c.AlterTableCmd?.subtype === 'AT_DetachPartition' && c.AlterTableCmd?.def?.PartitionCmd?.concurrent);
      return detach ? 'DETACH PARTITION CONCURRENTLY cannot run inside a transaction block' : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Splits a SQL file into statements with positions. Throws SqlParseError (with file, line and
 * column) when PostgreSQL's grammar rejects the text. Call `loadParser()` first.
 */
export function splitStatements(sql: string, options: SplitOptions = {}): SqlStatement[] {
  const text = sql.charCodeAt(0) === 0xfeff ? ' ' + sql.slice(1) : sql; // keep offsets; BOM → space
  if (skipTrivia(text, 0, text.length) >= text.length) return []; // empty or comments only
  const toChar = byteToCharMapper(text);
  let tree: { stmts?: Array<{ stmt: PgNode; stmt_location?: number; stmt_len?: number }> };
  try {
    tree = pgQuery().parseSync(text) as typeof tree;
  } catch (error) {
    const details = (error as { sqlDetails?: { message?: string; cursorPosition?: number } }).sqlDetails;
    const message = details?.message ?? (error as Error).message ?? String(error);
    const cursor = details?.cursorPosition !== undefined ? toChar(details.cursorPosition) : text.length;
    const pos = positionOf(text, cursor);
    const near = text.slice(cursor, cursor + 40).split('\n')[0];
    throw new SqlParseError(message, { file: options.file, migration: options.migration, ...pos }, near || undefined);
  }
  const statements: SqlStatement[] = [];
  const serverMajor = options.serverMajor ?? 99;
  const starts = new PositionCursor(text);
  const ends = new PositionCursor(text);
  for (const raw of tree.stmts ?? []) {
    const byteStart = raw.stmt_location ?? 0;
    const charStart = toChar(byteStart);
    const charEnd = raw.stmt_len ? toChar(byteStart + raw.stmt_len) : text.length;
    const start = skipTrivia(text, charStart, charEnd);
    let end = charEnd;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (text[end - 1] === ';') end--;
    const [kind] = Object.keys(raw.stmt);
    const node = raw.stmt[kind] as PgNode;
    const startPos = starts.at(start);
    const reason = nonTransactional(kind, node, serverMajor);
    const statement: SqlStatement = {
      index: statements.length,
      text: text.slice(start, end),
      start,
      end,
      line: startPos.line,
      column: startPos.column,
      endLine: ends.at(end).line,
      kind,
      node,
      transactional: reason === undefined,
      nonTransactionalReason: reason,
    };
    if (kind === 'TransactionStmt') statement.transactionControl = String(node.kind ?? '').replace('TRANS_STMT_', '');
    statements.push(statement);
  }
  return statements;
}

/** A short one-line form of a statement for reports. */
export function summarizeStatement(text: string, max = 120): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
