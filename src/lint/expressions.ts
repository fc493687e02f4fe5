/** Facts about expressions and column types that decide whether a change rewrites the table. */
import type { ColumnDef, Node } from 'libpg-query';
import type { SqlStatement } from '../sql/parser.js';
import { nameParts, typeInfo, type TypeInfo } from './names.js';
import { nodeOf, nodesOf } from './nodes.js';

/** Functions known not to be volatile (a default using only these does not rewrite on PG 11+). */
const NON_VOLATILE_FUNCTIONS = new Set([
  'now',
  'statement_timestamp',
  'transaction_timestamp',
  'current_setting',
  'lower',
  'upper',
  'length',
  'coalesce',
  'jsonb_build_object',
  'json_build_object',
  'jsonb_build_array',
  'array',
  'to_jsonb',
  'make_interval',
  'concat',
  'md5',
  'abs',
  'round',
  'btrim',
  'trim',
  'to_timestamp',
  'date_trunc',
  'timezone',
  'nullif',
]);

/** Every FuncCall name inside a parse-tree fragment. */
function functionNames(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const item of node) functionNames(item, out);
  } else if (node && typeof node === 'object') {
    const call = nodeOf(node as Node, 'FuncCall');
    if (call) out.push((nameParts(call.funcname).pop() ?? '').toLowerCase());
    for (const value of Object.values(node)) functionNames(value, out);
  }
  return out;
}

/** The first function in the expression that is (or may be) volatile. */
export function volatileFunction(expr: Node | undefined): string | undefined {
  return functionNames(expr).find((name) => !NON_VOLATILE_FUNCTIONS.has(name));
}

const SERIAL_TYPES = new Set(['serial', 'serial4', 'bigserial', 'serial8', 'smallserial', 'serial2']);
const SMALL_ID_TYPES = new Set(['int4', 'int2', 'integer', 'smallint', 'int', 'serial', 'serial4', 'smallserial', 'serial2']);

export function isSerial(type: TypeInfo | undefined): boolean {
  return !!type && SERIAL_TYPES.has(type.name);
}

export function isSmallIdType(type: TypeInfo | undefined): boolean {
  return !!type && !type.isArray && SMALL_ID_TYPES.has(type.name);
}

const TEXTUAL = new Set(['text', 'varchar']);

/** True when PostgreSQL changes the type without rewriting the table (binary-coercible widening). */
export function isBinaryCoercible(from: TypeInfo, to: TypeInfo): boolean {
  if (from.isArray !== to.isArray) return false;
  if (from.name === to.name) {
    if (to.typmods.length === 0) return from.name === 'varchar' || from.name === 'numeric' || from.typmods.length === 0;
    if (from.typmods.length === 0) return false;
    if (from.name === 'varchar' || from.name === 'varbit') return to.typmods[0] >= from.typmods[0];
    if (from.name === 'numeric') return to.typmods[0] >= from.typmods[0] && (to.typmods[1] ?? 0) === (from.typmods[1] ?? 0);
    return from.typmods.every((mod, i) => mod === to.typmods[i]);
  }
  if (TEXTUAL.has(from.name) && to.name === 'text') return true;
  if (from.name === 'text' && to.name === 'varchar' && to.typmods.length === 0) return true;
  return from.name === 'cidr' && to.name === 'inet';
}

/**
 * The source text of a CHECK constraint's expression: the balanced parentheses after CHECK,
 * starting at the constraint's offset in the file.
 */
export function checkExpressionText(sql: string, fromOffset: number): string | undefined {
  const match = /check\s*\(/iy;
  let i = fromOffset;
  for (; i < sql.length; i++) {
    match.lastIndex = i;
    if (match.test(sql)) break;
  }
  if (i >= sql.length) return undefined;
  const open = sql.indexOf('(', i);
  let depth = 0;
  for (let j = open; j < sql.length; j++) {
    const c = sql[j];
    if (c === "'" || c === '"') {
      j = sql.indexOf(c, j + 1);
      while (j >= 0 && sql[j + 1] === c) j = sql.indexOf(c, j + 2);
      if (j < 0) return undefined;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return sql.slice(open + 1, j).trim();
  }
  return undefined;
}

/** String offset of a UTF-8 byte offset in `text`. */
export function charOffset(text: string, byteOffset: number, isAscii: boolean): number {
  return isAscii ? byteOffset : Buffer.from(text, 'utf8').subarray(0, byteOffset).toString('utf8').length;
}

/** What a new column's definition says about filling existing rows. */
export interface NewColumn {
  /** Why adding it rewrites the table, if it does. */
  rewrite?: string;
  /** Existing rows get a value (a default, identity, generated or serial column). */
  filled: boolean;
  notNull: boolean;
}

export function newColumn(def: ColumnDef, serverMajor: number): NewColumn {
  const constraints = nodesOf(def.constraints, 'Constraint');
  const find = (type: string) => constraints.find((c) => c.contype === type);
  const defaultExpr = find('CONSTR_DEFAULT')?.raw_expr;
  const type = typeInfo(def.typeName);
  const rewrite = isSerial(type)
    ? `its ${type?.name} type fills every row from a sequence`
    : find('CONSTR_IDENTITY')
      ? 'an identity column fills every row'
      : find('CONSTR_GENERATED')
        ? 'a stored generated column is computed for every row'
        : defaultExpr && serverMajor < 11
          ? `any default rewrites the table before PostgreSQL 11 (target: ${serverMajor})`
          : defaultExpr && volatileFunction(defaultExpr)
            ? `its default calls ${volatileFunction(defaultExpr)}(), which is (or may be) volatile`
            : undefined;
  return { rewrite, filled: !!(defaultExpr || rewrite), notNull: !!find('CONSTR_NOTNULL') };
}

/** The column an ADD COLUMN subcommand adds NOT NULL with nothing to fill existing rows, if it does. */
export function notNullColumnWithoutDefault(cmd: { def?: Node }, serverMajor: number): ColumnDef | undefined {
  const def = nodeOf(cmd.def, 'ColumnDef');
  if (!def) return undefined;
  const column = newColumn(def, serverMajor);
  return column.notNull && !column.filled ? def : undefined;
}

/** SET x = 0 / '0' / '0s' / DEFAULT / RESET (a timeout turned off or back to the server default). */
export function isZeroSetting(statement: SqlStatement): boolean {
  const value = nodeOf(statement.node.args?.[0], 'A_Const');
  if (!value) return statement.node.kind !== 'VAR_SET_VALUE';
  if (value.ival) return !value.ival.ival;
  return /^\s*0+\s*[a-z]*\s*$/i.test(String(value.sval?.sval ?? ''));
}
