/**
 * Typed access to libpg-query parse trees (types from @pgsql/types, re-exported by libpg-query),
 * so a detector that reads a field the node does not have fails to compile.
 */
import type { Node } from 'libpg-query';

type KeysOfUnion<T> = T extends unknown ? keyof T : never;

/** Every node type name: `IndexStmt`, `ColumnDef`, `Constraint` … */
export type NodeKind = KeysOfUnion<Node>;

/** The fields of a node of type `K` (the value under its type name). */
export type NodeOf<K extends NodeKind> = Extract<Node, Record<K, unknown>>[K];

/** The fields of `node` when it is a `kind` node, else undefined. */
export function nodeOf<K extends NodeKind>(node: Node | undefined, kind: K): NodeOf<K> | undefined {
  return node && kind in node ? (node as unknown as Record<K, NodeOf<K>>)[kind] : undefined;
}

/** The `kind` fields of every `kind` node in a list (others are skipped). */
export function nodesOf<K extends NodeKind>(nodes: Node[] | undefined, kind: K): NodeOf<K>[] {
  return (nodes ?? []).map((node) => nodeOf(node, kind)).filter((n): n is NodeOf<K> => n !== undefined);
}

/** The statement's fields when it is a `kind` statement (its node is the type its kind names). */
export function statementOf<K extends NodeKind>(statement: { kind: string; node: unknown }, kind: K): NodeOf<K> | undefined {
  return statement.kind === kind ? (statement.node as NodeOf<K>) : undefined;
}
