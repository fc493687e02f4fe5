/** Names from parse-tree nodes, normalised to `schema.name` keys, and SQL quoting for checks. */
import type { PgNode } from '../sql/parser.js';

export function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

/** `schema.name` key of a RangeVar (unqualified names land in the default schema). */
export function rangeVarKey(rangeVar: PgNode | undefined, defaultSchema: string): string {
  if (!rangeVar) return `${defaultSchema}.?`;
  const rv = (rangeVar.RangeVar ?? rangeVar) as PgNode;
  return `${rv.schemaname ?? defaultSchema}.${rv.relname}`;
}

/** Strings of a `List` / name array node (`[{String:{sval}}]`). */
export function nameParts(node: PgNode | PgNode[] | undefined): string[] {
  const items: PgNode[] = Array.isArray(node) ? node : (node?.List?.items ?? (node?.String ? [node] : []));
  return items.map((item) => item.String?.sval).filter((s): s is string => typeof s === 'string');
}

/** `schema.name` key of a possibly qualified dotted name. */
export function partsKey(parts: string[], defaultSchema: string): string {
  return parts.length >= 2 ? `${parts[parts.length - 2]}.${parts[parts.length - 1]}` : `${defaultSchema}.${parts[0]}`;
}

/** SQL for a `schema.name` key. */
export function quoteKey(key: string): string {
  const dot = key.indexOf('.');
  return `${quoteIdent(key.slice(0, dot))}.${quoteIdent(key.slice(dot + 1))}`;
}

export interface TypeInfo {
  /** Last name part, lowercased, pg_catalog prefix dropped: int4, varchar, serial, timestamp … */
  name: string;
  typmods: number[];
  isArray: boolean;
}

export function typeInfo(typeName: PgNode | undefined): TypeInfo | undefined {
  if (!typeName) return undefined;
  const parts = nameParts(typeName.names);
  const typmods = ((typeName.typmods ?? []) as PgNode[]).map((m) => Number(m.A_Const?.ival?.ival ?? 0));
  return { name: (parts[parts.length - 1] ?? '').toLowerCase(), typmods, isArray: Array.isArray(typeName.arrayBounds) };
}

export function describeType(type: TypeInfo | undefined): string {
  if (!type) return 'unknown';
  return `${type.name}${type.typmods.length ? `(${type.typmods.join(',')})` : ''}${type.isArray ? '[]' : ''}`;
}
