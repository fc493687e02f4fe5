/** Which tables a set of migrations touches, and their ER view from a catalog snapshot. */
import { loadParser, splitStatements, type PgNode } from '../sql/parser.js';
import type { CatalogSnapshot, ColumnObject, ConstraintObject } from '../catalog/types.js';
import type { ErTable } from '../report/mermaid.js';

/** Every relation name (RangeVar) any statement mentions. */
export async function touchedTables(migrations: Array<{ name: string; sql: string }>): Promise<Set<string>> {
  await loadParser();
  const names = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const record = node as PgNode;
    if (record.RangeVar?.relname) names.add(record.RangeVar.relname);
    if (typeof record.relname === 'string' && 'inh' in record) names.add(record.relname);
    for (const value of Object.values(record)) walk(value);
  };
  for (const migration of migrations) {
    try {
      for (const statement of splitStatements(migration.sql, { migration: migration.name })) walk(statement.node);
    } catch {
      /* unparseable SQL is reported by the lint and apply steps */
    }
  }
  return names;
}

/** The touched tables (and the tables they reference) as ER entities. */
export function erTablesFor(snapshot: CatalogSnapshot, touched: Set<string>): ErTable[] {
  const columns = Object.values(snapshot.objects.column) as ColumnObject[];
  const constraints = Object.values(snapshot.objects.constraint) as ConstraintObject[];
  const tables: ErTable[] = [];
  for (const name of [...touched].sort()) {
    const own = columns.filter((c) => c.table === name).sort((a, b) => a.position - b.position);
    if (!own.length) continue;
    const pk = constraints.find((c) => c.table === name && c.kind === 'primary');
    const fks = constraints.filter((c) => c.table === name && c.kind === 'foreign');
    const references = fks
      .map((fk) => /REFERENCES\s+(?:"?[^"(.]+"?\.)?"?([^"(]+)"?\s*\(/i.exec(fk.definition)?.[1])
      .filter((to): to is string => Boolean(to))
      .map((to) => ({ to }));
    tables.push({
      name,
      columns: own.map((c) => ({
        name: c.name,
        type: c.type,
        pk: pk ? new RegExp(`\\(([^)]*\\b)?"?${c.name}"?\\b`).test(pk.definition) : false,
        fk: fks.some((fk) => new RegExp(`FOREIGN KEY \\([^)]*"?${c.name}"?`).test(fk.definition)) ? 'fk' : undefined,
      })),
      references,
    });
  }
  return tables;
}
