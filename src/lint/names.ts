/** Names from parse-tree nodes, normalised to `schema.name` keys, and SQL quoting of those keys. */
import type { Constraint, Node, RangeVar, TypeName } from 'libpg-query';
import { quoteIdent } from '../postgres/sql.js';
import { nodeOf } from './nodes.js';

/** `schema.name` key of a RangeVar (unqualified names land in the default schema). */
export function rangeVarKey(rangeVar: RangeVar | { RangeVar: RangeVar } | undefined, defaultSchema: string): string {
  if (!rangeVar) return `${defaultSchema}.?`;
  const rv = 'RangeVar' in rangeVar ? rangeVar.RangeVar : rangeVar;
  return `${rv.schemaname ?? defaultSchema}.${rv.relname}`;
}

/** Strings of a `List` / name array node (`[{String:{sval}}]`). */
export function nameParts(node: Node | Node[] | undefined): string[] {
  const items: Node[] = Array.isArray(node) ? node : (nodeOf(node, 'List')?.items ?? (nodeOf(node, 'String') ? [node!] : []));
  return items.map((item) => nodeOf(item, 'String')?.sval).filter((s): s is string => typeof s === 'string');
}

/** `schema.name` key of a possibly qualified dotted name. */
export function partsKey(parts: string[], defaultSchema: string): string {
  return parts.length >= 2 ? `${parts[parts.length - 2]}.${parts[parts.length - 1]}` : `${defaultSchema}.${parts[0]}`;
}

/** SQL for a `schema.name` key (split at the first dot: the schema part never holds one). */
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

export function typeInfo(typeName: TypeName | undefined): TypeInfo | undefined {
  if (!typeName) return undefined;
  const parts = nameParts(typeName.names);
  const typmods = (typeName.typmods ?? []).map((m) => Number(nodeOf(m, 'A_Const')?.ival?.ival ?? 0));
  return { name: (parts[parts.length - 1] ?? '').toLowerCase(), typmods, isArray: Array.isArray(typeName.arrayBounds) };
}

export function describeType(type: TypeInfo | undefined): string {
  if (!type) return 'unknown';
  return `${type.name}${type.typmods.length ? `(${type.typmods.join(',')})` : ''}${type.isArray ? '[]' : ''}`;
}

/** The constraint's name, or the one PostgreSQL would choose for it (`users_pkey`, `users_email_key`). */
export function constraintName(table: string, constraint: Constraint): string {
  if (constraint.conname) return constraint.conname;
  const bare = table.slice(table.indexOf('.') + 1);
  if (constraint.contype === 'CONSTR_PRIMARY') return `${bare}_pkey`;
  return `${bare}_${nameParts(constraint.keys ?? constraint.fk_attrs).join('_')}_${constraint.contype === 'CONSTR_FOREIGN' ? 'fkey' : 'key'}`;
}
